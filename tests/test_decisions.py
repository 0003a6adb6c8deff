"""Decisions after the proposal, worked by hand: each record type, the cascade, the redeployment priority, an upheld
appeal, an unreasonable refusal, and the records refused (each located on its field)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from slotting import InputError, slot
from slotting.rules.case import cases
from slotting.rules.decisions import NO_PAYMENT, decided

from .conftest import EXAMPLE, ROOT, build, cli, with_base

DECISIONS_EXAMPLE = ROOT / "examples" / "decisions" / "leicester_2011_decisions.yaml"

# Seven people on grade G2. The proposal (worked by hand from the overlaps):
#   A matched to NA (60/50); B and C in a pool for NB (60/50 and 55/45, one place); D displaced (no overlap);
#   E assimilated to NE (85/80); F matched to NF (60/50); NX has no claimant: ring-fenced.
POSTS = ["A", "B", "C", "D", "E", "F", "G"]
PROPOSAL = {
    "review": {"name": "scenario", "timeline": {"slotting_list_issued": "2024-04-01"}},
    "old_structure": {"posts": [{"id": f"O-{x}", "title": f"Old {x}", "grade": "G2"} for x in POSTS]},
    "new_structure": {"posts": [{"id": f"N{x}", "title": f"New {x}", "grade": "G2"} for x in "ABEFX"]},
    "people": [{"id": x, "post": f"O-{x}", "salary": 31000} for x in POSTS[:6]],
    "overlaps": [
        {"old_post": "O-A", "new_post": "NA", "old_in_new": 60, "new_from_old": 50},
        {"old_post": "O-B", "new_post": "NB", "old_in_new": 60, "new_from_old": 50},
        {"old_post": "O-C", "new_post": "NB", "old_in_new": 55, "new_from_old": 45},
        {"old_post": "O-E", "new_post": "NE", "old_in_new": 85, "new_from_old": 80},
        {"old_post": "O-F", "new_post": "NF", "old_in_new": 60, "new_from_old": 50},
    ],
}


def review(*decisions: dict, people: list[dict] | None = None) -> dict:
    data = with_base(PROPOSAL)
    if people is not None:
        data["people"] = people
    data["decisions"] = list(decisions)
    return data


def standings(data: dict):
    r = build(data)
    result = slot(r)
    return decided(r, result, cases(r, result))


def refused(data: dict) -> list[tuple[str, str]]:
    with pytest.raises(InputError) as err:
        build(data)
    return [(p.path, p.message) for p in err.value.problems]


def assessment(id, person, post, result, date="2024-05-01"):
    return {"id": id, "type": "assessment", "date": date, "by": "panel", "person": person, "post": post,
            "result": result}


def selection(id, post, candidates, appointed, date="2024-05-02"):
    return {"id": id, "type": "selection", "date": date, "by": "panel", "post": post,
            "candidates": [{"person": c, "scores": {"skill": 9 - i}} for i, c in enumerate(candidates)],
            "appointed": appointed}


def offer(id, person, post, date="2024-05-10", **more):
    return {"id": id, "type": "redeployment", "date": date, "by": "HR", "person": person, "post": post,
            "offered": date, "suitable": True, "response": "accepted", **more}


def test_the_proposal_is_as_worked_by_hand():
    result = slot(build(review()))
    assert {p.id: p.outcome for p in result.people} == {"A": "matched", "B": "competitive", "C": "competitive",
                                                         "D": "displaced", "E": "assimilated", "F": "matched"}
    assert [p.id for p in result.posts if p.ring_fenced_places] == ["NX"]


def test_every_record_type_and_the_cascade():
    """A is not confirmed in NA and joins the ring-fence; C loses the pool for NB and is redeployed to NA, the place
    A's failed assessment freed; A wins NX in a ring-fence selection over D; E leaves by voluntary redundancy and
    F resigns, freeing NE and NF; D refuses NE unreasonably and NF reasonably, leaving nothing open to them."""
    s = standings(review(
        assessment("AS-A", "A", "NA", "not_confirmed"),
        {"id": "VR-E", "type": "voluntary_redundancy", "date": "2024-04-20", "by": "COO", "person": "E",
         "requested": "2024-04-10", "result": "accepted"},
        {"id": "W-F", "type": "withdrawal", "date": "2024-04-15", "by": "HR", "person": "F", "reason": "resigned"},
        selection("S-NB", "NB", ["B", "C"], ["B"]),
        offer("R-C", "C", "NA", date="2024-06-06", offered="2024-05-08", trial="passed", trial_end="2024-06-05"),
        selection("S-NX", "NX", ["A", "D"], ["A"], date="2024-05-20"),
        offer("R-D", "D", "NE", date="2024-05-25", response="refused", refusal_reasonable=False),
        offer("R-D2", "D", "NF", date="2024-05-26", response="refused", suitable=False),
    ))
    status = {p.person: p.status for p in s.people}
    assert status == {"A": "appointed", "B": "appointed", "C": "redeployed", "D": "compulsory_redundancy",
                      "E": "voluntary_redundancy", "F": "withdrawn"}
    a = s.person("A")
    assert a.posts == ("NX",) and a.records == ("AS-A", "S-NX")
    assert [step.record for step in a.history] == ["proposal", "AS-A", "S-NX"]
    assert "not confirmed in NA" in a.history[1].text and "ring-fence" in a.history[2].text
    c = s.person("C")
    assert c.posts == ("NA",) and c.records == ("S-NB", "R-C")
    d = s.person("D")
    assert d.no_redundancy_payment == "R-D" and NO_PAYMENT in d.reason
    assert d.records == ("S-NX", "R-D", "R-D2") and d.open_posts == ()
    assert s.free_places == (("NE", 1), ("NF", 1))  # freed by E and F, refused by D: still free
    assert s.counts["appointed"] == 2 and sum(s.counts.values()) == 6


def test_a_failed_match_joins_a_later_ring_fence_and_stays_open_while_a_place_is_free():
    s = standings(review(assessment("AS-A", "A", "NA", "not_confirmed")))
    a = s.person("A")
    assert a.status == "still_open" and str(a.at_risk_since) == "2024-05-01"
    assert a.open_posts == ("NA", "NX")  # its own post, freed, and the proposal's ring-fence
    offers = s.offers("A")
    assert [o.post for o in offers] == ["NA", "NX"] and offers[0].grade_distance == 0
    assert offers[0].new_salary == 31000 and offers[0].pay_change == 0  # SP5 of G2 is £31,000, their salary
    assert s.person("B").status == "still_open" and "pool for NB" in s.person("B").reason


def test_voluntary_redundancy_resolves_a_pool():
    """C leaves the pool for NB: B alone remains for its one place, a match that now awaits its assessment."""
    s = standings(review({"id": "VR-C", "type": "voluntary_redundancy", "date": "2024-04-20", "by": "COO",
                          "person": "C", "requested": "2024-04-10", "result": "accepted"},
                         assessment("AS-B", "B", "NB", "confirmed", date="2024-04-25")))
    assert s.person("C").status == "voluntary_redundancy"
    b = s.person("B")
    assert b.status == "appointed" and b.posts == ("NB",) and b.records == ("VR-C", "AS-B")


def test_statutory_priority_goes_first_on_the_day():
    """D (maternity leave) and G are at risk for one ring-fenced place; both offers are accepted the same day. The
    record ids put G's first; the priority puts D's first, so G's is the one refused."""
    people = [*PROPOSAL["people"], {"id": "G", "post": "O-G", "salary": 31000}]
    people[3] = {**people[3], "priority": "maternity"}
    problems = refused(review(offer("R-1", "G", "NX"), offer("R-2", "D", "NX"), people=people))
    assert problems == [("decisions[0].post", "'NX' has no free place on 2024-05-10: held by D (R-2)")]


