"""Renderers of `slotting overlaps`: a computed overlaps section, and a suggested (draft) mapping."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import yaml
from yaml.cyaml import CEmitter  # type: ignore[attr-defined]

from ..model import Overlap
from ..model.types import Share
from ..rules.suggest import SecondLook, Suggested
from .common import to_csv


def _figure(value: object) -> str:
    if isinstance(value, Share):
        return json.dumps(value.written)  # a fraction of the whole, exact: "2/3"
    assert isinstance(value, Decimal)
    return format(value.normalize(), "f") if value != value.to_integral_value() else str(int(value))


def _text(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML string: every character safe


def overlaps_yaml(rows: list[Overlap]) -> Iterator[str]:
    """Yields an overlaps section: one row per mapped pair, figures exact (a fraction of the whole when needed)."""
    lines = ["# Computed by slotting overlaps compute from the job descriptions and the mapping.", "overlaps:"]
    lines += [f"  - {{old_post: {_text(o.old_post)}, new_post: {_text(o.new_post)}, old_in_new: {_figure(o.old_in_new)}, "
              f"new_from_old: {_figure(o.new_from_old)}}}" for o in rows]
    yield "\n".join(lines) + "\n"


def overlaps_csv(rows: list[Overlap]) -> Iterator[str]:
    yield to_csv(["old_post", "new_post", "old_in_new", "new_from_old"],
                 [[o.old_post, o.new_post, _figure(o.old_in_new).strip('"'), _figure(o.new_from_old).strip('"')]
                  for o in rows])


def suggested_yaml(found: list[Suggested], looks: list[SecondLook]) -> Iterator[str]:
    """Yields a draft mapping, a few pairs at a time: every pair suggested, each link with its similarity; second
    looks as comments.

    The mapping is written by libyaml's emitter (PyYAML's CEmitter), so an id is a YAML value whatever it
    holds; the comments are this module's own words with ids shown on one line (a character that is not
    printable is escaped), so no id can end a comment and start a line of YAML.
    """
    yield ("# Suggested by slotting overlaps suggest: wording similarity only (rapidfuzz token-set ratio, 0-100).\n"
           "# Confirm each link (and the part found), remove the rest, then set status: confirmed.\n")
    draft = _Draft()
    yield draft.emit(yaml.StreamStartEvent(), yaml.DocumentStartEvent(explicit=False), _block(yaml.MappingStartEvent),
                     _key("pairs"), _block(yaml.SequenceStartEvent))
    for s in found:
        events = [_block(yaml.MappingStartEvent), _key("old_post"), _id(s.old_post), _key("new_post"), _id(s.new_post),
                  _key("status"), _key("suggested"), _key("links"), _block(yaml.SequenceStartEvent)]
        for old, new, score in s.links:
            events += [yaml.MappingStartEvent(None, None, True, flow_style=True), _key("old"), _id(old), _key("new"),
                       _id(new), _key("similarity"), _key(str(score)), yaml.MappingEndEvent()]
        yield draft.emit(*events, yaml.SequenceEndEvent(), yaml.MappingEndEvent())
    yield draft.emit(yaml.SequenceEndEvent(), yaml.MappingEndEvent(), yaml.DocumentEndEvent(explicit=False),
                     yaml.StreamEndEvent())
    for look in looks:
        yield _comment(f"second look: {look.old_post} {look.old_duty} -> {look.new_post} {look.new_duty}: "
                       f"similarity {look.similarity}, {look.why}")


def _comment(text: str) -> str:
    """Gives a comment line: the text with every character that is not printable (a line break, a control) escaped."""
    return "# " + "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text) + "\n"


def _key(name: str) -> yaml.ScalarEvent:
    return yaml.ScalarEvent(None, None, (True, False), name)  # plain: this module's own words and figures


def _id(value: str) -> yaml.ScalarEvent:
    return yaml.ScalarEvent(None, None, (False, True), value, style='"')


def _block(event: type) -> Any:
    return event(None, None, True, flow_style=False)


class _Draft:
    """libyaml's emitter, fed the events of a draft mapping, and what it has written, a whole line at a time.

    libyaml writes a sequence under a key at the key's indent (`pairs:` then `- old_post:`); drafts have always
    had it indented (`  - old_post:`, links under `links:` by two more), so each line the emitter writes is
    moved right. A value is never folded (no width) and a line break in one is written as an escape, so every
    line is one of the pair's own; any other is a bug, and stops the draft rather than write a wrong one.
    """

    _MOVED = (("- old_post: ", "  "), ("  new_post: ", "  "), ("  status: ", "  "), ("  links:", "  "),
              ("  - {", "    "))

    def __init__(self) -> None:
        self._out = io.StringIO()
        self._emitter = CEmitter(self._out, allow_unicode=True, width=-1)
        self._first = True
        self._rest = ""

    def emit(self, *events: Any) -> str:
        """Gives the lines the emitter has finished after these events, indented as drafts are."""
        for event in events:
            self._emitter.emit(event)
        written = self._rest + self._out.getvalue()
        self._out.seek(0)
        self._out.truncate()
        *lines, self._rest = written.split("\n")
        if self._first and lines:
            self._first = False
            head = lines.pop(0)
            assert head in ("pairs:", "pairs: []"), head
            return "\n".join([head, *map(self._moved, lines), ""])
        return "\n".join([*map(self._moved, lines), ""]) if lines else ""

    def _moved(self, line: str) -> str:
        for start, indent in self._MOVED:
            if line.startswith(start):
                return indent + line
        raise AssertionError(f"an unexpected line in a draft mapping: {line!r}")
