"""Run one export: check the request, stream the report into a temporary file, audit an
unmasked export, and put the file in place only when everything succeeded."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from ..store.kpi_queries import Window
from . import at_risk, care, complaints, kpi_report, visits
from .audit import record_unmasked_export
from .i18n import Translator
from .output import atomic_file
from .request import ExportRequest, ExportUser, ReportInput
from .values import local_time, maskers
from .workbook import Formatted, Progress, WorkbookWriter

REPORT_MODULES = {"visits": visits, "complaints": complaints, "kpi": kpi_report, "care": care,
                  "at-risk": at_risk}


@dataclass(frozen=True)
class ExportResult:
    path: Path
    rows: int


def _cover_rows(tr: Translator, user: ExportUser, request: ExportRequest, now: datetime) -> list[tuple[str, Any]]:
    last_day = request.end - timedelta(days=1)
    scope = tr.label("scope", request.scope)
    if request.scope == "me":
        scope = f"{scope} ({user.display_name})"
    masking = "Unmasked (audited)" if request.unmasked else "Masked"
    return [
        (tr.text("Report"), tr.label("report", request.report)),
        (tr.text("Branch"), user.branch_name),
        (tr.text("Exported by"), f"{user.display_name} ({user.username})"),
        (tr.text("Exported at"), Formatted(local_time(now.astimezone(UTC).replace(tzinfo=None)), "datetime")),
        (tr.text("Period"), tr.text("{start} to {end}", start=request.start.isoformat(),
                                    end=last_day.isoformat())),
        (tr.text("Scope"), scope),
        (tr.text("Personal data"), tr.text(masking)),
        ("", tr.text("Times are China Standard Time (UTC+8). Amounts in yuan.")),
    ]


def _write(profile: Any, user: ExportUser, request: ExportRequest, path: Path, now: datetime,
           progress: Progress | None) -> int:
    tr = Translator(request.language)
    phone, id_number = maskers(request.unmasked)
    window = Window(request.start, request.end, now)
    with profile.engine.connect() as conn, conn.begin():
        inp = ReportInput(conn, request, user, tr, request.kpi_scope(user), window, phone, id_number)
        sheets = REPORT_MODULES[request.report].sheets(inp)
        writer = WorkbookWriter(path, tr, progress)
        return writer.write(tr.label("report", request.report),
                            _cover_rows(tr, user, request, now), sheets)


def run_export(profile: Any, user: ExportUser, request: ExportRequest,
               progress: Progress | None = None, now: datetime | None = None) -> ExportResult:
    """Write `request.out`; raises ExportError subclasses (ExportCancelled when cancelled)."""
    request.check(user)
    now = datetime.now(UTC) if now is None else now
    with atomic_file(request.out) as temporary:
        rows = _write(profile, user, request, temporary, now, progress)
        if request.unmasked:
            record_unmasked_export(profile, user, request, rows)
    return ExportResult(request.out, rows)
