"""ipywidgets explorers. Each function returns a widget; what the widget shows is built
by a plain function (``*_html``) that a test can call, and the widget's callback only
sets the value of an HTML widget from the kernel side. An explorer whose article has
nothing of what it shows coded yet says so ("No statements coded yet") and what to code.
"""

from __future__ import annotations

import os

import ipywidgets as w
import pandas as pd

from . import analysis as an
from . import files
from .data import Article, vocabulary
from .palette import FORM_TEXT, FORM_TINT, STANCE, STANCE_SYMBOL, STANCE_TEXT, text_on
from .text import esc, highlight, plural, statement_tooltip

# Each coded stance as the answer to a topic's yes/no question (topic_html); tests/test_vocabulary.py
# holds the keys to the descriptor's enum, and a stance not here yet is headed by its name alone
ANSWERS = {"support": "Yes", "oppose": "No", "neutral": "Neither"}


class Explorer(w.VBox):
    """A box of widgets that, in a handout, also offers its current view as static HTML.

    In JupyterLab the live widget shows. When $NEWSCLAIMS_HANDOUT is set (``python -m
    newsclaims handouts``), the display also carries text/html: the explorer as it
    stands, so that a page exported without a kernel still reads well.

    Parameters
    ----------
    children : list of ipywidgets.Widget, optional
        What the box holds, as for ``ipywidgets.VBox``.
    """

    def static_html(self) -> str:
        """The explorer as it stands, as HTML: its HTML views, the choices of its drop-downs, its grids as tables.

        Returns
        -------
        str
            HTML, led by a note that it is a snapshot.

        Examples
        --------
        >>> import newsclaims as nc
        >>> "Wang Yi" in reader(nc.load_article(), ("wang_yi",)).static_html()
        True
        """
        parts = []

        def walk(widget: w.Widget) -> None:
            if isinstance(widget, w.HTML):
                parts.append(widget.value)
            elif isinstance(widget, (w.Dropdown, w.SelectMultiple)):
                value = widget.label if isinstance(widget, w.Dropdown) else ", ".join(widget.label)
                parts.append(f"<p><b>{esc(widget.description)}:</b> {esc(value)}</p>")
            elif isinstance(widget, w.GridBox):
                parts.append(_grid_html(widget))
                return
            for child in getattr(widget, "children", ()):
                walk(child)

        walk(self)
        note = '<p style="color:#666;font-size:90%"><i>A snapshot of an interactive explorer.</i></p>'
        return note + "".join(parts)

    def _repr_mimebundle_(self, **kwargs):
        bundle = super()._repr_mimebundle_(**kwargs)
        if os.environ.get(files.HANDOUT_ENV) and isinstance(bundle, dict):
            bundle["text/html"] = self.static_html()
        return bundle


def _grid_html(grid: w.GridBox) -> str:
    """A stance grid as a plain HTML table."""
    cells = list(grid.children)
    width = 1 + sum(1 for c in cells[1:] if isinstance(c, w.HTML) and "writing-mode" in c.value)
    rows = [cells[i:i + width] for i in range(0, len(cells), width)]
    html = []
    for row in rows:
        tds = []
        for cell in row:
            if isinstance(cell, w.Button):
                colour = cell.style.button_color
                text = cell.style.text_color or "black"
                tds.append(f'<td title="{esc(cell.tooltip)}" style="background:{esc(colour)};color:{esc(text)};'
                           f'border:2px solid {esc(cell.layout.border.split()[-1] if cell.layout.border else "#ddd")};'
                           f'text-align:center;width:2.4em">{esc(cell.description)}</td>')
            else:
                tds.append(f"<td>{cell.value}</td>")
        html.append("<tr>" + "".join(tds) + "</tr>")
    return '<table style="border-collapse:separate;border-spacing:2px">' + "".join(html) + "</table>"


MENTION_STYLE = "border-bottom:2px solid #0072B2;font-weight:600"
BOX = "font-family:Georgia,serif;line-height:1.6;max-width:52em"
MUTED = "color:#666;font-size:90%"



