"""Single visit save: `visit_ops.log_attempt` (one ORM transaction with its outbox entries).

Runs on a scratch copy of the dataset (saves change it) with the app's pragmas
(WAL, synchronous=FULL). Each save logs a reached call with satisfaction on a different
open visit. Baseline: the same statements replayed in plain sqlite3 in one transaction,
with the visit and attempt ids swapped for fresh ones.
"""
from __future__ import annotations

import os
import shutil
import sqlite3
import time
from pathlib import Path

from claimcare_desktop.domain.ids import new_id
from claimcare_desktop.store.db import open_profile
from claimcare_desktop.store.visit_ops import Actor, AttemptInput, log_attempt

from .bare_sql import Statement, capture, open_bare
from .datasets import DB_FILENAME, OUT, Dataset
from .measure import Result, median, p95
from .people import branch_people

MAX_MS = 5.0
ENTRY = AttemptInput(channel="phone", result="reached", satisfaction=5, feedback="客户表示满意")


def _scratch_copy(dataset: Dataset) -> Path:
    scratch = OUT / "scratch_save"
    if scratch.exists():
        shutil.rmtree(scratch)
    scratch.mkdir(parents=True)
    src, dst = sqlite3.connect(dataset.database), sqlite3.connect(scratch / DB_FILENAME)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()
    return scratch


def _once_each(statements: list[Statement]) -> list[Statement]:
    """SQLite's trace repeats a statement for every step of a trigger it fires (the KPI
    marks): replayed as captured, the visit's update would run six times."""
    return [s for i, s in enumerate(statements) if i == 0 or s != statements[i - 1]]


def _open_visits(con: sqlite3.Connection, count: int) -> list[str]:
    return [r[0] for r in con.execute(
        "SELECT id FROM visits WHERE status = 'open' AND deleted = 0 ORDER BY rowid LIMIT ?", (count,))]


def _swap(value, swaps: dict[str, str]):
    if isinstance(value, str):
        for old, new in swaps.items():
            value = value.replace(old, new)
    return value


def _replay_write(con: sqlite3.Connection, statements: list[Statement], swaps: dict[str, str]) -> float:
    started = time.perf_counter()
    con.execute("BEGIN")
    for sql, params in statements:
        con.execute(_swap(sql, swaps), tuple(_swap(p, swaps) for p in params)).fetchall()
    con.execute("COMMIT")
    return (time.perf_counter() - started) * 1000


def fsync_ms(folder: Path, count: int = 100) -> list[float]:
    """The disk's floor for a durable commit: write 4 KiB, fsync, as WAL + FULL does."""
    probe = folder / "fsync_probe"
    fd = os.open(probe, os.O_WRONLY | os.O_CREAT)
    times = []
    try:
        for i in range(count):
            os.pwrite(fd, b"x" * 4096, (i % 16) * 4096)
            started = time.perf_counter()
            os.fsync(fd)
            times.append((time.perf_counter() - started) * 1000)
    finally:
        os.close(fd)
        probe.unlink()
    return times


def wal_commit_ms(folder: Path, count: int = 100) -> list[float]:
    """The floor for a durable save: one-row insert commits in plain sqlite3, WAL + FULL."""
    path = folder / "wal_probe.sqlite3"
    con = sqlite3.connect(path, isolation_level=None)
    times = []
    try:
        con.execute("PRAGMA journal_mode=WAL")
        con.execute("PRAGMA synchronous=FULL")
        con.execute("CREATE TABLE IF NOT EXISTS probe (id INTEGER PRIMARY KEY, note TEXT)")
        for i in range(count):
            started = time.perf_counter()
            con.execute("BEGIN")
            con.execute("INSERT INTO probe (note) VALUES (?)", (f"save {i}",))
            con.execute("COMMIT")
            times.append((time.perf_counter() - started) * 1000)
    finally:
        con.close()
    return times


def run(dataset: Dataset, saves: int = 200) -> list[Result]:
    scratch = _scratch_copy(dataset)
    profile = open_profile(scratch)
    bare = open_bare(scratch / DB_FILENAME)
    people = branch_people(scratch / DB_FILENAME)
    actor = Actor(people.supervisor_id, "supervisor", people.branch_id)
    try:
        visits = _open_visits(bare, 2 * saves + 1)
        logged = []
        statements = _once_each(capture(profile.engine, lambda: logged.append(
            log_attempt(profile, actor, visits[0], ENTRY))))
        template = {visits[0]: "", logged[0].attempt_id: ""}
        save_ms, save_cpu, bare_ms, floor_ms = [], [], [], []
        for i in range(saves):
            started, cpu = time.perf_counter(), time.thread_time()
            log_attempt(profile, actor, visits[1 + 2 * i], ENTRY)
            save_ms.append((time.perf_counter() - started) * 1000)
            save_cpu.append((time.thread_time() - cpu) * 1000)
            swaps = dict(zip(template, (visits[2 + 2 * i], new_id())))
            bare_ms.append(_replay_write(bare, statements, swaps))
            if i % 2 == 0:  # the disk's floor, alternating with the saves
                floor_ms.extend(wal_commit_ms(scratch, 1))
        disk = fsync_ms(scratch)
    finally:
        bare.close()
        profile.close()
        shutil.rmtree(scratch)
    floor = p95(floor_ms)
    return [Result("visit save", f"one-row insert commit in plain sqlite3 (the disk's floor) @ {dataset.name}",
                   floor, None, "ms", "— (reference)", True,
                   f"wall p95 of {len(floor_ms)} commits alternating with the saves, WAL + FULL;"
                   f" the save's margin over it: {p95(save_ms) - floor:.1f} ms"),
            Result("visit save", f"log a reached call @ {dataset.name}", p95(save_ms), p95(bare_ms),
                   "ms", f"< {MAX_MS:g} ms", p95(save_ms) < MAX_MS,
                   f"wall p95 of {saves} saves (median {median(save_ms):.1f} ms; CPU p95 {p95(save_cpu):.1f} ms),"
                   f" synchronous=FULL, WAL;"
                   f" {len(statements)} statements; the disk alone: one 4 KiB write + fsync"
                   f" p95 {p95(disk):.1f} ms, median {median(disk):.1f} ms")]
