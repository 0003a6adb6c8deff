"""One-off exit costs of the people the slotting puts at risk: redundancy pay, pay in lieu of notice and
pension strain, each estimated only from figures given, never invented.

- Redundancy pay: statutory, or enhanced under the 2006 Regulations (see rules.redundancy).
- Pay in lieu of notice: the person's contractual notice (people[].notice_weeks), or when longer the
  statutory minimum of the Employment Rights Act 1996 s.86 (one week after a month's service, one
  week for each complete year from two years, at most twelve), at the actual week's pay (salary / 52).
- Pension strain: the figure given per person (people[].pension_strain), else the person's annual
  pension x the factor for their age in costing.pension_strain, for a person at or over its min_age
  (a member made redundant at 55 or over takes an unreduced LGPS pension: LGPS Regulations 2013
  reg 30(7)); nothing for a younger person.

The displaced leave for certain; each competitive pool's likely displacements (candidates beyond its
places) are costed at the mean or the largest of its candidates' estimates (costing.pool_exit_costs).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..model import Person, ReviewFile
from .reasons import money_words
from .redundancy import redundancy_cost, weekly_limit
from .results import SlottingResult
from .rounding import PENNY, round_cell

MAX_STATUTORY_NOTICE = 12


def statutory_notice_weeks(service_years: int) -> int:
    """Gives the minimum notice an employer must give under ERA 1996 s.86(1), in weeks."""
    return 1 if service_years < 2 else min(service_years, MAX_STATUTORY_NOTICE)


@dataclass(frozen=True)
class Part:
    """One component of a person's exit cost: the amount in pence (None when no figure can be made) and how."""

    amount: Decimal | None
    basis: str

    def __post_init__(self) -> None:
        if self.amount is not None:
            object.__setattr__(self, "amount", round_cell(self.amount, PENNY))


@dataclass(frozen=True)
class PersonExit:
    person: str
    outcome: str  # displaced, or competitive (a pool's candidate)
    redundancy: Part
    notice: Part
    strain: Part

    @property
    def parts(self) -> tuple[tuple[str, Part], ...]:
        return (("redundancy", self.redundancy), ("notice", self.notice), ("pension_strain", self.strain))

    @property
    def total(self) -> Decimal:
        return sum((p.amount for _, p in self.parts if p.amount is not None), Decimal(0))

    @property
    def missing(self) -> tuple[str, ...]:
        return tuple(name for name, p in self.parts if p.amount is None)


@dataclass(frozen=True)
class PoolExit:
    post: str
    likely: int
    amount: Decimal
    basis: str


@dataclass(frozen=True)
class ExitCosts:
    displaced: tuple[PersonExit, ...]
    pool_candidates: tuple[PersonExit, ...]
    pools: tuple[PoolExit, ...]
    total: Decimal
    missing: tuple[tuple[str, tuple[str, ...]], ...]  # component -> people with no figure for it
    notes: tuple[str, ...]


def _redundancy(review: ReviewFile, p: Person, pay: Decimal) -> Part:
    limit = weekly_limit(review.review.effective_date)
    if p.age is None or p.service_years is None:
        return Part(None, "age or service_years missing")
    if limit is None:
        return Part(None, "no statutory weekly limit is known for the effective date")
    options = review.costing.redundancy
    cost = redundancy_cost(pay, p.age, p.service_years, limit, options.actual_weeks_pay, options.multiplier)
    return Part(cost.amount, cost.basis)


def _notice(p: Person, pay: Decimal) -> Part:
    statutory = statutory_notice_weeks(p.service_years) if p.service_years is not None else None
    if p.notice_weeks is None and statutory is None:
        return Part(None, "notice_weeks and service_years missing")
    weeks = max(w for w in (p.notice_weeks, statutory) if w is not None)
    if p.notice_weeks is not None and (statutory is None or p.notice_weeks >= statutory):
        why = f"{weeks} weeks' contractual notice"
    else:
        why = f"{weeks} weeks' statutory notice (ERA 1996 s.86, {p.service_years} years' service)"
    return Part(weeks * pay / 52, f"{why} at {money_words(pay / 52)} a week")


def _strain(review: ReviewFile, p: Person) -> Part:
    if p.pension_strain is not None:
        return Part(p.pension_strain, "pension strain as given (people[].pension_strain)")
    table = review.costing.pension_strain
    if table is None:
        return Part(None, "no pension_strain given and no costing.pension_strain factors")
    if p.age is None:
        return Part(None, "age missing")
    if p.age < table.min_age:
        return Part(Decimal(0), f"none: aged {p.age}, under {table.min_age}, no unreduced {table.scheme} pension")
    factor = table.factors.get(p.age)
    if factor is None:
        return Part(None, f"no {table.scheme} strain factor for age {p.age}")
    if p.pension is None:
        return Part(None, "annual pension missing (people[].pension)")
    return Part(p.pension * factor, f"{table.scheme} strain: pension {money_words(p.pension)} x factor {factor} "
                f"at age {p.age}")


def person_exit(review: ReviewFile, person_id: str, outcome: str) -> PersonExit:
    """Gives the estimated exit costs of one person, each part with its basis."""
    p = review.person[person_id]
    pay = p.salary * review.fte(person_id)  # a week's pay is of the hours worked
    return PersonExit(person_id, outcome, _redundancy(review, p, pay), _notice(p, pay), _strain(review, p))


def exit_costs(review: ReviewFile, result: SlottingResult) -> ExitCosts:
    """Gives the one-off exit costs of the displaced and of each pool's likely displacements."""
    displaced = tuple(person_exit(review, r.id, "displaced") for r in result.people if r.outcome == "displaced")
    total = sum((e.total for e in displaced), Decimal(0))
    basis = review.costing.exit_pool_basis
    candidates: dict[str, PersonExit] = {}
    pools = []
    for post in result.posts:
        for pool in post.pools:
            likely = pool.beyond
            if likely <= 0:
                continue
            each = [candidates.setdefault(pid, person_exit(review, pid, "competitive")) for pid in pool.candidates]
            known = [e.total for e in each if not e.missing] or [e.total for e in each]
            per_place = max(known) if basis == "max" else sum(known, Decimal(0)) / len(known)
            amount = likely * per_place
            pools.append(PoolExit(post.id, likely, amount, f"{likely} likely displacement(s) x the "
                                  f"{'largest' if basis == 'max' else 'mean'} estimate of its "
                                  f"{len(pool.candidates)} candidates"))
            total += amount
    in_pools = tuple(candidates[k] for k in sorted(candidates))
    everyone = displaced + in_pools
    if not everyone:
        return ExitCosts((), (), tuple(pools), total, (), ("Nobody is at risk: there are no exit costs.",))
    missing = tuple((name, people) for name in ("redundancy", "notice", "pension_strain")
                    if (people := tuple(e.person for e in everyone if name in e.missing)))
    notes = ["An estimate, not an entitlement: one-off costs fall in the financial year of the effective date.",
             "A competitive pool's candidates with a figure for every part set its estimate when any have one."]
    if review.costing.pension_strain is None and not any(review.person[e.person].pension_strain for e in everyone):
        notes.append("Pension strain is not included: give costing.pension_strain factors and people[].pension, "
                     "or people[].pension_strain.")
    return ExitCosts(displaced, in_pools, tuple(pools), total, missing, tuple(notes))
