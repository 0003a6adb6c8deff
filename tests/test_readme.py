"""The README is what a newcomer needs on a screen or two, and its examples show the tool's real output.

Regenerate the output shown (here and in docs/): SLOTTING_UPDATE_README=1 python -m pytest tests/test_readme.py tests/test_docs.py
"""

from __future__ import annotations

import shlex

from .conftest import ROOT
from .test_docs import BLOCK, check_page

README = ROOT / "README.md"


def test_readme_shows_real_output(monkeypatch, tmp_path):
    assert check_page(README, monkeypatch, tmp_path) >= 5


def test_the_readme_is_short():
    assert README.stat().st_size < 15_000, "the README is a first screen or two; the rest belongs in docs/"


def test_the_readme_and_the_docs_home_give_the_two_set_up_commands():
    for page in (README, ROOT / "docs" / "index.md"):
        assert ("```sh\npython -m pip install -e . && slotting run examples/leicester_2011.yaml\n"
                "python -m pip install -e '.[test]' && python -m pytest\n```") in page.read_text(encoding="utf-8"), page


def test_the_readme_shows_the_main_commands_run():
    shown = {shlex.split(command)[1] for command, _ in BLOCK.findall(README.read_text(encoding="utf-8"))}
    assert {"validate", "run", "explain", "savings", "equality"} <= shown


def test_the_readme_has_an_example_for_each_user():
    text = README.read_text(encoding="utf-8")
    for heading in ("## A first review in ten minutes", "## For the HR analyst", "## For the finance officer",
                    "## For CI"):
        assert heading in text
