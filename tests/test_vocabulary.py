"""One vocabulary: forms, stances, kinds and the other enums come from datapackage.json.

A value added to an enum in the descriptor (and used in the data) is drawn, listed and
counted everywhere, in a neutral grey under its own name until the palette gives it a
colour; the code that gives values a meaning (stance scores, DNA's agreement) is held
to the descriptor here, so that a new value fails a test that says what to add.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import newsclaims as nc
from newsclaims import analysis as an
from newsclaims import charts, coding, data, export, palette, reliability, widgets

from conftest import read_rows, write_rows

NEW_FORM, NEW_STANCE, NEW_KIND, NEW_BASIS = "quotation", "unclear", "party", "reported"


def enum(folder: Path, table: str, field: str) -> list[str]:
    """A field's enum, read from the descriptor as JSON."""
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    resource = next(r for r in descriptor["resources"] if r["name"] == table)
    return next(f for f in resource["schema"]["fields"] if f["name"] == field)["constraints"]["enum"]


def with_value(folder: Path, table: str, field: str, value: str, where: dict[str, str]) -> Path:
    """The data folder with ``value`` added to the field's enum, and the row matching ``where`` given it."""
    path = folder / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    resource = next(r for r in descriptor["resources"] if r["name"] == table)
    spec = next(f for f in resource["schema"]["fields"] if f["name"] == field)
    spec["constraints"]["enum"].append(value)
    path.write_text(json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    header, rows = read_rows(folder / resource["path"])
    hits = [r for r in rows if all(r[k] == v for k, v in where.items())]
    assert len(hits) == 1, where
    hits[0][field] = value
    write_rows(folder / resource["path"], header, rows)
    return folder


def shown_statements(html: str) -> list[str]:
    return list(dict.fromkeys(re.findall(r'data-statement="([^"]+)"', html)))


def bars(fig) -> dict[str, int]:
    """A stacked bar chart's total per trace, by the trace's name."""
    return {t.name: sum(t.x) for t in fig.data}


# --- The vocabulary, read from the descriptor ----------------------------------------------

def test_vocabulary_is_the_descriptors_enum(data_copy):
    assert data.vocabulary("statements", "form") == tuple(enum(data_copy, "statements", "form"))
    assert data.vocabulary("positions", "stance", data_dir=data_copy) == tuple(enum(data_copy, "positions", "stance"))
    art = nc.load_article()
    assert data.vocabulary("actors", "kind", art) == tuple(enum(data_copy, "actors", "kind"))
    assert data.vocabulary("events", "date_basis", art) == tuple(enum(data_copy, "events", "date_basis"))
    with pytest.raises(KeyError, match="statements.quote has no enum"):
        data.vocabulary("statements", "quote")


def test_vocabulary_follows_the_descriptor_when_it_changes(data_copy):
    assert NEW_FORM not in data.vocabulary("statements", "form", data_dir=data_copy)
    with_value(data_copy, "statements", "form", NEW_FORM, {"statement_id": "cnn22_s01"})
    assert data.vocabulary("statements", "form", data_dir=data_copy)[-1] == NEW_FORM
    # an article's own vocabulary comes with it: the categories its descriptor gave the column
    art = nc.load_article(data_dir=data_copy)
    assert data.vocabulary("statements", "form", art)[-1] == NEW_FORM


def test_a_frame_built_by_hand_keeps_every_value_it_holds():
    art = nc.load_article()
    art.statements = art.statements.astype({"form": str})
    art.statements.loc[0, "form"] = NEW_FORM
    assert data.vocabulary("statements", "form", art) == (*data.vocabulary("statements", "form"), NEW_FORM)


# --- Meanings given in code cover the descriptor's values exactly ----------------------------

MEANINGS = {
    "analysis.SCORE (stance scores)": (an.SCORE, "positions", "stance"),
    "export.AGREEMENT (DNA's agreement; None leaves a stance out)": (export.AGREEMENT, "positions", "stance"),
    "widgets.ANSWERS (the answer to a topic's question)": (widgets.ANSWERS, "positions", "stance"),
}


@pytest.mark.parametrize("name", sorted(MEANINGS))
def test_meanings_in_code_cover_the_vocabulary(name):
    mapping, table, field = MEANINGS[name]
    values = data.vocabulary(table, field)
    missing = [v for v in values if v not in mapping]
    extra = [v for v in mapping if v not in values]
    assert not missing, f"datapackage.json lists {table}.{field} {missing}: add them to {name}"
    assert not extra, f"{name} gives {extra} a meaning, but datapackage.json's {table}.{field} does not list them"


# Single values the code names: each must still be in the descriptor's enum
NAMED = [("export (DNA's person column)", "person", "actors", "kind"),
         ("charts.forms_by_actor's title", "direct", "statements", "form"),
         ("charts.forms_by_actor's title", "paraphrase", "statements", "form"),
         ("text.statement_tooltip", "resolved", "statements", "said_on_basis"),
         *[("data._event_problems", v, "events", "date_basis") for v in ("stated", "resolved", "inferred")],
         *[("data._event_problems", v, "events", "date_precision") for v in ("month", "year")],
         *[("data._passage_problems", v, "source_passages", "fidelity") for v in (*data.COMPARED, data.NOT_FOUND)],
         ("sources.fidelity_chart's title", "verbatim", "source_passages", "fidelity"),
         ("sources.fidelity_chart's title", "altered", "source_passages", "fidelity")]


@pytest.mark.parametrize("where, value, table, field", NAMED)
def test_values_named_in_code_are_in_the_vocabulary(where, value, table, field):
    assert value in data.vocabulary(table, field), \
        f"{where} names {value!r}, which datapackage.json's {table}.{field} no longer lists"


def test_mixed_is_not_a_coded_stance():
    # mixed is derived (stance_matrix), never coded: a coded stance of that name would be taken for it
    assert an.MIXED not in data.vocabulary("positions", "stance"), \
        f"{an.MIXED!r} is a coded stance and analysis.MIXED, the combined stance of one who supports and opposes"


# --- One descriptor edit adds a value --------------------------------------------------------

def test_a_new_form_is_shown_and_counted_everywhere(data_copy, tmp_path):
    art = nc.load_article(data_dir=with_value(data_copy, "statements", "form", NEW_FORM,
                                              {"statement_id": "cnn22_s01"}))
    n = len(art.statements)
    html = widgets.statements_html(art)
    assert f"<b>{n}</b> of {n} statements match" in html
    assert len(shown_statements(html)) == n
    assert NEW_FORM in widgets.legend_html(art)
    assert f"<b>1</b> of {n}" in widgets.statements_html(art, form=NEW_FORM)
    assert shown_statements(widgets.reader_html(art, ["zhang_jun"]))[0] == "cnn22_s01"
    assert "cnn22_s01" in widgets.actor_card_html(art, "zhang_jun")

    by_actor = bars(charts.forms_by_actor(art))
    assert sum(by_actor.values()) == n and by_actor[NEW_FORM] == 1
    assert list(by_actor) == [*data.vocabulary("statements", "form"), NEW_FORM]  # the legend, in the descriptor's order
    colour = next(t for t in charts.forms_by_actor(art).data if t.name == NEW_FORM).marker.color
    assert colour == palette.FALLBACK  # no colour of its own yet: a neutral grey
    assert sum(bars(charts.cues_chart(art)).values()) == n

    explorer = widgets.statement_explorer(art)
    form = next(d for d in _all(explorer) if getattr(d, "description", "") == "Form")
    assert (NEW_FORM, NEW_FORM) in form.options
    form.value = NEW_FORM
    assert shown_statements(explorer.children[-1].value) == ["cnn22_s01"]

    box = coding.coding_widget(art, coding.CodingStore("ana", art.article_id, tmp_path))
    assert (NEW_FORM, NEW_FORM) in box.ask["form"].options
    assert an.voice_share(art)["statements"].sum() == n
    assert an.positions_table(art)["form"].astype(str).eq(NEW_FORM).any()
    reference = reliability.reference_coding(art)
    assert NEW_FORM in set(reference["form"])
    charts_ok = charts.confusion_chart(reference.drop_duplicates("statement_id"), reference, "form")
    assert NEW_FORM in list(charts_ok.data[0].x)


def test_a_colour_for_the_new_form_is_used(data_copy, monkeypatch):
    art = nc.load_article(data_dir=with_value(data_copy, "statements", "form", NEW_FORM,
                                              {"statement_id": "cnn22_s01"}))
    monkeypatch.setitem(palette.FORM, NEW_FORM, palette.OKABE_ITO["reddish purple"])
    monkeypatch.setitem(palette.FORM_TEXT, NEW_FORM, palette.OKABE_ITO_TEXT["reddish purple"])
    monkeypatch.setitem(palette.FORM_TINT, NEW_FORM, "#F0D0E2")
    trace = next(t for t in charts.forms_by_actor(art).data if t.name == NEW_FORM)
    assert trace.marker.color == palette.OKABE_ITO["reddish purple"]
    html = widgets.statements_html(art, form=NEW_FORM)
    assert "background:#F0D0E2" in html and f"color:{palette.OKABE_ITO_TEXT['reddish purple']}" in html
    assert "background:#F0D0E2" in widgets.legend_html(art)


def test_a_new_stance_is_shown_and_counted_everywhere(data_copy, tmp_path):
    where = {"statement_id": "cnn22_s01", "topic_id": "peaceful_means"}
    art = nc.load_article(data_dir=with_value(data_copy, "positions", "stance", NEW_STANCE, where))
    m = an.stance_matrix(art, "holder")
    assert m[NEW_STANCE].sum() == 1
    assert list(m.columns[m.columns.get_loc("n") + 1:-1]) == [*data.vocabulary("positions", "stance"), NEW_STANCE]
    assert m[list(data.vocabulary("positions", "stance", art))].to_numpy().sum() == len(art.positions)
    assert m["n"].sum() == len(art.positions) and m["stance"].notna().all()
    cell = m[(m["who"] == "zhang_jun") & (m["topic_id"] == "peaceful_means")].iloc[0]
    assert cell[NEW_STANCE] == 1
    # a stance without a score takes no side: alone it stands for itself, beside others it does not count
    combined = {(NEW_STANCE,): NEW_STANCE, ("support", NEW_STANCE): "support", (NEW_STANCE, "neutral"): "neutral",
                ("oppose", NEW_STANCE, "support"): an.MIXED}
    assert {given: an._combined(list(given)) for given in combined} == combined

    heat = charts.stance_heatmap(art, "holder")
    assert sum(len(t.x) for t in heat.data) == len(m)
    assert f"{NEW_STANCE} " in heat.layout.title.text  # named in the key, with its name as its symbol
    grid, buttons = widgets.stance_grid(art, "holder")
    assert len([b for b in buttons.values() if b.description != "·"]) == len(m)
    assert NEW_STANCE in widgets.topic_html(art, "peaceful_means", "holder")
    assert NEW_STANCE in widgets.evidence_html(art, "zhang_jun", "peaceful_means", "holder")
    widgets.stance_explorer(art)
    assert len(an.affiliation_network(art, "holder").edges) == len(m)
    for chart in (charts.affiliation_chart, charts.congruence_chart, charts.conflict_chart, charts.alignment_chart):
        chart(art)
    dna = export.dna_table(art)
    assert len(dna) == int(art.positions["stance"].map(export.AGREEMENT).notna().sum())  # DNA has no "unclear"
    box = coding.coding_widget(art, coding.CodingStore("ana", art.article_id, tmp_path))
    assert (NEW_STANCE, NEW_STANCE) in box.ask["stance"].options


def test_a_new_kind_and_date_basis_are_drawn(data_copy):
    with_value(data_copy, "actors", "kind", NEW_KIND, {"actor_id": "nato"})
    art = nc.load_article(data_dir=with_value(data_copy, "events", "date_basis", NEW_BASIS,
                                              {"event_id": _first_event(data_copy)}))
    kinds = charts.actor_kinds_chart(art)
    assert sum(kinds.data[0].x) == len(art.actors) and NEW_KIND in kinds.data[0].y
    charts.affiliation_chart(art)
    timeline = charts.timeline(art, since=None)
    assert sum(len(t.x) for t in timeline.data if t.name.startswith("event")) == len(art.events)
    assert f"event, date {NEW_BASIS}" in [t.name for t in timeline.data]


def _first_event(folder: Path) -> str:
    return read_rows(folder / "events.csv")[1][0]["event_id"]


def _all(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _all(child)
