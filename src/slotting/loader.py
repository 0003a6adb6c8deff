"""The only module that opens input files: YAML files -> a validated ReviewFile, or an InputError.

Several files may describe one review: their top-level sections are merged, and a section given in
two files is an error. Every problem is reported at once, located at file:line:column with the
field path and what was expected; no message echoes a salary or a characteristic.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, get_args, get_origin

from pydantic import BaseModel, ValidationError

from . import strict_yaml
from .models import ReviewFile, check_references
from .problems import InputError, Problem, dotted

SECTIONS = tuple(ReviewFile.model_fields)


@dataclass
class Source:
    """Where each part of the merged input came from, for locating problems."""

    section_file: dict[str, str] = field(default_factory=dict)
    positions: dict[tuple, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[tuple, tuple[int, int]] = field(default_factory=dict)
    first_file: str = ""
    root: tuple[int, int] | None = None

    def locate(self, path: tuple, *, key: bool = False) -> tuple[str, int | None, int | None]:
        file = self.section_file.get(path[0], self.first_file) if path else self.first_file
        table = self.key_positions if key else self.positions
        for end in range(len(path), 0, -1):
            spot = table.get(path[:end]) or self.positions.get(path[:end])
            if spot:
                return file, spot[0], spot[1]
        return (file, *self.root) if self.root and file == self.first_file else (file, None, None)


def read_text(path: Path) -> str:
    """Gives a file's text decoded as UTF-8 (a BOM is allowed), or raises a located InputError."""
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise InputError([Problem(str(path), None, None, "", f"cannot read the file: {err.strerror or err}")]) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1
        column = err.start - (raw.rfind(b"\n", 0, err.start) + 1) + 1
        raise InputError([Problem(str(path), line, column, "",
                                  f"text is not UTF-8 (byte 0x{raw[err.start]:02x}); save the file as UTF-8")]) from None


def load(paths: list[Path] | list[str]) -> ReviewFile:
    """Gives the validated review described by one or more YAML files, or raises InputError."""
    merged, source, problems = _read_and_merge([Path(p) for p in paths])
    if problems:
        raise InputError(problems)
    return validate(merged, source)


def validate(merged: dict, source: Source) -> ReviewFile:
    """Gives the ReviewFile for merged data, or raises InputError with every located problem."""
    try:
        review = ReviewFile.model_validate(merged)
    except ValidationError as err:
        raise InputError([_from_pydantic(e, merged, source) for e in err.errors(include_url=False)]) from None
    problems = []
    for path, message in check_references(review):
        file, line, column = source.locate(path)
        problems.append(Problem(file, line, column, dotted(path), message))
    if problems:
        raise InputError(problems)
    return review


def _read_and_merge(paths: list[Path]) -> tuple[dict, Source, list[Problem]]:
    merged: dict[str, Any] = {}
    source = Source(first_file=str(paths[0]) if paths else "")
    problems: list[Problem] = []
    for path in paths:
        name = str(path)
        try:
            text = read_text(path)
        except InputError as err:
            problems += err.problems
            continue
        data, positions, key_positions, found = strict_yaml.parse(text, name)
        problems += found
        if found and data is None:
            continue
        if not isinstance(data, dict):
            line, column = positions.get((), (1, 1))
            problems.append(Problem(name, line, column, "", "expected a mapping of sections ("
                                    + ", ".join(SECTIONS) + "); got " + _kind(data)))
            continue
        if source.root is None and name == source.first_file:
            source.root = positions.get((), (1, 1))
        for key, value in data.items():
            if key in merged:
                line, column = key_positions[(key,)]
                problems.append(Problem(name, line, column, key,
                                        f"section {key!r} is also given in {source.section_file[key]}; give it once"))
                continue
            merged[key] = value
            source.section_file[key] = name
        for table, new in ((source.positions, positions), (source.key_positions, key_positions)):
            for spot_path, spot in new.items():
                if spot_path and source.section_file.get(spot_path[0]) == name:
                    table[spot_path] = spot
    return merged, source, problems


def _from_pydantic(error: dict, data: Any, source: Source) -> Problem:
    path = _data_path(error["loc"], data)
    kind = error["type"]
    if kind == "missing":
        file, line, column = source.locate(path[:-1])
        what = "section" if len(path) == 1 else "key"
        return Problem(file, line, column, dotted(path), f"missing required {what} {path[-1]!r}")
    if kind == "extra_forbidden":
        file, line, column = source.locate(path, key=True)
        return Problem(file, line, column, dotted(path), _unknown_key(path))
    file, line, column = source.locate(path)
    return Problem(file, line, column, dotted(path), _expected(error))


def _data_path(loc: tuple, data: Any) -> tuple:
    """Drops the parts of a pydantic location that are not in the data (union and wrapper tags)."""
    path: list = []
    node = data
    for i, part in enumerate(loc):
        last = i == len(loc) - 1
        if isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            path.append(part)
            node = node[part]
        elif isinstance(node, dict) and str(part) in node:
            path.append(str(part))
            node = node[str(part)]
        elif last and isinstance(node, dict) and part != "[key]":
            path.append(str(part))
    return tuple(path)


def _unknown_key(path: tuple) -> str:
    allowed = _allowed_keys(path[:-1])
    message = f"unknown key {path[-1]!r}"
    close = difflib.get_close_matches(str(path[-1]), allowed, n=1)
    if close:
        message += f"; did you mean {close[0]!r}?"
    if allowed:
        message += " Expected one of: " + ", ".join(allowed)
    return message


def _allowed_keys(path: tuple) -> list[str]:
    """Gives the field names of the model found at a data path, or [] if none is found."""
    annotation: Any = ReviewFile
    for part in path:
        annotation = _unwrap(annotation)
        if isinstance(part, int):
            continue
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            if part not in annotation.model_fields:
                return []
            annotation = annotation.model_fields[part].annotation
        elif get_origin(annotation) is dict:
            annotation = get_args(annotation)[1]
        else:
            return []
    annotation = _unwrap(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return list(annotation.model_fields)
    return []


def _unwrap(annotation: Any) -> Any:
    while True:
        origin = get_origin(annotation)
        args = [a for a in get_args(annotation) if a is not type(None)]
        if origin is list or (origin is not None and origin is not dict and len(args) == 1):
            annotation = args[0]
        elif hasattr(annotation, "__metadata__"):
            annotation = annotation.__origin__
        else:
            models = [a for a in args if isinstance(a, type) and issubclass(a, BaseModel)]
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
    "string_too_short": "expected non-empty text",
    "date_parsing": "expected a real calendar date written YYYY-MM-DD",
    "date_from_datetime_parsing": "expected a real calendar date written YYYY-MM-DD",
    "date_type": "expected a date written YYYY-MM-DD",
}


def _expected(error: dict) -> str:
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
        message = str(ctx.get("error", error["msg"]))
    else:
        message = error["msg"][:1].lower() + error["msg"][1:]
    if kind.endswith(("_type", "_parsing")) and "input" in error:
        message += f", got {_kind(error['input'])}"
    return message


def _kind(value: Any) -> str:
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
