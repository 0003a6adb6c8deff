"""Reading an employer's letter templates: one .docx per outcome in a folder, each size-bounded.

A template's size is checked before it is read (limits.TEMPLATE_BYTES, not the general FILE_BYTES); what it
unzips to is bounded where it is unzipped (render.letter_docx), before any letter is made.
"""

from __future__ import annotations

import os
from pathlib import Path

from .. import limits
from ..problems import InputError, Problem
from .files import read_bytes


def letter_templates(folder: Path, outcomes: tuple[str, ...]) -> dict[str, bytes]:
    """Gives the templates found in `folder` (outcome -> the .docx's bytes); an outcome without one keeps the
    default. A folder holding none of them, or a template larger than limits.TEMPLATE_BYTES, is refused."""
    if not folder.is_dir():
        raise InputError([Problem(str(folder), None, None, "", "is not a folder of letter templates")])
    found = {}
    for outcome in outcomes:
        path = folder / f"{outcome}.docx"
        if path.exists():
            size = os.stat(path).st_size
            if size > limits.TEMPLATE_BYTES:
                raise InputError([Problem(str(path), None, None, "", f"the template is {size:,} bytes; at most "
                                          f"{limits.TEMPLATE_BYTES:,} are read")])
            found[outcome] = read_bytes(path)
    if not found:
        names = ", ".join(f"{o}.docx" for o in outcomes)
        raise InputError([Problem(str(folder), None, None, "", f"holds no letter template; expected any of {names}")])
    return found
