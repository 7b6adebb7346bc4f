"""Figures as objects: traces, labels, titles that state the finding, hover text with the quote."""

from __future__ import annotations

import plotly.graph_objects as go
import pytest

import newsclaims as nc
from newsclaims import charts
from newsclaims.palette import FORM, STANCE

from conftest import DANGEROUS, strings_in


@pytest.fixture(scope="module")
def art() -> nc.Article:
    return nc.load_article()


def title_of(fig: go.Figure) -> str:
    """The title's first part (the finding), without line breaks or the subtitle."""
    return fig.layout.title.text.split("<sup>")[0].replace("<br>", " ").strip()


def quote_of(art, statement_id: str) -> str:
    return art.statements.set_index("statement_id").loc[statement_id, "quote"]


ALL = {
    "mentions_vs_statements": lambda a: charts.mentions_vs_statements(a),
    "voice_share_actor": lambda a: charts.voice_share_chart(a),
    "voice_share_side": lambda a: charts.voice_share_chart(a, by="side"),
    "actor_kinds": lambda a: charts.actor_kinds_chart(a),
    "forms_by_actor": lambda a: charts.forms_by_actor(a),
    "cues": lambda a: charts.cues_chart(a),
    "timeline": lambda a: charts.timeline(a),
    "stance_heatmap": lambda a: charts.stance_heatmap(a),
    "alignment": lambda a: charts.alignment_chart(a),
    "affiliation": lambda a: charts.affiliation_chart(a),
    "congruence": lambda a: charts.congruence_chart(a),
    "conflict": lambda a: charts.conflict_chart(a),
}
NETWORKS = {"affiliation", "congruence", "conflict"}


@pytest.mark.parametrize("name", ALL)
def test_every_figure_has_title_axes_and_quotes_in_hover(art, name):
    fig = ALL[name](art)
    assert isinstance(fig, go.Figure) and fig.data
    assert fig.layout.title.text
    if name not in NETWORKS:
        assert fig.layout.xaxis.title.text or fig.layout.yaxis.title.text
    hover = " ".join(strings_in(fig.to_plotly_json()["data"]))
    # at least one statement's quote (escaped, possibly cut short) is in the hover text
    quotes = [charts.esc(q)[:40] for q in art.statements["quote"]]
    assert any(q in hover for q in quotes), name


def test_mentions_vs_statements(art):
    fig = charts.mentions_vs_statements(art)
    # every speaker is shown, however rarely named
    assert set(fig.data[1].y) >= {"David Sacks", "Yu Bin", "experts", "State Department readout"}
    assert title_of(fig) == "China is named most (20 times), but Wang Yi makes the most statements (6)"
    mentions, statements = fig.data
    rows = dict(zip(statements.y, statements.x))
    assert rows["Wang Yi"] == 6 and dict(zip(mentions.y, mentions.x))["China"] == 20
    wang = statements.customdata[list(statements.y).index("Wang Yi")]
    assert charts.esc(charts.short(quote_of(art, "cnn22_s17"))) in wang


def test_forms_use_the_palette(art):
    fig = charts.forms_by_actor(art)
    assert {t.name: t.marker.color for t in fig.data} == FORM
    direct = next(t for t in fig.data if t.name == "direct")
    assert dict(zip(direct.y, direct.x))["Wang Yi"] == 4
    assert title_of(fig).startswith("Only 12 of 37 statements are whole quotations")


def test_timeline_marks_resolved_dates(art):
    fig = charts.timeline(art)
    names = [t.name for t in fig.data]
    assert "statements, date resolved" in names and "event, date inferred" in names
    resolved = next(t for t in fig.data if t.name == "statements, date resolved")
    assert resolved.marker.symbol == "circle-open"
    wang = [c for y, c in zip(resolved.y, resolved.customdata) if y == "Wang Yi: statements"]
    assert any("On Monday night in the US" in c[1] for c in wang)
    assert "Minsk" in fig.layout.title.text  # the left-out 2014 and 2015 accords are named
    everything = charts.timeline(art, since=None)
    assert sum(len(t.x) for t in everything.data) == sum(len(t.x) for t in fig.data) + 2


def test_stance_heatmap(art):
    fig = charts.stance_heatmap(art)
    cells = {(c[0], c[1]): t.name for t in fig.data for c in t.customdata}
    assert cells[("china", "nato_enlargement")] == "oppose"
    assert cells[("china", "condemn_russia")] == "neutral (hedged)"
    assert cells[("china", "china_russia_alignment")] == "mixed"
    hedged = next(t for t in fig.data if t.name == "neutral (hedged)")
    assert hedged.marker.symbol == "square-open" and hedged.marker.color == STANCE["neutral"]
    assert title_of(fig) == "China takes a position on 10 of 11 topics"


def test_alignment_chart_answers_the_articles_question(art):
    fig = charts.alignment_chart(art)
    assert title_of(fig) == ("On the 2 topics that divide United States and Russia, China matches "
                             "United States on 1, Russia on 0, neither on 1")
    neither = next(t for t in fig.data if t.name == "matches neither (hedged)")
    assert list(neither.y) == ["China"] and list(neither.x) == ["Condemning Russia"]
    assert neither.marker.symbol == "square-open"  # "stopped short of condemning" is hedged
    firm = next(t for t in fig.data if t.name == "matches United States")
    assert "United States" in firm.y and firm.marker.symbol == "square"


def test_network_edges_carry_the_evidence(art):
    fig = charts.conflict_chart(art)
    ties = next(t for t in fig.data if t.name == "ties")
    russia_us = next(c for c in ties.customdata if c.startswith("Russia – United States"))
    assert "condemn_russia, sovereignty" in russia_us
    affiliation = charts.affiliation_chart(art)
    ties = next(t for t in affiliation.data if t.name == "ties")
    nato = next(c for c in ties.customdata if c.startswith("China – NATO enlargement"))
    assert charts.esc(quote_of(art, "cnn22_s24"))[:40] in nato


def test_figures_escape_html_from_the_data(doctored):
    for name, make in ALL.items():
        strings = strings_in(make(doctored).to_plotly_json())  # titles, labels, legends and hover text
        assert not any(raw in s for s in strings for raw in ("<script", "<img", "<b>friends", "<b>Federation")), name
    legend = [t.name for t in charts.alignment_chart(doctored).data]
    assert "matches Russia &lt;b&gt;Federation&lt;/b&gt;" in legend
    hover = " ".join(strings_in(charts.forms_by_actor(doctored).to_plotly_json()))
    assert "&lt;img src=x onerror=1&gt;" in hover and "Wang &lt;script&gt;" in hover
    labels = " ".join(strings_in(charts.stance_heatmap(doctored).to_plotly_json()))
    assert "NATO &amp; &lt;b&gt;friends&lt;/b&gt;" in labels
    assert DANGEROUS["label"] not in labels


def test_charts_never_show(monkeypatch, art):
    monkeypatch.setattr(go.Figure, "show", lambda *a, **k: pytest.fail("a chart called show()"))
    for make in ALL.values():
        make(art)
