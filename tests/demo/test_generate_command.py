"""`claimcare-desktop generate` fills an empty profile and refuses a used one."""
from __future__ import annotations

import sqlite3

import pytest

from claimcare_desktop.cli import main
from claimcare_desktop.store.paths import database_file


def test_generate_fills_an_empty_profile_then_refuses_to_mix_data(tmp_path, capsys):
    args = ["generate", "--profile", str(tmp_path), "--branches", "1", "--customers", "20",
            "--seed", "4", "--today", "2026-11-26"]
    assert main(args) == 0
    assert "customers" in capsys.readouterr().out
    con = sqlite3.connect(database_file(tmp_path))
    assert con.execute("SELECT COUNT(*) FROM customers").fetchone()[0] == 20
    assert con.execute("SELECT username FROM users ORDER BY username").fetchall() == [
        ("sh01.mgr1",), ("sh01.mgr2",), ("sh01.sup",)]
    con.close()
    assert main(args) == 1
    assert "already holds data" in capsys.readouterr().out


@pytest.mark.parametrize("bad", [["--today", "26.11.2026"], ["--customers", "0"]])
def test_bad_arguments_are_refused_with_a_message(tmp_path, capsys, bad):
    with pytest.raises(SystemExit) as caught:
        main(["generate", "--profile", str(tmp_path), *bad])
    assert caught.value.code == 2
    assert "error" in capsys.readouterr().err
    assert not database_file(tmp_path).exists()
