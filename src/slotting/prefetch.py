"""Reads and parses a review's large YAML files in a background thread while the tool starts up.

Importing typer, pydantic and the models takes about 0.3 s of one core, and yaml-rs releases the GIL
for much of its parse, so a parse begun first overlaps them (about 0.1-0.15 s off a 20,000-person
run; benchmarks/run.py). The console script (launch.py) calls `start` with its arguments before it
imports anything heavy. `start` guesses which arguments are review files: after a command that reads
reviews, the existing .yaml/.yml files of at least a megabyte that are not the value of an option
(the file after -o is output).

A wrong guess costs only the work: the loader `take`s an early reading only for a file it reads, and
reads every other file itself. A file that cannot be read or decoded gives no reading, so the loader
reads it and reports the problem with its usual message. `take` waits for the thread, so the main
thread never parses at the same time as it.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any

_AT_LEAST = 1_000_000  # bytes: a smaller file parses in less time than this saves
_COMMANDS = frozenset({"validate", "run", "explain", "savings", "equality"})
_YAML = (".yaml", ".yml")

Reading = tuple[str, dict[str, Any] | None]  # the text, and its data (None: the strict reader must read it)

_readings: dict[str, Reading] = {}
_thread: list[threading.Thread] = []


def guess_files(args: list[str]) -> list[str]:
    """Gives the arguments that look like large review files of a command that reads reviews."""
    positional: list[str] = []
    command = None
    after_option = options_done = False
    for arg in args:
        if not options_done and arg == "--":
            options_done = True
        elif not options_done and arg.startswith("-") and arg != "-":
            after_option = "=" not in arg  # its value may follow: that word is not a file
        else:
            if command is None:
                command = arg
            elif not after_option:
                positional.append(arg)
            after_option = False
    if command not in _COMMANDS:
        return []
    return [a for a in dict.fromkeys(positional) if a.lower().endswith(_YAML) and _size(a) >= _AT_LEAST]


def _size(name: str) -> int:
    try:
        return os.stat(name).st_size if os.path.isfile(name) else 0
    except OSError:
        return 0


def start(args: list[str]) -> None:
    """Begins reading the review files named in the command line's arguments, if any are large.

    Everything the thread needs is imported (and yaml-rs called once) here, in the calling thread:
    the thread itself imports nothing while the main thread imports the tool (see _read_all).
    """
    files = guess_files(args)
    if not files or _thread:
        return
    import codecs

    from . import fast_yaml

    if not fast_yaml.available():
        return
    fast_yaml.prepare()
    codecs.lookup("utf-8-sig")
    thread = threading.Thread(target=_read_all, args=(files, fast_yaml.parse), name="slotting-prefetch",
                              daemon=True)
    _thread.append(thread)
    thread.start()


def _read_all(files: list[str], parse) -> None:
    """Reads and parses the files. It must import nothing: a first import in this thread while the
    main thread imports typer and pydantic failed about one start in twenty (a NameError raised inside
    importlib); with every import done beforehand, none of 210 starts failed."""
    for name in files:
        try:
            text = Path(name).read_bytes().decode("utf-8-sig")
            _readings[_key(name)] = (text, parse(text))
        except Exception:  # noqa: BLE001 - the loader reads this file itself and reports any problem
            continue


def take(path: Path | str) -> Reading | None:
    """Gives (text, data) read early for this file, once; None when it was not read early.

    Waits for the reading thread first, whatever the file, so that nothing parses alongside it.
    """
    if not _thread:
        return None
    _thread[0].join()
    return _readings.pop(_key(path), None)


def _key(path: Path | str) -> str:
    return os.path.realpath(path)
