"""What the lessons say, held to the data.

Each sentence of a lesson that states a number, a name or a comparison is listed in
a table of (notebook, phrase, fact): ``fact(art)`` works the fact out from the coded
article. A phrase with ``{}`` blanks is filled in with what ``fact`` returns and must
then appear, word for word, in the lesson's markdown; a phrase with no blanks must
appear as it is, and its ``fact`` must return True. So if the data changes, or the
sentence is edited or dropped, a test fails and says which.

A second test reads every number in a lesson's prose and asks that it lies inside a
checked phrase, or in a pattern that is not about the data (lesson numbers, time
estimates, references, the format of an answer).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path

import pandas as pd
import pytest

import newsclaims as nc
from newsclaims import analysis as an

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
Fact = Callable[[nc.Article], object]


@cache
def markdown(notebook: str) -> str:
    """Every markdown cell of a lesson, one after another."""
    cells = json.loads((NOTEBOOKS / f"{notebook}.ipynb").read_text(encoding="utf-8"))["cells"]
    return "\n\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")


def stated(phrase: str, fact: Fact, art: nc.Article) -> str:
    """The phrase as the data says it should read."""
    value = fact(art)
    if "{}" not in phrase:
        assert value is True, f"the data does not bear out {phrase!r}: {value!r}"
        return phrase
    return phrase.format(*(value if isinstance(value, tuple) else (value,)))


def require(condition: bool, what: str) -> None:
    """Inside a fact: the part of a sentence that is not a number must hold too."""
    if not condition:
        raise AssertionError(f"the data does not bear out: {what}")


_CODE = re.compile(r"```.*?```|`[^`\n]*`", re.S)
_NUMBER = re.compile(r"\d+(?:[.,:]\d+)*")
# Numbers that are not about the article's data, in any lesson
NOT_DATA = [
    r"\b0\d\b",  # lesson numbers: "lesson 02", "00 · Start here", "01 to 03"
    r"\b\d+ minutes\b", r"\*\*\d\. ", r"\bstep \d\b",  # time estimates; the primer's numbered steps
    r"\*\*Exercise \d\.\d\.\*\*",
    r"\(\d{4}\)", r"\d+\(\d\), (?:\d+–\d+|e\d+)", r"pp\. \d+–\d+",  # references
]


def unchecked_numbers(notebook: str, phrases: Iterable[str], patterns: Iterable[str]) -> list[str]:
    """The numbers of a lesson's prose (code left out) that no checked phrase or allowed pattern covers."""
    text = markdown(notebook)
    covered = [False] * len(text)
    for pattern in [*map(re.escape, phrases), *patterns]:
        for match in re.finditer(pattern, text):
            covered[match.start():match.end()] = [True] * (match.end() - match.start())
    prose = _CODE.sub(lambda m: " " * len(m.group()), text)
    return [f"{m.group()!r} in {text[max(m.start() - 50, 0):m.end() + 30]!r}" for m in _NUMBER.finditer(prose)
            if not all(covered[m.start():m.end()])]


@pytest.fixture(scope="module")
def art() -> nc.Article:
    return nc.load_article()


# --- Lessons 00–03 -------------------------------------------------------------------------------

_WORDS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
INVASION = pd.Timestamp("2022-02-24")  # outside the article: the day Russia's full-scale invasion began


def words(n: int) -> str:
    return _WORDS[n]


def day(when: pd.Timestamp, year: bool = True) -> str:
    """22 February 2022"""
    return f"{when.day} {when:%B}" + (f" {when:%Y}" if year else "")


def weekday(when: pd.Timestamp) -> str:
    """Tuesday 22 February 2022"""
    return f"{when:%A} {day(when)}"


