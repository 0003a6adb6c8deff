"""`slotting report` (issue 18): the committee paper as PDF and Markdown, checked through its text and pixels."""

from __future__ import annotations

import json
import os
import re
from decimal import Decimal
from pathlib import Path

import pypdf
import pypdfium2
import pytest
import yaml

from slotting import load

from .conftest import EXAMPLE, cli
from .support.generate import build as generated
from .support.generate import write_yaml

EPOCH = {"SOURCE_DATE_EPOCH": "1323734400"}  # 13 December 2011, the committee's date


@pytest.fixture(scope="module")
def public(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("report") / "report.pdf"
    result = cli("report", str(EXAMPLE), "-o", str(path))
    assert result.exit_code == 0, result.stderr
    return path


def text_of(path: Path) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(path).pages)


def test_the_published_figures_appear(public: Path):
    text = text_of(public)
    for figure in ("£3,475,500", "£2,328,400", "£1,147,100", "7 assimilated, 7 matched", "6 in 3 competitive pools",
                   "Total 26 £3,475,500 21 £2,328,400 £1,147,100",
                   "£123,231 £127,485", "£110,484 £118,983", "£76,725 £85,575", "£63,945 £68,853"):
        assert figure in text, figure
    assert "Target saving £800,000: MET" in text
    assert re.search(r"slotting \S+ · \d{4}-\d\d-\d\d · inputs SHA-256 [0-9a-f]{16}", text)


def test_a_public_paper_holds_no_person_level_data(public: Path):
    """No id, name or salary of a person. The example's salaries were chosen to reproduce the published
    savings table, so one equals a group's saving (£95,400): figures of the savings table are left aside."""
    from slotting import cost, slot

    text = text_of(public)
    review = load(EXAMPLE)
    table = cost(review, slot(review))
    aggregate = {cell for row in (*table.rows, table.total) for cell in (row.existing_cost, row.new_cost, row.saving)}
    for person in review.people:
        assert not re.search(rf"\b{person.id}\b", text), person.id
        assert person.name not in text
        if person.salary not in aggregate:
            assert f"£{person.salary:,}" not in text, person.id
    assert "Public: no person-level data" in text


def test_a_confidential_paper_lists_the_people(tmp_path: Path):
    path = tmp_path / "c.pdf"
    assert cli("report", str(EXAMPLE), "-o", str(path), "--audience", "confidential").exit_code == 0
    text = text_of(path)
    assert "CONFIDENTIAL" in text and "P16" in text and "People (confidential)" in text


def test_pages_are_drawn_and_not_blank(public: Path):
    document = pypdfium2.PdfDocument(str(public))
    first, structure = document[0].render(scale=1).to_numpy(), document[3].render(scale=1).to_numpy()
    assert first.shape[0] == 842 and abs(first.shape[1] - 595) <= 1  # A4 portrait at 72 dpi
    assert structure.shape[1] == 842 and abs(structure.shape[0] - 595) <= 1  # the wide chart on a landscape page
    for page in (first, structure):
        assert page.std() > 10 and (page < 128).mean() > 0.002  # ink on the page, not a blank sheet
    assert "The new structure" in document[3].get_textpage().get_text_range()


def test_markdown_sections_and_options(tmp_path: Path):
    out = tmp_path / "r.md"
    assert cli("report", str(EXAMPLE), "-o", str(out), "--sections", "summary,savings").exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert "## Summary" in text and "## Savings" in text and "## Equality" not in text and "## Method" not in text
    assert cli("report", str(EXAMPLE), "-o", str(tmp_path / "r.txt")).exit_code == 2
    assert cli("report", str(EXAMPLE), "-o", str(out), "--sections", "summary,charts").exit_code == 2


def test_the_same_inputs_give_the_same_bytes(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH["SOURCE_DATE_EPOCH"])
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    for path in (first, second):
        assert cli("report", str(EXAMPLE), "-o", str(path)).exit_code == 0
    assert first.read_bytes() == second.read_bytes()
    assert "2011-12-13" in text_of(first)


def test_user_text_is_never_read_as_markup(tmp_path: Path):
    hostile = '#panic("no") *bold* $x^2$ <label> @ref \\\\ `code` = heading'
    source = EXAMPLE.read_text(encoding="utf-8").replace(
        "  name: Leicester City Council senior management review 2011 (phase 2)",
        f"  name: '{hostile}'", 1)
    review = tmp_path / "r.yaml"
    review.write_text(source, encoding="utf-8")
    path = tmp_path / "r.pdf"
    result = cli("report", str(review), "-o", str(path), "--title", "Title with #set and $math$")
    assert result.exit_code == 0, result.stderr
    text = text_of(path)
    assert "Title with #set and $math$" in text and '#panic("no") *bold* $x^2$' in text


