"""Two or more articles side by side: who gets a voice, how they are quoted, who stands where.

Every function takes the articles to compare: a :class:`~newsclaims.data.Corpus`
(every article in it, or those named by ``article_ids``), one
:class:`~newsclaims.data.Article`, or a list of them. The tables are the
per-article tables of :mod:`newsclaims.analysis`, stacked, with the article's id
and outlet in front, so each can be grouped by article; the figures draw one
panel per article, in the palette's colours. An article with nothing coded yet
has no rows, and its panel, its line of a notice and a check say "no statements
coded yet" (or "no positions coded yet").

:func:`pair` chooses the two articles lesson 08 compares: the article the
lessons are on (``$NEWSCLAIMS_ARTICLE``, else the first in ``articles.csv``) and
the first other article of the folder.

>>> import newsclaims as nc
>>> [a.article_id for a in pair()]  # the CNN article and the Wikinews one, in data/
['cnn_china_ukraine_2022', 'wikinews_turkey_libya_2020']
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from . import analysis as an
from . import charts
from .checks import Verdict, _Names, _same_set, _Unreadable
from .data import Article, Corpus, article_from, load_corpus, vocabulary
from .palette import FORM, KIND, STANCE, STANCE_SYMBOL, STANCE_TEXT, colour_name, text_on
from .text import joined, plural

Articles = Corpus | Article | Sequence[Article]
# The forms a comparison sets against each other (datapackage.json, statements.form), as charts.forms_by_actor
# does: the whole quotation and the paraphrase. A form the descriptor gains is counted and drawn beside them.
WHOLE, LOOSE = "direct", "paraphrase"
NO_STATEMENTS = "no statements coded yet"
NO_POSITIONS = "no positions coded yet"
NOTHING_TO_COMPARE = ("The data folder holds only one article, so there is nothing to compare it with yet. "
                      "Add a second article (lesson 07, or the coding workbench) and run this lesson again.")


def articles(corpus: Articles, article_ids: Sequence[str] | None = None) -> list[Article]:
    """The articles to compare, as a list of :class:`~newsclaims.data.Article`.

    Parameters
    ----------
    corpus : Corpus, Article or list of Article
        A loaded corpus, one article, or several.
    article_ids : list of str, optional
        For a corpus: the articles to take, in this order; every article of the
        corpus, in the order of ``articles.csv``, when not given.

    Returns
    -------
    list of Article

    Raises
    ------
    KeyError
        When an id is not an article of the corpus.
    TypeError
        When ``corpus`` is none of the above, or ``article_ids`` is given with articles.

    Examples
    --------
    >>> import newsclaims as nc
    >>> [a.article_id for a in articles(nc.load_corpus())]
    ['cnn_china_ukraine_2022', 'wikinews_turkey_libya_2020']
    """
    if isinstance(corpus, Corpus):
        ids = list(article_ids) if article_ids is not None else corpus.articles["article_id"].tolist()
        return [article_from(corpus, a) for a in ids]
    if article_ids is not None:
        raise TypeError("article_ids chooses articles of a corpus; pass the articles themselves instead")
    if isinstance(corpus, Article):
        return [corpus]
    if isinstance(corpus, Sequence) and all(isinstance(a, Article) for a in corpus):
        return list(corpus)
    raise TypeError(f"expected a Corpus, an Article or a list of Articles, not {type(corpus).__name__}")


def pair(corpus: Corpus | None = None, data_dir: str | os.PathLike[str] | None = None) -> list[Article]:
    """The two articles lesson 08 compares: the lessons' article and the first other one in the folder.

    The lessons' article is the one :func:`~newsclaims.data.load_article` opens
    with no id: ``$NEWSCLAIMS_ARTICLE``'s, else the first in ``articles.csv`` (the
    CNN article in the package's data). The other is the first article of
    ``articles.csv`` that is not it.

    Parameters
    ----------
    corpus : Corpus, optional
        A loaded corpus; the data folder is loaded when not given.
    data_dir : str or path-like, optional
        The data folder to load; $NEWSCLAIMS_DATA's or the package's when not given.

    Returns
    -------
    list of Article
        Two articles; one when the folder holds only one.

    Raises
    ------
    DataError
        When the folder's data are not valid, or it holds no article.

    Examples
    --------
    >>> [a.meta["outlet"] for a in pair()]
    ['CNN', 'Wikinews']
    """
    corpus = corpus if corpus is not None else load_corpus(data_dir)
    first = article_from(corpus)
    others = [a for a in corpus.articles["article_id"] if a != first.article_id]
    return [first] + ([article_from(corpus, others[0])] if others else [])


def labels(arts: Articles) -> dict[str, str]:
    """article_id -> how the comparison names it: its outlet, with the id when two share an outlet.

    >>> import newsclaims as nc
    >>> labels(nc.load_corpus())
    {'cnn_china_ukraine_2022': 'CNN', 'wikinews_turkey_libya_2020': 'Wikinews'}
    """
    arts = articles(arts)
    outlets = [str(a.meta["outlet"]) for a in arts]
    return {a.article_id: o if outlets.count(o) == 1 else f"{o} ({a.article_id})" for a, o in zip(arts, outlets)}


def _in_every(found: list[set]) -> set:
    """What every article holds: none when there are fewer than two articles, as nothing is compared."""
    return set.intersection(*found) if len(found) >= 2 else set()


def _stack(arts: list[Article], frames: list[pd.DataFrame], columns: dict[str, str]) -> pd.DataFrame:
    """Per-article frames stacked, each with its article's id and outlet in front."""
    named = labels(arts)
    parts = [f.assign(article_id=a.article_id, outlet=named[a.article_id]) for a, f in zip(arts, frames) if len(f)]
    out = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=list(columns))
    return out[list(columns)].astype(columns).reset_index(drop=True)


# --- Tables ---------------------------------------------------------------------------------------

