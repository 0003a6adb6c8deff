"""The paper as a PDF: its content as JSON and its charts as SVG, given to the fixed Typst template
(render/report.typ) through sys.inputs, never as Typst source."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from importlib.resources import files

from ...formats import plural
from ...rules.results import OUTCOMES
from .. import charts
from .content import bounded, paper_data
from .paper import BARS, Paper, counts_shown
from .structure import Structure, structure_charts
from .typesetting import typeset


def report_pdf(p: Paper, warn: Callable[[str], None] | None = None) -> Iterator[bytes]:
    """Yields the report as a PDF; `warn` is told of any character in it that its fonts cannot draw."""
    # every post of a large structure: its words set as text, many times faster to typeset than an SVG's
    structures = structure_charts(p, apart=p.every_post) if "structure" in p.sections else []
    inputs = {"data": json.dumps(bounded(paper_data(p, structures)), ensure_ascii=False), **chart_svgs(p, structures)}
    missing = undrawn(inputs.values())
    if missing and warn is not None:
        warn(undrawn_message(missing))
    yield typeset(files("slotting.render").joinpath("report.typ").read_text(encoding="utf-8"), inputs, p.date)


def chart_svgs(p: Paper, structures: list[Structure]) -> dict[str, str]:
    """Gives each chart of the paper as SVG, by the name the template gives it."""
    found: dict[str, str] = {}
    s = p.result.summary
    if "summary" in p.sections and all(counts_shown(p)[o].replace(",", "").isdigit() for o in OUTCOMES):
        # a bar's lengths would give away the counts a published paper hides: it is drawn only when none is
        found["chart_outcomes"] = charts.outcome_bar([(o, getattr(s, o)) for o in OUTCOMES])
    if "structure" in p.sections:
        for i, (_, drawn, _) in enumerate(structures):
            for j, chart in enumerate(drawn):
                found[f"chart_structure_{i}_{j}"] = chart.svg
    if "savings" in p.sections:
        found.update(_savings_charts(p))
    return found


def _savings_charts(p: Paper) -> dict[str, str]:
    """Gives the savings section's charts: the cost of each group (the BARS that cost most) and the profile."""
    rows = [(r.group, r.existing_cost, r.new_cost) for r in p.savings.rows]
    shown = sorted(rows, key=lambda r: -(r[1] + r[2]))[:BARS]
    note = (f"The {BARS} groups that cost most; the other {len(rows) - BARS:,} are in the table above."
            if len(rows) > BARS else "")
    found = {"chart_costs": charts.cost_bars([r for r in rows if r in shown] if note else rows, note)}
    if p.savings.finance is not None:
        years = [(y.label, y.net_saving) for y in p.savings.finance.years]
        found["chart_profile"] = charts.profile_bars(years, "Net saving by financial year")
    else:
        found["chart_profile"] = charts.profile_bars([(f"Year {y.year}", y.saving) for y in p.savings.years],
                                                     "Saving year by year, after pay protection")
    return found


def undrawn(texts: Iterable[str]) -> list[str]:
    """Gives, in code point order, the characters of the texts that none of the PDF's fonts can draw
    (characters that take no glyph, such as joiners and variation selectors, left aside)."""
    import bisect
    import unicodedata

    from ..glyphs import DRAWN

    starts = [first for first, _ in DRAWN]
    found: set[str] = set()
    for text in texts:
        found.update(text)
    missing = []
    for character in sorted(found):
        code = ord(character)
        at = bisect.bisect_right(starts, code) - 1
        if at >= 0 and code <= DRAWN[at][1]:
            continue
        if unicodedata.category(character) in ("Cc", "Cf", "Zl", "Zp") or 0xFE00 <= code <= 0xFE0F \
                or 0xE0100 <= code <= 0xE01EF:
            continue
        missing.append(character)
    return missing


def undrawn_message(missing: list[str], shown: int = 20) -> str:
    """Gives the warning that names characters the PDF cannot draw, each by its code point."""
    listed = ", ".join(f"U+{ord(c):04X} {c}" for c in missing[:shown])
    more = f" and {len(missing) - shown:,} more" if len(missing) > shown else ""
    return (f"warning: the PDF's fonts cannot draw {plural(len(missing), 'character')} of the input, shown as "
            f"empty boxes: {listed}{more}. A Markdown report (-o FILE.md) keeps them as written.")
