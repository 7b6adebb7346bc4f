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

import numpy as np
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
        assert isinstance(value, (bool, np.bool_)) and value, f"the data does not bear out {phrase!r}: {value!r}"
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
    r"\b0\d\b", r"\b\d\d_[a-z_]+\.ipynb",  # lesson numbers: "lesson 02", "00 · Start here", "01 to 03"; files
    r"\b\d+ minutes\b", r"\*\*\d\. ", r"\bstep \d\b",  # time estimates; the primer's numbered steps
    r"\*\*Exercise \d\.\d\.\*\*",
    # references: year, volume(issue) and pages, chapter and section
    r"\(\d{4}\)", r"\d+\(\d\), (?:\d+–\d+|e\d+)", r"pp\. \d+–\d+", r"\b[Cc]hapter \d+", r"\b[Ss]ection \d+\.\d+",
    r"https://doi\.org/\S+",
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


def analysts(art: nc.Article) -> list[str]:
    """The people who speak for no one: the academics and analysts."""
    people = art.actors[(art.actors["kind"] == "person") & art.actors["represents"].isna()]
    return people["actor_id"].tolist()


def named(art: nc.Article, ids: Iterable[str]) -> list[str]:
    return [an.names(art)[i] for i in ids]


def with_quoted_words(art: nc.Article) -> pd.DataFrame:
    return art.statements.assign(words=art.statements["quote"].map(an.quoted_words))


def sentences(text: str) -> int:
    return len(re.findall(r"[.!?][\"”]?(?=\s|$)", text))


def short_paragraphs(art: nc.Article) -> tuple:
    lengths = art.paragraphs["text"].str.split().str.len()
    return f"{lengths.median():g}", int((art.paragraphs["text"].map(sentences) == 1).sum()), len(art.paragraphs)


def longest_quotation(art: nc.Article) -> tuple:
    two = with_quoted_words(art).query("actor_id in ['zhang_jun', 'wang_yi']")
    longest = two.loc[two["words"].idxmax()]
    require(longest["actor_id"] == "zhang_jun", "Zhang Jun has the longest quotation of the two")
    require(longest["form"] == "direct", "it is a whole quotation")
    return int(longest["words"]), int(longest["paragraph"])


def quoted_words_of_the_two(art: nc.Article) -> tuple:
    total = with_quoted_words(art).groupby("actor_id")["words"].sum()
    require(total["zhang_jun"] > total["wang_yi"], "Zhang Jun has more quoted words than Wang Yi")
    return int(total["zhang_jun"]), int(total["wang_yi"])


def zhang_otherwise_few_words(art: nc.Article) -> bool:
    said = with_quoted_words(art).query("actor_id == 'zhang_jun' and form != 'direct'")
    return bool(said["form"].isin(["paraphrase", "partial"]).all() and said["words"].max() <= 4)


def wang_yi_at_most(art: nc.Article) -> int:
    said = with_quoted_words(art).query("actor_id == 'wang_yi'")
    return int(said["words"].max())


def wang_yi_by_readout(art: nc.Article) -> tuple:
    said = by(art, "wang_yi")
    require(set(said["via"].dropna()) == {"chinese_foreign_ministry_readout"}, "the Chinese Foreign Ministry's readout")
    return through_readout(art, "wang_yi")


def undated(art: nc.Article) -> pd.DataFrame:
    return art.statements[art.statements["said_on"].isna()]


def undated_analysts(art: nc.Article) -> tuple:
    none = undated(art)
    return int(none["actor_id"].isin(analysts(art)).sum()), len(none), ", ".join(named(art, analysts(art)))


def undated_others(art: nc.Article) -> int:
    others = undated(art)[~undated(art)["actor_id"].isin(analysts(art))]
    kinds = set(others["actor_id"].map(dict(zip(art.actors["actor_id"], art.actors["kind"].astype(str)))))
    require(kinds <= {"state", "bloc", "group"}, "the others are states, blocs and unnamed groups")
    return len(others)


def undated_words(art: nc.Article) -> tuple:
    others = undated(art)[~undated(art)["actor_id"].isin(analysts(art))]
    kept = others["said_on_text"].dropna().tolist()
    return words(len(kept)), ", ".join(f'"{t}"' for t in kept)


def inferred(art: nc.Article) -> str:
    rows = art.events[art.events["date_basis"] == "inferred"]
    require(set(rows["label"]) == {"Russia recognises the two breakaway regions as independent",
                                   "Putin orders Russian forces into the two regions"}, "which rows are inferred")
    meeting = art.events.loc[art.events["label"] == "Emergency meeting of the UN Security Council", "date"].iloc[0]
    require((rows["date"] == meeting).all() and meeting.day_name() == "Monday",
            "both carry the date of the Monday meeting")
    return words(len(rows))


