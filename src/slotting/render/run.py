"""Renderers of the slotting list: JSON (a public contract), CSV, Markdown and a table."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from .. import limits
from ..formats import places, plural
from ..model import Policy
from ..rules.decisions import Decided, Standing
from ..rules.protection import by_year, describe, fall
from ..rules.results import OUTCOMES, Alternative, PersonResult, PostResult, Slot, SlottingResult
from .common import json_chunks, markdown, markdown_table, number, terminal, to_csv
from .outcome_tables import TABLE_HEADER, OutcomeTable, slot_cells
from .tables import Lines
from .wording import Wording

HEADINGS = {
    "assimilated": "Assimilated (placed directly)",
    "matched": "Matched (subject to a competency assessment)",
    "competitive": "Competitive (more claimants than places)",
    "displaced": "Displaced (at risk of redundancy)",
}


def run_data(result: SlottingResult, decisions: Decided | None = None) -> dict[str, Any]:
    """Gives the slotting list as the documented JSON structure, people and posts as generators:
    each record is made when it is written (see common.json_chunks). With the decisions (run --stage current),
    each person also has their status, its reason and their history, and `decisions` sums them up."""
    data = _proposal_data(result)
    if decisions is None:
        return data
    people = data["people"]
    data["people"] = (_with_standing(person, decisions.person(person["id"])) for person in people)
    data["decisions"] = {"counts": decisions.counts,
                         "free_places": [{"post": post, "places": number(n)} for post, n in decisions.free_places],
                         "warnings": list(decisions.warnings)}
    return data


def _with_standing(person: dict[str, Any], standing: Standing | None) -> dict[str, Any]:
    if standing is None:
        return person
    person["status"] = standing.status
    person["status_reason"] = standing.reason
    person["history"] = [{"record": step.record, "date": step.date.isoformat() if step.date else None,
                          "what": step.text} for step in standing.history]
    if standing.no_redundancy_payment:
        person["no_redundancy_payment"] = standing.no_redundancy_payment
    return person


def _proposal_data(result: SlottingResult) -> dict[str, Any]:
    wording = Wording(result.policy)
    alternatives, tiered = result.policy.alternatives, _tiered(result)  # once, not once a person
    suitability = wording.suitability if result.policy.alternatives_limits is not None else None
    scheme = result.policy.protection
    policy = result.policy if scheme.scheme != "cash" or scheme.cap is not None else None
    return {
        "review": result.review,
        "people": (_person(p, wording.reason(p, result), _competitors(p, result), alternatives, tiered, policy,
                           suitability) for p in result.people),
        "posts": (_post(p) for p in result.posts),
        "summary": vars(result.summary).copy(),
        "ring_fence": {"may_apply": list(result.ring_fence.may_apply),
                       "also_open_to": result.ring_fence.also_open_to},
    }


def _tiered(result: SlottingResult) -> bool:
    """True when ring-fence tiers were applied (some post lists them)."""
    return any(post.ring_fence_tiers for post in result.posts)


def _competitors(p: PersonResult, result: SlottingResult) -> list[str] | None:
    """The other candidates of a person's pools, or None when there are more than limits.COMPETITORS_LISTED:
    a pool is listed once, under posts[].pools, and a person's competitive slot names it by post and basis,
    so that the list stays linear in the size of a pool."""
    if p.outcome != "competitive":
        return []
    # A person is in at most two pools: past this size, one of them alone holds too many to list.
    if sum(len(pool.candidates) for pool in result.pools_of(p)) > 2 * (limits.COMPETITORS_LISTED + 1):
        return None
    others = result.competitors(p)
    return list(others) if len(others) <= limits.COMPETITORS_LISTED else None


def _person(p: PersonResult, reason: str, competitors: list[str] | None, alternatives: bool = False,
            tiered: bool = False, protection: Policy | None = None,
            suitability: Callable[[Alternative], str] | None = None) -> dict[str, Any]:
    data = {
        "id": p.id,
        "name": p.name,
        "current_post": p.current_post,
        "current_salary": number(p.current_salary),
        "outcome": p.outcome,
        "on_hold": p.on_hold,
        "slots": [_slot(s) for s in p.slots],
        "reason": reason,
        "competitors": competitors,
    }
    if tiered:  # an optional field: present only with ring-fence tiers
        data["may_apply_for"] = list(p.may_apply_for)
    if protection is not None:  # optional fields: present only with a protection scheme other than plain cash
        for slot, data_slot in zip(p.slots, data["slots"]):
            if slot.pay.protection:
                falls = fall(p.protected_allowances, slot.pay.protection)
                data_slot["protection_scheme"] = describe(protection, falls)
                data_slot["protection_by_year"] = [number(a) for a in by_year(protection, falls)]
    if alternatives:  # an optional field: present only when the policy lists alternatives
        data["alternatives"] = [{"post": a.post, "score": number(a.score), "grade_distance": a.grade_distance,
                                 "new_salary": number(a.new_salary), "spinal_point": a.spinal_point,
                                 "pay_change": number(a.pay_change)} for a in p.alternatives]
        if suitability is not None:  # optional fields: present only with policy.alternatives_limits
            for alt, data_alt in zip(p.alternatives, data["alternatives"]):
                data_alt["suitable"] = alt.suitable
                data_alt["suitability"] = suitability(alt)
    return data


def _slot(s: Slot) -> dict[str, Any]:
    return {
        "post": s.post,
        "basis": s.basis,
        "competitive": s.competitive,
        "score": number(s.claim.score),
        "old_in_new": number(s.claim.old_in_new),
        "new_from_old": number(s.claim.new_from_old),
        "grade_distance": s.claim.grade_distance,
        "new_salary": number(s.pay.amount),
        "spinal_point": s.pay.point,
        "protection": number(s.pay.protection),
        "estimated_point": s.pay.estimated,
    }


def _post(p: PostResult) -> dict[str, Any]:
    data = {
        "id": p.id,
        "title": p.title,
        "places": number(p.places),
        "assimilated": list(p.assimilated),
        "matched": list(p.matched),
        "pools": [{"basis": q.basis, "candidates": list(q.candidates), "places": number(q.places)} for q in p.pools],
        "ring_fenced_places": number(p.ring_fenced_places),
        "on_hold": p.on_hold,
    }
    if p.ring_fence_tiers:  # an optional field: present only with ring-fence tiers
        data["ring_fence_tiers"] = [{"name": t.name, "eligible": list(t.eligible), "used": t.used}
                                    for t in p.ring_fence_tiers]
    return data


def run_json(result: SlottingResult, decisions: Decided | None = None) -> Iterator[bytes]:
    """Yields the slotting list as JSON in UTF-8 pieces, one person or post a line."""
    yield from json_chunks(run_data(result, decisions))


CSV_HEADER = ["id", "name", "current_post", "outcome", "on_hold", "post", "basis", "competitive", "score",
              "old_in_new", "new_from_old", "grade_distance", "new_salary", "spinal_point", "protection",
              "estimated_point", "reason"]


def run_csv(result: SlottingResult, decisions: Decided | None = None) -> Iterator[str]:
    """Yields the slotting list as CSV: one row per slot (one row for a person with none); with the decisions,
    two more columns, the person's status and its reason. Rows are made as they are written."""
    yield to_csv(CSV_HEADER + (["status", "status_reason"] if decisions is not None else []),
                 _csv_rows(result, decisions))


