"""The finance view in each format: the profile by financial year, the one-off exit costs, the payback."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..formats import rate
from ..rules.exit_costs import PersonExit
from ..rules.finance import FinanceView
from .common import money

FY_HEADER = ["Financial\nyear", "Days in\nforce", "Existing £", "New £", "Gross\nsaving £", "Pay\nprotection £",
             "One-off\ncosts £", "Net\nsaving £", "Cumulative\nnet saving £"]
FY_FIELDS = ["year", "days_in_force", "existing_cost", "new_cost", "gross_saving", "protection", "one_off",
             "net_saving", "cumulative_net_saving"]
# One row per person costed for exit and per pool, and a total row: the rows counted ("yes": the displaced and the
# pools) add up to it, part by part; a pool's candidates are listed under it, not counted (their estimates set
# the pool's).
EXIT_FIELDS = ["person", "outcome", "post", "redundancy", "notice", "pension_strain", "employer_ni", "total",
               "counted", "likely_displacements", "no_figure_for", "basis"]
EXIT_MONEY = ("redundancy", "notice", "pension_strain", "employer_ni", "total")
PARTS = ("redundancy", "notice", "pension_strain", "employer_ni")
LISTED = 50


def year_cells(f: FinanceView) -> list[list[str]]:
    """Gives the profile's rows as display cells."""
    return [[y.label + (f" (+{rate(y.pay_award)} award)" if y.pay_award else ""),
             f"{y.days_in_force}/{y.days_in_year}", money(y.existing_cost), money(y.new_cost),
             money(y.gross_saving, brackets=True), money(y.protection), money(y.one_off) if y.one_off else "-",
             money(y.net_saving, brackets=True), money(y.cumulative_net_saving, brackets=True)] for y in f.years]


def year_values(f: FinanceView) -> list[list[Any]]:
    """Gives the profile's rows as values (for CSV and XLSX)."""
    return [[y.label, y.days_in_force, y.existing_cost, y.new_cost, y.gross_saving, y.protection, y.one_off,
             y.net_saving, y.cumulative_net_saving] for y in f.years]


def exit_values(f: FinanceView) -> list[list[Any]]:
    """Gives the exit costs as rows (for CSV and XLSX): the displaced, each pool followed by its candidates, and the
    total, whose figures are the sums of the rows counted."""
    e = f.exit_costs

    def person(p: PersonExit, post: str, counted: bool) -> list[Any]:
        return [p.person, p.outcome, post, *(part.amount for _, part in p.parts), p.total, "yes" if counted else "no",
                None, " ".join(p.missing),
                "" if counted else "a candidate: sets the pool's estimate, not added to the total"]

    candidates = {p.person: p for p in e.pool_candidates}
    rows = [person(p, "", True) for p in e.displaced]
    for pool in e.pools:
        amounts = dict(pool.by_part)
        rows.append(["", "pool", pool.post, *(amounts.get(name) for name in PARTS), pool.amount, "yes", pool.likely,
                     "", pool.basis])
        rows += [person(candidates[pid], pool.post, False) for pid in pool.candidates]
    rows.append(["Total", "", "", *(e.part_total(name) for name in PARTS), e.total, "", None, "",
                 "the one-off exit cost: the sum of the rows counted"])
    return rows


def payback_line(f: FinanceView) -> str:
    """Gives the payback sentence."""
    if f.payback_month is None:
        return (f"Payback: beyond the horizon - the cumulative net saving is not above zero within the "
                f"{f.horizon_months} months profiled.")
    return (f"Payback: month {f.payback_month} from the effective date (the cumulative net saving is first above "
            "zero at its end).")


def _person(p: PersonExit) -> str:
    parts = [f"{name.replace('_', ' ')} {money(part.amount) if part.amount is not None else 'no figure'} "
             f"({part.basis})" for name, part in p.parts]  # a missing part's basis says why
    return f"{money(p.total)}: " + "; ".join(parts)


