"""Plotly figure factories. Each returns a ``go.Figure`` and never shows it.

Every figure has a title that states its finding (computed from the data),
labelled axes (networks, which have no axes, say in their subtitle how to read
them), and hover text that carries the evidence: the quotes. All text
from the data is escaped before it reaches a label, a legend or a hover box.
When what a figure draws is not coded yet, it says so in its title ("No
statements coded yet") and what to code in its subtitle.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from . import analysis as an
from .data import Article
from .palette import FORM, KIND, OKABE_ITO, PAIR, STANCE, STANCE_SYMBOL, STANCE_TEXT, text_on, text_shade
from .text import esc as _esc

if TYPE_CHECKING:  # networkx loads when a network is first built, not at import
    import networkx as nx


def use_json_renderer() -> None:
    """In a Jupyter kernel, make plotly's own JSON mimetype the default renderer.

    It is small, the same on every run, and embeds no plotly.js; exports to HTML
    choose their renderer when they export. Plotly reads $PLOTLY_RENDERER when its
    renderers are first loaded, so setting it costs nothing at import time.
    """
    if "ipykernel" not in sys.modules:
        return
    if "plotly.io._renderers" in sys.modules:
        if "notebook" in (pio.renderers.default or ""):
            pio.renderers.default = "plotly_mimetype"
    else:
        os.environ.setdefault("PLOTLY_RENDERER", "plotly_mimetype")


use_json_renderer()

FONT = "Helvetica, Arial, sans-serif"
EVENT_COLOUR = "#444444"


def esc(value: object) -> str:
    """Escape text from the data for a plotly label or hover box (&, < and >)."""
    return _esc(value, quote=False)


def short(text: str, width: int = 90) -> str:
    """A quote cut to ``width`` characters, for hover boxes."""
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def quotes_hover(quotes: list[str], most: int = 3, width: int = 90) -> str:
    """Up to ``most`` quotes, escaped, one per line, for a hover box."""
    if not quotes:
        return "(no statements)"
    lines = [esc(short(q, width)) for q in quotes[:most]]
    if len(quotes) > most:
        lines.append(f"… and {len(quotes) - most} more")
    return "<br>".join(lines)


def wrap(text: str, width: int = 110) -> list[str]:
    """Split text into lines of at most ``width`` characters, at spaces."""
    lines: list[str] = []
    for word in text.split(" "):
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def _finish(fig: go.Figure, title: str, x: str, y: str, subtitle: str = "", height: int | None = None) -> go.Figure:
    heading = wrap(title, 80)
    sub = wrap(subtitle) if subtitle else []
    text = "<br>".join([esc(line) for line in heading] + [f"<sup>{esc(line)}</sup>" for line in sub])
    fig.update_layout(title={"text": text, "x": 0.01, "xanchor": "left"},
                      template="plotly_white", font={"family": FONT, "size": 13}, hoverlabel={"align": "left"},
                      margin={"l": 10, "r": 10, "t": 70 + 22 * len(heading) + 16 * len(sub), "b": 10},
                      legend={"title": {"text": ""}, "orientation": "h", "x": 0, "xanchor": "left",
                              "y": 1.0, "yanchor": "bottom"})
    fig.update_xaxes(title_text=esc(x), automargin=True)
    fig.update_yaxes(title_text=esc(y), automargin=True)
    if height:
        fig.update_layout(height=height)
    return fig


def nothing_coded(missing: str) -> go.Figure:
    """An empty figure that says what is not coded yet, and in its subtitle what to code.

    ``missing`` is one of the keys of :data:`newsclaims.analysis.TO_CODE`.

    >>> nothing_coded("positions").layout.title.text.split("<br>")[0]
    'No positions coded yet'
    """
    fig = go.Figure()
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return _finish(fig, f"No {missing} coded yet", "", "", an.TO_CODE[missing], height=240)


def _times(n: int) -> str:
    return f"{n} time{'' if n == 1 else 's'}"


def _quotes_by(art: Article) -> dict[str, list[str]]:
    return art.statements.groupby("actor_id")["quote"].apply(list).to_dict()


def mentions_vs_statements(art: Article, top: int = 10) -> go.Figure:
    """Who is talked about (mentions) against who gets to talk (statements).

    Shows the ``top`` most-named actors and every actor who makes a statement.
    """
    everyone = an.mention_counts(art)
    if everyone.empty:
        return nothing_coded("actors")
    named, speaker = everyone.iloc[0], everyone.sort_values("statements", ascending=False).iloc[0]
    shown = everyone.head(top)["actor_id"].tolist() + everyone.loc[everyone["statements"] > 0, "actor_id"].tolist()
    counts = everyone[everyone["actor_id"].isin(shown)].iloc[::-1]
    quotes = _quotes_by(art)
    aliases = art.mentions.groupby("actor_id")["alias"].apply(lambda s: sorted(set(s))).to_dict()
    labels = [esc(n) for n in counts["name"]]
    fig = go.Figure()
    fig.add_bar(y=labels, x=counts["mentions"], orientation="h", name="mentions", marker_color=PAIR[0],
                customdata=[esc(", ".join(aliases.get(a, []))) for a in counts["actor_id"]],
                hovertemplate="%{y}: named %{x} times<br>as: %{customdata}<extra></extra>")
    fig.add_bar(y=labels, x=counts["statements"], orientation="h", name="statements", marker_color=PAIR[1],
                customdata=[quotes_hover(quotes.get(a, [])) for a in counts["actor_id"]],
                hovertemplate="%{y}: %{x} statements<br>%{customdata}<extra></extra>")
    fig.update_layout(barmode="group")
    sub = (f"The {top} most-named actors and every speaker. Mentions: times the text names the actor. "
           "Statements: claims attributed to them.")
    if not speaker.statements:
        title = f"{named['name']} is named most ({_times(named.mentions)}); no statements coded yet"
        sub += " " + an.TO_CODE["statements"]
    elif not named.mentions:
        title = f"{speaker['name']} makes the most statements ({speaker.statements}); no alias names anyone yet"
        sub += " " + an.TO_CODE["actors"]
    elif named.actor_id == speaker.actor_id:
        title = f"{named['name']} is both named most and quoted most"
    else:
        title = (f"{named['name']} is named most ({_times(named.mentions)}), "
                 f"but {speaker['name']} makes the most statements ({speaker.statements})")
    return _finish(fig, title, "count", "actor", sub, height=120 + 34 * len(counts))


def voice_share_chart(art: Article, by: str = "actor") -> go.Figure:
    """Share of statements and share of quoted words, per speaker or per side they speak for."""
    if art.statements.empty:
        return nothing_coded("statements")
    share = an.voice_share(art, by=by).iloc[::-1]
    st = art.statements.assign(who=art.statements["actor_id"].map(an.speaks_for(art.actors))
                               if by == "side" else art.statements["actor_id"])
    quotes = st.groupby("who")["quote"].apply(list).to_dict()
    labels = [esc(n) for n in share["name"]]
    hover = [quotes_hover(quotes.get(a, [])) for a in share["actor_id"]]
    fig = go.Figure()
    fig.add_bar(y=labels, x=share["statement_share"] * 100, orientation="h", name="share of statements",
                marker_color=PAIR[0], customdata=hover,
                hovertemplate="%{y}: %{x:.0f}% of statements<br>%{customdata}<extra></extra>")
    fig.add_bar(y=labels, x=share["word_share"] * 100, orientation="h", name="share of quoted words",
                marker_color=PAIR[1], customdata=hover,
                hovertemplate="%{y}: %{x:.0f}% of quoted words<br>%{customdata}<extra></extra>")
    fig.update_layout(barmode="group")
    words = share.sort_values("word_share", ascending=False).iloc[0]
    title = (f"{words['name']} has the largest share of quoted words ({words.word_share:.0%})" if words.quoted_words
             else "No statement quotes its speaker's own words: all are paraphrased")
    sub = ("Grouped by the state, bloc or body each speaker speaks for." if by == "side"
           else "Each speaker separately.") + " Quoted words: words inside quotation marks."
    return _finish(fig, title, "% of all statements, % of all quoted words", "speaker" if by == "actor" else
                   "side the speakers speak for", sub, height=120 + 34 * len(share))


def actor_kinds_chart(art: Article) -> go.Figure:
    """How many actors of each kind the article names."""
    if art.actors.empty:
        return nothing_coded("actors")
    kinds = art.actors.groupby("kind", observed=True)["name"].apply(list)
    kinds = kinds[kinds.map(len) > 0].sort_values(key=lambda s: s.map(len))
    said = art.statements.merge(art.actors[["actor_id", "kind"]], on="actor_id")
    quotes = said.groupby("kind", observed=True)["quote"].apply(list).to_dict()
    fig = go.Figure(go.Bar(
        y=[esc(k) for k in kinds.index], x=kinds.map(len), orientation="h",
        marker_color=[KIND[k] for k in kinds.index],
        customdata=[[esc(", ".join(v)), quotes_hover(quotes.get(k, []), most=2)] for k, v in kinds.items()],
        hovertemplate="%{y}: %{x}<br>%{customdata[0]}<br><i>said:</i> %{customdata[1]}<extra></extra>"))
    top, n = kinds.index[-1], len(kinds.iloc[-1])
    title = (f"Most of the actors named are {top}s ({n} of {len(art.actors)})" if n > len(art.actors) / 2
             else f"{top.capitalize()}s are the largest kind of actor named ({n} of {len(art.actors)})")
    return _finish(fig, title, "actors named", "kind", height=360)


def forms_by_actor(art: Article) -> go.Figure:
    """Direct, partial and paraphrased statements per speaker."""
    if art.statements.empty:
        return nothing_coded("statements")
    st = art.statements.assign(name=art.statements["actor_id"].map(an.names(art)))
    order = st["name"].value_counts(ascending=True).index
    fig = go.Figure()
    for form in FORM:
        part = st[st["form"] == form]
        by = part.groupby("name")["quote"].apply(list)
        fig.add_bar(y=[esc(n) for n in order], x=[len(by.get(n, [])) for n in order], orientation="h",
                    name=form, marker_color=FORM[form],
                    customdata=[quotes_hover(by.get(n, [])) for n in order],
                    hovertemplate=f"%{{y}}: %{{x}} {form}<br>%{{customdata}}<extra></extra>")
    fig.update_layout(barmode="stack")
    counts = st["form"].value_counts()
    title = (f"Only {counts.get('direct', 0)} of {len(st)} statements are whole quotations; "
             f"{counts.get('paraphrase', 0)} are paraphrased")
    return _finish(fig, title, "statements", "speaker", "Direct: a whole quotation. Partial: quoted words inside "
                   "the journalist's sentence. Paraphrase: no quoted words.", height=140 + 30 * len(order))


def cues_chart(art: Article) -> go.Figure:
    """The reporting cues, as written, and the forms they introduce."""
    if art.statements.empty:
        return nothing_coded("statements")
    st = art.statements.assign(cue=art.statements["cue"].fillna("(no cue: quote continues)"))
    order = st["cue"].value_counts(ascending=True).index
    fig = go.Figure()
    for form in FORM:
        by = st[st["form"] == form].groupby("cue")["quote"].apply(list)
        fig.add_bar(y=[esc(c) for c in order], x=[len(by.get(c, [])) for c in order], orientation="h",
                    name=form, marker_color=FORM[form],
                    customdata=[quotes_hover(by.get(c, []), most=2) for c in order],
                    hovertemplate=f"%{{y}} ({form}): %{{x}}<br>%{{customdata}}<extra></extra>")
    fig.update_layout(barmode="stack")
    top = st["cue"].value_counts()
    title = f"'{top.index[0]}' is the most common cue ({top.iloc[0]} of {len(st)} statements)"
    return _finish(fig, title, "statements", "cue, as written", height=140 + 26 * len(order))


def timeline(art: Article, since: str | None = "2022-01-01") -> go.Figure:
    """Events and statements by date, against the publication date.

    Open markers are dates resolved from words like "Monday"; crosses are dates the
    article does not give (inferred); filled markers are dates it states.
    """
    published = art.meta["published"]
    ev = art.events.copy()
    st = art.statements.dropna(subset=["said_on"]).copy()
    if ev.empty and st.empty:
        return nothing_coded("events or dated statements")
    left_out = ev[ev["date"] < pd.Timestamp(since)] if since else ev.iloc[0:0]
    if since:
        ev = ev[ev["date"] >= pd.Timestamp(since)]
    n = an.names(art)
    fig = go.Figure()
    symbols = {"stated": "circle", "resolved": "circle-open", "inferred": "x"}
    for basis, symbol in symbols.items():
        part = ev[ev["date_basis"] == basis]
        if len(part):
            fig.add_scatter(
                x=part["date"], y=[esc(label) for label in part["label"]], mode="markers",
                name=f"event, date {basis}", marker={"symbol": symbol, "size": 13, "color": EVENT_COLOUR,
                                                     "line": {"width": 2}},
                customdata=[[esc(r.date_text if isinstance(r.date_text, str) else "(no date given)"),
                             esc(r.note if isinstance(r.note, str) else "")] for r in part.itertuples()],
                hovertemplate="%{y}<br>%{x|%a %d %b %Y}, written as: %{customdata[0]}"
                              "<br>%{customdata[1]}<extra></extra>")
    st["speaker"] = st["actor_id"].map(n)
    groups = st.groupby(["said_on", "speaker", "said_on_basis"], observed=True)
    for basis, symbol in symbols.items():
        rows = [(d, s, g) for (d, s, b), g in groups if b == basis]
        if rows:
            fig.add_scatter(
                x=[d for d, _, _ in rows], y=[esc(f"{s}: statements") for _, s, _ in rows], mode="markers",
                name=f"statements, date {basis}",
                marker={"symbol": symbol, "size": [9 + 3 * len(g) for _, _, g in rows],
                        "color": OKABE_ITO["blue"], "line": {"width": 2}},
                customdata=[[len(g), esc(", ".join(dict.fromkeys(g["said_on_text"]))),
                             quotes_hover(g["quote"].tolist())] for _, _, g in rows],
                hovertemplate="%{y}: %{customdata[0]} statement(s)<br>%{x|%a %d %b %Y}, written as: "
                              "%{customdata[1]}<br>%{customdata[2]}<extra></extra>")
    fig.add_vline(x=published.timestamp() * 1000, line_dash="dot", line_color=OKABE_ITO["grey"])
    fig.add_annotation(x=published, y=1, yref="paper", text=f"published {published:%a %d %b}",
                       showarrow=False, yanchor="bottom", font={"size": 11})
    busiest = st["said_on"].value_counts()
    title = (f"{busiest.iloc[0]} of {len(st)} dated statements were made on {busiest.index[0]:%A %d %B}, "
             f"the day before publication" if len(busiest) and
             busiest.index[0] == published - pd.Timedelta(days=1) else "When things were said and done")
    sub = "Open markers: dates resolved from words like 'Monday'. Crosses: dates the article does not give."
    if len(left_out):
        sub += " Not shown: " + ", ".join(f"{r.label} ({r.date_text})" for r in left_out.itertuples()) + "."
    return _finish(fig, title, "date", "event, or speaker's statements", sub, height=520)


def stance_heatmap(art: Article, level: an.Level = "side") -> go.Figure:
    """Who stands where: one square per actor and topic, coloured by stance.

    Open squares are hedged stances. Hover for the evidence.
    """
    m = an.stance_matrix(art, level)
    if m.empty:
        return nothing_coded("positions")
    who_ids, topic_ids = an.stance_order(m)
    names, labels = an.names(art), dict(zip(art.topics["topic_id"], art.topics["label"]))
    actors, topics = [names[w] for w in who_ids][::-1], [labels[t] for t in topic_ids]
    quotes = an.quotes(art)
    fig = go.Figure()
    for stance in ["support", "oppose", "neutral", "mixed"]:
        for hedged in (False, True):
            part = m[(m["stance"] == stance) & (m["hedged"] == hedged)]
            if not len(part):
                continue
            fig.add_scatter(
                x=[esc(t) for t in part["topic"]], y=[esc(w) for w in part["who_name"]], mode="markers+text",
                name=f"{stance}{' (hedged)' if hedged else ''}",
                text=[STANCE_SYMBOL[stance]] * len(part), textfont={"color": text_on(STANCE[stance]) if not hedged
                                                                     else STANCE_TEXT[stance], "size": 14},
                marker={"symbol": "square-open" if hedged else "square", "size": 30, "color": STANCE[stance],
                        "line": {"width": 3, "color": STANCE[stance]}},
                customdata=[[r.who, r.topic_id, r.n,
                             quotes_hover([quotes[s] for s in r.statements], most=3, width=70)]
                            for r in part.itertuples()],
                hovertemplate="%{y} on %{x}: " + stance + (" (hedged)" if hedged else "") +
                              "<br>%{customdata[2]} statement(s):<br>%{customdata[3]}<extra></extra>")
    fig.update_xaxes(categoryorder="array", categoryarray=[esc(t) for t in topics], tickangle=-35)
    fig.update_yaxes(categoryorder="array", categoryarray=[esc(a) for a in actors])
    title = (f"{names[who_ids[0]]} takes a position on {m.loc[m['who'] == who_ids[0], 'topic_id'].nunique()} "
             f"of {m['topic_id'].nunique()} topics")
    sub = ("Grouped by the state, bloc or body each holder speaks for. " if level == "side" else "") + \
        "✓ support, ✗ oppose, ○ neutral, ± mixed; open squares are hedged."
    return _finish(fig, title, "topic", "actor" if level == "holder" else "side", sub, height=200 + 48 * len(actors))


def alignment_chart(art: Article, a: tuple[str, ...] = ("united_states",), b: tuple[str, ...] = ("russia",),
                    level: an.Level = "side") -> go.Figure:
    """On the topics that divide two sides, whose side does each actor's position match?"""
    if art.positions.empty:
        return nothing_coded("positions")
    al = an.alignment(art, a, b, level)
    pole_a, pole_b = an.pole_name(art, a), an.pole_name(art, b)
    colours = {pole_a: OKABE_ITO["bluish green"], pole_b: OKABE_ITO["reddish purple"], "neither": OKABE_ITO["grey"]}
    quotes = an.quotes(art)
    fig = go.Figure()
    for match, colour in colours.items():
        for hedged in (False, True):
            part = al[(al["matches"] == match) & (al["hedged"] == hedged)]
            if not len(part):
                continue
            fig.add_scatter(
                x=[esc(t) for t in part["topic"]], y=[esc(w) for w in part["who_name"]], mode="markers+text",
                name=esc(f"matches {match}{' (hedged)' if hedged else ''}"),
                text=[STANCE_SYMBOL[s] for s in part["stance"]],
                textfont={"color": text_shade(colour) if hedged else text_on(colour), "size": 14},
                marker={"symbol": "square-open" if hedged else "square", "size": 30, "color": colour,
                        "line": {"width": 3, "color": colour}},
                customdata=[[esc(r.stance + (" (hedged)" if r.hedged else "")),
                             quotes_hover([quotes[s] for s in r.statements], width=70)] for r in part.itertuples()],
                hovertemplate="%{y} on %{x}: %{customdata[0]}<br>%{customdata[1]}<extra></extra>")
    others = [w for w in dict.fromkeys(al["who_name"]) if w not in (pole_a, pole_b)]
    fig.update_yaxes(categoryorder="array", categoryarray=[esc(w) for w in [*others[::-1], pole_b, pole_a]])
    china = al[al["who"] == "china"]
    if len(al) == 0:
        title = f"{pole_a} and {pole_b} take no opposite stances in this article"
    elif len(china):
        counts = china["matches"].value_counts()
        title = (f"On the {al['topic_id'].nunique()} topics that divide {pole_a} and {pole_b}, China matches "
                 f"{pole_a} on {counts.get(pole_a, 0)}, {pole_b} on {counts.get(pole_b, 0)}, "
                 f"neither on {counts.get('neither', 0)}")
    else:
        title = f"Where actors sit on the {al['topic_id'].nunique()} topics that divide {pole_a} and {pole_b}"
    return _finish(fig, title, "topic on which the two poles take opposite stances", "actor",
                   "Each square is an actor's combined stance (✓ support, ✗ oppose, ○ neutral, ± mixed), "
                   "coloured by the pole it matches; open squares are hedged.", height=240 + 48 * al["who"].nunique())


