"""A folder of files (letters and their manifest) written whole, into a folder that stays the user's.

The folder may hold other things (documents, sub-folders, a .git): only the files of this run and of the
previous run are ever touched. The previous run's files are those its manifest names, and only names
that are plain file names of the kind this run writes (`owned`) are trusted: a manifest naming `../x`, a
sub-folder or a link is never a reason to delete anything. Without `force`, a folder that holds a previous
manifest or a file this run would write is refused; a folder holding only unrelated files is written into,
beside them. A link to a folder is followed, and the folder keeps its mode and group (a new one gets the
umask's mode).

The run is whole or absent: files are written into a hidden staging folder inside the target (so on its
device, even when the target is a link to a share), each file created afresh with the umask's mode, and
only when all are written is the run committed (a record of the names, written atomically) and the files
moved into place, the manifest last. An interrupt (SIGINT, SIGTERM, SIGHUP) before the commit removes the
staging folder; after it, the moves are finished. A run killed outright leaves its staging folder, which
the next run recognises (its name pattern AND the marker file written into it, never a user's folder) and
removes, or finishes if it was committed. A staging folder still locked by a live run is left alone.
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import re
import shutil
import signal
import stat
import sys
import tempfile
import threading
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .problems import OutputError

_PREFIX, _SUFFIX = ".slotting-staging-", ".tmp"
_STAGING = re.compile(r"\.slotting-staging-[a-z0-9_]{8}\.tmp")  # mkdtemp's eight random characters
_MARKER = ".slotting-staging"
_MAGIC = b"slotting: the files of an unfinished run, kept from view; slotting removes this folder at its next run\n"
_COMMIT = ".slotting-commit"  # once present, the run is complete: the names to move into place, one a line
_MANIFEST_BYTES = 64 * 1024 * 1024  # a previous manifest read to find that run's files


@dataclass(frozen=True)
class Written:
    folder: Path  # where the files are (a link's target)
    files: int  # the files of this run
    others: int  # other entries in the folder, left as they were


@dataclass(frozen=True)
class _Previous:
    found: bool  # the folder holds a manifest
    files: tuple[str, ...]  # the files it names that may be replaced (plain names of files this tool writes)
    untrusted: int  # names it holds that are not (paths, sub-folders, other kinds of file): never touched


class _Stopped(BaseException):
    """SIGTERM or SIGHUP arrived: unwinds like an interrupt, so that the staging folder is removed."""

    def __init__(self, number: int) -> None:
        super().__init__(number)
        self.number = number


def plain(name: str) -> bool:
    """Whether a name is a plain file name: no folder, no path, not hidden, nothing a shell or OS reads specially."""
    return (bool(name) and name not in (".", "..") and not name.startswith(".")
            and not any(c in name for c in "/\\\x00") and os.path.basename(name) == name)


def write_folder(files: Iterable[tuple[str, bytes]], folder: Path, *, names: Collection[str], force: bool,
                 inputs: Iterable[Path] = (), owned: Callable[[str], bool] = plain,
                 manifest: str = "manifest.csv") -> Written:
    """Writes (name, bytes) pairs into a folder, whole or not at all, and gives what was written; raises
    OutputError (nothing changed) when the folder cannot take them. `names` are the names the run will
    write (checked before any work); `owned` tells a name this tool writes."""
    target = _target(folder)
    if any(Path(p).resolve().is_relative_to(target.resolve()) for p in inputs):
        raise OutputError(f"{folder}: holds the input files; give another folder")
    created = False
    if target.is_dir():
        _tidy(folder, target, manifest, owned)
        _refuse_clash(folder, target, names, _previous(target, manifest, owned), force, manifest)
    else:
        if not target.parent.is_dir():
            raise OutputError(f"{folder}: the folder {target.parent} does not exist")
        try:
            os.mkdir(target)
        except OSError as err:
            raise OutputError(f"{folder}: cannot create the folder: {err.strerror or err}") from None
        created = True
    with _signals_unwind():
        try:
            staging, lock = _staging(target)
        except OSError as err:
            _remove_created(target, created)
            raise OutputError(f"{folder}: cannot write in the folder: {err.strerror or err}") from None
        committed = False
        try:
            written = _stage(files, staging, names)
            _commit(staging, written, manifest)
            committed = True
            _finish(target, staging, manifest, owned)
        except BaseException as err:
            if committed:
                with contextlib.suppress(OSError):  # else the next run finishes it
                    _finish(target, staging, manifest, owned)
            else:
                _remove_staging(staging)
                _remove_created(target, created)
            if isinstance(err, OSError):
                state = ("the run is complete; run the command again to finish moving its files into place"
                         if committed else "nothing was changed")
                raise OutputError(f"{folder}: cannot write: {err.strerror or err}; {state}") from None
            if isinstance(err, _Stopped):
                sys.stderr.write(f"{folder}: stopped by a signal; "
                                 f"{'the run was complete and is in place' if committed else 'nothing was changed'}\n")
                raise SystemExit(128 + err.number) from None
            raise
        finally:
            os.close(lock)
    ours = set(written)
    others = sum(1 for entry in os.scandir(target) if entry.name not in ours)
    return Written(target, len(ours), others)


def _target(folder: Path) -> Path:
    """The folder a path names: a link's target (followed), else the path itself."""
    if folder.is_symlink():
        try:
            target = folder.resolve(strict=True)
        except (OSError, RuntimeError):
            raise OutputError(f"{folder}: is a link to a folder that does not exist") from None
    else:
        target = folder.absolute()
    if target.exists() and not target.is_dir():
        raise OutputError(f"{folder}: is not a folder")
    return target


