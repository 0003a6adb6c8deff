"""The only module that opens input files: YAML (and CSV) files -> a validated ReviewFile, or an InputError.

(The console script may read a large YAML file early, in prefetch.py; this module takes that text
and reading in place of its own, and reads and reports everything else.)

Several YAML files may describe one review: their top-level sections are merged, and a section
given in two files is an error. A list section may name a CSV file instead (see tabular.py), found
relative to the YAML file that names it. Every problem is reported at once, located at
file:line:column with the field path and what was expected; no message echoes a salary or a
characteristic.

Two YAML readers give the same data (tests/test_readers.py): the fast one (fast_yaml.py) for large
files that it reads exactly, and the strict one (strict_yaml.py), which keeps every position. A
problem found on the fast path is located by reading again, the strict way, only the records it is
in (spans.py finds their lines), or the whole file when that cannot be done.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from pydantic import TypeAdapter, ValidationError

from . import fast_yaml, prefetch
from .models import ReviewFile, check_references
from .problems import InputError, Problem, dotted
from .scalars import misread_floats

SECTIONS = tuple(ReviewFile.model_fields)
LIST_SECTIONS = (("people",), ("overlaps",), ("old_structure", "posts"), ("new_structure", "posts"))
Reader = Literal["auto", "strict", "fast"]
Progress = Callable[[str], None]


@dataclass
class Source:
    """Where each part of the merged input came from, for locating problems."""

    section_file: dict[str, str] = field(default_factory=dict)
    positions: dict[tuple, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[tuple, tuple[int, int]] = field(default_factory=dict)
    tables: dict[tuple, Any] = field(default_factory=dict)  # section path -> tabular.Table
    first_file: str = ""
    root: tuple[int, int] | None = None

    def locate(self, path: tuple, *, key: bool = False) -> tuple[str, int | None, int | None]:
        for prefix, table in self.tables.items():
            if path[: len(prefix)] == prefix and len(path) > len(prefix):
                return (table.file, *table.locate(path[len(prefix):]))
        file = self.section_file.get(path[0], self.first_file) if path else self.first_file
        spots = self.key_positions if key else self.positions
        for end in range(len(path), 0, -1):
            spot = spots.get(path[:end]) or self.positions.get(path[:end])
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


def load(paths: list[Path] | list[str], reader: Reader = "auto", progress: Progress | None = None) -> ReviewFile:
    """Gives the validated review described by one or more files, or raises InputError.

    reader: "auto" tries the fast YAML reader and falls back to the strict one; "strict" and "fast"
    force one (with "fast", files it cannot read exactly still go to the strict reader).
    """
    files = [Path(p) for p in paths]
    note = progress or (lambda _: None)
    if reader != "strict" and fast_yaml.available():
        review = _load_fast(files, note)
        if review is not None:
            return review
        note("reading again, keeping positions")
    merged, source, problems = _read_and_merge(files, fast=False, note=note)
    if problems:
        raise InputError(problems)
    note("validating")
    return validate(merged, source)


def _load_fast(files: list[Path], note: Progress) -> ReviewFile | None:
    """Gives the review read the fast way, or raises InputError with its problems located; gives
    None when the whole of the files must be read again by the strict reader.

    A float where text is wanted (an id 1.50) and each problem that validation finds are in a few
    records: only those are read again, the strict way (see _read_again_where).
    """
    merged, source, problems = _read_and_merge(files, fast=True, note=note)
    if problems:
        return None
    misread = misread_floats(ReviewFile, merged)
    if misread and not _read_again_where(misread, merged, source):
        return None
    note("validating")
    try:
        review = _validate_records_first(merged)
        where = [path for path, _ in check_references(review)]
        if not where:
            return review
    except ValidationError as err:
        where = [tuple(e["loc"]) for e in err.errors(include_url=False)]
    note("locating the problems")
    if not _read_again_where(where, merged, source):
        return None
    return validate(merged, source)


def _validate_records_first(merged: dict) -> ReviewFile:
    """Gives the ReviewFile for merged data, validating each list of records first on its own.

    Each list that validates takes the place of its parsed data, which is freed before the next
    list is validated: its memory serves the next records instead of fresh memory, each page of
    which the system must supply (3,000 page faults fewer at 20,000 people). A list that does not
    validate is left as parsed, and the whole review's validation then reports its problems with
    their paths from the root, as validating it whole does; records already made pass through.
    """
    for section in LIST_SECTIONS:
        parent = _parent_of(section, merged)
        if parent is None or not isinstance(parent.get(section[-1]), list):
            continue  # missing or of the wrong kind: the whole review's validation says so
        try:
            parent[section[-1]] = _records_of(section).validate_python(parent[section[-1]])
        except ValidationError:
            continue
    return ReviewFile.model_validate(merged)


def _parent_of(section: tuple[str, ...], merged: dict) -> dict | None:
    """The mapping that holds a list section (merged, or its old/new structure), if there is one."""
    parent: Any = merged
    for part in section[:-1]:
        parent = parent.get(part) if isinstance(parent, dict) else None
    return parent if isinstance(parent, dict) else None


@lru_cache(maxsize=None)
def _records_of(section: tuple[str, ...]) -> TypeAdapter:
    """The validator of one list section's records, as ReviewFile validates them."""
    owner = ReviewFile
    for name in section[:-1]:
        owner = owner.model_fields[name].annotation
    return TypeAdapter(owner.model_fields[section[-1]].annotation)


