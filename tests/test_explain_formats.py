"""`explain` of several people, as JSON and Markdown; `validate --format json --counts`."""

from __future__ import annotations

import json
from pathlib import Path

from .conftest import EXAMPLE, ROOT, cli

FINANCE = ROOT / "examples" / "finance" / "leicester_2011_finance.yaml"
INVALID = ROOT / "tests" / "invalid" / "salary_zero.yaml"


def _ok(*args: str):
    result = cli(*args)
    assert result.exit_code == 0, result.output
    return result


def test_several_people_are_each_explained_as_alone_in_the_order_given():
    one = _ok("explain", str(EXAMPLE), "P13").stdout
    two = _ok("explain", str(EXAMPLE), "P02").stdout
    assert _ok("explain", str(EXAMPLE), "P13", "P02", "P13").stdout == one + "\n" + two


def test_json_gives_each_person_as_run_does_with_claims_and_case():
    run = {p["id"]: p for p in json.loads(_ok("run", str(FINANCE), "-f", "json").stdout)["people"]}
    timeline = {p["id"]: p for p in json.loads(_ok("timeline", str(FINANCE), "-f", "json").stdout)["people"]}
    data = json.loads(_ok("explain", str(FINANCE), "P13", "P07", "-f", "json").stdout)
    assert data["review"].startswith("Leicester City Council")
    assert [p["id"] for p in data["people"]] == ["P13", "P07"]
    for person in data["people"]:
        assert {k: person[k] for k in run[person["id"]]} == run[person["id"]], "run's fields, names and values"
        case, dates = person["case"], timeline[person["id"]]
        for field in ("earliest_dismissal", "trial_end", "protection_end", "notice_weeks"):
            assert case[field] == dates[field], field
        assert case["notice_basis"] == dates["notice"]
    p13 = data["people"][0]
    assert [(c["post"], c["kind"], c["state"], c["score"]) for c in p13["claims"]] == [
        ("NEW-DD-PTED", "match", "pursued", 45)]
    assert p13["case"]["at_risk"] and p13["case"]["entitlements"]["redundancy"]["amount"] == 3000
    assert data["people"][1]["case"]["entitlements"] is None  # P07 is assimilated: not at risk


def test_markdown_has_a_section_a_person_with_the_texts_words():
    text = _ok("explain", str(EXAMPLE), "P02").stdout
    page = _ok("explain", str(EXAMPLE), "P13", "P02", "-f", "markdown").stdout
    assert page.startswith("# Explanation: Leicester City Council")
    assert page.count("\n## ") == 2
    assert "## Holder: Strategic Director Health \\& Health Improvement (P02), current post OLD-SD-HHI" in page
    assert "1. NEW-CO-PH (City Public Health and Health Improvement Officer) -\\> rejected" in page
    assert "Competing with: P03" in page and "Competing with: P03" in text
    assert not [line for line in page.splitlines() if line != line.rstrip()], "no trailing spaces"


def test_an_unknown_id_is_refused_with_the_id_meant_and_nothing_is_written():
    result = cli("explain", str(EXAMPLE), "P13", "p02", "Z99", "-f", "json")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "no person 'p02' in the review; did you mean 'P02'?" in result.stderr
    assert "no person 'Z99' in the review (people in the review: P01, P02" in result.stderr


def test_explain_takes_one_review_file():
    result = cli("explain", str(EXAMPLE), str(FINANCE), "P13")
    assert result.exit_code == 2 and "give one review file" in result.output
    assert cli("explain", str(EXAMPLE)).exit_code == 2


def test_validate_counts_are_the_reviews_own_beside_every_problem():
    plain = json.loads(cli("validate", str(EXAMPLE), str(INVALID), "-f", "json").stdout)
    result = cli("validate", str(EXAMPLE), str(INVALID), "-f", "json", "--counts")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["problems"] == plain and len(plain) == 1
    example, invalid = data["reviews"]
    summary = json.loads(_ok("run", str(EXAMPLE), "-f", "json").stdout)["summary"]
    assert example == {"file": str(EXAMPLE), "valid": True, "problems": 0, "people": summary["people"],
                       "old_posts": 26, "new_posts": 21, "places": 21, "overlaps": 36}
    text = _ok("validate", str(EXAMPLE)).stdout
    assert text == "valid: 20 people, 26 old posts, 21 new posts (21 places), 36 overlaps\n"
    assert invalid == {"file": str(INVALID), "valid": False, "problems": 1, "people": None, "old_posts": None,
                       "new_posts": None, "places": None, "overlaps": None}


def test_validate_json_without_counts_is_still_the_list_of_problems(tmp_path: Path):
    assert json.loads(_ok("validate", str(EXAMPLE), "-f", "json").stdout) == []
    result = cli("validate", str(EXAMPLE), "--counts")
    assert result.exit_code == 2 and "--counts goes with --format json" in result.output
