"""One review file -> a validated ReviewFile, or an InputError with every problem located.

A review is one YAML file. Any of its top-level sections may instead name a file in the review's
folder: a YAML file holding that section's value, or, for a list section (`people`, `overlaps`,
`old_structure.posts`, `new_structure.posts`), a CSV table or a sheet of an .xlsx or .ods workbook
(`people: {file: hr.xlsx, sheet: People}`), whose columns the review may map to fields (`columns: {Employee
Number: id}`, reading.columns). Every problem is reported at once, located at file:line:column with the
field path and what was expected: a section that cannot be read is reported and the rest still checked, and
the references, policy and cross-section checks run on what validates (reading.partial). No message echoes
a salary or a characteristic (an amount written as text is shown only as it should be written).

There is one reader per format (yaml_text, csv_text, workbook), and each gives the same data whatever the
file's size or content. The positions of values are needed only to locate a problem: the YAML is
then read again, by the same reader, keeping them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import TypeAdapter, ValidationError

from .. import limits
from ..model import ReviewFile, validation
from ..model.evidence import JobDescriptions
from ..model.review import read_from
from ..model.sources import Sources
from ..model.validation import LIST_SECTIONS, parent_of, problems_of, record_type
from ..problems import InputError, Problem, dotted
from . import yaml_text
from .files import read_bytes, read_text, referenced

if TYPE_CHECKING:
    from . import csv_text, workbook

SECTIONS = tuple(ReviewFile.model_fields)
_record_type = record_type  # the name tests/test_init.py reads
_SECTION_FILE_SUFFIXES = (".yaml", ".yml")
_CSV_SUFFIX = ".csv"
Progress = Callable[[str], None]


@dataclass
class Source:
    """Where each part of a review came from, for locating problems."""

    review_file: str
    section_files: dict[str, str] = field(default_factory=dict)  # top-level section -> its YAML file
    tables: dict[tuple[Any, ...], csv_text.Table | workbook.SheetTable] = field(default_factory=dict)  # list section -> table
    texts: dict[str, str] = field(default_factory=dict)  # YAML file -> its text, to read again for positions
    item_files: dict[tuple[Any, ...], str] = field(default_factory=dict)  # a data path -> the file that holds it (JDs, mapping)
    markdown_lines: dict[str, dict[tuple[Any, ...], int]] = field(default_factory=dict)  # Markdown JD -> the line of each path
    unread: set[tuple[Any, ...]] = field(default_factory=set)  # sections that could not be read: their problems are given
    read: dict[str, str] = field(default_factory=dict)  # every file read for it, resolved -> its SHA-256
    _positions: dict[str, yaml_text.Parsed] = field(default_factory=dict)

    def file_of(self, path: tuple[Any, ...]) -> tuple[str, tuple[Any, ...]]:
        """Gives the YAML file holding a data path, and the path within that file's data."""
        for end in (4, 3, 2):
            if path[:end] in self.item_files:
                return self.item_files[path[:end]], path[end:]
        if path and isinstance(path[0], str) and path[0] in self.section_files:
            return self.section_files[path[0]], path[1:]
        return self.review_file, path

    def problem(self, path: tuple[Any, ...], message: str, *, key: bool = False) -> Problem:
        """Gives the problem of the value (or the key) at a data path, located as near as known."""
        for prefix, table in self.tables.items():
            if path[: len(prefix)] == prefix and len(path) > len(prefix):
                return table.problem(path[len(prefix):], dotted(path), message)
        return Problem(*self.locate(path, key=key), dotted(path), message)

    def in_table(self, path: tuple[Any, ...]) -> bool:
        """Whether a data path is inside a list section read from a table."""
        return any(path[:len(prefix)] == prefix for prefix in self.tables)

    def column_missing(self, path: tuple[Any, ...]) -> bool:
        """Whether a record's missing field is one that no column of its table gives: reported once, at the header."""
        for prefix, table in self.tables.items():
            n = len(prefix)
            if path[:n] == prefix and len(path) == n + 2 and path[-1] in table.missing:
                return True
        return False

    def locate(self, path: tuple[Any, ...], *, key: bool = False) -> tuple[str, int | None, int | None]:
        """Gives (file, line, column) of the value (or the key) at a data path, as near as known."""
        for prefix, table in self.tables.items():
            if path[: len(prefix)] == prefix and len(path) > len(prefix):
                placed = table.problem(path[len(prefix):], "", "")
                return placed.file, placed.line, placed.column
        file, inner = self.file_of(path)
        if file in self.markdown_lines:
            found = self.markdown_lines[file]
            for end in range(len(inner), -1, -1):
                if inner[:end] in found:
                    return file, found[inner[:end]], 1
            return file, None, None
        parsed = self._positions_of(file)
        if parsed is None:
            return file, None, None
        for end in range(len(inner), -1, -1):
            spot = (parsed.key_positions.get(inner[:end]) if key else None) or parsed.positions.get(inner[:end])
            if spot:
                return file, spot[0], spot[1]
        return file, None, None

    def _positions_of(self, file: str) -> yaml_text.Parsed | None:
        if file not in self.texts:
            return None
        if file not in self._positions:
            self._positions[file] = yaml_text.parse(self.texts[file], file, positions=True)
        return self._positions[file]


