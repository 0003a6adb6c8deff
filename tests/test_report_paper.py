"""The committee paper a clerk accepts (issue 29): every post drawn at 7 pt or more, tables, committee sections,
privacy on every page (a brute-force search for any suppressed cell the printed figures give away)."""

from __future__ import annotations

import itertools
import random
import re
from pathlib import Path

import pypdf
import pypdfium2
import pytest

from slotting import cost, equality_summary, load, slot
from slotting.render import charts, layout
from slotting.render.report import Paper, counts_shown, paper_data

from .conftest import EXAMPLE, cli
from .support.generate import build, write_yaml

FINANCE = EXAMPLE.parent / "finance" / "leicester_2011_finance.yaml"


# The layout: tidy on trees and forests of many shapes.

def shapes() -> list[list[layout.Node]]:
    """Gives forests of many shapes: chains, fans, random trees, forests, boxes of different sizes."""
    made = [[layout.Node(f"c{i}", f"c{i - 1}" if i else None, 100, 30) for i in range(50)],
            [layout.Node("r", None, 100, 30)] + [layout.Node(f"f{i}", "r", 100, 30 + i % 3 * 10) for i in range(40)]]
    for seed in range(12):
        rng = random.Random(seed)
        n = rng.randrange(2, 120)
        made.append([layout.Node(f"n{i}", (f"n{rng.randrange(i)}" if i and rng.random() > 0.1 else None),
                                 rng.choice([60, 100, 140]), rng.choice([20, 40])) for i in range(n)])
    return made


@pytest.mark.parametrize("nodes", shapes())
def test_the_layout_is_tidy(nodes):
    placed = layout.tidy(nodes, 8, 16)
    assert set(placed) == {n.id for n in nodes}  # every node placed
    size = {n.id: n for n in nodes}
    rows: dict[int, list[str]] = {}
    for node_id, p in placed.items():
        rows.setdefault(p.depth, []).append(node_id)
    for ids in rows.values():  # no two boxes of a row overlap (8 pt apart at least)
        ids.sort(key=lambda i: placed[i].x)
        for a, b in itertools.pairwise(ids):
            assert placed[a].x + size[a].width + 8 - 1e-6 <= placed[b].x, (a, b)
    kids = layout.children_of(nodes)
    for parent, children in kids.items():
        if parent is None or not children:
            continue
        xs = [placed[c].x + size[c].width / 2 for c in children]
        assert xs == sorted(xs)  # siblings keep their order
        centre = placed[parent].x + size[parent].width / 2
        assert abs(centre - (xs[0] + xs[-1]) / 2) < 1e-6  # a parent centred over its first and last child
        assert all(placed[c].y > placed[parent].y + size[parent].height for c in children)


def test_a_cycle_of_parents_is_broken_not_lost():
    nodes = [layout.Node("a", "b", 10, 10), layout.Node("b", "a", 10, 10), layout.Node("c", "a", 10, 10)]
    assert set(layout.tidy(nodes)) == {"a", "b", "c"}


@pytest.mark.parametrize("seed", range(6))
def test_every_box_is_drawn_within_the_page(seed):
    rng = random.Random(seed)
    boxes = [charts.Box(f"p{i}", f"Post {i} " + "with a long title " * rng.randrange(4),
                        f"p{rng.randrange(max(0, i - rng.choice([1, 5, 300])), i)}" if i else None, "post",
                        rng.choice([1, 1, 5])) for i in range(rng.randrange(1, 400))]
    drawn = charts.structure_charts(boxes, ["post", "outside"])
    text = " ".join(c.svg for c in drawn)
    for box in boxes:
        assert f">{charts.title_lines(box.title)[0]}<" in text, box.id
    assert all(c.width <= charts.PAGE_W and c.height <= charts.PAGE_H for c in drawn)
    assert min(float(s) for s in re.findall(r"font-size='([\d.]+)'", text)) >= 7


# The PDF: every post present at 7 pt or more, read from the PDF's text and its fonts' sizes.

def sized_text(path: Path, pages: range | None = None) -> list[tuple[float, str]]:
    """Gives each piece of text of the PDF with the size it is printed at (pt), through its matrices."""
    found: list[tuple[float, str]] = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            a, b = tm[0] * cm[0] + tm[1] * cm[2], tm[0] * cm[1] + tm[1] * cm[3]
            found.append((size * (a * a + b * b) ** 0.5, text))

    reader = pypdf.PdfReader(path)
    for i, page in enumerate(reader.pages):
        if pages is None or i in pages:
            page.extract_text(visitor_text=visit)
    return found


