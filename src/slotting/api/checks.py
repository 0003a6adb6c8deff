"""`validate` (every problem of each review, located), `schema` (the input format) and `starter` (a review to fill in).

Nothing here slots: validating a review imports the reading and the models alone.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from ._public import Progress, public

if TYPE_CHECKING:
    from ..problems import Problem

COUNTS = ("people", "old_posts", "new_posts", "places", "overlaps")


@public
@dataclass(frozen=True)
class Validation:
    """What `validate` found: `reviews` (for each review file, in order: file, valid, problems, and when valid its
    counts of people, old_posts, new_posts, places and overlaps) and `problems` (every problem found, located).
    `to_json()` gives `slotting validate --format json` (with `counts=True`, `--counts`)."""

    reviews: tuple[dict[str, Any], ...]
    problems: tuple[Problem, ...]

    @property
    def valid(self) -> bool:
        """True when no review has a problem."""
        return not self.problems

    def to_json(self, *, counts: bool = False) -> str:
        """Gives the JSON `slotting validate --format json` prints: the list of problems, or with `counts` an object
        {reviews, problems}."""
        from ..render.validate import problems_json, validation_json
        from ._public import joined

        return joined(validation_json(self.reviews, self.problems) if counts else problems_json(self.problems))

    def as_dict(self) -> dict[str, Any]:
        """Gives {reviews, problems} as `slotting validate --format json --counts` prints it, as Python data."""
        import json

        found: dict[str, Any] = json.loads(self.to_json(counts=True))
        return found


@public
def validate(*files: Path | str, owners: bool = False, progress: Progress | None = None) -> Validation:
    """Gives every problem of each review file, located, and the counts of each valid one.

    Parameters
    ----------
    files:
        Review files, each one review.
    owners:
        For each file that a review names (a section's YAML, CSV or workbook, a JD, the mapping), check the reviews
        that name it (in its folder and each folder above it, up to the current folder) instead; a table or
        workbook that no review names is a problem.
    progress:
        Called with the name of each stage of reading as it starts.

    Returns
    -------
    Validation
        `valid` is False when any review has a problem.
    """
    from ..problems import InputError
    from ..reading import load
    from ..render.validate import counts as counted

    problems: list[Problem] = []
    reviews: list[dict[str, Any]] = []
    paths = [Path(f) for f in files]
    checked = _with_owners(paths, problems) if owners else paths
    for path in checked:
        try:
            review = load(path, progress)
        except InputError as err:
            problems += err.problems
            reviews.append({"file": str(path), "valid": False, "problems": len(err.problems),
                            **dict.fromkeys(COUNTS)})
            continue
        reviews.append({"file": str(path), "valid": True, "problems": 0, **counted(review)})
    return Validation(tuple(reviews), tuple(problems))


def _with_owners(files: Sequence[Path], problems: list[Problem]) -> list[Path]:
    """Gives the reviews to check for the files given: each file's owners (reading.owners) in its place, else the
    file itself when it is YAML; a table or workbook that no review names is added to `problems`."""
    import os

    from ..problems import Problem
    from ..reading.owners import owners_of

    checked: list[Path] = []
    seen: set[str] = set()
    for path in files:
        found = owners_of(path, Path.cwd())
        if not found and path.suffix.lower() not in (".yaml", ".yml"):
            problems.append(Problem(str(path), None, None, "", "no review names this file: a table or workbook is "
                                    "checked through a review in its folder or a folder above it that names it"))
            continue
        for review in found or [path]:
            key = os.path.realpath(review)
            if key not in seen:
                seen.add(key)
                checked.append(review)
    return checked


@public
def schema() -> str:
    """Gives the JSON Schema of the input format as the JSON text `slotting schema` prints (for editors)."""
    from ..model.schema import schema_json

    return schema_json()


@public
def starter(*, format: Literal["yaml", "xlsx"] = "yaml") -> Iterator[tuple[str, bytes]]:
    """Yields (file name, content) for each file of a starter review, valid as written: every required section, the
    common optional ones, and the schema.

    Parameters
    ----------
    format:
        "yaml": one commented review file with a small example; "xlsx": a workbook with a sheet per list (people,
        posts, overlaps) and a short review file naming its sheets.
    """
    from ..render.starter import starter as made

    return made(format)


def starter_names(format: str) -> tuple[str, ...]:
    """Gives the names of the files `starter()` gives for a format, in order."""
    from ..render.starter import names

    return names(format)
