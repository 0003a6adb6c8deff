"""Where rendered output goes: standard output, or a file written atomically. Nothing else writes.

A renderer yields pieces: bytes (written as they are), text (encoded for the destination) or a rich
renderable (a table: printed at the terminal's width with colour where the terminal takes it, else
as plain text). A file is written to a temporary file beside it and renamed into place, so a failed
or interrupted run leaves the old file as it was; its mode is kept, and a symbolic link keeps
pointing where it did (its target is replaced). A device such as /dev/null is written to directly.
A folder of files (letters) is written into a folder that stays the user's (slotting.folder).
"""

from __future__ import annotations

import functools
import io
import os
import stat
import sys
import tempfile
from collections.abc import Callable, Collection, Iterable
from pathlib import Path
from typing import IO, Any

from .problems import OutputError  # where it is raised and caught: the command line catches it from here

__all__ = ["OutputError", "ascii_rules", "emit", "emit_folder", "refuse_inputs_as_output", "terminal_width"]

FILE_WIDTH = 120  # columns of a table written to a file
UNBOUNDED = 10_000  # the width at which a table's true minimum is measured (rich clamps to the width)



def refuse_inputs_as_output(output: Path | None, inputs: Iterable[Path]) -> None:
    """Raises OutputError when -o names one of the input files: it would be overwritten."""
    if output is None:
        return
    target = _target(output)
    for path in inputs:
        try:
            if target.exists() and path.exists() and os.path.samefile(target, path):
                raise OutputError(f"{output}: is one of the input files; choose another output file")
        except OSError:
            continue


def _target(output: Path) -> Path:
    """The file a path names: a symbolic link's target (resolved), else the path itself."""
    return output.resolve() if output.is_symlink() else output


def terminal_width() -> int:
    """The width of tables on standard output: COLUMNS when set to a positive number, else the
    terminal's, else 80."""
    value = os.environ.get("COLUMNS", "")
    if value.isdigit() and int(value) > 0:
        return int(value)
    try:
        return os.get_terminal_size(sys.stdout.fileno()).columns if sys.stdout.isatty() else 80
    except (OSError, ValueError):
        return 80


def emit(pieces: Iterable[Any], output: Path | None = None) -> None:
    """Writes rendered pieces to standard output, or atomically to a file."""
    if output is None:
        _write(pieces, sys.stdout.buffer, sys.stdout.encoding or "utf-8", terminal=True)
        sys.stdout.buffer.flush()
        return
    _write_file(pieces, output)
    sys.stderr.write(f"wrote {output}\n")


def _write_file(pieces: Iterable[Any], output: Path) -> None:
    target = _target(output)
    if target.is_dir():
        raise OutputError(f"{output}: is a folder; give a file name")
    if target.exists() and not target.is_file():  # a device or pipe: written to, never renamed over
        try:
            with target.open("wb") as handle:
                _write(pieces, handle, "utf-8", terminal=False)
        except OSError as err:
            raise OutputError(f"{output}: cannot write: {err.strerror or err}") from None
        return
    folder = target.absolute().parent
    if not folder.is_dir():
        raise OutputError(f"{output}: the folder {folder} does not exist")
    mode = stat.S_IMODE(target.stat().st_mode) if target.exists() else _default_mode()
    try:
        fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as err:
        raise OutputError(f"{output}: cannot write in {folder}: {err.strerror or err}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            _write(pieces, handle, "utf-8", terminal=False)
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except OSError as err:
        Path(temporary).unlink(missing_ok=True)
        raise OutputError(f"{output}: cannot write: {err.strerror or err}; the old file, if any, is unchanged") from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _default_mode() -> int:
    """The mode a new file gets from the process's umask (mkstemp's own is 0600)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _write(pieces: Iterable[Any], handle: IO[bytes], encoding: str, *, terminal: bool) -> None:
    for piece in pieces:
        if isinstance(piece, bytes):
            handle.write(piece)
        elif isinstance(piece, str):
            _write_text(handle, piece, encoding)
        else:
            _write_text(handle, _rendered(piece, terminal, encoding), encoding)


def _write_text(handle: IO[bytes], text: str, encoding: str, chunk: int = 1 << 20) -> None:
    """Writes text a megabyte at a time; where the encoding has no £ (ASCII), it is written GBP, and any
    other character it has not is written as its escape (\\u4e2d), never lost and never an error."""
    for start in range(0, len(text), chunk):
        part = text[start:start + chunk]
        try:
            handle.write(part.encode(encoding))
        except UnicodeEncodeError:
            handle.write(part.replace("£", "GBP").encode(encoding, errors="backslashreplace"))


def _ascii_rule(character: str) -> str:
    """The ASCII character that stands for a box-drawing one: a line - (= when double) or |, else +."""
    import unicodedata

    words = set(unicodedata.name(character, "").split())
    across, down = words & {"HORIZONTAL", "LEFT", "RIGHT"}, words & {"VERTICAL", "UP", "DOWN"}
    if across and not down:
        return "=" if "DOUBLE" in words else "-"
    return "|" if down and not across else "+"


@functools.lru_cache(maxsize=8)
def ascii_rules(encoding: str) -> dict[int, str]:
    """Gives, for str.translate, the box-drawing characters (U+2500-U+257F) that text in this encoding cannot
    hold, each mapped to the ASCII that keeps the table's shape (an empty map for UTF-8)."""
    missing = {}
    for code in range(0x2500, 0x2580):
        try:
            chr(code).encode(encoding)
        except UnicodeEncodeError:
            missing[code] = _ascii_rule(chr(code))
        except LookupError:
            return {c: _ascii_rule(chr(c)) for c in range(0x2500, 0x2580)}
    return missing


def _rendered(renderable: Any, terminal: bool, encoding: str = "utf-8") -> str:
    """A rich renderable as text: for the terminal at its width (colour where it takes it), else plain.
    Where the encoding has no box drawing (ASCII, cp1252), the rules are drawn - + |, in the same places:
    rich's own fallback (box.ASCII) would draw every table as a full grid, and a table it does not lay
    out (slotting run's large lists) would keep its box characters."""
    from rich.console import Console

    to_terminal = terminal and sys.stdout.isatty()
    width = terminal_width() if terminal else FILE_WIDTH

    def console(width: int) -> Console:
        return Console(file=io.StringIO(), width=width, highlight=False, force_terminal=to_terminal or None,
                       color_system="auto" if to_terminal else None, legacy_windows=False)

    # Never narrower than the tables need: rich would crop a value or drop a column to fit.
    needed = console(UNBOUNDED).measure(renderable).minimum
    printer = console(max(width, needed))
    printer.print(renderable)
    text: str = printer.file.getvalue()  # type: ignore[attr-defined]
    if not to_terminal:  # rich pads every line to the width: a file or a pipe gets no trailing spaces
        text = "\n".join(line.rstrip() for line in text.split("\n"))
    rules = ascii_rules(encoding)
    return text.translate(rules) if rules else text


def emit_folder(files: Iterable[tuple[str, bytes]], folder: Path, *, names: Collection[str], force: bool = False,
                inputs: Iterable[Path] = (), owned: Callable[[str], bool] | None = None,
                manifest: str = "manifest.csv") -> Any:
    """Writes (name, bytes) pairs, made one at a time, into a folder whose other files are never touched, whole
    or not at all (slotting.folder says how), and gives what was written (folder.Written). A folder that holds
    an input file is always refused; one that holds an earlier run's files is refused unless `force`."""
    from .folder import plain, write_folder

    return write_folder(files, folder, names=names, force=force, inputs=inputs, owned=owned or plain,
                        manifest=manifest)
