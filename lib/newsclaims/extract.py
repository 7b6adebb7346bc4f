"""Find candidate statements in raw news text with plain rules, and measure them honestly.

No model: regular expressions over quotation marks and reporting verbs, and the
actors' aliases for speakers, or, with no actors, a name finder built of word
lists. What the rules find is a *candidate*; the evaluation against a hand
coding says how far to trust it.

Each rule is a small function at module level, named in ``RULES`` in order of
precedence: ``quote_then_cue``, ``cue_then_quote``, ``colon_quote``,
``quote_alone``, ``according_to``, ``content_then_cue``, ``cue_then_paraphrase``,
``uncued_partial`` and ``passive_by``. It reads one paragraph, the one cue lexicon (``CUES``,
drawn from ``REPORTING_VERBS``, or the ``cues=`` given) and the actors named in
the text, and yields ``Candidate`` tuples. ``extract_statements`` runs every
rule, keeps the candidates that clash with none kept before them, lets the last
speaker go on where the text says so, and returns a DataFrame.

The cue lexicon
---------------
``REPORTING_VERBS`` groups the verbs (and a few nouns) that introduce what
someone said by what they tell the reader beyond "someone spoke", with every
inflection written out. The groups follow the published accounts of reporting
verbs:

- Thompson, G. (1994). *Reporting*. Collins COBUILD English Guides 5. London:
  HarperCollins. Reporting verbs sorted by what they signal: a neutral report
  (say, tell, add), the speaker's purpose (urge, ask, warn, suggest, promise),
  and the reporter's reading of the speaker's attitude (insist, claim, accuse,
  deny).
- Bergler, S. (1992). *The Evidential Analysis of Reported Speech*. PhD thesis,
  Brandeis University; and Bergler, S. (2006). Conveying attitude with reported
  speech. In J. G. Shanahan, Y. Qu and J. Wiebe (eds), *Computing Attitude and
  Affect in Text: Theory and Applications*. Springer. The reporting verb carries
  the reporter's evaluation of the source and of what it said: "insisted" and
  "claimed" are not "said".
- Krestel, R., Bergler, S. and Witte, R. (2008). Minding the source: automatic
  tagging of reported speech in newspaper articles. *Proceedings of LREC 2008*,
  Marrakech. Reported speech in news found from a reporting-verb list, as
  source, reporting verb and content: the pattern these rules follow.

The six groups (neutral, assertive, directive, critical, announcing,
inferential) are this package's; no verb in the table comes from the one
article the rules were first written on.
"""

from __future__ import annotations

import bisect
import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache
from typing import NamedTuple

import pandas as pd

from . import text as textmod
from .data import Article
from .text import QUOTE, overlap

# --- the cue lexicon --------------------------------------------------------------------

# The one table of reporting verbs that every rule reads, by what the verb signals (see the
# module's docstring for the sources). Every inflection is written out. A base form that is
# as often a noun ("state", "note", "claim", "stress", "report") is left out, its -ed and
# -ing forms kept; its -s form ("claims", "reports") is kept, and read as a noun after a determiner
# ("some reports") or before another cue ("reports suggest": see _cues_in); a verb whose object is
# rarely a claim ("maintain") is kept only with "that".
REPORTING_VERBS: dict[str, tuple[str, ...]] = {
    # a report and nothing more (Thompson's neutral verbs)
    "neutral": ("say", "says", "said", "saying", "tell", "tells", "told", "telling", "adds", "added", "adding",
                "stated", "stating", "noted", "noting", "explained", "explains", "explaining", "commented",
                "commenting", "reported", "reports", "wrote", "writes", "writing", "expressed", "expresses",
                "expressing", "described", "describes", "describing", "describe", "remarked", "remarks", "remarking",
                "notes", "cited", "cites", "citing", "cite", "pointed to", "points to", "pointing to", "point to"),
    # the speaker holds to the claim: the reporter marks its force (Bergler's "insist", "claim")
    "assertive": ("insist", "insists", "insisted", "insisting", "stressed", "stressing", "assert", "asserts",
                  "asserted", "asserting", "reiterate", "reiterates", "reiterated", "reiterating",
                  "maintain that", "maintains that", "maintained that", "has maintained that", "maintaining that",
                  "underscore", "underscores", "underscored", "underscoring", "emphasised", "emphasized",
                  "emphasising", "emphasizing", "argue", "argues", "argued", "arguing", "claimed", "claiming",
                  "affirmed", "affirming", "contend", "contends", "contended", "contending", "claims", "alleged",
                  "alleges", "alleging", "pointed out", "points out", "pointing out", "point out"),
    # the speaker wants someone to act (Thompson: the speaker's purpose)
    "directive": ("urge", "urges", "urged", "urging", "call for", "calls for", "called for", "calling for",
                  "call on", "calls on", "called on", "calling on", "asked", "demanded", "appealed for",
                  "encourage", "encourages", "encouraged", "encouraging", "advise", "advises", "advised", "advising"),
    # the speaker judges someone or something, or refuses a claim
    "critical": ("accuse", "accuses", "accused", "accusing", "condemn", "condemns", "condemned", "condemning",
                 "deny", "denies", "denied", "denying", "reject", "rejects", "rejected", "rejecting", "criticised",
                 "criticized", "criticising", "criticizing", "denounce", "denounces", "denounced", "denouncing",
                 "accusation that", "blame", "blames", "blamed", "blaming", "dismissed", "dismisses", "dismissing",
                 "disagreed with", "disagrees with", "disagree with", "spoke out against", "speaks out against",
                 "speaking out against", "called", "calls", "calling"),
    # the speaker makes something known or commits to it
    "announcing": ("announce", "announces", "announced", "announcing", "announcement that", "declare",
                   "declares", "declared", "declaring", "confirmed", "confirms", "confirming", "revealed",
                   "pledged", "pledging", "promised", "vowed", "vowing"),
    # the speaker draws or invites an inference, or admits one
    "inferential": ("suggest", "suggests", "suggested", "suggesting", "warn", "warns", "warned", "warning",
                    "cautioned", "predicted", "predicts", "acknowledged", "admitted", "conceded", "conceding",
                    "indicated", "indicates", "indicating", "estimated", "estimating"),
    # the source of what precedes: "..., according to Ben Ode"
    "source": ("according to",),
}
# verbs whose claim follows as a to-infinitive: "pledged to withdraw" (the "to" belongs to the cue)
TO_INFINITIVE = ("pledged", "pledging", "promised", "vowed", "vowing")
# verbs that may name their addressee before the claim: "told reporters that ..."
ADDRESSED = ("tell", "tells", "told", "telling", "warn", "warns", "warned", "warning")


def _with_that(forms: Iterable[str]) -> list[str]:
    """Each verb form, and the same form with "that": "said", "said that"; a phrase ending in a preposition
    ("according to", "called for") or in "that" already has its own."""
    out = []
    for form in forms:
        out.append(form)
        if " " not in form:
            out.append(f"{form} that")
    return out


# The cue lexicon as the rules read it, the table's forms with "that" where a clause can follow.
CUES = list(dict.fromkeys(_with_that(form for forms in REPORTING_VERBS.values() for form in forms)))
# a cue's group in the table ("said that" is neutral, as "said" is)
CUE_KINDS = {cue: kind for kind, forms in REPORTING_VERBS.items() for form in forms for cue in _with_that([form])}

# a paraphrase's content runs to the end of its clause (a full stop is found apart: see _clause_end)
# (a semicolon, a colon or a dash ends a clause too; so does a circumstance that opens after it, ", following
# the vote", "despite the ban", and the writer's gloss, ", meaning ...")
CLAUSE_END = re.compile(r", (?:but|adding|with|according to|referring to|and in|while|following|meaning|such as)\b"
                        r"|[,;]? --|;|:\s|\s[—–]\s|\s(?:despite|whereas)\b|$")
# words that begin a circumstance, not a claim: "Wang said during the call"
NOT_CONTENT = re.compile(r"(?:during|in|at|on|after|before|while|when|outside)\b")
# a speaker's kind, most likely first, when several actors precede a cue
KIND_ORDER = {"person": 0, "group": 1, "state": 2, "bloc": 3, "document": 4, "organization": 5, "region": 6, "": 7}
PRONOUN = re.compile(r"(?<!\w)(he|she|they)(?!\w)", re.I)
# a partial quote's words are the speaker's own, a paraphrase's the writer's: trust the first more
FORM_WEIGHT = {"partial": 0.9, "paraphrase": 0.8}
# the candidates' columns and their types, the same when nothing is found
COLUMNS = {"statement_id": "str", "actor_id": "str", "speaker_text": "str", "quote": "str", "start": "int64",
           "end": "int64", "paragraph": "int64", "form": "str", "cue": "str", "confidence": "float64", "rule": "str"}

# --- the filters on cues ------------------------------------------------------------------

# A negated or refused report says what was *not* said: "stopped short of condemning",
# "did not deny", "declined to comment".
NEGATED = re.compile(r"(?:\bnot|n't|\bnever|\bshort of|\brefused to|\bdeclined to|\bwithout|\bno longer)\s+"
                     r"(?:\w+ly\s+)?$")
# The subject of a passive reporting verb is its addressee or its target, not its speaker:
# "he was told", "Russia is accused of".
# (an adverb or a time may stand between: "was on Wednesday reported to")
PASSIVE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+|(?:on|in|at|last|this)\s+\w+\s+)?$")
# a determiner or a preposition before a cue in -ed makes it an adjective, and "as" a report with no
# source: "the confirmed death toll", "over alleged plots", "As revealed at trial"
ADJECTIVE = re.compile(r"(?:\b(?:a|an|the|his|her|its|their|our)|\b(?:over|of|for|about|with|by|from|as))\s+$", re.I)
# "The announcement that was made", "he said that was wrong": "that" followed by a verb is a
# pronoun, not the start of the content. (A content clause begins with its own subject.)
AUXILIARY = re.compile(r"\s+(?:is|are|was|were|has|have|had|will|would|could|can|may|might|should|must|did|does"
                       r"|do)\b")
# a determiner before a cue in -ing makes it a noun: "a warning shot", "the saying goes"
DETERMINER = re.compile(r"\b(?:a|an|the|this|that|his|her|its|their|our)\s+$")
# a determiner or a quantifier before a cue in -s makes it a plural noun: "some reports", "the calls for calm"
PLURAL_DETERMINER = re.compile(r"\b(?:the|these|those|his|her|its|their|our|some|many|several|such|other|any|no"
                               r"|all|both)\s+(?:\w+\s+)?$", re.I)
# the cues in -s that are as often plural nouns; a preposition after one makes it a noun ("reports from the
# hospital", "claims of fraud")
PLURAL_NOUNS = ("claims", "reports", "calls", "notes", "remarks")
NOUN_AFTER = re.compile(r"\s+(?:of|from|by|about|in|on|at|during|after|with|that\s+(?:were|was|had|have|are|is))\b")
# "call" reports speech when it names what its object is ("called the demand "unprecedented"", "calling it a
# betrayal"), not when it calls a meeting, a vote or the police: an object of a few words, then quoted words or
# "a"/"an"
NAMING = ("called", "calls", "calling")
NAMES_OBJECT = re.compile(r"\s+(?:it|them|him|her|this|that|(?:the|its|his|her|their|our|[A-Z][\w'’.-]*['’]s)\s+"
                          r"[\w'’-]+(?:\s+[\w'’-]+)?)\s+(?:[\"“]|an?\s+(?!\w+\s+(?:on|for|to)\b))")
# "dismiss", "cite" and "point to" report speech only with what their object is called: "dismissed the claim as
# groundless", "cite the outbreak as an example" (a court that dismissed a case said nothing, and "citing local
# groups" names a source, not a claim)
AS_WHAT = ("dismissed", "dismisses", "dismissing", "cited", "cites", "citing", "cite", "pointed to", "points to",
           "pointing to", "point to")

# --- the name finder's word lists -------------------------------------------------------------
# With no actors, speakers are names: runs of capitalised words. These lists say which
# capitalised words name nobody, and which words make a run a title, an organisation or a place.

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
# adjectives of nationality and region: "Russian forces", "Chinese Foreign Minister"
NATIONALITIES = ("Afghan", "African", "Albanian", "Algerian", "American", "Arab", "Argentine", "Armenian", "Asian",
                 "Australian", "Austrian", "Azerbaijani", "Belarusian", "Belgian", "Brazilian", "British",
                 "Bulgarian", "Canadian", "Chilean", "Chinese", "Colombian", "Croatian", "Cuban", "Czech", "Danish",
                 "Dutch", "Eastern", "Egyptian", "English", "Estonian", "Ethiopian", "European", "Finnish", "French",
                 "Georgian", "German", "Greek", "Hungarian", "Indian", "Indonesian", "Iranian", "Iraqi", "Irish",
                 "Israeli", "Italian", "Japanese", "Jordanian", "Kazakh", "Kenyan", "Korean", "Kurdish", "Latvian",
                 "Lebanese", "Libyan", "Lithuanian", "Malaysian", "Mexican", "Moldovan", "Moroccan", "Nigerian",
                 "Northern", "Norwegian", "Pakistani", "Palestinian", "Polish", "Portuguese", "Romanian", "Russian",
                 "Saudi", "Scottish", "Serbian", "Slovak", "Slovenian", "Southern", "Soviet", "Spanish", "Swedish",
                 "Swiss", "Syrian", "Taiwanese", "Thai", "Turkish", "Ukrainian", "Venezuelan", "Vietnamese", "Welsh",
                 "Western", "Yemeni")
