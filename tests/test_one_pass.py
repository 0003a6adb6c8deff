"""A first review from HR's own data (issue 28): every problem in one validate round, HR exports as they come,
section files checked through the reviews that own them."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import jsonschema
import pytest
import xlsxwriter
import yaml

from slotting import load
from slotting.model.schema import schema_dict
from slotting.problems import InputError

from .conftest import HERE, ROOT, cli

# An NHS trust's payroll review, built as an HR analyst would: structures in YAML, people in the HR system's
# export, with six deliberate mistakes (the comments name them).
NHS_REVIEW = """\
review: {name: Payroll services review (illustrative NHS trust), effective_date: 2025-02-30}  # 4. a bad date
policy: {assimilate_threshold: 75, match_threshold: 80}   # 6. a policy contradiction
pay_spines:
  AfC: {1: 24071, 2: 25674, 3: 27485, 4: 29114, 5: 31000}
grades:
  - {id: B3, name: Band 3, level: 3, spine: AfC, points: [1, 2]}
  - {id: B4, name: Band 4, level: 4, spine: AfC, points: [3, 5]}
old_structure:
  posts:
    - {id: O-PAY, title: Payroll officer, grade: B3, count: 3}
    - {id: O-LEAD, title: Payroll lead, grade: B4, salary: "£72,293"}   # 3. money with £ and commas
    - {id: O-VAC, title: Payroll assistant, grade: B3}
new_structure:
  posts:
    - {id: N-PAYOFF, title: Payroll officer, grade: B3, count: 2}
    - {id: N-LEAD, title: Payroll team lead, grade: B4}
people: {file: export.csv, columns: {Employee Number: id, Position: post}}
overlaps:
  - {old_post: O-PAY, new_post: N-PAYOF, old_in_new: 80, new_from_old: 90}   # 5. a dangling reference
  - {old_post: O-LEAD, new_post: N-LEAD, old_in_new: 85, new_from_old: 85}
