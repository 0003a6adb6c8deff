"""The docs show the tool's real output, and the site's generated pages cover what they claim to.

Every block of docs/**/*.md that starts with `$ slotting ...` is run and its output compared (the README's, by
tests/test_readme.py with the same function).
Regenerate: SLOTTING_UPDATE_README=1 python -m pytest tests/test_readme.py tests/test_docs.py
"""

from __future__ import annotations

import importlib.util
import os
import re
import shlex
import tomllib
from pathlib import Path

import pytest
import yaml

from .conftest import ROOT, cli

DOCS = ROOT / "docs"
BLOCK = re.compile(r"```\n\$ (slotting [^\n]+)\n(.*?)```", re.DOTALL)
PAGES = sorted(DOCS.rglob("*.md"))


def output_of(command: str) -> str:
    """Gives what a command prints (stdout then stderr), each line's trailing spaces removed."""
    result = cli(*shlex.split(command)[1:])
    text = result.stdout + result.stderr
    return "\n".join(line.rstrip() for line in text.splitlines()) + "\n"


def check_page(page: Path, monkeypatch, tmp_path: Path) -> int:
    """Compares (or, with SLOTTING_UPDATE_README=1, rewrites) each command block of a page; gives their number."""
    monkeypatch.setenv("COLUMNS", "100")
    text = page.read_text(encoding="utf-8")
    if "$ slotting init" in text:
        # A page that makes files runs where they can be made: a fresh folder, the repository's examples beside it.
        for name in ("examples", "tests"):
            (tmp_path / name).symlink_to(ROOT / name, target_is_directory=True)
        monkeypatch.chdir(tmp_path)
    else:
        monkeypatch.chdir(ROOT)
    blocks = BLOCK.findall(text)
    if os.environ.get("SLOTTING_UPDATE_README") == "1":
        text = BLOCK.sub(lambda m: f"```\n$ {m.group(1)}\n{output_of(m.group(1))}```", text)
        page.write_text(text, encoding="utf-8")
        return len(blocks)
    for command, shown in blocks:
        assert shown == output_of(command), f"{page.relative_to(ROOT)}: the output of `{command}` is out of date"
    return len(blocks)


@pytest.mark.parametrize("page", PAGES, ids=[str(p.relative_to(ROOT)) for p in PAGES])
def test_pages_show_real_output(page, monkeypatch, tmp_path):
    check_page(page, monkeypatch, tmp_path)


def test_every_command_has_an_example_in_the_docs():
    """Each command's how-to shows it run: a command nobody shows is a command nobody can check."""
    shown = {shlex.split(command)[1] for page in [ROOT / "README.md", *PAGES]
             for command, _ in BLOCK.findall(page.read_text(encoding="utf-8"))}
    for command in ("init", "validate", "run", "explain", "savings", "equality", "timeline", "letters", "compare",
                    "sensitivity", "overlaps", "redeployment"):
        assert command in shown, f"no docs page runs `slotting {command}`"


def nav_pages(node) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, list):
        return [page for item in node for page in nav_pages(item)]
    return [page for value in node.values() for page in nav_pages(value)]


def mkdocs_config() -> dict:
    # mkdocs.yml holds no tags, so the safe loader reads it.
    return yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))


