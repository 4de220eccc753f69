<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>Card</name>
    <message>
        <location filename="../../desktop/supervisor/overview.py" line="46"/>
        <source>本月 {v}</source>
        <translation>This month {v}</translation>
    </message>
</context>
<context>
    <name>CasesDialog</name>
    <message>
        <location filename="../../desktop/supervisor/figures_page.py" line="184"/>
        <source>办件编号</source>
        <translation>Case number</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/figures_page.py" line="184"/>
        <source>事项</source>
        <translation>Service item</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/figures_page.py" line="185"/>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/figures_page.py" line="185"/>
        <source>受理时间</source>
        <translation>Accepted at</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/figures_page.py" line="186"/>
        <source>办结期限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/figures_page.py" line="186"/>
        <source>评价</source>
        <translation>Rating</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/figures_page.py" line="193"/>
        <source>{n} 件</source>
        <translation>{n} cases</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/figures_page.py" line="196"/>
        <source>导出Excel</source>
        <translation>Export Excel</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/figures_page.py" line="198"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/figures_page.py" line="211"/>
        <source>导出</source>
        <translation>Export</translation>
    </message>
</context>
<context>
    <name>FiguresPage</name>
    <message>
        <location filename="../../desktop/supervisor/figures_page.py" line="31"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/figures_page.py" line="32"/>
        <source>受理</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/figures_page.py" line="33"/>
        <source>办结</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/figures_page.py" line="34"/>
        <source>办结率</source>
        <translation>Completion rate</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/figures_page.py" line="35"/>
        <source>即办率</source>
        <translation>Instant rate</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/figures_page.py" line="36"/>
        <source>延时服务受理</source>
        <translation>Accepted in extended hours</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/figures_page.py" line="37"/>
        <source>按时办结率</source>
        <translation>On-time rate</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/figures_page.py" line="38"/>
        <source>提前办结率</source>
        <translation>Early rate</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/figures_page.py" line="39"/>
        <source>平均工作日</source>
        <translation>Avg. working days</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/figures_page.py" line="40"/>
        <source>超期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/figures_page.py" line="41"/>
        <source>不予受理</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/figures_page.py" line="42"/>
        <source>撤回</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/figures_page.py" line="43"/>
        <source>咨询</source>
        <translation>Consultations</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/figures_page.py" line="44"/>
        <source>评价</source>
        <translation>Ratings</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/figures_page.py" line="45"/>
        <source>满意率</source>
        <translation>Satisfaction rate</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/figures_page.py" line="46"/>
        <source>差评</source>
        <translation>Bad ratings</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/figures_page.py" line="47"/>
        <source>评价覆盖率</source>
        <translation>Rating coverage</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/figures_page.py" line="48"/>
        <source>申诉剔除</source>
        <translation>Excluded on appeal</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/figures_page.py" line="49"/>
        <source>回访未结</source>
        <translation>Open follow-ups</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/figures_page.py" line="50"/>
        <source>回访超期</source>
        <translation>Overdue follow-ups</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/figures_page.py" line="51"/>
        <source>平均等候(分)</source>
        <translation>Avg. wait (min)</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/figures_page.py" line="52"/>
        <source>平均办理(分)</source>
        <translation>Avg. service (min)</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/figures_page.py" line="72"/>
        <source>按窗口</source>
        <translation>By window</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/figures_page.py" line="72"/>
        <source>按工作人员</source>
        <translation>By staff</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/figures_page.py" line="73"/>
        <source>按部门</source>
        <translation>By department</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/figures_page.py" line="73"/>
        <source>按事项</source>
        <translation>By item</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/figures_page.py" line="74"/>
        <source>按服务区</source>
        <translation>By zone</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/figures_page.py" line="74"/>
        <source>按日</source>
        <translation>By day</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/figures_page.py" line="74"/>
        <source>全厅</source>
        <translation>Whole hall</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/figures_page.py" line="78"/>
        <source>本月</source>
        <translation>This month</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/figures_page.py" line="78"/>
        <source>上月</source>
        <translation>Last month</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/figures_page.py" line="79"/>
        <source>今日</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/figures_page.py" line="79"/>
        <source>自定义</source>
        <translation>Custom</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/figures_page.py" line="84"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/figures_page.py" line="85"/>
        <source>导出Excel</source>
        <translation>Export Excel</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/figures_page.py" line="86"/>
        <source>导出CSV</source>
        <translation>Export CSV</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/figures_page.py" line="87"/>
        <source>统计</source>
        <translation>Figures</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/figures_page.py" line="94"/>
        <source>双击一行查看办件</source>
        <translation>Double-click a row for its cases</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/figures_page.py" line="142"/>
        <source>{n} 行；全厅：受理 {a}，办结 {c}，满意率 {s}。双击一行查看办件</source>
        <translation>{n} rows; hall: accepted {a}, completed {c}, satisfaction {s}. Double-click a row for its cases</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/figures_page.py" line="166"/>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/figures_page.py" line="170"/>
        <source>已导出 {path}</source>
        <translation>Exported {path}</translation>
    </message>
