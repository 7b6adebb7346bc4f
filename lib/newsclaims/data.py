"""Find the data folder, check it against datapackage.json and load it as DataFrames."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, fields
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from . import files, schema
from . import text as textmod
from .files import ARTICLE_ENV, DESCRIPTOR, read_rows, write_rows  # noqa: F401  (read_rows, write_rows: public here too)
from .schema import DataError, Problem, Table

TABLES = ("articles", "actors", "aliases", "topics", "statements", "positions", "events",
          *("frame", "labels", "voices"),  # the frame and the sources (lesson 10): optional per article
          "sources", "source_passages")
DESCRIPTOR_LIMIT = 1024 * 1024  # bytes: the package's datapackage.json is about 20 kB
# The codebook's rule for positions: only a stance on this basis may be firm; any other (implied,
# inferred) is hedged. The basis values themselves are the descriptor's enum.
FIRM_BASIS = "stated"
# The method for source passages (data/README.md): a passage is a quotation, not a reproduction, so it
# has at most this many words (a Chinese, Japanese or Korean character counts as one); a fidelity that
# says the words were compared needs the words; "not found" has no passage. The values are the
# descriptor's enum (tests/test_vocabulary.py holds them to it).
PASSAGE_WORDS = 60
COMPARED = ("verbatim", "trimmed", "altered")
NOT_FOUND = "not found"
# The fields this module's own checks and frames read, and the type each must have. The descriptor
# says everything else (more fields, constraints, enums); it cannot take these away or retype them.
_S, _I, _D, _B = "string", "integer", "date", "boolean"
READS = {
    "articles": {"article_id": _S, "title": _S, "outlet": _S, "author": _S, "published": _D, "url": _S,
                 "text_file": _S, "photo_caption": _S},
    "actors": {"actor_id": _S, "represents": _S, "affiliation": _S},
    "aliases": {"actor_id": _S, "alias": _S},
    "topics": {"topic_id": _S},
    "statements": {"statement_id": _S, "article_id": _S, "actor_id": _S, "quote": _S, "start": _I, "end": _I,
                   "paragraph": _I, "cue": _S, "said_on": _D, "said_on_text": _S, "said_on_basis": _S, "via": _S,
                   "addressee_id": _S},
    "positions": {"statement_id": _S, "topic_id": _S, "holder_id": _S, "hedged": _B, "basis": _S},
    "events": {"article_id": _S, "date": _D, "date_precision": _S, "date_text": _S, "date_basis": _S,
               "actor_id": _S, "paragraph": _I, "note": _S},
    # The frame and the sources (lesson 10)
    "frame": {"frame_id": _S, "article_id": _S, "kind": _S, "source": _S, "start": _I, "end": _I, "text": _S,
              "paragraph": _I, "topic_id": _S},
    "labels": {"label_id": _S, "article_id": _S, "start": _I, "end": _I, "label": _S, "paragraph": _I,
               "actor_id": _S, "target": _S},
    "voices": {"article_id": _S, "actor_id": _S, "named": _B, "source_type": _S, "gender": _S, "gender_basis": _S,
               "gender_word": _S, "gender_paragraph": _I, "gender_source": _S, "note": _S},
    "sources": {"source_id": _S, "date": _D, "kind": _S, "url": _S},
    "source_passages": {"statement_id": _S, "source_id": _S, "passage": _S, "fidelity": _S, "note": _S},
}


def read_descriptor(folder: Path) -> dict[str, Any]:
    """The datapackage.json of a data folder, parsed and checked.

    Parameters
    ----------
    folder : Path
        The data folder.

    Returns
    -------
    dict
        The descriptor, checked by :func:`schema.parse_descriptor`: it is valid
        JSON, a Data Package, and keeps the fields and types this module reads
        (:data:`READS`).

    Raises
    ------
    DataError
        When the file is missing, too large, not JSON, or not a descriptor the
        loader can use; the message names the file and what is wrong.

    Examples
    --------
    >>> from newsclaims import files
    >>> [r["name"] for r in read_descriptor(files.data_dir())["resources"]][:3]
    ['articles', 'actors', 'aliases']
    """
    raw = files.read_confined(folder, DESCRIPTOR, limit=DESCRIPTOR_LIMIT)
    return schema.parse_descriptor(raw, folder / DESCRIPTOR, READS)


def vocabulary(table: str, field: str, art: Article | Corpus | None = None,
               data_dir: str | os.PathLike[str] | None = None) -> tuple[str, ...]:
    """The values a field may take, in order: its enum in datapackage.json.

    This is the one place the code learns the forms, stances, kinds and other
    enums; nothing types them again. With an article (or corpus), from its own
    tables: the categories the loader gave the column from the article's
    descriptor, so a value its folder adds is there. A frame built by hand,
    without categories, gets the data folder's enum and after it every other
    value the frame holds, so that none is left out. Without an article, from the
    descriptor of ``data_dir`` (the default data folder if None), read once and
    again when the file changes.

    Raises
    ------
    KeyError
        When the field has no enum (``statements.quote``): it has no vocabulary.

    >>> vocabulary("statements", "form")
    ('direct', 'partial', 'paraphrase')
    >>> vocabulary("positions", "stance", load_article())
    ('support', 'oppose', 'neutral')
    """
    column = getattr(art, table)[field] if art is not None else None
    if column is not None and isinstance(column.dtype, pd.CategoricalDtype):
        return tuple(str(v) for v in column.cat.categories)
    folder = files.data_dir(data_dir)
    path = folder / DESCRIPTOR
    stat = path.stat()
    enums = _enums(os.path.abspath(folder), stat.st_mtime_ns, stat.st_size)
    if (table, field) not in enums:
        raise KeyError(f"{table}.{field} has no enum in {path}: it has no vocabulary")
    values = enums[(table, field)]
    if column is not None:
        values += tuple(v for v in dict.fromkeys(column.dropna().astype(str)) if v not in values)
    return values


@lru_cache(maxsize=8)
def _enums(folder: str, _mtime_ns: int, _size: int) -> dict[tuple[str, str], tuple[str, ...]]:
    """(table, field) -> enum, for every field of a folder's descriptor that has one (cached by its stat)."""
    descriptor = read_descriptor(Path(folder))
    return {(r["name"], f["name"]): tuple(str(v) for v in f["constraints"]["enum"])
            for r in descriptor["resources"] for f in r["schema"]["fields"] if "enum" in f.get("constraints", {})}


MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")


def long_date(day: pd.Timestamp) -> str:
    """A date written out in English, the same on every platform and locale.

    Parameters
    ----------
    day : Timestamp
        The date.

    Returns
    -------
    str
        Day, month name and year.

    Examples
    --------
    >>> long_date(pd.Timestamp("2022-02-22"))
    '22 February 2022'
    """
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


