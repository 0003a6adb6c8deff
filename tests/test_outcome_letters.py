"""The letters of the current stage (`letters --stage current`, issue 27 item 3): each person the outcome letter their
latest decision calls for, with the dates and figures of their case at the current stage (rules.decisions.current),
on the decisions example and tests/test_stages.py's scenario worked by hand; the proposal's letters unchanged."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from slotting import load, slot
from slotting.formats import pounds as money_words
from slotting.render.letter_texts import paragraphs
from slotting.render.letters import markdown_letter
from slotting.render.outcome_texts import DECIDED_TEXTS
from slotting.rules.decisions import current
from slotting.rules.letters import DECIDED_OUTCOMES, FIELDS, OUTCOMES
from slotting.rules.outcome_letters import outcome_letters
from slotting.rules.timeline import timeline

from .conftest import EXAMPLE, ROOT, build, cli
from .support.letter_templates import folder_of, template
from .test_decisions import selection
from .test_stages import DECISIONS, scenario

DECISIONS_EXAMPLE = ROOT / "examples" / "decisions" / "leicester_2011_decisions.yaml"
TEMPLATES = ROOT / "src" / "slotting" / "data" / "letters"


def flat(text: str) -> str:
    return " ".join(text.replace("\\", "").split())


def made(r):
    result = slot(r)
    now, stage = current(r, result)
    assert stage is not None
    letters, none = outcome_letters(r, result, timeline(r, result), now, stage)
    return {letter.person: letter for letter in letters}, {n.person: n.why for n in none}, now


@pytest.fixture(scope="module")
def worked():
    return made(build(scenario(*DECISIONS)))


def test_each_status_of_the_scenario_gets_its_letter(worked):
    """A accepted NE (redeployed), B won the pool for NB, F was confirmed in NF; C and D were made compulsorily
    redundant and E left by voluntary redundancy: each redundancy takes the notice of dismissal."""
    letters, none, _ = worked
    assert {p: letter.outcome for p, letter in letters.items()} == {
        "A": "redeployment", "B": "appointed", "C": "dismissal", "D": "dismissal", "E": "dismissal", "F": "confirmed"}
    assert none == {}


def test_the_notice_of_dismissal_states_the_cases_dates_and_figures(worked):
    """C: 10 weeks' statutory notice given the day after the last decision (R-C2, 10 May 2024), ending 20 July 2024;
    10 weeks' pay under the scheme, £10,000; notice pay 10 x £1,000. D: the same dates and notice pay, and no
    redundancy payment (R-D1, an unreasonable refusal of NX: ERA 1996 s.141(2)). E: the voluntary terms, £30,000."""
    letters, _, now = worked
    c, d, e = letters["C"].fields, letters["D"].fields, letters["E"].fields
    assert (c["notice_weeks"], c["notice_given"], c["earliest_dismissal"]) == ("10", "11 May 2024", "20 July 2024")
    assert (c["redundancy_estimate"], c["redundancy_weeks"], c["notice_pay_estimate"]) == ("£10,000", "10", "£10,000")
    assert c["no_redundancy_payment"] == "" and c["voluntary"] == ""
    assert d["redundancy_estimate"] == "£0" and d["no_redundancy_payment"] == "the post of New X, offered on 10 May 2024"
    assert (d["notice_given"], d["earliest_dismissal"], d["notice_pay_estimate"]) == (
        "11 May 2024", "20 July 2024", "£10,000")
    assert e["voluntary"] == "yes" and e["redundancy_estimate"] == "£30,000" and e["vr_requested"] == "15 April 2024"
    assert e["decision_ref"] == "VR-E" and e["notice_given"] == "21 April 2024"
    for person in "CDE":  # every figure is the case's at the current stage, never computed again
        case, fields = now[person], letters[person].fields
        assert fields["redundancy_estimate"] == money_words(case.entitlements.redundancy.amount)
        assert fields["notice_pay_estimate"] == money_words(case.entitlements.notice.amount)
        assert fields["earliest_dismissal"] == f"{case.earliest_dismissal.day} {case.earliest_dismissal:%B %Y}"


def test_the_dismissal_letters_say_it(worked):
    letters, _, _ = worked
    c, d, e = (flat(markdown_letter(letters[p])) for p in "CDE")
    assert "This letter is your notice of dismissal. Your notice period is 10 weeks, given on 11 May 2024, and your " \
           "employment will end on 20 July 2024." in c
    assert "Your redundancy payment will be £10,000 (10 weeks' pay). Your pay for your notice period is £10,000." in c
    assert "no suitable alternative post has been found for you" in c and "You may appeal against your dismissal" in c
    assert "Because you unreasonably refused an offer of suitable alternative employment (the post of New X, offered " \
           "on 10 May 2024), you are not entitled to a redundancy payment." in d
    assert "Your redundancy payment will be" not in d
    assert "Your request for voluntary redundancy, made on 15 April 2024, was accepted by HR on 20 April 2024." in e
    assert "£30,000 (30 weeks' pay), on the terms of the voluntary redundancy scheme" in e
    assert "We will go on looking with you for suitable alternative employment" not in e


def test_confirmed_appointed_and_redeployed(worked):
    letters, _, _ = worked
    b, f, a = (flat(markdown_letter(letters[p])) for p in "BFA")
    assert "Following your competency assessment by panel on 1 May 2024, I am pleased to confirm that you have been " \
           "confirmed in the post of New F" in f
    assert "following the selection by panel on 2 May 2024, you have been appointed to the post of New B" in b
    assert "On 10 May 2024 you were offered the post of New E (Grade 2) as suitable alternative employment, and you " \
           "accepted it" in a
    assert "No trial period is recorded for the post." in a  # R-A records no trial
    assert "We will confirm your salary in the post separately." in a  # NE was never A's slot: no pay in the case
    assert "This letter is the written statement of the changes" in f


def test_not_confirmed_and_not_appointed_are_at_risk_with_the_ring_fence():
    """A not confirmed in NA on 1 May; C not appointed to NB on 2 May. Both at risk, the free places (NA, NX) open."""
    from .test_decisions import assessment

    letters, _, now = made(build(scenario(assessment("AS-A", "A", "NA", "not_confirmed"),
                                          selection("S-NB", "NB", ["B", "C"], ["B"]))))
    assert letters["A"].outcome == "not_confirmed" and letters["C"].outcome == "not_appointed"
    a, c = flat(markdown_letter(letters["A"])), flat(markdown_letter(letters["C"]))
    assert "you have not been confirmed in the post of New A. You are now at risk of redundancy" in a
    assert "you have not been appointed to it. You are at risk of redundancy." in c
    for text, person in ((a, "A"), (c, "C")):
        assert "This letter is not notice of dismissal" in text
        assert "you may apply for them: New A; New X" in text
        case = now[person]
        assert f"your redundancy payment would be {money_words(case.entitlements.redundancy.amount)}" in text
        assert "reasonable paid time off" in text and "priority for a suitable alternative vacancy" in text


def appeal(result, **more):
    return {"id": "AP-C", "type": "appeal", "date": "2024-05-20", "by": "Appeals panel", "person": "C",
            "lodged": "2024-05-05", "heard": "2024-05-20", "against": "S-NB", "result": result, **more}


def test_an_appeal_dismissed_and_one_upheld():
    letters, _, _ = made(build(scenario(selection("S-NB", "NB", ["B", "C"], ["B"]), appeal("dismissed"))))
    said = flat(markdown_letter(letters["C"]))
    assert letters["C"].outcome == "appeal_outcome" and letters["B"].outcome == "appointed"
    assert "Your appeal against the decision of 2 May 2024 on the selection for the post of New B, lodged on 5 May " \
           "2024, was heard on 20 May 2024 by Appeals panel." in said
    assert "Your appeal has been dismissed, and the decision you appealed against stands. As a result, you are at " \
           "risk of redundancy." in said
    assert "you may apply for them: New X" in said
    letters, _, _ = made(build(scenario(selection("S-NB", "NB", ["B", "C"], ["B"]),
                                        appeal("upheld", new_outcome={"post": "NX"}))))
    said = flat(markdown_letter(letters["C"]))
    assert "Your appeal has been upheld, and the decision you appealed against is set aside. As a result, you are " \
           "appointed to the post of New X." in said
    assert "ring-fenced" not in said


def test_the_decisions_example():
    """The Leicester case continued: seven confirmed, two pools decided (P05, P11 appointed; P06 not), P13 on trial in
    Director - Finance until 29 January 2012, P02's voluntary redundancy; no letter for the people with no decision."""
    letters, none, _ = made(load(str(DECISIONS_EXAMPLE)))
    assert {p: letter.outcome for p, letter in letters.items()} == {
        "P01": "confirmed", "P02": "dismissal", "P05": "appointed", "P06": "not_appointed", "P10": "confirmed",
        "P11": "appointed", "P13": "redeployment", "P14": "confirmed", "P15": "confirmed", "P18": "confirmed",
        "P19": "confirmed", "P20": "confirmed"}
    assert set(none) == {"P03", "P04", "P07", "P08", "P09", "P12", "P16", "P17"}
    p13 = letters["P13"].fields
    assert (p13["trial_result"], p13["trial_end"], p13["offered_date"]) == ("running", "29 January 2012",
                                                                            "22 December 2011")
    assert letters["P02"].fields["voluntary"] == "yes"
    assert letters["P05"].fields["new_salary"] == "£85,575"  # the pool's post: the proposal's pay for it


