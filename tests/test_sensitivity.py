"""`slotting sensitivity` (issue 17): the sweep of headline figures, and the fragile decisions, whose
reasoning (only the values between the engine's constants, settled locally) is checked against a
brute-force full re-run of every value on small random reviews."""

from __future__ import annotations

import dataclasses
import json
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from slotting import load, slot
from slotting.rules.savings import savings
from slotting.rules.sensitivity import (
    FIGURES,
    THRESHOLDS,
    VaryError,
    _number,
    fragile,
    parse_varies,
    parse_vary,
    range_count,
    sweep,
    variant,
)

from .conftest import EXAMPLE, build, cli, with_base

HALF = Decimal("0.5")


def decisions(review) -> dict:
    return {p.id: (p.outcome, tuple(sorted(s.post for s in p.slots))) for p in slot(review).people}


def brute_force(review, margin: Decimal) -> dict[tuple, Decimal]:
    """Every (person, source, figure) whose decision changes at some value within the margin, with the
    nearest such distance, by re-running the whole slotting at every half point (all figures and
    thresholds of these reviews are whole numbers, so half points reach every distinct case)."""
    before = decisions(review)
    found: dict[tuple, Decimal] = {}
    steps = [k * HALF for k in range(-int(margin * 2), int(margin * 2) + 1) if k]

    def record(key, distance):
        if key not in found or distance < found[key]:
            found[key] = distance

    holders = {}
    for p in review.people:
        holders.setdefault(p.post, []).append(p.id)
    for i, row in enumerate(review.overlaps):
        if row.old_post not in holders:
            continue
        for figure in FIGURES:
            value = _number(getattr(row, figure))
            for step in steps:
                at = value + step
                if not 0 <= at <= 100:
                    continue
                rows = list(review.overlaps)
                rows[i] = dataclasses.replace(row, **{figure: at})
                after = decisions(review.model_copy(update={"overlaps": rows}))
                for pid in holders[row.old_post]:
                    if after[pid] != before[pid]:
                        record((pid, f"overlap {row.old_post} -> {row.new_post}", figure), abs(step))
    for name in THRESHOLDS:
        own = getattr(review.policy, name)
        if own is None:
            continue
        for step in steps:
            at = _number(own) + step
            if not 0 <= at <= 100:
                continue
            try:
                changed = variant(review, {f"policy.{name}": at})
            except VaryError:
                continue
            after = decisions(changed)
            for pid in before:
                if after[pid] != before[pid]:
                    record((pid, "policy", name), abs(step))
    return found


@st.composite
def small_reviews(draw):
    levels = {"G1": 1, "G2": 2, "G3": 3}
    n_old = draw(st.integers(1, 3))
    old = [{"id": f"O{i}", "title": "Old", "grade": draw(st.sampled_from(list(levels))), "count": draw(st.integers(1, 3))}
           for i in range(n_old)]
    new = [{"id": f"N{j}", "title": "New", "grade": draw(st.sampled_from(list(levels))), "count": draw(st.integers(1, 2))}
           for j in range(draw(st.integers(1, 3)))]
    people = []
    for post in old:
        for _ in range(draw(st.integers(0, post["count"]))):
            person = {"id": f"P{len(people)}", "post": post["id"], "salary": draw(st.sampled_from([30000, 31000, 41000]))}
            if draw(st.booleans()):
                person["fte"] = "0.5"
            people.append(person)
    figure = st.sampled_from([20, 24, 25, 26, 50, 60, 70, 74, 75, 76, 80, 100])
    overlaps = [{"old_post": o["id"], "new_post": n["id"], "old_in_new": draw(figure), "new_from_old": draw(figure)}
                for o in old for n in new if draw(st.booleans())]
    policy = {"places": draw(st.sampled_from(["heads", "fte"])), "split_slots": draw(st.booleans()),
              "overlap_measure": draw(st.sampled_from(["min", "old_in_new"]))}
    if draw(st.booleans()):
        policy["match_upper"] = 74
    return with_base({"policy": policy, "old_structure": {"posts": old}, "new_structure": {"posts": new},
                      "people": people, "overlaps": overlaps})


