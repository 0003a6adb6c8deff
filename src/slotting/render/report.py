"""The committee paper: a PDF made with Typst (offline, fonts embedded), or the same in Markdown.

Every figure comes from the results the other commands give (slotting, savings, equality). The Typst
template (report.typ) is fixed: the content reaches it as JSON data and SVG charts through Typst's
`sys.inputs`, never as Typst source, so no name or title can be read as markup. With the public
audience (the default) the paper holds no person-level data: counts, posts and money only.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from importlib.resources import files
from typing import Any

from ..model import ReviewFile
from ..model.types import written
from ..rules.equality import EqualityResult
from ..rules.reasons import percent, places, plural
from ..rules.results import OUTCOMES, SlottingResult
from ..rules.savings import SavingsResult
from . import charts
from .common import markdown, markdown_table, money
from .equality import TITLES
from .equality import table_rows as equality_rows
from .savings import HEADER, YEAR_HEADER, flat, table_rows, target_line, year_rows

SECTIONS = ("summary", "structure", "slotting", "savings", "equality", "method")
DRAWN = 60  # posts in a structure chart drawn box by box; a larger one is drawn as one box per group
LISTED = 1000  # people in the confidential paper's list (a typeset table of 20,000 rows takes minutes and gigabytes)


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



def summary_sentences(p: Paper) -> list[str]:
    s, r = p.result.summary, p.review.review
    when = f", effective {r.effective_date.day} {r.effective_date:%B %Y}" if r.effective_date else ""
    lines = [f"{r.name}{when}: {s.people:,} {'person' if s.people == 1 else 'people'} in the review.",
             f"{s.assimilated} assimilated, {s.matched} matched (subject to assessment), {s.competitive} in "
             f"{plural(s.pools, 'competitive pool')}, {s.displaced} displaced; "
             f"{plural(s.potential_displacements, 'potential displacement')} and {places(s.ring_fenced_places)} "
             "ring-fenced.",
             f"Full-year saving {money(p.savings.total.saving, brackets=True)} (new posts costed at: {p.savings.basis})."]
    line = target_line(p.savings)
    if line:
        lines.append(line)
    return lines


def _old_key(p: Paper, post_id: str) -> str:
    post = p.review.old_post[post_id]
    holders = p.review.holders.get(post_id, [])
    if not post.in_review:
        return "outside"
    outcomes = [r.outcome for h in holders if (r := p.result.person(h.id)) is not None]
    if not outcomes:
        return "vacant" if not holders else "outside"
    if p.audience != "confidential":
        return "held"  # a post's outcome would tell its holder's: only the confidential paper shows it
    for key in ("displaced", "competitive", "matched", "assimilated"):
        if key in outcomes:
            return key
    return "outside"


def _new_key(p: Paper, post_id: str) -> str:
    post = p.review.new_post[post_id]
    if not post.in_review:
        return "outside"
    found = p.result.post(post_id)
    if found.on_hold:
        return "on hold"
    if found.pools:
        return "pool"
    if found.ring_fenced_places:
        return "ring-fenced"
    return "matched" if found.matched else "assimilated"


def structure_charts(p: Paper) -> list[tuple[str, str, str]]:
    """Gives (heading, SVG, note) for the old and the new structure."""
    made = []
    confidential = p.audience == "confidential"
    for name, posts, key_of, legend in (
            ("The existing structure, coloured by the outcome of each post's holder" if confidential else
             "The existing structure", p.review.old_structure.posts, _old_key,
             ["assimilated", "matched", "competitive", "displaced", "vacant", "outside"] if confidential
             else ["held", "vacant", "outside"]),
            ("The new structure, coloured by how each post is filled", p.review.new_structure.posts, _new_key,
             ["assimilated", "matched", "pool", "ring-fenced", "on hold", "outside"])):
        group = {post.id: post.group or p.review.grade[post.grade].name for post in posts}
        if len(posts) > DRAWN:
            counts: dict[str, Counter] = {}
            for post in posts:
                counts.setdefault(group[post.id], Counter())[key_of(p, post.id)] += post.count
            svg = charts.group_chart([(g, dict(c)) for g, c in counts.items()], legend)
            note = (f"{len(posts):,} posts: drawn as one box per group, with its places counted by colour. "
                    "The post-by-post list is in `slotting run`.")
        else:
            lines = any(post.reports_to for post in posts)
            boxes = [charts.Box(post.id, post.title, post.reports_to if lines else f"group:{group[post.id]}",
                                key_of(p, post.id)) for post in posts]
            if not lines:
                boxes = [charts.Box(f"group:{g}", g, None, "group") for g in dict.fromkeys(group.values())] + boxes
            svg = charts.org_chart(boxes, legend)
            note = ("Posts are drawn under the post they report to (reports_to)." if lines else
                    "No reporting lines are given: posts are grouped under their group (the savings table's rows).")
            if key_of is _old_key and not confidential:
                note += (" A post's outcome would tell its holder's, so this public paper does not colour the existing "
                         "posts by outcome (--audience confidential does).")
        made.append((name, svg, note))
    return made


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
        said = "the default" if value == default else f"set by the review (default {default})"
        lines.append(f"{name} = {written(value)}: {said}. {source}")
    return lines


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


def paper_data(p: Paper) -> dict[str, Any]:
    """Gives the report's content as plain data (the Typst template lays it out)."""
    data: dict[str, Any] = {"title": p.title, "review": p.review.review.name, "version": p.version, "date": p.date,
                            "sha256": p.sha256, "audience": p.audience, "sections": list(p.sections)}
    s = p.result.summary
    if "summary" in p.sections:
        data["summary"] = summary_sentences(p)
    if "structure" in p.sections:
        data["structure"] = [{"heading": h, "note": n, "landscape": _wide(svg), "width": _fitting(svg, _wide(svg))}
                             for h, svg, n in structure_charts(p)]
    if "slotting" in p.sections:
        data["outcomes"] = [["Outcome", "People"], *[[TITLES.get(o, o), str(getattr(s, o))] for o in OUTCOMES],
                            ["Total", str(s.people)]]
        data["pools"] = [["New post", "Basis", "Candidates", "Places", "Beyond the places"],
                         *[[pool.post, pool.basis, str(len(pool.candidates)), written(pool.places), str(pool.beyond)]
                           for pool in p.result.pools]]
        if p.audience == "confidential":
            data["people"] = [["Id", "Name", "Current post", "Outcome", "New post(s)", "New salary", "Protection"],
                              *[[r.id, r.name or "", r.current_post, r.outcome, ", ".join(x.post for x in r.slots) or "-",
                                 " / ".join(money(x.pay.amount) for x in r.slots) or "-",
                                 " / ".join(money(x.pay.protection) for x in r.slots) or "-"]
                                for r in p.result.people[:LISTED]]]
            if len(p.result.people) > LISTED:
                data["people_note"] = (f"The first {LISTED:,} of {len(p.result.people):,} people, by id; the whole list "
                                       "is `slotting run` (--format csv or xlsx for a spreadsheet).")
    if "savings" in p.sections:
        data["savings"] = [flat(HEADER), *table_rows(p.savings)]
        data["years"] = [flat(YEAR_HEADER), *year_rows(p.savings)]
        data["target"] = target_line(p.savings) or ""
        data["conventions"] = list(p.savings.conventions)
        data["estimated"] = list(p.savings.estimated_points)
    if "equality" in p.sections and p.equality is not None:
        data["equality"] = [{"characteristic": b.characteristic,
                             "rows": [["Group", *(TITLES[c] for c in TITLES)], *equality_rows(b, p.equality)],
                             "flags": [f.message for f in b.flags]} for b in p.equality.breakdowns]
        data["equality_note"] = (f"Counts from 1 to {p.equality.suppress_below - 1} are shown as <{p.equality.suppress_below}; "
                                 "cells hidden so that those cannot be worked out are shown as [c]. Flags are a screening "
                                 "signal for a closer look, not a legal finding." if p.equality.suppress_below > 1 else
                                 "No counts are suppressed (--suppress-below 0). Flags are a screening signal, not a "
                                 "legal finding.")
    if "method" in p.sections:
        data["method"] = _policy_lines(p)
        data["pay_ranges"] = [["Grade", "Spine", "Points", "Bottom", "Top"], *_pay_ranges(p)]
    return data


