"""Every reader gives the same review: the fast YAML reader, the strict YAML reader, and CSV tables."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from slotting import fast_yaml
from slotting.loader import load, read_text
from slotting.models import ReviewFile
from slotting.problems import InputError
from slotting.scalars import misread_floats

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
    "n: 3.14159265358979323846", "id: -0", "ids: [-0, 1]",
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


# The definition of risky text as regular expressions (slow: the reader uses a faster scan).
_DEFINITION = [re.compile(p, re.MULTILINE) for p in (
    r"(?:^|[\s\[{,:])(?:[&*!][^\s,\]}]|<<\s*:)",  # anchor, alias, tag, merge key
    r"[ :,\[{\n\t][+-]?0[0-9xXoObB_]",  # led by a zero: 007, -007, 0x1F, 0o17, 0_1
    r"[0-9](?:_[0-9]|[0-9.]{16,})",  # 1_000; more digits than a float keeps
    r"[ :,\[{\n\t]\+[0-9.]",  # +5
    r"[ :,\[{\n\t]-0(?![0-9.eE])",  # -0, which reads as the int 0
)]
_COMMENT = re.compile(r"(?:^|(?<=\s))#.*$", re.MULTILINE)


def risky_by_definition(text: str) -> bool:
    text = "\n" + _COMMENT.sub("", text)
    return any(p.search(text) for p in _DEFINITION)


@given(st.text(alphabet=" \t\n\r:,[{]}&*!<+-0123456789._xXoObBaeE#é", max_size=40))
def test_the_scan_finds_everything_the_definition_calls_risky(text: str):
    if risky_by_definition(text):
        assert fast_yaml._risky(text)


@given(st.text(alphabet=" :,[{\n0123456789.+-_xoé", max_size=80), st.integers(1, 9))
def test_the_number_scan_finds_the_same_in_windows_as_whole(text: str, window: int):
    """Large files are scanned a megabyte at a time; small windows here cross every boundary."""
    assert fast_yaml._numbers_risky(text, window) == fast_yaml._numbers_risky(text, len(text) + 1)


@pytest.mark.parametrize("text", [
    "a: 1\nb: [1, 2.5, -3]\nc: {d: 0.25}\n", "t: Safer & Stronger\n", "t: 5 * 3 ! 2\n", "t: a<<b\n",
    "n: 0\nm: 0.5\np: -0.5\n", "# &a *b !c 007 +5 1_000\nt: x\n", "n: 1234567890123456\n", "id: P000123\n",
])
def test_the_scan_passes_ordinary_text(text: str):
    assert not risky_by_definition(text)
    assert not fast_yaml._risky(text)


@pytest.mark.parametrize("path", [
    ("review", "name"), ("grades", 0, "level"), ("grades", 0, "points", 1), ("policy", "protection_years"),
    ("people", 3, "name"), ("people", 3, "characteristics", "gender"), ("people", 3, "age"),
    ("overlaps", 5, "old_post"), ("old_structure", "posts", 2, "title"), ("new_structure", "posts", 1, "count"),
    ("pay_spines", "UCOR/S", 17, "source"),
])
def test_a_float_where_text_or_a_whole_number_is_wanted_is_found(path: tuple):
    data = fast_yaml.parse(read_text(EXAMPLE))
    assert misread_floats(ReviewFile, data) == []
    parent = data
    for step in path[:-1]:
        parent = parent.setdefault(step, {}) if isinstance(parent, dict) else parent[step]
    parent[path[-1]] = 1.5
    assert misread_floats(ReviewFile, data) == [path]


@pytest.mark.parametrize("path", [("people", 3, "salary"), ("overlaps", 5, "old_in_new"),
                                  ("new_structure", "posts", 1, "external_funding"), ("costing", "on_cost_rate")])
def test_a_float_where_a_number_is_wanted_is_fine(path: tuple):
    data = fast_yaml.parse(read_text(EXAMPLE))
    parent = data
    for step in path[:-1]:
        parent = parent[step]
    parent[path[-1]] = 1.5
    assert misread_floats(ReviewFile, data) == []


def test_parsing_in_threads_in_a_fresh_process_does_not_crash(tmp_path: Path):
    """yaml-rs imported for the first time by two threads at once crashed the interpreter (in about
    half of the processes). Each fresh process checks that yaml-rs is imported before any worker
    thread is started, then parses a document big enough to be split across threads."""
    import subprocess

    sys.path.insert(0, str(ROOT / "benchmarks"))
    import generate

    path = tmp_path / "review.yaml"
    generate.write_yaml(generate.build(6000), path)
    assert path.stat().st_size > fast_yaml._SPLIT_ABOVE
    script = """
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

submit = ThreadPoolExecutor.submit

def checked(self, *args, **kwargs):
    assert "yaml_rs" in sys.modules, "a worker thread would be the first to import yaml-rs"
    return submit(self, *args, **kwargs)

ThreadPoolExecutor.submit = checked
from slotting import fast_yaml

