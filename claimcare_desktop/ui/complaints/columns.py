"""The tracker's columns: static ones formatted once, clock ones re-read on every tick."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP as N

from claimcare_desktop.store.complaint_queries import ComplaintRow

from ..care_profile.formatting import local_time
from ..care_profile.records import Column
from ..labels import label

CONTEXT = "ComplaintColumns"

STATIC_COLUMNS = (
    Column(N(CONTEXT, "Customer"), lambda r: r.customer_name, 80),
    Column(N(CONTEXT, "Category"), lambda r: label("complaint_category", r.category), 90),
    Column(N(CONTEXT, "State"), lambda r: label("complaint_state", r.state), 70),
    Column(N(CONTEXT, "Owner"), lambda r: r.owner_name, 80),
    Column(N(CONTEXT, "Opened"), lambda r: local_time(r.opened_at), 125),
)
CLOCK_HEADERS = (N(CONTEXT, "Respond (24 h)"), N(CONTEXT, "Solve (48 h)"), N(CONTEXT, "Statutory"))
SUMMARY_HEADER = N(CONTEXT, "Summary")
CLOCK_WIDTH = 125
FIRST_CLOCK = len(STATIC_COLUMNS)
SUMMARY_COLUMN = FIRST_CLOCK + len(CLOCK_HEADERS)
COLUMN_COUNT = SUMMARY_COLUMN + 1
WIDTHS = [c.width for c in STATIC_COLUMNS] + [CLOCK_WIDTH] * len(CLOCK_HEADERS) + [300]


def clocks_of(row: ComplaintRow):
    return (row.clocks.respond, row.clocks.solve, row.clocks.statutory)
