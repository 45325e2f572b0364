"""The RDF form of the interchange model (pure functions, pyoxigraph terms).

Layout (documented in README, "RDF layout"):

* one named graph per paper, ``<id/graph/{paper}>``, holding the paper node
  (``dcterms:title``, ``dcterms:abstract``, ``dcterms:date``), its direct
  relation triples (``kg:evaluatesOn`` ...), its results and one
  ``kg:Evidence`` node per relation (``kg:assertedSubject/Predicate/Object``,
  ``kg:sentence``, ``oa:start``/``oa:end``, ``kg:extractor``,
  ``kg:confidence``, ``prov:wasDerivedFrom`` the paper);
* the graph ``<id/graph/entities>`` with one description per canonical
  entity (``skos:prefLabel``, ``skos:altLabel``, ``kg:variantOf``, ``kg:partOf``).

Removing a paper is dropping its graph; an entity no paper graph mentions is
an orphan. Quoted text is always an RDF literal, never query text.
"""
from __future__ import annotations

import hashlib
from urllib.parse import quote

from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad

from ontology import DCTERMS, ID_BASE, KG, OA, PROV, QUDT, SKOS, RelationType, rdf_class, rdf_property

from ..model import PaperGraph, Relation
from .base import EntityRecord

OWL_SAME_AS = "http://www.w3.org/2002/07/owl#sameAs"

RDF_TYPE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
XSD = "http://www.w3.org/2001/XMLSchema#"
XSD_INT = NamedNode(XSD + "integer")
XSD_DOUBLE = NamedNode(XSD + "double")
ENTITIES_GRAPH = NamedNode(ID_BASE + "graph/entities")
_nodes: dict[str, NamedNode] = {}


def nn(iri: object) -> NamedNode:
    """Cached NamedNode for a vocabulary IRI."""
    key = str(iri)
    node = _nodes.get(key)
    if node is None:
        node = _nodes[key] = NamedNode(key)
    return node


def paper_iri(pid: str) -> NamedNode:
    return NamedNode(ID_BASE + "paper/" + quote(pid, safe=""))


def paper_graph(pid: str) -> NamedNode:
    return NamedNode(ID_BASE + "graph/" + quote(pid, safe=""))


def entity_iri(eid: str) -> NamedNode:
    return NamedNode(ID_BASE + "entity/" + quote(eid, safe=""))


def id_of(iri: str) -> str:
    """Entity or paper id back from its IRI."""
    from urllib.parse import unquote

    return unquote(iri.rsplit("/", 1)[-1])


def _lit(value: object) -> Literal:
    if isinstance(value, bool):
        return Literal(str(value).lower(), datatype=NamedNode(XSD + "boolean"))
    if isinstance(value, int):
        return Literal(str(value), datatype=XSD_INT)
    if isinstance(value, float):
        return Literal(repr(value), datatype=XSD_DOUBLE)
    return Literal(str(value))


def _node_for(ref: str, paper: PaperGraph) -> NamedNode:
    return paper_iri(ref) if ref == paper.id else entity_iri(ref)


def relation_quads(rel: Relation, paper: PaperGraph, g: NamedNode) -> list[Quad]:
    """The direct triple plus its evidence node."""
    s, o = _node_for(rel.source, paper), _node_for(rel.target, paper)
    p = nn(rdf_property(rel.type))
    digest = hashlib.sha1(f"{rel.type.value}|{rel.source}|{rel.target}".encode()).hexdigest()[:12]
    ev = NamedNode(f"{ID_BASE}evidence/{quote(paper.id, safe='')}/{digest}")
    e = rel.evidence
    return [
        Quad(s, p, o, g),
        Quad(ev, RDF_TYPE, nn(KG.Evidence), g),
        Quad(ev, nn(KG.assertedSubject), s, g),
        Quad(ev, nn(KG.assertedPredicate), p, g),
        Quad(ev, nn(KG.assertedObject), o, g),
        Quad(ev, nn(KG.sentence), _lit(e.text), g),
        Quad(ev, nn(KG.field), _lit(e.field), g),
        Quad(ev, nn(OA.start), _lit(e.start), g),
        Quad(ev, nn(OA.end), _lit(e.end), g),
        Quad(ev, nn(KG.extractor), _lit(rel.extractor), g),
        Quad(ev, nn(KG.confidence), _lit(round(rel.confidence, 3)), g),
        Quad(ev, nn(PROV.wasDerivedFrom), paper_iri(paper.id), g),
    ] + _mention_quads(ev, rel, g)


def _mention_quads(ev: NamedNode, rel: Relation, g: NamedNode) -> list[Quad]:
    """Offsets of the two mentions an entity-to-entity (or paper-to-entity)
    statement joins, in the evidence's field: ``kg:sourceStart`` ...
    ``kg:targetEnd``."""
    out = []
    for m, start, end in ((rel.source_mention, KG.sourceStart, KG.sourceEnd),
                          (rel.target_mention, KG.targetStart, KG.targetEnd)):
        if m is not None:
            out += [Quad(ev, nn(start), _lit(int(m.start)), g), Quad(ev, nn(end), _lit(int(m.end)), g)]
    return out


