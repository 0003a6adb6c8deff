"""Plain-English messages for pydantic validation errors, located in the input's data (a review file's, the changes
given to with_changes, or a model's arguments)."""

from __future__ import annotations

import calendar
import datetime as dt
import difflib
import re
from collections.abc import Iterable
from decimal import Decimal
from typing import Any, get_args, get_origin

from .types import fields_of, unwrap


def explain(error: Any, data: Any, root: Any = None) -> tuple[tuple[Any, ...], str, str]:
    """Gives (data path, where to point: value | key | parent, message) for one pydantic error of the data of
    `root` (a model; the review file by default)."""
    path = data_path(error["loc"], data, missing=error["type"] == "missing")
    kind = error["type"]
    if kind == "missing":
        what = "section" if len(path) == 1 and root is None else "key"
        return path, "parent", f"missing required {what} {path[-1]!r}"
    if kind in ("extra_forbidden", "unexpected_keyword_argument"):  # a model's, a dataclass's
        return path, "key", _unknown_key(path, root)
    return path, "value", _expected(error)


def data_path(loc: tuple[Any, ...], data: Any, missing: bool = True) -> tuple[Any, ...]:
    """Drops the parts of a pydantic location that are not in the data (union and wrapper tags); the last
    part names a key that is not there only when the error is that the key is missing."""
    path: list[Any] = []
    node = data
    for i, part in enumerate(loc):
        last = i == len(loc) - 1
        if isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            path.append(part)
            node = node[part]
        elif isinstance(node, dict) and str(part) in node:
            path.append(str(part))
            node = node[str(part)]
        elif last and missing and isinstance(node, dict) and part != "[key]":
            path.append(str(part))
    return tuple(path)


def nearest(name: str, choices: Iterable[str]) -> str | None:
    """Gives the choice a name most likely means: the same but for case, else the closest spelling, or None."""
    choices = [c for c in choices if isinstance(c, str)]
    folded = name.casefold()
    same = next((c for c in choices if c.casefold() == folded), None)
    if same is not None or not choices:
        return same
    from rapidfuzz import fuzz, process

    best = process.extractOne(name, choices, scorer=fuzz.ratio, processor=str.casefold, score_cutoff=80)
    return best[0] if best else None


def _unknown_key(path: tuple[Any, ...], root: Any) -> str:
    key = str(path[-1])
    allowed = _allowed_keys(path[:-1], root)
    message = f"unknown key {key!r}"
    close = difflib.get_close_matches(key, allowed, n=1)
    if close:
        message += f"; did you mean {close[0]!r}?"
    elif key.isdigit():
        message += ("; inside { } a comma separates entries, so write amounts without thousands "
                    "separators (30000, not 30,000)")
    if allowed:
        message += "; expected one of: " + ", ".join(allowed)
    return message


def _allowed_keys(path: tuple[Any, ...], root: Any) -> list[str]:
    """Gives the field names of the model found at a data path from `root` (the review file by default), or []
    if none is found."""
    if root is None:
        from .review import ReviewFile

        root = ReviewFile
    annotation: Any = root
    for part in path:
        annotation = _unwrap(annotation)
        if isinstance(part, int):
            continue
        fields = fields_of(annotation)
        if fields is not None:
            if part not in fields:
                return []
            annotation = fields[part].annotation
        elif get_origin(annotation) is dict:
            annotation = get_args(annotation)[1]
        else:
            return []
    return list(fields_of(_unwrap(annotation)) or [])


def _unwrap(annotation: Any) -> Any:
    """Gives the model (or other type) a data value is checked against: inside Annotated, X | None,
    list[X], and the model of a union that has one."""
    while True:
        annotation = unwrap(annotation)
        origin, args = get_origin(annotation), get_args(annotation)
        if origin is list:
            annotation = args[0]
            continue
        models = [a for a in args if fields_of(a) is not None]
        if origin is not dict and models:
            annotation = models[0]
            continue
        return annotation


_EXPECTED = {
    "decimal_parsing": "expected a number",
    "decimal_type": "expected a number",
    "finite_number": "expected a finite number",
    "int_parsing": "expected a whole number",
    "int_type": "expected a whole number",
    "int_from_float": "expected a whole number",
    "bool_type": "expected true or false",
    "string_type": "expected text",
    "list_type": "expected a list",
    "tuple_type": "expected a list",
    "dict_type": "expected a mapping",
    "model_type": "expected a mapping",
    "model_attributes_type": "expected a mapping",
    "dataclass_type": "expected a mapping",
    "dataclass_args_type": "expected a mapping",
    "string_too_short": "expected non-empty text",
    "date_parsing": "expected a real calendar date written YYYY-MM-DD",
    "date_from_datetime_parsing": "expected a real calendar date written YYYY-MM-DD",
    "date_type": "expected a date written YYYY-MM-DD",
}


