"""A job description written in Markdown -> the same data as its YAML form, each problem at its line.

    # Director of Information and Customer Access
    post: NEW-DD-ICA
    structure: new
    reports to: Head of Paid Service

    ## Service specific responsibilities
    1. To lead the management ... (weight 2)
    2. To provide accurate, timely and relevant advice ...

The title is the first heading; `post`, `structure` and `reports to` lines follow; any further heading
is a section, and each numbered item is a duty whose id is its number (unique in the file). A duty may
end with `(weight N)`. HTML comments (<!-- ... -->) are notes. Every other non-blank line is a problem.
"""

from __future__ import annotations

import re
from typing import Any

from ..problems import Problem

_DUTY = re.compile(r"(\d{1,6})\.\s+(.*?)(?:\s+\(weight\s+([^)\s]+)\))?\s*")
_FIELD = re.compile(r"(post|structure|reports to)\s*:\s*(.*)", re.IGNORECASE)


def parse(text: str, file: str) -> tuple[dict[str, Any], dict[tuple, int], list[Problem]]:
    """Gives (the JD's data, the line of each data path, problems)."""
    data: dict[str, Any] = {"duties": []}
    lines: dict[tuple, int] = {}
    problems = []
    comment = False
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if comment or line.startswith("<!--"):
            comment = "-->" not in line
            continue
        if not line:
            continue
        if line.startswith("# ") and "title" not in data:
            data["title"] = line[2:].strip()
            lines[("title",)] = number
        elif line.startswith("#"):
            continue  # a section heading
        elif found := _FIELD.fullmatch(line):
            key = found.group(1).lower().replace(" ", "_")
            data[key] = found.group(2).strip()
            lines[(key,)] = number
        elif found := _DUTY.fullmatch(line):
            duty: dict[str, Any] = {"id": found.group(1), "text": found.group(2)}
            if found.group(3) is not None:
                duty["weight"] = found.group(3)
            lines[("duties", len(data["duties"]))] = number
            data["duties"].append(duty)
        else:
            problems.append(Problem(file, number, 1, "", "expected a heading, 'post:', 'structure:', 'reports to:' or "
                                    "a numbered duty such as '1. To lead ...'"))
    return data, lines, problems
