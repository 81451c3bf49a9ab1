"""Export workspace: report, period, scope, masking and file; the export runs on a worker
with a progress bar and a cancel button, then offers to open the folder.

The export reads for seconds at 100,000 rows, so it runs on the network lane rather than
the single database lane, where it would hold up every screen's queries meanwhile: it only
reads (SQLite's WAL lets it read beside the writer) apart from one audit row at the end.
"""
from __future__ import annotations

import dataclasses
from datetime import date, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, QStandardPaths, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from claimcare_desktop.domain.timeutil import CHINA_TZ
from claimcare_desktop.export.errors import ExportError
from claimcare_desktop.export.request import REPORTS, ExportRequest, ExportUser
from claimcare_desktop.export.runner import ExportResult, run_export

from ..context import AppContext
from ..settings import LANGUAGE, Option
from ..tasks import Task, TaskState
from . import texts
from .presets import PRESETS, preset_days

LAST_FOLDER = Option("export/folder", str, "")
DEFAULT_PRESET = "last_quarter"
PANEL_WIDTH = 760  # a form stretched over a wide window is hard to read


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class Workspace(QWidget):
    sig_export_finished = Signal(str)  # "done", "failed" or "cancelled"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.task: Task | None = None
        self.result: ExportResult | None = None
        self._out_edited = False
        self._build()
        self._connect()
        self._apply_preset()
        self._update_report_hint()

    def nav_title(self) -> str:
        return self.tr("Export")

    def refresh(self) -> None:
        """Nothing is shown from the database until an export runs."""

    # ---- building ----
    def _build(self) -> None:
        self.report = QComboBox(self)
        self.report.setObjectName("report")
        for code in REPORTS:
            self.report.addItem(texts.tr(texts.REPORT_NAMES[code]), code)
        self.report_hint = QLabel(self)
        self.report_hint.setWordWrap(True)
        self.report_hint.setObjectName("report_hint")
        self.report_hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.preset = QComboBox(self)
        self.preset.setObjectName("preset")
        for code in PRESETS:
            self.preset.addItem(texts.tr(texts.PRESET_NAMES[code]), code)
        self.preset.addItem(self.tr("Chosen dates"), "custom")
        self.preset.setCurrentIndex(PRESETS.index(DEFAULT_PRESET))
        self.first_day, self.last_day = self._date_edit("first_day"), self._date_edit("last_day")
        self.scope = QComboBox(self)
        self.scope.setObjectName("scope")
        self.scope.addItem(self.tr("My work"), "me")
        if self.ctx.user.is_supervisor:
            self.scope.addItem(self.tr("Whole branch"), "branch")
            self.scope.setCurrentIndex(1)
        self.unmasked = QCheckBox(self.tr("Full phone and ID numbers (recorded in the audit log)"), self)
        self.unmasked.setObjectName("unmasked")
        self.unmasked.setVisible(self.ctx.user.is_supervisor)
        self.language = QComboBox(self)
        self.language.setObjectName("language")
        self.language.addItem("中文", "zh_CN")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(self.ctx.settings.get(LANGUAGE))))
        self.out = QLineEdit(self)
        self.out.setObjectName("out")
        self.browse = QPushButton(self.tr("Choose…"), self)
        self.export_button = QPushButton(self.tr("Export"), self)
        self.export_button.setObjectName("export")
        self.export_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setObjectName("cancel")
        self.cancel_button.setEnabled(False)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("progress")
        self.progress.setVisible(False)
        self.status = QLabel(self)
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.open_folder = QPushButton(self.tr("Open folder"), self)
        self.open_folder.setObjectName("open_folder")
        self.open_folder.setVisible(False)
        self._lay_out()

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Report"), self.report)
        form.addRow("", self.report_hint)
        dates = QHBoxLayout()
        dates.addWidget(self.preset)
        dates.addWidget(self.first_day)
        dates.addWidget(QLabel(self.tr("to"), self))
        dates.addWidget(self.last_day)
        dates.addStretch(1)
        form.addRow(self.tr("Period"), dates)
        form.addRow(self.tr("Scope"), self.scope)
        if self.ctx.user.is_supervisor:
            form.addRow(self.tr("Personal data"), self.unmasked)
        form.addRow(self.tr("Workbook language"), self.language)
        file_row = QHBoxLayout()
        file_row.addWidget(self.out, 1)
        file_row.addWidget(self.browse)
        form.addRow(self.tr("File"), file_row)
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        result = QHBoxLayout()
        result.addWidget(self.status, 1)
        result.addWidget(self.open_folder)
        panel = QWidget(self)
        panel.setMaximumWidth(PANEL_WIDTH)
        column = QVBoxLayout(panel)
        column.addLayout(form)
        column.addLayout(buttons)
        column.addWidget(self.progress)
        column.addLayout(result)
        layout = QVBoxLayout(self)
        layout.addWidget(panel)
        layout.addStretch(1)

    def _connect(self) -> None:
        self.report.currentIndexChanged.connect(self._update_report_hint)
        self.report.currentIndexChanged.connect(self._suggest_file)
        self.preset.currentIndexChanged.connect(self._apply_preset)
        self.first_day.dateChanged.connect(self._dates_edited)
        self.last_day.dateChanged.connect(self._dates_edited)
        self.out.textEdited.connect(self._mark_out_edited)
        self.browse.clicked.connect(self._choose_file)
        self.export_button.clicked.connect(self.start_export)
        self.cancel_button.clicked.connect(self.cancel_export)
        self.open_folder.clicked.connect(self._open_folder)

    # ---- form behaviour ----
    def _today(self) -> date:
        return datetime.now(CHINA_TZ).date()

    def _apply_preset(self) -> None:
        code = self.preset.currentData()
        if code == "custom":
            return
        first, last = preset_days(code, self._today())
        for edit, day in ((self.first_day, first), (self.last_day, last)):
            edit.blockSignals(True)
            edit.setDate(_qdate(day))
            edit.blockSignals(False)
        self._suggest_file()

    def _dates_edited(self) -> None:
        self.preset.blockSignals(True)
        self.preset.setCurrentIndex(self.preset.findData("custom"))
        self.preset.blockSignals(False)
        self._suggest_file()

    def _update_report_hint(self) -> None:
        self.report_hint.setText(texts.tr(texts.REPORT_HINTS[self.report.currentData()]))

    def _mark_out_edited(self) -> None:
        self._out_edited = True

    def _folder(self) -> Path:
        remembered = self.ctx.settings.get(LAST_FOLDER)
        if remembered and Path(remembered).is_dir():
            return Path(remembered)
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return Path(documents) if documents and Path(documents).is_dir() else Path.home()

    def _suggest_file(self) -> None:
        if self._out_edited:
            return
        first, last = _pydate(self.first_day.date()), _pydate(self.last_day.date())
        name = f"{self.report.currentData()}_{first:%Y%m%d}-{last:%Y%m%d}.xlsx"
        self.out.setText(str(self._folder() / name))

    def _choose_file(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Save the report as"), self.out.text(),
                                                    self.tr("Excel workbook (*.xlsx)"))
        if path:
            self.out.setText(path if path.lower().endswith(".xlsx") else path + ".xlsx")
            self._out_edited = True

    # ---- running ----
    def request(self) -> ExportRequest:
        first, last = _pydate(self.first_day.date()), _pydate(self.last_day.date())
        return ExportRequest(self.report.currentData(), Path(self.out.text()).expanduser(), first,
                             last + timedelta(days=1), self.scope.currentData(),
                             self.language.currentData(), self.unmasked.isChecked())

    def start_export(self) -> None:
        if self.task is not None:
            return
        request = self.request()
        user = ExportUser(**dataclasses.asdict(self.ctx.user))
        profile = self.ctx.profile
        self.result = None
        self._set_running(True)
        self.status.setText(self.tr("Exporting…"))

        def job(state: TaskState) -> ExportResult:
            return run_export(profile, user, request, progress=state)

        self.task = self.ctx.tasks.run_net(job, on_done=self._done, on_error=self._failed)
        self.task.sig_progress.connect(self._progressed)
        self.task.sig_finished.connect(self._finished)

    def cancel_export(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr("Cancelling…"))

    def _set_running(self, running: bool) -> None:
        self.export_button.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        self.progress.setVisible(running)
        self.progress.setRange(0, 0)
        self.open_folder.setVisible(False)

    def _progressed(self, done: int, total: int, _message: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(min(done, max(total, 1)))

    def _done(self, result: ExportResult) -> None:
        self.result = result
        self.ctx.settings.set(LAST_FOLDER, str(result.path.parent))
        self.status.setText(self.tr("Exported %n row(s) to {path}.", "", result.rows).format(path=result.path))
        self.open_folder.setVisible(True)
        if self.unmasked.isChecked():
            self.ctx.changes.notify({"audit_log"})

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, ExportError):
            self.status.setText(texts.error_text(error.code, error.params))
        else:
            self.status.setText(self.tr("The export failed: {error}").format(error=error))

    def _finished(self) -> None:
        task, self.task = self.task, None
        self._set_running(False)
        if isinstance(task.result, ExportResult) and self.result is None:
            self._done(task.result)  # it finished before the cancel reached it
        if self.result is not None:
            outcome = "done"
        elif task.cancelled():
            outcome = "cancelled"
            self.status.setText(texts.error_text("cancelled", {}))
        else:
            outcome = "failed"
        self.open_folder.setVisible(self.result is not None)
        self.sig_export_finished.emit(outcome)

    def _open_folder(self) -> None:
        if self.result is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.result.path.parent)))