def _expected(error: dict[Any, Any]) -> str:
    kind, ctx = error["type"], error.get("ctx", {})
    if kind in _EXPECTED:
        message = _EXPECTED[kind]
    elif kind == "greater_than":
        message = f"expected a number greater than {ctx['gt']}"
    elif kind == "greater_than_equal":
        message = f"expected a number of at least {ctx['ge']}"
    elif kind == "less_than_equal":
        message = f"expected a number of at most {ctx['le']}"
    elif kind == "less_than":
        message = f"expected a number below {ctx['lt']}"
    elif kind == "literal_error":
        message = f"expected {ctx['expected']}"
    elif kind in ("too_short", "too_long"):
        message = "expected a list of two numbers [bottom, top]"
    elif kind == "value_error":
        message = str(ctx["error"]) if "error" in ctx else _plain(error["msg"])
    else:
        message = _plain(error["msg"])
    given = error.get("input")
    dated = "date" in kind or "calendar date" in message
    hint = None
    if isinstance(given, str):
        hint = _date_hint(given) if dated else _number_hint(given, message) if "number" in message else None
    if kind.endswith(("_type", "_parsing")) and "input" in error and not (dated and hint):
        message += f", got {kind_of(error['input'])}"
    return f"{message}: {hint}" if hint else message


_LIBRARY_WORDING = re.compile(r"^(?:Value error|Assertion failed|Input should be), ?")


def _plain(text: str) -> str:
    """Gives a pydantic message without its library wording ("Value error, "), starting in lower case."""
    text = _LIBRARY_WORDING.sub("", text)
    return text[:1].lower() + text[1:]


_GROUPED = re.compile(r"£?\s?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)")
_PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s?%")
_DECIMAL_COMMA = re.compile(r"£?\s?\d+,\d{1,2}")
_CURRENCIES = {"$": "dollars", "€": "euros"}


def _number_hint(given: str, message: str) -> str | None:
    """Gives how to write a number that was written as an export writes it (£72,293, 33%), or None."""
    value = given.strip()
    if not value or not any(c.isdigit() for c in value):
        return None
    percent = _PERCENT.fullmatch(value)
    if percent:
        number = Decimal(percent.group(1))
        if "fraction of the whole" in message:  # a percentage field: 0-100
            return f"write {_written(number)} (a percentage, without the % sign)"
        return f"write {_written(number / 100)} (a rate from 0 to 1: {value} is {_written(number / 100)})"
    # Amounts are never echoed (a salary must not reach a CI log): the hint shows the form with a fixed example.
    grouped = _GROUPED.fullmatch(value)
    if grouped and ("£" in value or "," in value):
        return "write a plain number of pounds: no £ sign or thousands separators (e.g. 72293, not £72,293)"
    if _DECIMAL_COMMA.fullmatch(value):
        return ("write a point for the decimals (e.g. 1.5, not 1,5), or no separator if the comma groups thousands "
                "(e.g. 72293); a plain number, no £ sign")
    for sign, name in _CURRENCIES.items():
        if sign in value:
            return f"amounts are in pounds, not {name}: write the number alone"
    return None


def _written(number: Decimal) -> str:
    return format(number.normalize(), "f")


_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DAY_FIRST = re.compile(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})")


def _date_hint(given: str) -> str | None:
    """Gives what is wrong with a date as written (2025-02-30: February 2025 has 28 days) and how to write it."""
    value = given.strip()
    iso = _ISO.fullmatch(value)
    if iso:
        year, month, day = (int(part) for part in iso.groups())
        if not 1 <= month <= 12:
            return f"there is no month {month}; write YYYY-MM-DD, the month between the year and the day"
        days = calendar.monthrange(year, month)[1] if 1 <= year <= 9999 else 31
        if not 1 <= day <= days:
            return f"{calendar.month_name[month]} {year} has {days} days"
        if len(iso.group(2)) < 2 or len(iso.group(3)) < 2:
            return f"write {year:04d}-{month:02d}-{day:02d}"
        return None
    day_first = _DAY_FIRST.fullmatch(value)
    if day_first:
        day, month, year = (int(part) for part in day_first.groups())
        try:
            meant = dt.date(year, month, day)
        except ValueError:
            return "write the date YYYY-MM-DD (year, month, day)"
        return f"write {meant.isoformat()} (YYYY-MM-DD) if {meant.day} {calendar.month_name[meant.month]} {year} is meant"
    return None


def kind_of(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, str):
        return "text" if value else "empty text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


_TABLE_FORMATS = {
    ".xls": "an Excel 97-2003 workbook (.xls)",
    ".xlsb": "an Excel binary workbook (.xlsb)",
    ".xlsm": "a macro-enabled Excel workbook (.xlsm)",
    ".xltx": "an Excel template (.xltx)",
    ".numbers": "a Numbers spreadsheet (.numbers)",
    ".ots": "an OpenDocument template (.ots)",
    ".fods": "a flat OpenDocument spreadsheet (.fods)",
    ".tsv": "a tab-separated file (.tsv)",
}


def unsupported_table(name: str) -> str:
    """Gives the message for a table named in a file format that is not read, saying how to convert it."""
    suffix = "." + name.rsplit(".", 1)[1].lower() if "." in name.rsplit("/", 1)[-1] else ""
    what = _TABLE_FORMATS.get(suffix, f"a {suffix} file" if suffix else "a file without a suffix")
    how = ("in Numbers, use File > Export To > Excel and save it as .xlsx" if suffix == ".numbers" else
           "open it in a spreadsheet program and save it as .xlsx (Excel Workbook) or .ods, or save the sheet as "
           "CSV UTF-8 (.csv)")
    return (f"{name!r} is {what}, which is not read: a table is read from a .csv file or a sheet of an .xlsx or "
            f".ods workbook; {how}, then name that file")
