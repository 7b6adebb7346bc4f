"""Derived tables: who is mentioned, who speaks, who stands where, and the networks between them.

Every function takes an :class:`~newsclaims.data.Article` and returns a plain
DataFrame (or a networkx graph). An article with nothing coded yet gives the same
columns and types with no rows, and graphs with no edges. Positions (and the voice
share) can be read at two levels, chosen by ``level`` wherever a function takes it:

- ``level="side"``, the default everywhere: each holder (or speaker) replaced by the
  state, bloc or body it speaks for (Wang Yi and Zhang Jun become China). Actors who
  speak for no one stay themselves.
- ``level="holder"``: as coded, one row per holder (Wang Yi, Zhang Jun, China, ...),
  or per speaker.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Literal

import pandas as pd

from .data import Article, vocabulary
from .text import QUOTE

if TYPE_CHECKING:  # networkx loads when a network is first built, not at import
    import networkx as nx

Level = Literal["holder", "side"]
LEVELS = ("side", "holder")  # the first is every function's default
# What each coded stance (datapackage.json, positions.stance) means for a score: the sign of the side it
# takes, 0 for none. tests/test_vocabulary.py holds the keys to the descriptor's enum; a stance the
# descriptor has just gained takes no side and is left out of the score until it is given one here.
SCORE = {"support": 1, "oppose": -1, "neutral": 0}
# The combined stance of one who both supports and opposes (stance_matrix): never coded, only derived
MIXED = "mixed"
_WORD = re.compile(r"[\w’'-]+")
# What to code when a table has no rows yet: the hint an empty chart or explorer shows
# under "No statements coded yet" (README, "Adding an article").
TO_CODE = {
    "actors": "Add the people, states and bodies the text names to data/actors.csv, and the words "
              "that name them to data/aliases.csv.",
    "statements": "Code who says what in data/statements.csv: the speaker, the exact words and their offsets.",
    "positions": "Code what each statement says about a topic in data/positions.csv.",
    "events or dated statements": "Code the dated happenings in data/events.csv, or when each statement "
                                  "was made (said_on) in data/statements.csv.",
    "frame": "Code the headline, caption, lede and the journalist's narration as spans in data/frame.csv "
             "(data/README.md says how).",
    "labels": "Code the words that characterise an actor or place, with the actor each describes, in "
              "data/labels.csv.",
    "voices": "Code each source and person (named or not, source type, gender and its basis) in data/voices.csv.",
    "source passages": "Check each statement against its primary text: a row per statement in "
                       "data/source_passages.csv, and the texts in data/sources.csv (data/README.md gives the method).",
}


def names(art: Article) -> dict[str, str]:
    """actor_id -> display name, for the article's actors.

    Parameters
    ----------
    art : Article
        The article.

    Returns
    -------
    dict
        Each actor's ``name``, by ``actor_id``.

    Examples
    --------
    >>> import newsclaims as nc
    >>> names(nc.load_article())["wang_yi"]
    'Wang Yi'
    """
    return dict(zip(art.actors["actor_id"], art.actors["name"]))


def speaks_for(actors: pd.DataFrame) -> pd.Series:
    """For each actor, the actor at the top of its ``represents`` chain (itself if none).

    A loop in the chain stops where it would come back.

    Parameters
    ----------
    actors : DataFrame
        Actors, with ``actor_id`` and ``represents``.

    Returns
    -------
    Series
        The side, by actor_id; named ``side``.

    Examples
    --------
    >>> import newsclaims as nc
    >>> side = speaks_for(nc.load_article().actors)
    >>> side["wang_yi"], side["state_department_readout"], side["david_sacks"]
    ('china', 'united_states', 'david_sacks')
    """
    up = dict(zip(actors["actor_id"], actors["represents"]))
    top = {}
    for actor in actors["actor_id"]:
        seen, current = {actor}, actor
        while isinstance(up.get(current), str) and up[current] not in seen:
            current = up[current]
            seen.add(current)
        top[actor] = current
    return pd.Series(top, name="side")


def quoted_words(quote: str) -> int:
    """Number of words inside double quotation marks.

    Parameters
    ----------
    quote : str
        A statement's quote.

    Returns
    -------
    int
        The words between double quotation marks, straight or curly; 0 for a paraphrase.

    Examples
    --------
    >>> quoted_words('all concerns should be treated on the "basis of equality."')
    3
    >>> quoted_words('said “we will fight”')
    3
    """
    return sum(len(_WORD.findall(m.group()[1:-1])) for m in QUOTE.finditer(quote))


def mention_counts(art: Article) -> pd.DataFrame:
    """Per actor: how often the text names them, and how many statements they make.

    Parameters
    ----------
    art : Article
        The article.

    Returns
    -------
    DataFrame
        actor_id, name, kind, mentions, statements; the most named first. No rows
        when no actor is coded.

    Examples
    --------
    >>> import newsclaims as nc
    >>> mention_counts(nc.load_article())[["actor_id", "mentions", "statements"]].head(2).values.tolist()
    [['china', 20, 2], ['russia', 16, 2]]
    """
    mentions = art.mentions["actor_id"].value_counts()
    spoken = art.statements["actor_id"].value_counts()
    out = art.actors[["actor_id", "name", "kind"]].copy()
    out["mentions"] = out["actor_id"].map(mentions).fillna(0).astype("int64")
    out["statements"] = out["actor_id"].map(spoken).fillna(0).astype("int64")
    return out.sort_values(["mentions", "statements", "name"], ascending=[False, False, True],
                           ignore_index=True)


def voice_share(art: Article, level: Level = "side", *, by: Literal["actor", "side"] | None = None) -> pd.DataFrame:
    """Share of statements and share of quoted words, per side or per speaker.

    Quoted words are the words inside quotation marks: a paraphrase has none.

    Parameters
    ----------
    art : Article
        The article.
    level : {"side", "holder"}
        ``"side"``: speakers grouped by the state, bloc or body they speak for;
        ``"holder"``: each speaker as coded.
    by : {"actor", "side"}, optional
        The older name of ``level`` (``"actor"`` is ``"holder"``); still accepted.

    Returns
    -------
    DataFrame
        One row per speaker or side: actor_id, name, statements, statement_share,
        quoted_words, word_share; most statements first. No rows when no statement
        is coded.

    Raises
    ------
    ValueError
        When ``level`` (or ``by``) is not one of those above.

    Examples
    --------
    >>> import newsclaims as nc
    >>> art = nc.load_article()
    >>> voice_share(art)[["actor_id", "statements"]].head(3).values.tolist()
    [['china', 13], ['united_states', 6], ['david_sacks', 4]]
    >>> voice_share(art, level="holder")[["actor_id", "statements"]].head(3).values.tolist()
    [['wang_yi', 6], ['zhang_jun', 5], ['david_sacks', 4]]
    """
    level = _level(level, by)
    st = art.statements[["actor_id", "quote"]].copy()
    st["words"] = st["quote"].map(quoted_words).astype("int64")
    st["who"] = st["actor_id"].map(speaks_for(art.actors)).astype("str") if level == "side" else st["actor_id"]
    out = st.groupby("who").agg(statements=("quote", "size"), quoted_words=("words", "sum")).reset_index()
    out["statement_share"] = out["statements"] / max(out["statements"].sum(), 1)
    out["word_share"] = out["quoted_words"] / max(out["quoted_words"].sum(), 1)
    out.insert(1, "name", out["who"].map(names(art)))
    out = out.rename(columns={"who": "actor_id"})
    columns = {"actor_id": "str", "name": "str", "statements": "int64", "statement_share": "float64",
               "quoted_words": "int64", "word_share": "float64"}
    return out.sort_values(["statements", "quoted_words", "name"], ascending=[False, False, True],
                           ignore_index=True)[list(columns)].astype(columns)


def _level(level: str, by: str | None = None) -> Level:
    """The level asked for; ``by`` ("actor" or "side", the older keyword of the voice share) wins when given.

    >>> _level("side"), _level("side", by="actor")
    ('side', 'holder')
    """
    if by is not None:
        if by not in ("actor", "side"):
            raise ValueError(f'by must be "actor" or "side", not {by!r}; or use level="holder" or level="side"')
        return "holder" if by == "actor" else "side"
    if level not in LEVELS:
        raise ValueError(f'level must be "side" or "holder", not {level!r}')
    return level


def quotes(art: Article) -> dict[str, str]:
    """statement_id -> quote.

    Parameters
    ----------
    art : Article
        The article.

    Returns
    -------
    dict
        Each statement's quote, by statement_id.
    """
    return dict(zip(art.statements["statement_id"], art.statements["quote"]))


def positions_table(art: Article, level: Level = "side") -> pd.DataFrame:
    """Positions joined with their statements: who, topic, stance, hedged, speaker, holder, quote.

    ``speaker`` is who made the statement and ``holder`` whose stance it records.
    ``who`` is whom the holder speaks for (its side), or with ``level="holder"``
    the holder itself.

    Parameters
    ----------
    art : Article
        The article.
    level : {"side", "holder"}
        Holders replaced by the side they speak for, or as coded.

    Returns
    -------
    DataFrame
        The columns of ``art.positions``, then the statement's actor_id, quote,
        form, paragraph and via, then who, who_name, speaker, holder and topic (the
        names and label). No rows when no position is coded.

    Examples
    --------
    >>> import newsclaims as nc
    >>> table = positions_table(nc.load_article())
    >>> table.loc[table["statement_id"] == "cnn22_s19", ["who", "holder_id", "stance"]].values.tolist()
    [['china', 'china', 'support'], ['russia', 'vladimir_putin', 'oppose']]
    """
    st = art.statements[["statement_id", "actor_id", "quote", "form", "paragraph", "via"]]
    out = art.positions.merge(st, on="statement_id", how="left")
    side = speaks_for(art.actors)
    out["who"] = out["holder_id"].map(side) if level == "side" else out["holder_id"]
    n = names(art)
    out["who_name"] = out["who"].map(n)
    out["speaker"] = out["actor_id"].map(n)
    out["holder"] = out["holder_id"].map(n)
    labels = dict(zip(art.topics["topic_id"], art.topics["label"]))
    out["topic"] = out["topic_id"].map(labels)
    return out.astype(dict.fromkeys(["who", "who_name", "speaker", "holder", "topic"], "str"))


def stance_matrix(art: Article, level: Level = "side") -> pd.DataFrame:
    """One row per (who, topic) that has evidence: its combined stance and the evidence.

    The stance is ``support`` or ``oppose`` when every statement that takes a side
    takes that one (neutral evidence beside it does not change it); ``mixed`` when
    some support and others oppose; ``neutral`` when none takes a side. ``hedged``
    is true when every statement behind that stance is hedged. ``score`` is the
    mean of support = 1, neutral = 0, oppose = -1 (:data:`SCORE`). After ``n``,
    one column per coded stance (support, oppose, neutral: the descriptor's
    enum) counts the statements that take it. The ``stance`` column's categories
    are the coded stances and then ``mixed``.

    Parameters
    ----------
    art : Article
        The article.
    level : {"side", "holder"}
        Holders replaced by the side they speak for, or as coded.

    Returns
    -------
    DataFrame
        who, who_name, topic_id, topic, stance (categorical), hedged, score, n, one
        count per coded stance, and the ids of the statements behind it; sorted by
        who and topic. No rows when no position is coded.

    Examples
    --------
    >>> import newsclaims as nc
    >>> matrix = stance_matrix(nc.load_article())
    >>> matrix.loc[(matrix["who"] == "china") & (matrix["topic_id"] == "minsk"), ["stance", "n"]].values.tolist()
    [['support', 3]]
    """
    pos = positions_table(art, level)
    coded = vocabulary("positions", "stance", art)
    rows = []
    for (who, topic), group in pos.groupby(["who", "topic_id"], sort=True, observed=True):
        given = group["stance"].astype(str)
        stance = _combined(list(dict.fromkeys(given)))
        behind = group if stance == MIXED else group[given == stance]
        counts = given.value_counts()
        rows.append({
            "who": who, "who_name": group["who_name"].iloc[0], "topic_id": topic,
            "topic": group["topic"].iloc[0], "stance": stance,
            "hedged": bool(behind["hedged"].all()),
            "score": given.map(SCORE).mean(),
            "n": len(group),
            **{s: int(counts.get(s, 0)) for s in coded},
            "statements": list(dict.fromkeys(group["statement_id"])),
        })
    columns = {"who": "str", "who_name": "str", "topic_id": "str", "topic": "str",
               "stance": pd.CategoricalDtype([*coded, MIXED]), "hedged": "bool", "score": "float64", "n": "int64",
               **dict.fromkeys(coded, "int64"), "statements": "object"}
    return pd.DataFrame(rows, columns=list(columns)).astype(columns)


def _sided(stances: Iterable[str]) -> set[str]:
    """The stances that take a side (a score other than 0), and mixed, which takes both."""
    return {s for s in stances if s == MIXED or SCORE.get(s, 0)}


def _combined(stances: list[str]) -> str:
    """One stance for several: the side all sided ones take, mixed when they differ, else the one given.

    Several stances that take no side (a stance the descriptor has just gained beside
    neutral) combine to the first of them that has a score: neutral.
    """
    sided = _sided(stances)
    if len(sided) > 1 or MIXED in sided:
        return MIXED
    if sided:
        return sided.pop()
    return stances[0] if len(stances) == 1 else next((s for s in stances if s in SCORE), stances[0])


def stance_order(matrix: pd.DataFrame) -> tuple[list[str], list[str]]:
    """Rows and columns for drawing a stance matrix.

    Parameters
    ----------
    matrix : DataFrame
        From :func:`stance_matrix`.

    Returns
    -------
    whos : list of str
        The actors, those with most topics first (ties by id).
    topics : list of str
        The topic ids, those with most actors first (ties by id).

    Examples
    --------
    >>> import newsclaims as nc
    >>> whos, topics = stance_order(stance_matrix(nc.load_article()))
    >>> whos[:2]
    ['china', 'russia']
    """
    whos = matrix.groupby("who")["topic_id"].nunique()
    topics = matrix.groupby("topic_id")["who"].nunique()
    return (sorted(whos.index, key=lambda w: (-whos[w], w)), sorted(topics.index, key=lambda t: (-topics[t], t)))


def alignment(art: Article, a: tuple[str, ...] = ("united_states",), b: tuple[str, ...] = ("russia",),
              level: Level = "side") -> pd.DataFrame:
    """On the topics where side ``a`` and side ``b`` take opposite stances, whose side is each actor on?

    Parameters
    ----------
    art : Article
        The article.
    a, b : tuple of str
        The two poles: the ids of the actors (at the given level) each is made of.
    level : {"side", "holder"}
        Holders replaced by the side they speak for, or as coded.

    Returns
    -------
    DataFrame
        One row per actor and dividing topic: who, who_name, topic_id, topic, the
        actor's stance and whether it is hedged; ``matches``, the name of the pole it
        agrees with, or ``neither``; ``pole``, the pole the actor belongs to (empty
        for others); and the statements behind it. No rows when the poles take no
        opposite stances.

    Examples
    --------
    >>> import newsclaims as nc
    >>> aligned = alignment(nc.load_article())
    >>> aligned.loc[aligned["who"] == "china", ["topic_id", "matches"]].values.tolist()
    [['condemn_russia', 'neither'], ['sovereignty', 'United States']]
    """
    matrix = stance_matrix(art, level)
    pole_a, pole_b = pole_name(art, a), pole_name(art, b)

    def pole_stance(members: tuple[str, ...], topic: str) -> str | None:
        """The pole's one stance on the topic; None if it has none, or mixed ones."""
        rows = matrix[(matrix["topic_id"] == topic) & matrix["who"].isin(members)]
        sided = _sided(rows["stance"].astype(str))
        return sided.pop() if len(sided) == 1 and MIXED not in sided else None

    dividing = []
    for topic in matrix["topic_id"].unique():
        sa, sb = pole_stance(a, topic), pole_stance(b, topic)
        if sa and sb and sa != sb:
            dividing.append((topic, sa, sb))
    rows = []
    for topic, sa, sb in dividing:
        for r in matrix[matrix["topic_id"] == topic].itertuples():
            stance = str(r.stance)
            matches = pole_a if stance == sa else pole_b if stance == sb else "neither"
            pole = pole_a if r.who in a else pole_b if r.who in b else ""
            rows.append({"who": r.who, "who_name": r.who_name, "topic_id": topic, "topic": r.topic,
                         "stance": stance, "hedged": r.hedged, "matches": matches, "pole": pole,
                         "statements": r.statements})
    columns = {"who": "str", "who_name": "str", "topic_id": "str", "topic": "str", "stance": "str",
               "hedged": "bool", "matches": "str", "pole": "str", "statements": "object"}
    return pd.DataFrame(rows, columns=list(columns)).astype(columns)


