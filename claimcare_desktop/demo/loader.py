"""Loading demo data into a desktop profile: bulk inserts, batched commits, derived fields.

The rows come from HQ's point of view (nothing to push), so they bypass the ORM and the
outbox. While loading, this connection relaxes `synchronous` to NORMAL (safe with WAL;
at worst the last batches are lost on power failure and the demo is generated again).
"""
from __future__ import annotations

from collections import Counter

from claimcare_desktop.store.bulk import BulkInserter
from claimcare_desktop.store.derived import refresh_risk, refresh_search_keys
from claimcare_desktop.store.kpi_cache import begin_bulk_load, end_bulk_load
from claimcare_desktop.store.models import MODEL_BY_TABLE

from .generator import DemoSpec, generate
from .parallel import generate_in_processes

ROWS_PER_COMMIT = 20_000


def _inserters() -> dict[str, BulkInserter]:
    return {name: BulkInserter(model.__table__) for name, model in MODEL_BY_TABLE.items()}


def _commit(conn) -> None:
    """Each committed batch marks every KPI fact changed once, instead of row by row."""
    end_bulk_load(conn)
    conn.commit()
    begin_bulk_load(conn)


def load_into_profile(profile, spec: DemoSpec, workers: int = 1) -> dict[str, int]:
    """Insert everything `generate(spec)` yields; returns rows written per table.

    With `workers` > 1 the rows are built in that many worker processes (same rows)."""
    counts: Counter[str] = Counter()
    inserters = _inserters()
    with profile.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA synchronous=NORMAL")
        try:
            since_commit = 0
            source = generate(spec) if workers < 2 else generate_in_processes(spec, workers)
            begin_bulk_load(conn)
            for table, rows in source:
                counts[table] += inserters[table].insert(conn, rows)
                since_commit += len(rows)
                if since_commit >= ROWS_PER_COMMIT:
                    _commit(conn)
                    since_commit = 0
            end_bulk_load(conn)
            conn.commit()
            refresh_search_keys(conn)
            refresh_risk(conn, spec.resolved_today())
            conn.commit()
        finally:
            conn.exec_driver_sql("PRAGMA synchronous=FULL")
    return dict(counts)
