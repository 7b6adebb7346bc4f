"""Paragraphs, spans and actor mentions in an article's text."""

from __future__ import annotations

import bisect
import html
import itertools
import re
from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

_PARAGRAPH = re.compile(r"[^\n]+(?:\n[^\n]+)*")


# A quotation: straight or curly double quotation marks, within one paragraph. The one definition
# of "inside quotation marks" that the extractor, the counts of quoted words and the frame share.
QUOTE = re.compile(r"\"[^\"\n]*\"|“[^”\n]*”")

def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: a run of non-blank lines."""
    return [m.span() for m in _PARAGRAPH.finditer(text)]


def paragraphs(text: str) -> pd.DataFrame:
    """Split a text into paragraphs (runs of non-blank lines), numbered from 1.

    >>> paragraphs("One.\\n\\nTwo.\\n")[["paragraph", "start", "end", "text"]].values.tolist()
    [[1, 0, 4, 'One.'], [2, 6, 10, 'Two.']]
    """
    spans = paragraph_spans(text)
    return pd.DataFrame({"paragraph": range(1, len(spans) + 1), "start": [a for a, _ in spans],
                         "end": [b for _, b in spans], "text": [text[a:b] for a, b in spans]}).astype(
        {"paragraph": "int64", "start": "int64", "end": "int64", "text": "str"})


def overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    """Characters two spans share over the characters in either (0 to 1).

    >>> overlap((0, 10), (5, 15))
    0.3333333333333333
    """
    shared = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    either = max(a[1], b[1]) - min(a[0], b[0])
    return shared / either if either else 0.0


def alias_pattern(aliases: pd.DataFrame) -> re.Pattern[str] | None:
    """One regular expression for all aliases: whole words, case-sensitive, longest first."""
    names = sorted(set(aliases["alias"]), key=lambda a: (-len(a), a))
    if not names:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, names)) + r")(?!\w)")


def find_mentions(text: str, aliases: pd.DataFrame, pattern: re.Pattern[str] | None = None) -> pd.DataFrame:
    """Every place the text names an actor by one of its aliases.

    Matches are whole words and case-sensitive. Where aliases overlap, the
    leftmost and then the longest wins, so "East China Normal University" is
    one mention of the university, not also a mention of China.

    Returns one row per mention: actor_id, alias, start, end, paragraph.
    """
    pattern = pattern if pattern is not None else alias_pattern(aliases)
    owner = dict(zip(aliases["alias"], aliases["actor_id"]))
    found = [(m.group(), m.start(), m.end()) for m in pattern.finditer(text)] if pattern else []
    starts = [a for a, _ in paragraph_spans(text)]
    return pd.DataFrame({
        "actor_id": [owner[a] for a, _, _ in found], "alias": [a for a, _, _ in found],
        "start": [s for _, s, _ in found], "end": [e for _, _, e in found],
        "paragraph": [bisect.bisect_right(starts, s) for _, s, _ in found],
    }).astype({"actor_id": "str", "alias": "str", "start": "int64", "end": "int64", "paragraph": "int64"})


# --- HTML -------------------------------------------------------------------------------
# Every piece of text that comes from the data goes through html.escape before it is
# placed in HTML: the article, quotes, names, notes and tooltips alike.

def plural(n: int, word: str, words: str | None = None) -> str:
    """A count with its noun: ``plural(1, "statement")`` is "1 statement", ``plural(3, "person", "people")``
    "3 people".

    >>> plural(2, "statement"), plural(1, "actor"), plural(0, "person", "people")
    ('2 statements', '1 actor', '0 people')
    """
    return f"{n} {word if n == 1 else words or word + 's'}"


def joined(items: Iterable[str], empty: str = "") -> str:
    """Items in a sentence: "a", "a and b", "a, b and c"; ``empty`` when there are none.

    >>> joined(["China", "Russia", "the West"]), joined([], "none")
    ('China, Russia and the West', 'none')
    """
    items = list(items)
    if not items:
        return empty
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def esc(value: object, quote: bool = True) -> str:
    """Escape any value for HTML text or (with ``quote``, the default) a quoted attribute."""
    blank = value is None or value is pd.NA or (isinstance(value, float) and value != value)  # NaN: an empty cell
    return html.escape("" if blank else str(value), quote=quote)


def statement_tooltip(row: Mapping[str, Any], names: Mapping[str, str], stances: str = "") -> str:
    """The coded fields of a statement, one per line, for a hover tooltip (not yet escaped).

    ``names`` maps actor ids to display names, for the speaker, via and addressee.
    """
    speaker = names.get(row["actor_id"], row["actor_id"])
    said = row.get("said_on")
    if said is not None and not pd.isna(said):
        when = f"{said:%a %d %b %Y}"
        if row.get("said_on_basis") == "resolved":
            when += f" (resolved from '{row.get('said_on_text')}')"
    else:
        when = f"'{row['said_on_text']}' (no date)" if isinstance(row.get("said_on_text"), str) \
            else "not given"
    lines = [f"{row['statement_id']}: {speaker}", f"form: {row['form']}",
             f"cue: {row['cue'] if isinstance(row.get('cue'), str) else '(none)'}",
             f"when: {when}"]
    for field, label in (("setting", "setting"), ("via", "via"), ("addressee_id", "to")):
        if isinstance(row.get(field), str):
            lines.append(f"{label}: {names.get(row[field], row[field])}")
    if stances:
        lines.append(f"positions: {stances}")
    return "\n".join(lines)


def highlight(text: str, start: int, end: int, marks: list[dict[str, Any]]) -> str:
    """HTML for text[start:end] with marked spans, everything escaped.

    Each mark is a dict with ``start``, ``end`` (offsets into ``text``), ``style``
    (CSS), ``title`` (tooltip) and optionally ``layer`` (0 outer, 1 inner) and
    ``attrs`` (extra attributes, such as a data- id). Marks may overlap or nest:
    the text is cut at every boundary and each piece wrapped in the marks that
    cover it, outer layer first.

    >>> highlight("Wang said <hi>", 0, 14, [dict(start=0, end=4, style="font-weight:bold", title="x")])
    '<span style="font-weight:bold" title="x">Wang</span> said &lt;hi&gt;'
    """
    marks = [m for m in marks if m["start"] < end and m["end"] > start]
    cuts = sorted({start, end} | {max(start, m["start"]) for m in marks} | {min(end, m["end"]) for m in marks})
    out = []
    for a, b in itertools.pairwise(cuts):
        piece = esc(text[a:b])
        covering = sorted((m for m in marks if m["start"] <= a and b <= m["end"]),
                          key=lambda m: m.get("layer", 0), reverse=True)
        # the innermost span's tooltip is the one shown: give it every covering mark's title
        together = "\n\n".join(m["title"] for m in reversed(covering))
        for i, m in enumerate(covering):
            attrs = "".join(f' {k}="{esc(v)}"' for k, v in m.get("attrs", {}).items())
            title = together if i == 0 else m["title"]
            piece = f'<span style="{esc(m["style"])}" title="{esc(title)}"{attrs}>{piece}</span>'
        out.append(piece)
    return "".join(out)
