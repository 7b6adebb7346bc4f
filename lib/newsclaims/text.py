"""Paragraphs, spans and actor mentions in an article's text."""

from __future__ import annotations

import re

import pandas as pd

_PARAGRAPH = re.compile(r"[^\n]+(?:\n[^\n]+)*")


def paragraphs(text: str) -> pd.DataFrame:
    """Split a text into paragraphs (runs of non-blank lines), numbered from 1.

    >>> paragraphs("One.\\n\\nTwo.\\n")[["paragraph", "start", "end", "text"]].values.tolist()
    [[1, 0, 4, 'One.'], [2, 6, 10, 'Two.']]
    """
    rows = [(i, m.start(), m.end(), m.group()) for i, m in enumerate(_PARAGRAPH.finditer(text), 1)]
    return pd.DataFrame(rows, columns=["paragraph", "start", "end", "text"]).astype(
        {"paragraph": "int64", "start": "int64", "end": "int64", "text": "str"})


def paragraph_at(paras: pd.DataFrame, start: int, end: int) -> int | None:
    """The number of the paragraph that holds text[start:end] whole, or None."""
    hit = paras[(paras["start"] <= start) & (end <= paras["end"])]
    return int(hit["paragraph"].iloc[0]) if len(hit) else None


def alias_pattern(aliases: pd.DataFrame) -> re.Pattern[str] | None:
    """One regular expression for all aliases: whole words, case-sensitive, longest first."""
    names = sorted(set(aliases["alias"]), key=lambda a: (-len(a), a))
    if not names:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, names)) + r")(?!\w)")


def find_mentions(text: str, aliases: pd.DataFrame, paras: pd.DataFrame,
                  pattern: re.Pattern[str] | None = None) -> pd.DataFrame:
    """Every place the text names an actor by one of its aliases.

    Matches are whole words and case-sensitive. Where aliases overlap, the
    leftmost and then the longest wins, so "East China Normal University" is
    one mention of the university, not also a mention of China.

    Returns one row per mention: actor_id, alias, start, end, paragraph.
    """
    pattern = pattern if pattern is not None else alias_pattern(aliases)
    columns = ["actor_id", "alias", "start", "end", "paragraph"]
    if pattern is None:
        return pd.DataFrame(columns=columns)
    owner = dict(zip(aliases["alias"], aliases["actor_id"]))
    found = [(owner[m.group()], m.group(), m.start(), m.end()) for m in pattern.finditer(text)]
    frame = pd.DataFrame(found, columns=columns[:4])
    starts = paras["start"].to_numpy()
    frame["paragraph"] = paras["paragraph"].to_numpy()[starts.searchsorted(
        frame["start"].to_numpy(), side="right") - 1] if len(frame) else []
    return frame.astype({"start": "int64", "end": "int64", "paragraph": "int64"})