def _nothing_coded(missing: str) -> str:
    """What is not coded yet, and what to code (``missing`` is a key of ``analysis.TO_CODE``)."""
    return f'<p><i>No {esc(missing)} coded yet.</i> <span style="{MUTED}">{esc(an.TO_CODE[missing])}</span></p>'


def credit_html(art: Article) -> str:
    """A credit line for the article: title (linked), byline, date.

    Parameters
    ----------
    art : Article
        The article.

    Returns
    -------
    str
        HTML, every value escaped.
    """
    m = art.meta
    return (f'<p style="{MUTED}">Text: <a href="{esc(m["url"])}" target="_blank" rel="noopener">'
            f'{esc(m["title"])}</a>, {esc(m["author"])}, {m["published"]:%-d %B %Y}. '
            f'Reproduced for teaching.</p>')


def legend_html(art: Article | None = None) -> str:
    """A key to the highlight colours: one per form, and the underline of a mention.

    Parameters
    ----------
    art : Article, optional
        Its forms; without it, the data folder's.

    Returns
    -------
    str
        HTML.
    """
    forms = " ".join(f'<span style="background:{FORM_TINT[f]};color:#333;padding:0 4px">{esc(f)}</span>'
                     for f in vocabulary("statements", "form", art))
    return (f'<p style="{MUTED}">Statements: {forms}. '
            f'<span style="{MENTION_STYLE}">Underlined</span>: a mention. Hover a highlight for its coding.</p>')


def _stances(art: Article) -> dict[str, str]:
    """statement_id -> its positions in words, for tooltips."""
    out: dict[str, list[str]] = {}
    for r in an.positions_table(art, "holder").itertuples():
        held = "" if r.holder_id == r.actor_id else f" for {r.who_name}"
        out.setdefault(r.statement_id, []).append(
            f"{r.topic}: {r.stance}{' (hedged)' if r.hedged else ''}{held}")
    return {k: "; ".join(v) for k, v in out.items()}


def statement_marks(art: Article, statements: pd.DataFrame, stances: dict[str, str] | None = None) -> list[dict]:
    """Highlight marks for statements: background by form, coded fields on hover.

    Parameters
    ----------
    art : Article
        The article.
    statements : DataFrame
        Rows of ``art.statements``.
    stances : dict, optional
        statement_id -> its positions in words, worked out when not given.

    Returns
    -------
    list of dict
        Marks for :func:`newsclaims.text.highlight`: start, end, layer, style, title, attrs.
    """
    names = an.names(art)
    stances = _stances(art) if stances is None else stances
    return [{"start": r["start"], "end": r["end"], "layer": 0,
             "style": f"background:{FORM_TINT[r['form']]};border-radius:3px",
             "title": statement_tooltip(r, names, stances.get(r["statement_id"], "")),
             "attrs": {"data-statement": r["statement_id"]}}
            for r in statements.to_dict("records")]


def mention_marks(art: Article, mentions: pd.DataFrame) -> list[dict]:
    """Underline marks for actor mentions, with the actor's name on hover.

    Parameters
    ----------
    art : Article
        The article.
    mentions : DataFrame
        Rows of ``art.mentions``.

    Returns
    -------
    list of dict
        Marks for :func:`newsclaims.text.highlight`.
    """
    names = an.names(art)
    return [{"start": r.start, "end": r.end, "layer": 1, "style": MENTION_STYLE,
             "title": f"mention of {names.get(r.actor_id, r.actor_id)}", "attrs": {"data-actor": r.actor_id}}
            for r in mentions.itertuples()]


def paragraph_html(art: Article, paragraph: int, marks: list[dict]) -> str:
    """One paragraph, numbered, with marks.

    Parameters
    ----------
    art : Article
        The article.
    paragraph : int
        The paragraph, from 1.
    marks : list of dict
        From :func:`statement_marks` or :func:`mention_marks`.

    Returns
    -------
    str
        HTML, the text escaped.
    """
    p = art.paragraphs.iloc[paragraph - 1]
    return (f'<p style="margin:0.4em 0"><span style="{MUTED};margin-right:0.6em">¶{paragraph}</span>'
            f'{highlight(art.text, int(p.start), int(p.end), marks)}</p>')


# --- Reader ---------------------------------------------------------------------------------

