"""Severance schemes as data (costing.severance, rules.severance), worked by hand: NHS Agenda for Change Section 16
(England) on the NHS example with its floor, cap and 24-month maximum; an employer's own scheme with age bands,
a multiplier above 3.467 and voluntary terms; statutory pay as the least any scheme gives; LGPS vesting."""

from __future__ import annotations

from decimal import Decimal

import pytest
from pydantic import ValidationError

from slotting import slot
from slotting.model.costing import DEFAULT_SCHEME, Costing
from slotting.reading.loader import load
from slotting.rules.case import cases

from .conftest import ROOT, build, cli, with_base

NHS = ROOT / "examples" / "nhs" / "trust_admin_restructure.yaml"
SECTION_16 = {"scheme": "nhs-afc-section-16", "floor": 23000, "cap": 80000}


def _review(person: dict, *, costing: dict | None = None, decisions: list | None = None, salary: int = 52000):
    """One person displaced from O1 (no overlaps), effective 2 June 2025, notice in lieu; £52,000 is £1,000 a week."""
    return build(with_base({
        "review": {"name": "t", "effective_date": "2025-06-02"},
        "old_structure": {"posts": [{"id": "O1", "title": "Head", "grade": "G4"}]},
        "new_structure": {"posts": [{"id": "N1", "title": "Other", "grade": "G4"}]},
        "people": [{"id": "P1", "post": "O1", "salary": salary, **person}],
        "costing": costing or {}, "overlaps": [], "decisions": decisions or []}))


def _redundancy(review):
    owed = cases(review, slot(review))["P1"].entitlements
    assert owed is not None
    return owed.redundancy


def test_the_nhs_example_under_section_16():
    """Section 16 (England): one month's pay per complete year of reckonable service, at most 24 months; a month's
    pay the greater of 1/12 of annual pay and 4.35 weeks' pay (4.35 x pay / 52 is always the greater for pay by
    the year); annual pay raised to the floor (£23,000) and held to the cap (£80,000); nothing under two years.
    N1: 28 years -> 24 months (the maximum); £93,735 held to the £80,000 cap: 24 x 4.35 x 80,000 / 52 = £160,615.38.
    N3: 30 years -> 24 months at £29,114: 24 x 4.35 x 29,114 / 52 = £58,451.95.
    N5: 10 years at £25,674: 10 x 4.35 x 25,674 / 52 = £21,477.29.
    N6: 1 year, under two years' continuous NHS service: nothing (and no statutory pay, ERA 1996 s.155).
    N7: 3 years at £24,071: 3 x 4.35 x 24,071 / 52 = £6,040.90 (statutory: 2.5 weeks x £462.90 = £1,157.26)."""
    review = load(NHS)
    found = cases(review, slot(review))
    expected = {"N1": Decimal("160615.38"), "N3": Decimal("58451.95"), "N5": Decimal("21477.29"), "N6": Decimal(0),
                "N7": Decimal("6040.90")}
    for person, amount in expected.items():
        owed = found[person].entitlements
        assert owed is not None and owed.redundancy.amount == amount, person
    basis = found["N1"].entitlements.redundancy.basis  # type: ignore[union-attr]
    assert basis.startswith("24 months under NHS Terms and Conditions of Service Handbook, Section 16 (England)")
    assert "held to the annual earnings cap of £80,000" in basis and "at most 24 months' pay" in basis
    assert "under two years' continuous NHS service" in found["N6"].entitlements.redundancy.basis  # type: ignore[union-attr]
    assert found["N1"].entitlements.redundancy_cost.months == 24  # type: ignore[union-attr]


def test_the_section_16_floor_raises_low_pay():
    """£18,000 a year, 5 years: raised to the £23,000 floor, 5 x 4.35 x 23,000 / 52 = £9,620.19."""
    part = _redundancy(_review({"age": 40, "service_years": 5}, costing={"severance": SECTION_16}, salary=18000))
    assert part.amount == Decimal("9620.19")
    assert "raised to the annual earnings floor of £23,000" in part.basis


def test_section_16_needs_the_floor_and_cap_from_the_employer(tmp_path):
    """The package ships no figure for the floor and cap: a review naming the scheme alone is refused, located."""
    path = tmp_path / "review.yaml"
    path.write_text(NHS.read_text(encoding="utf-8").replace(
        "  severance: {scheme: nhs-afc-section-16, floor: 23000, cap: 80000}", "  severance: nhs-afc-section-16"),
        encoding="utf-8")
    result = cli("validate", str(path))
    assert result.exit_code == 1, result.output
    assert "costing.severance" in result.output and "needs floor and cap" in result.output
    assert "Traceback" not in result.output


