"""Claims imported at HQ arrive closed without visits: the first sync round of a branch PC
plans their cadence visits and pushes them once; another PC of the branch then receives
them and plans nothing (deterministic ids)."""
from __future__ import annotations

import csv
import uuid

import pytest
from sqlalchemy import select, update

from claimcare_desktop.domain.ids import visit_id
from claimcare_desktop.store.models import OutboxEntry, Visit
from claimcare_desktop.sync.engine import pending_changes
from claimcare_hq.import_claims import import_claims
from claimcare_hq.schema import SYNCED_TABLES
from tests.support.branches import seed_branch
from tests.support.devices import hq_data, new_profile, signed_in_engine, synced_data

pytestmark = pytest.mark.postgres

STEPS = ("same_day", "day_7", "day_30")
HEADER = ["branch_code", "claim_no", "customer_id_number", "claim_type", "status", "reported_at",
          "documents_confirmed_at", "paid_at", "closed_at", "claimed_amount", "paid_amount"]


def _import_closed_claims(engine, branch, path) -> dict[str, str]:
    """Three closed claims and one open, through `claimcare-hq import-claims`; claim_no: id."""
    customers = SYNCED_TABLES["customers"]
    rows = []
    with engine.begin() as conn:
        for n, customer_id in enumerate(branch.customers):
            id_number = f"11010119800101{n:03d}X"
            conn.execute(update(customers).where(customers.c.id == customer_id)
                         .values(id_number=id_number))
            closed = n < 3
            rows.append([branch.code, f"{branch.code}-IMP{n}", id_number, "auto",
                         "paid" if closed else "open", "2026-11-02 09:00",
                         "2026-11-03 10:00", "2026-11-04 15:00" if closed else "",
                         "2026-11-04 15:00" if closed else "", "1200.00", "1000.00" if closed else ""])
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([HEADER, *rows])
    report = import_claims(engine, path)
    assert (report.errors, report.created) == ([], 4)
    claims = SYNCED_TABLES["claims"]
    with engine.connect() as conn:
        found = conn.execute(select(claims.c.claim_no, claims.c.id).where(
            claims.c.branch_id == branch.id, claims.c.closed_at.is_not(None),
            claims.c.claim_no.like(f"{branch.code}-IMP%"))).all()
    return dict(found)


def _device(live_hq, branch, profile_template, tmp_path, username):
    profile = new_profile(profile_template, tmp_path / uuid.uuid4().hex[:8])
    return signed_in_engine(profile, live_hq, branch, f"{branch.code}.{username}")


def test_imported_closed_claims_get_their_visits_planned_and_pushed_once(
        live_hq, profile_template, tmp_path):
    branch = seed_branch(live_hq.engine, customers=4)
    closed = _import_closed_claims(live_hq.engine, branch, tmp_path / "claims.csv")
    planned = {visit_id(claim_id, step) for claim_id in closed.values() for step in STEPS}
    assert len(planned) == 9
    first = _device(live_hq, branch, profile_template, tmp_path, "mgr1")
    sent_entries = []
    push = first.client.push
    first.client.push = lambda mutations: sent_entries.extend(mutations) or push(mutations)
    report = first.run_once()
    pushed_visits = [m["row_id"] for m in sent_entries if m["table"] == "visits"]
    assert sorted(pushed_visits) == sorted(planned) and report.rejected == 0
    assert pending_changes(first.profile) == 0
    at_hq = hq_data(live_hq.engine, branch.id)
    assert planned <= set(at_hq["visits"])
    assert {at_hq["visits"][v]["status"] for v in planned} == {"open"}
    assert synced_data(first.profile) == at_hq

    again = first.run_once()
    assert (again.sent, again.received) == (0, 0)

    other = _device(live_hq, branch, profile_template, tmp_path, "mgr2")
    report = other.run_once()
    assert report.sent == 0 and pending_changes(other.profile) == 0
    assert synced_data(other.profile) == hq_data(live_hq.engine, branch.id)
    with other.profile.session() as s:
        assert planned <= set(s.scalars(select(Visit.id)))
        assert s.scalars(select(OutboxEntry)).all() == []
