<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Banner</name>
    <message>
        <source>Hide this reminder</source>
        <translation>隐藏此提醒</translation>
    </message>
</context>
<context>
    <name>CareMessages</name>
    <message>
        <source>At most {max} characters, please</source>
        <translation>最多 {max} 个字符</translation>
    </message>
    <message>
        <source>At most {max} tags, please</source>
        <translation>最多 {max} 个标签</translation>
    </message>
    <message>
        <source>This customer no longer exists</source>
        <translation>该客户已不存在</translation>
    </message>
    <message>
        <source>This complaint no longer exists</source>
        <translation>该投诉已不存在</translation>
    </message>
    <message>
        <source>This complaint belongs to another account manager</source>
        <translation>该投诉由其他客户经理负责</translation>
    </message>
    <message>
        <source>Choose an active colleague of this branch</source>
        <translation>请选择本机构在岗的同事</translation>
    </message>
    <message>
        <source>Only a supervisor may do this</source>
        <translation>只有主管可以执行此操作</translation>
    </message>
    <message>
        <source>Something went wrong: {detail}</source>
        <translation>操作未能完成：{detail}</translation>
    </message>
    <message>
        <source>Last visit scored {score} of 5</source>
        <translation>最近一次回访评分 {score}/5</translation>
    </message>
    <message>
        <source>Last visit scored only {score} of 5</source>
        <translation>最近一次回访评分仅 {score}/5</translation>
    </message>
    <message>
        <source>{count} open complaint(s)</source>
        <translation>{count} 件未结投诉</translation>
    </message>
    <message>
        <source>{count} complaint(s) past their deadline</source>
        <translation>{count} 件投诉已超时</translation>
    </message>
    <message>
        <source>{count} payout(s) later than 48 h</source>
        <translation>{count} 笔赔款超过 48 小时支付</translation>
    </message>
    <message>
        <source>{count} visit(s) could not reach the customer</source>
        <translation>{count} 次回访未能联系上客户</translation>
    </message>
    <message>
        <source>A policy ends in {days} days</source>
        <translation>有保单将在 {days} 天后到期</translation>
    </message>
    <message>
        <source>{count} rejected claim(s)</source>
        <translation>{count} 笔拒赔案件</translation>
    </message>
    <message>
        <source>{count} claim(s) paid only in part</source>
        <translation>{count} 笔部分赔付案件</translation>
    </message>
</context>
<context>
    <name>DatabaseCheck</name>
    <message>
        <source>Damage found in the local database</source>
        <translation>本地数据库发现损坏</translation>
    </message>
    <message>
        <source>ClaimCare checked the local database and found damaged pages. Some records may be missing or unreadable, and saving may fail.</source>
        <translation>ClaimCare 检查了本地数据库，发现有损坏的页面。部分记录可能缺失或无法读取，保存也可能失败。</translation>
    </message>
    <message>
        <source>Sync now (F5) so that your changes reach HQ. At the next start ClaimCare will offer to put this file aside (nothing is deleted) and start with a fresh database, which the next sync fills again from HQ.

File: %1</source>
        <translation>请立即同步（F5），让您的更改送达总部。下次启动时，ClaimCare 会提出将此文件移到一旁（不会删除任何内容），并以一个新的数据库开始，下次同步会从总部重新填充。

