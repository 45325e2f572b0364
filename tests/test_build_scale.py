"""Streaming, parallel, incremental and distributed builds give the same graph."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main

SMALL = "004_945ef42cb1f8ca68.txt"
OTHER = "000_5e32fbeb94f608ba.txt"


def _quads(store_path: Path) -> list[str]:
    from kg.stores import open_store

    store = open_store(str(store_path), read_only=True)
    try:
        return sorted(str(q) for q in store.quads())
    finally:
        store.close()


def _cli(*args: str) -> str:
    res = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert res.exit_code == 0, res.output
    return res.output


def _extract_json(inputs: list[str], **kw) -> list[dict]:
    from kg.build import papers_from_inputs

    return [p.to_dict() for p in papers_from_inputs(inputs, **kw)]


@pytest.fixture()
def inputs(tmp_path, seeds_dir):
    d = tmp_path / "in"
    d.mkdir()
    shutil.copy(seeds_dir / SMALL, d / SMALL)
    shutil.copy(seeds_dir / OTHER, d / OTHER)
    return d


def _edit_final_inputs(d: Path) -> None:
    """Modify one abstract, remove a file, add a JSONL file with a duplicate
    sighting of a kept paper, a new paper and a new acronym definition."""
    text = (d / SMALL).read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    # change the longest line (an abstract) of the kept file
    i = max(range(len(lines)), key=lambda j: len(lines[j]))
    lines[i] = lines[i].replace(" the ", " the new ", 1)
    (d / SMALL).write_text("".join(lines), encoding="utf-8")
    (d / OTHER).unlink()
    from kg.sources import read_records

    first = next(iter(read_records([str(d / SMALL)])))
    recs = [
        {"title": first.title, "abstract": first.abstract, "date": "2024-01-01"},
        {"title": "Sparse Mixture Routing for Tiny Transformers",
         "abstract": "We propose Sparse Mixture Routing (SMR), a routing scheme. SMR improves accuracy on ImageNet by 2.1%."},
        {"title": "Another paper on routing", "abstract": "We compare SMR with dense baselines on CIFAR-10 and report 91.2% accuracy."},
    ]
    (d / "extra.jsonl").write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")


def test_incremental_build_equals_full_rebuild(tmp_path, inputs):
    inc = tmp_path / "inc"
    _cli("build", str(inputs), "--store", str(inc), "--quiet")
    assert (inc / "manifest.sqlite").exists()
    before = _quads(inc)
    # unchanged inputs: nothing re-extracted, same graph
    from kg.build import build
    from kg.stores import open_store

    store = open_store(str(inc))
    report = build([str(inputs)], store)
    store.close()
    assert report.papers == 0 and report.unchanged == report.distinct > 0
    assert _quads(inc) == before

    _edit_final_inputs(inputs)
    store = open_store(str(inc))
    report = build([str(inputs)], store, prune=True)
    store.close()
    assert report.removed > 0 and report.unchanged > 0 and 0 < report.papers < report.distinct

    full = tmp_path / "full"
    _cli("rebuild", str(inputs), "--store", str(full), "--quiet")
    assert _quads(inc) == _quads(full)


def test_rebuild_and_full_flag_clear_the_store(tmp_path, inputs):
    store = tmp_path / "s"
    _cli("build", str(inputs / SMALL), str(inputs / OTHER), "--store", str(store), "--quiet")
    _cli("build", str(inputs / SMALL), "--store", str(store), "--full", "--quiet")
    only_small = tmp_path / "small"
    _cli("build", str(inputs / SMALL), "--store", str(only_small), "--quiet")
    assert _quads(store) == _quads(only_small)


def test_new_pipeline_version_reextracts_everything(tmp_path, inputs, monkeypatch):
    from kg import build as build_mod
    from kg.stores import open_store

    path = tmp_path / "s"
    store = open_store(str(path))
    first = build_mod.build([str(inputs / SMALL)], store)
    store.close()
    monkeypatch.setattr(build_mod, "pipeline_version", lambda fast=False: "something-else")
    store = open_store(str(path))
    again = build_mod.build([str(inputs / SMALL)], store)
    store.close()
    assert again.papers == first.papers == first.distinct and again.unchanged == 0


def test_workers_give_identical_output(seeds_dir):
    one = _extract_json([str(seeds_dir / SMALL)])
    two = _extract_json([str(seeds_dir / SMALL)], workers=2)
    assert len(one) > 10 and one == two


def test_bare_acronym_linking_does_not_depend_on_order(tmp_path):
    use = {"title": "Using SMR on ImageNet", "abstract": "We apply SMR to ImageNet classification and study its robustness."}
    define = {"title": "Sparse Mixture Routing", "abstract": "We propose Sparse Mixture Routing (SMR) for efficient transformers."}
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    a.write_text(json.dumps(use) + "\n" + json.dumps(define) + "\n")
    b.write_text(json.dumps(define) + "\n" + json.dumps(use) + "\n")

    def ids(path):
        return {p["title"]: sorted(e["id"] for e in p["entities"]) for p in _extract_json([str(path)], fast=True)}

    assert ids(a) == ids(b)


def test_a_papers_links_do_not_depend_on_the_papers_beside_it(tmp_path):
    # two real abstracts (3,000-abstract sample): a bare "EP" is not renamed by another paper's "edit probability (EP)"
    use = {"title": "Expectation Propagation for large cliques",
           "abstract": "One inference technique that handles large cliques well is Expectation Propagation. "
                       "EP offers run times independent of clique size. Traditional Gaussian EP requires quadratic space. "
                       "Here, we propose a variation of EP that exploits regularities in natural scene statistics."}
    define = {"title": "Edit Probability for Scene Text Recognition",
              "abstract": "To handle this problem, we propose a novel method called edit probability (EP) for scene text recognition."}
    alone, both = tmp_path / "alone.jsonl", tmp_path / "both.jsonl"
    alone.write_text(json.dumps(use) + "\n")
    both.write_text(json.dumps(define) + "\n" + json.dumps(use) + "\n")

    def paper(path):
        got = [p for p in _extract_json([str(path)]) if p["title"] == use["title"]][0]
        return {(e["id"], e["name"]) for e in got["entities"]}, got["relations"]

    assert paper(alone) == paper(both)
    assert not any("edit" in name for _, name in paper(both)[0])


def test_scan_keeps_only_duplicates(tmp_path, seeds_dir):
    from kg.extract import Scan

    d = tmp_path / "dup"
    d.mkdir()
    shutil.copy(seeds_dir / SMALL, d / "a.txt")
    shutil.copy(seeds_dir / SMALL, d / "b.txt")
    scan = Scan().run([str(d)], None, None)
    assert scan.count == len(scan.extra) > 0
    assert all(len(x.sources) == 1 for x in scan.extra.values())


def test_export_shards(tmp_path, inputs):
    store = tmp_path / "s"
    _cli("build", str(inputs / SMALL), "--store", str(store), "--quiet")
    out = tmp_path / "shards"
    _cli("export", "--format", "nq-shards", str(out), "--shard-size", "500", "--store", str(store))
    import pyoxigraph as ox

    files = sorted(out.glob("part-*.nq"))
    assert len(files) > 1
    got = sorted(str(q) for f in files for q in ox.parse(path=str(f), format=ox.RdfFormat.N_QUADS))
    assert got == _quads(store)
    _cli("export", "--format", "nt-shards", str(tmp_path / "nt"), "--gzip", "6", "--store", str(store))
    assert list((tmp_path / "nt").glob("part-*.nt.gz"))


@pytest.mark.slow
def test_dask_local_cluster_gives_identical_output(seeds_dir):
    distributed = pytest.importorskip("dask.distributed")
    local = _extract_json([str(seeds_dir / SMALL)])
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None) as cluster:
        remote = _extract_json([str(seeds_dir / SMALL)], engine="dask", scheduler=cluster.scheduler_address)
    assert remote == local
