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


def misread_floats(model: type[BaseModel], data: Any) -> list[tuple]:
    """Gives the data path of every float where the model wants text or a whole number."""
    return _misread(model, data, ())


def _misread(tp: Any, value: Any, path: tuple) -> list[tuple]:
    if value is None:
        return []
    tp = unwrap(tp)
    if tp is str or tp is int:
        return [path] if type(value) is float else []
    fields = fields_of(tp)
    if fields is not None:
        if not isinstance(value, dict):
            return []  # the wrong shape: validation will say so
        return [found for key, item in value.items() if key in fields
                for found in _misread(fields[key].annotation, item, path + (key,))]
    origin, args = get_origin(tp), get_args(tp)
    if origin is list and isinstance(value, list):
        item = unwrap(args[0])
        if fields_of(item) is not None:
            return _misread_records(item, value, path)
        return [found for i, v in enumerate(value) for found in _misread(item, v, path + (i,))]
    if origin is tuple and isinstance(value, list | tuple):
        return [found for i, (t, v) in enumerate(zip(args, value)) for found in _misread(t, v, path + (i,))]
    if origin is dict and isinstance(value, dict):
        return [found for k, v in value.items() for found in _misread(args[1], v, path + (k,))]
    if origin in (Union, types.UnionType):
        return next((found for t in args if t is not type(None) and (found := _misread(t, value, path))), [])
    return []


def _misread_records(model: type, records: list, path: tuple) -> list[tuple]:
    """_misread for a list of records: each column is looked at in C, and only a column that holds
    a float is gone through record by record to say where."""
    if set(map(type, records)) != {dict}:
        return []  # the wrong shape (or none): validation will say so
    found: list[tuple] = []
    for name, kind in _columns(model):
        column = map(dict.get, records, repeat(name))
        if kind == "scalar":
            if float in set(map(type, column)):
                found += [path + (i, name) for i, r in enumerate(records) if type(r.get(name)) is float]
        elif kind == "text values":
            values = chain.from_iterable(v.values() for v in column if type(v) is dict)
            if float in set(map(type, values)):
                found += [path + (i, name, key) for i, r in enumerate(records) if type(r.get(name)) is dict
                          for key, v in r[name].items() if type(v) is float]
        else:
            found += [f for i, r in enumerate(records) for f in _misread(kind, r.get(name), path + (i, name))]
    return found


@lru_cache(maxsize=None)
def _columns(model: type) -> tuple[tuple[str, Any], ...]:
    """Gives (field name, how to check it) for the fields of a record model that may hold a float wrongly."""
    columns = []
    for name, info in fields_of(model).items():
        tp = unwrap(info.annotation)
        if tp is str or tp is int:
            columns.append((name, "scalar"))
        elif get_origin(tp) is dict and unwrap(get_args(tp)[1]) is str:
            columns.append((name, "text values"))
        elif _may_hold_text(tp):
            columns.append((name, tp))
    return tuple(columns)


def _may_hold_text(tp: Any) -> bool:
    tp = unwrap(tp)
    if tp is str or tp is int:
        return True
    if fields_of(tp) is not None:
        return True
    return any(_may_hold_text(t) for t in get_args(tp) if t is not type(None))


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
