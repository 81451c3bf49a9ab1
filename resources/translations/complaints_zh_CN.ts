<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActionDialog</name>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>New owner</source>
        <translation>新负责人</translation>
    </message>
    <message>
        <source>What was done for the customer</source>
        <translation>为客户做了哪些处理</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Root cause</source>
        <translation>根本原因</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>ComplaintActions</name>
    <message>
        <source>Acknowledge</source>
        <translation>确认受理</translation>
    </message>
    <message>
        <source>Add note…</source>
        <translation>添加备注…</translation>
    </message>
    <message>
        <source>Pause…</source>
        <translation>暂停…</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>恢复处理</translation>
    </message>
    <message>
        <source>Escalate…</source>
        <translation>升级…</translation>
    </message>
    <message>
        <source>Reassign…</source>
        <translation>改派…</translation>
    </message>
    <message>
        <source>Resolve…</source>
        <translation>办结…</translation>
    </message>
    <message>
        <source>Close…</source>
        <translation>关闭…</translation>
    </message>
    <message>
        <source>Reopen…</source>
        <translation>重新打开…</translation>
    </message>
    <message>
        <source>Notes stay in the history for good; they cannot be edited.</source>
        <translation>备注将永久保留在处理记录中，不能修改。</translation>
    </message>
    <message>
        <source>While paused, the 24 h and 48 h clocks stand still. The statutory deadline keeps running.</source>
        <translation>暂停期间，24 小时和 48 小时时限停止计时；法定时限照常计算。</translation>
    </message>
    <message>
        <source>Escalating raises the complaint one level.</source>
        <translation>升级后，投诉的升级级别加一。</translation>
    </message>
    <message>
        <source>The new owner becomes the one person responsible for this complaint.</source>
        <translation>新负责人将成为该投诉唯一的负责人。</translation>
    </message>
    <message>
        <source>Record what was done and the root cause; both feed the periodic complaint analysis.</source>
        <translation>请记录处理结果和根本原因，二者将用于定期投诉分析。</translation>
    </message>
    <message>
        <source>Closing ends the work on this complaint; it can be reopened later.</source>
        <translation>关闭后该投诉的处理结束，之后仍可重新打开。</translation>
    </message>
    <message>
        <source>Reopening restarts the solution clocks.</source>
        <translation>重新打开后，解决时限将重新计时。</translation>
    </message>
</context>
<context>
    <name>ComplaintClocks</name>
    <message>
        <source>%1 over</source>
        <translation>已超时 %1</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>已达成</translation>
    </message>
    <message>
        <source>Paused · %1 left</source>
        <translation>暂停 · 剩余 %1</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>剩余 %1</translation>
    </message>
    <message>
        <source>Deadline %1</source>
        <translation>截止时间 %1</translation>
    </message>
</context>
<context>
    <name>ComplaintColumns</name>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Respond (24 h)</source>
        <translation>响应（24 小时）</translation>
    </message>
    <message>
        <source>Solve (48 h)</source>
        <translation>解决（48 小时）</translation>
    </message>
    <message>
        <source>Statutory</source>
        <translation>法定时限</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
</context>
<context>
    <name>ComplaintHistory</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>Open customer</source>
        <translation>打开客户档案</translation>
    </message>
    <message>
        <source>History</source>
        <translation>处理记录</translation>
    </message>
    <message>
        <source>Choose a complaint on the left to see its history.</source>
        <translation>请在左侧选择一件投诉查看处理记录。</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>State: %1 · Owner: %2 · Opened %3 · Escalation level %4 · Claim %5</source>
        <translation>状态：%1 · 负责人：%2 · 受理于 %3 · 升级级别 %4 · 赔案 %5</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Active (not resolved)</source>
        <translation>处理中（未办结）</translation>
    </message>
    <message>
        <source>Every state</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Every category</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>Any age</source>
        <translation>不限时长</translation>
    </message>
    <message numerus="yes">
        <source>Older than %n day(s)</source>
        <translation>
            <numerusform>超过 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>全部人员</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>我的</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>Complaints</source>
        <translation>投诉跟踪</translation>
    </message>
    <message numerus="yes">
        <source>%n complaint(s)</source>
        <translation>
            <numerusform>共 %n 件投诉</numerusform>
        </translation>
    </message>
    <message>
        <source>No complaint matches these filters.</source>
        <translation>没有符合筛选条件的投诉。</translation>
    </message>
</context>
</TS>
