"""Self-checks for the lessons' exercises: is my answer right, and why?

Each right answer is worked out from the data when the check runs, never typed
in, so a check stays true to the coded article.

A check reads an answer the way a reader would. Names may be ids, names or the
article's own aliases ("the United States", "US", "U.S."), in any case, with any
dash, quote mark or leading "the". A set of names may be a list, a tuple, a set, a
pandas Series or DataFrame column (or a count keyed by name), or one string
joined with ``;``, commas, "and" or new lines. A share may be a fraction, a
percent or a string with ``%``. A wrong answer is told what is missing or extra,
or what the number it gave counts instead.

>>> import newsclaims as nc
>>> nc.checks.check("1.1", 25).right
True
>>> print(nc.checks.check("4.1", "China-Russia alignment and Return to Minsk"))
Exercise 4.1: ✗ Not quite. 2 of 3 topics; missing: Ukraine's sovereignty. The answer is under 'Show answer'.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import math
import numbers
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from . import analysis as an
from .data import Article, load_article
from .lessons import SEED, WORKBENCH
from .reliability import EXAMPLE_CHANGES, agreement, align, cohen_kappa, example_coding, reference_coding


@dataclass
class Verdict:
    """The outcome of a check; shows itself as a short sentence in a notebook.

    Attributes
    ----------
    exercise : str
        The exercise checked, such as ``"2.1"``.
    right : bool or None
        True for a right answer, False for a wrong one, None when there is nothing to
        check (no answer yet, or an article that lacks what the exercise asks about).
    message : str
        Why the answer is right, or what is missing, extra or wrong in it.
    """

    exercise: str
    right: bool | None  # None: no answer yet
    message: str

    def __str__(self) -> str:
        mark = {True: "✓ Right.", False: "✗ Not quite.", None: "…"}[self.right]
        return f"Exercise {self.exercise}: {mark} {self.message}"

    __repr__ = __str__

    def _repr_html_(self) -> str:
        colour = {True: "#0072B2", False: "#D55E00", None: "#666"}[self.right]
        return f'<p style="color:{colour}">{html.escape(str(self))}</p>'


class _Unreadable(ValueError):
    """An answer that cannot be read as the kind of answer the exercise asks for; says why."""


# --- Names: ids, names, labels and the article's aliases, as one lookup per kind of thing ---------

_FOLD = str.maketrans({**dict.fromkeys("-_‐‑‒–—―−﹘﹣－", " "),
                       **dict.fromkeys("'\"`´‘’‚‛“”„‟′″.", None)})
_ARTICLE = re.compile(r"^(?:the|a|an)\s+")
_EDGES = re.compile(r"^\W+|\W+$")
_PARENS = re.compile(r"\s*\([^()]*\)")


def _key(text: str) -> str:
    """A name folded for lookup: no accents, case, dashes, quote marks, dots, edge punctuation or "the".

    >>> _key("  The “China–Russia” alignment. "), _key("U.S."), _key("china_russia_alignment")
    ('china russia alignment', 'us', 'china russia alignment')
    """
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = text.casefold().translate(_FOLD).replace("&", " and ")
    text = " ".join(_EDGES.sub("", text).split())
    return _EDGES.sub("", _ARTICLE.sub("", text))


class _Names:
    """How an answer may name one kind of thing in an article (actors, topics or statements).

    ``strong`` (ids, names, labels) and ``weak`` (aliases) are pairs of (text, id).
    A weak key that is ambiguous, or that a strong key already takes, is left out.
    """

    def __init__(self, singular: str, strong: Iterable[tuple[str, str]], weak: Iterable[tuple[str, str]],
                 labels: dict[str, str]):
        self.singular, self.labels = singular, labels
        self.keys: dict[str, str] = {}
        for text, id_ in strong:
            self.keys.setdefault(_key(str(text)), id_)
        owners: dict[str, set[str]] = {}
        for text, id_ in weak:
            owners.setdefault(_key(str(text)), set()).add(id_)
        for key, ids in owners.items():
            if len(ids) == 1 and key not in self.keys:
                self.keys[key] = ids.pop()
        self.keys.pop("", None)

    def __call__(self, item: Any) -> str | None:
        """The id an item names, or None."""
        if not isinstance(item, str):
            return None
        for text in dict.fromkeys((item, _PARENS.sub("", item))):
            if (found := self.keys.get(_key(text))) is not None:
                return found
        return None

    def label(self, id_: str) -> str:
        return self.labels.get(id_, id_)


def _actors(art: Article) -> _Names:
    ids, names = art.actors["actor_id"].tolist(), art.actors["name"].tolist()
    aliases = zip(art.mentions["alias"], art.mentions["actor_id"])
    return _Names("an actor", [*zip(ids, ids), *zip(names, ids)], aliases, dict(zip(ids, names)))


def _topics(art: Article) -> _Names:
    ids, labels = art.topics["topic_id"].tolist(), art.topics["label"].tolist()
    return _Names("a topic", [*zip(ids, ids), *zip(labels, ids)], [], dict(zip(ids, labels)))


def _statement_ids(art: Article) -> _Names:
    ids = art.statements["statement_id"].tolist()
    speaker = art.statements["actor_id"].map(an.names(art)).fillna(art.statements["actor_id"])
    return _Names("a statement id", zip(ids, ids), [], {i: f"{i} ({s})" for i, s in zip(ids, speaker)})


# --- Reading an answer --------------------------------------------------------------------------

_HARD = re.compile(r"[;\n\r|•]+")
_SOFT = re.compile(r"(\s*,\s*(?:and\s+|&\s+)?|\s+and\s+|\s+&\s+)")


def _missing(value: Any) -> bool:
    return value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and math.isnan(value))


def _split(text: str, names: _Names) -> list[str]:
    """The names in a joined string, split at ``;`` and new lines, and at commas and "and" where that
    makes names: "China and Russia" stays whole when it is a name, "Blinken and Wang Yi" is split."""
    items: list[str] = []
    for chunk in _HARD.split(text):
        pieces = _SOFT.split(chunk)
        parts, joins = pieces[::2], pieces[1::2]
        # best[j]: (unnamed pieces, pieces) for the first j parts, and the pieces
        best: list[tuple[int, int, list[str]]] = [(0, 0, [])]
        for j in range(1, len(parts) + 1):
            options = []
            for i in range(j):
                piece = parts[i] + "".join(joins[k] + parts[k + 1] for k in range(i, j - 1))
                named = names(piece) is not None
                if j - i > 1 and not named:
                    continue  # parts are joined back only into a name
                if not _key(piece):
                    options.append(best[i])
                    continue
                unnamed, count, found = best[i]
                options.append((unnamed + (not named), count + 1, [*found, piece.strip()]))
            best.append(min(options, key=lambda o: o[:2]))
        items += best[-1][2]
    return items


def _flatten(values: Iterable[Any], names: _Names) -> list[Any]:
    out: list[Any] = []
    for value in values:
        if isinstance(value, bytes):
            value = value.decode("utf-8", "replace")
        if isinstance(value, str):
            out += _split(value, names)
        elif isinstance(value, (list, tuple, set, frozenset, np.ndarray, pd.Index, pd.Series)):
            out += _flatten(value, names)
        elif not _missing(value):
            out.append(value)
    return out


def _index_levels(index: pd.Index) -> list[tuple[str, list[Any]]]:
    if isinstance(index, pd.MultiIndex):
        return [(f"the index level {name!r}" if name else "the index", list(index.get_level_values(i)))
                for i, name in enumerate(index.names)]
    return [("the index", list(index))]


def _candidates(answer: Any) -> list[tuple[str, list[Any]]]:
    """The ways an answer can hold a set of names: a table's columns and index, a Series' values and
    index, a dict's keys and values, or the answer itself."""
    if isinstance(answer, pd.DataFrame):
        return [(f"the column {c!r}", list(answer[c])) for c in answer.columns] + _index_levels(answer.index)
    if isinstance(answer, pd.Series):
        return [("the values", list(answer))] + _index_levels(answer.index)
    if isinstance(answer, pd.Index):
        return _index_levels(answer)
    if isinstance(answer, dict):
        return [("the keys", list(answer)), ("the values", list(answer.values()))]
    if isinstance(answer, (str, bytes)) or not isinstance(answer, Iterable):
        return [("", [answer])]
    return [("", list(answer))]


