"""WCAG 2.1 AA in chromium: axe-core finds no serious or critical violation on any handout
(both editions) or on the `make app` page.

axe-core comes from node_modules/ (`make axe` runs npm ci); without it these tests
are skipped and say so. A failure prints each violation, with the first elements
it was found on.
"""

from __future__ import annotations

import pytest

from newsclaims.handouts import EDITIONS

from .conftest import AXE, LESSONS, axe_violations, describe, offline, serious

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not AXE.exists(), reason=f"accessibility tests skipped: {AXE} is missing; "
                                                          "install node and npm, then run: make axe")]


@pytest.mark.parametrize("edition", EDITIONS)
@pytest.mark.parametrize("notebook", LESSONS, ids=lambda p: p.stem)
def test_handout_has_no_serious_violations(handouts, page, notebook, edition):
    offline(page)
    page.goto((handouts / edition / f"{notebook.stem}.html").as_uri())
    # every chart drawn, so that axe sees the page as a reader does
    page.wait_for_function("() => [...document.querySelectorAll('.plotly-graph-div')]"
                           ".every(d => d.querySelector('svg.main-svg'))", timeout=30_000)
    found = serious(axe_violations(page))
    assert not found, f"{edition}/{notebook.stem}.html:\n{describe(found)}"


def test_app_page_has_no_serious_violations(app, page):
    local = app.rstrip("/")
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(local)
               or not route.request.url.startswith("http") else route.abort())
    page.goto(app)
    # every explorer drawn: the reader, the statements, the stance grid, the topics
    page.wait_for_selector("text=Ctrl- or Cmd-click", timeout=90_000)
    page.wait_for_selector("text=of 37 statements match", timeout=60_000)
    page.wait_for_selector("button[title='China on Condemning Russia: neutral (hedged)']", timeout=60_000)
    page.wait_for_selector("text=Yes (support)", timeout=60_000)
    found = serious(axe_violations(page))
    assert not found, f"the app page as it opens:\n{describe(found)}"
    # and with the evidence for a square shown
    page.locator("button[title='China on Condemning Russia: neutral (hedged)']").click()
    page.wait_for_selector("text=China on Condemning Russia: Should Russia be condemned for its actions in Ukraine?")
    found = serious(axe_violations(page))
    assert not found, f"the app page with the evidence for a square:\n{describe(found)}"
