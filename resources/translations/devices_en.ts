<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>CardReaderService</name>
    <message>
        <location filename="../../desktop/devices/idcard.py" line="70"/>
        <source>未配置</source>
        <translation>Not configured</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/idcard.py" line="72"/>
        <source>正在连接…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/idcard.py" line="104"/>
        <source>阅读器程序出错，请重启一窗</source>
        <translation>Reader software error, please restart Yichuang</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/idcard.py" line="113"/>
        <source>阅读器已连接，可以放卡</source>
        <translation>Reader connected, place a card</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/idcard.py" line="142"/>
        <source>阅读器正常，安全模块号 {0}</source>
        <translation>Reader OK, SAM id {0}</translation>
    </message>
</context>
<context>
    <name>CounterShell</name>
    <message>
        <location filename="../../desktop/devices/counter_hooks.py" line="105"/>
        <source>已收到评价：{0}星</source>
        <translation>Rating received: {0} stars</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/counter_hooks.py" line="106"/>
        <source>本次服务已评价过，新的评价已记录但不重复计入</source>
        <translation>This service was rated already; the new rating is recorded but not counted again</translation>
    </message>
</context>
<context>
    <name>DemoControlWindow</name>
    <message>
        <location filename="../../desktop/devices/demo_window.py" line="47"/>
        <source>模拟设备</source>
        <translation>Simulated devices</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/demo_window.py" line="59"/>
        <source>设备</source>
        <translation>Devices</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/demo_window.py" line="71"/>
        <source>身份证阅读器</source>
        <translation>ID-card reader</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/demo_window.py" line="78"/>
        <source>放卡</source>
        <translation>Place card</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/demo_window.py" line="79"/>
        <source>拿走</source>
        <translation>Take away</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/demo_window.py" line="80"/>
        <source>下次读卡失败</source>
        <translation>Fail next read</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/demo_window.py" line="88"/>
        <source>居民身份证</source>
        <translation>Resident ID card</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/demo_window.py" line="88"/>
        <source>港澳台居住证</source>
        <translation>HK/Macao/Taiwan residence permit</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/demo_window.py" line="89"/>
        <source>外国人永久居留证</source>
        <translation>Foreign permanent residence card</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/demo_window.py" line="90"/>
        <source>外国人永久居留身份证</source>
        <translation>Foreign permanent resident ID card</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/demo_window.py" line="94"/>
        <source>拔出</source>
        <translation>Unplug</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/demo_window.py" line="95"/>
        <source>插回</source>
        <translation>Replug</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/demo_window.py" line="99"/>
        <source>串口评价器（YC-PAD/1）</source>
        <translation>Serial rating pad (YC-PAD/1)</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/demo_window.py" line="115"/>
        <source>串口扫码枪</source>
        <translation>Serial scanner</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/demo_window.py" line="118"/>
        <source>办件编号或告知单编号</source>
        <translation>Case or slip number</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/demo_window.py" line="120"/>
        <source>扫码</source>
        <translation>Scan</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/demo_window.py" line="124"/>
        <source>小票打印机</source>
        <translation>Receipt printer</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/demo_window.py" line="127"/>
        <source>正常</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/demo_window.py" line="127"/>
        <location filename="../../desktop/devices/demo_window.py" line="187"/>
        <source>缺纸</source>
        <translation>Paper out</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/demo_window.py" line="128"/>
        <location filename="../../desktop/devices/demo_window.py" line="188"/>
        <source>开盖</source>
        <translation>Cover open</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/demo_window.py" line="128"/>
        <location filename="../../desktop/devices/demo_window.py" line="188"/>
        <source>脱机</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/demo_window.py" line="200"/>
        <source>打印出的回执 ●</source>
        <translation>Printed receipts ●</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/demo_window.py" line="60"/>
        <location filename="../../desktop/devices/demo_window.py" line="136"/>
        <source>打印出的回执</source>
        <translation>Printed receipts</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/demo_window.py" line="138"/>
        <location filename="../../desktop/devices/demo_window.py" line="203"/>
        <source>（还没有打印）</source>
        <translation>(nothing printed yet)</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/demo_window.py" line="144"/>
        <source>清空</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/demo_window.py" line="177"/>
        <source>已拔出</source>
        <translation>Unplugged</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/demo_window.py" line="179"/>
        <source>卡上：{0}</source>
        <translation>On the reader: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/demo_window.py" line="180"/>
        <source>阅读器上没有卡</source>
        <translation>No card on the reader</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/demo_window.py" line="182"/>
        <source>待机</source>
        <translation>Idle</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/demo_window.py" line="182"/>
        <source>欢迎</source>
        <translation>Welcome</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/demo_window.py" line="183"/>
        <source>工作人员信息</source>
        <translation>Staff info</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/demo_window.py" line="183"/>
        <source>感谢评价</source>
        <translation>Thanks</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/demo_window.py" line="185"/>
        <source>等待按键…</source>
        <translation>Waiting for a key…</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/demo_window.py" line="186"/>
        <source>显示：{0}</source>
        <translation>Showing: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/demo_window.py" line="187"/>
        <source>就绪</source>
        <translation>Ready</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/demo_window.py" line="189"/>
        <source>故障</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/demo_window.py" line="191"/>
        <source>状态：{0}</source>
        <translation>State: {0}</translation>
    </message>
