"""The compiled YAML reader (reading/yaml_fast.py) against the reference reader (yaml_text.reference).

Wherever the compiled reader gives data, the reference reader must give the same data, with the same
types and key order, and no problem; everywhere else the compiled reader must say NOT_READ, so that the
reference reader reads the text (and so data, positions and messages are the reference reader's in every
case). The corpus: generated documents (mappings and lists in block and flow style, every scalar style,
comments, anchors, aliases, tags, odd characters, tabs, BOMs, deep nesting, duplicate keys, huge
numbers, second documents), byte edits of the example, the hostile and invalid corpora and every YAML
file of the project. Most texts go through rapidyaml in this process (InProcess); the child process that
the tool uses is tested on fewer, larger texts.
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from slotting import limits
from slotting.reading import yaml_child, yaml_fast, yaml_scalars, yaml_text

from .conftest import EXAMPLE, ROOT
from .support import generate

NOT_READ = yaml_fast.NOT_READ


def _typed(value: Any) -> Any:
    """The data with its types and key order made visible (True == 1 and dict equality ignore them)."""
    if isinstance(value, dict):
        return ("map", [(k, _typed(v)) for k, v in value.items()])
    if isinstance(value, list):
        return ("seq", [_typed(v) for v in value])
    return (type(value).__name__, value)


def fast(text: str) -> Any:
    return yaml_fast.read(text, yaml_fast.InProcess, refused=yaml_text._FORBIDDEN)


def agrees(text: str) -> bool:
    """Asserts that the compiled reader gives the reference reader's data or NOT_READ; tells which."""
    reference = yaml_text.reference(text, "t.yaml")
    data = fast(text)
    if data is NOT_READ:
        return False
    assert reference.problems == [], f"the compiled reader read what the reference refuses: {text!r}"
    assert _typed(data) == _typed(reference.data), text
    return True


# --- generated documents -------------------------------------------------------------------------------

WORDS = ["x", "Officer", "Team 01 lead", "R&D", "Finance & HR", "Hello!", "A * B", "50%", "a@b.c", "x-y",
         "0116 252 7000", "..................", "Strategic Director: Adults", "it's", 'say "hi"', "é", "😀",
         "Planning & Transport", "C++", "a,b", "a#b", "a - b", "key: value", "a: b", "[x]", "{x}", "~/file",
         "-x", "?x", ":x", "x:", "x :y", "  ", "No", "yes", "on", "tRUE", "nul", "Nan", "infinite", "in 2011.",
         "version .5", "Grade 5.", "Level 3.0"]
NUMBERS = ["007", "0", "-0", "3", "03", "3.0", "-3.0", "0.5", ".5", "-.5", "+.5", "5.", "-5.", "+5", "1e5", "1E+5",
           "1.5e-3", ".5e3", "5.e3", "1e400", "1e1000000", "7500000000000002e-14", "110484.50", "0x53FC", "0o17",
           "0b101", "1_000", "12:30", "2011-12-13", "123456789012345678901234567890", "1.", "00.5", "01.5"]
SPECIAL = ["", "~", "null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE", "nan", ".nan",
           ".NaN", ".NAN", "NaN", "inf", ".inf", ".Inf", ".INF", "-inf", "-.inf", "-.Inf", "+.inf", "infinity",
           "-infinity", "<<"]
ESCAPES = ["\\t", "\\n", "\\\\", '\\"', "\\x41", "\\u00e9", "\\U0001F600", "\\N", "\\_", "\\L", "\\P", "\\/",
           "\\0", "\\e", "\\a", "\\b", "\\v", "\\f", "\\r", "\\ ", "\\x7f", "\\u0085", "\\ud800", "\\q"]
PREFIXES = ["", "", "", "", "&a ", "*a", "!!str ", "!!int ", "!!null ", "!!bool ", "! ", "!x ", "!!map ", "& ",
            "@", "`", "%", "*", "|", ">"]


