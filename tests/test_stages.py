"""Every view at the current stage, worked by hand: the case, savings, equality, timeline, compare and explain read
what the decisions recorded leave (rules.decisions.current), and a review without decisions reads as before.

The scenario (tests/test_decisions.py's proposal, with ages, service and an employer's scheme): six people on G2,
each aged 45 with 10 years' service on £52,000 (a week's pay of £1,000). The proposal: A matched to NA; B and C in a
pool for NB (one place); D displaced; E assimilated to NE; F matched to NF; NX ring-fenced. The scheme gives 1 week
a year (10 weeks, £10,000; statutory pay, 12 weeks at the £700 limit of 6 April 2024, is £8,400, less), and on its
voluntary terms 3 weeks a year (£30,000).

The decisions: E's voluntary redundancy accepted on 20 April 2024 (NE is free); A not confirmed in NA on 1 May (at
risk; NA free); B appointed to NB over C on 2 May (C at risk); F confirmed; on 10 May C refuses NA and NX reasonably,
D refuses NX unreasonably (suitable: no redundancy payment, ERA 1996 s.141(2)) and NA reasonably, and A accepts NE.
Every free place is then filled or refused by all at risk: C and D are made compulsorily redundant.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from slotting import slot
from slotting.rules.case import cases
from slotting.rules.decisions import current

from .conftest import build
from .test_decisions import PROPOSAL, assessment, offer, selection

SCHEME = {"unit": "weeks", "per_year": 1, "voluntary": {"per_year": 3}, "source": "the employer's scheme"}


def scenario(*decisions: dict) -> dict:
    data = {**PROPOSAL, "review": {"name": "scenario", "effective_date": "2024-07-01",
                                   "timeline": {"slotting_list_issued": "2024-04-01", "decision": "2024-04-10"}},
            "people": [{"id": x, "post": f"O-{x}", "salary": 52000, "age": 45, "service_years": 10}
                       for x in "ABCDEF"],
            "costing": {"severance": SCHEME}, "decisions": list(decisions)}
    from .conftest import with_base
    return with_base(data)


def vr(id, person, date="2024-04-20"):
    return {"id": id, "type": "voluntary_redundancy", "date": date, "by": "HR", "person": person,
            "requested": "2024-04-15", "result": "accepted"}


def refuse(id, person, post, reasonable=True):
    return offer(id, person, post, response="refused", refusal_reasonable=reasonable)


DECISIONS = (vr("VR-E", "E"), assessment("AS-A", "A", "NA", "not_confirmed"), assessment("AS-F", "F", "NF", "confirmed"),
             selection("S-NB", "NB", ["B", "C"], ["B"]), refuse("R-C1", "C", "NA"), refuse("R-C2", "C", "NX"),
             refuse("R-D1", "D", "NX", reasonable=False), refuse("R-D2", "D", "NA"), offer("R-A", "A", "NE"))


def staged(*decisions: dict):
    r = build(scenario(*decisions))
    result = slot(r)
    return r, result, *current(r, result)


def test_the_case_at_the_current_stage_is_the_decisions():
    """At the proposal B, C and D are at risk (the pool's candidates and the displaced), each owed £10,000, notice
    given the day after the decision (11 April 2024). After the decisions: C and D made redundant, E by voluntary
    redundancy; A, B and F placed. C: 10 weeks = £10,000, notice given the day after the last decision that led
    there (R-C2, 10 May), 10 weeks' statutory notice to 20 July. D: £0, ERA 1996 s.141(2) (R-D1). E: assimilated in
    the proposal (no entitlements there), now £30,000 on the voluntary terms, notice from 21 April."""
    r, result, now, standings = staged(*DECISIONS)
    proposal = cases(r, result)
    assert [p for p, c in proposal.people.items() if c.at_risk] == ["B", "C", "D"]
    assert {p: c.entitlements.redundancy.amount for p, c in proposal.people.items() if c.entitlements} == {
        "B": 10000, "C": 10000, "D": 10000}
    assert proposal["C"].notice_given == dt.date(2024, 4, 11)
    assert standings is not None
    assert {p: standings.person(p).status for p in "ABCDEF"} == {
        "A": "redeployed", "B": "appointed", "C": "compulsory_redundancy", "D": "compulsory_redundancy",
        "E": "voluntary_redundancy", "F": "appointed"}
    assert [p for p, c in now.people.items() if c.at_risk] == ["C", "D", "E"]
    c, d, e = now["C"], now["D"], now["E"]
    assert c.entitlements.redundancy.amount == 10000 and "voluntary" not in c.entitlements.redundancy.basis
    assert (c.notice_given, c.earliest_dismissal) == (dt.date(2024, 5, 11), dt.date(2024, 7, 20))
    assert d.entitlements.redundancy.amount == 0 and d.entitlements.redundancy_cost.amount == 0
    assert d.entitlements.redundancy.basis.startswith("no redundancy payment (ERA 1996 s.141(2)): R-D1")
    assert d.entitlements.notice.amount == Decimal(10000)  # notice is still paid: 10 weeks at £1,000
    assert e.entitlements.redundancy.amount == 30000 and e.entitlements.redundancy.basis.startswith("voluntary terms")
    assert (e.notice_given, e.earliest_dismissal) == (dt.date(2024, 4, 21), dt.date(2024, 6, 30))
    assert now["A"].entitlements is None and now["B"].entitlements is None


def test_a_person_left_open_keeps_the_proposals_estimate_and_their_open_places():
    """Only A not confirmed: A is at risk with NA and NX open to them (the Leicester rule: every free place to
    everyone at risk), still open; the case lists those places and estimates £10,000 from the proposal's notice."""
    r, result, now, standings = staged(assessment("AS-A", "A", "NA", "not_confirmed"))
    a = now["A"]
    assert standings is not None and standings.person("A").status == "still_open"
    assert a.at_risk and a.may_apply_for == ("NA", "NX") and a.notice_given == dt.date(2024, 4, 11)
    assert a.entitlements.redundancy.amount == 10000


def test_without_decisions_the_current_stage_is_the_proposal():
    r, result, now, standings = staged()
    assert standings is None and now == cases(r, result)


def _savings(*decisions: dict, stage: str = "current", **costing):
    from slotting.render.savings import savings_data
    from slotting.rules.savings import savings

    data = scenario(*decisions)
    data["costing"].update(costing)
    r = build(data)
    return savings_data(savings(r, slot(r), stage=stage))  # type: ignore[arg-type]


def test_savings_cost_what_is_decided_as_actual():
    """The proposal: D displaced (£10,000) and NB's one likely displacement at the mean of B and C (£10,000): £20,000,
    an estimate. After every decision: C £10,000, D £0 (s.141(2)), E £30,000 on the voluntary terms: £40,000, all
    actual; the pool is decided, so nothing is estimated."""
    proposal = _savings(*DECISIONS, stage="proposal")["redundancy"]
    assert proposal["total"] == 20000 and proposal["estimate"] is True and "stage" not in proposal
    assert [(p["person"], p["amount"]) for p in proposal["displaced"]] == [("D", 10000)]
    now = _savings(*DECISIONS)["redundancy"]
    assert (now["total"], now["actual"], now["estimated"], now["estimate"], now["stage"]) == (40000, 40000, 0, False,
                                                                                             "current")
    assert [(p["person"], p["status"], p["amount"], p["actual"]) for p in now["displaced"]] == [
        ("C", "compulsory_redundancy", 10000, True), ("D", "compulsory_redundancy", 0, True),
        ("E", "voluntary_redundancy", 30000, True)]
    assert now["pools"] == []


def test_savings_estimate_what_is_still_open():
    """Only E's voluntary redundancy and A not confirmed: E £30,000 actual; A and D still open (NA and NX free to
    them), £10,000 each estimated; the pool for NB not yet selected, one likely displacement at £10,000: £60,000 in
    all, £30,000 actual and £30,000 estimated."""
    now = _savings(vr("VR-E", "E"), assessment("AS-A", "A", "NA", "not_confirmed"))["redundancy"]
    assert (now["total"], now["actual"], now["estimated"], now["estimate"]) == (60000, 30000, 30000, True)
    assert [(p["person"], p["status"], p["actual"]) for p in now["displaced"]] == [
        ("A", "still_open", False), ("D", "still_open", False), ("E", "voluntary_redundancy", True)]
    assert now["pools"] == [{"post": "NB", "likely_displacements": 1, "amount": 10000}]


def test_the_finance_view_counts_the_same_people():
    """With the finance view the one-off is the whole exit cost: C's £10,000 redundancy and 10 weeks' notice
    (£10,000), D's notice only (£10,000), E's £30,000 and notice £10,000 (employer NI on the notice pay at 13.8%,
    £1,380 each); every one actual."""
    data = _savings(*DECISIONS, financial_year_start="04-01")
    exits = data["finance"]["exit_costs"]
    assert [(p["person"], p["status"], p["actual"], p["redundancy"]["amount"], p["notice"]["amount"])
            for p in exits["displaced"]] == [("C", "compulsory_redundancy", True, 10000, 10000),
                                             ("D", "compulsory_redundancy", True, 0, 10000),
                                             ("E", "voluntary_redundancy", True, 30000, 10000)]
    assert exits["stage"] == "current" and exits["estimate"] is False
    assert exits["total"] == exits["actual"] == 70000 + 3 * Decimal("1380")
    assert data["redundancy"]["total"] == 40000 and data["redundancy"]["actual"] == 40000


def test_savings_without_decisions_are_the_proposals():
    assert _savings() == _savings(stage="proposal")


def test_explain_json_gives_the_status_history_and_the_current_case():
    """D's explanation as data: compulsorily redundant, the history from the proposal through R-D1 and R-D2, and the
    case now (a redundancy payment of £0, s.141(2)) beside the proposal's (£10,000); without decisions, neither."""
    from slotting.render.explain_data import explain_data

    r, result, _, _ = staged(*DECISIONS)
    d = explain_data(result, ["D"], r, cases(r, result).people)["people"][0]
    assert d["status"] == "compulsory_redundancy" and d["no_redundancy_payment"] == "R-D1"
    assert [step["record"] for step in d["history"]] == ["proposal", "R-D1", "R-D2"]
    assert d["case"]["entitlements"]["redundancy"]["amount"] == 10000
    assert d["current_case"]["entitlements"]["redundancy"]["amount"] == 0
    assert d["current_case"]["notice_given"] == "2024-05-11"
    r, result, _, _ = staged()
    plain = explain_data(result, ["D"], r, cases(r, result).people)["people"][0]
    assert not {"status", "history", "current_case"} & set(plain)
