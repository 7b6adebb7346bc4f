"""The lessons as documents: what each one holds, and how long it takes a student.

The times in the lessons' headers and in the teaching guide's plans come from
:func:`lesson_times`, a reading model applied to each notebook as it stands, so
that they change when a lesson changes:

- prose (markdown outside the hidden answers) read at :data:`READING_WPM` words
  a minute, a careful pace for instructional text;
- :data:`CODE_CELL` minutes for each code cell: read it, run it, look at what it
  prints;
- :data:`CHART` more for each chart and :data:`EXPLORER` more for each explorer,
  to hover, click and read the evidence;
- :data:`EXERCISE` minutes for each exercise: guess, write the answer, run the
  check, read the hidden answer.

It is a model, not a stopwatch on a class. Lesson 05 adds the coding itself,
:data:`CODING_ITEM` minutes for each statement the lesson asks students to code.
"""

from __future__ import annotations

import json
import math
import re
import textwrap
from pathlib import Path
from typing import Any

import pandas as pd

from . import analysis as an
from .files import NOTEBOOKS
from .text import joined

READING_WPM = 180
CODE_CELL = 0.5
CHART = 1.0
EXPLORER = 2.0
EXERCISE = 4.0
CODING_ITEM = 0.75
PLOTLY = "application/vnd.plotly.v1+json"
WIDGET = "application/vnd.jupyter.widget-view+json"
_EXERCISE = re.compile(r"\*\*Exercise (\d+\.\d+)")
_TO_CODE = re.compile(r"code (?:at least )?(\d+) statements", re.IGNORECASE)


def _minutes(x: float) -> int:
    return int(math.ceil(x - 1e-9))


def lesson_sections(folder: Path = NOTEBOOKS) -> pd.DataFrame:
    """One row per section (``## `` heading) of each lesson, with the minutes the model gives it.

    Returns
    -------
    DataFrame
        notebook, section (its heading; ``""`` for the header before the first),
        words, code_cells, charts, explorers, exercises (their numbers, e.g.
        ``"1.1 1.2"``), to_code, and minutes (not rounded).
    """
    rows = []
    for path in sorted(Path(folder).glob("[0-9][0-9]_*.ipynb")):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        section = ""
        counts: dict[str, dict] = {}
        for cell in cells:
            source = "".join(cell["source"])
            heading = re.match(r"\s*## (.+)", source) if cell["cell_type"] == "markdown" else None
            if heading:
                section = heading.group(1).strip()
            row = counts.setdefault(section, {"words": 0, "code_cells": 0, "charts": 0, "explorers": 0,
                                              "exercises": [], "to_code": 0})
            if cell["cell_type"] == "markdown":
                if source.lstrip().startswith("<details"):
                    continue  # a hidden answer: read as part of its exercise
                row["words"] += len(re.findall(r"\w+", re.sub(r"`[^`]*`", "x", source)))
                row["exercises"] += _EXERCISE.findall(source)
                row["to_code"] = max([row["to_code"], *map(int, _TO_CODE.findall(source))])
            elif cell["cell_type"] == "code":
                kinds = {k for out in cell.get("outputs", []) for k in out.get("data", {})}
                row["code_cells"] += 1
                row["charts"] += PLOTLY in kinds
                row["explorers"] += WIDGET in kinds
        for name, row in counts.items():
            exercises = list(dict.fromkeys(row["exercises"]))
            minutes = (row["words"] / READING_WPM + row["code_cells"] * CODE_CELL + row["charts"] * CHART
                       + row["explorers"] * EXPLORER + row["to_code"] * CODING_ITEM + len(exercises) * EXERCISE)
            rows.append({"notebook": path.stem, "section": name, **row, "exercises": " ".join(exercises),
                         "minutes": minutes})
    return pd.DataFrame(rows)


def lesson_times(folder: Path = NOTEBOOKS) -> pd.DataFrame:
    """One row per lesson: what it holds and the minutes the reading model gives it.

    Returns
    -------
    DataFrame
        notebook, words, code_cells, charts, explorers, exercises (their numbers),
        to_code, core_minutes (everything but the exercises), exercise_minutes and
        total_minutes, each rounded up to a whole minute.
    """
    sections = lesson_sections(folder)
    rows = []
    for notebook, part in sections.groupby("notebook", sort=True):
        exercises = " ".join(e for e in part["exercises"] if e).split()
        spent = len(exercises) * EXERCISE
        total = float(part["minutes"].sum())
        rows.append({"notebook": notebook, **{c: int(part[c].sum()) for c in
                                              ("words", "code_cells", "charts", "explorers")},
                     "exercises": " ".join(exercises), "to_code": int(part["to_code"].max()),
                     "core_minutes": _minutes(total - spent), "exercise_minutes": _minutes(spent),
                     "total_minutes": _minutes(total)})
    return pd.DataFrame(rows)


# --- What a lesson says about the article it is run on ------------------------------------------

SEED = "cnn_china_ukraine_2022"
"""The seed article, the first in data/articles.csv: the lessons' remarks (``seed=``) are written about it."""

