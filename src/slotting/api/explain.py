"""`explain`: each person's slotting with its reasons, as data (and as the text an appeal panel reads)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

from ._public import AsJson, OptionError, public

if TYPE_CHECKING:
    from ..model import ReviewFile
    from ..rules.case import Case
    from ..rules.decisions import Decided
    from ..rules.results import SlottingResult


@public
@dataclass(frozen=True)
class Explanation(AsJson):
    """The explanation of some people's slotting: `people` (their ids, in the order asked), the `review`, its slotting
    (`result`), each person's `cases` (every figure and date of their case, by id) and, for a review with decisions,
    the `standings` after them (None without). `as_dict()` is the reasons as data, as `slotting explain --format json`
    prints them: each person's run fields, FTE, claims (with the rule that accepted or rejected each) and case."""

    review: ReviewFile
    result: SlottingResult
    people: tuple[str, ...]
    cases: Mapping[str, Case]

    @cached_property
    def standings(self) -> Decided | None:
        """Gives where each person stands after the decisions recorded, or None for a review without decisions."""
        if not self.review.decisions:
            return None
        from ..rules.decisions import decided

        return decided(self.review, self.result, self.cases)

    def _json(self) -> Iterable[bytes]:
        from ..render.explain_data import explain_json

        return explain_json(self.result, self.people, self.review, dict(self.cases))

    def text(self) -> Iterator[str]:
        """Yields each person's explanation in plain English (`slotting explain`), a blank line between two."""
        from ..render.explain import explain_text

        for i, person in enumerate(self.people):
            if i:
                yield "\n"
            extra: dict[str, Any] = {}
            if self.standings is not None:
                extra = {"standing": self.standings.person(person), "offers": self.standings.offers(person)}
            yield from explain_text(self.result, person, self.review, self.cases[person], **extra)

    def markdown(self) -> Iterator[str]:
        """Yields the explanation as Markdown (`slotting explain --format markdown`): a heading a person."""
        from ..render.explain_data import explain_markdown

        return explain_markdown(self.result, self.people, self.review, dict(self.cases))


@public
def explain(review: ReviewFile, result: SlottingResult | None = None, *, people: Sequence[str]) -> Explanation:
    """Gives the explanation of each person's slotting: every claim with its figures and the rule applied, their
    competitors, the pay placement and their case.

    Parameters
    ----------
    review:
        A review from `load()`.
    result:
        Its slotting from `slot()` (made here when not given).
    people:
        The ids of the people to explain; each is explained once, in the order first given.

    Returns
    -------
    Explanation
        `as_dict()` gives the reasons as data (`slotting explain --format json`), `text()` the words.

    Raises
    ------
    OptionError
        An id that is not in the review (the message names the id meant when one is near).
    """
    from ..rules.case import cases
    from .slotting import slotted

    result = slotted(review, result)
    wanted = tuple(dict.fromkeys(people))
    unknown = [person for person in wanted if result.person(person) is None]
    if unknown:
        known = [p.id for p in result.people]
        raise OptionError([_unknown(person, known) for person in unknown])
    return Explanation(review, result, wanted, cases(review, result).people)


def _unknown(person: str, known: list[str]) -> str:
    """Gives the message for an id not in the review, with the id meant when one is near (e001 for E001)."""
    import difflib

    near = [k for k in known if k.casefold() == person.casefold()] or difflib.get_close_matches(person, known, n=1)
    if near:
        return f"no person {person!r} in the review; did you mean {near[0]!r}?"
    shown = ", ".join(known[:10]) + (" ..." if len(known) > 10 else "")
    return f"no person {person!r} in the review (people in the review: {shown})"