def _items(answer: Any, names: _Names) -> tuple[list[Any], str]:
    """The items of a set-like answer, and where in the answer they were read (a column, the index...).

    Of a table's columns, or of a Series' values and its index, the one that names the
    most things wins: a count keyed by name is read by its index.
    """
    best: tuple[tuple[float, int], list[Any], str] | None = None
    for where, values in _candidates(answer):
        items = _flatten(values, names)
        named = sum(names(i) is not None for i in items)
        score = (named / len(items) if items else 0.0, named)
        if best is None or score > best[0]:
            best = (score, items, where)
    assert best is not None
    return best[1], best[2]


def _record(answer: Any, keys: tuple[str, ...]) -> dict[str, Any] | None:
    """An answer that is one labelled row (a Series, a dict, a one-row table) holding any of ``keys``."""
    if isinstance(answer, pd.DataFrame) and len(answer) == 1:
        answer = answer.iloc[0]
    if isinstance(answer, pd.Series):
        answer = answer.to_dict()
    if isinstance(answer, dict) and any(k in answer for k in keys):
        return answer
    return None


_NUMBER = re.compile(r"(?<![\w.])([-+−]?(?:\d+(?:\.\d*)?|\.\d+))(\s*%)?")
_RATIO = re.compile(r"^\s*(\d+)\s*(?:/|of|out of)\s*(\d+)\s*$")


def _scalar(value: Any) -> float | None:
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Real):
        return None
    value = float(value)
    return None if math.isnan(value) else value


@dataclass
class _Number:
    value: float
    percent: bool = False  # written with %
    how: str = ""  # how it was read, when not given as one number


def _numbers_in(text: str) -> list[_Number]:
    if re.fullmatch(r"\s*\d+,\d+\s*", text):  # a decimal comma: "0,16"
        return [_Number(float(text.replace(",", ".")))]
    return [_Number(float(n.replace("−", "-")), bool(p)) for n, p in _NUMBER.findall(text)]