# capitalised only because they open a sentence (or a headline): pronouns, articles, conjunctions,
# prepositions and sentence adverbs
SENTENCE_WORDS = frozenset(
    "A About Above According Across After Again Against All Along Already Also Although Amid Among An And Another "
    "Any Around As Asked At Because Before Behind Below Beside Between Beyond Both But By Despite During Each Earlier "
    "Either Even Every Few For From Further Furthermore He Her Here Hers Him His How However I If In Indeed Instead "
    "Into It Its Just Last Later Like Many Maybe Me Meanwhile More Moreover Most Much My Near Neither Never "
    "Nevertheless Next No Nor Not Now Of Off On Once One Only Or Other Our Over Perhaps Several She Since So Some "
    "Speaking Still Such Than That The Their Them Then There These They This Those Though Through Throughout To "
    "Today Together Tomorrow Tonight Toward Towards Under Unlike Until Upon Us Via We What Whatever When Where "
    "Whether Which While Who Whom Whose Why With Within Without Yes Yesterday Yet You Your".split())
PRONOUNS = frozenset("he she they it we i you him her them his hers their its".split())
# a title before a name is not the name: "Chinese Foreign Minister Wang Yi" is Wang Yi
TITLES = frozenset(
    "Administrator Admiral Adm. Ambassador Archbishop Attorney Ayatollah Bishop Capt. Captain Cardinal Chairman "
    "Chairperson Chairwoman Chancellor Coach Col. Colonel Commandant Commander Commissioner Constable Corporal "
    "Councillor Councilor Dame Detective Director Director-General Dr Dr. Emir Envoy Gen. General Gov. Governor Imam "
    "Inspector Judge King Leader Lieutenant Lord Lt. Marshal Mayor Minister Monsignor Monsenor MP Mr Mr. Mrs Mrs. Ms "
    "Ms. Officer Pope Premier President Prince Princess Prof. Professor Prosecutor Queen Rabbi Rep. Representative "
    "Rev. Reverend Secretary Secretary-General Sen. Senator Sergeant Sgt. Sheikh Sheriff Sir Speaker Spokesman "
    "Spokesperson Spokeswoman Sultan Superintendent Vice-President".split())
# words that can stand before a title and belong to it: "Foreign Minister", "Deputy Prime Minister"
TITLE_WORDS = frozenset(
    "Acting Assistant Associate Chief Defence Defense Deputy Economy Executive Finance First Foreign Health Interior "
    "Justice Managing Press Prime Senior Supreme Trade Vice".split())
# after "Secretary of": the department that belongs to the title ("Secretary of State Antony Blinken")
DEPARTMENTS = frozenset("State Defense Defence Foreign Affairs Homeland Security Health Education Commerce "
                        "Treasury Energy Agriculture Labor Labour Justice the Interior".split())
# the last word of an organisation, an institution or an event: "Munich Security Conference"
ORGANISATIONS = frozenset(
    "Accords Administration Agency Agreement Agreements Alliance Army Assembly Association Authority Bank Board "
    "Bureau Cabinet Center Centre Charter College Commission Committee Company Conference Congress Corporation "
    "Council Court Cup Department Embassy Forces Forum Foundation Fund Games Government Group Guard House Institute "
    "Journal Kremlin League Media Ministry Movement Nations Navy Network News Office Olympics Organisation "
    "Organization Parliament Party Police Policy Post Programme Program Relations Review School Senate Service "
    "Society Studies Summit Times Treaty Tribunal Union University War Wire".split())
# words that begin or end a place: "North Korea", "United States", "New York", "Indian Ocean"
PLACE_STARTS = frozenset("Cape Central East Fort Great Hong Las Lake Los Lower Middle Mount New North Port Saint San "
                         "Santa South St. United Upper West".split())
PLACE_ENDS = frozenset("Bay City County Coast Emirates Gulf Island Islands Kingdom Mountains Ocean Peninsula Province "
                       "Region Republic River Sea Square States Strait Street Valley".split())
# a name's particles, whole words only, between its capitalised words: "Ursula von der Leyen"
PARTICLES = ("of", "von", "van", "der", "den", "de", "da", "di", "du", "del", "dela", "della", "la", "dos", "das",
             "bin", "ibn", "al")
# nouns that say an appositive describes a person: "Ischinger, chairman of the conference,"
PERSON_NOUNS = frozenset(
    "adviser advisor ambassador analyst author chair chairman chairwoman chancellor chief commissioner correspondent "
    "deputy diplomat director economist editor envoy expert fellow founder general governor head historian lawmaker "
    "lawyer leader lecturer mayor member minister officer official premier president professor researcher "
    "scientist secretary senator speaker spokesman spokesperson spokeswoman student".split())
# nouns for the groups the news quotes, named with a capitalised adjective: "Western officials
# suggest", "U.S. officials said" ("experts" alone is no name: the actors' aliases can name them)
GROUP_NOUNS = ("activists", "analysts", "associates", "authorities", "campaigners", "companies", "critics",
               "diplomats", "doctors", "economists", "experts", "firms", "investors", "lawmakers", "leaders",
               "legislators", "observers", "officials", "organisers", "organizers", "participants", "protesters",
               "prosecutors", "researchers", "residents", "scientists", "sources", "supporters", "witnesses")
# institutions named by a nationality, in lower case: "the German government", "the Russian military"
INSTITUTIONS = ("army", "embassy", "government", "military", "ministry", "navy", "parliament", "police")
# prepositions: a name after one is not the subject of the verb that follows ("envoy to the UN on Monday said")
PREPOSITIONS = frozenset("about across after against along amid among around at before behind between beyond by "
                         "during for from in inside into near of off on onto outside over since through to toward "
                         "towards under until upon via with within without".split())
# an abbreviation's full stop ends no sentence: "U.S. Ambassador", "Mr. Wang", "J. R. R. Tolkien"
ABBREVIATIONS = frozenset("Adm Capt Col Co Corp Dr Gen Gov Hon Inc Jr Lt Ltd Maj Mr Mrs Ms Mt No Prof Rep Rev Sen "
                          "Sgt Sr St vs".split())

# One token of a name: an acronym with full stops ("U.S."), an initial before another token
# ("J."), or a capitalised word with its hyphens and apostrophes ("Thomas-Greenfield", "Russia's"),
# or a website's name ("Znak.com").
_TOKEN = (r"(?:(?:[A-Z]\.){2,}|[A-Z]\.(?= [A-Z])|(?:" + "|".join(sorted(a for a in ABBREVIATIONS if a[0].isupper()))
          + r")\.(?= [A-Z])|[A-Z][\w'’]*(?:-[\w'’]+)*(?:\.(?:com|org|net)\b)?)")
# a capitalised name: tokens, with particles between them ("Ursula von der Leyen", "Bank of
# England"), or particles before them where a surname begins with one ("von der Leyen"); a
# particle is a whole word and never ends a name ("Russia's decision" is "Russia's")
_PARTICLE = "(?:" + "|".join(PARTICLES) + ")"
NAME = re.compile(rf"(?<![\w.'’-])(?:(?:von|van|de|dela|der|den|da|di|du|al) )*{_TOKEN}(?: (?:{_PARTICLE} )*{_TOKEN})*")
_GROUP = re.compile(r"(?<![\w'’-])(?:" + "|".join(NATIONALITIES) + r"|(?:[A-Z]\.){2,}|[A-Z]{2,}) (?:"
                    + "|".join(GROUP_NOUNS + INSTITUTIONS) + r")(?![\w'’-])")
_LOWER_TITLE = re.compile(r"(?<![\w'’-])[Tt]he (?:(?:" + "|".join(w.lower() for w in TITLE_WORDS) + r") )*("
                          + "|".join(sorted({t.lower().rstrip(".") for t in TITLES if t[-1] != "."}, key=len,
                                            reverse=True)) + r")(?=['’]s\b|(?![\w'’-]))")
# a title in lower case right before a name: "archbishop Jorge Scheinig", "former governor Chris Christie"
_TITLE_BEFORE = re.compile(r"(?<![\w'’-])(" + "|".join(sorted({t.lower() for t in TITLES if t[-1] != "."}, key=len,
                                                             reverse=True)) + r")\s+$")
# a neutral reporting verb right after a word: "Reuters reported"
_NEUTRAL_AFTER = re.compile(r"\s+(?:" + "|".join(w for w in REPORTING_VERBS["neutral"] if " " not in w) + r")\b")
# a title and the place it is held for, before a name: "Ambassador to Germany Richard Grenell"
_TITLE_TO = re.compile(r"\b(?:" + "|".join(re.escape(t) for t in sorted(TITLES, key=len, reverse=True))
                       + r")\s+(?:to|for|in)\s+(?:the\s+)?$")
_SENTENCE_END = re.compile(r"[.?!][\"”]?(?=\s+[\"“A-Z])")


def _cue_pattern(cues: Iterable[str] | None = None) -> re.Pattern[str]:
    """The cue lexicon as one expression: whole words, longest first, so "said that" wins over "said".

    >>> _cue_pattern(["said", "said that"]).search("Wang said that talks go on").group()
    'said that'
    """
    return _compile_cues(tuple(CUES if cues is None else cues))


@lru_cache(maxsize=16)
def _compile_cues(cues: tuple[str, ...]) -> re.Pattern[str]:
    words = sorted(dict.fromkeys(c for c in cues if c), key=len, reverse=True)
    if not words:  # no cues: a pattern that never matches, not one that matches nothing everywhere
        return re.compile(r"(?!)()")
    # a source cue opens a sentence as often as not: "According to Ben Ode, ..."
    written = [f"[{w[0]}{w[0].upper()}]{re.escape(w[1:])}" if _is_source(w) else re.escape(w) for w in words]
    return re.compile(r"(?<!\w)(" + "|".join(written) + r")(?!\w)")


def _is_source(cue: str) -> bool:
    """Is the cue one whose source follows it ("according to", "According to")?"""
    return CUE_KINDS.get(cue.lower()) == "source"


CUE_PATTERN = _cue_pattern()

# who can speak right after a quotation, before its cue: a pronoun, a few words ("Ruiz", "the readout",
# "the Chinese Foreign Minister", "officials"), or a longer run of capitalised words with a title ("Deputy
# Emergency Situations Minister Alexander Chupriyan"); never a word that cannot open a subject: an
# auxiliary ("..., has alleged"), a conjunction or preposition ("..., with officials saying"), an adverb
# ("..., subsequently claimed")
_NOT_SUBJECT = (r"(?!(?:has|have|had|is|are|was|were|will|would|can|could|may|might|must|should|did|does|do|and|but"
                r"|or|nor|with|without|as|which|who|whom|whose|while|when|where|after|before|if|because)\b)"
                r"(?![a-z]+ly\b)")
_SLOT = (_NOT_SUBJECT + r"(?:(?:the|a|an) )?(?:[A-Z][\w'’.-]*(?: (?:[A-Z][\w'’.-]*|of|de|von|van|der|dela|al)){1,7}"
         r"|[\w'’.-]+(?: [\w'’.-]+){0,3}?)")


@lru_cache(maxsize=16)
def _cue_after_quote(cues: re.Pattern[str]) -> re.Pattern[str]:
    """A cue after a quotation, with the speaker's name or pronoun before it: '"...," she said'."""
    return re.compile(r"\s*,?\s*(?:and\s+)?(?:(" + _SLOT + r")\s+)?" + cues.pattern)


@lru_cache(maxsize=16)
def _opens_quote(cues: re.Pattern[str]) -> re.Pattern[str]:
    """What lets a quotation open a clause: the end of a sentence, a colon, or a cue ('Wang said "..."', 'Wang
    said, "..."')."""
    return re.compile(r"(?:^|[.:]\s|" + cues.pattern + r",?\s)$")


class Mention(NamedTuple):
    """Someone the text names: where, which actor (None when no actors are known), the words, its kind.

    With actors, the kind is the actor's; with none, the name finder's guess:
    ``person``, ``title`` (a title, its holder's name in ``text`` where the text
    gave one), ``organization``, ``place``, ``group`` ("experts") or ``""``.
    """

    start: int
    end: int
    actor_id: str | None
    text: str
    kind: str


class Paragraph(NamedTuple):
    """One paragraph, with its sentences and quotations; every offset is into the whole text.

    ``previous`` is where the paragraph before it starts (its own start for the first).
    """

    number: int
    start: int
    end: int
    sentences: list[tuple[int, int]]
    quotes: list[tuple[int, int]]
    previous: int

    def sentence_of(self, pos: int) -> tuple[int, int]:
        """The sentence that holds this offset (the whole paragraph if none does)."""
        return next((s for s in self.sentences if s[0] <= pos < s[1]), (self.start, self.end))


class Candidate(NamedTuple):
    """A candidate statement, as a rule found it.

    ``rule`` is the name of the rule that found it; ``how`` says how its
    speaker was found; ``cue_start`` is where its cue begins (-1 with no cue).
    """

    start: int
    end: int
    quote: str
    speaker_text: str
    actor_id: str | None
    cue: str
    cue_start: int
    form: str
    rule: str
    how: str
    confidence: float
    paragraph: int


def _abbreviation_at(text: str, dot: int) -> bool:
    """Is the full stop at ``dot`` an abbreviation's: "U.S.", "Mr.", the "J." of "J. R. R. Tolkien"?"""
    word = re.search(r"[\w.]*$", text[max(0, dot - 12):dot]).group()
    return bool(word) and (len(word) == 1 and word.isupper() or "." in word or word in ABBREVIATIONS)


