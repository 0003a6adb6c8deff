"""The committee paper: a PDF made with Typst (offline, fonts embedded), or the same in Markdown.

Every figure comes from the results the other commands give (slotting, savings, equality): with the finance
view, the profiles, the payback and the exit costs are read from the `savings` result, never worked out here.
The Typst template (report.typ) is fixed: the content reaches it as JSON data and SVG charts through Typst's
`sys.inputs`, never as Typst source, so no name or title can be read as markup. With the public audience
(the default) the paper holds no person-level data: counts, posts and money only.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from decimal import Decimal
from importlib.resources import files
from typing import Any

from ..model import ReviewFile
from ..model.types import written
from ..rules.case import Cases
from ..rules.disclosure import protect_line
from ..rules.equality import Breakdown, EqualityResult
from ..rules.exit_costs import ExitCosts, PersonExit
from ..rules.reasons import percent, places, plural
from ..rules.results import OUTCOMES, SlottingResult
from ..rules.savings import Row, SavingsResult
from ..rules.timeline import TimelineResult
from . import charts
from .common import markdown, markdown_table, money
from .equality import CONFIDENTIAL, TITLES
from .equality import table_rows as equality_rows
from .finance import FY_HEADER, payback_line, year_cells
from .savings import HEADER, YEAR_HEADER, flat, table_rows, target_line, year_header, year_rows, year_title

SECTIONS = ("summary", "structure", "slotting", "savings", "equality", "method")
# What Typst is given is bounded whatever the review's size, so that laying out the paper takes seconds and
# a few hundred megabytes: a 20,000-group review once took 55 s and 4 GB, and a larger one aborted Typst.
DRAWN = 1000  # posts of a structure drawn box by box (over as many charts as it takes); beyond, one box a group
GROUPS_DRAWN = 40  # group boxes in a large structure's chart: the groups with most places, the rest in one box
BARS = 30  # groups drawn in the chart of costs: those that cost most
LISTED = 1000  # people in the confidential paper's list (a typeset table of 20,000 rows takes minutes and gigabytes)
ROWS = 200  # rows of any other table (groups, pools, grades): the rest summed in one row, or counted
BREAKDOWNS = 20  # characteristics in the equality section
LINES = 50  # lines of a list (flags, estimated spinal points)
CELL_CHARS = 120  # characters of a table cell or a chart's label in the PDF
TEXT_CHARS = 1000  # characters of any other text in the PDF (a title, a sentence)
LAYOUT_BYTES = 3 * 1024**3  # the address space Typst may take (see typeset)


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
    s, r = p.result.summary, p.review.review
    c = counts_shown(p)
    when = f", effective {r.effective_date.day} {r.effective_date:%B %Y}" if r.effective_date else ""
    people = "person" if c["total"] == "1" else "people"
    potential = (plural(s.potential_displacements, 'potential displacement') if c["potential"].isdigit()
                 else f"{c['potential']} potential displacements")
    lines = [f"{r.name}{when}: {c['total']} {people} in the review.",
             f"{c['assimilated']} assimilated, {c['matched']} matched (subject to assessment), {c['competitive']} in "
             f"{plural(s.pools, 'competitive pool')}, {c['displaced']} displaced; "
             f"{potential} and {places(s.ring_fenced_places)} ring-fenced.",
             f"Full-year saving {money(p.savings.total.saving, brackets=True)} (new posts costed at: {p.savings.basis})."]
    if any(not v.replace(",", "").isdigit() for v in c.values()):
        lines.append(f"Counts from 1 to {_n(p) - 1} are shown as <{_n(p)}, and counts that would give them away as "
                     f"{CONFIDENTIAL}, as in the equality tables.")
    line = target_line(p.savings)
    if line:
        lines.append(line)
    if p.savings.finance is not None:
        lines.append(payback_line(p.savings.finance))
    return lines


def _n(p: Paper) -> int:
    return p.equality.suppress_below if p.equality is not None else DEFAULT_SUPPRESSION


def _old_parts(p: Paper, post_id: str) -> tuple[str, tuple[tuple[str, int], ...]]:
    """Gives an old post's key and, when its places differ, how they divide: in the public paper held, vacant or
    outside the review; in the confidential paper by the outcome of each holder."""
    post = p.review.old_post[post_id]
    if not post.in_review:
        return "outside", ()
    holders = [h for h in p.review.holders.get(post_id, []) if p.result.person(h.id) is not None]
    held: Counter = Counter()
    for h in holders:
        person = p.result.person(h.id)
        assert person is not None
        held["held" if p.audience != "confidential" else person.outcome] += 1
    vacant = max(post.count - len(holders), 0) if holders else post.count
    if vacant:
        held["vacant"] += vacant
    parts = tuple((k, held[k]) for k in charts.COLOURS if held.get(k))
    if not parts:
        return "outside", ()
    return (parts[0][0], ()) if len(parts) == 1 else ("mixed", parts)


def _new_parts(p: Paper, post_id: str) -> tuple[str, tuple[tuple[str, int | Decimal], ...]]:
    """Gives a new post's key and, when its places are filled in more than one way, how they divide. The public
    paper shows the structure alone: how a post is filled would tell, for a post with one successor, what
    became of its holder."""
    post = p.review.new_post[post_id]
    if not post.in_review:
        return "outside", ()
    if p.audience != "confidential":
        return "post", ()
    found = p.result.post(post_id)
    if found.on_hold:
        return "on hold", ()
    filled: list[tuple[str, int | Decimal]] = [
        ("assimilated", len(found.assimilated)), ("matched", len(found.matched)),
        ("pool", sum((pool.places for pool in found.pools), 0)), ("ring-fenced", found.ring_fenced_places)]
    parts = tuple((k, n) for k, n in filled if n)
    if not parts:
        return "vacant", ()
    return (parts[0][0], ()) if len(parts) == 1 else ("mixed", parts)


STRUCTURE_NOTE_PUBLIC_NEW = ("This public paper draws the new structure alone: how a post is filled would tell, "
                             "for a post with one successor, what became of its holder (--audience confidential "
                             "colours each post by how it is filled).")


def structure_charts(p: Paper) -> list[tuple[str, list[charts.Chart], str]]:
    """Gives (heading, charts, note) for the old and the new structure: every post drawn, split over several
    charts by branch when the structure does not fit a page, or one box per group beyond DRAWN posts."""
    made = []
    confidential = p.audience == "confidential"
    for name, posts, parts_of, legend in (
            ("The existing structure, coloured by the outcome of each post's holder" if confidential else
             "The existing structure", p.review.old_structure.posts, _old_parts,
             ["assimilated", "matched", "competitive", "displaced", "vacant", "outside"] if confidential
             else ["held", "vacant", "outside"]),
            ("The new structure, coloured by how each post is filled" if confidential else "The new structure",
             p.review.new_structure.posts, _new_parts,
             ["assimilated", "matched", "pool", "ring-fenced", "on hold", "vacant", "outside"] if confidential
             else ["post", "outside"])):
        group = {post.id: post.group or p.review.grade[post.grade].name for post in posts}
        if len(posts) > DRAWN:
            counts: dict[str, dict[str, int | Decimal]] = {}  # places: whole, or FTE as Decimals
            for post in posts:
                key, parts = parts_of(p, post.id)
                shares: tuple[tuple[str, int | Decimal], ...] = parts or ((key, post.count),)
                bucket = counts.setdefault(group[post.id], {})
                for part, amount in shares:
                    bucket[part] = bucket.get(part, 0) + amount
            svg = charts.group_chart(_largest_groups(counts), legend)
            w, h = _size(svg)
            drawn = [charts.Chart(svg, w, h, None, len(counts))]
            note = (f"{len(posts):,} posts: drawn as one box per group, with its places counted by colour. "
                    "The post-by-post list is in `slotting run`.")
            if len(counts) > GROUPS_DRAWN:
                note += (f" The {GROUPS_DRAWN - 1} groups with most places are drawn; the other "
                         f"{len(counts) - GROUPS_DRAWN + 1:,} are counted together in the last box.")
        else:
            lines = any(post.reports_to for post in posts)
            boxes = []
            for post in posts:
                key, parts = parts_of(p, post.id)
                boxes.append(charts.Box(post.id, post.title, post.reports_to if lines else f"group:{group[post.id]}",
                                        key, post.count, parts))
            if not lines:
                boxes = [charts.Box(f"group:{g}", g, None, "group") for g in dict.fromkeys(group.values())] + boxes
            drawn = charts.structure_charts(boxes, legend)
            note = ("Posts are drawn under the post they report to (reports_to)." if lines else
                    "No reporting lines are given: posts are grouped under their group (the savings table's rows).")
            if any(post.count > 1 for post in posts):
                note += " A post of several places shows their number (x 5)."
            if len(drawn) > 1:
                note += (f" The structure is drawn over {len(drawn)} charts, by branch: a post whose branch has a "
                         "chart of its own says so, and that chart is headed by it.")
            if parts_of is _old_parts and not confidential:
                note += (" A post's outcome would tell its holder's, so this public paper does not colour the existing "
                         "posts by outcome (--audience confidential does).")
            if parts_of is _new_parts and not confidential:
                note += " " + STRUCTURE_NOTE_PUBLIC_NEW
            elif confidential:
                note += " A post whose places differ shows each part's count and a bar of their proportions."
        made.append((name, drawn, note))
    return made


def _largest_groups(counts: dict[str, dict[str, int | Decimal]]) -> list[tuple[str, dict[str, int | Decimal]]]:
    """Gives the groups to draw, in their order: all of them, or the GROUPS_DRAWN - 1 with most places and
    one more that counts the others together."""
    if len(counts) <= GROUPS_DRAWN:
        return [(g, dict(c)) for g, c in counts.items()]
    kept = set(sorted(counts, key=lambda g: -sum(counts[g].values()))[:GROUPS_DRAWN - 1])
    others: dict[str, int | Decimal] = {}
    for g, c in counts.items():
        if g not in kept:
            for part, amount in c.items():
                others[part] = others.get(part, 0) + amount
    return [(g, dict(c)) for g, c in counts.items() if g in kept] + [
        (f"{len(counts) - len(kept):,} other groups", dict(others))]


def _savings_shown(s: SavingsResult) -> SavingsResult:
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


def _first(rows: list[list[str]], limit: int, what: str, where: str) -> list[list[str]]:
    """Gives a table's rows (its header first) cut to `limit`, with a last row counting those left out."""
    if len(rows) <= limit + 1:
        return rows
    more = f"... and {len(rows) - 1 - limit:,} more {what} (each in {where})"
    return [*rows[:limit + 1], [more] + [""] * (len(rows[0]) - 1)]


