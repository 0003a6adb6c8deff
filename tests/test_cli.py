"""The command line: version, help, schema, exit statuses, atomic output, no tracebacks."""

from __future__ import annotations

import json
from pathlib import Path

import slotting
from slotting.cli import base as cli_module

from .conftest import EXAMPLE, ROOT, cli


def test_version():
    result = cli("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"slotting {slotting.__version__}"


def test_help_lists_every_command_with_a_description():
    result = cli("--help")
    assert result.exit_code == 0
    for command in ("validate", "schema", "run", "explain", "savings", "equality"):
        assert command in result.stdout, command


def test_validate_summary():
    result = cli("validate", str(EXAMPLE))
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "valid: 20 people, 26 old posts, 21 new posts (21 places), 36 overlaps"


def test_validate_json_of_a_valid_file_is_an_empty_list():
    result = cli("validate", "--format", "json", str(EXAMPLE))
    assert result.exit_code == 0 and json.loads(result.stdout) == []


def test_missing_file_is_a_clear_error():
    result = cli("run", "no-such-file.yaml")
    assert result.exit_code == 1
    assert "no-such-file.yaml: cannot read the file" in result.stderr


def test_usage_error_exit_status_2():
    assert cli("run", str(EXAMPLE), "--format", "pdf").exit_code == 2
    assert cli("run").exit_code == 2


def test_schema_is_json_and_matches_the_shipped_file():
    result = cli("schema")
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["$schema"].endswith("2020-12/schema")
    assert {"review", "people", "overlaps", "policy"} <= set(schema["properties"])
    assert result.stdout == (ROOT / "slotting.schema.json").read_text(encoding="utf-8"), \
        "regenerate with: slotting schema > slotting.schema.json"


def test_output_file_is_written_atomically(tmp_path: Path):
    out = tmp_path / "list.json"
    out.write_text("old content")
    result = cli("run", str(EXAMPLE), "--format", "json", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text())["summary"]["people"] == 20
    assert [p.name for p in tmp_path.iterdir()] == ["list.json"]


def test_output_to_a_missing_folder_fails_cleanly(tmp_path: Path):
    result = cli("run", str(EXAMPLE), "-o", str(tmp_path / "nope" / "x.txt"))
    assert result.exit_code == 1
    assert "does not exist" in result.stderr


def test_internal_error_exits_3_without_traceback(monkeypatch):
    import slotting.cli.run

    def broken(review, **options):
        raise RuntimeError("boom")

    monkeypatch.setattr(slotting, "slot", broken)
    result = cli("run", str(EXAMPLE))
    assert result.exit_code == 3
    assert "internal error: RuntimeError: boom" in result.stderr
    assert "Traceback" not in result.output
    cli_module._state["debug"] = False


def test_explain_unknown_person():
    result = cli("explain", str(EXAMPLE), "P99")
    assert result.exit_code == 1
    assert "no person 'P99'" in result.stderr


def test_table_output_is_plain_in_a_file(tmp_path: Path):
    out = tmp_path / "list.txt"
    assert cli("run", str(EXAMPLE), "-o", str(out)).exit_code == 0
    text = out.read_text()
    assert "\x1b[" not in text
    assert "Ring-fenced posts: 3" in text


def test_csv_guards_against_formula_injection(tmp_path: Path):
    source = EXAMPLE.read_text(encoding="utf-8").replace(
        'name: "Holder: Director of Property"', 'name: "=cmd|calc"')
    path = tmp_path / "r.yaml"
    path.write_text(source, encoding="utf-8")
    result = cli("run", str(path), "--format", "csv")
    assert result.exit_code == 0
    assert "'=cmd|calc" in result.stdout


def test_pre_commit_hook_is_declared():
    text = (ROOT / ".pre-commit-hooks.yaml").read_text()
    assert "id: slotting-validate" in text and "entry: slotting validate" in text


def test_output_to_a_device_is_written_not_replaced(tmp_path: Path):
    import os
    import stat

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    import threading

    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    result = cli("run", str(EXAMPLE), "--format", "json", "-o", str(fifo))
    reader.join(timeout=10)
    assert result.exit_code == 0, result.output
    assert stat.S_ISFIFO(fifo.stat().st_mode), "the pipe must not be replaced by a regular file"
    assert json.loads(received[0])["summary"]["people"] == 20


def test_output_to_a_folder_is_refused(tmp_path: Path):
    result = cli("run", str(EXAMPLE), "-o", str(tmp_path))
    assert result.exit_code == 1 and "is a folder" in result.stderr


def test_console_entry_exit_statuses():
    from .conftest import slotting_process

    def status(*args: str) -> int:
        return slotting_process(*args).returncode

    assert status("--version") == 0
    assert status("validate", str(EXAMPLE)) == 0
    assert status("validate", str(ROOT / "tests" / "invalid" / "salary_zero.yaml")) == 1
    assert status("run", "--format", "pdf", str(EXAMPLE)) == 2


def test_a_large_table_lists_everyone_and_folds_long_names(tmp_path: Path, monkeypatch):
    """Beyond 500 rows the outcome tables are laid out without rich (which takes 1 ms a row)."""
    from .support import generate

    review = generate.build(700)
    long_name = "Person with a long name " * 4
    review["people"][0]["name"] = long_name.strip()
    path = tmp_path / "big.yaml"
    generate.write_yaml(review, path)
    monkeypatch.setenv("COLUMNS", "130")
    result = cli("run", str(path))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert all(len(line) <= 130 for line in lines if line.startswith(" P"))
    for person in review["people"]:
        assert any(line.startswith(f" {person['id']} ") for line in lines), person["id"]
    header = next(line for line in lines if line.startswith(" Id ") and " Name " in line)
    name_from, name_to = header.index("Name"), header.index("Current post")
    first = next(i for i, line in enumerate(lines) if line.startswith(f" {review['people'][0]['id']} "))
    parts = [lines[first][name_from:name_to].strip()]
    for line in lines[first + 1:]:
        if line[:name_from].strip():
            break
        parts.append(line[name_from:name_to].strip())
    assert len(parts) > 1 and " ".join(parts) == long_name.strip()


def test_the_savings_table_names_fifty_people_and_counts_the_rest(tmp_path: Path):
    from .support import generate

    path = tmp_path / "big.yaml"
    generate.write_yaml(generate.build(400), path)
    listed = json.loads(cli("savings", str(path), "--format", "json").stdout)["redundancy"]["displaced"]
    assert len(listed) > 50
    table = cli("savings", str(path)).stdout
    assert sum(1 for line in table.splitlines() if line.startswith("  - P0")) == 50
    assert f"... and {len(listed) - 50:,} more displaced people: every one is listed in --format json" in table


def test_text_is_written_in_pieces_without_splitting_a_character():
    import io

    from slotting.output import _write_text

    text = "£1,234 – Zoë's post 😀\n" * 50
    out = io.BytesIO()
    _write_text(out, text, "utf-8", chunk=7)
    assert out.getvalue() == text.encode("utf-8")


def test_json_pieces_are_written_in_order_as_the_document_they_make(tmp_path: Path):
    from slotting import load, slot
    from slotting.output import emit
    from slotting.render.run import run_json

    result = slot(load(EXAMPLE))
    emit(run_json(result), tmp_path / "out.json")
    assert (tmp_path / "out.json").read_bytes() == b"".join(run_json(result))
    assert json.loads((tmp_path / "out.json").read_text())["summary"]["people"] == 20