def _sentence_spans(para: str) -> list[tuple[int, int]]:
    """The sentences of a paragraph, as (start, end) in it.

    A sentence ends at . ? or ! (and a closing quotation mark) before a capital
    or an opening mark, but not at an abbreviation's full stop ("the U.S.
    Ambassador"); it begins at its first character, not at the space before it.
    """
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(para):
        if m.group()[0] == "." and _abbreviation_at(para, m.start()):
            continue
        spans.append((start, m.end()))
        start = m.end()
    if start < len(para):
        spans.append((start, len(para)))
    return [(a + len(para[a:b]) - len(para[a:b].lstrip()), b) for a, b in spans]


def _paragraphs(text: str) -> list[Paragraph]:
    """The text's paragraphs, numbered from 1, with their sentences and quotations."""
    found: list[Paragraph] = []
    for number, (pa, pb) in enumerate(textmod.paragraph_spans(text), 1):
        para = text[pa:pb]
        found.append(Paragraph(number, pa, pb, [(pa + a, pa + b) for a, b in _sentence_spans(para)],
                               [(pa + m.start(), pa + m.end()) for m in QUOTE.finditer(para)],
                               found[-1].start if found else pa))
    return found


def _mentions(text: str, actors: pd.DataFrame | None = None, aliases: pd.DataFrame | None = None) -> list[Mention]:
    """Who can speak in the text, outside quotations: the actors' aliases, or, with none, the names the name finder
    finds; and the unnamed groups (``_unnamed``) where no alias or name covers them.

    A name in parentheses after another ("the World Health Organization (WHO)") is that name again, not a
    speaker of its own, and is left out.
    """
    if aliases is None or not len(aliases):
        named = _names(text)
    else:
        kinds = dict(zip(actors["actor_id"], actors["kind"].astype(str))) if actors is not None else {}
        named = [Mention(r.start, r.end, r.actor_id, r.alias, kinds.get(r.actor_id, ""))
                 for r in textmod.find_mentions(text, aliases).itertuples()]
        named = sorted(named + _held_titles(text, named), key=lambda m: (m.start, m.end))
    quoted = [m.span() for m in QUOTE.finditer(text)]
    # a speaker is never inside a quotation
    named = [m for m in named if not any(a <= m.start < b for a, b in quoted)
             and not (text[m.start - 1:m.start] == "(" and text[m.end:m.end + 1] == ")")]
    groups = [g for g in _unnamed(text) if not any(a <= g.start < b for a, b in quoted)]
    # a possessor is part of its group ("Johnson's critics"); a group that a name already covers is that name
    named = [m for m in named if not any(g.start <= m.start and m.end < g.end for g in groups)]
    groups = [g for g in groups if not any(m.start < g.end and g.start < m.end for m in named)]
    return sorted(named + groups, key=lambda m: (m.start, m.end))


# "the president", "The archbishop": a title alone, with its article
_THE_TITLE = re.compile(r"(?<![\w'’-])[Tt]he (?:(?:" + "|".join(w.lower() for w in TITLE_WORDS) + r") )*("
                        + "|".join(sorted({t.lower().rstrip(".") for t in TITLES if t[-1] != "."}, key=len,
                                          reverse=True)) + r")(?=['’]s\b|(?![\w'’-]))", re.I)


def _held_titles(text: str, named: Sequence[Mention]) -> list[Mention]:
    """With actors, "the president" or "the archbishop" alone as a mention of the person the text gave that title:
    the latest actor named before it with the title written just before the name ("President Donald Trump",
    "archbishop Jorge Scheinig") or in an appositive after it ("Angela Merkel, the Chancellor of Germany,")."""
    held: list[Mention] = []
    for m in _THE_TITLE.finditer(text):
        if any(n.start < m.end() and m.start() < n.end for n in named):  # an alias already names it
            continue
        title = m.group(1).lower()
        holder = None
        for n in named:
            if n.end > m.start():
                break
            if n.kind not in ("person", ""):
                continue
            before = text[max(0, n.start - 40):n.start].lower()
            after = text[n.end:n.end + 60].lower()
            if (re.search(rf"\b{re.escape(title)}\b(?:\s+of(?:\s+the)?(?:\s+[\w'’-]+){{1,3}})?\s+$", before)
                    or re.match(rf",\s+(?:the|a|an)\s+[^,;.]*\b{re.escape(title)}\b[^,;.]*,", after)):
                holder = n
        if holder:
            held.append(Mention(m.start(), m.end(), holder.actor_id, m.group(), holder.kind))
    return held


# nouns for the unnamed speakers the news quotes with no name, in lower case or opening a sentence: "officials
# said", "Residents there told the press", "Some reports suggest" (the codebook's group and document actors)
UNNAMED = (*GROUP_NOUNS, "police", "reports", "studies")
_UNNAMED = re.compile(r"(?<![\w'’-])(?:[A-Z][\w.-]*['’]s? )?(?:"
                      + "|".join(f"[{w[0]}{w[0].upper()}]{w[1:]}" for w in UNNAMED) + r")(?![\w'’-])")


def _unnamed(text: str) -> list[Mention]:
    """The unnamed groups that can speak: "officials", "Critics", and a possessor's group ("Johnson's critics"),
    kind ``group``, with no actor."""
    return [Mention(m.start(), m.end(), None, m.group(), "group") for m in _UNNAMED.finditer(text)]


# --- the name finder --------------------------------------------------------------------------

def _bare(word: str) -> str:
    """A word without its possessive: "Monday's" is "Monday"."""
    return re.sub(r"['’]s?$", "", word)


def _title_end(words: Sequence[str]) -> int:
    """How many of a run's first words are a title ("Chinese Foreign Minister", "Secretary of State"), 0 if none.

    The title runs to the last title word of the run, and takes the department
    after "of" with it, or the one word of a place where a name of two words or
    more follows ("President of Argentina Alberto Fernández"). Whatever comes before it belongs to it too: a
    nationality, a country or an organisation ("European Commission President").
    """
    last = max((i for i, w in enumerate(words) if w in TITLES), default=-1)
    if last < 0:
        return 0
    end = last + 1
    if end < len(words) and words[end] == "of":
        end += 1
        held = end
        while end < len(words) and words[end] in DEPARTMENTS:
            end += 1
        if end == held and len(words) - end >= 3:  # "President of Argentina Alberto Fernández": the place, then
            end += 1                                # a name of two words or more
    return end


def _title_key(words: Sequence[str]) -> str:
    """What a title is, to match it with another: "Chinese Foreign Minister" is "foreign minister"."""
    return " ".join(w.lower() for w in words if w in TITLES or w in TITLE_WORDS or w in DEPARTMENTS or w == "of"
                    ).removeprefix("of ")


def _holder(holders: Sequence[tuple[int, str, str]], key: str, before: int) -> str | None:
    """The latest name given a title (a key as ``_title_key`` makes it) before a point: "Minister" matches
    "Foreign Minister"."""
    fits = [(pos, name) for pos, held, name in holders if pos < before and (held == key or held.endswith(" " + key))]
    return max(fits)[1] if fits else None


def _segments(run: str, at: int) -> Iterator[tuple[int, list[tuple[int, int, str]]]]:
    """The parts of a run of capitalised words that may be names, each as its words (start, end, word).

    A weekday, a month or a word of SENTENCE_WORDS breaks the run and is left
    out; so is an adjective made with a hyphen ("US-led", "Moscow-backed"). An
    organisation ends before a name that follows it ("United Nations" | "Linda
    Thomas-Greenfield"). No particle ends a part, and "of" begins none.
    """
    words = [(at + m.start(), at + m.end(), m.group()) for m in re.finditer(r"\S+", run)]
    part: list[tuple[int, int, str]] = []
    for i, word in enumerate(words):
        bare = _bare(word[2])
        if (bare in WEEKDAYS or bare in MONTHS or word[2] in SENTENCE_WORDS
                or re.search(r"-[a-z]+$", word[2]) and word[2][0].isupper()):
            yield from _trimmed(part)
            part = []
            continue
        part.append(word)
        after = words[i + 1][2] if i + 1 < len(words) else ""
        if (bare in ORGANISATIONS and after and after not in PARTICLES and after not in TITLES
                and after not in TITLE_WORDS and _bare(after) not in ORGANISATIONS):
            yield from _trimmed(part)
            part = []
    yield from _trimmed(part)


def _trimmed(part: list[tuple[int, int, str]]) -> Iterator[tuple[int, list[tuple[int, int, str]]]]:
    while part and part[-1][2] in PARTICLES:
        part = part[:-1]
    while part and part[0][2] == "of":
        part = part[1:]
    if part:
        yield part[0][0], part


def _names(text: str) -> list[Mention]:
    """The names in a text, with no actors to go by, each with a guess at its kind.

    Runs of capitalised words (``NAME``), split and sorted:

    - weekdays, months and sentence words ("The", "In", "He") name nobody; nor
      does a nationality adjective alone ("Russian"), nor a word that opens a
      sentence when the text also writes it in lower case ("Residents ... the
      residents' association"), nor a single word seen nowhere but at the
      start of a sentence ("History suggests"), unless it is an acronym or
      a person's surname;
    - a title before a name is not the name: "Chinese Foreign Minister Wang Yi"
      is Wang Yi, a ``person``, and holds the title; a title with no name after
      it ("the Foreign Minister") names the latest holder of that title, if
      any, and is kind ``title``;
    - a run with an organisation's word is an ``organization``, one that begins
      or ends like a place ("North Korea", "United States") a ``place``; other
      runs of two words or more are a ``person``; a single word is a ``person``
      when it is part of a person's name given in full ("Wang" of "Wang Yi")
      or an appositive calls it one ("Ischinger, chairman of ..."), and of
      unknown kind ("") otherwise ("Russia", "NATO", "U.S.").

    Groups the news quotes, named with a nationality ("Western officials",
    "U.S. officials"), are kind ``group``; "the foreign minister", in lower
    case, names the holder of that title when the text gave one. Nothing
    inside a quotation is a mention.
    """
    starts = {a for para in _paragraphs(text) for a, _ in para.sentences}
    starts |= {a + 1 for a in starts if text[a:a + 1] in "\"“"}
    lower = {_bare(w) for w in re.findall(r"(?<![\w'’-])[a-z][\w'’-]*", text)}
    found: list[Mention] = []
    holders: list[tuple[int, str, str]] = []  # (where, title key, the holder's name)
    persons: set[str] = set()  # the words of people's names, to know a surname when it comes alone
    inside: set[str] = set()  # the words seen in a name that does not open a sentence, or in a longer one
    for run in NAME.finditer(text):
        for start, words in _segments(run.group(), run.start()):
            end, tokens = words[-1][1], [w for _, _, w in words]
            if start not in starts or len(tokens) > 1:
                inside.update(_bare(w) for w in tokens)
            if len(tokens) == 1 and (tokens[0] in NATIONALITIES or tokens[0].lower() in PRONOUNS):
                continue  # "Russian" names nobody
            if len(tokens) == 1 and start in starts and _bare(tokens[0]).lower() in lower:
                continue  # a common word that opens a sentence: "Residents were not convinced"
            if len(tokens) >= 3 and _TITLE_TO.search(text[max(0, start - 60):start]):
                # "US Ambassador to Germany Richard Grenell": the first word is the place, the rest the name
                words, tokens = words[1:], tokens[1:]
                start = words[0][0]
            cut = _title_end(tokens)
            if cut and cut < len(tokens):  # "Chinese Foreign Minister Wang Yi": the title, then the name
                name_start = words[cut][0]
                holders.append((start, _title_key(tokens[:cut]), text[name_start:end]))
                found.append(Mention(name_start, end, None, text[name_start:end], "person"))
            elif cut:  # a title alone: its holder is settled below
                found.append(Mention(start, end, None, text[start:end], "title"))
            else:
                found.append(Mention(start, end, None, text[start:end], _kind(tokens)))
            if found[-1].kind == "person":
                persons.update(_bare(w) for w in found[-1].text.split() if w not in PARTICLES)
                lower_title = _TITLE_BEFORE.search(text, max(0, found[-1].start - 30), found[-1].start)
                if lower_title:  # "archbishop Jorge Scheinig": the archbishop, later, is Jorge Scheinig
                    holders.append((start, lower_title.group(1), found[-1].text))
    found = [_single(m, text, persons, holders) for m in found]
    # a single word seen only where a sentence opens is not known to be a name ("History suggests ..."),
    # unless it is an acronym or a person's, or the subject of a neutral reporting verb, which reports a
    # source that speaks ("Reuters reported"), where an inferential verb also takes what cannot speak
    # ("History suggests", "Studies indicate")
    found = [m for m in found if m.kind or m.start not in starts or " " in m.text or _bare(m.text) in inside
             or re.fullmatch(r"(?:[A-Z]\.)+|[A-Z]{2,}", _bare(m.text))
             or _NEUTRAL_AFTER.match(text, m.end) and m.text.lower() not in UNNAMED]  # "Critics say": a group
    found = _titles_held(text, found, holders)
    found += [Mention(m.start(), m.end(), None, m.group(), "group") for m in _GROUP.finditer(text)]
    for m in _LOWER_TITLE.finditer(text):  # "the foreign minister": only when the text named one
        holder = _holder(holders, _title_key([w.title() for w in m.group().split()[1:]]), m.start())
        if holder:
            found.append(Mention(m.start(), m.end(), None, holder, "title"))
    quoted = [m.span() for m in QUOTE.finditer(text)]
    opened = [a for a, _ in quoted]
    kept: list[Mention] = []
    for m in sorted(found, key=lambda m: (m.start, m.start - m.end)):
        k = bisect.bisect_right(opened, m.start) - 1
        # a speaker is never inside a quotation; of two mentions of the same words, the longer
        if not (k >= 0 and m.start < quoted[k][1]) and not (kept and m.start < kept[-1].end):
            kept.append(m)
    return kept


