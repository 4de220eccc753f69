<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../desktop/about.py" line="39"/>
        <source>窗口受理</source>
        <translation>Counter</translation>
    </message>
    <message>
        <location filename="../../desktop/about.py" line="40"/>
        <source>自助登记机</source>
        <translation>Self-service kiosk</translation>
    </message>
    <message>
        <location filename="../../desktop/about.py" line="41"/>
        <source>大厅监管</source>
        <translation>Hall supervision</translation>
    </message>
    <message>
        <location filename="../../desktop/about.py" line="42"/>
        <source>后台审核</source>
        <translation>Back-office review</translation>
    </message>
    <message>
        <location filename="../../desktop/about.py" line="43"/>
        <source>大厅叫号屏</source>
        <translation>Hall display</translation>
    </message>
    <message>
        <location filename="../../desktop/about.py" line="48"/>
        <source>终端</source>
        <translation>Terminal</translation>
    </message>
    <message>
        <location filename="../../desktop/about.py" line="49"/>
        <source>大厅</source>
        <translation>Hall</translation>
    </message>
    <message>
        <location filename="../../desktop/about.py" line="50"/>
        <source>窗口</source>
        <translation>Window</translation>
    </message>
    <message>
        <location filename="../../desktop/about.py" line="51"/>
        <source>服务器</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../../desktop/about.py" line="91"/>
        <source>关于一窗</source>
        <translation>About Yichuang</translation>
    </message>
    <message>
        <location filename="../../desktop/about.py" line="94"/>
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../desktop/about.py" line="95"/>
        <source>本机用途</source>
        <translation>This PC is</translation>
    </message>
    <message>
        <location filename="../../desktop/about.py" line="100"/>
        <source>数据文件夹</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <location filename="../../desktop/about.py" line="101"/>
        <source>日志</source>
        <translation>Log</translation>
    </message>
    <message>
        <location filename="../../desktop/about.py" line="102"/>
        <source>运行环境</source>
        <translation>Runs on</translation>
    </message>
    <message>
        <location filename="../../desktop/about.py" line="114"/>
        <source>一窗 Yichuang {version}</source>
        <translation>Yichuang {version}</translation>
    </message>
    <message>
        <location filename="../../desktop/about.py" line="117"/>
        <source>政务服务大厅窗口系统：窗口受理、自助登记、监管与同步</source>
        <translation>Software for government service halls: counters, self-service registration, supervision and sync</translation>
    </message>
    <message>
        <location filename="../../desktop/about.py" line="132"/>
        <source>自由软件，按 GNU 通用公共许可证第 3 版或更新版本（{licence}）发布，不提供任何担保。</source>
        <translation>Free software under the GNU General Public License, version 3 or later ({licence}), with no warranty.</translation>
    </message>
    <message>
        <location filename="../../desktop/about.py" line="136"/>
        <source>复制信息</source>
        <translation>Copy details</translation>
    </message>
    <message>
        <location filename="../../desktop/about.py" line="157"/>
        <source>已复制</source>
        <translation>Copied</translation>
    </message>
    <message>
        <location filename="../../desktop/about.py" line="173"/>
        <source>关于一窗…</source>
        <translation>About Yichuang…</translation>
    </message>
</context>
<context>
    <name>AppealDialog</name>
    <message>
        <location filename="../../desktop/counter/appeal.py" line="31"/>
        <source>申诉复核</source>
        <translation>Appeal</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/appeal.py" line="35"/>
        <source>评价器</source>
        <translation>rating pad</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/appeal.py" line="35"/>
        <source>窗口屏幕</source>
        <translation>window screen</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/appeal.py" line="36"/>
        <source>短信</source>
        <translation>SMS</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/appeal.py" line="36"/>
        <source>评议箱</source>
        <translation>slip box</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/appeal.py" line="37"/>
        <source>自助机</source>
        <translation>kiosk</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/appeal.py" line="38"/>
        <source>办件 {n}&#x3000;{item}</source>
        <translation>Case {n}  {item}</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/appeal.py" line="40"/>
        <source>评价：{level}（{channel}，{when}）</source>
        <translation>Rating: {level} ({channel}, {when})</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/appeal.py" line="43"/>
        <source>申诉理由（如：误触评价器、与本窗口服务无关、恶意评价）：</source>
        <translation>Grounds (e.g. the pad was pressed by mistake, unrelated to this window, malicious):</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/appeal.py" line="50"/>
        <source>提交申诉</source>
        <translation>Submit the appeal</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/appeal.py" line="63"/>
        <source>请写明申诉理由</source>
        <translation>Please give the grounds</translation>
    </message>
</context>
<context>
    <name>ApplicantForm</name>
    <message>
        <location filename="../../desktop/counter/applicant_form.py" line="42"/>
        <location filename="../../desktop/counter/applicant_form.py" line="82"/>
        <source>申请人</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/applicant_form.py" line="46"/>
        <source>申请人身份</source>
        <translation>Applicant&apos;s role</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/applicant_form.py" line="47"/>
        <source>身份</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/applicant_form.py" line="55"/>
        <source>由代办人代为办理（需授权委托书）</source>
        <translation>An agent applies on the applicant&apos;s behalf (power of attorney required)</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/applicant_form.py" line="57"/>
        <source>代办人</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/applicant_form.py" line="81"/>
        <source>申请人（{role}）</source>
        <translation>Applicant ({role})</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/applicant_form.py" line="101"/>
        <source>该事项须申请人本人办理，不可代办</source>
        <translation>The applicant must apply in person for this item; no agents</translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <location filename="../../desktop/counter/my_cases.py" line="66"/>
        <source>办件编号</source>
        <translation>Case number</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/my_cases.py" line="66"/>
        <source>事项</source>
        <translation>Service item</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/my_cases.py" line="66"/>
        <source>申请人</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/my_cases.py" line="66"/>
        <source>证件号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/my_cases.py" line="67"/>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/my_cases.py" line="67"/>
        <source>受理时间</source>
        <translation>Accepted at</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/my_cases.py" line="67"/>
        <source>办结期限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/my_cases.py" line="67"/>
        <source>剩余时间</source>
        <translation>Time left</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/my_cases.py" line="114"/>
        <source>该年的节假日安排尚未载入，期限按法定节假日推算（临时），载入后自动修正</source>
        <translation>That year&apos;s holiday schedule is not loaded yet; the deadline counts the statutory holidays (provisional) and is corrected automatically once it is loaded</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/my_cases.py" line="124"/>
        <source>（有冲突）</source>
        <translation> (conflict)</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/my_cases.py" line="128"/>
        <source>即办</source>
        <translation>On the spot</translation>
    </message>
