"""The README's examples show the tool's real output.

Regenerate: SLOTTING_UPDATE_README=1 python -m pytest tests/test_readme.py
"""

from __future__ import annotations

import os
import re
import shlex

from .conftest import ROOT, cli

README = ROOT / "README.md"
BLOCK = re.compile(r"```\n\$ (slotting [^\n]+)\n(.*?)```", re.DOTALL)


def output_of(command: str) -> str:
    result = cli(*shlex.split(command)[1:])
    text = result.stdout + result.stderr
    return "\n".join(line.rstrip() for line in text.splitlines()) + "\n"


def test_readme_shows_real_output(monkeypatch):
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.chdir(ROOT)
    text = README.read_text(encoding="utf-8")
    blocks = BLOCK.findall(text)
    assert len(blocks) >= 5, "validate, run, explain, savings and equality are shown"
    if os.environ.get("SLOTTING_UPDATE_README") == "1":
        text = BLOCK.sub(lambda m: f"```\n$ {m.group(1)}\n{output_of(m.group(1))}```", text)
        README.write_text(text, encoding="utf-8")
    for command, shown in BLOCK.findall(README.read_text(encoding="utf-8")):
        assert shown == output_of(command), f"README output of `{command}` is out of date"
