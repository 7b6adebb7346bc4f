"""The handouts in chromium, opened from file:// with no network at all.

Every chart draws from the plotly.min.js beside the pages; in the student
edition every answer is inside a closed <details> and not shown; in the teacher
edition every answer is shown.
"""

from __future__ import annotations

import re

import pytest

from newsclaims.handouts import EDITIONS, PLOTLY_JS

from .conftest import LESSONS, SCREENSHOTS, offline
from .test_lessons import plotly_outputs

pytestmark = pytest.mark.browser

ANSWERS = """() => [...document.querySelectorAll('details.answer')].map(d => ({
    open: d.open,
    summary: d.querySelector(':scope > summary').innerText,
    answer: [...d.childNodes].filter(n => n.nodeName !== 'SUMMARY').map(n => n.textContent).join(' ').trim(),
    shown: [...d.children].filter(c => c.nodeName !== 'SUMMARY').some(c => c.checkVisibility()),
}))"""


def words(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize("edition", EDITIONS)
def test_handout_charts_render_offline(handouts, page, edition):
    notebook = next(n for n in LESSONS if n.stem == "04_positions")
    path = handouts / edition / f"{notebook.stem}.html"
    loaded = []
    page.on("request", lambda request: loaded.append(request.url))
    offline(page)
    page.goto(path.as_uri())
    page.wait_for_function("() => window.Plotly && document.querySelectorAll('.js-plotly-plot svg.main-svg')"
                           ".length > 0", timeout=30_000)
    page.wait_for_timeout(1000)
    charts = page.locator(".js-plotly-plot")
    assert charts.count() == plotly_outputs(notebook)
    for i in range(charts.count()):
        assert charts.nth(i).locator("svg.main-svg").count() > 0, f"chart {i} has no SVG"
    assert (handouts / edition / PLOTLY_JS).as_uri() in loaded  # the one copy beside the pages
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"handout_{edition}_04_positions.png"))


def hidden_answers(notebook) -> int:
    """The lesson's answers: its markdown cells that open with a <details> (outputs, such as a widget's, left out)."""
    import nbformat

    return sum(c.source.lstrip().startswith("<details>") for c in nbformat.read(notebook, as_version=4).cells
               if c.cell_type == "markdown")


@pytest.mark.parametrize("notebook", LESSONS, ids=lambda p: p.stem)
def test_student_edition_hides_the_answers(handouts, page, notebook):
    offline(page)
    page.goto((handouts / "student" / f"{notebook.stem}.html").as_uri())
    answers = page.evaluate(ANSWERS)
    assert len(answers) == hidden_answers(notebook)
    shown = words(page.locator("main").inner_text())  # what a reader sees
    for a in answers:
        assert not a["open"] and a["summary"] == "Show answer"
        assert len(a["answer"]) > 20, "the answer is not inside its <details>"
        assert not a["shown"]
        assert words(a["answer"]) not in shown  # the whole answer (its start may repeat an exercise's skeleton)
    assert not re.search(r"run the cell", page.locator("main").text_content(), re.I)
    if answers:  # a click opens one
        page.locator("details.answer > summary").first.click()
        assert page.evaluate(ANSWERS)[0]["shown"]


@pytest.mark.parametrize("notebook", LESSONS, ids=lambda p: p.stem)
def test_teacher_edition_shows_the_answers(handouts, page, notebook):
    offline(page)
    page.goto((handouts / "teacher" / f"{notebook.stem}.html").as_uri())
    answers = page.evaluate(ANSWERS)
    assert len(answers) == hidden_answers(notebook)
    shown = words(page.locator("main").inner_text())
    for a in answers:
        assert a["open"] and a["shown"]
        assert words(a["answer"])[:80] in shown
