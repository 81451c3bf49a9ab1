"""The generator is a pure function of its spec, streams bounded batches in FK order."""
from __future__ import annotations

from datetime import date

from claimcare_desktop.demo.context import TABLE_ORDER
from claimcare_desktop.demo.generator import MAX_BATCH_ROWS, DemoSpec, generate
from claimcare_desktop.demo.parallel import generate_in_processes
from claimcare_desktop.store.models import MODEL_BY_TABLE

SMALL = DemoSpec(seed=5, branches=2, customers_per_branch=40, today=date(2026, 3, 2))


def test_same_seed_gives_identical_rows():
    assert list(generate(SMALL)) == list(generate(SMALL))


def test_another_seed_gives_other_people():
    names = lambda spec: [r["name"] for t, rows in generate(spec) if t == "customers" for r in rows]
    other = DemoSpec(seed=6, branches=2, customers_per_branch=40, today=SMALL.today)
    assert names(SMALL) != names(other)


def test_a_branch_does_not_change_when_more_branches_are_asked_for():
    one = [b for b in generate(DemoSpec(seed=5, branches=1, customers_per_branch=40,
                                        today=SMALL.today))]
    two = list(generate(SMALL))
    assert two[:len(one)] == one


def test_batches_are_bounded_in_fk_order_with_model_columns(monkeypatch):
    monkeypatch.setattr("claimcare_desktop.demo.generator.CHUNK_CUSTOMERS", 100)
    seen: list[str] = []
    for table, rows in generate(DemoSpec(seed=1, branches=1, customers_per_branch=150,
                                         today=SMALL.today)):
        assert 0 < len(rows) <= MAX_BATCH_ROWS
        columns = set(MODEL_BY_TABLE[table].__table__.columns.keys()) | {"branch_id"}
        for row in rows:
            assert set(row) <= columns - {"modified_at"}, table
            assert row["branch_id"]
        seen.append(table)
    # within each chunk tables come in TABLE_ORDER; chunks restart at customers
    positions = [TABLE_ORDER.index(t) for t in seen]
    restarts = [i for i in range(1, len(positions)) if positions[i] < positions[i - 1]]
    assert all(seen[i] == "customers" for i in restarts)
    assert len(restarts) == 1  # 150 customers in chunks of 100: two chunks


def test_worker_processes_yield_exactly_the_same_batches(monkeypatch):
    monkeypatch.setattr("claimcare_desktop.demo.generator.CHUNK_CUSTOMERS", 30)
    spec = DemoSpec(seed=9, branches=2, customers_per_branch=70, today=SMALL.today)
    assert list(generate_in_processes(spec, workers=2)) == list(generate(spec))
