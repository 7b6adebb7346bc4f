"""Figures as objects: traces, labels, titles that state the finding, hover text with the quote."""

from __future__ import annotations

import plotly.graph_objects as go
import pytest

from newsclaims import charts
from newsclaims.palette import FORM, STANCE

from conftest import DANGEROUS, strings_in


def title_of(fig: go.Figure) -> str:
    """The title's first part (the finding), without line breaks or the subtitle."""
    return fig.layout.title.text.split("<span")[0].replace("<br>", " ").strip()


def subtitle_of(fig: go.Figure) -> str:
    """The subtitle's lines, joined, without their markup."""
    import re
    return " ".join(re.findall(r"<span[^>]*>(.*?)</span>", fig.layout.title.text))


def quote_of(art, statement_id: str) -> str:
    return art.statements.set_index("statement_id").loc[statement_id, "quote"]


ALL = {
    "mentions_vs_statements": lambda a: charts.mentions_vs_statements(a),
    "voice_share_actor": lambda a: charts.voice_share_chart(a, level="holder"),
    "voice_share_side": lambda a: charts.voice_share_chart(a, level="side"),
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
    marks = [t for t in fig.data if "markers" in t.mode]
    assert sum(len(t.x) for t in everything.data if "markers" in t.mode) == sum(len(t.x) for t in marks) + 2


def test_timeline_labels_every_row_and_mark(art):
    fig = charts.timeline(art)
    rows = {y for t in fig.data if "markers" in t.mode for y in t.y}
    assert len(rows) == 17  # 8 events and 9 speakers; before, plotly labelled every other row
    axis = fig.layout.yaxis
    assert axis.tickmode == "array" and set(axis.tickvals) == rows == set(axis.categoryarray)
    # top down by date: the Putin–Xi meeting first, von der Leyen's own row on 18 February
    order = list(axis.categoryarray)
    assert axis.autorange == "reversed" and order[0] == "China and Russia release their joint statement"
    assert order.index("Ursula von der Leyen: statements") < order.index("Wang Yi: statements")
    leyen = next(t for t in fig.data if t.name == "statements, date resolved")
    at = list(leyen.y).index("Ursula von der Leyen: statements")
    assert str(leyen.x[at])[:10] == "2022-02-18" and leyen.text[at] == "1"
    # each statement marker says how many statements it stands for
    zhang = list(leyen.y).index("Zhang Jun: statements")
    assert leyen.text[zhang] == "5" and leyen.customdata[zhang][0] == 5
    # the publication date is a mark with a name, in the legend and on hover
    published = next(t for t in fig.data if t.mode == "lines")
    assert published.name == "published Tue 22 Feb" and published.showlegend is not False
    # enough height for 17 labelled rows
    assert fig.layout.height >= 17 * 28


def test_legend_and_title_have_margins_of_their_own(art):
    for name, make in ALL.items():
        layout = make(art).layout
        assert layout.title.automargin and layout.title.yref == "paper" and layout.title.yanchor == "bottom", name
        assert not layout.title.subtitle.text, name  # plotly.js 3 draws a subtitle over a wrapped title
        legend = layout.legend
        assert (legend.xref, legend.x, legend.xanchor, legend.orientation) == ("container", 1, "right", "v"), name


def test_voice_share_bars_carry_their_counts(art):
    fig = charts.voice_share_chart(art, level="holder")
    said, quoted = fig.data
    rows = dict(zip(said.y, said.text))
    assert rows["Wang Yi"] == "16% (6 of 37)" and rows["experts"] == "3% (1 of 37)"
    assert dict(zip(quoted.y, quoted.text))["David Sacks"] == "22% (68 of 303 words)"
    assert title_of(fig) == ("David Sacks has the largest share of quoted words: 22% (68 of 303 words, "
                             "in 4 statements)")
    side = charts.voice_share_chart(art, level="side")
    assert dict(zip(side.data[0].y, side.data[0].text))["China"] == "35% (13 of 37)"
    assert fig.layout.xaxis.range[1] > 1.3 * max(max(said.x), max(quoted.x))  # room for the labels


def test_stance_heatmap(art):
    fig = charts.stance_heatmap(art)
    cells = {(c[0], c[1]): t.name for t in fig.data for c in t.customdata}
    assert cells[("china", "nato_enlargement")] == "oppose"
    assert cells[("china", "condemn_russia")] == "neutral (hedged)"
    assert cells[("china", "china_russia_alignment")] == "mixed"
    hedged = next(t for t in fig.data if t.name == "neutral (hedged)")
    assert hedged.marker.symbol == "square-open" and hedged.marker.color == STANCE["neutral"]
    assert title_of(fig) == "China takes a position on 10 of 11 topics, 3 of them hedged"
    # each square shows how many statements stand behind it
    text = {(c[0], c[1]): x for t in fig.data for c, x in zip(t.customdata, t.text)}
    assert text[("china", "nato_enlargement")] == "✗ 3" and text[("united_states", "take_sides")] == "✓ 4"
    # "stopped short of condemning", Zhang Jun's "many complex factors" and Alfred Wu's "very strong statement"
    assert text[("china", "condemn_russia")] == "○ 3"


def test_alignment_chart_answers_the_articles_question(art):
    fig = charts.alignment_chart(art)
    # the finding, with the number of topics it rests on, and which matches are hedged
    assert title_of(fig) == ("China matches United States on 1 (hedged), Russia on 0, neither on 1 (hedged) "
                             "(of the 2 topics where United States and Russia take opposite sides)")
    sub = subtitle_of(fig)
    assert ("Open squares are hedged (qualified, implied or the coder's inference): China on Condemning Russia, "
            "China on Ukraine's sovereignty, Russia on Ukraine's sovereignty.") in sub
    assert "Ukraine's sovereignty divides the poles only through Russia's hedged stance." in sub
    neither = next(t for t in fig.data if t.name == "matches neither (hedged)")
    assert list(neither.y) == ["China"] and list(neither.x) == ["Condemning Russia"]
    assert neither.marker.symbol == "square-open"  # "stopped short of condemning" is hedged
    assert list(neither.text) == ["○ 3"]  # three statements behind it (s02, s05, s13), all hedged
    firm = next(t for t in fig.data if t.name == "matches United States")
    assert "United States" in firm.y and firm.marker.symbol == "square"
    russia = next(t for t in fig.data if t.name == "matches Russia (hedged)")
    assert "coder&#x27;s inference" in russia.customdata[0][3] or "coder's inference" in russia.customdata[0][3]
    assert fig.layout.yaxis.tickvals == ("China", "Russia", "United States")


def test_alignment_chart_without_hedged_stances(art):
    fig = charts.alignment_chart(art, hedged=False)
    # Russia's stance on sovereignty is the coder's inference: without it, one topic divides the poles,
    # and China takes no firm stance on it
    assert title_of(fig) == ("China takes no unhedged stance on the 1 topic where United States and Russia "
                             "take opposite sides")
    assert "Hedged positions are left out" in subtitle_of(fig)
    assert {x for t in fig.data for x in t.x} == {"Condemning Russia"}
    assert not any("hedged" in t.name for t in fig.data)
    assert len(art.positions) == 44 and art.positions["hedged"].sum() == 23  # the article itself is untouched


def test_network_edges_carry_the_evidence(art):
    fig = charts.conflict_chart(art)
    ties = next(t for t in fig.data if t.name == "ties")
    russia_us = next(c for c in ties.customdata if c.startswith("Russia – United States"))
    assert "2 topics:<br>• Condemning Russia: Russia oppose, United States support" in russia_us
    assert "• Ukraine&#x27;s sovereignty" in russia_us or "• Ukraine's sovereignty" in russia_us
    assert list(ties.text) == ["1", "3", "1", "1", "1", "2"]  # each tie's number of topics
    affiliation = charts.affiliation_chart(art)
    ties = next(t for t in affiliation.data if t.name == "ties")
    nato = next(c for c in ties.customdata if c.startswith("China – NATO enlargement"))
    assert charts.esc(quote_of(art, "cnn22_s24"))[:40] in nato
    assert "Putin–Xi joint statement: " in nato  # who made the statement


def test_congruence_shows_ties_that_rest_on_a_mixed_stance(art):
    fig = charts.congruence_chart(art)
    ties = next(t for t in fig.data if t.name == "ties")
    europe = next(c for c in ties.customdata if c.startswith("China – European Commission"))
    # support: the joint statement's "no limits", "saw China back" and Sacks's "embrace"; oppose: Wu's "image"
    assert "China mixed (3 support, 1 oppose), European Commission oppose" in europe
    assert "rests only on a mixed stance" in europe and "Alfred Wu: " in europe
    sub = subtitle_of(fig)
    assert "China–European Commission (China on China–Russia alignment)" in sub
    assert "Partly through a mixed stance: China–Russia (1 of 3 topics)" in sub
    purple = [t for t in fig.data if t.mode == "lines" and t.line.color == STANCE["mixed"]]
    assert len(purple) == 1 and len(purple[0].x) == 3  # one line: China to the European Commission


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
