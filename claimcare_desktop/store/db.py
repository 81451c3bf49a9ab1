"""Opening a profile's database: file, pragmas, schema upgrade, session factory."""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from . import outbox
from .damage import (  # noqa: F401 - re-exported: callers know them from here
    DAMAGE_FOUND_SUFFIX,
    DatabaseDamaged,
    check_readable,
    damage_reported,
    find_damage,
    report_damage,
)
from .paths import database_file


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


WAL_SIZE_LIMIT = 64 * 1024 * 1024


def _set_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    # A first sync or a big planning grows the WAL to hundreds of MB; without a limit the
    # file keeps that size for as long as the app runs.
    cursor.execute(f"PRAGMA journal_size_limit={WAL_SIZE_LIMIT}")
    cursor.close()


def make_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}", future=True)
    event.listen(engine, "connect", _set_pragmas)
    return engine


def open_profile(directory: Path | str, upgrade: bool = True) -> Profile:
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    path = database_file(directory)
    check_readable(path)
    engine = make_engine(path)
    if upgrade:
        from . import schema  # imports alembic (~0.4 s): at start that happens on the worker

        schema.upgrade_to_head(engine)
    sessions = sessionmaker(engine, expire_on_commit=False)
    outbox.install(sessions)
    return Profile(directory, engine, sessions)
