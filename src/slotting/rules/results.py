"""What slotting decides, as plain frozen data: no wording (render.wording makes the sentences).

The records made by the thousand (slots, pools, posts, people) are named tuples: immutable, and
made in C.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal, NamedTuple

from ..model import Policy
from .claims import Assessment, Kind
from .pay import Placement

Outcome = Literal["assimilated", "matched", "competitive", "displaced"]
OUTCOMES: tuple[Outcome, ...] = ("assimilated", "matched", "competitive", "displaced")


class Slot(NamedTuple):
    post: str
    basis: Kind
    competitive: bool
    claim: Assessment
    pay: Placement


class Pool(NamedTuple):
    """A post's claimants of one basis, more than its places. Named once; each candidate's competitive slot
    (its post and basis) refers to it."""

    post: str
    basis: Kind
    candidates: tuple[str, ...]
    places: int | Decimal  # FTE (a Decimal) when the policy counts places by FTE
    on_hold: bool
    # Its potential displacements, the candidates beyond its places: len(candidates) - places; counting by
    # FTE, the fewest candidates whose leaving brings the rest within the FTE places.
    beyond: int = 0


class TierResult(NamedTuple):
    """One ring-fence tier of a post: who is eligible; `used` for the first tier with anyone eligible."""

    name: str
    eligible: tuple[str, ...]
    used: bool


class PostResult(NamedTuple):
    """One post of the new structure after slotting: its id, title and places, whether it is on hold, who is
    assimilated and matched to it, its competitive pools, its places left ring-fenced (and the ring-fence tiers
    when the policy sets them)."""

    id: str
    title: str
    places: int | Decimal  # FTE (a Decimal) when the policy counts places by FTE
    on_hold: bool
    assimilated: tuple[str, ...] = ()
    matched: tuple[str, ...] = ()
    pools: tuple[Pool, ...] = ()
    ring_fenced_places: int | Decimal = 0
    ring_fence_tiers: tuple[TierResult, ...] = ()  # only when ring-fence tiers are set


class Alternative(NamedTuple):
    """A ring-fenced post a person at risk may apply for, with what it would mean for them."""

    post: str
    score: Decimal
    grade_distance: int
    new_salary: Decimal
    spinal_point: int
    pay_change: Decimal  # new salary - current salary
    # Within policy.alternatives_limits (always, when the policy sets none): a suitable alternative in the sense of
    # ERA 1996 s.141; `beyond` names the limits it fails ("grade", "pay_loss"). The figures judged, kept for the
    # reason: the % of the current salary lost and the spinal points of the post's spine passed on the way down
    # (both 0 when pay does not fall).
    suitable: bool = True
    beyond: tuple[Literal["grade", "pay_loss"], ...] = ()
    pay_loss: Decimal = Decimal(0)
    points_lost: int = 0


class PersonResult(NamedTuple):
    """One person after slotting: their current post and salary, their outcome (assimilated, matched,
    competitive, displaced), whether on hold, the slots they take with pay, every assessment against a new post
    with its scores, the notes giving the reasons, and when the policy asks their alternatives, the ring-fenced
    posts they may apply for and the allowances protection includes."""

    id: str
    name: str | None
    current_post: str
    current_salary: Decimal
    outcome: Outcome
    on_hold: bool
    slots: tuple[Slot, ...]
    assessments: tuple[Assessment, ...]
    notes: tuple[str, ...]
    alternatives: tuple[Alternative, ...] = ()  # listed only when the policy asks (policy.alternatives)
    may_apply_for: tuple[str, ...] = ()  # ring-fenced posts, only when ring-fence tiers are set
    protected_allowances: Decimal = Decimal(0)  # a year, full time: the allowances policy.protection.includes


@dataclass(frozen=True)
class Summary:
    people: int
    assimilated: int
    matched: int
    competitive: int
    displaced: int
    pools: int
    ring_fenced_places: int | Decimal
    potential_displacements: int


@dataclass(frozen=True)
class RingFence:
    """Who may apply for the ring-fenced places: the same list for every ring-fenced post."""

    may_apply: tuple[str, ...]
    also_open_to: str | None


@dataclass(frozen=True)
class SlottingResult:
    review: str
    policy: Policy
    people: tuple[PersonResult, ...]
    posts: tuple[PostResult, ...]
    summary: Summary
    ring_fence: RingFence
    _people_by_id: dict[str, PersonResult] = field(init=False, repr=False, compare=False)
    _posts_by_id: dict[str, PostResult] = field(init=False, repr=False, compare=False)
    _at_risk: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_people_by_id", {p.id: p for p in self.people})
        object.__setattr__(self, "_posts_by_id", {p.id: p for p in self.posts})
        object.__setattr__(self, "_at_risk", frozenset(self.ring_fence.may_apply))

    def person(self, person_id: str) -> PersonResult | None:
        """Gives a person's result, or None for someone the slotting does not cover."""
        return self._people_by_id.get(person_id)

    def slot_of(self, person_id: str, post_id: str) -> Slot:
        """The slot a person holds on a post (the person must have one there)."""
        return next(s for s in self._people_by_id[person_id].slots if s.post == post_id)

    def at_risk(self, person_id: str) -> bool:
        """True when the person is displaced or a candidate in a competitive pool."""
        return person_id in self._at_risk

    def post(self, post_id: str) -> PostResult:
        """Gives a new post's result."""
        return self._posts_by_id[post_id]

    @property
    def pools(self) -> tuple[Pool, ...]:
        """Gives every competitive pool, in the order of the new posts."""
        return tuple(pool for post in self.posts for pool in post.pools)

    def pools_of(self, person: PersonResult) -> tuple[Pool, ...]:
        """The competitive pools a person is a candidate in (through their competitive slots)."""
        return tuple(pool for s in person.slots if s.competitive
                     for pool in self._posts_by_id[s.post].pools if pool.basis == s.basis)

    def competitors(self, person: PersonResult) -> tuple[str, ...]:
        """The other candidates of a person's pools, by id. Asked person by person, it costs the size of their pools:
        it is not stored, so that a pool of 20,000 does not make 20,000 lists of 19,999."""
        others = {c for pool in self.pools_of(person) for c in pool.candidates}
        others.discard(person.id)
        return tuple(sorted(others))