@dataclass
class Corpus:
    """Every table of a data folder, checked, as plain DataFrames.

    Made by :func:`load_corpus`; :func:`article_from` restricts it to one article.

    Attributes
    ----------
    articles, actors, aliases, topics, statements, positions, events, sources, source_passages : DataFrame
        The tables of the descriptor's resources, as checked and typed by the loader.
    frame, labels, voices : DataFrame
        The frame and the sources (lesson 10): frame spans, labels, and each source's
        and person's type and gender. An article may have no rows in them.
    texts : dict
        article_id -> the article's text.
    paragraphs : DataFrame
        One row per paragraph of every text: article_id, paragraph, start, end, text.
    mentions : DataFrame
        Every place a text names an actor by an alias; found when first asked for.
    """

    articles: pd.DataFrame
    texts: dict[str, str]
    paragraphs: pd.DataFrame
    actors: pd.DataFrame
    aliases: pd.DataFrame
    topics: pd.DataFrame
    statements: pd.DataFrame
    positions: pd.DataFrame
    events: pd.DataFrame
    frame: pd.DataFrame
    labels: pd.DataFrame
    voices: pd.DataFrame
    sources: pd.DataFrame
    source_passages: pd.DataFrame

    @cached_property
    def mentions(self) -> pd.DataFrame:
        """Actor mentions in every text, found from the aliases when first asked for."""
        pattern = textmod.alias_pattern(self.aliases)
        frames = [textmod.find_mentions(text, self.aliases, pattern).assign(article_id=aid)
                  for aid, text in self.texts.items()]
        columns = ["article_id", "actor_id", "alias", "start", "end", "paragraph"]
        return pd.concat(frames, ignore_index=True)[columns] if frames else pd.DataFrame(columns=columns)

    def counts(self) -> dict[str, int]:
        """Rows per table, for a quick summary.

        Returns
        -------
        dict
            Table name -> number of rows (for ``texts``, the number of texts).

        Examples
        --------
        >>> load_corpus().counts()["statements"]
        56
        """
        return {name: len(getattr(self, name)) for name in [f.name for f in fields(self)] + ["mentions"]}


@dataclass
class Article:
    # The docstring, with a table of every frame's columns, is made from datapackage.json below.

    article_id: str
    text: str
    meta: dict[str, Any]
    paragraphs: pd.DataFrame
    actors: pd.DataFrame
    aliases: pd.DataFrame
    statements: pd.DataFrame
    positions: pd.DataFrame
    topics: pd.DataFrame
    events: pd.DataFrame
    mentions: pd.DataFrame
    frame: pd.DataFrame
    labels: pd.DataFrame
    voices: pd.DataFrame
    sources: pd.DataFrame
    source_passages: pd.DataFrame

    @property
    def credit(self) -> str:
        """The credit line to show wherever the text is shown: title, byline, date and link.

        >>> load_article().credit.split("”")[0]
        '“As the West condemns Russia over Ukraine, Beijing strikes a different tone'
        """
        m = self.meta
        byline = m["author"] if m["outlet"] in m["author"] else f"{m['author']}, {m['outlet']}"
        return f"“{m['title']}”, {byline}, {long_date(m['published'])}. {m['url']}"

    def __repr__(self) -> str:
        m = self.meta
        return (f"Article {self.article_id!r}\n"
                f"  {m['title']}\n"
                f"  {m['author']} · {m['outlet']} · {m['published']:%Y-%m-%d}\n"
                f"  {len(self.paragraphs)} paragraphs, {len(self.actors)} actors, "
                f"{len(self.mentions)} mentions, {len(self.statements)} statements, "
                f"{len(self.positions)} positions on {len(self.topics)} topics, "
                f"{len(self.events)} events")


# The columns the loader makes rather than reads: the descriptor cannot describe them.
MADE_COLUMNS = {
    "paragraphs": {"paragraph": "Paragraph number, from 1.",
                   "start": "Offset of the paragraph's first character in the text.",
                   "end": "Offset just past its last character.",
                   "text": "The paragraph, verbatim: text[start:end]."},
    "mentions": {"actor_id": "The actor named.",
                 "alias": "The alias that names the actor, as it stands in the text (see aliases).",
                 "start": "Offset of the mention's first character in the text.",
                 "end": "Offset just past its last character.",
                 "paragraph": "Paragraph (from 1) that holds the mention."},
}
# An Article's frames, in order, and the table each comes from (None: made by the loader).
FRAMES = {"paragraphs": None, "actors": "actors", "aliases": "aliases", "statements": "statements",
          "positions": "positions", "topics": "topics", "events": "events", "mentions": None,
          "frame": "frame", "labels": "labels", "voices": "voices",
          "sources": "sources", "source_passages": "source_passages"}
DROPPED = ("article_id",)  # an article's own frames leave out the column that names the article


