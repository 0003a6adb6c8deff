"""CSV tables as list sections: text -> records, with the row and column of every cell.

A list section of the review (`people`, `overlaps`, `old_structure.posts`, `new_structure.posts`)
may name a CSV file instead of giving a list. The header row gives the field names, as the review's
mapping renames them (reading.columns); a nested field uses a dot (`characteristics.gender`). An
empty cell is left out; every other cell is text that the models convert exactly (so `007` stays
"007" and a salary `31000.50` is an exact Decimal), except that in a column whose field is
true/false, an unquoted `true`/`false` (in three spellings, as Excel writes them) is a boolean. A
quoted cell is always text, and a text column keeps `TRUE` as "TRUE".

The csv module gives the values but not whether a cell was quoted. Where that matters (a boolean
spelling in a true/false column), the record's raw lines are split again to see the quotes, and
the split must give the very values the csv module gave; otherwise the cell is refused, located.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from typing import Any

from .. import limits
from ..model.types import fields_of, unwrap
from ..problems import Problem
from . import columns as columns_of

TRUES = frozenset({"true", "True", "TRUE"})
FALSES = frozenset({"false", "False", "FALSE"})
SPELLINGS = TRUES | FALSES


@dataclass
class Table:
    """Where a CSV section's records came from: file, the line of each row, the column of each field."""

    file: str
    header: list[str]  # the field each column gives ("" for a column left out)
    row_lines: list[int] = field(default_factory=list)
    missing: frozenset[str] = frozenset()  # required fields no column gives, reported once at the header
    unmatched: list[tuple[str, str]] = field(default_factory=list)  # the review's mapping keys the header lacks
    complete: bool = True  # False when the file could not be read to its end: its records are not used

    def problem(self, rest: tuple[Any, ...], path: str, message: str) -> Problem:
        """Gives a problem located at a path inside the section: (row index, field, subfield...)."""
        return Problem(self.file, *self.locate(rest), path, message)

    def locate(self, rest: tuple[Any, ...]) -> tuple[int | None, int | None]:
        """Gives (line, column) for a path inside the section: (row index, field, subfield...)."""
        if not rest or not isinstance(rest[0], int) or not 0 <= rest[0] < len(self.row_lines):
            return 1, None
        line = self.row_lines[rest[0]]
        name = ".".join(str(p) for p in rest[1:3])
        for candidate in (name, str(rest[1]) if len(rest) > 1 else None):
            if candidate and candidate in self.header:
                return line, self.header.index(candidate) + 1
        return line, None


_QUOTED = re.compile(r'"(?:[^"]|"")*"')


def _quoted(raw: str, row: list[str]) -> list[bool] | None:
    """Gives, for each cell of a record's raw text, whether it was quoted; None when splitting the
    raw text does not give exactly the values the csv module gave."""
    values: list[str] = []
    flags: list[bool] = []
    position = 0
    while True:
        if raw.startswith('"', position):
            found = _QUOTED.match(raw, position)
            if found is None:
                return None
            values.append(found.group()[1:-1].replace('""', '"'))
            flags.append(True)
            position = found.end()
        else:
            end = raw.find(",", position)
            end = len(raw) if end < 0 else end
            values.append(raw[position:end])
            flags.append(False)
            position = end
        if position >= len(raw):
            break
        if raw[position] != ",":
            return None
        position += 1
        if position == len(raw):
            values.append("")
            flags.append(False)
            break
    return flags if values == row else None


def boolean_fields(record_type: Any) -> frozenset[str]:
    """The fields of a record that take true or false."""
    return frozenset(name for name, info in (fields_of(record_type) or {}).items() if unwrap(info.annotation) is bool)


def parse(text: str, file: str, record_type: Any = None, mapping: dict[str, str] | None = None,
          what: str = "a record") -> tuple[list[dict[Any, Any]], Table, list[Problem]]:
    """Gives (records, table positions, problems) for the text of one CSV file of records; `mapping` renames the
    header's columns (columns.plan), and `what` names a record in messages."""
    booleans = boolean_fields(record_type)
    numbers = columns_of.number_fields(record_type) if record_type is not None else frozenset()
    percentages = columns_of.percentage_fields(record_type) if record_type is not None else frozenset()
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        return [], Table(file, [], complete=False), [Problem(file, 1, 1, "", "the CSV file is empty; expected a header row")]
    except csv.Error as err:
        return [], Table(file, [], complete=False), [Problem(file, 1, None, "", f"malformed CSV: {err}")]
    header = [h.strip() for h in header]
    planned = columns_of.plan(header, record_type, mapping, what)
    table = Table(file, planned.fields, missing=planned.missing, unmatched=planned.unmatched)
    problems = [Problem(file, 1, None if col is None else col + 1, "", message) for col, message in planned.problems]
    seen: dict[str, int] = {}
    for col, name in enumerate(header, 1):
        if not name:
            problems.append(Problem(file, 1, col, "", "empty column name in the header row"))
        elif name in seen:
            problems.append(Problem(file, 1, col, "", f"column {name!r} is given twice (first in column {seen[name]})"))
        seen.setdefault(name, col)
    nested = [(name, name.split(".", 1), name in booleans, name in numbers, name in percentages)
              for name in planned.fields]
    records = []
    lines: list[str] = []
    ended = reader.line_num  # the last line of the previous record
    try:
        for row in reader:
            first, ended = ended + 1, reader.line_num
            if not any(row):
                continue
            table.row_lines.append(reader.line_num)
            if len(table.row_lines) > limits.RECORDS:
                problems.append(Problem(file, reader.line_num, None, "", f"more than {limits.RECORDS:,} rows; at most "
                                        f"{limits.RECORDS:,} are read"))
                table.complete = False
                break
            if len(row) > len(header):
                problems.append(Problem(file, reader.line_num, len(header) + 1, "",
                                        f"row has {len(row)} cells; the header names {len(header)} columns"))
            record: dict[str, Any] = {}
            quoted: list[bool] | None = []
            for column, ((name, parts, boolean, number, percentage), value) in enumerate(zip(nested, row)):
                if value == "" or not name:
                    continue
                if number and ("£" in value or "," in value or "%" in value):
                    value = columns_of.plain_number(value, percentage)
                if len(parts) == 2:
                    target = record.setdefault(parts[0], {})
                    if isinstance(target, dict):
                        target[parts[1]] = value
                    continue
                if boolean and value in SPELLINGS:
                    if quoted == []:
                        lines = lines or text.split("\n")
                        raw = "\n".join(lines[first - 1:ended])
                        quoted = _quoted(raw[:-1] if raw.endswith("\r") else raw, row)
                    if quoted is None:
                        problems.append(Problem(file, reader.line_num, column + 1, "", "cannot tell whether this "
                                                "cell is quoted; write true or false without quotes"))
                        continue
                    if not quoted[column]:
                        record[name] = value in TRUES
                        continue
                record[name] = value
            records.append(record)
    except csv.Error as err:
        problems.append(Problem(file, reader.line_num, None, "", f"malformed CSV: {err}"))
        table.complete = False
    return records, table, problems