</context>
<context>
    <name>DeviceMessages</name>
    <message>
        <location filename="../../desktop/devices/messages.py" line="17"/>
        <source>无法打开端口：设备未连接、端口名错误或无权限</source>
        <translation>Cannot open the port: device not connected, wrong port name or no permission</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/messages.py" line="18"/>
        <source>设备已断开，请检查连接线和电源</source>
        <translation>Device disconnected, check the cable and power</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/messages.py" line="19"/>
        <source>设备没有应答，请检查端口和波特率</source>
        <translation>The device does not answer, check the port and baud rate</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/messages.py" line="20"/>
        <source>设备应答无法识别，请确认设备型号和端口</source>
        <translation>Unrecognised answer, check the device model and port</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/messages.py" line="21"/>
        <source>操作已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/messages.py" line="25"/>
        <source>阅读器上没有身份证</source>
        <translation>No ID card on the reader</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/messages.py" line="26"/>
        <source>请将身份证平放在阅读器上</source>
        <translation>Place the card flat on the reader</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/messages.py" line="27"/>
        <source>读卡失败，请拿起身份证后重新放置</source>
        <translation>Read failed: lift the card and place it again</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/messages.py" line="28"/>
        <source>阅读器安全模块自检失败，请联系管理员</source>
        <translation>The reader&apos;s security module failed its self-test, call the administrator</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/messages.py" line="29"/>
        <source>阅读器返回异常状态，请拿起身份证后重新放置</source>
        <translation>The reader reported an error: lift the card and place it again</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/messages.py" line="30"/>
        <source>不支持此类证件，请手工录入</source>
        <translation>This card type is not supported, enter the data by hand</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/messages.py" line="31"/>
        <source>评价器报告错误，已改用屏幕评价</source>
        <translation>The rating pad reported an error; using the screen pad</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/messages.py" line="32"/>
        <source>评价器按键对照表设置有误</source>
        <translation>The rating pad&apos;s key table is wrong</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/messages.py" line="33"/>
        <source>打印机脱机，请检查电源和连接</source>
        <translation>Printer offline, check power and cable</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/messages.py" line="34"/>
        <source>打印机缺纸，请装纸后重新打印</source>
        <translation>Printer out of paper: load paper and print again</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/messages.py" line="35"/>
        <source>打印机纸仓盖未关，请合上后重新打印</source>
        <translation>Printer cover open: close it and print again</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/messages.py" line="36"/>
        <source>打印机故障（切刀或打印头），请检查打印机</source>
        <translation>Printer fault (cutter or head), check the printer</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/messages.py" line="37"/>
        <source>打印机不响应状态查询，请检查连接</source>
        <translation>The printer does not answer status queries, check the cable</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/messages.py" line="38"/>
        <source>此类打印机连接所需的组件未安装（USB 直连需 yichuang[usb]，Windows 打印队列需 yichuang[windows]），请联系管理员</source>
        <translation>This kind of printer link needs a part that is not installed (USB: yichuang[usb]; Windows spooler: yichuang[windows]); please call the administrator</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/messages.py" line="41"/>
        <source>未配置小票打印机，请另存为PDF</source>
        <translation>No receipt printer configured, save as PDF</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/messages.py" line="45"/>
        <source>身份证阅读器</source>
        <translation>ID-card reader</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/messages.py" line="46"/>
        <source>评价器</source>
        <translation>Rating pad</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/messages.py" line="47"/>
        <source>扫码枪</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/messages.py" line="48"/>
        <source>小票打印机</source>
        <translation>Receipt printer</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/messages.py" line="51"/>
        <source>设备故障，请手工继续办理</source>
        <translation>Device fault, continue by hand</translation>
    </message>
