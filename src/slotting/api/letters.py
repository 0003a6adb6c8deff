"""`letters`: one letter per person, chosen by outcome (or by their latest decision), as documents in bytes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from ._public import OptionError, public
from .slotting import Stage

if TYPE_CHECKING:
    from ..model import ReviewFile
    from ..render.letters import Unfilled
    from ..rules.letters import Letter
    from ..rules.results import SlottingResult

LetterFormat = Literal["docx", "markdown"]


@public
@dataclass(frozen=True)
class LetterTemplates:
    """The letter templates by outcome: the defaults, with the employer's (`theirs`, from `folder`) in their place;
    `shown` names each as messages name it; `prepared` holds each Word template read and checked once."""

    @property
    def sources(self) -> tuple[Path, ...]:
        """Gives the employer's template files read."""
        return tuple((self.folder / f"{outcome}.docx").resolve() for outcome in self.theirs) if self.folder else ()

    templates: Mapping[str, bytes]
    shown: Mapping[str, str]
    theirs: Mapping[str, bytes]
    folder: Path | None
    prepared: Mapping[str, Any]


@public
def letter_templates(folder: Path | str | None = None, *, format: LetterFormat = "docx") -> LetterTemplates:
    """Gives the letter templates: the default one for each outcome, or the employer's OUTCOME.docx from `folder`.

    Parameters
    ----------
    folder:
        The employer's templates (OUTCOME.docx for any outcome); None for the defaults alone.
    format:
        "docx": the Word templates are read and checked now; "markdown": Markdown letters use the default texts.

    Returns
    -------
    LetterTemplates
        To give to `letters()`.

    Raises
    ------
    InputError
        A template that cannot be read.
    slotting.render.letters.TemplateError
        A template that is not a Word document, is broken, names an unknown field or uses what templates may not.
    """
    from ..reading.templates import letter_templates as read
    from ..render import letters as render
    from ..rules.letters import OUTCOMES

    where = Path(folder) if folder is not None else None
    templates = render.default_templates()
    shown = {outcome: f"the default template {outcome}.docx" for outcome in templates}
    theirs: dict[str, bytes] = {}
    if where is not None:
        theirs = read(where, OUTCOMES)
        templates |= theirs
        shown |= {outcome: str(where / f"{outcome}.docx") for outcome in theirs}
    ready = render.prepared(templates, shown) if format == "docx" else {}
    return LetterTemplates(templates, shown, theirs, where, ready)


@public
@dataclass(frozen=True)
class Letters:
    """The letters of a review: `letters` (each person's facts and fields, in the order of the people section),
    `no_letter` (at the current stage: who gets none, and why), the `stage` they were made at, how they are
    written (`format`, `templates`) and the `sources` they were made from (the review's files and the templates).
    `documents()` gives each as bytes, then the manifest; `unfilled` lists, after it, the fields printed as
    placeholders (with `allow_missing`)."""

    letters: tuple[Letter, ...]
    no_letter: Mapping[str, str]
    stage: Stage
    format: LetterFormat
    templates: LetterTemplates
    unfilled: Unfilled = field(compare=False)
    sources: tuple[Path, ...] = ()

    @property
    def suffix(self) -> str:
        """Gives the letters' file suffix: md or docx."""
        return "md" if self.format == "markdown" else "docx"

    def names(self) -> set[str]:
        """Gives the names of the files `documents()` gives: each letter's and manifest.csv."""
        from ..render.letters import letter_files

        return letter_files(self.letters, self.suffix)

    def documents(self) -> Iterator[tuple[str, bytes]]:
        """Yields (file name, document) for each letter, one at a time, then the manifest (person, outcome, file,
        template; no salaries).

        Raises
        ------
        slotting.render.letters.MissingFields
            Before the manifest, when a letter printed a field that is not set and `allow_missing` was not given.
        slotting.render.letters.TemplateError
            A template that fails while it is filled.
        """
        from ..render import letters as render

        if self.format == "markdown":
            return render.markdown_letters(self.letters, self.unfilled)
        folder = self.templates.folder
        used = {outcome: str(folder / f"{outcome}.docx") for outcome in self.templates.theirs} if folder else {}
        return render.docx_letters(self.letters, dict(self.templates.prepared), self.unfilled, used)

    def text(self) -> Iterator[str]:
        """Yields the first letter as Markdown text (one person's, after `of()`)."""
        from ..render.letters import one_letter

        return one_letter(self.letters[0], self.unfilled)

    def of(self, person: str) -> Letters:
        """Gives the letters of one person.

        Raises
        ------
        OptionError
            The person gets no letter at this stage, or is not in the review.
        """
        if person in self.no_letter:
            raise OptionError([f"no letter for {person!r} at the current stage: {self.no_letter[person]}"])
        chosen = tuple(letter for letter in self.letters if letter.person == person)
        if not chosen:
            raise OptionError([f"no person {person!r} in the review"])
        return Letters(chosen, self.no_letter, self.stage, self.format, self.templates, self.unfilled, self.sources)

    def on_default_templates(self) -> dict[str, int]:
        """Gives, for each outcome the employer gave no template for, how many letters use the default one."""
        counts: dict[str, int] = {}
        for letter in self.letters:
            if letter.outcome not in self.templates.theirs:
                counts[letter.outcome] = counts.get(letter.outcome, 0) + 1
        return counts


@public
def letters(review: ReviewFile, result: SlottingResult | None = None, *, templates: LetterTemplates | None = None,
            format: LetterFormat = "docx", stage: Stage = "proposal", on: dt.date | None = None,
            allow_missing: bool = False) -> Letters:
    """Gives one letter per person of the review, chosen by their outcome, with the dates and figures of their case.

    Parameters
    ----------
    review:
        A review from `load()`.
    result:
        Its slotting from `slot()` (made here when not given).
    templates:
        From `letter_templates()`; default: the default templates.
    format:
        "docx" (Word) or "markdown" (email).
    stage:
        "proposal" (the default): a letter for each person on the slotting list; "current": for a review with
        decisions, the outcome letter each person's latest decision calls for (confirmed, dismissal, appeal
        outcome...); a review without decisions gives the proposal's letters (`stage` then says "proposal").
    on:
        The letters' date; None leaves letter_date unset.
    allow_missing:
        Write letters that print a field which is not set, with a visible placeholder, instead of refusing them.

    Returns
    -------
    Letters
        `documents()` gives each letter as bytes, then the manifest.
    """
    from ..render.letters import Unfilled
    from ..rules.letters import letters as make
    from ..rules.timeline import timeline
    from .slotting import slotted

    result = slotted(review, result)
    chosen = templates if templates is not None else letter_templates(format=format)
    none: dict[str, str] = {}
    made: list[Letter] | None = None
    if stage == "current" and review.decisions:
        from ..rules.decisions import current
        from ..rules.outcome_letters import outcome_letters

        now, standings = current(review, result)
        assert standings is not None
        made, no_letter = outcome_letters(review, result, timeline(review, result), now, standings, on)
        none = {n.person: n.why for n in no_letter}
    else:
        made = make(review, result, timeline(review, result), on=on)
    at: Stage = "current" if stage == "current" and review.decisions else "proposal"
    return Letters(tuple(made), none, at, format, chosen, Unfilled(allowed=allow_missing),
                   (*review.sources.paths, *chosen.sources))
