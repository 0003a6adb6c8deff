"""The decisions made after the proposal, as dated and attributed records, and the checks that need no slotting.

A review may carry a `decisions` list (YAML, a CSV table or a sheet, like `people`). Each record is one
decision: a match assessment, a selection (in a competitive pool, or for ring-fenced places), a voluntary
redundancy request, an appeal, a redeployment offer, or a withdrawal. Records come in any order; the cascade
(rules.decisions) applies them by date and stage. One flat record serves every type, so that a table of them
needs no nesting; the fields a type needs and allows are checked here, each problem located on the record.

In a table, `candidates` and `appointed` are person ids separated by semicolons (`P05; P06`); scores by
criterion are given in YAML (`candidates: [{person: P05, scores: {leadership: 8}}]`).

The statutory redeployment priority (Maternity and Parental Leave etc. Regulations 1999 reg 10; extended from
6 April 2024 to pregnancy and the period after maternity, adoption and shared parental leave by the Protection
from Redundancy (Pregnancy and Family Leave) Act 2023 and SI 2024/310) belongs to the person, not to one offer:
it is `people[].priority`, set while the protected period runs, so that the redeployment register can order
the people at risk before any offer is made.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, StrictBool, model_validator

from .base import Model, Record, record
from .types import Date, Id, NonEmptyText, Text

DecisionType = Literal["assessment", "selection", "voluntary_redundancy", "appeal", "redeployment", "withdrawal"]
Priority = Literal["pregnancy", "maternity", "adoption", "shared_parental"]
PRIORITY_SOURCE = ("Maternity and Parental Leave etc. Regulations 1999 reg 10, extended by the Protection from "
                   "Redundancy (Pregnancy and Family Leave) Act 2023 and SI 2024/310 from 6 April 2024")
PRIORITY_FROM = dt.date(2024, 4, 6)  # pregnancy and the periods after adoption and shared parental leave

Score = Annotated[Decimal, Field(ge=0, le=1_000_000, allow_inf_nan=False)]


@record
class Candidate(Record):
    person: Id
    scores: dict[Text, Score] = Field(default_factory=dict, description="Score against each named criterion.")


class NewOutcome(Model):
    post: Id = Field(description="The new post the appeal gives the person.")


def _ids_in_a_cell(value: Any) -> Any:
    """A table cell of person ids separated by semicolons is the list it names."""
    if isinstance(value, str):
        return [part.strip() for part in value.split(";") if part.strip()]
    return value


def _candidates_in_a_cell(value: Any) -> Any:
    value = _ids_in_a_cell(value)
    if isinstance(value, list):
        return [{"person": item} if isinstance(item, str) else item for item in value]
    return value


People = Annotated[list[Id], BeforeValidator(_ids_in_a_cell, json_schema_input_type=list[Id] | str)]
Candidates = Annotated[list[Candidate], BeforeValidator(_candidates_in_a_cell,
                                                        json_schema_input_type=list[Candidate] | str)]

# The fields each type needs, and the further fields it allows (id, type, date, by and note go with every type).
NEEDS: dict[str, tuple[str, ...]] = {
    "assessment": ("person", "post", "result"),
    "selection": ("post", "candidates", "appointed"),
    "voluntary_redundancy": ("person", "requested", "result"),
    "appeal": ("person", "lodged", "heard", "result"),
    "redeployment": ("person", "post", "offered", "suitable", "response"),
    "withdrawal": ("person", "reason"),
}
ALLOWS: dict[str, tuple[str, ...]] = {
    "assessment": (), "selection": ("panel",), "voluntary_redundancy": (),
    "appeal": ("panel", "grounds", "against", "new_outcome"),
    "redeployment": ("trial", "trial_end", "refusal_reasonable"), "withdrawal": (),
}
RESULTS: dict[str, tuple[str, ...]] = {
    "assessment": ("confirmed", "not_confirmed"), "voluntary_redundancy": ("accepted", "declined"),
    "appeal": ("upheld", "dismissed"),
}
_OPTIONAL = ("person", "post", "result", "candidates", "appointed", "panel", "requested", "lodged", "heard", "grounds",
             "against", "new_outcome", "offered", "suitable", "trial", "trial_end", "response", "refusal_reasonable",
             "reason")


@record
class Decision(Record):
    id: Id
    type: DecisionType
    date: Date = Field(description="The day the decision was made.")
    by: NonEmptyText = Field(description="Who decided: the panel or the officer.")
    person: Id | None = Field(None, description="The person the decision is about (every type but selection).")
    post: Id | None = Field(None, description="The new post (assessment, selection, redeployment).")
    result: Literal["confirmed", "not_confirmed", "accepted", "declined", "upheld", "dismissed"] | None = Field(
        None, description="assessment: confirmed | not_confirmed; voluntary_redundancy: accepted | declined; "
        "appeal: upheld | dismissed.")
    candidates: Candidates | None = Field(None, description="selection: the candidates, each {person, scores: "
                                          "{criterion: n}}; in a table, person ids separated by semicolons.")
    appointed: People | None = Field(None, description="selection: the candidates appointed (may be none).")
    panel: Text | None = Field(None, description="selection or appeal: the members of the panel.")
    requested: Date | None = Field(None, description="voluntary_redundancy: the day the person asked.")
    lodged: Date | None = Field(None, description="appeal: the day it was lodged.")
    heard: Date | None = Field(None, description="appeal: the day it was heard.")
    grounds: Text | None = Field(None, description="appeal: the grounds.")
    against: Id | None = Field(None, description="appeal: the id of the decision appealed against; without it, "
                               "the person's outcome in the proposal (an appeal against the slotting list).")
    new_outcome: NewOutcome | Literal["displaced", "withdrawn"] | None = Field(
        None, description="appeal, when upheld: {post: X} (the person is appointed to X), displaced (the person is "
        "at risk and any place they held is freed), or withdrawn (the decision appealed against is set aside).")
    offered: Date | None = Field(None, description="redeployment: the day the post was offered.")
    suitable: StrictBool | None = Field(None, description="redeployment: whether the post is suitable alternative "
                                        "employment (ERA 1996 s.141(3)).")
    trial: Literal["passed", "failed", "running"] | None = Field(
        None, description="redeployment: the trial period (ERA 1996 s.138(3)), if one was held.")
    trial_end: Date | None = Field(None, description="redeployment: the day the trial period ends.")
    response: Literal["accepted", "refused"] | None = Field(None, description="redeployment: the person's answer.")
    refusal_reasonable: StrictBool | None = Field(
        None, description="redeployment, when refused: whether the refusal was reasonable; an unreasonable refusal "
        "of suitable employment loses the redundancy payment (ERA 1996 s.141(2)).")
    reason: Literal["resigned", "retired", "left"] | None = Field(None, description="withdrawal: why the person "
                                                                  "left the process.")
    note: Text | None = None

    @model_validator(mode="after")
    def _fields_of_its_type(self) -> Decision:
        said = []
        missing = [name for name in NEEDS[self.type] if getattr(self, name) is None]
        kind = f"{'an' if self.type[0] in 'a' else 'a'} {self.type} record"
        if missing:
            said.append(f"{kind} needs {', '.join(missing)}")
        allowed = {*NEEDS[self.type], *ALLOWS[self.type]}
        extra = [name for name in _OPTIONAL if name not in allowed and getattr(self, name) is not None]
        if extra:
            said.append(f"{', '.join(extra)} {'is' if len(extra) == 1 else 'are'} not a field of {kind}")
        results = RESULTS.get(self.type)
        if results and self.result is not None and self.result not in results:
            said.append(f"result of a {self.type}: expected {' or '.join(results)}; got {self.result}")
        if self.type == "appeal":
            said += self._appeal_fields()
        if self.type == "redeployment":
            said += self._redeployment_fields()
        if said:
            raise ValueError("; ".join(said))
        return self

    def _appeal_fields(self) -> list[str]:
        """Gives what an appeal's result, new outcome and target leave out or contradict."""
        said = []
        if self.result == "upheld" and self.new_outcome is None:
            said.append("an upheld appeal needs new_outcome: {post: X}, displaced or withdrawn")
        if self.result == "dismissed" and self.new_outcome is not None:
            said.append("a dismissed appeal has no new_outcome")
        if self.new_outcome == "withdrawn" and self.against is None:
            said.append("new_outcome withdrawn sets aside the decision named by against: give against")
        return said

    def _redeployment_fields(self) -> list[str]:
        """Gives what a redeployment offer's trial, response and refusal leave out or contradict."""
        said = []
        if self.trial == "running" and self.trial_end is None:
            said.append("a trial still running needs trial_end")
        if self.response == "refused" and self.trial is not None:
            said.append("a refused offer has no trial")
        if self.refusal_reasonable is not None and self.response != "refused":
            said.append("refusal_reasonable is given only when the offer is refused")
        if self.response == "refused" and self.suitable and self.refusal_reasonable is None:
            said.append("a refused offer of suitable employment needs refusal_reasonable: true or false "
                        "(ERA 1996 s.141(2))")
        return said

    @property
    def people(self) -> tuple[str, ...]:
        """Gives the people the record is about: its person, or a selection's candidates."""
        if self.person is not None:
            return (self.person,)
        return tuple(c.person for c in self.candidates or ())


