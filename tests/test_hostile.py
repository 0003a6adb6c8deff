"""Hostile and careless input: every case ends in a located message and exit 1 (or works), never
exit 3, a traceback, a hang, an echoed secret or a forged line in another tool's output."""

from __future__ import annotations

import json
import os
import signal
import stat
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .conftest import EXAMPLE, ROOT, cli, slotting_process
from .hostile import CASES, Case, example


class _Hang(Exception):
    pass


def _run_within(seconds: int, *args: str):
    """Runs the command in-process; a command still running after `seconds` fails the test."""
    def stop(*_: object) -> None:
        raise _Hang(f"slotting {' '.join(args)} ran for more than {seconds} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        return cli(*args)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_hostile_case(case: Case, tmp_path: Path):
    args = case.make(tmp_path)
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file() and not p.is_symlink()
              and stat.S_ISREG(p.stat().st_mode)}
    result = _run_within(20, *args)
    output = result.stdout + result.stderr
    assert result.exit_code == case.status, output
    assert case.says in output, output
    assert "Traceback" not in output and "internal error" not in output
    for fragment in case.never:
        assert fragment not in output, f"{fragment!r} reached the output"
    after = {p: p.read_bytes() for p in before}
    assert after == before, "no input file is changed"


def names(tmp_path: Path, name: str) -> Path:
    """The example with the review name and one person's name set to hostile text."""
    return example(tmp_path, ("name: Leicester City Council senior management review 2011 (phase 2)",
                              f"name: {json.dumps(name)}"),
                   ('"Holder: Strategic Director Dev. Culture & Regen"', json.dumps(name)))


def test_markdown_cannot_forge_a_heading_or_open_a_comment(tmp_path: Path):
    path = names(tmp_path, "x\n\n# Target saving £1: MET\n<!-- hidden")
    for command in ("run", "savings", "equality"):
        result = cli(command, str(path), "--format", "markdown")
        assert result.exit_code == 0, result.output
        assert "<!--" not in result.stdout
        assert not any(line.startswith("# Target") for line in result.stdout.splitlines())


def test_terminal_escapes_are_shown_not_obeyed(tmp_path: Path):
    path = names(tmp_path, "\x1b]8;;http://evil\x07link\x1b[2J")
    for args in (["run", str(path)], ["explain", str(path), "P01"]):
        result = cli(*args)
        assert result.exit_code == 0, result.output
        assert "\x1b" not in result.stdout and "\x07" not in result.stdout
        assert "\\x1b]8;;http://evil\\x07link\\x1b[2J" in result.stdout


def test_output_onto_a_section_file_is_refused_and_the_file_kept(tmp_path: Path):
    import shutil

    for name in ("review.yaml", "people.csv", "overlaps.csv"):
        shutil.copy(ROOT / "tests" / "csv" / name, tmp_path / name)
    before = (tmp_path / "people.csv").read_bytes()
    result = cli("run", str(tmp_path / "review.yaml"), "--format", "csv", "-o", str(tmp_path / "people.csv"))
    assert result.exit_code == 1 and "is one of the input files" in result.stderr
    assert (tmp_path / "people.csv").read_bytes() == before


def test_output_to_a_full_device_is_a_plain_error():
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    result = cli("run", str(EXAMPLE), "--format", "json", "-o", "/dev/full")
    assert result.exit_code == 1 and "cannot write" in result.stderr and "internal error" not in result.stderr


def test_output_into_a_read_only_folder_is_a_plain_error(tmp_path: Path):
    if os.geteuid() == 0:
        pytest.skip("root may write anywhere")
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    result = cli("run", str(EXAMPLE), "-o", str(folder / "list.txt"))
    assert result.exit_code == 1 and "cannot write" in result.stderr


def test_output_keeps_the_mode_and_writes_through_a_link(tmp_path: Path):
    target = tmp_path / "list.json"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o644)
    link = tmp_path / "link.json"
    link.symlink_to(target)
    result = cli("run", str(EXAMPLE), "--format", "json", "-o", str(link))
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and json.loads(target.read_text())["summary"]["people"] == 20
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


def test_a_failed_write_leaves_the_old_file(tmp_path: Path, monkeypatch):
    target = tmp_path / "list.json"
    target.write_text("old", encoding="utf-8")

    def broken(*_: object, **__: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("slotting.output.os.replace", broken)
    result = cli("run", str(EXAMPLE), "--format", "json", "-o", str(target))
    assert result.exit_code == 1 and "No space left on device" in result.stderr
    assert target.read_text() == "old" and [p.name for p in tmp_path.iterdir()] == ["list.json"]


def test_an_ascii_terminal_gets_gbp():
    result = slotting_process("savings", str(EXAMPLE), env={"PYTHONIOENCODING": "ascii"})
    assert result.returncode == 0, result.stderr
    assert b"GBP1,147,100" in result.stdout and "£".encode() not in result.stdout


@pytest.mark.parametrize("columns", ["0", "", "30", "80"])
def test_narrow_or_unset_widths_print_every_value_whole(columns: str, monkeypatch):
    monkeypatch.setenv("COLUMNS", columns)
    result = cli("savings", str(EXAMPLE))
    assert result.exit_code == 0 and result.stdout.strip()
    for figure in ("£3,475,500", "£2,328,400", "£1,147,100", "Divisional Directors"):
        assert figure in result.stdout, figure
    result = cli("run", str(EXAMPLE))
    for figure in ("OLD-UCOE-CPM", "NEW-DD-DCPG", "£114,734 SP17*", "Protection"):
        assert figure in result.stdout, figure


def test_csv_booleans_only_where_a_boolean_is_wanted(tmp_path: Path):
    from slotting import load

    head, rest = EXAMPLE.read_text(encoding="utf-8").split("\npeople:", 1)
    _, after = rest.split("\noverlaps:", 1)
    (tmp_path / "review.yaml").write_text(f"{head}\npeople: people.csv\noverlaps:{after}", encoding="utf-8")
    rows = [line for line in (ROOT / "tests" / "csv" / "people.csv").read_text(encoding="utf-8-sig").splitlines()]
    header = rows[0] + ",in_review"
    body = [rows[1].replace("Holder: Strategic Director Dev. Culture & Regen", '"True"') + ",TRUE",
            rows[2].replace("Holder: Strategic Director Health & Health Improvement", "FALSE") + ",false"]
    (tmp_path / "people.csv").write_text("\n".join([header, *body, *[r + "," for r in rows[3:]]]) + "\n",
                                         encoding="utf-8")
    review = load(tmp_path / "review.yaml")
    assert review.people[0].name == "True" and review.people[0].in_review is True
    assert review.people[1].name == "FALSE" and review.people[1].in_review is False


@settings(max_examples=60, deadline=10_000, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(min_value=0), st.binary(min_size=0, max_size=3), st.integers(0, 3)),
                min_size=1, max_size=4))
def test_byte_mutations_of_the_example_end_in_exit_0_or_1(tmp_path_factory, edits):
    data = bytearray(EXAMPLE.read_bytes())
    for where, insert, remove in edits:
        at = where % (len(data) + 1)
        data[at:at + remove] = insert
    path = tmp_path_factory.mktemp("fuzz") / "review.yaml"
    path.write_bytes(bytes(data))
    for command in ("validate", "run", "savings"):
        result = _run_within(10, command, str(path))
        assert result.exit_code in (0, 1), result.output
        assert "Traceback" not in result.output and "internal error" not in result.output
