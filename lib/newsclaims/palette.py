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

The palette is keyed by the vocabularies of ``datapackage.json``: a colour for
each form, stance and kind the descriptor lists (and for ``mixed``, the stance
:mod:`~newsclaims.analysis` gives one who both supports and opposes), and
``tests/test_palette.py`` holds the keys to the descriptor's enums. A value the
descriptor has just gained, before it has a colour here, is drawn in a neutral
grey (:data:`FALLBACK`) and stands for itself by its name (:class:`Keyed`): it
is never dropped, and never a KeyError. To give it a colour, add it to the
vocabulary's dict below (and to the ``*_TINT`` or ``*_SYMBOL`` dict beside it).
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

# For a value of a vocabulary that has no colour here yet: a neutral grey, its text shade and a tint
FALLBACK = OKABE_ITO["grey"]
FALLBACK_TEXT = OKABE_ITO_TEXT["grey"]
FALLBACK_TINT = "#E0E0E0"


class Keyed(dict):
    """Colours (or symbols) keyed by the values of one vocabulary, such as the forms.

    A value without one gets ``fallback``, or, when ``fallback`` is None, its own
    name: a new form is drawn in grey and a new stance is written as its name
    where the others show a symbol.

    >>> STANCE_SYMBOL["support"], STANCE_SYMBOL["unclear"], FORM["quotation"] == FALLBACK
    ('✓', 'unclear', True)
    """

    def __init__(self, values: dict[str, str], fallback: str | None = None):
        super().__init__(values)
        self.fallback = fallback

    def __missing__(self, key: str) -> str:
        return str(key) if self.fallback is None else self.fallback


# Colours by vocabulary (datapackage.json: positions.stance, statements.form, actors.kind,
# source_passages.fidelity), by Okabe–Ito name
_STANCE = {"support": "blue", "oppose": "vermillion", "neutral": "grey", "mixed": "reddish purple"}
_FORM = {"direct": "orange", "partial": "sky blue", "paraphrase": "bluish green"}
_KIND = {"person": "orange", "group": "yellow", "state": "blue", "region": "sky blue",
         "organization": "bluish green", "bloc": "vermillion", "document": "reddish purple"}

# The frame and the sources (lesson 10): labels.kind, voices.source_type, voices.gender, and whose words
# a part of the text is (frame.VOICES, not a field): quoted takes the direct form's colour, reported the paraphrase's
_LABEL_KIND = {"status": "vermillion", "alignment": "blue", "judgement": "reddish purple", "manner": "yellow"}
_SOURCE_TYPE = {"official": "blue", "expert": "orange", "institution": "reddish purple"}
_GENDER = {"woman": "orange", "man": "sky blue", "unknown": "grey"}
_VOICE = {"quoted": "orange", "reported": "bluish green", "narration": "blue", "attribution": "grey"}
# How faithfully the article gives a statement's primary text (source_passages.fidelity)
_FIDELITY = {"verbatim": "blue", "trimmed": "sky blue", "altered": "vermillion",
             "paraphrase (faithful)": "bluish green", "paraphrase (shifted)": "reddish purple", "not found": "grey"}

STANCE = Keyed({k: OKABE_ITO[v] for k, v in _STANCE.items()}, FALLBACK)
FORM = Keyed({k: OKABE_ITO[v] for k, v in _FORM.items()}, FALLBACK)
KIND = Keyed({k: OKABE_ITO[v] for k, v in _KIND.items()}, FALLBACK)
LABEL_KIND = Keyed({k: OKABE_ITO[v] for k, v in _LABEL_KIND.items()}, FALLBACK)
SOURCE_TYPE = Keyed({k: OKABE_ITO[v] for k, v in _SOURCE_TYPE.items()}, FALLBACK)
GENDER = Keyed({k: OKABE_ITO[v] for k, v in _GENDER.items()}, FALLBACK)
VOICE = Keyed({k: OKABE_ITO[v] for k, v in _VOICE.items()}, FALLBACK)
# Text in a stance's, form's or kind's colour (on white or a light background)
STANCE_TEXT = Keyed({k: OKABE_ITO_TEXT[v] for k, v in _STANCE.items()}, FALLBACK_TEXT)
FORM_TEXT = Keyed({k: OKABE_ITO_TEXT[v] for k, v in _FORM.items()}, FALLBACK_TEXT)
KIND_TEXT = Keyed({k: OKABE_ITO_TEXT[v] for k, v in _KIND.items()}, FALLBACK_TEXT)
FIDELITY = Keyed({k: OKABE_ITO[v] for k, v in _FIDELITY.items()}, FALLBACK)
FIDELITY_TEXT = Keyed({k: OKABE_ITO_TEXT[v] for k, v in _FIDELITY.items()}, FALLBACK_TEXT)
# Plotly marker symbols for the fidelities, beside their colours (a value without one: a diamond)
FIDELITY_SYMBOL = Keyed({"verbatim": "circle", "trimmed": "triangle-up", "altered": "x",
                         "paraphrase (faithful)": "square", "paraphrase (shifted)": "star",
                         "not found": "circle-open"}, "diamond")
# Light tints of the form colours, as backgrounds behind text
FORM_TINT = Keyed({"direct": "#F8DDA0", "partial": "#C9E7F8", "paraphrase": "#A8E0CF"}, FALLBACK_TINT)
# Mentions vs statements, and other two-way comparisons
PAIR = (OKABE_ITO["grey"], OKABE_ITO["blue"])
# A stance's symbol, beside its colour; a stance without one is written as its name
STANCE_SYMBOL = Keyed({"support": "✓", "oppose": "✗", "neutral": "○", "mixed": "±"})
# Plotly marker symbols for how a date was found (events.date_basis and statements.said_on_basis)
DATE_BASIS_SYMBOL = Keyed({"stated": "circle", "resolved": "circle-open", "inferred": "x"}, "diamond")


def colour_name(colour: str) -> str:
    """The Okabe–Ito name of a palette colour, for legends written in words (another colour: its code).

    >>> colour_name(STANCE["oppose"]), colour_name(FORM["quotation"]), colour_name("#123456")
    ('vermillion', 'grey', '#123456')
    """
    names = {value.upper(): name for name, value in OKABE_ITO.items()}
    return names.get(colour.upper(), colour)


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