</context>
<context>
    <name>CaseView</name>
    <message>
        <location filename="../../desktop/counter/case_view.py" line="85"/>
        <location filename="../../desktop/counter/case_view.py" line="89"/>
        <source>办理过程</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/case_view.py" line="142"/>
        <source>办件编号 {no}</source>
        <translation>Case {no}</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/case_view.py" line="142"/>
        <source>（未编号）</source>
        <translation>(no number yet)</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/case_view.py" line="144"/>
        <source>告知单 {no}</source>
        <translation>Slip {no}</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/case_view.py" line="167"/>
        <source>申请人</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/case_view.py" line="168"/>
        <source>证件号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/case_view.py" line="169"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/case_view.py" line="172"/>
        <source>代办人</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/case_view.py" line="176"/>
        <source>当事人</source>
        <translation>Party</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/case_view.py" line="179"/>
        <source>受理时间</source>
        <translation>Accepted at</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/case_view.py" line="180"/>
        <source>受理人</source>
        <translation>Accepted by</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/case_view.py" line="182"/>
        <source>待补正材料</source>
        <translation>Materials to supplement</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/case_view.py" line="184"/>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/case_view.py" line="186"/>
        <source>已延期</source>
        <translation>Extended</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/case_view.py" line="188"/>
        <source>延期申请</source>
        <translation>Extension asked</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/case_view.py" line="188"/>
        <source>{n}个工作日，待负责人批准</source>
        <translation>{n} working days, awaiting the head</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/case_view.py" line="191"/>
        <source>容缺待补</source>
        <translation>Promised material</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/case_view.py" line="191"/>
        <source>{name}（承诺{due}前补齐）</source>
        <translation>{name} (promised by {due})</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/case_view.py" line="198"/>
        <source>送达</source>
        <translation>Delivery</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/case_view.py" line="200"/>
        <source>冲突</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/case_view.py" line="203"/>
        <source>材料</source>
        <translation>Materials</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/counter/case_view.py" line="186"/>
        <source>%n个工作日</source>
        <translation>
            <numerusform>%n working day</numerusform>
            <numerusform>%n working days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/counter/case_view.py" line="200"/>
        <source>%n个操作与其他终端冲突，已通知大厅管理员</source>
        <translation>
            <numerusform>%n step conflicts with another terminal; the hall supervisor has been told</numerusform>
            <numerusform>%n steps conflict with other terminals; the hall supervisor has been told</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/counter/case_view.py" line="203"/>
        <source>已收%1项 / 共%n项</source>
        <translation>
            <numerusform>%1 of %n received</numerusform>
            <numerusform>%1 of %n received</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/counter/case_view.py" line="237"/>
        <source>核对材料并受理</source>
        <translation>Check materials and accept</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/case_view.py" line="240"/>
        <source>撤回</source>
        <translation>Withdraw</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/case_view.py" line="242"/>
        <source>延期</source>
        <translation>Extend</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/case_view.py" line="244"/>
        <location filename="../../desktop/counter/case_view.py" line="322"/>
        <source>暂停计时</source>
        <translation>Clock paused</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/case_view.py" line="246"/>
        <source>恢复计时</source>
        <translation>Resume clock</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/case_view.py" line="248"/>
        <location filename="../../desktop/counter/case_view.py" line="316"/>
        <source>不予受理</source>
        <translation>Refuse</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/case_view.py" line="250"/>
        <source>补正告知</source>
        <translation>Request supplement</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/case_view.py" line="252"/>
        <source>补正材料已收齐</source>
        <translation>Supplement received</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/case_view.py" line="254"/>
        <source>容缺材料已补齐</source>
        <translation>Promised materials received</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/case_view.py" line="256"/>
        <source>提交后台审核</source>
        <translation>Send to back-office review</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/case_view.py" line="258"/>
        <source>登记审核结果</source>
        <translation>Record review decision</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/case_view.py" line="260"/>
        <source>结果已出，通知领取</source>
        <translation>Result ready, notify applicant</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/case_view.py" line="262"/>
        <source>出件</source>
        <translation>Issue result</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/case_view.py" line="293"/>
        <source>{no}：{what}，已保存</source>
        <translation>{no}: {what} saved</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/case_view.py" line="309"/>
        <source>撤回申请</source>
        <translation>Withdraw application</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/case_view.py" line="309"/>
        <source>申请人撤回申请的原因：</source>
        <translation>Why the applicant withdraws:</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/case_view.py" line="316"/>
        <source>不予受理的理由：</source>
        <translation>Reason for refusing:</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/case_view.py" line="322"/>
        <source>听证、现场核查、专家评审等期间不计入办理时限：</source>
        <translation>Hearings, on-site inspections and expert reviews do not count toward the time limit:</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/case_view.py" line="345"/>
        <source>容缺材料</source>
        <translation>Promised materials</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/case_view.py" line="346"/>
        <source>以下容缺受理时承诺的材料是否已全部收到？
{names}</source>
        <translation>Have all these promised materials arrived?
{names}</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/case_view.py" line="365"/>
        <source>补正材料</source>
        <translation>Supplement</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/case_view.py" line="366"/>
        <source>以下补正材料是否已全部收到？
{names}</source>
        <translation>Have all of these supplementary materials been received?
{names}</translation>
    </message>
</context>
<context>
    <name>CitizenScreen</name>
    <message>
        <location filename="../../desktop/citizen_screen.py" line="152"/>
        <source>面向群众的评价区</source>
        <translation>Rating area facing the citizen</translation>
    </message>
    <message>
        <location filename="../../desktop/citizen_screen.py" line="157"/>
        <source>收回屏幕 (Esc)</source>
        <translation>Take the screen back (Esc)</translation>
    </message>
    <message>
        <location filename="../../desktop/citizen_screen.py" line="158"/>
        <source>收回屏幕</source>
        <translation>Take the screen back</translation>
    </message>
</context>
<context>
    <name>ConsultationDialog</name>
    <message>
        <location filename="../../desktop/counter/consultation.py" line="35"/>
        <source>记录咨询</source>
        <translation>Record a consultation</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/consultation.py" line="40"/>
        <source>（不限事项）</source>
        <translation>(no particular item)</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/consultation.py" line="47"/>
        <source> 分钟</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/consultation.py" line="48"/>
        <source>事项</source>
        <translation>Service item</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/consultation.py" line="49"/>
        <source>用时</source>
        <translation>Time taken</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/consultation.py" line="52"/>
        <source>已解答 (Enter)</source>
        <translation>Answered (Enter)</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/consultation.py" line="54"/>
        <source>已转办 (R)</source>
        <translation>Referred (R)</translation>
    </message>
</context>
<context>
    <name>Countdown</name>
    <message>
        <location filename="../../desktop/counter/countdown.py" line="46"/>
        <source>（临时）</source>
        <translation> (provisional)</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/countdown.py" line="49"/>
        <source>暂停计时</source>
        <translation>Clock paused</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/counter/countdown.py" line="52"/>
        <source>已超期%n个工作日</source>
        <translation>
            <numerusform>%n working day overdue</numerusform>
            <numerusform>%n working days overdue</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/counter/countdown.py" line="52"/>
        <source>已超期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/countdown.py" line="55"/>
        <source>今日到期</source>
        <translation>Due today</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/counter/countdown.py" line="58"/>
        <source>剩%n个工作日</source>
        <translation>
            <numerusform>%n working day left</numerusform>
            <numerusform>%n working days left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/counter/countdown.py" line="63"/>
        <source>待补正：补齐受理后计时，承诺%n个工作日</source>
        <translation>
            <numerusform>Awaiting supplement: %n working day once accepted</numerusform>
            <numerusform>Awaiting supplement: %n working days once accepted</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/counter/countdown.py" line="64"/>
        <source>待补正：补齐受理后计时</source>
        <translation>Awaiting supplement: the clock starts at acceptance</translation>
    </message>
</context>
<context>
    <name>CounterShell</name>
    <message>
        <location filename="../../desktop/counter/shell.py" line="71"/>
        <source>窗口受理</source>
        <translation>Counter</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/shell.py" line="136"/>
        <source>设置(&amp;S)</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/shell.py" line="172"/>
        <source>终端 {code}</source>
        <translation>Terminal {code}</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/shell.py" line="175"/>
        <source>本终端还没有事项目录和人员名单，请先完成终端注册或同步</source>
        <translation>This terminal has no service catalog or staff list yet; enrol or sync it first</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/shell.py" line="255"/>
        <source>{name}，您好</source>
        <translation>Hello, {name}</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/shell.py" line="256"/>
        <source>已解锁</source>
        <translation>Unlocked</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/shell.py" line="304"/>
        <source>请先完成或关闭当前对话框，再扫描</source>
        <translation>Finish or close the open dialog, then scan again</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/shell.py" line="353"/>
        <source>非办理时段</source>
        <translation>Outside opening hours</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/shell.py" line="355"/>
        <source>延时服务：{name} {hours}</source>
        <translation>Extended hours: {name} {hours}</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/shell.py" line="356"/>
        <source>时段：{name} {hours}</source>
        <translation>Period: {name} {hours}</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="125"/>
        <source>外设启动失败，可手工录入</source>
        <translation>The devices could not start; enter the data by hand</translation>
    </message>
