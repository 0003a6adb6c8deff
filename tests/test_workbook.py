"""Workbooks read as the spreadsheet shows them, or refused at the cell (reading/workbook.py, workbook_xml.py).

The bundled example's tables (tests/csv) are written as workbooks the way spreadsheet programs leave them:
overlaps typed as 80% (stored 0.8), a hidden sheet first, a cover sheet, formulas with and without their
saved values. A workbook that shows what the CSV holds must give the very run the golden file holds.
"""

from __future__ import annotations

import zipfile
from decimal import Decimal
from pathlib import Path

import pytest

from slotting import InputError, load
from slotting.model.review import NewPost, OldPost, Overlap, Person
from slotting.reading import workbook
from slotting.reading.workbook_xml import is_percent_format

from .conftest import ROOT, cli
from .hostile.workbooks import people_with, percent_overlaps, review_with, table
from .support.workbooks import Formula, Shown, write_ods, write_xlsx

GOLDEN_RUN = (ROOT / "tests" / "golden" / "leicester_run.json").read_text(encoding="utf-8")


def run_json(review: Path) -> str:
    result = cli("run", str(review), "--format", "json")
    assert result.exit_code == 0, result.output
    return result.stdout


def problems(review: Path) -> list[str]:
    with pytest.raises(InputError) as err:
        load(review)
    folder = str(review.parent) + "/"
    return [str(p).replace(folder, "") for p in err.value.problems]


# --- percentages ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "write"), [
    ("overlaps.xlsx", lambda p, rows: write_xlsx(p, {"Overlaps": rows})),
    ("overlaps.ods", lambda p, rows: write_ods(p, {"Overlaps": rows})),  # value type percentage, as LibreOffice
    ("styled.ods", lambda p, rows: write_ods(p, {"Overlaps": rows}, percent_type="float")),  # the style alone
])
def test_overlaps_typed_as_percentages_give_the_run_of_the_figures_typed(tmp_path: Path, name: str, write):
    """85 typed as 85% is stored 0.85; read as 0.85, every claim would fail and everyone be displaced."""
    rows = percent_overlaps()
    assert rows[1][2] == Shown(0.85, "0%")
    write(tmp_path / name, rows)
    assert run_json(review_with(tmp_path, "overlaps", f"{{file: {name}}}")) == GOLDEN_RUN


def test_a_percentage_is_read_exactly_from_the_value_stored(tmp_path: Path):
    """0.755 shown 75.5% is 75.5, whichever digits store it: Excel may save 0.75500000000000012."""
    rows = table("overlaps.csv")
    rows[1][2:4] = [Shown(0.755, "0.0%"), Shown(0.8, "0%")]
    write_xlsx(tmp_path / "overlaps.xlsx", {"Overlaps": rows})
    overlap = load(review_with(tmp_path, "overlaps", "overlaps.xlsx")).overlaps[0]
    assert (overlap.old_in_new, overlap.new_from_old) == (Decimal("75.5"), Decimal(80))
    assert str(overlap.old_in_new) == "75.5"
    assert [workbook._percentage(stored, None) for stored in ("0.75500000000000012", "0.8", "1", "0", "1E-3",
                                                               "8.0000000000000004E-1")] == [
        "75.5", "80", "100", "0", "0.1", "80"]


def test_the_fields_read_as_percentages_are_the_models_percentages():
    assert workbook.percentage_fields(Overlap) == {"old_in_new", "new_from_old"}
    assert workbook.percentage_fields(Person) == workbook.percentage_fields(OldPost) == frozenset()
    assert workbook.percentage_fields(NewPost) == frozenset()  # fte and external funding are rates 0-1


@pytest.mark.parametrize(("code", "percent"), [
    ("0%", True), ("0.0%", True), ("[Red]0.00%;-0%", True), ("#,##0.0 %", True),
    ('0.0"%"', False), ("0\\%", False), ("0_%", False), ("0*%", False), ("#,##0", False), ("[$%-809]0", False),
])
def test_a_number_format_is_a_percentage_only_with_a_percent_sign_that_scales(code: str, percent: bool):
    assert is_percent_format(code) is percent


@pytest.mark.parametrize("make", [write_xlsx, write_ods])
def test_a_percentage_in_a_field_that_is_not_one_is_refused_at_its_cell(tmp_path: Path, make):
    """Salary 50% (stored 0.5) is not £0.50; and an fte of 50% is the fraction 0.5, but the sheet means
    something else by showing it so: the cell is refused, saying what it shows and how to write it."""
    rows = people_with("salary", Shown(0.5, "0%"))
    suffix = ".xlsx" if make is write_xlsx else ".ods"
    make(tmp_path / f"people{suffix}", {"People": rows})
    assert problems(review_with(tmp_path, "people", f"people{suffix}")) == [
        f"people{suffix}[People]!D2: the cell is formatted as a percentage (it shows 50%, the number 0.5), but "
        "salary is not a percentage: format the cell as a number (General) and type the value meant"]