def _read_number(answer: Any, keys: tuple[str, ...] = ()) -> _Number:
    """One number from an answer: a number, a numeric string ("16%"), a labelled entry (``keys``), a
    one-value Series, or a count: the rows of a table, the items of a list, or a Series of counts or
    of True/False added up."""
    if (value := _scalar(answer)) is not None:
        return _Number(value)
    if isinstance(answer, bytes):
        answer = answer.decode("utf-8", "replace")
    if isinstance(answer, str):
        found = _numbers_in(answer)
        if not found:
            raise _Unreadable(f"{answer!r} has no number in it.")
        return found[0]
    record = _record(answer, keys)
    if record is not None:
        for key in keys:
            if key in record and (value := _scalar(record[key])) is not None:
                return _Number(value)
    if isinstance(answer, pd.DataFrame):
        if answer.shape == (1, 1) and (value := _scalar(answer.iloc[0, 0])) is not None:
            return _Number(value)
        return _Number(len(answer), how="the rows of your table")
    if isinstance(answer, pd.Series):
        if len(answer) == 1 and (value := _scalar(answer.iloc[0])) is not None:
            return _Number(value)
        if pd.api.types.is_bool_dtype(answer):
            return _Number(int(answer.sum()), how="the True values of your Series")
        if pd.api.types.is_integer_dtype(answer) and not isinstance(answer.index, pd.RangeIndex):
            return _Number(int(answer.sum()), how="your counts added up")
        return _Number(len(answer), how="the items of your Series")
    if isinstance(answer, (list, tuple, np.ndarray, pd.Index)) and len(answer):
        first = answer[0]
        if _scalar(first) is not None or isinstance(first, str) and _numbers_in(first):
            return _read_number(first)
    if isinstance(answer, Iterable) and not isinstance(answer, dict):
        return _Number(len(list(answer)), how="the items of your answer")
    raise _Unreadable("Give one number.")


def _fmt(value: float, percent: bool = False) -> str:
    text = f"{value:.3f}".rstrip("0").rstrip(".") if value != int(value) else str(int(value))
    return text + "%" if percent else text


_WORDS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]


def _count_words(n: int) -> str:
    return _WORDS[n] if n < len(_WORDS) else str(n)


def _labels(names: _Names, ids: Iterable[str], most: int = 6) -> str:
    labels = sorted((names.label(i) for i in ids), key=str.casefold)
    more = f" and {len(labels) - most + 1} more" if len(labels) > most else ""
    return ", ".join(labels[:most - 1] if more else labels) + more


# --- How each kind of answer is judged ----------------------------------------------------------
# A judge takes (article, answer, expected) and returns (right, message). On a wrong answer the
# message says what is wrong; on a right one it may add to the exercise's own explanation.
_Judge = Callable[[Article, Any, Any], tuple[bool, str]]
_Decoys = Callable[[Article], list[tuple[float, str]]]


def _same_set(kind: Callable[[Article], _Names], noun: tuple[str, str]) -> _Judge:
    """Right when the answer names exactly the expected things; else says which are missing or extra."""

    def judge(art: Article, answer: Any, expected: Any) -> tuple[bool, str]:
        names = kind(art)
        items, where = _items(answer, names)
        got = {i for i in map(names, items) if i is not None}
        unknown = list(dict.fromkeys(str(i) for i in items if names(i) is None))
        expected = set(expected)
        if got == expected and not unknown:
            return True, ""
        n, found, extra = len(expected), len(got & expected), got - expected
        parts = []
        if not n:
            parts.append(f"there are no {noun[1]} to name in this article")
        elif not found:  # naming the missing ones would give the answer away
            if extra:
                are = "is" if len(extra) == 1 else "are"
                parts.append(f"{_labels(names, extra)} {are} not " + (f"the {noun[0]}" if n == 1 else
                                                                         f"among the {_count_words(n)} {noun[1]}"))
            elif not unknown:
                parts.append(f"your answer names no {noun[0]}")
        elif expected - got:
            parts += [f"{found} of {n} {noun[1]}", f"missing: {_labels(names, expected - got)}"]
        else:
            parts.append(f"the {noun[0]} is right" if n == 1 else f"all {_count_words(n)} {noun[1]}")
        if extra and (found or not n):
            parts.append(f"{_count_words(len(extra))} extra: {_labels(names, extra)}")
        if unknown:
            shown = ", ".join(f"'{u}'" for u in unknown[:5]) + (", ..." if len(unknown) > 5 else "")
            parts.append(f"not {names.singular} in this article: {shown}")
        read = f" (read from {where} of your answer)" if where and isinstance(answer, (pd.Series, pd.DataFrame)) \
            and got != expected else ""
        message = "; ".join(parts) + read + "."
        return False, message[0].upper() + message[1:]

    return judge


def _same_number(what: str, tolerance: float = 0, decoys: _Decoys | None = None, keys: tuple[str, ...] = (),
                 close: float = 0) -> _Judge:
    """Right when the answer is the expected number (within ``tolerance``); else says what the number
    it gave counts instead, when it is one of the ``decoys``, or that it is close."""

    def judge(art: Article, answer: Any, expected: Any) -> tuple[bool, str]:
        number = _read_number(answer, keys)
        if number.percent:
            raise _Unreadable(f"{_fmt(number.value, True)} is a percent; the exercise asks for {what}.")
        value = number.value
        if math.isclose(value, expected, abs_tol=tolerance + 1e-9):
            return True, ""
        given = _fmt(value) + (f" ({number.how})" if number.how else "")
        for decoy, hint in (decoys(art) if decoys else []):
            if math.isclose(value, decoy, abs_tol=tolerance + 1e-9):
                return False, f"{given} is not {what}: {hint}."
        if close and abs(value - expected) <= close:
            return False, f"{given} is close, but not {what}: check your rounding."
        return False, f"{given} is not {what}."

    return judge


def _paragraph_decoys(art: Article) -> list[tuple[float, str]]:
    n = len(art.paragraphs)
    return [(n, "that is every paragraph, and some have no statement"),
            (len(art.statements), "that is the number of statements, and a paragraph can have several"),
            (n - art.statements["paragraph"].nunique(), "that is the number of paragraphs with no statement")]


