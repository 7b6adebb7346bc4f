"""Export to network tools: GraphML (Gephi, visone) and DNA-style statement lists.

>>> import tempfile, networkx as nx, newsclaims as nc
>>> path = nc.export.to_graphml(nc.load_article(), tempfile.mktemp(suffix=".graphml"), network="conflict")
>>> nx.read_graphml(path).has_edge("china", "russia")
True
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import pandas as pd

from . import analysis as an
from . import files
from .data import Article

if TYPE_CHECKING:  # networkx loads when a network is first built, not at import
    pass

NETWORKS = {"affiliation": an.affiliation_network, "congruence": an.congruence_network,
            "conflict": an.conflict_network}
DNA_COLUMNS = {"date": "str", "person": "str", "organization": "str", "concept": "str", "agreement": "int64",
               "text": "str", "statement_id": "str", "speaker": "str", "hedged": "bool", "date_from": "str"}
# DNA's agreement qualifier for each coded stance: 1 yes, 0 no; None leaves the stance out, as DNA has no
# "neither". tests/test_vocabulary.py holds the keys to the descriptor's enum; a stance not here yet is left out.
AGREEMENT = {"support": 1, "oppose": 0, "neutral": None}
# A spreadsheet reads a cell that starts with one of these as a formula (OWASP, "CSV Injection").
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def to_graphml(art: Article, path: str | os.PathLike[str],
               network: Literal["affiliation", "congruence", "conflict"] = "affiliation",
               level: an.Level = "side") -> Path:
    """Write one of the article's discourse networks as GraphML, and return the path.

    Node and edge attributes are kept: labels, kinds, stance, sign, hedged,
    weight, and the ids of the statements behind each edge. The file is written
    through the one write path (:func:`newsclaims.files.write_text`).

    Parameters
    ----------
    art : Article
        The article.
    path : str or path-like
        Where to write the file.
    network : {"affiliation", "congruence", "conflict"}
        Which network (see :mod:`newsclaims.analysis`).
    level : {"side", "holder"}
        Actors as the sides they speak for, or each holder as coded.

    Returns
    -------
    Path
        The file written.

    Raises
    ------
    ValueError
        When ``network`` is not one of the three.
    WriteError
        When the file cannot be written; nothing is changed.

    See Also
    --------
    newsclaims.analysis.affiliation_network, newsclaims.analysis.conflict_network
    """
    import networkx as nx

    if network not in NETWORKS:
        raise ValueError(f"network must be one of {', '.join(NETWORKS)}, not {network!r}")
    graph = NETWORKS[network](art, level)
    graph.graph["article"] = art.article_id
    graph.graph["network"] = network
    path = Path(path)
    files.write_text(path, "\n".join(nx.generate_graphml(graph)) + "\n")
    return path


def dna_table(art: Article) -> pd.DataFrame:
    """The positions as a DNA-style statement list: date, person, organization, concept, agreement.

    One row per position that takes a side (DNA's agreement qualifier is yes or
    no, so neutral positions are left out). ``person`` is the holder when the
    holder is a person; ``organization`` is whom the holder speaks for. ``date``
    is when the statement was said, or the publication date when the article does
    not say (``date_from`` tells which).

    Parameters
    ----------
    art : Article
        The article.

    Returns
    -------
    DataFrame
        The columns of :data:`DNA_COLUMNS`; no rows when no position takes a side.

    Examples
    --------
    >>> import newsclaims as nc
    >>> table = dna_table(nc.load_article())
    >>> table.loc[table["statement_id"] == "cnn22_s19", ["person", "organization", "agreement"]].values.tolist()
    [['', 'China', 1], ['Vladimir Putin', 'Russia', 0]]
    """
    pos = an.positions_table(art, "holder")
    pos = pos[pos["stance"].isin([s for s in AGREEMENT if AGREEMENT[s] is not None])]
    kinds = dict(zip(art.actors["actor_id"], art.actors["kind"].astype(str)))
    side = an.speaks_for(art.actors)
    names = an.names(art)
    said = dict(zip(art.statements["statement_id"], art.statements["said_on"]))
    published = art.meta["published"]
    rows = []
    for r in pos.itertuples():
        date = said.get(r.statement_id)
        known = date is not None and not pd.isna(date)
        rows.append({"date": (date if known else published).strftime("%Y-%m-%d"),
                     "person": names[r.holder_id] if kinds.get(r.holder_id) == "person" else "",
                     "organization": names[side[r.holder_id]], "concept": r.topic,
                     "agreement": AGREEMENT[str(r.stance)],
                     "text": r.quote, "statement_id": r.statement_id, "speaker": r.speaker,
                     "hedged": bool(r.hedged), "date_from": "said_on" if known else "published"})
    return pd.DataFrame(rows, columns=list(DNA_COLUMNS)).astype(DNA_COLUMNS)


def safe_for_spreadsheets(table: pd.DataFrame) -> pd.DataFrame:
    """A copy of the table in which no text cell can run as a spreadsheet formula.

    A text cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
    gets a single quote in front, as OWASP advises against CSV injection: a
    spreadsheet then shows the text instead of running it. Numbers and other
    columns that are not text stay as they are, so -1 is still a number.

    >>> safe_for_spreadsheets(pd.DataFrame({"text": ["=1+1", "-x", "fine"], "n": [-1, 0, 1]}))
        text  n
    0  '=1+1 -1
    1    '-x  0
    2   fine  1
    """
    out = table.copy()
    for column in out.columns:
        if pd.api.types.is_string_dtype(out[column]) or out[column].dtype == object:
            out[column] = out[column].map(
                lambda v: "'" + v if isinstance(v, str) and v.startswith(FORMULA_START) else v)
    return out


def to_dna_csv(art: Article, path: str | os.PathLike[str]) -> Path:
    """Write :func:`dna_table` as CSV, ready to import into Discourse Network Analyzer.

    A text cell that a spreadsheet would run as a formula (it starts with ``=``,
    ``+``, ``-``, ``@``, a tab or a carriage return: a quote such as
    ``=HYPERLINK(...)``) is written with a single quote in front; see
    :func:`safe_for_spreadsheets`. Numbers are written as they are.

    Parameters
    ----------
    art : Article
        The article.
    path : str or path-like
        Where to write the file.

    Returns
    -------
    Path
        The file written.

    Raises
    ------
    WriteError
        When the file cannot be written; nothing is changed.
    """
    path = Path(path)
    files.write_text(path, safe_for_spreadsheets(dna_table(art)).to_csv(index=False, lineterminator="\n"))
    return path
