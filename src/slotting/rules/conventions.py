"""The costing conventions in words: how the savings table and its profiles cost posts, protection and years."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from ..formats import pounds, rate
from ..model import NewPost, OldPost, Policy, ReviewFile
from ..model.types import written
from .finance import engaged
from .oncosts import OnCostModel

Basis = Literal["top", "slotted"]


def conventions(review: ReviewFile, basis: Basis, model: OnCostModel | None = None) -> tuple[str, ...]:
    """Gives the costing conventions in words, for the output and the docs."""
    c = review.costing
    finance = engaged(review)
    return (
        _post_cost(review, model or OnCostModel(c), finance),
        _old_posts(review),
        ("New posts: at the top of the grade, for every place." if basis == "top" else
         "New posts: filled places at the slotted salary (a competitive pool's places at the mean of its "
         "candidates' slotted salaries), empty places at the top of the grade."),
        f"Each cell is rounded half up to a multiple of £{written(c.round_to)}; totals are the sums of the "
        "rounded cells.",
        f"{_protection(review.policy)} x (1 + on-costs) x "
        "(1 - funding of the new post), the larger once for a person with two slots; for a competitive pool, "
        f"its places x the {'largest' if c.pool_protection == 'max' else 'mean'} protection of its candidates. "
        + _profile(finance),
    )


def _protection(p: Policy) -> str:
    """Gives the protection scheme's yearly amount in words."""
    scheme = p.protection
    if scheme.scheme == "cash" and scheme.cap is None:
        return f"Pay protection for {p.protection_years} year(s) = (current - new salary)"
    if scheme.scheme == "cash":
        assert scheme.cap is not None
        return (f"Pay protection for {p.protection_years} year(s) = (current - new salary), at most "
                f"{pounds(scheme.cap)} a person a year,")
    if scheme.scheme == "tapered":
        shares = ", ".join(rate(share) for share in scheme.shares or [])
        cap = f", at most {pounds(scheme.cap)} a person a year," if scheme.cap is not None else ""
        return f"Tapered pay protection, year by year {shares} of (current - new salary){cap}"
    cap = f", at most {pounds(scheme.cap)} a person a year" if scheme.cap is not None else ""
    limit = f" for at most {scheme.years} years" if scheme.years else ""
    return (f"Pay protection by marking time{limit}: (current - new salary){cap}, until pay awards close "
            "the gap (costing.pay_awards; a scheme other than cash asks for the finance view),")


def _post_cost(review: ReviewFile, model: OnCostModel, finance: bool) -> str:
    """Gives what a post costs in words: on-costs, external funding (time-limited where it is) and FTE."""
    c, p = review.costing, review.policy
    cost = (f"Cost of a post = salary x (1 + on-costs {rate(c.on_cost_rate)}) x (1 - external funding)."
            if model.flat else f"Cost of a post = salary + {model.describe()}, on the effective date, x (1 - "
            "external funding).")
    posts: list[OldPost | NewPost] = [*review.old_structure.posts, *review.new_structure.posts]
    if not all(isinstance(post.external_funding, Decimal) for post in posts):
        cost += (" Time-limited funding: the share in force on the effective date" +
                 (" in this full-year table; both profiles take the share in force on each day." if finance else "."))
    if any(post.fte != 1 for post in review.new_structure.posts) or p.places == "fte":
        cost += (" A new post's place is costed at its FTE" + (" (counting places by FTE, a filled place at its holder's "
                 "FTE)." if p.places == "fte" else "."))
    return cost


def _old_posts(review: ReviewFile) -> str:
    """Gives how old posts are costed in words: a post of several places or part-time holders says how each is."""
    old = ("Old posts: the post's salary if given, else its holder's salary, else the top of its grade; "
           "vacant posts and posts outside the review are costed.")
    if review.part_time or any(post.count > 1 or post.fte is not None for post in review.old_structure.posts):
        old += (" A post of several places (count) costs each holder's place so, at the holder's FTE, and its vacant "
                "places (or the establishment FTE no holder works) at the post's salary, else the top of its grade.")
    return old


def _profile(finance: bool) -> str:
    """Gives how the year-by-year profile is found in words: by 12 months of the finance view, or the full year
    less each year's protection."""
    if finance:
        return ("Year by year: the 12 months from the effective date and from each anniversary of it (the "
                "protection years), the same figures as the profile by financial year grouped by 12 months "
                "(funding, pay awards and on-costs in force on each day): a figure is the annual rate of each "
                "period x its days / the days of those 12 months. Year N saving = existing cost - new cost - "
                "protection in those 12 months. One-off: the whole exit cost (as in the first financial year), in "
                "year 1.")
    return "Year N saving = full-year saving - protection in year N."
