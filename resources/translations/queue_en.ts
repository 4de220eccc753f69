<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>KioskWaiting</name>
    <message>
        <location filename="../../desktop/queue/kiosk_waiting.py" line="49"/>
        <source>当前等候</source>
        <translation>Waiting now</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/queue/kiosk_waiting.py" line="89"/>
        <source>{prefix} {name}  %n 人 · 约 {m} 分钟</source>
        <translation>
            <numerusform>{prefix} {name}  %n waiting · about {m} min</numerusform>
            <numerusform>{prefix} {name}  %n waiting · about {m} min</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/queue/kiosk_waiting.py" line="94"/>
        <source>各服务区目前无需等候</source>
        <translation>No waiting in any zone</translation>
    </message>
</context>
<context>
    <name>NoticeBell</name>
    <message>
        <location filename="../../desktop/queue/notices_bell.py" line="88"/>
        <location filename="../../desktop/queue/notices_bell.py" line="108"/>
        <source>自助机提醒</source>
        <translation>Kiosk alerts</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/queue/notices_bell.py" line="103"/>
        <source>自助机提醒 %n</source>
        <translation>
            <numerusform>Kiosk alert %n</numerusform>
            <numerusform>Kiosk alerts %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/queue/notices_bell.py" line="108"/>
        <source>无提醒</source>
        <translation>No alerts</translation>
    </message>
</context>
<context>
    <name>NoticeList</name>
    <message>
        <location filename="../../desktop/queue/notices_bell.py" line="46"/>
        <source>自助机提醒</source>
        <translation>Kiosk alerts</translation>
    </message>
    <message>
        <location filename="../../desktop/queue/notices_bell.py" line="50"/>
        <source>求助</source>
        <translation>Help call</translation>
    </message>
    <message>
        <location filename="../../desktop/queue/notices_bell.py" line="50"/>
        <source>打印机</source>
        <translation>Printer</translation>
    </message>
    <message>
        <location filename="../../desktop/queue/notices_bell.py" line="52"/>
        <source>（新）</source>
        <translation> (new)</translation>
    </message>
    <message>
        <location filename="../../desktop/queue/notices_bell.py" line="52"/>
        <source>（已查看）</source>
        <translation> (seen)</translation>
    </message>
    <message>
        <location filename="../../desktop/queue/notices_bell.py" line="61"/>
        <source>知道了</source>
        <translation>Seen</translation>
    </message>
    <message>
        <location filename="../../desktop/queue/notices_bell.py" line="62"/>
        <source>已处理</source>
        <translation>Resolved</translation>
    </message>
