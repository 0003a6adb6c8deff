"""The structure charts of the paper: each old and new post as a box, coloured as the audience may see it."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from decimal import Decimal

from ...model import NewPost, OldPost
from .. import charts
from .paper import Paper

DRAWN = 1000  # posts of a structure drawn box by box (over as many charts as it takes); beyond, one box a group
GROUPS_DRAWN = 40  # group boxes in a large structure's chart: the groups with most places, the rest in one box

Parts = tuple[tuple[str, int | Decimal], ...]
Structure = tuple[str, list[charts.Chart], str]  # (heading, charts, note)


def _old_parts(p: Paper, post_id: str) -> tuple[str, Parts]:
    """Gives an old post's key and, when its places differ, how they divide: in the public paper held, vacant or
    outside the review; in the confidential paper by the outcome of each holder."""
    post = p.review.old_post[post_id]
    if not post.in_review:
        return "outside", ()
    holders = [h for h in p.review.holders.get(post_id, []) if p.result.person(h.id) is not None]
    held: Counter[str] = Counter()
    for h in holders:
        person = p.result.person(h.id)
        assert person is not None
        held["held" if p.audience != "confidential" else person.outcome] += 1
    vacant = max(post.count - len(holders), 0) if holders else post.count
    if vacant:
        held["vacant"] += vacant
    parts = tuple((k, held[k]) for k in charts.COLOURS if held.get(k))
    if not parts:
        return "outside", ()
    return (parts[0][0], ()) if len(parts) == 1 else ("mixed", parts)


def _new_parts(p: Paper, post_id: str) -> tuple[str, Parts]:
    """Gives a new post's key and, when its places are filled in more than one way, how they divide. The public
    paper shows the structure alone: how a post is filled would tell, for a post with one successor, what
    became of its holder."""
    post = p.review.new_post[post_id]
    if not post.in_review:
        return "outside", ()
    if p.audience != "confidential":
        return "post", ()
    found = p.result.post(post_id)
    if found.on_hold:
        return "on hold", ()
    filled: list[tuple[str, int | Decimal]] = [
        ("assimilated", len(found.assimilated)), ("matched", len(found.matched)),
        ("pool", sum((pool.places for pool in found.pools), 0)), ("ring-fenced", found.ring_fenced_places)]
    parts = tuple((k, n) for k, n in filled if n)
    if not parts:
        return "vacant", ()
    return (parts[0][0], ()) if len(parts) == 1 else ("mixed", parts)


STRUCTURE_NOTE_PUBLIC_NEW = ("This public paper draws the new structure alone: how a post is filled would tell, "
                             "for a post with one successor, what became of its holder (--audience confidential "
                             "colours each post by how it is filled).")
PartsOf = Callable[[Paper, str], tuple[str, Parts]]


def structure_charts(p: Paper, *, apart: bool = False) -> list[Structure]:
    """Gives (heading, charts, note) for the old and the new structure: every post drawn, split over several
    charts by branch when the structure does not fit a page, or (unless the paper draws every post) one box
    per group beyond DRAWN posts. With `apart`, each chart's words are its labels, for Typst to set as text."""
    confidential = p.audience == "confidential"
    old = ("The existing structure, coloured by the outcome of each post's holder" if confidential else
           "The existing structure", p.review.old_structure.posts, _old_parts,
           ["assimilated", "matched", "competitive", "displaced", "vacant", "outside"] if confidential
           else ["held", "vacant", "outside"])
    new = ("The new structure, coloured by how each post is filled" if confidential else "The new structure",
           p.review.new_structure.posts, _new_parts,
           ["assimilated", "matched", "pool", "ring-fenced", "on hold", "vacant", "outside"] if confidential
           else ["post", "outside"])
    made = []
    for name, posts, parts_of, legend in (old, new):
        group = {post.id: post.group or p.review.grade[post.grade].name for post in posts}
        if len(posts) > DRAWN and not p.every_post:
            drawn, note = _by_group(p, posts, group, parts_of, legend)
        else:
            drawn, note = _post_by_post(p, posts, group, parts_of, legend, apart)
        made.append((name, drawn, note))
    return made


