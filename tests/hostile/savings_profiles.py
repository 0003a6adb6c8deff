"""`savings` with the finance view (issue 26): the 12-month profile read from the financial years' periods on an
awkward effective date and past the last financial year, and the exit-costs table's new pool rows carrying a
post id that a spreadsheet would run as a formula."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from . import Case

FINANCE = Path(__file__).parent.parent.parent / "examples" / "finance" / "leicester_2011_finance.yaml"
_NEVER = ["Traceback", "internal error"]


def _savings(*replacements: tuple[str, str], every: bool = False, args: tuple[str, ...] = ()) -> Callable[[Path], list[str]]:
    """`slotting savings` on the finance example with each (old, new) replaced once (or everywhere)."""
    def make(folder: Path) -> list[str]:
        text = FINANCE.read_text(encoding="utf-8")
        for old, new in replacements:
            assert old in text, old
            text = text.replace(old, new) if every else text.replace(old, new, 1)
        path = folder / "finance.yaml"
        path.write_text(text, encoding="utf-8")
        return ["savings", str(path), *args]
    return make


_PROTECTION = '  protection_years: 2                 # report s.8.2: "Pay Protection for two years"'

CASES = [
    # 29 February has no anniversary in 2013: the 12 months run to 1 March, as the protection years do.
    Case("savings_profile_from_29_february", _savings(("effective_date: 2012-01-02", "effective_date: 2012-02-29")),
         0, "Year by year (12 months from 29 February 2012)", never=_NEVER),
    # One financial year, fifty years of marking time: the 12-month profile runs on past the financial years
    # (51 years of periods), within the time limit.
    Case("savings_profile_past_the_financial_years",
         _savings((_PROTECTION, "  protection: {scheme: mark_time, years: 50}"), ("\n  years: 5\n", "\n  years: 1\n"),
                  args=("--format", "json")),
         0, '"year":51,', never=_NEVER),
    Case("savings_exit_costs_post_id_as_a_formula",
         _savings(("NEW-SD-ASCHH", "'=HYPERLINK(\"http://x\")'"), every=True,
                  args=("--format", "csv", "--table", "exit-costs")),
         0, ",pool,\"'=HYPERLINK", never=_NEVER + [",=HYPERLINK", ',"=HYPERLINK']),
]
