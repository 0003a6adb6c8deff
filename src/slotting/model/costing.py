"""How the structures are costed: on-costs, rounding, the target, the severance scheme chosen (model.severance),
and the finance view (financial years, pay awards, dated on-costs, time-limited funding, exit costs).

Every field of the finance view is optional; without them `slotting savings` gives the full-year table
and the 12-month profile exactly as before (see rules.finance.engaged).
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from functools import cached_property
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    StrictBool,
    Tag,
    field_validator,
    model_validator,
)

from .. import limits
from ..data import severance_scheme
from .base import Model
from .severance import (  # the severance schemes were written here: their names stay importable
    DEFAULT_SCHEME,
    AgeBand,
    Pension,
    PerYear,
    Redundancy,
    Scheme,
    Severance,
    SeveranceChoice,
    Terms,
)
from .types import Date, Fraction, Text, Whole


class FundingPeriod(Model):
    """A share of a post's cost met externally for a period: from `from` (inclusive, default: always)
    to the day before `until` (default: for good). "Until March 2013" is `until: 2013-04-01`."""

    model_config = ConfigDict(frozen=True, extra="forbid", hide_input_in_errors=True, populate_by_name=True)

    share: Fraction
    start: Date | None = Field(None, alias="from", description="First day funded (YYYY-MM-DD).")
    until: Date | None = Field(None, description="The funding stops on this day: it covers the days before it.")

    @model_validator(mode="after")
    def _ends_after_it_starts(self) -> FundingPeriod:
        if self.start is not None and self.until is not None and self.until <= self.start:
            raise ValueError(f"the funding period ends (until {self.until}) on or before it starts "
                             f"(from {self.start})")
        return self

    def covers(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.until is None or day < self.until)


def _periods_apart(periods: list[FundingPeriod]) -> list[FundingPeriod]:
    ordered = sorted(periods, key=lambda p: p.start or dt.date.min)
    for before, after in zip(ordered, ordered[1:]):
        if before.until is None or after.start is None or after.start < before.until:
            raise ValueError("funding periods overlap: give each a from and until, one after another")
    return periods


def _funding_form(value: Any) -> str:
    if isinstance(value, list):
        return "periods"
    return "period" if isinstance(value, (dict, FundingPeriod)) else "share"


# One form is chosen by the value's shape, so a problem is reported against that form only.
ExternalFunding = Annotated[
    Annotated[Fraction, Tag("share")] | Annotated[FundingPeriod, Tag("period")]
    | Annotated[list[FundingPeriod], Field(min_length=1, max_length=100), AfterValidator(_periods_apart),
                Tag("periods")],
    Discriminator(_funding_form),
    Field(description="A share of the cost met externally, 0-1; or {share, from, until} for a time-limited "
          "contribution; or a list of such periods."),
]


def funding_share(funding: Decimal | FundingPeriod | list[FundingPeriod], day: dt.date | None) -> Decimal:
    """Gives the share of a post's cost met externally on a day (a dated share needs the day)."""
    if isinstance(funding, Decimal):
        return funding
    periods = [funding] if isinstance(funding, FundingPeriod) else funding
    if day is None:
        return Decimal(0)
    return next((p.share for p in periods if p.covers(day)), Decimal(0))


def funding_dates(funding: Decimal | FundingPeriod | list[FundingPeriod]) -> list[dt.date]:
    """Gives the days on which a post's funding share changes."""
    if isinstance(funding, Decimal):
        return []
    periods = [funding] if isinstance(funding, FundingPeriod) else funding
    return [d for p in periods for d in (p.start, p.until) if d is not None]




class OnCosts(Model):
    """Employer on-costs as a dated model: employer National Insurance by the rates and thresholds of each
    tax year (data/employer_ni.yaml, from 2010/11), plus a pension contribution rate."""

    employer_ni: StrictBool = Field(True, description="Employer Class 1 National Insurance above the secondary "
                                    "threshold, at the rate of the tax year.")
    pension_rate: Decimal = Field(Decimal(0), ge=0, le=1, allow_inf_nan=False,
                                  description="Employer pension contribution as a share of pay, e.g. 0.2.")
    contracted_out: StrictBool = Field(
        False, description="The pension scheme was contracted out of the state second pension (the LGPS was, "
        "until 5 April 2016): the employer's contracted-out rebate is taken off, while it existed.")


_AGE = re.compile(r"[1-9][0-9]")
_YEARS = re.compile(r"0|[1-9][0-9]?")


def _written_once(pattern: re.Pattern[str], what: str, example: str) -> Any:
    """Gives a check that a table's keys are written as plain whole numbers (55, not 055 or 55.0), so that no key
    is given twice."""
    def check(value: Any) -> Any:
        if isinstance(value, dict):
            for key in value:
                if isinstance(key, str) and not pattern.fullmatch(key):
                    raise ValueError(f"{what} {key!r}: expected a whole number of years written plainly, such as "
                                     f"{example}")
        return value
    return check


