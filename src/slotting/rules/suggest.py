"""Suggestions for a moderator, never decisions: duty pairs of an old and a new JD whose wording is alike.

Wording is compared with rapidfuzz's token-set ratio (0-100: the words the two texts share, in any order,
against the shorter text's words), which needs no model download, and no numpy (`process.extract` and the
scorers are rapidfuzz's own C++; only `cdist` needs numpy). A suggested mapping is marked
`status: suggested`, and a review refuses it until each pair is confirmed or removed.

The work grows with the duty pairs worth scoring, not with every old duty against every new one:
- each distinct duty text is prepared once, as the ratio reads it (lower case, its words once each, sorted:
  the ratio depends only on the set of words), so a corporate duty repeated in every new JD is scored once;
- only duty pairs sharing a word other than the common short ones (STOPWORDS), punctuation aside, are
  scored, through an index of the new duties by word. The token-set ratio of two texts sharing no such word
  comes only from 'to', 'the' and the like and from letters in common: in the bundled example it is at most
  57, below the least similarity suggested (SUGGEST_AT) and far below STRONG, so the example's drafts and
  second looks are those of scoring every pair. A similarity asked for below about 58 may miss such pairs;
- each old duty is scored against at most MOST_SCORED distinct new duty texts: those sharing the most letters
  in such words with it. In a folder of a few hundred new duties all are scored; in a large one, the texts
  left out share only common words with the old duty, and score about 70 at most when they reach 60 at all
  (benchmarks/suggest.py measures what is left out);
- for each old duty and each new JD, at most `per_duty` new duties are suggested (the most alike);
- at most MOST_COMPARED old duty x new duty pairs are considered in one run (TooMany otherwise).
"""

from __future__ import annotations

import heapq
import re
import struct
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from ..model.evidence import JobDescription, MappedPair, Mapping

SUGGEST_AT = 60  # the least similarity suggested
LOW = 50  # a confirmed link this unlike is worth a second look (texts with no word in common score about 40)
STRONG = 85  # an unlinked duty pair this alike is worth a second look
PER_DUTY = 10  # the most new duties suggested for one old duty in one pair of JDs (the bundled example needs 8)
MOST_SCORED = 300  # the new duty texts scored against one old duty: those sharing the most letters in words with it
MOST_COMPARED = 60_000_000  # old duties x new duties in one run: 250 old and 250 new JDs of 30 duties is 56 million

# Words too common to make two duties alike: English articles, pronouns, prepositions, conjunctions and
# auxiliaries (duties share 'to', 'the', 'and' whatever they are about).
_COMMON_WORDS = """
a about above across after against all also am an and any are as at be been being both but by can could did do
does during each either for from had has have having he her hers him his how i if in into is it its itself may
me might more most must my neither no nor not of off on once only or other our ours out over own same shall she
should so some such than that the their theirs them then there these they this those through to too under until
up upon very was we were what when where whether which while who whom whose why will with within without would
you your yours
"""
STOPWORDS = frozenset(_COMMON_WORDS.split())
_PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~\u2018\u2019\u201c\u201d\u2013\u2014\u2026"
# rapidfuzz splits words at Python's white space but for U+0085 and U+00A0 (pinned by tests/test_evidence.py)
_SPACE = re.compile("[\t\n\x0b\x0c\r\x1c-\x1f \u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+")


class TooMany(ValueError):
    """The JDs would take too long to compare: more duty pairs than MOST_COMPARED."""


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


@dataclass
class _Texts:
    """The distinct duty texts of some JDs, prepared once, and where each is found."""

    prepared: list[str] = field(default_factory=list)
    keys: list[frozenset[str]] = field(default_factory=list)
    places: list[list[tuple[int, int]]] = field(default_factory=list)  # (JD, duty) indexes holding each text


def _texts(jds: Sequence[JobDescription]) -> _Texts:
    """Gives the distinct duty texts of JDs as the token-set ratio reads them, with their words worth indexing."""
    texts = _Texts()
    seen: dict[str, int] = {}
    for n, jd in enumerate(jds):
        for d, duty in enumerate(jd.duties):
            prepared = " ".join(sorted(set(_SPACE.split(duty.text.lower())) - {""}))
            if prepared not in seen:
                seen[prepared] = len(texts.prepared)
                texts.prepared.append(prepared)
                texts.keys.append(frozenset(key for key in (word.strip(_PUNCTUATION) for word in prepared.split(" "))
                                            if key and key not in STOPWORDS))
                texts.places.append([])
            texts.places[seen[prepared]].append((n, d))
    return texts


def _alike(olds: _Texts, news: _Texts, at_least: float) -> Iterator[tuple[int, list[tuple[int, float]]]]:
    """Yields (old text, [(new text, similarity)]) for the new texts at least `at_least` alike among those sharing
    a word worth indexing with the old one: all of them, or the MOST_SCORED sharing the most letters in such
    words (ties to the first new text)."""
    from rapidfuzz import fuzz, process

    index: dict[str, list[int]] = {}
    for j, keys in enumerate(news.keys):
        for key in keys:
            index.setdefault(key, []).append(j)
    for i, keys in enumerate(olds.keys):
        shared: dict[int, int] = {}
        for key in keys:
            size = len(key)
            for j in index.get(key, ()):
                shared[j] = shared.get(j, 0) - size
        if not shared:
            continue
        order = _most_shared(shared, MOST_SCORED)
        hits = process.extract(olds.prepared[i], [news.prepared[j] for j in order], scorer=fuzz.token_set_ratio,
                               score_cutoff=at_least, limit=None)
        if hits:
            yield i, [(order[at], _single(score)) for _, score, at in hits]


