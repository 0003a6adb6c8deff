"""The YAML reader keeps HR data as written and refuses what PyYAML would silently accept."""

from __future__ import annotations

from decimal import Decimal

from slotting import load
from slotting.reading.yaml_text import parse

from .conftest import EXAMPLE


def data(text: str):
    parsed = parse(text, "t.yaml")
    assert parsed.problems == []
    return parsed.data


def test_ids_and_answers_survive_as_text():
    value = data("id: 007\nanswer: No\nother: yes\ntime: 12:30\noctal: 012\n")
    assert value == {"id": "007", "answer": "No", "other": "yes", "time": "12:30", "octal": "012"}


def test_yaml_12_core_nulls_and_booleans():
    value = data("a: ~\nb: null\nc:\nd: true\ne: False\nf: 'true'\n")
    assert value == {"a": None, "b": None, "c": None, "d": True, "e": False, "f": "true"}


def test_numbers_stay_exact_text_for_decimal():
    assert data("salary: 110484.123456789012345\n") == {"salary": "110484.123456789012345"}


def test_positions_are_one_based_line_and_column():
    parsed = parse("a:\n  b: [1, 2]\n", "t.yaml", positions=True)
    assert parsed.positions[("a", "b", 1)] == (2, 10)
    assert parsed.key_positions[("a", "b")] == (2, 3)
    assert parse("a:\n  b: [1, 2]\n", "t.yaml").positions == {}, "positions are kept only when asked for"


def test_billion_laughs_is_refused_quickly():
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 20):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*{'a' if i == 1 else f'a{i - 1}'}"] * 9) + "]")
    problems = parse("\n".join(lines) + "\n", "t.yaml").problems
    assert problems and all("aliases" in p.message or "anchors" in p.message for p in problems)
    assert [p.line for p in problems if "aliases" in p.message][0] == 2


def test_bom_is_accepted(tmp_path):
    text = EXAMPLE.read_text(encoding="utf-8")
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert load(path).review.name == load(EXAMPLE).review.name


def test_salary_is_an_exact_decimal(tmp_path):
    review = load(EXAMPLE)
    assert review.people[0].salary == Decimal("109000")
    assert isinstance(review.costing.on_cost_rate, Decimal) and review.costing.on_cost_rate == Decimal("0.31")


def test_sections_named_from_the_review_file(tmp_path):
    text = EXAMPLE.read_text(encoding="utf-8")
    head, rest = text.split("\npeople:", 1)
    tail, after = rest.split("\noverlaps:", 1)
    (tmp_path / "review.yaml").write_text(head + "\npeople: people.yaml\noverlaps:" + after, encoding="utf-8")
    (tmp_path / "people.yaml").write_text(tail, encoding="utf-8")
    assert load(tmp_path / "review.yaml") == load(EXAMPLE)


def test_a_problem_in_a_section_file_is_located_in_that_file(tmp_path):
    import pytest

    from slotting.problems import InputError

    text = EXAMPLE.read_text(encoding="utf-8")
    head, rest = text.split("\npeople:", 1)
    tail, after = rest.split("\noverlaps:", 1)
    (tmp_path / "review.yaml").write_text(head + "\npeople: people.yaml\noverlaps:" + after, encoding="utf-8")
    (tmp_path / "people.yaml").write_text(tail.replace("salary: 109000", "salary: -5", 1), encoding="utf-8")
    with pytest.raises(InputError) as err:
        load(tmp_path / "review.yaml")
    [problem] = err.value.problems
    assert problem.file.endswith("people.yaml") and problem.path == "people[0].salary"
    assert problem.line == tail.split("\n").index(next(x for x in tail.split("\n") if "109000" in x)) + 1
