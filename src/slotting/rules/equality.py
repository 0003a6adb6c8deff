"""The equality impact summary of a slotting outcome, with disclosure control.

Public bodies must assess the equality impact of a restructure (Equality Act 2010 s.149; the
Leicester review's Appendix H does it by hand). This module counts outcomes by each protected
characteristic, flags possible adverse impact for screening, and suppresses small counts.

Screening: for each outcome that is bad for the person (in competition, displaced, at risk), the
rate of *avoiding* it in each group is compared with the most favoured group, and flagged below
four-fifths (the "four-fifths rule" of thumb); a group whose share of those at risk exceeds its
share of the review group is flagged as over-represented. These are signals to look closer, not
a legal finding, and with small groups they are unstable.

Disclosure control (rules.disclosure): counts from 1 to N-1 are shown as "<N"; further cells are
hidden until no hidden cell can be worked out from the totals. A cell hidden only to protect
another is shown as "[c]": it may hold any count, zero or N and over included.

By stage: at the proposal, at risk is the displaced and each pool's candidates beyond its places; at the current
stage (with decisions recorded, rules.decisions), the people the cascade leaves at risk or made redundant, and each
pool not yet selected's likely displacements shared among the candidates still in it (rules.exit_costs.staged, the
same people `savings` costs). The outcome columns stay the proposal's. A current at-risk figure is not a part of
the outcome counts' rows, so their suppression cannot protect it: when any is a small count, every other non-zero
at-risk figure of every table is hidden with it (the whole group's too, which a table shown whole would give).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

from ..formats import share
from ..model import ReviewFile
from .disclosure import suppress_shared
from .exit_costs import staged
from .results import SlottingResult

if TYPE_CHECKING:
    from .decisions import Decided

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
    # at the current stage: the groups ("all" for the whole group) whose at-risk figure is hidden to protect another
    at_risk_hidden: frozenset[str] = frozenset()


@dataclass(frozen=True)
class EqualityResult:
    suppress_below: int
    breakdowns: tuple[Breakdown, ...]
    pools: tuple[tuple[str, dict[str, dict[str, int]]], ...]
    stage: str | None = None  # with decisions recorded: "proposal" or "current"; None without


def characteristics_found(review: ReviewFile, result: SlottingResult) -> list[str]:
    """Gives the characteristic names given for anyone in the review, sorted."""
    person = review.person
    return sorted({name for r in result.people for name in person[r.id].characteristics})


def equality(review: ReviewFile, result: SlottingResult, by: list[str] | None = None,
             suppress_below: int = 5, stage: str | None = None, standings: Decided | None = None) -> EqualityResult:
    """Gives the equality breakdown of a slotting result: its at-risk figures at the proposal or, given the cascade's
    standings, at the current stage; `stage` names it in the result (for a review with decisions)."""
    person = review.person
    names = by or characteristics_found(review, result)
    share = _at_risk_shares(result, standings)

    def value(pid: str, name: str) -> str:
        return person[pid].characteristics.get(name) or NOT_GIVEN

    tables = [_table(result, name, value, share) for name in names]
    all_counts = {k: sum(1 for r in result.people if r.outcome == k) for k in COUNTED} | {"total": len(result.people)}
    # the tables share the whole group's row: hidden together, so that no table gives away what another hides
    hidden = suppress_shared([counts for _, counts, _ in tables], all_counts, suppress_below)
    withheld = standings is not None and suppress_below > 1 and any(
        0 < v < suppress_below for _, _, at_risk in tables for v in [*at_risk.values(), sum(at_risk.values())])
    breakdowns = []
    for (name, counts, at_risk), (primary, secondary) in zip(tables, hidden):
        flags = _flags(name, counts, at_risk, all_counts, sum(at_risk.values(), Fraction(0)), suppress_below)
        protecting = frozenset(g for g in [*counts, "all"] if withheld and (
            sum(at_risk.values(), Fraction(0)) if g == "all" else at_risk.get(g, Fraction(0))) >= suppress_below)
        breakdowns.append(Breakdown(name, counts, dict(at_risk), all_counts, sum(at_risk.values(), Fraction(0)),
                                    primary, secondary, tuple(flags), protecting))
    return EqualityResult(suppress_below, tuple(breakdowns), _pools(result, names, value), stage)


def _pools(result: SlottingResult, names: list[str], value: Callable[[str, str], str]
           ) -> tuple[tuple[str, dict[str, dict[str, int]]], ...]:
    """Gives each competitive pool's post with its candidates' groups counted, per characteristic."""
    return tuple((post.id, {name: dict(sorted(Counter(value(pid, name) for pid in pool.candidates).items()))
                            for name in names})
                 for post in result.posts for pool in post.pools)


def _table(result: SlottingResult, name: str, value: Callable[[str, str], str], share: dict[str, Fraction]
           ) -> tuple[str, dict[str, dict[str, int]], dict[str, Fraction]]:
    """Gives one characteristic's table: its name, each group's counts by outcome (groups sorted, not given last)
    and each group's share of the potential displacements."""
    counts: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys((*COUNTED, "total"), 0))
    at_risk: dict[str, Fraction] = defaultdict(Fraction)
    for r in result.people:
        group = value(r.id, name)
        counts[group][r.outcome] += 1
        counts[group]["total"] += 1
        at_risk[group] += share.get(r.id, Fraction(0))
    return name, dict(sorted(counts.items(), key=lambda kv: (kv[0] == NOT_GIVEN, kv[0]))), at_risk


def _at_risk_shares(result: SlottingResult, standings: Decided | None = None) -> dict[str, Fraction]:
    """Gives each person's share of potential displacement: 1 if displaced (at the current stage, left at risk
    outside a pool or made redundant); (k - p) / k in a pool (not yet selected, of the k candidates still in it)."""
    stage = staged(result, standings)
    share = {pid: Fraction(1) for pid, _, _ in stage.people}
    for _, candidates, likely in stage.pools:
        k = len(candidates)
        for pid in candidates:
            share[pid] = share.get(pid, Fraction(0)) + Fraction(likely, k)
    return share


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
            figures = (f" ({share(rate)} avoid it against {share(best)} of '{best_group}', ratio {float(ratio):.2f})"
                       if show else "")
            flags.append(Flag(name, group, outcome, "four_fifths", float(ratio) if show else None,
                              f"{name} '{group}': the rate of avoiding '{_label(outcome)}' is below four-fifths of "
                              f"the most favoured group '{best_group}'{figures}."))
    if all_at_risk > 0:
        for group in counts:
            at_risk_share = at_risk[group] / all_at_risk
            review_share = Fraction(counts[group]["total"], all_counts["total"])
            if at_risk_share > review_share:
                figures = f" ({share(at_risk_share)} of those at risk, {share(review_share)} of the review group)" \
                    if show else ""
                flags.append(Flag(name, group, "at_risk", "over_represented", None,
                                  f"{name} '{group}' is over-represented among those at risk{figures}."))
    return flags


def _label(outcome: str) -> str:
    return {"competitive": "in competition", "displaced": "displaced", "at_risk": "at risk"}[outcome]


def as_number(value: Fraction) -> int | float | Decimal:
    """Gives a count or share as a JSON number: whole numbers as int, else rounded to 2 places."""
    if value.denominator == 1:
        return int(value)
    return round(float(value), 2)
