"""`claimcare-desktop generate`: fill a profile with realistic demo data."""
from __future__ import annotations

import argparse
import os
from datetime import date
from pathlib import Path


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"expected YYYY-MM-DD, got {text!r}") from exc


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("generate", help="fill a profile with demo data")
    parser.add_argument("--profile", type=Path, default=None,
                        help="profile folder (default: the user's default profile)")
    parser.add_argument("--branches", type=_positive, default=2)
    parser.add_argument("--customers", type=_positive, default=500, help="customers per branch")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--today", type=_date, default=None,
                        help="the date the data is built around (default: today)")
    parser.add_argument("--workers", type=_positive, default=min(4, os.cpu_count() or 1),
                        help="processes building the data (default: CPUs, at most 4)")
    parser.set_defaults(run=run)


def _has_data(profile) -> bool:
    with profile.engine.connect() as conn:
        return conn.exec_driver_sql("SELECT 1 FROM branches LIMIT 1").first() is not None


def run(args: argparse.Namespace) -> int:
    from claimcare_desktop.demo.generator import DemoSpec, load_into_profile
    from claimcare_desktop.store.db import open_profile
    from claimcare_desktop.store.paths import default_profile_dir

    profile = open_profile(args.profile or default_profile_dir())
    try:
        if _has_data(profile):
            print(f"{profile.database_path} already holds data; use an empty profile folder")
            return 1
        spec = DemoSpec(seed=args.seed, branches=args.branches,
                        customers_per_branch=args.customers, today=args.today)
        counts = load_into_profile(profile, spec, workers=args.workers)
    finally:
        profile.close()
    for table, count in counts.items():
        print(f"{table:>18} {count:>10,}")
    print(f"demo data written to {profile.database_path}")
    return 0
