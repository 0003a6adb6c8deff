"""Pay protection by scheme (policy.protection): how much of a fall in pay is paid, year by year.

cash: the whole fall for policy.protection_years years (Leicester report s.8.2: "Pay Protection for
two years will apply to all Directors whose salary goes down"). tapered: a share of the fall in each
year of protection, e.g. 100% then 50%. mark_time: the salary is held until the new grade's pay,
raised by pay awards, reaches it; red-circling (the salary held, no awards, until the grade catches up) is
this scheme. In every scheme the protected pay is held in cash terms, so the fall in a year is the protected
pay less the new pay as raised by the awards so far; with rises_with_awards the protected pay is raised by
the same awards, so the fall keeps its value. An optional cap limits what one person is paid in a year.

The protected pay is the salary plus the allowances policy.protection.includes names (NHS practice: average
unsocial-hours and on-call payments, people[].allowances), wherever slotting lowers the salary: `fall` gives
it once, for the case's schedule, the savings profile and the finance view alike.
"""

from __future__ import annotations

from decimal import Decimal

from ..formats import pounds, rate
from ..model import Person, Policy
from ..model.costing import PROFILE_YEARS


def included(policy: Policy, person: Person) -> Decimal:
    """Gives the allowances of a person's protected pay: the sum of those the policy includes (a year, full time)."""
    return sum((person.allowances.get(name, Decimal(0)) for name in policy.protection.includes), Decimal(0))


def fall(allowances: Decimal, salary_fall: Decimal) -> Decimal:
    """Gives the fall in pay protection is paid on: the fall in salary slotting makes plus the allowances the policy
    includes (the engine's PersonResult.protected_allowances, found once by `included`), or nothing when the salary
    does not fall. Every view (the case, savings, the finance view, run, explain) reads it from here."""
    if salary_fall <= 0:
        return Decimal(0)
    return salary_fall + allowances


def held_factor(policy: Policy, award_factor: Decimal) -> Decimal:
    """Gives what the protected pay is multiplied by after pay awards: the awards' factor when it rises with them,
    else 1 (held in cash terms)."""
    return award_factor if policy.protection.rises_with_awards else Decimal(1)


def protected(policy: Policy, fall: Decimal, year_index: int, original: Decimal | None = None) -> Decimal:
    """Gives the protection paid for a year's fall in pay in protection year `year_index` (0 is the first);
    `original` is the fall when protection began (a tapered share of it, with shares_of: original)."""
    if fall <= 0:
        return Decimal(0)
    scheme = policy.protection
    if scheme.scheme == "cash":
        amount = fall if year_index < policy.protection_years else Decimal(0)
    elif scheme.scheme == "tapered":
        shares = scheme.shares or []
        base = original if scheme.shares_of == "original" and original is not None else fall
        amount = min(fall, base * shares[year_index]) if year_index < len(shares) else Decimal(0)
    else:
        amount = fall if scheme.years is None or year_index < scheme.years else Decimal(0)
    return min(amount, scheme.cap) if scheme.cap is not None else amount


def protection_years(policy: Policy, horizon: int = PROFILE_YEARS) -> int:
    """Gives the number of years in which protection may be paid (mark time: up to a horizon)."""
    scheme = policy.protection
    if scheme.scheme == "cash":
        return policy.protection_years
    if scheme.scheme == "tapered":
        return len(scheme.shares or [])
    return scheme.years or horizon


def by_year(policy: Policy, fall: Decimal, horizon: int = PROFILE_YEARS) -> list[Decimal]:
    """Gives the protection paid in each year for a fall in pay at today's pay (no awards)."""
    return [protected(policy, fall, k) for k in range(protection_years(policy, horizon))]


def describe(policy: Policy, fall: Decimal) -> str:
    """Gives the protection of one fall in pay in words, with the amounts by year."""
    return _scheme_words(policy, fall) + _pay_words(policy)


def _pay_words(policy: Policy) -> str:
    """Gives what the protected pay includes and how awards treat it, in words (nothing for the defaults)."""
    scheme = policy.protection
    said = []
    if scheme.includes:
        said.append(f"the protected pay includes {', '.join(scheme.includes)} (policy.protection.includes)")
    if scheme.rises_with_awards:
        said.append("it rises with pay awards")
    return f"; {' and '.join(said)}" if said else ""


def _scheme_words(policy: Policy, fall: Decimal) -> str:
    scheme = policy.protection
    cap = f", at most {pounds(scheme.cap)} a year (the cap)" if scheme.cap is not None else ""
    if scheme.scheme == "cash":
        years = policy.protection_years
        capped = f" ({pounds(protected(policy, fall, 0))} a year after the cap)" if scheme.cap is not None \
            and scheme.cap < fall else ""
        return f"cash protection for {years} year{'s' if years != 1 else ''}{capped}"
    if scheme.scheme == "tapered":
        amounts = ", ".join(f"{pounds(a)} in year {k}" for k, a in enumerate(by_year(policy, fall), start=1))
        shares = " then ".join(rate(s) for s in scheme.shares or [])
        of = "the original fall" if scheme.shares_of == "original" else "the fall"
        return f"tapered protection ({shares} of {of}{cap}): {amounts}"
    limit = f", for at most {scheme.years} years" if scheme.years else ""
    return (f"protection by marking time: the current salary is held, {pounds(protected(policy, fall, 0))} a "
            f"year above the new pay, until pay awards (costing.pay_awards) close the gap{limit}{cap}")

