from datetime import date

from hypothesis import given, strategies as st

from claimcare_desktop.domain.risk import RISK_WEIGHTS, RiskFacts, RiskReason, score_risk

TODAY = date(2026, 3, 4)


def test_no_facts_no_risk():
    result = score_risk(RiskFacts(), TODAY)
    assert (result.score, result.level, result.reasons) == (0, "low", [])


def test_reasons_explain_the_score_heaviest_first():
    facts = RiskFacts(last_satisfaction=2, open_complaints=1, next_renewal=date(2026, 4, 1))
    result = score_risk(facts, TODAY)
    assert result.reasons == [
        RiskReason("low_satisfaction", 25, {"score": 2}),
        RiskReason("open_complaint", 15, {"count": 1}),
        RiskReason("renewal_due", 15, {"days": 28}),
    ]
    assert (result.score, result.level) == (55, "high")


def test_counts_are_capped_per_reason_and_score_at_100():
    result = score_risk(RiskFacts(open_complaints=9), TODAY)
    assert result.score == RISK_WEIGHTS["open_complaint"].cap == 30
    assert result.level == "medium"
    everything = RiskFacts(1, 5, 5, 5, 5, TODAY, 5, 5)
    assert score_risk(everything, TODAY).score == 100


def test_lukewarm_and_renewal_window():
    assert score_risk(RiskFacts(last_satisfaction=3), TODAY).reasons[0].code == "lukewarm_satisfaction"
    assert score_risk(RiskFacts(last_satisfaction=4), TODAY).score == 0
    assert score_risk(RiskFacts(next_renewal=date(2026, 5, 4)), TODAY).score == 0  # 61 days
    assert score_risk(RiskFacts(next_renewal=date(2026, 3, 3)), TODAY).score == 0  # already past


counts = st.integers(0, 6)


@given(st.one_of(st.none(), st.integers(1, 5)), counts, counts, counts, counts, counts, counts,
       st.one_of(st.none(), st.dates(date(2026, 1, 1), date(2026, 12, 31))))
def test_score_is_bounded_and_equals_its_reasons(sat, open_c, breached, late, unreachable, rejected, partial, renewal):
    facts = RiskFacts(sat, open_c, breached, late, unreachable, renewal, rejected, partial)
    result = score_risk(facts, TODAY)
    assert 0 <= result.score <= 100
    assert result.score == min(100, sum(r.weight for r in result.reasons))
    assert result.level == ("high" if result.score >= 50 else "medium" if result.score >= 25 else "low")
    worse = score_risk(RiskFacts(sat, open_c + 1, breached, late, unreachable, renewal, rejected, partial), TODAY)
    assert worse.score >= result.score
