"""Rule edges that mutation testing found untested (issue 13): each test would fail if the rule were
changed, worked by hand in its docstring or comments."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from slotting import cost, load, slot
from slotting.rules.pay import BOTTOM, NEAREST, TOP, placer

from .conftest import EXAMPLE, build, cli, with_base, write

# --- pay placement (report s.8.2) ---------------------------------------------------------------


def grade_on(points: dict[int, int], tie: str = "higher", protection_years: int = 2):
    review = build(with_base({
        "policy": {"nearest_point_tie": tie, "protection_years": protection_years},
        "pay_spines": {"S": points},
        "grades": [{"id": "G", "name": "G", "level": 1, "spine": "S", "points": [min(points), max(points)]}],
    }))
    return placer(review, review.grade["G"])


@pytest.mark.parametrize(("salary", "tie", "point", "rule"), [
    ("25000", "higher", 3, NEAREST),   # nearer 26,000 (1,000) than 22,000 (3,000): the bisection path
    ("24000", "higher", 3, "exactly between"),  # half way between 22,000 and 26,000: the higher point
    ("24000", "lower", 2, "exactly between"),
    ("23999", "higher", 2, NEAREST),   # one pound below half way: the lower point, whatever the tie rule
    ("30000", "higher", 4, TOP),       # at the top
    ("31000", "lower", 4, TOP),        # above the top, even with the lower tie rule
    ("20000", "higher", 1, BOTTOM),    # at the bottom
    ("19000", "higher", 1, BOTTOM),
])
def test_placement_point_and_the_rule_that_explains_it(salary, tie, point, rule):
    place = grade_on({1: 20000, 2: 22000, 3: 26000, 4: 30000}, tie)
    placed = place(Decimal(salary))
    assert placed.point == point
    assert rule in placed.rule


def test_equal_amounts_go_to_the_lower_point_number():
    """Two points with one amount (a spine that pays two points alike): the lower number is taken."""
    place = grade_on({1: 20000, 2: 22000, 3: 22000, 4: 30000})
    assert place(Decimal(22100)).point == 2
    assert place(Decimal(22000)).point == 2


def test_protection_is_the_fall_in_pay_only():
    place = grade_on({1: 20000, 2: 22000, 3: 26000, 4: 30000})
    assert place(Decimal(31000)).protection == Decimal(1000)   # placed on 30,000
    assert place(Decimal(19000)).protection == 0               # pay rises to 20,000
    assert grade_on({1: 20000, 2: 30000}, protection_years=0)(Decimal(31000)).protection == 0


# --- outcomes -----------------------------------------------------------------------------------


def test_a_displaced_person_is_not_on_hold_and_json_says_false(tmp_path):
    review = with_base({
        "old_structure": {"posts": [{"id": "O1", "title": "o", "grade": "G2"}]},
        "new_structure": {"posts": [{"id": "N1", "title": "n", "grade": "G2", "on_hold": True}]},
        "people": [{"id": "P1", "post": "O1", "salary": 31000}],
        "overlaps": [{"old_post": "O1", "new_post": "N1", "old_in_new": 10, "new_from_old": 10}],
    })
    data = json.loads(cli("run", str(write(tmp_path, "r.yaml", review)), "--format", "json").stdout)
    assert data["people"][0]["outcome"] == "displaced" and data["people"][0]["on_hold"] is False


# --- savings ------------------------------------------------------------------------------------

POOLED = with_base({
    "costing": {"on_cost_rate": "0", "round_to": "1"},
    "old_structure": {"posts": [{"id": f"O{i}", "title": "o", "grade": "G2"} for i in (1, 2, 3)]},
    "new_structure": {"posts": [{"id": "N1", "title": "n", "grade": "G2", "count": 2}]},
    # P1 assimilates to N1 (90/90); P2 and P3 both match N1's one place left: a pool of two for one.
    "people": [{"id": "P1", "post": "O1", "salary": 31000}, {"id": "P2", "post": "O2", "salary": 33000},
               {"id": "P3", "post": "O3", "salary": 30500}],
    "overlaps": [{"old_post": "O1", "new_post": "N1", "old_in_new": 90, "new_from_old": 90},
                 {"old_post": "O2", "new_post": "N1", "old_in_new": 50, "new_from_old": 50},
                 {"old_post": "O3", "new_post": "N1", "old_in_new": 50, "new_from_old": 50}],
})


def test_slotted_basis_costs_a_pool_at_the_mean_of_its_candidates_beside_a_direct_slot():
    """N1: P1 assimilated at SP5 31,000; the pool's one place at the mean of P2 (SP6 32,000) and
    P3 (SP5 31,000) = 31,500. New cost 62,500; at the top it would be 2 x 32,000 = 64,000."""
    review = build(POOLED)
    result = slot(review)
    [post] = result.posts
    assert post.assimilated == ("P1",) and [p.candidates for p in post.pools] == [("P2", "P3")]
    assert cost(review, result, basis="slotted").total.new_cost == Decimal(62500)
    assert cost(review, result, basis="top").total.new_cost == Decimal(64000)


def test_protection_of_a_pool_is_its_places_times_the_mean_of_its_candidates():
    """P2 falls 33,000 -> 32,000 (1,000); P3 30,500 -> 31,000 (none): the pool's one place costs
    (1,000 + 0) / 2 = 500 a year; P1 31,000 -> 31,000 none. Over protection_years: 1, one year only."""
    review = build({**POOLED, "policy": {"protection_years": "1"}})
    s = cost(review, slot(review))
    assert s.protection_by_year == (Decimal(500),)
    assert [(y.year, y.protection) for y in s.years] == [(1, Decimal(500)), (2, Decimal(0))]


def test_round_to_one_keeps_every_pound_and_rows_add_up():
    review = build({**POOLED, "costing": {"on_cost_rate": "0.333", "round_to": "1"}})
    s = cost(review, slot(review))
    # 94,500 x 1.333 = 125,968.5: half up to the pound is 125,969 (to £10 it would be 125,970)
    assert s.total.existing_cost == sum(r.existing_cost for r in s.rows) == Decimal(125969)
    assert s.total.new_cost == sum(r.new_cost for r in s.rows)


def test_a_saving_exactly_equal_to_the_target_meets_it(tmp_path):
    review = build(POOLED)
    result = slot(review)
    saving = cost(review, result).total.saving
    assert cost(review, result, target=saving).target_met is True
    assert cost(review, result, target=saving + 1).target_met is False


def test_estimated_points_are_listed_by_label():
    """At the top of the grade no estimated point is used (every top is published); slotted, P04's
    place on NEW-SD-ECS is costed at the estimated SP17."""
    review = load(EXAMPLE)
    assert cost(review, slot(review)).estimated_points == ()
    assert cost(review, slot(review), basis="slotted").estimated_points == ("SP17 £114734 (slotted to NEW-SD-ECS)",)


# --- redundancy estimate ------------------------------------------------------------------------


def redundancy_of(effective_date: str | None, people: list[dict], options: dict | None = None):
    review = with_base({
        "review": {"name": "r", **({"effective_date": effective_date} if effective_date else {})},
        "costing": {"on_cost_rate": "0", "round_to": "1", "redundancy": options or {}},
        "old_structure": {"posts": [{"id": f"O{i}", "title": "o", "grade": "G2"} for i in range(len(people))]},
        "new_structure": {"posts": [{"id": "N1", "title": "n", "grade": "G2"}]},
        "people": [{"id": f"P{i}", "post": f"O{i}", "salary": 52000, **p} for i, p in enumerate(people)],
    })
    model = build(review)
    return cost(model, slot(model)).redundancy


def test_no_weekly_limit_before_the_first_known_one():
    r = redundancy_of("2009-01-01", [{"age": 50, "service_years": 10}])
    assert r is not None and r.total == 0 and "No statutory weekly limit" in r.notes[0]


def test_no_effective_date_takes_the_latest_limit_and_says_so():
    r = redundancy_of(None, [{"age": 50, "service_years": 10}])
    assert r is not None and "latest known weekly limit" in r.notes[0]
    assert r.people[0].cost is not None and r.people[0].cost.week_pay == Decimal(719)


def test_age_or_service_missing_is_listed_not_guessed():
    r = redundancy_of("2012-06-01", [{"age": 50, "service_years": 10}, {"age": 50}, {"service_years": 5}])
    assert r is not None and r.not_estimated == ("P1", "P2")
    assert redundancy_of("2012-06-01", [{"age": 50}]) is None


def test_actual_weeks_pay_and_multiplier_from_the_review():
    """Age 50, 10 years (ages 40-49: 1 x 1 + 9 x 1.5 = 14.5 weeks); salary 52,000 = 1,000 a week.
    Capped at 430 (Feb 2012 order): 6,235. Actual week's pay (reg 5): 14,500. x2 (reg 6): 29,000."""
    person = [{"age": 50, "service_years": 10}]
    assert redundancy_of("2012-06-01", person).total == Decimal("6235.0")
    assert redundancy_of("2012-06-01", person, {"actual_weeks_pay": True}).total == Decimal(14500)
    assert redundancy_of("2012-06-01", person, {"actual_weeks_pay": True, "multiplier": 2}).total == Decimal(29000)


