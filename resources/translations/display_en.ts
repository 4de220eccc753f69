<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>CallBanner</name>
    <message>
        <location filename="../../desktop/display/widgets.py" line="59"/>
        <source>欢迎光临，请留意叫号</source>
        <translation>Welcome — please watch for your number</translation>
    </message>
    <message>
        <location filename="../../desktop/display/widgets.py" line="63"/>
        <source>请到 {n} 号窗口</source>
        <translation>Please go to window {n}</translation>
    </message>
    <message>
        <location filename="../../desktop/display/widgets.py" line="65"/>
        <source>请到{name}</source>
        <translation>Please go to {name}</translation>
    </message>
</context>
<context>
    <name>CallTile</name>
    <message>
        <location filename="../../desktop/display/widgets.py" line="94"/>
        <source>{n} 号窗口</source>
        <translation>Window {n}</translation>
    </message>
    <message>
        <location filename="../../desktop/display/widgets.py" line="96"/>
        <source>正在办理</source>
        <translation>Being served</translation>
    </message>
    <message>
        <location filename="../../desktop/display/widgets.py" line="96"/>
        <source>请前往</source>
        <translation>Please come</translation>
    </message>
</context>
<context>
    <name>DisplayWindow</name>
    <message>
        <location filename="../../desktop/display/window.py" line="47"/>
        <source>一窗 叫号显示</source>
        <translation>Yichuang queue display</translation>
    </message>
    <message>
        <location filename="../../desktop/display/window.py" line="125"/>
        <source>暂时离开</source>
        <translation>Away briefly</translation>
    </message>
    <message>
        <location filename="../../desktop/display/window.py" line="125"/>
        <source>用餐</source>
        <translation>Meal break</translation>
    </message>
    <message>
        <location filename="../../desktop/display/window.py" line="126"/>
        <source>会议</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <location filename="../../desktop/display/window.py" line="126"/>
        <source>培训</source>
        <translation>Training</translation>
    </message>
    <message>
        <location filename="../../desktop/display/window.py" line="127"/>
        <source>系统维护</source>
        <translation>System maintenance</translation>
    </message>
    <message>
        <location filename="../../desktop/display/window.py" line="127"/>
        <source>暂停服务</source>
        <translation>Paused</translation>
    </message>
    <message>
        <location filename="../../desktop/display/window.py" line="129"/>
        <source>{window}暂停服务（{reason}）</source>
        <translation>{window} paused ({reason})</translation>
    </message>
    <message>
        <location filename="../../desktop/display/window.py" line="133"/>
        <source>请留意叫号，过号请到服务台重新排队；办事请携带身份证原件</source>
        <translation>Please watch for your number; if you miss it, ask at the service desk to queue again. Bring your ID card.</translation>
    </message>
    <message>
        <location filename="../../desktop/display/window.py" line="139"/>
        <source>与服务器的连接中断</source>
        <translation>Connection to the server lost</translation>
    </message>
    <message>
        <location filename="../../desktop/display/window.py" line="162"/>
        <source>星期一</source>
        <translation>Monday</translation>
    </message>
    <message>
        <location filename="../../desktop/display/window.py" line="162"/>
        <source>星期二</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <location filename="../../desktop/display/window.py" line="162"/>
        <source>星期三</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <location filename="../../desktop/display/window.py" line="162"/>
        <source>星期四</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <location filename="../../desktop/display/window.py" line="163"/>
        <source>星期五</source>
        <translation>Friday</translation>
    </message>
    <message>
        <location filename="../../desktop/display/window.py" line="163"/>
        <source>星期六</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <location filename="../../desktop/display/window.py" line="163"/>
        <source>星期日</source>
        <translation>Sunday</translation>
    </message>
</context>
<context>
    <name>RecentCalls</name>
    <message>
        <location filename="../../desktop/display/widgets.py" line="161"/>
        <source>最近呼叫</source>
        <translation>Last calls</translation>
    </message>
    <message>
        <location filename="../../desktop/display/widgets.py" line="165"/>
        <source>{n} 号窗口</source>
        <translation>Window {n}</translation>
    </message>
    <message>
        <location filename="../../desktop/display/widgets.py" line="167"/>
        <source>暂无呼叫</source>
        <translation>No calls yet</translation>
    </message>
</context>
<context>
    <name>TileGrid</name>
    <message>
        <location filename="../../desktop/display/widgets.py" line="109"/>
        <source>暂无呼叫</source>
        <translation>No calls yet</translation>
    </message>
</context>
<context>
    <name>ZoneWaiting</name>
    <message>
        <location filename="../../desktop/display/widgets.py" line="172"/>
        <source>等候人数</source>
        <translation>Waiting</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/display/widgets.py" line="178"/>
        <source>%n 人</source>
        <translation>
            <numerusform>%n person</numerusform>
            <numerusform>%n people</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/display/widgets.py" line="179"/>
        <source>约 %n 分钟</source>
        <translation>
            <numerusform>about %n minute</numerusform>
            <numerusform>about %n minutes</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/display/widgets.py" line="181"/>
        <source>暂无等候</source>
        <translation>Nobody waiting</translation>
    </message>
</context>
</TS>
