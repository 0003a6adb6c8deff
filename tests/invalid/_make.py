"""Writes one bad file per failure mode from a valid template (run by hand: python tests/invalid/_make.py).

Each file starts with `# expect-line`, `# expect-path` and `# expect-message` lines that
tests/test_invalid.py checks against `slotting validate --format json`.
"""

from pathlib import Path

TEMPLATE = """\
review: {name: Template review, effective_date: 2012-01-02}
pay_spines:
  S: {1: 20000, 2: 21000, 3: 22000, 4: 30000, 5: 31000}
grades:
  - {id: G1, name: Grade 1, level: 1, spine: S, points: [1, 3]}
  - {id: G2, name: Grade 2, level: 2, spine: S, points: [4, 5]}
  - {id: X, name: Old grade, level: 3}
old_structure:
  posts:
    - {id: O1, title: Old one, grade: G1}
    - {id: O2, title: Old two, grade: G2}
new_structure:
  posts:
    - {id: N1, title: New one, grade: G2}
people:
  - {id: P1, post: O1, salary: 21000}
  - {id: P2, post: O2, salary: 30500}
overlaps:
  - {old_post: O1, new_post: N1, old_in_new: 50, new_from_old: 50}
  - {old_post: O2, new_post: N1, old_in_new: 80, new_from_old: 80}
"""