"""
# 1. an HR export with an extra column (Assignment number); 2. a header in the wrong case (Salary). Its money is
# written as the export writes it, which is read: £24,071 is 24071.
NHS_EXPORT = ('Employee Number,Assignment number,Position,Salary\n'
              'E001,A-1001,O-PAY,"£24,071"\nE002,A-1002,O-PAY,"25,674"\nE003,A-1003,O-PAY,24071\n'
              'E004,A-1004,O-LEAD,31000\n')
FIXES = [("2025-02-30", "2025-02-28"), ("match_threshold: 80", "match_threshold: 25"),
         ('"£72,293"', "72293"), ("N-PAYOF,", "N-PAYOFF,"),
         ("Position: post}", "Position: post, Assignment number: ignore, Salary: salary}")]


def nhs(tmp_path: Path, review: str = NHS_REVIEW, export: str = NHS_EXPORT) -> Path:
    (tmp_path / "export.csv").write_text(export, encoding="utf-8")
    (tmp_path / "review.yaml").write_text(review, encoding="utf-8")
    return tmp_path / "review.yaml"


def said(path: Path) -> list[str]:
    """Gives each problem of a review as validate prints it, without the folder."""
    result = cli("validate", str(path))
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    lines = result.stderr.splitlines()
    assert lines[-1] == f"invalid: {len(lines) - 1} problem(s)"
    return [line.replace(str(path.parent) + os.sep, "") for line in lines[:-1]]


def test_six_mistakes_are_reported_in_one_round_and_fixed_by_what_it_says(tmp_path: Path):
    review = nhs(tmp_path)
    assert said(review) == [
        "export.csv:1:2: unknown column 'Assignment number': map it to a field of a person in the review (columns: "
        "{Assignment number: FIELD}) or leave it out (columns: {Assignment number: ignore}); the fields are: id, name, "
        "post, salary, in_review, fte, hours, characteristics, age, service_years, notice_weeks, date_of_birth, "
        "continuous_service_start, pension, pension_strain, normal_pension_age, allowances, priority",
        "export.csv:1:4: unknown column 'Salary'; did you mean 'salary'? Write the header as salary, or map the column "
        "in the review: columns: {Salary: salary}",
        "review.yaml:1:82: review.effective_date: expected a real calendar date written YYYY-MM-DD: February 2025 "
        "has 28 days",
        "review.yaml:2:53: policy.match_threshold: expected at most assimilate_threshold (75); got 80",
        "review.yaml:11:60: old_structure.posts[1].salary: expected a number, got text: write a plain number of "
        "pounds: no £ sign or thousands separators (e.g. 72293, not £72,293)",
        "review.yaml:19:33: overlaps[0].new_post: unknown new post 'N-PAYOF'; did you mean 'N-PAYOFF'?"]
    text = review.read_text(encoding="utf-8")
    for wrong, right in FIXES:  # each fix as the message says it
        assert wrong in text
        text = text.replace(wrong, right, 1)
    review.write_text(text, encoding="utf-8")
    result = cli("validate", str(review))
    assert result.exit_code == 0, result.output
    assert result.stdout == "valid: 4 people, 3 old posts, 2 new posts (3 places), 2 overlaps\n"
    assert [p.salary for p in load(review).people][:2] == [24071, 25674]  # £24,071 and 25,674 as exported


def test_the_same_mistakes_in_a_workbook_are_located_at_their_cells(tmp_path: Path):
    book = xlsxwriter.Workbook(str(tmp_path / "export.xlsx"))
    sheet = book.add_worksheet("People")
    for r, row in enumerate(line.split(",") for line in NHS_EXPORT.replace('"£24,071"', "£24071")
                            .replace('"25,674"', "25674").splitlines()):
        sheet.write_row(r, 0, row)
    book.close()
    review = nhs(tmp_path, NHS_REVIEW.replace("{file: export.csv,", "{file: export.xlsx, sheet: People,"))
    found = said(review)
    assert found[:2] == [
        "export.xlsx[People]!B1: unknown column 'Assignment number': map it to a field of a person in the review "
        "(columns: {Assignment number: FIELD}) or leave it out (columns: {Assignment number: ignore}); the fields "
        "are: id, name, post, salary, in_review, fte, hours, characteristics, age, service_years, notice_weeks, "
        "date_of_birth, continuous_service_start, pension, pension_strain, normal_pension_age, allowances, priority",
        "export.xlsx[People]!D1: unknown column 'Salary'; did you mean 'salary'? Write the header as salary, or map "
        "the column in the review: columns: {Salary: salary}"]
    assert len(found) == 6


def test_a_header_in_the_wrong_case_is_one_message_not_two_per_row(tmp_path: Path):
    rows = "".join(f"E{i:03d},O-PAY,24071\n" for i in range(1, 41))
    review = nhs(tmp_path, NHS_REVIEW.replace("{file: export.csv, columns: {Employee Number: id, Position: post}}",
                                              "export.csv").replace("count: 3", "count: 40"),
                 "id,post,Salary\n" + rows)
    found = [f for f in said(review) if f.startswith("export.csv")]
    assert found == ["export.csv:1:3: unknown column 'Salary'; did you mean 'salary'? Write the header as salary, "
                     "or map the column in the review: columns: {Salary: salary}"]


def test_a_required_column_no_column_gives_is_one_message_at_the_header(tmp_path: Path):
    review = nhs(tmp_path, NHS_REVIEW.replace(", Position: post}", ", Position: post, Salary: ignore, "
                                              "Assignment number: ignore}"))
    found = [f for f in said(review) if f.startswith("export.csv")]
    assert found == ["export.csv:1: no column gives 'salary', which every row of a person needs: add the column, "
                     "or map an export's column to it (columns: {COLUMN: salary})"]


@pytest.mark.parametrize(("columns", "message"), [
    ("{Employee No: id, Position: post, Salary: salary, Assignment number: ignore}",
     "review.yaml:17:38: people.columns.Employee No: the table has no column 'Employee No'; did you mean "
     "'Employee Number'? (mapped to 'id')"),
    ("{Employee Number: id, Position: pots, Salary: salary, Assignment number: ignore}",
     "export.csv:1:3: the mapping gives column 'Position' to 'pots', which is not a field of a person; did you mean "
     "'post'?"),
    ("{Employee Number: id, Position: post, Salary: salary, Assignment number: id}",
     "export.csv:1:2: column 'Assignment number' is mapped to 'id', which column 'Employee Number' already gives"),
])
def test_a_mapping_that_does_not_fit_the_table_is_located(tmp_path: Path, columns: str, message: str):
    review = _fixed(tmp_path, NHS_EXPORT)
    review.write_text(review.read_text(encoding="utf-8").replace(
        "{Employee Number: id, Position: post, Assignment number: ignore, Salary: salary}", columns), encoding="utf-8")
    found = said(review)
    assert len(found) == 1 and found[0].startswith(message), found  # once, and nothing per row


def test_columns_mapped_give_the_review_of_the_fields_named(tmp_path: Path):
    (tmp_path / "mapped").mkdir()
    (tmp_path / "plain").mkdir()
    mapped = _fixed(tmp_path / "mapped", NHS_EXPORT)
    plain = _fixed(tmp_path / "plain", "id,post,salary\nE001,O-PAY,24071\nE002,O-PAY,25674\nE003,O-PAY,24071\n"
                   "E004,O-LEAD,31000\n")
    text = plain.read_text(encoding="utf-8")
    plain.write_text(text[:text.index("people:")] + "people: export.csv\n" + text[text.index("overlaps:"):],
                     encoding="utf-8")
    assert load(mapped).people == load(plain).people


@pytest.mark.parametrize(("cell", "read"), [('"£72,293"', "72293"), ('"72,293.50"', "72293.50"), ("£500", "500"),
                                            ('" £1,000 "', "1000")])
def test_money_as_an_export_writes_it_is_read_where_unambiguous(tmp_path: Path, cell: str, read: str):
    review = _fixed(tmp_path, NHS_EXPORT.replace("31000", cell))
    assert str(load(review).people[3].salary) == read


@pytest.mark.parametrize(("cell", "hint"), [
    ('"1,5"', "write a point for the decimals (e.g. 1.5, not 1,5), or no separator if the comma groups thousands"),
    ('"72,29,3"', "expected a number, got text"),
    ("$500", "amounts are in pounds, not dollars: write the number alone"),
])
def test_money_that_is_ambiguous_is_refused_with_a_hint(tmp_path: Path, cell: str, hint: str):
    review = _fixed(tmp_path, NHS_EXPORT.replace("31000", cell))
    [found] = said(review)
    assert found.startswith("export.csv:5:4: people[3].salary: ") and hint in found


def test_a_percentage_is_read_in_a_percentage_field_and_refused_with_a_hint_where_a_rate_is_meant(tmp_path: Path):
    review = _fixed(tmp_path, NHS_EXPORT.replace("Salary\n", "Salary,fte\n").replace("31000\n", "31000,33%\n"))
    [found] = said(review)
    assert found == ("export.csv:5:5: people[3].fte: expected a number, got text: write 0.33 (a rate from 0 to 1: 33% "
                     "is 0.33)")
    text = review.read_text(encoding="utf-8")
    review.write_text(text[:text.index("overlaps:")] + "overlaps: overlaps.csv\n", encoding="utf-8")
    (tmp_path / "overlaps.csv").write_text("old_post,new_post,old_in_new,new_from_old\nO-PAY,N-PAYOFF,80,90\n"
                                           "O-LEAD,N-LEAD,85%,85 %\n", encoding="utf-8")
    (tmp_path / "export.csv").write_text(NHS_EXPORT, encoding="utf-8")
    [_, lead] = load(review).overlaps
    assert (lead.old_in_new, lead.new_from_old) == (85, 85)


def test_dates_say_what_is_wrong_and_how_to_write_them(tmp_path: Path):
    base = _fixed(tmp_path, NHS_EXPORT).read_text(encoding="utf-8")
    for written, hint in [("2025-02-30", "February 2025 has 28 days"), ("2024-02-30", "February 2024 has 29 days"),
                          ("2025-13-01", "there is no month 13"), ("14/03/2025", "write 2025-03-14 (YYYY-MM-DD) if "
                                                                   "14 March 2025 is meant")]:
        (tmp_path / "review.yaml").write_text(base.replace("2025-02-28", written), encoding="utf-8")
        [found] = said(tmp_path / "review.yaml")
        assert found.startswith("review.yaml:1:82: review.effective_date: ") and hint in found, found


def test_a_duplicate_id_gives_the_line_or_cell_of_the_first(tmp_path: Path):
    review = _fixed(tmp_path, NHS_EXPORT.replace("E003", "E001"))
    assert said(review) == ["export.csv:4:1: people[2].id: duplicate person id 'E001' (first at line 2)"]
    text = review.read_text(encoding="utf-8").replace("id: N-LEAD,", "id: N-PAYOFF,")
    review.write_text(text, encoding="utf-8")
    found = said(review)
    assert "review.yaml:16:12: new_structure.posts[1].id: duplicate new post id 'N-PAYOFF' (first at line 15)" in found


def test_a_reference_suggests_the_id_meant_whatever_its_case(tmp_path: Path):
    review = _fixed(tmp_path, NHS_EXPORT.replace("E004,A-1004,O-LEAD", "E004,A-1004,o-lead"))
    assert said(review) == ["export.csv:5:3: people[3].post: unknown old post 'o-lead'; did you mean 'O-LEAD'?"]


def test_references_are_checked_against_what_could_be_read(tmp_path: Path):
    """A post whose own field is wrong is still a post: its holders and overlaps are not 'unknown'; a person
    whose salary is wrong is still its post's holder. Only the one problem is reported."""
    review = _fixed(tmp_path, NHS_EXPORT)
    review.write_text(review.read_text(encoding="utf-8").replace("salary: 72293", "salary: -1"), encoding="utf-8")
    assert said(review) == ["review.yaml:11:60: old_structure.posts[1].salary: expected a number greater than 0"]
    (tmp_path / "export.csv").write_text(NHS_EXPORT.replace("31000", "lots"), encoding="utf-8")
    review.write_text(review.read_text(encoding="utf-8").replace("salary: -1", "salary: 72293"), encoding="utf-8")
    assert said(review) == ["export.csv:5:4: people[3].salary: expected a number, got text"]


