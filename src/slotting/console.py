"""The `slotting` console script: the only place that tunes the process.

The cyclic garbage collector stays off: a command is a short-lived process whose objects (up to a
million records) are all alive until it ends, so each collection would walk them for nothing. The
process leaves with os._exit once every output is flushed, rather than freeing those objects one
by one.
"""

from __future__ import annotations

import gc
import os
import sys


def main() -> None:
    gc.disable()
    from .cli import app

    try:
        app(prog_name="slotting")
        code = 0
    except SystemExit as done:
        code = done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
        if isinstance(done.code, str):
            print(done.code, file=sys.stderr)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:
        pass
    os._exit(code)