def reader_html(art: Article, actor_ids: tuple[str, ...] | list[str] = ()) -> str:
    """The whole article with the chosen actors' mentions and statements highlighted.

    Parameters
    ----------
    art : Article
        The article.
    actor_ids : sequence of str
        The actors to highlight; none highlights nothing.

    Returns
    -------
    str
        HTML: a header with the counts, the key, the text and its credit.
    """
    chosen = set(actor_ids)
    marks = statement_marks(art, art.statements[art.statements["actor_id"].isin(chosen)]) + \
        mention_marks(art, art.mentions[art.mentions["actor_id"].isin(chosen)])
    names = an.names(art)
    n_st = int(art.statements["actor_id"].isin(chosen).sum())
    n_me = int(art.mentions["actor_id"].isin(chosen).sum())
    who = esc(", ".join(names[a] for a in sorted(chosen, key=names.get)))
    head = (f"<p><b>{who}</b>: {plural(n_me, 'mention')}, {plural(n_st, 'statement')}</p>" if chosen
            else "<p>Pick one or more actors to highlight them.</p>" if len(art.actors)
            else _nothing_coded("actors"))
    body = "".join(paragraph_html(art, int(p), marks) for p in art.paragraphs["paragraph"])
    return (f'<div style="{BOX}">{head}{legend_html(art)}'
            f'<div style="max-height:36em;overflow-y:auto;padding-right:0.5em" tabindex="0" role="region" '
            f'aria-label="The article, with the chosen actors highlighted">'
            f'<h3 style="margin:0.3em 0">{esc(art.meta["title"])}</h3>{body}</div>{credit_html(art)}</div>')


def reader(art: Article, actor_ids: tuple[str, ...] = ()) -> w.VBox:
    """Pick actors; see the text with their mentions and statements highlighted.

    Parameters
    ----------
    art : Article
        The article.
    actor_ids : tuple of str
        The actors picked at first; ids the article does not have are left out.

    Returns
    -------
    Explorer
        An ipywidgets VBox; in a handout, also its current view as static HTML.

    Examples
    --------
    >>> import newsclaims as nc
    >>> box = reader(nc.load_article(), ("wang_yi",))
    >>> "5 mentions, 6 statements" in box.children[-1].value
    True
    """
    names = an.names(art)
    present = set(art.mentions["actor_id"]) | set(art.statements["actor_id"])
    options = sorted(((names[a], a) for a in present), key=lambda o: o[0].lower())
    actor_ids = tuple(a for a in actor_ids if a in present)  # ids from another article are left out
    picker = w.SelectMultiple(options=options, value=actor_ids, rows=8, description="Actors",
                              layout=w.Layout(width="24em"))
    view = w.HTML(reader_html(art, actor_ids))
    picker.observe(lambda change: setattr(view, "value", reader_html(art, change["new"])), names="value")
    return Explorer([w.HTML(f'<i style="{MUTED}">Ctrl- or Cmd-click to pick several.</i>'), picker, view])


# --- Actor explorer -------------------------------------------------------------------------

def statement_in_context_html(art: Article, statement: pd.Series | dict, note: str = "",
                              stances: dict[str, str] | None = None) -> str:
    """A statement's paragraph with its span highlighted, under a one-line header.

    Parameters
    ----------
    art : Article
        The article.
    statement : Series or dict
        One statement, with the columns of ``art.statements``.
    note : str
        A line to show under it (the coder's reason, say).
    stances : dict, optional
        From ``_stances``, to save working them out again for each statement.

    Returns
    -------
    str
        HTML.
    """
    s = dict(statement)
    names = an.names(art)
    cue = f", cue “{esc(s['cue'])}”" if isinstance(s.get("cue"), str) else ""
    via = f", via {esc(names.get(s['via'], s['via']))}" if isinstance(s.get("via"), str) else ""
    head = (f'<div style="{MUTED}"><b>{esc(names.get(s["actor_id"], s["actor_id"]))}</b> · '
            f'<span style="color:{FORM_TEXT[s["form"]]};font-weight:600">{esc(s["form"])}</span>{cue}{via}</div>')
    marks = statement_marks(art, pd.DataFrame([s]), stances)
    extra = f'<div style="{MUTED}">{esc(note)}</div>' if note else ""
    return (f'<div style="margin:0.6em 0 1em 0" data-statement="{esc(s["statement_id"])}">{head}'
            f'{paragraph_html(art, int(s["paragraph"]), marks)}{extra}</div>')


