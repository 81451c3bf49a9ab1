"""A profile holding the hand-built branch, the people who export, and two readers."""
from __future__ import annotations

from datetime import UTC
from pathlib import Path

import pytest
from openpyxl import load_workbook
from python_calamine import CalamineWorkbook

from claimcare_desktop.export.request import ExportRequest, ExportUser
from claimcare_desktop.export.runner import run_export
from claimcare_desktop.store.db import open_profile
from tests.export import dataset as d

NOW = d.NOW.replace(tzinfo=UTC)
SUPERVISOR = ExportUser(d.SUP, "bj01.sup", "孙主管", "supervisor", d.BRANCH, "北京朝阳支公司")
MANAGER = ExportUser(d.M1, "bj01.mgr1", "钱经理", "manager", d.BRANCH, "北京朝阳支公司")


def make_profile(folder: Path):
    profile = open_profile(folder)
    d.build().write(profile)
    return profile


@pytest.fixture(scope="module")
def profile(tmp_path_factory):
    profile = make_profile(tmp_path_factory.mktemp("export-profile"))
    yield profile
    profile.close()


@pytest.fixture(scope="module")
def exported(profile, tmp_path_factory):
    """export(report, user=SUPERVISOR, **request fields) -> path, cached per arguments."""
    folder = tmp_path_factory.mktemp("exports")
    done: dict[tuple, Path] = {}

    def export(report: str, user: ExportUser = SUPERVISOR, **fields) -> Path:
        key = (report, user.id, tuple(sorted(fields.items())))
        if key not in done:
            out = folder / f"{report}-{len(done)}.xlsx"
            fields.setdefault("scope", "branch" if user is SUPERVISOR else "me")
            request = ExportRequest(report, out, *d.Q1_2026, **fields)
            run_export(profile, user, request, now=NOW)
            done[key] = out
        return done[key]

    return export


def calamine_rows(path: Path, sheet: str) -> list[list]:
    return CalamineWorkbook.from_path(str(path)).get_sheet_by_name(sheet).to_python()


def openpyxl_sheet(path: Path, sheet: str):
    return load_workbook(path)[sheet]


def column(rows: list[list], header: str) -> list:
    index = rows[0].index(header)
    return [row[index] for row in rows[1:]]