def pole_name(art: Article, members: tuple[str, ...]) -> str:
    """The display name of a pole of the alignment: its members' names joined with '&'.

    Parameters
    ----------
    art : Article
        The article.
    members : tuple of str
        The pole's actor ids.

    Returns
    -------
    str
        Their names (an id without a name stands for itself).

    Examples
    --------
    >>> import newsclaims as nc
    >>> pole_name(nc.load_article(), ("united_states", "the_west"))
    'United States & the West'
    """
    n = names(art)
    return " & ".join(n.get(x, x) for x in members)


def affiliation_network(art: Article, level: Level = "side") -> nx.Graph:
    """The two-mode actor–topic network: an edge where an actor takes a stance on a topic.

    Topic nodes are named ``topic:TOPIC_ID``. Each edge carries ``stance``
    (support, oppose, neutral or mixed), ``sign`` (+1, -1, 0 for neutral and mixed),
    ``hedged``, ``weight`` (the number of positions behind it) and ``statements``
    (their ids, joined by ``;``). Nodes carry ``label``, ``kind`` and ``bipartite``
    (0 for actors, 1 for topics).

    Parameters
    ----------
    art : Article
        The article.
    level : {"side", "holder"}
        Holders replaced by the side they speak for, or as coded.

    Returns
    -------
    networkx.Graph
        No nodes when no position is coded.

    Examples
    --------
    >>> import newsclaims as nc
    >>> graph = affiliation_network(nc.load_article())
    >>> graph.edges["china", "topic:minsk"]["stance"]
    'support'
    """
    import networkx as nx

    graph = nx.Graph()
    kinds = dict(zip(art.actors["actor_id"], art.actors["kind"].astype(str)))
    for r in stance_matrix(art, level).itertuples():
        graph.add_node(r.who, label=r.who_name, kind=kinds.get(r.who, ""), bipartite=0)
        graph.add_node(f"topic:{r.topic_id}", label=r.topic, kind="topic", bipartite=1)
        graph.add_edge(r.who, f"topic:{r.topic_id}", stance=str(r.stance), hedged=r.hedged,
                       sign=SCORE.get(str(r.stance), 0), weight=r.n,
                       statements=";".join(r.statements))
    return graph