def dated(art: nc.Article) -> tuple:
    when = art.statements["said_on"].dropna()
    monday = published(art) - pd.Timedelta(days=1)
    require(monday.day_name() == "Monday", "the day before publication is a Monday")
    return int((when == monday).sum()), len(when)


def resolved_texts(art: nc.Article) -> list[str]:
    st = art.statements
    return st.loc[st["said_on_basis"] == "resolved", "said_on_text"].drop_duplicates().tolist()


def moving_dates(art: nc.Article) -> str:
    days = [t for t in resolved_texts(art) if re.search(r"day\b", t)]
    require([t for t in resolved_texts(art) if t not in days] == ["February 4"], "only February 4 has no day name")
    return listing(f'"{t}"' for t in days)


def a_week_later(art: nc.Article) -> tuple:
    later = published(art) + pd.Timedelta(days=7)
    saturday = by(art, "wang_yi").query("said_on_text == 'on Saturday'")["said_on"].iloc[0] + pd.Timedelta(days=7)
    back = pd.date_range(saturday, later - pd.Timedelta(days=1))[::-1]
    return weekday(saturday), weekday(later), listing([f"{d:%A} {d.day}" for d in back]).replace(" and ", ", ")


def no_statement_paragraph(art: nc.Article) -> tuple:
    silent = art.paragraphs[~art.paragraphs["paragraph"].isin(art.statements["paragraph"])]
    require(len(silent) == 1, "only one paragraph has no statement")
    return int(silent["paragraph"].iloc[0]), " ".join(silent["text"].iloc[0].split()[:6])


def speaks_for_russia_in_person(art: nc.Article) -> bool:
    people = art.actors[(art.actors["kind"] == "person") & (art.actors["represents"] == "russia")]
    return people["actor_id"].tolist() == ["vladimir_putin"] and count(art, "vladimir_putin") == 0


def represents(art: nc.Article, actor: str) -> str | None:
    value = art.actors.set_index("actor_id").loc[actor, "represents"]
    return value if isinstance(value, str) else None


def shares(art: nc.Article, by_side: bool = False) -> pd.DataFrame:
    return an.voice_share(art, by="side" if by_side else "actor").set_index("actor_id")


def one_in(art: nc.Article) -> tuple:
    """One statement as a share of all, in percent to one place: it is almost 3 points."""
    point = 100 / len(art.statements)
    require(2.5 <= point < 3, "one statement is almost 3 points of share")
    return len(art.statements), len(art.statements), f"{point:.1f}"


def sacks_against_wang(art: nc.Article) -> tuple:
    share = shares(art)
    require(share["quoted_words"].idxmax() == "david_sacks", "David Sacks has the most quoted words")
    require(share.loc["david_sacks", "statements"] < share.loc["wang_yi", "statements"], "fewer than Wang Yi")
    return (int(share.loc["david_sacks", "statements"]), int(share.loc["wang_yi", "statements"]),
            int(share.loc["david_sacks", "quoted_words"]))


def whole_quotations(art: nc.Article) -> tuple:
    direct = with_quoted_words(art).query("form == 'direct'")
    theirs = direct[direct["actor_id"].isin(analysts(art))]["words"]
    wang = direct[direct["actor_id"] == "wang_yi"]["words"]
    return words(len(theirs)), f"{theirs.mean():.0f}", words(len(wang)), f"{wang.mean():.0f}"


def few_statements(art: nc.Article) -> tuple:
    per = top_speakers(art)
    return int((per <= 3).sum()), len(per)


def china_side(art: nc.Article) -> tuple:
    side = shares(art, by_side=True)
    total = side[["statements", "quoted_words"]].sum()
    require(side.loc["china", "statement_share"] > 1 / 3 and side.loc["china", "word_share"] > 1 / 3, "over a third")
    return (int(side.loc["china", "statements"]), int(total["statements"]), int(side.loc["china", "quoted_words"]),
            int(total["quoted_words"]))


def documents(art: nc.Article) -> set[str]:
    return set(art.actors.loc[art.actors["kind"] == "document", "actor_id"])


def speaking_documents(art: nc.Article) -> tuple:
    said = art.statements["actor_id"].value_counts()
    speaking = [d for d in documents(art) if d in said.index]
    require(set(speaking) == {"joint_statement", "state_department_readout"}, "which documents speak")
    return words(len(speaking)), int(said["joint_statement"]), int(said["state_department_readout"])


def passed_on_by_the_chinese_readout(art: nc.Article) -> str:
    require(count(art, "chinese_foreign_ministry_readout") == 0, "the readout has no statement of its own")
    passed = art.statements[art.statements["via"] == "chinese_foreign_ministry_readout"]
    require(set(passed["actor_id"]) == {"wang_yi"}, "the statements it passes on are Wang Yi's")
    return words(len(passed))