</context>
<context>
    <name>DevicesPage</name>
    <message>
        <location filename="../../desktop/first_run.py" line="67"/>
        <source>外设</source>
        <translation>Devices</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run.py" line="68"/>
        <source>选择各设备的端口并逐一测试；没有的设备留空即可，以后可在设备设置中更改。</source>
        <translation>Choose each device&apos;s port and test it; leave out devices this PC does not have. You can change this later in the device settings.</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run.py" line="96"/>
        <source>按键对照表有误，格式如 1=5,2=4,3=3,4=2,5=1</source>
        <translation>The key table is wrong; write it like 1=5,2=4,3=3,4=2,5=1</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <location filename="../../desktop/first_run.py" line="119"/>
        <source>完成</source>
        <translation>Finish</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run.py" line="120"/>
        <source>请核对以下设置；点“上一步”可修改。</source>
        <translation>Check these settings; use Back to change them.</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run.py" line="121"/>
        <source>单机运行</source>
        <translation>Standalone</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run.py" line="123"/>
        <source>终端：{0}</source>
        <translation>Terminal: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run.py" line="124"/>
        <source>本机用途：{0}</source>
        <translation>This PC is: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run.py" line="125"/>
        <source>设置保存在：{0}</source>
        <translation>Settings are kept in: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run.py" line="127"/>
        <source>点击“完成”后启动{0}。</source>
        <translation>Finish starts the {0}.</translation>
    </message>
</context>
<context>
    <name>Duty</name>
    <message>
        <location filename="../../desktop/duty.py" line="30"/>
        <source>未排班</source>
        <translation>nobody rostered</translation>
    </message>
    <message>
        <location filename="../../desktop/duty.py" line="31"/>
        <source>{0} {1}：{2}</source>
        <translation>{0} {1}: {2}</translation>
    </message>
    <message>
        <location filename="../../desktop/duty.py" line="40"/>
        <source>今日无办理时段</source>
        <translation>No opening periods today</translation>
    </message>
    <message>
        <location filename="../../desktop/duty.py" line="41"/>
        <source>今日值班：</source>
        <translation>On duty today:</translation>
    </message>
</context>
<context>
    <name>ExtendDialog</name>
    <message>
        <location filename="../../desktop/counter/law_dialogs.py" line="65"/>
        <source>延长办理期限（负责人批准）</source>
        <translation>Extend the time limit (approved by the head)</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/law_dialogs.py" line="70"/>
        <source>批准的负责人</source>
        <translation>Approving head</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/law_dialogs.py" line="74"/>
        <location filename="../../desktop/counter/law_dialogs.py" line="77"/>
        <source>负责人密码</source>
        <translation>Head&apos;s password</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/law_dialogs.py" line="76"/>
        <source>批准负责人</source>
        <translation>Approved by</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/law_dialogs.py" line="80"/>
        <source>本部门没有登记负责人，不能批准延期：请联系管理员</source>
        <translation>The department has no head on record, so no extension can be approved: ask the administrator</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/law_dialogs.py" line="84"/>
        <source>请负责人输入密码</source>
        <translation>The head enters their password</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/law_dialogs.py" line="98"/>
        <source>该工号不是部门负责人</source>
        <translation>This staff number is not a department head</translation>
    </message>
</context>
<context>
    <name>ExtensionRequestDialog</name>
    <message>
        <location filename="../../desktop/counter/law_dialogs.py" line="38"/>
        <source>申请延长办理期限</source>
        <translation>Ask to extend the time limit</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/law_dialogs.py" line="40"/>
        <source>依照行政许可法第四十二条，经本部门负责人批准，办理期限可以延长一次，最多{n}个工作日，并书面告知申请人延长的理由。</source>
        <translation>Under art. 42 of the Administrative Licensing Law the head of the department may extend the time limit once, by at most {n} working days, and the applicant is told why in writing.</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/law_dialogs.py" line="43"/>
        <location filename="../../desktop/counter/law_dialogs.py" line="47"/>
        <source>延长工作日</source>
        <translation>Working days added</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/law_dialogs.py" line="46"/>
        <source>延期理由</source>
        <translation>Reason for the extension</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/law_dialogs.py" line="48"/>
        <source>理由（必填）</source>
        <translation>Reason (required)</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/law_dialogs.py" line="53"/>
        <source>必须填写理由</source>
        <translation>A reason is required</translation>
    </message>
</context>
<context>
    <name>FaceMenu</name>
    <message>
        <location filename="../../desktop/face_menu.py" line="26"/>
        <source>小</source>
        <translation>Small</translation>
    </message>
    <message>
        <location filename="../../desktop/face_menu.py" line="27"/>
        <source>标准</source>
        <translation>Standard</translation>
    </message>
    <message>
        <location filename="../../desktop/face_menu.py" line="28"/>
        <source>大</source>
        <translation>Large</translation>
    </message>
    <message>
        <location filename="../../desktop/face_menu.py" line="29"/>
        <source>较大</source>
        <translation>Larger</translation>
    </message>
    <message>
        <location filename="../../desktop/face_menu.py" line="30"/>
        <source>特大</source>
        <translation>Largest</translation>
    </message>
    <message>
        <location filename="../../desktop/face_menu.py" line="37"/>
        <source>界面语言 / Language</source>
        <translation>Language / 界面语言</translation>
    </message>
    <message>
        <location filename="../../desktop/face_menu.py" line="46"/>
        <source>字号</source>
        <translation>Text size</translation>
    </message>
    <message>
        <location filename="../../desktop/face_menu.py" line="64"/>
        <source>切换语言</source>
        <translation>Change language</translation>
    </message>
    <message>
        <location filename="../../desktop/face_menu.py" line="65"/>
        <source>切换语言会重新打开窗口，正在录入的内容不会保存。继续吗？</source>
        <translation>Changing the language reopens the window; what is being entered will not be kept. Go on?</translation>
    </message>
</context>
<context>
    <name>FacePage</name>
    <message>
        <location filename="../../desktop/first_run_pages.py" line="204"/>
        <source>本机用途</source>
        <translation>This PC is</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run_pages.py" line="205"/>
        <source>这台电脑做什么用？以后可用 yichuang setup（“一窗 设置”）更改。</source>
        <translation>What is this PC for? Change it later with yichuang setup (&quot;Yichuang set-up&quot;).</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run_pages.py" line="208"/>
        <source>自助机编号（排队号中的一位数字，大厅内不重复）</source>
        <translation>Kiosk number (one digit of its queue numbers, unique in the hall)</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../desktop/first_run.py" line="170"/>
        <source>已注册为终端 {code}（{hall}）</source>
        <translation>Enrolled as terminal {code} ({hall})</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run.py" line="188"/>
        <source>下一步 &gt;</source>
        <translation>Next &gt;</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run.py" line="189"/>
        <source>&lt; 上一步</source>
        <translation>&lt; Back</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run.py" line="190"/>
        <source>完成</source>
        <translation>Finish</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run.py" line="191"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>HistoryTable</name>
    <message>
        <location filename="../../desktop/counter/history.py" line="83"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/history.py" line="83"/>
        <source>操作</source>
        <translation>Step</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/history.py" line="83"/>
        <source>经办人</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/history.py" line="83"/>
        <source>窗口</source>
        <translation>Window</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/history.py" line="84"/>
        <source>之后状态</source>
        <translation>State after</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/history.py" line="84"/>
        <source>说明</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/history.py" line="112"/>
        <source>⚠ 冲突：{what}</source>
        <translation>⚠ Conflict: {what}</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/history.py" line="114"/>
        <source>（待同步）</source>
        <translation>(not synced yet)</translation>
    </message>
