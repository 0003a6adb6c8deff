"""`slotting timeline` (issue 19): statutory dates worked by hand."""

from __future__ import annotations

import datetime as dt

import pytest
from icalendar import Calendar

from slotting import slot
from slotting.rules.timeline import add_working_days, collective_period, timeline

from .conftest import EXAMPLE, build, cli, with_base

D = dt.date


@pytest.mark.parametrize(("proposed", "start", "days"), [
    (19, D(2012, 1, 9), None), (20, D(2012, 1, 9), 30), (99, D(2014, 1, 9), 30),
    (100, D(2013, 4, 5), 90),  # the day before the 2013 order came into force
    (100, D(2013, 4, 6), 45), (250, D(2020, 1, 6), 45)])
def test_collective_consultation_minimum_by_count_and_date(proposed, start, days):
    assert collective_period(proposed, start)[0] == days


@pytest.mark.parametrize(("start", "days", "nation", "expected"), [
    # Christmas 2012: 25 and 26 December and 1 January are bank holidays everywhere; 2 January in Scotland too.
    (D(2012, 12, 21), 5, "england-and-wales", D(2013, 1, 2)),
    (D(2012, 12, 21), 5, "scotland", D(2013, 1, 3)),
    # Easter 2012: Good Friday 6 April everywhere; Easter Monday 9 April not in Scotland.
    (D(2012, 4, 5), 2, "england-and-wales", D(2012, 4, 11)),
    (D(2012, 4, 5), 2, "scotland", D(2012, 4, 10)),
    (D(2012, 4, 5), 2, "northern-ireland", D(2012, 4, 11)),
    (D(2011, 12, 2), 5, "england-and-wales", D(2011, 12, 9)),  # Leicester: list 2/12/11, appeals by 9/12/11
])
def test_working_days_skip_weekends_and_the_nations_bank_holidays(start, days, nation, expected):
    assert add_working_days(start, days, nation) == expected


def _review(people: int, service: list[int], start="2012-01-09", notice=None):
    data = with_base({
        "review": {"name": "t", "effective_date": "2012-06-01",
                   "timeline": {"consultation_start": start, "decision": "2012-03-01"}},
        "policy": {"objection_working_days": 5, **({"notice_weeks": notice} if notice else {})},
        "old_structure": {"posts": [{"id": "O1", "title": "A", "grade": "G2", "count": people}]},
        "new_structure": {"posts": [{"id": "N1", "title": "N", "grade": "G2"}]},
        "people": [{"id": f"P{i:03d}", "post": "O1", "salary": 30000, "age": 60, "service_years": service[i % len(service)]}
                   for i in range(people)],
        "overlaps": []})
    return build(data)


def test_notice_is_statutory_or_contractual_whichever_is_longer():
    review = _review(4, [0, 1, 12, 20])
    dates = {p.person: p for p in timeline(review, slot(review)).people}
    assert [dates[f"P{i:03d}"].notice_weeks for i in range(4)] == [1, 1, 12, 12]  # ERA 1996 s.86(1)
    # Objections close 5 working days after 1 March 2012 (Thursday): 8 March. Notice from 9 March.
    assert dates["P000"].earliest_dismissal == D(2012, 3, 16)
    assert dates["P002"].earliest_dismissal == D(2012, 3, 9) + dt.timedelta(weeks=12)
    contractual = _review(2, [3], notice=8)
    assert [p.notice_weeks for p in timeline(contractual, slot(contractual)).people] == [8, 8]


def test_collective_consultation_dates_the_first_dismissal_and_the_hr1():
    """20 displaced, consultation from 9 January 2012: 30 days, so no dismissal before 8 February. Objections close
    8 March, notice is given on 9 March (one week, service under two years: ERA 1996 s.86(1)), so the first
    dismissal takes effect on 16 March. HR1 (TULRCA 1992 s.193) is due before the first notice (by 8 March) and at
    least 30 days before the first dismissal (by 15 February): the earlier, 15 February, not 30 days before the
    effective date (2 May), which would come after the notices and the dismissals."""
    review = _review(20, [1])
    found = timeline(review, slot(review))
    steps = {s.what: s.date for s in found.steps}
    assert found.proposed_dismissals == 20
    assert steps["No dismissal may take effect before"] == D(2012, 2, 8)
    assert {p.earliest_dismissal for p in found.people} == {D(2012, 3, 16)}
    assert steps["Notify the Secretary of State (form HR1) by"] == D(2012, 2, 15)
    assert not found.warnings
    late = _review(20, [1], start="2012-03-01")  # consultation from 1 March: first dismissal from 31 March
    late_found = timeline(late, slot(late))
    assert {p.earliest_dismissal for p in late_found.people} == {D(2012, 3, 31)}
    # HR1: 30 days before 31 March is 1 March; the day before the first notice (9 March) is 8 March: 1 March.
    assert {s.what: s.date for s in late_found.steps}["Notify the Secretary of State (form HR1) by"] == D(2012, 3, 1)
    # Notice on 9 March, 8 days into a 30-day consultation begun on 1 March: warned.
    assert any("before 30 days of collective consultation" in w for w in late_found.warnings)


