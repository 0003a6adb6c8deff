"""Measures each runtime dependency: its installed size, its import time, and which commands import it.

    python benchmarks/deps.py                 # a Markdown table, for docs/contributing/dependencies.md
    python benchmarks/deps.py --repeat 9      # more rounds of the import timing

For each distribution in pyproject.toml's [project] dependencies:
- size: the bytes of its own installed files (site-packages, from its RECORD), and with the distributions it
  alone brings in (its requirements, recursively, that no other runtime dependency or slotting itself needs
  directly);
- import: the median over rounds of `python -X importtime -c "import MODULE"` in a fresh process, the
  cumulative microseconds of the top-level module (its own imports included);
- commands: which of a set of commands on the bundled examples import it (each command run once in a fresh
  process through the typer app, then sys.modules read).
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import tomllib
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COMMANDS = {
    "--help": ["--help"],
    "validate": ["validate", "examples/leicester_2011.yaml"],
    "run": ["run", "examples/leicester_2011.yaml"],
    "savings xlsx": ["savings", "examples/leicester_2011.yaml", "--format", "xlsx", "-o", "{tmp}/s.xlsx"],
    "validate xlsx sheet": ["validate", "examples/hr/review.yaml"],
    "timeline": ["timeline", "examples/leicester_2011.yaml"],
    "timeline ics": ["timeline", "examples/leicester_2011.yaml", "--format", "ics"],
    "letters": ["letters", "examples/leicester_2011.yaml", "-o", "{tmp}/letters", "--date", "2011-12-02"],
    "report pdf": ["report", "examples/leicester_2011.yaml", "-o", "{tmp}/r.pdf"],
    "report docx": ["report", "examples/leicester_2011.yaml", "-o", "{tmp}/r.docx"],
    "overlaps suggest": ["overlaps", "suggest", "examples/leicester_2011_jds"],
}
# Where importing the top-level module loads nothing of weight, the module the package actually uses.
USED_MODULE = {"lxml": "lxml.etree"}
# Imported only in a child process (which sys.modules of the command's own process cannot show).
IN_A_CHILD = {"typst": "report pdf, report docx (in a child process)",
              "rapidyaml": "any command on a YAML file of 256K characters or more (in a child process)"}
# Runs one command through the app in this process, then prints the top-level modules it loaded.
PROBE = """
import json, sys, tempfile
from typer.testing import CliRunner
from slotting.cli import app
with tempfile.TemporaryDirectory() as tmp:
    args = [a.replace("{tmp}", tmp) for a in json.loads(sys.argv[1])]
    result = CliRunner().invoke(app, args)
    if result.exit_code not in (0, 1):
        print(f"warning: {args} ended in {result.exit_code}: its imports may be incomplete", file=sys.stderr)
print(json.dumps(sorted({name.split(".")[0] for name in sys.modules})))
"""


def runtime_dependencies() -> list[str]:
    """Gives the distribution names of pyproject.toml's runtime dependencies, in its order."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return [re.split(r"[<>=!~\[; ]", spec, maxsplit=1)[0] for spec in project["dependencies"]]


def requirements(name: str) -> set[str]:
    """Gives the distributions a distribution requires (no extras, markers evaluated loosely: extras left out)."""
    names = set()
    for spec in metadata.requires(name) or ():
        if "extra ==" in spec:
            continue
        names.add(re.split(r"[<>=!~\[; (]", spec, maxsplit=1)[0].strip())
    return names


def closure(name: str) -> set[str]:
    """Gives a distribution and everything it requires, recursively, among the installed ones."""
    seen, todo = set(), [name]
    while todo:
        current = todo.pop()
        key = canonical(current)
        if key in seen:
            continue
        try:
            metadata.distribution(current)
        except metadata.PackageNotFoundError:
            continue
        seen.add(key)
        todo.extend(requirements(current))
    return seen


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def installed_bytes(name: str) -> int:
    """Gives the bytes of a distribution's installed files (its RECORD), compiled bytecode included."""
    total = 0
    for file in metadata.distribution(name).files or ():
        path = Path(str(file.locate()))
        if path.is_file():
            total += path.stat().st_size
    return total


def top_module(name: str) -> str:
    """Gives the module a distribution is imported as."""
    by_module = metadata.packages_distributions()
    modules = sorted(m for m, dists in by_module.items() if canonical(name) in map(canonical, dists)
                     and not m.startswith("_"))
    return modules[0] if modules else name.replace("-", "_").lower()


def import_micros(module: str, repeat: int) -> float:
    """Gives the median cumulative import time of a module in a fresh interpreter, in microseconds."""
    times = []
    for _ in range(repeat):
        done = subprocess.run([sys.executable, "-X", "importtime", "-c", f"import {module}"],
                              capture_output=True, text=True, check=True)
        for line in done.stderr.splitlines():
            parts = [p.strip() for p in line.removeprefix("import time:").split("|")]
            if len(parts) == 3 and parts[2] == module:
                times.append(float(parts[1]))
    return statistics.median(times)


def modules_of(args: list[str]) -> set[str]:
    done = subprocess.run([sys.executable, "-c", PROBE, json.dumps(args)], capture_output=True, text=True,
                          cwd=ROOT, check=True)
    sys.stderr.write(done.stderr)
    return set(json.loads(done.stdout.splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--repeat", type=int, default=5)
    options = parser.parse_args()
    dependencies = runtime_dependencies()
    closures = {name: closure(name) for name in dependencies}
    direct = {canonical(name) for name in dependencies}
    loaded = {command: modules_of(args) for command, args in COMMANDS.items()}
    print(f"Python {sys.version.split()[0]}; import times: median of {options.repeat} fresh processes.\n")
    print("| dependency | version | own size | with what only it brings | import ms | imported by |")
    print("|---|---|---:|---:|---:|---|")
    for name in dependencies:
        others = set().union(*(closures[other] for other in dependencies if other != name))
        alone = {dist for dist in closures[name] if dist == canonical(name)
                 or (dist not in others and dist not in direct)}
        own = installed_bytes(name)
        brought = sum(installed_bytes(dist) for dist in alone)
        module = top_module(name)
        users = [command for command, modules in loaded.items() if module in modules]
        module = USED_MODULE.get(name, module)
        every = len(users) == len(COMMANDS)
        if not users and name in IN_A_CHILD:
            users = [IN_A_CHILD[name]]
        print(f"| {name} (`{module}`) | {metadata.version(name)} | {own / 1e6:.1f} MB | {brought / 1e6:.1f} MB | "
              f"{import_micros(module, options.repeat) / 1000:.0f} | "
              f"{'every command' if every else ', '.join(users) or 'none of these'} |")
    everything = set().union(*closures.values())
    print(f"| all of them, with everything they bring | | | {sum(map(installed_bytes, everything)) / 1e6:.1f} MB | | |")


if __name__ == "__main__":
    main()
