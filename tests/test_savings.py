"""Savings by hand-worked figures (tests/savings/small.yaml), the target gate, and XLSX output.

Hand working, on-costs 25%, cells rounded half up to £10:
  Existing  Managers: O1 34,000 x 1.25 x 0.5 = 21,250; O2 vacant at top of G2 32,000 x 1.25 = 40,000
            -> 61,250.  Officers: O3 20,404 x 1.25 = 25,505 -> 25,510 (half up). Total 86,760.
  New, top  Managers: N1 32,000 x 1.25 x 0.75 = 30,000.  Officers: N2 2 x 22,000 x 1.25 = 55,000.
            Savings 31,250 and (29,490); total 1,760.
  Slotting  P1 assimilated to N1: 34,000 -> SP6 32,000, protection 2,000 x 1.25 x 0.75 = 1,875.
            P2 matched to N2: 20,404 -> SP1 20,000, protection 404 x 1.25 = 505.  Per year 2,380.
  Years     1 and 2: new 87,380, saving (620); year 3: new 85,000, saving 1,760.
  Slotted   N2 = (20,000 + 22,000 top for the empty place) x 1.25 = 52,500; total new 82,500;
            total saving 4,260.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from slotting import load, slot
from slotting.rules.savings import round_cell, savings

from .conftest import EXAMPLE, cli

SMALL = Path(__file__).parent / "savings" / "small.yaml"


def small(basis=None, target=None):
    review = load(SMALL)
    return savings(review, slot(review), basis, target)


def test_table_by_hand():
    s = small()
    rows = [(r.group, r.existing_posts, r.existing_cost, r.new_posts, r.new_cost, r.saving) for r in s.rows]
    assert rows == [("Managers", 2, 61250, 1, 30000, 31250), ("Officers", 1, 25510, 2, 55000, -29490)]
    t = s.total
    assert (t.existing_posts, t.existing_cost, t.new_posts, t.new_cost, t.saving) == (3, 86760, 3, 85000, 1760)


def test_protection_in_years_one_and_two_and_none_in_year_three():
    s = small()
    assert s.protection_by_year == (Decimal(2380), Decimal(2380))
    assert [(y.year, y.new_cost, y.protection, y.saving) for y in s.years] == [
        (1, 87380, 2380, -620), (2, 87380, 2380, -620), (3, 85000, 0, 1760)]


def test_slotted_basis_against_top():
    s = small(basis="slotted")
    officers = s.rows[1]
    assert (officers.new_cost, officers.saving) == (52500, -26990)
    assert (s.total.new_cost, s.total.saving) == (82500, 4260)
    assert small(basis="top").total.new_cost == 85000


def test_rounding_is_half_up_and_rows_add_to_totals():
    assert round_cell(Decimal("25505"), Decimal(10)) == 25510
    assert round_cell(Decimal("25504.99"), Decimal(10)) == 25500
    assert round_cell(Decimal("229400.65"), Decimal(100)) == 229400
    for s in (small(), small(basis="slotted")):
        assert sum(r.existing_cost for r in s.rows) == s.total.existing_cost
        assert sum(r.new_cost for r in s.rows) == s.total.new_cost
        assert all(r.existing_cost - r.new_cost == r.saving for r in s.rows)


def test_target_met_and_missed_set_the_exit_status():
    met = cli("savings", str(SMALL), "--target", "1000", "-f", "json")
    assert met.exit_code == 0, met.output
    assert json.loads(met.stdout)["target_met"] is True
    missed = cli("savings", str(SMALL), "--target", "2000", "-f", "json")
    assert missed.exit_code == 1
    data = json.loads(missed.stdout)
    assert (data["target_saving"], data["target_met"]) == (2000, False)
    assert "falls short by £240" in missed.stderr
    none = cli("savings", str(SMALL), "-f", "json")
    assert json.loads(none.stdout)["target_met"] is None


def test_bad_target_is_a_usage_error():
    result = cli("savings", str(SMALL), "--target", "lots")
    assert result.exit_code == 2
    assert "expected an amount" in result.output


def test_json_contract_fields():
    data = json.loads(cli("savings", str(SMALL), "-f", "json").stdout)
    assert set(data) >= {"rows", "total", "protection_by_year", "years", "target_saving", "target_met",
                         "estimated_points"}
    assert set(data["rows"][0]) == {"group", "existing_posts", "existing_cost", "new_posts", "new_cost", "saving"}
    assert set(data["total"]) == {"existing_posts", "existing_cost", "new_posts", "new_cost", "saving"}
    assert set(data["years"][0]) >= {"year", "new_cost", "protection", "saving"}


def test_table_prints_brackets_for_negative_savings():
    result = cli("savings", str(SMALL))
    assert result.exit_code == 0
    assert "(£29,490)" in result.stdout and "£31,250" in result.stdout


def test_estimated_points_are_listed():
    data = json.loads(cli("savings", str(EXAMPLE), "--basis", "slotted", "-f", "json").stdout)
    assert any("SP17" in p for p in data["estimated_points"])
    assert json.loads(cli("savings", str(EXAMPLE), "-f", "json").stdout)["estimated_points"] == []


def test_xlsx_holds_numbers_and_no_formulas(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    source = SMALL.read_text().replace("group: Managers", "group: '=HYPERLINK(\"http://x\")'")
    review = tmp_path / "review.yaml"
    review.write_text(source)
    out = tmp_path / "savings.xlsx"
    result = cli("savings", str(review), "-f", "xlsx", "-o", str(out))
    assert result.exit_code == 0, result.output
    sheet = openpyxl.load_workbook(out)["Savings"]
    assert sheet["A2"].value == '=HYPERLINK("http://x")' and sheet["A2"].data_type == "s"
    assert sheet["C2"].value == 61250 and isinstance(sheet["C2"].value, (int, float))
    assert sheet["C2"].data_type == "n" and "£" in sheet["C2"].number_format
    assert sheet["F4"].value == 1760


def test_xlsx_needs_an_output_file():
    result = cli("savings", str(SMALL), "-f", "xlsx")
    assert result.exit_code == 2
    assert "-o" in result.stderr
