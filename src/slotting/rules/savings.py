"""The savings table: cost of the old and new structures, the yearly profile, the budget target.

Pure and Decimal throughout. The table follows the Leicester report s.5 ("Senior Management Review
Phases 1 & 2"): one row per post group with existing posts and cost, new posts and cost, and the
saving, where "the existing structure includes vacant posts" (note ii), "the new structure is
costed at the top of the grade and includes external contributions" (note iii) and "the figures
given include all on costs" (note iv).

The 12-month profile ("Year by year"): without the finance view, the full-year table's figures less each
protection year's protection, with the redundancy pay estimate in year 1. With it, the finance view's
figures by 12 months from the effective date (rules.finance: the same periods as the profile by financial
year), with the whole one-off exit cost in year 1: one computation, two groupings, so the two agree.

The stage: with decisions recorded, the one-off costs are those of the current stage (rules.exit_costs): the
redundancies decided are actual, voluntary ones on the scheme's voluntary terms and an unreasonable refusal of
suitable employment at no redundancy payment; the people still at risk and the pools not yet selected are
estimated. `stage="proposal"` costs the proposal alone, as a review without decisions always is.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from ..model import Grade, NewPost, OldPost, ReviewFile
from ..model.costing import OnCosts, funding_share
from .case import Cases, cases
from .conventions import Basis, conventions
from .decisions import current
from .exit_costs import exit_costs
from .finance import FinanceView, Funding, Items, Protected, engaged, finance_view
from .oncosts import OnCostModel
from .pay import grade_points
from .protection import fall, protected, protection_years
from .redundancy_estimate import PersonRedundancy, RedundancyEstimate, redundancy_estimate, redundancy_within_exits
from .results import Slot, SlottingResult
from .rounding import round_cell

__all__ = ["Basis", "PersonRedundancy", "RedundancyEstimate", "Row", "SavingsResult", "Stage", "Year", "conventions",
           "old_places", "round_cell", "savings", "top_of_grade"]

Stage = Literal["proposal", "current"]
_ONE = Decimal(1)
Filled = tuple[Decimal, str | None, Decimal, Decimal]  # (salary, label when estimated, FTE of a place, places)
TopOf = Callable[[str], tuple[Decimal, str | None]]  # a grade's top spinal amount, and a label when estimated


@dataclass(frozen=True)
class Row:
    group: str
    existing_posts: int
    existing_cost: Decimal
    new_posts: int
    new_cost: Decimal
    saving: Decimal


@dataclass(frozen=True)
class Year:
    year: int
    new_cost: Decimal
    protection: Decimal
    saving: Decimal
    one_off_redundancy: Decimal = Decimal(0)  # redundancy pay: the one-off, or (finance view) the part of it
    # The finance view's 12 months (else None): their dates, the existing cost, the whole one-off exit cost
    existing_cost: Decimal | None = None
    one_off: Decimal | None = None
    start: dt.date | None = None
    end: dt.date | None = None

    @property
    def shown_one_off(self) -> Decimal:
        """Gives the one-off cost the profile counts in this year: the exit costs with the finance view, else the
        redundancy pay estimate."""
        return self.one_off if self.one_off is not None else self.one_off_redundancy


@dataclass(frozen=True)
class SavingsResult:
    rows: tuple[Row, ...]
    total: Row
    protection_by_year: tuple[Decimal, ...]
    years: tuple[Year, ...]
    target_saving: Decimal | None
    target_met: bool | None
    estimated_points: tuple[str, ...]
    basis: Basis
    on_cost_rate: Decimal | None  # None when on-costs are a dated model (on_cost_model)
    round_to: Decimal
    conventions: tuple[str, ...]
    redundancy: RedundancyEstimate | None = None
    notes: tuple[str, ...] = field(default_factory=tuple)
    finance: FinanceView | None = None
    on_cost_model: OnCosts | None = None


def top_of_grade(review: ReviewFile, grade: Grade) -> tuple[Decimal, str | None]:
    """Gives the top spinal amount of a grade, and a label when that amount is estimated."""
    point, amount, estimated = grade_points(review, grade)[-1]
    return amount, (f"{grade.spine} SP{point} (top of {grade.id}) £{amount}" if estimated else None)


class _Items:
    """The salaries the finance view costs again, each once with its funding and how many places share it."""

    def __init__(self) -> None:
        self._items: dict[tuple[Decimal, object], tuple[Decimal, Funding]] = {}
        self._places: dict[tuple[Decimal, object], Decimal] = {}

    def count(self, salary: Decimal, funding: Funding, places: Decimal) -> None:
        # a dated funding is a list or a model, counted by identity: the posts that share it share its dates
        key = (salary, funding if isinstance(funding, Decimal) else id(funding))
        self._items.setdefault(key, (salary, funding))
        self._places[key] = self._places.get(key, Decimal(0)) + places

    def items(self) -> tuple[tuple[Decimal, Funding, Decimal], ...]:
        """Gives each salary as (salary, funding, places), in the order first counted."""
        return tuple((*item, self._places[key]) for key, item in self._items.items())


class _Table:
    """The full-year table as it is counted: each group's posts and cost, old and new (groups in the order first
    met), the salaries the finance view costs again, and the spinal amounts the figures estimate."""

    def __init__(self, review: ReviewFile, model: OnCostModel) -> None:
        self.review, self.model, self.day = review, model, review.review.effective_date
        self.estimated: set[str] = set()
        self.existing: dict[str, list[Decimal]] = defaultdict(_nothing)  # group -> [posts, cost]
        self.new: dict[str, list[Decimal]] = defaultdict(_nothing)
        self.order: dict[str, None] = {}
        self.old_items, self.new_items = _Items(), _Items()
        self._tops: dict[str, tuple[Decimal, str | None]] = {}

    def group_of(self, post: OldPost | NewPost) -> str:
        """Gives the row a post is counted in: its group, else its grade's name."""
        name = post.group or self.review.grade[post.grade].name
        self.order.setdefault(name)
        return name

    def top_of(self, grade_id: str) -> tuple[Decimal, str | None]:
        """Gives a grade's top spinal amount and its label when estimated (found once a grade)."""
        if grade_id not in self._tops:
            self._tops[grade_id] = top_of_grade(self.review, self.review.grade[grade_id])
        return self._tops[grade_id]

    def cost(self, salary: Decimal, funding: Funding) -> Decimal:
        """Gives what a salary costs a year on the effective date: with on-costs, less external funding."""
        return self.model.cost(salary, self.day) * (1 - funding_share(funding, self.day))

    def add_old(self, post: OldPost) -> None:
        """Counts an old post: each holder's place and its vacant places (`old_places`)."""
        row = self.existing[self.group_of(post)]
        row[0] += post.count
        for salary, fte, places in old_places(self.review, post, self.top_of, self.estimated):
            row[1] += places * self.cost(salary * fte, post.external_funding)
            self.old_items.count(salary * fte, post.external_funding, places)

    def add_new(self, post: NewPost, salaries: list[Filled]) -> None:
        """Counts a new post: its filled places at their salaries, its empty places at the top of its grade."""
        top, label = self.top_of(post.grade)
        row = self.new[self.group_of(post)]
        row[0] += post.count
        fte = post.fte
        empty = post.count * fte - sum((f * n for _, _, f, n in salaries), Decimal(0))
        if label and empty > 0:
            self.estimated.add(label)
        for salary, _, each, places in [*salaries, *([(top, None, fte, empty / fte)] if empty > 0 else [])]:
            row[1] += places * self.cost(salary * each, post.external_funding)
            self.new_items.count(salary * each, post.external_funding, places)
        self.estimated.update(slot_label for _, slot_label, _, _ in salaries if slot_label)

    def rows(self, step: Decimal) -> list[Row]:
        """Gives one row per group, each cell rounded."""
        rows = []
        for name in self.order:
            old_cost = round_cell(self.existing[name][1], step)
            new_cost = round_cell(self.new[name][1], step)
            rows.append(Row(name, int(self.existing[name][0]), old_cost, int(self.new[name][0]), new_cost,
                            old_cost - new_cost))
        return rows


