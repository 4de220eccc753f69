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
        <location filename="../../desktop/printing/preview.py" line="55"/>
        <source>打印预览 · 办件 {no}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/printing/preview.py" line="56"/>
        <source>打印预览</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/printing/preview.py" line="80"/>
        <source>◀ 上一页</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/printing/preview.py" line="81"/>
        <source>下一页 ▶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/printing/preview.py" line="103"/>
        <source>选择打印机…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/printing/preview.py" line="104"/>
        <source>另存为PDF… (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/printing/preview.py" line="105"/>
        <source>打印 (Ctrl+P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/printing/preview.py" line="106"/>
        <source>全部打印 (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/printing/preview.py" line="107"/>
        <source>关闭 (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/printing/preview.py" line="116"/>
        <source>打印 (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/printing/preview.py" line="131"/>
        <source>小票</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/printing/preview.py" line="131"/>
        <source>A4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/printing/preview.py" line="137"/>
        <location filename="../../desktop/printing/preview.py" line="211"/>
        <source>正在生成…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/printing/preview.py" line="150"/>
        <source>补打</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/printing/preview.py" line="152"/>
        <source>有字体缺字，会印成空白</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/printing/preview.py" line="164"/>
        <source>无法生成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/printing/preview.py" line="182"/>
        <source>第 {n} / {total} 页</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/printing/preview.py" line="203"/>
        <source>正在打印《{title}》…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/printing/preview.py" line="213"/>
        <source>正在打印全部文书…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/printing/preview.py" line="227"/>
        <source>已保存：{path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/printing/preview.py" line="233"/>
        <source>另存为PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/printing/preview.py" line="235"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/printing/preview.py" line="241"/>
        <source>✓ 已打印</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/printing/preview.py" line="242"/>
        <source>《{title}》已打印</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/printing/preview.py" line="246"/>
        <source>✗ 未打印（PDF已保存）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrintFlow</name>
    <message>
        <location filename="../../desktop/printing/flow.py" line="134"/>
        <source>已另存为 {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/printing/flow.py" line="153"/>
        <source>本机未连接小票打印机</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/printing/flow.py" line="183"/>
        <source>本机没有可用的打印机</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/printing/flow.py" line="192"/>
        <source>《{title}》已打印</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/printing/flow.py" line="196"/>
        <source>《{title}》没有打印：{why}。PDF已随办件保存，可在“文书”中补打或另存。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/printing/flow.py" line="215"/>
        <source>选择打印机</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/printing/flow.py" line="227"/>
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
</context>
</TS>
