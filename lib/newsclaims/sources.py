"""Each statement against its primary text: did they say it like that?

The article's statements are checked against the texts behind them (``art.sources``,
one row per transcript, readout, speech or statement) in ``art.source_passages``, one
row per statement: the source's words that correspond, and a fidelity from
``datapackage.json`` (verbatim, trimmed, altered, a faithful or shifted paraphrase,
or not found). data/README.md gives the method.

This module holds what reads them, so that the whole check sits in one place:

- :func:`statement_sources`, the statements joined to their passages and sources;
  :func:`fidelity_table`, the fidelities counted by speaker, form or kind of source;
  :func:`date_checks`, where the source's date is not the article's; :func:`source_summary`,
  one sentence on what was found;
- :func:`compare_words`, a word-level comparison of a quote and its passage
  (``difflib``), and :func:`compare_html`, the same as escaped HTML with labelled
  marks; :func:`compare_statement`, the comparison for one statement of an article;
  :func:`quoted_check`, whether each run of quoted words is in the source;
- :func:`fidelity_chart`, a plotly figure; :func:`source_explorer`, an ipywidgets
  explorer, with :func:`source_html`, what it shows.

Every function accepts an article whose statements are not checked yet: the tables
are empty and keep their columns, the chart and the explorer say so.
"""

from __future__ import annotations

import difflib
import re
from typing import Literal

import ipywidgets as w
import pandas as pd
import plotly.graph_objects as go

from . import analysis as an
from .charts import _finish, esc, nothing_coded, quotes_hover, short
from .data import NOT_FOUND, Article, long_date, vocabulary
from .palette import FIDELITY, FIDELITY_SYMBOL, FIDELITY_TEXT
from .text import esc as html_esc
from .text import plural
from .widgets import BOX, MUTED, Explorer, _nothing_coded, paragraph_html, statement_marks

MISSING = "source passages"  # the key of analysis.TO_CODE: "No source passages coded yet"
NO_SOURCE = "(no source)"  # the kind of source of a statement with none
# What compare_words says of each run of words
SAME, CHANGED, INSERTED, LEFT_OUT = "same", "changed", "inserted", "left out"
OPS = (SAME, CHANGED, INSERTED, LEFT_OUT)
COMPARE_COLUMNS = {"op": "str", "article": "str", "source": "str", "quoted": "bool", "marked": "bool"}
SOURCE_COLUMNS = {
    "statement_id": "str", "paragraph": "int64", "actor_id": "str", "speaker": "str", "form": "category",
    "quote": "str", "said_on": "datetime64[ns]", "said_on_text": "str", "source_id": "str", "kind": "category",
    "title": "str", "publisher": "str", "source_date": "datetime64[ns]", "url": "str", "reached": "str",
    "fidelity": "category", "passage": "str", "note": "str", "translation": "str", "comparable": "bool",
    "quoted_changes": "Int64"}
DATE_COLUMNS = {"statement_id": "str", "speaker": "str", "said_on": "datetime64[ns]", "said_on_text": "str",
                "source_id": "str", "source_date": "datetime64[ns]", "days": "int64", "note": "str"}
By = Literal["speaker", "form", "kind"]

# Quotation marks and apostrophes: curly and straight count as the same character (data/README.md)
_SAME_MARKS = str.maketrans({"‘": "'", "’": "'", "‚": "'", "“": '"', "”": '"', "„": '"'})
_EDGE = "\"'.,;:!?()«»—–-…"
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_TOKEN = re.compile(r"\S+")
_BRACKETED = re.compile(r"^\W*\[[^\]]*\]\W*$")
_LANGUAGE = re.compile(r"\s*[a-z]{2,3}\b")


# --- The comparison ------------------------------------------------------------------------------

def comparable(passage: object, language: object = None) -> bool:
    """Whether a passage can be compared word by word with an English quote.

    A passage in Chinese, Japanese or Korean (any of their characters) cannot: its
    words are judged as a translation (data/README.md), not lined up. Nor can a
    passage whose source is read in another language than English, as its row of
    sources.csv gives it (``language``, its first code: "tr", "zh"), though its
    script is the quote's; nor a missing or empty passage.

    >>> comparable("Every UN Member State has a stake"), comparable("中方表示关注。"), comparable(None)
    (True, False, False)
    >>> comparable("Bize bir adım gelene", "tr"), comparable("The sides oppose", "en (the Kremlin's English)")
    (False, True)
    """
    if not (isinstance(passage, str) and passage.strip()) or _CJK.search(passage):
        return False
    code = _LANGUAGE.match(language) if isinstance(language, str) else None
    return code is None or code.group(0) == "en"