def _cut(value: Any, limit: int) -> Any:
    """Gives data with each text longer than `limit` characters cut short, marked with an ellipsis."""
    if isinstance(value, str):
        return value if len(value) <= limit else value[:limit - 1] + "\u2026"
    if isinstance(value, list):
        return [_cut(v, limit) for v in value]
    if isinstance(value, dict):
        return {k: _cut(v, limit) for k, v in value.items()}
    return value


TABLES = ("outcomes", "pools", "people", "savings", "years", "financial_years", "exit_costs", "exit_sources",
          "exit_people", "pay_ranges")


def _bounded(data: dict[str, Any]) -> dict[str, Any]:
    """Gives the paper's data with each table cell cut to CELL_CHARS characters and other text to TEXT_CHARS."""
    bounded = {k: _cut(v, CELL_CHARS if k in TABLES else TEXT_CHARS) for k, v in data.items()}
    for b in bounded.get("equality", []):
        b["rows"] = _cut(b["rows"], CELL_CHARS)
    return bounded


def _policy_lines(p: Paper) -> list[str]:
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


def paper_data(p: Paper, structures: list[tuple[str, list[charts.Chart], str]] | None = None) -> dict[str, Any]:
    """Gives the report's content as plain data (the Typst template lays it out); `structures` are the structure
    charts when they have been drawn already."""
    data: dict[str, Any] = {"title": p.title, "review": p.review.review.name, "version": p.version, "date": p.date,
                            "sha256": p.sha256, "audience": p.audience, "sections": list(p.sections)}
    if p.audience != "confidential" and not published(p):
        data["unpublishable"] = (f"NOT FOR PUBLICATION: small counts shown (--suppress-below "
                                 f"{_n(p)}, below the default {DEFAULT_SUPPRESSION})")
    if p.review.review.paper is not None:
        data["committee"] = committee_data(p)
    if "summary" in p.sections:
        data["summary"] = summary_sentences(p)
    if "structure" in p.sections:
        data["structure"] = [{"heading": h, "note": n,
                              "charts": [{"under": c.under or "", "width": min(c.width, charts.PAGE_W)}
                                         for c in drawn]}
                             for h, drawn, n in (structures if structures is not None else structure_charts(p))]
    if "slotting" in p.sections:
        c = counts_shown(p)
        data["outcomes"] = [["Outcome", "People"], *[[TITLES.get(o, o), c[o]] for o in OUTCOMES],
                            ["Total", c["total"]]]
        # a pool's candidates add up to the competitive count and what is beyond its places to the potential
        # displacements: each column is left out where its total is hidden
        beyond = c["potential"].replace(",", "").isdigit()
        candidates = beyond and c["competitive"].replace(",", "").isdigit()  # candidates - places = beyond
        data["pools"] = _first([["New post", "Basis", *(["Candidates"] if candidates else []), "Places",
                                 *(["Beyond the places"] if beyond else [])],
                                *[[p.review.new_post[pool.post].title, pool.basis,
                                   *([str(len(pool.candidates))] if candidates else []), written(pool.places),
                                   *([str(pool.beyond)] if beyond else [])] for pool in p.result.pools]],
                               ROWS, "pools", "slotting run")
        if not (candidates and beyond) and p.result.pools:
            data["pools_note"] = ("Candidates and potential displacements by pool are left out: they would give away "
                                  "counts the equality tables hide (--audience confidential gives them).")
        if p.audience == "confidential":
            data["people"] = [["Id", "Name", "Current post", "Outcome", "New post(s)", "New salary", "Protection"],
                              *[[r.id, r.name or "", p.review.old_post[r.current_post].title, r.outcome,
                                 "; ".join(p.review.new_post[x.post].title for x in r.slots) or "-",
                                 " / ".join(money(x.pay.amount) for x in r.slots) or "-",
                                 " / ".join(money(x.pay.protection) for x in r.slots) or "-"]
                                for r in p.result.people[:LISTED]]]
            if len(p.result.people) > LISTED:
                data["people_note"] = (f"The first {LISTED:,} of {len(p.result.people):,} people, by id; the whole list "
                                       "is `slotting run` (--format csv or xlsx for a spreadsheet).")
    if "savings" in p.sections:
        data["savings"] = [flat(HEADER), *table_rows(_savings_shown(p.savings))]
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
                data["exit_people"] = _first(exit_people(p), ROWS, "people", "slotting savings")
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
    if "equality" in p.sections and p.equality is not None:
        data["equality"] = [{"characteristic": b.characteristic,
                             "rows": _equality_table(b, p.equality),
                             "flags": _lines([f.message for f in b.flags], "flags")}
                            for b in p.equality.breakdowns[:BREAKDOWNS]]
        data["equality_note"] = (f"Counts from 1 to {p.equality.suppress_below - 1} are shown as <{p.equality.suppress_below}; "
                                 "cells hidden so that those cannot be worked out are shown as [c]. Flags are a screening "
                                 "signal for a closer look, not a legal finding." if p.equality.suppress_below > 1 else
                                 "No counts are suppressed (--suppress-below 0). Flags are a screening signal, not a "
                                 "legal finding.")
        if len(p.equality.breakdowns) > BREAKDOWNS:
            data["equality_note"] += (f" The first {BREAKDOWNS} of {len(p.equality.breakdowns):,} characteristics are "
                                      "shown; each is in slotting equality.")
    if "method" in p.sections:
        data["method"] = _policy_lines(p) if p.review.review.paper is None else _method_lines(p)
        data["pay_ranges"] = _first([["Grade", "Spine", "Points", "Bottom", "Top"], *_pay_ranges(p)], ROWS, "grades",
                                    "slotting validate")
    return data