def validate(merged: dict, source: Source) -> ReviewFile:
    """Gives the ReviewFile for merged data, or raises InputError with every located problem."""
    try:
        review = ReviewFile.model_validate(merged)
    except ValidationError as err:
        raise InputError([_problem(e, merged, source) for e in err.errors(include_url=False)]) from None
    problems = []
    for path, message in check_references(review):
        file, line, column = source.locate(path)
        problems.append(Problem(file, line, column, dotted(path), message))
    if problems:
        raise InputError(problems)
    return review


def _read_again_where(where: list[tuple], merged: dict, source: Source) -> bool:
    """Reads again with the strict reader, which keeps positions, only the records (or the small
    sections) that the problems at these data paths are in, and puts that reading and its positions
    in merged and source. Gives False when a problem cannot be placed that way (then the whole
    file is read again).

    The readers give the same data for every file that takes the fast path (tests/test_readers.py),
    so validating again finds the same problems, now located.
    """
    from . import strict_yaml
    from .spans import item_spans, section_span

    items: dict[tuple, set[int]] = defaultdict(set)
    sections: set[str] = set()
    for path in where:
        section = next((s for s in LIST_SECTIONS if path[:len(s)] == s and len(path) > len(s)
                        and isinstance(path[len(s)], int)), None)
        if section is not None:
            items[section].add(path[len(section)])
        elif path and isinstance(path[0], str) and path[0] in merged and path[0] not in _LISTS_IN:
            sections.add(path[0])
        else:
            return False
    texts: dict[str, str] = {}

    def text_of(key: str) -> str:
        file = source.section_file[key]
        if file not in texts:
            texts[file] = read_text(Path(file))
        return texts[file]

    def read(part: str, key: str, line: int, record: tuple = ()) -> Any:
        """Reads the lines of `part` (from `line` of the file) strictly and records where each value
        is; for a record, the reading's path (0, ...) is the record's path + (...)."""
        data, positions, key_positions, problems = strict_yaml.parse(part, source.section_file[key])
        if problems:
            raise LookupError(key)
        for found, spots in ((positions, source.positions), (key_positions, source.key_positions)):
            for path, (row, column) in found.items():
                if path:
                    spots[record + path[1:] if record else path] = (row + line - 1, column)
        return data

    try:
        for section, indexes in items.items():
            if section in source.tables:
                continue  # a CSV file: its rows and columns are already known
            records = (_parent_of(section, merged) or {})[section[-1]]  # KeyError: read the whole file
            text = text_of(section[0])
            spans = item_spans(text, section)
            if spans is None or len(spans) != len(records):
                return False
            for i in indexes:
                start, end, line = spans[i]
                data = read(text[start:end], section[0], line, record=section + (i,))
                if not isinstance(data, list) or len(data) != 1:
                    return False
                records[i] = data[0]
        for key in sections:
            span = section_span(text_of(key), key)
            if span is None:
                return False
            data = read(text_of(key)[span[0]:span[1]], key, span[2])
            if not isinstance(data, dict) or set(data) != {key}:
                return False
            merged[key] = data[key]
    except (LookupError, KeyError):
        return False
    return True


