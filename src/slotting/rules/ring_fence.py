"""Phase 3 of the slotting, the ring-fence: who may apply for each post with places left after assimilation and
matching, tier by tier where the policy sets tiers, and each person at risk's suitable alternatives.

Leicester City Council, notes of the meeting of 28 October 2011, item 5: "Any posts ... which remain unfilled
after those processes, will be 'ring-fenced'". Pure: the engine (rules.engine) calls it with its results.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Literal

from ..model import ReviewFile
from ..model.policy import AlternativeLimits, Tier
from .claims import Assessment
from .pay import Placement
from .results import Alternative, PersonResult, PostResult, RingFence, TierResult

Measured = dict[tuple[str, Decimal], tuple[Placement, Decimal, int]]  # (post, salary) -> placement, % lost, points lost
Population = tuple[dict[int, list[str]], set[str]]  # a tier's people by the level of their grade, and all of them


def tiers(review: ReviewFile, posts: tuple[PostResult, ...], results: list[PersonResult],
          ring_fence: RingFence) -> tuple[tuple[PostResult, ...], list[PersonResult]]:
    """Gives each ring-fenced post with its tiers and who is eligible, the first tier with anyone used; and each
    person with the posts whose used tier holds them. Work grows with what is listed: each tier's population is
    found once, and a least overlap looks only at the people with an overlap row."""
    finder = _Tiers(review, posts, results, ring_fence)
    applies: dict[str, list[str]] = defaultdict(list)
    done = []
    for post in posts:
        if not post.ring_fenced_places:
            done.append(post)
            continue
        found = finder.of(post)
        for used in found:
            if used.used:
                for pid in used.eligible:
                    applies[pid].append(post.id)
        done.append(post._replace(ring_fence_tiers=tuple(found)))
    return tuple(done), [r._replace(may_apply_for=tuple(applies.get(r.id, ()))) for r in results]


class _Tiers:
    """The tiers of the ring-fenced posts, with the facts every post's tiers share found once."""

    def __init__(self, review: ReviewFile, posts: tuple[PostResult, ...], results: list[PersonResult],
                 ring_fence: RingFence) -> None:
        self.review, self.posts, self.results, self.ring_fence = review, posts, results, ring_fence
        self.level = {p.id: review.grade[review.old_post[p.post].grade].level for p in review.people}
        self.on_post: dict[str, list[tuple[str, Decimal]]] = defaultdict(list)  # new post -> (person, score)
        for r in results:
            for a in r.assessments:
                self.on_post[a.post].append((r.id, a.score))
        self.populations: dict[int, Population] = {}  # by the tier's identity: a policy's tiers serve every post

    def of(self, post: PostResult) -> list[TierResult]:
        """Gives a ring-fenced post's tiers, the first with anyone eligible marked used (the post's own tiers, else
        the policy's; with neither, everyone at risk)."""
        new_post = self.review.new_post[post.id]
        tiers = new_post.ring_fence or self.review.policy.ring_fence
        if tiers is None:  # this post keeps today's rule
            return [TierResult("people at risk", self.ring_fence.may_apply, True)]
        new_level = self.review.grade[new_post.grade].level
        found = [TierResult(tier.name, self._eligible(tier, post.id, new_level), False) for tier in tiers]
        first = next((i for i, t in enumerate(found) if t.eligible), None)
        if first is not None:
            found[first] = found[first]._replace(used=True)
        return found

    def _eligible(self, tier: Tier, post: str, new_level: int) -> tuple[str, ...]:
        """Gives the people of a tier eligible for a post, by id."""
        by_level, members = self._population(tier)
        if tier.min_overlap is not None:
            return tuple(sorted(pid for pid, score in self.on_post[post] if pid in members
                                and score >= tier.min_overlap
                                and (tier.grade is None or tier.grade.allows(new_level - self.level[pid]))))
        return tuple(sorted(pid for old_level, people in by_level.items()
                            if tier.grade is None or tier.grade.allows(new_level - old_level)
                            for pid in people))

    def _population(self, tier: Tier) -> Population:
        if id(tier) not in self.populations:
            by_level = _population_by_level(tier, self.review, self.results, self.posts, self.ring_fence, self.level)
            self.populations[id(tier)] = by_level, {pid for people in by_level.values() for pid in people}
        return self.populations[id(tier)]


