"""What each person's letter says: the outcome that chooses the template, and the fields it may use.

Every field is text, ready to print (money as £85,575, dates as 2 January 2012). A competitive pool is
described by its counts, never by its other candidates' names. Pure: the letters are made in render.letters.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from ..formats import long_date, pounds
from ..model import ReviewFile
from ..model.review import Letters
from .case import Case, Cases, cases, trial_weeks
from .results import PersonResult, SlottingResult
from .timeline import TimelineResult

PROPOSAL_OUTCOMES = ("assimilated", "matched", "competitive", "displaced", "on_hold", "out_of_review")
# The current stage's letters (rules.outcome_letters), after the decisions (issue 27).
DECIDED_OUTCOMES = ("confirmed", "not_confirmed", "appointed", "not_appointed", "redeployment", "dismissal",
                    "appeal_outcome")
OUTCOMES = PROPOSAL_OUTCOMES + DECIDED_OUTCOMES
FIELDS = {  # name -> what it holds (docs/how-to/letters.md lists these for template authors)
    "review_name": "the review's name",
    "letter_date": "the letter's date (--date, default today)",
    "reference": "the letter's reference: review.letters.reference (default the review's name), / and the person's id",
    "addressee": "whom the letter is addressed to: the person's name (their id when no name is given)",
    "person_name": "the person's name (their id when no name is given)",
    "person_id": "the person's id",
    "current_post_title": "their current post's title",
    "current_grade": "their current grade's name",
    "new_post_title": "the new post's title (both, joined by 'and', for two slots)",
    "new_grade": "the new post's grade name",
    "new_salary": "the new salary, £",
    "spinal_point": "the new spinal point",
    "protection": "the pay protection a year, £ (empty when pay does not fall)",
    "protection_end": "the last day of pay protection",
    "protection_schedule": "the pay protection year by year, in words (e.g. £1,474 in the first year and £737 in the "
                           "second); empty when pay does not fall",
    "pool_candidates": "the number of people in their competitive pool",
    "pool_places": "the places the pool competes for",
    "ring_fenced_posts": "the ring-fenced posts open to them under the policy, by title",
    "notice_weeks": "their notice in weeks (statutory or contractual, whichever is longer)",
    "earliest_dismissal": "the earliest day a dismissal could take effect",
    "trial_end": "the end of a trial period in an alternative post",
    "trial_weeks": "the weeks of a trial period in a changed post (ERA 1996 s.138: four, or policy.trial_period_weeks "
                   "when longer)",
    "redundancy_estimate": "for the people at risk: the estimated redundancy payment, £ (their case's entitlement)",
    "redundancy_weeks": "for the people at risk: the weeks' pay the redundancy estimate is made of",
    "notice_pay_estimate": "for the people at risk: the estimated pay for their notice, £ (their case's entitlement)",
    "pension_position": "for the people at risk: what their case says of an unreduced pension at 55 or over (empty "
                        "when it cannot say)",
    "hr_contact": "whom to write to (review.letters.hr_contact, default Human Resources)",
    "appeal_to": "who hears an appeal against the slotting (review.letters.appeal_to)",
    "dismissal_appeal_to": "who hears an appeal against a dismissal (review.letters.dismissal_appeal_to)",
    "selection_method": "how a competitive pool is selected (review.letters.selection_method)",
    "selection_criteria": "what a pool's candidates are assessed against (review.letters.selection_criteria)",
    "list_issued": "the day the slotting list was issued",
    "appeals_close": "the last day for appeals against the slotting",
    "assessments_by": "the day by which assessments are held",
    "decision": "the day the new structure is decided",
    "objections_close": "the last day for objections to a dismissal",
    "effective_date": "the day the new structure takes effect",
    # The current stage's letters (--stage current): the decision the letter reports, and what follows from it.
    "decision_ref": "the id of the decision record the letter reports",
    "decision_date": "the day of that decision",
    "decided_by": "who made that decision (the record's by)",
    "decision_post": "the title of the post that decision concerned",
    "at_risk": "'yes' when the person is at risk at the current stage and not yet given notice, else empty",
    "notice_given": "the day notice of dismissal is given (the person's case at the current stage)",
    "voluntary": "'yes' when the dismissal is by voluntary redundancy, else empty",
    "vr_requested": "the day the person asked for voluntary redundancy",
    "no_redundancy_payment": "the offer of suitable alternative employment unreasonably refused, in words (no "
                             "redundancy payment, ERA 1996 s.141(2)); empty otherwise",
    "offered_date": "the day a redeployment post was offered",
    "suitable": "'yes' when the redeployment post was offered as suitable alternative employment, else empty",
    "trial_result": "the trial period in a redeployment post: running, passed, or empty (none recorded)",
    "appeal_result": "upheld or dismissed",
    "appeal_lodged": "the day the appeal was lodged",
    "appeal_heard": "the day the appeal was heard",
    "appeal_panel": "the appeal panel, as recorded",
    "appeal_against": "what the appeal was against, in words",
    "what_follows": "where the person stands after the appeal, in words",
}
NEW_FIELDS = ("letter_date", "reference", "addressee", "trial_weeks", "redundancy_estimate", "redundancy_weeks",
              "notice_pay_estimate", "pension_position", "hr_contact", "appeal_to", "dismissal_appeal_to",
              "selection_method", "selection_criteria")  # added with the letters' statutory content (issue 29)
GIVE = {  # a field that can be empty -> what in the review (or the command) fills it, for the message refusing it
    "letter_date": "--date",
    "notice_weeks": "people[].service_years or continuous_service_start, or notice_weeks (or policy.notice_weeks)",
    "earliest_dismissal": "review.timeline.decision (with review.effective_date) and the person's notice",
    "trial_end": "review.timeline.decision and the person's notice",
    "redundancy_estimate": "people[].age or date_of_birth, and service_years or continuous_service_start",
    "redundancy_weeks": "people[].age or date_of_birth, and service_years or continuous_service_start",
    "notice_pay_estimate": "people[].service_years or continuous_service_start, or notice_weeks",
    "list_issued": "review.timeline.slotting_list_issued",
    "appeals_close": "review.timeline.slotting_list_issued",
    "assessments_by": "review.timeline.slotting_list_issued",
    "decision": "review.timeline.decision",
    "objections_close": "review.timeline.decision",
    "effective_date": "review.effective_date",
    "protection_end": "review.effective_date",
    "notice_given": "review.timeline.decision and the person's notice",
    "vr_requested": "decisions[].requested",
}


@dataclass(frozen=True)
class Letter:
    """One person's letter: the template it is made from, and the fields it may use (text, ready to print)."""

    person: str
    outcome: str  # one of OUTCOMES: the template used
    fields: dict[str, str]


