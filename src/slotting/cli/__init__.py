"""The `slotting` command line: one small module per command, over the library API."""

from . import equality, explain, run, savings, schema, validate  # noqa: F401 - each registers its command
from .base import app

__all__ = ["app"]