def test_an_ods_percentage_from_the_column_style_is_read_as_shown(tmp_path: Path):
    """LibreOffice may give a whole column a default cell style instead of styling each cell."""
    rows = table("overlaps.csv")
    write_ods(tmp_path / "overlaps.ods", {"Overlaps": [rows[0]] + [r[:2] + [v / 100 for v in r[2:]] for r in rows[1:]]},
              columns='<table:table-column table:number-columns-repeated="2"/>'
                      '<table:table-column table:number-columns-repeated="2" table:default-cell-style-name="pcc"/>')
    assert run_json(review_with(tmp_path, "overlaps", "overlaps.ods")) == GOLDEN_RUN


# --- which sheet -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("make", [write_xlsx, write_ods])
def test_a_hidden_first_sheet_is_passed_over_and_read_when_named(tmp_path: Path, make):
    suffix = ".xlsx" if make is write_xlsx else ".ods"
    make(tmp_path / f"people{suffix}", {"Lookup": people_with("salary", 109500), "People": table("people.csv")},
         hidden={"Lookup"})
    assert load(review_with(tmp_path, "people", f"people{suffix}")).people[0].salary == 109000
    named = review_with(tmp_path, "people", f"{{file: people{suffix}, sheet: Lookup}}")
    assert load(named).people[0].salary == 109500  # named, a hidden sheet is read: the user asked for it


def test_a_workbook_with_every_sheet_hidden_is_refused_unless_one_is_named(tmp_path: Path):
    write_xlsx(tmp_path / "people.xlsx", {"People": table("people.csv"), "Old": [["x"]]}, hidden={"People", "Old"})
    assert problems(review_with(tmp_path, "people", "people.xlsx")) == [
        "people.xlsx: the workbook has no visible sheet (every sheet is hidden: 'People', 'Old'); name the one to "
        "read: {file: NAME, sheet: SHEET}"]
    assert len(load(review_with(tmp_path, "people", "{file: people.xlsx, sheet: People}")).people) == 20


# --- the header --------------------------------------------------------------------------------------------------

def test_a_header_that_matches_with_no_rows_is_an_empty_section_and_one_that_does_not_is_refused(tmp_path: Path):
    write_xlsx(tmp_path / "overlaps.xlsx", {"Overlaps": [table("overlaps.csv")[0]], "Cover": [["Overlaps"]]})
    assert load(review_with(tmp_path, "overlaps", "overlaps.xlsx")).overlaps == []
    write_xlsx(tmp_path / "overlaps.xlsx", {"Overlaps": [["old_post", "new_post", "old in new", "new_from_old"]]})
    assert problems(review_with(tmp_path, "overlaps", "overlaps.xlsx")) == [  # once, at the header (issue 28)
        "overlaps.xlsx[Overlaps]!C1: unknown column 'old in new'; did you mean 'old_in_new'? Write the header as "
        "old_in_new, or map the column in the review: columns: {old in new: old_in_new}"]


def test_the_header_is_found_where_the_cells_begin(tmp_path: Path):
    """A table placed at C3 (two empty rows and columns before it) is read, and located, where it is."""
    rows = [[None, None, *row] for row in table("people.csv")]
    write_xlsx(tmp_path / "people.xlsx", {"People": [[], [], *rows]})
    review = review_with(tmp_path, "people", "people.xlsx")
    assert len(load(review).people) == 20
    rows[2][5] = Shown(0.5, "0%")  # P02's salary
    write_xlsx(tmp_path / "people.xlsx", {"People": [[], [], *rows]})
    assert problems(review)[0].startswith("people.xlsx[People]!F5: the cell is formatted as a percentage")


# --- formulas ------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("make", [write_xlsx, write_ods])
def test_a_formula_is_read_as_its_saved_value_and_refused_without_one(tmp_path: Path, make):
    suffix = ".xlsx" if make is write_xlsx else ".ods"
    make(tmp_path / f"people{suffix}", {"People": people_with("salary", Formula("=100000+9000", 109000))})
    review = review_with(tmp_path, "people", f"people{suffix}")
    assert load(review).people[0].salary == Decimal(109000)
    make(tmp_path / f"people{suffix}", {"People": people_with("salary", Formula("=100000+9000"))})
    assert problems(review) == [
        f"people{suffix}[People]!D2: a formula with no saved value (=100000+9000): open and save the workbook in "
        "a spreadsheet program, or type the value"]


def test_a_formula_saved_as_empty_text_is_a_cell_not_given(tmp_path: Path):
    """=IF(...;"";...) saved as empty text (t="str", an empty value) has its value: nothing."""
    write_xlsx(tmp_path / "people.xlsx", {"People": people_with("name", Formula('=""', ""))})
    with zipfile.ZipFile(tmp_path / "people.xlsx") as archive:
        assert b'<c r="B2" t="str"><f>""</f><v></v></c>' in archive.read("xl/worksheets/sheet1.xml")
    assert load(review_with(tmp_path, "people", "people.xlsx")).people[0].name is None


