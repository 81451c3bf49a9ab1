from datetime import date

from hypothesis import given, strategies as st

from claimcare_desktop.domain.careplan import (
    CareCustomer, ClaimSummary, PolicySummary, needs_dedicated_advisor, plan_care, plan_care_for_year,
)
from claimcare_desktop.domain.festivals import festival_dates
from claimcare_desktop.domain.ids import care_item_id
from claimcare_desktop.domain.workcalendar import is_working_day

CUSTOMER = CareCustomer("cust-1", birth_date=date(1980, 5, 20))
HEALTH = ClaimSummary("claim-h", "health", date(2026, 3, 1), 5_000_00)
AUTO = ClaimSummary("claim-a", "auto", date(2026, 3, 1), 9_000_00)
POLICY = PolicySummary("pol-1", date(2026, 9, 30))


def _kinds(items):
    return [(i.kind, i.due_date, i.key) for i in items]


def test_festival_dates_come_from_the_holiday_table():
    assert festival_dates(2026) == {
        "spring_festival": date(2026, 2, 17), "dragon_boat": date(2026, 6, 19),
        "mid_autumn": date(2026, 9, 25), "national_day": date(2026, 10, 1),
    }
    assert festival_dates(2150) == {}


def test_full_year_plan():
    items = plan_care_for_year(CUSTOMER, [HEALTH, AUTO], [POLICY], 2026)
    assert _kinds(items) == [
        ("festival", date(2026, 2, 14), "spring_festival"),  # make-up Saturday before the holiday
        ("health_reminder", date(2026, 3, 31), "claim-h:30"),
        ("birthday", date(2026, 5, 20), ""),
        ("health_reminder", date(2026, 5, 30), "claim-h:90"),
        ("festival", date(2026, 6, 18), "dragon_boat"),
        ("renewal_reminder", date(2026, 8, 31), "pol-1"),
        ("festival", date(2026, 9, 24), "mid_autumn"),
        ("festival", date(2026, 9, 30), "national_day"),
    ]
    assert items[2].params == {"age": 46}
    assert all(is_working_day(i.due_date) for i in items if i.kind == "festival")
    assert items[0].id == care_item_id("cust-1", "festival", date(2026, 2, 14), "spring_festival")


def test_window_is_half_open():
    items = plan_care(CUSTOMER, [], [], date(2026, 5, 20), date(2026, 6, 18))
    assert _kinds(items) == [("birthday", date(2026, 5, 20), "")]


def test_no_marketing_consent_drops_greetings_only():
    customer = CareCustomer("cust-1", date(1980, 5, 20), consent_marketing=False)
    kinds = {i.kind for i in plan_care_for_year(customer, [HEALTH], [POLICY], 2026)}
    assert kinds == {"health_reminder", "renewal_reminder"}


def test_do_not_disturb_keeps_renewal_reminders_only():
    customer = CareCustomer("cust-1", date(1980, 5, 20), do_not_disturb=True)
    kinds = {i.kind for i in plan_care_for_year(customer, [HEALTH], [POLICY], 2026)}
    assert kinds == {"renewal_reminder"}


def test_leap_day_birthday_in_common_year():
    customer = CareCustomer("c", birth_date=date(2000, 2, 29))
    birthdays = [i.due_date for i in plan_care_for_year(customer, [], [], 2027) if i.kind == "birthday"]
    assert birthdays == [date(2027, 2, 28)]


def test_no_birthday_before_birth():
    customer = CareCustomer("c", birth_date=date(2026, 5, 1))
    assert not [i for i in plan_care_for_year(customer, [], [], 2026) if i.kind == "birthday"]


def test_dedicated_advisor_threshold():
    assert needs_dedicated_advisor(100_000_00)
    assert not needs_dedicated_advisor(99_999_99)
    assert needs_dedicated_advisor(500_00, threshold_fen=500_00)


@given(st.dates(date(2000, 1, 1), date(2090, 12, 31)), st.integers(1, 400), st.booleans(), st.booleans())
def test_plans_are_deterministic_unique_and_inside_the_window(start, days, consent, dnd):
    end = date.fromordinal(start.toordinal() + days)
    customer = CareCustomer("c", date(1970, 1, 1), consent, dnd)
    items = plan_care(customer, [HEALTH], [POLICY], start, end)
    assert items == plan_care(customer, [HEALTH], [POLICY], start, end)
    assert len({i.id for i in items}) == len(items)
    assert all(start <= i.due_date < end for i in items)
    if dnd:
        assert all(i.kind == "renewal_reminder" for i in items)
