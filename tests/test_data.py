"""The loader: shapes, dtypes and values checked by hand against the article."""

from __future__ import annotations

import hashlib
import json
import os
import re

import pandas as pd
import pytest

import newsclaims as nc

from conftest import ARTICLE, DATA, SEED, TEXT, read_rows, set_value

# The page furniture the seed file carries around the article body (../shared/seed/SOURCE.md).
FURNITURE = {
    "Breaking News",
    "As the West condemns Russia over Ukraine, Beijing strikes a different tone",
    "Russian President Vladimir Putin and Chinese President Xi Jinping meeting in Beijing"
    " on February 4, 2022.",
    "'Madness': Putin addresses Ukraine during speech",
    "'Madness': Putin addresses Ukraine during speech 01:57",
    "\xa0",
    "No comments",
}



def test_default_article_is_the_seed(art):
    assert art.article_id == ARTICLE
    assert art.meta["outlet"] == "CNN"
    assert art.meta["author"] == "Simone McCarthy, CNN"
    assert art.meta["published"] == pd.Timestamp("2022-02-22")
    assert art.meta["dateline"] == "Hong Kong"
    assert art.meta["photo_caption"].startswith("Russian President Vladimir Putin and Chinese President Xi")


def test_credit_names_outlet_byline_date_and_link(art):
    assert "Simone McCarthy, CNN" in art.credit
    assert "22 February 2022" in art.credit
    assert art.credit.endswith(art.meta["url"])


# SHA-256 of the body text as checked against the seed: any later edit to the text shows here.
TEXT_SHA256 = "cd2110ff86a6acc3e571f2991823a59859fdda2102dad0b2a2aea7707f362e40"


def test_text_is_unchanged_since_checked_against_the_seed():
    assert hashlib.sha256(TEXT.read_bytes()).hexdigest() == TEXT_SHA256


