"""`claimcare-hq` on SQLite from a clean directory: init-db, seed, users, import-claims."""
from __future__ import annotations

import csv

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from claimcare_hq.cli import main
from claimcare_hq.db import make_engine
from claimcare_hq.schema import SYNCED_TABLES, Account

HEADER = ["branch_code", "claim_no", "customer_id_number", "policy_no", "claim_type", "status",
          "submission_channel", "reported_at", "documents_confirmed_at", "paid_at", "closed_at",
          "claimed_amount", "paid_amount"]


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hq")
    url = f"sqlite:///{folder / 'hq.sqlite3'}"
    assert main(["init-db", "--db", url]) == 0
    return url


def test_seed_lists_every_user_with_branch_and_role(seeded, capsys):
    capsys.readouterr()
    assert main(["seed", "--db", seeded, "--branches", "2", "--customers", "5", "--seed", "3",
                 "--password", "pw12345"]) == 0
    lines = [line.split() for line in capsys.readouterr().out.splitlines()]
    by_branch = {}
    for code, username, role in lines:
        assert username.startswith(code + ".")
        by_branch.setdefault(code, []).append(role)
    assert len(by_branch) == 2
    for roles in by_branch.values():
        assert roles.count("supervisor") >= 1 and roles.count("manager") >= 2


def test_users_add_disable_reset_and_list(seeded, capsys):
    code = _branch_code(seeded)
    assert main(["users", "add", f"{code}.mgr9", "--branch", code, "--role", "manager",
                 "--password", "first-pw", "--db", seeded]) == 0
    assert main(["users", "add", f"{code}.mgr9", "--branch", code, "--role", "manager",
                 "--password", "x", "--db", seeded]) == 1
    assert main(["users", "reset-password", f"{code}.mgr9", "--password", "second-pw",
                 "--db", seeded]) == 0
    assert main(["users", "disable", f"{code}.mgr9", "--db", seeded]) == 0
    capsys.readouterr()
    assert main(["users", "list", "--db", seeded]) == 0
    assert f"{code} {code}.mgr9 manager disabled" in capsys.readouterr().out.splitlines()
    engine = make_engine(seeded)
    users = SYNCED_TABLES["users"]
    with engine.connect() as conn:
        account = conn.execute(select(Account.__table__).where(
            Account.__table__.c.username == f"{code}.mgr9")).one()
        synced = conn.execute(select(users.c.active).where(users.c.id == account.user_id)).one()
    assert account.active is False and synced.active is False
    assert account.password_hash.startswith("$argon2id$")


def _branch_code(url: str) -> str:
    engine = make_engine(url)
    with engine.connect() as conn:
        return conn.execute(select(SYNCED_TABLES["branches"].c.code).order_by("code")).scalars().first()


def _customer_id_number(url: str, code: str) -> str:
    engine = make_engine(url)
    branches, customers = SYNCED_TABLES["branches"], SYNCED_TABLES["customers"]
    with engine.connect() as conn:
        return conn.execute(select(customers.c.id_number).join(
            branches, branches.c.id == customers.c.branch_id).where(
            branches.c.code == code, customers.c.id_number.is_not(None))).scalars().first()


def _claims(url: str) -> dict[str, dict]:
    engine = make_engine(url)
    claims = SYNCED_TABLES["claims"]
    with engine.connect() as conn:
        return {r.claim_no: dict(r._mapping) for r in conn.execute(select(claims))}


def test_import_claims_csv_is_all_or_nothing_with_row_numbers(seeded, tmp_path, capsys):
    code = _branch_code(seeded)
    id_number = _customer_id_number(seeded, code)
    good = [code, "IMP-1", id_number, "", "health", "paid", "app", "2026-03-01 09:00",
            "2026-03-02 10:00", "2026-03-03 11:00", "2026-03-03 12:00", "1,234.50", "1000"]
    bad_type = [code, "IMP-2", id_number, "", "boat", "open", "", "2026-03-01", "", "", "",
                "10", ""]
    bad_customer = [code, "IMP-3", "110101199001011234", "", "auto", "open", "",
                    "2026-03-01", "", "", "", "10", ""]
    path = tmp_path / "claims.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([HEADER, good, bad_type, bad_customer])
    before = _claims(seeded)
    capsys.readouterr()
    assert main(["import-claims", str(path), "--db", seeded]) == 1
    errors = capsys.readouterr().err
    assert "row 3: claim_type: 'boat' is not one of" in errors
    assert "row 4: customer_id_number: no customer" in errors
    assert _claims(seeded) == before
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([HEADER, good])
    assert main(["import-claims", str(path), "--db", seeded]) == 0
    claim = _claims(seeded)["IMP-1"]
    assert (claim["claimed_fen"], claim["paid_fen"], claim["status"]) == (123450, 100000, "paid")
    assert claim["paid_at"].isoformat() == "2026-03-03T03:00:00"  # UTC+8 → UTC


def test_import_claims_xlsx_updates_an_existing_claim_in_place(seeded, tmp_path):
    code = _branch_code(seeded)
    id_number = _customer_id_number(seeded, code)
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER)
    sheet.append([code, "IMP-X", id_number, None, "auto", "open", None, "2026-03-01 08:00",
                  None, None, None, 500, None])
    path = tmp_path / "claims.xlsx"
    workbook.save(path)
    assert main(["import-claims", str(path), "--db", seeded]) == 0
    first = _claims(seeded)["IMP-X"]
    sheet.cell(row=2, column=6, value="closed")
    sheet.cell(row=2, column=11, value="2026-03-05 08:00")
    workbook.save(path)
    assert main(["import-claims", str(path), "--db", seeded]) == 0
    second = _claims(seeded)["IMP-X"]
    assert second["id"] == first["id"] and second["status"] == "closed"
    assert second["change_seq"] > first["change_seq"]


def test_import_claims_reports_missing_columns(seeded, tmp_path, capsys):
    path = tmp_path / "claims.csv"
    path.write_text("claim_no,status\nA,open\n", encoding="utf-8")
    assert main(["import-claims", str(path), "--db", seeded]) == 1
    assert "row 1: missing columns branch_code" in capsys.readouterr().err
