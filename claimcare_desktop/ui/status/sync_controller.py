"""Runs `SyncEngine.run_once` on the network lane every minute and on demand.

After each run it reads the outbox size and the last successful sync on the DB lane
and publishes a `SyncStatus`; the status bar only displays it.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal

from claimcare_desktop.store.models import SYNCED_MODELS

from ..context import AppContext
from ..tasks import Task

log = logging.getLogger(__name__)

SYNC_INTERVAL_MS = 60_000
ROUND_RETRIES = 2
SYNCED_TABLES = frozenset(model.__tablename__ for model in SYNCED_MODELS)


@dataclass(frozen=True)
class SyncStatus:
    online: bool
    running: bool
    pending: int | None
    last_sync_at: datetime | None
    problem: str = ""  # offline | signed_out | sign_in_expired | unavailable | failed
    refused: int = 0  # changes HQ refused since the app started
    # while running: what the round is doing (a stage of sync/progress.py) and how far
    stage: str = ""
    done: int = 0
    total: int = 0  # changes to send; rows to receive are not known in advance

    @property
    def needs_sign_in(self) -> bool:
        """HQ no longer accepts the token: signing in again is what helps."""
        return not self.running and self.problem in ("signed_out", "sign_in_expired")


def _counters(profile) -> tuple[int | None, datetime | None]:
    try:
        from claimcare_desktop.sync.engine import last_sync_at, pending_changes
    except ImportError:
        return None, None
    return pending_changes(profile), last_sync_at(profile)


def _make_client(ctx: AppContext):
    from claimcare_desktop.sync.client import HqClient

    # one keep-alive session for the whole run of the app; few retries inside a round,
    # since the timer tries again within a minute anyway
    return HqClient(ctx.hq_url, token=ctx.hq_token, retries=ROUND_RETRIES)


def _run_once(ctx: AppContext, client, state):
    from claimcare_desktop.sync.engine import SyncEngine, device_id

    return SyncEngine(ctx.profile, client, device_id(ctx.profile)).run_once(state)


class SyncController(QObject):
    sig_status = Signal(object)  # SyncStatus

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._task: Task | None = None
        self._client = None
        self._again = False  # a round is wanted as soon as the running one ends
        self.status = SyncStatus(online=ctx.hq_token is not None, running=False, pending=None,
                                 last_sync_at=None, problem="" if ctx.hq_token else "offline")
        self.timer = QTimer(self, interval=SYNC_INTERVAL_MS)
        self.timer.timeout.connect(self.sync_now)
        ctx.changes.sig_changed.connect(lambda _tables: self.refresh_counters())

    def start(self) -> None:
        self.timer.start()
        self.sync_now()

    def sync_now(self) -> None:
        if self._task is not None:
            return
        self._again = False
        if not (self._ctx.hq_url and self._ctx.hq_token):
            self._publish(online=False, running=False, problem="offline")
            self.refresh_counters()
            return
        self._publish(running=True, stage="", done=0, total=0)
        if self._client is None:
            self._client = _make_client(self._ctx)
        client = self._client
        self._task = self._ctx.tasks.run_net(lambda state: _run_once(self._ctx, client, state),
                                             on_done=self._synced, on_error=self._failed)
        self._task.sig_progress.connect(self._progressed)

    def _progressed(self, done: int, total: int, stage: str) -> None:
        if self._task is not None:  # a report queued before the round's end is not shown
            self._publish(stage=stage, done=done, total=total)

    def signed_in_again(self, token: str) -> None:
        """Use the token of a new sign-in from now on, and sync at once."""
        self._ctx.hq_token = token
        if self._client is not None:
            self._client.token = token
        if self._task is None:
            self.sync_now()
        else:  # a round still using the old token: another one right after it
            self._again = True

    def _after_round(self) -> None:
        self.refresh_counters()
        if self._again:
            self.sync_now()

    def _synced(self, report) -> None:
        self._task = None
        refused = getattr(report, "rejected", 0)
        self._publish(online=True, running=False, problem="", refused=self.status.refused + refused)
        if getattr(report, "received", 0) or refused:  # refused new rows left this PC
            self._ctx.changes.notify(SYNCED_TABLES)
        self._after_round()

    def _failed(self, error: BaseException) -> None:
        from claimcare_desktop.sync.errors import HqUnreachable, NotSignedIn, TokenExpired

        self._task = None
        if isinstance(error, HqUnreachable):
            problem = "offline"
        elif isinstance(error, TokenExpired):  # before NotSignedIn, its base class
            problem = "sign_in_expired"
        elif isinstance(error, NotSignedIn):
            problem = "signed_out"
        elif isinstance(error, ImportError):
            problem = "unavailable"
        else:
            log.error("sync failed", exc_info=error)
            problem = "failed"
        self._publish(online=False, running=False, problem=problem)
        self._after_round()

    def refresh_counters(self) -> None:
        profile = self._ctx.profile
        self._ctx.tasks.run_db(lambda state: _counters(profile), on_done=self._counted)

    def _counted(self, counters: tuple[int | None, datetime | None]) -> None:
        pending, last = counters
        self._publish(pending=pending, last_sync_at=last)

    def _publish(self, **changes) -> None:
        self.status = SyncStatus(**{**self.status.__dict__, **changes})
        self.sig_status.emit(self.status)
