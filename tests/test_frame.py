"""The frame and the sources (lesson 10): the coding read against the article, and the tables against counts by hand.

Every expected value below was counted by reading the article (data/texts/ and its
row of articles.csv), not taken from nc.frame.
"""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

import newsclaims as nc
from newsclaims import frame as fr

from conftest import ARTICLE, DATA, append_rows, line_of, read_rows, set_value, write_rows

# --- The coding, read against the article --------------------------------------------------------

def test_every_span_is_the_words_of_its_source(art):
    sources = {"text": art.text, "title": art.meta["title"], "photo_caption": art.meta["photo_caption"]}
    for row in art.frame.itertuples():
        assert sources[row.source][row.start:row.end] == row.text, row.frame_id
    for row in art.labels.itertuples():
        assert art.text[row.start:row.end] == row.label, row.label_id


def test_the_headline_is_coded_whole_in_two_clauses(art):
    heads = art.frame[art.frame["kind"] == "headline"]
    assert " ".join(heads["text"]).replace("Ukraine Beijing", "Ukraine, Beijing") == art.meta["title"]


def test_narration_is_where_the_codebook_says_and_no_statement_is(art):
    narration = art.frame[art.frame["kind"] == "narration"]
    # paragraphs 2 and 8 are the codebook's own examples; the gloss on Minsk is paragraph 12
    assert {2, 8, 12} <= set(narration["paragraph"])
    assert narration.loc[narration["paragraph"] == 2, "text"].item() == art.paragraphs.loc[1, "text"]
    for n in narration.itertuples():
        for s in art.statements.itertuples():
            assert n.end <= s.start or s.end <= n.start, (n.frame_id, s.statement_id)


# --- The headline, caption and lede against the body ---------------------------------------------

def test_the_headline_caption_and_lede_name_what_a_reader_sees(art):
    actors = fr.frame_actors(art).set_index("actor_id")
    # "As the West condemns Russia over Ukraine, Beijing strikes a different tone"
    assert set(actors.index[actors["headline"] > 0]) == {"the_west", "russia", "ukraine", "china"}
    # "Russian President Vladimir Putin and Chinese President Xi Jinping meeting in Beijing on February 4, 2022."
    assert set(actors.index[actors["caption"] > 0]) == {"vladimir_putin", "xi_jinping", "china"}
    # "China's envoy to the United Nations" (Zhang Jun), "Ukraine", "the Kremlin" and "pro-Moscow" (Russia)
    assert actors.loc[actors["lede"] > 0, "lede"].to_dict() == {"russia": 2, "ukraine": 1, "zhang_jun": 1}
    # Wang Yi speaks most (paragraphs 13, 24, 24, 24, 25, 25) and is in none of the three
    assert actors.loc["wang_yi", ["headline", "caption", "lede", "statements"]].tolist() == [0, 0, 0, 6]


def test_the_lede_takes_its_statements_topics_and_the_headline_its_coded_one(art):
    topics = fr.frame_topics(art).set_index("topic_id")
    assert set(topics.index[topics["headline"] > 0]) == {"condemn_russia"}
    # the lede holds cnn22_s01 (a call for restraint) and cnn22_s02 (stopped short of condemning)
    assert set(topics.index[topics["lede"] > 0]) == {"condemn_russia", "peaceful_means"}


def test_whose_words_fill_paragraphs_counted_by_hand(art):
    per = fr.text_voices(art, by="paragraph").pivot(index="paragraph", columns="voice", values="characters")
    paragraphs = art.paragraphs.set_index("paragraph")["text"]
    assert per.loc[2, "narration"] == len(paragraphs[2])  # the journalist's analysis, whole
    assert per.loc[17, "quoted"] == len(paragraphs[17])  # one quotation, unattributed
    assert per.loc[4, "attribution"] == len(" Zhang said.")  # after the quotation's closing mark
    # paragraph 8: the first sentence is narration, "rule of the strongest." with its marks is quoted
    assert per.loc[8, "narration"] == len("The display of solidarity has not gone unnoticed in the West.")
    assert per.loc[8, "quoted"] == len('"rule of the strongest."')
    whole = fr.text_voices(art).set_index("voice")
    assert whole["characters"].sum() == sum(map(len, paragraphs))
    assert whole.loc["narration", "characters"] == sum(
        len(t) for t in art.frame.loc[art.frame["kind"] == "narration", "text"])


# --- Labels --------------------------------------------------------------------------------------

