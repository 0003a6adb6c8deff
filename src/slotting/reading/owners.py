"""The reviews that own a file: those that name it as a section, a table, a JD or a mapping.

A pre-commit hook or a CI job is given the files a commit changed. A section file (`sections/people.yaml`,
`people.csv`, `hr_export.xlsx`) is not a review and cannot be checked alone; its reviews can. The rule: a
review owns a file when the review names it (a top-level section's YAML file, a list section's CSV file or
workbook, evidence's JD folder holding it or its mapping file). Since a review's files lie in its folder or
below it, its owners are looked for among the review files (.yaml, .yml) of the file's own folder and of each
folder above it, up to the folder the command runs in (only the file's own folder when it lies outside).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from ..problems import InputError
from . import yaml_text
from .files import read_text

_YAML = (".yaml", ".yml")
_LISTS = (("people",), ("overlaps",), ("old_structure", "posts"), ("new_structure", "posts"), ("decisions",))
MOST_SCANNED = 2_000  # review files read in looking for owners: a folder of generated files is not read whole


def owners_of(file: Path, top: Path) -> list[Path]:
    """Gives the reviews that name `file`, nearest folder first then by name, searched from the file's folder up
    to `top` (the file's own folder alone when it is not below `top`)."""
    target = Path(os.path.realpath(file))
    top = Path(os.path.realpath(top))
    folder = target.parent
    folders = [folder]
    if folder.is_relative_to(top):
        while folder != top and folder.parent != folder:
            folder = folder.parent
            folders.append(folder)
    found: list[Path] = []
    scanned = 0
    for place in folders:
        shown = Path(os.path.relpath(place)) if place.is_relative_to(Path.cwd()) else place
        try:
            names = sorted(entry.name for entry in os.scandir(place)
                           if entry.name.lower().endswith(_YAML) and _regular(entry))
        except OSError:
            continue
        for name in names:
            if scanned >= MOST_SCANNED:
                return found
            scanned += 1
            candidate = place / name
            if candidate == target:
                continue
            if target in _named_by(candidate):
                found.append(shown / name)
    return found


def _regular(entry: os.DirEntry[str]) -> bool:
    """Whether a folder's entry is a regular file (a link to one too); a link loop or a FIFO is not."""
    try:
        return entry.is_file()
    except OSError:
        return False


def _named_by(review: Path) -> set[Path]:
    """Gives the resolved files a review file names (for a JD folder, every file in it), or none when it is not a
    review or cannot be read."""
    try:
        parsed = yaml_text.parse(read_text(review), str(review))
    except InputError:
        return set()
    data = parsed.data
    if parsed.problems or not isinstance(data, dict) or "review" not in data:
        return set()
    folder = review.resolve().parent
    named = {Path(os.path.realpath(folder / name)) for name in _section_files(data) if name and "\x00" not in name}
    evidence = data.get("evidence")
    if isinstance(evidence, dict):
        named |= _evidence_files(evidence, folder)
    return {path for path in named if path.is_relative_to(folder)}


def _section_files(data: dict[str, Any]) -> list[str]:
    """Gives the names of the files a review's sections and list sections name."""
    names: list[str] = [value for value in data.values() if isinstance(value, str) and value.lower().endswith(_YAML)]
    for section in _LISTS:
        value: Any = data
        for part in section:
            value = value.get(part) if isinstance(value, dict) else None
        if isinstance(value, dict):
            value = value.get("file")
        if isinstance(value, str):
            names.append(value)
    return names


def _evidence_files(evidence: dict[str, Any], folder: Path) -> set[Path]:
    """Gives the resolved mapping file and every file of the JD folder that a review's evidence names."""
    named: set[Path] = set()
    if isinstance(evidence.get("mapping"), str):
        named.add(Path(os.path.realpath(folder / evidence["mapping"])))
    jds = evidence.get("jds")
    if isinstance(jds, str) and "\x00" not in jds:
        jd_folder = Path(os.path.realpath(folder / jds))
        if jd_folder.is_dir() and jd_folder.is_relative_to(folder):
            named |= {Path(os.path.realpath(p)) for p in jd_folder.iterdir() if p.is_file()}
    return named
