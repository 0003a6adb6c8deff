"""The JSON Schema of the input format, generated from the models so that it cannot drift.

It describes what `slotting validate` accepts as far as a schema can say it: the shapes, the ranges, the
enumerations and the required sections. References between sections (a person's post, an overlap's
posts), uniqueness of ids, cross-field rules (spine and points together) and YAML rules (no aliases,
duplicate keys or tags) are left to `slotting validate`; tests/test_schema.py lists each of those.

Adjustments to pydantic's schema, each to match what the loader does with a file:
- Decimal fields (which the models also accept as text, because our loader passes numbers as exact
  text) are plain numbers, and ids and texts may be written as numbers (`id: 12`, kept as the text "12");
- any top-level section may name a YAML file in the review's folder that holds it, and a list section
  (people, overlaps, old_structure.posts, new_structure.posts, decisions) a CSV file or a workbook's sheet,
  with a mapping of its columns to fields (`columns`);
- `evidence` is given as {jds: FOLDER, mapping: FILE};
- fields whose validators take another form than the model keeps (financial_year_start as MM-DD, a
  protection scheme by name) or allow fewer values than their type (round_to) say so.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from .. import limits
from . import review as models
from .review import ReviewFile
from .types import fields_of

ID_DESCRIPTION = "An identifier, unique within its kind."
# pydantic leaves the constraints of an optional constrained type under their Python names
_KEYWORDS = {"ge": "minimum", "le": "maximum", "gt": "exclusiveMinimum", "lt": "exclusiveMaximum"}

# The file names the loader (reading.loader, reading.workbook) takes; tests/test_schema.py checks they agree.
SECTION_FILE_SUFFIXES = (".yaml", ".yml")
TABLE_FILE_SUFFIXES = (".csv", ".xlsx", ".ods")
WORKBOOK_SUFFIXES = (".xlsx", ".ods")
LIST_SECTIONS = (("people",), ("overlaps",), ("old_structure", "posts"), ("new_structure", "posts"), ("decisions",))

# MM-DD of a day every year has (29 February is refused: most years lack it)
_MONTH_DAY = r"^(?:(?:0[1-9]|1[0-2])-(?:0[1-9]|1[0-9]|2[0-8])|(?:0[13-9]|1[0-2])-(?:29|30)|(?:0[13578]|1[02])-31)$"


def _suffix_pattern(suffixes: tuple[str, ...]) -> str:
    """Gives a pattern matching names that end with one of the suffixes, in any case (JSON Schema's
    patterns have no case-insensitive flag)."""
    spelled = ["".join(f"[{c.upper()}{c}]" if c.isalpha() else c for c in suffix.lstrip(".")) for suffix in suffixes]
    return r"\.(?:" + "|".join(spelled) + ")$"


_FILES: dict[str, dict[str, Any]] = {
    "SectionFile": {
        "type": "string", "pattern": _suffix_pattern(SECTION_FILE_SUFFIXES),
        "description": "A YAML file in the review's folder (or below it) that holds this section.",
    },
    "TableFile": {
        "type": "string", "pattern": _suffix_pattern(TABLE_FILE_SUFFIXES),
        "description": "A CSV file, or the first visible sheet of an .xlsx or .ods workbook, in the review's "
                       "folder: one row per record under a header row of field names.",
    },
    "TableSheet": {
        "type": "object",
        "properties": {
            "file": {"type": "string", "pattern": _suffix_pattern(TABLE_FILE_SUFFIXES),
                     "description": "The CSV file or workbook, in the review's folder."},
            "sheet": {"type": "string", "description": "The sheet's name (a workbook only; default: the first "
                      "visible sheet)."},
            "columns": {"type": "object", "additionalProperties": {"type": "string", "minLength": 1},
                        "description": "The table's columns as an HR system names them -> the field each gives, or "
                        "ignore to leave the column out, e.g. {Employee Number: id, Annual Salary: salary, "
                        "Assignment number: ignore}."},
        },
        "required": ["file"],
        "additionalProperties": False,
        "if": {"properties": {"file": {"pattern": _suffix_pattern((".csv",))}}},
        "then": {"not": {"required": ["sheet"]}},
        "description": "A table named with its sheet and its columns' mapping, e.g. {file: hr.xlsx, sheet: People, "
                       "columns: {Employee Number: id}}.",
    },
    "EvidenceFiles": {
        "type": "object",
        "properties": {
            "jds": {"type": "string", "description": "A folder of job descriptions (.yaml or .md files)."},
            "mapping": {"type": "string", "description": "The duty-by-duty mapping, a YAML file."},
        },
        "required": ["jds", "mapping"],
        "additionalProperties": False,
        "description": "The job descriptions' folder and the mapping's file, in the review's folder.",
    },
}


def _tidy(node: Any) -> Any:
    if isinstance(node, list):
        return [_tidy(n) for n in node]
    if not isinstance(node, dict):
        return node
    node = _number_not_text({_KEYWORDS.get(k, k): _tidy(v) for k, v in node.items()})
    numeric = node.get("type") == "number" or any(o.get("type") == "number" for o in node.get("anyOf", []))
    if isinstance(node.get("default"), str) and _is_number(node["default"]) and numeric:
        value = Decimal(node["default"])
        node["default"] = int(value) if value == value.to_integral_value() else float(value)
    # the loader keeps a plain number written for an id or a text (`id: 12`, `title: 2012`) as the text written
    if node.get("type") == "string" and (node.get("description") == ID_DESCRIPTION
                                         or node.get("maxLength") == limits.TEXT_CHARS and "pattern" not in node):
        node["type"] = ["string", "number"]
    return node


def _number_not_text(node: dict[Any, Any]) -> dict[Any, Any]:
    """Gives a node whose options are a number or its text (the reader's form) as the number alone, beside any other
    options."""
    options = node.get("anyOf")
    if options and {"type": "string"} in options and any(o.get("type") == "number" for o in options):
        number = next(o for o in options if o.get("type") == "number")
        rest = [o for o in options if o.get("type") not in ("number", "string")]
        del node["anyOf"]
        if rest:
            node["anyOf"] = [number, *rest]
        else:
            node.update(number)
    return node


def _is_number(text: str) -> bool:
    try:
        return Decimal(text).is_finite()
    except ArithmeticError:
        return False


def _shape(node: dict[Any, Any], *shapes: dict[Any, Any]) -> None:
    """Replaces a property's shape (its type, items, reference, constraints) by the shapes given (one of them),
    keeping what describes it (title, description, default)."""
    kept = {k: node[k] for k in ("title", "description", "default") if k in node}
    node.clear()
    node.update(kept)
    if len(shapes) == 1:
        node.update(shapes[0])
    else:
        node["anyOf"] = list(shapes)


def _or_file(node: dict[Any, Any], *files: str) -> None:
    """Lets a property be given as it is or as one of the named files instead."""
    kept = {k: node.pop(k) for k in ("title", "description", "default") if k in node}
    own = dict(node)
    node.clear()
    node.update(kept)
    node["anyOf"] = [*(own["anyOf"] if list(own) == ["anyOf"] else [own]), *({"$ref": f"#/$defs/{f}"} for f in files)]


def _fields_as_validated(defs: dict[Any, Any]) -> None:
    """Gives the fields whose validators read another form than the model keeps, or allow fewer values than its
    type, the schema of what a file may say."""
    costing = defs["Costing"]["properties"]
    _shape(costing["financial_year_start"], {"type": "string", "pattern": _MONTH_DAY}, {"type": "null"})
    _shape(costing["round_to"], {"enum": [int(r) for r in limits.ROUND_TO]})
    protection = defs["Policy"]["properties"]["protection"]
    # a scheme by name alone: tapered needs its shares, so only cash and mark_time
    _shape(protection, {"$ref": "#/$defs/Protection"}, {"enum": ["cash", "mark_time"]})
    # keys are whole numbers written plainly (model.review._points_written_once, costing._ages_written_once)
    defs["PensionStrain"]["properties"]["factors"]["propertyNames"] = {"pattern": "^[1-9][0-9]$"}


def _spinal_points_plain(schema: dict[Any, Any]) -> None:
    spine = schema["properties"]["pay_spines"]["additionalProperties"]
    spine["propertyNames"] = {"pattern": "^(?:0|[1-9][0-9]{0,5})$"}


def _files_as_loaded(schema: dict[Any, Any]) -> None:
    """Lets each section name the file that holds it, as the loader reads it."""
    defs = schema["$defs"]
    defs.update(_FILES)
    for section in LIST_SECTIONS:
        owner = schema if len(section) == 1 else defs["OldStructure" if section[0] == "old_structure" else "NewStructure"]
        _or_file(owner["properties"][section[-1]], "TableFile", "TableSheet")
    evidence = schema["properties"]["evidence"]
    evidence["anyOf"].insert(0, {"$ref": "#/$defs/EvidenceFiles"})
    for node in schema["properties"].values():
        _or_file(node, "SectionFile")


def schema_dict() -> dict[Any, Any]:
    """Gives the JSON Schema (draft 2020-12) of a review file."""
    schema = _tidy(ReviewFile.model_json_schema(mode="validation"))
    for name, node in schema.get("$defs", {}).items():
        # pydantic lists a dataclass's properties out of order: give them in the order of the fields
        order = list(fields_of(getattr(models, name, None)) or [])
        if order and "properties" in node:
            node["properties"] = {k: node["properties"][k] for k in order if k in node["properties"]}
            if "required" in node:
                node["required"] = [k for k in order if k in node["required"]]
    _fields_as_validated(schema["$defs"])
    _spinal_points_plain(schema)
    _files_as_loaded(schema)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "slotting review"
    schema["description"] = (
        "A restructure for `slotting`: structures, people, job-description overlaps, policy and costing, in one "
        "review file. Any section may instead name a YAML file in the review's folder that holds it, and a list "
        "section (people, overlaps, the structures' posts) a CSV file or a workbook's sheet. References between "
        "sections and the policy's cross-checks are checked by `slotting validate`."
    )
    schema["required"] = [name for name, f in ReviewFile.model_fields.items() if f.is_required()]
    return schema


def schema_json() -> str:
    """Gives the JSON Schema as the text `slotting schema` prints (and slotting.schema.json holds)."""
    return json.dumps(schema_dict(), indent=2, ensure_ascii=False) + "\n"
