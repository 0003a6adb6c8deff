"""The file's own slotting, kept in the form the fragile-decision search needs, and a change of some people's
claims settled locally against it.

Only the engine's public seam is used (`engine.assimilate_and_match`, `assess`, `setting`, `outcome_of`): a
local re-settling runs the engine's own phases 1 and 2 on the posts the change can reach, so it decides as a
full run would by construction.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Any

from ...model import Policy, ReviewFile
from ..claims import Assessment, pursued
from ..engine import Setting, assess, assimilate_and_match, outcome_of, setting
from ..results import Outcome, Slot

Decision = tuple[Outcome, tuple[str, ...]]  # a person's outcome and slotted posts
Signature = tuple[str, tuple[Any, ...]]  # what the engine takes from a person's ranked claims (see `signature`)


class Baseline:
    """The file's own slotting: each person's claims, slots and decision, and who claims each post.

    People whose claims are the same whatever is moved are settled as one group: a person's claims come from
    their old post's rows alone, and under pay-loss limits from their salary too, so the holders of an old post
    (of one salary, under limits) form a group. A group is stood for by its first member, with the group's total
    share of a place; the indexes of who claims what hold these representatives.
    """

    def __init__(self, review: ReviewFile) -> None:
        self.review = review
        self.setting: Setting = setting(review)
        self.assessments = assess(review, self.setting, self.setting.people)
        phases = assimilate_and_match(review, self.setting, self.setting.people, self.assessments)
        self.slots = {pid: list(phases.slots.get(pid, ())) for pid in self.assessments}
        self.filled = phases.full
        self.person = {p.id: p for p in self.setting.people}
        self.decision = {pid: decision_of(slots) for pid, slots in self.slots.items()}
        self._group(review)
        self.assimilated = {rep for rep in self.members if any(s.basis == "assimilation" for s in self.slots[rep])}
        self.claimants: dict[str, set[str]] = defaultdict(set)  # new post -> representatives with a claim on it
        self.match_claimants: dict[str, set[str]] = defaultdict(set)
        for rep in self.members:
            for a in self.assessments[rep]:
                if a.kind:
                    self.claimants[a.post].add(rep)
                if a.kind == "match":
                    self.match_claimants[a.post].add(rep)
        self._signatures: dict[str, Signature] = {}

    def _group(self, review: ReviewFile) -> None:
        """Finds the groups: each one's representative, its members and its total share of a place."""
        by_pay = review.policy.max_pay_loss is not None
        share: Callable[[str], int | Decimal] = review.fte if review.policy.places == "fte" else _one
        self.members: dict[str, list[str]] = defaultdict(list)  # representative -> the group, by id
        self.weight: dict[str, int | Decimal] = {}
        first: dict[tuple[str, Decimal | None], str] = {}  # (old post, salary when it counts) -> first member
        for p in self.setting.people:
            rep = first.setdefault((p.post, p.salary if by_pay else None), p.id)
            self.members[rep].append(p.id)
            self.weight[rep] = self.weight.get(rep, 0) + share(p.id)

    def signature(self, pid: str) -> Signature:
        """Gives a person's signature in the file (see `signature`), found once."""
        if pid not in self._signatures:
            self._signatures[pid] = signature(self.assessments[pid], self.review.policy)
        return self._signatures[pid]


def _one(_person: str) -> int:
    return 1


def decision_of(slots: Iterable[Slot]) -> Decision:
    """Gives the outcome and the slotted posts (sorted) that some slots make."""
    slots = list(slots)
    return outcome_of(slots), tuple(sorted(s.post for s in slots))


def settle_locally(base: Baseline, review: ReviewFile, changed: dict[str, list[Assessment]]) -> dict[str, Decision]:
    """Gives the decisions that differ from the base when some groups' claims change (`changed` and the result
    are by group representative), settling only the posts the change can reach.

    Assimilation changes only on the posts the changed groups claimed before or claim now (T0); which
    posts are full after it, only among those; so matching changes only for the changed groups and for
    those still unslotted after assimilation with a match claim on a T0 post, on the posts they claim
    (T1). Every group that claims a post of T0 and T1 is settled again with its claims and its share of a
    place; every other post keeps its claimants, places and fullness, and every other group its slots.
    """
    reach, involved = _reach(base, changed)
    people = [base.person[rep] for rep in sorted(involved)]
    assessments = {rep: changed[rep] if rep in changed else base.assessments[rep] for rep in involved}
    posts = {a.post: base.setting.posts[a.post] for claims_ in assessments.values() for a in claims_ if a.kind}
    phases = assimilate_and_match(review, base.setting, people, assessments, posts, within=reach, also_full=base.filled,
                                  weight=base.weight.__getitem__)
    moved = {}
    for rep in involved:
        slots = [s for s in phases.slots.get(rep, ()) if s.post in reach]
        slots += [s for s in base.slots[rep] if s.post not in reach]
        decision = decision_of(slots)
        if decision != base.decision[rep]:
            moved[rep] = decision
    return moved


def _reach(base: Baseline, changed: dict[str, list[Assessment]]) -> tuple[set[str], set[str]]:
    """Gives the posts a change of some groups' claims can reach (T0 and T1, see `settle_locally`) and the
    groups (by representative) that claim them."""
    def claims(pid: str) -> list[Assessment]:
        return changed[pid] if pid in changed else base.assessments[pid]

    reach = {a.post for pid in changed for a in (*base.assessments[pid], *changed[pid]) if a.kind}
    rechoose = set(changed)
    for post in reach:
        rechoose |= {pid for pid in base.match_claimants.get(post, ()) if pid not in base.assimilated}
    reach |= {a.post for pid in rechoose for a in claims(pid) if a.kind == "match"}
    involved = set(changed)
    for post in reach:
        involved |= base.claimants.get(post, set())
    return reach, involved


def signature(claims: list[Assessment], policy: Policy) -> Signature:
    """Gives what the engine takes from a person's ranked claims: the assimilation claim(s) they pursue, if
    their best claim is one (they are then slotted, and nothing else of theirs is looked at); else their
    match claims in order, each with whether it ties with the next on the ranking figure (a split slot)."""
    if claims and claims[0].kind == "assimilation":
        return ("assimilation", tuple(a.post for a in pursued([a for a in claims[:2] if a.kind == "assimilation"],
                                                                policy)))
    kept = [a for a in claims if a.kind == "match"]
    by = (lambda a: a.old_in_new) if policy.rank_by == "old_in_new" else (lambda a: a.score)
    return ("match", tuple((a.post, i + 1 < len(kept) and by(kept[i + 1]) == by(a)) for i, a in enumerate(kept)))
