"""The extractor on crafted sentences, one per pattern, including the failures the lesson describes;
and the evaluation recomputed by hand."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import newsclaims as nc
from newsclaims import extract as ex

from conftest import read_rows, write_rows

ACTORS = pd.DataFrame({"actor_id": ["ana", "ben", "acme", "blue", "dept", "note"],
                       "kind": ["person", "person", "organization", "state", "organization", "document"]})
ALIASES = pd.DataFrame({"actor_id": ["ana", "ana", "ben", "ben", "acme", "blue", "dept", "note", "note"],
                        "alias": ["Ana Ruiz", "Ruiz", "Ben Ode", "The Secretary", "Acme", "Blueland",
                                  "State Office", "the readout", "a readout"]})


def run(text: str) -> pd.DataFrame:
    return ex.extract_statements(text, ACTORS, ALIASES)


def only(found: pd.DataFrame) -> pd.Series:
    assert len(found) == 1, found[["quote", "rule"]].to_string()
    return found.iloc[0]


# One crafted sentence per rule: the rule's name, the span it finds and the speaker it gives.
@pytest.mark.parametrize("rule, sentence, span, speaker", [
    ("quote_then_cue", '"We will not sign this deal today," said Ana Ruiz.',
     '"We will not sign this deal today,"', "Ana Ruiz"),
    ("cue_then_quote", 'Ruiz said "the deal is dead and nobody will revive it."',
     '"the deal is dead and nobody will revive it."', "Ruiz"),
    ("quote_alone", 'Ben Ode said the talks had failed.\n\n"We tried everything we could."',
     '"We tried everything we could."', "Ben Ode"),
    ("according_to", "The plan will fail before the summer, according to Ben Ode.",
     "The plan will fail before the summer", "Ben Ode"),
    ("cue_then_paraphrase", "Blueland called for a ceasefire in the region.", "a ceasefire in the region",
     "Blueland"),
    ("content_then_cue", "Blueland will not sign the treaty this year, Ruiz stressed.",
     "Blueland will not sign the treaty this year", "Ruiz"),
    ("colon_quote", 'Ana Ruiz said:\n\n"We will not sign this deal today."', '"We will not sign this deal today."',
     "Ana Ruiz"),
    ("uncued_partial", 'Ana Ruiz remembers the winter of 1991. That\'s when "the whole city went dark for a month."',
     '"the whole city went dark for a month."', "Ana Ruiz"),
    ("passive_by", "Acme was told by Ben Ode that the plant would close in May.", "the plant would close in May",
     "Ben Ode"),
])
def test_each_rule_on_its_own_sentence(rule, sentence, span, speaker):
    found = [c for c in ex._candidates(sentence, ACTORS, ALIASES) if c.rule == rule]
    assert len(found) == 1, found
    c = found[0]
    assert (sentence[c.start:c.end], c.quote, c.speaker_text) == (span, span, speaker)
    # the rule alone finds it too, with no other rule to compete
    alone = ex._candidates(sentence, ACTORS, ALIASES, rules=[r for r in ex.RULES if r.name == rule])
    assert [(a.rule, a.start, a.end) for a in alone] == [(rule, c.start, c.end)]


def test_the_table_has_its_columns_and_types_found_or_not():
    for sentence in ("Ben Ode said the market would recover by spring.", "Nothing here at all."):
        found = run(sentence)
        assert list(found.columns) == list(ex.COLUMNS)
        assert found.dtypes.astype(str).to_dict() == ex.COLUMNS


def test_direct_quote_with_the_name_after_the_cue():
    s = only(run('"We will not sign this deal today," said Ana Ruiz, a lawyer at Acme.'))
    assert (s.form, s.cue, s.actor_id, s.quote) == ("direct", "said", "ana", '"We will not sign this deal today,"')


def test_curly_quotes_and_nested_single_quotes():
    s = only(run("“There are ‘no limits’ to what we can build together,” Ruiz said."))
    assert (s.form, s.actor_id) == ("direct", "ana")
    assert s.quote.startswith("“") and s.quote.endswith("”")


def test_a_quotation_over_several_sentences_is_one_statement():
    s = only(run('"The talks failed. We tried everything. Now we wait," Ben Ode said.'))
    assert s.quote.count(".") == 2 and s.actor_id == "ben"


def test_he_said_resolves_to_the_latest_person():
    found = run('Ana Ruiz spoke first.\n\n"Nothing has changed since Monday at all," she said.')
    assert only(found).actor_id == "ana"


def test_a_title_names_the_speaker():
    found = run("The Secretary said that Blueland must keep its borders open to trade.")
    s = only(found)
    assert (s.form, s.cue, s.actor_id) == ("paraphrase", "said that", "ben")


@pytest.mark.parametrize("sentence, cue, actor, content", [
    ("Blueland called for a ceasefire in the region.", "called for", "blue", "a ceasefire in the region"),
    ("Acme urged its partners to return to the table.", "urged", "acme", "its partners to return to the table"),
    ('Ruiz expressed "deep concern" about the vote.', "expressed", "ana", '"deep concern" about the vote'),
    ("Ben Ode said the market would recover by spring.", "said", "ben", "the market would recover by spring"),
])
def test_paraphrase_and_partial_cues(sentence, cue, actor, content):
    s = only(run(sentence))
    assert (s.cue, s.actor_id, s.quote) == (cue, actor, content)
    assert s.form == ("partial" if '"' in content else "paraphrase")


def test_adding_that_keeps_the_speaker():
    found = run("Ruiz said Acme welcomed the offer, adding that Blueland had not yet replied to it.")
    assert found["actor_id"].tolist() == ["ana", "ana"]
    assert found["cue"].tolist() == ["said", "adding that"]


def test_according_to_takes_the_clause_before_the_source():
    s = only(run("The plan is likely to fail before the summer, according to Ben Ode."))
    assert (s.cue, s.actor_id, s.quote) == ("according to", "ben", "The plan is likely to fail before the summer")


def test_a_readout_quoted_directly():
    s = only(run('"The Secretary stressed the need for calm and restraint," the readout said.'))
    assert (s.form, s.actor_id) == ("direct", "note")


def test_two_quotations_joined_by_and_share_the_cue():
    found = run('"We are worried about the border" and "all sides should talk now," Ruiz said.')
    assert found["form"].tolist() == ["direct", "direct"] and set(found["actor_id"]) == {"ana"}


def test_a_circumstance_is_not_a_claim():
    found = run('"Prices will rise again this year," Ruiz said during the call.')
    assert len(found) == 1 and found.iloc[0].form == "direct"


def test_cues_serve_the_rules_for_quotations_too():
    sentence = '"We will not sign this deal today," Ruiz said.'
    assert run(sentence)["cue"].tolist() == ["said"]
    # without "said" in the cues, no rule reads "said" as a cue, the one after a quotation included
    without = ex.extract_statements(sentence, ACTORS, ALIASES, cues=["told", "urged"])
    assert "said" not in without["cue"].tolist()
    # and a cue of one's own serves after a quotation as well as before a paraphrase
    s = only(ex.extract_statements('"We will not sign this deal today," Ruiz conceded.', ACTORS, ALIASES,
                                   cues=["conceded"]))
    assert (s.form, s.cue, s.actor_id) == ("direct", "conceded", "ana")


def test_no_cues_no_cue_led_statements():
    assert ex.extract_statements("Ben Ode said the market would recover by spring.", ACTORS, ALIASES,
                                 cues=[]).empty


# Failures the lesson describes: cues the general rules do not know. Each sentence has one claim
# behind its unusual cue; no candidate starts where that claim starts, under that cue.
UNUSUAL = [
    ("The envoy called for calm but stopped short of condemning the move by Blueland.", "stopped short of",
     "condemning the move by Blueland"),
    ("Both states are pushing back on what they view as outside interference.", "pushing back on",
     "what they view as outside interference"),
]


def claims(found: pd.DataFrame) -> set[tuple[int, str]]:
    return set(zip(found["start"], found["cue"]))


@pytest.mark.parametrize("sentence, cue, claim", UNUSUAL)
def test_rules_miss_unusual_cues(sentence, cue, claim):
    assert cue not in ex.CUES
    found = run(sentence)
    assert (sentence.index(claim), cue) not in claims(found)
    assert not any(found["quote"].str.startswith(claim))


def test_what_the_rules_find_once_an_unusual_cue_is_added():
    """The checks above can fail: with "pushing back on" added to the cues, the rules find its claim."""
    sentence, cue, claim = UNUSUAL[1]
    found = ex.extract_statements(sentence, ACTORS, ALIASES, cues=[*ex.CUES, cue])
    assert (sentence.index(claim), cue) in claims(found)
    # the first sentence's claim stays inside the candidate of "called for": the cue alone is not enough there
    sentence, cue, claim = UNUSUAL[0]
    found = only(ex.extract_statements(sentence, ACTORS, ALIASES, cues=[*ex.CUES, cue]))
    assert found.cue == "called for" and found.quote.endswith(claim)


def test_without_actors_speakers_are_capitalised_names():
    s = only(ex.extract_statements("Maria Lopez said the bridge would reopen in May."))
    assert s.speaker_text == "Maria Lopez" and pd.isna(s.actor_id)


def test_name_particles_are_whole_words_between_names():
    # "de" is not the start of "decision", nor "of" the start of "officials"; a particle never ends a name
    names = [m.group() for m in ex.NAME.finditer(
        "Russia's decision surprised Western officials, Ursula von der Leyen and Maria Lopez of the Bank of England.")]
    assert names == ["Russia's", "Western", "Ursula von der Leyen", "Maria Lopez", "Bank of England"]
    s = only(ex.extract_statements("The troops will stay in place, Russia's defence minister said."))
    assert (s.speaker_text, s.quote) == ("Russia's", "The troops will stay in place")


def test_evaluation_by_hand():
    gold = pd.DataFrame({"statement_id": ["g1", "g2", "g3"], "actor_id": ["a", "b", "c"], "paragraph": [1, 1, 2],
                         "start": [0, 20, 50], "end": [10, 30, 60], "quote": ["", "", ""], "cue": ["said"] * 3})
    found = pd.DataFrame({"statement_id": ["f1", "f2", "f3"], "actor_id": ["a", "x", "z"], "paragraph": [1, 1, 2],
                          "start": [0, 22, 70], "end": [10, 30, 80], "quote": ["", "", ""], "cue": ["said"] * 3,
                          "rule": [""] * 3})
    table = ex.evaluate(found, gold).set_index("match")
    # exact: f1 = g1 only; overlap: f1-g1 (1.0) and f2-g2 (8/10); f3 matches nothing
    assert table.loc["exact span", ["matched", "precision", "recall"]].tolist() == [1, 1 / 3, 1 / 3]
    assert table.loc["overlap ≥ 0.5", ["matched", "precision", "recall", "speaker_accuracy"]].tolist() == [
        2, 2 / 3, 2 / 3, 1 / 2]
    errors = ex.errors(found, gold)
    assert sorted(errors["kind"]) == ["false alarm", "miss", "wrong speaker"]


def test_the_scores_on_the_article_are_the_lessons(art):
    # Read from lesson 06: at overlap ≥ 0.5, 30 matched, precision 0.97, recall 0.81, F1 0.88, speaker accuracy
    # 1.00; for exact spans, 29 matched, precision 0.94, recall 0.78, F1 0.85, speaker accuracy 1.00.
    table = ex.evaluate(ex.extract_from(art), art.statements).set_index("match")
    columns = ["matched", "precision", "recall", "f1", "speaker_accuracy"]
    assert table.loc["overlap ≥ 0.5", columns].astype(float).round(2).tolist() == [30, 0.97, 0.81, 0.88, 1.00]
    assert table.loc["exact span", columns].astype(float).round(2).tolist() == [29, 0.94, 0.78, 0.85, 1.00]


def test_the_misses_on_the_article_are_the_ones_read_by_hand(art):
    found = ex.extract_from(art)
    errors = ex.errors(found, art.statements)
    # Read by hand: five cues the general rules cannot know, Wu's two claims joined by "and", and paragraph 22,
    # where the candidate takes in the whole clause before "according to" (Blinken and whom he spoke with), and
    # the coded span only what they spoke about.
    misses = errors[errors["kind"] == "miss"].set_index("statement_id")["reason"]
    assert sorted(misses.index) == ["cnn22_s02", "cnn22_s08", "cnn22_s14", "cnn22_s22", "cnn22_s23", "cnn22_s24",
                                    "cnn22_s27"]
    assert misses["cnn22_s02"] == "the cue 'stopped short of' is not one the rules know"
    assert misses["cnn22_s14"].startswith("found, but the span differs")
    assert misses["cnn22_s27"].startswith("found, but the span differs")
    table = ex.evaluate(found, art.statements).set_index("match")
    assert table.loc["overlap ≥ 0.5", "recall"] == (37 - 7) / 37


def test_the_extractor_reads_the_aliases_of_the_articles_own_data_folder(art, data_copy):
    """An article loaded from another folder is read with that folder's aliases, not the package's."""
    header, rows = read_rows(data_copy / "aliases.csv")
    write_rows(data_copy / "aliases.csv", header, [r for r in rows if r["actor_id"] != "zhang_jun"])
    copy = nc.load_article(data_dir=data_copy)
    assert "zhang_jun" in set(copy.actors["actor_id"]) and "zhang_jun" not in set(copy.aliases["actor_id"])
    assert "zhang_jun" in set(ex.extract_from(art)["actor_id"])  # the package's aliases name him
    assert "zhang_jun" not in set(ex.extract_from(copy)["actor_id"])  # the copy's do not


# --- The cue lexicon ---------------------------------------------------------------------------

def test_the_lexicon_is_one_table_by_kind_that_every_cue_comes_from():
    assert set(ex.REPORTING_VERBS) == {"neutral", "assertive", "directive", "critical", "announcing",
                                       "inferential", "source"}
    forms = {form for forms in ex.REPORTING_VERBS.values() for form in forms}
    # every cue is a form of the table, or one with "that" after it
    assert {cue.removesuffix(" that") if cue not in forms else cue for cue in ex.CUES} <= forms
    assert ex.CUE_KINDS["reiterated that"] == ex.CUE_KINDS["reiterated"] == "assertive"
    assert ex.CUE_KINDS["accused"] == "critical" and ex.CUE_KINDS["calling for"] == "directive"
    # the cues lesson 06 names are all there
    assert {"said that", "called for", "urged", "expressed", "according to"} <= set(ex.CUES)
    # the module says where the groups come from
    assert all(source in ex.__doc__ for source in ("Thompson, G. (1994)", "Bergler, S. (1992)",
                                                   "Krestel, R., Bergler, S. and Witte, R. (2008)"))


# The reporting verbs the rules did not know on articles they were not written on, one sentence each.
@pytest.mark.parametrize("sentence, cue, span, speaker", [
    ("Blueland announced a ceasefire along the border.", "announced", "a ceasefire along the border", "blue"),
    ("Ruiz asserted the vote had been fair.", "asserted", "the vote had been fair", "ana"),
    ("Ben Ode reiterated that the plant would stay open.", "reiterated that", "the plant would stay open", "ben"),
    ("Blueland accused Acme of hiding the losses.", "accused", "Acme of hiding the losses", "blue"),
    ("Acme calls for an inquiry into the crash.", "calls for", "an inquiry into the crash", "acme"),
    ("Ruiz is calling for new elections this year.", "calling for", "new elections this year", "ana"),
    ("Blueland condemned the strike as a violation of the truce.", "condemned",
     "the strike as a violation of the truce", "blue"),
    ("Blueland welcomed Acme's announcement that it would stay.", "announcement that", "it would stay", "acme"),
])
def test_reporting_verbs_of_every_kind(sentence, cue, span, speaker):
    s = only(run(sentence))
    assert (s.rule.split(";")[0], s.cue, s.quote, s.actor_id) == (f"cue '{cue}'", cue, span, speaker)


@pytest.mark.parametrize("sentence", [
    "The minister stopped short of condemning the strike.",  # a negated report: nothing was said
    "Blueland has not denied the report.",
    "Ruiz was told the plant would close.",  # a passive: Ruiz heard it, she did not say it
    "Acme fired a warning shot across the bay.",  # a noun, not a cue
    "The announcement that was made on Monday surprised nobody.",  # "that" opens no report here
])
def test_cues_that_report_nothing_said(sentence):
    assert run(sentence).empty


def test_the_announcement_with_no_owner_has_no_speaker():
    s = only(run("Markets rose after the announcement that Acme would stay."))
    assert (s.cue, s.quote, s.speaker_text) == ("announcement that", "Acme would stay", "")


def test_cues_serve_the_new_rules_too():
    sentence = "Blueland will not sign the treaty this year, Ruiz admitted."
    s = only(run(sentence))
    assert (s.rule.split(";")[0], s.actor_id, s.quote) == ("claim, then cue 'admitted'", "ana",
                                                           "Blueland will not sign the treaty this year")
    # a cue of one's own serves the new rules; without it, they find nothing
    mine = "Blueland will not sign the treaty this year, Ruiz grumbled."
    assert run(mine).empty
    s = only(ex.extract_statements(mine, ACTORS, ALIASES, cues=["grumbled"]))
    assert (s.rule.split(";")[0], s.actor_id) == ("claim, then cue 'grumbled'", "ana")
    assert ex.extract_statements(sentence, ACTORS, ALIASES, cues=["said"]).empty
    s = only(ex.extract_statements('Ruiz said:\n\n"We will not sign this deal today."', cues=["told"]))
    assert (s.rule, s.speaker_text) == ("quotation with no cue: the last speaker continues", "")


# --- The failures found on articles the rules were not written on, with no actors ----------------

def no_actors(text: str) -> pd.DataFrame:
    return ex.extract_statements(text)


# One crafted sentence per pattern: the rule that fires, the span and the speaker it gives.
@pytest.mark.parametrize("pattern, text, rule, span, speaker", [
    ("a weekday is no speaker", "Linda Thomas-Greenfield on Monday said the council must act.",
     "cue_then_paraphrase", "the council must act", "Linda Thomas-Greenfield"),
    ("an appositive is skipped", "Ischinger, chairman of the Munich Security Conference, called on both sides to "
     "talk.", "cue_then_paraphrase", "both sides to talk", "Ischinger"),
    ("an adjective is no speaker", "Russian officials said the troops would stay in Ukraine.",
     "cue_then_paraphrase", "the troops would stay in Ukraine", "Russian officials"),
    ("a place cut off by a clause is no speaker", "Troops massed near Ukraine, officials said.",
     "content_then_cue", "Troops massed near Ukraine", "officials"),
    ("U.S. is a name", "The U.S. said the sanctions would stay in place.", "cue_then_paraphrase",
     "the sanctions would stay in place", "U.S."),
    ("a title before a name", "U.S. Ambassador Linda Thomas-Greenfield said the vote was a test.",
     "cue_then_paraphrase", "the vote was a test", "Linda Thomas-Greenfield"),
    ("he added", "Alfred Wu teaches in Singapore.\n\nHe added that Beijing would avoid Western sanctions.",
     "cue_then_paraphrase", "Beijing would avoid Western sanctions", "Alfred Wu"),
    ("content before the cue", "China always holds that no country may be an exception to the principle, Wang "
     "stressed.", "content_then_cue", "China always holds that no country may be an exception to the principle",
     "Wang"),
    ("content before the cue, the name after it", "The bridge will reopen in May, said Ana Ruiz, a lawyer.",
     "content_then_cue", "The bridge will reopen in May", "Ana Ruiz"),
    ("a colon, the quotation in the next paragraph", 'Ana Ruiz said:\n\n"We will not sign this deal today."',
     "colon_quote", '"We will not sign this deal today."', "Ana Ruiz"),
    ("a colon in the sentence", 'On Monday, Ruiz said in a statement: "We will not sign this deal today."',
     "colon_quote", '"We will not sign this deal today."', "Ruiz"),
    ("a title linked to its holder", 'Chinese Foreign Minister Wang Yi spoke first.\n\n"We oppose any unilateral '
     'sanctions," the Chinese Foreign Minister said.', "quote_then_cue", '"We oppose any unilateral sanctions,"',
     "Wang Yi"),
    ("a title in lower case", 'Chinese Foreign Minister Wang Yi spoke first.\n\n"We oppose any unilateral '
     'sanctions," the foreign minister said.', "quote_then_cue", '"We oppose any unilateral sanctions,"', "Wang Yi"),
    ("an uncued partial quote", 'Ana Ruiz remembers the winter of 1991. That\'s when "the whole city went dark '
     'for a month."', "uncued_partial", '"the whole city went dark for a month."', "Ana Ruiz"),
    ("a leading 'against' belongs to the cue", "In a statement, Blueland warned against any change to the treaty.",
     "cue_then_paraphrase", "any change to the treaty", "Blueland"),
    ("a leading 'to' after a promise", "Last week Blueland pledged to withdraw its staff by June.",
     "cue_then_paraphrase", "withdraw its staff by June", "Blueland"),
    ("the addressee of 'told' is not the claim", "Maria Lopez told reporters that the talks would resume.",
     "cue_then_paraphrase", "the talks would resume", "Maria Lopez"),
    ("the clause stops before a new report", "Mayor Ana Ruiz said the bridge would reopen, officials said.",
     "cue_then_paraphrase", "the bridge would reopen", "Ana Ruiz"),
    ("the clause stops at the quotation a cue closes", 'Ana Ruiz said in private "the deal is dead and nobody '
     'will revive it," she said.', "cue_then_paraphrase", 'in private "the deal is dead and nobody will revive it,"',
     "Ana Ruiz"),
    ("a verb after 'and' shares its subject", 'Sergei Lavrov rejected the appeal as "one-sided," and accused '
     "Western governments of arming one side.", "cue_then_paraphrase", "Western governments of arming one side",
     "Sergei Lavrov"),
    ("a cue in the next paragraph is not the quotation's", 'A spokesman, Ned Price, added:\n\n"We support every '
     'effort to stop the fighting."\n\nHistory suggests such talks rarely last.', "colon_quote",
     '"We support every effort to stop the fighting."', "Ned Price"),
    ("an abbreviation's full stop ends no clause", "The envoy said the U.S. Congress would vote on the plan.",
     "cue_then_paraphrase", "the U.S. Congress would vote on the plan", ""),
    ("a particle is a whole word", "The troops will stay in place, Russia's defence minister said.",
     "content_then_cue", "The troops will stay in place", "Russia's"),
])
def test_each_failure_pattern_with_no_actors(pattern, text, rule, span, speaker):
    found = [c for c in ex._candidates(text) if c.quote == span]
    assert len(found) == 1, (pattern, ex._candidates(text))
    assert (found[0].rule, found[0].speaker_text, text[found[0].start:found[0].end]) == (rule, speaker, span)


def test_a_pronoun_is_never_a_speaker():
    for text in ("He said the talks had failed.", 'Russian troops entered Ukraine on Monday.\n\n"We had no choice '
                 'but to act," he said.', "She added that the vote would be close."):
        found = no_actors(text)
        assert len(found) == 1 and found.loc[0, "speaker_text"] == "", found
    # "he" stands for a person named in the same paragraph or the one before, not earlier
    s = no_actors("Ana Ruiz spoke first.\n\nThe hall was full.\n\nThe vote was close.\n\n"
                  '"Nothing has changed since Monday at all," she said.')
    assert only(s).speaker_text == ""


def test_the_name_finder():
    names = ex.find_names("In Moscow, the talks went on. He left. The Kremlin said nothing to J. R. R. Tolkien, "
                          "Ursula von der Leyen or Charles de Gaulle on Monday, in May. US-led talks went on.")
    assert names["name"].tolist() == ["Moscow", "Kremlin", "J. R. R. Tolkien", "Ursula von der Leyen",
                                      "Charles de Gaulle"]
    assert names["kind"].tolist() == ["", "organization", "person", "person", "person"]
    assert list(names.columns) == ["start", "end", "name", "kind", "opens_sentence"]
    # a common word that opens a sentence, written in lower case elsewhere, names nobody; nor does a single
    # word seen only where a sentence opens, unless it is an acronym
    assert ex.find_names("Residents left. The residents' association stayed.").empty
    assert ex.find_names("History suggests that truces fail. Critics say so. NATO agrees.")["name"].tolist() == [
        "NATO"]
    assert ex.find_names("Russia's envoy left. Officials in Russia said nothing.")["name"].tolist() == [
        "Russia's", "Russia"]
    # a title alone names its holder; a surname alone, once the full name is known, is a person
    named = ex.find_names("Chinese Foreign Minister Wang Yi arrived. Wang spoke, and the Foreign Minister left.")
    assert named[["name", "kind"]].values.tolist() == [["Wang Yi", "person"], ["Wang", "person"],
                                                       ["Wang Yi", "title"]]
    assert ex.find_names("").empty and list(ex.find_names("").columns) == list(names.columns)


def test_sentences_do_not_end_at_abbreviations():
    para = "The U.S. Ambassador met Mr. Wang and J. R. R. Tolkien. Then she left."
    assert [para[a:b] for a, b in ex._sentence_spans(para)] == [
        "The U.S. Ambassador met Mr. Wang and J. R. R. Tolkien.", "Then she left."]


# --- Speakers scored by name when the candidates have no actor ids ---------------------------------

def test_speakers_are_scored_by_name_with_no_actor_ids():
    gold = pd.DataFrame({"statement_id": ["g1", "g2", "g3", "g4"], "paragraph": [1, 1, 1, 1],
                         "actor_id": ["linda_thomas_greenfield", "wang_yi", "russia", "ana"],
                         "start": [0, 20, 40, 60], "end": [10, 30, 50, 70], "quote": [""] * 4, "cue": ["said"] * 4})
    found = gold.assign(statement_id=["f1", "f2", "f3", "f4"], actor_id=None, rule="",
                        speaker_text=["Thomas-Greenfield", "Wang", "Russia's", "Monday"])
    actors = pd.DataFrame({"actor_id": ["linda_thomas_greenfield", "wang_yi", "russia", "ana"],
                           "name": ["Linda Thomas-Greenfield", "Wang Yi", "Russia", "Ana Ruiz"]})
    table = ex.evaluate(found, gold, actors).set_index("match")
    # a surname, a family name written first, a possessive: right; a weekday: wrong
    assert table.loc["exact span", "speaker_accuracy"] == 3 / 4
    # with no actors given, the ids are read as names
    assert ex.evaluate(found, gold).set_index("match").loc["exact span", "speaker_accuracy"] == 3 / 4
    wrong = ex.errors(found, gold, actors).query("kind == 'wrong speaker'")
    assert wrong["reason"].tolist() == ["found 'Monday' (), coded ana"]


def test_the_article_without_actors_is_measured():
    # Measured on the seed article with no actors or aliases, speakers by name: before the name finder,
    # 0.45 of the 31 matches had the right speaker (and the old scorer said 0.00); with it, 26 of 31. Since
    # paragraph 22's span starts at what Blinken and Wang spoke about, its candidate (which had the wrong
    # speaker) no longer matches: 30 matches, 26 right. Since unnamed groups can speak ("experts say",
    # paragraph 9, coded `experts`), 27 right.
    art = nc.load_article()
    table = ex.evaluate(ex.extract_statements(art.text), art.statements, art.actors).set_index("match")
    assert table.loc["overlap ≥ 0.5", ["matched", "precision", "recall"]].round(2).tolist() == [30, 0.97, 0.81]
    assert round(table.loc["overlap ≥ 0.5", "speaker_accuracy"], 2) == round(27 / 30, 2)


def test_junk_share_of_a_crafted_list():
    names = ["Wang Yi", "He", "Monday's", "Russian", "Foreign Minister", "US-led", "Ursula von der Leyen", "U.S.",
             "The White House", "Ischinger", "de", "J."]
    # junk: a pronoun, a weekday, an adjective, a title alone, a hyphened adjective, a sentence word at the
    # start, a particle alone and an initial alone
    assert ex.junk_share(names) == 8 / 12
    assert ex.junk_share([]) == 0.0
    # the name finder's names on the seed article hold none of these
    assert ex.junk_share(ex.find_names(nc.load_article().text)["name"]) == 0.0


def test_the_test_half_of_the_development_corpus_is_measured():
    # Read by hand from the last measurement of corpus/dev's test half (seven articles, 107 coded statements),
    # on 2026-11-28, with the rules after a third round of tuning on the tune half, enlarged to 18 articles
    # (benchmarks/RESULTS.md lists every measurement); the rules were not tuned on the test half. With actors:
    # 93 candidates, 83 matches, 69 of them with the right speaker; without: 61 of 84. The review files would
    # list 285 names and candidate speakers (204 and 81), 5 of them junk by `junk_share`; of the 81 candidate
    # speakers, 4.
    table = ex.evaluate_corpus(Path(__file__).resolve().parents[1] / "corpus" / "dev", half="test").set_index("rule")
    overall = table.loc["all rules"]
    assert overall[["candidates", "coded", "matched"]].tolist() == [93, 107, 83]
    assert overall[["precision", "recall", "f1", "paraphrase_recall", "speaker_accuracy",
                    "speaker_accuracy_no_actors"]].round(2).tolist() == [0.89, 0.78, 0.83, 0.72, 0.83, 0.73]
    assert overall["speaker_accuracy"] == 69 / 83 and overall["speaker_accuracy_no_actors"] == 61 / 84
    assert (overall["junk_share"], overall["junk_share_speakers"]) == (5 / 285, 4 / 81)
    assert table.loc[table.index != "all rules", ["candidates", "matched"]].to_dict("index") == {
        "quote_then_cue": {"candidates": 7, "matched": 7}, "cue_then_quote": {"candidates": 6, "matched": 6},
        "colon_quote": {"candidates": 0, "matched": 0}, "quote_alone": {"candidates": 3, "matched": 3},
        "according_to": {"candidates": 7, "matched": 6}, "content_then_cue": {"candidates": 1, "matched": 0},
        "cue_then_paraphrase": {"candidates": 65, "matched": 57}, "uncued_partial": {"candidates": 4, "matched": 4},
        "passive_by": {"candidates": 0, "matched": 0}}


# --- Patterns read on the tune half of corpus/dev, one crafted sentence each -------------------------

# Reporting verbs of the published lists (Thompson 1994) that the lexicon lacked, one sentence each.
@pytest.mark.parametrize("sentence, cue, span, speaker", [
    ("Ben Ode indicated the plant would close in May.", "indicated", "the plant would close in May", "ben"),
    ("Ben Ode estimated the repairs would take a week.", "estimated", "the repairs would take a week", "ben"),
    ("Acme claims the tests were rigged from the start.", "claims", "the tests were rigged from the start", "acme"),
    ("Acme reports the plant has reopened after the fire.", "reports", "the plant has reopened after the fire",
     "acme"),
    ("Ruiz described the vote as a betrayal of the voters.", "described", "the vote as a betrayal of the voters",
     "ana"),
    ("Blueland is encouraging its allies to close the border.", "encouraging", "its allies to close the border",
     "blue"),
    ("Ruiz alleged the minister had lied to the court.", "alleged", "the minister had lied to the court", "ana"),
])
def test_reporting_verbs_added_from_the_published_lists(sentence, cue, span, speaker):
    s = only(run(sentence))
    assert (s.cue, s.quote, s.actor_id) == (cue, span, speaker)


def test_writing_introduces_a_quotation():
    s = only(run('In the filing Acme also made this point, writing "We are fully cooperating with the inquiry."'))
    assert (s.form, s.cue, s.actor_id) == ("direct", "writing", "acme")


@pytest.mark.parametrize("sentence", [
    "Some reports suggest the fire was set on purpose.",  # "reports" is the subject of "suggest"
    "The reports of a fire at the plant were wrong.",  # after a determiner, a noun
    "Ruiz dismissed the claims of a cover-up at the plant.",
])
def test_a_cue_in_s_that_is_a_plural_noun_is_no_cue(sentence):
    assert not (run(sentence)["cue"].isin(["reports", "claims"])).any()


def test_reports_before_a_cue_are_its_subject_not_a_cue():
    s = only(run("Acme denies the charge; reports describe a cover-up at the plant."[21:]))
    assert (s.cue, s.quote) == ("describe", "a cover-up at the plant")


@pytest.mark.parametrize("sentence", [
    "The confirmed death toll rose from fourteen to 31 on Monday.",  # an adjective after a determiner
    "Blueland was sanctioned over alleged plots against dissidents abroad.",  # after a preposition
    "As revealed at trial, the parents had kept the children indoors.",  # a report with no source
    "The boy's condition was on Wednesday reported to be stable.",  # a passive, a time between
])
def test_cues_in_ed_that_report_nothing_said(sentence):
    assert run(sentence).empty


@pytest.mark.parametrize("sentence, span", [
    ("Ben Ode said three people died; their names were not given.", "three people died"),
    ('Ben Ode said that the plan had failed: "We tried everything we could."', "the plan had failed"),
    ("Ben Ode said the plan had failed — a view Acme shares — and left.", "the plan had failed"),
    ("Ruiz said the plan is a ploy, meaning the vote would be delayed.", "the plan is a ploy"),
    ("Acme announced an inquiry, following complaints from its staff.", "an inquiry"),
    ("Acme says it found no fault despite Blueland claiming the tests were rigged.", "it found no fault"),
])
def test_a_paraphrase_ends_with_its_clause(sentence, span):
    assert span in run(sentence)["quote"].tolist()


def test_despite_x_claiming_is_a_report_of_its_own():
    found = run("Acme says it found no fault despite Blueland claiming the tests were rigged.")
    assert found[["quote", "actor_id"]].values.tolist() == [["it found no fault", "acme"],
                                                            ["the tests were rigged", "blue"]]


def test_according_to_at_the_start_of_the_sentence():
    s = only(run("According to Ben Ode, the plan will fail before the summer."))
    assert (s.cue, s.quote, s.actor_id, s.rule.split(";")[0]) == (
        "According to", "the plan will fail before the summer", "ben", "according to: the clause before the source")
    s = only(no_actors("According to Maria Lopez, the bridge will reopen in May."))
    assert (s.quote, s.speaker_text) == ("the bridge will reopen in May", "Maria Lopez")


def test_according_to_with_a_cue_after_it_names_only_the_intermediary():
    s = only(run("According to the readout, Ruiz expressed concern about the vote."))
    assert (s.cue, s.actor_id, s.quote) == ("expressed", "ana", "concern about the vote")


def test_a_quotation_according_to_a_source_named_after_it():
    s = only(run('"We will not sign this deal today," according to a tweet on Monday by Ben Ode.'))
    assert (s.form, s.cue, s.actor_id) == ("direct", "according to", "ben")


@pytest.mark.parametrize("sentence, span, speaker", [
    ('"The search is over," Deputy Emergency Situations Minister Alexander Chupriyan told reporters.',
     '"The search is over,"', "Alexander Chupriyan"),  # a long title before the name
])
def test_a_long_name_between_a_quotation_and_its_cue(sentence, span, speaker):
    s = only(no_actors(sentence))
    assert (s.quote, s.form, s.speaker_text) == (span, "direct", speaker)


@pytest.mark.parametrize("sentence, claim", [
    ("Blueland banned the flights, with officials saying this was for security reasons.",
     "this was for security reasons"),  # "with" opens no speaker
    ("Acme said its director, Ben Ode, has alleged ties to the cartel.",
     "its director, Ben Ode, has alleged ties to the cartel"),  # an auxiliary opens no speaker
])
def test_words_that_cannot_open_a_subject_are_no_speaker_slot(sentence, claim):
    found = run(sentence)
    assert claim in found["quote"].tolist()
    assert not found["quote"].str.startswith(sentence[:12]).any()


# Speakers, with no actors: one crafted sentence per pattern read on the tune half.
@pytest.mark.parametrize("pattern, text, span, speaker", [
    ("an unnamed group speaks", "A total of 39 are confirmed dead, officials told state media.",
     "A total of 39 are confirmed dead", "officials"),
    ("an unnamed group opens the sentence", "Residents there told the press the police had left.",
     "the police had left", "Residents"),
    ("a possessor's group", "According to Johnson's critics, this is a ploy to force a vote.",
     "this is a ploy to force a vote", "Johnson's critics"),
    ("a title that is no name", "Prosecutor Krzysztof Sierak told reporters the trial would start in May.",
     "the trial would start in May", "Krzysztof Sierak"),  # and the press is the addressee
    ("a party and a title before a name", 'Conservative MP Philip Hammond commented, "It would be an outrage if '
     'we stayed silent."', '"It would be an outrage if we stayed silent."', "Philip Hammond"),
    ("a title held for a place", "US Ambassador to Germany Richard Grenell alleged the airline had carried arms.",
     "the airline had carried arms", "Richard Grenell"),
    ("a particle of two letters", "Arnel dela Vega said the group was behind the attack.",
     "the group was behind the attack", "Arnel dela Vega"),
    ("a name after a possessive is no subject", "Arnel Vega of the army's Western Command said the group was "
     "behind the attack.", "the group was behind the attack", "Arnel Vega"),
    ("a name after a preposition, right before the cue, is no subject", "Member of Parliament Yvette Cooper of "
     "the Labour Party added that the plan was dangerous.", "the plan was dangerous", "Yvette Cooper"),
    ("an abbreviation in parentheses is no subject", "Director Anthony Fauci of the National Institute of Allergy "
     "and Infectious Diseases (NIAID), announced the trial had stopped early.", "the trial had stopped early",
     "Anthony Fauci"),
    ("an appositive that opens with a title", 'Professor Jean-Jacques Muyembe, Director General of the institute, '
     'said, "From now on, we will no longer say that Ebola is incurable."',
     '"From now on, we will no longer say that Ebola is incurable."', "Jean-Jacques Muyembe"),
    ("a relative clause between the subject and the cue", "The Islamic State, which is linked to the group, "
     "subsequently claimed the attack was revenge.", "the attack was revenge", "Islamic State"),
    ("a title in apposition to a name", '"We will bring them to justice," said Delfin Lorenzana, the Defence '
     "Secretary; he described the attacks as a dastardly act.", "the attacks as a dastardly act", "Delfin Lorenzana"),
    ("a pronoun a few words before the cue", "Jean-Jacques Muyembe spoke first. He went on to say thousands of "
     "deaths could be prevented.", "thousands of deaths could be prevented", "Jean-Jacques Muyembe"),
    ("a possessor's institute is no person", "Jean-Jacques Muyembe heads the DRC's Institut National de Recherche. "
     "He went on to say thousands of deaths could be prevented.", "thousands of deaths could be prevented",
     "Jean-Jacques Muyembe"),
    ("a participle with no comma takes the nearest subject", "Adamowicz was taken to the hospital, where Tomasz "
     "Stefaniak was met with applause upon announcing Adamowicz remained alive.", "Adamowicz remained alive",
     "Tomasz Stefaniak"),
    ("a website's name", "The committee says it found nothing despite Znak.com claiming a source saw explosives.",
     "a source saw explosives", "Znak.com"),
    ("the subject of a participle after 'with'", "Work stopped on Tuesday, with Zinichev describing the threat "
     "as real.", "the threat as real", "Zinichev"),
    ("names listed after 'including' belong to the subject", "German firms including Daimler, and Siemens have "
     "announced plans to leave the country.", "plans to leave the country", "German firms"),
    ("a verb after 'but' shares its subject", "Regional governor Boris Dubrovsky said officers were present, but "
     "said this too was unrelated to the blast.", "this too was unrelated to the blast", "Boris Dubrovsky"),
])
def test_each_speaker_pattern_with_no_actors(pattern, text, span, speaker):
    found = no_actors(text)
    found = found[found["quote"] == span]
    assert len(found) == 1, (pattern, no_actors(text)[["quote", "speaker_text"]])
    assert found.iloc[0]["speaker_text"] == speaker, pattern


def test_an_unnamed_group_speaks_only_where_no_actor_is_named():
    # with actors, a known actor before the cue comes before an unnamed group
    s = only(run("Acme, in a letter to its critics, said the plant would close."))
    assert s.actor_id == "acme"
    s = only(run("A total of 39 are confirmed dead, officials told state media."))
    assert (s.speaker_text, pd.isna(s.actor_id)) == ("officials", True)


def test_an_unnamed_group_is_no_name_in_the_name_finder():
    assert "officials" not in ex.find_names("A total of 39 are dead, officials told state media.")["name"].tolist()


def test_speakers_are_scored_without_a_context_in_parentheses_and_by_initials():
    gold = pd.DataFrame({"statement_id": ["g1", "g2", "g3"], "paragraph": [1, 1, 1],
                         "actor_id": ["coast_guard", "who", "fsb"], "start": [0, 20, 40], "end": [10, 30, 50]})
    found = gold.assign(actor_id=None, speaker_text=["Coast Guard", "WHO's", "FSB"])
    actors = pd.DataFrame({"actor_id": ["coast_guard", "who", "fsb"],
                           "name": ["Coast Guard (Philippines)", "World Health Organization",
                                    "Federal Security Service (FSB)"]})
    assert ex.evaluate(found, gold, actors).loc[0, "speaker_accuracy"] == 1.0
    wrong = found.assign(speaker_text=["Philippines Guard", "WH", "Service"])
    assert ex.evaluate(wrong, gold, actors).loc[0, "speaker_accuracy"] == 1 / 3  # "Service" is a last word


def test_a_quotation_its_cue_interrupts_goes_on_after_it():
    found = run('"Now that the patients come out cured," Ruiz told the press, "they will start believing it."')
    assert found["quote"].tolist() == ['"Now that the patients come out cured,"', '"they will start believing it."']
    assert set(found["actor_id"]) == {"ana"} and set(found["cue"]) == {"told"}


def test_a_quotation_that_ends_its_sentence_takes_no_cue_from_the_next():
    found = run('Ruiz said, "You have severed the bond with your children." Ben Ode went on to say the sentence was '
                "fair.")
    assert found[["quote", "actor_id"]].values.tolist() == [
        ['"You have severed the bond with your children."', "ana"], ["the sentence was fair", "ben"]]


def test_a_claim_and_the_quotation_after_its_colon():
    found = run('Ben Ode told the press the drugs were only part of the answer: "What will stop the virus is good '
                'care."')
    assert found[["quote", "form"]].values.tolist() == [["the drugs were only part of the answer", "paraphrase"],
                                                        ['"What will stop the virus is good care."', "direct"]]
    assert set(found["actor_id"]) == {"ben"}


@pytest.mark.parametrize("pattern, text, span, speaker", [
    ("a neutral verb's subject opening a sentence is a name", "Reuters reported the ban was not part of a plan.",
     "the ban was not part of a plan", "Reuters"),
    ("a title after a title: 'Director General'", "Jean-Jacques Muyembe, Director General of the institute, spoke "
     "first. He went on to say thousands of deaths could be prevented.", "thousands of deaths could be prevented",
     "Jean-Jacques Muyembe"),
    ("an opening adverbial is no appositive", "On Monday morning, Director Anthony Fauci of the National Institute "
     "of Allergy, announced the trial had stopped.", "the trial had stopped", "Anthony Fauci"),
])
def test_more_speaker_patterns_with_no_actors(pattern, text, span, speaker):
    found = no_actors(text)
    assert found.loc[found["quote"] == span, "speaker_text"].tolist() == [speaker], pattern


def test_an_inferential_verb_does_not_make_a_word_a_name():
    assert ex.find_names("History suggests that truces fail.").empty
    assert ex.find_names("Reuters reported that truces fail.")["name"].tolist() == ["Reuters"]


def test_a_pronoun_that_opens_the_sentence_speaks_for_a_verb_joined_by_and():
    s = only(run("Ana Ruiz left the hall.\n\nShe did not know the date and said her brothers were safe."))
    assert (s.quote, s.actor_id) == ("her brothers were safe", "ana")


def test_a_preposition_that_opens_a_sentence_is_a_preposition():
    s = only(run('In the readout itself Acme also made this point, writing "We are fully cooperating with the '
                 'inquiry."'))
    assert s.actor_id == "acme"


@pytest.mark.parametrize("sentence, span", [
    ('Ruiz said "We couldn\'t win," and the city flag is at half-mast.', '"We couldn\'t win,"'),
    ("With Blueland encouraging firms to leave the country, Acme has announced plans to go.",
     "firms to leave the country"),
])
def test_a_clause_ends_where_a_new_one_begins(sentence, span):
    assert span in run(sentence)["quote"].tolist()


@pytest.mark.parametrize("sentence, span, speaker", [
    ('In a meeting he was told by Deputy Minister Ben Ode of "presumably forty people under the rubble", while '
     "others waited.", '"presumably forty people under the rubble"', "ben"),  # a title before the agent
    ("Several ministers were reported by Acme to have visited the hospital.", "to have visited the hospital",
     "acme"),  # "to" stays with the claim
    ("A badge was used by the attacker, reported by Acme as stolen from a guard and by Blueland as forged.",
     "stolen from a guard", "acme"),  # a reduced passive after a comma; a second agent ends the claim
])
def test_a_passive_cue_with_its_agent(sentence, span, speaker):
    s = only(run(sentence))
    assert (s.quote, s.actor_id) == (span, speaker)
    assert s.rule.split(";")[0] == f"passive cue '{s.cue}', its agent the speaker"


def test_a_passive_cue_with_no_agent_reports_nothing():
    assert run("Ruiz was told the plant would close.").empty


# --- Patterns read on the enlarged tune half (wn20_01 to wn20_10), one crafted sentence each ------------

# Reporting verbs of the published lists (Thompson 1994: remark, note, point out, advise, blame, cite, dismiss,
# call) that the lexicon lacked.
@pytest.mark.parametrize("sentence, cue, span, speaker", [
    ("Ben Ode blamed Acme for the fire at the plant.", "blamed", "Acme for the fire at the plant", "ben"),
    ("Blueland advised its citizens to leave the country.", "advised", "its citizens to leave the country", "blue"),
    ("Ruiz remarked the vote had been close.", "remarked", "the vote had been close", "ana"),
    ("Ruiz spoke out against the strike on the border.", "spoke out against", "the strike on the border", "ana"),
    ("Ruiz disagreed with the findings of the inquiry.", "disagreed with", "the findings of the inquiry", "ana"),
    ("Acme notes the plant had passed every test.", "notes", "the plant had passed every test", "acme"),
    ("Ben Ode pointed out the plant had passed every test.", "pointed out", "the plant had passed every test", "ben"),
    ('Acme called the demand "unprecedented".', "called", 'the demand "unprecedented"', "acme"),
    ("Blueland dismissed the claim from Acme as groundless.", "dismissed", "the claim from Acme as groundless",
     "blue"),
    ("Acme cites the outbreak as an example of what not to do.", "cites",
     "the outbreak as an example of what not to do", "acme"),
])
def test_reporting_verbs_added_on_the_enlarged_tune_half(sentence, cue, span, speaker):
    s = only(run(sentence))
    assert (s.cue, s.quote, s.actor_id) == (cue, span, speaker)


@pytest.mark.parametrize("sentence", [
    "Ruiz called a meeting of the council.",  # "call" names nothing its object is
    "Blueland called the police to the plant.",
    "The judge dismissed the case against Acme on Monday.",  # "dismiss" with no "as": an act
])
def test_new_cues_where_they_report_nothing_said(sentence):
    assert run(sentence).empty


@pytest.mark.parametrize("sentence, cue, span", [
    ("Initial reports from the hospital said the patient was stable.", "said", "the patient was stable"),
])
def test_a_plural_noun_before_a_preposition_is_no_cue(sentence, cue, span):
    s = only(run(sentence))
    assert (s.cue, s.quote) == (cue, span)
    assert run("To date, the president's claims of fraud at the polls have gained no ground.").empty


def test_a_source_cited_is_no_claim():
    s = only(run("Acme, citing local groups, reported that the plant had closed."))
    assert (s.cue, s.quote) == ("reported that", "the plant had closed")


def test_a_participle_after_a_comma_begins_a_report_of_its_own():
    found = run('Ruiz spoke out against the strike, calling it "a crime against the people".')
    assert found[["cue", "quote"]].values.tolist() == [["spoke out against", "the strike"],
                                                       ["calling", 'it "a crime against the people"']]


@pytest.mark.parametrize("sentence, span", [
    ("Ruiz said the region, to be called Bluevale, would govern itself.",
     "the region, to be called Bluevale, would govern itself"),  # "to be called" begins no report
    ("Ruiz said the name had to be short and, to be fair, it must not cite a place.",
     "the name had to be short and, to be fair, it must not cite a place"),  # nor does a negated cue
])
def test_a_cue_that_reports_nothing_ends_no_clause(sentence, span):
    assert run(sentence)["quote"].tolist() == [span]


# Speakers read on the enlarged tune half: titles, the holder of a title named alone, and groups.
@pytest.mark.parametrize("pattern, text, span, speaker", [
    ("a police title", "Kamloops RCMP Constable Gary Gray said the drug was popular because it was potent.",
     "the drug was popular because it was potent", "Gary Gray"),
    ("a title held for a place, then the name", "President of Argentina Alberto Fernández announced he would send "
     "a bill to the congress.", "he would send a bill to the congress", "Alberto Fernández"),
    ("a title in lower case before the name, then alone", "Police met archbishop Jorge Scheinig on Monday. Later "
     "the archbishop said the law was a grave mistake.", "the law was a grave mistake", "Jorge Scheinig"),
    ("a title alone, as a possessor", "President Joe Biden wrote to Emily Murphy. The president's reply came "
     "later, in which he asserted he had won the vote.", "he had won the vote", "Joe Biden"),
    ("an institution named by a nationality", "The German government said the opposition leader had been "
     "poisoned.", "the opposition leader had been poisoned", "German government"),
    ("a group noun the list lacked", "Navalny is a critic of the Kremlin, and his associates alleged he was "
     "poisoned.", "he was poisoned", "associates"),
])
def test_speaker_patterns_of_the_enlarged_tune_half_with_no_actors(pattern, text, span, speaker):
    found = no_actors(text)
    assert found.loc[found["quote"] == span, "speaker_text"].tolist() == [speaker], pattern


@pytest.mark.parametrize("text, span", [
    ("Archbishop Ben Ode led the mass. Calling it a disgrace, the archbishop said the law was a grave mistake.",
     "the law was a grave mistake"),  # a title alone names the actor who held it
    ("President Ben Ode wrote to Ana Ruiz. The president's reply came later, in which he asserted he had won the "
     "vote.", "he had won the vote"),  # and is the latest person a pronoun can stand for
])
def test_a_title_alone_names_its_holder_with_actors(text, span):
    found = run(text)
    assert found.loc[found["quote"] == span, "actor_id"].tolist() == ["ben"]


def test_a_cue_then_an_addressee_and_a_circumstance_then_the_quotation():
    s = only(run('Ruiz told the press in a separate interview, "We will not sign this deal today."'))
    assert (s.quote, s.cue, s.actor_id, s.form) == ('"We will not sign this deal today."', "told", "ana", "direct")


@pytest.mark.parametrize("sentence, span", [
    ("Ben Ode stated to the press in late June that the plant would close.", "the plant would close"),
    ("Acme said on last Wednesday they had run out of stock.", "they had run out of stock"),
])
def test_a_circumstance_between_the_cue_and_the_claim_is_left_out(sentence, span):
    assert only(run(sentence)).quote == span


def test_two_claims_joined_by_and_each_with_its_subject():
    found = run("Ben Ode said the drug was popular because it was potent, and colors such as purple were used by "
                "traffickers.")
    assert found[["quote", "cue", "actor_id"]].values.tolist() == [
        ["the drug was popular because it was potent", "said", "ben"],
        ["colors such as purple were used by traffickers", "said", "ben"]]
    # a second verb of the same subject, or a list, is one claim
    assert only(run("Ben Ode said Ruiz needed help, and was in a serious condition.")).quote == (
        "Ruiz needed help, and was in a serious condition")


@pytest.mark.parametrize("sentence, span", [
    ("Ruiz described the money as resources for the transition, which the courts have not yet ruled on.",
     "the money as resources for the transition"),  # a relative clause after four words or more: a gloss
    ("Acme has urged Blueland to move on with the transition, such as the vote in May.",
     "Blueland to move on with the transition"),
])
def test_a_clause_ends_before_a_gloss(sentence, span):
    assert span in run(sentence)["quote"].tolist()


@pytest.mark.parametrize("text, span, speaker", [
    ("Other leaders have broken with Acme, such as the former mayor Ana Ruiz, who denounced the deal as a betrayal.",
     "the deal as a betrayal", "Ana Ruiz"),  # a relative pronoun's antecedent
    ("Ben Ode did not concede defeat in his statement, however, and vowed to keep fighting in court.",
     "keep fighting in court", "Ben Ode"),  # the subject that opens the sentence, for a verb joined by "and"
])
def test_the_subject_of_a_relative_clause_and_of_a_joined_verb(text, span, speaker):
    found = no_actors(text)
    assert found.loc[found["quote"] == span, "speaker_text"].tolist() == [speaker]
    s = only(run("Ana Ruiz has broken with Ben Ode and has urged Acme to go on."))
    assert (s.quote, s.actor_id) == ("Acme to go on", "ana")
