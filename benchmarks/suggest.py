"""Times `slotting overlaps suggest` on synthetic folders of JDs and reports wall seconds and peak memory.

    python benchmarks/suggest.py                       # 100 old x 100 new JDs of 50 duties; 250 x 250 of 30
    python benchmarks/suggest.py --sizes 40x40x50      # old x new x duties
    python benchmarks/suggest.py --min-similarity 50
    python benchmarks/suggest.py --left-out            # also what the cap on texts scored per duty leaves out
    python benchmarks/suggest.py --alike               # duties all alike: nearly every pair suggested

Goals (issue: overlaps suggest bounded and fast): 100 x 100 JDs of 50 duties under 30 s and 500 MB; 500 JDs
of 30 duties (250 old and 250 new) within 20 s. Each run is measured by /usr/bin/time -v in a fresh process.

The JDs are written into benchmarks/out/suggest-OLDxNEWxDUTIES/ (kept between runs), made like a council's:
the words are drawn from the bundled example's duties (their real frequencies: 'to', 'the', 'council's',
'services' ...) and, for the rest, from the vocabulary of one of 40 services (synthetic words); every new
JD holds the same 13 corporate duties, as the published ones do; an old JD holds reworded copies of duties of
new JDs of its service (about 4 in 10, a quarter of their words changed), reworded corporate duties (1 in 10)
and duties of its own. Old JDs are Markdown, new ones YAML.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import yaml

HERE = Path(__file__).parent
OUT = HERE / "out"
EXAMPLE_JDS = HERE.parent / "examples" / "leicester_2011_jds"
SERVICES = 40
CORPORATE = 13
SYLLABLES = ("ad", "al", "an", "ar", "ca", "ce", "com", "con", "de", "di", "en", "er", "for", "ge", "ic", "in",
             "ing", "ion", "is", "ity", "li", "ma", "ment", "mu", "na", "ni", "or", "pe", "po", "pro", "ra", "re",
             "ri", "ser", "si", "sta", "te", "ter", "ti", "tion", "to", "tra", "ty", "un", "ve", "vi")


def example_words() -> tuple[list[str], list[int]]:
    """Gives the words of the bundled example's duties and how often each is used."""
    counts: Counter[str] = Counter()
    for path in EXAMPLE_JDS.glob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if isinstance(data, dict) and "duties" in data:
            for duty in data["duties"]:
                counts.update(str(duty["text"]).split())
    words = sorted(counts)
    return words, [counts[w] for w in words]


class Writer:
    def __init__(self, seed: int) -> None:
        self.rnd = random.Random(seed)
        self.words, self.weights = example_words()
        self.services = [sorted({self.made_up() for _ in range(200)}) for _ in range(SERVICES)]

    def made_up(self) -> str:
        return "".join(self.rnd.choice(SYLLABLES) for _ in range(self.rnd.randint(2, 4)))

    def duty(self, service: int) -> str:
        n = self.rnd.randint(10, 30)
        own = self.services[service]
        words = [self.rnd.choices(self.words, self.weights)[0] if self.rnd.random() < 0.6 else self.rnd.choice(own)
                 for _ in range(n)]
        return "To " + " ".join(words) + "."

    def reworded(self, text: str, service: int) -> str:
        words = text.split()
        for i in range(len(words)):
            if self.rnd.random() < 0.25:
                words[i] = self.duty(service).split()[1]
        return " ".join(words)


