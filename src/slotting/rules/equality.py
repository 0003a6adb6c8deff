"""The equality impact summary of a slotting outcome, with disclosure control.

Public bodies must assess the equality impact of a restructure (Equality Act 2010 s.149; the
Leicester review's Appendix H does it by hand). This module counts outcomes by each protected
characteristic, flags possible adverse impact for screening, and suppresses small counts.

Screening: for each outcome that is bad for the person (in competition, displaced, at risk), the
rate of *avoiding* it in each group is compared with the most favoured group, and flagged below
four-fifths (the "four-fifths rule" of thumb); a group whose share of those at risk exceeds its
share of the review group is flagged as over-represented. These are signals to look closer, not
a legal finding, and with small groups they are unstable.

Disclosure control: counts from 1 to N-1 are shown as "<N"; then, in every row and column of a
table whose total is shown, further cells are suppressed until no suppressed cell can be worked
out from the totals (never a single suppressed cell in a line, and never a line whose suppressed
cells can be pinned down: checked by an exact search over the rows and columns). A cell hidden only
to protect another is shown as "[c]": it may hold any count, zero or N and over included.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from ..model import ReviewFile
from .results import SlottingResult

NOT_GIVEN = "not given"
COUNTED = ("assimilated", "matched", "competitive", "displaced")
ADVERSE = ("competitive", "displaced", "at_risk")
FOUR_FIFTHS = Fraction(4, 5)


@dataclass(frozen=True)
class Flag:
    characteristic: str
    group: str
    outcome: str
    kind: str
    ratio: float | None
    message: str


@dataclass(frozen=True)
class Breakdown:
    """One characteristic: counts per group and outcome, and for the whole review group."""

    characteristic: str
    counts: dict[str, dict[str, int]]
    at_risk: dict[str, Fraction]
    all_counts: dict[str, int]
    all_at_risk: Fraction
    suppressed: frozenset[tuple[str, str]]
    secondary: frozenset[tuple[str, str]]
    flags: tuple[Flag, ...]


@dataclass(frozen=True)
class EqualityResult:
    suppress_below: int
    breakdowns: tuple[Breakdown, ...]
    pools: tuple[tuple[str, dict[str, dict[str, int]]], ...]


def characteristics_found(review: ReviewFile, result: SlottingResult) -> list[str]:
    """Gives the characteristic names given for anyone in the review, sorted."""
    person = {p.id: p for p in review.people}
    return sorted({name for r in result.people for name in person[r.id].characteristics})


def equality(review: ReviewFile, result: SlottingResult, by: list[str] | None = None,
             suppress_below: int = 5) -> EqualityResult:
    """Gives the equality breakdown of a slotting result."""
    person = {p.id: p for p in review.people}
    names = by or characteristics_found(review, result)
    share = _at_risk_shares(result)

    def value(pid: str, name: str) -> str:
        return person[pid].characteristics.get(name) or NOT_GIVEN

    breakdowns = []
    for name in names:
        counts: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys((*COUNTED, "total"), 0))
        at_risk: dict[str, Fraction] = defaultdict(Fraction)
        for r in result.people:
            group = value(r.id, name)
            counts[group][r.outcome] += 1
            counts[group]["total"] += 1
            at_risk[group] += share.get(r.id, Fraction(0))
        counts = dict(sorted(counts.items(), key=lambda kv: (kv[0] == NOT_GIVEN, kv[0])))
        all_counts = {k: sum(c[k] for c in counts.values()) for k in (*COUNTED, "total")}
        primary, secondary = suppress(counts, all_counts, suppress_below)
        flags = _flags(name, counts, at_risk, all_counts, sum(at_risk.values(), Fraction(0)), suppress_below)
        breakdowns.append(Breakdown(name, counts, dict(at_risk), all_counts, sum(at_risk.values(), Fraction(0)),
                                    primary, secondary, tuple(flags)))

    pools = []
    for post in result.posts:
        for pool in post.pools:
            composition = {name: dict(sorted(Counter(value(pid, name) for pid in pool.candidates).items()))
                           for name in names}
            pools.append((post.id, composition))
    return EqualityResult(suppress_below, tuple(breakdowns), tuple(pools))


def _at_risk_shares(result: SlottingResult) -> dict[str, Fraction]:
    """Gives each person's share of potential displacement: 1 if displaced; (k - p) / k in a pool."""
    share = {r.id: Fraction(1) for r in result.people if r.outcome == "displaced"}
    for post in result.posts:
        for pool in post.pools:
            k = len(pool.candidates)
            for pid in pool.candidates:
                share[pid] = share.get(pid, Fraction(0)) + Fraction(k - pool.places, k)
    return share


