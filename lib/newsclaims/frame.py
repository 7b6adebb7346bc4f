"""The frame and the sources (lesson 10): what the article says in its own voice, and whom it lets speak.

Tables and charts for six comparisons, each read from the coded ``frame``, ``labels``
and ``voices`` tables (``data/README.md`` gives the coding rules):

- the headline, caption and lede against the body: which actors and topics each names
  (:func:`frame_actors`, :func:`frame_topics`);
- whose words fill the text: quotation, reported speech, the journalist's narration,
  and the words that introduce a statement (:func:`text_voices`);
- the labels the text gives actors and places (:func:`labels_table`, :func:`labels_by_actor`);
- named against anonymous sources (:func:`named_sources`);
- officials, experts and institutions, with whom they speak for (:func:`source_types`);
- the gender of the people named and quoted, with its basis (:func:`gender_table`,
  :func:`gender_counts`), as the Gender Gap Tracker counts it (Asr et al. 2021).

An article with no frame coding gets empty tables, figures titled "No ... coded yet",
and sentences from :func:`finding` that say so.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from . import analysis as an
from . import text as textmod
from .charts import _finish, esc, nothing_coded, quotes_hover, short
from .data import NARRATION, PERSON, Article, vocabulary
from .extract import QUOTE
from .palette import FORM_TINT, GENDER, LABEL_KIND, PAIR, SOURCE_TYPE, VOICE
from .text import joined

# The parts of a text, by whose words they are (see text_voices); the palette's VOICE keys them.
VOICES = {
    "quoted": "inside quotation marks, within a statement: the source's words as the article gives them",
    "reported": "within a statement, outside quotation marks: the journalist's account of what a source said",
    "narration": "the journalist's own account, which no statement covers (frame.csv, kind narration)",
    "attribution": "the rest: who said it, the reporting verb, when and where, the dateline",
}
JOURNALIST = ("reported", "narration", "attribution")  # the journalist's words, of the four
# The frame's parts in reading order: the frame's kinds (descriptor) with the body after them
FRAME_PARTS = ("headline", "caption", "lede", "narration")


def _frame(columns: dict[str, str], rows: list[dict] | None = None) -> pd.DataFrame:
    """A DataFrame with exactly these columns and dtypes, empty when there are no rows."""
    out = pd.DataFrame(rows or [], columns=list(columns))
    return out.astype(columns)


def coded(art: Article) -> pd.DataFrame:
    """What of the frame and the sources an article has coded, one row per part.

    Parameters
    ----------
    art : Article
        The article.

    Returns
    -------
    DataFrame
        part (the frame's kinds, then labels and voices), rows (how many are
        coded) and status ("coded" or "not coded yet"). Always one row per part.

    Examples
    --------
    >>> import newsclaims as nc
    >>> coded(nc.load_article()).set_index("part")["rows"].to_dict()
    {'headline': 2, 'caption': 1, 'lede': 1, 'narration': 8, 'labels': 20, 'voices': 19}
    """
    kinds = art.frame["kind"].astype(object).value_counts()
    rows = [{"part": k, "rows": int(kinds.get(k, 0))} for k in vocabulary("frame", "kind", art)]
    rows.sort(key=lambda r: FRAME_PARTS.index(r["part"]) if r["part"] in FRAME_PARTS else len(FRAME_PARTS))
    rows += [{"part": "labels", "rows": len(art.labels)}, {"part": "voices", "rows": len(art.voices)}]
    for r in rows:
        r["status"] = "coded" if r["rows"] else "not coded yet"
    return _frame({"part": "str", "rows": "int64", "status": "str"}, rows)


# --- The headline, caption and lede against the body --------------------------------------------

def _parts(art: Article) -> list[tuple[str, str, int, int]]:
    """(part, source, start, end) for every frame span, in the frame table's order."""
    f = art.frame
    return [(str(k), str(s), int(a), int(b)) for k, s, a, b in zip(f["kind"], f["source"], f["start"], f["end"])]


def _source_text(art: Article, source: str) -> str:
    return art.text if source == "text" else str(art.meta.get(source) or "")


