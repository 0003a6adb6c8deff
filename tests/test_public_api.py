"""The library is the product: what each command does, done with public `slotting.*` names alone, gives the command's
figures (its JSON, byte for byte, and the same figures on the objects); help() reads as the users import it."""

from __future__ import annotations

import datetime as dt
import inspect
import json
import pydoc
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

import slotting

from .conftest import EXAMPLE, cli

EXAMPLES = EXAMPLE.parent
DECISIONS = EXAMPLES / "decisions" / "leicester_2011_decisions.yaml"
FINANCE = EXAMPLES / "finance" / "leicester_2011_finance.yaml"
OPTION = EXAMPLES / "options" / "merged_city_centre_property.yaml"
EVIDENCE = EXAMPLES / "leicester_2011_evidence.yaml"
JDS = EXAMPLES / "leicester_2011_jds"


def _stdout(*args: str) -> str:
    result = cli(*args)
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.fixture(scope="module")
def example():
    review = slotting.load(EXAMPLE)
    return review, slotting.slot(review)


@pytest.mark.parametrize("path", [EXAMPLE, DECISIONS])
def test_run(path: Path):
    review = slotting.load(path)
    result = slotting.slot(review, stage="current")
    assert result.to_json() == _stdout("run", str(path), "--format", "json")
    data = result.as_dict()
    s = result.summary
    counts = {o: sum(1 for p in data["people"] if p["outcome"] == o) for o in ("assimilated", "matched", "competitive")}
    assert counts == {"assimilated": s.assimilated, "matched": s.matched, "competitive": s.competitive}
    assert (result.decisions is not None) == bool(review.decisions)
    # the proposal's list is the default, as slot() always gave it
    assert slotting.slot(review).to_json() == _stdout("run", str(path), "--format", "json", "--stage", "proposal")


@pytest.mark.parametrize("path", [EXAMPLE, FINANCE, DECISIONS])
def test_savings(path: Path):
    review = slotting.load(path)
    figures = slotting.cost(review)
    assert figures.to_json() == _stdout("savings", str(path), "--format", "json")
    total = figures.as_dict()["total"]
    assert (total["existing_cost"], total["new_cost"]) == (figures.total.existing_cost, figures.total.new_cost)
    assert slotting.cost(review, stage="proposal").to_json() == _stdout("savings", str(path), "--format", "json",
                                                                         "--stage", "proposal")


def test_savings_target_and_basis(example):
    review, result = example
    figures = slotting.cost(review, result, basis="slotted", target=Decimal(2_000_000))
    assert figures.target_met is False and figures.basis == "slotted"
    assert cli("savings", str(EXAMPLE), "--format", "json", "--basis", "slotted", "--target", "2000000").stdout \
        == figures.to_json()


def test_equality(example):
    review, result = example
    summary = slotting.equality_summary(review, result, by=["gender"], suppress_below=0)
    assert summary.to_json() == _stdout("equality", str(EXAMPLE), "--format", "json", "--by", "gender",
                                        "--suppress-below", "0")
    shown = summary.as_dict()["characteristics"]["gender"]["groups"]["F"]["assimilated"]
    assert shown == summary.breakdowns[0].counts["F"]["assimilated"] == 5
    with pytest.raises(slotting.OptionError, match="no one in the review has the characteristic"):
        slotting.equality_summary(review, result, by=["shoe size"])


def test_explain_gives_the_reasons_as_data(example):
    review, result = example
    found = slotting.explain(review, result, people=["P02", "P01", "P02"])
    assert found.people == ("P02", "P01")
    assert found.to_json() == _stdout("explain", str(EXAMPLE), "P02", "P01", "--format", "json")
    assert "".join(found.text()) == _stdout("explain", str(EXAMPLE), "P02", "P01")
    assert "".join(found.markdown()) == _stdout("explain", str(EXAMPLE), "P02", "P01", "--format", "markdown")
    person = found.as_dict()["people"][0]
    assert person["id"] == "P02" and person["claims"] and person["outcome"] == result.person("P02").outcome
    with pytest.raises(slotting.OptionError, match="did you mean 'P02'"):
        slotting.explain(review, result, people=["p02"])


def test_explain_with_decisions():
    review = slotting.load(DECISIONS)
    found = slotting.explain(review, people=["P02"])
    assert found.standings is not None
    assert "".join(found.text()) == _stdout("explain", str(DECISIONS), "P02")


@pytest.mark.parametrize("path", [EXAMPLE, DECISIONS])
def test_timeline(path: Path):
    review = slotting.load(path)
    found = slotting.timeline(review)
    assert found.to_json() == _stdout("timeline", str(path), "--format", "json")
    assert len(found.as_dict()["people"]) == len(found.people)
    counted = slotting.timeline(review, count_at_risk=True, stage="proposal")
    assert counted.to_json() == _stdout("timeline", str(path), "--format", "json", "--count-at-risk", "--stage",
                                        "proposal")


def test_redeployment():
    review = slotting.load(DECISIONS)
    register = slotting.redeployment(review)
    assert register.to_json() == _stdout("redeployment", str(DECISIONS), "--format", "json")


