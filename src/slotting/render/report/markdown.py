"""The paper as Markdown (charts left out): for a CI step summary or a wiki page."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..common import markdown, markdown_table
from .content import paper_data
from .paper import Paper


def report_markdown(p: Paper) -> Iterator[str]:
    """Yields the report as Markdown (charts left out: a CI step summary or a wiki page)."""
    data = paper_data(p)
    committee = data.get("committee")
    out = [f"# {markdown(p.title)}\n"]
    if "unpublishable" in data:
        out.append(f"**{markdown(data['unpublishable'])}**\n")
    if committee is not None:
        out += _front(committee)
    if "summary" in data:
        out += ["## Summary\n", _bullets(data["summary"])]
    if "structure" in data:
        out.append("## Structure\n")
        out += [f"- {markdown(s['heading'])}: see the PDF report. {markdown(s['note'])}" for s in data["structure"]]
        out.append("")
    if "outcomes" in data:
        out += _slotting(data)
    if "savings" in data:
        out += _savings(data)
    if committee is not None:
        out += _consultation(committee)
    if "equality" in data:
        out += _equality(data, committee)
    if "method" in data:
        out += ["## Method\n", _bullets(data["method"]), _table(data["pay_ranges"], "llrrr")]
        if data.get("estimated"):
            out.append("Estimated spinal points: " + "; ".join(markdown(e) for e in data["estimated"]) + "\n")
    if committee is not None:
        out += ["## Background papers\n", _bullets(committee["background_papers"])]
        if committee["appendices"]:
            out += ["## Appendices\n", _bullets(committee["appendices"])]
    out.append(f"---\nslotting {p.version}, {p.date}; inputs SHA-256 {p.sha256}\n")
    yield "\n".join(out)


def _bullets(lines: list[str], prefix: str = "") -> str:
    return "\n".join(f"- {prefix}{markdown(x)}" for x in lines) + "\n"


def _table(rows: list[list[str]], align: str = "") -> str:
    return markdown_table(rows[0], rows[1:], align)


def _figures(rows: list[list[str]], text_columns: int = 1) -> str:
    """A table whose first columns are text and the rest figures."""
    return _table(rows, "l" * text_columns + "r" * (len(rows[0]) - text_columns))


def _front(committee: dict[str, Any]) -> list[str]:
    """The exempt marking, the front matter, the purpose and the recommendations."""
    out = []
    if committee.get("exempt"):
        out.append(f"**{markdown(committee['exempt'])}**\n")
    if committee["front"]:
        out.append("\n".join(f"- {markdown(k)}: {markdown(v)}" for k, v in committee["front"]) + "\n")
    out += ["## Purpose of the report\n", "\n\n".join(markdown(x) for x in committee["purpose"]) + "\n"]
    if committee["recommendations"]:
        out += ["## Recommendations\n",
                "\n".join(f"{i}. {markdown(x)}" for i, x in enumerate(committee["recommendations"], 1)) + "\n"]
    return out


def _slotting(data: dict[str, Any]) -> list[str]:
    out = ["## Slotting outcome\n", _table(data["outcomes"], "lr")]
    if len(data["pools"]) > 1:
        out.append(_figures(data["pools"], 2))
        if "pools_note" in data:
            out.append(markdown(data["pools_note"]) + "\n")
    if "people" in data:
        out += ["### People (confidential)\n", _table(data["people"])]
        if "people_note" in data:
            out.append(markdown(data["people_note"]) + "\n")
    return out


def _savings(data: dict[str, Any]) -> list[str]:
    out = ["## Savings\n", _table(data["savings"], "lrrrrr")]
    if "financial_years" not in data:
        out.append(_table(data["years"], "rrrrr"))
    else:
        out += [f"### {markdown(data['years_title'])}\n", _table(data["years"], "rrrrr"),
                "### By financial year\n", _figures(data["financial_years"]), markdown(data["payback"]) + "\n"]
    if data["target"]:
        out.append(markdown(data["target"]) + "\n")
    if "exit_costs" in data:
        out += [f"### {markdown(data['exit_costs'][0][0])}\n", _table(data["exit_costs"], "lr"),
                _table(data["exit_sources"], "lr"), _bullets(data["exit_notes"])]
        if "exit_people" in data:
            out += ["### Exit costs by person (confidential)\n", markdown(data["exit_people_note"]) + "\n",
                    _figures(data["exit_people"], 3)]
    out.append(_bullets(data["conventions"]))
    if "finance_conventions" in data:
        out += ["Conventions of the financial years:\n", _bullets(data["finance_conventions"])]
    return out


def _consultation(committee: dict[str, Any]) -> list[str]:
    out = ["## Consultation and timetable\n"]
    if committee["consultation"]:
        out.append(_bullets(committee["consultation"]))
    if "timetable" in committee:
        out.append(_table(committee["timetable"], "llll"))
    return out + ["## Legal implications\n", _bullets(committee["legal"])]


def _equality(data: dict[str, Any], committee: dict[str, Any] | None) -> list[str]:
    out = ["## Equality\n"]
    if committee is not None and "equality_narrative" in committee:
        out.append("\n\n".join(markdown(x) for x in committee["equality_narrative"]) + "\n")
    for b in data["equality"]:
        out += [f"### By {markdown(b['characteristic'])}\n", _figures(b["rows"])]
        out += [f"- FLAG: {markdown(f)}" for f in b["flags"]]
    out.append(markdown(data["equality_note"]) + "\n")
    return out