def actor_card_html(art: Article, actor_id: str) -> str:
    """An actor's role, whom they represent, how often they are named, and their statements.

    Parameters
    ----------
    art : Article
        The article.
    actor_id : str
        The actor.

    Returns
    -------
    str
        HTML: a table of the actor's facts, their statements in context, and the
        stances others report for them.

    Raises
    ------
    KeyError
        When the article has no such actor.
    """
    names = an.names(art)
    actor = art.actors.set_index("actor_id").loc[actor_id]
    counts = an.mention_counts(art).set_index("actor_id").loc[actor_id]
    rows = [("kind", actor["kind"]), ("role in the article", actor["role"]),
            ("speaks for", names.get(actor["represents"], actor["represents"])),
            ("belongs to", names.get(actor["affiliation"], actor["affiliation"])),
            ("named in the text", f"{counts['mentions']} times"),
            ("statements", str(counts["statements"])), ("note", actor["note"])]
    table = "".join(f"<tr><th style='text-align:left;padding-right:1em'>{k}</th><td>{esc(v)}</td></tr>"
                    for k, v in rows if isinstance(v, str) and v)
    said = art.statements[art.statements["actor_id"] == actor_id]
    held = art.positions[(art.positions["holder_id"] == actor_id)
                         & ~art.positions["statement_id"].isin(said["statement_id"])]
    stances = _stances(art)
    parts = [statement_in_context_html(art, r, stances=stances) for _, r in said.iterrows()]
    if len(held):
        statements = art.statements.set_index("statement_id")
        labels = dict(zip(art.topics["topic_id"], art.topics["label"]))
        parts.append(f"<p><b>{len(held)} stances others report for {esc(actor['name'])}:</b></p>")
        for r in held.itertuples():
            parts.append(f"<div>{_stance_html(str(r.stance), bool(r.hedged))} on {esc(labels[r.topic_id])}</div>")
            parts.append(statement_in_context_html(art, _statement(statements, r.statement_id),
                                                   note=f"Why: {r.note}", stances=stances))
    body = "".join(parts) or "<p><i>No statements: the article talks about this actor, not with them.</i></p>"
    return (f'<div style="{BOX}"><h3 style="margin:0.3em 0">{esc(actor["name"])}</h3>'
            f"<table>{table}</table>{body}{credit_html(art)}</div>")


def actor_explorer(art: Article, actor_id: str | None = None) -> w.VBox:
    """Pick an actor; see their role, whom they speak for, mentions and statements in context.

    Parameters
    ----------
    art : Article
        The article.
    actor_id : str, optional
        The actor shown first; the most named when not given or not in the article.

    Returns
    -------
    Explorer
        An ipywidgets VBox; in a handout, also its current view as static HTML.
        "No actors coded yet" when there are none.
    """
    counts = an.mention_counts(art)
    if counts.empty:
        return Explorer([w.HTML(_nothing_coded("actors"))])
    options = [(f"{r.name} ({plural(r.mentions, 'mention')}, {plural(r.statements, 'statement')})",
                r.actor_id)
               for r in counts.sort_values("name", key=lambda s: s.str.lower()).itertuples()]
    first = actor_id if actor_id in set(counts["actor_id"]) else counts.iloc[0]["actor_id"]
    pick = w.Dropdown(options=options, value=first, description="Actor", layout=w.Layout(width="36em"))
    view = w.HTML(actor_card_html(art, first))
    pick.observe(lambda change: setattr(view, "value", actor_card_html(art, change["new"])), names="value")
    return Explorer([pick, view])


# --- Statement explorer ---------------------------------------------------------------------

