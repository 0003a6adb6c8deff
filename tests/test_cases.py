"""Scenario tests: each tests/cases/*.yaml is a small review with the outcomes the policy requires."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from slotting.render.run import run_data

from .conftest import run_slotting, with_base

CASES = sorted(p for p in (Path(__file__).parent / "cases").glob("*.yaml") if not p.name.startswith("_"))


@pytest.mark.parametrize("case_file", CASES, ids=[p.stem for p in CASES])
def test_case(case_file: Path):
    case = yaml.safe_load(case_file.read_text())
    assert case["description"], "every case says what it tests"
    data = run_data(run_slotting(with_base(case["review"])))
    data = {**data, "people": list(data["people"]), "posts": list(data["posts"])}
    people = {p["id"]: p for p in data["people"]}
    posts = {p["id"]: p for p in data["posts"]}
    expect = case["expect"]

    for pid, want in expect.get("people", {}).items():
        got = people[pid]
        assert got["outcome"] == want["outcome"], got["reason"]
        assert [s["post"] for s in got["slots"]] == want["slots"], got["reason"]
        for key in ("on_hold", "competitors"):
            if key in want:
                assert got[key] == want[key] and type(got[key]) is type(want[key]), (key, got[key])
        for key in ("score", "grade_distance", "spinal_point", "protection"):
            if key in want:
                assert got["slots"][0][key] == want[key]
        if "may_apply_for" in want:
            assert got["may_apply_for"] == want["may_apply_for"], got
        if "alternatives" in want:
            assert [a["post"] for a in got["alternatives"]] == want["alternatives"], got["reason"]
        if "reason_contains" in want:
            assert want["reason_contains"] in got["reason"]
    for pid in expect.get("absent_people", []):
        assert pid not in people
    for pid in expect.get("absent_posts", []):
        assert pid not in posts
    for post_id, want in expect.get("posts", {}).items():
        for key, value in want.items():
            assert posts[post_id][key] == value, (post_id, key)
    if "ring_fence_may_apply" in expect:
        assert data["ring_fence"]["may_apply"] == expect["ring_fence_may_apply"]
    if "ring_fence_also_open_to" in expect:
        assert data["ring_fence"]["also_open_to"] == expect["ring_fence_also_open_to"]
    for key, value in expect.get("summary", {}).items():
        assert data["summary"][key] == value, key
