"""The committee paper's own details and charts (issue 29): a paper block of the wrong shape is a located
message; markup in a recommendation is text; a reporting line that loops, a chain hundreds of posts deep and
a fan of hundreds of posts under one give a paper with every post, never a hang or a traceback."""

from __future__ import annotations

from pathlib import Path

from . import Case, example

_NEVER = ["Traceback", "internal error", "Typst could not", "too large to lay out"]
_REVIEW = "  effective_date: 2012-01-02 "


def _paper(folder: Path, review: Path, *args: str) -> list[str]:
    return ["report", str(review), "-o", str(folder / "paper.pdf"), *args]


def _recommendations_as_text(folder: Path) -> list[str]:
    review = example(folder, (_REVIEW, "  paper: {recommendations: Agree the structure}\n" + _REVIEW))
    return _paper(folder, review)


def _exempt_paragraph_eight(folder: Path) -> list[str]:
    review = example(folder, (_REVIEW, "  paper: {exempt_paragraph: 8}\n" + _REVIEW))
    return _paper(folder, review, "--audience", "confidential")


def _markup_recommendation(folder: Path) -> list[str]:
    review = example(folder, (_REVIEW, '  paper: {recommendations: ["#panic(\\"no\\") *Agree* $x$"], meeting: "= Heading"}\n'
                              + _REVIEW))
    return _paper(folder, review)


def _posts(folder: Path, count: int, parent_of) -> list[str]:
    """The example with `count` more new posts, each reporting to parent_of(i)."""
    lines = "".join(f"    - {{id: X{i:04d}, title: Extra post {i}, grade: CO, in_review: false, "
                    f"reports_to: {parent_of(i)}}}\n" for i in range(count))
    review = example(folder, ("  posts:\n    - {id: NEW-HPS", "  posts:\n" + lines + "    - {id: NEW-HPS"))
    return _paper(folder, review, "--sections", "structure")


CASES = [
    Case("paper_recommendations_as_text", _recommendations_as_text, 1, "review.paper.recommendations", never=_NEVER),
    Case("paper_exempt_paragraph_8", _exempt_paragraph_eight, 1, "review.paper.exempt_paragraph", never=_NEVER),
    Case("paper_markup_recommendation", _markup_recommendation, 0, "wrote", never=_NEVER),
    Case("chart_chain_300_deep", lambda f: _posts(f, 300, lambda i: f"X{i - 1:04d}" if i else "NEW-HPS"), 0, "wrote",
         never=_NEVER),
    Case("chart_fan_of_400", lambda f: _posts(f, 400, lambda i: "NEW-HPS"), 0, "wrote", never=_NEVER),
]