def _actor_network(art: Article, level: Level, relation: Literal["congruence", "conflict"]) -> nx.Graph:
    """Pairs of actors linked by shared (congruence) or opposite (conflict) stances.

    As in Discourse Network Analysis: an actor may hold both stances on a topic;
    neutral stances link no one. The edge weight counts the topics. An edge is
    ``hedged`` when every position behind it is hedged.
    """
    import networkx as nx

    pos = positions_table(art, level)
    pos = pos[pos["stance"].isin([s for s in SCORE if SCORE[s]])]
    pos = pos.assign(stance=pos["stance"].astype(str))
    held = pos.groupby("who")[["topic_id", "stance"]].apply(lambda g: set(zip(g["topic_id"], g["stance"])))
    evidence = pos.groupby(["who", "topic_id", "stance"])["statement_id"].apply(list).to_dict()
    firm = pos[~pos["hedged"]].groupby(["who", "topic_id", "stance"]).size().to_dict()
    who_names = dict(zip(pos["who"], pos["who_name"]))
    graph = nx.Graph()
    for who in sorted(held.index):
        graph.add_node(who, label=who_names[who])
    # the same stance, or one whose score has the other sign (support and oppose)
    other = {s: [s] if relation == "congruence" else [o for o in SCORE if SCORE[o] * SCORE[s] < 0] for s in SCORE}
    for x, y in itertools.combinations(sorted(held.index), 2):
        pairs = [(t, sx, sy) for t, sx in sorted(held[x]) for sy in other[sx] if (t, sy) in held[y]]
        if pairs:
            statements = [i for t, sx, sy in pairs for i in evidence[(x, t, sx)] + evidence[(y, t, sy)]]
            # a pair is firm when both sides have at least one unhedged position behind it
            hedged = not any((x, t, sx) in firm and (y, t, sy) in firm for t, sx, sy in pairs)
            graph.add_edge(x, y, weight=len({t for t, _, _ in pairs}), hedged=hedged,
                           topics=";".join(sorted({t for t, _, _ in pairs})),
                           statements=";".join(dict.fromkeys(statements)))
    return graph


