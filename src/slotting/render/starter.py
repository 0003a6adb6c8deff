"""The starter review `slotting init` writes: a commented review file, or a workbook of its lists.

The YAML starter (data/init/review.yaml) is a small worked example with every required section and the
common optional ones, valid as written. The workbook starter has one sheet per list section (people, the
old and new posts, overlaps) with the section's columns as headers, data validation where a column takes
a number in a range, true or false, or another sheet's id, and an Instructions sheet that says what each
column takes in the models' own words; a small review file (data/init/workbook.yaml) names the sheets and
holds the pay spines and grades. Both come with the JSON Schema, for editors.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from dataclasses import dataclass
from importlib.resources import files
from typing import Any

from .. import limits
from ..model import review as models
from ..model.schema import schema_json
from ..model.types import fields_of

REVIEW = "review.yaml"
WORKBOOK = "review.xlsx"
SCHEMA = "slotting.schema.json"
FORMATS = ("yaml", "xlsx")
ROWS = 5_000  # rows of each sheet given data validation (a review of a whole organisation fits)


@dataclass(frozen=True)
class Sheet:
    name: str
    section: tuple[str, ...]
    record: Any
    columns: tuple[str, ...]


SHEETS = (
    Sheet("People", ("people",), models.Person,
          ("id", "name", "post", "salary", "fte", "date_of_birth", "continuous_service_start", "notice_weeks",
           "in_review")),
    Sheet("Old posts", ("old_structure", "posts"), models.OldPost,
          ("id", "title", "grade", "count", "fte", "salary", "department", "group", "reports_to", "in_review")),
    Sheet("New posts", ("new_structure", "posts"), models.NewPost,
          ("id", "title", "grade", "count", "fte", "department", "group", "reports_to", "on_hold", "in_review")),
    Sheet("Overlaps", ("overlaps",), models.Overlap, ("old_post", "new_post", "old_in_new", "new_from_old")),
)

_YES_NO = {"validate": "list", "source": ["TRUE", "FALSE"]}
_FIRST_DAY = dt.date(limits.YEARS[0], 1, 1)
_LAST_DAY = dt.date(limits.YEARS[1], 12, 31)


def _ids(sheet: str) -> dict[str, Any]:
    # a warning, not a stop: the other sheet may be filled later, and validate names a wrong id anyway
    return {"validate": "list", "source": f"='{sheet}'!$A$2:$A${ROWS + 1}", "error_type": "warning"}


def _between(kind: str, low: Any, high: Any) -> dict[str, Any]:
    return {"validate": kind, "criteria": "between", "minimum": low, "maximum": high}


_DATE = {"validate": "date", "criteria": "between", "minimum": _FIRST_DAY, "maximum": _LAST_DAY}
# Each column's validation, as the model bounds it (model.review, model.types); a column not named has none.
VALIDATIONS: dict[tuple[str, str], dict[str, Any]] = {
    ("People", "post"): _ids("Old posts"),
    ("People", "salary"): {"validate": "decimal", "criteria": ">", "value": 0},
    ("People", "fte"): {"validate": "decimal", "criteria": "between", "minimum": 0, "maximum": 1},
    ("People", "date_of_birth"): _DATE,
    ("People", "continuous_service_start"): _DATE,
    ("People", "notice_weeks"): _between("integer", 0, limits.NOTICE_WEEKS),
    ("People", "in_review"): _YES_NO,
    ("Old posts", "count"): _between("integer", 1, limits.PLACES),
    ("Old posts", "fte"): {"validate": "decimal", "criteria": ">", "value": 0},
    ("Old posts", "salary"): {"validate": "decimal", "criteria": ">", "value": 0},
    ("Old posts", "reports_to"): _ids("Old posts"),
    ("Old posts", "in_review"): _YES_NO,
    ("New posts", "count"): _between("integer", 1, limits.PLACES),
    ("New posts", "fte"): {"validate": "decimal", "criteria": "between", "minimum": 0, "maximum": 1},
    ("New posts", "reports_to"): _ids("New posts"),
    ("New posts", "on_hold"): _YES_NO,
    ("New posts", "in_review"): _YES_NO,
    ("Overlaps", "old_post"): _ids("Old posts"),
    ("Overlaps", "new_post"): _ids("New posts"),
    # a fraction such as 2/3 is text: a warning lets it through
    ("Overlaps", "old_in_new"): {**_between("decimal", 0, 100), "error_type": "warning"},
    ("Overlaps", "new_from_old"): {**_between("decimal", 0, 100), "error_type": "warning"},
}

_SAYS = {  # what a column takes, where the model's description does not say it
    "id": "An id, unique within the sheet.",
    "name": "The person's name (optional).",
    "title": "The post's title.",
    "grade": "A grade id of review.yaml's grades.",
    "department": "The department (optional).",
    "group": "Row of the savings table (optional; default: the grade's name).",
}


def names(fmt: str) -> tuple[str, ...]:
    """Gives the names of the files `slotting init` writes in a format, in the order they are written."""
    return (SCHEMA, WORKBOOK, REVIEW) if fmt == "xlsx" else (SCHEMA, REVIEW)


def starter(fmt: str) -> Iterator[tuple[str, bytes]]:
    """Yields (file name, bytes) of each file of the starter review in a format (yaml or xlsx)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown starter format {fmt!r}")
    yield SCHEMA, schema_json().encode("utf-8")
    if fmt == "xlsx":
        yield WORKBOOK, workbook()
    yield REVIEW, _data("workbook.yaml" if fmt == "xlsx" else "review.yaml")