def frame_actors(art: Article) -> pd.DataFrame:
    """Which actors the headline, caption, lede and narration name, against the body.

    Mentions are found with the article's aliases, as everywhere else (``art.mentions``):
    names, not pronouns.

    Parameters
    ----------
    art : Article
        The article.

    Returns
    -------
    DataFrame
        actor_id, name, one column per part of the frame (headline, caption, lede,
        narration: mentions inside its spans), body (mentions in the whole text, the
        lede and narration included) and statements (made in the body). One row per
        actor named anywhere or making a statement, the frame's actors first. Empty
        when no frame is coded.

    Examples
    --------
    >>> import newsclaims as nc
    >>> t = frame_actors(nc.load_article()).set_index("actor_id")
    >>> t.loc["china", ["headline", "lede", "body"]].tolist()
    [1, 0, 20]
    """
    columns = {"actor_id": "str", "name": "str", **dict.fromkeys(FRAME_PARTS, "int64"), "body": "int64",
               "statements": "int64"}
    if art.frame.empty:
        return _frame(columns)
    counts: dict[tuple[str, str], int] = {}
    found = {"text": art.mentions}
    for source in ("title", "photo_caption"):
        found[source] = textmod.find_mentions(_source_text(art, source), art.aliases)
    for part, source, start, end in _parts(art):
        m = found[source]
        inside = m[(m["start"] >= start) & (m["end"] <= end)]
        for actor in inside["actor_id"]:
            counts[(actor, part)] = counts.get((actor, part), 0) + 1
    body = art.mentions["actor_id"].value_counts()
    spoken = art.statements["actor_id"].value_counts()
    actors = list(dict.fromkeys([a for a, _ in counts] + list(body.index) + list(spoken.index)))
    names = an.names(art)
    rows = [{"actor_id": a, "name": names.get(a, a), **{p: counts.get((a, p), 0) for p in FRAME_PARTS},
             "body": int(body.get(a, 0)), "statements": int(spoken.get(a, 0))} for a in actors]
    out = _frame(columns, rows)
    framed = out[["headline", "caption", "lede"]].sum(axis=1)
    out["_framed"] = framed
    out = out.sort_values(["_framed", "body", "statements", "name"], ascending=[False, False, False, True])
    return out.drop(columns="_framed").reset_index(drop=True)


def frame_topics(art: Article) -> pd.DataFrame:
    """Which topics the headline, caption, lede and narration are about, against the body's positions.

    A frame span is about its coded ``topic_id``, and also about the topics of the
    positions of every statement inside it (the lede holds two statements).

    Parameters
    ----------
    art : Article
        The article.

    Returns
    -------
    DataFrame
        topic_id, label, one column per part of the frame (how many of its spans are
        about the topic), positions and statements (in the body). One row per topic of
        the article, the frame's topics first. Empty when no frame is coded.

    Examples
    --------
    >>> import newsclaims as nc
    >>> t = frame_topics(nc.load_article()).set_index("topic_id")
    >>> t.loc["condemn_russia", ["headline", "lede", "positions"]].tolist()
    [2, 1, 5]
    """
    columns = {"topic_id": "str", "label": "str", **dict.fromkeys(FRAME_PARTS, "int64"), "positions": "int64",
               "statements": "int64"}
    if art.frame.empty:
        return _frame(columns)
    st, pos = art.statements, art.positions
    counts: dict[tuple[str, str], int] = {}
    for row in art.frame.itertuples():
        about = {row.topic_id} if isinstance(row.topic_id, str) else set()
        if row.source == "text":
            inside = st[(st["start"] >= row.start) & (st["end"] <= row.end)]["statement_id"]
            about |= set(pos.loc[pos["statement_id"].isin(inside), "topic_id"])
        for topic in about:
            counts[(topic, str(row.kind))] = counts.get((topic, str(row.kind)), 0) + 1
    n_pos = pos["topic_id"].value_counts()
    n_st = pos.drop_duplicates(["statement_id", "topic_id"])["topic_id"].value_counts()
    rows = [{"topic_id": t, "label": lab, **{p: counts.get((t, p), 0) for p in FRAME_PARTS},
             "positions": int(n_pos.get(t, 0)), "statements": int(n_st.get(t, 0))}
            for t, lab in zip(art.topics["topic_id"], art.topics["label"])]
    out = _frame(columns, rows)
    out["_framed"] = out[["headline", "caption", "lede"]].sum(axis=1)
    out = out.sort_values(["_framed", "positions", "label"], ascending=[False, False, True])
    return out.drop(columns="_framed").reset_index(drop=True)


# --- Whose words fill the text ------------------------------------------------------------------

def _voice_of_characters(art: Article) -> np.ndarray:
    """For each character of the text, the index in VOICES of whose words it is."""
    n = len(art.text)
    voice = np.full(n, list(VOICES).index("attribution"), dtype=np.int8)
    narr = art.frame[art.frame["kind"].astype(object) == NARRATION]
    for a, b in zip(narr["start"], narr["end"]):
        voice[int(a):int(b)] = list(VOICES).index("narration")
    quoted = np.zeros(n, dtype=bool)
    for m in QUOTE.finditer(art.text):
        quoted[m.start():m.end()] = True
    inside = np.zeros(n, dtype=bool)
    for a, b in zip(art.statements["start"], art.statements["end"]):
        inside[int(a):int(b)] = True
    voice[inside] = list(VOICES).index("reported")
    voice[inside & quoted] = list(VOICES).index("quoted")
    return voice