Found = list[tuple[tuple[Any, ...], str]]


def check_decisions(r: Any) -> Found:
    """Gives the problems of a review's decisions that need no slotting: ids, people and posts named, the order of
    each record's own dates and of the timeline, and records that contradict each other."""
    decisions: list[Decision] = r.decisions or []
    if not decisions:
        return []
    found: Found = []
    people, posts = r.person, r.new_post
    first: dict[str, int] = {}
    for i, d in enumerate(decisions):
        if d.id in first:
            found.append((("decisions", i, "id"), f"duplicate decision id {d.id!r} (first at index {first[d.id]})"))
        first.setdefault(d.id, i)
    issued = r.review.timeline.slotting_list_issued if r.review.timeline else None
    by_id = {d.id: d for d in decisions}
    for i, d in enumerate(decisions):
        at = ("decisions", i)
        if d.person is not None and d.person not in people:
            found.append((at + ("person",), f"unknown person {d.person!r}"))
        for j, c in enumerate(d.candidates or ()):
            if c.person not in people:
                found.append((at + ("candidates", j, "person"), f"unknown person {c.person!r}"))
        for name, post in (("post", d.post), ("new_outcome", d.new_outcome.post if isinstance(d.new_outcome, NewOutcome)
                                              else None)):
            if post is not None and post not in posts:
                found.append((at + (name,), f"unknown new post {post!r}"))
        found += _selection(d, at)
        found += _dates(d, at, issued, by_id)
    found += _contradictions(decisions)
    return found


