"""Every cross-reference check of a review, once its shapes are valid: (data path, message) pairs.

One plain loop per check; the loader locates each path in the files.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from ..data import legal_table
from .calendar import APRIL_1, financial_year_of, label
from .decisions import check_decisions
from .evidence import second_descriptions
from .review import ReviewFile
from .types import written

Found = list[tuple[tuple[Any, ...], str]]


def check_references(r: ReviewFile) -> Found:
    """Gives every duplicate id, dangling reference and contradiction as (path, message), in the
    order of the checks: ids, spines, grades of posts, holders of posts, overlaps, policy."""
    return [*_duplicates(r.grades, ("grades",), "grade"),
            *_duplicates(r.old_structure.posts, ("old_structure", "posts"), "old post"),
            *_duplicates(r.new_structure.posts, ("new_structure", "posts"), "new post"),
            *_duplicates(r.people, ("people",), "person"),
            *_spines(r), *_grades_of_posts(r), *_holders(r), *_hours(r), *_reporting_lines(r),
            *_overlaps(r), *_evidence(r), *_groups_and_tiers(r), *_policy(r), *_timeline(r),
            *_finance(r), *check_decisions(r)]


def _timeline(r: ReviewFile) -> Found:
    """The timeline's dates in their order: consultation, the list, the decision, the effective date."""
    t = r.review.timeline
    if t is None:
        return []
    found: Found = []
    order = [("consultation_start", t.consultation_start), ("slotting_list_issued", t.slotting_list_issued),
             ("decision", t.decision)]
    for i, (name, day) in enumerate(order):
        for earlier, before in order[:i]:
            if day is not None and before is not None and day < before:
                found.append((("review", "timeline", name), f"{day} is before {earlier} ({before})"))
    effective = r.review.effective_date
    if effective is not None and t.decision is not None and effective < t.decision:
        found.append((("review", "effective_date"), f"{effective} is before the decision ({t.decision})"))
    return found


def check_policy(r: ReviewFile) -> Found:
    """Gives the contradictions of a review's policy and costing alone: what a variant of them must pass."""
    return [*_policy(r), *_finance(r)]


def _duplicates(items: Iterable[Any], path: tuple[Any, ...], kind: str) -> Found:
    first: dict[str, int] = {}
    found = []
    for i, item in enumerate(items):
        if item.id in first:
            found.append((path + (i, "id"), f"duplicate {kind} id {item.id!r} (first at index {first[item.id]})"))
        else:
            first[item.id] = i
    return found


def _spines(r: ReviewFile) -> Found:
    found: Found = []
    for i, g in enumerate(r.grades):
        if g.spine is None:
            continue
        if g.spine not in r.pay_spines:
            found.append((("grades", i, "spine"), f"unknown pay spine {g.spine!r}; expected one of "
                          f"{_names(r.pay_spines)}"))
            continue
        missing = [n for n in g.point_numbers if n not in r.pay_spines[g.spine]]
        if missing:
            found.append((("grades", i, "points"),
                          f"spinal point(s) {', '.join(map(str, missing))} not on spine {g.spine!r}; "
                          "give every point of the grade in pay_spines (mark unpublished ones estimated: true)"))
    return found


def _grades_of_posts(r: ReviewFile) -> Found:
    found: Found = []
    grades = r.grade
    no_spine = {g.id for g in r.grades if g.spine is None}
    for i, old in enumerate(r.old_structure.posts):
        if old.grade not in grades:
            found.append((("old_structure", "posts", i, "grade"),
                          f"unknown grade {old.grade!r}; expected one of {_names(grades)}"))
        elif old.salary is None and old.grade in no_spine and old.id not in r.holders:
            found.append((("old_structure", "posts", i), f"vacant post with grade {old.grade!r}, which has no "
                          "spine: give the post a salary so that it can be costed"))
    for i, new in enumerate(r.new_structure.posts):
        if new.grade not in grades:
            found.append((("new_structure", "posts", i, "grade"),
                          f"unknown grade {new.grade!r}; expected one of {_names(grades)}"))
        elif new.grade in no_spine:
            found.append((("new_structure", "posts", i, "grade"),
                          f"grade {new.grade!r} has no spine and points, so the new post cannot be costed or paid"))
    return found


