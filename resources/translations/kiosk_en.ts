<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../desktop/kiosk/admin_page.py" line="40"/>
        <source>管理员退出</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/admin_page.py" line="41"/>
        <source>请输入管理密码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/admin_page.py" line="48"/>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/admin_page.py" line="51"/>
        <source>确定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/admin_page.py" line="90"/>
        <source>密码不正确，请重试</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IdentifyPage</name>
    <message>
        <location filename="../../desktop/kiosk/identify_pages.py" line="65"/>
        <location filename="../../desktop/kiosk/identify_pages.py" line="125"/>
        <source>请放置身份证</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/identify_pages.py" line="79"/>
        <source>把身份证平放在读卡区上，听到提示音前不要移动</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/identify_pages.py" line="85"/>
        <source>演示：模拟放置身份证</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/identify_pages.py" line="88"/>
        <source>没带身份证或读不出？手动输入证件号码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/identify_pages.py" line="97"/>
        <source>请输入18位身份证号码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/identify_pages.py" line="104"/>
        <source>改用读卡</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/identify_pages.py" line="107"/>
        <source>确定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/identify_pages.py" line="120"/>
        <source>请用数字键输入身份证号码，最后一位是X的请按X键</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/identify_pages.py" line="121"/>
        <source>请把身份证平放在读卡区上</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/identify_pages.py" line="125"/>
        <source>输入证件号码</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ItemPage</name>
    <message>
        <location filename="../../desktop/kiosk/item_page.py" line="44"/>
        <source>办理时限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/item_page.py" line="44"/>
        <source>当场办结</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/item_page.py" line="45"/>
        <source>收费标准</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/item_page.py" line="45"/>
        <source>办理地点</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/item_page.py" line="46"/>
        <source>主管部门</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/item_page.py" line="64"/>
        <source>登记并打印告知单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/item_page.py" line="72"/>
        <source>{0}。请看清需要带的材料，然后点击登记并打印告知单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/item_page.py" line="83"/>
        <source>请带齐以下材料（一次性告知）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/item_page.py" line="89"/>
        <source>以下材料视情况提供：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/item_page.py" line="94"/>
        <source>无需提交材料，带上身份证即可</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KioskFlow</name>
    <message>
        <location filename="../../desktop/kiosk/flow.py" line="143"/>
        <location filename="../../desktop/kiosk/flow.py" line="170"/>
        <source>办理：{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/flow.py" line="230"/>
        <source>本机没有连接打印机</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/flow.py" line="251"/>
        <source>{0}，暂停自助登记。工作人员正在处理，请到服务台登记。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/flow.py" line="267"/>
        <source>已通知工作人员，请稍候，马上有人过来帮您。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KioskText</name>
    <message>
        <location filename="../../desktop/kiosk/texts.py" line="24"/>
        <source>即办件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/texts.py" line="25"/>
        <source>{0}个工作日</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/texts.py" line="31"/>
        <source>即办件，材料齐全当场办结</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/texts.py" line="32"/>
        <source>承诺时限 {0} 个工作日（自受理次日起计算）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/texts.py" line="39"/>
        <source>不收费</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/texts.py" line="50"/>
        <source>是，当场办结</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/texts.py" line="51"/>
        <source>否，受理后按承诺时限办结</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/texts.py" line="58"/>
        <source>原件{0}份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/texts.py" line="60"/>
        <source>复印件{0}份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/texts.py" line="67"/>
        <source>（{0}需提供）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/texts.py" line="73"/>
        <source>打印机缺纸</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/texts.py" line="74"/>
        <source>打印机盖未关好</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/texts.py" line="75"/>
        <source>打印机脱机</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/texts.py" line="76"/>
        <source>打印机故障</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/texts.py" line="78"/>
        <source>打印机未连接</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <location filename="../../desktop/kiosk/window.py" line="119"/>
        <source>一窗 自助登记</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/window.py" line="163"/>
        <source>长辈模式</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/window.py" line="166"/>
        <source>需要帮助</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/window.py" line="176"/>
        <source>返回上一步</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/window.py" line="181"/>
        <source>回到首页</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LetterKeyboard</name>
    <message>
        <location filename="../../desktop/kiosk/widgets.py" line="147"/>
        <source>清空</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NumericKeypad</name>
    <message>
        <location filename="../../desktop/kiosk/widgets.py" line="105"/>
        <location filename="../../desktop/kiosk/widgets.py" line="112"/>
        <source>清空</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PhonePage</name>
    <message>
        <location filename="../../desktop/kiosk/identify_pages.py" line="180"/>
        <source>留个手机号？（可以不填）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/identify_pages.py" line="181"/>
        <source>办好后会发短信告诉您，也可以回复短信评价服务。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/identify_pages.py" line="193"/>
        <source>跳过，不留号码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/identify_pages.py" line="196"/>
        <source>确定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/identify_pages.py" line="208"/>
        <source>如果需要短信通知，请输入手机号码；不需要请点跳过</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
    <message>
        <location filename="../../desktop/kiosk/result_pages.py" line="45"/>
        <source>您的排队号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/result_pages.py" line="52"/>
        <source>登记号（请记下，到窗口时报给工作人员）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/result_pages.py" line="65"/>
        <source>完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/result_pages.py" line="78"/>
        <source>正在打印，请稍候</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/result_pages.py" line="80"/>
        <source>请取走告知单，您的排队号是{0}，请到{1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/result_pages.py" line="83"/>
        <source>告知单没有打印出来，请记下屏幕上的登记号，到窗口办理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/result_pages.py" line="84"/>
        <source>登记没有成功，请到服务台找工作人员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/result_pages.py" line="87"/>
        <source>正在登记并打印，请稍候…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/result_pages.py" line="91"/>
        <source>请取走告知单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/result_pages.py" line="92"/>
        <source>告知单上有所需材料和办理时限，请按排队号到窗口办理。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/result_pages.py" line="97"/>
        <source>已登记，但告知单没有打印出来</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/result_pages.py" line="98"/>
        <source>，已通知工作人员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/result_pages.py" line="100"/>
        <source>请用手机拍下或记下登记号，到窗口出示；所需材料请看窗口的一次性告知。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/result_pages.py" line="106"/>
        <source>登记没有成功</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/result_pages.py" line="108"/>
        <source>请到服务台，工作人员会帮您登记。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/result_pages.py" line="112"/>
        <source>请到 {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/result_pages.py" line="146"/>
        <source>{0} 秒后返回首页</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <location filename="../../desktop/kiosk/service_pages.py" line="169"/>
        <source>按拼音首字母搜索</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/service_pages.py" line="170"/>
        <source>例如：结婚登记 输入 JHDJ，普通护照签发 输入 PTHZ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/service_pages.py" line="190"/>
        <source>请用下方字母键输入事项名称的拼音首字母</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/service_pages.py" line="213"/>
        <source>输入字母后，这里显示匹配的事项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/service_pages.py" line="215"/>
        <source>找到以下事项，请点击选择</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/service_pages.py" line="217"/>
        <source>没有找到，请少输入几个字母，或返回按服务区查找</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServicesPage</name>
    <message>
        <location filename="../../desktop/kiosk/service_pages.py" line="68"/>
        <source>请选择要办理的事项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/service_pages.py" line="69"/>
        <source>按拼音首字母搜索</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/service_pages.py" line="75"/>
        <source>按服务区</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/service_pages.py" line="75"/>
        <source>按部门</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/service_pages.py" line="101"/>
        <source>请选择要办理的事项，也可以按拼音首字母搜索</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <location filename="../../desktop/kiosk/start_page.py" line="53"/>
        <source>自助登记</source>
        <extracomment>the page&apos;s name in screenshots and tests whether the footer (back / home) shows on this page</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/start_page.py" line="54"/>
        <source>不用排长队问路：选好事项，刷身份证，取走告知单，上面写着去哪个窗口、带什么材料</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/start_page.py" line="60"/>
        <source>选择事项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/start_page.py" line="60"/>
        <source>按服务区或部门找，也可按拼音首字母搜索</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/start_page.py" line="61"/>
        <source>放身份证</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/start_page.py" line="61"/>
        <source>把身份证放到读卡区，或用数字键输入号码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/start_page.py" line="62"/>
        <source>取告知单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/start_page.py" line="62"/>
        <source>排队号、办理窗口、所需材料和办理时限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/start_page.py" line="72"/>
        <location filename="../../desktop/kiosk/start_page.py" line="92"/>
        <source>开始登记</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/start_page.py" line="82"/>
        <source>需要帮忙？请点右上角「需要帮助」，工作人员会过来。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/start_page.py" line="87"/>
        <source>您好，请点击开始登记</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/kiosk/start_page.py" line="92"/>
        <source>暂停自助登记</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>w</name>
    <message>
        <location filename="../../desktop/kiosk/screenshots.py" line="115"/>
        <source>已通知工作人员，请稍候，马上有人过来帮您。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