# What the paper says of each statute it applies: a citation is listed when the review's case or timetable
# cites it (their sources and bases), so that the legal implications are those of this review.
STATUTES = (
    (r"TULRCA 1992 s\.188", "Trade Union and Labour Relations (Consolidation) Act 1992 s.188",
     "collective consultation with the trade unions when 20 or more dismissals as redundant are proposed at one "
     "establishment within 90 days, for at least the minimum period in the timetable, with a view to avoiding "
     "or reducing them."),
    (r"TULRCA 1992 s\.193", "Trade Union and Labour Relations (Consolidation) Act 1992 s.193",
     "notice of proposed collective redundancies to the Secretary of State (form HR1), by the date in the timetable."),
    (r"ERA 1996 s\.86", "Employment Rights Act 1996 s.86",
     "the statutory minimum notice: a week for each complete year of service, up to twelve; a longer contractual "
     "notice applies where it is given."),
    (r"ERA 1996 s\.138", "Employment Rights Act 1996 s.138",
     "a statutory trial period of four weeks in an alternative post, without losing the right to a redundancy "
     "payment if the post proves unsuitable."),
    (r"ERA 1996 s\.141", "Employment Rights Act 1996 s.141",
     "a person who unreasonably refuses an offer of suitable alternative employment loses the redundancy payment; "
     "the ring-fenced posts are offered in that light."),
    (r"ERA 1996 s\.145", "Employment Rights Act 1996 s.145",
     "the relevant date from which age and service are counted: the day notice expires."),
    (r"ERA 1996 s\.162", "Employment Rights Act 1996 s.162",
     "statutory redundancy pay by age and complete years of service (at most 20), at a week's pay up to the "
     "statutory limit (s.227) in force on the relevant date."),
    (r"2006 Regulations", "The Local Government (Early Termination of Employment) (Discretionary Compensation) "
     "(England and Wales) Regulations 2006", "the discretion to pay redundancy on actual pay and to enhance it, up to "
     "104 weeks' pay, as the employer's published policy says."),
)


