"""Handouts: standalone HTML pages with the charts inside, static explorers, hidden answers."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from newsclaims.handouts import make_handout

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"


def count_figures(notebook: Path) -> int:
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    return sum("application/vnd.plotly.v1+json" in o.get("data", {})
               for c in cells if c["cell_type"] == "code" for o in c["outputs"])


@pytest.fixture(scope="module")
def handout(tmp_path_factory):
    out = tmp_path_factory.mktemp("handouts")
    notebook = NOTEBOOKS / "04_positions.ipynb"
    return notebook, make_handout(notebook, out).read_text(encoding="utf-8")


def test_charts_are_inside_the_page(handout):
    notebook, html = handout
    assert len(re.findall(r"plotly\.js v\d", html)) == 1  # plotly.js once, embedded
    assert html.count("Plotly.newPlot(") == count_figures(notebook)
    assert not re.search(r'<script[^>]+src="[^"]*plotly[^"]*"', html)  # never fetched from a CDN


def test_explorers_degrade_to_static_html(handout):
    _, html = handout
    assert "application/vnd.jupyter.widget-view+json" not in html
    assert html.count("A snapshot of an interactive explorer") == 2
    assert "sovereignty and territorial integrity be respected?</b>" in html  # the topic explorer
    assert "China on Taking a side: oppose" in html  # the stance grid, as a table


def test_answers_stay_hidden_and_no_errors(handout):
    notebook, html = handout
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    answers = sum("".join(c["source"]).count("<details>") for c in cells if c["cell_type"] == "markdown")
    assert html.count("<details>") == answers >= 3
    assert 'data-mime-type="application/vnd.jupyter.stderr"' not in html  # no error or warning output