def _population_by_level(tier: Tier, review: ReviewFile, results: list[PersonResult], posts: tuple[PostResult, ...],
                         ring_fence: RingFence, level: dict[str, int]) -> dict[int, list[str]]:
    """A tier's people (by outcome, named, in its group; with none of these, those at risk), by the
    level of their current grade."""
    in_pool = {c for post in posts for pool in post.pools for c in pool.candidates}
    slotted = {r.id for r in results}
    population: set[str] = set()
    if tier.outcomes is None and tier.people is None and tier.group is None:
        population = set(ring_fence.may_apply)
    for want in tier.outcomes or ():
        population |= {r.id for r in results
                       if want == "any" or (want == "pool" and r.id in in_pool) or r.outcome == want}
    population |= set(tier.people or ()) | set(review.review.groups.get(tier.group, ()) if tier.group else ())
    by_level: dict[int, list[str]] = defaultdict(list)
    for pid in sorted(population & slotted):
        by_level[level[pid]].append(pid)
    return by_level


def alternatives(person: PersonResult, open_posts: set[str], place_on: Mapping[str, Callable[[Decimal], Placement]],
                 review: ReviewFile, measured: Measured) -> tuple[Alternative, ...]:
    """The ring-fenced posts a person at risk may apply for that their post has an overlap with, best
    score first (then post id), each with the grade distance, where their pay would land, and whether it
    is within the policy's limits on a suitable alternative (ERA 1996 s.141). `place_on` places a salary on
    each new post's grade; `measured` keeps each (post, salary)'s placement, % lost and spinal points lost,
    shared by the people of one salary."""
    limits = review.policy.alternatives_limits
    salary = person.current_salary
    found = []
    for a in person.assessments:
        if a.post in open_posts:
            known = measured.get((a.post, salary))
            if known is None:
                known = measured[a.post, salary] = _measure(a.post, salary, place_on, review)
            placed, loss, points_lost = known
            beyond = _beyond_limits(a, limits, loss, points_lost)
            found.append(Alternative(a.post, a.score, a.grade_distance, placed.amount, placed.point,
                                     placed.amount - salary, not beyond, tuple(beyond), loss, points_lost))
    return tuple(sorted(found, key=lambda alt: (-alt.score, alt.post)))


def _measure(post: str, salary: Decimal, place_on: Mapping[str, Callable[[Decimal], Placement]],
             review: ReviewFile) -> tuple[Placement, Decimal, int]:
    """Gives where a salary lands on a new post's grade, the % of it lost, and the spinal points lost."""
    placed = place_on[post](salary)
    grade = review.grade[review.new_post[post].grade]
    spine = review.pay_spines[grade.spine] if grade.spine else {}
    return (placed, (salary - placed.amount) * 100 / salary if salary > placed.amount else Decimal(0),
            sum(1 for point in spine.values() if placed.amount < point.amount <= salary))


def _beyond_limits(a: Assessment, limits: AlternativeLimits | None, loss: Decimal,
                   points_lost: int) -> list[Literal["grade", "pay_loss"]]:
    """Gives the policy's limits on a suitable alternative that the post fails."""
    beyond: list[Literal["grade", "pay_loss"]] = []
    if limits is not None and limits.grade is not None and not limits.grade.allows(a.grade_distance):
        beyond.append("grade")
    cut = limits.pay_loss if limits is not None else None
    if cut is not None and (loss > cut.percent if cut.percent is not None else points_lost > (cut.points or 0)):
        beyond.append("pay_loss")
    return beyond
