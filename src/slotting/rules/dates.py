"""The review's own dates: working days, the collective consultation minimum and when notice can be given.

- Collective consultation, Trade Union and Labour Relations (Consolidation) Act 1992 s.188(1A): where an
  employer proposes to dismiss as redundant 20 or more employees at one establishment within 90 days,
  consultation begins at least 30 days before the first dismissal takes effect, and at least 90 days (45
  from 6 April 2013, SI 2013/763) where 100 or more are proposed: data/collective_consultation.yaml. The
  rule in force on the day consultation begins is used. Northern Ireland (review.jurisdiction): the
  Employment Rights (Northern Ireland) Order 1996 Art 216, 30 days for 20 to 99 and 90 days for 100 or more,
  never reduced to 45 (data/collective_consultation_ni.yaml).
- Notice is taken as given the day after the decision, or after objections close when the policy sets a
  window for them.
- Working days skip weekends and the bank holidays of the review's nation (timeline.nation, else the
  jurisdiction's), with the `holidays` package.

Pure: dates in, dates out. The count of proposed dismissals comes from the slotting result. The people's
own dates are in rules.case, which reads these.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from ..data import in_force
from ..model import Policy, ReviewFile
from .results import SlottingResult

SUBDIVISION = {"england-and-wales": "ENG", "scotland": "SCT", "northern-ireland": "NIR"}
NATION = {"england-and-wales": "England and Wales", "scotland": "Scotland", "northern-ireland": "Northern Ireland"}


@dataclass(frozen=True)
class Step:
    date: dt.date | None
    what: str
    rule: str  # how the date is found, in words
    source: str


@dataclass(frozen=True)
class Collective:
    """The collective consultation minimum for a count of proposed dismissals."""

    days: int | None  # None below the lowest threshold
    rule: str
    source: str
    thresholds: tuple[int, ...]  # the counts at which the rule changes (20, 100)
    duty: str = "TULRCA 1992 s.188"  # the provision of the duty to consult
    minimum: str = "TULRCA 1992 s.188(1A)"  # the provision of the minimum period
    notify: str = "TULRCA 1992 s.193"  # the duty to notify (form HR1)
    notify_whom: str = "the Secretary of State"


@dataclass(frozen=True)
class ReviewDates:
    """What every person's dates are counted from."""

    nation: str
    proposed: int
    counted: str
    at_risk: int  # everyone at risk: the other count, for the threshold warning
    collective: Collective
    first_dismissal: dt.date | None  # no dismissal may take effect before it
    notice_from: dt.date | None  # notice is given the day after
    steps: tuple[Step, ...]
    notes: tuple[str, ...]
    jurisdiction: str = "england-wales"  # whose law: review.jurisdiction


@lru_cache(maxsize=16)
def _bank_holidays(nation: str, year: int) -> frozenset[dt.date]:
    import holidays

    return frozenset(holidays.country_holidays("GB", subdiv=SUBDIVISION[nation], years=[year]))


def is_working_day(day: dt.date, nation: str) -> bool:
    """True for a weekday that is not a bank holiday of the nation."""
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


def collective_period(proposed: int, consultation_start: dt.date,
                      jurisdiction: str = "england-wales") -> tuple[int | None, str]:
    """Gives the minimum days of collective consultation before the first dismissal, and the rule in words."""
    found = collective(proposed, consultation_start, jurisdiction)
    return found.days, found.rule


def collective(proposed: int, consultation_start: dt.date, jurisdiction: str = "england-wales") -> Collective:
    """Gives the collective consultation minimum in force in a jurisdiction on the day consultation begins."""
    row = (in_force("collective_consultation", consultation_start, jurisdiction)
           or in_force("collective_consultation", dt.date.max, jurisdiction))
    assert row is not None
    bands = sorted(row["bands"], key=lambda b: b["from"])
    law = {"duty": row["duty"], "minimum": row["minimum"], "notify": row["notify"], "notify_whom": row["notify_whom"]}
    thresholds = tuple(b["from"] for b in bands)
    source = row["source"]
    if proposed < bands[0]["from"]:
        return Collective(None, f"{proposed} proposed dismissal(s): below {bands[0]['from']}, no collective "
                          f"consultation minimum applies ({row['below']})", source, thresholds, **law)
    band = [b for b in bands if proposed >= b["from"]][-1]
    upper = [b["from"] for b in bands if b["from"] > band["from"]]
    counts = f"{band['from']} to {upper[0] - 1}" if upper else f"{band['from']} or more"
    return Collective(band["days"], f"{proposed} proposed dismissals ({counts}): at least {band['days']} days "
                      f"({band['cite']})", source, thresholds, **law)


