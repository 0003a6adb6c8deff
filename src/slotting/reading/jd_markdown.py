"""A job description written in Markdown -> the same data as its YAML form, each problem at its line.

    # Director of Information and Customer Access
    post: NEW-DD-ICA
    structure: new
    reports to: Head of Paid Service

    ## Service specific responsibilities
    1. To lead the management ... (weight 2)
    2. To provide accurate, timely and relevant advice ...

The title is the first heading; `post`, `structure` and `reports to` lines follow, each given once; any
further heading is a section, and each numbered item is a duty whose id is its number (unique in the
file). A duty may end with `(weight N)`. HTML comments (<!-- ... -->) are notes, as Markdown shows them:
one may open and close within a line, with text before or after it, or span lines. Every other non-blank
line is a problem.

The text is read with string methods only, in time linear in its length, whatever it holds (a regular
expression with a lazy group took seconds on a line of many spaces). Lines end as Markdown's do: at
\\n, \\r\\n or \\r.
"""

from __future__ import annotations

from typing import Any

from ..problems import Problem

_FIELDS = {"post": "post", "structure": "structure", "reports to": "reports_to"}
_WEIGHT = "(weight"
_OPEN, _CLOSE = "<!--", "-->"
_OPENED_HERE, _STILL_OPEN = "opened here", "still open"


def parse(text: str, file: str) -> tuple[dict[str, Any], dict[tuple[Any, ...], int], list[Problem]]:
    """Gives (the JD's data, the line of each data path, problems)."""
    data: dict[str, Any] = {"duties": []}
    lines: dict[tuple[Any, ...], int] = {}
    problems = []
    opened: int | None = None  # the line of a comment not yet closed
    for number, raw in enumerate(_lines(text), 1):
        line, left_open = _visible(raw, opened is not None)
        if left_open is None or left_open == _OPENED_HERE:
            opened = number if left_open == _OPENED_HERE else None
        line = line.strip()
        if not line:
            continue
        if line.startswith("# ") and "title" not in data:
            data["title"] = line[2:].strip()
            lines[("title",)] = number
        elif line.startswith("#"):
            continue  # a section heading
        elif (found := _field(line)) is not None:
            key, value = found
            if (key,) in lines:
                problems.append(Problem(file, number, 1, key, f"a second '{_label(key)}:' line (the first is at "
                                        f"line {lines[(key,)]}); give it once"))
                continue
            data[key] = value
            lines[(key,)] = number
        elif (duty := _duty(line)) is not None:
            lines[("duties", len(data["duties"]))] = number
            data["duties"].append(duty)
        else:
            problems.append(Problem(file, number, 1, "", "expected a heading, 'post:', 'structure:', 'reports to:' or "
                                    "a numbered duty such as '1. To lead ...'"))
    if opened is not None:
        problems.append(Problem(file, opened, 1, "", "a comment opened here with '<!--' is never closed with '-->'; "
                                "close it, or the lines after it are not read"))
    return data, lines, problems


def _lines(text: str) -> list[str]:
    """Gives the lines of a text, ended as Markdown ends them (\\n, \\r\\n or \\r)."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _visible(line: str, in_comment: bool) -> tuple[str, str | None]:
    """Gives (the text of a line outside HTML comments, how a comment is left open at its end: None when
    none is, _OPENED_HERE, or _STILL_OPEN for one opened on an earlier line).

    A comment closes at the first '-->' after its '<!--' (so '<!-->' is a whole comment, as in CommonMark).
    """
    kept = []
    at = 0
    left_open = _STILL_OPEN if in_comment else None
    while True:
        if left_open is not None:
            end = line.find(_CLOSE, at)
            if end < 0:
                break
            at, left_open = end + len(_CLOSE), None
        else:
            start = line.find(_OPEN, at)
            if start < 0:
                kept.append(line[at:])
                break
            kept.append(line[at:start])
            at, left_open = start + 2, _OPENED_HERE  # from the '--' that opens it: '<!-->' closes at once
    return "".join(kept), left_open


def _label(key: str) -> str:
    return next(label for label, name in _FIELDS.items() if name == key)


def _field(line: str) -> tuple[str, str] | None:
    """Gives (key, value) of a 'post:', 'structure:' or 'reports to:' line (any case), or None."""
    colon = line.find(":")
    if colon < 0:
        return None
    key = _FIELDS.get(line[:colon].rstrip().lower())
    return None if key is None else (key, line[colon + 1:].strip())


def _duty(line: str) -> dict[str, Any] | None:
    """Gives the duty of a line such as '3. To lead ... (weight 2)' (stripped), or None.

    The id is one to six digits then '.' and white space; a weight is a last '(weight N)' after white
    space, N holding neither white space nor ')'. Pinned against the regular expression it replaces,
    (\\d{1,6})\\.\\s+(.*?)(?:\\s+\\(weight\\s+([^)\\s]+)\\))?\\s*, by tests/test_evidence.py.
    """
    digits = 0
    while digits < len(line) and digits <= 6 and line[digits].isdecimal():
        digits += 1
    if not 1 <= digits <= 6 or line[digits:digits + 1] != "." or not line[digits + 1:digits + 2].isspace():
        return None
    text = line[digits + 1:].lstrip()
    duty: dict[str, Any] = {"id": line[:digits], "text": text}
    weighed = _weighed(text)
    if weighed is not None:
        duty["text"], duty["weight"] = weighed
    return duty


def _weighed(text: str) -> tuple[str, str] | None:
    """Gives (the text before it, N) when a text (stripped) ends with white space and '(weight N)', else None."""
    if not text.endswith(")"):
        return None
    inner = text[:-1]
    space = len(inner)
    while space and not inner[space - 1].isspace():
        space -= 1
    weight = inner[space:]
    if not space or not weight or ")" in weight:
        return None
    before = inner[:space].rstrip()
    if not before.endswith(_WEIGHT):
        return None
    head = before[:-len(_WEIGHT)]
    text_end = len(head.rstrip())
    if text_end == len(head) or text_end == 0:  # no white space before '(weight', or nothing before it
        return None
    return head[:text_end], weight
