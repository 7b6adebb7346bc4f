"""Exports: GraphML read back with networkx equals the graph in memory; the DNA list."""

from __future__ import annotations

import copy

import networkx as nx
import pandas as pd
import pytest

import newsclaims as nc
from newsclaims import analysis as an


@pytest.mark.parametrize("network", ["affiliation", "congruence", "conflict"])
def test_graphml_round_trip(art, tmp_path, network):
    path = nc.export.to_graphml(art, tmp_path / f"{network}.graphml", network=network)
    back = nx.read_graphml(path)
    graph = nc.export.NETWORKS[network](art, "side")
    assert set(back.nodes) == set(graph.nodes)
    assert {frozenset(e) for e in back.edges} == {frozenset(e) for e in graph.edges}
    for u, v, data in graph.edges(data=True):
        assert back.edges[u, v] == data
    for n, data in graph.nodes(data=True):
        assert back.nodes[n] == data
    assert back.graph["network"] == network


def test_unknown_network(art, tmp_path):
    with pytest.raises(ValueError, match="affiliation, congruence, conflict"):
        nc.export.to_graphml(art, tmp_path / "x.graphml", network="friends")


def test_dna_csv(art, tmp_path):
    path = nc.export.to_dna_csv(art, tmp_path / "dna.csv")
    dna = pd.read_csv(path, keep_default_na=False)
    assert list(dna.columns[:5]) == ["date", "person", "organization", "concept", "agreement"]
    sided = art.positions[art.positions["stance"].isin(["support", "oppose"])]
    assert len(dna) == len(sided)  # neutral positions are left out
    wang = dna[dna["statement_id"] == "cnn22_s17"].iloc[0]
    assert (wang["date"], wang["person"], wang["organization"], wang["concept"], wang["agreement"]) == (
        "2022-02-19", "Wang Yi", "China", "Ukraine's sovereignty", 1)
    joint = dna[dna["statement_id"] == "cnn22_s24"]
    assert set(joint["organization"]) == {"China", "Russia"} and set(joint["person"]) == {""}
    assert set(joint.loc[joint["concept"] == "NATO enlargement", "agreement"]) == {0}
    # and China's backing of "Russia's central demand", which the article calls alignment
    assert joint.loc[joint["concept"] == "China–Russia alignment", ["organization", "agreement"]].values.tolist() == [
        ["China", 1]]
    undated = dna[dna["statement_id"] == "cnn22_s13"].iloc[0]
    assert (undated["date"], undated["date_from"]) == ("2022-02-22", "published")
    assert dna["organization"].isin(an.names(art).values()).all()


FORMULAS = {"concept": '=HYPERLINK("https://example.org","click")', "person": "@SUM(A1)",
            "text": "-2+3 said the quote", "organization": "+China"}


def test_dna_csv_never_writes_a_formula(art, tmp_path):
    """A text cell a spreadsheet would run (=, +, -, @, tab, CR first) is written with ' in front."""
    doctored = copy.deepcopy(art)
    doctored.topics.loc[doctored.topics["topic_id"] == "sovereignty", "label"] = FORMULAS["concept"]
    doctored.actors.loc[doctored.actors["actor_id"] == "wang_yi", "name"] = FORMULAS["person"]
    doctored.actors.loc[doctored.actors["actor_id"] == "china", "name"] = FORMULAS["organization"]
    doctored.statements.loc[doctored.statements["statement_id"] == "cnn22_s17", "quote"] = FORMULAS["text"]
    path = nc.export.to_dna_csv(doctored, tmp_path / "dna.csv")
    text = pd.read_csv(path, dtype=str, keep_default_na=False)
    wang = text[text["statement_id"] == "cnn22_s17"].iloc[0]
    for column in ("concept", "person", "text", "organization"):
        assert wang[column] == "'" + FORMULAS[column], column
    assert wang["speaker"] == "'" + FORMULAS["person"]  # the speaker's name is the same cell again
    for column in text.columns:
        assert not text[column].str.match(r"[=+\-@\t\r]").any(), column
    # numbers and the table in memory are left as they are
    numbers = pd.read_csv(path, keep_default_na=False)
    assert numbers["agreement"].dtype == "int64" and set(numbers["agreement"]) == {0, 1}
    assert nc.export.dna_table(doctored).set_index("statement_id").loc["cnn22_s17", "concept"] == FORMULAS["concept"]


def test_only_text_cells_are_neutralised():
    table = pd.DataFrame({"text": ["=1+1", "\rx", "fine", None], "n": [-1, 0, 1, 2], "x": [-0.5, 1.0, 2.0, 3.0]})
    safe = nc.export.safe_for_spreadsheets(table)
    assert safe["text"].tolist()[:3] == ["'=1+1", "'\rx", "fine"] and pd.isna(safe["text"].iloc[3])
    assert safe["n"].tolist() == [-1, 0, 1, 2] and safe["x"].tolist() == [-0.5, 1.0, 2.0, 3.0]
    assert table["text"].iloc[0] == "=1+1"  # a copy: the table passed in is unchanged