</context>
<context>
    <name>DeviceService</name>
    <message>
        <location filename="../../desktop/devices/state.py" line="48"/>
        <source>未配置</source>
        <translation>Not configured</translation>
    </message>
</context>
<context>
    <name>DeviceSettingsScreen</name>
    <message>
        <location filename="../../desktop/devices/settings_screen.py" line="84"/>
        <source>设备设置</source>
        <translation>Device settings</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/settings_screen.py" line="92"/>
        <source>刷新端口列表</source>
        <translation>Refresh ports</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/settings_screen.py" line="95"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/settings_screen.py" line="98"/>
        <source>还原</source>
        <translation>Revert</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/settings_screen.py" line="110"/>
        <source>身份证阅读器</source>
        <translation>ID-card reader</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/settings_screen.py" line="112"/>
        <source>未配置：手工录入身份信息</source>
        <translation>Not configured: enter identity data by hand</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/settings_screen.py" line="113"/>
        <location filename="../../desktop/devices/settings_screen.py" line="150"/>
        <location filename="../../desktop/devices/settings_screen.py" line="171"/>
        <source>端口</source>
        <translation>Port</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/settings_screen.py" line="119"/>
        <source>扫码枪</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/settings_screen.py" line="121"/>
        <source>键盘模式（USB键盘）：无需端口</source>
        <translation>Keyboard mode (USB keyboard): no port needed</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/settings_screen.py" line="122"/>
        <source>串口扫码枪端口</source>
        <translation>Serial scanner port</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/settings_screen.py" line="124"/>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/settings_screen.py" line="125"/>
        <source>前缀</source>
        <translation>Prefix</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/settings_screen.py" line="129"/>
        <source>后缀</source>
        <translation>Suffix</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/settings_screen.py" line="133"/>
        <source>键盘模式按键间隔上限</source>
        <translation>Keyboard mode: max gap between keys</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/settings_screen.py" line="139"/>
        <source>评价器</source>
        <translation>Rating pad</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/settings_screen.py" line="142"/>
        <source>屏幕评价（第二屏或触摸屏）</source>
        <translation>Screen pad (second screen or touch panel)</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/settings_screen.py" line="143"/>
        <source>串口评价器（YC-PAD/1 协议）</source>
        <translation>Serial pad (YC-PAD/1)</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/settings_screen.py" line="144"/>
        <source>通用按键评价器</source>
        <translation>Generic keypad</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/settings_screen.py" line="145"/>
        <source>不使用评价器</source>
        <translation>No rating pad</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/settings_screen.py" line="148"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/settings_screen.py" line="149"/>
        <source>串口评价器的端口</source>
        <translation>Serial pad port</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/settings_screen.py" line="153"/>
        <source>地址（RS-485）</source>
        <translation>Address (RS-485)</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/settings_screen.py" line="155"/>
        <source>按键→等级，如 1=5,2=4,3=3,4=2,5=1</source>
        <translation>Key→level, e.g. 1=5,2=4,3=3,4=2,5=1</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/settings_screen.py" line="156"/>
        <source>按键对照表</source>
        <translation>Key table</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/settings_screen.py" line="159"/>
        <source> 秒</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/settings_screen.py" line="160"/>
        <source>等待评价</source>
        <translation>Wait for a rating</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/settings_screen.py" line="161"/>
        <source>屏幕评价显示在第二块屏幕上</source>
        <translation>Show the screen pad on the second screen</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/settings_screen.py" line="168"/>
        <source>小票打印机</source>
        <translation>Receipt printer</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/settings_screen.py" line="170"/>
        <source>未配置：回执另存为PDF</source>
        <translation>Not configured: receipts saved as PDF</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/settings_screen.py" line="173"/>
        <source>80 毫米</source>
        <translation>80 mm</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/settings_screen.py" line="174"/>
        <source>58 毫米</source>
        <translation>58 mm</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/settings_screen.py" line="175"/>
        <source>纸宽</source>
        <translation>Paper width</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/settings_screen.py" line="230"/>
        <source>按键对照表有误，格式如 1=5,2=4,3=3,4=2,5=1</source>
        <translation>Bad key table; the format is 1=5,2=4,3=3,4=2,5=1</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/settings_screen.py" line="233"/>
        <source>已保存并生效</source>
        <translation>Saved and in force</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/settings_screen.py" line="254"/>
        <source>请先选择端口</source>
        <translation>Choose a port first</translation>
    </message>
