"""Writes an alternative option of the bundled example, for `slotting compare` (docs/how-to/compare.md).

    python examples/options/_make.py

merged_city_centre_property.yaml is examples/leicester_2011.yaml with the Director - City Centre and the
Director of Property merged into one post, as a committee might be offered in consultation (ILLUSTRATIVE:
the published structure keeps them apart). The two holders' overlaps with the merged post are
illustrative too. tests/test_compare.py checks that the file is what this script writes.
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).parent
EXAMPLE = HERE.parent / "leicester_2011.yaml"
MERGES = [
    ("    - {id: NEW-DD-CC, title: Director - City Centre, grade: DD, reports_to: NEW-SD-CDN}\n"
     "    - {id: NEW-DD-PROP, title: Director of Property, grade: DD, reports_to: NEW-SD-CDN}\n",
     "    - {id: NEW-DD-CCP, title: Director - City Centre and Property, grade: DD, reports_to: NEW-SD-CDN}"
     "  # ILLUSTRATIVE option\n"),
    ("  - {old_post: OLD-DD-PROP, new_post: NEW-DD-PROP, old_in_new: 85, new_from_old: 80}",
     "  - {old_post: OLD-DD-PROP, new_post: NEW-DD-CCP, old_in_new: 70, new_from_old: 40}"),
    ("  - {old_post: OLD-DD-CC, new_post: NEW-DD-CC, old_in_new: 85, new_from_old: 60}",
     "  - {old_post: OLD-DD-CC, new_post: NEW-DD-CCP, old_in_new: 80, new_from_old: 45}"),
    ("  - {old_post: OLD-SD-DCR, new_post: NEW-DD-CC, old_in_new: 30, new_from_old: 35}",
     "  - {old_post: OLD-SD-DCR, new_post: NEW-DD-CCP, old_in_new: 30, new_from_old: 35}"),
    ("review:\n  name: Leicester City Council senior management review 2011 (phase 2)\n",
     "review:\n  name: Leicester City Council senior management review 2011 (phase 2), City Centre and Property "
     "merged\n"),
]


def variant() -> str:
    text = EXAMPLE.read_text(encoding="utf-8")
    for old, new in MERGES:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text.replace("$schema=../slotting.schema.json", "$schema=../../slotting.schema.json", 1)


if __name__ == "__main__":
    (HERE / "merged_city_centre_property.yaml").write_text(variant(), encoding="utf-8")
