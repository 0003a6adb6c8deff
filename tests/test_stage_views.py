"""The views by stage from the command line: `savings`, `equality`, `timeline` and `compare` with --stage, on
tests/test_stages.py's scenario (worked by hand there) and the decisions example; without decisions, as before."""

from __future__ import annotations

import json

from .conftest import EXAMPLE, cli, write
from .test_decisions import assessment
from .test_stages import DECISIONS, scenario, vr


def _file(tmp_path, *decisions: dict, **costing):
    data = scenario(*decisions)
    data["costing"].update(costing)
    return str(write(tmp_path, "review.yaml", data))


def _json(*args: str) -> dict:
    result = cli(*args, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_savings_stage_chooses_the_one_off_costs(tmp_path):
    """--stage proposal: D displaced and NB's likely displacement, £20,000 estimated; the default (current): C
    £10,000, D £0 (s.141(2)), E £30,000 on the voluntary terms, £40,000 actual."""
    path = _file(tmp_path, *DECISIONS)
    proposal = _json("savings", path, "--stage", "proposal")["redundancy"]
    assert proposal["total"] == 20000 and proposal["estimate"] is True
    now = _json("savings", path)["redundancy"]
    assert now == _json("savings", path, "--stage", "current")["redundancy"]
    assert (now["total"], now["actual"], now["estimated"], now["stage"]) == (40000, 40000, 0, "current")


def test_savings_stage_without_decisions_changes_nothing(tmp_path):
    path = _file(tmp_path)
    assert cli("savings", path).stdout == cli("savings", path, "--stage", "proposal").stdout
    assert cli("savings", str(EXAMPLE), "--stage", "proposal").stdout == cli("savings", str(EXAMPLE)).stdout


def test_savings_stage_refuses_an_unknown_stage(tmp_path):
    result = cli("savings", _file(tmp_path), "--stage", "final")
    assert result.exit_code == 2 and "final" in result.output


def _with_sex(tmp_path, *decisions: dict) -> str:
    """The scenario with A, B and C women and D, E and F men."""
    data = scenario(*decisions)
    for p in data["people"]:
        p["characteristics"] = {"sex": "F" if p["id"] in "ABC" else "M"}
    return str(write(tmp_path, "review.yaml", data))


def _at_risk(data: dict) -> dict:
    sex = data["characteristics"]["sex"]
    return {g: row["at_risk"] for g, row in [*sex["groups"].items(), ("all", sex["all"])]}


def test_equality_stage_counts_who_the_decisions_leave_at_risk(tmp_path):
    """The proposal: D displaced (M, 1) and NB's one likely displacement shared by B and C (F, 1/2 each): F 1, M 1.
    Now: C made redundant (F 1), D and E made redundant (M 2): 3 in all, and men over-represented (2 of 3 at risk,
    3 of 6 in the group)."""
    path = _with_sex(tmp_path, *DECISIONS)
    proposal = _json("equality", path, "--stage", "proposal", "--suppress-below", "0")
    now = _json("equality", path, "--suppress-below", "0")
    assert (proposal["stage"], now["stage"]) == ("proposal", "current")
    assert _at_risk(proposal) == {"F": 1, "M": 1, "all": 2}
    assert _at_risk(now) == {"F": 1, "M": 2, "all": 3}
    assert now["characteristics"]["sex"]["groups"]["M"]["displaced"] == 1  # the outcome columns stay the proposal's
    def over(data: dict) -> list[str]:
        return [f["group"] for f in data["characteristics"]["sex"]["flags"] if f["kind"] == "over_represented"]
    assert (over(proposal), over(now)) == ([], ["M"])


def test_equality_stage_open_pool_is_shared_among_those_still_in_it(tmp_path):
    """Only E's voluntary redundancy and A not confirmed: E made redundant and A and D still open (1 each), NB not
    yet selected (1/2 each to B and C): F 2, M 2."""
    path = _with_sex(tmp_path, vr("VR-E", "E"), assessment("AS-A", "A", "NA", "not_confirmed"))
    assert _at_risk(_json("equality", path, "--suppress-below", "0")) == {"F": 2, "M": 2, "all": 4}


def test_equality_stage_hides_every_at_risk_figure_that_would_give_away_a_small_one(tmp_path):
    """Now, with counts under 2 suppressed: F's 1 is shown as <2; M's 2 and the whole group's 3 would give it away
    (3 - 2), so both are hidden too."""
    now = _json("equality", _with_sex(tmp_path, *DECISIONS), "--suppress-below", "2")
    assert _at_risk(now) == {"F": "<2", "M": "[c]", "all": "[c]"}


def test_equality_without_decisions_has_no_stage(tmp_path):
    plain = cli("equality", str(EXAMPLE), "--format", "json").stdout
    assert "stage" not in json.loads(plain)
    assert cli("equality", str(EXAMPLE), "--format", "json", "--stage", "proposal").stdout == plain
    for form in ("table", "markdown", "csv"):
        assert cli("equality", str(EXAMPLE), "-f", form, "--stage", "proposal").stdout == \
            cli("equality", str(EXAMPLE), "-f", form).stdout


def _people(data: dict) -> dict:
    return {p["id"]: (p.get("status"), p.get("notice_given"), p["earliest_dismissal"]) for p in data["people"]}


def test_timeline_stage_dates_the_redundancies_decided(tmp_path):
    """The proposal: B, C and D at risk, notice the day after the decision (11 April 2024), 10 weeks to 20 June. Now:
    C's notice the day after R-C2 (11 May), to 20 July; D's after R-D2, the same; E's after VR-E (21 April), to 30
    June; A, B and F placed, no dismissal."""
    path = _file(tmp_path, *DECISIONS)
    proposal = _json("timeline", path, "--stage", "proposal")
    assert {p: d for p, (_, _, d) in _people(proposal).items() if d} == {
        "B": "2024-06-20", "C": "2024-06-20", "D": "2024-06-20"}
    assert all(s is None for s, _, _ in _people(proposal).values())
    now = _people(_json("timeline", path))
    assert {p: v for p, v in now.items() if v[2]} == {
        "C": ("compulsory_redundancy", "2024-05-11", "2024-07-20"),
        "D": ("compulsory_redundancy", "2024-05-11", "2024-07-20"),
        "E": ("voluntary_redundancy", "2024-04-21", "2024-06-30")}
    assert {p: s for p, (s, _, _) in now.items() if s in ("appointed", "redeployed")} == {
        "A": "redeployed", "B": "appointed", "F": "appointed"}


def test_timeline_without_decisions_changes_nothing(tmp_path):
    path = _file(tmp_path)
    for form in ("json", "table", "ics"):
        assert cli("timeline", path, "-f", form).stdout == cli("timeline", path, "-f", form, "--stage", "proposal").stdout
    assert "status" not in cli("timeline", path, "-f", "json").stdout


def test_compare_stages_sets_the_proposal_beside_the_current_stage(tmp_path):
    """The scenario's stages: at the proposal E is appointed (assimilated) and the rest still open, £20,000 of
    redundancy estimated; now A redeployed to NE, B appointed to NB, F to NF, C and D compulsorily and E voluntarily
    redundant, £40,000 all decided."""
    data = _json("compare", _file(tmp_path, *DECISIONS), "--stages", "proposal,current")
    proposal, now = data["options"]
    assert (proposal["stage"], now["stage"]) == ("proposal", "current")
    assert {k: v for k, v in proposal["statuses"].items() if v} == {"appointed": 1, "still_open": 5}
    assert {k: v for k, v in now["statuses"].items() if v} == {
        "appointed": 2, "redeployed": 1, "voluntary_redundancy": 1, "compulsory_redundancy": 2}
    assert (proposal["one_off"], proposal["one_off_actual"], now["one_off"], now["one_off_actual"]) == (
        20000, 0, 40000, 40000)
    people = {row["id"]: [(o["status"], o["held"]) for o in row["options"]] for row in data["people"]}
    assert people == {
        "A": [("still_open", ["NA"]), ("redeployed", ["NE"])], "B": [("still_open", []), ("appointed", ["NB"])],
        "C": [("still_open", []), ("compulsory_redundancy", [])], "D": [("still_open", []), ("compulsory_redundancy", [])],
        "E": [("appointed", ["NE"]), ("voluntary_redundancy", [])], "F": [("still_open", ["NF"]), ("appointed", ["NF"])]}
    assert all(row["differs"] == ["outcome"] for row in data["people"])


def test_compare_stages_without_decisions_finds_nothing_changed(tmp_path):
    path = _file(tmp_path)
    data = _json("compare", path, "--stages", "proposal,current")
    assert data["people"] == [] and data["options"][0]["statuses"] == data["options"][1]["statuses"]
    assert cli("compare", path, "--stages", "proposal,current", "--fail-on-change").exit_code == 0


def test_compare_stages_fails_on_change_and_refuses_what_it_cannot_do(tmp_path):
    path = _file(tmp_path, *DECISIONS)
    changed = cli("compare", path, "--stages", "proposal,current", "--fail-on", "outcome")
    assert changed.exit_code == 1 and "6 person(s) have a different outcome" in changed.output
    for bad in (("--stages", "proposal,final"), ("--stages", "current"), ("--stages", "current,current")):
        result = cli("compare", path, *bad)
        assert result.exit_code == 2 and "expected proposal,current" in result.output, bad
    two = cli("compare", path, str(EXAMPLE), "--stages", "proposal,current")
    assert two.exit_code == 2 and "one review" in two.output


def test_comparing_options_is_as_it_was():
    """Two reviews without --stages: no stage, status or statuses in the output."""
    data = _json("compare", str(EXAMPLE), str(EXAMPLE))
    assert not {"stage", "statuses", "one_off"} & set(data["options"][0]) and data["people"] == []


def _paper(tmp_path, *decisions: dict, audience: str = "confidential") -> str:
    path = _file(tmp_path, *decisions, financial_year_start="04-01")
    out = tmp_path / "paper.md"
    result = cli("report", path, "-o", str(out), "--audience", audience)
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8")


def test_paper_says_redundancies_decided_at_the_current_stage(tmp_path):
    """Every decision: C, D and E's redundancies decided, £74,140 (redundancy £40,000, notice £30,000, employer NI
    on the notice £4,140), none displaced in the paper's words."""
    paper = _paper(tmp_path, *DECISIONS)
    assert "### One-off exit costs (redundancies decided)\n" in paper
    assert "| 3 redundancies decided (actual) | £74,140 |" in paper
    assert "people displaced |" not in paper and "person displaced" not in paper


def test_paper_says_who_is_still_at_risk(tmp_path):
    """E's voluntary redundancy decided (£30,000 + £10,000 notice + £1,380 NI); A and D still at risk (£21,380 each);
    NB's pool estimated: the rows add up to £105,520. In a public paper the counts under 5 are not given."""
    paper = _paper(tmp_path, vr("VR-E", "E"), assessment("AS-A", "A", "NA", "not_confirmed"))
    assert "| 1 redundancy decided (actual) | £41,380 |" in paper
    assert "| 2 people still at risk (estimate) | £42,760 |" in paper
    assert "| Total | £105,520 |" in paper and "still at risk)\n" in paper
    public = _paper(tmp_path, vr("VR-E", "E"), assessment("AS-A", "A", "NA", "not_confirmed"), audience="public")
    assert "| Fewer than 5 people still at risk (estimate) | £42,760 |" in public


def test_paper_at_the_proposal_still_says_displaced(tmp_path):
    paper = _paper(tmp_path)
    assert "### One-off exit costs (estimate)\n" in paper and "| 1 person displaced" in paper
    assert "decided (actual)" not in paper and "still at risk (estimate)" not in paper