_Factor = Annotated[Decimal, Field(ge=0, le=100, allow_inf_nan=False)]
StrainFactors = Annotated[
    dict[Annotated[int, Field(ge=15, le=100)], _Factor], BeforeValidator(_written_once(_AGE, "age", "55")),
]
FactorsByYearsToNpa = Annotated[
    dict[Annotated[int, Field(ge=0, le=60)], _Factor], BeforeValidator(_written_once(_YEARS, "years", "0 or 5")),
]
DEFAULT_PENSION = Pension(scheme="LGPS", vesting_years=2, cite="LGPS: two years' qualifying service")


class PensionStrain(Model):
    """Pension strain on redundancy: a person at or over min_age takes an unreduced pension and the employer
    pays the strain, estimated as the person's annual pension (people[].pension) x the factor for their age, or
    for their years to normal pension age (factors_by_years_to_npa, with people[].normal_pension_age or the
    scheme's normal_pension_age). The factors come from the scheme's actuary; none are shipped, none are
    invented. The scheme's name and vesting period are those of the severance scheme's pension (LGPS, two years,
    by default) unless given here."""

    scheme: Text | None = Field(None, description="The pension scheme's name, for the notes (default: the severance "
                                "scheme's pension, LGPS for the default scheme).")
    min_age: Whole = Field(55, ge=15, le=100, description="The youngest age at which an unreduced pension is "
                           "paid on redundancy (LGPS: 55; 50 before 6 April 2010).")
    factors: StrainFactors | None = Field(None, description="Age -> strain cost per £1 of annual pension, e.g. "
                                          "{55: 1.9}.")
    factors_by_years_to_npa: FactorsByYearsToNpa | None = Field(
        None, description="Instead of factors: years to normal pension age -> strain cost per £1 of annual pension, "
        "e.g. {0: 0, 1: 0.8, 2: 1.6}; the years are the normal pension age less the age in whole years on the day "
        "employment ends, so a part year counts as a whole one.")
    normal_pension_age: Whole | None = Field(None, ge=50, le=75, description="The scheme's normal pension age, for "
                                             "factors_by_years_to_npa (people[].normal_pension_age overrides it).")
    vesting_years: Whole | None = Field(None, ge=0, le=10, description="Complete years of service before a member "
                                        "has a pension to release; under them no strain (default: the severance "
                                        "scheme's pension; LGPS: two years' qualifying service).")

    @model_validator(mode="after")
    def _one_table(self) -> PensionStrain:
        if (self.factors is None) == (self.factors_by_years_to_npa is None):
            raise ValueError("give factors (by age) or factors_by_years_to_npa, one of them")
        if self.normal_pension_age is not None and self.factors_by_years_to_npa is None:
            raise ValueError("normal_pension_age is for factors_by_years_to_npa")
        table = self.factors if self.factors is not None else self.factors_by_years_to_npa
        if not table:
            raise ValueError("give at least one factor")
        below = sorted(age for age in self.factors or {} if age < self.min_age)
        if below:
            raise ValueError(f"factors given for ages below min_age {self.min_age}: {below}")
        return self

    def of(self, pension: Pension | None) -> PensionStrain:
        """Gives the table with its scheme's name and vesting period filled in from a severance scheme's pension
        (LGPS, two years, when it names none)."""
        default = pension or DEFAULT_PENSION
        return self.model_copy(update={"scheme": self.scheme or default.scheme,
                                       "vesting_years": default.vesting_years if self.vesting_years is None
                                       else self.vesting_years})


PROFILE_YEARS = 5  # financial years in the profile when costing.years is not given

_MONTH_DAY = re.compile(r"(\d{2})-(\d{2})")
_FY_LABEL = re.compile(r"(\d{4})(?:/(\d{2}))?")


def _month_day(value: Any) -> Any:
    if isinstance(value, str):
        found = _MONTH_DAY.fullmatch(value)
        if found:
            month, day = int(found.group(1)), int(found.group(2))
            try:
                dt.date(2001, month, day)  # not a leap year: 02-29 is refused, since most years lack it
            except ValueError:
                pass
            else:
                return (month, day)
    if isinstance(value, tuple):
        return value
    raise ValueError("expected a month and day written MM-DD, such as 04-01 for 1 April (not 29 February)")


MonthDay = Annotated[tuple[int, int], BeforeValidator(_month_day)]


