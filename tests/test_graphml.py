"""``kg export --format graphml``: papers and entities for Gephi and Cytoscape.

Read back with networkx and with a plain XML parser; node types and paper
counts are checked against the store's own answers, and the Oxigraph and
Bolt backends give the same graph.
"""
from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from conftest import FIXTURES

from kg.cli import main
from ontology import EntityType, NodeLabel, RelationType

NS = "{http://graphml.graphdrawing.org/xmlns}"
#: two more papers that share datasets with the fixtures (so counts exceed 1)
SHARED = [
    {"id": "s1", "title": "Sharper Residual Networks", "abstract": "We train ResNet-50 on ImageNet and CIFAR-10 and "
     "report top-1 accuracy. Our method outperforms ResNet-50 on ImageNet by 1.2 points."},
    {"id": "s2", "title": "Token Pruning for Vision Transformers", "abstract": "We prune tokens of ViT-B and evaluate "
     "on ImageNet and CIFAR-10, reaching 81.0% top-1 accuracy on ImageNet."},
]


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> list[str]:
    import json

    extra = tmp_path_factory.mktemp("graphml-in") / "shared.jsonl"
    extra.write_text("".join(json.dumps(r) + "\n" for r in SHARED))
    return [str(FIXTURES / "sources" / "papers.jsonl"), str(FIXTURES / "sources" / "papers.csv"), str(extra)]


@pytest.fixture(scope="module")
def store(tmp_path_factory, inputs) -> Path:
    path = tmp_path_factory.mktemp("graphml") / "store"
    r = CliRunner().invoke(main, ["build", *inputs, "--store", str(path), "-q"])
    assert r.exit_code == 0, r.output
    return path


@pytest.fixture(scope="module")
def exported(store, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("graphml") / "graph.graphml"
    r = CliRunner().invoke(main, ["export", "--format", "graphml", "-o", str(out), "--store", str(store)])
    assert r.exit_code == 0, r.output
    return out


def test_types_and_paper_counts_match_the_store(store, exported):
    from kg import queries
    from kg.stores import open_store

    g = nx.read_graphml(exported, force_multigraph=True)
    st = open_store(str(store), read_only=True)
    try:
        rows = queries.entities(st)  # [id, type, name, papers, aliases, votes]
        n_papers = st.query("SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a kg:Paper }").rows[0][0]
    finally:
        st.close()
    types = {d["type"] for _, d in g.nodes(data=True)}
    assert types <= {lbl.value for lbl in NodeLabel} - {NodeLabel.RESULT.value}
    assert sum(1 for _, d in g.nodes(data=True) if d["type"] == "Paper") == n_papers
    for eid, etype, name, papers, *_ in rows:
        d = g.nodes[f"entity:{eid}"]
        assert (d["type"], d["label"], d["papers"]) == (etype, name, papers)
    assert any(d["papers"] > 1 for _, d in g.nodes(data=True) if d["type"] in {t.value for t in EntityType})


def test_edges_have_types_weights_and_unique_ids(exported):
    g = nx.read_graphml(exported, force_multigraph=True)
    assert g.number_of_edges() > 0
    for s, o, d in g.edges(data=True):
        assert d["type"] in {r.value for r in RelationType} and d["label"] == d["type"]
        assert d["weight"] == d["papers"] >= 1
    root = ET.parse(exported).getroot()
    ids = [e.get("id") for e in root.iter(NS + "edge")]
    assert len(ids) == len(set(ids)), "Gephi merges edges that share an id"
    nodes = {n.get("id") for n in root.iter(NS + "node")}
    assert all(e.get("source") in nodes and e.get("target") in nodes for e in root.iter(NS + "edge"))


def test_paper_nodes_carry_the_source_id(exported):
    g = nx.read_graphml(exported)
    by_title = {d["label"]: d.get("source_id") for _, d in g.nodes(data=True) if d["type"] == "Paper"}
    assert by_title["Sparse Mixture Adapters for Low-Resource Speech Translation"] == "p1"
    assert by_title["Low-Rank Distillation of Diffusion Policies"] == "c1"
    assert by_title["Token Pruning for Vision Transformers"] == "s2"


def test_directory_argument_is_a_usage_error(store, tmp_path):
    r = CliRunner().invoke(main, ["export", str(tmp_path), "--format", "graphml", "--store", str(store)])
    assert r.exit_code == 2


def test_bolt_store_exports_the_same_graph(exported, inputs):
    pytest.importorskip("neo4j")
    sys.path.insert(0, str(Path(__file__).parent))
    from bolt_server import bolt_server

    from kg.build import build
    from kg.exports_graphml import graphml_graph
    from kg.stores.neo4j import Neo4jStore

    with bolt_server() as (url, options):
        st = Neo4jStore(url, **options)
        try:
            st.clear()
            build(inputs, st)
            bolt = graphml_graph(st)
            st.clear()
        finally:
            st.close()
    ox = nx.read_graphml(exported, force_multigraph=True)

    def nodes(g):
        return {(n, d["type"], d["label"], d["papers"], d.get("source_id")) for n, d in g.nodes(data=True)}

    def edges(g):
        return sorted((s, o, d["type"], d["papers"]) for s, o, d in g.edges(data=True))

    assert nodes(bolt) == nodes(ox)
    assert edges(bolt) == edges(ox)


def test_missing_output_directory_is_one_line(store, tmp_path):
    r = CliRunner().invoke(main, ["export", "--format", "graphml", "-o", str(tmp_path / "nope" / "g.graphml"), "--store", str(store)])
    assert r.exit_code == 1 and "no directory" in r.output and not (tmp_path / "nope").exists()