</context>
<context>
    <name>FollowupsPage</name>
    <message>
        <location filename="../../desktop/supervisor/ratings_page.py" line="79"/>
        <source>含已办结</source>
        <translation>Include closed</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/ratings_page.py" line="81"/>
        <source>差评回访整改（红色：已超过整改期限）</source>
        <translation>Follow-ups of bad ratings (red: past their deadline)</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/ratings_page.py" line="87"/>
        <location filename="../../desktop/supervisor/ratings_page.py" line="98"/>
        <source>办件编号</source>
        <translation>Case number</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/ratings_page.py" line="87"/>
        <location filename="../../desktop/supervisor/ratings_page.py" line="98"/>
        <source>评价</source>
        <translation>Rating</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/ratings_page.py" line="88"/>
        <source>被评价人</source>
        <translation>Rated staff</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/ratings_page.py" line="88"/>
        <location filename="../../desktop/supervisor/ratings_page.py" line="124"/>
        <source>责任人</source>
        <translation>Assignee</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/ratings_page.py" line="89"/>
        <source>期限</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/ratings_page.py" line="89"/>
        <source>进度</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/ratings_page.py" line="99"/>
        <source>申诉人</source>
        <translation>Appellant</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/ratings_page.py" line="99"/>
        <source>申诉理由</source>
        <translation>Grounds</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/ratings_page.py" line="100"/>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/ratings_page.py" line="103"/>
        <source>申诉复核</source>
        <translation>Appeals</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/ratings_page.py" line="123"/>
        <source>群众答复 / 整改情况 / 办结说明</source>
        <translation>Citizen&apos;s answer / rectification / closing note</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/ratings_page.py" line="125"/>
        <source>回访方式</source>
        <translation>Contacted by</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/ratings_page.py" line="126"/>
        <source>内容</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/ratings_page.py" line="129"/>
        <source>指定责任人</source>
        <translation>Assign</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/ratings_page.py" line="130"/>
        <source>记录回访</source>
        <translation>Record revisit</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/ratings_page.py" line="131"/>
        <source>记录整改</source>
        <translation>Record rectification</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/ratings_page.py" line="132"/>
        <source>办结</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/ratings_page.py" line="143"/>
        <source>未指定</source>
        <translation>Unassigned</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/ratings_page.py" line="171"/>
        <source>评价：{level}（{when}）&#x3000;被评价人：{rated}&#x3000;期限：{due}</source>
        <translation>Rating: {level} ({when})&#x3000;rated: {rated}&#x3000;due: {due}</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/ratings_page.py" line="175"/>
        <source>回访 {when}（{who}，{how}）：{answer}</source>
        <translation>Revisit {when} ({who}, {how}): {answer}</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/ratings_page.py" line="179"/>
        <source>整改（{who}）：{text}</source>
        <translation>Rectification ({who}): {text}</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/ratings_page.py" line="182"/>
        <source>办结：{who} {when} {note}</source>
        <translation>Closed: {who} {when} {note}</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/ratings_page.py" line="210"/>
        <location filename="../../desktop/supervisor/ratings_page.py" line="239"/>
        <source>选择一条申诉</source>
        <translation>Select an appeal</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/ratings_page.py" line="215"/>
        <source>恶意评价</source>
        <translation>Malicious</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/ratings_page.py" line="216"/>
        <source>误评</source>
        <translation>Mistaken</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/ratings_page.py" line="217"/>
        <source>复核意见（必填）</source>
        <translation>Decision reason (required)</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/ratings_page.py" line="218"/>
        <source>认定（剔除时）</source>
        <translation>Finding (when excluded)</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/ratings_page.py" line="219"/>
        <source>复核意见</source>
        <translation>Review opinion</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/ratings_page.py" line="222"/>
        <source>维持评价</source>
        <translation>Keep the rating</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/ratings_page.py" line="223"/>
        <source>认定并剔除</source>
        <translation>Exclude the rating</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/ratings_page.py" line="233"/>
        <source>维持</source>
        <translation>Kept</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/ratings_page.py" line="233"/>
        <source>已剔除</source>
        <translation>Excluded</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/ratings_page.py" line="237"/>
        <source>待复核</source>
        <translation>Pending</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/ratings_page.py" line="249"/>
        <source>办件 {n}，{level}，申诉人 {who}：{grounds}</source>
        <translation>Case {n}, {level}, appealed by {who}: {grounds}</translation>
    </message>