def test_compare_options_and_stages():
    found = slotting.compare([EXAMPLE, OPTION], labels=["today", "merged"])
    assert found.to_json() == _stdout("compare", str(EXAMPLE), str(OPTION), "--label", "today", "--label", "merged",
                                      "--format", "json")
    assert [o["label"] for o in found.as_dict()["options"]] == ["today", "merged"]
    assert EXAMPLE.resolve() in found.sources and OPTION.resolve() in found.sources
    staged = slotting.compare([DECISIONS], stages=["proposal", "current"])
    assert staged.to_json() == _stdout("compare", str(DECISIONS), "--stages", "proposal,current", "--format", "json")
    # reviews already loaded (a what-if made in Python) compare as files do
    loaded = slotting.compare([slotting.load(EXAMPLE), slotting.load(OPTION)], labels=["today", "merged"])
    assert loaded.to_json() == found.to_json()


def test_sensitivity(example):
    review, _ = example
    found = slotting.sensitivity(review, vary=["assimilate_threshold=70:80:5"], margin=5)
    assert found.to_json() == _stdout("sensitivity", str(EXAMPLE), "--vary", "assimilate_threshold=70:80:5",
                                      "--format", "json")
    assert len(found.as_dict()["sweep"]) == 3
    with pytest.raises(slotting.VaryError):
        slotting.parse_varies(["assimilate_threshold"])


def test_overlaps_compute_and_suggest():
    review = slotting.load(EVIDENCE)
    rows = slotting.overlaps_compute(review)
    printed = yaml.safe_load(_stdout("overlaps", "compute", str(EVIDENCE)))
    shown = printed["overlaps"] if isinstance(printed, dict) else printed
    assert [(r["old_post"], r["new_post"]) for r in shown] == [(r.old_post, r.new_post) for r in rows]
    assert [Decimal(str(r["old_in_new"])) for r in shown] == [r.old_in_new for r in rows]
    with pytest.raises(slotting.OptionError, match="no evidence section"):
        slotting.overlaps_compute(slotting.load(EXAMPLE))
    suggested = slotting.overlaps_suggest(JDS, min_similarity=70)
    assert "".join(suggested.to_yaml()) == _stdout("overlaps", "suggest", str(JDS), "--min-similarity", "70")
    assert suggested.pairs


def test_validate(tmp_path: Path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(EXAMPLE.read_text(encoding="utf-8").replace("salary: 109000", "salary: -1", 1), encoding="utf-8")
    found = slotting.validate(EXAMPLE, bad)
    assert not found.valid and [r["valid"] for r in found.reviews] == [True, False]
    result = cli("validate", str(EXAMPLE), str(bad), "--format", "json", "--counts")
    assert result.exit_code == 1 and result.stdout == found.to_json(counts=True)
    assert found.as_dict()["reviews"][0]["people"] == 20
    assert found.problems[0].path == "people[0].salary"


def test_letters_are_documents_in_bytes(tmp_path: Path, example):
    review, result = example
    made = slotting.letters(review, result, format="markdown", on=dt.date(2012, 1, 9), allow_missing=True)
    documents = dict(made.documents())
    assert set(documents) == made.names() and "manifest.csv" in documents
    folder = tmp_path / "letters"
    done = cli("letters", str(EXAMPLE), "-o", str(folder), "--format", "markdown", "--date", "2012-01-09",
               "--allow-missing")
    assert done.exit_code == 0, done.output
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == documents
    one = made.of("P02")
    assert "".join(one.text()).encode() == documents[next(n for n in documents if "P02" in n)]
    with pytest.raises(slotting.OptionError, match="no person 'Z99'"):
        made.of("Z99")


def test_word_letters(tmp_path: Path, example):
    review, result = example
    made = slotting.letters(review, result, templates=slotting.letter_templates(), on=dt.date(2012, 1, 9),
                            allow_missing=True)
    documents = dict(made.documents())
    assert all(data.startswith(b"PK") for name, data in documents.items() if name.endswith(".docx"))
    assert len(documents) == len(made.letters) + 1


def test_report_is_bytes(tmp_path: Path, example, monkeypatch):
    review, result = example
    paper = slotting.report(review, result, format="markdown", date=dt.date(2012, 1, 9), audience="confidential")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(dt.datetime(2012, 1, 9, tzinfo=dt.UTC).timestamp())))
    out = tmp_path / "paper.md"
    done = cli("report", str(EXAMPLE), "-o", str(out), "--audience", "confidential")
    assert done.exit_code == 0, done.output
    assert out.read_bytes() == paper
    assert review.sources.digest in paper.decode()
    with pytest.raises(slotting.OptionError, match="unknown section"):
        slotting.report(review, result, format="markdown", sections=["gossip"])