def _previous(target: Path, manifest: str, owned: Callable[[str], bool]) -> _Previous:
    """The files a previous run's manifest names, sorted into those that may be replaced and those never touched."""
    path = target / manifest
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return _Previous(False, (), 0)
    if not stat.S_ISREG(info.st_mode) or info.st_size > _MANIFEST_BYTES:
        return _Previous(True, (), 0)
    try:
        with open(path, "rb") as handle:
            text = handle.read(_MANIFEST_BYTES).decode("utf-8-sig")
        named = [row.get("file") or "" for row in csv.DictReader(io.StringIO(text))]
    except (OSError, UnicodeDecodeError, csv.Error):
        return _Previous(True, (), 0)
    trusted = tuple(dict.fromkeys(n for n in named if n != manifest and plain(n) and owned(n)
                                  and _regular(target / n)))
    return _Previous(True, trusted, sum(1 for n in named if n not in trusted and os.path.lexists(target / n)))


def _regular(path: Path) -> bool:
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False


def _refuse_clash(folder: Path, target: Path, names: Collection[str], previous: _Previous, force: bool,
                  manifest: str) -> None:
    clashes = sorted(n for n in names if os.path.lexists(target / n))
    for name in clashes:
        if (target / name).is_dir() and not (target / name).is_symlink():
            raise OutputError(f"{folder}: {name} is a folder; this run writes a file of that name. Move it, or "
                              "give another folder")
    if previous.untrusted:
        sys.stderr.write(f"note: {folder / manifest} names {previous.untrusted} entr{'y' if previous.untrusted == 1 else 'ies'} "
                         "that are not plain letter files (a path, a folder, a link or another kind of file); they "
                         "are never touched\n")
    if force:
        return
    if previous.found:
        raise OutputError(f"{folder}: holds the files of an earlier run ({manifest} lists them); give --force to "
                          "replace them (the folder's other files are kept), or give another folder")
    if clashes:
        more = f" and {len(clashes) - 1} more" if len(clashes) > 1 else ""
        raise OutputError(f"{folder}: already holds {clashes[0]}{more}, which this run would write; give --force to "
                          "replace them (the folder's other files are kept), or give another folder")


def _staging(target: Path) -> tuple[Path, int]:
    """Gives a new staging folder inside the target, with its marker written and locked (so that no other run
    takes it for a stale one)."""
    staging = Path(tempfile.mkdtemp(prefix=_PREFIX, suffix=_SUFFIX, dir=target))
    try:
        lock = os.open(staging / _MARKER, os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o600)
        _lock(lock, wait=False)
        os.write(lock, _MAGIC)
    except BaseException:
        _remove_staging(staging)
        raise
    return staging, lock


def _lock(fd: int, *, wait: bool) -> bool:
    """Locks a marker for this process; gives False when another process holds it."""
    try:
        import fcntl
    except ImportError:  # not POSIX: no lock, the marker alone tells our folders
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
    except BlockingIOError:
        return False
    return True


def _stage(files: Iterable[tuple[str, bytes]], staging: Path, names: Collection[str]) -> list[str]:
    written: dict[str, None] = {}
    for name, data in files:
        if not plain(name) or name in written or (names and name not in names):
            raise ValueError(f"not a file name this run may write: {name!r}")  # a bug: names are made by us
        fd = os.open(staging / name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
                     | getattr(os, "O_CLOEXEC", 0), 0o666)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        written[name] = None
    return list(written)


