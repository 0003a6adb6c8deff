"""The views by stage from the command line: `savings`, `equality`, `timeline` and `compare` with --stage, on
tests/test_stages.py's scenario (worked by hand there) and the decisions example; without decisions, as before."""

from __future__ import annotations

import json

from .conftest import EXAMPLE, cli, write
from .test_stages import DECISIONS, scenario


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
