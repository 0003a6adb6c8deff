"""The slotting engine: (validated review) -> SlottingResult, in the policy's phases.

Leicester City Council, notes of the meeting of 28 October 2011, item 5:
- Phase 1, assimilation: "there are not more employees than posts"; more employees than posts:
  "a competitive selection process".
- Phase 2, matching: matched people are assessed; "if there are more employees than posts the
  assessment process will also be competitive".
- Phase 3, ring-fence: "Any posts ... which remain unfilled after those processes, will be
  'ring-fenced'". Phase 4: people with no slot are displaced (at risk).

Pure: it never opens a file or prints. Work grows with the number of overlap rows.
"""

from __future__ import annotations

from collections import ChainMap, Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from operator import attrgetter

from ..model import Grade, NewPost, Overlap, Person, ReviewFile
from .claims import Assessment, Assessor, Kind, assessor, pursued, ranked, within_pay_loss
from .pay import Placement, placer
from .protection import included
from .results import Outcome, PersonResult, Pool, PostResult, RingFence, Slot, SlottingResult, Summary
from .ring_fence import Measured, alternatives, tiers

Wanted = dict[str, list[tuple[str, Assessment]]]  # new post -> (person, claim) pursuing it


@dataclass(slots=True)
class _Post:
    """A new post's places as the phases fill them: counted in heads, or in FTE (policy.places: fte)."""

    post: NewPost
    places: int | Decimal
    taken: int | Decimal = 0
    assimilated: list[str] = field(default_factory=list)
    matched: list[str] = field(default_factory=list)
    pools: list[Pool] = field(default_factory=list)

    @property
    def places_left(self) -> int | Decimal:
        return self.places - self.taken


@dataclass
class _State:
    """What the phases decide, person by person and post by post."""

    posts: dict[str, _Post]
    salary: dict[str, Decimal]
    place_on: dict[str, Callable[[Decimal], Placement]]  # new post -> places a salary on its grade
    weight: Callable[[str], int | Decimal]  # a person's share of a place: 1, or their FTE
    slots: dict[str, list[Slot]] = field(default_factory=lambda: defaultdict(list))
    notes: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))


@dataclass(frozen=True)
class Setting:
    """What a slotting needs besides the policy's figures, found once: re-used by every variant of a
    sensitivity sweep, whose policies differ only in those figures."""

    people: list[Person]  # in review, by id
    posts: dict[str, NewPost]  # new posts in review, by id
    placers: dict[str, Callable[[Decimal], Placement]]  # grade -> places a salary on it
    by_old_post: dict[str, list[Overlap]]  # old post -> its overlap rows with new posts in review
    new_grade_of: dict[str, Grade]  # new post -> its grade
    key: tuple[str, bool]  # the policy fields the placers depend on


def setting(review: ReviewFile) -> Setting:
    """Gives the policy-independent part of a slotting run."""
    people = _people_in_review(review)
    posts = {pid: p for pid, p in sorted(review.new_post.items()) if p.in_review}
    placers = {gid: placer(review, g) for gid, g in review.grade.items() if g.spine}
    by_old_post: dict[str, list[Overlap]] = defaultdict(list)
    every_post = len(posts) == len(review.new_post)
    for o in review.all_overlaps:
        if every_post or o.new_post in posts:
            by_old_post[o.old_post].append(o)
    return Setting(people, posts, placers, by_old_post, {pid: review.grade[p.grade] for pid, p in posts.items()},
                   _placer_key(review))


def _placer_key(review: ReviewFile) -> tuple[str, bool]:
    """Gives the policy fields a setting's placers depend on."""
    return (review.policy.nearest_point_tie, review.policy.protects)


def slot(review: ReviewFile, prepared: Setting | None = None) -> SlottingResult:
    """Gives the slotting list for a validated review (with `prepared`, the setting of a review that
    differs from this one in its policy's figures at most)."""
    base = prepared if prepared is not None and prepared.key == _placer_key(review) else setting(review)
    assessments = assess(review, base, base.people)
    state, _ = _phases(review, base, base.people, assessments)
    return _result(review, state, base.people, assessments)


