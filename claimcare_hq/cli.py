"""`claimcare-hq`: create, seed, administer and serve the HQ database."""
from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Sequence
from pathlib import Path

DEFAULT_DB = "sqlite:///claimcare-hq.sqlite3"


def _engine(args):
    from .db import make_engine, upgrade

    engine = make_engine(args.db)
    upgrade(engine)
    return engine


def _password(args) -> str:
    if args.password:
        return args.password
    if sys.stdin.isatty():
        return getpass.getpass("Password: ")
    return sys.stdin.readline().rstrip("\n")


def cmd_init_db(args) -> int:
    _engine(args)
    print(f"HQ database ready: {args.db}")
    return 0


def cmd_serve(args) -> int:
    import os

    import uvicorn

    from .app import DB_ENV, create_app

    engine = _engine(args)
    options = {"host": args.host, "port": args.port, "log_level": args.log_level,
               "access_log": False, "timeout_keep_alive": 30}
    if args.workers > 1:  # HQ keeps no state outside the database: workers share nothing
        engine.dispose()
        os.environ[DB_ENV] = args.db
        uvicorn.run("claimcare_hq.app:app_from_environment", factory=True,
                    workers=args.workers, **options)
    else:
        uvicorn.run(create_app(engine), **options)
    return 0


def cmd_seed(args) -> int:
    from .seed import seed_demo

    users = seed_demo(_engine(args), args.branches, args.customers, args.seed, args.password)
    for code, username, role in users:
        print(code, username, role)
    return 0


def cmd_users(args) -> int:
    from . import users

    engine = _engine(args)
    try:
        if args.action == "list":
            for u in users.list_users(engine):
                print(u["code"], u["username"], u["role"], "active" if u["active"] else "disabled")
        elif args.action == "add":
            users.add_user(engine, args.branch, args.username, args.display_name or args.username,
                           args.role, _password(args))
            print(f"added {args.username.lower()}")
        elif args.action == "disable":
            users.disable_user(engine, args.username)
            print(f"disabled {args.username.lower()}; their tokens are revoked")
        else:
            users.reset_password(engine, args.username, _password(args))
            print(f"new password set for {args.username.lower()}; their tokens are revoked")
    except users.AdminError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


def cmd_import_claims(args) -> int:
    from .import_claims import import_claims

    path = Path(args.file)
    if not path.exists():
        print(f"error: {path} does not exist", file=sys.stderr)
        return 1
    report = import_claims(_engine(args), path)
    for number, reason in report.errors:
        print(f"row {number}: {reason}", file=sys.stderr)
    if report.errors:
        print(f"nothing imported: {len(report.errors)} bad row(s)", file=sys.stderr)
        return 1
    print(f"imported {report.created} new and {report.updated} updated claim(s)")
    return 0


def _add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", default=DEFAULT_DB,
                        help="database URL: sqlite:///FILE or postgresql://user@host/db")


def _users_parser(subparsers) -> None:
    users = subparsers.add_parser("users", help="list, add, disable users or reset a password")
    actions = users.add_subparsers(dest="action", required=True)
    listing = actions.add_parser("list")
    add = actions.add_parser("add")
    add.add_argument("username")
    add.add_argument("--branch", required=True, help="branch code")
    add.add_argument("--role", required=True, choices=["manager", "supervisor"])
    add.add_argument("--display-name")
    add.add_argument("--password", help="read from standard input when left out")
    disable = actions.add_parser("disable")
    disable.add_argument("username")
    reset = actions.add_parser("reset-password")
    reset.add_argument("username")
    reset.add_argument("--password", help="read from standard input when left out")
    for action in (listing, add, disable, reset):
        _add_db(action)
    users.set_defaults(run=cmd_users)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="claimcare-hq", description=__doc__)
    subparsers = parser.add_subparsers(dest="command", required=True)
    init = subparsers.add_parser("init-db", help="create or upgrade the database")
    init.set_defaults(run=cmd_init_db)
    serve = subparsers.add_parser("serve", help="run the HTTP API")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8765)
    serve.add_argument("--log-level", default="warning")
    serve.add_argument("--workers", type=int, default=1,
                       help="server processes sharing the port (default 1)")
    serve.set_defaults(run=cmd_serve)
    seed = subparsers.add_parser("seed", help="fill the database with demo branches")
    seed.add_argument("--branches", type=int, default=2)
    seed.add_argument("--customers", type=int, default=50, help="customers per branch")
    seed.add_argument("--seed", type=int, default=7)
    seed.add_argument("--password", required=True)
    seed.set_defaults(run=cmd_seed)
    importer = subparsers.add_parser("import-claims", help="import claims from .xlsx or .csv")
    importer.add_argument("file")
    importer.set_defaults(run=cmd_import_claims)
    for sub in (init, serve, seed, importer):
        _add_db(sub)
    _users_parser(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.run(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