def _nothing() -> list[Decimal]:
    """Gives a group's row before anything is counted: no posts, no cost."""
    return [Decimal(0), Decimal(0)]


def savings(review: ReviewFile, result: SlottingResult, basis: Basis | None = None,
            target: Decimal | None = None, stage: Stage = "current") -> SavingsResult:
    """Gives the savings table, yearly profile and target check for a review and its slotting: its one-off costs
    after the decisions recorded (the current stage), or at the proposal."""
    costing = review.costing
    basis = basis or costing.new_posts_at
    target = target if target is not None else costing.target_saving
    model = OnCostModel(costing)
    table = _Table(review, model)
    for post in review.old_structure.posts:
        table.add_old(post)
    filled = _filled_places(review, result) if basis == "slotted" else {}
    for new_post in review.new_structure.posts:
        table.add_new(new_post, filled.get(new_post.id, []))
    step = costing.round_to
    rows = table.rows(step)
    total = _total(rows)
    protection_by_year = tuple(round_cell(_protection(review, result, table.estimated, model, k), step)
                               for k in range(protection_years(review.policy, costing.profile_years)))
    found, standings = current(review, result) if stage == "current" else (cases(review, result), None)
    met = None if target is None else total.saving >= target
    finance = None
    if engaged(review):
        items = Items(table.old_items.items(), table.new_items.items(), *_protected(review, result))
        twelve = len(protection_by_year) + (0 if _unending(review) else 1)
        finance = finance_view(review, items, exit_costs(review, result, found, standings), twelve)
        redundancy, years = _finance_years(finance, found, step)
        protection_by_year = tuple(y.protection for y in years[:len(protection_by_year)])
    else:
        redundancy = redundancy_estimate(review, result, found, standings)
        one_off = round_cell(redundancy.total, step) if redundancy else Decimal(0)
        years = tuple(
            Year(y, total.new_cost + p, p, total.saving - p, one_off if y == 1 else Decimal(0))
            for y, p in enumerate(protection_by_year + (() if _unending(review) else (Decimal(0),)), start=1)
        )
    rate = None if costing.on_costs is not None else costing.on_cost_rate
    return SavingsResult(tuple(rows), total, protection_by_year, years, target, met, tuple(sorted(table.estimated)),
                         basis, rate, step, conventions(review, basis, model), redundancy,
                         finance=finance, on_cost_model=costing.on_costs)


