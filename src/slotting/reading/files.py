"""Opening input files: size-bounded, regular files only, decoded as UTF-8, references confined.

This is the only module that opens an input file. A review file is named by the user; the files it
names for its sections (CSV tables, YAML sections) must stay inside the review's folder, so that a
review in a pull request cannot read `../.env` or `/etc/passwd`, and nothing of a refused file is
ever echoed.
"""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

from .. import limits
from ..problems import InputError, Problem


def _refuse(file: str, message: str, line: int | None = None, column: int | None = None, path: str = "") -> InputError:
    return InputError([Problem(file, line, column, path, message)])


def read_text(path: Path, *, shown_as: str | None = None, record: dict[str, str] | None = None) -> str:
    """Gives a file's text decoded as UTF-8 (a BOM is allowed), or raises a located InputError; `record` as for
    read_bytes."""
    name = shown_as or str(path)
    raw = read_bytes(path, shown_as=shown_as, record=record)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1
        column = err.start - (raw.rfind(b"\n", 0, err.start) + 1) + 1
        raise _refuse(name, f"text is not UTF-8 (byte 0x{raw[err.start]:02x}); save the file as UTF-8",
                      line, column) from None


def read_bytes(path: Path, *, shown_as: str | None = None, record: dict[str, str] | None = None) -> bytes:
    """Gives a file's bytes, or raises a located InputError; the file's resolved path and SHA-256 are added to
    `record` when one is given (the review's own record of its inputs, model.sources).

    Only a regular file of at most limits.FILE_BYTES is read: a FIFO would block forever and
    /dev/zero never ends, so both are refused before anything is read.
    """
    name = shown_as or str(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as err:
        raise _refuse(name, f"cannot read the file: {err.strerror or err}") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise _refuse(name, "is a folder; give a review file")
        if not stat.S_ISREG(info.st_mode):
            raise _refuse(name, "is not a regular file (a device, pipe or socket); give a review file")
        if info.st_size > limits.FILE_BYTES:
            raise _refuse(name, f"the file is {info.st_size:,} bytes; at most {limits.FILE_BYTES:,} are read")
        with os.fdopen(fd, "rb", closefd=True) as handle:
            fd = -1
            raw = handle.read(limits.FILE_BYTES + 1)
    except OSError as err:
        raise _refuse(name, f"cannot read the file: {err.strerror or err}") from None
    finally:
        if fd >= 0:
            os.close(fd)
    if len(raw) > limits.FILE_BYTES:
        raise _refuse(name, f"the file is larger than {limits.FILE_BYTES:,} bytes")
    if record is not None:
        record[os.path.realpath(path)] = hashlib.sha256(raw).hexdigest()
    return raw


def referenced(review: Path, name: str) -> Path | str:
    """Gives the path of a file that a review names for a section, or the reason it is refused.

    It must be a relative path that stays inside the review file's folder once `..` and symbolic
    links are resolved.
    """
    if not name or "\x00" in name:
        return "expected a file name"
    reference = Path(name)
    if reference.is_absolute() or name.startswith("~"):
        return "a section file must be named relative to the review file's folder, not by an absolute path"
    folder = review.resolve().parent
    try:
        target = (folder / reference).resolve()
    except (OSError, RuntimeError):  # a symbolic link loop
        return "the section file cannot be resolved"
    if not target.is_relative_to(folder):
        return "a section file must be inside the review file's folder"
    return target
