"""The slotting engine: (validated review) -> SlottingResult, with a reason for every decision.

Rules (Leicester City Council, notes of the meeting of 28 October 2011, item 5; every number is
taken from `review.policy`):

- Assimilate: "75% of your current job description forms at least 75% of the new one; and the
  grade of the posts ... are the same; and there are not more employees than posts". More
  employees than posts: "a competitive selection process".
- Match: "Between 25% and 74% of your current job description is contained in and forms 25% - 74%
  of, the new one; and the post ... is the same as or one grade above or below". Matched people
  are assessed; "if there are more employees than posts the assessment process will also be
  competitive".
- Ring-fence: "Any posts ... which remain unfilled after those processes, will be 'ring-fenced'".
- "[nobody] would be given more than one slot unless there is an exact split of 50/50".

The engine is pure: it never opens a file or prints. Work grows with the number of overlap rows.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cached_property
from operator import attrgetter
from decimal import Decimal
from typing import Callable, Iterable, Literal, Mapping, NamedTuple

from .models import Grade, Overlap, Person, ReviewFile
from .pay import Placement, placer
from .policy import Policy
from .reasons import Wording

Kind = Literal["assimilation", "match"]
Outcome = Literal["assimilated", "matched", "competitive", "displaced"]
OUTCOMES: tuple[Outcome, ...] = ("assimilated", "matched", "competitive", "displaced")


class Assessment(NamedTuple):
    """One overlap row judged against the policy: a claim of some kind, or a rejection.

    A named tuple: a review of 20,000 people has about 60,000 of them, and a tuple is made in C.
    reasons.Wording keys its caches on slices of it: keep the order of the fields.
    """

    post: str
    old_in_new: Decimal
    new_from_old: Decimal
    score: Decimal
    grade_distance: int
    kind: Kind | None
    old_grade: str
    new_grade: str
    wording: Wording

    @property
    def figures(self) -> str:
        return self.wording.figures(self)

    @property
    def verdict(self) -> str:
        return self.wording.verdict(self)

    @property
    def why(self) -> str:
        return f"{self.figures}: {self.verdict}"

    def rank(self) -> tuple:
        """Assimilation before match, then old_in_new, then new_from_old, highest first; then post id."""
        return (self.kind != "assimilation", -self.old_in_new, -self.new_from_old, self.post)


def ranked(assessments: list[Assessment]) -> list[Assessment]:
    """Gives assessments in Assessment.rank order (two stable sorts: cheaper than negating Decimals)."""
    if len(assessments) < 2:
        return assessments
    assessments.sort(key=_post_of)
    assessments.sort(key=_strength, reverse=True)  # reverse keeps equal items in post order
    return assessments


def _post_of(a: Assessment) -> str:
    return a.post


def _strength(a: Assessment) -> tuple:
    return (a.kind == "assimilation", a.old_in_new, a.new_from_old)


@dataclass(slots=True)
class Slot:
    post: str
    basis: Kind
    competitive: bool
    claim: Assessment
    pay: Placement


@dataclass(frozen=True)
class Pool:
    post: str
    basis: Kind
    candidates: tuple[str, ...]
    places: int
    on_hold: bool


@dataclass(slots=True)
class PostResult:
    id: str
    title: str
    places: int
    on_hold: bool
    assimilated: tuple[str, ...] = ()
    matched: tuple[str, ...] = ()
    pools: tuple[Pool, ...] = ()
    ring_fenced_places: int = 0

    @property
    def places_left(self) -> int:
        taken = len(self.assimilated) + len(self.matched)
        return self.places - (taken + sum(p.places for p in self.pools) if self.pools else taken)


@dataclass(slots=True)
class PersonResult:
    id: str
    name: str | None
    current_post: str
    current_salary: Decimal
    outcome: Outcome
    on_hold: bool
    slots: tuple[Slot, ...]
    assessments: tuple[Assessment, ...]
    competitors: tuple[str, ...]
    notes: tuple[str, ...]
    posts: dict[str, PostResult]
    wording: Wording

    @property
    def reason(self) -> str:
        """The decision in words, with the figures and the rule (built when asked: it is long)."""
        return self.wording.reason(self)


@dataclass(frozen=True)
class Summary:
    people: int
    assimilated: int
    matched: int
    competitive: int
    displaced: int
    pools: int
    ring_fenced_places: int
    potential_displacements: int


@dataclass(frozen=True)
class RingFence:
    """Who may apply for the ring-fenced places: the same list for every ring-fenced post."""

    may_apply: tuple[str, ...]
    also_open_to: str | None


@dataclass(frozen=True)
class SlottingResult:
    review: str
    policy: Policy
    people: tuple[PersonResult, ...]
    posts: tuple[PostResult, ...]
    summary: Summary
    ring_fence: RingFence

    def person(self, person_id: str) -> PersonResult | None:
        return self._by_id.get(person_id)

    @cached_property
    def _by_id(self) -> dict[str, PersonResult]:
        return {p.id: p for p in self.people}


Assessor = Callable[[Iterable[Overlap], Grade, Mapping[str, Grade]], list[Assessment]]


def assessor(policy: Policy, wording: Wording | None = None) -> Assessor:
    """Gives a function that judges one old post's overlap rows against the policy, whose figures
    it looks up once (it runs for every overlap row of the review)."""
    measure = policy.overlap_measure
    wording = wording or Wording(policy)
    assimilate_at, assimilate_within = policy.assimilate_threshold, policy.assimilate_grade_distance
    match_at, match_within = policy.match_threshold, policy.match_grade_distance
    make = tuple.__new__
    by_min, by_old_in_new = measure == "min", measure == "old_in_new"

    def judge(overlaps: Iterable[Overlap], old: Grade, new_grade_of: Mapping[str, Grade]) -> list[Assessment]:
        level, old_id = old.level, old.id
        judged: list[Assessment] = []
        add = judged.append
        for overlap in overlaps:
            new = new_grade_of[overlap.new_post]
            old_in_new, new_from_old = overlap.old_in_new, overlap.new_from_old
            if by_min:
                score = old_in_new if old_in_new <= new_from_old else new_from_old  # as min() picks
            else:
                score = old_in_new if by_old_in_new else new_from_old
            distance = new.level - level
            apart = -distance if distance < 0 else distance
            if score >= assimilate_at and apart <= assimilate_within:
                kind: Kind | None = "assimilation"
            elif score >= match_at and apart <= match_within:
                kind = "match"
            else:
                kind = None
            add(make(Assessment, (overlap.new_post, old_in_new, new_from_old, score, distance, kind, old_id,
                                  new.id, wording)))
        return judged

    return judge


def pursued(claims: list[Assessment], policy: Policy) -> list[Assessment]:
    """Gives the claims a person pursues: the top one, or the top two on an exact old_in_new tie."""
    if not claims:
        return []
    top = claims[:1]
    if (policy.split_slots and len(claims) > 1 and claims[1].kind == claims[0].kind
            and claims[1].old_in_new == claims[0].old_in_new):
        top.append(claims[1])
    return top


def slot(review: ReviewFile) -> SlottingResult:
    """Gives the slotting list for a validated review."""
    policy = review.policy
    grade, old_post, new_post = review.grade, review.old_post, review.new_post
    people = sorted(
        (p for p in review.people if p.in_review and old_post[p.post].in_review), key=attrgetter("id")
    )
    in_review_posts = {pid: p for pid, p in new_post.items() if p.in_review}
    posts = {
        pid: PostResult(pid, p.title, p.count, p.on_hold) for pid, p in sorted(in_review_posts.items())
    }

    by_old_post: dict[str, list[Overlap]] = defaultdict(list)
    every_post = len(in_review_posts) == len(new_post)
    for o in review.overlaps:
        if every_post or o.new_post in in_review_posts:
            by_old_post[o.old_post].append(o)

    wording = Wording(policy)
    judge = assessor(policy, wording)
    new_grade_of = {pid: grade[p.grade] for pid, p in in_review_posts.items()}
    assessments: dict[str, list[Assessment]] = {}
    # Phase 1 (assimilation) is settled below; each person pursues their top assimilation claim(s),
    # which rank first.
    wanted: dict[str, list[tuple[str, Assessment]]] = defaultdict(list)
    for person in people:
        old_grade = grade[old_post[person.post].grade]
        judged = assessments[person.id] = ranked(judge(by_old_post.get(person.post, ()), old_grade, new_grade_of))
        if judged and judged[0].kind == "assimilation":
            for claim in pursued([a for a in judged[:2] if a.kind == "assimilation"], policy):
                wanted[claim.post].append((person.id, claim))

    slots: dict[str, list[Slot]] = defaultdict(list)
    competitors: dict[str, set[str]] = defaultdict(set)
    notes: dict[str, list[str]] = defaultdict(list)
    salary = {p.id: p.salary for p in people}
    placers = {pid: placer(review, g) for pid, g in grade.items() if g.spine}

    def settle(kind: Kind, claimants: dict[str, list[tuple[str, Assessment]]], places_of) -> None:
        for post_id in sorted(claimants):
            entries = claimants[post_id]
            entries.sort(key=_first)  # by person id: one claim per person and post
            post, places = posts[post_id], places_of(posts[post_id])
            competitive = len(entries) > places
            place_on_grade = placers[new_post[post_id].grade]
            for pid, claim in entries:
                slots[pid].append(Slot(post_id, kind, competitive, claim, place_on_grade(salary[pid])))
            ids = [pid for pid, _ in entries]
            if competitive:
                post.pools += (Pool(post_id, kind, tuple(ids), places, post.on_hold),)
                for pid in ids:
                    competitors[pid].update(i for i in ids if i != pid)
            elif kind == "assimilation":
                post.assimilated += tuple(ids)
            else:
                post.matched += tuple(ids)

    # Phase 1: assimilation.
    settle("assimilation", wanted, lambda post: post.places)

    # Phase 2: matching, for people not yet slotted, on posts with places left after phase 1.
    full = {pid for pid in wanted if posts[pid].places_left <= 0}
    wanted = defaultdict(list)
    for person in people:
        if person.id in slots:
            continue
        match_claims = [a for a in assessments[person.id] if a.kind == "match"]
        available = [c for c in match_claims if c.post not in full]
        if len(available) < len(match_claims):
            filled = ", ".join(c.post for c in match_claims if c.post in full)
            notes[person.id].append(f"match claim(s) on {filled} not pursued: no place left after assimilation")
        for claim in pursued(available, policy):
            wanted[claim.post].append((person.id, claim))
    settle("match", wanted, lambda post: post.places_left)

    # Phases 3 and 4: ring-fence the places still empty; people without a slot are displaced.
    displaced = [p.id for p in people if p.id not in slots]
    in_pools = {c for post in posts.values() if post.pools for pool in post.pools for c in pool.candidates}
    for post in posts.values():
        post.ring_fenced_places = post.places_left
    ring_fence = RingFence(tuple(sorted(set(displaced) | in_pools)), review.review.ring_fence_group)

    none: tuple = ()
    results = tuple(
        _person_result(person, slots.get(person.id, none), assessments[person.id],
                       sorted(competitors[person.id]) if person.id in competitors else none,
                       notes.get(person.id, none), posts, wording)
        for person in people
    )
    pools = [pool for post in posts.values() for pool in post.pools]
    count = Counter(r.outcome for r in results)
    summary = Summary(
        people=len(results),
        assimilated=count["assimilated"],
        matched=count["matched"],
        competitive=count["competitive"],
        displaced=count["displaced"],
        pools=len(pools),
        ring_fenced_places=sum(p.ring_fenced_places for p in posts.values()),
        potential_displacements=count["displaced"] + sum(len(p.candidates) - p.places for p in pools),
    )
    return SlottingResult(review.review.name, policy, results, tuple(posts.values()), summary, ring_fence)


def _first(pair: tuple) -> object:
    return pair[0]


def _person_result(person: Person, slots: list[Slot] | tuple, assessments: list[Assessment],
                   competitors: list[str] | tuple, notes: list[str] | tuple, posts: dict[str, PostResult],
                   wording: Wording) -> PersonResult:
    ordered = tuple(sorted(slots, key=lambda s: s.post)) if len(slots) > 1 else tuple(slots)
    outcome: Outcome = "displaced"
    on_hold = False
    for s in ordered:
        if s.competitive:
            outcome = "competitive"
        elif s.basis == "match" and outcome != "competitive":
            outcome = "matched"
        elif outcome == "displaced":
            outcome = "assimilated"
        on_hold = on_hold or posts[s.post].on_hold
    return PersonResult(person.id, person.name, person.post, person.salary, outcome, on_hold, ordered,
                        tuple(assessments), tuple(competitors), tuple(notes), posts, wording)