def load(path: Path | str, progress: Progress | None = None) -> ReviewFile:
    """Gives the validated review described by one review file, or raises InputError."""
    note = progress or (lambda _: None)
    review_path = Path(path)
    note(f"reading {review_path.name}")
    data, source, problems = _read(review_path, note)
    note("validating")
    return read_from(validate(data, source, problems), Sources.of(source.read), _decision_problems)


def _read(review_path: Path, note: Progress) -> tuple[dict[str, Any], Source, list[Problem]]:
    """Gives the review's data with every section file read in, and the problems reading them, or raises
    InputError when the review file itself cannot be read. A section that cannot be read (a file missing or
    malformed, a sheet refused) is recorded in `source.unread`, so that the rest is still checked."""
    name = str(review_path)
    source = Source(review_file=name)
    text = read_text(review_path, record=source.read)
    parsed = yaml_text.parse(text, name)
    if parsed.problems:
        raise InputError(parsed.problems)
    source.texts[name] = text
    data = parsed.data
    if not isinstance(data, dict):
        from . import messages  # only a file that is not a review needs its words

        what = "an empty file" if data is None else messages.kind_of(data)
        line, column = yaml_text.parse(text, name, positions=True).positions.get((), (1, 1))
        raise InputError([Problem(name, line, column, "", "expected a mapping of sections (" + ", ".join(SECTIONS)
                                  + f"); got {what}")])
    problems: list[Problem] = []
    for section, value in list(data.items()):
        if isinstance(value, str) and value.lower().endswith(_SECTION_FILE_SUFFIXES):
            found = _read_section_file(data, section, value, review_path, source, note)
            if found:
                problems += found
                source.unread.add((section,))
    for section in LIST_SECTIONS:
        parent = parent_of(section, data)
        value = parent.get(section[-1]) if parent is not None else None
        if parent is not None and (isinstance(value, dict) or isinstance(value, str)
                                   and not value.lower().endswith(_SECTION_FILE_SUFFIXES)):
            problems += _read_table(parent, section, review_path, source, note)
    evidence = data.get("evidence")
    if isinstance(evidence, dict) and isinstance(evidence.get("jds"), str) and isinstance(evidence.get("mapping"), str):
        found = _read_evidence(evidence, review_path, source, note)
        if found:
            problems += found
            source.unread.add(("evidence",))
    return data, source, problems


def _read_evidence(evidence: dict[Any, Any], review_path: Path, source: Source, note: Progress) -> list[Problem]:
    """Replaces the evidence section's folder of JDs and mapping file by their data."""
    folder = _reference(review_path, source, ("evidence", "jds"), evidence["jds"])
    mapping = _reference(review_path, source, ("evidence", "mapping"), evidence["mapping"])
    refused = [found for found in (folder, mapping) if isinstance(found, Problem)]
    if refused:
        return refused
    assert isinstance(folder, Path) and isinstance(mapping, Path)
    if not folder.is_dir():
        return [source.problem(("evidence", "jds"), "expected a folder of job descriptions (.yaml or .md files)")]
    note("reading the job descriptions")
    jds, problems = _read_jd_folder(folder, str(review_path.parent / evidence["jds"]), source, ("evidence", "jds"),
                                    skip=mapping)
    shown = str(review_path.parent / evidence["mapping"])
    try:
        text = read_text(mapping, shown_as=shown, record=source.read)
    except InputError as err:
        return problems + [_unreadable(source, ("evidence", "mapping"), "mapping", shown, err)]
    parsed = yaml_text.parse(text, shown)
    problems += parsed.problems
    source.item_files[("evidence", "mapping")] = shown
    source.texts[shown] = text
    evidence["jds"], evidence["mapping"] = jds, parsed.data
    return problems