def select_statements(art: Article, actor: str | None = None, form: str | None = None,
                      topic: str | None = None, setting: str | None = None) -> pd.DataFrame:
    """The statements that match every filter given (None means any).

    Parameters
    ----------
    art : Article
        The article.
    actor, form, topic, setting : str, optional
        A speaker's id, a form, a topic id, a setting ("(not given)" for none).

    Returns
    -------
    DataFrame
        The matching rows of ``art.statements``.

    Examples
    --------
    >>> import newsclaims as nc
    >>> len(select_statements(nc.load_article(), actor="wang_yi", form="partial"))
    2
    """
    st = art.statements
    keep = pd.Series(True, index=st.index)
    if actor:
        keep &= st["actor_id"] == actor
    if form:
        keep &= st["form"] == form
    if topic:
        keep &= st["statement_id"].isin(art.positions.loc[art.positions["topic_id"] == topic, "statement_id"])
    if setting:
        keep &= st["setting"].fillna("(not given)") == setting
    return st[keep]


def statements_html(art: Article, actor: str | None = None, form: str | None = None,
                    topic: str | None = None, setting: str | None = None) -> str:
    """Every matching statement in its paragraph, with the span highlighted.

    Parameters
    ----------
    art : Article
        The article.
    actor, form, topic, setting : str, optional
        The filters of :func:`select_statements`.

    Returns
    -------
    str
        HTML: how many match, then each in its paragraph; "No statements coded yet"
        when there are none.
    """
    if art.statements.empty:
        return f'<div style="{BOX}">{_nothing_coded("statements")}{credit_html(art)}</div>'
    chosen = select_statements(art, actor, form, topic, setting)
    head = f"<p><b>{len(chosen)}</b> of {len(art.statements)} statements match.</p>"
    stances = _stances(art)
    body = "".join(statement_in_context_html(art, r, stances=stances) for _, r in chosen.iterrows())
    return f'<div style="{BOX}">{head}{legend_html(art)}{body}{credit_html(art)}</div>'


ANY = "(any)"  # the value of a filter's first option: "any speaker", "any form", ...


def statement_explorer(art: Article) -> w.VBox:
    """Filter statements by speaker, form, topic and setting; see each in its paragraph.

    Every drop-down opens on a value it shows ("any speaker", "any form", ...), never a
    blank: the value of that first option is :data:`ANY`, not None, which ipywidgets
    would show as no choice at all.

    Parameters
    ----------
    art : Article
        The article.

    Returns
    -------
    Explorer
        An ipywidgets VBox; in a handout, also its current view as static HTML.
        "No statements coded yet" when there are none.
    """
    if art.statements.empty:
        return Explorer([w.HTML(statements_html(art))])
    names = an.names(art)
    speakers = sorted(set(art.statements["actor_id"]), key=lambda a: names[a].lower())
    settings = sorted(set(art.statements["setting"].fillna("(not given)")))
    wide = w.Layout(width="28em")  # the longest setting, "UN Security Council emergency meeting", fits
    style = {"description_width": "5em"}

    def dropdown(description: str, every: str, options: list[tuple[str, str]]) -> w.Dropdown:
        return w.Dropdown(options=[(f"any {every}", ANY), *options], value=ANY, description=description,
                          layout=wide, style=style)

    filters = {
        "actor": dropdown("Speaker", "speaker", [(names[a], a) for a in speakers]),
        "form": dropdown("Form", "form", [(f, f) for f in vocabulary("statements", "form", art)]),
        "topic": dropdown("Topic", "topic", list(zip(art.topics["label"], art.topics["topic_id"]))),
        "setting": dropdown("Setting", "setting", [(s, s) for s in settings]),
    }
    view = w.HTML(statements_html(art))

    def update(_change: object = None) -> None:
        view.value = statements_html(art, **{k: None if d.value == ANY else d.value for k, d in filters.items()})

    for d in filters.values():
        d.observe(update, names="value")
    return Explorer([w.HBox(list(filters.values())[:2]), w.HBox(list(filters.values())[2:]), view])


# --- Positions ------------------------------------------------------------------------------

def _statement(indexed: pd.DataFrame, statement_id: str) -> dict:
    """One statement as a dict, from statements indexed by statement_id."""
    return indexed.loc[statement_id].to_dict() | {"statement_id": statement_id}


