"""The paper's named parts and the mined established terms (extractors/components.py,
ontology/established_terms.py): candidates, nodes and relations on hand-written text."""
from __future__ import annotations

from collections import Counter

import pytest

from extractors.pipeline import make_nlp
from ontology.established_terms import established_terms, is_tail


@pytest.fixture(scope="module")
def nlp():
    return make_nlp("fast")


def _ents(nlp, text):
    return {(e.text, e.label_, e.id_) for e in nlp(text).ents}


def test_no_part_in_an_abstract_that_names_no_known_method(nlp):
    text = "A hexapod robot.\n\nWe design a novel tendon-driven joint module and a leg loss detector."
    assert not {t for t, _, src in _ents(nlp, text) if src == "component"}


def test_named_parts_of_own_work_are_method_candidates(nlp):
    text = ("DifTraj: trajectory prediction.\n\nWe propose DifTraj, built on BERT. A spatial-temporal aggregation module is built "
            "to extract features, and we construct the intrinsic intention module. We present a novel sample "
            "consistency loss. Each subnetwork is composed of a clause representation learner and a local pair searcher.")
    names = {t for t, label, src in _ents(nlp, text) if src == "component" and label == "Method"}
    assert {"spatial-temporal aggregation module", "intrinsic intention module", "sample consistency loss",
            "clause representation learner", "local pair searcher"} <= names


def test_no_part_without_a_naming_word_or_outside_own_work(nlp):
    text = ("Some title.\n\nWe propose a novel module and a new loss for BERT. Prior systems used a gated fusion module "
            "for this. The Edge Matching module of our model is fast.")
    names = {t for t, _, src in _ents(nlp, text) if src == "component"}
    assert "novel module" not in names and "new loss" not in names and "module" not in names
    assert "gated fusion module" not in names  # not the paper's own work
    assert not any(n.startswith("Matching") or n == "module" for n in names)  # tail of a longer name


def test_part_relations_to_the_proposed_method():
    from tests.test_relations import _extract, _triples

    paper, names = _extract("DifTraj: Diffusion Trajectory Prediction",
                            "We propose DifTraj for trajectory prediction with an LSTM. Specifically, we construct the intrinsic "
                            "intention module to model goals. DifTraj outperforms baselines on ETH.")
    rels = _triples(paper, names)
    assert ("PROPOSES", "PAPER", "intrinsic intention module") in rels
    assert ("PART_OF", "intrinsic intention module", "DifTraj") in rels


def test_established_terms_table_is_mined_and_typed():
    terms = established_terms()
    assert terms, "ontology/gazetteer/established_terms.tsv is missing: python -m ontology.established_terms"
    assert set(terms.values()) <= {"Method", "Task"}
    assert terms.get("attention mechanism") == "Method"


def test_a_phrase_mostly_after_one_word_is_a_tail():
    assert is_tail("entity recognition", Counter({"named": 600, "the": 30, "for": 24}), 654)
    assert not is_tail("language model", Counter({"large": 800, "the": 900, "masked": 150, "of": 500}), 5062)


def test_papers_with_code_names_count_as_names_in_the_mined_table():
    """A lower-case task name that abstracts never define nor Title-Case but Papers with Code lists
    ("fraud detection": 33 abstracts, usage 0 tool / 7 problem contexts, too few to type it) is
    kept and typed by Papers with Code; the same counts without the listing give nothing."""
    from ontology.established_terms import listed_names, select

    listed = listed_names()
    assert listed.get("fraud detection") == "Task" and listed.get("depthwise convolution") == "Method"
    assert not any(c.isupper() or c.isdigit() for k in listed for c in k)  # coined names are matched elsewhere
    df, tool, problem = Counter({"fraud detection": 33}), Counter(), Counter({"fraud detection": 7})
    assert [r[:2] for r in select(df, tool, problem, set(), listed)] == [("fraud detection", "Task")]
    assert select(df, tool, problem, set(), {}) == []
    # a listed name whose head disagrees with the listed type is left to usage: PwC files
    # "sentence embeddings" as a task, but "embedding" heads techniques
    df = Counter({"sentence embedding": 265})
    rows = select(df, Counter({"sentence embedding": 2}), Counter({"sentence embedding": 3}), set(),
                  {"sentence embedding": "Task"})
    assert rows == []


def test_a_mined_term_found_by_another_extractor_is_a_node():
    """The tagger's span over "attention mechanism" (ACL I17-4035: "By adding an attention mechanism to
    the standard LSTM") is no concept: the mined table names it, whichever extractor found it."""
    from kg.nodes import node_kind

    assert "attention mechanism" in established_terms()
    assert node_kind("attention mechanism", False, False, "Method", source="tagger") == "term"
    assert node_kind("lightweight modules", False, False, "Method", source="tagger") is None