@settings(max_examples=60, deadline=None)
@given(small_reviews(), st.sampled_from([Decimal(1), Decimal(5)]))
def test_fragile_decisions_are_exactly_what_brute_force_finds(data, margin):
    review = build(data)
    found = fragile(review, margin)
    expected = brute_force(review, margin)
    assert {(f.person, f.source, f.figure) for f in found} == set(expected)
    for f in found:
        # Each reported value really changes the decision as said, and is within the margin.
        assert f.distance <= margin and f.distance >= expected[(f.person, f.source, f.figure)]
        if f.source == "policy":
            changed = variant(review, {f"policy.{f.figure}": f.at})
        else:
            old_post, new_post = f.source.removeprefix("overlap ").split(" -> ")
            rows = [dataclasses.replace(o, **{f.figure: f.at}) if (o.old_post, o.new_post) == (old_post, new_post)
                    else o for o in review.overlaps]
            changed = review.model_copy(update={"overlaps": rows})
        assert decisions(changed)[f.person] == (f.then_outcome, f.then_posts)


def test_the_example_lists_the_80_75_person_and_what_they_become_at_74():
    found = [f for f in fragile(load(EXAMPLE), Decimal(5)) if f.source.startswith("overlap")]
    assert [(f.person, f.outcome, f.figure, f.value, f.at, f.then_outcome, f.then_posts) for f in found] == [
        ("P16", "assimilated", "new_from_old", Decimal(75), Decimal(74), "matched", ("NEW-DD-ICA",))]


def test_sweep_of_the_assimilation_threshold_on_the_example():
    review = load(EXAMPLE)
    rows = sweep(review, [parse_vary("assimilate_threshold=74:76:1")])
    assert [(r.values[0], r.own, r.summary.assimilated, r.summary.matched) for r in rows] == [
        (Decimal(74), False, 7, 7), (Decimal(75), True, 7, 7), (Decimal(76), False, 6, 8)]


@pytest.mark.parametrize(("text", "message"), [
    ("colour=1,2", "'colour' is not a numeric field of the policy or costing"),
    ("policy.rank_by=1", "'policy.rank_by' is not a numeric field"),
    ("assimilate_threshold=70:80:0", "the step must not be 0"),
    ("assimilate_threshold=70:80", "a range is START:STOP:STEP"),
    ("assimilate_threshold=a,b", "expected numbers"),
    ("assimilate_threshold=0:1000000:0.001", "the range holds 1,000,000,001 values; at most 1,000 values"),
    ("assimilate_threshold=1000000000:0:-1", "the range holds 1,000,000,001 values; at most 1,000 values"),
    ("assimilate_threshold=" + ",".join(["1"] * 1001), "the list holds 1,001 values; at most 1,000 values"),
    ("assimilate_threshold=1e400:0:-1", "'1e400' is beyond what any field takes"),
    ("assimilate_threshold=nan,1", "expected finite numbers, got 'nan'"),
    ("assimilate_threshold=70:-inf:-1", "expected finite numbers, got '-inf'"),
    ("assimilate_threshold=0:1:1e-400", "'1e-400' has more than 28 decimal places"),
    ("assimilate_threshold", "expected FIELD=START:STOP:STEP"),
])
def test_bad_vary_options_are_named(text, message):
    with pytest.raises(VaryError, match=None) as err:
        parse_vary(text)
    assert message in str(err.value)


@pytest.mark.parametrize(("text", "message"), [
    ("assimilate_threshold=80:70:5", "START is above STOP, so STEP must be negative to walk downwards (e.g. 80:70:-5)"),
    ("assimilate_threshold=70:80:-5", "START is below STOP, so STEP must be more than 0"),
    ("assimilate_threshold=1:2:3:4", "a range is START:STOP:STEP"),
])
def test_a_range_walking_away_from_its_stop_is_a_usage_error(text, message):
    with pytest.raises(VaryError) as err:
        parse_vary(text)
    assert err.value.malformed and message in str(err.value)


def test_a_range_walks_either_way_and_keeps_the_stop_when_reached():
    assert parse_vary("assimilate_threshold=80:70:-5")[1] == (Decimal(80), Decimal(75), Decimal(70))
    assert parse_vary("assimilate_threshold=72:70:-0.7")[1] == (Decimal(72), Decimal("71.3"), Decimal("70.6"))
    assert parse_vary("assimilate_threshold=75:75:-1")[1] == (Decimal(75),)
    # Exact however fine the step: a float or a 28-digit context would round these onto one value.
    values = parse_vary("costing.target_saving=999999999.9999999999999999999999999999:1000000000:1e-28")[1]
    assert values == (Decimal("999999999.9999999999999999999999999999"), Decimal(1000000000))


