"""Self-checks: right answers pass in the forms a student gives them, wrong ones fail and say why.

The right answers here are worked out by hand (see the notebooks' hidden answers) or
from the data with plain pandas, never taken from the checks themselves.
"""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest

import newsclaims as nc

RIGHT = {
    "1.1": 25,
    "1.2": "2022-02-26",
    "1.3": (16, 2),
    "2.1": ["Wang Yi", "Zhang Jun", "David Sacks", "Alfred Wu", "Linda Thomas-Greenfield", "Yu Bin",
            "China and Russia"],
    "2.2": 6,
    "2.3": ["Zhang Jun", "David Sacks", "Alfred Wu", "Yu Bin", "State Department readout"],
    "3.1": ["wang_yi", "david_sacks", "joint_statement", "antony_blinken", "ursula_von_der_leyen",
            "state_department_readout"],
    "3.2": 6,
    "3.3": ["cnn22_s04", "cnn22_s14", "cnn22_s15", "cnn22_s33"],
    "4.1": ["China–Russia alignment", "Return to Minsk", "Ukraine's sovereignty"],
    "4.2": "invasion_threat",
    "4.3": ["united_states", "antony_blinken", "linda_thomas_greenfield"],
    "4.4": 16,
    "4.5": "condemn_russia",
    "5.2": 0.878,
    "5.3": 0.0,
    "6.1": 0.89,
    "6.2": 0.84,
    "9.1": ["cnn22_s01", "cnn22_s05", "cnn22_s24"],
    "9.2": 6,
    "9.3": ["Western officials", "Russia", "experts", "Alfred Wu", "David Sacks", "Yu Bin"],
    "10.1": ["Russia", "Beijing", "Ukraine", "the West"],
    "10.2": 7,
    "10.3": ["Zhang Jun", "Vladimir Putin", "Xi Jinping", "Ursula von der Leyen", "Wang Yi"],
}
WRONG = {"1.1": 26, "1.2": "2022-02-20", "1.3": (2, 16), "2.1": "Russia", "2.2": 0.5, "2.3": ["Wang Yi"],
         "3.1": ["wang_yi"], "3.2": 7, "3.3": ["cnn22_s04"], "4.1": ["nato_enlargement"], "4.2": "sovereignty",
         "4.3": ["united_states", "state_department_readout"], "4.4": 17, "4.5": ["condemn_russia", "sovereignty"],
         "5.2": 0.9, "5.3": 0.59, "6.1": 0.81, "6.2": 0.81, "10.1": ["Russia", "China", "Ukraine"], "10.2": 8,
         "10.3": ["Zhang Jun", "Vladimir Putin", "Xi Jinping", "Wang Yi", "Linda Thomas-Greenfield"],
         "9.1": ["cnn22_s24"], "9.2": 9,
         "9.3": ["Alfred Wu", "David Sacks", "Yu Bin"]}

# The actors of 2.1, 3.1 and 2.3 and the topics of 4.1 by name, as the notebooks' answers give them
SPEAK_MORE = RIGHT["2.1"]
NEVER_PARAPHRASED = ["Wang Yi", "David Sacks", "Putin–Xi joint statement", "Antony Blinken", "Ursula von der Leyen",
                     "State Department readout"]
MORE_WORDS = RIGHT["2.3"]
CHINA_RUSSIA = RIGHT["4.1"]



def check(exercise, answer, art):
    return nc.checks.check(exercise, answer, art)


def assert_right(exercise, answer, art):
    verdict = check(exercise, answer, art)
    assert verdict.right is True, (answer, verdict)


def assert_wrong(exercise, answer, art, *said):
    verdict = check(exercise, answer, art)
    assert verdict.right is False, (answer, verdict)
    assert "Show answer" in verdict.message
    for words in said:
        assert words in verdict.message, (words, verdict)
    return verdict.message


def test_every_exercise_with_a_code_answer_has_a_check():
    assert set(nc.checks.CHECKS) == set(RIGHT) == set(WRONG)


