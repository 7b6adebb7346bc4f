"""Handouts: every lesson executed and written as a standalone HTML page, in two editions.

``make_handouts(out)`` runs each lesson once and writes it twice:

- ``out/student/``: the answers stay hidden in closed ``<details>`` (a click opens
  one), and the self-check cells show no verdict ("run the cell again" means
  nothing on a page);
- ``out/teacher/``: the same page with every answer shown.

Each folder holds one ``plotly.min.js`` beside its pages; a page loads it with a
relative ``<script src>``, so charts work offline, from ``file://`` too, and a page
weighs a few hundred kB instead of the 5 MB that plotly.js inside each page cost.
Explorers become static HTML (their view when the page was made).

Wording that makes sense only in a live notebook ("Pick an actor") is adapted
by the explicit table :data:`LIVE_WORDING`; a cell tagged ``live-only`` (cell
metadata ``tags``) is left out of the handouts altogether.

Accessibility (WCAG 2.1 AA): a small stylesheet (:data:`STYLE`) darkens the
export template's prompts and code colours to 4.5:1 and underlines links; every
chart is an image named by its title (``role="img"``, ``aria-label``) and is
followed by the data behind it as a table.
"""

from __future__ import annotations

import base64
import copy
import html
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import nbformat
import plotly.io as pio
from nbclient import NotebookClient
from nbconvert import HTMLExporter
from plotly.offline import get_plotlyjs

from . import files
from .files import HANDOUT_ENV, NOTEBOOKS

EDITIONS = ("student", "teacher")
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
PLOTLY = "application/vnd.plotly.v1+json"
PLOTLY_JS = "plotly.min.js"
LIVE_ONLY = "live-only"  # a cell with this tag is left out of every handout
# A self-check cell (nc.checks.check("2.1", ...), lesson 08's cmp.check("8.1", ...)): its verdict is left
# out of every handout
CHECK_CALL = re.compile(r"""\bcheck\(\s*["']\d+\.\d+["']""")

# Live-only wording as the lessons write it, and what a handout says instead. Each
# entry must still occur in some lesson (tests/test_handouts.py checks), so that the
# table cannot go stale silently when the lessons' wording changes.
LIVE_WORDING: tuple[tuple[str, str], ...] = (
    ("Change it to another id from the list above, in quotation marks, and run the cell again.",
     "In the live notebook, change it to another id from the list above, in quotation marks, to read that "
     "speaker's statements."),
    ("Pick one or more actors (Ctrl- or Cmd-click to pick several)",
     "In the live notebook, pick one or more actors (Ctrl- or Cmd-click to pick several)"),
    ("Pick any actor to see", "In the live notebook, pick any actor to see"),
    ("Pick a state in the list.", "In the live notebook, pick a state in the list."),
    ("Filter by speaker, form, topic and setting.",
     "In the live notebook, filter by speaker, form, topic and setting."),
    ("Try: Form = partial.", "In the live notebook, try Form = partial."),
    ("**Click a square** (or choose below)", "In the live notebook, **click a square** (or choose below)"),
    ("Pick a topic to see", "In the live notebook, pick a topic to see"),
)

# The export template's prompts are #b0b0b0 (2.2:1 on white) and several of its code
# colours are under 4.5:1 on the code cells' #f5f5f5 (comments #408080, 4.2:1).
# Each colour here reaches 4.5:1 on #f5f5f5 (tests/test_handouts.py computes them).
CODE_COLOURS = {
    "atom": "#5555FF", "number": "#008000", "operator": "#A515FF", "meta": "#A515FF",
    "comment": "#3C7777", "bracket": "#707054", "quote": "#007F00", "error": "#E00000", "hr": "#6F6F6F",
}
PROMPT_COLOUR = "#595959"
STYLE = ":root {\n" + "".join(f"  --jp-mirror-editor-{k}-color: {v};\n" for k, v in CODE_COLOURS.items()) + "}\n" + f"""
.jp-Notebook .jp-Cell .jp-InputPrompt, .jp-Notebook .jp-Cell .jp-OutputPrompt {{
  opacity: 1 !important; color: {PROMPT_COLOUR} !important;
}}""" + """
.jp-RenderedHTMLCommon a:link, .jp-RenderedHTMLCommon a:visited { text-decoration: underline; }
.nc-edition { margin: 0.5em 0 1em 0; padding: 0.4em 0.8em; border-left: 4px solid #0072B2; background: #f0f6fa; }
details.answer { margin: 0.5em 0; padding: 0.2em 0.8em; border: 1px solid #ccc; border-radius: 4px; }
details.answer > summary { cursor: pointer; font-weight: 600; }
.nc-chart { margin: 0; }
.nc-chart-data { margin: 0.3em 0 1em 0; font-size: 90%; }
.nc-chart-data > summary { cursor: pointer; }
.nc-chart-data table { border-collapse: collapse; margin-top: 0.4em; }
.nc-chart-data table th, .nc-chart-data table td { border: 1px solid #ccc; padding: 2px 6px;
  text-align: left !important; vertical-align: top; }
.nc-chart-data caption { text-align: left; font-weight: 600; padding-bottom: 0.3em; }
"""

