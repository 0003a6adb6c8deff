"""HR exports as they come (issue 28): columns mapped by the review, money and percentages as exports write them,
every problem in one pass, and section files checked through their reviews. Each case ends in a located message or
works, within the time limit, whatever the header, the mapping or the number of mistakes."""

from __future__ import annotations

import os
from pathlib import Path

from . import TEXT, Case

_PEOPLE = "id,post,salary\n" + "".join(f"P{i:02d},OLD-SD-AC,101000\n" for i in range(1, 2))


def _with_people(folder: Path, reference: str, csv: str) -> list[str]:
    head, rest = TEXT.split("\npeople:", 1)
    _, after = rest.split("\noverlaps:", 1)
    (folder / "review.yaml").write_text(f"{head}\npeople: {reference}\noverlaps:{after}", encoding="utf-8")
    (folder / "people.csv").write_text(csv, encoding="utf-8")
    return ["validate", str(folder / "review.yaml")]


def _columns_not_a_mapping(folder: Path) -> list[str]:
    return _with_people(folder, "{file: people.csv, columns: [id, post]}", _PEOPLE)


def _columns_to_a_list(folder: Path) -> list[str]:
    return _with_people(folder, "{file: people.csv, columns: {Employee: [id]}}", _PEOPLE)


def _five_thousand_unknown_columns(folder: Path) -> list[str]:
    header = "id,post,salary," + ",".join(f"c{i}" for i in range(5000))
    return _with_people(folder, "people.csv", header + "\nP01,OLD-SD-AC,101000\n")


def _awkward_column_name(folder: Path) -> list[str]:
    return _with_people(folder, "people.csv", 'id,post,salary,"a: b, {c}"\nP01,OLD-SD-AC,101000,x\n')


def _a_required_column_ignored(folder: Path) -> list[str]:
    return _with_people(folder, "{file: people.csv, columns: {id: ignore}}", _PEOPLE)


def _money_of_a_hundred_thousand_digits(folder: Path) -> list[str]:
    return _with_people(folder, "people.csv", 'id,post,salary\nP01,OLD-SD-AC,"£1' + ",000" * 7_000 + '"\n')


def _thousands_of_unknown_posts(folder: Path) -> list[str]:
    """5,000 old posts and 5,000 people each in a post spelled wrong: one suggestion each for the first 200, and no
    pass of every id against every id."""
    posts = "".join(f"    - {{id: OP{i:05d}, title: Post, grade: SD}}\n" for i in range(5000))
    head, rest = TEXT.split("\nold_structure:", 1)
    _, after = rest.split("\nnew_structure:", 1)
    text = f"{head}\nold_structure:\n  posts:\n{posts}\nnew_structure:{after}"
    head, rest = text.split("\npeople:", 1)
    _, after = rest.split("\noverlaps:", 1)
    (folder / "review.yaml").write_text(f"{head}\npeople: people.csv\noverlaps:{after}", encoding="utf-8")
    (folder / "people.csv").write_text("id,post,salary\n" + "".join(f"P{i},op{i:05d}x,100000\n" for i in range(5000)),
                                       encoding="utf-8")
    return ["validate", str(folder / "review.yaml")]


def _owners_beside_a_fifo_and_a_link_loop(folder: Path) -> list[str]:
    _with_people(folder, "people.csv", _PEOPLE)
    os.mkfifo(folder / "waiting.yaml")
    (folder / "loop.yaml").symlink_to(folder / "loop.yaml")
    (folder / "outside.yaml").write_text("review: {name: x}\npeople: ../people.csv\n", encoding="utf-8")
    return ["validate", "--owners", str(folder / "people.csv")]


CASES = [
    Case("columns given as a list are refused at the section", _columns_not_a_mapping, 1,
         "people: columns: expected a mapping of the table's column names to fields, or to ignore"),
    Case("a column mapped to a list is refused at the section", _columns_to_a_list, 1,
         "columns: expected a mapping of the table's column names to fields, or to ignore"),
    Case("five thousand unknown columns: one message each at the header, in time", _five_thousand_unknown_columns, 1,
         "people.csv:1:5003: unknown column 'c4999': map it to a field of a person in the review"),
    Case("a column name that YAML would misread is quoted in the mapping to add", _awkward_column_name, 1,
         "(columns: {\"a: b, {c}\": FIELD})"),
    Case("a required column mapped to ignore is one message at the header", _a_required_column_ignored, 1,
         "people.csv:1: no column gives 'id', which every row of a person needs"),
    Case("money of a hundred thousand digits is refused without a hang or an echo", _money_of_a_hundred_thousand_digits,
         1, "people[0].salary: expected a number of at most", never=["000,000"]),
    Case("five thousand unknown posts: suggestions for the first 200, in time", _thousands_of_unknown_posts, 1,
         "people[199].post: unknown old post 'op00199x'; did you mean 'OP00199'?"),
    Case("owners are found beside a FIFO, a link loop and a review naming a file outside its folder",
         _owners_beside_a_fifo_and_a_link_loop, 1, "review.yaml:"),
]