def _readout_decoys(art: Article) -> list[tuple[float, str]]:
    st = art.statements
    readouts = set(st["via"].dropna())
    spoken = int((st["via"].notna() | st["actor_id"].isin(readouts)).sum())
    return [(spoken, "that counts the readouts' own words too; a readout that speaks itself passes "
                     "on no one's statement"),
            (len(readouts), "that is the number of readouts, not of the statements that come through them"),
            (len(st), "that is every statement")]


def _china_side_hedged_decoys(art: Article) -> list[tuple[float, str]]:
    sides = an.positions_table(art, level="side")
    china = sides[sides["who"] == "china"]
    return [(int(sides["hedged"].sum()), "that counts every hedged position; the exercise asks for China's side's"),
            (int((china["hedged"] & (china["holder_id"] == "china")).sum()),
             "that counts only the positions held by China itself; its side includes Zhang Jun and Wang Yi"),
            (len(china), "that is every position on China's side, hedged or not"),
            (int((~china["hedged"]).sum()), "that counts China's side's firm positions, not its hedged ones")]


def _recall_decoys(art: Article) -> list[tuple[float, str]]:
    from .extract import CUES, evaluate, extract_from

    before = evaluate(extract_from(art), art.statements).set_index("match")
    after = evaluate(extract_from(art, cues=[*CUES, *CUES_MISSED]), art.statements).set_index("match")
    overlap, exact = "overlap ≥ 0.5", "exact span"
    return [(float(before.at[overlap, "recall"]), "that is the recall before the cues were added"),
            (float(after.at[overlap, "precision"]), "that is the new precision; the exercise asks for recall"),
            (float(after.at[overlap, "f1"]), "that is the new F1; the exercise asks for recall"),
            (float(after.at[exact, "recall"]), "that is the recall for exact spans; the exercise asks for "
                                               "overlap ≥ 0.5"),
            (float(after.at[overlap, "matched"]), "that is the number of statements found; recall is a share")]


def _addressee_span_decoys(art: Article) -> list[tuple[float, str]]:
    from .extract import evaluate, extract_from

    found = extract_from(art)
    before = evaluate(found, art.statements).set_index("match")
    after = evaluate(found, _addressee_span(art)).set_index("match")
    overlap = "overlap ≥ 0.5"
    return [(float(before.at[overlap, "recall"]),
             "that is the recall against the reference as it is; begin the span of cnn22_s27 at \"with\" first"),
            (float(after.at[overlap, "precision"]), "that is the new precision; the exercise asks for recall"),
            (float(after.at[overlap, "speaker_accuracy"]), "that is the new speaker accuracy; the exercise asks "
                                                            "for recall"),
            (float(after.at["exact span", "recall"]), "that is the recall for exact spans; the exercise asks for "
                                                      "overlap ≥ 0.5"),
            (float(after.at[overlap, "matched"]), "that is the number of statements found; recall is a share")]


def _kappa_decoys(art: Article) -> list[tuple[float, str]]:
    example, aligned = _example(art)
    agreement = float((example["form"] == aligned["form"]).mean())
    return [(agreement, "that is percent agreement; kappa corrects it for the agreement expected by chance"),
            (agreement * 100, "that is percent agreement; kappa corrects it for the agreement expected by chance")]


def _share_judge(art: Article, answer: Any, expected: Any) -> tuple[bool, str]:
    """The United States' side's share: a fraction (0.16), a percent (16, "16%"), "6/37", or the count."""
    share, count, total = expected
    if isinstance(answer, str) and (ratio := _RATIO.match(answer)) and int(ratio[2]):
        number = _Number(int(ratio[1]) / int(ratio[2]))
    else:
        number = _read_number(answer, ("statement_share", "statements"))
    value = number.value
    counted = value == int(value) and value >= 1 and not number.percent
    if counted and value == count:
        return True, f"{count} of {total} statements, {share:.0%}."
    fraction = value / 100 if number.percent or value > 1 else value
    if abs(fraction - share) <= 0.005 + 1e-9:
        return True, f"{count} of {total} statements, {share:.0%}."
    given = _fmt(value, number.percent) + (f" ({number.how})" if number.how else "")
    what = "the United States' share of statements"
    for decoy, is_count, hint in _share_decoys(art):
        if (counted and value == decoy) if is_count else abs(fraction - decoy) <= 0.005 + 1e-9:
            return False, f"{given} is not {what}: {hint}."
    if abs(fraction - share) <= 0.02:
        return False, f"{given} is close, but not {what}: check your rounding."
    return False, f"{given} is not {what}."


def _share_decoys(art: Article) -> list[tuple[float, bool, str]]:
    """Other shares (False) and counts (True) a student may give for the United States' share."""
    own = an.voice_share(art, "holder").set_index("actor_id")
    side = an.voice_share(art, "side").set_index("actor_id")
    speakers = art.statements["actor_id"].map(an.speaks_for(art.actors)).eq("united_states")
    itself = "the United States speaking as itself; its side also has everyone who speaks for it"
    decoys = [(float(side.loc["united_states", "word_share"]), False,
               "that is its share of quoted words; the exercise asks for its share of statements"),
              (len(art.statements), True, "that is every statement"),
              (art.statements.loc[speakers, "actor_id"].nunique(), True,
               "that is the number of its speakers; the exercise asks for their statements")]
    if "united_states" in own.index:
        decoys += [(float(own.loc["united_states", "statement_share"]), False, f"that is the share of {itself}"),
                   (int(own.loc["united_states", "statements"]), True, f"that counts {itself}")]
    return decoys


