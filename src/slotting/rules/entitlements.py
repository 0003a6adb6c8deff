"""What leaving would cost one person at risk, each part with its basis (rules.case): redundancy pay under the
review's severance scheme (rules.severance), pay in lieu of notice, pension strain and employer National Insurance.

- Redundancy pay: by default the local government scheme, statutory redundancy pay (ERA 1996 s.155 and s.162) with
  the week's pay capped by the limit in force on the relevant date, enhanced under the 2006 Regulations (reg 5 the
  actual week's pay, reg 6 a multiplier, at most 104 weeks in all). A person whose voluntary redundancy was
  accepted is costed on the scheme's voluntary terms, if it has any; an unreasonable refusal of suitable employment
  gives no redundancy payment (ERA 1996 s.141(2)).
- Pay in lieu of notice at the actual week's pay; pension strain for a member of the minimum age when employment
  ends who has served the vesting period of the severance scheme's pension, the factor by age or by years to normal
  pension age; employer National Insurance on the day employment ends (data/exit_nics.yaml).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from ..data import in_force
from ..formats import pounds, rate
from ..model import Person, ReviewFile
from ..model.costing import Scheme
from .notice import age_on, service_on
from .oncosts import ni_in_force
from .redundancy import RedundancyCost, WeeklyLimit, no_limit_known, weekly_limit
from .rounding import PENNY, round_cell
from .severance import severance_cost

if TYPE_CHECKING:
    from .decisions import Standing

MAX_DISCRETIONARY_WEEKS = Decimal(104)  # 2006 Regulations reg 6(2)
NO_PAYMENT = "no redundancy payment (ERA 1996 s.141(2))"


@dataclass(frozen=True)
class Part:
    """One amount of a person's case, in pence (None when no figure can be made), and how it was found."""

    amount: Decimal | None
    basis: str

    def __post_init__(self) -> None:
        if self.amount is not None:
            object.__setattr__(self, "amount", round_cell(self.amount, PENNY))


@dataclass(frozen=True)
class Entitlements:
    """What leaving would cost for one person at risk, each part with its basis."""

    redundancy: Part
    notice: Part  # pay in lieu of notice
    strain: Part
    employer_ni: Part  # Class 1 on the notice pay and Class 1A on the termination award
    redundancy_cost: RedundancyCost | None  # the weeks and week's pay behind the redundancy part

    @property
    def parts(self) -> tuple[tuple[str, Part], ...]:
        """Gives the parts by name, in the order every view shows them."""
        return (("redundancy", self.redundancy), ("notice", self.notice), ("pension_strain", self.strain),
                ("employer_ni", self.employer_ni))


def _lg_scheme(actual_weeks_pay: bool, multiplier: Decimal) -> Scheme:
    """Gives the local government scheme (2006 Regulations) with its two discretions."""
    from ..model.costing import Costing

    return Costing.model_validate({"redundancy": {"actual_weeks_pay": actual_weeks_pay, "multiplier": multiplier}}).scheme


def redundancy_cost(pay: Decimal, age: int, service_years: int, limit: WeeklyLimit, actual_weeks_pay: bool = False,
                    multiplier: Decimal = Decimal(1), relevant: dt.date | None = None, basis: str = "") -> RedundancyCost:
    """Gives the lump sum for one person on a relevant date, statutory or enhanced under the 2006 Regulations (the
    lg-england-wales-2006 scheme)."""
    cost = severance_cost(_lg_scheme(actual_weeks_pay, multiplier), pay, age, service_years, limit, relevant, basis)
    assert cost is not None
    return cost


def _voluntary(review: ReviewFile, person_id: str) -> bool:
    """True when the person's voluntary redundancy was accepted (decisions), for the scheme's voluntary terms."""
    return any(d.type == "voluntary_redundancy" and d.result == "accepted" and d.person == person_id
               for d in review.decisions)


def _redundancy(review: ReviewFile, person_id: str, pay: Decimal, age: int | None, service: int | None,
                relevant: dt.date | None, basis: str, standing: Standing | None = None) -> RedundancyCost | str:
    """Gives the redundancy estimate on the relevant date under the review's scheme, or why none can be made."""
    if standing is not None and standing.no_redundancy_payment is not None:
        return RedundancyCost(Decimal(0), pay / 52, Decimal(0), f"{NO_PAYMENT}: {standing.no_redundancy_payment} was "
                              "an unreasonable refusal of suitable alternative employment")
    if age is None or service is None:
        return "age or service missing"
    jurisdiction = review.review.jurisdiction
    limit = weekly_limit(relevant, jurisdiction)
    scheme = review.costing.scheme
    # At the current stage the cascade says who left by voluntary redundancy; without it, the records do.
    chose = standing.status == "voluntary_redundancy" if standing is not None else _voluntary(review, person_id)
    voluntary = scheme.voluntary is not None and chose
    cost = severance_cost(scheme, pay, age, service, limit, relevant, basis, jurisdiction, voluntary)
    return cost if cost is not None else no_limit_known(relevant, jurisdiction)


