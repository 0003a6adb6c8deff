"""A person's case in words, for `explain`: notice, the dates, protection and, for the people at risk, what leaving
would cost, each with the basis the case gives (rules.case). Only what is known is said."""

from __future__ import annotations

from ..formats import long_date
from ..rules.case import Case
from .common import money


def case_lines(case: Case) -> list[str]:
    """Gives the lines of a person's case (an empty list when nothing is known beyond the slotting)."""
    lines: list[str] = []
    if case.notice_weeks is not None:
        lines.append(f"Notice: {case.notice_basis}.")
    if case.earliest_dismissal is not None:
        lines.append(f"If dismissed: notice given {long_date(case.notice_given)}, earliest dismissal "
                     f"{long_date(case.earliest_dismissal)}.")
    if case.trial_end is not None:
        lines.append(f"Trial period in an alternative post ends {long_date(case.trial_end)} (ERA 1996 s.138).")
    if case.protection_end is not None:
        lines.append(f"Pay protection ends {long_date(case.protection_end)}.")
    owed = case.entitlements
    if owed is not None and any(part.amount for _, part in owed.parts):
        lines.append(f"If made redundant (an estimate, not an entitlement): relevant date {long_date(case.relevant_date)}, "
                     f"{case.relevant_basis}.")
        for name, part in owed.parts:
            label = {"redundancy": "Redundancy pay", "notice": "Pay in lieu of notice", "pension_strain": "Pension "
                     "strain", "employer_ni": "Employer NI"}[name]
            amount = money(part.amount) if part.amount is not None else "no figure"
            lines.append(f"  {label}: {amount} ({part.basis}).")
    if not lines:
        return []
    return ["", "The case (the figures every view states):", *[f"  {line}" for line in lines]]
