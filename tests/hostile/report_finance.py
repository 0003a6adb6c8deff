"""The committee paper with the finance view (issue 26): its profile, exit costs and people's estimates
reach Typst bounded and as data, so a long horizon, thousands of people at risk or a name written as
markup give a paper, never a hang, a Typst error or a traceback."""

from __future__ import annotations

from pathlib import Path

from . import Case, example

FINANCE = Path(__file__).parent.parent.parent / "examples" / "finance" / "leicester_2011_finance.yaml"
_NEVER = ["Traceback", "internal error", "Typst could not", "too large to lay out"]


def _paper(folder: Path, review: Path, *args: str) -> list[str]:
    return ["report", str(review), "-o", str(folder / "paper.pdf"), *args]


def _fifty_years(folder: Path) -> list[str]:
    """The bundled example with a finance view of 50 financial years, each with a pay award."""
    awards = ", ".join(f"{y}/{(y + 1) % 100:02d}: 0.99" for y in range(2012, 2061))
    review = example(folder, append=f"  years: 50\n  pay_awards: {{{awards}}}\n")
    return _paper(folder, review, "--sections", "savings")


def _markup_name(folder: Path) -> list[str]:
    """The finance example with a pool candidate's name written as Typst markup, in the confidential paper that
    lists each person's exit costs."""
    text = FINANCE.read_text(encoding="utf-8")
    old = 'name: "Holder: Director Regen, Transport & Highways"'
    assert old in text
    review = folder / "review.yaml"
    review.write_text(text.replace(old, 'name: "#panic(\\"no\\") *x* $y$ ]"', 1), encoding="utf-8")
    return _paper(folder, review, "--audience", "confidential", "--sections", "savings")


def _thousands_at_risk(folder: Path) -> list[str]:
    """A synthetic review of 1,500 people with the finance view: about 500 displaced and dozens of pools, every
    one listed in the confidential paper's exit costs (cut to the paper's bound)."""
    from ..support.generate import build, write_yaml

    review = folder / "review.yaml"
    write_yaml(build(1500), review)
    text = review.read_text(encoding="utf-8")
    review.write_text(text.replace("costing: {", 'costing: {financial_year_start: "04-01", ', 1), encoding="utf-8")
    return _paper(folder, review, "--audience", "confidential", "--sections", "summary,savings")


CASES = [
    Case("report_finance_fifty_years", _fifty_years, 0, "wrote", never=_NEVER),
    Case("report_finance_name_as_markup", _markup_name, 0, "wrote", never=_NEVER + ["panicked"]),
    Case("report_finance_thousands_at_risk", _thousands_at_risk, 0, "wrote", never=_NEVER),
]
