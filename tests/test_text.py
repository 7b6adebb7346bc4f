"""Paragraphs, mentions and HTML highlighting."""

from __future__ import annotations

import pandas as pd

from newsclaims import text


def test_paragraphs_ignore_extra_blank_lines():
    paras = text.paragraphs("One.\n\n\nTwo\nstill two.\n\nThree.")
    assert paras["text"].tolist() == ["One.", "Two\nstill two.", "Three."]
    assert paras["start"].tolist() == [0, 7, 23]


def test_find_mentions_whole_words_longest_first():
    aliases = pd.DataFrame({"actor_id": ["china", "ecnu", "us"],
                            "alias": ["China", "East China Normal University", "US"]})
    doc = "China and East China Normal University; USA is not US-led."
    found = text.find_mentions(doc, aliases)
    assert found[["actor_id", "alias", "start"]].values.tolist() == [
        ["china", "China", 0], ["ecnu", "East China Normal University", 10], ["us", "US", 51]]


def test_highlight_escapes_and_nests():
    doc = "Wang said <b>no</b> & left."
    marks = [{"start": 0, "end": 19, "style": "background:yellow", "title": 'say "x" <i>', "layer": 0},
             {"start": 0, "end": 4, "style": "font-weight:bold", "title": "Wang", "layer": 1}]
    out = text.highlight(doc, 0, len(doc), marks)
    assert "<b>no</b>" not in out and "&lt;b&gt;no&lt;/b&gt;" in out
    assert out.endswith(" &amp; left.")
    assert 'title="say &quot;x&quot; &lt;i&gt;"' in out
    # the outer mark wraps the inner one where both apply, and the inner tooltip carries both titles
    outer = '<span style="background:yellow" title="say &quot;x&quot; &lt;i&gt;">'
    inner = '<span style="font-weight:bold" title="say &quot;x&quot; &lt;i&gt;\n\nWang">Wang</span>'
    assert out.startswith(outer + inner + "</span>")


def test_highlight_clips_to_the_range():
    out = text.highlight("abcdef", 2, 4, [{"start": 0, "end": 3, "style": "s", "title": "t"}])
    assert out == '<span style="s" title="t">c</span>d'


def test_tooltip_marks_resolved_dates():
    row = {"statement_id": "x", "actor_id": "a", "form": "direct", "cue": "said",
           "said_on": pd.Timestamp("2022-02-21"), "said_on_text": "Monday", "said_on_basis": "resolved",
           "setting": None, "via": "r", "addressee_id": None}
    tip = text.statement_tooltip(row, {"a": "Ann", "r": "a readout"})
    assert "Mon 21 Feb 2022 (resolved from 'Monday')" in tip
    assert "via: a readout" in tip and tip.startswith("x: Ann")


def test_an_empty_cell_is_escaped_to_nothing_not_nan():
    from newsclaims.text import esc

    assert [esc(v) for v in (float("nan"), None, pd.NA, "a <b>", 0.5)] == ["", "", "", "a &lt;b&gt;", "0.5"]
