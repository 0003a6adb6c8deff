"""`compare` and `sensitivity` with the finance view (issue 26): a swept finance figure out of range is
named, a long horizon is swept without a hang, and an option whose finance view cannot be costed stops
the comparison with a located message."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from . import Case

FINANCE = Path(__file__).parent.parent.parent / "examples" / "finance" / "leicester_2011_finance.yaml"
_NEVER = ["Traceback", "internal error"]


def _finance(folder: Path, *replacements: tuple[str, str], name: str = "finance.yaml") -> Path:
    """Writes the finance example with each (old, new) replaced once, and gives its path."""
    text = FINANCE.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _sweep(*varies: str) -> Callable[[Path], list[str]]:
    return lambda folder: ["sensitivity", str(_finance(folder)), "--margin", "0", "--format", "json",
                           *(arg for vary in varies for arg in ("--vary", vary))]


def _compare_without_effective_date(folder: Path) -> list[str]:
    other = _finance(folder, ("  effective_date: 2012-01-02", ""), name="other.yaml")
    return ["compare", str(_finance(folder)), str(other), "--format", "json"]


CASES = [
    Case("finance_sweep_years_zero", _sweep("costing.years=0,5"), 1, "costing.years=0", never=_NEVER),
    Case("finance_sweep_protection_cap_zero", _sweep("policy.protection.cap=0,1000"), 1, "policy.protection.cap=0",
         never=_NEVER),
    # Every variant is costed in full over fifty financial years (600 months looked at for the payback).
    Case("finance_sweep_fifty_year_horizons", _sweep("costing.years=41:50:1", "protection_years=1,2,3"), 0,
         '"last_year":"2060/61"', never=_NEVER),
    Case("finance_compare_option_without_its_effective_date", _compare_without_effective_date, 1,
         "other.yaml:28:3: review: effective_date is needed", never=_NEVER),
]
