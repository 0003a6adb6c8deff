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


def parse(text: str) -> dict[str, Any] | None:
    """Gives the document as Python data, or None when the strict reader must read it."""
    if _risky(text):
        return None
    try:
        import yaml_rs

        data = yaml_rs.loads(text, parse_datetime=False)
    except Exception:  # noqa: BLE001 - any failure: the strict reader will locate and explain it
        return None
    return data if isinstance(data, dict) else None