def test_a_place_given_past_a_person_with_priority_is_warned_of():
    people = [*PROPOSAL["people"], {"id": "G", "post": "O-G", "salary": 31000}]
    people[3] = {**people[3], "priority": "maternity"}
    s = standings(review(offer("R-1", "G", "NX"), people=people))
    assert s.person("G").status == "redeployed"
    assert len(s.warnings) == 1 and "NX went to G" in s.warnings[0] and "D, who has the statutory" in s.warnings[0]
    from slotting.render.redeployment import at_risk

    assert [p.person for p in at_risk(standings(review(people=people)))][:2] == ["D", "B"]  # priority first


def test_pregnancy_gives_priority_only_from_6_april_2024():
    people = [*PROPOSAL["people"], {"id": "G", "post": "O-G", "salary": 31000}]
    people[3] = {**people[3], "priority": "pregnancy"}
    data = review(offer("R-1", "G", "NX", date="2024-04-05"), people=people)
    assert standings(data).warnings == ()
    data = review(offer("R-1", "G", "NX", date="2024-04-08"), people=people)
    assert len(standings(data).warnings) == 1


def test_an_upheld_appeal_frees_a_post():
    """E appeals against being assimilated to NE (say the post is not theirs): upheld, E is displaced and NE is free;
    D is redeployed to it."""
    s = standings(review(
        {"id": "AP-E", "type": "appeal", "date": "2024-04-12", "by": "Deputy Mayor", "person": "E",
         "lodged": "2024-04-05", "heard": "2024-04-12", "result": "upheld", "new_outcome": "displaced"},
        offer("R-D", "D", "NE", date="2024-04-20")))
    e, d = s.person("E"), s.person("D")
    assert e.status == "still_open" and str(e.at_risk_since) == "2024-04-12"
    assert "the place on NE is free" in e.history[1].text
    assert d.status == "redeployed" and d.posts == ("NE",)


