"""The tracker's columns: static ones formatted once, clock ones re-read on every tick."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from claimcare_desktop.store.complaint_queries import ComplaintRow

from ..common.formatting import local_time
from ..common.records_model import Column
from ..labels import label

CONTEXT = "ComplaintColumns"

STATIC_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("ComplaintColumns", "Customer"), lambda r: r.customer_name, 80),
    Column(QT_TRANSLATE_NOOP("ComplaintColumns", "Category"), lambda r: label("complaint_category", r.category), 115),
    Column(QT_TRANSLATE_NOOP("ComplaintColumns", "State"), lambda r: label("complaint_state", r.state), 100),
    Column(QT_TRANSLATE_NOOP("ComplaintColumns", "Owner"), lambda r: r.owner_name, 80),
    Column(QT_TRANSLATE_NOOP("ComplaintColumns", "Opened"), lambda r: local_time(r.opened_at), 125),
)
CLOCK_HEADERS = (QT_TRANSLATE_NOOP("ComplaintColumns", "Respond (24 h)"), QT_TRANSLATE_NOOP("ComplaintColumns", "Solve (48 h)"), QT_TRANSLATE_NOOP("ComplaintColumns", "Statutory"))
SUMMARY_HEADER = QT_TRANSLATE_NOOP("ComplaintColumns", "Summary")
CLOCK_WIDTH = 160
FIRST_CLOCK = len(STATIC_COLUMNS)
SUMMARY_COLUMN = FIRST_CLOCK + len(CLOCK_HEADERS)
COLUMN_COUNT = SUMMARY_COLUMN + 1
WIDTHS = [c.width for c in STATIC_COLUMNS] + [CLOCK_WIDTH] * len(CLOCK_HEADERS) + [200]


def clocks_of(row: ComplaintRow):
    return (row.clocks.respond, row.clocks.solve, row.clocks.statutory)