# --- policy validation by behaviour -------------------------------------------------------------


@pytest.mark.parametrize(("policy", "message"), [
    ("assimilate_threshold: 101", "policy.assimilate_threshold: expected a number of at most 100"),
    ("assimilate_threshold: 2/0", "policy.assimilate_threshold: expected a fraction with a denominator above 0"),
    ("assimilate_threshold: 3/2", "policy.assimilate_threshold: expected a number of at most 100"),
    ("assimilate_threshold: two-thirds", "policy.assimilate_threshold: expected a number, or a fraction of the whole"),
    ("thresold: 75", "policy.thresold: unknown key 'thresold'"),
    ('split_slots: "yes"', "policy.split_slots: expected true or false"),
    ("match_grade_distance: 1000", "policy.match_grade_distance: expected a number of at most 100"),
    ("overlap_measure: max", "policy.overlap_measure: expected 'min', 'old_in_new' or 'new_from_old'"),
])
def test_a_bad_policy_is_refused_with_its_field(tmp_path, policy: str, message: str):
    import re

    key = policy.split(":")[0]
    text = EXAMPLE.read_text(encoding="utf-8")
    if re.search(rf"^  {key}:", text, re.MULTILINE):
        text = re.sub(rf"^  {key}: [^#\n]*", "  " + policy + " ", text, count=1, flags=re.MULTILINE)
    else:
        text = text.replace("  nearest_point_tie: higher", "  nearest_point_tie: higher\n  " + policy, 1)
    path = tmp_path / "r.yaml"
    path.write_text(text, encoding="utf-8")
    result = cli("validate", str(path))
    assert result.exit_code == 1 and message in result.stderr, result.stderr


