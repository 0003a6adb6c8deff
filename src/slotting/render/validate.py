"""Renderers of a validation: the problems as text, JSON or GitHub workflow annotations."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

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


def problems_github(problems: Sequence[Problem]) -> Iterator[str]:
    """Yields one `::error file=...,line=...,col=...::message` annotation per problem."""
    for p in problems:
        at = (("file", p.file),) if p.sheet is not None else (("file", p.file), ("line", p.line), ("col", p.column))
        where = ",".join(f"{k}={github_property(str(v))}" for k, v in at if v is not None)
        text = f"{p.path}: {p.message}" if p.path else p.message
        if p.sheet is not None:
            text = f"[{p.sheet}]" + (f"!{p.cell}" if p.cell else f" row {p.line}" if p.line else "") + f": {text}"
        yield f"::error {where}::{github_message(terminal(text))}\n"