def test_an_upheld_appeal_re_runs_what_follows():
    """A's failed assessment is set aside on appeal and A is appointed to NA: NA was never free, so C's later
    redeployment to NA is refused; without C's record, A holds NA."""
    appeal = {"id": "AP-A", "type": "appeal", "date": "2024-06-01", "by": "Committee", "person": "A", "lodged":
              "2024-05-03", "heard": "2024-06-01", "against": "AS-A", "result": "upheld", "new_outcome": {"post": "NA"}}
    base = [assessment("AS-A", "A", "NA", "not_confirmed"), selection("S-NB", "NB", ["B", "C"], ["B"]), appeal]
    problems = refused(review(*base, offer("R-C", "C", "NA", date="2024-05-10")))
    assert problems == [("decisions[3].post", "'NA' has no free place on 2024-05-10: held by A (AP-A)")]
    a = standings(review(*base)).person("A")
    assert a.status == "appointed" and a.posts == ("NA",) and "on appeal" in a.reason
    assert a.records == ("AS-A", "AP-A")


def test_a_refusal_of_suitable_employment():
    unreasonable = standings(review(offer("R-D", "D", "NX", response="refused", refusal_reasonable=False)))
    d = unreasonable.person("D")
    assert d.status == "compulsory_redundancy" and d.no_redundancy_payment == "R-D"
    assert "ERA 1996 s.141(2)" in d.reason
    reasonable = standings(review(offer("R-D", "D", "NX", response="refused", refusal_reasonable=True))).person("D")
    assert reasonable.status == "compulsory_redundancy" and reasonable.no_redundancy_payment is None


def test_a_trial_running_then_failed():
    running = standings(review(offer("R-D", "D", "NX", trial="running", trial_end="2024-06-07"))).person("D")
    assert running.status == "on_trial" and str(running.trial_end) == "2024-06-07" and running.posts == ("NX",)
    failed = standings(review(offer("R-D", "D", "NX", date="2024-06-08", offered="2024-05-10", trial="failed",
                                    trial_end="2024-06-07"))).person("D")
    assert failed.status == "compulsory_redundancy" and failed.posts == ()
    assert "ERA 1996 s.138(2)" in failed.history[-1].text


REFUSED = [
    ("unknown_person", [offer("R", "Z", "NX")], "decisions[0].person", "unknown person 'Z'"),
    ("unknown_post", [offer("R", "D", "NZ")], "decisions[0].post", "unknown new post 'NZ'"),
    ("no_free_place", [offer("R", "D", "NE")], "decisions[0].post", "'NE' has no free place on 2024-05-10: held by E"),
    ("two_appointments", [selection("S", "NB", ["B", "C"], ["B"]), selection("S2", "NX", ["B"], ["B"])],
     "decisions[1].candidates", "'B' not at risk on 2024-05-02"),
    ("appointed_twice_by_offer", [assessment("AS", "A", "NA", "confirmed"), offer("R", "A", "NX")],
     "decisions[1].person", "'A' is not at risk on 2024-05-10"),
    ("before_the_list", [selection("S", "NB", ["B", "C"], ["B"], date="2024-03-30")], "decisions[0].date",
     "before the slotting list was issued"),
    ("heard_before_lodged", [{"id": "AP", "type": "appeal", "date": "2024-04-12", "by": "x", "person": "E",
                              "lodged": "2024-04-12", "heard": "2024-04-11", "result": "dismissed"}],
     "decisions[0].heard", "heard on 2024-04-11, before it was lodged (2024-04-12)"),
    ("assessment_of_a_pool_candidate", [assessment("AS", "B", "NB", "confirmed")], "decisions[0].post",
     "'B' is not matched to 'NB' awaiting assessment"),
    ("selection_with_nothing_to_select", [selection("S", "NA", ["D"], ["D"])], "decisions[0].post",
     "'NA' has no competitive pool and no free place"),
    ("pool_candidate_left_out", [selection("S", "NB", ["B"], ["B"])], "decisions[0].candidates",
     "the pool for 'NB' also holds 'C'"),
    ("left_twice", [{"id": "W", "type": "withdrawal", "date": "2024-04-15", "by": "HR", "person": "F",
                     "reason": "left"},
                    {"id": "W2", "type": "withdrawal", "date": "2024-04-16", "by": "HR", "person": "F",
                     "reason": "retired"}], "decisions[1]", "'F' already left the process by decision 'W'"),
    ("decision_after_leaving", [{"id": "W", "type": "withdrawal", "date": "2024-04-15", "by": "HR", "person": "A",
                                 "reason": "left"}, assessment("AS", "A", "NA", "confirmed")],
     "decisions[1].person", "'A' left the process by decision 'W' on 2024-04-15"),
    ("fields_of_another_type", [{"id": "S", "type": "selection", "date": "2024-05-02", "by": "x", "post": "NB",
                                 "person": "B", "appointed": []}], "decisions[0]",
     "a selection record needs candidates; person is not a field of a selection record"),
    ("appeal_against_unknown", [{"id": "AP", "type": "appeal", "date": "2024-04-12", "by": "x", "person": "E",
                                 "lodged": "2024-04-05", "heard": "2024-04-12", "result": "dismissed",
                                 "against": "NOPE"}], "decisions[0].against", "unknown decision 'NOPE'"),
    ("appointed_not_a_candidate", [selection("S", "NB", ["B", "C"], ["D"])], "decisions[0].appointed[0]",
     "'D' is appointed but is not one of the candidates"),
]