# --- what the first mutation run left alive (see the README, Development) ----------------------

ESTIMATED_TOPS = with_base({
    "costing": {"on_cost_rate": "0", "round_to": "1"},
    # SP6 (the top of G2) and SP9 (the top of G3) are estimated amounts.
    "pay_spines": {"S": {"1": "20000", "2": "21000", "3": "22000", "4": "30000", "5": "31000",
                         "6": {"amount": "32000", "estimated": True}, "7": "40000", "8": "41000",
                         "9": {"amount": "42000", "estimated": True}, "10": "50000", "11": "51000"}},
    "old_structure": {"posts": [{"id": "O1", "title": "o", "grade": "G2"}, {"id": "O2", "title": "o", "grade": "G2"},
                                {"id": "O3", "title": "vacant", "grade": "G3"}]},
    "new_structure": {"posts": [{"id": "N1", "title": "n", "grade": "G2"}, {"id": "N2", "title": "n", "grade": "G2"}]},
    # P1 (33,000) assimilates to N1 at SP6, protected 1,000; P2 (32,500) matches N2 at SP6, protected 500.
    "people": [{"id": "P1", "post": "O1", "salary": 33000}, {"id": "P2", "post": "O2", "salary": 32500}],
    "overlaps": [{"old_post": "O1", "new_post": "N1", "old_in_new": 90, "new_from_old": 90},
                 {"old_post": "O2", "new_post": "N2", "old_in_new": 50, "new_from_old": 50}],
})


