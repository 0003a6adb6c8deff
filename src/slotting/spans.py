"""Where each record of a list section, and each top-level section, lies in a YAML text.

When the fast reader's data fails validation, the loader reads again with the strict reader (which
keeps line and column) only the records and small sections that the problems are in, instead of the
whole file: for a 10 MB review that is well under a second instead of about 15 seconds. These
functions find those lines without parsing: a block sequence's items start at lines that begin with
`- ` at the sequence's indentation. Anything else (a flow sequence, a section given twice, an odd
layout) gives None, and the loader reads the whole file again.
"""

from __future__ import annotations

import re

from .fast_yaml import _NEXT_KEY

_KEY_LINE = r"^{indent}{key}:[ \t]*(?:#[^\n]*)?\r?$"  # a key whose value starts on the next line


def item_spans(text: str, section: tuple[str, ...]) -> list[tuple[int, int, int]] | None:
    """Gives (start, end, line) of each item of the block sequence at `section` (a top-level key, or
    a key inside one), or None. start and end are character offsets; line is the item's first line."""
    block = _block(text, section)
    if block is None:
        return None
    start, end, line = block
    spans: list[tuple[int, int, int]] = []
    indent = None
    offset = start
    for number, row in enumerate(text[start:end].splitlines(keepends=True), start=line):
        stripped = row.strip()
        if stripped and not stripped.startswith("#"):
            depth = len(row) - len(row.lstrip(" "))
            if indent is None:
                indent = depth
            if depth == indent and (stripped == "-" or stripped.startswith("- ")):
                spans.append((offset, offset, number))
            elif depth <= indent:
                return None  # something other than an item at the sequence's level
        offset += len(row)
    spans = [(s, e, n) for (s, _, n), e in zip(spans, [s for s, _, _ in spans[1:]] + [end])]
    return spans


def section_span(text: str, key: str) -> tuple[int, int, int] | None:
    """Gives (start, end, line) of a top-level section, from its key to the next top-level key."""
    starts = [i for i in _lines_starting(text, key + ":") if text[i + len(key) + 1:i + len(key) + 2] in ("", " ", "\t", "\n", "\r")]
    if len(starts) != 1:
        return None
    start = starts[0]
    following = _NEXT_KEY.search(text, start)
    end = following.start() + 1 if following else len(text)
    return start, end, text.count("\n", 0, start) + 1


def _lines_starting(text: str, prefix: str) -> list[int]:
    """Gives the offsets of the lines that start with prefix."""
    found = [0] if text.startswith(prefix) else []
    i = text.find("\n" + prefix)
    while i >= 0:
        found.append(i + 1)
        i = text.find("\n" + prefix, i + 1)
    return found


def _block(text: str, section: tuple[str, ...]) -> tuple[int, int, int] | None:
    """Gives (start, end, line) of the lines after `section`'s key that hold its value."""
    outer = section_span(text, section[0])
    if outer is None:
        return None
    start, end, line = outer
    if len(section) == 2:
        found = list(re.finditer(_KEY_LINE.format(indent=r"[ ]+", key=re.escape(section[1])),
                                 text[start:end], re.MULTILINE))
        if len(found) != 1:
            return None
        inner = start + found[0].start()
        line += text.count("\n", start, inner)
        start = inner
    elif not re.match(_KEY_LINE.format(indent="", key=re.escape(section[0])), text[start:end], re.MULTILINE):
        return None
    after = text.find("\n", start)
    if after < 0 or after >= end:
        return None
    return after + 1, end, line + 1
