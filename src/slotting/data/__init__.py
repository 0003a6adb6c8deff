"""The package's own data: dated legal tables as YAML with their sources (one file a table), and the
default letter templates (letters/OUTCOME.docx).

These are not user input: the tables are read with PyYAML's safe loader once.
"""

from __future__ import annotations

import bisect
import datetime as dt
from functools import cache
from importlib.resources import files
from typing import Any

import yaml


@cache
def legal_table(name: str) -> tuple[dict[str, Any], ...]:
    """Gives the rows of data/NAME.yaml, in date order (checked: a table out of order is a bug)."""
    rows = yaml.safe_load(files(__package__).joinpath(f"{name}.yaml").read_text(encoding="utf-8"))[name]
    dates = [row["since"] for row in rows]
    if dates != sorted(dates):
        raise ValueError(f"data/{name}.yaml: the rows must be in date order")
    return tuple(rows)


def in_force(name: str, day: dt.date) -> dict[str, Any] | None:
    """Gives the row of data/NAME.yaml in force on a day (the latest whose `since` is on or before it), or None
    before the first: one lookup for every dated legal figure, like OpenFisca's parameters."""
    rows = legal_table(name)
    at = bisect.bisect_right([row["since"] for row in rows], day)
    return rows[at - 1] if at else None


def letter_template(outcome: str) -> bytes:
    """Gives the default Word template of the letters for one outcome."""
    return files(__package__).joinpath("letters", f"{outcome}.docx").read_bytes()
