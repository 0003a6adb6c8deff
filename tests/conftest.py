"""Shared helpers: building reviews in memory and running the CLI without colour."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml
from hypothesis import settings
from typer.testing import CliRunner

from slotting import slot
from slotting.cli import app
from slotting.reading.loader import Source, validate

# Deterministic property tests: the same examples on every run and machine, no example database.
settings.register_profile("deterministic", derandomize=True, database=None)
settings.load_profile("deterministic")

HERE = Path(__file__).parent
ROOT = HERE.parent
EXAMPLE = ROOT / "examples" / "leicester_2011.yaml"
BASE = yaml.safe_load((HERE / "cases" / "_base.yaml").read_text())


@pytest.fixture(autouse=True)
def _no_colour(monkeypatch):
    """typer/rich force colour when GITHUB_ACTIONS or FORCE_COLOR are set: tests read plain text."""
    for name in ("GITHUB_ACTIONS", "FORCE_COLOR", "PY_COLORS", "CLICOLOR_FORCE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.setenv("TERM", "dumb")


def build(review: dict):
    """Gives the validated ReviewFile for a review dict (numbers given as text, as YAML gives them)."""
    return validate(_as_text(review), Source(review_file="<test>"))


def with_base(overrides: dict) -> dict:
    """Gives the shared base review with some sections replaced."""
    merged = copy.deepcopy(BASE)
    merged.update(copy.deepcopy(overrides))
    return merged


def _as_text(value):
    if isinstance(value, dict):
        return {str(k): _as_text(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_text(v) for v in value]
    if isinstance(value, bool) or value is None:
        return value
    return str(value) if not isinstance(value, str) else value


def run_slotting(review: dict):
    return slot(build(review))


def slotting_process(*args: str, **kwargs):
    """Runs `python -m slotting ARGS` on the code under test (this tree's src/, whatever is installed),
    so that a mutation tool running the tests on its copy sees its own code run."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "NO_COLOR": "1", **kwargs.pop("env", {})}
    return subprocess.run([sys.executable, "-m", "slotting", *args], capture_output=True, env=env, timeout=120,
                          **kwargs)


def cli(*args: str):
    """Runs the slotting command in-process; returns click's Result (stdout and stderr apart)."""
    runner = CliRunner()
    return runner.invoke(app, list(args), catch_exceptions=False)


def write(tmp_path: Path, name: str, data: dict | str) -> Path:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path