def _data(name: str) -> bytes:
    return files("slotting.data").joinpath("init", name).read_bytes()


def column_help(sheet: Sheet, column: str) -> str:
    """Gives what a column takes: the model's description of the field, and whether it is required."""
    info = (fields_of(sheet.record) or {})[column]
    said = _SAYS.get(column) or info.description or ""
    return ("Required. " if info.is_required() else "") + said


def workbook() -> bytes:
    """Gives the starter workbook: an Instructions sheet, then one sheet per list section with its headers and
    data validation."""
    import xlsxwriter

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False,
                                        "strings_to_urls": False, "strings_to_numbers": False})
    bold = book.add_format({"bold": True})
    wrapped = book.add_format({"text_wrap": True, "valign": "top"})
    header = book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
    required = book.add_format({"bold": True, "bg_color": "#FCE4D6", "border": 1})
    date = book.add_format({"num_format": "yyyy-mm-dd"})
    _instructions(book.add_worksheet("Instructions"), bold, wrapped)
    for sheet in SHEETS:
        page = book.add_worksheet(sheet.name)
        page.freeze_panes(1, 0)
        fields = fields_of(sheet.record) or {}
        for col, column in enumerate(sheet.columns):
            page.write_string(0, col, column, required if fields[column].is_required() else header)
            page.set_column(col, col, max(12, len(column) + 2), date if column in ("date_of_birth",
                                                                                   "continuous_service_start") else None)
            rule = VALIDATIONS.get((sheet.name, column))
            if rule is not None:
                page.data_validation(1, col, ROWS, col, {**rule, "input_title": column[:32],
                                                         "input_message": column_help(sheet, column)[:255]})
    book.close()
    return buffer.getvalue()


def _instructions(page: Any, bold: Any, wrapped: Any) -> None:
    lines = [
        ("How to fill this workbook", ""),
        ("", "Each sheet after this one is a list of review.yaml: one row per record under the header row. Keep "
             "the header row and the sheets' names. Columns in orange are required; the others may be left empty. "
             "The pay spines and grades are in review.yaml."),
        ("", "Then run: slotting validate review.yaml. Every problem is named at its cell, e.g. "
             "review.xlsx[People]!D5."),
        ("", "Numbers are read as the spreadsheet shows them; a percentage column may be shown as 80% or "
             "written 80. True or false columns take TRUE or FALSE. Dates are dates, or text written YYYY-MM-DD."),
        ("", "More columns are listed by `slotting schema`: e.g. hours (instead of fte, with review.full_time_hours), "
             "age and service_years, and characteristics.sex (a column per characteristic, for slotting equality)."),
        ("", ""),
        ("Sheet", "Column: what it takes"),
    ]
    for sheet in SHEETS:
        lines += [(sheet.name, f"{column}: {column_help(sheet, column)}") for column in sheet.columns]
    page.set_column(0, 0, 24)
    page.set_column(1, 1, 110, wrapped)
    for row, (first, second) in enumerate(lines):
        page.write_string(row, 0, first, bold)
        page.write_string(row, 1, second)
