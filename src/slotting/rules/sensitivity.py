"""Sensitivity: the headline figures across variants of the policy and costing, and the fragile decisions.

A variant changes numbers only (thresholds, grade distances, years, rates), so the review is read and
validated once and each variant re-runs the rules alone, sharing the policy-independent setting.

A decision is fragile when the person's outcome or slotted posts would change if one overlap figure of
theirs (either figure of a row of their post; a generic post's holders share it), or one threshold of
the policy, moved by at most `margin` points. The engine compares a figure only with constants: the
thresholds, and the other figures and scores of the same post's rows (ranking, ties, the min measure);
and a threshold only with scores. Between two consecutive constants nothing it decides can change, so
only one value per interval (and the constants themselves) is tried, and each is settled locally:
only the posts its change can reach, and the people who claim them (see `_settle_locally`).
tests/test_sensitivity.py checks the result against a brute-force re-run of every value.

When a variant asks for the finance view, its sweep row also gives the view's headline figures
(protection, one-off exit costs, net saving, payback), read from that variant's own savings.
"""

from __future__ import annotations

import itertools
import math
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Context, Decimal, DivisionByZero, Inexact, InvalidOperation, Overflow
from fractions import Fraction
from typing import Any, NamedTuple

from pydantic import BaseModel, ValidationError

from .. import limits
from ..model import Policy, ReviewFile
from ..model.costing import Costing
from ..model.references import check_policy
from ..model.types import Share, unwrap, written
from .claims import Assessment, assessor, pursued, ranked
from .engine import Setting, assess, outcome_of, phases, setting, slot, summarise
from .finance import engaged
from .finance_headline import FinanceHeadline, finance_headline
from .results import Outcome, Summary
from .savings import SavingsResult, savings

THRESHOLDS = ("assimilate_threshold", "match_threshold", "match_upper")
FIGURES = ("old_in_new", "new_from_old")


class _Row(NamedTuple):
    """An overlap row with one figure moved (the figures are in range: no need to validate it again)."""

    old_post: str
    new_post: str
    old_in_new: Any
    new_from_old: Any


class VaryError(ValueError):
    """A --vary that cannot be used: the message names the field or value; `malformed` when the option
    itself is not FIELD=values (a usage error)."""

    def __init__(self, message: str, malformed: bool = False):
        super().__init__(message)
        self.malformed = malformed


def numeric_fields() -> dict[str, Any]:
    """Gives every numeric field of the policy and costing that a sweep may vary, as 'policy.x' -> its type."""
    found: dict[str, Any] = {}

    def walk(model: type[BaseModel], prefix: str) -> None:
        for name, info in model.model_fields.items():
            tp = unwrap(info.annotation)
            if isinstance(tp, type) and issubclass(tp, BaseModel):
                walk(tp, f"{prefix}{name}.")
            elif tp in (int, Decimal) or _is_threshold(info.annotation):
                found[prefix + name] = tp
    walk(Policy, "policy.")
    walk(Costing, "costing.")
    return found


def _is_threshold(annotation: Any) -> bool:
    return "Share" in repr(annotation)


def field_name(name: str) -> str:
    """Gives the full name of a field given as 'policy.x', 'costing.y' or a bare 'x' (policy first)."""
    fields = numeric_fields()
    for candidate in (name, f"policy.{name}", f"costing.{name}"):
        if candidate in fields:
            return candidate
    known = ", ".join(sorted(f.split(".", 1)[1] for f in fields))
    raise VaryError(f"{name!r} is not a numeric field of the policy or costing; expected one of: {known}")


Vary = tuple[str, tuple[Decimal, ...]]  # a field and its values, in order

# Exact for every value a sweep accepts (at most 10 digits before the point and 28 after, so a difference
# has at most 39 digits and a count at most 38): a range is counted and walked without rounding.
_EXACT = Context(prec=80, traps=[InvalidOperation, DivisionByZero, Overflow, Inexact])


