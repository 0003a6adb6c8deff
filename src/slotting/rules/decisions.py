"""The cascade: the decisions made after the proposal, applied in order, and where each person ends.

Pure: (the review, its proposal, the cases) -> Decided. The records are applied by date and, on one day, in the
order of the process (withdrawals, voluntary redundancy, assessments, selections, redeployment), people with the
statutory redeployment priority first; each person ends with a status and a reason citing the records.

The policy stated, from the Leicester review (notes of the meeting of 28 October 2011, item 5) where it speaks:
- Assimilated people take their posts; matched people are assessed: confirmed, they take the post; not
  confirmed, they are at risk and their place is free.
- A competitive pool is decided by a selection: those appointed take the post, the others are at risk, and any
  place left unfilled is free. "Any posts ... which remain unfilled after those processes, will be
  'ring-fenced'": every free place is open to the people at risk, by a selection or a redeployment offer.
- Accepted voluntary redundancy, or a withdrawal, removes the person: a pool left with no more candidates than
  places is resolved (the rest keep their claims as in the proposal: assimilation places them, a match awaits
  its assessment), and a place the person held is free ("bumping", where an employer allows it).
- Redeployment: an accepted offer takes the place (on trial while the trial runs, ERA 1996 s.138(3)); a failed
  trial leaves the person at risk; refusing suitable alternative employment unreasonably loses the redundancy
  payment (ERA 1996 s.141(2)). People with the statutory priority (Maternity and Parental Leave etc. Regulations
  1999 reg 10; SI 2024/310 from 6 April 2024) are taken first on the day, and placing another person in a
  vacancy open to them is warned of.
- An upheld appeal re-runs what follows from it: the decision appealed against is set aside for the appellant
  and the appeal's outcome takes its place there (against the slotting list: before every other decision).
- A person at risk with no free place open to them (every place filled, refused or tried) is being made
  compulsorily redundant; while one is open, or their pool or assessment is pending, their case is still open.

Posts freed after the proposal are open, under ring-fence tiers or policy.alternatives, to the people at risk
whose post overlaps them; otherwise (the Leicester rule) every free place is open to everyone at risk.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal, NamedTuple

from ..model import ReviewFile
from ..model.decisions import PRIORITY_FROM, PRIORITY_SOURCE, Decision, NewOutcome
from .case import NO_PAYMENT, Case, Cases, cases
from .pay import Placement, placer
from .results import SlottingResult

Status = Literal["appointed", "redeployed", "on_trial", "voluntary_redundancy", "compulsory_redundancy",
                 "withdrawn", "still_open"]
STATUSES: tuple[Status, ...] = ("appointed", "redeployed", "on_trial", "voluntary_redundancy",
                                "compulsory_redundancy", "withdrawn", "still_open")
LISTED = 10  # open posts named in a reason; the register and explain list them all
PROPOSAL = "proposal"
_RANK = {"withdrawal": 1, "voluntary_redundancy": 2, "assessment": 3, "selection": 4, "redeployment": 5, "appeal": 6}
Found = list[tuple[tuple, str]]


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
        return self._by_id.get(person_id)

    def offers(self, person_id: str) -> tuple[Offer, ...]:
        """Gives the free places open to a person, each with the grade distance and the pay placed on its grade."""
        standing = self._by_id.get(person_id)
        return self._offers(person_id) if standing is not None and standing.open_posts else ()

    @property
    def counts(self) -> dict[str, int]:
        """Gives the number of people of each status, in STATUSES order."""
        return {status: sum(1 for s in self.people if s.status == status) for status in STATUSES}


@dataclass
class _Person:
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
class _Pool:
    post: str
    basis: str
    candidates: list[str]
    places: int | Decimal


def _day(day: dt.date | None) -> str:
    return str(day) if day else "an undated day"


class _Cascade:
    def __init__(self, review: ReviewFile, result: SlottingResult, cases: Mapping[str, Case]):
        self.review, self.result, self.cases = review, result, cases
        self.problems: Found = []
        self.warnings: list[str] = []
        self.index = {d.id: i for i, d in enumerate(review.decisions)}
        timeline = review.review.timeline
        self.issued = timeline.slotting_list_issued if timeline else None
        by_fte = review.policy.places == "fte"
        self.places = {post.id: post.places for post in result.posts}
        self.titles = {post.id: post.title for post in result.posts}
        self.on_hold = {post.id for post in result.posts if post.on_hold}
        self.pools: dict[str, _Pool] = {}
        self.people: dict[str, _Person] = {}
        self.holders: dict[str, dict[str, _Person]] = {}  # post -> its holders by id
        self.open_to_all = review.policy.ring_fence is None and not review.policy.alternatives and not any(
            post.ring_fence for post in review.new_structure.posts)
        self.proposal_fenced = {post.id for post in result.posts if post.ring_fenced_places}
        self.placers: dict[str, Callable[[Decimal], Placement]] = {}
        self.appeals = {d.id for d in review.decisions if d.type == "appeal"}
        self.about = {(pid, d.post) for d in review.decisions if d.post for pid in d.people}
        self.frozen_free: dict[str, int | Decimal] | None = None  # once every record is applied
        for pool in result.pools:
            self.pools[pool.post] = _Pool(pool.post, pool.basis, list(pool.candidates), pool.places)
        for p in result.people:
            person = _Person(p.id, p.outcome, review.fte(p.id) if by_fte else 1)
            self.people[p.id] = person
            for s in p.slots:
                if s.competitive:
                    person.pools.add(s.post)
                else:
                    self.hold(person, s.post, PROPOSAL, "assimilated" if s.basis == "assimilation" else "matched")
            person.history.append(Step(PROPOSAL, self.issued, self._proposal_text(p.outcome, p.slots)))
            if p.outcome == "displaced":
                person.at_risk, person.since = True, self.issued
        self.with_priority = [self.people[p.id] for p in result.people if review.person[p.id].priority]

    def _proposal_text(self, outcome: str, slots: tuple) -> str:
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

    # -- places

    def hold(self, person: _Person, post: str, record: str, how: str) -> None:
        """Gives the person a place on the post (kept in the post's holders, so that a place is counted in the
        size of its post, not of the review)."""
        person.holds[post] = (record, how)
        self.holders.setdefault(post, {})[person.id] = person

    def drop(self, person: _Person, post: str) -> None:
        if person.holds.pop(post, None) is not None:
            del self.holders[post][person.id]

    def taken(self, post: str) -> int | Decimal:
        held = sum((p.weight for p in self.holders.get(post, {}).values()), 0)
        pool = self.pools.get(post)
        return held + (pool.places if pool is not None else 0)

    def free(self, post: str) -> int | Decimal:
        if self.frozen_free is not None:
            return self.frozen_free[post]
        return self.places[post] - self.taken(post)

    def _problem(self, d: Decision, name: str | None, message: str) -> None:
        at = ("decisions", self.index[d.id]) + ((name,) if name else ())
        self.problems.append((at, message))

    def _note(self, person: _Person, d: Decision | Appeal, text: str) -> None:
        person.history.append(Step(d.id, d.date, text))

    def release(self, person: _Person, day: dt.date, why: str, cause: str) -> None:
        """Frees every place the person held and takes them out of their pools (which may resolve)."""
        for post in list(person.holds):
            self.drop(person, post)
        for post in sorted(person.pools):
            self._leave_pool(person, post, day, why, cause)

    def _leave_pool(self, person: _Person, post: str, day: dt.date, why: str, cause: str = PROPOSAL) -> None:
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

    def at_risk_from(self, person: _Person, day: dt.date) -> None:
        if not person.holds and not person.pools and not person.at_risk:
            person.at_risk, person.since = True, day

    def open_to(self, person: _Person, post: str) -> bool:
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

    def gone(self, person: _Person, d: Decision, name: str) -> bool:
        """True (and the problem said) when the person left the process before the decision."""
        if person.left is not None and person.left[2] <= d.date:
            self._problem(d, name, f"{person.id!r} left the process by decision {person.left[1]!r} on "
                          f"{person.left[2]}: no later decision concerns them")
            return True
        return False

    # -- the records

    def apply(self, d: Decision, set_aside: dict[tuple[str, str], Appeal]) -> None:
        people = [pid for pid in d.people if pid in self.people]
        missing = [pid for pid in d.people if pid not in self.people]
        for pid in missing:
            self._problem(d, "person" if d.person else "candidates",
                          f"{pid!r} is not in the slotting (not in review, or holding a post outside it)")
        if missing:
            return
        if d.post is not None and d.post not in self.places:
            self._problem(d, "post", f"new post {d.post!r} is not in the slotting (in_review: false)")
            return
        getattr(self, f"_{d.type}")(d, people, set_aside)

    def _withdrawal(self, d: Decision, people: list[str], set_aside: dict) -> None:
        person = self.people[people[0]]
        if self.gone(person, d, "person"):
            return
        self.release(person, d.date, "withdrew", d.id)
        person.left = ("withdrawn", d.id, d.date)
        self._note(person, d, f"withdrawn ({d.reason}), recorded by {d.by}: any place or claim they had is given up")

    def _voluntary_redundancy(self, d: Decision, people: list[str], set_aside: dict) -> None:
        person = self.people[people[0]]
        if self.gone(person, d, "person"):
            return
        if d.result == "declined":
            self._note(person, d, f"voluntary redundancy requested on {d.requested}, declined by {d.by}")
            return
        held = sorted(person.holds)
        self.release(person, d.date, "left by voluntary redundancy", d.id)
        person.left, person.at_risk = ("voluntary_redundancy", d.id, d.date), False
        freed = f"; the place on {', '.join(held)} is free" if held else ""
        self._note(person, d, f"voluntary redundancy requested on {d.requested}, accepted by {d.by}{freed}")

    def _assessment(self, d: Decision, people: list[str], set_aside: dict) -> None:
        person = self.people[people[0]]
        assert d.post is not None
        if self.gone(person, d, "person"):
            return
        held = person.holds.get(d.post)
        if held is None or held[1] != "matched":
            now = ", ".join(f"{post} ({how})" for post, (_, how) in sorted(person.holds.items())) or "no post"
            self._problem(d, "post", f"{person.id!r} is not matched to {d.post!r} awaiting assessment (they hold "
                          f"{now}): only a matched person is assessed; a pool is decided by a selection")
            return
        if d.post in self.on_hold:
            self._problem(d, "post", f"{d.post!r} is on hold (new_structure.posts[].on_hold): no one is assessed for "
                          "it while the hold lasts")
            return
        if (d.id, person.id) in set_aside:
            self._appeal_outcome(person, set_aside[(d.id, person.id)], d)
            return
        if d.result == "confirmed":
            self.hold(person, d.post, d.id, "confirmed")
            self._note(person, d, f"confirmed in {d.post} by {d.by}: appointed")
            return
        self.drop(person, d.post)
        self._note(person, d, f"not confirmed in {d.post} by {d.by}: at risk; the place on {d.post} joins the "
                   "ring-fence")
        self.at_risk_from(person, d.date)

    def _selection(self, d: Decision, people: list[str], set_aside: dict) -> None:
        assert d.post is not None
        post, appointed = d.post, list(d.appointed or ())
        if post in self.on_hold:
            self._problem(d, "post", f"{post!r} is on hold (new_structure.posts[].on_hold): no appointment is made "
                          "to it while the hold lasts")
            return
        if any(self.gone(self.people[pid], d, "candidates") for pid in people):
            return
        weight = sum((self.people[pid].weight for pid in appointed), 0)
        pool = self.pools.get(post)
        panel = f" (panel: {d.panel})" if d.panel else ""
        if pool is not None:
            outside = [pid for pid in people if pid not in pool.candidates]
            absent = [pid for pid in pool.candidates if pid not in people]
            if outside:
                self._problem(d, "candidates", f"{', '.join(map(repr, outside))} not in the competitive pool for "
                              f"{post!r} (candidates now: {', '.join(pool.candidates)})")
            if absent:
                self._problem(d, "candidates", f"the pool for {post!r} also holds {', '.join(map(repr, absent))}: "
                              "every candidate is selected or not")
            if weight > pool.places:
                self._problem(d, "appointed", f"{len(appointed)} appointed to {post!r}, which has {pool.places} "
                              "place(s) in its pool")
            if outside or absent or weight > pool.places:
                return
            del self.pools[post]
            fenced = False
        else:
            free = self.free(post)
            if free <= 0:
                self._problem(d, "post", f"{post!r} has no competitive pool and no free place on {d.date}: nothing "
                              "to select for")
                return
            not_at_risk = [pid for pid in people if not self.people[pid].at_risk
                           or (self.people[pid].since or d.date) > d.date]
            if not_at_risk:
                self._problem(d, "candidates", f"{', '.join(map(repr, not_at_risk))} not at risk on {d.date}: the "
                              f"free places on {post!r} are ring-fenced for the people at risk")
            if weight > free:
                self._problem(d, "appointed", f"{len(appointed)} appointed to {post!r}, which has {free} free "
                              f"place(s) on {d.date}")
            if not_at_risk or weight > free:
                return
            fenced = True
        for pid in people:
            person = self.people[pid]
            person.pools.discard(post)
            if (d.id, pid) in set_aside:
                self._appeal_outcome(person, set_aside[(d.id, pid)], d)
                continue
            if pid in appointed:
                if fenced:
                    self._priority_check(person, d, post)
                if not self._appoint(person, d, post, "appointed", "appointed"):
                    continue
                for other in sorted(person.pools):  # a 50/50 split: one post is enough
                    self._leave_pool(person, other, d.date, f"was appointed to {post}", d.id)
                self._note(person, d, f"appointed to {post} by {d.by}{panel}" + (" (ring-fence)" if fenced else "")
                           + self._scores(d, pid))
            else:
                if fenced:
                    person.tried.add(post)
                self._note(person, d, f"not appointed to {post} by {d.by}{panel}" + self._scores(d, pid)
                           + ("" if person.holds or person.pools or person.at_risk else ": at risk"))
                self.at_risk_from(person, d.date)
        left = self.free(post)
        if not fenced and left > 0:
            for pid in people:
                self.people[pid].history[-1:] = [Step(d.id, d.date, self.people[pid].history[-1].text
                                                      + f"; {left} place(s) on {post} left unfilled join the "
                                                      "ring-fence")]

    def _scores(self, d: Decision, pid: str) -> str:
        scores = next((c.scores for c in d.candidates or () if c.person == pid), {})
        if not scores:
            return ""
        return " - scores " + ", ".join(f"{k} {v}" for k, v in sorted(scores.items())) + \
            f" (total {sum(scores.values())})"

    def _appoint(self, person: _Person, d: Decision | Appeal, post: str, how: str, field_name: str) -> bool:
        """Gives the person the post, or says why they cannot have it."""
        firm = {p: r for p, r in person.holds.items() if r[1] not in ("matched",)}
        if firm and post not in firm:
            other, (record, _) = sorted(firm.items())[0]
            by = "the proposal" if record == PROPOSAL else f"decision {record!r}"
            self._problem(d if isinstance(d, Decision) else d.record, field_name,
                          f"{person.id!r} already holds {other!r} (by {by}): a person is appointed once")
            return False
        self.drop(person, post)
        if self.free(post) < person.weight:
            self._problem(d if isinstance(d, Decision) else d.record, field_name,
                          f"{post!r} has no free place on {d.date}" + self._holders(post))
            return False
        for other in sorted(person.holds):  # a pending match elsewhere is given up
            self.drop(person, other)
        self.hold(person, post, d.id, how)
        person.at_risk = False
        return True

    def _holders(self, post: str) -> str:
        held = sorted(f"{p.id} ({'the proposal' if p.holds[post][0] == PROPOSAL else p.holds[post][0]})"
                      for p in self.holders.get(post, {}).values())
        return f": held by {', '.join(held)}" if held else ""

    def _redeployment(self, d: Decision, people: list[str], set_aside: dict) -> None:
        person = self.people[people[0]]
        assert d.post is not None and d.offered is not None
        if self.gone(person, d, "person"):
            return
        if d.post in self.on_hold:
            self._problem(d, "post", f"{d.post!r} is on hold (new_structure.posts[].on_hold): it cannot be offered "
                          "while the hold lasts")
            return
        if not person.at_risk:
            self._problem(d, "person", f"{person.id!r} is not at risk on {d.offered}: redeployment is offered to the "
                          "people at risk")
            return
        if person.since is not None and d.offered < person.since:
            self._problem(d, "offered", f"offered on {d.offered}, before {person.id!r} was at risk ({person.since})")
            return
        if (d.id, person.id) in set_aside:
            self._appeal_outcome(person, set_aside[(d.id, person.id)], d)
            return
        suitable = "suitable" if d.suitable else "not suitable"
        said = f"offered {d.post} on {d.offered} ({suitable} alternative employment) by {d.by}"
        if d.response == "refused":
            person.tried.add(d.post)
            if d.suitable and d.refusal_reasonable is False:
                person.no_payment = d.id
                said += f"; refused unreasonably: {NO_PAYMENT}"
            else:
                said += "; refused" + (" reasonably" if d.refusal_reasonable else "")
            self._note(person, d, said)
            return
        if d.trial == "failed":
            person.tried.add(d.post)
            self._note(person, d, said + f"; accepted; the trial period failed{self._ended(d)}: still at risk "
                       "(ERA 1996 s.138(2))")
            return
        self._priority_check(person, d, d.post)
        how = "on_trial" if d.trial == "running" else "redeployed"
        if not self._appoint(person, d, d.post, how, "post"):
            return
        person.trial_end = d.trial_end if d.trial == "running" else None
        tail = (f"; accepted, on trial until {d.trial_end} (ERA 1996 s.138(3))" if d.trial == "running"
                else f"; accepted, the trial period passed{self._ended(d)}" if d.trial == "passed" else "; accepted")
        self._note(person, d, said + tail + ": redeployed" * (d.trial != "running"))

    @staticmethod
    def _ended(d: Decision) -> str:
        return f" (ended {d.trial_end})" if d.trial_end else ""

    def _priority_check(self, person: _Person, d: Decision, post: str) -> None:
        """Warns when a place goes to a person without the statutory priority while one with it, at risk that day,
        had the post open to them and no decision about it."""
        if _priority(self.review, person.id, d.date):
            return
        for other in self.with_priority:
            if other.id in d.people or not other.at_risk or not _priority(self.review, other.id, d.date):
                continue
            if (other.id, post) in self.about:
                continue
            if (other.since is None or other.since <= d.date) and self.open_to(other, post):
                self.warnings.append(
                    f"{post} went to {person.id} ({d.id}, {d.date}) while {other.id}, who has the statutory "
                    f"redeployment priority ({self.review.person[other.id].priority}; {PRIORITY_SOURCE}), was at "
                    "risk and the post was open to them with no offer recorded")

    def _appeal_outcome(self, person: _Person, appeal: Appeal, replaced: Decision | None) -> None:
        """Applies an upheld appeal's outcome in the place of the decision set aside (or of the proposal)."""
        d = appeal.record
        if replaced is not None:
            self._note(person, replaced, f"a {replaced.type.replace('_', ' ')} by {replaced.by}, set aside on appeal "
                       f"{d.id}")
        what = f"decision {replaced.id}" if replaced is not None else "their outcome in the proposal"
        head = f"appeal upheld by {d.by} (lodged {d.lodged}, heard {d.heard}): {what} set aside"
        outcome = d.new_outcome
        if outcome == "withdrawn":
            if replaced is not None and replaced.type == "selection":
                self._problem(d, "new_outcome", "a selection set aside is run again as a new selection record; on "
                              "appeal against a selection, give new_outcome {post: X} or displaced")
                return
            self._note(person, appeal, head + "; the process resumes as before it")
            return
        if outcome == "displaced":
            held = sorted(person.holds)
            self.release(person, d.date, "was displaced on appeal", d.id)
            person.at_risk, person.since = False, None
            self.at_risk_from(person, d.date)
            freed = f"; the place on {', '.join(held)} is free" if held else ""
            self._note(person, appeal, head + f"; displaced: at risk{freed}")
            return
        assert isinstance(outcome, NewOutcome)
        post = outcome.post
        if post not in self.places:
            self._problem(d, "new_outcome", f"new post {post!r} is not in the slotting (in_review: false)")
            return
        for other in sorted(person.pools):
            self._leave_pool(person, other, d.date, f"was given {post} on appeal", d.id)
        for other in [p for p in person.holds if p != post]:
            self.drop(person, other)
        if self._appoint(person, appeal, post, "appointed", "new_outcome"):
            self._note(person, appeal, head + f"; appointed to {post}")

    def finish(self) -> Decided:
        """Gives every person's standing once the records are applied."""
        held: dict[str, int | Decimal] = {}
        for person in self.people.values():
            for post in person.holds:
                held[post] = held.get(post, 0) + person.weight
        self.frozen_free = {post: places - held.get(post, 0) - (self.pools[post].places if post in self.pools else 0)
                            for post, places in self.places.items()}
        self.free_posts = [post for post in sorted(self.places) if self.frozen_free[post] > 0]
        self.post_facts = {post: (self.titles[post], self.review.grade[self.review.new_post[post].grade],
                                  post in self.on_hold) for post in self.free_posts}
        standings = []
        for p in self.result.people:
            person = self.people[p.id]
            first, *rest = person.history
            person.history = [first, *sorted(rest, key=lambda s: s.date or dt.date.min)]
            records = tuple(dict.fromkeys(s.record for s in person.history if s.record != PROPOSAL))
            status, reason, offers = self._status(person)
            standings.append(Standing(
                p.id, person.outcome, status, tuple(sorted(person.holds)), reason, records, tuple(person.history),
                self.review.person[p.id].priority, status == "on_trial" or person.at_risk or bool(person.pools),
                person.since if person.at_risk or status == "on_trial" else None,
                person.trial_end if status == "on_trial" else None, person.no_payment, offers,
                tuple(sorted(person.pools))))
        free = tuple((post, self.free(post)) for post in sorted(self.places) if self.free(post) > 0)
        return Decided(tuple(standings), free, tuple(dict.fromkeys(self.warnings)), self._offers_of)

    def _status(self, person: _Person) -> tuple[Status, str, tuple[str, ...]]:
        status, said, offers = self._standing(person)
        cited = list(dict.fromkeys(s.record for s in person.history if s.record != PROPOSAL))
        return status, said + (f" (decisions: {', '.join(cited)})" if cited else " (the proposal)"), offers

    def _standing(self, person: _Person) -> tuple[Status, str, tuple[str, ...]]:
        if person.left is not None:
            status, record, day = person.left
            return status, f"{status.replace('_', ' ')} on {day}", ()
        if person.holds:
            post, (record, how) = sorted(person.holds.items())[0]
            if how == "matched":
                held = " (the post is on hold)" if post in self.on_hold else ""
                return "still_open", f"matched to {post}: the assessment is not yet recorded{held}", ()
            if how == "on_trial":
                return "on_trial", f"on trial in {post} until {person.trial_end}", ()
            if how == "redeployed":
                return "redeployed", f"redeployed to {post}", ()
            if how == "assimilated":
                return "appointed", f"assimilated to {post}", ()
            return "appointed", f"appointed to {post}" + (" on appeal" if record in self.appeals else ""), ()
        offers = self._open_posts(person)
        if person.pools:
            pools = ", ".join(sorted(person.pools))
            held = " (the post is on hold)" if any(p in self.on_hold for p in person.pools) else ""
            return "still_open", f"a candidate in the pool for {pools}: no selection yet recorded{held}", offers
        since = f"at risk since {_day(person.since)}"
        payment = f"; {NO_PAYMENT}: {person.no_payment} was an unreasonable refusal of suitable employment" \
            if person.no_payment else ""
        if offers:
            shown = ", ".join(offers[:LISTED]) + (f" and {len(offers) - LISTED:,} more"
                                                                   if len(offers) > LISTED else "")
            return "still_open", f"{since}; the ring-fence is still open to them: {shown}{payment}", offers
        tried = sorted(person.tried)
        closed = f"no free place remains open to them (refused, failed on trial or not won: {', '.join(tried)})" \
            if tried else "no free place is open to them"
        return "compulsory_redundancy", f"{since}; {closed}{payment}", ()

    def _open_posts(self, person: _Person) -> tuple[str, ...]:
        """Gives the free places open to the person, by post id."""
        free, tried, weight, every = self.frozen_free, person.tried, person.weight, self.open_to_all
        assert free is not None
        return tuple(post for post in self.free_posts if post not in tried and free[post] >= weight
                     and (every or self.open_to(person, post)))

    def _offers_of(self, person_id: str) -> tuple[Offer, ...]:
        """Gives the free places open to the person, each with the grade distance and the pay placed on its grade
        (the engine's alternative where it listed one): placed once a grade, not once a post."""
        person = self.people[person_id]
        slotted = self.result.person(person.id)
        assert slotted is not None
        review = self.review
        level = review.grade[review.old_post[slotted.current_post].grade].level
        listed = {a.post: a.new_salary for a in slotted.alternatives}
        salary = slotted.current_salary
        placed: dict[str, tuple[Decimal, Decimal]] = {}  # grade -> (pay placed on it, change)
        offers = []
        for post in self._open_posts(person):
            title, grade, on_hold = self.post_facts[post]
            amount = listed.get(post)
            pay: tuple[Decimal, Decimal] | None
            if amount is not None:
                pay = (amount, amount - salary)
            else:
                pay = placed.get(grade.id)
                if pay is None:
                    if grade.id not in self.placers:
                        self.placers[grade.id] = placer(review, grade)
                    amount = self.placers[grade.id](salary).amount
                    pay = placed[grade.id] = (amount, amount - salary)
            offers.append(Offer(post, title, grade.level - level, pay[0], pay[1], on_hold))
        return tuple(offers)


