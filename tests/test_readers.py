"""Every reader gives the same review: the fast YAML reader, the strict YAML reader, and CSV tables."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from slotting import fast_yaml
from slotting.loader import load
from slotting.problems import InputError

from .conftest import EXAMPLE, HERE, ROOT

YAML_FILES = sorted([EXAMPLE, *HERE.glob("invalid/*.yaml"), *HERE.glob("savings/*.yaml")])


def outcome(path: Path, reader: str):
    try:
        return "ok", load([path], reader=reader)
    except InputError as err:
        return "invalid", [str(p) for p in err.problems]


@pytest.mark.parametrize("path", YAML_FILES, ids=[p.stem for p in YAML_FILES])
def test_fast_and_strict_readers_agree(path: Path):
    assert outcome(path, "fast") == outcome(path, "strict")


def test_the_example_takes_the_fast_path():
    assert fast_yaml.available()
    assert fast_yaml.parse(EXAMPLE.read_text(encoding="utf-8")) is not None


def test_synthetic_review_reads_the_same_both_ways(tmp_path: Path):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import generate

    path = tmp_path / "review.yaml"
    generate.write_yaml(generate.build(300), path)
    assert fast_yaml.parse(path.read_text(encoding="utf-8")) is not None
    fast, strict = load([path], reader="fast"), load([path], reader="strict")
    assert fast == strict
    assert len(fast.people) == 300


@pytest.mark.parametrize("snippet", [
    "id: 007", "id: [1, 007]", "n: -007", "a: &x 1", "b: *x", "c: !!str 5", "<<: {a: 1}", "n: +5", "n: 1_000", "n: 0x1F",
    "n: 3.14159265358979323846",
])
def test_risky_text_goes_to_the_strict_reader(snippet: str):
    assert fast_yaml.parse(f"review: {{name: r}}\nx:\n  {snippet}\n") is None


@pytest.mark.parametrize("snippet", ["title: Safer & Stronger", "salary: 31000.50", "title: R&D",
                                     "n: -5", "n: 0.5"])
def test_ordinary_text_takes_the_fast_path(snippet: str):
    assert fast_yaml.parse(f"review: {{name: r}}\nx:\n  {snippet}\n") is not None


def test_a_float_in_a_text_field_is_read_as_written(tmp_path: Path):
    text = EXAMPLE.read_text(encoding="utf-8").replace("title: Director of Property,", "title: 1.50,")
    path = tmp_path / "r.yaml"
    path.write_text(text, encoding="utf-8")
    review = load([path])
    assert review.old_post["OLD-DD-PROP"].title == "1.50"
