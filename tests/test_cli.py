"""The CLI end to end through click's CliRunner, on the seeds and fixtures."""
from __future__ import annotations

import json

import click
import pytest
import rdflib
from click.testing import CliRunner

from kg.cli import EXIT_REJECTS, main

from conftest import FIXTURES

PAPER_COUNT = "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a kg:Paper }"


def _commands(group: click.Group, prefix=()):
    for name, cmd in group.commands.items():
        yield (*prefix, name)
        if isinstance(cmd, click.Group):
            yield from _commands(cmd, (*prefix, name))


def test_every_command_has_help():
    runner = CliRunner()
    names = list(_commands(main))
    assert {"build", "extract", "query", "stats", "export"} <= {n[-1] for n in names}
    for path in [(), *names]:
        res = runner.invoke(main, [*path, "--help"])
        assert res.exit_code == 0, (path, res.output)
        assert "Usage:" in res.output and "--help" in res.output


def test_version():
    res = CliRunner().invoke(main, ["--version"])
    assert res.exit_code == 0 and "kg, version" in res.output


@pytest.fixture(scope="module")
def built(tmp_path_factory, seeds_dir):
    store = tmp_path_factory.mktemp("cli") / "store"
    res = CliRunner().invoke(main, ["build", str(seeds_dir), "--store", str(store), "--quiet"])
    assert res.exit_code == 0, res.output
    return store