文件：%1</translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 天 %2 小时</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>ClaimCare Desktop — %1 (%2)</source>
        <translation>理赔关怀桌面版 — %1（%2）</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>立即同步(&amp;S)</translation>
    </message>
    <message>
        <source>Exchange changes with HQ now (F5)</source>
        <translation>立即与总部交换数据（F5）</translation>
    </message>
    <message>
        <source>Sign &amp;in again…</source>
        <translation>重新登录(&amp;I)…</translation>
    </message>
    <message>
        <source>Enter your password again, e.g. when HQ no longer accepts this PC&apos;s sign-in</source>
        <translation>重新输入密码，例如总部不再接受本机的登录时</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>搜索(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Log a visit</source>
        <translation>登记回访(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
</context>
<context>
    <name>ProfileRecovery</name>
    <message>
        <source>The local database of this profile is damaged and cannot be opened.</source>
        <translation>此配置的本地数据库已损坏，无法打开。</translation>
    </message>
    <message>
        <source>The local database of this profile has a structure this version cannot use.</source>
        <translation>此配置的本地数据库结构与当前版本不兼容。</translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <source>ClaimCare can put the file aside (nothing is deleted) and start with an empty database, which the next sync fills again from HQ. Changes not yet synced stay in the old file for support to recover.

Folder: %1</source>
        <translation>理赔关怀可以把该文件移到一旁（不会删除任何数据），并以空数据库启动，下次同步时会从总部重新获取数据。尚未同步的改动保留在旧文件中，可由技术支持恢复。

文件夹：%1</translation>
    </message>
    <message>
        <source>Put it aside and start fresh</source>
        <translation>移到一旁并重新开始</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
</context>
<context>
    <name>Reminder</name>
    <message numerus="yes">
        <source>%n visit(s) due today</source>
        <translation>
            <numerusform>今日到期回访 %n 条</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n complaint(s) close to breach</source>
        <translation>
            <numerusform>%n 件投诉即将超时</numerusform>
        </translation>
    </message>
    <message>
        <source>ClaimCare — today</source>
        <translation>理赔关怀 — 今日待办</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in to ClaimCare</source>
        <translation>登录理赔关怀</translation>
    </message>
    <message>
        <source>e.g. bj01.mgr1</source>
        <translation>例如 bj01.mgr1</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Address of the HQ service; without it you can sign in offline after one online sign-in on this PC</source>
        <translation>总部服务地址；在本机成功在线登录一次后，无网络时也可离线登录</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>HQ address</source>
        <translation>总部地址</translation>
    </message>
    <message>
        <source>ClaimCare — after-claim customer care</source>
        <translation>理赔关怀 — 理赔后客户服务</translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation>重新登录</translation>
    </message>
    <message>
        <source>Sign in again to sync with HQ</source>
        <translation>重新登录以与总部同步</translation>
    </message>
    <message>
        <source>HQ no longer accepts this PC&apos;s sign-in. Enter the password of %1 to sync again. Your changes stay on this PC until they are sent.</source>
        <translation>总部已不再接受本机的登录。请输入 %1 的密码以恢复同步。发送之前，您的修改会一直保存在本机。</translation>
    </message>
    <message>
        <source>Enter your user name and password.</source>
        <translation>请输入用户名和密码。</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <source>This account is disabled. Ask your supervisor or HQ.</source>
        <translation>此账号已停用，请联系主管或总部。</translation>
    </message>
    <message numerus="yes">
        <source>Too many failed attempts. Try again in %n minute(s).</source>
        <translation>
            <numerusform>失败次数过多，请 %n 分钟后再试。</numerusform>
        </translation>
    </message>
    <message>
        <source>HQ cannot be reached, and this user has not signed in online on this PC before, so an offline sign-in is not possible yet.</source>
        <translation>无法连接总部，且该用户从未在本机在线登录过，因此暂时无法离线登录。</translation>
    </message>
    <message>
        <source>The HQ address is not valid. It looks like http://hq.example.com:8765 (ask HQ for yours).</source>
        <translation>总部地址无效。格式如 http://hq.example.com:8765（请向总部索取）。</translation>
    </message>
    <message>
        <source>HQ cannot be reached. Check the network or the HQ address.</source>
        <translation>无法连接总部，请检查网络或总部地址。</translation>
    </message>
    <message>
        <source>The data on this PC belongs to another branch. Sign in with a user of that branch, or start the app with another profile folder.</source>
        <translation>这台电脑上的数据属于另一家机构。请用该机构的用户登录，或使用其他档案文件夹启动程序。</translation>
    </message>
    <message>
        <source>That is another account than the one working in this window. To change users, quit and start ClaimCare again.</source>
        <translation>这不是当前窗口中正在使用的账号。如需切换用户，请退出并重新启动理赔关怀。</translation>
    </message>
    <message>
        <source>HQ refused the sign-in: %1</source>
        <translation>总部拒绝了登录：%1</translation>
    </message>
    <message>
        <source>Sign-in failed: %1</source>
        <translation>登录失败：%1</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>Exchange changes with HQ now (F5)</source>
        <translation>立即与总部交换数据（F5）</translation>
    </message>
    <message>
        <source>Sign in again…</source>
        <translation>重新登录…</translation>
    </message>
    <message>
        <source>Enter your password again so this PC can sync</source>
        <translation>重新输入密码，本机即可恢复同步</translation>
    </message>
    <message>
        <source>HQ did not accept these changes. New records it refused are kept in the conflict log (Dashboard › Sync conflicts, for supervisors); refused edits show HQ&apos;s values again.</source>
        <translation>总部未接受这些修改。被拒绝的新记录保存在冲突日志中（管理看板 › 同步冲突，主管可见）；被拒绝的修改已恢复为总部的值。</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) refused by HQ</source>
        <translation>
            <numerusform>%n 项修改被总部拒绝</numerusform>
        </translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>尚未同步</translation>
    </message>
    <message>
        <source>Last sync %1</source>
        <translation>上次同步 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting</source>
        <translation>
            <numerusform>%n 条改动待上传</numerusform>
        </translation>
    </message>
    <message>
        <source>Syncing — sent %1 of %2</source>
        <translation>正在同步 — 已上传 %1 / %2 条</translation>
    </message>
    <message>
        <source>Syncing — received %1</source>
        <translation>正在同步 — 已接收 %1 条</translation>
    </message>
    <message>
        <source>Syncing — updating follow-up plans and risk…</source>
        <translation>正在同步 — 正在更新回访计划和流失风险…</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>Offline — sign in again to sync</source>
        <translation>离线 — 请重新登录以同步</translation>
    </message>
    <message>
        <source>Sign-in expired — sign in again to sync</source>
        <translation>登录已过期，请重新登录后同步</translation>
    </message>
    <message>
        <source>Offline — sync not available</source>
        <translation>离线 — 同步不可用</translation>
    </message>
    <message>
        <source>Sync failed — see the log</source>
        <translation>同步失败 — 请查看日志</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>Auto</source>
        <translation>车险</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>健康险</translation>
    </message>
    <message>
        <source>Property</source>
        <translation>财产险</translation>
    </message>
    <message>
        <source>Life</source>
        <translation>寿险</translation>
    </message>
    <message>
        <source>Accident</source>
        <translation>意外险</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未结</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>已赔付</translation>
    </message>
    <message>
        <source>Partly paid</source>
        <translation>部分赔付</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>拒赔</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <source>Mobile app</source>
        <translation>手机App</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>柜面</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>代理人</translation>
    </message>
    <message>
        <source>Same day</source>
        <translation>当日回访</translation>
    </message>
    <message>
        <source>Day 7</source>
        <translation>7日回访</translation>
    </message>
    <message>
        <source>Day 30</source>
        <translation>30日回访</translation>
    </message>
    <message>
        <source>Care</source>
        <translation>关怀</translation>
    </message>
    <message>
        <source>To do</source>
        <translation>待办</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Unreachable</source>
        <translation>无法联系</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>短信</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>面访</translation>
    </message>
    <message>
        <source>Reached</source>
        <translation>已接通</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>无人接听</translation>
    </message>
    <message>
        <source>Wrong number</source>
        <translation>号码错误</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>拒绝回访</translation>
    </message>
    <message>
        <source>Asked to call back</source>
        <translation>要求回电</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>已受理</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新登记</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>已升级</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>Simple</source>
        <translation>简单</translation>
    </message>
    <message>
        <source>Complex</source>
        <translation>复杂</translation>
    </message>
    <message>
        <source>Payout delay</source>
        <translation>赔付延迟</translation>
    </message>
    <message>
        <source>Payout amount</source>
        <translation>赔付金额</translation>
    </message>
    <message>
        <source>Service attitude</source>
        <translation>服务态度</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>流程</translation>
    </message>
    <message>
        <source>Communication</source>
        <translation>沟通</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>理赔材料</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>已登记</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Resumed</source>
        <translation>已恢复</translation>
    </message>
    <message>
        <source>Reassigned</source>
        <translation>已转派</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>已重开</translation>
    </message>
    <message>
        <source>Waiting for the customer</source>
        <translation>等待客户</translation>
    </message>
    <message>
        <source>Waiting for a third party</source>
        <translation>等待第三方</translation>
    </message>
    <message>
        <source>Waiting for documents</source>
        <translation>等待材料</translation>
    </message>
    <message>
        <source>At the customer&apos;s request</source>
        <translation>应客户要求</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Festival</source>
        <translation>节日</translation>
    </message>
    <message>
        <source>Health reminder</source>
        <translation>健康提醒</translation>
    </message>
    <message>
        <source>Renewal reminder</source>
        <translation>续保提醒</translation>
    </message>
    <message>
        <source>On track</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <source>Breached</source>
        <translation>已超时</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>已达成</translation>
    </message>
    <message>
        <source>Calendar time</source>
        <translation>自然时间</translation>
    </message>
    <message>
        <source>Working time</source>
        <translation>工作时间</translation>
    </message>
    <message>
        <source>Account manager</source>
        <translation>客户经理</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>普通</translation>
    </message>
    <message>
        <source>Silver</source>
        <translation>银卡</translation>
    </message>
    <message>
        <source>Gold</source>
        <translation>金卡</translation>
    </message>
    <message>
        <source>VIP</source>
        <translation>贵宾</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>中</translation>
    </message>
    <message>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <source>At least</source>
        <translation>不低于</translation>
    </message>
    <message>
        <source>At most</source>
        <translation>不高于</translation>
    </message>
    <message>
        <source>Change vs last year</source>
        <translation>同比变化</translation>
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
        <source>Feedback</source>
        <translation>反馈</translation>
    </message>
    <message>
        <source>Call-back date</source>
        <translation>回电日期</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
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
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>{name} must be a timezone-aware datetime</source>
        <translation>{name} 必须是带时区的时间</translation>
    </message>
    <message>
        <source>Unknown value: {value}</source>
        <translation>未知的值：{value}</translation>
    </message>
    <message>
        <source>Duration must not be negative</source>
        <translation>时长不能为负数</translation>
    </message>
    <message>
        <source>Working hours must satisfy 0 &lt;= start &lt; end &lt;= 24</source>
        <translation>工作时间须满足 0 ≤ 开始 &lt; 结束 ≤ 24</translation>
    </message>
    <message>
        <source>This field is required</source>
        <translation>此项必填</translation>
    </message>
    <message>
        <source>At most {limit} characters, please</source>
        <translation>最多 {limit} 个字</translation>
    </message>
    <message>
        <source>A resident ID number has 17 digits followed by a digit or X</source>
        <translation>身份证号应为17位数字加1位数字或X</translation>
    </message>
    <message>
        <source>The check digit of this resident ID number is wrong</source>
        <translation>身份证号校验位错误</translation>
    </message>
    <message>
        <source>The birth date inside this resident ID number is not a real date</source>
        <translation>身份证号中的出生日期无效</translation>
    </message>
    <message>
        <source>The region code of this resident ID number is unknown</source>
        <translation>身份证号的地区码不存在</translation>
    </message>
    <message>
        <source>A mainland mobile number has 11 digits starting with 13-19</source>
        <translation>大陆手机号为11位，以13–19开头</translation>
    </message>
    <message>
        <source>Only mainland China (+86) mobile numbers are accepted</source>
        <translation>仅接受中国大陆（+86）手机号</translation>
    </message>
    <message>
        <source>This is not an assigned mainland mobile number</source>
        <translation>该号码不是已分配的大陆手机号</translation>
    </message>
    <message>
        <source>Satisfaction must be a whole number from 1 to 5</source>
        <translation>满意度须为1到5的整数</translation>
    </message>
    <message>
        <source>A satisfaction score is only recorded when the customer was reached</source>
        <translation>只有接通客户时才能记录满意度</translation>
    </message>
    <message>
        <source>This visit is already closed</source>
        <translation>该回访已结束</translation>
    </message>
    <message>
        <source>This visit no longer exists</source>
        <translation>该回访已不存在</translation>
    </message>
    <message>
        <source>This visit belongs to another account manager</source>
        <translation>该回访属于其他客户经理</translation>
    </message>
    <message>
        <source>The call-back date must not be before the attempt</source>
        <translation>回电日期不能早于本次联系</translation>
    </message>
    <message>
        <source>This action is not possible in the complaint&apos;s current state</source>
        <translation>投诉当前状态下不能执行此操作</translation>
    </message>
    <message>
        <source>Only a supervisor may do this</source>
        <translation>只有主管可以执行此操作</translation>
    </message>
    <message>
        <source>Pausing a complaint needs a reason</source>
        <translation>暂停投诉需要填写原因</translation>
    </message>
    <message>
        <source>Reassigning needs the current and the new owner</source>
        <translation>转派需要当前负责人和新负责人</translation>
    </message>
    <message>
        <source>The new owner must differ from the current owner</source>
        <translation>新负责人不能与当前负责人相同</translation>
    </message>
    <message>
        <source>This KPI needs last year&apos;s value</source>
        <translation>此指标需要去年同期数据</translation>
    </message>
</context>
</TS>
