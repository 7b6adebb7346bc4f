"""The one write path and confined reads (files.py), tested with real processes, a full disk,
a read-only folder, links, pipes and devices."""

from __future__ import annotations

import os
import shutil
import signal
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from newsclaims import files
from newsclaims.schema import DataError

LIB = str(Path(files.__file__).resolve().parents[1])
CAN_MOUNT = shutil.which("unshare") is not None and os.geteuid() == 0 and subprocess.run(
    ["unshare", "-m", "true"], capture_output=True).returncode == 0
needs_mounts = pytest.mark.skipif(not CAN_MOUNT, reason="needs root and unshare to mount a tiny or read-only "
                                                        "file system in a private mount namespace")


def run_python(code: str, *, mount: str = "", check: bool = True) -> subprocess.CompletedProcess:
    """Run code in a fresh Python process, inside a private mount namespace after ``mount`` when given."""
    command = [sys.executable, "-c", textwrap.dedent(code)]
    if mount:
        command = ["unshare", "-m", "sh", "-c", f'{mount} && exec "$0" "$@"', *command]
    result = subprocess.run(command, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": LIB},
                            timeout=120)
    if check:
        assert result.returncode == 0, result.stderr
    return result


# --- Locked read-change-write by real processes ------------------------------------------------

APPEND = """
    import sys
    from pathlib import Path
    from newsclaims import files
    path, who = Path(sys.argv[1]), sys.argv[2]
    for i in range(200):
        with files.locked(path.parent):
            header, rows = files.read_rows(path)
            files.write_rows(path, header, rows + [{"who": who, "i": str(i)}])
"""


def test_two_processes_each_saving_200_times_lose_nothing(tmp_path: Path):
    path = tmp_path / "shared.csv"
    files.write_rows(path, ["who", "i"], [])
    script = textwrap.dedent(APPEND)
    procs = [subprocess.Popen([sys.executable, "-c", script, str(path), who], env={**os.environ, "PYTHONPATH": LIB})
             for who in ("a", "b")]
    assert [p.wait(timeout=300) for p in procs] == [0, 0]
    _, rows = files.read_rows(path)
    assert sorted((r["who"], int(r["i"])) for r in rows) == [(w, i) for w in "ab" for i in range(200)]
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


KEEP_WRITING = """
    import sys
    from pathlib import Path
    from newsclaims import files
    path = Path(sys.argv[1])
    n = 0
    while True:
        n += 1
        files.write_rows(path, ["n", "payload"], [{"n": str(n), "payload": "x" * 2000} for _ in range(200)])
"""


def test_kill_9_while_saving_leaves_a_whole_file_and_no_temporary_files(tmp_path: Path):
    path = tmp_path / "answers.csv"
    files.write_rows(path, ["n", "payload"], [{"n": "0", "payload": ""}])
    script = textwrap.dedent(KEEP_WRITING)
    for delay in (0.3, 0.45, 0.6, 0.75, 0.9):
        proc = subprocess.Popen([sys.executable, "-c", script, str(path)], env={**os.environ, "PYTHONPATH": LIB})
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        header, rows = files.read_rows(path)  # whole: the old file or a new one, never a torn one
        assert header == ["n", "payload"] and len({r["n"] for r in rows}) == 1
    files.write_rows(path, ["n", "payload"], [])  # the next save clears what the killed ones left
    assert sorted(p.name for p in tmp_path.iterdir()) == [files.LOCK_NAME, "answers.csv"]


# --- Failed writes: a full disk and a read-only folder ------------------------------------------

@needs_mounts
def test_a_full_disk_refuses_the_save_and_keeps_the_old_file(tmp_path: Path):
    disk = tmp_path / "disk"
    disk.mkdir()
    result = run_python(f"""
        from pathlib import Path
        from newsclaims import files
        path = Path({str(disk)!r}) / "answers.csv"
        files.write_rows(path, ["statement_id", "form"], [{{"statement_id": "s1", "form": "direct"}}])
        try:
            files.write_rows(path, ["statement_id", "form"],
                             [{{"statement_id": f"s{{i}}", "form": "x" * 100}} for i in range(2000)])
        except files.WriteError as error:
            print("ERROR", error)
        print("AFTER", path.read_text())
        print("LEFT", sorted(p.name for p in path.parent.iterdir()))
    """, mount=f"mount -t tmpfs -o size=64k tmpfs {disk}")
    assert "ERROR could not save" in result.stdout and "the disk is full" in result.stdout
    assert "AFTER statement_id,form\ns1,direct\n" in result.stdout
    assert "LEFT ['.newsclaims.lock', 'answers.csv']" in result.stdout


@needs_mounts
def test_files_written_together_are_all_written_or_none(tmp_path: Path):
    disk = tmp_path / "disk"
    disk.mkdir()
    result = run_python(f"""
        from pathlib import Path
        from newsclaims import files
        folder = Path({str(disk)!r})
        files.write_text(folder / "articles.csv", "article_id\\na\\n")
        try:
            files.write_files({{folder / "articles.csv": b"article_id\\na\\nb\\n", folder / "b.txt": b"x" * 200_000}})
        except files.WriteError as error:
            print("ERROR", error)
        print("ROWS", (folder / "articles.csv").read_text().split())
        print("TEXT", (folder / "b.txt").exists())
    """, mount=f"mount -t tmpfs -o size=64k tmpfs {disk}")
    assert "could not save b.txt" in result.stdout.replace(str(disk) + "/", "") and "the disk is full" in result.stdout
    assert "ROWS ['article_id', 'a']" in result.stdout and "TEXT False" in result.stdout