def _kind(tokens: Sequence[str]) -> str:
    """The name finder's guess at what a run of capitalised words names (see ``_names``)."""
    words = [_bare(w) for w in tokens if w not in PARTICLES]
    if any(w in ORGANISATIONS for w in words):
        return "organization"
    if any(re.search(r"['’]s?$", w) for w in tokens[:-1]):  # "DRC's Institut National": a possessor's, no person
        return ""
    if words[0] in PLACE_STARTS or words[-1] in PLACE_ENDS:
        return "place"
    if len(words) == 1 or all(re.fullmatch(r"(?:[A-Z]\.)+|[A-Z]+", w) for w in words):
        return ""
    return "person"


def _single(m: Mention, text: str, persons: set[str], holders: list[tuple[int, str, str]]) -> Mention:
    """A single word named a person when a person's name held it, or when an appositive says so."""
    if m.kind or " " in m.text:
        return m
    appositive = re.match(r",\s+((?:a|an|the)\s+)?([^,.;]{0,80}?),", text[m.end:m.end + 90])
    describes = appositive and appositive.group(2)[:1].islower() and set(
        re.findall(r"[a-z-]+", appositive.group(2))) & PERSON_NOUNS
    if describes:
        words = re.findall(r"[a-z-]+", appositive.group(2))
        title = next((w for w in words if w.title() in TITLES), None)
        if title:  # "Ischinger, chairman of the conference": the chairman, later, is Ischinger
            holders.append((m.start, title, m.text))
        return m._replace(kind="person")
    return m._replace(kind="person") if _bare(m.text) in persons else m


def _titles_held(text: str, found: Sequence[Mention], holders: list[tuple[int, str, str]]) -> list[Mention]:
    """Each title alone, as its holder's name where the text gives one.

    A person's name that follows a title closely holds it: "US Ambassador to
    the United Nations Linda Thomas-Greenfield"; so does one that the title
    follows as an appositive ("Delfin Lorenzana, the Defence Secretary"). Otherwise the title names the
    latest person who held it before ("Chinese Foreign Minister Wang Yi ... the
    Foreign Minister"), or, with none, stays as written.
    """
    out = list(found)
    for i, m in enumerate(out):
        if m.kind != "title":
            continue
        nxt = next((n for n in out[i + 1:] if n.kind == "person"), None)
        prev = next((n for n in reversed(out[:i]) if n.kind == "person"), None)
        if prev and re.fullmatch(r",\s+(?:the\s+)?", text[prev.end:m.start]):  # "Delfin Lorenzana, the Defence
            holders.append((m.start, _title_key(m.text.split()), prev.text))   # Secretary": an appositive
            out[i] = m._replace(text=prev.text)
        elif nxt and nxt.start - m.end <= 40 and not re.search(r"[,;:\"“”.]", text[m.end:nxt.start]):
            holders.append((m.start, _title_key(m.text.split()), nxt.text))
            out[i] = m._replace(text=nxt.text)
        else:
            out[i] = m._replace(text=_holder(holders, _title_key(m.text.split()), m.start) or m.text)
    return out


def find_names(text: str) -> pd.DataFrame:
    """The names in a text, found with no actors to go by: where, the words, and a guess at the kind.

    Weekdays, months, pronouns, words that open a sentence and nationality
    adjectives are not names; a title before a name is not part of it; a title
    alone names its holder when the text gave one. See ``_names`` for the rules.

    Parameters
    ----------
    text : str
        The article's text.

    Returns
    -------
    DataFrame
        One row per mention outside quotations: ``start``, ``end``, ``name``
        (the words as written, or a title's holder), ``kind`` (person, title,
        organization, place, group, or empty when unknown) and
        ``opens_sentence`` (a capital there says nothing of a name).

    Examples
    --------
    >>> find_names("Linda Thomas-Greenfield on Monday said the vote was close.")[["name", "kind"]].values.tolist()
    [['Linda Thomas-Greenfield', 'person']]
    """
    names = _names(text)
    starts = {a for para in _paragraphs(text) for a, _ in para.sentences}
    starts |= {a + 1 for a in starts if text[a:a + 1] in "\"“"}
    return pd.DataFrame({"start": [m.start for m in names], "end": [m.end for m in names],
                         "name": [m.text for m in names], "kind": [m.kind for m in names],
                         "opens_sentence": [m.start in starts for m in names]}).astype(
        {"start": "int64", "end": "int64", "name": "str", "kind": "str", "opens_sentence": "bool"})


# --- finding the speaker ----------------------------------------------------------------

def _speaker_near(mentions: Sequence[Mention], lo: int, hi: int, prefer_last: bool = True) -> Mention | None:
    """The likeliest speaker among the mentions in [lo, hi): the nearest, and among known actors a person first;
    an unnamed group only where no known actor is there."""
    inside = [m for m in mentions if lo <= m.start and m.end <= hi]
    if not inside:
        return None
    order = range(len(inside) - 1, -1, -1) if prefer_last else range(len(inside))
    known = any(m.actor_id for m in inside)
    return min((inside[i] for i in order),
               key=lambda m: KIND_ORDER.get(m.kind, 7) if m.actor_id else 8 if known else 0)


def _stands_for(m: Mention, pronoun: str) -> bool:
    """Can this pronoun stand for this mention? "he" and "she" for a person; "they" for a state or a group.

    With actors, the actor's kind says so (an actor of no known kind may be
    either); with the name finder, only a name it took for a person (or a
    title) is a "he" or a "she", never a place, an organisation or an adjective.
    """
    personal = pronoun.lower() in ("he", "she")
    if m.actor_id is None:
        return m.kind in ("person", "title") if personal else m.kind in ("group", "organization", "place", "")
    return not m.kind or m.kind in (("person",) if personal else ("state", "group", "bloc"))


def _resolve(pronoun: str, mentions: Sequence[Mention], before: int, since: int, confidence: float
             ) -> tuple[Mention | None, str, float]:
    """The latest mention a pronoun can stand for, in the same paragraph or the one before; never the pronoun."""
    earlier = [m for m in mentions if since <= m.start and m.end <= before and _stands_for(m, pronoun)]
    label = "person" if pronoun.lower() in ("he", "she") else "state/group/bloc"
    if earlier:
        return earlier[-1], f"'{pronoun}' resolved to the latest {label}", confidence
    return None, f"'{pronoun}' not resolved: no {label} named just before", 0.3


def _subject_like(text: str, m: Mention, lo: int) -> bool:
    """Can this name be a verb's subject? Not after a preposition ("envoy to the United Nations", "in Moscow",
    "of the army's Western Mindanao Command")."""
    joined = re.search(r"((?:[A-Z][\w'’-]*\s+(?:of\s+)?)*[A-Z][\w'’-]*)\s+and\s+$", text[lo:m.start])
    if joined:  # "of Allergy and Infectious Diseases": a name joined by "and" to one that is no subject is none
        return _subject_like(text, Mention(lo + joined.start(), lo + joined.end(1), None, "", ""), lo)
    before = re.findall(r"[\w'’]+", text[max(lo, m.start - 40):m.start])
    while before and (before[-1].lower() in ("the", "a", "an") or re.search(r"\w['’]s?$", before[-1])):
        before.pop()
    return not before or before[-1].lower() not in PREPOSITIONS


def _speaker_for(text: str, mentions: Sequence[Mention], cue: tuple[int, int, str],
                 sentence: tuple[int, int], after_limit: int, since: int) -> tuple[Mention | None, str, float]:
    """The speaker of a cue: a pronoun or a name right before it, a name before it, a name after it.

    A pronoun right before the cue is resolved ("He added that"). A name right
    before the cue is its subject ("Western officials suggest"). With actors,
    a cue in -ing takes the sentence's subject, its first person ("von der
    Leyen referred to Xi and Putin's statement, suggesting"), any other the
    nearest person, group or state before the cue. With no actors, see
    ``_named_subject``. ``cue`` is (start, end, words); ``since`` is where the
    paragraph before begins, the farthest a pronoun looks back. Returns the
    mention (or None), how it was found, and a confidence.
    """
    cue_start, cue_end, word = cue
    if _is_source(word):  # "according to a tweet by Mike Pompeo": the first name after it
        source = _speaker_near(mentions, cue_end, sentence[1], prefer_last=False)
        return (source, "the source named after the cue", 0.8) if source else (None, "no speaker found", 0.3)
    if word.split()[0].endswith(("ment", "tion", "ence")):  # a noun's speaker is its possessor: "Acme's announcement"
        owner = [m for m in mentions if m.end <= cue_start and re.fullmatch(r"(?:['’]s)?\s+", text[m.end:cue_start])
                 and (text[m.end:m.end + 1] in "'’" or m.text.endswith(("'s", "’s")))]
        return (owner[-1], "the owner of the cue", 0.9) if owner else (None, "no speaker found", 0.3)
    # a pronoun right before the cue, or a few lower-case words before it: "He went on to say"
    right_before = re.search(r"(?<![\w'’])(he|she|they)\s+(?:[a-z]+\s+){0,4}$", text[sentence[0]:cue_start], re.I)
    if right_before:
        found = _resolve(right_before.group(1), mentions, sentence[0] + right_before.start(), since, 0.7)
        if found[0]:
            return found
    # (the subject of a participle may follow "with": "with officials saying")
    opening = re.match(r"(He|She|They)\b", text[sentence[0]:cue_start])
    if opening and not any(sentence[0] <= m.start and m.end <= cue_start for m in mentions) and re.search(
            r"\b(?:and|but)\s+(?:\w+ly\s+)?$", text[sentence[0]:cue_start]):  # "She did not know ... and said"
        found = _resolve(opening.group(1), mentions, sentence[0], since, 0.7)
        if found[0]:
            return found
    # a relative pronoun's antecedent: "Chris Christie, who denounced ..."
    relative = [m for m in mentions if sentence[0] <= m.start and re.fullmatch(
        r",\s+who\s+(?:(?:has|had|have|also|later|then|\w+ly)\s+)*", text[m.end:cue_start])]
    if relative:
        return relative[-1], "the name before 'who'", 0.85
    # the subject that opens the sentence, for a verb joined by "and" or "but": "The president did not concede,
    # however, and vowed ...", "Other Republicans have broken with Trump and have urged ..."
    first = next((m for m in mentions if sentence[0] <= m.start < cue_start), None)
    if (first and re.fullmatch(r"(?:(?:the|a|an)\s+)?", text[sentence[0]:first.start], re.I)
            and re.search(r"\b(?:and|but)\s+(?:(?:has|have|had|also|later|then|\w+ly)\s+)*$", text[first.end:cue_start])
            and not re.search(r"[.;:\"“”]", text[first.end:cue_start])):
        return first, "the subject that opens the sentence", 0.8
    adjacent = [m for m in mentions if sentence[0] <= m.start and m.end <= cue_start
                and not text[m.end:cue_start].strip() and (_subject_like(text, m, sentence[0]) or word.endswith(
                    "ing") and re.search(r"\bwith\s+$", text[max(0, m.start - 6):m.start]))]
    if adjacent:
        return adjacent[-1], "name right before the cue", 0.9
    if not any(m.actor_id for m in mentions):
        return _named_subject(text, mentions, cue, sentence, after_limit, since)
    # a cue in -ing after a comma takes the sentence's subject ("von der Leyen referred to ..., suggesting");
    # any other the nearest ("Stefaniak was met with applause upon announcing")
    participle = _after_comma_participle(text, word, cue_start)
    subjects = [m for m in mentions if _subject_like(text, m, sentence[0])] if participle else mentions
    before = _speaker_near(subjects, sentence[0], cue_start, prefer_last=not participle)
    between = text[before.end:cue_start] if before else ""
    if before and len(between) < 80 and not QUOTE.search(between):
        return before, "name before the cue", 0.9
    after = _speaker_near(mentions, cue_end, min(after_limit, cue_end + 60), prefer_last=False)
    if after and not text[cue_end:after.start].strip(" ,"):
        return after, "name after the cue", 0.9
    pronoun = PRONOUN.search(text, max(sentence[0], cue_start - 12), cue_start)
    if pronoun:
        found = _resolve(pronoun.group(1), mentions, pronoun.start(), since, 0.7)
        if found[0]:
            return found
    if before:
        return before, "name before the cue", 0.6
    return None, "no speaker found", 0.3


# an appositive between a subject and its cue: ", chairman of the conference," ", the Defence Secretary,"
_APPOSITIVE = re.compile(r",\s+(?:(?:a|an|the)\s+)?(?:[a-z]|(?:" + "|".join(
    re.escape(w) for w in sorted(TITLES | TITLE_WORDS, key=len, reverse=True)) + r")\b)[^,;\"“”]*,\s*(?:[a-z]+ly\s+)?$")


