"""The paper's words follow what it shows: the exit costs' heading in the PDF and Word papers says what is decided
at the current stage (as the Markdown's always did), and the [c] mark is explained only where a table shows one."""

from __future__ import annotations

import io
import re
from pathlib import Path

import docx
import pypdf
import yaml

from slotting import load, slot
from slotting.render.report import SECTIONS, Paper, report_markdown, report_pdf
from slotting.render.report_docx import report_docx
from slotting.rules.equality import characteristics_found, equality
from slotting.rules.savings import savings

from .conftest import EXAMPLE

FINANCE = EXAMPLE.parent / "finance" / "leicester_2011_finance.yaml"
DECISIONS = EXAMPLE.parent / "decisions" / "leicester_2011_decisions.yaml"
DECIDED = "One-off exit costs (redundancies decided, and an estimate for those still at risk)"


def paper(path: Path, sections: tuple[str, ...] = SECTIONS) -> Paper:
    """Gives the public paper of a review as `slotting report` makes it (without the committee sections)."""
    review = load(path)
    result = slot(review)
    found = equality(review, result, None, 5) if characteristics_found(review, result) else None
    return Paper(review, result, savings(review, result), found, review.review.name, "public", sections, "0",
                 "2011-12-13", "0" * 64)


def pdf_text(p: Paper) -> str:
    raw = b"".join(report_pdf(p))
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(raw)).pages)


def docx_headings(p: Paper) -> list[str]:
    document = docx.Document(io.BytesIO(b"".join(report_docx(p))))
    return [x.text for x in document.paragraphs if x.style is not None and x.style.name.startswith("Heading")]


def test_the_exit_costs_heading_says_what_is_decided_in_every_format():
    """The decisions example: P02's voluntary redundancy is decided (actual), the open cases estimated. The
    Markdown's heading was right; the PDF and the Word paper said "(estimate)" for it all."""
    p = paper(DECISIONS, ("savings",))
    assert f"### {DECIDED}" in "".join(report_markdown(p)).replace("\\", "")
    text = pdf_text(p)
    assert DECIDED in text.replace("\n", " ") and "One-off exit costs (estimate)" not in text
    headings = docx_headings(p)
    assert DECIDED in headings and "One-off exit costs (estimate)" not in headings


def test_at_the_proposal_the_exit_costs_are_an_estimate_in_every_format():
    p = paper(FINANCE, ("savings",))
    assert "### One-off exit costs (estimate)" in "".join(report_markdown(p))
    assert "One-off exit costs (estimate)" in pdf_text(p)
    assert "One-off exit costs (estimate)" in docx_headings(p)


def equality_note(text: str) -> str:
    return next(line for line in text.splitlines() if line.startswith("Counts from 1 to 4 are shown as"))


def test_the_c_mark_is_explained_only_where_a_table_shows_it(tmp_path: Path):
    """The example's gender table hides cells as [c] and its note says what [c] is. By ethnicity alone (one
    group of 20: 7, 7, 6 and 0, at risk under 5) no cell is [c], so the note does not explain a mark it does not
    use; the summary still does, as its potential displacements are shown as [c]."""
    with_gender = "".join(report_markdown(paper(EXAMPLE))).replace("\\", "")
    assert "| [c] |" in with_gender
    assert "shown as [c]" in equality_note(with_gender)
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    for person in data["people"]:
        person["characteristics"].pop("gender")
    path = tmp_path / "r.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    text = "".join(report_markdown(paper(path))).replace("\\", "")
    tables = text[text.index("## Equality"):text.index("## Method")]
    assert "[c]" not in tables.replace(equality_note(text), "")
    assert equality_note(text) == ("Counts from 1 to 4 are shown as <5. Flags are a screening signal for a closer "
                                   "look, not a legal finding.")
    assert re.search(r"\[c\] potential displacements", text)
    assert "counts that would give them away as [c]" in text


def test_a_summary_with_no_c_count_does_not_explain_the_mark(monkeypatch):
    """When the counts the paper prints hide some as <5 but none as [c], the summary's legend names <5 alone."""
    from slotting.render.report import paper as module

    p = paper(EXAMPLE, ("summary",))
    shown = module.counts_shown(p)
    assert "[c]" in shown.values()
    assert "counts that would give them away as [c]" in " ".join(module.summary_sentences(p))
    monkeypatch.setattr(module, "counts_shown", lambda _: {k: ("<5" if v == "[c]" else v) for k, v in shown.items()})
    lines = module.summary_sentences(p)
    assert "Counts from 1 to 4 are shown as <5, as in the equality tables." in lines
    assert not any("[c]" in line for line in lines)