def listing(items: Iterable[str]) -> str:
    """a, b and c"""
    items = list(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def by(art: nc.Article, actor: str) -> pd.DataFrame:
    """The statements an actor makes."""
    return art.statements[art.statements["actor_id"] == actor]


def count(art: nc.Article, actor: str, column: str = "statements") -> int:
    return int(an.mention_counts(art).set_index("actor_id").loc[actor, column])


def published(art: nc.Article) -> pd.Timestamp:
    return pd.Timestamp(art.meta["published"])


def top_speakers(art: nc.Article) -> pd.Series:
    return art.statements["actor_id"].value_counts()


def most_statements(art: nc.Article) -> tuple:
    top = top_speakers(art)
    side = an.speaks_for(art.actors)
    require(list(top.index[:2]) == ["wang_yi", "zhang_jun"], "Wang Yi and Zhang Jun have the most statements")
    require(top.iloc[1] > top.iloc[2], "no one else has as many as Zhang Jun")
    require(side["wang_yi"] == side["zhang_jun"] == "china", "both are Chinese officials")
    return int(top["wang_yi"]), int(top["zhang_jun"]), len(art.statements)


def close_counts(art: nc.Article) -> bool:
    top = top_speakers(art).head(3)
    return bool((top.diff().dropna().abs() <= 1).all())


def through_readout(art: nc.Article, actor: str) -> tuple:
    said = by(art, actor)
    passed = said[said["via"].notna()]
    require(passed["setting"].eq("Blinken–Wang phone call").all(), "the readout is of a phone call")
    return words(len(passed)), words(len(said))


def of_form(art: nc.Article, actor: str, form: str) -> tuple:
    said = by(art, actor)
    return words(int((said["form"] == form).sum())), words(len(said))


def said_as(art: nc.Article, actor: str, quote: str, cue: str | None = None) -> bool:
    said = by(art, actor)
    return bool(((said["quote"] == quote) & ((said["cue"] == cue) if cue else True)).any())


def most_never_speak(art: nc.Article) -> bool:
    return len(art.actors) - art.statements["actor_id"].nunique() > len(art.actors) / 2


def has_events(art: nc.Article, *labels: str) -> bool:
    return set(labels) <= set(art.events["label"])


L00, L01, L02, L03 = "00_start_here", "01_the_article", "02_actors", "03_statements"

LESSONS_00_03: list[tuple[str, str, Fact]] = [
    # 00 · Start here
    (L00, "CNN, *{}*, {} |", lambda a: (a.meta["title"], day(published(a)))),
    (L00, "**actors**: every {} the article names", lambda a: listing(a.actors["kind"].cat.categories)),
    (L00, "(a direct quote, a partial quote or a paraphrase)",
     lambda a: list(a.statements["form"].cat.categories) == ["direct", "partial", "paraphrase"]),
    (L00, "such as NATO enlargement or condemning Russia",
     lambda a: {"NATO enlargement", "Condemning Russia"} <= set(a.topics["label"])),
    (L00, "CNN's report of {} on how China responded", lambda a: day(published(a))),
    (L00, "as Russia recognised two breakaway regions of eastern Ukraine and the UN Security Council met in "
          "emergency session",
     lambda a: has_events(a, "Russia recognises the two breakaway regions as independent",
                          "Emergency meeting of the UN Security Council")),
    (L00, "The article was published on {}, {} days before Russia's full-scale invasion of Ukraine began on {}",
     lambda a: (weekday(published(a)), words((INVASION - published(a)).days), day(INVASION, year=False))),
    (L00, "Western officials suggest that Russia's move \"would provide a pretext to a broader invasion of Ukraine\"",
     lambda a: said_as(a, "western_officials", "would provide a pretext to a broader invasion of Ukraine", "suggest")),
    (L00, "Russia says \"it would not invade Ukraine\"", lambda a: said_as(a, "russia", "it would not invade Ukraine")),
    (L00, "Notice that most actors never speak", most_never_speak),
    (L00, "Notice `(CNN)China's` with no space", lambda a: "(CNN)China's" in a.text),
    (L00, "two Chinese officials, Wang Yi and Zhang Jun, have the most statements ({} and {} of {})",
     most_statements),
    (L00, "{} of Wang Yi's {} come through a ministry's readout of a phone call",
     lambda a: through_readout(a, "wang_yi")),
    (L00, "{} of Zhang Jun's {} are paraphrases", lambda a: of_form(a, "zhang_jun", "paraphrase")),
    (L00, "one statement more or less would change the order", close_counts),
    (L00, "*Text: {}, {}.", lambda a: (a.meta["author"], day(published(a)))),
]

# Numbers in lessons 00–03 that are not about the data, beyond NOT_DATA
NOT_DATA_00_03: dict[str, list[str]] = {
    L00: [],
}


@pytest.mark.parametrize("notebook, phrase, fact", LESSONS_00_03,
                         ids=[f"{n[:2]}: {p[:48]}" for n, p, _ in LESSONS_00_03])
def test_lessons_00_to_03_say_what_the_data_says(art, notebook, phrase, fact):
    expected = stated(phrase, fact, art)
    assert expected in markdown(notebook), f"{notebook} no longer says {expected!r}"


@pytest.mark.parametrize("notebook", sorted(NOT_DATA_00_03))
def test_every_number_in_lessons_00_to_03_is_checked(art, notebook):
    phrases = [stated(p, f, art) for n, p, f in LESSONS_00_03 if n == notebook]
    assert unchecked_numbers(notebook, phrases, NOT_DATA + NOT_DATA_00_03[notebook]) == []