def _size(svg: str) -> tuple[float, float]:
    found = re.search(r"viewBox='0 0 ([0-9.]+) ([0-9.]+)'", svg)
    return (float(found.group(1)), float(found.group(2))) if found else (1.0, 1.0)


def _wide(svg: str) -> bool:
    """True when a chart is wider than tall: it is printed on a landscape page."""
    w, h = _size(svg)
    return w > h


def _fitting(svg: str, landscape: bool) -> float:
    """Gives the width (a percentage of the text width) at which a chart fits on one A4 page."""
    width_cm, height_cm = (25.7, 14.5) if landscape else (17.0, 21.0)
    w, h = _size(svg)
    return round(min(100.0, 100 * (height_cm / width_cm) * (w / h)), 1)


def _charts(p: Paper) -> dict[str, str]:
    found: dict[str, str] = {}
    s = p.result.summary
    if "summary" in p.sections:
        found["chart_outcomes"] = charts.outcome_bar([(o, getattr(s, o)) for o in OUTCOMES])
    if "structure" in p.sections:
        for i, (_, svg, _) in enumerate(structure_charts(p)):
            found[f"chart_structure_{i}"] = svg
    if "savings" in p.sections:
        rows = [(r.group, r.existing_cost, r.new_cost) for r in p.savings.rows]
        found["chart_costs"] = charts.cost_bars(rows)
        if p.savings.finance is not None:
            years = [(y.label, y.net_saving) for y in p.savings.finance.years]
            found["chart_profile"] = charts.profile_bars(years, "Net saving by financial year")
        else:
            found["chart_profile"] = charts.profile_bars([(f"Year {y.year}", y.saving) for y in p.savings.years],
                                                         "Saving year by year, after pay protection")
    return found