@dataclass(frozen=True)
class Phases:
    """What assimilation and matching (phases 1 and 2) decide for the people they were given: each person's
    slots, by person id (no entry for a person left unslotted), and the posts with no place left after
    assimilation. Read-only: the engine's own state stays inside it."""

    slots: Mapping[str, Sequence[Slot]]
    full: frozenset[str] | set[str]


def assimilate_and_match(review: ReviewFile, prepared: Setting, people: list[Person],
                         assessments: dict[str, list[Assessment]], posts: dict[str, NewPost] | None = None,
                         within: set[str] | None = None, also_full: frozenset[str] | set[str] = frozenset(),
                         weight: Callable[[str], int | Decimal] | None = None) -> Phases:
    """Gives the slots that assimilation and matching give `people`, judged by `assessments`, on `posts`
    (default: every post in review), under the review's policy.

    The seam a caller that re-slots part of a review uses (the sensitivity analysis): `prepared` is the review's
    setting; with `within`, only those posts' fullness after assimilation is found by this run, and `also_full`
    says which of the other posts are full (as a whole run found them). `weight` gives a person's share of a
    place (default the policy's: one a head, or their FTE): the engine decides from a person's claims and share
    alone, so one person with the claims of several and their total share is slotted as each of them would be.
    Phases 3 and 4 (the ring-fence, the displaced) follow from these slots and are left to `slot`.
    """
    state, full = _phases(review, prepared, people, assessments, posts, within, also_full, weight)
    return Phases(state.slots, full)


def _phases(review: ReviewFile, base: Setting, people: list[Person], assessments: dict[str, list[Assessment]],
            posts: dict[str, NewPost] | None = None, within: set[str] | None = None,
            also_full: frozenset[str] | set[str] = frozenset(),
            weight: Callable[[str], int | Decimal] | None = None) -> tuple[_State, set[str]]:
    """Gives the state of assimilation and matching for `people` on `posts` (default: all in review), and the
    posts full after assimilation. With `within`, only those posts' fullness after assimilation comes from
    this run, and `also_full` gives the others'."""
    posts = base.posts if posts is None else posts
    by_fte = review.policy.places == "fte"
    state = _State({pid: _Post(p, p.count * p.fte if by_fte else p.count) for pid, p in posts.items()},
                   {p.id: p.salary for p in people}, {pid: base.placers[p.grade] for pid, p in posts.items()},
                   weight or (review.fte if by_fte else _one_each))
    filled = _assimilate(state, people, assessments, review)
    full: set[str] | _Full = filled
    if within is not None:
        filled &= within
        full = _Full(filled, within, also_full)
    if review.policy.ring_fence_mode == "leftover":
        _match(state, people, assessments, full, review)
    return state, filled


@dataclass(frozen=True, slots=True)
class _Full:
    """The posts full after assimilation: as this run found for the posts `within`, as `others` says for the rest
    (a view, so that a local run does not copy the whole review's set)."""

    found: set[str]
    within: set[str]
    others: frozenset[str] | set[str]

    def __contains__(self, post: object) -> bool:
        return post in self.found if post in self.within else post in self.others


def _one_each(_person: str) -> int:
    return 1


def _people_in_review(review: ReviewFile) -> list[Person]:
    """The people slotted: in review themselves and holding a post in review, by id."""
    old_post = review.old_post
    return sorted((p for p in review.people if p.in_review and old_post[p.post].in_review), key=attrgetter("id"))


def assess(review: ReviewFile, base: Setting, people: list[Person], rows: dict[str, list[Overlap]] | None = None,
           judge: Assessor | None = None) -> dict[str, list[Assessment]]:
    """Every person's overlap rows with new posts in review (or, for the old posts in `rows`, those rows),
    judged under the review's policy (pay-loss limits included) and ranked best first; `judge` is the policy's
    assessor when the caller has it already."""
    judge = judge or assessor(review.policy)
    grade, old_post, posts = review.grade, review.old_post, base.posts
    new_grade_of = base.new_grade_of
    by = review.policy.rank_by
    of = base.by_old_post if rows is None else ChainMap(rows, base.by_old_post)
    judged = {person.id: judge(of.get(person.post, ()), grade[old_post[person.post].grade], new_grade_of)
              for person in people}
    if review.policy.max_pay_loss is not None:
        for person in people:
            judged[person.id] = [_with_pay_loss(a, person.salary, review, posts, base.placers)
                                 for a in judged[person.id]]
    return {pid: ranked(claims, by) for pid, claims in judged.items()}