def test_the_command_refuses_missing_fields_and_writes_with_the_cases(tmp_path: Path):
    """The example (the finance variant: ages, service and notice given) writes its 12 letters: P02's voluntary
    redundancy is noticed on 21 December 2011 (the day after objections close), 12 weeks to 14 March 2012, with
    £11,825 (27.5 weeks at the £430 limit of that relevant date) and £21,371.54 notice pay, the case's figures. A
    review whose letters would print an empty field is refused with the list, nothing written."""
    out = tmp_path / "letters"
    result = cli("letters", str(DECISIONS_EXAMPLE), "-o", str(out), "--stage", "current", "--date", "2012-01-03")
    assert result.exit_code == 0, result.stderr
    assert len(list(out.glob("*.docx"))) == 12
    one = cli("letters", str(DECISIONS_EXAMPLE), "--format", "markdown", "--person", "P02", "--stage", "current")
    assert "your employment will end on 14 March 2012" in one.stdout and "£11,825" in one.stdout
    assert "£21,371.54" in one.stdout
    bare = tmp_path / "bare.yaml"  # the same decisions without the ages and service: P02's figures cannot be stated
    text = DECISIONS_EXAMPLE.read_text(encoding="utf-8")
    import re
    bare.write_text(re.sub(r" age: \d+, service_years: \d+,", "", text), encoding="utf-8")
    refused = cli("letters", str(bare), "-o", str(tmp_path / "none"), "--stage", "current", "--date", "2012-01-03")
    assert refused.exit_code == 1, refused.stderr
    assert "dismissal letter of P02" in refused.stderr and not (tmp_path / "none").exists()
    review = tmp_path / "scenario.yaml"
    import yaml
    review.write_text(yaml.safe_dump(scenario(*DECISIONS)), encoding="utf-8")
    out = tmp_path / "scenario-letters"
    result = cli("letters", str(review), "-o", str(out), "--stage", "current", "--date", "2024-05-20")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO((out / "manifest.csv").read_text(encoding="utf-8"))))
    assert {r["person"]: (r["outcome"], r["template"]) for r in rows} == {
        "A": ("redeployment", "default:redeployment.docx"), "B": ("appointed", "default:appointed.docx"),
        "C": ("dismissal", "default:dismissal.docx"), "D": ("dismissal", "default:dismissal.docx"),
        "E": ("dismissal", "default:dismissal.docx"), "F": ("confirmed", "default:confirmed.docx")}
    import docx
    words = flat("\n".join(p.text for p in docx.Document(str(out / "C-dismissal.docx")).paragraphs))
    assert "your employment will end on 20 July 2024" in words and "{#" not in words
    one = cli("letters", str(review), "--format", "markdown", "--person", "Z", "--stage", "current")
    assert one.exit_code == 1 and "no person 'Z'" in one.stderr