def test_every_estimated_amount_used_is_named_once():
    """Top basis: O3 vacant at G3's estimated top; N1 and N2 at G2's; P1's and P2's protection both
    come from slotting at the estimated SP6. Slotted basis: N1 and N2 are filled at SP6 (estimated)
    so the top of G2 is not used for them."""
    review = build(ESTIMATED_TOPS)
    result = slot(review)
    top = cost(review, result, basis="top").estimated_points
    assert top == ("S SP6 (top of G2) £32000", "S SP9 (top of G3) £42000",
                   "SP6 £32000 (slotted to N1)", "SP6 £32000 (slotted to N2)")
    slotted = cost(review, result, basis="slotted").estimated_points
    assert slotted == ("S SP9 (top of G3) £42000", "SP6 £32000 (slotted to N1)", "SP6 £32000 (slotted to N2)")


def test_a_pool_on_an_estimated_point_names_its_candidates_points():
    review = build({**ESTIMATED_TOPS, "overlaps": [
        {"old_post": "O1", "new_post": "N1", "old_in_new": 50, "new_from_old": 50},
        {"old_post": "O2", "new_post": "N1", "old_in_new": 50, "new_from_old": 50}]})
    result = slot(review)
    assert [p.candidates for p in result.pools] == [("P1", "P2")]
    points = cost(review, result, basis="slotted").estimated_points
    assert "SP6 £32000 (slotted to N1), SP6 £32000 (slotted to N1)" in points


def test_the_conventions_name_the_basis():
    review = build(POOLED)
    result = slot(review)
    assert cost(review, result, basis="top").conventions[2] == "New posts: at the top of the grade, for every place."
    assert cost(review, result, basis="slotted").conventions[2] == (
        "New posts: filled places at the slotted salary (a competitive pool's places at the mean of its "
        "candidates' slotted salaries), empty places at the top of the grade.")


def test_the_redundancy_estimate_in_words_and_its_lists(tmp_path):
    none_known = redundancy_of("2009-01-01", [{"age": 50, "service_years": 10}])
    assert (none_known.people, none_known.pools, none_known.not_estimated) == ((), (), ())
    assert none_known.notes == ("No statutory weekly limit is known for the review's effective date.",)
    known = redundancy_of("2012-06-01", [{"age": 50, "service_years": 10}])
    assert [(p.person, p.reason) for p in known.people] == [("P0", "displaced")]
    assert known.notes[-1] == ("An estimate, not an entitlement: each competitive pool's likely displacements are "
                               "costed at the mean estimate of its candidates; pension strain costs are not included.")


def test_the_note_names_every_post_filled_before_matching():
    review = with_base({
        "old_structure": {"posts": [{"id": f"O{i}", "title": "o", "grade": "G2"} for i in (1, 2, 3)]},
        "new_structure": {"posts": [{"id": f"N{i}", "title": "n", "grade": "G2"} for i in (1, 2, 3)]},
        "people": [{"id": f"P{i}", "post": f"O{i}", "salary": 31000} for i in (1, 2, 3)],
        "overlaps": [{"old_post": "O1", "new_post": "N1", "old_in_new": 90, "new_from_old": 90},
                     {"old_post": "O2", "new_post": "N2", "old_in_new": 90, "new_from_old": 90},
                     {"old_post": "O3", "new_post": "N1", "old_in_new": 60, "new_from_old": 60},
                     {"old_post": "O3", "new_post": "N2", "old_in_new": 50, "new_from_old": 50},
                     {"old_post": "O3", "new_post": "N3", "old_in_new": 40, "new_from_old": 40}]})
    result = slot(build(review))
    assert result.person("P3").notes == ("match claim(s) on N1, N2 not pursued: no place left after assimilation",)
    assert [s.post for s in result.person("P3").slots] == ["N3"]


def test_a_tie_names_the_point_the_policy_takes():
    for tie in ("higher", "lower"):
        placed = grade_on({1: 20000, 2: 22000, 3: 26000, 4: 30000}, tie)(Decimal(24000))
        assert placed.rule == f"exactly between two points: the {tie} point is taken (policy nearest_point_tie)"