def overview(corpus: Articles, article_ids: Sequence[str] | None = None) -> pd.DataFrame:
    """One row per article: what it is and how much of it is coded.

    Parameters
    ----------
    corpus : Corpus, Article or list of Article
        The articles (see :func:`articles`).
    article_ids : list of str, optional
        For a corpus, the articles to take.

    Returns
    -------
    DataFrame
        article_id, outlet (as the comparison names it), title, published,
        paragraphs, speakers (actors with a statement), statements, positions,
        topics, and coded: ``"statements and positions"``, or what is not coded
        yet. A row for every article, coded or not.

    Examples
    --------
    >>> import newsclaims as nc
    >>> overview(nc.load_corpus())[["outlet", "statements", "coded"]].values.tolist()
    [['CNN', 37, 'statements and positions'], ['Wikinews', 19, 'statements and positions']]
    """
    arts = articles(corpus, article_ids)
    named = labels(arts)
    rows = [{"article_id": a.article_id, "outlet": named[a.article_id], "title": a.meta["title"],
             "published": a.meta["published"], "paragraphs": len(a.paragraphs),
             "speakers": a.statements["actor_id"].nunique(), "statements": len(a.statements),
             "positions": len(a.positions), "topics": a.positions["topic_id"].nunique(), "coded": _coded(a)}
            for a in arts]
    columns = {"article_id": "str", "outlet": "str", "title": "str", "published": "datetime64[ns]",
               "paragraphs": "int64", "speakers": "int64", "statements": "int64", "positions": "int64",
               "topics": "int64", "coded": "str"}
    return pd.DataFrame(rows, columns=list(columns)).astype(columns)


def _coded(art: Article) -> str:
    """How far an article is coded, in the words the comparison uses."""
    if art.statements.empty:
        return NO_STATEMENTS
    if art.positions.empty:
        return NO_POSITIONS
    return "statements and positions"


def speakers(corpus: Articles, article_ids: Sequence[str] | None = None) -> pd.DataFrame:
    """Who gets a voice: one row per speaker and article.

    Parameters
    ----------
    corpus : Corpus, Article or list of Article
        The articles (see :func:`articles`).
    article_ids : list of str, optional
        For a corpus, the articles to take.

    Returns
    -------
    DataFrame
        article_id, outlet, actor_id, name, kind, side (whom the speaker speaks
        for, :func:`~newsclaims.analysis.speaks_for`), statements, share (of the
        article's statements), quoted_words and in_all (whether the speaker speaks
        in every article compared; false for all when only one is). Each article's speakers with the most
        statements first. No rows for an article with no statements.

    Examples
    --------
    >>> import newsclaims as nc
    >>> speakers(nc.load_corpus())[["name", "statements"]].head(2).values.tolist()
    [['Wang Yi', 6], ['Zhang Jun', 5]]
    """
    arts = articles(corpus, article_ids)
    frames = []
    for art in arts:
        share = an.voice_share(art, "holder")
        kinds = dict(zip(art.actors["actor_id"], art.actors["kind"].astype(object)))
        frames.append(share.assign(kind=share["actor_id"].map(kinds),
                                   side=share["actor_id"].map(an.speaks_for(art.actors)),
                                   share=share["statement_share"]))
    heard = [set(a.statements["actor_id"]) for a in arts]
    everywhere = _in_every(heard)
    columns = {"article_id": "str", "outlet": "str", "actor_id": "str", "name": "str", "kind": "object",
               "side": "str", "statements": "int64", "share": "float64", "quoted_words": "int64", "in_all": "bool"}
    out = _stack(arts, [f.assign(in_all=f["actor_id"].isin(everywhere)) for f in frames], columns)
    return out.astype({"kind": _kinds(arts)})


def _kinds(arts: list[Article]) -> pd.CategoricalDtype:
    """The actor kinds, as categories: the descriptor's, and any other an article's actors hold."""
    kinds = vocabulary("actors", "kind", arts[0]) if arts else vocabulary("actors", "kind")
    more = [str(k) for a in arts for k in a.actors["kind"].dropna().astype(str) if k not in kinds]
    return pd.CategoricalDtype([*kinds, *dict.fromkeys(more)])


def speaker_kinds(corpus: Articles, article_ids: Sequence[str] | None = None) -> pd.DataFrame:
    """Who gets a voice, by kind of speaker (person, state, document, ...): one row per kind and article.

    Parameters
    ----------
    corpus : Corpus, Article or list of Article
        The articles (see :func:`articles`).
    article_ids : list of str, optional
        For a corpus, the articles to take.

    Returns
    -------
    DataFrame
        article_id, outlet, kind (categorical, the descriptor's order), speakers,
        statements, share (of the article's statements), quoted_words and names
        (the speakers, most statements first, joined by ``;``). Only the kinds that
        speak; no rows for an article with no statements. A speaker without a kind
        counts under ``(no kind)``.

    Examples
    --------
    >>> import newsclaims as nc
    >>> kinds = speaker_kinds(nc.load_corpus())
    >>> kinds.loc[kinds["kind"] == "person", ["speakers", "statements"]].values.tolist()
    [[8, 25], [2, 10]]
    """
    arts = articles(corpus, article_ids)
    per_speaker = speakers(arts)
    kinds = _kinds(arts)
    unknown = "(no kind)"
    kinds = pd.CategoricalDtype([*kinds.categories, unknown])
    per_speaker["kind"] = per_speaker["kind"].astype(object).fillna(unknown).astype(kinds)
    rows = []
    for (aid, kind), group in per_speaker.groupby(["article_id", "kind"], sort=False, observed=True):
        rows.append({"article_id": aid, "outlet": group["outlet"].iloc[0], "kind": kind,
                     "speakers": len(group), "statements": int(group["statements"].sum()),
                     "share": float(group["share"].sum()), "quoted_words": int(group["quoted_words"].sum()),
                     "names": ";".join(group["name"])})
    columns = {"article_id": "str", "outlet": "str", "kind": kinds, "speakers": "int64", "statements": "int64",
               "share": "float64", "quoted_words": "int64", "names": "str"}
    out = pd.DataFrame(rows, columns=list(columns)).astype(columns)
    order = {a.article_id: i for i, a in enumerate(arts)}
    return out.sort_values(["article_id", "statements", "kind"], ascending=[True, False, True],
                           key=lambda s: s.map(order) if s.name == "article_id" else s).reset_index(drop=True)


