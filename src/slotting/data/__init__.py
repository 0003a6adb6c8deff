"""The package's own data: dated legal tables as YAML with their sources (one file a table), the severance
schemes (severance/NAME.yaml) and the default letter templates (letters/OUTCOME.docx).

A table's law differs by jurisdiction: NAME.yaml holds Great Britain's (England and Wales, and Scotland), and
NAME_ni.yaml Northern Ireland's where its law differs; each file lists the jurisdictions it covers.

These are not user input: the tables are read with PyYAML's safe loader (libyaml's where PyYAML has it) once.
"""

from __future__ import annotations

import bisect
import datetime as dt
from functools import cache
from importlib.resources import files
from typing import Any

import yaml

JURISDICTIONS = ("england-wales", "scotland", "northern-ireland")
_SUFFIX = {"northern-ireland": "_ni"}  # the jurisdictions whose law has its own tables where it differs


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the same safe constructor over libyaml's parser


def _load(text: str) -> Any:
    return yaml.load(text, Loader=_LOADER)  # a safe loader: the tables are data, never objects


@cache
def _read(file: str) -> dict[str, Any]:
    return _load(files(__package__).joinpath(f"{file}.yaml").read_text(encoding="utf-8"))


def table_file(name: str, jurisdiction: str = "england-wales") -> str:
    """Gives the file (without .yaml) holding a table's law for a jurisdiction: NAME_ni for Northern Ireland where
    one exists, else NAME; checked against the jurisdictions the file says it covers."""
    own = name + _SUFFIX.get(jurisdiction, "")
    file = own if files(__package__).joinpath(f"{own}.yaml").is_file() else name
    covered = _read(file).get("jurisdictions", list(JURISDICTIONS))
    if jurisdiction not in covered:
        raise ValueError(f"data/{file}.yaml covers {', '.join(covered)}, not {jurisdiction}")
    return file


@cache
def legal_table(name: str, jurisdiction: str = "england-wales") -> tuple[dict[str, Any], ...]:
    """Gives the rows of a table for a jurisdiction, in date order (checked: a table out of order is a bug)."""
    file = table_file(name, jurisdiction)
    rows = _read(file)[name]
    dates = [row["since"] for row in rows]
    if dates != sorted(dates):
        raise ValueError(f"data/{file}.yaml: the rows must be in date order")
    return tuple(rows)


def in_force(name: str, day: dt.date, jurisdiction: str = "england-wales") -> dict[str, Any] | None:
    """Gives the row of a table in force on a day in a jurisdiction (the latest whose `since` is on or before it),
    or None before the first: one lookup for every dated legal figure, like OpenFisca's parameters."""
    rows = legal_table(name, jurisdiction)
    at = bisect.bisect_right(_since(name, jurisdiction), day)
    return rows[at - 1] if at else None


@cache
def _since(name: str, jurisdiction: str) -> tuple[dt.date, ...]:
    """The dates from which a table's rows are in force, in order (made once a table, not once a lookup)."""
    return tuple(row["since"] for row in legal_table(name, jurisdiction))


@cache
def severance_schemes() -> tuple[str, ...]:
    """Gives the names of the severance schemes the package holds (data/severance/NAME.yaml), sorted."""
    return tuple(sorted(p.name.removesuffix(".yaml") for p in files(__package__).joinpath("severance").iterdir()
                        if p.name.endswith(".yaml")))


@cache
def severance_scheme(name: str) -> dict[str, Any]:
    """Gives the terms of one of the package's severance schemes, as its file states them."""
    if name not in severance_schemes():
        raise KeyError(name)
    return _load(files(__package__).joinpath("severance", f"{name}.yaml").read_text(encoding="utf-8"))


def letter_template(outcome: str) -> bytes:
    """Gives the default Word template of the letters for one outcome."""
    return files(__package__).joinpath("letters", f"{outcome}.docx").read_bytes()
