"""`claimcare-desktop sync`: headless round, password on stdin only when needed."""
from __future__ import annotations

import io
import re

import pytest

from claimcare_desktop.cli import main
from claimcare_desktop.store.db import open_profile
from claimcare_desktop.sync import session
from claimcare_desktop.sync.client import HqClient
from tests.support.branches import PASSWORD, seed_branch
from tests.support.devices import hq_data

pytestmark = pytest.mark.postgres


def _sync(monkeypatch, capsys, folder, url, user, stdin=""):
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(["sync", "--profile", str(folder), "--hq", url, "--user", user])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_first_round_signs_in_then_reuses_the_token_and_recovers_from_revocation(
        live_hq, tmp_path, monkeypatch, capsys):
    branch = seed_branch(live_hq.engine, customers=2)
    seeded = sum(len(rows) for rows in hq_data(live_hq.engine, branch.id).values())
    user = f"{branch.code}.sup"
    folder = tmp_path / "pc"
    code, out, _ = _sync(monkeypatch, capsys, folder, live_hq.url, user, PASSWORD + "\n")
    assert code == 0
    received = int(re.search(r"received (\d+) row", out).group(1))
    assert received >= seeded and out.rstrip().endswith("0 pending")
    code, out, _ = _sync(monkeypatch, capsys, folder, live_hq.url, user)  # no password needed
    assert code == 0 and "received 0 row(s)" in out
    profile = open_profile(folder)
    HqClient(live_hq.url, session.remembered(profile).token).sign_out()
    profile.close()
    code, out, err = _sync(monkeypatch, capsys, folder, live_hq.url, user, PASSWORD + "\n")
    assert code == 0 and "signing in again" in err


def test_wrong_password_fails_with_a_message_and_keeps_the_profile(live_hq, tmp_path,
                                                                    monkeypatch, capsys):
    branch = seed_branch(live_hq.engine, customers=1)
    code, out, err = _sync(monkeypatch, capsys, tmp_path / "pc", live_hq.url,
                           f"{branch.code}.mgr1", "nope\n")
    assert code == 1 and "sync failed" in err and out == ""


def test_a_profile_of_one_branch_refuses_a_user_of_another(live_hq, tmp_path, monkeypatch,
                                                             capsys):
    a, b = seed_branch(live_hq.engine, customers=1), seed_branch(live_hq.engine, customers=1)
    folder = tmp_path / "pc"
    assert _sync(monkeypatch, capsys, folder, live_hq.url, f"{a.code}.sup", PASSWORD + "\n")[0] == 0
    code, _out, err = _sync(monkeypatch, capsys, folder, live_hq.url, f"{b.code}.sup",
                            PASSWORD + "\n")
    assert code == 1 and "this profile holds branch" in err


def test_a_mistyped_hq_address_fails_with_a_message_before_the_profile_is_made(
        tmp_path, monkeypatch, capsys):
    folder = tmp_path / "pc"
    code, out, err = _sync(monkeypatch, capsys, folder, "127.0.0.1:8765", "sh01.sup")
    assert code == 1 and out == ""
    assert err.startswith("sync failed: not an HQ address (like http://hq.example.com:8765)")
    assert not folder.exists()
