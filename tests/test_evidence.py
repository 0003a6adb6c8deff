"""Overlap scores with evidence (issue 20): JDs as data, the mapping, computed figures, suggestions."""

from __future__ import annotations

import importlib.util
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

from slotting import InputError, load
from slotting.model.evidence import JobDescription, MappedPair, overlap_of
from slotting.model.types import Share
from slotting.reading import load_jds
from slotting.rules.suggest import suggest

from .conftest import ROOT, cli

EXAMPLE = ROOT / "examples" / "leicester_2011_evidence.yaml"
JDS = ROOT / "examples" / "leicester_2011_jds"


def jd(structure: str, post: str, *duties, weights=None) -> JobDescription:
    return JobDescription(post=post, structure=structure, title=post, duties=[
        {"id": str(i), "text": text, **({"weight": str(weights[i - 1])} if weights else {})}
        for i, text in enumerate(duties, 1)])


def figures(links, old: JobDescription, new: JobDescription):
    pair = MappedPair(old_post=old.post, new_post=new.post, links=[dict(zip(("old", "new", "part"), link)) for link in links])
    return overlap_of(pair, old, new)


OLD4 = jd("old", "O", "a", "b", "c", "d")
NEW5 = jd("new", "N", "v", "w", "x", "y", "z")


def test_equal_weights():
    # 3 of 4 old duties found (75%); 3 of 5 new duties covered (60%).
    assert figures([("1", "1"), ("2", "2"), ("3", "3")], OLD4, NEW5) == (Decimal(75), Decimal(60))


def test_weighted_duties():
    old = jd("old", "O", "a", "b", "c", weights=[5, 3, 2])  # 5 + 3 of 10 found: 80%
    new = jd("new", "N", "v", "w", weights=[1, 3])  # 3 of 4 covered: 75%
    assert figures([("1", "2"), ("2", "2")], old, new) == (Decimal(80), Decimal(75))


def test_a_partial_match_counts_its_part():
    # old duty 1 half found: 0.5 of 4 = 12.5%; new duty 1 half covered: 0.5 of 5 = 10%.
    assert figures([("1", "1", "0.5")], OLD4, NEW5) == (Decimal("12.5"), Decimal(10))


def test_an_old_duty_found_in_two_new_duties_counts_once():
    # old duty 1 in new 1 and new 2: 1 of 4 found (25%), 2 of 5 covered (40%).
    assert figures([("1", "1"), ("1", "2")], OLD4, NEW5) == (Decimal(25), Decimal(40))


def test_a_new_duty_covered_by_two_old_ones_counts_once():
    assert figures([("1", "1"), ("2", "1")], OLD4, NEW5) == (Decimal(50), Decimal(20))


def test_a_figure_with_no_decimal_is_an_exact_fraction():
    old = jd("old", "O", "a", "b", "c")
    old_in_new, _ = figures([("1", "1")], old, NEW5)
    assert isinstance(old_in_new, Share) and Fraction(old_in_new) == Fraction(100, 3)


def test_the_example_mapping_reproduces_the_typed_figures_exactly():
    review = load(EXAMPLE)
    assert [(o.old_post, o.new_post, o.old_in_new, o.new_from_old) for o in review.mapped] == [
        ("OLD-DD-IS", "NEW-DD-ICA", Decimal(80), Decimal(75)), ("OLD-DD-CC", "NEW-DD-CC", Decimal(85), Decimal(60))]
    published = cli("run", str(ROOT / "examples" / "leicester_2011.yaml"), "-f", "json").stdout
    assert cli("run", str(EXAMPLE), "-f", "json").stdout == published
    computed = cli("overlaps", "compute", str(EXAMPLE))
    assert computed.exit_code == 0
    assert "{old_post: \"OLD-DD-IS\", new_post: \"NEW-DD-ICA\", old_in_new: 80, new_from_old: 75}" in computed.stdout


def test_explain_shows_the_duty_evidence():
    result = cli("explain", str(EXAMPLE), "P16")
    assert "Evidence for OLD-DD-IS -> NEW-DD-ICA (assessed by HR adviser (illustrative)" in result.stdout
    assert "Old duties found in the new JD (4 of 5)" in result.stdout
    assert "Old duties not found: 5 'To manage the Council's printing, post and support services.'" in result.stdout
    assert "New duties covered by the old JD (15 of 20)" in result.stdout


def test_the_published_jds_are_all_there():
    jds = load_jds(JDS)
    review = load(ROOT / "examples" / "leicester_2011.yaml")
    new = {j.post for j in jds if j.structure == "new"}
    assert new == {p.id for p in review.new_structure.posts if p.id != "NEW-HPS"} and len(new) == 20
    ica = next(j for j in jds if j.post == "NEW-DD-ICA")
    assert (len(ica.duties), ica.reports_to) == (20, "Head of Paid Service")
    ph = next(j for j in jds if j.post == "NEW-CO-PH")
    assert [d.id for d in ph.duties][-1] == "C12"  # the print restarts its numbering; ids follow the order


