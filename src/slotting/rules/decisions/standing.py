"""Where each person stands after the decisions: their status, reason and history, and the free places open to
them (the cascade's result, read by the renderers and the per-person case)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal, NamedTuple

Status = Literal["appointed", "redeployed", "on_trial", "voluntary_redundancy", "compulsory_redundancy",
                 "withdrawn", "still_open"]
STATUSES: tuple[Status, ...] = ("appointed", "redeployed", "on_trial", "voluntary_redundancy",
                                "compulsory_redundancy", "withdrawn", "still_open")
LISTED = 10  # open posts named in a reason; the register and explain list them all
PROPOSAL = "proposal"
Found = list[tuple[tuple[str | int, ...], str]]  # (path in the file, message): a problem the proposal shows


@dataclass(frozen=True)
class Step:
    """One thing that happened to a person: the record (a decision id, or "proposal"), its day, and what it did."""

    record: str
    date: dt.date | None
    text: str


class Offer(NamedTuple):
    """A free place a person at risk could be offered, with what it would mean for them (a named tuple: under the
    Leicester rule every free place is open to everyone at risk, so a large review makes many)."""

    post: str
    title: str
    grade_distance: int
    new_salary: Decimal
    pay_change: Decimal  # new salary - current salary
    on_hold: bool


@dataclass(frozen=True)
class Standing:
    """Where one person ends after the decisions recorded so far."""

    person: str
    outcome: str  # in the proposal
    status: Status
    posts: tuple[str, ...]  # held (or, on trial, being tried)
    reason: str
    records: tuple[str, ...]  # every decision that led here
    history: tuple[Step, ...]
    priority: str | None
    at_risk: bool  # without a place of their own: at risk, in a pool, or on trial
    at_risk_since: dt.date | None
    trial_end: dt.date | None
    no_redundancy_payment: str | None  # the record of an unreasonable refusal
    open_posts: tuple[str, ...]  # the free places open to them (Decided.offers gives each with its figures)
    pools: tuple[str, ...] = ()  # the competitive pools they are still a candidate in (no selection yet)


@dataclass(frozen=True)
class Decided:
    """Every person's standing after the decisions recorded, the places still free, and the warnings (a place given
    past someone with the statutory redeployment priority)."""

    people: tuple[Standing, ...]
    free_places: tuple[tuple[str, int | Decimal], ...]  # posts with places still free
    warnings: tuple[str, ...]
    # Made when asked, one person at a time: under the Leicester rule every free place is open to everyone at
    # risk, which on a large review is hundreds of thousands of offers that `run` never shows.
    _offers: Callable[[str], tuple[Offer, ...]] = field(repr=False, compare=False)
    _by_id: dict[str, Standing] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {s.person: s for s in self.people})

    def person(self, person_id: str) -> Standing | None:
        """Gives a person's standing (None for someone outside the slotting)."""
        return self._by_id.get(person_id)

    def offers(self, person_id: str) -> tuple[Offer, ...]:
        """Gives the free places open to a person, each with the grade distance and the pay placed on its grade."""
        standing = self._by_id.get(person_id)
        return self._offers(person_id) if standing is not None and standing.open_posts else ()

    @property
    def counts(self) -> dict[str, int]:
        """Gives the number of people of each status, in STATUSES order."""
        return {status: sum(1 for s in self.people if s.status == status) for status in STATUSES}
