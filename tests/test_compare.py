"""Two articles side by side (newsclaims.compare), against counts made by hand on two tiny articles.

The folder built here holds three invented articles:

- ``alpha`` (Alpha News): five statements by Ana Berg (2), the council (2) and Tom Ek (1);
  five positions on two topics (winter ferry, budget);
- ``beta`` (Beta Radio): three statements by Ola Lind, Ana Berg and the council; three
  positions, all on the winter ferry;
- ``gamma`` (Alpha News too): a text and nothing coded.

Every expected value below is counted from the texts and rows written in this file.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import plotly.graph_objects as go
import pytest

import newsclaims as nc
from newsclaims import compare as cmp

from conftest import DATA, append_rows, read_rows, strings_in, write_rows

TEXTS = {
    "alpha": ('Lakeside (Alpha News) "The ferry must run all winter," said Ana Berg, the mayor.\n\n'
              'The council said the budget must not grow. Tom Ek said the ferry would "cost too much".\n\n'
              '"We will find the money," Berg said. The council agreed the ferry should run.\n'),
    "beta": ("Lakeside (Beta Radio) Ola Lind said the winter ferry was a waste.\n\n"
             '"It must run," said Ana Berg. The council said the ferry should run.\n'),
    "gamma": "Lakeside (Alpha News) The ferry ran late again on Tuesday.\n",
}
OUTLETS = {"alpha": "Alpha News", "beta": "Beta Radio", "gamma": "Alpha News"}
# statement id, article, speaker, quote, paragraph, form, cue; then (topic, stance, hedged, basis)
STATEMENTS = [
    ("a1", "alpha", "ana_berg", '"The ferry must run all winter,"', 1, "direct", "said",
     ("winter_ferry", "support", "false", "stated")),
    ("a2", "alpha", "council", "the budget must not grow", 2, "paraphrase", "said",
     ("budget", "oppose", "false", "stated")),
    ("a3", "alpha", "tom_ek", 'the ferry would "cost too much"', 2, "partial", "said",
     ("winter_ferry", "oppose", "true", "implied")),
    ("a4", "alpha", "ana_berg", '"We will find the money,"', 3, "direct", "said",
     ("budget", "support", "true", "implied")),
    ("a5", "alpha", "council", "the ferry should run", 3, "paraphrase", "agreed",
     ("winter_ferry", "support", "false", "stated")),
    ("b1", "beta", "ola_lind", "the winter ferry was a waste", 1, "paraphrase", "said",
     ("winter_ferry", "oppose", "false", "stated")),
    ("b2", "beta", "ana_berg", '"It must run,"', 2, "direct", "said",
     ("winter_ferry", "support", "false", "stated")),
    ("b3", "beta", "council", "the ferry should run", 2, "paraphrase", "said",
     ("winter_ferry", "support", "false", "stated")),
]


def empty_folder(target: Path) -> Path:
    """A copy of data/ with every table emptied to its header, and no texts."""
    shutil.copytree(DATA, target)
    for table in target.glob("*.csv"):
        header, _ = read_rows(table)
        write_rows(table, header, [])
    for text in (target / "texts").iterdir():
        text.unlink()
    return target


def add_article(folder: Path, article_id: str) -> None:
    text = TEXTS[article_id]
    (folder / "texts" / f"{article_id}.txt").write_text(text, encoding="utf-8")
    append_rows(folder, "articles", {"article_id": article_id, "title": f"The {article_id} story",
                                     "outlet": OUTLETS[article_id], "author": "A. Writer",
                                     "published": "2026-05-04" if article_id != "beta" else "2026-05-05",
                                     "url": f"https://example.org/{article_id}",
                                     "text_file": f"texts/{article_id}.txt", "rights": "Invented for the tests."})
    for sid, aid, actor, quote, para, form, cue, (topic, stance, hedged, basis) in STATEMENTS:
        if aid != article_id:
            continue
        start = text.index(quote)
        append_rows(folder, "statements", {"statement_id": sid, "article_id": aid, "actor_id": actor, "quote": quote,
                                           "start": str(start), "end": str(start + len(quote)),
                                           "paragraph": str(para), "form": form, "cue": cue})
        append_rows(folder, "positions", {"statement_id": sid, "topic_id": topic, "holder_id": actor,
                                          "stance": stance, "hedged": hedged, "basis": basis,
                                          "note": "Invented for the tests."})


def build(target: Path, ids: tuple[str, ...]) -> Path:
    folder = empty_folder(target)
    append_rows(folder, "actors", {"actor_id": "ana_berg", "name": "Ana Berg", "kind": "person", "role": "the mayor"},
                {"actor_id": "tom_ek", "name": "Tom Ek", "kind": "person"},
                {"actor_id": "ola_lind", "name": "Ola Lind", "kind": "person"},
                {"actor_id": "council", "name": "The council", "kind": "organization"})
    append_rows(folder, "aliases", {"actor_id": "ana_berg", "alias": "Ana Berg"},
                {"actor_id": "ana_berg", "alias": "Berg"}, {"actor_id": "tom_ek", "alias": "Tom Ek"},
                {"actor_id": "ola_lind", "alias": "Ola Lind"}, {"actor_id": "council", "alias": "council"})
    append_rows(folder, "topics", {"topic_id": "winter_ferry", "label": "Winter ferry",
                                   "question": "Should the ferry run in winter?"},
                {"topic_id": "budget", "label": "Budget", "question": "Should the budget grow?"})
    for article_id in ids:
        add_article(folder, article_id)
    return folder


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return build(tmp_path_factory.mktemp("compare") / "data", ("alpha", "beta", "gamma"))


@pytest.fixture(scope="module")
def corpus(folder):
    return nc.load_corpus(folder)


@pytest.fixture(scope="module")
def two(corpus):
    return cmp.articles(corpus, ["alpha", "beta"])


def test_the_folder_is_valid_and_as_written(folder):
    assert nc.data.problems(folder) == ["ok: 3 articles, 8 statements"]


# --- Choosing the articles ------------------------------------------------------------------------

def test_articles_from_a_corpus_an_article_or_a_list(corpus, two):
    assert [a.article_id for a in cmp.articles(corpus)] == ["alpha", "beta", "gamma"]
    assert [a.article_id for a in cmp.articles(corpus, ["beta", "alpha"])] == ["beta", "alpha"]
    assert [a.article_id for a in cmp.articles(two[0])] == ["alpha"]
    assert cmp.articles(two) == two
    with pytest.raises(KeyError, match="no article 'delta'"):
        cmp.articles(corpus, ["delta"])
    with pytest.raises(TypeError):
        cmp.articles(two, ["alpha"])
    with pytest.raises(TypeError):
        cmp.articles("alpha")


def test_pair_is_the_lessons_article_and_the_first_other(folder, corpus, monkeypatch, tmp_path):
    monkeypatch.delenv("NEWSCLAIMS_ARTICLE", raising=False)
    assert [a.article_id for a in cmp.pair(corpus)] == ["alpha", "beta"]
    monkeypatch.setenv("NEWSCLAIMS_ARTICLE", "beta")
    assert [a.article_id for a in cmp.pair(data_dir=folder)] == ["beta", "alpha"]
    monkeypatch.setenv("NEWSCLAIMS_ARTICLE", "gamma")
    assert [a.article_id for a in cmp.pair(corpus)] == ["gamma", "alpha"]
    monkeypatch.delenv("NEWSCLAIMS_ARTICLE")
    single = build(tmp_path / "data", ("beta",))
    assert [a.article_id for a in cmp.pair(data_dir=single)] == ["beta"]


def test_labels_add_the_id_only_where_two_articles_share_an_outlet(corpus, two):
    assert cmp.labels(two) == {"alpha": "Alpha News", "beta": "Beta Radio"}
    assert cmp.labels(corpus) == {"alpha": "Alpha News (alpha)", "beta": "Beta Radio", "gamma": "Alpha News (gamma)"}


# --- The tables, against counts made by hand -------------------------------------------------------

def test_overview(corpus):
    table = cmp.overview(corpus).set_index("article_id")
    counts = ["paragraphs", "speakers", "statements", "positions", "topics"]
    assert table.loc["alpha", counts].tolist() == [3, 3, 5, 5, 2]
    assert table.loc["beta", counts].tolist() == [2, 3, 3, 3, 1]
    assert table.loc["gamma", ["statements", "positions", "coded"]].tolist() == [0, 0, "no statements coded yet"]
    assert table.loc["alpha", "coded"] == "statements and positions"


def test_who_gets_a_voice_per_speaker(two):
    table = cmp.speakers(two)
    alpha = table[table["article_id"] == "alpha"]
    assert alpha[["actor_id", "statements"]].values.tolist() == [["ana_berg", 2], ["council", 2], ["tom_ek", 1]]
    assert alpha["share"].tolist() == pytest.approx([2 / 5, 2 / 5, 1 / 5])
    # quoted words: "The ferry must run all winter," 6 + "We will find the money," 5; "cost too much" 3
    assert dict(zip(alpha["actor_id"], alpha["quoted_words"])) == {"ana_berg": 11, "council": 0, "tom_ek": 3}
    assert set(table.loc[table["in_all"], "actor_id"]) == {"ana_berg", "council"}
    assert table.loc[table["actor_id"] == "council", "kind"].astype(str).unique().tolist() == ["organization"]


def test_who_gets_a_voice_per_kind(two):
    table = cmp.speaker_kinds(two)
    rows = table[["article_id", "kind", "speakers", "statements"]].astype({"kind": str}).values.tolist()
    assert rows == [["alpha", "person", 2, 3], ["alpha", "organization", 1, 2],
                    ["beta", "person", 2, 2], ["beta", "organization", 1, 1]]
    assert table["share"].tolist() == pytest.approx([3 / 5, 2 / 5, 2 / 3, 1 / 3])
    assert table.loc[0, "names"] == "Ana Berg;Tom Ek"


def test_direct_quotes_against_paraphrase_per_outlet(two, corpus):
    table = cmp.forms(two)
    got = {(r.outlet, r.form): (r.statements, r.quoted_words) for r in table.itertuples()}
    assert got == {("Alpha News", "direct"): (2, 11), ("Alpha News", "partial"): (1, 3),
                   ("Alpha News", "paraphrase"): (2, 0), ("Beta Radio", "direct"): (1, 3),
                   ("Beta Radio", "partial"): (0, 0), ("Beta Radio", "paraphrase"): (2, 0)}
    assert table["share"].tolist() == pytest.approx([2 / 5, 1 / 5, 2 / 5, 1 / 3, 0, 2 / 3])
    # gamma, of the same outlet as alpha, adds no statements; per article it has no rows
    whole = cmp.forms(corpus)
    assert whole.loc[whole["outlet"] == "Alpha News", "articles"].unique().tolist() == ["alpha;gamma"]
    assert set(cmp.forms(corpus, by="article")["outlet"]) == {"Alpha News (alpha)", "Beta Radio"}
    with pytest.raises(ValueError, match="by must be"):
        cmp.forms(two, by="paper")


def test_whose_stances_on_which_topics(two):
    table = cmp.stances(two)
    got = {(r.article_id, r.who, r.topic_id): (str(r.stance), r.hedged, r.in_all) for r in table.itertuples()}
    assert got == {
        ("alpha", "ana_berg", "budget"): ("support", True, False),
        ("alpha", "ana_berg", "winter_ferry"): ("support", False, True),
        ("alpha", "council", "budget"): ("oppose", False, False),
        ("alpha", "council", "winter_ferry"): ("support", False, True),
        ("alpha", "tom_ek", "winter_ferry"): ("oppose", True, False),
        ("beta", "ana_berg", "winter_ferry"): ("support", False, True),
        ("beta", "council", "winter_ferry"): ("support", False, True),
        ("beta", "ola_lind", "winter_ferry"): ("oppose", False, False),
    }


def test_congruence_ties_side_by_side(two):
    table = cmp.congruence_ties(two)
    assert table[["article_id", "a", "b", "weight", "hedged", "topics", "in_all"]].values.tolist() == [
        ["alpha", "ana_berg", "council", 1, False, "winter_ferry", True],
        ["beta", "ana_berg", "council", 1, False, "winter_ferry", True]]


# --- Notices, figures and checks ----------------------------------------------------------------------

def test_notices_say_what_the_counts_say(two):
    assert "Alpha News, 04 May 2026: 5 statements by 3 speakers, 5 positions on 2 topics." in \
        cmp.notice("overview", two)
    assert "published 1 day apart" in cmp.notice("overview", two)
    voices = cmp.notice("voices", two)
    assert "In Alpha News, people make the most statements: 60% (3 of 5), from 2 speakers." in voices
    assert "Speaking in every article: Ana Berg and The council." in voices
    forms = cmp.notice("forms", two)
    assert "Alpha News gives 40% (2 of 5) of its statements as whole quotations and paraphrases 40% (2 of 5)." in forms
    assert "Beta Radio paraphrases most" in forms
    stances = cmp.notice("stances", two, level="holder")
    assert "Alpha News reports the stances of 3 holders on 2 topics; Ana Berg takes one on the most (2)." in stances
    assert "Topics in every article: Winter ferry." in stances
    assert "(2 pairs), the stance is the same in 2." in stances
    assert "Tied in every article: Ana Berg–The council." in cmp.notice("congruence", two)
    assert all(cmp.notice(w, two).startswith("Notice: ") for w in ("overview", "voices", "forms", "stances",
                                                                    "congruence"))
    with pytest.raises(ValueError, match="what must be one of"):
        cmp.notice("quotes", two)


def test_with_one_article_a_notice_says_there_is_nothing_to_compare(two):
    assert cmp.NOTHING_TO_COMPARE in cmp.notice("forms", two[:1])
    assert cmp.NOTHING_TO_COMPARE not in cmp.notice("forms", two)
    # nothing is "in every article" when there is one: the tables mark no row
    for table in (cmp.speakers, cmp.stances, cmp.congruence_ties):
        assert len(table(two[:1])) and not table(two[:1])["in_all"].any(), table.__name__


def test_an_article_with_nothing_coded_is_named_as_not_coded_yet(corpus):
    arts = cmp.articles(corpus, ["alpha", "gamma"])
    for what in ("overview", "voices", "forms", "stances", "congruence"):
        assert "Alpha News (gamma) has no statements coded yet." in cmp.notice(what, arts), what
    assert cmp.speakers(arts)["article_id"].unique().tolist() == ["alpha"]
    assert cmp.stances(arts)["in_all"].sum() == 0  # gamma reports no stance, so none is in every article
    for chart in (cmp.speaker_kinds_chart, cmp.forms_chart, cmp.stances_chart, cmp.congruence_charts):
        fig = chart(arts)
        text = fig.layout.title.text + " ".join(a.text for a in fig.layout.annotations)
        assert "no statements coded yet" in text.lower(), chart.__name__


def test_figures_draw_one_panel_per_article_with_the_data(two):
    kinds = cmp.speaker_kinds_chart(two)
    bars = [(t.xaxis, t.y[0], round(t.x[0])) for t in kinds.data]
    assert sorted(bars) == sorted([("x", "organization", 40), ("x", "person", 60),
                                   ("x2", "organization", 33), ("x2", "person", 67)])
    assert kinds.layout.title.text.replace("<br>", " ").startswith(
        "Who makes the most statements: people in Alpha News (3 of 5) and people in Beta Radio (2 of 3)")
    forms = cmp.forms_chart(two)
    direct = next(t for t in forms.data if t.name == "direct")
    assert list(direct.y) == ["Beta Radio", "Alpha News"] and [round(x) for x in direct.x] == [33, 40]
    stances = cmp.stances_chart(two)
    assert {t.yaxis for t in stances.data} == {"y", "y2"}
    assert sum(len(t.x) for t in stances.data) == 8
    networks = cmp.congruence_charts(two)
    assert networks.layout.title.text.replace("<br>", " ").startswith("Tied in every article: Ana Berg–The council")
    assert {t.xaxis for t in networks.data} == {"x", "x2"}
    assert [a.text for a in networks.layout.annotations][:2] == ["Alpha News: Ana Berg and The council agree most (1)",
                                                                 "Beta Radio: Ana Berg and The council agree most (1)"]


def test_figures_escape_text_from_the_data(two):
    import dataclasses

    alpha = dataclasses.replace(two[0], meta={**two[0].meta, "outlet": "<b>Alpha</b>"},
                                actors=two[0].actors.assign(name=two[0].actors["name"].str.replace(
                                    "Ana Berg", "Ana <i>Berg</i>")))
    for chart in (cmp.speaker_kinds_chart, cmp.forms_chart, cmp.stances_chart, cmp.congruence_charts):
        fig = chart([alpha, two[1]])
        shown = " ".join(strings_in(fig.to_dict()))
        assert "<b>Alpha</b>" not in shown and "<i>Berg</i>" not in shown, chart.__name__
        assert "&lt;b&gt;Alpha&lt;/b&gt;" in shown, chart.__name__


def test_checks_work_out_the_answers_from_the_articles(two):
    assert cmp.check("8.1", ["Ana Berg", "the council"], two).right is True
    wrong = cmp.check("8.1", ["Ana Berg"], two)
    assert wrong.right is False and "missing: The council" in wrong.message
    assert cmp.check("8.2", "Alpha News", two).right is True  # 3 of 5 statements quote words, against 1 of 3
    assert cmp.check("8.2", "beta", two).right is False
    assert cmp.check("8.3", "Winter ferry", two).right is True
    assert cmp.check("8.3", ["winter_ferry", "budget"], two).right is False
    assert cmp.check("8.1", ..., two).right is None
    with pytest.raises(KeyError):
        cmp.check("8.9", [], two)


def test_checks_say_when_there_is_nothing_to_compare(two, corpus):
    alone = cmp.check("8.1", ["Ana Berg"], two[:1])
    assert alone.right is None and cmp.NOTHING_TO_COMPARE in alone.message
    blank = cmp.check("8.3", ["Winter ferry"], cmp.articles(corpus, ["alpha", "gamma"]))
    assert blank.right is None and "no statements coded yet" in blank.message


def test_quoted_share(two):
    assert cmp.quoted_share(two[0]) == pytest.approx(3 / 5)
    assert cmp.quoted_share(two[1]) == pytest.approx(1 / 3)


def test_figures_are_figures(two):
    for chart in (cmp.speaker_kinds_chart, cmp.forms_chart, cmp.stances_chart, cmp.congruence_charts):
        assert isinstance(chart(two), go.Figure)


# --- Lesson 08, executed on a folder of one article and on one of two ---------------------------------

LESSON = Path(__file__).resolve().parents[1] / "notebooks" / "08_two_articles.ipynb"
# The exercises' skeletons, answered as counted by hand above (8.2: 3 of 5 statements quote words, 1 of 3)
ANSWERS = {"answer_8_1 = ...": 'answer_8_1 = ["Ana Berg", "the council"]',
           "answer_8_2 = ...": 'answer_8_2 = "Alpha News"',
           "answer_8_3 = ...": 'answer_8_3 = ["Winter ferry"]'}


def run_lesson(folder: Path, here: Path, answers: bool) -> str:
    """The lesson executed on a data folder, from a working directory of its own: its outputs as one text."""
    import json

    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(LESSON, as_version=4)
    if answers:
        for cell in nb.cells:
            for skeleton, answer in ANSWERS.items():
                cell.source = cell.source.replace(skeleton, answer)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NEWSCLAIMS_DATA", str(folder))
        patch.delenv("NEWSCLAIMS_ARTICLE", raising=False)
        NotebookClient(nb, timeout=180, kernel_name="python3", resources={"metadata": {"path": str(here)}}).execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    return json.dumps(outputs)


def test_the_lesson_compares_two_articles_and_checks_the_answers(tmp_path):
    two = build(tmp_path / "data", ("alpha", "beta"))
    (tmp_path / "here").mkdir()
    shown = run_lesson(two, tmp_path / "here", answers=True)
    assert "Comparing Alpha News and Beta Radio" in shown
    assert "Tied in every article: Ana Berg\\u2013The council." in shown
    assert "Beta Radio paraphrases most" in shown
    for exercise in ("8.1", "8.2", "8.3"):
        assert f"Exercise {exercise}: \\u2713 Right." in shown, exercise
    assert cmp.NOTHING_TO_COMPARE not in shown


def test_the_lesson_says_plainly_when_the_folder_holds_one_article(tmp_path):
    one = build(tmp_path / "data", ("alpha",))
    (tmp_path / "here").mkdir()
    shown = run_lesson(one, tmp_path / "here", answers=True)
    assert shown.count(cmp.NOTHING_TO_COMPARE) >= 1 + 5 + 3  # the first cell, each notice, each check
    assert "Right." not in shown
