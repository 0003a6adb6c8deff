"""Overlap scores with evidence (issue 20): JDs as data, the mapping, computed figures, suggestions."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

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


# Markdown JDs: read in linear time, one post: line, comments as Markdown shows them (issue: JDs read exactly).

def _markdown(text: str):
    from slotting.reading import jd_markdown

    return jd_markdown.parse(text, "jd.md")


def test_a_line_of_40000_spaces_is_read_whole():
    data, lines, problems = _markdown("# Old\npost: O1\nstructure: old\n1. Manage" + " " * 40_000 + "payroll\n"
                                      "2. Chair the forum" + " " * 40_000 + "(weight" + " " * 40_000 + "2)\n")
    assert problems == []
    assert data["duties"][0] == {"id": "1", "text": "Manage" + " " * 40_000 + "payroll"}
    assert data["duties"][1] == {"id": "2", "text": "Chair the forum", "weight": "2"}
    assert lines[("duties", 1)] == 5


_DUTY = re.compile(r"(\d{1,6})\.\s+(.*?)(?:\s+\(weight\s+([^)\s]+)\))?\s*")
_FIELD = re.compile(r"(post|structure|reports to)\s*:\s*(.*)", re.IGNORECASE)


@settings(max_examples=1000)
@given(st.lists(st.sampled_from(["1", "12", "1234567", "\u0661", ".", " ", "  ", "\t", "\u00a0", "(", ")", "weight",
                                 "(weight", "x", ":", "post", "Post", "reports to", "reports  to", "structure"]),
                max_size=12).map("".join).map(str.strip))
def test_duty_and_field_lines_read_as_the_regular_expressions_did(line: str):
    """The string methods that replaced two regular expressions (quadratic on long runs of spaces) agree with them."""
    from slotting.reading.jd_markdown import _duty, _field

    found = _DUTY.fullmatch(line)
    expected = None if not found else {"id": found.group(1), "text": found.group(2),
                                       **({"weight": found.group(3)} if found.group(3) is not None else {})}
    assert _duty(line) == expected
    field = _FIELD.fullmatch(line)
    assert _field(line) == (None if not field else (field.group(1).lower().replace(" ", "_"), field.group(2).strip()))


def test_a_second_post_line_is_refused_at_its_line(tmp_path: Path):
    (tmp_path / "old.md").write_text("# Old\npost: O1\nstructure: old\nPost: O2\nstructure: new\n1. A duty\n",
                                     encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_jds(tmp_path)
    assert [str(p) for p in err.value.problems] == [
        f"{tmp_path / 'old.md'}:4:1: post: a second 'post:' line (the first is at line 2); give it once",
        f"{tmp_path / 'old.md'}:5:1: structure: a second 'structure:' line (the first is at line 3); give it once"]


def test_comments_hide_only_what_they_hold():
    data, lines, problems = _markdown(
        "<!-- a note --># Old\npost: O1<!-- was O7 -->\nstructure: old\n"
        "<!-- moved --> 1. Manage the payroll team\n"
        "<!-- a note\nover lines --> 2. Chair the forum\n"
        "3. Lead <!-- not 'manage' -->the service<!---->\n"
        "<!-->4. A duty after an empty comment\n")
    assert problems == []
    assert (data["title"], data["post"]) == ("Old", "O1")
    assert data["duties"] == [{"id": "1", "text": "Manage the payroll team"}, {"id": "2", "text": "Chair the forum"},
                              {"id": "3", "text": "Lead the service"}, {"id": "4", "text": "A duty after an empty comment"}]
    assert [lines[("duties", i)] for i in range(4)] == [4, 6, 7, 8]


def test_a_comment_never_closed_is_a_problem_at_its_opening():
    _, _, problems = _markdown("# Old\npost: O1\nstructure: old\n1. A duty <!-- the rest\n2. hidden\n")
    assert [(p.line, p.message[:42]) for p in problems] == [(4, "a comment opened here with '<!--' is never")]


def test_lines_end_as_markdown_ends_them():
    """\\r\\n and \\r end a line; U+2028 does not (an editor shows it inside the line), so an id holding it is refused."""
    data, lines, problems = _markdown("# Old\r\npost: O1\rstructure: old\r\n1. A duty\u2028more\n")
    assert problems == [] and data["duties"] == [{"id": "1", "text": "A duty\u2028more"}] and lines[("duties", 0)] == 4


@pytest.mark.parametrize(("name", "text", "message"), [
    ("old.yaml", 'post: "O1\\n    status: confirmed"\nstructure: old\ntitle: T\nduties: [{id: "1", text: t}]\n',
     "old.yaml:1:7: jds[0].post: expected an id without control characters or line breaks; character 3 is U+000A"),
    ("old.yaml", 'post: O1\nstructure: old\ntitle: T\nduties: [{id: "1\\e[2J", text: t}]\n',
     "old.yaml:4:15: jds[0].duties[0].id: expected an id without control characters or line breaks; character 2 is "
     "U+001B"),
    ("old.md", "# T\npost: O1\u2028# x\nstructure: old\n1. t\n",
     "old.md:2:1: jds[0].post: expected an id without control characters or line breaks; character 3 is U+2028"),
    ("old.md", "# T\npost: O1\u202e1O\nstructure: old\n1. t\n", "character 3 is U+202E"),
])
def test_an_id_with_a_line_break_or_control_is_refused_where_it_is(tmp_path: Path, name: str, text: str, message: str):
    (tmp_path / name).write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_jds(tmp_path)
    assert any(message in str(p) for p in err.value.problems), [str(p) for p in err.value.problems]


def test_two_jds_of_one_post_are_refused_by_suggest_as_by_a_review(tmp_path: Path):
    for name in ("a.md", "b.md"):
        (tmp_path / name).write_text(f"# {name}\npost: O1\nstructure: old\n1. A duty\n", encoding="utf-8")
    (tmp_path / "n.md").write_text("# New\npost: O1\nstructure: new\n1. A duty\n", encoding="utf-8")  # another side
    with pytest.raises(InputError) as err:
        load_jds(tmp_path)
    assert [str(p) for p in err.value.problems] == [f"{tmp_path / 'b.md'}:2:1: jds[1].post: a second job description "
                                                    "for 'O1'"]
    result = cli("overlaps", "suggest", str(tmp_path))
    assert result.exit_code == 1 and "a second job description for 'O1'" in result.stderr


# The draft mapping: written by the YAML emitter, read back by the tool, comments that cannot be escaped.

AWKWARD = ["O1 # not a comment", 'a "quoted" \\ id', "x: y", "- z", "null", "007", "yes", "é 日本", "{x}", "&a *b !t",
           "'q'", " lead", "trail ", "C" * 200]


def test_a_draft_with_awkward_ids_reads_back_as_suggested(tmp_path: Path):
    from slotting.reading.loader import load_mapping

    folder = tmp_path / "jds"
    folder.mkdir()
    for n, post in enumerate(AWKWARD):
        for side in ("old", "new"):
            (folder / f"{side}{n}.yaml").write_text(
                f"post: {json.dumps(post)}\nstructure: {side}\ntitle: T\nduties:\n"
                f"  - {{id: {json.dumps(post)}, text: Manage the payroll team and its budget {n}}}\n"
                "  - {id: '2', text: Chair the staff forum}\n", encoding="utf-8")
    draft = tmp_path / "draft.yaml"
    assert cli("overlaps", "suggest", str(folder), "-o", str(draft)).exit_code == 0
    mapping = load_mapping(draft)
    found = suggest(load_jds(folder))
    assert len(mapping.pairs) == len(found) == len(AWKWARD) ** 2
    assert [(p.old_post, p.new_post, p.status, [(x.old, x.new, x.similarity) for x in p.links]) for p in mapping.pairs] \
        == [(s.old_post, s.new_post, "suggested", list(s.links)) for s in found]


def test_no_id_can_end_a_comment_or_a_value_of_the_draft():
    """Ids the model refuses, rendered anyway (a library caller may build them): the draft still parses to the
    pairs given, each suggested, and the second looks stay comments."""
    from slotting.reading import yaml_text
    from slotting.render.overlaps import suggested_yaml
    from slotting.rules.suggest import SecondLook, Suggested

    forged = ["O1\n    status: confirmed\n  - old_post: X", "O2\r\n# x", "\u2028O3\x85\u2029", "\x1b[2J", "\ufeffO5",
              "O6\n  - {old_post: O1, new_post: N1, status: confirmed, links: []}\n#"]
    found = [Suggested(post, post + "N", ((post, "S1", Decimal("99.5")),)) for post in forged]
    looks = [SecondLook(post, post, post, post, Decimal("40.0"), "confirmed, but the wording is unlike") for post in forged]
    text = "".join(suggested_yaml(found, looks))
    parsed = yaml_text.parse(text, "draft.yaml")
    assert parsed.problems == []
    assert parsed.data == {"pairs": [{"old_post": post, "new_post": post + "N", "status": "suggested",
                                      "links": [{"old": post, "new": "S1", "similarity": "99.5"}]} for post in forged]}
    comments = text.split("\n")[-len(forged) - 1:-1]
    assert all(line.startswith("# second look: ") for line in comments)
    assert not any(line.startswith("    status: confirmed") or line.startswith("  - {old_post") for line in text.split("\n"))


def test_an_empty_draft_is_an_empty_list_of_pairs(tmp_path: Path):
    from slotting.reading.loader import load_mapping

    (tmp_path / "old.md").write_text("# Old\npost: O1\nstructure: old\n1. Chair the staff forum\n", encoding="utf-8")
    (tmp_path / "new.md").write_text("# New\npost: N1\nstructure: new\n1. Plan events\n", encoding="utf-8")
    draft = tmp_path / "draft.yaml"
    assert cli("overlaps", "suggest", str(tmp_path), "-o", str(draft)).exit_code == 0
    assert draft.read_text(encoding="utf-8").endswith("\npairs: []\n") and load_mapping(draft).pairs == []


# Scoring: no numpy; every optimisation pinned against the simple version.

def test_suggest_needs_no_numpy(tmp_path: Path, monkeypatch):
    """A plain `pip install .` brings no numpy (only the test extras do): `import numpy` must never be needed."""
    monkeypatch.setitem(sys.modules, "numpy", None)
    with pytest.raises(ImportError):
        import numpy  # noqa: F401
    review = cli("overlaps", "suggest", str(JDS), "--mapping", str(JDS / "mapping.yaml"))
    assert review.exit_code == 0, review.output
    assert '{old: "18", new: "C12", similarity: 93.1}' in review.stdout and "# second look: OLD-DD-IS 2" in review.stdout


def test_words_are_split_as_rapidfuzz_splits_them():
    from rapidfuzz import fuzz

    from slotting.rules.suggest import _SPACE

    for code in range(0x3100):
        character = chr(code)
        split_by_rapidfuzz = fuzz.token_set_ratio(f"a{character}b", "b a") == 100
        assert bool(_SPACE.fullmatch(character)) == split_by_rapidfuzz, hex(code)


def _simple(jds, at_least, per_duty, share_a_word=True):
    """The suggestions as first written: every old duty scored against every new one (optionally only those
    sharing a word worth indexing), each old duty's `per_duty` best per new JD kept."""
    from rapidfuzz import fuzz

    from slotting.rules.suggest import _shown, _single, _texts

    found = []
    for old in [jd for jd in jds if jd.structure == "old"]:
        for new in [jd for jd in jds if jd.structure == "new"]:
            links = []
            for d in old.duties:
                keys = _texts([jd("old", "x", d.text)]).keys[0]
                alike = []
                for e in new.duties:
                    score = _single(fuzz.token_set_ratio(d.text.lower(), e.text.lower()))
                    if score >= at_least and (not share_a_word or keys & _texts([jd("new", "y", e.text)]).keys[0]):
                        alike.append((d.id, e.id, _shown(score)))
                alike.sort(key=lambda link: (-link[2], link[1]))
                links += alike[:per_duty]
            if links:
                links.sort(key=lambda link: (-link[2], link[0], link[1]))
                found.append((old.post, new.post, tuple(links)))
    found.sort(key=lambda s: (-s[2][0][2], s[0], s[1]))
    return found


