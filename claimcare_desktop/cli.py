"""`claimcare-desktop`: the app (no sub-command) and its headless sub-commands.

Each sub-command lives in `claimcare_desktop/commands/<name>.py` with `register(subparsers)`;
modules are imported only when listed here, and heavy imports stay inside their `run`.
"""
from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

SUBCOMMAND_MODULES = ("gui", "sync", "export", "generate")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="claimcare-desktop",
                                     description="ClaimCare Desktop: after-claim customer care")
    subparsers = parser.add_subparsers(dest="command")
    for name in SUBCOMMAND_MODULES:
        try:
            module = importlib.import_module(f"claimcare_desktop.commands.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"claimcare_desktop.commands.{name}":
                raise
            continue
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0].startswith("-") and argv[0] not in ("-h", "--help"):
        argv = ["gui", *argv]
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help()
        return 2
    return int(args.run(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
