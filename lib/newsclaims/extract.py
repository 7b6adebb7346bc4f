"""Find candidate statements in raw news text with plain rules, and measure them honestly.

No model: regular expressions over quotation marks and reporting verbs, and the
actors' aliases for speakers. What the rules find is a *candidate*; the
evaluation against a hand coding says how far to trust it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from . import text as textmod
from .data import Article
from .text import overlap

# General reporting verbs and phrases of news writing, longest first. None is
# particular to one article.
CUES = ["has maintained that", "maintained that", "according to", "called for", "called on", "adding that",
        "added that", "said that", "says that", "told", "urged", "expressed", "underscored", "stressed",
        "warned", "noted", "argued", "insisted", "claimed", "declared", "suggesting", "suggested", "suggest",
        "saying", "adding", "added", "said", "says", "say"]
CUE_PATTERN = re.compile(r"(?<!\w)(" + "|".join(map(re.escape, CUES)) + r")(?!\w)")
# a paraphrase's content runs to the end of its clause
CLAUSE_END = re.compile(r", (?:but|adding|with|according to|referring to|and in|while)\b|[,;]? --|\.(?=\s|\"|”|$)|$")
# words that begin a circumstance, not a claim: "Wang said during the call"
NOT_CONTENT = re.compile(r"(?:during|in|at|on|after|before|while|when|outside)\b")
# a speaker's kind, most likely first, when several actors precede a cue
KIND_ORDER = {"person": 0, "group": 1, "state": 2, "bloc": 3, "document": 4, "organization": 5, "region": 6, "": 7}
PRONOUN = re.compile(r"(?<!\w)(he|she|they)(?!\w)", re.I)
QUOTE = re.compile(r"\"[^\"\n]*\"|“[^”\n]*”")
NAME = re.compile(r"(?<!\w)(?:[A-Z][\w'’-]+)(?: (?:[A-Z][\w'’-]+|of|von|der|de))*(?: [A-Z][\w'’-]+)?")
# the candidates' columns and their types, the same when nothing is found
COLUMNS = {"statement_id": "str", "actor_id": "str", "speaker_text": "str", "quote": "str", "start": "int64",
           "end": "int64", "paragraph": "int64", "form": "str", "cue": "str", "confidence": "float64", "rule": "str"}


@dataclass
class _Mention:
    start: int
    end: int
    actor_id: str | None
    text: str
    kind: str


def _mentions(text: str, actors: pd.DataFrame | None, aliases: pd.DataFrame | None) -> list[_Mention]:
    """Actor mentions from the aliases, or, with no actors given, capitalised names."""
    if aliases is not None and len(aliases):
        kinds = dict(zip(actors["actor_id"], actors["kind"].astype(str))) if actors is not None else {}
        found = textmod.find_mentions(text, aliases)
        return [_Mention(r.start, r.end, r.actor_id, r.alias, kinds.get(r.actor_id, "")) for r in found.itertuples()]
    return [_Mention(m.start(), m.end(), None, m.group(), "") for m in NAME.finditer(text)
            if m.group() not in ("The", "In", "On", "According", "Amid", "Though", "This", "That")]


def _speaker_near(mentions: list[_Mention], lo: int, hi: int, prefer_last: bool = True) -> _Mention | None:
    """The likeliest speaker among the mentions in [lo, hi): by kind (a person first), then nearness."""
    inside = [m for m in mentions if lo <= m.start and m.end <= hi]
    if not inside:
        return None
    order = range(len(inside) - 1, -1, -1) if prefer_last else range(len(inside))
    return min((inside[i] for i in order), key=lambda m: KIND_ORDER.get(m.kind, 7))


def _last_person(mentions: list[_Mention], before: int, kinds: tuple[str, ...]) -> _Mention | None:
    """The most recent mention before a point whose actor is of one of these kinds."""
    earlier = [m for m in mentions if m.end <= before and (not m.kind or m.kind in kinds)]
    return earlier[-1] if earlier else None


def extract_statements(text: str, actors: pd.DataFrame | None = None,
                       aliases: pd.DataFrame | None = None, cues: list[str] | None = None) -> pd.DataFrame:
    """Candidate statements in a text: direct and partial quotes and paraphrases, with speakers.

    Returns the statements columns that rules can fill (actor_id, quote, start,
    end, paragraph, form, cue) plus ``speaker_text`` (the words that name the
    speaker), ``confidence`` (0 to 1) and ``rule`` (which rule fired). ``actor_id``
    is missing (NaN) where no known actor names the speaker.
    ``actors`` (actor_id, kind, and name) and ``aliases`` name the speakers; with
    actors but no aliases, the names serve; with neither, capitalised names do.
    ``cues`` replaces the reporting verbs the rules know (default: ``CUES``).
    """
    cue_pattern = CUE_PATTERN if cues is None else re.compile(
        r"(?<!\w)(" + "|".join(map(re.escape, sorted(cues, key=len, reverse=True))) + r")(?!\w)")
    if actors is not None and aliases is None:  # the actors' names are their aliases
        aliases = actors[["actor_id", "name"]].rename(columns={"name": "alias"}) if "name" in actors else None
    quoted = [m.span() for m in QUOTE.finditer(text)]
    # a speaker is never inside a quotation
    mentions = [m for m in _mentions(text, actors, aliases) if not any(a <= m.start < b for a, b in quoted)]
    rows: list[dict] = []
    last_speaker: _Mention | None = None

    def speaker_for(cue_start: int, cue_end: int, sentence: tuple[int, int], after_limit: int) -> tuple:
        """Name before the cue, else after it, else a pronoun resolved to the latest fitting actor.

        A name right before the cue is its subject ("Western officials suggest"); a cue
        in -ing takes the sentence's subject, its first person ("von der Leyen referred
        to Xi and Putin's statement, suggesting"); otherwise the nearest person,
        group or state before the cue.
        """
        adjacent = [m for m in mentions if sentence[0] <= m.start and m.end <= cue_start
                    and not text[m.end:cue_start].strip()]
        if adjacent:
            return adjacent[-1], "name right before the cue", 0.9
        before = _speaker_near(mentions, sentence[0], cue_start, prefer_last=not cue_start_word(cue_start))
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

    def cue_start_word(at: int) -> bool:
        """Is the cue at this offset a participle (saying, suggesting, adding)?"""
        match = cue_pattern.match(text, at)
        return bool(match and match.group().split()[0].endswith("ing"))

    for number, (pa, pb) in enumerate(textmod.paragraph_spans(text), 1):
        para = text[pa:pb]
        sentences = [(pa + m.start(), pa + m.end()) for m in re.finditer(r".+?(?:[.?!][\"”]?(?=\s+[\"“A-Z])|$)", para)]

        def sentence_of(pos: int, sentences: list = sentences, pa: int = pa, pb: int = pb) -> tuple[int, int]:
            return next((s for s in sentences if s[0] <= pos < s[1]), (pa, pb))

        quotes = [(pa + m.start(), pa + m.end()) for m in QUOTE.finditer(para)]
        cues = [(pa + m.start(), pa + m.end(), m.group()) for m in cue_pattern.finditer(para)]
        taken: list[tuple[int, int]] = []

        def add(start: int, end: int, form: str, cue: str, speaker: _Mention | None, rule: str, conf: float,
                number: int = number, taken: list = taken) -> None:
            nonlocal last_speaker
            rows.append({"actor_id": speaker.actor_id if speaker else None,
                         "speaker_text": speaker.text if speaker else "", "quote": text[start:end],
                         "start": start, "end": end, "paragraph": number, "form": form, "cue": cue,
                         "confidence": round(conf, 2), "rule": rule})
            taken.append((start, end))
            if speaker is not None:
                last_speaker = speaker

        # 1. direct quotations: a quotation that is a clause of its own
        used_cues: list[tuple[int, int]] = []
        for k, (qa, qb) in enumerate(quotes):
            inner = text[qa + 1:qb - 1]
            before = text[max(pa, qa - 40):qa]
            joined = k > 0 and re.fullmatch(r"\s*and\s*", text[quotes[k - 1][1]:qa]) is not None
            starts_clause = qa == pa or joined or re.search(r"(?:^|[.:]\s|said\s|says\s)$", before) is not None
            # the cue after a quotation, or after a run of quotations joined by "and"
            end_of_run = qb
            for qa2, qb2 in quotes[k + 1:]:
                if re.fullmatch(r"\s*and\s*", text[end_of_run:qa2]):
                    end_of_run = qb2
                else:
                    break
            after = re.match(r"\s*,?\s*(?:(he|she|they|the [a-z]+|[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)\s+)?"
                             r"(said|says|added|told|stressed|noted|warned)\b", text[end_of_run:end_of_run + 60])
            whole = len(inner.split()) >= 4 and (inner.rstrip()[-1:] in ",.?!" or after is not None)
            if not (starts_clause and whole):
                continue
            sentence = sentence_of(qa)
            qb_cue = end_of_run
            cue_before = [c for c in cues if c[1] <= qa and c[0] >= sentence[0] and text[c[1]:qa].strip() == ""]
            if after:
                cue = after.group(2)
                cue_start, cue_end = qb_cue + after.start(2), qb_cue + after.end(2)
                used_cues.append((cue_start, cue_end))
                word = after.group(1)
                if word and word.lower() in ("he", "she", "they"):
                    kinds = ("person",) if word.lower() in ("he", "she") else ("state", "group")
                    speaker = _last_person(mentions, qa, kinds)
                    how, conf = f"'{word}' resolved to the latest {'/'.join(kinds)}", 0.75
                elif word:
                    speaker = _speaker_near(mentions, qb_cue, cue_start)
                    how, conf = "name before the cue", 0.9
                else:
                    speaker, how, conf = speaker_for(cue_start, cue_end, sentence, pb)
                add(qa, qb, "direct", cue, speaker, f"quotation, cue after; {how}", conf)
            elif cue_before:
                c = cue_before[-1]
                speaker, how, conf = speaker_for(c[0], c[1], sentence, qa)
                add(qa, qb, "direct", c[2], speaker, f"quotation, cue before; {how}", conf)
            elif qa == pa or re.search(r"[.!?][\"”]?\s$", text[max(pa, qa - 3):qa]):
                add(qa, qb, "direct", "", last_speaker, "quotation with no cue: the last speaker continues",
                    0.5 if last_speaker else 0.2)

        # 2. partial quotes and paraphrases: a cue, then the content to the end of its clause
        for c_start, c_end, cue in cues:
            if any(a <= c_start < b for a, b in taken) or (c_start, c_end) in used_cues:
                continue
            content = c_end + (1 if text[c_end:c_end + 1] == " " else 0)
            if cue == "according to":  # the source follows; the content is the clause before it
                sentence = sentence_of(c_start)
                source = _speaker_near(mentions, c_end, sentence[1], prefer_last=False)
                start, end = sentence[0], c_start
                while end > start and text[end - 1] in " ,":
                    end -= 1
                if end - start < 15 or any(a < end and start < b for a, b in taken):
                    continue
                form = "partial" if QUOTE.search(text[start:end]) else "paraphrase"
                add(start, end, form, cue, source, "according to: the clause before the source", 0.6)
                continue
            tail = text[content:pb]
            stop = CLAUSE_END.search(tail)
            end = content + (stop.start() if stop else len(tail))
            for qa, qb in quotes:  # a quotation that starts inside the clause ends it after its mark
                if content <= qa < end < qb:
                    end = qb
            if end - content < 8 or any(a < end and content < b for a, b in taken):
                continue
            if NOT_CONTENT.match(text, content) and len(text[content:end].split()) <= 4:
                continue  # "Wang said during the call": a circumstance, not a claim
            sentence = sentence_of(c_start)
            earlier = [r for r in rows if r["paragraph"] == number and sentence[0] <= r["start"] < c_start]
            if cue.startswith("add") and earlier:  # "adding that": the same speaker goes on
                last = earlier[-1]
                speaker = _Mention(0, 0, last["actor_id"], last["speaker_text"], "")
                how, conf = "the speaker of the claim before 'adding'", 0.85
            else:
                speaker, how, conf = speaker_for(c_start, c_end, sentence, content)
            form = "partial" if QUOTE.search(text[content:end]) else "paraphrase"
            add(content, end, form, cue, speaker, f"cue '{cue}'; {how}", conf * (0.9 if form == "partial" else 0.8))

    out = pd.DataFrame(rows, columns=list(COLUMNS)[1:])
    out = out.sort_values("start", kind="stable").reset_index(drop=True)
    out.insert(0, "statement_id", [f"x{i:03d}" for i in range(1, len(out) + 1)])
    return out[list(COLUMNS)].astype(COLUMNS)


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
