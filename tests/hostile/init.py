"""`slotting init` never writes over, through or into something that is not its own: a link, a FIFO or a
file where its folder should be are refused with nothing written."""

from __future__ import annotations

import os
from pathlib import Path

from . import Case


def _link_in_place(folder: Path) -> list[str]:
    (folder / "elsewhere.yaml").write_text("the user's own file\n", encoding="utf-8")
    (folder / "starter").mkdir()
    (folder / "starter" / "review.yaml").symlink_to(folder / "elsewhere.yaml")
    return ["init", str(folder / "starter")]


def _dangling_link(folder: Path) -> list[str]:
    (folder / "starter").mkdir()
    (folder / "starter" / "slotting.schema.json").symlink_to(folder / "nowhere.json")
    return ["init", str(folder / "starter"), "--format", "xlsx"]


def _fifo_in_place(folder: Path) -> list[str]:
    (folder / "starter").mkdir()
    os.mkfifo(folder / "starter" / "review.xlsx")
    return ["init", str(folder / "starter"), "--format", "xlsx"]


def _file_as_folder(folder: Path) -> list[str]:
    (folder / "starter").write_text("not a folder\n", encoding="utf-8")
    return ["init", str(folder / "starter")]


CASES = [
    Case("init refuses a link where its review would go", _link_in_place, 1, "review.yaml: already exists"),
    Case("init refuses a dangling link where its schema would go", _dangling_link, 1,
         "slotting.schema.json: already exists"),
    Case("init refuses a FIFO where its workbook would go", _fifo_in_place, 1, "review.xlsx: already exists"),
    Case("init refuses a file given as its folder", _file_as_folder, 1, "is a file; give a folder"),
]
