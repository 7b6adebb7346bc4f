"""One colour-blind-safe palette (Okabe & Ito), used by every chart and highlight.

The same colour means the same thing everywhere: a stance is always the same
colour, and so is a form of statement.
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

STANCE = {"support": OKABE_ITO["blue"], "oppose": OKABE_ITO["vermillion"],
          "neutral": OKABE_ITO["grey"], "mixed": OKABE_ITO["reddish purple"]}
FORM = {"direct": OKABE_ITO["orange"], "partial": OKABE_ITO["sky blue"],
        "paraphrase": OKABE_ITO["bluish green"]}
# Light tints of the form colours, as backgrounds behind text
FORM_TINT = {"direct": "#F8DDA0", "partial": "#C9E7F8", "paraphrase": "#A8E0CF"}
KIND = {"person": OKABE_ITO["orange"], "group": OKABE_ITO["yellow"], "state": OKABE_ITO["blue"],
        "region": OKABE_ITO["sky blue"], "organization": OKABE_ITO["bluish green"],
        "bloc": OKABE_ITO["vermillion"], "document": OKABE_ITO["reddish purple"]}
# Mentions vs statements, and other two-way comparisons
PAIR = (OKABE_ITO["grey"], OKABE_ITO["blue"])
STANCE_SYMBOL = {"support": "✓", "oppose": "✗", "neutral": "○", "mixed": "±"}
