"""Every failure mode in tests/invalid/ exits 1 and names the line, the field and what was expected."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from .conftest import cli

INVALID = sorted((Path(__file__).parent / "invalid").glob("*.yaml"))


def expectation(path: Path) -> dict[str, str]:
    head = path.read_bytes().split(b"\n")[:4]
    return dict(re.match(rb"# expect-(\w+): ?(.*)", line).groups() for line in head[1:4])  # type: ignore[union-attr]


@pytest.mark.parametrize("path", INVALID, ids=[p.stem for p in INVALID])
def test_invalid_file_is_reported_at_its_line(path: Path):
    want = {k.decode(): v.decode() for k, v in expectation(path).items()}
    result = cli("validate", "--format", "json", str(path))
    assert result.exit_code == 1, result.output
    problems = json.loads(result.stdout)
    assert problems, "an invalid file reports at least one problem"
    assert all(set(p) == {"file", "line", "column", "path", "message"} for p in problems)
    line = None if want["line"] == "none" else int(want["line"])
    matching = [p for p in problems if p["line"] == line and p["path"] == want["path"]
                and want["message"] in p["message"]]
    assert matching, f"expected {want} among {problems}"
    assert all(p["file"] == str(path) for p in problems)


@pytest.mark.parametrize("path", INVALID, ids=[p.stem for p in INVALID])
def test_invalid_file_text_output_has_no_traceback(path: Path):
    result = cli("validate", str(path))
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert re.search(rf"{re.escape(str(path))}(:\d+:\d+)?: ", result.stderr)


def test_run_refuses_invalid_input_and_writes_nothing(tmp_path: Path):
    out = tmp_path / "list.json"
    result = cli("run", str(Path(__file__).parent / "invalid" / "salary_zero.yaml"), "-f", "json", "-o", str(out))
    assert result.exit_code == 1
    assert "nothing was written" in result.stderr
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []


def test_messages_never_echo_a_salary(tmp_path: Path):
    path = Path(__file__).parent / "invalid" / "salary_negative.yaml"
    result = cli("validate", str(path))
    assert "30500" not in result.output


def test_github_annotations():
    path = Path(__file__).parent / "invalid" / "percent_over_100.yaml"
    result = cli("validate", "--format", "github", str(path))
    assert result.exit_code == 1
    assert result.stdout.startswith(f"::error file={path},line=24,col=46::overlaps[1].old_in_new: expected")
