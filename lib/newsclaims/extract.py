"""Find candidate statements in raw news text with plain rules, and measure them honestly.

No model: regular expressions over quotation marks and reporting verbs, and the
actors' aliases for speakers. What the rules find is a *candidate*; the
evaluation against a hand coding says how far to trust it.

Each rule is a small function at module level, named in ``RULES`` in order of
precedence: ``quote_then_cue``, ``cue_then_quote``, ``quote_alone``,
``according_to`` and ``cue_then_paraphrase``. It reads one paragraph, the one
cue lexicon (``CUES``, or the ``cues=`` given) and the actors the alias table
names in the text, and yields ``Candidate`` tuples. ``extract_statements``
runs every rule, keeps the candidates that clash with none kept before them,
lets the last speaker go on where the text says so, and returns a DataFrame.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache
from typing import NamedTuple

import pandas as pd

from . import text as textmod
from .data import Article
from .text import overlap

# The one cue lexicon: general reporting verbs and phrases of news writing, none
# particular to one article. Every rule reads it (or the ``cues=`` that replaces it).
CUES = ["has maintained that", "maintained that", "according to", "called for", "called on", "adding that",
        "added that", "said that", "says that", "told", "urged", "expressed", "underscored", "stressed",
        "warned", "noted", "argued", "insisted", "claimed", "declared", "suggesting", "suggested", "suggest",
        "saying", "adding", "added", "said", "says", "say"]
# a paraphrase's content runs to the end of its clause
CLAUSE_END = re.compile(r", (?:but|adding|with|according to|referring to|and in|while)\b|[,;]? --|\.(?=\s|\"|”|$)|$")
# words that begin a circumstance, not a claim: "Wang said during the call"
NOT_CONTENT = re.compile(r"(?:during|in|at|on|after|before|while|when|outside)\b")
# a speaker's kind, most likely first, when several actors precede a cue
KIND_ORDER = {"person": 0, "group": 1, "state": 2, "bloc": 3, "document": 4, "organization": 5, "region": 6, "": 7}
PRONOUN = re.compile(r"(?<!\w)(he|she|they)(?!\w)", re.I)
QUOTE = re.compile(r"\"[^\"\n]*\"|“[^”\n]*”")
# a capitalised name: capitalised words, with particles between them ("Ursula von der Leyen",
# "Bank of England"); a particle is a whole word and never ends a name ("Russia's decision" is "Russia's")
NAME = re.compile(r"(?<!\w)[A-Z][\w'’-]+(?: (?:(?:of|von|der|de) )*[A-Z][\w'’-]+)*")
# capitalised words that open a sentence and name nobody, when speakers are capitalised names
NOT_NAMES = ("The", "In", "On", "According", "Amid", "Though", "This", "That")
# a sentence ends at . ? or ! (and a closing quotation mark) before a capital or an opening mark
SENTENCE = re.compile(r".+?(?:[.?!][\"”]?(?=\s+[\"“A-Z])|$)")
# a partial quote's words are the speaker's own, a paraphrase's the writer's: trust the first more
FORM_WEIGHT = {"partial": 0.9, "paraphrase": 0.8}
# the candidates' columns and their types, the same when nothing is found
COLUMNS = {"statement_id": "str", "actor_id": "str", "speaker_text": "str", "quote": "str", "start": "int64",
           "end": "int64", "paragraph": "int64", "form": "str", "cue": "str", "confidence": "float64", "rule": "str"}


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
    return re.compile(r"(?<!\w)(" + "|".join(map(re.escape, words)) + r")(?!\w)")


CUE_PATTERN = _cue_pattern()


@lru_cache(maxsize=16)
def _cue_after_quote(cues: re.Pattern[str]) -> re.Pattern[str]:
    """A cue after a quotation, with the speaker's name or pronoun before it: '"...," she said'."""
    return re.compile(r"\s*,?\s*(?:(he|she|they|the [a-z]+|[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)\s+)?" + cues.pattern)


@lru_cache(maxsize=16)
def _opens_quote(cues: re.Pattern[str]) -> re.Pattern[str]:
    """What lets a quotation open a clause: the end of a sentence, a colon, or a cue ('Wang said "..."')."""
    return re.compile(r"(?:^|[.:]\s|" + cues.pattern + r"\s)$")


class Mention(NamedTuple):
    """An actor named in the text: where, which actor (None for a bare capitalised name), the words, its kind."""

    start: int
    end: int
    actor_id: str | None
    text: str
    kind: str


class Paragraph(NamedTuple):
    """One paragraph, with its sentences and quotations; every offset is into the whole text."""

    number: int
    start: int
    end: int
    sentences: list[tuple[int, int]]
    quotes: list[tuple[int, int]]

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