def test_a_tie_takes_the_higher_amount_whichever_point_is_estimated():
    from slotting.rules.pay import nearest_point

    points = [(1, Decimal(20000), True), (2, Decimal(22000), False), (3, Decimal(22000), False),
              (4, Decimal(26000), False)]
    (point, amount, _), rule = nearest_point(Decimal(24000), points, "higher")
    assert (point, amount) == (4, Decimal(26000)) and "exactly between" in rule
    points = [(1, Decimal(20000), False), (2, Decimal(22000), True), (3, Decimal(26000), False),
              (4, Decimal(30000), False)]
    assert nearest_point(Decimal(24000), points, "higher")[0][0] == 3


def test_a_vacant_post_at_a_published_top_names_no_estimate():
    review = build({**POOLED, "old_structure": {"posts": [
        *POOLED["old_structure"]["posts"], {"id": "O9", "title": "vacant", "grade": "G2"}]}})
    s = cost(review, slot(review))
    assert s.estimated_points == () and s.total.existing_cost == Decimal(94500 + 32000)


# --- policies of other employers (issue 14, first items) ----------------------------------------


@pytest.mark.parametrize(("policy", "message"), [
    ("assimilate_grade: {down: 1, up: 0}\n  assimilate_grade_distance: 0",
     "policy: give assimilate_grade or assimilate_grade_distance, not both"),
    ("match_grade: {down: -1, up: 0}", "policy.match_grade.down: expected a number of at least 0"),
    ("match_grade: {down: 1}", "policy.match_grade.up: missing required key 'up'"),
    ("rank_by: new_from_old", "policy.rank_by: expected 'old_in_new' or 'score'"),
    ("max_pay_loss: {match: {percent: 5, points: 2}}", "policy.max_pay_loss.match: give percent or points"),
    ("max_pay_loss: {match: {percent: 101}}", "policy.max_pay_loss.match.percent: expected a number of at most 100"),
    ("match_upper: 20", "policy.match_upper: expected at least match_threshold (25); got 20"),
])
def test_a_bad_grade_limit_or_ranking_is_refused(tmp_path, policy: str, message: str):
    text = EXAMPLE.read_text(encoding="utf-8")
    for key in ("assimilate_grade_distance", "match_grade_distance"):
        text = text.replace(f"  {key}: ", f"  # {key}: ", 1)
    text = text.replace("  nearest_point_tie: higher", "  nearest_point_tie: higher\n  " + policy, 1)
    path = tmp_path / "r.yaml"
    path.write_text(text, encoding="utf-8")
    result = cli("validate", str(path))
    assert result.exit_code == 1 and message in result.stderr, result.stderr


def test_a_match_must_allow_what_assimilation_allows():
    review = with_base({"policy": {"assimilate_grade": {"down": 1, "up": 0}, "match_grade": {"down": 0, "up": 1}}})
    with pytest.raises(Exception) as err:
        build(review)
    assert "a match must allow at least the grade distances assimilation allows (1 down and 0 up)" in str(err.value)


def test_explain_states_asymmetric_limits_and_the_ranking(tmp_path):
    review = with_base({
        "policy": {"assimilate_grade": {"down": 1, "up": 0}, "rank_by": "score"},
        "old_structure": {"posts": [{"id": "O1", "title": "o", "grade": "G2"}]},
        "new_structure": {"posts": [{"id": "N1", "title": "n", "grade": "G2"}]},
        "people": [{"id": "P1", "post": "O1", "salary": 31000}],
        "overlaps": [{"old_post": "O1", "new_post": "N1", "old_in_new": 90, "new_from_old": 90}],
    })
    result = cli("explain", str(write(tmp_path, "r.yaml", review)), "P1")
    assert ("Policy: assimilate at 75% with grade distance up to 1 down and 0 up; match at 25% with grade "
            "distance up to 1 down and 1 up; overlap measure min; claims ranked by score.") in result.stdout


def test_pool_protection_at_the_largest_for_a_prudent_budget():
    """P2 loses 1,000 and P3 nothing: one place costs 500 at the mean, 1,000 at the largest."""
    review = build({**POOLED, "costing": {"on_cost_rate": "0", "round_to": "1", "pool_protection": "max"}})
    s = cost(review, slot(review))
    assert s.protection_by_year == (Decimal(1000), Decimal(1000))
    assert "its places x the largest protection of its candidates" in s.conventions[4]