def _read_date(answer: Any, art: Article) -> pd.Timestamp:
    """A date from a string ("2022-02-19", "19 February"; the year defaults to the article's), a date
    or timestamp, a list holding one, or a table or Series of dates that are all the same."""
    if isinstance(answer, pd.DataFrame):
        dated = [c for c in answer.columns if pd.api.types.is_datetime64_any_dtype(answer[c])]
        if not dated:
            raise _Unreadable("Your table has no column of dates.")
        answer = answer["said_on" if "said_on" in dated else dated[0]]
    if isinstance(answer, pd.Series):
        days = answer.dropna().map(lambda d: _read_date(d, art)).unique()
        if len(days) != 1:
            shown = ", ".join(f"{pd.Timestamp(d):%Y-%m-%d}" for d in days) or "none"
            raise _Unreadable(f"Give one date; your Series has {len(days)}: {shown}.")
        return pd.Timestamp(days[0])
    if isinstance(answer, (list, tuple)):
        for item in answer:
            try:
                return _read_date(item, art)
            except (_Unreadable, TypeError, ValueError, OverflowError):
                continue
        raise _Unreadable("Give the date as a string such as \"2022-01-31\".")
    if isinstance(answer, (dt.date, np.datetime64, pd.Timestamp)):
        return pd.Timestamp(answer).normalize()
    if isinstance(answer, str) and re.search(r"\d", answer):
        from dateutil import parser

        published = pd.Timestamp(art.meta.get("published") or pd.Timestamp.now()).to_pydatetime()
        try:
            return pd.Timestamp(parser.parse(answer, default=published, fuzzy=True)).normalize()
        except (ValueError, OverflowError):
            pass
    raise _Unreadable("Give the date as a string such as \"2022-01-31\".")


def _same_date(art: Article, answer: Any, expected: Any) -> tuple[bool, str]:
    """Exercise 1.2: the date "on Saturday" stands for when the article is published a week later."""
    day = _read_date(answer, art)
    expected = pd.Timestamp(expected).normalize()
    if day == expected:
        return True, ""
    told = {expected - _A_WEEK: "is the date in the data, resolved against the real publication date; "
                                "the exercise publishes the article a week later",
            expected + _A_WEEK: "is the Saturday after publication; a news story's \"on Saturday\" is the one "
                                "just past"}
    published = art.meta.get("published")
    if published is not None:
        published = pd.Timestamp(published).normalize()
        told[published + _A_WEEK] = "is the new day of publication, not the Saturday before it"
        told[published] = "is the day the article was really published, not a Saturday"
    if day in told:
        return False, f"{day:%Y-%m-%d} {told[day]}."
    return False, f"{day:%Y-%m-%d} is not the date \"on Saturday\" would stand for."


def _same_pair(art: Article, answer: Any, expected: Any) -> tuple[bool, str]:
    """(mentions, statements): a pair, a string with two numbers, or a row with those two labels."""
    record = _record(answer, ("mentions", "statements"))
    if record is not None and "mentions" in record and "statements" in record:
        pair = [_scalar(record["mentions"]), _scalar(record["statements"])]
    elif isinstance(answer, str):
        pair = [n.value for n in _numbers_in(answer)]
    elif isinstance(answer, Iterable) and not isinstance(answer, (dict, pd.DataFrame)):
        pair = [_scalar(v) if _scalar(v) is not None else _numbers_in(v)[0].value for v in answer
                if _scalar(v) is not None or isinstance(v, str) and _numbers_in(v)]
    else:
        pair = []
    if len(pair) != 2 or None in pair:
        raise _Unreadable("Give two numbers, (mentions, statements), such as (3, 1).")
    mentions, statements = expected
    if tuple(pair) == (mentions, statements):
        return True, ""
    if tuple(pair) == (statements, mentions):
        return False, "The two numbers are the other way round: (mentions, statements)."
    if pair[0] == mentions:
        return False, f"The mentions are right; {_fmt(pair[1])} is not the number of Russia's own statements."
    if pair[1] == statements:
        return False, f"The statements are right; {_fmt(pair[0])} is not the number of times Russia is named."
    return False, f"Neither number is right: ({_fmt(pair[0])}, {_fmt(pair[1])})."


# --- The right answers, worked out from the data ------------------------------------------------

def _paragraphs_with_statements(art: Article) -> int:
    return art.statements["paragraph"].nunique()


_A_WEEK = pd.Timedelta(days=7)


def _saturday(art: Article) -> pd.Timestamp:
    st = art.statements
    return st.loc[st["said_on_text"].str.contains("Saturday", na=False), "said_on"].iloc[0]


def _saturday_a_week_later(art: Article) -> pd.Timestamp:
    """The Saturday the article's "on Saturday" would name if it were published a week later."""
    return _saturday(art) + _A_WEEK


def _russia(art: Article) -> tuple[int, int]:
    counts = an.mention_counts(art).set_index("actor_id").loc["russia"]
    return int(counts["mentions"]), int(counts["statements"])


def _speak_more_than_named(art: Article) -> set[str]:
    counts = an.mention_counts(art)
    return set(counts.loc[counts["statements"] > counts["mentions"], "actor_id"])


def _us_share(art: Article) -> tuple[float, int, int]:
    side = an.voice_share(art, "side").set_index("actor_id").loc["united_states"]
    return float(side["statement_share"]), int(side["statements"]), len(art.statements)


def _more_words(art: Article) -> set[str]:
    share = an.voice_share(art, "holder")
    return set(share.loc[share["word_share"] > share["statement_share"], "actor_id"])


def _never_paraphrased(art: Article) -> set[str]:
    st = art.statements
    return set(st["actor_id"]) - set(st.loc[st["form"] == "paraphrase", "actor_id"])


