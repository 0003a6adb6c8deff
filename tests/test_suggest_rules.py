"""The overlap suggestions' optimisations pinned against the simple versions they replace (rules.suggest)."""

from __future__ import annotations

import heapq

from hypothesis import given, settings
from hypothesis import strategies as st

from slotting.rules.suggest import _most_shared


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.integers(0, 400), st.integers(-40, -1), max_size=120), st.integers(1, 60))
def test_the_texts_scored_are_those_sharing_most_letters_ties_to_the_first(shared: dict[int, int], most: int):
    """Sorting the letters alone and taking every text above the last count kept picks what a heap of (letters,
    text) pairs would: the same new texts, in index order, however many tie at the cut."""
    simple = sorted(j for _, j in heapq.nsmallest(most, zip(shared.values(), shared)))
    assert _most_shared(shared, most) == simple


def test_ties_at_the_cut_go_to_the_first_texts():
    shared = {7: -10, 3: -5, 9: -5, 1: -5, 4: -2}
    assert _most_shared(shared, 3) == [1, 3, 7]
    assert _most_shared(shared, 5) == [1, 3, 4, 7, 9]
    assert _most_shared(shared, 1) == [7]