def _holders(r: ReviewFile) -> Found:
    """Each person's post exists, and no old post has more holders (or holders' FTE) than its establishment."""
    found: Found = []
    old = r.old_post
    held: Counter[str] = Counter()
    for i, person in enumerate(r.people):
        if person.post not in old:
            found.append((("people", i, "post"), f"unknown old post {person.post!r}"))
        else:
            held[person.post] += 1
    checked = [pid for pid, n in held.items() if n > old[pid].count or old[pid].fte is not None]
    if not checked:
        return found
    index = {p.id: i for i, p in reversed(list(enumerate(r.people)))}  # the first index of each id
    for post_id in checked:
        post, holders = old[post_id], r.holders[post_id]
        if len(holders) > post.count:
            extra = holders[post.count]
            count = "one place" if post.count == 1 else f"{post.count} places (its count)"
            found.append((("people", index[extra.id], "post"),
                          f"old post {post_id!r} has {count} but {len(holders)} people hold it: "
                          f"{_listed([h.id for h in holders])}; give the post a count, or correct their posts"))
        elif post.fte is not None:
            work = sum((r.fte(h.id) for h in holders), Decimal(0))
            if work > post.fte:
                found.append((("people", index[holders[-1].id], "post"),
                              f"the holders of old post {post_id!r} together work {written(work)} FTE, more than its "
                              f"establishment fte of {written(post.fte)}: {_listed([h.id for h in holders])}"))
    return found


def _hours(r: ReviewFile) -> Found:
    """Hours need the full-time week, and are at most it."""
    found: Found = []
    week = r.review.full_time_hours
    for i, person in enumerate(r.people):
        if person.hours is None:
            continue
        if week is None:
            found.append((("people", i, "hours"), "hours need review.full_time_hours (the weekly hours of a "
                          "full-time post) to give the FTE; or give fte instead"))
        elif person.hours > week:
            found.append((("people", i, "hours"), f"expected at most review.full_time_hours ({written(week)}); "
                          f"got {written(person.hours)}"))
    return found


def _reporting_lines(r: ReviewFile) -> Found:
    """Each reports_to names a post of the same structure, and no line of management loops back on itself."""
    found: Found = []
    structures: tuple[tuple[str, list[Any]], ...] = (("old_structure", r.old_structure.posts),
                                                     ("new_structure", r.new_structure.posts))
    for kind, posts in structures:
        manager = {p.id: p.reports_to for p in posts if p.reports_to is not None}
        if not manager:
            continue
        ids = {p.id for p in posts}
        index = {p.id: i for i, p in reversed(list(enumerate(posts)))}
        structure = kind.replace("_structure", "")
        for i, post in enumerate(posts):
            if post.reports_to is not None and post.reports_to not in ids:
                found.append(((kind, "posts", i, "reports_to"), f"unknown {structure} post {post.reports_to!r}"))
        state: dict[str, int] = {}  # 1: on the line being followed, 2: done
        for start in manager:
            line = []
            post_id: str | None = start
            while post_id is not None and post_id in manager and post_id not in state:
                state[post_id] = 1
                line.append(post_id)
                post_id = manager[post_id]
            if post_id is not None and state.get(post_id) == 1:
                loop = line[line.index(post_id):]
                found.append(((kind, "posts", index[min(loop)], "reports_to"),
                              f"a reporting line loops back: {' -> '.join(_short(loop + [loop[0]]))}"))
            for seen in line:
                state[seen] = 2
    return found


def _listed(ids: list[str], shown: int = 10) -> str:
    text = ", ".join(repr(i) for i in ids[:shown])
    return text + (f" and {len(ids) - shown:,} more" if len(ids) > shown else "")


def _short(ids: list[str], shown: int = 12) -> list[str]:
    return [repr(i) for i in ids] if len(ids) <= shown else [*map(repr, ids[:shown - 1]), "...", repr(ids[-1])]



def _overlaps(r: ReviewFile) -> Found:
    found: Found = []
    old, new = r.old_post, r.new_post
    seen: set[tuple[str, str]] = set()
    for i, o in enumerate(r.overlaps):  # the mapped rows are checked by _evidence
        if o.old_post not in old:
            found.append((("overlaps", i, "old_post"), f"unknown old post {o.old_post!r}"))
        if o.new_post not in new:
            found.append((("overlaps", i, "new_post"), f"unknown new post {o.new_post!r}"))
        if (o.old_post, o.new_post) in seen:
            found.append((("overlaps", i), f"overlap {o.old_post!r} -> {o.new_post!r} is given twice"))
        seen.add((o.old_post, o.new_post))
    return found


