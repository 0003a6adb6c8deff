"""`compare`: options side by side (or one review's stages)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..rules.compare import Comparison as _Comparison
from ._public import AsJson, OptionError, Progress, public, republished
from .slotting import Stage

if TYPE_CHECKING:
    from ..model import ReviewFile


@public
@dataclass(frozen=True)
class Comparison(_Comparison, AsJson):
    """Options side by side: `options` (each one's headline figures, and with the finance view its protection,
    one-off exit costs, net saving and payback), `people` (each person's slotting in every option, and what differs),
    `posts` (new posts added, removed or changed) and `savings` (the rows side by side), and the `sources` (every
    file the reviews were read from). `changed(level)` gives the people whose slotting differs in the way
    `--fail-on LEVEL` fails on. `to_json()` gives `slotting compare --format json`."""

    sources: tuple[Path, ...] = ()

    def _json(self) -> Iterable[bytes]:
        from ..render.compare import compare_json

        return compare_json(self)


def _quiet(_: str) -> None:
    pass


@public
def compare(reviews: Sequence[Path | str | ReviewFile], *, labels: Sequence[str] | None = None,
            stages: Sequence[Stage] | None = None, progress: Progress | None = None) -> Comparison:
    """Gives the comparison of options: the same restructure proposed two or more ways, or one review's stages.

    Parameters
    ----------
    reviews:
        Two or more review files (or reviews from `load()`); with `stages`, one.
    labels:
        A name for each option (or stage); default the file names (the review's name for a review given loaded).
    stages:
        Compare one review's stages instead, e.g. ("proposal", "current"): each stage an option, with the people
        of each status, the one-off redundancy cost and its part decided.
    progress:
        Called with the name of each stage of the work as it starts.

    Returns
    -------
    Comparison
        Its `to_json()` is what `slotting compare --format json` prints.

    Raises
    ------
    InputError
        A review file with problems.
    OptionError
        Fewer than two options, a label too few or too many, stages with more than one review or unknown (an
        OptionError is a ValueError).
    """
    note = progress or _quiet
    given = list(reviews)
    if stages:
        if len(given) != 1:
            raise OptionError([f"stages compares the stages of one review; got {len(given)}"])
        names: list[str] = [stages] if isinstance(stages, str) else list(stages)
        unknown = [name for name in names if name not in ("proposal", "current")]
        if unknown:
            raise OptionError([f"stages: {name!r} is not one of 'proposal', 'current'" for name in unknown])
        found, reviews = _by_stage(given[0], list(labels) if labels else names, names, note)
    else:
        if len(given) < 2:
            raise OptionError(["give at least two reviews to compare"])
        found, reviews = _options(given, list(labels) if labels else _labels(given), note)
    sources = tuple(dict.fromkeys(path for review in reviews for path in review.sources.paths))
    return republished(Comparison, found, sources=sources)


def _labels(given: Sequence[Path | str | ReviewFile]) -> list[str]:
    """Gives each option's default label: its file's name (the whole path where two names are alike)."""
    names = [Path(g).name if isinstance(g, str | Path) else g.review.name for g in given]
    return names if len(set(names)) == len(names) else [str(g) if isinstance(g, str | Path) else g.review.name
                                                         for g in given]


def _loaded(given: Path | str | ReviewFile, note: Progress) -> ReviewFile:
    from ..reading import load

    return load(given, note) if isinstance(given, str | Path) else given


def _options(given: Sequence[Path | str | ReviewFile], labels: list[str],
             note: Progress) -> tuple[_Comparison, list[ReviewFile]]:
    from ..rules.compare import compare as comparison
    from ..rules.engine import slot
    from ..rules.equality import characteristics_found
    from ..rules.equality import equality as equality_summary
    from ..rules.savings import savings

    if len(labels) != len(given):
        raise OptionError([f"give one label per review ({len(given)}); got {len(labels)}"])
    reviews, results, costs, equalities = [], [], [], []
    for each in given:
        review = _loaded(each, note)
        note("slotting")
        result = slot(review)
        note("costing")
        reviews.append(review)
        results.append(result)
        costs.append(savings(review, result))
        equalities.append(equality_summary(review, result) if characteristics_found(review, result) else None)
    note("comparing")
    return comparison(labels, reviews, results, costs, equalities), reviews


def _by_stage(given: Path | str | ReviewFile, labels: list[str], names: list[str],
              note: Progress) -> tuple[_Comparison, list[ReviewFile]]:
    """Gives the comparison of one review's stages: each stage's savings, equality and standings as an option."""
    from ..rules.compare import compare as comparison
    from ..rules.compare import stage_standings
    from ..rules.engine import slot
    from ..rules.equality import characteristics_found
    from ..rules.equality import equality as equality_summary
    from ..rules.savings import savings

    if len(labels) != len(names):
        raise OptionError([f"give one label per stage ({len(names)}); got {len(labels)}"])
    review = _loaded(given, note)
    note("slotting")
    result = slot(review)
    costs, equalities, standings = [], [], []
    known = characteristics_found(review, result)
    for name in names:
        note(f"the {name} stage")
        standing = stage_standings(review, result, name)
        at = standing if name == "current" and review.decisions else None
        costs.append(savings(review, result, stage=name))  # type: ignore[arg-type]
        equalities.append(equality_summary(review, result, stage=name if review.decisions else None,
                                           standings=at) if known else None)
        standings.append(standing)
    return comparison(labels, [review] * len(names), [result] * len(names), costs, equalities, standings, names), [review]