def text_voices(art: Article, by: str = "article") -> pd.DataFrame:
    """How many characters of the text are quotation, reported speech, narration and attribution.

    Each character of a paragraph is one of :data:`VOICES`: inside a statement's span
    and inside quotation marks ("quoted"), inside a statement's span but outside them
    ("reported"), inside a narration span of the frame ("narration"), or none of these
    ("attribution": the words that introduce a statement, and the dateline). The blank
    lines between paragraphs are not counted.

    Parameters
    ----------
    art : Article
        The article.
    by : {"article", "paragraph"}
        One row per voice for the whole text, or one per paragraph and voice.

    Returns
    -------
    DataFrame
        (paragraph,) voice, characters, share (of the text's, or the paragraph's,
        characters). Empty when no frame is coded: without the narration spans the
        journalist's narration cannot be told from attribution.

    Raises
    ------
    ValueError
        When ``by`` is neither "article" nor "paragraph".

    Examples
    --------
    >>> import newsclaims as nc
    >>> t = text_voices(nc.load_article()).set_index("voice")
    >>> int(t["characters"].sum()) == sum(len(p) for p in nc.load_article().paragraphs["text"])
    True
    """
    if by not in ("article", "paragraph"):
        raise ValueError(f"by must be 'article' or 'paragraph', not {by!r}")
    per = by == "paragraph"
    columns = {**({"paragraph": "int64"} if per else {}), "voice": "str", "characters": "int64", "share": "float64"}
    if art.frame.empty:
        return _frame(columns)
    voice = _voice_of_characters(art)
    rows = []
    for p, a, b in zip(art.paragraphs["paragraph"], art.paragraphs["start"], art.paragraphs["end"]):
        counts = np.bincount(voice[int(a):int(b)], minlength=len(VOICES))
        rows += [{"paragraph": int(p), "voice": v, "characters": int(c)} for v, c in zip(VOICES, counts)]
    out = _frame({"paragraph": "int64", "voice": "str", "characters": "int64"}, rows)
    if not per:
        out = out.groupby("voice", sort=False, as_index=False)["characters"].sum()
        total = out["characters"].sum()
        out["share"] = out["characters"] / total if total else 0.0
    else:
        sums = out.groupby("paragraph")["characters"].transform("sum")
        out["share"] = (out["characters"] / sums.where(sums > 0)).fillna(0.0)
    return out[list(columns)].astype(columns)


# --- Labels -------------------------------------------------------------------------------------

def labels_table(art: Article) -> pd.DataFrame:
    """Every label, with the actor it describes and whose words it stands in.

    Parameters
    ----------
    art : Article
        The article.

    Returns
    -------
    DataFrame
        label_id, label, paragraph, actor_id, name (the actor's name, or the words it
        describes when it is no actor), target, kind, voice (one of :data:`VOICES`: a
        label in quotation marks is the source's word, any other the journalist's),
        statement_id and speaker (the statement whose span holds it, and its speaker's
        name; empty outside statements). Empty when no label is coded.

    Examples
    --------
    >>> import newsclaims as nc
    >>> t = labels_table(nc.load_article())
    >>> t.loc[t["label"] == "aggression", ["voice", "speaker"]].values.tolist()
    [['quoted', 'Antony Blinken']]
    """
    columns = {"label_id": "str", "label": "str", "paragraph": "int64", "actor_id": "str", "name": "str",
               "target": "str", "kind": "str", "voice": "str", "statement_id": "str", "speaker": "str"}
    if art.labels.empty:
        return _frame(columns)
    names = an.names(art)
    voice = _voice_of_characters(art) if not art.frame.empty else None
    quoted = np.zeros(len(art.text), dtype=bool)
    for m in QUOTE.finditer(art.text):
        quoted[m.start():m.end()] = True
    st = art.statements
    rows = []
    for r in art.labels.itertuples():
        holder = st[(st["start"] <= r.start) & (st["end"] >= r.end)]
        sid = holder["statement_id"].iloc[0] if len(holder) else None
        if voice is not None:
            where = list(VOICES)[int(voice[int(r.start)])]
        else:  # no narration coded: a statement's words or the journalist's, nothing finer
            where = "quoted" if sid and quoted[int(r.start)] else ("reported" if sid else "attribution")
        actor = r.actor_id if isinstance(r.actor_id, str) else None
        rows.append({"label_id": r.label_id, "label": r.label, "paragraph": int(r.paragraph), "actor_id": actor,
                     "name": names.get(actor, actor) if actor else r.target, "target": r.target,
                     "kind": str(r.kind), "voice": where, "statement_id": sid,
                     "speaker": names.get(holder["actor_id"].iloc[0]) if sid else None})
    return _frame(columns, rows)


