"""The dates the law and the policy impose around a slotting: consultation, windows, notice, trial, protection.

- Collective consultation, Trade Union and Labour Relations (Consolidation) Act 1992 s.188(1A): where an
  employer proposes to dismiss as redundant 20 or more employees at one establishment within 90 days,
  consultation begins at least 30 days before the first dismissal takes effect, and at least 90 days (45
  from 6 April 2013: the Trade Union and Labour Relations (Consolidation) Act 1992 (Amendment) Order 2013,
  SI 2013/763) where 100 or more are proposed. The Secretary of State is notified (form HR1) within the
  same periods (s.193). The rule in force on the day consultation begins is used.
- Notice, Employment Rights Act 1996 s.86(1): one week after a month's service, one week for each complete
  year from two years, at most twelve; contractual notice applies when longer.
- Trial period in a suitable alternative post, s.138(3): four weeks from the end of the old contract.
- Working days skip weekends and the bank holidays of the chosen nation (the `holidays` package).

Pure: dates in, dates out. The counts of proposed dismissals come from the slotting result.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from ..model import ReviewFile
from ..model.calendar import add_years
from .exit_costs import statutory_notice_weeks
from .protection import protection_years
from .results import SlottingResult

APRIL_2013 = dt.date(2013, 4, 6)
SUBDIVISION = {"england-and-wales": "ENG", "scotland": "SCT", "northern-ireland": "NIR"}
NATION = {"england-and-wales": "England and Wales", "scotland": "Scotland", "northern-ireland": "Northern Ireland"}
TRIAL_WEEKS = 4


@dataclass(frozen=True)
class Step:
    date: dt.date | None
    what: str
    rule: str  # how the date is found, in words
    source: str


@dataclass(frozen=True)
class PersonDates:
    person: str
    outcome: str
    notice_weeks: int | None
    notice_basis: str
    earliest_dismissal: dt.date | None  # for people at risk
    trial_end: dt.date | None  # where an alternative post is offered
    protection_end: dt.date | None  # the last day of pay protection


@dataclass(frozen=True)
class TimelineResult:
    review: str
    nation: str
    proposed_dismissals: int
    counted: str  # how they were counted
    steps: tuple[Step, ...]
    people: tuple[PersonDates, ...]
    notes: tuple[str, ...]


@lru_cache(maxsize=16)
def _bank_holidays(nation: str, year: int) -> frozenset[dt.date]:
    import holidays

    return frozenset(holidays.country_holidays("GB", subdiv=SUBDIVISION[nation], years=[year]))


def is_working_day(day: dt.date, nation: str) -> bool:
    return day.weekday() < 5 and day not in _bank_holidays(nation, day.year)


def add_working_days(start: dt.date, days: int, nation: str) -> dt.date:
    """Gives the date `days` working days after `start` (start itself not counted)."""
    day = start
    left = days
    while left > 0:
        day += dt.timedelta(days=1)
        if is_working_day(day, nation):
            left -= 1
    return day


def collective_period(proposed: int, consultation_start: dt.date) -> tuple[int | None, str]:
    """Gives the minimum days of collective consultation before the first dismissal, and the rule in words."""
    if proposed < 20:
        return None, (f"{proposed} proposed dismissal(s): below 20, no collective consultation minimum applies "
                      "(TULRCA 1992 s.188(1))")
    if proposed < 100:
        return 30, f"{proposed} proposed dismissals (20 to 99): at least 30 days (TULRCA 1992 s.188(1A)(b))"
    if consultation_start < APRIL_2013:
        return 90, (f"{proposed} proposed dismissals (100 or more), consultation from {consultation_start}, before "
                    "6 April 2013: at least 90 days (TULRCA 1992 s.188(1A)(a) as then in force)")
    return 45, (f"{proposed} proposed dismissals (100 or more): at least 45 days (TULRCA 1992 s.188(1A)(a), as "
                "amended by SI 2013/763 from 6 April 2013)")


def timeline(review: ReviewFile, result: SlottingResult, count_at_risk: bool = False) -> TimelineResult:
    """Gives the dated steps of a review and each person's notice, earliest dismissal, trial and protection end."""
    given = review.review.timeline
    nation = given.nation if given else "england-and-wales"
    policy = review.policy
    at_risk = [p for p in result.people if result.at_risk(p.id)]
    if count_at_risk:
        proposed, counted = len(at_risk), "everyone at risk (displaced, and every competitive pool's candidates)"
    else:
        proposed = result.summary.potential_displacements
        counted = "the displaced, and each competitive pool's candidates beyond its places"
    steps: list[Step] = []
    notes: list[str] = []
    start = given.consultation_start if given else None
    issued = given.slotting_list_issued if given else None
    decision = given.decision if given else None
    effective = review.review.effective_date
    if start:
        steps.append(Step(start, "Consultation begins", "as given (review.timeline.consultation_start)", "the review"))
    days, rule = collective_period(proposed, start or effective or dt.date.today())
    first_dismissal: dt.date | None = None
    if days is None:
        steps.append(Step(None, "Collective consultation", rule, "TULRCA 1992 s.188"))
    elif start is None:
        notes.append(f"{rule}; give review.timeline.consultation_start to date it.")
    else:
        first_dismissal = start + dt.timedelta(days=days)
        steps.append(Step(first_dismissal, "No dismissal may take effect before", f"{rule}, counted from {start}",
                          "TULRCA 1992 s.188(1A)"))
        if effective:
            hr1 = effective - dt.timedelta(days=days)
            steps.append(Step(hr1, "Notify the Secretary of State (form HR1) by",
                              f"{days} days before the first dismissal takes effect, taken as the effective date "
                              f"{effective}", "TULRCA 1992 s.193"))
    if issued:
        steps.append(Step(issued, "Slotting list issued", "as given (review.timeline.slotting_list_issued)", "the review"))
    for days_of, what, source in ((policy.appeal_working_days, "Appeals against the slotting close",
                                   "policy.appeal_working_days"),
                                  (policy.assessment_window_working_days, "Assessments (competency and competitive) "
                                   "held by", "policy.assessment_window_working_days")):
        if days_of is not None and issued:
            steps.append(Step(add_working_days(issued, days_of, nation), what,
                              f"{days_of} working days after the list is issued, without weekends and "
                              f"{NATION[nation]} bank holidays", source))
    objections_end: dt.date | None = None
    if decision:
        steps.append(Step(decision, "Decision on the new structure", "as given (review.timeline.decision)", "the review"))
        if policy.objection_working_days is not None:
            objections_end = add_working_days(decision, policy.objection_working_days, nation)
            steps.append(Step(objections_end, "Objections to dismissals close",
                              f"{policy.objection_working_days} working days after the decision, without weekends and "
                              f"{NATION[nation]} bank holidays", "policy.objection_working_days"))
    if effective:
        steps.append(Step(effective, "The new structure takes effect", "review.effective_date", "the review"))
    notice_from = objections_end or decision
    people = []
    for p in result.people:
        person = review.person[p.id]
        contractual = person.notice_weeks if person.notice_weeks is not None else policy.notice_weeks
        statutory = statutory_notice_weeks(person.service_years) if person.service_years is not None else None
        known = [w for w in (contractual, statutory) if w is not None]
        weeks = max(known) if known else None
        if weeks is None:
            basis = "no service_years or notice_weeks given"
        elif contractual is not None and (statutory is None or contractual >= statutory):
            basis = f"{weeks} weeks' contractual notice"
        else:
            basis = f"{weeks} weeks' statutory notice (ERA 1996 s.86, {person.service_years} years' service)"
        dismissal = None
        if result.at_risk(p.id) and weeks is not None and notice_from is not None:
            dismissal = notice_from + dt.timedelta(days=1) + dt.timedelta(weeks=weeks)
            if first_dismissal and dismissal < first_dismissal:
                dismissal = first_dismissal
        trial = None
        if dismissal is not None and (p.alternatives or p.may_apply_for):
            trial = dismissal + dt.timedelta(weeks=max(TRIAL_WEEKS, policy.trial_period_weeks or 0))
        protection_end = None
        protected = [s for s in p.slots if not s.competitive and s.pay.protection]
        unending = policy.protection.scheme == "mark_time" and policy.protection.years is None
        if protected and effective and not unending and protection_years(policy):
            protection_end = add_years(effective, protection_years(policy)) - dt.timedelta(days=1)
        people.append(PersonDates(p.id, p.outcome, weeks, basis, dismissal, trial, protection_end))
    if at_risk and notice_from is None:
        notes.append("Give review.timeline.decision to date the earliest dismissals: notice is counted from the "
                     "decision, or from the close of objections when policy.objection_working_days is set.")
    notes.append("Notice is taken as given the day after the decision (or after objections close); a dismissal takes "
                 "effect when the notice ends, and never before the collective consultation minimum.")
    steps.sort(key=lambda s: (s.date is None, s.date or dt.date.min))
    return TimelineResult(review.review.name, nation, proposed, counted, tuple(steps), tuple(people), tuple(notes))

