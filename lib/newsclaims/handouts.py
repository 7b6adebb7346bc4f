"""Handouts: every lesson executed and written as one standalone HTML page.

Charts work with no network: plotly's ``notebook`` renderer, chosen at export
time, puts plotly.js into the page once. Explorers become static HTML (their view
when the page was made). Answers stay hidden in ``<details>``.
"""

from __future__ import annotations

import os
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbconvert import HTMLExporter

from . import files
from .widgets import HANDOUT_ENV

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def make_handout(notebook: Path, out_dir: Path, timeout: int = 300) -> Path:
    """Execute one notebook for print and write ``out_dir/<name>.html``."""
    nb = nbformat.read(notebook, as_version=4)
    saved = {k: os.environ.get(k) for k in ("PLOTLY_RENDERER", HANDOUT_ENV)}
    os.environ["PLOTLY_RENDERER"] = "notebook"  # plotly.js once, in the page itself
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
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if WIDGET_VIEW in data and "text/html" in data:
                del data[WIDGET_VIEW]  # no kernel on paper: show the explorer's static view
    nb.metadata.pop("widgets", None)
    html, _ = HTMLExporter(template_name="lab", embed_images=True).from_notebook_node(nb)
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{notebook.stem}.html"
    files.write_text(target, html)
    return target


def make_handouts(out_dir: Path, notebooks: list[Path] | None = None) -> list[Path]:
    """Every lesson as a handout."""
    return [make_handout(nb, out_dir) for nb in notebooks or sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))]
