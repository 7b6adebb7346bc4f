"""Derived tables, checked against counts made by hand from the article."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from newsclaims import analysis as an

from conftest import TEXT


def test_mention_counts(art):
    counts = an.mention_counts(art).set_index("actor_id")
    text = TEXT.read_text(encoding="utf-8")
    # "China" or "Beijing" as whole words, less the three inside longer names:
    # "East China Normal University", "China's envoy to the United Nations" (Zhang Jun), "China and Russia".
    assert counts.loc["china", "mentions"] == len(re.findall(r"\b(?:China|Beijing)\b", text)) - 3 == 20
    assert counts.loc["wang_yi", ["mentions", "statements"]].tolist() == [5, 6]
    assert counts.loc["ukraine", "statements"] == 0
    assert counts.index[0] == "china"  # the most named actor


def test_quoted_words():
    assert an.quoted_words('said "one two" and "three"') == 3
    assert an.quoted_words("no quotation marks here") == 0
    assert an.quoted_words('"They don\'t want (that way) to"') == 6
    assert an.quoted_words('"no \'forbidden\' areas of cooperation."') == 5


def test_voice_share_by_speaker(art):
    share = an.voice_share(art, level="holder").set_index("actor_id")
    assert share.loc["wang_yi", "statements"] == 6
    assert share["statement_share"].sum() == pytest.approx(1)
    assert share["word_share"].sum() == pytest.approx(1)
    # paraphrase only: no quoted words
    assert share.loc["experts", "quoted_words"] == 0 and share.loc["western_officials", "quoted_words"] == 0
    # Zhang Jun's quotation in paragraph 4 has 12 + 14 + 23 = 49 words (counted by hand);
    # with "all parties", "fueling tensions" and "basis of equality" he has 56.
    assert share.loc["zhang_jun", "quoted_words"] == 49 + 2 + 2 + 3


def test_voice_share_by_side(art):
    share = an.voice_share(art, level="side").set_index("actor_id")
    # China's side: Zhang Jun (5), Wang Yi (6) and China itself (2)
    assert share.loc["china", "statements"] == 13
    assert share.loc["china", "statement_share"] == pytest.approx(13 / 37)
    # the United States: the state (1), Blinken (2), Thomas-Greenfield (3)
    assert share.loc["united_states", "statements"] == 6
    assert "wang_yi" not in share.index


def test_speaks_for_follows_the_chain(art):
    side = an.speaks_for(art.actors)
    assert side["chinese_foreign_ministry_readout"] == "china"
    assert side["joint_statement"] == "china_russia"
    assert side["yu_bin"] == "yu_bin"


def test_stance_matrix(art):
    m = an.stance_matrix(art).set_index(["who", "topic_id"])
    assert m.loc[("china", "nato_enlargement"), "stance"] == "oppose"
    assert not m.loc[("china", "nato_enlargement"), "hedged"]  # the joint statement is firm
    assert (m.loc[("china", "condemn_russia"), ["stance", "hedged"]].tolist()) == ["neutral", True]
    # support (joint statement), oppose (Wu) and neutral (Sacks): mixed
    assert m.loc[("china", "china_russia_alignment"), "stance"] == "mixed"
    assert m.loc[("russia", "sovereignty"), ["stance", "hedged"]].tolist() == ["oppose", True]
    holders = an.stance_matrix(art, level="holder").set_index(["who", "topic_id"])
    assert holders.loc[("wang_yi", "sovereignty"), "stance"] == "support"
    assert ("wang_yi", "sovereignty") not in m.index


def test_alignment_answers_where_china_sits(art):
    al = an.alignment(art)
    assert set(al["topic_id"]) == {"condemn_russia", "sovereignty"}
    china = al[al["who"] == "china"].set_index("topic_id")["matches"].to_dict()
    assert china == {"sovereignty": "United States", "condemn_russia": "neither"}
    poles = al[al["pole"] != ""].set_index(["who", "topic_id"])["matches"]
    assert (poles.loc["united_states"] == "United States").all()
    assert (poles.loc["russia"] == "Russia").all()


def test_alignment_with_other_poles(art):
    al = an.alignment(art, a=("the_west",), b=("russia",))
    assert set(al["topic_id"]) == {"invasion_threat"}


def test_affiliation_network(art):
    g = an.affiliation_network(art)
    assert g.edges["china", "topic:nato_enlargement"]["sign"] == -1
    assert g.edges["china", "topic:nato_enlargement"]["weight"] == 3
    assert g.edges["united_states", "topic:take_sides"]["stance"] == "support"
    assert g.nodes["topic:un_charter"]["bipartite"] == 1 and "un_charter" not in g
    assert not any(g.has_edge(a, b) for a in ("china", "russia") for b in ("china", "russia"))


def test_congruence_and_conflict_networks(art):
    agree = an.congruence_network(art)
    clash = an.conflict_network(art)
    assert agree.edges["china", "russia"]["topics"] == "china_russia_alignment;nato_enlargement;sanctions"
    assert clash.edges["china", "russia"]["topics"] == "china_russia_alignment;minsk;sovereignty"
    assert clash.edges["russia", "united_states"]["weight"] == 2
    assert not agree.has_edge("russia", "united_states")
    # neutral stances link no one: China's neutral on condemning Russia makes no tie
    assert "condemn_russia" not in agree.edges["china", "united_states"]["topics"]


def test_attribution_chains(art):
    chains = an.attribution_chains(art).set_index("statement_id")
    assert chains.loc["cnn22_s28", "chain"] == ("Simone McCarthy, CNN → State Department readout "
                                               "(stance of Antony Blinken)")
    assert chains.loc["cnn22_s30", "chain"] == ("Simone McCarthy, CNN → Chinese Foreign Ministry readout "
                                               "→ Wang Yi")
    assert chains.loc["cnn22_s30", "steps"] == 2 and chains.loc["cnn22_s10", "steps"] == 1
    # Yu Bin reports China's concern over NATO: the stance is China's
    assert chains.loc["cnn22_s25", "stance_of"] == "China"
    assert (chains["steps"] == 2).sum() == 6  # Blinken's "aggression" and Wang Yi's five from the call


def test_every_level_defaults_to_side_and_voice_share_still_takes_by(art):
    import inspect

    from newsclaims import charts, export, widgets

    takes_level = [f for m in (an, charts, widgets, export) for f in vars(m).values()
                   if inspect.isfunction(f) and "level" in inspect.signature(f).parameters
                   and not f.__name__.startswith("_") and f.__module__ == m.__name__]
    assert len(takes_level) > 10
    for function in takes_level:
        assert inspect.signature(function).parameters["level"].default == "side", function.__qualname__
    pd.testing.assert_frame_equal(an.voice_share(art, by="actor"), an.voice_share(art, level="holder"))
    pd.testing.assert_frame_equal(an.voice_share(art, by="side"), an.voice_share(art))
    with pytest.raises(ValueError, match="level"):
        an.voice_share(art, level="speaker")


def test_quoted_words_count_curly_quotation_marks_as_straight_ones():
    # A teacher's article may use “curly” marks: the comparison of lesson 08 and check 8.2 count them
    assert an.quoted_words('said “we will fight” and "we will win"') == 6
    assert an.quoted_words("said we will fight") == 0
