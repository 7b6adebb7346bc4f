"""Agreement between codings: a student's against the reference, and a class's among themselves.

A coding is a DataFrame with one row per statement: ``statement_id`` and one
column per field (``actor_id``, ``form``, ``topic_id``, ``stance``).

**Missing is missing**, in every statistic alike: a blank answer (``""`` or
spaces, which a save writes for a field left out) or a NaN/None is no answer. It
is left out of n, of percent agreement, of Cohen's kappa and of Krippendorff's
alpha, and never counts as a category of its own or as a disagreement.
"""

from __future__ import annotations

from collections.abc import Mapping

import krippendorff
import numpy as np
import pandas as pd
import plotly.graph_objects as go

from .data import Article

FIELDS = ("actor_id", "form", "topic_id", "stance")
NONE = "none"  # the answer for "touches no topic" and "takes no stance"


def missing(values: list | pd.Series) -> pd.Series:
    """True where an answer is missing: NaN, None, or a blank string.

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
    """The reference answers, one row per statement and coded (topic, stance) pair.

    A statement that touches no topic has one row with topic and stance ``none``.
    """
    pos = art.positions[["statement_id", "topic_id", "stance"]].astype({"stance": str})
    st = art.statements[["statement_id", "actor_id", "form"]].astype({"form": str})
    out = st.merge(pos, on="statement_id", how="left").fillna({"topic_id": NONE, "stance": NONE})
    return out.drop_duplicates().reset_index(drop=True)


def align(student: pd.DataFrame, reference: pd.DataFrame) -> pd.DataFrame:
    """The reference coding in the student's shape: one row per statement the student coded.

    Where the article's statement touches several topics, a student's topic
    matches if it is any one of them, and the stance is compared with the
    reference stance on that topic. Otherwise the reference's first topic counts.
    """
    rows = []
    for s in student.itertuples():
        ref = reference[reference["statement_id"] == s.statement_id]
        if not len(ref):
            raise KeyError(f"no reference coding for statement {s.statement_id!r}")
        same_topic = ref[ref["topic_id"] == s.topic_id]
        if not len(same_topic):  # a topic the reference does not code: compare with its first row
            rows.append(ref.iloc[0])
            continue
        match = same_topic[same_topic["stance"] == s.stance]
        row = (match if len(match) else same_topic).iloc[0]
        rows.append(row)
    return pd.DataFrame(rows, columns=reference.columns).reset_index(drop=True).astype(reference.dtypes.to_dict())


def agreement(student: pd.DataFrame, reference: pd.DataFrame, fields: tuple[str, ...] = FIELDS) -> pd.DataFrame:
    """One row per field: how many statements both answered, percent agreement and Cohen's kappa.

    ``reference`` may be :func:`reference_coding` (several rows per statement are
    aligned to the student's answers) or any coding with one row per statement.
    Missing is missing: ``n`` counts, per field, the statements with an answer on
    both sides; a blank or NaN answer is left out of all three numbers (NaN
    agreement and kappa when n is 0).
    """
    student = student.drop_duplicates("statement_id", keep="last")
    if reference["statement_id"].duplicated().any():
        reference = align(student, reference)
    both = student.merge(reference, on="statement_id", suffixes=("_student", "_reference"))
    rows = []
    for field in fields:
        a, b = both[f"{field}_student"], both[f"{field}_reference"]
        present = ~(missing(a) | missing(b)).to_numpy()
        a, b = a[present].astype(str), b[present].astype(str)
        n = int(present.sum())
        rows.append({"field": field, "n": n,
                     "agreement": 100 * float((a.values == b.values).mean()) if n else np.nan,
                     "kappa": cohen_kappa(a, b) if n else np.nan})
    return pd.DataFrame(rows)


def class_agreement(codings: Mapping[str, pd.DataFrame], fields: tuple[str, ...] = FIELDS) -> pd.DataFrame:
    """Krippendorff's alpha (nominal) per field, across several coders' files.

    ``codings`` maps each coder's name to their coding; statements a coder
    skipped count as missing, as Krippendorff's alpha allows, and so does a blank
    or NaN answer (missing is missing: never a category of its own). ``units``
    counts the statements with at least two answers.
    """
    if len(codings) < 2:
        raise ValueError("Krippendorff's alpha needs at least two coders")
    units = sorted(set().union(*(set(c["statement_id"]) for c in codings.values())))
    rows = []
    for field in fields:
        given = [c[~missing(c[field]).to_numpy()] for c in codings.values()]
        values = sorted(set().union(*(set(c[field].astype(str)) for c in given)))
        code = {v: i for i, v in enumerate(values)}
        matrix = np.full((len(codings), len(units)), np.nan)
        for r, coding in enumerate(given):
            answers = dict(zip(coding["statement_id"], coding[field].astype(str)))
            for c, unit in enumerate(units):
                if unit in answers:
                    matrix[r, c] = code[answers[unit]]
        pairable = (~np.isnan(matrix)).sum(axis=0) >= 2
        alpha = krippendorff.alpha(reliability_data=matrix, level_of_measurement="nominal") \
            if pairable.any() and len(values) > 1 else np.nan
        rows.append({"field": field, "coders": len(codings), "units": int(pairable.sum()), "alpha": alpha})
    return pd.DataFrame(rows)


def confusion_chart(student: pd.DataFrame, reference: pd.DataFrame, field: str) -> go.Figure:
    """Counts of each (student answer, reference answer) pair for one field; blank or NaN answers are left out."""
    from .charts import _finish, esc, nothing_coded
    from .palette import OKABE_ITO

    student = student.drop_duplicates("statement_id", keep="last")
    if reference["statement_id"].duplicated().any():
        reference = align(student, reference)
    both = student.merge(reference, on="statement_id", suffixes=("_student", "_reference"))
    both = both[~(missing(both[f"{field}_student"]) | missing(both[f"{field}_reference"])).to_numpy()]
    if both.empty:
        return nothing_coded("statements") if reference.empty else _finish(
            go.Figure(), "You have not coded any of these statements yet", "your answer", "reference answer")
    a, b = both[f"{field}_student"].astype(str), both[f"{field}_reference"].astype(str)
    labels = sorted(set(a) | set(b))
    table = pd.crosstab(b, a).reindex(index=labels, columns=labels, fill_value=0)
    ids = both["statement_id"].tolist()
    hover = [[esc(", ".join(i for i, x, y in zip(ids, a, b) if x == col and y == row)) for col in labels]
             for row in labels]
    fig = go.Figure(go.Heatmap(z=table.values, x=[esc(v) for v in labels], y=[esc(v) for v in labels],
                               colorscale=[[0, "#ffffff"], [1, OKABE_ITO["blue"]]], customdata=hover,
                               text=table.values, texttemplate="%{text}",
                               hovertemplate="reference %{y}, you %{x}: %{z}<br>%{customdata}<extra></extra>"))
    agreed = int(np.trace(table.values))
    return _finish(fig, f"You agree with the reference on {agreed} of {len(both)} statements ({field})",
                   "your answer", "reference answer", height=260 + 28 * len(labels))
