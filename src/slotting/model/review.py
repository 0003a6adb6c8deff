"""The input format as pydantic models, and every cross-reference check in one place.

Models are frozen and forbid unknown keys; the records that come by the thousand (posts, people,
overlaps) are pydantic dataclasses, which validate faster and take less memory. Numbers arrive as the
text written (see reading.yaml_text) and become exact Decimals here; model.references checks the
cross-references once the shapes are valid.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from functools import cached_property
from typing import Annotated, Any

from pydantic import (
    BeforeValidator,
    Field,
    StrictBool,
    field_validator,
    model_validator,
)

from .. import limits
from .base import Model, Record, record
from .calendar import add_years
from .costing import Costing, ExternalFunding
from .decisions import Decision, Priority
from .evidence import Evidence, JobDescription, overlap_of
from .policy import Policy, Tier
from .process import NATION_OF, CommitteePaper, Jurisdiction, Letters, Review, Timeline
from .sources import Sources
from .types import FTE, Date, Id, Money, NonEmptyText, Percent, SpinalPoint, Text, Whole

_ONE = Decimal(1)




class SpinalAmount(Model):
    amount: Money
    estimated: StrictBool = False
    source: Text | None = None


def _amount_as_mapping(value: Any) -> Any:
    """A spinal point's amount alone is the mapping of its amount (a SpinalAmount already made is kept)."""
    return value if isinstance(value, (dict, SpinalAmount)) else {"amount": value}


SpinalValue = Annotated[
    SpinalAmount,
    BeforeValidator(_amount_as_mapping, json_schema_input_type=Money | SpinalAmount),
]


class Grade(Model):
    id: Id
    name: NonEmptyText
    level: Whole = Field(ge=-limits.LEVEL, le=limits.LEVEL, description="Orders the grades: higher is more senior.")
    spine: Text | None = Field(None, description="The pay spine this grade's points are on.")
    points: tuple[SpinalPoint, SpinalPoint] | None = Field(
        None, description="[bottom, top] spinal points of the grade, inclusive."
    )

    @field_validator("points")
    @classmethod
    def _bottom_then_top(cls, points: tuple[int, int] | None) -> tuple[int, int] | None:
        if points and points[0] > points[1]:
            raise ValueError(f"points must be [bottom, top]; got bottom {points[0]} above top {points[1]}")
        if points and points[1] - points[0] >= limits.POINTS_PER_GRADE:
            raise ValueError(f"a grade may span at most {limits.POINTS_PER_GRADE} spinal points; got "
                             f"{points[1] - points[0] + 1}")
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
class OldPost(Record):
    id: Id
    title: NonEmptyText
    grade: Id
    group: Text | None = Field(None, description="Row of the savings table (default: the grade's name).")
    department: Text | None = None
    salary: Money | None = Field(None, description="Cost basis of the post (full-time), e.g. when it is vacant.")
    external_funding: ExternalFunding = Decimal(0)
    in_review: StrictBool = Field(True, description="false: costed but not part of slotting.")
    count: Whole = Field(1, ge=1, le=limits.PLACES, description="Establishment: places in this post (a generic "
                         "post held by many people); at most this many people may hold it.")
    fte: Decimal | None = Field(None, gt=0, le=limits.PLACES, allow_inf_nan=False,
                                description="Establishment FTE of all its places together (default: count); "
                                "its holders' FTE may not exceed it.")
    reports_to: Id | None = Field(None, description="The old post this one reports to (line management).")

    @model_validator(mode="after")
    def _fte_within_count(self) -> OldPost:
        if self.fte is not None and self.fte > self.count:
            raise ValueError(f"fte ({self.fte}) is more than count ({self.count}): the establishment FTE is that "
                             "of all the post's places together, each at most 1")
        return self


@record
class NewPost(Record):
    id: Id
    title: NonEmptyText
    grade: Id
    group: Text | None = None
    department: Text | None = None
    count: Whole = Field(1, ge=1, le=limits.PLACES, description="Places in this post.")
    external_funding: ExternalFunding = Decimal(0)
    on_hold: StrictBool = Field(False, description="Appointment suspended (Leicester report s.7.1).")
    in_review: StrictBool = True
    ring_fence: list[Tier] | None = Field(None, description="This post's own ring-fence tiers (see policy).")
    fte: FTE = Field(Decimal(1), description="FTE of each place (default 1, full time); the post offers count x fte.")
    reports_to: Id | None = Field(None, description="The new post this one reports to (line management).")


class OldStructure(Model):
    posts: list[OldPost]


class NewStructure(Model):
    posts: list[NewPost]


