"""A helper process that forks sync workers on demand, for the kill-at-random-points test.

It imports everything once and forks a child per `run PROFILE_DIR` line; the child syncs
that profile in a loop (small batches, so a round is many requests and transactions) until
the test SIGKILLs it. Forking from a clean, single-threaded process makes each victim start
in milliseconds instead of paying the import time of a fresh interpreter.
"""
from __future__ import annotations

import os
import signal
import sys

from claimcare_desktop.store.db import open_profile
from claimcare_desktop.sync import session
from claimcare_desktop.sync.client import HqClient
from claimcare_desktop.sync.errors import SyncError


def _sync_forever(profile_dir: str) -> None:
    profile = open_profile(profile_dir, upgrade=False)
    url = session.remembered(profile).hq_url
    engine = session.engine_for(profile, HqClient(url, retries=0))
    engine.push_batch, engine.pull_limit = 7, 15
    while True:
        try:
            engine.run_once()
        except SyncError:
            pass


def main() -> None:
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # children are reaped automatically
    print("ready", flush=True)
    for line in sys.stdin:
        command, _, profile_dir = line.strip().partition(" ")
        if command != "run":
            continue
        pid = os.fork()
        if pid == 0:
            try:
                _sync_forever(profile_dir)
            finally:
                os._exit(1)
        print(pid, flush=True)


if __name__ == "__main__":
    main()