def forms(corpus: Articles, article_ids: Sequence[str] | None = None,
          by: Literal["outlet", "article"] = "outlet") -> pd.DataFrame:
    """Direct quotes against paraphrase: statements of each form, per outlet (or per article).

    Parameters
    ----------
    corpus : Corpus, Article or list of Article
        The articles (see :func:`articles`).
    article_ids : list of str, optional
        For a corpus, the articles to take.
    by : {"outlet", "article"}
        One group per outlet (articles of the same outlet together), or per article.

    Returns
    -------
    DataFrame
        outlet, articles (their ids joined by ``;``), form (categorical: the
        descriptor's forms), statements, share (of the group's statements) and
        quoted_words; a row for every form, 0 where none is coded, for each group
        with statements. With ``by="article"`` the outlet is the article's label
        (:func:`labels`). No rows for a group with no statements.

    Raises
    ------
    ValueError
        When ``by`` is neither "outlet" nor "article".

    Examples
    --------
    >>> import newsclaims as nc
    >>> forms(nc.load_corpus())[["form", "statements"]].values.tolist()
    [['direct', 12], ['partial', 12], ['paraphrase', 13], ['direct', 3], ['partial', 4], ['paraphrase', 12]]
    """
    if by not in ("outlet", "article"):
        raise ValueError(f'by must be "outlet" or "article", not {by!r}')
    arts = articles(corpus, article_ids)
    named = labels(arts)
    coded = list(vocabulary("statements", "form", arts[0])) if arts else list(vocabulary("statements", "form"))
    coded += list(dict.fromkeys(str(f) for a in arts for f in a.statements["form"].dropna().astype(str)
                                if f not in coded))
    groups: dict[str, list[Article]] = {}
    for art in arts:
        key = str(art.meta["outlet"]) if by == "outlet" else named[art.article_id]
        groups.setdefault(key, []).append(art)
    rows = []
    for outlet, members in groups.items():
        st = pd.concat([a.statements[["form", "quote"]] for a in members], ignore_index=True)
        if st.empty:
            continue
        form = st["form"].astype(str)
        for f in coded:
            mine = st[form == f]
            rows.append({"outlet": outlet, "articles": ";".join(a.article_id for a in members), "form": f,
                         "statements": len(mine), "share": len(mine) / len(st),
                         "quoted_words": sum(map(an.quoted_words, mine["quote"]))})
    columns = {"outlet": "str", "articles": "str", "form": pd.CategoricalDtype(coded), "statements": "int64",
               "share": "float64", "quoted_words": "int64"}
    return pd.DataFrame(rows, columns=list(columns)).astype(columns)


def stances(corpus: Articles, article_ids: Sequence[str] | None = None, level: an.Level = "side") -> pd.DataFrame:
    """Whose stances are reported, and on which topics: each article's stance matrix, stacked.

    Parameters
    ----------
    corpus : Corpus, Article or list of Article
        The articles (see :func:`articles`).
    article_ids : list of str, optional
        For a corpus, the articles to take.
    level : {"side", "holder"}
        Holders replaced by the side they speak for, or as coded.

    Returns
    -------
    DataFrame
        article_id, outlet, then the columns of
        :func:`~newsclaims.analysis.stance_matrix` (who, who_name, topic_id, topic,
        stance, hedged, score, n, a count per coded stance, statements), and
        in_all: whether every article compared reports a stance of this who on this
        topic (false for all when only one article is). No rows for an article with no positions.

    Examples
    --------
    >>> import newsclaims as nc
    >>> table = stances(nc.load_corpus())
    >>> table.loc[(table["who"] == "china") & (table["topic_id"] == "minsk"), ["outlet", "stance"]].values.tolist()
    [['CNN', 'support']]
    """
    arts = articles(corpus, article_ids)
    frames = [an.stance_matrix(a, level) for a in arts]
    template = an.stance_matrix(arts[0], level) if arts else None
    if template is None:  # no article at all: the columns of an empty matrix
        raise ValueError("no articles to compare")
    pairs = [set(zip(f["who"], f["topic_id"])) for f in frames]
    everywhere = _in_every(pairs)
    columns = {"article_id": "str", "outlet": "str",
               **{c: str(t) if not isinstance(t, pd.CategoricalDtype) else "object"
                  for c, t in template.dtypes.items()}, "in_all": "bool"}
    stacked = _stack(arts, [f.assign(in_all=[(w, t) in everywhere for w, t in zip(f["who"], f["topic_id"])])
                            for f in frames], columns)
    categories = [*vocabulary("positions", "stance", arts[0]), an.MIXED]
    more = [s for s in dict.fromkeys(stacked["stance"].astype(str)) if s not in categories]
    return stacked.astype({"stance": pd.CategoricalDtype([*categories, *more])})


def congruence_ties(corpus: Articles, article_ids: Sequence[str] | None = None,
                    level: an.Level = "side") -> pd.DataFrame:
    """The congruence networks as tables: one row per tie (two actors agreeing) and article.

    Parameters
    ----------
    corpus : Corpus, Article or list of Article
        The articles (see :func:`articles`).
    article_ids : list of str, optional
        For a corpus, the articles to take.
    level : {"side", "holder"}
        Holders replaced by the side they speak for, or as coded.

    Returns
    -------
    DataFrame
        article_id, outlet, a, b (actor ids, in order), a_name, b_name, weight (the
        topics on which they take the same stance), hedged (all the evidence
        hedged), topics (ids joined by ``;``) and in_all: whether the two are tied
        in every article's network (false for all when only one article is). The
        strongest ties of each article first. No rows for an article where no two
        actors agree.

    See Also
    --------
    newsclaims.analysis.congruence_network : one article's network.

    Examples
    --------
    >>> import newsclaims as nc
    >>> congruence_ties(nc.load_corpus())[["a", "b", "weight"]].head(1).values.tolist()
    [['china', 'russia', 3]]
    """
    arts = articles(corpus, article_ids)
    frames = []
    for art in arts:
        graph = an.congruence_network(art, level)
        rows = [{"a": u, "b": v, "a_name": graph.nodes[u]["label"], "b_name": graph.nodes[v]["label"],
                 "weight": d["weight"], "hedged": d["hedged"], "topics": d["topics"]}
                for u, v, d in (sorted((min(e[0], e[1]), max(e[0], e[1]), e[2]) for e in graph.edges(data=True)))]
        frame = pd.DataFrame(rows, columns=["a", "b", "a_name", "b_name", "weight", "hedged", "topics"])
        frames.append(frame.sort_values(["weight", "a", "b"], ascending=[False, True, True]))
    ties = [set(zip(f["a"], f["b"])) for f in frames]
    everywhere = _in_every(ties)
    columns = {"article_id": "str", "outlet": "str", "a": "str", "b": "str", "a_name": "str", "b_name": "str",
               "weight": "int64", "hedged": "bool", "topics": "str", "in_all": "bool"}
    return _stack(arts, [f.assign(in_all=[(a, b) in everywhere for a, b in zip(f["a"], f["b"])]) for f in frames],
                  columns)


