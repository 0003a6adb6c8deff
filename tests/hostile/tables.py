"""Hostile text in large tables: the fast layout of render/tables (over 200 rows) and run's outcome tables (over 500).

Names and review names carrying escape sequences, wide characters and one unbroken word of thousands of characters
reach tables whose body rows are written without rich's per-cell layout: each must end in exit 0, the escapes shown
as text, never sent to the terminal, and the long word folded or the table widened as rich would have it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from ..support.generate import build, write_yaml
from . import Case

ESCAPE = "\x1b[31mred\x1b]8;;http://evil.example\x07link\x1b]8;;\x07"
WIDE = "中文名字" * 6  # 48 cells of 24 characters
LONG = "Hyphenless" * 500  # 5,000 characters, no space to break at


def _review(people: int, names: Callable[[int], str], title: str = "Synthetic review") -> Callable[[Path], Path]:
    """A synthetic review of `people` whose person i is called names(i), under the review name `title`."""
    def make(folder: Path) -> Path:
        data = build(people)
        for i, person in enumerate(data["people"]):
            person["name"] = json.dumps(names(i), ensure_ascii=True)  # a YAML double-quoted string, \u001b and all
        path = folder / "review.yaml"
        write_yaml(data, path)
        text = path.read_text(encoding="utf-8").replace("name: Synthetic review", f"name: {json.dumps(title)}", 1)
        path.write_text(text, encoding="utf-8")
        return path
    return make


def _hostile_name(i: int) -> str:
    return (ESCAPE, WIDE, LONG, f"Person {i}")[i % 4]


def _run_table(folder: Path) -> list[str]:
    return ["run", str(_review(700, _hostile_name)(folder))]


def _sensitivity_table(folder: Path) -> list[str]:
    return ["sensitivity", str(_review(700, lambda i: f"Person {i}", title=ESCAPE + WIDE)(folder))]


def _sensitivity_sweep(folder: Path) -> list[str]:
    path = _review(300, lambda i: f"Person {i}", title=LONG)(folder)
    return ["sensitivity", str(path), "--vary", "assimilate_threshold=60:85:0.1", "--margin", "0"]


CASES = [
    Case("tables_run_names_escape_wide_and_unbroken", _run_table, 0, "\\x1b[31mred", never=["\x1b[31m", "\x07"]),
    Case("tables_sensitivity_fragile_rows_under_a_hostile_title", _sensitivity_table, 0, "Fragile decisions",
         never=["\x1b[31m", "\x07"]),
    Case("tables_sensitivity_sweep_of_250_rows_titled_with_one_long_word", _sensitivity_sweep, 0,
         "HyphenlessHyphenless"),
]