</context>
<context>
    <name>IssueDialog</name>
    <message>
        <location filename="../../desktop/counter/dialogs.py" line="106"/>
        <source>出件（送达结果）</source>
        <translation>Issue the result</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/dialogs.py" line="107"/>
        <source>窗口领取</source>
        <translation>Collected at the window</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/dialogs.py" line="108"/>
        <source>EMS邮寄（免费）</source>
        <translation>Mailed by EMS (free)</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/dialogs.py" line="112"/>
        <source>该事项的结果不能邮寄</source>
        <translation>The result of this item cannot be mailed</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/dialogs.py" line="116"/>
        <source>方式</source>
        <translation>How</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/dialogs.py" line="118"/>
        <source>领取/收件人</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/dialogs.py" line="119"/>
        <source>邮寄地址</source>
        <translation>Mailing address</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/dialogs.py" line="120"/>
        <source>EMS单号</source>
        <translation>EMS tracking no.</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/dialogs.py" line="132"/>
        <source>邮寄送达须填写地址和EMS单号</source>
        <translation>Mailing needs an address and an EMS tracking number</translation>
    </message>
</context>
<context>
    <name>ItemPicker</name>
    <message>
        <location filename="../../desktop/counter/item_picker.py" line="35"/>
        <source>选择办理事项</source>
        <translation>Choose the service item</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/item_picker.py" line="42"/>
        <source>输入事项名称、拼音首字母（如 jhdj 即“结婚登记”）或事项编号：</source>
        <translation>Type the item&apos;s name, its pinyin initials (jhdj is 结婚登记, marriage registration) or its number:</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/item_picker.py" line="45"/>
        <source>例如：结婚、jhdj、0801</source>
        <translation>e.g. 结婚, jhdj, 0801</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/item_picker.py" line="46"/>
        <source>事项名称、拼音首字母或编号</source>
        <translation>Item name, pinyin initials or number</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/item_picker.py" line="50"/>
        <source>匹配的事项</source>
        <translation>Matching items</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/item_picker.py" line="70"/>
        <source>没有匹配“%1”的事项：换个名称或拼音首字母试试</source>
        <translation>No item matches “%1”: try another name or other initials</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/counter/item_picker.py" line="72"/>
        <source>找到 %n 个事项，↑↓ 选择，回车确定</source>
        <translation>
            <numerusform>%n item found; ↑↓ to choose, Enter to take it</numerusform>
            <numerusform>%n items found; ↑↓ to choose, Enter to take one</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/counter/item_picker.py" line="85"/>
        <source>即办件</source>
        <translation>instant</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/counter/item_picker.py" line="86"/>
        <source>承诺件 %n个工作日</source>
        <translation>
            <numerusform>promised, %n working day</numerusform>
            <numerusform>promised, %n working days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LoginCard</name>
    <message>
        <location filename="../../desktop/login_card.py" line="40"/>
        <source>4位工号</source>
        <translation>4-digit staff number</translation>
    </message>
    <message>
        <location filename="../../desktop/login_card.py" line="42"/>
        <location filename="../../desktop/login_card.py" line="47"/>
        <source>工号</source>
        <translation>Staff no.</translation>
    </message>
    <message>
        <location filename="../../desktop/login_card.py" line="44"/>
        <location filename="../../desktop/login_card.py" line="48"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
</context>
<context>
    <name>LoginPage</name>
    <message>
        <location filename="../../desktop/counter/login.py" line="55"/>
        <source>一窗 · 窗口受理</source>
        <translation>Yichuang · Counter</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/login.py" line="57"/>
        <location filename="../../desktop/counter/login.py" line="113"/>
        <source>请登录</source>
        <translation>Please log in</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/login.py" line="65"/>
        <source>窗口</source>
        <translation>Window</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/login.py" line="68"/>
        <source>切换用户</source>
        <translation>Switch user</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/login.py" line="70"/>
        <location filename="../../desktop/counter/login.py" line="120"/>
        <location filename="../../desktop/counter/login.py" line="146"/>
        <source>登录</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/login.py" line="94"/>
        <source>正在打开本地数据…</source>
        <translation>Opening local data…</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/login.py" line="126"/>
        <source>屏幕已锁定。{name}（{no}）输入密码解锁，或切换用户。</source>
        <translation>Screen locked. {name} ({no}) enters the password to unlock, or switch user.</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/login.py" line="135"/>
        <source>解锁</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/login.py" line="140"/>
        <source>切换用户：请输入您的工号和密码</source>
        <translation>Switch user: enter your staff number and password</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/login.py" line="156"/>
        <source>请输入工号和密码</source>
        <translation>Enter staff number and password</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/login.py" line="160"/>
        <source>正在验证…</source>
        <translation>Checking…</translation>
    </message>
</context>
<context>
    <name>MaterialsChecklist</name>
    <message>
        <location filename="../../desktop/counter/materials.py" line="33"/>
        <source>已收</source>
        <translation>Recv.</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/materials.py" line="33"/>
        <source>材料名称</source>
        <translation>Material</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/materials.py" line="33"/>
        <source>份数</source>
        <translation>Copies</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/materials.py" line="34"/>
        <source>适用</source>
        <translation>Applies</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/materials.py" line="34"/>
        <source>适用情形</source>
        <translation>When needed</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/materials.py" line="47"/>
        <source>材料清单</source>
        <translation>Materials</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/materials.py" line="48"/>
        <source>上下键选择材料，空格键勾选已收</source>
        <translation>Up and down choose a material, Space ticks it as received</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/counter/materials.py" line="64"/>
        <source>原件%n份</source>
        <translation>
            <numerusform>%n original</numerusform>
            <numerusform>%n originals</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/counter/materials.py" line="66"/>
        <source>复印件%n份</source>
        <translation>
            <numerusform>%n copy</numerusform>
            <numerusform>%n copies</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/counter/materials.py" line="96"/>
        <source>必需</source>
        <translation>Required</translation>
    </message>
</context>
<context>
    <name>MyCasesView</name>
    <message>
        <location filename="../../desktop/counter/my_cases.py" line="151"/>
        <source>我的在办件</source>
        <translation>My open cases</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/my_cases.py" line="152"/>
        <source>我经办的全部办件</source>
        <translation>All my cases</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/my_cases.py" line="153"/>
        <source>全大厅在办件</source>
        <translation>Open cases of the hall</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/my_cases.py" line="156"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/my_cases.py" line="160"/>
        <source>临近期限</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/my_cases.py" line="160"/>
        <source>已超期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/my_cases.py" line="161"/>
        <source>暂停计时</source>
        <translation>Clock paused</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/my_cases.py" line="169"/>
        <source>办件列表</source>
        <translation>Cases</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/counter/my_cases.py" line="198"/>
        <source>共%n件</source>
        <translation>
            <numerusform>%n case</numerusform>
            <numerusform>%n cases</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/counter/my_cases.py" line="199"/>
        <source>临近期限%n件</source>
        <translation>
            <numerusform>%n due soon</numerusform>
            <numerusform>%n due soon</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/counter/my_cases.py" line="200"/>
        <source>超期%n件</source>
        <translation>
            <numerusform>%n overdue</numerusform>
            <numerusform>%n overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/counter/my_cases.py" line="201"/>
        <source>暂停%n件</source>
        <translation>
            <numerusform>%n paused</numerusform>
            <numerusform>%n paused</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PartiesBox</name>
    <message>
        <location filename="../../desktop/counter/parties_form.py" line="83"/>
        <source>添加当事人</source>
        <translation>Add a party</translation>
    </message>