</context>
<context>
    <name>PauseDialog</name>
    <message>
        <location filename="../../desktop/queue/dialogs.py" line="83"/>
        <source>暂停窗口</source>
        <translation>Pause the window</translation>
    </message>
    <message>
        <location filename="../../desktop/queue/dialogs.py" line="87"/>
        <source>补充说明（可选）</source>
        <translation>Note (optional)</translation>
    </message>
    <message>
        <location filename="../../desktop/queue/dialogs.py" line="88"/>
        <source>暂停原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../desktop/queue/dialogs.py" line="89"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../desktop/queue/dialogs.py" line="90"/>
        <source>暂停期间本窗口不叫号，大厅显示屏显示“暂停服务”。</source>
        <translation>While paused this window calls nobody; the hall display shows it as paused.</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <location filename="../../desktop/queue/panel.py" line="66"/>
        <source>叫号</source>
        <translation>Queue</translation>
    </message>
    <message>
        <location filename="../../desktop/queue/panel.py" line="73"/>
        <source>下一位 F10</source>
        <translation>Next F10</translation>
    </message>
    <message>
        <location filename="../../desktop/queue/panel.py" line="73"/>
        <source>结束当前号并呼叫下一位</source>
        <translation>End the current ticket and call the next</translation>
    </message>
    <message>
        <location filename="../../desktop/queue/panel.py" line="75"/>
        <source>过号</source>
        <translation>No-show</translation>
    </message>
    <message>
        <location filename="../../desktop/queue/panel.py" line="76"/>
        <source>办理</source>
        <translation>Serve</translation>
    </message>
    <message>
        <location filename="../../desktop/queue/panel.py" line="74"/>
        <source>重呼</source>
        <translation>Recall</translation>
    </message>
    <message>
        <location filename="../../desktop/queue/panel.py" line="74"/>
        <source>在显示屏上再呼叫一次（Shift+F10）</source>
        <translation>Call the number again on the display (Shift+F10)</translation>
    </message>
    <message>
        <location filename="../../desktop/queue/panel.py" line="75"/>
        <source>重呼后仍未到，标记过号（Ctrl+Shift+F10）</source>
        <translation>Mark as no-show after the recalls (Ctrl+Shift+F10)</translation>
    </message>
    <message>
        <location filename="../../desktop/queue/panel.py" line="76"/>
        <source>开始办理并打开办件（Ctrl+F10）</source>
        <translation>Start serving and open the case (Ctrl+F10)</translation>
    </message>
    <message>
        <location filename="../../desktop/queue/panel.py" line="77"/>
        <source>转移</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <location filename="../../desktop/queue/panel.py" line="77"/>
        <source>转到其他服务区或窗口，保留顺序</source>
        <translation>Send to another zone or window, keeping the place</translation>
    </message>
    <message>
        <location filename="../../desktop/queue/panel.py" line="78"/>
        <location filename="../../desktop/queue/panel.py" line="149"/>
        <source>暂停</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location filename="../../desktop/queue/panel.py" line="78"/>
        <source>暂停本窗口叫号</source>
        <translation>Pause calling at this window</translation>
    </message>
    <message>
        <location filename="../../desktop/queue/panel.py" line="79"/>
        <source>等候 0 人</source>
        <translation>0 waiting</translation>
    </message>
    <message>
        <location filename="../../desktop/queue/panel.py" line="79"/>
        <source>查看等候的群众</source>
        <translation>Who is waiting</translation>
    </message>
    <message>
        <location filename="../../desktop/queue/panel.py" line="80"/>
        <source>现场取号</source>
        <translation>Walk-in ticket</translation>
    </message>
    <message>
        <location filename="../../desktop/queue/panel.py" line="80"/>
        <source>为没有排队号的群众取号</source>
        <translation>Take a ticket for a citizen without one</translation>
    </message>
    <message>
        <location filename="../../desktop/queue/panel.py" line="125"/>
        <source>登录并选择窗口后可叫号</source>
        <translation>Log in at a window to call</translation>
    </message>
    <message>
        <location filename="../../desktop/queue/panel.py" line="127"/>
        <source>窗口已暂停</source>
        <translation>Window paused</translation>
    </message>
    <message>
        <location filename="../../desktop/queue/panel.py" line="129"/>
        <source>按 F10 呼叫下一位</source>
        <translation>Press F10 to call the next</translation>
    </message>
    <message>
        <location filename="../../desktop/queue/panel.py" line="131"/>
        <source>办理中</source>
        <translation>Serving</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/queue/panel.py" line="133"/>
        <source>呼叫中（已重呼 %n 次）</source>
        <translation>
            <numerusform>Calling (recalled %n time)</numerusform>
            <numerusform>Calling (recalled %n times)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/queue/panel.py" line="135"/>
        <source>呼叫中</source>
        <translation>Calling</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/queue/panel.py" line="137"/>
        <source>等候 %n 人</source>
        <translation>
            <numerusform>%n waiting</numerusform>
            <numerusform>%n waiting</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/queue/panel.py" line="148"/>
        <source>恢复叫号</source>
        <translation>Resume</translation>
    </message>
    <message>
        <location filename="../../desktop/queue/panel.py" line="179"/>
        <source>已呼叫 {n}</source>
        <translation>Called {n}</translation>
    </message>
    <message>
        <location filename="../../desktop/queue/panel.py" line="186"/>
        <source>没有等候的群众</source>
        <translation>Nobody is waiting</translation>
    </message>
    <message>
        <location filename="../../desktop/queue/panel.py" line="188"/>
        <source>连不上服务器，不能叫号；请扫描群众的告知单办理</source>
        <translation>No server reachable, so nobody can be called; scan the citizen&apos;s slip to serve them</translation>
    </message>
    <message>
        <location filename="../../desktop/queue/panel.py" line="253"/>
        <source>已取号 {n}</source>
        <translation>Ticket {n} taken</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <location filename="../../desktop/queue/dialogs.py" line="47"/>
        <source>转移排队号</source>
        <translation>Transfer the ticket</translation>
    </message>
    <message>
        <location filename="../../desktop/queue/dialogs.py" line="49"/>
        <source>（不变）</source>
        <translation>(unchanged)</translation>
    </message>
    <message>
        <location filename="../../desktop/queue/dialogs.py" line="53"/>
        <source>（该服务区任一窗口）</source>
        <translation>(any window of the zone)</translation>
    </message>
    <message>
        <location filename="../../desktop/queue/dialogs.py" line="57"/>
        <source>如：需到不动产窗口办理（可选）</source>
        <translation>e.g. must go to the real-estate window (optional)</translation>
    </message>
    <message>
        <location filename="../../desktop/queue/dialogs.py" line="58"/>
        <source>转往服务区</source>
        <translation>To zone</translation>
    </message>
    <message>
        <location filename="../../desktop/queue/dialogs.py" line="59"/>
        <source>或指定窗口</source>
        <translation>Or to window</translation>
    </message>
    <message>
        <location filename="../../desktop/queue/dialogs.py" line="60"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../desktop/queue/dialogs.py" line="61"/>
        <source>转移后保留原排队顺序，由对方窗口优先叫号。</source>
        <translation>The ticket keeps its place; the other window calls it first.</translation>
    </message>
    <message>
        <location filename="../../desktop/queue/dialogs.py" line="65"/>
        <source>请选择转往的服务区或窗口</source>
        <translation>Choose a zone or a window</translation>
    </message>
