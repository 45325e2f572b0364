"""Metric families as SUBCLASS_OF edges (issue 27 item 3): "top-1 accuracy"
is a kind of "accuracy" in both stores, from ontology/metrics.py FAMILY, and
the graph still passes SHACL."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from kg.build import build
from kg.linking import Linker
from kg.stores import open_store
from kg.validate import store_graph, validate_graph
from ontology import EntityType
from ontology.metrics import FAMILY

ABSTRACTS = [  # real sentences of ../shared abstracts' kind: a family member and a plain family name
    {"id": "p1", "title": "Searching for MobileNetV3",
     "abstract": "MobileNetV3-Large is 3.2% more accurate on ImageNet classification, reaching 75.2% top-1 accuracy."},
    {"id": "p2", "title": "Speech", "abstract": "Our model reduces the word error rate to 5.8% on LibriSpeech test-clean."},
]


REPO = Path(__file__).resolve().parents[1]
#: The family queries of docs/queries.md, verbatim.
SPARQL = """SELECT ?title ?metric ?value ?unit WHERE {
  ?d skos:prefLabel ?dsname . ?f skos:prefLabel ?family .
  ?p dcterms:title ?title ; kg:reports ?r .
  ?r kg:evaluatesOn ?d ; kg:measures ?m ; kg:kind "absolute" ; qudt:numericValue ?value ; kg:unit ?unit .
  ?m kg:subclassOf* ?f ; skos:prefLabel ?metric .
} ORDER BY DESC(?value)"""
CYPHER = """MATCH (p:Paper)-[:REPORTS]->(r:Result {kind: 'absolute'})-[:EVALUATES_ON]->(:Entity {name: $dataset})
MATCH (r)-[:MEASURES]->(m:Metric)-[:SUBCLASS_OF*0..]->(:Metric {name: $family})
RETURN p.title AS title, m.name AS metric, r.value AS value, r.unit AS unit ORDER BY r.value DESC"""


def test_family_queries_are_the_docs():
    doc = (REPO / "docs" / "queries.md").read_text(encoding="utf-8")
    assert SPARQL in doc and CYPHER in doc


def test_linker_gives_metric_entries_their_family():
    linker = Linker()
    top1 = linker.observe(linker.resolve("top-1 accuracy"), "top-1 accuracy", EntityType.METRIC)
    assert top1.subclass_of == linker.resolve("accuracy")
    assert linker.registry[top1.subclass_of].name == "accuracy"  # the family is registered, so it is written
    wer = linker.observe(linker.resolve("WER"), "WER", EntityType.METRIC)
    assert linker.registry[wer.subclass_of].name == FAMILY["word error rate"] == "error rate"
    acc = linker.observe(linker.resolve("accuracy"), "accuracy", EntityType.METRIC)
    assert acc.subclass_of is None  # a family at the top has none


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    d = tmp_path_factory.mktemp("fam")
    src = d / "in.jsonl"
    src.write_text("".join(json.dumps(a) + "\n" for a in ABSTRACTS), encoding="utf-8")
    path = d / "store"
    store = open_store(str(path))
    build([str(src)], store, fast=True)
    yield store
    store.close()


def test_rdf_store_states_the_family_and_passes_shacl(built):
    rows = built.query("SELECT ?a ?b WHERE { ?m kg:subclassOf ?f . ?m a kg:Metric ; skos:prefLabel ?a . "
                       "?f a kg:Metric ; skos:prefLabel ?b }").rows
    assert ("top-1 accuracy", "accuracy") in {tuple(r) for r in rows}
    assert ("word error rate", "error rate") in {tuple(r) for r in rows}
    v = validate_graph(store_graph(built))
    assert v.conforms, v.report
    # the docs' family query: absolute scores measured by any kind of accuracy on ImageNet
    rows = built.query(SPARQL, {"dsname": "ImageNet", "family": "accuracy"}).rows
    assert [(r[0], r[1], float(r[2])) for r in rows] == [("Searching for MobileNetV3", "top-1 accuracy", 75.2)]


def test_bolt_store_states_the_family(tmp_path):
    pytest.importorskip("neo4j")
    sys.path.insert(0, str(Path(__file__).parent))
    from bolt_server import bolt_server

    from kg.stores.neo4j import Neo4jStore

    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(a) + "\n" for a in ABSTRACTS), encoding="utf-8")
    with bolt_server() as (url, options):
        store = Neo4jStore(url, **options)
        store.init_db()
        store.clear()
        try:
            build([str(src)], store, fast=True)
            rows = store.query("MATCH (m:Metric)-[r:SUBCLASS_OF]->(f:Metric) RETURN m.name, f.name, r.paper").rows
            assert ["top-1 accuracy", "accuracy", "#entities"] in rows
            rows = store.query(CYPHER, {"dataset": "ImageNet", "family": "accuracy"}).rows
            assert [r[:3] for r in rows] == [["Searching for MobileNetV3", "top-1 accuracy", 75.2]]
        finally:
            store.clear()
            store.close()
