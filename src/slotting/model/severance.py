"""Severance schemes: how a person's lump sum on redundancy is found, by a scheme of the package (data/severance/)
or one the employer defines in costing.severance, and the default scheme's options (costing.redundancy).
"""

from __future__ import annotations

from decimal import Decimal
from functools import cached_property
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, ConfigDict, Field, StrictBool, ValidationError, model_validator

from ..data import severance_scheme, severance_schemes
from .base import Model
from .types import Money, Text, Whole


class Redundancy(Model):
    """Local Government (Early Termination of Employment) (Discretionary Compensation) Regs 2006."""

    actual_weeks_pay: StrictBool = Field(
        False, description="Reg 5: use the actual week's pay instead of the statutory cap."
    )
    multiplier: Decimal = Field(
        Decimal(1), ge=1, le=Decimal("3.467"), allow_inf_nan=False,
        description="Reg 6: multiply the statutory weeks, to a total of at most 104 weeks.",
    )


DEFAULT_SCHEME = "lg-england-wales-2006"


class AgeBand(Model):
    """A scheme's rate for the years of service in which the employee had reached an age."""

    model_config = ConfigDict(frozen=True, extra="forbid", hide_input_in_errors=True, populate_by_name=True)

    from_age: Whole = Field(alias="from", ge=0, le=100, description="The age from which the rate applies.")
    per_year: Decimal = Field(ge=0, le=12, allow_inf_nan=False, description="Weeks or months for each such year.")


PerYear = Annotated[
    Literal["statutory"] | Annotated[Decimal, Field(ge=0, le=12, allow_inf_nan=False)]
    | Annotated[list[AgeBand], Field(min_length=1, max_length=20)],
    Field(description="Weeks or months for each year of service counted: `statutory` (the age bands of ERA 1996 "
          "s.162, at most 20 years), a number (flat), or age bands [{from: 41, per_year: 1.5}, ...]."),
]


class Pension(Model):
    """The pension scheme that goes with a severance scheme: its name, and the service before a member has a pension
    to release on redundancy (costing.pension_strain takes both unless it gives its own)."""

    scheme: Text = Field(description="The pension scheme's name, named in every strain estimate's basis.")
    vesting_years: Whole = Field(ge=0, le=10, description="Complete years of qualifying service before a member has a "
                                 "pension to release; under them no strain.")
    cite: Text | None = Field(None, description="Where the vesting period is written.")


class Terms(Model):
    """The terms a scheme's voluntary redundancy changes from its compulsory ones (each optional)."""

    per_year: PerYear | None = None
    pay: Literal["actual", "capped"] | None = None
    floor: Money | None = None
    cap: Money | None = None
    max_years: Whole | None = Field(None, ge=1, le=70)
    min_years: Whole | None = Field(None, ge=0, le=70)
    multiplier: Decimal | None = Field(None, gt=0, le=100, allow_inf_nan=False)
    maximum: Decimal | None = Field(None, gt=0, le=1000, allow_inf_nan=False)


