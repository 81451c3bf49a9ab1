"""Opening a profile's database: file, pragmas, schema upgrade, session factory."""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from . import outbox, schema
from .paths import database_file


class DatabaseDamaged(Exception):
    """The profile's file is not a usable SQLite database (corrupted, truncated, or not ours)."""

    def __init__(self, path: Path, detail: str):
        super().__init__(f"{path}: {detail}")
        self.path = path
        self.detail = detail


@dataclass(frozen=True)
class Profile:
    directory: Path
    engine: Engine
    sessions: sessionmaker[Session]

    @property
    def database_path(self) -> Path:
        return database_file(self.directory)

    def session(self, user_id: str | None = None) -> Session:
        s = self.sessions()
        s.info["user_id"] = user_id
        return s

    def close(self) -> None:
        self.engine.dispose()


def _set_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def make_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}", future=True)
    event.listen(engine, "connect", _set_pragmas)
    return engine


def check_readable(path: Path) -> None:
    """Fail early, with a clear error, on a file SQLite cannot read as a database."""
    if not path.exists():
        return
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            con.execute("PRAGMA schema_version").fetchone()
            (result,) = con.execute("PRAGMA quick_check").fetchone()
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise DatabaseDamaged(path, str(exc)) from exc
    if result != "ok":
        raise DatabaseDamaged(path, result)


def open_profile(directory: Path | str, upgrade: bool = True) -> Profile:
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    path = database_file(directory)
    check_readable(path)
    engine = make_engine(path)
    if upgrade:
        schema.upgrade_to_head(engine)
    sessions = sessionmaker(engine, expire_on_commit=False)
    outbox.install(sessions)
    return Profile(directory, engine, sessions)
