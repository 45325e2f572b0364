"""The paper's own method named by a descriptive phrase after its proposal cue
(extractors/proposal_phrases.py). Sentences are from real abstracts of
../shared/corpora/abstracts (source ids given; the sentences are quoted, so
the tests need no ../shared)."""
from __future__ import annotations

import json
import os
import tempfile

import pytest
from click.testing import CliRunner

from extractors.cues import cue_spans
from extractors.proposal_phrases import descriptive_proposal, title_case_proposal


def _phrase(sentence: str) -> str | None:
    """The phrase the sentence's first proposal cue proposes, if any."""
    for _, end in cue_spans(sentence, None):
        span = descriptive_proposal(sentence, end, len(sentence))
        return sentence[span[0] : span[1]] if span else None
    return None


@pytest.mark.parametrize("sentence, phrase", [
    # conference_papers:c847e6edf0 (audit part A)
    ("Moreover, in our meta-learning-based framework, we propose a context-aware query embedding encoder for "
     "incorporating support set context into query embedding.", "context-aware query embedding encoder"),
    # acl_anthology:2021.naacl-main.137
    ("We design a lattice position attention mechanism to exploit the lattice structures in self-attention layers.",
     "lattice position attention mechanism"),
    # conference_papers:paper848
    ("Finally, we develop a multi-filter subgraph encoder which constructs multiple different filter channels.",
     "multi-filter subgraph encoder"),
    # conference_papers:0b10c259fc
    ("Additionally, we introduce an edge-aware feature fusion module to improve boundary results in the "
     "segmentation model.", "edge-aware feature fusion module"),
    # acl_anthology:2020.ccl-1.86: evaluative words before the phrase are no part of it
    ("To alleviate the errors of predicting entity boundaries, we propose an adaptive multi-pass memory network to "
     "exploit lexical knowledge.", "adaptive multi-pass memory network"),
])
def test_the_descriptive_name_after_the_cue_is_the_proposal(sentence, phrase):
    assert _phrase(sentence) == phrase


@pytest.mark.parametrize("sentence", [
    # acl_anthology:P18-1207: only adjectives before the head, a kind described
    "Addressing such issues, we introduce a hierarchical multimodal architecture with attention and word-level "
    "fusion to classify utterance-level sentiment and emotion from text and audio data.",
    # acl_anthology:N19-1370
    "In this paper, we propose a novel multiscale neural architecture for document-level n-ary relation extraction.",
    # a method for a task: the modifiers name the task
    "We design a sequence labeling model based on ALBERT-LSTM-softmax.",
    # one plain modifier word: a description ("optimization method" is generic in the audit guide)
    "In this paper, we propose a simple yet effective optimization method to improve SGD.",
    # an existing family: real abstracts define "hierarchical attention network" with an abbreviation
    "We propose a hierarchical attention network for document classification.",
    # a whole method's head describes a kind as often as it names one (conference_papers:04281, audit part K;
    # acl_anthology sentence of draw_sample(6000, 26120741))
    "We propose a diversity-aware alignment selection method to choose reliable alignments for each aligner.",
    "We propose a two-staged sentence selection strategy to account for examples in the dataset.",
    # a kind described by its modifiers ("two-level", "X-based")
    "We design a two-level perturbation fusion strategy.",  # conference_papers:00989 (audit part C), abridged
    # the cue's object is a clause, not a noun phrase
    "We propose to incorporate thresholding in the network to perform support selection.",
    # a pair defined with a short form is the pair rule's (extractors/proposal_pairs.py)
    "We propose a novel approach, graph representation learning via causal diffusion (CausalDiffRec).",
])
def test_a_described_kind_or_a_family_is_no_descriptive_proposal(sentence):
    assert _phrase(sentence) is None


def test_the_descriptive_proposal_is_a_node_the_paper_proposes():
    """End to end: the phrase is a Method node (kg/nodes.py's "own-phrase" source) with PROPOSES, and a
    name-like proposal in the same sentence still wins (acl_anthology:2020.coling-main.437,
    conference_papers:c847e6edf0, abridged)."""
    from kg.cli import main

    records = [
        {"id": "a", "title": "Class-Discriminative Feature Embedding For Meta-Learning based Few-Shot Classification",
         "abstract": "In few-shot classification, the objective is to train a classifier from only a handful of "
                     "labeled examples in a support set. Moreover, in our meta-learning-based framework, we propose a "
                     "context-aware query embedding encoder for incorporating support set context into query "
                     "embedding."},
        {"id": "b", "title": "A title",
         "abstract": "We propose SlotRefine, a non-autoregressive model for joint intent detection and slot filling."},
    ]
    with tempfile.TemporaryDirectory() as tmp:
        src, out = os.path.join(tmp, "in.jsonl"), os.path.join(tmp, "out.jsonl")
        with open(src, "w") as fh:
            fh.writelines(json.dumps(r) + "\n" for r in records)
        res = CliRunner().invoke(main, ["extract", src, "-o", out])
        assert res.exit_code == 0, res.output
        papers = [json.loads(line) for line in open(out)]
    proposed = []
    for p in papers:
        names = {e["id"]: (e["name"], e["type"]) for e in p["entities"]}
        proposed.append({names[r["target"]] for r in p["relations"] if r["type"] == "PROPOSES"})
    assert ("context-aware query embedding encoder", "Method") in proposed[0]
    assert {name for name, _ in proposed[1]} == {"SlotRefine"}