@record
class Person(Record):
    id: Id
    name: Text | None = None
    post: Id = Field(description="The person's current (old) post id.")
    salary: Money = Field(description="Full-time equivalent annual salary, as HR records it; costs, protection "
                          "and a week's pay use salary x fte.")
    in_review: StrictBool = True
    fte: FTE | None = Field(None, description="Full-time equivalent (default 1); or give hours.")
    hours: Decimal | None = Field(None, gt=0, le=168, allow_inf_nan=False,
                                  description="Contracted weekly hours: FTE = hours / review.full_time_hours.")
    characteristics: dict[str, Text] = Field(default_factory=dict)
    age: Whole | None = Field(None, ge=15, le=100, description="Age in whole years (redundancy estimate).")
    service_years: Whole | None = Field(
        None, ge=0, le=70, description="Complete years of continuous service (redundancy estimate); at most "
        f"age - {limits.WORKING_AGE_START}."
    )
    notice_weeks: Whole | None = Field(
        None, ge=0, le=limits.NOTICE_WEEKS, description="Contractual notice in weeks (pay in lieu of notice); "
        "without it, the statutory minimum of ERA 1996 s.86 from service_years.")
    date_of_birth: Date | None = Field(None, description="Date of birth: age is then taken on the day each rule "
                                       "needs it (the relevant date, the end of employment); instead of age.")
    continuous_service_start: Date | None = Field(
        None, description="The start of continuous employment (ERA 1996 s.211): complete years of service are then "
        "counted to the relevant date; instead of service_years.")
    pension: Money | None = Field(None, description="Annual pension accrued at the exit (£), for the pension "
                                  "strain estimate with costing.pension_strain factors.")
    pension_strain: Money | None = Field(None, description="The pension strain cost on redundancy as the scheme's "
                                         "actuary gave it (£, one-off); overrides the factor estimate.")
    normal_pension_age: Whole | None = Field(None, ge=50, le=75, description="The person's normal pension age, for "
                                             "costing.pension_strain.factors_by_years_to_npa (else the scheme's).")
    allowances: dict[Text, Annotated[Decimal, Field(ge=0, le=limits.MONEY, allow_inf_nan=False)]] = Field(
        default_factory=dict, description="Allowances and average enhancements by name, £ a year on the same basis as "
        "salary (e.g. {unsocial_hours: 2400}); those policy.protection.includes names are protected with the salary.")
    priority: Priority | None = Field(
        None, description="Statutory priority for suitable alternative vacancies while it applies: pregnancy, maternity, "
        "adoption or shared_parental (Maternity and Parental Leave etc. Regulations 1999 reg 10; from 6 April 2024 also "
        "pregnancy and the six months after adoption or shared parental leave, SI 2024/310). Offers go to them first.")

    @model_validator(mode="after")
    def _service_within_working_life(self) -> Person:
        if self.fte is not None and self.hours is not None:
            raise ValueError("give fte or hours, not both")
        if self.age is not None and self.date_of_birth is not None:
            raise ValueError("give age or date_of_birth, not both")
        if self.service_years is not None and self.continuous_service_start is not None:
            raise ValueError("give service_years or continuous_service_start, not both")
        if self.date_of_birth is not None and self.continuous_service_start is not None \
                and self.continuous_service_start < add_years(self.date_of_birth, limits.WORKING_AGE_START):
            raise ValueError(f"continuous_service_start is before the person's {limits.WORKING_AGE_START}th birthday: "
                             "check both")
        if self.age is not None and self.service_years is not None \
                and self.service_years > self.age - limits.WORKING_AGE_START:
            raise ValueError(f"service_years is more than age minus {limits.WORKING_AGE_START}: "
                             "check both")
        return self


@record
class Overlap(Record):
    old_post: Id
    new_post: Id
    old_in_new: Percent = Field(description="Share of the current JD found in the new post.")
    new_from_old: Percent = Field(description="Share of the new JD that the current one forms.")


_POINT = re.compile(r"0|[1-9][0-9]{0,5}")


def _points_written_once(value: Any) -> Any:
    """Spinal points are keys written as plain whole numbers (3, not 03, +3 or 3.0), so that no two
    spellings of one point can be given and silently merged."""
    if isinstance(value, dict):
        for key in value:
            if isinstance(key, str) and not _POINT.fullmatch(key):
                raise ValueError(f"spinal point {key!r}: expected a whole number written plainly, such as 3")
    return value


Spine = Annotated[dict[SpinalPoint, SpinalValue], BeforeValidator(_points_written_once)]


