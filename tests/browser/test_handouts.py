"""A handout, opened with no network at all, shows every chart."""

from __future__ import annotations

import pytest

from newsclaims.handouts import make_handout

from .conftest import ROOT, SCREENSHOTS
from .test_lessons import plotly_outputs

pytestmark = pytest.mark.browser


def test_handout_charts_render_offline(tmp_path, page):
    notebook = ROOT / "notebooks" / "04_positions.ipynb"
    path = make_handout(notebook, tmp_path)
    page.route("**/*", lambda route: route.abort() if route.request.url.startswith("http") else route.continue_())
    page.goto(path.as_uri())
    page.wait_for_timeout(3000)
    charts = page.locator(".js-plotly-plot")
    assert charts.count() == plotly_outputs(notebook)
    for i in range(charts.count()):
        assert charts.nth(i).locator("svg.main-svg").count() > 0
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "handout_04_positions.png"))
