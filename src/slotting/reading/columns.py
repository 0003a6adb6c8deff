"""A table's header -> the field each column gives, and its cells' amounts as the models read them.

A list section read from a table (CSV, or a workbook's sheet) names its fields in the header row. An HR
system's export names them its own way, so the review may map them: `people: {file: export.xlsx, columns:
{Employee Number: id, Annual Salary: salary, Assignment number: ignore}}`. Each column is then checked once,
at the header: a column that is neither a field nor mapped is one problem at its header cell, with the mapping
entry that would fix it, rather than one per row; a required field that no column gives is one problem at the
header rather than one per row.

Cells of a number field may be written as an export writes them, where that is unambiguous: `£72,293` and
`72,293.50` are 72293 and 72293.50 (a comma only between groups of three digits), and `33%` is 33 in a field
that takes a percentage. Anything else (`1,5`, `33%` where a rate from 0 to 1 is meant) is left as written, and
the field's check refuses it with a hint of how to write it (messages.py).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from typing import Any, get_args

from ..model.types import Share, fields_of, unwrap

IGNORE = "ignore"


@dataclass
class Header:
    """What each column of a table gives, and what is wrong with the header."""

    fields: list[str]  # the field of each column, "" for a column left out (ignored, unknown or unnamed)
    problems: list[tuple[int | None, str]] = field(default_factory=list)  # (0-based column or None, message)
    missing: frozenset[str] = frozenset()  # required fields no column gives: reported once, at the header
    unmatched: list[tuple[str, str]] = field(default_factory=list)  # (mapping key, message): the review's mapping


def yaml_key(name: str) -> str:
    """Gives a column name as a key of a YAML flow mapping, quoted when it would not read back as written."""
    if re.fullmatch(r"[A-Za-z][A-Za-z0-9 _()/.&+-]*", name) and not name.endswith((" ", ".")) \
            and name.lower() not in ("true", "false", "yes", "no", "on", "off", "null"):
        return name
    return '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'


@cache
def _names(record_type: Any) -> tuple[tuple[str, ...], frozenset[str], tuple[str, ...]]:
    """Gives (every field, the fields that nest with a dot, the required fields) of a record type."""
    fields = fields_of(record_type) or {}
    nested = frozenset(name for name, info in fields.items() if _nests(info.annotation))
    required = tuple(name for name, info in fields.items() if info.is_required())
    return tuple(fields), nested, required


def _nests(annotation: Any) -> bool:
    inner = unwrap(annotation)
    return getattr(inner, "__origin__", None) is dict or fields_of(inner) is not None


def plan(header: list[str], record_type: Any, mapping: dict[str, str] | None, what: str) -> Header:
    """Gives the field of each column of a header (as the review's mapping renames it) and the header's problems.

    `what` names a record in messages ("a person"). A record type without fields (or none) checks nothing."""
    fields, nested, required = _names(record_type) if record_type is not None else ((), frozenset(), ())
    mapping = mapping or {}
    result = Header(fields=[])
    given: dict[str, int] = {}
    suggested: set[str] = set()
    meant: set[str] = set()  # columns a mapping's key that the header lacks most likely means: reported there
    for key, target in mapping.items():
        if key not in header:
            close = _close(key, [h for h in header if h])
            meant.add(close or "")
            result.unmatched.append((key, f"the table has no column {key!r}"
                                     + (f"; did you mean {close!r}?" if close else "")
                                     + f" (mapped to {target!r})"))
    for column, name in enumerate(header):
        target = mapping.get(name, name)
        if not name or target == IGNORE:
            result.fields.append("")
            continue
        if fields and not _is_field(target, fields, nested):
            result.fields.append("")
            close = _close(target, fields)
            if name in mapping:
                suggested.add(close or "")
                result.problems.append((column, f"the mapping gives column {name!r} to {target!r}, which is not a "
                                        f"field of {what}" + (f"; did you mean {close!r}?" if close else "")
                                        + f"; the fields are: {', '.join(fields)}"))
                continue
            if name in meant:
                continue
            if close:
                suggested.add(close)
                result.problems.append((column, f"unknown column {name!r}; did you mean {close!r}? Write the header "
                                        f"as {close}, or map the column in the review: columns: "
                                        f"{{{yaml_key(name)}: {close}}}"))
            else:
                result.problems.append((column, f"unknown column {name!r}: map it to a field of {what} in the review "
                                        f"(columns: {{{yaml_key(name)}: FIELD}}) or leave it out (columns: "
                                        f"{{{yaml_key(name)}: {IGNORE}}}); the fields are: {', '.join(fields)}"))
            continue
        if target in given and target != name:
            result.fields.append("")
            result.problems.append((column, f"column {name!r} is mapped to {target!r}, which column "
                                    f"{header[given[target]]!r} already gives"))
            continue
        given.setdefault(target, column)
        result.fields.append(target)
    heads = {name.split(".", 1)[0] for name in result.fields if name}
    missing = [name for name in required if name not in heads]
    result.missing = frozenset(missing)
    mapped = {target for key, target in mapping.items() if key not in header}  # reported at the mapping
    unexplained = [name for name in missing if name not in suggested and name not in mapped]
    if unexplained:
        result.problems.append((None, f"no column gives {', '.join(map(repr, unexplained))}, which every row of "
                                f"{what} needs: add the column, or map an export's column to it (columns: "
                                f"{{COLUMN: {unexplained[0]}}})"))
    return result


def _is_field(name: str, fields: tuple[str, ...], nested: frozenset[str]) -> bool:
    head, dot, rest = name.partition(".")
    return name in fields or bool(dot and rest and head in nested)


def _close(name: str, choices: list[str] | tuple[str, ...]) -> str | None:
    """Gives the choice a name most likely means: the same but for case, spaces and underscores, else the nearest."""
    def folded(text: str) -> str:
        return re.sub(r"[\s_-]+", "_", text.strip().lower())
    for choice in choices:
        if folded(choice) == folded(name):
            return choice
    close = difflib.get_close_matches(folded(name), [folded(c) for c in choices], n=1, cutoff=0.75)
    return next((c for c in choices if folded(c) == close[0]), None) if close else None


@cache
def percentage_fields(record_type: Any) -> frozenset[str]:
    """Gives the fields of a record that take a percentage from 0 to 100 (the model's Percent and Threshold
    types, which admit a Share): the only fields in which a cell shown as a percentage is read as shown.

    A field that takes a rate as a fraction (fte, a share of external funding: 0-1) is not one of them."""
    return frozenset(name for name, info in (fields_of(record_type) or {}).items() if _holds(info.annotation, Share))


@cache
def number_fields(record_type: Any) -> frozenset[str]:
    """Gives the fields of a record that take a number (a Decimal): the only ones whose cells are read as amounts."""
    return frozenset(name for name, info in (fields_of(record_type) or {}).items() if _holds(info.annotation, Decimal))


def _holds(annotation: Any, wanted: type) -> bool:
    pending, seen = [annotation], 0
    while pending and seen < 100:
        tp = pending.pop()
        seen += 1
        if tp is wanted:
            return True
        pending.extend(a for a in get_args(tp) if not isinstance(a, (str, int, float)))
    return False


_GROUPED = re.compile(r"£?\s?(\d{1,3}(?:,\d{3})+(?:\.\d+)?)")
_POUNDS = re.compile(r"£\s?(\d+(?:\.\d+)?)")
_PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s?%")


def plain_number(text: str, percentage: bool) -> str:
    """Gives a number cell's text as the models read it: `£72,293` -> `72293`, and `33%` -> `33` in a field that
    takes a percentage; any other text as written (the field's check then refuses it with a hint)."""
    value = text.strip()
    if percentage:
        found = _PERCENT.fullmatch(value)
        return found.group(1) if found else text
    found = _GROUPED.fullmatch(value) or _POUNDS.fullmatch(value)
    return found.group(1).replace(",", "") if found else text
