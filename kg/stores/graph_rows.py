"""The statement rows of a batch of papers: pure data, no driver.

Split out of :mod:`kg.stores.neo4j` because what a batch of papers becomes
(paper rows, entity stubs, result rows, relationships grouped by type and
endpoint kinds) is apart from talking to a Bolt server: the neo4j-csv export
(:mod:`kg.exports_neo4j`) reads :func:`paper_rows` without a server, and the
write path's :func:`grouped_rows` is checked against it by a test
(tests/test_neo4j_store.py). The statements the rows feed are
:mod:`kg.stores.cypher`.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from ontology import RelationType

from ..model import PaperGraph
from . import cypher


_META_KEYS = ("authors_count", "organization", "upvotes", "arxiv_id", "doi", "url")


def paper_props(paper: PaperGraph) -> dict[str, Any]:
    props: dict[str, Any] = {"title": paper.title, "abstract": paper.abstract, "key": paper.key}
    if paper.date:
        props["date"] = paper.date
    props["sources"] = [f"{s.file}:{s.line}" for s in paper.sources]
    if paper.source_id:
        props["source_id"] = paper.source_id
    for key in _META_KEYS:
        if paper.meta.get(key) not in (None, ""):
            props[key] = paper.meta[key]
    if paper.meta.get("authors"):
        props["authors"] = [str(a) for a in paper.meta["authors"]]
    return props


def paper_rows(papers: list[PaperGraph]) -> dict[str, Any]:
    """Statement rows for a batch of papers (pure; see :mod:`kg.stores.cypher`)."""
    paper_list, stubs, results = [], {}, []
    rels: dict[tuple[str, str, str], dict[tuple[str, str, str], dict]] = defaultdict(dict)
    for paper in papers:
        pid = paper.id
        paper_list.append({"id": pid, "props": paper_props(paper)})

        def kind(ref: str) -> str:
            if ref == pid:
                return cypher.PAPER
            stubs[ref] = {"id": ref}
            return cypher.ENTITY

        for rel in paper.relations:
            s_kind, t_kind = kind(rel.source), kind(rel.target)
            e = rel.evidence
            props = {
                "evidence": e.text, "field": e.field, "start": int(e.start), "end": int(e.end),
                "extractor": rel.extractor, "confidence": round(float(rel.confidence), 3),
            }
            # one edge per (source, type, target, paper); the last evidence wins
            rels[(rel.type.value, s_kind, t_kind)][(rel.source, rel.target, pid)] = {
                "source": rel.source, "target": rel.target, "paper": pid, "props": props,
            }
        for i, res in enumerate(paper.results):
            rid = f"{pid}#result/{i}"
            props = {
                "paper": pid, "value": float(res.value), "unit": res.unit, "kind": res.kind, "text": res.span.text,
                "field": res.span.field, "start": int(res.span.start), "end": int(res.span.end),
            }
            if res.qualifier:
                props["qualifier"] = res.qualifier
            props["own"] = bool(res.own)
            for key in ("metric", "dataset", "method", "measure", "direction", "scale", "over", "subset"):
                if getattr(res, key):
                    props[key] = getattr(res, key)
            results.append({"id": rid, "paper": pid, "props": props})
            for ref, t in ((res.metric, RelationType.MEASURES.value), (res.dataset, RelationType.EVALUATES_ON.value),
                           (res.method, cypher.ACHIEVED_BY)):
                if ref:
                    kind(ref)
                    rels[(t, cypher.RESULT, cypher.ENTITY)][(rid, ref, pid)] = {
                        "source": rid, "target": ref, "paper": pid, "props": {},
                    }
    return {
        "papers": paper_list,
        "stubs": list(stubs.values()),
        "results": results,
        "relationships": {k: list(v.values()) for k, v in rels.items()},
    }


_TYPE_NAMES = {t: t.value for t in RelationType}


def grouped_rows(papers: list[PaperGraph]) -> dict[str, Any]:
    """The write path's rows in one pass: :func:`paper_rows` (which the
    neo4j-csv export reads) regrouped as the list rows of
    :func:`cypher.create_results` and :func:`chunking.tabulate_edges` (a test
    checks they are equal), without the intermediate dict per relationship
    (about a third of the client's time per loaded relationship,
    bench/bench_bolt.py). A result's edges to its metric, dataset and method
    have no rows here: :func:`cypher.create_results` makes them from the
    result row."""
    paper_list: list[dict] = []
    stubs: dict[str, None] = {}
    results: list[list] = []
    rels: dict[tuple[str, str, str], dict[tuple[str, str, str], Any]] = defaultdict(dict)
    paper_kind, entity_kind = cypher.PAPER, cypher.ENTITY
    type_names = _TYPE_NAMES  # Enum.value is a slow descriptor: once per type, not per edge
    paper_fields = cypher.PAPER_FIELDS
    for paper in papers:
        pid = paper.id
        props = paper_props(paper)
        paper_list.append([pid, *(props.pop(k, None) for k in paper_fields), props])
        for rel in paper.relations:
            source, target = rel.source, rel.target
            if source == pid:
                s_kind = paper_kind
            else:
                s_kind = entity_kind
                stubs[source] = None
            if target == pid:
                t_kind = paper_kind
            else:
                t_kind = entity_kind
                stubs[target] = None
            e = rel.evidence
            rels[(type_names[rel.type], s_kind, t_kind)][(source, target, pid)] = [
                target, e.text, e.field, int(e.start), int(e.end), rel.extractor, round(float(rel.confidence), 3)]
        mine = []
        for i, res in enumerate(paper.results):
            span = res.span
            mine.append([i, float(res.value), res.unit, res.kind, span.text, span.field, int(span.start),
                         int(span.end), res.qualifier or None, res.metric or None, res.dataset or None,
                         res.method or None, res.measure or None, res.direction or None, res.scale or None,
                         bool(res.own), res.over or None, res.subset or None])
            for ref in (res.metric, res.dataset, res.method):
                if ref and ref != pid:
                    stubs[ref] = None
        if mine:
            results.append([pid, mine])
    relationships = {}
    for key, edges in rels.items():
        groups: dict[tuple[str, str], list] = {}
        for (source, _target, pid), edge in edges.items():
            groups.setdefault((pid, source), []).append(edge)
        relationships[key] = [[pid, source, group] for (pid, source), group in groups.items()]
    return {"papers": paper_list, "stubs": list(stubs), "results": results, "relationships": relationships}


def _entity_refs(paper: PaperGraph) -> Iterator[str]:
    """Every entity id a paper's rows refer to (its stubs in :func:`paper_rows`)."""
    for rel in paper.relations:
        for ref in (rel.source, rel.target):
            if ref != paper.id:
                yield ref
    for res in paper.results:
        for ref in (res.metric, res.dataset, res.method):
            if ref:
                yield ref
