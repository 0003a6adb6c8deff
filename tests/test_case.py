"""The per-person case (rules.case), worked by hand: the relevant date, ages and service on the day each rule
needs, employer NI on exit payments, and the views reading the case's figures."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from slotting import slot
from slotting.rules.case import cases, whole_years
from slotting.rules.exit_costs import exit_costs
from slotting.rules.timeline import timeline

from .conftest import build, with_base

D = dt.date


def _review(person: dict, *, effective: str, timeline_: dict | None = None, costing: dict | None = None):
    """One person displaced from O1 (no overlaps), salary 104,000 (£2,000 a week)."""
    review = {"name": "t", "effective_date": effective}
    if timeline_:
        review["timeline"] = timeline_
    return build(with_base({
        "review": review,
        "old_structure": {"posts": [{"id": "O1", "title": "Head", "grade": "G4"}]},
        "new_structure": {"posts": [{"id": "N1", "title": "Other", "grade": "G4"}]},
        "people": [{"id": "P1", "post": "O1", "salary": 104000, **person}],
        "costing": {"on_cost_rate": 0.3, **(costing or {})},
        "overlaps": []}))


def test_whole_years_count_a_birthday_on_the_day():
    assert whole_years(D(1957, 2, 15), D(2012, 2, 14)) == 54
    assert whole_years(D(1957, 2, 15), D(2012, 2, 15)) == 55
    assert whole_years(D(1960, 2, 29), D(2015, 2, 28)) == 54  # a 29 February birthday falls on 1 March


def test_a_55th_birthday_within_notice_triggers_strain():
    """Born 15 February 1957: 54 on the effective date (2 January 2012) but 55 when 12 weeks' notice given on
    14 December 2011 (the day after the decision) expires, 7 March 2012: LGPS reg 30(7), strain 20,000 x 2."""
    strain = {"pension_strain": {"min_age": 55, "factors": {55: 2}}}
    person = {"date_of_birth": "1957-02-15", "service_years": 20, "notice_weeks": 12, "pension": 20000}
    review = _review(person, effective="2012-01-02", timeline_={"decision": "2011-12-13"}, costing=strain)
    case = cases(review, slot(review))["P1"]
    assert case.employment_ends == D(2012, 3, 7) and case.relevant_date == D(2012, 3, 7)
    assert case.entitlements is not None and case.entitlements.strain.amount == 40000
    assert "at age 55 (on the day employment ends 2012-03-07" in case.entitlements.strain.basis
    aged = _review({**{k: v for k, v in person.items() if k != "date_of_birth"}, "age": 54}, effective="2012-01-02",
                   timeline_={"decision": "2011-12-13"}, costing=strain)
    owed = cases(aged, slot(aged))["P1"].entitlements
    assert owed is not None and owed.strain.amount == 0 and "as given, on the effective date" in owed.strain.basis


def test_the_cap_is_the_one_in_force_on_the_relevant_date():
    """Effective 20 January 2012, notice in lieu: relevant date extended by the statutory minimum (ERA 1996
    s.145(5)). 1 week (service under 2 years is no redundancy pay, so take 3 years: 3 weeks) -> 10 February 2012,
    after the £430 limit of 1 February; 2 years' service, 2 weeks -> 3 February: £430 too. Effective 10 January
    with 2 years -> 24 January: £400. Aged 30: a week a year."""
    def weeks_pay(effective: str, years: int) -> Decimal:
        review = _review({"age": 30, "service_years": years}, effective=effective)
        owed = cases(review, slot(review))["P1"].entitlements
        assert owed is not None and owed.redundancy.amount is not None
        return owed.redundancy.amount / years
    assert weeks_pay("2012-01-20", 3) == 430
    assert weeks_pay("2012-01-20", 2) == 430
    assert weeks_pay("2012-01-10", 2) == 400


def test_service_counted_to_the_relevant_date():
    """Continuous employment from 10 January 2010: on 9 January 2012 one complete year (nothing, s.155); a
    relevant date of 10 January 2012 or later gives two. Effective 2 January 2012 with notice in lieu: 1 complete
    year on 2 January, so 1 week's statutory notice (s.86), relevant date 9 January: still one year."""
    short = _review({"age": 30, "continuous_service_start": "2010-01-10"}, effective="2012-01-02")
    case = cases(short, slot(short))["P1"]
    assert case.relevant_date == D(2012, 1, 9) and case.service_years == 1
    assert case.entitlements is not None and case.entitlements.redundancy.amount == 0
    later = _review({"age": 30, "continuous_service_start": "2010-01-10"}, effective="2012-01-03")
    case = cases(later, slot(later))["P1"]
    assert case.relevant_date == D(2012, 1, 10) and case.service_years == 2
    assert case.entitlements is not None and case.entitlements.redundancy.amount == 2 * 400


