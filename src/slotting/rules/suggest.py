"""Suggestions for a moderator, never decisions: duty pairs of an old and a new JD whose wording is alike.

Wording is compared with rapidfuzz's token-set ratio (0-100: the words the two texts share, in any order,
against the shorter text's words), which needs no model download. A suggested mapping is marked
`status: suggested`, and a review refuses it until each pair is confirmed or removed.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..model.evidence import JobDescription, Mapping

SUGGEST_AT = 60  # the least similarity suggested
LOW = 50  # a confirmed link this unlike is worth a second look (texts with no word in common score about 40)
STRONG = 85  # an unlinked duty pair this alike is worth a second look


@dataclass(frozen=True)
class Suggested:
    old_post: str
    new_post: str
    links: tuple[tuple[str, str, Decimal], ...]  # (old duty, new duty, similarity), best first


@dataclass(frozen=True)
class SecondLook:
    old_post: str
    new_post: str
    old_duty: str
    new_duty: str
    similarity: Decimal
    why: str


def _scores(old: JobDescription, new: JobDescription):
    from rapidfuzz import fuzz, process

    return process.cdist([d.text for d in old.duties], [d.text for d in new.duties], scorer=fuzz.token_set_ratio,
                         processor=str.lower)


def suggest(jds: list[JobDescription], at_least: int = SUGGEST_AT) -> list[Suggested]:
    """Gives, for each old-new pair of JDs, the duty pairs at least `at_least` alike, best first."""
    olds = [jd for jd in jds if jd.structure == "old"]
    news = [jd for jd in jds if jd.structure == "new"]
    found = []
    for old in olds:
        for new in news:
            scores = _scores(old, new)
            links = [(old.duties[i].id, new.duties[j].id, Decimal(str(round(float(scores[i][j]), 1))))
                     for i in range(len(old.duties)) for j in range(len(new.duties)) if scores[i][j] >= at_least]
            if links:
                links.sort(key=lambda link: (-link[2], link[0], link[1]))
                found.append(Suggested(old.post, new.post, tuple(links)))
    found.sort(key=lambda s: (-s.links[0][2], s.old_post, s.new_post))
    return found


def second_looks(jds: list[JobDescription], mapping: Mapping) -> list[SecondLook]:
    """Gives the confirmed links whose wording is very unlike, and the unlinked duty pairs very alike."""
    by = {(jd.structure, jd.post): jd for jd in jds}
    found = []
    for pair in mapping.pairs:
        old, new = by.get(("old", pair.old_post)), by.get(("new", pair.new_post))
        if old is None or new is None:
            continue
        scores = _scores(old, new)
        row = {d.id: i for i, d in enumerate(old.duties)}
        column = {d.id: j for j, d in enumerate(new.duties)}
        linked = {(link.old, link.new) for link in pair.links}
        for link in pair.links:
            if pair.status == "confirmed" and link.old in row and link.new in column:
                score = float(scores[row[link.old]][column[link.new]])
                if score < LOW:
                    found.append(SecondLook(pair.old_post, pair.new_post, link.old, link.new,
                                            Decimal(str(round(score, 1))), "confirmed, but the wording is unlike"))
        for i, d in enumerate(old.duties):
            for j, e in enumerate(new.duties):
                if (d.id, e.id) not in linked and scores[i][j] >= STRONG:
                    found.append(SecondLook(pair.old_post, pair.new_post, d.id, e.id,
                                            Decimal(str(round(float(scores[i][j]), 1))), "alike, but not linked"))
    return found
