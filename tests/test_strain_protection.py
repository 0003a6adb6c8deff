"""Pension strain by scheme and protection by sector (issue 30, items 3 and 4), each figure worked by hand.

tests/finance/base.yaml: one post of 36,600 (G2) becomes one of 18,300 (G1); its holder P1 is assimilated and
loses 18,300 a year; on-costs 0, cells rounded to £1, effective 2 January 2012 (a Monday). With the overlap taken
out, P1 is displaced and employment ends on the effective date, notice paid in lieu.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from slotting import InputError, load, slot
from slotting.rules.case import cases
from slotting.rules.protection import describe
from slotting.rules.savings import savings

HERE = Path(__file__).parent / "finance"
BASE = (HERE / "base.yaml").read_text(encoding="utf-8")
NO_OVERLAP = ("overlaps:\n  - {old_post: O1, new_post: N1, old_in_new: 80, new_from_old: 80}", "overlaps: []")


def review_of(tmp_path: Path, text: str):
    path = tmp_path / "case.yaml"
    path.write_text(text, encoding="utf-8")
    return load(path)


def displaced(tmp_path: Path, person: str, strain: str, costing: str = "") -> str:
    """P1 displaced with the given fields, costing.pension_strain as given."""
    return BASE.replace(*NO_OVERLAP).replace("salary: 36600}", f"salary: 36600, {person}}}").replace(
        "costing: {", f"costing: {{{costing}pension_strain: {strain}, ")


def strain_of(tmp_path: Path, text: str):
    review = review_of(tmp_path, text)
    owed = cases(review, slot(review))["P1"].entitlements
    assert owed is not None
    return owed.strain


# Pension strain by years to normal pension age.

BY_YEARS = "{factors_by_years_to_npa: {0: 0, 5: 1.2, 7: 1.6}, normal_pension_age: 67}"


def test_strain_by_years_to_the_schemes_normal_pension_age(tmp_path):
    # Age 60 (as given), the scheme's NPA 67: 7 years, factor 1.6 x 10,000 = 16,000.
    strain = strain_of(tmp_path, displaced(tmp_path, "age: 60, service_years: 10, pension: 10000", BY_YEARS))
    assert strain.amount == 16000
    assert strain.basis == ("LGPS strain: pension £10,000 x factor 1.6 7 years to normal pension age 67 (the "
                            "scheme's) at age 60 (as given, on the effective date)")


def test_the_persons_normal_pension_age_overrides_the_schemes(tmp_path):
    # Age 60, their own NPA 65: 5 years, factor 1.2 x 10,000 = 12,000.
    person = "age: 60, service_years: 10, pension: 10000, normal_pension_age: 65"
    strain = strain_of(tmp_path, displaced(tmp_path, person, BY_YEARS))
    assert strain.amount == 12000 and "5 years to normal pension age 65 (people[].normal_pension_age)" in strain.basis


def test_a_part_year_to_normal_pension_age_counts_as_a_whole_one(tmp_path):
    # Born 1 June 1951: 60 on 2 January 2012 (60 years 7 months), NPA 65: 4 years 5 months away, counted as 5
    # (65 - 60), factor 1.2 x 10,000 = 12,000.
    person = "date_of_birth: 1951-06-01, service_years: 10, pension: 10000, normal_pension_age: 65"
    strain = strain_of(tmp_path, displaced(tmp_path, person, BY_YEARS))
    assert strain.amount == 12000 and "5 years to normal pension age 65" in strain.basis


def test_at_or_past_normal_pension_age_the_factor_for_none(tmp_path):
    # Age 68, NPA 67: no years left, factor 0.
    strain = strain_of(tmp_path, displaced(tmp_path, "age: 68, service_years: 10, pension: 10000", BY_YEARS))
    assert strain.amount == 0 and "0 years to normal pension age 67" in strain.basis


def test_no_factor_and_no_normal_pension_age_are_never_invented(tmp_path):
    # 6 years to NPA 67 (age 61): the table has 5 and 7, not 6.
    strain = strain_of(tmp_path, displaced(tmp_path, "age: 61, service_years: 10, pension: 10000", BY_YEARS))
    assert strain.amount is None and strain.basis == "no LGPS strain factor for 6 years to normal pension age 67"
    no_npa = "{factors_by_years_to_npa: {0: 0, 5: 1.2}}"
    strain = strain_of(tmp_path, displaced(tmp_path, "age: 60, service_years: 10, pension: 10000", no_npa))
    assert strain.amount is None and "no normal pension age" in strain.basis
    review = review_of(tmp_path, displaced(tmp_path, "age: 60, service_years: 10, pension: 10000", no_npa))
    assert dict(savings(review, slot(review)).finance.exit_costs.missing) == {"pension_strain": ("P1",)}


def test_min_age_still_comes_first(tmp_path):
    # Age 54, NPA 67: under the minimum age of 55, no unreduced pension whatever the table says.
    strain = strain_of(tmp_path, displaced(tmp_path, "age: 54, service_years: 10, pension: 10000", BY_YEARS))
    assert strain.amount == 0 and "under 55, no unreduced LGPS pension" in strain.basis


# The scheme's name and vesting period: from the severance scheme's pension.

NHS = "severance: {scheme: nhs-afc-section-16, floor: 20000, cap: 100000}, "


def test_an_nhs_review_names_the_nhs_pension_scheme_and_its_vesting(tmp_path):
    person = "age: 56, service_years: 1, pension: 1000"
    strain = strain_of(tmp_path, displaced(tmp_path, person, "{factors: {56: 2}}", NHS))
    assert strain.amount == 0
    assert strain.basis == ("none: 1 years' service (as given, on the effective date), under the NHS Pension Scheme "
                            "vesting period of 2 years' qualifying service: no pension to release")
    strain = strain_of(tmp_path, displaced(tmp_path, "age: 56, service_years: 2, pension: 1000", "{factors: {56: 2}}",
                                           NHS))
    assert strain.amount == 2000 and strain.basis.startswith("NHS Pension Scheme strain: pension £1,000 x factor 2")


def test_the_default_scheme_is_the_lgps_with_two_years(tmp_path):
    strain = strain_of(tmp_path, displaced(tmp_path, "age: 56, service_years: 1, pension: 1000", "{factors: {56: 2}}"))
    assert strain.amount == 0 and "under the LGPS vesting period of 2 years'" in strain.basis


def test_pension_strain_gives_its_own_scheme_and_vesting_over_the_severance_schemes(tmp_path):
    # USS named, vesting 0: one year's service is enough (2 x 1,000); the TPS with 5 years: three are not.
    own = "{scheme: USS, vesting_years: 0, factors: {56: 2}}"
    strain = strain_of(tmp_path, displaced(tmp_path, "age: 56, service_years: 1, pension: 1000", own, NHS))
    assert strain.amount == 2000 and strain.basis.startswith("USS strain")
    five = "{scheme: TPS, vesting_years: 5, factors: {56: 2}}"
    strain = strain_of(tmp_path, displaced(tmp_path, "age: 56, service_years: 3, pension: 1000", five))
    assert strain.amount == 0 and "under the TPS vesting period of 5 years'" in strain.basis


def test_a_scheme_defined_whole_gives_its_pension(tmp_path):
    scheme = ("severance: {unit: weeks, per_year: 2, pension: {scheme: USS, vesting_years: 1}}, ")
    strain = strain_of(tmp_path, displaced(tmp_path, "age: 56, service_years: 1, pension: 1000", "{factors: {56: 3}}",
                                           scheme))
    assert strain.amount == 3000 and strain.basis.startswith("USS strain")


@pytest.mark.parametrize(("strain", "says"), [
    ("{factors: {55: 2}, factors_by_years_to_npa: {0: 0}}", "give factors (by age) or factors_by_years_to_npa"),
    ("{min_age: 55}", "give factors (by age) or factors_by_years_to_npa"),
    ("{factors: {55: 2}, normal_pension_age: 65}", "normal_pension_age is for factors_by_years_to_npa"),
    ("{factors_by_years_to_npa: {05: 1}}", "years '05': expected a whole number of years written plainly"),
    ("{factors_by_years_to_npa: {}}", "give at least one factor"),
    ("{factors_by_years_to_npa: {61: 1}}", "costing.pension_strain.factors_by_years_to_npa"),
])
def test_bad_strain_tables_are_refused_where_they_are(tmp_path, strain, says):
    with pytest.raises(InputError) as e:
        review_of(tmp_path, displaced(tmp_path, "age: 56, service_years: 3, pension: 1000", strain))
    assert says in str(e.value)


# Protection by sector.

ALLOWANCES = "salary: 36600, allowances: {unsocial_hours: 2400, on_call: 1000}}"


def with_policy(text: str, protection: str, costing: str = "") -> str:
    return text.replace("costing: {", f"policy: {{protection: {protection}}}\ncosting: {{{costing}")


def test_included_allowances_are_protected_with_the_salary(tmp_path):
    # Protected pay 36,600 + 2,400 (unsocial_hours; on_call is not included) = 39,000; new pay 18,300; the fall
    # 20,700 is protected for two years (cash). Finance view: 2011/12 has 90 of 366 days: 20,700 x 90/366 =
    # 5,090.16; 2012/13 whole; 2013/14 to 1 January 2014, 276 of 365 days: 20,700 x 276/365 = 15,652.60.
    review = review_of(tmp_path, with_policy(BASE.replace("salary: 36600}", ALLOWANCES),
                                             "{includes: [unsocial_hours]}"))
    result = slot(review)
    assert cases(review, result)["P1"].protection == (20700, 20700)
    s = savings(review, result)
    assert s.finance is not None
    assert [(y.label, y.protection) for y in s.finance.years] == [("2011/12", 5090), ("2012/13", 20700),
                                                                  ("2013/14", 15653)]
    assert "the protected pay includes unsocial_hours (policy.protection.includes)" in describe(review.policy, 18300)


def test_without_includes_allowances_change_nothing(tmp_path):
    review = review_of(tmp_path, BASE.replace("salary: 36600}", ALLOWANCES))
    result = slot(review)
    assert cases(review, result)["P1"].protection == (18300, 18300)
    s = savings(review, result)
    assert s.finance is not None
    assert [y.protection for y in s.finance.years] == [4500, 18300, 13838]  # as tests/test_finance.py


def test_the_savings_profile_reads_the_same_fall_as_the_case(tmp_path):
    # Without the finance view (no financial_year_start or years), each year's protection of a half-time P1:
    # 20,700 x 0.5 = 10,350 for two years; the case's schedule is of the full-time fall.
    text = with_policy(BASE.replace("salary: 36600}", ALLOWANCES.replace("salary", "fte: 0.5, salary")),
                       "{includes: [unsocial_hours, on_call]}").replace(
        'costing: {round_to: 1, financial_year_start: "04-01", years: 3}', "costing: {round_to: 1}")
    review = review_of(tmp_path, text)
    result = slot(review)
    assert cases(review, result)["P1"].protection == (21700, 21700)
    assert savings(review, result).protection_by_year == (10850, 10850)


def test_allowances_alone_are_not_protected_when_the_salary_does_not_fall(tmp_path):
    # G2 to G2: no fall in salary, so no protection, whatever the allowances.
    text = with_policy(BASE.replace("salary: 36600}", ALLOWANCES).replace("title: Officer, grade: G1",
                                                                          "title: Officer, grade: G2"),
                       "{includes: [unsocial_hours]}")
    review = review_of(tmp_path, text)
    assert cases(review, slot(review))["P1"].protection == ()


def test_protection_held_in_cash_or_rising_with_awards(tmp_path):
    # A 1% award from 1 April 2012: the new pay becomes 18,483. Held in cash terms (default): 36,600 - 18,483 =
    # 18,117 in 2012/13, and 18,117 x 276/365 = 13,699.43 in 2013/14. Rising with awards: 36,966 - 18,483 =
    # 18,483, and 18,483 x 276/365 = 13,976.19. The first 90 days are before the award: 18,300 x 90/366 = 4,500.
    awards = "pay_awards: {2012/13: 0.01}, "
    cash = savings(*_slotted(review_of(tmp_path, BASE.replace("costing: {", f"costing: {{{awards}"))))
    rising = savings(*_slotted(review_of(tmp_path, with_policy(BASE, "{rises_with_awards: true}", awards))))
    assert cash.finance is not None and rising.finance is not None
    assert [y.protection for y in cash.finance.years] == [4500, 18117, 13699]
    assert [y.protection for y in rising.finance.years] == [4500, 18483, 13976]


def _slotted(review):
    return review, slot(review)


def test_red_circling_is_mark_time(tmp_path):
    with pytest.raises(InputError) as e:
        review_of(tmp_path, with_policy(BASE, "red_circle"))
    assert "case.yaml:19:22: policy.protection: red_circle is mark_time here" in str(e.value)
    # Marking time: the salary of 36,600 held, no award on it, until the grade's pay reaches it. With a 100%
    # award from 1 April 2013 the new pay becomes 36,600: 18,300 a year until then, nothing after.
    awards = "pay_awards: {2013/14: 1}, "
    review = review_of(tmp_path, with_policy(BASE, "mark_time", awards))
    s = savings(review, slot(review))
    assert s.finance is not None
    assert [y.protection for y in s.finance.years] == [4500, 18300, 0]


def test_mark_time_cannot_rise_with_awards(tmp_path):
    with pytest.raises(InputError) as e:
        review_of(tmp_path, with_policy(BASE, "{scheme: mark_time, rises_with_awards: true}"))
    assert "mark_time holds the salary until pay awards close the gap" in str(e.value)


def test_run_explain_and_the_case_state_one_protection_with_allowances():
    """With policy.protection.includes, the engine finds each person's included allowances once; run's JSON, explain
    and the case give the same protected fall (salary fall + allowances) and the same schedule."""
    from slotting import slot
    from slotting.render.explain import explain_text
    from slotting.render.run import run_data
    from slotting.rules.case import cases

    from .conftest import build, with_base

    review = build(with_base({
        "review": {"name": "t", "effective_date": "2012-04-01"},
        "policy": {"protection": {"scheme": "tapered", "shares": [1, 0.5], "includes": ["car"]}},
        "old_structure": {"posts": [{"id": "O1", "title": "Head", "grade": "G4"}]},
        "new_structure": {"posts": [{"id": "N1", "title": "Lead", "grade": "G3"}]},
        "people": [{"id": "P1", "post": "O1", "salary": 51000, "allowances": {"car": 2400}}],
        "overlaps": [{"old_post": "O1", "new_post": "N1", "old_in_new": 80, "new_from_old": 80}]}))
    result = slot(review)
    person = result.person("P1")
    assert person.protected_allowances == 2400 and person.slots[0].pay.protection == 9000
    case = cases(review, result)["P1"]
    assert case.protection == (11400, 5700)  # (9,000 + 2,400) then half
    people = list(run_data(result)["people"])  # a generator: the JSON is streamed
    assert people[0]["slots"][0]["protection_by_year"] == [11400, 5700]
    text = "".join(explain_text(result, "P1", review, case))
    assert "protected with £2,400 of allowances" in text and "£11,400 in year 1, £5,700 in year 2" in text