def _shown(text: str) -> str:
    """Gives a --vary as quoted in a message: whole when short, else its start and its length."""
    return repr(text) if len(text) <= 80 else f"{text[:60]!r}... ({len(text):,} characters)"


def parse_vary(text: str) -> Vary:
    """Gives (field, values) of FIELD=START:STOP:STEP (STOP included when reached; a negative STEP walks
    downwards) or FIELD=v1,v2,..., counting the values before any is made."""
    if len(text) > limits.SWEEP_OPTION_CHARS:
        raise VaryError(f"a --vary of {len(text):,} characters; at most {limits.SWEEP_OPTION_CHARS:,}")
    name, sep, spec = text.partition("=")
    if not sep or not name.strip() or not spec.strip():
        raise VaryError(f"{_shown(text)}: expected FIELD=START:STOP:STEP or FIELD=v1,v2,...", malformed=True)
    field = field_name(name.strip())
    if ":" in spec:
        if spec.count(":") != 2:
            raise VaryError(f"{_shown(text)}: a range is START:STOP:STEP", malformed=True)
        start, stop, step = (_value(part, text) for part in spec.split(":"))
        count = range_count(start, stop, step, text)
        if count > limits.SWEEP_VALUES:
            raise VaryError(f"{_shown(text)}: the range holds {count:,} values; at most {limits.SWEEP_VALUES:,} values "
                            "are swept")
        return field, tuple(_walk(start, step, count))
    count = spec.count(",") + 1
    if count > limits.SWEEP_VALUES:
        raise VaryError(f"{_shown(text)}: the list holds {count:,} values; at most {limits.SWEEP_VALUES:,} values are swept")
    return field, tuple(_value(part, text) for part in spec.split(","))


def _value(part: str, text: str) -> Decimal:
    """Gives one number of a --vary, refused when it is no number, not finite, beyond any field's size or
    finer than the places a sweep counts exactly."""
    try:
        value = Decimal(part.strip())
    except ArithmeticError:
        raise VaryError(f"{_shown(text)}: expected numbers, as START:STOP:STEP or v1,v2,...", malformed=True) from None
    if not value.is_finite():
        raise VaryError(f"{_shown(text)}: expected finite numbers, got {_shown(part.strip())}")
    if abs(value) > limits.SWEEP_MAGNITUDE:
        raise VaryError(f"{_shown(text)}: {_shown(part.strip())} is beyond what any field takes; expected numbers between "
                        f"-{limits.SWEEP_MAGNITUDE:,} and {limits.SWEEP_MAGNITUDE:,}")
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -limits.SWEEP_PLACES:
        raise VaryError(f"{_shown(text)}: {_shown(part.strip())} has more than {limits.SWEEP_PLACES} decimal places")
    return value


def range_count(start: Decimal, stop: Decimal, step: Decimal, text: str = "") -> int:
    """Gives how many values START:STOP:STEP holds (STOP included when reached), by arithmetic alone; a
    step of 0, or one that walks away from STOP, is refused."""
    shown = _shown(text) if text else f"{start}:{stop}:{step}"
    if step == 0:
        raise VaryError(f"{shown}: the step must not be 0")
    if start < stop and step < 0:
        raise VaryError(f"{shown}: START is below STOP, so STEP must be more than 0 (a negative STEP walks "
                        "downwards, from a START above STOP)", malformed=True)
    if start > stop and step > 0:
        raise VaryError(f"{shown}: START is above STOP, so STEP must be negative to walk downwards "
                        f"(e.g. {start}:{stop}:-{step})", malformed=True)
    return int(_EXACT.divide_int(_EXACT.subtract(stop, start), step)) + 1


def _walk(start: Decimal, step: Decimal, count: int) -> Iterator[Decimal]:
    """Yields the `count` values of a range from START (each sum exact, so no rounding accumulates)."""
    value = start
    for _ in range(count):
        yield value
        value = _EXACT.add(value, step)


