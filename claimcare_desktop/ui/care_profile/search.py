"""Search box and results: typing waits a moment, then searches on the database lane."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from claimcare_desktop.store.customer_search import CustomerHit, CustomerSearch

from ..common.error_messages import error_text
from ..common.records_model import Column, RecordsModel
from ..common.table_views import records_view
from ..context import AppContext
from ..labels import label

CONTEXT = "CustomerSearch"
TYPING_PAUSE_MS = 200
RELEASE_AFTER_MS = 60_000  # the kept connection goes back to the pool when searching stops

_MATCHED_ON = {
    "name": QT_TRANSLATE_NOOP("CustomerSearch", "Name"), "pinyin": QT_TRANSLATE_NOOP("CustomerSearch", "Pinyin"), "initials": QT_TRANSLATE_NOOP("CustomerSearch", "Initials"),
    "phone": QT_TRANSLATE_NOOP("CustomerSearch", "Phone suffix"), "policy": QT_TRANSLATE_NOOP("CustomerSearch", "Policy"), "claim": QT_TRANSLATE_NOOP("CustomerSearch", "Claim"),
}


def matched(hit: CustomerHit) -> str:
    kind = QCoreApplication.translate(CONTEXT, _MATCHED_ON.get(hit.matched_on, hit.matched_on))
    if hit.matched_on in ("policy", "claim"):
        return f"{kind} {hit.matched_text}"
    return kind


SEARCH_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("CustomerSearch", "Customer"), lambda h: h.name, 70),
    Column(QT_TRANSLATE_NOOP("CustomerSearch", "Phone"), lambda h: h.masked_phone, 100),
    Column(QT_TRANSLATE_NOOP("CustomerSearch", "Tier"), lambda h: label("tier", h.tier), 70),
    Column(QT_TRANSLATE_NOOP("CustomerSearch", "Found by"), matched, 80),
)


class SearchPanel(QWidget):
    sig_chosen = Signal(str)  # customer id

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._generation = 0
        self.box = QLineEdit(self)
        self.box.setObjectName("customer_search")
        self.box.setClearButtonEnabled(True)
        self.box.setPlaceholderText(self.tr("Name, pinyin, initials, phone last 4, policy or claim no."))
        self.model = RecordsModel(CONTEXT, SEARCH_COLUMNS, self)
        self.results = records_view(self.model, self, "search_results")
        self.results.setAlternatingRowColors(False)
        self.status = QLabel(self)
        self.status.setObjectName("search_status")
        self.status.setWordWrap(True)
        self.status.setStyleSheet("color: #666")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPING_PAUSE_MS)
        self._search: CustomerSearch | None = None
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(RELEASE_AFTER_MS)
        self._idle.timeout.connect(self.release_connection)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)
        self._timer.timeout.connect(self.search_now)
        self.box.textChanged.connect(lambda _text: self._timer.start())
        self.box.returnPressed.connect(self._open_first)
        self.results.activated.connect(self._choose)
        self.results.clicked.connect(self._choose)
        self.status.setText(self.tr("Type to search the whole branch."))

    def search_now(self) -> None:
        self._timer.stop()
        self._generation += 1
        generation, text = self._generation, self.box.text()
        if self._search is None:
            self._search = CustomerSearch(self._ctx.profile.engine)
        search = self._search
        self._idle.start()

        def job(state):
            return generation, search(text)

        self._ctx.tasks.run_db(job, on_done=self._show, on_error=self._failed)

    def release_connection(self) -> None:
        """Give the search's connection back (on the DB lane, after any search queued)."""
        self._idle.stop()
        search, self._search = self._search, None
        if search is not None:
            self._ctx.tasks.run_db(lambda state: search.close())

    def hideEvent(self, event) -> None:
        self.release_connection()
        super().hideEvent(event)

    def _show(self, result) -> None:
        generation, hits = result
        if generation != self._generation:
            return  # typing went on; a newer search is coming
        self.model.set_rows(hits)
        if not self.box.text().strip():
            self.status.setText(self.tr("Type to search the whole branch."))
        elif hits:
            self.status.setText(self.tr("%n customer(s) found", "", len(hits)))
        else:
            self.status.setText(self.tr("No customer matches. Check the spelling, or try the "
                                        "phone's last four digits."))

    def _failed(self, error: BaseException) -> None:
        self.status.setText(error_text(error))

    def _open_first(self) -> None:
        if self._timer.isActive():
            self.search_now()
            return
        if self.model.rowCount():
            self._choose(self.model.index(0, 0))

    def _choose(self, index) -> None:
        hit = self.model.row_at(index.row())
        if hit is not None:
            self.results.selectRow(index.row())
            self.sig_chosen.emit(hit.id)

    def focus(self) -> None:
        self.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.box.selectAll()