def reported_for_china(art: nc.Article) -> tuple:
    """What the actor explorer shows for China: its own statements, and the stances others report for it."""
    own = by(art, "china")
    positions = art.positions
    held = positions[(positions["holder_id"] == "china") & ~positions["statement_id"].isin(own["statement_id"])]
    speakers = held["statement_id"].map(dict(zip(art.statements["statement_id"], art.statements["actor_id"])))
    from_analysts = speakers.isin([*analysts(art), "experts"])
    require(set(speakers[~from_analysts]) == {"joint_statement", "china_russia"}, "who reports the rest")
    require(from_analysts.sum() > len(held) / 2, "most come from analysts and experts")
    return len(own), len(held), int(from_analysts.sum())


def speak_more_than_named(art: nc.Article) -> tuple:
    counts = an.mention_counts(art)
    more = counts[counts["statements"] > counts["mentions"]]
    people = more[more["kind"] == "person"]
    blocs = more[more["kind"] == "bloc"]
    require(len(people) + len(blocs) == len(more) and len(blocs) == 1, "people and one bloc")
    return words(len(more)).capitalize(), listing(people["name"]), blocs["name"].iloc[0]


def people_among_them(art: nc.Article) -> tuple:
    counts = an.mention_counts(art)
    more = counts[counts["statements"] > counts["mentions"]]
    return words(int((more["kind"] == "person").sum())).capitalize(), words(len(more))


def us_side(art: nc.Article) -> tuple:
    side = an.speaks_for(art.actors)
    theirs = art.statements[art.statements["actor_id"].map(side) == "united_states"]["actor_id"].value_counts()
    require(theirs.to_dict() == {"linda_thomas_greenfield": 3, "united_states": 1, "antony_blinken": 1,
                                 "state_department_readout": 1}, "who makes up the United States' side")
    return int(theirs.sum()), len(art.statements), f"{100 * theirs.sum() / len(art.statements):.0f}"


def more_words_than_statements(art: nc.Article) -> str:
    share = an.voice_share(art)
    more = share[share["word_share"] > share["statement_share"]]
    require(set(more["actor_id"]) == {*analysts(art), "zhang_jun", "state_department_readout"},
            "the analysts, Zhang Jun and the State Department readout")
    return ", ".join(more.loc[more["actor_id"].isin(analysts(art)), "name"])


def wang_yi_on_the_line(art: nc.Article) -> tuple:
    share = shares(art).loc["wang_yi"]
    require(share["word_share"] <= share["statement_share"], "Wang Yi is not among them")
    return f"{100 * share['statement_share']:.1f}", f"{100 * share['word_share']:.1f}"


def others_short(art: nc.Article) -> bool:
    others = with_quoted_words(art)
    others = others[~others["actor_id"].isin([*analysts(art), "zhang_jun", "state_department_readout"])]
    return bool(others["words"].max() <= 13)


def readout_quotation(art: nc.Article) -> str:
    said = by(art, "state_department_readout")
    require(len(said) == 1 and said["form"].iloc[0] == "direct", "one statement, a direct quotation")
    require(an.speaks_for(art.actors)["state_department_readout"] == "united_states", "it speaks for the US")
    return said["quote"].iloc[0].strip('"').rstrip(",")


def kinds(art: nc.Article) -> dict[str, str]:
    return dict(zip(art.actors["actor_id"], art.actors["kind"].astype(str)))


def collective(art: nc.Article) -> pd.DataFrame:
    """The statements by states, blocs and unnamed groups."""
    return with_quoted_words(art)[art.statements["actor_id"].map(kinds(art)).isin(["state", "bloc", "group"])]


def only_paraphrased(art: nc.Article) -> set[str]:
    st = art.statements
    return set(st["actor_id"]) - set(st.loc[st["form"] != "paraphrase", "actor_id"])


def collective_quoted(art: nc.Article) -> tuple:
    quoted = collective(art).query("words > 0")
    require(len(quoted) == 1 and quoted["actor_id"].iloc[0] == "russia", "only one, Russia's, carries quoted words")
    return len(collective(art)), re.findall(r'"([^"]*)"', quoted["quote"].iloc[0])[0]


def few_each(art: nc.Article) -> str:
    per = top_speakers(art)[sorted(only_paraphrased(art))]
    require(per.max() <= 2, "each has one or two statements")
    return words(len(per))


def cues_used(*cues: str) -> Fact:
    """A fact: every one of these cues is used in the article."""
    return lambda art: set(cues) <= set(art.statements["cue"].dropna())


