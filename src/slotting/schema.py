"""The JSON Schema of the input format, generated from the models so that it cannot drift."""

from __future__ import annotations

import json

from .models import ReviewFile

SCHEMA_ID = "https://slotting.invalid/schema/review.json"


def schema_dict() -> dict:
    """Gives the JSON Schema (draft 2020-12) of a review file."""
    schema = ReviewFile.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "slotting review"
    schema["description"] = (
        "A restructure for `slotting`: structures, people, job-description overlaps, policy and costing. "
        "Several files may each give some of the top-level sections."
    )
    schema.pop("required", None)  # sections may be split across files; `slotting validate` checks the whole
    return schema


def schema_json() -> str:
    return json.dumps(schema_dict(), indent=2, ensure_ascii=False) + "\n"
