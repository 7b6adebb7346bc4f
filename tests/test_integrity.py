"""The data files themselves, read without the loader: spans, ids, quotes, the descriptor."""

from __future__ import annotations

import re

import frictionless
import pytest

from conftest import DATA, read_rows, set_value

TEXTS = {row["article_id"]: (DATA / row["text_file"]).read_text(encoding="utf-8")
         for row in read_rows(DATA / "articles.csv")[1]}
STATEMENTS = read_rows(DATA / "statements.csv")[1]
POSITIONS = read_rows(DATA / "positions.csv")[1]


def ids(table: str, column: str) -> set[str]:
    return {row[column] for row in read_rows(DATA / table)[1]}


def test_every_quote_is_its_span():
    for row in STATEMENTS:
        text = TEXTS[row["article_id"]]
        assert text[int(row["start"]):int(row["end"])] == row["quote"], row["statement_id"]


def test_every_id_resolves():
    actors = ids("actors.csv", "actor_id")
    for row in STATEMENTS:
        assert row["article_id"] in TEXTS
        assert row["actor_id"] in actors
        for column in ("via", "addressee_id"):
            assert row[column] == "" or row[column] in actors, (row["statement_id"], column)
    statements = {row["statement_id"] for row in STATEMENTS}
    topics = ids("topics.csv", "topic_id")
    for row in POSITIONS:
        assert row["statement_id"] in statements
        assert row["topic_id"] in topics
        assert row["holder_id"] in actors
    assert ids("aliases.csv", "actor_id") <= actors
    assert ids("events.csv", "actor_id") <= actors
    for row in read_rows(DATA / "actors.csv")[1]:
        for column in ("represents", "affiliation"):
            assert row[column] == "" or row[column] in actors


def quoted_passages(text: str) -> list[tuple[int, int]]:
    """Every pair of double quotation marks, paired within each paragraph."""
    pairs = []
    for para in re.finditer(r"[^\n]+", text):
        marks = [para.start() + m.start() for m in re.finditer('"', para.group())]
        assert len(marks) % 2 == 0, f"odd number of quotation marks in: {para.group()[:60]}"
        pairs += [(marks[i], marks[i + 1] + 1) for i in range(0, len(marks), 2)]
    return pairs


def test_every_quoted_passage_lies_inside_a_statement():
    for article_id, text in TEXTS.items():
        spans = [(int(r["start"]), int(r["end"])) for r in STATEMENTS if r["article_id"] == article_id]
        passages = quoted_passages(text)
        assert len(passages) == text.count('"') // 2, article_id  # every mark is in a pair
        missed = [text[a:b] for a, b in passages if not any(s <= a and b <= e for s, e in spans)]
        assert missed == [], article_id
    assert len(quoted_passages(TEXTS["cnn_china_ukraine_2022"])) >= 25  # the pairing finds the seed's quotations


def test_direct_quotes_are_whole_quotations():
    for row in STATEMENTS:
        if row["form"] == "direct":
            assert row["quote"][0] == row["quote"][-1] == '"', row["statement_id"]
            assert row["quote"].count('"') == 2, row["statement_id"]
        elif row["form"] == "partial":
            whole = row["quote"][0] == row["quote"][-1] == '"' and row["quote"].count('"') == 2
            assert '"' in row["quote"] and not whole, row["statement_id"]
        else:
            assert '"' not in row["quote"], row["statement_id"]


def test_cues_stand_next_to_their_span():
    """The cue is written within the sentence around the span (a few words either side)."""
    for row in STATEMENTS:
        if not row["cue"]:
            continue
        text = TEXTS[row["article_id"]]
        start, end = int(row["start"]), int(row["end"])
        before = text[max(0, start - 150):start]
        after = text[end:end + 60]
        assert row["cue"] in before or row["cue"] in after, row["statement_id"]


def test_statements_without_a_cue_explain_why():
    for row in STATEMENTS:
        if not row["cue"]:
            assert "continu" in row["note"], row["statement_id"]


def test_every_position_has_a_reason():
    assert all(row["note"].strip() for row in POSITIONS)


def test_descriptor_passes_frictionless_validate():
    report = frictionless.validate(DATA / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_frictionless_catches_a_broken_copy(data_copy):
    set_value(data_copy / "statements.csv", "statement_id", "cnn22_s05", "form", "quotation")
    report = frictionless.validate(data_copy / "datapackage.json")
    assert not report.valid
    assert ["statements", "form"] in [[t.name, e.field_name] for t in report.tasks for e in t.errors
                                      if hasattr(e, "field_name")]


@pytest.mark.parametrize("path", sorted(p.name for p in DATA.glob("*.csv")))
def test_csv_files_are_plain_utf8_with_unix_newlines(path):
    raw = (DATA / path).read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" not in raw
    raw.decode("utf-8")


def test_every_actor_is_named_or_referenced():
    text = "\n".join(TEXTS.values())
    aliases = read_rows(DATA / "aliases.csv")[1]
    named = {a["actor_id"] for a in aliases if re.search(rf"(?<!\w){re.escape(a['alias'])}(?!\w)", text)}
    referenced = {r[c] for r in STATEMENTS for c in ("actor_id", "via", "addressee_id")} \
        | {r["holder_id"] for r in POSITIONS}
    for row in read_rows(DATA / "actors.csv")[1]:
        assert row["actor_id"] in named | referenced, row["actor_id"]


def test_statements_do_not_overlap():
    for article_id in TEXTS:
        spans = sorted((int(r["start"]), int(r["end"]), r["statement_id"]) for r in STATEMENTS
                       if r["article_id"] == article_id)
        for (_, end, first), (start, _, second) in zip(spans, spans[1:]):
            assert end <= start, (first, second)


def test_aliases_are_used_or_explained():
    text = "\n".join(TEXTS.values())
    for row in read_rows(DATA / "aliases.csv")[1]:
        used = re.search(rf"(?<!\w){re.escape(row['alias'])}(?!\w)", text)
        assert used or row["note"], row["alias"]


CODEBOOK = (DATA / "README.md").read_text(encoding="utf-8")


def codebook_rule(name: str) -> str:
    """The text of one bullet of the codebook, such as "**Cue**", up to the next bullet."""
    start = CODEBOOK.index(f"- {name}")
    end = CODEBOOK.find("\n- ", start + 1)
    return " ".join(CODEBOOK[start:end].split())


def test_the_codebook_gives_as_cues_only_cues_the_data_uses():
    # "underscored" was once given as a cue: it is inside the readout's quotation, and the article's cue is "said"
    rule = codebook_rule("**Cue**").split(". A verb inside")[0]
    examples = re.findall(r'"([^"]+)"', rule)
    assert len(examples) >= 5
    assert set(examples) <= {row["cue"] for row in STATEMENTS}


def test_a_source_named_with_according_to_is_the_speaker_or_the_intermediary_never_both():
    # Sacks (paragraph 14) is the speaker, cue "according to"; a readout that passes on a call is the via
    for row in STATEMENTS:
        if row["cue"] == "according to":
            assert row["via"] == "", row["statement_id"]
    rule = codebook_rule("**Intermediaries**")
    assert "David Sacks" in rule and "own analysis" in rule


def test_a_position_is_hedged_unless_it_is_stated():
    # The codebook's rule, read from the file itself; the loader enforces it too (test_even_handed.py)
    assert {row["basis"] for row in POSITIONS} == {"stated", "implied", "inferred"}
    firm = [(row["statement_id"], row["topic_id"]) for row in POSITIONS
            if row["basis"] != "stated" and row["hedged"] != "true"]
    assert firm == []
