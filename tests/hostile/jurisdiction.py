"""Hostile jurisdictions and severance schemes (issue 30): names and numbers out of bounds, escape sequences in a
scheme's name, a scheme of thousands of age bands, a contradiction between the nation and the jurisdiction, and a
Northern Ireland review on a date no limit is known for; each refused where it is written, or answered without
an invented figure, in good time."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from . import Case

NHS = Path(__file__).parent.parent.parent / "examples" / "nhs" / "trust_admin_restructure.yaml"
NI = Path(__file__).parent.parent.parent / "examples" / "northern-ireland" / "review.yaml"
_SCHEME = "  severance: {scheme: nhs-afc-section-16, floor: 23000, cap: 80000}"
_NEVER = ["Traceback", "internal error"]


def _nhs(severance: str, *command: str) -> Callable[[Path], list[str]]:
    """`slotting COMMAND` (validate by default) on the NHS example with costing.severance replaced."""
    def make(folder: Path) -> list[str]:
        text = NHS.read_text(encoding="utf-8")
        assert _SCHEME in text
        path = folder / "review.yaml"
        path.write_text(text.replace(_SCHEME, f"  severance: {severance}"), encoding="utf-8")
        return [*(command or ("validate",)), str(path)]
    return make


def _ni(old: str, new: str, *command: str) -> Callable[[Path], list[str]]:
    """`slotting COMMAND` on the Northern Ireland example with each line of `old` replaced by that of `new`."""
    def make(folder: Path) -> list[str]:
        text = NI.read_text(encoding="utf-8")
        for before, after in zip(old.split("|"), new.split("|")):
            assert before in text, before
            text = text.replace(before, after, 1)
        path = folder / "review.yaml"
        path.write_text(text, encoding="utf-8")
        return [command[0], str(path), *command[1:]]
    return make


_BANDS = "{unit: weeks, per_year: [" + ", ".join(f"{{from: {i % 90}, per_year: 1}}" for i in range(5000)) + "]}"

CASES = [
    Case("severance_unknown_scheme_with_escapes", _nhs('"\\e[31mnhs\\e]8;;x"'), 1, "expected one of",
         never=["\x1b[31m", *_NEVER]),
    Case("severance_multiplier_1e400", _nhs("{scheme: nhs-afc-section-16, floor: 23000, cap: 80000, multiplier: 1e400}"),
         1, "costing.severance", never=_NEVER),
    Case("severance_maximum_1e30", _nhs("{unit: months, per_year: 1, maximum: 1e30}"), 1, "maximum", never=_NEVER),
    Case("severance_floor_above_cap", _nhs("{scheme: nhs-afc-section-16, floor: 90000, cap: 80000}"), 1,
         "floor (90000) is above cap (80000)", never=_NEVER),
    Case("severance_five_thousand_age_bands", _nhs(_BANDS), 1, "costing.severance", never=_NEVER),
    Case("severance_unknown_term", _nhs("{scheme: nhs-afc-section-16, floor: 23000, cap: 80000, cap_pay: 1}"), 1,
         "unknown field(s) cap_pay", never=_NEVER),
    Case("severance_lg_multiplier_over_3467", _nhs("{scheme: lg-england-wales-2006, multiplier: 3.468}"), 1,
         "above the 3.467 the scheme allows", never=_NEVER),
    Case("jurisdiction_unknown", _ni("jurisdiction: northern-ireland", "jurisdiction: wales", "validate"), 1,
         "review.jurisdiction", never=_NEVER),
    Case("jurisdiction_contradicted_by_nation", _ni("    decision: 2025-02-03\n",
                                                    "    decision: 2025-02-03\n    nation: england-and-wales\n",
                                                    "validate"),
         1, "contradicts review.jurisdiction northern-ireland", never=_NEVER),
    # 2021 lies in the NI table's gap: the case says so rather than use GB's figure or the last NI one.
    Case("jurisdiction_ni_date_without_a_limit", _ni("effective_date: 2025-06-02|2025-01-06|2025-02-03",
                                                     "effective_date: 2021-06-01|2021-01-06|2021-02-03",
                                                     "explain", "C001"), 0,
         "no NI weekly limit is known for", never=["£547", "£544", *_NEVER]),
]