def test_a_large_structure_is_drawn_as_groups(tmp_path: Path, monkeypatch):
    from slotting.render.report import structure

    monkeypatch.setattr(structure, "DRAWN", 60)  # beyond DRAWN posts a structure is one box a group
    review = tmp_path / "big.yaml"
    write_yaml(generated(80), review)
    path = tmp_path / "big.pdf"
    result = cli("report", str(review), "-o", str(path))
    assert result.exit_code == 0, result.stderr
    assert "drawn as one box per group" in text_of(path)


def test_the_footer_digest_follows_the_input_bytes(tmp_path: Path):
    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
    text = EXAMPLE.read_text(encoding="utf-8")
    first.write_text(text, encoding="utf-8")
    second.write_text(text + "\n", encoding="utf-8")
    digests = []
    for path in (first, second, first):
        digests.append(load(path).sources.digest)
    assert digests[0] == digests[2] != digests[1]


def test_characters_the_fonts_cannot_draw_are_named(tmp_path: Path):
    """Typst draws no glyph for a character its bundled fonts lack (CJK, emoji) and says nothing: the command
    names each on stderr. The PDF bears the warning out: pypdf reads those glyphs as .notdef (NUL)."""
    review = tmp_path / "r.yaml"
    review.write_text(EXAMPLE.read_text(encoding="utf-8").replace(
        '"Holder: Strategic Director Dev. Culture & Regen"', '"王小明 😀 Zoë Ζωή Жанна"', 1), encoding="utf-8")
    path = tmp_path / "r.pdf"
    result = cli("report", str(review), "-o", str(path), "--audience", "confidential")
    assert result.exit_code == 0, result.stderr
    assert "cannot draw 4 characters" in result.stderr
    for named in ("U+738B 王", "U+5C0F 小", "U+660E 明", "U+1F600 😀"):
        assert named in result.stderr, named
    assert "U+00EB" not in result.stderr and "U+0396" not in result.stderr  # ë and Ζ are drawn
    row = next(line for line in text_of(path).splitlines() if "P01" in line)
    assert "Zoë Ζωή Жанна" in row and "\x00\x00\x00 \x00" in row


def test_a_paper_of_drawable_text_gives_no_warning(public: Path):
    result = cli("report", str(EXAMPLE), "-o", str(public.parent / "again.pdf"), "--audience", "confidential")
    assert result.exit_code == 0 and "warning" not in result.stderr


def test_the_glyph_table_matches_the_fonts_typst_bundles():
    """render/glyphs.py is made from the installed typst's fonts: a typst upgrade that changes them fails here
    until `python -m tests.support.glyphs` is run again."""
    from .support.glyphs import TARGET, module_text

    assert TARGET.read_text(encoding="utf-8") == module_text()


def test_undrawn_leaves_aside_characters_that_take_no_glyph():
    from slotting.render.report import undrawn

    assert undrawn(["A\u200d\ufe0f\u202e\t", "£…→ΩЖم"]) == []
    assert undrawn(["王", "x😀王"]) == ["王", "😀"]


def many_groups(tmp_path: Path, people: int) -> Path:
    data = generated(people)
    for i, post in enumerate(data["old"] + data["new"]):
        post["group"] = f"Group {i:05d} " + "of a long name " * (i % 3)
    review = tmp_path / "groups.yaml"
    write_yaml(data, review)
    return review


def test_a_review_of_thousands_of_groups_is_summarised(tmp_path: Path):
    """Each group a row and a bar once made Typst take 55 s and 4 GB for 20,000 groups (and abort beyond)."""
    from slotting.render.report import BARS, GROUPS_DRAWN, ROWS

    path = tmp_path / "r.pdf"
    result = cli("report", str(many_groups(tmp_path, 3000)), "-o", str(path))
    assert result.exit_code == 0, result.stderr
    text = text_of(path)
    assert f"The {GROUPS_DRAWN - 1} groups with most places are drawn" in text
    assert "5,801 other groups (each in" in text  # 6,000 groups: the 199 that cost most, and one row for the rest
    assert f"The {BARS} groups that cost most" in text
    assert len(pypdf.PdfReader(path).pages) < 20
    assert text.count("Group 0") < ROWS + 2 * GROUPS_DRAWN + BARS


