"""Connection settings of a profile, and what happens with a damaged file."""
from __future__ import annotations

import os

import pytest

from claimcare_desktop.store.db import DatabaseDamaged, open_profile
from claimcare_desktop.store.paths import database_file


def test_every_connection_has_wal_full_sync_and_foreign_keys(tmp_path):
    profile = open_profile(tmp_path)
    with profile.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    with profile.session() as session:
        assert session.connection().exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    profile.close()


def test_a_file_of_garbage_is_reported_as_damaged(tmp_path):
    database_file(tmp_path).write_bytes(os.urandom(64 * 1024))
    with pytest.raises(DatabaseDamaged) as caught:
        open_profile(tmp_path)
    assert caught.value.path == database_file(tmp_path)


def test_a_database_with_garbage_written_over_its_pages_is_reported_as_damaged(tmp_path):
    profile = open_profile(tmp_path)
    with profile.engine.begin() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    profile.close()
    path = database_file(tmp_path)
    size = path.stat().st_size
    with path.open("r+b") as f:
        f.seek(4096)  # past the header page: the schema's tables and indexes
        f.write(b"garbage!" * ((size - 4096) // 8))
    with pytest.raises(DatabaseDamaged):
        open_profile(tmp_path)
