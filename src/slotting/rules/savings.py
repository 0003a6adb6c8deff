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
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Literal

from ..model import Grade, NewPost, OldPost, ReviewFile
from ..model.costing import OnCosts, funding_share
from ..model.types import written
from .case import LEAVING, Cases, cases
from .decisions import current
from .exit_costs import ExitCosts, exit_costs, staged
from .finance import FinanceView, Items, Protected, engaged, finance_view
from .oncosts import OnCostModel
from .pay import grade_points
from .protection import fall, protected, protection_years
from .redundancy import RedundancyCost, weekly_limit
from .results import SlottingResult
from .rounding import round_cell

if TYPE_CHECKING:
    from .decisions import Decided

Basis = Literal["top", "slotted"]
Stage = Literal["proposal", "current"]
_ONE = Decimal(1)


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


def savings(review: ReviewFile, result: SlottingResult, basis: Basis | None = None,
            target: Decimal | None = None, stage: Stage = "current") -> SavingsResult:
    """Gives the savings table, yearly profile and target check for a review and its slotting: its one-off costs
    after the decisions recorded (the current stage), or at the proposal."""
    costing = review.costing
    basis = basis or costing.new_posts_at
    target = target if target is not None else costing.target_saving
    model = OnCostModel(costing)
    day = review.review.effective_date
    estimated: set[str] = set()
    existing: dict[str, list[Decimal]] = defaultdict(lambda: [Decimal(0), Decimal(0)])
    new: dict[str, list[Decimal]] = defaultdict(lambda: [Decimal(0), Decimal(0)])
    order: dict[str, None] = {}  # the groups in the order first met
    tops: dict[str, tuple[Decimal, str | None]] = {}
    old_items: dict[tuple, list] = {}
    new_items: dict[tuple, list] = {}

    def group_of(post) -> str:
        name = post.group or review.grade[post.grade].name
        order.setdefault(name)
        return name

    def top_of(grade_id: str) -> tuple[Decimal, str | None]:
        if grade_id not in tops:
            tops[grade_id] = top_of_grade(review, review.grade[grade_id])
        return tops[grade_id]

    def cost(salary: Decimal, funding) -> Decimal:
        return model.cost(salary, day) * (1 - funding_share(funding, day))

    def count(items: dict[tuple, list], salary: Decimal, funding, places: Decimal) -> None:
        key = (salary, funding if isinstance(funding, Decimal) else id(funding))
        items.setdefault(key, [salary, funding, 0])[2] += places

    for post in review.old_structure.posts:
        row = existing[group_of(post)]
        row[0] += post.count
        for salary, fte, places in old_places(review, post, top_of, estimated):
            row[1] += places * cost(salary * fte, post.external_funding)
            count(old_items, salary * fte, post.external_funding, places)

    filled = _filled_places(review, result) if basis == "slotted" else {}
    for new_post in review.new_structure.posts:
        top, label = top_of(new_post.grade)
        salaries = filled.get(new_post.id, [])
        row = new[group_of(new_post)]
        row[0] += new_post.count
        fte = new_post.fte
        empty = new_post.count * fte - sum((f * n for _, _, f, n in salaries), Decimal(0))
        if label and empty > 0:
            estimated.add(label)
        for salary, _, each, places in [*salaries, *([(top, None, fte, empty / fte)] if empty > 0 else [])]:
            row[1] += places * cost(salary * each, new_post.external_funding)
            count(new_items, salary * each, new_post.external_funding, places)
        for _, slot_label, _, _ in salaries:
            estimated.update([slot_label] if slot_label else [])

    step = costing.round_to
    rows = []
    for name in order:
        old_cost = round_cell(existing[name][1], step)
        new_cost = round_cell(new[name][1], step)
        rows.append(Row(name, int(existing[name][0]), old_cost, int(new[name][0]), new_cost, old_cost - new_cost))
    total = Row("Total", sum(r.existing_posts for r in rows), sum((r.existing_cost for r in rows), Decimal(0)),
                sum(r.new_posts for r in rows), sum((r.new_cost for r in rows), Decimal(0)),
                sum((r.saving for r in rows), Decimal(0)))

    policy = review.policy
    scheme = policy.protection
    unending = scheme.scheme == "mark_time" and scheme.years is None
    protection_by_year = tuple(round_cell(_protection(review, result, estimated, model, k), step)
                               for k in range(protection_years(policy, costing.profile_years)))
    found, standings = current(review, result) if stage == "current" else (cases(review, result), None)
    met = None if target is None else total.saving >= target
    finance = None
    if engaged(review):
        items = Items(tuple(map(tuple, old_items.values())), tuple(map(tuple, new_items.values())),
                      *_protected(review, result))
        twelve = len(protection_by_year) + (0 if unending else 1)
        finance = finance_view(review, items, exit_costs(review, result, found, standings), twelve)
        redundancy = _redundancy_of(finance.exit_costs, found)
        part = round_cell(redundancy.total, step) if redundancy else Decimal(0)
        # A year's new structure includes its protection, as in the profile without the finance view.
        years = tuple(Year(y.year, y.new_cost + y.protection, y.protection, y.existing_cost - y.new_cost - y.protection,
                           part if y.year == 1 else Decimal(0), y.existing_cost, y.one_off, y.start, y.end)
                      for y in finance.twelve_months)
        protection_by_year = tuple(y.protection for y in years[:len(protection_by_year)])
    else:
        redundancy = _redundancy(review, result, found, standings)
        one_off = round_cell(redundancy.total, step) if redundancy else Decimal(0)
        years = tuple(
            Year(y, total.new_cost + p, p, total.saving - p, one_off if y == 1 else Decimal(0))
            for y, p in enumerate(protection_by_year + (() if unending else (Decimal(0),)), start=1)
        )
    rate = None if costing.on_costs is not None else costing.on_cost_rate
    return SavingsResult(tuple(rows), total, protection_by_year, years, target, met, tuple(sorted(estimated)),
                         basis, rate, step, conventions(review, basis, model), redundancy,
                         finance=finance, on_cost_model=costing.on_costs)


