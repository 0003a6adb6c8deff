"""A progress bar on stderr for long runs: shown only on a terminal, and only after about a second."""

from __future__ import annotations

import sys
import threading
from typing import Any

DELAY_SECONDS = 1.0


class Stages:
    """Counts named stages of a command; after DELAY_SECONDS it shows them as a bar on a terminal.

    Use as a context manager; call the instance with a stage name as each stage starts. Nothing is
    shown when stderr is not a terminal (CI logs, pipes) or when the command ends within the delay.
    """

    def __init__(self, total: int, stream: Any = None):
        self.total = total
        self.stream = stream or sys.stderr
        self.done = 0
        self.name = "starting"
        self._progress: Any = None
        self._task: Any = None
        self._timer: threading.Timer | None = None
        self._lock = threading.Lock()

    def __enter__(self) -> Stages:
        if self.stream.isatty():
            self._timer = threading.Timer(DELAY_SECONDS, self._show)
            self._timer.daemon = True
            self._timer.start()
        return self

    def __call__(self, name: str) -> None:
        with self._lock:
            if self.name != "starting":
                self.done = min(self.done + 1, self.total - 1)
            self.name = name
            if self._progress is not None:
                self._progress.update(self._task, completed=self.done, description=name)

    def _show(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

        with self._lock:
            self._progress = Progress(TextColumn("{task.description:<28}"), BarColumn(), TimeElapsedColumn(),
                                      console=Console(file=self.stream), transient=True)
            self._task = self._progress.add_task(self.name, total=self.total, completed=self.done)
            self._progress.start()

    def __exit__(self, *exc: object) -> None:
        if self._timer is not None:
            self._timer.cancel()
        with self._lock:
            if self._progress is not None:
                self._progress.stop()