@pytest.mark.parametrize("exercise", sorted(RIGHT))
def test_right_answers_pass(art, exercise):
    assert_right(exercise, RIGHT[exercise], art)


@pytest.mark.parametrize("exercise", sorted(WRONG))
def test_wrong_answers_fail_and_point_to_the_answer(art, exercise):
    assert_wrong(exercise, WRONG[exercise], art)


# --- The hidden answers' own code, as a student runs it from the notebook ----------------------

def hidden_answer(exercise: str, art):
    """What the code under 'Show answer' gives (the last line's value), copied from the notebooks."""
    an = nc.analysis
    statements = art.statements
    if exercise == "1.1":
        return art.statements["paragraph"].nunique()
    if exercise == "1.2":  # worked out by hand, counting back from the Tuesday a week later
        return "Saturday 26 February 2022"
    if exercise == "1.3":
        russia_named = art.mentions[art.mentions["actor_id"] == "russia"]
        russia_says = art.statements[art.statements["actor_id"] == "russia"]
        return (len(russia_named), len(russia_says))
    if exercise == "2.1":
        counts = an.mention_counts(art)
        return counts[counts["statements"] > counts["mentions"]][["name", "kind", "mentions", "statements"]]
    if exercise == "2.2":
        side = an.speaks_for(art.actors)
        us_side = art.statements[art.statements["actor_id"].map(side) == "united_states"]
        return us_side["actor_id"].value_counts()
    if exercise == "2.3":
        share = an.voice_share(art, level="holder")
        return share[share["word_share"] > share["statement_share"]][["name", "statement_share", "word_share"]]
    if exercise == "3.1":
        paraphrased = set(statements.loc[statements["form"] == "paraphrase", "actor_id"])
        never = set(statements["actor_id"]) - paraphrased
        return statements.loc[statements["actor_id"].isin(never), "actor_id"].value_counts()
    if exercise == "3.2":
        return statements.loc[statements["via"].notna(), ["actor_id", "via"]].value_counts()
    if exercise == "3.3":
        return statements.loc[statements["cue"].isin(["adding that", "added that"]),
                              ["statement_id", "actor_id", "quote"]]
    if exercise == "4.1":
        conflict = an.conflict_network(art)
        return conflict.edges["china", "russia"]["topics"]
    if exercise == "4.2":
        return an.alignment(art, a=("the_west",), b=("russia",))[["who_name", "topic", "stance", "matches"]]
    if exercise == "4.3":
        sides = an.positions_table(art, level="side")
        us_side = sides[sides["who"] == "united_states"]
        return us_side["holder"].value_counts()
    if exercise == "4.4":
        sides = an.positions_table(art, level="side")
        hedged = sides[sides["hedged"]]
        return hedged["who_name"].value_counts()["China"]
    if exercise == "4.5":
        import dataclasses

        firm = dataclasses.replace(art, positions=art.positions[~art.positions["hedged"]])
        return an.alignment(firm)["topic_id"].unique()
    if exercise in ("5.2", "5.3"):
        reference = nc.reference_coding(art)
        example = nc.reliability.example_coding(art)  # as lesson 05 makes it
        if exercise == "5.3":
            lazy = example.copy()
            lazy["hedged"] = "false"
            result = nc.agreement(lazy, reference)
            return result[result["field"] == "hedged"]
        aligned = nc.reliability.align(example, reference)
        return nc.reliability.cohen_kappa(example["form"], aligned["form"])
    if exercise == "6.1":
        missed = ["stopped short of", "defended its actions as", "view as", "pushing back on", "saw China back"]
        more = nc.extract.extract_from(art, cues=nc.extract.CUES + missed)
        scores = nc.extract.evaluate(more, art.statements).round(2)
        return scores[scores["match"] == "overlap ≥ 0.5"]["recall"]
    if exercise == "6.2":
        found = nc.extract.extract_from(art)
        other = art.statements.copy()
        other.loc[other["statement_id"] == "cnn22_s27", "start"] = art.text.index("with his Chinese counterpart")
        scores = nc.extract.evaluate(found, other).round(2)
        return scores[scores["match"] == "overlap ≥ 0.5"]["recall"]
    if exercise in ("9.1", "9.2", "9.3"):
        checked = nc.sources.statement_sources(art)
        if exercise == "9.1":
            return checked.loc[checked["fidelity"] == "altered", ["statement_id", "speaker", "quote"]]
        if exercise == "9.2":
            readouts = checked[checked["kind"] == "readout"]
            return (readouts["fidelity"] == "verbatim").sum()
        found = set(checked.loc[checked["fidelity"] != "not found", "actor_id"])
        return sorted(set(checked["actor_id"]) - found)
    if exercise == "10.1":
        actors = nc.frame.frame_actors(art)
        return actors.loc[actors["headline"] > 0, ["name", "headline", "body", "statements"]]
    if exercise == "10.2":
        narration = art.frame[art.frame["kind"] == "narration"]
        return narration["paragraph"].nunique()
    if exercise == "10.3":
        people = nc.frame.gender_table(art)
        return people.loc[people["gender_basis"] == "source", ["name", "gender", "evidence"]]
    raise KeyError(exercise)


