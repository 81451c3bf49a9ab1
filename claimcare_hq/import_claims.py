"""`claimcare-hq import-claims FILE`: claims from the core claims system (CSV or Excel).

Every row is checked before anything is written; one bad row means nothing is imported.
Columns (header row, any order): branch_code, claim_no, customer_id_number, policy_no,
claim_type, status, submission_channel, reported_at, documents_confirmed_at, paid_at,
closed_at, claimed_amount, paid_amount. Amounts are yuan (up to 2 decimals); times are China
local time (UTC+8) unless they carry an offset. A claim_no HQ already has is updated in place.
Claims arriving closed or paid get their cadence visits planned by the branch PCs after sync.
"""
from __future__ import annotations

import csv
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, select

from claimcare_desktop.domain.timeutil import CHINA_TZ, UTC
from claimcare_desktop.domain.vocab import ClaimStatus, ClaimType, SubmissionChannel

from .changes import BranchChanges, fetch_rows
from .schema import SYNCED_TABLES

REQUIRED = ("branch_code", "claim_no", "customer_id_number", "claim_type", "status",
            "reported_at", "claimed_amount")
OPTIONAL = ("policy_no", "submission_channel", "documents_confirmed_at", "paid_at", "closed_at",
            "paid_amount")


class RowError(ValueError):
    pass


@dataclass
class ImportReport:
    errors: list[tuple[int, str]] = field(default_factory=list)
    created: int = 0
    updated: int = 0


def read_rows(path: Path) -> list[tuple[int, dict[str, Any]]]:
    """(spreadsheet row number, {column: value}) for every non-empty data row."""
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        from openpyxl import load_workbook

        sheet = load_workbook(path, read_only=True, data_only=True).active
        lines = list(sheet.iter_rows(values_only=True))
    else:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            lines = list(csv.reader(handle))
    if not lines:
        return []
    header = [str(h or "").strip().lower() for h in lines[0]]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise RowError(f"row 1: missing columns {', '.join(missing)}")
    rows = []
    for number, line in enumerate(lines[1:], start=2):
        values = {h: v for h, v in zip(header, line, strict=False) if h}
        if any(v not in (None, "") for v in values.values()):
            rows.append((number, values))
    return rows


def _text(value: Any) -> str | None:
    text = "" if value is None else str(value).strip()
    return text or None


def _moment(value: Any, name: str) -> datetime | None:
    if value in (None, ""):
        return None
    if isinstance(value, date) and not isinstance(value, datetime):
        value = datetime.combine(value, time(0))
    if not isinstance(value, datetime):
        try:
            value = datetime.fromisoformat(str(value).strip())
        except ValueError as exc:
            raise RowError(f"{name}: {value!r} is not a date and time (2026-03-01 14:30)") from exc
    if value.tzinfo is None:
        value = value.replace(tzinfo=CHINA_TZ)
    return value.astimezone(UTC).replace(tzinfo=None)


def _fen(value: Any, name: str) -> int:
    if value in (None, ""):
        return 0
    try:
        amount = Decimal(str(value).strip().replace(",", ""))
    except InvalidOperation as exc:
        raise RowError(f"{name}: {value!r} is not an amount") from exc
    if amount < 0 or amount != amount.quantize(Decimal("0.01")):
        raise RowError(f"{name}: {value!r} must be positive with at most 2 decimals")
    return int(amount * 100)


def _choice(value: Any, allowed: type, name: str, required: bool = True) -> str | None:
    text = _text(value)
    if text is None and not required:
        return None
    if text not in set(allowed):
        raise RowError(f"{name}: {value!r} is not one of {', '.join(allowed)}")
    return text


class _Lookups:
    """Branches, customers and policies by their business keys, loaded as rows need them."""

    def __init__(self, conn: Connection):
        self.conn = conn
        branches = SYNCED_TABLES["branches"]
        self.branch_ids = dict(conn.execute(select(branches.c.code, branches.c.id)).all())
        self._by_key: dict[tuple[str, str, str], str | None] = {}

    def find(self, table: str, column: str, branch_id: str, key: str) -> str | None:
        cache_key = (table, branch_id, key)
        if cache_key not in self._by_key:
            t = SYNCED_TABLES[table]
            self._by_key[cache_key] = self.conn.execute(select(t.c.id).where(
                t.c.branch_id == branch_id, t.c[column] == key, t.c.deleted.is_(False))).scalar()
        return self._by_key[cache_key]


