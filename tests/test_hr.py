"""Whole-organisation data as HR systems hold it (issue 16): generic posts, part-time people, workbook sections.

Every figure is worked by hand in the comments. The scenario YAML cases generic_post_pool, places_by_heads,
places_by_fte and places_by_fte_pool (tests/cases) cover the slotting rules; this file covers the costs,
the checks, the workbook reader and the HR example (examples/hr).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
import xlsxwriter

from slotting import InputError, load, slot
from slotting.reading import workbook
from slotting.render.run import run_data
from slotting.rules.savings import savings

from .conftest import ROOT, build, cli, run_slotting, slotting_process, with_base
from .support.ods import Raw, write_ods

EXAMPLE = ROOT / "examples" / "hr"


def holders(post: str, count: int, salary: int = 31000, **extra) -> list[dict]:
    return [{"id": f"P{i:03d}", "post": post, "salary": salary, **extra} for i in range(1, count + 1)]


def problems_of(review: dict) -> list[str]:
    with pytest.raises(InputError) as err:
        build(review)
    return [f"{p.path}: {p.message}" for p in err.value.problems]


# --- generic posts --------------------------------------------------------------------------------------------

def test_forty_holders_of_one_post_into_thirty_five_places_make_one_pool():
    result = run_slotting(with_base({
        "old_structure": {"posts": [{"id": "O1", "title": "Social worker", "grade": "G2", "count": 40}]},
        "new_structure": {"posts": [{"id": "N1", "title": "Social worker", "grade": "G2", "count": 35}]},
        "people": holders("O1", 40),
        "overlaps": [{"old_post": "O1", "new_post": "N1", "old_in_new": 90, "new_from_old": 85}]}))
    assert [(p.post, len(p.candidates), p.places, p.beyond) for p in result.pools] == [("N1", 40, 35, 5)]
    assert result.summary.potential_displacements == 5
    data = run_data(result)
    people = list(data["people"])
    assert {p["outcome"] for p in people} == {"competitive"}
    assert people[0]["competitors"] == [f"P{i:03d}" for i in range(2, 41)]  # 39 others: few enough to list
    assert [len(q["candidates"]) for post in data["posts"] for q in post["pools"]] == [40]


def test_a_pool_too_large_to_list_per_person_is_named_once():
    """A pool of 300: each person's competitors would be 299 ids, 90,000 in all; the pool is listed once
    and each candidate's competitive slot names it by post and basis."""
    result = run_slotting(with_base({
        "old_structure": {"posts": [{"id": "O1", "title": "Adviser", "grade": "G2", "count": 300}]},
        "new_structure": {"posts": [{"id": "N1", "title": "Adviser", "grade": "G2", "count": 250}]},
        "people": holders("O1", 300),
        "overlaps": [{"old_post": "O1", "new_post": "N1", "old_in_new": 90, "new_from_old": 85}]}))
    data = run_data(result)
    people = list(data["people"])
    assert all(p["competitors"] is None for p in people)
    assert all(p["slots"][0]["post"] == "N1" and p["slots"][0]["basis"] == "assimilation" for p in people)
    assert [len(q["candidates"]) for post in data["posts"] for q in post["pools"]] == [300]
    assert result.competitors(result.people[0]) == tuple(f"P{i:03d}" for i in range(2, 301))


def test_holders_of_one_post_split_across_two_new_posts_by_their_pay():
    """Four holders share the overlaps of O1 (G3): 80% with N1 (G2, three places) and 60% with N2 (G3).
    Assimilation to N1 is barred beyond a 25% fall in pay: £45,000 -> £32,000 (top of G2) is 28.9%, so the
    best-paid holder's claim on N1 becomes a match, which finds no place left after the three others
    assimilate; their match to N2 is pursued instead."""
    result = run_slotting(with_base({
        "policy": {"assimilate_grade_distance": 1, "max_pay_loss": {"assimilation": {"percent": 25}}},
        "old_structure": {"posts": [{"id": "O1", "title": "Manager", "grade": "G3", "count": 4}]},
        "new_structure": {"posts": [{"id": "N1", "title": "Officer", "grade": "G2", "count": 3},
                                    {"id": "N2", "title": "Manager", "grade": "G3"}]},
        "people": [{"id": f"P{i}", "post": "O1", "salary": s} for i, s in enumerate((40000, 41000, 42000, 45000), 1)],
        "overlaps": [{"old_post": "O1", "new_post": "N1", "old_in_new": 80, "new_from_old": 80},
                     {"old_post": "O1", "new_post": "N2", "old_in_new": 60, "new_from_old": 60}]}))
    got = {p.id: (p.outcome, [s.post for s in p.slots]) for p in result.people}
    assert got == {"P1": ("assimilated", ["N1"]), "P2": ("assimilated", ["N1"]), "P3": ("assimilated", ["N1"]),
                   "P4": ("matched", ["N2"])}