def report_pdf(p: Paper) -> Iterator[bytes]:
    """Yields the report as a PDF."""
    import datetime as dt

    import typst

    template = files(__package__).joinpath("report.typ").read_bytes()
    inputs = {"data": json.dumps(paper_data(p), ensure_ascii=False), **_charts(p)}
    day = dt.datetime.fromisoformat(p.date).replace(tzinfo=dt.UTC)
    compiler = typst.Compiler(template, ignore_system_fonts=True)
    pdf = compiler.compile(sys_inputs=inputs, timestamp=day)
    assert isinstance(pdf, bytes)
    yield pdf


def report_markdown(p: Paper) -> Iterator[str]:
    """Yields the report as Markdown (charts left out: a CI step summary or a wiki page)."""
    data = paper_data(p)
    out = [f"# {markdown(p.title)}\n"]
    if "summary" in data:
        out += ["## Summary\n", "\n".join(f"- {markdown(line)}" for line in data["summary"]) + "\n"]
    if "structure" in data:
        out.append("## Structure\n")
        out += [f"- {markdown(s['heading'])}: see the PDF report. {markdown(s['note'])}" for s in data["structure"]]
        out.append("")
    if "outcomes" in data:
        out += ["## Slotting outcome\n", markdown_table(data["outcomes"][0], data["outcomes"][1:], "lr")]
        if len(data["pools"]) > 1:
            out.append(markdown_table(data["pools"][0], data["pools"][1:], "llrrr"))
        if "people" in data:
            out += ["### People (confidential)\n", markdown_table(data["people"][0], data["people"][1:])]
            if "people_note" in data:
                out.append(markdown(data["people_note"]) + "\n")
    if "savings" in data:
        out += ["## Savings\n", markdown_table(data["savings"][0], data["savings"][1:], "lrrrrr"),
                markdown_table(data["years"][0], data["years"][1:], "rrrrr")]
        if data["target"]:
            out.append(markdown(data["target"]) + "\n")
        out.append("\n".join(f"- {markdown(c)}" for c in data["conventions"]) + "\n")
    if "equality" in data:
        out.append("## Equality\n")
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
    out.append(f"---\nslotting {p.version}, {p.date}; inputs SHA-256 {p.sha256}\n")
    yield "\n".join(out)
