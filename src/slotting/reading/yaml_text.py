"""YAML for HR data: text -> plain Python data, read one way whatever the file's size or content.

PyYAML's `safe_load` silently keeps the last of two duplicate keys, reads `NO` as False, `007` as 7
and `12:30` as 750, and expands aliases (a "billion laughs" file). HR data needs none of that. This
reader takes libyaml's event stream (its C parser) and resolves every scalar itself:

- quoted and block scalars are text; plain scalars follow the YAML 1.2 core schema for null and
  booleans (`null`, `~`, empty; `true`/`false` in three spellings, see yaml_scalars) and are otherwise
  kept as the *text written*, so an id `007`, an answer `No` and a time `12:30` survive, and a salary
  `110484.50` becomes an exact Decimal in the model (never a float);
- duplicate keys, merge keys (`<<`), anchors, aliases and tags other than the core ones are
  errors, each located at its line and column; so are control characters, nesting deeper than
  `limits.NESTING`, a value longer than `limits.TEXT_CHARS` and a list longer than `limits.RECORDS`.

This reader (`reference`) is the definition. For a large file `parse` first asks the compiled reader
(yaml_fast), which gives data only where it is this reader's by construction and leaves every other text,
and every text with a problem, to this one; so problems and their positions always come from here. The
positions of values, needed only to locate a problem, come from reading the same text again with
`positions=True`, which records them as it builds the same data.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.cyaml import CParser  # type: ignore[attr-defined]

from .. import limits
from ..problems import Problem, dotted
from . import yaml_fast
from .yaml_scalars import FALSES as _FALSES
from .yaml_scalars import NULLS as _NULLS
from .yaml_scalars import PLAIN as _PLAIN
from .yaml_scalars import TRUES as _TRUES

_TAG = "tag:yaml.org,2002:"
_TEXT_TAGS = frozenset({_TAG + "str", _TAG + "int", _TAG + "float"})
_CONTAINER_TAGS = frozenset({None, _TAG + "map", _TAG + "seq"})

# Characters YAML does not allow (C0 but tab and line breaks, DEL, C1) and the line breaks that
# YAML 1.1 (libyaml) counts but editors and this tool's messages do not (NEL, LS, PS); a BOM is
# allowed only at the start, where the file reader removes it.
_FORBIDDEN = limits.FORBIDDEN_CHARACTERS

DataPath = tuple[Any, ...]  # a value's data path: keys and list indexes
Positions = dict[DataPath, tuple[int, int]]


@dataclass
class Parsed:
    """One YAML document as data; positions only when asked for (see `parse`)."""

    data: Any
    problems: list[Problem]
    positions: Positions = field(default_factory=dict)
    key_positions: Positions = field(default_factory=dict)


def _mark(mark: Any) -> tuple[int, int]:
    return mark.line + 1, mark.column + 1


def forbidden_characters(text: str, file: str) -> list[Problem]:
    """Gives a located problem for the first character YAML or this tool does not allow, if any."""
    found = _FORBIDDEN.search(text)
    if found is None:
        return []
    at = found.start()
    line = text.count("\n", 0, at) + 1
    column = at - (text.rfind("\n", 0, at) + 1) + 1
    return [Problem(file, line, column, "", f"the character U+{ord(found.group()):04X} is not allowed in a review "
                    "file (a control character or an unusual line break); remove it")]


class _Builder:
    """Builds data from events with an explicit stack (no recursion, whatever the nesting)."""

    def __init__(self, file: str, positions: bool):
        self.file = file
        self.problems: list[Problem] = []
        self.keep = positions
        self.positions: Positions = {}
        self.key_positions: Positions = {}

    def problem(self, mark: Any, path: DataPath, message: str) -> None:
        line, column = _mark(mark)
        self.problems.append(Problem(self.file, line, column, dotted(path), message))

    def scalar(self, event: yaml.ScalarEvent, path: DataPath) -> Any:
        value, tag = event.value, event.tag
        if event.anchor is not None:
            self.problem(event.start_mark, path, "anchors (&name) are not allowed; write each value out in full")
        if len(value) > limits.TEXT_CHARS:
            self.problem(event.start_mark, path, f"a value of {len(value):,} characters; at most "
                         f"{limits.TEXT_CHARS:,} are allowed")
            return None
        if tag is None or tag == "!":
            return _PLAIN.get(value, value) if not event.style and tag is None else value
        if tag in _TEXT_TAGS:
            return value
        if tag == _TAG + "null" and value in _NULLS:
            return None
        if tag == _TAG + "bool" and value in _TRUES | _FALSES:
            return value in _TRUES
        self.problem(event.start_mark, path, f"tag {tag!r} is not allowed; expected a plain value")
        return None

    @staticmethod
    def _where(stack: list[Any], path: DataPath, is_map: bool, key: Any, container: Any) -> DataPath:
        """The data path of the value about to be read."""
        if not stack:
            return ()
        if key is _SKIPPED:
            return path
        return path + ((key,) if is_map else (len(container),))

    def build(self, parser: CParser) -> Any:
        """Gives the data of the one document the parser holds (None for an empty stream)."""
        get = parser.get_event
        get()  # StreamStart
        if isinstance(get(), yaml.StreamEndEvent):
            return None
        root = self._document(get)
        event: Any = get()
        if not isinstance(event, yaml.StreamEndEvent):
            self.problem(event.start_mark, (), "a second document (---) is not allowed; give one review per file")
        return root

    def _document(self, get: Callable[[], Any]) -> Any:
        Scalar, MapStart, SeqStart = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent
        MapEnd, SeqEnd, Alias = yaml.MappingEndEvent, yaml.SequenceEndEvent, yaml.AliasEvent
        keep, plain, text_chars = self.keep, _PLAIN, limits.TEXT_CHARS
        # The open containers: (container, its path, is a mapping, the pending key)
        stack: list[tuple[Any, DataPath, bool, Any]] = []
        holder: list[Any] = []
        container: Any = holder
        path: DataPath = ()
        is_map = False
        key: Any = None  # the key waiting for its value, when container is a mapping
        skip = 0  # depth inside something being skipped (a key that is a list or mapping)
        while True:
            event = get()
            kind = event.__class__
            # The common case first, decided as the general code below would decide it: a plain
            # untagged scalar as a new key, or as a value of moderate length.
            if kind is Scalar and not (keep or skip) and event.tag is None and event.anchor is None:
                value = event.value
                if is_map:
                    if key is None:
                        if value not in container and (value != "<<" or event.style) and len(value) <= text_chars:
                            key = value
                            continue
                    elif key is not _SKIPPED and len(value) <= text_chars:
                        container[key] = value if event.style else plain.get(value, value)
                        key = None
                        continue
                elif len(value) <= text_chars:
                    container.append(value if event.style else plain.get(value, value))
                    continue
            if kind is yaml.DocumentEndEvent:
                return holder[0] if holder else None
            if skip:
                if kind is MapStart or kind is SeqStart:
                    skip += 1
                elif kind is MapEnd or kind is SeqEnd:
                    skip -= 1
                    if skip == 0:
                        key = _SKIPPED
                continue
            if kind is MapEnd or kind is SeqEnd:
                if not is_map and len(container) > limits.RECORDS:
                    self.problem(event.start_mark, path, f"a list of {len(container):,} items; at most "
                                 f"{limits.RECORDS:,} are allowed")
                container, path, is_map, key = stack.pop()
                if is_map:
                    key = None
                continue
            if is_map and key is None:  # a key
                if kind is not Scalar:
                    self.problem(event.start_mark, path, "a key must be a plain value, not a list or mapping")
                    if kind is MapStart or kind is SeqStart:
                        skip = 1
                    else:
                        key = _SKIPPED
                    continue
                name = event.value
                if len(name) > limits.TEXT_CHARS:
                    self.problem(event.start_mark, path, f"a key of {len(name):,} characters; at most "
                                 f"{limits.TEXT_CHARS:,} are allowed")
                    key = _SKIPPED
                elif name == "<<" and not event.style:
                    self.problem(event.start_mark, path, "merge keys (<<) are not allowed; write the keys out")
                    key = _SKIPPED
                elif name in container:
                    first = self.key_positions.get(path + (name,))
                    self.problem(event.start_mark, path + (name,), f"duplicate key {name!r}"
                                 + (f" (first given at line {first[0]}, column {first[1]})" if first else ""))
                    key = _SKIPPED
                else:
                    if event.anchor is not None or event.tag is not None:
                        self.problem(event.start_mark, path + (name,), "anchors and tags are not allowed on keys")
                    key = name
                    if keep:
                        self.key_positions[path + (name,)] = _mark(event.start_mark)
                continue
            where = self._where(stack, path, is_map, key, container)
            if keep:
                self.positions[where] = _mark(event.start_mark)
            if kind is Scalar:
                value = self.scalar(event, where)
            elif kind is MapStart or kind is SeqStart:
                if len(stack) >= limits.NESTING:
                    self.problem(event.start_mark, where, f"nested more than {limits.NESTING} levels deep; a review "
                                 "needs far fewer")
                    raise _TooDeep
                if event.anchor is not None:
                    self.problem(event.start_mark, where, "anchors (&name) are not allowed; write each value out "
                                 "in full")
                if event.tag not in _CONTAINER_TAGS:
                    self.problem(event.start_mark, where, f"tag {event.tag!r} is not allowed; expected a plain "
                                 + ("mapping" if kind is MapStart else "list"))
                value = {} if kind is MapStart else []
            elif kind is Alias:
                self.problem(event.start_mark, where, "aliases (*name) are not allowed; write the value out in full")
                value = None
            else:  # pragma: no cover - libyaml gives no other event inside a document
                raise AssertionError(f"unexpected YAML event {event!r}")
            if is_map:
                if key is not _SKIPPED:
                    container[key] = value
                key = None
            else:
                container.append(value)
            if kind is MapStart or kind is SeqStart:
                stack.append((container, path, is_map, key))
                container, path, is_map, key = value, where, kind is MapStart, None


class _TooDeep(Exception):
    """Reading stops at the first container nested too deeply: nothing after it can be placed."""


_SKIPPED = object()  # the value of a key that was refused is read but not kept


def _char_at(text: str, line: int, column: int) -> str:
    lines = text.split("\n", line + 1)
    return lines[line][column: column + 1] if line < len(lines) else ""


def parse(text: str, file: str, *, positions: bool = False) -> Parsed:
    """Gives the data of one YAML document and every problem found; with positions, also the
    (line, column) of every value and key, by data path. The same as `reference` gives, faster for a
    large file without problems."""
    if not positions and len(text) >= yaml_fast.SMALLEST:
        data = yaml_fast.read(text, refused=_FORBIDDEN)
        if data is not yaml_fast.NOT_READ:
            return Parsed(data, [])
    return reference(text, file, positions=positions)


def reference(text: str, file: str, *, positions: bool = False) -> Parsed:
    """Gives what `parse` gives, read from libyaml's events: the definition the compiled reader is held to."""
    problems = forbidden_characters(text, file)
    if problems:
        return Parsed(None, problems)
    builder = _Builder(file, positions)
    parser = CParser(text)
    try:
        data = builder.build(parser)
    except _TooDeep:
        return Parsed(None, builder.problems[-1:])
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        what = " ".join(x for x in (err.context, err.problem) if x) or "malformed YAML"
        line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
        if mark and _char_at(text, mark.line, mark.column) == "\t":
            what = "a tab character; YAML must be indented with spaces, not tabs"
        return Parsed(None, [Problem(file, line, column, "", f"malformed YAML: {what}")])
    except yaml.YAMLError as err:
        return Parsed(None, [Problem(file, None, None, "", f"malformed YAML: {err}")])
    finally:
        parser.dispose()
    if builder.problems:
        if not positions:  # read again keeping positions, so that each problem says all it can
            return reference(text, file, positions=True)
        return Parsed(None, builder.problems, builder.positions, builder.key_positions)
    return Parsed(data, [], builder.positions, builder.key_positions)