def test_more_holders_than_places_is_refused_naming_the_post_and_the_people():
    found = problems_of(with_base({
        "old_structure": {"posts": [{"id": "O1", "title": "Officer", "grade": "G2", "count": 2}]},
        "people": holders("O1", 3)}))
    assert found == ["people[2].post: old post 'O1' has 2 places (its count) but 3 people hold it: 'P001', 'P002', "
                     "'P003'; give the post a count, or correct their posts"]


def test_holders_working_more_than_the_establishment_fte_are_refused():
    found = problems_of(with_base({
        "old_structure": {"posts": [{"id": "O1", "title": "Administrator", "grade": "G2", "count": 3, "fte": "1.5"}]},
        "people": holders("O1", 2) + [{"id": "P9", "post": "O1", "salary": 30000, "fte": "0.5"}]}))
    assert found == ["people[2].post: the holders of old post 'O1' together work 2.5 FTE, more than its "
                     "establishment fte of 1.5: 'P001', 'P002', 'P9'"]
    assert problems_of(with_base({"old_structure": {"posts": [
        {"id": "O1", "title": "A", "grade": "G2", "count": 2, "fte": 3}]}})) == [
        "old_structure.posts[0]: fte (3) is more than count (2): the establishment FTE is that of all the post's "
        "places together, each at most 1"]


def test_vacant_places_are_costed_at_the_post_salary_else_the_top_of_the_grade():
    """O1: 3 places, one holder at £31,000, so two vacant places at the top of G2 (£32,000): £95,000.
    O2: 4 places of 3 FTE, holders 1.0 and 0.5 at £30,000 (£45,000), 1.5 FTE vacant at its salary of
    £30,000 (£45,000): £90,000. On-costs 0."""
    review = build(with_base({
        "old_structure": {"posts": [{"id": "O1", "title": "A", "grade": "G2", "count": 3},
                                    {"id": "O2", "title": "B", "grade": "G2", "count": 4, "fte": 3, "salary": 30000,
                                     "group": "B"}]},
        "new_structure": {"posts": [{"id": "N1", "title": "New", "grade": "G2"}]},
        "people": [{"id": "P1", "post": "O1", "salary": 31000}, {"id": "P2", "post": "O2", "salary": 35000},
                   {"id": "P3", "post": "O2", "salary": 35000, "fte": "0.5"}],
        "costing": {"on_cost_rate": 0, "round_to": 1}}))
    table = savings(review, slot(review))
    rows = {r.group: (r.existing_posts, r.existing_cost) for r in table.rows}
    assert rows["Grade 2"] == (3, Decimal(95000))
    assert rows["B"] == (4, Decimal(90000))  # the post's salary, not the holders', as for a post of one


