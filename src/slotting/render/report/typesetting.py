"""Typst, run in a child process: the paper's PDF (or its pages as PNG) from a template and its inputs."""

from __future__ import annotations

import json

LAYOUT_BYTES = 3 * 1024**3  # the address space Typst may take (see typeset)


class TypesetError(Exception):
    """The PDF could not be laid out; the message says why in plain words (exit 1)."""


# Typst runs in a child process: a paper too large for memory makes Rust's allocator abort the process it
# runs in, and this process must live to say so. The child limits its own address space (where the system
# allows), so that it fails before the machine is short of memory, and needs only the typst package.
_CHILD = """
import json, sys
try:
    import resource
    resource.setrlimit(resource.RLIMIT_AS, (int(sys.argv[1]), resource.getrlimit(resource.RLIMIT_AS)[1]))
except (ImportError, ValueError, OSError):
    pass
import datetime as dt
import typst
job = json.loads(sys.stdin.buffer.read())
day = dt.datetime.fromisoformat(job["date"]).replace(tzinfo=dt.timezone.utc)
try:
    made = typst.Compiler(job["template"].encode(), ignore_system_fonts=True).compile(
        sys_inputs=job["inputs"], timestamp=day, **({"format": "png", "ppi": job["ppi"]} if job.get("ppi") else {}))
except typst.TypstError as err:
    sys.stderr.write("typst: " + str(err))
    sys.exit(2)
if isinstance(made, list):  # PNG pages, each after its length
    made = b"".join(len(page).to_bytes(8, "big") + page for page in made)
elif job.get("ppi"):
    made = len(made).to_bytes(8, "big") + made
sys.stdout.buffer.write(made)
"""


def typeset(template: str, inputs: dict[str, str], date: str) -> bytes:
    """Gives the PDF Typst makes of the template with these inputs (sys.inputs), dated `date` (ISO), laid out
    in a child process of at most LAYOUT_BYTES of address space. Raises TypesetError when it cannot."""
    return _typeset(template, inputs, date, None)


def typeset_png(template: str, inputs: dict[str, str], date: str, ppi: int) -> list[bytes]:
    """Gives each page Typst makes of the template as a PNG of `ppi` pixels an inch (as `typeset` does the PDF)."""
    made, pages = _typeset(template, inputs, date, ppi), []
    while made:
        size = int.from_bytes(made[:8], "big")
        pages.append(made[8:8 + size])
        made = made[8 + size:]
    return pages


def _typeset(template: str, inputs: dict[str, str], date: str, ppi: int | None) -> bytes:
    """Gives what the child process makes: the PDF, or (with `ppi`) the PNG pages, each after its length."""
    import os
    import signal
    import subprocess
    import sys

    job = json.dumps({"template": template, "inputs": inputs, "date": date, **({"ppi": ppi} if ppi else {})},
                     ensure_ascii=False).encode()
    # One malloc arena per thread would reserve 64 MB of address space each: the limit is meant for memory used.
    env = {**os.environ, "MALLOC_ARENA_MAX": "2"}
    try:
        done = subprocess.run([sys.executable, "-c", _CHILD, str(LAYOUT_BYTES)], input=job, capture_output=True,
                              env=env)
    except OSError as err:  # no interpreter to start (an embedded Python), or no process left to start it in
        raise TypesetError(f"Typst could not be run: {err.strerror or err}") from None
    said = done.stderr.decode("utf-8", "replace").strip()
    if done.returncode == 0 and (done.stdout.startswith(b"%PDF") or ppi and done.stdout):
        return done.stdout
    large = "the paper is too large to lay out"
    advice = "; leave sections out (--sections) or write Markdown (-o FILE.md)"
    if "memory allocation" in said or "MemoryError" in said:  # Rust's allocator says so before it aborts
        raise TypesetError(f"{large}: Typst ran out of memory (it may take {LAYOUT_BYTES / 1024**3:g} GB){advice}")
    if done.returncode < 0:
        name = signal.Signals(-done.returncode).name if -done.returncode in signal.valid_signals() else "a signal"
        raise TypesetError(f"{large}: Typst was stopped by {name} (out of memory?){advice}")
    if said.startswith("typst: "):
        raise TypesetError(f"Typst could not lay out the paper: {said[7:500]}")
    last = said.splitlines()[-1][:300] if said else f"exit status {done.returncode}"
    raise TypesetError(f"Typst could not be run: {last}")
