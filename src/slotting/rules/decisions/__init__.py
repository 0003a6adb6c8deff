"""The cascade: the decisions made after the proposal, applied in order, and where each person ends.

Pure: (the review, its proposal, the cases) -> Decided. The records are applied by date and, on one day, in the
order of the process (withdrawals, voluntary redundancy, assessments, selections, redeployment), people with the
statutory redeployment priority first; each person ends with a status and a reason citing the records.

The policy stated, from the Leicester review (notes of the meeting of 28 October 2011, item 5) where it speaks:
- Assimilated people take their posts; matched people are assessed: confirmed, they take the post; not
  confirmed, they are at risk and their place is free.
- A competitive pool is decided by a selection: those appointed take the post, the others are at risk, and any
  place left unfilled is free. "Any posts ... which remain unfilled after those processes, will be
  'ring-fenced'": every free place is open to the people at risk, by a selection or a redeployment offer.
- Accepted voluntary redundancy, or a withdrawal, removes the person: a pool left with no more candidates than
  places is resolved (the rest keep their claims as in the proposal: assimilation places them, a match awaits
  its assessment), and a place the person held is free ("bumping", where an employer allows it).
- Redeployment: an accepted offer takes the place (on trial while the trial runs, ERA 1996 s.138(3)); a failed
  trial leaves the person at risk; refusing suitable alternative employment unreasonably loses the redundancy
  payment (ERA 1996 s.141(2)). People with the statutory priority (Maternity and Parental Leave etc. Regulations
  1999 reg 10; SI 2024/310 from 6 April 2024) are taken first on the day, and placing another person in a
  vacancy open to them is warned of.
- An upheld appeal re-runs what follows from it: the decision appealed against is set aside for the appellant
  and the appeal's outcome takes its place there (against the slotting list: before every other decision).
- A person at risk with no free place open to them (every place filled, refused or tried) is being made
  compulsorily redundant; while one is open, or their pool or assessment is pending, their case is still open.

Posts freed after the proposal are open, under ring-fence tiers or policy.alternatives, to the people at risk
whose post overlaps them; otherwise (the Leicester rule) every free place is open to everyone at risk.
"""


from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from ...model import ReviewFile
from ...model.decisions import Decision
from ..case import NO_PAYMENT, Case, Cases, cases
from ..results import SlottingResult
from .cascade import Cascade
from .places import Appeal, SetAside, has_priority
from .standing import LISTED, PROPOSAL, STATUSES, Decided, Found, Offer, Standing, Status, Step

__all__ = ["LISTED", "NO_PAYMENT", "PROPOSAL", "STATUSES", "Decided", "Found", "Offer", "Standing", "Status", "Step",
           "current", "decided", "decision_problems"]

_RANK = {"withdrawal": 1, "voluntary_redundancy": 2, "assessment": 3, "selection": 4, "redeployment": 5, "appeal": 6}


def _order(review: ReviewFile) -> list[Decision]:
    """Gives the records other than appeals in the order they apply: by day, then the process's order, people
    with the statutory priority first, then id."""
    def key(d: Decision) -> tuple[dt.date, int, bool, str]:
        first = any(has_priority(review, pid, d.date) for pid in d.people if pid in review.person)
        return d.date, _RANK[d.type], not first, d.id
    return sorted((d for d in review.decisions if d.type != "appeal"), key=key)


def _run(review: ReviewFile, result: SlottingResult, cases: Cases | Mapping[str, Case]) -> Cascade:
    """Gives the cascade with every record applied: appeals against the proposal first, then the records in
    order (an upheld appeal in the place of the record it sets aside), then the dismissed appeals."""
    cascade = Cascade(review, result, cases.people if isinstance(cases, Cases) else cases)
    set_aside: SetAside = {}
    against_proposal: list[Decision] = []
    for d in review.decisions:
        if d.type != "appeal" or d.person is None or d.result == "dismissed":
            continue
        if d.against is None:
            against_proposal.append(d)
        else:
            set_aside[(d.against, d.person)] = Appeal(d)
    for d in sorted(against_proposal, key=lambda a: (a.date, a.id)):
        assert d.person is not None
        if d.person not in cascade.people:
            cascade.problem(d, "person", f"{d.person!r} is not in the slotting")
            continue
        cascade.appeal_outcome(cascade.people[d.person], Appeal(d), None)
    for d in _order(review):
        cascade.apply(d, set_aside)
    _dismissed(review, cascade)
    return cascade


def _dismissed(review: ReviewFile, cascade: Cascade) -> None:
    """Adds each dismissed appeal to its appellant's history (it changes nothing else)."""
    for d in sorted((d for d in review.decisions if d.type == "appeal" and d.result == "dismissed"),
                    key=lambda a: (a.date, a.id)):
        person = cascade.people.get(d.person or "")
        if person is None:
            cascade.problem(d, "person", f"{d.person!r} is not in the slotting")
            continue
        what = f"decision {d.against}" if d.against else "their outcome in the proposal"
        person.history.append(Step(d.id, d.date, f"appeal against {what} dismissed by {d.by} (lodged {d.lodged}, "
                                   f"heard {d.heard})"))


def decided(review: ReviewFile, result: SlottingResult, cases: Cases | Mapping[str, Case]) -> Decided:
    """Gives where each person ends after the review's decisions (a validated review: its decisions were checked
    against this proposal when it was loaded); `cases` gives what each person at risk may apply for."""
    return _run(review, result, cases).finish()


def current(review: ReviewFile, result: SlottingResult) -> tuple[Cases, Decided | None]:
    """Gives the cases at the current stage and the cascade behind them: with decisions recorded, each person's case
    as the decisions leave it (rules.case, stage=); without, the proposal's cases and None."""
    proposal = cases(review, result)
    if not review.decisions:
        return proposal, None
    standings = decided(review, result, proposal)
    return cases(review, result, stage=standings), standings


def decision_problems(review: ReviewFile) -> Found:
    """Gives the problems of a review's decisions that only the proposal shows (a post with no free place, an
    assessment of someone not matched, a selection with nothing to select for, a second appointment, a decision
    about someone who has left), as (path, message)."""
    if not review.decisions:
        return []
    from ..engine import slot

    result = slot(review)
    return _run(review, result, cases(review, result)).problems