</context>
<context>
    <name>MonthlyPage</name>
    <message>
        <location filename="../../desktop/supervisor/monthly_page.py" line="53"/>
        <source>生成月度考核</source>
        <translation>Make the monthly review</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/monthly_page.py" line="54"/>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/monthly_page.py" line="55"/>
        <source>另存为PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/monthly_page.py" line="57"/>
        <source>月份</source>
        <translation>Month</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/monthly_page.py" line="78"/>
        <source>正在生成…</source>
        <translation>Working…</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/monthly_page.py" line="93"/>
        <source>{n} 页，已归档：{path}</source>
        <translation>{n} pages, archived: {path}</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/monthly_page.py" line="106"/>
        <source>另存为</source>
        <translation>Save as</translation>
    </message>
</context>
<context>
    <name>NoticesPage</name>
    <message>
        <location filename="../../desktop/supervisor/notices_page.py" line="57"/>
        <source>含已处理</source>
        <translation>Include resolved</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/notices_page.py" line="59"/>
        <source>提醒</source>
        <translation>Notices</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/notices_page.py" line="65"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/notices_page.py" line="65"/>
        <source>类别</source>
        <translation>Topic</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/notices_page.py" line="66"/>
        <source>内容</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/notices_page.py" line="66"/>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/notices_page.py" line="74"/>
        <source>处理说明（处理时必填）</source>
        <translation>Note (required to resolve)</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/notices_page.py" line="75"/>
        <source>标为已读</source>
        <translation>Mark as seen</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/notices_page.py" line="76"/>
        <source>已处理</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/notices_page.py" line="115"/>
        <source>被拒绝的操作：{kind}（{staff}，终端 {term}），当时以为办件处于「{expected}」</source>
        <translation>Step not applied: {kind} ({staff}, terminal {term}), which expected the case to be &quot;{expected}&quot;</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/notices_page.py" line="120"/>
        <source>服务器上的最终状态：「{actual}」，办件 {number}</source>
        <translation>State on the server: &quot;{actual}&quot;, case {number}</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/notices_page.py" line="124"/>
        <source>已读：{who}</source>
        <translation>Seen by {who}</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/notices_page.py" line="127"/>
        <source>处理：{who} {when} — {note}</source>
        <translation>Resolved: {who} {when} — {note}</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/notices_page.py" line="143"/>
        <source>请填写处理说明</source>
        <translation>Enter a note</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <location filename="../../desktop/supervisor/overview.py" line="67"/>
        <source>今日受理</source>
        <translation>Accepted today</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/overview.py" line="67"/>
        <source>今日办结</source>
        <translation>Completed today</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/overview.py" line="68"/>
        <source>办结率</source>
        <translation>Completion rate</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/overview.py" line="68"/>
        <source>即办率</source>
        <translation>Instant rate</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/overview.py" line="69"/>
        <source>按时办结率</source>
        <translation>On-time rate</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/overview.py" line="69"/>
        <source>超期（当前）</source>
        <translation>Overdue (now)</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/overview.py" line="70"/>
        <source>满意率</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/overview.py" line="70"/>
        <source>差评</source>
        <translation>Bad ratings</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/overview.py" line="71"/>
        <source>咨询</source>
        <translation>Consultations</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/overview.py" line="71"/>
        <source>回访未结</source>
        <translation>Open follow-ups</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/overview.py" line="78"/>
        <source>超期（红）与一个工作日内到期（黄）的办件</source>
        <translation>Overdue (red) and due within a working day (yellow)</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/overview.py" line="81"/>
        <source>办件编号</source>
        <translation>Case number</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/overview.py" line="81"/>
        <source>事项</source>
        <translation>Service item</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/overview.py" line="82"/>
        <location filename="../../desktop/supervisor/overview.py" line="94"/>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/overview.py" line="82"/>
        <source>办结期限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/overview.py" line="83"/>
        <source>经办人</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/overview.py" line="90"/>
        <source>窗口（今日最近办理）</source>
        <translation>Windows (last step today)</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/overview.py" line="93"/>
        <source>窗口</source>
        <translation>Window</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/overview.py" line="93"/>
        <source>工作人员</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/overview.py" line="94"/>
        <source>最近办理</source>
        <translation>Last step</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/overview.py" line="111"/>
        <source>超期 {red} 件，临近到期 {yellow} 件，超期回访 {f} 件，待处理提醒 {n} 条</source>
        <translation>{red} overdue, {yellow} due soon, {f} follow-ups overdue, {n} notices open</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/overview.py" line="121"/>
        <source>办理中</source>
        <translation>Serving</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/overview.py" line="122"/>
        <source>今日未办理</source>
        <translation>Not used today</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/overview.py" line="122"/>
        <source>空闲</source>
        <translation>Idle</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/overview.py" line="123"/>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/overview.py" line="124"/>
        <source>自助登记后等候受理：{w}</source>
        <translation>Registered at the kiosk, waiting: {w}</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/overview.py" line="126"/>
        <source>短信评价：已发 {sent}，待发 {waiting}，回复 {replies}（计入评价 {rated}）</source>
        <translation>SMS ratings: {sent} sent, {waiting} waiting, {replies} replies ({rated} counted)</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/overview.py" line="129"/>
        <source>；短信网关暂不可用，待发短信会自动重发</source>
        <translation>; the SMS gateway is unavailable, waiting messages will be sent when it is back</translation>
    </message>
