"""The console script reads large review files while it starts up (prefetch.py): the right files are
guessed, the reading is what the loader would read, and the reading thread imports nothing."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from slotting import fast_yaml, prefetch

from .conftest import ROOT


@pytest.fixture(scope="module")
def big(tmp_path_factory) -> Path:
    """A 6,000-person review (about 3 MB): over the size at which files are read early."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import generate

    path = tmp_path_factory.mktemp("big") / "review.yaml"
    generate.write_yaml(generate.build(6000), path)
    assert path.stat().st_size >= prefetch._AT_LEAST
    return path


@pytest.fixture
def fresh(monkeypatch):
    """prefetch as at start-up: nothing started, nothing read."""
    monkeypatch.setattr(prefetch, "_thread", [])
    monkeypatch.setattr(prefetch, "_readings", {})


def test_only_large_yaml_files_named_by_a_reading_command_are_guessed(tmp_path: Path, big: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("small.yaml").write_text("review: {name: r}\n")
    Path("out.yaml").write_bytes(big.read_bytes())
    Path("big.csv").write_bytes(big.read_bytes())
    b = str(big)
    cases = {
        ("run", b): [b],
        ("--debug", "run", b, "--format", "json"): [b],
        ("savings", "--format", "json", b): [b],               # "json" is the option's value
        ("run", "--format=json", b): [b],
        ("validate", "small.yaml", b): [b],                     # small files parse in one go
        ("run", b, "-o", "out.yaml"): [b],                      # the output file is not read
        ("run", "--output", "out.yaml", b): [b],
        ("run", "big.csv"): [],                                 # CSV tables are not YAML
        ("run", "missing.yaml"): [],
        ("schema", b): [],                                      # reads no review
        ("--version",): [],
        ("run", "--", b): [b],
        ("explain", b, "P1"): [b],
        ("run", b, b): [b],                                     # read once (the loader reports the repeat)
    }
    for args, expected in cases.items():
        assert prefetch.guess_files(list(args)) == expected, args


def test_the_early_reading_is_what_the_loader_reads(big: Path, fresh):
    prefetch.start(["run", str(big)])
    text = big.read_text(encoding="utf-8")
    assert prefetch.take(big.parent / "elsewhere.yaml") is None
    reading = prefetch.take(big)
    assert reading is not None
    assert reading[0] == text and reading[1] == fast_yaml.parse(text) and reading[1] is not None
    assert prefetch.take(big) is None  # given once


def test_a_file_that_cannot_be_decoded_is_left_to_the_loader(tmp_path: Path, big: Path, fresh):
    bad = tmp_path / "bad.yaml"
    bad.write_bytes(big.read_bytes() + b"\n# caf\xe9\n")
    prefetch.start(["validate", str(bad)])
    assert prefetch.take(bad) is None


def _cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "slotting", *args], capture_output=True, text=True, cwd=cwd)


def test_the_console_script_gives_the_same_results_with_the_early_reading(big: Path, tmp_path: Path):
    """`python -m slotting` reads the file early; the library (no early reading) must agree."""
    from slotting.engine import slot
    from slotting.loader import load
    from slotting.render_run import run_json

    done = _cli("run", str(big), "--format", "json")
    assert done.returncode == 0, done.stderr[-2000:]
    assert json.loads(done.stdout) == json.loads(run_json(slot(load([big]))))

    bad = tmp_path / "bad.yaml"
    bad.write_text(big.read_text(encoding="utf-8").replace("salary: ", "salary: x", 1), encoding="utf-8")
    done = _cli("validate", str(bad))
    assert done.returncode == 1
    assert "bad.yaml:" in done.stderr and "salary" in done.stderr and "Traceback" not in done.stderr


_NO_IMPORTS = """
import sys, threading

imported_in = []


def hook(event, args):
    if event == "import" and threading.current_thread() is not threading.main_thread():
        imported_in.append((threading.current_thread().name, args[0]))


sys.addaudithook(hook)
from slotting import prefetch

prefetch.start(["run", sys.argv[1]])
import slotting.cli, slotting.engine, slotting.loader, slotting.render_run  # the start-up imports
assert prefetch.take(sys.argv[1])[1] is not None
assert not imported_in, imported_in
"""


def test_the_reading_thread_imports_nothing(big: Path):
    """A first import in the reading thread while the main thread imported typer and pydantic
    failed about one start in twenty (NameError inside importlib): start imports all beforehand."""
    done = subprocess.run([sys.executable, "-c", _NO_IMPORTS, str(big)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
