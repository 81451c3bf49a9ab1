"""`claimcare-desktop export REPORT --profile DIR --out FILE.xlsx ...`: one Excel report.

Exit codes: 0 written; 2 bad argument (argparse's own code too); 3 the output path cannot be
written; 4 the output file is open in another program (or read-only); 5 not allowed for
this user; 6 the profile has no readable database; 130 interrupted (no file left behind).
"""
from __future__ import annotations

import argparse
import sys
from datetime import date, timedelta
from pathlib import Path

REPORTS = ("visits", "complaints", "kpi", "care", "at-risk")
EXIT_PROFILE = 6
EXIT_INTERRUPTED = 130


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in the form YYYY-MM-DD: {text!r}") from None


def register(subparsers) -> None:
    parser = subparsers.add_parser("export", help="write an Excel report",
                                   description="Write an Excel report of a period and scope.")
    parser.add_argument("report", choices=REPORTS)
    parser.add_argument("--profile", required=True, type=Path, help="profile folder")
    parser.add_argument("--out", required=True, type=Path, help="the .xlsx file to write")
    parser.add_argument("--from", dest="start", type=_day,
                        help="first day (YYYY-MM-DD); default: start of this quarter")
    parser.add_argument("--to", dest="last", type=_day,
                        help="last day, included (YYYY-MM-DD); default: end of this quarter")
    parser.add_argument("--scope", choices=("me", "branch"), default="me")
    parser.add_argument("--user", help="username of who exports (default: the user signed in on this PC)")
    parser.add_argument("--lang", choices=("zh_CN", "en"), default="zh_CN")
    parser.add_argument("--unmasked", action="store_true",
                        help="full phone and ID numbers (supervisors only; recorded in the audit log)")
    parser.set_defaults(run=run)


def _period(start: date | None, last: date | None, today: date) -> tuple[date, date]:
    from claimcare_desktop.domain.periods import period_bounds

    quarter_start, quarter_end = period_bounds("quarter", today)
    start = start or quarter_start
    end = last + timedelta(days=1) if last else max(quarter_end, start + timedelta(days=1))
    return start, end


def _fail(message: str, code: int) -> int:
    print(f"export failed: {message}", file=sys.stderr)
    return code


def run(args) -> int:
    from datetime import datetime

    from claimcare_desktop.domain.timeutil import CHINA_TZ
    from claimcare_desktop.export.errors import ExportError
    from claimcare_desktop.export.request import ExportRequest
    from claimcare_desktop.export.runner import run_export
    from claimcare_desktop.export.who import find_exporter
    from claimcare_desktop.store.db import DatabaseDamaged, open_profile
    from claimcare_desktop.store.paths import database_file

    if args.out.suffix.lower() != ".xlsx":
        return _fail(f"the output file must end in .xlsx: {args.out}", 2)
    if not database_file(args.profile).is_file():
        return _fail(f"no profile database in {args.profile}", EXIT_PROFILE)
    start, end = _period(args.start, args.last, datetime.now(CHINA_TZ).date())
    try:
        profile = open_profile(args.profile)
    except DatabaseDamaged as exc:
        return _fail(str(exc), EXIT_PROFILE)
    try:
        user = find_exporter(profile, args.user)
        request = ExportRequest(args.report, args.out.resolve(), start, end, args.scope,
                                args.lang, args.unmasked)
        result = run_export(profile, user, request)
    except ExportError as exc:
        return _fail(exc.message_in(args.lang), exc.exit_code)
    except KeyboardInterrupt:
        return _fail("interrupted; no file was written", EXIT_INTERRUPTED)
    finally:
        profile.close()
    print(f"wrote {result.rows} row(s) to {result.path}")
    return 0
