<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>CasePanel</name>
    <message>
        <location filename="../../desktop/review/case_panel.py" line="51"/>
        <location filename="../../desktop/review/case_panel.py" line="95"/>
        <source>请在左侧选择办件</source>
        <translation>Choose a case on the left</translation>
    </message>
    <message>
        <location filename="../../desktop/review/case_panel.py" line="66"/>
        <location filename="../../desktop/review/case_panel.py" line="68"/>
        <source>窗口收取的材料</source>
        <translation>Materials received at the window</translation>
    </message>
    <message>
        <location filename="../../desktop/review/case_panel.py" line="76"/>
        <source>办理过程</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../desktop/review/case_panel.py" line="77"/>
        <source>文书（预览、打印、补打）</source>
        <translation>Papers (preview, print, reprint)</translation>
    </message>
    <message>
        <location filename="../../desktop/review/case_panel.py" line="103"/>
        <source>办件编号 {no}</source>
        <translation>Case {no}</translation>
    </message>
    <message>
        <location filename="../../desktop/review/case_panel.py" line="121"/>
        <source>实施部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../desktop/review/case_panel.py" line="125"/>
        <source>申请人</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../desktop/review/case_panel.py" line="125"/>
        <source>当事人</source>
        <translation>Party</translation>
    </message>
    <message>
        <location filename="../../desktop/review/case_panel.py" line="128"/>
        <source>代办人</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../../desktop/review/case_panel.py" line="131"/>
        <source>受理时间</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../desktop/review/case_panel.py" line="135"/>
        <source>已延期</source>
        <translation>Extended</translation>
    </message>
    <message>
        <location filename="../../desktop/review/case_panel.py" line="135"/>
        <source>{n}个工作日（{who}批准）</source>
        <translation>{n} working days (approved by {who})</translation>
    </message>
    <message>
        <location filename="../../desktop/review/case_panel.py" line="140"/>
        <source>延期申请</source>
        <translation>Extension asked</translation>
    </message>
    <message>
        <location filename="../../desktop/review/case_panel.py" line="140"/>
        <source>{n}个工作日，{why}（{who}申请，待负责人批准）</source>
        <translation>{n} working days: {why} (asked by {who}, awaiting the head)</translation>
    </message>
    <message>
        <location filename="../../desktop/review/case_panel.py" line="144"/>
        <source>进行中</source>
        <translation>under way</translation>
    </message>
    <message>
        <location filename="../../desktop/review/case_panel.py" line="147"/>
        <source>容缺待补</source>
        <translation>Promised material</translation>
    </message>
    <message>
        <location filename="../../desktop/review/case_panel.py" line="147"/>
        <source>{name}（承诺{due}前补齐）</source>
        <translation>{name} (promised by {due})</translation>
    </message>
    <message>
        <location filename="../../desktop/review/case_panel.py" line="150"/>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../desktop/review/case_panel.py" line="169"/>
        <source>听证、现场核查、专家评审等所需时间不计入办理期限</source>
        <translation>Time for a hearing, an inspection or an expert review does not count toward the limit</translation>
    </message>
</context>
<context>
    <name>OpinionDialog</name>
    <message>
        <location filename="../../desktop/review/actions.py" line="60"/>
        <source>审核通过</source>
        <translation>Approve</translation>
    </message>
    <message>
        <location filename="../../desktop/review/actions.py" line="62"/>
        <source>材料齐全，符合法定条件，同意。</source>
        <translation>Materials complete and the legal conditions met: approved.</translation>
    </message>
    <message>
        <location filename="../../desktop/review/actions.py" line="64"/>
        <location filename="../../desktop/review/actions.py" line="65"/>
        <source>审核意见</source>
        <translation>Opinion</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <location filename="../../desktop/review/queue_view.py" line="46"/>
        <source>办件编号</source>
        <translation>Case number</translation>
    </message>
    <message>
        <location filename="../../desktop/review/queue_view.py" line="46"/>
        <source>事项</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../desktop/review/queue_view.py" line="46"/>
        <source>申请人</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../desktop/review/queue_view.py" line="46"/>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../desktop/review/queue_view.py" line="47"/>
        <source>办结期限</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../desktop/review/queue_view.py" line="47"/>
        <source>剩余时间</source>
        <translation>Time left</translation>
    </message>
    <message>
        <location filename="../../desktop/review/queue_view.py" line="66"/>
        <source>延期待批</source>
        <translation>Extension asked</translation>
    </message>
</context>
<context>
    <name>QueueView</name>
    <message>
        <location filename="../../desktop/review/queue_view.py" line="104"/>
        <source>待我部门审批</source>
        <translation>Waiting for my department</translation>
    </message>
    <message>
        <location filename="../../desktop/review/queue_view.py" line="105"/>
        <source>近期已审批</source>
        <translation>Recently decided</translation>
    </message>
    <message>
        <location filename="../../desktop/review/queue_view.py" line="106"/>
        <source>办件范围</source>
        <translation>Which cases</translation>
    </message>
    <message>
        <location filename="../../desktop/review/queue_view.py" line="108"/>
        <source>刷新 (F5)</source>
        <translation>Refresh (F5)</translation>
    </message>
    <message>
        <location filename="../../desktop/review/queue_view.py" line="121"/>
        <source>待审批办件</source>
        <translation>Cases waiting for a decision</translation>
    </message>
    <message>
        <location filename="../../desktop/review/queue_view.py" line="140"/>
        <source>共{n}件，超期{red}件，临近{yellow}件</source>
        <translation>{n} cases, {red} overdue, {yellow} due soon</translation>
    </message>