def congruence_network(art: Article, level: Level = "side") -> nx.Graph:
    """Actors linked when they take the same stance on the same topic; weight = shared topics.

    As in Discourse Network Analysis: neutral stances link no one. Each edge
    carries ``weight``, ``hedged`` (every position behind it is hedged), ``topics``
    and ``statements`` (ids joined by ``;``).

    Parameters
    ----------
    art : Article
        The article.
    level : {"side", "holder"}
        Holders replaced by the side they speak for, or as coded.

    Returns
    -------
    networkx.Graph
        One node per actor with a stance that takes a side; no edges when none agree.

    Examples
    --------
    >>> import newsclaims as nc
    >>> congruence_network(nc.load_article()).edges["china", "russia"]["topics"]
    'china_russia_alignment;nato_enlargement;sanctions'
    """
    return _actor_network(art, level, "congruence")


def conflict_network(art: Article, level: Level = "side") -> nx.Graph:
    """Actors linked when they take opposite stances on the same topic; weight = such topics.

    As in Discourse Network Analysis: an actor may hold both stances on a topic, and
    neutral stances link no one. Edges carry what those of
    :func:`congruence_network` carry.

    Parameters
    ----------
    art : Article
        The article.
    level : {"side", "holder"}
        Holders replaced by the side they speak for, or as coded.

    Returns
    -------
    networkx.Graph
        One node per actor with a stance that takes a side; no edges when none disagree.

    Examples
    --------
    >>> import newsclaims as nc
    >>> conflict_network(nc.load_article()).edges["china", "russia"]["topics"]
    'china_russia_alignment;minsk;sovereignty'
    """
    return _actor_network(art, level, "conflict")


