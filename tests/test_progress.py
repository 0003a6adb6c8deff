"""The progress bar: shown on a terminal after the delay, never on a pipe."""

from __future__ import annotations

import io
import time

from slotting.cli import progress


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_nothing_is_shown_on_a_pipe(monkeypatch):
    monkeypatch.setattr(progress, "DELAY_SECONDS", 0.0)
    stream = io.StringIO()
    with progress.Stages(3, stream) as stages:
        stages("reading")
        time.sleep(0.2)
        stages("slotting")
    assert stream.getvalue() == ""


def test_a_terminal_sees_the_stage_after_the_delay(monkeypatch):
    monkeypatch.setattr(progress, "DELAY_SECONDS", 0.05)
    monkeypatch.setenv("TERM", "xterm-256color")  # rich does not redraw on a "dumb" terminal
    stream = FakeTerminal()
    with progress.Stages(3, stream) as stages:
        stages("reading review.yaml")
        time.sleep(0.5)
        stages("slotting")
        time.sleep(0.3)
    assert "slotting" in stream.getvalue() or "reading review.yaml" in stream.getvalue()


def test_a_quick_command_shows_nothing_even_on_a_terminal():
    stream = FakeTerminal()
    with progress.Stages(3, stream) as stages:
        stages("reading")
    assert stream.getvalue() == ""