def _most_shared(shared: dict[int, int], most: int) -> list[int]:
    """Gives, in index order, the `most` new texts sharing the most letters (`shared`: text -> minus the letters),
    ties to the first text: what heapq.nsmallest(most, zip(shared.values(), shared)) picks, found by sorting the
    letters alone and taking every text above the last count kept."""
    if len(shared) <= most:
        return sorted(shared)
    last = sorted(shared.values())[most - 1]
    above = [j for j, letters in shared.items() if letters < last]
    at = sorted(j for j, letters in shared.items() if letters == last)
    return sorted(above + at[:most - len(above)])


def _single(score: float) -> float:
    """Gives a score as single precision held it: drafts made by a matrix of single-precision scores stay the same
    (a score such as 99.95 rounds differently in single and double precision)."""
    return float(struct.unpack("f", struct.pack("f", score))[0])


@lru_cache(maxsize=4096)
def _shown(score: float) -> Decimal:
    """Gives a similarity as a draft shows it, to one decimal."""
    return Decimal(str(round(score, 1)))


def _check_size(compared: int) -> None:
    """Raises TooMany when more duty pairs than MOST_COMPARED would be compared."""
    if compared > MOST_COMPARED:
        raise TooMany(f"{compared:,} pairs of an old and a new duty to compare; at most {MOST_COMPARED:,} are "
                      "compared in one run: suggest for a part of the JDs at a time (a folder per directorate)")


def suggest(jds: list[JobDescription], at_least: int = SUGGEST_AT, per_duty: int = PER_DUTY) -> list[Suggested]:
    """Gives, for each old-new pair of JDs, the duty pairs at least `at_least` alike, best first: for each old
    duty, its `per_duty` most alike new duties of the new JD (ties to the first new duty id)."""
    olds = [jd for jd in jds if jd.structure == "old"]
    news = [jd for jd in jds if jd.structure == "new"]
    _check_size(sum(len(jd.duties) for jd in olds) * sum(len(jd.duties) for jd in news))
    old_texts, new_texts = _texts(olds), _texts(news)
    links: dict[tuple[int, int], list[tuple[str, str, Decimal]]] = {}
    for i, hits in _alike(old_texts, new_texts, at_least):
        by_jd: dict[int, list[tuple[Decimal, str]]] = {}
        for j, score in hits:
            shown = _shown(score)
            for n, d in new_texts.places[j]:
                by_jd.setdefault(n, []).append((shown, news[n].duties[d].id))
        found_in = [(o, olds[o].duties[d].id) for o, d in old_texts.places[i]]
        for n, alike in by_jd.items():
            if len(alike) > per_duty:
                alike = heapq.nsmallest(per_duty, alike, key=lambda link: (-link[0], link[1]))
            for o, old_id in found_in:
                links.setdefault((o, n), []).extend((old_id, new_id, score) for score, new_id in alike)
    found = []
    for (o, n), pair_links in links.items():
        pair_links.sort(key=lambda link: (-link[2], link[0], link[1]))
        found.append(Suggested(olds[o].post, news[n].post, tuple(pair_links)))
    found.sort(key=lambda s: (-s.links[0][2], s.old_post, s.new_post))
    return found


def second_looks(jds: list[JobDescription], mapping: Mapping) -> list[SecondLook]:
    """Gives the confirmed links whose wording is very unlike, and the unlinked duty pairs very alike."""
    by = {(jd.structure, jd.post): jd for jd in jds}
    pairs = [(pair, by[("old", pair.old_post)], by[("new", pair.new_post)]) for pair in mapping.pairs
             if ("old", pair.old_post) in by and ("new", pair.new_post) in by]
    _check_size(sum(len(old.duties) * len(new.duties) for _, old, new in pairs))
    found = []
    for pair, old, new in pairs:
        found += _unlike_links(pair, old, new)
        found += _alike_unlinked(pair, old, new)
    return found


def _unlike_links(pair: MappedPair, old: JobDescription, new: JobDescription) -> list[SecondLook]:
    """Gives the links of a confirmed pair whose duties' wording is less alike than LOW."""
    from rapidfuzz import fuzz

    if pair.status != "confirmed":
        return []
    row = {d.id: d.text for d in old.duties}
    column = {d.id: d.text for d in new.duties}
    found = []
    for link in pair.links:
        if link.old in row and link.new in column:
            score = _single(fuzz.token_set_ratio(row[link.old].lower(), column[link.new].lower()))
            if score < LOW:
                found.append(SecondLook(pair.old_post, pair.new_post, link.old, link.new, _shown(score),
                                        "confirmed, but the wording is unlike"))
    return found


def _alike_unlinked(pair: MappedPair, old: JobDescription, new: JobDescription) -> list[SecondLook]:
    """Gives the duty pairs of two JDs at least STRONG alike that the pair does not link, in duty order."""
    linked = {(link.old, link.new) for link in pair.links}
    old_texts, new_texts = _texts([old]), _texts([new])
    alike = sorted((d, e, score) for i, hits in _alike(old_texts, new_texts, STRONG) for j, score in hits
                   for _, d in old_texts.places[i] for _, e in new_texts.places[j])
    return [SecondLook(pair.old_post, pair.new_post, old.duties[d].id, new.duties[e].id, _shown(score),
                       "alike, but not linked") for d, e, score in alike
            if (old.duties[d].id, new.duties[e].id) not in linked]