def _total(rows: list[Row]) -> Row:
    """Gives the total row: the sums of the rounded cells."""
    return Row("Total", sum(r.existing_posts for r in rows), sum((r.existing_cost for r in rows), Decimal(0)),
               sum(r.new_posts for r in rows), sum((r.new_cost for r in rows), Decimal(0)),
               sum((r.saving for r in rows), Decimal(0)))


def _unending(review: ReviewFile) -> bool:
    """True when protection marks time with no limit in years: the profile then has no year without it."""
    scheme = review.policy.protection
    return scheme.scheme == "mark_time" and scheme.years is None


def _finance_years(finance: FinanceView, found: Cases, step: Decimal
                   ) -> tuple[RedundancyEstimate | None, tuple[Year, ...]]:
    """Gives the redundancy pay within the exit costs and the year-by-year profile read from the finance view's 12
    months."""
    redundancy = redundancy_within_exits(finance.exit_costs, found)
    part = round_cell(redundancy.total, step) if redundancy else Decimal(0)
    # A year's new structure includes its protection, as in the profile without the finance view.
    years = tuple(Year(y.year, y.new_cost + y.protection, y.protection, y.existing_cost - y.new_cost - y.protection,
                       part if y.year == 1 else Decimal(0), y.existing_cost, y.one_off, y.start, y.end)
                  for y in finance.twelve_months)
    return redundancy, years


def old_places(review: ReviewFile, post: OldPost, top_of: TopOf, estimated: set[str]
               ) -> list[tuple[Decimal, Decimal, Decimal]]:
    """Gives what an old post costs as (full-time salary, FTE, places): each holder at the post's salary if
    given, else their own, at their FTE; and the vacancy (the establishment FTE less the holders', or the
    places without a holder) at the post's salary, else the top of its grade."""
    holders = review.holders.get(post.id, ())
    places = [(post.salary or h.salary, review.fte(h.id), _ONE) for h in holders]
    if post.fte is not None:
        vacant = post.fte - sum((fte for _, fte, _ in places), Decimal(0))
    else:
        vacant = Decimal(post.count - len(holders))
    if vacant > 0:
        salary = post.salary
        if salary is None:
            salary, label = top_of(post.grade)
            estimated.update([label] if label else [])
        places.append((salary, _ONE, vacant))
    return places