def _read_jd_folder(folder: Path, shown_folder: str, source: Source, at: tuple[Any, ...],
                    skip: Path | None = None) -> tuple[list[Any], list[Problem]]:
    """Gives the data of every JD file (.yaml, .yml, .md) of a folder, by name, and the problems reading them;
    each file is recorded in `source` under the data path `at + (index,)`. A YAML file holding `pairs` (a
    mapping) is not a JD and is passed over."""
    inside = folder.resolve()
    names = sorted(p.name for p in folder.iterdir() if p.suffix.lower() in (".yaml", ".yml", ".md") and p.is_file()
                   and p.resolve() != skip  # the mapping may sit among the JDs
                   and p.resolve().is_relative_to(inside))  # a link out of the folder is never followed
    if len(names) > limits.JD_FILES:
        return [], [Problem(shown_folder, None, None, "", f"{len(names):,} files; at most {limits.JD_FILES:,} are read")]
    jds: list[Any] = []
    problems: list[Problem] = []
    for name in names:
        shown = str(Path(shown_folder) / name)
        try:
            text = read_text(folder / name, shown_as=shown, record=source.read)
        except InputError as err:
            problems += err.problems
            continue
        if name.lower().endswith(".md"):
            from . import jd_markdown

            data, lines, read = jd_markdown.parse(text, shown)
            source.markdown_lines[shown] = lines
        else:
            parsed = yaml_text.parse(text, shown)
            data, read = parsed.data, parsed.problems
            if isinstance(data, dict) and "pairs" in data and "post" not in data:
                continue  # a mapping kept beside the JDs
            source.texts[shown] = text
        source.item_files[at + (len(jds),)] = shown
        problems += read
        jds.append(data)
    return jds, problems


def load_jds(folder: Path | str) -> JobDescriptions:
    """Gives the validated job descriptions of a folder (for `slotting overlaps suggest`), or raises InputError;
    a folder holding two JDs of one post is refused, as a review refuses it. The list's `sources` are the files read."""
    from ..model.evidence import JobDescription, JobDescriptions, second_descriptions

    folder = Path(folder)
    source = Source(review_file=str(folder))
    if not folder.is_dir():
        raise InputError([Problem(str(folder), None, None, "", "expected a folder of job descriptions")])
    data, problems = _read_jd_folder(folder, str(folder), source, ("jds",))
    if problems:
        raise InputError(problems)
    try:
        jds = TypeAdapter(list[JobDescription]).validate_python(data)
    except ValidationError as err:
        raise InputError(problems_of([{**e, "loc": ("jds", *e["loc"])} for e in err.errors(include_url=False)],
                                     {"jds": data}, source)) from None
    twice = [source.problem(("jds", i, "post"), message) for i, message in second_descriptions(jds)]
    if twice:
        raise InputError(twice)
    return JobDescriptions(jds, Sources.of(source.read))


def load_mapping(path: Path | str) -> Any:
    """Gives a validated mapping file (for `slotting overlaps suggest --mapping`), or raises InputError."""
    from ..model.evidence import Mapping

    shown = str(path)
    text = read_text(Path(path), shown_as=shown)
    parsed = yaml_text.parse(text, shown)
    if parsed.problems:
        raise InputError(parsed.problems)
    source = Source(review_file=shown, texts={shown: text})
    try:
        return Mapping.model_validate(parsed.data)
    except ValidationError as err:
        raise InputError(problems_of(err.errors(include_url=False), parsed.data, source)) from None


def _reference(review_path: Path, source: Source, section: tuple[Any, ...], name: str) -> Path | Problem:
    """Gives the confined path of a file named for a section, or the located problem."""
    target = referenced(review_path, name)
    if isinstance(target, Path):
        return target
    return source.problem(section, target)


def _unreadable(source: Source, section: tuple[Any, ...], kind: str, shown: str, err: InputError) -> Problem:
    """The problem of a section file that cannot be read, located where the review names it."""
    file, line, column = source.locate(section)
    problem = err.problems[0]
    where = f" (line {problem.line})" if problem.line else ""
    return Problem(file, line, column, dotted(section), f"cannot read the {kind} file {shown}{where}: {problem.message}")


def _read_section_file(data: dict[Any, Any], section: str, name: str, review_path: Path, source: Source,
                       note: Progress) -> list[Problem]:
    """Replaces a top-level section that names a YAML file by that file's data."""
    target = _reference(review_path, source, (section,), name)
    if isinstance(target, Problem):
        return [target]
    shown = str(review_path.parent / name)
    note(f"reading {Path(name).name}")
    try:
        text = read_text(target, shown_as=shown, record=source.read)
    except InputError as err:
        return [_unreadable(source, (section,), "YAML", shown, err)]
    parsed = yaml_text.parse(text, shown)
    if parsed.problems:
        return parsed.problems
    data[section] = parsed.data
    source.section_files[section] = shown
    source.texts[shown] = text
    return []


