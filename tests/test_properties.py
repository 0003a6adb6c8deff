"""Invariants of the engine on random small reviews (hypothesis)."""

from __future__ import annotations

import copy
import random
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from slotting.render.run import run_json

from .conftest import run_slotting, with_base

PERCENTS = st.sampled_from([0, 10, 24, 25, 26, 40, 49, 50, 51, 60, 74, 75, 76, 90, 100])
GRADES = st.sampled_from(["G1", "G2", "G3", "G4"])
RANK = {"assimilated": 3, "matched": 2, "competitive": 1, "displaced": 0}


@st.composite
def reviews(draw) -> dict:
    n_old = draw(st.integers(1, 7))
    n_new = draw(st.integers(1, 5))
    old = [{"id": f"O{i}", "title": f"Old {i}", "grade": draw(GRADES)} for i in range(n_old)]
    new = [{"id": f"N{j}", "title": f"New {j}", "grade": draw(GRADES), "count": draw(st.integers(1, 3)),
            "on_hold": draw(st.booleans())} for j in range(n_new)]
    holders = draw(st.lists(st.sampled_from([p["id"] for p in old]), unique=True))
    people = [{"id": f"P{k}", "post": post, "salary": draw(st.integers(15000, 60000))}
              for k, post in enumerate(holders)]
    pairs = draw(st.lists(st.tuples(st.integers(0, n_old - 1), st.integers(0, n_new - 1)), unique=True, max_size=20))
    overlaps = [{"old_post": f"O{i}", "new_post": f"N{j}", "old_in_new": draw(PERCENTS),
                 "new_from_old": draw(PERCENTS)} for i, j in pairs]
    match, assimilate = sorted(draw(st.tuples(st.sampled_from([25, 50, 66, 75]), st.sampled_from([25, 50, 66, 75]))))
    d_assim = draw(st.integers(0, 1))
    policy = {"assimilate_threshold": assimilate, "match_threshold": match, "split_slots": draw(st.booleans()),
              "overlap_measure": draw(st.sampled_from(["min", "old_in_new", "new_from_old"])),
              "rank_by": draw(st.sampled_from(["old_in_new", "score"])),
              "ring_fence_mode": draw(st.sampled_from(["leftover", "by_overlap"])),
              "alternatives": draw(st.booleans())}
    if draw(st.booleans()):
        policy["ring_fence"] = [{"name": "by overlap", "min_overlap": draw(st.sampled_from([0, 25, 50]))},
                                {"name": "anyone", "outcomes": ["any"], "grade": {"down": 1, "up": 0}}]
    if draw(st.booleans()):
        policy["match_upper"] = draw(st.sampled_from([x for x in (50, 74, 100) if x >= match]))
    if draw(st.booleans()):
        limit = st.one_of(st.none(), st.builds(lambda n: {"percent": n}, st.sampled_from([0, 5, 20])),
                          st.builds(lambda n: {"points": n}, st.integers(0, 3)))
        policy["max_pay_loss"] = {"assimilation": draw(limit), "match": draw(limit)}
    if draw(st.booleans()):  # grade limits down and up apart, the match at least as wide as assimilation
        down, up = draw(st.integers(0, 1)), draw(st.integers(0, 1))
        policy["assimilate_grade"] = {"down": down, "up": up}
        policy["match_grade"] = {"down": draw(st.integers(down, 2)), "up": draw(st.integers(up, 2))}
    else:
        policy["assimilate_grade_distance"] = d_assim
        policy["match_grade_distance"] = draw(st.integers(d_assim, 2))
    return with_base({"policy": policy, "old_structure": {"posts": old}, "new_structure": {"posts": new},
                      "people": people, "overlaps": overlaps})


FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(reviews())
def test_each_person_appears_once(review):
    result = run_slotting(review)
    ids = [p.id for p in result.people]
    assert sorted(ids) == sorted(p["id"] for p in review["people"])
    assert len(ids) == len(set(ids))
    assert sum(getattr(result.summary, o) for o in RANK) == len(ids)


