"""Hostile outputs: a committee paper of thousands of groups, very long names, scripts its fonts lack.

Typst lays the paper out in memory: each case must end in a PDF (the large parts summarised) or a
message, never a signal, within the runner's 20 s. Standard outputs that cannot encode box drawing
are tested in tests/test_terminal.py (they need a process of their own).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..support.generate import build, write_yaml
from . import Case, example


def _generated(people: int, change: Callable[[dict], None]) -> Callable[[Path], list[str]]:
    """A synthetic review of `people`, changed in place, and the confidential report of it."""
    def make(folder: Path) -> list[str]:
        data = build(people)
        change(data)
        write_yaml(data, folder / "review.yaml")
        return ["report", str(folder / "review.yaml"), "-o", str(folder / "paper.pdf"), "--audience", "confidential"]
    return make


def _group_each(data: dict) -> None:
    for i, post in enumerate(data["old"] + data["new"]):
        post["group"] = f"Group {i}"


def _long_groups(data: dict) -> None:
    for i, post in enumerate(data["old"] + data["new"]):
        post["group"] = f"{i} " + "Strategic directorate of adult social care " * 220  # 9,500 characters


def _ethnicity_each(data: dict) -> None:
    for i, person in enumerate(data["people"]):
        person["characteristics.ethnicity"] = f"Ethnicity {i}"


def _names(folder: Path) -> list[str]:
    path = example(folder, ('"Holder: Strategic Director Dev. Culture & Regen"', '"王小明 😀 \\u202e Zoë"'))
    return ["report", str(path), "-o", str(folder / "paper.pdf"), "--audience", "confidential"]


CASES = [
    Case("report_of_six_thousand_groups", _generated(3000, _group_each), 0, "wrote"),
    Case("report_of_group_names_of_9500_characters", _generated(150, _long_groups), 0, "wrote"),
    Case("report_of_thousands_of_equality_groups", _generated(2000, _ethnicity_each), 0, "wrote"),
    Case("report_title_of_10000_characters", lambda f: ["report", str(example(f)), "-o", str(f / "paper.pdf"),
                                                        "--title", "Title " * 1666], 0, "wrote"),
    Case("report_names_in_scripts_the_fonts_lack", _names, 0, "U+738B 王", never=["\u202e"]),
]
