"""The input format as pydantic models, and every cross-reference check in one place.

Models are frozen and forbid unknown keys; the records that come by the thousand (posts, people,
overlaps) are pydantic dataclasses, which validate faster and take less memory. Numbers arrive as YAML text (see strict_yaml) and
become exact Decimals here. `check_references` runs after the shapes are valid and returns every
dangling reference, duplicate id or contradiction as (path, message) pairs for the loader to locate.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from functools import cached_property
from typing import Annotated, Literal

from pydantic.dataclasses import dataclass
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StrictBool, field_validator, model_validator

from .policy import Policy
from .scalars import NonEmptyText, Text, Whole

_CONFIG = ConfigDict(frozen=True, extra="forbid", hide_input_in_errors=True)
# The records that come by the thousand (posts, people, overlaps) are pydantic dataclasses: a third
# faster to validate than models. With slots they have no dict each: a fifth of the memory, and so
# 3,000 fewer page faults at 20,000 people (fresh memory is costly: see README, Large reviews).
record = dataclass(frozen=True, kw_only=True, slots=True,
                   config=ConfigDict(extra="forbid", hide_input_in_errors=True))

Id = Annotated[str, Field(min_length=1, coerce_numbers_to_str=True,
                          description="An identifier, unique within its kind.")]
Money = Annotated[Decimal, Field(gt=0, allow_inf_nan=False, description="An annual amount in pounds.")]
Percent = Annotated[Decimal, Field(ge=0, le=100, allow_inf_nan=False, description="A percentage, 0-100.")]
Fraction = Annotated[
    Decimal, Field(ge=0, le=1, allow_inf_nan=False, description="A share of the cost met externally, 0-1.")
]


class Model(BaseModel):
    model_config = _CONFIG


class Review(Model):
    name: NonEmptyText
    effective_date: dt.date | None = Field(None, description="Date the new structure takes effect.")
    currency: Literal["GBP"] = "GBP"
    ring_fence_group: Text | None = Field(
        None,
        description="A wider group that ring-fenced posts are also open to (e.g. 'all Heads of "
        "Service'); by default only people displaced or in a competitive pool may apply.",
    )


class SpinalAmount(Model):
    amount: Money
    estimated: StrictBool = False
    source: Text | None = None


def _amount_as_mapping(value):
    return value if isinstance(value, dict) else {"amount": value}


SpinalValue = Annotated[
    SpinalAmount,
    BeforeValidator(_amount_as_mapping, json_schema_input_type=Money | SpinalAmount),
]


class Grade(Model):
    id: Id
    name: NonEmptyText
    level: Whole = Field(description="Orders the grades: higher is more senior.")
    spine: Text | None = Field(None, description="The pay spine this grade's points are on.")
    points: tuple[Whole, Whole] | None = Field(
        None, description="[bottom, top] spinal points of the grade, inclusive."
    )

    @field_validator("points")
    @classmethod
    def _bottom_then_top(cls, points: tuple[int, int] | None) -> tuple[int, int] | None:
        if points and points[0] > points[1]:
            raise ValueError(f"points must be [bottom, top]; got bottom {points[0]} above top {points[1]}")
        return points

    @model_validator(mode="after")
    def _spine_and_points_together(self) -> Grade:
        if (self.spine is None) != (self.points is None):
            raise ValueError("give both spine and points, or neither")
        return self

    @property
    def point_numbers(self) -> range:
        return range(self.points[0], self.points[1] + 1) if self.points else range(0)


@record
class OldPost:
    id: Id
    title: NonEmptyText
    grade: Id
    group: Text | None = Field(None, description="Row of the savings table (default: the grade's name).")
    department: Text | None = None
    salary: Money | None = Field(None, description="Cost basis of the post, e.g. when it is vacant.")
    external_funding: Fraction = Decimal(0)
    in_review: StrictBool = Field(True, description="false: costed but not part of slotting.")


@record
class NewPost:
    id: Id
    title: NonEmptyText
    grade: Id
    group: Text | None = None
    department: Text | None = None
    count: Whole = Field(1, ge=1, description="Places in this post.")
    external_funding: Fraction = Decimal(0)
    on_hold: StrictBool = Field(False, description="Appointment suspended (Leicester report s.7.1).")
    in_review: StrictBool = True


class OldStructure(Model):
    posts: list[OldPost]


class NewStructure(Model):
    posts: list[NewPost]


@record
class Person:
    id: Id
    name: Text | None = None
    post: Id = Field(description="The person's current (old) post id.")
    salary: Money
    in_review: StrictBool = True
    characteristics: dict[str, Text] = Field(default_factory=dict)
    age: Whole | None = Field(None, ge=15, le=100, description="Age in whole years (redundancy estimate).")
    service_years: Whole | None = Field(
        None, ge=0, le=70, description="Complete years of continuous service (redundancy estimate)."
    )


@record
class Overlap:
    old_post: Id
    new_post: Id
    old_in_new: Percent = Field(description="Share of the current JD found in the new post.")
    new_from_old: Percent = Field(description="Share of the new JD that the current one forms.")


class Redundancy(Model):
    """Local Government (Early Termination of Employment) (Discretionary Compensation) Regs 2006."""

    actual_weeks_pay: StrictBool = Field(
        False, description="Reg 5: use the actual week's pay instead of the statutory cap."
    )
    multiplier: Decimal = Field(
        Decimal(1), ge=1, le=Decimal("3.467"), allow_inf_nan=False,
        description="Reg 6: multiply the statutory weeks, to a total of at most 104 weeks.",
    )


class Costing(Model):
    on_cost_rate: Decimal = Field(Decimal(0), ge=0, le=5, allow_inf_nan=False)
    new_posts_at: Literal["top", "slotted"] = "top"
    round_to: Decimal = Field(Decimal(1), gt=0, allow_inf_nan=False)
    target_saving: Decimal | None = Field(None, allow_inf_nan=False)
    redundancy: Redundancy = Field(default_factory=Redundancy)


class ReviewFile(Model):
    """A whole restructure: structures, people, overlaps, policy and costing."""

    review: Review
    policy: Policy = Field(default_factory=Policy)
    pay_spines: dict[str, dict[int, SpinalValue]] = Field(
        description="Pay spine name -> {spinal point: annual amount, or {amount, estimated, source}}."
    )
    grades: list[Grade]
    old_structure: OldStructure
    new_structure: NewStructure
    people: list[Person]
    overlaps: list[Overlap]
    costing: Costing = Field(default_factory=Costing)

    @cached_property
    def grade(self) -> dict[str, Grade]:
        return {g.id: g for g in self.grades}

    @cached_property
    def old_post(self) -> dict[str, OldPost]:
        return {p.id: p for p in self.old_structure.posts}

    @cached_property
    def new_post(self) -> dict[str, NewPost]:
        return {p.id: p for p in self.new_structure.posts}

    @cached_property
    def holder(self) -> dict[str, Person]:
        return {p.post: p for p in self.people}

    def spinal_amount(self, spine: str, point: int) -> SpinalAmount:
        return self.pay_spines[spine][point]


def check_references(r: ReviewFile) -> list[tuple[tuple, str]]:
    """Gives every duplicate id, dangling reference and contradiction as (path, message)."""
    found: list[tuple[tuple, str]] = []
    found += _duplicates(r.grades, ("grades",), "grade")
    found += _duplicates(r.old_structure.posts, ("old_structure", "posts"), "old post")
    found += _duplicates(r.new_structure.posts, ("new_structure", "posts"), "new post")
    found += _duplicates(r.people, ("people",), "person")
    grades, old, new = r.grade, r.old_post, r.new_post

    for i, g in enumerate(r.grades):
        if g.spine is None:
            continue
        if g.spine not in r.pay_spines:
            found.append((("grades", i, "spine"), f"unknown pay spine {g.spine!r}; expected one of {_names(r.pay_spines)}"))
            continue
        missing = [n for n in g.point_numbers if n not in r.pay_spines[g.spine]]
        if missing:
            found.append((("grades", i, "points"),
                          f"spinal point(s) {', '.join(map(str, missing))} not on spine {g.spine!r}; "
                          "give every point of the grade in pay_spines (mark unpublished ones estimated: true)"))

    # Each check below first asks its question of whole sets (fast); only when the answer is "no"
    # does it go through the records one by one to say where.
    no_spine = {g.id for g in r.grades if g.spine is None}
    for kind, posts in (("old_structure", r.old_structure.posts), ("new_structure", r.new_structure.posts)):
        used = {p.grade for p in posts}
        if used <= grades.keys() and not (used & no_spine):
            continue
        for i, p in enumerate(posts):
            if p.grade not in grades:
                found.append(((kind, "posts", i, "grade"), f"unknown grade {p.grade!r}; expected one of {_names(grades)}"))
            elif kind == "new_structure" and p.grade in no_spine:
                found.append(((kind, "posts", i, "grade"),
                              f"grade {p.grade!r} has no spine and points, so the new post cannot be costed or paid"))
            elif kind == "old_structure" and p.salary is None and p.grade in no_spine and p.id not in r.holder:
                found.append(((kind, "posts", i),
                              f"vacant post with grade {p.grade!r}, which has no spine: give the post a salary "
                              "so that it can be costed"))

    if not (len(r.holder) == len(r.people) and r.holder.keys() <= old.keys()):
        first_in_post: dict[str, int] = {}
        for i, person in enumerate(r.people):
            if person.post not in old:
                found.append((("people", i, "post"), f"unknown old post {person.post!r}"))
            elif person.post in first_in_post:
                other = r.people[first_in_post[person.post]].id
                found.append((("people", i, "post"),
                              f"old post {person.post!r} is already held by {other!r}; one holder per old post"))
            else:
                first_in_post[person.post] = i

    pairs = [(o.old_post, o.new_post) for o in r.overlaps]
    if not (len(set(pairs)) == len(pairs) and {o for o, _ in pairs} <= old.keys() and {n for _, n in pairs} <= new.keys()):
        seen: set[tuple[str, str]] = set()
        for i, (old_id, new_id) in enumerate(pairs):
            if old_id not in old:
                found.append((("overlaps", i, "old_post"), f"unknown old post {old_id!r}"))
            if new_id not in new:
                found.append((("overlaps", i, "new_post"), f"unknown new post {new_id!r}"))
            if (old_id, new_id) in seen:
                found.append((("overlaps", i), f"overlap {old_id!r} -> {new_id!r} is given twice"))
            seen.add((old_id, new_id))

    p = r.policy
    if p.match_threshold > p.assimilate_threshold:
        found.append((("policy", "match_threshold"),
                      f"expected at most assimilate_threshold ({p.assimilate_threshold}); got {p.match_threshold}"))
    if p.match_grade_distance < p.assimilate_grade_distance:
        found.append((("policy", "match_grade_distance"),
                      f"expected at least assimilate_grade_distance ({p.assimilate_grade_distance}); "
                      f"got {p.match_grade_distance}"))
    return found


def _duplicates(items: list, path: tuple, kind: str) -> list[tuple[tuple, str]]:
    if len({item.id for item in items}) == len(items):
        return []
    first: dict[str, int] = {}
    found = []
    for i, item in enumerate(items):
        if item.id in first:
            found.append((path + (i, "id"), f"duplicate {kind} id {item.id!r} (first at index {first[item.id]})"))
        else:
            first[item.id] = i
    return found


def _names(mapping) -> str:
    names = sorted(mapping)
    shown = ", ".join(repr(n) for n in names[:8])
    return shown + (f" and {len(names) - 8} more" if len(names) > 8 else "")
