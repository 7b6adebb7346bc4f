"""Explorers driven headless: set a selector, then check what the widget shows."""

from __future__ import annotations

import ipywidgets as w

from newsclaims import widgets
from newsclaims.palette import STANCE
from newsclaims.text import esc

from conftest import DANGEROUS


def shown_statements(html: str) -> list[str]:
    """The statement ids that carry a highlight in the HTML, in order, without repeats."""
    import re
    return list(dict.fromkeys(re.findall(r'data-statement="([^"]+)"', html)))


def find(widget: w.Widget, kind: type, description: str | None = None) -> w.Widget:
    """The first child widget of a type (and description), searching depth first."""
    if isinstance(widget, kind) and (description is None or widget.description == description):
        return widget
    for child in getattr(widget, "children", ()):
        try:
            return find(child, kind, description)
        except LookupError:
            continue
    raise LookupError(f"no {kind.__name__} {description or ''}")


def view_of(box: w.Widget) -> w.HTML:
    return [c for c in box.children if isinstance(c, w.HTML)][-1]


def test_reader_highlights_the_chosen_actors(art):
    box = widgets.reader(art)
    view, picker = view_of(box), find(box, w.SelectMultiple)
    assert shown_statements(view.value) == []
    picker.value = ("david_sacks",)
    assert shown_statements(view.value) == ["cnn22_s18", "cnn22_s19", "cnn22_s20", "cnn22_s21"]
    assert "David Sacks</b>: 2 mentions, 4 statements" in view.value
    assert 'data-actor="david_sacks"' in view.value and 'data-actor="wang_yi"' not in view.value
    picker.value = ("david_sacks", "wang_yi")
    assert len(shown_statements(view.value)) == 10
    assert art.meta["url"] in view.value  # the text is credited


def test_reader_hover_shows_the_coded_fields(art):
    html = widgets.reader_html(art, ["zhang_jun"])
    s02 = html[html.index('data-statement="cnn22_s02"') - 600: html.index('data-statement="cnn22_s02"')]
    assert "form: paraphrase" in s02 and "cue: stopped short of" in s02
    assert "resolved from &#x27;on Monday&#x27;" in s02
    assert "Condemning Russia: neutral (hedged)" in s02


def test_statement_explorer_filters(art):
    box = widgets.statement_explorer(art)
    view = view_of(box)
    assert "<b>37</b> of 37" in view.value
    find(box, w.Dropdown, "Form").value = "direct"
    assert "<b>12</b> of 37" in view.value
    find(box, w.Dropdown, "Speaker").value = "wang_yi"
    assert shown_statements(view.value) == ["cnn22_s17", "cnn22_s30", "cnn22_s31", "cnn22_s32"]
    find(box, w.Dropdown, "Topic").value = "sovereignty"
    assert shown_statements(view.value) == ["cnn22_s17"]
    find(box, w.Dropdown, "Speaker").value = widgets.ANY
    find(box, w.Dropdown, "Setting").value = "Blinken–Wang call"
    assert shown_statements(view.value) == ["cnn22_s28"]  # the readout's direct quote


def test_statement_explorer_dropdowns_always_show_a_value(art):
    box = widgets.statement_explorer(art)
    dropdowns = {d.description: d for d in (find(box, w.Dropdown, n) for n in ("Speaker", "Form", "Topic", "Setting"))}
    # at start, each shows what it filters on, not a blank
    assert {n: d.label for n, d in dropdowns.items()} == {
        "Speaker": "any speaker", "Form": "any form", "Topic": "any topic", "Setting": "any setting"}
    assert all(d.index == 0 and d.value == widgets.ANY for d in dropdowns.values())
    # chosen again after a filter, "any" is shown again, and the filter is off
    dropdowns["Form"].value = "direct"
    dropdowns["Form"].index = 0
    assert dropdowns["Form"].label == "any form" and "<b>37</b> of 37" in view_of(box).value
    assert all(label for d in dropdowns.values() for label, _ in d.options)  # no blank option
    assert "<b>Speaker:</b> any speaker" in box.static_html()
    # the longest setting fits its drop-down
    assert dropdowns["Setting"].layout.width == "28em"


def test_actor_explorer(art):
    box = widgets.actor_explorer(art)
    pick, view = find(box, w.Dropdown), view_of(box)
    pick.value = "david_sacks"
    assert "a research fellow at the Council on Foreign Relations in New York" in view.value
    assert shown_statements(view.value) == ["cnn22_s18", "cnn22_s19", "cnn22_s20", "cnn22_s21"]
    pick.value = "ukraine"
    assert "15 times" in view.value and "No statements" in view.value
    assert ("Ukraine (15 mentions, 0 statements)", "ukraine") in pick.options
    assert ("North Korea (1 mention, 0 statements)", "north_korea") in pick.options
    pick.value = "china"
    # its own statements, then the stances others report for it
    assert shown_statements(view.value)[:2] == ["cnn22_s11", "cnn22_s16"]
    assert "14 stances others report for China" in view.value and "cnn22_s25" in view.value
    assert "Why: Implied: Yu Bin, China &#x27;shared concerns over NATO&#x27;" in view.value


def grid_of(box: w.Widget) -> w.GridBox:
    return find(box, w.GridBox)


