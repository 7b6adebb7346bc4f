"""Handouts: two editions of standalone HTML pages, plotly.js shared beside them, static explorers.

Most checks export the lessons' committed outputs (no kernel needed); one lesson
is executed end to end, as ``make handouts`` does.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import nbformat
import pytest
from bs4 import BeautifulSoup

from newsclaims import handouts
from newsclaims.handouts import (
    CODE_COLOURS,
    EDITIONS,
    LIVE_ONLY,
    LIVE_WORDING,
    PLOTLY_JS,
    PROMPT_COLOUR,
    chart_html,
    data_table,
    export,
    for_print,
    make_handouts,
)
from newsclaims.palette import contrast

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("[0-9][0-9]_*.ipynb"))
PLOTLY = "application/vnd.plotly.v1+json"
MB = 1_000_000


def count_figures(notebook: Path) -> int:
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    return sum(PLOTLY in o.get("data", {}) for c in cells if c["cell_type"] == "code" for o in c["outputs"])


def answer_texts(notebook: Path) -> list[str]:
    """A sentence of plain prose from each answer in a lesson, to look for in its pages."""
    texts = []
    for cell in nbformat.read(notebook, as_version=4).cells:
        if cell.cell_type == "markdown" and "<details>" in cell.source:
            inner = cell.source.split("</summary>", 1)[1].split("</details>", 1)[0]
            inner = re.sub(r"```.*?```", "", inner, flags=re.S)
            words = [line for line in inner.splitlines() if line.strip() and not re.search(r"[`*_<>]", line)]
            if words:
                texts.append(words[0].strip()[:60])
    return texts


def page_of(notebook: Path, edition: str) -> str:
    """One edition of a lesson's page, from its committed outputs."""
    nb = nbformat.read(notebook, as_version=4)
    return export(for_print(nb, edition), handouts.lesson_title(nb, notebook.stem), edition)


def visible_text(page: str) -> str:
    soup = BeautifulSoup(page, "html.parser")
    for hidden in soup.select("script, style"):
        hidden.decompose()
    return re.sub(r"\s+", " ", soup.get_text())


# --- Executed end to end -------------------------------------------------------------------------

@pytest.fixture(scope="module")
def built(tmp_path_factory, monkeypatch_module):
    out = tmp_path_factory.mktemp("handouts")
    monkeypatch_module.setenv("NEWSCLAIMS_WORK", str(tmp_path_factory.mktemp("work")))
    notebook = NOTEBOOKS[[n.stem for n in NOTEBOOKS].index("04_positions")]
    make_handouts(out, [notebook])
    return notebook, out


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        yield patch


@pytest.fixture(scope="module")
def handout(built):
    notebook, out = built
    return notebook, (out / "student" / f"{notebook.stem}.html").read_text(encoding="utf-8")


def test_both_editions_are_written_with_plotly_js_beside_them(built):
    notebook, out = built
    for edition in EDITIONS:
        assert (out / edition / f"{notebook.stem}.html").is_file()
        script = (out / edition / PLOTLY_JS).read_text(encoding="utf-8")
        assert re.search(r"plotly\.js v\d", script)


def test_charts_load_the_shared_plotly_js(handout):
    notebook, html = handout
    assert not re.search(r"plotly\.js v\d", html)  # not inside the page
    scripts = re.findall(r'<script[^>]+src="([^"]*plotly[^"]*)"', html)
    assert scripts == [PLOTLY_JS]  # once, relative: works from file:// and never from a CDN
    assert html.count("Plotly.newPlot(") == count_figures(notebook)


def test_pages_are_well_under_a_megabyte(built):
    notebook, out = built
    for edition in EDITIONS:
        size = (out / edition / f"{notebook.stem}.html").stat().st_size
        assert size < MB, f"{edition}/{notebook.stem}.html is {size:,} bytes"


def test_explorers_degrade_to_static_html(handout):
    _, html = handout
    assert "application/vnd.jupyter.widget-view+json" not in html
    assert html.count("A snapshot of an interactive explorer") == 2
    # the topic explorer, on the topic the lesson opens it on: the one with the most positions
    import html as markup

    import newsclaims as nc
    art = nc.load_article()
    topic = art.positions["topic_id"].value_counts().index[0]
    question = art.topics.set_index("topic_id").loc[topic, "question"]
    assert f"{markup.escape(question, quote=False)}</b>" in html
    assert "China on Taking a side: oppose" in html  # the stance grid, as a table


def test_no_errors_in_the_page(handout):
    _, html = handout
    assert 'data-mime-type="application/vnd.jupyter.stderr"' not in html  # no error or warning output


def test_every_chart_is_named_and_has_its_data(handout):
    notebook, html = handout
    soup = BeautifulSoup(html, "html.parser")
    charts = soup.select("figure.nc-chart")
    assert len(charts) == count_figures(notebook)
    for chart in charts:
        image = chart.select_one('[role="img"]')
        assert image["aria-label"].startswith("Chart: ") and len(image["aria-label"]) > 20
        assert image.select_one(".plotly-graph-div")
        assert chart.select_one("details.nc-chart-data > summary").get_text() == "Data behind this chart"
        assert chart.select("details.nc-chart-data tbody tr")
    alignment = charts[-1]
    assert "China matches United States on 1" in alignment.select_one('[role="img"]')["aria-label"]
    rows = [[td.get_text() for td in tr.select("td")] for tr in alignment.select("tbody tr")]
    assert ["matches United States (hedged)", "Ukraine's sovereignty", "China"] == rows[2][:3]


