"""``neo4j-admin database import`` CSVs: nodes_<Label>.csv and rels_<TYPE>.csv.

Reads a Cypher store (via its query interface) or an iterable of PaperGraph
(plus optional EntityRecords). SPARQL stores are not supported yet.
"""
from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path

from ontology import NodeLabel, RelationType

_REL_PROPS = [("paper", "string"), ("evidence", "string"), ("field", "string"), ("start", "int"), ("end", "int"),
              ("extractor", "string"), ("confidence", "float")]
_NODE_PROPS = {
    "Paper": [("title", "string"), ("abstract", "string"), ("key", "string"), ("date", "string")],
    "Result": [("paper", "string"), ("value", "float"), ("unit", "string"), ("kind", "string"), ("text", "string"),
               ("field", "string"), ("start", "int"), ("end", "int"), ("qualifier", "string")],
}
_ENTITY_PROPS = [("name", "string")]


def _header(props):
    return [f"{k}:{t}" if t != "string" else k for k, t in props]


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