def grid_size(varies: Iterable[Vary]) -> int:
    """Gives the number of variants a grid of varied fields makes (the product of their value counts)."""
    return math.prod(len(values) for _, values in varies)


def parse_varies(texts: Sequence[str]) -> list[Vary]:
    """Gives the fields and values of several --vary options, refused before any variant is made when
    there are too many options, a field is varied twice or the grid is too large."""
    if len(texts) > limits.SWEEP_OPTIONS:
        raise VaryError(f"{len(texts):,} --vary options; at most {limits.SWEEP_OPTIONS} fields are varied at once")
    varies = [parse_vary(text) for text in texts]
    fields = [field for field, _ in varies]
    twice = sorted({field for field in fields if fields.count(field) > 1})
    if twice:
        raise VaryError(f"{', '.join(twice)} varied more than once: give all its values in one --vary", malformed=True)
    _check_grid(varies)
    return varies


def _check_grid(varies: Sequence[Vary]) -> None:
    count = grid_size(varies)
    if count > limits.SWEEP_VARIANTS:
        counts = " x ".join(f"{len(values):,}" for _, values in varies)
        raise VaryError(f"the grid of --vary values has {counts} = {count:,} variants; at most "
                        f"{limits.SWEEP_VARIANTS:,}")


def own_value(review: ReviewFile, field: str) -> Any:
    """Gives the review's own value of a field ('policy.x.y'), or None."""
    value: Any = review
    for part in field.split("."):
        value = getattr(value, part, None)
        if value is None:
            return None
    return value


def variant(review: ReviewFile, changes: dict[str, Decimal]) -> ReviewFile:
    """Gives the review with some numeric policy or costing fields changed, validated as a file would be,
    or raises VaryError naming the value."""
    sections: dict[str, Any] = {"policy": review.policy, "costing": review.costing}
    for field, value in changes.items():
        section, *path = field.split(".")
        sections[section] = _replaced(sections[section], path, value, field)
    try:
        changed = review.model_copy(update=sections)
    except ValidationError as err:  # pragma: no cover - model_copy does not validate
        raise VaryError(str(err)) from None
    # The copy keeps the file's cached properties; this one reads the policy and costing, which the variant
    # changes (a protection cap asks for the finance view), so it is found again from the variant's own.
    changed.__dict__.pop("finance_asked_by", None)
    found = check_policy(changed)
    if found:
        shown = ", ".join(f"{f}={written(v)}" for f, v in changes.items())
        raise VaryError(f"{shown}: " + "; ".join(f"{'.'.join(map(str, path))}: {message}" for path, message in found))
    return changed


def _replaced(model: BaseModel, path: list[str], value: Decimal, field: str) -> BaseModel:
    """Gives the model with the field at `path` set to `value`, validated (nested models made when unset)."""
    name, rest = path[0], path[1:]
    data = {k: getattr(model, k) for k in model.model_fields_set}
    if rest:
        inner = getattr(model, name)
        if inner is None:
            tp = unwrap(type(model).model_fields[name].annotation)
            inner = tp.model_construct()
        data[name] = _replaced(inner, rest, value, field)
    else:
        data[name] = str(value) if not isinstance(value, Share) else value
    try:
        return type(model).model_validate(data)
    except ValidationError as err:
        problem = err.errors(include_url=False)[0]
        raise VaryError(f"{field}={written(value)}: {problem['msg']}") from None



@dataclass(frozen=True)
class Headline:
    values: tuple[Decimal, ...]  # one per varied field
    own: bool  # every value is the file's own
    summary: Summary
    saving: Decimal  # the full-year saving
    target_met: bool | None
    finance: FinanceHeadline | None = None  # only when the variant asks for the finance view


