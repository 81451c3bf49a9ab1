<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ClaimsTimeline</name>
    <message>
        <source>48 h limit</source>
        <translation>48 小时时限</translation>
    </message>
</context>
<context>
    <name>CommunicationsPanel</name>
    <message>
        <source>Outgoing</source>
        <translation>呼出</translation>
    </message>
    <message>
        <source>Incoming</source>
        <translation>呼入</translation>
    </message>
    <message>
        <source>What was said or sent</source>
        <translation>沟通内容摘要</translation>
    </message>
    <message>
        <source>Add to log</source>
        <translation>记入沟通记录</translation>
    </message>
</context>
<context>
    <name>CustomerSearch</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Pinyin</source>
        <translation>拼音</translation>
    </message>
    <message>
        <source>Initials</source>
        <translation>首字母</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>保单</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>赔案</translation>
    </message>
    <message>
        <source>Phone suffix</source>
        <translation>手机尾号</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Found by</source>
        <translation>匹配方式</translation>
    </message>
</context>
<context>
    <name>PreferencesForm</name>
    <message>
        <source>Not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>e.g. weekday afternoons</source>
        <translation>例如：工作日下午</translation>
    </message>
    <message>
        <source>Do not disturb (service reminders only)</source>
        <translation>免打扰（仅接收服务提醒）</translation>
    </message>
    <message>
        <source>Agrees to greetings and offers</source>
        <translation>同意接收问候与营销信息</translation>
    </message>
    <message>
        <source>Save preferences</source>
        <translation>保存偏好</translation>
    </message>
    <message>
        <source>Preferred channel</source>
        <translation>偏好渠道</translation>
    </message>
    <message>
        <source>Best time to call</source>
        <translation>方便联系时间</translation>
    </message>
    <message>
        <source>Care notes</source>
        <translation>关怀备注</translation>
    </message>
</context>
<context>
    <name>ProfileHeader</name>
    <message>
        <source>Reveal</source>
        <translation>查看完整</translation>
    </message>
    <message>
        <source>Show the full number. This is recorded in the audit log.</source>
        <translation>显示完整号码，此操作将记入审计日志。</translation>
    </message>
    <message>
        <source>Edit tags…</source>
        <translation>编辑标签…</translation>
    </message>
    <message>
        <source>Account manager</source>
        <translation>客户经理</translation>
    </message>
    <message>
        <source>Dedicated advisor</source>
        <translation>专属顾问</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Care tags</source>
        <translation>关怀标签</translation>
    </message>
    <message>
        <source>Risk: %1 (%2)</source>
        <translation>风险：%1（%2 分）</translation>
    </message>
    <message>
        <source>No tags yet</source>
        <translation>暂无标签</translation>
    </message>
    <message>
        <source>None assigned</source>
        <translation>未指派</translation>
    </message>
</context>
<context>
    <name>ProfileSections</name>
    <message>
        <source>Not paid yet</source>
        <translation>尚未支付</translation>
    </message>
    <message>
        <source>No payout (rejected)</source>
        <translation>拒赔，无需支付</translation>
    </message>
    <message>
        <source>%1 — over 48 h</source>
        <translation>%1（超过 48 小时）</translation>
    </message>
    <message>
        <source>Claim no.</source>
        <translation>赔案号</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>险种</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>报案时间</translation>
    </message>
    <message>
        <source>Documents confirmed</source>
        <translation>资料确认时间</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>支付时间</translation>
    </message>
    <message>
        <source>Payout time</source>
        <translation>支付用时</translation>
    </message>
    <message>
        <source>Paid amount</source>
        <translation>赔付金额</translation>
    </message>
    <message>
        <source>Step / attempt</source>
        <translation>回访节点 / 尝试</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>应办日期</translation>
    </message>
    <message>
        <source>Status / result</source>
        <translation>状态 / 结果</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Feedback / notes</source>
        <translation>反馈 / 备注</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>受理时间</translation>
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
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Incoming</source>
        <translation>呼入</translation>
    </message>
    <message>
        <source>Outgoing</source>
        <translation>呼出</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>计划中</translation>
    </message>
    <message>
        <source>Done at</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>分值</translation>
    </message>
</context>
<context>
    <name>ProfileView</name>
    <message>
        <source>Time from documents confirmed to payout: green within 48 h, red later, dashed grey not paid yet.</source>
        <translation>从资料确认到支付的用时：绿色为 48 小时内，红色为超时，灰色虚线为尚未支付。</translation>
    </message>
    <message>
        <source>Claims &amp;&amp; payouts</source>
        <translation>理赔与支付</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Communications</source>
        <translation>沟通记录</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>偏好设置</translation>
    </message>
    <message>
        <source>Care plan</source>
        <translation>关怀计划</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>流失风险</translation>
    </message>
    <message>
        <source>The risk score has not been computed yet.</source>
        <translation>尚未计算风险评分。</translation>
    </message>
    <message>
        <source>Score %1: no warning signs.</source>
        <translation>评分 %1：暂无风险信号。</translation>
    </message>
    <message>
        <source>Score %1 of 100, made of:</source>
        <translation>风险评分 %1/100，构成如下：</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Name, pinyin, initials, phone last 4, policy or claim no.</source>
        <translation>姓名、拼音、首字母、手机尾号、保单号或赔案号</translation>
    </message>
    <message>
        <source>Type to search the whole branch.</source>
        <translation>输入关键字，在全机构范围内查找客户。</translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) found</source>
        <translation>
            <numerusform>找到 %n 位客户</numerusform>
        </translation>
    </message>
    <message>
        <source>No customer matches. Check the spelling, or try the phone&apos;s last four digits.</source>
        <translation>没有匹配的客户。请检查拼写，或尝试手机号后四位。</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>Find a customer by name, pinyin or initials (e.g. zw for 张伟), the last four digits of the phone, a policy or a claim number.</source>
        <translation>可按姓名、拼音或首字母（如 zw 查找张伟）、手机号后四位、保单号或赔案号查找客户。</translation>
    </message>
    <message>
        <source>Care profile</source>
        <translation>客户关怀档案</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Care tags</source>
        <translation>关怀标签</translation>
    </message>
    <message>
        <source>Tags, separated by commas:</source>
        <translation>标签（用逗号分隔）：</translation>
    </message>
    <message>
        <source>phone number</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Reveal %1?</source>
        <translation>查看完整%1？</translation>
    </message>
    <message>
        <source>The full %1 is sensitive personal information. Showing it is recorded in the audit log under your name. Continue?</source>
        <translation>完整%1属于敏感个人信息，查看操作将以您的名义记入审计日志。是否继续？</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
</context>
</TS>