def _stance_html(stance: str, hedged: bool) -> str:
    return (f'<span style="color:{STANCE_TEXT[stance]};font-weight:600">{esc(STANCE_SYMBOL[stance])} '
            f'{esc(stance)}{" (hedged)" if hedged else ""}</span>')


def evidence_html(art: Article, who: str, topic_id: str, level: an.Level = "side") -> str:
    """The statements behind one cell of the stance heatmap, each with the coder's note.

    Parameters
    ----------
    art : Article
        The article.
    who : str
        The actor (or side) of the cell.
    topic_id : str
        The topic of the cell.
    level : {"side", "holder"}
        Actors as the sides they speak for, or each holder as coded.

    Returns
    -------
    str
        HTML: the topic's question, then each statement with its stance, holder and
        the coder's reason; or that the article does not say.

    Raises
    ------
    KeyError
        When the article has no such topic.
    """
    pos = an.positions_table(art, level)
    cell = pos[(pos["who"] == who) & (pos["topic_id"] == topic_id)]
    names = an.names(art)
    topic = art.topics.set_index("topic_id").loc[topic_id]
    head = f"<p><b>{esc(names.get(who, who))}</b> on <b>{esc(topic['label'])}</b>: {esc(topic['question'])}</p>"
    if not len(cell):
        return f'<div style="{BOX}">{head}<p><i>No coded statement: the article does not say.</i></p></div>'
    statements = art.statements.set_index("statement_id")
    stances = _stances(art)
    parts = []
    for r in cell.itertuples():
        stance = _stance_html(str(r.stance), bool(r.hedged))
        holder = "" if r.holder_id == who else f" (held by {esc(names[r.holder_id])})"
        parts.append(f"<div>{stance}{holder}</div>" + statement_in_context_html(
            art, _statement(statements, r.statement_id), note=f"Why: {r.note}", stances=stances))
    return f'<div style="{BOX}">{head}{"".join(parts)}{credit_html(art)}</div>'


def stance_grid(art: Article, level: an.Level = "side") -> tuple[w.GridBox, dict[tuple[str, str], w.Button]]:
    """The stance heatmap as a grid of buttons, one per actor and topic, coloured by stance.

    Hedged stances are outlined rather than filled; an empty cell is a light dot.

    Parameters
    ----------
    art : Article
        The article.
    level : {"side", "holder"}
        Actors as the sides they speak for, or each holder as coded.

    Returns
    -------
    grid : ipywidgets.GridBox
        The grid, with the topics' labels above and the actors' names to the left.
    buttons : dict
        The buttons, keyed by (who, topic_id).
    """
    flat = an.stance_matrix(art, level)
    who_ids, topic_ids = an.stance_order(flat)
    matrix = flat.set_index(["who", "topic_id"])
    names = an.names(art)
    topics = art.topics.set_index("topic_id")["label"]
    cells: list[w.Widget] = [w.HTML("")]
    cells += [w.HTML(f'<div style="writing-mode:vertical-rl;transform:rotate(180deg);height:13em;'
                     f'white-space:nowrap;font-size:85%">{esc(topics[t])}</div>') for t in topic_ids]
    buttons: dict[tuple[str, str], w.Button] = {}
    # widgets of one look share one Layout and one ButtonStyle: fewer widgets for the browser to build
    looks: dict[tuple[str, bool], tuple[w.Layout, w.ButtonStyle]] = {}

    def look(stance: str, hedged: bool) -> tuple[w.Layout, w.ButtonStyle]:
        if (stance, hedged) not in looks:
            colour = STANCE[stance] if stance else None  # "": a cell with no stance
            layout = w.Layout(width="2.6em", height="2.2em", padding="0",
                              border=f"3px solid {colour}" if colour else "")
            style = w.ButtonStyle(button_color=("white" if hedged else colour) if colour else "#f4f4f4",
                                  text_color=(STANCE_TEXT[stance] if hedged else text_on(colour)) if colour
                                  else "black",
                                  font_weight="bold")
            looks[(stance, hedged)] = (layout, style)
        return looks[(stance, hedged)]

    for who in who_ids:
        cells.append(w.HTML(f'<div style="text-align:right;padding-right:0.5em">{esc(names[who])}</div>'))
        for t in topic_ids:
            if (who, t) in matrix.index:
                cell = matrix.loc[(who, t)]
                stance, hedged = str(cell["stance"]), bool(cell["hedged"])
                layout, style = look(stance, hedged)
                button = w.Button(description=STANCE_SYMBOL[stance], layout=layout, style=style,
                                  tooltip=f"{names[who]} on {topics[t]}: {stance}{' (hedged)' if hedged else ''}")
            else:
                layout, style = look("", False)
                button = w.Button(description="·", tooltip=f"{names[who]} on {topics[t]}: not in the article",
                                  layout=layout, style=style)
            buttons[(who, t)] = button
            cells.append(button)
    grid = w.GridBox(cells, layout=w.Layout(grid_template_columns=f"12em repeat({len(topic_ids)}, 2.8em)",
                                            grid_gap="2px"))
    return grid, buttons


