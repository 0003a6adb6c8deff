"""A review's data -> a validated ReviewFile, or an InputError with every problem located: the one validation that
loading a file, `ReviewFile.with_changes` and the models' own constructors share.

Where a problem is shown is the caller's: a loaded file locates a data path at its line and column (or a
spreadsheet's cell), changes given in Python by the path alone. Checks that need the slotting engine (the
decisions against the proposal they follow) are passed in as `later`, since the model sits below the rules.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cache
from typing import TYPE_CHECKING, Any, Protocol, get_args

from pydantic import TypeAdapter, ValidationError

from ..problems import InputError, Problem, dotted
from .references import check_references
from .review import ReviewFile

if TYPE_CHECKING:
    from . import partial

LIST_SECTIONS: tuple[tuple[str, ...], ...] = (
    ("people",), ("overlaps",), ("old_structure", "posts"), ("new_structure", "posts"), ("decisions",))

# Lists of at least this many records are validated on their own first, to free their data's memory; a
# short list is not worth the validator built for it (the review's own validator checks it the same way).
SEPARATELY = 1000

Found = list[tuple[tuple[Any, ...], str]]
Later = Callable[[ReviewFile], Found]


class Place(Protocol):
    """Where a review's data came from, as far as validation needs to know it."""

    unread: set[tuple[Any, ...]]  # sections that could not be read: their problems are given already

    def problem(self, path: tuple[Any, ...], message: str, *, key: bool = False) -> Problem:
        """Gives the problem of the value (or the key) at a data path, located as near as known."""
        ...

    def in_table(self, path: tuple[Any, ...]) -> bool:
        """Whether a data path is inside a list section read from a table (its empty cell is pointed at)."""
        ...

    def column_missing(self, path: tuple[Any, ...]) -> bool:
        """Whether a record's missing field is one that no column of its table gives (reported at the header)."""
        ...


class Given:
    """Data given in Python (changes, a model's arguments): each problem is located by its data path alone, under
    a label saying what was given."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.unread: set[tuple[Any, ...]] = set()

    def problem(self, path: tuple[Any, ...], message: str, *, key: bool = False) -> Problem:
        """Gives the problem at a data path, under the label."""
        return Problem(self.label, None, None, dotted(path), message)

    def in_table(self, path: tuple[Any, ...]) -> bool:
        """Gives False: nothing given in Python is a table."""
        return False

    def column_missing(self, path: tuple[Any, ...]) -> bool:
        """Gives False: nothing given in Python is a table."""
        return False


def parent_of(section: tuple[str, ...], data: dict[str, Any]) -> dict[str, Any] | None:
    """Gives the mapping that holds a list section (the review, or its old/new structure), if there is one."""
    parent: Any = data
    for part in section[:-1]:
        parent = parent.get(part) if isinstance(parent, dict) else None
    return parent if isinstance(parent, dict) else None


@cache
def _records_of(section: tuple[str, ...]) -> TypeAdapter[Any]:
    """Gives the validator of one list section's records, as ReviewFile validates them."""
    return TypeAdapter(list_type(section))


def list_type(section: tuple[str, ...]) -> Any:
    """Gives the type of a list section (list[Person], ...)."""
    owner: Any = ReviewFile
    for name in section[:-1]:
        owner = owner.model_fields[name].annotation
    return owner.model_fields[section[-1]].annotation


def record_type(section: tuple[str, ...]) -> Any:
    """Gives the type of one record of a list section (Person, ...)."""
    return get_args(list_type(section))[0]


