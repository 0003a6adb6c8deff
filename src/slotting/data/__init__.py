"""Dated legal tables shipped with the package, as YAML with their sources (one file a table).

These are the package's own data, not user input: they are read with PyYAML's safe loader once.
"""

from __future__ import annotations

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