class Costing(Model):
    on_cost_rate: Decimal = Field(Decimal(0), ge=0, le=5, allow_inf_nan=False)
    new_posts_at: Literal["top", "slotted"] = "top"
    round_to: Decimal = Field(Decimal(1), allow_inf_nan=False, description="Each savings cell is rounded half up "
                              "to a multiple of this many pounds: 1, 10, 100 or 1000.")
    target_saving: Decimal | None = Field(None, ge=-limits.MONEY * 100, le=limits.MONEY * 100, allow_inf_nan=False,
                                          description="The full-year saving the proposal must reach, in pounds.")
    redundancy: Redundancy = Field(default_factory=Redundancy, description="The options of the default scheme, "
                                   "lg-england-wales-2006 (reg 5 and reg 6 of the 2006 Regulations).")
    severance: SeveranceChoice | None = Field(
        None, description="The severance scheme: a name (lg-england-wales-2006, the default; nhs-afc-section-16), "
        "{scheme: NAME, ...terms given over it}, or a scheme defined whole.")
    pool_protection: Literal["mean", "max"] = Field(
        "mean", description="Pay protection of a competitive pool's places: the mean of its candidates' "
        "(the expected cost), or the largest (a prudent budget).")
    # The finance view: any of these asks for the profile by financial year.
    financial_year_start: MonthDay | None = Field(
        None, description="First day of the financial year, MM-DD (default 04-01, 1 April). Setting it asks for "
        "the profile by financial year.", json_schema_extra={"type": "string", "pattern": r"^\d{2}-\d{2}$"})
    years: Whole | None = Field(None, ge=1, le=limits.FINANCIAL_YEARS, description="Financial years in the "
                                "profile (default 5), from the year holding review.effective_date.")
    pay_awards: dict[Text, Annotated[Decimal, Field(ge=-1, le=1, allow_inf_nan=False)]] | None = Field(
        None, description="Pay award by financial year, e.g. {2012/13: 0.01}: applied from that year's start to "
        "both structures and the spinal points (the file's figures are before any award listed).")
    on_costs: OnCosts | None = Field(None, description="On-costs as a dated model (instead of on_cost_rate).")
    pension_strain: PensionStrain | None = None
    pool_exit_costs: Literal["mean", "max"] | None = Field(
        None, description="Exit costs of a competitive pool's likely displacements: at the mean or the largest "
        "of its candidates' (default: as pool_protection).")

    @field_validator("round_to")
    @classmethod
    def _a_round_amount(cls, value: Decimal) -> Decimal:
        if value not in limits.ROUND_TO:
            raise ValueError("expected 1, 10, 100 or 1000")
        return value

    @field_validator("pay_awards")
    @classmethod
    def _labels_of_years(cls, awards: dict[str, Decimal] | None) -> dict[str, Decimal] | None:
        for label in awards or {}:
            found = _FY_LABEL.fullmatch(label)
            if not found or (found.group(2) is not None
                             and int(found.group(2)) != (int(found.group(1)) + 1) % 100):
                raise ValueError(f"pay award year {label!r}: expected a financial year such as 2012/13")
        return awards

    @model_validator(mode="after")
    def _one_on_cost_model(self) -> Costing:
        if self.on_costs is not None and "on_cost_rate" in self.model_fields_set:
            raise ValueError("give on_cost_rate or on_costs, not both")
        return self

    @model_validator(mode="after")
    def _one_set_of_terms(self) -> Costing:
        if self.severance is not None and self.scheme.name != DEFAULT_SCHEME and "redundancy" in self.model_fields_set:
            raise ValueError(f"costing.redundancy gives the options of the {DEFAULT_SCHEME} scheme; with costing.severance "
                             f"{self.scheme.name} give pay and multiplier in costing.severance")
        return self

    @cached_property
    def scheme(self) -> Scheme:
        """Gives the severance scheme the review is costed under: costing.severance, else the default scheme with
        costing.redundancy's options (reg 5: the actual week's pay; reg 6: the multiplier)."""
        if self.severance is not None:
            scheme = self.severance.terms
            if scheme.name != DEFAULT_SCHEME or "redundancy" not in self.model_fields_set:
                return scheme
        else:
            scheme = Scheme.model_validate(severance_scheme(DEFAULT_SCHEME))
        options = self.redundancy
        return scheme.model_copy(update={"pay": "actual" if options.actual_weeks_pay else scheme.pay,
                                         "multiplier": options.multiplier if options.multiplier != 1 else scheme.multiplier})

    @cached_property
    def strain(self) -> PensionStrain | None:
        """Gives costing.pension_strain with the scheme's name and vesting period filled in from the severance
        scheme's pension (LGPS, two years, by default), or None when it is not given."""
        return self.pension_strain.of(self.scheme.pension) if self.pension_strain is not None else None

    @property
    def profile_years(self) -> int:
        """The financial years in the profile (and the horizon of a mark-time protection)."""
        return self.years or PROFILE_YEARS

    @property
    def exit_pool_basis(self) -> Literal["mean", "max"]:
        return self.pool_exit_costs or self.pool_protection


__all__ = ["DEFAULT_SCHEME", "AgeBand", "Costing", "ExternalFunding", "FundingPeriod", "OnCosts", "Pension", "PensionStrain",
           "PerYear", "Redundancy", "Scheme", "Severance", "SeveranceChoice", "Terms", "funding_dates", "funding_share"]
