"""Field types of the input format, each bounded (see limits.py) and read exactly from text.

The readers give every scalar as the text written, and pydantic converts numeric text exactly:
amounts become Decimals (never floats), whole numbers ints. Library callers may give numbers; a
text field then takes an int as its digits.
"""

from __future__ import annotations

import datetime as dt
import re
import types
from decimal import Decimal, InvalidOperation
from fractions import Fraction as _Rational
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import AfterValidator, BaseModel, BeforeValidator, Field, PlainValidator, WithJsonSchema

from .. import limits

Text = Annotated[str, Field(max_length=limits.TEXT_CHARS, coerce_numbers_to_str=True)]
NonEmptyText = Annotated[str, Field(min_length=1, max_length=limits.TEXT_CHARS, coerce_numbers_to_str=True)]
Whole = int
Id = Annotated[str, Field(min_length=1, max_length=200, coerce_numbers_to_str=True,
                          description="An identifier, unique within its kind.")]
Money = Annotated[Decimal, Field(gt=0, le=limits.MONEY, allow_inf_nan=False,
                                 description="An annual amount in pounds.")]

Fraction = Annotated[
    Decimal, Field(ge=0, le=1, allow_inf_nan=False, description="A share of the cost met externally, 0-1.")
]
FTE = Annotated[Decimal, Field(gt=0, le=1, allow_inf_nan=False,
                               description="Full-time equivalent: 1 is full time, 0.5 half time.")]
SpinalPoint = Annotated[int, Field(ge=0, le=limits.SPINAL_POINT)]


class Share(_Rational):
    """A percentage given as a fraction of the whole ("2/3" is 200/3 %), exact, with the text written."""

    written: str

    def __new__(cls, numerator: int, denominator: int, written: str) -> Share:
        share = super().__new__(cls, numerator * 100, denominator)
        share.written = written
        return share

    def __repr__(self) -> str:
        return f"Share({self.written!r})"

    def __str__(self) -> str:
        return f"{self.written} ({float(self):.1f}%)"


_FRACTION = re.compile(r"\s*(\d{1,9})\s*/\s*(\d{1,9})\s*")


def _percentage(value: Any) -> Decimal | Share:
    """A percentage from 0 to 100: a number, or a fraction of the whole written a/b (2/3 is 66.67%)."""
    if isinstance(value, Share):
        share: Decimal | Share = value
    elif isinstance(value, str) and (found := _FRACTION.fullmatch(value)):
        numerator, denominator = int(found.group(1)), int(found.group(2))
        if denominator == 0:
            raise ValueError("expected a fraction with a denominator above 0")
        share = Share(numerator, denominator, f"{numerator}/{denominator}")
    elif isinstance(value, (str, int, Decimal)) and not isinstance(value, bool):
        try:
            share = Decimal(value) if not isinstance(value, str) else Decimal(value.strip())
        except InvalidOperation:
            raise ValueError("expected a number, or a fraction of the whole such as 2/3") from None
        if not share.is_finite():
            raise ValueError("expected a finite number")
    else:
        raise ValueError("expected a number, or a fraction of the whole such as 2/3")
    if share < 0:
        raise ValueError("expected a number of at least 0")
    if share > 100:
        raise ValueError("expected a number of at most 100")
    return share


Threshold = Annotated[Decimal | Share, PlainValidator(_percentage), WithJsonSchema({
    "anyOf": [{"type": "number", "minimum": 0, "maximum": 100},
              {"type": "string", "pattern": r"^\s*\d+\s*/\s*\d+\s*$",
               "description": "A fraction of the whole, e.g. 2/3 for two-thirds."}]})]

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _date_as_written(value: Any) -> Any:
    """A date must be written YYYY-MM-DD: a number (0, 1325462400) is not read as a timestamp."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and _DATE.fullmatch(value):
        return value
    raise ValueError("expected a real calendar date written YYYY-MM-DD")


def _plausible_year(value: dt.date) -> dt.date:
    first, last = limits.YEARS
    if not first <= value.year <= last:
        raise ValueError(f"expected a date between {first} and {last}")
    return value


Date = Annotated[dt.date, BeforeValidator(_date_as_written), AfterValidator(_plausible_year)]


def written(value: Any) -> str:
    """Gives a number as it is plainly written: a Decimal without trailing zeros or an exponent (75, 74.5,
    100), anything else as text."""
    return format(value.normalize(), "f") if isinstance(value, Decimal) else str(value)


def fields_of(tp: Any) -> dict[str, Any] | None:
    """Gives the fields (name -> FieldInfo) of a pydantic model or pydantic dataclass, else None."""
    if not isinstance(tp, type):
        return None
    if issubclass(tp, BaseModel):
        return tp.model_fields
    return getattr(tp, "__pydantic_fields__", None)


def unwrap(tp: Any) -> Any:
    """Gives the type inside Annotated[...] and X | None."""
    while True:
        if get_origin(tp) is Annotated:
            tp = get_args(tp)[0]
            continue
        if get_origin(tp) in (Union, types.UnionType):
            args = [t for t in get_args(tp) if t is not type(None)]
            if len(args) == 1:
                tp = args[0]
                continue
        return tp


# An overlap figure: a percentage 0-100 as a number (validated in pydantic's core, fast), or, failing
# that, a fraction of the whole such as 2/3 (validated in Python, only for those values).
Percent = Annotated[
    Annotated[Decimal, Field(ge=0, le=100, allow_inf_nan=False)] | Threshold,
    Field(union_mode="left_to_right", description="A percentage, 0-100, or a fraction of the whole such as 2/3."),
]
