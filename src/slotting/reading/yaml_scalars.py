"""How a plain YAML scalar reads, for both YAML readers: the one table of spellings that are not text.

The YAML 1.2 core schema's nulls (`null`, `~`, empty) and booleans (`true`/`false` in three spellings)
are the only plain scalars that are not kept as the text written, so an id `007`, an answer `No`, a time
`12:30` and a salary `110484.50` survive as text (the model makes the salary an exact Decimal). A quoted
or block scalar is always text.

The compiled reader (yaml_fast) reads through JSON, where `null`, `true` and `false` keep their
meaning and every other spelling below turns into a string; `AS_STRING_IN_JSON` names those, so that the
compiled reader hands any text holding one of them to the reference reader rather than guess.
"""

from __future__ import annotations

from typing import Any

NULLS = frozenset({"", "~", "null", "Null", "NULL"})
TRUES = frozenset({"true", "True", "TRUE"})
FALSES = frozenset({"false", "False", "FALSE"})
PLAIN: dict[str, Any] = {**dict.fromkeys(NULLS), **dict.fromkeys(TRUES, True), **dict.fromkeys(FALSES, False)}

# JSON's own literals for the same values: a plain scalar spelled so is read alike by both readers
_JSON_LITERALS = {"": None, "null": None, "true": True, "false": False}
AS_STRING_IN_JSON = frozenset(spelling for spelling in PLAIN if spelling not in _JSON_LITERALS)


def plain(value: str) -> Any:
    """Gives what a plain (unquoted, untagged) scalar means: None, True, False or its text."""
    return PLAIN.get(value, value)