@pytest.mark.parametrize("exercise", sorted(RIGHT))
def test_the_hidden_answers_own_output_is_right(art, exercise):
    assert_right(exercise, hidden_answer(exercise, art), art)


def test_the_hidden_answers_second_lines_are_right_too(art):
    # 2.2: the count of the United States' side, per speaker; 1.1: the paragraph with none is a separate question
    side = nc.analysis.speaks_for(art.actors)
    assert_right("2.2", art.statements.loc[art.statements["actor_id"].map(side) == "united_states",
                                           "actor_id"].value_counts(), art)
    # 4.3 by id, as the positions' holder_id column
    sides = nc.analysis.positions_table(art, level="side")
    assert_right("4.3", sides.loc[sides["who"] == "united_states", "holder_id"], art)
    # 4.4 as the count of every side's hedged positions, read by its label
    assert_right("4.4", sides[sides["hedged"]]["who_name"].value_counts()[["China"]], art)


# --- Names: dashes, case, "the", quote marks, ids and the article's aliases ---------------------

def test_a_hyphen_or_any_dash_for_the_en_dash_of_a_label(art):
    label = art.topics.set_index("topic_id").loc["china_russia_alignment", "label"]
    assert "–" in label  # the label has an en dash
    for dash in "-—−‐":
        assert_right("4.1", [label.replace("–", dash), "Return to Minsk", "Ukraine's sovereignty"], art)


def test_case_spaces_punctuation_and_the(art):
    assert_right("4.1", ["  CHINA-RUSSIA ALIGNMENT ", "return to minsk.", "'ukraine's sovereignty'"], art)
    assert_right("3.1", ["WANG YI", "david sacks", "the Putin-Xi Joint Statement", "Antony  Blinken",
                         "ursula von der leyen", "The State Department Readout."], art)
    assert_right("4.2", "The invasion threat.", art)
    assert_right("2.3", ["zhang jun", "DAVID SACKS", "Alfred  Wu", "yu bin", "the State Department Readout"], art)


def test_curly_and_straight_quote_marks(art):
    message = assert_wrong("4.2", "Ukraine’s sovereignty", art)  # curly apostrophe; the label has a straight one
    assert "Ukraine's sovereignty is not" in message
    assert "not a topic" not in message


def test_ids_and_names_mix(art):
    assert_right("3.1", ["wang_yi", "David Sacks", "joint_statement", "Antony Blinken", "ursula_von_der_leyen",
                         "State Department readout"], art)
    assert_right("4.1", ["china_russia_alignment", "Return to Minsk", "sovereignty"], art)


