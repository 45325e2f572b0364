"""Reusable read queries over any store (SPARQL or Cypher by capability)."""
from __future__ import annotations

from ontology import EntityType, RelationType, rdf_property, sparql_prefixes

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


ENTITIES_SPARQL = """
SELECT ?id ?type ?name (COUNT(DISTINCT ?p) AS ?papers) (GROUP_CONCAT(DISTINCT ?alias; separator=" | ") AS ?aliases) ?votes
       ?kind ?pwc WHERE {
  ?e a kg:Entity ; a ?cls ; kg:entityId ?id ; skos:prefLabel ?name .
  FILTER(?cls != kg:Entity)
  BIND(STRAFTER(STR(?cls), "#") AS ?type)
  OPTIONAL { ?e skos:altLabel ?alias }
  OPTIONAL { ?p a kg:Paper ; ?rel ?e }
  OPTIONAL { ?e kg:typeVotes ?votes }
  OPTIONAL { ?e kg:nodeKind ?kind }
  OPTIONAL { ?e <http://www.w3.org/2002/07/owl#sameAs> ?pwcIri BIND(STR(?pwcIri) AS ?pwc) }
} GROUP BY ?id ?type ?name ?votes ?kind ?pwc ORDER BY DESC(?papers) ?name
"""


def entities(store: Store, etype: str | None = None, top: int | None = None, conflicts: bool = False,
             one_paper: bool = False) -> list[list]:
    """``[id, type, name, papers, aliases, type votes, kind, external id]``
    rows, most papers first; ``one_paper``: only those of at most one paper
    (the long tail, for review; ``papers`` counts the papers that state a
    relation to it, so an entity only mentioned has 0), by type and name."""
    rows = store.query(sparql_prefixes() + ENTITIES_SPARQL).rows
    if etype:
        rows = [r for r in rows if r[1] == etype]
    if conflicts:
        rows = [r for r in rows if r[5] and ";" in r[5]]
    if one_paper:
        rows = sorted((r for r in rows if int(r[3]) <= 1), key=lambda r: (r[1], str(r[2]).casefold()))
    return rows[:top] if top else rows


SHOW_RELATIONS_SPARQL = """
SELECT ?rel ?direction ?otherName ?title ?sourceId ?sentence ?extractor ?confidence WHERE {
  { ?ev kg:assertedObject ?e ; kg:assertedSubject ?other . BIND("in" AS ?direction) }
  UNION
  { ?ev kg:assertedSubject ?e ; kg:assertedObject ?other . BIND("out" AS ?direction) }
  ?ev kg:assertedPredicate ?p ; kg:sentence ?sentence ; kg:extractor ?extractor ;
      kg:confidence ?confidence ; prov:wasDerivedFrom ?paper .
  ?paper dcterms:title ?title .
  OPTIONAL { ?paper kg:sourceId ?sourceId }
  OPTIONAL { ?other skos:prefLabel ?oname }
  OPTIONAL { ?other dcterms:title ?otitle }
  BIND(COALESCE(?oname, ?otitle) AS ?otherName)
  VALUES (?p ?rel) { %s }
} ORDER BY ?rel ?title
"""
SHOW_RELATIONS_SPARQL = SHOW_RELATIONS_SPARQL % " ".join(
    f"(<{rdf_property(r)}> \"{r.value}\")" for r in RelationType
)
SHOW_FAMILY_SPARQL = """
SELECT ?relation ?name WHERE {
  { ?e kg:variantOf ?o . ?o skos:prefLabel ?name . BIND("variant of" AS ?relation) }
  UNION { ?o kg:variantOf ?e . ?o skos:prefLabel ?name . BIND("has variant" AS ?relation) }
  UNION { ?e kg:partOf ?o . ?o skos:prefLabel ?name . BIND("part of" AS ?relation) }
  UNION { ?o kg:partOf ?e . ?o skos:prefLabel ?name . BIND("has part" AS ?relation) }
  UNION { ?e skos:altLabel ?name . BIND("alias" AS ?relation) }
  UNION { ?e <http://www.w3.org/2002/07/owl#sameAs> ?same . BIND(STR(?same) AS ?name) BIND("same as (Papers with Code)" AS ?relation) }
  UNION { ?e kg:nodeKind ?name . BIND("node kind" AS ?relation) }
} ORDER BY ?relation ?name
"""


def find_entity(store: Store, name: str) -> list[list]:
    """``[iri, id, name]`` of the entities ``name`` names (name, alias or id,
    any case), through the one resolver every command uses (:mod:`kg.resolve`)."""
    from .resolve import resolve

    return [[ref.key, ref.id, ref.name] for ref in resolve(store, name)]


def show_entity(store: Store, iri: str) -> tuple[list[list], list[list]]:
    """(family/alias rows, relation rows with evidence) of one entity IRI."""
    fam = store.query(sparql_prefixes() + SHOW_FAMILY_SPARQL, {"e": f"<{iri}>"}).rows
    rels = store.query(sparql_prefixes() + SHOW_RELATIONS_SPARQL, {"e": f"<{iri}>"}).rows
    return fam, rels