def legal_lines(p: Paper) -> list[str]:
    """Gives the legal implications: each statute the review's case and timetable apply, with what it requires,
    then the employer's own notes (review.paper.legal)."""
    said: list[str] = []
    if p.timeline is not None:
        said += [f"{step.source} {step.rule}" for step in p.timeline.steps]
    if p.cases is not None:
        c = p.cases.dates.collective
        said += [c.rule, c.source, getattr(c, "duty", ""), getattr(c, "notify", "")]
        for case in p.cases.people.values():
            said += [case.notice_basis, case.relevant_basis]
            if case.trial_end is not None:
                said.append("ERA 1996 s.138")
            if case.may_apply_for:
                said.append("ERA 1996 s.141")
            if case.entitlements is not None:
                said += [part.basis for _, part in case.entitlements.parts]
                if case.entitlements.redundancy.amount:
                    said.append("ERA 1996 s.162")
    text = "\n".join(said).replace("Employment Rights Act 1996", "ERA 1996")
    lines = [f"{name}: {what}" for pattern, name, what in STATUTES if re.search(pattern, text)]
    paper = p.review.review.paper
    return lines + (list(paper.legal) if paper is not None else [])


def timetable_rows(p: Paper) -> list[list[str]]:
    """Gives the timetable (slotting timeline's steps): date, step, how the date is found, source. In a published
    paper the count of proposed dismissals is left out where the equality tables hide it."""
    assert p.timeline is not None
    rows = [["Date", "Step", "How the date is found", "Source"]]
    hidden = published(p) and not counts_shown(p)["at_risk"].replace(",", "").isdigit()
    for step in p.timeline.steps:
        rule = step.rule
        if hidden:
            rule = re.sub(r"^\d[\d,]* proposed dismissal\(s\): ", "proposed dismissals ", rule)
        when = f"{step.date.day} {step.date:%B %Y}" if step.date else "-"
        # the committee reads the review's words, not the input file's keys
        rule = re.sub(r"^as given \(review\.[a-z_.]+\)$", "as given", rule).replace("review.effective_date",
                                                                                    "the effective date")
        source = "the review's policy" if step.source.startswith("policy.") else step.source
        rows.append([when, step.what, rule, source])
    return rows