def test_the_breakaway_regions_carry_four_labels_each(art):
    by_actor = fr.labels_by_actor(art).set_index("name")
    for region in ("Donetsk People's Republic", "Luhansk People's Republic"):
        assert by_actor.loc[region, "words"] == "pro-Moscow, breakaway, Moscow-backed, self-proclaimed"
        assert by_actor.loc[region, "journalist"] == 4


def test_a_label_in_quotation_marks_is_the_sources_word(art):
    table = fr.labels_table(art)
    quoted = table[table["voice"] == "quoted"]
    # Yu Bin's "US-led alliance" (paragraph 21) and the readout's "Russia's aggression" (paragraph 22)
    assert sorted(zip(quoted["label"], quoted["paragraph"])) == [("US-led", 21), ("aggression", 22)]
    self_proclaimed = table[table["label"] == "self-proclaimed"]
    assert set(self_proclaimed["statement_id"]) == {"cnn22_s08"} and set(self_proclaimed["voice"]) == {"reported"}


# --- The sources ---------------------------------------------------------------------------------

def test_named_and_anonymous_sources(art):
    named = fr.named_sources(art).set_index("source")
    # anonymous: "Western officials suggest" (paragraph 5) and "experts say" (paragraph 9)
    assert named.loc["anonymous", "statements"] == 2 and named.loc["anonymous", "sources"] == 2
    assert named.loc["named", "statements"] == 35


def test_officials_experts_and_institutions(art):
    types = fr.source_types(art).set_index("source_type")
    # officials: Zhang Jun 5, von der Leyen 1, Wang Yi 6, Blinken 1, Thomas-Greenfield 3, Western officials 1
    # experts: Wu 3, Sacks 4, Yu Bin 2, "experts" 1
    # institutions: Russia 2, China 2, the joint statement 2, China and Russia 2, the United States 1,
    # the State Department readout 1, and the Chinese readout, which passes on Wang Yi's words and says nothing
    assert types["statements"].to_dict() == {"official": 17, "expert": 10, "institution": 10}
    assert types["sources"].to_dict() == {"official": 6, "expert": 4, "institution": 7}
    assert "Council on Foreign Relations" in types.loc["expert", "institutions"]


def test_two_of_ten_people_named_are_women_and_half_the_genders_come_from_outside(art):
    counts = fr.gender_counts(art).set_index("gender")
    assert counts.loc["woman", "named"] == 2 and counts["named"].sum() == 10
    # Putin and Xi are named and never quoted
    assert counts.loc["woman", "quoted"] == 2 and counts["quoted"].sum() == 8
    # von der Leyen 1 statement, Thomas-Greenfield 3
    assert counts.loc["woman", "statements"] == 4
    people = fr.gender_table(art).set_index("actor_id")
    # pronouns: "He added" (11), "he said" (15), "he said" (21), "his Chinese counterpart" (22), "she said" (26)
    from_article = set(people.index[people["gender_basis"] == "article"])
    assert from_article == {"alfred_wu", "david_sacks", "yu_bin", "antony_blinken", "linda_thomas_greenfield"}
    assert people.loc["linda_thomas_greenfield", "evidence"] == "'she', paragraph 26"
    assert people.loc["zhang_jun", "evidence"].startswith("https://")


def test_the_findings_say_the_numbers(art):
    assert "35 of the 37 statements" in fr.finding(art, "named")
    assert "2 of the 10 people named are women" in fr.finding(art, "gender")
    with pytest.raises(ValueError, match="what must be one of"):
        fr.finding(art, "tone")


# --- An article with no frame coding --------------------------------------------------------------

def test_an_article_without_frame_coding_loads_and_says_so(mini_data):
    art = nc.load_article("mini", data_dir=mini_data)
    assert art.frame.empty and art.labels.empty and art.voices.empty
    assert set(fr.coded(art)["status"]) == {"not coded yet"}
    assert fr.frame_actors(art).empty and fr.gender_counts(art).empty
    assert fr.finding(art, "gender").startswith("No frame coded yet for article 'mini'")
    assert fr.gender_chart(art).layout.title.text.startswith("No voices coded yet")


def test_without_narration_a_label_is_still_told_quoted_or_not(art):
    bare = dataclasses.replace(art, frame=art.frame.iloc[0:0])
    table = fr.labels_table(bare)
    assert set(table.loc[table["label"] == "aggression", "voice"]) == {"quoted"}
    assert fr.text_voices(bare).empty