def test_the_report_digest_is_the_reviews_own(tmp_path: Path):
    """A second review loaded in the same process leaves the first one's inputs digest (the footer) alone."""
    other = tmp_path / "other.yaml"
    other.write_text(EXAMPLE.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    review = slotting.load(EXAMPLE)
    day = dt.date(2012, 1, 9)
    before = slotting.report(review, format="markdown", date=day)
    second = slotting.load(other)
    assert slotting.report(review, format="markdown", date=day) == before
    assert second.sources.digest != review.sources.digest
    assert review.sources.digest in before.decode() and second.sources.digest not in before.decode()


def test_schema_and_starter(tmp_path: Path):
    assert slotting.schema() == _stdout("schema")
    assert json.loads(slotting.schema())["type"] == "object"
    files = dict(slotting.starter(format="yaml"))
    done = cli("init", str(tmp_path / "new"))
    assert done.exit_code == 0, done.output
    assert {p.name: p.read_bytes() for p in (tmp_path / "new").iterdir()} == files
    assert slotting.validate(tmp_path / "new" / "review.yaml").valid


FUNCTIONS = [name for name in slotting.__all__ if inspect.isfunction(getattr(slotting, name))]
CLASSES = [name for name in slotting.__all__ if inspect.isclass(getattr(slotting, name))]


def test_every_command_has_its_function():
    commands = {"run": "slot", "savings": "cost", "equality": "equality_summary", "explain": "explain",
                "timeline": "timeline", "letters": "letters", "report": "report", "compare": "compare",
                "sensitivity": "sensitivity", "overlaps compute": "overlaps_compute",
                "overlaps suggest": "overlaps_suggest", "validate": "validate", "redeployment": "redeployment",
                "init": "starter", "schema": "schema"}
    assert set(commands.values()) <= set(FUNCTIONS)


@pytest.mark.parametrize("name", FUNCTIONS)
def test_help_says_first_what_a_function_gives_back(name: str):
    function = getattr(slotting, name)
    first = (function.__doc__ or "").strip().splitlines()[0]
    assert first.split()[0] in ("Gives", "Yields"), first
    assert f"function {name} in module slotting" in pydoc.render_doc(function)


@pytest.mark.parametrize("name", FUNCTIONS)
def test_options_are_keyword_only(name: str):
    """Only what a command works on (a review, its slotting, files) is given by position."""
    subjects = {"review", "result", "path", "reviews", "folder", "files", "vary"}
    for parameter in inspect.signature(getattr(slotting, name)).parameters.values():
        if parameter.kind in (parameter.POSITIONAL_OR_KEYWORD, parameter.POSITIONAL_ONLY, parameter.VAR_POSITIONAL):
            assert parameter.name in subjects, f"{name}({parameter.name}) should be keyword-only"


@pytest.mark.parametrize("name", [n for n in slotting.__all__ if n != "__version__"])
def test_every_public_name_is_shown_as_slotting(name: str):
    thing = getattr(slotting, name)
    assert thing.__module__ == "slotting"
    assert (thing.__doc__ or "").strip(), name


def test_slotting_result_hides_the_engines_setting():
    assert list(inspect.signature(slotting.slot).parameters) == ["review", "stage"]


def test_results_show_as_slotting_names(example):
    _, result = example
    assert type(result).__module__ == "slotting" and repr(result).startswith("SlottingResult(")
    assert "class SlottingResult" in pydoc.render_doc(slotting.SlottingResult)


_LAYERS = ("slotting.api", "slotting.rules", "slotting.render", "slotting.model", "slotting.reading", "pydantic")


def _imported_by(*args: str) -> set[str]:
    """Gives the modules of the package's layers (and pydantic) that `slotting ARGS` imports, run afresh."""
    import subprocess
    import sys

    from .conftest import ROOT

    code = ("import sys; from slotting.console import main; sys.argv = ['slotting', *sys.argv[1:]]\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            f"sys.stderr.write('\\n'.join(m for m in sys.modules if m.startswith({_LAYERS!r})))")
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=120,
                          env={"PYTHONPATH": str(ROOT / "src"), "NO_COLOR": "1", "PATH": ""})
    return {line for line in done.stderr.splitlines() if line.startswith(_LAYERS)}


def test_help_and_version_import_no_layer_of_the_library():
    """`slotting --help` costs typer's start alone: the library's layers are imported by the command that runs."""
    assert _imported_by("--help") == set()
    # a command's own help: typer builds its parameters (this typer does so through pydantic), nothing of ours
    assert {m for m in _imported_by("run", "--help") if not m.startswith("pydantic")} == set()


def test_validate_imports_no_rules_and_no_renderer_of_another_command():
    found = _imported_by("validate", str(EXAMPLE))
    assert any(m.startswith("slotting.reading") for m in found)
    assert not [m for m in found if m.startswith(("slotting.rules", "slotting.render.run", "slotting.render.report"))]


def test_a_what_if_goes_through_the_same_door(example):
    """A what-if made with the review's validated with_changes slots, costs and compares as a file does."""
    review, result = example
    stricter = review.with_changes(policy={"assimilate_threshold": 90})
    changed = slotting.slot(stricter)
    assert changed.summary.assimilated < result.summary.assimilated
    found = slotting.compare([review, stricter], labels=["75%", "90%"])
    assert found.outcomes_differ and found.sources == tuple(review.sources.paths)
    with pytest.raises(slotting.InputError) as raised:
        review.with_changes(policy={"assimilate_threshold": 150})
    assert raised.value.problems[0].path == "policy.assimilate_threshold"