def test_the_formula_of_a_refused_cell_is_shown_unescaped_and_shortened(tmp_path: Path):
    long = "=IF(A2<5," + "+".join(["1"] * 60) + ",0)"
    write_xlsx(tmp_path / "people.xlsx", {"People": people_with("salary", Formula(long))})
    assert problems(review_with(tmp_path, "people", "people.xlsx")) == [
        f"people.xlsx[People]!D2: a formula with no saved value ({long[:60]}): open and save the workbook in a "
        "spreadsheet program, or type the value"]


# --- characters ----------------------------------------------------------------------------------------------------

def test_a_control_character_is_refused_in_a_cell_or_a_column_name_as_in_csv(tmp_path: Path):
    rows = people_with("name", "Holder_x000C_ of a post", 3)
    rows[0][1] = "name_x001B_"
    write_xlsx(tmp_path / "people.xlsx", {"People": rows})
    said = "the character U+{} is not allowed in a review file (a control character or an unusual line break); remove it"
    assert problems(review_with(tmp_path, "people", "people.xlsx")) == [
        "people.xlsx[People]!B1: " + said.format("001B"), "people.xlsx[People]!B4: " + said.format("000C")]
    csv_review = review_with(tmp_path, "people", "people.csv")
    (tmp_path / "people.csv").write_text("id,name\nP1,a\x0cb\n", encoding="utf-8")
    assert problems(csv_review) == ["people.csv:2:5: " + said.format("000C")]  # the CSV rule, word for word


# --- formats -----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("reference", "what"), [
    ("people.xls", "'people.xls' is an Excel 97-2003 workbook (.xls), which is not read"),
    ("{file: people.xls, sheet: People}", "'people.xls' is an Excel 97-2003 workbook (.xls), which is not read"),
    ("people.xlsb", "'people.xlsb' is an Excel binary workbook (.xlsb), which is not read"),
    ("people.numbers", "in Numbers, use File > Export To > Excel and save it as .xlsx"),
    ("people.txt", "'people.txt' is a .txt file, which is not read"),
    ("people", "'people' is a file without a suffix, which is not read"),
])
def test_a_table_in_a_format_not_read_is_refused_saying_how_to_convert_it(tmp_path: Path, reference: str, what: str):
    for name in ("people.xls", "people.xlsb", "people.numbers", "people.txt", "people"):
        (tmp_path / name).write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
    result = cli("validate", str(review_with(tmp_path, "people", reference)))
    assert result.exit_code == 1 and what in result.stderr and "save it as .xlsx" in result.stderr, result.stderr
    assert "UTF-8 (byte" not in result.stderr and "review.yaml:137:9: people:" in result.stderr


def test_a_csv_named_in_capitals_is_still_read_as_csv(tmp_path: Path):
    review = review_with(tmp_path, "people", "PEOPLE.CSV")
    (tmp_path / "people.csv").rename(tmp_path / "PEOPLE.CSV")
    assert len(load(review).people) == 20


def test_every_character_refused_is_one_python_counts_unprintable():
    """The sheet reader looks for a refused character only in text that is not printable (a fast first look)."""
    from slotting.reading.yaml_text import _FORBIDDEN

    refused = [chr(c) for c in range(0x110000) if _FORBIDDEN.fullmatch(chr(c))]
    assert len(refused) == 65 and not any(c.isprintable() for c in refused)


def test_the_sheet_scan_finds_unsaved_formulas_and_percentages_however_the_xml_is_written():
    """A shared formula's other cells (<f t="shared" si="0"/>) and a namespace prefix (x:c), as some programs
    write them; a row's own style (s on <row>) is not a cell's; an empty text result is a saved value."""
    from slotting.reading.workbook_xml import _xlsx_scan

    xml = (b'<x:worksheet xmlns:x="main"><x:sheetData><x:row r="1" s="3" customFormat="1">'
           b'<x:c r="A1" s="3"><x:v>0.25</x:v></x:c><x:c r="B1"><x:f t="shared" ref="B1:B2" si="0">A1*2</x:f></x:c>'
           b'<x:c r="C1" s="3" t="s"><x:v>0</x:v></x:c></x:row><x:row r="2">'
           b'<x:c r="A2" s="1"><x:v>0.5</x:v></x:c><x:c r="B2"><x:f t="shared" si="0"/><x:v></x:v></x:c>'
           b'<x:c r="C2" t="str"><x:f>""</x:f><x:v></x:v></x:c><x:c r="D2" s="3"><x:f>1/4</x:f><x:v>0.25</x:v></x:c>'
           b'</x:row></x:sheetData></x:worksheet>')
    found = _xlsx_scan(xml, frozenset({"3"}))
    assert not isinstance(found, str)
    assert found.extent == (1, 1, 2, 4)
    assert found.unsaved == [(1, 2, "=A1*2"), (2, 2, "")]
    assert found.percents == {(1, 1): "0.25", (2, 4): "0.25"}  # C1 is text; A2's style is not a percentage


def test_a_chart_sheet_first_is_passed_over_like_a_hidden_one():
    from slotting.reading.workbook_xml import Book

    assert Book({}, False, {"Chart": "xl/chartsheets/sheet1.xml", "People": "xl/worksheets/sheet1.xml"}
                ).first_visible() == "People"