def sweep(review: ReviewFile, varies: Sequence[Vary]) -> list[Headline]:
    """Gives the headline figures for every combination of the varied values (a grid), in order."""
    _check_grid(varies)  # before any combination is made
    fields = [field for field, _ in varies]
    own = [own_value(review, field) for field in fields]
    base = setting(review)
    # New posts costed at the top of their grade cost the same whatever the slotting: with only policy fields
    # varied, the full-year saving is the file's own for every variant. The finance view's protection and exit
    # costs follow the slotting (and the policy's protection and notice), so a variant with that view is
    # always costed in full.
    shortcut = (review.costing.new_posts_at == "top" and all(f.startswith("policy.") for f in fields)
                and not engaged(review))
    fixed: SavingsResult | None = None  # the file's own savings, costed when first needed
    rows = []
    for values in itertools.product(*(values for _, values in varies)):
        changed = variant(review, dict(zip(fields, values)))
        if shortcut and not engaged(changed):
            fixed = fixed or savings(review, slot(review, base))
            summary, table = summarise(changed, base), fixed
        else:
            result = slot(changed, base)
            summary, table = result.summary, savings(changed, result)
        rows.append(Headline(values, all(_same(o, v) for o, v in zip(own, values)), summary, table.total.saving,
                             table.target_met, finance_headline(table.finance) if table.finance is not None else None))
    return rows


# --- fragile decisions -------------------------------------------------------------------------------------------

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
        return abs(self.at - self.value)


Decision = tuple[Outcome, tuple[str, ...]]


class _Base:
    """The file's own slotting, kept in the form a local re-settling needs."""

    def __init__(self, review: ReviewFile) -> None:
        self.review = review
        self.setting: Setting = setting(review)
        self.assessments = assess(review, self.setting, self.setting.people)
        state, filled = phases(review, self.setting, self.setting.people, self.assessments)
        self.slots = {pid: list(state.slots.get(pid, ())) for pid in self.assessments}
        self.filled = filled
        self.person = {p.id: p for p in self.setting.people}
        self.assimilated = {pid for pid, slots in self.slots.items() if any(s.basis == "assimilation" for s in slots)}
        self.claimants: dict[str, set[str]] = defaultdict(set)  # new post -> people with a claim on it
        self.match_claimants: dict[str, set[str]] = defaultdict(set)
        for pid, claims in self.assessments.items():
            for a in claims:
                if a.kind:
                    self.claimants[a.post].add(pid)
                if a.kind == "match":
                    self.match_claimants[a.post].add(pid)
        self.decision = {pid: _decision(slots) for pid, slots in self.slots.items()}
        self._signatures: dict[str, tuple] = {}

    def signature(self, pid: str) -> tuple:
        """Gives a person's signature in the file (see `_signature`), found once."""
        if pid not in self._signatures:
            self._signatures[pid] = _signature(self.assessments[pid], self.review.policy)
        return self._signatures[pid]


def _decision(slots: Iterable) -> Decision:
    slots = list(slots)
    return outcome_of(slots), tuple(sorted(s.post for s in slots))


def _settle_locally(base: _Base, review: ReviewFile, changed: dict[str, list[Assessment]]) -> dict[str, Decision]:
    """Gives the decisions that differ from the base when some people's claims change, settling only the
    posts the change can reach.

    Assimilation changes only on the posts the changed people claimed before or claim now (T0); which
    posts are full after it, only among those; so matching changes only for the changed people and for
    those still unslotted after assimilation with a match claim on a T0 post, on the posts they claim
    (T1). Everyone who claims a post of T0 and T1 is settled again with their claims; every other post
    keeps its claimants, places and fullness, and every other person their slots.
    """
    def claims(pid: str) -> list[Assessment]:
        return changed[pid] if pid in changed else base.assessments[pid]

    reach = {a.post for pid in changed for a in (*base.assessments[pid], *changed[pid]) if a.kind}
    rechoose = set(changed)
    for post in reach:
        rechoose |= {pid for pid in base.match_claimants.get(post, ()) if pid not in base.assimilated}
    reach |= {a.post for pid in rechoose for a in claims(pid) if a.kind == "match"}
    involved = set(changed)
    for post in reach:
        involved |= base.claimants.get(post, set())
    people = [base.person[pid] for pid in sorted(involved)]
    assessments = {pid: claims(pid) for pid in involved}
    posts = {a.post: base.setting.posts[a.post] for claims_ in assessments.values() for a in claims_ if a.kind}
    state, _ = phases(review, base.setting, people, assessments, posts, within=reach, also_full=base.filled)
    moved = {}
    for pid in involved:
        slots = [s for s in state.slots.get(pid, ()) if s.post in reach]
        slots += [s for s in base.slots[pid] if s.post not in reach]
        decision = _decision(slots)
        if decision != base.decision[pid]:
            moved[pid] = decision
    return moved