</context>
<context>
    <name>PadService</name>
    <message>
        <location filename="../../desktop/devices/pad.py" line="82"/>
        <source>未使用评价器</source>
        <translation>No rating pad in use</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/pad.py" line="84"/>
        <source>屏幕评价</source>
        <translation>Screen pad</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/pad.py" line="86"/>
        <source>评价器：{0}</source>
        <translation>Rating pad: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/pad.py" line="148"/>
        <source>（已改用屏幕评价）</source>
        <translation> (using the screen pad)</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/pad.py" line="166"/>
        <source>评价器已应答欢迎指令</source>
        <translation>The pad acknowledged the welcome</translation>
    </message>
</context>
<context>
    <name>PortCombo</name>
    <message>
        <location filename="../../desktop/devices/port_combo.py" line="23"/>
        <source>从列表选择串口，或输入地址，如 COM3、/dev/ttyUSB0、socket://192.168.1.50:9100</source>
        <translation>Pick a serial port or type an address such as COM3, /dev/ttyUSB0, socket://192.168.1.50:9100</translation>
    </message>
</context>
<context>
    <name>PrintProblemDialog</name>
    <message>
        <location filename="../../desktop/devices/print_problem.py" line="34"/>
        <source>回执未打印</source>
        <translation>Receipt not printed</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/print_problem.py" line="36"/>
        <source>《{0}》没有打印：{1}</source>
        <translation>“{0}” was not printed: {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/print_problem.py" line="39"/>
        <source>办理结果已保存，回执不会丢失。</source>
        <translation>The case is saved; the receipt is not lost.</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/print_problem.py" line="41"/>
        <source>重新打印</source>
        <translation>Print again</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/print_problem.py" line="42"/>
        <location filename="../../desktop/devices/print_problem.py" line="59"/>
        <source>另存为PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/print_problem.py" line="43"/>
        <source>稍后打印</source>
        <translation>Print later</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/print_problem.py" line="60"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
</context>
<context>
    <name>PrinterService</name>
    <message>
        <location filename="../../desktop/devices/printer.py" line="91"/>
        <source>未配置，回执可另存为PDF</source>
        <translation>Not configured; receipts can be saved as PDF</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/printer.py" line="93"/>
        <source>正在连接…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/printer.py" line="112"/>
        <location filename="../../desktop/devices/printer.py" line="137"/>
        <location filename="../../desktop/devices/printer.py" line="193"/>
        <source>打印机就绪</source>
        <translation>Printer ready</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/printer.py" line="114"/>
        <source>打印机就绪（纸将用完）</source>
        <translation>Printer ready (paper running low)</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/printer.py" line="127"/>
        <source>未配置小票打印机，请另存为PDF</source>
        <translation>No receipt printer configured, save as PDF</translation>
    </message>
</context>
<context>
    <name>ScannerHub</name>
    <message>
        <location filename="../../desktop/devices/scanner.py" line="52"/>
        <location filename="../../desktop/devices/scanner.py" line="71"/>
        <source>键盘模式扫码枪：无需配置</source>
        <translation>Keyboard-mode scanner: nothing to configure</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/scanner.py" line="73"/>
        <source>正在连接…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/scanner.py" line="117"/>
        <source>串口扫码枪已连接</source>
        <translation>Serial scanner connected</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/scanner.py" line="139"/>
        <source>端口可以打开，请扫一个条码试试</source>
        <translation>The port opens; scan a barcode to try</translation>
    </message>
</context>
<context>
    <name>ScreenPadView</name>
    <message>
        <location filename="../../desktop/devices/screen_pad_view.py" line="26"/>
        <source>非常满意</source>
        <translation>Very satisfied</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/screen_pad_view.py" line="27"/>
        <source>满意</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/screen_pad_view.py" line="28"/>
        <source>基本满意</source>
        <translation>Fairly satisfied</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/screen_pad_view.py" line="29"/>
        <source>不满意</source>
        <translation>Dissatisfied</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/screen_pad_view.py" line="30"/>
        <source>非常不满意</source>
        <translation>Very dissatisfied</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/screen_pad_view.py" line="33"/>
        <source>态度不好</source>
        <translation>Unfriendly</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/screen_pad_view.py" line="34"/>
        <source>时间太长</source>
        <translation>Took too long</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/screen_pad_view.py" line="35"/>
        <source>业务不熟</source>
        <translation>Not competent</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/screen_pad_view.py" line="36"/>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/screen_pad_view.py" line="89"/>
        <source>服务评价</source>
        <translation>Rate our service</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/screen_pad_view.py" line="118"/>
        <source>欢迎光临</source>
        <translation>Welcome</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/screen_pad_view.py" line="120"/>
        <source>办理结束后，请为我们的服务评价</source>
        <translation>Please rate our service when you are done</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/screen_pad_view.py" line="167"/>
        <source>请您对本次服务进行评价</source>
        <translation>How was our service today?</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/screen_pad_view.py" line="180"/>
        <source>很抱歉给您带来不便</source>
        <translation>We are sorry</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/screen_pad_view.py" line="181"/>
        <source>请选择主要原因，我们会回访并整改</source>
        <translation>Please choose the main reason; we will follow up</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/screen_pad_view.py" line="208"/>
        <source>为您服务的是：{0}（工号 {1}）</source>
        <translation>You were served by {0} (staff no. {1})</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/screen_pad_view.py" line="220"/>
        <source>感谢您的评价！</source>
        <translation>Thank you for your rating!</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/screen_pad_view.py" line="221"/>
        <source>您的意见是我们改进工作的动力</source>
        <translation>Your opinion helps us improve</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/screen_pad_view.py" line="227"/>
        <source>本次服务已评价</source>
        <translation>This service has been rated</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/screen_pad_view.py" line="228"/>
        <source>每次服务只计一次评价，感谢您的参与</source>
        <translation>Each service counts one rating. Thank you!</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/devices/screen_pad_view.py" line="265"/>
        <source>%n 秒后自动返回</source>
        <translation>
            <numerusform>Back in %n second</numerusform>
            <numerusform>Back in %n seconds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TestRow</name>
    <message>
        <location filename="../../desktop/devices/settings_screen.py" line="50"/>
        <source>测试</source>
        <translation>Test</translation>
    </message>
    <message>
        <location filename="../../desktop/devices/settings_screen.py" line="60"/>
        <source>正在测试…</source>
        <translation>Testing…</translation>
    </message>
</context>
</TS>
