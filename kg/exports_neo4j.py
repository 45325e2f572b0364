"""``neo4j-admin database import`` CSVs: nodes_<Label>.csv and rels_<TYPE>.csv.

Reads a Cypher store (via its query interface) or an iterable of PaperGraph
(plus optional EntityRecords), or an RDF store via SPARQL.
"""
from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path

from ontology import NodeLabel, RelationType, rdf_property

_REL_PROPS = [("paper", "string"), ("evidence", "string"), ("field", "string"), ("start", "int"), ("end", "int"),
              ("extractor", "string"), ("confidence", "float")]
_NODE_PROPS = {
    "Paper": [("title", "string"), ("abstract", "string"), ("key", "string"), ("date", "string"), ("source_id", "string")],
    "Result": [("paper", "string"), ("value", "float"), ("unit", "string"), ("kind", "string"), ("text", "string"),
               ("field", "string"), ("start", "int"), ("end", "int"), ("qualifier", "string"),
               ("direction", "string"), ("scale", "string"), ("own", "boolean")],
}
_ENTITY_PROPS = [("name", "string")]


def _header(props):
    return [f"{k}:{t}" if t != "string" else k for k, t in props]


_SPARQL_PAPERS = """SELECT ?p ?title ?abstract ?key ?date ?sid WHERE {
  ?p a kg:Paper ; dcterms:title ?title ; dcterms:abstract ?abstract ; kg:paperKey ?key .
  OPTIONAL { ?p dcterms:date ?date } OPTIONAL { ?p kg:sourceId ?sid } }"""
_SPARQL_ENTITIES = """SELECT ?id ?cls ?name WHERE {
  ?e a kg:Entity ; a ?cls ; kg:entityId ?id ; skos:prefLabel ?name . FILTER(?cls != kg:Entity) }"""
_SPARQL_EVIDENCE = """SELECT ?s ?p ?o ?paper ?sentence ?field ?start ?end ?extractor ?confidence WHERE {
  ?ev a kg:Evidence ; kg:assertedSubject ?s ; kg:assertedPredicate ?p ; kg:assertedObject ?o ;
      prov:wasDerivedFrom ?paper ; kg:sentence ?sentence ; kg:field ?field ; oa:start ?start ; oa:end ?end ;
      kg:extractor ?extractor ; kg:confidence ?confidence }"""
_SPARQL_RESULTS = """SELECT ?r ?paper ?value ?unit ?kind ?text ?field ?start ?end ?qualifier ?metric ?dataset WHERE {
  ?paper kg:reports ?r . ?r qudt:numericValue ?value ; kg:unit ?unit ; kg:kind ?kind ; kg:resultText ?text ;
     kg:field ?field ; oa:start ?start ; oa:end ?end .
  OPTIONAL { ?r kg:qualifier ?qualifier } OPTIONAL { ?r kg:measures ?metric } OPTIONAL { ?r kg:evaluatesOn ?dataset } }"""
#: Entity descriptions only (a paper's graph may also state kg:partOf, with
#: evidence: those come with the paper's relations).
_SPARQL_FAMILY = ("SELECT ?s ?p ?o WHERE { GRAPH <https://w3id.org/mlkg/id/graph/entities> "
                  "{ ?s ?p ?o . VALUES ?p { kg:variantOf kg:partOf kg:subclassOf } } }")