@st.composite
def scalars(draw: st.DrawFn) -> str:
    """One scalar written in one of YAML's styles, on one line (block scalars are written by `blocks`)."""
    text = draw(st.sampled_from(WORDS + NUMBERS + SPECIAL))
    style = draw(st.sampled_from(["plain", "plain", "plain", "single", "double", "double-escapes"]))
    if style == "single":
        written = "'" + text.replace("'", "''") + "'"
    elif style == "double":
        written = json.dumps(text, ensure_ascii=draw(st.booleans()))
    elif style == "double-escapes":
        written = '"' + text.replace("\\", "\\\\").replace('"', '\\"') + draw(st.sampled_from(ESCAPES)) + '"'
    else:
        written = text
    prefix = draw(st.sampled_from(PREFIXES)) if draw(st.integers(0, 7)) == 0 else ""
    return "*a" if prefix == "*a" else prefix + written


@st.composite
def blocks(draw: st.DrawFn, indent: int) -> list[str]:
    """A block scalar's header and lines (its content indented under `indent`)."""
    header = draw(st.sampled_from(["|", "|-", "|+", ">", ">-", ">+", "|2", ">1", "|-2"]))
    lines = draw(st.lists(st.sampled_from(["text", "more text", "", "  indented", "# not a comment",
                                           "true", "a: b", "- x", "x  "]), min_size=0, max_size=4))
    pad = " " * (indent + draw(st.sampled_from([1, 2, 2, 4])))
    return [header] + [(pad + line) if line else "" for line in lines]


@st.composite
def multiline(draw: st.DrawFn, indent: int) -> list[str]:
    """A plain or quoted scalar spanning lines: its first line, then its continuation lines."""
    quote = draw(st.sampled_from(["", "", "'", '"']))
    words = draw(st.lists(st.sampled_from(["text", "more  text", "", "x:y", "a - b", "5.", "# not", "it's", "\\",
                                           "\\x41", "end\\", "true", "  deeper"]), min_size=2, max_size=4))
    if quote == "'":
        words = [w.replace("'", "''") for w in words]
    elif quote == '"':
        words = [w.replace('"', '\\"') for w in words]
    pad = " " * (indent + draw(st.sampled_from([1, 2, 2, 3])))
    lines = [quote + words[0]] + [(pad + w) if w else "" for w in words[1:]]
    lines[-1] += quote + draw(st.sampled_from(["", "", " # c"]))
    return lines


def _flow(draw: st.DrawFn, depth: int) -> str:
    if depth <= 0 or draw(st.integers(0, 2)) == 0:
        return draw(scalars())
    items = draw(st.integers(0, 3))
    if draw(st.booleans()):
        inner = [_flow(draw, depth - 1) for _ in range(items)]
        return "[" + ", ".join(inner) + draw(st.sampled_from(["", "", ",", " "])) + "]"
    pairs = [f"{draw(scalars())}: {_flow(draw, depth - 1)}" for _ in range(items)]
    return "{" + ", ".join(pairs) + "}"


def _node(draw: st.DrawFn, indent: int, depth: int) -> tuple[str, list[str]]:
    """A value: (what follows the key or dash on its line, the lines under it)."""
    kind = draw(st.sampled_from(["scalar", "scalar", "flow", "block-map", "block-seq", "block-scalar", "multiline"]))
    if depth <= 0 or kind == "scalar":
        return draw(scalars()), []
    if kind == "flow":
        return _flow(draw, min(depth, 3)), []
    if kind == "block-scalar":
        header, *lines = draw(blocks(indent))
        return header, lines
    if kind == "multiline":
        first, *lines = draw(multiline(indent))
        return first, lines
    step = draw(st.sampled_from([1, 2, 2, 2, 4]))
    child = indent + step
    if kind == "block-seq" and draw(st.booleans()):
        child = indent  # a list may sit at its key's indentation
    return "", (_mapping if kind == "block-map" else _sequence)(draw, child, depth - 1)


def _mapping(draw: st.DrawFn, indent: int, depth: int) -> list[str]:
    lines: list[str] = []
    keys = draw(st.lists(st.sampled_from(["id", "name", "a", "b", "salary", "1", "01", "a b"]) | scalars(),
                         min_size=1, max_size=4))
    for key in keys:
        first, under = _node(draw, indent, depth)
        comment = draw(st.sampled_from(["", "", " # note", "  #x"]))
        lines.append(" " * indent + f"{key}:" + (f" {first}" if first else "") + comment)
        lines.extend(under)
    return lines