def _language(art: Article, source_id: object) -> str | None:
    """The language a source was read in (sources.csv), or None for no source."""
    hits = art.sources.loc[art.sources["source_id"] == source_id, "language"]
    return hits.iloc[0] if len(hits) and isinstance(hits.iloc[0], str) else None


def _text(value: object) -> str:
    """A text, or "" for a missing one (None, NaN)."""
    return value if isinstance(value, str) else ""


def _key(token: str) -> str:
    """What a word is compared by: marks made straight, edge punctuation off, case folded."""
    return token.translate(_SAME_MARKS).strip(_EDGE).casefold()


def _quotation_numbers(text: str) -> list[int | None]:
    """Each character's quotation: its number (from 0) inside double quotation marks, None outside and for the marks."""
    out: list[int | None] = []
    inside, number = False, -1
    for ch in text:
        if ch == "“" or (ch == '"' and not inside):
            inside, number = True, number + 1
            out.append(None)
        elif ch == "”" or (ch == '"' and inside):
            inside = False
            out.append(None)
        else:
            out.append(number if inside else None)
    return out


def _tokens(text: str, quotes: bool) -> list[tuple[str, str, int | None, bool]]:
    """The words of a text: (as written, comparison key, quotation number or None, bracketed).

    With ``quotes``, each word inside the text's double quotation marks carries the
    number of its quotation, so that words of one quotation can be told from those of
    the next. Punctuation standing alone joins the word before it (or, at the start,
    the word after it).
    """
    numbers = _quotation_numbers(text) if quotes else [None] * len(text)
    out: list[tuple[str, str, int | None, bool]] = []
    pending = ""
    for m in _TOKEN.finditer(text):
        word = m.group()
        inner = [n for n in numbers[m.start():m.end()] if n is not None]
        bracketed = bool(_BRACKETED.match(word))
        key = "" if bracketed else _key(word)
        if not key and not bracketed:  # punctuation alone
            if out:
                w0, k0, q0, b0 = out[-1]
                out[-1] = (f"{w0} {word}", k0, q0, b0)
            else:
                pending += word + " "
            continue
        out.append((pending + word, key, inner[0] if inner else None, bracketed))
        pending = ""
    return out


def _find(haystack: list[str], needle: list[str], start: int) -> int | None:
    """Where ``needle`` first occurs in ``haystack`` at or after ``start``, or None."""
    n = len(needle)
    for j in range(start, len(haystack) - n + 1):
        if haystack[j:j + n] == needle:
            return j
    return None


def _runs(tokens: list[tuple[str, str, int | None, bool]]) -> list[tuple[int, int]]:
    """(start, end) of each run of words that share one quotation number."""
    runs, i = [], 0
    while i < len(tokens):
        if tokens[i][2] is None:
            i += 1
            continue
        j = i
        while j < len(tokens) and tokens[j][2] == tokens[i][2]:
            j += 1
        runs.append((i, j))
        i = j
    return runs


