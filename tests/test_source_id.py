"""The user's own record id travels from the input to every output.

The ``id`` field of a JSON-lines or CSV record is the key a user joins the
graph back to their data with: it must reach ``kg extract`` (``source_id``
and ``sources[].id``), the RDF store (``kg:sourceId``), the Neo4j store
(``Paper.source_id``) and ``kg show``.
"""
from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import FIXTURES

from kg.cli import main

JSONL = FIXTURES / "sources" / "papers.jsonl"
CSV = FIXTURES / "sources" / "papers.csv"


def input_ids() -> dict[str, str | None]:
    """title -> id, read from the fixtures with the standard library."""
    out = {}
    for line in JSONL.read_text().splitlines():
        if not line.strip():
            continue
        obj = json.loads(line)
        out[obj["title"]] = None if obj.get("id") is None else str(obj["id"])  # a number id becomes text
    with CSV.open(newline="") as fh:
        for row in csv.DictReader(fh):
            out[row["title"]] = row["id"] or None
    return out


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> list[dict]:
    out = tmp_path_factory.mktemp("sid") / "out.jsonl"
    r = CliRunner().invoke(main, ["extract", str(JSONL), str(CSV), "-o", str(out), "-q"])
    assert r.exit_code == 0, r.output
    return [json.loads(line) for line in out.read_text().splitlines()]


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("sid") / "store"
    r = CliRunner().invoke(main, ["build", str(JSONL), str(CSV), "--store", str(path), "-q"])
    assert r.exit_code == 0, r.output
    return path


def test_extract_carries_the_record_id(extracted):
    ids = input_ids()
    assert any(v for v in ids.values()) and any(v is None for v in ids.values()), "fixtures need both cases"
    assert {p["title"] for p in extracted} == set(ids)
    for paper in extracted:
        assert paper["source_id"] == ids[paper["title"]]
        assert [s["id"] for s in paper["sources"]] == [ids[paper["title"]]]
        assert paper["id"] != paper["source_id"]  # our paper id is ours; theirs rides along


def test_duplicate_sightings_keep_every_id(tmp_path):
    """One paper in two inputs with two ids: each source keeps its own id;
    ``source_id`` is the first sighting's."""
    a, b = tmp_path / "a.jsonl", tmp_path / "b.csv"
    a.write_text(json.dumps({"id": "row-7", "title": "Tiny Nets", "abstract": "We train tiny nets on CIFAR-10."}) + "\n")
    b.write_text('id,title,abstract\nXYZ-1,Tiny Nets,"We train tiny nets on CIFAR-10."\n')
    out = tmp_path / "out.jsonl"
    r = CliRunner().invoke(main, ["extract", str(a), str(b), "-o", str(out), "-q"])
    assert r.exit_code == 0, r.output
    (paper,) = [json.loads(line) for line in out.read_text().splitlines()]
    assert paper["source_id"] == "row-7"
    assert [(Path(s["file"]).name, s["line"], s["id"]) for s in paper["sources"]] == [("a.jsonl", 1, "row-7"), ("b.csv", 2, "XYZ-1")]


def test_rdf_store_has_kg_source_id(store):
    from kg.stores import open_store

    st = open_store(str(store), read_only=True)
    try:
        rows = st.query("SELECT ?title WHERE { ?p kg:sourceId ?sid ; dcterms:title ?title }", {"sid": "p1"}).rows
        none = st.query("SELECT (COUNT(?p) AS ?n) WHERE { ?p a kg:Paper FILTER NOT EXISTS { ?p kg:sourceId ?s } }").rows
    finally:
        st.close()
    assert rows == [["Sparse Mixture Adapters for Low-Resource Speech Translation"]]
    assert none[0][0] == sum(1 for v in input_ids().values() if v is None)


def test_rdf_store_still_conforms_to_the_shapes(store):
    r = CliRunner().invoke(main, ["validate", "--store", str(store)])
    assert r.exit_code == 0, r.output


def test_show_lists_the_source_id(store):
    r = CliRunner().invoke(main, ["show", "CoVoST 2", "--store", str(store), "--format", "csv"])
    assert r.exit_code == 0, r.output
    rows = list(csv.reader(io.StringIO(r.output)))
    header = next(row for row in rows if "source_id" in row)
    col = header.index("source_id")
    paper_col = header.index("paper")
    hits = [row for row in rows if len(row) == len(header) and row[paper_col].startswith("Sparse Mixture Adapters")]
    assert hits and all(row[col] == "p1" for row in hits)


def test_neo4j_store_has_paper_source_id(tmp_path):
    pytest.importorskip("neo4j")
    sys.path.insert(0, str(Path(__file__).parent))
    from bolt_server import bolt_server

    from kg.build import build
    from kg.stores.neo4j import Neo4jStore

    with bolt_server() as (url, options):
        st = Neo4jStore(url, **options)
        try:
            st.clear()
            build([str(JSONL), str(CSV)], st)
            rows = st.query("MATCH (p:Paper {source_id: $sid}) RETURN p.title", {"sid": "c1"}).rows
            n_without = st.query("MATCH (p:Paper) WHERE p.source_id IS NULL RETURN count(p)").rows
            st.clear()
        finally:
            st.close()
    assert rows == [["Low-Rank Distillation of Diffusion Policies"]]
    assert n_without[0][0] == sum(1 for v in input_ids().values() if v is None)


def test_neo4j_csv_export_has_the_source_id(store, tmp_path):
    r = CliRunner().invoke(main, ["export", "--format", "neo4j-csv", "-o", str(tmp_path / "csv"), "--store", str(store)])
    assert r.exit_code == 0, r.output
    with open(tmp_path / "csv" / "nodes_Paper.csv", newline="") as fh:
        rows = list(csv.DictReader(fh))
    by_title = {row["title"]: row["source_id"] or None for row in rows}
    assert by_title == input_ids()