def _paragraphs(text: str) -> list[Paragraph]:
    """The text's paragraphs, numbered from 1, with their sentences and quotations."""
    found = []
    for number, (pa, pb) in enumerate(textmod.paragraph_spans(text), 1):
        para = text[pa:pb]
        found.append(Paragraph(number, pa, pb, [(pa + m.start(), pa + m.end()) for m in SENTENCE.finditer(para)],
                               [(pa + m.start(), pa + m.end()) for m in QUOTE.finditer(para)]))
    return found


def _mentions(text: str, actors: pd.DataFrame | None = None, aliases: pd.DataFrame | None = None) -> list[Mention]:
    """Who the text names, outside quotations: the actors' aliases, or, with none, capitalised names."""
    if aliases is not None and len(aliases):
        kinds = dict(zip(actors["actor_id"], actors["kind"].astype(str))) if actors is not None else {}
        named = [Mention(r.start, r.end, r.actor_id, r.alias, kinds.get(r.actor_id, ""))
                 for r in textmod.find_mentions(text, aliases).itertuples()]
    else:
        named = [Mention(m.start(), m.end(), None, m.group(), "") for m in NAME.finditer(text)
                 if m.group() not in NOT_NAMES]
    quoted = [m.span() for m in QUOTE.finditer(text)]
    # a speaker is never inside a quotation
    return [m for m in named if not any(a <= m.start < b for a, b in quoted)]


# --- finding the speaker ----------------------------------------------------------------

def _speaker_near(mentions: Sequence[Mention], lo: int, hi: int, prefer_last: bool = True) -> Mention | None:
    """The likeliest speaker among the mentions in [lo, hi): by kind (a person first), then nearness."""
    inside = [m for m in mentions if lo <= m.start and m.end <= hi]
    if not inside:
        return None
    order = range(len(inside) - 1, -1, -1) if prefer_last else range(len(inside))
    return min((inside[i] for i in order), key=lambda m: KIND_ORDER.get(m.kind, 7))


def _last_person(mentions: Sequence[Mention], before: int, kinds: tuple[str, ...]) -> Mention | None:
    """The most recent mention before a point whose actor is of one of these kinds."""
    earlier = [m for m in mentions if m.end <= before and (not m.kind or m.kind in kinds)]
    return earlier[-1] if earlier else None


def _speaker_for(text: str, mentions: Sequence[Mention], cue: tuple[int, int, str],
                 sentence: tuple[int, int], after_limit: int) -> tuple[Mention | None, str, float]:
    """The speaker of a cue: a name before it, else after it, else a pronoun resolved to the latest fitting actor.

    A name right before the cue is its subject ("Western officials suggest"); a cue
    in -ing takes the sentence's subject, its first person ("von der Leyen referred
    to Xi and Putin's statement, suggesting"); otherwise the nearest person,
    group or state before the cue. ``cue`` is (start, end, words); returns the
    mention (or None), how it was found, and a confidence.
    """
    cue_start, cue_end, word = cue
    adjacent = [m for m in mentions if sentence[0] <= m.start and m.end <= cue_start
                and not text[m.end:cue_start].strip()]
    if adjacent:
        return adjacent[-1], "name right before the cue", 0.9
    participle = word.split()[0].endswith("ing")
    before = _speaker_near(mentions, sentence[0], cue_start, prefer_last=not participle)
    between = text[before.end:cue_start] if before else ""
    if before and len(between) < 80 and not QUOTE.search(between):
        return before, "name before the cue", 0.9
    after = _speaker_near(mentions, cue_end, min(after_limit, cue_end + 60), prefer_last=False)
    if after and not text[cue_end:after.start].strip(" ,"):
        return after, "name after the cue", 0.9
    pronoun = PRONOUN.search(text, max(sentence[0], cue_start - 12), cue_start)
    if pronoun:
        kinds = ("person",) if pronoun.group(1).lower() in ("he", "she") else ("state", "group", "bloc")
        found = _last_person(mentions, pronoun.start(), kinds)
        if found:
            return found, f"'{pronoun.group(1)}' resolved to the latest {'/'.join(kinds)}", 0.7
    if before:
        return before, "name before the cue", 0.6
    return None, "no speaker found", 0.3


def _candidate(text: str, start: int, end: int, speaker: Mention | None, cue: str, cue_start: int, form: str,
               rule: str, how: str, confidence: float, para: Paragraph) -> Candidate:
    return Candidate(start, end, text[start:end], speaker.text if speaker else "",
                     speaker.actor_id if speaker else None, cue, cue_start, form, rule, how, confidence, para.number)


# --- the rules --------------------------------------------------------------------------