def test_part_time_costs_protection_and_redundancy_are_at_the_fte():
    """P1 works 0.5 FTE on £42,000 (G3): existing cost £21,000. Assimilated one grade down to N1 (G2, top
    £32,000): protection £10,000 a year full time, £5,000 at 0.5 FTE; the new place costs £32,000 (a place of
    N1 is full time). P2, displaced, works 22.2 of 37 hours (0.6 FTE) on £26,000 full time: a week's pay
    is £26,000 x 0.6 / 52 = £300; full time it would be £500, capped at the £400 limit in force from
    1 February 2011."""
    base = with_base({
        "review": {"name": "pt", "effective_date": "2012-01-02", "full_time_hours": 37},
        "policy": {"assimilate_grade_distance": 1},
        "old_structure": {"posts": [{"id": "O1", "title": "A", "grade": "G3"}, {"id": "O2", "title": "B", "grade": "G2"}]},
        "new_structure": {"posts": [{"id": "N1", "title": "New", "grade": "G2"}]},
        "people": [{"id": "P1", "post": "O1", "salary": 42000, "fte": "0.5"},
                   {"id": "P2", "post": "O2", "salary": 26000, "hours": "22.2", "age": 40, "service_years": 10}],
        "overlaps": [{"old_post": "O1", "new_post": "N1", "old_in_new": 80, "new_from_old": 80}],
        "costing": {"on_cost_rate": 0, "round_to": 1}})
    review = build(base)
    assert review.fte("P2") == Decimal("0.6")
    result = slot(review)
    assert [s.pay.protection for s in result.person("P1").slots] == [Decimal(10000)]
    table = savings(review, result)
    rows = {r.group: r for r in table.rows}
    assert (rows["Grade 3"].existing_cost, rows["Grade 2"].existing_cost) == (Decimal(21000), Decimal(15600))
    assert table.protection_by_year[0] == Decimal(5000)
    # Statutory redundancy, age 40 with 10 years: 10 weeks (a week a year of service between ages 22 and 41).
    assert table.redundancy.people[0].cost.amount == Decimal(3000)  # 10 x £300
    full_time = build({**base, "people": [base["people"][0], {**base["people"][1], "hours": "37"}]})
    # Full time, £780 a week: capped at the limit in force on the relevant date, the effective date (2 January 2012)
    # extended by 10 weeks' statutory notice paid in lieu (ERA 1996 s.145(5)): 12 March 2012, £430.
    assert savings(full_time, slot(full_time)).redundancy.people[0].cost.amount == Decimal(4300)  # 10 x £430


def test_hours_need_the_full_time_week_and_fit_in_it():
    people = [{"id": "P1", "post": "O1", "salary": 30000, "hours": "18.5"}]
    old = {"posts": [{"id": "O1", "title": "A", "grade": "G2"}]}
    assert problems_of(with_base({"old_structure": old, "people": people})) == [
        "people[0].hours: hours need review.full_time_hours (the weekly hours of a full-time post) to give the FTE; "
        "or give fte instead"]
    review = {"name": "r", "full_time_hours": 37}
    assert problems_of(with_base({"review": review, "old_structure": old,
                                  "people": [{**people[0], "hours": 40}]})) == [
        "people[0].hours: expected at most review.full_time_hours (37); got 40"]
    assert problems_of(with_base({"review": review, "old_structure": old,
                                  "people": [{**people[0], "fte": "0.5"}]})) == ["people[0]: give fte or hours, not both"]
    assert build(with_base({"review": review, "old_structure": old, "people": people})).fte("P1") == Decimal("0.5")


def test_reporting_lines_name_posts_of_the_same_structure_and_never_loop():
    old = {"posts": [{"id": "A", "title": "A", "grade": "G2", "reports_to": "C"},
                     {"id": "B", "title": "B", "grade": "G2", "reports_to": "A"},
                     {"id": "C", "title": "C", "grade": "G2", "reports_to": "B"},
                     {"id": "D", "title": "D", "grade": "G2", "reports_to": "D"},
                     {"id": "E", "title": "E", "grade": "G2", "reports_to": "N1"}]}
    new = {"posts": [{"id": "N1", "title": "N", "grade": "G2"}, {"id": "N2", "title": "N", "grade": "G2",
                                                                  "reports_to": "N1"}]}
    assert sorted(problems_of(with_base({"old_structure": old, "new_structure": new}))) == [
        "old_structure.posts[0].reports_to: a reporting line loops back: 'A' -> 'C' -> 'B' -> 'A'",
        "old_structure.posts[3].reports_to: a reporting line loops back: 'D' -> 'D'",
        "old_structure.posts[4].reports_to: unknown old post 'N1'"]


# --- workbooks -------------------------------------------------------------------------------------------------

HEADER = ["id", "name", "post", "salary", "fte", "in_review", "characteristics.gender", "characteristics.started"]
ROWS = [["007", "Ann", "O1", 31000.5, 1, True, "F", dt.date(2011, 12, 1)],
        ["P2", "Bob", "O1", 30000, 0.5, False, "M", None],
        None,  # an empty row, skipped
        ["P3", None, "O2", "=30000+500", None, None, "F", None]]
CSV_TEXT = ("id,name,post,salary,fte,in_review,characteristics.gender,characteristics.started\n"
            "007,Ann,O1,31000.50,1,TRUE,F,2011-12-01\nP2,Bob,O1,30000,0.5,FALSE,M,\n,,,,,,,\nP3,,O2,30500,,,F,\n")
