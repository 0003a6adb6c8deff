"""`slotting explain FILE PERSON`: one person's slotting in words, for an appeal."""

from __future__ import annotations

from typing import Annotated

import typer

from .base import Review, app, fail, guard, one_review, slotted, stages, write


@app.command()
def explain(
    files: Review,
    person: Annotated[str, typer.Argument(help="The id of the person to explain.", show_default=False,
                                          metavar="PERSON")],
) -> None:
    """Explain one person's slotting, for an appeal.

    Every claim with its figures and the rule that accepted or rejected it, who they compete with,
    and the pay placement.
    """
    path = one_review(files)

    def body() -> int:
        from ..render.explain import explain_text

        with stages(3) as note:
            review, result = slotted(path, note)
        if result.person(person) is None:
            known = ", ".join(p.id for p in result.people[:10])
            more = " ..." if len(result.people) > 10 else ""
            fail([f"no person {person!r} in the review (people in the review: {known}{more})"])
        from ..rules.case import cases

        write(explain_text(result, person, review, cases(review, result)[person]), None)
        return 0

    guard(body)
