"""The bases of the input models: frozen, unknown keys refused, and a model built directly in Python
(`Policy(assimilate_threshold=150)`) refused with slotting.InputError, as a file would be, not pydantic's error.

Pydantic builds the models it validates inside others (a review's policy) without calling the class, and calls
a model's own `__init__` for them when the class defines one; so the refusal is made where only a direct call
passes, in the metaclass's `__call__`. Validation inside pydantic (model_validate, a review's sections, the
loader) raises pydantic's ValidationError as before, which the loader and with_changes locate.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache, cached_property
from typing import TYPE_CHECKING, Any, ClassVar, Self

from pydantic import BaseModel, ConfigDict, ValidationError
from pydantic._internal._model_construction import ModelMetaclass  # the metaclass of BaseModel, to extend it
from pydantic.dataclasses import dataclass

from ..problems import InputError

# Validators are built when first used, not on import: each model's validator holds its parts' whole, so building
# every one on import did most of the work again that the review's own validator does once (measured in the
# commit that made this change; the outputs are the same).
CONFIG = ConfigDict(frozen=True, extra="forbid", hide_input_in_errors=True, defer_build=True)


def refused(cls: type[Any], err: ValidationError, given: dict[str, Any]) -> InputError:
    """Gives the InputError of a model built in Python with bad arguments: each problem located by its field's path
    under the model's name, worded as the loader words it."""
    from .validation import Given, problems_of

    return InputError(problems_of(err.errors(include_url=False), given, Given(f"{cls.__name__}(...)"), root=cls))


class _Refusing:
    if not TYPE_CHECKING:  # to type checkers a model's call stays the call of its fields
        def __call__(cls, *args, **kwargs):
            try:
                return super().__call__(*args, **kwargs)
            except ValidationError as err:
                raise refused(cls, err, kwargs) from None


class _ModelMeta(_Refusing, ModelMetaclass):
    pass


class _RecordMeta(_Refusing, type):
    pass


class Model(BaseModel, metaclass=_ModelMeta):
    """A section of the input format."""

    model_config = CONFIG
    __kept_on_copy__: ClassVar[frozenset[str]] = frozenset()  # cached properties a copy keeps

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Self:
        """Gives a copy, as pydantic's model_copy does (`update` is not validated: ReviewFile.with_changes validates),
        without the values cached from this model's fields (pydantic's copy keeps them), which the copy finds again
        from its own."""
        copied = super().model_copy(update=update, deep=deep)
        for name in _cached(type(self)):
            copied.__dict__.pop(name, None)
        return copied


@cache
def _cached(cls: type[Model]) -> tuple[str, ...]:
    """Gives the names of a model's cached properties that a copy drops."""
    return tuple(name for klass in cls.__mro__ for name, value in vars(klass).items()
                 if isinstance(value, cached_property) and name not in cls.__kept_on_copy__)


class Record(metaclass=_RecordMeta):
    """A record of the input that comes by the thousand (a post, a person, an overlap): a pydantic dataclass, a third
    faster to validate than a model, and with slots it has no dict each."""

    __slots__ = ()


record = dataclass(frozen=True, kw_only=True, slots=True,
                   config=ConfigDict(extra="forbid", hide_input_in_errors=True, defer_build=True))
