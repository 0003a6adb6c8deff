"""The `slotting` command line: one small module per command, over the library API."""

from . import (  # noqa: F401 - each registers its command
    compare,
    equality,
    explain,
    init,
    letters,
    overlaps,
    redeployment,
    report,
    run,
    savings,
    schema,
    sensitivity,
    timeline,
    validate,
)
from .base import app

__all__ = ["app"]