def network_chart(graph: nx.Graph, title: str, subtitle: str = "", quotes: dict[str, str] | None = None) -> go.Figure:
    """Draw an affiliation, congruence or conflict network from :mod:`newsclaims.analysis`.

    Two-mode graphs (with ``bipartite`` node attributes) put actors on the left and
    topics on the right; others are drawn in a circle. Edges from the two-mode
    network are coloured by stance; other edges grow with their weight.
    """
    import networkx as nx

    if not graph.number_of_nodes():
        return _finish(go.Figure(), title, "", "", subtitle)
    two_mode = all("bipartite" in d for _, d in graph.nodes(data=True))
    if two_mode:
        left = sorted((n for n, d in graph.nodes(data=True) if d["bipartite"] == 0),
                      key=lambda n: graph.nodes[n]["label"])
        right = sorted((n for n, d in graph.nodes(data=True) if d["bipartite"] == 1),
                       key=lambda n: graph.nodes[n]["label"])
        pos = {n: (0.0, 1 - i / max(len(left) - 1, 1)) for i, n in enumerate(left)}
        pos |= {n: (1.0, 1 - i / max(len(right) - 1, 1)) for i, n in enumerate(right)}
    else:
        pos = nx.circular_layout(sorted(graph.nodes))
    quotes = quotes or {}
    fig = go.Figure()
    mids: dict[str, list] = {"x": [], "y": [], "text": []}
    styles: dict[tuple[str, float, str], tuple[list, list]] = {}  # one trace per line style
    for u, v, d in sorted(graph.edges(data=True)):
        (x0, y0), (x1, y1) = pos[u], pos[v]
        if two_mode:
            colour, width = STANCE[d["stance"]], 1.5 + d["weight"]
        else:
            colour, width = OKABE_ITO["grey"], 1 + 2 * d["weight"]
        xs, ys = styles.setdefault((colour, width, "dot" if d.get("hedged") else "solid"), ([], []))
        xs += [x0, x1, None]
        ys += [y0, y1, None]
        label = f"{graph.nodes[u]['label']} – {graph.nodes[v]['label']}"
        detail = (f"{d['stance']}{' (hedged)' if d.get('hedged') else ''}, {d['weight']} position(s)" if two_mode
                  else f"{d['weight']} topic(s): {d['topics'].replace(';', ', ')}"
                       f"{' (hedged)' if d.get('hedged') else ''}")
        evidence = [quotes[s] for s in d.get("statements", "").split(";") if s in quotes]
        mids["x"].append((x0 + x1) / 2)
        mids["y"].append((y0 + y1) / 2)
        mids["text"].append(f"{esc(label)}<br>{esc(detail)}" +
                            (f"<br>{quotes_hover(evidence, width=70)}" if evidence else ""))
    for (colour, width, dash), (xs, ys) in styles.items():
        fig.add_scatter(x=xs, y=ys, mode="lines", hoverinfo="skip", showlegend=False,
                        line={"color": colour, "width": width, "dash": dash})
    fig.add_scatter(x=mids["x"], y=mids["y"], mode="markers", marker={"size": 8, "color": "rgba(0,0,0,0.15)"},
                    hovertemplate="%{customdata}<extra></extra>", customdata=mids["text"], name="ties")
    nodes = sorted(graph.nodes)
    fig.add_scatter(
        x=[pos[n][0] for n in nodes], y=[pos[n][1] for n in nodes], mode="markers+text",
        text=[esc(graph.nodes[n]["label"]) for n in nodes],
        textposition=["middle left" if two_mode and pos[n][0] == 0 else "middle right" for n in nodes],
        marker={"size": 16, "color": [KIND.get(graph.nodes[n].get("kind", ""), OKABE_ITO["blue"])
                                      if graph.nodes[n].get("kind") != "topic" else OKABE_ITO["grey"]
                                      for n in nodes], "line": {"width": 1, "color": "white"}},
        customdata=[esc(f"{graph.nodes[n]['label']}: {graph.degree(n)} ties") for n in nodes],
        hovertemplate="%{customdata}<extra></extra>", name="actors" if not two_mode else "actors and topics")
    fig.update_xaxes(visible=False, range=[-0.9, 1.9] if two_mode else [-1.8, 1.8])
    fig.update_yaxes(visible=False, range=[-0.1, 1.1] if two_mode else [-1.3, 1.3])
    fig.update_layout(showlegend=False)
    return _finish(fig, title, "", "", subtitle, height=560)


