"""SHACL validation of a store's graph against ontology/shapes.ttl (pyshacl)."""
from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox
import rdflib

from ontology import SCHEMA_PATH, SHAPES_PATH


@dataclass(slots=True)
class Validation:
    conforms: bool
    violations: int
    report: str
    warnings: int = 0


def store_graph(store) -> rdflib.Graph:
    """The union of the store's graphs as an rdflib Graph."""
    triples = {ox.Triple(q.subject, q.predicate, q.object) for q in store.quads()}
    data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
    return rdflib.Graph().parse(data=data.decode(), format="nt")


def validate_graph(data: rdflib.Graph) -> Validation:
    """Run the shapes over ``data`` with the schema as ontology graph."""
    from pyshacl import validate

    shapes = rdflib.Graph().parse(SHAPES_PATH, format="turtle")
    schema = rdflib.Graph().parse(SCHEMA_PATH, format="turtle")
    conforms, results, text = validate(data, shacl_graph=shapes, ont_graph=schema, inference="none", advanced=True, allow_warnings=True)
    sh = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    n = sum(1 for r in results.subjects(rdflib.RDF.type, sh.ValidationResult) if (r, sh.resultSeverity, sh.Violation) in results)
    w = sum(1 for r in results.subjects(rdflib.RDF.type, sh.ValidationResult) if (r, sh.resultSeverity, sh.Warning) in results)
    return Validation(bool(conforms), n, text, w)