REVIEW = """review: {name: Workbook}
pay_spines: {S: {1: 30000, 2: 31000, 3: 32000}}
grades: [{id: G, name: G, level: 1, spine: S, points: [1, 3]}]
old_structure: {posts: [{id: O1, title: A, grade: G, count: 2}, {id: O2, title: B, grade: G}]}
new_structure: {posts: [{id: N1, title: N, grade: G, count: 2}]}
people: %s
overlaps: [{old_post: O1, new_post: N1, old_in_new: 80, new_from_old: 80}]
"""


def write_xlsx(path: Path, rows=ROWS, header=HEADER, sheet="People", error_at=None) -> Path:
    book = xlsxwriter.Workbook(str(path))
    cover = book.add_worksheet("Cover")
    cover.write_column(0, 0, ["HR export", "Exported from the HR system"])
    cells = book.add_worksheet(sheet)
    dates = book.add_format({"num_format": "dd/mm/yyyy"})
    cells.write_row(0, 0, header)
    for r, row in enumerate(rows, 1):
        for c, value in enumerate(row or []):
            if isinstance(value, str) and value.startswith("="):
                cells.write_formula(r, c, value, None, eval(value[1:]))  # the cached value a spreadsheet would keep
            elif isinstance(value, dt.date):
                cells.write_datetime(r, c, dt.datetime.combine(value, dt.time()), dates)
            elif value is not None:
                cells.write(r, c, value)
    if error_at:
        cells.write_formula(*error_at, "=#REF!", None, "#REF!")
    book.close()
    return path


def test_a_sheet_reads_as_the_same_csv_would(tmp_path: Path):
    write_xlsx(tmp_path / "hr.xlsx")
    (tmp_path / "people.csv").write_text(CSV_TEXT, encoding="utf-8")
    (tmp_path / "x.yaml").write_text(REVIEW % "{file: hr.xlsx, sheet: People}", encoding="utf-8")
    (tmp_path / "c.yaml").write_text(REVIEW % "people.csv", encoding="utf-8")
    from_sheet, from_csv = load(tmp_path / "x.yaml"), load(tmp_path / "c.yaml")
    assert from_sheet.people == from_csv.people
    first = from_sheet.people[0]
    assert (first.id, first.salary, first.in_review, first.characteristics["started"]) == (
        "007", Decimal("31000.5"), True, "2011-12-01")
    assert from_sheet.people[2].salary == Decimal(30500)  # a formula's cached value
    assert from_sheet.fte("P2") == Decimal("0.5")


def test_cells_are_read_as_displayed_to_fifteen_digits():
    assert [workbook._text(v) for v in (31000.5, 31000.499999999996, 0.1 + 0.2, 45.0, 1e20, True, dt.date(2012, 1, 2),
                                        dt.datetime(2012, 1, 2, 9, 30))] == [
        "31000.5", "31000.5", "0.3", "45", "100000000000000000000", "TRUE", "2012-01-02", "2012-01-02T09:30:00"]


def test_workbook_problems_are_located_by_sheet_and_cell(tmp_path: Path):
    rows = [list(ROWS[0]), ["P2", "Bob", "O1", -5, 2, "yes", "M", None]]
    write_xlsx(tmp_path / "hr.xlsx", rows)
    (tmp_path / "x.yaml").write_text(REVIEW % "{file: hr.xlsx, sheet: People}", encoding="utf-8")
    with pytest.raises(InputError) as err:
        load(tmp_path / "x.yaml")
    shown = [str(p) for p in err.value.problems]
    folder = str(tmp_path)
    assert shown == [f"{folder}/hr.xlsx[People]!D3: people[1].salary: expected a number greater than 0",
                     f"{folder}/hr.xlsx[People]!E3: people[1].fte: expected a number of at most 1",
                     f"{folder}/hr.xlsx[People]!F3: people[1].in_review: expected true or false, got text"]
    assert err.value.problems[0].as_dict()["cell"] == "D3"