@pytest.mark.skipif(not SEED.exists(), reason="../shared/seed is not beside this checkout")
def test_text_is_the_seed_body_verbatim_without_furniture():
    seed_lines = [line for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
    body = [line for line in seed_lines if line not in FURNITURE]
    ours = TEXT.read_text(encoding="utf-8")
    assert ours == "\n\n".join(body) + "\n"
    assert ours.startswith("Hong Kong (CNN)China's envoy")
    for line in FURNITURE:
        assert line.strip() not in ours.split("\n\n")


def test_left_out_lists_the_furniture(art):
    for thing in ("Breaking News", "Madness", "01:57", "non-breaking space", "No comments"):
        assert thing in art.meta["left_out"]


def test_paragraphs(art):
    paras = art.paragraphs
    assert len(paras) == 26
    assert paras["paragraph"].tolist() == list(range(1, 27))
    for row in paras.itertuples():
        assert art.text[row.start:row.end] == row.text
    assert paras["text"].iloc[-1].endswith('"There is too much at risk for anyone to sit on the fence."')


def test_dtypes(art):
    st = art.statements
    assert st["start"].dtype == "int64" and st["paragraph"].dtype == "int64"
    assert st["said_on"].dtype == "datetime64[ns]"
    assert list(st["form"].cat.categories) == ["direct", "partial", "paraphrase"]
    assert list(art.positions["stance"].cat.categories) == ["support", "oppose", "neutral"]
    assert art.positions["hedged"].dtype == bool
    assert art.events["date"].dtype == "datetime64[ns]"
    assert isinstance(art.actors["kind"].dtype, pd.CategoricalDtype)
    # optional text left empty in the CSV is missing, not ""
    assert st["via"].isna().sum() == (st["via"] != st["via"]).sum() > 0
    assert not (st["via"] == "").any()


def test_wang_yi_statements(art):
    # Checked by hand: Munich (par. 13), then five from the call with Blinken (pars. 24-25).
    wang = art.statements[art.statements["actor_id"] == "wang_yi"]
    assert wang["paragraph"].tolist() == [13, 24, 24, 24, 25, 25]
    assert wang["said_on"].dt.strftime("%Y-%m-%d").tolist() == ["2022-02-19"] + ["2022-02-21"] * 5
    assert wang["via"].fillna("").tolist() == [""] + ["chinese_foreign_ministry_readout"] * 5
    assert wang["addressee_id"].iloc[1:].eq("antony_blinken").all()


def test_joint_statement_opposes_nato_enlargement_for_both_states(art):
    joint = art.statements.loc[art.statements["actor_id"] == "joint_statement", "statement_id"]
    pos = art.positions[art.positions["statement_id"].isin(joint)
                        & (art.positions["topic_id"] == "nato_enlargement")]
    assert set(pos["holder_id"]) == {"china", "russia"}
    assert set(pos["stance"]) == {"oppose"}
    assert not pos["hedged"].any()


def test_stopped_short_of_condemning_is_hedged(art):
    s = art.statements[art.statements["cue"] == "stopped short of"]
    assert s["actor_id"].tolist() == ["zhang_jun"]
    pos = art.positions[art.positions["statement_id"].isin(s["statement_id"])]
    assert pos[["topic_id", "stance", "hedged"]].values.tolist() == [["condemn_russia", "neutral", True]]


def _weekday_before(published: pd.Timestamp, name: str) -> pd.Timestamp:
    days = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    back = (published.weekday() - days.index(name)) % 7 or 7
    return published - pd.Timedelta(days=back)


def _resolve(published: pd.Timestamp, words: str) -> pd.Timestamp | None:
    words = words.lower()
    for day in ("monday", "friday", "saturday"):
        if day in words:
            return _weekday_before(published, day)
    if "february 4" in words:
        return pd.Timestamp(published.year, 2, 4)
    return None


def test_relative_dates_resolve_against_publication(art):
    published = art.meta["published"]
    events = art.events.dropna(subset=["date_text"])
    for row in events.itertuples():
        if row.date_basis == "resolved":
            assert row.date == _resolve(published, row.date_text), row
    st = art.statements.dropna(subset=["said_on"])
    assert set(st["said_on_basis"]) == {"resolved"}
    assert len(st) == 21
    for row in st.itertuples():
        assert row.said_on == _resolve(published, row.said_on_text), row.statement_id
    assert _resolve(published, "Monday") == pd.Timestamp("2022-02-21")
    assert _resolve(published, "on Friday") == pd.Timestamp("2022-02-18")


def test_undated_statements_stay_undated(art):
    undated = art.statements[art.statements["said_on"].isna()]
    assert undated["said_on_basis"].isna().all()
    assert "for weeks" in undated["said_on_text"].tolist()


def test_mentions_match_their_aliases(art):
    m = art.mentions
    for row in m.itertuples():
        assert art.text[row.start:row.end] == row.alias
        para = art.paragraphs.iloc[row.paragraph - 1]
        assert para.start <= row.start < para.end
    assert len(m[m["actor_id"] == "wang_yi"]) == len(re.findall(r"\bWang\b", art.text)) == 5


def test_the_article_carries_the_aliases_of_its_actors(art):
    assert art.aliases.columns.tolist() == ["actor_id", "alias", "note"]
    assert set(art.aliases["actor_id"]) <= set(art.actors["actor_id"])
    assert set(zip(art.mentions["actor_id"], art.mentions["alias"])) <= set(zip(art.aliases["actor_id"],
                                                                                 art.aliases["alias"]))
    assert art.aliases.loc[art.aliases["alias"] == "Beijing", "actor_id"].tolist() == ["china"]


def test_longest_alias_wins(art):
    m = art.mentions
    ecnu = m[m["actor_id"] == "east_china_normal_university"].iloc[0]
    inside = m[(m["start"] >= ecnu.start) & (m["end"] <= ecnu.end)]
    assert inside["actor_id"].tolist() == ["east_china_normal_university"]
    assert not ((m["alias"] == "US") & (m["start"] == art.text.index("US-led alliance"))).any()


def test_article_actors_cover_every_reference(art):
    ids = set(art.actors["actor_id"])
    assert set(art.statements["actor_id"]) <= ids
    assert set(art.positions["holder_id"]) <= ids
    assert set(art.mentions["actor_id"]) <= ids
    assert set(art.actors["represents"].dropna()) <= ids


def test_list_articles_and_corpus():
    # every article of articles.csv, in its order, the seed among them; the corpus holds each one whole
    rows = read_rows(DATA / "articles.csv")[1]
    arts = nc.list_articles()
    assert arts["article_id"].tolist() == [r["article_id"] for r in rows]
    assert ARTICLE in arts["article_id"].tolist()
    corpus = nc.load_corpus()
    for row in rows:
        assert corpus.texts[row["article_id"]] == (DATA / row["text_file"]).read_text(encoding="utf-8")
    assert corpus.texts[ARTICLE] == TEXT.read_text(encoding="utf-8")
    assert len(corpus.statements) == sum(len(nc.load_article(r["article_id"]).statements) for r in rows)
    assert len(corpus.statements) == len(read_rows(DATA / "statements.csv")[1])


def test_unknown_article_names_the_known_ones():
    with pytest.raises(KeyError, match=ARTICLE):
        nc.load_article("no_such_article")


def test_data_folder_from_environment(data_copy, monkeypatch):
    set_value(data_copy / "articles.csv", "article_id", ARTICLE, "outlet", "Copy News")
    monkeypatch.setenv("NEWSCLAIMS_DATA", str(data_copy))
    assert nc.load_article().meta["outlet"] == "Copy News"
    assert nc.data_dir() == data_copy


def test_missing_data_folder_is_a_data_error(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSCLAIMS_DATA", str(tmp_path / "nowhere"))
    with pytest.raises(nc.DataError, match=r"datapackage\.json: file is missing .*NEWSCLAIMS_DATA"):
        nc.load_article()


def test_loading_writes_nothing_to_data():
    before = {p: p.stat().st_mtime_ns for p in DATA.rglob("*")}
    nc.load_corpus()
    assert {p: p.stat().st_mtime_ns for p in DATA.rglob("*")} == before


def test_loads_from_another_working_directory(tmp_path):
    here = os.getcwd()
    try:
        os.chdir(tmp_path)
        assert len(nc.load_article().statements) > 0
    finally:
        os.chdir(here)


def test_problems_names_each_problem_in_the_folder_or_says_ok(data_copy, tmp_path):
    n, m = (len(read_rows(data_copy / f"{t}.csv")[1]) for t in ("articles", "statements"))
    assert nc.data.problems(data_copy) == [f"ok: {n} article{'s' * (n != 1)}, {m} statements"]
    start = int(nc.load_article(data_dir=data_copy).statements.set_index("statement_id").at["cnn22_s01", "start"])
    set_value(data_copy / "statements.csv", "statement_id", "cnn22_s01", "start", str(start + 2))
    found = nc.data.problems(data_copy)
    assert len(found) == 1
    assert found[0].startswith("statements.csv line 2, column quote: text[")  # the path inside the folder
    assert found[0].endswith(f"the quote is found at {start}:{found[0].split(':')[-1]}")
    assert nc.data.problems(tmp_path)[0].endswith("datapackage.json: file is missing (data folder chosen by "
                                                  "the argument)")  # not a data folder: said, not raised


def test_every_column_of_an_article_is_documented_from_the_descriptor(art):
    sections = dict(re.findall(r"^(\w+) : \w+\n((?:    .*\n|\n)*)", nc.Article.__doc__, re.M))
    documented = {name: re.findall(r"^    (\w+)  +\S", body, re.M) for name, body in sections.items()}
    for frame in nc.data.FRAMES:
        assert documented[frame] == getattr(art, frame).columns.tolist(), frame
    assert set(documented["meta"]) == set(art.meta)
    descriptor = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    resource = next(r for r in descriptor["resources"] if r["name"] == "statements")
    quote = next(f for f in resource["schema"]["fields"] if f["name"] == "quote")
    assert re.search(rf"^    quote +{re.escape(quote['description'])}$", sections["statements"], re.M)
    quote["description"] = "Changed in the descriptor."
    assert nc.data.column_docs(descriptor)["statements"]["quote"] == "Changed in the descriptor."
