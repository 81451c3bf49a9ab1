"""The payout bars: red past 48 h, green within, grey dashed while unpaid."""
from __future__ import annotations

from datetime import datetime, timedelta

from claimcare_desktop.store.customer_profile import ClaimEntry
from claimcare_desktop.ui.care_profile.timeline import LATE, ON_TIME, PENDING, ClaimsTimeline, payout_span

CONFIRMED = datetime(2026, 3, 1, 2, 0)
NOW = CONFIRMED + timedelta(days=3)


def claim(no: str, paid_after: timedelta | None) -> ClaimEntry:
    paid = CONFIRMED + paid_after if paid_after is not None else None
    return ClaimEntry(no, no, "auto", "paid", CONFIRMED - timedelta(days=2), CONFIRMED, paid, None, 0, 0)


def colours_in(image) -> set[str]:
    return {image.pixelColor(x, y).name() for x in range(0, image.width(), 2) for y in range(image.height())}


def test_bars_are_coloured_by_the_48_hour_target(qtbot):
    timeline = ClaimsTimeline()
    qtbot.addWidget(timeline)
    timeline.resize(700, 100)
    claims = [claim("fast", timedelta(hours=20)), claim("slow", timedelta(hours=60)), claim("open", None)]
    timeline.set_claims(claims, NOW)
    assert payout_span(claims[2], NOW) == timedelta(days=3)
    assert timeline.height() == 20 + 22 * 3
    found = colours_in(timeline.grab().toImage())
    assert {ON_TIME.name(), LATE.name(), PENDING.name()} <= found


def test_a_rejected_claim_owes_nothing_and_draws_no_bar(qtbot):
    from claimcare_desktop.ui.care_profile.sections import payout_text

    rejected = ClaimEntry("r", "r", "health", "rejected", CONFIRMED - timedelta(days=2), CONFIRMED,
                          None, None, 0, 0)
    owed = ClaimEntry("o", "o", "health", "open", CONFIRMED - timedelta(days=2), CONFIRMED,
                      None, None, 0, 0)
    assert not rejected.awaits_payout and owed.awaits_payout
    assert payout_span(rejected, NOW) is None and payout_span(owed, NOW) == timedelta(days=3)
    assert payout_text(rejected) == "No payout (rejected)" and payout_text(owed) == "Not paid yet"
    timeline = ClaimsTimeline()
    qtbot.addWidget(timeline)
    timeline.resize(700, 100)
    timeline.set_claims([rejected], NOW)
    assert PENDING.name() not in colours_in(timeline.grab().toImage())