def column_docs(descriptor: dict[str, Any] | None = None) -> dict[str, dict[str, str]]:
    """What each column of an :class:`Article`'s frames holds, from the descriptor's field descriptions.

    Parameters
    ----------
    descriptor : dict, optional
        A parsed datapackage.json; the package's own when not given.

    Returns
    -------
    dict
        For ``meta`` and each frame of :data:`FRAMES`: column -> description. A
        field's allowed values (its ``enum``) end its description. Empty for the
        tables when the descriptor cannot be read.

    Examples
    --------
    >>> print(column_docs()["positions"]["stance"])
    The answer to the topic's question: support (yes), oppose (no), neutral (neither). One of: support, oppose, neutral.
    """
    if descriptor is None:
        try:
            descriptor = json.loads((files.REPO_DATA / DESCRIPTOR).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            descriptor = {}
    tables: dict[str, dict[str, str]] = {}
    for resource in descriptor.get("resources", []):
        columns = {}
        for field in resource.get("schema", {}).get("fields", []):
            text = field.get("description", "").strip()
            allowed = field.get("constraints", {}).get("enum")
            if allowed:
                text += f" One of: {', '.join(map(str, allowed))}."
            columns[field["name"]] = text.strip()
        tables[resource["name"]] = columns
    docs = {"meta": {"article_id": "The article's id.", **tables.get("articles", {})}}
    for frame, table in FRAMES.items():
        source = MADE_COLUMNS[frame] if table is None else tables.get(table, {})
        docs[frame] = {column: text for column, text in source.items() if column not in DROPPED}
    return docs


def _article_doc(docs: dict[str, dict[str, str]]) -> str:
    """The docstring of :class:`Article`: what it is, then each attribute with a table of its columns."""
    def table(columns: dict[str, str]) -> list[str]:
        if not columns:
            return ["    (datapackage.json, which describes the columns, was not found)"]
        width = max(len(c) for c in columns) + 2
        rule = f"    {'=' * width}  {'=' * 40}"
        return [rule, *(f"    {c:<{width}}  {text}" for c, text in columns.items()), rule]

    what = {"paragraphs": "One row per paragraph, made by the loader from the text.",
            "actors": "The actors the text names or the coding uses, and whom they speak for or belong to.",
            "aliases": "The aliases of those actors.",
            "statements": "The article's statements.",
            "positions": "The positions its statements take.",
            "topics": "The topics of those positions.",
            "events": "The events it reports.",
            "mentions": "One row per place the text names an actor by one of its aliases, found by the loader.",
            "frame": "Its frame: headline, caption, lede and the journalist's narration, as spans (lesson 10).",
            "labels": "The labels its text gives actors and places, one row per label and actor described.",
            "voices": "Each source it cites and person it names: named or not, source type, gender and basis.",
            "sources": "The primary texts its statements were checked against (none when not checked yet).",
            "source_passages": "One row per statement checked against a primary text (none when not checked yet)."}
    lines = ["One article: its text, metadata and every coded table restricted to it.", "",
             "Each table is a plain DataFrame. The columns are described below from the field",
             "descriptions in data/datapackage.json, read when the package is imported.", "",
             "Attributes", "----------",
             "article_id : str", "    The article's id.",
             "text : str", "    The body, verbatim; paragraphs separated by one blank line.",
             "meta : dict", "    The article's row of articles.csv, by column:", "", *table(docs["meta"])]
    for frame, source in FRAMES.items():
        where = f" Rows of {source}.csv:" if source else ""
        lines += [f"{frame} : DataFrame", f"    {what[frame]}{where}", "", *table(docs[frame])]
    return "\n".join(lines) + "\n"


Article.__doc__ = _article_doc(column_docs())


def load_corpus(data_dir: str | os.PathLike[str] | None = None, *,
                replace: Mapping[str, bytes] | None = None) -> Corpus:
    """Load and check every table in the data folder.

    Everything is checked against the descriptor (types, required values, enums,
    keys and foreign keys) and against the texts (each quote is the text at its
    offsets, in its paragraph; each text is laid out in paragraphs). Nothing is
    dropped or repaired.

    Parameters
    ----------
    data_dir : str or path-like, optional
        The data folder; $NEWSCLAIMS_DATA's or the package's when not given.
    replace : mapping of str to bytes, optional
        Tables, by resource name (``"statements"``), to read from these bytes
        instead of their files: the folder as it would be after a save, checked
        before anything is written (:mod:`newsclaims.bench`). Problems are
        named by the table's file and line, as if the bytes were in it.

    Returns
    -------
    Corpus
        Every table, as plain DataFrames.

    Raises
    ------
    DataError
        Listing every problem found, one per line, each naming the file, line and
        column; or saying that the folder has no datapackage.json.

    See Also
    --------
    load_article : one article of the folder.
    problems : the problems as a list, without raising.

    Examples
    --------
    >>> corpus = load_corpus()
    >>> corpus.statements.groupby("form", observed=True).size().to_dict()
    {'direct': 15, 'partial': 16, 'paraphrase': 25}
    """
    folder = files.data_dir(data_dir)
    resources = {r["name"]: r for r in read_descriptor(folder)["resources"]}
    problems: list[Problem] = []
    tables: dict[str, Table] = {}
    for name in TABLES:
        resource = resources[name]
        try:
            raw = replace[name] if replace and name in replace else files.read_confined(folder, resource["path"])
            tables[name], found = schema.read_table(folder / resource["path"], raw, resource)
        except DataError as exc:
            problems += exc.problems
            continue
        problems += found
    for resource in resources.values():
        problems += schema.foreign_key_problems(tables, resource)
    texts, text_problems = _read_texts(folder, tables.get("articles"))
    problems += text_problems
    spans = {aid: textmod.paragraph_spans(t) for aid, t in texts.items()}
    problems += _span_problems(tables.get("statements"), texts, spans)
    problems += _same_span_problems(tables.get("statements"))
    problems += _event_problems(tables.get("events"), texts, spans)
    problems += _basis_problems(tables.get("positions"))
    problems += _frame_problems(tables, texts, spans)
    problems += _passage_problems(tables.get("source_passages"))
    if problems:
        raise DataError(problems)

    frames = {name: table.frame for name, table in tables.items()}
    rows = [(aid, i, a, b, texts[aid][a:b]) for aid, ps in spans.items() for i, (a, b) in enumerate(ps, 1)]
    paragraphs = pd.DataFrame(rows, columns=["article_id", "paragraph", "start", "end", "text"]).astype(
        {"article_id": "str", "paragraph": "int64", "start": "int64", "end": "int64", "text": "str"})
    return Corpus(articles=frames["articles"], texts=texts, paragraphs=paragraphs, actors=frames["actors"],
                  aliases=frames["aliases"], topics=frames["topics"], statements=frames["statements"],
                  positions=frames["positions"], events=frames["events"], frame=frames["frame"],
                  labels=frames["labels"], voices=frames["voices"], sources=frames["sources"],
                  source_passages=frames["source_passages"])


def problems(data_dir: str | os.PathLike[str] | None = None) -> list[str]:
    """What validation finds wrong in a data folder, one line per problem; or one line that says it is ok.

    Each problem names its file (relative to the data folder), line and column,
    as :class:`DataError` does. Nothing is raised for bad data: this is for
    looking at a folder while coding it (lesson 07), where a problem is expected.

    Parameters
    ----------
    data_dir : str or path-like, optional
        The data folder; $NEWSCLAIMS_DATA's or the package's when not given.

    Returns
    -------
    list of str
        The problems, in the order the loader finds them; or ``["ok: N articles,
        M statements"]`` when there are none.

    Examples
    --------
    >>> problems()
    ['ok: 2 articles, 56 statements']
    """
    try:
        corpus = load_corpus(data_dir)
    except DataError as error:
        return [_in_folder(p, data_dir) for p in error.problems]
    n, m = len(corpus.articles), len(corpus.statements)
    return [f"ok: {n} article{'s' * (n != 1)}, {m} statement{'s' * (m != 1)}"]


def _in_folder(problem: Problem, data_dir: str | os.PathLike[str] | None) -> str:
    """A problem as text, its path shown relative to the data folder when it lies inside it."""
    text = str(problem)
    try:
        folder = files.data_dir(data_dir)
    except DataError:
        return text
    for prefix in dict.fromkeys([schema.display_path(folder), str(folder), str(folder.resolve())]):
        if text.startswith(prefix + os.sep):
            return text[len(prefix) + 1:]
    return text


# --- Completeness: what the lessons need and an article lacks ------------------------------------

PERSON = "person"  # actors.kind: the kind that needs a side (tests/test_workbench.py holds it to the descriptor)
NO_POSITION = "no position"  # a statement whose note says this (any case) takes no side, on purpose
# Each gap: its level, the table to fix, and what to do. "needed": a lesson shows the article
# incompletely without it; "check": the codebook allows it, so look (a statement may take no side).
GAPS = {
    "no statements": ("needed", "statements",
                      "code who says what: the coding workbench (notebooks/teacher/code_an_article.ipynb), "
                      "or rows of statements.csv"),
    "no positions": ("needed", "positions", "code what the statements say about topics: rows of positions.csv"),
    "quoted passage not coded": ("needed", "statements",
                                 "quoted words are someone's: code a statement whose span holds them"),
    "actor without a kind": ("needed", "actors", "give the actor's kind"),
    "person without a side": ("needed", "actors", "say whom they speak for (represents), or, for an analyst, "
                                                  "their institution (affiliation)"),
    "topic without a question": ("needed", "topics", "give the yes/no question its stances answer"),
    "statement without a position": ("check", "positions",
                                     "code its position; or, if it takes no side on any topic, write "
                                     "'No position:' and the reason in its note"),
    # lesson 09: an article whose statements are checked against their sources has a row for each
    "statement not checked against a source": ("needed", "source_passages",
                                               "give it a row: its source's passage and fidelity, or 'not found' "
                                               "with the reason (data/README.md gives the method)"),
}
COMPLETENESS_COLUMNS = ["article_id", "level", "gap", "table", "item", "paragraph", "todo"]


def completeness(corpus_or_folder: Corpus | Article | str | os.PathLike[str] | None = None,
                 article_id: str | None = None) -> pd.DataFrame:
    """What the lessons need and each article lacks: one row per gap, none for a complete article.

    The gaps (:data:`GAPS`), each at level ``needed`` or ``check``:

    - **no statements**: nothing is coded;
    - **no positions**: statements, but none takes a side on a topic;
    - **quoted passage not coded**: text inside quotation marks that no statement's
      span holds;
    - **actor without a kind**, and **person without a side**: a person of the
      article with neither ``represents`` nor ``affiliation`` (an analyst
      represents no one; their institution is their side);
    - **topic without a question**, among the topics of the article's positions;
    - **statement without a position** (``check``): the codebook lets a statement
      take no side, so it is listed to look at, not counted against the article,
      unless its note says so ("No position: ...");
    - **statement not checked against a source**: in an article whose statements
      are being checked against their primary texts (lesson 09), a statement with
      no row in source_passages.csv.

    An article is complete when it has no ``needed`` gap.

    Parameters
    ----------
    corpus_or_folder : Corpus, Article, str or path-like, optional
        A loaded corpus or article, or a data folder to load ($NEWSCLAIMS_DATA's or
        the package's when not given).
    article_id : str, optional
        One article of the corpus; every article when not given.

    Returns
    -------
    DataFrame
        article_id, level, gap, table (the file to fix, without ``.csv``), item (the
        statement or actor id, or the quoted words), paragraph (from 1, where there
        is one) and todo (what to do), in the order of the articles and of
        :data:`GAPS`.

    Raises
    ------
    DataError
        When the folder's data are not valid (see :func:`load_corpus`).
    KeyError
        When there is no article with that id.

    See Also
    --------
    completeness_summary : one line per article.

    Examples
    --------
    >>> gaps = completeness(article_id="cnn_china_ukraine_2022")
    >>> int((gaps["level"] == "needed").sum())  # complete: what is left is to check
    0
    """
    if isinstance(corpus_or_folder, Article):
        if article_id not in (None, corpus_or_folder.article_id):
            raise KeyError(f"no article {article_id!r}: the article given is {corpus_or_folder.article_id!r}")
        articles = [corpus_or_folder]
    else:
        corpus = corpus_or_folder if isinstance(corpus_or_folder, Corpus) else load_corpus(corpus_or_folder)
        ids = [article_id] if article_id is not None else corpus.articles["article_id"].tolist()
        articles = [article_from(corpus, a) for a in ids]
    rows = [gap for art in articles for gap in _gaps(art)]
    order = {g: i for i, g in enumerate(GAPS)}
    rows.sort(key=lambda r: order[r["gap"]])
    rank = {art.article_id: i for i, art in enumerate(articles)}
    rows.sort(key=lambda r: rank[r["article_id"]])
    return pd.DataFrame(rows, columns=COMPLETENESS_COLUMNS).astype(
        {"article_id": "str", "level": "str", "gap": "str", "table": "str", "item": "str", "paragraph": "Int64",
         "todo": "str"})


def _gaps(art: Article) -> list[dict[str, Any]]:
    """One article's gaps, as rows of :func:`completeness`."""
    from .extract import QUOTE  # the extractor's quotation marks; extract imports this module

    def gap(name: str, item: str, paragraph: int | None = None) -> dict[str, Any]:
        level, table, todo = GAPS[name]
        return {"article_id": art.article_id, "level": level, "gap": name, "table": table, "item": item,
                "paragraph": paragraph, "todo": todo}

    statements, positions = art.statements, art.positions
    found = []
    if statements.empty:
        found.append(gap("no statements", art.article_id))
    elif positions.empty:
        found.append(gap("no positions", art.article_id))
    else:
        notes = statements["note"].fillna("").astype(str).str.lower() if "note" in statements else None
        for row, s in enumerate(statements.itertuples()):
            said = notes is not None and NO_POSITION in notes.iloc[row]
            if s.statement_id not in set(positions["statement_id"]) and not said:
                found.append(gap("statement without a position", s.statement_id, int(s.paragraph)))
    spans = list(zip(statements["start"], statements["end"]))
    starts = art.paragraphs["start"].to_numpy()
    for m in QUOTE.finditer(art.text):
        if not any(a <= m.start() and m.end() <= b for a, b in spans):
            found.append(gap("quoted passage not coded", m.group(), int(np.searchsorted(starts, m.start(), "right"))))
    actors = art.actors
    for a in actors[actors["kind"].isna()].itertuples():
        found.append(gap("actor without a kind", a.actor_id))
    alone = (actors["kind"].astype(object) == PERSON) & actors["represents"].isna() & actors["affiliation"].isna()
    for a in actors[alone].itertuples():
        found.append(gap("person without a side", a.actor_id))
    asked = art.topics["question"].fillna("").astype(str).str.strip() != ""
    for t in art.topics[~asked].itertuples():
        found.append(gap("topic without a question", t.topic_id))
    if not art.source_passages.empty:  # checking the sources is optional, but once begun, every statement
        checked = set(art.source_passages["statement_id"])
        for s in statements[~statements["statement_id"].isin(checked)].itertuples():
            found.append(gap("statement not checked against a source", s.statement_id, int(s.paragraph)))
    return found


def completeness_summary(corpus_or_folder: Corpus | str | os.PathLike[str] | None = None) -> list[str]:
    """How complete each article is, one short line each (plain ``validate`` prints them).

    Parameters
    ----------
    corpus_or_folder : Corpus, str or path-like, optional
        A loaded corpus, or a data folder to load ($NEWSCLAIMS_DATA's or the package's).

    Returns
    -------
    list of str
        ``"ID: complete"``, or the counts of statements and positions and what is
        missing, with the command that lists it.

    Raises
    ------
    DataError
        When the folder's data are not valid (see :func:`load_corpus`).

    Examples
    --------
    >>> completeness_summary()
    ['cnn_china_ukraine_2022: complete', 'wikinews_turkey_libya_2020: complete']
    """
    corpus = corpus_or_folder if isinstance(corpus_or_folder, Corpus) else load_corpus(corpus_or_folder)
    gaps = completeness(corpus)
    needed = gaps[gaps["level"] == "needed"]
    how = "(python -m newsclaims validate --complete)"
    lines = []
    for aid in corpus.articles["article_id"]:
        own = needed[needed["article_id"] == aid]
        n_st = int((corpus.statements["article_id"] == aid).sum())
        if own.empty:
            lines.append(f"{aid}: complete")
        elif n_st == 0:
            lines.append(f"{aid}: 0 statements — code some {how}")
        else:
            ids = corpus.statements.loc[corpus.statements["article_id"] == aid, "statement_id"]
            n_pos = int(corpus.positions["statement_id"].isin(ids).sum())
            counts = own.groupby("gap", sort=False).size()
            missing = ", ".join(f"{g} ({n})" for g, n in counts.items())
            lines.append(f"{aid}: {n_st} statement{'s' * (n_st != 1)}, {n_pos} position{'s' * (n_pos != 1)}; "
                         f"to do: {missing} {how}")
    return lines


def list_articles(data_dir: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """The articles in the data folder, one row each.

    Parameters
    ----------
    data_dir : str or path-like, optional
        The data folder; $NEWSCLAIMS_DATA's or the package's when not given.

    Returns
    -------
    DataFrame
        The rows of articles.csv (see ``Article.meta`` for its columns).

    Raises
    ------
    DataError
        When the data folder is missing or its data are not valid (see :func:`load_corpus`).

    Examples
    --------
    >>> list_articles()["article_id"].tolist()
    ['cnn_china_ukraine_2022', 'wikinews_turkey_libya_2020']
    """
    return load_corpus(data_dir).articles


def load_article(article_id: str | None = None,
                 data_dir: str | os.PathLike[str] | None = None) -> Article:
    """Load one article with all its coded tables.

    With no id: the article named by $NEWSCLAIMS_ARTICLE, else the first in
    articles.csv. So ``NEWSCLAIMS_ARTICLE=my_story make lab`` opens every lesson on
    another article.

    Parameters
    ----------
    article_id : str, optional
        The article to load.
    data_dir : str or path-like, optional
        The data folder; $NEWSCLAIMS_DATA's or the package's when not given.

    Returns
    -------
    Article
        The article's text, metadata and tables (see :class:`Article` for the columns).

    Raises
    ------
    DataError
        When the data folder is missing, its data are not valid, or it holds no article.
    KeyError
        When there is no article with that id; the message lists the ids there are.

    Examples
    --------
    >>> art = load_article()
    >>> art.meta["outlet"], len(art.paragraphs)
    ('CNN', 26)
    >>> art.statements.loc[art.statements["actor_id"] == "wang_yi", "form"].tolist()
    ['direct', 'partial', 'direct', 'direct', 'direct', 'partial']
    """
    corpus = load_corpus(data_dir)
    return article_from(corpus, article_id)


def article_from(corpus: Corpus, article_id: str | None = None) -> Article:
    """Restrict a loaded corpus to one article.

    Its actors are those the text names, the coding uses (speakers, holders,
    intermediaries, addressees, events' actors), and whom these represent or belong
    to; its aliases are those actors' aliases.

    Parameters
    ----------
    corpus : Corpus
        The loaded data folder.
    article_id : str, optional
        The article; $NEWSCLAIMS_ARTICLE's, else the first, when not given.

    Returns
    -------
    Article
        The article.

    Raises
    ------
    DataError
        When the corpus has no article.
    KeyError
        When there is no article with that id; the message lists the ids there are.

    Examples
    --------
    >>> art = article_from(load_corpus(), "cnn_china_ukraine_2022")
    >>> sorted(set(art.aliases["actor_id"])) == sorted(art.actors["actor_id"])
    True
    """
    ids = corpus.articles["article_id"].tolist()
    article_id = article_id or os.environ.get(ARTICLE_ENV) or None
    if article_id is None:
        if not ids:
            raise DataError(Problem("articles.csv", None, None, "there are no articles"))
        article_id = ids[0]
    if article_id not in ids:
        raise KeyError(f"no article {article_id!r}; the articles are: {', '.join(ids)}")

    def own(frame: pd.DataFrame) -> pd.DataFrame:
        return frame[frame["article_id"] == article_id].drop(columns="article_id").reset_index(drop=True)

    statements = own(corpus.statements)
    positions = corpus.positions[corpus.positions["statement_id"].isin(statements["statement_id"])]
    events = own(corpus.events)
    frame, labels, voices = own(corpus.frame), own(corpus.labels), own(corpus.voices)
    # the article's statements checked against primary texts, in the order of its statements
    order = {sid: i for i, sid in enumerate(statements["statement_id"])}
    passages = corpus.source_passages[corpus.source_passages["statement_id"].isin(order)]
    passages = passages.iloc[passages["statement_id"].map(order).argsort(kind="stable")].reset_index(drop=True)
    mentions = textmod.find_mentions(corpus.texts[article_id], corpus.aliases)
    wanted = set(mentions["actor_id"]) | set(statements["actor_id"]) | set(positions["holder_id"]) \
        | set(statements["via"].dropna()) | set(statements["addressee_id"].dropna()) \
        | set(events["actor_id"]) | set(labels["actor_id"].dropna()) | set(voices["actor_id"])
    actors = corpus.actors
    while True:  # add whom the wanted actors represent or belong to
        rows = actors[actors["actor_id"].isin(wanted)]
        more = wanted | set(rows["represents"].dropna()) | set(rows["affiliation"].dropna())
        if more == wanted:
            break
        wanted = more
    topics = set(positions["topic_id"]) | set(frame["topic_id"].dropna())  # those its stances or its frame name
    meta = corpus.articles.set_index("article_id").loc[article_id].to_dict()
    meta["article_id"] = article_id
    actors = actors[actors["actor_id"].isin(wanted)].reset_index(drop=True)
    return Article(
        article_id=article_id,
        text=corpus.texts[article_id],
        meta=meta,
        paragraphs=own(corpus.paragraphs),
        actors=actors,
        aliases=corpus.aliases[corpus.aliases["actor_id"].isin(actors["actor_id"])].reset_index(drop=True),
        statements=statements,
        positions=positions.reset_index(drop=True),
        topics=corpus.topics[corpus.topics["topic_id"].isin(topics)].reset_index(drop=True),
        events=events,
        mentions=mentions,
        frame=frame,
        labels=labels,
        voices=voices,
        sources=corpus.sources[corpus.sources["source_id"].isin(passages["source_id"])].reset_index(drop=True),
        source_passages=passages,
    )


def _read_texts(folder: Path, articles: Table | None) -> tuple[dict[str, str], list[Problem]]:
    """Each article's text, read only from inside the data folder (see :func:`files.confined`).

    A text file that is missing, lies outside the folder (through ``..``, an absolute
    path or a link) or is not a regular file is reported at its row of articles.csv,
    without reading it.
    """
    texts: dict[str, str] = {}
    problems: list[Problem] = []
    if articles is None:
        return texts, problems
    for row, (aid, rel) in enumerate(zip(articles.frame["article_id"], articles.frame["text_file"])):
        if not isinstance(rel, str):
            continue
        path = folder / rel
        try:
            raw = files.read_confined(folder, rel)
        except DataError as exc:
            problems += [articles.problem(row, "text_file", f"{rel!r}: {p.message}") for p in exc.problems]
            continue
        try:
            texts[aid] = schema.decode(raw, path)
        except DataError as exc:
            problems += exc.problems
            continue
        if "\x00" in texts[aid]:
            at = texts[aid].index("\x00")
            problems.append(Problem(schema.display_path(path), texts[aid].count("\n", 0, at) + 1, None,
                                    "contains a NUL byte: not a text file"))
            del texts[aid]
            continue
        problems += text_format_problems(texts[aid], path)
    return texts, problems


def text_format_problems(text: str, path: Path) -> list[Problem]:
    """The text file's layout: paragraphs separated by exactly one blank line, nothing else.

    Parameters
    ----------
    text : str
        The text, decoded.
    path : Path
        Its file, to name in the problems.

    Returns
    -------
    list of Problem
        At most 20, each with its line: Windows line endings, lines of spaces,
        spaces around a paragraph, a paragraph broken over lines, several blank
        lines. Empty when the layout is right.

    Examples
    --------
    >>> from pathlib import Path
    >>> [p.message for p in text_format_problems("One.\\n\\n\\nTwo.\\n", Path("story.txt"))]
    ['more than one blank line before this paragraph']
    """
    if "\r" not in text and text.strip() and all(p and "\n" not in p and p == p.strip()
                                                 for p in text.removesuffix("\n").split("\n\n")):
        return []  # the common case, checked quickly: one line per paragraph, one blank line between
    shown = schema.display_path(path)
    if not text.strip():
        return [Problem(shown, None, None, "the text is empty")]
    problems = []
    lines = text.split("\n")
    for number, line in enumerate(lines, 1):
        if "\r" in line:
            problems.append(Problem(shown, number, None, "Windows line ending (CR LF): save the text with "
                                                         "plain LF line endings, so that offsets count right"))
        elif line and not line.strip():
            problems.append(Problem(shown, number, None, "a line of only spaces: leave blank lines empty"))
        elif line != line.rstrip() or line != line.lstrip():
            problems.append(Problem(shown, number, None, "spaces at the start or end of a paragraph"))
    for number in range(1, len(lines)):
        if lines[number - 1].strip() and lines[number].strip():
            problems.append(Problem(shown, number + 1, None, "a paragraph continues on a new line: separate "
                                                             "paragraphs by one blank line, and keep each on one line"))
        if number >= 2 and lines[number - 2] == lines[number - 1] == "" and lines[number].strip():
            problems.append(Problem(shown, number + 1, None, "more than one blank line before this paragraph"))
    return problems[:20]


def _span_problems(statements: Table | None, texts: dict[str, str],
                   spans: dict[str, list[tuple[int, int]]]) -> list[Problem]:
    """The text rules for statements: span = quote, its paragraph, its cue and date words.

    All texts are laid end to end, so that every statement is checked in one pass.
    """
    problems: list[Problem] = []
    if statements is None:
        return problems
    frame = statements.frame
    ids = list(texts)
    base = dict(zip(ids, np.cumsum([0] + [len(texts[a]) for a in ids[:-1]]).tolist()))
    whole = "".join(texts[a] for a in ids)
    para_start = np.array([base[a] + p for a in ids for p, _ in spans[a]], dtype=np.int64)
    para_end = np.array([base[a] + q for a in ids for _, q in spans[a]], dtype=np.int64)
    first_para = dict(zip(ids, np.cumsum([0] + [len(spans[a]) for a in ids[:-1]]).tolist()))

    aids, starts, ends, quotes = (_values(frame, c) for c in ("article_id", "start", "end", "quote"))
    paragraphs, cues, saids = (_values(frame, c) for c in ("paragraph", "cue", "said_on_text"))
    where = np.array([base.get(a, 0) + (s or 0) for a, s in zip(aids, starts)], dtype=np.int64)
    found = (np.searchsorted(para_start, where, side="right") - 1).tolist()
    for row, (aid, start, end, quote, paragraph, cue, said, i) in enumerate(
            zip(aids, starts, ends, quotes, paragraphs, cues, saids, found)):
        if aid not in base or start is None or end is None or quote is None:
            continue
        text = texts[aid]
        if end <= start:
            problems.append(statements.problem(row, "end", f"end {end} is not after start {start}"))
            continue
        if end > len(text):
            problems.append(statements.problem(
                row, "end", f"end {end} is past the end of the text ({len(text)} characters)"))
            continue
        at = base[aid]
        if whole[at + start:at + end] != quote:
            where = text.find(quote)
            hint = f"; the quote is found at {where}:{where + len(quote)}" if where >= 0 else \
                "; the quote is not found anywhere in the text"
            problems.append(statements.problem(
                row, "quote", f"text[{start}:{end}] is {_snippet(text[start:end])}, not the quote{hint}"))
            continue
        para = i - first_para[aid] + 1
        if i < first_para[aid] or at + end > para_end[i]:
            problems.append(statements.problem(row, "paragraph", f"span {start}:{end} crosses a paragraph break"))
        elif paragraph is not None and para != paragraph:
            problems.append(statements.problem(
                row, "paragraph", f"span {start}:{end} lies in paragraph {para}, not {paragraph}"))
        elif cue is not None and whole.find(cue, para_start[i], para_end[i]) < 0:
            problems.append(statements.problem(row, "cue", f"{cue!r} is not written in paragraph {para}"))
        if said is not None and said not in text:
            problems.append(statements.problem(row, "said_on_text", f"{said!r} is not in the text"))
    written = statements.raw if statements.raw is not None else frame
    dated = written["said_on"].to_numpy(dtype=object) != ""
    based = written["said_on_basis"].to_numpy(dtype=object) != ""
    for row in np.flatnonzero(dated & ~based):
        problems.append(statements.problem(int(row), "said_on_basis",
                                           "said_on is given, so say how: stated or resolved"))
    for row in np.flatnonzero(based & ~dated):
        problems.append(statements.problem(int(row), "said_on", "said_on_basis is given without a date"))
    return problems


def _same_span_problems(statements: Table | None) -> list[Problem]:
    """A span coded under two statement ids (same article, start and end), reported at the second."""
    if statements is None:
        return []
    spans = statements.frame[["article_id", "start", "end"]]
    again = (spans.duplicated() & spans.notna().all(axis=1)).to_numpy()
    if not again.any():
        return []
    ids = statements.frame["statement_id"]
    first: dict[tuple[Any, ...], int] = {}
    problems = []
    for row, span in enumerate(spans.itertuples(index=False, name=None)):
        one = first.setdefault(span, row)
        if again[row]:
            problems.append(statements.problem(
                row, "start", f"the span {span[1]}:{span[2]} is coded twice: as {ids.iloc[one]!r} "
                              f"(line {statements.lines[one]}) and as {ids.iloc[row]!r}; code a span once"))
    return problems


def _event_problems(events: Table | None, texts: dict[str, str],
                    spans: dict[str, list[tuple[int, int]]]) -> list[Problem]:
    problems: list[Problem] = []
    if events is None:
        return problems
    frame = events.frame
    names = ("article_id", "paragraph", "date_text", "date_basis", "note")
    for row, (aid, para, date_text, basis, note) in enumerate(zip(*(_values(frame, c) for c in names))):
        if aid in spans and para is not None and para > len(spans[aid]):
            problems.append(events.problem(row, "paragraph", f"paragraph {para} does not exist; "
                                                             f"the text has {len(spans[aid])}"))
        if date_text is not None and aid in texts and date_text not in texts[aid]:
            problems.append(events.problem(row, "date_text", f"{date_text!r} is not in the text"))
        if basis in ("stated", "resolved") and date_text is None:
            problems.append(events.problem(row, "date_text", f"a {basis} date needs the article's words"))
        if basis == "inferred" and note is None:
            problems.append(events.problem(row, "note", "an inferred date needs a note saying how"))
    dates, precision = frame["date"], frame["date_precision"].astype(object)
    off = (((precision == "year") & ((dates.dt.month != 1) | (dates.dt.day != 1)))
           | ((precision == "month") & (dates.dt.day != 1))) & dates.notna()
    for row in np.flatnonzero(off.to_numpy()):
        p = precision.iloc[row]
        problems.append(events.problem(int(row), "date", f"with {p} precision the date is the first day of the {p}"))
    return problems


def _basis_problems(positions: Table | None) -> list[Problem]:
    """A position that is not stated (implied or inferred) must be hedged, as the codebook says.

    A stated stance may be hedged too, when its own words qualify it ("stopped short of").
    """
    if positions is None:
        return []
    frame = positions.frame
    basis = frame["basis"].astype(object)
    # a value the schema could not read is missing here, and already reported
    firm = frame["hedged"].eq(False).fillna(False).to_numpy(dtype=bool)
    unstated = (basis.notna() & (basis != FIRM_BASIS)).to_numpy(dtype=bool)
    return [positions.problem(int(row), "hedged", f"basis is {basis.iloc[row]}, so hedged must be true: only a "
                                                  f"{FIRM_BASIS} stance may be firm")
            for row in np.flatnonzero(firm & unstated)]


# --- The frame and the sources (lesson 10) --------------------------------------------------------

# Where each kind of frame span lies (frame.kind -> frame.source); the values are the descriptor's enums.
FRAME_SOURCE = {"headline": "title", "caption": "photo_caption", "lede": "text", "narration": "text"}
NARRATION = "narration"  # frame.kind: the journalist's own words, which no statement's span may overlap
GENDER_BASIS_WORD, GENDER_BASIS_SOURCE = "article", "source"  # voices.gender_basis
GENDER_UNKNOWN = "unknown"  # voices.gender: neither the article nor a source says
EXPERT, INSTITUTION = "expert", "institution"  # voices.source_type


def _frame_problems(tables: dict[str, Table], texts: dict[str, str],
                    spans: dict[str, list[tuple[int, int]]]) -> list[Problem]:
    """The text rules for frame.csv, labels.csv and voices.csv (lesson 10).

    Every span is the text of its source at its offsets, in the paragraph it names;
    narration overlaps no statement; a label lies inside the words it describes; a
    voice agrees with its actor's kind and side, and a gender says where it comes from.
    """
    problems: list[Problem] = []
    articles = tables.get("articles")
    fields: dict[tuple[str, str], str] = {}
    if articles is not None:
        for column in ("title", "photo_caption"):
            for aid, value in zip(_values(articles.frame, "article_id"), _values(articles.frame, column)):
                if value is not None:
                    fields[(aid, column)] = value
    statements = tables.get("statements")
    said: dict[str, list[tuple[int, int, str]]] = {}
    if statements is not None:
        for aid, a, b, sid in zip(*(_values(statements.frame, c) for c in ("article_id", "start", "end",
                                                                            "statement_id"))):
            if None not in (aid, a, b):
                said.setdefault(aid, []).append((a, b, sid))

    def paragraph_of(aid: str, start: int, end: int) -> tuple[int | None, bool]:
        """(paragraph holding start, whether end stays in it)."""
        for number, (a, b) in enumerate(spans[aid], 1):
            if a <= start < b or (start == b and start == end):
                return number, end <= b
        return None, False

    def span(table: Table, row: int, aid: str, source: str, start: int, end: int, words: str, column: str,
             paragraph: int | None) -> bool:
        """Check one span against its source; True when its words are right."""
        where = texts[aid] if source == "text" else fields.get((aid, source))
        if where is None:
            problems.append(table.problem(row, "source", f"article {aid!r} has no {source}"))
            return False
        name = "the text" if source == "text" else f"the {source}"
        if end <= start:
            problems.append(table.problem(row, "end", f"end {end} is not after start {start}"))
            return False
        if end > len(where):
            problems.append(table.problem(row, "end", f"end {end} is past the end of {name} "
                                                      f"({len(where)} characters)"))
            return False
        if where[start:end] != words:
            at = where.find(words)
            hint = f"; the words are found at {at}:{at + len(words)}" if at >= 0 else \
                f"; the words are not found anywhere in {name}"
            problems.append(table.problem(row, column, f"{name}[{start}:{end}] is {_snippet(where[start:end])}, "
                                                       f"not the {column}{hint}"))
            return False
        if source != "text":
            if paragraph is not None:
                problems.append(table.problem(row, "paragraph", f"a span of the {source} has no paragraph: "
                                                                "leave it empty"))
            return True
        found, inside = paragraph_of(aid, start, end)
        if found is None or not inside:
            problems.append(table.problem(row, "paragraph", f"span {start}:{end} crosses a paragraph break"))
            return False
        if paragraph != found:
            problems.append(table.problem(row, "paragraph", f"span {start}:{end} lies in paragraph {found}, "
                                                            f"not {paragraph}"))
            return False
        return True

    frame = tables.get("frame")
    if frame is not None:
        names = ("article_id", "kind", "source", "start", "end", "text", "paragraph")
        for row, (aid, kind, source, start, end, words, paragraph) in enumerate(
                zip(*(_values(frame.frame, c) for c in names))):
            if aid not in texts or None in (kind, source, start, end, words):
                continue
            if FRAME_SOURCE.get(kind, source) != source:
                problems.append(frame.problem(row, "source", f"a {kind} lies in the {FRAME_SOURCE[kind]}, "
                                                             f"not the {source}"))
                continue
            if not span(frame, row, aid, source, start, end, words, "text", paragraph):
                continue
            if kind == NARRATION:
                for a, b, sid in said.get(aid, []):
                    if start < b and a < end:
                        problems.append(frame.problem(
                            row, "start", f"narration {start}:{end} overlaps statement {sid} ({a}:{b}): narration "
                                          "is the journalist's own words, which no statement covers"))
                        break
    labels = tables.get("labels")
    if labels is not None:
        names = ("article_id", "start", "end", "label", "paragraph", "target", "actor_id")
        seen: dict[tuple[Any, ...], int] = {}
        for row, (aid, start, end, words, paragraph, target, actor) in enumerate(
                zip(*(_values(labels.frame, c) for c in names))):
            if aid not in texts or None in (start, end, words, paragraph):
                continue
            if not span(labels, row, aid, "text", start, end, words, "label", paragraph):
                continue
            key = (aid, start, end, actor)
            if key in seen:
                problems.append(labels.problem(row, "actor_id", f"the label at {start}:{end} is coded twice for "
                                                                f"{actor!r} (line {labels.lines[seen[key]]})"))
            seen.setdefault(key, row)
            if target is None:
                continue
            a, b = spans[aid][paragraph - 1]
            text = texts[aid]
            holds = [m for m in _occurrences(text, target, a, b) if m <= start and end <= m + len(target)]
            if not holds:
                where = "does not stand in" if target not in text[a:b] else "does not hold the label at its offsets in"
                problems.append(labels.problem(row, "target", f"{_snippet(target)} {where} paragraph {paragraph}"))
    voices = tables.get("voices")
    actors = tables.get("actors")
    if voices is not None and actors is not None:
        kinds = dict(zip(_values(actors.frame, "actor_id"), _values(actors.frame, "kind")))
        sides = dict(zip(_values(actors.frame, "actor_id"), _values(actors.frame, "represents")))
        names = ("article_id", "actor_id", "source_type", "gender", "gender_basis", "gender_word",
                 "gender_paragraph", "gender_source", "note")
        for row, (aid, actor, kind, gender, basis, word, paragraph, url, note) in enumerate(
                zip(*(_values(voices.frame, c) for c in names))):
            if actor not in kinds:
                continue  # reported by the foreign key
            person = kinds[actor] == PERSON
            if kind == INSTITUTION and person:
                problems.append(voices.problem(row, "source_type", f"{actor!r} is a person: an official or an "
                                                                   f"{EXPERT}, not an {INSTITUTION}"))
            elif kind == EXPERT and sides.get(actor) is not None:
                problems.append(voices.problem(row, "source_type", f"an {EXPERT} speaks for no one, but actors.csv "
                                                                   f"says {actor!r} represents {sides[actor]!r}"))
            if not person:
                for column, value in (("gender", gender), ("gender_basis", basis), ("gender_word", word),
                                      ("gender_paragraph", paragraph), ("gender_source", url)):
                    if value is not None:
                        problems.append(voices.problem(row, column, f"{actor!r} is not a person "
                                                                    f"(kind {kinds[actor]}): leave it empty"))
                        break
                continue
            if gender is None:
                if voices.raw is None or voices.raw.at[row, "gender"] == "":  # a bad value is reported already
                    allowed = ", ".join(map(str, voices.frame["gender"].cat.categories))
                    problems.append(voices.problem(row, "gender", f"{actor!r} is a person: give a gender ({allowed})"))
                continue
            if gender == GENDER_UNKNOWN:
                if basis is not None:
                    problems.append(voices.problem(row, "gender_basis", f"gender is {GENDER_UNKNOWN}: leave the "
                                                                        "basis empty"))
                elif note is None:
                    problems.append(voices.problem(row, "note", f"gender is {GENDER_UNKNOWN}: say in the note "
                                                                "where you looked"))
                continue
            if basis is None:
                problems.append(voices.problem(row, "gender_basis", f"gender is {gender}, so say where it comes "
                                                                    f"from: {GENDER_BASIS_WORD} or "
                                                                    f"{GENDER_BASIS_SOURCE}"))
            elif basis == GENDER_BASIS_WORD:
                if url is not None:
                    problems.append(voices.problem(row, "gender_source", f"the basis is {GENDER_BASIS_WORD}: give "
                                                                         "its word and paragraph, not a web address"))
                elif word is None or paragraph is None:
                    problems.append(voices.problem(row, "gender_word" if word is None else "gender_paragraph",
                                                   f"the basis is {GENDER_BASIS_WORD}: give the article's word "
                                                   "and its paragraph"))
                elif aid in spans:
                    if paragraph > len(spans[aid]):
                        problems.append(voices.problem(row, "gender_paragraph", f"paragraph {paragraph} does not "
                                                                                f"exist; the text has "
                                                                                f"{len(spans[aid])}"))
                    else:
                        a, b = spans[aid][paragraph - 1]
                        if not re.search(rf"(?<!\w){re.escape(word)}(?!\w)", texts[aid][a:b]):
                            problems.append(voices.problem(row, "gender_word", f"{word!r} is not a word of "
                                                                               f"paragraph {paragraph}"))
            elif basis == GENDER_BASIS_SOURCE:
                if url is None:
                    problems.append(voices.problem(row, "gender_source", f"the basis is {GENDER_BASIS_SOURCE}: "
                                                                         "give the source's web address"))
                elif word is not None or paragraph is not None:
                    problems.append(voices.problem(row, "gender_word" if word is not None else "gender_paragraph",
                                                   f"the basis is {GENDER_BASIS_SOURCE}: the article's word and "
                                                   "paragraph are for the basis article; leave them empty"))
    return problems


def _occurrences(text: str, words: str, start: int, end: int) -> list[int]:
    """Every offset where ``words`` begins inside text[start:end] (overlapping ones too)."""
    found, at = [], text.find(words, start, end)
    while at >= 0:
        found.append(at)
        at = text.find(words, at + 1, end)
    return found


_WORD = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]|"
                   r"[^\s\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\u3000-\u303f\uff00-\uffef]+")


