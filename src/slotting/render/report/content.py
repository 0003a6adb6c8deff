"""The paper's content as plain data, section by section: what the Typst template, the Markdown and the Word
document lay out."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from typing import Any

from ...formats import money, percent, plural
from ...formats import plain as written
from ...rules.equality import Breakdown, EqualityResult
from ...rules.results import OUTCOMES
from ...rules.savings import Row, SavingsResult
from .. import charts
from ..equality import CONFIDENTIAL, TITLES
from ..equality import table_rows as equality_rows
from ..finance import FY_HEADER, payback_line, year_cells
from ..savings import HEADER, YEAR_HEADER, flat, table_rows, target_line, year_header, year_rows, year_title
from .committee import committee_data
from .exits import exit_notes, exit_people, exit_rows, exit_sources
from .paper import (
    BREAKDOWNS,
    CELL_CHARS,
    DEFAULT_SUPPRESSION,
    LINES,
    LISTED,
    ROWS,
    TEXT_CHARS,
    Paper,
    capped,
    counts_shown,
    first_rows,
    published,
    summary_sentences,
    suppression,
)
from .structure import Structure, structure_charts

TABLES = ("outcomes", "pools", "people", "savings", "years", "financial_years", "exit_costs", "exit_sources",
          "exit_people", "pay_ranges")


def paper_data(p: Paper, structures: list[Structure] | None = None) -> dict[str, Any]:
    """Gives the report's content as plain data (the Typst template lays it out); `structures` are the structure
    charts when they have been drawn already."""
    data: dict[str, Any] = {"title": p.title, "review": p.review.review.name, "version": p.version, "date": p.date,
                            "sha256": p.sha256, "audience": p.audience, "sections": list(p.sections)}
    if p.audience != "confidential" and not published(p):
        data["unpublishable"] = (f"NOT FOR PUBLICATION: small counts shown (--suppress-below "
                                 f"{suppression(p)}, below the default {DEFAULT_SUPPRESSION})")
    if p.review.review.paper is not None:
        data["committee"] = committee_data(p)
    if "summary" in p.sections:
        data["summary"] = summary_sentences(p)
    if "structure" in p.sections:
        data["structure"] = [{"heading": h, "note": n, "charts": [_chart(c) for c in drawn]}
                             for h, drawn, n in (structures if structures is not None else structure_charts(p))]
    if "slotting" in p.sections:
        data.update(slotting_data(p))
    if "savings" in p.sections:
        data.update(savings_data(p))
    if "equality" in p.sections and p.equality is not None:
        data.update(equality_data(p.equality))
    if "method" in p.sections:
        data["method"] = _policy_lines(p) if p.review.review.paper is None else _method_lines(p)
        data["pay_ranges"] = first_rows([["Grade", "Spine", "Points", "Bottom", "Top"], *_pay_ranges(p)], ROWS,
                                        "grades", "slotting validate")
    return data


def _chart(c: charts.Chart) -> dict[str, Any]:
    """Gives what the template needs of a structure chart: the post it continues from, its width on the page,
    and (when its words are set apart) its natural size and its labels."""
    found: dict[str, Any] = {"under": c.under or "", "width": min(c.width, charts.PAGE_W)}
    if c.labels:
        found |= {"natural": c.width, "height": c.height, "labels": c.labels}
    return found


def slotting_data(p: Paper) -> dict[str, Any]:
    """Gives the slotting section: the outcomes, the pools and (confidential) the people."""
    c = counts_shown(p)
    data: dict[str, Any] = {"outcomes": [["Outcome", "People"], *[[TITLES.get(o, o), c[o]] for o in OUTCOMES],
                                         ["Total", c["total"]]]}
    # a pool's candidates add up to the competitive count and what is beyond its places to the potential
    # displacements: each column is left out where its total is hidden
    beyond = c["potential"].replace(",", "").isdigit()
    candidates = beyond and c["competitive"].replace(",", "").isdigit()  # candidates - places = beyond
    data["pools"] = first_rows([["New post", "Basis", *(["Candidates"] if candidates else []), "Places",
                                 *(["Beyond the places"] if beyond else [])],
                                *[[p.review.new_post[pool.post].title, pool.basis,
                                   *([str(len(pool.candidates))] if candidates else []), written(pool.places),
                                   *([str(pool.beyond)] if beyond else [])] for pool in p.result.pools]],
                               ROWS, "pools", "slotting run")
    if not (candidates and beyond) and p.result.pools:
        data["pools_note"] = ("Candidates and potential displacements by pool are left out: they would give away "
                              "counts the equality tables hide (--audience confidential gives them).")
    if p.audience == "confidential":
        data.update(people_data(p))
    return data


def people_data(p: Paper) -> dict[str, Any]:
    """Gives the confidential paper's list of people (the first LISTED, by id) and its note when cut."""
    data: dict[str, Any] = {}
    data["people"] = [["Id", "Name", "Current post", "Outcome", "New post(s)", "New salary", "Protection"],
                      *[[r.id, r.name or "", p.review.old_post[r.current_post].title, r.outcome,
                         "; ".join(p.review.new_post[x.post].title for x in r.slots) or "-",
                         " / ".join(money(x.pay.amount) for x in r.slots) or "-",
                         " / ".join(money(x.pay.protection) for x in r.slots) or "-"]
                        for r in p.result.people[:LISTED]]]
    if len(p.result.people) > LISTED:
        data["people_note"] = (f"The first {LISTED:,} of {len(p.result.people):,} people, by id; the whole list "
                               "is `slotting run` (--format csv or xlsx for a spreadsheet).")
    return data


