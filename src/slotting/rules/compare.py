"""Comparison of options: the same restructure proposed two or more ways, side by side.

Each option is a whole review, slotted and costed on its own. The comparison keeps what differs: the
headline figures of every option, the people whose slotting is not the same in every option (outcome;
slotted posts and the basis of each slot; new salary, spinal point and protection; hold), and those in
some options only, the new posts added, removed or changed, and the savings rows with each option's
difference from the first. When an option's review asks for the finance view, the option also carries
the view's headline figures (protection, one-off exit costs, net saving, payback), read from its savings.

Two stages of one review (`compare --stages proposal,current`) go through the same comparison: each stage is an
option with the same slotting, its savings and equality at that stage, and the cascade's standings (rules.decisions)
giving each person's status and the posts they hold; at the proposal those of the cascade with no decision
recorded. A person's outcome then differs when their status or posts held differ; pay is the proposal's in both.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from ..model import ReviewFile
from .case import cases
from .decisions import Decided, Standing, current, decided
from .equality import EqualityResult
from .finance_headline import FinanceHeadline, finance_headline
from .results import PersonResult, SlottingResult, Summary
from .savings import SavingsResult


@dataclass(frozen=True)
class Option:
    """One option's headline figures."""

    label: str
    review: str
    summary: Summary
    saving: Decimal  # the full-year saving
    target: Decimal | None
    against_target: Decimal | None  # saving - target
    flags: tuple[str, ...]  # the equality flags raised, in words
    finance: FinanceHeadline | None = None  # only when the review asks for the finance view
    stage: str | None = None  # a stage of one review: "proposal" or "current"
    statuses: tuple[tuple[str, int], ...] = ()  # at a stage: the people of each status
    one_off: Decimal | None = None  # at a stage: the one-off redundancy cost, when estimated
    one_off_actual: Decimal | None = None  # the part of it decided (actual)


Aspect = Literal["outcome", "post", "pay", "hold"]
ASPECTS: tuple[Aspect, ...] = ("outcome", "post", "pay", "hold")
# What each --fail-on level fails on: each level takes in the ones before it, so "any" is every slotting fact.
FAIL_ON: dict[str, tuple[Aspect, ...]] = {"outcome": ASPECTS[:1], "post": ASPECTS[:2], "pay": ASPECTS[:3],
                                             "any": ASPECTS}


@dataclass(frozen=True)
class Placed:
    """A person's slotting in one option: every fact the run gives of them, the slots' in the same order."""

    outcome: str
    posts: tuple[str, ...]
    new_salary: tuple[Decimal, ...]  # one per slot
    protection: tuple[Decimal, ...]
    on_hold: bool
    basis: tuple[str | None, ...]  # the claim each slot rests on (assimilation, match)
    competitive: tuple[bool, ...]
    spinal_point: tuple[int, ...]
    estimated_point: tuple[bool, ...]
    status: str | None = None  # at a stage: the person's status there
    held: tuple[str, ...] = ()  # at a stage: the posts they hold (on trial: being tried)

    def aspect(self, name: Aspect) -> tuple[object, ...]:
        """Gives the facts of one aspect of the slotting: two options differ in it when these differ."""
        if name == "outcome":
            return (self.outcome,) if self.status is None else (self.outcome, self.status, self.held)
        if name == "post":
            return self.posts, self.basis, self.competitive
        if name == "pay":
            return self.new_salary, self.spinal_point, self.estimated_point, self.protection
        return (self.on_hold,)


@dataclass(frozen=True)
class PersonRow:
    id: str
    options: tuple[Placed | None, ...]  # None: not in that option's review

    @property
    def differs(self) -> tuple[Aspect, ...]:
        """Gives the aspects of the person's slotting that are not the same in every option (being in some
        options only is a different outcome)."""
        placed = [p for p in self.options if p is not None]
        absent = len(placed) < len(self.options)
        return tuple(a for a in ASPECTS if (a == "outcome" and absent) or len({p.aspect(a) for p in placed}) > 1)

    @property
    def outcome_differs(self) -> bool:
        """True when the person's outcome (or being in the review at all) differs between the options."""
        return len({(p.outcome if p else None) for p in self.options}) > 1

    def differs_in(self, level: str) -> bool:
        """True when the person's slotting differs in an aspect the --fail-on level fails on."""
        return any(a in FAIL_ON[level] for a in self.differs)


@dataclass(frozen=True)
class PostState:
    title: str
    grade: str
    count: int
    on_hold: bool


@dataclass(frozen=True)
class PostRow:
    id: str
    change: str  # added (not in the first option), removed (not in a later one) or changed
    options: tuple[PostState | None, ...]


@dataclass(frozen=True)
class SavingsRow:
    group: str
    options: tuple[tuple[Decimal, Decimal, Decimal] | None, ...]  # (existing cost, new cost, saving)
    difference: tuple[Decimal | None, ...]  # each option's saving minus the first's (None for the first)