def _after_comma_participle(text: str, word: str, cue_start: int) -> bool:
    """Is the cue a participle that follows a comma (", saying", ", writing"), whose subject is the sentence's?"""
    return word.split()[0].endswith("ing") and re.search(r",\s*(?:\w+ly\s+)?$", text[max(0, cue_start - 20):cue_start]
                                                          ) is not None


def _named_subject(text: str, mentions: Sequence[Mention], cue: tuple[int, int, str],
                   sentence: tuple[int, int], after_limit: int, since: int) -> tuple[Mention | None, str, float]:
    """The speaker of a cue when the names are the name finder's: the subject nearest the cue.

    An appositive between the subject and the cue is skipped ("Ischinger,
    chairman of the Munich Security Conference, called on"); a name after a
    preposition is not a subject ("China's envoy to the United Nations on
    Monday called for"); nor is a name cut off from the cue by a clause
    ("Troops massed near Ukraine, officials said"). A cue in -ing takes the
    sentence's first subject. Then a name right after the cue ("said Ana
    Ruiz"), then a pronoun resolved. No name at all is better than a wrong one.
    An appositive may open with a title ("Muyembe, Director General of the institute, said").
    """
    cue_start, cue_end, word = cue
    end = cue_start
    appositive = _APPOSITIVE.search(text[sentence[0]:cue_start])
    subjects = [m for m in mentions if sentence[0] <= m.start and m.end <= end and _subject_like(text, m, sentence[0])]
    if appositive and any(m.end <= sentence[0] + appositive.start() for m in subjects):  # an appositive follows a
        end = sentence[0] + appositive.start()  # subject ("On Monday, Director Anthony Fauci ..., announced": none)
        subjects = [m for m in subjects if m.end <= end]
    # the names listed after "including" or "such as" belong to the subject before them: "German firms
    # including Daimler and Siemens have announced"
    listed = re.search(r"\b(?:including|such as)\b[^.;:]*$", text[sentence[0]:end])
    head = [m for m in subjects if listed and m.end <= sentence[0] + listed.start()]
    if head:
        return head[-1], "name before the cue", 0.8
    if subjects:
        participle = _after_comma_participle(text, word, cue_start)
        subject = subjects[0] if participle else subjects[-1]
        between = re.sub(r"\s*\([^()]*\)", "", text[subject.end:end]).rstrip(", ")  # "(NIAID)" is no distance
        if participle or (len(between) < 80 and not QUOTE.search(between) and not re.search(r",\s*\S", between)):
            return subject, "name before the cue", 0.9
    after = _speaker_near(mentions, cue_end, min(after_limit, cue_end + 60), prefer_last=False)
    if after and not text[cue_end:after.start].strip(" ,"):
        return after, "name after the cue", 0.9
    pronoun = PRONOUN.search(text, max(sentence[0], cue_start - 12), cue_start)
    if pronoun:
        return _resolve(pronoun.group(1), mentions, pronoun.start(), since, 0.7)
    return None, "no speaker found", 0.3


def _candidate(text: str, start: int, end: int, speaker: Mention | None, cue: str, cue_start: int, form: str,
               rule: str, how: str, confidence: float, para: Paragraph) -> Candidate:
    return Candidate(start, end, text[start:end], speaker.text if speaker else "",
                     speaker.actor_id if speaker else None, cue, cue_start, form, rule, how, confidence, para.number)


# --- the rules --------------------------------------------------------------------------

def _in_quote(para: Paragraph, pos: int) -> bool:
    return any(qa < pos < qb for qa, qb in para.quotes)


def _as_report(text: str, start: int, end: int, cue: str, floor: int, cues: re.Pattern[str]
               ) -> tuple[int, int, str] | None:
    """A cue found at [start, end) as a report of something said, or None where it reports nothing: negated,
    passive, a noun or an adjective (``floor`` is where the paragraph begins, ``cues`` the cue pattern)."""
    lead = text[max(floor, start - 24):start]
    first = cue.split()[0]
    if NEGATED.search(lead):  # "stopped short of condemning", "did not deny": nothing was said
        return None
    if not first.endswith(("ing", "s")) and PASSIVE.search(lead):  # "he was told": the addressee, not the speaker
        return None
    if not first.endswith(("ing", "s")) and " " not in cue and re.match(r",?\s+by\s", text[end:end + 6]):
        return None  # "..., reported by The Guardian": a passive, whose agent is the speaker (``passive_by``)
    if first.endswith("ing") and " " not in cue and DETERMINER.search(lead):  # "a warning shot": a noun
        return None
    if first.endswith("ed") and " " not in cue and ADJECTIVE.search(lead):  # "the confirmed toll": an adjective
        return None
    if first in PLURAL_NOUNS and (PLURAL_DETERMINER.search(lead) or cues.match(text, end + 1)
                                  or NOUN_AFTER.match(text, end)):
        return None  # "some reports suggest", "reports describe", "reports from ...": a noun
    if cue in NAMING and not NAMES_OBJECT.match(text, end):  # "called a meeting": no report
        return None
    if cue in AS_WHAT and not re.match(r"[^,.;:\"“”]{1,80}?\sas\s", text[end:end + 90]):
        return None  # "dismissed the case": an act
    if cue.endswith(" that") and AUXILIARY.match(text, end):  # "that" followed by a verb opens no report
        if first.endswith(("ment", "tion", "ence")):  # "the announcement that was made": a relative clause
            return None
        return start, start + len(cue) - 5, cue[:-5]  # "said that was wrong": the report is "that was wrong"
    return start, end, cue


def _cues_in(text: str, para: Paragraph, cues: re.Pattern[str]) -> list[tuple[int, int, str]]:
    """Every cue in the paragraph that reports something said: (start, end, the words as written)."""
    found = []
    for m in cues.finditer(text[para.start:para.end]):
        start, end, cue = para.start + m.start(1), para.start + m.end(1), m.group(1)
        report = _as_report(text, start, end, cue, para.start, cues)
        if report:
            found.append(report)
    return found


def _opens_clause(text: str, para: Paragraph, k: int, cues: re.Pattern[str]) -> bool:
    """Does the paragraph's k-th quotation open a clause of its own?"""
    qa = para.quotes[k][0]
    joined = k > 0 and re.fullmatch(r"\s*and\s*", text[para.quotes[k - 1][1]:qa]) is not None
    return qa == para.start or joined or _opens_quote(cues).search(text[max(para.start, qa - 40):qa]) is not None


def _run_end(text: str, para: Paragraph, k: int) -> int:
    """Where the run of quotations joined by "and" that begins with the k-th one ends."""
    end = para.quotes[k][1]
    for qa, qb in para.quotes[k + 1:]:
        if not re.fullmatch(r"\s*and\s*", text[end:qa]):
            break
        end = qb
    return end


def _words(text: str, quote: tuple[int, int]) -> int:
    """How many words the quotation holds, inside its marks."""
    return len(text[quote[0] + 1:quote[1] - 1].split())


def _whole_clause(text: str, para: Paragraph, k: int, cues: re.Pattern[str]) -> bool:
    """Is the k-th quotation a whole clause? It opens one, has four words or more, and ends in a comma,
    a full stop, a question mark or an exclamation mark."""
    qa, qb = para.quotes[k]
    return (_opens_clause(text, para, k, cues) and _words(text, (qa, qb)) >= 4
            and text[qa + 1:qb - 1].rstrip()[-1:] in ",.?!")


def _slot_speaker(text: str, mentions: Sequence[Mention], slot: tuple[int, int], since: int
                  ) -> tuple[Mention | None, str, float]:
    """The speaker named in the few words before a cue ('"...," the readout said'): a pronoun resolved, or a name."""
    words = text[slot[0]:slot[1]]
    if words.lower() in ("he", "she", "they"):
        return _resolve(words, mentions, slot[0], since, 0.75)
    speaker = _speaker_near(mentions, slot[0], slot[1])
    if speaker is None:
        return None, "no speaker found", 0.3
    if speaker.actor_id is None and speaker.kind == "title" and speaker.text != text[speaker.start:speaker.end]:
        return speaker, "a title, its holder named before", 0.8
    return speaker, "name before the cue", 0.9


def _quote_then_cue(text: str, para: Paragraph, cues: re.Pattern[str],
                   mentions: Sequence[Mention]) -> Iterator[Candidate]:
    """A quotation that opens a clause, then its cue: '"...," said Ana Ruiz', '"...," she said'.

    A run of quotations joined by "and" shares the cue after the last of them. A quotation that its cue
    interrupts goes on after it ('"...," he told the press, "they will ..."'): the second part is a
    statement of its own, with the same cue and speaker.
    """
    after_quote = _cue_after_quote(cues)
    for k, (qa, qb) in enumerate(para.quotes):
        run_end = _run_end(text, para, k)
        after = after_quote.match(text, run_end, min(para.end, run_end + 80))  # in its own paragraph
        # no cue after it; or not a clause of its own; or a few words only, a partial quote; or it ends its
        # sentence with a full stop, and what follows is another sentence ('"... world." Schwartz went on to say')
        if (after is None or not _opens_clause(text, para, k, cues) or _words(text, (qa, qb)) < 4
                or re.search(r"[.!?]\]?$", text[qa + 1:qb - 1]) and after.group(1)):
            continue
        cue_start, cue_end, cue = after.start(2), after.end(2), after.group(2)
        if after.group(1):
            speaker, how, confidence = _slot_speaker(text, mentions, after.span(1), para.previous)
        else:
            speaker, how, confidence = _speaker_for(text, mentions, (cue_start, cue_end, cue),
                                                    para.sentence_of(qa), para.end, para.previous)
        yield _candidate(text, qa, qb, speaker, cue, cue_start, "direct", "quote_then_cue", how, confidence, para)
        rest = re.match(r"[^\"“”.,;:]{0,40},\s*(?=[\"“])", text[after.end():para.end])
        if rest and text[qb - 2:qb - 1] == ",":  # the quotation breaks off at a comma and goes on after its cue
            nxt = next(((a, b) for a, b in para.quotes if a == after.end() + rest.end()), None)
            if nxt and _words(text, nxt) >= 2:
                yield _candidate(text, nxt[0], nxt[1], speaker, cue, cue_start, "direct", "quote_then_cue", how,
                                 confidence, para)


def _cue_then_quote(text: str, para: Paragraph, cues: re.Pattern[str],
                   mentions: Sequence[Mention]) -> Iterator[Candidate]:
    """A cue, then a quotation that is a whole clause: 'Ruiz said "the deal is dead."', 'Ruiz told the press in an
    interview, "The deal is dead."'."""
    found = _cues_in(text, para, cues)
    for k, (qa, qb) in enumerate(para.quotes):
        sentence = para.sentence_of(qa)
        # the cue is in the same sentence, with nothing but space between it and the quotation
        # (a comma may stand between: 'Hammond commented, "It would be ..."')
        before = [c for c in found if sentence[0] <= c[0] and c[1] <= qa and text[c[1]:qa].strip() in ("", ",")]
        if not _whole_clause(text, para, k, cues):  # a few quoted words are a partial quote, not a quotation
            # unless an addressee or a circumstance and a comma stand between the cue and a quotation of four words
            # or more: 'told the press in a separate interview, "..."'
            before = [c for c in found if sentence[0] <= c[0] and c[1] <= qa
                      and _LEAD_TO_QUOTE.fullmatch(text, c[1], qa)] if _words(text, (qa, qb)) >= 4 else []
        if before:
            speaker, how, confidence = _speaker_for(text, mentions, before[-1], sentence, qa, para.previous)
            yield _candidate(text, qa, qb, speaker, before[-1][2], before[-1][0], "direct", "cue_then_quote", how,
                             confidence, para)


# between a cue and its quotation: an addressee or a circumstance of a few words, then a comma ('told the press
# in a separate interview, "..."', 'said on Monday, "..."'); no clause of its own (no other quotation, no full stop)
_LEAD_TO_QUOTE = re.compile(r"\s+(?:(?:the|a|an|to|in|on|at|during|after|before|from|with|reporters|journalists)\b)"
                            r"[^,;:.\"“”]{0,60},\s*")


@lru_cache(maxsize=16)
def _cue_before_colon(cues: re.Pattern[str]) -> re.Pattern[str]:
    """A cue, then the rest of its clause, then a colon that ends the text: 'Wang said in a statement:', 'Wang
    told the press the drugs were only part of the answer:'."""
    return re.compile(cues.pattern + r"[^:;\"“”.]{0,120}:\s*$")


def _colon_quote(text: str, para: Paragraph, cues: re.Pattern[str],
                 mentions: Sequence[Mention]) -> Iterator[Candidate]:
    """'Wang said:', then a quotation, in the same paragraph or at the start of the next: the quotation is Wang's.

    A statement laid out under its speaker ('Wang said:' and the quotation
    below it) belongs to that speaker; further quotations with no cue go on
    with it (``quote_alone``).
    """
    before_colon = _cue_before_colon(cues)
    for qa, qb in para.quotes:
        if _words(text, (qa, qb)) < 2:
            continue
        if qa == para.start and para.previous < para.start:  # the colon ends the paragraph before
            lead_start = para.previous
            lead = text[para.previous:para.start].rstrip()
            sentences = [(para.previous + a, para.previous + b) for a, b in _sentence_spans(lead)]
            sentence = sentences[-1] if sentences else (para.previous, para.previous + len(lead))
        else:
            sentence = para.sentence_of(qa)
            lead_start, lead = sentence[0], text[sentence[0]:qa]
        colon = before_colon.search(lead, max(0, sentence[0] - lead_start))
        if colon is None:
            continue
        cue = (lead_start + colon.start(1), lead_start + colon.end(1), colon.group(1))
        if NEGATED.search(text[max(sentence[0], cue[0] - 24):cue[0]]):  # "he did not say:" reports nothing
            continue
        speaker, how, confidence = _speaker_for(text, mentions, cue, sentence, cue[1], para.previous)
        yield _candidate(text, qa, qb, speaker, cue[2], cue[0], "direct", "colon_quote", how, confidence, para)


