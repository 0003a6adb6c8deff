"""Writes the bundled example with the finance view (README, "Finance: financial years, exit costs, payback").

    python examples/finance/_make.py

leicester_2011_finance.yaml is examples/leicester_2011.yaml with: the Health contribution to the new
Strategic Director (Adult Social Care, Health & Housing) ending in March 2013, as the report says
("part funded by Health until March 2013", Appendix F); ages, service, notice and pensions for the six
people in competitive pools (ILLUSTRATIVE: not published); and illustrative LGPS strain factors.
tests/test_finance.py checks that the file is what this script writes, and its figures by hand.
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).parent
EXAMPLE = HERE.parent / "leicester_2011.yaml"

PEOPLE = {  # ILLUSTRATIVE figures for the people the example puts in competitive pools
    "P02": "age: 56, service_years: 20, notice_weeks: 12, pension: 30000",
    "P03": "age: 54, service_years: 25, pension: 35000",
    "P05": "age: 60, service_years: 30, pension: 45000",
    "P06": "age: 45, service_years: 10",
    "P11": "age: 58, service_years: 22, notice_weeks: 12, pension: 40000",
    "P13": "age: 50, service_years: 5",
}

FUNDING = ('       external_funding: 0.5,         # BC s.6: "a contribution from NHS Leicester City for half the salary"',
           '       external_funding: {share: 0.5, until: 2013-04-01},  # "part funded by Health until March 2013"')

COSTING = """  financial_year_start: "04-01"      # the council's financial year, 1 April to 31 March
  years: 5
  pension_strain:                     # ILLUSTRATIVE factors: an employer takes them from its actuary
    scheme: LGPS
    min_age: 55
    factors: {55: 2.0, 56: 1.8, 57: 1.7, 58: 1.6, 59: 1.5, 60: 1.4}
"""


def variant() -> str:
    """The example's text with the finance view's inputs added."""
    text = EXAMPLE.read_text(encoding="utf-8")
    text = text.replace("$schema=../slotting.schema.json", "$schema=../../slotting.schema.json", 1)  # one folder down
    assert FUNDING[0] in text
    text = text.replace(FUNDING[0], FUNDING[1])
    for person, fields in PEOPLE.items():
        head = f"  - {{id: {person}, "
        start = text.index(head)
        cut = text.index("salary: ", start)
        end = text.index(",", cut)
        text = text[:end] + f", {fields}" + text[end:]
    return text.rstrip("\n") + "\n" + COSTING


def main() -> None:
    (HERE / "leicester_2011_finance.yaml").write_text(variant(), encoding="utf-8")


if __name__ == "__main__":
    main()
