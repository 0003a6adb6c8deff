"""`report --every-post` (issue 32 item 4): every post of a structure drawn, however many, with the layout linear in
the posts; the words of a large chart set by Typst as text (many times faster than an SVG's) where the SVG's own
text would be; the default paper unchanged."""

from __future__ import annotations

import io
import json
import random
from importlib.resources import files

import numpy as np
import pypdf
import pypdfium2
import pytest

from slotting import load, slot
from slotting.render import charts
from slotting.render.report import SECTIONS, Paper, paper_data, report_pdf
from slotting.rules.equality import characteristics_found, equality
from slotting.rules.savings import savings

from .conftest import EXAMPLE, cli
from .support.generate import build, write_yaml


def paper(path, audience: str = "public", every_post: bool = False, sections: tuple[str, ...] = SECTIONS) -> Paper:
    review = load(path)
    result = slot(review)
    found = equality(review, result, None, 5) if characteristics_found(review, result) else None
    return Paper(review, result, savings(review, result), found, review.review.name, audience, sections, "0",
                 "2011-12-13", "0" * 64, every_post=every_post)


def flat(rng: random.Random, n: int) -> list[charts.Box]:
    """A group and n posts under it, of every shape a box takes: one-line and long titles, places, mixed parts."""
    words = ["Head", "of", "Adult", "Social", "Care", "Team", "Leader", "Officer", "x" * 30]
    boxes = [charts.Box("g", "Group", None, "group")]
    for i in range(n):
        title = " ".join(rng.choice(words) for _ in range(rng.randrange(1, 12)))
        mixed = rng.random() < 0.2
        boxes.append(charts.Box(f"p{i}", title, "g", "mixed" if mixed else "post", rng.choice([1, 1, 2, 40]),
                                (("held", 2), ("vacant", 1)) if mixed else ()))
    return boxes


@pytest.mark.parametrize("seed", range(40))
def test_the_linear_pagination_of_leaves_is_the_one_by_one_search(seed: int):
    """The runs of leaves each chart takes, worked out from the stack's columns as they fill, are the runs the
    one-by-one search (measuring the whole layout at each added post) finds, on pages of many sizes."""
    rng = random.Random(seed)
    boxes = flat(rng, rng.randrange(5, 300))
    legend = ["post", "outside"] if seed % 2 else ["assimilated", "matched", "pool", "ring-fenced", "on hold", "vacant"]
    tree = charts._Tree({b.id: b for b in boxes}, charts.layout.children_of(
        [charts.layout.Node(b.id, b.parent, charts.BOX_W, 0.0) for b in boxes]), legend)
    page_w, page_h = rng.choice([(720.0, 400.0), (300.0, 200.0), (500.0, 120.0), (2000.0, 1000.0)])
    leaves = tree.kids["g"]

    def fits(chunk: list[str], cut: set[str]) -> bool:
        w, h = charts._measure(tree, "g", chunk, cut)
        return w <= page_w and h <= page_h

    fast = charts._pieces(tree, "g", leaves, page_w, page_h)
    assert fast == charts._pieces_slowly(tree, "g", leaves, fits)
    assert [x for chunk, _ in fast for x in chunk] == leaves


def test_laying_out_leaves_takes_linear_work(monkeypatch):
    """Four times the posts take at most about four times the measurements of the layout (the one-by-one search
    measured each chart once per post in it)."""
    counted = []
    measure = charts._measure
    monkeypatch.setattr(charts, "_measure", lambda *a: counted.append(len(a[2])) or measure(*a))
    work = []
    for n in (500, 2000):
        counted.clear()
        drawn = charts.structure_charts(flat(random.Random(n), n), ["post", "outside"])
        assert sum(c.posts for c in drawn) == n + 1 + sum(1 for c in drawn if c.under)  # the head on each chart
        work.append(sum(counted))
    assert work[1] <= 4.5 * work[0]


@pytest.fixture(scope="module")
def large(tmp_path_factory):
    """A generated review of 1,100 people: 1,100 old and 1,100 new posts, more than DRAWN in each structure."""
    path = tmp_path_factory.mktemp("every") / "review.yaml"
    write_yaml(build(1100), path)
    return path


def pdf_text(raw: bytes) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(raw)).pages)


def test_every_post_of_a_large_structure_is_in_the_paper(large):
    """By default a structure over DRAWN posts is one box a group; with every_post, each post's title is in the
    PDF's text, set by Typst from the charts' labels (no title left in the SVGs' text)."""
    from slotting.render.report import DRAWN

    review = load(large)
    assert len(review.old_structure.posts) > DRAWN and len(review.new_structure.posts) > DRAWN
    default = paper_data(paper(large, sections=("structure",)))
    assert all("drawn as one box per group" in s["note"] for s in default["structure"])
    p = paper(large, every_post=True, sections=("structure",))
    text = pdf_text(b"".join(report_pdf(p)))
    words = " ".join(text.split())
    for post in (*review.old_structure.posts, *review.new_structure.posts):
        assert " ".join(" ".join(charts.title_lines(post.title)).split()) in words, post.id
    data = paper_data(p)
    assert all("drawn as one box per group" not in s["note"] for s in data["structure"])


