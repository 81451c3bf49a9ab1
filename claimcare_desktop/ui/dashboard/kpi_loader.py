"""Loads the dashboard's KPI pieces on the database lane, newest request only.

Each piece is its own job and the next one is queued only when the previous returns, so
the visit queue's and the tracker's own queries get their turn in between. A new request
(another period or scope) makes every answer still on its way for the old one ignored.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from claimcare_desktop.store.kpi_queries import ManagerKpis, managers_of

from ..context import AppContext
from .loading import KpiRequest, load_manager, load_summary, load_trend


class KpiLoader(QObject):
    sig_summary = Signal(object)  # KpiSummary
    sig_trend = Signal(object)  # list[MonthKpis]
    sig_managers = Signal(object)  # list[ManagerKpis] loaded so far
    sig_failed = Signal(object)  # the exception

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._generation = 0
        self.request: KpiRequest | None = None
        self._trend_started = False
        self._managers_started = False
        self.managers: list[ManagerKpis] = []

    def _run(self, job: Callable[[Any], Any], on_done: Callable[[Any], None]) -> None:
        generation, engine = self._generation, self._ctx.profile.engine

        def run(state):
            with engine.connect() as conn:
                return job(conn)

        def done(result):
            if generation == self._generation:
                on_done(result)

        def failed(error):
            if generation == self._generation:
                self.sig_failed.emit(error)

        self._ctx.tasks.run_db(run, on_done=done, on_error=failed)

    def start(self, request: KpiRequest) -> None:
        self._generation += 1
        self.request = request
        self._trend_started = self._managers_started = False
        self.managers = []
        self._run(lambda conn: load_summary(conn, request), self.sig_summary.emit)

    def want_trend(self) -> None:
        if self.request is None or self._trend_started:
            return
        self._trend_started = True
        request = self.request
        self._run(lambda conn: load_trend(conn, request), self.sig_trend.emit)

    def want_managers(self) -> None:
        if self.request is None or self._managers_started:
            return
        self._managers_started = True
        if self.request.scope.manager_id is not None:
            self.sig_managers.emit([])  # one manager chosen: nothing to compare
            return
        branch_id = self.request.scope.branch_id
        self._run(lambda conn: managers_of(conn, branch_id), lambda people: self._next_manager(list(people)))

    def _next_manager(self, waiting: list[tuple[str, str]]) -> None:
        if not waiting:
            return
        (manager_id, name), rest = waiting[0], waiting[1:]
        request = self.request

        def loaded(row: ManagerKpis) -> None:
            self.managers.append(row)
            self.sig_managers.emit(list(self.managers))
            self._next_manager(rest)

        self._run(lambda conn: load_manager(conn, request, manager_id, name), loaded)