def committee_data(p: Paper) -> dict[str, Any]:
    """Gives the committee sections (with review.paper): front matter, purpose, recommendations, consultation
    and timetable, legal implications, equality narrative, background papers and appendices."""
    paper = p.review.review.paper
    assert paper is not None
    front = [[label, value] for label, value in (
        ("Meeting", paper.meeting), ("Date", f"{paper.date.day} {paper.date:%B %Y}" if paper.date else None),
        ("Decision by", paper.decision_maker), ("Report of", paper.author), ("Contact", paper.contact)) if value]
    data: dict[str, Any] = {"front": front,
                            "purpose": list(paper.purpose) or [f"This report asks for approval of the outcome of "
                                                               f"the {p.review.review.name}."],
                            "recommendations": list(paper.recommendations),
                            "consultation": list(paper.consultation),
                            "legal": legal_lines(p),
                            "background_papers": list(paper.background_papers) or ["None."],
                            "appendices": list(paper.appendices)}
    if p.timeline is not None:
        data["timetable"] = timetable_rows(p)
    if p.audience == "confidential" and paper.exempt_paragraph is not None:
        data["exempt"] = (f"NOT FOR PUBLICATION by virtue of paragraph {paper.exempt_paragraph} of Part 1 of "
                          "Schedule 12A to the Local Government Act 1972"
                          + (" (information relating to any individual)" if paper.exempt_paragraph == 1 else ""))
    if p.equality is not None and "equality" in p.sections:
        data["equality_narrative"] = equality_narrative(p)
    return data


def equality_narrative(p: Paper) -> list[str]:
    """Gives the equality section's narrative, from the screening flags (Equality Act 2010 s.149)."""
    assert p.equality is not None
    names = [b.characteristic for b in p.equality.breakdowns]
    flags = [f for b in p.equality.breakdowns for f in b.flags]
    lines = [f"The outcome has been screened by {', '.join(names)} for the public sector equality duty (Equality "
             "Act 2010 s.149): for each outcome that is adverse (competing, displaced, at risk), each group's rate "
             "of avoiding it is compared with the most favoured group's (the four-fifths rule of thumb), and each "
             "group's share of those at risk with its share of the review group."]
    if flags:
        lines.append(f"{plural(len(flags), 'flag')} call for a closer look before the decision: "
                     + "; ".join(f.message.rstrip(".") for f in flags[:LINES]) + ". A flag is a signal, not a "
                     "finding: with groups this small the rates are unstable, and the equality impact assessment "
                     "should say what was looked at and why the outcome stands or changes.")
    else:
        lines.append("No group is flagged: no adverse outcome falls on one group at less than four-fifths of the "
                     "rate of the most favoured, and no group is over-represented among those at risk.")
    lines.append("No comparison with the wider workforce is made here: the review gives the characteristics of "
                 "the people in the review only.")
    return lines