def test_the_articles_own_aliases_name_an_actor(art):
    aliases = set(art.mentions.loc[art.mentions["actor_id"] == "united_states", "alias"])
    assert "US" in aliases  # the article's own alias for the United States
    for us in ("the United States", "US", "U.S.", "the U.S.", "united states"):
        assert_wrong("3.1", [*NEVER_PARAPHRASED, us], art, "one extra: United States")
    assert_right("3.1", ["Wang", "Sacks", "joint statement", "The Secretary", "Ursula von der Leyen",
                         "State Department readout"], art)
    beijing = set(art.mentions.loc[art.mentions["actor_id"] == "china", "alias"])
    assert "Beijing" in beijing
    assert_right("4.3", ["US", "The Secretary", "Linda Thomas-Greenfield"], art)


def test_an_alias_that_could_name_two_actors_names_neither(art):
    # "the readout" and "a readout" name two readouts; with "the" and "a" dropped they are one key
    owners = set(art.mentions.loc[art.mentions["alias"].isin(["the readout", "a readout"]), "actor_id"])
    assert len(owners) == 2
    message = assert_wrong("2.3", ["Zhang Jun", "David Sacks", "Alfred Wu", "Yu Bin", "readout"], art)
    assert "'readout'" in message


# --- Set-like answers in every natural type ------------------------------------------------------

@pytest.mark.parametrize("kind", [list, tuple, set, pd.Series, pd.Index])
def test_sets_as_any_collection(art, kind):
    assert_right("2.1", kind(SPEAK_MORE), art)
    assert_right("3.1", kind(NEVER_PARAPHRASED), art)
    assert_right("2.3", kind(MORE_WORDS), art)
    assert_right("4.1", kind(CHINA_RUSSIA), art)
    assert_right("3.3", kind(RIGHT["3.3"]), art)


@pytest.mark.parametrize("joined", ["{}", "{}.", "[{}]"])
@pytest.mark.parametrize("separator", ["; ", ";", ", ", "\n", " and ", " & "])
def test_sets_as_a_joined_string(art, separator, joined):
    for exercise, items in [("2.1", SPEAK_MORE), ("3.1", NEVER_PARAPHRASED), ("4.1", CHINA_RUSSIA),
                            ("2.3", MORE_WORDS), ("3.3", RIGHT["3.3"])]:
        assert_right(exercise, joined.format(separator.join(items)), art)


def test_a_list_in_words(art):
    assert_right("2.1", "Wang Yi, Zhang Jun, David Sacks, Alfred Wu, Linda Thomas-Greenfield, Yu Bin and China and "
                        "Russia (as a bloc)", art)
    assert_right("3.1", "Wang Yi, David Sacks, the Putin–Xi joint statement, Antony Blinken, Ursula von der Leyen "
                        "and the State Department readout", art)
    assert_right("4.1", "China-Russia alignment, Return to Minsk, and sovereignty.", art)
    assert_right("2.3", "Zhang Jun, David Sacks, Alfred Wu, Yu Bin and the State Department readout", art)


def test_a_name_with_and_in_it_is_not_split(art):
    assert "China and Russia" in set(art.actors["name"])
    message = assert_wrong("2.1", "China and Russia", art)
    assert "1 of 7 actors" in message and "extra" not in message


def test_a_count_keyed_by_name_is_read_by_its_index(art):
    by_name = pd.Series([6, 4, 2, 1, 1], index=["Wang Yi", "David Sacks", "Putin–Xi joint statement",
                                                "Antony Blinken", "Ursula von der Leyen"])
    message = assert_wrong("3.1", by_name, art, "5 of 6 speakers", "missing: State Department readout")
    assert "index" in message
    st = art.statements
    per_speaker = st.loc[st["actor_id"].isin(RIGHT["3.1"]), "actor_id"].value_counts()
    assert_right("3.1", per_speaker, art)