class Scheme(Model):
    """A severance scheme, whole: how a person's lump sum on redundancy is found (data/severance/NAME.yaml, or
    defined in costing.severance). The estimate is never less than statutory redundancy pay."""

    name: Text = "the employer's scheme"
    title: Text | None = None
    source: Text = Field("the employer's severance scheme (costing.severance)", description="Where its terms are "
                         "written, named in every estimate's basis.")
    unit: Literal["weeks", "months"] = Field(description="What each year of service earns: weeks' or months' pay.")
    per_year: PerYear
    pay: Literal["actual", "capped"] = Field("actual", description="The pay used: the actual week's pay, or capped "
                                             "at the statutory week's-pay limit on the relevant date (weeks only).")
    floor: Money | None = Field(None, description="Annual pay below this is raised to it for the estimate (£).")
    cap: Money | None = Field(None, description="Annual pay above this is held to it for the estimate (£).")
    month_weeks: Decimal | None = Field(None, gt=0, le=6, allow_inf_nan=False, description="A month's pay is the "
                                        "greater of 1/12 of annual pay and this many weeks' pay (NHS: 4.35).")
    service: Literal["continuous", "reckonable"] = Field(
        "continuous", description="The service counted, in complete years (reckonable: taken as the continuous "
        "service given for each person; give the reckonable years there where they differ).")
    max_years: Whole | None = Field(None, ge=1, le=70, description="At most this many years counted.")
    min_years: Whole = Field(0, ge=0, le=70, description="Nothing under the scheme with fewer complete years.")
    multiplier: Decimal = Field(Decimal(1), gt=0, le=100, allow_inf_nan=False,
                                description="The weeks or months per year are multiplied by this.")
    max_multiplier: Decimal | None = Field(None, gt=0, le=100, allow_inf_nan=False,
                                           description="The largest multiplier the scheme allows.")
    maximum: Decimal | None = Field(None, gt=0, le=1000, allow_inf_nan=False,
                                    description="At most this many weeks or months in all.")
    voluntary: Terms | None = Field(None, description="The terms for a person whose voluntary redundancy was accepted "
                                    "(decisions), where they differ from the compulsory ones.")
    needs: list[Literal["floor", "cap"]] = Field(default_factory=list, description="Fields the employer must give "
                                                 "(the package ships no figure for them).")
    cites: dict[Text, Text] = Field(default_factory=dict, description="The paragraph behind each term, by field.")
    pension: Pension | None = Field(None, description="The pension scheme that goes with it and its vesting period "
                                    "(costing.pension_strain's scheme and vesting_years unless given there).")
    regulations: dict[Literal["scotland", "northern-ireland"], Text] = Field(
        default_factory=dict, description="The regulations that give the scheme's discretions in another jurisdiction.")

    @model_validator(mode="after")
    def _consistent(self) -> Scheme:
        problems = []
        if self.per_year == "statutory" and self.unit != "weeks":
            problems.append("per_year: statutory counts weeks: give unit: weeks")
        if self.pay == "capped" and self.unit != "weeks":
            problems.append("pay: capped is the statutory week's-pay limit: give unit: weeks")
        if self.month_weeks is not None and self.unit != "months":
            problems.append("month_weeks is for unit: months")
        problems += self._limits_of(self, "")
        if self.voluntary is not None:
            problems += self._limits_of(self.voluntary, "voluntary.")
        missing = [field for field in self.needs if getattr(self, field) is None]
        if missing:
            problems.append(f"the {self.name} scheme needs {' and '.join(missing)}: "
                            + "; ".join(f"{f}, {self.cites.get(f, f)} (£ a year)" for f in missing)
                            + ", as the scheme's terms in force give them (the package ships no figure)")
        if problems:
            raise ValueError("; ".join(problems))
        return self

    def _limits_of(self, terms: Scheme | Terms, where: str) -> list[str]:
        """Gives what is wrong with one set of terms' floor, cap and multiplier, against the scheme's own."""
        problems = []
        floor, cap = terms.floor or self.floor, terms.cap or self.cap
        if floor is not None and cap is not None and floor > cap:
            problems.append(f"{where}floor ({floor}) is above cap ({cap})")
        multiplier = terms.multiplier or self.multiplier
        if self.max_multiplier is not None and multiplier > self.max_multiplier:
            problems.append(f"{where}multiplier {multiplier} is above the {self.max_multiplier} the scheme allows "
                            f"({self.name})")
        return problems

    def terms(self, voluntary: bool) -> Scheme:
        """Gives the scheme with its voluntary terms in place of the compulsory ones, when asked and given."""
        if not voluntary or self.voluntary is None:
            return self
        return self.model_copy(update=self.voluntary.model_dump(exclude_none=True, by_alias=False))


_SCHEME_FIELDS = frozenset(Scheme.model_fields)


def _scheme_by_name(value: Any) -> Any:
    return {"scheme": value} if isinstance(value, str) else value


class Severance(Model):
    """costing.severance: a scheme of the package by name (lg-england-wales-2006, nhs-afc-section-16), that name
    with some terms given (`{scheme: nhs-afc-section-16, floor: ..., cap: ...}`), or a scheme defined whole."""

    model_config = ConfigDict(frozen=True, extra="allow", hide_input_in_errors=True)

    scheme: Text | None = Field(None, description="A scheme of the package by name.")

    @model_validator(mode="after")
    def _resolves(self) -> Severance:
        given = dict(self.model_extra or {})
        unknown = sorted(set(given) - _SCHEME_FIELDS - {"scheme"})
        if unknown:
            raise ValueError(f"unknown field(s) {', '.join(unknown)}: expected the scheme's terms "
                             f"({', '.join(sorted(_SCHEME_FIELDS))})")
        self.terms  # noqa: B018  (resolved once here, so that a bad scheme is refused on load)
        return self

    @cached_property
    def terms(self) -> Scheme:
        """Gives the scheme whole: the package's terms with those given over them, or those given alone."""
        given = dict(self.model_extra or {})
        if self.scheme is not None and self.scheme not in severance_schemes():
            raise ValueError(f"scheme {self.scheme!r}: expected one of {', '.join(severance_schemes())}, or define "
                             "the scheme's terms (unit, per_year, ...)")
        try:
            return Scheme.model_validate({**severance_scheme(self.scheme), **given} if self.scheme else given)
        except ValidationError as e:  # one line per problem, each named by its field
            raise ValueError("; ".join("".join(f"{part}." for part in err["loc"]).removesuffix(".")
                                       + (": " if err["loc"] else "") + err["msg"].removeprefix("Value error, ")
                                       for err in e.errors())) from None


SeveranceChoice = Annotated[Severance, BeforeValidator(_scheme_by_name, json_schema_input_type=Text | Severance)]