EXIT_PARTS = {"redundancy": "Redundancy pay", "notice": "Pay in lieu of notice", "pension_strain": "Pension strain",
              "employer_ni": "Employer National Insurance"}


def exit_rows(p: Paper) -> list[list[str]]:
    """Gives the paper's table of one-off exit costs by part (redundancy pay, notice, pension strain, employer
    NI), each the total `savings` gives for the part, and the total. A public paper never gives one person's
    parts: when the total is one displaced person's, it is given alone."""
    assert p.savings.finance is not None
    e = p.savings.finance.exit_costs
    rows = [[_exit_heading(e), "£"]]
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
        who = _people(len(e.displaced)) if displaced.replace(",", "").isdigit() else "The people"
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


def _people(count: int) -> str:
    return f"{count:,} {'person' if count == 1 else 'people'}"


def _exit_heading(e: ExitCosts) -> str:
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
    n = _n(p)
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
            n = _n(p)
            count = _people(len(people)) if not published(p) or len(people) >= n else f"fewer than {n} people"
            lines.append(f"No figure for {label} for {count} at risk (named in slotting savings).")
    return _lines(lines + list(e.notes), "notes")


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


def _equality_table(b: Breakdown, equality: EqualityResult) -> list[list[str]]:
    """Gives one characteristic's table: its header, at most ROWS groups (and a row counting the others,
    never summing them: that could undo the suppression) and the whole review group."""
    header = ["Group", *(TITLES[c] for c in TITLES)]
    *groups, whole = equality_rows(b, equality)
    if len(groups) > ROWS:
        more = f"... and {len(groups) - ROWS:,} more groups (each in slotting equality)"
        groups = [*groups[:ROWS], [more] + [""] * (len(header) - 1)]
    return [header, *groups, whole]


def _lines(lines: list[str], what: str) -> list[str]:
    """Gives a list cut to LINES lines, with one more that counts those left out."""
    return lines if len(lines) <= LINES else [*lines[:LINES], f"... and {len(lines) - LINES:,} more {what}"]


def _size(svg: str) -> tuple[float, float]:
    found = re.search(r"viewBox='0 0 ([0-9.]+) ([0-9.]+)'", svg)
    return (float(found.group(1)), float(found.group(2))) if found else (1.0, 1.0)


def _charts(p: Paper, structures: list[tuple[str, list[charts.Chart], str]]) -> dict[str, str]:
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
        rows = [(r.group, r.existing_cost, r.new_cost) for r in p.savings.rows]
        shown = sorted(rows, key=lambda r: -(r[1] + r[2]))[:BARS]
        note = (f"The {BARS} groups that cost most; the other {len(rows) - BARS:,} are in the table above."
                if len(rows) > BARS else "")
        found["chart_costs"] = charts.cost_bars([r for r in rows if r in shown] if note else rows, note)
        if p.savings.finance is not None:
            years = [(y.label, y.net_saving) for y in p.savings.finance.years]
            found["chart_profile"] = charts.profile_bars(years, "Net saving by financial year")
        else:
            found["chart_profile"] = charts.profile_bars([(f"Year {y.year}", y.saving) for y in p.savings.years],
                                                         "Saving year by year, after pay protection")
    return found


class TypesetError(Exception):
    """The PDF could not be laid out; the message says why in plain words (exit 1)."""


def report_pdf(p: Paper, warn: Callable[[str], None] | None = None) -> Iterator[bytes]:
    """Yields the report as a PDF; `warn` is told of any character in it that its fonts cannot draw."""
    structures = structure_charts(p) if "structure" in p.sections else []
    inputs = {"data": json.dumps(_bounded(paper_data(p, structures)), ensure_ascii=False), **_charts(p, structures)}
    missing = undrawn(inputs.values())
    if missing and warn is not None:
        warn(undrawn_message(missing))
    yield typeset(files(__package__).joinpath("report.typ").read_text(encoding="utf-8"), inputs, p.date)


def undrawn(texts: Iterable[str]) -> list[str]:
    """Gives, in code point order, the characters of the texts that none of the PDF's fonts can draw
    (characters that take no glyph, such as joiners and variation selectors, left aside)."""
    import bisect
    import unicodedata

    from .glyphs import DRAWN

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