def _selection(d: Decision, at: tuple[Any, ...]) -> Found:
    if d.type != "selection":
        return []
    found: Found = []
    seen: set[str] = set()
    criteria = {frozenset(c.scores) for c in d.candidates or () if c.scores}
    for j, c in enumerate(d.candidates or ()):
        if c.person in seen:
            found.append((at + ("candidates", j, "person"), f"{c.person!r} is a candidate twice"))
        seen.add(c.person)
    if len(criteria) > 1:
        found.append((at + ("candidates",), "the candidates are scored against different criteria: score every "
                      "candidate against the same ones"))
    for j, pid in enumerate(d.appointed or ()):
        if pid not in seen:
            found.append((at + ("appointed", j), f"{pid!r} is appointed but is not one of the candidates"))
    twice = [pid for pid, n in Counter(d.appointed or ()).items() if n > 1]
    if twice:
        found.append((at + ("appointed",), f"{', '.join(map(repr, twice))} appointed twice"))
    return found


def _dates(d: Decision, at: tuple[Any, ...], issued: dt.date | None, by_id: dict[str, Decision]) -> Found:
    """Each record's dates in their order, and none before its stage opens."""
    found: Found = []
    if issued is not None and d.type in ("assessment", "selection") and d.date < issued:
        found.append((at + ("date",), f"{d.date} is before the slotting list was issued (review.timeline."
                      f"slotting_list_issued, {issued}): a {d.type} follows the list"))
    if d.type == "voluntary_redundancy" and d.requested is not None and d.date < d.requested:
        found.append((at + ("date",), f"decided on {d.date}, before it was requested ({d.requested})"))
    if d.type == "redeployment" and d.offered is not None:
        if d.date < d.offered:
            found.append((at + ("date",), f"decided on {d.date}, before the offer was made ({d.offered})"))
        if d.trial_end is not None and d.trial_end < d.offered:
            found.append((at + ("trial_end",), f"the trial ends ({d.trial_end}) before the offer was made ({d.offered})"))
    if d.type == "appeal" and d.lodged is not None and d.heard is not None:
        found += _appeal_dates(d, at, issued, by_id)
    return found


