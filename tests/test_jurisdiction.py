"""review.jurisdiction, worked by hand: Northern Ireland's consultation (Employment Rights (Northern Ireland) Order
1996 Art 216), notification (Art 221), notice (Art 118) and week's-pay limits (Art 23, the Increase of Limits
Orders (Northern Ireland)), with the dates for which no NI limit is known; Scotland's discretionary compensation
regulations; the bank holidays following the jurisdiction; contradictions refused where they are written."""

from __future__ import annotations

import datetime as dt
import importlib.util
from decimal import Decimal

import pytest
import yaml

from slotting import slot
from slotting.data import in_force
from slotting.reading.loader import load as load_review
from slotting.rules.case import cases
from slotting.rules.dates import collective
from slotting.rules.redundancy import weekly_limit
from slotting.rules.savings import savings
from slotting.rules.timeline import timeline

from .conftest import ROOT, build, cli, with_base

D = dt.date
NI = ROOT / "examples" / "northern-ireland"


def _review(person: dict, *, effective: str, review: dict | None = None, costing: dict | None = None):
    """One person displaced from O1 (no overlaps), salary 52,000 (£1,000 a week)."""
    return build(with_base({
        "review": {"name": "t", "effective_date": effective, **(review or {})},
        "old_structure": {"posts": [{"id": "O1", "title": "Head", "grade": "G4"}]},
        "new_structure": {"posts": [{"id": "N1", "title": "Other", "grade": "G4"}]},
        "people": [{"id": "P1", "post": "O1", "salary": 52000, **person}],
        "costing": costing or {}, "overlaps": []}))


