"""Agreement between codings: a student's against the reference, and a class's among themselves.

A coding is a DataFrame with one row per statement: ``statement_id`` and one
column per field (:data:`FIELDS`): the speaker (``actor_id``), the ``form``, the
topic the statement mainly takes a side on (``topic_id``), whose stance it is
(``holder_id``), the ``stance`` and whether it is ``hedged`` (``"true"`` or
``"false"``). A statement that touches no topic has ``none`` for topic, holder,
stance and hedge.

**Missing is missing**, in every statistic alike: a blank answer (``""`` or
spaces, which a save writes for a field left out, and which a file saved before
a field was asked holds for it) or a NaN/None is no answer. It is left out of n,
of percent agreement, of Cohen's kappa and of Krippendorff's alpha, and never
counts as a category of its own or as a disagreement.

**Small numbers.** :func:`agreement` and :func:`class_agreement` add a ``note``
to each field when its numbers say little: fewer than :data:`FEW` statements, or
one answer so common that chance agreement is high and kappa or alpha can be low
even when agreement is high (the "kappa paradox", Feinstein & Cicchetti 1990).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import krippendorff
import numpy as np
import pandas as pd

from .data import Article

FIELDS = ("actor_id", "form", "topic_id", "holder_id", "stance", "hedged")
NONE = "none"  # the answer for "touches no topic", "no holder" and "takes no stance"
FEW = 10  # fewer statements than this, and a field's agreement gets a note: too few to say much
DOMINANT = 0.8  # one answer this common among all answers, and kappa or alpha gets a note (the kappa paradox)
# Lesson 05's example coding: the reference with these answers changed on purpose, by row (from 0) of
# one row per statement: two speakers, three forms and two stances (see example_coding).
EXAMPLE_CHANGES = (("actor_id", (2, 9), "china"), ("form", (4, 12, 16), "partial"), ("stance", (1, 2), "oppose"))


def missing(values: list | pd.Series) -> pd.Series:
    """True where an answer is missing: NaN, None, or a blank string.

    Parameters
    ----------
    values : list or Series
        Answers.

    Returns
    -------
    Series of bool
        One per answer, indexed from 0.

    Examples
    --------
    >>> missing(["a", "", "  ", None, float("nan")]).tolist()
    [False, True, True, True, True]
    """
    values = pd.Series(list(values), dtype=object)
    return values.isna() | values.map(lambda v: isinstance(v, str) and not v.strip())


def cohen_kappa(a: list[str] | pd.Series, b: list[str] | pd.Series) -> float:
    """Cohen's kappa for two codings of the same items: (p_o - p_e) / (1 - p_e).

    p_o is the share of items on which they agree; p_e the agreement expected by
    chance from each coder's own proportions. 1 when p_e is 1 and they agree fully.
    An item either coding left blank or NaN is left out (missing is missing);
    NaN when no item has both answers.

    Parameters
    ----------
    a, b : list or Series
        The two codings' answers, item by item.

    Returns
    -------
    float
        Kappa, rounded to 10 places; NaN when no item has both answers.

    Raises
    ------
    ValueError
        When the codings are of different lengths, or empty.

    Examples
    --------
    >>> cohen_kappa(["yes"] * 20 + ["yes"] * 5 + ["no"] * 10 + ["no"] * 15,
    ...             ["yes"] * 20 + ["no"] * 5 + ["yes"] * 10 + ["no"] * 15)
    0.4
    """
    a, b = pd.Series(list(a), dtype=object), pd.Series(list(b), dtype=object)
    if len(a) != len(b) or not len(a):
        raise ValueError("two codings of the same, non-empty list of items are needed")
    both = ~(missing(a) | missing(b))
    a, b = a[both], b[both]
    if not len(a):
        return np.nan
    observed = float((a.values == b.values).mean())
    pa, pb = a.value_counts(normalize=True), b.value_counts(normalize=True)
    expected = float(sum(pa.get(k, 0) * pb.get(k, 0) for k in set(pa.index) | set(pb.index)))
    if expected == 1:
        return 1.0 if observed == 1 else 0.0
    return round((observed - expected) / (1 - expected), 10)


def reference_coding(art: Article) -> pd.DataFrame:
    """The reference answers, one row per coded position: statement, topic and holder.

    A statement that touches no topic has one row with topic, holder, stance and
    hedge ``none``. A statement with two holders on one topic (``cnn22_s19``: China
    supports a return to Minsk, Putin opposes it) has a row for each; :func:`align`
    says which one a student's answer is scored against.

    Parameters
    ----------
    art : Article
        The article.

    Returns
    -------
    DataFrame
        ``statement_id`` and :data:`FIELDS`, all as text; ``hedged`` is ``"true"``
        or ``"false"``. No rows when no statement is coded.

    Examples
    --------
    >>> import newsclaims as nc
    >>> ref = reference_coding(nc.load_article())
    >>> ref.loc[ref["statement_id"] == "cnn22_s19", ["topic_id", "holder_id", "stance", "hedged"]].values.tolist()
    [['minsk', 'china', 'support', 'false'], ['minsk', 'vladimir_putin', 'oppose', 'false']]
    """
    pos = art.positions[["statement_id", "topic_id", "holder_id", "stance", "hedged"]].copy()
    pos["stance"] = pos["stance"].astype(str)
    pos["hedged"] = pos["hedged"].map(lambda h: "true" if h is True or str(h).lower() == "true" else "false")
    st = art.statements[["statement_id", "actor_id", "form"]].astype({"form": str})
    out = st.merge(pos, on="statement_id", how="left")
    out = out.fillna(dict.fromkeys(["topic_id", "holder_id", "stance", "hedged"], NONE))
    return out[["statement_id", *FIELDS]].astype(str).drop_duplicates().reset_index(drop=True)


def change_answers(coding: pd.DataFrame, field: str, rows: Iterable[int], value: str) -> pd.DataFrame:
    """A copy of a coding with the answers to one field set to ``value`` at some rows.

    Parameters
    ----------
    coding : DataFrame
        A coding, one row per statement.
    field : str
        The column to change, such as ``"form"``.
    rows : iterable of int
        Positions of the rows to change, from 0; those past the coding's end are
        left out, so that the same changes apply to a shorter article.
    value : str
        The new answer.

    Returns
    -------
    DataFrame
        The changed copy; ``coding`` itself is unchanged.

    Examples
    --------
    >>> coding = pd.DataFrame({"statement_id": ["a", "b"], "form": ["direct", "direct"]})
    >>> change_answers(coding, "form", [1, 5], "partial")["form"].tolist()
    ['direct', 'partial']
    """
    out = coding.reset_index(drop=True).copy()
    out.loc[[i for i in rows if 0 <= i < len(out)], field] = value
    return out


def example_coding(art: Article) -> pd.DataFrame:
    """Lesson 05's example coding: the reference, one row per statement, with answers changed on purpose.

    It is not a real student's work: :data:`EXAMPLE_CHANGES` lists the changes
    (two speakers, three forms and two stances, by row). On an article with fewer
    statements than a change's row, that change is left out: on one with fewer
    than 17, fewer than three forms change.

    Parameters
    ----------
    art : Article
        The article whose reference is changed.

    Returns
    -------
    DataFrame
        ``statement_id`` and :data:`FIELDS`, one row per statement, as text.

    Examples
    --------
    >>> import newsclaims as nc
    >>> art = nc.load_article()
    >>> example = example_coding(art)
    >>> agreed = example["form"] == align(example, reference_coding(art))["form"]
    >>> int(agreed.sum()), len(example)
    (34, 37)
    """
    coding = reference_coding(art).drop_duplicates("statement_id").reset_index(drop=True)
    for field, rows, value in EXAMPLE_CHANGES:
        coding = change_answers(coding, field, rows, value)
    return coding


def _text(values: pd.Series) -> pd.Series:
    """Answers as text, as they are compared: True/False (from a table, not a file) as "true"/"false"."""
    return values.map(lambda v: str(bool(v)).lower() if isinstance(v, (bool, np.bool_)) else str(v))


def align(student: pd.DataFrame, reference: pd.DataFrame) -> pd.DataFrame:
    """The reference coding in the student's shape: one row per statement the student coded.

    The reference may code a statement several times (:func:`reference_coding`:
    one row per topic and holder). Each student answer is scored against **one**
    of those rows, chosen like this:

    1. **Topic.** If the student's topic is one the reference codes for that
       statement, the rows on that topic; any of them counts as a match. If not,
       the statement's first row (its first coded position): the topic disagrees,
       and holder, stance and hedge are compared with that row.
    2. **Holder.** Of the rows on the topic, the one whose holder the student
       chose. **The stance and the hedge are scored against the stance of the
       holder you chose**, never against whichever stance happens to match. On
       ``cnn22_s19`` (Minsk: China supports, Putin opposes) holder China with
       stance oppose disagrees on stance; holder Putin with oppose agrees on both.
    3. If the student gave no holder (a file saved before the holder was asked),
       or a holder the reference does not code on that topic, the topic's first
       row in ``positions.csv`` order counts: the holder disagrees (or is
       missing), and the stance is compared with that first holder's.

    Parameters
    ----------
    student : DataFrame
        A coding, one row per statement: ``statement_id``, ``topic_id`` and
        ``holder_id`` choose the reference row.
    reference : DataFrame
        :func:`reference_coding`.

    Returns
    -------
    DataFrame
        The reference's rows, one per row of ``student``, in its order.

    Raises
    ------
    KeyError
        If the reference has no row for a statement the student coded.

    Examples
    --------
    >>> import newsclaims as nc
    >>> reference = reference_coding(nc.load_article())
    >>> answer = pd.DataFrame({"statement_id": ["cnn22_s19"], "topic_id": ["minsk"],
    ...                        "holder_id": ["vladimir_putin"], "stance": ["oppose"]})
    >>> align(answer, reference)[["holder_id", "stance"]].values.tolist()
    [['vladimir_putin', 'oppose']]
    """
    holder = "holder_id" in student.columns and "holder_id" in reference.columns
    rows = []
    for s in student.to_dict("records"):
        ref = reference[reference["statement_id"] == s["statement_id"]]
        if not len(ref):
            raise KeyError(f"no reference coding for statement {s['statement_id']!r}")
        same_topic = ref[ref["topic_id"] == s.get("topic_id")]
        if not len(same_topic):  # a topic the reference does not code: compare with its first row
            rows.append(ref.iloc[0])
            continue
        same_holder = same_topic[same_topic["holder_id"] == s.get("holder_id")] if holder else same_topic.iloc[:0]
        rows.append((same_holder if len(same_holder) else same_topic).iloc[0])
    return pd.DataFrame(rows, columns=reference.columns).reset_index(drop=True).astype(reference.dtypes.to_dict())


def _two_stances(student: pd.DataFrame, reference: pd.DataFrame) -> list[str]:
    """The statements the student coded on a topic where the reference has two holders with different stances."""
    if not {"topic_id", "stance"} <= set(reference.columns) or "topic_id" not in student.columns:
        return []
    pairs = set(zip(student["statement_id"], student["topic_id"]))
    stances = reference.groupby(["statement_id", "topic_id"])["stance"].nunique()
    return sorted(s for s, t in pairs if stances.get((s, t), 0) > 1)


def _notes(answers: list[pd.Series], n: int, chance: str) -> list[str]:
    """What makes a field's numbers say little: too few statements, or one answer that dominates."""
    notes = []
    if not n:
        return ["no statement answered on both sides"] if chance == "kappa" else ["no statement has two answers"]
    if n < FEW:
        notes.append(f"only {n} statement{'s' * (n != 1)}: each moves agreement by {100 / n:.0f} points; "
                     f"too few for {chance} to mean much (code at least {FEW})")
    pooled = pd.concat(answers, ignore_index=True)
    if len(pooled):
        shares = pooled.value_counts(normalize=True)
        if shares.iloc[0] >= DOMINANT:
            notes.append(f"'{shares.index[0]}' is {shares.iloc[0]:.0%} of the answers: {chance} can be low "
                         f"even at high agreement (the kappa paradox)")
    return notes


