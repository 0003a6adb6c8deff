"""The compiled YAML reader: a large clean file read by rapidyaml, with the reference reader's result.

The reference reader (yaml_text) builds data from libyaml's events, and for a large file most of its
time goes on making one Python object per event. This reader has rapidyaml (C++) parse the text and
write the document as JSON, which the json module (C) decodes; Python touches no node. It gives data
only when that data is, by construction, the reference reader's and the reference reader would report
no problem; for anything else it gives NOT_READ and the reference reader reads the text, finds the
problems and locates them. So data, positions and messages are the reference reader's in every case;
tests/test_yaml_fast.py checks that on generated texts, the hostile and invalid corpora and every
example.

How each difference is closed:
- scalars: rapidyaml's JSON writes a plain `null`, `true`, `false` or empty value as JSON's literal, a
  quoted or block scalar as a string, an integer or a decimal as the digits written (decoded here as
  their text, as the reference reader keeps them), and anything else as a string. What it would
  rewrite (`.5` as 0.5, `5.` as 5.0, `nan` as ".nan") or write as a string although the reference
  reader reads a null or a boolean (`~`, `True`, ... see yaml_scalars) sends the text to the reference
  reader: the numbers are found in the text before parsing, the strings in the JSON;
- problems: duplicate keys are found while decoding; a list or mapping as a key, and a second
  document, by rapidyaml; anchors, aliases, tags, directives and merge keys by looking for the
  characters that begin them where a value begins (`&`, `*`, `!`, `%`, `<<`), which also finds `@`
  and a backtick, refused by libyaml and not by rapidyaml; the length, list and nesting limits are
  bounded from the JSON's lines (yaml_child.verdict) and measured exactly only when the bound allows a
  breach;
- what the two parsers read differently, found by the differential test: tabs, a lone carriage
  return, a colon more than 1,024 characters into a line (libyaml's limit on a key), a block scalar
  in a text without a final line break, an escaped line break in a quoted scalar, a block scalar's
  header libyaml refuses and some values' first characters (`]`, `}`, `?x` or `:x` in a flow
  collection, a missing key) are left to the reference reader.
rapidyaml runs in a child process (yaml_child.py): it reports a text it refuses on the process's
standard error, which must not reach a user; the child parses while this process scans the text.
yaml_text.parse asks this reader only for a text of SMALLEST characters or more, and never for positions.
"""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from .. import limits
from . import yaml_child

NOT_READ: Any = object()  # read(text) gives this when the reference reader must read the text

# characters (about 1,900 people); below, the child's start and rapidyaml's import (some 40 ms of CPU) cost
# about what the reference reader saves: the two take the same time at some 550,000 characters
SMALLEST = 1024 * 1024

_CHILD = Path(yaml_child.__file__)
_KEY_CHARS = 1024  # libyaml refuses a key (a "simple key") spanning more characters than this
_DEEP_INDENT = 100  # spaces; a review nested six deep needs a tenth of that

# A value begins after the start of a line, `- `, `? `, `: `, `[`, `{` or `,` and any spaces: there `&`
# is an anchor, `*` an alias, `!` a tag and `%` a directive, libyaml refuses `@` and a backtick, and the
# two parsers read `?x` in a flow collection differently. Right after a closing quote libyaml refuses them
# all, and rapidyaml not. Elsewhere these are text ("R&D", "Finance & HR"), read alike by both parsers.
# Each is looked for with `in` (a memchr) first: most texts have none.
_MARKS = "&*!%@`?"
_VALUE_START = frozenset("\n[{,:?-'\"")
# Where a block value begins, libyaml refuses `]` and `}` (rapidyaml reads them as text): after a line's
# indentation or `: `, `- `, `? `. Only a closer after a space or a line break is looked at.
_CLOSER = re.compile(r"[\]}](?<=[\n ][\]}])")
_BEFORE_A_BLOCK_VALUE = frozenset("\n:?-")
# A plain value beginning with `:` in a flow collection (`[:x]`, `{a: :x}`), or a colon right before a
# flow indicator (`{a:}`, `{id:,name: x}`): libyaml refuses them, rapidyaml reads them. Looked for without
# spaces first, and with spaces only where " :" is.
_COLON_BEFORE = re.compile(r":[,\[\]{}:]")
_COLON_AFTER = re.compile(r"[\[{,:] *:")
# A list entry after a flow collection or a quoted scalar on the same line (`- [a] - b`): libyaml refuses
# it, rapidyaml reads another entry.
_ENTRY_AFTER_A_VALUE = re.compile(r"[\]}'\"] *-(?=[ \r\n]|\Z)")
# A block scalar's header as both parsers read it: a chomping sign, then a comment. rapidyaml reads some
# that libyaml refuses (`|5.`, `|0`), and with an indentation given (`|2`), lines of spaces differently.
_BLOCK_HEADER = re.compile(r"[|>][-+]?(?: +#[^\n]*| *)\r?(?:\n|\Z)")
# A line whose key is missing (`: x`, `- : x`): libyaml refuses it, rapidyaml reads an empty key.
_NO_KEY = re.compile(r"\n[ -]*:(?=[ \r\n]|\Z)")  # a line break first: a literal, which re scans for fast
# A plain number that rapidyaml's JSON rewrites: `.5` and `-.5` (a leading point), `5.` (a trailing one);
# the points are found by a C scan, and the few found are looked at one by one.
_LEADING_POINT = re.compile(r"\.(?<![\w.]\.)[0-9]")
_TRAILING_POINT = re.compile(r"\.(?<=[0-9]\.)(?=[ \r\n,\]}#]|\Z)")
_REWRITTEN = re.compile(r"[-+]?(?:\.[0-9][0-9eE+-]*|[0-9][0-9eE+-]*\.)")
_NUMBER_CHARS = frozenset("0123456789eE+-._")