</context>
<context>
    <name>SlipBox</name>
    <message>
        <location filename="../../desktop/supervisor/ratings_page.py" line="276"/>
        <source>评议箱开箱：扫描告知单条码，再按数字键 5–1 或点评价等级（每张告知单只计一次）</source>
        <translation>Opening the slip box: scan a slip&apos;s barcode, then press 5–1 or click the level (each slip counts once)</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/ratings_page.py" line="278"/>
        <source>扫描或输入告知单编号</source>
        <translation>Scan or type the slip number</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/ratings_page.py" line="317"/>
        <source>本次已录入 {n} 张</source>
        <translation>{n} slips entered</translation>
    </message>
</context>
<context>
    <name>SupervisorWindow</name>
    <message>
        <location filename="../../desktop/supervisor/window.py" line="60"/>
        <location filename="../../desktop/supervisor/window.py" line="66"/>
        <source>一窗 · 大厅监察</source>
        <translation>Yichuang · Supervisor</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/window.py" line="113"/>
        <source>本终端还没有人员名单，请先完成终端注册或同步</source>
        <translation>This terminal has no staff list yet; enrol or sync it first</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/window.py" line="122"/>
        <source>{name}，您好</source>
        <translation>Hello, {name}</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/window.py" line="145"/>
        <source>概览</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/window.py" line="145"/>
        <source>统计</source>
        <translation>Figures</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/window.py" line="146"/>
        <location filename="../../desktop/supervisor/window.py" line="225"/>
        <source>提醒</source>
        <translation>Notices</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/window.py" line="147"/>
        <source>回访整改与申诉</source>
        <translation>Follow-ups and appeals</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/window.py" line="148"/>
        <source>评议箱</source>
        <translation>Rating box</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/window.py" line="149"/>
        <source>月度考核</source>
        <translation>Monthly review</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/window.py" line="192"/>
        <source>{group} 的办件</source>
        <translation>Cases of {group}</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/window.py" line="208"/>
        <source>办件 {n} · {item}</source>
        <translation>Case {n} · {item}</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/window.py" line="225"/>
        <source>提醒 {n}</source>
        <translation>Notices {n}</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/window.py" line="254"/>
        <source>已记录</source>
        <translation>Recorded</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/window.py" line="269"/>
        <source>已录入：{n} {item}</source>
        <translation>Entered: {n} {item}</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/window.py" line="272"/>
        <source>（差评，已生成回访整改）</source>
        <translation> (bad rating: follow-up opened)</translation>
    </message>
