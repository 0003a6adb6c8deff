"""The cascade's state: each person's places, pools and risk, each post's holders and free places, as the records
are applied (rules.decisions.records) from the proposal's slotting."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from ...model import ReviewFile
from ...model.decisions import PRIORITY_FROM, Decision
from ..case import Case
from ..pay import Placement
from ..results import Slot, SlottingResult
from .standing import PROPOSAL, Found, Status, Step

SetAside = dict[tuple[str, str], "Appeal"]  # (record set aside, person) -> the upheld appeal in its place


@dataclass
class CascadePerson:
    """One person as the records move them: the places they hold, their pools, and whether they are at risk."""

    id: str
    outcome: str
    weight: int | Decimal
    holds: dict[str, tuple[str, str]] = field(default_factory=dict)  # post -> (record, how)
    pools: set[str] = field(default_factory=set)
    at_risk: bool = False
    since: dt.date | None = None
    left: tuple[Status, str, dt.date] | None = None
    tried: set[str] = field(default_factory=set)  # posts refused, failed on trial or not won in a ring-fence
    no_payment: str | None = None
    trial_end: dt.date | None = None
    history: list[Step] = field(default_factory=list)


@dataclass
class CascadePool:
    """A competitive pool not yet decided by a selection."""

    post: str
    basis: str
    candidates: list[str]
    places: int | Decimal



def day_text(day: dt.date | None) -> str:
    """Gives a day as a reason names it."""
    return str(day) if day else "an undated day"


@dataclass(frozen=True)
class Appeal:
    """An upheld appeal, applied in the place of the decision it sets aside."""

    record: Decision

    @property
    def id(self) -> str:
        """Gives the appeal record's id."""
        return self.record.id

    @property
    def date(self) -> dt.date:
        """Gives the day the appeal was decided."""
        return self.record.date


def has_priority(review: ReviewFile, person_id: str, day: dt.date) -> bool:
    """True when the person has the statutory redeployment priority on the day (maternity leave since 1999; the
    other groups from 6 April 2024)."""
    priority = review.person[person_id].priority
    return priority is not None and (priority == "maternity" or day >= PRIORITY_FROM)


def _open_to_all(review: ReviewFile) -> bool:
    """True under the Leicester rule: with no ring-fence tiers and no listed alternatives, every free place is open
    to everyone at risk."""
    return review.policy.ring_fence is None and not review.policy.alternatives and not any(
        post.ring_fence for post in review.new_structure.posts)