def compare_words(quote: str, passage: str) -> pd.DataFrame:
    """A word-level comparison of the article's words and the source's, in the article's order.

    Words are compared with the method's tolerances (data/README.md): curly and
    straight quotation marks and apostrophes are the same, punctuation at a word's
    edges and letter case are not compared. Each run of the article's quoted words
    that occurs in the passage as it stands, in order, is lined up with it first;
    ``difflib`` lines up the rest. So a quotation the journalist's frame moves
    around still counts as found, and a one-word change inside quotation marks
    stands out as its own row.

    Parameters
    ----------
    quote : str
        The article's words (a statement's ``quote``: its span, quotation marks included).
    passage : str
        The source's words (``source_passages.passage``). Compare only passages in
        the quote's language (:func:`comparable`). A missing one (None, NaN) has no words.

    Returns
    -------
    DataFrame
        One row per run of words, in the article's order:

        ========  ====================================================================
        op        same; changed (the article's words stand for other words of the
                  source); inserted (in the article, not the source); left out (in
                  the source, not the article)
        article   the article's words, as written ("" for left out)
        source    the source's words, as written ("" for inserted)
        quoted    the article's words are inside its quotation marks; for left out,
                  the cut falls inside one quotation (an unmarked cut)
        marked    the article marks the words as its own insertion, in square brackets
        ========  ====================================================================

    See Also
    --------
    compare_html : the same as HTML.
    quoted_check : whether each quotation is in the source.

    Examples
    --------
    >>> rows = compare_words('both sides "opposing further enlargement of NATO."',
    ...                      "The sides oppose further enlargement of NATO and call on the Alliance")
    >>> rows[["op", "article", "source", "quoted"]].values.tolist()  # doctest: +NORMALIZE_WHITESPACE
    [['changed', 'both', 'The', False], ['same', 'sides', 'sides', False],
     ['changed', '"opposing', 'oppose', True], ['same', 'further enlargement of NATO."',
     'further enlargement of NATO', True], ['left out', '', 'and call on the Alliance', False]]
    """
    a = _tokens(_text(quote), quotes=True)
    b = _tokens(_text(passage), quotes=False)
    akeys, bkeys = [t[1] for t in a], [t[1] for t in b]
    # anchors: the quotations found as they stand, in order
    anchors, at = [], 0
    for i0, i1 in _runs(a):
        j = _find(bkeys, akeys[i0:i1], at)
        if j is not None and i1 > i0:
            anchors.append((i0, i1, j, j + i1 - i0))
            at = j + i1 - i0
    ops: list[tuple[str, int, int, int, int]] = []
    i, j = 0, 0
    for i0, i1, j0, j1 in [*anchors, (len(a), len(a), len(b), len(b))]:
        matcher = difflib.SequenceMatcher(None, akeys[i:i0], bkeys[j:j0], autojunk=False)
        for tag, x0, x1, y0, y1 in matcher.get_opcodes():
            ops.append((tag, i + x0, i + x1, j + y0, j + y1))
        if i1 > i0:
            ops.append(("equal", i0, i1, j0, j1))
        i, j = i1, j1
    rows = []

    def add(op: str, x0: int, x1: int, y0: int, y1: int, quoted: bool, marked: bool) -> None:
        rows.append({"op": op, "article": " ".join(t[0] for t in a[x0:x1]),
                     "source": " ".join(t[0] for t in b[y0:y1]), "quoted": quoted, "marked": marked})

    for tag, x0, x1, y0, y1 in ops:
        if tag in ("equal", "delete"):  # split by quoted and marked, word by word for equal runs
            start = x0
            for x in range(x0, x1 + 1):
                if x == x1 or (a[x][2] is not None, a[x][3]) != (a[start][2] is not None, a[start][3]):
                    if x > start:
                        quoted, marked = a[start][2] is not None, a[start][3]
                        if tag == "equal":
                            add(SAME, start, x, y0 + start - x0, y0 + x - x0, quoted, marked)
                        else:
                            add(INSERTED, start, x, y0, y0, quoted, marked)
                    start = x
        elif tag == "insert":
            inside = 0 < x0 < len(a) and a[x0 - 1][2] is not None and a[x0 - 1][2] == a[x0][2]
            add(LEFT_OUT, x0, x0, y0, y1, inside, False)
        else:  # replace
            add(CHANGED, x0, x1, y0, y1, any(t[2] is not None for t in a[x0:x1]), any(t[3] for t in a[x0:x1]))
    merged: list[dict] = []
    for row in rows:  # join neighbours of the same kind
        if merged and all(merged[-1][k] == row[k] for k in ("op", "quoted", "marked")) and row["op"] == SAME:
            last = merged[-1]
            last["article"] = f"{last['article']} {row['article']}".strip()
            last["source"] = f"{last['source']} {row['source']}".strip()
        else:
            merged.append(row)
    return pd.DataFrame(merged, columns=list(COMPARE_COLUMNS)).astype(COMPARE_COLUMNS)


def quoted_check(quote: str, passage: str) -> pd.DataFrame:
    """Each quotation of the article's words, and whether the passage holds it word for word, in order.

    The first question of the method (data/README.md): a verbatim or trimmed
    quotation is found; an altered one is not.

    Parameters
    ----------
    quote : str
        The article's words, quotation marks included.
    passage : str
        The source's words.

    Returns
    -------
    DataFrame
        One row per quotation: ``quotation`` (its words, as written) and ``found``
        (bool). No rows when the article's words hold no quotation marks.

    Examples
    --------
    >>> quoted_check('called for "all parties" to avoid "fueling tensions"',
    ...              "all parties concerned must avoid any action that may fuel tensions").values.tolist()
    [['"all parties"', True], ['"fueling tensions"', False]]
    """
    a = _tokens(_text(quote), quotes=True)
    bkeys = [t[1] for t in _tokens(_text(passage), quotes=False)]
    rows = []
    for i0, i1 in _runs(a):
        words = [t[1] for t in a[i0:i1] if not t[3]]  # a marked insertion is the article's, not the source's
        rows.append({"quotation": " ".join(t[0] for t in a[i0:i1]),
                     "found": bool(words) and _find(bkeys, words, 0) is not None or
                     _found_around_brackets(a[i0:i1], bkeys)})
    return pd.DataFrame(rows, columns=["quotation", "found"]).astype({"quotation": "str", "found": "bool"})


