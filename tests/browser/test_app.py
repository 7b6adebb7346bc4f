"""The code-free explorer page (make app): Voila on localhost, with no network beyond it."""

from __future__ import annotations

import pytest

from .conftest import SCREENSHOTS

pytestmark = pytest.mark.browser


def test_explorer_page_works_offline(app, page):
    local = app.rstrip("/")
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(local)
               or not route.request.url.startswith("http") else route.abort())
    page.goto(app)
    page.wait_for_selector("text=Ctrl- or Cmd-click", timeout=90_000)
    try:
        assert "Error displaying widget" not in page.content()
        # the reader
        reader = page.locator(".widget-box:has(select[multiple])").first
        reader.locator("select").first.select_option(label="David Sacks")
        page.wait_for_selector("text=David Sacks: 2 mentions, 4 statements")
        # the actor explorer
        actor = page.locator(".widget-box", has_text="(20 mentions, 2 statements)").last
        actor.locator("select").first.select_option(label="Yu Bin (1 mention, 2 statements)")
        page.wait_for_selector("text=professor of political science at Ohio's Wittenberg University")
        # the statement explorer
        statements = page.locator(".widget-box", has_text="of 37 statements match").last
        statements.locator("select").nth(1).select_option(label="direct")
        page.wait_for_selector("text=12 of 37 statements match")
        # the stance grid: a click shows the evidence
        page.locator("button[title='China on Condemning Russia: neutral (hedged)']").click()
        page.wait_for_selector("text=China on Condemning Russia: Should Russia be condemned for its actions"
                               " in Ukraine?")
        # the topic explorer
        topics = page.locator(".widget-box", has_text="Yes (support)").last
        topics.locator("select").first.select_option(label="NATO enlargement")
        page.wait_for_selector("text=Should NATO enlarge further?")
        assert "Error displaying widget" not in page.content()
    finally:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / "app.png"))