def test_a_section_that_cannot_be_read_leaves_the_rest_checked(tmp_path: Path):
    review = _fixed(tmp_path, NHS_EXPORT)
    (tmp_path / "export.csv").unlink()
    review.write_text(review.read_text(encoding="utf-8").replace("match_threshold: 25", "match_threshold: 80"),
                      encoding="utf-8")
    found = said(review)
    assert len(found) == 2, found
    assert found[0].startswith("review.yaml:2:53: policy.match_threshold: expected at most assimilate_threshold")
    assert found[1].startswith("review.yaml:17:9: people: cannot read the CSV file export.csv")


def test_no_library_wording_in_messages(tmp_path: Path):
    review = _fixed(tmp_path, NHS_EXPORT.replace("Salary\n", "Salary,fte,hours\n").replace("31000\n", "31000,1,37\n"))
    found = said(review)
    assert found == ["export.csv:5: people[3]: give fte or hours, not both"]
    with pytest.raises(InputError) as err:
        load(ROOT / "tests" / "invalid" / "grade_points_reversed.yaml")
    assert not any(word in p.message for p in err.value.problems for word in ("Value error", "Input should"))


def _fixed(tmp_path: Path, export: str) -> Path:
    """The NHS review with its YAML mistakes fixed and its columns mapped, and `export` as its people."""
    text = NHS_REVIEW
    for wrong, right in FIXES:
        text = text.replace(wrong, right, 1)
    return nhs(tmp_path, text, export)


