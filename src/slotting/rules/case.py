"""The per-person case: every figure and date the views state about one person, computed once, with its basis.

`cases(review, result)` gives, for every person the slotting covers, their notice (one rule), the dates
(notice given, earliest dismissal, the end of employment, the relevant date, trial end, protection end),
the protection schedule, what they may apply for, and for the people at risk the exit entitlements on the
day the law takes them. `run`, `explain`, `timeline`, `letters`, `savings` and the finance view read these
figures; none computes them again.

The law, each figure from a dated table in data/ (the row in force on the day named):
- Notice, Employment Rights Act 1996 s.86(1) (data/statutory_notice.yaml): the contractual notice
  (people[].notice_weeks, else policy.notice_weeks) or the statutory minimum, whichever is longer.
- The end of employment: the earliest dismissal where the timeline dates it (notice given the day after the
  decision, or after objections close, and never before the collective consultation minimum); else the
  review's effective date, notice being paid in lieu.
- The relevant date, ERA 1996 s.145: the day notice expires (s.145(2)(a)); where employment ends with less
  than the statutory minimum notice (pay in lieu), that day extended by the statutory minimum (s.145(5)), for
  the qualifying service (s.155), the years counted (s.162(1)) and the week's-pay limit (s.227(3)).
- Redundancy pay under the review's severance scheme (costing.severance, rules.severance): by default the local
  government one, statutory redundancy pay (ERA 1996 s.155 and s.162, data/statutory_redundancy.yaml) with
  the week's pay capped by the limit in force on the relevant date (data/weekly_limits.yaml), enhanced under
  the Local Government (Early Termination of Employment) (Discretionary Compensation) (England and Wales)
  Regulations 2006: reg 5 (the actual week's pay), reg 6 (a multiplier, at most 104 weeks in all). A person
  whose voluntary redundancy was accepted (decisions) is costed on the scheme's voluntary terms, if it has any.
- Pay in lieu of notice at the actual week's pay; pension strain for a member aged 55 or over when employment
  ends (LGPS Regulations 2013 reg 30(7)) who has served the vesting period of the severance scheme's pension
  (data/severance/: two years' qualifying service in the LGPS), continuous service standing for membership; the
  factor by age, or by years to normal pension age (the person's, else the scheme's).
- The jurisdiction (review.jurisdiction) chooses the tables: Northern Ireland's notice (Employment Rights
  (Northern Ireland) Order 1996 Art 118) and week's-pay limits (Art 23, data/weekly_limits_ni.yaml, with
  dates for which no figure is known); its other provisions are cited as the Northern Ireland equivalent of
  the ERA 1996's.
- Employer National Insurance on the day employment ends (data/exit_nics.yaml and data/employer_ni.yaml):
  Class 1 on pay in lieu of notice from 6 April 2018; Class 1A on a termination award above £30,000 from
  6 April 2020.

Ages and service: from people[].date_of_birth and continuous_service_start, whole years on the day each rule
needs; else age and service_years as given, which mean the effective date (the basis says which).

The stage: by default the proposal (who the slotting puts at risk). Given the cascade's standings (rules.decisions,
`stage=`), the current stage: the people at risk are those the decisions leave at risk (in a pool, on trial, or
with no place of their own) or made redundant, voluntarily or compulsorily; notice of a redundancy decided after
the proposal is given the day after the last decision that led there; voluntary redundancy is costed on the
scheme's voluntary terms; and an unreasonable refusal of suitable employment gives no redundancy payment (ERA 1996
s.141(2)).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from ..data import in_force
from ..formats import pounds, rate
from ..model import Person, Policy, ReviewFile
from ..model.calendar import add_years
from ..model.costing import Scheme
from .dates import ReviewDates, review_dates
from .oncosts import ni_in_force
from .protection import by_year, fall, protection_years
from .redundancy import RedundancyCost, WeeklyLimit, no_limit_known, weekly_limit
from .results import SlottingResult
from .rounding import PENNY, round_cell
from .severance import severance_cost, statutory_weeks

if TYPE_CHECKING:
    from .decisions import Decided, Standing

__all__ = ["NO_PAYMENT", "Case", "Cases", "Entitlements", "Part", "at_risk_now", "cases", "notice", "redundancy_cost",
           "statutory_notice_weeks", "statutory_weeks", "whole_years"]

TRIAL_WEEKS = 4  # ERA 1996 s.138(3): four weeks from the end of the old contract
MAX_DISCRETIONARY_WEEKS = Decimal(104)  # 2006 Regulations reg 6(2)
NO_PAYMENT = "no redundancy payment (ERA 1996 s.141(2))"
LEAVING = ("voluntary_redundancy", "compulsory_redundancy")  # the statuses of the cascade that end in a redundancy


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
        return (("redundancy", self.redundancy), ("notice", self.notice), ("pension_strain", self.strain),
                ("employer_ni", self.employer_ni))


@dataclass(frozen=True)
class Case:
    person: str
    outcome: str
    at_risk: bool
    notice_weeks: int | None
    notice_basis: str
    notice_given: dt.date | None  # for the people at risk, where the timeline dates it
    earliest_dismissal: dt.date | None  # likewise
    employment_ends: dt.date | None  # the earliest dismissal, else the effective date (notice in lieu)
    relevant_date: dt.date | None
    relevant_basis: str
    age: int | None  # whole years on the relevant date (or as given)
    age_basis: str
    service_years: int | None  # complete years of continuous employment to the relevant date (or as given)
    service_basis: str
    trial_end: dt.date | None
    protection: tuple[Decimal, ...]  # paid in each protection year, at today's pay
    protection_end: dt.date | None
    may_apply_for: tuple[str, ...]  # new post ids
    may_apply_basis: str
    entitlements: Entitlements | None  # for the people at risk


@dataclass(frozen=True)
class Cases:
    dates: ReviewDates
    people: dict[str, Case]

    def __getitem__(self, person_id: str) -> Case:
        return self.people[person_id]


def trial_weeks(policy: Policy) -> int:
    """Gives the weeks of a trial period in a changed post: ERA 1996 s.138(3)'s four, or the policy's when longer."""
    return max(TRIAL_WEEKS, policy.trial_period_weeks or 0)


def whole_years(start: dt.date, on: dt.date) -> int:
    """Gives the whole years from `start` to `on` (an age, or complete years of service)."""
    return on.year - start.year - ((on.month, on.day) < (start.month, start.day))


def _notice_row(on: dt.date | None, jurisdiction: str) -> dict:
    row = in_force("statutory_notice", on or dt.date.max, jurisdiction) \
        or in_force("statutory_notice", dt.date.max, jurisdiction)
    assert row is not None
    return row


def statutory_notice_weeks(service_years: int, on: dt.date | None = None, jurisdiction: str = "england-wales") -> int:
    """Gives the minimum notice an employer must give under ERA 1996 s.86(1) (Northern Ireland: ER(NI)O 1996
    Art 118(1)), in weeks."""
    row = _notice_row(on, jurisdiction)
    return row["minimum"] if service_years < row["from_years"] else min(service_years, row["maximum"])


def notice(person: Person, contractual_default: int | None, service_years: int | None,
           on: dt.date | None = None, jurisdiction: str = "england-wales") -> tuple[int | None, str]:
    """Gives a person's notice in weeks, the longer of the contractual and the statutory, and why."""
    contractual = person.notice_weeks if person.notice_weeks is not None else contractual_default
    statutory = statutory_notice_weeks(service_years, on, jurisdiction) if service_years is not None else None
    known = [w for w in (contractual, statutory) if w is not None]
    if not known:
        return None, "no service_years or notice_weeks given"
    weeks = max(known)
    if contractual is not None and (statutory is None or contractual >= statutory):
        return weeks, f"{weeks} weeks' contractual notice"
    return weeks, (f"{weeks} weeks' statutory notice ({_notice_row(on, jurisdiction)['cite']}, {service_years} "
                   "years' service)")