_LISTS_IN = {s[0] for s in LIST_SECTIONS}


def _problem(error: dict, data: Any, source: Source) -> Problem:
    from . import messages

    path, point_at, message = messages.explain(error, data)
    if point_at == "parent":
        file, line, column = source.locate(path[:-1])
    else:
        file, line, column = source.locate(path, key=point_at == "key")
    return Problem(file, line, column, dotted(path), message)


def _read_yaml(path: Path, fast: bool) -> tuple[Any, dict, dict, list[Problem]]:
    early = prefetch.take(path)  # read and parsed while the tool started (console script only)
    text = early[0] if early else read_text(path)
    if fast:
        data = early[1] if early else fast_yaml.parse(text)
        if data is not None:
            return data, {}, {}, []
    from . import strict_yaml  # imported only when needed: PyYAML takes a while to import

    return strict_yaml.parse(text, str(path))


def _read_and_merge(paths: list[Path], fast: bool, note: Progress) -> tuple[dict, Source, list[Problem]]:
    merged: dict[str, Any] = {}
    source = Source(first_file=str(paths[0]) if paths else "")
    problems: list[Problem] = []
    for path in paths:
        name = str(path)
        note(f"reading {path.name}")
        try:
            data, positions, key_positions, found = _read_yaml(path, fast)
        except InputError as err:
            problems += err.problems
            continue
        problems += found
        if found and data is None:
            continue
        if not isinstance(data, dict):
            from .messages import kind_of

            line, column = positions.get((), (1, 1))
            problems.append(Problem(name, line, column, "", "expected a mapping of sections ("
                                    + ", ".join(SECTIONS) + "); got " + kind_of(data)))
            continue
        if source.root is None and name == source.first_file:
            source.root = positions.get((), (1, 1))
        for key, value in data.items():
            if key in merged:
                line, column = key_positions.get((key,), (None, None))
                problems.append(Problem(name, line, column, key,
                                        f"section {key!r} is also given in {source.section_file[key]}; give it once"))
                continue
            merged[key] = value
            source.section_file[key] = name
        for spots, new in ((source.positions, positions), (source.key_positions, key_positions)):
            for spot_path, spot in new.items():
                if spot_path and source.section_file.get(spot_path[0]) == name:
                    spots[spot_path] = spot
        problems += _read_tables(merged, data, path, source, note)
    return merged, source, problems


def _read_tables(merged: dict, data: dict, path: Path, source: Source, note: Progress) -> list[Problem]:
    """Replaces each list section of this file given as a CSV file name by the CSV's records."""
    problems: list[Problem] = []
    for section in LIST_SECTIONS:
        if section[0] not in data:
            continue
        parent = _parent_of(section, merged)
        if parent is None or not isinstance(parent.get(section[-1]), str):
            continue
        csv_path = path.parent / parent[section[-1]]
        note(f"reading {csv_path.name}")
        try:
            text = read_text(csv_path)
        except InputError as err:
            line, column = source.positions.get(section, (None, None))
            problems.append(Problem(str(path), line, column, dotted(section),
                                    f"cannot read the CSV file {csv_path}: {err.problems[0].message}"))
            continue
        from . import tabular  # the csv module, only for reviews that use it

        records, table, found = tabular.parse(text, str(csv_path))
        problems += found
        parent[section[-1]] = records
        source.tables[section] = table
    return problems
