"""Pay protection by scheme (policy.protection): how much of a fall in pay is paid, year by year.

cash: the whole fall for policy.protection_years years (Leicester report s.8.2: "Pay Protection for
two years will apply to all Directors whose salary goes down"). tapered: a share of the fall in each
year of protection, e.g. 100% then 50%. mark_time: the salary is held until the new grade's pay,
raised by pay awards, reaches it. In every scheme the protected salary is held in cash terms, so the
fall in a year is the current salary less the new pay as raised by the awards so far; an optional
cap limits what one person is paid in a year.
"""

from __future__ import annotations

from decimal import Decimal

from ..model import Policy
from ..model.costing import PROFILE_YEARS
from ..model.types import written
from .reasons import money_words


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
    scheme = policy.protection
    cap = f", at most {money_words(scheme.cap)} a year (the cap)" if scheme.cap is not None else ""
    if scheme.scheme == "cash":
        years = policy.protection_years
        capped = f" ({money_words(protected(policy, fall, 0))} a year after the cap)" if scheme.cap is not None \
            and scheme.cap < fall else ""
        return f"cash protection for {years} year{'s' if years != 1 else ''}{capped}"
    if scheme.scheme == "tapered":
        amounts = ", ".join(f"{money_words(a)} in year {k}" for k, a in enumerate(by_year(policy, fall), start=1))
        shares = " then ".join(f"{written(s * 100)}%" for s in scheme.shares or [])
        of = "the original fall" if scheme.shares_of == "original" else "the fall"
        return f"tapered protection ({shares} of {of}{cap}): {amounts}"
    limit = f", for at most {scheme.years} years" if scheme.years else ""
    return (f"protection by marking time: the current salary is held, {money_words(protected(policy, fall, 0))} a "
            f"year above the new pay, until pay awards (costing.pay_awards) close the gap{limit}{cap}")

