"""What the default letters say, by outcome (issue 29): the statutory content, each phrase with its source; the
date, reference and addressee block; an A4 page; fields a letter prints while empty refused (or, with
--allow-missing, shown as placeholders); the employer's templates and the defaults used beside them named."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import docx
import pytest

from slotting import load, slot
from slotting.formats import pounds as money_words
from slotting.render.letter_texts import CLOSING, OPENING, TEXTS, paragraphs
from slotting.render.letters import MissingFields, Unfilled, markdown_letter
from slotting.rules.case import cases
from slotting.rules.letters import FIELDS, GIVE, NEW_FIELDS, letters
from slotting.rules.timeline import timeline

from .conftest import EXAMPLE, ROOT, cli
from .support.letter_templates import folder_of, template

FINANCE = ROOT / "examples" / "finance" / "leicester_2011_finance.yaml"
TEMPLATES = ROOT / "src" / "slotting" / "data" / "letters"
DAY = "2011-12-02"

# What each letter must say, with where the duty or the fact comes from. "Leicester" is the reference case.
APPEAL = [
    ("You may appeal against this slotting if you believe the slotting policy has been applied wrongly",
     "grounds: Leicester notes of 28 October 2011, item 5 (the criteria appealed against)"),
    ("To appeal, write to Human Resources by 9 December 2011, setting out your grounds",
     "route and deadline: Leicester business case s.7.1, report s.10.2"),
    ("Your appeal will be heard by a manager who has had no previous involvement in the review",
     "who hears it: Leicester report s.10.3; Acas Code para 26-27"),
]
UNCHANGED = ("other terms and conditions", "ERA 1996 s.4: the statement of changes; the rest unchanged")
REQUIRED = {
    "assimilated": [
        ("you have been assimilated into the post of", "Leicester notes of 28 October 2011, item 5"),
        ("This letter is the written statement of the changes to your particulars of employment",
         "ERA 1996 s.4(1), (3)"), UNCHANGED, *APPEAL],
    "matched": [
        ("You are invited to a competency assessment", "Leicester notes item 5; report s.11.1"),
        ("If you are not confirmed in the post, you will be at risk of redundancy", "Leicester notes item 5"),
        ("you will have a trial period of 4 weeks", "ERA 1996 s.138(3)"),
        ("treated as dismissed for redundancy when your current contract ended", "ERA 1996 s.138(2), s.141"),
        UNCHANGED, *APPEAL],
    "competitive": [
        ("2 people for 1", "Leicester notes item 5: a competitive selection"),
        ("The selection will be by a competitive interview", "Leicester report s.11.1 (the method)"),
        ("against the requirements of the new post, as its job description and person specification set them out",
         "Leicester notes item 5 (the criteria); Williams v Compair Maxam"),
        ("If you are not selected, you will be at risk of redundancy", "Leicester notes item 5"),
        UNCHANGED, *APPEAL],
    "displaced": [
        ("you are at risk of redundancy", "Leicester notes item 5; report s.12.1"),
        ("This letter is not notice of dismissal", "Leicester report s.12.1; Polkey"),
        ("individual consultation meeting", "Williams v Compair Maxam; Polkey; TULRCA 1992 s.188"),
        ("These posts are ring-fenced for people at risk", "Leicester notes item 5"),
        ("suitable alternative employment", "redeployment: ERA 1996 s.141"),
        ("priority for a suitable alternative vacancy", "MPL Regulations 1999 reg 10; SI 2024/310"),
        ("trial period of 4 weeks (if you start it when your current contract could first end, on 14 March 2012, "
         "the trial ends on 11 April 2012)", "ERA 1996 s.138; the case's dates"),
        ("your notice period would be 12 weeks, and no dismissal could take effect before 14 March 2012",
         "ERA 1996 s.86; the case"),
        ("your redundancy payment would be £11,825 (27.5 weeks' pay) and your pay for your notice £22,869.23",
         "ERA 1996 s.162, s.227; the case's entitlements"),
        ("55 or over when your employment ends by redundancy, your pension is paid straight away, without reduction",
         "LGPS Regulations 2013 reg 30(7)"),
        ("you would be 55 or over when your employment ended, so this applies to you", "the case's pension strain"),
        ("reasonable paid time off during working hours to look for new employment", "ERA 1996 s.52"),
        ("a right of appeal against the dismissal, separate from an appeal against this slotting",
         "Leicester report s.12.1, s.14.4"),
        UNCHANGED, *APPEAL],
    "on_hold": [
        ("appointments to that post are on hold", "Leicester report s.7.1"),
        ("you stay in your current post of", "Leicester report s.7.1 (current post continues)"),
        ("on your current pay", "Leicester report s.7.1 (current pay continues)"),
        UNCHANGED, *APPEAL],
    "out_of_review": [
        ("is outside the scope of the", "the review's scope"), UNCHANGED],
}
BLOCK = ["Private and confidential", "Date: 2 December 2011", "Our reference: Leicester City Council senior "
         "management review 2011 (phase 2)/"]


def every_outcome(folder: Path) -> Path:
    """The finance example with every outcome: P10 displaced (its match removed; an age, service and pension
    given), P12 outside the review, the others as the example has them (P02 and P03 on hold)."""
    text = FINANCE.read_text(encoding="utf-8")
    for old, new in (("  - {old_post: OLD-DD-PC, new_post: NEW-DD-YPS, old_in_new: 65, new_from_old: 50}", ""),
                     ("post: OLD-DD-PC, salary: 99100,", "post: OLD-DD-PC, salary: 99100, age: 56, service_years: 20, "
                      "pension: 30000,"),
                     ("post: OLD-DD-ENV, salary: 100300,", "post: OLD-DD-ENV, salary: 100300, in_review: false,")):
        assert old in text, old
        text = text.replace(old, new, 1)
    path = folder / "every_outcome.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def flat(text: str) -> str:
    return " ".join(text.replace("\\", "").split())


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> dict[str, tuple[str, str]]:
    """Each outcome's first letter, as Word (its text) and Markdown."""
    folder = tmp_path_factory.mktemp("outcomes")
    review = every_outcome(folder)
    out = folder / "letters"
    result = cli("letters", str(review), "-o", str(out), "--date", DAY)
    assert result.exit_code == 0, result.stderr
    assert "warning" not in result.stderr and "note" not in result.stderr
    rows = list(csv.DictReader(io.StringIO((out / "manifest.csv").read_text(encoding="utf-8"))))
    assert {r["outcome"] for r in rows} == set(TEXTS)
    found = {}
    for row in rows:
        if row["outcome"] in found:
            continue
        words = "\n".join(p.text for p in docx.Document(str(out / row["file"])).paragraphs)
        markdown = cli("letters", str(review), "--format", "markdown", "--person", row["person"], "--date", DAY)
        assert markdown.exit_code == 0, markdown.stderr
        found[row["outcome"]] = (words, markdown.stdout)
    return found


