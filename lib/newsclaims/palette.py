"""One colour-blind-safe palette (Okabe & Ito), used by every chart and highlight.

The same colour means the same thing everywhere: a stance is always the same
colour, and so is a form of statement. Colour never carries a meaning alone: a
stance also has its symbol (:data:`STANCE_SYMBOL`), and charts and legends name it.

Several Okabe–Ito colours are too light to be read as text on white (WCAG 2.1 AA
asks for a contrast of 4.5:1 for body text; the bluish green has 3.4:1). Text
therefore takes the ``*_TEXT`` colours: the same hue, darkened until it reaches
4.5:1 on white and on the light grey of code cells (#F5F5F5). Text on a filled
square of a palette colour takes :func:`text_on` (black or white, whichever reads
better). ``tests/test_palette.py`` computes every ratio.
"""

from __future__ import annotations

OKABE_ITO = {
    "orange": "#E69F00",
    "sky blue": "#56B4E9",
    "bluish green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish purple": "#CC79A7",
    "grey": "#999999",
}
# The same hues, dark enough for text (the contrast each has on white)
OKABE_ITO_TEXT = {
    "orange": "#966800",  # 4.91:1
    "sky blue": "#1777AD",  # 4.91:1
    "bluish green": "#00805D",  # 4.95:1
    "yellow": "#7A720A",  # 4.95:1
    "blue": "#0072B2",  # 5.19:1, already dark enough
    "vermillion": "#B95200",  # 4.92:1
    "reddish purple": "#B84686",  # 4.93:1
    "grey": "#707070",  # 4.95:1
}

_STANCE = {"support": "blue", "oppose": "vermillion", "neutral": "grey", "mixed": "reddish purple"}
_FORM = {"direct": "orange", "partial": "sky blue", "paraphrase": "bluish green"}
_KIND = {"person": "orange", "group": "yellow", "state": "blue", "region": "sky blue",
         "organization": "bluish green", "bloc": "vermillion", "document": "reddish purple"}

STANCE = {k: OKABE_ITO[v] for k, v in _STANCE.items()}
FORM = {k: OKABE_ITO[v] for k, v in _FORM.items()}
KIND = {k: OKABE_ITO[v] for k, v in _KIND.items()}
# Text in a stance's, form's or kind's colour (on white or a light background)
STANCE_TEXT = {k: OKABE_ITO_TEXT[v] for k, v in _STANCE.items()}
FORM_TEXT = {k: OKABE_ITO_TEXT[v] for k, v in _FORM.items()}
KIND_TEXT = {k: OKABE_ITO_TEXT[v] for k, v in _KIND.items()}
# Light tints of the form colours, as backgrounds behind text
FORM_TINT = {"direct": "#F8DDA0", "partial": "#C9E7F8", "paraphrase": "#A8E0CF"}
# Mentions vs statements, and other two-way comparisons
PAIR = (OKABE_ITO["grey"], OKABE_ITO["blue"])
STANCE_SYMBOL = {"support": "✓", "oppose": "✗", "neutral": "○", "mixed": "±"}


def text_shade(colour: str) -> str:
    """The text shade of a palette colour (:data:`OKABE_ITO_TEXT`), for text drawn in that colour.

    >>> text_shade(STANCE["oppose"]) == STANCE_TEXT["oppose"]
    True
    """
    shades = {OKABE_ITO[name].upper(): OKABE_ITO_TEXT[name] for name in OKABE_ITO}
    if colour.upper() not in shades:
        raise KeyError(f"{colour} is not an Okabe-Ito colour; the text shades are for the palette's colours")
    return shades[colour.upper()]


def luminance(colour: str) -> float:
    """The relative luminance of a ``#RRGGBB`` colour, as WCAG 2.1 defines it (0 black, 1 white)."""
    value = colour.lstrip("#")
    if len(value) != 6:
        raise ValueError(f"{colour!r} is not a #RRGGBB colour")
    channels = [int(value[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(foreground: str, background: str = "#FFFFFF") -> float:
    """The WCAG 2.1 contrast ratio of two ``#RRGGBB`` colours, from 1 to 21.

    >>> round(contrast(OKABE_ITO["bluish green"]), 2), round(contrast(STANCE_TEXT["neutral"]), 2)
    (3.42, 4.95)
    """
    light, dark = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def text_on(background: str) -> str:
    """Black or white, whichever reads better on ``background`` (a filled square, a bar).

    >>> text_on(STANCE["support"]), text_on(STANCE["neutral"])
    ('#FFFFFF', '#000000')
    """
    return max(("#000000", "#FFFFFF"), key=lambda c: contrast(c, background))