</context>
<context>
    <name>PartyBlock</name>
    <message>
        <location filename="../../desktop/counter/parties_form.py" line="46"/>
        <source>当事人身份</source>
        <translation>Party&apos;s role</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/parties_form.py" line="47"/>
        <source>身份</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/parties_form.py" line="53"/>
        <source>删除此当事人</source>
        <translation>Remove this party</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/parties_form.py" line="61"/>
        <source>当事人（{role}）</source>
        <translation>Party ({role})</translation>
    </message>
</context>
<context>
    <name>PersonFields</name>
    <message>
        <location filename="../../desktop/counter/person_form.py" line="52"/>
        <source>18位身份证号码</source>
        <translation>18-character ID number</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/person_form.py" line="56"/>
        <source>手机或带区号的固定电话</source>
        <translation>Mobile, or landline with area code</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/person_form.py" line="60"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/person_form.py" line="62"/>
        <source>证件类型</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/person_form.py" line="63"/>
        <source>证件号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/person_form.py" line="65"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/person_form.py" line="67"/>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/person_form.py" line="76"/>
        <source>居民身份证</source>
        <translation>Resident ID card</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/person_form.py" line="76"/>
        <source>港澳台居民居住证</source>
        <translation>HK/Macao/Taiwan residence permit</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/person_form.py" line="77"/>
        <source>外国人永久居留身份证</source>
        <translation>Foreigner permanent residence ID</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/person_form.py" line="77"/>
        <source>护照</source>
        <translation>Passport</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/person_form.py" line="78"/>
        <source>其他证件</source>
        <translation>Other document</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/counter/person_form.py" line="90"/>
        <source>还差%n位</source>
        <translation>
            <numerusform>%n more character</numerusform>
            <numerusform>%n more characters</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/counter/person_form.py" line="99"/>
        <source>男</source>
        <translation>male</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/person_form.py" line="99"/>
        <source>女</source>
        <translation>female</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/person_form.py" line="101"/>
        <source>✓ 出生日期 {date}&#x3000;{gender}&#x3000;{age}岁</source>
        <translation>✓ Born {date}   {gender}   age {age}</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/person_form.py" line="118"/>
        <source>✓ 可接收办理进度和评价短信</source>
        <translation>✓ Can receive progress and rating text messages</translation>
    </message>
</context>
<context>
    <name>PinPage</name>
    <message>
        <location filename="../../desktop/first_run_pages.py" line="245"/>
        <source>自助机管理密码</source>
        <translation>Kiosk admin PIN</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run_pages.py" line="246"/>
        <source>工作人员退出自助机时输入此密码（4–8 位数字）。按住大厅名称 3 秒可打开密码键盘。</source>
        <translation>Staff type this PIN (4–8 digits) to leave the kiosk. Hold the hall&apos;s name for 3 seconds to open the PIN pad.</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run_pages.py" line="248"/>
        <source>管理密码</source>
        <translation>Admin PIN</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run_pages.py" line="249"/>
        <source>再输一次</source>
        <translation>Once more</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run_pages.py" line="258"/>
        <source>密码须为 4–8 位数字</source>
        <translation>The PIN must be 4–8 digits</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run_pages.py" line="260"/>
        <source>不能使用演示密码 {pin}</source>
        <translation>The demo PIN {pin} cannot be used</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run_pages.py" line="262"/>
        <source>两次输入不一致</source>
        <translation>The two entries differ</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../desktop/counter/dialogs.py" line="76"/>
        <source>暂停事由</source>
        <translation>Pause for</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/dialogs.py" line="79"/>
        <source>（选择常用理由）</source>
        <translation>(choose a common reason)</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/dialogs.py" line="84"/>
        <source>常用理由</source>
        <translation>Common reasons</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/dialogs.py" line="87"/>
        <source>理由（必填）</source>
        <translation>Reason (required)</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/dialogs.py" line="92"/>
        <source>必须填写理由</source>
        <translation>A reason is required</translation>
    </message>
</context>
<context>
    <name>ReceptionView</name>
    <message>
        <location filename="../../desktop/counter/reception.py" line="82"/>
        <source>更换事项 (F3)</source>
        <translation>Change item (F3)</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/reception.py" line="105"/>
        <source>材料清单（空格键勾选）</source>
        <translation>Materials (Space ticks)</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/reception.py" line="107"/>
        <source>必需材料全部已收</source>
        <translation>All required received</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/reception.py" line="122"/>
        <location filename="../../desktop/counter/reception.py" line="178"/>
        <source>受理 (F5)</source>
        <translation>Accept (F5)</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/reception.py" line="123"/>
        <source>补正告知 (F6)</source>
        <translation>Supplement (F6)</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/reception.py" line="124"/>
        <source>不予受理 (F7)</source>
        <translation>Refuse (F7)</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/reception.py" line="125"/>
        <source>放弃</source>
        <translation>Discard</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/reception.py" line="168"/>
        <source>即办件：当场办结</source>
        <translation>Instant item: completed on the spot</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/counter/reception.py" line="169"/>
        <source>承诺件：%n个工作日</source>
        <translation>
            <numerusform>Promised item: %n working day</numerusform>
            <numerusform>Promised item: %n working days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/counter/reception.py" line="170"/>
        <source>（法定%n个工作日）</source>
        <translation>
            <numerusform> (legal limit %n working day)</numerusform>
            <numerusform> (legal limit %n working days)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/counter/reception.py" line="193"/>
        <source>现在不在此事项的办理时段内，仍可办理（计为延时服务），请确认。</source>
        <translation>This item is outside its opening periods now. You may still serve it (it counts as extended hours); please make sure.</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/reception.py" line="196"/>
        <source>下次办理时段：{when}（{name}）</source>
        <translation> Next period: {when} ({name})</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/counter/reception.py" line="216"/>
        <source>尚缺%n项：%1</source>
        <translation>
            <numerusform>%n missing: %1</numerusform>
            <numerusform>%n missing: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/counter/reception.py" line="250"/>
        <source>材料不齐（缺%n项），不能受理：请发补正告知 (F6)</source>
        <translation>
            <numerusform>Materials incomplete (%n missing); cannot accept: request a supplement (F6)</numerusform>
            <numerusform>Materials incomplete (%n missing); cannot accept: request a supplement (F6)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/counter/reception.py" line="173"/>
        <source>收费：{fee}</source>
        <translation>Fee: {fee}</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/reception.py" line="175"/>
        <source>告知单 {slip}</source>
        <translation>Slip {slip}</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/reception.py" line="177"/>
        <source>受理并办结 (F5)</source>
        <translation>Accept and complete (F5)</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/reception.py" line="217"/>
        <source>材料齐全</source>
        <translation>Materials complete</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/reception.py" line="281"/>
        <source>材料齐全，无需补正</source>
        <translation>Materials are complete; no supplement needed</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/reception.py" line="293"/>
        <source>不予受理</source>
        <translation>Refuse</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/reception.py" line="293"/>
        <source>请填写不予受理的理由，将写入不予受理决定书：</source>
        <translation>Enter the reason for refusing; it is printed on the refusal notice:</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/reception.py" line="333"/>
        <source>已受理，办件编号 {no}</source>
        <translation>Accepted, case {no}</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/reception.py" line="334"/>
        <source>即办件已当场办结，办件编号 {no}</source>
        <translation>Instant item completed on the spot, case {no}</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/reception.py" line="335"/>
        <source>已发出补正告知，办件编号 {no}（计时暂停）</source>
        <translation>Supplement requested, case {no} (clock paused)</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/reception.py" line="336"/>
        <source>已不予受理，办件编号 {no}</source>
        <translation>Refused, case {no}</translation>
    </message>
