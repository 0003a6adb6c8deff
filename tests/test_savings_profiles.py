"""The two savings profiles agree, and every total equals the sum it claims (issue 26, item 7).

With the finance view on, the 12-month profile ("Year by year") and the profile by financial year are one
computation (rules.finance: the same periods) grouped two ways. On small generated finance reviews, with
time-limited funding, dated on-costs, pay awards, the three protection schemes and people at risk with exit
costs:
- where a financial year is the same 12 months as a year of the 12-month profile (the effective date on the
  financial year's first day), the two give the same existing cost, new cost, protection and one-off;
- for any effective date, the 12-month profile equals the financial-year table of the same review with its
  financial year moved to start on the effective date's day;
- every sheet of the workbook, every CSV table and the JSON add up: rows to their total rows, the exit costs'
  counted rows (the displaced and the pools, never a pool's candidates) to the one-off exit cost.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from slotting import slot
from slotting.model.calendar import add_years, financial_years
from slotting.render.finance import EXIT_FIELDS, EXIT_MONEY, exit_values
from slotting.render.savings import savings_csv, savings_data, savings_json, savings_xlsx
from slotting.rules.savings import SavingsResult, savings

from .conftest import build, with_base
from .test_properties import reviews

EFFECTIVE = ["2012-01-02", "2012-04-01", "2013-04-01", "2016-07-15", "2019-06-01", "2021-01-01", "2021-06-01"]
CLOSE = Decimal("0.000001")  # a millionth of a pound: sums in a different order may differ in the 28th digit


@st.composite
def crowded(draw) -> dict:
    """Gives a review where several holders claim few new posts, often a grade or two down: pools, displacements
    and protection."""
    n_old, n_new = draw(st.integers(2, 5)), draw(st.integers(1, 2))
    old = [{"id": f"O{i}", "title": f"Old {i}", "grade": draw(st.sampled_from(["G2", "G3", "G4"]))}
           for i in range(n_old)]
    new = [{"id": f"N{j}", "title": f"New {j}", "grade": draw(st.sampled_from(["G1", "G2", "G3"])),
            "count": draw(st.integers(1, 2))} for j in range(n_new)]
    people = [{"id": f"P{i}", "post": post["id"], "salary": draw(st.sampled_from([30000, 31000, 41000, 42000, 51000]))}
              for i, post in enumerate(old) if draw(st.integers(0, 4))]
    figure = st.sampled_from([30, 60, 75, 80, 90])
    overlaps = [{"old_post": o["id"], "new_post": n["id"], "old_in_new": draw(figure), "new_from_old": draw(figure)}
                for o in old for n in new if draw(st.integers(0, 4))]
    policy = {"assimilate_grade_distance": 1, "match_grade_distance": 2, "split_slots": draw(st.booleans())}
    return with_base({"policy": policy, "old_structure": {"posts": old}, "new_structure": {"posts": new},
                      "people": people, "overlaps": overlaps})


@st.composite
def finance_reviews(draw, awards: bool = True) -> dict:
    review = draw(crowded()) if draw(st.integers(0, 2)) else draw(reviews())
    effective = draw(st.sampled_from(EFFECTIVE))
    day = dt.date.fromisoformat(effective)
    aligned = draw(st.booleans())
    start = f"{day:%m-%d}" if aligned else "04-01"
    review["review"] = {"name": "r", "effective_date": effective}
    costing: dict = {"years": draw(st.integers(1, 4)), "round_to": draw(st.sampled_from([1, 10, 100])),
                     "financial_year_start": start}
    if draw(st.booleans()):
        costing["on_costs"] = {"employer_ni": True, "pension_rate": draw(st.sampled_from([0, "0.2"])),
                               "contracted_out": draw(st.booleans())}
    else:
        costing["on_cost_rate"] = draw(st.sampled_from([0, "0.3"]))
    if awards and draw(st.booleans()):
        later = financial_years(day, 4, (int(start[:2]), int(start[3:])))[1:]
        costing["pay_awards"] = {fy.label: draw(st.sampled_from(["0.01", "0.025"])) for fy in later
                                 if draw(st.booleans())} or None
        if costing["pay_awards"] is None:
            del costing["pay_awards"]
    if draw(st.sampled_from([True, True, False])):
        costing["pension_strain"] = {"min_age": 55, "factors": {55: 2, 58: "1.6", 60: "1.4"}}
    costing["pool_exit_costs"] = draw(st.sampled_from(["mean", "max"]))
    review["costing"] = costing
    scheme = draw(st.sampled_from(["cash", "tapered", "mark_time", "mark_time_unending"]))
    policy = review["policy"]
    if scheme == "cash":
        policy["protection_years"] = draw(st.integers(1, 3))
    else:
        policy.pop("protection_years", None)
        policy["protection"] = ({"scheme": "tapered", "shares": [1, "0.5"]} if scheme == "tapered" else
                                {"scheme": "mark_time", "years": 2} if scheme == "mark_time" else
                                {"scheme": "mark_time"})
    for post in review["new_structure"]["posts"] + review["old_structure"]["posts"]:
        kind = draw(st.sampled_from(["none", "share", "until", "from"]))
        until = add_years(day, draw(st.integers(0, 3))) + dt.timedelta(days=draw(st.integers(1, 300)))
        if kind == "share":
            post["external_funding"] = "0.5"
        elif kind == "until":
            post["external_funding"] = {"share": "0.5", "until": until.isoformat()}
        elif kind == "from":
            post["external_funding"] = {"share": 1, "from": until.isoformat()}
    for person in review["people"]:
        person["age"] = draw(st.sampled_from([40, 50, 55, 58, 60, 62]))
        person["service_years"] = draw(st.integers(0, 25))
        if draw(st.booleans()):
            person["notice_weeks"] = draw(st.integers(1, 12))
        if draw(st.sampled_from([True, True, False])):
            person["pension"] = draw(st.sampled_from([10000, 30000]))
    return review


def figures(data: dict) -> SavingsResult:
    review = build(data)
    return savings(review, slot(review))


SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(finance_reviews())
def test_the_twelve_months_and_the_financial_years_agree_where_they_are_the_same_days(data):
    s = figures(data)
    assert s.finance is not None
    pairs = [(y, fy) for y in s.years for fy in s.finance.years if (y.start, y.end) == (fy.start, fy.end)]
    aligned = data["costing"]["financial_year_start"] == data["review"]["effective_date"][5:]
    assert bool(pairs) == aligned
    for y, fy in pairs:
        assert (y.existing_cost, y.new_cost - y.protection, y.protection, y.one_off) == (
            fy.existing_cost, fy.new_cost, fy.protection, fy.one_off)
        assert y.saving == fy.net_saving + fy.one_off  # the profile's saving is before one-off costs
    for y in s.years:  # the profile's own sums
        assert y.existing_cost is not None and y.saving == y.existing_cost - y.new_cost
    assert s.protection_by_year == tuple(y.protection for y in s.years[:len(s.protection_by_year)])
    # One one-off, in the first year of each profile: the whole exit cost.
    assert [y.shown_one_off for y in s.years[1:]] == [0] * (len(s.years) - 1)
    assert s.years[0].shown_one_off == s.finance.years[0].one_off


@SETTINGS
@given(finance_reviews(awards=False))
def test_the_twelve_months_are_the_financial_years_that_start_on_the_effective_date(data):
    s = figures(data)
    moved = {**data, "costing": {**data["costing"], "financial_year_start": data["review"]["effective_date"][5:],
                                 "years": len(s.years)}}
    same = figures(moved)
    assert same.finance is not None
    for y, fy in zip(s.years, same.finance.years):
        assert (y.start, y.end) == (fy.start, fy.end)
        assert (y.existing_cost, y.new_cost - y.protection, y.protection, y.shown_one_off) == (
            fy.existing_cost, fy.new_cost, fy.protection, fy.one_off)


def _sums_to_total(rows: list[list], header: list[str]) -> None:
    """The exit costs' counted rows add up to the total row in every money column."""
    *body, total = rows
    assert total[0] == "Total"
    counted = [row for row in body if row[header.index("counted")] == "yes"]
    for name in EXIT_MONEY:
        col = header.index(name)
        found = sum((Decimal(str(row[col])) for row in counted if row[col] not in (None, "")), Decimal(0))
        assert abs(found - Decimal(str(total[col]))) < CLOSE, (name, found, total[col])


