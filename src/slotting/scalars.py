"""Scalar field types that read the same whichever YAML reader produced the data.

The strict YAML reader and the CSV reader give every scalar as text, and pydantic converts numeric
text exactly. The fast YAML reader gives numbers as int or float: an int reads back as the same
text (spellings that would not, such as 007 or +5, send the file to the strict reader), a float
may not (1.50 reads back as 1.5), so a text field refuses it and the strict reader decides.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BeforeValidator, Field


def as_text(value):
    if type(value) is int:
        return str(value)
    if type(value) is float:
        raise ValueError("expected text, got a number")
    return value


def as_whole(value):
    if type(value) is float:
        raise ValueError("expected a whole number")
    return value


Text = Annotated[str, BeforeValidator(as_text)]
# min_length inside the Annotated keeps the check in pydantic's core (outside, it runs in Python)
NonEmptyText = Annotated[str, Field(min_length=1), BeforeValidator(as_text)]
Whole = Annotated[int, BeforeValidator(as_whole)]
