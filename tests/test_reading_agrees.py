"""The YAML reader gives the reference semantics (tests/support/reference_yaml.py) for every text.

A generated corpus covers what once made two readers disagree (issue 12): control characters and
NUL anywhere, `#` in quoted text on the same line as a number, every spelling of a duplicate key,
float edge cases, deep nesting, anchors, aliases and tags anywhere, and plain/quoted null and boolean
spellings. Each text must give the same data from both, or be refused by both.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from slotting.reading.yaml_text import parse

from .conftest import EXAMPLE
from .support import reference_yaml

SCALARS = [
    "007", "0x53FC", "0o17", "1_000", "+5", "-0", "-0.0", ".5", "5.", "1e-400", "1e400", "7500000000000002e-14",
    "1e1000000", ".inf", "-.inf", ".nan", "12:30", "2011-12-13", "1325462400", "110484.50", "3", "03", "3.0",
    "true", "True", "TRUE", "tRUE", "false", "no", "No", "yes", "on", "~", "null", "Null", "NULL", "", "x",
    "'007'", '"007"', "'true'", '"null"', "'~'", '""', '"a # b"', "'a # b'", '"a\\tb"', '"\\x1b[2J"', '"\\u0085"',
    "!!str true", "!!str 007", "!!int 12", "!!float 1.5", "!!null ~", "!!bool true", "!!bool yes", "! true",
    "!foo x", "!!python/object x", "&a 5", "*a", "&a", "|\n  block # text\n", ">\n  folded\n  text\n",
    "[1, 2, 3]", "{a: 1, b: 2}", "{a: 1, a: 2}", "[&x 1, *x]", "Planning & Transport", "A * B", "x #comment",
    "'it''s'", '"tab\there"', "0116 252 7000", "..................", "Team 01 lead",
]
KEYS = ["a", "b", "'a'", '"a"', "? a\n ", "<<", "'<<'", "!!str a", "&k a", "1", "01", "+1", "1.0", "[x]", "{y: 1}",
        "a b", "name", "id", "~", "null"]
ODD = ["\x00", "\x01", "\x07", "\x08", "\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\x9b", "\u2028", "\u2029", "\ufeff",
       "\t", "\r", "\r\n", "#", " #", "'", '"', ":", "- ", "&", "*", "!", "%", "@", "`", "|", ">", "{", "}", "[", "]"]


def same_meaning(text: str) -> None:
    """Both readers give the same data, or both refuse."""
    parsed = parse(text, "t.yaml")
    try:
        expected = reference_yaml.read(text)
    except reference_yaml.Refused as refused:
        assert parsed.problems, f"the reader accepted what the reference refuses ({refused}): {text!r}"
        return
    assert not parsed.problems, f"the reader refused what the reference accepts: {text!r}: {parsed.problems}"
    assert parsed.data == expected, text
    assert _types(parsed.data) == _types(expected), text


def _types(value: object) -> object:
    """The data with its types made visible (True == 1 and '1' != 1 are both traps)."""
    if isinstance(value, dict):
        return {k: _types(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_types(v) for v in value]
    return (type(value).__name__, value)


lines = st.builds(lambda key, value, comment: f"{key}: {value}{comment}",
                  st.sampled_from(KEYS), st.sampled_from(SCALARS), st.sampled_from(["", " # note", "  #x", " #"]))
documents = st.lists(lines, min_size=1, max_size=6).map(lambda ls: "\n".join(ls) + "\n")


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_generated_documents_mean_the_same_to_both(text: str):
    same_meaning(text)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(documents, st.sampled_from(ODD), st.integers(min_value=0))
def test_an_odd_character_anywhere_means_the_same_to_both(text: str, odd: str, where: int):
    at = where % (len(text) + 1)
    same_meaning(text[:at] + odd + text[at:])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(min_value=0), st.sampled_from(ODD + SCALARS))
def test_the_example_with_anything_inserted_means_the_same_to_both(where: int, insert: str):
    text = EXAMPLE.read_text(encoding="utf-8")
    at = where % (len(text) + 1)
    same_meaning(text[:at] + insert + text[at:])


@given(st.integers(min_value=1, max_value=40), st.sampled_from(["[", "{a: ", "- "]))
def test_nesting_is_bounded_the_same_way(depth: int, opener: str):
    if opener == "- ":
        text = "".join("  " * i + "-\n" for i in range(depth)) + "  " * depth + "x\n"
    else:
        closer = "]" if opener == "[" else "}"
        text = "a: " + opener * depth + "1" + closer * depth + "\n"
    same_meaning(text)


@pytest.mark.parametrize("text", ["a: " + "x" * 10_001 + "\n", "x" * 10_001 + ": 1\n", "a: " + "x" * 10_000 + "\n"])
def test_value_and_key_lengths_are_bounded_the_same_way(text: str):
    same_meaning(text)


def test_every_bundled_review_means_the_same_to_both():
    root = Path(__file__).parent.parent
    for path in [EXAMPLE, *sorted((root / "tests").glob("**/*.yaml"))]:
        same_meaning(path.read_bytes().decode("utf-8-sig", errors="replace"))


def test_a_nul_in_the_middle_of_people_is_refused_not_cut_short():
    text = EXAMPLE.read_text(encoding="utf-8")
    at = text.index("  - {id: P03")
    parsed = parse(text[:at] + "\x00" + text[at:], "t.yaml")
    assert parsed.problems and parsed.data is None
    assert "U+0000" in parsed.problems[0].message and parsed.problems[0].line == text[:at].count("\n") + 1
