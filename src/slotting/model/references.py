"""Every cross-reference check of a review, once its shapes are valid: (data path, message) pairs.

Each check first asks its question of whole sets (fast); only when the answer is "no" does it go
through the records one by one to say where.
"""

from __future__ import annotations

from typing import Any

from .review import ReviewFile

Found = list[tuple[tuple, str]]


def check_references(r: ReviewFile) -> list[tuple[tuple, str]]:
    """Gives every duplicate id, dangling reference and contradiction as (path, message)."""
    found: list[tuple[tuple, str]] = []
    found += _duplicates(r.grades, ("grades",), "grade")
    found += _duplicates(r.old_structure.posts, ("old_structure", "posts"), "old post")
    found += _duplicates(r.new_structure.posts, ("new_structure", "posts"), "new post")
    found += _duplicates(r.people, ("people",), "person")
    grades, old, new = r.grade, r.old_post, r.new_post

    for i, g in enumerate(r.grades):
        if g.spine is None:
            continue
        if g.spine not in r.pay_spines:
            found.append((("grades", i, "spine"), f"unknown pay spine {g.spine!r}; expected one of {_names(r.pay_spines)}"))
            continue
        missing = [n for n in g.point_numbers if n not in r.pay_spines[g.spine]]
        if missing:
            found.append((("grades", i, "points"),
                          f"spinal point(s) {', '.join(map(str, missing))} not on spine {g.spine!r}; "
                          "give every point of the grade in pay_spines (mark unpublished ones estimated: true)"))

    # Each check below first asks its question of whole sets (fast); only when the answer is "no"
    # does it go through the records one by one to say where.
    no_spine = {g.id for g in r.grades if g.spine is None}
    structures: tuple[tuple[str, list[Any]], ...] = (("old_structure", r.old_structure.posts),
                                                       ("new_structure", r.new_structure.posts))
    for kind, posts in structures:
        used = {p.grade for p in posts}
        if used <= grades.keys() and not (used & no_spine):
            continue
        for i, p in enumerate(posts):
            if p.grade not in grades:
                found.append(((kind, "posts", i, "grade"), f"unknown grade {p.grade!r}; expected one of {_names(grades)}"))
            elif kind == "new_structure" and p.grade in no_spine:
                found.append(((kind, "posts", i, "grade"),
                              f"grade {p.grade!r} has no spine and points, so the new post cannot be costed or paid"))
            elif kind == "old_structure" and p.salary is None and p.grade in no_spine and p.id not in r.holder:
                found.append(((kind, "posts", i),
                              f"vacant post with grade {p.grade!r}, which has no spine: give the post a salary "
                              "so that it can be costed"))

    if not (len(r.holder) == len(r.people) and r.holder.keys() <= old.keys()):
        first_in_post: dict[str, int] = {}
        for i, person in enumerate(r.people):
            if person.post not in old:
                found.append((("people", i, "post"), f"unknown old post {person.post!r}"))
            elif person.post in first_in_post:
                other = r.people[first_in_post[person.post]].id
                found.append((("people", i, "post"),
                              f"old post {person.post!r} is already held by {other!r}; one holder per old post"))
            else:
                first_in_post[person.post] = i

    pairs = [(o.old_post, o.new_post) for o in r.overlaps]
    if not (len(set(pairs)) == len(pairs) and {o for o, _ in pairs} <= old.keys() and {n for _, n in pairs} <= new.keys()):
        seen: set[tuple[str, str]] = set()
        for i, (old_id, new_id) in enumerate(pairs):
            if old_id not in old:
                found.append((("overlaps", i, "old_post"), f"unknown old post {old_id!r}"))
            if new_id not in new:
                found.append((("overlaps", i, "new_post"), f"unknown new post {new_id!r}"))
            if (old_id, new_id) in seen:
                found.append((("overlaps", i), f"overlap {old_id!r} -> {new_id!r} is given twice"))
            seen.add((old_id, new_id))

    p = r.policy
    if p.match_threshold > p.assimilate_threshold:
        found.append((("policy", "match_threshold"),
                      f"expected at most assimilate_threshold ({p.assimilate_threshold}); got {p.match_threshold}"))
    if p.match_grade_distance < p.assimilate_grade_distance:
        found.append((("policy", "match_grade_distance"),
                      f"expected at least assimilate_grade_distance ({p.assimilate_grade_distance}); "
                      f"got {p.match_grade_distance}"))
    return found


def _duplicates(items: list, path: tuple, kind: str) -> list[tuple[tuple, str]]:
    if len({item.id for item in items}) == len(items):
        return []
    first: dict[str, int] = {}
    found = []
    for i, item in enumerate(items):
        if item.id in first:
            found.append((path + (i, "id"), f"duplicate {kind} id {item.id!r} (first at index {first[item.id]})"))
        else:
            first[item.id] = i
    return found


def _names(mapping) -> str:
    names = sorted(mapping)
    shown = ", ".join(repr(n) for n in names[:8])
    return shown + (f" and {len(names) - 8} more" if len(names) > 8 else "")
