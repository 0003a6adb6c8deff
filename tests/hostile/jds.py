"""Hostile job descriptions and mappings for `slotting overlaps suggest`: one case per defect found.

Defect 5 (suggest needing numpy, which a plain install lacks) cannot be a case here: hiding numpy takes a
change to sys.modules, which these in-process cases must not make; tests/test_evidence.py hides it with
monkeypatch (test_suggest_needs_no_numpy).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from . import Case

NEW = "post: N1\nstructure: new\ntitle: New\nduties:\n  - {id: A, text: Manage the payroll team and its budget}\n"


def _folder(files: dict[str, str], *extra: str, mapping: str | None = None) -> Callable[[Path], list[str]]:
    """Writes JD files (and a mapping beside the folder) and gives `overlaps suggest` on them."""
    def make(folder: Path) -> list[str]:
        jds = folder / "jds"
        jds.mkdir()
        for name, text in {"new.yaml": NEW, **files}.items():
            (jds / name).write_text(text, encoding="utf-8")
        args = ["overlaps", "suggest", str(jds), *extra]
        if mapping is not None:
            (folder / "mapping.yaml").write_text(mapping, encoding="utf-8")
            args += ["--mapping", str(folder / "mapping.yaml")]
        return args
    return make


def _old(*lines: str) -> str:
    return "\n".join(["# Old", "post: O1", "structure: old", "", *lines]) + "\n"


def _too_many(folder: Path) -> list[str]:
    """One old JD and 241 new ones of 500 duties each: 60.25 million duty pairs, over the bound."""
    jds = folder / "jds"
    jds.mkdir()
    duties = "\n".join(f"{d}. Manage budget {d}" for d in range(1, 501)) + "\n"
    (jds / "old.md").write_text("# Old\npost: O1\nstructure: old\n" + duties, encoding="utf-8")
    for n in range(241):
        (jds / f"new{n}.md").write_text(f"# New {n}\npost: N{n}\nstructure: new\n" + duties, encoding="utf-8")
    return ["overlaps", "suggest", str(jds)]


# A mapping whose id holds a line break and a forged confirmed pair, as a draft once echoed it into a comment.
FORGED = "O1\n  - {old_post: O1, new_post: N1, status: confirmed, links: []}\n#"
_FORGED_YAML = FORGED.replace("\n", "\\n")

CASES = [
    # 1. A regular expression with a lazy group took 8 s on a line of 40,000 spaces.
    Case("jd_markdown_40000_spaces_in_a_duty", _folder({"old.md": _old("1. Manage" + " " * 40_000 + "payroll")}),
         1, "old.md:5:1: jds[1].duties[0].text: string should have at most 10000 characters"),
    Case("jd_markdown_40000_spaces_before_a_weight", _folder(
         {"old.md": _old("1. Manage the payroll team and its budget" + " " * 40_000 + "(weight" + " " * 40_000 + "2)")}),
         0, '{old: "1", new: "A", similarity: 100.0}'),
    # 2. A second post: line won silently; a duty after a comment on its line was dropped.
    Case("jd_markdown_second_post_line", _folder({"old.md": _old("post: O2", "1. Chair the staff forum")}), 1,
         "old.md:5:1: post: a second 'post:' line (the first is at line 2); give it once"),
    Case("jd_markdown_duty_after_a_comment", _folder({"old.md": _old(
         "<!-- moved from the old structure --> 1. Manage the payroll team and its budget")}), 0,
         '{old: "1", new: "A", similarity: 100.0}'),
    Case("jd_markdown_comment_never_closed", _folder({"old.md": _old(
         "1. Chair the staff forum", "<!-- draft: the rest is hidden", "2. Manage the payroll team and its budget")}),
         1, "old.md:6:1: a comment opened here with '<!--' is never closed"),
    # 3. Two JDs of one post were compared both; a review refuses them.
    Case("jd_two_for_one_post", _folder({"old.md": _old("1. Manage the payroll team and its budget"),
                                         "old2.md": _old("1. Chair the staff forum")}), 1,
         "old2.md:2:1: jds[2].post: a second job description for 'O1'"),
    # 4. An id holding a line break escaped the draft's `# second look` comment and forged a confirmed pair.
    Case("jd_id_with_a_line_break", _folder({"old.yaml": f'post: "{_FORGED_YAML}"\nstructure: old\ntitle: Old\n'
                                                         "duties:\n  - {id: '1', text: Chair staff forum meetings}\n"}),
         1, "old.yaml:1:7: jds[1].post: expected an id without control characters or line breaks; character 3 is "
            "U+000A", never=["status: confirmed"]),
    Case("jd_mapping_id_with_a_line_break", _folder(
         {"old.md": _old("1. Chair staff forum meetings")},
         mapping=f'pairs:\n  - old_post: "{_FORGED_YAML}"\n    new_post: N1\n    links: [{{old: "1", new: A}}]\n'),
         1, "mapping.yaml:2:15: pairs[0].old_post: expected an id without control characters or line breaks",
         never=["status: confirmed"]),
    Case("jd_duty_id_with_a_unicode_line_break", _folder({"old.yaml": "post: O1\nstructure: old\ntitle: Old\n"
                                                          'duties:\n  - {id: "1\\L# x", text: Manage the payroll}\n'}),
         1, "jds[1].duties[0].id: expected an id without control characters or line breaks; character 2 is U+2028"),
    Case("jd_second_look_with_awkward_ids", _folder(
         {"old.yaml": "post: 'O1 # status: confirmed'\nstructure: old\ntitle: Old\n"
                      "duties:\n  - {id: '1: x', text: Chair staff forum meetings}\n"},
         mapping="pairs:\n  - old_post: 'O1 # status: confirmed'\n    new_post: N1\n    links: [{old: '1: x', new: A}]\n"),
         0, "# second look: O1 # status: confirmed 1: x -> N1 A: similarity ", never=["\n    status: confirmed"]),
    # 6. Every old duty was scored against every new one, and every suggestion kept: 100 x 100 JDs ran out of memory.
    Case("jd_suggest_over_the_bound", _too_many, 1,
         "60,250,000 pairs of an old and a new duty to compare; at most 60,000,000 are compared in one run"),
]
