"""Corrupt the data files in many ways: every case loads identically or raises DataError
naming the file and the line. Never another exception, and never a silent drop."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsclaims as nc

from conftest import DATA

TABLES = ["articles", "actors", "aliases", "topics", "statements", "positions", "events"]
FRAMES = ["articles", "actors", "aliases", "topics", "statements", "positions", "events", "paragraphs"]
FREE_TEXT = {"articles": "left_out", "actors": "note", "aliases": "note", "topics": "description",
             "statements": "note", "positions": "note", "events": "note"}
SETTINGS = settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def original():
    return nc.load_corpus(DATA)


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("corrupt") / "data"
    shutil.copytree(DATA, target)
    return target


def restore(folder: Path, table: str) -> Path:
    path = folder / f"{table}.csv"
    shutil.copy(DATA / f"{table}.csv", path)
    return path


def assert_identical(folder: Path, original: nc.Corpus) -> None:
    loaded = nc.load_corpus(folder)
    for name in FRAMES:
        pd.testing.assert_frame_equal(getattr(loaded, name), getattr(original, name), obj=name)


def assert_names(error: nc.DataError, table: str, lines: set[int] | None = None) -> None:
    """The error names the file, and (when given) one of these lines."""
    mine = [p for p in error.problems if Path(p.path).name == f"{table}.csv"]
    assert mine, str(error)
    assert all(p.line is not None for p in mine), str(error)
    if lines is not None:
        assert any(p.line in lines for p in mine), (lines, str(error))


def load_or_error(folder: Path) -> nc.DataError | None:
    """Load; return the DataError if there is one. Any other exception fails the test."""
    try:
        nc.load_corpus(folder)
    except nc.DataError as error:
        return error
    return None


def data_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n")


@SETTINGS
@given(table=st.sampled_from(TABLES), data=st.data())
def test_truncated_line(folder, original, table, data):
    path = restore(folder, table)
    lines = data_lines(path)
    number = data.draw(st.integers(1, len(lines) - 2), label="line index")  # a data row (0 is the header)
    line = lines[number]
    last_comma = line.rfind(",")
    cut = data.draw(st.integers(1, last_comma), label="cut")  # before the last separator (0 is a blank line)
    lines[number] = line[:cut]
    path.write_text("\n".join(lines), encoding="utf-8")
    error = load_or_error(folder)
    assert error is not None, "a truncated line loaded"
    assert_names(error, table)
    restore(folder, table)


@SETTINGS
@given(table=st.sampled_from(TABLES), delimiter=st.sampled_from([";", "\t", "|"]), whole=st.booleans(),
       data=st.data())
def test_wrong_delimiter(folder, original, table, delimiter, whole, data):
    path = restore(folder, table)
    lines = data_lines(path)
    if whole:
        lines = [line.replace(",", delimiter) for line in lines]
        expected = None
    else:
        number = data.draw(st.integers(1, len(lines) - 2), label="line index")
        lines[number] = lines[number].replace(",", delimiter)
        expected = {number + 1}
    path.write_text("\n".join(lines), encoding="utf-8")
    error = load_or_error(folder)
    assert error is not None, "a file with the wrong delimiter loaded"
    assert_names(error, table, expected)
    restore(folder, table)


@SETTINGS
@given(table=st.sampled_from(TABLES), seed=st.randoms(use_true_random=False))
def test_shuffled_columns_load_identically(folder, original, table, seed):
    path = restore(folder, table)
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    order = list(range(len(rows[0])))
    seed.shuffle(order)
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([[r[i] for i in order] for r in rows])
    path.write_text(out.getvalue(), encoding="utf-8")
    assert_identical(folder, original)
    restore(folder, table)


@pytest.mark.parametrize("table", TABLES)
def test_empty_file(folder, original, table):
    path = restore(folder, table)
    path.write_text("", encoding="utf-8")
    error = load_or_error(folder)
    assert error is not None
    assert_names(error, table, {1})
    restore(folder, table)


@SETTINGS
@given(table=st.sampled_from(TABLES), bom=st.booleans(), crlf=st.booleans(), trailing=st.booleans())
def test_bom_crlf_and_final_newline_load_identically(folder, original, table, bom, crlf, trailing):
    path = restore(folder, table)
    raw = path.read_bytes()
    if not trailing:
        raw = raw.rstrip(b"\n")
    if crlf:
        raw = raw.replace(b"\n", b"\r\n")
    if bom:
        raw = b"\xef\xbb\xbf" + raw
    path.write_bytes(raw)
    assert_identical(folder, original)
    restore(folder, table)


@SETTINGS
@given(table=st.sampled_from(TABLES), junk=st.sampled_from([b"\xff", b"\xc3\x28", b"\x80abc", b"\xed\xa0\x80"]),
       data=st.data())
def test_non_utf8_bytes(folder, original, table, junk, data):
    path = restore(folder, table)
    raw = path.read_bytes()
    at = data.draw(st.integers(0, len(raw)), label="position")
    path.write_bytes(raw[:at] + junk + raw[at:])
    error = load_or_error(folder)
    assert error is not None
    line = raw[:at].count(b"\n") + 1
    assert_names(error, table, {line})
    assert "not UTF-8" in str(error)
    restore(folder, table)


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(table=st.sampled_from(TABLES), size=st.sampled_from([200_000, 2_000_000]), data=st.data())
def test_huge_field_loads_with_nothing_lost(folder, original, table, size, data):
    path = restore(folder, table)
    with path.open(encoding="utf-8", newline="") as f:
        header, *rows = list(csv.reader(f))
    row = data.draw(st.integers(0, len(rows) - 1), label="row")
    huge = "word, \"quoted\" and\nnew lines " * (size // 30)
    rows[row][header.index(FREE_TEXT[table])] = huge
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([header, *rows])
    path.write_text(out.getvalue(), encoding="utf-8")
    loaded = getattr(nc.load_corpus(folder), table)
    assert len(loaded) == len(getattr(original, table))
    assert loaded[FREE_TEXT[table]].iloc[row] == huge
    restore(folder, table)


@SETTINGS
@given(table=st.sampled_from([t for t in TABLES if t != "articles"]), data=st.data())  # articles has one row
def test_blank_line_inside_a_table(folder, original, table, data):
    """A row emptied out is reported, not skipped."""
    path = restore(folder, table)
    lines = data_lines(path)
    number = data.draw(st.integers(1, len(lines) - 3), label="line index")  # not the last row
    lines[number] = ""
    path.write_text("\n".join(lines), encoding="utf-8")
    error = load_or_error(folder)
    assert error is not None, "a row was dropped silently"
    assert_names(error, table, {number + 1})
    restore(folder, table)
