"""List sections given as CSV files: same review as the YAML, errors located at file, row and column."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from slotting import load
from slotting.problems import InputError

from .conftest import EXAMPLE, HERE, cli

CSV_REVIEW = HERE / "csv" / "review.yaml"


def test_csv_sections_give_the_same_review_as_yaml():
    assert load(CSV_REVIEW) == load(EXAMPLE)


def test_csv_review_runs_like_the_yaml():
    a = json.loads(cli("run", str(CSV_REVIEW), "-f", "json").stdout)
    b = json.loads(cli("run", str(EXAMPLE), "-f", "json").stdout)
    assert a == b


def copy_fixture(tmp_path: Path) -> Path:
    for name in ("review.yaml", "people.csv", "overlaps.csv"):
        shutil.copy(HERE / "csv" / name, tmp_path / name)
    return tmp_path / "review.yaml"


def problems(path: Path) -> list:
    with pytest.raises(InputError) as err:
        load(path)
    return err.value.problems


def test_bad_cell_is_located_at_its_row_and_column(tmp_path: Path):
    review = copy_fixture(tmp_path)
    people = tmp_path / "people.csv"
    people.write_text(people.read_text(encoding="utf-8-sig").replace(",92610,", ",-5,"), encoding="utf-8-sig")
    [problem] = problems(review)
    assert (Path(problem.file).name, problem.line, problem.column) == ("people.csv", 3, 4)
    assert problem.path == "people[1].salary" and "greater than 0" in problem.message
    assert "-5" not in problem.message


def test_nested_column_and_unknown_column(tmp_path: Path):
    review = copy_fixture(tmp_path)
    people = tmp_path / "people.csv"
    text = people.read_text(encoding="utf-8-sig").replace("salary,", "salry,", 1)
    people.write_text(text, encoding="utf-8")
    found = problems(review)
    [unknown] = found  # once, at the header: not an unknown key and a missing salary on every row
    assert (Path(unknown.file).name, unknown.line, unknown.column) == ("people.csv", 1, 4)
    assert unknown.message == ("unknown column 'salry'; did you mean 'salary'? Write the header as salary, or map "
                               "the column in the review: columns: {salry: salary}")


def test_reference_error_in_a_csv_row(tmp_path: Path):
    review = copy_fixture(tmp_path)
    overlaps = tmp_path / "overlaps.csv"
    overlaps.write_text(overlaps.read_text(encoding="utf-8-sig").replace("NEW-SD-ECS", "NEW-SD-XXX", 1),
                        encoding="utf-8-sig")
    [problem] = problems(review)
    assert (Path(problem.file).name, problem.line, problem.column) == ("overlaps.csv", 2, 2)
    assert "unknown new post 'NEW-SD-XXX'" in problem.message


def test_missing_csv_file_is_reported_at_the_yaml_line(tmp_path: Path):
    review = copy_fixture(tmp_path)
    (tmp_path / "overlaps.csv").unlink()
    [problem] = problems(review)
    assert problem.file == str(review) and problem.line == 138
    assert "cannot read the CSV file" in problem.message


def test_ragged_row_and_duplicate_column(tmp_path: Path):
    review = copy_fixture(tmp_path)
    (tmp_path / "overlaps.csv").write_text("old_post,new_post,old_in_new,old_in_new\nOLD-SD-CH,NEW-SD-ECS,85,80,1\n")
    found = problems(review)
    assert any("given twice" in p.message and p.line == 1 and p.column == 4 for p in found)
    assert any("row has 5 cells" in p.message and p.line == 2 for p in found)


def _people_csv(tmp_path: Path, rows: list[str], newline: str = "\n") -> Path:
    """The CSV form of the example with its first people's rows replaced (id,name,post,salary,in_review;
    {post} stands for the person's post) and an in_review column added."""
    for name in ("review.yaml", "overlaps.csv"):
        shutil.copy(HERE / "csv" / name, tmp_path / name)
    import csv

    header, *body = csv.reader((HERE / "csv" / "people.csv").read_text(encoding="utf-8-sig").splitlines())
    keep = header.index("post")
    lines = ["id,name,post,salary,in_review"]
    for i, cells in enumerate(body):
        lines.append(rows[i].replace("{post}", cells[keep]) if i < len(rows) else
                     ",".join([cells[0], "x", cells[keep], cells[header.index("salary")], ""]))
    (tmp_path / "people.csv").write_bytes((newline.join(lines) + newline).encode())
    return tmp_path / "review.yaml"


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_a_quoted_boolean_is_text_and_an_unquoted_one_a_boolean(tmp_path: Path, newline: str):
    review = _people_csv(tmp_path, ['P1,"A name\nover two lines",{post},100000,TRUE',
                                    'P2,"TRUE",{post},90000,false', 'P3,x,{post},95000,"TRUE"'], newline)
    [problem] = problems(review)
    assert problem.path == "people[2].in_review" and "expected true or false" in problem.message
    assert (Path(problem.file).name, problem.line, problem.column) == ("people.csv", 5, 5)
    review = _people_csv(tmp_path, ['P1,"A name\nover two lines",{post},100000,TRUE',
                                    'P2,"TRUE",{post},90000,false', 'P3,x,{post},95000,'], newline)
    people = load(review).people
    assert [(p.name, p.in_review) for p in people[:3]] == [("A name\nover two lines", True), ("TRUE", False),
                                                       ("x", True)]


def test_a_cell_whose_quoting_cannot_be_told_is_refused_located(tmp_path: Path):
    review = _people_csv(tmp_path, ['P1,"A"B,{post},100000,TRUE'])
    [problem] = problems(review)
    assert (Path(problem.file).name, problem.line, problem.column) == ("people.csv", 2, 5)
    assert "cannot tell whether this cell is quoted" in problem.message