class _Duplicate(Exception):
    """A mapping has a key twice: the reference reader says where."""


def _mapping(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    mapping = dict(pairs)
    if len(mapping) != len(pairs):
        raise _Duplicate
    return mapping


def _refuse_constant(name: str) -> Any:
    raise ValueError(name)


def _begins_a_value(text: str, at: int, after: frozenset[str] = _VALUE_START) -> bool:
    """Tells whether the character at `at` is the first of a value (or follows a quoted one): nothing but
    spaces before it on its line, or after one of `after` (by default `- ? : [ { ,` and quotes)."""
    before = at - 1
    while before >= 0 and text[before] == " ":
        before -= 1
    return before < 0 or text[before] in after


def _rewritten_number_at(text: str, at: int) -> bool:
    """Tells whether the point at `at` belongs to a plain number that rapidyaml writes differently: a
    number-like word that begins a value ("paragraph 8." is text to both parsers)."""
    start = at
    while start > 0 and text[start - 1] in _NUMBER_CHARS:
        start -= 1
    end = at + 1
    while end < len(text) and text[end] in _NUMBER_CHARS:
        end += 1
    return _REWRITTEN.fullmatch(text, start, end) is not None and _begins_a_value(text, start)


def _in_a_comment(text: str, at: int) -> bool:
    """Tells whether the character at `at` follows, on its line, a `#` that begins a comment (after a space
    or at the line's start) with no quote before it. Such a `#` could otherwise only be inside a quoted or
    block scalar spanning lines, where the character is text as well: either way it is not a mark or a
    plain number."""
    line = text.rfind("\n", 0, at) + 1
    sharp = text.find("#", line, at)
    while sharp >= 0:
        if sharp == line or text[sharp - 1] == " ":
            before = text[line:sharp]
            return "'" not in before and '"' not in before
        sharp = text.find("#", sharp + 1, at)
    return False


def _doubtful(text: str) -> bool:
    """Tells whether the text holds something this reader leaves to the reference reader (see the module's
    docstring); True is always safe, and is the answer for the rare text."""
    if "\t" in text or ("\r" in text and text.count("\r") != text.count("\r\n")) or ("<" in text and "<<" in text):
        return True
    if not text.endswith("\n") and ("|" in text or ">" in text):  # rapidyaml ends a last block scalar with one
        return True
    if "\\" in text and ("\\\n" in text or "\\\r\n" in text):  # an escaped line break: blank lines after it differ
        return True
    if text.lstrip(" ")[:1] in ("]", "}"):
        return True
    for found in _CLOSER.finditer(text):
        if _begins_a_value(text, found.start(), _BEFORE_A_BLOCK_VALUE):
            return True
    if _NO_KEY.search(text) or _NO_KEY.match("\n" + text[:64]) or _ENTRY_AFTER_A_VALUE.search(text):
        return True
    if _COLON_BEFORE.search(text) or re.search(r"[\[{,]:", text) or (" :" in text and _COLON_AFTER.search(text)):
        return True
    for mark in _MARKS:
        if mark in text:
            at = text.find(mark)
            while at >= 0:
                if _begins_a_value(text, at) and not _in_a_comment(text, at):
                    return True
                at = text.find(mark, at + 1)
    for indicator in "|>":
        at = text.find(indicator)
        while at >= 0:
            if _begins_a_value(text, at) and not _in_a_comment(text, at) and not _BLOCK_HEADER.match(text, at):
                return True
            at = text.find(indicator, at + 1)
    for pattern in (_LEADING_POINT, _TRAILING_POINT):
        for found in pattern.finditer(text):
            if _rewritten_number_at(text, found.start()) and not _in_a_comment(text, found.start()):
                return True
    return False


def _deeply_indented(text: str) -> bool:
    """Tells whether some line is indented so far that the nesting may be past its limit, or the text is
    hostile: the reference reader then refuses it without rapidyaml's work on every level first."""
    return "\n" + " " * _DEEP_INDENT in text or text.startswith(" " * _DEEP_INDENT)


def _may_hold_a_long_key(text: str) -> bool:
    """Tells whether a key might span more characters than libyaml allows (it then refuses the text, or in a
    flow mapping reads the key as empty): whether some line longer than that has a colon past that length.
    Long lines are found by looking for blocks of half that length with no line break; a long line found is
    looked at once and the search goes on after it, so the work is linear in the text (a line of millions of
    characters is read once, not once a block)."""
    block = _KEY_CHARS // 2
    start = 0
    while start + block <= len(text):
        if text.find("\n", start, start + block) >= 0:
            start += block
            continue
        line = text.rfind("\n", 0, start) + 1
        end = text.find("\n", start)
        if text.find(":", line + _KEY_CHARS, len(text) if end < 0 else end) >= 0:
            return True
        if end < 0:
            return False
        start = end + 1  # any later line of 2 blocks or more holds a whole block from here on, aligned or not
    return False


def _within_limits(data: Any) -> bool:
    """Tells whether every value and key is within limits.TEXT_CHARS, every list within limits.RECORDS
    and the nesting within limits.NESTING, as the reference reader counts them."""
    stack = [(data, 1)]
    while stack:
        container, depth = stack.pop()
        if isinstance(container, dict):
            if any(len(key) > limits.TEXT_CHARS for key in container):
                return False
            values = container.values()
        else:
            if len(container) > limits.RECORDS:
                return False
            values = container
        for value in values:
            if isinstance(value, str):
                if len(value) > limits.TEXT_CHARS:
                    return False
            elif isinstance(value, dict | list):
                if depth >= limits.NESTING:
                    return False
                stack.append((value, depth + 1))
    return True


class Conversion(Protocol):
    """rapidyaml's reading of one text: its JSON, then its verdict (yaml_child's exit statuses)."""

    def output(self) -> bytes: ...

    def verdict(self) -> int: ...

    def close(self) -> None: ...


class InChild:
    """rapidyaml run in a child process (yaml_child.py), started at once so that it parses while this
    process scans the text."""

    def __init__(self, encoded: bytes):
        if not sys.executable or importlib.util.find_spec("ryml") is None:
            raise OSError("rapidyaml or the interpreter cannot be found")
        command = [sys.executable, "-I", "-S", str(_CHILD), str(limits.TEXT_CHARS), str(limits.RECORDS),
                   str(limits.NESTING), *[entry for entry in sys.path if entry]]
        self.child = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                      stderr=subprocess.DEVNULL)
        assert self.child.stdin is not None
        try:
            self.child.stdin.write(encoded)  # the child reads it all before it writes anything
            self.child.stdin.close()
        except OSError:
            self.close()
            raise

    def output(self) -> bytes:
        assert self.child.stdout is not None
        return self.child.stdout.read()

    def verdict(self) -> int:
        return self.child.wait()

    def close(self) -> None:
        if self.child.poll() is None:
            self.child.kill()
            self.child.wait()
        if self.child.stdout is not None:
            self.child.stdout.close()