def test_the_summarised_savings_rows_still_add_up_to_the_total(tmp_path: Path):
    from slotting import cost, slot
    from slotting.render.report import ROWS, savings_shown

    review = load(many_groups(tmp_path, 800))
    figures = cost(review, slot(review))
    shown = savings_shown(figures)
    assert len(figures.rows) > ROWS == len(shown.rows)
    for field in ("existing_posts", "existing_cost", "new_posts", "new_cost", "saving"):
        assert sum(getattr(r, field) for r in shown.rows) == getattr(figures.total, field), field
    costliest = max(figures.rows, key=lambda r: r.existing_cost + r.new_cost)
    assert costliest in shown.rows


def test_long_text_is_cut_in_the_pdf_and_kept_in_markdown(tmp_path: Path):
    title = "A very long title " * 500
    pdf, md = tmp_path / "r.pdf", tmp_path / "r.md"
    for path in (pdf, md):
        assert cli("report", str(EXAMPLE), "-o", str(path), "--title", title).exit_code == 0
    assert "…" in text_of(pdf) and title.strip() in md.read_text(encoding="utf-8")


def test_a_typst_crash_is_a_message_and_exit_1(tmp_path: Path, monkeypatch):
    """Whatever stops Typst (here an abort, as Rust's allocator does when memory runs out), this process
    lives to say so, and no file is written."""
    monkeypatch.setattr("slotting.render.report.typesetting._CHILD", "import os; os.abort()")
    path = tmp_path / "r.pdf"
    result = cli("report", str(EXAMPLE), "-o", str(path))
    assert result.exit_code == 1, result.stderr
    assert f"{path}: the paper is too large to lay out: Typst was stopped by SIGABRT" in result.stderr
    assert "-o FILE.md" in result.stderr and not path.exists()


def test_typst_out_of_memory_is_a_message(monkeypatch):
    from slotting.render.report import typesetting

    monkeypatch.setattr(typesetting, "LAYOUT_BYTES", 700 * 1024**2)
    with pytest.raises(typesetting.TypesetError, match="too large to lay out"):
        typesetting.typeset("#table(columns: 6, ..range(300000).map(i => str(i) * 3))", {}, "2011-12-13")


def test_a_typst_error_is_a_message(monkeypatch):
    from slotting.render import report

    with pytest.raises(report.TypesetError, match="Typst could not lay out the paper: panicked with: no"):
        report.typeset('#panic("no")', {}, "2011-12-13")


# The finance view (issue 26): the paper's profile, exit costs and payback are the `savings` command's own.

FINANCE = EXAMPLE.parent / "finance" / "leicester_2011_finance.yaml"
PAYBACK = Path(__file__).parent / "finance" / "payback.yaml"  # one person displaced, no pools
AMOUNT = re.compile(r"\(?-?£[\d,]+(?:\.\d\d)?\)?|-")


def amount(cell: str) -> Decimal:
    """Gives the amount a cell of the paper shows: £1,234.56, (£1,234) for a negative one, - for none."""
    if cell == "-":
        return Decimal(0)
    value = Decimal(cell.strip("()").replace("£", "").replace(",", ""))
    return -value if cell.startswith("(") else value


def pence(value) -> Decimal:
    """Gives a JSON number as the paper shows it: to the penny."""
    return Decimal(str(value)).quantize(Decimal("0.01"))


def papers(folder: Path, review: Path) -> dict[str, str]:
    """Gives the text of the public PDF, the public Markdown and the confidential Markdown papers of a review."""
    texts = {}
    for name, args in (("public.pdf", ()), ("public.md", ()), ("confidential.md", ("--audience", "confidential"))):
        result = cli("report", str(review), "-o", str(folder / name), *args)
        assert result.exit_code == 0, result.stderr
        texts[name] = text_of(folder / name) if name.endswith(".pdf") else (folder / name).read_text(encoding="utf-8")
    return texts


@pytest.fixture(scope="module")
def finance_papers(tmp_path_factory) -> dict[str, str]:
    return papers(tmp_path_factory.mktemp("finance"), FINANCE)