SELECTED = "nc-selected"  # the CSS class of the square whose evidence is shown
SELECTED_BORDER = "3px solid #000000"


def _mark_selected(buttons: dict[tuple[str, str], w.Button], key: tuple[str, str] | None) -> None:
    """Mark the square whose evidence is shown, and unmark the one marked before.

    The marked square keeps its stance's colours but gets a black border, a ▸ before
    its symbol, "(evidence shown)" in its tooltip and the CSS class ``nc-selected``.
    """
    for other, button in buttons.items():
        if SELECTED in button._dom_classes and other != key:
            button.remove_class(SELECTED)
            button.layout = button._nc_layout
            button.description = button.description.removeprefix("▸")
            button.tooltip = button.tooltip.removesuffix(" (evidence shown)")
    button = buttons.get(key) if key else None
    if button is None or SELECTED in button._dom_classes:
        return
    button._nc_layout = button.layout
    button.layout = w.Layout(width=button.layout.width, height=button.layout.height, padding="0",
                             border=SELECTED_BORDER)
    button.description = "▸" + button.description
    button.tooltip += " (evidence shown)"
    button.add_class(SELECTED)


def stance_explorer(art: Article, level: an.Level = "side") -> w.VBox:
    """The stance heatmap: click a square, or pick an actor and topic, to see the evidence.

    The evidence stands beside the grid (below it when the output is too narrow), in
    a box no taller than the grid, so that after a click it is in view on a
    768-pixel-high screen; the square whose evidence is shown is marked.

    Parameters
    ----------
    art : Article
        The article.
    level : {"side", "holder"}
        Actors as the sides they speak for, or each holder as coded.

    Returns
    -------
    Explorer
        An ipywidgets VBox; in a handout, also its current view as static HTML.
        "No positions coded yet" when there are none.
    """
    matrix = an.stance_matrix(art, level)
    if matrix.empty:
        return Explorer([w.HTML(_nothing_coded("positions"))])
    grid, buttons = stance_grid(art, level)
    whos = sorted(set(zip(matrix["who_name"], matrix["who"])), key=lambda o: o[0].lower())
    topics = list(zip(art.topics["label"], art.topics["topic_id"]))
    first = matrix.sort_values(["n", "who"], ascending=[False, True]).iloc[0]
    who = w.Dropdown(options=whos, value=first["who"], description="Actor", layout=w.Layout(width="22em"))
    topic = w.Dropdown(options=topics, value=first["topic_id"], description="Topic", layout=w.Layout(width="22em"))
    view = w.HTML(evidence_html(art, first["who"], first["topic_id"], level),
                  layout=w.Layout(flex="1 1 24em", min_width="20em", max_height="30em", overflow="auto",
                                  margin="0 0 0 1em"))
    _mark_selected(buttons, (first["who"], first["topic_id"]))

    selecting = False

    def update(_change: object = None) -> None:
        if not selecting:
            view.value = evidence_html(art, who.value, topic.value, level)
            _mark_selected(buttons, (who.value, topic.value))

    def select(key: tuple[str, str]) -> None:
        nonlocal selecting
        selecting = True  # set both dropdowns, then show the evidence once
        try:
            who.value, topic.value = key
        finally:
            selecting = False
        update()

    who.observe(update, names="value")
    topic.observe(update, names="value")
    for key, button in buttons.items():
        button.on_click(lambda _button, key=key: select(key))
    stances = ", ".join(f"{esc(STANCE_SYMBOL[s])} {esc(s)}" for s in matrix["stance"].cat.categories)
    key = (f'<p style="{MUTED}">{stances}; outlined squares are hedged. '
           "Click a square, or choose below, to read its evidence beside the grid; "
           "the square shown has a black border and a ▸.</p>")
    # as wide as the grid, so that the key wraps under it and the evidence has the rest of the row
    columns = len(buttons) // max(len({w for w, _ in buttons}), 1)
    width = f"calc(12em + {columns} * (2.8em + 2px))"
    left = w.VBox([grid, w.HTML(key), w.VBox([who, topic])], layout=w.Layout(width=width, flex="0 0 auto"))
    return Explorer([w.HBox([left, view], layout=w.Layout(flex_flow="row wrap", align_items="flex-start"))])


