"""The `slotting` console script: starts reading large review files, then runs the command.

It imports nothing heavy itself, so the reading (prefetch.py) overlaps the imports of cli.py.
"""

from __future__ import annotations

import sys


def main() -> None:
    from . import prefetch

    prefetch.start(sys.argv[1:])
    from .cli import entry

    entry()
