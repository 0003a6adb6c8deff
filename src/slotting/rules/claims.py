"""Claims: each overlap row judged against the policy, ranked, and the ones a person pursues.

Leicester City Council, notes of the meeting of 28 October 2011, item 5 (every number is taken
from `review.policy`):
- Assimilate: "75% of your current job description forms at least 75% of the new one; and the
  grade of the posts ... are the same".
- Match: "Between 25% and 74% of your current job description is contained in and forms 25% - 74%
  of, the new one; and the post ... is the same as or one grade above or below".
- "[nobody] would be given more than one slot unless there is an exact split of 50/50".
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import Literal, NamedTuple

from ..model import Grade, Overlap, Policy

Kind = Literal["assimilation", "match"]
HALF = Decimal(50)  # "an exact split of 50/50": the current job forms half of each of two new roles
RankBy = Literal["old_in_new", "score"]


class Assessment(NamedTuple):
    """One overlap row judged against the policy: a claim of some kind, or a rejection.

    A named tuple: a review of 20,000 people has about 60,000 of them, and a tuple is made in C.
    """

    post: str
    old_in_new: Decimal
    new_from_old: Decimal
    score: Decimal
    grade_distance: int
    kind: Kind | None
    old_grade: str
    new_grade: str
    barred: Kind | None = None  # the kind of claim the pay-loss limit refused
    pay_loss: Decimal | None = None  # % of the current salary lost, when a limit was checked
    points_lost: int | None = None  # spinal points lost, when a limit was checked

    def rank(self, by: RankBy = "old_in_new") -> tuple[bool | Decimal | str, ...]:
        """Assimilation before match; then old_in_new (or, ranking by score, the score then
        old_in_new), then new_from_old, highest first; then post id."""
        figures = (-self.old_in_new,) if by == "old_in_new" else (-self.score, -self.old_in_new)
        return (self.kind != "assimilation", *figures, -self.new_from_old, self.post)


def ranked(assessments: list[Assessment], by: RankBy = "old_in_new") -> list[Assessment]:
    """Gives assessments in Assessment.rank order (two stable sorts: cheaper than negating Decimals)."""
    if len(assessments) < 2:
        return assessments
    assessments.sort(key=_post_of)
    assessments.sort(key=_strength if by == "old_in_new" else _strength_by_score, reverse=True)
    return assessments


def _post_of(a: Assessment) -> str:
    return a.post


def _strength(a: Assessment) -> tuple[bool, Decimal, Decimal]:
    return (a.kind == "assimilation", a.old_in_new, a.new_from_old)


def _strength_by_score(a: Assessment) -> tuple[bool, Decimal, Decimal, Decimal]:
    return (a.kind == "assimilation", a.score, a.old_in_new, a.new_from_old)


Assessor = Callable[[Iterable[Overlap], Grade, Mapping[str, Grade]], list[Assessment]]


def assessor(policy: Policy) -> Assessor:
    """Gives a function that judges one old post's overlap rows against the policy, whose figures
    it looks up once (it runs for every overlap row of the review)."""
    measure = policy.overlap_measure
    assimilate_at, match_at = policy.assimilate_threshold, policy.match_threshold
    assimilate_limits, match_limits = policy.assimilate_limits, policy.match_limits
    assimilate_low, assimilate_high = -assimilate_limits.down, assimilate_limits.up
    match_low, match_high = -match_limits.down, match_limits.up
    match_upper = policy.match_upper if policy.match_upper is not None else Decimal(100)
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
            kind: Kind | None
            if score >= assimilate_at and assimilate_low <= distance <= assimilate_high:
                kind = "assimilation"
            elif match_at <= score <= match_upper and match_low <= distance <= match_high:
                kind = "match"
            else:
                kind = None
            add(make(Assessment, (overlap.new_post, old_in_new, new_from_old, score, distance, kind, old_id, new.id,
                                  None, None, None)))
        return judged

    return judge


def pursued(claims: list[Assessment], policy: Policy) -> list[Assessment]:
    """Gives the claims a person pursues: the top one, or the top two on an exact tie of the ranking
    figure (old_in_new, or the score with rank_by: score) that splits the current job 50/50 between them
    (policy.split_on: any_tie takes any exact tie)."""
    if not claims:
        return []
    top = claims[:1]
    if policy.split_slots and len(claims) > 1 and claims[1].kind == claims[0].kind:
        first, second = claims[0], claims[1]
        tied = (second.old_in_new == first.old_in_new if policy.rank_by == "old_in_new"
                else second.score == first.score)
        if tied and (policy.split_on == "any_tie" or first.old_in_new == second.old_in_new == HALF):
            top.append(second)
    return top


def within_pay_loss(a: Assessment, salary: Decimal, placed: Decimal, points_lost: int, policy: Policy,
                    match_allowed: bool) -> Assessment:
    """Gives the assessment with the pay-loss limits applied: a claim that cuts pay beyond its kind's
    limit becomes a match (when a match is allowed and within its own limit) or no claim."""
    limits = policy.max_pay_loss
    if limits is None or a.kind is None:
        return a
    loss = (salary - placed) * 100 / salary if salary > placed else Decimal(0)

    def exceeds(kind: Kind) -> bool:
        limit = getattr(limits, kind)
        if limit is None:
            return False
        return loss > limit.percent if limit.percent is not None else points_lost > limit.points

    kind: Kind | None = a.kind
    barred: Kind | None = None
    if kind == "assimilation" and exceeds("assimilation"):
        barred, kind = "assimilation", ("match" if match_allowed else None)
    if kind == "match" and exceeds("match"):
        barred, kind = "match", None
    return a._replace(kind=kind, barred=barred, pay_loss=loss, points_lost=points_lost)