@dataclass(frozen=True)
class Comparison:
    options: tuple[Option, ...]
    people: tuple[PersonRow, ...]
    posts: tuple[PostRow, ...]
    savings: tuple[SavingsRow, ...]

    @property
    def finance(self) -> bool:
        """True when any option carries the finance view's figures."""
        return any(o.finance is not None for o in self.options)

    @property
    def outcomes_differ(self) -> bool:
        """True when any person's outcome differs between options (or they are in some options only)."""
        return any(row.outcome_differs for row in self.people)

    def changed(self, level: str = "any") -> tuple[PersonRow, ...]:
        """Gives the people whose slotting differs in an aspect the --fail-on level fails on."""
        return tuple(row for row in self.people if row.differs_in(level))


def compare(labels: list[str], reviews: list[ReviewFile], results: list[SlottingResult],
            costs: list[SavingsResult], equalities: list[EqualityResult | None],
            standings: list[Decided] | None = None, stages: list[str] | None = None) -> Comparison:
    """Gives the comparison of options, each given as its review, slotting, savings and equality summary; for stages
    of one review, also each stage's name and the cascade's standings there (stage_standings)."""
    named: list[str | None] = list(stages) if stages else [None] * len(labels)
    standing_of: list[Decided | None] = list(standings) if standings else [None] * len(labels)
    options = tuple(
        Option(label, review.review.name, result.summary, cost.total.saving, cost.target_saving,
               cost.total.saving - cost.target_saving if cost.target_saving is not None else None,
               tuple(f.message for b in equality.breakdowns for f in b.flags) if equality else (),
               finance_headline(cost.finance) if cost.finance is not None else None, stage,
               tuple(standing.counts.items()) if standing is not None else (),
               *((cost.redundancy.total, cost.redundancy.actual) if stage and cost.redundancy else (None, None)))
        for label, review, result, cost, equality, stage, standing in zip(
            labels, reviews, results, costs, equalities, named, standing_of))
    return Comparison(options, _people(results, standing_of), _posts(reviews), _savings(costs))


def stage_standings(review: ReviewFile, result: SlottingResult, stage: str) -> Decided:
    """Gives the cascade's standings at a stage: "current" after every decision recorded; "proposal" with none (the
    matched and the pools' candidates still open, the assimilated appointed)."""
    if stage == "current" and review.decisions:
        found = current(review, result)[1]
        assert found is not None
        return found
    bare = review.model_copy(update={"decisions": []})
    return decided(bare, result, cases(bare, result))


def _people(results: list[SlottingResult], standings: list[Decided | None]) -> tuple[PersonRow, ...]:
    placed = [{p.id: _placed(p, standing.person(p.id) if standing is not None else None) for p in result.people}
              for result, standing in zip(results, standings)]
    ids = sorted(set().union(*placed))
    rows = []
    for pid in ids:
        cells = tuple(option.get(pid) for option in placed)
        if len(set(cells)) > 1:
            rows.append(PersonRow(pid, cells))
    return tuple(rows)


def _placed(p: PersonResult, standing: Standing | None = None) -> Placed:
    return Placed(p.outcome, tuple(s.post for s in p.slots), tuple(s.pay.amount for s in p.slots),
                  tuple(s.pay.protection for s in p.slots), p.on_hold, tuple(s.basis for s in p.slots),
                  tuple(s.competitive for s in p.slots), tuple(s.pay.point for s in p.slots),
                  tuple(s.pay.estimated for s in p.slots), *((standing.status, standing.posts) if standing else ()))


def _posts(reviews: list[ReviewFile]) -> tuple[PostRow, ...]:
    states = [{p.id: PostState(p.title, p.grade, p.count, p.on_hold) for p in review.new_structure.posts}
              for review in reviews]
    ids = sorted(set().union(*states))
    rows = []
    for post in ids:
        cells = tuple(option.get(post) for option in states)
        if len(set(cells)) == 1:
            continue
        change = "added" if cells[0] is None else "removed" if any(c is None for c in cells) else "changed"
        rows.append(PostRow(post, change, cells))
    return tuple(rows)


def _savings(costs: list[SavingsResult]) -> tuple[SavingsRow, ...]:
    tables = [{r.group: (r.existing_cost, r.new_cost, r.saving) for r in (*cost.rows, cost.total)} for cost in costs]
    groups = list(dict.fromkeys(g for table in tables for g in table if g != "Total")) + ["Total"]
    rows = []
    for group in groups:
        cells = tuple(table.get(group) for table in tables)
        first = cells[0][2] if cells[0] else Decimal(0)
        rows.append(SavingsRow(group, cells, (None, *((c[2] if c else Decimal(0)) - first for c in cells[1:]))))
    return tuple(rows)
