"""The per-person case: every figure and date the views state about one person, computed once, with its basis.

`cases(review, result)` gives, for every person the slotting covers, their notice (one rule), the dates
(notice given, earliest dismissal, the end of employment, the relevant date, trial end, protection end),
the protection schedule, what they may apply for, and for the people at risk the exit entitlements on the
day the law takes them. `run`, `explain`, `timeline`, `letters`, `savings` and the finance view read these
figures; none computes them again.

The law, each figure from a dated table in data/ (the row in force on the day named):
- Notice, Employment Rights Act 1996 s.86(1) (data/statutory_notice.yaml): the contractual notice
  (people[].notice_weeks, else policy.notice_weeks) or the statutory minimum, whichever is longer.
- The end of employment: the earliest dismissal where the timeline dates it (notice given the day after the
  decision, or after objections close, and never before the collective consultation minimum); else the
  review's effective date, notice being paid in lieu.
- The relevant date, ERA 1996 s.145: the day notice expires (s.145(2)(a)); where employment ends with less
  than the statutory minimum notice (pay in lieu), that day extended by the statutory minimum (s.145(5)), for
  the qualifying service (s.155), the years counted (s.162(1)) and the week's-pay limit (s.227(3)).
- Redundancy pay under the review's severance scheme (costing.severance, rules.severance): by default the local
  government one, statutory redundancy pay (ERA 1996 s.155 and s.162, data/statutory_redundancy.yaml) with
  the week's pay capped by the limit in force on the relevant date (data/weekly_limits.yaml), enhanced under
  the Local Government (Early Termination of Employment) (Discretionary Compensation) (England and Wales)
  Regulations 2006: reg 5 (the actual week's pay), reg 6 (a multiplier, at most 104 weeks in all). A person
  whose voluntary redundancy was accepted (decisions) is costed on the scheme's voluntary terms, if it has any.
- Pay in lieu of notice at the actual week's pay; pension strain for a member aged 55 or over when employment
  ends (LGPS Regulations 2013 reg 30(7)) who has served the vesting period of the severance scheme's pension
  (data/severance/: two years' qualifying service in the LGPS), continuous service standing for membership; the
  factor by age, or by years to normal pension age (the person's, else the scheme's).
- The jurisdiction (review.jurisdiction) chooses the tables: Northern Ireland's notice (Employment Rights
  (Northern Ireland) Order 1996 Art 118) and week's-pay limits (Art 23, data/weekly_limits_ni.yaml, with
  dates for which no figure is known); its other provisions are cited as the Northern Ireland equivalent of
  the ERA 1996's.
- Employer National Insurance on the day employment ends (data/exit_nics.yaml and data/employer_ni.yaml):
  Class 1 on pay in lieu of notice from 6 April 2018; Class 1A on a termination award above £30,000 from
  6 April 2020.

The notice, ages, service and relevant date are found in rules.notice; the exit entitlements in
rules.entitlements.

Ages and service: from people[].date_of_birth and continuous_service_start, whole years on the day each rule
needs; else age and service_years as given, which mean the effective date (the basis says which).

The stage: by default the proposal (who the slotting puts at risk). Given the cascade's standings (rules.decisions,
`stage=`), the current stage: the people at risk are those the decisions leave at risk (in a pool, on trial, or
with no place of their own) or made redundant, voluntarily or compulsorily; notice of a redundancy decided after
the proposal is given the day after the last decision that led there; voluntary redundancy is costed on the
scheme's voluntary terms; and an unreasonable refusal of suitable employment gives no redundancy payment (ERA 1996
s.141(2)).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from ..model import Policy, ReviewFile
from ..model.calendar import add_years
from .dates import ReviewDates, review_dates
from .entitlements import NO_PAYMENT, Entitlements, Part, entitlements, redundancy_cost
from .notice import age_on, notice, relevant_date, service_on, statutory_notice_weeks, whole_years
from .protection import by_year, fall, protection_years
from .results import PersonResult, SlottingResult
from .severance import statutory_weeks

if TYPE_CHECKING:
    from .decisions import Decided, Standing

__all__ = ["NO_PAYMENT", "Case", "Cases", "Entitlements", "Part", "at_risk_now", "cases", "notice", "redundancy_cost",
           "statutory_notice_weeks", "statutory_weeks", "whole_years"]

TRIAL_WEEKS = 4  # ERA 1996 s.138(3): four weeks from the end of the old contract
LEAVING = ("voluntary_redundancy", "compulsory_redundancy")  # the statuses of the cascade that end in a redundancy


@dataclass(frozen=True)
class Case:
    person: str
    outcome: str
    at_risk: bool
    notice_weeks: int | None
    notice_basis: str
    notice_given: dt.date | None  # for the people at risk, where the timeline dates it
    earliest_dismissal: dt.date | None  # likewise
    employment_ends: dt.date | None  # the earliest dismissal, else the effective date (notice in lieu)
    relevant_date: dt.date | None
    relevant_basis: str
    age: int | None  # whole years on the relevant date (or as given)
    age_basis: str
    service_years: int | None  # complete years of continuous employment to the relevant date (or as given)
    service_basis: str
    trial_end: dt.date | None
    protection: tuple[Decimal, ...]  # paid in each protection year, at today's pay
    protection_end: dt.date | None
    may_apply_for: tuple[str, ...]  # new post ids
    may_apply_basis: str
    entitlements: Entitlements | None  # for the people at risk


@dataclass(frozen=True)
class Cases:
    dates: ReviewDates
    people: dict[str, Case]

    def __getitem__(self, person_id: str) -> Case:
        """Gives a person's case."""
        return self.people[person_id]


