"""Hostile outcome letters (`letters --stage current`): an unknown stage, a decisions review missing the figures a
notice of dismissal prints, a person given no letter at this stage, and an employer's template of a new outcome that
names a field that does not exist."""

from __future__ import annotations

from pathlib import Path

from . import Case

DECISIONS = Path(__file__).parent.parent.parent / "examples" / "decisions" / "leicester_2011_decisions.yaml"


def _current(*extra: str):
    def make(folder: Path) -> list[str]:
        return ["letters", str(DECISIONS), "--stage", "current", *extra]
    return make


def _without_figures(folder: Path) -> list[str]:
    """The decisions example with its ages and service taken out: P02's notice and estimates cannot be stated."""
    import re

    bare = folder / "bare.yaml"
    bare.write_text(re.sub(r" age: \d+, service_years: \d+,", "", DECISIONS.read_text(encoding="utf-8")),
                    encoding="utf-8")
    return ["letters", str(bare), "--stage", "current", "-o", str(folder / "out")]


def _bad_template(folder: Path) -> list[str]:
    import docx

    mine = folder / "templates"
    mine.mkdir()
    document = docx.Document()
    document.add_paragraph("Dear {{ person_name }}, {{ severance_cheque }}")
    document.save(str(mine / "dismissal.docx"))
    return ["letters", str(DECISIONS), "--stage", "current", "-o", str(folder / "out"), "--template-dir", str(mine)]


CASES = [
    Case("outcome_letters_unknown_stage", _current("-o", "out", "--stage", "final"), 2, "--stage",
         never=["internal error", "Traceback"]),
    Case("outcome_letters_notice_without_figures", _without_figures, 1,
         "dismissal letter of P02: redundancy_estimate", never=["internal error", "Traceback", "wrote "]),
    Case("outcome_letters_person_with_no_letter", _current("--format", "markdown", "--person", "P03"), 1,
         "no letter for 'P03' at the current stage: no decision about them since the proposal",
         never=["internal error", "Traceback", "Dear"]),
    Case("outcome_letters_template_unknown_field", _bad_template, 1, "severance_cheque",
         never=["internal error", "Traceback", "wrote "]),
]
