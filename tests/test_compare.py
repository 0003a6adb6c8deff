"""`slotting compare` (issue 17): options side by side, hand-checked on the example and a variant."""

from __future__ import annotations

import json
from pathlib import Path

from .conftest import EXAMPLE, ROOT, cli

OPTION = ROOT / "examples" / "options" / "merged_city_centre_property.yaml"


def merged(_folder: Path | None = None) -> Path:
    return OPTION


def test_the_option_is_what_its_script_writes():
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_options", OPTION.parent / "_make.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.variant() == OPTION.read_text(encoding="utf-8")


def test_an_option_compared_with_itself_has_no_differences():
    result = cli("compare", str(EXAMPLE), str(EXAMPLE), "--fail-on-change", "-f", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["people"] == [] and data["posts"] == [] and data["outcomes_differ"] is False
    assert all(row["difference"] == [None, 0] for row in data["savings"])


def test_merging_two_divisions_changes_two_people_two_posts_and_one_savings_row(tmp_path: Path):
    """P17 (Property, 85/80) and P20 (City Centre, 85/60) were assimilated to their own new posts; with the
    posts merged, both match the one post (70/40 and 80/45 give scores of 40 and 45): a pool of two for one
    place. One Divisional Director post fewer at the top of DD (UCOC/T SP9, £85,575) with 31% on-costs is
    £112,103.25: the group's new cost falls by £112,100 at round_to 100, and the saving rises by as much."""
    result = cli("compare", str(EXAMPLE), str(merged(tmp_path)), "--label", "published", "--label", "merged",
                 "-f", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    people = {row["id"]: [(o["outcome"], o["posts"]) for o in row["options"]] for row in data["people"]}
    assert people == {"P17": [("assimilated", ["NEW-DD-PROP"]), ("competitive", ["NEW-DD-CCP"])],
                      "P20": [("matched", ["NEW-DD-CC"]), ("competitive", ["NEW-DD-CCP"])]}
    assert [(p["id"], p["change"]) for p in data["posts"]] == [
        ("NEW-DD-CC", "removed"), ("NEW-DD-CCP", "added"), ("NEW-DD-PROP", "removed")]
    changed = {row["group"]: row["difference"][1] for row in data["savings"] if row["difference"][1]}
    assert changed == {"Divisional Directors": 112100, "Total": 112100}
    headline = [(o["label"], o["summary"]["competitive"], o["summary"]["pools"], o["full_year_saving"])
                for o in data["options"]]
    assert headline == [("published", 6, 3, 1147100), ("merged", 8, 4, 1259200)]
    failing = cli("compare", str(EXAMPLE), str(merged(tmp_path)), "--fail-on-change")
    assert failing.exit_code == 1 and "2 person(s) have a different outcome" in failing.stderr


def test_compare_formats_and_options(tmp_path: Path):
    other = merged(tmp_path)
    for fmt in ("table", "markdown", "csv", "xlsx"):
        result = cli("compare", str(EXAMPLE), str(other), "-f", fmt, "-o", str(tmp_path / f"out.{fmt}"))
        assert result.exit_code == 0, (fmt, result.stderr)
    assert (tmp_path / "out.xlsx").read_bytes()[:2] == b"PK"
    assert "P17" in (tmp_path / "out.csv").read_text(encoding="utf-8")
    assert cli("compare", str(EXAMPLE)).exit_code == 2
    assert cli("compare", str(EXAMPLE), str(other), "--label", "one").exit_code == 2