# --- Notices: what to see, worked out from the data -------------------------------------------------

def _pct(n: int, total: int) -> str:
    return f"{n / total:.0%} ({n} of {total})" if total else "none"



def _kinds_word(kind: str) -> str:
    """A kind of actor as a plural noun: "people", "states", "documents"."""
    return "people" if kind == "person" else kind if kind.startswith("(") else f"{kind}s"


def _gaps(arts: list[Article], need: str) -> list[str]:
    """One sentence per article that lacks what a comparison needs ("statements" or "positions")."""
    named = labels(arts)
    out = []
    for art in arts:
        if art.statements.empty:
            out.append(f"{named[art.article_id]} has {NO_STATEMENTS}.")
        elif need == "positions" and art.positions.empty:
            out.append(f"{named[art.article_id]} has {NO_POSITIONS}.")
    return out


def notice(what: Literal["overview", "voices", "forms", "stances", "congruence"], corpus: Articles,
           article_ids: Sequence[str] | None = None, level: an.Level = "side") -> str:
    """What to notice in one part of the comparison, in sentences worked out from the data.

    Parameters
    ----------
    what : {"overview", "voices", "forms", "stances", "congruence"}
        The part: the articles and how far each is coded; who gets a voice (by
        kind of speaker, and who speaks in every article); direct quotes against
        paraphrase; whose stances, on which topics; the congruence networks.
    corpus : Corpus, Article or list of Article
        The articles (see :func:`articles`).
    article_ids : list of str, optional
        For a corpus, the articles to take.
    level : {"side", "holder"}
        For stances and networks: holders replaced by their side, or as coded.

    Returns
    -------
    str
        Starts with "Notice"; says so when there is only one article to compare,
        or when an article has nothing coded yet for this part.

    Raises
    ------
    ValueError
        When ``what`` is not one of the parts above.

    Examples
    --------
    >>> import newsclaims as nc
    >>> print(notice("forms", nc.load_corpus()))  # doctest: +NORMALIZE_WHITESPACE
    Notice: CNN gives 32% (12 of 37) of its statements as whole quotations and paraphrases 35% (13 of 37).
    Wikinews gives 16% (3 of 19) of its statements as whole quotations and paraphrases 63% (12 of 19).
    Wikinews paraphrases most: there, readers get more of the journalist's words and fewer of the speakers' own.
    """
    parts: dict[str, Callable[[list[Article], an.Level], list[str]]] = {
        "overview": _notice_overview, "voices": _notice_voices, "forms": _notice_forms,
        "stances": _notice_stances, "congruence": _notice_congruence}
    if what not in parts:
        raise ValueError(f"what must be one of {', '.join(parts)}, not {what!r}")
    arts = articles(corpus, article_ids)
    lines = parts[what](arts, level)
    if len(arts) < 2:
        lines.append(NOTHING_TO_COMPARE)
    return "Notice: " + " ".join(lines)


def _notice_overview(arts: list[Article], level: an.Level) -> list[str]:
    table = overview(arts)
    lines = [f"{r.outlet}, {r.published:%d %B %Y}: {r.statements} statements by {r.speakers} speakers, "
             f"{r.positions} positions on {r.topics} topics." for r in table.itertuples()]
    if len(arts) >= 2:
        days = (table["published"].max() - table["published"].min()).days
        lines.append("They were published on the same day." if days == 0 else
                     f"They were published {plural(days, 'day')} apart.")
        shared = set.intersection(*(set(a.actors["actor_id"]) for a in arts))
        lines.append(f"{plural(len(shared), 'actor')} appear{'s' * (len(shared) == 1)} in every article under the "
                     "same id: their statements and stances can be set side by side.")
    return lines + _gaps(arts, "positions")


def _notice_voices(arts: list[Article], level: an.Level) -> list[str]:
    kinds = speaker_kinds(arts)
    lines = []
    for _, group in kinds.groupby("article_id", sort=False):
        top = group.iloc[0]
        total = int(group["statements"].sum())
        lines.append(f"In {top['outlet']}, {_kinds_word(str(top['kind']))} make the most statements: "
                     f"{_pct(int(top['statements']), total)}, from {plural(int(top['speakers']), 'speaker')}.")
    if len(arts) >= 2 and all(not a.statements.empty for a in arts):
        both = speakers(arts)
        common = both[both["in_all"]].drop_duplicates("actor_id")["name"].tolist()
        lines.append(f"Speaking in every article: {joined(common)}." if common else
                     "No speaker speaks in every article: each article gives its voice to other people.")
    return lines + _gaps(arts, "statements")


