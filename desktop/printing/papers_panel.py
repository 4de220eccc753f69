"""The "文书" part of a case's history: papers kept, reprint / preview, and 打印….

A citizen who lost a notice, or a printer that jammed yesterday, is served from here:
the kept PDF is the very paper handed out (same date, same numbers), reprinted as is.
The 打印… menu offers only the papers the case's state allows (the same rule that
makes `printing.documents.build` refuse the others).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.printing import archive, papers
from desktop.printing.flow import PrintFlow, kept_at
from desktop.printing.titles import title
from domain.case import Case


class PapersPanel(QWidget):
    """Kept papers of the case on screen, newest first, with reprint and preview."""

    def __init__(self, flow: PrintFlow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.flow = flow
        self.case: Case | None = None
        self.kept: list[archive.Paper] = []
        self.menu_docs: list[str] | None = None  # what the 打印… menu holds now
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        head.addWidget(QLabel(self.tr("文书"), objectName="sectionTitle"))
        head.addStretch(1)
        self.print_menu_button = QToolButton()
        self.print_menu_button.setText(self.tr("打印…"))
        self.print_menu_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.print_menu = QMenu(self)
        self.print_menu_button.setMenu(self.print_menu)
        head.addWidget(self.print_menu_button)
        self.preview_button = QPushButton(self.tr("预览"))
        self.reprint_button = QPushButton(self.tr("补打"))
        self.preview_button.clicked.connect(self.preview_selected)
        self.reprint_button.clicked.connect(self.reprint_selected)
        head.addWidget(self.preview_button)
        head.addWidget(self.reprint_button)
        lay.addLayout(head)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("已打印的文书"))
        self.list.setMaximumHeight(120)
        self.list.itemDoubleClicked.connect(lambda _i: self.preview_selected())
        self.list.currentRowChanged.connect(lambda _r: self._enable())
        lay.addWidget(self.list)
        flow.sig_kept.connect(self._on_kept)
        self._enable()

    def show_case(self, case: Case) -> None:
        """List the case's kept papers (read in the background) and fill the menu."""
        self.case = case
        docs = papers.applicable(case)
        if docs != self.menu_docs:  # most cases offer what the one before did
            self.menu_docs = docs
            self.print_menu.clear()
            for doc in docs:
                action = self.print_menu.addAction(title(doc))
                action.setData(doc)
                action.triggered.connect(lambda _=False, d=doc: self.print_doc(d))
            self.print_menu_button.setEnabled(not self.print_menu.isEmpty())
        self.reload()

    def reload(self) -> None:
        if self.case is not None:
            case_id = self.case.id
            self.flow.papers_of(self.case, lambda found: self._listed(case_id, found))

    def _listed(self, case_id: str, found: list[archive.Paper]) -> None:
        if self.case is None or self.case.id != case_id:
            return  # another case was opened meanwhile
        self.kept = found
        self.list.clear()
        for paper in found:
            item = QListWidgetItem(f"{title(paper.doc)}　{kept_at(paper)}")
            item.setToolTip(str(paper.path))
            self.list.addItem(item)
        if not found:
            self.list.addItem(self.tr("（尚无打印记录）"))
        self._enable()

    def _on_kept(self, paper: archive.Paper) -> None:
        case = self.case
        if case is not None and paper.case_key in (archive.case_key(case.case_number, case.id),
                                                   archive.case_key("", case.id)):
            self.reload()

    def selected(self) -> archive.Paper | None:
        row = self.list.currentRow()
        return self.kept[row] if 0 <= row < len(self.kept) else None

    def _enable(self) -> None:
        chosen = self.selected() is not None
        self.preview_button.setEnabled(chosen)
        self.reprint_button.setEnabled(chosen)

    # --- actions ------------------------------------------------------------------
    def print_doc(self, doc: str):
        """A paper from the 打印… menu: preview first, as always."""
        from desktop.printing.preview import PreviewDialog

        assert self.case is not None
        dialog = PreviewDialog(self.flow, self.case, [doc], self.window())
        dialog.show()
        return dialog

    def preview_selected(self):
        """The kept paper on screen, printable again from the preview."""
        from desktop.printing.preview import PreviewDialog

        paper = self.selected()
        if paper is None:
            return None
        dialog = PreviewDialog(self.flow, self.case, [paper], self.window())
        dialog.show()
        return dialog

    def reprint_selected(self) -> None:
        """补打: the kept paper straight to its printer, no new copy in the archive."""
        paper = self.selected()
        if paper is not None:
            self.flow.reprint(paper, self.case)
