"""The library checks its options as the command line does: a value outside the choices, a number out of the
command line's bounds or of the wrong kind, or something else than a review raises slotting.OptionError naming the
option (never a silent fallback, never a TypeError or decimal error from deep inside)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

import slotting

from .conftest import EXAMPLE

JDS = EXAMPLE.parent / "leicester_2011_jds"


@pytest.fixture(scope="module")
def review() -> Any:
    return slotting.load(EXAMPLE)


REFUSED = [
    ("slot", {"stage": "Current"}, "stage: 'Current' is not one of 'proposal', 'current'"),
    ("slot", {"stage": "bogus"}, "stage: 'bogus'"),
    ("timeline", {"stage": "x"}, "stage: 'x'"),
    ("cost", {"basis": "bad"}, "basis: 'bad' is not one of 'top', 'slotted'"),
    ("report", {"format": "exe"}, "format: 'exe' is not one of 'pdf', 'docx', 'markdown'"),
    ("report", {"audience": "everyone"}, "audience: 'everyone' is not one of 'public', 'confidential'"),
    ("report", {"audience": "Confidential"}, "audience: 'Confidential'"),
    ("letters", {"format": "pdf"}, "format: 'pdf' is not one of 'docx', 'markdown'"),
    ("letters", {"on": "2012-01-01"}, "on: expected a date (datetime.date), got str"),
    ("equality_summary", {"suppress_below": "5"}, "suppress_below: expected a whole number, got str"),
    ("equality_summary", {"suppress_below": -1}, "suppress_below: expected a number from 0 to 1000, got -1"),
    ("equality_summary", {"suppress_below": True}, "suppress_below: expected a whole number, got bool"),
    ("sensitivity", {"margin": "abc"}, "margin: expected a number from 0 to 100, got 'abc'"),
    ("sensitivity", {"margin": float("nan")}, "margin: expected a number from 0 to 100, got nan"),
    ("sensitivity", {"margin": -5}, "margin: expected a number from 0 to 100"),
]


@pytest.mark.parametrize(("name", "options", "says"), REFUSED, ids=[f"{n}-{list(o)[0]}-{i}" for i, (n, o, _) in
                                                                    enumerate(REFUSED)])
def test_an_option_the_command_line_would_refuse_raises_option_error(review: Any, name: str,
                                                                       options: dict[str, Any], says: str):
    with pytest.raises(slotting.OptionError) as raised:
        getattr(slotting, name)(review, **options)
    assert says in str(raised.value)


def test_something_else_than_a_review_is_named_as_such():
    with pytest.raises(slotting.OptionError, match="review: expected a review read by slotting.load"):
        slotting.slot("examples/leicester_2011.yaml")


def test_options_of_compare_and_suggest_are_checked():
    with pytest.raises(slotting.OptionError, match="stages: 'x' is not one of"):
        slotting.compare([EXAMPLE], stages=["x", "current"])
    with pytest.raises(slotting.OptionError, match="at least two reviews"):
        slotting.compare([])
    with pytest.raises(slotting.OptionError, match="min_similarity: expected a number from 0 to 100, got 500"):
        slotting.overlaps_suggest(JDS, min_similarity=500)
    with pytest.raises(ValueError):  # an OptionError is a ValueError, as compare's errors were
        slotting.compare([EXAMPLE], labels=["a", "b", "c"], stages=["proposal", "current"])


def test_one_text_where_a_list_is_asked_is_a_list_of_that_text(review: Any):
    result = slotting.slot(review)
    assert slotting.equality_summary(review, result, by="gender").to_json() == \
        slotting.equality_summary(review, result, by=["gender"]).to_json()
    assert slotting.explain(review, result, people="P13").to_json() == \
        slotting.explain(review, result, people=["P13"]).to_json()


def test_good_options_still_work_and_help_shows_the_signature(review: Any):
    assert slotting.letters(review, format="markdown", on=dt.date(2011, 9, 1), allow_missing=True) is not None
    assert slotting.cost.__module__ == "slotting"
    assert "basis" in str(__import__("inspect").signature(slotting.cost))
