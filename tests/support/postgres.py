"""A throwaway PostgreSQL cluster for the tests, or an existing server named by a DSN.

PostgreSQL refuses to run as root; CI runs as root, so there the server runs as the
`postgres` system user. Missing binaries are an error, never a skip: the HQ properties
are only proven against the real engine.
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import psycopg
from sqlalchemy import URL

DSN_ENV = "CLAIMCARE_TEST_PG_DSN"
BIN_DIRS = sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)
TEMPLATE_DB = "claimcare_template"


class PostgresMissing(RuntimeError):
    pass


def _find_bin_dir() -> Path:
    preferred = Path("/usr/lib/postgresql/15/bin")
    for candidate in (preferred, *BIN_DIRS):
        if (candidate / "initdb").exists() and (candidate / "pg_ctl").exists():
            return candidate
    on_path = shutil.which("pg_ctl")
    if on_path:
        return Path(on_path).parent
    raise PostgresMissing(
        "PostgreSQL server binaries (initdb, pg_ctl) were not found in /usr/lib/postgresql/*/bin "
        f"or on PATH. Run the tests with `python3 dev.py test` (installs them), install the "
        f"`postgresql` package, or set {DSN_ENV} to a server the tests may create databases on.")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _as_server_user(cmd: list[str]) -> list[str]:
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *cmd]
    return cmd


def _run(cmd: list[str]) -> None:
    result = subprocess.run(_as_server_user(cmd), capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed:\n{result.stdout}\n{result.stderr}")


@dataclass
class PgCluster:
    """A server the tests own: admin DSN plus helpers to make fresh databases."""

    admin_dsn: str
    stop: object = None

    def url(self, dbname: str) -> str:
        """SQLAlchemy URL of database `dbname` on this server."""
        info = psycopg.conninfo.conninfo_to_dict(self.admin_dsn)
        url = URL.create("postgresql+psycopg", username=info.get("user"),
                         password=info.get("password"), host=info.get("host"),
                         port=int(info["port"]) if info.get("port") else None, database=dbname)
        return url.render_as_string(hide_password=False)

    def execute(self, sql: str) -> None:
        with psycopg.connect(self.admin_dsn, autocommit=True) as conn:
            conn.execute(sql)

    def create_database(self, template: str | None = None) -> str:
        name = "t_" + uuid.uuid4().hex[:16]
        suffix = f" TEMPLATE {template}" if template else ""
        self.execute(f'CREATE DATABASE "{name}"{suffix}')
        return name

    def drop_database(self, name: str) -> None:
        self.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextmanager
def _own_cluster() -> Iterator[PgCluster]:
    bin_dir = _find_bin_dir()
    root = Path(tempfile.mkdtemp(prefix="claimcare-pg-"))
    data, sockets = root / "data", root / "sock"
    sockets.mkdir()
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
        shutil.chown(sockets, "postgres")
        os.chmod(root, 0o755)
    port = _free_port()
    _run([str(bin_dir / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust",
          "--no-sync", "-E", "UTF8", "--locale=C"])
    options = (f"-p {port} -k {sockets} -c listen_addresses=127.0.0.1 -c fsync=off "
               "-c synchronous_commit=off -c full_page_writes=off -c max_connections=300")
    _run([str(bin_dir / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(root / "log"),
          "-w", "-t", "60", "start"])
    try:
        yield PgCluster(f"host=127.0.0.1 port={port} user=postgres dbname=postgres")
    finally:
        subprocess.run(_as_server_user([str(bin_dir / "pg_ctl"), "-D", str(data), "-m",
                                        "immediate", "-w", "stop"]), capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


@contextmanager
def postgres_cluster() -> Iterator[PgCluster]:
    """The server named by CLAIMCARE_TEST_PG_DSN, else a throwaway cluster of our own."""
    dsn = os.environ.get(DSN_ENV)
    if dsn:
        yield PgCluster(dsn)
        return
    with _own_cluster() as cluster:
        yield cluster
