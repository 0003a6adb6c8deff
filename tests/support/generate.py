"""Writes a deterministic synthetic review of N people for benchmarks (shared by the tests and benchmarks/run.py).

    python -m tests.support.generate 20000 -o benchmarks/out/review_20k.yaml
    python -m tests.support.generate 20000 --csv -o benchmarks/out/csv_20k/review.yaml
    python -m tests.support.generate 20000 --generic -o benchmarks/out/generic_20k.yaml
    python -m tests.support.generate 20000 --generic --xlsx -o benchmarks/out/xlsx_20k/review.yaml

N old posts each held by one person, about N new posts (some with several places, some on hold,
some new posts nobody can claim), and about 3 overlaps per old post, mixed so that every outcome
occurs: assimilation, matching (with fallback), competitive pools of both kinds, exact 50/50 splits,
displacement and ring-fencing. The same N and seed always give the same bytes.

--generic: N / 10 old posts, each held by ten people (a generic post, count 10 or 11 with a vacancy),
new posts of 8 to 12 places (so that pools form of ten for eight), and part-time staff (one in five at
0.5 FTE, one in seven by contracted hours). --xlsx writes the people as a sheet of an .xlsx workbook.
"""

from __future__ import annotations

import argparse
import csv
import random
from pathlib import Path

GRADES = [("G1", "Officer", 1, 1, 3), ("G2", "Senior officer", 2, 4, 6), ("G3", "Manager", 3, 7, 9),
          ("G4", "Senior manager", 4, 10, 12), ("G5", "Head of service", 5, 13, 15), ("G6", "Director", 6, 16, 18)]
SPINE = {p: 20000 + 2500 * (p - 1) for p in range(1, 19)}