def _with_pay_loss(a: Assessment, salary: Decimal, review: ReviewFile, posts: dict[str, NewPost],
                   placers: dict[str, Callable[[Decimal], Placement]]) -> Assessment:
    """The assessment with the policy's pay-loss limits applied, measured on where the person would be
    placed on the new post's grade."""
    if a.kind is None:
        return a
    grade = review.grade[posts[a.post].grade]
    placed = placers[grade.id](salary).amount
    spine = review.pay_spines[grade.spine] if grade.spine else {}
    points_lost = sum(1 for point in spine.values() if placed < point.amount <= salary)
    policy = review.policy
    match_allowed = policy.allows_match(a.score, a.grade_distance)
    return within_pay_loss(a, salary, placed, points_lost, policy, match_allowed)


def _settle(state: _State, kind: Kind, wanted: Wanted, places_of: Callable[[_Post], int | Decimal]) -> None:
    """Gives each post's claimants their slots: placed when they fit its places, else a pool."""
    for post_id in sorted(wanted):
        entries = sorted(wanted[post_id], key=_person_of)  # one claim per person and post
        post = state.posts[post_id]
        places = places_of(post)
        ids = [pid for pid, _ in entries]
        weights = [state.weight(pid) for pid in ids]
        wanted_places = sum(weights)
        competitive = wanted_places > places
        place = state.place_on[post_id]
        for pid, claim in entries:
            state.slots[pid].append(Slot(post_id, kind, competitive, claim, place(state.salary[pid])))
        if competitive:
            post.pools.append(Pool(post_id, kind, tuple(ids), places, post.post.on_hold, _beyond(weights, places)))
            post.taken += places
            continue
        post.taken += wanted_places
        if kind == "assimilation":
            post.assimilated += ids
        else:
            post.matched += ids


def _beyond(weights: list[int | Decimal], places: int | Decimal) -> int:
    """Gives the fewest claimants whose leaving brings the rest within the places (the largest shares leave
    first); with one place a head, the claimants beyond the places."""
    left = sum(weights)
    for gone, weight in enumerate(sorted(weights, reverse=True)):
        if left <= places:
            return gone
        left -= weight
    return len(weights)


def _person_of(entry: tuple[str, Assessment]) -> str:
    return entry[0]


def _assimilate(state: _State, people: list[Person], assessments: dict[str, list[Assessment]],
                review: ReviewFile) -> set[str]:
    """Phase 1: each person pursues their top assimilation claim(s), which rank first. Gives the posts
    left with no place."""
    wanted: Wanted = defaultdict(list)
    for person in people:
        judged = assessments[person.id]
        if judged and judged[0].kind == "assimilation":
            for claim in pursued([a for a in judged[:2] if a.kind == "assimilation"], review.policy):
                wanted[claim.post].append((person.id, claim))
    _settle(state, "assimilation", wanted, lambda post: post.places)
    return {pid for pid in wanted if state.posts[pid].places_left <= 0}


def _match(state: _State, people: list[Person], assessments: dict[str, list[Assessment]], full: set[str] | _Full,
           review: ReviewFile) -> None:
    """Phase 2: people not yet slotted pursue their best match claims on posts with places left."""
    wanted: Wanted = defaultdict(list)
    for person in people:
        if person.id in state.slots:
            continue
        match_claims = [a for a in assessments[person.id] if a.kind == "match"]
        available = [c for c in match_claims if c.post not in full]
        if len(available) < len(match_claims):
            filled = ", ".join(c.post for c in match_claims if c.post in full)
            state.notes[person.id].append(f"match claim(s) on {filled} not pursued: no place left after assimilation")
        for claim in pursued(available, review.policy):
            wanted[claim.post].append((person.id, claim))
    _settle(state, "match", wanted, lambda post: post.places_left)


def outcome_of(slots: tuple[Slot, ...] | list[Slot]) -> Outcome:
    """Competitive if any slot is; else matched if any is a match; else assimilated; none: displaced."""
    outcome: Outcome = "displaced"
    for s in slots:
        if s.competitive:
            return "competitive"
        outcome = "matched" if s.basis == "match" or outcome == "matched" else "assimilated"
    return outcome


