"""Hostile decisions: records that point at themselves or nowhere, numbers and dates out of bounds, escape
sequences, tables outside the folder, and many records at once; each refused, located, in good time."""

from __future__ import annotations

from pathlib import Path

from . import Case, example

_SELECTION = ("  - {id: S, type: selection, date: 2011-12-20, by: panel, post: NEW-DD-DCPG,\n"
              "     candidates: [{person: P05, scores: {lead: SCORE}}, {person: P06}], appointed: [P05]}\n")


def _with(*records: str) -> str:
    return "decisions:\n" + "".join(records)


def _run(append: str, *extra: str):
    return lambda folder: ["run", str(example(folder, append=append)), *extra]


def _table_outside(folder: Path) -> list[str]:
    (folder / "review").mkdir()
    (folder / "decisions.csv").write_text("id,type\nX,withdrawal\n", encoding="utf-8")
    return ["validate", str(example(folder / "review", append="decisions: ../decisions.csv\n"))]


def _many_withdrawals(folder: Path) -> list[str]:
    rows = "".join(f"W{i},withdrawal,2011-12-20,HR,P01,left\n" for i in range(20_000))
    (folder / "decisions.csv").write_text("id,type,date,by,person,reason\n" + rows, encoding="utf-8")
    return ["validate", str(example(folder, append="decisions: decisions.csv\n"))]


def _huge_cell(folder: Path) -> list[str]:
    cell = "; ".join(f"P{i}" for i in range(15_000))
    (folder / "decisions.csv").write_text(f"id,type,date,by,post,candidates,appointed\nS,selection,2011-12-20,panel,"
                                          f"NEW-DD-DCPG,{cell},P05\n", encoding="utf-8")
    return ["validate", str(example(folder, append="decisions: decisions.csv\n"))]


CASES = [
    Case("decisions_appeal_against_itself", _run(_with(
        "  - {id: AP, type: appeal, date: 2011-12-15, by: x, person: P06, lodged: 2011-12-08, heard: 2011-12-15,\n"
        "     result: dismissed, against: AP}\n")), 1, "'AP' is an appeal record"),
    Case("decisions_two_appeals_against_each_other", _run(_with(
        "  - {id: A1, type: appeal, date: 2011-12-15, by: x, person: P06, lodged: 2011-12-08, heard: 2011-12-15,\n"
        "     result: dismissed, against: A2}\n",
        "  - {id: A2, type: appeal, date: 2011-12-15, by: x, person: P06, lodged: 2011-12-08, heard: 2011-12-15,\n"
        "     result: dismissed, against: A1}\n")), 1, "decisions[1].against: 'A1' is an appeal record"),
    Case("decisions_score_1e400", _run(_with(_SELECTION.replace("SCORE", "1e400"))), 1,
         "decisions[0].candidates[0].scores.lead"),
    Case("decisions_score_negative", _run(_with(_SELECTION.replace("SCORE", "-1"))), 1, "at least 0"),
    Case("decisions_date_in_3000", _run(_with(_SELECTION.replace("2011-12-20", "3000-01-01").replace("SCORE", "1"))),
         1, "between 1900 and 2100"),
    Case("decisions_date_as_timestamp", _run(_with(_SELECTION.replace("2011-12-20", "1324339200")
                                                  .replace("SCORE", "1"))), 1, "YYYY-MM-DD"),
    Case("decisions_escape_in_by", lambda folder: ["explain", str(example(folder, append=_with(
        _SELECTION.replace("by: panel", 'by: "\\e[31mpanel"').replace("SCORE", "1")))), "P05"], 0,
         "appointed to NEW-DD-DCPG by ", never=["\x1b[31m"]),
    Case("decisions_unknown_type", _run(_with("  - {id: X, type: dismissal, date: 2011-12-20, by: x, person: P06}\n")),
         1, "decisions[0].type"),
    Case("decisions_not_a_list", _run("decisions: 5\n"), 1, "decisions"),
    Case("decisions_table_outside_the_folder", _table_outside, 1, "inside the review file's folder"),
    Case("decisions_twenty_thousand_withdrawals", _many_withdrawals, 1, "already left the process"),
    Case("decisions_fifteen_thousand_candidates_in_a_cell", _huge_cell, 1, "unknown person 'P14999'"),
    Case("decisions_proposal_stage_ignores_them", _run(_with(_SELECTION.replace("SCORE", "1")), "--stage",
                                                        "proposal"), 0, "Competitive pools",
         never=["After the decisions"]),
]