# --- Both editions of every lesson, from the committed outputs --------------------------------------

@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_student_edition_hides_every_answer(notebook):
    soup = BeautifulSoup(page_of(notebook, "student"), "html.parser")
    answers = soup.select("details.answer")
    assert len(answers) == sum("<details>" in c.source for c in nbformat.read(notebook, as_version=4).cells
                               if c.cell_type == "markdown")
    assert all(not d.has_attr("open") for d in answers)
    for text in answer_texts(notebook):
        where = soup.find(string=re.compile(re.escape(text)))
        assert where is not None, text
        assert where.find_parent("details", class_="answer") is not None, f"{text!r} is outside its <details>"


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_teacher_edition_shows_every_answer(notebook):
    soup = BeautifulSoup(page_of(notebook, "teacher"), "html.parser")
    answers = soup.select("details.answer")
    assert all(d.has_attr("open") for d in answers)
    for text in answer_texts(notebook):
        assert soup.find(string=re.compile(re.escape(text))).find_parent("details", open=True) is not None


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_no_run_the_cell_in_a_handout(notebook):
    for edition in EDITIONS:
        text = visible_text(page_of(notebook, edition))
        assert not re.search(r"run the cell", text, re.I), edition
        assert "Put your answer" not in text  # the self-checks' verdicts are left out


def test_the_editions_say_which_they_are():
    student, teacher = (page_of(NOTEBOOKS[1], e) for e in EDITIONS)
    assert "Student edition" in student and "(student edition)</title>" in student
    assert "Teacher edition" in teacher and "(teacher edition)</title>" in teacher


def test_live_wording_is_adapted():
    lessons = "\n".join(c.source for n in NOTEBOOKS for c in nbformat.read(n, as_version=4).cells
                        if c.cell_type == "markdown")
    for live, printed in LIVE_WORDING:
        assert live in lessons, f"LIVE_WORDING has {live!r}, which no lesson says any more: update the table"
        assert printed.startswith("In the live notebook")
    page = visible_text(page_of(NOTEBOOKS[[n.stem for n in NOTEBOOKS].index("04_positions")], "student"))
    assert "In the live notebook, click a square (or choose below)" in page


def test_live_only_cells_are_left_out():
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("# A lesson"),
        nbformat.v4.new_markdown_cell("Drag the slider.", metadata={"tags": [LIVE_ONLY]}),
        nbformat.v4.new_markdown_cell("Read the table."),
    ])
    for edition in EDITIONS:
        sources = [c.source for c in for_print(nb, edition).cells]
        assert sources == ["# A lesson", "Read the table."]
    with pytest.raises(ValueError, match="editions are student, teacher"):
        for_print(nb, "parent")


def test_the_data_table_escapes_every_string():
    figure = {"data": [{"type": "bar", "name": "<b>mentions</b> & more", "orientation": "h",
                        "x": {"dtype": "i1", "bdata": "AgM="}, "y": ["&lt;img src=x&gt;", "Wang Yi"],
                        "customdata": ["<script>alert(1)</script>", "a &amp; b"],
                        "hovertemplate": "%{y}: %{x} times<br>%{customdata}<extra></extra>"}],
              "layout": {"title": {"text": "Who <i>is</i> named<br><sup>a &lt;sub&gt;title</sup>"},
                         "xaxis": {"title": {"text": "count"}}, "yaxis": {"title": {"text": "actor"}}}}
    table = data_table(figure)
    assert "<script" not in table and "<img" not in table and "<b>" not in table
    soup = BeautifulSoup(table, "html.parser")
    assert [th.get_text() for th in soup.select("th")] == ["series", "count", "actor", "details (as shown on hover)"]
    rows = [[td.get_text("\n") for td in tr.select("td")] for tr in soup.select("tbody tr")]
    assert rows[0] == ["mentions & more", "2", "<img src=x>", "<img src=x>: 2 times\nalert(1)"]
    assert rows[1] == ["mentions & more", "3", "Wang Yi", "Wang Yi: 3 times\na & b"]
    assert soup.caption.get_text() == "Who is named"
    chart = chart_html(figure, 7)
    assert 'aria-label="Chart: Who is named. a &lt;sub&gt;title"' in chart and 'id="nc-chart-7"' in chart


def test_an_empty_chart_has_a_name_and_no_table():
    figure = {"data": [], "layout": {"title": {"text": "No positions coded yet<br><sup>Code some.</sup>"}}}
    assert data_table(figure) == ""
    assert "Data behind this chart" not in chart_html(figure)
    assert 'aria-label="Chart: No positions coded yet. Code some."' in chart_html(figure)


def test_the_stylesheet_colours_reach_aa():
    for name, colour in CODE_COLOURS.items():
        assert contrast(colour, "#F5F5F5") >= 4.5, name  # code cells' background
        assert f"--jp-mirror-editor-{name}-color: {colour};" in handouts.STYLE
    assert contrast(PROMPT_COLOUR, "#FFFFFF") >= 4.5