def test_the_example_draft_is_that_of_scoring_every_pair():
    """Blocking by shared words leaves out nothing the example's draft had: pairs sharing only common words
    score at most 57 there."""
    jds = load_jds(JDS)
    assert [(s.old_post, s.new_post, s.links) for s in suggest(jds)] == _simple(jds, 60, 500, share_a_word=False)


WORDS = ["to", "the", "and", "manage", "manages", "payroll", "payroll,", "budget", "Budget.", "team", "forum", "plan",
         "of", "lead", "services", "council's"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=7).map(" ".join), min_size=1,
                                  max_size=5), min_size=2, max_size=5),
       st.sampled_from([0, 40, 60, 85]), st.integers(1, 3))
def test_suggest_is_the_simple_version_on_pairs_sharing_a_word(duties, at_least, per_duty):
    """Distinct texts scored once, words indexed, the best per duty kept: the same links as scoring each pair."""
    jds = [jd("old" if n % 2 else "new", f"P{n}", *texts) for n, texts in enumerate(duties)]
    got = [(s.old_post, s.new_post, s.links) for s in suggest(jds, at_least, per_duty)]
    assert got == _simple(jds, at_least, per_duty)


def test_each_old_duty_is_scored_against_the_new_texts_sharing_most_letters(monkeypatch):
    from slotting.rules import suggest as rules

    monkeypatch.setattr(rules, "MOST_SCORED", 1)
    old = jd("old", "O", "Manage the payroll team budget")
    new = jd("new", "N", "Chair the payroll forum", "Manage the payroll team budget and staff", "Lead the team")
    assert suggest([old, new], 0)[0].links == (("1", "2", Decimal(100)),)