def _csv_rows(result: SlottingResult, decisions: Decided | None) -> Iterator[list[Any]]:
    wording = Wording(result.policy)
    for p in result.people:
        head: list[Any] = [p.id, p.name, p.current_post, p.outcome, p.on_hold]
        reason = wording.reason(p, result)
        standing = decisions.person(p.id) if decisions is not None else None
        tail: list[Any] = [standing.status, standing.reason] if standing else [None, None] if decisions else []
        if not p.slots:
            yield head + [None] * 11 + [reason] + tail
        for s in p.slots:
            slot = _slot(s)
            yield head + [slot["post"], slot["basis"], slot["competitive"], slot["score"], slot["old_in_new"],
                          slot["new_from_old"], slot["grade_distance"], slot["new_salary"], slot["spinal_point"],
                          slot["protection"], slot["estimated_point"], reason] + tail


STATUS_HEADINGS = {"appointed": "Appointed", "redeployed": "Redeployed", "on_trial": "On trial in an alternative post",
                   "voluntary_redundancy": "Voluntary redundancy", "compulsory_redundancy": "Compulsory redundancy",
                   "withdrawn": "Withdrawn", "still_open": "Still open"}


def _decision_lines(decisions: Decided, esc: Callable[[Any], str]) -> list[str]:
    """Gives each person's status after the decisions, grouped by status, then the places still free."""
    lines = []
    counts = decisions.counts
    lines.append(", ".join(f"{n} {STATUS_HEADINGS[status].lower()}" for status, n in counts.items() if n) + ".")
    for status, n in counts.items():
        if not n:
            continue
        lines.append(f"{STATUS_HEADINGS[status]}: {n}")
        lines += [f"  {esc(s.person)}: {esc(s.reason)}" for s in decisions.people if s.status == status]
    free = ", ".join(f"{esc(post)} ({places(n)})" for post, n in decisions.free_places)
    lines.append(f"Places still free: {free or 'none'}")
    lines += [f"Warning: {esc(w)}" for w in decisions.warnings]
    return lines


TABLE_NOTE = ("Overlap: % of the current JD found in the new post / % of the new JD formed by the current one. "
              "assim.: assimilation. H: the post is on hold. *: an estimated spinal point.")


