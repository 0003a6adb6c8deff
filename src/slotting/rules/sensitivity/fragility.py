"""The fragile decisions: a person's outcome or slotted posts that would change if one overlap figure of theirs
(either figure of a row of their post; a generic post's holders share it), or one threshold of the policy, moved
by at most `margin` points.

Each value tried (see `moves`) is settled locally: only the posts its change can reach, and the people who claim
them (see `baseline.settle_locally`). tests/test_sensitivity.py checks the result against a brute-force re-run
of every value.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any, NamedTuple

from ...model import Grade, Overlap, Person, ReviewFile
from ...model.types import written
from ..claims import Assessment, Assessor, Kind, assessor, ranked
from ..engine import assess
from ..results import Outcome
from .baseline import Baseline, Decision, Signature, settle_locally, signature
from .moves import as_decimal, crossing, tried
from .variants import VaryError, variant

THRESHOLDS = ("assimilate_threshold", "match_threshold", "match_upper")
FIGURES = ("old_in_new", "new_from_old")

Changed = dict[str, tuple[Signature, list[Assessment]]]  # person -> their signature and claims after a move


@dataclass(frozen=True)
class Fragile:
    """One decision that moves when one figure or threshold moves by at most the margin."""

    person: str
    outcome: Outcome
    posts: tuple[str, ...]
    source: str  # "overlap O1 -> N1" or "policy"
    figure: str  # "new_from_old", "assimilate_threshold", ...
    value: Decimal  # its value in the file
    at: Decimal  # the nearest value at which the decision changes
    crossing: str  # what the move crosses, in words
    then_outcome: Outcome
    then_posts: tuple[str, ...]

    @property
    def distance(self) -> Decimal:
        """Gives how far the figure moves to change the decision."""
        return abs(self.at - self.value)


class _Row(NamedTuple):
    """An overlap row with one figure moved (the figures are in range: no need to validate it again)."""

    old_post: str
    new_post: str
    old_in_new: Any
    new_from_old: Any


def fragile(review: ReviewFile, margin: Decimal) -> list[Fragile]:
    """Gives every fragile decision within `margin` points, nearest first for each person and source."""
    found = _Found(Baseline(review))
    policy = review.policy
    thresholds = {name: as_decimal(getattr(policy, name)) for name in THRESHOLDS if getattr(policy, name) is not None}
    _Figures(found, review, margin, thresholds).search()
    _Thresholds(found, review, margin, thresholds).search()
    return sorted(found.each_person(), key=lambda f: (f.person, f.distance, f.source, f.figure))


class _Found:
    """The fragile decisions found so far (the nearest move for each group, source and figure: the members of a
    group share their claims, so their decisions move together), and the local settlings already made."""

    def __init__(self, base: Baseline) -> None:
        self.base = base
        self.nearest: dict[tuple[str, str, str], Fragile] = {}
        self._settled: dict[tuple[tuple[str, Signature], ...], dict[str, Decision]] = {}

    def note(self, rep: str, source: str, figure: str, value: Decimal, at: Decimal, crossed: str,
             then: Decision) -> None:
        """Keeps the move when it is the nearest yet for the group (by its representative), source and figure."""
        key = (rep, source, figure)
        now = self.base.decision[rep]
        candidate = Fragile(rep, now[0], now[1], source, figure, value, at, crossed, then[0], then[1])
        if key not in self.nearest or candidate.distance < self.nearest[key].distance:
            self.nearest[key] = candidate

    def each_person(self) -> list[Fragile]:
        """Gives the fragile decisions found, one for each member of each group."""
        members = self.base.members
        return [f if pid == f.person else replace(f, person=pid) for f in self.nearest.values()
                for pid in members[f.person]]

    def settled(self, changed_review: ReviewFile, changed: Changed) -> dict[str, Decision]:
        """Gives the decisions a change of some groups' claims moves, by representative, settled locally once for
        each set of changed claims: the engine decides from a person's claims only what their signature holds, so
        equal signatures give equal decisions."""
        key = tuple(sorted((rep, sig) for rep, (sig, _) in changed.items()))
        if key not in self._settled:
            self._settled[key] = settle_locally(self.base, changed_review, {rep: c for rep, (_, c) in changed.items()})
        return self._settled[key]


class _Figures:
    """The search over overlap figures: each row of each old post held by someone, each of its two figures moved
    to each value that can change what the engine decides."""

    def __init__(self, found: _Found, review: ReviewFile, margin: Decimal, thresholds: dict[str, Decimal]) -> None:
        self.found, self.base, self.review, self.margin = found, found.base, review, margin
        self.policy = review.policy
        self.thresholds = set(thresholds.values())
        self.named = {v: name for name, v in thresholds.items()}
        self.by_pay = self.policy.max_pay_loss is not None  # pay-loss limits judge each salary apart
        self.judge: Assessor = assessor(self.policy)
        self.old_grade: dict[str, Grade] = {pid: review.grade[post.grade] for pid, post in review.old_post.items()}

    def search(self) -> None:
        """Notes every fragile decision an overlap figure's move makes."""
        holders: dict[str, list[Person]] = defaultdict(list)  # old post -> the representatives of its holders
        for rep in self.base.members:
            person = self.base.person[rep]
            holders[person.post].append(person)
        for old_post, rows in self.base.setting.by_old_post.items():
            held = holders.get(old_post)
            if held:
                self._post(old_post, rows, held)

    def _post(self, old_post: str, rows: list[Overlap], held: list[Person]) -> None:
        """Notes the fragile decisions of the holders of one old post (their groups' representatives), moving each
        figure of each of its rows."""
        judged = held if self.by_pay else held[:1]  # without pay-loss limits, the holders of a post share their claims
        claims = {a.post for p in judged for a in self.base.assessments[p.id] if a.kind}
        for i, row in enumerate(rows):
            ranking = _ranking(rows, row, claims)
            constants = ranking | self.thresholds
            kind = next((a.kind for a in self.base.assessments[judged[0].id] if a.post == row.new_post), None)
            for figure in FIGURES:
                value = as_decimal(getattr(row, figure))
                if not any(value - self.margin <= c <= value + self.margin for c in constants):
                    continue  # nothing within reach to cross
                for at in tried(value, constants, self.margin):
                    moved = _moved(row, figure, at)
                    new = self._claims(old_post, rows, i, moved, judged, kind, ranking, (min(value, at), max(value, at)))
                    if new is not None:
                        self._settle(old_post, row, figure, value, at, held, new)

    def _claims(self, old_post: str, rows: list[Overlap], i: int, moved: _Row, judged: list[Person],
                kind: Kind | None, ranking: set[Decimal], span: tuple[Decimal, Decimal]) -> dict[str, list[Assessment]] | None:
        """Gives the ranked claims of the judged holders with row `i` moved, or None when the move cannot change
        them (the row keeps its kind and its place among the claims)."""
        if self.by_pay:
            moved_rows = list(rows)
            moved_rows[i] = moved  # type: ignore[call-overload]
            return assess(self.review, self.base.setting, judged, {old_post: moved_rows}, self.judge)
        # The holders share their claims: judge the moved row alone and rank them again.
        again = self.judge([moved], self.old_grade[old_post], self.base.setting.new_grade_of)[0]  # type: ignore[list-item]
        low, high = span
        if again.kind == kind and not any(low <= c <= high for c in ranking):
            return None
        first = judged[0].id
        return {first: ranked([again if a.post == moved.new_post else a for a in self.base.assessments[first]],
                              self.policy.rank_by)}

    def _settle(self, old_post: str, row: Overlap, figure: str, value: Decimal, at: Decimal, held: list[Person],
                new: dict[str, list[Assessment]]) -> None:
        """Settles the holders whose claims the move changes, and notes each whose decision then moves."""
        changed: Changed = {}
        if self.by_pay:
            for p in held:
                sig = signature(new[p.id], self.policy)
                if sig != self.base.signature(p.id):
                    changed[p.id] = (sig, new[p.id])
        else:  # the holders share their claims: one group
            shared = next(iter(new.values()))
            sig = signature(shared, self.policy)
            changed = {p.id: (sig, shared) for p in held if sig != self.base.signature(p.id)}
        if not changed:
            return  # the same claims, ranked the same: nothing the engine decides can change
        moved = self.found.settled(self.review, changed)
        crossed = crossing(value, at, self.named, "the")
        for p in held:
            if p.id in moved:
                self.found.note(p.id, f"overlap {old_post} -> {row.new_post}", figure, value, at, crossed, moved[p.id])