def _commit(staging: Path, written: list[str], manifest: str) -> None:
    """Records the run as complete: the names in the order they are moved, the manifest last."""
    order = [n for n in written if n != manifest] + [n for n in written if n == manifest]
    record = staging / (_COMMIT + ".new")
    record.write_text("".join(f"{n}\n" for n in order), encoding="utf-8")
    os.replace(record, staging / _COMMIT)


def _finish(target: Path, staging: Path, manifest: str, owned: Callable[[str], bool]) -> None:
    """Moves a committed run's files into place (again, after an interrupt: each step may be repeated): first
    the previous run's files that this run does not write are removed, while the previous manifest is still in
    place; the manifest is moved last; then the staging folder goes."""
    order = [n for n in (staging / _COMMIT).read_text(encoding="utf-8").splitlines() if plain(n)]
    if os.path.lexists(staging / manifest):
        for name in set(_previous(target, manifest, owned).files) - set(order):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(target / name)
    for name in order:
        if os.path.lexists(staging / name):
            os.replace(staging / name, target / name)
    _remove_staging(staging)


def _remove_staging(staging: Path) -> None:
    """Removes a staging folder of ours (its marker last, so that a half-removed one is still recognised)."""
    with contextlib.suppress(OSError):
        for entry in os.scandir(staging):
            if entry.name != _MARKER:
                if entry.is_dir(follow_symlinks=False):
                    shutil.rmtree(entry.path, ignore_errors=True)
                else:
                    os.unlink(entry.path)
        os.unlink(staging / _MARKER)
        os.rmdir(staging)


def _remove_created(target: Path, created: bool) -> None:
    if created:
        with contextlib.suppress(OSError):
            os.rmdir(target)  # only when still empty


def _ours(entry: os.DirEntry[str]) -> int | None:
    """Gives the locked marker's descriptor when an entry is a staging folder of this tool that no live run holds."""
    if not _STAGING.fullmatch(entry.name) or not entry.is_dir(follow_symlinks=False):
        return None
    try:
        fd = os.open(os.path.join(entry.path, _MARKER), os.O_RDWR | getattr(os, "O_NOFOLLOW", 0)
                     | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode) or os.read(fd, len(_MAGIC) + 1) != _MAGIC:
            os.close(fd)
            return None
    except OSError:
        os.close(fd)
        return None
    if not _lock(fd, wait=False):
        os.close(fd)
        raise OutputError(f"{Path(entry.path).parent}: another slotting run is writing into this folder; wait for "
                          "it to finish")
    return fd


def _tidy(folder: Path, target: Path, manifest: str, owned: Callable[[str], bool]) -> None:
    """Finishes or removes what runs killed outright left in the folder; notes what older versions left beside it."""
    for entry in list(os.scandir(target)):
        fd = _ours(entry)
        if fd is None:
            continue
        try:
            staging = Path(entry.path)
            if (staging / _COMMIT).is_file():
                _finish(target, staging, manifest, owned)
            else:
                _remove_staging(staging)
        except OSError as err:
            raise OutputError(f"{folder}: cannot tidy what an interrupted run left ({entry.name}): "
                              f"{err.strerror or err}") from None
        finally:
            os.close(fd)
    old = re.compile(rf"\.{re.escape(target.name)}\.[a-z0-9_]{{8}}\.(tmp|old)")
    with contextlib.suppress(OSError):
        for entry in os.scandir(target.parent):
            if old.fullmatch(entry.name) and entry.is_dir(follow_symlinks=False) and any(
                    os.path.lexists(os.path.join(entry.path, *p)) for p in ((manifest,), ("previous", manifest))):
                sys.stderr.write(f"note: {entry.path} holds the files of an interrupted run of an earlier version of "
                                 "slotting (they may name people); it is left as it is: delete it once checked\n")


@contextlib.contextmanager
def _signals_unwind() -> Iterator[None]:
    """Within: SIGTERM and SIGHUP unwind the stack like an interrupt does (only in the main thread, where Python
    runs signal handlers), so that `finally` cleans up; the previous handlers come back after."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(number: int, _frame: object) -> None:
        raise _Stopped(number)

    wanted = [s for s in (getattr(signal, "SIGTERM", None), getattr(signal, "SIGHUP", None)) if s is not None]
    previous = {}
    for number in wanted:
        if signal.getsignal(number) is signal.SIG_IGN:  # e.g. nohup: the user asked to ignore it
            continue
        previous[number] = signal.signal(number, stop)
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
