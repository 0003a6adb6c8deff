"""Renderers of `slotting overlaps`: a computed overlaps section, and a suggested (draft) mapping."""

from __future__ import annotations

import json
from collections.abc import Iterator
from decimal import Decimal

from ..model import Overlap
from ..model.types import Share
from ..rules.suggest import SecondLook, Suggested
from .common import to_csv


def _figure(value: object) -> str:
    if isinstance(value, Share):
        return json.dumps(value.written)  # a fraction of the whole, exact: "2/3"
    assert isinstance(value, Decimal)
    return format(value.normalize(), "f") if value != value.to_integral_value() else str(int(value))


def _text(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML string: every character safe


def overlaps_yaml(rows: list[Overlap]) -> Iterator[str]:
    """Yields an overlaps section: one row per mapped pair, figures exact (a fraction of the whole when needed)."""
    lines = ["# Computed by slotting overlaps compute from the job descriptions and the mapping.", "overlaps:"]
    lines += [f"  - {{old_post: {_text(o.old_post)}, new_post: {_text(o.new_post)}, old_in_new: {_figure(o.old_in_new)}, "
              f"new_from_old: {_figure(o.new_from_old)}}}" for o in rows]
    yield "\n".join(lines) + "\n"


def overlaps_csv(rows: list[Overlap]) -> Iterator[str]:
    yield to_csv(["old_post", "new_post", "old_in_new", "new_from_old"],
                 [[o.old_post, o.new_post, _figure(o.old_in_new).strip('"'), _figure(o.new_from_old).strip('"')]
                  for o in rows])


def suggested_yaml(found: list[Suggested], looks: list[SecondLook]) -> Iterator[str]:
    """Yields a draft mapping: every pair suggested, each link with its similarity; second looks as comments."""
    lines = ["# Suggested by slotting overlaps suggest: wording similarity only (rapidfuzz token-set ratio, 0-100).",
             "# Confirm each link (and the part found), remove the rest, then set status: confirmed.", "pairs:"]
    for s in found:
        lines += [f"  - old_post: {_text(s.old_post)}", f"    new_post: {_text(s.new_post)}", "    status: suggested",
                  "    links:"]
        lines += [f"      - {{old: {_text(old)}, new: {_text(new)}, similarity: {score}}}" for old, new, score in s.links]
    if not found:
        lines[-1] = "pairs: []"
    for look in looks:
        lines.append(f"# second look: {look.old_post} {look.old_duty} -> {look.new_post} {look.new_duty}: "
                     f"similarity {look.similarity}, {look.why}")
    yield "\n".join(lines) + "\n"
