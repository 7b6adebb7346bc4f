"""Exports: GraphML read back with networkx equals the graph in memory; the DNA list."""

from __future__ import annotations

import networkx as nx
import pandas as pd
import pytest

import newsclaims as nc
from newsclaims import analysis as an


@pytest.fixture(scope="module")
def art():
    return nc.load_article()


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
    assert set(joint["agreement"]) == {0}
    undated = dna[dna["statement_id"] == "cnn22_s13"].iloc[0]
    assert (undated["date"], undated["date_from"]) == ("2022-02-22", "published")
    assert dna["organization"].isin(an.names(art).values()).all()
