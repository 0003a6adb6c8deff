"""The figures of a slotting: `cost` (savings, the profile, the finance view) and `equality_summary`."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Literal

from ..rules.equality import EqualityResult as _EqualityResult
from ..rules.savings import SavingsResult as _SavingsResult
from ._public import AsJson, OptionError, public, republished, within
from .slotting import Stage, slotted

if TYPE_CHECKING:
    from ..model import ReviewFile
    from ..rules.results import SlottingResult


@public
@dataclass(frozen=True)
class SavingsResult(_SavingsResult, AsJson):
    """The cost of the old and new structures: `rows` (by post group) and their `total` (existing_cost, new_cost,
    saving), `protection_by_year`, `years` (the profile), `target_saving` and `target_met`, the `basis` new posts
    are costed on, `on_cost_rate`, `conventions` and `notes`; with the finance view `redundancy` (the one-off exit
    costs) and `finance`. `to_json()` gives `slotting savings --format json`."""

    def _json(self) -> Iterable[bytes]:
        from ..render.savings import savings_json

        return savings_json(self)


@public
@dataclass(frozen=True)
class EqualityResult(_EqualityResult, AsJson):
    """Outcomes by protected characteristic: a `breakdowns` entry per characteristic (counts by value and outcome,
    rates, four-fifths screening flags), the `pools`' composition, `suppress_below` (counts from 1 to N-1 shown as
    <N) and the `stage` (for a review with decisions). `to_json()` gives `slotting equality --format json`."""

    def _json(self) -> Iterable[bytes]:
        from ..render.equality import equality_json

        return equality_json(self)


@public
def cost(review: ReviewFile, result: SlottingResult | None = None, *, basis: Literal["top", "slotted"] | None = None,
         target: Decimal | None = None, stage: Stage = "current") -> SavingsResult:
    """Gives the savings of a review: the table by post group, the yearly profile with pay protection, the target check.

    Parameters
    ----------
    review:
        A review from `load()`.
    result:
        Its slotting from `slot()` (made here when not given).
    basis:
        Cost new posts at the "top" of their grade or at the "slotted" salaries; default `costing.new_posts_at`.
    target:
        The full-year saving wanted, in pounds; default `costing.target_saving`.
    stage:
        "current" (the default): the one-off costs after every decision recorded (those decided actual, the rest
        estimated); "proposal": the proposal's estimates alone. Without decisions both give the proposal.

    Returns
    -------
    SavingsResult
        `target_met` is False when the full-year saving falls short (the command then exits 1); `to_json()` is what
        `slotting savings --format json` prints.
    """
    from ..rules.savings import savings

    found = savings(review, slotted(review, result), basis, target, stage)
    return republished(SavingsResult, found)


@public
def equality_summary(review: ReviewFile, result: SlottingResult | None = None, *, by: Sequence[str] | None = None,
                     suppress_below: int = 5, stage: Stage = "current") -> EqualityResult:
    """Gives the outcomes by protected characteristic, with small counts suppressed and four-fifths flags.

    Parameters
    ----------
    review:
        A review from `load()`.
    result:
        Its slotting from `slot()` (made here when not given).
    by:
        The characteristics to break down; default every one given for anyone.
    suppress_below:
        Counts from 1 to N-1 are shown as <N, with secondary suppression; 0 shows everything.
    stage:
        "current" (the default): at risk as the decisions recorded leave it; "proposal": as the slotting proposes.
        Without decisions both give the proposal.

    Returns
    -------
    EqualityResult
        Its `to_json()` is what `slotting equality --format json` prints.

    Raises
    ------
    OptionError
        A characteristic in `by` that no one in the review has.
    """
    from ..rules.equality import characteristics_found, equality

    within("suppress_below", suppress_below, 0, 1000)
    done = slotted(review, result)
    names = list(by) if by is not None else None
    known = characteristics_found(review, done)
    unknown = [n for n in names or [] if n not in known]
    if unknown:
        raise OptionError([f"no one in the review has the characteristic(s) {', '.join(map(repr, unknown))}; "
                           f"given: {', '.join(known) or 'none'}"])
    standings = None
    if stage == "current" and review.decisions:
        from ..rules.decisions import current

        standings = current(review, done)[1]
    found = equality(review, done, names, suppress_below, stage if review.decisions else None, standings)
    return republished(EqualityResult, found)


def characteristics(review: ReviewFile, result: SlottingResult) -> list[str]:
    """Gives the characteristic names given for anyone in the review, sorted (none: no equality section to show)."""
    from ..rules.equality import characteristics_found

    return characteristics_found(review, result)