def _read_table(parent: dict[Any, Any], section: tuple[Any, ...], review_path: Path, source: Source,
                note: Progress) -> list[Problem]:
    """Replaces a list section that names a table (a CSV file, or a workbook's sheet) by the table's records;
    a table that cannot be read leaves the section in `source.unread`."""
    from . import csv_text, workbook  # only a review with a table needs them

    source.unread.add(section)  # until its records are read
    reference = _table_reference(parent[section[-1]])
    if isinstance(reference, str):
        return [source.problem(section, reference)]
    name, sheet, mapping = reference
    is_workbook = name.lower().endswith(workbook.SUFFIXES)
    is_csv = name.lower().endswith(_CSV_SUFFIX)
    if sheet is not None and is_csv:
        return [source.problem(section + ("sheet",), "a sheet is named only for an .xlsx or .ods workbook")]
    # A table named from a section file is found, like every file, from the review file's folder.
    target = _reference(review_path, source, section, name)
    if isinstance(target, Problem):
        return [target]
    if not (is_workbook or is_csv):  # an .xls read as CSV would be refused as "not UTF-8", which misleads
        from . import messages

        return [source.problem(section, messages.unsupported_table(name))]
    shown = str(review_path.parent / name)
    note(f"reading {Path(shown).name}")
    kind = "workbook" if is_workbook else "CSV"
    try:
        content: str | bytes = (read_bytes(target, shown_as=shown, record=source.read) if is_workbook
                                  else read_text(target, shown_as=shown, record=source.read))
    except InputError as err:
        return [_unreadable(source, section, kind, shown, err)]
    table: csv_text.Table | workbook.SheetTable
    what = _RECORD_NAMES.get(section, "a record")
    if isinstance(content, bytes):
        records, table, problems = workbook.parse(content, shown, sheet, record_type(section), mapping, what)
    else:
        problems = yaml_text.forbidden_characters(content, shown)
        if problems:
            return problems
        records, table, problems = csv_text.parse(content, shown, record_type(section), mapping, what)
    problems += [source.problem(section + ("columns", key), message, key=True) for key, message in table.unmatched]
    if not table.complete:
        return problems
    parent[section[-1]] = records
    source.tables[section] = table
    source.unread.discard(section)
    return problems


_RECORD_NAMES = {("people",): "a person", ("overlaps",): "an overlap", ("old_structure", "posts"): "an old post",
                 ("new_structure", "posts"): "a new post", ("decisions",): "a decision"}


def _table_reference(value: Any) -> tuple[str, str | None, dict[str, str] | None] | str:
    """Gives (file name, sheet or None, the columns' mapping or None) of a list section that names a table, or
    what is wrong with it."""
    if isinstance(value, str):
        return value, None, None
    unknown = sorted(str(k) for k in value if k not in ("file", "sheet", "columns"))
    if unknown or not isinstance(value.get("file"), str):
        return ("expected a list, a file name, or {file: NAME, sheet: SHEET, columns: {COLUMN: FIELD}} naming a table"
                + (f"; unknown key(s) {', '.join(map(repr, unknown))}" if unknown else ""))
    sheet = value.get("sheet")
    if sheet is not None and not isinstance(sheet, str):
        return "sheet: expected the name of a sheet"
    columns = value.get("columns")
    if columns is not None and (not isinstance(columns, dict) or not all(
            isinstance(v, str) and v for v in columns.values())):
        return ("columns: expected a mapping of the table's column names to fields, or to ignore: {Employee Number: "
                "id, Annual Salary: salary, Assignment number: ignore}")
    return value["file"], sheet, {str(k).strip(): v.strip() for k, v in columns.items()} if columns else None


def validate(data: dict[str, Any], source: Source, read: list[Problem] | None = None) -> ReviewFile:
    """Gives the ReviewFile for a review's data, or raises InputError with every problem located in its files
    (model.validation.validate), the decisions checked against the proposal they follow."""
    return validation.validate(data, source, read or [], later=_decision_problems)


def _decision_problems(review: ReviewFile) -> list[tuple[tuple[Any, ...], str]]:
    """Gives the problems of the decisions that only the proposal shows (the rules' check, so imported when needed)."""
    if not review.decisions:
        return []
    from ..rules.decisions import decision_problems

    return decision_problems(review)
