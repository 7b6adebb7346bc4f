"""Plotly figure factories. Each returns a ``go.Figure`` and never shows it.

Every figure has a title that states its finding (computed from the data),
labelled axes (networks, which have no axes, say in their subtitle how to read
them), and hover text that carries the evidence: the quotes. All text
from the data is escaped before it reaches a label, a legend or a hover box.
When what a figure draws is not coded yet, it says so in its title ("No
statements coded yet") and what to code in its subtitle.
"""

from __future__ import annotations

import dataclasses
import os
import sys
from typing import TYPE_CHECKING

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from . import analysis as an
from . import reliability as rel
from .data import Article, vocabulary
from .palette import (
    DATE_BASIS_SYMBOL,
    FORM,
    KIND,
    OKABE_ITO,
    PAIR,
    STANCE,
    STANCE_SYMBOL,
    STANCE_TEXT,
    colour_name,
    text_on,
    text_shade,
)
from .text import esc as _esc
from .text import plural

if TYPE_CHECKING:  # networkx loads when a network is first built, not at import
    import networkx as nx


def use_json_renderer() -> None:
    """In a Jupyter kernel, make plotly's own JSON mimetype the default renderer.

    It is small, the same on every run, and embeds no plotly.js; exports to HTML
    choose their renderer when they export. Plotly reads $PLOTLY_RENDERER when its
    renderers are first loaded, so setting it costs nothing at import time. Called
    when this module is imported; outside a kernel it does nothing.
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
    """Escape text from the data for a plotly label or hover box (&, < and >).

    Parameters
    ----------
    value : object
        Any value; it is shown as text.

    Returns
    -------
    str
        The text, escaped.

    Examples
    --------
    >>> esc("<b>NATO & friends</b>")
    '&lt;b&gt;NATO &amp; friends&lt;/b&gt;'
    """
    return _esc(value, quote=False)


def short(text: str, width: int = 90) -> str:
    """A quote cut to ``width`` characters, for hover boxes.

    Parameters
    ----------
    text : str
        The quote.
    width : int
        The most characters, the ellipsis included.

    Returns
    -------
    str
        The quote, or its start and "…".

    Examples
    --------
    >>> short("Beijing welcomed and encouraged every effort", 20)
    'Beijing welcomed an…'
    """
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def quotes_hover(quotes: list[str], most: int = 3, width: int = 90) -> str:
    """Up to ``most`` quotes, escaped, one per line, for a hover box.

    Parameters
    ----------
    quotes : list of str
        The quotes.
    most : int
        How many to show; the rest are counted.
    width : int
        Each quote's most characters (see :func:`short`).

    Returns
    -------
    str
        Lines joined by ``<br>``; "(no statements)" when there are none.

    Examples
    --------
    >>> quotes_hover(["a < b", "c", "d", "e"], most=2)
    'a &lt; b<br>c<br>… and 2 more'
    """
    if not quotes:
        return "(no statements)"
    lines = [esc(short(q, width)) for q in quotes[:most]]
    if len(quotes) > most:
        lines.append(f"… and {len(quotes) - most} more")
    return "<br>".join(lines)


def wrap(text: str, width: int = 110) -> list[str]:
    """Split text into lines of at most ``width`` characters, at spaces.

    Parameters
    ----------
    text : str
        The text.
    width : int
        The most characters per line (a longer word gets a line of its own).

    Returns
    -------
    list of str
        The lines.

    Examples
    --------
    >>> wrap("one two three", 7)
    ['one two', 'three']
    """
    lines: list[str] = []
    for word in text.split(" "):
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


SUBTITLE = '<span style="font-size:13px;color:#555555">{}</span>'


def _finish(fig: go.Figure, title: str, x: str, y: str, subtitle: str = "", height: int | None = None) -> go.Figure:
    """Title and subtitle above the plot, the legend at its right, each with room of its own.

    The title (the finding, then the subtitle in smaller grey lines) sits on top of the
    plot area and pushes the top margin (``automargin``) however many lines it wraps to.
    The legend stands in the figure's right margin, which plotly reserves for it, so it
    never covers the title, the plot or a tick label. ``height`` is that of the plot and
    its axes; the lines of the title are added to it.

    (Plotly's own ``title.subtitle`` is not used: plotly.js 3 draws it over the plot, or
    the title above the figure's top edge, once the title wraps to a second line.)
    """
    heading = wrap(title, 80)
    sub = wrap(subtitle) if subtitle else []
    text = "<br>".join([esc(line) for line in heading] + [SUBTITLE.format(esc(line)) for line in sub])
    fig.update_layout(
        title={"text": text, "font": {"size": 18}, "x": 0, "xref": "container", "xanchor": "left",
               "y": 1, "yref": "paper", "yanchor": "bottom", "pad": {"l": 10, "t": 12, "b": 14}, "automargin": True},
        template="plotly_white", font={"family": FONT, "size": 13}, hoverlabel={"align": "left"},
        margin={"l": 10, "r": 10, "t": 60, "b": 10},
        legend={"title": {"text": ""}, "orientation": "v", "traceorder": "normal",
                "xref": "container", "x": 1, "xanchor": "right", "yref": "paper", "y": 1, "yanchor": "top"})
    fig.update_xaxes(title_text=esc(x), automargin=True)
    fig.update_yaxes(title_text=esc(y), automargin=True)
    if height:
        fig.update_layout(height=height + _title_height(heading, sub))
    return fig


def _title_height(heading: list[str], sub: list[str]) -> int:
    """Pixels the title's lines take above the plot (18 px title lines, 13 px subtitle lines)."""
    return 30 + 22 * len(heading) + 17 * len(sub)


def nothing_coded(missing: str) -> go.Figure:
    """An empty figure that says what is not coded yet, and in its subtitle what to code.

    Parameters
    ----------
    missing : str
        One of the keys of :data:`newsclaims.analysis.TO_CODE`.

    Returns
    -------
    plotly.graph_objects.Figure
        No data; the title "No ... coded yet".

    Raises
    ------
    KeyError
        When ``missing`` is not a key of ``TO_CODE``.

    Examples
    --------
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

    Parameters
    ----------
    art : Article
        The article.
    top : int
        How many of the most-named actors to show.

    Returns
    -------
    plotly.graph_objects.Figure
        Titled with its finding; "No actors coded yet" when there are none.

    Examples
    --------
    >>> import newsclaims as nc
    >>> mentions_vs_statements(nc.load_article()).layout.title.text.split("<br>")[0]
    'China is named most (20 times), but Wang Yi makes the most statements (6)'
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
    fig = _finish(fig, title, "count", "actor", sub, height=100 + 34 * len(counts))
    return fig.update_layout(legend_traceorder="reversed")  # as the bars stand: statements above mentions


def voice_share_chart(art: Article, level: an.Level = "side", *, by: str | None = None) -> go.Figure:
    """Share of statements and share of quoted words, per side the speakers speak for or per speaker.

    Each bar is labelled with its share and the counts behind it ("16% (6 of 37)"): a
    large share can rest on a handful of statements.

    Parameters
    ----------
    art : Article
        The article.
    level : {"side", "holder"}
        Speakers grouped by whom they speak for, or each speaker as coded.
    by : {"actor", "side"}, optional
        The older name of ``level`` (``"actor"`` is ``"holder"``); still accepted.

    Returns
    -------
    plotly.graph_objects.Figure
        Two bars per speaker or side; "No statements coded yet" when there are none.

    Raises
    ------
    ValueError
        When ``level`` (or ``by``) is not one of those above.

    See Also
    --------
    newsclaims.analysis.voice_share : the table drawn.
    """
    level = an._level(level, by)
    if art.statements.empty:
        return nothing_coded("statements")
    share = an.voice_share(art, level).iloc[::-1]
    st = art.statements.assign(who=art.statements["actor_id"].map(an.speaks_for(art.actors))
                               if level == "side" else art.statements["actor_id"])
    quotes = st.groupby("who")["quote"].apply(list).to_dict()
    labels = [esc(n) for n in share["name"]]
    hover = [quotes_hover(quotes.get(a, [])) for a in share["actor_id"]]
    statements, words = int(share["statements"].sum()), int(share["quoted_words"].sum())
    said = [f"{r.statement_share:.0%} ({r.statements} of {statements})" for r in share.itertuples()]
    quoted = [f"{r.word_share:.0%} ({r.quoted_words} of {words} words)" for r in share.itertuples()]
    fig = go.Figure()
    fig.add_bar(y=labels, x=share["statement_share"] * 100, orientation="h", name="share of statements",
                marker_color=PAIR[0], text=said, textposition="outside", cliponaxis=False,
                customdata=[[t, h] for t, h in zip(said, hover)],
                hovertemplate="%{y}: %{customdata[0]} of statements<br>%{customdata[1]}<extra></extra>")
    fig.add_bar(y=labels, x=share["word_share"] * 100, orientation="h", name="share of quoted words",
                marker_color=PAIR[1], text=quoted, textposition="outside", cliponaxis=False,
                customdata=[[t, h] for t, h in zip(quoted, hover)],
                hovertemplate="%{y}: %{customdata[0]} quoted<br>%{customdata[1]}<extra></extra>")
    most = float(max(share["statement_share"].max(), share["word_share"].max())) * 100
    fig.update_layout(barmode="group")
    fig.update_traces(textfont={"size": 11})
    fig.update_xaxes(range=[0, most * 1.45 + 1])  # room for the labels beside the longest bar
    top = share.sort_values(["word_share", "statements"], ascending=False).iloc[0]
    title = (f"{top['name']} has the largest share of quoted words: {top.word_share:.0%} "
             f"({top.quoted_words} of {words} words, in {plural(top.statements, 'statement')})"
             if top.quoted_words else "No statement quotes its speaker's own words: all are paraphrased")
    sub = ("Grouped by the state, bloc or body each speaker speaks for." if level == "side"
           else "Each speaker separately.") + " Quoted words: words inside quotation marks."
    fig = _finish(fig, title, "% of all statements, % of all quoted words", "speaker" if level == "holder" else
                  "side the speakers speak for", sub, height=110 + 36 * len(share))
    return fig.update_layout(legend_traceorder="reversed")  # as the bars stand: words above statements


def actor_kinds_chart(art: Article) -> go.Figure:
    """How many actors of each kind the article names.

    Parameters
    ----------
    art : Article
        The article.

    Returns
    -------
    plotly.graph_objects.Figure
        Titled with its finding; "No actors coded yet" when there are none.
    """
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
    """Direct, partial and paraphrased statements per speaker.

    Parameters
    ----------
    art : Article
        The article.

    Returns
    -------
    plotly.graph_objects.Figure
        Titled with its finding; "No statements coded yet" when there are none.
    """
    if art.statements.empty:
        return nothing_coded("statements")
    st = art.statements.assign(name=art.statements["actor_id"].map(an.names(art)))
    order = st["name"].value_counts(ascending=True).index
    fig = go.Figure()
    for form in vocabulary("statements", "form", art):
        part = st[st["form"] == form]
        by = part.groupby("name")["quote"].apply(list)
        fig.add_bar(y=[esc(n) for n in order], x=[len(by.get(n, [])) for n in order], orientation="h",
                    name=esc(form), marker_color=FORM[form],
                    customdata=[quotes_hover(by.get(n, [])) for n in order],
                    hovertemplate=f"%{{y}}: %{{x}} {esc(form)}<br>%{{customdata}}<extra></extra>")
    fig.update_layout(barmode="stack")
    counts = st["form"].value_counts()
    title = (f"Only {counts.get('direct', 0)} of {len(st)} statements are whole quotations; "
             f"{counts.get('paraphrase', 0)} are paraphrased")
    return _finish(fig, title, "statements", "speaker", "Direct: a whole quotation. Partial: quoted words inside "
                   "the journalist's sentence. Paraphrase: no quoted words.", height=140 + 30 * len(order))


def cues_chart(art: Article) -> go.Figure:
    """The reporting cues, as written, and the forms they introduce.

    Parameters
    ----------
    art : Article
        The article.

    Returns
    -------
    plotly.graph_objects.Figure
        Titled with its finding; "No statements coded yet" when there are none.

    Examples
    --------
    >>> import newsclaims as nc
    >>> cues_chart(nc.load_article()).layout.title.text.split("<br>")[0]
    "'said' is the most common cue (13 of 37 statements)"
    """
    if art.statements.empty:
        return nothing_coded("statements")
    st = art.statements.assign(cue=art.statements["cue"].fillna("(no cue: quote continues)"))
    order = st["cue"].value_counts(ascending=True).index
    fig = go.Figure()
    for form in vocabulary("statements", "form", art):
        by = st[st["form"] == form].groupby("cue")["quote"].apply(list)
        fig.add_bar(y=[esc(c) for c in order], x=[len(by.get(c, [])) for c in order], orientation="h",
                    name=esc(form), marker_color=FORM[form],
                    customdata=[quotes_hover(by.get(c, []), most=2) for c in order],
                    hovertemplate=f"%{{y}} ({esc(form)}): %{{x}}<br>%{{customdata}}<extra></extra>")
    fig.update_layout(barmode="stack")
    top = st["cue"].value_counts()
    title = f"'{top.index[0]}' is the most common cue ({top.iloc[0]} of {len(st)} statements)"
    return _finish(fig, title, "statements", "cue, as written", height=140 + 26 * len(order))


def timeline(art: Article, since: str | None = "2022-01-01") -> go.Figure:
    """Events and statements by date, against the publication date.

    One row per event and one per speaker, in order of date, every row labelled.
    Open markers are dates resolved from words like "Monday"; crosses are dates the
    article does not give (inferred); filled markers are dates it states. A
    statement marker's size and number count the statements made that day.

    Parameters
    ----------
    art : Article
        The article.
    since : str or None
        Leave out what happened before this date (ISO, ``YYYY-MM-DD``); None keeps all.

    Returns
    -------
    plotly.graph_objects.Figure
        Titled with its finding; "No events or dated statements coded yet" when there are none.
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
    st["speaker"] = st["actor_id"].map(n)
    st["row"] = [f"{s}: statements" for s in st["speaker"]]
    ev["row"] = ev["label"].astype(str)
    # rows from the earliest to the latest, top down; on one day, events before statements
    first = pd.concat([ev.assign(order=0)[["row", "date", "order"]],
                       st.assign(order=1).rename(columns={"said_on": "date"})[["row", "date", "order"]]])
    rows = first.sort_values(["date", "order", "row"]).drop_duplicates("row")["row"].tolist()
    fig = go.Figure()
    for basis in vocabulary("events", "date_basis", art):
        part, symbol = ev[ev["date_basis"] == basis], DATE_BASIS_SYMBOL[basis]
        if len(part):
            fig.add_scatter(
                x=part["date"], y=[esc(r) for r in part["row"]], mode="markers",
                name=f"event, date {esc(basis)}", marker={"symbol": symbol, "size": 13, "color": EVENT_COLOUR,
                                                     "line": {"width": 2}},
                customdata=[[esc(r.date_text if isinstance(r.date_text, str) else "(no date given)"),
                             esc(r.note if isinstance(r.note, str) else "")] for r in part.itertuples()],
                hovertemplate="%{y}<br>%{x|%a %d %b %Y}, written as: %{customdata[0]}"
                              "<br>%{customdata[1]}<extra></extra>")
    groups = st.groupby(["said_on", "row", "said_on_basis"], observed=True)
    for basis in vocabulary("statements", "said_on_basis", art):
        marks, symbol = [(d, r, g) for (d, r, b), g in groups if b == basis], DATE_BASIS_SYMBOL[basis]
        if marks:
            fig.add_scatter(
                x=[d for d, _, _ in marks], y=[esc(r) for _, r, _ in marks], mode="markers+text",
                name=f"statements, date {esc(basis)}", text=[str(len(g)) for _, _, g in marks],
                textposition="middle left", textfont={"size": 11, "color": OKABE_ITO["blue"]},
                marker={"symbol": symbol, "size": [9 + 3 * len(g) for _, _, g in marks],
                        "color": OKABE_ITO["blue"], "line": {"width": 2}},
                customdata=[[len(g), esc(", ".join(dict.fromkeys(g["said_on_text"]))),
                             quotes_hover(g["quote"].tolist())] for _, _, g in marks],
                hovertemplate="%{y}: %{customdata[0]} statement(s)<br>%{x|%a %d %b %Y}, written as: "
                              "%{customdata[1]}<br>%{customdata[2]}<extra></extra>")
    # the publication date: a dotted line, named in the legend and on hover
    if rows:
        fig.add_scatter(x=[published, published], y=[esc(rows[0]), esc(rows[-1])], mode="lines",
                        name=f"published {published:%a %d %b}", hoverinfo="name",
                        line={"dash": "dot", "color": OKABE_ITO["grey"], "width": 2})
    fig.update_yaxes(categoryorder="array", categoryarray=[esc(r) for r in rows], autorange="reversed",
                     tickmode="array", tickvals=[esc(r) for r in rows], ticktext=[esc(r) for r in rows])
    dates = pd.concat([ev["date"], st["said_on"], pd.Series([published])]).dropna()
    fig.update_xaxes(range=[dates.min() - pd.Timedelta(days=1), dates.max() + pd.Timedelta(days=1)])
    busiest = st["said_on"].value_counts()
    title = (f"{busiest.iloc[0]} of {len(st)} dated statements were made on {busiest.index[0]:%A %d %B}, "
             f"the day before publication" if len(busiest) and
             busiest.index[0] == published - pd.Timedelta(days=1) else "When things were said and done")
    sub = ("Open markers: dates resolved from words like 'Monday'. Crosses: dates the article does not give. "
           "The number beside a statement marker: statements made that day.")
    if len(left_out):
        sub += " Not shown: " + ", ".join(f"{r.label} ({r.date_text})" for r in left_out.itertuples()) + "."
    return _finish(fig, title, "date", "event, or speaker's statements", sub, height=120 + 30 * len(rows))


def _cell_text(stance: str, n: int) -> str:
    """What a square of a stance chart says: the stance's symbol and how many statements stand behind it."""
    return f"{esc(STANCE_SYMBOL[stance])} {n}"


def _stance_key(stances: list[str]) -> str:
    """The stances with their symbols, as a key: "✓ support, ✗ oppose, ○ neutral, ± mixed"."""
    return ", ".join(f"{esc(STANCE_SYMBOL[s])} {esc(s)}" for s in stances)


def stance_heatmap(art: Article, level: an.Level = "side") -> go.Figure:
    """Who stands where: one square per actor and topic, coloured by stance.

    Each square shows the stance's symbol and the number of statements behind it;
    open squares are hedged stances. Hover for the evidence.

    Parameters
    ----------
    art : Article
        The article.
    level : {"side", "holder"}
        Actors as the sides they speak for, or each holder as coded.

    Returns
    -------
    plotly.graph_objects.Figure
        Titled with its finding; "No positions coded yet" when there are none.

    Examples
    --------
    >>> import newsclaims as nc
    >>> stance_heatmap(nc.load_article()).layout.title.text.split("<br>")[0]
    'China takes a position on 10 of 11 topics, 3 of them hedged'
    """
    m = an.stance_matrix(art, level)
    if m.empty:
        return nothing_coded("positions")
    who_ids, topic_ids = an.stance_order(m)
    names, labels = an.names(art), dict(zip(art.topics["topic_id"], art.topics["label"]))
    actors, topics = [names[w] for w in who_ids][::-1], [labels[t] for t in topic_ids]
    quotes = an.quotes(art)
    fig = go.Figure()
    stances = list(m["stance"].cat.categories)
    for stance in stances:
        for hedged in (False, True):
            part = m[(m["stance"] == stance) & (m["hedged"] == hedged)]
            if not len(part):
                continue
            fig.add_scatter(
                x=[esc(t) for t in part["topic"]], y=[esc(w) for w in part["who_name"]], mode="markers+text",
                name=f"{esc(stance)}{' (hedged)' if hedged else ''}",
                text=[_cell_text(stance, n) for n in part["n"]],
                textfont={"color": text_on(STANCE[stance]) if not hedged else STANCE_TEXT[stance], "size": 12},
                marker={"symbol": "square-open" if hedged else "square", "size": 34, "color": STANCE[stance],
                        "line": {"width": 3, "color": STANCE[stance]}},
                customdata=[[r.who, r.topic_id, r.n,
                             quotes_hover([quotes[s] for s in r.statements], most=3, width=70)]
                            for r in part.itertuples()],
                hovertemplate="%{y} on %{x}: " + esc(stance) + (" (hedged)" if hedged else "") +
                              "<br>%{customdata[2]} statement(s):<br>%{customdata[3]}<extra></extra>")
    fig.update_xaxes(categoryorder="array", categoryarray=[esc(t) for t in topics], tickangle=-35,
                     tickmode="array", tickvals=[esc(t) for t in topics])
    fig.update_yaxes(categoryorder="array", categoryarray=[esc(a) for a in actors],
                     tickmode="array", tickvals=[esc(a) for a in actors])
    first = m[m["who"] == who_ids[0]]
    title = (f"{names[who_ids[0]]} takes a position on {first['topic_id'].nunique()} of "
             f"{m['topic_id'].nunique()} topics, {int(first['hedged'].sum())} of them hedged")
    sub = ("Grouped by the state, bloc or body each holder speaks for. " if level == "side" else "") + \
        (f"In each square: {_stance_key(stances)}, and the number of statements behind it; "
         "open squares are hedged.")
    return _finish(fig, title, "topic", "actor" if level == "holder" else "side", sub,
                   height=200 + 50 * len(actors))


def _without_hedged(art: Article) -> Article:
    """The article with its hedged positions left out: only the firm stances count."""
    return dataclasses.replace(art, positions=art.positions[~art.positions["hedged"].astype(bool)])


def _topics(n: int) -> str:
    return f"the {n} topic{'' if n == 1 else 's'}" if n else "no topic"


def alignment_chart(art: Article, a: tuple[str, ...] = ("united_states",), b: tuple[str, ...] = ("russia",),
                    level: an.Level = "side", hedged: bool = True) -> go.Figure:
    """On the topics that divide two sides, whose side does each actor's position match?

    Each square is an actor's combined stance on a topic where the two poles take
    opposite sides, coloured by the pole it matches, with the number of statements
    behind it. Open squares are hedged stances (qualified, implied, or the coder's
    inference); the subtitle names them, and the topics that divide the poles only
    through one. ``hedged=False`` leaves every hedged position out before anything is
    combined or compared, so the chart shows what rests on firm stances alone.

    Parameters
    ----------
    art : Article
        The article.
    a, b : tuple of str
        The two poles (see :func:`newsclaims.analysis.alignment`).
    level : {"side", "holder"}
        Actors as the sides they speak for, or each holder as coded.
    hedged : bool
        Whether hedged positions count.

    Returns
    -------
    plotly.graph_objects.Figure
        Titled with its finding; "No positions coded yet" when there are none.

    See Also
    --------
    newsclaims.analysis.alignment : the table drawn.
    """
    if art.positions.empty:
        return nothing_coded("positions")
    if not hedged:
        art = _without_hedged(art)
        if art.positions.empty:
            return _finish(go.Figure(), "Every position coded is hedged: none is left to compare", "", "",
                           "Draw the chart with hedged=True to see the hedged stances.", height=160)
    al = an.alignment(art, a, b, level)
    pole_a, pole_b = an.pole_name(art, a), an.pole_name(art, b)
    colours = {pole_a: OKABE_ITO["bluish green"], pole_b: OKABE_ITO["reddish purple"], "neither": OKABE_ITO["grey"]}
    quotes = an.quotes(art)
    notes = an.positions_table(art, level).groupby(["who", "topic_id"])["note"].apply(list).to_dict()
    fig = go.Figure()
    for match, colour in colours.items():
        for soft in (False, True):
            part = al[(al["matches"] == match) & (al["hedged"] == soft)]
            if not len(part):
                continue
            fig.add_scatter(
                x=[esc(t) for t in part["topic"]], y=[esc(w) for w in part["who_name"]], mode="markers+text",
                name=esc(f"matches {match}{' (hedged)' if soft else ''}"),
                text=[_cell_text(st, len(ids)) for st, ids in zip(part["stance"], part["statements"])],
                textfont={"color": text_shade(colour) if soft else text_on(colour), "size": 12},
                marker={"symbol": "square-open" if soft else "square", "size": 34, "color": colour,
                        "line": {"width": 3, "color": colour}},
                customdata=[[esc(r.stance + (" (hedged)" if r.hedged else "")), len(r.statements),
                             quotes_hover([quotes[s] for s in r.statements], width=70),
                             quotes_hover(notes.get((r.who, r.topic_id), []), width=90)]
                            for r in part.itertuples()],
                hovertemplate="%{y} on %{x}: %{customdata[0]}, %{customdata[1]} statement(s)<br>%{customdata[2]}"
                              "<br><i>why:</i> %{customdata[3]}<extra></extra>")
    others = [w for w in dict.fromkeys(al["who_name"]) if w not in (pole_a, pole_b)]
    rows = [esc(w) for w in [*others[::-1], pole_b, pole_a] if w in set(al["who_name"])]
    topics = [esc(t) for t in dict.fromkeys(al["topic"])]
    fig.update_yaxes(categoryorder="array", categoryarray=rows, tickmode="array", tickvals=rows)
    fig.update_xaxes(categoryorder="array", categoryarray=topics, tickmode="array", tickvals=topics)
    n = al["topic_id"].nunique()
    where = f"{_topics(n)} where {pole_a} and {pole_b} take opposite sides"
    firm = "" if hedged else "unhedged "
    focus = "china" if "china" in set(an.stance_matrix(art, level)["who"]) and "china" not in (*a, *b) else None
    china = al[al["who"] == focus]
    if n == 0:
        title = f"{pole_a} and {pole_b} take no opposite {firm}stances in this article"
    elif len(china):
        def on(match: str) -> str:
            rows = china[china["matches"] == match]
            soft = int(rows["hedged"].sum())
            return f"{len(rows)}" + ("" if not soft else " (hedged)" if soft == len(rows) else f" ({soft} hedged)")
        title = (f"{china['who_name'].iloc[0]} matches {pole_a} on {on(pole_a)}, {pole_b} on {on(pole_b)}, "
                 f"neither on {on('neither')} (of {where})")
    elif focus:
        title = f"{an.names(art)[focus]} takes no {firm}stance on {where}"
    else:
        title = f"Where actors sit on {where}"
    stances = [*vocabulary("positions", "stance", art), an.MIXED]
    return _finish(fig, title, "topic on which the two poles take opposite stances", "actor",
                   _alignment_subtitle(al, pole_a, pole_b, hedged, stances),
                   height=190 + 52 * max(al["who"].nunique(), 1))


def _alignment_subtitle(al: pd.DataFrame, pole_a: str, pole_b: str, hedged: bool, stances: list[str]) -> str:
    """Which stances are hedged, and which topics divide the poles only through a hedged stance."""
    key = (f"Each square: the actor's combined stance ({_stance_key(stances)}) and the "
           "number of statements behind it, coloured by the pole it matches.")
    if not hedged:
        return "Hedged positions are left out: only firm stances count (hedged=True puts them back). " + key
    soft = al[al["hedged"]]
    if not len(soft):
        return "No stance shown is hedged. " + key
    parts = ["Open squares are hedged (qualified, implied or the coder's inference): "
             + ", ".join(f"{r.who_name} on {r.topic}" for r in soft.itertuples()) + "."]
    # a topic divides the poles only through a hedged stance when every member of a pole is hedged on it
    poles = al[al["pole"] != ""].groupby(["topic", "pole"], sort=False)["hedged"].all()
    for topic, whose in poles[poles].reset_index().groupby("topic", sort=False)["pole"]:
        parts.append(f"{topic} divides the poles only through {' and '.join(whose)}'s hedged stance.")
    parts += ["hedged=False redraws the chart without hedged stances.", key]
    return " ".join(parts)


def network_chart(graph: nx.Graph, title: str, subtitle: str = "", quotes: dict[str, str] | None = None,
                  topics: dict[str, str] | None = None,
                  stances: dict[tuple[str, str], str] | None = None) -> go.Figure:
    """Draw an affiliation, congruence or conflict network from :mod:`newsclaims.analysis`.

    Two-mode graphs (with ``bipartite`` node attributes) put actors on the left and
    topics on the right; others are drawn in a circle. Edges from the two-mode
    network are coloured by stance; other edges grow with their weight and carry it
    as a number at their midpoint.

    Parameters
    ----------
    graph : networkx.Graph
        From :func:`~newsclaims.analysis.affiliation_network`, ``congruence_network``
        or ``conflict_network``.
    title, subtitle : str
        The finding, and how to read the chart.
    quotes : dict, optional
        statement_id -> the statement, shown when a tie's midpoint is hovered.
    topics : dict, optional
        topic_id -> label, to name the topics a tie rests on.
    stances : dict, optional
        (actor, topic_id) -> the actor's combined stance in words ("mixed",
        "support (hedged)"), shown for each topic of a tie. A tie all of whose topics
        rest on a mixed stance (an actor who both supports and opposes) is drawn in
        the colour of mixed stances: it is an artefact of that mix, not an agreement.

    Returns
    -------
    plotly.graph_objects.Figure
        The network, with the title given; an empty figure with it for a graph
        without nodes.
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
    quotes, topics, stances = quotes or {}, topics or {}, stances or {}
    fig = go.Figure()
    mids: dict[str, list] = {"x": [], "y": [], "text": [], "weight": []}
    styles: dict[tuple[str, float, str], tuple[list, list]] = {}  # one trace per line style
    for u, v, d in sorted(graph.edges(data=True)):
        (x0, y0), (x1, y1) = pos[u], pos[v]
        names = graph.nodes[u]["label"], graph.nodes[v]["label"]
        lines = []
        if two_mode:
            colour, width = STANCE[d["stance"]], 1.5 + d["weight"]
            lines.append(f"{d['stance']}{' (hedged)' if d.get('hedged') else ''}, {d['weight']} position(s)")
        else:
            colour, width = OKABE_ITO["grey"], 1 + 2 * d["weight"]
            ids = d["topics"].split(";")
            lines.append(f"{plural(d['weight'], 'topic')}{' (all hedged)' if d.get('hedged') else ''}:")
            for t in ids:
                held = [f"{name} {stances[(who, t)]}" for who, name in zip((u, v), names) if (who, t) in stances]
                lines.append(f"• {topics.get(t, t)}" + (f": {', '.join(held)}" if held else ""))
            mixed = [t for t in ids if any(stances.get((who, t), "").startswith(an.MIXED) for who in (u, v))]
            if mixed and len(mixed) == len(ids):
                colour = STANCE[an.MIXED]
                lines.append("rests only on a mixed stance: an actor who both supports and opposes")
            elif mixed:
                lines.append(f"{len(mixed)} of these topics through a mixed stance")
        xs, ys = styles.setdefault((colour, width, "dot" if d.get("hedged") else "solid"), ([], []))
        xs += [x0, x1, None]
        ys += [y0, y1, None]
        evidence = [quotes[s] for s in d.get("statements", "").split(";") if s in quotes]
        mids["x"].append((x0 + x1) / 2)
        mids["y"].append((y0 + y1) / 2)
        mids["weight"].append(str(d["weight"]))
        mids["text"].append("<br>".join(esc(line) for line in [f"{names[0]} – {names[1]}", *lines]) +
                            (f"<br><i>statements:</i><br>{quotes_hover(evidence, most=4, width=80)}"
                             if evidence else ""))
    for (colour, width, dash), (xs, ys) in styles.items():
        fig.add_scatter(x=xs, y=ys, mode="lines", hoverinfo="skip", showlegend=False,
                        line={"color": colour, "width": width, "dash": dash})
    fig.add_scatter(x=mids["x"], y=mids["y"], mode="markers" if two_mode else "markers+text",
                    text=None if two_mode else mids["weight"], textposition="top center",
                    textfont={"size": 11, "color": "#555555"},
                    marker={"size": 8 if two_mode else 14, "color": "rgba(0,0,0,0.15)"},
                    hovertemplate="%{customdata}<extra></extra>", customdata=mids["text"], name="ties")
    nodes = sorted(graph.nodes)
    fig.add_scatter(
        x=[pos[n][0] for n in nodes], y=[pos[n][1] for n in nodes], mode="markers+text",
        text=[esc(graph.nodes[n]["label"]) for n in nodes],
        textposition=["middle left" if two_mode and pos[n][0] == 0 else "middle right" for n in nodes],
        marker={"size": 16, "color": [_node_colour(graph.nodes[n].get("kind", "")) for n in nodes],
                "line": {"width": 1, "color": "white"}},
        customdata=[esc(f"{graph.nodes[n]['label']}: {graph.degree(n)} ties") for n in nodes],
        hovertemplate="%{customdata}<extra></extra>", name="actors" if not two_mode else "actors and topics")
    fig.update_xaxes(visible=False, range=[-0.9, 1.9] if two_mode else [-1.8, 1.8])
    fig.update_yaxes(visible=False, range=[-0.1, 1.1] if two_mode else [-1.3, 1.3])
    fig.update_layout(showlegend=False)
    return _finish(fig, title, "", "", subtitle, height=500)


def _node_colour(kind: str) -> str:
    """A network node's colour: its kind's, grey for a topic, blue for an actor of no kind."""
    return OKABE_ITO["grey"] if kind == "topic" else KIND[kind] if kind else OKABE_ITO["blue"]


def _attributed(art: Article) -> dict[str, str]:
    """statement_id -> "speaker: quote", the evidence a tie's hover shows."""
    names = an.names(art)
    return {r.statement_id: f"{names.get(r.actor_id, r.actor_id)}: {r.quote}" for r in art.statements.itertuples()}


def _stances_in_words(art: Article, level: an.Level) -> dict[tuple[str, str], str]:
    """(who, topic_id) -> the combined stance in words, e.g. "mixed (1 support, 1 oppose)"."""
    out = {}
    for r in an.stance_matrix(art, level).to_dict("records"):
        words = str(r["stance"]) + (" (hedged)" if r["hedged"] else "")
        if r["stance"] == an.MIXED:  # the sided stances behind it: "(1 support, 1 oppose)"
            words += " (" + ", ".join(f"{r[s]} {s}" for s in an.SCORE if an.SCORE[s] and r.get(s)) + ")"
        out[(r["who"], r["topic_id"])] = words
    return out


def _actor_network_chart(art: Article, level: an.Level, graph: nx.Graph, title: str, how: str) -> go.Figure:
    """Congruence or conflict: ties named by topic, and those that rest on a mixed stance said so."""
    topics = dict(zip(art.topics["topic_id"], art.topics["label"]))
    stances = _stances_in_words(art, level)
    sub = (f"A line joins two actors who take {how} on a topic; the number on it counts the topics; "
           "dotted when all the evidence is hedged. Hover a tie's midpoint for its topics and statements.")
    only, partly = [], []
    for u, v, d in sorted(graph.edges(data=True)):
        ids = d["topics"].split(";")
        mixed = [(graph.nodes[w]["label"], topics.get(t, t)) for t in ids for w in (u, v)
                 if stances.get((w, t), "").startswith(an.MIXED)]
        pair = f"{graph.nodes[u]['label']}–{graph.nodes[v]['label']}"
        if mixed and len({t for _, t in mixed}) == len(ids):
            only.append(f"{pair} ({'; '.join(f'{w} on {t}' for w, t in mixed)})")
        elif mixed:
            partly.append(f"{pair} ({len({t for _, t in mixed})} of {len(ids)} topics)")
    if only:
        sub += (f" {colour_name(STANCE[an.MIXED]).capitalize()}: a tie that rests only on a mixed stance, "
                "an actor both supporting and opposing: "
                + ", ".join(only) + ".")
    if partly:
        sub += " Partly through a mixed stance: " + ", ".join(partly) + "."
    return network_chart(graph, title, sub, _attributed(art), topics, stances)


def affiliation_chart(art: Article, level: an.Level = "side") -> go.Figure:
    """The actor–topic network: who takes which stance on what.

    Parameters
    ----------
    art : Article
        The article.
    level : {"side", "holder"}
        Actors as the sides they speak for, or each holder as coded.

    Returns
    -------
    plotly.graph_objects.Figure
        Titled with its finding; "No positions coded yet" when there are none.

    See Also
    --------
    newsclaims.analysis.affiliation_network : the network drawn.
    """
    if art.positions.empty:
        return nothing_coded("positions")
    graph = an.affiliation_network(art, level)
    actors = [n for n, d in graph.nodes(data=True) if d["bipartite"] == 0]
    busiest = max(actors, key=lambda n: (graph.degree(n), n))
    title = f"{graph.nodes[busiest]['label']} is tied to the most topics ({graph.degree(busiest)})"
    lines = ", ".join(f"{colour_name(STANCE[s])} {esc(s)}" for s in [*vocabulary("positions", "stance", art), an.MIXED])
    return network_chart(graph, title, f"Lines: {lines}; dotted when hedged. Hover the midpoints for the evidence.",
                         _attributed(art))


def congruence_chart(art: Article, level: an.Level = "side") -> go.Figure:
    """Actors linked by taking the same stance on the same topic.

    Parameters
    ----------
    art : Article
        The article.
    level : {"side", "holder"}
        Actors as the sides they speak for, or each holder as coded.

    Returns
    -------
    plotly.graph_objects.Figure
        Titled with its finding; "No positions coded yet" when there are none.

    See Also
    --------
    newsclaims.analysis.congruence_network : the network drawn.

    Examples
    --------
    >>> import newsclaims as nc
    >>> congruence_chart(nc.load_article()).layout.title.text.split("<br>")[0]
    'China and Russia agree on the most topics (3)'
    """
    if art.positions.empty:
        return nothing_coded("positions")
    graph = an.congruence_network(art, level)
    title = _strongest(graph, "agree on", "No two actors take the same stance")
    return _actor_network_chart(art, level, graph, title, "the same stance")


def conflict_chart(art: Article, level: an.Level = "side") -> go.Figure:
    """Actors linked by taking opposite stances on the same topic.

    Parameters
    ----------
    art : Article
        The article.
    level : {"side", "holder"}
        Actors as the sides they speak for, or each holder as coded.

    Returns
    -------
    plotly.graph_objects.Figure
        Titled with its finding; "No positions coded yet" when there are none.

    See Also
    --------
    newsclaims.analysis.conflict_network : the network drawn.
    """
    if art.positions.empty:
        return nothing_coded("positions")
    graph = an.conflict_network(art, level)
    title = _strongest(graph, "are opposed on", "No two actors take opposite stances")
    return _actor_network_chart(art, level, graph, title, "opposite stances")


def _strongest(graph: nx.Graph, verb: str, empty: str) -> str:
    if not graph.number_of_edges():
        return empty
    u, v, d = max(graph.edges(data=True), key=lambda e: (e[2]["weight"], e[0], e[1]))
    return (f"{graph.nodes[u]['label']} and {graph.nodes[v]['label']} {verb} the most topics "
            f"({d['weight']})")


def confusion_chart(student: pd.DataFrame, reference: pd.DataFrame, field: str) -> go.Figure:
    """Counts of each (student answer, reference answer) pair for one field; blank or NaN answers are left out.

    The diagonal is agreement; hovering a square names the statements in it.

    Parameters
    ----------
    student : DataFrame
        A coding: ``statement_id`` and the field's column (see :mod:`newsclaims.reliability`).
    reference : DataFrame
        The reference coding (:func:`~newsclaims.reliability.reference_coding`), aligned
        to the student's answers by :func:`~newsclaims.reliability.align`, or any coding
        with one row per statement.
    field : str
        One of :data:`~newsclaims.reliability.FIELDS`, such as ``"form"``.

    Returns
    -------
    plotly.graph_objects.Figure
        A heatmap; when no statement has both answers, an empty figure that says so.

    Examples
    --------
    >>> import newsclaims as nc
    >>> reference = nc.reference_coding(nc.load_article())
    >>> fig = confusion_chart(reference.head(3).assign(form="direct"), reference, "form")
    >>> fig.layout.title.text
    'You agree with the reference on 0 of 3 statements (form)'
    """
    student = student.drop_duplicates("statement_id", keep="last")
    if field not in student.columns:
        student = student.assign(**{field: ""})
    if reference["statement_id"].duplicated().any():
        reference = rel.align(student, reference)
    both = student.merge(reference, on="statement_id", suffixes=("_student", "_reference"))
    both = both[~(rel.missing(both[f"{field}_student"]) | rel.missing(both[f"{field}_reference"])).to_numpy()]
    if both.empty:
        return nothing_coded("statements") if reference.empty else _finish(
            go.Figure(), "You have not coded any of these statements yet", "your answer", "reference answer")
    a, b = rel._text(both[f"{field}_student"]), rel._text(both[f"{field}_reference"])
    labels = sorted(set(a) | set(b))
    table = pd.crosstab(b, a).reindex(index=labels, columns=labels, fill_value=0)
    ids = both["statement_id"].tolist()
    hover = [[esc(", ".join(i for i, x, y in zip(ids, a, b) if x == col and y == row)) for col in labels]
             for row in labels]
    fig = go.Figure(go.Heatmap(z=table.values, x=[esc(v) for v in labels], y=[esc(v) for v in labels],
                               colorscale=[[0, "#ffffff"], [1, OKABE_ITO["blue"]]], customdata=hover,
                               text=table.values, texttemplate="%{text}",
                               hovertemplate="reference %{y}, you %{x}: %{z}<br>%{customdata}<extra></extra>"))
    agreed = int(table.values.trace())
    return _finish(fig, f"You agree with the reference on {agreed} of {len(both)} statements ({field})",
                   "your answer", "reference answer", height=260 + 28 * len(labels))