</context>
<context>
    <name>WaitingDialog</name>
    <message numerus="yes">
        <location filename="../../desktop/queue/dialogs.py" line="126"/>
        <source>等候的群众（共 %n 人）</source>
        <translation>
            <numerusform>Waiting (%n person)</numerusform>
            <numerusform>Waiting (%n people)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/queue/dialogs.py" line="131"/>
        <source>排队号</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <location filename="../../desktop/queue/dialogs.py" line="131"/>
        <source>服务区</source>
        <translation>Zone</translation>
    </message>
    <message>
        <location filename="../../desktop/queue/dialogs.py" line="132"/>
        <source>已等候</source>
        <translation>Waited</translation>
    </message>
    <message>
        <location filename="../../desktop/queue/dialogs.py" line="132"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../desktop/queue/dialogs.py" line="141"/>
        <source>转来本窗口</source>
        <translation>Transferred here</translation>
    </message>
    <message>
        <location filename="../../desktop/queue/dialogs.py" line="143"/>
        <source>预约 {t}</source>
        <translation>Appointment {t}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/queue/dialogs.py" line="145"/>
        <source>%n 分钟</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/queue/dialogs.py" line="154"/>
        <source>呼叫选中的号</source>
        <translation>Call the selected ticket</translation>
    </message>
</context>
<context>
    <name>WalkInDialog</name>
    <message>
        <location filename="../../desktop/queue/dialogs.py" line="100"/>
        <source>现场取号</source>
        <translation>Walk-in ticket</translation>
    </message>
    <message>
        <location filename="../../desktop/queue/dialogs.py" line="109"/>
        <source>在本窗口立即办理</source>
        <translation>Serve at this window now</translation>
    </message>
    <message>
        <location filename="../../desktop/queue/dialogs.py" line="111"/>
        <source>服务区</source>
        <translation>Zone</translation>
    </message>
    <message>
        <location filename="../../desktop/queue/dialogs.py" line="112"/>
        <source>优先</source>
        <translation>Priority</translation>
    </message>
</context>
<context>
    <name>w</name>
    <message>
        <location filename="../../desktop/queue/dialogs.py" line="33"/>
        <source>暂时离开</source>
        <translation>Away briefly</translation>
    </message>
    <message>
        <location filename="../../desktop/queue/dialogs.py" line="33"/>
        <source>用餐</source>
        <translation>Meal break</translation>
    </message>
    <message>
        <location filename="../../desktop/queue/dialogs.py" line="33"/>
        <source>会议</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <location filename="../../desktop/queue/dialogs.py" line="34"/>
        <source>培训</source>
        <translation>Training</translation>
    </message>
    <message>
        <location filename="../../desktop/queue/dialogs.py" line="34"/>
        <source>系统维护</source>
        <translation>System maintenance</translation>
    </message>
    <message>
        <location filename="../../desktop/queue/dialogs.py" line="34"/>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../desktop/queue/dialogs.py" line="39"/>
        <source>普通</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../desktop/queue/dialogs.py" line="39"/>
        <source>70岁以上老人</source>
        <translation>Aged 70 and over</translation>
    </message>
    <message>
        <location filename="../../desktop/queue/dialogs.py" line="39"/>
        <source>残疾人</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <location filename="../../desktop/queue/dialogs.py" line="40"/>
        <source>孕妇</source>
        <translation>Pregnant</translation>
    </message>
    <message>
        <location filename="../../desktop/queue/dialogs.py" line="40"/>
        <source>军人</source>
        <translation>Military</translation>
    </message>
    <message>
        <location filename="../../desktop/queue/dialogs.py" line="40"/>
        <source>其他优先</source>
        <translation>Other priority</translation>
    </message>
</context>
</TS>