@FAST
@given(reviews())
def test_no_post_is_over_filled(review):
    result = run_slotting(review)
    for post in result.posts:
        assert len(post.assimilated) + len(post.matched) <= post.places
        assert len(post.assimilated) + len(post.matched) + sum(p.places for p in post.pools) + \
            post.ring_fenced_places == post.places
        for pool in post.pools:
            assert len(pool.candidates) > pool.places
    for person in result.people:
        assert len(person.slots) <= 2


@FAST
@given(reviews(), st.randoms(use_true_random=False))
def test_order_of_records_does_not_matter(review, rng: random.Random):
    shuffled = copy.deepcopy(review)
    for key in ("people", "overlaps", "grades"):
        rng.shuffle(shuffled[key])
    for key in ("old_structure", "new_structure"):
        rng.shuffle(shuffled[key]["posts"])
    assert list(run_json(run_slotting(shuffled))) == list(run_json(run_slotting(review)))


@FAST
@given(reviews(), st.data())
def test_raising_an_overlap_never_worsens_an_uncontested_claim(review, data):
    # match_upper makes a higher score worse by design (above it, a claim that cannot assimilate is no
    # match): the property holds for every other policy.
    if not review["people"] or not review["overlaps"] or "match_upper" in review["policy"]:
        return
    person = data.draw(st.sampled_from(review["people"]))
    own = [i for i, o in enumerate(review["overlaps"]) if o["old_post"] == person["post"]]
    if not own:
        return
    index = data.draw(st.sampled_from(own))
    post = review["overlaps"][index]["new_post"]
    before = run_slotting(review)
    others_claim = any(a.post == post and a.kind for p in before.people if p.id != person["id"] for a in p.assessments)
    if others_claim:
        return
    raised = copy.deepcopy(review)
    field = data.draw(st.sampled_from(["old_in_new", "new_from_old"]))
    raised["overlaps"][index][field] = min(100, int(raised["overlaps"][index][field]) + data.draw(st.integers(1, 60)))
    after = run_slotting(raised)
    assert RANK[after.person(person["id"]).outcome] >= RANK[before.person(person["id"]).outcome], (
        before.person(person["id"]), after.person(person["id"]))


@FAST
@given(reviews(), st.sampled_from(["top", "slotted"]))
def test_savings_rows_add_up_and_equality_never_fails(review, basis):
    from slotting.rules.equality import equality
    from slotting.rules.savings import savings

    from .conftest import build

    model = build({**review, "costing": {"on_cost_rate": "0.25", "round_to": "10"}})
    from slotting import slot

    result = slot(model)
    s = savings(model, result, basis)
    assert sum(r.existing_cost for r in s.rows) == s.total.existing_cost
    assert sum(r.new_cost for r in s.rows) == s.total.new_cost
    assert s.total.existing_cost - s.total.new_cost == s.total.saving
    assert all(y.saving == s.total.saving - y.protection for y in s.years)
    assert s.years[-1].protection == 0
    equality(model, result, None, 5)


KINDS = st.sampled_from(["assimilation", "match", None])
DECIMALS = st.sampled_from(["0", "25", "50", "62.5", "75", "75.0", "100"]).map(Decimal)


@given(st.lists(st.tuples(st.sampled_from(["N1", "N2", "N3", "N4"]), DECIMALS, DECIMALS, KINDS), max_size=6))
def test_ranked_orders_as_the_rank_key_does(rows: list):
    """ranked() sorts twice instead of negating Decimals; it must give Assessment.rank's order."""
    from slotting.rules.claims import Assessment, ranked

    assessments = [Assessment(post, a, b, min(a, b), 0, kind, "G1", "G1") for post, a, b, kind in rows]
    assert ranked(list(assessments)) == sorted(assessments, key=Assessment.rank)
