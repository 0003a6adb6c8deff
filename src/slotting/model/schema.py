"""The JSON Schema of the input format, generated from the models so that it cannot drift.

Two adjustments make it match what editors see in YAML: Decimal fields (which the models also
accept as text, because our loader passes numbers as exact text) are plain numbers, and ids may
be written as integers (`id: 12`), which our loader keeps as the text "12".
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from . import review as models
from .review import ReviewFile
from .types import fields_of

ID_DESCRIPTION = "An identifier, unique within its kind."
# pydantic leaves the constraints of an optional constrained type under their Python names
_KEYWORDS = {"ge": "minimum", "le": "maximum", "gt": "exclusiveMinimum", "lt": "exclusiveMaximum"}


def _tidy(node: Any) -> Any:
    if isinstance(node, list):
        return [_tidy(n) for n in node]
    if not isinstance(node, dict):
        return node
    node = {_KEYWORDS.get(k, k): _tidy(v) for k, v in node.items()}
    options = node.get("anyOf")
    if options and {"type": "string"} in options and any(o.get("type") == "number" for o in options):
        number = next(o for o in options if o.get("type") == "number")
        rest = [o for o in options if o.get("type") not in ("number", "string")]
        del node["anyOf"]
        if rest:
            node["anyOf"] = [number, *rest]
        else:
            node.update(number)
    numeric = node.get("type") == "number" or any(o.get("type") == "number" for o in node.get("anyOf", []))
    if isinstance(node.get("default"), str) and _is_number(node["default"]) and numeric:
        value = Decimal(node["default"])
        node["default"] = int(value) if value == value.to_integral_value() else float(value)
    if node.get("description") == ID_DESCRIPTION and node.get("type") == "string":
        node["type"] = ["string", "integer"]
    return node


def _is_number(text: str) -> bool:
    try:
        return Decimal(text).is_finite()
    except ArithmeticError:
        return False


def schema_dict() -> dict:
    """Gives the JSON Schema (draft 2020-12) of a review file."""
    schema = _tidy(ReviewFile.model_json_schema(mode="validation"))
    for name, node in schema.get("$defs", {}).items():
        # pydantic lists a dataclass's properties out of order: give them in the order of the fields
        order = list(fields_of(getattr(models, name, None)) or [])
        if order and "properties" in node:
            node["properties"] = {k: node["properties"][k] for k in order if k in node["properties"]}
            if "required" in node:
                node["required"] = [k for k in order if k in node["required"]]
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "slotting review"
    schema["description"] = (
        "A restructure for `slotting`: structures, people, job-description overlaps, policy and costing. "
        "Several files may each give some of the top-level sections; `slotting validate` checks the whole."
    )
    schema.pop("required", None)
    return schema


def schema_json() -> str:
    return json.dumps(schema_dict(), indent=2, ensure_ascii=False) + "\n"
