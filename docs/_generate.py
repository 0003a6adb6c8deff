"""The docs' generated pages: the input-format reference from the schema and the legal tables from the package's data.

MkDocs calls `on_files` (mkdocs.yml `hooks:`) so that these pages are made at every build and can never be stale;
tests/test_docs.py calls the page functions directly. The CLI reference is made by the mkdocs-typer2 plugin
(docs/reference/cli.md).
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "slotting" / "data"

# The page paths inside docs/ that this module makes; mkdocs.yml's nav names them.
SCHEMA_PAGE = "reference/schema.md"
TABLES_PAGE = "reference/legal-tables.md"
PACKAGE_PAGE = "contributing/layers.md"
LIBRARY_PAGE = "reference/library.md"


def the_schema() -> dict[str, Any]:
    """Gives the input format's JSON Schema as `slotting schema` prints it."""
    from typer.testing import CliRunner

    from slotting.cli import app

    result = CliRunner().invoke(app, ["schema"])
    if result.exit_code != 0:
        raise RuntimeError(f"slotting schema failed: {result.output}")
    return json.loads(result.stdout)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _kind(node: dict[str, Any]) -> str:
    """Gives a schema node's type in words, with its bounds and links to the definitions it names."""
    if "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[-1]
        return f"[{name}](#{name.lower()})"
    for key in ("anyOf", "oneOf"):
        if key in node:
            kinds = [_kind(sub) for sub in node[key] if sub.get("type") != "null"]
            return " or ".join(dict.fromkeys(kinds))
    if "enum" in node:
        return " or ".join(f"`{value}`" for value in node["enum"])
    if "const" in node:
        return f"`{node['const']}`"
    kind = node.get("type", "any")
    words = " or ".join(kind) if isinstance(kind, list) else kind
    if kind == "array" and "items" in node:
        words = f"list of {_kind(node['items'])}"
    elif kind == "object" and isinstance(node.get("additionalProperties"), dict):
        words = f"mapping to {_kind(node['additionalProperties'])}"
    if node.get("format"):
        words += f" ({node['format']})"
    bounds = []
    for key, sign in (("minimum", ">="), ("exclusiveMinimum", ">"), ("maximum", "<="), ("exclusiveMaximum", "<"),
                      ("maxLength", "length <="), ("maxItems", "items <=")):
        if key in node:
            bound = node[key]
            bounds.append(f"{sign} {int(bound) if float(bound).is_integer() else bound:,}")
    return words + (f" ({', '.join(bounds)})" if bounds else "")


def _fields(definition: dict[str, Any]) -> Iterator[str]:
    required = set(definition.get("required", ()))
    yield "| field | type | required / default | description |"
    yield "|---|---|---|---|"
    for name, node in definition.get("properties", {}).items():
        if name in required:
            need = "required"
        elif "default" in node:
            need = f"default `{json.dumps(node['default'])}`"
        else:
            need = "optional"
        description = node.get("description", "")
        if not description and "anyOf" in node:
            description = next((sub["description"] for sub in node["anyOf"] if "description" in sub), "")
        yield f"| `{name}` | {_cell(_kind(node))} | {_cell(need)} | {_cell(description)} |"


