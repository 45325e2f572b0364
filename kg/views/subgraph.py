"""Read the graph (or a part of it) from any store into a networkx graph.

The result is a :class:`networkx.MultiDiGraph` whose nodes carry
``kind`` ("paper" | "entity" | "result"), ``type`` (a :class:`NodeLabel`
value), ``id``, ``name`` (entity name, paper title or result text),
``aliases``, ``papers`` (number of papers linked to the node), ``evidence``
(up to two sentences), and for papers ``title`` and ``date``. Edges are keyed
by relation type and carry ``type``, ``evidence`` (up to two sentences) and
``papers`` (how many papers assert the edge).

SPARQL stores are read with fixed SPARQL queries, Cypher stores (capability
flag :data:`~kg.stores.CYPHER`) with fixed Cypher queries. User input (focus
name, filters) never enters query text: it is applied in Python.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import unquote

import networkx as nx

from ontology import ID_BASE, NodeLabel, RelationType, rdf_class, rdf_property, sparql_prefixes

from ..resolve import did_you_mean, match_rank
from ..stores import CYPHER, Store
from .fold import fold

PAPER, ENTITY, RESULT = "paper", "entity", "result"
#: Node types shown when the caller does not choose (results clutter the view).
DEFAULT_TYPES = frozenset(lbl.value for lbl in NodeLabel if lbl is not NodeLabel.RESULT)
MAX_EVIDENCE = 2

_REL_BY_IRI = {str(rdf_property(r)): r.value for r in RelationType}
_TYPE_BY_IRI = {str(rdf_class(lbl)): lbl.value for lbl in NodeLabel}
_RELATION_VALUES = " ".join(f"kg:{r.rdf_name}" for r in RelationType)

# -- SPARQL (union default graph; no user text in any of these) ---------------
SPARQL_ENTITIES = """
SELECT ?e ?id ?cls ?name WHERE {
  ?e a kg:Entity ; a ?cls ; kg:entityId ?id ; skos:prefLabel ?name .
  FILTER(?cls != kg:Entity)
}
"""
SPARQL_ALIASES = """
SELECT ?e ?alias WHERE { ?e a kg:Entity ; skos:altLabel ?alias }
"""
SPARQL_SAME_AS = """
SELECT ?e ?same WHERE { ?e a kg:Entity ; <http://www.w3.org/2002/07/owl#sameAs> ?same }
"""
SPARQL_PAPERS = """
SELECT ?p ?title ?date WHERE {
  ?p a kg:Paper ; dcterms:title ?title .
  OPTIONAL { ?p dcterms:date ?date }
}
"""
SPARQL_RESULTS = """
SELECT ?r ?text WHERE { ?r a kg:Result ; kg:resultText ?text }
"""
SPARQL_EDGES = f"""
SELECT ?g ?s ?p ?o ?sentence WHERE {{
  VALUES ?p {{ {_RELATION_VALUES} }}
  GRAPH ?g {{
    ?s ?p ?o .
    OPTIONAL {{
      ?ev kg:assertedSubject ?s ; kg:assertedPredicate ?p ; kg:assertedObject ?o ;
          kg:sentence ?sentence .
    }}
  }}
}}
"""

# -- Cypher (layout of kg.stores.cypher) ---------------------------------------
CYPHER_NODES = """
MATCH (n) WHERE n:Paper OR n:Entity OR n:Result
RETURN labels(n) AS labels, n.id AS id, n.name AS name, n.title AS title,
       n.date AS date, n.aliases AS aliases, n.text AS text
"""
CYPHER_EDGES = """
MATCH (a)-[r]->(b)
RETURN labels(a) AS alabels, a.id AS aid, type(r) AS rel, r.evidence AS evidence,
       r.paper AS paper, labels(b) AS blabels, b.id AS bid
"""


class FocusNotFound(LookupError):
    """No node matches the requested focus name (``suggestions``: close names)."""

    def __init__(self, name: str, suggestions: list[str] | None = None):
        super().__init__(name)
        self.name, self.suggestions = name, list(suggestions or [])


@dataclass(slots=True)
class ViewOptions:
    """What part of the graph to show."""

    focus: str | None = None  # entity name or alias (case-insensitive), paper title or id
    depth: int = 1
    top: int | None = 150  # cap on the number of nodes (nearest the focus, or most papers, first)
    types: frozenset[str] | None = None  # node types; None -> default_types(focus)
    relations: frozenset[str] | None = None  # relation types; None -> all
    min_papers: int = 0  # entities linked to fewer papers are dropped


# -- reading ---------------------------------------------------------------------
class _Builder:
    """Accumulates nodes and (merged) edges, then emits the MultiDiGraph."""

    def __init__(self) -> None:
        self.nodes: dict[str, dict] = {}
        self.edges: dict[tuple[str, str, str], dict] = {}

    def node(self, key: str, **attrs) -> None:
        self.nodes[key] = {"aliases": [], "papers": 0, "evidence": [], **attrs}

    def edge(self, s: str, rel: str, o: str, scope: str | None, sentence: str | None) -> None:
        if s not in self.nodes or o not in self.nodes:
            return  # endpoint without a description (stub) or evidence-only node
        e = self.edges.setdefault((s, rel, o), {"scopes": set(), "sentences": set()})
        if scope is not None:
            e["scopes"].add(scope)
        if sentence:
            e["sentences"].add(str(sentence))

    def graph(self) -> nx.MultiDiGraph:
        g = nx.MultiDiGraph()
        papers: dict[str, set[str]] = defaultdict(set)
        sentences: dict[str, set[str]] = defaultdict(set)
        for (s, rel, o), e in self.edges.items():
            for a, b in ((s, o), (o, s)):
                if self.nodes[b]["kind"] == PAPER and self.nodes[a]["kind"] != PAPER:
                    papers[a].add(b)
            sentences[s] |= e["sentences"]
            sentences[o] |= e["sentences"]
        for key in sorted(self.nodes):
            attrs = self.nodes[key]
            if attrs["kind"] == PAPER:
                attrs["papers"] = 1
            elif attrs["kind"] == RESULT:
                attrs["papers"] = max(1, len(papers[key]))
            else:
                attrs["papers"] = len(papers[key])
            attrs["evidence"] = _pick(sentences[key])
            attrs["aliases"] = sorted(set(attrs["aliases"]) - {attrs.get("name")})
            g.add_node(key, **attrs)
        for (s, rel, o), e in sorted(self.edges.items()):
            g.add_edge(s, o, key=rel, type=rel, evidence=_pick(e["sentences"]), papers=max(1, len(e["scopes"])))
        return g


def _pick(sentences: Iterable[str], n: int = MAX_EVIDENCE) -> list[str]:
    """Up to ``n`` sentences, shortest first (deterministic)."""
    return sorted(set(sentences), key=lambda t: (len(t), t))[:n]


def _result_id(iri: str) -> str:
    return unquote(iri[len(ID_BASE + "result/"):]) if iri.startswith(ID_BASE + "result/") else iri


def _id_of(iri: str) -> str:
    return unquote(iri.rsplit("/", 1)[-1])


def read_sparql(store: Store) -> nx.MultiDiGraph:
    """The whole graph of a SPARQL store (node keys are IRIs)."""
    prefixes = sparql_prefixes()
    b = _Builder()
    for e, eid, cls, name in store.query(prefixes + SPARQL_ENTITIES).rows:
        label = _TYPE_BY_IRI.get(cls)
        if label is None:
            continue
        if e in b.nodes:  # several type classes: keep the first in enum order
            order = [lbl.value for lbl in NodeLabel]
            if order.index(b.nodes[e]["type"]) <= order.index(label):
                continue
        b.node(e, kind=ENTITY, type=label, id=str(eid), name=str(name))
    for e, alias in store.query(prefixes + SPARQL_ALIASES).rows:
        if e in b.nodes:
            b.nodes[e]["aliases"].append(str(alias))
    for e, same in store.query(prefixes + SPARQL_SAME_AS).rows:
        if e in b.nodes:
            b.nodes[e]["pwc"] = str(same)  # Papers with Code page (tooltip)
    for p, title, date in store.query(prefixes + SPARQL_PAPERS).rows:
        b.node(p, kind=PAPER, type=NodeLabel.PAPER.value, id=_id_of(p), name=str(title), title=str(title),
               date=None if date is None else str(date))
    for r, text in store.query(prefixes + SPARQL_RESULTS).rows:
        b.node(r, kind=RESULT, type=NodeLabel.RESULT.value, id=_result_id(r), name=str(text))
    for g, s, p, o, sentence in store.query(prefixes + SPARQL_EDGES).rows:
        rel = _REL_BY_IRI.get(p)
        if rel:
            b.edge(s, rel, o, g, sentence)
    return b.graph()


def _kind_of(labels: Iterable[str]) -> tuple[str, str] | None:
    labels = list(labels or [])
    if NodeLabel.PAPER.value in labels:
        return PAPER, NodeLabel.PAPER.value
    if NodeLabel.RESULT.value in labels:
        return RESULT, NodeLabel.RESULT.value
    for lbl in NodeLabel:
        if lbl.value in labels:
            return ENTITY, lbl.value
    return None  # untyped entity stub


def read_cypher(store: Store) -> nx.MultiDiGraph:
    """The whole graph of a Cypher store (node keys ``kind:id``)."""
    b = _Builder()
    for labels, nid, name, title, date, aliases, text in store.query(CYPHER_NODES).rows:
        kt = _kind_of(labels)
        if kt is None or nid is None:
            continue
        kind, label = kt
        key = f"{kind}:{nid}"
        if kind == PAPER:
            b.node(key, kind=kind, type=label, id=str(nid), name=str(title or nid), title=str(title or ""),
                   date=None if date is None else str(date))
        elif kind == RESULT:
            b.node(key, kind=kind, type=label, id=str(nid), name=str(text or nid))
        else:
            b.node(key, kind=kind, type=label, id=str(nid), name=str(name or nid))
            if isinstance(aliases, list | tuple):
                b.nodes[key]["aliases"] = [str(a) for a in aliases]
            elif aliases:
                b.nodes[key]["aliases"] = [str(aliases)]
    valid = {r.value for r in RelationType}
    for alabels, aid, rel, evidence, paper, blabels, bid in store.query(CYPHER_EDGES).rows:
        ka, kb = _kind_of(alabels), _kind_of(blabels)
        if rel not in valid or ka is None or kb is None:
            continue
        b.edge(f"{ka[0]}:{aid}", rel, f"{kb[0]}:{bid}", paper, evidence)
    return b.graph()


def read_graph(store: Store) -> nx.MultiDiGraph:
    """The whole graph of ``store``, through its query language."""
    if CYPHER in store.capabilities:
        return read_cypher(store)
    return read_sparql(store)


# -- selecting -------------------------------------------------------------------
def find_focus(g: nx.MultiDiGraph, name: str) -> list[str]:
    """Nodes that ``name`` names, as :func:`kg.resolve.match_rank` matches
    everywhere (name, alias or id, any case), best match first; entity
    matches win over paper titles."""
    ranked = []
    for n, d in g.nodes(data=True):
        rank = match_rank(name, d.get("name", ""), d.get("aliases", []), str(d.get("id", "")))
        if rank is not None:
            ranked.append((d["kind"] != ENTITY, rank, n))
    if not ranked:
        return []
    best = min(ranked)[:2]
    return sorted(n for *key, n in ranked if tuple(key) == best)


def _suggestions(g: nx.MultiDiGraph, name: str) -> list[str]:
    labels: dict[str, str] = {}
    for _, d in g.nodes(data=True):
        if d["kind"] == ENTITY:
            for label in (d["name"], *d.get("aliases", [])):
                labels.setdefault(str(label), d["name"])
    return did_you_mean(name, labels)


def _induced(g: nx.MultiDiGraph, nodes) -> nx.MultiDiGraph:
    """The subgraph on ``nodes``, in ``g``'s node and edge order (networkx's
    subgraph view iterates a small node set in set order, which changes from
    run to run and would change the seeded layout and communities)."""
    keep = set(nodes)
    h = nx.MultiDiGraph(**g.graph)
    h.add_nodes_from((n, d) for n, d in g.nodes(data=True) if n in keep)
    h.add_edges_from((s, o, k, d) for s, o, k, d in g.edges(keys=True, data=True) if s in keep and o in keep)
    return h


def default_types(focus: bool) -> frozenset[str]:
    """Overview: entities only (papers folded into edges); ego view: papers too."""
    return DEFAULT_TYPES if focus else DEFAULT_TYPES - {NodeLabel.PAPER.value}


def select(g: nx.MultiDiGraph, opts: ViewOptions) -> nx.MultiDiGraph:
    """Apply type, paper-count and relation filters, the ego view and the cap.

    Without Paper among the types, papers are folded into weighted
    entity-to-entity edges (:func:`kg.views.fold.fold`), so a type filter
    keeps hubs such as ImageNet connected through the papers they share.
    Nodes left without an edge are dropped (but the focus), and the top
    ``opts.top`` are kept: in an ego view the nearest to the focus first,
    else those with most papers.
    """
    types = set(opts.types) if opts.types else set(default_types(bool(opts.focus)))
    centers = find_focus(g, opts.focus) if opts.focus else []
    if opts.focus and not centers:
        raise FocusNotFound(opts.focus, _suggestions(g, opts.focus))
    folded = NodeLabel.PAPER.value not in types and all(g.nodes[c]["kind"] == ENTITY for c in centers)

    def wanted(n: str, d: dict) -> bool:
        if n in centers:
            return True
        return d["type"] in types and (d["kind"] == PAPER or d["papers"] >= opts.min_papers)

    if folded:
        h = fold(g, {n for n, d in g.nodes(data=True) if d["kind"] == ENTITY and wanted(n, d)}, opts.relations)
    else:
        keep = {n for n, d in g.nodes(data=True) if wanted(n, d)}
        h = nx.MultiDiGraph(**g.graph)
        h.add_nodes_from((n, g.nodes[n]) for n in sorted(keep))
        for s, o, k, d in g.edges(keys=True, data=True):
            if s in keep and o in keep and (not opts.relations or d["type"] in opts.relations):
                h.add_edge(s, o, key=k, **d)

    hops: dict[str, int] = {}
    if centers:
        und = h.to_undirected(as_view=True)
        for c in centers:
            for n, dist in nx.single_source_shortest_path_length(und, c, cutoff=max(0, opts.depth)).items():
                hops[n] = min(dist, hops.get(n, dist))
        h = _induced(h, hops)

    def drop_isolated(x: nx.MultiDiGraph) -> nx.MultiDiGraph:
        lonely = [n for n in x if x.degree(n) == 0 and n not in centers]
        x.remove_nodes_from(lonely)
        return x

    h = drop_isolated(h)
    if opts.top is not None and h.number_of_nodes() > opts.top:
        def rank(n: str):
            d = h.nodes[n]
            return (n not in centers, hops.get(n, 0), -int(d.get("papers") or 0), -h.degree(n), d["name"], n)

        ranked = sorted(h.nodes, key=rank)
        h = drop_isolated(_induced(h, ranked[: max(opts.top, len(centers))]))
    h.graph["focus"] = centers
    h.graph["folded"] = folded
    return h


def subgraph(store: Store, opts: ViewOptions | None = None, **kw) -> nx.MultiDiGraph:
    """Read ``store`` and select the part described by ``opts`` (or keywords)."""
    opts = opts or ViewOptions(**kw)
    return select(read_graph(store), opts)


__all__ = [
    "DEFAULT_TYPES", "ENTITY", "PAPER", "RESULT", "FocusNotFound", "ViewOptions",
    "default_types", "find_focus", "read_cypher", "read_graph", "read_sparql", "select", "subgraph",
]
