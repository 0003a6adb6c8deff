"""Scalar field types that read the same whichever reader produced the data, and the check that keeps them so.

The strict YAML reader and the CSV reader give every scalar as text, and pydantic converts numeric
text exactly. The fast YAML reader gives numbers as int or float. A text field takes an int as its
digits (spellings that would not read back, such as 007 or +5, send the file to the strict reader;
see fast_yaml), and pydantic's core does that conversion without calling Python.

A float may not read back as written (1.50 reads as 1.5, 1e3 as 1000.0), so where a text or whole
number field would receive one, `misread_floats` says so before validation and the file goes to the
strict reader. It looks at whole columns of records at a time with C-level iteration, because
calling a Python validator per value took 0.15 s on a review of 20,000 people.
"""

from __future__ import annotations

import types
from functools import lru_cache
from itertools import chain, repeat
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel, Field

Text = Annotated[str, Field(coerce_numbers_to_str=True)]
NonEmptyText = Annotated[str, Field(min_length=1, coerce_numbers_to_str=True)]
Whole = int


def fields_of(tp: Any) -> dict[str, Any] | None:
    """Gives the fields (name -> FieldInfo) of a pydantic model or pydantic dataclass, else None."""
    if not isinstance(tp, type):
        return None
    if issubclass(tp, BaseModel):
        return tp.model_fields
    return getattr(tp, "__pydantic_fields__", None)


def misread_floats(model: type[BaseModel], data: Any) -> bool:
    """True when data holds a float where the model wants text or a whole number."""
    return _misread(model, data)


def _misread(tp: Any, value: Any) -> bool:
    if value is None:
        return False
    tp = _unwrap(tp)
    if tp is str or tp is int:
        return type(value) is float
    fields = fields_of(tp)
    if fields is not None:
        if not isinstance(value, dict):
            return False  # the wrong shape: validation will say so
        return any(_misread(fields[key].annotation, item) for key, item in value.items() if key in fields)
    origin, args = get_origin(tp), get_args(tp)
    if origin is list and isinstance(value, list):
        item = _unwrap(args[0])
        if fields_of(item) is not None:
            return _misread_records(item, value)
        return any(_misread(item, v) for v in value)
    if origin is tuple and isinstance(value, list | tuple):
        return any(_misread(t, v) for t, v in zip(args, value))
    if origin is dict and isinstance(value, dict):
        return any(_misread(args[1], v) for v in value.values())
    if origin in (Union, types.UnionType):
        return any(_misread(t, value) for t in args if t is not type(None))
    return False


def _misread_records(model: type, records: list) -> bool:
    """_misread for a list of records, one column at a time."""
    if set(map(type, records)) != {dict}:
        return False  # the wrong shape (or none): validation will say so
    for name, kind in _columns(model):
        column = map(dict.get, records, repeat(name))
        if kind == "scalar":
            if float in set(map(type, column)):
                return True
        elif kind == "text values":
            values = chain.from_iterable(v.values() for v in column if type(v) is dict)
            if float in set(map(type, values)):
                return True
        elif any(_misread(kind, v) for v in column):
            return True
    return False


@lru_cache(maxsize=None)
def _columns(model: type) -> tuple[tuple[str, Any], ...]:
    """Gives (field name, how to check it) for the fields of a record model that may hold a float wrongly."""
    columns = []
    for name, info in fields_of(model).items():
        tp = _unwrap(info.annotation)
        if tp is str or tp is int:
            columns.append((name, "scalar"))
        elif get_origin(tp) is dict and _unwrap(get_args(tp)[1]) is str:
            columns.append((name, "text values"))
        elif _may_hold_text(tp):
            columns.append((name, tp))
    return tuple(columns)


def _may_hold_text(tp: Any) -> bool:
    tp = _unwrap(tp)
    if tp is str or tp is int:
        return True
    if fields_of(tp) is not None:
        return True
    return any(_may_hold_text(t) for t in get_args(tp) if t is not type(None))


def _unwrap(tp: Any) -> Any:
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
