"""What to export, for whom, and the checks made before anything is read or written."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ..domain.vocab import Role
from ..store.kpi_queries import KpiScope, Window
from .errors import BadRequest, NotAllowed
from .i18n import LANGUAGES, Translator

REPORTS = ("visits", "complaints", "kpi", "care", "at-risk")
SCOPES = ("me", "branch")


@dataclass(frozen=True)
class ExportUser:
    """Who exports (the UI passes its CurrentUser's fields)."""

    id: str
    username: str
    display_name: str
    role: str
    branch_id: str
    branch_name: str


@dataclass(frozen=True)
class ExportRequest:
    """`end` is exclusive: the period is [start, end) in local dates."""

    report: str
    out: Path
    start: date
    end: date
    scope: str = "me"
    language: str = "zh_CN"
    unmasked: bool = False

    def check(self, user: ExportUser) -> None:
        if self.report not in REPORTS:
            raise BadRequest("unknown_report", report=self.report, choices=", ".join(REPORTS))
        if self.scope not in SCOPES:
            raise BadRequest("bad_argument", detail=f"scope must be one of {', '.join(SCOPES)}")
        if self.language not in LANGUAGES:
            raise BadRequest("bad_argument", detail=f"language must be one of {', '.join(LANGUAGES)}")
        if self.start >= self.end:
            raise BadRequest("bad_period", start=self.start.isoformat(), end=self.end.isoformat())
        supervisor = user.role == Role.SUPERVISOR
        if self.unmasked and not supervisor:
            raise NotAllowed("unmasked_supervisor_only")
        if self.scope == "branch" and not supervisor:
            raise NotAllowed("branch_supervisor_only")

    def kpi_scope(self, user: ExportUser) -> KpiScope:
        return KpiScope(user.branch_id, user.id if self.scope == "me" else None)


@dataclass(frozen=True)
class ReportInput:
    """Everything a report module needs to produce its sheets."""

    conn: Any
    request: ExportRequest
    user: ExportUser
    tr: Translator
    scope: KpiScope
    window: Window
    phone: Callable[[str | None], str]
    id_number: Callable[[str | None], str]