def _via_readout(art: Article) -> int:
    return int(art.statements["via"].notna().sum())


def _adding(art: Article) -> set[str]:
    st = art.statements
    return set(st.loc[st["cue"].isin(["adding that", "added that"]), "statement_id"])


def _china_russia_oppose(art: Article) -> set[str]:
    return set(an.conflict_network(art).edges["china", "russia"]["topics"].split(";"))


def _west_russia(art: Article) -> set[str]:
    if not {"the_west", "russia"} <= set(an.positions_table(art, level="side")["who"]):
        raise LookupError("the West and Russia take no stances in this article")
    return set(an.alignment(art, a=("the_west",), b=("russia",))["topic_id"])


def _us_holders(art: Article) -> set[str]:
    sides = an.positions_table(art, level="side")
    if not (sides["who"] == "united_states").any():
        raise LookupError("no positions on the United States' side")
    return set(sides.loc[sides["who"] == "united_states", "holder_id"])


def _china_side_hedged(art: Article) -> int:
    sides = an.positions_table(art, level="side")
    if not (sides["who"] == "china").any():
        raise LookupError("no positions on China's side")
    return int((sides["hedged"] & (sides["who"] == "china")).sum())


def _firm_division(art: Article) -> set[str]:
    """The topics that still divide the United States and Russia when every hedged stance is dropped."""
    if not {"united_states", "russia"} <= set(an.positions_table(art, level="side")["who"]):
        raise LookupError("the United States and Russia take no stances in this article")
    firm = dataclasses.replace(art, positions=art.positions[~art.positions["hedged"]])
    return set(an.alignment(firm, a=("united_states",), b=("russia",))["topic_id"])


# Lesson 06: the cues of the statements the rules missed, as the lesson lists them
CUES_MISSED = ["stopped short of", "defended its actions as", "view as", "pushing back on", "saw China back"]


def _recall_with_missed_cues(art: Article) -> float:
    from .extract import CUES, evaluate, extract_from

    scores = evaluate(extract_from(art, cues=[*CUES, *CUES_MISSED]), art.statements)
    return float(scores.set_index("match").at["overlap ≥ 0.5", "recall"])


ADDRESSEE = "with his Chinese counterpart"  # where paragraph 22's span would begin if it took in the addressee


def _addressee_span(art: Article) -> pd.DataFrame:
    """The statements, with paragraph 22's span (cnn22_s27) begun at the addressee, as the reference once had it."""
    statements = art.statements.copy()
    rows = statements["statement_id"] == "cnn22_s27"
    if not rows.any() or ADDRESSEE not in art.text:
        raise LookupError("no statement cnn22_s27 after the words 'with his Chinese counterpart'")
    statements.loc[rows, "start"] = art.text.index(ADDRESSEE)
    return statements


def _recall_with_addressee(art: Article) -> float:
    """Recall (overlap ≥ 0.5) if paragraph 22's span took in whom Blinken spoke with, as the reference once did."""
    from .extract import evaluate, extract_from

    return float(evaluate(extract_from(art), _addressee_span(art)).set_index("match").at["overlap ≥ 0.5", "recall"])


def _example(art: Article) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Lesson 05's example coding (:func:`~newsclaims.reliability.example_coding`), and the reference aligned to it."""
    example = example_coding(art)
    return example, align(example, reference_coding(art))


def _example_caveat(art: Article) -> str:
    """What the example is on an article too short for every change the lesson makes to the forms."""
    rows = [row for field, rows, _ in EXAMPLE_CHANGES if field == "form" for row in rows]
    n = len(art.statements)
    kept = [row for row in rows if row < n]
    if len(kept) == len(rows):
        return ""
    return (f"Article {art.article_id!r} has only {n} statement{'s' * (n != 1)}, too few for the example's "
            f"{len(rows)} changed forms (it needs {max(rows) + 1}): here it changes {len(kept)}"
            + (", so the example's forms are the reference's." if not kept else "."))


def _example_kappa(art: Article) -> float:
    example, aligned = _example(art)
    return cohen_kappa(example["form"], aligned["form"])


def _never_hedged(art: Article) -> pd.Series:
    """Lesson 05's example with every hedge answered "false", against the reference: agreement and kappa."""
    example, _ = _example(art)
    return agreement(example.assign(hedged="false"), reference_coding(art)).set_index("field").loc["hedged"]


def _never_hedged_kappa(art: Article) -> float:
    return float(_never_hedged(art)["kappa"])


def _never_hedged_decoys(art: Article) -> list[tuple[float, str]]:
    share = float(_never_hedged(art)["agreement"])
    return [(share / 100, "that is percent agreement, as a fraction; the exercise asks for kappa"),
            (share, "that is percent agreement; the exercise asks for kappa")]


@dataclass
class _Exercise:
    what: str  # what the answer is, in the words of "Put your answer (...) in place of ..."
    solve: Callable[[Article], Any]  # the right answer, from the data
    judge: _Judge
    why: str  # said when the answer is right, on the seed article (it is written about it)
    caveat: Callable[[Article], str] | None = None  # what the answer rests on in this article, when it needs saying


def _checked(art: Article) -> pd.DataFrame:
    """The article's statements against their sources; LookupError when none is checked (lesson 09)."""
    from .sources import statement_sources  # sources imports the charts and widgets: loaded when first asked

    table = statement_sources(art)
    if table.empty:
        raise LookupError("no source passages coded")
    return table


def _altered(art: Article) -> set[str]:
    table = _checked(art)
    return set(table.loc[table["fidelity"] == "altered", "statement_id"])