def test_an_error_cell_is_refused_not_read_as_empty(tmp_path: Path):
    write_xlsx(tmp_path / "hr.xlsx", error_at=(2, 3))
    (tmp_path / "x.yaml").write_text(REVIEW % "{file: hr.xlsx, sheet: People}", encoding="utf-8")
    result = cli("validate", str(tmp_path / "x.yaml"))
    assert result.exit_code == 1
    assert "hr.xlsx[People]!D3: the cell holds an error value (#REF!); correct the formula or the value" in result.stderr


def test_the_first_sheet_is_read_when_none_is_named_and_a_missing_sheet_is_named(tmp_path: Path):
    write_xlsx(tmp_path / "hr.xlsx", sheet="Staff")
    (tmp_path / "x.yaml").write_text(REVIEW % "{file: hr.xlsx, sheet: People}", encoding="utf-8")
    result = cli("validate", str(tmp_path / "x.yaml"))
    assert result.exit_code == 1 and "the workbook has no sheet 'People'; its sheets are 'Cover', 'Staff'" in result.stderr
    (tmp_path / "x.yaml").write_text(REVIEW % "hr.xlsx", encoding="utf-8")  # the first sheet: Cover
    result = cli("validate", str(tmp_path / "x.yaml"))
    assert result.exit_code == 1 and result.stderr.count("\n") == 2, result.stderr  # one problem, then the count
    assert ("hr.xlsx[Cover]!A1: sheet 'Cover' has no column 'id', 'post' or 'salary'; its first row must name the "
            "columns, among them id, post and salary, but holds 'HR export'; the workbook's sheets are 'Cover', "
            "'Staff': name the sheet to read, {file: NAME, sheet: SHEET}") in result.stderr


@pytest.mark.parametrize(("reference", "message"), [
    ("{file: people.csv, sheet: People}", "a sheet is named only for an .xlsx or .ods workbook"),
    ("{file: hr.xlsx, tab: People}", "unknown key(s) 'tab'"),
    ("{file: ../hr.xlsx}", "a section file must be inside the review file's folder"),
    ("{file: notes.xlsx}", "not a workbook: an .xlsx or .ods file is a zip archive, and this one cannot be opened"),
])
def test_bad_table_references_are_located(tmp_path: Path, reference: str, message: str):
    (tmp_path / "notes.xlsx").write_text("not a zip", encoding="utf-8")
    (tmp_path / "x.yaml").write_text(REVIEW % reference, encoding="utf-8")
    result = cli("validate", str(tmp_path / "x.yaml"))
    assert result.exit_code == 1 and message in result.stderr and "Traceback" not in result.stderr


def test_a_sheet_too_large_to_allocate_is_refused_before_it_is_read(tmp_path: Path):
    """One cell at XFD1048576 would make the reader allocate 17 billion cells and abort the process."""
    book = xlsxwriter.Workbook(str(tmp_path / "hr.xlsx"))
    sheet = book.add_worksheet("People")
    sheet.write_row(0, 0, HEADER)
    sheet.write(1048575, 16383, "x")
    book.close()
    (tmp_path / "x.yaml").write_text(REVIEW % "{file: hr.xlsx, sheet: People}", encoding="utf-8")
    done = slotting_process("validate", str(tmp_path / "x.yaml"))
    assert done.returncode == 1, done.stderr
    assert b"the sheet's cells span A1:XFD1048576, more than 10,000,000 cells" in done.stderr


def test_a_workbook_that_unzips_too_large_is_refused_unread(tmp_path: Path):
    import zipfile

    with zipfile.ZipFile(tmp_path / "hr.xlsx", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (257 * 1024 * 1024))  # 257 MiB of zeros: 256 KB zipped
    records, _, problems = workbook.parse((tmp_path / "hr.xlsx").read_bytes(), "hr.xlsx", None)
    assert records == [] and [p.message for p in problems] == [
        "the workbook unzips to 269,484,032 bytes; at most 268,435,456 are read"]


