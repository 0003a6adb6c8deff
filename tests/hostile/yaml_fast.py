"""Large YAML files (the size the compiled reader reads, reading/yaml_fast.py) with a problem in them: each
is located by the reference reader as in a small file, never answered with data the reference reader
would refuse, and rapidyaml's own report on a text it refuses never reaches the output."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from slotting.reading import yaml_fast

from . import Case, example

_PADDING = "# a long review: comment lines take the file past the size the compiled reader starts at\n"
_LINES = yaml_fast.SMALLEST // len(_PADDING) + 1
_NEVER = ["Traceback", "internal error", "ERROR: [parse]", "detected here", "/project/cpp"]
_P03 = "post: OLD-SD-AC, salary: 101000,"


def _large(*replacements: tuple[str, str], append: str = "", command: str = "validate") -> Callable[[Path], list[str]]:
    """The example with each (old, new) replaced once, made large by comment lines (then `append`)."""
    def make(folder: Path) -> list[str]:
        return [command, str(example(folder, *replacements, append=_PADDING * _LINES + append))]
    return make


CASES = [
    Case("large_yaml_read_by_the_compiled_reader", _large(), 0, "valid: 20 people", _NEVER),
    Case("large_yaml_run_json", _large(command="run"), 0, "Holder", _NEVER),
    Case("large_yaml_alias", _large(("salary: 109000", "salary: &s 109000"), ("salary: 92610", "salary: *s")), 1,
         "aliases (*name) are not allowed", _NEVER),
    Case("large_yaml_duplicate_key", _large((_P03, _P03 + " salary: 5,")), 1, "duplicate key 'salary'", _NEVER),
    Case("large_yaml_tab", _large(("  match_threshold: 25", "\tmatch_threshold: 25")), 1, "a tab character", _NEVER),
    Case("large_yaml_anchor_without_a_name", _large((_P03, "post: & HR, salary: 101000,")), 1, "malformed YAML",
         _NEVER),
    Case("large_yaml_closer_as_a_value", _large(("  match_threshold: 25", "  match_threshold: ]")), 1,
         "malformed YAML", _NEVER),
    Case("large_yaml_missing_key", _large(("  match_threshold: 25", "  : 25")), 1, "malformed YAML", _NEVER),
    Case("large_yaml_second_document", _large(append="---\nreview: {name: x}\n"), 1, "a second document", _NEVER),
    Case("large_yaml_nul", _large((_P03, "\x00" + _P03)), 1, "U+0000", _NEVER),
    Case("large_yaml_escaped_surrogate", _large((_P03, 'name: "\\ud800", ' + _P03)), 1, "malformed YAML", _NEVER),
    Case("large_yaml_tilde_salary", _large(("salary: 109000", "salary: ~")), 1, "people[0].salary", _NEVER),
    Case("large_yaml_capital_true", _large(("  split_slots: true", "  split_slots: TRUE")), 0, "valid: 20 people",
         _NEVER),
    Case("large_yaml_leading_point", _large(("  on_cost_rate: 0.31", "  on_cost_rate: .31")), 0, "valid: 20 people",
         _NEVER),
    Case("large_yaml_value_too_long", _large((_P03, f'name: "{"x" * 10_001}", ' + _P03)), 1,
         "at most 10,000 are allowed", _NEVER),
    Case("large_yaml_nested_too_deep", _large(append="extra: " + "[" * 17 + "1" + "]" * 17 + "\n"), 1,
         "nested more than 16 levels", _NEVER),
    Case("large_yaml_unclosed_bracket", _large(append="extra: [1, 2\n"), 1, "malformed YAML", _NEVER),
]

# A line of 20 million characters (a quoted name, then a comment) took minutes when the scan for a long key
# searched each line once a block; it is read once now and the file is refused only for what it breaks.
_NAME = "name: Leicester City Council senior management review 2011 (phase 2)"
CASES.append(Case("large_yaml_one_line_of_twenty_million_characters",
                  lambda folder: ["validate", str(example(folder, (_NAME, "name: '" + "x" * 20_000_000 + "'")))],
                  1, "characters", _NEVER))