def affiliation_chart(art: Article, level: an.Level = "side") -> go.Figure:
    """The actor–topic network: who takes which stance on what."""
    if art.positions.empty:
        return nothing_coded("positions")
    graph = an.affiliation_network(art, level)
    actors = [n for n, d in graph.nodes(data=True) if d["bipartite"] == 0]
    busiest = max(actors, key=lambda n: (graph.degree(n), n))
    title = f"{graph.nodes[busiest]['label']} is tied to the most topics ({graph.degree(busiest)})"
    return network_chart(graph, title, "Lines: blue support, vermillion oppose, grey neutral, purple mixed; "
                         "dotted when hedged. Hover the midpoints for the evidence.", an.quotes(art))


def congruence_chart(art: Article, level: an.Level = "side") -> go.Figure:
    """Actors linked by taking the same stance on the same topic."""
    if art.positions.empty:
        return nothing_coded("positions")
    graph = an.congruence_network(art, level)
    return network_chart(graph, _strongest(graph, "agree on", "No two actors take the same stance"),
                         "A line joins two actors who take the same stance on a topic; thicker lines, "
                         "more topics; dotted when all the evidence is hedged.", an.quotes(art))


def conflict_chart(art: Article, level: an.Level = "side") -> go.Figure:
    """Actors linked by taking opposite stances on the same topic."""
    if art.positions.empty:
        return nothing_coded("positions")
    graph = an.conflict_network(art, level)
    return network_chart(graph, _strongest(graph, "are opposed on", "No two actors take opposite stances"),
                         "A line joins two actors who take opposite stances on a topic; thicker lines, "
                         "more topics; dotted when all the evidence is hedged.", an.quotes(art))


def _strongest(graph: nx.Graph, verb: str, empty: str) -> str:
    if not graph.number_of_edges():
        return empty
    u, v, d = max(graph.edges(data=True), key=lambda e: (e[2]["weight"], e[0], e[1]))
    return (f"{graph.nodes[u]['label']} and {graph.nodes[v]['label']} {verb} the most topics "
            f"({d['weight']})")
