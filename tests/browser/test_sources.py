"""The source explorer in chromium, on the code-free page (make app): pick a statement, read it beside its source.

The page is also checked against WCAG 2.1 AA with axe-core once the comparison is shown, so that the
marks of what the article adds, leaves out and changes are read by their labels, not by colour alone.
"""

from __future__ import annotations

import pytest

import newsclaims as nc

from .conftest import AXE, SCREENSHOTS, axe_violations, describe, serious

pytestmark = pytest.mark.browser


def label_of(statement_id: str) -> str:
    """The drop-down's label for a statement, as the explorer writes it."""
    box = nc.sources.source_explorer(nc.load_article())
    return next(label for label, value in box.children[0].options if value == statement_id)


def open_explorer(app, page):
    """The app page, offline beyond its own server; the source explorer's box once drawn."""
    local = app.rstrip("/")
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(local)
               or not route.request.url.startswith("http") else route.abort())
    page.goto(app)
    explorer = page.locator(".widget-box", has_text="In the source").last
    explorer.wait_for(timeout=90_000)
    return explorer


def show(page, explorer, statement_id: str, text: str) -> None:
    explorer.locator("select").first.select_option(label=label_of(statement_id))
    page.wait_for_selector(f"text={text}", timeout=30_000)


def test_source_explorer_shows_a_statement_beside_its_source(app, page):
    explorer = open_explorer(app, page)
    try:
        assert "Error displaying widget" not in page.content()
        show(page, explorer, "cnn22_s24", "a form made to fit its own sentence")
        view = explorer.locator("div[data-statement='cnn22_s24']").first
        # the article's sentence and the source's passage, side by side
        article_side = view.locator("h4", has_text="In the article").bounding_box()
        source_side = view.locator("h4", has_text="In the source").bounding_box()
        assert article_side["x"] < source_side["x"] and abs(article_side["y"] - source_side["y"]) < 5
        assert "The sides oppose further enlargement of NATO" in view.inner_text()
        # the change inside the quotation marks: a del and an ins, each with its words and a text label
        changed = view.locator("ins", has_text="opposing")
        assert changed.count() == 1
        assert changed.inner_text().startswith("article, inside the quotation marks:")
        assert view.locator("del", has_text="oppose").first.inner_text().startswith("source:")
        assert view.locator("del", has_text="left out:").count() == 1
        # the source's kind, date and link
        text = view.inner_text()
        assert "joint statement" in text and "4 February 2022" in text
        assert view.locator("a[href='http://en.kremlin.ru/supplement/5770']").count() == 1
        # a date the source contradicts
        show(page, explorer, "cnn22_s10", "Dates differ")
        assert "Error displaying widget" not in page.content()
        show(page, explorer, "cnn22_s24", "a form made to fit its own sentence")
    finally:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        explorer.screenshot(path=str(SCREENSHOTS / "source_explorer.png"))


@pytest.mark.skipif(not AXE.exists(), reason=f"accessibility test skipped: {AXE} is missing; install node and "
                                             "npm, then run: make axe")
def test_source_explorer_has_no_serious_violations(app, page):
    explorer = open_explorer(app, page)
    show(page, explorer, "cnn22_s24", "a form made to fit its own sentence")
    found = serious(axe_violations(page))
    assert not found, f"the app page with a statement beside its source:\n{describe(found)}"