</context>
<context>
    <name>charts</name>
    <message>
        <location filename="../../desktop/supervisor/charts.py" line="63"/>
        <source>每日受理与办结</source>
        <translation>Accepted and completed by day</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/charts.py" line="65"/>
        <source>受理</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/charts.py" line="66"/>
        <source>办结</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/charts.py" line="100"/>
        <source>窗口满意率（最低的有评价窗口）</source>
        <translation>Satisfaction by window (lowest rated windows)</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/charts.py" line="101"/>
        <source>满意率 %</source>
        <translation>Satisfaction %</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/charts.py" line="128"/>
        <source>各部门超期件数</source>
        <translation>Overdue cases by department</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/charts.py" line="129"/>
        <source>超期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/charts.py" line="137"/>
        <source>无超期</source>
        <translation>None overdue</translation>
    </message>
</context>
<context>
    <name>followups</name>
    <message>
        <location filename="../../desktop/supervisor/ratings_page.py" line="31"/>
        <source>待回访</source>
        <translation>To revisit</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/ratings_page.py" line="32"/>
        <source>已回访</source>
        <translation>Revisited</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/ratings_page.py" line="33"/>
        <source>已整改</source>
        <translation>Rectified</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/ratings_page.py" line="34"/>
        <source>已办结</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/ratings_page.py" line="35"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/ratings_page.py" line="36"/>
        <source>短信</source>
        <translation>SMS</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/ratings_page.py" line="37"/>
        <source>上门</source>
        <translation>Visit</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/ratings_page.py" line="38"/>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/ratings_page.py" line="39"/>
        <source>非常满意</source>
        <translation>Very satisfied</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/ratings_page.py" line="40"/>
        <source>满意</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/ratings_page.py" line="41"/>
        <source>基本满意</source>
        <translation>Fairly satisfied</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/ratings_page.py" line="42"/>
        <source>不满意</source>
        <translation>Dissatisfied</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/ratings_page.py" line="43"/>
        <source>非常不满意</source>
        <translation>Very dissatisfied</translation>
    </message>
</context>
<context>
    <name>notices</name>
    <message>
        <location filename="../../desktop/supervisor/notices_page.py" line="27"/>
        <source>自助机求助</source>
        <translation>Kiosk help call</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/notices_page.py" line="28"/>
        <source>自助机打印机故障</source>
        <translation>Kiosk printer fault</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/notices_page.py" line="29"/>
        <source>同步冲突</source>
        <translation>Sync conflict</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/notices_page.py" line="30"/>
        <source>迟到的评价</source>
        <translation>Late rating</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/notices_page.py" line="31"/>
        <source>无法应用的数据</source>
        <translation>Quarantined data</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/notices_page.py" line="32"/>
        <source>服务器恢复</source>
        <translation>Server restored</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/notices_page.py" line="33"/>
        <source>设备</source>
        <translation>Device</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/notices_page.py" line="34"/>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/notices_page.py" line="36"/>
        <source>未读</source>
        <translation>Unseen</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/notices_page.py" line="36"/>
        <source>已读</source>
        <translation>Seen</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/notices_page.py" line="37"/>
        <source>已处理</source>
        <translation>Resolved</translation>
    </message>
</context>
<context>
    <name>w</name>
    <message>
        <location filename="../../desktop/supervisor/screenshots.py" line="182"/>
        <source>编号校验位不正确，请重新扫描或核对输入</source>
        <translation>Wrong check digit: scan again or check the number</translation>
    </message>
</context>
</TS>
