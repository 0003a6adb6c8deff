"""State kept on what was read, not in the process: the files a review (or a folder of JDs) was read from, with
their digests; and what-if reviews made with `with_changes`, validated as loading validates."""

from __future__ import annotations

import hashlib
from pathlib import Path

from slotting import load
from slotting.reading import files, load_jds

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


def test_the_digest_is_the_one_inputs_digest_gives_for_the_same_files():
    """The report's footer must not change when it reads the review's record instead of the process's."""
    files._read.clear()
    review = load(EXAMPLES / "leicester_2011_evidence.yaml")
    assert review.sources.paths == files.files_read()
    assert review.sources.digest == files.inputs_digest()
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