def _notice_forms(arts: list[Article], level: an.Level) -> list[str]:
    table = forms(arts)
    whole, loose = WHOLE, LOOSE
    lines, paraphrase = [], {}
    for outlet, group in table.groupby("outlet", sort=False):
        total = int(group["statements"].sum())
        n = dict(zip(group["form"].astype(str), group["statements"]))
        paraphrase[outlet] = n.get(loose, 0) / total
        lines.append(f"{outlet} gives {_pct(n.get(whole, 0), total)} of its statements as whole quotations and "
                     f"paraphrases {_pct(n.get(loose, 0), total)}.")
    if len(paraphrase) >= 2:
        most = max(paraphrase.values())
        leaders = [o for o, s in paraphrase.items() if s == most]
        lines.append("Both paraphrase the same share." if len(leaders) == len(paraphrase) else
                     f"{joined(leaders)} paraphrase{'s' * (len(leaders) == 1)} most: there, readers get more of "
                     "the journalist's words and fewer of the speakers' own.")
    return lines + _gaps(arts, "statements")


def _notice_stances(arts: list[Article], level: an.Level) -> list[str]:
    table = stances(arts, level=level)
    lines = []
    for _, group in table.groupby("article_id", sort=False):
        top = group.groupby("who_name")["topic_id"].nunique().sort_values(ascending=False, kind="stable")
        lines.append(f"{group['outlet'].iloc[0]} reports the stances of {group['who'].nunique()} "
                     f"{'sides' if level == 'side' else 'holders'} on {group['topic_id'].nunique()} topics; "
                     f"{top.index[0]} takes one on the most ({top.iloc[0]}).")
    if len(arts) >= 2 and all(not a.positions.empty for a in arts):
        topics = set.intersection(*(set(a.positions["topic_id"]) for a in arts))
        named = dict(zip(table["topic_id"], table["topic"]))
        lines.append(f"Topics in every article: {joined(sorted(named[t] for t in topics))}." if topics else
                     "No topic is in every article: each article asks its own questions.")
        same = table[table["in_all"]]
        if len(same):
            agree = same.groupby(["who", "topic_id"])["stance"].agg(lambda s: s.astype(str).nunique() == 1)
            lines.append(f"Where every article reports the same {'side' if level == 'side' else 'holder'} on the "
                         f"same topic ({plural(len(agree), 'pair')}), the stance is the same in {int(agree.sum())}.")
    return lines + _gaps(arts, "positions")


def _notice_congruence(arts: list[Article], level: an.Level) -> list[str]:
    ties = congruence_ties(arts, level=level)
    named = labels(arts)
    lines = []
    for art in arts:
        mine = ties[ties["article_id"] == art.article_id]
        if len(mine):
            top = mine.iloc[0]
            lines.append(f"In {named[art.article_id]}, {top['a_name']} and {top['b_name']} agree on the most "
                         f"topics ({top['weight']}), of {plural(len(mine), 'tie')}.")
        elif not art.positions.empty:
            lines.append(f"In {named[art.article_id]}, no two actors take the same stance on a topic.")
    if len(arts) >= 2 and all(not a.positions.empty for a in arts):
        common = ties[ties["in_all"]].drop_duplicates(["a", "b"])
        lines.append("Tied in every article: " + joined([f"{r.a_name}–{r.b_name}" for r in common.itertuples()])
                     + "." if len(common) else "No tie is in every article's network.")
    return lines + _gaps(arts, "positions")


# --- Figures --------------------------------------------------------------------------------------

def _panels(arts: list[Article], titles: list[str], rows: bool = False, heights: list[float] | None = None,
            shared: bool = False) -> go.Figure:
    """One panel per article, side by side (or one under another), each titled with its words escaped."""
    n = max(len(arts), 1)
    titles = [charts.esc(t) for t in titles]
    if rows:
        return make_subplots(rows=n, cols=1, subplot_titles=titles, row_heights=heights, vertical_spacing=0.3 / n)
    return make_subplots(rows=1, cols=n, subplot_titles=titles, shared_yaxes=shared, horizontal_spacing=0.22 / n)


def _empty_panel(fig: go.Figure, text: str, row: int, col: int) -> None:
    fig.add_annotation(text=charts.esc(text), showarrow=False, x=0.5, y=0.5, xref="x domain", yref="y domain",
                       row=row, col=col, font={"size": 14, "color": "#555555"})
    fig.update_xaxes(visible=False, row=row, col=col)
    fig.update_yaxes(visible=False, row=row, col=col)


def _subplot_titles_left(fig: go.Figure) -> go.Figure:
    """Subplot titles in the figure's font, one size below the title."""
    fig.update_annotations(font={"size": 14})
    return fig


def speaker_kinds_chart(corpus: Articles, article_ids: Sequence[str] | None = None) -> go.Figure:
    """Who gets a voice, by kind of speaker: one panel per article, each bar a kind's share of statements.

    Parameters
    ----------
    corpus : Corpus, Article or list of Article
        The articles (see :func:`articles`).
    article_ids : list of str, optional
        For a corpus, the articles to take.

    Returns
    -------
    plotly.graph_objects.Figure
        Bars in each kind's colour, labelled with the share and the counts behind
        it; hover names the speakers. Titled with its finding; "No statements coded
        yet" when no article has any, and a panel that says so for each article
        without.

    See Also
    --------
    speaker_kinds : the table drawn.
    """
    arts = articles(corpus, article_ids)
    if all(a.statements.empty for a in arts):
        return charts.nothing_coded("statements")
    table = speaker_kinds(arts)
    named = labels(arts)
    kinds = [str(k) for k in table["kind"].cat.categories if k in set(table["kind"].astype(str))][::-1]
    fig = _panels(arts, [named[a.article_id] for a in arts], shared=True)
    tops = []
    for col, art in enumerate(arts, 1):
        mine = table[table["article_id"] == art.article_id].set_index(table["kind"].astype(str)[
            table["article_id"] == art.article_id])
        if mine.empty:
            _empty_panel(fig, f"{named[art.article_id]}: {NO_STATEMENTS}", 1, col)
            continue
        total = int(mine["statements"].sum())
        for kind in kinds:
            if kind not in mine.index:
                continue
            r = mine.loc[kind]
            fig.add_bar(y=[charts.esc(kind)], x=[r["share"] * 100], orientation="h", marker_color=KIND[kind],
                        name=charts.esc(kind), legendgroup=kind, showlegend=False,
                        text=[f"{r['share']:.0%} ({r['statements']} of {total})"], textposition="outside",
                        cliponaxis=False, textfont={"size": 11},
                        customdata=[[charts.esc(r["names"].replace(";", ", "))]],
                        hovertemplate=f"{charts.esc(named[art.article_id])}, %{{y}}: %{{x:.0f}}% of statements"
                                      "<br>%{customdata[0]}<extra></extra>", row=1, col=col)
        top = mine.sort_values("statements", ascending=False).iloc[0]
        tops.append(f"{_kinds_word(str(top['kind']))} in {named[art.article_id]} ({top['statements']} of {total})")
    fig.update_yaxes(categoryorder="array", categoryarray=[charts.esc(k) for k in kinds])
    title = "Who makes the most statements: " + joined(tops)
    sub = "Each panel is one article; each bar, a kind of speaker's share of that article's statements."
    missing = _gaps(arts, "statements")
    fig = charts._finish(fig, title, "", "", " ".join([sub, *missing]), height=120 + 40 * len(kinds))
    for col, art in enumerate(arts, 1):  # axis titles where there are bars: the first panel names the kinds
        if not art.statements.empty:
            fig.update_xaxes(range=[0, 145], title_text="% of the article's statements", row=1, col=col)
    fig.update_yaxes(title_text="kind of speaker", row=1, col=1)
    return _subplot_titles_left(fig)


