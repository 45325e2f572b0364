"""Why gazetteer entries have no Papers with Code id (bench/pwc_gaps.py, issue 28).

The share of nodes with an id (bench/pwc_share.py) stays below the issue's 80%
because the data has no page for most of the rest, not because the import
misses them: these tests keep it so, and keep near misses unlinked.
"""
from __future__ import annotations

import csv
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
PWC = ROOT.parent / "shared" / "corpora" / "pwc"
needs_pwc = pytest.mark.skipif(not PWC.exists(), reason="../shared/corpora/pwc not present")


def _entries():
    from kg.linking import Linker

    return {e.name: e for e in Linker().entries}


def _judged():
    with (ROOT / "tests" / "data" / "pwc_near_misses.tsv").open(encoding="utf-8") as fh:
        return list(csv.DictReader((ln for ln in fh if not ln.startswith("#")), delimiter="\t"))


@needs_pwc
def test_each_class_on_real_entries():
    from bench.pwc_gaps import pwc_names, why_no_id

    names, entries = pwc_names(PWC), _entries()
    expect = {"accuracy": "metric", "ResNet-50": "variant", "BERT-base": "variant",
              "Markov chain Monte Carlo": "collection", "actor-critic": "collection",
              "SQuAD 2.0": "not a page", "matrix factorization": "not a page",
              "LLaMA": "other thing", "OPT": "other thing",
              "Low-Rank Adaptation": "absent", "instruction tuning": "absent"}
    for name, why in expect.items():
        assert entries[name].external_id is None, name
        assert why_no_id(entries[name], names) == why, name


@needs_pwc
def test_no_entry_misses_a_page_of_its_own_name_except_the_judged_one():
    """Of the ~1,700 entries without an id, the only one with a page-giving row of
    its letters (after name keys and plural) is judged in tests/data: not the same thing."""
    from bench.pwc_gaps import pwc_names, why_no_id

    names = pwc_names(PWC)
    missed = {e.name for e in _entries().values() if e.external_id is None and why_no_id(e, names) == "missed"}
    judged = {r["entry"] for r in _judged() if r["same"] == "0"}
    assert missed <= judged, missed - judged


def test_near_misses_stay_without_that_page():
    entries = _entries()
    rows = _judged()
    assert len(rows) >= 15
    for r in rows:
        e = entries[r["entry"]]
        if r["page"] != "-":
            assert e.external_id != "https://paperswithcode.com/" + r["page"], r["entry"]
        if r["source"] == "collection":  # no derived collection path: the export does not state it
            assert not (e.external_id or "").startswith("https://paperswithcode.com/methods/category/"), r["entry"]


def test_the_allegro_hand_is_no_method():
    """"Allegro" was a curated Method (the interatomic potential); the 120,000 real
    abstracts write it 28 times outside author lists, never for that model: 22 the
    Allegro robot hand, 4 in lists of robot platforms, 1 a company, 1 "Allegro Reviews"."""
    from extractors.pipeline import get_nlp

    text = ("We empirically evaluate our method using an Allegro Hand to grasp novel objects "
            "in both simulation and the real world.")
    for fast in (True, False):
        doc = get_nlp(fast)(text)
        assert not [e for e in doc.ents if e.text.startswith("Allegro") and e.label_ == "Method"], fast