def test_the_evidence_example_is_what_its_script_writes():
    spec = importlib.util.spec_from_file_location("make_jds", JDS / "_make.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.review_with_evidence() == EXAMPLE.read_text(encoding="utf-8")


def test_suggest_finds_the_planted_duplicate_first(tmp_path: Path):
    (tmp_path / "old.md").write_text("# Old\npost: O1\nstructure: old\n\n1. Manage the payroll team and its budget\n"
                                     "2. Chair the staff forum\n", encoding="utf-8")
    (tmp_path / "new.yaml").write_text("post: N1\nstructure: new\ntitle: New\nduties:\n"
                                       "  - {id: A, text: Plan the council's events calendar}\n"
                                       "  - {id: B, text: Manage the payroll team and its budget and reports}\n",
                                       encoding="utf-8")
    found = suggest(load_jds(tmp_path))
    assert found[0].links[0][:2] == ("1", "B") and found[0].links[0][2] == 100
    draft = cli("overlaps", "suggest", str(tmp_path))
    assert draft.exit_code == 0 and "status: suggested" in draft.stdout


def _evidence_review(tmp_path: Path, mapping: str, jd_text: str = "") -> Path:
    folder = tmp_path / "jds"
    folder.mkdir()
    for name in ("OLD-DD-IS.md", "NEW-DD-ICA.yaml"):
        (folder / name).write_bytes((JDS / name).read_bytes())
    if jd_text:
        (folder / "extra.yaml").write_text(jd_text, encoding="utf-8")
    (folder / "mapping.yaml").write_text(mapping, encoding="utf-8")
    text = EXAMPLE.read_text(encoding="utf-8").replace("jds: leicester_2011_jds", "jds: jds").replace(
        "mapping: leicester_2011_jds/mapping.yaml", "mapping: jds/mapping.yaml")
    text = text.replace("  - {old_post: OLD-DD-CC, new_post: NEW-DD-CC, old_in_new: 85, new_from_old: 60}", "")
    review = tmp_path / "r.yaml"
    review.write_text(text + "", encoding="utf-8")
    return review


PAIR = "pairs:\n  - old_post: OLD-DD-IS\n    new_post: NEW-DD-ICA\n"


@pytest.mark.parametrize(("mapping", "jd_text", "message"), [
    (PAIR + "    status: suggested\n    links: [{old: '1', new: S1}]\n", "",
     "evidence.mapping.pairs[0].status: the pair 'OLD-DD-IS' -> 'NEW-DD-ICA' is only suggested"),
    (PAIR + "    links: [{old: '9', new: S1}]\n", "", "evidence.mapping.pairs[0].links[0].old: no duty '9' in the old JD"),
    (PAIR + "    links: [{old: '1', new: S1, part: 1.5}]\n", "",
     "evidence.mapping.pairs[0].links[0].part: expected a number of at most 1"),
    ("pairs:\n  - {old_post: OLD-X, new_post: NEW-DD-ICA, links: []}\n", "", "unknown old post 'OLD-X'"),
    (PAIR + "    links: []\n", "post: NEW-DD-CC\nstructure: new\ntitle: T\nduties: [{id: 1, text: t, weight: 0}]\n",
     "duties[0].weight: expected a number greater than 0"),
])
def test_bad_evidence_is_located(tmp_path: Path, mapping: str, jd_text: str, message: str):
    with pytest.raises(InputError) as err:
        load(_evidence_review(tmp_path, mapping, jd_text))
    shown = [str(p) for p in err.value.problems]
    assert any(message in line for line in shown), shown
    assert all(("mapping.yaml:" in line or "extra.yaml:" in line) for line in shown if message in line), shown


def test_second_looks_flag_unlike_confirmed_links_and_alike_unlinked_duties(tmp_path: Path):
    from slotting.model.evidence import Mapping
    from slotting.rules.suggest import second_looks

    old = jd("old", "O1", "Manage the payroll team and its budget", "Chair staff forum meetings")
    new = jd("new", "N1", "Plan events calendar", "Manage the payroll team and its budget")
    mapping = Mapping(pairs=[{"old_post": "O1", "new_post": "N1", "links": [{"old": "2", "new": "1"}]}])
    looks = {(look.old_duty, look.new_duty, look.why) for look in second_looks([old, new], mapping)}
    assert looks == {("2", "1", "confirmed, but the wording is unlike"), ("1", "2", "alike, but not linked")}


def test_a_link_out_of_the_jd_folder_is_not_followed(tmp_path: Path):
    outside = tmp_path / "outside.yaml"
    outside.write_text("post: N9\nstructure: new\ntitle: Secret\nduties: [{id: 1, text: TOKEN=ghp_secret}]\n")
    folder = tmp_path / "jds"
    folder.mkdir()
    (folder / "linked.yaml").symlink_to(outside)
    (folder / "own.md").write_text("# Own\npost: O1\nstructure: old\n1. A duty\n", encoding="utf-8")
    assert [j.post for j in load_jds(folder)] == ["O1"]
