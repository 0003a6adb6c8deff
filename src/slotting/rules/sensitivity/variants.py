"""The variants of a sensitivity sweep: the --vary options read and refused before any work, and a review with
some numeric policy or costing fields changed, validated as a file would be.

A variant changes numbers only (thresholds, grade distances, years, rates), so the review is read and
validated once and each variant re-runs the rules alone.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Sequence
from decimal import Context, Decimal, DivisionByZero, Inexact, InvalidOperation, Overflow
from fractions import Fraction
from typing import Any

from pydantic import BaseModel, ValidationError

from ... import limits
from ...model import Policy, ReviewFile
from ...model.costing import Costing
from ...model.references import check_policy
from ...model.types import Share, unwrap, written


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
    check_grid(varies)
    return varies


def check_grid(varies: Sequence[Vary]) -> None:
    """Refuses a grid of more variants than a sweep makes (VaryError), before any variant is made."""
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


def is_own(own: object, value: Decimal) -> bool:
    """True when a swept value is the file's own: a share such as 2/3 is compared exactly, as a fraction."""
    if own is None:
        return False
    return own == value if isinstance(own, Fraction) else Decimal(str(own)) == value
