"""Hostile letters' fields: a review without the dates its letters print, a bad --date, the employer's own words
(review.letters) holding markup, nothing or too much."""

from __future__ import annotations

from pathlib import Path

from . import Case, example

_TIMELINE = ("  timeline:                           # BC s.7.1 \"Timeline and Consultation\"; the report's recommendations\n"
             "    consultation_start: 2011-10-15    # \"Issue Business Case to TUs 15/10/11: Initiate consultation process\"\n"
             "    slotting_list_issued: 2011-12-02  # \"Final meeting and slotting list issued 2/12/11\"\n"
             "    decision: 2011-12-13              # the Employees Committee, 13 December 2011\n", "")
_EFFECTIVE = "  effective_date: 2012-01-02"


def _undated(*extra: str):
    def make(folder: Path) -> list[str]:
        return ["letters", str(example(folder, _TIMELINE)), "-o", str(folder / "letters"), *extra]
    return make


def _with_letters(section: str, *extra: str):
    """The example with a review.letters section (YAML flow mapping)."""
    def make(folder: Path) -> list[str]:
        review = example(folder, (_EFFECTIVE, f"  letters: {section}\n{_EFFECTIVE}"))
        return ["letters", str(review), *extra]
    return make


CASES = [
    Case("letters_print_fields_not_set", _undated(), 1, "on_hold letter of P02, P03: appeals_close not set",
         never=["internal error", "Traceback", "wrote "]),
    Case("letters_allow_missing_placeholders", _undated("--allow-missing"), 0,
         "warning: letters written with placeholders", never=["internal error"]),
    Case("letters_impossible_date", _undated("--date", "2011-02-30"), 2, "--date", never=["internal error"]),
    Case("letters_contact_holds_markup", _with_letters(
        "{hr_contact: '{{ person_name }} <w:p> & {% if 1 %}x{% endif %}'}", "--format", "markdown", "--person", "P16",
        "--date", "2011-12-02"), 0, "write to {{ person\\_name }} \\<w:p\\> \\& {% if 1 %}x{% endif %} by 9 December",
        never=["internal error", "write to Holder"]),
    Case("letters_section_empty", _with_letters("{}", "--format", "markdown", "--person", "P01", "--date", "2011-12-02"),
         0, "write to Human Resources by 9 December 2011"),
    Case("letters_contact_empty", _with_letters("{hr_contact: ''}", "-o", "out"), 1, "review.letters.hr_contact",
         never=["internal error"]),
    Case("letters_unknown_key", _with_letters("{hr_contcat: HR}", "-o", "out"), 1, "hr_contcat",
         never=["internal error"]),
    Case("letters_contact_too_long", _with_letters("{appeal_to: '" + "x" * 100_000 + "'}", "-o", "out"), 1,
         "review.letters.appeal_to", never=["internal error"]),
]
