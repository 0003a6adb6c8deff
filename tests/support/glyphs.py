"""Writes src/slotting/render/glyphs.py: the characters the fonts bundled in the typst package can draw.

    python -m tests.support.glyphs            # rewrite the table from the installed typst package
    python -m tests.support.glyphs --check    # exit 1 if the table differs (tests/test_report.py runs this)

The PDF is typeset with Typst's own fonts only (ignore_system_fonts), which the typst wheel carries
inside its compiled module. They are found there by their sfnt headers and their 'cmap' tables read
by the small parser below (formats 4 and 12, enough for these fonts), so the table is made from the
very fonts Typst uses and needs no font library. Run it again whenever the pinned typst changes.
"""

from __future__ import annotations

import argparse
import re
import struct
import sys
from pathlib import Path

TARGET = Path(__file__).parent.parent.parent / "src" / "slotting" / "render" / "glyphs.py"


def _u16(data: bytes, at: int) -> int:
    return struct.unpack_from(">H", data, at)[0]


def _u32(data: bytes, at: int) -> int:
    return struct.unpack_from(">I", data, at)[0]


def _tables(data: bytes, start: int) -> dict[bytes, tuple[int, int]] | None:
    """The table directory of an sfnt font starting at `start` (absolute offsets), or None if it is not one."""
    count = _u16(data, start + 4)
    if not 5 <= count <= 60:
        return None
    found = {}
    for i in range(count):
        record = start + 12 + 16 * i
        tag = data[record:record + 4]
        if not re.fullmatch(rb"[A-Za-z0-9/ _]{4}", tag):
            return None
        offset, length = _u32(data, record + 8), _u32(data, record + 12)
        if start + offset + length > len(data):
            return None
        found[tag] = (start + offset, length)
    return found if b"cmap" in found and b"name" in found else None


def _family(data: bytes, at: int) -> str:
    """The font's family name (name id 16, else 1), from its Windows Unicode records."""
    count, strings = _u16(data, at + 2), at + _u16(data, at + 4)
    names = {}
    for i in range(count):
        record = at + 6 + 12 * i
        platform, _, _, name_id, length, offset = struct.unpack_from(">6H", data, record)
        if platform == 3 and name_id in (1, 16):
            names[name_id] = data[strings + offset:strings + offset + length].decode("utf-16-be", "replace")
    return names.get(16) or names.get(1, "")


def _cmap(data: bytes, at: int) -> set[int]:
    """The code points the font's best Unicode cmap subtable maps to a glyph other than .notdef."""
    subtables = {}
    for i in range(_u16(data, at + 2)):
        platform, encoding, offset = struct.unpack_from(">HHI", data, at + 4 + 8 * i)
        subtables[(platform, encoding)] = at + offset
    for key in ((3, 10), (0, 4), (0, 6), (3, 1), (0, 3), (0, 1), (0, 0)):
        if key in subtables:
            table = subtables[key]
            kind = _u16(data, table)
            if kind == 12:
                return _format12(data, table)
            if kind == 4:
                return _format4(data, table)
    raise SystemExit("no Unicode cmap of format 4 or 12")


def _format12(data: bytes, at: int) -> set[int]:
    codes: set[int] = set()
    for i in range(_u32(data, at + 12)):
        first, last, glyph = struct.unpack_from(">III", data, at + 16 + 12 * i)
        codes.update(range(first + (glyph == 0), last + 1))
    return codes


def _format4(data: bytes, at: int) -> set[int]:
    segments = _u16(data, at + 6) // 2
    ends, starts = at + 14, at + 16 + 2 * segments
    deltas, ranges = starts + 2 * segments, starts + 4 * segments
    codes: set[int] = set()
    for s in range(segments):
        end, start = _u16(data, ends + 2 * s), _u16(data, starts + 2 * s)
        delta, range_offset = _u16(data, deltas + 2 * s), _u16(data, ranges + 2 * s)
        for code in range(start, end + 1):
            if code == 0xFFFF:
                continue
            if range_offset == 0:
                glyph = (code + delta) & 0xFFFF
            else:
                glyph = _u16(data, ranges + 2 * s + range_offset + 2 * (code - start))
                glyph = (glyph + delta) & 0xFFFF if glyph else 0
            if glyph:
                codes.add(code)
    return codes


def _key(family: str) -> str:
    """A family name as compared: Typst calls "NewComputerModern" "New Computer Modern"."""
    return family.replace(" ", "").lower()


def bundled_coverage() -> tuple[list[str], set[int]]:
    """Gives the families of the typst package's own fonts and every code point one of them can draw."""
    import typst

    families = {_key(f) for f in typst.Fonts(include_system_fonts=False, include_embedded_fonts=True).families()}
    module = next(Path(typst.__file__).parent.glob("_typst*"))
    data = module.read_bytes()
    codes: set[int] = set()
    seen = set()
    for match in re.finditer(rb"OTTO|\x00\x01\x00\x00|true", data):
        tables = _tables(data, match.start())
        if tables is None:
            continue
        family = _key(_family(data, tables[b"name"][0]))
        if family in families:
            seen.add(family)
            codes |= _cmap(data, tables[b"cmap"][0])
    if seen != families:
        raise SystemExit(f"fonts not found in {module}: {sorted(families - seen)}")
    return sorted(typst.Fonts(include_system_fonts=False).families()), codes


def ranges(codes: set[int]) -> list[tuple[int, int]]:
    """Gives the code points as sorted inclusive (first, last) runs."""
    runs: list[list[int]] = []
    for code in sorted(codes):
        if runs and runs[-1][1] == code - 1:
            runs[-1][1] = code
        else:
            runs.append([code, code])
    return [(a, b) for a, b in runs]


def module_text() -> str:
    import typst

    families, codes = bundled_coverage()
    runs = ranges(codes)
    body = "".join(f"    (0x{a:04X}, 0x{b:04X}),\n" for a, b in runs)
    return ('"""The characters the PDF\'s fonts can draw: those bundled in the typst package.\n\n'
            f"The fonts of typst {typst.__version__}:\n{', '.join(families)}.\n"
            "Made by tests/support/glyphs.py from the fonts' cmap tables; do not edit by hand. Each run is\n"
            '(first, last) code point, inclusive, in order."""\n\n'
            f"DRAWN = (\n{body})\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the table differs from the fonts")
    args = parser.parse_args()
    text = module_text()
    if args.check:
        sys.exit(0 if TARGET.read_text(encoding="utf-8") == text else 1)
    TARGET.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
