"""State kept on what was read, not in the process: the files a review (or a folder of JDs) was read from, with
their digests; and what-if reviews made with `with_changes`, validated as loading validates."""

from __future__ import annotations

import hashlib
from decimal import Decimal
from pathlib import Path

import pytest
from pydantic import ValidationError

from slotting import InputError, load, slot
from slotting.model import Person, Policy, ReviewFile
from slotting.reading import load_jds

from .conftest import EXAMPLE

EXAMPLES = EXAMPLE.parent


def test_each_review_knows_its_own_files_and_digest(tmp_path: Path):
    """Loading a second review leaves the first one's record alone (the process-wide record mixed them)."""
    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
    text = EXAMPLE.read_text(encoding="utf-8")
    first.write_text(text, encoding="utf-8")
    second.write_text(text + "\n", encoding="utf-8")
    a = load(first)
    digest = a.sources.digest
    b = load(second)
    assert a.sources.digest == digest != b.sources.digest
    assert a.sources.paths == [first.resolve()] and b.sources.paths == [second.resolve()]
    own = hashlib.sha256(first.read_bytes()).hexdigest()
    assert a.sources[0].sha256 == own
    assert digest == hashlib.sha256(own.encode()).hexdigest()


def test_the_digest_is_the_one_inputs_digest_gave_for_the_same_files():
    """The report's footer must not change now that it reads the review's record instead of the process's: a
    SHA-256 over each file's own SHA-256, in the order of their paths."""
    review = load(EXAMPLES / "leicester_2011_evidence.yaml")
    paths = review.sources.paths
    assert paths == sorted(paths, key=str)
    own = "".join(hashlib.sha256(path.read_bytes()).hexdigest() for path in paths)
    assert review.sources.digest == hashlib.sha256(own.encode()).hexdigest()
    assert len(review.sources) > 10  # the review, its mapping and every JD


def test_section_files_are_sources_in_the_order_of_their_paths():
    review = load(EXAMPLES / "hr" / "review.yaml")
    names = [p.name for p in review.sources.paths]
    assert "hr_export.xlsx" in names and "review.yaml" in names
    assert [str(p) for p in review.sources.paths] == sorted(str(p) for p in review.sources.paths)


def test_a_folder_of_job_descriptions_records_its_files():
    folder = EXAMPLES / "leicester_2011_jds"
    jds = load_jds(folder)
    read = {p.name for p in jds.sources.paths}
    # the mapping kept beside the JDs is read too (to see it is one), so it is among the inputs
    assert read == {p.name for p in folder.iterdir() if p.suffix in (".yaml", ".md")}
    assert len(jds) == len(jds.sources) - 1


def test_a_copy_keeps_the_record_and_finds_its_cached_figures_again():
    review = load(EXAMPLE)
    assert review.finance_asked_by is None
    cheaper = review.model_copy(update={"costing": review.costing.model_copy(update={"years": 3})})
    assert cheaper.sources == review.sources
    assert cheaper.finance_asked_by == "costing.years"
    assert review.finance_asked_by is None


# What-if reviews -----------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def review() -> ReviewFile:
    return load(EXAMPLE)


@pytest.mark.parametrize("threshold, says", [(150, "at most 100"), (-5, "at least 0"), ("2/0", "denominator")])
def test_a_threshold_out_of_range_is_refused_at_its_path(review: ReviewFile, threshold, says):
    with pytest.raises(InputError) as caught:
        review.with_changes(policy={"assimilate_threshold": threshold})
    [problem] = caught.value.problems
    assert problem.path == "policy.assimilate_threshold" and says in problem.message
    assert review.policy.assimilate_threshold == 75  # the review changed from is left as it was


def test_a_change_gives_what_the_same_change_to_the_file_gives(review: ReviewFile, tmp_path: Path):
    """The changed review is the review a file with that change loads as, and slots the same."""
    text = EXAMPLE.read_text(encoding="utf-8").replace("  assimilate_threshold: 75 ", "  assimilate_threshold: 60 ", 1)
    edited = tmp_path / "edited.yaml"
    edited.write_text(text, encoding="utf-8")
    changed = review.with_changes(policy={"assimilate_threshold": 60})
    from_file = load(edited)
    assert changed == from_file and changed != review
    assert slot(changed) == slot(from_file) != slot(review)


def test_a_nested_change_keeps_what_it_does_not_name(review: ReviewFile):
    capped = review.with_changes(policy={"protection": {"cap": 5000}})
    assert capped.policy.protection.cap == 5000 and capped.policy.protection.scheme == "cash"
    assert capped.policy.assimilate_threshold == review.policy.assimilate_threshold
    assert capped.policy.model_fields_set == review.policy.model_fields_set | {"protection"}
    tapered = capped.with_changes(policy={"protection": {"scheme": "tapered", "shares": [1, 0.5]}})
    assert tapered.policy.protection.cap == 5000 and tapered.policy.protection.shares == [1, Decimal("0.5")]


