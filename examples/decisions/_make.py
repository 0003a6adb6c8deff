"""Writes the bundled example continued after the proposal (docs/how-to/decisions.md).

    python examples/decisions/_make.py

leicester_2011_decisions.yaml is examples/finance/leicester_2011_finance.yaml (the bundled example with the finance
view's illustrative ages, service, notice and pensions, so that every stage can be costed) with a `decisions`
section. The record gives the
dates: appeals against the slotting list heard on 15 December 2011 by the Deputy City Mayor with an HR adviser
(report s.10.3); competitive and competency interviews by Member panels on 20 and 21 December 2011 (report
s.11.1); the Strategic Director (Adult Social Care, Health & Housing) post on hold (report s.7.1), so its pool
is not decided. Every decision below is ILLUSTRATIVE: the council's decisions about individuals were not
published. tests/test_decisions.py checks that the file is what this script writes.
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).parent
EXAMPLE = HERE.parent / "finance" / "leicester_2011_finance.yaml"

DECISIONS = """
# ILLUSTRATIVE decisions after the proposal: the dates follow the report, the outcomes are invented.
decisions:
  # Appeals against the slotting list: "heard on 15th December 2011, by the Deputy City Mayor assisted by a HR
  # Adviser who has had no previous involvement in the review" (report s.10.3).
  - {id: A-P06, type: appeal, date: 2011-12-15, by: Deputy City Mayor, person: P06, lodged: 2011-12-08,
     heard: 2011-12-15, panel: "Deputy City Mayor; HR Adviser not previously involved", result: dismissed,
     grounds: "the Corporate Governance role forms most of the new Delivery, Communications and Political Governance post"}
  # Voluntary redundancy accepted before the interviews: it leaves one candidate in the pool for the post on hold.
  - {id: VR-P02, type: voluntary_redundancy, date: 2011-12-16, by: Chief Operating Officer, person: P02,
     requested: 2011-12-05, result: accepted}
  # Competency interviews of the matched directors by Member panels (report s.11.1).
  - {id: AS-P01, type: assessment, date: 2011-12-20, by: Member panel, person: P01, post: NEW-SD-CDN, result: confirmed}
  - {id: AS-P10, type: assessment, date: 2011-12-20, by: Member panel, person: P10, post: NEW-DD-YPS, result: confirmed}
  - {id: AS-P14, type: assessment, date: 2011-12-20, by: Member panel, person: P14, post: NEW-DD-HOUS, result: confirmed}
  - {id: AS-P15, type: assessment, date: 2011-12-21, by: Member panel, person: P15, post: NEW-DD-NS, result: confirmed}
  - {id: AS-P18, type: assessment, date: 2011-12-21, by: Member panel, person: P18, post: NEW-DD-CSC, result: confirmed}
  - {id: AS-P19, type: assessment, date: 2011-12-21, by: Member panel, person: P19, post: NEW-DD-ASCS, result: confirmed}
  - {id: AS-P20, type: assessment, date: 2011-12-21, by: Member panel, person: P20, post: NEW-DD-CC, result: confirmed}
  # Competitive interviews for the two pools not on hold (report s.11.1).
  - id: S-DCPG
    type: selection
    date: 2011-12-20
    by: Member panel
    panel: Employees Committee members
    post: NEW-DD-DCPG
    candidates:
      - {person: P05, scores: {leadership: 8, governance: 7, communications: 8}}
      - {person: P06, scores: {leadership: 7, governance: 8, communications: 5}}
    appointed: [P05]
  - id: S-PTED
    type: selection
    date: 2011-12-21
    by: Member panel
    panel: Employees Committee members
    post: NEW-DD-PTED
    candidates:
      - {person: P11, scores: {leadership: 8, planning: 9, transport: 7}}
      - {person: P13, scores: {leadership: 7, planning: 6, transport: 9}}
    appointed: [P11]
  # The unsuccessful join the ring-fence for the posts left unfilled (28 Oct notes item 5).
  - {id: R-P13, type: redeployment, date: 2011-12-23, by: Chief Operating Officer, person: P13, post: NEW-DD-FIN,
     offered: 2011-12-22, suitable: true, response: accepted, trial: running, trial_end: 2012-01-29}
"""


def variant() -> str:
    """The example's text with the decisions added."""
    text = EXAMPLE.read_text(encoding="utf-8")
    # the same depth: examples/finance/ and examples/decisions/
    return text.rstrip("\n") + "\n" + DECISIONS


def main() -> None:
    (HERE / "leicester_2011_decisions.yaml").write_text(variant(), encoding="utf-8")


if __name__ == "__main__":
    main()
