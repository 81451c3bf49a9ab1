"""`claimcare-desktop export`: files written, clear errors and distinct exit codes."""
from __future__ import annotations

import subprocess
import sys

import pytest

from claimcare_desktop.cli import main
from tests.export.conftest import calamine_rows, column, make_profile

PERIOD = ["--from", "2026-01-01", "--to", "2026-03-31"]


@pytest.fixture(scope="module")
def profile_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cli-profile")
    make_profile(folder).close()
    return folder


def _export(profile_dir, out, *extra):
    return main(["export", *extra[:1], "--profile", str(profile_dir), "--out", str(out), *extra[1:]])


def test_writes_the_report(profile_dir, tmp_path, capsys):
    out = tmp_path / "visits.xlsx"
    code = _export(profile_dir, out, "visits", *PERIOD, "--user", "bj01.sup", "--scope", "branch",
                   "--lang", "en")
    assert code == 0
    assert "wrote 11 row(s)" in capsys.readouterr().out
    assert len(column(calamine_rows(out, "Visits"), "Customer")) == 5


def test_to_date_is_included(profile_dir, tmp_path):
    out = tmp_path / "care.xlsx"
    assert _export(profile_dir, out, "care", "--from", "2026-03-15", "--to", "2026-03-15",
                   "--user", "bj01.mgr1", "--lang", "en") == 0
    assert column(calamine_rows(out, "Care items"), "Kind") == ["Birthday"]


@pytest.mark.parametrize("args", [
    ["visits", "--from", "2026-02-30"],
    ["payroll"],
    ["visits", "--scope", "everyone"],
])
def test_bad_arguments_exit_2(profile_dir, tmp_path, args, capsys):
    with pytest.raises(SystemExit) as stop:
        _export(profile_dir, tmp_path / "x.xlsx", *args, "--user", "bj01.sup")
    assert stop.value.code == 2
    assert "error:" in capsys.readouterr().err


@pytest.mark.parametrize("extra, message", [
    (["--user", "nobody"], "No user 'nobody'"),
    (["--user", "bj01.sup", "--from", "2026-03-01", "--to", "2026-01-01"], "must start on or before"),
])
def test_bad_request_exits_2(profile_dir, tmp_path, extra, message, capsys):
    assert _export(profile_dir, tmp_path / "x.xlsx", "visits", *extra, "--lang", "en") == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "x.xlsx").exists()


def test_not_an_xlsx_name_exits_2(profile_dir, tmp_path):
    assert _export(profile_dir, tmp_path / "x.csv", "visits", "--user", "bj01.sup") == 2


def test_unwritable_path_exits_3(profile_dir, tmp_path, capsys):
    code = _export(profile_dir, tmp_path / "no" / "x.xlsx", "visits", "--user", "bj01.sup", "--lang", "en")
    assert code == 3
    assert "Cannot write to" in capsys.readouterr().err


def test_file_open_elsewhere_exits_4(profile_dir, tmp_path, capsys):
    target = tmp_path / "x.xlsx"
    target.write_bytes(b"locked")
    target.chmod(0o444)
    assert _export(profile_dir, target, "visits", "--user", "bj01.sup", "--lang", "en") == 4
    assert "open in another program" in capsys.readouterr().err
    assert target.read_bytes() == b"locked"


def test_manager_unmasked_exits_5(profile_dir, tmp_path, capsys):
    assert _export(profile_dir, tmp_path / "x.xlsx", "visits", "--user", "bj01.mgr1", "--unmasked") == 5
    assert "只有主管" in capsys.readouterr().err  # the default language is Chinese


def test_missing_profile_exits_6(tmp_path):
    assert _export(tmp_path / "nothing", tmp_path / "x.xlsx", "visits", "--user", "bj01.sup") == 6


def test_console_script_runs(profile_dir, tmp_path):
    out = tmp_path / "risk.xlsx"
    done = subprocess.run([sys.executable, "-m", "claimcare_desktop", "export", "at-risk",
                           "--profile", str(profile_dir), "--out", str(out), "--user", "bj01.sup",
                           "--scope", "branch"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert out.exists()


def test_user_defaults_to_the_one_who_signed_in_here(tmp_path):
    from datetime import datetime

    from sqlalchemy import insert

    from claimcare_desktop.store.models import LocalCredential

    profile = make_profile(tmp_path / "profile")
    with profile.engine.begin() as conn:
        conn.execute(insert(LocalCredential.__table__), [dict(
            username="bj01.mgr1", user_id="u-m1", verifier="x", verified_online_at=datetime(2026, 1, 1))])
    profile.close()
    out = tmp_path / "mine.xlsx"
    assert _export(tmp_path / "profile", out, "visits", *PERIOD, "--lang", "en") == 0
    assert set(column(calamine_rows(out, "Visits"), "Account manager")) == {"钱经理"}


def test_without_user_and_nobody_signed_in_exits_2(profile_dir, tmp_path, capsys):
    assert _export(profile_dir, tmp_path / "x.xlsx", "visits", "--lang", "en") == 2
    assert "--user" in capsys.readouterr().err