def test_a_table_is_read_by_the_column_that_names_things(art):
    topics = art.topics[art.topics["label"].isin(CHINA_RUSSIA)]
    assert_right("4.1", topics, art)  # topic_id and label both name the topics
    assert_right("4.1", topics["label"], art)
    actors = art.actors[art.actors["name"].isin(MORE_WORDS)][["kind", "name"]]
    assert_right("2.3", actors, art)
    assert_right("3.3", art.statements[art.statements["statement_id"].isin(RIGHT["3.3"])], art)


# --- What is missing or extra, by label ------------------------------------------------------

@pytest.mark.parametrize("exercise, answer, label", [
    ("4.1", ["China–Russia alignment", "Return to Minsk"], "Ukraine's sovereignty"),
    ("3.1", NEVER_PARAPHRASED[:-1], "State Department readout"),
    ("2.1", SPEAK_MORE[:-1], "China and Russia"),
    ("2.3", ["Zhang Jun", "David Sacks", "Alfred Wu", "Yu Bin"], "State Department readout"),
    ("4.3", ["united_states", "antony_blinken"], "Linda Thomas-Greenfield"),
    ("3.3", ["cnn22_s04", "cnn22_s14", "cnn22_s15"], "cnn22_s33"),
])
def test_one_missing_is_named(art, exercise, answer, label):
    n = len(answer) + 1
    message = assert_wrong(exercise, answer, art, f"{n - 1} of {n}", "missing", label)
    assert "extra" not in message


def test_one_missing_is_named_by_label_not_id(art):
    message = assert_wrong("4.1", "china_russia_alignment; minsk", art, "2 of 3 topics",
                           "missing: Ukraine's sovereignty")
    assert "sovereignty;" not in message and "missing: sovereignty" not in message


@pytest.mark.parametrize("exercise, answer, extra, label", [
    ("4.1", CHINA_RUSSIA, "minsk", None),
    ("4.1", CHINA_RUSSIA, "nato_enlargement", "NATO enlargement"),
    ("3.1", NEVER_PARAPHRASED, "china", "China"),
    ("4.3", ["United States", "Antony Blinken", "Linda Thomas-Greenfield"], "state_department_readout",
     "State Department readout"),
])
def test_one_extra_is_named(art, exercise, answer, extra, label):
    if label is None:  # a topic already in the answer, given again by id: not an extra
        assert_right(exercise, [*answer, extra], art)
        return
    message = assert_wrong(exercise, [*answer, extra], art, "one extra", label)
    assert "missing" not in message


def test_missing_and_extra_together(art):
    assert_wrong("4.3", ["united_states", "state_department_readout"], art, "1 of 3 holders",
                 "missing: Antony Blinken, Linda Thomas-Greenfield", "one extra: State Department readout")


def test_nothing_right_does_not_give_the_answer_away(art):
    message = assert_wrong("4.2", "sovereignty", art, "Ukraine's sovereignty is not the topic")
    assert "Invasion threat" not in message
    message = assert_wrong("4.1", ["NATO enlargement"], art, "not among the three topics")
    assert "Minsk" not in message and "sovereignty" not in message


def test_a_name_not_in_the_article_is_quoted_back(art):
    assert_wrong("4.1", [*CHINA_RUSSIA, "Climate change"], art, "not a topic in this article: 'Climate change'")
    assert_wrong("2.3", [*MORE_WORDS, "Joe Bloggs"], art, "not an actor in this article: 'Joe Bloggs'")


# --- Numbers, shares, dates, pairs ---------------------------------------------------------------

def us_side(art):
    """The United States' side's statements and all statements, worked out here with plain pandas."""
    up = dict(zip(art.actors["actor_id"], art.actors["represents"]))

    def top(actor):
        while isinstance(up.get(actor), str):
            actor = up[actor]
        return actor

    st = art.statements
    return int((st["actor_id"].map(top) == "united_states").sum()), len(st)


