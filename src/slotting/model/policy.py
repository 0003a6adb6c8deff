"""The slotting policy as named parameters, defaulting to the Leicester City Council 2011 rules.

Source of the defaults: Leicester City Council, Employees Committee 13 December 2011, "Senior
Management Review 2011", Appendix C (notes of the meeting of 28 October 2011, item 5) for the
assimilation / matching / ring-fence rules, and the report s.8.2 for pay placement and protection.
Other employers use other numbers (65/50, two-thirds, same grade only): they set them here, in data.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, StrictBool, ValidationInfo, field_validator, model_validator

from .. import limits
from .base import Model
from .types import Id, Money, Text, Threshold, Whole

LEICESTER_2011 = "Leicester City Council 2011 senior management review"


SEED_MATCH_BAND = (Decimal(25), Decimal(74))  # Leicester, notes of 28 Oct 2011, item 5: "Between 25% and 74%"


class GradeLimits(Model):
    """How many grade levels below and above the current grade a new post may be."""

    down: Whole = Field(ge=0, le=limits.GRADE_DISTANCE, description="Levels below the current grade.")
    up: Whole = Field(ge=0, le=limits.GRADE_DISTANCE, description="Levels above the current grade.")

    def allows(self, distance: int) -> bool:
        """True when a grade distance (new level - current level) is within the limits."""
        return -self.down <= distance <= self.up


class PayLossLimit(Model):
    """The most that slotting may cut a person's pay: a percentage of the current salary, or a number
    of spinal points (points of the new post's spine between the placed amount and the salary)."""

    percent: Decimal | None = Field(None, ge=0, le=100, allow_inf_nan=False,
                                    description="At most this % of the current salary, e.g. 5.")
    points: Whole | None = Field(None, ge=0, le=limits.POINTS_PER_GRADE,
                                 description="At most this many spinal points, e.g. 2.")

    @model_validator(mode="after")
    def _one_measure(self) -> PayLossLimit:
        if (self.percent is None) == (self.points is None):
            raise ValueError("give percent or points")
        return self


def _scheme_by_name(value: Any) -> Any:
    return {"scheme": value} if isinstance(value, str) else value


def _red_circle_is_mark_time(value: Any) -> Any:
    if value == "red_circle":
        raise ValueError("red_circle is mark_time here: the salary is held, without pay awards, until the new "
                         "grade's pay reaches it; give scheme: mark_time (with years for a time limit)")
    return value


class Protection(Model):
    """How pay protection is paid when slotting lowers pay. The protected pay is the salary and the allowances the
    policy includes (NHS practice: average unsocial-hours and on-call payments); it is held in cash terms (pay
    awards raise the new grade's pay, not the protected pay) unless it rises with awards, and the protection paid
    is what the person keeps above the new grade's pay. Red-circling (the salary held, no awards, until the grade
    catches up) is mark_time."""

    scheme: Annotated[Literal["cash", "tapered", "mark_time"], BeforeValidator(_red_circle_is_mark_time)] = Field(
        "cash", description="cash: the whole fall for policy.protection_years (Leicester report s.8.2); "
        "tapered: a share of the fall in each year (shares); mark_time (red-circling): the salary is held, "
        "without pay awards, until the new grade's pay, with costing.pay_awards, reaches it.")
    includes: list[Text] = Field(
        default_factory=list, max_length=50, description="Allowances protected with the salary, by the names of "
        "people[].allowances (e.g. [unsocial_hours, on_call]): the protected pay is the salary plus these, and the "
        "fall the salary plus these less the new pay, wherever slotting lowers the salary (the new post's "
        "allowances are not known, so counted as none). Default: the salary alone.")
    rises_with_awards: StrictBool = Field(
        False, description="true: the protected pay rises with costing.pay_awards as the new pay does, so the "
        "protection paid keeps its value; false (default): it is held in cash terms and awards erode it.")
    shares: list[Annotated[Decimal, Field(ge=0, le=1, allow_inf_nan=False)]] | None = Field(
        None, min_length=1, max_length=10, description="tapered: the share of the fall protected in each year, "
        "e.g. [1, 0.5].")
    shares_of: Literal["current", "original"] = Field(
        "current", description="tapered: what each year's share is of. current (default): the fall in that year, "
        "after pay awards have raised the new pay; original: the fall when protection began (many policies say "
        "'50% of the original difference'), never more than the fall that remains.")
    cap: Money | None = Field(None, description="At most this many pounds of protection per person per year.")
    years: Whole | None = Field(None, ge=1, le=limits.FINANCIAL_YEARS,
                                description="mark_time: at most this many years (default: until caught up).")

    @model_validator(mode="after")
    def _fields_of_the_scheme(self) -> Protection:
        if (self.scheme == "tapered") != (self.shares is not None):
            raise ValueError("give shares with the tapered scheme, and only with it")
        if self.shares_of != "current" and self.scheme != "tapered":
            raise ValueError("shares_of is for the tapered scheme")
        if self.years is not None and self.scheme != "mark_time":
            raise ValueError("years is for the mark_time scheme; cash protection lasts policy.protection_years")
        if self.rises_with_awards and self.scheme == "mark_time":
            raise ValueError("mark_time holds the salary until pay awards close the gap, so it cannot rise with them: "
                             "for protection that keeps its value give scheme: cash with rises_with_awards: true")
        if len(set(self.includes)) != len(self.includes):
            raise ValueError("includes names an allowance twice")
        return self


class PayLoss(Model):
    """Pay-loss limits per kind of claim; a kind without a limit has none."""

    assimilation: PayLossLimit | None = None
    match: PayLossLimit | None = None


class AlternativeLimits(Model):
    """The employer's limits on a suitable alternative post: how far its grade and the pay placed on it may fall."""

    grade: GradeLimits | None = Field(None, description="Grade levels the post may be below or above the person's "
                                      "current grade, e.g. {down: 1, up: 0}.")
    pay_loss: PayLossLimit | None = Field(None, description="The most the pay placed on the post may fall below the "
                                          "current salary: {percent: 10} or {points: 2}.")

    @model_validator(mode="after")
    def _some_limit(self) -> AlternativeLimits:
        if self.grade is None and self.pay_loss is None:
            raise ValueError("give grade or pay_loss (or both)")
        return self


class Tier(Model):
    """Who may apply for a ring-fenced post, one tier of an ordered list: the people of the population
    (by outcome, named, or in a named group) whose grade and overlap with the post are within limits."""

    name: Text = Field(description="What the tier is called in the output, e.g. 'the review group'.")
    outcomes: list[Literal["displaced", "pool", "matched", "assimilated", "any"]] | None = Field(
        None, description="People with these outcomes ('pool': candidates in a competitive pool). With no "
        "outcomes, people or group: the displaced and pool candidates.")
    people: list[Id] | None = Field(None, description="Named people, also in the population.")
    group: Text | None = Field(None, description="A group of review.groups, also in the population.")
    grade: GradeLimits | None = Field(None, description="Grade levels the post may be below or above the "
                                      "person's current grade, e.g. {down: 1, up: 0}.")
    min_overlap: Threshold | None = Field(None, description="The least score with the post, e.g. 50.")


class Policy(Model):
    """Thresholds and tie rules of a slotting policy."""

    assimilate_threshold: Threshold = Field(
        Decimal(75),
        description="Overlap % at or above which a claim can assimilate; a number, or a fraction of the "
        "whole such as 2/3 (two-thirds, compared exactly). "
        f"{LEICESTER_2011}: '75% of your current job description forms at least 75% of the new one' "
        "(notes of 28 Oct 2011, item 5).",
    )
    match_threshold: Threshold = Field(
        Decimal(25),
        description="Overlap % at or above which a claim can match. "
        f"{LEICESTER_2011}: 'between 25% and 74%' (notes of 28 Oct 2011, item 5).",
    )
    assimilate_grade_distance: Whole = Field(
        0, ge=0, le=limits.GRADE_DISTANCE,
        description="Grade levels the new post may differ by for assimilation. "
        f"{LEICESTER_2011}: 'the grade of the posts ... are the same'.",
    )
    match_grade_distance: Whole = Field(
        1, ge=0, le=limits.GRADE_DISTANCE,
        description="Grade levels the new post may be above or below for a match. "
        f"{LEICESTER_2011}: 'the same as or one grade above or below'.",
    )
    match_upper: Threshold | None = Field(
        None,
        description="Overlap % above which a claim is not a match (when it cannot assimilate either). "
        f"{LEICESTER_2011}, read literally: 'between 25% and 74%'. Unset: no upper limit.",
    )
    assimilate_grade: GradeLimits | None = Field(
        None,
        description="Grade levels down and up allowed for assimilation, when they differ; e.g. "
        "{down: 1, up: 0}: slot in at up to one grade lower, never higher (promotion is competed for). "
        "Give this or assimilate_grade_distance, not both.",
    )
    match_grade: GradeLimits | None = Field(
        None,
        description="Grade levels down and up allowed for a match, when they differ. Give this or "
        "match_grade_distance, not both.",
    )
    max_pay_loss: PayLoss | None = Field(
        None,
        description="No slotting that cuts pay by more than this, per kind of claim: e.g. {assimilation: "
        "{percent: 5}, match: {points: 2}}. Measured on the salary the person would be placed at; a claim "
        "beyond it is not a claim of that kind (an assimilation claim may still be a match).",
    )
    rank_by: Literal["old_in_new", "score"] = Field(
        "old_in_new",
        description="How a person's claims of one kind are ranked: by old_in_new first (the Leicester "
        "practice as implemented), or by the policy's score (the figure the thresholds use), so that "
        "60/30 on one post ranks below 55/55 on another. Ties go to old_in_new, new_from_old, post id.",
    )
    overlap_measure: Literal["min", "old_in_new", "new_from_old"] = Field(
        "min",
        description="Which overlap figure is compared with the thresholds: 'min' requires both "
        "directions to reach it (Leicester: X% of the current JD forms at least X% of the new one).",
    )
    split_slots: StrictBool = Field(
        True,
        description="An exact tie on the ranking figure (old_in_new, or the score with rank_by: score) "
        "between a person's top two claims of the same kind gives two slots. Leicester: 'an exact split of "
        "50/50 between two new roles' (28 Oct 2011).",
    )
    split_on: Literal["half", "any_tie"] = Field(
        "half",
        description="Which exact tie gives two slots (with split_slots): half (default), only an exact split of 50/50, "
        "the current job forming 50% of each new one (Leicester, notes of 28 October 2011, item 5: 'unless there is "
        "an exact split of 50/50 between two new roles'); any_tie, any exact tie of the ranking figure (30/30 too), "
        "for employers whose policy holds every tie.",
    )
    protection_years: Whole = Field(
        2, ge=0, le=10,
        description="Years of pay protection when slotting lowers pay. Leicester report s.8.2.",
    )
    protection: Annotated[Protection, BeforeValidator(_scheme_by_name)] = Field(
        default_factory=Protection, description="The protection scheme: cash (default), tapered or mark_time, "
        "with an optional cap per person per year; a name alone (tapered needs shares) or {scheme, shares, cap, "
        "years}.")
    ring_fence: list[Tier] | None = Field(
        None, description="Ordered tiers of who may apply for ring-fenced posts; the first tier with anyone "
        "eligible is used, the later ones apply if the post is unfilled. A new post may give its own. Unset: "
        "the displaced and pool candidates (and review.ring_fence_group).")
    ring_fence_mode: Literal["leftover", "by_overlap"] = Field(
        "leftover",
        description="leftover: posts left after assimilation and matching are ring-fenced (Leicester). "
        "by_overlap: there is no matching; every place left after assimilation is ring-fenced, and the "
        "ring_fence tiers (e.g. [{name: 50% or more, min_overlap: 50}]) say who may apply (LB Barking & "
        "Dagenham style).",
    )
    alternatives: StrictBool = Field(
        False,
        description="List, for each person displaced or in a competitive pool (if not selected), the "
        "ring-fenced posts they may apply for that their post has an overlap with, best score first, with "
        "the grade and pay change: suitable alternative employment (Employment Rights Act 1996 s.141).",
    )
    alternatives_limits: AlternativeLimits | None = Field(
        None,
        description="With alternatives: the limits within which a listed post is a suitable alternative, e.g. "
        "{grade: {down: 1, up: 0}, pay_loss: {percent: 10}}; each post is listed with suitable true or false and the "
        "reason with its figures. Suitability is a question of fact (terms, status, pay, location: Employment Rights "
        "Act 1996 s.141), so the limits are the employer's choice; Leicester's notes of 28 Oct 2011, item 5, call a "
        "post 'potentially ... a suitable alternative job' when it is 'the same as or one grade above or below', and "
        "its equality impact assessment (Appendix H, Part 2 q.1) says posts at the lower director grade 'may not be "
        "suitable alternatives ... due to the salary level'. Unset: every listed post is taken as suitable.",
    )

    @field_validator("alternatives_limits")
    @classmethod
    def _limits_need_alternatives(cls, value: AlternativeLimits | None, info: ValidationInfo) -> AlternativeLimits | None:
        # Limits on a list the policy does not make would be ignored without a word.
        if value is not None and not info.data.get("alternatives", True):
            raise ValueError("alternatives_limits applies to the listed alternatives: set alternatives: true too")
        return value

    trial_period_weeks: Whole | None = Field(
        None, ge=0, le=52,
        description="The trial period in a suitable alternative post, in weeks; the statutory minimum is "
        "4 (Employment Rights Act 1996 s.138). Named in the reasons when alternatives are listed.",
    )
    places: Literal["heads", "fte"] = Field(
        "heads",
        description="How a new post's places are counted against its claimants. heads (default): each "
        "place takes one person, whatever their hours. fte: a post offers count x fte FTE and each "
        "claimant takes their own FTE, so a post of 2.0 FTE takes a 1.0 and two 0.5 holders without "
        "competition; a pool's places are then FTE.",
    )
    appeal_working_days: Whole | None = Field(
        None, ge=0, le=250, description="Working days after the slotting list is issued for appeals against it "
        "(Leicester: issued 2 December 2011, appeals by 9 December, report Appendix A s.7.1).")
    objection_working_days: Whole | None = Field(
        None, ge=0, le=250, description="Working days after the decision for objections to a dismissal (Leicester: "
        "five, report recommendation (viii), under the Local Authorities (Standing Orders) (England) Regulations 2001).")
    assessment_window_working_days: Whole | None = Field(
        None, ge=0, le=250, description="Working days after the slotting list is issued by which competency and "
        "competitive assessments are held.")
    notice_weeks: Whole | None = Field(
        None, ge=0, le=limits.NOTICE_WEEKS, description="Contractual notice in weeks for people who give none of "
        "their own (the statutory minimum of ERA 1996 s.86 applies when longer).")
    nearest_point_tie: Literal["higher", "lower"] = Field(
        "higher",
        description="Spinal point chosen when a salary is exactly half way between two points. "
        "The Leicester report (s.8.2) says only 'the nearest grade point'; 'higher' is the default.",
    )

    @model_validator(mode="after")
    def _one_form_of_each_grade_limit(self) -> Policy:
        for limits_field, distance_field in (("assimilate_grade", "assimilate_grade_distance"),
                                             ("match_grade", "match_grade_distance")):
            if getattr(self, limits_field) is not None and distance_field in self.model_fields_set:
                raise ValueError(f"give {limits_field} or {distance_field}, not both")
        if self.protection.shares is not None and "protection_years" in self.model_fields_set \
                and self.protection_years != len(self.protection.shares):
            raise ValueError(f"protection_years ({self.protection_years}) and the taper's "
                             f"{len(self.protection.shares)} shares disagree: give one of them")
        return self

    def allows_match(self, score: Decimal, distance: int) -> bool:
        """True when a score and grade distance make a match under this policy."""
        return (score >= self.match_threshold and (self.match_upper is None or score <= self.match_upper)
                and self.match_limits.allows(distance))

    @property
    def assimilate_limits(self) -> GradeLimits:
        """The grade levels down and up that assimilation allows (either form)."""
        return self.assimilate_grade or GradeLimits(down=self.assimilate_grade_distance,
                                                    up=self.assimilate_grade_distance)

    @property
    def protects(self) -> bool:
        """True when a fall in pay is protected at all under this policy."""
        if self.protection.scheme == "cash":
            return self.protection_years > 0
        return self.protection.scheme == "mark_time" or any(self.protection.shares or ())

    @property
    def match_limits(self) -> GradeLimits:
        """The grade levels down and up that a match allows (either form)."""
        return self.match_grade or GradeLimits(down=self.match_grade_distance, up=self.match_grade_distance)

    @property
    def asymmetric(self) -> bool:
        """True when grade limits are given down and up apart (the reasons then say both)."""
        return self.assimilate_grade is not None or self.match_grade is not None