def _found_around_brackets(tokens: list[tuple[str, str, int | None, bool]], bkeys: list[str]) -> bool:
    """A quotation with a marked insertion is found when the words on each side of it are, in order."""
    if not any(t[3] for t in tokens):
        return False
    at = 0
    parts, part = [], []
    for t in tokens:
        if t[3]:
            parts.append(part)
            part = []
        else:
            part.append(t[1])
    parts.append(part)
    for words in (p for p in parts if p):
        j = _find(bkeys, words, at)
        if j is None:
            return False
        at = j + len(words)
    return True


INS_STYLE = "background:#C9E7F8;color:#000;text-decoration:underline;padding:0 2px;border-radius:2px"
DEL_STYLE = "background:#F8DDA0;color:#000;text-decoration:line-through;padding:0 2px;border-radius:2px"
QUOTED_STYLE = ";outline:2px solid #B95200;outline-offset:1px"  # vermillion's text shade: 4.92:1 on white
LABEL_STYLE = "font-size:75%;font-style:normal;text-decoration:none;display:inline-block;margin-right:3px"


def _mark(tag: str, label: str, words: str, quoted: bool) -> str:
    style = (INS_STYLE if tag == "ins" else DEL_STYLE) + (QUOTED_STYLE if quoted else "")
    said = f"{label}, inside the quotation marks" if quoted else label
    return (f'<{tag} style="{style}"><span style="{LABEL_STYLE}">{html_esc(said)}:</span>'
            f"{html_esc(words)}</{tag}>")


def compare_html(quote: str, passage: str, language: str | None = None) -> str:
    """The comparison of :func:`compare_words` as HTML: one line in the article's order, every word escaped.

    Words the article adds are in ``<ins>``, words of the source it leaves out in
    ``<del>``, and a change shows both. Each mark begins with a text label
    ("added", "left out", "source", "article"), so that colour never carries the
    meaning alone; a difference inside the quotation marks says so and is outlined.
    A passage in another script is not compared (:func:`comparable`): the page says so.

    Parameters
    ----------
    quote : str
        The article's words.
    passage : str
        The source's words.
    language : str, optional
        The language its source was read in (sources.csv); another than English
        is not compared.

    Returns
    -------
    str
        HTML: a key, then the words.

    Examples
    --------
    >>> html = compare_html('avoid "fueling tensions"', "avoid any action that may fuel tensions")
    >>> "article, inside the quotation marks:</span>&quot;fueling" in html
    True
    """
    if not comparable(passage, language):
        why = ("There is no passage to compare." if not isinstance(passage, str) or not passage.strip() else
               "The passage is in another language: the article's words are a translation, judged by meaning "
               "(see the note), not word by word.")
        return f'<p style="{MUTED}">{why}</p>'
    rows = compare_words(quote, passage)
    parts = []
    for r in rows.itertuples():
        if r.op == SAME:
            parts.append(html_esc(r.article))
        elif r.op == INSERTED:
            label = "added in brackets" if r.marked else "added"
            parts.append(_mark("ins", label, r.article, bool(r.quoted)))
        elif r.op == LEFT_OUT:
            parts.append(_mark("del", "left out", r.source, bool(r.quoted)))
        else:
            parts.append(_mark("del", "source", r.source, False) + " " +
                         _mark("ins", "article", r.article, bool(r.quoted)))
    n_diff = int((rows["op"] != SAME).sum())
    n_quoted = int(((rows["op"] != SAME) & rows["quoted"] & ~rows["marked"]).sum())
    head = (f'<p style="{MUTED}">The article against the source: {n_diff} '
            f'difference{"" if n_diff == 1 else "s"}, {n_quoted} inside the quotation marks. '
            f'<ins style="{INS_STYLE}">Underlined</ins>: in the article, not the source. '
            f'<del style="{DEL_STYLE}">Struck through</del>: in the source, not the article. '
            f"Case, punctuation at the edges of words and curly or straight quotation marks are not compared.</p>")
    return f'{head}<p style="line-height:2">{" ".join(parts)}</p>'