def _cues_in(text: str, para: Paragraph, cues: re.Pattern[str]) -> list[tuple[int, int, str]]:
    """Every cue in the paragraph: (start, end, the words as written)."""
    return [(para.start + m.start(1), para.start + m.end(1), m.group(1))
            for m in cues.finditer(text[para.start:para.end])]


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


def _quote_then_cue(text: str, para: Paragraph, cues: re.Pattern[str],
                   mentions: Sequence[Mention]) -> Iterator[Candidate]:
    """A quotation that opens a clause, then its cue: '"...," said Ana Ruiz', '"...," she said'.

    A run of quotations joined by "and" shares the cue after the last of them.
    """
    after_quote = _cue_after_quote(cues)
    for k, (qa, qb) in enumerate(para.quotes):
        run_end = _run_end(text, para, k)
        after = after_quote.match(text[run_end:run_end + 60])
        # no cue after it; or not a clause of its own; or a few words only, a partial quote
        if after is None or not _opens_clause(text, para, k, cues) or _words(text, (qa, qb)) < 4:
            continue
        cue_start, cue_end, cue = run_end + after.start(2), run_end + after.end(2), after.group(2)
        word = after.group(1)
        if word and word.lower() in ("he", "she", "they"):
            kinds = ("person",) if word.lower() in ("he", "she") else ("state", "group")
            speaker = _last_person(mentions, qa, kinds)
            how, confidence = f"'{word}' resolved to the latest {'/'.join(kinds)}", 0.75
        elif word:
            speaker, how, confidence = _speaker_near(mentions, run_end, cue_start), "name before the cue", 0.9
        else:
            speaker, how, confidence = _speaker_for(text, mentions, (cue_start, cue_end, cue),
                                                    para.sentence_of(qa), para.end)
        yield _candidate(text, qa, qb, speaker, cue, cue_start, "direct", "quote_then_cue", how, confidence, para)


def _cue_then_quote(text: str, para: Paragraph, cues: re.Pattern[str],
                   mentions: Sequence[Mention]) -> Iterator[Candidate]:
    """A cue, then a quotation that is a whole clause: 'Ruiz said "the deal is dead."'."""
    found = _cues_in(text, para, cues)
    for k, (qa, qb) in enumerate(para.quotes):
        if not _whole_clause(text, para, k, cues):  # a few quoted words are a partial quote, not a quotation
            continue
        sentence = para.sentence_of(qa)
        # the cue is in the same sentence, with nothing but space between it and the quotation
        before = [c for c in found if sentence[0] <= c[0] and c[1] <= qa and not text[c[1]:qa].strip()]
        if before:
            speaker, how, confidence = _speaker_for(text, mentions, before[-1], sentence, qa)
            yield _candidate(text, qa, qb, speaker, before[-1][2], before[-1][0], "direct", "cue_then_quote", how,
                             confidence, para)


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
    for cue_start, cue_end, cue in _cues_in(text, para, cues):
        if cue != "according to":  # the one cue whose source comes after it
            continue
        sentence = para.sentence_of(cue_start)
        source = _speaker_near(mentions, cue_end, sentence[1], prefer_last=False)
        start, end = sentence[0], cue_start
        while end > start and text[end - 1] in " ,":
            end -= 1
        if end - start < 15:  # too short to be a claim
            continue
        form = "partial" if QUOTE.search(text[start:end]) else "paraphrase"
        yield _candidate(text, start, end, source, cue, cue_start, form, "according_to", "", 0.6, para)


def _cue_then_paraphrase(text: str, para: Paragraph, cues: re.Pattern[str],
                        mentions: Sequence[Mention]) -> Iterator[Candidate]:
    """A cue, then its content to the end of the clause: a paraphrase, or a partial quote if it quotes words.

    "Blueland called for a ceasefire", "Ruiz expressed "deep concern" about the
    vote". After "adding (that)" the speaker of the claim before goes on; that
    is settled once the statements are kept (see ``_continue_speakers``).
    """
    for cue_start, cue_end, cue in _cues_in(text, para, cues):
        if cue == "according to":  # its content comes before it: ``according_to``
            continue
        content = cue_end + (1 if text[cue_end:cue_end + 1] == " " else 0)
        tail = text[content:para.end]
        stop = CLAUSE_END.search(tail)
        end = content + (stop.start() if stop else len(tail))
        for qa, qb in para.quotes:  # a quotation that starts inside the clause ends it after its mark
            if content <= qa < end < qb:
                end = qb
        if end - content < 8:  # too short to be a claim
            continue
        if NOT_CONTENT.match(text, content) and len(text[content:end].split()) <= 4:
            continue  # "Wang said during the call": a circumstance, not a claim
        speaker, how, confidence = _speaker_for(text, mentions, (cue_start, cue_end, cue),
                                                para.sentence_of(cue_start), content)
        form = "partial" if QUOTE.search(text[content:end]) else "paraphrase"
        yield _candidate(text, content, end, speaker, cue, cue_start, form, "cue_then_paraphrase", how,
                         confidence * FORM_WEIGHT[form], para)


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
         Rule("quote_alone", _quote_alone, "quotation with no cue: the last speaker continues"),
         Rule("according_to", _according_to, "according to: the clause before the source"),
         Rule("cue_then_paraphrase", _cue_then_paraphrase, "cue '{cue}'"))


