"""Where one `slotting` command spends its time: wall seconds per stage, in a single run.

    python benchmarks/stages.py run benchmarks/out/review_20000.yaml --format json -o /dev/null

Runs the command as the console script does (same process settings, same exit; large files read
early, see prefetch.py) with a timer around each stage: start-up and imports (which the early
reading overlaps), waiting for that reading, reading, the fast YAML parse, the float check, pydantic
validation, reference checks, slotting, savings, rendering and writing. Stages that the command does
not reach are not listed; start-up includes every module wrapped here, a little more than one command
imports. Use it to see what a change gained; benchmarks/run.py gives the totals.
"""

from __future__ import annotations

import os
import sys
import time

START = time.perf_counter()

import gc  # noqa: E402

gc.disable()  # as the console script (launch.py) does, and it starts the early reading
from slotting import prefetch  # noqa: E402

prefetch.start(sys.argv[1:])
from slotting import cli, engine, fast_yaml, loader, render_run, render_savings, savings  # noqa: E402

IMPORTS = time.perf_counter() - START
STAGES: list[tuple[str, float]] = []


def timed(module, name: str, label: str) -> None:
    inner = getattr(module, name)

    def wrapper(*args, **kwargs):
        began = time.perf_counter()
        try:
            return inner(*args, **kwargs)
        finally:
            STAGES.append((label, time.perf_counter() - began))

    setattr(module, name, wrapper)


def main() -> None:
    timed(prefetch, "take", "wait for the early reading")
    timed(loader, "read_text", "read the file")
    timed(fast_yaml, "parse", "parse (yaml-rs) and risk scan")
    timed(loader, "misread_floats", "float check")
    timed(loader, "check_references", "reference checks")
    timed(engine, "slot", "slotting")
    timed(savings, "savings", "savings")
    timed(render_run, "run_data", "the slotting list as data, with reasons")
    timed(render_savings, "savings_data", "the savings as data")
    for renderer in (render_run, render_savings):
        timed(renderer, "json_chunks", "JSON (made record by record and encoded)")
    timed(cli, "_emit", "writing")
    timed(loader, "_validate_records_first", "pydantic validation")  # the fast path
    timed(loader, "validate", "pydantic validation")  # the strict path, and after reading records again
    leave = os._exit

    def report(code: int) -> None:
        total = time.perf_counter() - START
        lines = [f"{'start-up and imports':<42} {IMPORTS:7.3f} s"]
        lines += [f"{label:<42} {seconds:7.3f} s" for label, seconds in STAGES]
        accounted = IMPORTS + sum(seconds for _, seconds in STAGES)
        lines += [f"{'other':<42} {total - accounted:7.3f} s", f"{'total (after interpreter start)':<42} {total:7.3f} s"]
        sys.stderr.write("\n".join(lines) + "\n")
        sys.stderr.flush()
        leave(code)

    os._exit = report
    sys.argv = ["slotting", *sys.argv[1:]]
    cli.entry()


if __name__ == "__main__":
    main()