def test_the_employers_template_for_a_new_outcome_is_used(tmp_path: Path):
    review = tmp_path / "scenario.yaml"
    import yaml
    review.write_text(yaml.safe_dump(scenario(*DECISIONS)), encoding="utf-8")
    folder = folder_of(tmp_path, "dismissal", template("Notice to {{ person_name }}: ends {{ earliest_dismissal }}."))
    out = tmp_path / "letters"
    result = cli("letters", str(review), "-o", str(out), "--stage", "current", "--template-dir", str(folder),
                 "--date", "2024-05-20")
    assert result.exit_code == 0, result.stderr
    assert "default:confirmed.docx for the 1 confirmed letter(s)" in result.stderr
    import docx
    assert docx.Document(str(out / "C-dismissal.docx")).paragraphs[0].text == "Notice to C: ends 20 July 2024."


def test_the_proposals_letters_are_unchanged(tmp_path: Path):
    """Without --stage, and with --stage current on a review without decisions, the bundled example's letters are the
    same bytes; the decisions example without --stage gets the proposal's letters."""
    one, two = tmp_path / "one", tmp_path / "two"
    assert cli("letters", str(EXAMPLE), "-o", str(one), "--date", "2011-12-02").exit_code == 0
    result = cli("letters", str(EXAMPLE), "-o", str(two), "--date", "2011-12-02", "--stage", "current")
    assert result.exit_code == 0 and "no decisions" in result.stderr
    assert sorted(p.name for p in one.iterdir()) == sorted(p.name for p in two.iterdir())
    for path in one.iterdir():
        assert path.read_bytes() == (two / path.name).read_bytes(), path.name
    three = tmp_path / "three"
    result = cli("letters", str(DECISIONS_EXAMPLE), "-o", str(three), "--format", "markdown", "--allow-missing")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO((three / "manifest.csv").read_text(encoding="utf-8"))))
    assert {r["outcome"] for r in rows} <= set(OUTCOMES) - set(DECIDED_OUTCOMES)