def savings_data(p: Paper) -> dict[str, Any]:
    """Gives the savings section: the table, the profile(s), the exit costs with the finance view, the target
    and the conventions."""
    data: dict[str, Any] = {"savings": [flat(HEADER), *table_rows(savings_shown(p.savings))]}
    finance = p.savings.finance
    if finance is None:
        data["years"] = [flat(YEAR_HEADER), *year_rows(p.savings)]
    else:  # both profiles as `savings` prints them: the 12-month one is the financial years' figures regrouped
        data["years"] = [flat(year_header(p.savings)), *year_rows(p.savings)]
        data["years_title"] = year_title(p.savings)
        data["financial_years"] = [flat(FY_HEADER), *year_cells(finance)]
        data["payback"] = payback_line(finance)
        data["exit_costs"] = exit_rows(p)
        data["exit_sources"] = exit_sources(p)
        data["exit_notes"] = exit_notes(p)
        if p.audience == "confidential":
            data["exit_people"] = first_rows(exit_people(p), ROWS, "people", "slotting savings")
            data["exit_people_note"] = ("Each person's estimate, as slotting savings gives it. A competitive pool's "
                                        "candidates are listed with their own estimates, which set the pool's; "
                                        "only the pool's likely displacements are counted in the total.")
    data["target"] = target_line(p.savings) or ""
    data["conventions"] = list(p.savings.conventions)
    if finance is not None:
        data["finance_conventions"] = list(finance.conventions)
    estimated = list(p.savings.estimated_points)
    data["estimated"] = estimated[:LINES] + [f"... and {len(estimated) - LINES:,} more (each in slotting savings)"
                                             ] * (len(estimated) > LINES)
    return data


def equality_data(equality: EqualityResult) -> dict[str, Any]:
    """Gives the equality section: a table and the flags for each characteristic, and the note that says how
    counts are hidden (the [c] mark explained only where a table shows it)."""
    breakdowns = [{"characteristic": b.characteristic, "rows": equality_table(b, equality),
                   "flags": capped([f.message for f in b.flags], "flags")}
                  for b in equality.breakdowns[:BREAKDOWNS]]
    n = equality.suppress_below
    marked = any(CONFIDENTIAL in row for b in breakdowns for row in b["rows"])
    if n <= 1:
        note = "No counts are suppressed (--suppress-below 0). Flags are a screening signal, not a legal finding."
    else:
        hidden = "; cells hidden so that those cannot be worked out are shown as [c]" if marked else ""
        note = (f"Counts from 1 to {n - 1} are shown as <{n}{hidden}. Flags are a screening signal for a closer look, "
                "not a legal finding.")
    if len(equality.breakdowns) > BREAKDOWNS:
        note += (f" The first {BREAKDOWNS} of {len(equality.breakdowns):,} characteristics are shown; each is in "
                 "slotting equality.")
    return {"equality": breakdowns, "equality_note": note}


def equality_table(b: Breakdown, equality: EqualityResult) -> list[list[str]]:
    """Gives one characteristic's table: its header, at most ROWS groups (and a row counting the others,
    never summing them: that could undo the suppression) and the whole review group."""
    header = ["Group", *(TITLES[c] for c in TITLES)]
    *groups, whole = equality_rows(b, equality)
    if len(groups) > ROWS:
        more = f"... and {len(groups) - ROWS:,} more groups (each in slotting equality)"
        groups = [*groups[:ROWS], [more] + [""] * (len(header) - 1)]
    return [header, *groups, whole]


