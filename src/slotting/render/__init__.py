"""Renderers: one function per command and format, each yielding text, bytes or a rich renderable
(a table, printed by output.py at the terminal's width or as plain text).

A renderer's module is imported when it is asked for, so that `slotting validate` does not import
the rules and renderers of the other commands.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from importlib import import_module
from typing import Any

Renderer = Callable[..., Iterable[Any]]  # (result, **options of the format)

RENDERERS: dict[str, dict[str, str]] = {  # command -> format -> module:function
    "run": {"table": "run:run_table", "json": "run:run_json", "csv": "run:run_csv", "markdown": "run:run_markdown"},
    "savings": {"table": "savings:savings_table", "json": "savings:savings_json", "csv": "savings:savings_csv",
                "markdown": "savings:savings_markdown", "xlsx": "savings:savings_xlsx"},
    "equality": {"table": "equality:equality_table", "json": "equality:equality_json", "csv": "equality:equality_csv",
                 "markdown": "equality:equality_markdown"},
    "compare": {"table": "compare:compare_table", "json": "compare:compare_json", "csv": "compare:compare_csv",
                "markdown": "compare:compare_markdown", "xlsx": "compare:compare_xlsx"},
    "timeline": {"table": "timeline:timeline_table", "json": "timeline:timeline_json", "csv": "timeline:timeline_csv",
                 "markdown": "timeline:timeline_markdown", "ics": "timeline:timeline_ics"},
    "sensitivity": {"table": "sensitivity:sensitivity_table", "json": "sensitivity:sensitivity_json",
                    "csv": "sensitivity:sensitivity_csv", "markdown": "sensitivity:sensitivity_markdown"},
}


def renderer(command: str, format: str) -> Renderer:
    """Gives the renderer of a command's result in a format."""
    module, function = RENDERERS[command][format].split(":")
    renderer_function: Renderer = getattr(import_module(f"{__name__}.{module}"), function)
    return renderer_function