@SETTINGS
@given(finance_reviews())
def test_every_table_adds_up_to_the_total_it_claims(data):
    s = figures(data)
    assert s.finance is not None
    e = s.finance.exit_costs
    rows = exit_values(s.finance)
    _sums_to_total(rows, EXIT_FIELDS)
    assert rows[-1][EXIT_FIELDS.index("total")] == e.total
    people = {row[0] for row in rows if row[EXIT_FIELDS.index("counted")] == "no"}
    assert people == {p.person for p in e.pool_candidates}  # listed, never counted
    # The CSV table is the same rows.
    table = list(csv.reader(io.StringIO("".join(savings_csv(s, "exit-costs")))))
    assert table[0] == EXIT_FIELDS
    _sums_to_total([[cell or None for cell in row] for row in table[1:]], EXIT_FIELDS)
    # The JSON: the one-off is the displaced's and the pools', part by part too; the profiles' one-off is it.
    out = json.loads(b"".join(savings_json(s)))
    exits = out["finance"]["exit_costs"]
    counted = exits["displaced"] + exits["pools"]
    assert all(item["counted"] for item in counted) and not any(p["counted"] for p in exits["pool_candidates"])
    found = sum(Decimal(str(p["total"])) for p in exits["displaced"]) + sum(Decimal(str(p["amount"]))
                                                                          for p in exits["pools"])
    assert abs(found - Decimal(str(exits["total"]))) < CLOSE
    for name, amount in exits["part_totals"].items():
        part = sum(Decimal(str(p[name]["amount"] or 0)) for p in exits["displaced"]) + sum(
            Decimal(str(p["by_part"][name])) for p in exits["pools"])
        assert abs(part - Decimal(str(amount))) < CLOSE, name
    for pool in exits["pools"]:
        assert abs(sum(Decimal(str(v)) for v in pool["by_part"].values()) - Decimal(str(pool["amount"]))) < CLOSE
    assert out["years"][0]["one_off"] == out["finance"]["years"][0]["one_off"]
    if out["redundancy"] is not None:
        assert abs(Decimal(str(out["redundancy"]["total"])) - Decimal(str(exits["part_totals"]["redundancy"]))) < CLOSE
    data_out = savings_data(s)
    running = Decimal(0)
    for fy in data_out["finance"]["years"]:
        assert fy["gross_saving"] == fy["existing_cost"] - fy["new_cost"]
        assert fy["net_saving"] == fy["gross_saving"] - fy["protection"] - fy["one_off"]
        running += fy["net_saving"]
        assert fy["cumulative_net_saving"] == running


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(finance_reviews())
def test_every_sheet_of_the_workbook_adds_up(data):
    openpyxl = pytest.importorskip("openpyxl")
    s = figures(data)
    book = openpyxl.load_workbook(io.BytesIO(b"".join(savings_xlsx(s))))

    def rows(name: str) -> tuple[list[str], list[list]]:
        header, *body = ([cell.value for cell in row] for row in book[name].iter_rows())
        return header, body

    def close(a, b) -> bool:
        return abs(Decimal(str(a or 0)) - Decimal(str(b or 0))) < CLOSE

    header, body = rows("Savings")
    *groups, total = body
    for col in range(1, 6):
        assert close(sum(Decimal(str(r[col])) for r in groups), total[col])
    assert all(close(r[2] - r[4], r[5]) for r in body)
    header, body = rows("Years")
    assert header[-1] == "Existing structure £"
    assert all(close(r[5] - r[1], r[3]) for r in body)  # saving = existing - new structure (with protection)
    header, body = rows("Financial years")
    running = 0.0
    for r in body:
        existing, new, gross, protection, one_off, net, cumulative = r[2:9]
        assert close(existing - new, gross) and close(gross - protection - one_off, net)
        running += net
        assert close(running, cumulative)
    header, body = rows("Exit costs")
    assert header == EXIT_FIELDS
    _sums_to_total(body, header)
    assert close(body[-1][header.index("total")], s.finance.exit_costs.total)