@pytest.mark.parametrize("decisions,path,says", [case[1:] for case in REFUSED], ids=[case[0] for case in REFUSED])
def test_impossible_records_are_refused_where_they_are(decisions, path, says):
    problems = refused(review(*decisions))
    assert any(p == path and says in m for p, m in problems), problems


def test_on_hold_post_cannot_be_selected_for():
    data = review(selection("S", "NB", ["B", "C"], ["B"]))
    data["new_structure"]["posts"][1]["on_hold"] = True
    assert refused(data) == [("decisions[0].post", "'NB' is on hold (new_structure.posts[].on_hold): no appointment "
                                                   "is made to it while the hold lasts")]
    data = review(assessment("AS", "A", "NA", "confirmed"))
    data["new_structure"]["posts"][0]["on_hold"] = True
    assert refused(data) == [("decisions[0].post", "'NA' is on hold (new_structure.posts[].on_hold): no one is "
                                                   "assessed for it while the hold lasts")]


def test_records_come_in_any_order():
    records = [assessment("AS-A", "A", "NA", "not_confirmed"), selection("S-NB", "NB", ["B", "C"], ["B"]),
               offer("R-C", "C", "NA", date="2024-05-10"), selection("S-NX", "NX", ["A", "D"], ["A"], date="2024-05-20")]
    forward = standings(review(*records))
    assert standings(review(*reversed(records))) == forward


# -- the example and the commands


def test_the_example_is_what_its_script_writes():
    sys.path.insert(0, str(DECISIONS_EXAMPLE.parent))
    try:
        import _make  # type: ignore[import-not-found]
    finally:
        sys.path.pop(0)
        sys.modules.pop("_make", None)
    assert DECISIONS_EXAMPLE.read_text(encoding="utf-8") == _make.variant()


def test_the_proposal_stage_is_todays_output_byte_for_byte():
    plain = cli("run", str(EXAMPLE), "--format", "json")
    staged = cli("run", str(DECISIONS_EXAMPLE), "--format", "json", "--stage", "proposal")
    assert plain.exit_code == staged.exit_code == 0
    assert staged.stdout == plain.stdout
    golden = (ROOT / "tests" / "golden" / "leicester_run.json").read_text(encoding="utf-8")
    assert cli("run", str(EXAMPLE), "--format", "json", "--stage", "current").stdout == golden


