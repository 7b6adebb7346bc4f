"""Empty is valid: every public function works on an article with little or nothing coded.

The functions are found by enumerating the modules, so a new public function fails
here until it is called below (or skipped, with the reason). Each is called on four
articles from ``sparse_data``:

- ``blank``: just added by ``new-article``; no actor, statement, position or event;
- ``silent``: actors named in the text, but nothing coded;
- ``mini``: two statements, no positions or events;
- ``solo``: a single actor, with one statement, one position and one event.

A table keeps its columns and types (those it has for the seed article); a figure,
widget or page says what is not coded yet; a network has no edges.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from pathlib import Path
from typing import Any

import ipywidgets as w
import networkx as nx
import pandas as pd
import plotly.graph_objects as go
import pytest

import newsclaims as nc
from newsclaims import analysis as an
from newsclaims import charts, checks, compare, export, extract, lessons, reliability, sources, text, widgets
from newsclaims import frame as fr
from newsclaims.data import article_from

from conftest import seed_article

MODULES = (an, charts, widgets, text, export, extract, checks, reliability, fr, compare, sources, lessons)
CASES = ("blank", "silent", "mini", "solo")


def public_functions() -> list[str]:
    """``module.function`` for every public function defined in the modules."""
    return sorted(f"{m.__name__.rsplit('.', 1)[1]}.{name}" for m in MODULES for name, obj in vars(m).items()
                  if inspect.isfunction(obj) and obj.__module__ == m.__name__ and not name.startswith("_"))


SKIP = {
    "analysis.quoted_words": "counts the words of one quote; takes no article",
    "charts.use_json_renderer": "chooses plotly's renderer; takes no article",
    "charts.esc": "escapes one value; takes no article",
    "charts.short": "cuts one quote; takes no article",
    "charts.wrap": "wraps one line of text; takes no article",
    "charts.nothing_coded": "draws the message itself; every chart below shows it when its table is empty",
    "text.esc": "escapes one value; takes no article",
    "text.overlap": "compares two spans; takes no article",
    "text.plural": "words one count; takes no article",
    "text.joined": "joins a few words into a sentence; takes no article",
    "reliability.cohen_kappa": "takes two lists of answers; kappa of no answers is undefined and an error "
                               "by design (agreement() reports it as NaN)",
    "reliability.missing": "marks the missing answers in one column; takes no article",
    "extract.find_names": "finds the names in one text; takes no article (extract_statements calls it with none)",
    "extract.junk_share": "measures one list of names; takes no article",
    "extract.evaluate_corpus": "measures a data folder's half given in its split.csv; takes no article",
    "compare.pair": "chooses two articles of a data folder; takes no article (tests/test_compare.py runs it on "
                    "folders of one and of three articles)",
    "sources.comparable": "looks at one passage; takes no article",
    "lessons.lesson_sections": "reads the lessons' notebooks; takes no article",
    "lessons.lesson_times": "reads the lessons' notebooks; takes no article",
    "lessons.listed": "words one count; takes no article",
}


def _reference(art):
    return reliability.reference_coding(art)


def _student(art):
    return _reference(art).drop_duplicates("statement_id").reset_index(drop=True)


def _rows(art):
    return art.statements.to_dict("records")


Call = Callable[[nc.Article, Path], Any]
# Each function's calls on an article: several when an argument chooses another path through it.
CALLS: dict[str, list[Call]] = {
    "analysis.names": [lambda art, tmp: an.names(art)],
    "analysis.speaks_for": [lambda art, tmp: an.speaks_for(art.actors)],
    "analysis.mention_counts": [lambda art, tmp: an.mention_counts(art)],
    "analysis.voice_share": [lambda art, tmp: an.voice_share(art), lambda art, tmp: an.voice_share(art, "holder")],
    "analysis.quotes": [lambda art, tmp: an.quotes(art)],
    "analysis.positions_table": [lambda art, tmp: an.positions_table(art),
                                 lambda art, tmp: an.positions_table(art, "holder")],
    "analysis.stance_matrix": [lambda art, tmp: an.stance_matrix(art),
                               lambda art, tmp: an.stance_matrix(art, "holder")],
    "analysis.stance_order": [lambda art, tmp: an.stance_order(an.stance_matrix(art))],
    "analysis.alignment": [lambda art, tmp: an.alignment(art)],
    "analysis.pole_name": [lambda art, tmp: an.pole_name(art, ("united_states",))],
    "analysis.affiliation_network": [lambda art, tmp: an.affiliation_network(art)],
    "analysis.congruence_network": [lambda art, tmp: an.congruence_network(art)],
    "analysis.conflict_network": [lambda art, tmp: an.conflict_network(art)],
    "analysis.attribution_chains": [lambda art, tmp: an.attribution_chains(art)],
    "charts.quotes_hover": [lambda art, tmp: charts.quotes_hover(art.statements["quote"].tolist())],
    "charts.mentions_vs_statements": [lambda art, tmp: charts.mentions_vs_statements(art)],
    "charts.voice_share_chart": [lambda art, tmp: charts.voice_share_chart(art),
                                 lambda art, tmp: charts.voice_share_chart(art, "holder")],
    "charts.actor_kinds_chart": [lambda art, tmp: charts.actor_kinds_chart(art)],
    "charts.forms_by_actor": [lambda art, tmp: charts.forms_by_actor(art)],
    "charts.cues_chart": [lambda art, tmp: charts.cues_chart(art)],
    "charts.timeline": [lambda art, tmp: charts.timeline(art), lambda art, tmp: charts.timeline(art, since=None)],
    "charts.stance_heatmap": [lambda art, tmp: charts.stance_heatmap(art)],
    "charts.alignment_chart": [lambda art, tmp: charts.alignment_chart(art)],
    "charts.network_chart": [lambda art, tmp: charts.network_chart(an.conflict_network(art), "Conflict")],
    "charts.affiliation_chart": [lambda art, tmp: charts.affiliation_chart(art)],
    "charts.congruence_chart": [lambda art, tmp: charts.congruence_chart(art)],
    "charts.conflict_chart": [lambda art, tmp: charts.conflict_chart(art)],
    "widgets.credit_html": [lambda art, tmp: widgets.credit_html(art)],
    "widgets.legend_html": [lambda art, tmp: widgets.legend_html()],
    "widgets.statement_marks": [lambda art, tmp: widgets.statement_marks(art, art.statements)],
    "widgets.mention_marks": [lambda art, tmp: widgets.mention_marks(art, art.mentions)],
    "widgets.paragraph_html": [lambda art, tmp: [widgets.paragraph_html(art, p, [])
                                                 for p in art.paragraphs["paragraph"]]],
    "widgets.reader_html": [lambda art, tmp: widgets.reader_html(art)],
    "widgets.reader": [lambda art, tmp: widgets.reader(art)],
    "widgets.statement_in_context_html": [lambda art, tmp: [widgets.statement_in_context_html(art, r)
                                                            for r in _rows(art)]],
    "widgets.actor_card_html": [lambda art, tmp: [widgets.actor_card_html(art, a) for a in art.actors["actor_id"]]],
    "widgets.actor_explorer": [lambda art, tmp: widgets.actor_explorer(art)],
    "widgets.select_statements": [lambda art, tmp: widgets.select_statements(art)],
    "widgets.statements_html": [lambda art, tmp: widgets.statements_html(art)],
    "widgets.statement_explorer": [lambda art, tmp: widgets.statement_explorer(art)],
    "widgets.evidence_html": [lambda art, tmp: [widgets.evidence_html(art, r.who, r.topic_id)
                                                for r in an.stance_matrix(art).itertuples()]],
    "widgets.stance_grid": [lambda art, tmp: widgets.stance_grid(art)],
    "widgets.stance_explorer": [lambda art, tmp: widgets.stance_explorer(art)],
    "widgets.topic_html": [lambda art, tmp: [widgets.topic_html(art, t) for t in art.topics["topic_id"]]],
    "widgets.topic_explorer": [lambda art, tmp: widgets.topic_explorer(art)],
    "text.paragraph_spans": [lambda art, tmp: text.paragraph_spans(art.text)],
    "text.paragraphs": [lambda art, tmp: text.paragraphs(art.text)],
    "text.alias_pattern": [lambda art, tmp: text.alias_pattern(art.mentions)],
    "text.find_mentions": [lambda art, tmp: text.find_mentions(art.text, art.mentions[["actor_id", "alias"]])],
    "text.statement_tooltip": [lambda art, tmp: [text.statement_tooltip(r, an.names(art)) for r in _rows(art)]],
    "text.highlight": [lambda art, tmp: text.highlight(art.text, 0, len(art.text),
                                                       widgets.statement_marks(art, art.statements))],
    "export.to_graphml": [lambda art, tmp, network=network: nx.read_graphml(
        export.to_graphml(art, tmp / f"{network}.graphml", network=network)) for network in export.NETWORKS],
    "export.dna_table": [lambda art, tmp: export.dna_table(art)],
    "export.safe_for_spreadsheets": [lambda art, tmp: export.safe_for_spreadsheets(export.dna_table(art))],
    "export.to_dna_csv": [lambda art, tmp: pd.read_csv(export.to_dna_csv(art, tmp / "dna.csv"), dtype=str,
                                                       keep_default_na=False)],
    "extract.extract_statements": [lambda art, tmp: extract.extract_statements(art.text, art.actors)],
    "extract.extract_from": [lambda art, tmp: extract.extract_from(art)],
    "extract.evaluate": [lambda art, tmp: extract.evaluate(extract.extract_from(art), art.statements)],
    "extract.errors": [lambda art, tmp: extract.errors(extract.extract_from(art), art.statements)],
    "checks.check": [lambda art, tmp: [checks.check(exercise, 0, art) for exercise in checks.CHECKS]],
    "reliability.reference_coding": [lambda art, tmp: _reference(art)],
    "reliability.align": [lambda art, tmp: reliability.align(_student(art), _reference(art))],
    "reliability.agreement": [lambda art, tmp: reliability.agreement(_student(art), _reference(art))],
    "reliability.class_agreement": [lambda art, tmp: reliability.class_agreement(
        {"a": _student(art), "b": _student(art)})],
    "reliability.example_coding": [lambda art, tmp: reliability.example_coding(art)],
    "reliability.change_answers": [lambda art, tmp: reliability.change_answers(_student(art), "form", [0, 4], "x")],
    "charts.confusion_chart": [lambda art, tmp: charts.confusion_chart(_student(art), _reference(art), "form")],
    "frame.coded": [lambda art, tmp: fr.coded(art)],
    "frame.frame_actors": [lambda art, tmp: fr.frame_actors(art)],
    "frame.frame_topics": [lambda art, tmp: fr.frame_topics(art)],
    "frame.text_voices": [lambda art, tmp: fr.text_voices(art), lambda art, tmp: fr.text_voices(art, "paragraph")],
    "frame.labels_table": [lambda art, tmp: fr.labels_table(art)],
    "frame.labels_by_actor": [lambda art, tmp: fr.labels_by_actor(art)],
    "frame.sources_table": [lambda art, tmp: fr.sources_table(art)],
    "frame.named_sources": [lambda art, tmp: fr.named_sources(art)],
    "frame.source_types": [lambda art, tmp: fr.source_types(art)],
    "frame.gender_table": [lambda art, tmp: fr.gender_table(art)],
    "frame.gender_counts": [lambda art, tmp: fr.gender_counts(art)],
    "frame.finding": [lambda art, tmp, what=what: fr.finding(art, what) for what in fr.FINDINGS],
    "frame.frame_chart": [lambda art, tmp: fr.frame_chart(art), lambda art, tmp: fr.frame_chart(art, "topics")],
    "frame.text_voices_chart": [lambda art, tmp: fr.text_voices_chart(art)],
    "frame.labels_chart": [lambda art, tmp: fr.labels_chart(art)],
    "frame.named_chart": [lambda art, tmp: fr.named_chart(art)],
    "frame.source_types_chart": [lambda art, tmp: fr.source_types_chart(art)],
    "frame.gender_chart": [lambda art, tmp: fr.gender_chart(art)],
    # compare: the article alone, and beside the seed article (the lesson's comparison with one article uncoded)
    "compare.articles": [lambda art, tmp: compare.articles([art])],
    "compare.labels": [lambda art, tmp: compare.labels([art])],
    "compare.overview": [lambda art, tmp: compare.overview([art])],
    "compare.speakers": [lambda art, tmp: compare.speakers([art])],
    "compare.speaker_kinds": [lambda art, tmp: compare.speaker_kinds([art])],
    "compare.forms": [lambda art, tmp: compare.forms([art]), lambda art, tmp: compare.forms([art], by="article")],
    "compare.stances": [lambda art, tmp: compare.stances([art]),
                        lambda art, tmp: compare.stances([art], level="holder")],
    "compare.congruence_ties": [lambda art, tmp: compare.congruence_ties([art])],
    "compare.quoted_share": [lambda art, tmp: compare.quoted_share(art)],
    "compare.notice": [lambda art, tmp, what=what: compare.notice(what, [art]) for what in
                       ("overview", "voices", "forms", "stances", "congruence")]
    + [lambda art, tmp, what=what: compare.notice(what, [seed_article(), art]) for what in
       ("overview", "voices", "forms", "stances", "congruence")],
    "compare.check": [lambda art, tmp: [compare.check(exercise, 0, [art]) for exercise in compare.CHECKS],
                      lambda art, tmp: [compare.check(exercise, 0, [seed_article(), art])
                                        for exercise in compare.CHECKS]],
    "compare.speaker_kinds_chart": [lambda art, tmp: compare.speaker_kinds_chart([art])],
    "compare.forms_chart": [lambda art, tmp: compare.forms_chart([art])],
    "compare.stances_chart": [lambda art, tmp: compare.stances_chart([art])],
    "compare.congruence_charts": [lambda art, tmp: compare.congruence_charts([art])],
    "sources.statement_sources": [lambda art, tmp: sources.statement_sources(art)],
    "sources.fidelity_table": [lambda art, tmp, by=by: sources.fidelity_table(art, by)
                               for by in ("speaker", "form", "kind")],
    "sources.date_checks": [lambda art, tmp: sources.date_checks(art)],
    "sources.source_summary": [lambda art, tmp: sources.source_summary(art)],
    "sources.fidelity_chart": [lambda art, tmp: sources.fidelity_chart(art)],
    "sources.source_explorer": [lambda art, tmp: sources.source_explorer(art)],
    "sources.source_html": [lambda art, tmp: [sources.source_html(art, s) for s in art.source_passages["statement_id"]]
                            or [sources.source_html(art, "none")]],
    # the article's own statements against their passages (none where nothing is checked)
    "sources.compare_words": [lambda art, tmp: pd.concat(
        [sources.compare_words(r.quote, r.passage) for r in sources.statement_sources(art).itertuples()]
        or [sources.compare_words("", "")], ignore_index=True)],
    "sources.compare_statement": [lambda art, tmp: pd.concat(
        [sources.compare_statement(art, s) for s in art.statements["statement_id"]]
        or [sources.compare_statement(art, "none")], ignore_index=True)],
    "sources.compare_html": [lambda art, tmp: [sources.compare_html(r.quote, r.passage)
                                               for r in sources.statement_sources(art).itertuples()]],
    "sources.quoted_check": [lambda art, tmp: pd.concat(
        [sources.quoted_check(r.quote, r.passage) for r in sources.statement_sources(art).itertuples()]
        or [sources.quoted_check("", "")], ignore_index=True)],
    "lessons.is_seed": [lambda art, tmp: lessons.is_seed(art)],
    "lessons.not_coded": [lambda art, tmp: lessons.not_coded(art, "actors", "statements")],
    "lessons.notice": [lambda art, tmp: lessons.notice(art, f"Notice the {len(art.statements)} statements.",
                                                       seed="A remark on the seed article.", needs="statements")],
    "lessons.poles": [lambda art, tmp: lessons.poles(art)],
}

# What a result needs coded, in order; the first table with no rows is named in a figure's
# title, a widget or a page ("dated" is events, or statements with a date).
NEEDS = {
    "charts.mentions_vs_statements": ("actors", "statements"),
    "charts.voice_share_chart": ("statements",),
    "charts.actor_kinds_chart": ("actors",),
    "charts.forms_by_actor": ("statements",),
    "charts.cues_chart": ("statements",),
    "charts.timeline": ("dated",),
    "charts.stance_heatmap": ("positions",),
    "charts.alignment_chart": ("positions",),
    "charts.affiliation_chart": ("positions",),
    "charts.congruence_chart": ("positions",),
    "charts.conflict_chart": ("positions",),
    "charts.confusion_chart": ("statements",),
    "widgets.reader_html": ("actors",),
    "widgets.reader": ("actors",),
    "widgets.actor_explorer": ("actors",),
    "widgets.statements_html": ("statements",),
    "widgets.statement_explorer": ("statements",),
    "widgets.stance_explorer": ("positions",),
    "widgets.topic_explorer": ("positions",),
    "checks.check": ("statements",),
    "frame.frame_chart": ("frame",),
    "frame.text_voices_chart": ("frame",),
    "frame.labels_chart": ("labels",),
    "frame.named_chart": ("voices",),
    "frame.source_types_chart": ("voices",),
    "frame.gender_chart": ("voices",),
    "frame.finding": ("frame",),
    "compare.notice": ("statements",),
    "compare.check": ("statements",),
    "compare.speaker_kinds_chart": ("statements",),
    "compare.forms_chart": ("statements",),
    "compare.stances_chart": ("positions",),
    "compare.congruence_charts": ("positions",),
    "sources.source_summary": ("source passages",),
    "sources.fidelity_chart": ("source passages",),
    "sources.source_explorer": ("source passages",),
    "sources.source_html": ("source passages",),
    "lessons.not_coded": ("actors", "statements"),
    "lessons.notice": ("statements",),
}
# Tables that have rows even for an article with nothing coded, and why.
ROWS_ANYWAY = {
    "text.paragraphs": "one row per paragraph of the text",
    "extract.extract_statements": "candidates found in the text, not coded ones",
    "extract.extract_from": "candidates found in the text, not coded ones",
    "extract.errors": "the candidates found are false alarms",
    "extract.evaluate": "one row per way of matching spans",
    "reliability.agreement": "one row per field",
    "reliability.class_agreement": "one row per field",
    "frame.coded": "one row per part of the frame coding, saying whether it is coded",
    "compare.overview": "one row per article, coded or not",
}
# Tables built from positions: empty for an article with none.
FROM_POSITIONS = {"analysis.positions_table", "analysis.stance_matrix", "analysis.alignment", "export.dna_table",
                  "export.safe_for_spreadsheets", "export.to_dna_csv", "compare.stances", "compare.congruence_ties"}


@pytest.fixture(scope="module")
def articles(sparse_data) -> dict[str, nc.Article]:
    corpus = nc.load_corpus(sparse_data)
    return {case: article_from(corpus, case) for case in CASES}


@pytest.fixture(scope="module")
def seed_results(art, tmp_path_factory) -> Callable[[str], list[Any]]:
    """The results for the seed article, worked out once per function when first asked for."""
    seed, tmp, done = art, tmp_path_factory.mktemp("seed"), {}

    def results(name: str) -> list[Any]:
        if name not in done:
            done[name] = [call(seed, tmp) for call in CALLS[name]]
        return done[name]
    return results


def missing(art: nc.Article, name: str) -> str | None:
    """The first thing the function needs that the article lacks, in the words its message uses."""
    for need in NEEDS.get(name, ()):
        if need == "dated":
            if art.events.empty and art.statements["said_on"].isna().all():
                return "events or dated statements"
        elif need == "source passages":
            if art.source_passages.empty:
                return need
        elif getattr(art, need).empty:
            return need
    return None


def shown(result: Any) -> str:
    """Everything a figure, widget, page or verdict shows, as one string."""
    if isinstance(result, go.Figure):
        return result.layout.title.text.replace("<br>", " ")
    if isinstance(result, widgets.Explorer):
        return result.static_html()
    if isinstance(result, str):
        return result
    if isinstance(result, list):
        return " ".join(shown(r) for r in result)
    return str(result)


def test_every_public_function_is_called_or_skipped_with_a_reason():
    found = set(public_functions())
    assert not set(CALLS) & set(SKIP)
    assert set(CALLS) | set(SKIP) == found, "write a call for each new public function in CALLS, or a reason in SKIP"
    assert set(NEEDS) | set(ROWS_ANYWAY) | FROM_POSITIONS <= set(CALLS)


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("name", public_functions())
def test_empty_is_valid(name, case, articles, seed_results, tmp_path):
    if name in SKIP:
        pytest.skip(SKIP[name])
    assert name in CALLS, f"{name} is public: call it in CALLS, or say in SKIP why not"
    art = articles[case]
    lacking = missing(art, name)
    for call, seed in zip(CALLS[name], seed_results(name)):
        result = call(art, tmp_path)
        assert type(result) is type(seed) or isinstance(result, type(seed)) or isinstance(seed, type(result)) \
            or result is None and name == "text.alias_pattern", (type(result), type(seed))
        if isinstance(result, pd.DataFrame):
            assert list(result.columns) == list(seed.columns)
            assert result.dtypes.astype(str).to_dict() == seed.dtypes.astype(str).to_dict()
            if case == "blank" and name not in ROWS_ANYWAY:
                assert result.empty
            if name in FROM_POSITIONS and art.positions.empty:
                assert result.empty
        elif isinstance(result, nx.Graph):
            assert result.number_of_edges() == 0 or not art.positions.empty
        elif isinstance(result, go.Figure):
            assert result.layout.title.text
        elif isinstance(result, tuple) and name == "widgets.stance_grid":
            grid, buttons = result
            assert isinstance(grid, w.GridBox) and (buttons or art.positions.empty)
        if lacking:
            message = f"no {lacking} coded yet"
            assert message in shown(result).lower(), f"{name} on {case!r} should say {message!r}"
        elif isinstance(result, go.Figure):
            assert "coded yet" not in shown(result)
