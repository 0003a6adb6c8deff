"""The folder `slotting letters -o DIR` writes into stays the user's: their files survive any run, --force
replaces only the previous run's letters, links are followed, modes kept, and a run is whole or absent even
when it is interrupted or killed."""

from __future__ import annotations

import csv
import io
import os
import random
import signal
import stat
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from slotting.folder import _COMMIT, _MAGIC, _MARKER, write_folder
from slotting.render.letters import is_letter_file

from .conftest import EXAMPLE, ROOT, cli

USERS = {"budget.xlsx": b"the user's", ".git/config": b"[core]\n", "sub/P01-matched.docx": b"not ours: in a sub-folder",
         "notes.docx": b"a document of the user's"}


def users_files(folder: Path) -> None:
    for name, data in USERS.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)


def assert_users_files(folder: Path) -> None:
    for name, data in USERS.items():
        assert (folder / name).read_bytes() == data, name


def assert_whole(folder: Path, letters: int = 20) -> None:
    """The folder holds exactly the letters its manifest names (each a complete .docx), and no staging folder."""
    rows = list(csv.DictReader(io.StringIO((folder / "manifest.csv").read_text(encoding="utf-8"))))
    ours = sorted(p.name for p in folder.iterdir() if is_letter_file(p.name) and not p.is_symlink())
    assert len(rows) == letters and sorted(r["file"] for r in rows) == ours
    for name in ours:
        with zipfile.ZipFile(folder / name) as archive:
            assert archive.testzip() is None, name
    assert not list(folder.glob(".slotting-staging-*"))


def test_force_replaces_only_the_earlier_runs_letters(tmp_path: Path):
    out = tmp_path / "letters"
    out.mkdir()
    users_files(out)
    assert cli("letters", str(EXAMPLE), "-o", str(out)).exit_code == 0
    (out / "OLD1-matched.docx").write_bytes(b"a letter of an earlier review")
    with (out / "manifest.csv").open("a", encoding="utf-8") as manifest:
        manifest.write("OLD1,matched,OLD1-matched.docx\n")
    result = cli("letters", str(EXAMPLE), "-o", str(out), "--force")
    assert result.exit_code == 0, result.stderr
    assert not (out / "OLD1-matched.docx").exists()  # the earlier run's, named by its manifest
    assert_users_files(out)
    assert_whole(out)


def test_force_into_the_current_folder_keeps_everything_else(tmp_path: Path, monkeypatch):
    users_files(tmp_path)
    monkeypatch.chdir(tmp_path)
    for _ in range(2):
        result = cli("letters", str(EXAMPLE), "-o", ".", "--force")
        assert result.exit_code == 0, result.stderr
    assert_users_files(tmp_path)
    assert_whole(tmp_path)


def test_a_manifest_is_not_trusted_beyond_plain_letter_names(tmp_path: Path):
    out = tmp_path / "letters"
    out.mkdir()
    users_files(out)
    (tmp_path / "victim.docx").write_bytes(b"outside")
    (tmp_path / "P99-matched.docx").write_bytes(b"outside, reached through a link")
    (out / "P99-matched.docx").symlink_to(tmp_path / "P99-matched.docx")
    (out / "manifest.csv").write_text("person,outcome,file\n" + "".join(
        f"X,matched,{name}\n" for name in ("../victim.docx", "sub/P01-matched.docx", "notes.docx", "budget.xlsx",
                                           ".git", "P99-matched.docx", "/etc/hostname")), encoding="utf-8")
    result = cli("letters", str(EXAMPLE), "-o", str(out), "--force")
    assert result.exit_code == 0, result.stderr
    assert "not plain letter files" in result.stderr
    assert_users_files(out)
    assert (tmp_path / "victim.docx").read_bytes() == b"outside"
    assert (out / "P99-matched.docx").is_symlink() and (tmp_path / "P99-matched.docx").read_bytes().startswith(b"outside")
    assert_whole(out)


def test_without_force_a_file_of_the_same_name_is_refused_and_kept(tmp_path: Path):
    out = tmp_path / "letters"
    out.mkdir()
    (out / "P16-assimilated.docx").write_bytes(b"the user's own")
    result = cli("letters", str(EXAMPLE), "-o", str(out))
    assert result.exit_code == 1 and "already holds P16-assimilated.docx" in result.stderr
    assert [p.name for p in out.iterdir()] == ["P16-assimilated.docx"]


def test_a_link_is_followed_and_the_folders_mode_kept(tmp_path: Path):
    share = tmp_path / "share"
    share.mkdir()
    share.chmod(0o2775)
    link = tmp_path / "letters"
    link.symlink_to(share)
    for flags in ((), ("--force",)):
        result = cli("letters", str(EXAMPLE), "-o", str(link), *flags)
        assert result.exit_code == 0, result.stderr
    assert link.is_symlink() and link.resolve() == share.resolve()
    assert stat.S_IMODE(share.stat().st_mode) == 0o2775
    assert_whole(share)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_a_new_folder_gets_the_umasks_mode(tmp_path: Path):
    previous = os.umask(0o027)
    try:
        assert cli("letters", str(EXAMPLE), "-o", str(tmp_path / "letters")).exit_code == 0
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "letters").stat().st_mode) == 0o750
    assert stat.S_IMODE((tmp_path / "letters" / "manifest.csv").stat().st_mode) == 0o640


def test_a_folder_holding_an_input_is_refused(tmp_path: Path):
    review = tmp_path / "review.yaml"
    review.write_bytes(EXAMPLE.read_bytes())
    result = cli("letters", str(review), "-o", str(tmp_path), "--force")
    assert result.exit_code == 1 and "holds the input files" in result.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["review.yaml"]


