"""`slotting init DIR`: a starter review that validates as written, in YAML or as a workbook; never over a file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from slotting import load
from slotting.model.schema import schema_dict, schema_json
from slotting.reading import loader
from slotting.reading.workbook import required_fields
from slotting.render import starter

from .conftest import cli
from .test_schema import as_editor_reads


def _init(folder: Path, *options: str):
    result = cli("init", str(folder), *options)
    assert result.exit_code == 0, result.output
    return result


@pytest.mark.parametrize("fmt", ["yaml", "xlsx"])
def test_the_starter_validates_as_written_and_passes_the_schema(tmp_path: Path, fmt: str):
    _init(tmp_path / "review", "--format", fmt)
    folder = tmp_path / "review"
    assert sorted(p.name for p in folder.iterdir()) == sorted(starter.names(fmt))
    result = cli("validate", str(folder / "review.yaml"))
    assert result.exit_code == 0, result.output
    assert (folder / "slotting.schema.json").read_text(encoding="utf-8") == schema_json()
    text = (folder / "review.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=slotting.schema.json\n")
    assert not list(Draft202012Validator(schema_dict()).iter_errors(as_editor_reads(text)))


def test_the_yaml_starter_gives_every_required_section_and_runs(tmp_path: Path):
    _init(tmp_path)
    text = (tmp_path / "review.yaml").read_text(encoding="utf-8")
    required = [name for name, f in loader.ReviewFile.model_fields.items() if f.is_required()]
    for section in [*required, "policy", "costing"]:
        assert f"\n{section}:" in text, section
    data = json.loads(cli("run", str(tmp_path / "review.yaml"), "-f", "json").stdout)
    assert data["summary"]["people"] == 3 and data["summary"]["assimilated"] == 1
    assert cli("savings", str(tmp_path / "review.yaml")).exit_code == 0


def test_the_workbook_has_a_sheet_per_list_section_with_the_columns_the_reader_requires(tmp_path: Path):
    import openpyxl

    _init(tmp_path, "--format", "xlsx")
    book = openpyxl.load_workbook(tmp_path / "review.xlsx")
    assert book.sheetnames == ["Instructions", "People", "Old posts", "New posts", "Overlaps"]
    review = (tmp_path / "review.yaml").read_text(encoding="utf-8")
    for sheet in starter.SHEETS:
        assert sheet.section in loader.LIST_SECTIONS
        assert f"{{file: review.xlsx, sheet: {sheet.name}}}" in review
        header = [c.value for c in book[sheet.name][1]]
        assert header == list(sheet.columns)
        assert set(required_fields(sheet.record)) <= set(header), sheet.name
        fields = loader._record_type(sheet.section).__pydantic_fields__
        assert set(header) <= set(fields), sheet.name
    rules = {(ws.title, str(dv.sqref).split(":")[0].rstrip("0123456789")): dv
             for ws in book.worksheets for dv in ws.data_validations.dataValidation}
    assert rules[("People", "I")].type == "list" and rules[("People", "I")].formula1 == '"TRUE,FALSE"'  # in_review
    assert rules[("Overlaps", "A")].formula1 == "'Old posts'!$A$2:$A$5001"
    assert rules[("Overlaps", "C")].type == "decimal" and rules[("Overlaps", "C")].formula2 == "100"
    assert rules[("New posts", "D")].type == "whole"  # count
    instructions = [row[1] for row in book["Instructions"].iter_rows(values_only=True)]
    assert "salary: Required. Full-time equivalent annual salary" in "\n".join(str(t) for t in instructions)


def test_a_filled_workbook_runs(tmp_path: Path):
    import openpyxl

    _init(tmp_path, "--format", "xlsx")
    book = openpyxl.load_workbook(tmp_path / "review.xlsx")
    book["Old posts"].append(["OLD-1", "Team leader", "G2", 1, None, None, "Customer services", None, None, True])
    book["New posts"].append(["NEW-1", "Service lead", "G2", 1])
    book["People"].append(["P1", "A. Person", "OLD-1", 31000, 0.8])
    book["Overlaps"].append(["OLD-1", "NEW-1", 0.8, 75])
    book["Overlaps"]["C2"].number_format = "0%"  # 80%, read as shown
    book.save(tmp_path / "review.xlsx")
    review = load(tmp_path / "review.yaml")
    assert [(p.id, p.post, p.fte) for p in review.people] == [("P1", "OLD-1", review.people[0].fte)]
    assert str(review.people[0].fte) == "0.8" and str(review.overlaps[0].old_in_new) == "80"
    result = cli("run", str(tmp_path / "review.yaml"), "-f", "json")
    assert result.exit_code == 0, result.output
    person = json.loads(result.stdout)["people"][0]
    assert (person["id"], person["outcome"], person["slots"][0]["post"]) == ("P1", "assimilated", "NEW-1")


def test_a_mistake_in_the_workbook_is_named_at_its_cell(tmp_path: Path):
    import openpyxl

    _init(tmp_path, "--format", "xlsx")
    book = openpyxl.load_workbook(tmp_path / "review.xlsx")
    book["Old posts"].append(["OLD-1", "Team leader", "G2"])
    book["People"].append(["P1", "A. Person", "OLD-1", -5])
    book.save(tmp_path / "review.xlsx")
    result = cli("validate", str(tmp_path / "review.yaml"))
    assert result.exit_code == 1
    assert "review.xlsx[People]!D2" in result.stderr, result.stderr


def test_a_folder_with_other_files_is_used_and_they_are_left_alone(tmp_path: Path):
    (tmp_path / "notes.txt").write_text("mine\n", encoding="utf-8")
    _init(tmp_path)
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine\n"
    assert (tmp_path / "review.yaml").exists()


@pytest.mark.parametrize("fmt", ["yaml", "xlsx"])
def test_a_file_it_would_write_is_never_overwritten_and_nothing_is_written(tmp_path: Path, fmt: str):
    (tmp_path / "review.yaml").write_text("review: {name: my work}\n", encoding="utf-8")
    result = cli("init", str(tmp_path), "--format", fmt)
    assert result.exit_code == 1
    assert "review.yaml: already exists; nothing was written" in result.stderr
    assert (tmp_path / "review.yaml").read_text(encoding="utf-8") == "review: {name: my work}\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["review.yaml"]


def test_a_failure_part_way_leaves_none_of_the_starter(tmp_path: Path, monkeypatch):
    from slotting import output

    real = output.emit
    calls = []

    def failing(pieces, target=None):
        calls.append(target)
        if len(calls) == 2:
            raise output.OutputError(f"{target}: cannot write: No space left on device")
        real(pieces, target)

    monkeypatch.setattr(output, "emit", failing)
    result = cli("init", str(tmp_path / "new"), "--format", "xlsx")
    assert result.exit_code == 1 and "No space left on device" in result.stderr
    assert list((tmp_path / "new").iterdir()) == []


def test_an_unknown_format_is_a_usage_error(tmp_path: Path):
    result = cli("init", str(tmp_path), "--format", "ods")
    assert result.exit_code == 2
    assert list(tmp_path.iterdir()) == []