@pytest.fixture(scope="module")
def savings_json() -> dict:
    result = cli("savings", str(FINANCE), "--format", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def finance_json(savings_json) -> dict:
    return savings_json["finance"]


def section(text: str, start: str, end: str) -> str:
    """Gives the text from the heading `start` to the heading `end` (the first of each after the other)."""
    head = text.index(start)
    return text[head:text.index(end, head)]


def test_the_financial_year_table_is_the_savings_commands(finance_papers, finance_json):
    """Every cell of the paper's profile, in the PDF and in Markdown, equals the one `savings --format json` gives;
    the time-limited Health funding ends in March 2013, so 2013/14 costs £78,000 more than 2012/13."""
    years = finance_json["years"]
    assert years[2]["new_cost"] - years[1]["new_cost"] == 78000
    fields = ["existing_cost", "new_cost", "gross_saving", "protection", "one_off", "net_saving",
              "cumulative_net_saving"]
    for name in ("public.pdf", "public.md"):
        table = section(finance_papers[name], "By financial year", "Payback")
        lines = [line for line in table.splitlines() if re.match(r"\|? ?\d{4}/\d\d ", line)]
        assert len(lines) == len(years), name
        for line, year in zip(lines, years):
            cells = [c for c in re.split(r" \| | ", line.strip("| ")) if c]
            assert cells[0] == year["year"] and cells[1] == f"{year['days_in_force']}/{year['days_in_year']}", line
            assert [amount(c) for c in cells[2:]] == [Decimal(year[f]) for f in fields], (name, line)
        payback = f"Payback: month {finance_json['payback_month']} from the effective date"
        assert payback in finance_papers[name]


def test_the_12_month_table_is_the_savings_commands(finance_papers, savings_json):
    """The profile by 12 months from the effective date, as `savings` prints it: the financial years' figures
    regrouped (the Health funding's end in March 2013 included), the whole exit cost as year 1's one-off."""
    years = savings_json["years"]
    assert years[1]["new_cost"] != years[0]["new_cost"]  # the funding ends within the second 12 months
    for name in ("public.pdf", "public.md"):
        table = section(finance_papers[name], "Year by year (12 months from 2 January 2012)", "By financial year")
        lines = [line for line in table.splitlines() if re.match(r"\|? ?[1-9] ", line)]
        assert len(lines) == len(years), name
        for line, year in zip(lines, years):
            cells = [c for c in re.split(r" \| | ", line.strip("| ")) if c]
            assert cells[0] == str(year["year"]), line
            assert [amount(c) for c in cells[1:]] == [Decimal(year[f]) for f in ("new_cost", "protection", "saving",
                                                                                  "one_off")], (name, line)
        assert "One-off redundancy" not in finance_papers[name]  # one one-off: the whole exit cost


def test_the_exit_costs_are_the_savings_commands(finance_papers, finance_json):
    """The parts and the pools' estimates, to the penny, as `savings` gives them; each table's rows add up to
    the total, which is the one-off the profile takes (rounded to its cells)."""
    exits = finance_json["exit_costs"]
    labels = {"redundancy": "Redundancy pay", "notice": "Pay in lieu of notice", "pension_strain": "Pension strain",
              "employer_ni": "Employer National Insurance"}
    for name in ("public.pdf", "public.md", "confidential.md"):
        text = section(finance_papers[name], "One-off exit costs (estimate)", "Conventions")
        figures = {label: amount(m.group(1)) for label in (*labels.values(), "Total, in 2011/12", "Total")
                   if (m := re.search(rf"^\|? ?{re.escape(label)} \|? ?(£[\d,.]+)", text, re.MULTILINE))}
        parts = [figures[labels[part]] for part in labels]
        assert parts == [pence(exits["part_totals"][part]) for part in labels], name
        assert figures["Total, in 2011/12"] == figures["Total"] == pence(exits["total"]) == sum(parts), name
        pools = [amount(m) for m in re.findall(r"Pool for [^:|]+: [^£]*(£[\d,.]+)", text)]
        assert pools == [pence(p["amount"]) for p in exits["pools"]] and sum(pools) == figures["Total"], name
    assert round(Decimal(str(exits["total"])), -2) == finance_json["years"][0]["one_off"]


def test_the_public_exit_costs_name_nobody(finance_papers):
    """The public paper's exit costs are totals by part and by pool; the confidential paper lists each person."""
    review = load(FINANCE)
    for name in ("public.pdf", "public.md"):
        text = section(finance_papers[name], "One-off exit costs (estimate)", "Conventions")
        for person in review.people:
            assert not re.search(rf"\b{person.id}\b", text), (name, person.id)
            assert person.name not in text, (name, person.id)
        assert "Exit costs by person" not in finance_papers[name]
    confidential = section(finance_papers["confidential.md"], "Exit costs by person", "Conventions")
    for person_id, total in (("P02", "£87,196.54"), ("P13", "£12,490.38")):
        assert re.search(rf"^\| {person_id} \|.*\| {re.escape(total)} \|$", confidential, re.MULTILINE), person_id


def test_one_displaced_persons_parts_stay_out_of_the_public_paper(tmp_path: Path):
    """With one person displaced and no pool, the parts would be theirs: the public paper gives the total alone,
    never how many are displaced or lack a figure for a part (counts below 5), nor who; the confidential paper
    gives both."""
    texts = papers(tmp_path, PAYBACK)
    for name in ("public.pdf", "public.md"):
        text = section(texts[name], "One-off exit costs (estimate)", "Conventions")
        # one displaced is a count the disclosure control hides: neither the row nor the notes give it
        assert "Displaced (the parts are not given in a public paper" in text.replace("\n", " "), name
        assert "Pension strain" not in text and "P2" not in text and "1 person" not in text, name
        assert "No figure for redundancy pay for fewer than 5 people at risk" in text.replace("\n", " "), name
    text = section(texts["confidential.md"], "One-off exit costs (estimate)", "Conventions")
    assert "| Pension strain | £40,000 |" in text and "No figure for redundancy pay: P2." in text
    assert re.search(r"^\| P2 \|.*\| displaced \| no figure \| £0 \| £40,000 \| £0 \| £40,000 \|$", text, re.MULTILINE)


def test_the_summary_gives_the_payback(finance_papers):
    summary = section(finance_papers["public.md"], "## Summary", "## Structure")
    assert "- Payback: month 3 from the effective date" in summary


def test_without_the_finance_view_the_paper_is_as_it_was(tmp_path: Path, monkeypatch):
    """The bundled example has no finance view: its paper keeps the 12-month profile and nothing of the finance
    view. Regenerate tests/golden/leicester_report.md only on purpose (SLOTTING_UPDATE_GOLDEN=1) and review the
    diff; the footer's version and digest are left aside."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH["SOURCE_DATE_EPOCH"])
    md, pdf = tmp_path / "r.md", tmp_path / "r.pdf"
    for path in (md, pdf):
        assert cli("report", str(EXAMPLE), "-o", str(path)).exit_code == 0
    text = re.sub(r"\nslotting \S+, (\S+); inputs SHA-256 [0-9a-f]+\n$", r"\nslotting VERSION, \1; inputs SHA-256 DIGEST\n",
                  md.read_text(encoding="utf-8"))
    golden = Path(__file__).parent / "golden" / "leicester_report.md"
    if os.environ.get("SLOTTING_UPDATE_GOLDEN") == "1":
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8"), "the paper changed; see the docstring"
    printed = text_of(pdf)
    assert "Year by year" in printed and "One-off redundancy" in printed
    for absent in ("By financial year", "Payback", "exit costs", "Conventions of the financial years"):
        assert absent not in printed and absent not in text, absent


# The method of another employer's paper (issue 29): the policy worded from its values, Leicester cited only for a
# value that is the reference case's, and not at all when the employer gives its own references.

def method_of(path: Path, folder: Path) -> list[str]:
    out = folder / "m.md"
    result = cli("report", str(path), "-o", str(out), "--sections", "method")
    assert result.exit_code == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    return [line for line in section(text, "## Method", "| Grade").splitlines() if line.startswith("- ")]


def test_a_value_of_the_reviews_own_cites_no_reference_case(tmp_path: Path):
    lines = method_of(EXAMPLE.parent / "policies" / "nhs_two_thirds.yaml", tmp_path)
    own = [line for line in lines if "set by the review" in line]
    assert own and own[0].startswith("- assimilate\\_threshold = 2/3") and "Overlap % at or above" in own[0]
    assert not any("Leicester" in line for line in own)
    assert all("Leicester" in line for line in lines if ": the default." in line)  # the reference case's values


def test_an_employers_own_references_replace_the_reference_cases(tmp_path: Path):
    data = yaml.safe_load((EXAMPLE.parent / "policies" / "nhs_two_thirds.yaml").read_text(encoding="utf-8"))
    data["review"]["paper"] = {"policy": ["The trust's Organisational Change Policy (HR-12), section 4."]}
    path = tmp_path / "r.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    lines = method_of(path, tmp_path)
    assert "- The trust's Organisational Change Policy (HR-12), section 4." in lines
    assert not any("Leicester" in line or "\\_threshold" in line for line in lines)
