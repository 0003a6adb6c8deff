"""The savings' one-off redundancy estimate: each person's redundancy pay from their case (rules.case), and each
competitive pool's likely displacements at the mean of its candidates'.

At the proposal the displaced are counted; at the current stage (the cascade's standings, rules.decisions) the
redundancies decided are actual and those still open are estimated. With the finance view, the estimate is the
redundancy part of the one-off exit costs (rules.exit_costs), so the two agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from ..model import ReviewFile
from .case import LEAVING, Cases
from .exit_costs import ExitCosts, Stage, staged
from .redundancy import RedundancyCost, weekly_limit
from .results import SlottingResult

if TYPE_CHECKING:
    from .decisions import Decided


@dataclass(frozen=True)
class PersonRedundancy:
    person: str
    reason: str  # displaced; at the current stage, the person's status
    cost: RedundancyCost | None
    actual: bool = False  # a redundancy decided (the current stage), not an estimate


@dataclass(frozen=True)
class RedundancyEstimate:
    total: Decimal
    people: tuple[PersonRedundancy, ...]
    pools: tuple[tuple[str, int, Decimal], ...]
    not_estimated: tuple[str, ...]
    notes: tuple[str, ...]
    stage: str = "proposal"  # or "current": after the decisions recorded

    @property
    def actual(self) -> Decimal:
        """Gives the part of the total that is actual: the redundancies decided (none at the proposal)."""
        return sum((p.cost.amount for p in self.people if p.actual and p.cost), Decimal(0))


def redundancy_estimate(review: ReviewFile, result: SlottingResult, found: Cases,
                        standings: Decided | None = None) -> RedundancyEstimate | None:
    """Gives the one-off redundancy estimate, from each person's case, or None when nobody at risk has one: at the
    proposal, the displaced and each pool's likely displacements; given the cascade's standings, the redundancies
    decided (actual) and those still open (estimated)."""
    if weekly_limit(found.dates.first_dismissal or review.review.effective_date) is None:
        return RedundancyEstimate(Decimal(0), (), (), (), ("No statutory weekly limit is known for the "
                                                           "review's effective date.",))
    stage = staged(result, standings)
    at_risk = sorted({c for _, candidates, _ in stage.pools for c in candidates} | {pid for pid, _, _ in stage.people})
    estimate = {pid: _owed(found, pid) for pid in at_risk}
    if not any(estimate.values()):
        return None
    people = tuple(PersonRedundancy(pid, status or outcome, estimate[pid], status in LEAVING)
                   for pid, outcome, status in stage.people)
    total = sum((p.cost.amount for p in people if p.cost), Decimal(0))
    pools = _pools(stage, estimate)
    for _, _, amount in pools:
        total += amount
    not_estimated = tuple(pid for pid in at_risk if estimate[pid] is None)
    return RedundancyEstimate(total, people, pools, not_estimated, _notes(review, standings),
                              "proposal" if standings is None else "current")


def _pools(stage: Stage, estimate: dict[str, RedundancyCost | None]) -> tuple[tuple[str, int, Decimal], ...]:
    """Gives each pool with a figure for any candidate as (post, likely displacements, likely x their mean)."""
    pools = []
    for pool, candidates, likely in stage.pools:
        costs = [known.amount for pid in candidates if (known := estimate[pid]) is not None]
        if costs:
            pools.append((pool.post, likely, likely * sum(costs, Decimal(0)) / len(costs)))
    return tuple(pools)


def _notes(review: ReviewFile, standings: Decided | None) -> tuple[str, ...]:
    """Gives the notes on the estimate: the weekly limit used without an effective date, and what is counted."""
    notes = []
    if review.review.effective_date is None:
        latest = weekly_limit(None)
        assert latest is not None
        notes.append(f"No review effective_date: the latest known weekly limit (£{latest.amount}, "
                     f"from {latest.since}) is used.")
    if standings is None:
        notes.append("An estimate, not an entitlement: each competitive pool's likely displacements are costed at "
                     "the mean estimate of its candidates; pension strain costs are not included.")
    else:
        notes.append("After the decisions recorded: the redundancies decided are actual, each at its own figure; "
                     "the people still at risk are estimated as the displaced are, and each competitive pool not yet "
                     "selected at the mean estimate of its candidates; pension strain costs are not included.")
    return tuple(notes)


def redundancy_within_exits(exits: ExitCosts, found: Cases) -> RedundancyEstimate | None:
    """Gives the redundancy pay within the one-off exit costs (the finance view): the displaced's, and each pool's
    share of its exit cost, by the same candidates and basis; None when nobody at risk has a figure for it."""
    people = tuple(PersonRedundancy(e.person, e.status or "displaced", _owed(found, e.person), e.actual)
                   for e in exits.displaced)
    candidates = exits.pool_candidates
    if not any(p.cost for p in people) and not any(e.redundancy.amount is not None for e in candidates):
        return None
    pools = tuple((pool.post, pool.likely, dict(pool.by_part)["redundancy"]) for pool in exits.pools)
    not_estimated = tuple(sorted(e.person for e in (*exits.displaced, *candidates) if e.redundancy.amount is None))
    note = ("Redundancy pay within the one-off exit costs: each competitive pool's share at the same candidates and "
            "basis as its exit cost; notice pay, pension strain and employer National Insurance are the rest of it.")
    return RedundancyEstimate(exits.part_total("redundancy"), people, pools, not_estimated, (note,), exits.stage)


def _owed(found: Cases, person_id: str) -> RedundancyCost | None:
    """Gives a person's redundancy pay as their case states it, or None when it has no figure."""
    owed = found[person_id].entitlements
    return owed.redundancy_cost if owed is not None else None