def _ranking(rows: list[Overlap], row: Overlap, claims: set[str]) -> set[Decimal]:
    """Gives what a row's figures are compared with besides the thresholds: the figures and scores of the post's
    other rows that are claims (the ranking among claims, and its ties). A row that is no claim is ranked with
    the claims but never pursued, so its place among them changes nothing."""
    ranking: set[Decimal] = set()
    for other in rows:
        if other is not row and other.new_post in claims:
            x, y = as_decimal(other.old_in_new), as_decimal(other.new_from_old)
            ranking |= {x, y, min(x, y)}
    return ranking


def _moved(row: Overlap, figure: str, at: Decimal) -> _Row:
    """Gives the row with one figure at `at`."""
    return _Row(row.old_post, row.new_post, at if figure == "old_in_new" else row.old_in_new,
                at if figure == "new_from_old" else row.new_from_old)


class _Thresholds:
    """The search over the policy's thresholds: each moved to each value between the scores within the margin,
    outwards from the file's value on each side."""

    def __init__(self, found: _Found, review: ReviewFile, margin: Decimal, thresholds: dict[str, Decimal]) -> None:
        self.found, self.base, self.review, self.margin = found, found.base, review, margin
        self.thresholds = thresholds
        self.scores = sorted({as_decimal(a.score) for claims in self.base.assessments.values() for a in claims})
        self.by_score: dict[Decimal, set[str]] = defaultdict(set)  # score -> the representatives with a claim of it
        for rep in self.base.members:
            for a in self.base.assessments[rep]:
                self.by_score[as_decimal(a.score)].add(rep)

    def search(self) -> None:
        """Notes every fragile decision a threshold's move makes."""
        for name, value in self.thresholds.items():
            values = tried(value, self.scores, self.margin)
            self._side(name, value, [v for v in values if v < value])
            self._side(name, value, [v for v in values if v > value])

    def _side(self, name: str, value: Decimal, side: list[Decimal]) -> None:
        """Moves the threshold outwards from the file's value through `side`.

        A claim's kind turns on whether its score passes the threshold, so a person judged again at one value
        keeps those claims at every value further out, and only the people with a score in the new slice need
        judging again.
        """
        pending: Changed = {}  # the people whose claims differ from the file's at this value
        reached = value
        for at in sorted(side, key=lambda v: abs(v - value)):
            try:
                changed_review = variant(self.review, {f"policy.{name}": at})
            except VaryError:
                break  # a policy the file could not state (match above assimilation), and further out too
            self._rejudge(changed_review, min(reached, at), max(reached, at), pending)
            reached = at
            if pending:
                self._report(name, value, at, self.found.settled(changed_review, pending))

    def _rejudge(self, changed_review: ReviewFile, low: Decimal, high: Decimal, pending: Changed) -> None:
        """Judges again the people with a score from `low` to `high`, keeping in `pending` those whose claims now
        differ from the file's."""
        scores = self.scores[bisect_left(self.scores, low):bisect_right(self.scores, high)]
        near = {pid for s in scores for pid in self.by_score[s]}
        rejudged = assess(changed_review, self.base.setting, [self.base.person[pid] for pid in sorted(near)], None,
                          assessor(changed_review.policy))
        for pid, redone in rejudged.items():
            sig = signature(redone, self.review.policy)
            if sig != self.base.signature(pid):
                pending[pid] = (sig, redone)
            else:
                pending.pop(pid, None)

    def _report(self, name: str, value: Decimal, at: Decimal, moved: dict[str, Decision]) -> None:
        """Notes each moved decision, naming the score the threshold passed."""
        low, high = min(value, at), max(value, at)
        for pid, then in moved.items():
            own = [a for a in self.base.assessments[pid] if low <= as_decimal(a.score) <= high]
            crossed = (f"their score of {written(own[0].score)} on {own[0].post}" if own
                       else "another claimant's score on a post they claim")
            self.found.note(pid, "policy", name, value, at, crossed, then)
