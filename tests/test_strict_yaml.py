"""The strict YAML reader keeps HR data as written and refuses what PyYAML would silently accept."""

from __future__ import annotations

from decimal import Decimal

from slotting.loader import load
from slotting.strict_yaml import parse

from .conftest import EXAMPLE


def data(text: str):
    value, _, _, problems = parse(text, "t.yaml")
    assert problems == []
    return value


def test_ids_and_answers_survive_as_text():
    value = data("id: 007\nanswer: No\nother: yes\ntime: 12:30\noctal: 012\n")
    assert value == {"id": "007", "answer": "No", "other": "yes", "time": "12:30", "octal": "012"}


def test_yaml_12_core_nulls_and_booleans():
    value = data("a: ~\nb: null\nc:\nd: true\ne: False\nf: 'true'\n")
    assert value == {"a": None, "b": None, "c": None, "d": True, "e": False, "f": "true"}


def test_numbers_stay_exact_text_for_decimal():
    assert data("salary: 110484.123456789012345\n") == {"salary": "110484.123456789012345"}


def test_positions_are_one_based_line_and_column():
    _, positions, keys, _ = parse("a:\n  b: [1, 2]\n", "t.yaml")
    assert positions[("a", "b", 1)] == (2, 10)
    assert keys[("a", "b")] == (2, 3)


def test_billion_laughs_is_refused_quickly():
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 20):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*{'a' if i == 1 else f'a{i - 1}'}"] * 9) + "]")
    _, _, _, problems = parse("\n".join(lines) + "\n", "t.yaml")
    assert problems and all("aliases" in p.message for p in problems)
    assert problems[0].line == 2


def test_bom_is_accepted(tmp_path):
    text = EXAMPLE.read_text(encoding="utf-8")
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert load([path]).review.name == load([EXAMPLE]).review.name


def test_salary_is_an_exact_decimal(tmp_path):
    review = load([EXAMPLE])
    assert review.people[0].salary == Decimal("109000")
    assert isinstance(review.costing.on_cost_rate, Decimal) and review.costing.on_cost_rate == Decimal("0.31")


def test_sections_split_across_files(tmp_path):
    text = EXAMPLE.read_text(encoding="utf-8")
    head, tail = text.split("\npeople:", 1)
    (tmp_path / "a.yaml").write_text(head + "\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text("people:" + tail, encoding="utf-8")
    merged = load([tmp_path / "a.yaml", tmp_path / "b.yaml"])
    assert merged == load([EXAMPLE])


def test_section_in_two_files_is_an_error(tmp_path):
    import pytest

    from slotting.problems import InputError

    (tmp_path / "extra.yaml").write_text("\n\nreview: {name: again}\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        load([EXAMPLE, tmp_path / "extra.yaml"])
    [problem] = err.value.problems
    assert problem.file.endswith("extra.yaml") and problem.line == 3
    assert "also given in" in problem.message
