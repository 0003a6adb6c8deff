"""One-off exit costs of the people the slotting puts at risk, read from each person's case (rules.case):
redundancy pay, pay in lieu of notice, pension strain and employer National Insurance on them, each
estimated only from figures given, never invented.

The displaced leave for certain; each competitive pool's likely displacements (candidates beyond its
places) are costed at the mean or the largest of its candidates' estimates (costing.pool_exit_costs). The
one-off total counts the displaced and the pools; a pool's candidates are listed with their own estimates,
which set the pool's but are not added to the total (who leaves is not known until the pool is decided).
A pool's amount is split into the same parts as a person's (likely displacements x the mean of each part,
or the parts of the largest estimate), so that every part has a total too.

At the current stage (the cascade's standings, rules.decisions): the redundancies decided, voluntary and
compulsory, are counted as actual, each at its own figures; the people the decisions leave at risk, still open or
on trial, are counted as estimates, as the displaced are at the proposal; a pool not yet selected keeps its
estimate from the candidates still in it. Each person counted carries their status.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from ..model import ReviewFile
from .case import LEAVING, Cases, Part, cases
from .results import Pool, SlottingResult
from .rounding import PENNY, round_cell

if TYPE_CHECKING:
    from .decisions import Decided

__all__ = ["ExitCosts", "Part", "PersonExit", "PoolExit", "Stage", "exit_costs", "person_exit", "pool_exit", "staged"]


@dataclass(frozen=True)
class PersonExit:
    person: str
    outcome: str  # displaced, or competitive (a pool's candidate)
    redundancy: Part
    notice: Part
    strain: Part
    employer_ni: Part = Part(Decimal(0), "none")
    status: str | None = None  # at the current stage: the person's status after the decisions
    actual: bool = False  # at the current stage: a redundancy decided, not an estimate

    @property
    def parts(self) -> tuple[tuple[str, Part], ...]:
        """Gives the parts of the exit cost by name, in the order every view shows them."""
        return (("redundancy", self.redundancy), ("notice", self.notice), ("pension_strain", self.strain),
                ("employer_ni", self.employer_ni))

    @property
    def total(self) -> Decimal:
        """Gives the sum of the parts with a figure."""
        return sum((p.amount for _, p in self.parts if p.amount is not None), Decimal(0))

    @property
    def missing(self) -> tuple[str, ...]:
        """Gives the names of the parts with no figure."""
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
    stage: str = "proposal"  # or "current": after the decisions recorded

    @property
    def actual_total(self) -> Decimal:
        """Gives the part of the total that is actual: the redundancies decided (none at the proposal)."""
        return sum((e.total for e in self.displaced if e.actual), Decimal(0))

    def part_total(self, name: str) -> Decimal:
        """Gives the one-off total of one part (e.g. redundancy): the displaced's and the pools' shares of it."""
        people = sum((p.amount for e in self.displaced for n, p in e.parts if n == name and p.amount is not None),
                     Decimal(0))
        return people + sum((amount for pool in self.pools for n, amount in pool.by_part if n == name), Decimal(0))


def person_exit(found: Cases, person_id: str, outcome: str, status: str | None = None) -> PersonExit:
    """Gives the exit costs of one person at risk, as their case states them: actual for a redundancy decided."""
    owed = found[person_id].entitlements
    assert owed is not None, "exit costs are for people at risk"
    return PersonExit(person_id, outcome, owed.redundancy, owed.notice, owed.strain, owed.employer_ni, status,
                      status in LEAVING)


@dataclass(frozen=True)
class Stage:
    """Who leaves, or may leave, at one stage: the people counted one by one (id, outcome, status) and the pools
    not yet decided (the pool, its candidates now, its likely displacements)."""

    people: tuple[tuple[str, str, str | None], ...]
    pools: tuple[tuple[Pool, tuple[str, ...], int], ...]


def staged(result: SlottingResult, standings: Decided | None = None) -> Stage:
    """Gives who is counted for exit at the proposal (the displaced, and each pool's likely displacements) or, given
    the cascade's standings, at the current stage (the redundancies decided and the people left at risk outside a
    pool, each once; each pool not yet selected, from the candidates still in it)."""
    if standings is None:
        return Stage(tuple((r.id, "displaced", None) for r in result.people if r.outcome == "displaced"),
                     tuple((pool, pool.candidates, pool.beyond) for post in result.posts for pool in post.pools))
    people: list[tuple[str, str, str | None]] = []
    still: dict[str, list[str]] = {}  # post -> the candidates still in its pool
    for r in result.people:
        s = standings.person(r.id)
        assert s is not None
        for pool_post in s.pools:
            still.setdefault(pool_post, []).append(r.id)
        if s.status in LEAVING or (s.at_risk and not s.pools):
            people.append((r.id, s.status, s.status))
    pools = []
    for new_post in result.posts:
        for pool in new_post.pools:
            now = tuple(c for c in pool.candidates if c in still.get(pool.post, ()))
            if now:  # each candidate gone from the pool is one fewer likely displacement
                pools.append((pool, now, max(0, pool.beyond - (len(pool.candidates) - len(now)))))
    return Stage(tuple(people), tuple(pools))


def exit_costs(review: ReviewFile, result: SlottingResult, found: Cases | None = None,
               standings: Decided | None = None) -> ExitCosts:
    """Gives the one-off exit costs of the displaced and of each pool's likely displacements; given the cascade's
    standings (and `found` at the current stage), of the redundancies decided and of those still open."""
    found = found or cases(review, result)
    stage = staged(result, standings)
    displaced = tuple(person_exit(found, pid, outcome, status) for pid, outcome, status in stage.people)
    total = sum((e.total for e in displaced), Decimal(0))
    basis = review.costing.exit_pool_basis
    candidates: dict[str, PersonExit] = {}
    pools = []
    for pool, in_pool, likely in stage.pools:
        if likely <= 0:
            continue
        each = [candidates.setdefault(pid, person_exit(found, pid, "competitive")) for pid in in_pool]
        pools.append(pool_exit(pool.post, likely, tuple(in_pool), each, basis))
        total += pools[-1].amount
    in_pools = tuple(candidates[k] for k in sorted(candidates))
    everyone = displaced + in_pools
    at = "proposal" if standings is None else "current"
    if not everyone:
        return ExitCosts((), (), tuple(pools), total, (), ("Nobody is at risk: there are no exit costs.",), at)
    missing = tuple((name, people) for name in ("redundancy", "notice", "pension_strain")
                    if (people := tuple(e.person for e in everyone if name in e.missing)))
    return ExitCosts(displaced, in_pools, tuple(pools), total, missing, _notes(review, displaced, everyone, standings),
                     at)


def pool_exit(post: str, likely: int, in_pool: tuple[str, ...], each: list[PersonExit], basis: str) -> PoolExit:
    """Gives a pool's exit cost: its likely displacements x the mean of its candidates' parts, or the parts of the
    largest estimate (`basis` "max"), from the candidates with a figure for every part when any have one."""
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
    return PoolExit(post, likely, amount, f"{likely} likely displacement(s) x the "
                    f"{'largest' if basis == 'max' else 'mean'} estimate of its {len(in_pool)} candidates", in_pool,
                    by_part)


def _notes(review: ReviewFile, displaced: tuple[PersonExit, ...], everyone: tuple[PersonExit, ...],
           standings: Decided | None) -> tuple[str, ...]:
    """Gives the notes on the exit costs: estimate or actual, how a pool is set, and pension strain left out."""
    if standings is None:
        notes = ["An estimate, not an entitlement: one-off costs fall in the financial year of the effective date."]
    else:
        decided = [e for e in displaced if e.actual]
        notes = [f"After the decisions recorded: the {len(decided)} redundancies decided are actual "
                 f"(£{sum((e.total for e in decided), Decimal(0)):,.2f}); the rest, still open, is an estimate. "
                 "One-off costs fall in the financial year of the effective date."]
    notes.append("A competitive pool's candidates with a figure for every part set its estimate when any have one.")
    if review.costing.pension_strain is None and not any(review.person[e.person].pension_strain for e in everyone):
        notes.append("Pension strain is not included: give costing.pension_strain factors and people[].pension, "
                     "or people[].pension_strain.")
    return tuple(notes)