def trial_weeks(policy: Policy) -> int:
    """Gives the weeks of a trial period in a changed post: ERA 1996 s.138(3)'s four, or the policy's when longer."""
    return max(TRIAL_WEEKS, policy.trial_period_weeks or 0)


def _open_posts(review: ReviewFile, result: SlottingResult, person_id: str,
                ring_fenced: tuple[str, ...]) -> tuple[tuple[str, ...], str]:
    """Gives the new posts a person at risk may apply for under the policy, and the rule that says so."""
    slotted = result.person(person_id)
    assert slotted is not None
    if review.policy.ring_fence is not None:
        if slotted.may_apply_for:
            return slotted.may_apply_for, "the ring-fence tiers (policy.ring_fence) open these posts to them"
        return (), "the ring-fence tiers (policy.ring_fence) open no post to them"
    if review.policy.alternatives:
        return tuple(a.post for a in slotted.alternatives), \
            "the ring-fenced posts their post overlaps with (policy.alternatives)"
    return ring_fenced, "every ring-fenced post"


def at_risk_now(standing: Standing) -> bool:
    """True when the decisions leave the person at risk (in a pool, on trial, or with no place of their own) or
    made them redundant."""
    return standing.at_risk or standing.status in LEAVING


def _decided_on(standing: Standing) -> dt.date | None:
    """Gives the day of the last decision that led to a redundancy (None for a redundancy in the proposal)."""
    days = [s.date for s in standing.history if s.record != "proposal" and s.date is not None]
    return max(days) if days and standing.status in LEAVING else None


def cases(review: ReviewFile, result: SlottingResult, count_at_risk: bool = False,
          stage: Decided | None = None) -> Cases:
    """Gives every slotted person's case: the one place each per-person figure and date is computed; at the current
    stage when `stage` gives the cascade's standings (rules.decisions.decided), else at the proposal."""
    dates = review_dates(review, result, count_at_risk)
    ring_fenced = tuple(p.id for p in result.posts if p.ring_fenced_places)  # one tuple shared by all who may apply
    found = {p.id: _case(review, result, dates, p, stage.person(p.id) if stage is not None else None, ring_fenced)
             for p in result.people}
    return Cases(dates, found)