def _sequence(draw: st.DrawFn, indent: int, depth: int) -> list[str]:
    lines: list[str] = []
    for _ in range(draw(st.integers(1, 3))):
        first, under = _node(draw, indent + 2, depth)
        if not first and under and draw(st.booleans()):  # compact: "- key: value" or "- - x"
            lines.append(" " * indent + "- " + under[0].lstrip())
            lines.extend(under[1:])
        else:
            lines.append(" " * indent + "-" + (f" {first}" if first else ""))
            lines.extend(under)
    return lines


@st.composite
def documents(draw: st.DrawFn) -> str:
    """A whole YAML text: one document (sometimes two, or markers), a mapping or list at the top."""
    top = _mapping(draw, 0, draw(st.integers(1, 4))) if draw(st.integers(0, 4)) else _sequence(draw, 0, 3)
    if draw(st.integers(0, 9)) == 0:
        top = [draw(st.sampled_from(["---", "--- # doc", "%YAML 1.1\n---"]))] + top
    if draw(st.integers(0, 9)) == 0:
        top.append(draw(st.sampled_from(["...", "---", "--- x", "...\n---\na: 1"])))
    if draw(st.integers(0, 5)) == 0:
        top.insert(draw(st.integers(0, len(top))), draw(st.sampled_from(["# comment", "", "   ", "#"])))
    return "\n".join(top) + draw(st.sampled_from(["\n", "\n", "", "\n\n"]))


ODD = ["\t", "\r", "\r\n", "\n", " ", "#", " #", "'", '"', ":", ": ", "- ", "-", "&", "*", "!", "%", "@", "`", "|",
       ">", "{", "}", "[", "]", ",", "?", "? ", "\ufeff", "\x85", "\x00", "<<", "---", "...", "~", ".5", "5."]


@settings(max_examples=700, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_generated_documents_read_alike(text: str):
    agrees(text)


@settings(max_examples=700, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents(), st.lists(st.tuples(st.integers(min_value=0), st.sampled_from(ODD), st.integers(0, 2)),
                             min_size=1, max_size=3))
def test_generated_documents_with_odd_edits_read_alike(text: str, edits: list[tuple[int, str, int]]):
    for where, insert, remove in edits:
        at = where % (len(text) + 1)
        text = text[:at] + insert + text[at + remove:]
    agrees(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(min_value=0), st.binary(min_size=0, max_size=3), st.integers(0, 3)),
                min_size=1, max_size=4))
def test_byte_edits_of_the_example_read_alike(edits: list[tuple[int, bytes, int]]):
    data = bytearray(EXAMPLE.read_bytes())
    for where, insert, remove in edits:
        at = where % (len(data) + 1)
        data[at:at + remove] = insert
    agrees(data.decode("utf-8", errors="replace"))


SAFE_PLAIN = ["x", "Officer", "Team 01 lead", "R&D", "Finance & HR", "Hello!", "A * B", "50%", "0116 252 7000", "007",
              "110484.50", "0.31", "12:30", "2011-12-13", "1e400", "true", "false", "null", "", "it's", "é", "C++", "x-y",
              "in 2011.", "Level 3.0"]
ordinary_scalars = st.sampled_from(SAFE_PLAIN) | st.sampled_from(SAFE_PLAIN + ["a: b", "[x]", "say \"hi\""]).map(json.dumps)


@st.composite
def ordinary_documents(draw: st.DrawFn) -> str:
    """A review-like text: block mappings of flow mappings, lists and ordinary scalars, with comments."""
    def flow(depth: int) -> str:
        if depth == 0 or draw(st.booleans()):
            return draw(ordinary_scalars)
        if draw(st.booleans()):
            return "[" + ", ".join(flow(depth - 1) for _ in range(draw(st.integers(0, 3)))) + "]"
        keys = draw(st.lists(st.sampled_from(["id", "name", "post", "salary", "grade"]), unique=True, max_size=4))
        return "{" + ", ".join(f"{key}: {flow(depth - 1)}" for key in keys) + "}"
    lines = []
    for section in draw(st.lists(st.sampled_from(["review", "people", "posts", "policy"]), unique=True, min_size=1)):
        lines.append(f"{section}:" + draw(st.sampled_from(["", "  # a comment: with & and *", " # note 8."])))
        listed = draw(st.booleans())
        for number in range(draw(st.integers(1, 4))):
            lines.append(("  - " if listed else f"  k{number}: ") + flow(3))
    return "\n".join(lines) + "\n"


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ordinary_documents())
def test_ordinary_documents_are_read_by_the_compiled_reader(text: str):
    """The compiled reader leaves only the rare text to the reference reader: a review written as people
    write one is read by it (else the differential tests above would prove little, and large files be slow)."""
    assert agrees(text), text