def cue_of(art: nc.Article, **pairs: str) -> bool:
    """Each cue (a key, with _ for spaces) is used by the actor given."""
    cues = art.statements.dropna(subset=["cue"]).groupby("cue")["actor_id"].apply(set)
    return all(cues.get(cue.replace("_", " "), set()) == {actor} for cue, actor in pairs.items())


def said_most(art: nc.Article) -> tuple:
    cues = art.statements["cue"].value_counts()
    require(cues.index[0] == "said", "said is the most common cue")
    return int(cues["said"]), len(art.statements)


def no_setting(art: nc.Article) -> pd.DataFrame:
    return art.statements[art.statements["setting"].isna()]


def almost_half(art: nc.Article) -> tuple:
    share = len(no_setting(art)) / len(art.statements)
    require(0.4 <= share < 0.5, "almost half")
    return len(no_setting(art)), len(art.statements)


def no_setting_who(art: nc.Article) -> tuple:
    none = no_setting(art)
    theirs = none["actor_id"].isin(analysts(art))
    require(set(none.loc[~theirs, "actor_id"].map(kinds(art))) <= {"state", "bloc", "group"},
            "the rest are states, blocs and unnamed groups")
    return int(theirs.sum()), int((~theirs).sum())


def partial_few_words(art: nc.Article) -> tuple:
    partial = with_quoted_words(art).query("form == 'partial'")["words"]
    return words(7), int((partial <= 7).sum()), len(partial)


def never_paraphrased(art: nc.Article) -> pd.Series:
    st = art.statements
    never = set(st["actor_id"]) - set(st.loc[st["form"] == "paraphrase", "actor_id"])
    return top_speakers(art)[sorted(never)]


def never_paraphrased_counts(art: nc.Article) -> tuple:
    per = never_paraphrased(art)
    require(set(per.index) == {"wang_yi", "david_sacks", "joint_statement", "antony_blinken", "ursula_von_der_leyen",
                               "state_department_readout"}, "who is never paraphrased")
    ones = per[["antony_blinken", "ursula_von_der_leyen", "state_department_readout"]]
    require(ones.nunique() == 1, "the last three have as many each")
    return (words(len(per)).capitalize(), per["wang_yi"], per["david_sacks"], per["joint_statement"],
            ones.iloc[0])


def blinken_words(art: nc.Article) -> tuple:
    said = by(art, "antony_blinken")
    require(said["via"].tolist() == ["state_department_readout"], "his words come through the readout")
    return re.findall(r'"([^"]*?),?"', said["quote"].iloc[0])[0], int(said["paragraph"].iloc[0])


def two_readouts_of_the_call(art: nc.Article) -> bool:
    call = art.statements[art.statements["setting"] == "Blinken–Wang phone call"]
    readouts = set(call["via"].dropna()) | (set(call["actor_id"]) & documents(art))
    side = an.speaks_for(art.actors)
    return len(readouts) == 2 and {side[r] for r in readouts} == {"united_states", "china"}


def readout_speaks_itself(art: nc.Article) -> int:
    said = by(art, "state_department_readout")
    require(said["via"].isna().all() and len(said) == 1, "no one passes it on")
    return int(said["paragraph"].iloc[0])


def passed_on(art: nc.Article) -> tuple:
    via = art.statements[art.statements["via"].notna()]
    per = via.groupby(["via", "actor_id"]).size()
    require(set(per.index) == {("chinese_foreign_ministry_readout", "wang_yi"),
                               ("state_department_readout", "antony_blinken")}, "whose, and through which readout")
    return (words(len(via)).capitalize(), words(int(per["chinese_foreign_ministry_readout", "wang_yi"])),
            words(int(per["state_department_readout", "antony_blinken"])))


def adding(art: nc.Article) -> pd.DataFrame:
    return art.statements[art.statements["cue"].isin(["adding that", "added that"])]


def adding_who(art: nc.Article) -> str:
    require(adding(art)["actor_id"].value_counts().to_dict() == {"alfred_wu": 2, "zhang_jun": 1, "wang_yi": 1},
            "Zhang Jun, Alfred Wu (twice) and Wang Yi")
    return words(len(adding(art))).capitalize()


def adding_follows_the_same_speaker(art: nc.Article) -> bool:
    before = art.statements["actor_id"].shift()
    return bool((before[adding(art).index] == adding(art)["actor_id"]).all())


def silent_ukraine(art: nc.Article) -> int:
    require(count(art, "ukraine") == 0, "Ukraine never speaks")
    return count(art, "ukraine", "mentions")


def readout_quoted_for_blinken(art: nc.Article) -> int:
    paragraph = readout_speaks_itself(art)
    require(holds(art, paragraph, "antony_blinken"), "the stance is Blinken's")
    return paragraph