</context>
<context>
    <name>ResultsPage</name>
    <message>
        <location filename="../../desktop/counter/search.py" line="80"/>
        <source>&lt;h2&gt;请扫描告知单条码&lt;/h2&gt;&lt;p&gt;扫码枪在任何位置都可直接扫描；也可输入办件编号、告知单编号、身份证号码或姓名后按回车。&lt;/p&gt;&lt;p&gt;群众没有告知单：按 &lt;b&gt;F3&lt;/b&gt; 新办件，输入事项名称或拼音首字母选择事项。&lt;/p&gt;&lt;p&gt;&lt;b&gt;F2&lt;/b&gt; 查询&#x3000;&lt;b&gt;F3&lt;/b&gt; 新办件&#x3000;&lt;b&gt;F4&lt;/b&gt; 我的办件&#x3000;&lt;b&gt;F5&lt;/b&gt; 受理&#x3000;&lt;b&gt;F6&lt;/b&gt; 补正&#x3000;&lt;b&gt;F7&lt;/b&gt; 不予受理&#x3000;&lt;b&gt;F8&lt;/b&gt; 出件&#x3000;&lt;b&gt;F9&lt;/b&gt; 审核/结果&#x3000;&lt;b&gt;F12&lt;/b&gt; 锁屏&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Scan the registration slip&lt;/h2&gt;&lt;p&gt;The scanner works wherever the cursor is; or type a case number, slip number, ID number or name and press Enter.&lt;/p&gt;&lt;p&gt;No slip: press &lt;b&gt;F3&lt;/b&gt; for a new case and choose the item by name or pinyin initials.&lt;/p&gt;&lt;p&gt;&lt;b&gt;F2&lt;/b&gt; Search   &lt;b&gt;F3&lt;/b&gt; New case   &lt;b&gt;F4&lt;/b&gt; My cases   &lt;b&gt;F5&lt;/b&gt; Accept   &lt;b&gt;F6&lt;/b&gt; Supplement   &lt;b&gt;F7&lt;/b&gt; Refuse   &lt;b&gt;F8&lt;/b&gt; Issue   &lt;b&gt;F9&lt;/b&gt; Review/result   &lt;b&gt;F12&lt;/b&gt; Lock&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/search.py" line="98"/>
        <source>查询结果</source>
        <translation>Search results</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <location filename="../../desktop/counter/dialogs.py" line="153"/>
        <source>登记审核结果</source>
        <translation>Record review decision</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/dialogs.py" line="159"/>
        <source>审核通过</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/dialogs.py" line="160"/>
        <source>审核不通过</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/dialogs.py" line="164"/>
        <source>结论</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/dialogs.py" line="166"/>
        <source>审核意见</source>
        <translation>Opinion</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/dialogs.py" line="184"/>
        <source>请由本部门审核人输入工号和密码</source>
        <translation>The department&apos;s reviewer enters their staff number and password</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/dialogs.py" line="204"/>
        <source>该工号不是本部门的审核人员</source>
        <translation>This staff number is not a reviewer of the case&apos;s department</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/dialogs.py" line="172"/>
        <source>审核人工号</source>
        <translation>Reviewer no.</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/dialogs.py" line="173"/>
        <source>审核人密码</source>
        <translation>Reviewer password</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/dialogs.py" line="182"/>
        <source>审核不通过必须填写理由</source>
        <translation>A rejection needs a reason</translation>
    </message>
</context>
<context>
    <name>SearchBar</name>
    <message>
        <location filename="../../desktop/counter/search.py" line="43"/>
        <source>扫描告知单条码，或输入办件编号、身份证号码、姓名后按回车 (F2)</source>
        <translation>Scan a slip, or type a case number, ID number or name and press Enter (F2)</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/search.py" line="46"/>
        <source>查询：告知单、办件编号、身份证号码或姓名</source>
        <translation>Search: slip, case number, ID number or name</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/search.py" line="47"/>
        <source>查询</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/search.py" line="48"/>
        <source>新办件 (F3)</source>
        <translation>New case (F3)</translation>
    </message>
</context>
<context>
    <name>StatusMessage</name>
    <message>
        <location filename="../../desktop/feedback.py" line="65"/>
        <source>状态消息</source>
        <translation>Status message</translation>
    </message>
</context>
<context>
    <name>SupplementDialog</name>
    <message>
        <location filename="../../desktop/counter/dialogs.py" line="34"/>
        <source>补正告知（一次性告知）</source>
        <translation>Supplement request (one-time notice)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/counter/dialogs.py" line="36"/>
        <source>以下材料缺少或不符合要求，将一次性告知申请人（共%n项）：</source>
        <translation>
            <numerusform>This material is missing or not acceptable; the applicant is told at once (%n item):</numerusform>
            <numerusform>These materials are missing or not acceptable; the applicant is told all at once (%n items):</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/counter/dialogs.py" line="38"/>
        <source>所缺材料</source>
        <translation>Missing materials</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/dialogs.py" line="42"/>
        <source>其他需要补正的内容（可选）</source>
        <translation>Anything else to supplement (optional)</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/dialogs.py" line="44"/>
        <source>补正要求说明（可选），如：复印件须加盖公章</source>
        <translation>Notes (optional), e.g. copies must bear the company seal</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/dialogs.py" line="46"/>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/dialogs.py" line="47"/>
        <source>说明</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/dialogs.py" line="48"/>
        <source>发出补正告知后，办理时限暂停计算，材料补齐后恢复。</source>
        <translation>Once requested, the time limit pauses until the materials are complete.</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/dialogs.py" line="53"/>
        <source>请列明所缺材料</source>
        <translation>List the missing materials</translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message>
        <location filename="../../desktop/sync_status.py" line="77"/>
        <source>同步</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_status.py" line="78"/>
        <location filename="../../desktop/sync_status.py" line="79"/>
        <source>立即同步</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_status.py" line="80"/>
        <source>同步状态</source>
        <translation>Sync status</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/sync_status.py" line="97"/>
        <source>%n分钟</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/sync_status.py" line="99"/>
        <source>%1小时</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_status.py" line="100"/>
        <source>%1天</source>
        <translation>%1 days</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_status.py" line="108"/>
        <source>单机模式</source>
        <translation>Standalone</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_status.py" line="109"/>
        <source>本终端未连接服务器：办件只保存在本机</source>
        <translation>This terminal has no server: cases are kept on this PC only</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_status.py" line="112"/>
        <source>正在下载大厅数据 %1%</source>
        <translation>Downloading the hall&apos;s data %1%</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_status.py" line="114"/>
        <source>正在同步…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_status.py" line="116"/>
        <source>尚未连接</source>
        <translation>Not connected yet</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_status.py" line="118"/>
        <source>在线</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_status.py" line="118"/>
        <source>离线</source>
        <translation>Offline</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/sync_status.py" line="122"/>
        <source>待上传 %n 条</source>
        <translation>
            <numerusform>%n record to upload</numerusform>
            <numerusform>%n records to upload</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/sync_status.py" line="122"/>
        <source>已全部上传</source>
        <translation>All uploaded</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_status.py" line="128"/>
        <source>最早一条已等待 %1</source>
        <translation>The oldest record has waited %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/sync_status.py" line="141"/>
        <source>本机时钟与服务器相差 %n 分钟，请校准时间</source>
        <translation>
            <numerusform>This PC&apos;s clock is %n minute off the server&apos;s; set the time</numerusform>
            <numerusform>This PC&apos;s clock is %n minutes off the server&apos;s; set the time</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/sync_status.py" line="146"/>
        <source>%n 条提醒</source>
        <translation>
            <numerusform>%n notice</numerusform>
            <numerusform>%n notices</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/sync_status.py" line="131"/>
        <source>上次同步 %1</source>
        <translation>Last sync %1</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_status.py" line="144"/>
        <source>需要重新注册终端</source>
        <translation>This terminal must be enrolled again</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_status.py" line="162"/>
        <source>大厅节点 %1</source>
        <translation>Hall node %1</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_status.py" line="164"/>
        <source>已连市级</source>
        <translation>reaches the city</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_status.py" line="164"/>
        <source>与市级断开</source>
        <translation>city unreachable</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_status.py" line="166"/>
        <source>市级服务器 %1</source>
        <translation>City server %1</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_status.py" line="172"/>
        <source>上次连通市级 %1</source>
        <translation>Last reached the city %1</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_status.py" line="174"/>
        <source>节点待上传市级 %1 条</source>
        <translation>%1 waiting at the node for the city</translation>
    </message>