def notes(f: FinanceView, esc: Callable[[Any], str] = str) -> list[str]:
    """Gives the exit costs, the people without a figure, and the conventions, as lines."""
    e = f.exit_costs
    if e.stage == "current":
        lines = [payback_line(f), f"One-off exit costs after the decisions recorded: {money(e.total)}, in "
                 f"{f.years[0].label} - {money(e.actual_total)} ACTUAL (the redundancies decided), "
                 f"{money(e.total - e.actual_total)} ESTIMATE (still open)."]
    else:
        lines = [payback_line(f), f"One-off exit costs (ESTIMATE): {money(e.total)}, in {f.years[0].label}."]
    for p in e.displaced[:LISTED]:
        said = f"{p.status.replace('_', ' ')}, {'actual' if p.actual else 'estimate'}" if p.status else p.outcome
        lines.append(f"  - {esc(p.person)} ({said}): {esc(_person(p))}")
    if len(e.displaced) > LISTED:
        lines.append(f"  - ... and {len(e.displaced) - LISTED:,} more displaced people: see --format json")
    for pool in e.pools[:LISTED]:
        lines.append(f"  - pool for {esc(pool.post)}: {money(pool.amount)} ({pool.basis})")
    if len(e.pools) > LISTED:
        lines.append(f"  - ... and {len(e.pools) - LISTED:,} more pools: see --format json")
    if e.pool_candidates:
        lines.append("  The pools' candidates (their estimates set each pool's; not added to the total):")
    for p in e.pool_candidates[:LISTED]:
        lines.append(f"    - candidate {esc(p.person)}: {esc(_person(p))}")
    if len(e.pool_candidates) > LISTED:
        lines.append(f"    - ... and {len(e.pool_candidates) - LISTED:,} more candidates: see --format json")
    for part, people in e.missing:
        shown = ", ".join(map(esc, people[:LISTED])) + (f" and {len(people) - LISTED:,} more" if len(people) > LISTED
                                                        else "")
        lines.append(f"  No figure for {part.replace('_', ' ')}: {shown}")
    lines += [f"  {n}" for n in e.notes]
    lines.append("Conventions of the financial years:")
    lines += [f"  - {c}" for c in f.conventions]
    return lines


def finance_data(f: FinanceView) -> dict[str, Any]:
    """Gives the finance view as JSON-ready data (the savings JSON's `finance` object)."""
    e = f.exit_costs

    def part(p: Any) -> dict[str, Any]:
        return {"amount": p.amount, "basis": p.basis}

    def person(p: PersonExit, counted: bool) -> dict[str, Any]:
        data = {"person": p.person, "outcome": p.outcome, "redundancy": part(p.redundancy),
                "notice": part(p.notice), "pension_strain": part(p.strain), "total": p.total,
                "no_figure_for": list(p.missing), "employer_ni": part(p.employer_ni), "counted": counted}
        if e.stage == "current":  # additive: the status after the decisions, and whether the cost is actual
            data.update(status=p.status, actual=p.actual)
        return data

    return {
        "financial_year_start": f.year_start,
        "years": [{"year": y.label, "start": y.start.isoformat(), "end": y.end.isoformat(),
                   "days_in_force": y.days_in_force, "days_in_year": y.days_in_year, "pay_award": y.pay_award,
                   "existing_cost": y.existing_cost, "new_cost": y.new_cost, "gross_saving": y.gross_saving,
                   "protection": y.protection, "one_off": y.one_off, "net_saving": y.net_saving,
                   "cumulative_net_saving": y.cumulative_net_saving} for y in f.years],
        "exit_costs": {"estimate": True, "total": e.total, "displaced": [person(p, True) for p in e.displaced],
                       "pool_candidates": [person(p, False) for p in e.pool_candidates],
                       "pools": [{"post": p.post, "likely_displacements": p.likely, "amount": p.amount,
                                  "basis": p.basis, "candidates": list(p.candidates), "by_part": dict(p.by_part),
                                  "counted": True} for p in e.pools],
                       "no_figure": {name: list(ids) for name, ids in e.missing}, "notes": list(e.notes),
                       "part_totals": {name: e.part_total(name) for name in PARTS},
                       **({"estimate": e.total != e.actual_total, "stage": e.stage, "actual": e.actual_total,
                           "estimated": e.total - e.actual_total} if e.stage == "current" else {})},
        "payback_month": f.payback_month,
        "horizon_months": f.horizon_months,
        "conventions": list(f.conventions),
    }