def test_employer_ni_on_a_2021_enhanced_exit():
    """Effective 1 June 2021, notice in lieu. Aged 50, 20 years: ages 49..41 at 1.5 (13.5) and 40..30 at 1 (11) =
    24.5 statutory weeks x 3 (reg 6) = 73.5 weeks at the actual £2,000 (reg 5) = 147,000. Notice 12 weeks =
    24,000. Employer NI at 13.8%: Class 1 on the PILON 3,312 (since 6 April 2018); Class 1A on 147,000 - 30,000 =
    117,000: 16,146 (since 6 April 2020). Exit cost 147,000 + 24,000 + 19,458 = 190,458."""
    enhanced = {"redundancy": {"actual_weeks_pay": True, "multiplier": 3}}
    review = _review({"age": 50, "service_years": 20}, effective="2021-06-01", costing=enhanced)
    owed = cases(review, slot(review))["P1"].entitlements
    assert owed is not None
    assert (owed.redundancy.amount, owed.notice.amount, owed.employer_ni.amount) == (147000, 24000, 19458)
    assert "Class 1 at 13.8% on the pay in lieu" in owed.employer_ni.basis and "Class 1A" in owed.employer_ni.basis
    assert exit_costs(review, slot(review)).total == 190458
    before = _review({"age": 50, "service_years": 20}, effective="2019-06-01", costing=enhanced)
    owed = cases(before, slot(before))["P1"].entitlements
    assert owed is not None and owed.employer_ni.amount == Decimal("0.138") * 24000  # no Class 1A before April 2020
    older = _review({"age": 50, "service_years": 20}, effective="2017-06-01", costing=enhanced)
    owed = cases(older, slot(older))["P1"].entitlements
    assert owed is not None and owed.employer_ni.amount == 0


def test_the_policy_notice_is_the_same_in_the_timeline_and_the_exit_costs():
    """policy.notice_weeks: 26 is everyone's contractual notice: the timeline and the exit cost both use 26 weeks."""
    review = _review({"age": 40, "service_years": 5}, effective="2012-06-01", timeline_={"decision": "2012-03-01"})
    data = review.model_copy(update={"policy": review.policy.model_copy(update={"notice_weeks": 26})})
    result = slot(data)
    dates = {p.person: p for p in timeline(data, result).people}
    assert dates["P1"].notice_weeks == 26
    person = exit_costs(data, result).displaced[0]
    assert person.notice.amount == 26 * 2000 and "26 weeks' contractual notice" in person.notice.basis


def test_explain_names_the_settings_behind_a_match_above_the_band_and_a_grade_up():
    """A 90/90 overlap one grade up is not assimilated (grades differ) and, with no match_upper, is matched: a
    promotion without competition the seed's band (25% to 74%) would not give. explain says so and names the
    fields; with match_upper: 74 it is no claim."""
    from slotting.render.explain import explain_text

    data = with_base({
        "old_structure": {"posts": [{"id": "O1", "title": "Old", "grade": "G2"}]},
        "new_structure": {"posts": [{"id": "N1", "title": "New", "grade": "G3"}]},
        "people": [{"id": "P1", "post": "O1", "salary": 31000}],
        "overlaps": [{"old_post": "O1", "new_post": "N1", "old_in_new": 90, "new_from_old": 90}]})
    review = build(data)
    result = slot(review)
    assert result.person("P1").outcome == "matched"
    text = "".join(explain_text(result, "P1", review))
    assert "above 74%, the top of the match band" in text and "match_upper: 74" in text
    assert "a match 1 grade up, a promotion without competition" in text
    held = build({**data, "policy": {"match_upper": 74}})
    assert slot(held).person("P1").outcome == "displaced"


def test_explain_states_the_case():
    """explain reads the case: P02 of the finance example, notice given 21 December 2011 (after objections close),
    12 weeks' contractual notice to 14 March 2012, the £430 limit of that relevant date, strain at 56."""
    from .conftest import ROOT, cli

    result = cli("explain", str(ROOT / "examples" / "finance" / "leicester_2011_finance.yaml"), "P02")
    assert result.exit_code == 0, result.stderr
    text = result.stdout
    assert "Notice: 12 weeks' contractual notice." in text
    assert "notice given 21 December 2011, earliest dismissal 14 March 2012" in text
    assert "Redundancy pay: £11,825" in text and "capped at £430 on the relevant date 2012-03-14" in text
    assert "Pension strain: £54,000" in text
    bundled = cli("explain", str(ROOT / "examples" / "leicester_2011.yaml"), "P16").stdout
    assert "Pay protection ends 1 January 2014." in bundled and "If made redundant" not in bundled


def test_tapered_shares_of_the_original_or_the_current_fall():
    """51,000 on Grade 4 matched to a Grade 3 post: placed at the top, 42,000, a fall of 9,000. Tapered [1, 0.5],
    effective 1 April 2012. A 2% award from 2013/14 raises the new pay to 42,840: the fall is then 8,160. Year 2
    protection: half the current fall, 4,080 (shares_of: current), or half the original, 4,500, never more than the
    fall that remains (shares_of: original)."""
    from slotting.rules.savings import savings

    def year_two(shares_of: str) -> Decimal:
        review = build(with_base({
            "review": {"name": "t", "effective_date": "2012-04-01"},
            "policy": {"protection": {"scheme": "tapered", "shares": [1, 0.5], "shares_of": shares_of}},
            "old_structure": {"posts": [{"id": "O1", "title": "Head", "grade": "G4"}]},
            "new_structure": {"posts": [{"id": "N1", "title": "Lead", "grade": "G3"}]},
            "people": [{"id": "P1", "post": "O1", "salary": 51000}],
            "costing": {"on_cost_rate": 0, "round_to": 1, "years": 3, "pay_awards": {"2013/14": 0.02}},
            "overlaps": [{"old_post": "O1", "new_post": "N1", "old_in_new": 80, "new_from_old": 80}]}))
        finance = savings(review, slot(review)).finance
        assert finance is not None
        assert finance.years[0].protection == 9000
        return finance.years[1].protection
    assert year_two("current") == 4080
    assert year_two("original") == 4500


def test_shares_of_is_for_the_tapered_scheme():
    import pytest

    from slotting import InputError

    with pytest.raises(InputError, match="shares_of is for the tapered scheme"):
        build(with_base({"policy": {"protection": {"scheme": "cash", "shares_of": "original"}}}))