def _summary_lines(result: SlottingResult) -> list[str]:
    s = result.summary
    return [
        f"{s.people} people: {s.assimilated} assimilated, {s.matched} matched, {s.competitive} in "
        f"{plural(s.pools, 'competitive pool')}, {s.displaced} displaced.",
        f"Potential displacements: {s.potential_displacements}. Ring-fenced places: {s.ring_fenced_places}.",
    ]


def _ring_fenced_posts(result: SlottingResult) -> int:
    return sum(1 for post in result.posts if post.ring_fenced_places)


def _ring_fence_lines(result: SlottingResult, esc: Callable[[Any], str]) -> list[str]:
    lines = []
    for post in result.posts:
        if post.ring_fenced_places:
            hold = " (on hold)" if post.on_hold else ""
            lines.append(f"{esc(post.id)}: {esc(post.title)}{hold} - {places(post.ring_fenced_places)}")
            for tier in post.ring_fence_tiers:
                state = "used" if tier.used else "if unfilled"
                who = ", ".join(map(esc, tier.eligible)) or "nobody eligible"
                lines.append(f"  tier {esc(tier.name)} ({state}): {who}")
    if lines and not _tiered(result):
        ring = result.ring_fence
        who = ", ".join(map(esc, ring.may_apply)) or "nobody in the review"
        extra = f"; also open to {esc(ring.also_open_to)}" if ring.also_open_to else ""
        lines.append(f"May apply (displaced or in a competitive pool): {who}{extra}")
    return lines


def _pool_lines(result: SlottingResult, esc: Callable[[Any], str]) -> list[str]:
    return [
        f"{esc(pool.post)}: {len(pool.candidates)} candidates ({', '.join(map(esc, pool.candidates))}) for "
        f"{places(pool.places)}, {pool.basis} basis{' - on hold' if pool.on_hold else ''}"
        for post in result.posts for pool in post.pools
    ]


def run_table(result: SlottingResult, decisions: Decided | None = None) -> Iterator[Any]:
    """Yields the slotting list as rich tables grouped by outcome, then the pools, summary and
    ring-fence (rich is imported only for this format)."""
    from rich.console import Group
    from rich.text import Text

    parts: list[Any] = [Text(f"Slotting list: {terminal(result.review)}", style="bold")]
    for outcome in OUTCOMES:
        people = [p for p in result.people if p.outcome == outcome]
        if people:
            parts.append(OutcomeTable(f"{HEADINGS[outcome]}: {len(people)}", people))
    parts.append(Text(TABLE_NOTE, style="dim"))
    if any(post.pools for post in result.posts):
        parts.append(Text("Competitive pools", style="bold"))
        parts.append(Lines(lambda: ("  " + line for line in _pool_lines(result, terminal))))
    parts.append(Text("Summary", style="bold"))
    parts += [Text("  " + line) for line in _summary_lines(result)]
    parts.append(Text(f"Ring-fenced posts: {_ring_fenced_posts(result)}", style="bold"))
    parts.append(Lines(lambda: ("  " + line for line in _ring_fence_lines(result, terminal))))
    if decisions is not None:
        parts.append(Text("After the decisions recorded (run --stage proposal for the proposal alone)", style="bold"))
        parts.append(Lines(lambda: ("  " + line for line in _decision_lines(decisions, terminal))))
    yield Group(*parts)


def run_markdown(result: SlottingResult, decisions: Decided | None = None) -> Iterator[str]:
    """Yields the slotting list as Markdown (for a CI step summary or a wiki)."""
    out = [f"# Slotting list: {markdown(result.review)}\n"]
    for outcome in OUTCOMES:
        people = [p for p in result.people if p.outcome == outcome]
        if people:
            rows = [row for p in people for row in slot_cells(p)]
            out.append(f"## {HEADINGS[outcome]}: {len(people)}\n\n" + markdown_table(TABLE_HEADER, rows, "lllllrrr"))
    out.append(TABLE_NOTE + "\n")
    pools = _pool_lines(result, markdown)
    if pools:
        out.append("## Competitive pools\n\n" + "".join(f"- {line}\n" for line in pools))
    out.append("## Summary\n\n" + "".join(f"- {line}\n" for line in _summary_lines(result)))
    ring = _ring_fence_lines(result, markdown)
    out.append(f"## Ring-fenced posts: {_ring_fenced_posts(result)}\n\n" + "".join(f"- {line}\n" for line in ring))
    if decisions is not None:
        out.append("## After the decisions recorded\n\n" + "".join(f"- {line}\n" if not line.startswith("  ")
                                                                   else f"  - {line.strip()}\n"
                                                                   for line in _decision_lines(decisions, markdown)))
    yield "\n".join(out)
