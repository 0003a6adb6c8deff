"""Hostile input to the views by stage: --stages holding escape sequences or thousands of names, and a review whose
decisions cannot be read, asked for a stage; each refused, located, in good time."""

from __future__ import annotations

from pathlib import Path

from . import Case, example

DECISIONS = Path(__file__).parent.parent.parent / "examples" / "decisions" / "leicester_2011_decisions.yaml"
_BAD = ("decisions:\n  - {id: S, type: selection, date: 2011-12-20, by: panel, post: NEW-DD-DCPG,\n"
        "     candidates: [{person: P05, scores: {lead: 1e400}}, {person: P06}], appointed: [P05]}\n")


def _view(command: str, *extra: str):
    return lambda folder: [command, str(example(folder, append=_BAD)), *extra]


CASES = [
    Case("stages_escape_sequence", lambda folder: ["compare", str(DECISIONS), "--stages", "proposal,\x1b[2Jcurrent"],
         2, "expected proposal,current", never=["\x1b[2J"]),
    Case("stages_ten_thousand_names", lambda folder: ["compare", str(DECISIONS), "--stages", "proposal," * 10_000],
         2, "expected proposal,current"),
    Case("stages_of_two_reviews", lambda folder: ["compare", str(DECISIONS), str(DECISIONS), "--stages",
                                                  "proposal,current"], 2, "one review"),
    Case("stage_equality_unreadable_decision", _view("equality", "--stage", "current"), 1, "review.yaml:",
         never=["Traceback"]),
    Case("stage_timeline_unreadable_decision", _view("timeline", "--stage", "proposal"), 1, "review.yaml:",
         never=["Traceback"]),
    Case("stages_compare_unreadable_decision", _view("compare", "--stages", "proposal,current"), 1, "review.yaml:",
         never=["Traceback"]),
]
