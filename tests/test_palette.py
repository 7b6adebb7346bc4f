"""The palette: every colour used as text reaches WCAG 2.1 AA contrast (4.5:1) on its background."""

from __future__ import annotations

import pytest

from newsclaims import analysis, data, palette
from newsclaims.palette import contrast, text_on

AA = 4.5
TEXT_COLOURS = {f"{table}[{key}]": colour for table in ("OKABE_ITO_TEXT", "STANCE_TEXT", "FORM_TEXT", "KIND_TEXT",
                                                         "FIDELITY_TEXT")
                for key, colour in getattr(palette, table).items()} | {"FALLBACK_TEXT": palette.FALLBACK_TEXT}
FILLS = [*palette.STANCE.values(), *palette.FORM.values(), *palette.KIND.values(), *palette.FORM_TINT.values(),
         *palette.FIDELITY.values(),
         palette.FALLBACK, palette.FALLBACK_TINT]


def test_known_ratios():
    # WCAG's own end points, and the failure the project started from (bluish green on white)
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21)
    assert contrast("#777777", "#777777") == pytest.approx(1)
    assert contrast("#009E73") == pytest.approx(3.42, abs=0.01)
    assert contrast("#FFFFFF", "#0072B2") == contrast("#0072B2", "#FFFFFF")


@pytest.mark.parametrize("name", sorted(TEXT_COLOURS))
def test_text_colours_reach_aa_on_white_and_code_grey(name):
    colour = TEXT_COLOURS[name]
    assert contrast(colour, "#FFFFFF") >= AA, f"{name} {colour} is {contrast(colour):.2f}:1 on white"
    assert contrast(colour, "#F5F5F5") >= AA, f"{name} {colour} is {contrast(colour, '#F5F5F5'):.2f}:1 on #F5F5F5"


def test_text_colours_are_keyed_like_the_colours_they_stand_for():
    assert palette.OKABE_ITO_TEXT.keys() == palette.OKABE_ITO.keys()
    assert palette.STANCE_TEXT.keys() == palette.STANCE.keys() == palette.STANCE_SYMBOL.keys()
    assert palette.FORM_TEXT.keys() == palette.FORM.keys() == palette.FORM_TINT.keys()
    assert palette.KIND_TEXT.keys() == palette.KIND.keys()
    assert palette.FIDELITY_TEXT.keys() == palette.FIDELITY.keys() == palette.FIDELITY_SYMBOL.keys()


def test_text_colours_keep_their_hue():
    # a darker shade of the same colour: each channel scaled down, never another colour
    for name, colour in palette.OKABE_ITO.items():
        light, dark = (palette.luminance(c) for c in (colour, palette.OKABE_ITO_TEXT[name]))
        assert dark <= light
        assert _order(colour) == _order(palette.OKABE_ITO_TEXT[name]), name


def _order(colour: str) -> list[int]:
    """Which channel is strongest, then next: the hue family of a colour."""
    rgb = [int(colour[i:i + 2], 16) for i in (1, 3, 5)]
    return sorted(range(3), key=lambda i: -rgb[i])


@pytest.mark.parametrize("background", FILLS)
def test_text_on_a_filled_colour_reaches_aa(background):
    assert contrast(text_on(background), background) >= AA


# Each mapping of the palette, the descriptor fields whose enums it is keyed by, and values it keys
# beside them (mixed: the combined stance of one who supports and opposes, never coded)
KEYED = {
    "_STANCE": ([("positions", "stance")], [analysis.MIXED]),
    "STANCE_SYMBOL": ([("positions", "stance")], [analysis.MIXED]),
    "_FORM": ([("statements", "form")], []),
    "FORM_TINT": ([("statements", "form")], []),
    "_KIND": ([("actors", "kind")], []),
    "DATE_BASIS_SYMBOL": ([("events", "date_basis"), ("statements", "said_on_basis")], []),
    "_LABEL_KIND": ([("labels", "kind")], []),
    "_SOURCE_TYPE": ([("voices", "source_type")], []),
    "_GENDER": ([("voices", "gender")], []),
    "_FIDELITY": ([("source_passages", "fidelity")], []),
    "FIDELITY_SYMBOL": ([("source_passages", "fidelity")], []),
}


@pytest.mark.parametrize("name", sorted(KEYED))
def test_the_palette_is_keyed_by_the_descriptors_vocabulary(name):
    fields, beside = KEYED[name]
    values = list(dict.fromkeys([v for table, field in fields for v in data.vocabulary(table, field)] + beside))
    keys = getattr(palette, name).keys()
    where = " and ".join(f"{table}.{field}" for table, field in fields)
    missing, extra = [v for v in values if v not in keys], [k for k in keys if k not in values]
    what = "an Okabe-Ito colour name" if name.startswith("_") else "a value"
    assert not missing, f"datapackage.json's {where} lists {missing}: give each {what} in palette.{name}"
    assert not extra, f"palette.{name} keys {extra}, which datapackage.json's {where} does not list: remove them"


def test_a_value_without_a_colour_gets_grey_and_its_name():
    assert palette.FORM["quotation"] == palette.STANCE["unclear"] == palette.KIND["party"] == palette.FALLBACK
    assert palette.FORM_TEXT["quotation"] == palette.STANCE_TEXT["unclear"] == palette.FALLBACK_TEXT
    assert palette.FORM_TINT["quotation"] == palette.FALLBACK_TINT
    assert palette.STANCE_SYMBOL["unclear"] == "unclear"
    assert "quotation" not in palette.FORM  # asking does not add it