# --- section files checked through the reviews that own them -------------------------------------------------

def test_a_changed_section_file_is_checked_through_the_reviews_that_name_it(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "restructures" / "sections").mkdir(parents=True)
    shutil.copy(HERE / "csv" / "people.csv", tmp_path / "restructures" / "sections" / "people.csv")
    shutil.copy(HERE / "csv" / "overlaps.csv", tmp_path / "restructures" / "overlaps.csv")
    text = (HERE / "csv" / "review.yaml").read_text(encoding="utf-8").replace("people: people.csv",
                                                                              "people: sections/people.csv")
    assert "sections/people.csv" in text
    (tmp_path / "restructures" / "proposal.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "restructures" / "option_b.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "restructures" / "notes.yaml").write_text("[a list, not a review]\n", encoding="utf-8")
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "review.yaml").write_text(text, encoding="utf-8")  # a sibling folder: not searched
    changed = "restructures/sections/people.csv"
    result = cli("validate", "--owners", changed)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "valid: 20 people, 26 old posts, 21 new posts (21 places), 36 overlaps (restructures/option_b.yaml)",
        "valid: 20 people, 26 old posts, 21 new posts (21 places), 36 overlaps (restructures/proposal.yaml)"]
    people = tmp_path / changed
    people.write_text(people.read_text(encoding="utf-8").replace(",92610,", ",-5,"), encoding="utf-8")
    result = cli("validate", "--owners", changed, "restructures/proposal.yaml")
    assert result.exit_code == 1
    assert result.stderr.count("restructures/sections/people.csv:3:4: people[1].salary: expected a number greater "
                               "than 0") == 2  # once through each review; proposal.yaml checked once
    assert cli("validate", changed).exit_code == 1  # without --owners, each file is a review, as before


