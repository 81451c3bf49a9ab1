"""Connection settings of a profile, and what happens with a damaged file."""
from __future__ import annotations

import os

import pytest

from claimcare_desktop.store.db import (
    WAL_SIZE_LIMIT,
    DatabaseDamaged,
    damage_reported,
    find_damage,
    open_profile,
    report_damage,
)
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


def profile_with_rows(folder, rows=3000):
    """A closed profile whose last pages hold `rows` sync_state rows, checkpointed."""
    profile = open_profile(folder)
    with profile.engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO sync_state (key, value) VALUES (?, ?)",
                             [(f"k{i:05d}", "v" * 200) for i in range(rows)])
    with profile.engine.begin() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    profile.close()
    return database_file(folder)


def overwrite_page(path, page_from_end):
    size, page = path.stat().st_size, 4096
    with path.open("r+b") as f:
        f.seek(size - page * page_from_end + 100)  # inside the page, past its b-tree header
        f.write(os.urandom(page - 200))


def test_a_truncated_file_is_refused_at_once(tmp_path):
    path = profile_with_rows(tmp_path)
    with path.open("r+b") as f:
        f.truncate(path.stat().st_size // 2)
    with pytest.raises(DatabaseDamaged) as caught:
        open_profile(tmp_path)
    assert "truncated" in caught.value.detail


def test_open_is_cheap_and_the_full_check_finds_a_damaged_page(tmp_path):
    path = profile_with_rows(tmp_path)
    assert find_damage(path) is None
    overwrite_page(path, page_from_end=20)
    open_profile(tmp_path).close()  # the header and schema are fine: opening does not read every page
    found = find_damage(path)
    assert found is not None and found != "ok"
    report_damage(path, found)
    with pytest.raises(DatabaseDamaged) as caught:
        open_profile(tmp_path)  # damage reported earlier: the next open checks the whole file
    assert caught.value.detail == found
    assert path.exists() and damage_reported(path)  # nothing deleted


def test_a_sound_file_reported_as_damaged_opens_and_the_report_is_cleared(tmp_path):
    path = profile_with_rows(tmp_path, rows=10)
    report_damage(path, "*** in database main ***")
    open_profile(tmp_path).close()
    assert not damage_reported(path)


def test_a_big_write_leaves_no_big_wal_file_behind_once_checkpointed(tmp_path):
    profile = open_profile(tmp_path)
    wal = database_file(tmp_path).with_name(database_file(tmp_path).name + "-wal")
    megabyte = "x" * (1024 * 1024)
    with profile.engine.begin() as conn:  # like a first sync's page or a big planning
        conn.exec_driver_sql("PRAGMA wal_autocheckpoint=0")
        for n in range(WAL_SIZE_LIMIT // (1024 * 1024) + 16):
            conn.exec_driver_sql("INSERT INTO sync_state (key, value) VALUES (?, ?)",
                                 (f"bulk-{n}", megabyte))
        conn.exec_driver_sql("DELETE FROM sync_state WHERE key LIKE 'bulk-%'")
    assert wal.stat().st_size > WAL_SIZE_LIMIT
    with profile.engine.begin() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(PASSIVE)")
    with profile.engine.begin() as conn:  # the next write starts the WAL over, trimmed
        conn.exec_driver_sql("INSERT INTO sync_state (key, value) VALUES ('after', '1')")
    assert wal.stat().st_size <= WAL_SIZE_LIMIT
    profile.close()