def forms_chart(corpus: Articles, article_ids: Sequence[str] | None = None,
                by: Literal["outlet", "article"] = "outlet") -> go.Figure:
    """Direct quotes against paraphrase, per outlet: one bar per outlet, split by form.

    Parameters
    ----------
    corpus : Corpus, Article or list of Article
        The articles (see :func:`articles`).
    article_ids : list of str, optional
        For a corpus, the articles to take.
    by : {"outlet", "article"}
        One bar per outlet, or per article.

    Returns
    -------
    plotly.graph_objects.Figure
        Stacked bars of the share of each form, in the forms' colours, labelled with
        the counts; hover shows the statements. Titled with its finding; "No
        statements coded yet" when no article has any, and the subtitle names each
        article without.

    See Also
    --------
    forms : the table drawn.
    """
    arts = articles(corpus, article_ids)
    if all(a.statements.empty for a in arts):
        return charts.nothing_coded("statements")
    table = forms(arts, by=by)
    named = labels(arts)
    outlets = list(dict.fromkeys(table["outlet"]))[::-1]
    quotes: dict[tuple[str, str], list[str]] = {}
    for art in arts:
        key = str(art.meta["outlet"]) if by == "outlet" else named[art.article_id]
        for f, q in zip(art.statements["form"].astype(str), art.statements["quote"]):
            quotes.setdefault((key, f), []).append(q)
    fig = go.Figure()
    for form in table["form"].cat.categories:
        part = table[table["form"] == form].set_index("outlet").reindex(outlets)
        fig.add_bar(y=[charts.esc(o) for o in outlets], x=part["share"] * 100, orientation="h",
                    name=charts.esc(form), marker_color=FORM[form],
                    text=[f"{n}" for n in part["statements"]], textposition="inside", insidetextanchor="middle",
                    textfont={"color": text_on(FORM[form])},
                    customdata=[[charts.esc(form), charts.quotes_hover(quotes.get((o, form), []))]
                                for o in outlets],
                    hovertemplate="%{y}: %{x:.0f}% %{customdata[0]}<br>%{customdata[1]}<extra></extra>")
    fig.update_layout(barmode="stack")
    shares = table.assign(form=table["form"].astype(str)).set_index(["outlet", "form"])["share"]
    words = [f"{o} {shares.get((o, WHOLE), 0):.0%} {WHOLE}, {shares.get((o, LOOSE), 0):.0%} {LOOSE}"
             for o in outlets[::-1]]
    title = "; ".join(words)
    sub = ("Each bar is one outlet's statements, split by form; the number in each part counts them. "
           "Direct: a whole quotation. Partial: quoted words inside the journalist's sentence. "
           "Paraphrase: no quoted words.")
    fig = charts._finish(fig, title, "% of the outlet's statements", "outlet" if by == "outlet" else "article",
                         " ".join([sub, *_gaps(arts, "statements")]), height=110 + 60 * len(outlets))
    fig.update_xaxes(range=[0, 100])
    return fig.update_layout(legend_traceorder="normal")