def labels_by_actor(art: Article) -> pd.DataFrame:
    """How many labels each actor (or thing) is given, and which.

    Parameters
    ----------
    art : Article
        The article.

    Returns
    -------
    DataFrame
        actor_id (empty for what is no actor), name, labels (how many), words (the
        labels in text order, joined by commas), journalist (how many are in the
        journalist's words) and quoted (how many in a source's quotation). The most
        labelled first. Empty when no label is coded.

    Examples
    --------
    >>> import newsclaims as nc
    >>> labels_by_actor(nc.load_article()).iloc[0]["name"], int(labels_by_actor(nc.load_article()).iloc[0]["labels"])
    ("Donetsk People's Republic", 4)
    """
    columns = {"actor_id": "str", "name": "str", "labels": "int64", "words": "str", "journalist": "int64",
               "quoted": "int64"}
    table = labels_table(art)
    if table.empty:
        return _frame(columns)
    rows = []
    for name, group in table.groupby("name", sort=False):
        rows.append({"actor_id": group["actor_id"].iloc[0], "name": name, "labels": len(group),
                     "words": ", ".join(group["label"]), "journalist": int(group["voice"].isin(JOURNALIST).sum()),
                     "quoted": int((group["voice"] == "quoted").sum())})
    out = _frame(columns, rows)
    return out.sort_values(["labels", "name"], ascending=[False, True], ignore_index=True)


# --- The sources --------------------------------------------------------------------------------

def sources_table(art: Article) -> pd.DataFrame:
    """Every source and person of the voices table, with what they say and whom they speak for.

    Parameters
    ----------
    art : Article
        The article.

    Returns
    -------
    DataFrame
        actor_id, name, kind, named, source_type, institution (whom they speak for,
        or else the body they belong to, from actors.csv), statements (as speaker),
        passed_on (statements they pass on as a channel, ``via``), quoted_words,
        gender, gender_basis and evidence (the article's word and paragraph, or the
        outside source's address). Empty when no voice is coded.

    Examples
    --------
    >>> import newsclaims as nc
    >>> t = sources_table(nc.load_article()).set_index("actor_id")
    >>> t.loc["alfred_wu", ["source_type", "institution"]].tolist(), int(t.loc["alfred_wu", "statements"])
    (['expert', 'Lee Kuan Yew School of Public Policy'], 3)
    """
    columns = {"actor_id": "str", "name": "str", "kind": "str", "named": "bool", "source_type": "str",
               "institution": "str", "statements": "int64", "passed_on": "int64", "quoted_words": "int64",
               "gender": "str", "gender_basis": "str", "evidence": "str"}
    if art.voices.empty:
        return _frame(columns)
    names = an.names(art)
    actors = art.actors.set_index("actor_id")
    st = art.statements
    words = st.assign(w=st["quote"].map(an.quoted_words)).groupby("actor_id")["w"].sum()
    rows = []
    for v in art.voices.itertuples():
        a = actors.loc[v.actor_id] if v.actor_id in actors.index else None
        side = None
        if a is not None:
            side = a["represents"] if isinstance(a["represents"], str) else (
                a["affiliation"] if isinstance(a["affiliation"], str) else None)
        basis = str(v.gender_basis) if isinstance(v.gender_basis, str) else None
        if basis == "article":
            evidence = f"'{v.gender_word}', paragraph {int(v.gender_paragraph)}"
        elif basis == "source":
            evidence = v.gender_source
        else:
            evidence = None
        rows.append({"actor_id": v.actor_id, "name": names.get(v.actor_id, v.actor_id),
                     "kind": str(a["kind"]) if a is not None else None, "named": bool(v.named),
                     "source_type": str(v.source_type), "institution": names.get(side, side) if side else None,
                     "statements": int((st["actor_id"] == v.actor_id).sum()),
                     "passed_on": int((st["via"] == v.actor_id).sum()),
                     "quoted_words": int(words.get(v.actor_id, 0)),
                     "gender": str(v.gender) if isinstance(v.gender, str) else None, "gender_basis": basis,
                     "evidence": evidence})
    return _frame(columns, rows)


def _shares(table: pd.DataFrame, key: str, order: list, labels: dict) -> pd.DataFrame:
    """Sources and statements per value of ``key``: count, names and share of the statements."""
    columns = {key: "str", "sources": "int64", "statements": "int64", "share": "float64", "names": "str"}
    total = int(table["statements"].sum())
    rows = []
    for value in order:
        group = table[table[key] == value]
        if group.empty:
            continue
        n = int(group["statements"].sum())
        rows.append({key: labels.get(value, value), "sources": len(group), "statements": n,
                     "share": n / total if total else 0.0, "names": ", ".join(group["name"])})
    return _frame(columns, rows)


def _cited(art: Article) -> pd.DataFrame:
    """The sources the article cites: voices that make or pass on a statement."""
    table = sources_table(art)
    return table[(table["statements"] > 0) | (table["passed_on"] > 0)]


def named_sources(art: Article) -> pd.DataFrame:
    """Named against anonymous sources: how many, and how many statements each kind makes.

    Parameters
    ----------
    art : Article
        The article.

    Returns
    -------
    DataFrame
        source ("named" or "anonymous"), sources, statements, share (of the
        statements) and names. Only sources that make or pass on a statement.
        Empty when no voice is coded.

    Examples
    --------
    >>> import newsclaims as nc
    >>> named_sources(nc.load_article()).set_index("source")["statements"].to_dict()
    {'named': 35, 'anonymous': 2}
    """
    table = _cited(art)
    return _shares(table.assign(source=table["named"].map({True: "named", False: "anonymous"})), "source",
                   ["named", "anonymous"], {})


