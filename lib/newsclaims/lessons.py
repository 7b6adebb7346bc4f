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
from pathlib import Path

import pandas as pd

from .files import NOTEBOOKS

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
