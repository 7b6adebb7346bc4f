"""The palette: every colour used as text reaches WCAG 2.1 AA contrast (4.5:1) on its background."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsclaims import palette
from newsclaims.palette import contrast, text_on

AA = 4.5
DESCRIPTOR = Path(__file__).resolve().parents[1] / "data" / "datapackage.json"
TEXT_COLOURS = {f"{table}[{key}]": colour for table in ("OKABE_ITO_TEXT", "STANCE_TEXT", "FORM_TEXT", "KIND_TEXT")
                for key, colour in getattr(palette, table).items()}
FILLS = [*palette.STANCE.values(), *palette.FORM.values(), *palette.KIND.values(), *palette.FORM_TINT.values()]


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


def test_the_palette_covers_the_vocabulary():
    fields = {f["name"]: f for r in json.loads(DESCRIPTOR.read_text(encoding="utf-8"))["resources"]
              for f in r["schema"]["fields"]}
    assert set(fields["stance"]["constraints"]["enum"]) <= palette.STANCE_TEXT.keys()
    assert set(fields["form"]["constraints"]["enum"]) == palette.FORM_TEXT.keys()
    assert set(fields["kind"]["constraints"]["enum"]) <= palette.KIND_TEXT.keys()
