"""Personal data, audit, cancellation and the output file: nothing half-done is left behind."""
from __future__ import annotations

import os

import pytest
from sqlalchemy import select

from claimcare_desktop.export import workbook
from claimcare_desktop.export.errors import ExportCancelled, NotAllowed, OutputInUse, OutputNotWritable
from claimcare_desktop.export.request import ExportRequest
from claimcare_desktop.export.runner import run_export
from claimcare_desktop.store.models import AuditEntry, OutboxEntry
from tests.export import dataset as d
from tests.export.conftest import MANAGER, NOW, SUPERVISOR, calamine_rows, column, make_profile


@pytest.fixture
def fresh(tmp_path):
    profile = make_profile(tmp_path / "profile")
    yield profile
    profile.close()


def _request(tmp_path, report="visits", **fields) -> ExportRequest:
    fields.setdefault("language", "en")
    return ExportRequest(report, tmp_path / "out.xlsx", *d.Q1_2026, **fields)


def _audit_rows(profile):
    with profile.engine.connect() as conn:
        audits = conn.execute(select(AuditEntry.action, AuditEntry.user_id, AuditEntry.detail)).all()
        outbox = conn.execute(select(OutboxEntry.table_name)).scalars().all()
    return audits, outbox


def test_supervisor_unmasked_export_is_audited(fresh, tmp_path):
    request = _request(tmp_path, scope="branch", unmasked=True)
    run_export(fresh, SUPERVISOR, request, now=NOW)
    rows = calamine_rows(request.out, "Visits")
    assert column(rows, "Phone number")[0] == "13812345678"
    cover = {r[0]: r[1] for r in calamine_rows(request.out, "Cover")}
    assert cover["Personal data"] == "Unmasked (audited)"
    audits, outbox = _audit_rows(fresh)
    assert [(a.action, a.user_id) for a in audits] == [("export_unmasked", d.SUP)]
    assert '"report": "visits"' in audits[0].detail and '"rows": 11' in audits[0].detail
    assert outbox == ["audit_log"]  # it reaches HQ with the next sync


def test_masked_export_writes_no_audit_row(fresh, tmp_path):
    run_export(fresh, SUPERVISOR, _request(tmp_path, "at-risk", scope="branch"), now=NOW)
    assert _audit_rows(fresh) == ([], [])


def test_manager_may_not_unmask_nor_export_the_branch(fresh, tmp_path):
    with pytest.raises(NotAllowed) as unmasked:
        run_export(fresh, MANAGER, _request(tmp_path, unmasked=True), now=NOW)
    with pytest.raises(NotAllowed) as branch:
        run_export(fresh, MANAGER, _request(tmp_path, scope="branch"), now=NOW)
    assert unmasked.value.code == "unmasked_supervisor_only"
    assert branch.value.code == "branch_supervisor_only"
    assert list(tmp_path.glob("*.xlsx")) == [] and _audit_rows(fresh) == ([], [])


class _CancelAfter:
    def __init__(self, reports: int) -> None:
        self.reports, self.seen = reports, []

    def report(self, done, total, message=""):
        self.seen.append((done, total))

    def cancelled(self):
        return len(self.seen) >= self.reports


@pytest.mark.parametrize("after", [0, 3])
def test_cancel_leaves_no_file_and_no_audit(fresh, tmp_path, monkeypatch, after):
    monkeypatch.setattr(workbook, "PROGRESS_EVERY", 1)
    (tmp_path / "out.xlsx").write_bytes(b"the previous export")
    with pytest.raises(ExportCancelled):
        run_export(fresh, SUPERVISOR, _request(tmp_path, scope="branch", unmasked=True),
                   progress=_CancelAfter(after), now=NOW)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.xlsx", "profile"]
    assert (tmp_path / "out.xlsx").read_bytes() == b"the previous export"
    assert _audit_rows(fresh) == ([], [])


def test_progress_is_reported_up_to_the_total(fresh, tmp_path):
    progress = _CancelAfter(10**6)
    run_export(fresh, SUPERVISOR, _request(tmp_path, scope="branch"), progress=progress, now=NOW)
    done = [seen for seen, _total in progress.seen]
    assert done == sorted(done) and progress.seen[0] == (1, 11) and progress.seen[-1] == (11, 11)


def test_kpi_export_can_be_cancelled_between_months(fresh, tmp_path):
    with pytest.raises(ExportCancelled):
        run_export(fresh, SUPERVISOR, _request(tmp_path, "kpi", scope="branch"),
                   progress=_CancelAfter(15), now=NOW)
    assert not (tmp_path / "out.xlsx").exists()


def test_read_only_target_is_refused_as_in_use(fresh, tmp_path):
    target = tmp_path / "out.xlsx"
    target.write_bytes(b"open in Excel")
    target.chmod(0o444)
    with pytest.raises(OutputInUse):
        run_export(fresh, SUPERVISOR, _request(tmp_path, scope="branch"), now=NOW)
    assert target.read_bytes() == b"open in Excel"


def test_replace_refused_like_windows_leaves_old_file_and_no_temp(fresh, tmp_path, monkeypatch):
    target = tmp_path / "out.xlsx"
    target.write_bytes(b"open in Excel")

    def locked(_src, _dst):
        raise PermissionError(13, "The process cannot access the file")

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(OutputInUse):
        run_export(fresh, SUPERVISOR, _request(tmp_path, scope="branch"), now=NOW)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.xlsx", "profile"]


@pytest.mark.parametrize("where", ["missing", "read-only"])
def test_unwritable_folder(fresh, tmp_path, where):
    folder = tmp_path / "out"
    if where == "read-only":
        folder.mkdir()
        folder.chmod(0o555)
    request = ExportRequest("visits", folder / "x.xlsx", *d.Q1_2026, scope="branch")
    with pytest.raises(OutputNotWritable):
        run_export(fresh, SUPERVISOR, request, now=NOW)
    if folder.exists():
        folder.chmod(0o755)
        assert list(folder.iterdir()) == []


def test_cancel_leaves_no_stream_files_behind(fresh, tmp_path, monkeypatch):
    from openpyxl.worksheet import _writer

    monkeypatch.setattr(workbook, "PROGRESS_EVERY", 1)
    before = set(_writer.ALL_TEMP_FILES)
    with pytest.raises(ExportCancelled):
        run_export(fresh, SUPERVISOR, _request(tmp_path, scope="branch"), progress=_CancelAfter(3), now=NOW)
    assert set(_writer.ALL_TEMP_FILES) == before
