"""`sensitivity`: how much the outcome hangs on each number."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from ..rules.sensitivity import SensitivityResult as _SensitivityResult
from ._public import AsJson, public, republished, within

if TYPE_CHECKING:
    from ..model import ReviewFile


@public
@dataclass(frozen=True)
class SensitivityResult(_SensitivityResult, AsJson):
    """The headline figures across values of policy fields, and the fragile decisions: the varied `fields` and the
    file's `own` value of each, the `sweep` (a row of headline figures per variant: people by outcome, potential
    displacements, full-year saving, and with the finance view the exit costs, net saving and payback), the `margin`
    and the `fragile` decisions (whose outcome or post changes when one overlap figure or threshold moves by the
    margin or less). `to_json()` gives `slotting sensitivity --format json`."""

    def _json(self) -> Iterable[bytes]:
        from ..render.sensitivity import sensitivity_json

        return sensitivity_json(self)


@public
def parse_varies(vary: Sequence[str]) -> list[Any]:
    """Gives the variations that `--vary` texts ask for (FIELD=START:STOP:STEP or FIELD=v1,v2,...), checked.

    Each field, value and the grid's size are checked before any work, so that a mistake costs nothing.

    Raises
    ------
    VaryError
        A text that is not a variation (`malformed` is True), or one over the limits, or an unknown field.
    """
    from ..rules.sensitivity import parse_varies as parse

    return parse(list(vary))


@public
def sensitivity(review: ReviewFile, *, vary: Sequence[Any] = (), margin: Decimal | int | str = 5) -> SensitivityResult:
    """Gives the headline figures across values of policy or costing fields, and the decisions within a margin.

    Parameters
    ----------
    review:
        A review from `load()`.
    vary:
        Texts such as "assimilate_threshold=70:80:1" or "costing.on_cost_rate=0.25,0.3", one a field (a grid when
        several), or what `parse_varies()` gave for them; none: the fragile decisions alone.
    margin:
        Points within which a moved overlap figure or threshold makes a decision fragile; 0 lists none.

    Returns
    -------
    SensitivityResult
        Its `to_json()` is what `slotting sensitivity --format json` prints.

    Raises
    ------
    VaryError
        A variation that cannot be read, is over the limits, or gives a field a value it cannot take.
    """
    from ..rules.sensitivity import sensitivity as analyse

    varies = parse_varies(vary) if all(isinstance(v, str) for v in vary) else list(vary)
    found = analyse(review, varies, within("margin", margin, 0, 100))
    return republished(SensitivityResult, found)