def generator():
    spec = importlib.util.spec_from_file_location("docs_generate", DOCS / "_generate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_nav_names_every_page_and_only_pages_that_exist():
    nav = nav_pages(mkdocs_config()["nav"])
    made = set(generator().PAGES)
    written = {str(p.relative_to(DOCS)) for p in DOCS.rglob("*.md")}
    assert sorted(set(nav) - written - made) == [], "the nav names pages that do not exist"
    assert sorted(written - set(nav)) == [], "pages in docs/ that the nav does not reach"
    assert len(nav) == len(set(nav))


def test_the_readme_links_resolve():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    targets = re.findall(r"\]\(([^)#]+)(?:#[^)]*)?\)", text)
    assert targets
    for target in targets:
        if not target.startswith(("http://", "https://")):
            assert (ROOT / target).exists(), f"README links to {target}, which does not exist"


def test_the_input_format_reference_covers_every_section_and_field():
    made = generator()
    schema = made.the_schema()
    page = made.schema_page(schema)
    for section in schema["properties"]:
        assert f"| `{section}` |" in page
    for name, definition in schema["$defs"].items():
        assert f"\n## {name}\n" in page, name
        for field in definition.get("properties", {}):
            assert f"| `{field}` |" in page, f"{name}.{field}"
    # The required sections say so, the optional ones do not.
    assert "| `people` | " in page and "| required |" in page.split("| `people` |", 1)[1].split("\n", 1)[0]
    assert "| required |" not in page.split("| `costing` |", 1)[1].split("\n", 1)[0]


def test_the_legal_tables_page_gives_every_row_with_its_source():
    made = generator()
    schema = made.the_schema()
    page = made.legal_tables_page(schema)
    for field in schema["$defs"]["Policy"]["properties"]:
        assert f"| `{field}` |" in page, field
    assert "notes of 28 Oct 2011, item 5" in page, "the policy's defaults come with their sources"
    data = ROOT / "src" / "slotting" / "data"
    files = sorted(data.glob("*.yaml")) + sorted((data / "severance").glob("*.yaml"))
    assert len(files) >= 10
    for path in files:
        content = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert path.name in page or content.get("name", "") in page, path.name
        for rows in content.values():
            if isinstance(rows, list) and rows and isinstance(rows[0], dict):
                for row in rows:
                    assert str(row["since"]) in page and str(row["source"]) in page, (path.name, row)


def test_the_command_line_reference_is_made_from_the_app_and_every_command_has_help():
    """mkdocs-typer2 reads the typer app named in docs/reference/cli.md; each command it finds has help to show."""
    import typer

    from slotting.cli import app

    page = (DOCS / "reference" / "cli.md").read_text(encoding="utf-8")
    assert ":module: slotting.cli" in page and "::: mkdocs-typer2" in page
    assert "mkdocs-typer2" in mkdocs_config()["plugins"]
    paths = generator().command_paths()
    assert len(paths) >= 15 and "slotting overlaps suggest" in paths
    group = typer.main.get_command(app)
    for path in paths:
        command = group
        for name in path.split()[1:]:
            command = command.commands[name]
        assert (command.help or "").strip(), f"`{path}` has no help"


def test_a_command_line_reference_without_the_commands_fails_the_build():
    """mkdocs-typer2 leaves the page empty when the `typer` program fails; the hook makes that a failed build."""
    from types import SimpleNamespace

    # The docs extra is not the test extra: the README's test command installs only the latter.
    PluginError = pytest.importorskip("mkdocs.exceptions").PluginError
    made = generator()
    page = SimpleNamespace(file=SimpleNamespace(src_uri=made.CLI_PAGE))
    with pytest.raises(PluginError, match="slotting overlaps suggest"):
        made.on_page_content("<div class=\"typer-docs\"></div>", page, None, None)
    whole = "".join(f'<h2 id="{path.replace(" ", "-")}"></h2>' for path in made.command_paths())
    assert made.on_page_content(whole, page, None, None) == whole


def test_the_policies_table_gives_the_tools_counts():
    """Each row of "Policies of other employers" names a review file and the counts it gives."""
    from slotting import load, slot

    section = (DOCS / "how-to" / "policies.md").read_text(encoding="utf-8")
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


def test_the_layers_page_names_every_module_and_contract():
    page = generator().package_page()
    package = ROOT / "src" / "slotting"
    for path in package.rglob("*.py"):
        parts = path.relative_to(package.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        assert f"| `{name}` |" in page, name
    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]["contracts"]
    for contract in contracts:
        assert f"**{contract['name']}**" in page


def test_the_ci_gate_checks_fail_as_the_tutorial_says():
    """Each of the CI gate's three checks shown on failing input ends in exit status 1 (what a CI job acts on)."""
    text = (DOCS / "tutorials" / "ci-gate.md").read_text(encoding="utf-8")
    commands = [command for command, _ in BLOCK.findall(text)]
    assert len(commands) == 3
    for command in commands:
        assert cli(*shlex.split(command)[1:]).exit_code == 1, command


def test_the_files_the_docs_name_exist():
    """A path such as `src/slotting/rules/disclosure.py` in the docs names a file of this tree (modules move)."""
    named = set()
    for page in [ROOT / "README.md", *PAGES]:
        named |= {path.rstrip(".") for path in re.findall(r"\b((?:src|examples|tests|benchmarks|scripts)/[\w/.*-]+)",
                                                             page.read_text(encoding="utf-8"))}
    assert len(named) > 20
    # A pattern (`tests/cases/places_by_*.yaml`, `examples/NAME/_make.py`) names at least one file.
    missing = sorted(path for path in named if not any(ROOT.glob(path.replace("NAME", "*"))))
    assert missing == [], f"the docs name files that do not exist: {missing}"


def test_the_library_page_gives_every_public_name_with_its_docstring():
    import inspect

    import slotting

    page = generator().library_page()
    for name in slotting.__all__:
        thing = getattr(slotting, name)
        if inspect.isroutine(thing) or inspect.isclass(thing):
            assert f"### `{name}`" in page, name
            first = (inspect.getdoc(thing) or "").split("\n", 1)[0]
            assert first and first in page, f"{name}: its docstring's first line"