def _tried(value: Decimal, constants: Iterable[Decimal], margin: Decimal, low: Decimal = Decimal(0),
           high: Decimal = Decimal(100)) -> list[Decimal]:
    """Gives one value for each distinct place a figure at `value` can move to within the margin: each
    constant in reach, and one value in each interval between them (a whole number of points from `value`
    where the interval has one, nearest first; else its middle)."""
    lo, hi = max(low, value - margin), min(high, value + margin)
    points = sorted({c for c in constants if lo <= c <= hi})
    tried = [c for c in points if c != value]
    edges = [lo, *points, hi]
    for a, b in zip(edges, edges[1:]):
        if a == b:
            continue
        inside = _inside(value, a, b, a == lo and a not in points, b == hi and b not in points)  # a constant is its own case
        if inside is not None and inside != value:
            tried.append(inside)
    return sorted(set(tried), key=lambda v: (abs(v - value), v))


def _inside(value: Decimal, a: Decimal, b: Decimal, closed_a: bool, closed_b: bool) -> Decimal | None:
    """Gives a value of the interval from a to b (each end included when closed): a whole number of points
    from `value`, nearest to it, when one fits, else the middle; None when `value` itself is inside."""
    if a < value < b:
        return None
    if value <= a:
        gap = a - value
        candidate = value + max(1, math.ceil(gap) if closed_a else math.floor(gap) + 1)
    else:
        gap = value - b
        candidate = value - max(1, math.ceil(gap) if closed_b else math.floor(gap) + 1)
    above_a = a < candidate or (closed_a and candidate == a)
    below_b = candidate < b or (closed_b and candidate == b)
    return candidate if above_a and below_b else (a + b) / 2


def _number(value: Any) -> Decimal:
    """Gives a figure or threshold as a Decimal (a fraction of the whole such as 2/3 to 28 digits)."""
    if value.__class__ is Decimal:
        return value
    if isinstance(value, Fraction):
        return Decimal(value.numerator) / Decimal(value.denominator)
    return Decimal(value)


