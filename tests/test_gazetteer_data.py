"""The curated gazetteer TSVs (ontology/gazetteer/*.tsv) are well formed.

Checks the data, not the matcher: header, sizes, unique names, references that
resolve to a row of the right file, and no surface form shared by two
different entities once case, spaces and hyphens are ignored.
"""
from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path

import pytest

from extractors.keys import name_key

GAZ = Path(__file__).resolve().parents[1] / "ontology" / "gazetteer"
HEADER = ["name", "aliases", "part_of", "variant_of", "case_sensitive", "task"]
MINIMUM = {"datasets": 500, "benchmarks": 150, "methods": 800, "metrics": 120, "tasks": 250}
TOTAL_MINIMUM = 1500


def _read(stem: str) -> tuple[list[str], list[dict[str, str]]]:
    with (GAZ / f"{stem}.tsv").open(encoding="utf-8", newline="") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    reader = csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    header = next(reader)
    rows = []
    for fields in reader:
        assert len(fields) == len(header), (stem, fields)
        rows.append(dict(zip(header, fields)))
    return header, rows


@pytest.fixture(scope="module")
def tables() -> dict[str, list[dict[str, str]]]:
    return {stem: _read(stem)[1] for stem in MINIMUM}


def _surfaces(row: dict[str, str]) -> list[str]:
    return [row["name"], *(a for a in row["aliases"].split("|") if a)]


@pytest.mark.parametrize("stem", sorted(MINIMUM))
def test_header(stem):
    header, _ = _read(stem)
    assert header == HEADER


def test_sizes(tables):
    sizes = {stem: len(rows) for stem, rows in tables.items()}
    assert sum(sizes.values()) >= TOTAL_MINIMUM, sizes
    for stem, minimum in MINIMUM.items():
        assert sizes[stem] >= minimum, (stem, sizes[stem])


def test_cells_are_clean(tables):
    for stem, rows in tables.items():
        for row in rows:
            assert row["case_sensitive"] in {"", "1"}, (stem, row["name"])
            for value in row.values():
                assert value == value.strip(), (stem, row["name"], value)
            assert row["name"], (stem, row)
            assert "|" not in row["name"], (stem, row["name"])
            assert all(a.strip() for a in row["aliases"].split("|")) or not row["aliases"], (stem, row["name"])


def test_names_are_unique(tables):
    seen: dict[str, str] = {}
    for stem, rows in tables.items():
        for row in rows:
            assert row["name"] not in seen, (row["name"], stem, seen.get(row["name"]))
            seen[row["name"]] = stem


def test_references_resolve(tables):
    names = {stem: {r["name"] for r in rows} for stem, rows in tables.items()}
    for stem, rows in tables.items():
        for row in rows:
            if row["part_of"]:
                assert row["part_of"] in names["benchmarks"] | names["datasets"], (stem, row["name"], row["part_of"])
                assert row["part_of"] != row["name"]
            if row["variant_of"]:
                assert row["variant_of"] in names["methods"], (stem, row["name"], row["variant_of"])
                assert row["variant_of"] != row["name"]
            if row["task"]:
                assert row["task"] in names["tasks"], (stem, row["name"], row["task"])


def test_variant_chains_have_no_cycles(tables):
    parent = {r["name"]: r["variant_of"] for r in tables["methods"] if r["variant_of"]}
    for name in parent:
        seen, cur = {name}, parent[name]
        while cur in parent:
            assert cur not in seen, ("cycle", name)
            seen.add(cur)
            cur = parent[cur]


def test_no_surface_shared_by_two_entities(tables):
    owners: dict[str, set[str]] = defaultdict(set)
    for rows in tables.values():
        for row in rows:
            for surface in _surfaces(row):
                key = name_key(surface)
                assert key, (row["name"], surface)
                owners[key].add(row["name"])
    shared = {k: v for k, v in owners.items() if len(v) > 1}
    assert not shared, shared


def test_loader_reads_every_row(tables):
    from ontology.gazetteer import load_entries

    entries = load_entries(GAZ, pwc=False)
    # every row, plus an entry per alias split off as a common head of several names (ontology.general_names)
    split = [e for e in entries if not any(e.name == (r.get("name") or "").strip() for rows in tables.values() for r in rows)]
    assert {e.name for e in split} <= {"style transfer", "motion generation", "place recognition", "super-resolution",
                                       "word segmentation", "deraining", "colorization", "moment retrieval",
                                       "frame interpolation", "view synthesis", "occupancy prediction"}
    assert len(entries) == sum(len(rows) for rows in tables.values()) + len(split)
    by_name = {e.name: e for e in entries}
    assert by_name["ImageNet"].type.value == "Dataset"
    assert by_name["SST-2"].part_of == "GLUE"
    assert by_name["ResNet-50"].variant_of == "ResNet"
    assert by_name["SQuAD"].task == "question answering"
    assert by_name["Adam"].case_sensitive and not by_name["ImageNet"].case_sensitive


@pytest.mark.parametrize(
    "a,b",
    [
        ("CIFAR-10", "CIFAR-100"),
        ("GPT-2", "GPT-3"),
        ("T5", "CodeT5"),
        ("ImageNet", "Tiny ImageNet"),
        ("ImageNet", "ImageNet-21K"),
        ("Llama 2", "LLaMA"),
        ("SQuAD", "SQuAD 2.0"),
        ("mean absolute error", "Masked Autoencoders"),
    ],
)
def test_distinct_entities_stay_distinct(tables, a, b):
    owner = {}
    for rows in tables.values():
        for row in rows:
            for surface in _surfaces(row):
                owner[name_key(surface)] = row["name"]
    assert owner[name_key(a)] != owner[name_key(b)]
    assert "MAE" not in _surfaces(next(r for r in tables["metrics"] if r["name"] == "mean absolute error"))


def test_every_gazetteer_table_is_part_of_the_pipeline_version(tmp_path):
    """A changed table, acronym_evidence.tsv.gz included, makes `kg build` re-extract (its version changes)."""
    import shutil

    from ontology.gazetteer import GAZETTEER_DIR, gazetteer_version
    copy = tmp_path / "gazetteer"
    shutil.copytree(GAZETTEER_DIR, copy)
    assert gazetteer_version(copy) == gazetteer_version(GAZETTEER_DIR)
    before = gazetteer_version(copy)
    evidence = copy / "acronym_evidence.tsv.gz"
    evidence.write_bytes(evidence.read_bytes() + b"\0")
    assert gazetteer_version(copy) != before