@pytest.mark.parametrize("outcome", list(TEXTS))
def test_every_default_letter_says_what_the_law_and_the_policy_require(made, outcome):
    words, markdown = made[outcome]
    for phrase, source in [*REQUIRED[outcome], *((b, "the letter's block") for b in BLOCK)]:
        assert phrase in flat(words), (outcome, phrase, source)
        assert phrase in flat(markdown), (outcome, phrase, source)
    for shown in (words, markdown):
        assert "{#" not in shown and "Source:" not in shown and "<!--" not in shown  # sources stay in the templates
        assert "{{" not in shown and "{%" not in shown and "not set]" not in shown


def test_every_paragraph_that_states_something_cites_its_source():
    form = {"Private and confidential", "Yours sincerely,", "Human Resources", ""}
    for outcome in TEXTS:
        said = paragraphs(outcome)
        subject = said[len(OPENING)]
        for paragraph in said:
            if paragraph is subject or paragraph in OPENING[1:] or paragraph.text in form:
                continue
            assert paragraph.source, (outcome, paragraph.text)
        document = docx.Document(str(TEMPLATES / f"{outcome}.docx"))
        kept = [p.text for p in document.paragraphs if "{# Source: " in p.text]
        assert len(kept) == sum(1 for p in said if p.source), outcome  # each source kept in the Word template
    assert CLOSING[1].source


def test_the_default_templates_are_a4_and_an_employers_page_is_kept(tmp_path: Path):
    for outcome in TEXTS:
        section = docx.Document(str(TEMPLATES / f"{outcome}.docx")).sections[0]
        assert (section.page_width.twips, section.page_height.twips) == (11906, 16838), outcome  # 210 x 297 mm
        assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    out = tmp_path / "letters"
    assert cli("letters", str(EXAMPLE), "-o", str(out)).exit_code == 0
    section = docx.Document(str(out / "P16-assimilated.docx")).sections[0]
    assert (section.page_width.twips, section.page_height.twips) == (11906, 16838)
    mine = folder_of(tmp_path, "assimilated", template("Dear {{ person_name }}"))  # python-docx's: US Letter
    theirs = tmp_path / "theirs"
    assert cli("letters", str(EXAMPLE), "-o", str(theirs), "--template-dir", str(mine)).exit_code == 0
    kept = docx.Document(str(theirs / "P16-assimilated.docx")).sections[0]
    assert (kept.page_width.twips, kept.page_height.twips) == (12240, 15840)  # 8.5 x 11 inches, as given


