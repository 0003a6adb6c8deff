"""The letters of the current stage: for each person, the outcome letter their latest decision calls for.

Which letter, from the cascade's standing (rules.decisions) and the person's own latest decision record:
- compulsory or voluntary redundancy: notice of dismissal (`dismissal`), whatever record led there, since the
  notice is what the law requires next (ERA 1996 s.86; the dates and payments are the case's at this stage);
- an appeal: its outcome (`appeal_outcome`), upheld or dismissed, and what follows from it;
- an assessment: `confirmed` in post, or `not_confirmed` (at risk, the ring-fence and redeployment);
- a selection (a pool's or the ring-fence's): `appointed`, or `not_appointed` (at risk);
- a redeployment offer accepted (on trial, or redeployed): `redeployment`, with the trial period and its end.
No letter: a person withdrawn, one with no decision of their own since the proposal (their proposal letter
stands; a pool resolved by another person's voluntary redundancy is that person's record, never named to them),
a declined voluntary redundancy, or a refused offer or failed trial that leaves the person still at risk (the
redundancy that may follow has its own notice).

Every per-person figure and date is read from the person's case at the current stage (rules.case, `stage=`)
or from the decision records as given; none is computed here. Pure.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..formats import long_date as _day
from ..model import ReviewFile
from ..model.decisions import Decision
from .case import LEAVING, Cases
from .decisions import Decided, Standing
from .letters import Letter, letters
from .results import SlottingResult
from .timeline import TimelineResult

DECIDED = ("confirmed", "not_confirmed", "appointed", "not_appointed", "redeployment", "dismissal",
           "appeal_outcome")
_KINDS = {"assessment": "the assessment", "selection": "the selection", "redeployment": "the redeployment offer",
          "voluntary_redundancy": "the voluntary redundancy request", "withdrawal": "the withdrawal",
          "appeal": "the appeal"}


@dataclass(frozen=True)
class NoLetter:
    """A person the current stage writes no letter to, and why."""

    person: str
    why: str


def own_records(standing: Standing, records: dict[str, Decision]) -> list[Decision]:
    """Gives the decision records about the person themselves, in the order of their history (never another
    person's record, such as the voluntary redundancy that resolved their pool)."""
    seen = dict.fromkeys(s.record for s in standing.history if s.record in records
                         and standing.person in records[s.record].people)
    return [records[r] for r in seen]


def letter_for(standing: Standing, last: Decision | None) -> str | None:
    """Gives the outcome letter a person's standing and latest own decision call for (None: no letter)."""
    if standing.status == "withdrawn":
        return None
    if standing.status in LEAVING:
        return "dismissal"
    if last is None:
        return None
    if last.type == "appeal":
        return "appeal_outcome"
    if last.type == "assessment":
        return "confirmed" if standing.status == "appointed" else "not_confirmed"
    if last.type == "selection":
        return "appointed" if standing.status in ("appointed", "redeployed") else "not_appointed"
    if last.type == "redeployment" and standing.status in ("on_trial", "redeployed"):
        return "redeployment"
    return None


def _why_none(standing: Standing, last: Decision | None) -> str:
    """Gives why the person's latest decision calls for no letter."""
    if standing.status == "withdrawn":
        return "withdrawn"
    if last is None:
        return "no decision about them since the proposal (their proposal letter stands)"
    if last.type == "voluntary_redundancy":
        return "their voluntary redundancy was declined (their standing is unchanged)"
    return "their offer was refused or its trial failed, and they are still at risk (any notice follows)"


def _titles(review: ReviewFile, posts: tuple[str, ...]) -> str:
    """Gives the titles of some new posts, joined by 'and'."""
    return " and ".join(review.new_post[p].title for p in posts)


def _against(review: ReviewFile, appeal: Decision, records: dict[str, Decision]) -> str:
    """Gives, in words, what an appeal was against."""
    replaced = records.get(appeal.against or "")
    if replaced is None:
        return "your outcome in the slotting list"
    post = f" for the post of {review.new_post[replaced.post].title}" if replaced.post else ""
    return f"the decision of {_day(replaced.date)} on {_KINDS[replaced.type]}{post}"


def _what_follows(review: ReviewFile, standing: Standing, case_trial_end: dt.date | None) -> str:
    """Gives, in words, where the person stands after the appeal (from the cascade's standing)."""
    held = _titles(review, standing.posts)
    if standing.status in ("appointed", "redeployed"):
        return f"you are appointed to the post of {held}"
    if standing.status == "on_trial":
        return f"you are on trial in the post of {held} until {_day(case_trial_end)}"
    if standing.posts:
        return f"your match to the post of {held} stands, subject to its assessment"
    if standing.pools:
        return f"you remain a candidate in the selection for the post of {_titles(review, standing.pools)}"
    return "you are at risk of redundancy"


def _decision_fields(review: ReviewFile, d: Decision) -> dict[str, str]:
    """Gives the fields naming the decision a letter reports."""
    return {"decision_ref": d.id, "decision_date": _day(d.date), "decided_by": d.by,
            "decision_post": review.new_post[d.post].title if d.post else ""}


def outcome_letters(review: ReviewFile, result: SlottingResult, dates: TimelineResult, now: Cases, stage: Decided,
                    on: dt.date | None = None) -> tuple[list[Letter], list[NoLetter]]:
    """Gives the current stage's letters, one per person whose latest decision calls for one (in the order of the
    people section), and the people given none with the reason; every figure and date is the current case's."""
    records = {d.id: d for d in review.decisions}
    base = {letter.person: letter for letter in letters(review, result, dates, now, on)}
    made: list[Letter] = []
    none: list[NoLetter] = []
    for person in review.people:
        standing = stage.person(person.id)
        if standing is None:
            none.append(NoLetter(person.id, "outside the review (their proposal letter stands)"))
            continue
        own = own_records(standing, records)
        last = own[-1] if own else None
        outcome = letter_for(standing, last)
        if outcome is None:
            none.append(NoLetter(person.id, _why_none(standing, last)))
            continue
        case = now[person.id]
        fields = dict(base[person.id].fields) | _post_fields(review, result, standing)
        fields["at_risk"] = "yes" if case.at_risk and standing.status not in LEAVING else ""
        fields["notice_given"] = _day(case.notice_given)
        if last is not None:
            fields |= _decision_fields(review, last)
        fields |= _outcome_fields(review, outcome, standing, own, last, records, case.trial_end)
        made.append(Letter(person.id, outcome, fields))
    return made, none


def _post_fields(review: ReviewFile, result: SlottingResult, standing: Standing) -> dict[str, str]:
    """Gives the fields of the post(s) the person holds at this stage (none when they hold none)."""
    if not standing.posts:
        return {}
    proposed = result.person(standing.person)
    slotted = {s.post for s in proposed.slots} if proposed is not None else set()
    if set(standing.posts) <= slotted:
        return {"new_post_title": _titles(review, standing.posts)}
    # A post taken at this stage that the proposal did not give them: its pay is not in the case, so the letter
    # names the post and leaves pay to the template's condition.
    grade = review.new_post[standing.posts[0]].grade
    return {"new_post_title": _titles(review, standing.posts), "new_grade": review.grade[grade].name,
            "new_salary": "", "spinal_point": "", "protection": "", "protection_schedule": "", "protection_end": ""}


def _outcome_fields(review: ReviewFile, outcome: str, standing: Standing, own: list[Decision], last: Decision | None,
                    records: dict[str, Decision], trial_end: dt.date | None) -> dict[str, str]:
    """Gives the fields only one outcome's letter uses: a dismissal's terms, a redeployment's offer and trial, an
    appeal's hearing and what follows."""
    if outcome == "dismissal":
        return _dismissal_fields(review, standing, own, records)
    if outcome == "redeployment" and last is not None and last.type == "redeployment":
        fields = {"offered_date": _day(last.offered), "suitable": "yes" if last.suitable else "",
                  "trial_result": last.trial or ""}
        if last.trial == "passed":
            fields["trial_end"] = _day(last.trial_end)  # as recorded: the trial is over, the case has none
        return fields
    if outcome == "appeal_outcome" and last is not None:
        return {"appeal_result": last.result or "", "appeal_lodged": _day(last.lodged),
                "appeal_heard": _day(last.heard), "appeal_panel": last.panel or "",
                "appeal_against": _against(review, last, records),
                "what_follows": _what_follows(review, standing, trial_end)}
    return {}


def _dismissal_fields(review: ReviewFile, standing: Standing, own: list[Decision],
                      records: dict[str, Decision]) -> dict[str, str]:
    """Gives a notice of dismissal's own fields: the voluntary terms, and the offer whose unreasonable refusal
    loses the redundancy payment."""
    fields: dict[str, str] = {}
    vr = next((d for d in reversed(own) if d.type == "voluntary_redundancy" and d.result == "accepted"), None)
    if vr is not None and standing.status == "voluntary_redundancy":
        fields |= {"voluntary": "yes", "vr_requested": _day(vr.requested)} | _decision_fields(review, vr)
    refused = records.get(standing.no_redundancy_payment or "")
    if refused is not None and refused.post is not None:
        fields["no_redundancy_payment"] = (f"the post of {review.new_post[refused.post].title}, offered on "
                                           f"{_day(refused.offered)}")
    return fields
