"""The benchmark profiles, built once and cached in bench/out/ (gitignored).

- branch: one branch of 20,000 customers (the demo generator, seed 7)
- big: one branch of 100,000 customers (about 300,000 visits, 30,000 complaints)
- queue_1m: a copy of big whose visits are multiplied to at least 1,000,000 rows with an
  INSERT … SELECT (new random UUIDs, every other column copied, so the due dates, statuses
  and assignees keep big's distribution). Only the queue and memory checks use it.
- queue_100k: a copy of big thinned to about 100,000 visits (every row whose rowid falls
  in the kept share of each thousand), the first-paint baseline: same customers and claims
  as queue_1m, a tenth of the visits. Histories pointing at removed visits are left as they
  are; only the queue reads this profile.

A profile counts as built when its `.built` marker exists; a half-built folder (an
interrupted run) is removed and built again.
"""
from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

OUT = Path(__file__).resolve().parent / "out"
TODAY = date(2026, 11, 26)
SEED = 7
DB_FILENAME = "claimcare.sqlite3"
MARKER = ".built"


@dataclass(frozen=True)
class Dataset:
    name: str
    directory: Path

    @property
    def database(self) -> Path:
        return self.directory / DB_FILENAME


@dataclass(frozen=True)
class Scale:
    branch: int
    big: int
    million: int  # visits wanted in the queue_1m copy
    hundred_k: int  # visits kept in the queue_100k copy


FULL = Scale(branch=20_000, big=100_000, million=1_000_000, hundred_k=100_000)
QUICK = Scale(branch=500, big=2_000, million=60_000, hundred_k=2_000)


def _is_built(directory: Path) -> bool:
    return (directory / MARKER).exists()


def _start_fresh(directory: Path) -> None:
    if directory.exists():
        shutil.rmtree(directory)
    directory.parent.mkdir(parents=True, exist_ok=True)


def _generate(directory: Path, customers: int) -> None:
    _start_fresh(directory)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "claimcare_desktop.cli", "generate",
                    "--profile", str(directory), "--branches", "1",
                    "--customers", str(customers), "--seed", str(SEED),
                    "--today", TODAY.isoformat()], check=True, stdout=subprocess.DEVNULL)
    (directory / MARKER).write_text(f"generated in {time.perf_counter() - started:.0f} s\n")


_NEW_UUID = ("lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' ||"
             " substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(2)) || '-' ||"
             " hex(randomblob(6)))")


def _visit_columns(con: sqlite3.Connection) -> list[str]:
    return [row[1] for row in con.execute("PRAGMA table_info(visits)")]


def multiply_visits(database: Path, wanted: int) -> int:
    """Copy visits (new ids) until the table holds at least `wanted` rows; returns the count."""
    con = sqlite3.connect(database)
    try:
        con.execute("PRAGMA synchronous=OFF")
        columns = _visit_columns(con)
        copied = ", ".join(_NEW_UUID if c == "id" else c for c in columns)
        (original,) = con.execute("SELECT count(*) FROM visits").fetchone()
        total = original
        while total < wanted:
            batch = min(original, wanted - total)
            con.execute(f"INSERT INTO visits ({', '.join(columns)}) SELECT {copied} FROM visits"
                        f" WHERE rowid <= (SELECT min(rowid) FROM visits) + ? - 1", (batch,))
            total += batch
        con.commit()
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return total
    finally:
        con.close()


def thin_visits(database: Path, wanted: int) -> int:
    """Keep about `wanted` visits, spread evenly over the table; returns the count."""
    con = sqlite3.connect(database)
    try:
        (total,) = con.execute("SELECT count(*) FROM visits").fetchone()
        kept_per_mille = max(1, min(1000, round(1000 * wanted / total)))
        con.execute("DELETE FROM visits WHERE rowid % 1000 >= ?", (kept_per_mille,))
        con.commit()
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return con.execute("SELECT count(*) FROM visits").fetchone()[0]
    finally:
        con.close()


def _copy_database(source: Path, target_dir: Path) -> None:
    _start_fresh(target_dir)
    target_dir.mkdir(parents=True)
    src = sqlite3.connect(source)
    dst = sqlite3.connect(target_dir / DB_FILENAME)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()


def _resized(big: Dataset, directory: Path, wanted: int, resize) -> None:
    started = time.perf_counter()
    _copy_database(big.database, directory)
    total = resize(directory / DB_FILENAME, wanted)
    (directory / MARKER).write_text(
        f"{total} visits, {resize.__name__} from {big.name} in {time.perf_counter() - started:.0f} s\n")


def ensure(scale: Scale, log=print) -> dict[str, Dataset]:
    """The three profiles for `scale`, building whichever is missing."""
    tag = "" if scale == FULL else "quick_"
    sets = {
        "branch": Dataset(f"branch ({scale.branch:,} customers)", OUT / f"{tag}branch_{scale.branch}"),
        "big": Dataset(f"big branch ({scale.big:,} customers)", OUT / f"{tag}big_{scale.big}"),
        "queue_1m": Dataset(f"big branch, visits x to {scale.million:,}",
                            OUT / f"{tag}visits_{scale.million}"),
        "queue_100k": Dataset(f"big branch, visits thinned to {scale.hundred_k:,}",
                              OUT / f"{tag}visits_thinned_{scale.hundred_k}"),
    }
    for key in ("branch", "big"):
        if not _is_built(sets[key].directory):
            log(f"building {sets[key].name} in {sets[key].directory} (takes minutes at full scale)")
            _generate(sets[key].directory, scale.branch if key == "branch" else scale.big)
    for key, wanted, resize in (("queue_1m", scale.million, multiply_visits),
                                 ("queue_100k", scale.hundred_k, thin_visits)):
        if not _is_built(sets[key].directory):
            log(f"building {sets[key].name}")
            _resized(sets["big"], sets[key].directory, wanted, resize)
    return sets


def row_counts(dataset: Dataset, tables=("customers", "claims", "visits", "complaints")) -> dict[str, int]:
    con = sqlite3.connect(f"file:{dataset.database}?mode=ro", uri=True)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
    finally:
        con.close()
