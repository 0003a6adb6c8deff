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


def test_the_policies_table_gives_the_tools_counts():
    """Each row of "Policies of other employers" names a review file and the counts it gives."""
    import importlib.util

    from slotting import load, slot

    section = README.read_text(encoding="utf-8").split("## Policies of other employers", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| ") and "`" in line]
    assert len(rows) >= 8
    for row in rows:
        cells = [c.strip() for c in row.strip("|").split("|")]
        path = ROOT / cells[1].strip("`")
        summary = slot(load(path)).summary
        assert [int(c) for c in cells[3:8]] == [summary.assimilated, summary.matched, summary.competitive,
                                                  summary.displaced, summary.ring_fenced_places], cells[0]
        if "policies" in cells[1]:
            policy = cells[2].strip("`")
            assert f"policy: {policy}\n" in path.read_text(encoding="utf-8"), cells[0]
    spec = importlib.util.spec_from_file_location("make_policies", ROOT / "examples" / "policies" / "_make.py")
    make = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make)
    for name, policy in make.POLICIES.items():
        assert (ROOT / "examples" / "policies" / f"{name}.yaml").read_text(encoding="utf-8") == make.variant(policy), \
            f"examples/policies/{name}.yaml differs from what _make.py writes"
