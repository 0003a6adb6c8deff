"""`slotting letters` (issue 19): one Word letter per person, from templates, written all at once."""

from __future__ import annotations

import csv
import datetime
import importlib.util
import io
import re
import zipfile
from pathlib import Path

import docx

from slotting import load, slot
from slotting.render.letter_docx import LetterTemplate
from slotting.render.letters import default_templates, docx_letters, prepared
from slotting.rules.letters import letters
from slotting.rules.timeline import timeline

from .conftest import EXAMPLE, ROOT, cli
from .hostile import example
from .support.letter_templates import folder_of, template

TEMPLATES = ROOT / "src" / "slotting" / "data" / "letters"


def text(path: Path) -> str:
    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


def test_twenty_letters_and_a_manifest_for_the_example(tmp_path: Path):
    out = tmp_path / "letters"
    result = cli("letters", str(EXAMPLE), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO((out / "manifest.csv").read_text(encoding="utf-8"))))
    assert len(rows) == 20 and sorted(p.name for p in out.iterdir()) == sorted([r["file"] for r in rows] + ["manifest.csv"])
    assert set(rows[0]) == {"person", "outcome", "file", "template"}  # no salary in the manifest
    review = load(EXAMPLE)
    slotted = slot(review)
    for row in rows:
        body = text(out / row["file"])
        person = slotted.person(row["person"])
        assert review.person[row["person"]].name in body
        if person.slots and not person.on_hold:
            post = review.new_post[person.slots[0].post]
            assert post.title in body and f"£{person.slots[0].pay.amount:,}" in body, row
        others = [p.salary for p in review.people if p.id != row["person"]]
        assert not any(f"£{s:,}" in body for s in others if s != (person.slots[0].pay.amount if person.slots else 0))
    p16 = text(out / "P16-assimilated.docx")
    assert "assimilated into the post of Director of Information and Customer Access" in p16
    assert "£85,575" in p16 and "protected: £10,525 a year for 2 years, until 1 January 2014" in p16
    assert "write to Human Resources by 9 December 2011, setting out your grounds" in p16


def employers_templates(folder: Path, assimilated: str) -> Path:
    """A template folder holding only an assimilation letter of one paragraph."""
    mine = folder / "templates"
    mine.mkdir()
    document = docx.Document()
    document.add_paragraph(assimilated)
    document.save(str(mine / "assimilated.docx"))
    return mine


def test_a_template_with_an_unknown_field_is_refused_and_nothing_is_written(tmp_path: Path):
    mine = employers_templates(tmp_path, "Dear {{ person_name }}, your salary is {{ salry }}.")
    out = tmp_path / "letters"
    result = cli("letters", str(EXAMPLE), "-o", str(out), "--template-dir", str(mine))
    assert result.exit_code == 1
    assert "assimilated.docx: unknown field(s) 'salry'" in result.stderr and not out.exists()


def test_an_employers_template_is_used_for_its_outcome(tmp_path: Path):
    mine = employers_templates(tmp_path, "To {{ person_name }}: you keep {{ new_post_title }} from {{ effective_date }}.")
    out = tmp_path / "letters"
    assert cli("letters", str(EXAMPLE), "-o", str(out), "--template-dir", str(mine)).exit_code == 0
    assert text(out / "P04-assimilated.docx").startswith("To Holder: Strategic Director Children: you keep")
    assert "Your slotting" in text(out / "P01-matched.docx")  # the default for the other outcomes


def test_a_folder_of_other_files_is_written_into_and_an_earlier_run_needs_force(tmp_path: Path):
    out = tmp_path / "letters"
    out.mkdir()
    (out / "keep.txt").write_text("mine", encoding="utf-8")
    first = cli("letters", str(EXAMPLE), "-o", str(out))
    assert first.exit_code == 0, first.stderr
    assert "1 other file(s) left as they were" in first.stderr and len(list(out.iterdir())) == 22
    again = cli("letters", str(EXAMPLE), "-o", str(out))
    assert again.exit_code == 1 and "holds the files of an earlier run" in again.stderr and "--force" in again.stderr
    assert cli("letters", str(EXAMPLE), "-o", str(out), "--force").exit_code == 0
    assert (out / "keep.txt").read_text(encoding="utf-8") == "mine" and len(list(out.iterdir())) == 22
    assert not [p for p in tmp_path.rglob(".*")]  # no staging folder left behind, in the folder or beside it


def test_markup_in_names_is_text_in_the_letter(tmp_path: Path):
    source = EXAMPLE.read_text(encoding="utf-8").replace('name: "Holder: Strategic Director Children"',
                                                         'name: "<w:p>A & B {{ x }}</w:p>"', 1)
    review = tmp_path / "r.yaml"
    review.write_text(source, encoding="utf-8")
    out = tmp_path / "letters"
    assert cli("letters", str(review), "-o", str(out)).exit_code == 0
    assert "Dear <w:p>A & B {{ x }}</w:p>," in text(out / "P04-assimilated.docx")


