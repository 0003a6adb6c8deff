"""One-off exit costs of the people the slotting puts at risk, read from each person's case (rules.case):
redundancy pay, pay in lieu of notice, pension strain and employer National Insurance on them, each
estimated only from figures given, never invented.

The displaced leave for certain; each competitive pool's likely displacements (candidates beyond its
places) are costed at the mean or the largest of its candidates' estimates (costing.pool_exit_costs). The
one-off total counts the displaced and the pools; a pool's candidates are listed with their own estimates,
which set the pool's but are not added to the total (who leaves is not known until the pool is decided).
A pool's amount is split into the same parts as a person's (likely displacements x the mean of each part,
or the parts of the largest estimate), so that every part has a total too.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..model import ReviewFile
from .case import Cases, Part, cases
from .results import SlottingResult
from .rounding import PENNY, round_cell

__all__ = ["ExitCosts", "Part", "PersonExit", "PoolExit", "exit_costs", "person_exit"]


@dataclass(frozen=True)
class PersonExit:
    person: str
    outcome: str  # displaced, or competitive (a pool's candidate)
    redundancy: Part
    notice: Part
    strain: Part
    employer_ni: Part = Part(Decimal(0), "none")

    @property
    def parts(self) -> tuple[tuple[str, Part], ...]:
        return (("redundancy", self.redundancy), ("notice", self.notice), ("pension_strain", self.strain),
                ("employer_ni", self.employer_ni))

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
    amount: Decimal  # likely x the mean (or largest) of its candidates' totals
    basis: str
    candidates: tuple[str, ...] = ()
    # the amount by part, in the order of PersonExit.parts: likely x the mean of each part, or the largest's parts
    by_part: tuple[tuple[str, Decimal], ...] = ()


@dataclass(frozen=True)
class ExitCosts:
    displaced: tuple[PersonExit, ...]
    pool_candidates: tuple[PersonExit, ...]
    pools: tuple[PoolExit, ...]
    total: Decimal
    missing: tuple[tuple[str, tuple[str, ...]], ...]  # component -> people with no figure for it
    notes: tuple[str, ...]

    def part_total(self, name: str) -> Decimal:
        """Gives the one-off total of one part (e.g. redundancy): the displaced's and the pools' shares of it."""
        people = sum((p.amount for e in self.displaced for n, p in e.parts if n == name and p.amount is not None),
                     Decimal(0))
        return people + sum((amount for pool in self.pools for n, amount in pool.by_part if n == name), Decimal(0))


def person_exit(found: Cases, person_id: str, outcome: str) -> PersonExit:
    """Gives the estimated exit costs of one person at risk, as their case states them."""
    owed = found[person_id].entitlements
    assert owed is not None, "exit costs are for people at risk"
    return PersonExit(person_id, outcome, owed.redundancy, owed.notice, owed.strain, owed.employer_ni)


def exit_costs(review: ReviewFile, result: SlottingResult, found: Cases | None = None) -> ExitCosts:
    """Gives the one-off exit costs of the displaced and of each pool's likely displacements."""
    found = found or cases(review, result)
    displaced = tuple(person_exit(found, r.id, "displaced") for r in result.people if r.outcome == "displaced")
    total = sum((e.total for e in displaced), Decimal(0))
    basis = review.costing.exit_pool_basis
    candidates: dict[str, PersonExit] = {}
    pools = []
    for post in result.posts:
        for pool in post.pools:
            likely = pool.beyond
            if likely <= 0:
                continue
            each = [candidates.setdefault(pid, person_exit(found, pid, "competitive")) for pid in pool.candidates]
            known = [e for e in each if not e.missing] or each
            if basis == "max":
                largest = max(known, key=lambda e: e.total)  # the first of equals
                by_part = tuple((name, likely * (p.amount or Decimal(0))) for name, p in largest.parts)
            else:
                by_part = tuple((name, likely * sum((e.parts[i][1].amount or Decimal(0) for e in known), Decimal(0)) / len(known))
                                for i, (name, _) in enumerate(known[0].parts))
            # Each part in pence (half up), the pool's amount their sum: every row, part total and the total agree.
            by_part = tuple((name, round_cell(amount, PENNY)) for name, amount in by_part)
            amount = sum((part for _, part in by_part), Decimal(0))
            pools.append(PoolExit(post.id, likely, amount, f"{likely} likely displacement(s) x the "
                                  f"{'largest' if basis == 'max' else 'mean'} estimate of its "
                                  f"{len(pool.candidates)} candidates", tuple(pool.candidates), by_part))
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
