"""Self-checks for the lessons' exercises: is my answer right, and why?

Each right answer is worked out from the data when the check runs, never typed
in, so a check stays true to the coded article.

>>> import newsclaims as nc
>>> nc.checks.check("1.1", 25).right
True
"""

from __future__ import annotations

import html
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import pandas as pd

from . import analysis as an
from .data import Article, load_article
from .reliability import align, cohen_kappa, reference_coding


@dataclass
class Verdict:
    """The outcome of a check; shows itself as a short sentence in a notebook."""

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


def _names(art: Article, values: Iterable[Any]) -> set[str]:
    """Actor or topic answers given as ids or as names, as ids."""
    by_name = {n.lower(): i for i, n in an.names(art).items()}
    by_name |= {label.lower(): t for t, label in zip(art.topics["topic_id"], art.topics["label"])}
    return {by_name.get(str(v).lower(), str(v)) for v in values}


def _as_set(answer: Any) -> Iterable[Any]:
    if isinstance(answer, (str, bytes)) or not isinstance(answer, Iterable):
        return [answer]
    return list(answer)


def _number(answer: Any, expected: float, tolerance: float = 0) -> bool:
    try:
        return math.isclose(float(answer), expected, abs_tol=tolerance)
    except (TypeError, ValueError):
        return False


# exercise -> (what the answer is, how to work it out, how to compare, why)
Check = tuple[str, Callable[[Article], Any], Callable[[Article, Any, Any], bool], str]


def _paragraphs_with_statements(art: Article) -> int:
    return art.statements["paragraph"].nunique()


def _saturday(art: Article) -> pd.Timestamp:
    st = art.statements
    return st.loc[st["said_on_text"].str.contains("Saturday", na=False), "said_on"].iloc[0]


def _russia(art: Article) -> tuple[int, int]:
    counts = an.mention_counts(art).set_index("actor_id").loc["russia"]
    return int(counts["mentions"]), int(counts["statements"])


def _most_named_silent(art: Article) -> str:
    counts = an.mention_counts(art)
    return counts.loc[counts["statements"] == 0, "actor_id"].iloc[0]


def _us_share(art: Article) -> float:
    return float(an.voice_share(art, by="side").set_index("actor_id").loc["united_states", "statement_share"])


def _more_words(art: Article) -> set[str]:
    share = an.voice_share(art)
    return set(share.loc[share["word_share"] > share["statement_share"], "actor_id"])


def _only_paraphrased(art: Article) -> set[str]:
    forms = art.statements.assign(form=art.statements["form"].astype(str)).groupby("actor_id")["form"].apply(set)
    return set(forms[forms == {"paraphrase"}].index)


def _via_readout(art: Article) -> int:
    return int(art.statements["via"].notna().sum())


def _adding(art: Article) -> set[str]:
    st = art.statements
    return set(st.loc[st["cue"].isin(["adding that", "added that"]), "statement_id"])


def _china_russia_agree(art: Article) -> set[str]:
    return set(an.congruence_network(art).edges["china", "russia"]["topics"].split(";"))


def _west_russia(art: Article) -> set[str]:
    return set(an.alignment(art, a=("the_west",), b=("russia",))["topic_id"])


def _china_holders(art: Article) -> set[str]:
    holders = an.stance_matrix(art, level="holder")
    side = an.speaks_for(art.actors)
    return set(holders.loc[holders["who"].map(side) == "china", "who"])


def _hedged(art: Article) -> int:
    return int(art.positions["hedged"].sum())


def _extraction_misses(art: Article) -> int:
    from .extract import errors, extract_from

    found = errors(extract_from(art), art.statements)
    return int((found["kind"] == "miss").sum())


def _example_kappa(art: Article) -> float:
    reference = reference_coding(art)
    example = reference.drop_duplicates("statement_id").reset_index(drop=True)
    example.loc[[4, 12, 16], "form"] = "partial"
    return cohen_kappa(example["form"], align(example, reference)["form"])


def _same_set(art: Article, answer: Any, expected: Any) -> bool:
    return _names(art, _as_set(answer)) == set(expected)


