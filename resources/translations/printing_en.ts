<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>PapersPanel</name>
    <message>
        <location filename="../../desktop/printing/papers_panel.py" line="40"/>
        <source>文书</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/printing/papers_panel.py" line="43"/>
        <source>打印…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/printing/papers_panel.py" line="48"/>
        <source>预览</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/printing/papers_panel.py" line="49"/>
        <source>补打</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/printing/papers_panel.py" line="89"/>
        <source>（尚无打印记录）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <location filename="../../desktop/printing/preview.py" line="58"/>
        <source>打印预览 · 办件 {no}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/printing/preview.py" line="59"/>
        <source>打印预览</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/printing/preview.py" line="75"/>
        <source>本次文书（%n份）</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/printing/preview.py" line="90"/>
        <source>◀ 上一页</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/printing/preview.py" line="91"/>
        <source>下一页 ▶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/printing/preview.py" line="106"/>
        <source>打印的文书同时以PDF随办件保存，可在办件的“文书”中补打。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/printing/preview.py" line="113"/>
        <source>选择打印机…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/printing/preview.py" line="114"/>
        <source>另存为PDF… (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/printing/preview.py" line="115"/>
        <source>打印 (Ctrl+P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/printing/preview.py" line="116"/>
        <source>全部打印 (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/printing/preview.py" line="117"/>
        <source>关闭 (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/printing/preview.py" line="126"/>
        <source>打印 (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/printing/preview.py" line="141"/>
        <source>→ 小票打印机</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/printing/preview.py" line="141"/>
        <source>→ A4打印机</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/printing/preview.py" line="146"/>
        <source>正在生成…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/printing/preview.py" line="159"/>
        <source>补打</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/printing/preview.py" line="161"/>
        <source>有字体缺字，会印成空白</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/printing/preview.py" line="172"/>
        <location filename="../../desktop/printing/preview.py" line="218"/>
        <source>无法生成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/printing/preview.py" line="191"/>
        <source>第 {n} / {total} 页</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/printing/preview.py" line="212"/>
        <source>正在打印《{title}》…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/printing/preview.py" line="220"/>
        <source>正在打印全部文书…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/printing/preview.py" line="239"/>
        <source>有%n份文书没有打印，PDF已随办件保存：见左侧标记</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/printing/preview.py" line="251"/>
        <source>已保存：{path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/printing/preview.py" line="257"/>
        <source>另存为PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/printing/preview.py" line="259"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/printing/preview.py" line="266"/>
        <source>✓ 已打印</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/printing/preview.py" line="267"/>
        <source>《{title}》已打印</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/printing/preview.py" line="273"/>
        <source>✗ 未打印（PDF已保存）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrintFlow</name>
    <message>
        <location filename="../../desktop/printing/flow.py" line="177"/>
        <source>已另存为 {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/printing/flow.py" line="201"/>
        <source>本机未连接小票打印机</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/printing/flow.py" line="231"/>
        <source>本机没有可用的打印机</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/printing/flow.py" line="241"/>
        <source>《{title}》已打印到PDF文件：{file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/printing/flow.py" line="243"/>
        <source>《{title}》已打印</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/printing/flow.py" line="248"/>
        <source>《{title}》没有打印：{why}。PDF已随办件保存，可在“文书”中补打或另存。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/printing/flow.py" line="267"/>
        <source>选择打印机</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/printing/flow.py" line="279"/>
        <source>文书PDF无法保存：{error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>papers</name>
    <message>
        <location filename="../../desktop/printing/titles.py" line="14"/>
        <source>统一受理告知单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/printing/titles.py" line="15"/>
        <source>受理回执</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/printing/titles.py" line="16"/>
        <source>结果领取凭条</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/printing/titles.py" line="17"/>
        <source>受理通知书</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/printing/titles.py" line="18"/>
        <source>一次性告知书</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/printing/titles.py" line="19"/>
        <source>不予受理通知书</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/printing/titles.py" line="20"/>
        <source>材料接收凭证</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/printing/titles.py" line="21"/>
        <source>办结通知书</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/printing/titles.py" line="22"/>
        <source>政务服务EMS邮寄单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/printing/titles.py" line="33"/>
        <source>本机无法显示或打印PDF页面：需要 QtPdf 或 poppler（pdftoppm）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/printing/titles.py" line="35"/>
        <source>未知的文书</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