</context>
<context>
    <name>TerminalPage</name>
    <message>
        <location filename="../../desktop/first_run_pages.py" line="111"/>
        <source>本终端</source>
        <translation>This terminal</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run_pages.py" line="112"/>
        <source>请输入管理员提供的服务器地址和一次性注册码；没有服务器时可单机运行（演示数据，不同步）。</source>
        <translation>Enter the server address and the one-time enrolment code from your administrator; without a server, run standalone (demo data, no sync).</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run_pages.py" line="114"/>
        <source>向服务器注册此终端</source>
        <translation>Enrol this terminal with the server</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run_pages.py" line="115"/>
        <source>单机运行（不连接服务器）</source>
        <translation>Standalone (no server)</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run_pages.py" line="116"/>
        <source>服务器地址</source>
        <translation>Server address</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run_pages.py" line="117"/>
        <source>注册码</source>
        <translation>Enrolment code</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run_pages.py" line="118"/>
        <source>注册</source>
        <translation>Enrol</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run_pages.py" line="137"/>
        <source>请填写服务器地址和注册码</source>
        <translation>Please fill in the server address and the code</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run_pages.py" line="140"/>
        <source>正在连接服务器…</source>
        <translation>Connecting to the server…</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run_pages.py" line="145"/>
        <source>已注册为终端 {code}（{hall}）</source>
        <translation>Enrolled as terminal {code} ({hall})</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run_pages.py" line="166"/>
        <source>正在准备单机数据…</source>
        <translation>Preparing the standalone data…</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run_pages.py" line="172"/>
        <source>单机运行</source>
        <translation>Standalone</translation>
    </message>
</context>
<context>
    <name>ToleranceDialog</name>
    <message>
        <location filename="../../desktop/counter/law_dialogs.py" line="121"/>
        <source>容缺受理（申请人书面承诺）</source>
        <translation>Accept on a written promise (容缺受理)</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/law_dialogs.py" line="124"/>
        <source>以下非关键材料暂缺，申请人书面承诺按期补齐后可先行受理；材料补齐前不予出件。</source>
        <translation>These non-key materials are missing; with the applicant&apos;s written promise to bring them by the dates below the case is accepted now, and the result is not handed out until they arrive.</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/law_dialogs.py" line="136"/>
        <source>{name}的承诺补齐日期</source>
        <translation>Promised date for {name}</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/law_dialogs.py" line="140"/>
        <source>受理后请打印《容缺受理承诺书》由申请人签字。</source>
        <translation>After accepting, print the promise (容缺受理承诺书) for the applicant to sign.</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <location filename="../../desktop/counter/workspace.py" line="68"/>
        <source>一窗</source>
        <translation>Yichuang</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/workspace.py" line="71"/>
        <source>锁屏 (F12)</source>
        <translation>Lock (F12)</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/workspace.py" line="91"/>
        <source>办件受理</source>
        <translation>Reception</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/workspace.py" line="92"/>
        <source>我的办件 (F4)</source>
        <translation>My cases (F4)</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/workspace.py" line="132"/>
        <source>未指定窗口</source>
        <translation>no window</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/counter/workspace.py" line="179"/>
        <source>找到%n件：%1</source>
        <translation>
            <numerusform>%n case found: %1</numerusform>
            <numerusform>%n cases found: %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/counter/workspace.py" line="213"/>
        <source>没有找到：{text}</source>
        <translation>Nothing found: {text}</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/workspace.py" line="194"/>
        <source>更早的办件在服务器上，正在查找：{text}</source>
        <translation>Older cases are on the server, looking there: {text}</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/workspace.py" line="211"/>
        <source>此办件的详细记录在服务器上，现在连不上服务器：{text}</source>
        <translation>This case&apos;s full record is on the server, which cannot be reached now: {text}</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/workspace.py" line="226"/>
        <source>告知单尚未同步到本终端：已按告知单开立办件，同步后自动合并</source>
        <translation>This slip has not synced to this terminal yet: the case is opened from the slip and joins the kiosk record after sync</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../desktop/i18n.py" line="47"/>
        <location filename="../../desktop/i18n.py" line="59"/>
        <source>一窗</source>
        <translation>Yichuang</translation>
    </message>
</context>
<context>
    <name>crash</name>
    <message>
        <location filename="../../desktop/crash.py" line="118"/>
        <source>程序发生了意外错误。已保存的办件不受影响。
请把错误报告文件交给技术支持：
{path}</source>
        <translation>An unexpected error occurred. Cases already saved are not affected.
