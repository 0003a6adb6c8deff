"""Strict YAML for HR data: text -> plain Python data plus the position of every node.

PyYAML's `safe_load` silently keeps the last of two duplicate keys, reads `NO` as False, `007` as
7 and `12:30` as 750, and expands aliases (a "billion laughs" file). HR data needs none of that.
This reader uses libyaml's C parser for speed but resolves scalars itself:

- quoted scalars are text; plain scalars follow the YAML 1.2 core schema for null and booleans
  (`null`, `~`, empty; `true`/`false` in three spellings) and are otherwise kept as *text*, so an
  id `007`, an answer `No` and a time `12:30` survive, and a salary `110484.50` becomes an exact
  Decimal in the model (pydantic converts numeric text; floats would lose pennies);
- duplicate keys, merge keys (`<<`), aliases and any tag beyond plain scalars, lists and mappings
  are errors, each located at its line and column.
"""

from __future__ import annotations

from typing import Any

import yaml

from .problems import Problem, dotted

_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_TRUES = frozenset({"true", "True", "TRUE"})
_FALSES = frozenset({"false", "False", "FALSE"})
_TAG = "tag:yaml.org,2002:"
_TEXT_TAGS = frozenset({_TAG + "str", _TAG + "int", _TAG + "float"})

Positions = dict[tuple, tuple[int, int]]


class _ComposeOnly(yaml.CSafeLoader):
    """libyaml's parser and composer with no implicit scalar resolution (we resolve ourselves)."""

    yaml_implicit_resolvers: dict = {}


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


class _Builder:
    def __init__(self, file: str):
        self.file = file
        self.positions: Positions = {}
        self.key_positions: Positions = {}
        self.problems: list[Problem] = []
        self._seen: set[int] = set()
        self.aliases: list[tuple] = []

    def problem(self, node: yaml.Node, path: tuple, message: str) -> None:
        line, column = _mark(node)
        self.problems.append(Problem(self.file, line, column, dotted(path), message))

    def build(self, node: yaml.Node, path: tuple) -> Any:
        if id(node) in self._seen:
            self.aliases.append(path)
            return None
        self._seen.add(id(node))
        self.positions[path] = _mark(node)
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node, path)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _TAG + "seq":
                self.problem(node, path, f"tag {node.tag!r} is not allowed; expected a plain list")
            return [self.build(item, path + (i,)) for i, item in enumerate(node.value)]
        if node.tag != _TAG + "map":
            self.problem(node, path, f"tag {node.tag!r} is not allowed; expected a plain mapping")
        return self.mapping(node, path)

    def scalar(self, node: yaml.ScalarNode, path: tuple) -> Any:
        if node.tag in _TEXT_TAGS:
            if not node.style and node.tag == _TAG + "str":
                if node.value in _NULLS:
                    return None
                if node.value in _TRUES:
                    return True
                if node.value in _FALSES:
                    return False
            return node.value
        if node.tag == _TAG + "null":
            return None
        if node.tag == _TAG + "bool" and node.value in _TRUES | _FALSES:
            return node.value in _TRUES
        self.problem(node, path, f"tag {node.tag!r} is not allowed; expected a plain value")
        return None

    def mapping(self, node: yaml.MappingNode, path: tuple) -> dict:
        result: dict[str, Any] = {}
        first_seen: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.problem(key_node, path, "a key must be a plain value, not a list or mapping")
                continue
            key = key_node.value
            if key == "<<" and not key_node.style:
                self.problem(key_node, path, "merge keys (<<) are not allowed; write the keys out")
                continue
            if key in first_seen:
                line, column = _mark(first_seen[key])
                self.problem(key_node, path + (key,),
                             f"duplicate key {key!r} (first given at line {line}, column {column})")
                continue
            first_seen[key] = key_node
            self.key_positions[path + (key,)] = _mark(key_node)
            result[key] = self.build(value_node, path + (key,))
        return result


def _char_at(text: str, line: int, column: int) -> str:
    lines = text.split("\n", line + 1)
    return lines[line][column : column + 1] if line < len(lines) else ""


def parse(text: str, file: str) -> tuple[Any, Positions, Positions, list[Problem]]:
    """Gives (data, value positions, key positions, problems) for one YAML document."""
    loader = _ComposeOnly(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        what = " ".join(x for x in (err.context, err.problem) if x) or "malformed YAML"
        line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
        if mark and _char_at(text, mark.line, mark.column) == "\t":
            what = "a tab character; YAML must be indented with spaces, not tabs"
        return None, {}, {}, [Problem(file, line, column, "", f"malformed YAML: {what}")]
    except (yaml.YAMLError, ValueError) as err:
        return None, {}, {}, [Problem(file, None, None, "", f"malformed YAML: {err}")]
    finally:
        loader.dispose()
    if node is None:
        return None, {}, {}, []
    builder = _Builder(file)
    try:
        data = builder.build(node, ())
    except RecursionError:
        return None, {}, {}, [Problem(file, None, None, "", "the YAML is nested too deeply")]
    if builder.aliases:
        builder.problems += _alias_problems(text, file, builder.aliases)
    return data, builder.positions, builder.key_positions, builder.problems


def _alias_problems(text: str, file: str, paths: list[tuple]) -> list[Problem]:
    """Locates each alias (the composer shares the anchored node, so its marks are the anchor's)."""
    marks = [e.start_mark for e in yaml.parse(text, Loader=yaml.CSafeLoader) if isinstance(e, yaml.AliasEvent)]
    return [Problem(file, m.line + 1, m.column + 1, dotted(path),
                    "aliases (*name) are not allowed; write the value out in full")
            for path, m in zip(paths, marks)]