_META = {
    "authors_count": KG.authorsCount,
    "organization": KG.organization,
    "upvotes": KG.upvotes,
    "arxiv_id": KG.arxivId,
    "doi": DCTERMS.identifier,
    "url": DCTERMS.source,
}


def paper_quads(paper: PaperGraph) -> list[Quad]:
    """Every quad of one paper's named graph."""
    g = paper_graph(paper.id)
    p = paper_iri(paper.id)
    quads = [
        Quad(p, RDF_TYPE, nn(KG.Paper), g),
        Quad(p, nn(DCTERMS.title), _lit(paper.title), g),
        Quad(p, nn(DCTERMS.abstract), _lit(paper.abstract), g),
        Quad(p, nn(KG.paperKey), _lit(paper.key), g),
    ]
    if paper.date:
        quads.append(Quad(p, nn(DCTERMS.date), _lit(paper.date), g))
    for src in paper.sources:
        quads.append(Quad(p, nn(KG.sourceFile), _lit(f"{src.file}:{src.line}"), g))
    if paper.source_id:
        quads.append(Quad(p, nn(KG.sourceId), _lit(paper.source_id), g))
    for key, prop in _META.items():
        if paper.meta.get(key) not in (None, ""):
            quads.append(Quad(p, nn(prop), _lit(paper.meta[key]), g))
    for author in paper.meta.get("authors") or []:
        quads.append(Quad(p, nn(DCTERMS.creator), _lit(author), g))
    for rel in paper.relations:
        quads.extend(relation_quads(rel, paper, g))
    for i, res in enumerate(paper.results):
        r = NamedNode(f"{ID_BASE}result/{quote(paper.id, safe='')}/{i}")
        quads += [
            Quad(p, nn(rdf_property(RelationType.REPORTS)), r, g),
            Quad(r, RDF_TYPE, nn(KG.Result), g),
            Quad(r, nn(QUDT.numericValue), _lit(float(res.value)), g),
            Quad(r, nn(KG.unit), _lit(res.unit), g),
            Quad(r, nn(KG.kind), _lit(res.kind), g),
            Quad(r, nn(KG.resultText), _lit(res.span.text), g),
            Quad(r, nn(KG.field), _lit(res.span.field), g),
            Quad(r, nn(OA.start), _lit(res.span.start), g),
            Quad(r, nn(OA.end), _lit(res.span.end), g),
            Quad(r, nn(PROV.wasDerivedFrom), p, g),
        ]
        if res.qualifier:
            quads.append(Quad(r, nn(KG.qualifier), _lit(res.qualifier), g))
        quads.append(Quad(r, nn(KG.ownResult), _lit(bool(res.own)), g))
        for prop, val in ((KG.direction, res.direction), (KG.scale, res.scale), (KG.measure, res.measure), (KG.subset, res.subset)):
            if val:
                quads.append(Quad(r, nn(prop), _lit(val), g))
        if res.over:
            quads.append(Quad(r, nn(KG.over), entity_iri(res.over), g))
        for ref, rel_type in ((res.metric, RelationType.MEASURES), (res.dataset, RelationType.EVALUATES_ON)):
            if ref:
                quads.append(Quad(r, nn(rdf_property(rel_type)), entity_iri(ref), g))
        if res.method:
            quads.append(Quad(r, nn(KG.achievedBy), entity_iri(res.method), g))
    return quads


def entity_quads(entity: EntityRecord) -> list[Quad]:
    """The description of one canonical entity in the entities graph."""
    g = ENTITIES_GRAPH
    s = entity_iri(entity.id)
    quads = [
        Quad(s, RDF_TYPE, nn(rdf_class(entity.type)), g),
        Quad(s, RDF_TYPE, nn(KG.Entity), g),
        Quad(s, nn(SKOS.prefLabel), _lit(entity.name), g),
        Quad(s, nn(KG.entityId), _lit(entity.id), g),
    ]
    for alias in sorted(set(entity.aliases) - {entity.name}):
        quads.append(Quad(s, nn(SKOS.altLabel), _lit(alias), g))
    if entity.variant_of:
        quads.append(Quad(s, nn(KG.variantOf), entity_iri(entity.variant_of), g))
    if entity.part_of:
        quads.append(Quad(s, nn(KG.partOf), entity_iri(entity.part_of), g))
    if entity.subclass_of:
        quads.append(Quad(s, nn(KG.subclassOf), entity_iri(entity.subclass_of), g))
    if entity.type_votes:
        votes = ";".join(f"{t}={n}" for t, n in sorted(entity.type_votes.items()))
        quads.append(Quad(s, nn(KG.typeVotes), _lit(votes), g))
    if entity.external_id:
        quads.append(Quad(s, nn(OWL_SAME_AS), nn(entity.external_id), g))
    if entity.kind:
        quads.append(Quad(s, nn(KG.nodeKind), _lit(entity.kind), g))
    return quads


__all__ = ["ENTITIES_GRAPH", "DefaultGraph", "entity_iri", "entity_quads", "id_of", "paper_graph", "paper_iri", "paper_quads"]