def test_the_default_scheme_is_todays_costing():
    """No costing.severance: the lg-england-wales-2006 scheme, with costing.redundancy's reg 5 and reg 6 options."""
    assert Costing().scheme.name == DEFAULT_SCHEME
    scheme = Costing.model_validate({"redundancy": {"actual_weeks_pay": True, "multiplier": "2"}}).scheme
    assert (scheme.pay, scheme.multiplier, scheme.maximum) == ("actual", 2, 104)
    named = Costing.model_validate({"severance": DEFAULT_SCHEME, "redundancy": {"multiplier": "2"}}).scheme
    assert named == scheme.model_copy(update={"pay": "capped"})


@pytest.mark.parametrize("costing", [
    {"redundancy": {"multiplier": 4}},
    {"severance": {"scheme": DEFAULT_SCHEME, "multiplier": 4}},
])
def test_the_3467_multiplier_bounds_the_local_government_scheme(costing):
    with pytest.raises(ValidationError, match="3.467"):
        Costing.model_validate(costing)


def test_another_scheme_states_its_own_maximum():
    """An employer's scheme of 1.5 weeks a year x 4 (above 3.467, allowed: the 2006 Regulations do not bind it),
    at most 60 weeks: aged 45, 10 years -> 15 x 4 = 60 weeks at the actual £1,000 = £60,000."""
    own = {"unit": "weeks", "per_year": "1.5", "multiplier": 4, "maximum": 60, "source": "the University's scheme"}
    part = _redundancy(_review({"age": 45, "service_years": 10}, costing={"severance": own}))
    assert part.amount == 60000 and "under the University's scheme" in part.basis


def test_age_bands_and_voluntary_terms():
    """Age bands of 1 week a year, 2 from age 41: aged 45, 10 years: ages 44-41 (4 x 2) and 40-35 (6 x 1) = 14 weeks
    = £14,000. Its voluntary terms, 3 weeks a year flat, for a person whose voluntary redundancy was accepted:
    30 weeks = £30,000."""
    own = {"unit": "weeks", "per_year": [{"from": 0, "per_year": 1}, {"from": 41, "per_year": 2}],
           "voluntary": {"per_year": 3}}
    person = {"age": 45, "service_years": 10}
    assert _redundancy(_review(person, costing={"severance": own})).amount == 14000
    accepted = [{"id": "V1", "type": "voluntary_redundancy", "date": "2025-03-01", "by": "HR", "person": "P1",
                 "requested": "2025-02-01", "result": "accepted"}]
    part = _redundancy(_review(person, costing={"severance": own}, decisions=accepted))
    assert part.amount == 30000 and part.basis.startswith("voluntary terms: ")
    declined = [{**accepted[0], "result": "declined"}]
    assert _redundancy(_review(person, costing={"severance": own}, decisions=declined)).amount == 14000


def test_statutory_pay_is_the_least_any_scheme_gives():
    """0.1 weeks a year gives 1 week (£1,000); statutory pay, aged 45 with 10 years, is 12 weeks at the £719 limit
    (6 April 2025) = £8,628: that is the estimate."""
    part = _redundancy(_review({"age": 45, "service_years": 10},
                               costing={"severance": {"unit": "weeks", "per_year": "0.1"}}))
    assert part.amount == 8628 and part.basis.startswith("statutory redundancy pay, more than the scheme gives")


def test_another_schemes_terms_are_not_given_as_the_lg_options():
    with pytest.raises(ValidationError, match="costing.redundancy gives the options of the lg-england-wales-2006"):
        Costing.model_validate({"severance": SECTION_16, "redundancy": {"multiplier": 2}})


def test_an_unknown_scheme_is_refused_with_the_names_known():
    with pytest.raises(ValidationError, match="expected one of lg-england-wales-2006, nhs-afc-section-16"):
        Costing.model_validate({"severance": "nhs"})


@pytest.mark.parametrize(("service", "strain"), [(1, 0), (2, 20000)])
def test_lgps_vesting_is_checked_before_strain(service, strain):
    """Aged 56, pension £10,000, factor 2: strain £20,000 only once the two years' vesting period is served."""
    review = _review({"age": 56, "service_years": service, "pension": 10000},
                     costing={"pension_strain": {"min_age": 55, "factors": {56: 2}}})
    owed = cases(review, slot(review))["P1"].entitlements
    assert owed is not None and owed.strain.amount == strain
    if not strain:
        assert "under the LGPS vesting period of 2 years' qualifying service" in owed.strain.basis