def test_stance_explorer_dropdowns_and_clicks(art):
    box = widgets.stance_explorer(art)
    view = evidence_of(box)
    who, topic = find(box, w.Dropdown, "Actor"), find(box, w.Dropdown, "Topic")
    who.value, topic.value = "china", "nato_enlargement"
    assert shown_statements(view.value) == ["cnn22_s24", "cnn22_s25", "cnn22_s26"]
    assert "Why: " in view.value and "Should NATO enlarge further?" in view.value
    # a click on the United States' square for "Taking a side"
    button = next(b for b in grid_of(box).children if isinstance(b, w.Button)
                  and b.tooltip == "United States on Taking a side: support")
    changes = []
    view.observe(changes.append, names="value")
    button.click()
    assert len(changes) == 1  # both dropdowns change, the evidence is drawn once
    assert (who.value, topic.value) == ("united_states", "take_sides")
    assert shown_statements(view.value) == ["cnn22_s34", "cnn22_s35", "cnn22_s36", "cnn22_s37"]


def evidence_of(box: w.Widget) -> w.HTML:
    """The stance explorer's evidence box: the HTML beside the grid."""
    row = box.children[0]
    assert isinstance(row, w.HBox)
    return row.children[1]


def marked(box: w.Widget) -> list[str]:
    return [b.tooltip for b in grid_of(box).children if isinstance(b, w.Button) and "nc-selected" in b._dom_classes]


def test_stance_explorer_marks_the_square_shown(art):
    box = widgets.stance_explorer(art)
    # the first evidence shown: the square with the most statements behind it
    assert marked(box) == ["China on China–Russia alignment: mixed (evidence shown)"]
    buttons = [b for b in grid_of(box).children if isinstance(b, w.Button)]
    us = next(b for b in buttons if b.tooltip == "United States on Taking a side: support")
    look = us.layout
    us.click()
    assert marked(box) == ["United States on Taking a side: support (evidence shown)"]
    assert us.description == "▸✓" and us.layout.border == "3px solid #000000"
    assert us.style.button_color == STANCE["support"]  # still the stance's colour
    # the dropdowns move the mark too, and the square left behind looks as before
    find(box, w.Dropdown, "Actor").value = "china"
    assert marked(box) == ["China on Taking a side: oppose (evidence shown)"]
    assert us.description == "✓" and us.layout is look and us.tooltip == "United States on Taking a side: support"
    # an empty square can be shown and marked too
    find(box, w.Dropdown, "Topic").value = "invasion_threat"
    assert marked(box) == ["China on Invasion threat: not in the article (evidence shown)"]
    assert "the article does not say" in evidence_of(box).value
    # the static page marks it with its black border
    assert "border:2px solid #000000" in box.static_html()


def test_stance_explorer_shows_the_evidence_beside_the_grid(art):
    box = widgets.stance_explorer(art)
    row = box.children[0]
    assert isinstance(row, w.HBox) and row.layout.flex_flow == "row wrap"  # beside, or under when narrow
    left, view = row.children
    assert grid_of(left) is not None and find(left, w.Dropdown, "Actor")
    # no taller than the grid and its key: in view after a click on a 768-pixel screen
    assert view.layout.max_height == "30em" and view.layout.overflow == "auto"


def test_stance_grid_matches_the_matrix(art):
    _, buttons = widgets.stance_grid(art)
    assert buttons[("china", "nato_enlargement")].description == "✗"
    hedged = buttons[("china", "condemn_russia")]
    assert hedged.description == "○" and hedged.style.button_color == "white"  # outlined: hedged
    assert buttons[("china", "china_russia_alignment")].description == "±"
    assert buttons[("united_states", "minsk")].description == "·"  # the article does not say
    assert len(buttons) == 5 * 11  # China, Russia, the United States, the West, the European Commission


def test_evidence_for_an_empty_cell(art):
    html = widgets.evidence_html(art, "ukraine", "minsk")
    assert "the article does not say" in html


def test_topic_explorer(art):
    box = widgets.topic_explorer(art)
    pick, view = find(box, w.Dropdown), view_of(box)
    pick.value = "condemn_russia"
    assert "Should Russia be condemned for its actions in Ukraine?" in view.value
    yes, no, neither = (view.value.index(h) for h in ("Yes (support)", "No (oppose)", "Neither (neutral)"))
    assert yes < view.value.index("United States") < no < view.value.index("Russia</b>") < neither
    assert view.value.index("China</b>") > neither


def test_widgets_escape_html_from_the_data(doctored):
    pages = [widgets.reader_html(doctored, ["david_sacks", "wang_yi"]),
             widgets.actor_card_html(doctored, "wang_yi"),
             widgets.statements_html(doctored),
             widgets.evidence_html(doctored, "china", "nato_enlargement"),
             widgets.topic_html(doctored, "nato_enlargement")]
    for html in pages:
        assert "<script" not in html and "<img" not in html and "<b>friends" not in html
    assert esc(DANGEROUS["text"][1]) in pages[0]
    assert esc(DANGEROUS["name"]) in pages[1]
    assert esc(DANGEROUS["note"]) in pages[3] and esc(DANGEROUS["label"]) in pages[4]