def test_the_share_in_every_form(art):
    count, total = us_side(art)
    assert (count, total) == (6, 37)  # "6 of 37 statements, about 16%" in the notebook
    share = count / total
    for answer in (share, round(share, 2), round(share, 3), round(100 * share), round(100 * share, 1),
                   f"{100 * share:.0f}%", f"{100 * share:.1f} %", f"{share:.2f}", count, f"{count}/{total}",
                   f"{count} of {total}", "0,16"):
        assert_right("2.2", answer, art)


def test_a_share_that_is_off_is_wrong(art):
    count, total = us_side(art)
    share = count / total
    assert_wrong("2.2", 0.5, art)
    assert_wrong("2.2", round(100 * share) + 1, art, "close")
    assert_wrong("2.2", f"{round(100 * share) - 1}%", art, "close")
    assert_wrong("2.2", total, art, "every statement")
    assert_wrong("2.2", count + 1, art)


def test_a_share_mixed_up_with_another_number_says_which(art):
    st = art.statements
    own = (st["actor_id"] == "united_states").sum() / len(st)
    assert_wrong("2.2", round(own, 3), art, "speaking as itself")
    quoted_words_share = nc.analysis.voice_share(art, level="side").set_index("actor_id").loc["united_states",
                                                                                           "word_share"]
    assert abs(quoted_words_share - us_side(art)[0] / len(st)) > 0.02
    assert_wrong("2.2", f"{100 * quoted_words_share:.0f}%", art, "quoted words")


@pytest.mark.parametrize("exercise, decoy, words", [
    ("1.1", lambda art: len(art.paragraphs), "every paragraph"),
    ("1.1", lambda art: len(art.statements), "number of statements"),
    ("3.2", lambda art: int(art.statements["via"].notna().sum() + art.statements["actor_id"].isin(
        art.statements["via"].dropna()).sum()), "readouts' own words"),
    ("4.4", lambda art: int(art.positions["hedged"].sum()), "every hedged position"),
    ("4.4", lambda art: int((art.positions["hedged"] & (art.positions["holder_id"] == "china")).sum()),
     "held by China itself"),
    ("6.1", lambda art: 30 / 37, "before the cues were added"),
    ("6.2", lambda art: 30 / 37, "against the reference as it is"),
])
def test_a_count_of_something_else_says_what_it_counts(art, exercise, decoy, words):
    assert decoy(art) != RIGHT[exercise]
    assert_wrong(exercise, decoy(art), art, words)


@pytest.mark.parametrize("exercise", ["1.1", "3.2", "4.4"])
def test_counts_as_numbers_strings_or_tables(art, exercise):
    n = RIGHT[exercise]
    for answer in (n, float(n), str(n), f"{n} in all", (n, "and why"), [n]):
        assert_right(exercise, answer, art)
    assert_right(exercise, pd.DataFrame({"x": range(n)}, index=range(10, 10 + n)), art)  # rows of a table
    assert_wrong(exercise, n + 1, art)
    assert_wrong(exercise, n - 1, art)
    assert_wrong(exercise, f"{n}%", art, "percent")


def test_a_count_as_a_true_false_column(art):
    sides = nc.analysis.positions_table(art, level="side")
    assert_right("4.4", sides["hedged"] & (sides["who"] == "china"), art)
    assert_right("3.2", art.statements["via"].notna(), art)


def test_kappa_and_its_rounding(art):
    assert_right("5.2", 0.88, art)
    assert_right("5.2", "0.878", art)
    assert_wrong("5.2", 0.87, art, "close")
    assert_wrong("5.2", 0.5, art)
    assert_wrong("5.2", 34 / 37, art, "percent agreement")  # p_o, from the notebook: 34 of 37


