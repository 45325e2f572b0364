"""GraphML export for Gephi and Cytoscape (``kg export --format graphml``).

Network tools read GraphML, not RDF: this writes the papers and entities of
any store (SPARQL or Cypher, read by :func:`kg.views.subgraph.read_graph`)
with networkx's ``write_graphml``. Result nodes are left out (they are
numbers about a paper, not nodes of the literature's network).

Node ids are ``paper:<paper id>`` and ``entity:<canonical id>`` whichever the
store, so exports of the two backends compare. Node attributes: ``label``
(entity name or paper title, what Gephi and Cytoscape show), ``type``
(Paper, Method, Dataset, Benchmark, Metric, Task), ``papers`` (papers linked
to the entity; 1 for a paper), ``kg_id``, and ``aliases`` (`` | ``-joined),
``date`` and ``source_id`` (the input record's own id) where known. Edges
keep one per (source, type, target) with ``label`` and ``type`` (the
relation type), ``papers`` (how many papers
assert it), ``weight`` (the same, for Gephi's layouts) and ``evidence`` (the
shortest sentence).
"""
from __future__ import annotations

from typing import BinaryIO

import networkx as nx

from ontology import sparql_prefixes

from .stores import CYPHER, Store
from .views.subgraph import PAPER, RESULT, read_graph

_SPARQL_SOURCE_IDS = "SELECT ?p ?sid WHERE { ?p a kg:Paper ; kg:sourceId ?sid }"
_CYPHER_SOURCE_IDS = "MATCH (p:Paper) WHERE p.source_id IS NOT NULL RETURN p.id, p.source_id"


def _source_ids(store: Store) -> dict[str, str]:
    """Paper id -> the user's record id."""
    if CYPHER in store.capabilities:
        return {str(pid): str(sid) for pid, sid in store.query(_CYPHER_SOURCE_IDS).rows}
    from .stores.rdf import id_of

    return {id_of(p): str(sid) for p, sid in store.query(sparql_prefixes() + _SPARQL_SOURCE_IDS).rows}


def graphml_graph(store: Store) -> nx.MultiDiGraph:
    """Papers and entities of ``store`` with GraphML-ready (scalar) attributes."""
    g = read_graph(store)
    sids = _source_ids(store)
    out = nx.MultiDiGraph()
    key = {}
    for n, d in g.nodes(data=True):
        if d["kind"] == RESULT:
            continue
        key[n] = f"{d['kind']}:{d['id']}"
        attrs = {"label": d["name"], "type": d["type"], "papers": int(d["papers"]), "kg_id": d["id"]}
        if d.get("aliases"):
            attrs["aliases"] = " | ".join(d["aliases"])
        if d["kind"] == PAPER:
            if d.get("date"):
                attrs["date"] = d["date"]
            if d["id"] in sids:
                attrs["source_id"] = sids[d["id"]]
        out.add_node(key[n], **attrs)
    edges = sorted((key[s], rel, key[o], d) for s, o, rel, d in g.edges(keys=True, data=True) if s in key and o in key)
    for i, (s, rel, o, d) in enumerate(edges):
        attrs = {"label": rel, "type": rel, "papers": int(d["papers"]), "weight": float(d["papers"])}
        if d.get("evidence"):
            attrs["evidence"] = d["evidence"][0]
        out.add_edge(s, o, key=f"e{i}", **attrs)  # the key is the GraphML edge id: unique
    return out


def export_graphml(store: Store, out: BinaryIO) -> nx.MultiDiGraph:
    """Write the GraphML document to ``out``; returns the graph written."""
    g = graphml_graph(store)
    nx.write_graphml(g, out, encoding="utf-8", prettyprint=True)
    return g


__all__ = ["export_graphml", "graphml_graph"]