def fragile(review: ReviewFile, margin: Decimal) -> list[Fragile]:
    """Gives every fragile decision within `margin` points, nearest first for each person and source."""
    base = _Base(review)
    found: dict[tuple[str, str, str], Fragile] = {}

    def note(pid: str, source: str, figure: str, value: Decimal, at: Decimal, crossing: str, then: Decision) -> None:
        key = (pid, source, figure)
        now = base.decision[pid]
        candidate = Fragile(pid, now[0], now[1], source, figure, value, at, crossing, then[0], then[1])
        if key not in found or candidate.distance < found[key].distance:
            found[key] = candidate

    known: dict[tuple, dict[str, Decision]] = {}

    def settled(changed_review: ReviewFile, signatures: dict[str, tuple]) -> dict[str, Decision]:
        """Settles a change locally, once for each set of changed claims: the engine decides from a person's
        claims only what their signature holds, so equal signatures give equal decisions."""
        key = tuple(sorted((pid, signature) for pid, (signature, _) in signatures.items()))
        if key not in known:
            known[key] = _settle_locally(base, changed_review, {pid: c for pid, (_, c) in signatures.items()})
        return known[key]

    policy = review.policy
    thresholds = {name: _number(getattr(policy, name)) for name in THRESHOLDS if getattr(policy, name) is not None}
    named = {v: name for name, v in thresholds.items()}
    holders: dict[str, list] = defaultdict(list)
    for p in base.setting.people:
        holders[p.post].append(p)
    by_pay = policy.max_pay_loss is not None  # pay-loss limits judge each holder apart
    judge = assessor(policy)
    old_grade = {pid: review.grade[post.grade] for pid, post in review.old_post.items()}
    for old_post, rows in base.setting.by_old_post.items():
        held = holders.get(old_post)
        if not held:
            continue
        judged = held if by_pay else held[:1]  # without pay-loss limits, the holders of a post share their claims
        claims = {a.post for p in judged for a in base.assessments[p.id] if a.kind}
        for i, row in enumerate(rows):
            # What a figure is compared with: the thresholds, and the figures and scores of the post's other
            # rows that are claims (the ranking among claims, and its ties). A row that is no claim is ranked
            # with the claims but never pursued, so its place among them changes nothing.
            ranking: set[Decimal] = set()
            for other in rows:
                if other is not row and other.new_post in claims:
                    x, y = _number(other.old_in_new), _number(other.new_from_old)
                    ranking |= {x, y, min(x, y)}
            constants = ranking | set(thresholds.values())
            kind = next((a.kind for a in base.assessments[judged[0].id] if a.post == row.new_post), None)
            for figure in FIGURES:
                value = _number(getattr(row, figure))
                if not any(value - margin <= c <= value + margin for c in constants):
                    continue  # nothing within reach to cross
                for at in _tried(value, constants, margin):
                    moved_row = _Row(row.old_post, row.new_post, at if figure == "old_in_new" else row.old_in_new,
                                     at if figure == "new_from_old" else row.new_from_old)
                    low, high = min(value, at), max(value, at)
                    if by_pay:
                        moved_rows = list(rows)
                        moved_rows[i] = moved_row  # type: ignore[call-overload]
                        new = assess(review, base.setting, judged, {old_post: moved_rows}, judge)
                    else:  # the holders share their claims: judge the moved row alone and rank them again
                        again = judge([moved_row], old_grade[old_post], base.setting.new_grade_of)[0]  # type: ignore[list-item]
                        if again.kind == kind and not any(low <= c <= high for c in ranking):
                            continue  # the row keeps its kind and its place among the claims: nothing can change
                        first = judged[0].id
                        new = {first: ranked([again if a.post == row.new_post else a for a in base.assessments[first]],
                                             policy.rank_by)}
                    signatures: dict[str, tuple] = {}
                    for p in held:
                        claims_now = new[p.id] if by_pay else new[judged[0].id]
                        signature = _signature(claims_now, policy)
                        if signature != base.signature(p.id):
                            signatures[p.id] = (signature, claims_now)
                    if not signatures:
                        continue  # the same claims, ranked the same: nothing the engine decides can change
                    moved = settled(review, signatures)
                    crossing = _crossing(value, at, named, "the")
                    for p in held:
                        if p.id in moved:
                            note(p.id, f"overlap {old_post} -> {row.new_post}", figure, value, at, crossing, moved[p.id])
    def report(name: str, value: Decimal, at: Decimal, low: Decimal, high: Decimal, moved: dict[str, Decision]) -> None:
        for pid, then in moved.items():
            own = [a for a in base.assessments[pid] if low <= _number(a.score) <= high]
            crossing = (f"their score of {written(own[0].score)} on {own[0].post}" if own
                        else "another claimant's score on a post they claim")
            note(pid, "policy", name, value, at, crossing, then)

    scores = sorted({_number(a.score) for ranked_claims in base.assessments.values() for a in ranked_claims})
    by_score: dict[Decimal, set[str]] = defaultdict(set)
    for pid, ranked_claims in base.assessments.items():
        for a in ranked_claims:
            by_score[_number(a.score)].add(pid)
    for name, value in thresholds.items():
        tried = _tried(value, scores, margin)
        for side in ([v for v in tried if v < value], [v for v in tried if v > value]):
            # Outwards from the file's value: a claim's kind turns on whether its score passes the threshold,
            # so a person judged again at one value keeps those claims at every value further out, and only
            # the people with a score in the new slice need judging again.
            pending: dict[str, tuple] = {}  # the people whose claims differ from the file's at this value
            reached = value
            for at in sorted(side, key=lambda v: abs(v - value)):
                try:
                    changed_review = variant(review, {f"policy.{name}": at})
                except VaryError:
                    break  # a policy the file could not state (match above assimilation), and further out too
                low, high = min(reached, at), max(reached, at)
                near = {pid for s in scores[bisect_left(scores, low):bisect_right(scores, high)] for pid in by_score[s]}
                reached = at
                rejudged = assess(changed_review, base.setting, [base.person[pid] for pid in sorted(near)], None,
                                  assessor(changed_review.policy))
                for pid, redone in rejudged.items():
                    signature = _signature(redone, policy)
                    if signature != base.signature(pid):
                        pending[pid] = (signature, redone)
                    else:
                        pending.pop(pid, None)
                if pending:
                    low, high = min(value, at), max(value, at)
                    report(name, value, at, low, high, settled(changed_review, pending))
    return sorted(found.values(), key=lambda f: (f.person, f.distance, f.source, f.figure))