@settings(max_examples=200, deadline=None)
@given(st.integers(-60, 60), st.integers(-60, 60), st.integers(-25, 25).filter(bool), st.sampled_from([0, 1, 2]))
def test_a_range_is_counted_as_walking_it_would_count(start, stop, step, places):
    """The count made by arithmetic alone equals the number of values a walk from START reaches."""
    scale = Decimal(10) ** -places
    a, b, c = Decimal(start) * scale, Decimal(stop) * scale, Decimal(step) * scale
    if (b - a) * c < 0:
        with pytest.raises(VaryError):
            range_count(a, b, c)
        return
    walked, value = [], a
    while (value <= b) if c > 0 else (value >= b):
        walked.append(value)
        value += c
    assert range_count(a, b, c) == len(walked)
    assert parse_vary(f"costing.target_saving={a}:{b}:{c}")[1] == tuple(walked)


def test_a_grid_is_counted_before_it_is_made():
    three = [f"{field}=1:1000:1" for field in ("assimilate_threshold", "match_threshold", "match_upper")]
    with pytest.raises(VaryError) as err:
        parse_varies(three)
    assert "1,000 x 1,000 x 1,000 = 1,000,000,000 variants; at most 1,000" in str(err.value)
    assert not err.value.malformed

    class Huge(tuple):
        """Values that would take forever to go through: the sweep must refuse them by their count."""

        def __iter__(self):
            raise AssertionError("the grid was expanded before its size was checked")

        def __len__(self):
            return 10**9

    with pytest.raises(VaryError, match="1,000,000,000 variants"):
        sweep(load(EXAMPLE), [("policy.assimilate_threshold", Huge())])


def test_the_options_of_a_sweep_are_bounded():
    with pytest.raises(VaryError, match="11 --vary options; at most 10"):
        parse_varies(["assimilate_threshold=75"] * 11)
    with pytest.raises(VaryError, match="varied more than once") as err:
        parse_varies(["assimilate_threshold=75", "policy.assimilate_threshold=76"])
    assert err.value.malformed
    with pytest.raises(VaryError, match="at most 100,000"):
        parse_vary("assimilate_threshold=" + "1" * 100_001)
    assert parse_varies(["assimilate_threshold=70:79:1", "match_threshold=20:119:1"])[1][1][-1] == 119


def test_a_variant_that_contradicts_the_policy_names_the_value():
    with pytest.raises(VaryError) as err:
        sweep(load(EXAMPLE), [parse_vary("match_threshold=80")])
    assert "policy.match_threshold=80" in str(err.value) and "expected at most assimilate_threshold" in str(err.value)


def test_sensitivity_command_on_the_example():
    result = cli("sensitivity", str(EXAMPLE), "--vary", "assimilate_threshold=70:80:5", "--margin", "5")
    assert result.exit_code == 0, result.stderr
    assert "P16" in result.stdout and "74" in result.stdout
    data = json.loads(cli("sensitivity", str(EXAMPLE), "--vary", "assimilate_threshold=75,76", "-f", "json").stdout)
    assert [row["own"] for row in data["sweep"]["rows"]] == [True, False]
    bad = cli("sensitivity", str(EXAMPLE), "--vary", "colour=1")
    assert bad.exit_code == 1 and "'colour' is not a numeric field" in bad.stderr


def test_the_sweeps_shortcuts_give_what_the_full_rules_give(tmp_path):
    """The sweep counts outcomes without building the person-by-person result, shares the policy-independent
    setting between variants, and costs the new posts once when they are costed at the top of the grade:
    each variant's row must equal a full run of that variant."""
    from slotting.rules.savings import savings

    from .support.generate import build as generated
    from .support.generate import write_yaml

    path = tmp_path / "r.yaml"
    write_yaml(generated(400, generic=True), path)
    for review in (load(EXAMPLE), load(path)):
        varies = [parse_vary("assimilate_threshold=60:90:5"), parse_vary("match_grade_distance=0,1,2")]
        for row in sweep(review, varies):
            changed = variant(review, {"policy.assimilate_threshold": row.values[0],
                                       "policy.match_grade_distance": row.values[1]})
            full = slot(changed)
            assert row.summary == full.summary
            assert row.saving == savings(changed, full).total.saving


def test_a_threshold_written_as_a_fraction_can_be_swept():
    """examples/policies/nhs_two_thirds.yaml sets assimilate_threshold: 2/3 (exact): sweeping the field compares the
    file's own value exactly, never as a Decimal it cannot be (this ended in exit 3)."""
    from .conftest import ROOT

    path = ROOT / "examples" / "policies" / "nhs_two_thirds.yaml"
    result = cli("sensitivity", str(path), "--vary", "assimilate_threshold=60:70:5", "--format", "json")
    assert result.exit_code == 0, result.output
    import json

    sweep = json.loads(result.stdout)["sweep"]
    assert sweep["own"] == [200 / 3]
    assert [row["values"]["policy.assimilate_threshold"] for row in sweep["rows"]] == [60, 65, 70]
    assert not any(row["own"] for row in sweep["rows"])