def attribution_chains(art: Article) -> pd.DataFrame:
    """How each statement reaches the reader: journalist → intermediary → speaker.

    One row per statement: the journalist (the byline), the intermediary (``via``),
    the speaker, whose stances it records when they are not the speaker's
    (``stance_of``), and the cue. ``steps`` counts the hands between the
    journalist and the speaker: 1 when she reports the speaker directly, 2 through
    an intermediary such as a readout.

    Parameters
    ----------
    art : Article
        The article.

    Returns
    -------
    DataFrame
        statement_id, journalist, via, speaker, stance_of, cue, chain (the whole
        chain in words) and steps. No rows when no statement is coded.

    Examples
    --------
    >>> import newsclaims as nc
    >>> attribution_chains(nc.load_article())["steps"].value_counts().sort_index().to_dict()
    {1: 31, 2: 6}
    """
    n = names(art)
    holders = art.positions.groupby("statement_id")["holder_id"].apply(lambda h: list(dict.fromkeys(h)))
    rows = []
    for r in art.statements.itertuples():
        others = [n[h] for h in holders.get(r.statement_id, []) if h != r.actor_id]
        chain = [art.meta["author"]] + ([n[r.via]] if isinstance(r.via, str) else []) + [n[r.actor_id]]
        rows.append({"statement_id": r.statement_id, "journalist": art.meta["author"],
                     "via": n.get(r.via, "") if isinstance(r.via, str) else "",
                     "speaker": n[r.actor_id], "stance_of": ", ".join(others),
                     "cue": r.cue if isinstance(r.cue, str) else "",
                     "chain": " → ".join(chain) + (f" (stance of {', '.join(others)})" if others else ""),
                     "steps": len(chain) - 1})
    columns = {"statement_id": "str", "journalist": "str", "via": "str", "speaker": "str", "stance_of": "str",
               "cue": "str", "chain": "str", "steps": "int64"}
    return pd.DataFrame(rows, columns=list(columns)).astype(columns)
