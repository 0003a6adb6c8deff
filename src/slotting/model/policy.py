"""The slotting policy as named parameters, defaulting to the Leicester City Council 2011 rules.

Source of the defaults: Leicester City Council, Employees Committee 13 December 2011, "Senior
Management Review 2011", Appendix C (notes of the meeting of 28 October 2011, item 5) for the
assimilation / matching / ring-fence rules, and the report s.8.2 for pay placement and protection.
Other employers use other numbers (65/50, two-thirds, same grade only): they set them here, in data.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool

from .. import limits
from .types import Whole

LEICESTER_2011 = "Leicester City Council 2011 senior management review"


class Policy(BaseModel):
    """Thresholds and tie rules of a slotting policy."""

    model_config = ConfigDict(frozen=True, extra="forbid", hide_input_in_errors=True)

    assimilate_threshold: Decimal = Field(
        Decimal(75), ge=0, le=100, allow_inf_nan=False,
        description="Overlap % at or above which a claim can assimilate. "
        f"{LEICESTER_2011}: '75% of your current job description forms at least 75% of the new one' "
        "(notes of 28 Oct 2011, item 5).",
    )
    match_threshold: Decimal = Field(
        Decimal(25), ge=0, le=100, allow_inf_nan=False,
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
    overlap_measure: Literal["min", "old_in_new", "new_from_old"] = Field(
        "min",
        description="Which overlap figure is compared with the thresholds: 'min' requires both "
        "directions to reach it (Leicester: X% of the current JD forms at least X% of the new one).",
    )
    split_slots: StrictBool = Field(
        True,
        description="An exact tie on old_in_new between a person's top two claims of the same kind "
        "gives two slots. Leicester: 'an exact split of 50/50 between two new roles' (28 Oct 2011).",
    )
    protection_years: Whole = Field(
        2, ge=0, le=10,
        description="Years of pay protection when slotting lowers pay. Leicester report s.8.2.",
    )
    nearest_point_tie: Literal["higher", "lower"] = Field(
        "higher",
        description="Spinal point chosen when a salary is exactly half way between two points. "
        "The Leicester report (s.8.2) says only 'the nearest grade point'; 'higher' is the default.",
    )
