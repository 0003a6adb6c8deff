"""Tables on a standard output that cannot encode box drawing (ASCII, cp1252): rules drawn - + |, in the
same places, never as \\u2500 escapes; files written with -o stay UTF-8 with their box drawing."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from slotting.cli import app
from slotting.output import ascii_rules

from .conftest import EXAMPLE, slotting_process
from .hostile import example
from .support.generate import build as generated
from .support.generate import write_yaml


def lines_with_rules(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip() and set(line.strip()) <= set("-+|=")]


@pytest.mark.parametrize("encoding", ["ascii", "cp1252"])
@pytest.mark.parametrize("command", ["run", "savings", "equality"])
def test_a_narrow_encoding_gets_ascii_rules_and_every_figure(command: str, encoding: str):
    result = slotting_process(command, str(EXAMPLE), env={"PYTHONIOENCODING": encoding, "COLUMNS": "200"})
    assert result.returncode == 0, result.stderr
    text = result.stdout.decode(encoding)
    assert "\\u25" not in text and "\\u2500" not in text
    assert lines_with_rules(text), text  # each table's rule under its header
    pound = "£" if encoding == "cp1252" else "GBP"
    expected = {"run": ["P04", "NEW-SD-ECS", f"{pound}114,734 SP17*", "OLD-UCOE-CPM"],
                "savings": [f"{pound}3,475,500", f"{pound}1,147,100", "Divisional Directors"],
                "equality": ["By gender", "Total"]}[command]
    for figure in expected:
        assert figure in text, figure


def test_the_rules_keep_their_shape():
    """A table with only a rule under its header keeps only that rule: rich's own ASCII fallback would box
    every table in a full grid of | and +."""
    result = slotting_process("savings", str(EXAMPLE), env={"PYTHONIOENCODING": "ascii", "COLUMNS": "200"})
    text = result.stdout.decode("ascii")
    rules = lines_with_rules(text)
    assert rules and all(set(r.strip()) == {"-"} for r in rules)
    assert not any(line.lstrip().startswith(("+", "|")) for line in text.splitlines())


def test_a_large_list_laid_out_at_fixed_widths_gets_ascii_rules(tmp_path: Path):
    review = tmp_path / "big.yaml"
    write_yaml(generated(600), review)  # past run's LARGE_TABLE: its own fixed-width layout, not rich's
    result = slotting_process("run", str(review), env={"PYTHONIOENCODING": "ascii"})
    assert result.returncode == 0, result.stderr
    text = result.stdout.decode("ascii")
    assert "\\u2500" not in text and lines_with_rules(text) and "P000599" in text


def test_names_the_encoding_cannot_hold_are_escaped_not_lost(tmp_path: Path):
    path = example(tmp_path, ('"Holder: Strategic Director Dev. Culture & Regen"', '"王小明 😀 Zoë"'))
    result = slotting_process("run", str(path), "--format", "table", env={"PYTHONIOENCODING": "ascii",
                                                                           "COLUMNS": "200"})
    assert result.returncode == 0, result.stderr
    text = result.stdout.decode("ascii")
    assert "\\u738b\\u5c0f\\u660e \\U0001f600 Zo\\xeb" in text
    assert "\\u2500" not in text and lines_with_rules(text)


def test_the_cli_runner_with_an_ascii_stdout():
    result = CliRunner(charset="ascii").invoke(app, ["savings", str(EXAMPLE)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "\\u2500" not in result.stdout and lines_with_rules(result.stdout)
    assert "GBP1,147,100" in result.stdout


def test_a_file_keeps_its_box_drawing_whatever_the_terminal(tmp_path: Path):
    out = tmp_path / "savings.txt"
    result = slotting_process("savings", str(EXAMPLE), "-o", str(out), env={"PYTHONIOENCODING": "ascii"})
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert "─" in text and "£1,147,100" in text


def test_the_ascii_rules_of_each_encoding():
    assert ascii_rules("utf-8") == {}
    ascii = ascii_rules("ascii")
    assert "─┼│╔═".translate(ascii) == "-+|+="
    assert "╭╮╰╯┃━╇".translate(ascii) == "++++|-+"
    cp437 = ascii_rules("cp437")  # has the light and double lines, not the heavy ones
    assert ord("─") not in cp437 and ord("━") in cp437


def test_a_bidirectional_override_is_shown_escaped_not_obeyed():
    """U+202E would show 'P13 evil' reversed in a terminal (the Trojan Source characters); the marks stay."""
    from slotting.render.common import terminal

    assert terminal("Head of \u202eecnaniF") == "Head of \\u202eecnaniF"
    assert terminal("a\u2066b\u2069c\u202ad") == "a\\u2066b\\u2069c\\u202ad"
    assert terminal("\u05e9\u05dc\u05d5\u05dd \u200f") == "\u05e9\u05dc\u05d5\u05dd \u200f"
