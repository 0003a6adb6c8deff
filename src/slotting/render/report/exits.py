"""The paper's one-off exit costs (with the finance view): by part, by where they fall, their notes, and (in the
confidential paper) by person; every figure the `savings` result's."""

from __future__ import annotations

from decimal import Decimal

from ...formats import money
from ...rules.exit_costs import ExitCosts, PersonExit
from .paper import LINES, ROWS, Paper, capped, counts_shown, people_count, published, suppression

EXIT_PARTS = {"redundancy": "Redundancy pay", "notice": "Pay in lieu of notice", "pension_strain": "Pension strain",
              "employer_ni": "Employer National Insurance"}


def exit_rows(p: Paper) -> list[list[str]]:
    """Gives the paper's table of one-off exit costs by part (redundancy pay, notice, pension strain, employer
    NI), each the total `savings` gives for the part, and the total. A public paper never gives one person's
    parts: when the total is one displaced person's, it is given alone."""
    assert p.savings.finance is not None
    e = p.savings.finance.exit_costs
    rows = [[exit_heading(e), "£"]]
    if len(e.displaced) == 1 and not e.pools and p.audience != "confidential" and e.stage == "current":
        rows.append([f"{_leaving(p, e.displaced)[0][0]} (the parts of one person's cost are not given in a public "
                     "paper)", money(e.total)])
    elif len(e.displaced) == 1 and not e.pools and p.audience != "confidential":
        rows.append(["1 person displaced (the parts of one person's cost are not given in a public paper)"
                     if counts_shown(p)["displaced"] == "1" else
                     "Displaced (the parts are not given in a public paper: they could be one person's cost)",
                     money(e.total)])
    else:
        rows += [[label, money(e.part_total(name))] for name, label in EXIT_PARTS.items()]
    rows.append([f"Total, in {p.savings.finance.years[0].label}", money(e.total)])
    return rows


def exit_sources(p: Paper) -> list[list[str]]:
    """Gives the same total by where it falls: the displaced together, each competitive pool's estimate as a
    total (its likely displacements, never its candidates one by one), and the total."""
    assert p.savings.finance is not None
    e = p.savings.finance.exit_costs
    rows = [["Of which", "£"]]
    if e.displaced and e.stage == "current":
        rows += [[who, money(amount)] for who, amount in _leaving(p, e.displaced)]
    elif e.displaced:
        displaced = counts_shown(p)["displaced"]
        who = people_count(len(e.displaced)) if displaced.replace(",", "").isdigit() else "The people"
        rows.append([f"{who} displaced", money(sum((d.total for d in e.displaced), Decimal(0)))])
    pools = list(e.pools)
    shown = pools if len(pools) <= ROWS else pools[:ROWS - 1]
    rows += [[f"Pool for {p.review.new_post[pool.post].title}: {pool.basis}", money(pool.amount)] for pool in shown]
    if len(pools) > len(shown):  # the rest summed in one row, so that the rows still add up to the total
        rest = pools[len(shown):]
        rows.append([f"{len(rest):,} other pools (each in slotting savings)",
                     money(sum((pool.amount for pool in rest), Decimal(0)))])
    rows.append(["Total", money(e.total)])
    return rows


def exit_heading(e: ExitCosts) -> str:
    """Gives the exit costs' heading: an estimate at the proposal; at the current stage, what is decided and not."""
    if e.stage != "current":
        return "One-off exit costs (estimate)"
    if e.actual_total == e.total and not e.pools and all(d.actual for d in e.displaced):
        return "One-off exit costs (redundancies decided)"
    return "One-off exit costs (redundancies decided, and an estimate for those still at risk)"


def _leaving(p: Paper, people: tuple[PersonExit, ...]) -> list[tuple[str, Decimal]]:
    """Gives the current stage's people by whether their redundancy is decided, each with their total: the
    redundancies decided (actual) and the people still at risk (estimated). A public paper counts fewer than its
    suppression threshold as such, since these counts are not among the outcome counts it protects."""
    n = suppression(p)
    rows = []
    for actual, one, many in ((True, "redundancy decided", "redundancies decided"),
                              (False, "person still at risk", "people still at risk")):
        group = [d for d in people if d.actual is actual]
        if not group:
            continue
        count = len(group)
        words = (f"{count:,} {one if count == 1 else many}" if p.audience == "confidential" or not published(p)
                 or count >= n else f"Fewer than {n} {many}")
        rows.append((f"{words} ({'actual' if actual else 'estimate'})", sum((d.total for d in group), Decimal(0))))
    return rows


def exit_notes(p: Paper) -> list[str]:
    """Gives the notes under the exit costs: the parts without a figure (how many people; who, in a confidential
    paper) and the estimate's notes."""
    assert p.savings.finance is not None
    e = p.savings.finance.exit_costs
    lines = []
    for name, people in e.missing:
        label = EXIT_PARTS.get(name, name.replace("_", " ")).lower()
        if p.audience == "confidential":
            lines.append(f"No figure for {label}: " + ", ".join(people[:LINES])
                         + (f" and {len(people) - LINES:,} more" if len(people) > LINES else "") + ".")
        else:
            n = suppression(p)
            count = people_count(len(people)) if not published(p) or len(people) >= n else f"fewer than {n} people"
            lines.append(f"No figure for {label} for {count} at risk (named in slotting savings).")
    return capped(lines + list(e.notes), "notes")


def exit_people(p: Paper) -> list[list[str]]:
    """Gives the confidential paper's exit costs person by person: the displaced, then the pools' candidates (of
    whom only the likely displacements are costed, in their pool's estimate)."""
    assert p.savings.finance is not None
    e = p.savings.finance.exit_costs
    rows = [["Id", "Name", "Outcome", *EXIT_PARTS.values(), "Total"]]
    for person in (*e.displaced, *e.pool_candidates):
        rows.append([person.person, p.review.person[person.person].name or "", person.outcome,
                     *(money(part.amount) if part.amount is not None else "no figure" for _, part in person.parts),
                     money(person.total)])
    return rows