text = Path(sys.argv[1]).read_text(encoding="utf-8")
for _ in range(3):
    assert fast_yaml.parse(text) is not None
"""
    for _ in range(3):
        done = subprocess.run([sys.executable, "-c", script, str(path)], capture_output=True, text=True)
        assert done.returncode == 0, done.stderr[-2000:]


def test_problems_in_a_large_file_are_located_by_reading_only_their_records(tmp_path: Path, monkeypatch):
    """The fast path reads again, with positions, only the records the problems are in; the
    problems and their lines are those the strict reader gives for the whole file."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import generate

    from slotting import strict_yaml

    review = generate.build(400)
    review["people"][7]["salary"] = "abc"                   # shape: not a number
    review["people"][30]["post"] = "NO-SUCH-POST"           # reference: unknown post
    review["overlaps"][100]["new_post"] = "N999"            # reference: unknown post
    review["new"][5]["count"] = 0                           # shape: below the minimum
    review["people"][12]["salry"] = review["people"][12].pop("salary")  # unknown key, missing key
    path = tmp_path / "review.yaml"
    generate.write_yaml(review, path)

    def problems(reader: str) -> list[str]:
        with pytest.raises(InputError) as err:
            load([path], reader=reader)
        return [str(p) for p in err.value.problems]

    read = []
    parse = strict_yaml.parse
    monkeypatch.setattr(strict_yaml, "parse", lambda text, file: read.append(len(text)) or parse(text, file))
    fast = problems("fast")
    assert read and max(read) < 1000  # a few records, never the whole file
    assert fast == problems("strict")
    assert any("people[7].salary: expected a number" in p for p in fast)


def test_reference_problems_in_records_already_made_are_located_as_the_strict_reader_does(tmp_path: Path):
    """The fast path makes each list's records before the next list is validated; problems found
    afterwards (by the reference checks) are located in those lists, one record read again each."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import generate

    review = generate.build(400)
    review["people"][30]["post"] = "NO-SUCH-POST"
    review["overlaps"][100]["new_post"] = "N999"
    review["old"][9]["grade"] = "G99"
    review["people"].append(dict(review["people"][3]))  # a duplicate id
    path = tmp_path / "review.yaml"
    generate.write_yaml(review, path)
    fast, strict = outcome(path, "fast"), outcome(path, "strict")
    assert fast[0] == "invalid" and fast == strict
    assert len(fast[1]) >= 4 and all(re.match(r".*review\.yaml:\d+:\d+: ", p) for p in fast[1])


def test_readers_agree_on_windows_line_endings(tmp_path: Path):
    for path in YAML_FILES:
        crlf = tmp_path / path.name
        crlf.write_bytes(path.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))
        assert outcome(crlf, "fast") == outcome(crlf, "strict"), path.name


def test_a_float_in_a_text_field_of_a_large_file_rereads_only_its_record(tmp_path: Path, monkeypatch):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import generate

    from slotting import strict_yaml

    path = tmp_path / "review.yaml"
    generate.write_yaml(generate.build(400), path)
    text = path.read_text(encoding="utf-8")
    assert "title: Old post 3," in text
    path.write_text(text.replace("title: Old post 3,", "title: 3.10,"), encoding="utf-8")
    read = []
    parse = strict_yaml.parse
    monkeypatch.setattr(strict_yaml, "parse", lambda text, file: read.append(len(text)) or parse(text, file))
    review = load([path])
    assert review.old_post["O000003"].title == "3.10"  # as written, not the float 3.1
    assert read and max(read) < 1000
    assert review == load([path], reader="strict")


_VALUE = re.compile(r"(\w+): ([^,{}\[\]#\n]+)")


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_readers_agree_on_a_mutated_example(tmp_path_factory, data):
    """A value replaced, a key misspelt or a record duplicated anywhere in the example: the fast
    reader (with its re-reading of records) gives exactly the strict reader's outcome."""
    lines = EXAMPLE.read_text(encoding="utf-8").split("\n")
    candidates = [i for i, line in enumerate(lines) if _VALUE.search(line)]
    i = data.draw(st.sampled_from(candidates))
    match = data.draw(st.sampled_from(list(_VALUE.finditer(lines[i]))))
    change = data.draw(st.sampled_from(["value", "key", "duplicate"]))
    if change == "value":
        value = data.draw(st.sampled_from(["abc", "-1", "0", "1.5", "007", "''", "[]", "true", "N9", "-0", "1e3"]))
        lines[i] = lines[i][:match.start(2)] + value + lines[i][match.end(2):]
    elif change == "key":
        lines[i] = lines[i][:match.end(1)] + "x" + lines[i][match.end(1):]
    else:
        lines.insert(i, lines[i])
    path = tmp_path_factory.mktemp("mutated") / "review.yaml"
    path.write_text("\n".join(lines), encoding="utf-8")
    assert outcome(path, "fast") == outcome(path, "strict")