# --- the corpora ---------------------------------------------------------------------------------------

def _project_yaml() -> list[Path]:
    skip = {ROOT / "benchmarks" / "out", ROOT / "build", ROOT / ".git"}
    return sorted(p for p in ROOT.rglob("*.y*ml") if p.is_file() and not any(s in p.parents for s in skip))


def test_every_yaml_file_of_the_project_reads_alike():
    read = [path for path in _project_yaml() if agrees(path.read_bytes().decode("utf-8-sig", errors="replace"))]
    assert len(read) > 100, "the project's own files are ordinary YAML: the compiled reader reads them"
    examples = [p for p in _project_yaml() if "examples" in p.parts and "_base" not in p.name]
    assert all(agrees(p.read_text(encoding="utf-8-sig")) for p in examples if p.suffix == ".yaml")


def test_the_hostile_corpus_reads_alike(tmp_path: Path):
    from .hostile import CASES

    texts = 0
    for number, case in enumerate(CASES):
        folder = tmp_path / str(number)
        folder.mkdir()
        try:
            case.make(folder)
        except Exception:  # a case that needs what this test does not set up (a FIFO's reader, ...)
            continue
        for path in folder.rglob("*.y*ml"):
            if path.is_file() and not path.is_symlink() and path.stat().st_size < 50_000_000:
                agrees(path.read_bytes().decode("utf-8-sig", errors="replace"))
                texts += 1
    assert texts > 50


# --- each class the compiled reader leaves to the reference reader ---------------------------------------

@pytest.mark.parametrize("text", [
    "a: ~\n", "a: Null\n", "a: NULL\n", "a: True\n", "a: TRUE\n", "a: False\n", "a: FALSE\n", "~: 1\n",
    "a: .5\n", "a: -.5\n", "a: 5.\n", "a: [1, -5.]\n", "nan: 1\n", "'inf': 1\n", "a: .NaN\n", "a: -.Inf\n",
    "a: & HR\n", "a: &x 1\nb: *x\n", "a: !x 1\n", "a: !!str 1\n", "a: ! 1\n", "a: @x\n", "a: `x\n", "%YAML 1.1\n---\na: 1\n",
    "<<: {a: 1}\n", "a: 1\na: 2\n", "a: {b: 1, b: 2}\n", "a:\tb\n", "a: b\rc: d\n", "a: 1\n---\nb: 2\n",
    "a: " + "[" * 17 + "1" + "]" * 17 + "\n", "a: " + "x" * (limits.TEXT_CHARS + 1) + "\n",
    "k" * 1025 + ": 1\n", "{" + "k" * 1025 + ": 1}\n",
    "[a]: 1\n", "a: [b\n]\n", "a: b: c\n", "a: 'x\n",
    # found by the differential test
    "- |\n   text", '- "x\\ud800"\n', "id: x\n: {}\n", "}---\n- x\n", "a: [:x]\n", "a: [?x]\n", "a: |5.\n  x\n",
    'a: "end\\\n\n   text"\n', "a:  5.\r\nb: 1\r\n", "'1.5e-3'!'1.5e!3'\n", "a: {b: :x}\n",
    "- {b: 1}    - {c: 2}\n", "- 'a' - b\n", "- {id:,name: x}\n", "- [a:]\n", "id: |2\n   \n",
])
def test_what_the_compiled_reader_leaves_to_the_reference(text: str):
    assert fast(text) is NOT_READ
    agrees(text)


