"""The dates the law and the policy impose around a slotting: consultation, windows, notice, trial, protection.

The review's own steps come from rules.dates; each person's dates from their case (rules.case), which is the
one place a notice, a dismissal, a trial or a protection end is computed. Here they are put together, with
the date HR1 is due:

- Notifying the Secretary of State (form HR1), TULRCA 1992 s.193: before any notice of dismissal is given,
  and at least the consultation minimum (30 or 45 days; 90 before 6 April 2013) before the first dismissal
  takes effect. The due date is the earlier of the two. Northern Ireland: the Department, Employment Rights
  (Northern Ireland) Order 1996 Art 221, in the same terms with 90 days for 100 or more.
- Notice is not to be given before collective consultation has run (Junk v Kuhnel, C-188/03): a notice given
  before the consultation minimum has passed since consultation began is warned of.

At the current stage (the cascade's standings, rules.decisions), each person's dates are their case at that stage
(rules.case, stage=): a redundancy decided after the proposal has its notice given the day after its last decision,
and the people placed since have no dismissal; each person carries their status and the day notice is given.

Pure: dates in, dates out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import ReviewFile
from .case import Cases, cases
from .dates import NATION, Step, add_working_days, collective_period, is_working_day
from .results import SlottingResult

if TYPE_CHECKING:
    from .decisions import Decided

__all__ = ["NATION", "PersonDates", "Step", "TimelineResult", "add_working_days", "collective_period", "is_working_day",
           "timeline"]


@dataclass(frozen=True)
class PersonDates:
    person: str
    outcome: str
    notice_weeks: int | None
    notice_basis: str
    earliest_dismissal: dt.date | None  # for people at risk
    trial_end: dt.date | None  # where an alternative post is offered
    protection_end: dt.date | None  # the last day of pay protection
    status: str | None = None  # at the current stage: the person's status after the decisions
    notice_given: dt.date | None = None


@dataclass(frozen=True)
class TimelineResult:
    review: str
    nation: str
    proposed_dismissals: int
    counted: str  # how they were counted
    steps: tuple[Step, ...]
    people: tuple[PersonDates, ...]
    notes: tuple[str, ...]
    warnings: tuple[str, ...] = ()  # what the law may not allow as dated: `timeline --check` fails on them


def timeline(review: ReviewFile, result: SlottingResult, count_at_risk: bool = False,
             found: Cases | None = None, standings: Decided | None = None) -> TimelineResult:
    """Gives the dated steps of a review and each person's notice, earliest dismissal, trial and protection end: at
    the proposal or, given the cascade's standings, at the current stage (each person's status beside)."""
    found = found or cases(review, result, count_at_risk, stage=standings)
    dates = found.dates
    steps = list(dates.steps)
    notes = list(dates.notes)
    people = tuple(PersonDates(c.person, c.outcome, c.notice_weeks, c.notice_basis, c.earliest_dismissal, c.trial_end,
                               c.protection_end, *_now(standings, c.person, c.notice_given))
                   for c in found.people.values())
    hr1, warnings = _hr1(review, found)
    steps += hr1
    if dates.proposed and dates.notice_from is None and any(c.at_risk for c in found.people.values()):
        notes.append("Give review.timeline.decision to date the earliest dismissals: notice is counted from the "
                     "decision, or from the close of objections when policy.objection_working_days is set.")
    notes.append("Notice is taken as given the day after the decision (or after objections close); a dismissal takes "
                 "effect when the notice ends, and never before the collective consultation minimum.")
    if standings is not None:
        decided = sum(1 for s in standings.people if s.status == "compulsory_redundancy")
        notes.append(f"At the current stage: {decided} compulsory redundancy(ies) decided, dated from the decisions "
                     "recorded (notice the day after the last decision that led there); the dates of people still at "
                     "risk are those they would have if made redundant.")
    steps.sort(key=lambda s: (s.date is None, s.date or dt.date.min))
    return TimelineResult(review.review.name, dates.nation, dates.proposed, dates.counted, tuple(steps), people,
                          tuple(notes), tuple(warnings))


def _hr1(review: ReviewFile, found: Cases) -> tuple[list[Step], list[str]]:
    """Gives the step by which HR1 is due (the earlier of the consultation minimum before the first dismissal and
    the day before the first notice), when a minimum applies, and the warnings on notice given too soon."""
    days = found.dates.collective.days
    notices = sorted(c.notice_given for c in found.people.values() if c.notice_given)
    dismissals = sorted(c.earliest_dismissal for c in found.people.values() if c.earliest_dismissal)
    first = dismissals[0] if dismissals else review.review.effective_date
    if days is None or first is None:
        return [], []
    latest = first - dt.timedelta(days=days)
    rule = f"{days} days before the first dismissal takes effect ({first})"
    if notices and notices[0] - dt.timedelta(days=1) < latest:
        latest, rule = notices[0] - dt.timedelta(days=1), f"before the first notice of dismissal is given ({notices[0]})"
    collective = found.dates.collective
    step = Step(latest, f"Notify {collective.notify_whom} (form HR1) by", f"{rule}; the earlier of that and {days} days "
                "before the first dismissal", collective.notify)
    start = review.review.timeline.consultation_start if review.review.timeline else None
    warnings = []
    if notices and start and notices[0] < start + dt.timedelta(days=days):
        warnings.append(f"Notice would be given on {notices[0]}, before {days} days of collective consultation have "
                        f"passed since it began on {start}: consultation must be over before notice is given.")
    if notices and latest < (start or latest):
        warnings.append(f"HR1 is due by {latest}, before consultation begins on {start}: begin consultation sooner "
                        "or give notice later.")
    return [step], warnings


def _now(standings: Decided | None, person: str, given: dt.date | None) -> tuple[str | None, dt.date | None]:
    """Gives (status, notice given) at the current stage; (None, None) at the proposal."""
    standing = standings.person(person) if standings is not None else None
    return (standing.status, given) if standing is not None else (None, None)
