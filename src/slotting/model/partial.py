"""What could be read of a review that does not validate: its cross-references are still checked, in one pass.

A review with a bad salary in one row used to be checked in rounds: field errors first, references and policy
only once every field was right. Here the parts that validate make a partial review: each section on its own,
each record of a list on its own (a record that does not validate is left out), a model section with its bad
keys left out. The reference and policy checks run on it, and their problems are kept only where the partial
review can answer for them:
- a reference to an id that a left-out record gives (or to any id of a section that could not be read at all)
  is not reported: it would be a second, misleading message for the one problem already reported;
- a problem inside a model section that had keys left out, or about a value whose own check failed, is not
  reported (a policy's contradiction measured against a default that stands in for a bad value is no problem);
- paths are given as in the data read, not in the partial review's lists, which have fewer records.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any, cast, get_args

from pydantic import BaseModel, TypeAdapter, ValidationError

from . import messages
from .review import ReviewFile
from .types import unwrap

_MODEL_SECTIONS = ("review", "policy", "costing", "evidence")
_LISTS: tuple[tuple[str, ...], ...] = (("grades",), ("people",), ("overlaps",), ("old_structure", "posts"),
                                        ("new_structure", "posts"), ("decisions",))

# The reference messages of model/references.py and model/decisions.py: the kind named -> the section of its ids.
KINDS: dict[str, tuple[str, ...]] = {
    "person": ("people",), "old post": ("old_structure", "posts"), "new post": ("new_structure", "posts"),
    "grade": ("grades",), "pay spine": ("pay_spines",), "group": ("review",), "decision": ("decisions",)}
_UNKNOWN = re.compile(r"unknown (" + "|".join(KINDS) + r") ('(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")")
SUGGESTED = 200  # at most this many unknown ids get a suggestion: 20,000 of them against 20,000 ids would take minutes
_FIRST_AT = re.compile(r" \(first at index (\d+)\)")


@dataclass
class Partial:
    """A review made of what validated, and what was left out of it."""

    review: ReviewFile
    kept: dict[tuple[Any, ...], list[int]] = field(default_factory=dict)  # a list's path -> the data index of each record kept
    left_out_ids: set[str] = field(default_factory=set)  # the ids of records (and spines) left out
    left_out_held: set[str] = field(default_factory=set)  # the posts that the people left out hold
    left_out: set[tuple[Any, ...]] = field(default_factory=set)  # sections left out whole, or with keys left out
    suggested: int = 0  # the "did you mean" hints given: each looks through every id of its kind
    duplicates: list[tuple[tuple[Any, ...], str]] = field(default_factory=list)  # ids given twice where a record is left out

    def original(self, path: tuple[Any, ...]) -> tuple[Any, ...]:
        """Gives a path into the partial review as a path into the data read."""
        for prefix, indexes in self.kept.items():
            n = len(prefix)
            if path[:n] == prefix and len(path) > n and isinstance(path[n], int) and path[n] < len(indexes):
                return (*prefix, indexes[path[n]], *path[n + 1:])
        return path


@cache
def _adapter(tp: Any) -> TypeAdapter[Any]:
    return TypeAdapter(tp)


def _element(owner: Any, path: tuple[str, ...]) -> Any:
    for name in path:
        owner = unwrap(owner.model_fields[name].annotation)
    return get_args(owner)[0]


def partial_review(data: dict[Any, Any], unread: set[tuple[Any, ...]]) -> Partial:
    """Gives the review made of the parts of `data` that validate (sections in `unread` are left out whole)."""
    values: dict[str, Any] = {}
    found = Partial(review=ReviewFile.model_construct(**values))  # its review is made last, of the values
    lists: dict[tuple[Any, ...], list[Any]] = {}
    for path in _LISTS:
        raw: Any = data
        for name in path:
            raw = raw.get(name) if isinstance(raw, dict) else None
        if path in unread or path[:1] in unread or not isinstance(raw, list):
            found.left_out.add(path)
            lists[path] = []
            continue
        records, kept = _records_kept(raw, path, found)
        lists[path], found.kept[path] = records, kept
        if len(kept) < len(raw):
            found.duplicates += _duplicates(raw, records, kept, path)
    for name in ("grades", "people", "overlaps", "decisions"):
        values[name] = lists[(name,)]
    for name in ("old_structure", "new_structure"):
        values[name] = unwrap(ReviewFile.model_fields[name].annotation).model_construct(posts=lists[(name, "posts")])
    values["pay_spines"] = _spines(data.get("pay_spines"), found)
    for name in _MODEL_SECTIONS:
        values[name] = _section(name, data.get(name), (name,) in unread, found)
    found.review = ReviewFile.model_construct(**values)
    return found


def _records_kept(raw: list[Any], path: tuple[str, ...], found: Partial) -> tuple[list[Any], list[int]]:
    """Gives the records of a list that validate and their indexes in the data; the ids of those left out (and the
    posts that the people left out hold) are noted in `found`."""
    adapter, kept, records = _adapter(_element(ReviewFile, path)), [], []
    for i, item in enumerate(raw):
        if not isinstance(item, BaseModel) and not hasattr(item, "__pydantic_fields__"):
            try:
                item = adapter.validate_python(item)
            except ValidationError:
                for key, into in (("id", found.left_out_ids), ("post", found.left_out_held)):
                    given = item.get(key) if isinstance(item, dict) else None
                    if isinstance(given, (str, int)) and not isinstance(given, bool) and (
                            key == "id" or path == ("people",)):
                        into.add(str(given))
                continue
        kept.append(i)
        records.append(item)
    return records, kept


_KIND_OF = {("grades",): "grade", ("people",): "person", ("old_structure", "posts"): "old post",
            ("new_structure", "posts"): "new post", ("decisions",): "decision"}


def _duplicates(raw: list[Any], records: list[Any], kept: list[int], path: tuple[Any, ...]) -> list[tuple[tuple[Any, ...], str]]:
    """Gives the ids given twice in a list where one of the two records is left out (the reference checks find
    those given twice among the records kept), as references.py words them, with the data's indexes."""
    ids: dict[int, str] = {i: record.id for i, record in zip(kept, records) if hasattr(record, "id")}
    for i, item in enumerate(raw):
        given = item.get("id") if isinstance(item, dict) and i not in ids else None
        if isinstance(given, (str, int)) and not isinstance(given, bool):
            ids[i] = str(given)
    first: dict[str, int] = {}
    found = []
    left_out = set(range(len(raw))) - set(kept)
    for i in sorted(ids):
        if ids[i] in first and (i in left_out or first[ids[i]] in left_out):
            found.append(((*path, i, "id"), f"duplicate {_KIND_OF[path]} id {ids[i]!r} (first at index {first[ids[i]]})"))
        first.setdefault(ids[i], i)
    return found


