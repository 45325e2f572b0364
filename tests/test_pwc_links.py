"""Issue 28: BENCHMARK_FOR edges from Papers with Code's task summaries reach
both stores and the benchmarks-for preset (kg/pwc_links.py)."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from kg.presets import run_preset
from kg.stores import open_store

ABSTRACTS = [
    {"id": "a", "title": "A Better Network for Image Classification",
     "abstract": "We address image classification. Experiments on CIFAR-10 and CIFAR-100 show gains over ResNet."},
    {"id": "b", "title": "Instance Segmentation Revisited",
     "abstract": "We study instance segmentation. On COCO our model improves mask AP by 2 points."},
]


@pytest.fixture()
def inputs(tmp_path: Path) -> list[str]:
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in ABSTRACTS), encoding="utf-8")
    return [str(path)]


def _benchmarks(store, task: str) -> set[str]:
    return {row[0] for row in run_preset(store, "benchmarks-for", {"task": task}).rows}


def test_benchmark_for_from_pwc_in_the_rdf_store_and_preset(inputs, tmp_path):
    from kg.build import build

    store = open_store(str(tmp_path / "store"))
    try:
        build(inputs, store)
        assert {"CIFAR-10", "CIFAR-100"} <= _benchmarks(store, "image classification")
        assert "COCO" in _benchmarks(store, "instance segmentation")  # Papers with Code: COCO is a top dataset of it
        assert "COCO" not in _benchmarks(store, "image classification")  # never across papers' tasks it does not list
    finally:
        store.close()


@pytest.mark.bolt
def test_benchmark_for_from_pwc_in_the_bolt_store(inputs):
    pytest.importorskip("neo4j")
    sys.path.insert(0, str(Path(__file__).parent))
    from bolt_server import built_bolt_store

    with built_bolt_store(inputs) as store:
        assert {"CIFAR-10", "CIFAR-100"} <= _benchmarks(store, "image classification")
        assert "COCO" in _benchmarks(store, "instance segmentation")