def test_build_seeds_gives_362_papers(built):
    res = CliRunner().invoke(main, ["query", PAPER_COUNT, "--store", str(built), "--format", "json"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.output) == [{"n": 362}]


def test_query_parameters_and_formats(built):
    q = "SELECT ?title WHERE { ?p a kg:Paper ; dcterms:title ?title . FILTER(?title = ?t) }"
    title = "UER: An Open-Source Toolkit for Pre-training Models"
    res = CliRunner().invoke(main, ["query", q, "--param", f"t={title}", "--store", str(built), "--format", "csv"])
    assert res.exit_code == 0, res.output
    assert res.output.splitlines() == ["title", title]
    bad = CliRunner().invoke(main, ["query", "SELEC nonsense", "--store", str(built)])
    assert bad.exit_code == 1 and "SPARQL" in bad.output


def test_stats_json(built):
    res = CliRunner().invoke(main, ["stats", "--store", str(built), "--format", "json"])
    data = json.loads(res.output)
    assert data["counts"]["nodes"]["Paper"] == 362
    assert data["counts"]["relationships"]["PROPOSES"] > 100


def test_export_round_trip(built, tmp_path):
    out = tmp_path / "g.ttl"
    res = CliRunner().invoke(main, ["export", "--format", "ttl", "-o", str(out), "--store", str(built)])
    assert res.exit_code == 0, res.output
    g = rdflib.Graph().parse(out, format="turtle")
    titles = set(g.objects(None, rdflib.URIRef("http://purl.org/dc/terms/title")))
    assert len(titles) == 362
    papers = set(g.subjects(rdflib.RDF.type, rdflib.URIRef("https://w3id.org/mlkg/ontology#Paper")))
    assert len(papers) == 362
    nt = tmp_path / "g.jsonld"
    res = CliRunner().invoke(main, ["export", "--format", "jsonld", "-o", str(nt), "--store", str(built)])
    assert res.exit_code == 0
    assert len(rdflib.Graph().parse(nt, format="json-ld")) == len(g)


def test_extract_seeds_writes_362_lines(seeds_dir, tmp_path):
    out = tmp_path / "out.jsonl"
    res = CliRunner().invoke(main, ["extract", str(seeds_dir), "-o", str(out), "--quiet"])
    assert res.exit_code == 0, res.output
    lines = [json.loads(x) for x in out.read_text().splitlines()]
    assert len(lines) == 362
    for paper in lines:
        for ent in paper["entities"]:
            for m in ent["mentions"]:
                assert paper[m["field"]][m["start"] : m["end"]] == m["text"]
        for r in paper["results"]:
            assert paper[r["field"]][r["start"] : r["end"]] == r["text"]
    dup = [p for p in lines if len(p["sources"]) > 1]
    assert 0 < len(dup) <= 65  # merged duplicates carry every source
    assert sum(len(p["sources"]) for p in lines) == 427


def test_bad_records_are_reported_and_good_ones_kept(tmp_path):
    out = tmp_path / "out.jsonl"
    rejects = tmp_path / "rejects.jsonl"
    src = FIXTURES / "sources" / "broken.jsonl"
    res = CliRunner().invoke(main, ["extract", str(src), "-o", str(out), "--rejects", str(rejects)])
    assert res.exit_code == EXIT_REJECTS
    rej = [json.loads(x) for x in rejects.read_text().splitlines()]
    assert rej and all(r["file"].endswith("broken.jsonl") and r["line"] >= 1 for r in rej)
    good = out.read_text().splitlines()
    assert good, "good records must survive a bad one"
    assert f"broken.jsonl:{rej[0]['line']}" in res.output


def test_unknown_format_names_the_file(tmp_path):
    weird = tmp_path / "notes.bin"
    weird.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    res = CliRunner().invoke(main, ["extract", str(weird), "-o", str(tmp_path / "o.jsonl")])
    assert res.exit_code != 0
    assert "notes.bin" in res.output


def test_seeds_graph_conforms_to_shapes(built):
    res = CliRunner().invoke(main, ["validate", "--store", str(built)])
    assert res.exit_code == 0, res.output[-2000:]
    assert "conforms: True (0 violations" in res.output


def test_validate_reports_a_broken_graph(tmp_path):
    from kg.model import PaperGraph
    from kg.records import SourceRef
    from kg.stores import open_store

    store = open_store(str(tmp_path / "s"))
    # a paper with an empty abstract violates PaperShape (minLength 1)
    store.write_papers([PaperGraph("p1", "title:x", "X", "", None, [SourceRef("f", 1)])])
    store.close()
    res = CliRunner().invoke(main, ["validate", "--store", str(tmp_path / "s")])
    assert res.exit_code == 1 and "conforms: False" in res.output


def test_show_entity_with_evidence(built):
    res = CliRunner().invoke(main, ["show", "ImageNet", "--store", str(built), "--format", "json"])
    assert res.exit_code == 0, res.output
    assert "EVALUATES_ON" in res.output and "ILSVRC" in res.output
    res = CliRunner().invoke(main, ["show", "no such entity at all", "--store", str(built)])
    assert res.exit_code == 1


def test_neo4j_csv_export_matches_store_counts(built, tmp_path):
    import csv

    from kg.stores import open_store

    out = tmp_path / "csv"
    res = CliRunner().invoke(main, ["export", "--format", "neo4j-csv", str(out), "--store", str(built)])
    assert res.exit_code == 0, res.output
    store = open_store(str(built), read_only=True)
    counts = store.counts()
    store.close()
    ids = set()
    for label, n in counts["nodes"].items():
        rows = list(csv.DictReader((out / f"nodes_{label}.csv").open(encoding="utf-8")))
        assert len(rows) == n, label
        ids |= {r["id:ID"] for r in rows}
    for rtype, n in counts["relationships"].items():
        rows = list(csv.DictReader((out / f"rels_{rtype}.csv").open(encoding="utf-8")))
        assert len(rows) == n, rtype
        assert all(r[":START_ID"] in ids and r[":END_ID"] in ids for r in rows), rtype


def test_readme_evidence_query_works(built):
    import re
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    sparql = re.search(r"```sparql\n(.*?)```", readme, re.S).group(1)
    res = CliRunner().invoke(main, ["query", sparql, "--param", "name=ImageNet", "--store", str(built), "--format", "json"])
    assert res.exit_code == 0, res.output
    rows = json.loads(res.output)
    assert len(rows) >= 10
    assert all(re.search(r"ImageNet|ILSVRC", r["sentence"], re.I) for r in rows)