def _spines(raw: Any, found: Partial) -> dict[Any, Any]:
    if not isinstance(raw, dict):
        found.left_out.add(("pay_spines",))
        return {}
    adapter = _adapter(get_args(unwrap(ReviewFile.model_fields["pay_spines"].annotation))[1])
    spines = {}
    for name, spine in raw.items():
        try:
            spines[str(name)] = adapter.validate_python(spine)
        except ValidationError:
            found.left_out_ids.add(str(name))
    return spines


def _section(name: str, raw: Any, unread: bool, found: Partial) -> Any:
    """Gives a model section as validated, with its bad keys left out, or its default (None for the review)."""
    info = ReviewFile.model_fields[name]
    default = None if info.is_required() else info.get_default(call_default_factory=True)
    if raw is None and not info.is_required():
        return default
    adapter = _adapter(cast(Any, info.annotation))
    if not unread:
        try:
            return adapter.validate_python(raw)
        except ValidationError as err:
            errors = err.errors()
            bad = {e["loc"][0] for e in errors if e["loc"] and isinstance(e["loc"][0], str)}
            if isinstance(raw, dict) and bad:
                try:
                    kept = adapter.validate_python({k: v for k, v in raw.items() if k not in bad})
                except ValidationError:
                    pass
                else:  # only unknown keys left out: the section read is the section meant
                    if any(e["type"] != "extra_forbidden" for e in errors):
                        found.left_out.add((name,))
                    return kept
    found.left_out.add((name,))
    if name == "review":  # every other field of the review has a default
        model = unwrap(info.annotation)
        return model.model_construct(name="")
    return default


def keep(at: tuple[Any, ...], path: tuple[Any, ...], message: str, found: Partial, shaped: list[tuple[Any, ...]],
         unread: set[tuple[Any, ...]]) -> str | None:
    """Gives a reference problem's message as it is to be reported (with the id most likely meant), or None when
    the partial review cannot answer for it. `at` is the problem's path in the partial review, `path` in the data;
    `shaped` the paths of the fields refused."""
    if at[:2] == ("old_structure", "posts") and len(at) > 2 and message.startswith("vacant post") and (
            ("people",) in found.left_out or found.review.old_structure.posts[at[2]].id in found.left_out_held):
        return None  # its holder may be among the people who could not be read
    if any(path[:len(section)] == section for section in found.left_out | unread if section[:1] in _MODEL_SECTIONS) \
            or any(bad[:len(path)] == path or path[:len(bad)] == bad for bad in shaped):
        return None
    named = _UNKNOWN.search(message)
    if named is None:
        return message
    section = KINDS[named.group(1)]
    if section in unread or section[:1] in unread or section in found.left_out:
        return None
    try:
        value = ast.literal_eval(named.group(2))
    except (ValueError, SyntaxError):
        return message
    if value in found.left_out_ids:
        return None
    found.suggested += 1
    if found.suggested > SUGGESTED:
        return message
    near = messages.nearest(value, _ids(found.review, named.group(1)))
    if near is None:
        return message
    return message[:named.end()] + f"; did you mean {near!r}?" + message[named.end():]


def _ids(r: ReviewFile, kind: str) -> list[str]:
    if kind == "person":
        return list(r.person)
    if kind == "old post":
        return list(r.old_post)
    if kind == "new post":
        return list(r.new_post)
    if kind == "grade":
        return list(r.grade)
    if kind == "pay spine":
        return list(r.pay_spines)
    if kind == "group":
        return list(r.review.groups)
    return [d.id for d in r.decisions]


def first_at(message: str, path: tuple[Any, ...], found: Partial | None, where: Any) -> str:
    """Gives a duplicate id's message with its first record located (`where(path)` gives (line, cell)) rather than
    by its index in the list."""
    at = _FIRST_AT.search(message)
    if at is None:
        return message
    index = int(at.group(1))
    items = next((i for i in range(len(path)) if isinstance(path[i], int)), None)
    if items is None:
        return message
    prefix = path[:items]
    if found is not None and prefix in found.kept and index < len(found.kept[prefix]):
        index = found.kept[prefix][index]
    line, cell = where((*prefix, index, "id"))
    shown = f"first at {cell}" if cell else f"first at line {line}" if line else f"first at index {index}"
    return message[:at.start()] + f" ({shown})" + message[at.end():]
