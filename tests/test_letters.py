"""`slotting letters` (issue 19): one Word letter per person, from templates, written all at once."""

from __future__ import annotations

import csv
import importlib.util
import io
from pathlib import Path

import docx

from slotting import load, slot

from .conftest import EXAMPLE, ROOT, cli

TEMPLATES = ROOT / "src" / "slotting" / "data" / "letters"


def text(path: Path) -> str:
    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


def test_twenty_letters_and_a_manifest_for_the_example(tmp_path: Path):
    out = tmp_path / "letters"
    result = cli("letters", str(EXAMPLE), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO((out / "manifest.csv").read_text(encoding="utf-8"))))
    assert len(rows) == 20 and sorted(p.name for p in out.iterdir()) == sorted([r["file"] for r in rows] + ["manifest.csv"])
    assert set(rows[0]) == {"person", "outcome", "file"}  # no salary in the manifest
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
    assert "£85,575" in p16 and "protected by £10,525 a year until 1 January 2014" in p16
    assert "please write to HR by 9 December 2011" in p16


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


def test_the_folder_is_written_whole_or_not_at_all(tmp_path: Path):
    out = tmp_path / "letters"
    out.mkdir()
    (out / "keep.txt").write_text("mine", encoding="utf-8")
    refused = cli("letters", str(EXAMPLE), "-o", str(out))
    assert refused.exit_code == 1 and "not empty" in refused.stderr and [p.name for p in out.iterdir()] == ["keep.txt"]
    assert cli("letters", str(EXAMPLE), "-o", str(out), "--force").exit_code == 0
    assert not (out / "keep.txt").exists() and len(list(out.iterdir())) == 21
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary folder left behind


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
    spec = importlib.util.spec_from_file_location("make_letters", TEMPLATES / "_make.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for outcome in module.TEXTS:
        assert module.docx(outcome) == (TEMPLATES / f"{outcome}.docx").read_bytes(), outcome