def test_contradictions_and_references_are_checked_as_on_load(review: ReviewFile):
    with pytest.raises(InputError) as caught:
        review.with_changes(policy={"match_threshold": 80, "protection": {"scheme": "tapered"}},
                            people=[*review.people[1:], review.people[1]])
    found = {(p.path, p.message.split(";")[0]) for p in caught.value.problems}
    assert ("policy.protection", "give shares with the tapered scheme, and only with it") in found
    assert any(path == "people[19].id" and message.startswith("duplicate person id") for path, message in found)
    with pytest.raises(InputError, match=r"polcy: unknown key 'polcy'; did you mean 'policy'\?"):
        review.with_changes(polcy={"assimilate_threshold": 80})
    with pytest.raises(InputError, match=r"policy\.assimilate_threshol: unknown key"):
        review.with_changes(policy={"assimilate_threshol": 80})


def test_a_changed_review_is_fresh_and_keeps_its_sources(review: ReviewFile):
    """Figures cached from the old sections (today's model_copy kept them) are found again from the new ones."""
    assert review.finance_asked_by is None and review.person["P01"].salary
    changed = review.with_changes(costing={"years": 3}, people=review.people[1:])
    assert changed.finance_asked_by == "costing.years"
    assert "P01" not in changed.person and "P01" in review.person
    assert changed.sources == review.sources and changed.sources.digest == review.sources.digest


def test_a_model_given_takes_the_place_of_the_section(review: ReviewFile):
    changed = review.with_changes(policy=Policy(assimilate_threshold=60))
    assert changed.policy == Policy(assimilate_threshold=60)
    assert changed.policy.model_fields_set == {"assimilate_threshold"}


def test_the_decisions_are_checked_against_the_changed_proposal():
    """A review loaded with decisions keeps the check: assessments of people a stricter match no longer matches."""
    decided = load(EXAMPLES / "decisions" / "leicester_2011_decisions.yaml")
    with pytest.raises(InputError) as caught:
        decided.with_changes(policy={"match_threshold": 75})
    assert any(p.path.startswith("decisions[") for p in caught.value.problems)


def test_a_model_built_in_python_is_refused_with_input_error():
    with pytest.raises(InputError) as caught:
        Policy(assimilate_threshold=150)
    assert str(caught.value) == "Policy(...): assimilate_threshold: expected a number of at most 100"
    with pytest.raises(InputError) as caught:
        Person(id="P1", post="OLD", salary=-1)
    assert [(p.path, p.message) for p in caught.value.problems] == [("salary", "expected a number greater than 0")]
    with pytest.raises(InputError, match="unknown key 'assimilate_thresold'; did you mean 'assimilate_threshold'"):
        Policy(assimilate_thresold=80)
    assert Policy(assimilate_threshold=80).assimilate_threshold == 80


def test_validation_inside_pydantic_still_gives_pydantics_error():
    """The loader locates pydantic's errors in the file: nested validation must not raise InputError."""
    with pytest.raises(ValidationError):
        Policy.model_validate({"assimilate_threshold": 150})
    with pytest.raises(ValidationError) as caught:
        ReviewFile.model_validate({"policy": {"assimilate_threshold": 150}})
    assert ("policy", "assimilate_threshold") in [e["loc"] for e in caught.value.errors()]


def test_a_copy_of_any_section_drops_what_it_cached(review: ReviewFile):
    """pydantic's model_copy keeps cached properties: Costing.scheme of the copy must be the copy's own."""
    costing = review.costing
    assert costing.scheme.name == "lg-england-wales-2006"
    nhs = costing.model_copy(update={"severance": costing.model_validate(
        {"severance": {"scheme": "nhs-afc-section-16", "floor": 20000, "cap": 80000}}).severance})
    assert nhs.scheme.name != costing.scheme.name and costing.scheme.name == "lg-england-wales-2006"


def test_a_spinal_point_changed_by_its_text_or_number_is_the_same_point(review: ReviewFile):
    for point in (2, "2"):
        merged = review.with_changes(pay_spines={"UCOC/T": {point: {"amount": 66500}}})
        assert merged.pay_spines["UCOC/T"][2].amount == 66500 and merged.pay_spines["UCOC/T"][2].estimated
        replaced = review.with_changes(pay_spines={"UCOC/T": {point: 66500}})  # a number: the amount alone
        assert replaced.pay_spines["UCOC/T"][2].amount == 66500 and not replaced.pay_spines["UCOC/T"][2].estimated
        assert list(replaced.pay_spines["UCOC/T"]) == list(review.pay_spines["UCOC/T"])