def build(n: int, seed: int = 2011, generic: bool = False) -> dict:
    rng = random.Random(seed)
    holders = 10 if generic else 1
    n_old = max(1, -(-n // holders))
    n_new = max(2, n_old)
    old_posts, people, new_posts, overlaps = [], [], [], []
    for j in range(n_new):
        grade = GRADES[rng.randrange(6)][0]
        count = (8 + j % 5) if generic else (2 if j % 17 == 0 else 1)
        new_posts.append({"id": f"N{j:06d}", "title": f"New post {j}", "grade": grade, "group": f"Group {grade}",
                          "count": count, "on_hold": j % 101 == 0, "external_funding": "0.5" if j % 53 == 0 else "0"})
    for j in range(n_old):
        grade_index = rng.randrange(6)
        grade = GRADES[grade_index]
        # Ordinary text that once sent whole files to a slower reader: leading zeros, a phone number,
        # a run of dots (issue 12). The reader must take it in its stride.
        title = f"Old post {j}" if j % 3 else f"Team {j % 100:02d} lead 0116 252 {j % 10000:04d} ................."
        post = {"id": f"O{j:06d}", "title": title, "grade": grade[0], "group": f"Group {grade[0]}"}
        if generic:
            post["count"] = holders + (j % 7 == 0)
        old_posts.append(post)
        for h in range(holders):
            i = j * holders + h
            if i >= n:
                break
            salary = SPINE[grade[3]] + rng.randrange(0, 9000)
            people.append({"id": f"P{i:06d}", "name": f"Person {i}", "post": f"O{j:06d}", "salary": salary,
                           "characteristics.gender": rng.choice("FM"), "characteristics.ethnicity":
                           rng.choice(["White British", "White Other", "Asian", "Black", "Mixed"]),
                           "age": rng.randrange(20, 65), "service_years": rng.randrange(0, 30)})
            people[-1]["service_years"] = min(people[-1]["service_years"], people[-1]["age"] - 14)
            if generic and i % 5 == 2:
                people[-1]["fte"] = "0.5"
            elif generic and i % 7 == 3:
                people[-1]["hours"] = "22.5"
        kind = j % 10
        targets = [j % n_new, (j * 7 + 3) % n_new, (j * 13 + 5) % n_new]
        if kind == 9:
            continue  # no overlaps at all: displaced
        for k, t in enumerate(dict.fromkeys(targets)):
            if kind in (0, 1, 2, 3) and k == 0:
                a, b = rng.randrange(75, 101), rng.randrange(75, 101)  # assimilation (if same grade)
            elif kind == 4 and k < 2:
                a, b = 50, rng.randrange(30, 60)  # an exact 50/50 split between two posts
            else:
                a, b = rng.randrange(10, 80), rng.randrange(10, 80)
            overlaps.append({"old_post": f"O{j:06d}", "new_post": f"N{t:06d}", "old_in_new": a, "new_from_old": b})
        if kind in (0, 1, 2, 3):
            new_posts[targets[0]]["grade"] = grade[0]  # same grade, so the claim can assimilate
    return {"old": old_posts, "new": new_posts, "people": people, "overlaps": overlaps, "generic": generic}


def header(generic: bool = False) -> str:
    hours = ", full_time_hours: 37" if generic else ""
    spine = ", ".join(f"{p}: {a}" for p, a in SPINE.items())
    grades = "\n".join(f"  - {{id: {g}, name: {name}, level: {lvl}, spine: S, points: [{lo}, {hi}]}}"
                       for g, name, lvl, lo, hi in GRADES)
    return (f"review: {{name: Synthetic review, effective_date: 2025-06-01{hours}}}\n"
            f"pay_spines:\n  S: {{{spine}}}\ngrades:\n{grades}\n"
            "costing: {on_cost_rate: 0.3, round_to: 100, target_saving: 1000000}\n")


def _flow(record: dict) -> str:
    parts = []
    chars = {k.split(".", 1)[1]: v for k, v in record.items() if k.startswith("characteristics.")}
    for key, value in record.items():
        if key.startswith("characteristics."):
            continue
        if isinstance(value, bool):
            value = "true" if value else "false"
        parts.append(f"{key}: {value}")
    if chars:
        parts.append("characteristics: {" + ", ".join(f"{k}: {v}" for k, v in chars.items()) + "}")
    return "{" + ", ".join(parts) + "}"


def write_yaml(data: dict, path: Path) -> None:
    lines = [header(data["generic"]), "old_structure:\n  posts:\n"]
    lines += [f"    - {_flow(p)}\n" for p in data["old"]]
    lines.append("new_structure:\n  posts:\n")
    lines += [f"    - {_flow(p)}\n" for p in data["new"]]
    lines.append("people:\n")
    lines += [f"  - {_flow(p)}\n" for p in data["people"]]
    lines.append("overlaps:\n")
    lines += [f"  - {_flow(o)}\n" for o in data["overlaps"]]
    path.write_text("".join(lines), encoding="utf-8")


def write_csv_review(data: dict, path: Path) -> None:
    folder = path.parent
    for name, rows in (("old_posts", data["old"]), ("new_posts", data["new"]), ("people", data["people"]),
                       ("overlaps", data["overlaps"])):
        with (folder / f"{name}.csv").open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(dict.fromkeys(k for r in rows for k in r)))
            writer.writeheader()
            writer.writerows({k: (str(v).lower() if isinstance(v, bool) else v) for k, v in r.items()} for r in rows)
    path.write_text(header(data["generic"]) + "old_structure:\n  posts: old_posts.csv\nnew_structure:\n  posts: new_posts.csv\n"
                    "people: people.csv\noverlaps: overlaps.csv\n", encoding="utf-8")


def write_xlsx_review(data: dict, path: Path) -> None:
    """Writes the review with its people as the People sheet of people.xlsx beside it."""
    import xlsxwriter

    columns = list(dict.fromkeys(k for p in data["people"] for k in p))
    book = xlsxwriter.Workbook(str(path.parent / "people.xlsx"), {"constant_memory": True})
    book.set_properties({"created": __import__("datetime").datetime(2025, 1, 1)})
    sheet = book.add_worksheet("People")
    sheet.write_row(0, 0, columns)
    for r, person in enumerate(data["people"], 1):
        for c, name in enumerate(columns):
            value = person.get(name)
            if value is not None:
                sheet.write(r, c, float(value) if name in ("fte", "hours") else value)
    book.close()
    text = [header(data["generic"]), "old_structure:\n  posts:\n", *(f"    - {_flow(p)}\n" for p in data["old"]),
            "new_structure:\n  posts:\n", *(f"    - {_flow(p)}\n" for p in data["new"]),
            "people: {file: people.xlsx, sheet: People}\noverlaps:\n", *(f"  - {_flow(o)}\n" for o in data["overlaps"])]
    path.write_text("".join(text), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("people", type=int)
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=2011)
    parser.add_argument("--csv", action="store_true", help="write the lists as CSV files beside the YAML")
    parser.add_argument("--xlsx", action="store_true", help="write the people as a sheet of people.xlsx beside the YAML")
    parser.add_argument("--generic", action="store_true", help="generic posts held by ten people, part-time staff")
    args = parser.parse_args()
    args.output.parent.mkdir(parents=True, exist_ok=True)
    data = build(args.people, args.seed, args.generic)
    (write_xlsx_review if args.xlsx else write_csv_review if args.csv else write_yaml)(data, args.output)


if __name__ == "__main__":
    main()
