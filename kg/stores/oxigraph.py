"""Embedded, on-disk RDF store: Oxigraph through pyoxigraph (the default).

A directory holds the store; Oxigraph's own lock refuses a second writer
process. Paper writes are one ``extend`` transaction per batch, so an
interrupted build never leaves half a paper.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from ontology import KG, PREFIXES, NodeLabel, RelationType, rdf_class, rdf_property

from ..model import PaperGraph
from . import rdf
from .base import NAMED_GRAPHS, SPARQL, TRANSACTIONS, EntityRecord, QueryResult, StoreError

_REL_BY_IRI = {str(rdf_property(r)): r.value for r in RelationType}
_LABEL_BY_IRI = {str(rdf_class(lbl)): lbl.value for lbl in NodeLabel}


def to_python(term: Any) -> Any:
    """A pyoxigraph term as a plain value (numbers typed, IRIs as strings)."""
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        dt = term.datatype.value if term.datatype else ""
        if dt.endswith(("#integer", "#int", "#long")):
            return int(term.value)
        if dt.endswith(("#double", "#decimal", "#float")):
            return float(term.value)
        if dt.endswith("#boolean"):
            return term.value == "true"
        return term.value
    return getattr(term, "value", str(term))


def to_term(value: Any) -> ox.NamedNode | ox.Literal:
    """A query parameter as an RDF term: ``<iri>`` -> IRI, numbers typed, else string.

    A ``<...>`` value that is not a valid absolute IRI (``<script>x</script>``,
    ``<b>bold</b>``) is a string, not an error.
    """
    if isinstance(value, str) and value.startswith("<") and value.endswith(">"):
        try:
            return ox.NamedNode(value[1:-1])
        except ValueError:
            return ox.Literal(value)
    if isinstance(value, bool | int | float):
        return rdf._lit(value)
    return ox.Literal(str(value))


def values_clause(terms: dict[str, ox.NamedNode | ox.Literal]) -> str:
    """``VALUES (?a ?b) { (t1 t2) }`` from terms serialised by pyoxigraph.

    ``str()`` of a pyoxigraph term is its N-Triples form, with quotes,
    backslashes and newlines escaped by the library, so user text cannot
    end the literal.
    """
    names = " ".join(f"?{k}" for k in terms)
    values = " ".join(str(t) for t in terms.values())
    return f"VALUES ({names}) {{ ({values}) }}"


def bind_values(query: str, terms: dict[str, ox.NamedNode | ox.Literal]) -> str:
    """The query with a VALUES block opening its first group pattern, so the
    bindings are visible to every FILTER of the WHERE clause."""
    i, quote = 0, None
    while i < len(query):
        c = query[i]
        if quote:
            if c == "\\":
                i += 1
            elif c == quote:
                quote = None
        elif c in "\"'":
            quote = c
        elif c == "<" and re.match(r"<[^\s<>]*>", query[i:]):
            i += re.match(r"<[^\s<>]*>", query[i:]).end() - 1
        elif c == "#":
            nl = query.find("\n", i)
            i = len(query) if nl < 0 else nl
        elif c == "{":
            return query[: i + 1] + " " + values_clause(terms) + " " + query[i + 1 :]
        i += 1
    raise StoreError("query has no group pattern to bind parameters in")


class OxigraphStore:
    """The default store backend (SPARQL 1.1, named graphs per paper)."""

    name = "oxigraph"
    capabilities = frozenset({SPARQL, NAMED_GRAPHS, TRANSACTIONS})
    query_language = "sparql"

    def __init__(self, location: str, read_only: bool = False):
        self.path = Path(location)
        self.read_only = read_only
        try:
            if read_only:
                if not self.path.exists():
                    raise StoreError(f"no store at {self.path}: run 'kg build' first")
                self._store = ox.Store.read_only(str(self.path))
            else:
                from ..serve import check_not_served

                check_not_served(self.path)  # a served store is read by another process
                self.path.mkdir(parents=True, exist_ok=True)
                self._store = ox.Store(str(self.path))
        except OSError as exc:
            raise StoreError(f"cannot open store {self.path}: {exc} (is another build using it?)") from exc

    # -- writes ------------------------------------------------------------
    def write_papers(self, papers: Iterable[PaperGraph]) -> int:
        """Replace each paper's named graph.

        Quads go in with ``bulk_extend`` (new SST files, no memtable): for a
        10k-abstract build it keeps peak RSS at about a fifth and the store at
        a third of transactional ``extend``. It is not atomic, which the build
        tolerates: a paper is recorded in the manifest only after its batch is
        written, so a batch cut short by a kill is re-extracted and its graph
        replaced on the next run.
        """
        quads: list[ox.Quad] = []
        n = 0
        for paper in papers:
            g = rdf.paper_graph(paper.id)
            if self._store.contains_named_graph(g):
                self._store.remove_graph(g)
            quads.extend(rdf.paper_quads(paper))
            n += 1
        self._store.bulk_extend(quads)
        return n

    def write_entities(self, entities: Iterable[EntityRecord]) -> int:
        n = 0
        quads: list[ox.Quad] = []
        for ent in entities:
            s = rdf.entity_iri(ent.id)
            for q in list(self._store.quads_for_pattern(s, None, None, rdf.ENTITIES_GRAPH)):
                self._store.remove(q)
            quads.extend(rdf.entity_quads(ent))
            n += 1
        self._store.extend(quads)
        return n

    def remove_papers(self, paper_ids: Iterable[str]) -> int:
        n = 0
        for pid in paper_ids:
            g = rdf.paper_graph(pid)
            if self._store.contains_named_graph(g):
                self._store.remove_graph(g)
                n += 1
        self.remove_orphans()
        return n

    def remove_orphans(self) -> int:
        """Delete entity descriptions no paper graph refers to (to a fixpoint)."""
        removed = 0
        while True:
            orphans = [s for s in self._entity_subjects() if not self._referenced(s)]
            if not orphans:
                return removed
            for s in orphans:
                for q in list(self._store.quads_for_pattern(s, None, None, rdf.ENTITIES_GRAPH)):
                    self._store.remove(q)
            removed += len(orphans)

    def _entity_subjects(self) -> list[ox.NamedNode]:
        ent = ox.NamedNode(str(KG.Entity))
        return [q.subject for q in self._store.quads_for_pattern(None, rdf.RDF_TYPE, ent, rdf.ENTITIES_GRAPH)]

    def _referenced(self, s: ox.NamedNode) -> bool:
        for q in self._store.quads_for_pattern(None, None, s, None):
            if q.graph_name != rdf.ENTITIES_GRAPH or q.predicate.value in {str(KG.variantOf), str(KG.partOf), str(KG.subclassOf)}:
                return True
        return any(q.graph_name != rdf.ENTITIES_GRAPH for q in self._store.quads_for_pattern(s, None, None, None))

    # -- reads -------------------------------------------------------------
    def query(self, text: str, params: Mapping[str, Any] | None = None) -> QueryResult:
        terms = {k: to_term(v) for k, v in (params or {}).items()}
        try:
            res = self._store.query(
                text, use_default_graph_as_union=True, prefixes=PREFIXES,
                substitutions={ox.Variable(k): t for k, t in terms.items()} or None,
            )
        except RuntimeError as exc:
            if "projection" not in str(exc):
                raise StoreError(str(exc)) from exc
            # Oxigraph binds only projected variables; otherwise bind with a
            # trailing VALUES clause of library-serialised (escaped) terms.
            res = self._store.query(bind_values(text, terms), use_default_graph_as_union=True, prefixes=PREFIXES)
        except SyntaxError as exc:
            raise StoreError(f"SPARQL syntax error: {exc}") from exc
        if isinstance(res, bool) or (hasattr(ox, "QueryBoolean") and isinstance(res, ox.QueryBoolean)):
            return QueryResult(["ask"], [[bool(res)]])  # pyoxigraph >= 0.4 answers ASK with a QueryBoolean
        if isinstance(res, ox.QuerySolutions):
            cols = [v.value for v in res.variables]
            return QueryResult(cols, [[to_python(sol[c]) for c in cols] for sol in res])
        rows = [[to_python(t.subject), to_python(t.predicate), to_python(t.object)] for t in res]
        return QueryResult(["subject", "predicate", "object"], rows)

    def update(self, text: str) -> None:
        self._store.update(text, prefixes=PREFIXES)

    def counts(self) -> dict[str, dict[str, int]]:
        nodes: dict[str, int] = {}
        q = "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c"
        for c, n in self.query(q).rows:
            if c in _LABEL_BY_IRI:
                nodes[_LABEL_BY_IRI[c]] = n
        rels: dict[str, int] = {}
        q = "SELECT ?p (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?p"
        for p, n in self.query(q).rows:
            if p in _REL_BY_IRI:
                rels[_REL_BY_IRI[p]] = n
        return {"nodes": dict(sorted(nodes.items())), "relationships": dict(sorted(rels.items()))}

    def quads(self) -> Iterable[ox.Quad]:
        """Every quad (for exports)."""
        return self._store.quads_for_pattern(None, None, None, None)

    def flush(self) -> None:
        self._store.flush()

    def close(self) -> None:
        if not self.read_only:
            self._store.flush()
        del self._store
