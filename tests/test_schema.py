"""Validation: every kind of broken data raises DataError naming file, line and column."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

import newsclaims as nc

from conftest import ARTICLE, append_rows, line_of, read_rows, set_value, write_rows


def problems_of(folder: Path) -> list[nc.Problem]:
    with pytest.raises(nc.DataError) as info:
        nc.load_corpus(folder)
    return info.value.problems


def only(problems: list[nc.Problem], file: str) -> list[nc.Problem]:
    return [p for p in problems if Path(p.path).name == file]


def test_bad_enum_value(data_copy):
    path = data_copy / "statements.csv"
    set_value(path, "statement_id", "cnn22_s05", "form", "quotation")
    [p] = problems_of(data_copy)
    assert (Path(p.path).name, p.line, p.column) == ("statements.csv", line_of(path, "cnn22_s05,"), "form")
    assert "'quotation' is not one of: direct, partial, paraphrase" in p.message
    assert f"statements.csv line {p.line}, column form:" in str(p)


def test_unknown_actor(data_copy):
    path = data_copy / "statements.csv"
    set_value(path, "statement_id", "cnn22_s17", "actor_id", "wang_yee")
    [p] = problems_of(data_copy)
    assert (p.line, p.column) == (line_of(path, "cnn22_s17,"), "actor_id")
    assert p.message == "'wang_yee' is not a known actor_id (see actors.csv)"


def test_unknown_topic_and_holder_in_positions(data_copy):
    path = data_copy / "positions.csv"
    header, rows = read_rows(path)
    rows[0]["topic_id"] = "weather"
    rows[1]["holder_id"] = "nobody"
    write_rows(path, header, rows)
    found = {(p.line, p.column) for p in problems_of(data_copy)}
    assert found == {(2, "topic_id"), (3, "holder_id")}


def test_wrong_offsets(data_copy):
    path = data_copy / "statements.csv"
    _, rows = read_rows(path)
    s13 = next(r for r in rows if r["statement_id"] == "cnn22_s13")
    set_value(path, "statement_id", "cnn22_s13", "start", str(int(s13["start"]) + 2))
    set_value(path, "statement_id", "cnn22_s13", "end", str(int(s13["end"]) + 2))
    [p] = problems_of(data_copy)
    assert (p.line, p.column) == (line_of(path, "cnn22_s13,"), "quote")
    assert f"text[{int(s13['start']) + 2}:{int(s13['end']) + 2}] is" in p.message
    assert f"the quote is found at {s13['start']}:{s13['end']}" in p.message


def test_offsets_in_the_wrong_paragraph(data_copy):
    path = data_copy / "statements.csv"
    set_value(path, "statement_id", "cnn22_s01", "paragraph", "2")
    [p] = problems_of(data_copy)
    assert (p.line, p.column) == (line_of(path, "cnn22_s01,"), "paragraph")
    assert "lies in paragraph 1, not 2" in p.message


def test_cue_not_written_near_its_span(data_copy):
    path = data_copy / "statements.csv"
    set_value(path, "statement_id", "cnn22_s01", "cue", "demanded")
    [p] = problems_of(data_copy)
    assert (p.line, p.column, p.message) == (line_of(path, "cnn22_s01,"), "cue",
                                             "'demanded' is not written in paragraph 1")


def test_duplicate_id(data_copy):
    path = data_copy / "events.csv"
    set_value(path, "event_id", "cnn22_e03", "event_id", "cnn22_e02")
    problems = problems_of(data_copy)
    assert {(p.line, p.column) for p in problems} == {(line_of(path, "Putin meets Xi"), "event_id")}
    assert "'cnn22_e02' is a duplicate" in problems[0].message


def test_duplicate_composite_key(data_copy):
    path = data_copy / "positions.csv"
    header, rows = read_rows(path)
    rows.append(dict(rows[0]))
    write_rows(path, header, rows)
    [p] = problems_of(data_copy)
    assert p.line == len(rows) + 1 and "duplicate statement_id/topic_id/holder_id" in p.message


def test_missing_required_value(data_copy):
    path = data_copy / "positions.csv"
    header, rows = read_rows(path)
    rows[4]["note"] = ""
    write_rows(path, header, rows)
    [p] = problems_of(data_copy)
    assert (Path(p.path).name, p.line, p.column, p.message) == ("positions.csv", 6, "note",
                                                                "missing required value")


def test_missing_column(data_copy):
    path = data_copy / "statements.csv"
    header, rows = read_rows(path)
    header.remove("cue")
    write_rows(path, header, [{k: v for k, v in r.items() if k != "cue"} for r in rows])
    [p] = problems_of(data_copy)
    assert (p.line, p.column, p.message) == (1, "cue", "column is missing from the header")


def test_unknown_column_is_not_dropped(data_copy):
    path = data_copy / "topics.csv"
    header, rows = read_rows(path)
    write_rows(path, header + ["colour"], [dict(r, colour="red") for r in rows])
    [p] = problems_of(data_copy)
    assert (p.line, p.column) == (1, "colour") and "unknown column" in p.message


def test_missing_file(data_copy):
    (data_copy / "events.csv").unlink()
    [p] = problems_of(data_copy)
    assert (Path(p.path).name, p.line, p.column, p.message) == ("events.csv", None, None,
                                                                "file is missing")


def test_missing_text_file(data_copy):
    (data_copy / "texts" / f"{ARTICLE}.txt").unlink()
    [p] = problems_of(data_copy)
    assert (Path(p.path).name, p.line, p.column) == ("articles.csv", 2, "text_file")
    assert p.message == f"'texts/{ARTICLE}.txt': file is missing"


def test_text_that_is_not_utf8(data_copy):
    path = data_copy / "texts" / f"{ARTICLE}.txt"
    raw = path.read_bytes()
    at = raw.index(b"Sacks said")
    path.write_bytes(raw[:at] + "Säcks".encode("latin-1") + raw[at + 5:])
    [p] = problems_of(data_copy)
    expected_line = raw[:at].count(b"\n") + 1
    assert (Path(p.path).name, p.line) == (f"{ARTICLE}.txt", expected_line)
    assert "not UTF-8: byte 0xe4 at character 2" in p.message


def test_csv_that_is_not_utf8(data_copy):
    path = data_copy / "actors.csv"
    path.write_bytes(path.read_bytes().replace(b"Xi Jinping,person", b"Xi Jinp\xefng,person"))
    [p] = problems_of(data_copy)
    assert (Path(p.path).name, p.line) == ("actors.csv", _line_with(path, b"Xi Jinp\xefng"))


def _line_with(path: Path, needle: bytes) -> int:
    raw = path.read_bytes()
    return raw[: raw.index(needle)].count(b"\n") + 1


def test_all_problems_in_a_table_are_reported_together(data_copy):
    path = data_copy / "statements.csv"
    set_value(path, "statement_id", "cnn22_s02", "form", "quoted")
    set_value(path, "statement_id", "cnn22_s30", "said_on", "Monday")
    set_value(path, "statement_id", "cnn22_s31", "actor_id", "")
    problems = problems_of(data_copy)
    assert {(p.line, p.column) for p in problems} == {
        (line_of(path, "cnn22_s02,"), "form"),
        (line_of(path, "cnn22_s30,"), "said_on"),
        (line_of(path, "cnn22_s31,"), "actor_id"),
    }
    with pytest.raises(nc.DataError) as info:
        nc.load_corpus(data_copy)
    assert str(info.value).startswith("3 problems:\n")
    assert len(str(info.value).splitlines()) == 4


def test_problems_in_several_tables_are_reported_together(data_copy):
    set_value(data_copy / "topics.csv", "topic_id", "minsk", "question", "")
    set_value(data_copy / "events.csv", "event_id", "cnn22_e01", "date_basis", "guessed")
    files = {Path(p.path).name for p in problems_of(data_copy)}
    assert files == {"topics.csv", "events.csv"}


def test_truncated_line(data_copy):
    path = data_copy / "topics.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[3] = lines[3][: lines[3].index(",")]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    [p] = problems_of(data_copy)
    assert (p.line, p.message) == (4, "has 1 fields, the header has 4")


def test_line_numbers_count_multiline_fields(data_copy):
    path = data_copy / "topics.csv"
    header, rows = read_rows(path)
    rows[0]["description"] = "first line\nsecond line"
    rows[2]["label"] = ""
    write_rows(path, header, rows)
    [p] = problems_of(data_copy)
    assert (p.line, p.column) == (line_of(path, rows[2]["topic_id"] + ","), "label")
    assert p.line == 5


def test_unterminated_quote(data_copy):
    path = data_copy / "topics.csv"
    path.write_text(path.read_text(encoding="utf-8") + 'extra,"never closed\n', encoding="utf-8")
    [p] = problems_of(data_copy)
    assert Path(p.path).name == "topics.csv" and "not valid CSV" in p.message


def test_empty_file(data_copy):
    (data_copy / "events.csv").write_text("", encoding="utf-8")
    [p] = problems_of(data_copy)
    assert (Path(p.path).name, p.message) == ("events.csv", "file is empty: expected a header row")


def test_said_on_needs_its_basis(data_copy):
    path = data_copy / "statements.csv"
    set_value(path, "statement_id", "cnn22_s17", "said_on_basis", "")
    [p] = problems_of(data_copy)
    assert (p.line, p.column) == (line_of(path, "cnn22_s17,"), "said_on_basis")


def test_bom_crlf_and_shuffled_columns_load_identically(data_copy):
    path = data_copy / "statements.csv"
    header, rows = read_rows(path)
    write_rows(path, list(reversed(header)), rows)
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    assert "\r\n" not in "".join(nc.load_corpus(data_copy).statements["quote"])
    pd.testing.assert_frame_equal(nc.load_corpus(data_copy).statements, nc.load_corpus().statements)


def test_descriptor_with_an_unenforced_constraint_is_refused(data_copy):
    path = data_copy / "datapackage.json"
    pkg = json.loads(path.read_text(encoding="utf-8"))
    pkg["resources"][0]["schema"]["fields"][1]["constraints"]["maxLength"] = 10
    path.write_text(json.dumps(pkg), encoding="utf-8")
    with pytest.raises(nc.DataError, match=r"constraints\.maxLength: key .maxLength. is not enforced by the loader"):
        nc.load_corpus(data_copy)


def test_descriptor_is_the_source_of_truth(data_copy):
    """Adding an enum value to the descriptor is all it takes to allow it."""
    set_value(data_copy / "statements.csv", "statement_id", "cnn22_s05", "form", "quotation")
    path = data_copy / "datapackage.json"
    pkg = json.loads(path.read_text(encoding="utf-8"))
    statements = next(r for r in pkg["resources"] if r["name"] == "statements")
    form = next(f for f in statements["schema"]["fields"] if f["name"] == "form")
    form["constraints"]["enum"].append("quotation")
    path.write_text(json.dumps(pkg), encoding="utf-8")
    loaded = nc.load_corpus(data_copy).statements
    assert "quotation" in loaded["form"].cat.categories


def test_broken_descriptor_json(data_copy):
    (data_copy / "datapackage.json").write_text('{"resources": [\n', encoding="utf-8")
    with pytest.raises(nc.DataError, match=r"datapackage\.json line 2: not valid JSON"):
        nc.load_corpus(data_copy)


def test_duplicate_id_is_reported_once(data_copy):
    path = data_copy / "statements.csv"
    set_value(path, "statement_id", "cnn22_s04", "statement_id", "cnn22_s03")
    problems = problems_of(data_copy)
    assert [(Path(p.path).name, p.line, p.column) for p in problems] == [
        ("statements.csv", line_of(path, "adding that,"), "statement_id"),
        # the positions and the source passage of the renamed statement now point at nothing
        ("positions.csv", line_of(data_copy / "positions.csv", "cnn22_s04,"), "statement_id"),
        ("source_passages.csv", line_of(data_copy / "source_passages.csv", "cnn22_s04,"), "statement_id")]


def test_bad_url(data_copy):
    set_value(data_copy / "articles.csv", "article_id", ARTICLE, "url", "not a url")
    [p] = problems_of(data_copy)
    assert (p.line, p.column, p.message) == (2, "url", "'not a url' is not a web address (http or https)")


def test_csv_quote_error_names_the_record_where_it_starts(data_copy):
    path = data_copy / "actors.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[2].startswith("vladimir_putin,Vladimir Putin,")
    lines[2] = 'vladimir_putin,"Vladimir Putin,person,russia,,Russian President,'  # quote never closed
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    [p] = problems_of(data_copy)
    assert (Path(p.path).name, p.line) == ("actors.csv", 3)
    assert p.message.startswith("not valid CSV:")


@pytest.mark.parametrize("change, message", [
    ({"encoding": "latin-1"}, "encoding must be utf-8"),
    ({"dialect": {"delimiter": ";"}}, "key 'dialect' is not enforced"),
])
def test_descriptor_resource_keys_the_loader_would_ignore(data_copy, change, message):
    path = data_copy / "datapackage.json"
    pkg = json.loads(path.read_text(encoding="utf-8"))
    pkg["resources"][1].update(change)
    path.write_text(json.dumps(pkg), encoding="utf-8")
    with pytest.raises(nc.DataError, match=message):
        nc.load_corpus(data_copy)


def test_descriptor_with_an_unknown_resource_or_target(data_copy):
    path = data_copy / "datapackage.json"
    pkg = json.loads(path.read_text(encoding="utf-8"))
    pkg["resources"].append({"name": "quotes", "path": "quotes.csv", "schema": {"fields": []}})
    statements = next(r for r in pkg["resources"] if r["name"] == "statements")
    statements["schema"]["foreignKeys"][1]["reference"]["resource"] = "actor"
    path.write_text(json.dumps(pkg), encoding="utf-8")
    with pytest.raises(nc.DataError) as info:
        nc.load_corpus(data_copy)
    text = str(info.value)
    assert "resource 'quotes' is not one the loader reads" in text
    assert "points at unknown resource 'actor'" in text


def _rewrite_text(folder: Path, edit) -> Path:
    path = folder / "texts" / f"{ARTICLE}.txt"
    path.write_bytes(edit(path.read_bytes()))
    return path


def test_text_with_windows_line_endings(data_copy):
    _rewrite_text(data_copy, lambda raw: raw.replace(b"\n", b"\r\n"))
    problems = problems_of(data_copy)
    assert problems[0].line == 1 and "Windows line ending" in problems[0].message


def test_text_with_a_paragraph_split_over_two_lines(data_copy):
    raw = (data_copy / "texts" / f"{ARTICLE}.txt").read_bytes()
    at = raw.index(b"as the crisis")
    _rewrite_text(data_copy, lambda r: r[:at - 1] + b"\n" + r[at:])
    problems = [p for p in problems_of(data_copy) if p.path.endswith(".txt")]
    assert [(p.line, p.message.split(":")[0]) for p in problems] == [(4, "a paragraph continues on a new line")]


def test_text_with_two_blank_lines(data_copy):
    _rewrite_text(data_copy, lambda r: r.replace(b"\n\nBeijing is navigating", b"\n\n\nBeijing is navigating"))
    problems = [p for p in problems_of(data_copy) if p.path.endswith(".txt")]
    assert [(p.line, p.message) for p in problems] == [(4, "more than one blank line before this paragraph")]


def test_said_on_text_must_be_the_articles_words(data_copy):
    path = data_copy / "statements.csv"
    set_value(path, "statement_id", "cnn22_s17", "said_on_text", "on Sundayy")
    [p] = problems_of(data_copy)
    assert (p.line, p.column, p.message) == (line_of(path, "cnn22_s17,"), "said_on_text",
                                             "'on Sundayy' is not in the text")


def test_year_precision_dates_are_the_first_of_january(data_copy):
    path = data_copy / "events.csv"
    set_value(path, "event_id", "cnn22_e01", "date", "2014-06-30")
    [p] = problems_of(data_copy)
    assert (p.line, p.column) == (2, "date") and "first day of the year" in p.message


def test_a_nul_byte_in_a_csv_names_line_and_column(data_copy):
    path = data_copy / "actors.csv"
    raw = path.read_bytes()
    path.write_bytes(raw.replace(b"Xi Jinping,person", b"Xi Jin\x00ping,person"))
    [p] = problems_of(data_copy)
    assert (Path(p.path).name, p.line, p.column) == ("actors.csv", _line_with(path, b"Xi Jin\x00ping"), "name")
    assert p.message == "contains a NUL byte: not a text file"


def test_a_nul_byte_in_a_csv_header(data_copy):
    path = data_copy / "topics.csv"
    path.write_bytes(path.read_bytes().replace(b"label", b"la\x00bel", 1))
    [p] = problems_of(data_copy)
    assert (Path(p.path).name, p.line, p.column, p.message) == ("topics.csv", 1, None,
                                                                "contains a NUL byte: not a text file")


def test_a_nul_byte_in_a_text(data_copy):
    path = data_copy / "texts" / f"{ARTICLE}.txt"
    raw = path.read_bytes()
    at = raw.index(b"Sacks said")
    path.write_bytes(raw[:at] + b"\x00" + raw[at + 1:])
    [p] = problems_of(data_copy)
    assert (Path(p.path).name, p.line, p.message) == (f"{ARTICLE}.txt", raw[:at].count(b"\n") + 1,
                                                      "contains a NUL byte: not a text file")


@pytest.mark.parametrize("table, key, row, column, value", [
    ("articles", "article_id", ARTICLE, "published", "3022-02-22"),
    ("events", "event_id", "cnn22_e01", "date", "0214-01-01"),
    ("statements", "statement_id", "cnn22_s17", "said_on", "1899-12-31"),
    ("statements", "statement_id", "cnn22_s17", "said_on", "2101-01-01"),
])
def test_a_date_outside_1900_to_2100(data_copy, table, key, row, column, value):
    path = data_copy / f"{table}.csv"
    set_value(path, key, row, column, value)
    [p] = problems_of(data_copy)
    assert (Path(p.path).name, p.line, p.column, p.message) == (f"{table}.csv", line_of(path, f"{row},"), column,
                                                                f"{value} is outside 1900–2100")


def test_dates_on_the_edges_of_the_range_load(data_copy):
    set_value(data_copy / "articles.csv", "article_id", ARTICLE, "published", "1900-01-01")
    set_value(data_copy / "statements.csv", "statement_id", "cnn22_s17", "said_on", "2100-12-31")
    corpus = nc.load_corpus(data_copy)
    assert corpus.articles["published"].iloc[0] == pd.Timestamp("1900-01-01")
    assert pd.Timestamp("2100-12-31") in set(corpus.statements["said_on"])


@pytest.mark.parametrize("table, key, row, column, value", [
    ("statements", "statement_id", "cnn22_s05", "start", "12345678901234567890"),
    ("events", "event_id", "cnn22_e02", "paragraph", "-99999999999999999999"),
    ("statements", "statement_id", "cnn22_s05", "end", "9" * 5000),  # past what int() reads from text
])
def test_an_integer_out_of_range(data_copy, table, key, row, column, value):
    path = data_copy / f"{table}.csv"
    set_value(path, key, row, column, value)
    [p] = problems_of(data_copy)
    assert (Path(p.path).name, p.line, p.column) == (f"{table}.csv", line_of(path, f"{row},"), column)
    assert "is out of range: an integer must lie between -9223372036854775808 and 9223372036854775807" in p.message
    assert p.message.startswith(value[:50])


def test_leading_zeros_are_not_out_of_range(data_copy):
    path = data_copy / "events.csv"
    set_value(path, "event_id", "cnn22_e02", "paragraph", "0" * 30 + "12")
    set_value(path, "event_id", "cnn22_e03", "paragraph", "1" + "0" * 30)
    [p] = problems_of(data_copy)
    assert (p.line, p.column) == (line_of(path, "cnn22_e03,"), "paragraph") and "out of range" in p.message


def test_digits_of_other_scripts_are_not_integers(data_copy):
    path = data_copy / "statements.csv"
    start = read_rows(path)[1][0]["start"]
    arabic = start.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    set_value(path, "statement_id", "cnn22_s01", "start", arabic)
    [p] = problems_of(data_copy)
    assert (p.line, p.column, p.message) == (2, "start", f"{arabic!r} is not an integer")


def _set_pattern(folder: Path, table: str, column: str, pattern: str) -> None:
    path = folder / "datapackage.json"
    pkg = json.loads(path.read_text(encoding="utf-8"))
    resource = next(r for r in pkg["resources"] if r["name"] == table)
    next(f for f in resource["schema"]["fields"] if f["name"] == column)["constraints"]["pattern"] = pattern
    path.write_text(json.dumps(pkg), encoding="utf-8")


def test_a_pattern_with_braces_is_quoted_in_the_message(data_copy):
    _set_pattern(data_copy, "topics", "topic_id", "[a-z]{3,}")
    problems = problems_of(data_copy)
    assert problems and all(p.column == "topic_id" for p in problems)
    assert "'nato_enlargement' does not match the pattern [a-z]{3,}" in {p.message for p in problems}


def test_a_value_too_long_for_a_pattern_is_not_matched(data_copy):
    path = data_copy / "topics.csv"
    set_value(path, "topic_id", "minsk", "topic_id", "m" * 1001)
    problems = only(problems_of(data_copy), "topics.csv")
    assert [(p.line, p.column) for p in problems] == [(line_of(path, "m" * 1001), "topic_id")]
    assert problems[0].message.endswith("is longer than 1,000 characters, the most that is checked against a pattern")


def test_the_same_span_under_two_statement_ids(data_copy):
    path = data_copy / "statements.csv"
    header, rows = read_rows(path)
    s05 = next(r for r in rows if r["statement_id"] == "cnn22_s05")
    write_rows(path, header, rows + [dict(s05, statement_id="cnn22_s99", note="coded again")])
    # every statement of an article with source rows has one: give the new statement its own
    append_rows(data_copy, "source_passages", {"statement_id": "cnn22_s99", "fidelity": "not found",
                                               "note": "Coded twice.", "translation": "no"})
    [p] = problems_of(data_copy)
    assert (Path(p.path).name, p.line, p.column) == ("statements.csv", line_of(path, "cnn22_s99,"), "start")
    assert p.message == (f"the span {s05['start']}:{s05['end']} is coded twice: as 'cnn22_s05' "
                         f"(line {line_of(path, 'cnn22_s05,')}) and as 'cnn22_s99'; code a span once")