def stale(folder: Path, name: str, files: dict[str, bytes], *, marker: bytes | None = _MAGIC,
          commit: list[str] | None = None) -> Path:
    staging = folder / name
    staging.mkdir(parents=True)
    for file, data in files.items():
        (staging / file).write_bytes(data)
    if marker is not None:
        (staging / _MARKER).write_bytes(marker)
    if commit is not None:
        (staging / _COMMIT).write_text("".join(f"{n}\n" for n in commit), encoding="utf-8")
    return staging


def test_stale_staging_is_removed_but_a_look_alike_is_kept(tmp_path: Path):
    out = tmp_path / "letters"
    killed = stale(out, ".slotting-staging-abcd1234.tmp", {"P01-matched.docx": b"a name and a salary"})
    look_alike = stale(out, ".slotting-staging-wxyz6789.tmp", {"mine.txt": b"the user's"}, marker=None)
    forged = stale(out, ".slotting-staging-forged00.tmp", {"mine.txt": b"the user's"}, marker=b"not ours\n")
    result = cli("letters", str(EXAMPLE), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert not killed.exists()
    assert (look_alike / "mine.txt").exists() and (forged / "mine.txt").exists()
    assert sorted(p.name for p in out.glob(".*")) == [forged.name, look_alike.name]


def test_a_committed_run_killed_while_moving_is_finished_by_the_next(tmp_path: Path):
    out = tmp_path / "letters"
    out.mkdir()
    users_files(out)
    (out / "OLD1-matched.docx").write_bytes(b"earlier")
    (out / "A-matched.docx").write_bytes(b"moved before the kill")
    (out / "manifest.csv").write_text("person,outcome,file\nOLD1,matched,OLD1-matched.docx\n", encoding="utf-8")
    manifest = b"person,outcome,file\nA,matched,A-matched.docx\nB,matched,B-matched.docx\n"
    staging = stale(out, ".slotting-staging-killed00.tmp", {"B-matched.docx": b"staged", "manifest.csv": manifest},
                    commit=["A-matched.docx", "B-matched.docx", "manifest.csv"])
    result = cli("letters", str(EXAMPLE), "-o", str(out))
    assert result.exit_code == 1 and "holds the files of an earlier run" in result.stderr  # the finished one
    assert not staging.exists() and not (out / "OLD1-matched.docx").exists()
    assert (out / "manifest.csv").read_bytes() == manifest and (out / "B-matched.docx").read_bytes() == b"staged"
    assert_users_files(out)


def test_an_interrupt_while_writing_leaves_nothing(tmp_path: Path):
    def interrupted():
        yield "P01-matched.docx", b"a letter"
        raise KeyboardInterrupt

    new = tmp_path / "new"
    with pytest.raises(KeyboardInterrupt):
        write_folder(interrupted(), new, names={"P01-matched.docx", "manifest.csv"}, force=False)
    assert not new.exists()
    existing = tmp_path / "existing"
    existing.mkdir()
    users_files(existing)
    with pytest.raises(KeyboardInterrupt):
        write_folder(interrupted(), existing, names={"P01-matched.docx", "manifest.csv"}, force=True)
    assert_users_files(existing)
    assert sorted(p.name for p in existing.iterdir()) == sorted({n.split("/")[0] for n in USERS})


_SLOW = """
import sys, time
from pathlib import Path
from slotting.folder import write_folder

def slow():
    for i in range(100):
        yield f"P{i:02d}-matched.docx", b"letter"
        print("wrote", flush=True)
        time.sleep(0.05)
    yield "manifest.csv", b"person,outcome,file\\n"

write_folder(slow(), Path(sys.argv[1]), names={f"P{i:02d}-matched.docx" for i in range(100)} | {"manifest.csv"},
             force=False)
"""


@pytest.mark.parametrize("signal_number", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_while_writing_leaves_nothing(tmp_path: Path, signal_number: int):
    out = tmp_path / "letters"
    out.mkdir()
    users_files(out)
    child = subprocess.Popen([sys.executable, "-c", _SLOW, str(out)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             cwd=ROOT)
    assert child.stdout is not None
    child.stdout.readline()
    child.send_signal(signal_number)
    _, stderr = child.communicate(timeout=20)
    assert child.returncode != 0
    assert_users_files(out)
    assert sorted(p.name for p in out.iterdir()) == sorted({n.split("/")[0] for n in USERS}), stderr


def test_killed_at_random_points_the_folder_ends_whole(tmp_path: Path):
    """SIGKILL (no clean-up possible) at random moments of a run of 200 letters; a normal run afterwards
    leaves the folder whole, with no staging folder, and the user's files as they were."""
    from tests.support.generate import build, write_yaml

    review = tmp_path / "review.yaml"
    write_yaml(build(200), review)
    out = tmp_path / "letters"
    out.mkdir()
    users_files(out)
    # A generated review has no timeline (its letters' appeal dates are not set): written with placeholders.
    assert cli("letters", str(review), "-o", str(out), "--allow-missing").exit_code == 0
    rng = random.Random(2011)
    command = [sys.executable, "-m", "slotting", "letters", str(review), "-o", str(out), "--force", "--allow-missing"]
    for _ in range(3):
        child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
        began = time.monotonic()
        while child.poll() is None and not list(out.glob(".slotting-staging-*")) and time.monotonic() - began < 20:
            time.sleep(0.002)
        time.sleep(rng.uniform(0, 0.3))  # somewhere while letters are staged, committed, moved or after
        child.kill()
        child.wait()
        assert_users_files(out)
        result = cli("letters", str(review), "-o", str(out), "--force", "--allow-missing")
        assert result.exit_code == 0, result.stderr
        assert_whole(out, 200)
        assert_users_files(out)
