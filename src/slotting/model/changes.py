"""What-if reviews: a review with some of its sections changed, validated as loading validates (ReviewFile.with_changes).

A change is merged into the section it names: a mapping key by key, into the section's model or mapping and
on into theirs (`policy={"protection": {"cap": 5000}}` changes the cap and keeps the scheme); anything else (a
list, a model, a number, None) takes the place of what was there. The merged data is validated as the loader
validates a file's: field by field, then the references, the policy's and the finance view's checks, then the
check the review was loaded with (the decisions against the proposal). The result is a fresh review: nothing
cached from the old one's figures, and the record of the files it was read from carried over.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel

from .review import ReviewFile, read_from
from .validation import Given, validate

SHOWN_AS = "review.with_changes(...)"


def changed(review: ReviewFile, changes: Mapping[str, Any]) -> ReviewFile:
    """Gives the review with `changes` (section name -> change) merged in and the whole validated, or raises
    InputError with each problem located by its path (policy.assimilate_threshold)."""
    data: dict[str, Any] = {name: getattr(review, name) for name in review.model_fields_set}
    for name, change in changes.items():
        data[name] = merged(getattr(review, name, None) if name in ReviewFile.model_fields else None, change)
    later = review.__dict__.get("_later")
    return read_from(validate(data, Given(SHOWN_AS), later=later), review.sources, later)


def merged(current: Any, change: Any) -> Any:
    """Gives a change merged into the current value: a mapping key by key into a model or a mapping (the model's
    fields given, and its extra keys, kept as they are), anything else in its place."""
    if not isinstance(change, Mapping):
        return change
    if isinstance(current, BaseModel):
        base: dict[Any, Any] = {name: getattr(current, name) for name in current.model_fields_set}
        base.update(current.model_extra or {})
    elif isinstance(current, Mapping):
        base = dict(current)
    else:
        return change
    # A key given as text names the key written as a number (a spinal point 2 changed by "2"), as a file's would.
    spelled: dict[str, Any] = {str(key): key for key in base}
    for given, value in change.items():
        key = spelled.get(str(given), given)
        base[key] = merged(base.get(key), value)
    return base