def review_dates(review: ReviewFile, result: SlottingResult, count_at_risk: bool = False) -> ReviewDates:
    """Gives the review's dated steps and the days every person's notice and dismissal are counted from."""
    given = review.review.timeline
    nation = review.review.nation
    at_risk = sum(1 for p in result.people if result.at_risk(p.id))
    if count_at_risk:
        proposed, counted = at_risk, "everyone at risk (displaced, and every competitive pool's candidates)"
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
    found = collective(proposed, start or effective or dt.date.today(), review.review.jurisdiction)
    first_dismissal = _consultation_minimum(found, start, steps, notes)
    if issued:
        steps.append(Step(issued, "Slotting list issued", "as given (review.timeline.slotting_list_issued)", "the review"))
        steps += _windows(review.policy, issued, nation)
    objections_end: dt.date | None = None
    if decision:
        steps.append(Step(decision, "Decision on the new structure", "as given (review.timeline.decision)", "the review"))
        objections_end = _objections_end(review.policy, decision, nation, steps)
    if effective:
        steps.append(Step(effective, "The new structure takes effect", "review.effective_date", "the review"))
    crossed = [t for t in found.thresholds if min(proposed, at_risk) < t <= max(proposed, at_risk)]
    if crossed:
        notes.append(f"{at_risk} people are at risk but {proposed} dismissals are counted as proposed ({counted}): the "
                     f"two counts fall either side of {' and '.join(map(str, crossed))}, where the consultation "
                     "minimum changes. The duty arises from what the employer proposes: if more may be dismissed "
                     "(a pool's selection is not yet made), consider --count-at-risk.")
    return ReviewDates(nation, proposed, counted, at_risk, found, first_dismissal, objections_end or decision,
                       tuple(steps), tuple(notes), review.review.jurisdiction)


def _consultation_minimum(found: Collective, start: dt.date | None, steps: list[Step], notes: list[str]
                          ) -> dt.date | None:
    """Gives the first day a dismissal may take effect (the consultation minimum from its start), adding its step,
    or the note that asks for the start to date it; None when no minimum applies or it cannot be dated."""
    if found.days is None:
        steps.append(Step(None, "Collective consultation", found.rule, found.duty))
        return None
    if start is None:
        notes.append(f"{found.rule}; give review.timeline.consultation_start to date it.")
        return None
    first_dismissal = start + dt.timedelta(days=found.days)
    steps.append(Step(first_dismissal, "No dismissal may take effect before", f"{found.rule}, counted from {start}",
                      found.minimum))
    return first_dismissal


def _windows(policy: Policy, issued: dt.date, nation: str) -> list[Step]:
    """Gives the close of the appeal and assessment windows the policy counts from the list's issue, in working
    days."""
    steps = []
    for days_of, what, source in ((policy.appeal_working_days, "Appeals against the slotting close",
                                   "policy.appeal_working_days"),
                                  (policy.assessment_window_working_days, "Assessments (competency and competitive) "
                                   "held by", "policy.assessment_window_working_days")):
        if days_of is not None:
            steps.append(Step(add_working_days(issued, days_of, nation), what,
                              f"{days_of} working days after the list is issued, without weekends and "
                              f"{NATION[nation]} bank holidays", source))
    return steps


def _objections_end(policy: Policy, decision: dt.date, nation: str, steps: list[Step]) -> dt.date | None:
    """Gives the day objections to dismissals close, when the policy sets a window for them, adding its step."""
    if policy.objection_working_days is None:
        return None
    objections_end = add_working_days(decision, policy.objection_working_days, nation)
    steps.append(Step(objections_end, "Objections to dismissals close",
                      f"{policy.objection_working_days} working days after the decision, without weekends and "
                      f"{NATION[nation]} bank holidays", "policy.objection_working_days"))
    return objections_end
