"""What a committee paper is made from (Paper), its limits, and the counts it may print."""

from __future__ import annotations

from dataclasses import dataclass

from ...formats import long_date, money, places, plural
from ...model import ReviewFile
from ...rules.case import Cases
from ...rules.disclosure import protect_line
from ...rules.equality import EqualityResult
from ...rules.results import OUTCOMES, SlottingResult
from ...rules.savings import SavingsResult
from ...rules.timeline import TimelineResult
from ..equality import CONFIDENTIAL
from ..finance import payback_line
from ..savings import target_line

SECTIONS = ("summary", "structure", "slotting", "savings", "equality", "method")
# What Typst is given is bounded whatever the review's size, so that laying out the paper takes seconds and
# a few hundred megabytes: a 20,000-group review once took 55 s and 4 GB, and a larger one aborted Typst.
BARS = 30  # groups drawn in the chart of costs: those that cost most
LISTED = 1000  # people in the confidential paper's list (a typeset table of 20,000 rows takes minutes and gigabytes)
ROWS = 200  # rows of any other table (groups, pools, grades): the rest summed in one row, or counted
BREAKDOWNS = 20  # characteristics in the equality section
LINES = 50  # lines of a list (flags, estimated spinal points)
CELL_CHARS = 120  # characters of a table cell or a chart's label in the PDF
TEXT_CHARS = 1000  # characters of any other text in the PDF (a title, a sentence)


@dataclass(frozen=True)
class Paper:
    """What a report is made from."""

    review: ReviewFile
    result: SlottingResult
    savings: SavingsResult
    equality: EqualityResult | None
    title: str
    audience: str  # public | confidential
    sections: tuple[str, ...]
    version: str
    date: str
    sha256: str  # of the input files, in order
    timeline: TimelineResult | None = None  # the committee sections' timetable (with review.paper)
    cases: Cases | None = None  # whose sources the legal implications cite (with review.paper)
    every_post: bool = False  # draw every post of a structure, however many (else one box a group beyond DRAWN)


DEFAULT_SUPPRESSION = 5  # the smallest count a public paper shows (slotting equality's default)


def published(p: Paper) -> bool:
    """True when the paper is for publication: public, with small counts suppressed at least as by default."""
    return p.audience != "confidential" and (p.equality is None or p.equality.suppress_below >= DEFAULT_SUPPRESSION)


def counts_shown(p: Paper) -> dict[str, str]:
    """Gives the whole review group's counts as the paper prints them (outcomes, total, potential displacements,
    at risk). A published paper applies the equality tables' disclosure control to them too: a count the
    tables hide is hidden here, as are the counts from 1 to N-1, and more until none hidden can be worked out
    from those shown (rules.disclosure.protect_line); potential displacements are shown only when the at-risk
    and displaced counts they would give away are."""
    s = p.result.summary
    exact = {o: getattr(s, o) for o in OUTCOMES} | {"total": s.people}
    shown = {k: f"{v:,}" for k, v in exact.items()}
    shown["potential"] = f"{s.potential_displacements:,}"
    shown["at_risk"] = f"{s.displaced + s.potential_displacements:,}"
    if not published(p):
        return shown
    n = p.equality.suppress_below if p.equality is not None else DEFAULT_SUPPRESSION
    elsewhere = {k for b in (p.equality.breakdowns if p.equality is not None else ())
                 for g, k in b.suppressed | b.secondary if g == "all"}
    small, secondary = protect_line(exact, n, elsewhere)
    for k in small:
        shown[k] = f"<{n}"
    for k in secondary:
        shown[k] = CONFIDENTIAL
    at_risk = s.displaced + s.potential_displacements
    at_risk_hidden = 0 < at_risk < n or bool({"competitive", "displaced"} & (small | secondary))
    if at_risk_hidden:
        shown["at_risk"] = f"<{n}" if 0 < at_risk < n else CONFIDENTIAL
    if at_risk_hidden or "displaced" in small | secondary:
        shown["potential"] = CONFIDENTIAL
    return shown


def summary_sentences(p: Paper) -> list[str]:
    """Gives the summary's sentences: the review, its counts as shown, the saving, the target and the payback."""
    s, r = p.result.summary, p.review.review
    c = counts_shown(p)
    when = f", effective {long_date(r.effective_date)}" if r.effective_date else ""
    people = "person" if c["total"] == "1" else "people"
    potential = (plural(s.potential_displacements, 'potential displacement') if c["potential"].isdigit()
                 else f"{c['potential']} potential displacements")
    lines = [f"{r.name}{when}: {c['total']} {people} in the review.",
             f"{c['assimilated']} assimilated, {c['matched']} matched (subject to assessment), {c['competitive']} in "
             f"{plural(s.pools, 'competitive pool')}, {c['displaced']} displaced; "
             f"{potential} and {places(s.ring_fenced_places)} ring-fenced.",
             f"Full-year saving {money(p.savings.total.saving, brackets=True)} (new posts costed at: {p.savings.basis})."]
    if any(not v.replace(",", "").isdigit() for v in c.values()):
        n = suppression(p)
        marked = f", and counts that would give them away as {CONFIDENTIAL}" if CONFIDENTIAL in c.values() else ""
        lines.append(f"Counts from 1 to {n - 1} are shown as <{n}{marked}, as in the equality tables.")
    line = target_line(p.savings)
    if line:
        lines.append(line)
    if p.savings.finance is not None:
        lines.append(payback_line(p.savings.finance))
    return lines


def suppression(p: Paper) -> int:
    """Gives the smallest count the paper shows (the equality tables' threshold)."""
    return p.equality.suppress_below if p.equality is not None else DEFAULT_SUPPRESSION


def people_count(count: int) -> str:
    """Gives a count of people in words: 1 person, 2 people."""
    return f"{count:,} {'person' if count == 1 else 'people'}"


def first_rows(rows: list[list[str]], limit: int, what: str, where: str) -> list[list[str]]:
    """Gives a table's rows (its header first) cut to `limit`, with a last row counting those left out."""
    if len(rows) <= limit + 1:
        return rows
    more = f"... and {len(rows) - 1 - limit:,} more {what} (each in {where})"
    return [*rows[:limit + 1], [more] + [""] * (len(rows[0]) - 1)]


def capped(lines: list[str], what: str) -> list[str]:
    """Gives a list cut to LINES lines, with one more that counts those left out."""
    return lines if len(lines) <= LINES else [*lines[:LINES], f"... and {len(lines) - LINES:,} more {what}"]
