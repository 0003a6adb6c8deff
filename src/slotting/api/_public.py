"""What every public name of the library shares: its home shown as `slotting`, results that print their command's
JSON, and the error for an option a review cannot honour."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Any, TypeVar

T = TypeVar("T")
HOME = "slotting"


def public(thing: T) -> T:
    """Gives `thing` with `slotting` as its module, so that help() and reprs name it as users import it."""
    thing.__module__ = HOME
    return thing


@public
class OptionError(ValueError):
    """An option that the review (or the folder) given cannot honour: a person who is not in the review, a
    characteristic no one has, a review without the section a command reads, more work than the limits allow.

    `lines` holds one message a problem; str() joins them.
    """

    def __init__(self, lines: Iterable[str]) -> None:
        self.lines = list(lines)
        super().__init__("\n".join(self.lines))


def joined(pieces: Iterable[str | bytes]) -> str:
    """Gives rendered pieces (text or UTF-8 bytes) as one text."""
    return "".join(p.decode("utf-8") if isinstance(p, bytes) else p for p in pieces)


class AsJson:
    """A result that gives the JSON its command prints: `to_json()` the text, `as_dict()` the data (numbers that
    are not whole as Decimal, so that money stays exact)."""

    def _json(self) -> Iterable[str | bytes]:
        raise NotImplementedError

    def to_json(self) -> str:
        """Gives the JSON text that the command prints for this result with `--format json`, byte for byte."""
        return joined(self._json())

    def as_dict(self) -> Any:
        """Gives the command's JSON output as Python data (its non-whole numbers as Decimal)."""
        return json.loads(self.to_json(), parse_float=Decimal)


def republished(cls: type[T], found: object, **extra: Any) -> T:
    """Gives `found` (a frozen dataclass made by the rules) as an instance of its public subclass `cls`, sharing its
    values (nothing is computed again), with the `extra` fields set."""
    made = object.__new__(cls)
    for name, value in {**vars(found), **extra}.items():
        object.__setattr__(made, name, value)
    return made


Progress = Callable[[str], None]
