"""bench/span_errors.py: the error classes a span change is chosen by (issue 25)."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCIER_TRAIN = ROOT.parent / "shared" / "corpora" / "scier" / "train.jsonl"


def _load():
    spec = importlib.util.spec_from_file_location("bench_span_errors", ROOT / "bench" / "span_errors.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_each_error_lands_in_its_class():
    # the HRNet abstract (Wang et al., 2019): LIP typed Method among datasets, "AFLW" missed, a task taken with
    # a word the gold span leaves out, one span that overlaps no gold span
    m = _load()
    text = ("We show top results in semantic segmentation on Cityscapes, LIP, and PASCAL Context, and facial "
            "landmark detection on AFLW.")
    def at(s, label):
        i = text.index(s)
        return [i, i + len(s), label]
    rec = {"corpus": "scier", "text": text,
           "gold": [at("semantic segmentation", "Task"), at("Cityscapes", "Dataset"), at("LIP", "Dataset"),
                    at("facial landmark detection", "Task"), at("AFLW", "Dataset")],
           "raw": [at("top results in semantic segmentation", "Task"), at("Cityscapes", "Dataset"),
                   at("LIP", "Method"), at("PASCAL Context", "Dataset"), at("facial landmark detection", "Task")]}
    got = {(cls, detail) for cls, detail, _ in m.classify(rec, "raw")}
    assert got == {("boundary", "long-left:top results in"), ("type", "Dataset->Method"), ("missed", "Dataset"),
                   ("spurious", "Dataset")}


@pytest.mark.skipif(not SCIER_TRAIN.exists(), reason="needs ../shared/corpora/scier")
def test_scier_units_hold_ten_sentences_of_one_paper():
    m = _load()
    units = m.scier_units(SCIER_TRAIN)
    sentences = m.read_scier_sentences(SCIER_TRAIN)
    assert sum(len(u.spans) for u in units) == sum(len(s.spans) for s in sentences)
    assert len(units) >= len(sentences) // 10
    first = sentences[0].text
    assert units[0].text.startswith(first) and units[0].char_spans()[0] == sentences[0].char_spans()[0]
    papers = {s.doc_id.split(":")[0] for s in sentences}
    assert len({u.doc_id.split(":")[0] for u in units}) == len(papers)