def _evidence(r: ReviewFile) -> Found:
    """Each JD names a post of its structure once; each mapped pair names posts with JDs, duties of those JDs,
    and is confirmed; no pair is also given as a typed overlap row."""
    if r.evidence is None:
        return []
    found: Found = []
    posts: dict[str, dict[str, Any]] = {"old": r.old_post, "new": r.new_post}
    for i, jd in enumerate(r.evidence.jds):
        if jd.post not in posts[jd.structure]:
            found.append((("evidence", "jds", i, "post"), f"unknown {jd.structure} post {jd.post!r}"))
    found += [(("evidence", "jds", i, "post"), message) for i, message in second_descriptions(r.evidence.jds)]
    typed = {(o.old_post, o.new_post) for o in r.overlaps}
    mapped: set[tuple[str, str]] = set()
    for i, pair in enumerate(r.evidence.mapping.pairs):
        path = ("evidence", "mapping", "pairs", i)
        key = (pair.old_post, pair.new_post)
        for side, post in (("old", pair.old_post), ("new", pair.new_post)):
            if post not in posts[side]:
                found.append((path + (f"{side}_post",), f"unknown {side} post {post!r}"))
            elif (side, post) not in r.jd:
                found.append((path + (f"{side}_post",), f"no job description for {side} post {post!r} in the JD folder"))
        if pair.status != "confirmed":
            found.append((path + ("status",), f"the pair {pair.old_post!r} -> {pair.new_post!r} is only suggested: "
                          "confirm each link (status: confirmed) or remove the pair before the mapping is used"))
        if key in typed:
            found.append((path, f"the pair {pair.old_post!r} -> {pair.new_post!r} is also a row of overlaps: give it once"))
        if key in mapped:
            found.append((path, f"the pair {pair.old_post!r} -> {pair.new_post!r} is mapped twice"))
        mapped.add(key)
        old, new = r.jd.get(("old", pair.old_post)), r.jd.get(("new", pair.new_post))
        for j, link in enumerate(pair.links):
            for side, described, duty in (("old", old, link.old), ("new", new, link.new)):
                if described is not None and duty not in {d.id for d in described.duties}:
                    found.append((path + ("links", j, side), f"no duty {duty!r} in the {side} JD of {described.post!r}"))
    return found


def _groups_and_tiers(r: ReviewFile) -> Found:
    found: Found = []
    people = r.person
    for name, members in r.review.groups.items():
        for i, pid in enumerate(members):
            if pid not in people:
                found.append((("review", "groups", name, i), f"unknown person {pid!r}"))
    tiers: list[tuple[tuple[Any, ...], Any]] = [(("policy", "ring_fence", i), t) for i, t in enumerate(r.policy.ring_fence or ())]
    tiers += [(("new_structure", "posts", j, "ring_fence", i), t) for j, post in enumerate(r.new_structure.posts)
              for i, t in enumerate(post.ring_fence or ())]
    for path, tier in tiers:
        for i, pid in enumerate(tier.people or ()):
            if pid not in people:
                found.append((path + ("people", i), f"unknown person {pid!r}"))
        if tier.group is not None and tier.group not in r.review.groups:
            found.append((path + ("group",), f"unknown group {tier.group!r}; expected one of review.groups "
                          f"({_names(r.review.groups) or 'none given'})"))
    return found


def _policy(r: ReviewFile) -> Found:
    found: Found = []
    p = r.policy
    if p.match_upper is not None and p.match_upper < p.match_threshold:
        found.append((("policy", "match_upper"),
                      f"expected at least match_threshold ({p.match_threshold}); got {p.match_upper}"))
    if p.match_threshold > p.assimilate_threshold:
        found.append((("policy", "match_threshold"),
                      f"expected at most assimilate_threshold ({p.assimilate_threshold}); got {p.match_threshold}"))
    if not p.asymmetric and p.match_grade_distance < p.assimilate_grade_distance:
        found.append((("policy", "match_grade_distance"),
                      f"expected at least assimilate_grade_distance ({p.assimilate_grade_distance}); "
                      f"got {p.match_grade_distance}"))
    elif p.asymmetric:
        a, m = p.assimilate_limits, p.match_limits
        if m.down < a.down or m.up < a.up:
            found.append((("policy", "match_grade" if p.match_grade is not None else "match_grade_distance"),
                          f"a match must allow at least the grade distances assimilation allows "
                          f"({a.down} down and {a.up} up); got {m.down} down and {m.up} up"))
    return found


def _finance(r: ReviewFile) -> Found:
    """The finance view's fields against the review's dates."""
    asked = r.finance_asked_by
    if asked is None:
        return []
    effective = r.review.effective_date
    if effective is None:
        return [(("review",), f"effective_date is needed by {asked}: the profile by financial year starts on it")]
    found: Found = []
    c = r.costing
    month_day = c.financial_year_start or APRIL_1
    first = financial_year_of(effective, month_day)
    for year_label in c.pay_awards or {}:
        start = dt.date(int(year_label[:4]), *month_day)
        if year_label != label(start):
            found.append((("costing", "pay_awards", year_label), f"a financial year starting on {start:%d %B} is "
                          f"labelled like {label(start)!r}; got {year_label!r}"))
        elif start < first.start:
            found.append((("costing", "pay_awards", year_label), f"an award for a year before {first.label} (the year "
                          "holding the effective date) is already in the file's pay figures"))
    ni_from = legal_table("employer_ni")[0]["since"]
    if c.on_costs is not None and c.on_costs.employer_ni and effective < ni_from:
        found.append((("costing", "on_costs", "employer_ni"), f"employer National Insurance figures are known from "
                      f"{ni_from}; the effective date is {effective}"))
    return found


def _names(mapping: Iterable[str]) -> str:
    names = sorted(mapping)
    shown = ", ".join(repr(n) for n in names[:8])
    return shown + (f" and {len(names) - 8} more" if len(names) > 8 else "")