</context>
<context>
    <name>ReviewLoginPage</name>
    <message>
        <location filename="../../desktop/review/login.py" line="25"/>
        <source>一窗 · 后台审批</source>
        <translation>Yichuang · Back office</translation>
    </message>
    <message>
        <location filename="../../desktop/review/login.py" line="28"/>
        <source>登录</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../../desktop/review/login.py" line="31"/>
        <source>仅限审批人员和部门负责人；窗口人员请使用窗口受理。</source>
        <translation>For reviewers and department heads only; window staff use the counter.</translation>
    </message>
    <message>
        <location filename="../../desktop/review/login.py" line="42"/>
        <source>正在打开…</source>
        <translation>Opening…</translation>
    </message>
    <message>
        <location filename="../../desktop/review/login.py" line="53"/>
        <source>请输入工号</source>
        <translation>Enter your staff number</translation>
    </message>
    <message>
        <location filename="../../desktop/review/login.py" line="56"/>
        <source>正在验证…</source>
        <translation>Checking…</translation>
    </message>
</context>
<context>
    <name>ReviewShell</name>
    <message>
        <location filename="../../desktop/review/shell.py" line="67"/>
        <location filename="../../desktop/review/shell.py" line="130"/>
        <source>一窗 · 后台审批</source>
        <translation>Yichuang · Back office</translation>
    </message>
    <message>
        <location filename="../../desktop/review/shell.py" line="86"/>
        <source>审批服务器：{url}（大厅 {hall}）</source>
        <translation>Back-office server: {url} (hall {hall})</translation>
    </message>
    <message>
        <location filename="../../desktop/review/shell.py" line="91"/>
        <source>本机还没有人员名单：请先完成终端注册或同步</source>
        <translation>This PC has no staff list yet: enrol the terminal or sync first</translation>
    </message>
    <message>
        <location filename="../../desktop/review/shell.py" line="93"/>
        <source>本机数据（终端 {code}，断网也可审批，恢复后自动上传）</source>
        <translation>This PC&apos;s data (terminal {code}): decide offline too, sent when the network returns</translation>
    </message>
    <message>
        <location filename="../../desktop/review/shell.py" line="113"/>
        <source>{name}，您好</source>
        <translation>Hello, {name}</translation>
    </message>
    <message>
        <location filename="../../desktop/review/shell.py" line="134"/>
        <source>退出</source>
        <translation>Log out</translation>
    </message>
    <message>
        <location filename="../../desktop/review/shell.py" line="158"/>
        <source>审批人员</source>
        <translation>Reviewer</translation>
    </message>
    <message>
        <location filename="../../desktop/review/shell.py" line="158"/>
        <source>部门负责人</source>
        <translation>Department head</translation>
    </message>
    <message>
        <location filename="../../desktop/review/shell.py" line="216"/>
        <source>{no}：{what}，已保存</source>
        <translation>{no}: {what}, saved</translation>
    </message>
    <message>
        <location filename="../../desktop/review/shell.py" line="239"/>
        <source>此办件暂无可打印的文书</source>
        <translation>This case has no paper to print yet</translation>
    </message>
</context>
<context>
    <name>review</name>
    <message>
        <location filename="../../desktop/review/actions.py" line="34"/>
        <source>退回补正</source>
        <translation>Supplement</translation>
    </message>
    <message>
        <location filename="../../desktop/review/actions.py" line="35"/>
        <source>暂停计时</source>
        <translation>Pause clock</translation>
    </message>
    <message>
        <location filename="../../desktop/review/actions.py" line="36"/>
        <source>恢复计时</source>
        <translation>Resume the clock</translation>
    </message>
    <message>
        <location filename="../../desktop/review/actions.py" line="37"/>
        <source>申请延期</source>
        <translation>Ask extension</translation>
    </message>
    <message>
        <location filename="../../desktop/review/actions.py" line="38"/>
        <source>不批准延期</source>
        <translation>Extension declined</translation>
    </message>
    <message>
        <location filename="../../desktop/review/actions.py" line="39"/>
        <source>批准延期</source>
        <translation>Approve extension</translation>
    </message>
    <message>
        <location filename="../../desktop/review/actions.py" line="40"/>
        <source>不予许可</source>
        <translation>Refuse licence</translation>
    </message>
    <message>
        <location filename="../../desktop/review/actions.py" line="41"/>
        <source>审核通过</source>
        <translation>Approve</translation>
    </message>
    <message>
        <location filename="../../desktop/review/actions.py" line="42"/>
        <source>结果已出</source>
        <translation>Result ready</translation>
    </message>
</context>
</TS>
