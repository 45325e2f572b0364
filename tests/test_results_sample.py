"""The labelled sample of result sentences (tests/data/results_audit.tsv) and
its scorer (bench/results_sample.py)."""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import results_sample as rs  # noqa: E402

from extractors.result_kinds import KINDS  # noqa: E402


def test_labels_are_well_formed():
    labels = rs.read_labels(rs.LABELS)
    assert len(labels) >= 200 and len({(x["source"], x["id"]) for x in labels}) >= 100
    for x in labels:
        assert x["kind"] in (*KINDS, "none"), x
        assert int(x["sent_start"]) <= int(x["start"]) < int(x["end"]) <= int(x["sent_end"]), x
        assert x["source"] in rs.SOURCES
        float(x["value"])


def _paper(results):
    return {"source_id": "acl_anthology:X1", "entities": [
        {"id": "bleu", "name": "BLEU", "aliases": [], "mentions": [{"text": "BLEU"}]},
        {"id": "wmt14", "name": "WMT14", "aliases": ["WMT 2014"], "mentions": [{"text": "WMT 2014"}]},
        {"id": "f1", "name": "F1 score", "aliases": [], "mentions": [{"text": "F1 scores"}]}], "results": results}


def _label(text, start, value, kind, metric="", dataset="", method=""):
    return {"source": "acl_anthology.jsonl.gz", "id": "X1", "start": str(start), "end": str(start + len(text)),
            "text": text, "value": str(value), "kind": kind, "metric": metric, "dataset": dataset, "method": method}


def test_score_counts_links_alternatives_and_non_results():
    paper = _paper([
        {"field": "abstract", "start": 10, "end": 14, "value": 28.4, "kind": "absolute", "metric": "bleu", "dataset": "wmt14", "method": None},
        {"field": "abstract", "start": 30, "end": 33, "value": 1.2, "kind": "absolute", "metric": "bleu", "dataset": None, "method": None},
        {"field": "abstract", "start": 50, "end": 51, "value": 3.0, "kind": "count", "metric": None, "dataset": None, "method": None},
        {"field": "abstract", "start": 60, "end": 64, "value": 80.5, "kind": "absolute", "metric": "f1", "dataset": None, "method": None},
    ])
    labels = [_label("28.4", 10, 28.4, "absolute", "BLEU", "WMT 2014"),
              _label("1.2", 30, 1.2, "delta", "BLEU", "WMT 2014|-"),   # wrong kind; "-": no dataset is right too
              _label("3", 50, 3, "none"),                               # "Task 3": no result, emitted
              _label("80.5", 60, 80.5, "absolute", "F1"),               # "F1 scores" names F1
              _label("7.1", 70, 7.1, "absolute", "BLEU")]               # missed
    figures, misses = rs.score(labels, {"acl_anthology:X1": paper})
    assert (figures["labelled"], figures["found"], figures["no_result_emitted"]) == (4, 3, 1)
    assert (figures["kind"], figures["metric"], figures["dataset"], figures["fully"]) == (2 / 3, 1.0, 1.0, 2 / 3)
    assert any("not found" in m for m in misses) and any("wrong kind" in m for m in misses)
