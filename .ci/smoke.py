"""Plain-install smoke test: every command on every bundled review ends in exit 0 or 1, never 3.

Run by .ci/run with the `slotting` of a virtual environment made by a plain `pip install .` (no extras),
so that a feature importing something the package does not declare fails here:

    python .ci/smoke.py /path/to/venv/bin/slotting

Standard library only. Each command's exit status and the end of its messages are printed on failure.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
MAIN = EXAMPLES / "leicester_2011.yaml"
JD_FOLDER = "leicester_2011_jds"


def reviews() -> list[Path]:
    """Every bundled review: the example files, not the job descriptions or mappings they name."""
    return sorted(p for p in EXAMPLES.rglob("*.yaml") if JD_FOLDER not in p.parts)


def commands(review: Path, person: str, out: Path) -> list[list[str]]:
    """The commands to try on one review (`out` is a fresh folder for the files they write)."""
    r = str(review)
    tried = [["validate", r], ["run", r], ["run", r, "--format", "json"], ["explain", r, person],
             ["savings", r], ["savings", r, "--format", "xlsx", "-o", str(out / "savings.xlsx")],
             ["equality", r], ["timeline", r], ["timeline", r, "--format", "ics", "--people"],
             ["report", r, "-o", str(out / "paper.pdf")], ["report", r, "-o", str(out / "paper.md")],
             ["letters", r, "-o", str(out / "letters")], ["letters", r, "--format", "markdown", "-o", str(out / "md")],
             ["compare", str(MAIN), r], ["sensitivity", r, "--vary", "assimilate_threshold=70:80:5"],
             ["overlaps", "compute", r], ["overlaps", "suggest", r], ["redeployment", r],
             ["redeployment", r, "--format", "xlsx", "-o", str(out / "redeployment.xlsx")],
             ["explain", r, person, "--format", "json"], ["run", r, "--stage", "proposal"]]
    return tried


def first_person(slotting: str, review: Path) -> str:
    done = subprocess.run([slotting, "run", str(review), "--format", "json"], capture_output=True, text=True)
    try:
        return json.loads(done.stdout)["people"][0]["id"]
    except (ValueError, KeyError, IndexError):
        return "P01"


def check(slotting: str, args: list[str]) -> str | None:
    """Runs one command; gives a description of what went wrong, or None."""
    done = subprocess.run([slotting, *args], capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=300)
    said = done.stdout[-400:] + done.stderr[-800:]
    if done.returncode not in (0, 1) or "Traceback" in said or "internal error" in said:
        return f"slotting {' '.join(args)}: exit {done.returncode}\n{said}"
    return None


def main() -> int:
    slotting = sys.argv[1] if len(sys.argv) > 1 else "slotting"
    failures: list[str] = []
    jobs: list[list[str]] = [["--help"], ["--version"], ["schema"]]
    with tempfile.TemporaryDirectory() as scratch:
        starters = []
        for kind in ("yaml", "xlsx"):  # a starter review from `init`, then every command on it too
            folder = Path(scratch) / f"starter-{kind}"
            failed = check(slotting, ["init", str(folder), "--format", kind])
            if failed:
                failures.append(failed)
            elif (folder / "review.yaml").exists():
                starters.append(folder / "review.yaml")
            else:
                failures.append(f"slotting init {folder} --format {kind}: no review.yaml written")
        for n, review in enumerate([*reviews(), *starters]):
            out = Path(scratch) / str(n)
            out.mkdir()
            jobs.extend(commands(review, first_person(slotting, review), out))
        with ThreadPoolExecutor(max_workers=2) as pool:
            failures += [f for f in pool.map(lambda args: check(slotting, args), jobs) if f]
        for sub in ("leicester_2011", "leicester_2011_finance"):  # the main job must work, not merely fail cleanly
            review = next(p for p in reviews() if p.stem == sub)
            for args in (["run", str(review)], ["savings", str(review)]):
                done = subprocess.run([slotting, *args], capture_output=True, text=True)
                if done.returncode != 0:
                    failures.append(f"slotting {' '.join(args)}: exit {done.returncode}\n{done.stderr[-800:]}")
    for failure in failures:
        print(failure, file=sys.stderr)
    print(f"plain install: {len(jobs)} commands on {len(reviews())} reviews, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