def source_types(art: Article) -> pd.DataFrame:
    """Officials, experts and institutions: how many, their statements, and whom they speak for.

    Parameters
    ----------
    art : Article
        The article.

    Returns
    -------
    DataFrame
        source_type, sources, statements, share (of the statements), names, and
        institutions (whom the sources speak for or belong to, from actors.csv).
        Only sources that make or pass on a statement. Empty when no voice is coded.

    Examples
    --------
    >>> import newsclaims as nc
    >>> source_types(nc.load_article()).set_index("source_type")["sources"].to_dict()
    {'official': 6, 'expert': 4, 'institution': 7}
    """
    table = _cited(art)
    order = list(vocabulary("voices", "source_type", art))
    out = _shares(table, "source_type", order, {})
    out["institutions"] = [", ".join(dict.fromkeys(table.loc[table["source_type"] == t, "institution"].dropna()))
                           for t in out["source_type"]]
    return out.astype({"institutions": "str"})


def gender_table(art: Article) -> pd.DataFrame:
    """The people the article names, with their gender and where it comes from.

    Parameters
    ----------
    art : Article
        The article.

    Returns
    -------
    DataFrame
        actor_id, name, gender, gender_basis ("article" or "source"), evidence,
        mentions (times the text names them), statements and quoted_words. One row per
        person in the voices table. Empty when no voice is coded.

    Examples
    --------
    >>> import newsclaims as nc
    >>> gender_table(nc.load_article())["gender_basis"].value_counts().to_dict()
    {'source': 5, 'article': 5}
    """
    columns = {"actor_id": "str", "name": "str", "gender": "str", "gender_basis": "str", "evidence": "str",
               "mentions": "int64", "statements": "int64", "quoted_words": "int64"}
    table = sources_table(art)
    people = table[table["kind"] == PERSON]
    if people.empty:
        return _frame(columns)
    mentions = art.mentions["actor_id"].value_counts()
    out = people.assign(mentions=people["actor_id"].map(mentions).fillna(0).astype("int64"))
    return out[list(columns)].astype(columns).reset_index(drop=True)


def gender_counts(art: Article) -> pd.DataFrame:
    """The Gender Gap Tracker's two counts: people named and people quoted, by gender.

    Asr et al. (2021) count, for each gender, the people a story names and the
    sources it quotes. Here a person "quoted" is one with at least one statement (a
    paraphrase counts, as in the Tracker). Each count is split by its basis: how many
    of them the article itself marks (a pronoun or title) and how many rest on an
    outside source.

    Parameters
    ----------
    art : Article
        The article.

    Returns
    -------
    DataFrame
        gender, named, quoted, statements, quoted_words, named_share, quoted_share,
        from_article and from_source (of the people named). One row per gender that
        occurs, in the descriptor's order. Empty when no voice is coded.

    Examples
    --------
    >>> import newsclaims as nc
    >>> gender_counts(nc.load_article()).set_index("gender")[["named", "quoted"]].to_dict("index")
    {'woman': {'named': 2, 'quoted': 2}, 'man': {'named': 8, 'quoted': 6}}
    """
    columns = {"gender": "str", "named": "int64", "quoted": "int64", "statements": "int64", "quoted_words": "int64",
               "named_share": "float64", "quoted_share": "float64", "from_article": "int64", "from_source": "int64"}
    people = gender_table(art)
    if people.empty:
        return _frame(columns)
    people = people.assign(gender=people["gender"].fillna("not coded"))
    named, quoted = len(people), int((people["statements"] > 0).sum())
    rows = []
    for g in [*vocabulary("voices", "gender", art), "not coded"]:
        group = people[people["gender"] == g]
        if group.empty:
            continue
        q = int((group["statements"] > 0).sum())
        rows.append({"gender": g, "named": len(group), "quoted": q, "statements": int(group["statements"].sum()),
                     "quoted_words": int(group["quoted_words"].sum()), "named_share": len(group) / named,
                     "quoted_share": q / quoted if quoted else 0.0,
                     "from_article": int((group["gender_basis"] == "article").sum()),
                     "from_source": int((group["gender_basis"] == "source").sum())})
    return _frame(columns, rows)


# --- Notice lines -------------------------------------------------------------------------------

FINDINGS = ("frame", "voices", "labels", "named", "types", "gender")
_NEEDS = {"frame": "frame", "voices": "frame", "labels": "labels", "named": "voices", "types": "voices",
          "gender": "voices"}


def _pct(x: float) -> str:
    return f"{100 * x:.0f}%"