class ReviewFile(Model):
    """A whole restructure: structures, people, overlaps, policy and costing."""

    __kept_on_copy__ = frozenset({"sources"})  # the record of the files read, not a figure found from the sections

    review: Review
    policy: Policy = Field(default_factory=Policy)
    pay_spines: dict[str, Spine] = Field(
        description="Pay spine name -> {spinal point: annual amount, or {amount, estimated, source}}."
    )
    grades: list[Grade]
    old_structure: OldStructure
    new_structure: NewStructure
    people: list[Person]
    overlaps: list[Overlap]
    costing: Costing = Field(default_factory=Costing)
    evidence: Evidence | None = Field(None, description="Job descriptions and the duty-by-duty mapping, given as "
                                      "{jds: FOLDER, mapping: FILE}: each confirmed pair of the mapping adds an "
                                      "overlap row with its figures computed from the duties.")
    decisions: list[Decision] = Field(
        default_factory=list, description="The decisions made after the proposal (assessments, selections, voluntary "
        "redundancy, appeals, redeployment, withdrawals), dated and attributed, in any order; `slotting run` applies "
        "them (--stage current).")

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
    def person(self) -> dict[str, Person]:
        return {p.id: p for p in self.people}

    @cached_property
    def jd(self) -> dict[tuple[str, str], JobDescription]:
        """Gives each job description by (structure, post id)."""
        return {(jd.structure, jd.post): jd for jd in (self.evidence.jds if self.evidence else ())}

    @cached_property
    def mapped(self) -> list[Overlap]:
        """Gives the overlap rows computed from the mapping's confirmed pairs (those whose JDs are both given)."""
        rows = []
        for pair in self.evidence.mapping.pairs if self.evidence else ():
            old, new = self.jd.get(("old", pair.old_post)), self.jd.get(("new", pair.new_post))
            if pair.status == "confirmed" and old is not None and new is not None:
                old_in_new, new_from_old = overlap_of(pair, old, new)
                rows.append(Overlap(old_post=pair.old_post, new_post=pair.new_post,  # type: ignore[call-arg]
                                    old_in_new=old_in_new, new_from_old=new_from_old))
        return rows

    @property
    def all_overlaps(self) -> list[Overlap]:
        """Gives the overlap rows given, then those computed from the mapping (not cached: a copy of the review
        with other overlaps must not see these)."""
        return [*self.overlaps, *self.mapped] if self.evidence else self.overlaps

    @cached_property
    def holders(self) -> dict[str, list[Person]]:
        """Gives each held old post's holders, in the order of the people section."""
        held: dict[str, list[Person]] = {}
        for p in self.people:
            held.setdefault(p.post, []).append(p)
        return held

    @cached_property
    def part_time(self) -> dict[str, Decimal]:
        """Gives the FTE of each person who is not full time (FTE 1 is left out)."""
        hours = self.review.full_time_hours
        found = {}
        for p in self.people:
            fte = p.fte if p.fte is not None else (p.hours / hours if p.hours is not None and hours else None)
            if fte is not None and fte != 1:
                found[p.id] = fte
        return found

    def fte(self, person_id: str) -> Decimal:
        """Gives a person's FTE (1 when full time)."""
        return self.part_time.get(person_id, _ONE)

    @cached_property
    def finance_asked_by(self) -> str | None:
        """Gives the first field that asks for the finance view (profile by financial year), or None."""
        c, p = self.costing, self.policy
        for name in ("financial_year_start", "years", "pay_awards", "on_costs", "pension_strain", "pool_exit_costs"):
            if getattr(c, name) is not None:
                return f"costing.{name}"
        if p.protection.scheme != "cash" or p.protection.cap is not None:
            return "policy.protection"
        for kind, posts in (("old_structure", self.old_structure.posts), ("new_structure", self.new_structure.posts)):
            for post in posts:
                if not isinstance(post.external_funding, Decimal):
                    return f"{kind}.posts[{post.id}].external_funding (time-limited)"
        return None

    def spinal_amount(self, spine: str, point: int) -> SpinalAmount:
        return self.pay_spines[spine][point]

    @cached_property
    def sources(self) -> Sources:
        """Gives the files the review was read from, each with its SHA-256, in the order of their paths (none for a
        review built in Python); `sources.digest` is the inputs' digest that the report's footer shows."""
        return Sources()

    def with_changes(self, **changes: Any) -> ReviewFile:
        """Gives a new review with some sections changed and the whole validated as loading validates a file.

        Each keyword names a section (review, policy, pay_spines, grades, old_structure, new_structure, people,
        overlaps, costing, evidence, decisions). A mapping is merged key by key into the section's current value
        and on into its parts, so `policy={"protection": {"cap": 5000}}` changes the cap and keeps the scheme;
        anything else (a list, a model, a number, None) takes the place of what was there. This review is left
        as it is; the new one keeps its record of the files read (`sources`).

        Example: `stricter = review.with_changes(policy={"assimilate_threshold": 80})`.

        Raises:
            slotting.InputError: every problem at once, each located by its path (policy.assimilate_threshold),
                for an unknown section or key, a value out of range, a dangling reference or a contradiction, and
                for decisions the changed proposal no longer allows (a review loaded from a file).
        """
        from .changes import changed

        return changed(self, changes)


def read_from(review: ReviewFile, sources: Sources, later: Callable[[ReviewFile], Any] | None = None) -> ReviewFile:
    """Gives the review with the record of the files it was read from (the loader's, once it has validated it), and
    the check it was validated with after the model's own (`later`: the decisions against the proposal, which
    needs the rules), for with_changes to validate a changed review as it was."""
    review.__dict__["sources"] = sources
    if later is not None:
        review.__dict__["_later"] = later
    return review


# The review section's models were written here: their names stay importable from this module.
__all__ = ["NATION_OF", "CommitteePaper", "Grade", "Jurisdiction", "Letters", "NewPost", "NewStructure", "OldPost",
           "OldStructure", "Overlap", "Person", "Review", "ReviewFile", "SpinalAmount", "Timeline", "read_from"]