def test_hr1_before_notice_when_notice_is_long():
    """12 weeks' notice given on 9 March ends 1 June; HR1 30 days before that would be 2 May, after the notices:
    it is due the day before the first notice, 8 March (TULRCA 1992 s.193)."""
    review = _review(20, [12])
    found = timeline(review, slot(review))
    assert {s.what: s.date for s in found.steps}["Notify the Secretary of State (form HR1) by"] == D(2012, 3, 8)


def _pool(people: int):
    data = with_base({
        "review": {"name": "t", "effective_date": "2012-06-01",
                   "timeline": {"consultation_start": "2012-01-09", "decision": "2012-03-01"}},
        "old_structure": {"posts": [{"id": "O1", "title": "A", "grade": "G2", "count": people}]},
        "new_structure": {"posts": [{"id": "N1", "title": "N", "grade": "G2"}]},
        "people": [{"id": f"P{i:03d}", "post": "O1", "salary": 30000, "age": 60, "service_years": 5}
                   for i in range(people)],
        "overlaps": [{"old_post": "O1", "new_post": "N1", "old_in_new": 80, "new_from_old": 80}]})
    return build(data)


def test_counts_either_side_of_a_threshold_are_warned():
    """A pool of 100 for one place: 99 proposed dismissals (30 days) against 100 at risk (90 days in 2012,
    TULRCA 1992 s.188(1A)); a pool of 20 for one place: 19 proposed (no minimum) against 20 at risk (30 days)."""
    for size, threshold in ((100, "100"), (20, "20")):
        review = _pool(size)
        found = timeline(review, slot(review))
        assert found.proposed_dismissals == size - 1
        assert any(f"either side of {threshold}" in n for n in found.notes), found.notes
    small = _pool(19)
    assert not any("either side" in n for n in timeline(small, slot(small)).notes)


def test_the_example_gives_the_reports_dates():
    result = cli("timeline", str(EXAMPLE), "-f", "json")
    assert result.exit_code == 0, result.stderr
    import json

    steps = {s["what"]: s["date"] for s in json.loads(result.stdout)["steps"]}
    assert steps["Appeals against the slotting close"] == "2011-12-09"  # the business case's 9/12/11
    assert steps["Assessments (competency and competitive) held by"] == "2011-12-20"  # interviews 20&21/12/11
    assert steps["Objections to dismissals close"] == "2011-12-20"  # five working days after 13 December
    assert steps["Collective consultation"] is None


def test_the_calendar_parses_back():
    result = cli("timeline", str(EXAMPLE), "-f", "ics", "--people")
    assert result.exit_code == 0
    calendar = Calendar.from_ical(result.stdout_bytes)
    events = {str(e["summary"]).split(": ", 1)[1]: e.decoded("dtstart") for e in calendar.walk("VEVENT")}
    assert events["Appeals against the slotting close"] == D(2011, 12, 9)
    assert events["The new structure takes effect"] == D(2012, 1, 2)
    assert cli("timeline", str(EXAMPLE), "-f", "ics").stdout.count("pay protection ends") == 0


def test_timeline_dates_out_of_order_are_refused():
    from slotting import InputError

    data = with_base({"review": {"name": "t", "effective_date": "2012-01-01",
                                 "timeline": {"consultation_start": "2012-03-01", "decision": "2012-02-01"}}})
    with pytest.raises(InputError) as err:
        build(data)
    assert [f"{p.path}: {p.message}" for p in err.value.problems] == [
        "review.effective_date: 2012-01-01 is before the decision (2012-02-01)",
        "review.timeline.decision: 2012-02-01 is before consultation_start (2012-03-01)"]
