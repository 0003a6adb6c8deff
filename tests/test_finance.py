"""The finance view of `slotting savings` (issue 15), each figure worked by hand.

tests/finance/base.yaml: one post of 36,600 (G2) becomes one of 18,300 (G1); its holder P1 is
assimilated and loses 18,300 a year; on-costs 0, cells rounded to £1, effective 2 January 2012.
Financial year 2011/12 runs 1 April 2011 to 31 March 2012: 366 days (29 February 2012), of which
90 are in force (2 January to 31 March).
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from slotting import InputError, load, slot
from slotting.model.calendar import financial_years
from slotting.rules.case import statutory_notice_weeks
from slotting.rules.finance import Items, award_factors, periods, year_amounts
from slotting.rules.oncosts import EMPLOYER_NI, OnCostModel, employer_ni, ni_in_force
from slotting.rules.savings import savings

from .conftest import EXAMPLE, cli

HERE = Path(__file__).parent / "finance"
BASE = (HERE / "base.yaml").read_text(encoding="utf-8")


def review_of(tmp_path: Path, text: str, name: str = "case.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def figures(path: Path, basis=None):
    review = load(path)
    return savings(review, slot(review), basis)


def years_of(result) -> list[tuple]:
    return [(y.label, y.days_in_force, y.existing_cost, y.new_cost, y.protection, y.one_off, y.net_saving,
             y.cumulative_net_saving) for y in result.finance.years]


def test_part_year_effect_on_2_january():
    s = figures(HERE / "base.yaml")
    # 36,600 x 90/366 = 9,000; 18,300 x 90/366 = 4,500 (new post, and the protection of P1's fall).
    # Protection: two years from 2 January 2012, to 1 January 2014: 276 days of 2013/14 = 13,838 (13,837.8).
    assert years_of(s) == [
        ("2011/12", 90, 9000, 4500, 4500, 0, 0, 0),
        ("2012/13", 365, 36600, 18300, 18300, 0, 0, 0),
        ("2013/14", 365, 36600, 18300, 13838, 0, 4462, 4462),
    ]
    # Net is zero while the protection pays the whole fall; the first month above zero is January 2014.
    assert s.finance.payback_month == 25
    assert s.finance.exit_costs.notes == ("Nobody is at risk: there are no exit costs.",)
    # The full-year table and the 12-month profile are as they were.
    assert (s.total.existing_cost, s.total.new_cost, s.total.saving) == (36600, 18300, 18300)
    assert s.protection_by_year == (18300, 18300)


def test_taper_of_one_then_a_half(tmp_path):
    path = review_of(tmp_path, BASE + "policy: {protection: {scheme: tapered, shares: [1, 0.5]}}\n")
    s = figures(path)
    # Year 1 of protection (to 1 January 2013) at 18,300, year 2 (to 1 January 2014) at 9,150.
    # 2012/13: 276 days at 18,300 + 89 days at 9,150 = 5,865,150 / 365 = 16,068.9 -> 16,069.
    # 2013/14: 276 days at 9,150 / 365 = 6,918.9 -> 6,919.
    assert [y.protection for y in s.finance.years] == [4500, 16069, 6919]
    assert s.protection_by_year == (18300, 9150)
    assert [(y.year, y.protection) for y in s.years] == [(1, 18300), (2, 9150), (3, 0)]
    assert "Tapered pay protection, year by year 100%, 50%" in s.conventions[-1]


def test_mark_time_ends_in_year_three_with_a_one_percent_award(tmp_path):
    # P1 earns 18,600 and is placed on 18,300: a fall of 300. Awards of 1% a year from 2012/13 raise
    # the new pay to 18,483 (fall 117), then 18,667.83: caught up, nothing in 2013/14.
    text = BASE.replace("salary: 36600", "salary: 18600").replace(
        "costing: {", "costing: {pay_awards: {2012/13: 0.01, 2013/14: 0.01}, ") + "policy: {protection: mark_time}\n"
    s = figures(review_of(tmp_path, text))
    # 2011/12: 300 x 90/366 = 73.8 -> 74.
    assert [y.protection for y in s.finance.years] == [74, 117, 0]
    assert [y.pay_award for y in s.finance.years] == [0, Decimal("0.01"), Decimal("0.01")]
    # The old structure with the awards: 18,600 x 1.01 = 18,786; x 1.0201 = 18,973.86 -> 18,974.
    assert [y.existing_cost for y in s.finance.years] == [4574, 18786, 18974]  # 18,600 x 90/366 = 4,573.8
    # The 12-month profile reads the same periods, awards included. Year 1 (2 January 2012 to 1 January 2013, 366
    # days): 90 days at 300 and 276 at 117 = 59,292 / 366 = 162. Year 2 (365 days): 89 days at 117 (to 31 March
    # 2013) = 10,413 / 365 = 28.5 -> 29. Year 3: caught up. The old structure: (90 x 18,600 + 276 x 18,786) / 366
    # = 18,740.3 -> 18,740 in year 1.
    assert s.protection_by_year == (162, 29, 0)
    assert [(y.year, y.protection, y.existing_cost) for y in s.years] == [(1, 162, 18740), (2, 29, 18928), (3, 0, 18974)]


def test_funding_that_ends_mid_year(tmp_path):
    text = BASE.replace("{id: N1, title: Officer, grade: G1}",
                        "{id: N1, title: Officer, grade: G1, external_funding: {share: 0.5, until: 2012-10-01}}")
    s = figures(review_of(tmp_path, text))
    # 2012/13: 183 days (1 April to 30 September) half funded, 182 days not:
    # 18,300 x (183 x 0.5 + 182) / 365 = 13,712.5 (13,712.47) -> 13,712, for the post and for the protection.
    assert [(y.new_cost, y.protection) for y in s.finance.years] == [(2250, 2250), (13712, 13712), (18300, 13838)]
    # The full-year table takes the share in force on the effective date.
    assert s.total.new_cost == 9150
    assert "the share in force on the effective date" in s.conventions[0]


def test_employer_ni_across_a_tax_year_change(tmp_path):
    text = BASE.replace("costing: {", "costing: {on_costs: {employer_ni: true, pension_rate: 0}, ")
    s = figures(review_of(tmp_path, text))
    # 2011/12 figures: 13.8% above 7,072; 2012/13: 13.8% above 7,488 from 6 April 2012.
    ni_2011 = Decimal("0.138") * (36600 - 7072)  # 4,074.864
    ni_2012 = Decimal("0.138") * (36600 - 7488)  # 4,017.456
    assert employer_ni(Decimal(36600), ni_in_force(dt.date(2012, 4, 5)), False) == ni_2011
    assert employer_ni(Decimal(36600), ni_in_force(dt.date(2012, 4, 6)), False) == ni_2012
    # 2012/13 spans both: 5 days (1-5 April) at 2011/12's figures, 360 at 2012/13's:
    # 36,600 + (4,074.864 x 5 + 4,017.456 x 360) / 365 = 40,618.24 -> 40,618.
    assert s.finance.years[1].existing_cost == 40618
    # The full-year table uses the figures in force on the effective date: 36,600 + 4,074.864 -> 40,675.
    assert s.total.existing_cost == 40675


def test_contracted_out_rebate_while_it_existed():
    row = ni_in_force(dt.date(2012, 1, 2))
    # 13.8% above 7,072 less 3.7% of the band from the lower earnings limit (5,304) to the UAP (40,040).
    assert employer_ni(Decimal(100000), row, True) == Decimal("0.138") * (100000 - 7072) - Decimal("0.037") * (40040 - 5304)
    assert employer_ni(Decimal(100000), ni_in_force(dt.date(2016, 4, 6)), True) == Decimal("0.138") * (100000 - 8112)
    assert ni_in_force(dt.date(2010, 4, 5)) is None
    assert [r.since for r in EMPLOYER_NI] == sorted(r.since for r in EMPLOYER_NI)


def test_pension_strain_at_55_and_none_at_54(tmp_path):
    text = BASE.replace("- {id: N1, title: Officer, grade: G1}", "- {id: N1, title: Other, grade: G1}").replace(
        "people:\n  - {id: P1, post: O1, salary: 36600}",
        "people:\n  - {id: P1, post: O1, salary: 36600, age: 55, service_years: 2, pension: 10000}\n"
        "  - {id: P2, post: O2, salary: 36600, age: 54, service_years: 20, pension: 10000}").replace(
        "    - {id: O1, title: Manager, grade: G2}", "    - {id: O1, title: Manager, grade: G2}\n"
        "    - {id: O2, title: Manager, grade: G2}").replace(
        "overlaps:\n  - {old_post: O1, new_post: N1, old_in_new: 80, new_from_old: 80}", "overlaps: []").replace(
        "costing: {", "costing: {pension_strain: {min_age: 55, factors: {55: 2, 60: 1.5}}, ")
    s = figures(review_of(tmp_path, text))
    exits = {e.person: e for e in s.finance.exit_costs.displaced}
    p1, p2 = exits["P1"], exits["P2"]
    assert p1.strain.amount == 20000 and "factor 2 at age 55" in p1.strain.basis
    assert p2.strain.amount == 0 and "under 55" in p2.strain.basis
    # Employment ends on the effective date, 2 January 2012, notice paid in lieu: the relevant date is extended by
    # the statutory minimum notice (ERA 1996 s.145(5)): P1 (2 years) to 16 January 2012, limit £400; P2 (20 years,
    # 12 weeks) to 26 March 2012, limit £430 (from 1 February 2012).
    # P1 aged 55 with 2 years: 2 x 1.5 weeks = 3 weeks x 400 = 1,200.
    # P2 aged 54 with 20 years: ages 53..41 at 1.5 (13 years, 19.5 weeks) and 40..34 at 1 (7) = 26.5 weeks x 430.
    assert (p1.redundancy.amount, p2.redundancy.amount) == (1200, 11395)
    assert "2012-01-16" in p1.redundancy.basis and "2012-03-26" in p2.redundancy.basis
    # Notice: statutory, 2 weeks and 12 weeks, at 36,600 / 52 = 703.85 a week.
    assert (p1.notice.amount, p2.notice.amount) == (Decimal("1407.69"), Decimal("8446.15"))
    assert s.finance.exit_costs.total == 1200 + Decimal("1407.69") + 20000 + 11395 + Decimal("8446.15")
    assert s.finance.years[0].one_off == 42449


def test_pension_strain_never_invented(tmp_path):
    text = BASE.replace("overlaps:\n  - {old_post: O1, new_post: N1, old_in_new: 80, new_from_old: 80}", "overlaps: []"
                        ).replace("salary: 36600}", "salary: 36600, age: 61, service_years: 3}").replace(
        "costing: {", "costing: {pension_strain: {factors: {55: 2}}, ")
    s = figures(review_of(tmp_path, text))
    (p1,) = s.finance.exit_costs.displaced
    assert p1.strain.amount is None and "no LGPS strain factor for age 61" in p1.strain.basis
    assert dict(s.finance.exit_costs.missing) == {"pension_strain": ("P1",)}


def test_statutory_notice():
    assert [statutory_notice_weeks(y) for y in (0, 1, 2, 11, 12, 20)] == [1, 1, 2, 11, 12, 12]


def test_payback_in_month_14():
    s = figures(HERE / "payback.yaml")
    # From 1 April 2012 the saving is 36,600 a year and the one-off cost 40,000 (strain as given, no notice).
    # After 13 months (395 days): 36,600 x 395/365 = 39,608 < 40,000; after 14 (426 days): 42,717.
    assert s.finance.payback_month == 14
    assert years_of(s)[0] == ("2012/13", 365, 73200, 36600, 0, 40000, -3400, -3400)
    assert s.finance.exit_costs.displaced[0].redundancy.amount is None


def test_payback_beyond_the_horizon(tmp_path):
    path = review_of(tmp_path, (HERE / "payback.yaml").read_text().replace("pension_strain: 40000",
                                                                           "pension_strain: 200000"))
    s = figures(path)
    assert s.finance.payback_month is None and s.finance.horizon_months == 36
    out = cli("savings", str(path))
    assert "Payback: beyond the horizon" in out.stdout


@settings(max_examples=60, deadline=None)
@given(effective=st.dates(dt.date(2011, 1, 1), dt.date(2040, 12, 31)),
       start=st.sampled_from([(4, 1), (1, 1), (7, 1), (4, 6)]), count=st.integers(1, 6))
def test_financial_years_add_up_to_the_full_year_figures(effective, start, count):
    """With no one-off costs and cash protection, the part-year savings over the financial years equal the
    full-year figures for the same days."""
    review = load(HERE / "base.yaml").model_copy(deep=True)
    object.__setattr__(review.review, "effective_date", effective)
    years = financial_years(effective, count, start)
    items = Items(((Decimal(36600), Decimal(0), 1),), ((Decimal(18300), Decimal(0), 1),), (), ())
    _, factors = award_factors(review, years)
    exact = year_amounts(periods(review, items, years, factors, OnCostModel(review.costing)), years)
    weight = sum(Fraction((fy.end - max(fy.start, effective)).days, fy.days) for fy in years)
    saving = sum(Fraction(old) - Fraction(new) for old, new, _ in exact)
    assert abs(saving - 18300 * weight) < Fraction(1, 10**12)


def test_json_carries_the_finance_view_and_the_example_does_not():
    out = cli("savings", str(HERE / "payback.yaml"), "--format", "json")
    data = json.loads(out.stdout)
    f = data["finance"]
    assert f["payback_month"] == 14 and f["years"][0]["one_off"] == 40000
    assert f["exit_costs"]["displaced"][0]["pension_strain"] == {"amount": 40000,
                                                                  "basis": "pension strain as given (people[].pension_strain)"}
    assert f["exit_costs"]["no_figure"] == {"redundancy": ["P2"]}
    example = json.loads(cli("savings", str(EXAMPLE), "--format", "json").stdout)
    assert "finance" not in example


def test_csv_tables_and_xlsx_sheets(tmp_path):
    out = cli("savings", str(HERE / "payback.yaml"), "--format", "csv", "--table", "financial-years")
    assert out.stdout.splitlines()[:2] == [
        "year,days_in_force,existing_cost,new_cost,gross_saving,protection,one_off,net_saving,cumulative_net_saving",
        "2012/13,365,73200,36600,36600,0,40000,-3400,-3400"]
    out = cli("savings", str(HERE / "payback.yaml"), "--format", "csv", "--table", "exit-costs")
    assert out.stdout.splitlines()[:2] == [
        "person,outcome,post,redundancy,notice,pension_strain,employer_ni,total,counted,likely_displacements,"
        "no_figure_for,basis", "P2,displaced,,,0,40000,0,40000,yes,,redundancy,"]
    assert out.stdout.splitlines()[-1] == "Total,,,0,0,40000,0,40000,,,,the one-off exit cost: the sum of the rows counted"
    refused = cli("savings", str(EXAMPLE), "--format", "csv", "--table", "exit-costs")
    assert refused.exit_code == 1 and "needs the profile by financial year" in refused.stderr
    assert cli("savings", str(EXAMPLE), "--table", "exit-costs").exit_code == 2
    openpyxl = pytest.importorskip("openpyxl")
    book_path = tmp_path / "s.xlsx"
    assert cli("savings", str(HERE / "payback.yaml"), "--format", "xlsx", "-o", str(book_path)).exit_code == 0
    book = openpyxl.load_workbook(book_path)
    assert book.sheetnames == ["Savings", "Years", "Financial years", "Exit costs", "Notes"]
    sheet = book["Financial years"]
    assert [c.value for c in sheet[2]] == ["2012/13", 365, 73200, 36600, 36600, 0, 40000, -3400, -3400]


BAD = [
    ("policy: {protection: {scheme: tapered, shares: [1, 1.5]}}\n", "policy.protection.shares[1]",
     "at most 1"),
    ("policy: {protection: {scheme: tapered}}\n", "policy.protection", "give shares with the tapered scheme"),
    ("policy: {protection_years: 3, protection: {scheme: tapered, shares: [1, 0.5]}}\n", "policy",
     "disagree"),
]


@pytest.mark.parametrize("extra, path, message", BAD)
def test_bad_policy_refused(tmp_path, extra, path, message):
    with pytest.raises(InputError) as refused:
        load(review_of(tmp_path, BASE + extra))
    assert any(p.path == path and message in p.message and p.line for p in refused.value.problems), refused.value


@pytest.mark.parametrize("old, new, path, message", [
    ('financial_year_start: "04-01"', 'financial_year_start: "04-31"', "costing.financial_year_start",
     "MM-DD"),
    ('financial_year_start: "04-01"', "financial_year_start: 2012-04-01", "costing.financial_year_start",
     "MM-DD"),
    ("years: 3", "years: 3, pension_strain: {factors: {55: 1.9, 55: 1.8}}", "costing.pension_strain.factors.55",
     "duplicate key"),
    ("years: 3", "years: 3, pension_strain: {factors: {55: 1.9, 055: 1.8}}", "costing.pension_strain.factors",
     "written plainly"),
    ("years: 3", "years: 3, pay_awards: {2010/11: 0.01}", "costing.pay_awards.2010/11", "already in"),
    ("years: 3", "years: 3, on_cost_rate: 0.3, on_costs: {pension_rate: 0.2}", "costing", "not both"),
    ("{id: N1, title: Officer, grade: G1}", "{id: N1, title: Officer, grade: G1, external_funding: "
     "{share: 0.5, from: 2013-01-01, until: 2012-12-31}}", "new_structure.posts[0].external_funding",
     "ends (until 2012-12-31) on or before it starts"),
    ("{id: N1, title: Officer, grade: G1}", "{id: N1, title: Officer, grade: G1, external_funding: "
     "[{share: 0.5, until: 2013-01-01}, {share: 0.2, from: 2012-06-01}]}", "new_structure.posts[0].external_funding",
     "overlap"),
    ("effective_date: 2012-01-02", "effective_date: 2009-01-02", "review.effective_date", "is needed by"),
    ("effective_date: 2012-01-02}\n", "effective_date: 2010-04-05}\n", "costing.on_costs.employer_ni",
     "known from 2010-04-06"),
    ('financial_year_start: "04-01"', 'financial_year_start: "01-01", pay_awards: {2013/14: 0.01}',
     "costing.pay_awards.2013/14", "labelled like '2013'"),
])
def test_bad_costing_refused_with_a_location(tmp_path, old, new, path, message):
    text = BASE.replace(old, new)
    if "2010-04-05" in new:  # the NI figures begin on 6 April 2010: a day earlier is refused
        text = text.replace("costing: {", "costing: {on_costs: {pension_rate: 0.2}, ")
    if "2009-01-02" in new:
        text = text.replace("review: {name: Finance case, effective_date: 2009-01-02}", "review: {name: Finance case}")
        path = "review"
    assert text != BASE
    with pytest.raises(InputError) as refused:
        load(review_of(tmp_path, text))
    assert any(p.path == path and message in p.message and p.line for p in refused.value.problems), refused.value


EXAMPLE_FINANCE = Path(__file__).parent.parent / "examples" / "finance" / "leicester_2011_finance.yaml"


def test_example_finance_file_is_what_make_writes():
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_finance", EXAMPLE_FINANCE.parent / "_make.py")
    make = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make)
    assert EXAMPLE_FINANCE.read_text(encoding="utf-8") == make.variant()


def test_example_with_ages_service_notice_and_strain_by_hand():
    """The bundled example with the finance view's inputs (examples/finance/_make.py), every figure by hand.

    Exit costs of the six pool candidates. Notice is given on 21 December 2011, the day after objections close
    (five working days after the decision of 13 December), and employment ends when it expires (ERA 1996
    s.145(2)(a)): 12 weeks -> 14 March 2012, 10 weeks -> 29 February, 5 weeks -> 25 January. The week's-pay limit
    is the one in force on that relevant date (s.227(3)): £430 from 1 February 2012, £400 before (Increase of
    Limits Orders 2011 and 2010). Notice pay at salary / 52.
      P02 56, 20 yrs: 15 x 1.5 + 5 = 27.5 weeks x 430 = 11,825; notice 12 x 92,610/52 = 21,371.54; strain
          30,000 x 1.8 = 54,000; total 87,196.54.
      P03 54, 25 yrs (20 count): 13 x 1.5 + 7 = 26.5 weeks x 430 = 11,395; statutory notice 12 weeks 23,307.69;
          under 55, no strain; total 34,702.69.
      P05 60, 30 yrs: 19 x 1.5 + 1 = 29.5 weeks x 430 = 12,685; 12 weeks 22,961.54; 45,000 x 1.4 = 63,000;
          98,646.54.
      P06 45, 10 yrs: 4 x 1.5 + 6 = 12 weeks x 430 = 5,160; 10 weeks 19,461.54; none; 24,621.54.
      P11 58, 22 yrs: 17 x 1.5 + 3 = 28.5 weeks x 430 = 12,255; 12 weeks 22,015.38; 40,000 x 1.6 = 64,000;
          98,270.38.
      P13 50, 5 yrs: 5 x 1.5 = 7.5 weeks x 400 (relevant date 25 January 2012) = 3,000; 5 weeks 9,490.38; none;
          12,490.38.
    No employer NI: pay in lieu of notice is earnings only from 6 April 2018, Class 1A only from 6 April 2020.
    Each pool has 2 candidates for 1 place: 1 likely displacement at their mean:
      SD-ASCHH (P02, P03) 60,949.62 (redundancy 11,610, notice 22,339.615 -> 22,339.62 in pence, strain 27,000);
      DD-DCPG (P05, P06) 61,634.04; DD-PTED (P11, P13) 55,380.38.
      Total 177,964.04 -> £178,000 in 2011/12 (£1,860 more than with the limit of the effective date).
    2011/12, 90 of 366 days: existing 3,475,500 x 90/366 = 854,631 -> 854,600; new 2,328,400 x 90/366 =
    572,557 -> 572,600; protection 217,4xx x 90/366 -> 53,500. Net 282,000 - 53,500 - 178,000 = 50,500.
    2013/14: the Health contribution to SD-ASCHH (half) ends on 1 April 2013, so new posts rise by half its
    cost; protection ends on 1 January 2014 (276 days of the year).
    Payback: about £76,000 of net saving a month against £177,964: above zero at the end of month 3.
    """
    s = figures(EXAMPLE_FINANCE)
    e = s.finance.exit_costs
    totals = {p.person: p.total for p in e.pool_candidates}
    assert totals == {"P02": Decimal("87196.54"), "P03": Decimal("34702.69"), "P05": Decimal("98646.54"),
                      "P06": Decimal("24621.54"), "P11": Decimal("98270.38"), "P13": Decimal("12490.38")}
    assert {p.post: p.amount for p in e.pools} == {
        "NEW-SD-ASCHH": Decimal("60949.62"), "NEW-DD-DCPG": Decimal("61634.04"), "NEW-DD-PTED": Decimal("55380.38")}
    assert e.total == Decimal("177964.04") and e.missing == ()
    assert all(p.employer_ni.amount == 0 for p in e.pool_candidates)
    assert "relevant date 2012-03-14" in {p.person: p for p in e.pool_candidates}["P02"].redundancy.basis
    assert "relevant date 2012-01-25" in {p.person: p for p in e.pool_candidates}["P13"].redundancy.basis
    first, second, third = s.finance.years[:3]
    assert (first.existing_cost, first.new_cost, first.protection, first.one_off, first.net_saving) == (
        854600, 572600, 53500, 178000, 50500)
    assert (second.gross_saving, second.protection, second.net_saving, second.cumulative_net_saving) == (
        1147100, 217400, 929700, 980200)
    # SD top of grade x 1.31 x half, for 365 days: the new structure's cost rises by that much.
    sd_half = (third.new_cost - second.new_cost)
    review = load(EXAMPLE_FINANCE)
    grade = review.grade["SD"]
    top = review.spinal_amount(grade.spine, grade.points[1]).amount
    assert top == 118983 and abs(sd_half - top * Decimal("1.31") / 2) < 100  # 77,933.87; cells rounded to £100
    assert s.finance.payback_month == 3
    # The published full-year table is unchanged.
    assert (s.total.existing_cost, s.total.new_cost, s.total.saving) == (3475500, 2328400, 1147100)


def test_example_twelve_month_profile_reads_the_financial_years_figures():
    """The finance example's "Year by year", worked by hand: the same figures as "By financial year", grouped by
    the 12 months from the effective date (2 January 2012).

    New posts at the top of their grade x 1.31: HPS 127,485 -> 167,005.35; three SDs at 118,983 -> 155,867.73
    each, one (SD-ASCHH) half funded by Health until 1 April 2013 -> 77,933.865 while funded; fifteen DDs at
    85,575 -> 1,681,548.75; the City Solicitor 68,853 -> 90,197.43 (public health wholly funded). Funded:
    2,328,420.855 a year.
    Year 1 (2 January 2012 to 1 January 2013): funded throughout, 2,328,400; protection 217,400 (cash, two
    years); the one-off is the whole exit cost, 177,964.04 -> 178,000, as in 2011/12.
    Year 2 (2 January 2013 to 1 January 2014, 365 days): funded for 89 days (to 31 March 2013), not for 276:
    2,328,420.855 + 77,933.865 x 276/365 = 2,387,351.67 -> 2,387,400; protection still 217,400; saving
    3,475,500 - 2,387,400 - 217,400 = 870,700 (the full-year table's 929,700 would overstate it by 59,000).
    Year 3: unfunded throughout, 2,406,354.72 -> 2,406,400 (as 2013/14 onwards); no protection; saving
    1,069,100 (78,000 less than the full-year 1,147,100).
    """
    s = figures(EXAMPLE_FINANCE)
    assert [(y.year, y.start, y.end) for y in s.years] == [
        (1, dt.date(2012, 1, 2), dt.date(2013, 1, 2)), (2, dt.date(2013, 1, 2), dt.date(2014, 1, 2)),
        (3, dt.date(2014, 1, 2), dt.date(2015, 1, 2))]
    # New structure (with protection), protection, saving, one-off.
    assert [(y.new_cost, y.protection, y.saving, y.shown_one_off) for y in s.years] == [
        (2545800, 217400, 929700, 178000), (2604800, 217400, 870700, 0), (2406400, 0, 1069100, 0)]
    assert [y.existing_cost for y in s.years] == [3475500] * 3
    assert s.protection_by_year == (217400, 217400)
    assert s.years[2].new_cost == s.finance.years[2].new_cost  # 2013/14: unfunded throughout, as year 3
    assert s.years[0].one_off == s.finance.years[0].one_off == 178000
    # Redundancy pay is part of the one-off: the pools' shares 11,610 + 8,922.50 + 7,627.50 = 28,160.
    assert s.redundancy is not None and s.redundancy.total == 28160 and s.years[0].one_off_redundancy == 28200
    out = cli("savings", str(EXAMPLE_FINANCE))
    assert "Year by year (12 months from 2 January 2012)" in out.stdout and "One-off exit" in out.stdout
    assert "One-off redundancy" not in out.stdout
    data = json.loads(cli("savings", str(EXAMPLE_FINANCE), "--format", "json").stdout)
    assert data["years"][1] == {"year": 2, "new_cost": 2604800, "protection": 217400, "saving": 870700,
                                "one_off_redundancy": 0, "start": "2013-01-02", "end": "2014-01-02",
                                "existing_cost": 3475500, "one_off": 0}
    assert data["years"][0]["one_off"] == data["finance"]["years"][0]["one_off"] == 178000


def test_example_exit_costs_sheet_totals_the_one_off(tmp_path):
    """The "Exit costs" sheet of the finance example: three pool rows (one likely displacement each, at the mean of
    two candidates) counted, the six candidates listed and not counted, and a total row equal to the one-off.
    Before, the sheet listed the six candidates only: they sum to 355,928.07, twice the one-off of 177,964.04."""
    openpyxl = pytest.importorskip("openpyxl")
    book_path = tmp_path / "s.xlsx"
    assert cli("savings", str(EXAMPLE_FINANCE), "--format", "xlsx", "-o", str(book_path)).exit_code == 0
    header, *rows = ([c.value for c in row] for row in openpyxl.load_workbook(book_path)["Exit costs"].iter_rows())
    at = {name: i for i, name in enumerate(header)}
    *body, total = rows
    pools = [r for r in body if r[at["outcome"]] == "pool"]
    candidates = [r for r in body if r[at["outcome"]] == "competitive"]
    assert [(r[at["post"]], r[at["likely_displacements"]], r[at["counted"]]) for r in pools] == [
        ("NEW-DD-DCPG", 1, "yes"), ("NEW-DD-PTED", 1, "yes"), ("NEW-SD-ASCHH", 1, "yes")]
    assert len(candidates) == 6 and {r[at["counted"]] for r in candidates} == {"no"}
    assert abs(sum(r[at["total"]] for r in candidates) - 355928.07) < 1e-6
    assert total[0] == "Total" and abs(total[at["total"]] - 177964.04) < 1e-6
    assert abs(sum(r[at["total"]] for r in pools) - total[at["total"]]) < 1e-6
    # SD-ASCHH's pool by part: the mean of P02's and P03's (redundancy 11,825 and 11,395; notice 21,371.54 and
    # 23,307.69; strain 54,000 and 0).
    sd = next(r for r in pools if r[at["post"]] == "NEW-SD-ASCHH")
    assert (sd[at["redundancy"]], sd[at["notice"]], sd[at["pension_strain"]], sd[at["employer_ni"]]) == (
        11610, 22339.62, 27000, 0)
    assert (total[at["redundancy"]], total[at["pension_strain"]]) == (28160, 90500)


def test_largest_estimate_sets_a_pools_parts(tmp_path):
    # pool_exit_costs: max: SD-ASCHH's place at P02's estimate (87,196.54: redundancy 11,825, notice 21,371.54,
    # strain 54,000) rather than the mean.
    path = review_of(tmp_path, EXAMPLE_FINANCE.read_text(encoding="utf-8").replace("  years: 5\n",
                                                                               "  years: 5\n  pool_exit_costs: max\n"))
    s = figures(path)
    sd = next(p for p in s.finance.exit_costs.pools if p.post == "NEW-SD-ASCHH")
    assert sd.amount == Decimal("87196.54")
    assert dict(sd.by_part) == {"redundancy": 11825, "notice": Decimal("21371.54"), "pension_strain": 54000,
                                "employer_ni": 0}
    assert sd.candidates == ("P02", "P03")


def test_a_dated_on_cost_model_is_named_in_json_and_no_rate_is_invented(tmp_path):
    # on_cost_rate was 0 here (its default): read as a rate, it said the posts cost no on-costs at all.
    text = BASE.replace("costing: {", "costing: {on_costs: {employer_ni: true, pension_rate: 0.2, contracted_out: true}, ")
    data = json.loads(cli("savings", str(review_of(tmp_path, text)), "--format", "json").stdout)
    assert data["on_cost_rate"] is None
    assert data["on_cost_model"] == {"employer_ni": True, "pension_rate": 0.2, "contracted_out": True}
    flat = json.loads(cli("savings", str(HERE / "base.yaml"), "--format", "json").stdout)
    assert flat["on_cost_rate"] == 0 and "on_cost_model" not in flat
    example = json.loads(cli("savings", str(EXAMPLE), "--format", "json").stdout)
    assert example["on_cost_rate"] == 0.31 and "on_cost_model" not in example