def test_one_markdown_letter_to_standard_output_and_usage():
    result = cli("letters", str(EXAMPLE), "--format", "markdown", "--person", "P16")
    assert result.exit_code == 0 and "## Your post in the new structure" in result.stdout
    assert cli("letters", str(EXAMPLE)).exit_code == 2


def test_the_default_templates_are_what_their_script_writes():
    spec = importlib.util.spec_from_file_location("make_letters", ROOT / "scripts" / "make_letter_templates.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for outcome in module.TEXTS:
        assert module.docx(outcome) == (TEMPLATES / f"{outcome}.docx").read_bytes(), outcome


def letters_of(tmp_path: Path, template_bytes: bytes, review: Path = EXAMPLE) -> Path:
    """Runs `letters` with one employer's template (assimilated) and gives the folder of letters."""
    mine = folder_of(tmp_path, "assimilated", template_bytes)
    out = tmp_path / "letters"
    result = cli("letters", str(review), "-o", str(out), "--template-dir", str(mine))
    assert result.exit_code == 0, result.stderr
    return out


def part(path: Path, member: str) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read(member).decode("utf-8")


def test_properties_headers_and_footnotes_are_filled_and_escaped_once(tmp_path: Path):
    review = example(tmp_path, ('"Holder: Strategic Director Children"', '"Smith & Jones <b>"'))
    data = template("Dear {{ person_name }}", header="For {{ person_name }}", footnotes="Note on {{ person_name }}",
                    properties={"title": "Letter to {{ person_name }}", "subject": "{{ new_post_title }}"})
    out = letters_of(tmp_path, data, review)
    letter = out / "P04-assimilated.docx"
    document = docx.Document(str(letter))
    assert document.core_properties.title == "Letter to Smith & Jones <b>"  # not Smith &amp; Jones
    assert document.core_properties.subject == "Strategic Director - Education & Children's Services"
    assert document.sections[0].header.paragraphs[0].text == "For Smith & Jones <b>"
    assert "Note on Smith &amp; Jones &lt;b&gt;" in part(letter, "word/footnotes.xml")
    assert "&amp;amp;" not in "".join(part(letter, m) for m in zipfile.ZipFile(letter).namelist() if m.endswith(".xml"))
    assert text(letter) == "Dear Smith & Jones <b>"


def test_control_characters_in_fields_never_reach_a_document(tmp_path: Path):
    review = example(tmp_path, ('"Holder: Strategic Director Children"', '"A\\fB\\tC\\nD\\u0007E\\u0085F"'))
    out = letters_of(tmp_path, template("Dear {{ person_name }},", properties={"title": "{{ person_name }}"}), review)
    letter = out / "P04-assimilated.docx"
    body = part(letter, "word/document.xml")
    assert "Dear A B C DE F," in text(letter)  # breaks as spaces, a bell removed
    assert 'w:type="page"' not in body and "<w:br/>" not in body and "<w:tab/>" not in body
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f]", body + part(letter, "docProps/core.xml"))
    markdown = cli("letters", str(review), "--format", "markdown", "--person", "P04")
    assert markdown.exit_code == 0 and "Dear A\\\\x0cB" in markdown.stdout
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f]", markdown.stdout)


def test_letters_are_docxtpls_for_its_markup(tmp_path: Path):
    """The template is compiled once, not re-read per letter as docxtpl does: the letters must still be what
    docxtpl makes of docxtpl's markup (paragraph ifs, table row loops, headers), part for part."""
    from docxtpl import DocxTemplate
    from jinja2 import StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    document = docx.Document()
    document.add_paragraph("{%p if protection %}")
    document.add_paragraph("Protected by {{ protection }} until {{ protection_end }}.")
    document.add_paragraph("{%p endif %}")
    table = document.add_table(rows=3, cols=2)
    table.cell(0, 0).text = "{%tr for i in range(3) %}"
    table.cell(1, 0).text, table.cell(1, 1).text = "{{ i }}", "{{ person_name }}"
    table.cell(2, 0).text = "{%tr endfor %}"
    document.add_paragraph("Dear {{ person_name }}, {{ new_post_title|upper }}"
                           "{% if pool_places %} ({{ pool_places }}){% endif %}")
    document.sections[0].header.paragraphs[0].text = "{{ review_name }}"
    buffer = io.BytesIO()
    document.save(buffer)
    out = letters_of(tmp_path, buffer.getvalue())
    review = load(EXAMPLE)
    made = letters(review, slot(review), timeline(review, slot(review)))
    for letter in made:
        if letter.outcome != "assimilated":
            continue
        theirs = DocxTemplate(io.BytesIO(buffer.getvalue()))
        theirs.render(letter.fields, jinja_env=SandboxedEnvironment(undefined=StrictUndefined), autoescape=True)
        saved = io.BytesIO()
        theirs.save(saved)
        expected = docx.Document(saved)
        mine = docx.Document(str(out / f"{letter.person}-assimilated.docx"))
        assert mine.element.body.xml == expected.element.body.xml, letter.person
        assert mine.sections[0].header._element.xml == expected.sections[0].header._element.xml
        assert [p.text for p in mine.paragraphs] == [p.text for p in expected.paragraphs]
    assert "Protected by £10,525 until 1 January 2014." in text(out / "P16-assimilated.docx")