def _law(jurisdiction: str, provision: str) -> str:
    """Gives a provision of the ERA 1996 as it applies in a jurisdiction: in Northern Ireland, its equivalent."""
    if jurisdiction == "northern-ireland":
        return f"the Employment Rights (Northern Ireland) Order 1996's equivalent of {provision}"
    return provision


def _age(person: Person, on: dt.date | None, day_name: str) -> tuple[int | None, str]:
    if person.date_of_birth is not None and on is not None:
        age = whole_years(person.date_of_birth, on)
        return age, f"at age {age} (on {day_name} {on}, born {person.date_of_birth})"
    if person.age is not None:
        return person.age, f"at age {person.age} (as given, on the effective date)"
    return None, "no age or date_of_birth given"


def _service(person: Person, on: dt.date | None, day_name: str) -> tuple[int | None, str]:
    if person.continuous_service_start is not None and on is not None:
        years = max(0, whole_years(person.continuous_service_start, on))
        return years, f"{years} complete years' service from {person.continuous_service_start} to {day_name} {on}"
    if person.service_years is not None:
        return person.service_years, f"{person.service_years} years' service (as given, on the effective date)"
    return None, "no service_years or continuous_service_start given"


def _lg_scheme(actual_weeks_pay: bool, multiplier: Decimal) -> Scheme:
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
    """Employer NI on the exit payments, on the day employment ends: Class 1 on pay in lieu of notice and Class 1A on
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


def _open_posts(review: ReviewFile, result: SlottingResult, person_id: str,
                ring_fenced: tuple[str, ...]) -> tuple[tuple[str, ...], str]:
    """Gives the new posts a person at risk may apply for under the policy, and the rule that says so."""
    slotted = result.person(person_id)
    assert slotted is not None
    if review.policy.ring_fence is not None:
        if slotted.may_apply_for:
            return slotted.may_apply_for, "the ring-fence tiers (policy.ring_fence) open these posts to them"
        return (), "the ring-fence tiers (policy.ring_fence) open no post to them"
    if review.policy.alternatives:
        return tuple(a.post for a in slotted.alternatives), \
            "the ring-fenced posts their post overlaps with (policy.alternatives)"
    return ring_fenced, "every ring-fenced post"


def at_risk_now(standing: Standing) -> bool:
    """True when the decisions leave the person at risk (in a pool, on trial, or with no place of their own) or
    made them redundant."""
    return standing.at_risk or standing.status in LEAVING


def _decided_on(standing: Standing) -> dt.date | None:
    """Gives the day of the last decision that led to a redundancy (None for a redundancy in the proposal)."""
    days = [s.date for s in standing.history if s.record != "proposal" and s.date is not None]
    return max(days) if days and standing.status in LEAVING else None


def cases(review: ReviewFile, result: SlottingResult, count_at_risk: bool = False,
          stage: Decided | None = None) -> Cases:
    """Gives every slotted person's case: the one place each per-person figure and date is computed; at the current
    stage when `stage` gives the cascade's standings (rules.decisions.decided), else at the proposal."""
    dates = review_dates(review, result, count_at_risk)
    jurisdiction = review.review.jurisdiction
    policy = review.policy
    effective = review.review.effective_date
    years = protection_years(policy)
    unending = policy.protection.scheme == "mark_time" and policy.protection.years is None
    ring_fenced = tuple(p.id for p in result.posts if p.ring_fenced_places)  # one tuple shared by all who may apply
    found: dict[str, Case] = {}
    for p in result.people:
        person = review.person[p.id]
        standing = stage.person(p.id) if stage is not None else None
        at_risk = result.at_risk(p.id) if standing is None else at_risk_now(standing)
        service_now = person.service_years
        if person.continuous_service_start is not None and dates.notice_from is not None:
            service_now = max(0, whole_years(person.continuous_service_start, dates.notice_from))
        weeks, basis = notice(person, policy.notice_weeks, service_now, dates.notice_from, jurisdiction)
        given = dismissal = None
        if at_risk and weeks is not None and dates.notice_from is not None:
            given = dates.notice_from + dt.timedelta(days=1)
            decided_on = _decided_on(standing) if standing is not None else None
            if decided_on is not None and decided_on >= given:
                given = decided_on + dt.timedelta(days=1)  # notice follows the decision that makes it a redundancy
            dismissal = given + dt.timedelta(weeks=weeks)
            if dates.first_dismissal and dismissal < dates.first_dismissal:
                dismissal = dates.first_dismissal
        ends = dismissal or effective
        relevant: dt.date | None
        if dismissal is not None:
            relevant, relevant_basis = dismissal, f"the day notice expires ({_law(jurisdiction, 'ERA 1996 s.145(2)(a)')})"
        elif effective is not None:
            service_then = _service(person, effective, "the effective date")[0]
            if service_then is None:
                relevant, relevant_basis = effective, "the effective date (no service given to extend it by)"
            else:
                extra = statutory_notice_weeks(service_then, effective, jurisdiction)
                relevant = effective + dt.timedelta(weeks=extra)
                relevant_basis = (f"the effective date {effective} (employment ends, notice paid in lieu) extended by "
                                  f"the statutory minimum notice of {extra} week(s) "
                                  f"({_law(jurisdiction, 'ERA 1996 s.145(5)')})")
        else:
            relevant, relevant_basis = None, "no effective date or dismissal date"
        age, age_basis = _age(person, relevant, "the relevant date")
        service, service_basis = _service(person, relevant, "the relevant date")
        falls = [fall(p.protected_allowances, s.pay.protection) for s in p.slots if not s.competitive and s.pay.protection]
        schedule = tuple(by_year(policy, max(falls))) if falls else ()
        protection_end = None
        if falls and effective and not unending and years:
            protection_end = add_years(effective, years) - dt.timedelta(days=1)
        posts: tuple[str, ...]
        if not at_risk:
            posts, posts_basis = (), "not at risk"
        elif standing is not None:
            posts, posts_basis = standing.open_posts, "the free places the decisions recorded leave open to them"
        else:
            posts, posts_basis = _open_posts(review, result, p.id, ring_fenced)
        trial = None
        # Any ring-fenced post they may take differs from their old one (ERA 1996 s.138(2)), whether their post
        # overlaps with it or not: each appointment has its trial period.
        if standing is not None and standing.trial_end is not None:
            trial = standing.trial_end
        elif dismissal is not None and posts:
            trial = dismissal + dt.timedelta(weeks=trial_weeks(policy))
        entitlements = None
        if at_risk:
            pay = person.salary * review.fte(p.id)  # a week's pay is of the hours worked
            estimate = _redundancy(review, p.id, pay, age, service, relevant, f"{age_basis}; {service_basis}",
                                   standing)
            cost = estimate if isinstance(estimate, RedundancyCost) else None
            redundancy = Part(cost.amount, cost.basis) if cost else Part(None, str(estimate))
            notice_pay = (Part(weeks * pay / 52, f"{basis} at {pounds(pay / 52)} a week, paid in lieu")
                          if weeks is not None else Part(None, basis))
            end_age, end_basis = _age(person, ends, "the day employment ends")
            strain = _strain(review, person, end_age, end_basis, *_service(person, ends, "the day employment ends"))
            entitlements = Entitlements(redundancy, notice_pay, strain, _employer_ni(redundancy, notice_pay, ends), cost)
        found[p.id] = Case(p.id, p.outcome, at_risk, weeks, basis, given, dismissal, ends, relevant, relevant_basis,
                           age, age_basis, service, service_basis, trial, schedule, protection_end, posts, posts_basis,
                           entitlements)
    return Cases(dates, found)