def test_the_bundled_example_has_every_field_its_letters_print(tmp_path: Path):
    """The example (which stays as it is) gives every field the default letters print: no --allow-missing."""
    out = tmp_path / "letters"
    result = cli("letters", str(EXAMPLE), "-o", str(out), "--date", DAY)
    assert result.exit_code == 0, result.stderr
    assert "warning" not in result.stderr and "not set" not in result.stderr
    words = "\n".join(p.text for p in docx.Document(str(out / "P05-competitive.docx")).paragraphs)
    assert "Holder: Director Change & Programme Mgt\nDirector Change & Programme Mgt\n\nDate: 2 December 2011\n" \
           "Our reference: Leicester City Council senior management review 2011 (phase 2)/P05" in words


def without_timeline(folder: Path) -> Path:
    text = EXAMPLE.read_text(encoding="utf-8")
    cut = text.split("  timeline:", 1)
    rest = cut[1].split("\n\npolicy:", 1)[1]
    path = folder / "review.yaml"
    path.write_text(cut[0] + "\npolicy:" + rest, encoding="utf-8")
    return path


def test_letters_that_print_empty_fields_are_refused_with_the_list(tmp_path: Path):
    review = without_timeline(tmp_path)
    out = tmp_path / "letters"
    result = cli("letters", str(review), "-o", str(out))
    assert result.exit_code == 1
    said = result.stderr
    assert "letters would print fields that are not set:" in said and "No letter was written" in said
    assert "matched letter of P01, P10, P14, P15, P18, P19, P20: appeals_close, assessments_by not set" in said
    assert "assimilated letter of P04, P07, P08, P09, P12, P16, P17: appeals_close not set" in said
    assert "competitive letter of P05, P06, P11, P13: appeals_close, assessments_by not set" in said
    assert "on_hold letter of P02, P03: appeals_close not set" in said
    assert "appeals_close: from review.timeline.slotting_list_issued" in said
    assert not out.exists() and not list(tmp_path.glob(".*"))
    markdown = cli("letters", str(review), "--format", "markdown", "--person", "P16")
    assert markdown.exit_code == 1 and markdown.stdout == "" and "P16: appeals_close not set" in markdown.stderr


def test_allow_missing_writes_placeholders_and_warns(tmp_path: Path):
    review = without_timeline(tmp_path)
    out = tmp_path / "letters"
    result = cli("letters", str(review), "-o", str(out), "--allow-missing")
    assert result.exit_code == 0, result.stderr
    assert "warning: letters written with placeholders" in result.stderr
    assert "assimilated letter of P04, P07, P08, P09, P12, P16, P17: appeals_close not set" in result.stderr
    words = "\n".join(p.text for p in docx.Document(str(out / "P16-assimilated.docx")).paragraphs)
    assert "write to Human Resources by [appeals_close not set], setting out" in words
    assert " by ." not in words and " by ," not in words
    markdown = cli("letters", str(review), "--format", "markdown", "--person", "P01", "--allow-missing")
    assert markdown.exit_code == 0 and "held by \\[assessments\\_by not set\\]" in markdown.stdout
    assert "P01: appeals_close, assessments_by not set" in markdown.stderr


def test_a_field_tested_before_it_is_printed_is_not_missing(tmp_path: Path):
    """`{% if protection %}` reads an empty field without printing it; a field printed inside the branch is."""
    review = load(EXAMPLE)
    result = slot(review)
    made = {x.person: x for x in letters(review, result, timeline(review, result))}
    p04, p16 = made["P04"], made["P16"]  # P04's pay does not fall; P16's does
    assert p04.fields["protection"] == "" and p16.fields["protection"]
    unfilled = Unfilled()
    markdown_letter(p04, unfilled)  # no letter_date (none given), which the letter prints
    assert unfilled.people == {"P04": ("assimilated", ("letter_date",))}
    broken = type(p16)(p16.person, p16.outcome, p16.fields | {"protection_end": "", "letter_date": "1 May 2012"})
    markdown_letter(broken, unfilled)
    assert unfilled.people["P16"] == ("assimilated", ("protection_end",))
    with pytest.raises(MissingFields) as refused:
        unfilled.check()
    assert refused.value.lines()[0].startswith("assimilated letter of P04: letter_date not set")
    joined = folder_of(tmp_path, "assimilated", template("Due {{ 'by ' ~ appeals_close }}"))
    out = tmp_path / "letters"
    quiet = without_timeline(tmp_path)
    refusal = cli("letters", str(quiet), "-o", str(out), "--template-dir", str(joined))
    assert refusal.exit_code == 1 and "appeals_close" in refusal.stderr  # joined with ~, still followed


