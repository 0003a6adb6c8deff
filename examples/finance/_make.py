"""Writes the bundled example with the finance view (docs/tutorials/finance.md).

    python examples/finance/_make.py

leicester_2011_finance.yaml is examples/leicester_2011.yaml with: the Health contribution to the new
Strategic Director (Adult Social Care, Health & Housing) ending in March 2013, as the report says
("part funded by Health until March 2013", Appendix F); the committee paper's details (review.paper: the
report's purpose, recommendations, consultation and appendices); ages, service, notice and pensions for the six
people in competitive pools (ILLUSTRATIVE: not published); and illustrative LGPS strain factors.
tests/test_finance.py checks that the file is what this script writes, and its figures by hand.
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).parent
EXAMPLE = HERE.parent / "leicester_2011.yaml"

PEOPLE = {  # ILLUSTRATIVE figures for the people the example puts in competitive pools
    "P02": "age: 56, service_years: 20, notice_weeks: 12, pension: 30000",
    "P03": "age: 54, service_years: 25, pension: 35000",
    "P05": "age: 60, service_years: 30, pension: 45000",
    "P06": "age: 45, service_years: 10",
    "P11": "age: 58, service_years: 22, notice_weeks: 12, pension: 40000",
    "P13": "age: 50, service_years: 5",
}

FUNDING = ('       external_funding: 0.5,         # BC s.6: "a contribution from NHS Leicester City for half the salary"',
           '       external_funding: {share: 0.5, until: 2013-04-01},  # "part funded by Health until March 2013"')

COSTING = """  financial_year_start: "04-01"      # the council's financial year, 1 April to 31 March
  years: 5
  pension_strain:                     # ILLUSTRATIVE factors: an employer takes them from its actuary
    scheme: LGPS
    min_age: 55
    factors: {55: 2.0, 56: 1.8, 57: 1.7, 58: 1.6, 59: 1.5, 60: 1.4}
"""


PAPER = """  paper:                              # the committee paper's details (slotting report): report of 13 Dec 2011
    author: Chief Operating Officer
    contact: Democratic Support, Leicester City Council, Town Hall, Town Hall Square, Leicester LE1 9BG
    meeting: Employees Committee
    date: 2011-12-13
    decision_maker: Employees Committee
    purpose:                          # report s.1.1-1.2
      - >-
        This report seeks the appropriate approval at Member level for the appointment and dismissal process
        undertaken in connection with this review and indicates the further Member involvement in decisions
        required in connection with concluding the review.
      - >-
        In accordance with the Council's Constitution and Statutory Provisions/Regulations decisions with regard to
        the appointment and dismissal of Directors are a matter for the Employees Committee.
    recommendations:                  # report s.2.2 (i)-(viii)
      - >-
        Note and approve the process being followed concerning appointments and dismissals within the review and
        its further role in terms of the slotting in process and any required dismissal process.
      - Agree the proposed new job roles and salary ranges as detailed in Appendix E and paragraph 8.
      - Agree an implementation date of 2nd January 2012.
      - Note and consider as appropriate the comments of OSMB with regard to the review.
      - >-
        For the purposes of this review delegate the function of dismissal in relation to complying with the
        requirement of the Local Authorities (Standing Orders) (England) Regulations 2001 to the Chief Operating
        Officer.
      - >-
        For the purposes of this review, approve the appointment of the Head of Litigation as the Council's Proper
        Officer with regard to complying with the Local Authorities (Standing Orders) (England) Regulations 2001.
      - >-
        Note that for the purposes of the review the Monitoring Officer role in appointing Members to serve on any
        Employees Committee will be undertaken by the Head of Litigation.
      - >-
        Agree that the time period for objections (if any) to be made under the Regulations in the case of any
        proposals to dismiss any Director is five working days.
    legal:                            # report s.12.1
      - >-
        Local Authorities (Standing Orders) (England) Regulations 2001: the Executive is notified of a proposed
        dismissal of a Director and may object; any Director dismissed may appeal to the Employees Committee
        meeting in appeals mode.
    consultation:                     # report s.6.1-6.4
      - Meeting with the trade unions on the proposed Business Case, 21 October 2011 (Appendix B).
      - Business Case sent to all staff scoped in to the review, 24 October 2011.
      - Initial meeting with all staff affected and their union representatives, 28 October 2011 (Appendix C).
      - Second consultation meeting to respond to comments received, 15 November 2011 (Appendix D).
      - Further comments invited until 28 November 2011.
    policy:                           # report s.6.1, s.8.2; the notes of 28 October 2011, item 5
      - The Council's Protocol for Organisational and Staffing Change (report s.6.1).
      - Assimilation, matching and ring-fence rules as set out in the notes of 28 October 2011, item 5 (Appendix C).
      - Pay protection for two years for all Directors whose salary goes down (report s.8.2).
    background_papers:
      - Senior Management Review 2011 Business Case (Appendix A).
      - Comments received during the consultation period (In-site).
    appendices:
      - "Appendix A: Business Case"
      - "Appendix B: Notes of meeting held with trade unions on 21 October 2011"
      - "Appendix C: Notes of meeting held on 28 October 2011"
      - "Appendix D: Notes of meeting held on 15 November 2011"
      - "Appendix E: Final structure"
      - "Appendix F: Final job descriptions"
      - "Appendix G: Slotting in list"
      - "Appendix H: Equalities impact assessment"
"""
TIMELINE = "  timeline:                           # BC s.7.1"


def variant() -> str:
    """The example's text with the finance view's inputs added."""
    text = EXAMPLE.read_text(encoding="utf-8")
    text = text.replace("$schema=../slotting.schema.json", "$schema=../../slotting.schema.json", 1)  # one folder down
    assert FUNDING[0] in text
    text = text.replace(FUNDING[0], FUNDING[1])
    assert TIMELINE in text
    text = text.replace(TIMELINE, PAPER + TIMELINE, 1)
    for person, fields in PEOPLE.items():
        head = f"  - {{id: {person}, "
        start = text.index(head)
        cut = text.index("salary: ", start)
        end = text.index(",", cut)
        text = text[:end] + f", {fields}" + text[end:]
    return text.rstrip("\n") + "\n" + COSTING


def main() -> None:
    (HERE / "leicester_2011_finance.yaml").write_text(variant(), encoding="utf-8")


if __name__ == "__main__":
    main()
