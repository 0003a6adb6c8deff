"""The explanation of one person's slotting, for an appeal: every claim, the rule, the pay."""

from __future__ import annotations

from collections.abc import Iterator

from .. import limits
from ..formats import percent, plural
from ..model import Policy, ReviewFile
from ..model.evidence import duty_evidence
from ..model.policy import SEED_MATCH_BAND
from ..rules.case import Case
from ..rules.decisions import Offer, Standing
from ..rules.protection import describe, fall
from ..rules.results import PersonResult, SlottingResult
from .case_text import case_lines
from .common import money, terminal
from .wording import Wording, allowed, distances


def explain_text(result: SlottingResult, person_id: str, review: ReviewFile | None = None,
                 case: Case | None = None, standing: Standing | None = None,
                 offers: tuple[Offer, ...] = ()) -> Iterator[str]:
    """Yields, in plain English, every claim a person had and what became of it (control characters
    in names and titles shown escaped). With the review, a generic post's holders and a part-time FTE
    are named too."""
    p = result.person(person_id)
    if p is None:
        raise KeyError(person_id)
    wording = Wording(result.policy)
    lines = [*_head_lines(result, p, review), "", wording.reason(p, result), "", *_evidence(review, p),
             _policy_line(result.policy), "", *_claim_lines(result, p, wording), *_competitor_lines(result, p)]
    choices = _policy_choices(p, result.policy)
    if choices:
        lines += ["", "Where the policy's settings decided it:", *(f"  {line}" for line in choices)]
    if any(post.ring_fence_tiers for post in result.posts):
        lines += ["", "May apply for ring-fenced posts (the tier in use holds them): "
                  + (", ".join(p.may_apply_for) or "none")]
    if result.policy.alternatives and result.at_risk(p.id):
        lines += ["", *_alternative_lines(result, p, wording)]
    lines += _pay_lines(result.policy, p)
    if case is not None:
        lines += case_lines(case)
    if standing is not None:
        lines += _standing_lines(standing, offers)
    yield "".join(terminal(line) + "\n" for line in lines)


def _head_lines(result: SlottingResult, p: PersonResult, review: ReviewFile | None) -> list[str]:
    """Gives who the person is, their outcome and, for a part-timer, the FTE their figures are scaled by."""
    lines = [f"{p.name or p.id} ({p.id}), current post {p.current_post}{_post_held(review, p.current_post)}",
             f"Outcome: {p.outcome}" + (" (on hold)" if p.on_hold else "")]
    fte = review.fte(p.id) if review is not None else None
    if fte is not None and fte != 1:
        shown = format(fte.normalize(), "f")
        lines.append(f"Part time: {shown} FTE. Salaries here are full-time equivalents; their pay, its cost, any "
                     f"protection and a week's pay are at {shown} of them (now {money(p.current_salary * fte)} a year).")
    return lines


def _policy_line(policy: Policy) -> str:
    """Gives the thresholds, grade distances and overlap measure the policy decides claims by."""
    return (f"Policy: assimilate at {percent(policy.assimilate_threshold)} with grade distance up to "
            f"{allowed(policy, 'assimilation')}; match at {percent(policy.match_threshold)} with grade distance "
            f"up to {allowed(policy, 'match')}; overlap measure {policy.overlap_measure}"
            + ("; claims ranked by score." if policy.rank_by == "score" else "."))


def _claim_lines(result: SlottingResult, p: PersonResult, wording: Wording) -> list[str]:
    """Gives each of the person's claims, best first: what became of it, its figures and its distance to the
    thresholds."""
    if not p.assessments:
        return ["Claims: none (no overlap is recorded between their post and any new post in the review)."]
    lines = ["Claims, best first:"]
    slotted = {s.post for s in p.slots}
    for i, a in enumerate(p.assessments, 1):
        if not a.kind:
            state = "-> rejected"
        elif a.post in slotted:
            state = "-> pursued"
        elif p.slots:
            state = "-> not pursued: it ranks below the claim pursued (only the top claim is pursued)"
        else:
            state = "-> not pursued: no place was left after assimilation"
        lines += [f"  {i}. {a.post} ({result.post(a.post).title}) {state}", f"     {wording.why(a)}.",
                  f"     Distance: {distances(a.score, result.policy)}."]
    return lines


def _competitor_lines(result: SlottingResult, p: PersonResult) -> list[str]:
    """Gives the others in the person's pools, up to limits.COMPETITORS_LISTED of them."""
    competitors = result.competitors(p)
    if not competitors:
        return []
    shown = ", ".join(competitors[:limits.COMPETITORS_LISTED])
    more = len(competitors) - limits.COMPETITORS_LISTED
    return ["", "Competing with: " + shown + (f" and {more:,} more (see run --format json, posts[].pools)"
                                              if more > 0 else "")]


def _alternative_lines(result: SlottingResult, p: PersonResult, wording: Wording) -> list[str]:
    """Gives the ring-fenced posts a person at risk may apply for, best score first, with their pay and (with
    policy.alternatives_limits) whether each is suitable."""
    limited = result.policy.alternatives_limits is not None
    head = "Suitable alternatives" if not limited else "Alternatives"
    head += " if not selected" if p.outcome == "competitive" else ""
    lines = [f"{head} (ring-fenced posts they may apply for, best score first"
             + ("; each suitable or not under policy.alternatives_limits):" if limited else "):")]
    for alt in p.alternatives:
        change = money(alt.pay_change) if alt.pay_change < 0 else "+" + money(alt.pay_change)
        lines.append(f"  {alt.post} ({result.post(alt.post).title}): score {percent(alt.score)}, grade distance "
                     f"{alt.grade_distance:+d}, spinal point {alt.spinal_point} at {money(alt.new_salary)} "
                     f"({change} a year)" + (f"; {wording.suitability(alt)}" if limited else ""))
    if not p.alternatives:
        lines.append("  none: no ring-fenced post has an overlap with their post.")
    return lines


