"""The bundled Leicester 2011 example: golden outputs and the published figures it must reproduce.

Published figures: report s.5 savings table (Employees Committee, 13 Dec 2011) and the equality
impact assessment (Appendix H, Part 2 q.3). Regenerate the golden files only on purpose:
    SLOTTING_UPDATE_GOLDEN=1 python -m pytest tests/test_example.py
and review the diff.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path

import pytest

from .conftest import EXAMPLE, cli

GOLDEN = Path(__file__).parent / "golden"

PUBLISHED_TABLE = [
    # group, existing posts, existing £, new posts, new £ (top of grade), saving £
    ("Chief Executive", 1, 229400, 0, 0, 229400),
    ("Chief Operating Officer / Head of Paid Service", 1, 184400, 1, 167500, 16900),
    ("Strategic Directors", 4, 485100, 3, 391700, 93400),
    ("Enhanced Divisional Directors", 3, 388200, 0, 0, 388200),
    ("Divisional Directors", 17, 2188400, 15, 1677200, 511200),
    ("City Officer", 0, 0, 2, 90900, -90900),
]
PUBLISHED_TOTAL = (26, 3475500, 21, 2327300, 1148200)


@pytest.mark.parametrize(("name", "args"), [
    ("leicester_run.json", ["run", str(EXAMPLE), "--format", "json"]),
    ("leicester_savings.json", ["savings", str(EXAMPLE), "--format", "json"]),
])
def test_golden(name, args):
    result = cli(*args)
    assert result.exit_code == 0, result.output
    path = GOLDEN / name
    if os.environ.get("SLOTTING_UPDATE_GOLDEN") == "1":
        path.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == path.read_text(encoding="utf-8"), f"{name} changed; see the module docstring"


def savings_json() -> dict:
    return json.loads(cli("savings", str(EXAMPLE), "--format", "json").stdout)


def test_existing_column_equals_the_published_table():
    data = savings_json()
    got = [(r["group"], r["existing_posts"], r["existing_cost"], r["new_posts"]) for r in data["rows"]]
    assert got == [(g, ep, ec, np) for g, ep, ec, np, _, _ in PUBLISHED_TABLE]
    total = data["total"]
    assert (total["existing_posts"], total["existing_cost"], total["new_posts"]) == PUBLISHED_TOTAL[:3]


def test_new_total_within_a_tenth_of_a_percent_of_the_published():
    new_total = savings_json()["total"]["new_cost"]
    assert abs(new_total - PUBLISHED_TOTAL[3]) / PUBLISHED_TOTAL[3] < 0.001
    saving = savings_json()["total"]["saving"]
    assert abs(saving - PUBLISHED_TOTAL[4]) / PUBLISHED_TOTAL[4] < 0.002


def test_budget_target_of_the_business_case_is_met():
    data = savings_json()
    assert data["target_saving"] == 800000 and data["target_met"] is True


def test_outcomes_equal_appendix_h():
    data = json.loads(cli("run", str(EXAMPLE), "--format", "json").stdout)
    summary = data["summary"]
    assert (summary["people"], summary["assimilated"], summary["matched"], summary["competitive"],
            summary["pools"], summary["potential_displacements"], summary["ring_fenced_places"]) == (20, 7, 7, 6, 3, 3, 3)
    from slotting import load

    gender = {p.id: p.characteristics["gender"] for p in load(EXAMPLE).people}
    by_outcome = Counter((p["outcome"], gender[p["id"]]) for p in data["people"])
    assert by_outcome == Counter({("assimilated", "F"): 5, ("assimilated", "M"): 2, ("matched", "F"): 5,
                                  ("matched", "M"): 2, ("competitive", "F"): 3, ("competitive", "M"): 3})
    pools = sorted((sorted(gender[c] for c in pool["candidates"]), pool["places"], post["on_hold"])
                   for post in data["posts"] for pool in post["pools"])
    assert pools == [(["F", "F"], 1, True), (["F", "M"], 1, False), (["M", "M"], 1, False)]


def test_explain_works_for_every_person():
    data = json.loads(cli("run", str(EXAMPLE), "--format", "json").stdout)
    for person in data["people"]:
        result = cli("explain", str(EXAMPLE), person["id"])
        assert result.exit_code == 0, result.output
        assert f"Outcome: {person['outcome']}" in result.stdout
        assert "Claims" in result.stdout and "Pay" in result.stdout


def test_every_output_format_renders(tmp_path):
    for fmt in ("table", "json", "csv", "markdown"):
        result = cli("run", str(EXAMPLE), "--format", fmt)
        assert result.exit_code == 0, result.output
        assert "NEW-DD-PTED" in result.stdout
    for fmt in ("table", "json", "csv", "markdown"):
        result = cli("savings", str(EXAMPLE), "--format", fmt)
        assert result.exit_code == 0, result.output
        assert "Divisional Directors" in result.stdout
