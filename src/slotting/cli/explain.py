"""`slotting explain FILE PERSON...`: each person's slotting in words, for an appeal (or as JSON or Markdown)."""

from __future__ import annotations

import enum
from pathlib import Path
from typing import Annotated

import typer

from .base import app, fail, guard, one_review, slotted, stages, write

REVIEW_SUFFIXES = (".yaml", ".yml")


class ExplainFormat(str, enum.Enum):
    text = "text"
    json = "json"
    markdown = "markdown"


@app.command()
def explain(
    arguments: Annotated[list[str], typer.Argument(
        help="The review file (its sections may name further files in its folder), then the id of each person "
        "to explain.", show_default=False, metavar="FILE PERSON")],
    format: Annotated[ExplainFormat, typer.Option(
        "--format", "-f", help="text (the default), json (each person's run fields, claims and case as data) or "
        "markdown.")] = ExplainFormat.text,
) -> None:
    """Explain each person's slotting, for an appeal.

    Every claim with its figures and the rule that accepted or rejected it, who they compete with,
    the pay placement and the person's case.
    """
    if len(arguments) < 2:
        raise typer.BadParameter("give the review file, then the id of each person to explain",
                                 param_hint="FILE PERSON")
    # review files given where ids are expected: the 0.1 habit of merging files, answered as run answers it
    files = [Path(arguments[0])] + [Path(a) for a in arguments[1:] if a.lower().endswith(REVIEW_SUFFIXES)
                                     and Path(a).is_file()]
    path = one_review(files)
    wanted = list(dict.fromkeys(arguments[1:]))  # each once, in the order given

    def body() -> int:
        from ..render.explain import explain_text

        with stages(3) as note:
            review, result = slotted(path, note)
        unknown = [person for person in wanted if result.person(person) is None]
        if unknown:
            fail([_unknown(person, [p.id for p in result.people]) for person in unknown])
        from ..rules.case import cases

        found = cases(review, result).people
        if format is ExplainFormat.json:
            from ..render.explain_data import explain_json

            write(explain_json(result, wanted, review, found), None)
        elif format is ExplainFormat.markdown:
            from ..render.explain_data import explain_markdown

            write(explain_markdown(result, wanted, review, found), None)
        else:
            write(_texts(_with_decisions(explain_text, review, result, found), result, wanted, review, found), None)
        return 0

    guard(body)


def _texts(explain_text, result, wanted, review, found):
    """Yields each person's explanation, a blank line between two."""
    for i, person in enumerate(wanted):
        if i:
            yield "\n"
        yield from explain_text(result, person, review, found[person])


def _with_decisions(explain_text, review, result, found):
    """Gives explain_text that also states where each person stands after the review's decisions, if it has any."""
    if not review.decisions:
        return explain_text
    from ..rules.decisions import decided

    standings = decided(review, result, found)
    return lambda *args: explain_text(*args, standing=standings.person(args[1]), offers=standings.offers(args[1]))


def _unknown(person: str, known: list[str]) -> str:
    """Gives the message for an id not in the review, with the id meant when one is near (e001 for E001)."""
    import difflib

    near = [k for k in known if k.casefold() == person.casefold()] or difflib.get_close_matches(person, known, n=1)
    if near:
        return f"no person {person!r} in the review; did you mean {near[0]!r}?"
    shown = ", ".join(known[:10]) + (" ..." if len(known) > 10 else "")
    return f"no person {person!r} in the review (people in the review: {shown})"
