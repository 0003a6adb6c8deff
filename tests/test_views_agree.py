"""Every view states the case's figure: on random small reviews with ages, service, notice, a timeline and a
protection scheme, the timeline, the letters, the 12-month redundancy estimate and the finance view's exit costs
give each person the same notice, dates, redundancy pay and protection as their case (rules.case), and every
total equals the sum it claims."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from slotting import slot
from slotting.rules.case import cases
from slotting.rules.exit_costs import exit_costs
from slotting.rules.letters import letters, schedule_words
from slotting.rules.rounding import PENNY, round_cell
from slotting.rules.savings import savings
from slotting.rules.timeline import timeline

from .conftest import build, with_base
from .test_properties import reviews


@st.composite
def dated_reviews(draw) -> dict:
    review = draw(reviews())
    for person in review["people"]:
        if draw(st.booleans()):
            person["date_of_birth"] = f"{draw(st.integers(1950, 1990))}-{draw(st.integers(1, 12)):02d}-15"
        else:
            person["age"] = draw(st.integers(40, 64))
        if draw(st.booleans()):
            person["continuous_service_start"] = f"{draw(st.integers(2008, 2011))}-{draw(st.integers(1, 12)):02d}-01"
        else:
            person["service_years"] = draw(st.integers(0, 20))
        if draw(st.booleans()):
            person["notice_weeks"] = draw(st.integers(0, 26))
    review["review"] = {"name": "r", "effective_date": draw(st.sampled_from(["2012-01-02", "2019-06-01", "2021-06-01"]))}
    if draw(st.booleans()):
        day = review["review"]["effective_date"]
        review["review"]["timeline"] = {"consultation_start": day.replace("-06-01", "-01-10").replace("-01-02", "-01-01")
                                        if day != "2012-01-02" else "2011-10-15",
                                        "decision": day.replace("-06-01", "-03-01") if day != "2012-01-02" else "2011-12-13"}
    if draw(st.booleans()):
        review["policy"]["notice_weeks"] = draw(st.integers(1, 26))
    if draw(st.booleans()):
        review["policy"]["protection"] = {"scheme": "tapered", "shares": [1, 0.5]}
        review["policy"].pop("protection_years", None)
    review["costing"] = {"on_cost_rate": 0.3, "years": 3,
                         "redundancy": {"multiplier": draw(st.sampled_from([1, 2])),
                                        "actual_weeks_pay": draw(st.booleans())}}
    return review


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(dated_reviews())
def test_every_view_states_the_case(data):
    review = build(with_base(data))
    result = slot(review)
    known = cases(review, result)
    dates = timeline(review, result, found=known)
    for person in dates.people:
        case = known[person.person]
        assert (person.notice_weeks, person.earliest_dismissal, person.trial_end, person.protection_end) == (
            case.notice_weeks, case.earliest_dismissal, case.trial_end, case.protection_end)
    for letter in letters(review, result, dates, known):
        if letter.outcome == "out_of_review":
            continue
        case = known[letter.person]
        assert letter.fields["notice_weeks"] == ("" if case.notice_weeks is None else str(case.notice_weeks))
        assert letter.fields["protection_schedule"] == schedule_words(case.protection)
        titles = [review.new_post[p].title for p in case.may_apply_for]
        assert letter.fields["ring_fenced_posts"] == ("; ".join(titles) if case.at_risk else "")
    exits = exit_costs(review, result, known)
    for person in (*exits.displaced, *exits.pool_candidates):
        owed = known[person.person].entitlements
        assert owed is not None
        assert (person.redundancy, person.notice, person.strain, person.employer_ni) == (
            owed.redundancy, owed.notice, owed.strain, owed.employer_ni)
        weeks = known[person.person].notice_weeks
        pay = review.person[person.person].salary * review.fte(person.person)
        assert person.notice.amount == (None if weeks is None else round_cell(weeks * pay / 52, PENNY))
    assert exits.total == sum((p.total for p in exits.displaced), Decimal(0)) + sum(
        (p.amount for p in exits.pools), Decimal(0))
    table = savings(review, result)
    if table.redundancy is not None:
        for person in table.redundancy.people:
            owed = known[person.person].entitlements
            assert owed is not None and person.cost == owed.redundancy_cost


def test_money_is_shown_rounded_half_up_as_every_figure_is():
    from slotting.render.common import money

    assert [money(Decimal(x)) for x in ("0.125", "22339.615", "-2.005", "1000", "5262.5")] == [
        "£0.13", "£22,339.62", "-£2.01", "£1,000", "£5,262.50"]