def _appeal_dates(d: Decision, at: tuple[Any, ...], issued: dt.date | None, by_id: dict[str, Decision]) -> Found:
    """An appeal's dates in their order (lodged, heard, decided), after what it is against, and the decision it is
    against one that can be appealed, about the same person."""
    found: Found = []
    assert d.lodged is not None and d.heard is not None
    if d.heard < d.lodged:
        found.append((at + ("heard",), f"heard on {d.heard}, before it was lodged ({d.lodged})"))
    if d.date < d.heard:
        found.append((at + ("date",), f"decided on {d.date}, before it was heard ({d.heard})"))
    target = by_id.get(d.against) if d.against is not None else None
    if d.against is not None and target is None:
        found.append((at + ("against",), f"unknown decision {d.against!r}"))
    elif target is not None:
        if target.type in ("appeal", "withdrawal", "voluntary_redundancy"):
            kind = target.type.replace("_", " ")
            found.append((at + ("against",), f"{d.against!r} is {'an' if kind[0] in 'av' else 'a'} {kind} record: "
                          "an appeal is against an assessment, a selection or a redeployment decision"))
        elif d.person not in target.people:
            found.append((at + ("against",), f"{d.against!r} is not a decision about {d.person!r}"))
        elif d.lodged < target.date:
            found.append((at + ("lodged",), f"lodged on {d.lodged}, before the decision appealed against "
                          f"({d.against!r}, {target.date})"))
    elif d.against is None and issued is not None and d.lodged < issued:
        found.append((at + ("lodged",), f"lodged on {d.lodged}, before the slotting list was issued ({issued})"))
    return found


def _contradictions(decisions: list[Decision]) -> Found:
    """Records that cannot all be true: a person leaving twice, assessed twice for one post, or appealing one
    decision twice with success."""
    found: Found = []
    left: dict[str, int] = {}
    assessed: dict[tuple[str, str], int] = {}
    upheld: dict[tuple[str, str | None], int] = {}
    for i, d in enumerate(decisions):
        if d.person is None:
            continue
        if d.type == "withdrawal" or (d.type == "voluntary_redundancy" and d.result == "accepted"):
            if d.person in left:
                found.append((("decisions", i), f"{d.person!r} already left the process by decision "
                              f"{decisions[left[d.person]].id!r}"))
            left.setdefault(d.person, i)
        if d.type == "assessment" and d.post is not None:
            key = (d.person, d.post)
            if key in assessed:
                found.append((("decisions", i), f"{d.person!r} is already assessed for {d.post!r} by decision "
                              f"{decisions[assessed[key]].id!r}; an appeal, not a second assessment, changes it"))
            assessed.setdefault(key, i)
        if d.type == "appeal" and d.result == "upheld":
            key2 = (d.person, d.against)
            if key2 in upheld:
                what = repr(d.against) if d.against else "the proposal"
                found.append((("decisions", i), f"a second upheld appeal by {d.person!r} against {what} (first: "
                              f"{decisions[upheld[key2]].id!r})"))
            upheld.setdefault(key2, i)
    return found
