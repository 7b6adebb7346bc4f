"""Every lesson, run in JupyterLab in chromium: outputs, charts, widgets and explorers."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from .conftest import SCREENSHOTS

pytestmark = pytest.mark.browser

NOTEBOOKS = sorted((Path(__file__).resolve().parents[2] / "notebooks").glob("[0-9][0-9]_*.ipynb"))
PLOTLY = "application/vnd.plotly.v1+json"


def plotly_outputs(path: Path) -> int:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return sum(PLOTLY in o.get("data", {}) for c in cells if c["cell_type"] == "code" for o in c["outputs"])


def run_all(page, base: str, token: str, name: str) -> None:
    """Open a notebook, clear every output, run every cell, wait until all are done."""
    # a workspace of its own, reset, so that no other notebook is open beside this one
    workspace = re.sub(r"\W", "", name)
    page.goto(f"{base}/lab/workspaces/{workspace}/tree/{name}?reset&token={token}")
    page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=90_000)
    page.wait_for_function("() => window.jupyterapp && window.jupyterapp.shell.currentWidget"
                           " && window.jupyterapp.shell.currentWidget.sessionContext"
                           " && window.jupyterapp.shell.currentWidget.sessionContext.session"
                           " && window.jupyterapp.shell.currentWidget.sessionContext.session.kernel"
                           " && window.jupyterapp.shell.currentWidget.sessionContext.session.kernel.status === 'idle'",
                           timeout=90_000)
    page.evaluate("() => window.jupyterapp.commands.execute('notebook:clear-all-cell-outputs')")
    page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
    # every code cell's prompt numbered, and the kernel idle again
    page.wait_for_function("""() => {
        const panel = window.jupyterapp.shell.currentWidget.node;
        const prompts = [...panel.querySelectorAll('.jp-CodeCell .jp-InputArea-prompt')];
        const done = prompts.length > 0 && prompts.every(p => /\\[\\d+\\]/.test(p.textContent));
        const kernel = window.jupyterapp.shell.currentWidget.sessionContext.session.kernel;
        return done && kernel.status === 'idle';
    }""", timeout=180_000, polling=500)
    page.wait_for_timeout(1500)  # let the last outputs and widgets render


def output_with(page, text: str):
    """The widget output that holds this text."""
    return page.locator(".jp-OutputArea-output:has(select)", has_text=text).first


def pick(page, area_text: str, label: str) -> None:
    """Choose an option by its label in the (first) dropdown or list of an output."""
    output_with(page, area_text).locator("select").first.select_option(label=label)


def explore(page, name: str) -> None:
    """Use each explorer in the lesson once, and check that it shows the right thing."""
    if name.startswith("01_"):
        pick(page, "Ctrl- or Cmd-click", "David Sacks")
        page.wait_for_selector("text=David Sacks: 2 mentions, 4 statements")
    elif name.startswith("02_"):
        area = output_with(page, "a research fellow at the Council on Foreign Relations")
        area.locator("select").first.select_option(label="Yu Bin (1 mention, 2 statements)")
        page.wait_for_selector("text=professor of political science at Ohio's Wittenberg University")
    elif name.startswith("03_"):
        area = output_with(page, "of 37 statements match")
        area.locator("select").nth(1).select_option(label="direct")  # Form
        page.wait_for_selector("text=12 of 37 statements match")
    elif name.startswith("05_"):
        area = output_with(page, "Statement 1 of 37")
        for i, label in enumerate(["Zhang Jun", "partial", "Peaceful resolution", "Zhang Jun", "support", "firm"]):
            area.locator("select").nth(i).select_option(label=label)
        area.locator("button", has_text="Save and next").click()
        page.wait_for_selector("text=Statement 2 of 37")
        page.wait_for_selector("text=1 of 37 answered")
    elif name.startswith("04_"):
        page.locator("button[title='United States on Taking a side: support']").click()
        page.wait_for_selector("text=United States on Taking a side: Should every country take a side in the crisis?")
        # the topic explorer opens on the topic with the most positions; pick another
        import newsclaims as nc
        art = nc.load_article()
        topics = art.topics.set_index("topic_id")
        first = art.positions["topic_id"].value_counts().index[0]
        other = "nato_enlargement" if first != "nato_enlargement" else "sovereignty"
        # the explorer's output: the one that shows the first topic's description (the stance grid shows
        # its question too, and has lists of its own)
        area = output_with(page, topics.at[first, "description"][:60])
        area.locator("select").first.select_option(label=topics.at[other, "label"])
        page.wait_for_selector(f"text={topics.at[other, 'question']}")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_lesson_runs_in_jupyterlab(lab, page, path):
    base, token, _ = lab
    run_all(page, base, token, path.name)
    try:
        errors = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
        assert errors.count() == 0, errors.first.inner_text()
        assert "Error displaying widget" not in page.content()
        charts = page.locator(".js-plotly-plot")
        assert charts.count() == plotly_outputs(path)
        for i in range(charts.count()):
            assert charts.nth(i).locator("svg.main-svg").count() > 0, f"chart {i} has no SVG"
        explore(page, path.name)
    finally:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"{re.sub(r'.ipynb$', '', path.name)}.png"))