def test_the_new_templates_are_what_their_script_writes_and_cite_their_sources():
    import importlib.util

    spec = importlib.util.spec_from_file_location("make", ROOT / "scripts" / "make_letter_templates.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert set(DECIDED_TEXTS) == set(DECIDED_OUTCOMES) and set(DECIDED_OUTCOMES) <= set(OUTCOMES)
    for outcome in DECIDED_OUTCOMES:
        assert (TEMPLATES / f"{outcome}.docx").read_bytes() == module.docx(outcome), outcome
        for said in paragraphs(outcome)[8:]:  # after the date, reference and addressee block
            if "{{" in said.text and said.text not in ("{{ addressee }}",) and not said.text.startswith("Redeployment:"):
                assert said.source, (outcome, said.text[:60])
    cited = " ".join(s.source for s in DECIDED_TEXTS["dismissal"])
    for law in ("ERA s.86(1)", "s.141(2)", "ERA s.52", "s.162", "s.138(2)"):
        assert law in cited, law
    assert "s.138(2)-(3) and (6)" in " ".join(s.source for s in DECIDED_TEXTS["redeployment"])
    assert "Leicester report s.10.2-10.3" in " ".join(s.source for s in DECIDED_TEXTS["appeal_outcome"])
    names = {n for outcome in DECIDED_OUTCOMES for s in paragraphs(outcome) for n in FIELDS if "{{ " + n + " }}" in s.text}
    assert {"notice_given", "no_redundancy_payment", "what_follows", "trial_end"} <= names
