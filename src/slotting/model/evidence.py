"""Job descriptions as data, the duty-by-duty mapping, and the overlap figures computed from them.

A mapping records, for an old post and a new post, which duties of the old JD are found in which duties
of the new JD, fully or as a stated part. Then, with each duty's weight (equal when none is given):
- old_in_new = the weighted share of the old JD's duties found in the new JD: each old duty counts
  min(1, the sum of its links' parts), so a duty found in two new duties is counted once;
- new_from_old = the weighted share of the new JD's duties covered by the old JD's, the same way round.
The figures are exact fractions: a Decimal when the fraction has one, else a fraction of the whole.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, model_validator

from .base import Model
from .sources import Sources
from .types import Date, Id, NonEmptyText, Share, Text

_UNSHOWABLE = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})  # controls, format controls (bidi), surrogates, line breaks


def _one_line(value: str) -> str:
    """Gives an id back if it holds no control character or line break, else raises ValueError naming the first.

    An id is written into draft mappings, comments and messages: a line break in one could forge a line."""
    import unicodedata  # only a review with job descriptions needs it

    for at, character in enumerate(value, 1):
        if unicodedata.category(character) in _UNSHOWABLE:
            raise ValueError(f"expected an id without control characters or line breaks; character {at} is "
                             f"U+{ord(character):04X}")
    return value


JdId = Annotated[Id, AfterValidator(_one_line)]


class Duty(Model):
    id: JdId = Field(description="The duty's number or id, unique within its JD (e.g. 3, or S3 and C3).")
    text: NonEmptyText
    weight: Decimal | None = Field(None, gt=0, le=1_000_000, allow_inf_nan=False,
                                   description="Share of time, or points; unweighted duties count equally.")


class JobDescription(Model):
    post: JdId = Field(description="The post's id in its structure.")
    structure: Literal["old", "new"]
    title: NonEmptyText
    reports_to: Text | None = None
    duties: list[Duty] = Field(min_length=1, max_length=500)

    @model_validator(mode="after")
    def _duty_ids_unique(self) -> JobDescription:
        seen: set[str] = set()
        for duty in self.duties:
            if duty.id in seen:
                raise ValueError(f"duty {duty.id!r} is given twice")
            seen.add(duty.id)
        if any(d.weight is None for d in self.duties) and any(d.weight is not None for d in self.duties):
            raise ValueError("weight every duty or none (unweighted duties count equally)")
        return self


def second_descriptions(jds: Sequence[JobDescription]) -> list[tuple[int, str]]:
    """Gives (index, message) for each JD of a post that an earlier JD of the same structure already describes:
    a review and `overlaps suggest` both refuse them (which one holds the duties would be a guess)."""
    seen: set[tuple[str, str]] = set()
    found = []
    for i, jd in enumerate(jds):
        if (jd.structure, jd.post) in seen:
            found.append((i, f"a second job description for {jd.post!r}"))
        seen.add((jd.structure, jd.post))
    return found


class JobDescriptions(list[JobDescription]):
    """Job descriptions read from a folder, with the files they were read from (`sources`)."""

    def __init__(self, jds: Iterable[JobDescription] = (), sources: Sources | None = None) -> None:
        super().__init__(jds)
        self.sources = sources if sources is not None else Sources()


class Link(Model):
    old: JdId = Field(description="A duty of the old post's JD.")
    new: JdId = Field(description="A duty of the new post's JD.")
    part: Decimal = Field(Decimal(1), gt=0, le=1, allow_inf_nan=False,
                          description="How much of the old duty is found in the new one (1: fully).")
    similarity: Decimal | None = Field(None, ge=0, le=100, description="Wording similarity, from overlaps suggest.")


class MappedPair(Model):
    old_post: JdId
    new_post: JdId
    status: Literal["confirmed", "suggested"] = Field(
        "confirmed", description="suggested: a draft from overlaps suggest, which run refuses until confirmed.")
    assessed_by: Text | None = None
    assessed_on: Date | None = None
    moderated_by: Text | None = None
    links: list[Link] = Field(default_factory=list, max_length=100_000)


class Mapping(Model):
    pairs: list[MappedPair] = Field(max_length=100_000)


class Evidence(Model):
    """The review's job descriptions and mapping (the loader reads them from `jds: FOLDER, mapping: FILE`)."""

    jds: list[JobDescription]
    mapping: Mapping