def compare_statement(art: Article, statement_id: str) -> pd.DataFrame:
    """:func:`compare_words` for one statement of the article and its passage.

    Parameters
    ----------
    art : Article
        The article.
    statement_id : str
        One of its statements.

    Returns
    -------
    DataFrame
        The comparison (columns of :func:`compare_words`); empty when the statement
        is not checked, has no passage, or its passage cannot be compared word by
        word (:func:`comparable`), so that a lesson runs on any article.

    Examples
    --------
    >>> import newsclaims as nc
    >>> rows = compare_statement(nc.load_article(), "cnn22_s01")
    >>> rows.loc[rows["quoted"] & (rows["op"] == "changed"), ["article", "source"]].values.tolist()
    [['"fueling', 'any action that may fuel']]
    """
    passages = art.source_passages[art.source_passages["statement_id"] == statement_id]
    statements = art.statements[art.statements["statement_id"] == statement_id]
    if passages.empty or statements.empty or not comparable(
            passages["passage"].iloc[0], _language(art, passages["source_id"].iloc[0])):
        return pd.DataFrame({c: pd.Series(dtype=t) for c, t in COMPARE_COLUMNS.items()})
    return compare_words(statements["quote"].iloc[0], passages["passage"].iloc[0])


# --- Tables ---------------------------------------------------------------------------------------

def statement_sources(art: Article) -> pd.DataFrame:
    """The article's checked statements, each with its passage and its source.

    Parameters
    ----------
    art : Article
        The article.

    Returns
    -------
    DataFrame
        One row per row of ``art.source_passages``, in the article's order: the
        statement (statement_id, paragraph, actor_id, speaker, form, quote, said_on,
        said_on_text), its source (source_id, kind, title, publisher, source_date,
        url, reached), its passage (fidelity, passage, note, translation), whether
        the passage can be compared word by word (``comparable``) and
        ``quoted_changes``: the differences inside the quotation marks that
        :func:`compare_words` finds (a marked insertion aside; missing when the
        passage cannot be compared). Empty when the statements are not checked yet.

    Examples
    --------
    >>> import newsclaims as nc
    >>> table = statement_sources(nc.load_article())
    >>> row = table.set_index("statement_id").loc["cnn22_s24"]
    >>> row["fidelity"], row["kind"], int(row["quoted_changes"])
    ('altered', 'joint statement', 1)
    """
    names = an.names(art)
    st = art.statements[["statement_id", "paragraph", "actor_id", "form", "quote", "said_on", "said_on_text"]]
    sources = art.sources.rename(columns={"date": "source_date"})[
        ["source_id", "kind", "title", "publisher", "source_date", "url", "reached", "language"]]
    table = (art.source_passages.merge(st, on="statement_id", how="left")
             .merge(sources, on="source_id", how="left"))
    table["speaker"] = table["actor_id"].map(names).fillna(table["actor_id"]) if len(table) else ""
    can = [comparable(p, lang) for p, lang in zip(table["passage"], table["language"])]
    table["comparable"] = can
    table["quoted_changes"] = pd.array(
        [_quoted_changes(q, p) if c else None for q, p, c in zip(table["quote"], table["passage"], can)],
        dtype="Int64")
    dtypes = dict(SOURCE_COLUMNS)
    dtypes["form"] = pd.CategoricalDtype(vocabulary("statements", "form", art))
    dtypes["kind"] = pd.CategoricalDtype(vocabulary("sources", "kind", art))
    dtypes["fidelity"] = pd.CategoricalDtype(vocabulary("source_passages", "fidelity", art))
    return table[list(SOURCE_COLUMNS)].astype(dtypes).reset_index(drop=True)


def _quoted_changes(quote: str, passage: str) -> int:
    rows = compare_words(quote, passage)
    return int(((rows["op"] != SAME) & rows["quoted"] & ~rows["marked"]).sum())