# --- the pipeline -----------------------------------------------------------------------

def _keep_first(candidates: Iterable[Candidate], rules: Sequence[Rule] = RULES) -> list[Candidate]:
    """The candidates that do not clash with one kept before them.

    Paragraph by paragraph, quotations come first, in the order they appear
    (and, for one quotation, in the order of ``rules``); then the claims that
    cues introduce, in the order of their cues. A candidate is dropped if its
    words overlap a kept one's, if its cue lies inside a kept one, or if a kept
    one already used its cue (quotations joined by "and" share theirs).
    """
    precedence = {rule.name: i for i, rule in enumerate(rules)}

    def order(c: Candidate) -> tuple:
        quotation = c.form == "direct"
        return c.paragraph, not quotation, c.start if quotation else c.cue_start, precedence.get(c.rule, len(rules))

    def clash(c: Candidate, kept: Candidate) -> bool:
        return (c.start < kept.end and kept.start < c.end
                or kept.start <= c.cue_start < kept.end
                or c.cue_start >= 0 and c.cue_start == kept.cue_start and not c.form == kept.form == "direct")

    kept: list[Candidate] = []
    for c in sorted(candidates, key=order):
        if not any(clash(c, k) for k in kept):
            kept.append(c)
    return kept


def _continue_speakers(kept: Sequence[Candidate], paras: Sequence[Paragraph]) -> list[Candidate]:
    """Fill in the speakers that only the statements before can give, in the order they were kept.

    A quotation alone continues the latest speaker found; a claim after
    "adding" continues the speaker of the claim before it in its sentence.
    "Before" is in the order of ``_keep_first``: a paragraph's quotations come
    before the claims its cues introduce.
    """
    done: list[Candidate] = []
    last: Candidate | None = None  # the latest statement with a speaker
    for c in kept:
        if c.rule == "quote_alone":
            c = c._replace(speaker_text=last.speaker_text if last else "", actor_id=last.actor_id if last else None,
                           confidence=0.5 if last else 0.2)
        elif c.rule == "cue_then_paraphrase" and c.cue.startswith("add"):
            sentence = paras[c.paragraph - 1].sentence_of(c.cue_start)
            earlier = [d for d in done if d.paragraph == c.paragraph and sentence[0] <= d.start < c.cue_start]
            if earlier:
                c = c._replace(speaker_text=earlier[-1].speaker_text, actor_id=earlier[-1].actor_id,
                               how="the speaker of the claim before 'adding'",
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
    return _continue_speakers(_keep_first(found, rules), paras)


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


def evaluate(found: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """Precision, recall and F1 for spans (exact, and overlap ≥ 0.5), and speaker accuracy."""
    rows = []
    for name, threshold in (("exact span", 1.0), ("overlap ≥ 0.5", 0.5)):
        matched = _match(found, gold, threshold)
        p = len(matched) / len(found) if len(found) else 0.0
        r = len(matched) / len(gold) if len(gold) else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        same = sum(found.iloc[i]["actor_id"] == gold.iloc[j]["actor_id"] for i, j, _ in matched)
        rows.append({"match": name, "found": len(found), "coded": len(gold), "matched": len(matched),
                     "precision": p, "recall": r, "f1": f1,
                     "speaker_accuracy": same / len(matched) if matched else 0.0})
    return pd.DataFrame(rows)


def errors(found: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """Every miss and every false alarm (at overlap ≥ 0.5), and every wrong speaker, with the reason."""
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
        if f["actor_id"] != g["actor_id"]:
            rows.append({"kind": "wrong speaker", "statement_id": g["statement_id"], "paragraph": g["paragraph"],
                         "text": g["quote"],
                         "reason": f"found {f['actor_id'] if isinstance(f['actor_id'], str) else 'nobody'} "
                                   f"({f['rule']}), coded {g['actor_id']}"})
    columns = {"kind": "str", "statement_id": "str", "paragraph": "int64", "text": "str", "reason": "str"}
    return pd.DataFrame(rows, columns=list(columns)).astype(columns)