def holds(art: nc.Article, statement_paragraph: int, holder: str) -> bool:
    said = art.statements[art.statements["paragraph"] == statement_paragraph]["statement_id"]
    return set(art.positions.loc[art.positions["statement_id"].isin(said), "holder_id"]) == {holder}


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
    # 01 · The article
    (L01, "CNN, *{}*, {}, {} (the coded article",
     lambda a: (a.meta["title"], a.meta["author"].split(",")[0], day(published(a)))),
    (L01, "the article was *updated* at {}",
     lambda a: re.search(r"updated (\d+:\d\d [AP]M \w+)", a.meta["published_text"])[1]),
    (L01, "a \"Breaking News\" banner, video teasers, a comments counter",
     lambda a: all(w in a.meta["left_out"] for w in ("'Breaking News' banner", "video teaser", "'No comments'"))),
    (L01, "the headline and the photo caption were not thrown away",
     lambda a: bool(a.meta["title"]) and bool(a.meta["photo_caption"])),
    (L01, "Paragraph {} is the lede",
     lambda a: int(a.paragraphs.loc[a.paragraphs["text"].str.startswith(f"{a.meta['dateline']} (CNN)"), "paragraph"]
                   .iloc[0])),
    (L01, "{} words at the median, and {} of the {} are a single sentence", short_paragraphs),
    (L01, "Zhang Jun has the longest quotation of the two, {} words in paragraph {}", longest_quotation),
    (L01, "more quoted words in all ({} against Wang Yi's {})", quoted_words_of_the_two),
    (L01, "the rest of what he said reaches us as paraphrase or as a few quoted words", zhang_otherwise_few_words),
    (L01, "Wang Yi is quoted in short sentences, {} words at most", wang_yi_at_most),
    (L01, "{} of his {} statements come not from him in person but from the Chinese Foreign Ministry's readout "
          "of a phone call", wang_yi_by_readout),
    (L01, "(\"but stopped short of condemning\")",
     lambda a: "but stopped short of condemning" in a.text and "stopped short of" in set(by(a, "zhang_jun")["cue"])),
    (L01, "Notice that \"February 4\" is resolved too: the article gives no year, so the year is taken from the "
          "publication date",
     lambda a: a.statements.query("said_on_text == 'February 4' and said_on_basis == 'resolved'")["said_on"]
     .dt.year.eq(published(a).year).any()),
    (L01, "The call between Blinken and Wang Yi is dated \"Monday night in the US\"",
     lambda a: set(a.statements.loc[a.statements["setting"] == "Blinken–Wang phone call", "said_on_text"])
     == {"On Monday night in the US"}),
    (L01, "{} of the {} come from the three analysts ({})", undated_analysts),
    (L01, "the other {} are the standing views of states, blocs and unnamed groups", undated_others),
    (L01, "{} of them with words but no date ({})", undated_words),
    (L01, "Notice the {} `inferred` rows: the article never says when Russia recognised the two regions, or when "
          "Putin ordered Russian forces into them", inferred),
    (L01, "{} of the {} dated statements come from the Monday before", dated),
    (L01, "set against the {} summit",
     lambda a: day(a.events.loc[a.events["label"] == "Putin meets Xi in Beijing", "date"].iloc[0], year=False)),
    (L01, "(The other {} statements have no date", lambda a: len(undated(a))),
    (L01, "Guess first: how many of the {} paragraphs contain at least one statement", lambda a: len(a.paragraphs)),
    (L01, "{} of the {} paragraphs have at least one statement",
     lambda a: (a.statements["paragraph"].nunique(), len(a.paragraphs))),
    (L01, "Only paragraph {} has no attributed statement: \"{}...\"", no_statement_paragraph),
    (L01, "its publication date, {}, so that \"on Saturday\" became {}",
     lambda a: (weekday(published(a)), day(a.statements.query("said_on_text == 'on Saturday'")["said_on"].iloc[0]))),
    (L01, "a week later, on {}", lambda a: weekday(published(a) + pd.Timedelta(days=7))),
    (L01, "What date would Wang Yi's \"on Saturday\" stand for then?",
     lambda a: a.statements.query("said_on_text == 'on Saturday'")["actor_id"].tolist() == ["wang_yi"]),
    (L01, "{}, the Saturday before {}: count back {}.", a_week_later),
    (L01, "the day names would all move a week: {}.", moving_dates),
    (L01, "\"February 4\" would stay: it names its day and month, and takes only its year from the publication "
          "date, which is still {}", lambda a: published(a).year),
    (L01, "This is the row in the data: Wang Yi at the Munich Security Conference",
     lambda a: set(a.statements.query("said_on_text == 'on Saturday'")["setting"]) == {"Munich Security Conference"}),
    (L01, "Guess first: Russia is in the headline", lambda a: "Russia" in a.meta["title"]),
    (L01, "Russia has {} mentions and {} statements", lambda a: (count(a, "russia", "mentions"), count(a, "russia"))),
    (L01, "(\"has for weeks said that it would not invade Ukraine\", and its defence at the Security Council)",
     lambda a: "has for weeks said that it would not invade Ukraine" in a.text
     and said_as(a, "russia", "it would not invade Ukraine")
     and by(a, "russia")["setting"].eq("UN Security Council emergency meeting").any()),
    (L01, "Vladimir Putin, who speaks for Russia, is named {} times but never quoted",
     lambda a: words(count(a, "vladimir_putin", "mentions"))),
    (L01, "no other Russian official appears", speaks_for_russia_in_person),
    (L01, "the joint statement, which speaks for China and Russia together",
     lambda a: an.speaks_for(a.actors)["joint_statement"] == "china_russia"),
    (L01, "The von der Leyen remarks are dated \"Friday\" ({})",
     lambda a: (day(by(a, "ursula_von_der_leyen")["said_on"].iloc[0], year=False))),
    (L01, "other reports date her Munich speech to {}.",
     lambda a: re.search(r"dates her speech to (\w+ \d+ \w+)", by(a, "ursula_von_der_leyen")["note"].iloc[0])[1]),
    # 02 · Actors
    (L02, "CNN, *{}*, {}, {} (the coded article",
     lambda a: (a.meta["title"], a.meta["author"].split(",")[0], day(published(a)))),
    (L02, "Notice the three academics and analysts ({}): they represent no one",
     lambda a: ", ".join(named(a, analysts(a)))),
    (L02, "their institution is recorded separately as their `affiliation`",
     lambda a: bool(a.actors.set_index("actor_id").loc[analysts(a), "affiliation"].notna().all())),
    (L02, "Notice Ukraine: named {} times, and never given a statement.",
     silent_ukraine),
    (L02, "Vladimir Putin, who ordered Russian forces into the two regions, has no statement in the article",
     lambda a: count(a, "vladimir_putin") == 0 and "vladimir_putin" in set(
         a.events.loc[a.events["label"] == "Putin orders Russian forces into the two regions", "actor_id"])),
    (L02, "Notice David Sacks: fewer statements than Wang Yi ({} against {}), but the most quoted words ({})",
     sacks_against_wang),
    (L02, "the analysts' {} whole quotations run to {} words on average, Wang Yi's {} to {}", whole_quotations),
    (L02, "with {} statements in all, one statement is almost 3 points of share (1 of {} is {}%)", one_in),
    (L02, "{} of the {} speakers have three statements or fewer", few_statements),
    (L02, "Zhang Jun and Wang Yi for China, Antony Blinken and Linda Thomas-Greenfield for the United States, a "
          "readout for the ministry that issued it",
     lambda a: [represents(a, x) for x in ("zhang_jun", "wang_yi", "antony_blinken", "linda_thomas_greenfield",
                                           "state_department_readout", "chinese_foreign_ministry_readout")]
     == ["china", "china", "united_states", "united_states", "state_department", "chinese_foreign_ministry"]),
    (L02, "(the State Department readout speaks for the State Department, which speaks for the United States)",
     lambda a: represents(a, "state_department") == "united_states"
     and an.speaks_for(a.actors)["state_department_readout"] == "united_states"),
    (L02, "China's side has over a third of all statements ({} of {}) and of all quoted words ({} of {})", china_side),
    (L02, "Russia's own side very little ({} statements, {} quoted words)",
     lambda a: tuple(int(shares(a, by_side=True).loc["russia", c]) for c in ("statements", "quoted_words"))),
    (L02, "such as the three analysts and the unnamed \"experts\", stay as themselves",
     lambda a: all(an.speaks_for(a.actors)[x] == x for x in [*analysts(a), "experts"])),
    (L02, "Notice the documents: the joint statement, two readouts, the UN Charter and the Minsk agreements",
     lambda a: documents(a) == {"joint_statement", "state_department_readout", "chinese_foreign_ministry_readout",
                                "un_charter", "minsk_agreements"}),
    (L02, "Only {} of them speak: the Putin–Xi joint statement ({} statements) and the State Department readout ({})",
     speaking_documents),
    (L02, "The Chinese Foreign Ministry readout has no statement of its own, yet {} of Wang Yi's statements reach us "
          "through it", passed_on_by_the_chinese_readout),
    (L02, "Notice how few statements China makes itself ({}), and how many stances others report for it ({}): most "
          "of them ({}) from analysts and \"experts\" telling us what Beijing wants, the rest from the joint statement "
          "and the China and Russia bloc", reported_for_china),
    (L02, "Ukraine is named {} times and never speaks",
     silent_ukraine),
    (L02, "{}: {}, and the {} bloc.", speak_more_than_named),
    (L02, "{} of the {} are people the article quotes at length", people_among_them),
    (L02, "mentions count names, not pronouns",
     lambda a: not set(a.mentions["alias"].str.lower()) & {"he", "she", "they", "him", "her", "it", "them"}),
    (L02, "{} of {} statements, about {}%: Linda Thomas-Greenfield (3), the United States itself (1), Antony Blinken "
          "(1) and the State Department readout (1)", us_side),
    (L02, "Six statements are few: one statement more or less on its side would move the share by almost 3 points",
     lambda a: us_side(a)[0] == 6 and 2.5 <= 100 / len(a.statements) < 3),
    (L02, "The three analysts ({}), Zhang Jun, and the State Department readout", more_words_than_statements),
    (L02, "Zhang Jun's one long quotation in paragraph {}",
     lambda a: int(by(a, "zhang_jun").query("form == 'direct'")["paragraph"].squeeze())),
    (L02, "the readout's one statement is a whole quotation",
     lambda a: by(a, "state_department_readout")["form"].tolist() == ["direct"]),
    (L02, "Wang Yi sits almost on the line: {}% of the statements and {}% of the quoted words", wang_yi_on_the_line),
    (L02, "The other speakers are paraphrased, or quoted in fragments or short sentences", others_short),
    (L02, "It speaks for the State Department (which speaks for the United States). Its one statement is the direct "
          "quotation \"{}\"", readout_quotation),
    (L02, "The Chinese Foreign Ministry readout speaks for the ministry, and so for China, but has no statement of its "
          "own", lambda a: represents(a, "chinese_foreign_ministry_readout") == "chinese_foreign_ministry"
     and an.speaks_for(a.actors)["chinese_foreign_ministry_readout"] == "china"
     and count(a, "chinese_foreign_ministry_readout") == 0),
    # 03 · Statements
    (L03, "CNN, *{}*, {}, {} (the coded article",
     lambda a: (a.meta["title"], a.meta["author"].split(",")[0], day(published(a)))),
    (L03, "*\"This is a moment for collective action,\" she said.*",
     lambda a: said_as(a, "linda_thomas_greenfield", "\"This is a moment for collective action,\"")
     and by(a, "linda_thomas_greenfield").query("quote.str.startswith('\"This')")["form"].eq("direct").all()),
    (L03, "*adding that all concerns should be treated on the \"basis of equality.\"*",
     lambda a: by(a, "zhang_jun").query("cue == 'adding that'")["form"].tolist() == ["partial"]),
    (L03, "*Zhang Jun said Beijing welcomed and encouraged every effort for a diplomatic solution.*",
     lambda a: by(a, "zhang_jun").query("quote.str.startswith('Beijing welcomed')")["form"].tolist()
     == ["paraphrase"]),
    (L03, "Notice who is only ever paraphrased: states (China, the United States), the China–Russia bloc, and unnamed "
          "groups (\"experts\", \"Western officials\")",
     lambda a: only_paraphrased(a) == {"china", "united_states", "china_russia", "experts", "western_officials"}),
    (L03, "Of the {} statements by states, blocs and groups, only one carries quoted words (Russia's \"{}\")",
     collective_quoted),
    (L03, "each of these {} speakers has only one or two statements", few_each),
    (L03, "| said, saying |", cues_used("said", "saying")),
    (L03, "| called for, called on, urged |", cues_used("called for", "called on", "urged")),
    (L03, "| adding that, added that |", cues_used("adding that", "added that")),
    (L03, "| suggest, suggesting |", cues_used("suggest", "suggesting")),
    (L03, "| stopped short of |", cues_used("stopped short of")),
    (L03, "| according to |", cues_used("according to")),
    (L03, "| has maintained that |", cues_used("has maintained that")),
    (L03, "(inside the State Department readout's words; the article's cue there is \"said\")",
     lambda a: by(a, "state_department_readout")["cue"].tolist() == ["said"]
     and "underscored" in by(a, "state_department_readout")["quote"].iloc[0]),
    (L03, "Notice that \"said\" dominates ({} of {} statements)", said_most),
    (L03, "(\"suggest\" for Western officials, \"defended its actions as\" for Russia, \"called on\" for the United "
          "States)",
     lambda a: cue_of(a, suggest="western_officials", defended_its_actions_as="russia", called_on="united_states")),
    (L03, "the ones for China's side mark restraint and persistence: \"stopped short of\" (Zhang Jun) and \"has "
          "maintained that\" (China)",
     lambda a: cue_of(a, stopped_short_of="zhang_jun", has_maintained_that="china")
     and an.speaks_for(a.actors)["zhang_jun"] == "china"),
    (L03, "It carries the article's main finding (China declined to condemn Russia), which is why the coding keeps it, "
          "marked as hedged",
     lambda a: a.positions.query("statement_id == 'cnn22_s02'")[["topic_id", "stance", "hedged"]].values.tolist()
     == [["condemn_russia", "neutral", True]]),
    (L03, "Notice that almost half the statements have no setting ({} of {})", almost_half),
    (L03, "the analysts' comments ({}) and the standing views of states, blocs and unnamed groups ({})",
     no_setting_who),
    (L03, "The article does not say where any of them was made, and it gives none of them a date either",
     lambda a: no_setting(a)["said_on"].isna().all()),
    (L03, "`steps` counts the hands between the journalist and the speaker: 1 when she reports the speaker herself, 2 "
          "through a readout",
     lambda a: (an.attribution_chains(a)["steps"] == a.statements["via"].notna().map({False: 1, True: 2})).all()),
    (L03, "everything Wang Yi says on the call reaches us through the **Chinese Foreign Ministry's** readout, and "
          "Blinken's side through the **State Department's**",
     lambda a: by(a, "wang_yi").query("setting == 'Blinken–Wang phone call'")["via"]
     .eq("chinese_foreign_ministry_readout").all()
     and by(a, "antony_blinken")["via"].eq("state_department_readout").all()),
    (L03, "an analyst (Yu Bin, Alfred Wu, David Sacks) or \"experts\" telling the reader what **China** wants",
     lambda a: all("china" in set(a.positions.loc[a.positions["statement_id"].isin(by(a, x)["statement_id"]),
                                                  "holder_id"]) for x in [*analysts(a), "experts"])),
    (L03, "And paragraph {} quotes the State Department readout directly: the words are the readout's, the stance is "
          "Blinken's",
     readout_quoted_for_blinken),
    (L03, "({} or fewer in {} of the {})", partial_few_words),
    (L03, "{} speakers: Wang Yi ({} statements), David Sacks ({}), the Putin–Xi joint statement ({}), and Antony "
          "Blinken, Ursula von der Leyen and the State Department readout ({} each)", never_paraphrased_counts),
    (L03, "people and documents, never a state, a bloc or an unnamed group",
     lambda a: set(never_paraphrased(a).index.map(kinds(a))) == {"person", "document"}),
    (L03, "For the {} with one or two statements", lambda a: words(int((never_paraphrased(a) <= 2).sum()))),
    (L03, "only Wang Yi and David Sacks are quoted across several statements",
     lambda a: set(never_paraphrased(a)[never_paraphrased(a) > 2].index) == {"wang_yi", "david_sacks"}),
    (L03, "And Blinken's quoted words, \"{}\", are the readout's, not his own (paragraph {})", blinken_words),
    (L03, "a phone call has two sides, and each government published its own readout of it",
     two_readouts_of_the_call),
    (L03, "Is the quotation in paragraph {}, which the State Department readout speaks itself", readout_speaks_itself),
    (L03, "{}: {} by Wang Yi via the Chinese Foreign Ministry readout, {} by Antony Blinken via the State Department "
          "readout", passed_on),
    (L03, "The quotation in paragraph {} is not one of them: there the readout is the speaker", readout_speaks_itself),
    (L03, "{} statements, by Zhang Jun, Alfred Wu (twice) and Wang Yi", adding_who),
    (L03, "Each follows a statement by the same speaker", adding_follows_the_same_speaker),
    (L03, "In paragraph {} the speaker is the State Department readout, not Blinken", readout_speaks_itself),
    (L03, "(Setting = Blinken–Wang phone call)",
     lambda a: set(by(a, "state_department_readout")["setting"]) == {"Blinken–Wang phone call"}),
    (L03, "The article says *\"The Secretary underscored the need to preserve Ukraine's sovereignty and territorial "
          "integrity,\" the readout said.*",
     lambda a: "\"The Secretary underscored the need to preserve Ukraine's sovereignty and territorial integrity,\" "
               "the readout said." in a.text),
    (L03, "Blinken is the holder of the stance it reports",
     lambda a: holds(a, readout_speaks_itself(a), "antony_blinken")),
]

# Numbers in lessons 00–03 that are not about the data, beyond NOT_DATA
NOT_DATA_00_03: dict[str, list[str]] = {
    L00: [],
    L01: [r"such as 12\b"],  # the form of an answer
    L02: [],
    L03: [r"such as 4\b"],  # the form of an answer
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