def test_an_ods_sheet_reads_as_the_xlsx_does_and_its_error_cells_are_refused(tmp_path: Path):
    rows = [HEADER, *[r or [] for r in ROWS]]
    rows[4] = ["P3", None, "O2", 30500, None, None, "F", None]
    write_ods(tmp_path / "hr.ods", {"People": rows},
              extra_rows='<table:table-row table:number-rows-repeated="1048000"><table:table-cell '
                         'table:number-columns-repeated="16000"/></table:table-row>')  # as LibreOffice pads a sheet
    write_xlsx(tmp_path / "hr.xlsx")
    (tmp_path / "o.yaml").write_text(REVIEW % "{file: hr.ods}", encoding="utf-8")
    (tmp_path / "x.yaml").write_text(REVIEW % "{file: hr.xlsx, sheet: People}", encoding="utf-8")
    assert load(tmp_path / "o.yaml").people == load(tmp_path / "x.yaml").people
    rows[1][3] = Raw('<table:table-cell table:formula="of:=1/0" office:value-type="float" office:value="0" '
                     'calcext:value-type="error"><text:p>#DIV/0!</text:p></table:table-cell>')
    write_ods(tmp_path / "hr.ods", {"People": rows})
    result = cli("validate", str(tmp_path / "o.yaml"))
    assert result.exit_code == 1 and "hr.ods[People]!D2: the cell holds an error value (#DIV/0!)" in result.stderr


# --- the HR example ----------------------------------------------------------------------------------------------

def test_the_example_is_what_its_script_writes(tmp_path: Path):
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_hr", EXAMPLE / "_make.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.write(tmp_path)
    for name in ("review.yaml", "hr_export.xlsx"):
        assert (tmp_path / name).read_bytes() == (EXAMPLE / name).read_bytes(), name


def test_the_example_runs_through_every_command_with_its_figures():
    path = str(EXAMPLE / "review.yaml")
    for command in (["validate", path], ["run", path], ["savings", path], ["equality", path], ["explain", path, "E1004"]):
        result = cli(*command)
        assert result.exit_code == 0, (command, result.stderr)
    data = json.loads(cli("run", path, "-f", "json").stdout)
    assert data["summary"] == {"people": 54, "assimilated": 0, "matched": 1, "competitive": 53, "displaced": 0,
                               "pools": 3, "ring_fenced_places": 1, "potential_displacements": 7}
    pools = {p["id"]: [(len(q["candidates"]), q["places"]) for q in p["pools"]] for p in data["posts"]}
    assert pools["CX-ADV"] == [(38, 35)] and pools["CX-BSO"] == [(11, 8)] and pools["CX-TL"] == [(4, 3)]
    table = json.loads(cli("savings", path, "-f", "json").stdout)
    rows = {r["group"]: r for r in table["rows"]}
    # Business support officers: 8 places of 0.8 FTE at the top of G5 (£22,700) with on-costs of 28%.
    assert rows["Grade 5"]["new_cost"] == 185958  # 8 x 0.8 x 22,700 x 1.28 = 185,958.40
    # Administrators: 11 holders working 302 of 37-hour weeks (8.162 FTE) in an establishment of 9 FTE: the
    # 0.838 FTE vacant is costed at the top of G4 (£20,700); with on-costs, 22,199.78.
    review = load(path)
    admin = [p for p in review.people if p.post == "CS-ADM"]
    held = sum(p.salary * review.fte(p.id) for p in admin)
    vacant = (9 - sum(review.fte(p.id) for p in admin)) * 20700
    advisers = [p for p in review.people if p.post == "CS-ADV"]
    advice = sum(p.salary * review.fte(p.id) for p in advisers) + 2 * 20700  # two vacant adviser places
    assert rows["Grade 4"]["existing_cost"] == int(((held + vacant + advice) * Decimal("1.28")).quantize(Decimal(1),
                                                                                                    "ROUND_HALF_UP"))
    assert rows["Grade 4"]["existing_posts"] == 52  # places, not holders


def test_the_people_sheet_matches_its_csv_export(tmp_path: Path):
    """The example's people as a CSV (as the HR system might also export them) read to the same records."""
    shutil.copy(EXAMPLE / "review.yaml", tmp_path / "review.yaml")
    from importlib.util import module_from_spec, spec_from_file_location

    spec = spec_from_file_location("make_hr", EXAMPLE / "_make.py")
    module = module_from_spec(spec)
    spec.loader.exec_module(module)
    with (tmp_path / "people.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(module.HEADER)
        for row in module.people():
            writer.writerow(["" if v is None else (f"{v:g}" if isinstance(v, float) else v) for v in row])
    text = (tmp_path / "review.yaml").read_text(encoding="utf-8")
    (tmp_path / "review.yaml").write_text(text.replace("{file: hr_export.xlsx, sheet: People}", "people.csv"))
    assert load(tmp_path / "review.yaml").people == load(EXAMPLE / "review.yaml").people
