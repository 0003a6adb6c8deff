"""`report --every-post` on hostile structures: titles that look like Typst markup or hold escapes are text; a fan of
1,200 posts under one, and a chain 1,200 deep give a paper with every post, never a hang or a traceback; a loop of
reporting lines is refused, located; the option with Markdown or a review's own bad structure is as without it."""

from __future__ import annotations

from pathlib import Path

from . import Case, example

_NEVER = ["Traceback", "internal error", "Typst could not", "too large to lay out"]
_TITLES = ['#panic(\\"no\\") $x^2$', "] \\\\ <label> @ref", "= Heading *bold* _it_", "\\u001b[31mred", "x" * 300]


def _posts(folder: Path, count: int, parent_of, *args: str, suffix: str = ".pdf") -> list[str]:
    """The example with `count` more new posts (hostile titles in turn), each reporting to parent_of(i)."""
    lines = "".join(f'    - {{id: X{i:04d}, title: "{_TITLES[i % len(_TITLES)]} {i}", grade: CO, in_review: false, '
                    f"reports_to: {parent_of(i)}}}\n" for i in range(count))
    review = example(folder, ("  posts:\n    - {id: NEW-HPS", "  posts:\n" + lines + "    - {id: NEW-HPS"))
    return ["report", str(review), "-o", str(folder / f"paper{suffix}"), "--every-post", "--sections", "structure",
            *args]


def _bad_post(folder: Path) -> list[str]:
    review = example(folder, ("reports_to: NEW-HPS", "reports_to: [NEW-HPS]"))
    return ["report", str(review), "-o", str(folder / "paper.pdf"), "--every-post"]


CASES = [
    Case("every_post_fan_of_1200_markup_titles", lambda f: _posts(f, 1200, lambda i: "NEW-HPS"), 0, "wrote",
         never=_NEVER),
    Case("every_post_chain_1200_deep", lambda f: _posts(f, 1200, lambda i: f"X{i - 1:04d}" if i else "NEW-HPS"), 0,
         "wrote", never=_NEVER),
    Case("every_post_reporting_loop", lambda f: _posts(f, 1100, lambda i: f"X{(i + 1) % 1100:04d}"), 1,
         "a reporting line loops back", never=_NEVER),
    Case("every_post_markdown", lambda f: _posts(f, 1200, lambda i: "NEW-HPS", suffix=".md"), 0, "wrote",
         never=_NEVER),
    Case("every_post_bad_reports_to", _bad_post, 1, "reports_to", never=_NEVER),
]