# --- the finance view's figures (issue 26) ---------------------------------------------------------------------------
def _finance_of(review):
    """The finance view's headline figures of a full run: slotted and costed afresh, nothing shared."""
    from slotting.rules.finance_headline import finance_headline
    from slotting.rules.savings import savings

    view = savings(review, slot(review)).finance
    return None if view is None else finance_headline(view)


def test_a_sweep_rows_finance_figures_are_a_full_savings_run_at_that_value():
    """Only policy fields vary, and the new posts are costed at the top of their grade: the full-year saving is
    the file's for every variant, but protection and exit costs follow the slotting (a match threshold of 50
    displaces nine people) and the policy (protection years, notice): each row must be its own full run."""
    from .conftest import ROOT

    review = load(ROOT / "examples" / "finance" / "leicester_2011_finance.yaml")
    varies = [parse_vary("match_threshold=25,45,50"), parse_vary("protection_years=1,2"),
              parse_vary("notice_weeks=0,26")]
    rows = sweep(review, varies)
    for row in rows:
        changed = variant(review, {"policy.match_threshold": row.values[0], "policy.protection_years": row.values[1],
                                   "policy.notice_weeks": row.values[2]})
        full = _finance_of(changed)
        assert full is not None and row.finance == full
        view = savings(changed, slot(changed)).finance
        assert row.finance.net_saving == view.years[-1].cumulative_net_saving
        assert row.finance.exit_costs == view.exit_costs.total and row.finance.payback_month == view.payback_month
    assert len({r.finance.exit_costs for r in rows}) > 2 and len({r.finance.protection for r in rows}) > 2
    own = next(r for r in rows if r.values == (25, 2, 0))
    assert (own.finance.net_saving, own.finance.payback_month) == (4023100, 3)


def test_a_variant_that_asks_for_the_finance_view_has_its_figures():
    """A protection cap asks for the finance view: the example (which does not ask) swept over caps gives each
    row the view of a full run (the variant once kept the file's "no finance view" answer)."""
    review = load(EXAMPLE)
    rows = sweep(review, [parse_vary("policy.protection.cap=5000,10000")])
    assert [r.finance == _finance_of(variant(review, {"policy.protection.cap": r.values[0]})) for r in rows] == [True] * 2
    assert rows[0].finance is not None and rows[0].finance.protection < rows[1].finance.protection
    assert all(r.finance is None for r in sweep(review, [parse_vary("assimilate_threshold=70,75")]))


def test_the_sweep_gains_the_finance_columns_only_with_the_view():
    from .conftest import ROOT

    path = ROOT / "examples" / "finance" / "leicester_2011_finance.yaml"
    shown = cli("sensitivity", str(path), "--vary", "match_threshold=25,50", "--margin", "0", "-f", "markdown")
    assert shown.exit_code == 0, shown.stderr
    assert "| one-off exit costs | net saving, all years | payback month |" in shown.stdout
    assert "| 25 (file) | 20 | 7 | 7 | 6 | 0 | 3 | £1,147,100 | met | £177,964.04 | £4,023,100 | 3 |" in shown.stdout
    data = json.loads(cli("sensitivity", str(path), "--vary", "match_threshold=25", "--margin", "0", "-f", "json").stdout)
    assert data["sweep"]["rows"][0]["finance"] == {
        "first_year": "2011/12", "last_year": "2015/16", "first_year_protection": 53500, "protection": 435300,
        "exit_costs": 177964.04, "net_saving": 4023100, "payback_month": 3, "horizon_months": 50}
    csv_out = cli("sensitivity", str(path), "--vary", "match_threshold=25", "--margin", "0", "-f", "csv").stdout
    assert csv_out.splitlines()[0].endswith(",own,first_year,last_year,first_year_protection,protection,exit_costs,"
                                            "net_saving,payback_month,horizon_months")
    plain = cli("sensitivity", str(EXAMPLE), "--vary", "assimilate_threshold=75", "--margin", "0", "-f", "json")
    assert "finance" not in json.loads(plain.stdout)["sweep"]["rows"][0]
    plain_csv = cli("sensitivity", str(EXAMPLE), "--vary", "assimilate_threshold=75", "--margin", "0", "-f", "csv")
    assert plain_csv.stdout.splitlines()[0].endswith(",full_year_saving,target_met,own")
    assert "net saving" not in cli("sensitivity", str(EXAMPLE), "--vary", "assimilate_threshold=75").stdout