def finding(art: Article, what: str) -> str:
    """One sentence that states what a comparison shows for this article, computed from its data.

    Parameters
    ----------
    art : Article
        The article.
    what : str
        One of :data:`FINDINGS`: "frame" (headline against body), "voices" (whose
        words), "labels", "named", "types" (officials, experts, institutions),
        "gender".

    Returns
    -------
    str
        "Notice: ..." with the numbers; or, when the article has not coded what the
        comparison needs, "No ... coded yet" and what to code ("No frame coded yet"
        when it has none of the three tables).

    Raises
    ------
    ValueError
        When ``what`` is not one of :data:`FINDINGS`.

    Examples
    --------
    >>> import newsclaims as nc
    >>> finding(nc.load_article(), "named")[:60]
    'Notice: 35 of the 37 statements (95%) come from named source'
    """
    if what not in FINDINGS:
        raise ValueError(f"what must be one of {', '.join(FINDINGS)}, not {what!r}")
    need = _NEEDS[what]
    if art.frame.empty and art.labels.empty and art.voices.empty:
        return (f"No frame coded yet for article {art.article_id!r}: no frame spans, labels or voices. "
                f"{an.TO_CODE[need]}")
    if getattr(art, need).empty:
        return f"No {need} coded yet for article {art.article_id!r}. {an.TO_CODE[need]}"
    if what == "frame":
        t = frame_actors(art)
        head = t[t["headline"] > 0]["name"].tolist()
        top = t.sort_values(["statements", "body"], ascending=False).iloc[0]
        said = "is" if top["name"] in head else "is not"
        return (f"Notice: the headline names {joined(head, 'none')}; the body's most frequent speaker, {top['name']} "
                f"({top['statements']} statements), {said} in the headline.")
    if what == "voices":
        t = text_voices(art).set_index("voice")["share"]
        return (f"Notice: the journalist's own narration is {_pct(t['narration'])} of the text's characters, "
                f"the sources' quoted words {_pct(t['quoted'])}, reported speech {_pct(t['reported'])} and "
                f"attribution {_pct(t['attribution'])}.")
    if what == "labels":
        t = labels_by_actor(art)
        top = t.iloc[0]
        words = labels_table(art)
        own = int(words["voice"].isin(JOURNALIST).sum())
        return (f"Notice: {top['name']} carries the most labels ({top['labels']}: {top['words']}); "
                f"{own} of the {len(words)} labels are the journalist's words, {len(words) - own} a source's.")
    if what == "named":
        t = named_sources(art).set_index("source")
        total = int(t["statements"].sum())
        n = int(t["statements"].get("named", 0))
        cited = _cited(art)
        anon = cited.loc[~cited["named"], "name"].tolist()
        return (f"Notice: {n} of the {total} statements ({_pct(n / total if total else 0)}) come from named "
                f"sources; the rest from {joined(anon, 'none') if anon else 'no one'}.")
    if what == "types":
        t = source_types(art)
        parts = [f"{r.source_type}s {r.statements} ({r.sources} sources)" for r in t.itertuples()]
        return f"Notice: statements by type of source: {joined(parts, 'none')}."
    t = gender_counts(art).set_index("gender")
    named, quoted = int(t["named"].sum()), int(t["quoted"].sum())
    women = t.loc["woman"] if "woman" in t.index else None
    w_named, w_quoted = (int(women["named"]), int(women["quoted"])) if women is not None else (0, 0)
    outside = int(t["from_source"].sum())
    return (f"Notice: {w_named} of the {named} people named are women, and {w_quoted} of the {quoted} people "
            f"quoted; for {outside} of the {named} the article gives no pronoun or title, and the gender comes "
            "from an outside source.")


# --- Charts -------------------------------------------------------------------------------------

def _presence(fig: go.Figure, table: pd.DataFrame, key: str, columns: list[str], hover: list[list[str]]) -> None:
    """A grid: one row per item, one column per part; a filled cell where the count is above zero."""
    z = (table[columns].to_numpy() > 0).astype(int)
    fig.add_heatmap(z=z, x=columns, y=[esc(n) for n in table[key]], zmin=0, zmax=1, showscale=False,
                    colorscale=[[0, "#F5F5F5"], [1, FORM_TINT["partial"]]], xgap=2, ygap=2,
                    text=table[columns].to_numpy(), texttemplate="%{text}",
                    customdata=hover, hovertemplate="%{y}, %{x}: %{text}<br>%{customdata}<extra></extra>")
    fig.update_traces(textfont={"color": "#000000"})
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(side="top")