def fidelity_table(art: Article, by: By = "speaker") -> pd.DataFrame:
    """How many of the checked statements have each fidelity, by speaker, form or kind of source.

    Parameters
    ----------
    art : Article
        The article.
    by : {"speaker", "form", "kind"}
        What to count by: the speaker (in the order they first speak), the form of
        the statement (direct, partial, paraphrase) or the kind of source
        (transcript, readout, ...; "(no source)" for a statement with none).

    Returns
    -------
    DataFrame
        One row per speaker, form or kind that has a checked statement; a column
        named ``by``, one column per fidelity (every value of the vocabulary, in
        its order, zeros included) and ``total``. Empty when nothing is checked.

    Raises
    ------
    ValueError
        When ``by`` is not one of the three.

    Examples
    --------
    >>> import newsclaims as nc
    >>> table = fidelity_table(nc.load_article(), "form").set_index("form")
    >>> table.loc["direct", ["verbatim", "altered", "not found", "total"]].tolist()
    [4, 1, 6, 12]
    """
    if by not in ("speaker", "form", "kind"):
        raise ValueError(f"by is {by!r}; it must be 'speaker', 'form' or 'kind'")
    table = statement_sources(art)
    fidelities = list(vocabulary("source_passages", "fidelity", art))
    if by == "kind":
        keys = table["kind"].astype(object).where(table["kind"].notna(), NO_SOURCE)
        order = [k for k in [*vocabulary("sources", "kind", art), NO_SOURCE] if k in set(keys)]
    elif by == "form":
        keys = table["form"].astype(object)
        order = [f for f in vocabulary("statements", "form", art) if f in set(keys)]
    else:
        keys = table["speaker"].astype(object)
        order = list(dict.fromkeys(keys))
    counts = pd.crosstab(keys, table["fidelity"].astype(object)) if len(table) else pd.DataFrame()
    counts = counts.reindex(index=order, columns=fidelities, fill_value=0).fillna(0).astype("int64")
    counts["total"] = counts.sum(axis=1).astype("int64")
    counts.index.name = by
    out = counts.reset_index()
    out.columns.name = None
    return out.astype({by: "str"})


def date_checks(art: Article) -> pd.DataFrame:
    """The checked statements whose source bears another date than the one the article gives them.

    A difference is either a contradiction (the article's "Friday" for a Saturday
    speech) or a time zone (a call on Monday night in Washington is Tuesday in
    Beijing); the row's note says which.

    Parameters
    ----------
    art : Article
        The article.

    Returns
    -------
    DataFrame
        statement_id, speaker, said_on and said_on_text (the article's date and
        words), source_id, source_date, days (the source's date minus the
        article's) and note; empty when every date agrees or nothing is checked.

    Examples
    --------
    >>> import newsclaims as nc
    >>> date_checks(nc.load_article())[["statement_id", "said_on_text", "days"]].head(1).values.tolist()
    [['cnn22_s10', 'on Friday', 1]]
    """
    table = statement_sources(art)
    both = table["said_on"].notna() & table["source_date"].notna()
    off = table[both & (table["said_on"] != table["source_date"])].copy()
    off["days"] = (off["source_date"] - off["said_on"]).dt.days
    return off[list(DATE_COLUMNS)].astype(DATE_COLUMNS).reset_index(drop=True)


def source_summary(art: Article) -> str:
    """One sentence on how the article's statements were checked against their sources.

    Parameters
    ----------
    art : Article
        The article.

    Returns
    -------
    str
        How many statements were found in how many primary texts, and how many
        verbatim; or that the statements are not checked yet, and what to code.

    Examples
    --------
    >>> import newsclaims as nc
    >>> print(source_summary(nc.load_article()))  # doctest: +NORMALIZE_WHITESPACE
    20 of 37 statements were found in 8 primary texts: 7 verbatim, 4 trimmed, 3 altered,
    6 paraphrase (faithful); 17 not found.
    """
    table = statement_sources(art)
    if table.empty:
        n = len(art.statements)
        which = "its statement is" if n == 1 else f"its {n} statements are"
        return f"No {MISSING} coded yet: {which} not checked against primary texts. {an.TO_CODE[MISSING]}"
    found = table[table["fidelity"] != NOT_FOUND]
    counts = found["fidelity"].value_counts()
    parts = [f"{counts[f]} {f}" for f in vocabulary("source_passages", "fidelity", art) if counts.get(f, 0)]
    n_sources = found["source_id"].nunique()
    text = (f"{len(found)} of {len(art.statements)} statements were found in {n_sources} primary "
            f"text{'' if n_sources == 1 else 's'}")
    text += f": {', '.join(parts)}" if parts else ""
    missing = len(table) - len(found)
    return text + (f"; {missing} not found." if missing else ".")


# --- The chart ------------------------------------------------------------------------------------

