<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ComplaintFromVisitDialog</name>
    <message>
        <source>Open a complaint?</source>
        <translation>是否登记投诉？</translation>
    </message>
    <message>
        <source>%1 was not satisfied. Open a complaint now so it gets an owner and its response clock starts?</source>
        <translation>%1 不满意。现在登记投诉，指定负责人并开始计时吗？</translation>
    </message>
    <message>
        <source>What the customer is unhappy about</source>
        <translation>客户不满意的内容</translation>
    </message>
    <message>
        <source>Open complaint</source>
        <translation>登记投诉</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>暂不登记</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Claim no.</source>
        <translation>赔案号</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Complexity</source>
        <translation>复杂程度</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Due today</source>
        <translation>今日到期</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Upcoming</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>My visits</source>
        <translation>我的回访</translation>
    </message>
    <message>
        <source>Whole branch</source>
        <translation>全支公司</translation>
    </message>
    <message>
        <source>All steps</source>
        <translation>全部节点</translation>
    </message>
    <message>
        <source>All claim types</source>
        <translation>全部险种</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>全部渠道</translation>
    </message>
    <message>
        <source>Name, pinyin, initials, phone last 4, claim no.</source>
        <translation>姓名、拼音、首字母、手机尾号后4位、赔案号</translation>
    </message>
</context>
<context>
    <name>LogVisitDialog</name>
    <message>
        <source>Could not save: %1</source>
        <translation>保存失败：%1</translation>
    </message>
    <message>
        <source>Log a visit — %1</source>
        <translation>登记回访 — %1</translation>
    </message>
    <message>
        <source>%1 · %2 · claim %3</source>
        <translation>%1 · %2 · 赔案 %3</translation>
    </message>
    <message>
        <source>Questions the customer asked, feedback in their words</source>
        <translation>客户提出的问题，以及客户原话反馈</translation>
    </message>
    <message>
        <source>Follow-up needed</source>
        <translation>需要跟进</translation>
    </message>
    <message>
        <source>The customer wants to complain</source>
        <translation>客户要投诉</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Call back on</source>
        <translation>回电日期</translation>
    </message>
    <message>
        <source>Questions and feedback</source>
        <translation>问题与反馈</translation>
    </message>
    <message>
        <source>1 = very unhappy, 5 = very happy</source>
        <translation>1 = 非常不满意，5 = 非常满意</translation>
    </message>
    <message>
        <source>Choose how satisfied the customer is (1 to 5).</source>
        <translation>请选择客户满意度（1到5）。</translation>
    </message>
</context>
<context>
    <name>VisitQueueColumns</name>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Claim no.</source>
        <translation>赔案号</translation>
    </message>
    <message>
        <source>Claim type</source>
        <translation>险种</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>已赔付</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>回访节点</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>联系次数</translation>
    </message>
    <message>
        <source>Preferred contact</source>
        <translation>偏好联系方式</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>Visit queue</source>
        <translation>回访队列</translation>
    </message>
    <message>
        <source>&amp;Log visit…</source>
        <translation>登记回访(&amp;L)…</translation>
    </message>
    <message>
        <source>Record a call or visit with the selected customer (Ctrl+L)</source>
        <translation>登记与所选客户的电话或拜访（Ctrl+L）</translation>
    </message>
    <message>
        <source>Open &amp;customer</source>
        <translation>打开客户(&amp;C)</translation>
    </message>
    <message>
        <source>Show the selected customer&apos;s care profile</source>
        <translation>查看所选客户的关怀档案</translation>
    </message>
    <message>
        <source>&amp;Reverse order</source>
        <translation>倒序查看(&amp;R)</translation>
    </message>
    <message>
        <source>Jump to the end of the list: show it from its last row</source>
        <translation>跳到列表末尾：从最后一行开始显示</translation>
    </message>
    <message numerus="yes">
        <source>More than %n visit(s)</source>
        <translation>
            <numerusform>超过 %n 条回访</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n visit(s)</source>
        <translation>
            <numerusform>%n 条回访</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing here. Try another tab or clear the filters.</source>
        <translation>这里没有内容。请切换标签页或清除筛选条件。</translation>
    </message>
</context>
</TS>