def test_the_example_is_what_its_script_writes():
    spec = importlib.util.spec_from_file_location("ni_make", NI / "_make.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert (NI / "review.yaml").read_text(encoding="utf-8") == module.review()


def test_a_hundred_dismissals_in_northern_ireland_get_90_days_and_the_ni_limit():
    """Art 216(2)(a): 100 proposed dismissals, consultation from 6 January 2025: no dismissal before 6 April 2025
    (90 days; Great Britain's 45 would allow 20 February, 45 days early). Art 221(1): the Department is notified
    (HR1) 90 days before, 6 January. Notice is given 4 February (the day after the decision); Art 118: 5 weeks
    for 5 years (11 March), held to 6 April; 10 weeks for 10 years, 15 April; 12 weeks, 29 April.
    Week's pay: £1,000 capped at the NI limit of £749 (in operation 6 April 2025), £26,000 a year £500.
    C001 aged 45, 10 years: ages 44-41 at 1.5 (6) and 40-35 at 1 (6) = 12 weeks x £749 = £8,988.
    C002 aged 30, 5 years: 5 weeks x £749 = £3,745 (relevant date 6 April 2025, the day £749 came in).
    C003 aged 60, 25 years (20 counted): ages 59-41 at 1.5 (28.5) and 40 at 1 = 29.5 weeks x £749 = £22,095.50.
    C004 aged 41, 12 years, £500 a week: ages 40-29 at 1 = 12 weeks x £500 = £6,000. C005, 1 year: nothing.
    Twenty of each: (8,988 + 3,745 + 22,095.50 + 6,000) x 20 = £816,570."""
    review = load_review(NI / "review.yaml")
    result = slot(review)
    found = cases(review, result)
    assert found.dates.proposed == 100 and found.dates.collective.days == 90
    assert found.dates.first_dismissal == D(2025, 4, 6)
    assert "Art 216(2)(a)" in found.dates.collective.rule
    steps = {s.what: s for s in timeline(review, result, found=found).steps}
    hr1 = steps["Notify the Department (form HR1) by"]
    assert hr1.date == D(2025, 1, 6) and hr1.source == "ER(NI)O 1996 Art 221"
    assert steps["No dismissal may take effect before"].source == "ER(NI)O 1996 Art 216(2)"
    expected = {"C001": (D(2025, 4, 15), Decimal(8988)), "C002": (D(2025, 4, 6), Decimal(3745)),
                "C003": (D(2025, 4, 29), Decimal("22095.50")), "C004": (D(2025, 4, 29), Decimal(6000)),
                "C005": (D(2025, 4, 6), Decimal(0))}
    for person, (relevant, amount) in expected.items():
        case = found[person]
        assert case.relevant_date == relevant, person
        assert case.entitlements is not None and case.entitlements.redundancy.amount == amount, person
    assert "ER(NI)O 1996 Art 118" in found["C001"].notice_basis
    assert "£749" in found["C002"].entitlements.redundancy.basis  # type: ignore[union-attr]
    assert "(Northern Ireland) 2025" in found["C002"].entitlements.redundancy.basis  # type: ignore[union-attr]
    estimate = savings(review, result).redundancy
    assert estimate is not None and estimate.total == Decimal(816570)


def test_the_same_review_in_england_and_wales_gets_45_days_and_gb_limits():
    """The contrast the issue found: under TULRCA 1992 s.188(1A)(a) as amended in 2013 the first dismissal may be
    20 February 2025 (45 days), and C001's 10 weeks from 4 February end 15 April at GB's £719 (6 April 2025)."""
    text = (NI / "review.yaml").read_text(encoding="utf-8").replace("  jurisdiction: northern-ireland\n", "")
    review = build_from_text(text)
    found = cases(review, slot(review))
    assert found.dates.collective.days == 45 and found.dates.first_dismissal == D(2025, 2, 20)
    owed = found["C001"].entitlements
    assert owed is not None and owed.redundancy.amount == 12 * 719
    assert found.dates.nation == "england-and-wales"


def build_from_text(text: str):
    """Gives the validated review of a YAML text."""
    return build(yaml.safe_load(text))


@pytest.mark.parametrize(("day", "amount"), [
    ("2015-03-21", None), ("2015-03-22", 490), ("2016-02-13", 490), ("2016-02-14", 500), ("2018-04-05", 500),
    ("2018-04-06", 530), ("2019-04-05", 530), ("2019-04-06", 547), ("2020-04-05", 547), ("2020-04-06", None),
    ("2021-06-01", None), ("2022-04-05", None), ("2022-04-06", 594), ("2023-04-06", 669), ("2024-04-05", 669),
    ("2024-04-06", 729), ("2025-04-05", 729), ("2025-04-06", 749)])
def test_ni_weekly_limits_by_date_with_their_gaps(day, amount):
    """The Northern Ireland series (data/weekly_limits_ni.yaml): SR 2015/169 £490 from 22 March 2015; SR 2016/37
    £500 from 14 February 2016 (no 2017 Order); SR 2018/80 £530 from 6 April 2018; £547 from 6 April 2019; the
    2020 and 2021 figures not known; £594, £669, £729, £749 from each 6 April 2022-2025."""
    limit = weekly_limit(D.fromisoformat(day), "northern-ireland")
    assert (limit.amount if limit else None) == amount
    if limit:
        assert "Northern Ireland" in limit.source


def test_gb_limits_are_unchanged_and_ni_latest_is_its_own():
    assert weekly_limit(D(2025, 4, 6)).amount == 719  # type: ignore[union-attr]
    assert weekly_limit(None, "scotland").amount == 719  # type: ignore[union-attr]
    assert weekly_limit(None, "northern-ireland").amount == 749  # type: ignore[union-attr]


@pytest.mark.parametrize("effective", ["2021-06-01", "2014-06-02"])
def test_no_ni_figure_is_invented_for_a_date_the_table_does_not_cover(effective):
    """Effective 1 June 2021 (between the 2019 figure and the 2022 Order) or 2 June 2014 (before 22 March 2015),
    notice in lieu: the relevant date is 10 weeks later; no NI limit is known for it, so no redundancy figure."""
    review = _review({"age": 45, "service_years": 10}, effective=effective,
                     review={"jurisdiction": "northern-ireland"})
    owed = cases(review, slot(review))["P1"].entitlements
    relevant = D.fromisoformat(effective) + dt.timedelta(weeks=10)
    assert owed is not None and owed.redundancy.amount is None
    assert owed.redundancy.basis == f"no NI weekly limit is known for {relevant} (data/weekly_limits_ni.yaml)"


def test_ni_consultation_for_20_to_99_is_30_days_and_never_45():
    start = D(2025, 1, 6)
    assert collective(20, start, "northern-ireland").days == 30
    assert collective(99, start, "northern-ireland").days == 30
    assert collective(100, start, "northern-ireland").days == 90
    assert collective(100, start).days == 45
    assert collective(19, start, "northern-ireland").days is None
    assert "Art 216(1)" in collective(19, start, "northern-ireland").rule


def test_ni_notice_cites_article_118():
    row = in_force("statutory_notice", D(2025, 1, 1), "northern-ireland")
    assert row is not None and row["cite"] == "ER(NI)O 1996 Art 118" and row["maximum"] == 12


def test_the_bank_holidays_follow_the_jurisdiction_unless_given():
    ni = _review({"age": 45, "service_years": 10}, effective="2025-06-02", review={"jurisdiction": "northern-ireland"})
    assert ni.review.nation == "northern-ireland"
    scot = _review({"age": 45, "service_years": 10}, effective="2025-06-02",
                   review={"jurisdiction": "scotland", "timeline": {"nation": "scotland"}})
    assert scot.review.nation == "scotland"
    assert _review({"age": 45, "service_years": 10}, effective="2025-06-02").review.nation == "england-and-wales"


def test_a_nation_alone_names_the_jurisdiction():
    """A review written before jurisdiction existed, with timeline.nation: northern-ireland, is under NI law (the
    fault the issue found was GB law with NI bank holidays)."""
    review = _review({"age": 45, "service_years": 10}, effective="2025-06-02",
                     review={"timeline": {"nation": "northern-ireland"}})
    assert review.review.jurisdiction == "northern-ireland"


def test_a_nation_contradicting_the_jurisdiction_is_refused_where_it_is_written(tmp_path):
    text = (NI / "review.yaml").read_text(encoding="utf-8").replace(
        "    decision: 2025-02-03\n", "    decision: 2025-02-03\n    nation: scotland\n")
    path = tmp_path / "review.yaml"
    path.write_text(text, encoding="utf-8")
    result = cli("validate", str(path))
    assert result.exit_code == 1, result.output
    line = text.splitlines().index("  timeline:") + 2  # the timeline mapping's first line
    assert f"review.yaml:{line}:5: review.timeline:" in result.output
    assert "timeline.nation scotland contradicts review.jurisdiction northern-ireland" in result.output
    assert "Traceback" not in result.output


def test_scotland_cites_its_own_compensation_regulations():
    """A Scottish council with the actual week's pay and a multiplier of 2: aged 45, 10 years = 12 weeks x 2 = 24
    weeks at £1,000 = £24,000; the basis names the Local Government (Discretionary Payments and Injury Benefits)
    (Scotland) Regulations 1998, not reg 5 and reg 6 of the England and Wales 2006 Regulations."""
    enhanced = {"redundancy": {"actual_weeks_pay": True, "multiplier": 2}}
    scot = _review({"age": 45, "service_years": 10}, effective="2025-06-02", review={"jurisdiction": "scotland"},
                   costing=enhanced)
    owed = cases(scot, slot(scot))["P1"].entitlements
    assert owed is not None and owed.redundancy.amount == 24000
    assert "(Scotland) Regulations 1998" in owed.redundancy.basis
    assert "reg 6" not in owed.redundancy.basis and "reg 5" not in owed.redundancy.basis
    england = _review({"age": 45, "service_years": 10}, effective="2025-06-02", costing=enhanced)
    owed = cases(england, slot(england))["P1"].entitlements
    assert owed is not None and owed.redundancy.amount == 24000
    assert "x 2 (reg 6, at most 104 weeks) = 24.0 weeks at the actual week's pay (reg 5)" in owed.redundancy.basis
