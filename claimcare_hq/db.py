"""HQ's database: engine for a URL (PostgreSQL via psycopg 3, or SQLite for demos), migrations."""
from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, text

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def normalize_url(url: str) -> str:
    """`postgresql://` and `postgres://` mean psycopg 3 here."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def _sqlite_connect(dbapi_connection, _record) -> None:
    # We issue BEGIN ourselves (see _sqlite_begin); pysqlite's implicit BEGIN is deferred.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def _sqlite_begin(conn) -> None:
    # SQLite has no SELECT … FOR UPDATE: an immediate transaction takes the write lock up
    # front, which gives the same "commit order == sequence order" guarantee for the demo.
    conn.exec_driver_sql("BEGIN IMMEDIATE")


# As many pooled connections as the server has worker threads (anyio's default is 40): with
# fewer, busy moments opened and closed overflow connections on nearly every request, and
# connecting was a quarter of the sync endpoints' time under 200 devices.
POOL_SIZE = 40


def make_engine(url: str, pool_size: int = POOL_SIZE) -> Engine:
    url = normalize_url(url)
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    return create_engine(url, pool_size=pool_size, max_overflow=pool_size // 4,
                         pool_recycle=1800)


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revisions() -> list[str]:
    return list(ScriptDirectory.from_config(alembic_config()).get_heads())


# Two HQ processes starting at once on one PostgreSQL database (`serve` upgrades first) take
# turns: the second finds the schema at head and the stored pull forms installed.
_UPGRADE_LOCK = 0x434C41494D485131  # "CLAIMHQ1"


def upgrade(engine: Engine) -> None:
    """Bring HQ's schema to the newest migration (Alembic does nothing when it is there) and,
    on PostgreSQL, install the rows' stored pull form (wire_rows.py)."""
    from .wire_rows import install

    cfg = alembic_config()
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _UPGRADE_LOCK})
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
        if conn.dialect.name == "postgresql":
            install(conn)
