"""`slotting schema`: the JSON Schema of the input format."""

from __future__ import annotations

import sys

from .base import app, guard


@app.command()
def schema() -> None:
    """Print the JSON Schema of the input format (for editors)."""

    def body() -> int:
        from .. import schema as schema_json

        sys.stdout.write(schema_json())
        return 0

    guard(body)