def validate(data: dict[str, Any], place: Place, read: Iterable[Problem] = (), later: Later | None = None) -> ReviewFile:
    """Gives the ReviewFile for a review's data, or raises InputError with every located problem: those met
    reading it (`read`), its fields', and its references', policy's and cross-sections' checks, run on what could
    be read (model.partial) when some of it does not validate; then, when there are none, `later`'s.
    """
    read = list(read)
    _records_first(data, place)
    shaped: list[tuple[Any, ...]] = []
    problems = list(read)
    found: partial.Partial | None = None
    try:
        review = ReviewFile.model_validate(data)
    except ValidationError as err:
        from . import partial  # only a review with problems needs it (and its imports)

        problems += _shape_problems(err, data, place, read, shaped)
        found = partial.partial_review(data, place.unread)
        review = found.review
        problems += [place.problem(path, partial.first_at(message, path, None, lambda at: _where(place, at)))
                     for path, message in found.duplicates]
    references = check_references(review)
    if references:
        from . import partial

        found = found or partial.Partial(review=review)
    for path, message in references:
        assert found is not None
        at, path = path, found.original(path)
        kept = partial.keep(at, path, message, found, shaped, place.unread)
        if kept is not None:
            problems.append(place.problem(path, partial.first_at(kept, path, found, lambda at: _where(place, at))))
    if not problems and later is not None:
        problems = [place.problem(path, message) for path, message in later(review)]
    if problems:
        raise InputError(problems)
    return review


def _records_first(data: dict[str, Any], place: Place) -> None:
    """Validates each long list of records on its own first, in the data's place, so that its data's memory serves
    the next list (fresh memory is costly; see docs/how-to/large-reviews.md). A list that does not validate is left as
    read, and the whole review's validation reports its problems with paths from the root."""
    for section in LIST_SECTIONS:
        parent = parent_of(section, data)
        if parent is None or not isinstance(parent.get(section[-1]), list) or section in place.unread \
                or len(parent[section[-1]]) < SEPARATELY:
            continue
        try:
            parent[section[-1]] = _records_of(section).validate_python(parent[section[-1]])
        except ValidationError:
            continue


def _shape_problems(err: ValidationError, data: Any, place: Place, read: list[Problem],
                    shaped: list[tuple[Any, ...]]) -> list[Problem]:
    """Gives the located problems of the fields refused, but those of sections not read, those a table's header
    reports, and a second one at a cell already reported; the paths refused are added to `shaped`."""
    cells = {_cell_of(p) for p in read} - {None}
    problems = []
    for error in one_per_value(err.errors(include_url=False)):
        path, problem = problem_at(error, data, place)
        if _unread(path, place) or (error["type"] == "missing" and place.column_missing(path)) \
                or _cell_of(problem) in cells:
            continue
        shaped.append(path)
        problems.append(problem)
    return problems


def _unread(path: tuple[Any, ...], place: Place) -> bool:
    return any(path[:len(section)] == section for section in place.unread)


def _cell_of(problem: Problem) -> tuple[Any, ...] | None:
    """Gives where a problem points, when that is one cell (or a line and column): two messages there are one too many."""
    if problem.column is None:
        return None
    return problem.file, problem.sheet, problem.line, problem.column


def _where(place: Place, path: tuple[Any, ...]) -> tuple[int | None, str | None]:
    placed = place.problem(path, "")
    return placed.line, placed.cell if placed.sheet is not None else None


def one_per_value(errors: Iterable[Any]) -> list[Any]:
    """Keeps, of the errors a value gets from each member of a union (a number, or a fraction), the
    last: the fraction's, which names both forms."""
    kept: dict[tuple[Any, ...], Any] = {}
    for error in errors:
        loc = error["loc"]
        member = bool(loc) and isinstance(loc[-1], str) and loc[-1].startswith(("decimal", "function-plain"))
        kept[loc[:-1] if member else loc] = error
    return list(kept.values())


def problems_of(errors: Iterable[Any], data: Any, place: Place, root: Any = None) -> list[Problem]:
    """Gives the located problems of pydantic's errors (ValidationError.errors()) in validating `data` as `root`
    (the review file by default)."""
    return [problem_at(error, data, place, root)[1] for error in one_per_value(errors)]


def problem_at(error: Any, data: Any, place: Place, root: Any = None) -> tuple[tuple[Any, ...], Problem]:
    """Gives the data path of one pydantic error and its located problem."""
    from . import messages  # only a problem needs its words

    path, point_at, message = messages.explain(error, data, root)
    if point_at == "parent" and place.in_table(path):
        point_at = "value"  # a table's empty cell, when its column is there: the cell itself
    if point_at == "parent":
        located = place.problem(path[:-1], message)
        return path, Problem(located.file, located.line, located.column, dotted(path), message, located.sheet,
                             located.cell)
    return path, place.problem(path, message, key=point_at == "key")