# What a note reads, and what to code when it is not there: the article's frame, and the
# key of analysis.TO_CODE that says what to code.
NEEDS = {
    "actors": ("actors", "actors"),
    "statements": ("statements", "statements"),
    "positions": ("positions", "positions"),
    "events": ("events", "events or dated statements"),
}
WORKBENCH = ("Or code it in JupyterLab, without editing a CSV: nc.workbench(art), as in "
             "notebooks/teacher/code_an_article.ipynb.")


class Notice(str):
    """A lesson's note on the output above it, shown as plain text, never as HTML or Markdown.

    Names from the data stay text wherever the notebook is shown.
    """

    def __repr__(self) -> str:
        return str(self)


def is_seed(art: Any) -> bool:
    """Whether ``art`` is the seed article, the one the lessons' remarks are written about."""
    return getattr(art, "article_id", None) == SEED


def not_coded(art: Any, *needs: str) -> str:
    """What ``art`` lacks of ``needs`` (keys of :data:`NEEDS`), and what to code; ``""`` when it has them all.

    Examples
    --------
    >>> import newsclaims as nc
    >>> not_coded(nc.load_article(), "statements", "positions")
    ''
    """
    unknown = [n for n in needs if n not in NEEDS]
    if unknown:
        raise KeyError(f"no table {unknown[0]!r} to need; the tables are {', '.join(NEEDS)}")
    lacking = [n for n in needs if getattr(art, NEEDS[n][0]).empty]
    if not lacking:
        return ""
    todo = " ".join(an.TO_CODE[NEEDS[n][1]] for n in lacking)
    return (f"{' '.join(f'No {n} coded yet.' for n in lacking)} Article {art.article_id!r} has nothing to "
            f"notice here until they are. {todo} {WORKBENCH}")


def notice(art: Any, text: str = "", seed: str = "", needs: str | tuple[str, ...] = ()) -> Notice | None:
    """What to notice in the output above: worked out from the data, or written for the seed article.

    Parameters
    ----------
    art : Article
        The article the lesson runs on.
    text : str
        The note, computed from ``art`` (an f-string); shown on any article, and on the
        seed article too unless ``seed`` is given.
    seed : str
        The note as written for the seed article (:data:`SEED`), shown in place of
        ``text`` when, and only when, the seed article is loaded.
    needs : str or tuple of str
        The tables the note reads (keys of :data:`NEEDS`). When one of them is empty,
        the note says instead that it is not coded yet, and what to code.

    Returns
    -------
    Notice or None
        The note, a string shown as plain text and wrapped at 100 characters; None when
        there is nothing to say (no ``text``, and ``seed`` on another article).

    Examples
    --------
    >>> import newsclaims as nc
    >>> art = nc.load_article()
    >>> notice(art, f"Notice the {len(art.paragraphs)} paragraphs.")
    Notice the 26 paragraphs.
    >>> notice(art, f"Notice the {len(art.paragraphs)} paragraphs.", seed="Paragraph 1 is the lede.")
    Paragraph 1 is the lede.
    """
    lacking = not_coded(art, *((needs,) if isinstance(needs, str) else needs))
    shown = lacking or (seed if seed and is_seed(art) else text)
    return Notice(textwrap.fill(" ".join(shown.split()), 100)) if shown.strip() else None


def listed(counts: pd.Series, names: dict[str, str] | None = None, most: int = 3) -> str:
    """The first ``most`` items of a count, in words: ``"Wang Yi (6), Zhang Jun (5) and David Sacks (4)"``.

    Parameters
    ----------
    counts : Series
        Counts by id, in the order to list them (``value_counts()`` gives the largest first).
    names : dict, optional
        A name for each id (``nc.analysis.names(art)``); an id without one is written as it is.
    most : int
        How many to list.

    Returns
    -------
    str
        The items joined with commas and "and"; ``"none"`` for an empty count.

    Examples
    --------
    >>> import pandas as pd
    >>> listed(pd.Series({"wang_yi": 6, "zhang_jun": 5}), {"wang_yi": "Wang Yi"})
    'Wang Yi (6) and zhang_jun (5)'
    """
    names = names or {}
    return joined((f"{names.get(key, key)} ({value})" for key, value in counts.head(most).items()), "none")


def poles(art: Any) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Two sides to set against each other in lesson 04's alignment, as ``(a, b)`` for ``analysis.alignment``.

    On the seed article, the United States and Russia: its own question. On another
    article, the two sides of the conflict network's heaviest tie (the most topics on
    which they take opposite stances; ties broken by id); two empty tuples when no
    two sides oppose each other.

    Examples
    --------
    >>> import newsclaims as nc
    >>> poles(nc.load_article())
    (('united_states',), ('russia',))
    """
    if is_seed(art):
        return ("united_states",), ("russia",)
    ties = sorted((sorted((u, v)) + [-weight] for u, v, weight in an.conflict_network(art).edges(data="weight")),
                  key=lambda tie: (tie[2], tie[0], tie[1]))
    return ((ties[0][0],), (ties[0][1],)) if ties else ((), ())