def _quote_alone(text: str, para: Paragraph, cues: re.Pattern[str],
                mentions: Sequence[Mention]) -> Iterator[Candidate]:
    """A quotation with no cue that begins a paragraph or a sentence: the last speaker goes on.

    The rule cannot know who that is: the speaker is left empty here and
    filled in from the statements kept before it (see ``_continue_speakers``).
    """
    for k, (qa, qb) in enumerate(para.quotes):
        if not _whole_clause(text, para, k, cues):  # a few quoted words are a partial quote, not a quotation
            continue
        # it begins the paragraph or follows the end of a sentence
        if qa == para.start or re.search(r"[.!?][\"”]?\s$", text[max(para.start, qa - 3):qa]):
            yield _candidate(text, qa, qb, None, "", -1, "direct", "quote_alone", "", 0.2, para)


def _according_to(text: str, para: Paragraph, cues: re.Pattern[str],
                 mentions: Sequence[Mention]) -> Iterator[Candidate]:
    """'..., according to Ben Ode': the clause before the cue, whose source follows it."""
    found = _cues_in(text, para, cues)
    for cue_start, cue_end, cue in found:
        if not _is_source(cue):  # the one cue whose source comes after it
            continue
        sentence = para.sentence_of(cue_start)
        source = _speaker_near(mentions, cue_end, sentence[1], prefer_last=False)
        if not text[sentence[0]:cue_start].strip():  # "According to Ben Ode, the plan will fail": the claim follows
            comma = text.find(", ", cue_end, sentence[1])
            if comma < 0:
                continue
            start = comma + 2
            end = _clause_end(text, start, para.end, cues)
            if source and source.start > comma:  # the source is named before the comma, or not at all
                source = None
            # "According to the readout, Wang expressed concern": the source is only the intermediary, and the
            # claim is the cue's after it
            if end - start >= 15 and not any(start <= c[0] < end and not _in_quote(para, c[0]) for c in found):
                form = "partial" if QUOTE.search(text[start:end]) else "paraphrase"
                yield _candidate(text, start, end, source, cue, cue_start, form, "according_to", "", 0.6, para)
            continue
        start, end = sentence[0], cue_start
        while end > start and text[end - 1] in " ,":
            end -= 1
        if end - start < 15:  # too short to be a claim
            continue
        form = "partial" if QUOTE.search(text[start:end]) else "paraphrase"
        yield _candidate(text, start, end, source, cue, cue_start, form, "according_to", "", 0.6, para)


# after the cue of "content, then cue": nothing, a circumstance or an addressee ("on Monday",
# "in a statement", "reporters"), or a new report (", adding that ...")
_CUE_TAIL = re.compile(r"\s*(?:(?:on|in|at|during|after|before|while|when|outside|from|to|late|earlier|last|this)\b"
                       r"[^,;:\"“”]{0,60}?|(?:[\w'’-]+ ?){0,3}?)(?:,\s+\w+ing\b.*)?[.!?]?[\"”]?\s*$")
# the end of a claim before its cue: a comma, perhaps a speaker ("..., Wang stressed", "..., said Wang")
_BEFORE_CUE = re.compile(r",\s+(?:(" + _SLOT + r")\s+)?$")
# a whole quotation, or several joined by "and": not the content of a paraphrase
_ONLY_QUOTES = re.compile(r"\s*(?:(?:\"[^\"]*\"|“[^”]*”)\s*(?:and\s*)?)+[,.]?\s*")


def _content_then_cue(text: str, para: Paragraph, cues: re.Pattern[str],
                      mentions: Sequence[Mention]) -> Iterator[Candidate]:
    """A claim, then its speaker and cue at the end of the sentence: "China always holds that ..., Wang stressed."

    The content runs from the start of the sentence to the comma before the
    speaker ('..., Wang stressed.') or before the cue ('..., said Wang.'): a
    paraphrase, or a partial quote if it quotes words. A whole quotation there
    is ``quote_then_cue``'s.
    """
    found = _cues_in(text, para, cues)
    for cue_start, cue_end, cue in found:
        if _is_source(cue) or _in_quote(para, cue_start):  # its own rule; a cue quoted is not the writer's
            continue
        sentence = para.sentence_of(cue_start)
        head = _BEFORE_CUE.search(text, sentence[0], cue_start)
        if head is None:
            continue
        start, end = sentence[0], head.start()
        content = text[start:end]
        tail = text[cue_end:sentence[1]]
        if head.group(1):  # '..., Wang stressed on Monday.'
            slot = head.span(1)
            if not _CUE_TAIL.fullmatch(tail):
                continue
            speaker, how, confidence = _slot_speaker(text, mentions, slot, para.previous)
        else:  # '..., said Wang, a spokesman for the ministry.'
            speaker = _speaker_near(mentions, cue_end, sentence[1], prefer_last=False)
            rest = text[speaker.end:sentence[1]] if speaker else ""
            if not speaker or text[cue_end:speaker.start].strip() or not re.fullmatch(
                    r"(?:,[^\"“”]*)?[.!?]?[\"”]?\s*", rest):
                continue
            how, confidence = "name after the cue", 0.9
        if (len(content.split()) < 3 or _ONLY_QUOTES.fullmatch(content)
                or any(start <= c[0] < end and not _in_quote(para, c[0]) for c in found)):
            continue  # too short to be a claim; a quotation; a report of its own inside it
        form = "partial" if QUOTE.search(content) else "paraphrase"
        yield _candidate(text, start, end, speaker, cue, cue_start, form, "content_then_cue", how,
                         confidence * FORM_WEIGHT[form], para)


# a leading word that belongs to the cue, not to the claim: "said that ...", "warned against ..."
_COMPLEMENTISER = re.compile(r"(?:that|against)\s+")
# a few words of addressee, then "that": "told reporters that ...", "warned allies that ..."
_ADDRESSEE = re.compile(r"(?:[\w'’.-]+\s+){1,4}?that\s+")
# or, with no "that", the press or the public: "told reporters today the trial ...", "told the press the drugs ..."
_AUDIENCE = re.compile(r"(?:(?:the|local|state|foreign|national)\s+)*(?:press|reporters|journalists|media|public)"
                       r"\s+(?:(?:today|yesterday|on\s+\w+day)\s+)?(?!that\b)")


# a circumstance or an addressee, then "that": "stated to the CBC in late June that ...", "said in a statement
# that ..." (the claim begins after "that")
_CIRCUMSTANCE_THAT = re.compile(r"(?:to|in|on|at|during|after|before|from|with|through|via|last|this|earlier)\b"
                                r"[^,;:.\"“”]{0,60}?\bthat\s+(?!(?:is|are|was|were|has|have|had|will|would)\b)")
# a time right after the cue, before the claim: "said on last Wednesday they had ...", "said Monday the ..."
_WHEN = re.compile(r"(?:on\s+)?(?:(?:last|this|next|early|late)\s+)?(?:" + "|".join(WEEKDAYS)
                   + r"|week|month|year|night|morning|evening|weekend)\b,?\s+(?:that\s+)?(?=[a-z\"“])")


@lru_cache(maxsize=16)
def _new_report(cues: re.Pattern[str]) -> re.Pattern[str]:
    """A comma, perhaps a speaker, and a cue: where a new report may begin (", Wang said", ", adding that")."""
    return re.compile(r",\s+(?:(" + _SLOT + r")\s+)?" + cues.pattern)


def _clause_end(text: str, start: int, limit: int, cues: re.Pattern[str]) -> int:
    """Where a paraphrase's content ends: at the end of its clause, or where a new report begins.

    A clause ends at a full stop (not an abbreviation's: "the U.S. envoy"), at a
    dash, or before ", but", ", with", ", while", ", according to", ", such as" ... (``CLAUSE_END``),
    or before ", which" or ", who" once the claim has four words;
    a new report begins at a comma and a cue (", adding that", ", Wang said").
    """
    tail = text[start:limit]
    ends = [m.start() for m in CLAUSE_END.finditer(tail)]
    # a relative clause after a comma is the writer's gloss (", which multiple outlets have projected ..."), once
    # the claim has four words; after a shorter subject it is part of the claim ("heroin, which had been laced
    # with fentanyl, had been mixed ...")
    ends += [m.start() for m in re.finditer(r",\s+(?:which|who)\b", tail) if len(tail[:m.start()].split()) >= 4]
    ends += [m.start() for m in re.finditer(r"\.(?=\s|\"|”|$)", tail) if not _abbreviation_at(tail, m.start())]
    for m in _new_report(cues).finditer(tail):
        cue = m.group(2)
        if not _as_report(text, start + m.start(2), start + m.end(2), cue, start, cues):
            continue  # ", to be called Bangsamoro", ", it must not cite": no report begins
        # a new report: its own speaker (", officials said"), or a participle or a that-clause after a
        # comma (", saying ...", ", calling it ...", ", warning that ...")
        if m.group(1) or cue.endswith(" that") or cue.split()[0].endswith("ing"):
            ends.append(m.start())
    return start + min(ends)


def _cue_then_paraphrase(text: str, para: Paragraph, cues: re.Pattern[str],
                        mentions: Sequence[Mention]) -> Iterator[Candidate]:
    """A cue, then its content to the end of the clause: a paraphrase, or a partial quote if it quotes words.

    "Blueland called for a ceasefire", "Ruiz expressed "deep concern" about the
    vote". After "adding (that)" the speaker of the claim before goes on; that
    is settled once the statements are kept (see ``_continue_speakers``). A
    leading "that" or "against" belongs to the cue, and so does "to" after a
    promise ("pledged to withdraw"), and the addressee of "told reporters
    that": the content starts after it.
    """
    after_quote = _cue_after_quote(cues)
    for cue_start, cue_end, cue in _cues_in(text, para, cues):
        if _is_source(cue):  # its content comes before it, or after its source: ``according_to``
            continue
        content = cue_end + (1 if text[cue_end:cue_end + 1] == " " else 0)
        lead = _COMPLEMENTISER.match(text, content)
        if cue in ADDRESSED:  # "told reporters that": the addressee is not the claim
            lead = _ADDRESSEE.match(text, content) or _AUDIENCE.match(text, content) or lead
        if not lead:  # "stated to the CBC in late June that ...", "said on Wednesday they had ...": the words
            lead = _CIRCUMSTANCE_THAT.match(text, content) or _WHEN.match(text, content)  # before the claim
        if cue in TO_INFINITIVE:
            lead = re.compile(r"to\s+").match(text, content)
        if lead and not AUXILIARY.match(text, lead.end() - 1):  # "said that was wrong" keeps its "that"
            content = lead.end()
        end = _clause_end(text, content, para.end, cues)
        sentence = para.sentence_of(cue_start)
        if re.match(r"With\b[^,]*$", text[sentence[0]:cue_start]):  # "With the US encouraging firms to leave,
            comma = text.find(", ", content, end)                    # German firms have ...": the opening
            end = comma if comma > 0 else end                        # phrase ends at its comma
        for qa, qb in para.quotes:  # a quotation that starts inside the clause ends it after its mark
            if content <= qa < end < qb:
                end = qb
        if content in (qa for qa, _ in para.quotes):  # 'said "We couldn't win," and the flag ...': the
            qb = next(b for a, b in para.quotes if a == content)  # quotation, where a new clause follows it
            if re.match(r",?\s+(?:and|but)\s", text[qb:end]):
                end = qb
        for qa, qb in para.quotes:  # and the clause stops at a quotation that a cue closes: '"...," he said'
            after = after_quote.match(text, qb, min(para.end, qb + 80))
            if content <= qa and qb <= end and after and after.start(2) < end:
                end = qb
                break
        if end - content < 8:  # too short to be a claim
            continue
        if NOT_CONTENT.match(text, content) and len(text[content:end].split()) <= 4:
            continue  # "Wang said during the call": a circumstance, not a claim
        speaker, how, confidence = _speaker_for(text, mentions, (cue_start, cue_end, cue),
                                                para.sentence_of(cue_start), content, para.previous)
        # two claims joined by ", and", the second with a subject of its own: "said fentanyl was potent, and
        # traffickers had been stretching it" is two statements with one cue
        second = _SECOND_CLAIM.search(text, content, end)
        parts = [(content, second.start()), (second.start(1), end)] if second else [(content, end)]
        for start, stop in parts:
            form = "partial" if QUOTE.search(text[start:stop]) else "paraphrase"
            yield _candidate(text, start, stop, speaker, cue, cue_start, form, "cue_then_paraphrase", how,
                             confidence * FORM_WEIGHT[form], para)


# ", and", then a subject of one to five words and a finite verb: a second claim ("..., and traffickers had been
# stretching their products"); not a second verb of the same subject (", and was in a serious condition"), nor
# "and that", nor a list ("..., and fewer specials")
_SECOND_CLAIM = re.compile(r",\s+and\s+((?!(?:that|also|then|so|yet|was|were|is|are|had|has|have|will|would|could)\b)"
                           r"[\w'’-]+(?:\s+[\w'’-]+){0,4}?\s+(?:was|were|is|are|had|has|have|will|would|could|can|did)"
                           r"\s)")


