"""`slotting savings FILE`: the cost of the old and new structures against a savings target."""

from __future__ import annotations

import enum
from decimal import Decimal, InvalidOperation
from typing import Annotated, Optional

import typer

from .. import limits
from .base import Output, Review, SheetFormat, app, check_output, guard, one_review, slotted, stages, workbook_needs_a_file, write
from .run import Stage


class CsvTable(str, enum.Enum):
    groups = "groups"
    financial_years = "financial-years"
    exit_costs = "exit-costs"


class Basis(str, enum.Enum):
    top = "top"
    slotted = "slotted"


def _amount(value: Optional[str]) -> Decimal | None:
    """An amount in pounds from the command line (800000, 800,000 or £800,000), bounded."""
    if value is None:
        return None
    try:
        amount = Decimal(value.replace(",", "").replace("£", ""))
    except InvalidOperation:
        raise typer.BadParameter(f"expected an amount in pounds such as 800000; got {value!r}") from None
    if not amount.is_finite() or abs(amount) > limits.MONEY * 100:
        raise typer.BadParameter(f"expected an amount of at most £{limits.MONEY * 100:,} either way")
    return amount


@app.command()
def savings(
    files: Review,
    format: Annotated[SheetFormat, typer.Option("--format", "-f", help="Output format (xlsx needs -o).")]
    = SheetFormat.table,
    output: Output = None,
    target: Annotated[Optional[str], typer.Option("--target", help="Budget target for the full-year saving, "
                                                  "in pounds; exit 1 when it is not met. Default: "
                                                  "costing.target_saving.", show_default=False)] = None,
    basis: Annotated[Optional[Basis], typer.Option("--basis", help="Cost new posts at the top of the grade, "
                                                   "or at slotted salaries. Default: costing.new_posts_at.",
                                                   show_default=False)] = None,
    table: Annotated[CsvTable, typer.Option("--table", help="With --format csv: which table - the savings by "
                                            "post group, or (with the finance view) the financial years or the "
                                            "exit costs.")] = CsvTable.groups,
    stage: Annotated[Stage, typer.Option("--stage", help="current: the one-off costs after every decision recorded "
                                         "(the redundancies decided actual, the rest estimated); proposal: the "
                                         "proposal's estimates alone. A review without decisions gives the proposal "
                                         "either way.")] = Stage.current,
) -> None:
    """Cost the old and new structures against a savings target.

    The savings table by post group, the year-by-year profile with pay protection, and the target
    check (exit 1 when the full-year saving falls short).
    """
    path = one_review(files)
    target_amount = _amount(target)
    workbook_needs_a_file(format, output, "savings.xlsx")
    if table is not CsvTable.groups and format is not SheetFormat.csv:
        raise typer.BadParameter("--table chooses one table for --format csv; the other formats carry them all",
                                 param_hint="--table")
    check_output(output, [path])

    def body() -> int:
        from .. import InputError, Problem, cost
        from ..render import renderer
        from ..render.savings import target_line

        with stages(4) as note:
            review, slotting = slotted(path, note)
            if table is not CsvTable.groups and review.finance_asked_by is None:
                raise InputError([Problem(str(path), None, None, "costing", f"--table {table.value} needs the "
                                          "profile by financial year: set costing.financial_year_start (or another "
                                          "field of the finance view) in the review")])
            note("costing")
            result = cost(review, slotting, basis=basis.value if basis else None, target=target_amount, stage=stage.value)
        options = {"table": table.value} if format is SheetFormat.csv else {}
        write(renderer("savings", format.value)(result, **options), output, review.sources.paths)
        if result.target_met is False:
            typer.echo(target_line(result), err=True)
            return 1
        return 0

    guard(body)