def _filled_places(review: ReviewFile, result: SlottingResult) -> dict[str, list[Filled]]:
    """Gives, per new post, what the slotting fills as (slotted salary, label when estimated, FTE of a place,
    places): counting places by heads, a person fills a place of the post's FTE; by FTE, their own FTE."""
    filled: dict[str, list[Filled]] = defaultdict(list)
    by_fte = review.policy.places == "fte"

    def pay(person_id: str, post_id: str) -> tuple[Decimal, str | None]:
        s = result.slot_of(person_id, post_id)
        return s.pay.amount, (f"SP{s.pay.point} £{s.pay.amount} (slotted to {post_id})" if s.pay.estimated else None)

    for post in result.posts:
        fte = review.new_post[post.id].fte
        for pid in post.assimilated + post.matched:
            filled[post.id].append((*pay(pid, post.id), review.fte(pid) if by_fte else fte, _ONE))
        for pool in post.pools:
            amounts = [pay(pid, post.id) for pid in pool.candidates]
            average = sum((a for a, _ in amounts), Decimal(0)) / len(amounts)
            labels = ", ".join(label for _, label in amounts if label) or None
            filled[post.id].append((average, labels, fte, pool.places / fte if by_fte else Decimal(pool.places)))
    return filled


def _protection(review: ReviewFile, result: SlottingResult, estimated: set[str], model: OnCostModel,
                year_index: int) -> Decimal:
    """Gives the cost of pay protection across the slotting in protection year `year_index` (0 is the first)
    under the policy's scheme, at today's pay (see `conventions`)."""
    new_post, day = review.new_post, review.review.effective_date
    by_fte = review.policy.places == "fte"

    def cost(slot: Slot, fte: Decimal, person_id: str) -> Decimal:
        if slot.pay.protection and slot.pay.estimated:
            estimated.add(f"SP{slot.pay.point} £{slot.pay.amount} (slotted to {slot.post})")
        amount = protected(review.policy, fall(_allowances(result, person_id), slot.pay.protection),
                           year_index)
        if not amount:
            return Decimal(0)
        funding = new_post[slot.post].external_funding
        return model.extra(slot.pay.amount * fte, amount * fte, day) * (1 - funding_share(funding, day))

    total = Decimal(0)
    for person in result.people:
        certain = [cost(s, review.fte(person.id), person.id) for s in person.slots if not s.competitive]
        if certain:
            total += max(certain)
    for post in result.posts:
        fte = _ONE if by_fte else new_post[post.id].fte  # a pool's places are costed at the FTE of a place
        for pool in post.pools:
            costs = [cost(result.slot_of(pid, post.id), fte, pid) for pid in pool.candidates]
            each = max(costs) if review.costing.pool_protection == "max" else sum(costs, Decimal(0)) / len(costs)
            total += pool.places * each
    return total


def _protected(review: ReviewFile, result: SlottingResult
               ) -> tuple[tuple[Protected, ...], tuple[tuple[int | Decimal, tuple[Protected, ...]], ...]]:
    """Gives the protection the finance view costs: each person's (the slot whose protection costs more, once) and
    each competitive pool's places with its candidates'."""
    new_post, day = review.new_post, review.review.effective_date
    by_fte = review.policy.places == "fte"

    def held(slot: Slot, fte: Decimal, person_id: str) -> Protected:
        return Protected(slot.pay.amount * fte, (slot.pay.amount + falls(slot, person_id)) * fte,
                         new_post[slot.post].external_funding)

    def falls(slot: Slot, person_id: str) -> Decimal:
        return fall(_allowances(result, person_id), slot.pay.protection)

    people = []
    for person in result.people:
        certain = [s for s in person.slots if not s.competitive and s.pay.protection]
        if certain:
            people.append(held(max(certain, key=lambda s: falls(s, person.id) * (
                1 - funding_share(new_post[s.post].external_funding, day))), review.fte(person.id), person.id))
    pools = tuple((pool.places, tuple(held(result.slot_of(pid, post.id), _ONE if by_fte else new_post[post.id].fte,
                                           pid) for pid in pool.candidates))
                  for post in result.posts for pool in post.pools)
    return tuple(people), pools


def _allowances(result: SlottingResult, person_id: str) -> Decimal:
    """Gives the allowances a person's protection includes, as the engine found them."""
    found = result.person(person_id)
    return found.protected_allowances if found is not None else Decimal(0)