def _strain(review: ReviewFile, p: Person, age: int | None, age_basis: str, service: int | None,
            service_basis: str) -> Part:
    """Gives the pension strain on the day employment ends: as given, else the scheme's factor (by age, or by years
    to normal pension age) x the annual pension, after the scheme's vesting period and from its minimum age."""
    if p.pension_strain is not None:
        return Part(p.pension_strain, "pension strain as given (people[].pension_strain)")
    table = review.costing.strain
    if table is None:
        return Part(None, "no pension_strain given and no costing.pension_strain factors")
    assert table.vesting_years is not None  # filled in from the severance scheme's pension (Costing.strain)
    if age is None:
        return Part(None, "age missing")
    # Vesting first: a member who has not served it has no pension to release, whatever their age.
    if service is not None and service < table.vesting_years:
        return Part(Decimal(0), f"none: {service_basis}, under the {table.scheme} vesting period of "
                    f"{table.vesting_years} years' qualifying service: no pension to release")
    if age < table.min_age:
        return Part(Decimal(0), f"none: {age_basis.removeprefix('at ')}, under {table.min_age}, no unreduced "
                    f"{table.scheme} pension")
    if table.factors is not None:
        factor, by = table.factors.get(age), age_basis
        if factor is None:
            return Part(None, f"no {table.scheme} strain factor for age {age}")
    else:
        assert table.factors_by_years_to_npa is not None
        npa = p.normal_pension_age if p.normal_pension_age is not None else table.normal_pension_age
        if npa is None:
            return Part(None, f"no normal pension age for the {table.scheme} factors by years to it "
                        "(people[].normal_pension_age or costing.pension_strain.normal_pension_age)")
        years = max(0, npa - age)
        whose = "people[].normal_pension_age" if p.normal_pension_age is not None else "the scheme's"
        factor, by = (table.factors_by_years_to_npa.get(years),
                      f"{years} years to normal pension age {npa} ({whose}) {age_basis}")
        if factor is None:
            return Part(None, f"no {table.scheme} strain factor for {years} years to normal pension age {npa}")
    if p.pension is None:
        return Part(None, "annual pension missing (people[].pension)")
    return Part(p.pension * factor, f"{table.scheme} strain: pension {pounds(p.pension)} x factor {factor} {by}")


def _employer_ni(redundancy: Part, notice_pay: Part, ends: dt.date | None) -> Part:
    """Gives the employer NI on the exit payments, on the day employment ends: Class 1 on pay in lieu of notice and Class 1A on
    the termination award above the threshold, each at the Class 1 secondary rate then in force."""
    if ends is None:
        return Part(Decimal(0), "none: no date for the end of employment")
    rules, rates = in_force("exit_nics", ends), ni_in_force(ends)
    if rules is None or rates is None:
        return Part(Decimal(0), f"none: no National Insurance figures are known for {ends}")
    amount, said = Decimal(0), []
    if rules["pilon_earnings"] and notice_pay.amount:
        amount += rates.rate * notice_pay.amount
        said.append(f"Class 1 at {rate(rates.rate)} on the pay in lieu of notice")
    threshold = rules["class_1a_above"]
    if threshold is not None and redundancy.amount and redundancy.amount > threshold:
        amount += rates.rate * (redundancy.amount - Decimal(threshold))
        said.append(f"Class 1A at {rate(rates.rate)} on the redundancy pay above {pounds(threshold)}")
    if not said:
        return Part(Decimal(0), f"none on {ends} ({rules['source']})")
    return Part(amount, f"{'; '.join(said)}, on {ends} ({rules['source']}; {rates.source})")


def entitlements(review: ReviewFile, person_id: str, notice: tuple[int | None, str], relevant: dt.date | None,
                 age: tuple[int | None, str], service: tuple[int | None, str], ends: dt.date | None,
                 standing: Standing | None = None) -> Entitlements:
    """Gives what leaving would cost a person at risk: redundancy pay on the relevant date (at their age and service
    then, each with its basis), notice pay in lieu (their notice in weeks and its basis), and the pension strain and
    employer NI on the day employment ends."""
    person = review.person[person_id]
    weeks, notice_basis = notice
    pay = person.salary * review.fte(person_id)  # a week's pay is of the hours worked
    estimate = _redundancy(review, person_id, pay, age[0], service[0], relevant, f"{age[1]}; {service[1]}", standing)
    cost = estimate if isinstance(estimate, RedundancyCost) else None
    redundancy = Part(cost.amount, cost.basis) if cost else Part(None, str(estimate))
    notice_pay = (Part(weeks * pay / 52, f"{notice_basis} at {pounds(pay / 52)} a week, paid in lieu")
                  if weeks is not None else Part(None, notice_basis))
    end_age, end_basis = age_on(person, ends, "the day employment ends")
    strain = _strain(review, person, end_age, end_basis, *service_on(person, ends, "the day employment ends"))
    return Entitlements(redundancy, notice_pay, strain, _employer_ni(redundancy, notice_pay, ends), cost)