def stances_chart(corpus: Articles, article_ids: Sequence[str] | None = None,
                  level: an.Level = "side") -> go.Figure:
    """Whose stances, on which topics: one panel per article (one under another), a mark per who and topic.

    Parameters
    ----------
    corpus : Corpus, Article or list of Article
        The articles (see :func:`articles`).
    article_ids : list of str, optional
        For a corpus, the articles to take.
    level : {"side", "holder"}
        Holders replaced by the side they speak for, or as coded.

    Returns
    -------
    plotly.graph_objects.Figure
        Squares in the stance's colour with its symbol and the number of statements
        behind it; open when hedged; hover shows the evidence. Titled with its
        finding; "No positions coded yet" when no article has any, and a panel that
        says so for each article without.

    See Also
    --------
    stances : the table drawn.
    """
    arts = articles(corpus, article_ids)
    if all(a.positions.empty for a in arts):
        return charts.nothing_coded("positions")
    table = stances(arts, level=level)
    named = labels(arts)
    sizes = [max(table.loc[table["article_id"] == a.article_id, "who"].nunique(), 2) for a in arts]
    # one column per topic in every panel, the same column for the same topic: topics in most articles first
    spread = table.groupby("topic")["article_id"].nunique()
    width = table.groupby("topic")["who"].nunique()
    topics = sorted(spread.index, key=lambda t: (-spread[t], -width[t], t))
    plot = sum(40 * s for s in sizes)
    fig = make_subplots(rows=len(arts), cols=1, shared_xaxes=True, row_heights=sizes,
                        vertical_spacing=min(60 / (plot + 60 * len(arts)), 0.3),
                        subplot_titles=[charts.esc(named[a.article_id]) for a in arts])
    seen: set[str] = set()
    parts = []
    for row, art in enumerate(arts, 1):
        m = table[table["article_id"] == art.article_id]
        if m.empty:
            _empty_panel(fig, f"{named[art.article_id]}: {_coded(art)}", row, 1)
            continue
        quotes = an.quotes(art)
        whos = m.groupby("who_name")["topic_id"].nunique().sort_values(kind="stable").index.tolist()
        for stance in m["stance"].cat.categories:
            for hedged in (False, True):
                part = m[(m["stance"] == stance) & (m["hedged"] == hedged)]
                if not len(part):
                    continue
                name = f"{stance}{' (hedged)' if hedged else ''}"
                fig.add_scatter(
                    x=[charts.esc(t) for t in part["topic"]], y=[charts.esc(w) for w in part["who_name"]],
                    mode="markers+text", name=charts.esc(name), legendgroup=name, showlegend=name not in seen,
                    text=[f"{charts.esc(STANCE_SYMBOL[stance])} {n}" for n in part["n"]],
                    textfont={"color": STANCE_TEXT[stance] if hedged else text_on(STANCE[stance]), "size": 11},
                    marker={"symbol": "square-open" if hedged else "square", "size": 28, "color": STANCE[stance],
                            "line": {"width": 3, "color": STANCE[stance]}},
                    customdata=[[r.n, charts.quotes_hover([quotes[s] for s in r.statements], width=70)]
                                for r in part.itertuples()],
                    hovertemplate=f"{charts.esc(named[art.article_id])}: %{{y}} on %{{x}}: {charts.esc(name)}"
                                  "<br>%{customdata[0]} statement(s):<br>%{customdata[1]}<extra></extra>",
                    row=row, col=1)
                seen.add(name)
        fig.update_yaxes(categoryorder="array", categoryarray=[charts.esc(w) for w in whos], row=row, col=1)
        n_who = m["who"].nunique()
        parts.append(f"{named[art.article_id]}, {plural(n_who, 'side' if level == 'side' else 'holder')} "
                     f"on {plural(m['topic_id'].nunique(), 'topic')}")
    title = "Whose stances each article reports: " + "; ".join(parts)
    stances_named = ", ".join(f"{STANCE_SYMBOL[s]} {s}" for s in table["stance"].cat.categories)
    sub = (f"One panel per article, one column per topic. In each square: {stances_named}, and the number of "
           "statements behind it; open squares are hedged. Hover a square for the evidence.")
    fig = charts._finish(fig, title, "", "", " ".join([sub, *_gaps(arts, "positions")]),
                         height=plot + 60 * len(arts) + 150)
    fig.update_xaxes(categoryorder="array", categoryarray=[charts.esc(t) for t in topics], tickangle=-40,
                     tickmode="array", tickvals=[charts.esc(t) for t in topics])
    fig.update_xaxes(title_text="topic", row=len(arts), col=1)
    return _subplot_titles_left(fig)


def congruence_charts(corpus: Articles, article_ids: Sequence[str] | None = None,
                      level: an.Level = "side") -> go.Figure:
    """The congruence networks side by side: one panel per article, drawn as lesson 04 draws one.

    Parameters
    ----------
    corpus : Corpus, Article or list of Article
        The articles (see :func:`articles`).
    article_ids : list of str, optional
        For a corpus, the articles to take.
    level : {"side", "holder"}
        Actors as the sides they speak for, or each holder as coded.

    Returns
    -------
    plotly.graph_objects.Figure
        Each panel the figure :func:`~newsclaims.charts.congruence_chart` draws for
        its article, titled with that article's strongest tie; the figure is titled
        with the ties found in every article. "No positions coded yet" when no
        article has any, and a panel that says so for each article without.

    See Also
    --------
    congruence_ties : the ties, as a table.
    newsclaims.analysis.congruence_network : one article's network.
    """
    arts = articles(corpus, article_ids)
    if all(a.positions.empty for a in arts):
        return charts.nothing_coded("positions")
    named = labels(arts)
    ties = congruence_ties(arts, level=level)
    titles = []
    for art in arts:
        mine = ties[ties["article_id"] == art.article_id]
        titles.append(f"{named[art.article_id]}: " + (
            f"{mine['a_name'].iloc[0]} and {mine['b_name'].iloc[0]} agree most ({mine['weight'].iloc[0]})"
            if len(mine) else _coded(art) if art.positions.empty else "no two actors agree"))
    fig = _panels(arts, titles)
    for col, art in enumerate(arts, 1):
        if art.positions.empty:
            _empty_panel(fig, f"{named[art.article_id]}: {_coded(art)}", 1, col)
            continue
        one = charts.congruence_chart(art, level)
        for trace in one.data:
            fig.add_trace(trace, row=1, col=col)
        fig.update_xaxes(visible=False, range=[-1.8, 1.8], row=1, col=col)
        fig.update_yaxes(visible=False, range=[-1.3, 1.3], row=1, col=col)
        if not len(ties[ties["article_id"] == art.article_id]):
            _empty_panel(fig, "no two actors take the same stance", 1, col)
    common = ties[ties["in_all"]].drop_duplicates(["a", "b"])
    if len(arts) < 2:
        title = titles[0]
    elif len(common):
        title = "Tied in every article: " + joined([f"{r.a_name}–{r.b_name}" for r in common.itertuples()])
    else:
        title = "No two actors are tied in every article's network"
    sub = ("One network per article, as lesson 04 draws it: a line joins two actors who take the same stance on a "
           "topic; the number on it counts the topics; dotted when all the evidence is hedged. Hover a tie's "
           "midpoint for its topics and statements.")
    if any(getattr(t, "line", None) is not None and t.line.color == STANCE[an.MIXED] for t in fig.data):
        sub += (f" A {colour_name(STANCE[an.MIXED])} line rests only on a mixed stance: an actor who both supports "
                "and opposes, not an agreement.")
    fig = charts._finish(fig, title, "", "", " ".join([sub, *_gaps(arts, "positions")]), height=460)
    fig.update_layout(showlegend=False)
    return _subplot_titles_left(fig)


