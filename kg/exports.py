"""RDF exports of a store: Turtle, N-Triples, N-Quads, TriG, JSON-LD."""
from __future__ import annotations

from typing import BinaryIO

import pyoxigraph as ox

from ontology import PREFIXES

_OX = {"nt": ox.RdfFormat.N_TRIPLES, "ttl": ox.RdfFormat.TURTLE, "nq": ox.RdfFormat.N_QUADS, "trig": ox.RdfFormat.TRIG}


def _triples(store) -> list[ox.Triple]:
    seen: set[ox.Triple] = set()
    for q in store.quads():
        seen.add(ox.Triple(q.subject, q.predicate, q.object))
    return sorted(seen, key=str)


def export_rdf(store, fmt: str, out: BinaryIO) -> None:
    """Write the store's graph to ``out``; triples formats take the union graph."""
    if fmt in {"nq", "trig"}:
        ox.serialize(sorted(store.quads(), key=str), out, _OX[fmt], prefixes=PREFIXES if fmt == "trig" else None)
    elif fmt in {"nt", "ttl"}:
        ox.serialize(_triples(store), out, _OX[fmt], prefixes=PREFIXES if fmt == "ttl" else None)
    elif fmt == "jsonld":
        import rdflib

        g = rdflib.Graph()
        g.parse(data=ox.serialize(_triples(store), format=ox.RdfFormat.N_TRIPLES).decode(), format="nt")
        for p, iri in PREFIXES.items():
            g.bind(p, iri)
        out.write(g.serialize(format="json-ld", indent=1).encode())
    else:
        raise ValueError(f"unknown export format {fmt!r}")
