"""The queue's columns: a stable key (for saved choices), a header, and how to show a row."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtCore import QCoreApplication

from claimcare_desktop.store.visit_queue import QueueRow

from ..common.formatting import money
from ..labels import label

CONTEXT = "VisitQueueColumns"


def contact_preference(row: QueueRow) -> str:
    channel = label("channel", row.preferred_channel)
    return f"{channel} · {row.best_time}" if row.best_time else channel


@dataclass(frozen=True)
class Column:
    key: str
    header: str  # English source, translated in CONTEXT
    text: Callable[[QueueRow], str]
    width: int
    numeric: bool = False

    def title(self) -> str:
        return QCoreApplication.translate(CONTEXT, self.header)


COLUMNS: tuple[Column, ...] = (
    Column("customer", QT_TRANSLATE_NOOP(
        "VisitQueueColumns", "Customer"), lambda r: r.customer_name, 90),
    Column("phone", QT_TRANSLATE_NOOP("VisitQueueColumns", "Phone"), lambda r: r.masked_phone, 110),
    Column("claim_no", QT_TRANSLATE_NOOP(
        "VisitQueueColumns", "Claim no."), lambda r: r.claim_no or "", 150),
    Column("claim_type", QT_TRANSLATE_NOOP(
        "VisitQueueColumns", "Claim type"), lambda r: label("claim_type", r.claim_type), 80),
    Column("paid", QT_TRANSLATE_NOOP(
        "VisitQueueColumns", "Paid"), lambda r: money(r.paid_fen), 110, numeric=True),
    Column("step", QT_TRANSLATE_NOOP(
        "VisitQueueColumns", "Step"), lambda r: label("visit_step", r.step), 80),
    Column("due", QT_TRANSLATE_NOOP(
        "VisitQueueColumns", "Due"), lambda r: r.due_date.isoformat(), 95),
    Column("attempts", QT_TRANSLATE_NOOP(
        "VisitQueueColumns", "Attempts"), lambda r: str(r.attempts), 60, numeric=True),
    Column("contact", QT_TRANSLATE_NOOP(
        "VisitQueueColumns", "Preferred contact"), contact_preference, 130),
    Column("risk", QT_TRANSLATE_NOOP(
        "VisitQueueColumns", "Risk"), lambda r: label("risk_level", r.risk_level), 60),
    Column("status", QT_TRANSLATE_NOOP(
        "VisitQueueColumns", "Status"), lambda r: label("visit_status", r.status), 80),
)
COLUMN_KEYS = tuple(c.key for c in COLUMNS)
DUE_COLUMN = COLUMN_KEYS.index("due")
RISK_COLUMN = COLUMN_KEYS.index("risk")
