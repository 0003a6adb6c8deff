"""The JSON Schema (slotting.schema.json) agrees with `slotting validate` wherever a schema can decide.

A real Draft 2020-12 validator (jsonschema) reads each file as an editor does: YAML 1.2's core schema, so
`2012-01-02` and `yes` are text and `07` is a number. Every bundled review passes it; every bad file in
tests/invalid whose fault is a shape, a range, an enumeration or a missing section fails it, at the field
the file names; the faults a schema cannot see (references, uniqueness, cross-field rules, YAML rules)
are listed below with why, and the schema must let those files through (else the list is stale).
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import jsonschema
import pytest
import yaml
from jsonschema import Draft202012Validator

from slotting import InputError, load
from slotting.model import schema as schema_module
from slotting.reading import loader, workbook

ROOT = Path(__file__).parent.parent
SCHEMA_FILE = ROOT / "slotting.schema.json"
INVALID = Path(__file__).parent / "invalid"


class Yaml12(yaml.SafeLoader):
    """PyYAML's safe loader with YAML 1.2's core schema, as editors (yaml-language-server) read a file: no
    dates, no yes/no booleans, no sexagesimal or octal-by-zero numbers, no merge keys."""


Yaml12.yaml_implicit_resolvers = {}
for _tag, _pattern, _first in [
    ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", list("-+0123456789")),
    ("float", r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
     list("-+0123456789.")),
]:
    Yaml12.add_implicit_resolver(f"tag:yaml.org,2002:{_tag}", re.compile(_pattern), _first)
Yaml12.add_constructor("tag:yaml.org,2002:int", lambda loader, node: (
    lambda v: int(v, 0) if v.startswith(("0o", "0x")) else int(v))(loader.construct_scalar(node)))


def as_editor_reads(text: str):
    """Gives a YAML text as JSON data the way an editor validates it (mapping keys are text in JSON)."""
    def json_keys(value):
        if isinstance(value, dict):
            return {str(k): json_keys(v) for k, v in value.items()}
        return [json_keys(v) for v in value] if isinstance(value, list) else value

    return json_keys(yaml.load(text, Loader=Yaml12))  # Yaml12 is a SafeLoader: no Python objects


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    schema = schema_module.schema_dict()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def schema_errors(validator: Draft202012Validator, text: str) -> list[jsonschema.ValidationError]:
    return list(validator.iter_errors(as_editor_reads(text)))


def leaves(errors):
    """Gives the innermost errors (those under an anyOf are its members' own)."""
    for error in errors:
        yield from leaves(error.context) if error.context else [error]


def dotted(error: jsonschema.ValidationError) -> str:
    """Gives the field an error is about, written as slotting writes paths (people[1].salary)."""
    parts = list(error.absolute_path)
    if error.validator == "required":
        parts.append(re.match(r"'([^']+)'", error.message).group(1))
    elif error.validator == "additionalProperties":
        parts.append(re.search(r"\('([^']+)'", error.message).group(1))
    text = ""
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


# --- the schema file and the loader -----------------------------------------------------------------------------

def test_the_shipped_schema_is_a_valid_draft_2020_12_schema_and_is_what_the_models_give():
    import json

    shipped = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(shipped)
    assert shipped == schema_module.schema_dict(), "regenerate with: slotting schema > slotting.schema.json"


def test_the_schema_names_the_files_the_loader_reads():
    assert schema_module.SECTION_FILE_SUFFIXES == loader._SECTION_FILE_SUFFIXES
    assert set(schema_module.TABLE_FILE_SUFFIXES) == {loader._CSV_SUFFIX, *workbook.SUFFIXES}
    assert schema_module.WORKBOOK_SUFFIXES == workbook.SUFFIXES
    assert schema_module.LIST_SECTIONS == loader.LIST_SECTIONS


def test_the_schema_requires_the_sections_the_tool_requires_and_describes_one_review_file():
    schema = schema_module.schema_dict()
    assert schema["required"] == ["review", "pay_spines", "grades", "old_structure", "new_structure", "people",
                                  "overlaps"]
    assert "Several files may each give" not in schema["description"]
    assert "one review file" in schema["description"]


# --- every bundled review ---------------------------------------------------------------------------------------

REVIEWS = sorted(p for p in (ROOT / "examples").rglob("*.yaml")
                 if re.search(r"^review:", p.read_text(encoding="utf-8"), re.MULTILINE))


def test_every_bundled_review_is_found():
    found = {str(p.relative_to(ROOT / "examples")) for p in REVIEWS}
    assert {"leicester_2011.yaml", "leicester_2011_evidence.yaml", "hr/review.yaml", "finance/leicester_2011_finance.yaml",
            "options/merged_city_centre_property.yaml", "policies/nhs_two_thirds.yaml"} <= found
    assert len(found) >= 13, found


@pytest.mark.parametrize("path", REVIEWS, ids=lambda p: str(p.relative_to(ROOT / "examples")))
def test_every_bundled_review_passes_the_schema(validator, path: Path):
    errors = schema_errors(validator, path.read_text(encoding="utf-8"))
    assert not errors, [f"{dotted(e)}: {e.message[:200]}" for e in leaves(errors)]


@pytest.mark.parametrize("path", sorted((ROOT / "examples").rglob("*.yaml")),
                         ids=lambda p: str(p.relative_to(ROOT / "examples")))
def test_every_schema_line_of_an_example_names_the_shipped_schema(path: Path):
    named = re.findall(r"^# yaml-language-server: \$schema=(\S+)$", path.read_text(encoding="utf-8"), re.MULTILINE)
    if path in REVIEWS and path.parent.name != "hr":  # the HR example is written by its script without one
        assert named, "a bundled review names the schema for editors"
    for target in named:
        resolved = (path.parent / target).resolve()
        assert resolved == SCHEMA_FILE.resolve(), f"{path}: $schema={target} resolves to {resolved}"


# --- every bad file ---------------------------------------------------------------------------------------------

# Files no schema sees: a YAML reader refuses them first.
UNREADABLE = {
    "malformed_tab": "not YAML: a tab indents a line",
    "malformed_unclosed_bracket": "not YAML: a bracket is not closed",
    "not_utf8": "not UTF-8 text",
    "python_tag": "a YAML tag that names a Python type: a safe YAML reader refuses it",
}
# Faults a JSON Schema cannot express: the schema accepts these files and `slotting validate` refuses them.
UNDECIDABLE = {
    "alias": "YAML aliases are refused by slotting's reader; an editor expands them into valid data",
    "duplicate_key": "a key given twice is refused by slotting's reader; an editor's YAML keeps one of them",
    "duplicate_id": "ids unique across a list of records: uniqueItems compares whole records",
    "grade_points_reversed": "points as [bottom, top]: a comparison between two values",
    "missing_spinal_point": "a grade's points must be on its spine: a reference to another section",
    "new_post_grade_without_spine": "a new post's grade must have a spine to be costed: a reference",
    "overlap_given_twice": "one overlap row per pair of posts: uniqueness of two fields together",
    "overlap_unknown_new_post": "a reference to the new structure",
    "overlap_unknown_old_post": "a reference to the old structure",
    "person_in_unknown_post": "a reference to the old structure",
    "policy_contradiction": "match_threshold at most assimilate_threshold: a comparison between two fields",
    "two_people_one_post": "a post's places against its holders: a count across sections",
    "unknown_grade": "a reference to the grades",
    "unknown_spine": "a reference to the pay spines",
    "vacant_post_cannot_be_costed": "a vacant post's grade must have a spine to be costed: a reference",
}
FIXTURES = sorted(INVALID.glob("*.yaml"))


def _expected_path(path: Path) -> str:
    return re.search(r"^# expect-path: ?(.*)$", path.read_text(encoding="latin-1"), re.MULTILINE).group(1).strip()


def test_every_bad_file_is_decided_or_listed_with_why():
    names = {p.stem for p in FIXTURES}
    assert set(UNREADABLE) <= names and set(UNDECIDABLE) <= names, "a listed fixture no longer exists"
    assert len(names - set(UNREADABLE) - set(UNDECIDABLE)) >= 15, "most faults are the schema's to find"


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_the_schema_agrees_with_validate_on_every_bad_file(validator, path: Path):
    with pytest.raises(InputError):
        load(path)  # every fixture is invalid to the tool
    if path.stem in UNREADABLE:
        with pytest.raises((yaml.YAMLError, UnicodeDecodeError)):
            as_editor_reads(path.read_bytes().decode("utf-8"))
        return
    errors = schema_errors(validator, path.read_text(encoding="utf-8"))
    if path.stem in UNDECIDABLE:
        assert not errors, f"the schema now refuses {path.stem}: take it off UNDECIDABLE"
        return
    assert errors, f"{path.stem}: the tool refuses it, the schema does not"
    expected = _expected_path(path)
    found = [dotted(e) for e in leaves(errors)]
    # at the field the tool names, within it (a key of a record) or at the record holding it
    assert not expected or any(f and (f.startswith(expected) or expected.startswith(f)) for f in found), \
        (expected, found)


# --- the forms a review may take --------------------------------------------------------------------------------

def _template() -> str:
    spec = importlib.util.spec_from_file_location("make_invalid", INVALID / "_make.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.TEMPLATE


PEOPLE = "people:\n  - {id: P1, post: O1, salary: 21000}\n  - {id: P2, post: O2, salary: 30500}\n"
PEOPLE_CSV = "id,post,salary\nP1,O1,21000\nP2,O2,30500\n"
OLD_POSTS = "    - {id: O1, title: Old one, grade: G1}\n    - {id: O2, title: Old two, grade: G2}\n"


def _people_workbook(folder: Path) -> None:
    import xlsxwriter

    book = xlsxwriter.Workbook(str(folder / "hr.xlsx"))
    sheet = book.add_worksheet("People")
    for r, row in enumerate([["id", "post", "salary"], ["P1", "O1", 21000], ["P2", "O2", 30500]]):
        sheet.write_row(r, 0, row)
    book.close()


def _write(folder: Path, name: str, text: str) -> None:
    (folder / name).write_text(text, encoding="utf-8")


# name: (replacements in the template, files to write, valid?)
FORMS = {
    "people as a CSV file": ([(PEOPLE, "people: people.csv\n")], {"people.csv": PEOPLE_CSV}, True),
    "people as a YAML file": ([(PEOPLE, "people: people.yaml\n")], {"people.yaml": PEOPLE.split("\n", 1)[1]}, True),
    "people as a named sheet": ([(PEOPLE, "people: {file: hr.xlsx, sheet: People}\n")], {"hr.xlsx": None}, True),
    "people as a workbook's first sheet": ([(PEOPLE, "people: {file: hr.xlsx}\n")], {"hr.xlsx": None}, True),
    "old posts as a CSV file": ([(OLD_POSTS, "")], {"old.csv": "id,title,grade\nO1,Old one,G1\nO2,Old two,G2\n"},
                                True),
    "policy as a YAML file": ([("grades:", "policy: policy.yaml\ngrades:")],
                              {"policy.yaml": "assimilate_threshold: 2/3\nprotection: mark_time\n"}, True),
    "financial year from 1 April": ([("grades:", 'costing: {financial_year_start: "04-01"}\ngrades:')], {}, True),
    "round_to 100": ([("grades:", "costing: {round_to: 100}\ngrades:")], {}, True),
    "protection by name": ([("grades:", "policy: {protection: mark_time}\ngrades:")], {}, True),
    "tapered protection with shares": ([("grades:", "policy: {protection: {scheme: tapered, shares: [1, 0.5]}}\n"
                                                    "grades:")], {}, True),
    "a title written as a number": ([("title: Old one", "title: 2012")], {}, True),
    "an id written as a number": ([("{id: P1,", "{id: 12,")], {}, True),
    "no evidence": ([("grades:", "evidence: null\ngrades:")], {}, True),
    # refused by both
    "financial year from 29 February": ([("grades:", 'costing: {financial_year_start: "02-29"}\ngrades:')], {}, False),
    "financial year from month 13": ([("grades:", 'costing: {financial_year_start: "13-01"}\ngrades:')], {}, False),
    "financial year as a date": ([("grades:", "costing: {financial_year_start: 2012-04-01}\ngrades:")], {}, False),
    "round_to 5": ([("grades:", "costing: {round_to: 5}\ngrades:")], {}, False),
    "tapered protection by name alone": ([("grades:", "policy: {protection: tapered}\ngrades:")], {}, False),
    "an unknown protection": ([("grades:", "policy: {protection: generous}\ngrades:")], {}, False),
    "a sheet named for a CSV file": ([(PEOPLE, "people: {file: people.csv, sheet: People}\n")],
                                     {"people.csv": PEOPLE_CSV}, False),
    "a table with an unknown key": ([(PEOPLE, "people: {file: people.csv, range: A1}\n")],
                                    {"people.csv": PEOPLE_CSV}, False),
    "a table as .xls": ([(PEOPLE, "people: hr.xls\n")], {"hr.xls": "id,post,salary\n"}, False),
    "a table without its file": ([(PEOPLE, "people: {sheet: People}\n")], {}, False),
    "posts as a YAML file inside a structure": ([(OLD_POSTS, "")], {"old.yaml": "- {id: O1, title: Old one, grade: G1}\n"},
                                                False),
    "evidence without its mapping": ([("grades:", "evidence: {jds: jds}\ngrades:")], {}, False),
    "an unknown section": ([("grades:", "extras: {}\ngrades:")], {}, False),
    "a spinal point that is not a number": ([("S: {1: 20000,", "S: {1: 20000, top: 40000,")], {}, False),
}


@pytest.mark.parametrize("name", FORMS)
def test_the_schema_and_the_tool_agree_on_each_form(validator, tmp_path: Path, name: str):
    replacements, files, valid = FORMS[name]
    text = _template()
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    if "old.csv" in files or "old.yaml" in files:
        text = text.replace("old_structure:\n  posts:\n", f"old_structure:\n  posts: {next(iter(files))}\n", 1)
    for file, content in files.items():
        if file == "hr.xlsx":
            _people_workbook(tmp_path)
        else:
            _write(tmp_path, file, content)
    _write(tmp_path, "review.yaml", text)
    try:
        load(tmp_path / "review.yaml")
        tool = True
    except InputError:
        tool = False
    errors = [f"{dotted(e)}: {e.message[:120]}" for e in leaves(schema_errors(validator, text))]
    assert tool is valid, f"the tool {'accepts' if tool else 'refuses'} {name}"
    assert (not errors) is valid, errors
