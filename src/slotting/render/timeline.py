"""Renderers of `slotting timeline`: the dated steps, then each person's dates; and an iCalendar file."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator
from typing import Any

from ..formats import short_date
from ..rules.timeline import NATION, PersonDates, TimelineResult
from .common import json_chunks, markdown, markdown_table, terminal, text_cells, to_csv

STEP_HEADER = ["Date", "Step", "Rule", "Source"]
PEOPLE_HEADER = ["Person", "Outcome", "Notice", "Earliest dismissal", "Trial ends", "Protection ends"]


def step_rows(t: TimelineResult) -> list[list[str]]:
    return [[short_date(s.date), s.what, s.rule, s.source] for s in t.steps]


def _dated(p: PersonDates) -> bool:
    return any((p.earliest_dismissal, p.trial_end, p.protection_end))


def people_rows(t: TimelineResult) -> list[list[str]]:
    return [[p.person, p.outcome if p.status is None else f"{p.outcome}; now {p.status}", p.notice_basis,
             short_date(p.earliest_dismissal), short_date(p.trial_end), short_date(p.protection_end)]
            for p in t.people if _dated(p) or p.notice_weeks is not None]


def _head(t: TimelineResult) -> str:
    return (f"Timeline: {t.review} ({NATION[t.nation]} bank holidays). Proposed dismissals: "
            f"{t.proposed_dismissals} ({t.counted}).")


def timeline_table(t: TimelineResult) -> Iterator[Any]:
    from rich import box
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    steps = Table(title=Text(terminal(_head(t))), title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False)
    for name in STEP_HEADER:
        steps.add_column(name, overflow="fold", no_wrap=name == "Date")
    for row in step_rows(t):
        steps.add_row(*text_cells(row))
    parts: list[Any] = [steps]
    rows = people_rows(t)
    if rows:
        people = Table(title="People", title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False)
        for name in PEOPLE_HEADER:
            people.add_column(name, overflow="fold")
        for row in rows:
            people.add_row(*text_cells(row))
        parts.append(people)
    parts += [Text(terminal(f"Warning: {w}")) for w in t.warnings]
    parts += [Text(terminal(n)) for n in t.notes]
    yield Group(*parts)


def timeline_markdown(t: TimelineResult) -> Iterator[str]:
    out = [f"# {markdown(_head(t))}\n", markdown_table(STEP_HEADER, step_rows(t))]
    rows = people_rows(t)
    if rows:
        out += ["## People\n", markdown_table(PEOPLE_HEADER, rows)]
    out.append("\n".join([*(f"**Warning:** {markdown(w)}" for w in t.warnings), *(markdown(n) for n in t.notes)]) + "\n")
    yield "\n".join(out)


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def timeline_json(t: TimelineResult) -> Iterator[bytes]:
    yield from json_chunks({
        "review": t.review, "nation": t.nation, "proposed_dismissals": t.proposed_dismissals, "counted": t.counted,
        "steps": [{"date": _iso(s.date), "what": s.what, "rule": s.rule, "source": s.source} for s in t.steps],
        "people": [{"id": p.person, "outcome": p.outcome, "notice_weeks": p.notice_weeks, "notice": p.notice_basis,
                    "earliest_dismissal": _iso(p.earliest_dismissal), "trial_end": _iso(p.trial_end),
                    "protection_end": _iso(p.protection_end),
                    **({"status": p.status, "notice_given": _iso(p.notice_given)} if p.status else {})}
                   for p in t.people],
        "notes": list(t.notes), "warnings": list(t.warnings)})


def timeline_csv(t: TimelineResult) -> Iterator[str]:
    yield to_csv(["date", "what", "rule", "source"], [[_iso(s.date), s.what, s.rule, s.source] for s in t.steps])


def timeline_ics(t: TimelineResult, people: bool = False) -> Iterator[bytes]:
    """Yields an iCalendar file of the dated steps (all-day events); each person's dates only with `people`."""
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", "-//slotting//timeline//EN")
    calendar.add("version", "2.0")
    stamp = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)  # fixed: the same inputs give the same file

    def add(day: dt.date, summary: str, description: str) -> None:
        event = Event()
        uid = hashlib.sha256(f"{t.review}|{day}|{summary}".encode()).hexdigest()[:32]
        event.add("uid", f"{uid}@slotting")
        event.add("dtstamp", stamp)
        event.add("dtstart", day)
        event.add("dtend", day + dt.timedelta(days=1))
        event.add("summary", summary)
        event.add("description", description)
        calendar.add_component(event)

    for s in t.steps:
        if s.date:
            add(s.date, f"{t.review}: {s.what}", f"{s.rule} ({s.source})")
    if people:
        for p in t.people:
            for day, what in ((p.earliest_dismissal, "earliest dismissal"), (p.trial_end, "trial period ends"),
                              (p.protection_end, "pay protection ends")):
                if day:
                    add(day, f"{p.person}: {what}", f"{t.review}; {p.notice_basis}")
    yield calendar.to_ical()