def topic_html(art: Article, topic_id: str, level: an.Level = "side") -> str:
    """A topic's question and description, then who supports, opposes or stays neutral, with quotes.

    Parameters
    ----------
    art : Article
        The article.
    topic_id : str
        The topic.
    level : {"side", "holder"}
        Actors as the sides they speak for, or each holder as coded.

    Returns
    -------
    str
        HTML.

    Raises
    ------
    KeyError
        When the article has no such topic.
    """
    topic = art.topics.set_index("topic_id").loc[topic_id]
    pos = an.positions_table(art, level)
    pos = pos[pos["topic_id"] == topic_id]
    parts = [f"<h3 style='margin:0.3em 0'>{esc(topic['label'])}</h3><p><b>{esc(topic['question'])}</b></p>"
             f"<p>{esc(topic['description'])}</p>"]
    matrix = an.stance_matrix(art, level)
    mixed = matrix[(matrix["topic_id"] == topic_id) & (matrix["stance"] == an.MIXED)]["who_name"].tolist()
    if mixed:
        parts.append(f"<p><i>Combined, mixed: {esc(', '.join(mixed))} appear under more than one answer.</i></p>")
    for stance in vocabulary("positions", "stance", art):
        part = pos[pos["stance"] == stance]
        label = f"{ANSWERS[stance]} ({stance})" if stance in ANSWERS else stance
        parts.append(f'<h4 style="color:{STANCE_TEXT[stance]};margin:0.6em 0 0.2em 0">{esc(STANCE_SYMBOL[stance])} '
                     f'{esc(label)}: {plural(part["who"].nunique(), "actor")}</h4>')
        items = "".join(
            f"<li><b>{esc(r.who_name)}</b>{' (hedged)' if r.hedged else ''}: <i>{esc(r.quote)}</i> "
            f"<span style='{MUTED}'>— {esc(r.speaker)}, ¶{r.paragraph}</span></li>"
            for r in part.sort_values(["who_name", "paragraph"]).itertuples())
        parts.append(f"<ul>{items}</ul>" if items else "<p><i>none</i></p>")
    return f'<div style="{BOX}">{"".join(parts)}{credit_html(art)}</div>'


def topic_explorer(art: Article, topic_id: str | None = None, level: an.Level = "side") -> w.VBox:
    """Pick a topic; see its question and who stands where, with the quotes.

    Parameters
    ----------
    art : Article
        The article.
    topic_id : str, optional
        The topic shown first; the first when not given or not in the article.
    level : {"side", "holder"}
        Actors as the sides they speak for, or each holder as coded.

    Returns
    -------
    Explorer
        An ipywidgets VBox; in a handout, also its current view as static HTML.
        "No positions coded yet" when there are none.
    """
    options = list(zip(art.topics["label"], art.topics["topic_id"]))
    if not options:  # topics come with the positions taken on them
        return Explorer([w.HTML(_nothing_coded("positions"))])
    first = topic_id if topic_id in {t for _, t in options} else options[0][1]
    pick = w.Dropdown(options=options, value=first, description="Topic", layout=w.Layout(width="30em"))
    view = w.HTML(topic_html(art, first, level))
    pick.observe(lambda change: setattr(view, "value", topic_html(art, change["new"], level)), names="value")
    return Explorer([pick, view])