def agreement(student: pd.DataFrame, reference: pd.DataFrame, fields: tuple[str, ...] = FIELDS) -> pd.DataFrame:
    """One row per field: how many statements both answered, percent agreement, Cohen's kappa and a note.

    ``reference`` may be :func:`reference_coding` (several rows per statement are
    aligned to the student's answers by the rules of :func:`align`) or any coding
    with one row per statement. Missing is missing: ``n`` counts, per field, the
    statements with an answer on both sides; a blank or NaN answer is left out of
    all three numbers (NaN agreement and kappa when n is 0). A field the student's
    coding lacks (a file saved before the field was asked) counts as missing.

    ``note`` says when the numbers say little (empty when nothing needs saying):
    fewer than :data:`FEW` statements; one answer making up :data:`DOMINANT` or
    more of all answers (the kappa paradox: high agreement, low kappa); and, for
    stance and hedge, the statements scored against the holder the student chose
    because the reference codes two holders with different stances on that topic.

    Parameters
    ----------
    student : DataFrame
        A coding: ``statement_id`` and some of :data:`FIELDS`; a statement coded
        twice counts with its last row.
    reference : DataFrame
        :func:`reference_coding`, or any coding with one row per statement.
    fields : tuple of str
        The fields to compare.

    Returns
    -------
    DataFrame
        field, n, agreement (percent), kappa and note; one row per field.

    Raises
    ------
    KeyError
        When the reference has several rows per statement and none for a
        statement the student coded (see :func:`align`).

    Examples
    --------
    Three statements, two of them agreeing: 67% agreement, and kappa 0, because
    the reference gives one answer to all three.

    >>> student = pd.DataFrame({"statement_id": ["a", "b", "c"], "form": ["paraphrase", "paraphrase", "partial"]})
    >>> reference = pd.DataFrame({"statement_id": ["a", "b", "c"], "form": ["paraphrase"] * 3})
    >>> row = agreement(student, reference, fields=("form",)).iloc[0]
    >>> round(row["agreement"]), float(row["kappa"])
    (67, 0.0)
    >>> print(row["note"])
    only 3 statements: each moves agreement by 33 points; too few for kappa to mean much (code at least 10); \
'paraphrase' is 83% of the answers: kappa can be low even at high agreement (the kappa paradox)
    """
    student = student.drop_duplicates("statement_id", keep="last")
    student = student.assign(**{f: "" for f in fields if f not in student.columns})
    two = set(_two_stances(student, reference))
    if reference["statement_id"].duplicated().any():
        reference = align(student, reference)
    both = student.merge(reference, on="statement_id", suffixes=("_student", "_reference"))
    rows = []
    for field in fields:
        a, b = both[f"{field}_student"], both[f"{field}_reference"]
        present = ~(missing(a) | missing(b)).to_numpy()
        a, b = _text(a[present]), _text(b[present])
        n = int(present.sum())
        notes = _notes([a, b], n, "kappa")
        scored = sorted(two & set(both.loc[present, "statement_id"]))
        if field in ("stance", "hedged") and scored:
            notes.append(f"{', '.join(scored)} scored against the holder you chose (the reference has two "
                         f"holders with different stances there)")
        rows.append({"field": field, "n": n,
                     "agreement": 100 * float((a.values == b.values).mean()) if n else np.nan,
                     "kappa": cohen_kappa(a, b) if n else np.nan,
                     "note": "; ".join(notes)})
    return pd.DataFrame(rows, columns=["field", "n", "agreement", "kappa", "note"]).astype(
        {"field": object, "n": "int64", "agreement": "float64", "kappa": "float64", "note": object})