def test_the_labels_land_where_the_svgs_text_would(tmp_path):
    """The example's structure pages drawn with the words set apart look as they do with the words in the SVG:
    the pages' pixels differ at edges of glyphs only (anti-aliasing), never by a word out of place."""
    from slotting.render.report.content import bounded
    from slotting.render.report.pdf import chart_svgs
    from slotting.render.report.structure import structure_charts
    from slotting.render.report.typesetting import typeset

    p = paper(EXAMPLE, "confidential", sections=("structure",))
    template = files("slotting.render").joinpath("report.typ").read_text(encoding="utf-8")
    pages = []
    for apart in (False, True):
        s = structure_charts(p, apart=apart)
        for _, drawn, _ in s:
            for c in drawn:  # the boxes' words in the labels or in the SVG, never both (the legend's stay in it)
                assert bool(c.labels) is apart and ("text-anchor='middle'" in c.svg) is not apart
        inputs = {"data": json.dumps(bounded(paper_data(p, s)), ensure_ascii=False), **chart_svgs(p, s)}
        document = pypdfium2.PdfDocument(typeset(template, inputs, p.date))
        pages.append([document[i].render(scale=3).to_numpy().astype(int) for i in range(len(document))])
    assert len(pages[0]) == len(pages[1])
    for before, after in zip(*pages):
        differ = np.abs(before - after).max(axis=2) > 96
        assert differ.mean() < 0.002
        # a word out of place would leave a run of differing pixels wider than a glyph's edge
        assert not any(np.convolve(row, np.ones(12), "valid").max(initial=0) >= 12 for row in differ)


def test_every_post_on_a_small_structure_says_the_same(tmp_path):
    """The example's structures are under DRAWN posts: --every-post changes only how the charts' words are set,
    not what the paper says."""
    plain, every = tmp_path / "a.pdf", tmp_path / "b.pdf"
    for path, args in ((plain, ()), (every, ("--every-post",))):
        result = cli("report", str(EXAMPLE), "-o", str(path), *args)
        assert result.exit_code == 0, result.stderr
    assert sorted(pdf_text(plain.read_bytes()).split()) == sorted(pdf_text(every.read_bytes()).split())


def test_one_line_titles_are_wrapped_as_textwrap_wraps_them():
    """title_lines skips textwrap for a title of one line; on any text it gives what textwrap gives."""
    import textwrap

    from slotting.render.chart_svg import TITLE_LINES, WRAP, title_lines

    def reference(title: str) -> list[str]:
        lines = textwrap.wrap(title[:WRAP * (TITLE_LINES + 1)], WRAP) or ["-"]
        if len(lines) > TITLE_LINES:
            lines = lines[:TITLE_LINES]
            lines[-1] = lines[-1][:WRAP - 1].rstrip() + "\u2026"
        return lines

    rng = random.Random(3)
    alphabet = "ab  \t\n\r\x0b\x0c\u00a0\u2003x-\u2013,.\u738b"
    for _ in range(20000):
        title = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 40)))
        assert title_lines(title) == reference(title), repr(title)


@pytest.mark.parametrize("seed", range(20))
def test_the_levels_a_chart_takes_are_those_of_the_whole_search(seed: int):
    """The search for the levels that fit a page stops at the most that could; it finds what the search over every
    level of the branch finds (chains, fans and random trees, on pages of several heights)."""
    from slotting.render import chart_tree

    rng = random.Random(seed)
    n = rng.randrange(2, 400)
    shape = seed % 3
    boxes = [charts.Box(f"n{i}", "Post " * rng.randrange(1, 9), None if i == 0 else
                        f"n{i - 1}" if shape == 0 else "n0" if shape == 1 else f"n{rng.randrange(i)}", "post")
             for i in range(n)]
    tree = charts._Tree({b.id: b for b in boxes}, charts.layout.children_of(
        [charts.layout.Node(b.id, b.parent, charts.BOX_W, 0.0) for b in boxes]), ["post", "outside"])
    page_h = rng.choice([120.0, 400.0, 900.0])
    low, high = 1, chart_tree.depth(["n0"], tree.kids, 10**9)
    while low < high:
        mid = (low + high + 1) // 2
        if charts._measure(tree, None, ["n0"], chart_tree.cut_at(["n0"], tree.kids, mid))[1] <= page_h:
            low = mid
        else:
            high = mid - 1
    whole = chart_tree.cut_at(["n0"], tree.kids, low) if high >= 1 else set()
    assert charts._levels(tree, None, ["n0"], page_h) == whole