CHECKS: dict[str, Check] = {
    "1.1": ("the number of paragraphs with at least one statement", _paragraphs_with_statements,
            lambda art, a, e: _number(a, e), "Only paragraph 2, the journalist's own analysis, has none."),
    "1.2": ("the date 'Saturday' resolves to", _saturday,
            lambda art, a, e: pd.Timestamp(a) == e if isinstance(a, (str, pd.Timestamp)) else False,
            "The Saturday before Tuesday 22 February 2022, when Wang Yi spoke in Munich."),
    "1.3": ("(mentions, statements) for Russia", _russia,
            lambda art, a, e: isinstance(a, (tuple, list)) and len(a) == 2 and tuple(map(int, a)) == e,
            "Russia is named often but speaks only as a state; Putin is never quoted."),
    "2.1": ("the most-named actor who never speaks", _most_named_silent,
            lambda art, a, e: _names(art, [a]) == {e}, "Ukraine: the story is about it, told by others."),
    "2.2": ("the United States' share of statements (a fraction, or the count)", _us_share,
            lambda art, a, e: _number(a, e, 0.01) or _number(a, round(e * len(art.statements))),
            "Linda Thomas-Greenfield, the United States itself, Blinken and the State Department readout."),
    "2.3": ("the speakers with a larger share of quoted words than of statements", _more_words, _same_set,
            "They are quoted at length, in whole quotations."),
    "3.1": ("the speakers who are only paraphrased", _only_paraphrased, _same_set,
            "States, a bloc and unnamed groups: collective speakers are rarely quoted."),
    "3.2": ("the number of statements that come through a readout (via)", _via_readout,
            lambda art, a, e: _number(a, e), "Five of Wang Yi's and one of Blinken's."),
    "3.3": ("the statement ids cued by 'adding that' or 'added that'", _adding,
            lambda art, a, e: set(map(str, _as_set(a))) == e, "Each marks a second claim by the same speaker."),
    "4.1": ("the topics on which China and Russia take the same stance", _china_russia_agree, _same_set,
            "From the congruence network's China–Russia tie."),
    "4.2": ("the topic(s) dividing the West and Russia", _west_russia, _same_set,
            "Western officials say yes to the invasion threat, Russia says no."),
    "4.3": ("the holders on China's side", _china_holders, _same_set,
            "The analysts are speakers; the stances they report are China's."),
    "4.4": ("the number of hedged positions", _hedged, lambda art, a, e: _number(a, e),
            "Hedged stances are qualified, implied or stopped short of."),
    "6.1": ("the number of coded statements the rules missed", _extraction_misses,
            lambda art, a, e: _number(a, e), "Most are cues the general rules do not know."),
    "5.2": ("Cohen's kappa for the example's form", _example_kappa, lambda art, a, e: _number(a, e, 0.005),
            "Agreement beyond what the two codings' own proportions would give by chance."),
}


def check(exercise: str, answer: Any, art: Article | None = None) -> Verdict:
    """Say whether an answer to an exercise is right, and why.

    On an article that does not code what the exercise asks about (no statements
    yet, or not the actor or topic it names), the verdict says so instead.
    """
    if exercise not in CHECKS:
        raise KeyError(f"no check for exercise {exercise!r}; there are checks for {', '.join(CHECKS)}")
    what, solve, same, why = CHECKS[exercise]
    if answer is Ellipsis or answer is None:
        return Verdict(exercise, None, f"Put your answer ({what}) in place of ... and run the cell again.")
    art = art if art is not None else load_article()
    if art.statements.empty:
        return Verdict(exercise, None, f"No statements coded yet in article {art.article_id!r}: there is no "
                                       f"answer to check. {an.TO_CODE['statements']}")
    try:
        expected = solve(art)
    except LookupError:  # an actor, date or topic the exercise asks about is not in this article
        return Verdict(exercise, None, f"Article {art.article_id!r} does not code what this exercise asks "
                                       f"about ({what}): it is written for the seed article.")
    try:
        right = bool(same(art, answer, expected))
    except (TypeError, ValueError):
        right = False
    return Verdict(exercise, right, why if right else f"Look again for {what}. The answer is under 'Show answer'.")
