"""slotting: slotting and savings calculator for organisational restructures in UK public bodies.

The library API:

    import slotting
    review = slotting.load("examples/leicester_2011.yaml")
    result = slotting.slot(review)             # who is assimilated, matched, in a pool, displaced
    figures = slotting.cost(review, result)    # the savings table, yearly profile and target
    summary = slotting.equality_summary(review, result)

The names are imported when first used, so that `slotting --version` and `--help` start without
pydantic and the models.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.2.0"

_WHERE = {
    "load": ("slotting.reading", "load"),
    "slot": ("slotting.rules.engine", "slot"),
    "cost": ("slotting.rules.savings", "savings"),
    "equality_summary": ("slotting.rules.equality", "equality"),
    "Policy": ("slotting.model", "Policy"),
    "ReviewFile": ("slotting.model", "ReviewFile"),
    "InputError": ("slotting.problems", "InputError"),
    "Problem": ("slotting.problems", "Problem"),
    "SlottingResult": ("slotting.rules.results", "SlottingResult"),
    "PersonResult": ("slotting.rules.results", "PersonResult"),
    "PostResult": ("slotting.rules.results", "PostResult"),
    "SavingsResult": ("slotting.rules.savings", "SavingsResult"),
    "EqualityResult": ("slotting.rules.equality", "EqualityResult"),
}

__all__ = ["EqualityResult", "InputError", "PersonResult", "Policy", "PostResult", "Problem", "ReviewFile",
           "SavingsResult", "SlottingResult", "__version__", "cost", "equality_summary", "load", "slot"]

if TYPE_CHECKING:
    from .model import Policy, ReviewFile
    from .problems import InputError, Problem
    from .reading import load
    from .rules.engine import slot
    from .rules.equality import EqualityResult
    from .rules.equality import equality as equality_summary
    from .rules.results import PersonResult, PostResult, SlottingResult
    from .rules.savings import SavingsResult
    from .rules.savings import savings as cost


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        module, attribute = _WHERE[name]
        value = getattr(import_module(module), attribute)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'slotting' has no attribute {name!r}")
