"""What every public name of the library shares: its home shown as `slotting`, results that print their command's
JSON, and the error for an option a review cannot honour."""

from __future__ import annotations

import datetime as dt
import functools
import inspect
import json
import types
import typing
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from typing import Any, Literal, TypeVar

T = TypeVar("T")
HOME = "slotting"


def public(thing: T) -> T:
    """Gives `thing` with `slotting` as its module, so that help() and reprs name it as users import it; a function
    also checks its options when called (see `checked`)."""
    if inspect.isfunction(thing):
        thing = checked(thing)  # type: ignore[assignment]
    thing.__module__ = HOME
    return thing


def checked(function: Callable[..., T]) -> Callable[..., T]:
    """Gives `function` with its options checked on each call against its annotations, as the command line checks
    them: a value outside a `Literal[...]` (a stage, a basis, a format, an audience), a bool or text where a whole
    number is asked, or something else than a review where a review is asked raises OptionError naming the option;
    one text where a list of texts is asked is taken as a list of that one text (not read letter by letter)."""
    signature = inspect.signature(function)
    rules: dict[str, tuple[str, Any]] | None = None

    @functools.wraps(function)
    def call(*args: Any, **kwargs: Any) -> T:
        nonlocal rules
        if rules is None:
            rules = _rules(function, signature)
        try:
            bound = signature.bind(*args, **kwargs)
        except TypeError:
            return function(*args, **kwargs)  # Python's own message for a call that does not fit
        problems = []
        for name, value in list(bound.arguments.items()):
            kind, allowed = rules.get(name, ("", None))
            if value is None or not kind:
                continue
            if kind == "choice" and (not isinstance(value, str) or value not in allowed):
                problems.append(f"{name}: {value!r} is not one of {', '.join(map(repr, allowed))}")
            elif kind == "whole" and (isinstance(value, bool) or not isinstance(value, int)):
                problems.append(f"{name}: expected a whole number, got {type(value).__name__} {value!r}")
            elif kind == "date" and not isinstance(value, allowed):
                problems.append(f"{name}: expected a date (datetime.date), got {type(value).__name__} {value!r}")
            elif kind == "texts" and isinstance(value, str):
                bound.arguments[name] = (value,)
            elif kind == "review" and not _is_review(value):
                problems.append(f"{name}: expected a review read by slotting.load(path) (or made by with_changes), "
                                f"got {type(value).__name__}")
        if problems:
            raise OptionError(problems)
        return function(*bound.args, **bound.kwargs)

    return call


def within(name: str, value: Any, low: Decimal | int, high: Decimal | int) -> Decimal:
    """Gives an option's number as a Decimal, or raises OptionError when it is not a finite number from `low` to
    `high` (the bounds the command line gives the same option)."""
    try:
        number = Decimal(str(value)) if not isinstance(value, bool) else Decimal("NaN")
    except ArithmeticError:
        number = Decimal("NaN")
    if not number.is_finite() or not low <= number <= high:
        raise OptionError([f"{name}: expected a number from {low} to {high}, got {value!r}"])
    return number


def _is_review(value: Any) -> bool:
    from ..model import ReviewFile

    return isinstance(value, ReviewFile)


def _rules(function: Callable[..., Any], signature: inspect.Signature) -> dict[str, tuple[str, Any]]:
    """Gives each option's check, read from its annotation: (kind, the allowed values of a choice)."""
    rules: dict[str, tuple[str, Any]] = {}
    names = {**vars(typing), **function.__globals__}
    for name, parameter in signature.parameters.items():
        annotation = parameter.annotation
        if isinstance(annotation, str):
            if annotation.split(" |")[0].strip() in ("ReviewFile",):
                rules[name] = ("review", None)
                continue
            try:
                annotation = eval(annotation, names)  # the module's own names (its Literal aliases)
            except Exception:  # a name imported only for type checkers: not checked at run time
                continue
        union = typing.get_origin(annotation) in (typing.Union, types.UnionType)
        parts = typing.get_args(annotation) if union else (annotation,)
        parts = tuple(p for p in parts if p is not type(None))
        if len(parts) == 1 and typing.get_origin(parts[0]) is Literal:
            rules[name] = ("choice", typing.get_args(parts[0]))
        elif parts == (int,):
            rules[name] = ("whole", None)
        elif len(parts) == 1 and isinstance(parts[0], type) and issubclass(parts[0], dt.date):
            rules[name] = ("date", parts[0])
        elif len(parts) == 1 and typing.get_origin(parts[0]) is Sequence and typing.get_args(parts[0]) == (str,):
            rules[name] = ("texts", None)
    return rules


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
