"""Shared helpers for renderers: money, JSON numbers, tables, and user text made safe per output.

User text (names, titles, ids, file names) reaches every output. Each output has its own escaping:
`terminal` shows control characters and escape sequences as `\x1b`-style text (a name cannot move
the cursor, clear the screen or make a hyperlink); `markdown` also escapes markup and line breaks
(a name cannot start a heading or open an HTML comment); `github_property` and `github_message`
follow the workflow-command format; CSV and XLSX cells are guarded against formulas.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable
from decimal import Decimal
from fractions import Fraction
from types import GeneratorType
from typing import Any

from ..formats import money as money  # the renderers' name for it, kept where they import it

# Control characters, line separators, and the bidirectional embeddings, overrides and isolates that can make a
# terminal show text in another order than it holds (the "Trojan Source" characters).
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_MARKUP = re.compile(r"([\\`*_\[\]<>|~#&!])")


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal(text: Any) -> str:
    """Gives text with every control character (and bidirectional override) shown escaped (\\x1b, \\u202e), for a
    terminal or a log."""
    value = "" if text is None else str(text)
    return _CONTROL.sub(_escaped, value) if _CONTROL.search(value) else value


def markdown(text: Any) -> str:
    """Gives text that Markdown shows as written: no line breaks, markup or HTML."""
    return _MARKUP.sub(r"\\\1", terminal(text))


def github_message(text: str) -> str:
    """Gives the message of a workflow command (::error ...::message) escaped as the format requires."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def github_property(text: str) -> str:
    """Gives a property value of a workflow command (file=..., line=...) escaped as the format requires."""
    return github_message(text).replace(":", "%3A").replace(",", "%2C")


def number(value: Any) -> Any:
    """Gives a JSON-ready number: Decimals become int when whole, else float."""
    if value.__class__ is not Decimal:
        return float(value) if isinstance(value, Fraction) else value
    found = _NUMBERS.get(value)  # a Decimal keeps its hash: looking it up is cheaper than converting
    if found is None:
        if len(_NUMBERS) > 100_000:
            _NUMBERS.clear()
        found = _NUMBERS[value] = int(value) if value == value.to_integral_value() else float(value)
    return found


_NUMBERS: dict[Decimal, int | float] = {}  # equal Decimals (1.5, 1.50) give the same number


def plain(value: Any) -> Any:
    """Gives data with every Decimal inside it (in dicts, lists and tuples) made a JSON number."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return number(value)


def json_chunks(data: Any) -> list[bytes]:
    """Gives data as JSON in UTF-8 pieces: top-level keys one per line and list items one per line,
    so that diffs stay readable. pydantic-core's Rust encoder writes each line (faster than the json
    module). Decimals must be converted first (see number and plain): this encoder
    writes them as text. The command line writes the pieces as they are: a 20,000-person list is
    large, and joining and decoding it would make two more copies, each of fresh memory.

    A list may be given as a generator (written as a list): each item is then made, encoded and
    dropped in turn, and the memory of one item serves the next.
    """
    from pydantic_core import to_json as encode

    chunks: list[bytes] = []
    if isinstance(data, (list, GeneratorType)):
        _json_list(chunks, data, b"", encode)
        chunks.append(b"\n")
    else:
        chunks.append(b"{")
        for i, (key, value) in enumerate(data.items()):
            chunks += (b",\n  " if i else b"\n  ", encode(key), b": ")
            if isinstance(value, (list, GeneratorType)):
                _json_list(chunks, value, b"  ", encode)
            else:
                chunks.append(encode(value))
        chunks.append(b"\n}\n" if data else b"}\n")
    return chunks


def _json_list(chunks: list[bytes], items: Iterable[Any], indent: bytes, encode: Callable[[Any], bytes]) -> None:
    """Adds to chunks a list written one item per line."""
    separator = b",\n  " + indent
    chunks.append(b"[\n  " + indent)
    first = len(chunks)
    for item in items:
        chunks += (encode(item), separator)
    if len(chunks) == first:
        chunks[-1] = b"[]"
    else:
        chunks[-1] = b"\n" + indent + b"]"


def safe_cell(value: Any) -> Any:
    """Gives text that a spreadsheet will not run as a formula (OWASP CSV injection advice)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def to_csv(header: list[str], rows: Iterable[list[Any]]) -> str:
    """Gives CSV text with a header row; text cells are guarded against formula injection."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([safe_cell(number(v)) if v is not None else "" for v in row])
    return out.getvalue()


def markdown_table(header: list[str], rows: Iterable[list[Any]], align: str = "") -> str:
    """Gives a GitHub-flavoured Markdown table; align is one of l/r per column; cells are escaped."""

    def cell(v: Any) -> str:
        return markdown(v)

    marks = [("---:" if a == "r" else "---") for a in (align or "l" * len(header))]
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join(marks) + " |"]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def text_cells(row: Iterable[Any]) -> list[Any]:
    """Gives table cells as rich Text, so that user data like "[b]" is never read as markup, with
    control characters shown escaped."""
    from rich.text import Text

    return [Text(terminal(value)) for value in row]