def fidelity_chart(art: Article) -> go.Figure:
    """Each checked statement by paragraph and speaker, coloured and shaped by its fidelity.

    Parameters
    ----------
    art : Article
        The article.

    Returns
    -------
    plotly.graph_objects.Figure
        One marker per statement, at its paragraph (statements of one speaker in one
        paragraph side by side), on its speaker's row; colour and symbol by fidelity,
        named in the legend; the quote, the passage and the note on hover. Titled
        with its finding; "No source passages coded yet" when nothing is checked.

    Examples
    --------
    >>> import newsclaims as nc
    >>> fidelity_chart(nc.load_article()).layout.title.text.replace("<br>", " ")[:72]
    '20 of 37 statements have a primary text; 7 are verbatim, and 3 change wo'
    """
    table = statement_sources(art)
    if table.empty:
        return nothing_coded(MISSING)
    order = list(dict.fromkeys(table["speaker"]))  # in the order they first speak
    # statements of one speaker in one paragraph, side by side
    nth = table.groupby(["speaker", "paragraph"]).cumcount()
    size = table.groupby(["speaker", "paragraph"])["statement_id"].transform("size")
    x = table["paragraph"] + 0.22 * (nth - (size - 1) / 2)
    fig = go.Figure()
    for fidelity in vocabulary("source_passages", "fidelity", art):
        part = table[table["fidelity"] == fidelity]
        if part.empty:
            continue
        hover = [f"{esc(r.statement_id)}, ¶{r.paragraph}<br>{quotes_hover([r.quote], width=100)}<br>"
                 f"<i>source:</i> {esc(short(r.passage, 100)) if isinstance(r.passage, str) else '(no passage)'}"
                 f"<br><i>note:</i> {esc(short(r.note, 120))}" for r in part.itertuples()]
        fig.add_scatter(x=x[part.index], y=[esc(s) for s in part["speaker"]], mode="markers", name=esc(fidelity),
                        marker={"color": FIDELITY[fidelity], "symbol": FIDELITY_SYMBOL[fidelity], "size": 13,
                                "line": {"width": 2, "color": FIDELITY[fidelity]}},
                        customdata=hover, hovertemplate=f"<b>{esc(fidelity)}</b><br>%{{customdata}}<extra></extra>")
    fig.update_yaxes(categoryorder="array", categoryarray=[esc(s) for s in reversed(order)])
    fig.update_xaxes(range=[0.3, int(art.paragraphs["paragraph"].max()) + 0.7], dtick=2)
    found = table[table["fidelity"] != NOT_FOUND]
    counts = table["fidelity"].value_counts()
    altered = int(counts.get("altered", 0))
    title = (f"{len(found)} of {len(art.statements)} statements have a primary text; "
             f"{int(counts.get('verbatim', 0))} are verbatim, and {altered} change"
             f"{'s' if altered == 1 else ''} words inside the quotation marks")
    none = table[table["fidelity"] == NOT_FOUND]["speaker"].value_counts()
    silent = [s for s in none.index if s not in set(found["speaker"])]
    subtitle = ("Each mark is a statement, at its paragraph, in the colour and shape of its fidelity; hover for "
                "the quote, the source's words and the note. "
                + (f"Nothing was found for {plural(len(silent), 'speaker')} ({', '.join(silent)}): "
                   "each row's note says why." if silent else ""))
    return _finish(fig, title, "paragraph of the article", "speaker", subtitle, height=120 + 30 * len(order))


# --- The explorer ---------------------------------------------------------------------------------


def _link(url: object) -> str:
    if not isinstance(url, str) or not re.match(r"https?://", url):
        return ""
    return f'<a href="{html_esc(url)}" target="_blank" rel="noopener">{html_esc(url)}</a>'


