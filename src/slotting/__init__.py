"""slotting: slotting and savings calculator for organisational restructures in UK public bodies.

The library API:

    import slotting
    review = slotting.load("examples/leicester_2011.yaml")
    result = slotting.slot(review)             # who is assimilated, matched, in a pool, displaced
    figures = slotting.cost(review, result)    # the savings table, yearly profile and target
    summary = slotting.equality_summary(review, result)
"""

from __future__ import annotations

from .model import Policy, ReviewFile
from .problems import InputError, Problem
from .reading import load
from .rules.engine import slot
from .rules.equality import EqualityResult
from .rules.equality import equality as equality_summary
from .rules.results import PersonResult, PostResult, SlottingResult
from .rules.savings import SavingsResult
from .rules.savings import savings as cost

__version__ = "0.2.0"

__all__ = ["EqualityResult", "InputError", "PersonResult", "Policy", "PostResult", "Problem", "ReviewFile",
           "SavingsResult", "SlottingResult", "__version__", "cost", "equality_summary", "load", "slot"]