def frame_chart(art: Article, what: str = "actors", top: int = 12) -> go.Figure:
    """The headline, caption, lede and narration against the body: a grid of actors or topics.

    Parameters
    ----------
    art : Article
        The article.
    what : {"actors", "topics"}
        Actors named (:func:`frame_actors`) or topics (:func:`frame_topics`).
    top : int
        The most rows to show (the frame's first).

    Returns
    -------
    plotly.graph_objects.Figure
        A filled cell where a part names the item, with its count; "No frame coded yet"
        when no frame is coded.

    Raises
    ------
    ValueError
        When ``what`` is neither "actors" nor "topics".
    """
    if what not in ("actors", "topics"):
        raise ValueError(f"what must be 'actors' or 'topics', not {what!r}")
    if art.frame.empty:
        return nothing_coded("frame")
    table = (frame_actors(art) if what == "actors" else frame_topics(art)).head(top)
    key = "name" if what == "actors" else "label"
    body = ["body", "statements"] if what == "actors" else ["positions", "statements"]
    columns = [*FRAME_PARTS, *body]
    spans = art.frame.groupby("kind", observed=True)["text"].apply(lambda s: quotes_hover(list(s), 2)).to_dict()
    hover = [[spans.get(c, "") if c in FRAME_PARTS else "" for c in columns] for _ in range(len(table))]
    fig = go.Figure()
    _presence(fig, table, key, columns, hover)
    head = table[table["headline"] > 0][key].tolist()
    if what == "actors":
        lead = table.sort_values("statements", ascending=False).iloc[0] if len(table) else None
        title = f"The headline names {joined(head, 'none')}" + (
            f"; the most frequent speaker, {lead['name']}, is not in it" if lead is not None
            and lead["statements"] and lead[key] not in head else "")
    else:
        most = table.sort_values("positions", ascending=False).iloc[0] if len(table) else None
        title = f"The headline is about {joined(head, 'none')}" + (
            f"; the body takes most stances on {most['label']} ({most['positions']})" if most is not None
            and most[key] not in head and most["positions"] else "")
    sub = ("Each cell counts mentions (actors) or spans about the topic (topics) in that part of the frame; "
           "the last columns are the whole body. Hover a column of the frame to read its words.")
    return _finish(fig, title, "part of the article", what[:-1], sub, height=80 + 26 * len(table))


def text_voices_chart(art: Article) -> go.Figure:
    """Whose words fill each paragraph: quotation, reported speech, narration and attribution.

    Parameters
    ----------
    art : Article
        The article.

    Returns
    -------
    plotly.graph_objects.Figure
        One stacked bar per paragraph, in characters; "No frame coded yet" when no
        frame is coded.
    """
    if art.frame.empty:
        return nothing_coded("frame")
    per = text_voices(art, by="paragraph")
    whole = text_voices(art).set_index("voice")["share"]
    texts = dict(zip(art.paragraphs["paragraph"], art.paragraphs["text"]))
    fig = go.Figure()
    for voice in VOICES:
        part = per[per["voice"] == voice]
        fig.add_bar(y=part["paragraph"], x=part["characters"], orientation="h", name=f"{voice} ({_pct(whole[voice])})",
                    marker_color=VOICE[voice],
                    customdata=[esc(short(texts[p], 80)) for p in part["paragraph"]],
                    hovertemplate=f"paragraph %{{y}}: %{{x}} characters {voice}<br>%{{customdata}}<extra></extra>")
    fig.update_layout(barmode="stack")
    fig.update_yaxes(autorange="reversed", dtick=1)
    title = (f"The journalist's own narration is {_pct(whole['narration'])} of the text; "
             f"the sources' quoted words {_pct(whole['quoted'])}")
    sub = ("Quoted: inside quotation marks. Reported: a statement's words outside them. Narration: the "
           "journalist's account, which no statement covers. Attribution: who said it, the cue, the dateline.")
    return _finish(fig, title, "characters", "paragraph", sub, height=60 + 16 * len(texts))


def labels_chart(art: Article) -> go.Figure:
    """The labels each actor or place is given, by kind of label.

    Parameters
    ----------
    art : Article
        The article.

    Returns
    -------
    plotly.graph_objects.Figure
        One bar per actor, stacked by the label's kind; hover shows the words and whose
        words they are. "No labels coded yet" when none is coded.
    """
    if art.labels.empty:
        return nothing_coded("labels")
    table = labels_table(art)
    order = labels_by_actor(art)["name"].tolist()
    fig = go.Figure()
    for kind in vocabulary("labels", "kind", art):
        part = table[table["kind"] == kind]
        if part.empty:
            continue
        counts = part.groupby("name").size().reindex(order).fillna(0).astype(int)
        words = part.groupby("name").apply(
            lambda g: "<br>".join(f"{esc(w)} ({esc(v)}, paragraph {p})" for w, v, p in
                                  zip(g["label"], g["voice"], g["paragraph"])), include_groups=False)
        fig.add_bar(y=[esc(n) for n in order], x=counts.to_numpy(), orientation="h", name=kind,
                    marker_color=LABEL_KIND[kind], customdata=[words.get(n, "") for n in order],
                    hovertemplate="%{y}: %{x} " + kind + "<br>%{customdata}<extra></extra>")
    fig.update_layout(barmode="stack")
    fig.update_yaxes(autorange="reversed")
    top = labels_by_actor(art).iloc[0]
    title = f"{top['name']} carries the most labels ({top['labels']}: {top['words']})"
    sub = ("A label is a word the text attaches to an actor or place, or to its words. A label that describes "
           "two actors counts for each. Hover to see whose words each label is.")
    return _finish(fig, title, "labels", "described", sub, height=80 + 28 * len(order))


