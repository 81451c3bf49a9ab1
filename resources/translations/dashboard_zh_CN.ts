<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DashboardTables</name>
    <message>
        <source>Measure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>实际</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Same period last year</source>
        <translation>去年同期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Account manager</source>
        <translation>客户经理</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Colleague</source>
        <translation>同事</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Open visits</source>
        <translation>未完成回访</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>目标要求</translation>
    </message>
    <message>
        <source>Overdue visits</source>
        <translation>逾期回访</translation>
    </message>
    <message>
        <source>Open complaints</source>
        <translation>未结投诉</translation>
    </message>
    <message>
        <source>Due in 14 days</source>
        <translation>14 天内到期</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Step / category</source>
        <translation>节点 / 类别</translation>
    </message>
    <message>
        <source>With</source>
        <translation>当前负责人</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>无人负责</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>裁定时间</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>数据表</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Kept value</source>
        <translation>保留值</translation>
    </message>
    <message>
        <source>Value set aside</source>
        <translation>被覆盖的值</translation>
    </message>
    <message>
        <source>Set aside from</source>
        <translation>被覆盖方</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
</context>
<context>
    <name>KpiNames</name>
    <message>
        <source>Complete customer profiles</source>
        <translation>客户档案完整率</translation>
    </message>
    <message>
        <source>Valid profile fields</source>
        <translation>档案字段有效率</translation>
    </message>
    <message>
        <source>Payouts within 48 h</source>
        <translation>48 小时内赔付率</translation>
    </message>
    <message>
        <source>Closed claims visited</source>
        <translation>结案回访覆盖率</translation>
    </message>
    <message>
        <source>Visits satisfied (4–5)</source>
        <translation>回访满意率（4–5 分）</translation>
    </message>
    <message>
        <source>Customers given personal care</source>
        <translation>个性化关怀覆盖率</translation>
    </message>
    <message>
        <source>Complaints per closed claim</source>
        <translation>投诉率（每结案）</translation>
    </message>
    <message>
        <source>Complaints resolved</source>
        <translation>投诉解决率</translation>
    </message>
    <message>
        <source>Renewals after a claim</source>
        <translation>理赔后续保率</translation>
    </message>
    <message>
        <source>Mean complaint response time</source>
        <translation>投诉平均响应时长</translation>
    </message>
    <message>
        <source>Satisfaction score (0–100)</source>
        <translation>满意度得分（0–100）</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>%1 points vs last year</source>
        <translation>较去年同期 %1 分</translation>
    </message>
    <message>
        <source>%1 vs last year</source>
        <translation>较去年同期 %1</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>暂无数据</translation>
    </message>
    <message>
        <source>On target</source>
        <translation>达标</translation>
    </message>
    <message>
        <source>Off target</source>
        <translation>未达标</translation>
    </message>
</context>
<context>
    <name>WorkloadPanel</name>
    <message>
        <source>Reassign selected</source>
        <translation>改派所选</translation>
    </message>
    <message>
        <source>Hand the selected work to</source>
        <translation>将所选事项移交给</translation>
    </message>
    <message>
        <source>Open work due in the next 14 days (overdue first). Select rows with Ctrl or Shift.</source>
        <translation>未来 14 天内到期的未完成事项（逾期在前）。可按住 Ctrl 或 Shift 多选。</translation>
    </message>
    <message>
        <source>Showing the first %1 of %2 items due, earliest first.</source>
        <translation>按到期日期显示前 %1 项，共 %2 项。</translation>
    </message>
    <message>
        <source>Select the visits or complaints to hand over first.</source>
        <translation>请先选择要移交的回访或投诉。</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>Dashboard</source>
        <translation>管理看板</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月度</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Containing</source>
        <translation>包含日期</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>目标达成</translation>
    </message>
    <message>
        <source>Monthly trend</source>
        <translation>月度趋势</translation>
    </message>
    <message>
        <source>By account manager</source>
        <translation>客户经理对比</translation>
    </message>
    <message>
        <source>At-risk customers</source>
        <translation>风险客户</translation>
    </message>
    <message>
        <source>Workload</source>
        <translation>工作量</translation>
    </message>
    <message>
        <source>Sync conflicts</source>
        <translation>同步冲突</translation>
    </message>
    <message>
        <source>Blue line: actual; dashed: target; dots green when on target, red when off.</source>
        <translation>蓝线：实际值；虚线：目标值；圆点绿色表示达标，红色表示未达标。</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Whole branch</source>
        <translation>全机构</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>%1 to %2: %3 of %4 measurable targets met</source>
        <translation>%1 至 %2：可评估的 %4 项目标中达成 %3 项</translation>
    </message>
    <message>
        <source>No data for this measure in the last 12 months.</source>
        <translation>该指标近 12 个月暂无数据。</translation>
    </message>
    <message>
        <source>When two people changed the same field before syncing, HQ kept one value by its fixed rule; the value set aside is listed here so nothing is lost silently.</source>
        <translation>两人在同步前修改了同一字段时，总部按固定规则保留其中一个值；被覆盖的值列在这里，不会悄然丢失。</translation>
    </message>
    <message>
        <source>No sync conflicts: every change of this branch merged without overwriting another.</source>
        <translation>暂无同步冲突：本机构的所有修改均已合并，未覆盖他人的修改。</translation>
    </message>
    <message>
        <source>Handed over %1 visit(s) and %2 complaint(s); %3 left as they were.</source>
        <translation>已移交 %1 条回访和 %2 件投诉；%3 项保持不变。</translation>
    </message>
</context>
</TS>