def test_the_date_in_several_forms(art):
    # "on Saturday" in an article published a week later, on Tuesday 1 March 2022
    saturday = art.statements.loc[art.statements["said_on_text"] == "on Saturday", "said_on"].iloc[0]
    assert saturday + pd.Timedelta(days=7) == pd.Timestamp("2022-02-26")
    for answer in ("2022-02-26", "26 February 2022", "Saturday, 26 February 2022", "26 February",
                   pd.Timestamp("2022-02-26"), pd.Timestamp("2022-02-26").date(), ("2022-02-26", "Wang Yi")):
        assert_right("1.2", answer, art)
    assert_wrong("1.2", "2022-02-19", art, "the date in the data")
    assert_wrong("1.2", "2022-03-01", art, "new day of publication")
    assert_wrong("1.2", "2022-03-05", art, "Saturday after publication")
    assert_wrong("1.2", "2022-02-22", art, "really published")
    assert_wrong("1.2", "Saturday", art, "2022-01-31")


def test_the_pair_in_several_forms(art):
    mentions = art.mentions["actor_id"].eq("russia").sum()
    statements = art.statements["actor_id"].eq("russia").sum()
    assert (mentions, statements) == RIGHT["1.3"]
    for answer in ((mentions, statements), [mentions, statements], f"{mentions}, {statements}",
                   f"{mentions} mentions and {statements} statements",
                   {"mentions": mentions, "statements": statements}):
        assert_right("1.3", answer, art)
    assert_wrong("1.3", (statements, mentions), art, "other way round")
    assert_wrong("1.3", (mentions, statements + 1), art, "mentions are right")
    assert_wrong("1.3", mentions, art, "two numbers")


def test_more_statements_than_mentions(art):
    # worked out with plain pandas: statements and mentions per actor
    said = art.statements["actor_id"].value_counts()
    named = art.mentions["actor_id"].value_counts().reindex(said.index, fill_value=0)
    more = set(said[said > named].index)
    assert more == {"wang_yi", "zhang_jun", "david_sacks", "alfred_wu", "linda_thomas_greenfield", "yu_bin",
                    "china_russia"}
    assert_right("2.1", sorted(more), art)
    assert_right("2.1", "Wang Yi, Zhang Jun, David Sacks, Alfred Wu, Linda Thomas-Greenfield and Yu Bin, "
                        "and China and Russia", art)
    message = assert_wrong("2.1", "Ukraine", art, "not among the seven actors")
    assert "Wang Yi" not in message  # the answer is not given away
    assert_wrong("2.1", [*RIGHT["2.1"], "Russia"], art, "one extra: Russia")


# --- Around the checks ---------------------------------------------------------------------------

def test_no_answer_yet(art):
    verdict = nc.checks.check("1.1", ..., art)
    assert verdict.right is None and "in place of ..." in str(verdict)
    assert "&lt;" not in verdict._repr_html_() and verdict._repr_html_().startswith("<p ")


def test_a_check_follows_the_data(art, data_copy):
    from conftest import set_value

    set_value(data_copy / "positions.csv", "statement_id", "cnn22_s01", "hedged", "true")
    copy = nc.load_article(data_dir=data_copy)
    # s01 is Zhang Jun's, on China's side: 16 hedged there before, 17 now
    assert nc.checks.check("4.4", 17, copy).right and not nc.checks.check("4.4", 16, copy).right


def test_names_follow_the_data(data_copy):
    from conftest import append_rows

    append_rows(data_copy, "aliases", {"actor_id": "united_states", "alias": "America"})
    text = data_copy / "texts" / "cnn_china_ukraine_2022.txt"
    text.write_text(text.read_text(encoding="utf-8") + "\nAmerica was not named before.\n", encoding="utf-8")
    copy = nc.load_article(data_dir=data_copy)
    assert_wrong("3.1", [*NEVER_PARAPHRASED, "America"], copy, "one extra: United States")