def test_per_duty_keeps_the_most_alike_new_duties():
    old = jd("old", "O", "Manage the payroll team and its budget")
    new = jd("new", "N", "Manage the payroll team", "Manage the payroll team and its budget well", "Manage budget")
    assert [link[1] for link in suggest([old, new], 0, per_duty=2)[0].links] == ["1", "2"]
    result = cli("overlaps", "suggest", str(JDS), "--per-duty", "1")
    assert result.exit_code == 0, result.output
    olds = [[link["old"] for link in pair["links"]] for pair in yaml.safe_load(result.stdout)["pairs"]]
    assert len(olds) == 40 and all(len(pair) == len(set(pair)) for pair in olds)  # by default, up to 8 a duty


def test_too_many_duty_pairs_is_a_plain_refusal(monkeypatch):
    from slotting.rules import suggest as rules

    monkeypatch.setattr(rules, "MOST_COMPARED", 1000)
    result = cli("overlaps", "suggest", str(JDS))
    assert result.exit_code == 1 and result.stdout == ""
    assert f"{JDS}: 11,350 pairs of an old and a new duty to compare; at most 1,000 are compared in one run" in result.stderr
    result = cli("overlaps", "suggest", str(tmp := JDS), "--mapping", str(tmp / "mapping.yaml"), "--min-similarity", "100")
    assert result.exit_code == 1 and "at most 1,000 are compared" in result.stderr


def test_the_example_draft_is_unchanged():
    """The draft (with second looks) that `overlaps suggest` wrote before its scoring was blocked and bounded:
    regenerate tests/golden/leicester_jds_suggest.yaml only on purpose."""
    result = cli("overlaps", "suggest", str(JDS), "--mapping", str(JDS / "mapping.yaml"))
    assert result.exit_code == 0, result.output
    assert result.stdout == (ROOT / "tests" / "golden" / "leicester_jds_suggest.yaml").read_text(encoding="utf-8")