def _passive_by(text: str, para: Paragraph, cues: re.Pattern[str],
                mentions: Sequence[Mention]) -> Iterator[Candidate]:
    """A passive reporting verb with its agent, who is the speaker: 'he was told by Minister Zinichev of "..."',
    'were reported by local media to have visited ...', 'was identified as Jaypee Galicha by a spokesperson'.

    The claim follows the agent (a leading "of", "that" or "as" belongs to the cue; "to" stays, as the
    coding keeps it), and stops at its clause or at a second agent (", and by ..."); or it stands between
    "as" and "by". With no name for the agent, the rule finds nothing.
    """
    for m in cues.finditer(text, para.start, para.end):
        cue_start, cue_end, cue = m.start(1), m.end(1), m.group(1)
        first = cue.split()[0]
        lead = text[max(para.start, cue_start - 24):cue_start]
        # only a passive, which the other rules leave alone (see _cues_in), or a reduced one after a comma
        # ("a badge was used, reported by The Guardian as ...")
        if (" " in cue or first.endswith(("ing", "s")) or NEGATED.search(lead)
                or not (PASSIVE.search(lead) or re.search(r",\s*$", lead))):
            continue
        sentence = para.sentence_of(cue_start)
        between = re.match(r"\s+as\s+([^,;.\"“”]{1,80}?)\s+by\s+", text[cue_end:sentence[1]])
        by = between or re.match(r"\s+by\s+", text[cue_end:sentence[1]])
        if by is None:
            continue
        # the agent: the first name after "by", perhaps after a title ("by Emergencies Minister Yevgeny Zinichev")
        agent = next((n for n in mentions if n.start >= cue_end + by.end() and re.fullmatch(
            r"(?:(?:the|a|an)\s+)?(?:[A-Z][\w'’.-]*\s+){0,4}", text[cue_end + by.end():n.start])), None)
        if agent is None:
            continue
        if between:
            start, end = cue_end + between.start(1), cue_end + between.end(1)
        else:
            start = agent.end + len(re.match(r"\s*(?:(?:of|that|as)\s+)?", text[agent.end:]).group())
            end = _clause_end(text, start, para.end, cues)
            second = re.search(r"\s+and\s+by\s", text[start:end])
            end = start + second.start() if second else end
            for qa, qb in para.quotes:  # a quotation that starts inside the clause ends it after its mark
                if start <= qa < end < qb:
                    end = qb
        if end - start < 3:
            continue
        form = "partial" if QUOTE.search(text[start:end]) else "paraphrase"
        yield _candidate(text, start, end, agent, cue, cue_start, form, "passive_by", "the agent of a passive cue",
                         0.7 * FORM_WEIGHT[form], para)


def _is_person(m: Mention) -> bool:
    return m.kind == "person" or m.actor_id is None and m.kind == "title"


def _uncued_partial(text: str, para: Paragraph, cues: re.Pattern[str],
                    mentions: Sequence[Mention]) -> Iterator[Candidate]:
    """Quoted words with no cue in their sentence, next to a named person: 'That's when "..."' is a partial quote.

    Its speaker is the person named nearest to it in the sentence, or else the
    latest named before it in the paragraph. Three words at least: one or two
    quoted words are more often the writer's scare quotes than a statement.
    """
    cued = [c for c in _cues_in(text, para, cues) if not _in_quote(para, c[0])]
    people = [m for m in mentions if para.start <= m.start < para.end and _is_person(m)]
    for k, (qa, qb) in enumerate(para.quotes):
        if _words(text, (qa, qb)) < 3 or _whole_clause(text, para, k, cues):
            continue
        sentence = para.sentence_of(qa)
        if any(sentence[0] <= c[0] < sentence[1] for c in cued):  # a cue there: the rules for cues decide
            continue
        near = [m for m in people if sentence[0] <= m.start < sentence[1]]
        if near:
            speaker = min(near, key=lambda m: min(abs(m.start - qb), abs(qa - m.end)))
            how = "the person named nearest in the sentence"
        else:
            earlier = [m for m in people if m.end <= qa]
            if not earlier:
                continue
            speaker, how = earlier[-1], "the person named last in the paragraph"
        yield _candidate(text, qa, qb, speaker, "", -1, "partial", "uncued_partial", how, 0.4, para)


class Rule(NamedTuple):
    """A rule: its name, the function that finds its candidates, and what it says in the ``rule`` column.

    ``find(text, paragraph, cues, mentions)`` reads one paragraph with the cue
    pattern and the actors named in the text, and yields ``Candidate`` tuples
    whose ``rule`` is ``name``.
    """

    name: str
    find: Callable[[str, Paragraph, re.Pattern[str], Sequence[Mention]], Iterator[Candidate]]
    says: str


# The rules, in order of precedence: where two find the same quotation, the first wins.
RULES = (Rule("quote_then_cue", _quote_then_cue, "quotation, cue after"),
         Rule("cue_then_quote", _cue_then_quote, "quotation, cue before"),
         Rule("colon_quote", _colon_quote, "quotation after a colon, cue '{cue}'"),
         Rule("quote_alone", _quote_alone, "quotation with no cue: the last speaker continues"),
         Rule("according_to", _according_to, "according to: the clause before the source"),
         Rule("content_then_cue", _content_then_cue, "claim, then cue '{cue}'"),
         Rule("cue_then_paraphrase", _cue_then_paraphrase, "cue '{cue}'"),
         Rule("uncued_partial", _uncued_partial, "quoted words with no cue, by the person named next to them"),
         Rule("passive_by", _passive_by, "passive cue '{cue}', its agent the speaker"))
# --- the pipeline -----------------------------------------------------------------------

def _keep_first(candidates: Iterable[Candidate], rules: Sequence[Rule] = RULES) -> list[Candidate]:
    """The candidates that do not clash with one kept before them.

    Paragraph by paragraph, quotations come first, in the order they appear
    (and, for one quotation, in the order of ``rules``); then the claims that
    cues introduce, in the order of their cues; then quoted words with no cue.
    A candidate is dropped if its
    words overlap a kept one's, if its cue lies inside a kept one, or if a kept
    one already used its cue (quotations joined by "and" share theirs).
    """
    precedence = {rule.name: i for i, rule in enumerate(rules)}

    def order(c: Candidate) -> tuple:
        group = 0 if c.form == "direct" else 2 if c.cue_start < 0 else 1
        return c.paragraph, group, c.cue_start if group == 1 else c.start, precedence.get(c.rule, len(rules))

    def clash(c: Candidate, kept: Candidate) -> bool:
        # a cue serves one claim, except quotations joined by "and", and a claim and the quotation after its
        # colon ('Wang told the press the drugs were part of the answer: "..."')
        shared = (c.cue_start >= 0 and c.cue_start == kept.cue_start and not c.form == kept.form == "direct"
                  and not c.rule == kept.rule == "cue_then_paraphrase")  # two claims joined by ", and"
        if shared and "colon_quote" in (c.rule, kept.rule):
            shared = False
        return c.start < kept.end and kept.start < c.end or kept.start <= c.cue_start < kept.end or shared

    kept: list[Candidate] = []
    for c in sorted(candidates, key=order):
        if not any(clash(c, k) for k in kept):
            kept.append(c)
    return kept


def _continue_speakers(kept: Sequence[Candidate], paras: Sequence[Paragraph], text: str = "") -> list[Candidate]:
    """Fill in the speakers that only the statements before can give, in the order they were kept.

    A quotation alone continues the latest speaker found; a claim after
    "adding" continues the speaker of the claim before it in its sentence, and
    so does a claim whose cue follows "and" ("rejected the appeal and accused
    ..."): the verbs share their subject.
    "Before" is in the order of ``_keep_first``: a paragraph's quotations come
    before the claims its cues introduce.
    """
    done: list[Candidate] = []
    last: Candidate | None = None  # the latest statement with a speaker
    for c in kept:
        joined = c.cue_start > 0 and re.search(r"\b(?:and|but)\s+(?:\w+ly\s+)?$",
                                               text[max(0, c.cue_start - 20):c.cue_start])
        if c.rule == "quote_alone":
            c = c._replace(speaker_text=last.speaker_text if last else "", actor_id=last.actor_id if last else None,
                           confidence=0.5 if last else 0.2)
        elif c.rule == "cue_then_paraphrase" and (c.cue.startswith("add") or joined):
            sentence = paras[c.paragraph - 1].sentence_of(c.cue_start)
            earlier = [d for d in done if d.paragraph == c.paragraph and sentence[0] <= d.start < c.cue_start]
            if earlier:
                word = "adding" if c.cue.startswith("add") else "and"
                c = c._replace(speaker_text=earlier[-1].speaker_text, actor_id=earlier[-1].actor_id,
                               how=f"the speaker of the claim before '{word}'",
                               confidence=0.85 * FORM_WEIGHT[c.form])
        done.append(c)
        if c.speaker_text:
            last = c
    return done


def _candidates(text: str, actors: pd.DataFrame | None = None, aliases: pd.DataFrame | None = None,
                cues: Iterable[str] | None = None, rules: Sequence[Rule] = RULES) -> list[Candidate]:
    """Run every rule over every paragraph, keep the first of clashing candidates, continue speakers.

    The arguments are ``extract_statements``'s; the result is the candidates
    as tuples, in the order they were kept.
    """
    pattern = _cue_pattern(cues)
    if actors is not None and aliases is None:  # the actors' names are their aliases
        aliases = actors[["actor_id", "name"]].rename(columns={"name": "alias"}) if "name" in actors else None
    named = _mentions(text, actors, aliases)
    paras = _paragraphs(text)
    found = [c for para in paras for rule in rules for c in rule.find(text, para, pattern, named)]
    return _continue_speakers(_keep_first(found, rules), paras, text)


def extract_statements(text: str, actors: pd.DataFrame | None = None,
                       aliases: pd.DataFrame | None = None, cues: list[str] | None = None) -> pd.DataFrame:
    """Candidate statements in a text: direct and partial quotes and paraphrases, with speakers.

    Parameters
    ----------
    text : str
        The article's text, paragraphs separated by a blank line.
    actors : DataFrame, optional
        actor_id, kind, and name: who can speak. With actors but no aliases,
        the names serve as aliases; with neither, capitalised names do.
    aliases : DataFrame, optional
        actor_id and alias: the words that name each actor.
    cues : list of str, optional
        The reporting verbs every rule reads (default: ``CUES``).

    Returns
    -------
    DataFrame
        The statements columns that rules can fill (actor_id, quote, start,
        end, paragraph, form, cue) plus ``speaker_text`` (the words that name
        the speaker), ``confidence`` (0 to 1) and ``rule`` (which rule fired,
        and how it found the speaker), sorted by start. ``actor_id`` is
        missing (NaN) where no known actor names the speaker.

    See Also
    --------
    RULES : the rules, with their names and what each says in the ``rule`` column.
    evaluate, errors : the candidates against a hand coding.

    Examples
    --------
    >>> found = extract_statements('"We will not sign this deal today," said Ana Ruiz.')
    >>> found.loc[0, ["form", "cue", "speaker_text", "rule"]].tolist()
    ['direct', 'said', 'Ana Ruiz', 'quotation, cue after; name after the cue']
    """
    rows = [{"actor_id": c.actor_id, "speaker_text": c.speaker_text, "quote": c.quote, "start": c.start,
             "end": c.end, "paragraph": c.paragraph, "form": c.form, "cue": c.cue,
             "confidence": round(c.confidence, 2), "rule": _describe(c)}
            for c in _candidates(text, actors, aliases, cues)]
    out = pd.DataFrame(rows, columns=list(COLUMNS)[1:])
    out = out.sort_values("start", kind="stable").reset_index(drop=True)
    out.insert(0, "statement_id", [f"x{i:03d}" for i in range(1, len(out) + 1)])
    return out[list(COLUMNS)].astype(COLUMNS)


def _describe(c: Candidate) -> str:
    """The ``rule`` column: what the rule found, then how it found the speaker."""
    what = next((rule.says for rule in RULES if rule.name == c.rule), c.rule).format(cue=c.cue)
    return f"{what}; {c.how}" if c.how else what


def extract_from(art: Article, cues: list[str] | None = None) -> pd.DataFrame:
    """Run the extractor on an article, with its own actors and aliases for speakers.

    Parameters
    ----------
    art : Article
        The article; its ``actors`` and ``aliases`` (those of the data folder it
        was loaded from) name the speakers.
    cues : list of str, optional
        The reporting cues to look for; :data:`CUES` when not given.

    Returns
    -------
    DataFrame
        The candidates, as :func:`extract_statements` returns them: no rows when
        the rules find nothing.

    Examples
    --------
    >>> import newsclaims as nc
    >>> found = extract_from(nc.load_article())
    >>> found.loc[0, ["actor_id", "form", "cue"]].tolist()
    ['zhang_jun', 'partial', 'called for']
    """
    return extract_statements(art.text, art.actors, art.aliases, cues)


def _match(found: pd.DataFrame, gold: pd.DataFrame, threshold: float) -> list[tuple[int, int, float]]:
    """One-to-one pairs (found row, gold row, overlap), best overlaps first."""
    pairs = sorted(((overlap((f.start, f.end), (g.start, g.end)), i, j)
                    for i, f in enumerate(found.itertuples()) for j, g in enumerate(gold.itertuples())
                    if f.paragraph == g.paragraph), reverse=True)
    used_f, used_g, out = set(), set(), []
    for score, i, j in pairs:
        if score >= threshold and i not in used_f and j not in used_g:
            used_f.add(i)
            used_g.add(j)
            out.append((i, j, score))
    return out


