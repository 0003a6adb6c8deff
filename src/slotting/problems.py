"""Located input problems: what the loader reports instead of a traceback."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the input, located as precisely as the input allows."""

    file: str
    line: int | None
    column: int | None
    path: str
    message: str
    sheet: str | None = None  # a spreadsheet's sheet: line and column are then its row and column
    cell: str | None = None  # the cell of a spreadsheet (C5), when the column is known

    def __str__(self) -> str:
        where = self.file
        if self.sheet is not None:
            where += f"[{self.sheet}]" + (f"!{self.cell}" if self.cell else f" row {self.line}" if self.line else "")
        elif self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"

    def as_dict(self) -> dict[str, Any]:
        """Gives the problem as a mapping; sheet and cell only for a spreadsheet."""
        data = asdict(self)
        if self.sheet is None:
            del data["sheet"], data["cell"]
        return data


class InputError(Exception):
    """The input cannot be used; carries every problem found, in file order."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(
            problems, key=lambda p: (p.file, p.line or 0, p.column or 0, p.path, p.message)
        )
        super().__init__("\n".join(str(p) for p in self.problems))


class OutputError(Exception):
    """The output cannot be written; the message says why in plain words (exit 1)."""


def dotted(path: tuple[str | int, ...]) -> str:
    """Gives a path tuple as `people[3].salary`."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text
