"""The library API: a notebook or another tool uses only the names in slotting.__all__."""

from __future__ import annotations

import importlib

from .conftest import EXAMPLE


def test_load_slot_cost_and_equality_through_the_public_names():
    api = importlib.import_module("slotting")
    names = {name: getattr(api, name) for name in api.__all__}
    review = names["load"](EXAMPLE)
    assert isinstance(review, names["ReviewFile"]) and isinstance(review.policy, names["Policy"])
    result = names["slot"](review)
    assert isinstance(result, names["SlottingResult"])
    s = result.summary
    assert (s.assimilated, s.matched, s.competitive, s.pools, s.potential_displacements, s.ring_fenced_places) == \
        (7, 7, 6, 3, 3, 3)  # the published outcome counts (EIA Part 2 q.3)
    figures = names["cost"](review, result)
    assert isinstance(figures, names["SavingsResult"])
    assert (figures.total.existing_cost, figures.total.new_cost) == (3475500, 2328400) and figures.target_met
    summary = names["equality_summary"](review, result, by=["gender"], suppress_below=0)
    assert isinstance(summary, names["EqualityResult"])
    assert summary.breakdowns[0].counts["F"]["assimilated"] == 5


def test_bad_input_raises_input_error_with_located_problems(tmp_path):
    import slotting

    path = tmp_path / "r.yaml"
    path.write_text(EXAMPLE.read_text(encoding="utf-8").replace("salary: 109000", "salary: -1", 1), encoding="utf-8")
    try:
        slotting.load(path)
    except slotting.InputError as err:
        [problem] = err.problems
        assert isinstance(problem, slotting.Problem) and problem.path == "people[0].salary" and problem.line
    else:
        raise AssertionError("an invalid review must raise InputError")


def test_every_public_name_resolves_and_nothing_else_is_promised():
    import slotting

    assert sorted(slotting.__all__) == sorted(set(slotting.__all__))
    for name in slotting.__all__:
        assert getattr(slotting, name) is not None
