"""`slotting explain` as data: JSON of each person's facts, claims and case, and Markdown of the explanation.

The JSON gives each person as `slotting run --format json` gives them (the same fields, names and values),
with their claims, their FTE and their case (rules.case) added; the Markdown gives the words of the text
explanation (render.explain), one section a person.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from typing import Any

from ..model import ReviewFile
from ..rules.case import Case
from ..rules.results import PersonResult, SlottingResult
from .common import json_chunks, markdown, number
from .explain import explain_text
from .run import run_data
from .wording import Wording, distances


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def claim_state(p: PersonResult, post: str, kind: str | None) -> str:
    """Gives what became of one claim: pursued, rejected, or not pursued (and why), as the text says."""
    if not kind:
        return "rejected"
    if any(s.post == post for s in p.slots):
        return "pursued"
    return "not pursued: it ranks below the claim pursued" if p.slots else "not pursued: no place was left after assimilation"


def _claims(p: PersonResult, result: SlottingResult, wording: Wording) -> list[dict[str, Any]]:
    return [{"post": a.post, "title": result.post(a.post).title, "kind": a.kind, "state": claim_state(p, a.post, a.kind),
             "score": number(a.score), "old_in_new": number(a.old_in_new), "new_from_old": number(a.new_from_old),
             "grade_distance": a.grade_distance, "old_grade": a.old_grade, "new_grade": a.new_grade,
             "why": wording.why(a), "distance": distances(a.score, result.policy)} for a in p.assessments]


def case_data(case: Case) -> dict[str, Any]:
    """Gives a person's case as data: each figure and date with its basis (dates YYYY-MM-DD, money in pounds)."""
    owed = case.entitlements
    return {
        "at_risk": case.at_risk,
        "notice_weeks": case.notice_weeks, "notice_basis": case.notice_basis,
        "notice_given": _iso(case.notice_given), "earliest_dismissal": _iso(case.earliest_dismissal),
        "employment_ends": _iso(case.employment_ends),
        "relevant_date": _iso(case.relevant_date), "relevant_basis": case.relevant_basis,
        "age": case.age, "age_basis": case.age_basis,
        "service_years": case.service_years, "service_basis": case.service_basis,
        "trial_end": _iso(case.trial_end),
        "protection_by_year": [number(a) for a in case.protection], "protection_end": _iso(case.protection_end),
        "may_apply_for": list(case.may_apply_for), "may_apply_basis": case.may_apply_basis,
        "entitlements": None if owed is None else {
            name: {"amount": None if part.amount is None else number(part.amount), "basis": part.basis}
            for name, part in owed.parts},
    }


def explain_data(result: SlottingResult, person_ids: Sequence[str], review: ReviewFile,
                 cases: dict[str, Case]) -> dict[str, Any]:
    """Gives the people asked for (in the order asked) with their run fields, FTE, claims and case; with decisions
    recorded, also their status, its reason and history (as `run --format json` gives them) and their case at the
    current stage (`current_case`)."""
    wanted = set(person_ids)
    found = {}
    standings, now = None, {}
    if review.decisions:
        from ..rules.case import cases as staged_cases
        from ..rules.decisions import decided

        standings = decided(review, result, cases)
        now = staged_cases(review, result, stage=standings).people
    for person in run_data(result, decisions=standings)["people"]:
        if person["id"] in wanted:
            found[person["id"]] = person
            if len(found) == len(wanted):
                break
    wording = Wording(result.policy)
    people = []
    for person_id in person_ids:
        p = result.person(person_id)
        if p is None:
            raise KeyError(person_id)
        people.append({**found[person_id], "fte": number(review.fte(person_id)),
                       "claims": _claims(p, result, wording), "case": case_data(cases[person_id]),
                       **({"current_case": case_data(now[person_id])} if now else {})})
    return {"review": result.review, "people": people}


def explain_json(result: SlottingResult, person_ids: Sequence[str], review: ReviewFile,
                 cases: dict[str, Case]) -> Iterator[bytes]:
    """Yields the explanation of each person as JSON: {review, people: [...]}."""
    yield from json_chunks(explain_data(result, person_ids, review, cases))


_NUMBERED = re.compile(r"(\d+)\. (.*)")


def explain_markdown(result: SlottingResult, person_ids: Sequence[str], review: ReviewFile,
                     cases: dict[str, Case]) -> Iterator[str]:
    """Yields the text explanation of each person as Markdown: a heading each, the text's paragraphs, its
    indented lines as lists."""
    out = [f"# Explanation: {markdown(result.review)}"]
    for person_id in person_ids:
        text = "".join(explain_text(result, person_id, review, cases[person_id]))
        lines = text.split("\n")
        out += ["", f"## {markdown(lines[0])}"]
        listed = False
        for line in lines[1:]:
            body = line.strip()
            if not body:
                listed = False
                continue
            depth = len(line) - len(line.lstrip(" "))
            if depth == 0:
                out += ["", markdown(body)]
                listed = False
                continue
            if not listed:
                out.append("")
                listed = True
            numbered = _NUMBERED.fullmatch(body)
            if numbered and depth <= 2:
                out.append(f"{numbered.group(1)}. {markdown(numbered.group(2))}")
            else:
                out.append(("   " if depth > 2 else "") + f"- {markdown(body)}")
    yield "\n".join(out) + "\n"