def _from_sparql(store, nodes: dict, rels: dict) -> None:
    """Nodes and relationships of an RDF store, with the Bolt backend's ids
    (entity and paper ids; results ``<paper>#result/<i>``)."""
    from ontology import sparql_prefixes

    from .stores.rdf import id_of

    pre = sparql_prefixes()
    rel_by_iri = {str(rdf_property(t)): t.value for t in RelationType}
    for p, title, abstract, key, date, sid in store.query(pre + _SPARQL_PAPERS).rows:
        nodes["Paper"].append({"id": id_of(p), "title": title, "abstract": abstract, "key": key, "date": date, "source_id": sid})
    for eid, cls, name in store.query(pre + _SPARQL_ENTITIES).rows:
        nodes[cls.rsplit("#", 1)[-1]].append({"id": eid, "name": name})
    for s, p, o, paper, sentence, fld, start, end, extractor, confidence in store.query(pre + _SPARQL_EVIDENCE).rows:
        rels[rel_by_iri[p]].append({"_start": id_of(s), "_end": id_of(o), "paper": id_of(paper), "evidence": sentence,
                                    "field": fld, "start": start, "end": end, "extractor": extractor, "confidence": confidence})
    for r, paper, value, unit, kind, text, fld, start, end, qual, metric, dataset in store.query(pre + _SPARQL_RESULTS).rows:
        pid = id_of(paper)
        rid = f"{pid}#result/{r.rsplit('/', 1)[-1]}"
        nodes["Result"].append({"id": rid, "paper": pid, "value": value, "unit": unit, "kind": kind, "text": text,
                                "field": fld, "start": start, "end": end, "qualifier": qual})
        rels["REPORTS"].append({"_start": pid, "_end": rid, "paper": pid})
        if metric:
            rels["MEASURES"].append({"_start": rid, "_end": id_of(metric), "paper": pid})
        if dataset:
            rels["EVALUATES_ON"].append({"_start": rid, "_end": id_of(dataset), "paper": pid})
    for s, p, o in store.query(pre + _SPARQL_FAMILY).rows:
        rels[rel_by_iri[p]].append({"_start": id_of(s), "_end": id_of(o), "paper": "#entities"})


def export_neo4j_csv(source, directory) -> list[Path]:
    """Write the CSVs into ``directory``; returns the files written."""
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    nodes: dict[str, list[dict]] = defaultdict(list)
    rels: dict[str, list[dict]] = defaultdict(list)
    if getattr(source, "query_language", None) == "cypher":
        for lbl in NodeLabel:
            for (props,) in source.query(f"MATCH (n:{lbl.value}) RETURN properties(n)").rows:
                nodes[lbl.value].append(props)
        for t in RelationType:
            q = f"MATCH (a)-[r:{t.value}]->(b) RETURN a.id, b.id, properties(r)"
            for a, b, props in source.query(q).rows:
                rels[t.value].append({"_start": a, "_end": b, **props})
    elif getattr(source, "query_language", None) == "sparql":
        _from_sparql(source, nodes, rels)
    elif getattr(source, "query_language", None):
        raise NotImplementedError(f"neo4j-csv export from a {source.query_language} store")
    else:
        from .stores.neo4j import paper_rows

        for paper in source:
            data = paper_rows([paper])
            for p in data["papers"]:
                nodes["Paper"].append({"id": p["id"], **p["props"]})
            for r in data["results"]:
                nodes["Result"].append({"id": r["id"], **r["props"]})
                rels["REPORTS"].append({"_start": r["paper"], "_end": r["id"], "paper": r["paper"]})
            for (t, _s, _o), rows in data["relationships"].items():
                if t in RelationType.__members__:
                    rels[t].extend({"_start": r["source"], "_end": r["target"], "paper": r["paper"], **r["props"]}
                                   for r in rows)
    written = []
    for label, rows in nodes.items():
        props = _NODE_PROPS.get(label, _ENTITY_PROPS)
        path = out / f"nodes_{label}.csv"
        with open(path, "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh)
            w.writerow(["id:ID", *_header(props), ":LABEL"])
            labels = label if label in ("Paper", "Result") else f"Entity;{label}"
            for row in rows:
                w.writerow([row.get("id"), *[row.get(k, "") for k, _ in props], labels])
        written.append(path)
    for t, rows in rels.items():
        path = out / f"rels_{t}.csv"
        with open(path, "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh)
            w.writerow([":START_ID", ":END_ID", *_header(_REL_PROPS), ":TYPE"])
            for row in rows:
                w.writerow([row["_start"], row["_end"], *[row.get(k, "") for k, _ in _REL_PROPS], t])
        written.append(path)
    return written
