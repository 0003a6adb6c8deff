"""The `slotting` console script: runs the command line and turns its end into an exit status.

Nothing here tunes the process. The garbage collector keeps its defaults and the interpreter exits as
usual, so a command can do whatever its own code allows (a letters run makes objects full of reference
cycles; a collector switched off would let them pile up until the machine runs out of memory).
"""

from __future__ import annotations

import sys


def main() -> None:
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
    except BrokenPipeError:  # the reader went away (`slotting run ... | head`): not an error of ours
        _quiet_stdout()
    sys.exit(code)


def _quiet_stdout() -> None:
    """Points standard output at the null device, so that the interpreter's own flush at exit is silent."""
    import contextlib
    import os

    with contextlib.suppress(OSError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
