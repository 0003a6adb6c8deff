"""The console script tunes nothing: the collector stays on, the interpreter exits as usual, a closed pipe is quiet."""

from __future__ import annotations

import subprocess
import sys

from .conftest import EXAMPLE, ROOT

_PROBE = ("import atexit, gc, sys; atexit.register(lambda: print('collector on' if gc.isenabled() else 'collector off', "
          "file=sys.stderr)); sys.argv = ['slotting', *sys.argv[1:]]; from slotting.console import main; main()")


def _console(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", _PROBE, *args], capture_output=True, text=True, timeout=120)


def test_a_command_runs_with_the_collector_on_and_exits_through_the_interpreter():
    done = _console("validate", str(EXAMPLE))
    assert done.returncode == 0, done.stderr
    # atexit handlers run only when the process exits as usual (os._exit skips them)
    assert done.stderr.rstrip().endswith("collector on"), done.stderr


def test_exit_statuses_pass_through():
    assert _console("validate", "no-such-file.yaml").returncode == 1
    assert _console("no-such-command").returncode == 2


def test_a_reader_that_goes_away_is_not_an_error(tmp_path):
    review = tmp_path / "review.yaml"  # its output (about 1 MB) is far more than a pipe holds
    subprocess.run([sys.executable, "-m", "tests.support.generate", "1000", "-o", str(review)], check=True, cwd=ROOT)
    command = [sys.executable, "-c", "from slotting.console import main; import sys; sys.argv=['slotting', "
               f"'run', {str(review)!r}, '--format', 'json']; main()"]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as process:
        assert process.stdout is not None and process.stderr is not None
        process.stdout.read(10)
        process.stdout.close()
        error = process.stderr.read().decode()
        status = process.wait(timeout=120)
    assert status == 0, error
    assert "Traceback" not in error and "Exception ignored" not in error, error


def test_tables_piped_or_written_have_no_trailing_spaces(tmp_path):
    """rich pads every line to the width; a pipe or a file gets the lines as they end."""
    from .conftest import cli

    for command in ("run", "savings", "equality", "timeline"):
        result = cli(command, str(EXAMPLE))
        assert result.exit_code == 0, result.stderr
        assert not [line for line in result.stdout.splitlines() if line != line.rstrip()], command