def _claim(values: dict[str, Any], lookups: _Lookups) -> dict[str, Any]:
    for name in REQUIRED:
        if _text(values.get(name)) is None:
            raise RowError(f"{name} is empty")
    branch_id = lookups.branch_ids.get(_text(values["branch_code"]))
    if branch_id is None:
        raise RowError(f"branch_code: no branch {values['branch_code']!r}")
    customer_id = lookups.find("customers", "id_number", branch_id,
                               _text(values["customer_id_number"]).upper())
    if customer_id is None:
        raise RowError("customer_id_number: no customer with this ID number in the branch")
    policy_no = _text(values.get("policy_no"))
    policy_id = policy_no and lookups.find("policies", "policy_no", branch_id, policy_no)
    if policy_no and policy_id is None:
        raise RowError(f"policy_no: no policy {policy_no!r} in the branch")
    claim = {"branch_id": branch_id, "claim_no": _text(values["claim_no"]),
             "customer_id": customer_id, "policy_id": policy_id or None,
             "claim_type": _choice(values["claim_type"], ClaimType, "claim_type"),
             "status": _choice(values["status"], ClaimStatus, "status"),
             "submission_channel": _choice(values.get("submission_channel"), SubmissionChannel,
                                           "submission_channel", required=False),
             "claimed_fen": _fen(values["claimed_amount"], "claimed_amount"),
             "paid_fen": _fen(values.get("paid_amount"), "paid_amount"), "deleted": False}
    for name in ("reported_at", "documents_confirmed_at", "paid_at", "closed_at"):
        claim[name] = _moment(values.get(name), name)
    if claim["status"] in (ClaimStatus.PAID, ClaimStatus.PARTIAL) and claim["paid_at"] is None:
        raise RowError(f"paid_at is required when status is {claim['status']}")
    if claim["closed_at"] and claim["closed_at"] < claim["reported_at"]:
        raise RowError("closed_at is before reported_at")
    if len(claim["claim_no"]) > 32:
        raise RowError("claim_no is longer than 32 characters")
    return claim


def _validate(rows, lookups: _Lookups, report: ImportReport) -> list[dict[str, Any]]:
    claims, seen = [], {}
    for number, values in rows:
        try:
            claim = _claim(values, lookups)
        except RowError as exc:
            report.errors.append((number, str(exc)))
            continue
        if claim["claim_no"] in seen:
            report.errors.append((number, f"claim_no {claim['claim_no']} repeats row {seen[claim['claim_no']]}"))
            continue
        seen[claim["claim_no"]] = number
        claims.append(claim)
    return claims


def _write(conn: Connection, claims: list[dict[str, Any]], lookups: _Lookups,
           report: ImportReport) -> None:
    by_branch: dict[str, list[dict[str, Any]]] = {}
    for claim in claims:
        by_branch.setdefault(claim["branch_id"], []).append(claim)
    for branch_id, branch_claims in by_branch.items():
        new, existing = [], []
        for claim in branch_claims:
            claim_id = lookups.find("claims", "claim_no", branch_id, claim["claim_no"])
            (existing if claim_id else new).append({**claim, "id": claim_id or str(uuid.uuid4())})
        current = fetch_rows(conn, "claims", branch_id, [c["id"] for c in existing], lock=True)
        changes = BranchChanges(conn, branch_id)
        changes.insert("claims", new)
        changes.update("claims", [{**current[c["id"]], **c} for c in existing])
        changes.close()
        report.created += len(new)
        report.updated += len(existing)


def import_claims(engine: Engine, path: Path) -> ImportReport:
    report = ImportReport()
    try:
        rows = read_rows(path)
    except RowError as exc:
        report.errors.append((1, str(exc).removeprefix("row 1: ")))
        return report
    with engine.begin() as conn:
        lookups = _Lookups(conn)
        claims = _validate(rows, lookups, report)
        if not report.errors:
            _write(conn, claims, lookups, report)
    return report
