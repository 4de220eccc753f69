<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../desktop/kiosk/admin_page.py" line="40"/>
        <source>管理员退出</source>
        <translation>Staff exit</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/admin_page.py" line="41"/>
        <source>请输入管理密码</source>
        <translation>Enter the staff PIN</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/admin_page.py" line="48"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/admin_page.py" line="51"/>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/admin_page.py" line="85"/>
        <source>密码不正确，请重试</source>
        <translation>Wrong PIN, please try again</translation>
    </message>
</context>
<context>
    <name>IdentifyPage</name>
    <message>
        <location filename="../../desktop/kiosk/identify_pages.py" line="65"/>
        <location filename="../../desktop/kiosk/identify_pages.py" line="125"/>
        <source>请放置身份证</source>
        <translation>Place your ID card</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/identify_pages.py" line="79"/>
        <source>把身份证平放在读卡区上，听到提示音前不要移动</source>
        <translation>Lay your ID card flat on the reader and hold still until you hear the beep</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/identify_pages.py" line="85"/>
        <source>演示：模拟放置身份证</source>
        <translation>Demo: place a sample ID card</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/identify_pages.py" line="88"/>
        <source>没带身份证或读不出？手动输入证件号码</source>
        <translation>No card, or it won&apos;t read? Type the ID number</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/identify_pages.py" line="97"/>
        <source>请输入18位身份证号码</source>
        <translation>Enter the 18-character ID number</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/identify_pages.py" line="104"/>
        <source>改用读卡</source>
        <translation>Use the card reader</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/identify_pages.py" line="107"/>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/identify_pages.py" line="120"/>
        <source>请用数字键输入身份证号码，最后一位是X的请按X键</source>
        <translation>Type your ID number on the keypad; if it ends in X, press the X key</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/identify_pages.py" line="121"/>
        <source>请把身份证平放在读卡区上</source>
        <translation>Please lay your ID card flat on the reader</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/identify_pages.py" line="125"/>
        <source>输入证件号码</source>
        <translation>Type your ID number</translation>
    </message>
</context>
<context>
    <name>ItemPage</name>
    <message>
        <location filename="../../desktop/kiosk/item_page.py" line="44"/>
        <source>办理时限</source>
        <translation>Time limit</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/item_page.py" line="44"/>
        <source>当场办结</source>
        <translation>Done on the spot</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/item_page.py" line="45"/>
        <source>收费标准</source>
        <translation>Fees</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/item_page.py" line="45"/>
        <source>办理地点</source>
        <translation>Where</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/item_page.py" line="46"/>
        <source>主管部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/item_page.py" line="64"/>
        <source>登记并打印告知单</source>
        <translation>Register and print my slip</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/item_page.py" line="72"/>
        <source>{0}。请看清需要带的材料，然后点击登记并打印告知单</source>
        <translation>{0}. Check the materials you need, then tap Register and print my slip</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/item_page.py" line="83"/>
        <source>请带齐以下材料（一次性告知）</source>
        <translation>Please bring all of these (complete list)</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/item_page.py" line="89"/>
        <source>以下材料视情况提供：</source>
        <translation>Only if they apply to you:</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/item_page.py" line="94"/>
        <source>无需提交材料，带上身份证即可</source>
        <translation>No documents needed, just your ID card</translation>
    </message>
</context>
<context>
    <name>KioskFlow</name>
    <message>
        <location filename="../../desktop/kiosk/flow.py" line="181"/>
        <location filename="../../desktop/kiosk/flow.py" line="208"/>
        <source>办理：{0}</source>
        <translation>Service: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/flow.py" line="212"/>
        <source>已读取：%1</source>
        <translation>Card read: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/flow.py" line="213"/>
        <source>证件号码：%1</source>
        <translation>ID number: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/flow.py" line="254"/>
        <source>本机没有查到这个编号的办件：刚登记的请稍后再查，或到服务台询问</source>
        <translation>No case with this number here yet. If you registered just now, try again later, or ask at the help desk</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/flow.py" line="298"/>
        <source>本机没有连接打印机</source>
        <translation>This kiosk has no printer</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/flow.py" line="326"/>
        <source>{0}，暂停自助登记。工作人员正在处理，请到服务台登记。</source>
        <translation>{0}: self-service registration is paused. Staff have been told; please register at the service desk.</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/flow.py" line="342"/>
        <source>已通知工作人员，请稍候，马上有人过来帮您。</source>
        <translation>Staff have been told. Please wait, someone is coming to help you.</translation>
    </message>