def _case(review: ReviewFile, result: SlottingResult, dates: ReviewDates, p: PersonResult, standing: Standing | None,
          ring_fenced: tuple[str, ...]) -> Case:
    """Gives one person's case, at the proposal or (given their standing) at the current stage."""
    person = review.person[p.id]
    jurisdiction = review.review.jurisdiction
    effective = review.review.effective_date
    at_risk = result.at_risk(p.id) if standing is None else at_risk_now(standing)
    service_now = person.service_years
    if person.continuous_service_start is not None and dates.notice_from is not None:
        service_now = max(0, whole_years(person.continuous_service_start, dates.notice_from))
    weeks, basis = notice(person, review.policy.notice_weeks, service_now, dates.notice_from, jurisdiction)
    given, dismissal = _notice_and_dismissal(dates, weeks, standing) if at_risk else (None, None)
    ends = dismissal or effective
    relevant, relevant_basis = relevant_date(person, dismissal, effective, jurisdiction)
    age, age_basis = age_on(person, relevant, "the relevant date")
    service, service_basis = service_on(person, relevant, "the relevant date")
    schedule, protection_end = _protection(review.policy, p, effective)
    posts: tuple[str, ...]
    if not at_risk:
        posts, posts_basis = (), "not at risk"
    elif standing is not None:
        posts, posts_basis = standing.open_posts, "the free places the decisions recorded leave open to them"
    else:
        posts, posts_basis = _open_posts(review, result, p.id, ring_fenced)
    owed = entitlements(review, p.id, (weeks, basis), relevant, (age, age_basis), (service, service_basis), ends,
                        standing) if at_risk else None
    return Case(p.id, p.outcome, at_risk, weeks, basis, given, dismissal, ends, relevant, relevant_basis,
                age, age_basis, service, service_basis, _trial_end(review.policy, standing, dismissal, posts), schedule,
                protection_end, posts, posts_basis, owed)


def _notice_and_dismissal(dates: ReviewDates, weeks: int | None, standing: Standing | None
                          ) -> tuple[dt.date | None, dt.date | None]:
    """Gives the day notice is given and the earliest dismissal of a person at risk, where the timeline dates them:
    notice the day after notice may be given (or after the decision that made it a redundancy), the dismissal when
    it ends, never before the collective consultation minimum."""
    if weeks is None or dates.notice_from is None:
        return None, None
    given = dates.notice_from + dt.timedelta(days=1)
    decided_on = _decided_on(standing) if standing is not None else None
    if decided_on is not None and decided_on >= given:
        given = decided_on + dt.timedelta(days=1)  # notice follows the decision that makes it a redundancy
    dismissal = given + dt.timedelta(weeks=weeks)
    if dates.first_dismissal and dismissal < dates.first_dismissal:
        dismissal = dates.first_dismissal
    return given, dismissal


def _protection(policy: Policy, p: PersonResult, effective: dt.date | None) -> tuple[tuple[Decimal, ...], dt.date | None]:
    """Gives a person's protection paid in each protection year (the larger fall of their certain slots), and its
    last day when the scheme has one."""
    falls = [fall(p.protected_allowances, s.pay.protection) for s in p.slots if not s.competitive and s.pay.protection]
    if not falls:
        return (), None
    years = protection_years(policy)
    unending = policy.protection.scheme == "mark_time" and policy.protection.years is None
    end = add_years(effective, years) - dt.timedelta(days=1) if effective and not unending and years else None
    return tuple(by_year(policy, max(falls))), end


def _trial_end(policy: Policy, standing: Standing | None, dismissal: dt.date | None,
               posts: tuple[str, ...]) -> dt.date | None:
    """Gives the end of a trial period in a post the person may take: as the decisions recorded it, else from the
    dismissal."""
    # Any ring-fenced post they may take differs from their old one (ERA 1996 s.138(2)), whether their post
    # overlaps with it or not: each appointment has its trial period.
    if standing is not None and standing.trial_end is not None:
        return standing.trial_end
    if dismissal is not None and posts:
        return dismissal + dt.timedelta(weeks=trial_weeks(policy))
    return None