def class_agreement(codings: Mapping[str, pd.DataFrame], fields: tuple[str, ...] = FIELDS) -> pd.DataFrame:
    """Krippendorff's alpha (nominal) per field, across several coders' files, with a note.

    Statements a coder skipped count as missing, as Krippendorff's alpha allows,
    and so does a blank or NaN answer, or a field a coder's file lacks (missing is
    missing: never a category of its own). ``note`` says when alpha says little, as
    in :func:`agreement`: fewer than :data:`FEW` units, or one answer that dominates.

    Parameters
    ----------
    codings : mapping of str to DataFrame
        Each coder's name and coding (see :func:`newsclaims.coding.load_codings`).
    fields : tuple of str
        The fields to compare.

    Returns
    -------
    DataFrame
        field, coders, units (the statements with at least two answers), alpha (NaN
        when no statement has two answers, or only one answer is ever given) and note.

    Raises
    ------
    ValueError
        With fewer than two coders.

    Examples
    --------
    >>> a = pd.DataFrame({"statement_id": ["s1", "s2", "s3"], "form": ["direct", "partial", "direct"]})
    >>> b = a.assign(form=["direct", "partial", "partial"])
    >>> round(float(class_agreement({"a": a, "b": b}, fields=("form",)).at[0, "alpha"]), 3)
    0.444
    """
    if len(codings) < 2:
        raise ValueError("Krippendorff's alpha needs at least two coders")
    codings = {name: c.assign(**{f: "" for f in fields if f not in c.columns}) for name, c in codings.items()}
    units = sorted(set().union(*(set(c["statement_id"]) for c in codings.values())))
    rows = []
    for field in fields:
        given = [c[~missing(c[field]).to_numpy()] for c in codings.values()]
        values = sorted(set().union(*(set(_text(c[field])) for c in given)))
        code = {v: i for i, v in enumerate(values)}
        matrix = np.full((len(codings), len(units)), np.nan)
        for r, coding in enumerate(given):
            answers = dict(zip(coding["statement_id"], _text(coding[field])))
            for c, unit in enumerate(units):
                if unit in answers:
                    matrix[r, c] = code[answers[unit]]
        pairable = (~np.isnan(matrix)).sum(axis=0) >= 2
        alpha = krippendorff.alpha(reliability_data=matrix, level_of_measurement="nominal") \
            if pairable.any() and len(values) > 1 else np.nan
        answered = [pd.Series([values[int(v)] for v in matrix[:, pairable].ravel() if not np.isnan(v)], dtype=object)]
        notes = _notes(answered, int(pairable.sum()), "alpha")
        rows.append({"field": field, "coders": len(codings), "units": int(pairable.sum()), "alpha": alpha,
                     "note": "; ".join(notes)})
    return pd.DataFrame(rows, columns=["field", "coders", "units", "alpha", "note"]).astype(
        {"field": object, "coders": "int64", "units": "int64", "alpha": "float64", "note": object})


def __getattr__(name: str) -> object:
    """``confusion_chart`` moved to :mod:`newsclaims.charts`; the old name works for one release, with a warning."""
    if name == "confusion_chart":
        import warnings

        from .charts import confusion_chart

        warnings.warn("newsclaims.reliability.confusion_chart is now newsclaims.charts.confusion_chart; "
                      "the old name goes in the next release", DeprecationWarning, stacklevel=2)
        return confusion_chart
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