class InProcess:
    """rapidyaml run in this process: for tests, which read thousands of texts (rapidyaml's report on a text
    it refuses goes to this process's standard error)."""

    def __init__(self, encoded: bytes):
        json_text, status = yaml_child.convert(encoded)
        self.json = json_text.encode("utf-8", "surrogatepass")
        self.status = status if status != yaml_child.READ else yaml_child.verdict(
            json_text, limits.TEXT_CHARS, limits.RECORDS, limits.NESTING)

    def output(self) -> bytes:
        return self.json

    def verdict(self) -> int:
        return self.status

    def close(self) -> None:
        pass


def read(text: str, how: Callable[[bytes], Conversion] = InChild, *, refused: re.Pattern[str] | None = None) -> Any:
    """Gives the data of one YAML document exactly as the reference reader gives it for a text in which it
    finds no problem, or NOT_READ when the reference reader must read the text: always when the text holds
    a character of `refused` (looked for while rapidyaml parses)."""
    if _deeply_indented(text) or _may_hold_a_long_key(text):
        return NOT_READ
    try:
        conversion = how(text.encode("utf-8"))
    except (OSError, UnicodeEncodeError):
        return NOT_READ
    try:
        if (refused is not None and refused.search(text)) or _doubtful(text):
            return NOT_READ
        try:
            # decoded strictly (an escaped surrogate, refused by libyaml, reaches here as one), and the bytes
            # let go before the data is built
            written = conversion.output().decode("utf-8")
            data = json.loads(written, object_pairs_hook=_mapping, parse_int=str, parse_float=str,
                              parse_constant=_refuse_constant) if written else None
        except (ValueError, _Duplicate, RecursionError):  # UnicodeDecodeError is a ValueError
            return NOT_READ
        del written
        verdict = conversion.verdict()
    finally:
        conversion.close()
    if verdict == yaml_child.SCAN_NEEDED:
        return data if _within_limits(data) else NOT_READ
    return data if verdict == yaml_child.READ else NOT_READ