@dataclass(frozen=True)
class Appeal:
    """An upheld appeal, applied in the place of the decision it sets aside."""

    record: Decision

    @property
    def id(self) -> str:
        return self.record.id

    @property
    def date(self) -> dt.date:
        return self.record.date


def _priority(review: ReviewFile, person_id: str, day: dt.date) -> bool:
    """True when the person has the statutory redeployment priority on the day (maternity leave since 1999; the
    other groups from 6 April 2024)."""
    priority = review.person[person_id].priority
    return priority is not None and (priority == "maternity" or day >= PRIORITY_FROM)


def _order(review: ReviewFile) -> list[Decision]:
    """Gives the records other than appeals in the order they apply: by day, then the process's order, people
    with the statutory priority first, then id."""
    def key(d: Decision) -> tuple:
        first = any(_priority(review, pid, d.date) for pid in d.people if pid in review.person)
        return d.date, _RANK[d.type], not first, d.id
    return sorted((d for d in review.decisions if d.type != "appeal"), key=key)


def _run(review: ReviewFile, result: SlottingResult, cases: Cases | Mapping[str, Case]) -> _Cascade:
    cascade = _Cascade(review, result, cases.people if isinstance(cases, Cases) else cases)
    set_aside: dict[tuple[str, str], Appeal] = {}
    against_proposal: list[Decision] = []
    for d in review.decisions:
        if d.type != "appeal" or d.person is None:
            continue
        if d.result == "dismissed":
            continue
        if d.against is None:
            against_proposal.append(d)
        else:
            set_aside[(d.against, d.person)] = Appeal(d)
    for d in sorted(against_proposal, key=lambda a: (a.date, a.id)):
        assert d.person is not None
        if d.person not in cascade.people:
            cascade._problem(d, "person", f"{d.person!r} is not in the slotting")
            continue
        cascade._appeal_outcome(cascade.people[d.person], Appeal(d), None)
    for d in _order(review):
        cascade.apply(d, set_aside)
    for d in sorted((d for d in review.decisions if d.type == "appeal" and d.result == "dismissed"),
                    key=lambda a: (a.date, a.id)):
        person = cascade.people.get(d.person or "")
        if person is None:
            cascade._problem(d, "person", f"{d.person!r} is not in the slotting")
            continue
        what = f"decision {d.against}" if d.against else "their outcome in the proposal"
        person.history.append(Step(d.id, d.date, f"appeal against {what} dismissed by {d.by} (lodged {d.lodged}, "
                                   f"heard {d.heard})"))
    return cascade


def decided(review: ReviewFile, result: SlottingResult, cases: Cases | Mapping[str, Case]) -> Decided:
    """Gives where each person ends after the review's decisions (a validated review: its decisions were checked
    against this proposal when it was loaded); `cases` gives what each person at risk may apply for."""
    return _run(review, result, cases).finish()


def current(review: ReviewFile, result: SlottingResult) -> tuple[Cases, Decided | None]:
    """Gives the cases at the current stage and the cascade behind them: with decisions recorded, each person's case
    as the decisions leave it (rules.case, stage=); without, the proposal's cases and None."""
    proposal = cases(review, result)
    if not review.decisions:
        return proposal, None
    standings = decided(review, result, proposal)
    return cases(review, result, stage=standings), standings


def decision_problems(review: ReviewFile) -> Found:
    """Gives the problems of a review's decisions that only the proposal shows (a post with no free place, an
    assessment of someone not matched, a selection with nothing to select for, a second appointment, a decision
    about someone who has left), as (path, message)."""
    if not review.decisions:
        return []
    from .engine import slot

    result = slot(review)
    return _run(review, result, cases(review, result)).problems