def _pay_lines(policy: Policy, p: PersonResult) -> list[str]:
    """Gives the pay on each post the person is slotted to, and how a fall in pay is protected."""
    lines = []
    for s in p.slots:
        lines += ["", f"Pay on {s.post}: spinal point {s.pay.point}, {money(s.pay.amount)} a year "
                  f"({s.pay.rule}){'; this point is an ESTIMATED value' if s.pay.estimated else ''}."]
        if s.pay.protection and policy.protection.scheme == "cash" and policy.protection.cap is None \
                and not p.protected_allowances:
            lines.append(f"  Pay falls by {money(s.pay.protection)} a year: protected for "
                         f"{plural(policy.protection_years, 'year')}.")
        elif s.pay.protection:
            protected = fall(p.protected_allowances, s.pay.protection)
            with_allowances = (f"; protected with {money(p.protected_allowances)} of allowances "
                               f"(policy.protection.includes), {money(protected)} a year" if p.protected_allowances else "")
            lines.append(f"  Pay falls by {money(s.pay.protection)} a year{with_allowances}: {describe(policy, protected)}.")
        else:
            lines.append("  Pay does not fall: no protection needed.")
    return lines


def _post_held(review: ReviewFile | None, post_id: str) -> str:
    """Gives ' (title; one of N holders of its M places)' for a generic post (count above 1), else ''."""
    post = review.old_post.get(post_id) if review is not None else None
    if post is None or post.count == 1:
        return ""
    holders = len(review.holders.get(post_id, ())) if review is not None else 0
    return f" ({post.title}; one of {holders} holders of its {post.count} places)"


def _evidence(review: ReviewFile | None, p: PersonResult) -> list[str]:
    """Gives the duty-by-duty evidence of the claim that decided the person's outcome, when it is mapped."""
    if review is None or review.evidence is None:
        return []
    post = p.slots[0].post if p.slots else (p.assessments[0].post if p.assessments else None)
    pair = next((q for q in review.evidence.mapping.pairs if (q.old_post, q.new_post) == (p.current_post, post)), None)
    if pair is None:
        return []
    return [*duty_evidence(pair, review.jd[("old", pair.old_post)], review.jd[("new", pair.new_post)]), ""]


def _policy_choices(p: PersonResult, policy: Policy) -> list[str]:
    """Gives, for each match slot, the settings that made it a match where the seed's own band would not: a score
    above the band's upper limit with no match_upper set, and a match to a higher grade."""
    said = []
    low, high = SEED_MATCH_BAND
    for s in p.slots:
        if s.basis != "match":
            continue
        a = s.claim
        if policy.match_upper is None and a.score > high:
            said.append(f"{s.post}: the score {percent(a.score)} is above {percent(high)}, the top of the match band "
                        f"the Leicester policy states ('between {percent(low)} and {percent(high)}', notes of 28 "
                        "October 2011, item 5); it is a match because policy.match_upper is not set (set "
                        f"match_upper: {high} to hold the band).")
        if a.grade_distance > 0:
            said.append(f"{s.post}: a match {plural(a.grade_distance, 'grade')} up, a promotion without competition; "
                        f"the policy allows matches up to {policy.match_limits.up} grade(s) up (policy.match_grade "
                        "{up: 0} allows none).")
    return said


STATUS_WORDS = {"appointed": "appointed", "redeployed": "redeployed", "on_trial": "on trial in an alternative post",
                "voluntary_redundancy": "voluntary redundancy", "compulsory_redundancy": "being made compulsorily "
                "redundant", "withdrawn": "withdrawn from the process", "still_open": "still open"}


def _standing_lines(standing: Standing, offers: tuple[Offer, ...]) -> list[str]:
    """Gives where the person stands after the decisions recorded, every step that led there with its record, and,
    for a redundancy, why."""
    lines = ["", f"After the proposal (the decisions recorded so far): {STATUS_WORDS[standing.status]}.",
             f"  {standing.reason}."]
    if standing.priority:
        lines.append(f"  Statutory redeployment priority: {standing.priority.replace('_', ' ')}.")
    lines.append("History:")
    for step in standing.history:
        lines.append(f"  {step.date or 'undated'} {step.record}: {step.text}.")
    if standing.status == "compulsory_redundancy":
        cited = ", ".join(standing.records) or "no decision: the proposal alone"
        lines.append(f"Why they are being made redundant: {standing.reason}. Each decision above led there "
                     f"({cited}).")
    if offers:
        lines.append("Free places still open to them (grade distance; pay on the new grade):")
        for offer in offers:
            change = money(offer.pay_change) if offer.pay_change < 0 else "+" + money(offer.pay_change)
            hold = ", on hold" if offer.on_hold else ""
            lines.append(f"  {offer.post} ({offer.title}{hold}): grade distance {offer.grade_distance:+d}, "
                         f"{money(offer.new_salary)} ({change} a year)")
    return lines