def _title_case(sentence: str) -> str | None:
    for _, end in cue_spans(sentence, None):
        span = title_case_proposal(sentence, end, len(sentence))
        return sentence[span[0] : span[1]] if span else None
    return None


@pytest.mark.parametrize("sentence, name", [
    # conference_papers:fa9bd5d8bd (audit part K)
    ("We propose Atlas Replay, an atlas-based segmentation approach that uses prototypes to generate "
     "high-quality segmentation masks.", "Atlas Replay"),
    # acl_anthology:W18-2601 (audit part J)
    ("To tackle the problem that the single-pass model cannot reflect on and correct its answer, we present "
     "Ruminating Reader.", "Ruminating Reader"),
    # draw_sample(6000, 26120741)
    ("We present Poem Machine, an interactive online tool for co-authoring Finnish poetry.", "Poem Machine"),
    ("In this context we design Dynamic Gaussian Anchoring to enforce attribute-separated latent units.",
     "Dynamic Gaussian Anchoring"),
])
def test_a_title_case_name_after_the_cue_is_the_proposal(sentence, name):
    assert _title_case(sentence) == name


@pytest.mark.parametrize("sentence", [
    # an abbreviation pair is the pair rule's; a name that runs on after "with" is not cut
    "In this paper, we propose Structure Aware Negative Sampling (SANS), an inexpensive negative sampling strategy.",
    "We propose Active Learning with Contrastive Explanations (ALICE), an expert-in-the-loop training framework.",
    # one capitalised word before lower-case ones is no Title Case name
    "We present Bayesian optimization over graphs.",
])
def test_no_title_case_name_where_it_runs_on_or_is_one_word(sentence):
    assert _title_case(sentence) is None


def test_a_second_name_coordinated_with_the_first_is_proposed_too():
    """conference_papers:paper303, conference_papers:721ec4d0e5 (draw_sample(3000, 26120740)); a name cut by
    the tokenizer ("SECLA-B." as "SECLA-" "B.", conference_papers:d4913d80cd) is not taken."""
    from extractors.pipeline import make_nlp
    from extractors.doctext import get_ext

    nlp = make_nlp("standard")
    title = "A title"
    text = (title + "\n\nTo overcome this, we introduce HSimplE and HypE, two embedding-based methods that work directly "
            "with hypergraphs. We propose CNN2GNN and CNN2Transformer which instead leverage inter-example "
            "information. In this paper, we propose SECLA and SECLA-B.")
    doc = nlp.make_doc(text)
    doc.user_data["title_end"] = len(title)
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    proposed = {text[a:b] for a, b in get_ext(doc, "proposed")}
    assert {"HSimplE", "HypE", "CNN2GNN", "CNN2Transformer", "SECLA"} <= proposed
    assert "SECLA-" not in proposed


def test_a_short_form_defined_before_modifies_and_is_not_proposed():
    """acl_anthology:2020.findings-emnlp.105 and acl_anthology:2020.coling-main.46 (abridged): "KGE" and "KG",
    defined before, modify the cue's object ("a novel KGE framework with ..."), which names no field; the
    name given after the modifier ("KG embedding framework, GeomE") still is proposed."""
    from extractors.pipeline import make_nlp
    from extractors.doctext import get_ext

    nlp = make_nlp("standard")
    title = "A title"
    text = (title + "\n\nRecent advances in Knowledge Graph Embedding (KGE) allow for representing entities and "
            "relations in continuous vector spaces. To explore the type information for any KG, we develop a novel "
            "KGE framework with Automated Entity TypE Representation, which learns the latent type embedding of "
            "each entity. Knowledge graph (KG) embedding aims at embedding entities and relations in a KG into low "
            "dimensional latent representation spaces. In this work, we introduce a novel geometric "
            "algebra-based KG embedding framework, GeomE, which utilizes multivector representations.")
    doc = nlp.make_doc(text)
    doc.user_data["title_end"] = len(title)
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    proposed = {text[a:b] for a, b in get_ext(doc, "proposed")}
    assert "KGE" not in proposed and "KG" not in proposed
    assert "GeomE" in proposed
