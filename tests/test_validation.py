"""model.validation: lists validated on their own first (from SEPARATELY records) or only within the review give
the same review and the same located problems."""

from __future__ import annotations

from pathlib import Path

import pytest

from slotting import InputError, load
from slotting.model import validation

from .conftest import EXAMPLE

_POSTS = "  posts:\n    - {id: OLD-CE,"
_PEOPLE = "people:                               # BC Appendix One (as at September 2011); salaries illustrative\n"


def _long_review(folder: Path, count: int, bad: dict[int, str]) -> Path:
    rows = "".join(f"  - {{id: X{i}, {bad.get(i, 'post: OLD-MANY, salary: 50000')}}}\n" for i in range(count))
    text = EXAMPLE.read_text(encoding="utf-8").replace(
        _POSTS, f"  posts:\n    - {{id: OLD-MANY, title: Many, grade: CO, count: {count}}}\n    - {{id: OLD-CE,", 1
    ).replace(_PEOPLE, _PEOPLE + rows, 1)
    path = folder / "review.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _outcome(path: Path) -> object:
    try:
        return load(path)
    except InputError as err:
        return [str(p) for p in err.problems]


@pytest.mark.parametrize("bad", [{}, {3: "post: OLD-MANY, salary: -5", 1_100: "post: OLD-MANY, salary: 50000, fte: 2",
                                       7: "post: NOWHERE, salary: 1"}])
def test_a_long_list_gives_the_same_whether_validated_first_or_not(tmp_path: Path, monkeypatch, bad):
    path = _long_review(tmp_path, 1_200, bad)
    first = _outcome(path)
    monkeypatch.setattr(validation, "SEPARATELY", 10**9)
    assert _outcome(path) == first
    if bad:
        assert isinstance(first, list) and len(first) == 3
        assert any("people[1100].fte" in p for p in first) and any("did you mean" not in p and "NOWHERE" in p
                                                                  for p in first)
    else:
        assert not isinstance(first, list) and len(first.people) == 1_220


def test_loading_a_plain_review_imports_no_reader_or_wording_it_does_not_use():
    """The table, workbook and Markdown readers, the partial review and the error wording are imported only when a
    review needs them (issue 32: import only what a command uses)."""
    import subprocess
    import sys

    code = ("import sys, slotting; slotting.load(sys.argv[1]); "
            "print(' '.join(m for m in sys.modules if m.startswith('slotting.')))")
    found = set(subprocess.run([sys.executable, "-c", code, str(EXAMPLE)], capture_output=True, text=True,
                               check=True).stdout.split())
    unused = {"slotting.reading.csv_text", "slotting.reading.workbook", "slotting.reading.workbook_xml",
              "slotting.reading.jd_markdown", "slotting.model.partial", "slotting.model.messages",
              "slotting.reading.messages", "slotting.model.changes", "slotting.model.schema"}
    assert "slotting.model.validation" in found
    assert not found & unused, found & unused