def _readout_verbatim(art: Article) -> int:
    table = _checked(art)
    return int(((table["kind"] == "readout") & (table["fidelity"] == "verbatim")).sum())


def _source_decoys(art: Article) -> list[tuple[float, str]]:
    table = _checked(art)
    return [(float((table["kind"] == "readout").sum()), "that counts every statement checked against a readout, "
                                                        "whatever its fidelity"),
            (float((table["fidelity"] == "verbatim").sum()), "that counts every verbatim statement, whatever its "
                                                             "source")]


def _never_found(art: Article) -> set[str]:
    table = _checked(art)
    found = set(table.loc[table["fidelity"] != "not found", "actor_id"])
    return set(table["actor_id"]) - found


def _frame_coded(art: Article, table: str) -> None:
    """Lesson 10's exercises need the frame coding: an article without it has nothing to check."""
    if getattr(art, table).empty:
        raise LookupError(f"no {table} coded")


def _headline_actors(art: Article) -> set[str]:
    from .frame import frame_actors  # frame imports charts, which imports this module's neighbours

    _frame_coded(art, "frame")
    table = frame_actors(art)
    return set(table.loc[table["headline"] > 0, "actor_id"])


def _narration_paragraphs(art: Article) -> int:
    _frame_coded(art, "frame")
    narration = art.frame[art.frame["kind"].astype(object) == "narration"]
    return int(narration["paragraph"].nunique())


def _narration_decoys(art: Article) -> list[tuple[float, str]]:
    narration = art.frame[art.frame["kind"].astype(object) == "narration"]
    return [(len(narration), "that counts the narration spans; two can share a paragraph"),
            (len(art.frame), "that counts every span of the frame, headline and lede included")]


def _gender_from_outside(art: Article) -> set[str]:
    from .frame import gender_table

    _frame_coded(art, "voices")
    people = gender_table(art)
    return set(people.loc[people["gender_basis"] == "source", "actor_id"])


def _count(what: str, solve: Callable[[Article], Any], why: str, decoys: _Decoys | None = None) -> _Exercise:
    return _Exercise(what, solve, _same_number(what, decoys=decoys), why)


CHECKS: dict[str, _Exercise] = {
    "1.1": _count("the number of paragraphs with at least one statement", _paragraphs_with_statements,
                  "Only paragraph 2, the journalist's own analysis, has none.", _paragraph_decoys),
    "1.2": _Exercise("the date \"on Saturday\" would stand for, a week later", _saturday_a_week_later, _same_date,
                     "A date resolved from a day name moves with the day of publication; a stated one does not."),
    "1.3": _Exercise("(mentions, statements) for Russia", _russia, _same_pair,
                     "Russia is named often but speaks only as a state; Putin is never quoted."),
    "2.1": _Exercise("the actors with more statements than mentions", _speak_more_than_named,
                     _same_set(_actors, ("actor", "actors")),
                     "Speakers are named, then called \"he\" or \"she\": mentions count names, not pronouns."),
    "2.2": _Exercise("the United States' share of statements (a fraction, or the count)", _us_share,
                     _share_judge,
                     "Linda Thomas-Greenfield, the United States itself, Blinken and the State Department readout."),
    "2.3": _Exercise("the speakers with a larger share of quoted words than of statements", _more_words,
                     _same_set(_actors, ("speaker", "speakers")), "They are quoted at length, in whole quotations."),
    "3.1": _Exercise("the speakers who are never paraphrased", _never_paraphrased,
                     _same_set(_actors, ("speaker", "speakers")),
                     "People and documents; most of them have only one or two statements."),
    "3.2": _count("the number of statements coded with a via (passed on by a readout)", _via_readout,
                  "Five of Wang Yi's and one of Blinken's.", _readout_decoys),
    "3.3": _Exercise("the statement ids cued by 'adding that' or 'added that'", _adding,
                     _same_set(_statement_ids, ("statement", "statements")),
                     "Each marks a second claim by the same speaker."),
    "4.1": _Exercise("the topics on which China and Russia take opposite stances", _china_russia_oppose,
                     _same_set(_topics, ("topic", "topics")),
                     "From the conflict network's China–Russia tie; on alignment, China's side of the conflict is "
                     "one analyst's hedged reading."),
    "4.2": _Exercise("the topic(s) dividing the West and Russia", _west_russia, _same_set(_topics, ("topic", "topics")),
                     "Western officials say yes to the invasion threat, Russia says no."),
    "4.3": _Exercise("the holders on the United States' side", _us_holders, _same_set(_actors, ("holder", "holders")),
                     "The State Department readout speaks for the United States, but the stance it reports is "
                     "Blinken's."),
    "4.4": _count("the number of hedged positions on China's side", _china_side_hedged,
                  "Compare it with the other sides' hedged positions.", _china_side_hedged_decoys),
    "4.5": _Exercise("the topic(s) that still divide the United States and Russia without hedged stances",
                     _firm_division, _same_set(_topics, ("topic", "topics")),
                     "Sovereignty divided them only through Russia's hedged stance, and China's stances on both "
                     "topics are hedged, so China leaves the chart."),
    "5.2": _Exercise("Cohen's kappa for the example's form", _example_kappa,
                     _same_number("Cohen's kappa for the example's form", 0.005, _kappa_decoys, close=0.02),
                     "Agreement beyond what the two codings' own proportions would give by chance.",
                     _example_caveat),
    "5.3": _Exercise("Cohen's kappa for hedged when every answer is \"false\"", _never_hedged_kappa,
                     _same_number("Cohen's kappa for hedged when every answer is \"false\"", 0.005,
                                  _never_hedged_decoys, keys=("kappa",), close=0.02),
                     "One answer every time agrees only as often as chance predicts: kappa 0."),
    "6.1": _Exercise("the recall (overlap ≥ 0.5) with the five missed cues added", _recall_with_missed_cues,
                     _same_number("the recall (overlap ≥ 0.5) with the five missed cues added", 0.005,
                              _recall_decoys, close=0.02),
                     "Recall rises, but not to 1, and precision and speaker accuracy fall: cues added after seeing "
                     "the answers find false alarms too."),
    "6.2": _Exercise("the recall (overlap ≥ 0.5) with the span of cnn22_s27 begun at \"with\"",
                     _recall_with_addressee,
                     _same_number("the recall (overlap ≥ 0.5) with the span of cnn22_s27 begun at \"with\"", 0.005,
                                  _addressee_span_decoys, close=0.02),
                     "Where the reference's span begins moves the score: the rules did not change."),
    "9.1": _Exercise("the statements whose quotation marks hold a word the source does not", _altered,
                     _same_set(_statement_ids, ("statement", "statements")),
                     "A changed form, a changed article, words moved inside the marks: small, and inside the "
                     "marks all the same."),
    "9.2": _count("the number of statements checked against a readout that are verbatim", _readout_verbatim,
                  "Verbatim to the readout: the readout is the issuer's summary, not a record of the call.",
                  _source_decoys),
    "9.3": _Exercise("the speakers with no statement found in any source", _never_found,
                     _same_set(_actors, ("speaker", "speakers")),
                     "The analysts spoke to the reporter, and unnamed or collective speakers have no text of "
                     "their own: a reader cannot check them."),
    "10.1": _Exercise("the actors the headline names", _headline_actors, _same_set(_actors, ("actor", "actors")),
                      "The headline names states and blocs only, and no person: not one of the people it quotes."),
    "10.2": _count("the number of paragraphs that hold the journalist's narration", _narration_paragraphs,
                   "Narration fills the gaps between statements: whole paragraphs, or a clause between two "
                   "statements.", _narration_decoys),
    "10.3": _Exercise("the people whose gender the article gives no word for", _gender_from_outside,
                      _same_set(_actors, ("person", "people")),
                      "The article gives a pronoun or a title only for people it quotes and then refers back to; "
                      "for the rest, an outside source has to say."),
}