def suppress(counts: dict[str, dict[str, int]], all_counts: dict[str, int], n: int
             ) -> tuple[frozenset[tuple[str, str]], frozenset[tuple[str, str]]]:
    """Gives the (group, column) cells to hide: (primary small counts, secondary cells).

    Lines: each group's row (its outcome cells and its total), the whole review group's row, and
    each column (the group cells and the whole review group's cell). A reader knows that a primary
    cell lies in 1..n-1 and a secondary cell is some count; while an exact search finds a hidden
    cell that can take only one value, another cell of its lines is hidden (when the search runs out
    of budget, the cells are treated as pinned: the safe side).
    """
    if n <= 1:
        return frozenset(), frozenset()
    cells = {(g, k): v for g, row in counts.items() for k, v in row.items()}
    cells.update({("all", k): v for k, v in all_counts.items()})
    primary = {key for key, v in cells.items() if 0 < v < n}
    secondary: set[tuple[str, str]] = set()
    groups = list(counts) + ["all"]
    lines = [[(g, k) for k in COUNTED] + [(g, "total")] for g in groups]
    lines += [[(g, k) for g in counts] + [("all", k)] for k in (*COUNTED, "total")]
    while True:
        pinned = _pinned_cells(lines, primary, secondary, cells, n)
        if not pinned:
            return frozenset(primary), frozenset(secondary)
        hidden = primary | secondary
        touching = [line for line in lines if any(c in pinned for c in line)]
        candidates = sorted({c for line in touching for c in line if c not in hidden},
                            key=lambda c: (cells[c] == 0, c[1] == "total", cells[c], c))
        if not candidates:
            return frozenset(), frozenset(cells)  # cannot be protected: withhold the whole table
        secondary.add(candidates[0])


def _pinned_cells(lines: list, primary: set, secondary: set, cells: dict, n: int) -> list:
    """Gives the hidden cells whose value follows from what is shown (an exact search over the table)."""
    top = max(cells.values(), default=0)
    domains = {c: ((1, n - 1) if c in primary else (0, top)) if (c in primary or c in secondary) else (v, v)
               for c, v in cells.items()}
    budget = [20_000]
    pinned = []
    for c in sorted(primary | secondary):
        solution = _solve(lines, domains, budget)
        if solution is None:
            return sorted(primary | secondary)
        v = solution[c]
        lo, hi = domains[c]
        below = v > lo and _solve(lines, {**domains, c: (lo, v - 1)}, budget) is not None
        above = not below and v < hi and _solve(lines, {**domains, c: (v + 1, hi)}, budget) is not None
        if not (below or above):
            pinned.append(c)
    return pinned


def _solve(lines: list, domains: dict, budget: list) -> dict | None:
    """Gives one integer solution of the line sums within the domains, or None (also when out of budget)."""
    budget[0] -= 1
    if budget[0] < 0:
        return None
    domains = dict(domains)
    changed = True
    while changed:
        changed = False
        for line in lines:
            total, parts = line[-1], line[:-1]
            lo, hi = sum(domains[c][0] for c in parts), sum(domains[c][1] for c in parts)
            updates = {total: (max(domains[total][0], lo), min(domains[total][1], hi))}
            for c in parts:
                updates[c] = (max(domains[c][0], domains[total][0] - (hi - domains[c][1])),
                              min(domains[c][1], domains[total][1] - (lo - domains[c][0])))
            for c, d in updates.items():
                if d[0] > d[1]:
                    return None
                if d != domains[c]:
                    domains[c], changed = d, True
    open_cells = [c for c, d in domains.items() if d[0] < d[1]]
    if not open_cells:
        return {c: d[0] for c, d in domains.items()}
    c = min(open_cells, key=lambda x: (domains[x][1] - domains[x][0], x))
    lo, hi = domains[c]
    mid = (lo + hi) // 2
    return (_solve(lines, {**domains, c: (lo, mid)}, budget)
            or _solve(lines, {**domains, c: (mid + 1, hi)}, budget))


def _flags(name: str, counts: dict[str, dict[str, int]], at_risk: dict[str, Fraction], all_counts: dict[str, int],
           all_at_risk: Fraction, n: int) -> list[Flag]:
    flags = []
    show = n <= 1
    for outcome in ADVERSE:
        bad = {g: at_risk[g] if outcome == "at_risk" else Fraction(counts[g][outcome]) for g in counts}
        if all(v == 0 for v in bad.values()):
            continue
        avoid = {g: 1 - bad[g] / counts[g]["total"] for g in counts}
        best_group = max(avoid, key=lambda g: (avoid[g], g))
        best = avoid[best_group]
        for group, rate in avoid.items():
            if group == best_group or best == 0 or rate / best >= FOUR_FIFTHS:
                continue
            ratio = rate / best
            figures = (f" ({_pct(rate)} avoid it against {_pct(best)} of '{best_group}', ratio {float(ratio):.2f})"
                       if show else "")
            flags.append(Flag(name, group, outcome, "four_fifths", float(ratio) if show else None,
                              f"{name} '{group}': the rate of avoiding '{_label(outcome)}' is below four-fifths of "
                              f"the most favoured group '{best_group}'{figures}."))
    if all_at_risk > 0:
        for group in counts:
            at_risk_share = at_risk[group] / all_at_risk
            review_share = Fraction(counts[group]["total"], all_counts["total"])
            if at_risk_share > review_share:
                figures = f" ({_pct(at_risk_share)} of those at risk, {_pct(review_share)} of the review group)" \
                    if show else ""
                flags.append(Flag(name, group, "at_risk", "over_represented", None,
                                  f"{name} '{group}' is over-represented among those at risk{figures}."))
    return flags


def _label(outcome: str) -> str:
    return {"competitive": "in competition", "displaced": "displaced", "at_risk": "at risk"}[outcome]


def _pct(value: Fraction) -> str:
    return f"{float(value) * 100:.0f}%"


def as_number(value: Fraction) -> int | float | Decimal:
    """Gives a count or share as a JSON number: whole numbers as int, else rounded to 2 places."""
    if value.denominator == 1:
        return int(value)
    return round(float(value), 2)
