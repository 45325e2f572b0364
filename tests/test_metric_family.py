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
    # a family query: results measured by any kind of accuracy
    rows = built.query("SELECT ?v WHERE { ?r kg:measures/kg:subclassOf* ?f . ?f skos:prefLabel 'accuracy' . "
                       "?r qudt:numericValue ?v }").rows
    assert 75.2 in {float(r[0]) for r in rows}


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
            rows = store.query("MATCH (r:Result)-[:MEASURES]->(:Metric)-[:SUBCLASS_OF*0..]->(f:Metric {name: 'accuracy'}) "
                               "RETURN r.value").rows
            assert [75.2] in rows
        finally:
            store.clear()
            store.close()
