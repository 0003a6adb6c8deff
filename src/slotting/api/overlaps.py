"""`overlaps_compute` (the overlap figures from JDs and a mapping) and `overlaps_suggest` (duty pairs to map)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._public import OptionError, Progress, public, within

if TYPE_CHECKING:
    from ..model import ReviewFile


@public
def overlaps_compute(review: ReviewFile) -> list[Any]:
    """Gives the overlaps computed from the review's evidence (its JDs and mapping): one row a claim, as a plain
    overlaps section holds them.

    Raises
    ------
    OptionError
        The review gives no evidence section to compute from.
    """
    if review.evidence is None:
        raise OptionError(["the review gives no evidence section ({jds: FOLDER, mapping: FILE}) to compute from"])
    return list(review.mapped)


@public
@dataclass(frozen=True)
class Suggestions:
    """Duty pairs whose wording is alike: `pairs` (for each old and new JD, a draft mapping, status suggested) and,
    given an existing mapping, `second_looks` (confirmed links with unlike wording, alike duties left unlinked);
    `sources`, the files read. `to_yaml()` gives what `slotting overlaps suggest` prints."""

    pairs: tuple[Any, ...]
    second_looks: tuple[Any, ...]
    sources: tuple[Path, ...] = ()

    def to_yaml(self) -> Iterator[str]:
        """Yields the draft mapping as YAML, a review refuses until each pair is confirmed or removed."""
        from ..render.overlaps import suggested_yaml

        return suggested_yaml(list(self.pairs), list(self.second_looks))


@public
def overlaps_suggest(folder: Path | str, *, mapping: Path | str | None = None, min_similarity: int = 60,
                     per_duty: int = 10, progress: Progress | None = None) -> Suggestions:
    """Gives the duty pairs whose wording is alike, for each old and new JD of a folder.

    Parameters
    ----------
    folder:
        A folder of job descriptions (.yaml or .md), old and new.
    mapping:
        An existing mapping: its confirmed links with unlike wording, and alike duties left unlinked, are flagged.
    min_similarity:
        The least wording similarity suggested (0-100).
    per_duty:
        The most new duties suggested for one old duty in one pair of JDs (the most alike).
    progress:
        Called with the name of each stage of the work as it starts.

    Returns
    -------
    Suggestions

    Raises
    ------
    InputError
        A JD or the mapping with problems.
    OptionError
        More duties to compare than the limits allow.
    """
    from ..reading import load_jds
    from ..reading.loader import load_mapping
    from ..rules.suggest import TooMany, second_looks, suggest

    within("min_similarity", min_similarity, 0, 100)
    within("per_duty", per_duty, 1, 500)
    jds = load_jds(folder)
    if progress is not None:
        progress("comparing wording")
    try:
        found = suggest(jds, min_similarity, per_duty)
    except TooMany as err:
        raise OptionError([f"{folder}: {err}"]) from None
    looks: list[Any] = []
    read = list(jds.sources.paths)
    if mapping is not None:
        try:
            looks = second_looks(jds, load_mapping(mapping))
        except TooMany as err:
            raise OptionError([f"{mapping}: {err}"]) from None
        read.append(Path(mapping).resolve())
    return Suggestions(tuple(found), tuple(looks), tuple(read))
