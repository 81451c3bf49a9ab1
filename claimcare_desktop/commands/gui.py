"""`claimcare-desktop [gui]`: the desktop app."""
from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("gui", help="start the desktop app (the default)")
    parser.add_argument("--profile", metavar="DIR", help="profile folder (default: the user's data folder)")
    parser.add_argument("--hq", metavar="URL", help="HQ service address, e.g. http://127.0.0.1:8700")
    parser.add_argument("--lang", choices=("zh_CN", "en"), help="language (default: last used, else zh_CN)")
    parser.add_argument("--user", metavar="NAME", help="user name to prefill at sign-in")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from claimcare_desktop.ui.app import run_app

    return run_app(args.profile, args.hq, args.lang, args.user)