def test_another_article(mini_data):
    mini = nc.load_article("mini", data_dir=mini_data)
    # Maria Lopez is only paraphrased, Tom Ek is quoted: worked out from the conftest's two statements
    assert_right("3.1", "Tom Ek", mini)
    assert_right("3.1", ["tom_ek"], mini)
    assert_wrong("3.1", ["Maria Lopez", "Tom Ek"], mini, "one extra: Maria Lopez")
    verdict = check("4.1", CHINA_RUSSIA, mini)
    assert verdict.right is None and "does not code what this exercise asks about" in verdict.message
    assert check("2.2", 0.16, mini).right is None


@pytest.mark.parametrize("statements, changed", [(10, 1), (4, 0), (17, 3)])
def test_the_example_kappa_is_checked_on_any_article_and_says_when_it_is_short(art, statements, changed):
    short = dataclasses.replace(art, statements=art.statements.head(statements))
    example = nc.reliability.example_coding(short)
    aligned = nc.reliability.align(example, nc.reference_coding(short))
    assert int((example["form"] != aligned["form"]).sum()) == changed
    kappa = nc.reliability.cohen_kappa(example["form"], aligned["form"])
    verdict = check("5.2", kappa, short)
    assert verdict.right, verdict.message
    if changed == 3:
        assert "too few" not in verdict.message
    else:
        assert f"has only {statements} statements, too few for the example's 3 changed forms (it needs 17): " \
               f"here it changes {changed}" in verdict.message
        assert "too few" in check("5.2", kappa + 0.3, short).message  # said with a wrong answer too


def test_the_example_kappa_on_another_article(mini_data):
    mini = nc.load_article("mini", data_dir=mini_data)
    verdict = check("5.2", 1.0, mini)  # two statements, no form changed: the example is the reference
    assert verdict.right and "the example's forms are the reference's" in verdict.message


def test_unknown_exercise():
    with pytest.raises(KeyError, match="1.1"):
        nc.checks.check("9.9", 1)


def test_what_a_right_answer_is_told_is_true(art):
    """The sentences the checks of 4.x–6.x give with a right answer, worked out here from the data."""
    sides = nc.analysis.positions_table(art, level="side")
    china = sides[sides["who"] == "china"]
    # 4.1: on alignment, China's side of the conflict is one analyst's hedged reading
    against = china[(china["topic_id"] == "china_russia_alignment") & (china["stance"] == "oppose")]
    assert against["hedged"].all() and set(against["actor_id"]) == {"alfred_wu"}
    assert "one analyst's hedged reading" in check("4.1", RIGHT["4.1"], art).message
    # 4.3: the readout speaks for the United States, and the stance it reports is Blinken's
    readout = art.statements.loc[art.statements["actor_id"] == "state_department_readout", "statement_id"]
    assert nc.analysis.speaks_for(art.actors)["state_department_readout"] == "united_states"
    assert set(art.positions.loc[art.positions["statement_id"].isin(readout), "holder_id"]) == {"antony_blinken"}
    # 4.5: sovereignty divided the poles only through Russia's hedged stance; China's stances are all hedged
    russia = sides[(sides["who"] == "russia") & (sides["topic_id"] == "sovereignty")]
    assert len(russia) and russia["hedged"].all()
    assert nc.analysis.alignment(art).query("who == 'china'")["hedged"].all()
    # 5.3: one answer every time gives kappa 0
    assert "kappa 0" in check("5.3", 0, art).message
    # 6.1: recall rises, not to 1; precision and speaker accuracy fall
    missed = ["stopped short of", "defended its actions as", "view as", "pushing back on", "saw China back"]
    before = nc.extract.evaluate(nc.extract.extract_from(art), art.statements).set_index("match").loc["overlap ≥ 0.5"]
    after = nc.extract.evaluate(nc.extract.extract_from(art, cues=nc.extract.CUES + missed),
                                art.statements).set_index("match").loc["overlap ≥ 0.5"]
    assert before["recall"] < after["recall"] < 1
    assert after["precision"] < before["precision"] and after["speaker_accuracy"] < before["speaker_accuracy"]
    assert missed == nc.checks.CUES_MISSED
