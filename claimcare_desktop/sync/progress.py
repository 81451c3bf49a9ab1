"""How a sync round tells its caller how far it is, and lets it cancel.

The engine calls `report(done, total, stage)` with one of the stages below; the app's status
bar shows them. Standard library only, so the app can read the stage names even where the
engine itself cannot be imported.
"""
from __future__ import annotations

from typing import Protocol

SENDING = "sending changes"  # done, total: outbox entries sent, of those waiting
RECEIVING = "receiving changes"  # done: rows received so far (HQ does not know a total)
DERIVING = "updating derived data"  # search keys, risk, cadence visits, care items
FINISHED = "sync finished"


class SyncProgress(Protocol):
    def report(self, done: int, total: int, message: str) -> None: ...

    def cancelled(self) -> bool: ...


class Quiet:
    """Progress nobody watches: reports go nowhere, nothing cancels."""

    def report(self, done: int, total: int, message: str) -> None:
        pass

    def cancelled(self) -> bool:
        return False
