<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Workspace</name>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Chosen dates</source>
        <translation>自选日期</translation>
    </message>
    <message>
        <source>My work</source>
        <translation>我的工作</translation>
    </message>
    <message>
        <source>Whole branch</source>
        <translation>全支公司</translation>
    </message>
    <message>
        <source>Full phone and ID numbers (recorded in the audit log)</source>
        <translation>显示完整手机号和身份证号（记入审计日志）</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>Personal data</source>
        <translation>个人信息</translation>
    </message>
    <message>
        <source>Workbook language</source>
        <translation>表格语言</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Save the report as</source>
        <translation>报表另存为</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n row(s) to {path}.</source>
        <translation>
            <numerusform>已导出 %n 行到 {path}。</numerusform>
        </translation>
    </message>
    <message>
        <source>The export failed: {error}</source>
        <translation>导出失败：{error}</translation>
    </message>
</context>
<context>
    <name>export</name>
    <message>
        <source>Visit register</source>
        <translation>回访登记表</translation>
    </message>
    <message>
        <source>Complaint register</source>
        <translation>投诉登记表</translation>
    </message>
    <message>
        <source>KPI report</source>
        <translation>KPI 报告</translation>
    </message>
    <message>
        <source>Care list</source>
        <translation>关怀清单</translation>
    </message>
    <message>
        <source>At-risk customers</source>
        <translation>流失风险客户</translation>
    </message>
    <message>
        <source>Every visit due in the period and every attempt made in it, with outcome, satisfaction and whether it was on time.</source>
        <translation>期间内应访的每次回访及期间内的每次联系记录，含结果、满意度以及是否按时。</translation>
    </message>
    <message>
        <source>Every complaint opened in the period: owner, category, hours to first response and to solution, SLA and statutory clocks.</source>
        <translation>期间内受理的每件投诉：负责人、类别、首次响应与解决用时（小时）、内部时限与法定时限。</translation>
    </message>
    <message>
        <source>Every target of the care plan against its actual value, per account manager and per month, with a trend chart.</source>
        <translation>服务方案的每项指标目标与实际值，按客户经理和月份列示，并附趋势图。</translation>
    </message>
    <message>
        <source>Care items (birthdays, festivals, reminders) due in the period.</source>
        <translation>期间内到期的关怀事项（生日、节日、提醒）。</translation>
    </message>
    <message>
        <source>Customers by churn risk score, with the reasons behind it (today&apos;s scores; the period does not apply).</source>
        <translation>按流失风险分排列的客户及其原因（为当前分数，不受期间影响）。</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>本季度</translation>
    </message>
    <message>
        <source>Last quarter</source>
        <translation>上季度</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>今年</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>去年</translation>
    </message>
    <message>
        <source>The export settings are not valid.</source>
        <translation>导出设置无效。</translation>
    </message>
    <message>
        <source>Unknown report.</source>
        <translation>未知报表。</translation>
    </message>
    <message>
        <source>The period must start on or before its last day.</source>
        <translation>期间的开始日期不能晚于结束日期。</translation>
    </message>
    <message>
        <source>Your user is not in this profile.</source>
        <translation>此档案中没有您的用户。</translation>
    </message>
    <message>
        <source>Nobody is signed in.</source>
        <translation>没有已登录的用户。</translation>
    </message>
    <message>
        <source>Cannot write to {path}: choose another folder.</source>
        <translation>无法写入 {path}，请选择其他文件夹。</translation>
    </message>
    <message>
        <source>{path} is open in another program or read-only. Close it or choose another file name.</source>
        <translation>{path} 正被其他程序打开或为只读。请关闭后重试或换一个文件名。</translation>
    </message>
    <message>
        <source>Only a supervisor may export full phone and ID numbers.</source>
        <translation>只有主管可以导出完整的手机号和身份证号。</translation>
    </message>
    <message>
        <source>Only a supervisor may export the whole branch.</source>
        <translation>只有主管可以导出全支公司的数据。</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>导出已取消，未生成文件。</translation>
    </message>
</context>
</TS>
