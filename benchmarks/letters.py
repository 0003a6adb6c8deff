"""Times `slotting letters` on a synthetic review and reports letters per second and peak memory.

    python benchmarks/letters.py                  # 20,000 people, Word letters
    python benchmarks/letters.py --sizes 1000 20000 --format docx markdown

Reviews come from tests/support/generate.py through benchmarks/run.py (kept in benchmarks/out/). Each run
is a fresh process writing into a fresh folder (in benchmarks/out/, removed after). "letters/s" divides the
letters by the whole run's wall time; "letters/s (letters only)" first takes off the wall time of
`slotting run --format json` on the same review, the reading and slotting every command does.
Goal (the hostile review of letters): 20,000 letters within 1 GB peak memory (they were held all at once
before, and 600 took over 2 GB), the garbage collector on.
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

from run import OUT, PYTHON, review, timed

GOAL_MB = 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[20000])
    parser.add_argument("--format", nargs="+", default=["docx"], choices=["docx", "markdown"])
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()
    slotting = [PYTHON, "-m", "slotting"]
    rows = []
    for size in args.sizes:
        path = review(size)
        base, base_mb = timed(slotting + ["run", str(path), "--format", "json", "-o", "/dev/null"])
        for format in args.format:
            folder = OUT / f"letters_{size}_{format}"
            shutil.rmtree(folder, ignore_errors=True)
            # generated reviews have no timeline: their letters' appeal dates are placeholders
            wall, peak = timed(slotting + ["letters", str(path), "-f", format, "-o", str(folder), "--allow-missing"])
            written = sum(1 for p in folder.iterdir() if p.name != "manifest.csv")
            shutil.rmtree(folder, ignore_errors=True)
            rows.append({"size": size, "format": format, "letters": written, "seconds": round(wall, 2),
                         "run_json_seconds": round(base, 2), "letters_per_second": round(written / wall),
                         "letters_only_per_second": round(written / max(wall - base, 1e-9)),
                         "peak_mb": round(peak), "run_json_peak_mb": round(base_mb),
                         "within_goal": peak <= GOAL_MB})
    print(f"{'size':>7} {'format':>8} {'letters':>8} {'seconds':>8} {'letters/s':>10} {'(letters only)':>15} "
          f"{'peak MB':>8} {'run -f json MB':>15}")
    for r in rows:
        print(f"{r['size']:>7} {r['format']:>8} {r['letters']:>8} {r['seconds']:>8} {r['letters_per_second']:>10} "
              f"{r['letters_only_per_second']:>15} {r['peak_mb']:>8} {r['run_json_peak_mb']:>15}")
    failed = [r for r in rows if r["size"] >= 20000 and not r["within_goal"]]
    print("goal: 20,000 letters within 1 GB:", "met" if not failed else f"NOT met ({failed})")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