def _by_group(p: Paper, posts: Sequence[OldPost | NewPost], group: dict[str, str], parts_of: PartsOf, legend: list[str]
              ) -> tuple[list[charts.Chart], str]:
    """Gives one chart of a box per group, with its places counted by colour, and its note."""
    counts: dict[str, dict[str, int | Decimal]] = {}  # places: whole, or FTE as Decimals
    for post in posts:
        key, parts = parts_of(p, post.id)
        shares: Parts = parts or ((key, post.count),)
        bucket = counts.setdefault(group[post.id], {})
        for part, amount in shares:
            bucket[part] = bucket.get(part, 0) + amount
    svg = charts.group_chart(_largest_groups(counts), legend)
    w, h = _size(svg)
    note = (f"{len(posts):,} posts: drawn as one box per group, with its places counted by colour. "
            "The post-by-post list is in `slotting run`.")
    if len(counts) > GROUPS_DRAWN:
        note += (f" The {GROUPS_DRAWN - 1} groups with most places are drawn; the other "
                 f"{len(counts) - GROUPS_DRAWN + 1:,} are counted together in the last box.")
    return [charts.Chart(svg, w, h, None, len(counts))], note


def _post_by_post(p: Paper, posts: Sequence[OldPost | NewPost], group: dict[str, str], parts_of: PartsOf,
                  legend: list[str], apart: bool) -> tuple[list[charts.Chart], str]:
    """Gives the charts that draw every post under the post it reports to (else under its group), and their note."""
    lines = any(post.reports_to for post in posts)
    boxes = []
    for post in posts:
        key, parts = parts_of(p, post.id)
        boxes.append(charts.Box(post.id, post.title, post.reports_to if lines else f"group:{group[post.id]}",
                                key, post.count, parts))
    if not lines:
        boxes = [charts.Box(f"group:{g}", g, None, "group") for g in dict.fromkeys(group.values())] + boxes
    drawn = charts.structure_charts(boxes, legend, apart=apart)
    note = ("Posts are drawn under the post they report to (reports_to)." if lines else
            "No reporting lines are given: posts are grouped under their group (the savings table's rows).")
    if any(post.count > 1 for post in posts):
        note += " A post of several places shows their number (x 5)."
    if len(drawn) > 1:
        note += (f" The structure is drawn over {len(drawn)} charts, by branch: a post whose branch has a "
                 "chart of its own says so, and that chart is headed by it.")
    if p.audience == "confidential":
        note += " A post whose places differ shows each part's count and a bar of their proportions."
    elif parts_of is _old_parts:
        note += (" A post's outcome would tell its holder's, so this public paper does not colour the existing "
                 "posts by outcome (--audience confidential does).")
    else:
        note += " " + STRUCTURE_NOTE_PUBLIC_NEW
    return drawn, note


def _largest_groups(counts: dict[str, dict[str, int | Decimal]]) -> list[tuple[str, dict[str, int | Decimal]]]:
    """Gives the groups to draw, in their order: all of them, or the GROUPS_DRAWN - 1 with most places and
    one more that counts the others together."""
    if len(counts) <= GROUPS_DRAWN:
        return [(g, dict(c)) for g, c in counts.items()]
    kept = set(sorted(counts, key=lambda g: -sum(counts[g].values()))[:GROUPS_DRAWN - 1])
    others: dict[str, int | Decimal] = {}
    for g, c in counts.items():
        if g not in kept:
            for part, amount in c.items():
                others[part] = others.get(part, 0) + amount
    return [(g, dict(c)) for g, c in counts.items() if g in kept] + [
        (f"{len(counts) - len(kept):,} other groups", dict(others))]


def _size(svg: str) -> tuple[float, float]:
    """Gives an SVG's width and height in points, from its viewBox."""
    found = re.search(r"viewBox='0 0 ([0-9.]+) ([0-9.]+)'", svg)
    return (float(found.group(1)), float(found.group(2))) if found else (1.0, 1.0)
