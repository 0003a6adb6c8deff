"""Hostile pension strain tables and protection by sector (issue 30, items 3 and 4): numbers out of bounds, keys
written twice or not as numbers, a scheme called red_circle, an escape sequence for an allowance's name, and a
person with ten thousand allowances; each refused where it is written, or answered in good time."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from . import Case, example

_COSTING = "costing:                              # report s.5 notes iii-iv\n"
_POLICY = "policy:                               # the Leicester rules; every value is also the default\n"
_P03 = "post: OLD-SD-AC, salary: 101000,"
_NEVER = ["Traceback", "internal error"]


def _costing(line: str, *command: str) -> Callable[[Path], list[str]]:
    def make(folder: Path) -> list[str]:
        return [*(command or ("validate",)), str(example(folder, (_COSTING, f"{_COSTING}  {line}\n")))]
    return make


def _policy(line: str, *command: str) -> Callable[[Path], list[str]]:
    def make(folder: Path) -> list[str]:
        command_ = command or ("validate",)
        return [command_[0], str(example(folder, (_POLICY, f"{_POLICY}  {line}\n"))), *command_[1:]]
    return make


def _p03(fields: str, policy: str = "", *command: str) -> Callable[[Path], list[str]]:
    def make(folder: Path) -> list[str]:
        edits = [(_P03, f"{_P03} {fields},")]
        if policy:
            edits.append((_POLICY, f"{_POLICY}  {policy}\n"))
        return [*(command or ("validate",)), str(example(folder, *edits))]
    return make


_MANY = "allowances: {" + ", ".join(f"a{i}: {i + 1}" for i in range(10_000)) + "}"
_INCLUDES = "protection: {includes: [" + ", ".join(f"a{i}" for i in range(50)) + "]}"

_TAPERED_ESCAPE = 'protection: {scheme: tapered, shares: [1, 0.5], includes: ["\\e[31mred"]}'

CASES = [
    Case("strain_npa_factor_key_negative", _costing("pension_strain: {factors_by_years_to_npa: {-1: 1}}"), 1,
         "costing.pension_strain.factors_by_years_to_npa", never=_NEVER),
    Case("strain_npa_factor_key_written_twice", _costing("pension_strain: {factors_by_years_to_npa: {5: 1, 05: 2}}"),
         1, "years '05'", never=_NEVER),
    Case("strain_npa_factor_nan", _costing("pension_strain: {factors_by_years_to_npa: {5: .nan}}"), 1,
         "costing.pension_strain.factors_by_years_to_npa", never=_NEVER),
    Case("strain_both_tables", _costing("pension_strain: {factors: {55: 1}, factors_by_years_to_npa: {5: 1}}"), 1,
         "give factors (by age) or factors_by_years_to_npa", never=_NEVER),
    Case("strain_person_npa_1e30", _p03("normal_pension_age: 1e30"), 1, "people[2].normal_pension_age",
         never=_NEVER),
    Case("strain_vesting_99", _costing("pension_strain: {vesting_years: 99, factors: {55: 1}}"), 1,
         "costing.pension_strain.vesting_years", never=_NEVER),
    Case("protection_allowance_1e400", _p03("allowances: {unsocial_hours: 1e400}"), 1,
         "people[2].allowances.unsocial_hours", never=_NEVER),
    Case("protection_allowance_negative", _p03("allowances: {unsocial_hours: -5}"), 1,
         "people[2].allowances.unsocial_hours", never=_NEVER),
    Case("protection_red_circle", _policy("protection: red_circle"), 1, "red_circle is mark_time here",
         never=_NEVER),
    Case("protection_mark_time_rising", _policy("protection: {scheme: mark_time, rises_with_awards: true}"), 1,
         "cannot rise with them", never=_NEVER),
    Case("protection_includes_twice", _policy("protection: {includes: [on_call, on_call]}"), 1,
         "includes names an allowance twice", never=_NEVER),
    Case("protection_includes_escape_sequence", _policy(_TAPERED_ESCAPE, "explain", "P05"), 0,
         "the protected pay includes", never=["\x1b[31m", *_NEVER]),
    Case("protection_ten_thousand_allowances", _p03(_MANY, _INCLUDES, "savings"), 0, "Total", never=_NEVER),
]
