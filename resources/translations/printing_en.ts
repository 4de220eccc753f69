<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>PapersPanel</name>
    <message>
        <location filename="../../desktop/printing/papers_panel.py" line="41"/>
        <source>文书</source>
        <translation>Papers</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/papers_panel.py" line="44"/>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/papers_panel.py" line="49"/>
        <source>预览</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/papers_panel.py" line="50"/>
        <source>补打</source>
        <translation>Reprint</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/papers_panel.py" line="57"/>
        <source>已打印的文书</source>
        <translation>Papers printed</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/papers_panel.py" line="94"/>
        <source>（尚无打印记录）</source>
        <translation>(nothing printed yet)</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <location filename="../../desktop/printing/preview.py" line="58"/>
        <source>打印预览 · 办件 {no}</source>
        <translation>Print preview · case {no}</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/preview.py" line="59"/>
        <source>打印预览</source>
        <translation>Print preview</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/printing/preview.py" line="75"/>
        <source>本次文书（%n份）</source>
        <translation>
            <numerusform>This step&apos;s paper (%n)</numerusform>
            <numerusform>This step&apos;s papers (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/printing/preview.py" line="78"/>
        <source>本次文书</source>
        <translation>This step&apos;s papers</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/preview.py" line="91"/>
        <source>◀ 上一页</source>
        <translation>◀ Previous page</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/preview.py" line="92"/>
        <source>下一页 ▶</source>
        <translation>Next page ▶</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/preview.py" line="107"/>
        <source>打印的文书同时以PDF随办件保存，可在办件的“文书”中补打。</source>
        <translation>Every paper printed is also kept as a PDF with the case; reprint it from the case&apos;s Papers.</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/preview.py" line="114"/>
        <source>选择打印机…</source>
        <translation>Choose printer…</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/preview.py" line="115"/>
        <source>另存为PDF… (Ctrl+S)</source>
        <translation>Save as PDF… (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/preview.py" line="116"/>
        <source>打印 (Ctrl+P)</source>
        <translation>Print (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/preview.py" line="117"/>
        <source>全部打印 (Enter)</source>
        <translation>Print all (Enter)</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/preview.py" line="118"/>
        <source>关闭 (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/preview.py" line="127"/>
        <source>打印 (Enter)</source>
        <translation>Print (Enter)</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/preview.py" line="142"/>
        <source>→ 小票打印机</source>
        <translation>→ receipt printer</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/preview.py" line="142"/>
        <source>→ A4打印机</source>
        <translation>→ A4 printer</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/preview.py" line="147"/>
        <source>正在生成…</source>
        <translation>Preparing…</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/preview.py" line="160"/>
        <source>补打</source>
        <translation>Reprint</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/preview.py" line="162"/>
        <source>有字体缺字，会印成空白</source>
        <translation>Some characters are missing from the fonts and will print blank</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/preview.py" line="173"/>
        <location filename="../../desktop/printing/preview.py" line="219"/>
        <source>无法生成</source>
        <translation>Could not be prepared</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/preview.py" line="192"/>
        <source>第 {n} / {total} 页</source>
        <translation>Page {n} / {total}</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/preview.py" line="213"/>
        <source>正在打印《{title}》…</source>
        <translation>Printing {title}…</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/preview.py" line="221"/>
        <source>正在打印全部文书…</source>
        <translation>Printing all papers…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/printing/preview.py" line="240"/>
        <source>有%n份文书没有打印，PDF已随办件保存：见左侧标记</source>
        <translation>
            <numerusform>%n paper did not print; its PDF is kept with the case (marked on the left)</numerusform>
            <numerusform>%n papers did not print; their PDFs are kept with the case (marked on the left)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/printing/preview.py" line="252"/>
        <source>已保存：{path}</source>
        <translation>Saved: {path}</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/preview.py" line="258"/>
        <source>另存为PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/preview.py" line="260"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/preview.py" line="267"/>
        <source>✓ 已打印</source>
        <translation>✓ printed</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/preview.py" line="268"/>
        <source>《{title}》已打印</source>
        <translation>{title} printed</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/preview.py" line="274"/>
        <source>✗ 未打印（PDF已保存）</source>
        <translation>✗ not printed (PDF kept)</translation>
    </message>
</context>
<context>
    <name>PrintFlow</name>
    <message>
        <location filename="../../desktop/printing/flow.py" line="177"/>
        <source>已另存为 {path}</source>
        <translation>Saved as {path}</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/flow.py" line="201"/>
        <source>本机未连接小票打印机</source>
        <translation>No receipt printer is connected</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/flow.py" line="231"/>
        <source>本机没有可用的打印机</source>
        <translation>This PC has no printer</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/flow.py" line="241"/>
        <source>《{title}》已打印到PDF文件：{file}</source>
        <translation>“{title}” printed to the PDF file {file}</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/flow.py" line="243"/>
        <source>《{title}》已打印</source>
        <translation>{title} printed</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/flow.py" line="248"/>
        <source>《{title}》没有打印：{why}。PDF已随办件保存，可在“文书”中补打或另存。</source>
        <translation>{title} was not printed: {why}. The PDF is kept with the case: reprint or save it from Papers.</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/flow.py" line="267"/>
        <source>选择打印机</source>
        <translation>Choose printer</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/flow.py" line="279"/>
        <source>文书PDF无法保存：{error}</source>
        <translation>The paper&apos;s PDF could not be kept: {error}</translation>
    </message>
</context>
<context>
    <name>papers</name>
    <message>
        <location filename="../../desktop/printing/titles.py" line="14"/>
        <source>统一受理告知单</source>
        <translation>Registration slip</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/titles.py" line="15"/>
        <source>受理回执</source>
        <translation>Acceptance receipt</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/titles.py" line="16"/>
        <source>结果领取凭条</source>
        <translation>Pickup slip</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/titles.py" line="17"/>
        <source>受理通知书</source>
        <translation>Acceptance notice</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/titles.py" line="18"/>
        <source>一次性告知书</source>
        <translation>One-time notice of missing materials</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/titles.py" line="19"/>
        <source>不予受理通知书</source>
        <translation>Refusal to accept</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/titles.py" line="20"/>
        <source>材料接收凭证</source>
        <translation>Materials receipt</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/titles.py" line="21"/>
        <source>办结通知书</source>
        <translation>Completion notice</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/titles.py" line="22"/>
        <source>政务服务EMS邮寄单</source>
        <translation>EMS mailing sheet</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/titles.py" line="23"/>
        <source>不予行政许可决定书</source>
        <translation>Decision refusing the licence</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/titles.py" line="24"/>
        <source>延长办理期限告知书</source>
        <translation>Notice of extension</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/titles.py" line="25"/>
        <source>特别程序告知书</source>
        <translation>Notice of special procedure (clock paused)</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/titles.py" line="26"/>
        <source>容缺受理承诺书</source>
        <translation>Written promise for missing materials</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/titles.py" line="37"/>
        <source>本机无法显示或打印PDF页面：需要 QtPdf 或 poppler（pdftoppm）</source>
        <translation>This PC cannot show or print PDF pages: QtPdf or poppler (pdftoppm) is needed</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/titles.py" line="39"/>
        <source>未知的文书</source>
        <translation>Unknown paper</translation>
    </message>
</context>
</TS>
