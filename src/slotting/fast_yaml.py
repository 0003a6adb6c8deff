"""The fast YAML path: yaml-rs (a Rust parser) for large files that it reads exactly as we would.

libyaml through PyYAML builds a Python node for every scalar and takes about 20 s on a 10 MB review;
yaml-rs takes about 1 s. It rejects duplicate keys, but it converts numbers to int and float,
expands aliases and ignores tags. So a file goes this way only when a scan finds nothing whose
meaning could differ (aliases, anchors, tags, merge keys, numbers with leading zeros, signs,
underscores, other bases or more digits than a float keeps), and no float sits where text or a
whole number is wanted (scalars.misread_floats). Anything unusual, and every invalid file, is read
by the strict reader, which keeps the line and column of every value for the error messages.
"""

from __future__ import annotations

import re
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

# A comment starts at a "#" after whitespace (a plain scalar cannot hold " #"; a quoted one is text).
_COMMENT = re.compile(r"(?:^|(?<=\s))#.*$", re.MULTILINE)
_SPACE = " \t\n\r\x0b\x0c"
_BEFORE_PROPERTY = frozenset(_SPACE + "[{,:")  # what may come before an anchor, alias, tag or merge key
_ENDS_SCALAR = frozenset(_SPACE + ",]}")
_BEFORE_NUMBER = frozenset(" :,[{\n\t")
_MERGE = re.compile(r"<<[ \t\n\r\x0b\x0c]*:")


def _table(classes: dict[bytes, bytes]) -> bytes:
    table = bytearray(b"a" * 256)
    for chars, symbol in classes.items():
        for char in chars:
            table[char] = symbol[0]
    return bytes(table)


# Numbers are looked for in the text translated to a few classes of character, where a plain
# substring search (fast, in C) finds them:
# - led by a zero: 007, -007, 0x1F, 0o17, 0_1 (a 0 after a separator and a sign, then a digit, x, o, b or _)
_ZERO_CLASSES = _table({b" :,[{\n\t": b"Q", b"+-": b"s", b"0": b"0", b"123456789xXoObB_": b"f"})
_ZERO_LED = (b"Q00", b"Q0f", b"Qs00", b"Qs0f")
# - digits joined by _ (1_000), and more digits than a float keeps (17 digits or points in a row)
_DIGIT_CLASSES = _table({b"0123456789.": b"d", b"_": b"u"})
_DIGIT_LED = (b"d" * 17, b"dud")


def _anywhere(text: str, needle: str, found) -> bool:
    """True when found(i) holds at some index i where needle occurs in text."""
    i = text.find(needle)
    while i >= 0:
        if found(i):
            return True
        i = text.find(needle, i + 1)
    return False


def _risky(text: str) -> bool:
    """True when the text may hold something the fast reader would read differently.

    It looks for (outside comments) anchors, aliases, tags and merge keys, and numbers whose int or
    float does not read back as written: 007, -007, -0, 0x1F, 0o17, +5, 1_000, and numbers with
    more digits than a float keeps. It may also flag a few harmless spellings (those files are then read
    by the strict reader, slower but exact); it never misses one (tests/test_readers.py).
    """
    if "#" in text:
        text = "\n".join(_COMMENT.sub("", line) if "#" in line else line for line in text.split("\n"))
    end = len(text) - 1

    def before(i: int, chars: frozenset) -> bool:
        return i == 0 or text[i - 1] in chars

    for char in "&*!":  # &anchor, *alias, !tag: after a space or [{,: and before a character of a name
        if char in text and _anywhere(text, char, lambda i: before(i, _BEFORE_PROPERTY) and i < end
                                      and text[i + 1] not in _ENDS_SCALAR):
            return True
    if "<<" in text and _anywhere(text, "<<", lambda i: before(i, _BEFORE_PROPERTY) and _MERGE.match(text, i)):
        return True
    if "+" in text and _anywhere(text, "+", lambda i: before(i, _BEFORE_NUMBER) and i < end
                                 and text[i + 1] in "0123456789."):
        return True
    if "-0" in text and _anywhere(text, "-0", lambda i: before(i, _BEFORE_NUMBER)
                                  and (i + 1 == end or text[i + 2] not in "0123456789.eE")):
        return True  # -0 reads as the int 0
    return _numbers_risky(text)


_WINDOW = 1 << 20  # characters scanned at a time: the same memory serves every window
_OVERLAP = 24  # more than the longest pattern (17), so a window's end never hides one


def _numbers_risky(text: str, window: int = _WINDOW) -> bool:
    """True when a number led by a zero or a sign-zero, joined by _, or too long for a float occurs.

    The text is scanned in overlapping windows: three whole-file copies (its bytes and two
    translations) would be fresh memory, each page of which the system must supply (a 10 MB file
    took 8,000 more page faults).
    """
    for start in range(0, len(text), window):
        raw = text[start:start + window + _OVERLAP].encode("utf-8", "surrogatepass")
        classes = raw.translate(_ZERO_CLASSES)
        if start == 0 and classes.startswith((b"00", b"0f", b"s00", b"s0f")):
            return True
        if any(p in classes for p in _ZERO_LED):
            return True
        classes = raw.translate(_DIGIT_CLASSES)
        if any(p in classes for p in _DIGIT_LED):
            return True
    return False


def available() -> bool:
    """True when yaml-rs is installed (looked up, not imported: see prepare)."""
    from importlib.util import find_spec

    return find_spec("yaml_rs") is not None


_KEY = r"[^\s#\-\[{'\"!&*%|>?@`.][^\n]*:(?:[ \t\r]|$)"  # a line that starts a top-level key
_TOP_LEVEL_KEY = re.compile("^" + _KEY, re.MULTILINE)
_NEXT_KEY = re.compile(r"\n" + _KEY, re.MULTILINE)  # led by a literal: searched fast, not at every character
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
    starts = [0] if _TOP_LEVEL_KEY.match(text) else []
    starts += [m.start() + 1 for m in _NEXT_KEY.finditer(text)]
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
    """Parses with yaml-rs, the larger documents in two threads (yaml-rs releases the GIL while it
    reads the text, though not while it builds the Python objects: two threads take about 0.7 of
    the time of one)."""
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


_prepared: list[bool] = []
_preparing = threading.Lock()


def prepare() -> None:
    """Imports yaml-rs and makes a first call in this thread, before any worker thread does: parse
    imports nothing after this (the prefetch thread relies on that).

    Importing yaml-rs for the first time in two threads at once crashes the interpreter (a
    segmentation fault, seen in about half of the processes that parsed a 10 MB review from threads
    that did the first import). tests/test_readers.py runs that case in a fresh process. The lock
    keeps any second caller waiting until the first call is done.
    """
    with _preparing:
        if not _prepared:
            import yaml_rs

            yaml_rs.loads("warm: up", parse_datetime=False)
            _prepared.append(True)


def parse(text: str) -> dict[str, Any] | None:
    """Gives the document as Python data, or None when the strict reader must read it.

    The scan for risky text runs in this thread while yaml-rs parses in others.
    """
    prepare()
    with ThreadPoolExecutor(1) as pool:
        future = pool.submit(_parse_all, text)
        risky = _risky(text)
        try:
            data = future.result()
        except Exception:  # noqa: BLE001 - any failure: the strict reader will locate and explain it
            return None
    return None if risky else data
