"""Workload per colleague, the work due in the next 14 days, and bulk reassignment."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from claimcare_desktop.store.workload import DueItem

from ..common.records_model import RecordsModel
from ..common.table_views import records_view, selected_rows
from .tables import CONTEXT, DUE_COLUMNS, LOAD_COLUMNS


class WorkloadPanel(QWidget):
    sig_reassign = Signal(str, list, list)  # new owner id, visit ids, complaint ids

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.loads = RecordsModel(CONTEXT, LOAD_COLUMNS, self)
        self.due = RecordsModel(CONTEXT, DUE_COLUMNS, self)
        self.load_table = records_view(self.loads, self, "workload_table")
        self.due_table = records_view(self.due, self, "due_work_table", multi_select=True)
        self.target = QComboBox(self)
        self.target.setObjectName("reassign_target")
        self.reassign_button = QPushButton(self.tr("Reassign selected"), self)
        self.reassign_button.setObjectName("reassign_selected")
        self.status = QLabel(self)
        self.status.setObjectName("reassign_status")
        self.status.setWordWrap(True)
        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("Hand the selected work to"), self))
        controls.addWidget(self.target)
        controls.addWidget(self.reassign_button)
        controls.addWidget(self.status, 1)
        due_box = QWidget(self)
        due_layout = QVBoxLayout(due_box)
        due_layout.setContentsMargins(0, 0, 0, 0)
        due_layout.addWidget(QLabel(self.tr("Open work due in the next 14 days (overdue first). "
                                            "Select rows with Ctrl or Shift."), self))
        self.due_count = QLabel(self)
        self.due_count.setObjectName("due_work_count")
        self.due_count.hide()
        due_layout.addWidget(self.due_count)
        due_layout.addWidget(self.due_table, 1)
        due_layout.addLayout(controls)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.load_table)
        splitter.addWidget(due_box)
        splitter.setSizes([160, 400])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.reassign_button.clicked.connect(self._reassign)

    def show_due(self, items: list[DueItem], total: int) -> None:
        """The listed items are the first of `total`: say so when some are left out."""
        self.due.set_rows(items)
        self.due_count.setVisible(total > len(items))
        self.due_count.setText(self.tr("Showing the first %1 of %2 items due, earliest first.")
                               .replace("%1", str(len(items))).replace("%2", str(total)))

    def set_people(self, people: list[tuple[str, str]]) -> None:
        chosen = self.target.currentData()
        self.target.clear()
        for user_id, name in people:
            self.target.addItem(name, user_id)
        if chosen is not None and self.target.findData(chosen) >= 0:
            self.target.setCurrentIndex(self.target.findData(chosen))

    def _reassign(self) -> None:
        items: list[DueItem] = selected_rows(self.due_table)
        if not items:
            self.status.setText(self.tr("Select the visits or complaints to hand over first."))
            return
        visits = [i.id for i in items if i.kind == "visit"]
        complaints = [i.id for i in items if i.kind == "complaint"]
        self.sig_reassign.emit(self.target.currentData(), visits, complaints)
