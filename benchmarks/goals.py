"""Measures every speed and memory goal of issue 32 ("Close to the parse") in one run and prints them as a table.

    python benchmarks/goals.py                 # every goal (about ten minutes on a 2-core machine)
    python benchmarks/goals.py --skip 100k     # leave out the slowest measurements (100k, letters)
    python benchmarks/goals.py --markdown docs/performance-goals.md --json out.json

Each figure is a whole command run in a fresh process, as a user runs it (benchmarks/run.py's `timed`: wall
seconds and the process's peak resident memory). Goals stated as ratios are measured as ratios in the same
run, pair by pair (A B A B ...), and the median of the pairs' ratios is reported, so that a shared machine
whose speed drifts treats both sides alike. The bare parse is yaml-rs reading the same file in a fresh process
(its own import included). Reviews come from tests/support/generate.py (kept in benchmarks/out/).

Run it with the benchmark's own dependency: python -m pip install -e '.[bench]'.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from run import OUT, PYTHON, review, timed

SLOTTING = [PYTHON, "-m", "slotting"]
EXAMPLE = Path(__file__).parent.parent / "examples" / "leicester_2011.yaml"


def parse(path: Path) -> list[str]:
    """The bare parse: yaml-rs reading the file in a fresh process."""
    return [PYTHON, "-c", "import sys, yaml_rs; yaml_rs.loads(open(sys.argv[1]).read(), parse_datetime=False)",
            str(path)]


@dataclass
class Goal:
    """One goal of the issue: what is measured, its figure and the bound it must keep."""

    name: str
    unit: str
    bound: float
    at_most: bool = True
    figure: float | None = None
    detail: str = ""

    @property
    def met(self) -> bool | None:
        if self.figure is None:
            return None
        return self.figure <= self.bound if self.at_most else self.figure >= self.bound


def paired(a: list[str], b: list[str], rounds: int) -> tuple[float, float, float]:
    """Gives the median of a/b over rounds run in turn (a, b, a, b ...), with a's and b's median seconds."""
    ratios, walls_a, walls_b = [], [], []
    timed(a), timed(b)  # warm the file cache and the imports
    for _ in range(rounds):
        wall_a, _ = timed(a)
        wall_b, _ = timed(b)
        ratios.append(wall_a / wall_b)
        walls_a.append(wall_a)
        walls_b.append(wall_b)
    return statistics.median(ratios), statistics.median(walls_a), statistics.median(walls_b)


def ratio_goal(name: str, bound: float, a: list[str], b: list[str], rounds: int) -> Goal:
    ratio, seconds_a, seconds_b = paired(a, b, rounds)
    return Goal(name, "x", bound, figure=round(ratio, 2), detail=f"{seconds_a:.2f} s against {seconds_b:.2f} s")


def letters_goals(path: Path) -> list[Goal]:
    """20,000 letters: peak memory and letters a second (the whole command, reading and slotting included)."""
    folder = OUT / "goals_letters"
    shutil.rmtree(folder, ignore_errors=True)
    try:
        wall, peak = timed(SLOTTING + ["letters", str(path), "-f", "docx", "-o", str(folder), "--allow-missing"])
        written = sum(1 for p in folder.iterdir() if p.name != "manifest.csv")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return [Goal("letters, 20,000 people: peak memory", "MB", 1024, figure=round(peak)),
            Goal("letters, 20,000 people: letters a second", "/s", 200, at_most=False, figure=round(written / wall),
                 detail=f"{written:,} letters in {wall:.1f} s")]


def suggest_goal() -> Goal:
    """overlaps suggest on 250 old and 250 new JDs of 30 duties, made as benchmarks/suggest.py makes them."""
    from suggest import generate

    folder = generate(250, 250, 30)
    wall, peak = timed(SLOTTING + ["overlaps", "suggest", str(folder), "-o", os.devnull])
    return Goal("overlaps suggest, 500 JDs of 30 duties", "s", 20, figure=round(wall, 1), detail=f"{peak:.0f} MB")


def every_post(path: Path) -> list[str]:
    """`report` drawing every post of the structures (an A4 PDF), on the same review."""
    return SLOTTING + ["report", str(path), "--every-post", "-o", str(OUT / "goals_report.pdf")]


def measure(skip: set[str], rounds: int) -> list[Goal]:
    goals: list[Goal] = []
    help_, run_small = SLOTTING + ["--help"], SLOTTING + ["run", str(EXAMPLE)]
    goals.append(ratio_goal("20-person run / --help", 2, run_small, help_, max(rounds, 5)))
    path = review(20000)
    run_json = SLOTTING + ["run", str(path), "--format", "json", "-o", os.devnull]
    goals.append(ratio_goal("20,000 people: run --format json / parse", 2.5, run_json, parse(path), rounds))
    goals.append(ratio_goal("20,000 people: validate / parse", 2, SLOTTING + ["validate", str(path)], parse(path),
                            rounds))
    table = SLOTTING + ["sensitivity", str(path), "--margin", "5", "-o", os.devnull]
    goals.append(ratio_goal("20,000 people: sensitivity table / its JSON", 1.1, table,
                            [*table, "--format", "json"], rounds))
    goals.append(ratio_goal("20,000 people: report, every post drawn / run", 2, every_post(path), run_json, rounds))
    if "100k" not in skip:
        big = review(100000)
        ratio, wall, _ = paired(SLOTTING + ["run", str(big), "--format", "json", "-o", os.devnull], parse(big), 1)
        _, peak = timed(SLOTTING + ["run", str(big), "--format", "json", "-o", os.devnull])
        goals.append(Goal("100,000 people: run --format json / parse", "x", 2.5, figure=round(ratio, 2),
                          detail=f"{wall:.1f} s"))
        goals.append(Goal("100,000 people: run --format json, peak memory", "MB", 800, figure=round(peak)))
    if "letters" not in skip:
        goals.extend(letters_goals(path))
    if "suggest" not in skip:
        goals.append(suggest_goal())
    return goals


def table(goals: list[Goal]) -> str:
    """The goals as a Markdown table (also what the terminal shows)."""
    lines = ["| goal | bound | measured | met | detail |", "|---|---:|---:|---|---|"]
    for goal in goals:
        sign = "<=" if goal.at_most else ">="
        figure = "-" if goal.figure is None else f"{goal.figure:g} {goal.unit}"
        met = {True: "yes", False: "NO", None: "-"}[goal.met]
        lines.append(f"| {goal.name} | {sign} {goal.bound:g} {goal.unit} | {figure} | {met} | {goal.detail} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None, out: Callable[[str], object] = sys.stdout.write) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="pairs measured for each ratio (default 3)")
    parser.add_argument("--skip", nargs="*", default=[], choices=["100k", "letters", "suggest"])
    parser.add_argument("--json", type=Path, help="also write the goals here as JSON")
    parser.add_argument("--markdown", type=Path, help="also write the table here")
    args = parser.parse_args(argv)
    goals = measure(set(args.skip), args.rounds)
    text = table(goals)
    out(text)
    if args.markdown:
        args.markdown.write_text(text, encoding="utf-8")
    if args.json:
        rows = [{**goal.__dict__, "met": goal.met} for goal in goals]
        args.json.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