def test_a_yaml_section_file_and_an_unnamed_table(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    example = yaml.safe_load((ROOT / "examples" / "leicester_2011.yaml").read_text(encoding="utf-8"))
    (tmp_path / "sections").mkdir()
    (tmp_path / "sections" / "people.yaml").write_text(json.dumps(example.pop("people")), encoding="utf-8")
    example["people"] = "sections/people.yaml"
    (tmp_path / "review.yaml").write_text(json.dumps(example, default=str), encoding="utf-8")
    (tmp_path / "stray.csv").write_text("id\n", encoding="utf-8")
    result = cli("validate", "--owners", "sections/people.yaml")
    assert result.exit_code == 0 and result.stdout.startswith("valid: 20 people"), result.output
    result = cli("validate", "--owners", "--format", "json", "stray.csv")
    assert result.exit_code == 1
    assert json.loads(result.stdout) == [{"file": "stray.csv", "line": None, "column": None, "path": "",
                                          "message": "no review names this file: a table or workbook is checked "
                                          "through a review in its folder or a folder above it that names it"}]


def test_the_pre_commit_hook_checks_section_files():
    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["entry"] == "slotting validate --owners"
    import re

    for name in ("review.yaml", "sections/people.yml", "people.csv", "hr_export.xlsx", "staff.ods"):
        assert re.search(hook["files"], name), name
    assert "types" not in hook  # types: [yaml] would pass over every CSV and workbook


def test_the_schema_accepts_a_columns_mapping_as_the_tool_does(tmp_path: Path):
    review = _fixed(tmp_path, NHS_EXPORT)
    data = yaml.safe_load(review.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema_dict()).validate(json.loads(json.dumps(data, default=str)))
    load(review)
    data["people"]["columns"]["Salary"] = 5
    assert list(jsonschema.Draft202012Validator(schema_dict()).iter_errors(json.loads(json.dumps(data, default=str))))


def test_an_amount_written_as_text_is_never_echoed():
    """A salary must not reach a CI log: the hint describes how to write it with a fixed example, never the value."""
    from .conftest import ROOT, cli

    result = cli("validate", str(ROOT / "tests" / "invalid" / "several_mistakes.yaml"))
    assert result.exit_code == 1
    assert "write a plain number of pounds" in result.stderr
    assert "21,000" not in result.stderr and "21000" not in result.stderr