@needs_mounts
def test_a_read_only_folder_refuses_the_save_with_a_clear_error(tmp_path: Path):
    folder = tmp_path / "work"
    folder.mkdir()
    (folder / "answers.csv").write_text("statement_id\ns1\n")
    result = run_python(f"""
        from pathlib import Path
        from newsclaims import files
        try:
            files.write_rows(Path({str(folder)!r}) / "answers.csv", ["statement_id"], [{{"statement_id": "s2"}}])
        except files.WriteError as error:
            print("ERROR", error)
    """, mount=f"mount --bind {folder} {folder} && mount -o remount,bind,ro {folder}")
    assert "ERROR could not save" in result.stdout and "read-only" in result.stdout
    assert (folder / "answers.csv").read_text() == "statement_id\ns1\n"


# --- Refused before writing ---------------------------------------------------------------------

def test_rows_that_would_not_read_back_are_refused(tmp_path: Path):
    with pytest.raises(ValueError, match="NUL"):
        files.csv_bytes(["a"], [{"a": "x\x00y"}])
    with pytest.raises(ValueError, match="not in the header"):
        files.csv_bytes(["a"], [{"a": "1", None: "stray"}])
    assert not list(tmp_path.iterdir())


def test_never_writes_through_a_link(tmp_path: Path):
    outside = tmp_path / "outside.txt"
    outside.write_text("keep")
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "texts.txt").symlink_to(outside)
    with pytest.raises(files.WriteError, match="link"):
        files.write_text(folder / "texts.txt", "new")
    assert outside.read_text() == "keep"


# --- Reading ------------------------------------------------------------------------------------

def test_read_rows_takes_excel_csv_and_names_the_line_of_a_short_row(tmp_path: Path):
    path = tmp_path / "a.csv"
    path.write_bytes("\ufeffstatement_id,form\r\ns1,direct\r\n".encode())
    assert files.read_rows(path) == (["statement_id", "form"], [{"statement_id": "s1", "form": "direct"}])
    path.write_text("a,b\n1,2\n3\n")
    with pytest.raises(DataError, match=r"a\.csv line 3: has 1 fields, the header has 2"):
        files.read_rows(path)
    path.write_bytes("a\ncaf\xe9\n".encode("latin-1"))
    with pytest.raises(DataError, match=r"a\.csv line 2: not UTF-8"):
        files.read_rows(path)


def test_confined_refuses_what_leaves_the_folder_without_echoing_it(tmp_path: Path):
    folder = tmp_path / "data"
    (folder / "texts").mkdir(parents=True)
    (folder / "texts" / "passwd.txt").symlink_to("/etc/passwd")
    first_line = Path("/etc/passwd").read_text().splitlines()[0]
    for relative in ("/etc/passwd", "../../../../etc/passwd", "texts/passwd.txt"):
        with pytest.raises(DataError, match="outside the data folder") as caught:
            files.read_confined(folder, relative)
        assert first_line not in str(caught.value)


def test_confined_refuses_pipes_devices_and_huge_files_at_once(tmp_path: Path):
    folder = tmp_path / "data"
    folder.mkdir()
    os.mkfifo(folder / "topics.csv")  # reading it would wait for ever
    with pytest.raises(DataError, match="not a regular file"):
        files.read_confined(folder, "topics.csv")
    if os.geteuid() == 0:  # a character device inside the folder, like /dev/zero
        os.mknod(folder / "zero.csv", stat.S_IFCHR | 0o666, os.makedev(1, 5))
        with pytest.raises(DataError, match="not a regular file"):
            files.read_confined(folder, "zero.csv")
    (folder / "big.csv").write_bytes(b"x" * 2000)
    with pytest.raises(DataError, match="over the limit of 1,000"):
        files.read_confined(folder, "big.csv", limit=1000)
    assert files.read_confined(folder, "big.csv") == b"x" * 2000


def test_work_folder_is_never_inside_a_data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    data = tmp_path / "data"
    data.mkdir()
    monkeypatch.setenv(files.WORK_ENV, str(data / "work"))
    monkeypatch.delenv(files.DATA_ENV, raising=False)
    with pytest.raises(ValueError, match="must not be saved in the data folder"):
        files.work_dir(data)
    assert not (data / "work").exists()
    monkeypatch.setenv(files.WORK_ENV, str(tmp_path / "work"))
    assert files.work_dir(data) == (tmp_path / "work").resolve()


def test_where_things_are_and_what_files_are_called_is_said_in_files_only():
    """The environment's names, the repository's folders and the names of files written are files.py's."""
    for module in Path(files.__file__).parent.glob("*.py"):
        if module.name == "files.py":
            continue
        source = module.read_text(encoding="utf-8")
        assert '"NEWSCLAIMS_' not in source, module.name
        assert "parents[" not in source, module.name
        assert "_review.csv" not in source and "_marks.csv\"" not in source, module.name
        assert "globals()" not in source, module.name
    import newsclaims as nc

    assert nc.data_dir is files.data_dir  # public, and the one the loaders' data_dir= keyword goes through


def test_student_files_named_the_old_way_are_found_by_the_old_rule(tmp_path: Path):
    from newsclaims.coding import CodingStore, MarkStore

    assert CodingStore("Ana María", "story", tmp_path).old_path.name == files.old_student_file("Ana María", "story")
    assert MarkStore("Ana", "story", tmp_path).old_path.name == "Ana_story_marks.csv"
    assert CodingStore("Ana", "story", tmp_path).path.name == files.student_file("Ana", "story") == "Ana.story.csv"
