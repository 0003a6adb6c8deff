"""`timeline` (the dated steps the law and the policy impose) and `redeployment` (the register after the decisions)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..rules.timeline import TimelineResult as _TimelineResult
from ._public import AsJson, public, republished
from .slotting import Stage

if TYPE_CHECKING:
    from ..model import ReviewFile
    from ..rules.decisions import Decided
    from ..rules.results import SlottingResult


@public
@dataclass(frozen=True)
class TimelineResult(_TimelineResult, AsJson):
    """The dated steps of a review: `steps` (collective consultation, HR1, the working-day windows for appeals,
    assessments and objections, each with its rule and source), `people` (each person's notice, earliest dismissal,
    trial and protection end, and status at the current stage), the `proposed_dismissals` and how they were
    `counted`, the `nation`, `notes`, and `warnings` (dates the law may not allow; `timeline --check` exits 1 on
    them). `to_json()` gives `slotting timeline --format json`."""

    def _json(self) -> Iterable[bytes]:
        from ..render.timeline import timeline_json

        return timeline_json(self)


@public
def timeline(review: ReviewFile, result: SlottingResult | None = None, *, count_at_risk: bool = False,
             stage: Stage = "current") -> TimelineResult:
    """Gives the dated steps of a review (TULRCA 1992 s.188 and s.193, working-day windows) and each person's dates.

    Parameters
    ----------
    review:
        A review from `load()`.
    result:
        Its slotting from `slot()` (made here when not given).
    count_at_risk:
        Count everyone at risk as a proposed dismissal (default: the displaced and each pool's candidates beyond
        its places).
    stage:
        "current" (the default): each person's dates as the decisions recorded leave them, with their status;
        "proposal": as the slotting proposes. Without decisions both give the proposal.

    Returns
    -------
    TimelineResult
        Its `to_json()` is what `slotting timeline --format json` prints.
    """
    from ..rules.timeline import timeline as dates
    from .slotting import slotted

    result = slotted(review, result)
    standings = None
    if stage == "current" and review.decisions:
        from ..rules.decisions import current

        standings = current(review, result)[1]
    return republished(TimelineResult, dates(review, result, count_at_risk, standings=standings))


@public
@dataclass(frozen=True)
class Register(AsJson):
    """The redeployment register after the decisions recorded: the slotting (`result`) and where each person stands
    (`standings`): those without a place, statutory priority first, the free places open to each with the grade
    distance and pay, trial periods running. `to_json()` gives `slotting redeployment --format json`."""

    result: SlottingResult
    standings: Decided

    def _json(self) -> Iterable[bytes]:
        from ..render.redeployment import redeployment_json

        return redeployment_json(self.result, self.standings)


@public
def redeployment(review: ReviewFile, result: SlottingResult | None = None) -> Register:
    """Gives the redeployment register: the people at risk after the decisions recorded and the places open to each.

    Parameters
    ----------
    review:
        A review from `load()` (its decisions section, if any, applied).
    result:
        Its slotting from `slot()` (made here when not given).

    Returns
    -------
    Register
        Its `to_json()` is what `slotting redeployment --format json` prints.
    """
    from ..rules.case import cases
    from ..rules.decisions import decided
    from .slotting import slotted

    result = slotted(review, result)
    return Register(result, decided(review, result, cases(review, result)))