def test_the_same_letter_is_the_same_bytes(tmp_path: Path):
    first, second = tmp_path / "a", tmp_path / "b"
    assert cli("letters", str(EXAMPLE), "-o", str(first)).exit_code == 0
    assert cli("letters", str(EXAMPLE), "-o", str(second)).exit_code == 0
    assert all((first / p.name).read_bytes() == p.read_bytes() for p in second.iterdir())
    with zipfile.ZipFile(first / "P16-assimilated.docx") as archive:
        assert archive.testzip() is None and archive.namelist() == zipfile.ZipFile(TEMPLATES / "assimilated.docx").namelist()


def test_letters_are_made_one_at_a_time():
    """A generator that makes each letter when asked: 20,000 letters never sit in memory together."""
    review = load(EXAMPLE)
    result = slot(review)
    made = letters(review, result, timeline(review, result), on=datetime.date(2011, 12, 2))
    ready = prepared(default_templates())
    filled_for: list[str] = []
    original = LetterTemplate.filled

    def counting(self, fields, person):
        filled_for.append(person)
        return original(self, fields, person)

    LetterTemplate.filled = counting  # type: ignore[method-assign]
    try:
        documents = docx_letters(made, ready)
        assert not filled_for
        name, data = next(documents)
        assert filled_for == [made[0].person] and name == f"{made[0].person}-{made[0].outcome}.docx"
        rest = [n for n, _ in documents]
    finally:
        LetterTemplate.filled = original  # type: ignore[method-assign]
    assert len(filled_for) == 20 and rest[-1] == "manifest.csv"


def test_a_template_that_fails_for_one_person_leaves_nothing(tmp_path: Path):
    data = template("{% if person_id == 'P16' %}{{ 1 / 0 }}{% endif %}Dear {{ person_name }}")
    mine = folder_of(tmp_path, "assimilated", data)
    out = tmp_path / "letters"
    result = cli("letters", str(EXAMPLE), "-o", str(out), "--template-dir", str(mine))
    assert result.exit_code == 1 and "the letter for P16 cannot be filled" in result.stderr
    assert "near \u201c{% if person_id == 'P16' %}" in result.stderr and "it divides by zero" in result.stderr
    assert not out.exists() and not list(tmp_path.glob(".*"))


def test_markup_in_a_field_is_never_run(tmp_path: Path):
    """A name holding template markup is text: rendered once, never filled again (docxtpl fills footnotes once per
    section, so a second section would fill a name's markup)."""
    review = example(tmp_path, ('"Holder: Strategic Director Children"', '"{{ review_name }} {_{ x }_}"'))
    document = docx.Document(io.BytesIO(template("Dear {{ person_name }}", footnotes="To {{ person_name }}")))
    document.add_section()
    buffer = io.BytesIO()
    document.save(buffer)
    out = letters_of(tmp_path, buffer.getvalue(), review)
    assert "To {{ review_name }}" in part(out / "P04-assimilated.docx", "word/footnotes.xml")


def test_tapered_protection_is_stated_year_by_year(tmp_path: Path):
    """Tapered protection (100% then 50%) is £10,525 then £5,262.50 for P16: the letter says both years, as explain
    does, never '£10,525 a year until ...' (issue: letters and explain disagreed)."""
    text = EXAMPLE.read_text(encoding="utf-8").replace("policy:", "policy:\n  protection: {scheme: tapered, shares: [1, 0.5]}", 1)
    path = tmp_path / "review.yaml"
    path.write_text(text, encoding="utf-8")
    result = cli("letters", str(path), "--format", "markdown", "--person", "P16")
    assert result.exit_code == 0, result.stderr
    assert "protected: £10,525 in the first year and £5,262.50 in the second year, until 1 January 2014" in result.stdout
    explained = cli("explain", str(path), "P16").stdout
    assert "£10,525 in year 1" in explained and "£5,262.50 in year 2" in explained