@pytest.mark.parametrize("text", [
    "title: R&D\nname: Finance & HR\nnote: Hello! 50% of A * B\n", "salary: 110484.50\nrate: 0.31\nid: 007\n",
    "a: true\nb: false\nc: null\nd:\ne: ''\nf: 'no'\n", "time: 12:30\nwhen: 2011-12-13\nbig: 1e400\n",
    "people:\n  - {id: P1, name: 'Holder: A & B', salary: 1}\n", "a: |\n  text\n  more\nb: >-\n  folded\n  text\n",
    "a: \"\\u00e9\\t\\\\\"\n", "---\na: 1\n", "a: 1\r\nb: [x, y]\r\n", "title: Team 01 lead ......\n",
    "a: " + "x" * limits.TEXT_CHARS + "\n", "a: " + "[" * 15 + "1" + "]" * 15 + "\n", "- - - x\n", "",
])
def test_ordinary_text_is_read_by_the_compiled_reader(text: str):
    assert fast(text) is not NOT_READ, "ordinary text must not force the slow path"
    assert agrees(text)


def test_nesting_and_lengths_at_their_limits_read_alike():
    for depth in range(1, 22):
        for text in ("a: " + "[" * depth + "1" + "]" * depth + "\n",
                     "".join("  " * i + "-\n" for i in range(depth)) + "  " * depth + "x\n",
                     "".join("  " * i + f"k{i}:\n" for i in range(depth)) + "  " * depth + "x\n",
                     "a:\n" + "".join("  " * i + "- [\n" for i in range(depth)) + "x" + "]" * depth + "\n"):
            agrees(text)
    for size in (limits.TEXT_CHARS - 1, limits.TEXT_CHARS, limits.TEXT_CHARS + 1):
        for text in ("a: " + "x" * size + "\n", "a: '" + "x" * size + "'\n", "a: |\n" + "  x\n" * (size // 2),
                     "a: \"" + "\\\"" * size + "\"\n", "[" + ", ".join(["x"] * (size // 2)) + "]\n"):
            agrees(text)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                   HealthCheck.function_scoped_fixture])
@given(documents(), st.sampled_from([(40, 5, 4), (12, 3, 3), (100, 2, 6), (30, 8, 2)]))
def test_small_limits_are_kept_alike(monkeypatch, text: str, bounds: tuple[int, int, int]):
    """With the limits made small, generated documents reach them: the bounds on the JSON must hold."""
    monkeypatch.setattr(limits, "TEXT_CHARS", bounds[0])
    monkeypatch.setattr(limits, "RECORDS", bounds[1])
    monkeypatch.setattr(limits, "NESTING", bounds[2])
    agrees(text)


@pytest.mark.parametrize("text", [
    "a:\n  - [1, 2]\n  - {b: [c, {d: e}]}\n  -\n    - x\n", "a: [b,\n  c, [d,\n   e]]\n", "[[a, b], {c: d}]\n",
    "{a: {b: {c: [\n  d]}}}\n", "- a: 1\n  b: [x,\n    y]\n"])
def test_rapidyaml_writes_json_as_the_bounds_assume(text: str):
    """A list or mapping written over lines gets one item a line, indented two spaces a level; one written
    on one line stays on one line (yaml_child.verdict's bounds rest on this)."""
    json_text, status = yaml_child.convert(text.encode())
    assert status == yaml_child.READ
    data = json.loads(json_text, parse_int=str, parse_float=str)
    for line in json_text.split("\n"):
        opened = line.count("[") + line.count("{") - line.count("]") - line.count("}")
        assert opened <= 1, line  # a line opens at most the one container whose items follow, one a line
    depth = 0
    for line in json_text.split("\n"):
        indent = len(line) - len(line.lstrip(" "))
        if line.strip() and line.strip()[0] not in "]}":
            assert indent == 2 * depth, (json_text, line)
        depth += sum(line.count(c) for c in "[{") - sum(line.count(c) for c in "]}")
    assert _typed(data) == _typed(yaml_text.reference(text, "t.yaml").data)


def test_the_strings_json_cannot_tell_apart_are_yaml_scalars_own():
    assert set(yaml_child.AS_STRING) == yaml_scalars.AS_STRING_IN_JSON
    for spelling in yaml_scalars.PLAIN:
        reference = yaml_text.reference(f"a: {spelling}\n", "t.yaml").data["a"]
        assert fast(f"a: {spelling}\n") in (NOT_READ, {"a": reference})


# --- the child process, as the tool runs it ------------------------------------------------------------

def test_a_large_review_is_read_in_a_child_process_as_the_reference_reads_it(tmp_path: Path):
    path = tmp_path / "review.yaml"
    generate.write_yaml(generate.build(2500), path)
    text = path.read_text(encoding="utf-8")
    assert len(text) >= yaml_fast.SMALLEST
    data = yaml_fast.read(text)
    assert data is not NOT_READ
    assert _typed(data) == _typed(yaml_text.reference(text, "r.yaml").data)
    parsed = yaml_text.parse(text, "r.yaml")
    assert parsed.problems == [] and parsed.data == data


@pytest.mark.parametrize("edit", [("salary: ", "salary: &x "), ("\n  - {id: P", "\n  - [x\n  - {id: P"),
                                   ("name: Person 1,", "name: Person 1, name: again,"), ("age: ", "age: ~, a: "),
                                   ("name: Person 1,", "name: Person\x07 1,"), ("age: ", "age: :")])
def test_a_large_review_with_a_problem_is_located_by_the_reference_reader(tmp_path: Path, capfd, edit):
    path = tmp_path / "review.yaml"
    generate.write_yaml(generate.build(2500), path)
    text = path.read_text(encoding="utf-8").replace(*edit, 1)
    assert yaml_fast.read(text) is NOT_READ
    assert yaml_text.parse(text, "r.yaml") == yaml_text.reference(text, "r.yaml")
    assert capfd.readouterr().err == "", "rapidyaml's own report never reaches this process's standard error"


def test_without_a_child_the_reference_reader_reads(monkeypatch):
    monkeypatch.setattr("sys.executable", "")
    text = "a: 1\n" * 10
    assert yaml_fast.read(text) is NOT_READ


ORDINARY = ["x", "Officer", "Team 01 lead", "R&D", "Finance & HR", "Hello!", "A * B", "50%", "a@b.c", "0116 252 7000",
            "007", "110484.50", "0.31", "12:30", "2011-12-13", "1e400", "true", "false", "null", "", "it's", 'say "hi"',
            "é", "😀", "Level 3.0", "in 2011.", "C++", "x-y", "[x]", "a: b", "a # b"]


def test_random_large_documents_read_alike_in_a_child():
    rng = random.Random(32)
    words = ORDINARY
    for _ in range(3):
        lines = [f"k{i}: " + json.dumps([rng.choice(words) for _ in range(5)], ensure_ascii=False) for i in range(200)]
        text = "\n".join(lines) + "\n"
        data = yaml_fast.read(text)
        assert data is not NOT_READ and _typed(data) == _typed(yaml_text.reference(text, "t.yaml").data)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from([0, 5, 511, 512, 1023, 1024, 1025, 2047, 2048, 3000]),
                          st.lists(st.tuples(st.integers(0, 3000), st.sampled_from(": ")), max_size=3)),
                min_size=1, max_size=6), st.booleans())
def test_the_long_key_scan_is_its_definition(lines: list[tuple[int, list[tuple[int, str]]]], final: bool):
    """The scan for a colon past libyaml's key length agrees with its plain definition on lines of every length
    around the block sizes (it skips to the end of each long line it has looked at: linear, not quadratic)."""
    texts = []
    for length, marks in lines:
        line = ["x"] * length
        for at, mark in marks:
            if at < length:
                line[at] = mark
        texts.append("".join(line))
    text = "\n".join(texts) + ("\n" if final else "")
    defined = any(":" in line[yaml_fast._KEY_CHARS:] for line in text.split("\n"))
    assert yaml_fast._may_hold_a_long_key(text) is defined


def test_the_docs_give_the_size_the_compiled_reader_starts_at():
    """The pages that tell a user when the compiled reader is used give the size the code uses."""
    for page in ("docs/how-to/large-reviews.md", "docs/contributing/dependencies.md"):
        assert f"{yaml_fast.SMALLEST:,} characters" in (ROOT / page).read_text(encoding="utf-8"), page
