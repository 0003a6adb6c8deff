"""Suitable alternatives within the policy's limits (policy.alternatives_limits, ERA 1996 s.141), and a trial end
(ERA 1996 s.138) for everyone at risk who may apply for a ring-fenced post, whether their post overlaps it or not."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import yaml

from slotting import slot
from slotting.render.run import run_data
from slotting.rules.case import cases

from .conftest import HERE, ROOT, build, cli, run_slotting, with_base, write

ALTERNATIVE_CASES = sorted((HERE / "cases").glob("alternatives_*.yaml"))
TRIAL_EXAMPLE = ROOT / "examples" / "policies" / "alternatives_trial.yaml"
TODAYS_FIELDS = {"post", "score", "grade_distance", "new_salary", "spinal_point", "pay_change"}


def _case(name: str) -> dict:
    return yaml.safe_load((HERE / "cases" / f"{name}.yaml").read_text(encoding="utf-8"))


def _people(review: dict) -> dict[str, dict]:
    return {p["id"]: p for p in run_data(run_slotting(with_base(review)))["people"]}


@pytest.mark.parametrize("case_file", ALTERNATIVE_CASES, ids=[p.stem for p in ALTERNATIVE_CASES])
def test_each_alternative_is_marked_suitable_or_not_with_the_figures(case_file: Path):
    case = yaml.safe_load(case_file.read_text(encoding="utf-8"))
    people = _people(case["review"])
    for pid, want in case["expect"]["people"].items():
        if "suitable" not in want:
            continue
        alternatives = {a["post"]: a for a in people[pid]["alternatives"]}
        if want["suitable"] is None:  # no limits: the JSON keeps today's fields, no more
            assert all(set(a) == TODAYS_FIELDS for a in alternatives.values()), alternatives
            assert "Not suitable" not in people[pid]["reason"]
            continue
        assert {post: a["suitable"] for post, a in alternatives.items()} == want["suitable"]
        assert {post: a["suitability"] for post, a in alternatives.items()} == want["suitability"]


def test_limits_mark_the_posts_and_never_drop_one():
    """The same review with and without limits lists the same posts with the same figures: the limits only add
    suitable and suitability."""
    limited = _case("alternatives_two_grades_down_unsuitable")["review"]
    unlimited = {**limited, "policy": {"alternatives": True}}
    with_limits, without = _people(limited)["P1"], _people(unlimited)["P1"]
    stripped = [{k: v for k, v in a.items() if k not in ("suitable", "suitability")} for a in with_limits["alternatives"]]
    assert stripped == without["alternatives"]
    assert [a["suitable"] for a in with_limits["alternatives"]] == [False, True]


def test_explain_states_each_alternative_with_the_reason(tmp_path):
    path = write(tmp_path, "r.yaml", with_base(_case("alternatives_two_grades_down_unsuitable")["review"]))
    result = cli("explain", str(path), "P1")
    assert result.exit_code == 0, result.output
    assert ("Alternatives (ring-fenced posts they may apply for, best score first; each suitable or not under "
            "policy.alternatives_limits):\n"
            "  N1 (Two down): score 95%, grade distance -2, spinal point 3 at £22,000 (-£19,000 a year); not suitable: "
            "two grades down (limit one)\n"
            "  N2 (One down): score 20%, grade distance -1, spinal point 6 at £32,000 (-£9,000 a year); suitable: "
            "one grade down (limit one)\n") in result.stdout
    assert "Not suitable (policy.alternatives_limits): N1, two grades down (limit one)." in result.stdout


def test_a_competitive_person_is_told_the_alternatives_if_not_selected():
    review = _case("alternatives_for_people_at_risk")["review"]
    review = {**review, "policy": {**review["policy"], "alternatives_limits": {"grade": {"down": 0, "up": 0}}}}
    reason = _people(review)["P1"]["reason"]
    assert ("If not selected, suitable alternatives: 1 of the 2 ring-fenced posts they may apply for is within the "
            "policy's limits, best N3 (score 60%, grade distance +0). Not suitable (policy.alternatives_limits): N2, "
            "one grade down (none down allowed). A trial period of 4 weeks applies") in reason


def test_the_bundled_example_without_limits_gains_no_field():
    """The example lists P02's post three grades down and P06's two grades down, cut 25.7% and 32.0%: without
    limits they stay listed as today, with no suitable field; with Leicester's own match band (one grade either
    way) and a 10% cut neither is suitable."""
    result = cli("run", str(TRIAL_EXAMPLE), "--format", "json")
    assert result.exit_code == 0, result.output
    people = {p["id"]: p for p in json.loads(result.stdout)["people"]}
    assert all(set(a) == TODAYS_FIELDS for p in people.values() for a in p.get("alternatives", ()))
    assert not any("Not suitable" in p["reason"] for p in people.values())
    assert [a["post"] for a in people["P06"]["alternatives"]] == ["NEW-CO-SCS"]
    text = TRIAL_EXAMPLE.read_text(encoding="utf-8").replace(
        "policy: {alternatives: true, trial_period_weeks: 4}",
        "policy: {alternatives: true, trial_period_weeks: 4, alternatives_limits: {grade: {down: 1, up: 1}, "
        "pay_loss: {percent: 10}}}")
    assert "alternatives_limits" in text
    review = build(yaml.safe_load(text))
    people = {p["id"]: p for p in run_data(slot(review))["people"]}
    assert people["P02"]["alternatives"][0]["suitability"] == ("not suitable: three grades down (limit one) and pay "
                                                               "falls 25.7% (limit 10%)")
    assert people["P06"]["alternatives"][0]["suitability"] == ("not suitable: two grades down (limit one) and pay "
                                                               "falls 32.0% (limit 10%)")


# A displaced person (P1, whose post overlaps no new post) and one assimilated (P2); N2 is left unfilled and so
# ring-fenced. The decision is Thursday 1 March 2012 and no objection window is set, so notice is given on Friday
# 2 March; four weeks' contractual notice ends on Friday 30 March, the earliest dismissal (one proposed dismissal:
# no collective consultation minimum). The trial period ends four weeks later, on Friday 27 April 2012.
NO_OVERLAP = {
    "review": {"name": "r", "effective_date": "2012-04-02",
               "timeline": {"consultation_start": "2012-01-10", "decision": "2012-03-01"}},
    "old_structure": {"posts": [{"id": "O1", "title": "Old one", "grade": "G2"},
                                {"id": "O2", "title": "Old two", "grade": "G2"}]},
    "new_structure": {"posts": [{"id": "N1", "title": "New one", "grade": "G2"},
                                {"id": "N2", "title": "New two", "grade": "G2"}]},
    "people": [{"id": "P1", "post": "O1", "salary": 31000, "notice_weeks": 4, "service_years": 3},
               {"id": "P2", "post": "O2", "salary": 31000, "notice_weeks": 4, "service_years": 3}],
    "overlaps": [{"old_post": "O2", "new_post": "N1", "old_in_new": 90, "new_from_old": 90}],
}


def _case_of(data: dict, person: str):
    review = build(with_base(data))
    result = slot(review)
    return cases(review, result)[person], result


def test_a_displaced_person_with_no_overlap_row_gets_a_trial_end_four_weeks_after_dismissal():
    case, result = _case_of(NO_OVERLAP, "P1")
    assert result.person("P1").outcome == "displaced" and result.person("P1").assessments == ()
    assert case.may_apply_for == ("N2",)
    assert case.earliest_dismissal == dt.date(2012, 3, 30)
    assert case.trial_end == dt.date(2012, 4, 27)
    assert _case_of(NO_OVERLAP, "P2")[0].trial_end is None  # assimilated: not at risk, no dismissal


def test_the_trial_end_is_in_the_timeline(tmp_path):
    result = cli("timeline", str(write(tmp_path, "r.yaml", with_base(NO_OVERLAP))), "--format", "json")
    assert result.exit_code == 0, result.output
    people = {p["id"]: p for p in json.loads(result.stdout)["people"]}
    assert people["P1"]["trial_end"] == "2012-04-27"


def test_a_longer_policy_trial_period_is_used():
    case, _ = _case_of({**NO_OVERLAP, "policy": {"trial_period_weeks": 6}}, "P1")
    assert case.trial_end == dt.date(2012, 3, 30) + dt.timedelta(weeks=6)


def test_a_tier_open_to_the_person_gives_a_trial_end_without_an_overlap_row():
    case, _ = _case_of({**NO_OVERLAP, "policy": {"ring_fence": [{"name": "at risk", "outcomes": ["displaced"]}]}}, "P1")
    assert case.may_apply_for == ("N2",) and case.trial_end == dt.date(2012, 4, 27)


def test_no_trial_end_when_no_ring_fenced_post_is_open():
    """Every new post filled: there is nothing to take on trial."""
    data = {**NO_OVERLAP, "new_structure": {"posts": [{"id": "N1", "title": "New one", "grade": "G2"}]}}
    case, result = _case_of(data, "P1")
    assert result.person("P1").outcome == "displaced" and case.may_apply_for == ()
    assert case.earliest_dismissal == dt.date(2012, 3, 30) and case.trial_end is None
