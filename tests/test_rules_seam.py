"""The engine's public seam (rules.engine.assimilate_and_match) and the sensitivity package over it (issue 31
item 4): the seam slots as `slot` does, a local run within some posts agrees with the whole run, the fragile
search uses the engine's public names only, and a search with pay-loss limits (each holder judged apart) is
what brute force finds."""

from __future__ import annotations

import ast
from decimal import Decimal
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import slotting.rules.engine as engine
from slotting import load, slot
from slotting.rules.engine import assess, assimilate_and_match, setting
from slotting.rules.sensitivity import fragile

from .conftest import EXAMPLE, build
from .support.generate import build as generated
from .support.generate import write_yaml
from .test_sensitivity import brute_force, small_reviews

SENSITIVITY = Path(engine.__file__).parent / "sensitivity"


def _slots(slots) -> tuple:
    return tuple(sorted((s.post, s.basis, s.competitive, s.pay.amount) for s in slots))


def _generic(folder: Path):
    """The synthetic review of 300 people on generic posts (ten holders a post), loaded."""
    path = folder / "review.yaml"
    write_yaml(generated(300, generic=True), path)
    return load(path)


def test_the_seam_gives_each_person_the_slots_slot_gives(tmp_path):
    for review in (load(EXAMPLE), _generic(tmp_path)):
        prepared = setting(review)
        phases = assimilate_and_match(review, prepared, prepared.people, assess(review, prepared, prepared.people))
        whole = slot(review)
        assert whole.people, review.review.name
        for person in whole.people:
            assert _slots(phases.slots.get(person.id, ())) == _slots(person.slots), person.id
        for post in whole.posts:  # a post left with no place by assimilation gets no match and no ring-fence
            if post.id in phases.full:
                assert not post.matched and not post.ring_fenced_places, post.id


def test_a_run_within_some_posts_agrees_with_the_whole_run_on_them(tmp_path):
    review = _generic(tmp_path)
    prepared = setting(review)
    claims = assess(review, prepared, prepared.people)
    whole = assimilate_and_match(review, prepared, prepared.people, claims)
    claimed = sorted({a.post for ranked in claims.values() for a in ranked if a.kind})
    for start in range(0, len(claimed), 7):  # every window of posts, so that some people's best claim lies outside it
        reach = set(claimed[start:start + 7])
        people = [p for p in prepared.people if any(a.kind and a.post in reach for a in claims[p.id])]
        posts = {a.post: prepared.posts[a.post] for p in people for a in claims[p.id] if a.kind}
        local = assimilate_and_match(review, prepared, people, {p.id: claims[p.id] for p in people}, posts,
                                     within=reach, also_full=whole.full)
        for person in people:
            assert (_slots(s for s in local.slots.get(person.id, ()) if s.post in reach)
                    == _slots(s for s in whole.slots.get(person.id, ()) if s.post in reach)), (person.id, start)


def test_the_sensitivity_package_uses_only_the_engines_public_names():
    used: set[str] = set()
    for path in SENSITIVITY.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").endswith("engine"):
                used |= {alias.name for alias in node.names}
    assert used, "the package slots through the engine"
    assert not [name for name in used if name.startswith("_")]
    assert "phases" not in used and not hasattr(engine, "phases")  # the engine's state stays inside it


@settings(max_examples=25, deadline=None)
@given(small_reviews(), st.sampled_from([Decimal(1), Decimal(5)]), st.sampled_from(["5", "25"]))
def test_fragile_decisions_under_pay_loss_limits_are_what_brute_force_finds(data, margin, percent):
    data["policy"]["max_pay_loss"] = {"match": {"percent": percent}}
    review = build(data)
    found = fragile(review, margin)
    expected = brute_force(review, margin)
    assert {(f.person, f.source, f.figure) for f in found} == set(expected)
    for f in found:
        assert expected[(f.person, f.source, f.figure)] <= f.distance <= margin


def test_the_names_other_packages_import_stay_importable():
    from slotting.rules import decisions, sensitivity

    for name in ("sensitivity", "VaryError", "parse_varies", "Fragile", "Headline", "SensitivityResult", "sweep",
                 "fragile", "variant", "parse_vary", "range_count", "FIGURES", "THRESHOLDS", "_number"):
        assert hasattr(sensitivity, name), name
    assert callable(sensitivity.sensitivity)
    for name in ("Decided", "Standing", "Offer", "Step", "STATUSES", "NO_PAYMENT", "PROPOSAL", "current", "decided",
                 "decision_problems"):
        assert hasattr(decisions, name), name


def test_one_person_with_the_claims_of_several_and_their_share_is_slotted_as_each_of_them(tmp_path):
    """The seam's weight: the holders of a generic post share their claims, so the first of them with all their
    places (heads, or FTE) is slotted as every one of them is in the whole run."""
    review = _generic(tmp_path)
    prepared = setting(review)
    claims = assess(review, prepared, prepared.people)
    whole = assimilate_and_match(review, prepared, prepared.people, claims)
    members: dict[str, list[str]] = {}
    for p in prepared.people:
        members.setdefault(p.post, []).append(p.id)
    reps = [p for p in prepared.people if members[p.post][0] == p.id]
    assert len(reps) < len(prepared.people)
    share = {p.id: sum(review.fte(m) if review.policy.places == "fte" else 1 for m in members[p.post]) for p in reps}
    grouped = assimilate_and_match(review, prepared, reps, {p.id: claims[p.id] for p in reps}, weight=share.__getitem__)
    for rep in reps:
        expected = {tuple(sorted((s.post, s.basis, s.competitive) for s in whole.slots.get(m, ()))) for m in members[rep.post]}
        assert expected == {tuple(sorted((s.post, s.basis, s.competitive) for s in grouped.slots.get(rep.id, ())))}, rep.id
    assert set(grouped.full) == set(whole.full)
