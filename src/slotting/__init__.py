"""slotting: slotting and savings calculator for organisational restructures in UK public bodies.

The library is the tool: each command of the CLI is a function here, with the same figures.

    import slotting
    review = slotting.load("examples/leicester_2011.yaml")
    result = slotting.slot(review)               # who is assimilated, matched, in a pool, displaced
    figures = slotting.cost(review, result)      # the savings table, yearly profile and target
    print(figures.to_json())                     # what `slotting savings --format json` prints
    why = slotting.explain(review, result, people=["P02"]).as_dict()    # the reasons as data
    paper = slotting.report(review, result, format="markdown")          # the committee paper, as bytes

Commands: load, validate, slot, cost, equality_summary, explain, timeline, redeployment, letters, report,
compare, sensitivity, overlaps_compute, overlaps_suggest, schema, starter. Options are keyword-only; a review
with problems raises InputError (every problem, located); an option the review cannot honour, OptionError.

The names are imported when first used, so that `slotting --version` and `--help` start without pydantic and
the models, and a command imports only what it uses.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.2.0"

_WHERE = {
    "load": "slotting.api.slotting",
    "slot": "slotting.api.slotting",
    "SlottingResult": "slotting.api.slotting",
    "cost": "slotting.api.costs",
    "SavingsResult": "slotting.api.costs",
    "equality_summary": "slotting.api.costs",
    "EqualityResult": "slotting.api.costs",
    "explain": "slotting.api.explain",
    "Explanation": "slotting.api.explain",
    "timeline": "slotting.api.timeline",
    "TimelineResult": "slotting.api.timeline",
    "redeployment": "slotting.api.timeline",
    "Register": "slotting.api.timeline",
    "letters": "slotting.api.letters",
    "letter_templates": "slotting.api.letters",
    "Letters": "slotting.api.letters",
    "LetterTemplates": "slotting.api.letters",
    "report": "slotting.api.report",
    "compare": "slotting.api.compare",
    "Comparison": "slotting.api.compare",
    "sensitivity": "slotting.api.sensitivity",
    "parse_varies": "slotting.api.sensitivity",
    "SensitivityResult": "slotting.api.sensitivity",
    "VaryError": "slotting.rules.sensitivity",
    "overlaps_compute": "slotting.api.overlaps",
    "overlaps_suggest": "slotting.api.overlaps",
    "Suggestions": "slotting.api.overlaps",
    "validate": "slotting.api.checks",
    "Validation": "slotting.api.checks",
    "schema": "slotting.api.checks",
    "starter": "slotting.api.checks",
    "OptionError": "slotting.api._public",
    "Policy": "slotting.model",
    "ReviewFile": "slotting.model",
    "InputError": "slotting.problems",
    "Problem": "slotting.problems",
    "PersonResult": "slotting.rules.results",
    "PostResult": "slotting.rules.results",
}

__all__ = ["Comparison", "EqualityResult", "Explanation", "InputError", "LetterTemplates", "Letters", "OptionError",
           "PersonResult", "Policy", "PostResult", "Problem", "Register", "ReviewFile", "SavingsResult",
           "SensitivityResult", "SlottingResult", "Suggestions", "TimelineResult", "Validation", "VaryError",
           "__version__", "compare", "cost", "equality_summary", "explain", "letter_templates", "letters", "load",
           "overlaps_compute", "overlaps_suggest", "parse_varies", "redeployment", "report", "schema", "sensitivity",
           "slot", "starter", "timeline", "validate"]

if TYPE_CHECKING:
    from .api._public import OptionError
    from .api.checks import Validation, schema, starter, validate
    from .api.compare import Comparison, compare
    from .api.costs import EqualityResult, SavingsResult, cost, equality_summary
    from .api.explain import Explanation, explain
    from .api.letters import Letters, LetterTemplates, letter_templates, letters
    from .api.overlaps import Suggestions, overlaps_compute, overlaps_suggest
    from .api.report import report
    from .api.sensitivity import SensitivityResult, parse_varies, sensitivity
    from .api.slotting import SlottingResult, load, slot
    from .api.timeline import Register, TimelineResult, redeployment, timeline
    from .model import Policy, ReviewFile
    from .problems import InputError, Problem
    from .rules.results import PersonResult, PostResult
    from .rules.sensitivity import VaryError


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        value = getattr(import_module(_WHERE[name]), name)
        # shown where users import it (help(), reprs, tracebacks), as httpx does for its public names
        value.__module__ = __name__
        globals()[name] = value
        return value
    raise AttributeError(f"module 'slotting' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