def structure_pages(path: Path) -> range:
    document = pypdfium2.PdfDocument(str(path))
    texts = [document[i].get_textpage().get_text_range() for i in range(len(document))]
    first = next(i for i, t in enumerate(texts) if "The existing structure" in t)
    last = next(i for i, t in enumerate(texts) if re.search(r"\d\. Savings", t))
    return range(first, last)


def words(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def tree_review(tmp_path: Path, people: int, seed: int) -> Path:
    """A generated review whose new posts report to one another (a random forest) and whose old posts do not."""
    data = build(people, seed=seed)
    rng = random.Random(seed)
    for j, post in enumerate(data["new"]):
        if j and rng.random() > 0.05:
            post["reports_to"] = f"N{rng.randrange(max(0, j - rng.choice([1, 4, 40])), j):06d}"
    path = tmp_path / f"tree{seed}.yaml"
    write_yaml(data, path)
    return path


@pytest.mark.parametrize("review", ["example", "generated"])
def test_every_post_appears_at_7_pt_or_more(tmp_path: Path, review: str):
    path = EXAMPLE if review == "example" else tree_review(tmp_path, 300, 7)
    pdf = tmp_path / "r.pdf"
    for audience in ("public", "confidential"):
        result = cli("report", str(path), "-o", str(pdf), "--audience", audience)
        assert result.exit_code == 0, result.stderr
        pages = structure_pages(pdf)
        pieces = sized_text(pdf, pages)
        assert min(size for size, _ in pieces) >= 7 - 1e-3
        document = pypdfium2.PdfDocument(str(pdf))
        text = words(" ".join(document[i].get_textpage().get_text_range() for i in pages))
        loaded = load(path)
        for post in (*loaded.old_structure.posts, *loaded.new_structure.posts):
            assert words(" ".join(charts.title_lines(post.title))) in text, post.id


def test_the_confidential_list_repeats_its_header(tmp_path: Path):
    path, pdf = tree_review(tmp_path, 300, 3), tmp_path / "c.pdf"
    assert cli("report", str(path), "-o", str(pdf), "--audience", "confidential",
               "--sections", "slotting").exit_code == 0
    pages = [p.extract_text() for p in pypdf.PdfReader(pdf).pages]
    listing = [t for t in pages if "P000" in t]
    assert len(listing) > 3
    assert all("Id Name Current post Outcome New post(s)" in t for t in listing)


def test_no_rule_under_the_last_row_but_a_totals(tmp_path: Path):
    """The 12-month profile has no total: no line is drawn under its header but the header's own; the savings
    table ends in its total, ruled off above it. Counted from the page's drawn paths (pdfium)."""
    import pypdfium2.raw as raw

    pdf = tmp_path / "r.pdf"
    assert cli("report", str(EXAMPLE), "-o", str(pdf), "--sections", "savings").exit_code == 0
    page = pypdfium2.PdfDocument(str(pdf))[0]
    rules = 0
    for obj in page.get_objects():
        if obj.type == raw.FPDF_PAGEOBJ_PATH:
            left, bottom, right, top = obj.get_bounds()
            if right - left > 100 and top - bottom < 2 and left < 60:  # a table's rule, at the margin
                rules += 1
    assert rules == 3  # the savings table's header and total, the profile's header (the charts' axes aside)


# The committee sections.

def test_the_finance_example_has_the_committee_sections(tmp_path: Path):
    pdf, md = tmp_path / "c.pdf", tmp_path / "p.md"
    assert cli("report", str(FINANCE), "-o", str(pdf), "--audience", "confidential").exit_code == 0
    assert cli("report", str(FINANCE), "-o", str(md)).exit_code == 0
    printed = words(" ".join(p.extract_text() for p in pypdf.PdfReader(pdf).pages))
    text = md.read_text(encoding="utf-8")
    for heading in ("Purpose of the report", "Recommendations", "Consultation and timetable", "Legal implications",
                    "Background papers", "Appendices", "Equality", "Savings"):
        assert heading in printed and f"## {heading}" in text, heading
    assert "Agree an implementation date of 2nd January 2012." in printed
    assert "NOT FOR PUBLICATION by virtue of paragraph 1 of Part 1 of Schedule 12A to the Local Government Act" \
        in printed
    assert "Schedule 12A" not in text  # the public version carries no exemption
    for statute in ("s.188", "s.193", "s.86", "s.162"):
        assert f"{statute}:" in text.split("## Legal implications")[1], statute
    assert "assimilate_threshold" not in text and "review.timeline" not in text  # no input keys in its words


def test_a_paper_without_paper_details_has_no_committee_sections(tmp_path: Path):
    md = tmp_path / "r.md"
    assert cli("report", str(EXAMPLE), "-o", str(md)).exit_code == 0
    assert "## Recommendations" not in md.read_text(encoding="utf-8")


def test_small_counts_in_a_public_paper_are_labelled(tmp_path: Path):
    pdf = tmp_path / "r.pdf"
    assert cli("report", str(EXAMPLE), "-o", str(pdf), "--suppress-below", "0").exit_code == 0
    text = words(" ".join(p.extract_text() for p in pypdf.PdfReader(pdf).pages))
    assert "NOT FOR PUBLICATION: small counts shown" in text and "Public: no person-level data" not in text


# Privacy on every page: no suppressed equality cell is determined by what the public paper prints.

OUTCOMES = ("assimilated", "matched", "competitive", "displaced")


def small_paper(seed: int, people: int) -> Paper:
    data = build(people, seed=seed)
    for person in data["people"]:
        del person["characteristics.ethnicity"]  # one characteristic: its table and the totals are the whole story
    review = load_data(data, seed)
    result = slot(review)
    return Paper(review, result, cost(review, result), equality_summary(review, result, suppress_below=5), "t", "public",
                 ("summary", "slotting", "equality"), "v", "2011-12-13", "0" * 64)


def load_data(data: dict, seed: int):
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"r{seed}.yaml"
        write_yaml(data, path)
        return load(path)


def allowed(cell: str) -> range | None:
    """Gives the counts a printed cell allows: '7 (35%)' one, '<5' 1-4, '[c]' any (None)."""
    if cell == "[c]":
        return None
    if cell.startswith("<"):
        return range(1, int(cell[1:]))
    value = int(cell.split()[0].replace(",", ""))
    return range(value, value + 1)


@pytest.mark.parametrize("seed", range(40))
def test_no_suppressed_cell_can_be_worked_out(seed):
    """Every table of outcomes the printed figures allow (the equality table's cells and totals, the summary's
    and outcome table's counts, the pools' candidates), searched exhaustively: each hidden cell of the equality
    table takes at least two values among them."""
    paper = small_paper(seed, random.Random(seed).randrange(4, 13))
    data = paper_data(paper)
    table = data["equality"][0]["rows"]
    header, *groups, whole = table
    columns = [header.index(t) for t in ("Assimilated", "Matched", "Competing", "Displaced")]
    total_at = header.index("Total")
    people = paper.result.summary.people
    shown = counts_shown(paper)
    outcome_rows = {row[0]: row[1] for row in data["outcomes"][1:]}
    column_limits = [allowed(whole[c]) for c in columns] + [allowed(whole[total_at])]
    printed = [allowed(outcome_rows[t]) for t in ("Assimilated", "Matched", "Competing", "Displaced", "Total")]
    pools = data.get("pools", [[]])
    candidates = (sum(int(r[pools[0].index("Candidates")]) for r in pools[1:])
                  if "Candidates" in pools[0] else None)
    assert outcome_rows["Total"] == shown["total"]

    def rows_for(row: list[str]) -> list[tuple[int, ...]]:
        limits = [allowed(row[c]) for c in columns]
        total = allowed(row[total_at])
        found = []
        for counts in itertools.product(*[lim if lim is not None else range(people + 1) for lim in limits]):
            if sum(counts) <= people and (total is None or sum(counts) in total):
                found.append(counts)
        return found

    choices = [rows_for(row) for row in groups]
    seen: dict[tuple[int, int], set[int]] = {}
    for combo in itertools.product(*choices):
        sums = [sum(r[k] for r in combo) for k in range(4)] + [sum(map(sum, combo))]
        if any(lim is not None and v not in lim for v, lim in zip(sums, column_limits)):
            continue
        if any(lim is not None and v not in lim for v, lim in zip(sums, printed)):
            continue
        if candidates is not None and sums[2] != candidates:
            continue
        for g, row in enumerate(combo):
            for k, v in enumerate(row):
                seen.setdefault((g, k), set()).add(v)
            seen.setdefault((g, 4), set()).add(sum(row))
        for k, v in enumerate(sums):
            seen.setdefault((-1, k), set()).add(v)
    assert seen, "the true table must be among those the printed figures allow"
    for g, row in enumerate(groups):
        for k, c in enumerate([*columns, total_at]):
            if row[c] == "[c]" or row[c].startswith("<"):
                assert len(seen[(g, k)]) >= 2, (seed, row[0], header[c], seen[(g, k)])
    for k, c in enumerate([*columns, total_at]):
        if whole[c] == "[c]" or whole[c].startswith("<"):
            assert len(seen[(-1, k)]) >= 2, (seed, header[c])


# Across tables: each characteristic's table shares the whole group's row with the others (and with the summary),
# so a cell one table hides must not follow from what the others show.

def shared_paper(seed: int, people: int) -> Paper:
    rng = random.Random(seed)
    data = build(people, seed=seed)
    for person in data["people"]:  # few groups each, so that the search stays small, and three characteristics
        person["characteristics.gender"] = rng.choice("FM")
        person["characteristics.ethnicity"] = rng.choice(["A", "B", "C"][:rng.randrange(1, 4)])
        person["characteristics.disability"] = rng.choice("YN")
    review = load_data(data, seed)
    result = slot(review)
    return Paper(review, result, cost(review, result), equality_summary(review, result, suppress_below=5), "t", "public",
                 ("summary", "slotting", "equality"), "v", "2011-12-13", "0" * 64)


def table_worlds(rows: list[list[str]], columns: list[int], total_at: int, people: int
                 ) -> dict[tuple[int, ...], dict[tuple[int, int], set[int]]]:
    """Gives, for each whole-group row (four outcomes and the total) that the table's printed cells allow, the
    values each of its groups' cells can take: an exhaustive search, by groups, over the tables the cells allow."""
    options = []
    for row in rows:
        limits = [allowed(row[c]) for c in columns]
        total = allowed(row[total_at])
        options.append([(*counts, sum(counts)) for counts in itertools.product(
            *[lim if lim is not None else range(people + 1) for lim in limits])
            if sum(counts) <= people and (total is None or sum(counts) in total)])

    def add(a: tuple[int, ...], b: tuple[int, ...]) -> tuple[int, ...]:
        return tuple(x + y for x, y in zip(a, b))

    zero = (0,) * 5
    before = [{zero}]
    for opts in options:
        before.append({add(s, r) for s in before[-1] for r in opts if s[4] + r[4] <= people})
    after = [{zero}]
    for opts in reversed(options):
        after.append({add(s, r) for s in after[-1] for r in opts if s[4] + r[4] <= people})
    after.reverse()
    worlds: dict[tuple[int, ...], dict[tuple[int, int], set[int]]] = {}
    for g, opts in enumerate(options):
        rest = {add(s, t) for s in before[g] for t in after[g + 1] if s[4] + t[4] <= people}
        for r in opts:
            for m in rest:
                whole = add(m, r)
                if whole[4] <= people:
                    seen = worlds.setdefault(whole, {})
                    for k, v in enumerate(r):
                        seen.setdefault((g, k), set()).add(v)
    return worlds


@pytest.mark.parametrize("seed", range(40))
def test_no_suppressed_cell_can_be_worked_out_across_tables(seed):
    """Every set of tables the printed figures allow (each characteristic's table, their shared whole-group row,
    the summary's and outcome table's counts, the pools' candidates), searched exhaustively: each hidden cell of
    each table takes at least two values among them."""
    people = random.Random(seed).randrange(4, 11)
    paper = shared_paper(seed, people)
    data = paper_data(paper)
    outcome_rows = {row[0]: row[1] for row in data["outcomes"][1:]}
    printed = [allowed(outcome_rows[t]) for t in ("Assimilated", "Matched", "Competing", "Displaced", "Total")]
    pools = data.get("pools", [[]])
    candidates = (sum(int(r[pools[0].index("Candidates")]) for r in pools[1:])
                  if "Candidates" in pools[0] else None)
    assert len(data["equality"]) >= 2
    tables = []
    for b in data["equality"]:
        header, *groups, whole = b["rows"]
        columns = [header.index(t) for t in ("Assimilated", "Matched", "Competing", "Displaced")]
        total_at = header.index("Total")
        limits = [allowed(whole[c]) for c in [*columns, total_at]]
        worlds = {v: seen for v, seen in table_worlds(groups, columns, total_at, people).items()
                  if all(lim is None or x in lim for x, lim in zip(v, limits))}
        tables.append((b["characteristic"], groups, whole, columns, total_at, worlds))
    joint = set.intersection(*(set(t[5]) for t in tables))
    joint = {v for v in joint if all(lim is None or x in lim for x, lim in zip(v, printed))
             and (candidates is None or v[2] == candidates)}
    truth = tuple(getattr(paper.result.summary, o) for o in OUTCOMES) + (people,)
    assert truth in joint, "the true tables must be among those the printed figures allow"
    for name, groups, whole, columns, total_at, worlds in tables:
        for k, c in enumerate([*columns, total_at]):
            if whole[c] == "[c]" or whole[c].startswith("<"):
                assert len({v[k] for v in joint}) >= 2, (seed, name, "whole group", k)
            for g, row in enumerate(groups):
                if row[c] == "[c]" or row[c].startswith("<"):
                    values = set().union(*(worlds[v].get((g, k), set()) for v in joint))
                    assert len(values) >= 2, (seed, name, row[0], k, values)
