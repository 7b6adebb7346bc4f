"""The explorers in JupyterLab on a 1366x768 screen, used as a student would.

Lesson 04: scroll to the stance grid, click a square; the square is marked and the
evidence box lies wholly in the window, with no scrolling. Lesson 03: no drop-down
of the statement explorer shows an empty label, at start or after "any" is chosen
again.
"""

from __future__ import annotations

import re

import pytest

from .conftest import SCREENSHOTS
from .test_lessons import run_all

pytestmark = pytest.mark.browser

SCREEN = {"width": 1366, "height": 768}


@pytest.fixture
def small_page(browser):
    context = browser.new_context(viewport=SCREEN)
    page = context.new_page()
    yield page
    context.close()


def settle_at_top(page, element, tries: int = 20) -> None:
    """Scroll element to the top of the window until the layout around it stops moving."""
    last = None
    for _ in range(tries):
        element.evaluate("e => e.scrollIntoView({block: 'start'})")
        page.wait_for_timeout(250)
        box = element.bounding_box()
        here = box and round(box["y"])
        if here is not None and here == last:
            return
        last = here


def shot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))


def test_stance_grid_marks_the_click_and_shows_the_evidence_in_view(lab, small_page):
    page = small_page
    base, token, _ = lab
    run_all(page, base, token, "04_positions.ipynb")
    try:
        square = page.locator("button[title='Russia on NATO enlargement: oppose']")
        grid = page.locator(".widget-gridbox", has=square)
        grid.scroll_into_view_if_needed()
        settle_at_top(page, grid)  # the grid at the top, as a student scrolls, once the charts above are drawn
        square.click()
        page.wait_for_selector("button[title='Russia on NATO enlargement: oppose (evidence shown)']")
        clicked = page.locator("button[title='Russia on NATO enlargement: oppose (evidence shown)']")
        # where the student left the grid, should anything above have moved
        settle_at_top(page, page.locator(".widget-gridbox", has=clicked))
        assert "nc-selected" in (clicked.get_attribute("class") or "")
        assert clicked.inner_text().startswith("▸")
        assert page.locator(".widget-gridbox button.nc-selected").count() == 1  # only the one clicked
        evidence = page.locator(".widget-html", has_text="Should NATO enlarge further?").filter(
            has_text="Russia on NATO enlargement").first
        evidence.wait_for()
        box = evidence.bounding_box()
        assert box is not None
        assert box["y"] >= 0 and box["y"] + box["height"] <= SCREEN["height"], f"the evidence is out of view: {box}"
        assert box["x"] >= 0 and box["x"] + box["width"] <= SCREEN["width"], f"the evidence is out of view: {box}"
        # the evidence begins in view: its first line, and the first statement's paragraph
        head = evidence.locator("b", has_text="NATO enlargement").first.bounding_box()
        assert head and 0 <= head["y"] <= SCREEN["height"] - 40
    finally:
        shot(page, "widgets_04_stance_grid_1366x768")


def test_statement_explorer_shows_no_blank_dropdown(lab, small_page):
    page = small_page
    base, token, _ = lab
    run_all(page, base, token, "03_statements.ipynb")
    try:
        area = page.locator(".jp-OutputArea-output:has(select)", has_text="of 37 statements match").first
        selects = area.locator("select")
        assert selects.count() == 4

        def shown() -> list[str]:
            # ipywidgets writes the spaces of option labels as no-break spaces
            return [selects.nth(i).evaluate("s => s.selectedIndex < 0 ? '' : s.options[s.selectedIndex].text")
                    .replace("\xa0", " ") for i in range(selects.count())]

        assert shown() == ["any speaker", "any form", "any topic", "any setting"]
        selects.nth(1).select_option(label="direct")
        page.wait_for_selector("text=12 of 37 statements match")
        selects.nth(1).select_option(label="any form")
        page.wait_for_selector("text=37 of 37 statements match")
        assert shown()[1] == "any form"
        assert all(label.strip() for label in shown())
        labels = selects.nth(3).evaluate("s => [...s.options].map(o => o.text)")
        assert all(re.search(r"\S", label) for label in labels)  # every option has a label
    finally:
        page.locator("select").first.evaluate("e => e.scrollIntoView({block: 'start'})")
        shot(page, "widgets_03_statement_explorer_1366x768")


def test_no_button_label_is_cut_off_in_lesson_05(lab, small_page):
    page = small_page
    base, token, _ = lab
    run_all(page, base, token, "05_code_it_yourself.ipynb")
    try:
        page.get_by_role("button", name="Check this paragraph").first.wait_for()
        cut = page.locator(".jp-OutputArea-output button").evaluate_all(
            "bs => bs.filter(b => b.offsetParent && b.scrollWidth > b.clientWidth + 1).map(b => b.innerText)")
        assert cut == [], f"button labels cut off: {cut}"
    finally:
        shot(page, "widgets_05_buttons_1366x768")
