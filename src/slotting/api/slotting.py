"""Reading a review and slotting it: `load` and `slot`, and the slotting list as `slotting run` prints it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from ..rules.results import SlottingResult as _SlottingResult
from ._public import AsJson, Progress, public, republished

if TYPE_CHECKING:
    from ..model import ReviewFile
    from ..rules.decisions import Decided

Stage = Literal["proposal", "current"]


@public
def load(path: Path | str, *, progress: Progress | None = None) -> ReviewFile:
    """Gives the validated review that a review file describes, with every file its sections name.

    Parameters
    ----------
    path:
        The review file (YAML). Its sections may name further files (CSV, workbooks, JDs) in its folder.
    progress:
        Called with the name of each stage of reading as it starts (for a progress bar).

    Returns
    -------
    ReviewFile
        The review, checked completely: people, posts, overlaps, policy, costing and decisions.

    Raises
    ------
    InputError
        Every problem found in the files at once, each located (file, line and column, or sheet and cell).
    """
    from ..reading import load as read

    return read(path, progress)


@public
@dataclass(frozen=True)
class SlottingResult(_SlottingResult, AsJson):
    """The slotting list: who is assimilated, matched, in a competitive pool or displaced, and each person's pay.

    Fields: `review` (its name), `policy`, `people` (a PersonResult each: outcome, slots, pay, protection, reasons),
    `posts` (a PostResult each: holders, pools, places left), `summary` (counts by outcome), `ring_fence` (who may
    apply for the ring-fenced places) and `decisions` (at the current stage of a review with decisions recorded:
    where each person stands now; else None). `to_json()` gives `slotting run --format json` for the same stage.
    """

    decisions: Decided | None = None

    def _json(self) -> Iterable[bytes]:
        from ..render.run import run_json

        return run_json(self, decisions=self.decisions) if self.decisions is not None else run_json(self)


@public
def slot(review: ReviewFile, *, stage: Stage = "proposal") -> SlottingResult:
    """Gives the slotting list of a review: each person's outcome, posts, pay and protection, with the reasons.

    Parameters
    ----------
    review:
        A review from `load()`.
    stage:
        "proposal" (the default): the slotting alone. "current": also every decision recorded so far (the review's
        decisions section) applied, as `result.decisions`; a review without decisions gives the proposal.

    Returns
    -------
    SlottingResult
        Its `to_json()` is what `slotting run --format json --stage STAGE` prints.
    """
    from ..rules.engine import slot as slotted

    found = slotted(review)
    decisions = None
    if stage == "current" and review.decisions:
        from ..rules.case import cases
        from ..rules.decisions import decided

        decisions = decided(review, found, cases(review, found))
    return republished(SlottingResult, found, decisions=decisions)


def slotted(review: ReviewFile, result: _SlottingResult | None) -> _SlottingResult:
    """Gives the slotting a command works from: `result` when the caller gave one, else the review's proposal."""
    return result if result is not None else slot(review)
