"""The engine's decisions in words: the figures, the rule that applied, and each person's reason.

The rules give the decisions as data; every sentence a view shows of them is written here, and their
figures by slotting.formats.

An HR analyst answers an appeal from these texts alone, so each one gives the numbers (overlap
percentages, score, grades, claimants and places) and names the rule of the policy that decided.
A review of 20,000 people repeats a few hundred distinct figure lines and verdicts, so each is
written once per policy (see Wording) and the reasons are built only when they are asked for.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from ..formats import figure, percent, places, plural
from ..model import Policy

if TYPE_CHECKING:
    from ..rules.claims import Assessment
    from ..rules.results import Alternative, PersonResult, SlottingResult


def distances(score: Any, policy: Any) -> str:
    """Gives, in words, how far a score lies from each threshold of the policy, and whether it meets it:
    'score 80: 5 points above the assimilation threshold (75, met); ...'."""
    def points(gap: Fraction) -> str:
        gap = abs(gap)
        decimal = Decimal(gap.numerator) / Decimal(gap.denominator)
        shown = figure(decimal) if Fraction(decimal) == gap else f"{decimal:.1f}"  # 2/3 of a point: 0.7
        return f"{shown} point{'' if shown == '1' else 's'}"

    parts = []
    for name, threshold in (("assimilation", policy.assimilate_threshold), ("match", policy.match_threshold)):
        gap = _exact(score) - _exact(threshold)
        side = "above" if gap > 0 else "below" if gap < 0 else "at"
        parts.append(f"{points(gap) + ' ' if gap else ''}{side} the {name} threshold ({percent(threshold)}, "
                     f"{'met' if gap >= 0 else 'missed'})")
    if policy.match_upper is not None:
        gap = _exact(policy.match_upper) - _exact(score)
        side = "below" if gap > 0 else "above" if gap < 0 else "at"
        parts.append(f"{points(gap) + ' ' if gap else ''}{side} the match upper limit ({percent(policy.match_upper)}, "
                     f"{'met' if gap >= 0 else 'missed'})")
    return f"score {percent(score)}: " + "; ".join(parts)


def _exact(value: Any) -> Fraction:
    return value if isinstance(value, Fraction) else Fraction(value)


def allowed(policy: Policy, kind: str) -> str:
    """The grade distance a policy allows for a kind of claim, in words: "1", or "1 down and 0 up"."""
    if not policy.asymmetric:
        return str(policy.assimilate_grade_distance if kind == "assimilation" else policy.match_grade_distance)
    limits = policy.assimilate_limits if kind == "assimilation" else policy.match_limits
    return f"{limits.down} down and {limits.up} up"


def _a(kind: str) -> str:
    return "an assimilation" if kind == "assimilation" else "a match"


_NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def _number_word(count: int) -> str:
    return _NUMBER_WORDS[count] if 0 <= count < len(_NUMBER_WORDS) else str(count)


def _sentence(note: str) -> str:
    return note[:1].upper() + note[1:] + "."


class Wording:
    """The words of one policy's decisions, each distinct figure line and verdict written once."""

    def __init__(self, policy: Policy):
        self.policy = policy
        self._figures: dict[tuple[Any, ...], str] = {}
        self._verdicts: dict[tuple[Any, ...], str] = {}
        self._beyonds: dict[tuple[Any, ...], str] = {}  # an alternative's limits passed, in words, by its figures
        self._within: dict[tuple[Any, ...], str] = {}  # a suitable alternative's figures against the limits, in words

    def figures(self, a: Assessment) -> str:
        """The overlap figures, score and grades of one assessment."""
        key = (a.old_in_new, a.new_from_old, a.score, a.grade_distance, a.kind, a.old_grade, a.new_grade)
        text = self._figures.get(key)
        if text is None:
            text = self._figures[key] = (
                f"{percent(a.old_in_new)} of the current JD is in the new post and forms {percent(a.new_from_old)} "
                f"of it, a score of {percent(a.score)} (measure: {self.policy.overlap_measure}); grade "
                f"{a.old_grade} -> {a.new_grade}, distance {a.grade_distance:+d}")
        return text

    def verdict(self, a: Assessment) -> str:
        """The rule that made the assessment a claim, or the reasons it is not one."""
        key = (a.score, a.grade_distance, a.kind, a.barred, a.pay_loss, a.points_lost)
        text = self._verdicts.get(key)
        if text is None:
            text = self._verdicts[key] = self._verdict(a.kind, a.score, a.grade_distance, a.barred, a.pay_loss,
                                                       a.points_lost)
        return text

    def _pay_cut(self, barred: str, loss: Decimal | None, points: int | None) -> str:
        """Why the pay-loss limit refused a kind of claim, with the figures."""
        limit = getattr(self.policy.max_pay_loss, barred)
        allowed_loss = percent(limit.percent) if limit.percent is not None else plural(limit.points, "spinal point")
        cut = f"{(loss or Decimal(0)).quantize(Decimal('0.1'))}% ({plural(points or 0, 'spinal point')})"
        return f"slotting would cut pay by {cut}, beyond the {allowed_loss} allowed for {_a(barred)}"

    def _verdict(self, kind: str | None, score: Decimal, distance: int, barred: str | None = None,
                 loss: Decimal | None = None, points: int | None = None) -> str:
        p = self.policy
        at, mt = percent(p.assimilate_threshold), percent(p.match_threshold)
        ad, md = allowed(p, "assimilation"), allowed(p, "match")
        if kind == "assimilation":
            return (f"an assimilation claim: the score reaches the {at} assimilation threshold and the "
                    f"grade distance is within the {ad} allowed")
        if kind == "match":
            if barred == "assimilation":
                not_assim = self._pay_cut("assimilation", loss, points)
            elif score < p.assimilate_threshold:
                not_assim = f"not the {at} assimilation threshold"
            else:
                not_assim = f"assimilation needs a grade distance within {ad}"
            return (f"a match claim: the score reaches the {mt} match threshold ({not_assim}) and the "
                    f"grade distance is within the {md} allowed for a match")
        faults = [self._pay_cut(barred, loss, points)] if barred else []
        if score < p.match_threshold:
            faults.append(f"the score {percent(score)} is below the {mt} match threshold")
        elif p.match_upper is not None and score > p.match_upper and barred != "assimilation":
            cannot = (f"it is below the {at} assimilation threshold" if score < p.assimilate_threshold
                      else f"assimilation needs a grade distance within {ad}")
            faults.append(f"the score {percent(score)} is above the {percent(p.match_upper)} a match allows (policy "
                          f"match_upper) and {cannot}")
        if not p.match_limits.allows(distance):
            faults.append(f"the grade distance {distance:+d} is beyond the {md} allowed for a match")
        return "no claim: " + " and ".join(faults)

    def why(self, a: Assessment) -> str:
        """The figures of an assessment and the rule that decided it."""
        return f"{self.figures(a)}: {self.verdict(a)}"

    def reason(self, person: PersonResult, result: SlottingResult) -> str:
        """The person's outcome in words: each slot with its claimants, places, figures and rule."""
        text = self._outcome(person, result)
        if self.policy.alternatives and result.at_risk(person.id):
            text += " " + self._alternatives(person)
        return text

    def _alternatives(self, person: PersonResult) -> str:
        """The suitable alternative posts a person at risk may apply for, in one sentence (two, with the limits of
        policy.alternatives_limits: the posts beyond them are named with the reason)."""
        when = "If not selected, suitable" if person.outcome == "competitive" else "Suitable"
        alternatives = person.alternatives
        if not alternatives:
            text = f"{when} alternatives: no ring-fenced post has an overlap with their post."
        elif self.policy.alternatives_limits is None:
            best = alternatives[0]
            text = (f"{when} alternatives: {plural(len(alternatives), 'ring-fenced post')} they may apply for, "
                    f"best {best.post} (score {percent(best.score)}, grade distance {best.grade_distance:+d}).")
        else:
            suitable = [a for a in alternatives if a.suitable]
            count = plural(len(alternatives), "ring-fenced post")
            if not suitable:
                text = f"{when} alternatives: none of the {count} they may apply for is within the policy's limits."
            else:
                best = suitable[0]
                text = (f"{when} alternatives: {len(suitable)} of the {count} they may apply for "
                        f"{'is' if len(suitable) == 1 else 'are'} within the policy's limits, best {best.post} "
                        f"(score {percent(best.score)}, grade distance {best.grade_distance:+d}).")
            unsuitable = [a for a in alternatives if not a.suitable]
            if unsuitable:
                text += (" Not suitable (policy.alternatives_limits): "
                         + "; ".join(f"{a.post}, {self._beyond(a)}" for a in unsuitable) + ".")
        weeks = self.policy.trial_period_weeks
        if weeks:
            text += (f" A trial period of {plural(weeks, 'week')} applies in an alternative post (Employment "
                     "Rights Act 1996 s.138).")
        return text

    def suitability(self, alt: Alternative) -> str:
        """Whether an alternative post is within policy.alternatives_limits, with the figures: 'not suitable: two
        grades down (limit one)', 'suitable: one grade down (limit one) and pay falls 4.0% (limit 10%)'."""
        if not alt.suitable:
            return "not suitable: " + self._beyond(alt)
        key = (alt.grade_distance, alt.pay_loss, alt.points_lost)
        text = self._within.get(key)
        if text is None:
            limits = self.policy.alternatives_limits
            said = [self._grade_change(alt) if limits is not None and limits.grade is not None else "",
                    self._pay_fall(alt) if limits is not None and limits.pay_loss is not None else ""]
            text = self._within[key] = "suitable: " + " and ".join(part for part in said if part)
        return text

    def _beyond(self, alt: Alternative) -> str:
        """The limits an alternative post is beyond, with the figures."""
        key = (alt.beyond, alt.grade_distance, alt.pay_loss, alt.points_lost)
        text = self._beyonds.get(key)
        if text is None:
            text = self._beyonds[key] = " and ".join(
                self._grade_change(alt) if limit == "grade" else self._pay_fall(alt) for limit in alt.beyond)
        return text

    def _grade_change(self, alt: Alternative) -> str:
        """The grade distance of an alternative post in words, with the policy's limit that way."""
        limits = self.policy.alternatives_limits
        grade = limits.grade if limits is not None else None
        distance = alt.grade_distance
        if distance == 0 or grade is None:
            return "the same grade" if distance == 0 else f"grade distance {distance:+d}"
        levels = abs(distance)
        way, limit = ("down", grade.down) if distance < 0 else ("up", grade.up)
        return (f"{_number_word(levels)} grade{'' if levels == 1 else 's'} {way} "
                f"({f'limit {_number_word(limit)}' if limit else f'none {way} allowed'})")

    def _pay_fall(self, alt: Alternative) -> str:
        """How far pay falls on an alternative post, with the policy's limit."""
        limits = self.policy.alternatives_limits
        cut = limits.pay_loss if limits is not None else None
        if alt.pay_loss == 0 or cut is None:
            return "pay does not fall" if alt.pay_loss == 0 else f"pay falls {alt.pay_loss.quantize(Decimal('0.1'))}%"
        if cut.percent is None:
            return (f"pay falls {plural(alt.points_lost, 'spinal point')}, {alt.pay_loss.quantize(Decimal('0.1'))}% "
                    f"(limit {plural(cut.points or 0, 'spinal point')})")
        shown, places_shown = alt.pay_loss.quantize(Decimal("0.1")), 1
        # A loss just past the limit must not read as the limit itself (10.04% against 10%).
        while (shown > cut.percent) != (alt.pay_loss > cut.percent) and places_shown < 6:
            places_shown += 1
            shown = alt.pay_loss.quantize(Decimal(1).scaleb(-places_shown))
        return f"pay falls {shown}% (limit {percent(cut.percent)})"

    def _outcome(self, person: PersonResult, result: SlottingResult) -> str:
        if person.outcome == "displaced":
            return " ".join([self._displaced(person)] + [_sentence(n) for n in person.notes])
        parts = []
        for s in person.slots:
            post = result.post(s.post)
            if s.competitive:
                pool = next(p for p in post.pools if p.basis == s.basis)
                head = (f"In a competitive pool ({s.basis} basis) for {s.post} ({post.title}): "
                        f"{plural(len(pool.candidates), 'claimant')} for {places(pool.places)}")
            elif s.basis == "assimilation":
                head = (f"Assimilated to {s.post} ({post.title}): {plural(len(post.assimilated), 'claimant')} "
                        f"for {places(post.places)}")
            else:
                left = post.places - len(post.assimilated)
                head = (f"Matched to {s.post} ({post.title}), subject to a competency assessment: "
                        f"{plural(len(post.matched), 'claimant')} for {places(left)} left after assimilation")
            if post.on_hold:
                head += "; the post is on hold"
            parts.append(f"{head}. {self.figures(s.claim)}: {self.verdict(s.claim)}.")
        if len(person.slots) == 2:
            figure = "old_in_new" if self.policy.rank_by == "old_in_new" else "the score"
            parts.append(f"Two slots: an exact tie on {figure} between the top two claims (policy split_slots).")
        parts += [_sentence(n) for n in person.notes]
        return " ".join(parts)

    def _displaced(self, person: PersonResult) -> str:
        if not person.assessments:
            return "Displaced (at risk): no overlap with any new post in the review is recorded for their post."
        if not any(a.kind for a in person.assessments):
            return ("Displaced (at risk): no new post meets the assimilation or match criteria: "
                    + "; ".join(f"{a.post}: {self.verdict(a)}" for a in person.assessments) + ".")
        if self.policy.ring_fence_mode == "by_overlap" and not any(a.kind == "assimilation" for a in person.assessments):
            return ("Displaced (at risk): no assimilation claim, and there is no matching: the places left are "
                    "ring-fenced by overlap instead (policy ring_fence_mode by_overlap).")
        return "Displaced (at risk): every claim was to a post with no place left."
