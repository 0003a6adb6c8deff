"""Renderers of a validation: the problems as text, JSON or GitHub workflow annotations."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from ..problems import Problem
from .common import github_message, github_property, json_chunks, terminal


def problems_text(problems: Sequence[Problem]) -> Iterator[str]:
    """Yields one located line per problem (for standard error)."""
    for p in problems:
        yield terminal(str(p)) + "\n"


def problems_json(problems: Sequence[Problem]) -> Iterator[bytes]:
    """Yields the problems as a JSON list of {file, line, column, path, message} (and sheet and cell for a
    spreadsheet, whose row and column are then line and column)."""
    yield from json_chunks([p.as_dict() for p in problems])


def counts(review: Any) -> dict[str, int]:
    """Gives what a valid review holds: people, old and new posts, the new posts' places and the overlap rows
    (those computed from the evidence too), named as `slotting run --format json` names them."""
    return {"people": len(review.people), "old_posts": len(review.old_structure.posts),
            "new_posts": len(review.new_structure.posts), "places": sum(p.count for p in review.new_structure.posts),
            "overlaps": len(review.all_overlaps)}


def summary_line(found: dict[str, int]) -> str:
    """Gives the one-line summary of a valid review, as `slotting validate` prints it."""
    return (f"valid: {found['people']} people, {found['old_posts']} old posts, {found['new_posts']} new posts "
            f"({found['places']} places), {found['overlaps']} overlaps")


def validation_json(reviews: Sequence[dict[str, Any]], problems: Sequence[Problem]) -> Iterator[bytes]:
    """Yields {reviews, problems}: each review file with `valid`, its problem count and, when valid, its counts
    (people, old_posts, new_posts, places, overlaps; null when invalid), and every problem as problems_json gives it."""
    yield from json_chunks({"reviews": list(reviews), "problems": [p.as_dict() for p in problems]})


def problems_github(problems: Sequence[Problem]) -> Iterator[str]:
    """Yields one `::error file=...,line=...,col=...::message` annotation per problem."""
    for p in problems:
        at = (("file", p.file),) if p.sheet is not None else (("file", p.file), ("line", p.line), ("col", p.column))
        where = ",".join(f"{k}={github_property(str(v))}" for k, v in at if v is not None)
        text = f"{p.path}: {p.message}" if p.path else p.message
        if p.sheet is not None:
            text = f"[{p.sheet}]" + (f"!{p.cell}" if p.cell else f" row {p.line}" if p.line else "") + f": {text}"
        yield f"::error {where}::{github_message(terminal(text))}\n"