# --- Validation: each refusal names the file, the line and the column -----------------------------

def problem_in(folder: Path, file: str, line: int, column: str) -> str:
    with pytest.raises(nc.DataError) as caught:
        nc.load_corpus(folder)
    said = [str(p) for p in caught.value.problems]
    here = [s for s in said if s.startswith(f"{file} line {line}, column {column}: ")
            or f"{file} line {line}, column {column}: " in s]
    assert here, said
    return here[0]


@pytest.fixture
def frame_copy(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


def test_a_label_whose_words_are_not_the_text_is_refused(frame_copy):
    path = frame_copy / "labels.csv"
    set_value(path, "label_id", "cnn22_l07", "label", "separatist")
    said = problem_in(frame_copy, "labels.csv", line_of(path, "cnn22_l07"), "label")
    assert "'breakaway'" in said and "not the label" in said


def test_a_label_for_an_unknown_actor_is_refused(frame_copy):
    path = frame_copy / "labels.csv"
    set_value(path, "label_id", "cnn22_l13", "actor_id", "the_summit")
    said = problem_in(frame_copy, "labels.csv", line_of(path, "cnn22_l13"), "actor_id")
    assert "'the_summit' is not a known actor_id" in said


def test_a_frame_kind_outside_the_enum_is_refused(frame_copy):
    path = frame_copy / "frame.csv"
    set_value(path, "frame_id", "cnn22_f08", "kind", "comment")
    said = problem_in(frame_copy, "frame.csv", line_of(path, "cnn22_f08"), "kind")
    assert "'comment' is not one of: headline, lede, caption, narration" in said


def test_a_gender_outside_the_enum_is_refused(frame_copy):
    path = frame_copy / "voices.csv"
    header, rows = read_rows(path)
    for row in rows:
        if row["actor_id"] == "yu_bin":
            row["gender"] = "male"
    write_rows(path, header, rows)
    said = problem_in(frame_copy, "voices.csv", line_of(path, "yu_bin"), "gender")
    assert "'male' is not one of: woman, man, unknown" in said


def test_narration_over_a_statement_is_refused(frame_copy):
    path = frame_copy / "frame.csv"
    text = (frame_copy / "texts" / f"{ARTICLE}.txt").read_text(encoding="utf-8")
    words = "Beijing welcomed and encouraged"  # the start of cnn22_s03
    at = text.index(words)
    append_rows(frame_copy, "frame", {"frame_id": "cnn22_f99", "article_id": ARTICLE, "kind": "narration",
                                      "source": "text", "start": str(at), "end": str(at + len(words)),
                                      "text": words, "paragraph": "3"})
    said = problem_in(frame_copy, "frame.csv", line_of(path, "cnn22_f99"), "start")
    assert "overlaps statement cnn22_s03" in said


def test_a_headline_must_lie_in_the_title(frame_copy):
    path = frame_copy / "frame.csv"
    set_value(path, "frame_id", "cnn22_f01", "source", "text")
    said = problem_in(frame_copy, "frame.csv", line_of(path, "cnn22_f01"), "source")
    assert "a headline lies in the title, not the text" in said


def test_a_pronoun_not_in_its_paragraph_is_refused(frame_copy):
    path = frame_copy / "voices.csv"
    header, rows = read_rows(path)
    for row in rows:
        if row["actor_id"] == "linda_thomas_greenfield":
            row["gender_paragraph"] = "25"
    write_rows(path, header, rows)
    said = problem_in(frame_copy, "voices.csv", line_of(path, "linda_thomas_greenfield"), "gender_word")
    assert "'she' is not a word of paragraph 25" in said


def test_an_expert_who_speaks_for_a_state_is_refused(frame_copy):
    path = frame_copy / "voices.csv"
    header, rows = read_rows(path)
    for row in rows:
        if row["actor_id"] == "zhang_jun":
            row["source_type"] = "expert"
    write_rows(path, header, rows)
    said = problem_in(frame_copy, "voices.csv", line_of(path, "zhang_jun"), "source_type")
    assert "represents 'china'" in said


def test_a_gender_for_a_state_is_refused(frame_copy):
    path = frame_copy / "voices.csv"
    header, rows = read_rows(path)
    for row in rows:
        if row["actor_id"] == "russia":
            row["gender"] = "man"
    write_rows(path, header, rows)
    said = problem_in(frame_copy, "voices.csv", line_of(path, ARTICLE + ",russia"), "gender")
    assert "is not a person" in said