# name: (text to replace, replacement, marker of the expected line (None: whole-file cases), path, message)
MODES = {
    "malformed_tab": ("people:\n  - {id: P1", "people:\n\t- {id: P1", "\t- {id: P1", "", "tab character"),
    "malformed_unclosed_bracket": ("points: [4, 5]}", "points: [4, 5}", "points: [4, 5}", "", "malformed YAML"),
    "not_a_mapping": (None, "- review\n- grades\n", "- review", "", "expected a mapping of sections"),
    "empty_file": (None, "", "", "", "expected a mapping of sections"),
    "unknown_key": ("{id: P2, post: O2, salary: 30500}", "{id: P2, post: O2, salry: 30500}", "salry",
                    "people[1].salry", "did you mean 'salary'?"),
    "duplicate_key": ("  - {id: P1, post: O1, salary: 21000}",
                      "  - {id: P1, post: O1, salary: 21000, post: O2}", "post: O2}",
                      "people[0].post", "duplicate key 'post'"),
    "duplicate_id": ("{id: P2, post: O2", "{id: P1, post: O2", "{id: P1, post: O2", "people[1].id",
                     "duplicate person id 'P1'"),
    "unknown_grade": ("{id: N1, title: New one, grade: G2}", "{id: N1, title: New one, grade: G9}", "grade: G9",
                      "new_structure.posts[0].grade", "unknown grade 'G9'"),
    "unknown_spine": ("level: 2, spine: S,", "level: 2, spine: T,", "spine: T", "grades[1].spine",
                      "unknown pay spine 'T'"),
    "missing_spinal_point": ("points: [4, 5]}", "points: [4, 6]}", "points: [4, 6]", "grades[1].points",
                             "spinal point(s) 6 not on spine 'S'"),
    "grade_points_reversed": ("points: [4, 5]}", "points: [5, 4]}", "points: [5, 4]", "grades[1].points",
                              "points must be [bottom, top]"),
    "person_in_unknown_post": ("{id: P2, post: O2", "{id: P2, post: O7", "post: O7", "people[1].post",
                               "unknown old post 'O7'"),
    "two_people_one_post": ("{id: P2, post: O2", "{id: P2, post: O1", "{id: P2, post: O1", "people[1].post",
                            "has one place but 2 people hold it: 'P1', 'P2'"),
    "overlap_unknown_new_post": ("{old_post: O2, new_post: N1,", "{old_post: O2, new_post: N2,", "new_post: N2",
                                 "overlaps[1].new_post", "unknown new post 'N2'"),
    "overlap_unknown_old_post": ("{old_post: O2, new_post: N1,", "{old_post: O3, new_post: N1,", "old_post: O3",
                                 "overlaps[1].old_post", "unknown old post 'O3'"),
    "overlap_given_twice": ("{old_post: O2, new_post: N1,", "{old_post: O1, new_post: N1,",
                            "{old_post: O1, new_post: N1, old_in_new: 80", "overlaps[1]", "given twice"),
    "percent_over_100": ("old_in_new: 80,", "old_in_new: 101,", "old_in_new: 101", "overlaps[1].old_in_new",
                         "at most 100"),
    "percent_negative": ("new_from_old: 80}", "new_from_old: -5}", "new_from_old: -5", "overlaps[1].new_from_old",
                         "at least 0"),
    "salary_negative": ("salary: 30500}", "salary: -30500}", "salary: -30500", "people[1].salary",
                        "greater than 0"),
    "salary_zero": ("salary: 30500}", "salary: 0}", "salary: 0}", "people[1].salary", "greater than 0"),
    "salary_not_a_number": ("salary: 30500}", "salary: thirty thousand}", "salary: thirty", "people[1].salary",
                            "expected a number"),
    "salary_infinite": ("salary: 30500}", "salary: .inf}", "salary: .inf", "people[1].salary", "expected a number"),
    "funding_over_one": ("{id: N1, title: New one, grade: G2}", "{id: N1, title: New one, grade: G2, "
                         "external_funding: 1.5}", "external_funding: 1.5", "new_structure.posts[0].external_funding",
                         "at most 1"),
    "count_below_one": ("{id: N1, title: New one, grade: G2}", "{id: N1, title: New one, grade: G2, count: 0}",
                        "count: 0", "new_structure.posts[0].count", "at least 1"),
    "new_post_grade_without_spine": ("{id: N1, title: New one, grade: G2}", "{id: N1, title: New one, grade: X}",
                                     "grade: X}", "new_structure.posts[0].grade", "cannot be costed"),
    "vacant_post_cannot_be_costed": ("    - {id: O2, title: Old two, grade: G2}\n",
                                     "    - {id: O2, title: Old two, grade: G2}\n    - {id: O3, title: Vacant, grade: X}\n",
                                     "{id: O3", "old_structure.posts[2]", "give the post a salary"),
    "policy_contradiction": ("review: {name: Template review, effective_date: 2012-01-02}\n",
                             "review: {name: Template review, effective_date: 2012-01-02}\n"
                             "policy: {assimilate_threshold: 60, match_threshold: 70}\n",
                             "policy:", "policy.match_threshold", "expected at most assimilate_threshold"),
    "missing_section": ("overlaps:\n  - {old_post: O1, new_post: N1, old_in_new: 50, new_from_old: 50}\n"
                        "  - {old_post: O2, new_post: N1, old_in_new: 80, new_from_old: 80}\n", "", "review:",
                        "overlaps", "missing required section 'overlaps'"),
    "not_utf8": ("title: Old one", "title: Old \xa3one", "Old \xa3one", "", "not UTF-8"),
    "alias": ("  - {id: P2, post: O2, salary: 30500}", "  - &p {id: P2, post: O2, salary: 30500}\n  - *p",
              "  - *p", "people[2]", "aliases"),
    "merge_key": ("  - {id: P2, post: O2, salary: 30500}", "  - {<<: {id: P2}, post: O2, salary: 30500}",
                  "<<:", "people[1]", "merge keys"),
    "python_tag": ("salary: 30500}", "salary: !!python/object:decimal.Decimal 30500}", "!!python", "people[1].salary",
                   "is not allowed"),
    "impossible_date": ("effective_date: 2012-01-02", "effective_date: 2024-02-30", "2024-02-30",
                        "review.effective_date", "real calendar date"),
    "yes_is_not_a_boolean": ("{id: N1, title: New one, grade: G2}", "{id: N1, title: New one, grade: G2, on_hold: yes}",
                             "on_hold: yes", "new_structure.posts[0].on_hold", "expected true or false"),
}


def main() -> None:
    here = Path(__file__).parent
    for name, (old, new, marker, path, message) in MODES.items():
        body = new if old is None else TEMPLATE.replace(old, new, 1)
        assert old is None or old in TEMPLATE, name
        header = [f"# Failure mode: {name.replace('_', ' ')}.", "# expect-line: LINE", f"# expect-path: {path}",
                  f"# expect-message: {message}"]
        if marker is None:
            line = "none"
        elif marker == "":
            line = "1"
        else:
            index = body.index(marker)
            line = str(body.count("\n", 0, index) + 1 + len(header))
        header[1] = f"# expect-line: {line}"
        text = "\n".join(header) + "\n" + body
        encoding = "latin-1" if name == "not_utf8" else "utf-8"
        (here / f"{name}.yaml").write_bytes(text.encode(encoding))


if __name__ == "__main__":
    main()
