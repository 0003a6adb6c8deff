"""The files a review (or a folder of job descriptions) was read from, each with its SHA-256: state kept on what
was read, so that two reviews loaded in one process each know their own inputs."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import NamedTuple


class SourceFile(NamedTuple):
    """One input file: its resolved path and the SHA-256 of its bytes as read."""

    path: Path
    sha256: str


class Sources(tuple[SourceFile, ...]):
    """The input files read, in the order of their paths; empty for a review built in Python."""

    __slots__ = ()

    def __new__(cls, files: Iterable[SourceFile] = ()) -> Sources:
        return super().__new__(cls, sorted(files, key=lambda f: str(f.path)))

    @classmethod
    def of(cls, read: Mapping[str, str]) -> Sources:
        """Gives the sources of a record of files read (resolved path -> SHA-256)."""
        return cls(SourceFile(Path(path), sha) for path, sha in read.items())

    @property
    def paths(self) -> list[Path]:
        """Gives the files' paths, in order."""
        return [f.path for f in self]

    @property
    def digest(self) -> str:
        """Gives a SHA-256 over each file's own SHA-256, in the order of their paths, so that a reader can tell
        which data produced an output (the report's footer)."""
        return hashlib.sha256("".join(f.sha256 for f in self).encode()).hexdigest()

    def __repr__(self) -> str:
        return f"Sources({[str(p) for p in self.paths]!r})"
