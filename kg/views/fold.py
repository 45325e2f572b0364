"""Entity-only views: papers folded into weighted entity-to-entity edges.

A paper that uses BERT and evaluates on GLUE adds 1 to the edge BERT -- GLUE
("shared papers", the co-occurrence network of bibliometrics: Callon et al.
1983, "From translations to problematic networks"; van Eck & Waltman 2009,
"How to normalize co-occurrence data"). Relations whose domain is an entity
(``RelationType.entity_domain``: OUTPERFORMS, VARIANT_OF, PART_OF, and any
the ontology adds later) are kept as typed edges between the entities.

Communities are Louvain's (Blondel et al. 2008), networkx's implementation,
seeded so colours stay the same between runs.
"""
from __future__ import annotations

from collections import defaultdict
from itertools import combinations

import networkx as nx

from ontology import RelationType

#: edge type of a folded edge (not an ontology relation: a count of papers)
SHARED = "SHARED_PAPERS"
SEED = 7
MAX_TITLES = 3  # paper titles kept on a folded edge (its tooltip)


def entity_relations() -> frozenset[str]:
    """Relation types that join two entities (from the ontology, so new ones
    show without a change here)."""
    return frozenset(r.value for r in RelationType if r.entity_domain)


def paper_entities(g: nx.MultiDiGraph, relations: frozenset[str] | None = None) -> dict[str, set[str]]:
    """Each paper's entities: linked by a paper-level relation, or through one
    of the paper's results (a result's metric, dataset, method)."""
    out: dict[str, set[str]] = defaultdict(set)
    for p, e, d in g.edges(data=True):
        if g.nodes[p]["kind"] != "paper" or (relations and d["type"] not in relations):
            continue
        kind = g.nodes[e]["kind"]
        if kind == "entity":
            out[p].add(e)
        elif kind == "result":
            out[p].update(x for _, x in g.out_edges(e) if g.nodes[x]["kind"] == "entity")
    return out


def fold(g: nx.MultiDiGraph, keep: set[str], relations: frozenset[str] | None = None) -> nx.MultiDiGraph:
    """The entities ``keep`` of ``g`` with papers folded into ``SHARED_PAPERS``
    edges (``papers`` = number of shared papers, ``titles`` = a few of them)
    and the entity-to-entity relations of ``g`` among them."""
    h = nx.MultiDiGraph(**g.graph)
    h.add_nodes_from((n, g.nodes[n]) for n in sorted(keep))  # sorted: the layout and Louvain are seeded, not set-ordered
    shared: dict[tuple[str, str], list[str]] = defaultdict(list)
    for p, ents in paper_entities(g, relations).items():
        for a, b in combinations(sorted(ents & keep), 2):
            shared[(a, b)].append(g.nodes[p].get("title") or g.nodes[p]["name"])
    for (a, b), titles in sorted(shared.items()):
        titles = sorted(set(titles), key=lambda t: (len(t), t))
        h.add_edge(a, b, key=SHARED, type=SHARED, papers=len(titles), evidence=[], titles=titles[:MAX_TITLES])
    typed = entity_relations()
    for s, o, k, d in g.edges(keys=True, data=True):
        if s in keep and o in keep and s != o and d["type"] in typed and (not relations or d["type"] in relations):
            h.add_edge(s, o, key=k, **d)
    return h


def weighted(g: nx.MultiDiGraph) -> nx.Graph:
    """Undirected simple graph, parallel edges summed into ``weight`` (papers)."""
    u = nx.Graph()
    u.add_nodes_from(g)
    for s, o, d in g.edges(data=True):
        if s == o:
            continue
        w = int(d.get("papers") or 1)
        if u.has_edge(s, o):
            u[s][o]["weight"] += w
        else:
            u.add_edge(s, o, weight=w)
    return u


def communities(g: nx.MultiDiGraph) -> list[list[str]]:
    """Louvain communities of ``g`` (weights = shared papers), largest first
    (by total papers, then size, then first member): index 0 gets the first colour."""
    u = weighted(g)
    if u.number_of_edges() == 0:
        return [[n] for n in sorted(u)]
    found = nx.community.louvain_communities(u, weight="weight", seed=SEED)
    papers = {n: int(g.nodes[n].get("papers") or 0) for n in g}

    def key(c):
        return (-sum(papers[n] for n in c), -len(c), min(c))

    return [sorted(c, key=lambda n: (-papers[n], str(g.nodes[n].get("name")), n)) for c in sorted(found, key=key)]


def backbone(g: nx.MultiDiGraph, min_papers: int = 2) -> nx.MultiDiGraph:
    """The edges worth drawing: typed relations, folded edges of at least
    ``min_papers`` shared papers, and each node's strongest folded edge (so
    no node of the view is left without a line)."""
    keep = set()
    best: dict[str, tuple[int, tuple]] = {}
    for s, o, k, d in g.edges(keys=True, data=True):
        if d["type"] != SHARED or d["papers"] >= min_papers:
            keep.add((s, o, k))
        if d["type"] == SHARED:
            for n in (s, o):
                cand = (d["papers"], (s, o, k))
                if n not in best or cand[0] > best[n][0]:
                    best[n] = cand
    keep |= {e for _, e in best.values()}
    h = nx.MultiDiGraph(**g.graph)
    h.add_nodes_from(g.nodes(data=True))
    h.add_edges_from((s, o, k, g.edges[s, o, k]) for s, o, k in g.edges(keys=True) if (s, o, k) in keep)
    return h


__all__ = ["SHARED", "backbone", "communities", "entity_relations", "fold", "paper_entities", "weighted"]
