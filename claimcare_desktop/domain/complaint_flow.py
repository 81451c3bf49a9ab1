"""Complaint state machine: which event may happen in which state, by whom.

A complaint has exactly one owner at all times; reassigning hands it to a different
person. Reopening a resolved complaint puts it back to `acknowledged` (its owner keeps
working it); reopening a closed one puts it back to `open`, so it needs a fresh
acknowledgement, and only a supervisor may do that.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from .errors import DomainError
from .vocab import (
    COMPLAINT_EVENT_KINDS,
    PAUSE_REASONS,
    ROLES,
    ComplaintEventKind as K,
    ComplaintState as S,
    Role,
    require_member,
)

_BOTH = frozenset(ROLES)
_SUPERVISOR = frozenset({Role.SUPERVISOR})
_ACTIVE = (S.OPEN, S.ACKNOWLEDGED, S.PAUSED, S.ESCALATED)
_ALL = _ACTIVE + (S.RESOLVED, S.CLOSED)

# (state, event) -> (new state, roles allowed). None as new state keeps the state.
# Resuming is special-cased: it returns to the state the complaint was paused from.
_TRANSITIONS: dict[tuple[str, str], tuple[str | None, frozenset[str]]] = {
    (S.OPEN, K.ACKNOWLEDGED): (S.ACKNOWLEDGED, _BOTH),
    **{(s, K.NOTE): (None, _BOTH) for s in _ALL},
    **{(s, K.REASSIGNED): (None, _SUPERVISOR) for s in _ACTIVE},
    (S.ACKNOWLEDGED, K.PAUSED): (S.PAUSED, _BOTH),
    (S.ESCALATED, K.PAUSED): (S.PAUSED, _BOTH),
    (S.PAUSED, K.RESUMED): (None, _BOTH),
    **{(s, K.ESCALATED): (S.ESCALATED, _BOTH) for s in (S.OPEN, S.ACKNOWLEDGED, S.PAUSED)},
    (S.ESCALATED, K.ESCALATED): (None, _BOTH),  # one level higher
    **{(s, K.RESOLVED): (S.RESOLVED, _BOTH) for s in _ACTIVE},
    (S.RESOLVED, K.CLOSED): (S.CLOSED, _BOTH),
    # Closing without a resolution (the customer withdrew) is a supervisor's call.
    **{(s, K.CLOSED): (S.CLOSED, _SUPERVISOR) for s in _ACTIVE},
    (S.RESOLVED, K.REOPENED): (S.ACKNOWLEDGED, _BOTH),
    (S.CLOSED, K.REOPENED): (S.OPEN, _SUPERVISOR),
}


def _next_state(state: str | None, event_kind: str, paused_from: str | None) -> str:
    if state is None:
        if event_kind == K.OPENED:
            return S.OPEN
        raise DomainError("invalid_transition", state="new", event=event_kind)
    rule = _TRANSITIONS.get((state, event_kind))
    if rule is None:
        raise DomainError("invalid_transition", state=state, event=event_kind)
    new_state, _roles = rule
    if event_kind == K.RESUMED:
        return paused_from or S.ACKNOWLEDGED
    return state if new_state is None else new_state


def _check_role(state: str | None, event_kind: str, role: str) -> None:
    require_member(role, ROLES, "role")
    if state is None:
        return
    _new_state, roles = _TRANSITIONS[(state, event_kind)]
    if role not in roles:
        raise DomainError("role_forbidden", role=role, state=state, event=event_kind)


def check_pause_reason(reason: str | None) -> str:
    if not reason:
        raise DomainError("pause_reason_required")
    return require_member(reason, PAUSE_REASONS, "pause_reason")


def check_reassignment(current_owner: str | None, new_owner: str | None) -> None:
    if not current_owner or not new_owner:
        raise DomainError("reassign_owner_required")
    if current_owner == new_owner:
        raise DomainError("reassign_same_owner", owner=new_owner)


def validate_transition(
    state: str | None,
    event_kind: str,
    role: str,
    *,
    reason: str | None = None,
    current_owner: str | None = None,
    new_owner: str | None = None,
    paused_from: str | None = None,
) -> str:
    """The state after `event_kind`, or DomainError if it is not allowed.

    `state` is None for a complaint being created (event `opened`). A pause needs a
    reason from PAUSE_REASONS; a reassignment needs both owners and they must differ;
    `paused_from` tells a resume where to return (default `acknowledged`).
    """
    require_member(event_kind, COMPLAINT_EVENT_KINDS, "complaint_event_kind")
    new_state = _next_state(state, event_kind, paused_from)
    _check_role(state, event_kind, role)
    if event_kind == K.PAUSED:
        check_pause_reason(reason)
    if event_kind == K.REASSIGNED:
        check_reassignment(current_owner, new_owner)
    return new_state


@dataclass(frozen=True)
class ComplaintEvent:
    """One entry of a complaint's history, as the clocks need it."""

    kind: str
    at_utc: datetime
    reason: str | None = None


def replay_state(events: list[ComplaintEvent]) -> str:
    """The state reached by an already accepted history (roles are not re-checked).

    Events a merged history makes impossible (say, two devices both resolved) are
    skipped rather than refused: the history is a fact, the state is derived from it.
    """
    state: str | None = None
    paused_from: str | None = None
    for event in events:
        if state is None and event.kind != K.OPENED:
            state = S.OPEN  # histories may start after `opened` was trimmed
        try:
            new_state = _next_state(state, event.kind, paused_from)
        except DomainError:
            continue
        if new_state == S.PAUSED and state != S.PAUSED:
            paused_from = state
        state = new_state
    return state or S.OPEN
