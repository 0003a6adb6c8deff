"""The fast YAML path: yaml-rs (a Rust parser) for large files that it reads exactly as we would.

libyaml through PyYAML builds a Python node for every scalar and takes about 20 s on a 10 MB review;
yaml-rs takes about 1 s. It rejects duplicate keys, but it converts numbers to int and float,
expands aliases and ignores tags. So a file goes this way only when a scan finds nothing whose
meaning could differ (aliases, anchors, tags, merge keys, numbers with leading zeros, signs,
underscores, other bases or more digits than a float keeps), and text fields refuse floats (see
scalars.py). Anything unusual, and every invalid file, is read by the strict reader, which keeps
the line and column of every value for the error messages.
"""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from typing import Any

_NODE_PROPERTY = re.compile(r"(?:^|[\s\[{,:])(?:[&*!][^\s,\]}]|<<\s*:)", re.MULTILINE)  # anchor, alias, tag, merge
# Numbers whose int or float does not read back as written: 007, -007, 0x1F, 0o17, 0_1, +5, 1_000,
# and numbers with more digits than a float keeps.
_ZERO_LED = re.compile(r"[ :,\[{\n\t][+-]?0[0-9xXoObB_]")
_DIGIT_LED = re.compile(r"[0-9](?:_[0-9]|[0-9.]{16,})")
_PLUS = re.compile(r"[ :,\[{\n\t]\+[0-9.]")
# A comment starts at a "#" after whitespace (a plain scalar cannot hold " #"; a quoted one is text).
_COMMENT = re.compile(r"(?:^|(?<=\s))#.*$", re.MULTILINE)


def _risky(text: str) -> bool:
    """True when the text may hold something the fast reader would read differently."""
    if "#" in text:
        text = "\n".join(_COMMENT.sub("", line) if "#" in line else line for line in text.split("\n"))
    text = "\n" + text
    if ("&" in text or "*" in text or "!" in text or "<<" in text) and _NODE_PROPERTY.search(text):
        return True
    if "+" in text and _PLUS.search(text):
        return True
    return bool(_ZERO_LED.search(text) or _DIGIT_LED.search(text))


def available() -> bool:
    try:
        import yaml_rs  # noqa: F401
    except ImportError:
        return False
    return True


_TOP_LEVEL_KEY = re.compile(r"^[^\s#\-\[{'\"!&*%|>?@`.][^\n]*:(?:[ \t]|$)", re.MULTILINE)
_WORKERS = 2
_SPLIT_ABOVE = 1_000_000  # characters; smaller files parse in one piece


def _chunks(text: str) -> list[str] | None:
    """Splits a block-style document at its top-level keys into pieces that parse on their own.

    Gives None when the text is not a plain block mapping of sections (document markers or
    directives, or anything but comments before the first key). A split that cuts through
    something (a flow collection or quoted text spanning lines) leaves a piece that fails to parse,
    and the whole file then goes to the strict reader.
    """
    if "\n---" in text or "\n..." in text or text.startswith(("---", "%")):
        return None
    starts = [m.start() for m in _TOP_LEVEL_KEY.finditer(text)]
    if len(starts) < 2:
        return None
    if any(line.strip() and not line.lstrip().startswith("#") for line in text[: starts[0]].splitlines()):
        return None
    pieces = [text[a:b] for a, b in zip(starts, starts[1:] + [len(text)])]
    pieces[0] = text[: starts[0]] + pieces[0]
    return pieces


def _load_pieces(pieces: list[str]) -> dict[str, Any] | None:
    import yaml_rs

    merged: dict[str, Any] = {}
    for piece in pieces:
        data = yaml_rs.loads(piece, parse_datetime=False)
        if not isinstance(data, dict) or merged.keys() & data.keys():
            return None
        merged.update(data)
    return merged


def _parse_all(text: str) -> dict[str, Any] | None:
    """Parses with yaml-rs, the larger documents in two threads (yaml-rs releases the GIL)."""
    import yaml_rs

    pieces = _chunks(text) if len(text) > _SPLIT_ABOVE else None
    if not pieces:
        data = yaml_rs.loads(text, parse_datetime=False)
        return data if isinstance(data, dict) else None
    groups: list[list[str]] = [[] for _ in range(_WORKERS)]
    sizes = [0] * _WORKERS
    for piece in sorted(pieces, key=len, reverse=True):
        i = sizes.index(min(sizes))
        groups[i].append(piece)
        sizes[i] += len(piece)
    with ThreadPoolExecutor(_WORKERS) as pool:
        parts = list(pool.map(_load_pieces, groups))
    merged: dict[str, Any] = {}
    for part in parts:
        if part is None or merged.keys() & part.keys():
            return None
        merged.update(part)
    # the sections in the document's order, as one parse would give them
    order = {key: i for i, key in enumerate(_keys_in_order(pieces))}
    return dict(sorted(merged.items(), key=lambda kv: order.get(kv[0], len(order))))


def _keys_in_order(pieces: list[str]) -> list[str]:
    return [m.group(0).split(":", 1)[0].strip() for p in pieces if (m := _TOP_LEVEL_KEY.search(p))]


def parse(text: str) -> dict[str, Any] | None:
    """Gives the document as Python data, or None when the strict reader must read it.

    The scan for risky text runs in this thread while yaml-rs parses in others.
    """
    with ThreadPoolExecutor(1) as pool:
        future = pool.submit(_parse_all, text)
        risky = _risky(text)
        try:
            data = future.result()
        except Exception:  # noqa: BLE001 - any failure: the strict reader will locate and explain it
            return None
    return None if risky else data