_DETAILS = re.compile(r"<details(\s[^>]*)?>")
_TAG = re.compile(r"<[^>]+>")
_FIELD = re.compile(r"%\{([^}:|]+)(?:([:|])([^}]*))?\}")


# --- Running a lesson ----------------------------------------------------------------------------

def execute(notebook: Path, timeout: int = 300) -> nbformat.NotebookNode:
    """Run a lesson as a handout sees it: explorers carry their static view, charts plotly's JSON."""
    nb = nbformat.read(notebook, as_version=4)
    saved = {k: os.environ.get(k) for k in ("PLOTLY_RENDERER", HANDOUT_ENV)}
    os.environ["PLOTLY_RENDERER"] = "plotly_mimetype"  # the figure as data; the page draws it (chart_html)
    os.environ[HANDOUT_ENV] = "1"
    try:
        NotebookClient(nb, timeout=timeout, kernel_name="python3", store_widget_state=False,
                       resources={"metadata": {"path": str(notebook.parent)}}).execute()
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    return nb


# --- One edition of a page -----------------------------------------------------------------------

def for_print(nb: nbformat.NotebookNode, edition: str = "student") -> nbformat.NotebookNode:
    """A copy of an executed lesson, ready to export as one edition of its handout.

    Leaves out ``live-only`` cells and the self-checks' verdicts, adapts live-only
    wording (:data:`LIVE_WORDING`), hides the answers (student) or opens them
    (teacher), and turns explorers into their static view and charts into
    :func:`chart_html`.
    """
    if edition not in EDITIONS:
        raise ValueError(f"no {edition!r} edition: the editions are {', '.join(EDITIONS)}")
    nb = copy.deepcopy(nb)
    nb.cells = [c for c in nb.cells if LIVE_ONLY not in c.get("metadata", {}).get("tags", [])]
    charts = 0
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            cell.source = answers(live_wording(cell.source), edition)
        elif cell.cell_type == "code":
            if CHECK_CALL.search(cell.source):
                cell.outputs = []  # "put your answer ... and run the cell again": nothing to run on a page
            for output in cell.get("outputs", []):
                data = output.get("data", {})
                if WIDGET_VIEW in data and "text/html" in data:
                    del data[WIDGET_VIEW]  # no kernel on paper: show the explorer's static view
                if PLOTLY in data:
                    charts += 1
                    output["data"] = {"text/html": chart_html(data[PLOTLY], charts)}
    nb.metadata.pop("widgets", None)
    return nb


def live_wording(source: str) -> str:
    """Markdown with the live-only wording of :data:`LIVE_WORDING` replaced."""
    for live, printed in LIVE_WORDING:
        source = source.replace(live, printed)
    return source


def answers(source: str, edition: str) -> str:
    """Mark each ``<details>`` answer; open it in the teacher edition."""
    opened = " open" if edition == "teacher" else ""
    source = _DETAILS.sub(f'<details class="answer"{opened}>', source)
    if edition == "teacher":
        source = source.replace("<summary>Show answer</summary>", "<summary>Answer</summary>")
    return source