def test_alternatives_in_explain_and_json(tmp_path):
    import yaml as pyyaml

    from .conftest import HERE

    case = pyyaml.safe_load((HERE / "cases" / "alternatives_for_people_at_risk.yaml").read_text())
    path = write(tmp_path, "r.yaml", with_base(case["review"]))
    explained = cli("explain", str(path), "P3").stdout
    assert ("Suitable alternatives (ring-fenced posts they may apply for, best score first):\n"
            "  N2 (New two): score 10%, grade distance -1, spinal point 3 at £22,000 (-£9,000 a year)") in explained
    people = {p["id"]: p for p in json.loads(cli("run", str(path), "--format", "json").stdout)["people"]}
    assert people["P3"]["alternatives"] == [{"post": "N2", "score": 10, "grade_distance": -1, "new_salary": 22000,
                                             "spinal_point": 3, "pay_change": -9000}]
    without = json.loads(cli("run", str(EXAMPLE), "--format", "json").stdout)["people"][0]
    assert "alternatives" not in without, "the field appears only when the policy lists alternatives"


def test_tiers_naming_unknown_people_or_groups_are_refused():
    review = with_base({
        "review": {"name": "r", "groups": {"heads": ["P9"]}},
        "policy": {"ring_fence": [{"name": "t", "people": ["P8"], "group": "nobody"}]},
        "old_structure": {"posts": [{"id": "O1", "title": "o", "grade": "G2"}]},
        "new_structure": {"posts": [{"id": "N1", "title": "n", "grade": "G2"}]},
        "people": [{"id": "P1", "post": "O1", "salary": 31000}],
    })
    with pytest.raises(Exception) as err:
        build(review)
    text = str(err.value)
    assert "review.groups.heads[0]: unknown person 'P9'" in text
    assert "policy.ring_fence[0].people[0]: unknown person 'P8'" in text
    assert "policy.ring_fence[0].group: unknown group 'nobody'" in text


def test_tiers_in_the_table_and_alternatives_follow_the_tier_used(tmp_path):
    import yaml as pyyaml

    from .conftest import HERE

    case = pyyaml.safe_load((HERE / "cases" / "ring_fence_tiers.yaml").read_text())
    review = with_base({**case["review"], "policy": {**case["review"]["policy"], "alternatives": True}})
    path = write(tmp_path, "r.yaml", review)
    table = cli("run", str(path)).stdout
    assert "  tier at risk within a grade up (used): P1" in table
    assert "  tier matched staff (if unfilled): P3" in table
    assert "  tier at risk within a grade up (if unfilled): nobody eligible" in table
    assert "May apply (displaced or in a competitive pool)" not in table
    assert "May apply for ring-fenced posts (the tier in use holds them): N2" in cli("explain", str(path), "P3").stdout
    people = {p["id"]: p for p in json.loads(cli("run", str(path), "--format", "json").stdout)["people"]}
    assert people["P1"]["may_apply_for"] == ["N1"] and people["P1"]["alternatives"] == []  # no overlap with N1


def test_a_tier_of_named_people_holds_them_whatever_their_outcome():
    review = with_base({
        "policy": {"ring_fence": [{"name": "named", "people": ["P2"]}]},
        "old_structure": {"posts": [{"id": "O1", "title": "o", "grade": "G2"}, {"id": "O2", "title": "o", "grade": "G2"}]},
        "new_structure": {"posts": [{"id": "N1", "title": "n", "grade": "G2"}, {"id": "N2", "title": "n", "grade": "G2"}]},
        "people": [{"id": "P1", "post": "O1", "salary": 31000}, {"id": "P2", "post": "O2", "salary": 31000}],
        "overlaps": [{"old_post": "O2", "new_post": "N2", "old_in_new": 90, "new_from_old": 90}],
    })
    result = slot(build(review))
    assert result.person("P2").outcome == "assimilated" and result.person("P2").may_apply_for == ("N1",)
    assert result.person("P1").may_apply_for == ()
    assert result.post("N1").ring_fence_tiers[0].eligible == ("P2",)