def old_places(review: ReviewFile, post: OldPost, top_of, estimated: set[str]) -> list[tuple[Decimal, Decimal, Decimal]]:
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


def conventions(review: ReviewFile, basis: Basis, model: OnCostModel | None = None) -> tuple[str, ...]:
    """Gives the costing conventions in words, for the output and the README."""
    c, p = review.costing, review.policy
    model = model or OnCostModel(c)
    scheme = p.protection
    finance = engaged(review)
    if scheme.scheme == "cash" and scheme.cap is None:
        protection = f"Pay protection for {p.protection_years} year(s) = (current - new salary)"
    elif scheme.scheme == "cash":
        protection = (f"Pay protection for {p.protection_years} year(s) = (current - new salary), at most "
                      f"£{scheme.cap:,} a person a year,")
    elif scheme.scheme == "tapered":
        shares = ", ".join(f"{written(share * 100)}%" for share in scheme.shares or [])
        cap = f", at most £{scheme.cap:,} a person a year," if scheme.cap is not None else ""
        protection = f"Tapered pay protection, year by year {shares} of (current - new salary){cap}"
    else:
        cap = f", at most £{scheme.cap:,} a person a year" if scheme.cap is not None else ""
        limit = f" for at most {scheme.years} years" if scheme.years else ""
        protection = (f"Pay protection by marking time{limit}: (current - new salary){cap}, until pay awards close "
                      "the gap (costing.pay_awards; a scheme other than cash asks for the finance view),")
    cost = (f"Cost of a post = salary x (1 + on-costs {written(c.on_cost_rate * 100)}%) x (1 - external funding)."
            if model.flat else f"Cost of a post = salary + {model.describe()}, on the effective date, x (1 - "
            "external funding).")
    posts: list[OldPost | NewPost] = [*review.old_structure.posts, *review.new_structure.posts]
    if not all(isinstance(post.external_funding, Decimal) for post in posts):
        cost += (" Time-limited funding: the share in force on the effective date" +
                 (" in this full-year table; both profiles take the share in force on each day." if finance else "."))
    old = ("Old posts: the post's salary if given, else its holder's salary, else the top of its grade; "
           "vacant posts and posts outside the review are costed.")
    if review.part_time or any(post.count > 1 or post.fte is not None for post in review.old_structure.posts):
        old += (" A post of several places (count) costs each holder's place so, at the holder's FTE, and its vacant "
                "places (or the establishment FTE no holder works) at the post's salary, else the top of its grade.")
    if any(post.fte != 1 for post in review.new_structure.posts) or p.places == "fte":
        cost += (" A new post's place is costed at its FTE" + (" (counting places by FTE, a filled place at its holder's "
                 "FTE)." if p.places == "fte" else "."))
    if finance:
        profile = ("Year by year: the 12 months from the effective date and from each anniversary of it (the "
                   "protection years), the same figures as the profile by financial year grouped by 12 months "
                   "(funding, pay awards and on-costs in force on each day): a figure is the annual rate of each "
                   "period x its days / the days of those 12 months. Year N saving = existing cost - new cost - "
                   "protection in those 12 months. One-off: the whole exit cost (as in the first financial year), in "
                   "year 1.")
    else:
        profile = "Year N saving = full-year saving - protection in year N."
    return (
        cost,
        old,
        ("New posts: at the top of the grade, for every place." if basis == "top" else
         "New posts: filled places at the slotted salary (a competitive pool's places at the mean of its "
         "candidates' slotted salaries), empty places at the top of the grade."),
        f"Each cell is rounded half up to a multiple of £{written(c.round_to)}; totals are the sums of the "
        "rounded cells.",
        f"{protection} x (1 + on-costs) x "
        "(1 - funding of the new post), the larger once for a person with two slots; for a competitive pool, "
        f"its places x the {'largest' if c.pool_protection == 'max' else 'mean'} protection of its candidates. "
        + profile,
    )



