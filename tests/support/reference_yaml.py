"""The reference semantics of a review's YAML, written the plain way, for the differential test.

It lists libyaml's events for the whole document and builds data by recursive descent: slow, and
simple enough to check by eye against the README's rules. The production reader
(slotting.reading.yaml_text) reads the same events in one loop with an explicit stack and positions;
tests/test_reading_agrees.py runs both over a generated corpus and requires the same data, or a
refusal from both. (Both take libyaml's syntax: PyYAML's pure-Python scanner differs from it on
edge cases such as a tab before a colon, which is not what this test is about.)

The rules: quoted and block scalars are text; a plain scalar is null (``, `~`, `null` in three
spellings), a boolean (`true`/`false` in three spellings) or else the text written; explicit tags
`!!str`, `!!int`, `!!float` give the text, `!!null` and `!!bool` their value, any other tag is
refused; anchors, aliases, merge keys, duplicate keys, non-scalar keys, a second document,
nesting deeper than limits.NESTING, a value longer than limits.TEXT_CHARS, and the characters of
yaml_text._FORBIDDEN are refused.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from slotting import limits

NULLS = {"", "~", "null", "Null", "NULL"}
TRUES = {"true", "True", "TRUE"}
FALSES = {"false", "False", "FALSE"}
TAG = "tag:yaml.org,2002:"
FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff]")


class Refused(Exception):
    """The file is refused (the reason is not compared: only that both readers refuse)."""


def read(text: str) -> Any:
    """Gives the data of one review document, or raises Refused."""
    if FORBIDDEN.search(text):
        raise Refused("forbidden character")
    try:
        events = list(yaml.parse(text, Loader=yaml.CSafeLoader))
    except yaml.YAMLError as err:
        raise Refused(str(err)) from None
    documents = sum(isinstance(e, yaml.DocumentStartEvent) for e in events)
    if documents > 1:
        raise Refused("a second document")
    if documents == 0:
        return None
    value, _ = _node(events, 2, 0)  # after StreamStart and DocumentStart
    return value


def _node(events: list, i: int, depth: int) -> tuple[Any, int]:
    """Gives (the value of the node starting at events[i], the index after it)."""
    event = events[i]
    if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
        raise Refused("anchor or alias")
    if isinstance(event, yaml.ScalarEvent):
        return _scalar(event), i + 1
    if depth >= limits.NESTING:
        raise Refused("too deep")
    if event.tag not in (None, TAG + "seq", TAG + "map"):
        raise Refused("tag")
    i += 1
    if isinstance(event, yaml.SequenceStartEvent):
        items = []
        while not isinstance(events[i], yaml.SequenceEndEvent):
            item, i = _node(events, i, depth + 1)
            items.append(item)
        if len(items) > limits.RECORDS:
            raise Refused("too many items")
        return items, i + 1
    result: dict[str, Any] = {}
    while not isinstance(events[i], yaml.MappingEndEvent):
        key = events[i]
        if not isinstance(key, yaml.ScalarEvent) or key.tag is not None or key.anchor is not None:
            raise Refused("key")
        if len(key.value) > limits.TEXT_CHARS:
            raise Refused("key too long")
        if key.value == "<<" and not key.style:
            raise Refused("merge key")
        if key.value in result:
            raise Refused("duplicate key")
        result[key.value], i = _node(events, i + 1, depth + 1)
    return result, i + 1


def _scalar(event: yaml.ScalarEvent) -> Any:
    value, tag = event.value, event.tag
    if len(value) > limits.TEXT_CHARS:
        raise Refused("too long")
    if tag is None and not event.style:
        if value in NULLS:
            return None
        if value in TRUES:
            return True
        if value in FALSES:
            return False
        return value
    if tag in (None, "!", TAG + "str", TAG + "int", TAG + "float"):
        return value
    if tag == TAG + "null" and value in NULLS:
        return None
    if tag == TAG + "bool" and value in TRUES | FALSES:
        return value in TRUES
    raise Refused("tag")