def generate(old: int, new: int, duties: int, seed: int = 2011) -> Path:
    """Writes (once) a folder of `old` and `new` JDs of `duties` duties each, and gives its path."""
    folder = OUT / f"suggest-{old}x{new}x{duties}"
    done = folder / ".complete"
    if done.exists():
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    w = Writer(seed)
    corporate = [w.duty(w.rnd.randrange(SERVICES)) for _ in range(CORPORATE)]
    new_duties = []
    for n in range(new):
        service = n % SERVICES
        own = [w.duty(service) for _ in range(max(0, duties - CORPORATE))]
        texts = (corporate + own)[:duties]
        new_duties.append((service, texts))
        ids = [f"C{i + 1}" for i in range(min(CORPORATE, duties))] + [f"S{i + 1}" for i in range(len(own))]
        lines = [f"post: NEW-{n:04d}", "structure: new", f"title: New post {n}", "duties:"]
        lines += [f"  - {{id: {i}, text: {json.dumps(t)}}}" for i, t in zip(ids, texts)]
        (folder / f"NEW-{n:04d}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    for o in range(old):
        service = o % SERVICES
        alike = [texts for s, texts in new_duties if s == service] or [texts for _, texts in new_duties]
        lines = [f"# Old post {o}", f"post: OLD-{o:04d}", "structure: old", "", "## Responsibilities"]
        for d in range(duties):
            roll = w.rnd.random()
            if roll < 0.4:
                text = w.reworded(w.rnd.choice(w.rnd.choice(alike)[CORPORATE:] or corporate), service)
            elif roll < 0.5:
                text = w.reworded(w.rnd.choice(corporate), service)
            else:
                text = w.duty(service)
            lines.append(f"{d + 1}. {text}")
        (folder / f"OLD-{o:04d}.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    done.write_text("")
    return folder


def generate_alike(old: int, new: int, duties: int, seed: int = 2011) -> Path:
    """Writes (once) a folder whose duties are all alike (eight of 13 common words each): nearly every pair
    reaches 60, the case that once kept every suggestion and ran out of memory."""
    folder = OUT / f"suggest-alike-{old}x{new}x{duties}"
    done = folder / ".complete"
    if done.exists():
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    rnd = random.Random(seed)
    words = ["manage", "lead", "develop", "deliver", "council", "budget", "team", "service", "staff", "plan",
             "policy", "strategy", "performance"]
    for side, count in (("old", old), ("new", new)):
        for n in range(count):
            lines = [f"post: {side.upper()}-{n:04d}", f"structure: {side}", f"title: Post {n}", "duties:"]
            lines += [f"  - {{id: '{d + 1}', text: {json.dumps(' '.join(['To', *rnd.choices(words, k=8)]) + f' {n}-{d}')}}}"
                      for d in range(duties)]
            (folder / f"{side}{n:04d}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    done.write_text("")
    return folder


def measured(args: list[str]) -> tuple[int, float, float, float, str]:
    """Gives (exit status, wall seconds, CPU seconds, peak resident MB, stderr's end) of a command run under
    /usr/bin/time -v. CPU seconds (user and system) vary less than wall seconds on a shared machine."""
    result = subprocess.run(["/usr/bin/time", "-v", *args], capture_output=True, text=True)
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", result.stderr)
    peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr)
    cpu = re.findall(r"(?:User|System) time \(seconds\): ([\d.]+)", result.stderr)
    assert wall and peak and len(cpu) == 2, result.stderr
    seconds = sum(float(part) * 60 ** i for i, part in enumerate(reversed(wall.group(1).split(":"))))
    return (result.returncode, seconds, sum(map(float, cpu)), int(peak.group(1)) / 1024,
            result.stderr[:result.stderr.find("\tCommand")][-300:])


def left_out(folder: Path, at_least: int) -> str:
    """Gives what the cap on texts scored per old duty (MOST_SCORED) leaves out of a folder's draft: the links
    that scoring every new text sharing a word would add, and the best similarity among them."""
    from slotting.reading import load_jds
    from slotting.rules import suggest as rules

    jds = load_jds(folder)
    capped = {(s.old_post, s.new_post, link) for s in rules.suggest(jds, at_least) for link in s.links}
    kept = rules.MOST_SCORED
    rules.MOST_SCORED = sys.maxsize
    try:
        every = {(s.old_post, s.new_post, link) for s in rules.suggest(jds, at_least) for link in s.links}
    finally:
        rules.MOST_SCORED = kept
    missing = every - capped
    best = max((link[2] for _, _, link in missing), default=None)
    return f"left out by the cap: {len(missing):,} of {len(every):,} links (best similarity {best})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", nargs="+", default=["100x100x50", "250x250x30"], help="OLDxNEWxDUTIES")
    parser.add_argument("--min-similarity", default="60")
    parser.add_argument("--alike", action="store_true", help="duties all alike (nearly every pair suggested)")
    parser.add_argument("--left-out", action="store_true", help="also score every new text sharing a word with each "
                        "old duty (slow) and report the links the cap leaves out")
    args = parser.parse_args()
    print(f"{'old x new x duties':>20} {'status':>6} {'seconds':>8} {'CPU s':>6} {'peak MB':>8} {'draft MB':>9} "
          f"{'links':>9}")
    for size in args.sizes:
        old, new, duties = (int(x) for x in size.split("x"))
        folder = (generate_alike if args.alike else generate)(old, new, duties)
        draft = OUT / f"{folder.name}.yaml"
        status, seconds, cpu, peak, errors = measured([sys.executable, "-m", "slotting", "overlaps", "suggest", str(folder),
                                                  "--min-similarity", args.min_similarity, "-o", str(draft)])
        links = sum(1 for line in draft.open(encoding="utf-8") if line.startswith("      - {")) if status == 0 else 0
        megabytes = draft.stat().st_size / 2**20 if status == 0 else 0
        print(f"{size:>20} {status:>6} {seconds:>8.1f} {cpu:>6.1f} {peak:>8.0f} {megabytes:>9.1f} {links:>9,}")
        if status:
            print(errors.strip())
        if args.left_out:
            print(f"{'':>20} {left_out(folder, int(args.min_similarity))}")


if __name__ == "__main__":
    main()