</context>
<context>
    <name>KioskHours</name>
    <message>
        <location filename="../../desktop/kiosk/hours.py" line="33"/>
        <source>今天 {0}</source>
        <translation>today at {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/hours.py" line="35"/>
        <source>明天 {0}</source>
        <translation>tomorrow at {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/hours.py" line="36"/>
        <source>{0}月{1}日 {2}</source>
        <translation>{1}/{0} at {2}</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/hours.py" line="53"/>
        <source>现在不在办理时间，自助登记暂停。</source>
        <translation>The hall is closed now; self-service registration is paused. </translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/hours.py" line="55"/>
        <source>下次开放：{0}（{1}）。</source>
        <translation>Opens again {0} ({1}). </translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/hours.py" line="59"/>
        <source>开放时间：{0}</source>
        <translation>Opening hours: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/hours.py" line="61"/>
        <source>当前时段：{0} {1}</source>
        <translation>Now open: {0} {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/hours.py" line="66"/>
        <source>，其余{0}项事项{1}起办理</source>
        <translation>; the other {0} services from {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/hours.py" line="68"/>
        <source>，本时段可办{0}项事项{1}</source>
        <translation>, {0} services available now{1}</translation>
    </message>
</context>
<context>
    <name>KioskText</name>
    <message>
        <location filename="../../desktop/kiosk/texts.py" line="42"/>
        <source>即办件</source>
        <translation>Same day</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/texts.py" line="49"/>
        <source>即办件，材料齐全当场办结</source>
        <translation>Done on the spot when the documents are complete</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/texts.py" line="50"/>
        <source>承诺时限 {0} 个工作日（自受理次日起计算）</source>
        <translation>{0} working days (counted from the day after acceptance)</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/texts.py" line="57"/>
        <source>不收费</source>
        <translation>Free</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/texts.py" line="68"/>
        <source>是，当场办结</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/texts.py" line="69"/>
        <source>否，受理后按承诺时限办结</source>
        <translation>No, within the time limit after acceptance</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/kiosk/texts.py" line="20"/>
        <source>%n个工作日</source>
        <translation>
            <numerusform>%n working day</numerusform>
            <numerusform>%n working days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/kiosk/texts.py" line="23"/>
        <source>原件%n份</source>
        <translation>
            <numerusform>%n original</numerusform>
            <numerusform>%n originals</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/kiosk/texts.py" line="26"/>
        <source>复印件%n份</source>
        <translation>
            <numerusform>%n copy</numerusform>
            <numerusform>%n copies</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/texts.py" line="85"/>
        <source>（{0}需提供）</source>
        <translation>(if: {0})</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/texts.py" line="91"/>
        <source>打印机缺纸</source>
        <translation>The printer is out of paper</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/texts.py" line="92"/>
        <source>打印机盖未关好</source>
        <translation>The printer cover is open</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/texts.py" line="93"/>
        <source>打印机脱机</source>
        <translation>The printer is offline</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/texts.py" line="94"/>
        <source>打印机故障</source>
        <translation>The printer has a fault</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/texts.py" line="96"/>
        <source>打印机未连接</source>
        <translation>The printer is not connected</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <location filename="../../desktop/kiosk/window.py" line="127"/>
        <source>自助登记</source>
        <translation>Self-service registration</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/window.py" line="182"/>
        <source>长辈模式</source>
        <translation>Large text</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/window.py" line="185"/>
        <source>需要帮助</source>
        <translation>Need help</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/window.py" line="195"/>
        <source>返回上一步</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/window.py" line="200"/>
        <source>回到首页</source>
        <translation>Start over</translation>
    </message>
</context>
<context>
    <name>LetterKeyboard</name>
    <message>
        <location filename="../../desktop/kiosk/widgets.py" line="160"/>
        <source>退格</source>
        <translation>Backspace</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/widgets.py" line="164"/>
        <source>清空</source>
        <translation>Clear</translation>
    </message>
</context>
<context>
    <name>NumericKeypad</name>
    <message>
        <location filename="../../desktop/kiosk/widgets.py" line="119"/>
        <location filename="../../desktop/kiosk/widgets.py" line="128"/>
        <source>清空</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/widgets.py" line="122"/>
        <source>退格</source>
        <translation>Backspace</translation>
    </message>
</context>
<context>
    <name>PhonePage</name>
    <message>
        <location filename="../../desktop/kiosk/identify_pages.py" line="176"/>
        <source>留个手机号？（可以不填）</source>
        <translation>Your mobile number? (optional)</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/identify_pages.py" line="177"/>
        <source>办好后会发短信告诉您，也可以回复短信评价服务。</source>
        <translation>We will text you when it is done; you can rate the service by replying.</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/identify_pages.py" line="191"/>
        <source>跳过，不留号码</source>
        <translation>Skip</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/identify_pages.py" line="194"/>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/identify_pages.py" line="206"/>
        <source>如果需要短信通知，请输入手机号码；不需要请点跳过</source>
        <translation>Enter your mobile number for text messages, or tap Skip</translation>
    </message>
</context>
<context>
    <name>ProgressPage</name>
    <message>
        <location filename="../../desktop/kiosk/progress_page.py" line="45"/>
        <source>查询办理进度</source>
        <translation>Check progress</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/progress_page.py" line="46"/>
        <source>把告知单上的条形码对准扫码口，或输入告知单编号（20位）或办件编号（16位）</source>
        <translation>Hold your slip&apos;s barcode to the scanner, or key in the slip number (20 digits) or the case number (16 digits)</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/progress_page.py" line="55"/>
        <source>输入的编号</source>
        <translation>Number entered</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/progress_page.py" line="61"/>
        <source>为本次服务评价</source>
        <translation>Rate this service</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/progress_page.py" line="70"/>
        <source>查询</source>
        <translation>Check</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/progress_page.py" line="87"/>
        <source>事项</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/progress_page.py" line="87"/>
        <source>编号</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/progress_page.py" line="88"/>
        <source>申请人</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/progress_page.py" line="88"/>
        <source>办理状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/progress_page.py" line="89"/>
        <source>办理时限</source>
        <translation>Time limit</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/progress_page.py" line="89"/>
        <source>下一步</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/progress_page.py" line="98"/>
        <source>请扫描告知单上的条形码，或输入告知单编号</source>
        <translation>Please scan the barcode on your slip, or key in the slip number</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/progress_page.py" line="146"/>
        <source>即办件，材料齐全当场办结</source>
        <translation>Done on the spot when the documents are complete</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/progress_page.py" line="148"/>
        <source>等待补正材料，暂停计时</source>
        <translation>Waiting for missing documents; the clock is paused</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/progress_page.py" line="150"/>
        <source>受理后开始计算</source>
        <translation>Counts from acceptance</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/progress_page.py" line="154"/>
        <source>%1（%2前办结）</source>
        <translation>%1 (done by %2)</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/progress_page.py" line="159"/>
        <source>请按排队号到窗口，带齐告知单上的材料</source>
        <translation>Go to the window when your queue number is called, with the documents on your slip</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/progress_page.py" line="161"/>
        <source>请补齐以下材料后到窗口：%1</source>
        <translation>Bring these documents to the window: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/progress_page.py" line="163"/>
        <source>结果已出，请带身份证到窗口领取</source>
        <translation>Your result is ready: collect it at the window with your ID card</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/progress_page.py" line="165"/>
        <source>已结束，无需再办</source>
        <translation>Finished; nothing more to do</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/progress_page.py" line="166"/>
        <source>正在办理，请留意短信通知</source>
        <translation>In progress; you will get a text message</translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
    <message>
        <location filename="../../desktop/kiosk/result_pages.py" line="45"/>
        <source>您的排队号</source>
        <translation>Your queue number</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/result_pages.py" line="52"/>
        <source>登记号（请记下，到窗口时报给工作人员）</source>
        <translation>Registration number (note it down and tell the window)</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/result_pages.py" line="65"/>
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/result_pages.py" line="78"/>
        <source>正在打印，请稍候</source>
        <translation>Printing, please wait</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/result_pages.py" line="80"/>
        <source>请取走告知单，您的排队号是{0}，请到{1}</source>
        <translation>Please take your slip. Your queue number is {0}. Please go to {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/result_pages.py" line="83"/>
        <source>告知单没有打印出来，请记下屏幕上的登记号，到窗口办理</source>
        <translation>The slip could not be printed. Note the registration number on the screen and take it to the window</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/result_pages.py" line="84"/>
        <source>登记没有成功，请到服务台找工作人员</source>
        <translation>Registration failed. Please ask at the service desk</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/result_pages.py" line="87"/>
        <source>正在登记并打印，请稍候…</source>
        <translation>Registering and printing, please wait…</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/result_pages.py" line="91"/>
        <source>请取走告知单</source>
        <translation>Please take your slip</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/result_pages.py" line="92"/>
        <source>告知单上有所需材料和办理时限，请按排队号到窗口办理。</source>
        <translation>The slip lists the documents and the time limit. Please go to the window when your number is called.</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/result_pages.py" line="97"/>
        <source>已登记，但告知单没有打印出来</source>
        <translation>Registered, but the slip could not be printed</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/result_pages.py" line="98"/>
        <source>，已通知工作人员</source>
        <translation>; staff have been told</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/result_pages.py" line="100"/>
        <source>请用手机拍下或记下登记号，到窗口出示；所需材料请看窗口的一次性告知。</source>
        <translation>Take a photo of the registration number or write it down and show it at the window; the window will tell you the documents.</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/result_pages.py" line="106"/>
        <source>登记没有成功</source>
        <translation>Registration failed</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/result_pages.py" line="108"/>
        <source>请到服务台，工作人员会帮您登记。</source>
        <translation>Please go to the service desk; staff will register you.</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/result_pages.py" line="112"/>
        <source>请到 {0}</source>
        <translation>Go to {0}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/kiosk/result_pages.py" line="146"/>
        <source>%n 秒后返回首页</source>
        <translation>
            <numerusform>Back to the start in %n second</numerusform>
            <numerusform>Back to the start in %n seconds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <location filename="../../desktop/kiosk/service_pages.py" line="185"/>
        <source>按拼音首字母搜索</source>
        <translation>Search by pinyin initials</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/service_pages.py" line="186"/>
        <source>例如：结婚登记 输入 JHDJ，普通护照签发 输入 PTHZ</source>
        <translation>e.g. 结婚登记 (marriage registration): JHDJ; 普通护照签发 (passport): PTHZ</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/service_pages.py" line="206"/>
        <source>请用下方字母键输入事项名称的拼音首字母</source>
        <translation>Type the pinyin initials of the service name with the letter keys below</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/service_pages.py" line="228"/>
        <source>输入字母后，这里显示匹配的事项</source>
        <translation>Matching services appear here as you type</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/service_pages.py" line="230"/>
        <source>找到以下事项，请点击选择</source>
        <translation>Tap the service you want</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/service_pages.py" line="232"/>
        <source>没有找到，请少输入几个字母，或返回按服务区查找</source>
        <translation>Nothing found. Type fewer letters, or go back and browse by zone</translation>
    </message>
</context>
<context>
    <name>ServicesPage</name>
    <message>
        <location filename="../../desktop/kiosk/service_pages.py" line="67"/>
        <source>请选择要办理的事项</source>
        <translation>Choose a service</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/service_pages.py" line="68"/>
        <source>按拼音首字母搜索</source>
        <translation>Search by pinyin initials</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/service_pages.py" line="74"/>
        <source>按服务区</source>
        <translation>By zone</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/service_pages.py" line="74"/>
        <source>按部门</source>
        <translation>By department</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/service_pages.py" line="100"/>
        <source>请选择要办理的事项，也可以按拼音首字母搜索</source>
        <translation>Choose a service, or search by pinyin initials</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <location filename="../../desktop/kiosk/start_page.py" line="56"/>
        <source>自助登记</source>
        <translation>Self-service registration</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/start_page.py" line="57"/>
        <source>不用排长队问路：选好事项，刷身份证，取走告知单，上面写着去哪个窗口、带什么材料</source>
        <translation>No queue to ask the way: choose the service, place your ID card, take the slip — it says which window and what to bring</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/start_page.py" line="64"/>
        <source>选择事项</source>
        <translation>Choose the service</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/start_page.py" line="64"/>
        <source>按服务区或部门找，也可按拼音首字母搜索</source>
        <translation>Browse by zone or department, or search by pinyin initials</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/start_page.py" line="65"/>
        <source>放身份证</source>
        <translation>Place your ID card</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/start_page.py" line="65"/>
        <source>把身份证放到读卡区，或用数字键输入号码</source>
        <translation>Put the card on the reader, or type the number</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/start_page.py" line="66"/>
        <source>取告知单</source>
        <translation>Take your slip</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/start_page.py" line="66"/>
        <source>排队号、办理窗口、所需材料和办理时限</source>
        <translation>Queue number, window, documents and time limit</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/start_page.py" line="77"/>
        <location filename="../../desktop/kiosk/start_page.py" line="108"/>
        <source>开始登记</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/start_page.py" line="85"/>
        <source>查询办理进度（扫描告知单）</source>
        <translation>Check progress (scan your slip)</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/start_page.py" line="98"/>
        <source>需要帮忙？请点右上角「需要帮助」，工作人员会过来。</source>
        <translation>Need a hand? Tap “Need help” at the top right and staff will come.</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/start_page.py" line="103"/>
        <source>您好，请点击开始登记</source>
        <translation>Hello, tap Start to register</translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/start_page.py" line="108"/>
        <source>暂停自助登记</source>
        <translation>Registration paused</translation>
    </message>
</context>
<context>
    <name>w</name>
    <message>
        <location filename="../../desktop/kiosk/screenshots.py" line="119"/>
        <source>已通知工作人员，请稍候，马上有人过来帮您。</source>
        <translation>Staff have been told. Please wait, someone is coming to help you.</translation>
    </message>
</context>
</TS>
