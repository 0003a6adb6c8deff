"""The hostile-input corpus: one case per class of bad input found by trying the tool as an attacker.

Each case writes its files (the bytes are often awkward: NUL, escape sequences, FIFOs, links) into a
fresh folder and names the command to run, the exit status it must end with and a fragment the
output must hold (and, where it matters, one it must not). tests/test_hostile.py runs them all.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

EXAMPLE = Path(__file__).parent.parent.parent / "examples" / "leicester_2011.yaml"
TEXT = EXAMPLE.read_text(encoding="utf-8")


def example(folder: Path, *replacements: tuple[str, str], name: str = "review.yaml", append: str = "") -> Path:
    """Writes the bundled example with each (old, new) replaced once, and gives its path."""
    text = TEXT
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    path = folder / name
    path.write_text(text + append, encoding="utf-8")
    return path


@dataclass
class Case:
    name: str
    make: Callable[[Path], list[str]]  # writes the files; gives the command's arguments
    status: int
    says: str = ""  # a fragment of stdout or stderr
    never: list[str] = field(default_factory=list)  # fragments that must appear nowhere


P03 = '  - {id: P03, name: "Holder: Strategic Director Adults & Communities", post: OLD-SD-AC, salary: 101000,'
SALARY = "post: OLD-SD-DCR, salary: 109000,"


def _with_people_file(folder: Path, reference: str) -> list[str]:
    head, rest = TEXT.split("\npeople:", 1)
    _, after = rest.split("\noverlaps:", 1)
    (folder / "review.yaml").write_text(f"{head}\npeople: {reference}\noverlaps:{after}", encoding="utf-8")
    return ["validate", str(folder / "review.yaml")]


def _secret_outside(folder: Path) -> list[str]:
    (folder.parent / ".env").write_text("TOKEN=ghp_secret_token_value\n", encoding="utf-8")
    (folder / "review").mkdir()
    return _with_people_file(folder / "review", "../../.env")


def _symlink_outside(folder: Path) -> list[str]:
    outside = folder / "outside"
    outside.mkdir()
    (outside / "people.csv").write_text("id,name\nTOKEN,ghp_secret_token_value\n", encoding="utf-8")
    (folder / "review").mkdir()
    (folder / "review" / "people.csv").symlink_to(outside / "people.csv")
    return _with_people_file(folder / "review", "people.csv")


def _fifo(folder: Path) -> list[str]:
    os.mkfifo(folder / "people.csv")
    return _with_people_file(folder, "people.csv")


def _github_file_name(folder: Path) -> list[str]:
    name = "x\n::stop-commands::token\n::notice::forged.yaml"
    path = example(folder, ("salary: 109000", "salary: -5"), name=name)
    return ["validate", "--format", "github", str(path)]


def _workbook(folder: Path, write: Callable[[Path], None], reference: str = "{file: hr.xlsx}") -> list[str]:
    write(folder / "hr.xlsx")
    return _with_people_file(folder, reference)


def _sparse_sheet(path: Path) -> None:
    """One cell at A1 and one at XFD1048576: the reader would allocate 17 billion cells and abort."""
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("People")
    sheet.write(0, 0, "id")
    sheet.write(1048575, 16383, "x")
    book.close()


def _zip_bomb(path: Path) -> None:
    import zipfile

    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", b"<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b" " * (300 * 1024 * 1024))


def _lying_zip(path: Path) -> None:
    """A part that declares 10 bytes and inflates to 10 MB."""
    import zipfile

    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"<" * (10 * 1024 * 1024))
    raw = bytearray(path.read_bytes())
    for header, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):  # uncompressed size, local and central
        at = raw.find(header)
        raw[at + offset:at + offset + 4] = (10).to_bytes(4, "little")
    path.write_bytes(bytes(raw))


def _two_reviews(folder: Path) -> list[str]:
    first = example(folder, name="a.yaml")
    second = example(folder, ("Leicester City Council senior", "Another senior"), name="b.yaml")
    return ["validate", str(first), str(second)]


def _output_onto_input(folder: Path) -> list[str]:
    path = example(folder)
    return ["run", str(path), "--format", "json", "-o", str(path)]


def _deep(folder: Path) -> list[str]:
    path = folder / "deep.yaml"
    path.write_text("review:\n" + "".join(" " * (i + 1) + "-\n" for i in range(12000)), encoding="utf-8")
    return ["validate", str(path)]


def _savings(folder: Path, costing: list[str], *replacements: tuple[str, str]) -> list[str]:
    """`slotting savings` on the example with lines added to its costing section and text replaced."""
    return ["savings", str(example(folder, *replacements, append="".join(f"  {line}\n" for line in costing)))]


def _validate(*replacements: tuple[str, str]) -> Callable[[Path], list[str]]:
    """`slotting validate` on the example with each (old, new) replaced once."""
    return lambda folder: ["validate", str(example(folder, *replacements))]


_CORE = [
    Case("nul_in_people", _validate((P03, "\x00" + P03)), 1, "U+0000"),
    Case("hash_in_quoted_name_then_007", lambda f: ["validate", str(example(
        f, ('name: "Holder: Strategic Director Dev. Culture & Regen", post: OLD-SD-DCR',
            'name: "Holder # Director", post: 007')))], 1, "unknown old post '007'"),
    Case("hex_salary", _validate(("salary: 109000", "salary: 0x53FC")), 1,
         "people[0].salary: expected a number"),
    Case("alias", lambda f: ["validate", str(example(f, ("salary: 109000", "salary: &s 109000"),
                                                      ("salary: 92610", "salary: *s")))], 1, "aliases"),
    Case("float_threshold_read_exactly", lambda f: ["explain", str(example(
        f, ("assimilate_threshold: 75 ", "assimilate_threshold: 7500000000000002e-14 "))), "P16"], 0,
         "not the 75.00000000000002% assimilation threshold"),
    Case("tiny_exponent_read_exactly", lambda f: ["validate", str(example(
        f, ("old_in_new: 40, new_from_old: 40}", "old_in_new: 1e-400, new_from_old: 40}")))], 0, "valid:"),
    Case("bel_in_a_name", _validate(("Holder: Strategic Director Dev", "Holder\x07")),
         1, "U+0007"),
    Case("c1_in_a_name", _validate(("Holder: Strategic Director Dev", "Holder\x9b")),
         1, "U+009B"),
    Case("del_in_a_name", _validate(("Holder: Strategic Director Dev", "Holder\x7f")),
         1, "U+007F"),
    Case("nel_line_break", _validate(("  match_threshold: 25", "\x85  match_threshold: 25")),
         1, "U+0085"),
    Case("spinal_point_twice_as_text", _validate(("    16: 110484", '    16: 110484\n    "16": 1')),
         1, "duplicate key '16'"),
    Case("spinal_point_with_leading_zero", _validate(("    9: 85575", "    9: 85575\n    09: 1")),
         1, "expected a whole number written plainly"),
    Case("spinal_point_with_sign", _validate(("    9: 85575", "    9: 85575\n    +9: 1")),
         1, "expected a whole number written plainly"),
    Case("spinal_point_as_decimal", _validate(("    9: 85575", "    9: 85575\n    9.0: 1")),
         1, "expected a whole number written plainly"),
    Case("deep_nesting", _deep, 1, "nested more than 16 levels"),
    Case("salary_1e28", lambda f: ["run", str(example(f, ("salary: 109000", "salary: 1e28")))], 1,
         "expected a number of at most 10000000"),
    Case("salary_1e400", lambda f: ["savings", str(example(f, ("salary: 109000", "salary: 1e400")))], 1,
         "expected a number of at most 10000000"),
    Case("salary_huge_exponent", lambda f: ["run", str(example(f, ("salary: 109000", "salary: 1e1000000")))], 1,
         "at most 10000000"),
    Case("round_to_tiny", lambda f: ["savings", str(example(f, ("round_to: 100 ", "round_to: 1e-25 ")))], 1,
         "expected 1, 10, 100 or 1000"),
    Case("round_to_huge", lambda f: ["savings", str(example(f, ("round_to: 100 ", "round_to: 1e30 ")))], 1,
         "expected 1, 10, 100 or 1000"),
    Case("points_span_huge", _validate(("points: [6, 9]", "points: [1, 100000000]")), 1,
         "at most 1000"),
    Case("count_1e21", _validate(("title: Head of Paid Service, grade: HPS,",
                                                             "title: Head of Paid Service, grade: HPS, count: 1e21,")),
         1, "expected a whole number"),
    Case("level_1e29", _validate(("level: 4,", "level: 1e29,")), 1, "expected a whole number"),
    Case("date_as_a_number", _validate(("effective_date: 2012-01-02", "effective_date: 0")),
         1, "expected a real calendar date written YYYY-MM-DD"),
    Case("date_as_a_timestamp", lambda f: ["validate", str(example(
        f, ("effective_date: 2012-01-02", 'effective_date: "1325462400"')))], 1, "YYYY-MM-DD"),
    Case("date_in_year_3000", lambda f: ["validate", str(example(
        f, ("effective_date: 2012-01-02", "effective_date: 3000-01-01")))], 1, "between 1900 and 2100"),
    Case("service_longer_than_working_life", lambda f: ["validate", str(example(
        f, (SALARY, SALARY + " age: 16, service_years: 70,")))], 1, "service_years is more than age minus 14"),
    Case("people_from_a_secret_outside", _secret_outside, 1, "inside the review file's folder",
         never=["ghp_secret_token_value", "TOKEN"]),
    Case("people_from_an_absolute_path", lambda f: _with_people_file(f, "/dev/zero"), 1, "not by an absolute path"),
    Case("people_through_a_link_outside", _symlink_outside, 1, "inside the review file's folder",
         never=["ghp_secret_token_value"]),
    Case("people_from_a_fifo", _fifo, 1, "not a regular file"),
    Case("github_annotation_file_name", _github_file_name, 1, "%0A%3A%3Astop-commands%3A%3A",
         never=["\n::stop-commands::", "\n::notice::"]),
    Case("two_independent_reviews", _two_reviews, 0, "valid: 20 people"),
    # Workbooks (issue 16): checked before the Rust reader allocates anything.
    Case("workbook_sparse_cell_at_xfd1048576", lambda f: _workbook(f, _sparse_sheet), 1,
         "the sheet's cells span A1:XFD1048576"),
    Case("workbook_zip_bomb", lambda f: _workbook(f, _zip_bomb), 1, "at most 268,435,456 are read"),
    Case("workbook_part_lies_about_its_size", lambda f: _workbook(f, _lying_zip), 1, "hr.xlsx"),
    Case("workbook_not_a_zip", lambda f: _workbook(f, lambda p: p.write_bytes(b"\x00\x1b[31mID,NAME\n")), 1,
         "not a workbook", never=["\x1b[31m"]),
    Case("workbook_outside_the_folder", lambda f: _with_people_file(f, "{file: ../hr.xlsx, sheet: People}"), 1,
         "inside the review file's folder"),
    Case("workbook_sheet_name_with_escapes", lambda f: _workbook(f, _sparse_sheet, '{file: hr.xlsx, sheet: "\\e[31mX"}'),
         1, "no sheet", never=["\x1b[31m"]),
    Case("output_onto_its_input", _output_onto_input, 1, "is one of the input files"),
    # The finance view: its numbers bounded, its dates checked, never a hang on a long horizon.
    Case("finance_fifty_years_of_awards", lambda f: _savings(f, ["years: 50", "pay_awards: {" + ", ".join(
         f"{y}/{(y + 1) % 100:02d}: 0.99" for y in range(2012, 2061)) + "}"]), 0, "2060/61"),
    Case("finance_years_beyond_bound", lambda f: _savings(f, ["years: 51"]), 1, "costing.years"),
    Case("finance_huge_pension", lambda f: _savings(f, ["years: 2"], (SALARY, SALARY + " pension: 1e400,")), 1,
         "pension"),
    Case("finance_funding_not_a_date", lambda f: _savings(f, ["years: 2"], (
         "external_funding: 1,", "external_funding: {share: 1, until: 1325462400},")), 1, "YYYY-MM-DD"),
]


def _gathered() -> list[Case]:
    """The cases of this module and of every area module beside it (tests/hostile/AREA.py, each a CASES list)."""
    import importlib
    import pkgutil

    found = list(_CORE)
    for module in sorted(m.name for m in pkgutil.iter_modules(__path__)):
        found.extend(importlib.import_module(f"{__name__}.{module}").CASES)
    names = [case.name for case in found]
    assert len(names) == len(set(names)), "two hostile cases share a name"
    return found


CASES = _gathered()