Please give this error report file to technical support:
{path}</translation>
    </message>
    <message>
        <location filename="../../desktop/crash.py" line="120"/>
        <source>意外错误</source>
        <translation>Unexpected error</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <location filename="../../desktop/messages.py" line="19"/>
        <source>未登记</source>
        <translation>Not registered</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="20"/>
        <source>已登记</source>
        <translation>Registered</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="21"/>
        <source>已受理</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="22"/>
        <source>待补正</source>
        <translation>Awaiting supplement</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="23"/>
        <source>审核中</source>
        <translation>In review</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="24"/>
        <source>已批准</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="25"/>
        <source>不予许可</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="26"/>
        <source>待出件</source>
        <translation>Result ready</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="27"/>
        <source>已办结</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="28"/>
        <location filename="../../desktop/messages.py" line="37"/>
        <source>不予受理</source>
        <translation>Refuse</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="29"/>
        <source>已撤回</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="33"/>
        <source>登记</source>
        <translation>Registered</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="34"/>
        <source>受理</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="35"/>
        <source>补正告知</source>
        <translation>Request supplement</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="36"/>
        <source>补正材料收到</source>
        <translation>Supplement received</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="38"/>
        <source>撤回</source>
        <translation>Withdraw</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="39"/>
        <source>提交审核</source>
        <translation>Sent to review</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="40"/>
        <source>审核通过</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="41"/>
        <source>审核不通过</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="42"/>
        <source>结果待领取</source>
        <translation>Result ready</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="43"/>
        <source>出件</source>
        <translation>Issue result</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="44"/>
        <source>暂停计时</source>
        <translation>Clock paused</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="45"/>
        <source>恢复计时</source>
        <translation>Resume clock</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="46"/>
        <source>延期</source>
        <translation>Extend</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="47"/>
        <source>评价</source>
        <translation>Rating</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="48"/>
        <source>申请延期</source>
        <translation>Extension asked</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="49"/>
        <source>不批准延期</source>
        <translation>Extension declined</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="50"/>
        <source>容缺材料补齐</source>
        <translation>Promised materials received</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="54"/>
        <source>听证</source>
        <translation>Hearing</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="55"/>
        <source>现场核查</source>
        <translation>On-site inspection</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="56"/>
        <source>专家评审</source>
        <translation>Expert review</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="57"/>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="61"/>
        <source>窗口领取</source>
        <translation>Collected at the window</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="62"/>
        <source>EMS邮寄</source>
        <translation>EMS mail</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="66"/>
        <source>身份证号码应为18位</source>
        <translation>An ID number has 18 characters</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="67"/>
        <source>身份证号码只能由数字组成，末位可为X</source>
        <translation>An ID number has digits only; the last may be X</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="68"/>
        <source>身份证号码中的出生日期不存在或不合理</source>
        <translation>The birth date in the ID number is impossible</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="69"/>
        <source>身份证号码校验位不正确，请核对</source>
        <translation>The ID number&apos;s check character is wrong; please check it</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="70"/>
        <source>身份证号码无效</source>
        <translation>Invalid ID number</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="71"/>
        <source>请输入11位手机号码，或带区号的固定电话</source>
        <translation>Enter an 11-digit mobile number or a landline with area code</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="72"/>
        <source>编号只能由数字组成</source>
        <translation>A number has digits only</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="73"/>
        <source>不是办件编号或告知单编号（长度或首位不对）</source>
        <translation>Not a case or slip number (wrong length or first digit)</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="75"/>
        <source>编号校验位不正确：可能是扫描误读或输入错误，请重新扫描或核对输入</source>
        <translation>Wrong check digit: a misread or a typo. Scan again or check the number</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="77"/>
        <source>编号中的日期不存在</source>
        <translation>The date in the number does not exist</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="78"/>
        <source>编号无效</source>
        <translation>Invalid number</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="79"/>
        <source>本终端的事项目录中没有这个事项</source>
        <translation>This service item is not in this terminal&apos;s catalog</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="80"/>
        <source>办件当前状态不能进行此操作，请刷新后再试</source>
        <translation>This step is not possible in the case&apos;s current state; refresh and try again</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="82"/>
        <source>未知的办件操作</source>
        <translation>Unknown case step</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="83"/>
        <source>必须填写原因</source>
        <translation>A reason is required</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="84"/>
        <source>补正告知须列明全部所缺材料</source>
        <translation>A supplement request must list every missing material</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="85"/>
        <source>邮寄送达须填写地址和EMS单号</source>
        <translation>Mailing needs an address and an EMS tracking number</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="86"/>
        <source>延期天数应为正数</source>
        <translation>The extension must be a positive number of days</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="87"/>
        <source>该事项须本人办理，不可代办</source>
        <translation>This item must be applied for in person; no agents</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="88"/>
        <source>评价等级应为1-5</source>
        <translation>A rating is 1 to 5</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="89"/>
        <source>请填写姓名</source>
        <translation>Enter the name</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="90"/>
        <source>姓名过长</source>
        <translation>The name is too long</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="91"/>
        <source>请填写证件号码</source>
        <translation>Enter the document number</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="92"/>
        <source>请输入完整的办件编号、告知单编号或18位身份证号码</source>
        <translation>Enter a complete case number, slip number or 18-character ID number</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="94"/>
        <source>日期无效</source>
        <translation>Invalid date</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="95"/>
        <source>本地数据库无法使用，请联系技术支持</source>
        <translation>The local database cannot be used; contact technical support</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="96"/>
        <source>工号或密码不正确</source>
        <translation>Wrong staff number or password</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="97"/>
        <location filename="../../desktop/messages.py" line="110"/>
        <source>该工号已停用</source>
        <translation>This staff number is disabled</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="98"/>
        <source>本终端没有找到该办件（可能尚未同步）</source>
        <translation>Case not found on this terminal (perhaps not synced yet)</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="99"/>
        <source>本件已延期一次，依法不能再次延期（行政许可法第四十二条）</source>
        <translation>This case was extended once already; the law allows no second extension (art. 42)</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="101"/>
        <source>已有待负责人批准的延期申请</source>
        <translation>An extension already awaits the head&apos;s approval</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="102"/>
        <source>没有待批准的延期申请</source>
        <translation>No extension awaits approval</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="103"/>
        <source>延期须由部门负责人批准</source>
        <translation>An extension must be approved by the department head</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="104"/>
        <source>暂停计时的事由应为听证、现场核查、专家评审或其他</source>
        <translation>A pause is for a hearing, an inspection, an expert review or another procedure</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="106"/>
        <source>容缺材料的承诺补齐日期应晚于受理当天，且不超过90天</source>
        <translation>A promised date must be after the day of acceptance and within 90 days</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="108"/>
        <source>没有待补齐的容缺材料</source>
        <translation>No promised material is outstanding</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="109"/>
        <source>延期须由批准的负责人本人登记</source>
        <translation>The approving head records the extension in person</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="111"/>
        <source>该工号没有所属部门，不能审批</source>
        <translation>This staff number belongs to no department and cannot decide</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="112"/>
        <source>无法确定办件所属部门</source>
        <translation>The case&apos;s department is unknown</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="113"/>
        <source>无法连接审批服务器，请检查网络后重试</source>
        <translation>The back-office server cannot be reached: check the network and try again</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="114"/>
        <source>登录已失效，请重新登录</source>
        <translation>Your login has expired: log in again</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="118"/>
        <source>本机没有{year}年的节假日安排：{year}年的办理期限暂按法定节假日推算（临时），请联系管理员导入</source>
        <translation>This terminal has no {year} holiday schedule: {year} deadlines count the statutory holidays only (provisional). Ask the administrator to load it</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="120"/>
        <source>节假日安排只到{day}：{year}年的办理期限暂按法定节假日推算（临时），请联系管理员导入{year}年的安排</source>
        <translation>The holiday schedule ends on {day}: {year} deadlines count the statutory holidays only (provisional). Ask the administrator to load the {year} schedule</translation>
    </message>
    <message>
        <location filename="../../desktop/messages.py" line="166"/>
        <source>操作失败：{error}</source>
        <translation>Failed: {error}</translation>
    </message>
</context>
<context>
    <name>shell</name>
    <message>
        <location filename="../../desktop/counter/consultation.py" line="86"/>
        <source>咨询已记录</source>
        <translation>Consultation recorded</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/consultation.py" line="97"/>
        <location filename="../../desktop/counter/consultation.py" line="118"/>
        <location filename="../../desktop/counter/consultation.py" line="128"/>
        <source>提醒</source>
        <translation>Notices</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/consultation.py" line="128"/>
        <source>提醒 {n}</source>
        <translation>Notices {n}</translation>
    </message>
    <message>
        <location filename="../../desktop/counter/appeal.py" line="109"/>
        <source>申诉已提交，等待大厅管理员复核</source>
        <translation>Appeal submitted; a hall supervisor will review it</translation>
    </message>
</context>
<context>
    <name>view</name>
    <message>
        <location filename="../../desktop/counter/appeal.py" line="88"/>
        <source>申诉复核</source>
        <translation>Appeal</translation>
    </message>
</context>
</TS>