def _referenced(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        if "$ref" in node:
            yield node["$ref"].rsplit("/", 1)[-1]
        for value in node.values():
            yield from _referenced(value)
    elif isinstance(node, list):
        for value in node:
            yield from _referenced(value)


def schema_page(schema: dict[str, Any] | None = None) -> str:
    """Gives the input-format reference page: every section and every model's fields, from the JSON Schema."""
    schema = schema if schema is not None else the_schema()
    definitions = schema.get("$defs", {})
    lines = [
        "# Input format reference (generated)",
        "",
        "Made from the JSON Schema that `slotting schema` prints (the models' own field descriptions) at every docs",
        "build; [the input format](input-format.md) explains it with an example. Editors read the same schema",
        "for completion ([`slotting validate`](../how-to/validate.md)).",
        "",
        "## The review file",
        "",
        _cell(schema.get("description", "")),
        "",
        *_fields(schema),
        "",
    ]
    # Definitions in the order a reader meets them: breadth first from the top-level sections.
    order: list[str] = []
    queue = list(_referenced(schema.get("properties", {})))
    while queue:
        name = queue.pop(0)
        if name in order or name not in definitions:
            continue
        order.append(name)
        queue.extend(_referenced(definitions[name]))
    order.extend(name for name in definitions if name not in order)
    for name in order:
        definition = definitions[name]
        lines += [f"## {name}", ""]
        if definition.get("description"):
            lines += [_cell(definition["description"]), ""]
        if definition.get("properties"):
            lines += [*_fields(definition), ""]
        else:
            lines += [f"A value of type {_cell(_kind(definition))}.", ""]
    return "\n".join(lines)


def _comment(path: Path) -> str:
    """Gives a data file's leading comment block as one paragraph: what the table is and where it comes from."""
    said = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        said.append(line.lstrip("#").strip())
    return " ".join(part for part in said if part)


def _value(value: Any) -> str:
    if isinstance(value, list):
        return "; ".join(_value(item) for item in value)
    if isinstance(value, dict):
        return ", ".join(f"{key}: {_value(item)}" for key, item in value.items())
    return str(value)


def _table(rows: list[dict[str, Any]]) -> Iterator[str]:
    columns = list(dict.fromkeys(key for row in rows for key in row))
    yield "| " + " | ".join(columns) + " |"
    yield "|" + "---|" * len(columns)
    for row in rows:
        yield "| " + " | ".join(_cell(_value(row.get(column, ""))) for column in columns) + " |"


def legal_tables_page(schema: dict[str, Any] | None = None) -> str:
    """Gives the page of the policy's cited defaults, the dated legal tables and the severance schemes, each
    with its source: the policy from the schema's Policy model, the rest from the package's data/ files."""
    schema = schema if schema is not None else the_schema()
    policy = schema.get("$defs", {}).get("Policy", {})
    lines = [
        "# Policy defaults, legal tables and severance schemes (generated)",
        "",
        "Made at every docs build: the policy's defaults from the `Policy` model (each default with where it",
        "comes from), the legal tables and the severance schemes from the package's `src/slotting/data/`.",
        "[The law and your sector](../explanation/law.md) explains how a review chooses them.",
        "",
        "## The policy's defaults",
        "",
        "A review's `policy` section sets any of these; the defaults are the reference case's rules, with their",
        "sources where the model states them.",
        "",
        "| field | default | what it is, and its source |",
        "|---|---|---|",
    ]
    for name, node in policy.get("properties", {}).items():
        default = f"`{json.dumps(node['default'])}`" if "default" in node else "(required)"
        lines.append(f"| `{name}` | {_cell(default)} | {_cell(node.get('description', ''))} |")
    lines += [
        "",
        "## Legal tables",
        "",
        "Every legal figure the tool uses lives in a dated table, one YAML file a table, each row in force from",
        "its `since` date with its source; one lookup reads them (the row in force on the day a rule needs it).",
        "`NAME_ni.yaml` holds Northern Ireland's law where it differs.",
        "",
    ]
    for path in sorted(DATA.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        lines += [f"### `{path.name}`", "", _cell(_comment(path)), ""]
        if data.get("jurisdictions"):
            lines += [f"Jurisdictions: {', '.join(data['jurisdictions'])}.", ""]
        for key, rows in data.items():
            if key != "jurisdictions" and isinstance(rows, list) and rows and isinstance(rows[0], dict):
                lines += [f"`{key}`:", "", *_table(rows), ""]
    lines += ["## Severance schemes", "",
              "Named by `costing.severance` (`scheme: NAME`), each term overridable by the review.", ""]
    for path in sorted((DATA / "severance").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        lines += [f"### `{data.get('name', path.stem)}`", "", _cell(data.get("title", "")) + ". " + _cell(_comment(path)), "",
                  "| term | value |", "|---|---|"]
        lines += [f"| `{key}` | {_cell(_value(value))} |" for key, value in data.items() if key not in ("name", "title")]
        lines.append("")
    return "\n".join(lines)


def _summary(path: Path) -> str:
    """Gives the first line of a module's docstring, or nothing."""
    import ast

    doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
    return doc.strip().split("\n", 1)[0]


def package_page() -> str:
    """Gives the contributor page of the package's layers: the import contracts and every module's own summary."""
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    lines = [
        "# The layers, module by module (generated)",
        "",
        "Made at every docs build from `pyproject.toml`'s import contracts and each module's docstring, so it",
        "always describes this tree. The flow is file -> model -> decision -> figure -> report.",
        "",
        "## The import contracts",
        "",
        "`lint-imports` checks these in `.ci/run`; a change that breaks one fails the build.",
        "",
    ]
    for contract in config.get("tool", {}).get("importlinter", {}).get("contracts", []):
        lines.append(f"- **{contract['name']}** ({contract['type']})")
        for key in ("layers", "containers", "source_modules", "forbidden_modules", "modules", "ignore_imports"):
            if contract.get(key):
                lines.append(f"    - {key.replace('_', ' ')}: " + ", ".join(f"`{m}`" for m in contract[key]))
        if contract.get("allow_indirect_imports"):
            lines.append("    - indirect imports allowed")
    lines += ["", "## The modules", "", "| module | what it is |", "|---|---|"]
    package = ROOT / "src" / "slotting"
    for path in sorted(package.rglob("*.py")):
        parts = path.relative_to(package.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        lines.append(f"| `{'.'.join(parts)}` | {_cell(_summary(path))} |")
    return "\n".join(lines) + "\n"


def _fenced(text: str, language: str = "text") -> list[str]:
    # A docstring is shown as written: its numpy-style underlines would be headings in Markdown.
    return [f"```{language}", text.replace("```", "'''"), "```", ""]


def library_page() -> str:
    """Gives the library reference: every name of `slotting.__all__` with its signature and docstring."""
    import inspect

    import slotting

    lines = [
        "# The library (generated)",
        "",
        "`import slotting`: every command of the command line is a function here, giving the same figures as",
        "typed results. Made at every docs build from `slotting.__all__`, each name's signature and docstring",
        "as `help()` shows them.",
        "",
        *_fenced(inspect.getdoc(slotting) or ""),
    ]
    for kind, test in (("Functions", inspect.isroutine), ("Types and errors", inspect.isclass)):
        lines += [f"## {kind}", ""]
        for name in slotting.__all__:
            thing = getattr(slotting, name)
            if not test(thing):
                continue
            lines += [f"### `{name}`", ""]
            if inspect.isroutine(thing):
                with contextlib.suppress(TypeError, ValueError):  # a builtin may have no signature to show
                    lines += _fenced(f"{name}{inspect.signature(thing)}", "python")
            lines += _fenced(inspect.getdoc(thing) or "(no docstring)")
    return "\n".join(lines)


PAGES = {SCHEMA_PAGE: schema_page, TABLES_PAGE: legal_tables_page, PACKAGE_PAGE: package_page,
         LIBRARY_PAGE: library_page}


CLI_PAGE = "reference/cli.md"


def command_paths() -> list[str]:
    """Gives every command of the typer app as typed, e.g. `slotting overlaps suggest`."""
    import typer

    from slotting.cli import app

    def walk(command: Any, path: str) -> Iterator[str]:
        # typer 0.29 carries its own copy of click, so a group is known by its commands, not its class.
        if hasattr(command, "commands"):
            for name, sub in command.commands.items():
                yield from walk(sub, f"{path} {name}")
        else:
            yield path

    return list(walk(typer.main.get_command(app), "slotting"))


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    """Gives a page's HTML unchanged, after checking that the CLI reference holds every command (an MkDocs hook).

    mkdocs-typer2 runs the `typer` program and, when that fails, leaves the page empty without a word; this
    turns that into a failed build."""
    if page.file.src_uri == CLI_PAGE:
        from mkdocs.exceptions import PluginError

        missing = [path for path in command_paths() if 'id="{}"'.format(path.replace(" ", "-")) not in html]
        if missing:
            raise PluginError(f"{CLI_PAGE} lacks {', '.join(missing)}: mkdocs-typer2 runs the `typer` program, "
                              "so build from the environment holding the docs extra, activated")
    return html


def on_files(files: Any, config: Any) -> Any:
    """Gives MkDocs' files with the generated pages added (an MkDocs hook)."""
    from mkdocs.structure.files import File

    for path, make in PAGES.items():
        files.append(File.generated(config, path, content=make()))
    return files