def export(nb: nbformat.NotebookNode, title: str, edition: str) -> str:
    """The page: the lab template, plotly.js loaded from beside it, the stylesheet and the edition's note."""
    # embed_images would pass each HTML block of a cell through an HTML parser, which closes
    # <details> at the end of its first block and so prints the answer after it
    exporter = HTMLExporter(template_name="lab", embed_images=False)
    page, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": f"{title} ({edition} edition)"}})
    # plotly.js first, before require.js defines `define` and plotly.js registers as a module
    page = page.replace('<meta charset="utf-8"/>', f'<meta charset="utf-8"/>\n<script src="{PLOTLY_JS}"></script>', 1)
    page = page.replace("</head>", f"<style>{STYLE}</style>\n</head>", 1)
    note = ("Student edition: each answer is hidden under “Show answer”; open it once you have tried."
            if edition == "student" else "Teacher edition: every answer is shown.")
    return page.replace("<main>", f'<main>\n<p class="nc-edition">{html.escape(note)}</p>', 1)


def lesson_title(nb: nbformat.NotebookNode, fallback: str) -> str:
    """The first level-1 heading of a lesson, as plain text."""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            match = re.search(r"^#\s+(.+)$", cell.source, re.MULTILINE)
            if match:
                return re.sub(r"[*_`]", "", match.group(1)).strip()
    return fallback


# --- Charts --------------------------------------------------------------------------------------

def chart_html(figure: dict, number: int = 1) -> str:
    """A chart for a page that loads plotly.js itself: an image named by its title, then its data.

    The chart is drawn by ``Plotly.newPlot`` (no plotly.js inside); ``role="img"`` with
    an ``aria-label`` gives it its title and subtitle as an accessible name; a closed
    ``<details>`` under it holds :func:`data_table`.
    """
    title, subtitle = chart_title(figure)
    name = f"Chart: {title}" + (f". {subtitle}" if subtitle else "")
    plot = pio.to_html(figure, include_plotlyjs=False, full_html=False, validate=False,
                       div_id=f"nc-chart-{number}", config={"displaylogo": False, "displayModeBar": False})
    table = data_table(figure)
    data = (f'<details class="nc-chart-data"><summary>Data behind this chart</summary>{table}</details>'
            if table else "")
    return (f'<figure class="nc-chart"><div role="img" aria-label="{html.escape(name)}">{plot}</div>'
            f"{data}</figure>")


def chart_title(figure: dict) -> tuple[str, str]:
    """A chart's title and subtitle as plain text (the title's ``<sup>`` lines are its subtitle)."""
    title = (figure.get("layout", {}).get("title") or {})
    text = title.get("text", "") if isinstance(title, dict) else str(title)
    lines = re.split(r"<br\s*/?>", text)
    sub = [line for line in lines if "<sup>" in line]
    head = [line for line in lines if "<sup>" not in line]
    return _plain(" ".join(head)), _plain(" ".join(sub))


def data_table(figure: dict) -> str:
    """The data behind a chart as an HTML table: one row per point, every string escaped.

    Columns: the series (trace name), the x and y values under their axis titles
    (left out when the axes are hidden, as in networks), and what hovering the
    point shows. Traces drawn without hover (network lines) are left out. An empty
    string when the chart has no points.
    """
    layout = figure.get("layout", {})
    axes = [(axis, _plain(_axis_title(layout, axis))) for axis in ("x", "y")
            if layout.get(f"{axis}axis", {}).get("visible", True) is not False]
    rows = []
    for trace in figure.get("data", []):
        if trace.get("hoverinfo") in ("skip", "none"):
            continue
        xs, ys = _values(trace.get("x")), _values(trace.get("y"))
        count = max(len(xs), len(ys))
        for i in range(count):
            point = {"x": _at(xs, i), "y": _at(ys, i), "text": _at(_values(trace.get("text")), i),
                     "customdata": _at(_values(trace.get("customdata")), i)}
            rows.append([_plain(trace.get("name", "")), *(_cell(point[a]) for a, _ in axes), _hover(trace, point, i)])
    if not rows:
        return ""
    header = ["series", *(t or a for a, t in axes), "details (as shown on hover)"]
    keep = [j for j in range(len(header)) if any(r[j] for r in rows)]  # no empty column
    title, _ = chart_title(figure)
    head = "".join(f'<th scope="col">{html.escape(header[j])}</th>' for j in keep)
    body = "".join("<tr>" + "".join(f"<td>{_lines(r[j])}</td>" for j in keep) + "</tr>" for r in rows)
    return (f"<table><caption>{html.escape(title)}</caption><thead><tr>{head}</tr></thead>"
            f"<tbody>{body}</tbody></table>")