# --- Exercise checks --------------------------------------------------------------------------------

def _actor_names(arts: list[Article]) -> _Names:
    actors = pd.concat([a.actors[["actor_id", "name"]] for a in arts]).drop_duplicates("actor_id")
    ids, names = actors["actor_id"].tolist(), actors["name"].tolist()
    aliases = [(al, i) for a in arts for al, i in zip(a.mentions["alias"], a.mentions["actor_id"])]
    return _Names("an actor", [*zip(ids, ids), *zip(names, ids)], aliases, dict(zip(ids, names)))


def _outlet_names(arts: list[Article]) -> _Names:
    named = labels(arts)
    strong = [*((a.article_id, a.article_id) for a in arts), *((named[a.article_id], a.article_id) for a in arts)]
    weak = [(str(a.meta["outlet"]), a.article_id) for a in arts]
    return _Names("an outlet", strong, weak, named)


def _topic_names(arts: list[Article]) -> _Names:
    topics = pd.concat([a.topics[["topic_id", "label"]] for a in arts]).drop_duplicates("topic_id")
    ids, names = topics["topic_id"].tolist(), topics["label"].tolist()
    return _Names("a topic", [*zip(ids, ids), *zip(names, ids)], [], dict(zip(ids, names)))


def _speak_in_all(arts: list[Article]) -> set[str]:
    return set.intersection(*(set(a.statements["actor_id"]) for a in arts))


def quoted_share(art: Article) -> float:
    """The share of an article's statements that hold words in quotation marks (direct or partial).

    >>> import newsclaims as nc
    >>> round(quoted_share(nc.load_article()), 2)
    0.65
    """
    if art.statements.empty:
        return 0.0
    return float((art.statements["quote"].map(an.quoted_words) > 0).mean())


def _most_quoted(arts: list[Article]) -> set[str]:
    shares = {a.article_id: quoted_share(a) for a in arts}
    most = max(shares.values())
    return {a for a, s in shares.items() if s == most}


def _topics_in_all(arts: list[Article]) -> set[str]:
    return set.intersection(*(set(a.positions["topic_id"]) for a in arts))


@dataclass
class _Comparison:
    what: str  # what the answer is, in the words of "Put your answer (...) in place of ..."
    solve: Callable[[list[Article]], Any]
    judge: Callable[[list[Article], Any, Any], tuple[bool, str]]
    why: str
    needs: str = "statements"


CHECKS: dict[str, _Comparison] = {
    "8.1": _Comparison("the speakers who make a statement in both articles", _speak_in_all,
                       _same_set(_actor_names, ("speaker", "speakers")),  # type: ignore[arg-type]
                       "Only they are heard in both: every other voice is one outlet's choice."),
    "8.2": _Comparison("the outlet that gives the larger share of its statements in quoted words", _most_quoted,
                       _same_set(_outlet_names, ("outlet", "outlets")),  # type: ignore[arg-type]
                       "Quoted words are the speaker's own; a paraphrase is the journalist's."),
    "8.3": _Comparison("the topics on which both articles report a stance", _topics_in_all,
                       _same_set(_topic_names, ("topic", "topics")),  # type: ignore[arg-type]
                       "Only on these can the two articles' stances be compared.", needs="positions"),
}


def check(exercise: str, answer: Any, corpus: Articles, article_ids: Sequence[str] | None = None) -> Verdict:
    """Say whether an answer to an exercise of lesson 08 is right, and why, or what is wrong with it.

    The right answer is worked out from the articles compared when the check runs;
    answers are read as :func:`newsclaims.checks.check` reads them (names by id,
    name or alias; sets as lists, Series or joined strings; an outlet by its name
    or its article's id).

    Parameters
    ----------
    exercise : str
        The exercise's number, one of the keys of :data:`CHECKS`.
    answer : object
        The student's answer. ``...`` or None means no answer yet.
    corpus : Corpus, Article or list of Article
        The articles compared (see :func:`articles`).
    article_ids : list of str, optional
        For a corpus, the articles to take.

    Returns
    -------
    Verdict
        ``right`` is True or False, or None when there is nothing to check: an
        article without what the exercise needs, only one article (both said even
        before an answer is given), or no answer yet.

    Raises
    ------
    KeyError
        If there is no check for ``exercise``.

    Examples
    --------
    >>> import newsclaims as nc
    >>> print(check("8.1", ["Wang Yi"], nc.load_corpus()))  # doctest: +ELLIPSIS
    Exercise 8.1: ✗ Not quite. ... one extra: Wang Yi. ...
    """
    if exercise not in CHECKS:
        raise KeyError(f"no check for exercise {exercise!r}; there are checks for {', '.join(CHECKS)}")
    ex = CHECKS[exercise]
    arts = articles(corpus, article_ids)
    gaps = _gaps(arts, ex.needs)
    if gaps:  # said first, before any answer is given: the exercise cannot be done yet
        return Verdict(exercise, None, " ".join(gaps) + f" There is no answer to check yet. "
                                                        f"{an.TO_CODE[ex.needs]}")
    if len(arts) < 2:
        return Verdict(exercise, None, NOTHING_TO_COMPARE)
    if answer is Ellipsis or answer is None:
        return Verdict(exercise, None, f"Put your answer ({ex.what}) in place of ... and run the cell again.")
    expected = ex.solve(arts)
    try:
        right, note = ex.judge(arts, answer, expected)  # type: ignore[arg-type]
    except _Unreadable as unreadable:
        right, note = False, str(unreadable)
    except (TypeError, ValueError, LookupError):
        right, note = False, f"Look again for {ex.what}."
    if right:
        return Verdict(exercise, True, f"{note} {ex.why}".strip())
    return Verdict(exercise, False, f"{note} The answer is under 'Show answer'.")


__all__ = ["CHECKS", "NOTHING_TO_COMPARE", "articles", "check", "congruence_charts", "congruence_ties",
           "forms", "forms_chart", "labels", "notice", "overview", "pair", "quoted_share", "speaker_kinds",
           "speaker_kinds_chart", "speakers", "stances", "stances_chart"]
