"""The committee paper as Word (slotting report -o paper.docx, issue 29): the PDF's sections, tables and charts,
the figures `savings` gives, no person-level data in public, the same bytes for the same input."""

from __future__ import annotations

import io
import json
import re
import zipfile
from decimal import Decimal
from pathlib import Path

import docx
import pytest

from slotting import load

from .conftest import EXAMPLE, cli

FINANCE = EXAMPLE.parent / "finance" / "leicester_2011_finance.yaml"
EPOCH = "1323734400"  # 13 December 2011


def amount(cell: str) -> Decimal:
    """Gives the amount a cell shows: £1,234.56, (£1,234) for a negative one, - for none."""
    if cell == "-":
        return Decimal(0)
    value = Decimal(cell.strip("()").replace("£", "").replace(",", ""))
    return -value if cell.startswith("(") else value


def tables(document) -> list[list[list[str]]]:
    return [[[c.text for c in row.cells] for row in t.rows] for t in document.tables]


def whole_text(raw: bytes) -> str:
    """Gives every text of the archive's XML parts (body, footer, properties), markup removed."""
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        return "\n".join(re.sub(r"<[^>]+>", " ", archive.read(n).decode("utf-8")) for n in archive.namelist()
                         if n.endswith(".xml"))


@pytest.fixture(scope="module")
def papers(tmp_path_factory) -> dict[str, bytes]:
    import os

    folder = tmp_path_factory.mktemp("docx")
    made = {}
    old = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = EPOCH
    try:
        for name, args in (("public", ()), ("again", ()), ("confidential", ("--audience", "confidential")),
                           ("md", ())):
            path = folder / (f"{name}.md" if name == "md" else f"{name}.docx")
            result = cli("report", str(FINANCE), "-o", str(path), *args)
            assert result.exit_code == 0, result.stderr
            made[name] = path.read_bytes()
    finally:
        if old is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = old
    return made


@pytest.fixture(scope="module")
def finance_json() -> dict:
    result = cli("savings", str(FINANCE), "--format", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_the_same_input_gives_the_same_bytes(papers):
    assert papers["public"] == papers["again"]
    with zipfile.ZipFile(io.BytesIO(papers["public"])) as archive:
        assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = archive.read("docProps/core.xml").decode()
    assert "2011-12-13T00:00:00Z" in core and "slotting" in core


def test_the_figures_are_the_savings_commands(papers, finance_json):
    """The profile by financial year, the exit costs by part and the full-year saving, cell by cell, as
    `savings --format json` gives them."""
    document = docx.Document(io.BytesIO(papers["public"]))
    found = tables(document)
    fields = ["existing_cost", "new_cost", "gross_saving", "protection", "one_off", "net_saving",
              "cumulative_net_saving"]
    years = finance_json["finance"]["years"]
    rows = [r for t in found for r in t if re.fullmatch(r"\d{4}/\d\d", r[0])]
    assert len(rows) == len(years)
    for row, year in zip(rows, years):
        assert row[1] == f"{year['days_in_force']}/{year['days_in_year']}", row
        assert [amount(c) for c in row[2:]] == [Decimal(year[f]) for f in fields], row
    exits = finance_json["finance"]["exit_costs"]
    labels = {"redundancy": "Redundancy pay", "notice": "Pay in lieu of notice", "pension_strain": "Pension strain",
              "employer_ni": "Employer National Insurance"}
    part_rows = {r[0]: r[1] for t in found for r in t if r[0] in labels.values()}
    for part, label in labels.items():
        assert amount(part_rows[label]) == Decimal(str(exits["part_totals"][part])).quantize(Decimal("0.01")), label
    totals = [r[-1] for t in found if t[0][:1] == ["Post group"] for r in t if r[0] == "Total"]
    assert amount(totals[0]) == Decimal(str(finance_json["total"]["saving"]))
    body = "\n".join(p.text for p in document.paragraphs)
    assert f"Payback: month {finance_json['finance']['payback_month']} from the effective date" in body


def test_the_sections_are_the_papers(papers):
    """Every heading of the Markdown paper is a heading of the Word paper, in the same order (the Markdown's
    one 'Structure' heading stands for the structure pages)."""
    document = docx.Document(io.BytesIO(papers["public"]))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    markdown = [re.sub(r"^#+ ", "", line) for line in papers["md"].decode().splitlines()
                if re.match(r"^#{2,3} ", line) and line != "## Structure"]
    assert [h for h in headings if h in markdown] == markdown
    assert "The existing structure" in headings and "The new structure" in headings


def test_tables_repeat_their_header_and_charts_are_drawn(papers):
    document = docx.Document(io.BytesIO(papers["public"]))
    for table in document.tables[1:]:  # the first is the front matter, a list of labels without a header
        assert table.rows[0]._tr.xpath("./w:trPr/w:tblHeader"), [c.text for c in table.rows[0].cells]
    orientation = [s.orientation for s in document.sections]
    assert orientation == [0, 1, 0]  # the structure pages in landscape
    with zipfile.ZipFile(io.BytesIO(papers["public"])) as archive:
        images = [n for n in archive.namelist() if n.startswith("word/media/")]
    assert len(images) == 6  # outcomes, 2 + 1 structure charts, costs, profile
    footer = document.sections[0].footer.paragraphs[0]
    assert footer.text.startswith("slotting ") and "inputs SHA-256" in footer.text
    assert footer._p.xpath(".//w:fldSimple/@w:instr") == ["PAGE", "NUMPAGES"]


def test_the_public_paper_names_nobody(papers):
    review = load(FINANCE)
    public, confidential = whole_text(papers["public"]), whole_text(papers["confidential"])
    for person in review.people:
        assert not re.search(rf"\b{re.escape(person.id)}\b", public), person.id
        assert person.name not in public, person.id
    assert "Public: no person-level data" in public
    assert "CONFIDENTIAL" in confidential and any(p.name in confidential for p in review.people)
    assert "Schedule 12A" in confidential


def test_other_suffixes_are_refused(tmp_path: Path):
    result = cli("report", str(EXAMPLE), "-o", str(tmp_path / "r.odt"))
    assert result.exit_code != 0 and ".docx" in result.output + result.stderr