def passage_words(passage: str) -> int:
    """The words of a source passage, as its cap counts them: runs between spaces, and each CJK character.

    Chinese and Japanese are written without spaces, so each of their characters counts
    as a word (punctuation does not); a 60-word cap then holds about as much text in
    either script.

    >>> passage_words("Every UN Member State has a stake in what comes next."), passage_words("中方表示关注。")
    (11, 6)
    """
    return len(_WORD.findall(passage))


def _passage_problems(passages: Table | None) -> list[Problem]:
    """The method's rules for source passages (data/README.md): a capped quotation; fidelity and source agree."""
    if passages is None:
        return []
    problems = []
    names = ("source_id", "passage", "fidelity")
    for row, (source, passage, fidelity) in enumerate(zip(*(_values(passages.frame, c) for c in names))):
        if passage is not None and (n := passage_words(passage)) > PASSAGE_WORDS:
            problems.append(passages.problem(row, "passage", f"{n} words: a passage is a quotation of at most "
                                                             f"{PASSAGE_WORDS} words, not a reproduction; cut it "
                                                             "to the words that correspond"))
        if fidelity is None:
            continue  # missing or outside the enum: already reported
        if fidelity == NOT_FOUND and passage is not None:
            problems.append(passages.problem(row, "passage", f"fidelity is {NOT_FOUND!r}, so there is no "
                                                             "passage: give the fidelity it was found with"))
        if fidelity != NOT_FOUND and source is None:
            problems.append(passages.problem(row, "source_id", f"fidelity is {fidelity!r}: name the source it "
                                                               f"was found in, or write {NOT_FOUND!r}"))
        if fidelity in COMPARED and passage is None:
            problems.append(passages.problem(row, "passage", f"fidelity is {fidelity!r}, a comparison of words: "
                                                             "give the source's words"))
    return problems


def _values(frame: pd.DataFrame, column: str) -> list[Any]:
    """A column as a plain list, with None for every missing value."""
    values = frame[column]
    if isinstance(values.dtype, pd.CategoricalDtype):
        values = values.astype(object)
    return values.to_numpy(dtype=object, na_value=None).tolist()


def _snippet(span: str, width: int = 60) -> str:
    return repr(span if len(span) <= width else span[: width - 3] + "...")