# Typst runs in a child process: a paper too large for memory makes Rust's allocator abort the process it
# runs in, and this process must live to say so. The child limits its own address space (where the system
# allows), so that it fails before the machine is short of memory, and needs only the typst package.
_CHILD = """
import json, sys
try:
    import resource
    resource.setrlimit(resource.RLIMIT_AS, (int(sys.argv[1]), resource.getrlimit(resource.RLIMIT_AS)[1]))
except (ImportError, ValueError, OSError):
    pass
import datetime as dt
import typst
job = json.loads(sys.stdin.buffer.read())
day = dt.datetime.fromisoformat(job["date"]).replace(tzinfo=dt.timezone.utc)
try:
    made = typst.Compiler(job["template"].encode(), ignore_system_fonts=True).compile(
        sys_inputs=job["inputs"], timestamp=day, **({"format": "png", "ppi": job["ppi"]} if job.get("ppi") else {}))
except typst.TypstError as err:
    sys.stderr.write("typst: " + str(err))
    sys.exit(2)
if isinstance(made, list):  # PNG pages, each after its length
    made = b"".join(len(page).to_bytes(8, "big") + page for page in made)
elif job.get("ppi"):
    made = len(made).to_bytes(8, "big") + made
sys.stdout.buffer.write(made)
"""


def typeset(template: str, inputs: dict[str, str], date: str) -> bytes:
    """Gives the PDF Typst makes of the template with these inputs (sys.inputs), dated `date` (ISO), laid out
    in a child process of at most LAYOUT_BYTES of address space. Raises TypesetError when it cannot."""
    return _typeset(template, inputs, date, None)


def typeset_png(template: str, inputs: dict[str, str], date: str, ppi: int) -> list[bytes]:
    """Gives each page Typst makes of the template as a PNG of `ppi` pixels an inch (as `typeset` does the PDF)."""
    made, pages = _typeset(template, inputs, date, ppi), []
    while made:
        size = int.from_bytes(made[:8], "big")
        pages.append(made[8:8 + size])
        made = made[8 + size:]
    return pages


def _typeset(template: str, inputs: dict[str, str], date: str, ppi: int | None) -> bytes:
    """Gives what the child process makes: the PDF, or (with `ppi`) the PNG pages, each after its length."""
    import os
    import signal
    import subprocess
    import sys

    job = json.dumps({"template": template, "inputs": inputs, "date": date, **({"ppi": ppi} if ppi else {})},
                     ensure_ascii=False).encode()
    # One malloc arena per thread would reserve 64 MB of address space each: the limit is meant for memory used.
    env = {**os.environ, "MALLOC_ARENA_MAX": "2"}
    try:
        done = subprocess.run([sys.executable, "-c", _CHILD, str(LAYOUT_BYTES)], input=job, capture_output=True,
                              env=env)
    except OSError as err:  # no interpreter to start (an embedded Python), or no process left to start it in
        raise TypesetError(f"Typst could not be run: {err.strerror or err}") from None
    said = done.stderr.decode("utf-8", "replace").strip()
    if done.returncode == 0 and (done.stdout.startswith(b"%PDF") or ppi and done.stdout):
        return done.stdout
    large = "the paper is too large to lay out"
    advice = "; leave sections out (--sections) or write Markdown (-o FILE.md)"
    if "memory allocation" in said or "MemoryError" in said:  # Rust's allocator says so before it aborts
        raise TypesetError(f"{large}: Typst ran out of memory (it may take {LAYOUT_BYTES / 1024**3:g} GB){advice}")
    if done.returncode < 0:
        name = signal.Signals(-done.returncode).name if -done.returncode in signal.valid_signals() else "a signal"
        raise TypesetError(f"{large}: Typst was stopped by {name} (out of memory?){advice}")
    if said.startswith("typst: "):
        raise TypesetError(f"Typst could not lay out the paper: {said[7:500]}")
    last = said.splitlines()[-1][:300] if said else f"exit status {done.returncode}"
    raise TypesetError(f"Typst could not be run: {last}")