def _signature(claims: list[Assessment], policy: Policy) -> tuple:
    """Gives what the engine takes from a person's ranked claims: the assimilation claim(s) they pursue, if
    their best claim is one (they are then slotted, and nothing else of theirs is looked at); else their
    match claims in order, each with whether it ties with the next on the ranking figure (a split slot)."""
    if claims and claims[0].kind == "assimilation":
        return ("assimilation", tuple(a.post for a in pursued([a for a in claims[:2] if a.kind == "assimilation"],
                                                                policy)))
    kept = [a for a in claims if a.kind == "match"]
    by = (lambda a: a.old_in_new) if policy.rank_by == "old_in_new" else (lambda a: a.score)
    return ("match", tuple((a.post, i + 1 < len(kept) and by(kept[i + 1]) == by(a)) for i, a in enumerate(kept)))


def _crossing(value: Decimal, at: Decimal, named: dict[Decimal, str], article: str) -> str:
    """Names the thresholds a figure passes moving from `value` to `at`, or says it passes another figure."""
    low, high = min(value, at), max(value, at)
    passed = [f"{article} {named[c].replace('_', ' ')} ({written(c)})" for c in sorted(named) if low <= c <= high]
    return ", ".join(passed) if passed else "another figure of the post's claims (their ranking or a tie)"




@dataclass(frozen=True)
class SensitivityResult:
    review: str
    fields: tuple[str, ...]  # the varied fields, in the order given
    own: tuple[Any, ...]  # the file's own value of each
    sweep: tuple[Headline, ...]
    margin: Decimal
    fragile: tuple[Fragile, ...]


def sensitivity(review: ReviewFile, varies: Sequence[Vary], margin: Decimal) -> SensitivityResult:
    """Gives the sweep of the varied fields (if any) and the fragile decisions within the margin."""
    fields = tuple(field for field, _ in varies)
    return SensitivityResult(review.review.name, fields, tuple(own_value(review, f) for f in fields),
                             tuple(sweep(review, varies)) if varies else (), margin,
                             tuple(fragile(review, margin)) if margin > 0 else ())


def _same(own: object, value: Decimal) -> bool:
    """True when a swept value is the file's own: a share such as 2/3 is compared exactly, as a fraction."""
    if own is None:
        return False
    return own == value if isinstance(own, Fraction) else Decimal(str(own)) == value
