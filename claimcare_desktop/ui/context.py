"""What every screen is given: the profile, who is signed in, and the shared services."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from claimcare_desktop.store.db import Profile

    from .changes import ChangeBus
    from .settings import Settings
    from .tasks import TaskRunner

WORKSPACE_NAMES = ("visit_queue", "care_profile", "complaints", "dashboard", "export")


@dataclass(frozen=True)
class CurrentUser:
    id: str
    username: str
    display_name: str
    role: str
    branch_id: str
    branch_name: str

    @property
    def is_supervisor(self) -> bool:
        from claimcare_desktop.domain.vocab import Role  # its enums cost ms before the first window

        return self.role == Role.SUPERVISOR


Navigator = Callable[..., None]


class AppContext:
    """Shared by the main window and every workspace; `navigate` is wired by the shell."""

    def __init__(self, profile: Profile, user: CurrentUser, tasks: TaskRunner,
                 changes: ChangeBus, settings: Settings, hq_url: str | None = None,
                 hq_token: str | None = None) -> None:
        self.profile = profile
        self.user = user
        self.tasks = tasks
        self.changes = changes
        self.settings = settings
        self.hq_url = hq_url
        self.hq_token = hq_token
        self._navigator: Navigator | None = None

    def set_navigator(self, navigator: Navigator) -> None:
        self._navigator = navigator

    def navigate(self, target: str, **kwargs: Any) -> None:
        """Show workspace `target` (one of WORKSPACE_NAMES), e.g. with complaint_id=..."""
        if target not in WORKSPACE_NAMES:
            raise ValueError(f"unknown workspace {target!r}")
        if self._navigator is not None:
            self._navigator(target, **kwargs)