def _filled_places(review: ReviewFile, result: SlottingResult) -> dict[str, list[tuple[Decimal, str | None, Decimal, Decimal]]]:
    """Gives, per new post, what the slotting fills as (slotted salary, label when estimated, FTE of a place,
    places): counting places by heads, a person fills a place of the post's FTE; by FTE, their own FTE."""
    filled: dict[str, list[tuple[Decimal, str | None, Decimal, Decimal]]] = defaultdict(list)
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

    def cost(slot, fte: Decimal, person_id: str) -> Decimal:
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


def _protected(review: ReviewFile, result: SlottingResult) -> tuple[tuple[Protected, ...], tuple]:
    """Gives the protection the finance view costs: each person's (the slot whose protection costs more, once) and
    each competitive pool's places with its candidates'."""
    new_post, day = review.new_post, review.review.effective_date
    by_fte = review.policy.places == "fte"

    def held(slot, fte: Decimal, person_id: str) -> Protected:
        return Protected(slot.pay.amount * fte, (slot.pay.amount + falls(slot, person_id)) * fte,
                         new_post[slot.post].external_funding)

    def falls(slot, person_id: str) -> Decimal:
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


def _redundancy(review: ReviewFile, result: SlottingResult, found: Cases,
                standings: Decided | None = None) -> RedundancyEstimate | None:
    """Gives the one-off redundancy estimate, from each person's case, or None when nobody at risk has one: at the
    proposal, the displaced and each pool's likely displacements; given the cascade's standings, the redundancies
    decided (actual) and those still open (estimated)."""
    if weekly_limit(found.dates.first_dismissal or review.review.effective_date) is None:
        return RedundancyEstimate(Decimal(0), (), (), (), ("No statutory weekly limit is known for the "
                                                           "review's effective date.",))
    notes = []
    if review.review.effective_date is None:
        latest = weekly_limit(None)
        assert latest is not None
        notes.append(f"No review effective_date: the latest known weekly limit (£{latest.amount}, "
                     f"from {latest.since}) is used.")
    stage = staged(result, standings)
    at_risk = sorted({c for _, candidates, _ in stage.pools for c in candidates} | {pid for pid, _, _ in stage.people})
    estimate: dict[str, RedundancyCost | None] = {}
    for pid in at_risk:
        owed = found[pid].entitlements
        estimate[pid] = owed.redundancy_cost if owed is not None else None
    if not any(estimate.values()):
        return None
    people = tuple(PersonRedundancy(pid, status or outcome, estimate[pid], status in LEAVING)
                   for pid, outcome, status in stage.people)
    total = sum((p.cost.amount for p in people if p.cost), Decimal(0))
    pools = []
    for pool, candidates, likely in stage.pools:
        costs = [known.amount for pid in candidates if (known := estimate[pid]) is not None]
        if costs:
            amount = likely * sum(costs, Decimal(0)) / len(costs)
            pools.append((pool.post, likely, amount))
            total += amount
    not_estimated = tuple(pid for pid in at_risk if estimate[pid] is None)
    if standings is None:
        notes.append("An estimate, not an entitlement: each competitive pool's likely displacements are costed at "
                     "the mean estimate of its candidates; pension strain costs are not included.")
    else:
        notes.append("After the decisions recorded: the redundancies decided are actual, each at its own figure; "
                     "the people still at risk are estimated as the displaced are, and each competitive pool not yet "
                     "selected at the mean estimate of its candidates; pension strain costs are not included.")
    return RedundancyEstimate(total, people, tuple(pools), not_estimated, tuple(notes),
                              "proposal" if standings is None else "current")


def _redundancy_of(exits: ExitCosts, found: Cases) -> RedundancyEstimate | None:
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
    owed = found[person_id].entitlements
    return owed.redundancy_cost if owed is not None else None


def _allowances(result: SlottingResult, person_id: str) -> Decimal:
    """The allowances a person's protection includes, as the engine found them."""
    found = result.person(person_id)
    return found.protected_allowances if found is not None else Decimal(0)
