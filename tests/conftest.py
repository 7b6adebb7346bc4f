"""Shared fixtures: the real data folder, and broken copies of it in a temp dir."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
SEED = ROOT.parent / "shared" / "seed" / "000_7f0a0db49b55ab97.txt"
ARTICLE = "cnn_china_ukraine_2022"
TEXT = DATA / "texts" / f"{ARTICLE}.txt"


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A fresh copy of data/ that a test may break."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


def read_rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        return list(reader.fieldnames or []), list(reader)


def write_rows(path: Path, header: list[str], rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def set_value(path: Path, key: str, key_value: str, column: str, value: str) -> None:
    """Set one cell of a CSV, found by the value of its key column."""
    header, rows = read_rows(path)
    hits = [r for r in rows if r[key] == key_value]
    assert len(hits) == 1, f"{key}={key_value} not unique in {path}"
    hits[0][column] = value
    write_rows(path, header, rows)


def line_of(path: Path, needle: str) -> int:
    """The 1-based line of the file where ``needle`` first occurs (found as text, not parsed)."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")
