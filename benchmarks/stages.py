"""Where one `slotting` command spends its time: wall seconds per stage, in a single run.

    python benchmarks/stages.py run benchmarks/out/review_20000.yaml --format json -o /dev/null

Runs the command as the console script does (same process settings, same exit) with a timer around
each stage: start-up and imports, reading, the YAML parse, pydantic validation, reference checks,
slotting, savings, rendering and writing. Stages that the command does
not reach are not listed; start-up includes every module wrapped here, a little more than one command
imports. Use it to see what a change gained; benchmarks/run.py gives the totals.
"""

from __future__ import annotations

import os
import sys
import time

START = time.perf_counter()

import gc  # noqa: E402

gc.disable()  # as the console script (console.py) does
import slotting  # noqa: E402
import slotting.cli  # noqa: E402 - imported before the clock stops, as a command imports it
import slotting.render  # noqa: E402
from slotting import console, output  # noqa: E402
from slotting.reading import yaml_text  # noqa: E402

load = sys.modules["slotting.reading.loader"]

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
    timed(load, "read_text", "read the file")
    timed(yaml_text, "parse", "parse (libyaml events, resolved)")
    timed(load, "check_references", "reference checks")
    timed(load, "validate", "pydantic validation and reference checks")
    timed(slotting, "slot", "slotting")
    timed(slotting, "cost", "savings")
    timed(output, "emit", "the output: made record by record, encoded and written")
    leave = os._exit

    def report(code: int) -> None:
        total = time.perf_counter() - START
        lines = [f"{'start-up and imports':<42} {IMPORTS:7.3f} s"]
        lines += [f"{label:<42} {seconds:7.3f} s" for label, seconds in STAGES]
        accounted = IMPORTS + sum(seconds for _, seconds in STAGES)
        lines += [f"{'other':<42} {total - accounted:7.3f} s",
                  f"{'total (after interpreter start)':<42} {total:7.3f} s"]
        sys.stderr.write("\n".join(lines) + "\n")
        sys.stderr.flush()
        leave(code)

    os._exit = report
    sys.argv = ["slotting", *sys.argv[1:]]
    console.main()


if __name__ == "__main__":
    main()
