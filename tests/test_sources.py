"""Each statement against its primary text: the comparison, the tables, the explorer and the data's rules."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import ipywidgets as w
import plotly.graph_objects as go
import pytest

import newsclaims as nc
from newsclaims import sources
from newsclaims.data import PASSAGE_WORDS, passage_words

from conftest import DATA, append_rows, line_of, read_rows, set_value, write_rows

FIDELITIES = ["verbatim", "trimmed", "altered", "paraphrase (faithful)", "paraphrase (shifted)", "not found"]


def ops(quote: str, passage: str) -> list[tuple[str, str, str, bool]]:
    rows = sources.compare_words(quote, passage)
    return list(zip(rows["op"], rows["article"], rows["source"], rows["quoted"]))


# --- The comparison, on crafted pairs -------------------------------------------------------------

def test_the_same_words_are_one_run():
    assert ops("the ferry runs in June", "the ferry runs in June") == [("same", "the ferry runs in June",
                                                                        "the ferry runs in June", False)]


def test_an_insertion_a_deletion_and_a_substitution():
    assert ops("the big red ball", "the red ball") == [
        ("same", "the", "the", False), ("inserted", "big", "", False), ("same", "red ball", "red ball", False)]
    assert ops("the ball", "the red ball") == [
        ("same", "the", "the", False), ("left out", "", "red", False), ("same", "ball", "ball", False)]
    assert ops("a quick fox jumps", "a slow fox jumps") == [
        ("same", "a", "a", False), ("changed", "quick", "slow", False), ("same", "fox jumps", "fox jumps", False)]


def test_a_one_word_change_inside_quotation_marks_stands_out():
    rows = sources.compare_words('both sides "opposing further enlargement"', "the sides oppose further enlargement")
    assert list(zip(rows["op"], rows["article"], rows["source"], rows["quoted"])) == [
        ("changed", "both", "the", False), ("same", "sides", "sides", False),
        ("changed", '"opposing', "oppose", True), ("same", 'further enlargement"', "further enlargement", True)]


def test_a_cut_inside_one_quotation_is_marked_quoted_and_a_quotation_that_ends_early_is_not():
    inside = sources.compare_words('"we oppose enlargement"', "we firmly oppose enlargement")
    assert inside[inside["op"] == "left out"][["source", "quoted"]].values.tolist() == [["firmly", True]]
    early = sources.compare_words('"all parties" must act', "all parties concerned must act")
    assert early[early["op"] == "left out"][["source", "quoted"]].values.tolist() == [["concerned", False]]


def test_the_tolerances_case_edge_punctuation_and_curly_marks():
    assert set(sources.compare_words('"Ukraine’s sovereignty,"', "ukraine's Sovereignty.")["op"]) == {"same"}
    assert set(sources.compare_words("“no ‘forbidden’ areas”", "no 'forbidden' areas")["op"]) == {"same"}


def test_square_brackets_are_a_marked_insertion():
    rows = sources.compare_words('"concerned about [the] evolution"', "concerned about evolution")
    assert rows[["op", "article", "marked"]].values.tolist() == [
        ["same", '"concerned about', False], ["inserted", "[the]", True], ["same", 'evolution"', False]]
    assert sources.quoted_check('"concerned about [the] evolution"', "concerned about evolution")["found"].all()


def test_a_quotation_the_frame_moves_is_still_lined_up_with_the_source():
    # the frame puts "rule of law" before the quoted words; the source has it after them
    rows = sources.compare_words('sought to replace the rule of law with "rule of the strongest."',
                                 "They prefer the rule of the strongest to the rule of law.")
    quoted = rows[rows["quoted"]]
    assert quoted[["op", "source"]].values.tolist() == [["same", "rule of the strongest"]]


def test_quoted_check_finds_each_quotation_or_not():
    check = sources.quoted_check('"all parties" should avoid "fueling tensions" now',
                                 "all parties concerned must avoid any action that may fuel tensions")
    assert check.values.tolist() == [['"all parties"', True], ['"fueling tensions"', False]]
    assert sources.quoted_check("no quotation marks here", "no quotation marks here").empty


def test_nothing_to_compare_keeps_the_columns():
    for quote, passage in (("", ""), ("words", ""), ("", "words")):
        rows = sources.compare_words(quote, passage)
        assert list(rows.columns) == ["op", "article", "source", "quoted", "marked"]
    assert sources.compare_words("", "").empty
    assert sources.compare_words("", "only the source")["op"].tolist() == ["left out"]


def test_compare_html_escapes_and_labels_every_mark():
    html = sources.compare_html('"a <b>bold</b> claim & more"', "a <script>alert(1)</script> claim")
    assert "<script>" not in html and "<b>bold" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "&amp; more" in html
    assert "<ins " in html and "<del " in html
    for label in ("source:", "article, inside the quotation marks:"):
        assert label in html  # a text label, not colour alone
    assert "left out:" in sources.compare_html("the ball", "the red ball")
    assert "added:" in sources.compare_html("the big ball", "the ball")


def test_a_passage_in_another_script_is_not_compared_word_by_word():
    assert not sources.comparable("中方对乌克兰局势演变表示关注。")
    html = sources.compare_html('"China is concerned"', "中方对乌克兰局势演变表示关注。")
    assert "another language" in html and "<ins" not in html
    assert "no passage" in sources.compare_html("words", None).lower()


# --- The tables, against counts made by hand from source_passages.csv -------------------------------

def test_the_seed_article_has_a_row_for_every_statement(art):
    assert art.source_passages["statement_id"].tolist() == art.statements["statement_id"].tolist()
    counts = art.source_passages["fidelity"].value_counts()
    assert [int(counts[f]) for f in FIDELITIES] == [7, 4, 3, 6, 0, 17]
    assert art.source_passages["passage"].dropna().map(passage_words).max() <= PASSAGE_WORDS
    assert set(art.sources["source_id"]) == set(art.source_passages["source_id"].dropna())


def test_fidelity_by_form_counted_by_hand(art):
    table = sources.fidelity_table(art, "form").set_index("form")
    assert list(table.columns) == [*FIDELITIES, "total"]
    assert table.loc["direct"].tolist() == [4, 1, 1, 0, 0, 6, 12]  # s28 s30-32; s17; s05; s13 s19 s21 s26 s36 s37
    assert table.loc["partial"].tolist() == [3, 3, 2, 0, 0, 4, 12]  # s10 s27 s29; s04 s09 s33; s01 s24
    assert table.loc["paraphrase"].tolist() == [0, 0, 0, 6, 0, 7, 13]  # s02 s03 s16 s22 s34 s35


def test_fidelity_by_speaker_counted_by_hand(art):
    table = sources.fidelity_table(art, "speaker").set_index("speaker")
    assert table.index[:3].tolist() == ["Zhang Jun", "Western officials", "Russia"]  # in the order they speak
    assert table.loc["Wang Yi"].tolist() == [4, 2, 0, 0, 0, 0, 6]
    assert table.loc["Zhang Jun"].tolist() == [0, 1, 2, 2, 0, 0, 5]
    assert table.loc["David Sacks"].tolist() == [0, 0, 0, 0, 0, 4, 4]
    assert int(table["total"].sum()) == 37


def test_fidelity_by_kind_of_source_counted_by_hand(art):
    table = sources.fidelity_table(art, "kind").set_index("kind")
    assert table.index.tolist() == ["transcript", "readout", "speech", "joint statement", "(no source)"]
    assert table.loc["readout"].tolist() == [6, 2, 0, 1, 0, 0, 9]  # both call readouts, the Munich account
    assert table.loc["speech"].tolist() == [1, 1, 2, 3, 0, 0, 7]  # Zhang Jun, von der Leyen, the US speech
    assert table.loc["transcript"].tolist() == [0, 0, 0, 1, 0, 1, 2]  # the stakeout; Nebenzia, not found
    assert table.loc["(no source)"].tolist() == [0, 0, 0, 0, 0, 16, 16]
    with pytest.raises(ValueError, match="by is 'topic'"):
        sources.fidelity_table(art, "topic")


def test_the_dates_the_source_contradicts(art):
    checks = sources.date_checks(art)
    assert checks["statement_id"].tolist() == ["cnn22_s10", "cnn22_s29", "cnn22_s30", "cnn22_s31", "cnn22_s32",
                                               "cnn22_s33"]
    assert checks["days"].tolist() == [1] * 6
    s10 = checks.iloc[0]
    assert (s10["said_on_text"], f"{s10['said_on']:%A}", f"{s10['source_date']:%A}") == \
        ("on Friday", "Friday", "Saturday")


@pytest.mark.parametrize("article_id, english", [("cnn_china_ukraine_2022", 14), ("wikinews_turkey_libya_2020", 9)])
def test_quoted_changes_agree_with_the_coded_fidelity(article_id, english):
    # CNN's English passages: s01 s03-05 s09 s10 s16 s17 s22 s24 s27 s28 s34 s35; the Wikinews article's:
    # s01 s02 s05 s06 s07 s13 s14 s16 s18 (the rest were read in Turkish, or not found)
    table = sources.statement_sources(nc.load_article(article_id))
    compared = table[table["comparable"]]
    assert len(compared) == english
    for row in compared.itertuples():
        check = sources.quoted_check(row.quote, row.passage)
        # a fragment seen only in reports is named so in the note, and is not compared (data/README.md)
        note = row.note.replace('"', "'")
        unseen = check["quotation"].map(lambda q, note=note: f"{q.strip(chr(34)).strip(',.')!r} was seen only in "
                                        "reports" in note).astype(bool)
        found = check["found"].astype(bool) | unseen
        if row.fidelity == "altered":
            assert row.quoted_changes >= 1 and not found.all(), row.statement_id
        elif row.fidelity in ("verbatim", "trimmed"):
            assert row.quoted_changes == unseen.sum() and found.all(), row.statement_id


def test_the_summary_says_what_was_found(art):
    assert sources.source_summary(art).startswith("20 of 37 statements were found in 8 primary texts: 7 verbatim")


# --- The chart -------------------------------------------------------------------------------------

def test_the_chart_has_one_mark_per_statement_named_by_fidelity(art):
    fig = sources.fidelity_chart(art)
    assert isinstance(fig, go.Figure)
    assert sum(len(t.x) for t in fig.data) == 37
    assert [t.name for t in fig.data] == ["verbatim", "trimmed", "altered", "paraphrase (faithful)", "not found"]
    assert len({t.marker.symbol for t in fig.data}) == len(fig.data)  # shape as well as colour
    assert fig.layout.title.text.startswith("20 of 37 statements have a primary text; 7 are verbatim")
    altered = next(t for t in fig.data if t.name == "altered")
    assert any("opposing further enlargement" in c for c in altered.customdata)


# --- The explorer, driven headless ------------------------------------------------------------------

def test_the_explorer_shows_a_statement_beside_its_source(art):
    box = sources.source_explorer(art)
    pick = next(c for c in box.children if isinstance(c, w.Dropdown))
    view = [c for c in box.children if isinstance(c, w.HTML)][-1]
    assert len(pick.options) == 37 and pick.value == "cnn22_s01"
    pick.value = "cnn22_s24"
    html = view.value
    assert 'data-statement="cnn22_s24"' in html
    assert "fidelity: " in html and ">altered</b>" in html
    assert "joint statement" in html and "4 February 2022" in html
    assert '<a href="http://en.kremlin.ru/supplement/5770"' in html
    assert "The sides oppose further enlargement of NATO" in html  # the passage
    assert "article, inside the quotation marks:</span>&quot;opposing" in html  # the change, labelled
    assert "a form made to fit its own sentence" in html  # the note
    pick.value = "cnn22_s10"
    assert "Dates differ" in view.value and "18 February 2022" in view.value and "19 February 2022" in view.value
    pick.value = "cnn22_s13"
    assert "No passage" in view.value and "Alfred Wu&#x27;s words to CNN" in view.value
    assert "Word by word" not in view.value
    pick.value = "cnn22_s30"
    assert "another language" in view.value and "中方对乌克兰局势演变表示关注" in view.value


def test_the_explorer_escapes_everything_from_the_data(art):
    doctored = dataclasses.replace(art, source_passages=art.source_passages.copy(), sources=art.sources.copy())
    passages = doctored.source_passages
    at = passages.index[passages["statement_id"] == "cnn22_s24"][0]
    passages.loc[at, "passage"] = "The sides <script>alert(1)</script> oppose"
    passages.loc[at, "note"] = "<img src=x onerror=alert(2)>"
    doctored.sources.loc[doctored.sources["source_id"] == "js_20220204", "url"] = 'https://x.org/"><script>y</script>'
    html = sources.source_html(doctored, "cnn22_s24")
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "&lt;img src=x" in html
    assert 'href="https://x.org/&quot;&gt;&lt;script&gt;y&lt;/script&gt;"' in html
    doctored.sources["url"] = "javascript:alert(3)"
    assert "javascript:" not in sources.source_html(doctored, "cnn22_s24")
    with pytest.raises(KeyError, match="cnn22_s99"):
        sources.source_html(art, "cnn22_s99")


def test_an_article_with_no_source_rows_loads_and_says_so(mini_data):
    art = nc.load_article("mini", data_dir=mini_data)
    assert art.source_passages.empty and art.sources.empty
    assert list(art.source_passages.columns) == ["statement_id", "source_id", "passage", "fidelity", "note",
                                                 "translation"]
    assert sources.source_summary(art).startswith("No source passages coded yet: its 2 statements are not checked")
    assert "No source passages coded yet" in sources.source_explorer(art).static_html()
    assert sources.fidelity_chart(art).layout.title.text.startswith("No source passages coded yet")
    assert sources.statement_sources(art).empty and sources.fidelity_table(art, "kind").empty


# --- Validation: each refusal names the file, the line and the column --------------------------------

def problems_of(folder: Path) -> list[nc.Problem]:
    with pytest.raises(nc.DataError) as info:
        nc.load_corpus(folder)
    return info.value.problems


def test_a_passage_over_the_cap_is_refused(data_copy):
    path = data_copy / "source_passages.csv"
    set_value(path, "statement_id", "cnn22_s28", "passage", " ".join(["word"] * (PASSAGE_WORDS + 1)))
    [p] = problems_of(data_copy)
    assert (Path(p.path).name, p.line, p.column) == ("source_passages.csv", line_of(path, "cnn22_s28,"), "passage")
    assert p.message.startswith(f"{PASSAGE_WORDS + 1} words: a passage is a quotation of at most {PASSAGE_WORDS}")
    set_value(path, "statement_id", "cnn22_s28", "passage", "字" * PASSAGE_WORDS)  # each character a word
    nc.load_corpus(data_copy)
    set_value(path, "statement_id", "cnn22_s28", "passage", "字" * (PASSAGE_WORDS + 1))
    assert problems_of(data_copy)[0].column == "passage"


def test_an_unknown_source_is_refused(data_copy):
    path = data_copy / "source_passages.csv"
    set_value(path, "statement_id", "cnn22_s27", "source_id", "state_readout_20990101")
    [p] = problems_of(data_copy)
    assert (Path(p.path).name, p.line, p.column) == ("source_passages.csv", line_of(path, "cnn22_s27,"), "source_id")
    assert "'state_readout_20990101' is not a known source_id (see sources.csv)" in p.message


def test_a_fidelity_outside_the_enum_is_refused(data_copy):
    path = data_copy / "source_passages.csv"
    set_value(path, "statement_id", "cnn22_s10", "fidelity", "accurate")
    [p] = problems_of(data_copy)
    assert (Path(p.path).name, p.line, p.column) == ("source_passages.csv", line_of(path, "cnn22_s10,"), "fidelity")
    assert p.message == f"'accurate' is not one of: {', '.join(FIDELITIES)}"


def test_a_kind_outside_the_enum_and_a_bad_date_are_refused(data_copy):
    path = data_copy / "sources.csv"
    set_value(path, "source_id", "vdl_msc_20220219", "kind", "tweet")
    set_value(path, "source_id", "js_20220204", "date", "4 February 2022")
    found = {(Path(p.path).name, p.line, p.column) for p in problems_of(data_copy)}
    assert found == {("sources.csv", line_of(path, "vdl_msc_20220219,"), "kind"),
                     ("sources.csv", line_of(path, "js_20220204,"), "date")}


def test_fidelity_source_and_passage_must_agree(data_copy):
    path = data_copy / "source_passages.csv"
    set_value(path, "statement_id", "cnn22_s13", "passage", "They don't want to get involved")  # not found
    set_value(path, "statement_id", "cnn22_s28", "passage", "")  # verbatim
    set_value(path, "statement_id", "cnn22_s03", "source_id", "")  # paraphrase (faithful)
    found = {(p.line, p.column): p.message for p in problems_of(data_copy)}
    assert found[(line_of(path, "cnn22_s13,"), "passage")].startswith("fidelity is 'not found', so there is no")
    assert found[(line_of(path, "cnn22_s28,"), "passage")].startswith("fidelity is 'verbatim', a comparison")
    assert found[(line_of(path, "cnn22_s03,"), "source_id")].startswith("fidelity is 'paraphrase (faithful)'")
    assert len(found) == 3


def test_a_statement_left_out_of_an_article_with_source_rows_is_a_gap_not_a_refusal(data_copy):
    # The article stays valid (a teacher may add a statement before checking its source), and
    # validate --complete lists the statement as what remains to do, with its paragraph.
    path = data_copy / "source_passages.csv"
    header, rows = read_rows(path)
    write_rows(path, header, [r for r in rows if r["statement_id"] != "cnn22_s19"])
    nc.load_corpus(data_copy)  # loads: no DataError
    gaps = nc.data.completeness(data_copy, "cnn_china_ukraine_2022")
    [gap] = gaps[gaps["gap"] == "statement not checked against a source"].itertuples()
    assert (gap.item, gap.level, gap.table) == ("cnn22_s19", "needed", "source_passages")
    statements = nc.load_article(data_dir=data_copy).statements
    assert gap.paragraph == int(statements.loc[statements["statement_id"] == "cnn22_s19", "paragraph"].iloc[0])


def test_every_statement_of_every_article_with_source_rows_has_exactly_one():
    _, statements = read_rows(DATA / "statements.csv")
    _, passages = read_rows(DATA / "source_passages.csv")
    article_of = {r["statement_id"]: r["article_id"] for r in statements}
    checked = {article_of[r["statement_id"]] for r in passages}
    assert {"cnn_china_ukraine_2022", "wikinews_turkey_libya_2020"} <= checked  # both articles are checked
    rows_per_statement = {sid: 0 for sid, article in article_of.items() if article in checked}
    for r in passages:
        rows_per_statement[r["statement_id"]] += 1
    assert {sid: n for sid, n in rows_per_statement.items() if n != 1} == {}
    for article_id in sorted(checked):
        gaps = nc.data.completeness(article_id=article_id)
        assert "statement not checked against a source" not in set(gaps["gap"]), article_id


def test_the_second_article_fidelity_counted_by_hand():
    art = nc.load_article("wikinews_turkey_libya_2020")
    counts = art.source_passages["fidelity"].value_counts()
    # verbatim s06 s10 s13; trimmed s02; altered s11 s14; faithful s01 s05 s08 s09 s16 s18;
    # shifted s07 s12; not found s03 s04 s15 s17 s19 (s04 and s15 seen only in reports)
    assert [int(counts[f]) for f in FIDELITIES] == [3, 1, 2, 6, 2, 5]
    assert sources.source_summary(art).startswith("14 of 19 statements were found in"), sources.source_summary(art)
    assert sources.date_checks(art).empty  # 7, 8 and 9 January, as the article's weekdays resolve
    assert art.source_passages["passage"].dropna().map(passage_words).max() <= PASSAGE_WORDS


def test_a_passage_read_in_another_language_in_the_same_alphabet_is_not_compared_word_by_word():
    # Erdoğan's speech was read in Turkish: its passages share the article's alphabet, not its language
    art = nc.load_article("wikinews_turkey_libya_2020")
    table = sources.statement_sources(art).set_index("statement_id")
    assert not sources.comparable("Bize bir adım gelene çok daha fazlasıyla gitmeye hazırız.", "tr")
    assert sources.comparable("Bize bir adım gelene çok daha fazlasıyla gitmeye hazırız.")  # the script alone
    speech = table[table["source_id"] == "erdogan_turkstream_20200108"]
    assert len(speech) == 5 and not speech["comparable"].any() and speech["quoted_changes"].isna().all()
    assert table.loc["wn20_s06", "comparable"] and table.loc["wn20_s06", "quoted_changes"] == 0  # the English release
    html = sources.source_html(art, "wn20_s11")
    assert "another language" in html and "<ins" not in html
    assert sources.compare_statement(art, "wn20_s11").empty


def test_an_article_with_no_rows_at_all_is_valid(data_copy):
    path = data_copy / "source_passages.csv"
    header, _ = read_rows(path)
    write_rows(path, header, [])
    art = nc.load_article(data_dir=data_copy)
    assert art.source_passages.empty and art.sources.empty
    assert len(nc.load_corpus(data_copy).sources) == len(read_rows(DATA / "sources.csv")[1])


def test_another_article_may_be_checked_without_the_seed(mini_data, tmp_path):
    import shutil
    folder = tmp_path / "data"
    shutil.copytree(mini_data, folder)
    append_rows(folder, "source_passages", {"statement_id": "mini_s01", "fidelity": "not found",
                                            "note": "The mayor's words to the paper.", "translation": "no"})
    gaps = nc.data.completeness(folder, "mini")  # mini_s02, of the same article, has no row: still to do
    assert gaps.loc[gaps["gap"] == "statement not checked against a source", "item"].tolist() == ["mini_s02"]
    append_rows(folder, "source_passages", {"statement_id": "mini_s02", "fidelity": "not found",
                                            "note": "Said to the paper.", "translation": "no"})
    art = nc.load_article("mini", data_dir=folder)
    assert art.source_passages["statement_id"].tolist() == ["mini_s01", "mini_s02"]
    assert sources.fidelity_table(art, "kind")["kind"].tolist() == ["(no source)"]


def test_the_descriptor_and_the_loader_agree_on_the_fidelities():
    from newsclaims.data import COMPARED, NOT_FOUND, vocabulary
    assert list(vocabulary("source_passages", "fidelity")) == FIDELITIES
    assert set(COMPARED) | {NOT_FOUND} <= set(FIDELITIES)