def _money(amount: Decimal | None) -> str:
    """Gives an amount in pounds, or nothing for none or £0 (no pay protection)."""
    return pounds(amount) if amount else ""


def _figure(amount: Decimal | None) -> str:
    """An amount that may be nothing at all: £0 is a figure (under two years' service), None is not."""
    return "" if amount is None else pounds(amount)


def _number(value: Decimal) -> str:
    """Gives a number as written: 20, not 2E+1 or 20.0."""
    return format(value.normalize(), "f")


def at_risk_fields(case: Case) -> dict[str, str]:
    """Gives the estimates a person at risk is told, read from their case's entitlements (never computed here)."""
    owed = case.entitlements
    if owed is None:
        return {}
    cost = owed.redundancy_cost
    pension = ""
    if owed.strain.amount:  # a strain cost arises only for a member 55 or over when employment ends
        pension = "On the figures we hold, you would be 55 or over when your employment ended, so this applies to you."
    return {"redundancy_estimate": _figure(owed.redundancy.amount),
            "redundancy_weeks": _number(cost.weeks) if cost is not None else "",
            "notice_pay_estimate": _figure(owed.notice.amount), "pension_position": pension}


_ORDINAL = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")


def schedule_words(amounts: tuple[Decimal, ...]) -> str:
    """Gives a protection schedule in words: one amount a year when it does not change, else each year's."""
    paid = [a for a in amounts if a]
    if not paid:
        return ""
    if len(set(paid)) == 1:
        years = len(paid)
        return f"{pounds(paid[0])} a year for {years} year{'s' if years != 1 else ''}"
    said = [f"{pounds(a)} in the {_ORDINAL[k] if k < len(_ORDINAL) else f'year {k + 1}'} year"
            for k, a in enumerate(amounts) if a]
    return ", ".join(said[:-1]) + f" and {said[-1]}" if len(said) > 1 else said[0]