class Places:
    """The cascade's state, seated from the proposal: who holds which place, who is in which pool, who is at risk;
    and the problems and warnings the records raise."""

    def __init__(self, review: ReviewFile, result: SlottingResult, cases: Mapping[str, Case]) -> None:
        self.review, self.result, self.cases = review, result, cases
        self.problems: Found = []
        self.warnings: list[str] = []
        self.index = {d.id: i for i, d in enumerate(review.decisions)}
        timeline = review.review.timeline
        self.issued = timeline.slotting_list_issued if timeline else None
        self.places = {post.id: post.places for post in result.posts}
        self.titles = {post.id: post.title for post in result.posts}
        self.on_hold = {post.id for post in result.posts if post.on_hold}
        self.pools: dict[str, CascadePool] = {}
        self.people: dict[str, CascadePerson] = {}
        self.holders: dict[str, dict[str, CascadePerson]] = {}  # post -> its holders by id
        self.open_to_all = _open_to_all(review)
        self.proposal_fenced = {post.id for post in result.posts if post.ring_fenced_places}
        self.placers: dict[str, Callable[[Decimal], Placement]] = {}
        self.appeals = {d.id for d in review.decisions if d.type == "appeal"}
        self.about = {(pid, d.post) for d in review.decisions if d.post for pid in d.people}
        self.frozen_free: dict[str, int | Decimal] | None = None  # once every record is applied
        for pool in result.pools:
            self.pools[pool.post] = CascadePool(pool.post, pool.basis, list(pool.candidates), pool.places)
        by_fte = review.policy.places == "fte"
        for p in result.people:
            self._seat(p.id, p.outcome, p.slots, review.fte(p.id) if by_fte else 1)
        self.with_priority = [self.people[p.id] for p in result.people if review.person[p.id].priority]

    def _seat(self, pid: str, outcome: str, slots: tuple[Slot, ...], weight: int | Decimal) -> None:
        """Seats a person as the proposal leaves them: holding their direct slots, in their pools, or at risk."""
        person = CascadePerson(pid, outcome, weight)
        self.people[pid] = person
        for s in slots:
            if s.competitive:
                person.pools.add(s.post)
            else:
                self.hold(person, s.post, PROPOSAL, "assimilated" if s.basis == "assimilation" else "matched")
        person.history.append(Step(PROPOSAL, self.issued, self._proposal_text(outcome, slots)))
        if outcome == "displaced":
            person.at_risk, person.since = True, self.issued

    def _proposal_text(self, outcome: str, slots: tuple[Slot, ...]) -> str:
        """Gives, in words, where the proposal left the person."""
        posts = ", ".join(s.post for s in slots)
        if outcome == "assimilated":
            return f"assimilated to {posts} in the proposal: the post is theirs without assessment"
        if outcome == "matched":
            return f"matched to {posts} in the proposal: subject to an assessment"
        if outcome == "competitive":
            pools = [self.pools[s.post] for s in slots if s.competitive]
            return "in the proposal, a candidate in " + "; ".join(
                f"the competitive pool for {q.post} ({len(q.candidates)} candidates for {q.places})" for q in pools)
        return "displaced in the proposal: at risk of redundancy"

    def hold(self, person: CascadePerson, post: str, record: str, how: str) -> None:
        """Gives the person a place on the post (kept in the post's holders, so that a place is counted in the
        size of its post, not of the review)."""
        person.holds[post] = (record, how)
        self.holders.setdefault(post, {})[person.id] = person

    def drop(self, person: CascadePerson, post: str) -> None:
        """Takes the person's place on the post from them, if they hold one."""
        if person.holds.pop(post, None) is not None:
            del self.holders[post][person.id]

    def taken(self, post: str) -> int | Decimal:
        """Gives the places on the post held, or kept for its undecided pool."""
        held = sum((p.weight for p in self.holders.get(post, {}).values()), 0)
        pool = self.pools.get(post)
        return held + (pool.places if pool is not None else 0)

    def free(self, post: str) -> int | Decimal:
        """Gives the places on the post that are free (as every record left them, once all are applied)."""
        if self.frozen_free is not None:
            return self.frozen_free[post]
        return self.places[post] - self.taken(post)

    def problem(self, d: Decision, name: str | None, message: str) -> None:
        """Records a problem of the decision record, located at its field `name`."""
        at = ("decisions", self.index[d.id]) + ((name,) if name else ())
        self.problems.append((at, message))

    def note(self, person: CascadePerson, d: Decision | Appeal, text: str) -> None:
        """Adds a step to the person's history, citing the record."""
        person.history.append(Step(d.id, d.date, text))

    def release(self, person: CascadePerson, day: dt.date, why: str, cause: str) -> None:
        """Frees every place the person held and takes them out of their pools (which may resolve)."""
        for post in list(person.holds):
            self.drop(person, post)
        for post in sorted(person.pools):
            self.leave_pool(person, post, day, why, cause)

    def leave_pool(self, person: CascadePerson, post: str, day: dt.date, why: str, cause: str = PROPOSAL) -> None:
        """Takes the person out of the pool for the post; a pool left with no more candidates than places resolves
        (assimilation places the rest, a match awaits its assessment)."""
        person.pools.discard(post)
        pool = self.pools.get(post)
        if pool is None or person.id not in pool.candidates:
            return
        pool.candidates.remove(person.id)
        rest = [self.people[c] for c in pool.candidates]
        if sum((c.weight for c in rest), 0) <= pool.places:
            del self.pools[post]
            how = "assimilated" if pool.basis == "assimilation" else "matched"
            for c in rest:
                c.pools.discard(post)
                self.hold(c, post, PROPOSAL, how)
                what = "the post is theirs" if how == "assimilated" else "their match awaits its assessment"
                c.history.append(Step(cause, day, f"the pool for {post} is resolved ({person.id} {why}): {what}"))

    def at_risk_from(self, person: CascadePerson, day: dt.date) -> None:
        """Puts the person at risk from the day, when they are left with no place and no pool."""
        if not person.holds and not person.pools and not person.at_risk:
            person.at_risk, person.since = True, day

    def open_to(self, person: CascadePerson, post: str) -> bool:
        """True when a free place on the post is open to the person under the policy."""
        if post in person.tried or post not in self.places or self.free(post) < person.weight:
            return False
        if self.open_to_all:
            return True
        case = self.cases.get(person.id)
        if post in self.proposal_fenced and case is not None and case.at_risk:
            return post in case.may_apply_for
        slotted = self.result.person(person.id)
        return slotted is not None and any(a.post == post for a in slotted.assessments)

    def gone(self, person: CascadePerson, d: Decision, name: str) -> bool:
        """True (and the problem said) when the person left the process before the decision."""
        if person.left is not None and person.left[2] <= d.date:
            self.problem(d, name, f"{person.id!r} left the process by decision {person.left[1]!r} on "
                         f"{person.left[2]}: no later decision concerns them")
            return True
        return False
