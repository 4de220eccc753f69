"""The papers' names (and printing errors) as the clerk reads them, before any is built.

`Document.title` is known only after building; a menu of nine papers should not build
nine papers to label itself. Marked for lupdate, translated when shown.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

_CTX = "papers"

TITLES = {
    "slip": QT_TRANSLATE_NOOP("papers", "统一受理告知单"),
    "acceptance-receipt": QT_TRANSLATE_NOOP("papers", "受理回执"),
    "pickup-slip": QT_TRANSLATE_NOOP("papers", "结果领取凭条"),
    "acceptance-notice": QT_TRANSLATE_NOOP("papers", "受理通知书"),
    "supplement-notice": QT_TRANSLATE_NOOP("papers", "一次性告知书"),
    "refusal-notice": QT_TRANSLATE_NOOP("papers", "不予受理通知书"),
    "materials-receipt": QT_TRANSLATE_NOOP("papers", "材料接收凭证"),
    "completion-notice": QT_TRANSLATE_NOOP("papers", "办结通知书"),
    "mailing-sheet": QT_TRANSLATE_NOOP("papers", "政务服务EMS邮寄单"),
    "decision-refusal": QT_TRANSLATE_NOOP("papers", "不予行政许可决定书"),
    "extension-notice": QT_TRANSLATE_NOOP("papers", "延长办理期限告知书"),
    "pause-notice": QT_TRANSLATE_NOOP("papers", "特别程序告知书"),
    "tolerance-promise": QT_TRANSLATE_NOOP("papers", "容缺受理承诺书"),
}


def title(doc: str) -> str:
    """受理通知书 for "acceptance-notice"; the name itself for a paper not listed."""
    text = TITLES.get(doc)
    return QCoreApplication.translate(_CTX, text) if text else doc


ERRORS = {
    "printing.no_renderer": QT_TRANSLATE_NOOP(
        "papers", "本机无法显示或打印PDF页面：需要 QtPdf 或 poppler（pdftoppm）"),
    "printing.unknown_document": QT_TRANSLATE_NOOP("papers", "未知的文书"),
}


def error_text(exc: BaseException) -> str:
    """The clerk's sentence for a printing failure: printing/ writes its refusals in
    Chinese already (not applicable, missing glyph); the rest go through messages."""
    from desktop.messages import error_text as general

    text = ERRORS.get(getattr(exc, "code", "") or "")
    return QCoreApplication.translate(_CTX, text) if text else general(exc)
