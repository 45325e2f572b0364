"""Reusable read queries over any store (SPARQL or Cypher by capability)."""
from __future__ import annotations

from ontology import EntityType, sparql_prefixes

from .stores import CYPHER, Store

TOP_SPARQL = """
SELECT ?type ?name (COUNT(DISTINCT ?p) AS ?papers) WHERE {
  ?p a kg:Paper ; ?rel ?e .
  ?e a kg:Entity ; a ?cls ; skos:prefLabel ?name .
  FILTER(?cls != kg:Entity)
  BIND(STRAFTER(STR(?cls), "#") AS ?type)
} GROUP BY ?type ?name ORDER BY ?type DESC(?papers) ?name
"""
TOP_CYPHER = """
MATCH (p:Paper)-->(e:Entity)
RETURN [l IN labels(e) WHERE l <> 'Entity'][0] AS type, e.name AS name, count(DISTINCT p) AS papers
ORDER BY type, papers DESC, name
"""


def top_entities(store: Store, top: int) -> list[list]:
    """``[type, name, papers]`` rows, the ``top`` entities of each type."""
    if CYPHER in store.capabilities:
        rows = store.query(TOP_CYPHER).rows
    else:
        rows = store.query(sparql_prefixes() + TOP_SPARQL).rows
    out: list[list] = []
    seen: dict[str, int] = {}
    for t, name, n in rows:
        if t not in {e.value for e in EntityType}:
            continue
        if seen.get(t, 0) < top:
            out.append([t, name, n])
            seen[t] = seen.get(t, 0) + 1
    return out