def _result(review: ReviewFile, state: _State, people: list[Person],
            assessments: dict[str, list[Assessment]]) -> SlottingResult:
    """Phases 3 and 4, and the result: places still empty are ring-fenced; people with no slot are
    displaced."""
    posts = tuple(PostResult(pid, p.post.title, p.places, p.post.on_hold, tuple(p.assimilated),
                             tuple(p.matched), tuple(p.pools), p.places_left) for pid, p in state.posts.items())
    results = _people(review, state, people, assessments, {p.id for p in posts if p.on_hold})
    pools = [pool for post in posts for pool in post.pools]
    displaced = [r.id for r in results if r.outcome == "displaced"]
    in_pools = {c for pool in pools for c in pool.candidates}
    summary = _summary(Counter(r.outcome for r in results), pools, sum(p.ring_fenced_places for p in posts))
    ring_fence = RingFence(tuple(sorted(set(displaced) | in_pools)), review.review.ring_fence_group)
    tiered = review.policy.ring_fence is not None or any(p.post.ring_fence for p in state.posts.values())
    if tiered:
        posts, results = tiers(review, posts, results, ring_fence)
    if review.policy.alternatives:
        results = _with_alternatives(review, state, posts, results, ring_fence, tiered)
    return SlottingResult(review.review.name, review.policy, tuple(results), posts, summary, ring_fence)


def _people(review: ReviewFile, state: _State, people: list[Person], assessments: dict[str, list[Assessment]],
            on_hold: set[str]) -> list[PersonResult]:
    """Gives each person's result from their slots: the outcome, their claims, and the engine's notes."""
    none: tuple[()] = ()
    results = []
    for person in people:
        slots = tuple(sorted(state.slots.get(person.id, none), key=attrgetter("post")))
        results.append(PersonResult(
            person.id, person.name, person.post, person.salary, outcome_of(slots),
            any(s.post in on_hold for s in slots), slots, tuple(assessments[person.id]),
            tuple(state.notes.get(person.id, none))))
    if review.policy.protection.includes:  # the allowances a fall in pay is protected with, found once
        results = [r._replace(protected_allowances=included(review.policy, review.person[r.id])) for r in results]
    return results


def _with_alternatives(review: ReviewFile, state: _State, posts: tuple[PostResult, ...], results: list[PersonResult],
                       ring_fence: RingFence, tiered: bool) -> list[PersonResult]:
    """Gives the results with each person at risk's alternatives (policy.alternatives): the posts their used
    tiers open to them, else every post with ring-fenced places."""
    open_posts = {p.id for p in posts if p.ring_fenced_places}
    at_risk = set(ring_fence.may_apply)
    measured: Measured = {}
    return [r._replace(alternatives=alternatives(r, set(r.may_apply_for) if tiered else open_posts, state.place_on,
                                                 review, measured))
            if r.id in at_risk else r for r in results]


def _summary(count: Counter[Outcome], pools: list[Pool], ring_fenced: int | Decimal) -> Summary:
    """Gives the slotting's summary from its outcome counts, its pools and its ring-fenced places."""
    return Summary(people=sum(count.values()), assimilated=count["assimilated"], matched=count["matched"],
                   competitive=count["competitive"], displaced=count["displaced"], pools=len(pools),
                   ring_fenced_places=ring_fenced, potential_displacements=count["displaced"] + sum(p.beyond for p in pools))


def summarise(review: ReviewFile, prepared: Setting | None = None) -> Summary:
    """Gives the slotting's summary alone (the headline of a sensitivity sweep): the same phases as `slot`,
    without the person-by-person result."""
    base = prepared if prepared is not None and prepared.key == _placer_key(review) else setting(review)
    assessments = assess(review, base, base.people)
    state, _ = _phases(review, base, base.people, assessments)
    none: tuple[()] = ()
    count = Counter(outcome_of(state.slots.get(p.id, none)) for p in base.people)
    return _summary(count, [pool for post in state.posts.values() for pool in post.pools],
                    sum(p.places_left for p in state.posts.values()))