def report_markdown(p: Paper) -> Iterator[str]:
    """Yields the report as Markdown (charts left out: a CI step summary or a wiki page)."""
    data = paper_data(p)
    out = [f"# {markdown(p.title)}\n"]
    if "unpublishable" in data:
        out.append(f"**{markdown(data['unpublishable'])}**\n")
    committee = data.get("committee")
    if committee is not None:
        if committee.get("exempt"):
            out.append(f"**{markdown(committee['exempt'])}**\n")
        if committee["front"]:
            out.append("\n".join(f"- {markdown(k)}: {markdown(v)}" for k, v in committee["front"]) + "\n")
        out += ["## Purpose of the report\n", "\n\n".join(markdown(x) for x in committee["purpose"]) + "\n"]
        if committee["recommendations"]:
            out += ["## Recommendations\n",
                    "\n".join(f"{i}. {markdown(x)}" for i, x in enumerate(committee["recommendations"], 1)) + "\n"]
    if "summary" in data:
        out += ["## Summary\n", "\n".join(f"- {markdown(line)}" for line in data["summary"]) + "\n"]
    if "structure" in data:
        out.append("## Structure\n")
        out += [f"- {markdown(s['heading'])}: see the PDF report. {markdown(s['note'])}" for s in data["structure"]]
        out.append("")
    if "outcomes" in data:
        out += ["## Slotting outcome\n", markdown_table(data["outcomes"][0], data["outcomes"][1:], "lr")]
        if len(data["pools"]) > 1:
            out.append(markdown_table(data["pools"][0], data["pools"][1:], "ll" + "r" * (len(data["pools"][0]) - 2)))
            if "pools_note" in data:
                out.append(markdown(data["pools_note"]) + "\n")
        if "people" in data:
            out += ["### People (confidential)\n", markdown_table(data["people"][0], data["people"][1:])]
            if "people_note" in data:
                out.append(markdown(data["people_note"]) + "\n")
    if "savings" in data:
        out += ["## Savings\n", markdown_table(data["savings"][0], data["savings"][1:], "lrrrrr")]
        if "financial_years" not in data:
            out.append(markdown_table(data["years"][0], data["years"][1:], "rrrrr"))
        else:
            years = data["financial_years"]
            out += [f"### {markdown(data['years_title'])}\n", markdown_table(data["years"][0], data["years"][1:], "rrrrr"),
                    "### By financial year\n", markdown_table(years[0], years[1:], "l" + "r" * (len(years[0]) - 1)),
                    markdown(data["payback"]) + "\n"]
        if data["target"]:
            out.append(markdown(data["target"]) + "\n")
        if "exit_costs" in data:
            out += [f"### {markdown(data['exit_costs'][0][0])}\n",
                    markdown_table(data["exit_costs"][0], data["exit_costs"][1:], "lr"),
                    markdown_table(data["exit_sources"][0], data["exit_sources"][1:], "lr"),
                    "\n".join(f"- {markdown(n)}" for n in data["exit_notes"]) + "\n"]
            if "exit_people" in data:
                rows = data["exit_people"]
                out += ["### Exit costs by person (confidential)\n", markdown(data["exit_people_note"]) + "\n",
                        markdown_table(rows[0], rows[1:], "lll" + "r" * (len(rows[0]) - 3))]
        out.append("\n".join(f"- {markdown(c)}" for c in data["conventions"]) + "\n")
        if "finance_conventions" in data:
            out += ["Conventions of the financial years:\n",
                    "\n".join(f"- {markdown(c)}" for c in data["finance_conventions"]) + "\n"]
    if committee is not None:
        out.append("## Consultation and timetable\n")
        if committee["consultation"]:
            out.append("\n".join(f"- {markdown(x)}" for x in committee["consultation"]) + "\n")
        if "timetable" in committee:
            rows = committee["timetable"]
            out.append(markdown_table(rows[0], rows[1:], "llll"))
        out += ["## Legal implications\n", "\n".join(f"- {markdown(x)}" for x in committee["legal"]) + "\n"]
    if "equality" in data:
        out.append("## Equality\n")
        if committee is not None and "equality_narrative" in committee:
            out.append("\n\n".join(markdown(x) for x in committee["equality_narrative"]) + "\n")
        for b in data["equality"]:
            out += [f"### By {markdown(b['characteristic'])}\n",
                    markdown_table(b["rows"][0], b["rows"][1:], "l" + "r" * (len(b["rows"][0]) - 1))]
            out += [f"- FLAG: {markdown(f)}" for f in b["flags"]]
        out.append(markdown(data["equality_note"]) + "\n")
    if "method" in data:
        out += ["## Method\n", "\n".join(f"- {markdown(m)}" for m in data["method"]) + "\n",
                markdown_table(data["pay_ranges"][0], data["pay_ranges"][1:], "llrrr")]
        if data.get("estimated"):
            out.append("Estimated spinal points: " + "; ".join(markdown(e) for e in data["estimated"]) + "\n")
    if committee is not None:
        out += ["## Background papers\n", "\n".join(f"- {markdown(x)}" for x in committee["background_papers"]) + "\n"]
        if committee["appendices"]:
            out += ["## Appendices\n", "\n".join(f"- {markdown(x)}" for x in committee["appendices"]) + "\n"]
    out.append(f"---\nslotting {p.version}, {p.date}; inputs SHA-256 {p.sha256}\n")
    yield "\n".join(out)
