"""Reading an employer's letter templates: one .docx per outcome in a folder, each size-bounded."""

from __future__ import annotations

from pathlib import Path

from ..problems import InputError, Problem
from .files import read_bytes


def letter_templates(folder: Path, outcomes: tuple[str, ...]) -> dict[str, bytes]:
    """Gives the templates found in `folder` (outcome -> the .docx's bytes); an outcome without one keeps the
    default. A folder holding none of them is refused."""
    if not folder.is_dir():
        raise InputError([Problem(str(folder), None, None, "", "is not a folder of letter templates")])
    found = {}
    for outcome in outcomes:
        path = folder / f"{outcome}.docx"
        if path.exists():
            found[outcome] = read_bytes(path)
    if not found:
        names = ", ".join(f"{o}.docx" for o in outcomes)
        raise InputError([Problem(str(folder), None, None, "", f"holds no letter template; expected any of {names}")])
    return found
