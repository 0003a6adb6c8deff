"""Times the compiled YAML reader (reading/yaml_fast.py) against the reference reader and a bare parse.

    python benchmarks/yaml_reader.py                    # 20,000 people, 5 rounds
    python benchmarks/yaml_reader.py --size 100000 --repeat 3

On the synthetic review of benchmarks/run.py, in rounds (each round runs every command once, in a fresh
process, so that a machine whose speed drifts treats all alike): the bare parse (yaml-rs reading the file,
its import included: the benchmark's reference); each reader alone, timed inside its process (the text
already read); and `slotting validate` and `slotting run --format json` with each reader. "x parse" is the
median over rounds of each time divided by the same round's bare parse; the same for CPU time (the command
and its children, rapidyaml's process included), which a loaded machine barely changes. Goals (issue 32):
run <= 2.5x, validate <= 2x. Needs the bench extra: python -m pip install -e '.[bench]'.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
from pathlib import Path

from run import PYTHON, review

_READER = ("import sys, time; from slotting.reading import yaml_fast, yaml_text; "
           "text = open(sys.argv[1], encoding='utf-8').read(); t = time.perf_counter(); {call}; "
           "sys.stderr.write(f'seconds {{time.perf_counter() - t}}\\n')")
_REFERENCE_FOR_ALL = ("import sys; from slotting.reading import yaml_fast; yaml_fast.SMALLEST = float('inf'); "
                      "sys.argv[0] = 'slotting'; from slotting.console import main; main()")


_WRAPPER = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
            "r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE); "
            "w = time.perf_counter() - t; u = resource.getrusage(resource.RUSAGE_CHILDREN); "
            "print(r.returncode, w, u.ru_utime + u.ru_stime, u.ru_maxrss); sys.stderr.write(r.stderr.decode()[-500:])")


def timed(command: list[str]) -> tuple[float, float, float]:
    """Gives (wall seconds, CPU seconds of the command and its children, peak resident MB of the largest)
    of one command, run in a fresh process of its own. CPU time barely moves with the machine's load."""
    import subprocess

    done = subprocess.run([PYTHON, "-c", _WRAPPER, *command], capture_output=True, text=True)
    code, wall, cpu, peak_kb = done.stdout.split()
    if int(code) not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed ({code}): {done.stderr}")
    return float(wall), float(cpu), int(peak_kb) / 1024


def reader_seconds(call: str, path: Path) -> float:
    """Gives the seconds one reader takes inside a fresh process, the text already read."""
    import subprocess

    done = subprocess.run([PYTHON, "-c", _READER.format(call=call), str(path)], capture_output=True, text=True,
                          check=True)
    return float(done.stderr.split("seconds ")[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=20000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()
    path = review(args.size)
    devnull = ["-o", os.devnull]
    commands = {
        "bare parse (yaml-rs)": [PYTHON, "-c", "import sys, yaml_rs; yaml_rs.loads(open(sys.argv[1]).read(), "
                                 "parse_datetime=False)", str(path)],
        "validate": [PYTHON, "-m", "slotting", "validate", str(path)],
        "validate (reference reader)": [PYTHON, "-c", _REFERENCE_FOR_ALL, "validate", str(path)],
        "run --format json": [PYTHON, "-m", "slotting", "run", str(path), "--format", "json", *devnull],
        "run --format json (reference reader)": [PYTHON, "-c", _REFERENCE_FOR_ALL, "run", str(path), "--format",
                                                 "json", *devnull],
    }
    readers = {"compiled reader alone": "yaml_text.parse(text, 'r.yaml')",
               "reference reader alone": "yaml_text.reference(text, 'r.yaml')"}
    walls: dict[str, list[float]] = {label: [] for label in [*commands, *readers]}
    cpus: dict[str, list[float]] = {label: [] for label in commands}
    peaks: dict[str, float] = {}
    for _ in range(args.repeat):
        for label, command in commands.items():
            wall, cpu, peak = timed(command)
            walls[label].append(wall)
            cpus[label].append(cpu)
            peaks[label] = max(peaks.get(label, 0.0), peak)
        for label, call in readers.items():
            walls[label].append(reader_seconds(call, path))
    parses, parse_cpus = walls["bare parse (yaml-rs)"], cpus["bare parse (yaml-rs)"]
    rows = []
    print(f"{args.size:,} people, {path.stat().st_size / 1e6:.1f} MB, {args.repeat} rounds (medians); "
          "CPU: the process and its children")
    for label, measured in walls.items():
        row = {"command": label, "median_seconds": round(statistics.median(measured), 3),
               "best_seconds": round(min(measured), 3),
               "x_parse": round(statistics.median(w / p for w, p in zip(measured, parses)), 2)}
        if label in cpus:
            row["median_cpu_seconds"] = round(statistics.median(cpus[label]), 3)
            row["x_parse_cpu"] = round(statistics.median(c / p for c, p in zip(cpus[label], parse_cpus)), 2)
            row["peak_mb"] = round(peaks[label])
        rows.append(row)
        print(f"  {label:40} {row['median_seconds']:7.3f} s  {row['x_parse']:5.2f}x parse"
              + (f"  CPU {row['median_cpu_seconds']:6.3f} s {row['x_parse_cpu']:5.2f}x  {row['peak_mb']} MB"
                 if "peak_mb" in row else ""))
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
