"""Telling a damaged profile file from a sound one, with the standard library only.

Kept apart from `db` (which needs SQLAlchemy) so the app can recognise and report a
damaged file before the heavy imports have happened.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path


class DatabaseDamaged(Exception):
    """The profile's file is not a usable SQLite database (corrupted, truncated, or not ours)."""

    def __init__(self, path: Path, detail: str):
        super().__init__(f"{path}: {detail}")
        self.path = path
        self.detail = detail


SQLITE_MAGIC = b"SQLite format 3\x00"
HEADER_SIZE = 100
DAMAGE_FOUND_SUFFIX = "-damage-found"  # beside the database: what a full check reported


def _header_problem(path: Path) -> str | None:
    """What is wrong with the file's 100-byte header and size, without SQLite (microseconds)."""
    size = path.stat().st_size
    if size == 0:
        return None  # SQLite's empty database
    with path.open("rb") as f:
        header = f.read(HEADER_SIZE)
    if len(header) < HEADER_SIZE or not header.startswith(SQLITE_MAGIC):
        return "file is not a database (no SQLite header)"
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        return f"file is not a database (page size {page_size})"
    pages = int.from_bytes(header[28:32], "big")
    size_is_valid = header[24:28] == header[92:96]  # SQLite's own rule for the page count
    wal = path.with_name(path.name + "-wal")
    if size_is_valid and size < pages * page_size and not (wal.exists() and wal.stat().st_size):
        return f"file is truncated: {size} bytes of {pages * page_size}"
    return None


def check_readable(path: Path) -> None:
    """Fail early, with a clear error, on a file SQLite cannot read as a database.

    Cheap (milliseconds at any size): the header, the file's length and the whole schema.
    Damage inside the tables is found by `find_damage`, which the app runs in the
    background; when it reported damage before (`damage_reported`), the full check runs
    here, so the damaged file is refused at the next start.
    """
    if not path.exists():
        return
    problem = _header_problem(path)
    if problem:
        raise DatabaseDamaged(path, problem)
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            con.execute("SELECT count(*), max(length(sql)) FROM sqlite_schema").fetchone()
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise DatabaseDamaged(path, str(exc)) from exc
    if damage_reported(path):
        found = find_damage(path)
        if found:
            raise DatabaseDamaged(path, found)
        damage_marker(path).unlink(missing_ok=True)


def find_damage(path: Path, connection: sqlite3.Connection | None = None) -> str | None:
    """SQLite's `quick_check` of every page: None when the file is sound, else its report.

    Seconds on a big profile: run it off the GUI thread. Pass `connection` (a read-only
    one of your own) to be able to `interrupt()` it from another thread.
    """
    con = connection or sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        lines = [row[0] for row in con.execute("PRAGMA quick_check(20)")]
    except sqlite3.DatabaseError as exc:
        if isinstance(exc, sqlite3.OperationalError) and "interrupt" in str(exc):
            raise
        return str(exc)
    finally:
        if connection is None:
            con.close()
    return None if lines == ["ok"] else "\n".join(lines)


def damage_marker(path: Path) -> Path:
    return path.with_name(path.name + DAMAGE_FOUND_SUFFIX)


def report_damage(path: Path, detail: str) -> None:
    """Remember that `find_damage` found `detail`, so the next open checks the whole file."""
    damage_marker(path).write_text(detail + "\n", encoding="utf-8")


def damage_reported(path: Path) -> bool:
    return damage_marker(path).exists()