def savings_shown(s: SavingsResult) -> SavingsResult:
    """Gives the savings with at most ROWS rows: the groups that cost most, in their order, and one row that
    sums the others, so that the rows still add up to the total."""
    if len(s.rows) <= ROWS:
        return s
    kept = set(sorted(range(len(s.rows)), key=lambda i: -(s.rows[i].existing_cost + s.rows[i].new_cost))[:ROWS - 1])
    rest = [r for i, r in enumerate(s.rows) if i not in kept]
    other = Row(f"{len(rest):,} other groups (each in slotting savings)", sum(r.existing_posts for r in rest),
                sum((r.existing_cost for r in rest), Decimal(0)), sum(r.new_posts for r in rest),
                sum((r.new_cost for r in rest), Decimal(0)), sum((r.saving for r in rest), Decimal(0)))
    return replace(s, rows=(*(r for i, r in enumerate(s.rows) if i in kept), other))


def cut(value: Any, limit: int) -> Any:
    """Gives data with each text longer than `limit` characters cut short, marked with an ellipsis."""
    if isinstance(value, str):
        return value if len(value) <= limit else value[:limit - 1] + "\u2026"
    if isinstance(value, list):
        return [cut(v, limit) for v in value]
    if isinstance(value, dict):
        return {k: cut(v, limit) for k, v in value.items()}
    return value


def bounded(data: dict[str, Any]) -> dict[str, Any]:
    """Gives the paper's data with each table cell cut to CELL_CHARS characters and other text to TEXT_CHARS."""
    out = {k: cut(v, CELL_CHARS if k in TABLES else TEXT_CHARS) for k, v in data.items()}
    for b in out.get("equality", []):
        b["rows"] = cut(b["rows"], CELL_CHARS)
    return out


def _policy_lines(p: Paper) -> list[str]:
    """Gives the method's lines: the rules' values, each default with its cited source."""
    policy = p.review.policy
    fields = type(policy).model_fields
    lines = [f"Assimilation: a score of at least {percent(policy.assimilate_threshold)} (overlap measure "
             f"{policy.overlap_measure}) and grade limits {policy.assimilate_limits.down} down, "
             f"{policy.assimilate_limits.up} up.",
             f"Matching: a score of at least {percent(policy.match_threshold)}"
             + (f" and at most {percent(policy.match_upper)}" if policy.match_upper is not None else "")
             + f", grade limits {policy.match_limits.down} down, {policy.match_limits.up} up; matched people are assessed.",
             f"Places counted by {policy.places}; ring-fence: {policy.ring_fence_mode}; split slots on an exact tie: "
             f"{'yes' if policy.split_slots else 'no'}.",
             f"Pay: the nearest spinal point of the new grade (ties: {policy.nearest_point_tie}); protection: "
             f"{policy.protection.scheme}, {plural(policy.protection_years, 'year')}."]
    for name in ("assimilate_threshold", "match_threshold", "protection_years", "nearest_point_tie"):
        default = fields[name].default
        source = fields[name].description or ""
        value = getattr(policy, name)
        if value == default:  # the reference case's value: its source is the reference case's
            lines.append(f"{name} = {written(value)}: the default. {source}")
        else:  # the review's own value: what it means, never the reference case's words for another value
            lines.append(f"{name} = {written(value)}: set by the review (default {default}). {_meaning(source)}")
    return lines


def _meaning(description: str) -> str:
    """Gives a policy field's description up to the first sentence that cites the reference case (Leicester)."""
    kept = []
    for sentence in re.split(r"(?<=[.)])\s+(?=[A-Z'])", description):
        if "Leicester" in sentence:
            break
        kept.append(sentence)
    return " ".join(kept)


def _method_lines(p: Paper) -> list[str]:
    """Gives the method in the employer's words: the rules' values, and the employer's own policy and
    references (review.paper.policy); never the tool's field names or another employer's text."""
    paper = p.review.review.paper
    assert paper is not None
    return _policy_lines(p)[:4] + (list(paper.policy) or [
        "These are the review's policy values; the employer's own policy references are not given."])


def _pay_ranges(p: Paper) -> list[list[str]]:
    """Gives each graded pay range on a spine: its points and the amounts at the bottom and the top."""
    rows = []
    for grade in sorted(p.review.grades, key=lambda g: -g.level):
        if grade.spine and grade.points:
            spine = p.review.pay_spines[grade.spine]
            bottom, top = spine[grade.points[0]], spine[grade.points[1]]
            rows.append([f"{grade.name} ({grade.id})", grade.spine, f"{grade.points[0]}-{grade.points[1]}",
                         money(bottom.amount), money(top.amount)])
    return rows
