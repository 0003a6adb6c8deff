"""Times `slotting run --format json` on a synthetic review with a decision for everyone the proposal leaves open,
against the same review without decisions, and `slotting redeployment` on it.

    python benchmarks/decisions.py               # 20k people
    python benchmarks/decisions.py --size 5000

The decisions (a CSV table beside the review): every matched person confirmed, every pool decided for its first
candidates, every place left free offered to one person at risk. With decisions, loading runs the slotting once
more to check them against the proposal, and the cascade applies them; goal: within 2.5 times the run without.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
from run import review  # noqa: E402


def with_decisions(path: Path) -> Path:
    """Writes a copy of the review with its decisions as decisions.csv beside it."""
    from slotting import load, slot

    folder = path.parent / f"{path.stem}_decisions"
    target = folder / "review.yaml"
    if target.exists():
        return target
    folder.mkdir(exist_ok=True)
    result = slot(load(path))
    rows = ["id,type,date,by,person,post,result,candidates,appointed,offered,suitable,response"]
    for p in result.people:
        for s in p.slots:
            if not s.competitive and s.basis == "match" and not p.on_hold:
                rows.append(f"A-{p.id}-{s.post},assessment,2024-05-01,panel,{p.id},{s.post},confirmed,,,,,")
    for pool in (pool for pool in result.pools if not pool.on_hold):
        places = int(pool.places)
        rows.append(f"S-{pool.post},selection,2024-05-02,panel,,{pool.post},,{'; '.join(pool.candidates)},"
                    f"{'; '.join(pool.candidates[:places])},,,")
    at_risk = [p.id for p in result.people if p.outcome == "displaced"]
    free = [post.id for post in result.posts for _ in range(int(post.ring_fenced_places)) if not post.on_hold]
    for person, post in zip(at_risk, free):
        rows.append(f"R-{person},redeployment,2024-05-10,HR,{person},{post},,,,2024-05-10,true,accepted")
    text = path.read_text(encoding="utf-8")
    (folder / "decisions.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    target.write_text(text.rstrip("\n") + "\ndecisions: decisions.csv\n", encoding="utf-8")
    for extra in path.parent.glob("*.csv"):
        shutil.copy(extra, folder / extra.name)
    return target


def seconds(args: list[str]) -> float:
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "slotting", *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if done.returncode != 0:
        raise SystemExit(done.stderr.decode()[-2000:])
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=20000)
    size = parser.parse_args().size
    plain = review(size)
    decided = with_decisions(plain)
    rows = len(Path(decided.parent / "decisions.csv").read_text().splitlines()) - 1
    without = min(seconds(["run", str(plain), "--format", "json"]) for _ in range(2))
    with_ = min(seconds(["run", str(decided), "--format", "json"]) for _ in range(2))
    register = min(seconds(["redeployment", str(decided), "--format", "csv"]) for _ in range(2))
    print(f"{size:,} people, {rows:,} decisions")
    print(f"run --format json without decisions: {without:.2f} s")
    print(f"run --format json with decisions:    {with_:.2f} s ({with_ / without:.2f}x; goal 2.5x)")
    print(f"redeployment --format csv:          {register:.2f} s ({register / without:.2f}x)")


if __name__ == "__main__":
    main()