def test_the_example_after_its_decisions():
    result = cli("run", str(DECISIONS_EXAMPLE), "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    status = {p["id"]: p["status"] for p in data["people"]}
    assert data["decisions"]["counts"] == {"appointed": 16, "redeployed": 0, "on_trial": 1, "voluntary_redundancy": 1,
                                           "compulsory_redundancy": 0, "withdrawn": 0, "still_open": 2}
    assert (status["P02"], status["P03"], status["P05"], status["P06"], status["P11"], status["P13"]) == (
        "voluntary_redundancy", "still_open", "appointed", "still_open", "appointed", "on_trial")
    p06 = next(p for p in data["people"] if p["id"] == "P06")
    assert [h["record"] for h in p06["history"]] == ["proposal", "A-P06", "S-DCPG"]
    assert data["decisions"]["free_places"] == [{"post": "NEW-CO-PH", "places": 1}, {"post": "NEW-CO-SCS", "places": 1}]


def test_explain_says_why_a_person_is_made_redundant(tmp_path: Path):
    text = DECISIONS_EXAMPLE.read_text(encoding="utf-8").replace("$schema=../../", "$schema=../")
    text += ("  - {id: R-P06, type: redeployment, date: 2012-01-05, by: Chief Operating Officer, person: P06,\n"
             "     post: NEW-CO-SCS, offered: 2012-01-04, suitable: false, response: refused}\n"
             "  - {id: S-PH, type: selection, date: 2012-01-06, by: Member panel, post: NEW-CO-PH,\n"
             "     candidates: P06, appointed: []}\n")
    path = tmp_path / "review.yaml"
    path.write_text(text, encoding="utf-8")
    result = cli("explain", str(path), "P06")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "After the proposal (the decisions recorded so far): being made compulsorily redundant." in out
    assert "Why they are being made redundant: at risk since 2011-12-20; no free place remains open to them " \
           "(refused, failed on trial or not won: NEW-CO-PH, NEW-CO-SCS) (decisions: A-P06, S-DCPG, R-P06, S-PH)." in out
    for record in ("A-P06", "S-DCPG", "R-P06", "S-PH"):
        assert f" {record}: " in out


def test_the_register_in_each_format(tmp_path: Path):
    table = cli("redeployment", str(DECISIONS_EXAMPLE))
    assert table.exit_code == 0, table.output
    assert "Trial in NEW-DD-FIN ends 2012-01-29" in table.stdout
    assert "may be offered NEW-CO-SCS (Head of Standards & City Solicitor): grade distance -2, £68,853 (-£32,347" \
        in table.stdout
    data = json.loads(cli("redeployment", str(DECISIONS_EXAMPLE), "-f", "json").stdout)
    assert [p["id"] for p in data["people"]] == ["P06", "P13"]  # by the day they were put at risk
    assert data["people"][1]["trial"] == {"post": "NEW-DD-FIN", "ends": "2012-01-29"}
    csv = cli("redeployment", str(DECISIONS_EXAMPLE), "-f", "csv").stdout.splitlines()
    assert csv[0].startswith("person,name,status,priority") and len(csv) == 4
    book = tmp_path / "register.xlsx"
    assert cli("redeployment", str(DECISIONS_EXAMPLE), "-f", "xlsx", "-o", str(book)).exit_code == 0
    import openpyxl

    sheet = openpyxl.load_workbook(book)["Register"]
    assert sheet["A2"].value == "P06" and sheet["I2"].value == 68853 and sheet["L4"].value == "NEW-DD-FIN"


def test_decisions_from_a_csv_table(tmp_path: Path):
    text = DECISIONS_EXAMPLE.read_text(encoding="utf-8")
    head = text.split("\ndecisions:", 1)[0]
    (tmp_path / "review.yaml").write_text(head + "\ndecisions: decisions.csv\n", encoding="utf-8")
    (tmp_path / "decisions.csv").write_text(
        "id,type,date,by,person,post,candidates,appointed,requested,result,offered,suitable,response,"
        "refusal_reasonable\n"
        "S-PTED,selection,2011-12-21,Member panel,,NEW-DD-PTED,P11; P13,P11,,,,,,\n"
        "R-P13,redeployment,2011-12-23,COO,P13,NEW-DD-FIN,,,,,2011-12-22,true,refused,false\n"
        "R-P13b,redeployment,2011-12-23,COO,P13,NEW-CO-PH,,,,,2011-12-22,TRUE,refused,true\n", encoding="utf-8")
    data = json.loads(cli("run", str(tmp_path / "review.yaml"), "-f", "json").stdout)
    p13 = next(p for p in data["people"] if p["id"] == "P13")
    assert p13["status"] == "still_open" and p13["no_redundancy_payment"] == "R-P13"
    (tmp_path / "decisions.csv").write_text("id,type,date,by,person\nX,selection,2011-12-21,panel,P13\n",
                                            encoding="utf-8")
    bad = cli("validate", str(tmp_path / "review.yaml"))
    assert bad.exit_code == 1 and "decisions.csv:2" in bad.stderr and "a selection record needs" in bad.stderr
