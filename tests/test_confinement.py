"""The loader reads only regular files inside the data folder: the descriptor, every resource's
path and every article's text_file. Whatever lies outside (through an absolute path, ``..`` or
a link) is refused unread, and so is a pipe or a device inside; the error never shows a byte
of a file outside the folder."""

from __future__ import annotations

import json
import os
import resource
import stat
import subprocess
import sys
from pathlib import Path

import pytest

import newsclaims as nc

from conftest import ARTICLE, set_value

SECRET = Path("/etc/passwd")
FIRST_LINE = SECRET.read_text(encoding="utf-8").splitlines()[0]
TEXT = f"texts/{ARTICLE}.txt"


def load_error(folder: Path) -> nc.DataError:
    with pytest.raises(nc.DataError) as info:
        nc.load_corpus(folder)
    assert FIRST_LINE not in str(info.value)
    return info.value


def validate(folder: Path) -> subprocess.CompletedProcess:
    """``python -m newsclaims validate folder`` in a process that may neither hang nor eat the memory."""
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))  # 1 GB: far more than validate needs

    return subprocess.run([sys.executable, "-m", "newsclaims", "validate", str(folder)], capture_output=True,
                          text=True, timeout=60, preexec_fn=limit)


def set_path(folder: Path, table: str, path: str) -> None:
    descriptor = folder / "datapackage.json"
    pkg = json.loads(descriptor.read_text(encoding="utf-8"))
    next(r for r in pkg["resources"] if r["name"] == table)["path"] = path
    descriptor.write_text(json.dumps(pkg, indent=2), encoding="utf-8")


@pytest.mark.parametrize("path", [str(SECRET), "../../../../../../../../etc/passwd"])
def test_a_resource_path_outside_the_folder(data_copy, path):
    set_path(data_copy, "topics", path)
    [p] = load_error(data_copy).problems
    assert Path(p.path).name == "datapackage.json" and p.line is not None
    assert "is not a path inside the data folder" in p.message


def test_a_resource_that_links_outside_the_folder(data_copy):
    (data_copy / "topics.csv").unlink()
    (data_copy / "topics.csv").symlink_to(SECRET)
    [p] = load_error(data_copy).problems
    assert (Path(p.path).name, p.message) == ("topics.csv", "lies outside the data folder (after following links): "
                                                            "refused")


@pytest.mark.parametrize("link", [False, True])
def test_a_descriptor_that_links_outside_the_folder(data_copy, tmp_path, link):
    outside = tmp_path / "outside.json"
    (data_copy / "datapackage.json").rename(outside)
    (data_copy / "datapackage.json").symlink_to(outside if link else SECRET)
    [p] = load_error(data_copy).problems
    assert (Path(p.path).name, p.message) == ("datapackage.json", "lies outside the data folder (after following "
                                                                  "links): refused")


@pytest.mark.parametrize("text_file", [str(SECRET), "../../../../../../../../etc/passwd", "texts/passwd.txt"])
def test_a_text_file_outside_the_folder_is_refused_unread(data_copy, text_file):
    (data_copy / "texts" / "passwd.txt").symlink_to(SECRET)  # inside the folder, but a link to outside
    set_value(data_copy / "articles.csv", "article_id", ARTICLE, "text_file", text_file)
    problems = load_error(data_copy).problems
    assert (Path(problems[0].path).name, problems[0].line, problems[0].column) == ("articles.csv", 2, "text_file")
    assert problems[0].message == f"{text_file!r}: lies outside the data folder (after following links): refused"
    assert not any(p.path.endswith("passwd") or p.path.endswith("passwd.txt") for p in problems)


@pytest.mark.parametrize("name", ["topics.csv", TEXT, "datapackage.json"])
def test_a_pipe_is_refused_without_waiting_for_it(data_copy, name):
    (data_copy / name).unlink()
    os.mkfifo(data_copy / name)  # reading it would wait for ever
    done = validate(data_copy)
    assert done.returncode == 1
    assert "is not a regular file (a folder, pipe or device): refused" in done.stderr or \
        "file is missing" in done.stderr  # datapackage.json: the folder is not a data folder
    assert "Traceback" not in done.stderr


def test_dev_zero_through_a_link_is_refused(data_copy):
    (data_copy / "events.csv").unlink()
    (data_copy / "events.csv").symlink_to("/dev/zero")
    done = validate(data_copy)
    assert done.returncode == 1
    assert "events.csv: lies outside the data folder (after following links): refused" in done.stderr


@pytest.mark.skipif(os.geteuid() != 0, reason="making a device needs root")
@pytest.mark.parametrize("name", ["events.csv", TEXT])
def test_a_device_inside_the_folder_is_refused(data_copy, name):
    (data_copy / name).unlink()
    os.mknod(data_copy / name, stat.S_IFCHR | 0o666, os.makedev(1, 5))  # a /dev/zero of its own
    done = validate(data_copy)
    assert done.returncode == 1
    assert "is not a regular file (a folder, pipe or device): refused" in done.stderr
    assert "Traceback" not in done.stderr


def test_the_folder_itself_may_be_reached_through_a_link(data_copy, tmp_path):
    """Links are followed: what counts is where they end, inside the data folder or not."""
    (tmp_path / "alias").symlink_to(data_copy)
    (data_copy / "texts" / "same.txt").symlink_to(data_copy / TEXT)
    set_value(data_copy / "articles.csv", "article_id", ARTICLE, "text_file", "texts/same.txt")
    assert len(nc.load_corpus(tmp_path / "alias").statements) == len(nc.load_corpus().statements)
