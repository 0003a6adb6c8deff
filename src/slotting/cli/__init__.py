"""The `slotting` command line: one small module per command, over the library API."""

from . import compare, equality, explain, init, letters, overlaps, report, run, savings, schema, sensitivity, timeline, validate  # noqa: F401 - each registers its command
from .base import app

__all__ = ["app"]
