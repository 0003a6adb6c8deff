"""`slotting compare` (issue 17): options side by side, hand-checked on the example and a variant."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import EXAMPLE, ROOT, cli

OPTION = ROOT / "examples" / "options" / "merged_city_centre_property.yaml"


def merged(_folder: Path | None = None) -> Path:
    return OPTION


def test_the_option_is_what_its_script_writes():
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_options", OPTION.parent / "_make.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.variant() == OPTION.read_text(encoding="utf-8")


def test_an_option_compared_with_itself_has_no_differences():
    result = cli("compare", str(EXAMPLE), str(EXAMPLE), "--fail-on-change", "-f", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["people"] == [] and data["posts"] == [] and data["outcomes_differ"] is False
    assert all(row["difference"] == [None, 0] for row in data["savings"])


def test_merging_two_divisions_changes_two_people_two_posts_and_one_savings_row(tmp_path: Path):
    """P17 (Property, 85/80) and P20 (City Centre, 85/60) were assimilated to their own new posts; with the
    posts merged, both match the one post (70/40 and 80/45 give scores of 40 and 45): a pool of two for one
    place. One Divisional Director post fewer at the top of DD (UCOC/T SP9, £85,575) with 31% on-costs is
    £112,103.25: the group's new cost falls by £112,100 at round_to 100, and the saving rises by as much."""
    result = cli("compare", str(EXAMPLE), str(merged(tmp_path)), "--label", "published", "--label", "merged",
                 "-f", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    people = {row["id"]: [(o["outcome"], o["posts"]) for o in row["options"]] for row in data["people"]}
    assert people == {"P17": [("assimilated", ["NEW-DD-PROP"]), ("competitive", ["NEW-DD-CCP"])],
                      "P20": [("matched", ["NEW-DD-CC"]), ("competitive", ["NEW-DD-CCP"])]}
    assert [(p["id"], p["change"]) for p in data["posts"]] == [
        ("NEW-DD-CC", "removed"), ("NEW-DD-CCP", "added"), ("NEW-DD-PROP", "removed")]
    changed = {row["group"]: row["difference"][1] for row in data["savings"] if row["difference"][1]}
    assert changed == {"Divisional Directors": 112100, "Total": 112100}
    headline = [(o["label"], o["summary"]["competitive"], o["summary"]["pools"], o["full_year_saving"])
                for o in data["options"]]
    assert headline == [("published", 6, 3, 1147100), ("merged", 8, 4, 1259200)]
    failing = cli("compare", str(EXAMPLE), str(merged(tmp_path)), "--fail-on-change")
    assert failing.exit_code == 1 and "2 person(s) have a different outcome" in failing.stderr


def test_compare_formats_and_options(tmp_path: Path):
    other = merged(tmp_path)
    for fmt in ("table", "markdown", "csv", "xlsx"):
        result = cli("compare", str(EXAMPLE), str(other), "-f", fmt, "-o", str(tmp_path / f"out.{fmt}"))
        assert result.exit_code == 0, (fmt, result.stderr)
    assert (tmp_path / "out.xlsx").read_bytes()[:2] == b"PK"
    assert "P17" in (tmp_path / "out.csv").read_text(encoding="utf-8")
    assert cli("compare", str(EXAMPLE)).exit_code == 2
    assert cli("compare", str(EXAMPLE), str(other), "--label", "one").exit_code == 2


# --- what --fail-on-change and --fail-on fail on --------------------------------------------------------------------
# Each variant of the example changes one fact of one person's slotting and nothing else about them.
VARIANTS = {
    # P16 is assimilated to the same post under another id: the same outcome on another post.
    "post": [("NEW-DD-ICA", "NEW-DD-ICX")],
    # Spinal point 9 (the top of DD) a pound higher: the new salary of everyone placed on it.
    "pay": [("    9: 85575", "    9: 85576")],
    # P17 earns £100 more now: placed on the same point, protected for £100 more.
    "protection": [('post: OLD-DD-PROP, salary: 95800,', 'post: OLD-DD-PROP, salary: 95900,')],
    # P16's new post is put on hold: the same outcome and pay, on hold.
    "hold": [("grade: DD, reports_to: NEW-HPS}\n    - {id: NEW-DD-DCPG",
              "grade: DD, on_hold: true, reports_to: NEW-HPS}\n    - {id: NEW-DD-DCPG")],
    "nothing": [],
}
DIFFERS = {"post": ["post"], "pay": ["pay"], "protection": ["pay"], "hold": ["hold"], "nothing": []}
# The exit status of each --fail-on level for each variant: each level takes in the ones before it.
FAILS = {"outcome": set(), "post": {"post"}, "pay": {"post", "pay", "protection"},
         "any": {"post", "pay", "protection", "hold"}}


def variant_of_example(folder: Path, name: str) -> Path:
    text = EXAMPLE.read_text(encoding="utf-8")
    for old, new in VARIANTS[name]:
        assert old in text, old
        text = text.replace(old, new)
    path = folder / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("name", list(VARIANTS))
def test_every_fact_of_a_persons_slotting_is_compared(name: str, tmp_path: Path):
    result = cli("compare", str(EXAMPLE), str(variant_of_example(tmp_path, name)), "-f", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    people = {row["id"]: row for row in data["people"]}
    assert all(row["differs"] == DIFFERS[name] for row in people.values())
    assert bool(people) == (name != "nothing") and data["outcomes_differ"] is False
    assert data["people_differ"]["outcome"] == 0 and data["people_differ"]["any"] == len(people)
    first, second = (people["P16"]["options"] if name in ("post", "hold") else
                     people["P17"]["options"] if name == "protection" else [None, None])
    if name == "post":
        assert (first["outcome"], first["posts"], second["outcome"], second["posts"]) == (
            "assimilated", ["NEW-DD-ICA"], "assimilated", ["NEW-DD-ICX"])
    elif name == "hold":
        assert (first["on_hold"], second["on_hold"]) == (False, True)
        assert {k: v for k, v in first.items() if k != "on_hold"} == {k: v for k, v in second.items() if k != "on_hold"}
    elif name == "protection":
        assert (first["protection"], second["protection"], first["new_salary"], second["new_salary"]) == (
            [10225], [10325], [85575], [85575])
    elif name == "pay":
        assert all([o["new_salary"] for o in row["options"]] == [[85575], [85576]] for row in people.values())


@pytest.mark.parametrize("name", list(VARIANTS))
@pytest.mark.parametrize("level", [*FAILS, None])
def test_fail_on_fails_on_its_level_and_the_ones_before_it(name: str, level: str | None, tmp_path: Path):
    """`--fail-on LEVEL` fails when someone differs in a way the level counts; `--fail-on-change` alone is
    `--fail-on any`; with both, the level rules; with neither, compare never fails."""
    other = str(variant_of_example(tmp_path, name))
    changed = len(json.loads(cli("compare", str(EXAMPLE), other, "-f", "json").stdout)["people"])
    flags = [["--fail-on-change"]] if level is None else [["--fail-on", level], ["--fail-on-change", "--fail-on", level]]
    for args in flags:
        result = cli("compare", str(EXAMPLE), other, *args)
        fails = name in FAILS[level or "any"]
        assert result.exit_code == (1 if fails else 0), (args, result.stderr)
        if fails:
            assert f"{changed} person(s) have a different " in result.stderr
            assert f"between the options ({'--fail-on-change' if level is None else '--fail-on ' + level})" in result.stderr
        else:
            assert "person(s) have a different" not in result.stderr
    assert cli("compare", str(EXAMPLE), other).exit_code == 0


def test_a_person_in_one_option_only_has_a_different_outcome(tmp_path: Path):
    text = EXAMPLE.read_text(encoding="utf-8")
    start = text.index("  - {id: P17,")
    end = text.index("  - {id: P18,")
    (tmp_path / "without.yaml").write_text(text[:start] + text[end:], encoding="utf-8")
    result = cli("compare", str(EXAMPLE), str(tmp_path / "without.yaml"), "--fail-on", "outcome", "-f", "json")
    assert result.exit_code == 1 and "1 person(s) have a different outcome between" in result.stderr
    row = next(r for r in json.loads(result.stdout)["people"] if r["id"] == "P17")
    assert row["options"][1] is None and row["differs"][0] == "outcome"


def test_the_table_shows_a_hold_and_in_full_what_the_short_form_shows_alike():
    from decimal import Decimal

    from slotting.render.compare import people_rows
    from slotting.rules.compare import Comparison, PersonRow, Placed

    def placed(point: int, basis: str, on_hold: bool = False) -> Placed:
        return Placed("matched", ("NEW-X",), (Decimal(85575),), (Decimal(0),), on_hold, (basis,), (False,), (point,),
                      (False,))

    rows = (PersonRow("P1", (placed(9, "match"), placed(8, "match"))),
            PersonRow("P2", (placed(9, "match"), placed(9, "assimilation"))),
            PersonRow("P3", (placed(9, "match"), placed(9, "match", on_hold=True))))
    shown = people_rows(Comparison((), rows, (), ()))
    assert shown == [["P1", "matched NEW-X (match) £85,575 SP9", "matched NEW-X (match) £85,575 SP8"],
                     ["P2", "matched NEW-X (match) £85,575 SP9", "matched NEW-X (assimilation) £85,575 SP9"],
                     ["P3", "matched NEW-X £85,575", "matched NEW-X on hold £85,575"]]
    assert [row.differs for row in rows] == [("pay",), ("post",), ("hold",)]


# --- the finance view's figures (issue 26) ---------------------------------------------------------------------------
FINANCE = ROOT / "examples" / "finance" / "leicester_2011_finance.yaml"
# P06's overlap with NEW-DD-DCPG falls below the match threshold: P06 is displaced and P05 matched alone, so the
# option's protection (P05 protected for certain, no pool) and exit costs (P06 for certain) are not the file's.
P06_BELOW = ("{old_post: OLD-UCOE-CG, new_post: NEW-DD-DCPG, old_in_new: 45, new_from_old: 35}",
             "{old_post: OLD-UCOE-CG, new_post: NEW-DD-DCPG, old_in_new: 45, new_from_old: 20}")


def finance_variant(folder: Path) -> Path:
    text = FINANCE.read_text(encoding="utf-8")
    assert P06_BELOW[0] in text
    path = folder / "p06_below.yaml"
    path.write_text(text.replace(*P06_BELOW), encoding="utf-8")
    return path


def savings_finance(path: Path) -> dict:
    """The finance figures `slotting savings` gives for a file, from its JSON."""
    result = cli("savings", str(path), "-f", "json")
    assert result.exit_code == 0, result.stderr
    f = json.loads(result.stdout)["finance"]
    return {"first_year": f["years"][0]["year"], "last_year": f["years"][-1]["year"],
            "first_year_protection": f["years"][0]["protection"],
            "protection": sum(y["protection"] for y in f["years"]), "exit_costs": f["exit_costs"]["total"],
            "net_saving": f["years"][-1]["cumulative_net_saving"], "payback_month": f["payback_month"],
            "horizon_months": f["horizon_months"]}


def test_compare_gives_each_options_finance_figures_as_savings_gives_them(tmp_path: Path):
    variant = finance_variant(tmp_path)
    result = cli("compare", str(FINANCE), str(variant), "--label", "file", "--label", "variant", "-f", "json")
    assert result.exit_code == 0, result.stderr
    options = json.loads(result.stdout)["options"]
    shown = [o["finance"] for o in options]
    expected = [savings_finance(FINANCE), savings_finance(variant)]
    assert shown == expected
    # The two options' figures differ, so neither is the other's nor the file's read twice.
    assert all(shown[0][k] != shown[1][k] for k in ("first_year_protection", "protection", "exit_costs",
                                                      "net_saving", "payback_month"))
    assert (shown[0]["payback_month"], shown[0]["net_saving"]) == (3, 4023100)
    assert [row["id"] for row in json.loads(result.stdout)["people"]] == ["P05", "P06"]


def test_the_finance_rows_in_every_format(tmp_path: Path):
    variant = finance_variant(tmp_path)
    files = [str(FINANCE), str(variant), "--label", "file", "--label", "variant"]
    markdown_out = cli("compare", *files, "-f", "markdown").stdout
    assert "| Net saving, all years | £4,023,100 | £4,062,400 |" in markdown_out
    assert "| Payback | month 3 | month 2 |" in markdown_out
    assert "| Financial years | 2011/12 to 2015/16 | 2011/12 to 2015/16 |" in markdown_out
    table = cli("compare", *files).stdout
    assert "One-off exit costs (estimate)" in table and "£177,964.04" in table and "£140,951.54" in table
    csv_out = cli("compare", *files, "-f", "csv", "--table", "headline").stdout
    assert '"Pay protection, all years","£435,300","£433,000"' in csv_out
    openpyxl = pytest.importorskip("openpyxl")
    assert cli("compare", *files, "-f", "xlsx", "-o", str(tmp_path / "out.xlsx")).exit_code == 0
    sheet = openpyxl.load_workbook(tmp_path / "out.xlsx")["Headline"]
    rows = {r[0]: r[1:] for r in sheet.iter_rows(values_only=True)}
    assert rows["Pay protection, first financial year"] == ("£53,500", "£53,200")


def test_an_option_without_the_finance_view_shows_none(tmp_path: Path):
    """Beside a finance option, an option whose review does not ask for the view shows "-" and null; with no
    option asking, nothing of the view appears (the README's example pins that output byte for byte)."""
    mixed = cli("compare", str(FINANCE), str(EXAMPLE), "-f", "json")
    assert mixed.exit_code == 0, mixed.stderr
    options = json.loads(mixed.stdout)["options"]
    assert options[0]["finance"] == savings_finance(FINANCE) and options[1]["finance"] is None
    assert "| Payback | month 3 | - |" in cli("compare", str(FINANCE), str(EXAMPLE), "-f", "markdown").stdout
    plain = cli("compare", str(EXAMPLE), str(merged()), "-f", "json")
    assert all("finance" not in o for o in json.loads(plain.stdout)["options"])
    for fmt in ("table", "markdown", "csv"):
        args = ["--table", "headline"] if fmt == "csv" else []
        out = cli("compare", str(EXAMPLE), str(merged()), "-f", fmt, *args).stdout
        assert "Net saving" not in out and "Payback" not in out and "Financial years" not in out