def check(exercise: str, answer: Any, art: Article | None = None) -> Verdict:
    """Say whether an answer to an exercise is right, and why, or what is wrong with it.

    The right answer is worked out from the article's data when the check runs. An
    answer is read leniently (see the module's notes): names by id, name or alias;
    sets as lists, Series, table columns or joined strings; shares as fractions or
    percents. On an article that does not code what the exercise asks about (no
    statements yet, or not the actor or topic it names), the verdict says so instead.

    Parameters
    ----------
    exercise : str
        The exercise's number, such as ``"2.1"``; one of the keys of ``CHECKS``.
    answer : object
        The student's answer. ``...`` or None means no answer yet.
    art : Article, optional
        The article the exercise is about; the default article when not given.

    Returns
    -------
    Verdict
        ``right`` is True or False, or None when there is nothing to check; the
        ``message`` says why it is right, or names what is missing, extra or wrong.

    Raises
    ------
    KeyError
        If there is no check for ``exercise``.

    Examples
    --------
    >>> import newsclaims as nc
    >>> print(check("3.1", "Wang Yi, David Sacks, the Putin-Xi joint statement, Antony Blinken, "
    ...                    "Ursula von der Leyen and the State Department readout"))
    Exercise 3.1: ✓ Right. People and documents; most of them have only one or two statements.
    >>> print(check("2.2", "16%").right, check("2.2", 0.16).right, check("2.2", 6).right)
    True True True
    >>> print(check("4.3", ["United States", "Antony Blinken"]).message)
    2 of 3 holders; missing: Linda Thomas-Greenfield. The answer is under 'Show answer'.
    """
    if exercise not in CHECKS:
        raise KeyError(f"no check for exercise {exercise!r}; there are checks for {', '.join(CHECKS)}")
    ex = CHECKS[exercise]
    # What the article lacks is said first, even before an answer is given, so that the
    # exercise says so at once, and without naming what only the seed article has.
    art = art if art is not None else load_article()
    if art.statements.empty:
        return Verdict(exercise, None, f"No statements coded yet in article {art.article_id!r}: this exercise "
                                       f"has no answer to check. {an.TO_CODE['statements']} {WORKBENCH}")
    try:
        expected = ex.solve(art)
    except LookupError:  # an actor, date or topic the exercise asks about is not in this article
        return Verdict(exercise, None, f"Article {art.article_id!r} does not code what this exercise asks "
                                       f"about: it is written for the seed article ({SEED}). Ask its question "
                                       f"of your article's own actors and topics.")
    if answer is Ellipsis or answer is None:
        return Verdict(exercise, None, f"Put your answer ({ex.what}) in place of ... and run the cell again.")
    try:
        right, note = ex.judge(art, answer, expected)
    except _Unreadable as unreadable:
        right, note = False, str(unreadable)
    except (TypeError, ValueError, OverflowError, LookupError):
        right, note = False, f"Look again for {ex.what}."
    caveat = f" {ex.caveat(art)}" if ex.caveat else ""
    if right:
        why = ex.why if art.article_id == SEED else ""  # written about the seed article: said only there
        return Verdict(exercise, True, f"{note} {why}".strip() + caveat.rstrip())
    return Verdict(exercise, False, f"{note} The answer is under 'Show answer'." + caveat.rstrip())