def test_a_template_dir_with_some_outcomes_says_which_defaults_it_uses(tmp_path: Path):
    mine = folder_of(tmp_path, "assimilated", template("Dear {{ person_name }}, from {{ letter_date }}"))
    out = tmp_path / "letters"
    result = cli("letters", str(EXAMPLE), "-o", str(out), "--template-dir", str(mine), "--date", DAY)
    assert result.exit_code == 0, result.stderr
    assert (f"note: {mine} has no matched.docx, on_hold.docx, competitive.docx; the default templates are used: "
            "default:matched.docx for the 7 matched letter(s); default:on_hold.docx for the 2 on_hold letter(s); "
            "default:competitive.docx for the 4 competitive letter(s)") in " ".join(result.stderr.split())
    rows = {r["person"]: r for r in csv.DictReader(io.StringIO((out / "manifest.csv").read_text(encoding="utf-8")))}
    assert rows["P16"]["template"] == str(mine / "assimilated.docx")
    assert rows["P01"]["template"] == "default:matched.docx" and rows["P02"]["template"] == "default:on_hold.docx"
    assert list(rows["P01"]) == ["person", "outcome", "file", "template"]  # the column added last
    assert "Dear Holder: Director Information & Support, from 2 December 2011" in "\n".join(
        p.text for p in docx.Document(str(out / "P16-assimilated.docx")).paragraphs)
    every = tmp_path / "every"
    every.mkdir()
    for outcome in ("assimilated", "matched", "on_hold", "competitive"):
        (every / f"{outcome}.docx").write_bytes(template("Dear {{ person_name }}"))
    whole = cli("letters", str(EXAMPLE), "-o", str(tmp_path / "whole"), "--template-dir", str(every))
    assert whole.exit_code == 0 and "note" not in whole.stderr


def test_the_estimates_are_the_cases(tmp_path: Path):
    review = load(every_outcome(tmp_path))
    result = slot(review)
    known = cases(review, result)
    for letter in letters(review, result, timeline(review, result, found=known), known):
        owed = known[letter.person].entitlements if letter.outcome != "out_of_review" else None
        if owed is None:
            assert letter.fields["redundancy_estimate"] == letter.fields["notice_pay_estimate"] == ""
            continue
        assert letter.fields["redundancy_estimate"] == money_words(owed.redundancy.amount)
        assert letter.fields["notice_pay_estimate"] == money_words(owed.notice.amount)
        assert (letter.fields["pension_position"] != "") == bool(owed.strain.amount)


def test_new_fields_are_listed_and_the_review_names_its_people_and_process(tmp_path: Path):
    assert set(NEW_FIELDS) <= set(FIELDS) and set(GIVE) <= set(FIELDS)
    listed = (ROOT / "docs" / "how-to" / "letters.md").read_text(encoding="utf-8")  # the fields' list moved from the README
    for name in FIELDS:
        assert f"`{name}`" in listed, name
    text = EXAMPLE.read_text(encoding="utf-8").replace(
        "  effective_date: 2012-01-02", "  letters: {hr_contact: 'Jo Bloggs, HR (hr@example.org)', appeal_to: 'the "
        "Deputy City Mayor', selection_method: a Member interview, reference: SMR2011}\n  effective_date: 2012-01-02", 1)
    path = tmp_path / "review.yaml"
    path.write_text(text, encoding="utf-8")
    result = cli("letters", str(path), "--format", "markdown", "--person", "P05", "--date", DAY)
    assert result.exit_code == 0, result.stderr
    said = flat(result.stdout)
    assert "Our reference: SMR2011/P05" in said and "write to Jo Bloggs, HR (hr@example.org) by 9 December 2011" in said
    assert "heard by the Deputy City Mayor" in said and "The selection will be by a Member interview" in said


def test_a_bad_date_is_a_usage_error():
    result = cli("letters", str(EXAMPLE), "-o", "x", "--date", "2 December 2011")
    assert result.exit_code == 2 and "--date" in result.stderr


def test_the_word_letter_keeps_no_template_comment(tmp_path: Path):
    out = tmp_path / "letters"
    assert cli("letters", str(every_outcome(tmp_path)), "-o", str(out), "--date", DAY).exit_code == 0
    for path in out.glob("*.docx"):
        with zipfile.ZipFile(path) as archive:
            body = archive.read("word/document.xml").decode("utf-8")
        assert "{#" not in body and "Source:" not in body, path.name
