"""Hostile outputs now that each review keeps its own record of the files it was read from (review.sources), not the
process: an output aimed at a file or folder that one of the inputs came from is still refused, located, exit 1,
with the input left as it was; and what the CLI asks of the library (an unknown person, a review without evidence)
fails as it did."""

from __future__ import annotations

import shutil
from pathlib import Path

from ..support.letter_templates import folder_of, template
from . import EXAMPLE, Case, example

HR = EXAMPLE.parent / "hr"
JDS = EXAMPLE.parent / "leicester_2011_jds"


def _hr(folder: Path) -> Path:
    """Copies the HR export example (a review whose people are a workbook it names) and gives its review file."""
    shutil.copy(HR / "review.yaml", folder / "review.yaml")
    shutil.copy(HR / "hr_export.xlsx", folder / "hr_export.xlsx")
    return folder / "review.yaml"


def _run_over_the_workbook(folder: Path) -> list[str]:
    return ["run", str(_hr(folder)), "--format", "json", "-o", str(folder / "hr_export.xlsx")]


def _savings_over_the_workbook_by_a_link(folder: Path) -> list[str]:
    review = _hr(folder)
    (folder / "out.xlsx").symlink_to(folder / "hr_export.xlsx")
    return ["savings", str(review), "--format", "xlsx", "-o", str(folder / "out.xlsx")]


def _compare_over_the_second_reviews_workbook(folder: Path) -> list[str]:
    (folder / "hr").mkdir()
    other = _hr(folder / "hr")
    return ["compare", str(example(folder)), str(other), "--format", "json", "-o", str(folder / "hr" / "hr_export.xlsx")]


def _letters_into_the_template_folder(folder: Path) -> list[str]:
    mine = folder_of(folder, "assimilated", template("Dear {{ person_name }}"))
    return ["letters", str(example(folder)), "--template-dir", str(mine), "-o", str(mine)]


def _suggest_over_a_jd(folder: Path) -> list[str]:
    jds = folder / "jds"
    shutil.copytree(JDS, jds)
    return ["overlaps", "suggest", str(jds), "-o", str(jds / "NEW-CO-PH.yaml")]


def _explain_two_unknown(folder: Path) -> list[str]:
    return ["explain", str(example(folder)), "P01", "p02", "Z99"]


def _compute_without_evidence(folder: Path) -> list[str]:
    return ["overlaps", "compute", str(example(folder))]


CASES = [
    Case("api_run_over_a_section_workbook", _run_over_the_workbook, 1, "is one of the input files"),
    Case("api_savings_over_a_section_workbook_by_a_link", _savings_over_the_workbook_by_a_link, 1,
         "is one of the input files"),
    Case("api_compare_over_the_second_reviews_workbook", _compare_over_the_second_reviews_workbook, 1,
         "is one of the input files"),
    Case("api_letters_into_the_template_folder", _letters_into_the_template_folder, 1, "holds the input files"),
    Case("api_suggest_over_a_jd", _suggest_over_a_jd, 1, "is one of the input files"),
    Case("api_explain_names_each_unknown_person", _explain_two_unknown, 1, "no person 'Z99' in the review",
         never=["no person 'P01'"]),
    Case("api_compute_without_evidence_names_the_file", _compute_without_evidence, 1,
         "review.yaml: the review gives no evidence section"),
]