def source_html(art: Article, statement_id: str) -> str:
    """One statement beside its source: the article's paragraph, the passage, the word-by-word differences.

    Parameters
    ----------
    art : Article
        The article.
    statement_id : str
        A statement of the article.

    Returns
    -------
    str
        HTML, every value from the data escaped: the fidelity in words and its
        colour; the paragraph with the statement highlighted beside the passage
        with the source's title, kind, date, publisher, link and how it was reached;
        the comparison (:func:`compare_html`); a date the source contradicts; the
        note and the translation. "No source passages coded yet" when the article's
        statements are not checked.

    Raises
    ------
    KeyError
        When the statement is not one of the article's checked statements.
    """
    table = statement_sources(art)
    if table.empty:
        return f'<div style="{BOX}">{_nothing_coded(MISSING)}</div>'
    hits = table[table["statement_id"] == statement_id]
    if hits.empty:
        raise KeyError(f"no checked statement {statement_id!r} in {art.article_id!r}")
    r = hits.iloc[0]
    fidelity = str(r["fidelity"])
    statement = art.statements[art.statements["statement_id"] == statement_id].iloc[0]
    head = (f'<p><b>{html_esc(r["speaker"])}</b> · {html_esc(r["form"])} · fidelity: '
            f'<b style="color:{FIDELITY_TEXT[fidelity]}">{html_esc(fidelity)}</b></p>')
    article_side = (f'<h4 style="margin:0.2em 0">In the article</h4>'
                    f'{paragraph_html(art, int(r["paragraph"]), statement_marks(art, pd.DataFrame([statement])))}')
    said = r["said_on"]
    if isinstance(r["passage"], str) and r["passage"]:
        passage = f'<blockquote style="margin:0.4em 0 0.4em 1em">{html_esc(r["passage"])}</blockquote>'
    else:
        passage = '<p><i>No passage: nothing in the source corresponds, or the source was not found.</i></p>'
    if isinstance(r["source_id"], str):
        facts = [("title", r["title"]), ("kind", r["kind"]), ("date", long_date(r["source_date"])),
                 ("publisher", r["publisher"]), ("reached", r["reached"])]
        rows = "".join(f'<tr><th style="text-align:left;vertical-align:top;padding-right:0.8em">{k}</th>'
                       f"<td>{html_esc(v)}</td></tr>" for k, v in facts)
        link = _link(r["url"])
        rows += f'<tr><th style="text-align:left;padding-right:0.8em">link</th><td>{link}</td></tr>' if link else ""
        source_side = f'<h4 style="margin:0.2em 0">In the source</h4>{passage}<table style="{MUTED}">{rows}</table>'
    else:
        source_side = f'<h4 style="margin:0.2em 0">In the source</h4>{passage}'
    sides = (f'<div style="display:flex;flex-wrap:wrap;gap:1.5em">'
             f'<div style="flex:1 1 22em;min-width:16em">{article_side}</div>'
             f'<div style="flex:1 1 22em;min-width:16em">{source_side}</div></div>')
    compared = (f'<h4 style="margin:0.6em 0 0.2em 0">Word by word</h4>'
                f'{compare_html(r["quote"], r["passage"], _language(art, r["source_id"]))}'
                if isinstance(r["passage"], str) and r["passage"] else "")
    when = ""
    if pd.notna(said) and pd.notna(r["source_date"]) and said != r["source_date"]:
        words = f" (“{html_esc(r['said_on_text'])}”)" if isinstance(r["said_on_text"], str) else ""
        when = (f'<p><b>Dates differ:</b> the article dates it {long_date(said)}{words}; the source bears '
                f'{long_date(r["source_date"])}. The note says whether that is a contradiction or a time zone.</p>')
    note = (f'<p><b>Note:</b> {html_esc(r["note"])}</p>'
            f'<p style="{MUTED}"><b>Translation:</b> {html_esc(r["translation"])}</p>')
    return f'<div style="{BOX}" data-statement="{html_esc(statement_id)}">{head}{sides}{compared}{when}{note}</div>'


def source_explorer(art: Article, statement_id: str | None = None) -> w.VBox:
    """Pick a statement; see the article's sentence beside the source's passage, with the differences marked.

    Parameters
    ----------
    art : Article
        The article.
    statement_id : str, optional
        The statement shown first; the first checked one when not given or not checked.

    Returns
    -------
    Explorer
        An ipywidgets VBox (a drop-down and the view of :func:`source_html`); in a
        handout, also its current view as static HTML. "No source passages coded
        yet" when the article's statements are not checked.

    Examples
    --------
    >>> import newsclaims as nc
    >>> box = source_explorer(nc.load_article(), "cnn22_s24")
    >>> "opposing" in box.children[-1].value
    True
    """
    table = statement_sources(art)
    if table.empty:
        return Explorer([w.HTML(f'<div style="{BOX}">{_nothing_coded(MISSING)}</div>')])
    options = [(f"¶{r.paragraph} {r.speaker}: {short(r.quote, 60)} ({r.fidelity})", r.statement_id)
               for r in table.itertuples()]
    first = statement_id if statement_id in set(table["statement_id"]) else table["statement_id"].iloc[0]
    pick = w.Dropdown(options=options, value=first, description="Statement", layout=w.Layout(width="48em"))
    view = w.HTML(source_html(art, first))
    pick.observe(lambda change: setattr(view, "value", source_html(art, change["new"])), names="value")
    return Explorer([pick, view])