def _covered(duties: list[Duty], parts: dict[str, Fraction]) -> Fraction:
    """Gives the weighted share of the duties covered, each at most once."""
    weights = {d.id: Fraction(d.weight) if d.weight is not None else Fraction(1) for d in duties}
    total = sum(weights.values(), Fraction(0))
    return sum((weights[d] * min(Fraction(1), part) for d, part in parts.items() if d in weights), Fraction(0)) / total


def exact(share: Fraction) -> Decimal | Share:
    """Gives a share of the whole as a percentage: a Decimal when exact (4/5 is 80), else a fraction (2/3)."""
    percent = share * 100
    decimal = Decimal(percent.numerator) / Decimal(percent.denominator)
    if Fraction(decimal) == percent:
        return decimal.normalize() if decimal != decimal.to_integral_value() else decimal.quantize(Decimal(1))
    return Share(share.numerator, share.denominator, f"{share.numerator}/{share.denominator}")


def overlap_of(pair: MappedPair, old: JobDescription, new: JobDescription) -> tuple[Decimal | Share, Decimal | Share]:
    """Gives (old_in_new, new_from_old) of a mapped pair."""
    old_parts: dict[str, Fraction] = {}
    new_parts: dict[str, Fraction] = {}
    for link in pair.links:
        old_parts[link.old] = old_parts.get(link.old, Fraction(0)) + Fraction(link.part)
        new_parts[link.new] = new_parts.get(link.new, Fraction(0)) + Fraction(link.part)
    return exact(_covered(old.duties, old_parts)), exact(_covered(new.duties, new_parts))


def duty_evidence(pair: MappedPair, old: JobDescription, new: JobDescription) -> list[str]:
    """Gives the pair's duty-by-duty evidence in words: the duties found and not found on each side, and who
    assessed and moderated it."""
    def share(parts: dict[str, Fraction], duty: str) -> str:
        part = min(Fraction(1), parts.get(duty, Fraction(0)))
        return "" if part == 1 else f" ({float(part):.0%})"

    to_new: dict[str, list[str]] = {}
    old_parts: dict[str, Fraction] = {}
    new_parts: dict[str, Fraction] = {}
    for link in pair.links:
        to_new.setdefault(link.old, []).append(link.new + ("" if link.part == 1 else f" ({float(link.part):.0%})"))
        old_parts[link.old] = old_parts.get(link.old, Fraction(0)) + Fraction(link.part)
        new_parts[link.new] = new_parts.get(link.new, Fraction(0)) + Fraction(link.part)
    who = _assessors(pair)
    found = [d for d in old.duties if d.id in old_parts]
    covered = [d for d in new.duties if d.id in new_parts]
    lines = [f"Evidence for {pair.old_post} -> {pair.new_post} ({who}):",
             f"  Old duties found in the new JD ({len(found)} of {len(old.duties)}): "
             + ("; ".join(f"{d.id}{share(old_parts, d.id)} in {', '.join(to_new[d.id])}" for d in found) or "none")]
    missing = [d for d in old.duties if d.id not in old_parts]
    if missing:
        lines.append("  Old duties not found: " + "; ".join(f"{d.id} {_short(d.text)}" for d in missing))
    lines.append(f"  New duties covered by the old JD ({len(covered)} of {len(new.duties)}): "
                 + (", ".join(f"{d.id}{share(new_parts, d.id)}" for d in covered) or "none"))
    uncovered = [d for d in new.duties if d.id not in new_parts]
    if uncovered:
        lines.append("  New duties not covered: " + "; ".join(f"{d.id} {_short(d.text)}" for d in uncovered))
    return lines


def _assessors(pair: MappedPair) -> str:
    """Gives who assessed and moderated a pair, and when, in words."""
    return ", ".join(part for part in (
        f"assessed by {pair.assessed_by}" if pair.assessed_by else "",
        f"on {pair.assessed_on}" if pair.assessed_on else "",
        f"moderated by {pair.moderated_by}" if pair.moderated_by else "") if part) or "no assessor recorded"


def _short(text: str, width: int = 60) -> str:
    return f"'{text}'" if len(text) <= width else f"'{text[:width - 3].rstrip()}...'"