def _name_words(name: object) -> list[str]:
    """A name's words in lower case, without a possessive: "Thomas-Greenfield" is ["thomas", "greenfield"]."""
    if not isinstance(name, str):
        return []
    return [w for w in re.split(r"[^\w]+|_", re.sub(r"['’]s?\b", "", name.lower())) if w]


def _same_speaker(found: pd.Series, actor_id: object, names: dict[str, str]) -> bool:
    """Does a candidate give the coded speaker?

    By actor id when the candidate has one; otherwise by name: the words that
    name its speaker are the actor's name, or its last words (a surname:
    "Thomas-Greenfield" is Linda Thomas-Greenfield), or, for one word, the
    first (a family name written first: "Wang" is Wang Yi) or the initials
    of its words ("WHO" is the World Health Organization, "US" the United
    States). An actor's name is its ``name`` in the actors given, or its id
    read as words ("linda_thomas_greenfield"); a context in parentheses at its
    end ("Coast Guard (Philippines)") may be left out, as the text leaves it out.
    """
    if isinstance(found["actor_id"], str):
        return found["actor_id"] == actor_id
    said = _name_words(found.get("speaker_text"))
    name = names.get(actor_id, actor_id)
    forms = [name, re.sub(r"\s*\([^()]*\)$", "", name)] if isinstance(name, str) else [name]
    for full in map(_name_words, forms):
        if not said or not full:
            continue
        initials = "".join(w[0] for w in full if w not in ("of", "and", "the", "for"))
        if full[-len(said):] == said or len(said) == 1 and said[0] in (full[0], initials):
            return True
    return False


def _actor_names(actors: pd.DataFrame | None) -> dict[str, str]:
    if actors is None or "name" not in actors:
        return {}
    return dict(zip(actors["actor_id"], actors["name"].astype(str)))


def evaluate(found: pd.DataFrame, gold: pd.DataFrame, actors: pd.DataFrame | None = None) -> pd.DataFrame:
    """Precision, recall and F1 for spans (exact, and overlap ≥ 0.5), and speaker accuracy.

    A candidate with an ``actor_id`` has the right speaker when the ids are the
    same; one without (the extractor had no actors) when its ``speaker_text``
    names the coded actor, by name or surname (see ``_same_speaker``): give
    ``actors`` for their names, or the ids are read as names.

    >>> gold = pd.DataFrame({"statement_id": ["s1"], "actor_id": ["linda_thomas_greenfield"], "paragraph": [1],
    ...                      "start": [0], "end": [10]})
    >>> found = pd.DataFrame({"actor_id": [None], "speaker_text": ["Thomas-Greenfield"], "paragraph": [1],
    ...                       "start": [0], "end": [10]})
    >>> evaluate(found, gold).loc[1, "speaker_accuracy"]
    np.float64(1.0)
    """
    names = _actor_names(actors)
    rows = []
    for name, threshold in (("exact span", 1.0), ("overlap ≥ 0.5", 0.5)):
        matched = _match(found, gold, threshold)
        p = len(matched) / len(found) if len(found) else 0.0
        r = len(matched) / len(gold) if len(gold) else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        same = sum(_same_speaker(found.iloc[i], gold.iloc[j]["actor_id"], names) for i, j, _ in matched)
        rows.append({"match": name, "found": len(found), "coded": len(gold), "matched": len(matched),
                     "precision": p, "recall": r, "f1": f1,
                     "speaker_accuracy": same / len(matched) if matched else 0.0})
    return pd.DataFrame(rows)


def errors(found: pd.DataFrame, gold: pd.DataFrame, actors: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every miss and every false alarm (at overlap ≥ 0.5), and every wrong speaker, with the reason.

    Speakers are compared as ``evaluate`` compares them (``actors`` gives the names).
    """
    names = _actor_names(actors)
    matched = _match(found, gold, 0.5)
    got_f, got_g = {i for i, _, _ in matched}, {j for _, j, _ in matched}
    known = set(CUES)
    rows = []
    for j, g in enumerate(gold.itertuples()):
        if j in got_g:
            continue
        near = max(((overlap((f.start, f.end), (g.start, g.end)), f) for f in found.itertuples()
                    if f.paragraph == g.paragraph), default=(0.0, None), key=lambda x: x[0])
        cue = g.cue if isinstance(g.cue, str) else ""
        if near[0] > 0:
            why = f"found, but the span differs (overlap {near[0]:.2f})"
        elif not cue:
            why = "a quotation with no cue that the rules did not link to a speaker"
        elif cue not in known:
            why = f"the cue '{cue}' is not one the rules know"
        else:
            why = "the rules did not fire: the cue and the content are not in the order they expect"
        rows.append({"kind": "miss", "statement_id": g.statement_id, "paragraph": g.paragraph, "text": g.quote,
                     "reason": why})
    for i, f in enumerate(found.itertuples()):
        if i in got_f:
            continue
        near = max((overlap((f.start, f.end), (g.start, g.end)) for g in gold.itertuples()
                    if g.paragraph == f.paragraph), default=0.0)
        why = (f"overlaps a coded statement, but by {near:.2f} only" if near > 0
               else f"the cue '{f.cue}' introduces no attributed claim here" if f.cue
               else "a quotation the coding does not count as a statement")
        rows.append({"kind": "false alarm", "statement_id": f.statement_id, "paragraph": f.paragraph,
                     "text": f.quote, "reason": why})
    for i, j, _ in matched:
        f, g = found.iloc[i], gold.iloc[j]
        if not _same_speaker(f, g["actor_id"], names):
            who = (f["actor_id"] if isinstance(f["actor_id"], str)
                   else f"'{f['speaker_text']}'" if isinstance(f.get("speaker_text"), str) and f["speaker_text"]
                   else "nobody")
            rows.append({"kind": "wrong speaker", "statement_id": g["statement_id"], "paragraph": g["paragraph"],
                         "text": g["quote"], "reason": f"found {who} ({f['rule']}), coded {g['actor_id']}"})
    columns = {"kind": "str", "statement_id": "str", "paragraph": "int64", "text": "str", "reason": "str"}
    return pd.DataFrame(rows, columns=list(columns)).astype(columns)


# --- the names a reader would not call names --------------------------------------------------

def _junk(name: str) -> str | None:
    """Why a string in a list of names is not a name, or None if it may be one."""
    words = name.split()
    bare = [_bare(w) for w in words]
    if not words or not re.search(r"[A-Za-z]", name):
        return "no name at all"
    if len(words) == 1 and words[0].lower() in PRONOUNS or words[0] in SENTENCE_WORDS:
        return "a pronoun or a word that opens a sentence"
    if any(w in WEEKDAYS or w in MONTHS for w in bare):
        return "a weekday or a month"
    if len(words) == 1 and (bare[0] in NATIONALITIES or bare[0].lower() in GROUP_NOUNS):
        return "an adjective or a group, not a name"
    if all(w in TITLES or w in TITLE_WORDS or w in NATIONALITIES or w == "of" or w in DEPARTMENTS for w in bare):
        return "a title with no name"
    if (words[0] in PARTICLES and len(words) == 1 or words[-1] in PARTICLES or name[0].islower()
            and words[0] not in PARTICLES or re.search(r"-[a-z]+$", words[-1])
            or re.fullmatch(r"[A-Z]\.?|['’]s?", words[-1])):
        return "a fragment"
    return None


def junk_share(names: Iterable[str]) -> float:
    """The share of a list of names that are not names: pronouns, weekdays and months, words that only open a
    sentence, nationality adjectives and groups, titles with no name, and fragments.

    A measure for the names a name finder returns (the review files of
    ``new-article``, say), not a filter: the name finder has its own rules.

    >>> junk_share(["Wang Yi", "He", "Monday", "Russian", "Foreign Minister", "US-led", "Ursula von der Leyen",
    ...             "U.S.", "The", "Ischinger"])
    0.6
    """
    names = list(names)
    return sum(_junk(str(n)) is not None for n in names) / len(names) if names else 0.0


# --- a whole folder ---------------------------------------------------------------------

def _rule_name(described: str) -> str:
    """The rule's name from the ``rule`` column ("quotation, cue after; name after the cue" is quote_then_cue)."""
    what = described.split("; ", 1)[0]
    for rule in RULES:
        if re.fullmatch(".*".join(map(re.escape, rule.says.split("{cue}"))), what):
            return rule.name
    return what


def evaluate_corpus(folder: str | os.PathLike[str], half: str | None = "test", actors: bool = True) -> pd.DataFrame:
    """The extractor on every article of one half of a data folder, scored at overlap ≥ 0.5, as one table.

    Each article is read with its own actors and aliases (``extract_from``) and
    again with none (``extract_statements`` on the text alone, speakers then
    scored by name, as ``evaluate`` scores them). Counts are pooled over the
    articles, so a long article weighs more than a short one.

    Parameters
    ----------
    folder : str or path-like
        A data folder with a ``split.csv`` (article_id, half), such as ``corpus/dev``.
    half : str or None
        ``"test"`` or ``"tune"``, the half in ``split.csv``; None for every article.
    actors : bool
        True: the first row's figures, and the rules, are from the run with actors;
        False: from the run with none. ``speaker_accuracy_no_actors`` is from the
        run with none either way.

    Returns
    -------
    DataFrame
        A first row ``all rules``: candidates, coded statements, matches,
        precision, recall, F1, paraphrase recall (the share of coded paraphrases
        matched), speaker accuracy with actors and without, and the junk share
        (``junk_share``) of what ``new-article``'s review files would list for
        these texts: the names (``newarticle.review_names``) and the candidate
        speakers (``speaker_text`` of the run with no actors), pooled, and of
        the speakers alone (``junk_share_speakers``); then one row per rule
        (by its name in ``RULES``): its candidates, matches and precision, the
        rest left empty.
    """
    from pathlib import Path

    from .data import article_from, load_corpus
    from .newarticle import review_names

    corpus = load_corpus(folder)
    split = pd.read_csv(Path(folder) / "split.csv", dtype=str)
    ids = sorted(split["article_id"] if half is None else split.loc[split["half"] == half, "article_id"])
    totals = {"candidates": 0, "coded": 0, "matched": 0, "paraphrases": 0, "paraphrases_missed": 0}
    speakers = {True: [0, 0], False: [0, 0]}  # right speakers, matches
    per_rule: dict[str, list[int]] = {rule.name: [0, 0] for rule in RULES}
    listed: dict[str, list[str]] = {"names": [], "speakers": []}  # what the review files would list
    for article_id in ids:
        art = article_from(corpus, article_id)
        runs = {True: extract_from(art), False: extract_statements(art.text)}
        listed["names"] += list(review_names(art.text).index)
        listed["speakers"] += [s for s in runs[False]["speaker_text"] if s]
        for with_actors, found in runs.items():
            row = evaluate(found, art.statements, art.actors).set_index("match").loc["overlap ≥ 0.5"]
            speakers[with_actors][0] += round(row["speaker_accuracy"] * row["matched"])
            speakers[with_actors][1] += row["matched"]
        found = runs[actors]
        wrong = errors(found, art.statements, art.actors)
        missed = set(wrong.loc[wrong["kind"] == "miss", "statement_id"])
        alarms = set(wrong.loc[wrong["kind"] == "false alarm", "statement_id"])
        paraphrases = art.statements.loc[art.statements["form"] == "paraphrase", "statement_id"]
        totals["candidates"] += len(found)
        totals["coded"] += len(art.statements)
        totals["matched"] += len(found) - len(alarms)
        totals["paraphrases"] += len(paraphrases)
        totals["paraphrases_missed"] += len(set(paraphrases) & missed)
        for statement_id, described in zip(found["statement_id"], found["rule"]):
            counts = per_rule.setdefault(_rule_name(described), [0, 0])
            counts[0] += 1
            counts[1] += statement_id not in alarms
    n, coded, matched = totals["candidates"], totals["coded"], totals["matched"]
    p, r = (matched / n if n else 0.0), (matched / coded if coded else 0.0)
    rows = [{"rule": "all rules", "candidates": n, "coded": coded, "matched": matched, "precision": p,
             "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
             "paraphrase_recall": (1 - totals["paraphrases_missed"] / totals["paraphrases"]
                                   if totals["paraphrases"] else float("nan")),
             "speaker_accuracy": speakers[actors][0] / speakers[actors][1] if speakers[actors][1] else 0.0,
             "speaker_accuracy_no_actors": speakers[False][0] / speakers[False][1] if speakers[False][1] else 0.0,
             "junk_share": junk_share(listed["names"] + listed["speakers"]),
             "junk_share_speakers": junk_share(listed["speakers"])}]
    rows += [{"rule": name, "candidates": c, "matched": m, "precision": m / c if c else float("nan")}
             for name, (c, m) in per_rule.items()]
    columns = {"rule": "str", "candidates": "int64", "coded": "float64", "matched": "int64", "precision": "float64",
               "recall": "float64", "f1": "float64", "paraphrase_recall": "float64",
               "speaker_accuracy": "float64", "speaker_accuracy_no_actors": "float64", "junk_share": "float64",
               "junk_share_speakers": "float64"}
    return pd.DataFrame(rows, columns=list(columns)).astype(columns)
