"""Cypher for the property-graph form of the interchange model (pure functions).

Every function returns a Cypher string (or a list of them); data always goes
in parameters (``$rows``, ``$ids``, ``$scope``), never in the text. Labels and
relationship types cannot be parameters, so they are interpolated **only**
from the closed enums in :mod:`ontology` (``NodeLabel``, ``RelationType``)
plus the fixed names below; :func:`_label` / :func:`_rel_type` refuse anything
else.

Layout (mirrors :mod:`kg.stores.rdf`, so ``counts()`` agree):

* ``(:Paper {id, title, abstract, key, date, sources, authors, ...})``;
* ``(:Entity:<Type> {id, name, aliases})`` - the type label (``Method`` ...)
  comes only from :class:`~kg.stores.base.EntityRecord` (``write_entities``),
  exactly as RDF types an entity only in its description; papers create bare
  ``(:Entity {id})`` stubs for the ids they refer to;
* ``(:Result {id, paper, value, unit, kind, text, field, start, end, qualifier})``
  with ``(:Paper)-[:REPORTS]->(:Result)``, ``(:Result)-[:MEASURES]->(:Entity)``,
  ``(:Result)-[:EVALUATES_ON]->(:Entity)`` and ``(:Result)-[:ACHIEVED_BY]->(:Entity)``
  (``ACHIEVED_BY`` mirrors ``kg:achievedBy``: not a RelationType, not counted);
* one relationship per (source, type, target, paper): MERGE key ``{paper}``,
  provenance in properties ``evidence``, ``field``, ``start``, ``end``,
  ``extractor``, ``confidence``;
* entity-description edges (``VARIANT_OF``/``PART_OF`` from EntityRecords) carry
  ``paper: ENTITY_SCOPE`` (the RDF entities graph).

Portability (tested on FalkorDB 4.16 over Bolt; written for Neo4j 5): no
``EXISTS {}`` / ``COUNT {}`` subqueries, no pattern comprehensions with
``WHERE``, no ``elementId()``, no ``IF NOT EXISTS`` in DDL on FalkorDB.
Orphan detection therefore uses ``OPTIONAL MATCH ... count()``.

Statements that differ between servers (only DDL; detect with
:data:`DETECT_SERVER` - it fails on FalkorDB):

=========================  ===============================================  =============================================
purpose                    Neo4j 5                                          FalkorDB
=========================  ===============================================  =============================================
unique node id             ``CREATE CONSTRAINT <l>_id IF NOT EXISTS FOR     ``CREATE INDEX FOR (n:<L>) ON (n.id)`` (unique
                           (n:<L>) REQUIRE n.id IS UNIQUE``                 constraints are ``GRAPH.CONSTRAINT``, a Redis
                                                                            command not reachable over Bolt; and the
                                                                            statement errors if the index exists, so
                                                                            existing ones are read with ``CALL
                                                                            db.indexes()`` first)
relationship ``paper``     ``CREATE INDEX rel_<t>_paper IF NOT EXISTS FOR   ``CREATE INDEX FOR ()-[r:<T>]-() ON (r.paper)``
                           ()-[r:<T>]-() ON (r.paper)``
server detection           ``CALL dbms.components()`` succeeds              the same call fails
=========================  ===============================================  =============================================

FalkorDB's Bolt endpoint also inlines string parameters into the query text
without escaping, so the store escapes them for FalkorDB only
(:func:`falkordb_params`); that is a driver-side concern, not Cypher text.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ontology import EntityType, NodeLabel, RelationType

#: ``paper`` value of edges that belong to entity descriptions, not to a paper.
ENTITY_SCOPE = "#entities"
#: Label of every canonical entity node (besides its type label).
ENTITY = "Entity"
#: Result -> method edge; mirrors ``kg:achievedBy`` (not a RelationType).
ACHIEVED_BY = "ACHIEVED_BY"
#: Endpoint kinds a relationship row can have.
PAPER, RESULT = NodeLabel.PAPER.value, NodeLabel.RESULT.value
ENDPOINTS = (PAPER, ENTITY, RESULT)

_TYPE_LABELS = tuple(t.value for t in EntityType)
_LABELS = frozenset(lbl.value for lbl in NodeLabel) | {ENTITY}
_REL_TYPES = frozenset(r.value for r in RelationType) | {ACHIEVED_BY}

DETECT_SERVER = "CALL dbms.components() YIELD name, versions, edition RETURN name, versions, edition"
LIST_INDEXES_FALKORDB = "CALL db.indexes()"
CLEAR = "MATCH (n) DETACH DELETE n"


def _label(label: NodeLabel | EntityType | str) -> str:
    value = getattr(label, "value", label)
    if value not in _LABELS:
        raise ValueError(f"not a graph label: {value!r}")
    return value


def _rel_type(rel: RelationType | str) -> str:
    value = getattr(rel, "value", rel)
    if value not in _REL_TYPES:
        raise ValueError(f"not a relationship type: {value!r}")
    return value


def node_pattern(var: str, kind: str, key: str) -> str:
    """``(a:Paper {id: row.source})`` - match by label so the id index is used."""
    return f"({var}:{_label(kind)} {{id: {key}}})"


# -- writes -------------------------------------------------------------------
def merge_papers() -> str:
    """Rows ``{id, props}``."""
    return "UNWIND $rows AS row MERGE (p:Paper {id: row.id}) SET p += row.props"


#: Paper properties every row of :func:`create_papers` carries by position.
PAPER_FIELDS = ("title", "abstract", "key", "sources")


def create_papers() -> str:
    """Compact rows ``[id, title, abstract, key, sources, {other props}]``
    (a null leaves its property unset); ``CREATE``: run only after these
    papers were deleted in the same transaction
    (:func:`delete_paper_contribution`). List rows instead of ``{id, props}``
    maps: the keys are not sent per paper (on FalkorDB, bench/bench_bolt.py's
    small papers: 508 -> 323 statements at batch 5000)."""
    fields = ", ".join(f"{k}: w[{i}]" for i, k in enumerate(PAPER_FIELDS, start=1))
    return f"UNWIND $rows AS w CREATE (p:Paper {{id: w[0], {fields}}}) SET p += w[{len(PAPER_FIELDS) + 1}]"


def merge_entity_stubs() -> str:
    """Param ``$ids`` (strings): bare entity nodes for ids a paper refers to."""
    return "UNWIND $ids AS eid MERGE (e:Entity {id: eid})"


def merge_entities(label: EntityType | NodeLabel | str) -> str:
    """Rows ``{id, name, aliases, pwc, kind}`` of one entity type: set the type
    label, dropping any other type label, and replace the description
    properties (``pwc``: the Papers with Code URL, or null)."""
    lbl = _label(label)
    if lbl not in _TYPE_LABELS:
        raise ValueError(f"not an entity type label: {lbl!r}")
    others = ":".join(_TYPE_LABELS)
    return (
        "UNWIND $rows AS row MERGE (e:Entity {id: row.id}) "
        f"REMOVE e:{others} SET e:{lbl} "
        "SET e.name = row.name, e.aliases = row.aliases, e.pwc = row.pwc, e.kind = row.kind"
    )


def delete_entity_description_edges() -> str:
    """Params ``$ids``, ``$scope``: drop the description edges of these entities."""
    return (
        "UNWIND $ids AS eid MATCH (e:Entity {id: eid})-[r]->() "
        "WHERE r.paper = $scope DELETE r"
    )


def merge_results() -> str:
    """Rows ``{id, paper, props}``: Result nodes and their REPORTS edge."""
    return (
        "UNWIND $rows AS row MATCH (p:Paper {id: row.paper}) "
        "MERGE (r:Result {id: row.id}) SET r += row.props "
        f"MERGE (p)-[:{RelationType.REPORTS.value} {{paper: row.paper}}]->(r)"
    )


#: A Result row's entity references and the edge type each stands for.
RESULT_EDGES = (("metric", RelationType.MEASURES.value), ("dataset", RelationType.EVALUATES_ON.value),
                ("method", ACHIEVED_BY))
#: Properties of a Result node after ``id``, in the order of the compact rows
#: of :func:`create_results` (a null value leaves the property unset).
RESULT_PROPS = ("value", "unit", "kind", "text", "field", "start", "end", "qualifier", "metric", "dataset", "method",
                "measure", "direction", "scale", "own", "over", "subset")


def create_results() -> str:
    """Compact rows ``[paper, [[i, value, unit, ..., method], ...]]``: Result
    nodes ``<paper>#result/<i>``, their REPORTS edge, and their MEASURES /
    EVALUATES_ON / ACHIEVED_BY edges to the metric, dataset and method
    entities the row names (MERGEd as stubs before). The edges come from the
    row's own ids rather than rows of their own (the ids were sent twice
    before; on FalkorDB, 4% fewer statements for bench/bench_bolt.py's
    graph). The server makes the result id from the paper id and ``i``, and
    the text is kept short: on FalkorDB every byte of query text is a byte
    less for rows (bench/bench_bolt.py, batch 5000: 739 -> 609 result
    statements, with the exact splice size of
    :func:`kg.stores.chunking._size_chunks`).
    ``CREATE``: run only after the papers' previous results were deleted in
    the same transaction."""
    props = ", ".join(f"{k}: x[{i}]" for i, k in enumerate(RESULT_PROPS, start=1))
    text = (
        "UNWIND $rows AS w MATCH (p:Paper {id: w[0]}) UNWIND w[1] AS x "
        f"CREATE (p)-[:{RelationType.REPORTS.value} {{paper: w[0]}}]->"
        f"(r:Result {{id: w[0] + '#result/' + toString(x[0]), paper: w[0], {props}}}) WITH w, x, r"
    )
    for var, (key, rel) in zip("mda", RESULT_EDGES):
        # portable "if the row names one": FOREACH over [] or [id]; the MERGE
        # finds the stub MERGEd before (OPTIONAL MATCH + FOREACH over the
        # match cost about a fifth more of the statement's server time)
        ref = f"x[{RESULT_PROPS.index(key) + 1}]"
        text += (f" FOREACH (i IN CASE WHEN {ref} IS NULL THEN [] ELSE [{ref}] END |"
                 f" MERGE ({var}:{ENTITY} {{id: i}}) CREATE (r)-[:{_rel_type(rel)} {{paper: w[0]}}]->({var}))")
    return text


def merge_relationships(rel: RelationType | str, source: str = PAPER, target: str = ENTITY) -> str:
    """Rows ``{source, target, paper, props}`` of one type and endpoint kinds."""
    t = _rel_type(rel)
    return (
        f"UNWIND $rows AS row MATCH {node_pattern('a', source, 'row.source')} "
        f"MATCH {node_pattern('b', target, 'row.target')} "
        f"MERGE (a)-[r:{t} {{paper: row.paper}}]->(b) SET r += row.props"
    )


#: Provenance properties of a paper's relationship, in the order of the
#: grouped rows of :func:`kg.stores.neo4j.grouped_rows`.
PROVENANCE = ("evidence", "field", "start", "end", "extractor", "confidence")


def create_relationships(rel: RelationType | str, source: str = PAPER, target: str = ENTITY) -> str:
    """Edges of one type and endpoint kinds, from the compact grouped rows of
    :func:`kg.stores.chunking.tabulate_edges` and their tables ``$spans``
    (``[evidence#, field#, start, end, extractor#]``) and ``$strs``:
    ``[paper, [[target, confidence * 1000, span#], ...]]`` for paper sources,
    ``[paper, source, [...]]`` for others; an edge whose span no other edge
    shares carries it inline, ``[target, confidence * 1000, evidence#, ...]``.

    ``CREATE``, not ``MERGE``: it is only run for papers whose previous
    contribution was deleted in the same transaction, and the rows hold one
    edge per (source, type, target, paper), so no duplicate can arise. Grouped
    list rows are about half the bytes of map rows and CREATE skips the
    existence check: together about 2x the load rate; the string table about
    1.5x more edges per FalkorDB statement, the span table (edges of one
    sentence share their provenance) fewer bytes again (bench/bench_bolt.py).
    """
    t = _rel_type(rel)
    if source == PAPER:
        head = f"UNWIND $rows AS row MATCH {node_pattern('a', source, 'row[0]')} UNWIND row[1] AS e "
    else:
        head = f"UNWIND $rows AS row MATCH {node_pattern('a', source, 'row[1]')} UNWIND row[2] AS e "
    props = ("evidence: $strs[v[0]], field: $strs[v[1]], start: v[2], end: v[3], "
             "extractor: $strs[v[4]], confidence: e[1] / 1000.0")
    return (head + f"MATCH {node_pattern('b', target, 'e[0]')} "
            "WITH row, e, a, b, CASE WHEN size(e) = 3 THEN $spans[e[2]] ELSE e[2..] END AS v "
            f"CREATE (a)-[:{t} {{paper: row[0], {props}}}]->(b)")


# -- deletes ------------------------------------------------------------------
def existing_papers() -> str:
    """Param ``$ids``: which of these papers are stored."""
    return "UNWIND $ids AS pid MATCH (p:Paper {id: pid}) RETURN p.id AS id"


def delete_paper_contribution() -> list[str]:
    """Param ``$ids``: a paper's Result nodes, Paper node and every edge it asserted.

    Orphaned entities are left for :func:`delete_orphans` (as RDF does).
    """
    stmts = [
        "UNWIND $ids AS pid MATCH (p:Paper {id: pid})-[:REPORTS]->(r:Result) DETACH DELETE r",
        "UNWIND $ids AS pid MATCH (r:Result {paper: pid}) DETACH DELETE r",
        "UNWIND $ids AS pid MATCH (p:Paper {id: pid}) DETACH DELETE p",
    ]
    # edges between entities (OUTPERFORMS, ...) are not attached to the paper;
    # the ontology allows no other type between entities
    for t in ENTITY_EDGE_TYPES:
        stmts.append(f"UNWIND $ids AS pid MATCH (:Entity)-[r:{t} {{paper: pid}}]->(:Entity) DELETE r")
    return stmts


def delete_orphans() -> str:
    """Param ``$scope``: delete entities nothing refers to; returns ``n``.

    Kept: an entity with any edge asserted by a paper (its own or a result's,
    either direction), or that is the family/suite of another entity
    (incoming ``VARIANT_OF``/``PART_OF``/``SUBCLASS_OF``). Run until ``n`` is 0 (fixpoint):
    deleting an orphan drops its own description edges.
    """
    return (
        "MATCH (e:Entity) "
        "OPTIONAL MATCH (e)-[r]-() WHERE r.paper <> $scope "
        "WITH e, count(r) AS used WHERE used = 0 "
        f"OPTIONAL MATCH (e)<-[f:{RelationType.VARIANT_OF.value}|{RelationType.PART_OF.value}|{RelationType.SUBCLASS_OF.value}]-() "
        "WITH e, count(f) AS family WHERE family = 0 "
        "DETACH DELETE e RETURN count(*) AS n"
    )


# -- counts -------------------------------------------------------------------
def count_nodes(label: NodeLabel | str) -> str:
    return f"MATCH (n:{_label(label)}) RETURN count(n) AS n"


def count_relationships(rel: RelationType | str) -> str:
    return f"MATCH ()-[r:{_rel_type(rel)}]->() RETURN count(r) AS n"


def count_queries() -> dict[str, dict[str, str]]:
    """``{"nodes": {label: cypher}, "relationships": {TYPE: cypher}}``."""
    return {
        "nodes": {lbl.value: count_nodes(lbl) for lbl in NodeLabel},
        "relationships": {r.value: count_relationships(r) for r in RelationType},
    }


# -- DDL ----------------------------------------------------------------------
INDEXED_LABELS = (PAPER, ENTITY, RESULT)
#: Relationship types that may join two entities (the ontology's
#: ``entity_domain``): only these need a ``paper`` index, to delete a paper's
#: contribution. The others hang off its Paper or Result nodes and go with
#: them; an index on them would cost about a quarter of the load time
#: (bench/bench_bolt.py on FalkorDB: 20.4 s -> 15.2 s for 200k relationships).
ENTITY_EDGE_TYPES = tuple(sorted(t.value for t in RelationType if t.entity_domain))


def schema_neo4j() -> list[str]:
    """Constraints and indexes for Neo4j 5 (idempotent)."""
    stmts = [
        f"CREATE CONSTRAINT {lbl.lower()}_id IF NOT EXISTS FOR (n:{_label(lbl)}) REQUIRE n.id IS UNIQUE"
        for lbl in INDEXED_LABELS
    ]
    stmts.append("CREATE INDEX result_paper IF NOT EXISTS FOR (n:Result) ON (n.paper)")
    stmts += [
        f"CREATE INDEX rel_{t.lower()}_paper IF NOT EXISTS FOR ()-[r:{t}]-() ON (r.paper)"
        for t in ENTITY_EDGE_TYPES
    ]
    return stmts


def schema_falkordb(existing: Iterable[tuple[str, str]] = ()) -> list[str]:
    """Indexes for FalkorDB, skipping ``(label_or_type, property)`` pairs in ``existing``."""
    have = set(existing)
    stmts = [f"CREATE INDEX FOR (n:{_label(lbl)}) ON (n.id)" for lbl in INDEXED_LABELS if (lbl, "id") not in have]
    if (RESULT, "paper") not in have:
        stmts.append("CREATE INDEX FOR (n:Result) ON (n.paper)")
    stmts += [
        f"CREATE INDEX FOR ()-[r:{t}]-() ON (r.paper)" for t in ENTITY_EDGE_TYPES if (t, "paper") not in have
    ]
    return stmts


# -- parameters ---------------------------------------------------------------
def falkordb_escape(value: Any) -> Any:
    """Escape strings for FalkorDB's Bolt endpoint, which splices parameters
    into single-quoted literals: ``\\`` -> ``\\\\`` and ``'`` -> ``\\'``, recursively."""
    if isinstance(value, str):
        return value.replace("\\", "\\\\").replace("'", "\\'")
    if isinstance(value, (list, tuple)):
        return [falkordb_escape(v) for v in value]
    if isinstance(value, dict):
        return {k: falkordb_escape(v) for k, v in value.items()}
    return value


def is_identifier(name: str) -> bool:
    """A parameter/map key FalkorDB can take unquoted (ASCII identifier)."""
    return bool(name) and name.isascii() and name.replace("_", "a").isalnum() and not name[0].isdigit()


__all__ = [
    "ACHIEVED_BY", "CLEAR", "DETECT_SERVER", "ENDPOINTS", "ENTITY", "ENTITY_SCOPE", "LIST_INDEXES_FALKORDB",
    "PAPER", "PROVENANCE", "RESULT", "RESULT_PROPS", "count_nodes", "count_queries", "count_relationships",
    "PAPER_FIELDS", "create_papers", "create_relationships", "create_results", "delete_entity_description_edges",
    "delete_orphans", "delete_paper_contribution", "existing_papers", "falkordb_escape", "is_identifier",
    "merge_entities", "merge_entity_stubs", "merge_papers", "merge_relationships", "merge_results",
    "node_pattern", "schema_falkordb", "schema_neo4j",
]