def _axis_title(layout: dict, axis: str) -> str:
    title = layout.get(f"{axis}axis", {}).get("title", {})
    return title.get("text", "") if isinstance(title, dict) else str(title or "")


def _plain(text: Any) -> str:
    """Plotly's label markup as plain text: tags dropped, entities read (escape again to show it)."""
    if text is None:
        return ""
    return html.unescape(_TAG.sub("", str(text))).strip()


def _lines(text: str) -> str:
    return "<br>".join(html.escape(line) for line in text.split("\n"))


def _values(value: Any) -> list:
    """A trace's array as a list: plotly's JSON writes numeric arrays as base64 (``bdata``)."""
    if value is None:
        return []
    if isinstance(value, dict) and "bdata" in value:
        import numpy as np

        array = np.frombuffer(base64.b64decode(value["bdata"]), dtype=np.dtype(value["dtype"]))
        if value.get("shape"):
            array = array.reshape([int(n) for n in str(value["shape"]).split(",")])
        return array.tolist()
    if isinstance(value, (list, tuple)):
        return list(value)
    return [value]


def _at(values: list, i: int) -> Any:
    if not values:
        return None
    return values[i] if i < len(values) else values[-1] if len(values) == 1 else None


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.4g}"
    return _plain(value)


def _hover(trace: dict, point: dict, i: int) -> str:
    """What hovering the point shows, from the trace's hovertemplate, as plain text lines."""
    template = trace.get("hovertemplate")
    if isinstance(template, list):
        template = _at(template, i)
    if not template:
        shown = _at(_values(trace.get("hovertext")), i) or point["text"]
        return _plain(re.sub(r"<br\s*/?>", "\n", str(shown))) if shown is not None else ""
    template = re.sub(r"<extra>.*?</extra>", "", template, flags=re.S)

    def field(match: re.Match) -> str:
        name, kind, spec = match.groups()
        key, _, index = name.strip().partition("[")
        value = point.get(key)
        if index and isinstance(value, (list, tuple)):
            j = int(index.rstrip("]"))
            value = value[j] if j < len(value) else None
        if value is None:
            return ""
        try:
            if kind == ":":
                return format(float(value), spec)
            if kind == "|":
                import pandas as pd

                return pd.Timestamp(value).strftime(spec)
        except (TypeError, ValueError):
            pass
        return str(value)

    text = _FIELD.sub(field, template)
    return "\n".join(line for line in (_plain(p) for p in re.split(r"<br\s*/?>", text)) if line)


# --- Writing -------------------------------------------------------------------------------------

def write_page(nb: nbformat.NotebookNode, name: str, out_dir: Path, edition: str) -> Path:
    """Write one edition of an executed lesson as ``out_dir/<name>.html``, with plotly.js beside it."""
    out_dir.mkdir(parents=True, exist_ok=True)
    page = export(for_print(nb, edition), lesson_title(nb, name), edition)
    target = out_dir / f"{name}.html"
    files.write_text(target, page)
    write_plotly_js(out_dir)
    return target


def write_plotly_js(out_dir: Path) -> Path:
    """``out_dir/plotly.min.js``, the plotly.js that made the figures; rewritten only when it differs."""
    target = out_dir / PLOTLY_JS
    script = get_plotlyjs()
    if not target.is_file() or target.read_text(encoding="utf-8") != script:
        files.write_text(target, script)
    return target


def make_handout(notebook: Path, out_dir: Path, edition: str = "student", timeout: int = 300) -> Path:
    """Execute one lesson and write one edition of it as ``out_dir/<name>.html``."""
    return write_page(execute(notebook, timeout), notebook.stem, out_dir, edition)


def make_handouts(out_dir: Path, notebooks: Iterable[Path] | None = None,
                  editions: Iterable[str] = EDITIONS) -> list[Path]:
    """Every lesson, run once, written in each edition to ``out_dir/<edition>/<name>.html``."""
    editions = list(editions)
    written = []
    for notebook in notebooks or sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")):
        nb = execute(notebook)
        written += [write_page(nb, notebook.stem, Path(out_dir) / edition, edition) for edition in editions]
    return written