def named_chart(art: Article) -> go.Figure:
    """Statements from named and from anonymous sources.

    Returns
    -------
    plotly.graph_objects.Figure
        Two bars; "No voices coded yet" when the voices table has no row for the article.
    """
    if art.voices.empty:
        return nothing_coded("voices")
    t = named_sources(art)
    colours = {"named": PAIR[1], "anonymous": PAIR[0]}
    fig = go.Figure()
    for r in t.itertuples():
        fig.add_bar(x=[r.statements], y=[r.source], orientation="h", name=r.source, marker_color=colours[r.source],
                    text=[f"{r.statements} statements from {r.sources} sources"], textposition="auto",
                    customdata=[esc(r.names)], hovertemplate="%{y}: %{x} statements<br>%{customdata}<extra></extra>")
    total = int(t["statements"].sum())
    named = int(t.loc[t["source"] == "named", "statements"].sum())
    title = f"{named} of {total} statements come from sources the article names"
    sub = "Anonymous: described, not named ('experts', 'Western officials'). Hover for the sources."
    return _finish(fig, title, "statements", "source", sub, height=160)


def source_types_chart(art: Article) -> go.Figure:
    """Statements by officials, experts and institutions.

    Returns
    -------
    plotly.graph_objects.Figure
        One bar per type of source, with the sources and whom they speak for on hover;
        "No voices coded yet" when none is coded.
    """
    if art.voices.empty:
        return nothing_coded("voices")
    t = source_types(art)
    fig = go.Figure()
    for r in t.itertuples():
        fig.add_bar(x=[r.statements], y=[r.source_type], orientation="h", name=r.source_type,
                    marker_color=SOURCE_TYPE[r.source_type], text=[f"{r.statements} ({_pct(r.share)})"],
                    textposition="auto", customdata=[f"{esc(r.names)}<br>for: {esc(r.institutions or 'no one')}"],
                    hovertemplate="%{y}: %{x} statements<br>%{customdata}<extra></extra>")
    fig.update_yaxes(autorange="reversed")
    top = t.sort_values("statements", ascending=False).iloc[0] if len(t) else None
    title = (f"{top['source_type'].capitalize()}s make the most statements ({top['statements']} of "
             f"{int(t['statements'].sum())})") if top is not None else "No source makes a statement"
    sub = ("Official: speaks for a state or international body. Expert: an analyst who speaks for no one. "
           "Institution: a state, bloc or document speaking as itself.")
    return _finish(fig, title, "statements", "type of source", sub, height=190)


def gender_chart(art: Article) -> go.Figure:
    """People named and people quoted, by gender, with the basis of each gender marked.

    Returns
    -------
    plotly.graph_objects.Figure
        Bars of people named and quoted per gender, each split into those whose gender
        the article gives (solid) and those whose gender comes from an outside source
        (hatched); "No voices coded yet" when none is coded.
    """
    if art.voices.empty:
        return nothing_coded("voices")
    people = gender_table(art)
    if people.empty:
        fig = go.Figure()
        return _finish(fig, "The voices table names no person", "people", "", "", height=200)
    people = people.assign(gender=people["gender"].fillna("not coded"))
    fig = go.Figure()
    measures = {"named": people, "quoted": people[people["statements"] > 0]}
    for basis, pattern, said in (("article", "", "gender from the article"), ("source", "/", "gender from a source")):
        for gender in dict.fromkeys(people["gender"]):
            x, y, hover = [], [], []
            for measure, group in measures.items():
                g = group[(group["gender"] == gender) & (group["gender_basis"] == basis)]
                x.append(len(g))
                y.append(measure)
                hover.append(esc(", ".join(g["name"])) or "no one")
            fig.add_bar(x=x, y=y, orientation="h", name=f"{gender}, {said}", marker_color=GENDER[gender],
                        marker_pattern_shape=pattern, legendgroup=gender, customdata=hover,
                        hovertemplate=f"%{{y}}, {gender} ({said}): %{{x}}<br>%{{customdata}}<extra></extra>")
    fig.update_layout(barmode="stack")
    fig.update_yaxes(autorange="reversed")
    t = gender_counts(art).set_index("gender")
    women = t.loc["woman"] if "woman" in t.index else None
    w_named, w_quoted = (int(women["named"]), int(women["quoted"])) if women is not None else (0, 0)
    title = (f"{w_named} of {int(t['named'].sum())} people named are women, and {w_quoted} of "
             f"{int(t['quoted'].sum())} people quoted")
    sub = ("Solid: the article's own pronoun or title gives the gender. Hatched: the article gives none, and an "
           "outside source does (see the voices table's gender_source).")
    return _finish(fig, title, "people", "", sub, height=170)
