"""SIGKILL a process in the middle of writing: every committed change has its outbox entry.

DESIGN §4.2: the change and its entry commit together or not at all. The writer is
killed at random moments, again and again on the same file; after each kill the file is
intact and every customer row equals the fold of its outbox entries.
"""
from __future__ import annotations

import json
import multiprocessing
import os
import random
import signal
import sqlite3
import time
from pathlib import Path

from claimcare_desktop.store.db import open_profile

from . import kill_writer

from .helpers import add_branch_and_manager

KILLS = 10
START_TIMEOUT_S = 60
SYNCED_COLUMNS = ("name", "care_notes", "tags", "deleted")


def _processes():
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["tests.store.kill_writer"])
    return context


def _write_then_kill(context, directory: Path, rng: random.Random) -> None:
    ready = context.Event()
    writer = context.Process(target=kill_writer.main,
                             args=(str(directory), rng.randrange(10**6), ready))
    writer.start()
    try:
        assert ready.wait(START_TIMEOUT_S), f"the writer did not start (exit code {writer.exitcode})"
        time.sleep(rng.uniform(0.01, 0.25))
    finally:
        os.kill(writer.pid, signal.SIGKILL)
        writer.join()
    assert writer.exitcode == -signal.SIGKILL


def _folded_outbox(con: sqlite3.Connection) -> dict[str, dict]:
    rows: dict[str, dict] = {}
    for row_id, fields, base in con.execute(
            "SELECT row_id, fields, base FROM outbox WHERE table_name = 'customers' ORDER BY seq"):
        if row_id not in rows:
            assert json.loads(base) == {}, "the first entry of a row must be its creation"
            rows[row_id] = {}
        rows[row_id].update(json.loads(fields))
    return rows


def _check(directory: Path) -> int:
    con = sqlite3.connect(directory / "claimcare.sqlite3")
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        folded = _folded_outbox(con)
        stored = {r[0]: dict(zip(SYNCED_COLUMNS, r[1:])) for r in con.execute(
            f"SELECT id, {', '.join(SYNCED_COLUMNS)} FROM customers")}
    finally:
        con.close()
    assert set(folded) == set(stored)
    for row_id, values in stored.items():
        values = {**values, "tags": json.loads(values["tags"]), "deleted": bool(values["deleted"])}
        assert {k: folded[row_id].get(k) for k in SYNCED_COLUMNS} == values, row_id
    return len(stored)


def test_killed_writers_never_leave_a_change_without_its_outbox_entry(tmp_path):
    seed = int(os.environ.get("KILL_TEST_SEED", random.randrange(10**6)))
    rng = random.Random(seed)
    profile = open_profile(tmp_path)
    with profile.session() as s, s.begin():
        add_branch_and_manager(s)
    profile.close()
    counts = []
    context = _processes()
    for kill in range(KILLS):
        _write_then_kill(context, tmp_path, rng)
        try:
            counts.append(_check(tmp_path))
        except AssertionError as exc:
            raise AssertionError(f"after kill {kill + 1} (KILL_TEST_SEED={seed}): {exc}") from exc
    assert counts[-1] > counts[0] > 0, f"the writer made no progress (seed {seed})"
