"""Even-handedness: the same rule for every side's stances, and the loader holding the coding to it.

The codebook's rule: a stance is hedged unless it is stated. A stance that is implied
(one step from the words) or inferred (more than the words) may never be firm, on any
side. ``basis`` records which it is, so that the rule can be counted side by side and
enforced by ``validate``.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import newsclaims as nc
from newsclaims import analysis as an

from conftest import line_of, read_rows, write_rows

UNSTATED = ["implied", "inferred"]


@pytest.fixture(scope="module")
def art() -> nc.Article:
    return nc.load_article()


@pytest.fixture(scope="module")
def sides(art) -> pd.DataFrame:
    return an.positions_table(art, level="side")


def by_side(sides: pd.DataFrame) -> pd.DataFrame:
    """Per side: its positions, how many are stated, implied or inferred, and how many of those are firm."""
    rows = []
    for who, part in sides.groupby("who", sort=True):
        unstated = part[part["basis"].isin(UNSTATED)]
        rows.append({"who": who, "positions": len(part), **{b: int((part["basis"] == b).sum())
                                                             for b in ["stated", *UNSTATED]},
                     "hedged": int(part["hedged"].sum()), "unstated_firm": int((~unstated["hedged"]).sum())})
    return pd.DataFrame(rows).set_index("who")


def test_no_side_has_a_firm_stance_that_is_implied_or_inferred(sides):
    counts = by_side(sides)
    firm = counts[counts["unstated_firm"] > 0]
    assert firm.empty, f"implied or inferred but not hedged, by side:\n{firm}"
    # the count covers every side that holds a position, the West's included
    assert {"china", "russia", "united_states", "the_west", "european_commission"} <= set(counts.index)
    assert counts["positions"].sum() == len(sides)


def test_sides_are_those_speaks_for_gives(art, sides):
    side = an.speaks_for(art.actors)
    assert (sides["who"] == sides["holder_id"].map(side)).all()


def test_the_counts_side_by_side(sides):
    # Checked by hand against the article (second reading). China's side carries most of the inference
    # because analysts tell the reader what Beijing wants; the West's side is hedged where its words
    # imply a stance ("suggest", "rule of the strongest", "a stake", "collective action").
    counts = by_side(sides)[["positions", "stated", "implied", "inferred", "hedged"]]
    assert counts.loc["china"].tolist() == [28, 13, 13, 2, 16]
    assert counts.loc["russia"].tolist() == [8, 5, 1, 2, 3]  # Putin's "publicly tore that up" included
    assert counts.loc["united_states"].tolist() == [6, 4, 1, 1, 2]
    assert counts.loc["the_west", ["stated", "implied", "hedged"]].tolist() == [0, 1, 1]
    assert counts.loc["european_commission", ["stated", "implied", "hedged"]].tolist() == [0, 1, 1]


@pytest.mark.parametrize("statement_id, topic_id, basis", [
    ("cnn22_s06", "invasion_threat", "implied"),  # Western officials "suggest" a "pretext"
    ("cnn22_s10", "china_russia_alignment", "implied"),  # von der Leyen, "rule of the strongest"
    ("cnn22_s35", "take_sides", "inferred"),  # "every UN member state has a stake" picks no side
    ("cnn22_s36", "take_sides", "implied"),  # "a moment for collective action"
    ("cnn22_s05", "take_sides", "implied"),  # China's inferred stances, hedged as before
    ("cnn22_s12", "take_sides", "implied"),
    ("cnn22_s14", "take_sides", "inferred"),
])
def test_the_stances_the_second_reading_named_are_hedged(art, statement_id, topic_id, basis):
    row = art.positions.query("statement_id == @statement_id and topic_id == @topic_id")
    assert row[["basis", "hedged"]].values.tolist() == [[basis, True]]


def test_a_stated_stance_may_be_hedged_when_its_words_qualify_it(art):
    stated_hedged = art.positions[(art.positions["basis"] == "stated") & art.positions["hedged"]]
    assert stated_hedged["statement_id"].tolist() == ["cnn22_s02"]  # "stopped short of condemning"
    assert stated_hedged["note"].str.contains("hedged").all()


def test_every_note_begins_with_its_basis(art):
    # so that the evidence, which shows the note, shows the basis too
    first = art.positions["note"].str.extract(r"^(\w+)")[0].str.lower()
    assert (first == art.positions["basis"].astype(str)).all()


# --- validate enforces the rule ------------------------------------------------------------------

def doctor(folder: Path, statement_id: str, topic_id: str, **values: str) -> int:
    """Change one position of a copied data folder; return its line in positions.csv."""
    path = folder / "positions.csv"
    header, rows = read_rows(path)
    [row] = [r for r in rows if (r["statement_id"], r["topic_id"]) == (statement_id, topic_id)]
    row.update(values)
    write_rows(path, header, rows)
    return line_of(path, f"{statement_id},{topic_id},")


def test_an_unhedged_inferred_position_fails_validation(data_copy):
    line = doctor(data_copy, "cnn22_s35", "take_sides", hedged="false")
    with pytest.raises(nc.DataError) as info:
        nc.load_corpus(data_copy)
    [p] = info.value.problems
    assert (Path(p.path).name, p.line, p.column) == ("positions.csv", line, "hedged")
    assert p.message == "basis is inferred, so hedged must be true: only a stated stance may be firm"


def test_validate_names_file_line_and_column_for_every_firm_unstated_position(data_copy):
    inferred = doctor(data_copy, "cnn22_s08", "sovereignty", hedged="false")
    implied = doctor(data_copy, "cnn22_s17", "sovereignty", hedged="false")
    done = subprocess.run([sys.executable, "-m", "newsclaims", "validate", str(data_copy)], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 1
    lines = done.stderr.splitlines()
    assert lines[-1] == "2 problems found"
    assert lines[0].endswith(f"positions.csv line {inferred}, column hedged: basis is inferred, so hedged must be "
                             "true: only a stated stance may be firm")
    assert lines[1].endswith(f"positions.csv line {implied}, column hedged: basis is implied, so hedged must be "
                             "true: only a stated stance may be firm")


def test_a_stated_position_may_be_either(data_copy):
    doctor(data_copy, "cnn22_s01", "peaceful_means", hedged="true")
    doctor(data_copy, "cnn22_s02", "condemn_russia", hedged="false")
    assert len(nc.load_corpus(data_copy).positions) == len(nc.load_corpus().positions)


def test_basis_is_required_and_one_of_three(data_copy):
    line = doctor(data_copy, "cnn22_s04", "security_concerns", basis="assumed")
    with pytest.raises(nc.DataError) as info:
        nc.load_corpus(data_copy)
    [p] = info.value.problems
    assert (p.line, p.column) == (line, "basis") and "is not one of: stated, implied, inferred" in p.message
    doctor(data_copy, "cnn22_s04", "security_concerns", basis="")
    with pytest.raises(nc.DataError, match="column basis: missing required value"):
        nc.load_corpus(data_copy)


def test_a_hedge_that_is_not_a_boolean_is_reported_once_by_the_schema(data_copy):
    line = doctor(data_copy, "cnn22_s35", "take_sides", hedged="maybe")
    with pytest.raises(nc.DataError) as info:
        nc.load_corpus(data_copy)
    [p] = info.value.problems
    assert (p.line, p.column) == (line, "hedged") and "'maybe' is not a boolean" in p.message