def letters(review: ReviewFile, result: SlottingResult, dates: TimelineResult, known: Cases | None = None,
            on: dt.date | None = None) -> list[Letter]:
    """Gives one letter per person of the review (those outside it too), in the order of the people section, dated
    `on` (no date when None: the letters then lack letter_date); every per-person figure and date is read from the
    person's case."""
    known = known or cases(review, result)
    said = review.review.letters or Letters()
    common = _common_fields(review, dates, said, on)
    prefix = said.reference or review.review.name
    found = []
    titles: dict[tuple[str, ...], str] = {}
    for person in review.people:
        old = review.old_post[person.post]
        called = person.name or person.id
        fields = {name: "" for name in FIELDS} | common | {
            "person_name": called, "addressee": called, "person_id": person.id, "reference": f"{prefix}/{person.id}",
            "current_post_title": old.title, "current_grade": review.grade[old.grade].name}
        slotted = result.person(person.id)
        if slotted is None:
            found.append(Letter(person.id, "out_of_review", fields))
            continue
        if slotted.slots:
            fields |= _slot_fields(review, result, slotted)
        case = known[person.id]
        if case.at_risk:
            if case.may_apply_for not in titles:  # one text for everyone offered the same posts, not one each
                titles[case.may_apply_for] = "; ".join(review.new_post[p].title for p in case.may_apply_for)
            fields["ring_fenced_posts"] = titles[case.may_apply_for]
        fields |= _case_fields(case)
        outcome = "on_hold" if slotted.on_hold else slotted.outcome
        found.append(Letter(person.id, outcome, fields))
    return found


def _common_fields(review: ReviewFile, dates: TimelineResult, said: Letters, on: dt.date | None) -> dict[str, str]:
    """Gives the fields every letter of the review shares: its name, the letter's date, the timeline's days, and
    what review.letters says."""
    steps = {s.what: s.date for s in dates.steps}
    timeline = review.review.timeline
    return {
        "review_name": review.review.name,
        "letter_date": long_date(on),
        "list_issued": long_date(timeline.slotting_list_issued if timeline else None),
        "appeals_close": long_date(steps.get("Appeals against the slotting close")),
        "assessments_by": long_date(steps.get("Assessments (competency and competitive) held by")),
        "decision": long_date(timeline.decision if timeline else None),
        "objections_close": long_date(steps.get("Objections to dismissals close")),
        "effective_date": long_date(review.review.effective_date),
        "trial_weeks": str(trial_weeks(review.policy)),  # the length the case dates trial_end by
        "hr_contact": said.hr_contact, "appeal_to": said.appeal_to, "dismissal_appeal_to": said.dismissal_appeal_to,
        "selection_method": said.selection_method, "selection_criteria": said.selection_criteria,
    }


def _slot_fields(review: ReviewFile, result: SlottingResult, slotted: PersonResult) -> dict[str, str]:
    """Gives the fields of a slotted person's new post(s) and pay, and of their pool by its counts."""
    posts = [review.new_post[s.post] for s in slotted.slots]
    first = slotted.slots[0]
    fields = {"new_post_title": " and ".join(p.title for p in posts),
              "new_grade": review.grade[posts[0].grade].name, "new_salary": _money(first.pay.amount),
              "spinal_point": str(first.pay.point), "protection": _money(first.pay.protection)}
    pools = result.pools_of(slotted)
    if pools:
        places = pools[0].places
        fields |= {"pool_candidates": str(len(pools[0].candidates)),
                   "pool_places": format(places.normalize(), "f") if isinstance(places, Decimal) else str(places)}
    return fields


def _case_fields(case: Case) -> dict[str, str]:
    """Gives the fields read from the person's case: notice, dismissal and trial dates, protection, and the
    estimates a person at risk is told."""
    return {"notice_weeks": str(case.notice_weeks) if case.notice_weeks is not None else "",
            "earliest_dismissal": long_date(case.earliest_dismissal), "trial_end": long_date(case.trial_end),
            "protection_end": long_date(case.protection_end),
            "protection_schedule": schedule_words(case.protection)} | at_risk_fields(case)
