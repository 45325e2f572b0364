"""The accurate tier's learned relation classifier (extractors/relclf.py):
its plain functions, the shipped weights on hand-written sentences, the
output contract in `kg extract --model accurate`, and the trainer's reader
and optimiser on small inputs (no training on the corpora here)."""
from __future__ import annotations

import json
import os
import tempfile

import numpy as np
import pytest
from click.testing import CliRunner

from extractors.encoder import model_available
from extractors.relclf import (COMPARATIVE, between_words, coordinated, DIST_EDGES, INNER_EDGES, MODEL_PATH, TYPES, PairModel, candidate_pairs, decode,
                               feature_size, fit_signature, pair_features)
from extractors.train_relclf import read_dygie, train_mlp

needs_models = pytest.mark.skipif(not (model_available() and MODEL_PATH.exists()), reason="no encoder or relation model")


def test_candidate_pairs_in_order_without_overlaps_and_within_the_gap():
    spans = [(0, 2), (5, 6), (1, 3), (40, 42)]
    # (0,2) and (1,3) overlap; (40,42) is too far from all
    assert candidate_pairs(spans, max_gap=25) == [(0, 1), (2, 1)]
    assert (0, 3) in candidate_pairs(spans, max_gap=40)


def test_pair_features_layout():
    rng = np.random.default_rng(0)
    vecs = rng.standard_normal((9, 4)).astype(np.float16)
    spans, types = [(1, 3), (4, 5), (6, 8)], [TYPES.index("Method"), TYPES.index("Dataset"), TYPES.index("Task")]
    x = pair_features(vecs, spans, types, [(0, 2)])
    nt = len(TYPES)
    assert x.shape == (1, feature_size(4)) == (1, 24 + 2 * nt + len(DIST_EDGES) + 1 + len(INNER_EDGES) + 1)
    v = vecs.astype(np.float32)
    a, b = v[1:3].mean(0), v[6:8].mean(0)
    for k, want in enumerate((a, b, a * b, v[3:6].mean(0), v[0:1].mean(0), v[8:9].mean(0))):
        np.testing.assert_allclose(x[0, 4 * k:4 * k + 4], want, rtol=1e-5)  # A, B, A*B, between, before, after
    onehots = x[0, 24:]
    assert onehots[TYPES.index("Method")] == 1 and onehots[nt + TYPES.index("Task")] == 1
    dist = onehots[2 * nt:2 * nt + len(DIST_EDGES) + 1]
    assert dist.argmax() == 3  # 3 words between: bucket "<= 3"
    inner = onehots[2 * nt + len(DIST_EDGES) + 1:]
    assert inner.argmax() == 1  # one mention (span 1) between them
    assert onehots.sum() == 4


def test_pair_features_of_many_pairs_are_each_pairs_own():
    """All pairs at once (numpy indexing) give each pair the row it gets alone,
    at a sentence's edges too (no word before the first span, none after the
    last, adjacent spans with nothing between)."""
    rng = np.random.default_rng(3)
    vecs = rng.standard_normal((12, 8)).astype(np.float16)
    spans = [(0, 2), (2, 3), (5, 7), (7, 8), (10, 12)]
    types = [0, 1, 2, 3, 4]
    pairs = candidate_pairs(spans)
    assert len(pairs) == 10
    together = pair_features(vecs, spans, types, pairs)
    for r, pair in enumerate(pairs):
        assert together[r].tobytes() == pair_features(vecs, spans, types, [pair])[0].tobytes()
    assert not together[pairs.index((0, 1)), 3 * 8:5 * 8].any()  # nothing between, nothing before


def test_predict_proba_keeps_blas_on_one_thread_and_restores_it():
    from threadpoolctl import threadpool_info

    from extractors.relclf import one_blas_thread

    before = [i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"]
    with one_blas_thread():
        assert all(i["num_threads"] == 1 for i in threadpool_info() if i["user_api"] == "blas")
    assert [i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"] == before


def test_decode_emits_the_best_relation_with_its_direction_never_none_or_silent():
    classes = ["NONE", "CONJUNCTION", "USED_FOR<", "USED_FOR>", "COMPARE_WITH"]
    probs = np.array([
        [0.1, 0.0, 0.8, 0.1, 0.0],   # USED_FOR, second span is the source
        [0.7, 0.0, 0.1, 0.2, 0.0],   # NONE wins
        [0.1, 0.6, 0.0, 0.3, 0.0],   # silent CONJUNCTION wins: nothing
        [0.2, 0.0, 0.0, 0.35, 0.45],  # COMPARE_WITH
        [0.3, 0.0, 0.0, 0.4, 0.3],   # USED_FOR> below a 0.5 threshold
    ])
    pairs = [(0, 1), (0, 2), (1, 2), (2, 3), (3, 4)]
    got = decode(probs, classes, pairs, threshold=0.3)
    assert [(s, t, r) for s, t, r, _ in got] == [(1, 0, "USED_FOR"), (2, 3, "COMPARE_WITH"), (3, 4, "USED_FOR")]
    assert [r for *_, r, _ in decode(probs, classes, pairs, threshold=0.5)] == ["USED_FOR"]
    assert decode(probs, classes, pairs, 0.3, emit=frozenset({"COMPARE_WITH"}))[0][2] == "COMPARE_WITH"
    # per-type thresholds (chosen by CV): a type above its own bar only; a type not listed is never emitted
    got = decode(probs, classes, pairs, {"USED_FOR": 0.5, "COMPARE_WITH": 0.4})
    assert [(s, t, r) for s, t, r, _ in got] == [(1, 0, "USED_FOR"), (2, 3, "COMPARE_WITH")]
    assert [r for *_, r, _ in decode(probs, classes, pairs, {"USED_FOR": 0.3})] == ["USED_FOR", "USED_FOR"]


def test_model_thresholds_are_global_or_per_type():
    from extractors.relclf import PairModel

    params = {k: np.zeros((2, 2), np.float32) for k in ("w1", "w2")}
    params.update(mean=np.zeros(2, np.float32), scale=np.ones(2, np.float32), b1=np.zeros(2, np.float32),
                  b2=np.zeros(2, np.float32), classes=np.array(["NONE", "USED_FOR>"]), threshold=np.float32(0.5))
    assert PairModel(params).thresholds() == 0.5
    params.update(threshold_types=np.array(["SUBCLASS_OF"]), threshold_values=np.array([2.0], np.float32))
    assert PairModel(params).thresholds() == {"NONE": 0.5, "USED_FOR": 0.5, "SUBCLASS_OF": 2.0}


def test_fit_signature_follows_the_ontology():
    assert fit_signature("USED_FOR", "Method", "Task") == ("USED_FOR", False)
    assert fit_signature("USED_FOR", "Dataset", "Method") == ("TRAINED_WITH", True)
    assert fit_signature("USED_FOR", "Benchmark", "Task") == ("BENCHMARK_FOR", False)
    assert fit_signature("USED_FOR", "Metric", "Task") is None
    assert fit_signature("USED_FOR", "Method", "Method") is None
    assert fit_signature("SUBCLASS_OF", "Task", "Task") == ("SUBTASK_OF", False)
    assert fit_signature("COMPARE_WITH", "Method", "Dataset") is None
    assert fit_signature("EVALUATED_WITH", "Method", "Benchmark") == ("EVALUATED_WITH", False)
    assert fit_signature("BENCHMARK_FOR", "Task", "Dataset") is None


def test_a_list_joins_no_pair():
    words = "We use SHB , ASG and GPS , which improve over SGD".split()
    spans = [(2, 3), (4, 5), (6, 7), (11, 12)]
    assert between_words(spans, 0, 2, words) == [",", "and"]  # ASG left out
    assert coordinated(between_words(spans, 0, 1, words)) and coordinated(between_words(spans, 0, 2, words))
    assert not coordinated(between_words(spans, 2, 3, words))  # ", which improve over"
    assert not coordinated([]) and not coordinated(["the"])
    # "Particle Swarm Optimization (PSO), Surrogate Optimization (SO), and ...": abbreviations inside the list
    assert coordinated(["(", ")", ","]) and coordinated([",", "(", "PSO", ")", "and"])
    assert not coordinated([")", ","]) and coordinated([")", ","], brackets=True)
    assert not coordinated(["("], brackets=True)  # "A (B)" names one thing twice, it is no list


def test_comparative_statement_cue():
    assert COMPARATIVE.search("Our parser is faster than the chart parser")
    assert COMPARATIVE.search("We compare CRFs with HMMs")
    assert not COMPARATIVE.search("We use BERT, ELMo and GPT in our experiments.")


def test_pair_model_softmax_rows():
    rng = np.random.default_rng(1)
    d, h, c = 6, 5, 3
    params = {"mean": np.zeros(d), "scale": np.ones(d), "w1": rng.standard_normal((d, h)), "b1": np.zeros(h),
              "w2": rng.standard_normal((h, c)), "b2": np.zeros(c), "classes": np.array(["NONE", "A>", "A<"]),
              "threshold": np.float32(0.4)}
    m = PairModel(params)
    p = m.predict_proba(rng.standard_normal((4, d)).astype(np.float32))
    assert p.shape == (4, 3) and np.allclose(p.sum(1), 1) and m.threshold == pytest.approx(0.4)
    assert m.predict_proba(np.zeros((0, d), np.float32)).shape == (0, 3)


def test_train_mlp_learns_a_separable_problem():
    rng = np.random.default_rng(0)
    x = rng.standard_normal((600, 10)).astype(np.float32)
    y = (x[:, 0] > 0.3).astype(int) + (x[:, 1] > 1.0).astype(int)
    params = train_mlp(x, y, 3, hidden=16, epochs=40, lr=1e-2, none_weight=1.0, dropout=0.0)
    m = PairModel({**params, "classes": np.array(["NONE", "B", "C"])})
    assert (m.predict_proba(x).argmax(1) == y).mean() > 0.9


def test_read_dygie_maps_scierc_types_and_directions(tmp_path):
    rec = {"doc_key": "d1", "sentences": [["We", "use", "CRFs", "for", "NER", "and", "BLEU", "."]],
           "ner": [[[2, 2, "Method"], [4, 4, "Task"], [6, 6, "Metric"]]],
           "relations": [[[2, 2, 4, 4, "USED-FOR"], [6, 6, 2, 2, "EVALUATE-FOR"], [4, 4, 6, 6, "CONJUNCTION"]]]}
    path = tmp_path / "scierc" / "train.json"
    path.parent.mkdir()
    path.write_text(json.dumps(rec) + "\n{broken\n")
    with pytest.raises(ValueError, match=r"train\.json:2"):
        read_dygie(path)
    path.write_text(json.dumps(rec) + "\n")
    [s] = read_dygie(path)
    assert s.spans == [(2, 3), (4, 5), (6, 7)]
    # CRFs USED_FOR NER (first is source); CRFs EVALUATED_WITH BLEU (EVALUATE-FOR reversed); CONJUNCTION silent
    assert s.labels == {(0, 1): "USED_FOR>", (0, 2): "EVALUATED_WITH>", (1, 2): "CONJUNCTION"}


@needs_models
def test_classifier_gives_used_for_on_a_hand_written_sentence():
    from extractors.pipeline import get_nlp

    # (a sentence no cue pattern joins: "yield large gains in" is now the performance-in pattern's)
    text = "Recurrent neural networks bring large gains to machine translation."
    doc = get_nlp("accurate")(text)
    got = {(r.type.value, text[r.source[0]:r.source[1]], text[r.target[0]:r.target[1]], r.extractor)
           for r in doc._.relations if isinstance(r.source, tuple)}
    assert ("USED_FOR", "Recurrent neural networks", "machine translation", "encoder:relclf") in got
    assert "mlkg_encoder_vectors" not in doc.user_data  # the vectors are dropped once used


@needs_models
def test_a_list_is_no_comparison():
    from extractors.pipeline import get_nlp

    doc = get_nlp("accurate")("We use BERT, ELMo and GPT in our experiments.")
    assert not [r for r in doc._.relations if r.type.value in ("COMPARE_WITH", "OUTPERFORMS")]


@needs_models
def test_classifier_edges_keep_the_output_contract():
    from kg.cli import main

    title = "Neural Machine Translation"
    abstract = ("Recurrent neural networks bring large gains to machine translation. "
                "Support vector machines remain strong in text classification.")
    with tempfile.TemporaryDirectory() as tmp:
        src, out = os.path.join(tmp, "in.jsonl"), os.path.join(tmp, "out.jsonl")
        with open(src, "w") as fh:
            fh.write(json.dumps({"id": "x1", "title": title, "abstract": abstract}) + "\n")
        res = CliRunner().invoke(main, ["extract", src, "-o", out, "--model", "accurate"])
        assert res.exit_code == 0, res.output
        paper = json.loads(open(out).readline())
    raw = {"title": title, "abstract": abstract}
    mine = [r for r in paper["relations"] if r["extractor"] == "encoder:relclf"]
    assert mine
    for r in mine:
        assert set(r) >= {"type", "source", "target", "evidence", "source_mention", "target_mention", "extractor",
                          "confidence"}
        assert 0 < r["confidence"] <= 1
        ev = r["evidence"]
        assert raw[ev["field"]][ev["start"]:ev["end"]] == ev["text"]
        for m in (r["source_mention"], r["target_mention"]):
            assert m["field"] == ev["field"] and ev["start"] <= m["start"] < m["end"] <= ev["end"]
            assert raw[m["field"]][m["start"]:m["end"]] == m["text"]


@needs_models
def test_synonyms_come_from_the_pattern_only():
    from extractors.pipeline import get_nlp

    text = ("We study transfer learning (PETL) and our own BERT (SEC-BERT). "
            "Convolutional neural networks (CNNs) are used for image classification.")
    doc = get_nlp("accurate")(text)
    syn = [r for r in doc._.relations if r.type.value == "SYNONYM_OF"]
    assert all(r.extractor.startswith("pattern:") for r in syn)
    assert ("CNNs", "Convolutional neural networks") in {(text[slice(*r.source)], text[slice(*r.target)]) for r in syn}


def test_a_relation_spreads_over_a_list_on_the_sides_sciers_counts_allow():
    from extractors.relation_lists import siblings, spread

    words = "We evaluate BERT on CoNLL , OntoNotes and WNUT for NER".split()
    spans = [(2, 3), (4, 5), (6, 7), (8, 9), (10, 11)]
    labels = ["Method", "Dataset", "Dataset", "Dataset", "Task"]
    sibs = siblings(spans, labels, words)
    assert sibs[1] == [2, 3] and sibs[0] == [] and sibs[4] == []
    got = spread([(0, "EVALUATED_WITH", 1)], sibs)
    assert [(s, r, t) for s, r, t, _ in got] == [(0, "EVALUATED_WITH", 2), (0, "EVALUATED_WITH", 3)]
    # SUBCLASS_OF spreads on its source side only ("A, B and C are kinds of D")
    assert spread([(0, "SUBCLASS_OF", 1)], sibs) == []
    assert [(s, t) for s, _, t, _ in spread([(1, "SUBCLASS_OF", 4)], sibs)] == [(2, 4), (3, 4)]
    assert spread([(1, "SYNONYM_OF", 4)], sibs) == []
    # a pair already related is left alone
    assert [(s, t) for s, _, t, _ in spread([(0, "EVALUATED_WITH", 1), (0, "USED_FOR", 2)], sibs)] == [(0, 3)]


@needs_models
def test_lists_in_the_accurate_tier():
    from extractors.pipeline import get_nlp

    text = "We evaluate our parser on the Penn Treebank, OntoNotes and CoNLL-2003."
    doc = get_nlp("accurate")(text)
    ents = {e.text: e.label_ for e in doc.ents}
    got = {(r.type.value, text[slice(*r.source)], text[slice(*r.target)], r.extractor.endswith("+list"))
           for r in doc._.relations if isinstance(r.source, tuple)}
    # no edge inside the list
    members = {"Penn Treebank", "OntoNotes", "CoNLL-2003"} & set(ents)
    assert not {(s, t) for _, s, t, _ in got if s in members and t in members}


def test_without_weights_the_component_warns_and_leaves_the_relations(tmp_path):
    import spacy

    import extractors.relations  # noqa: F401 (registers doc._.relations)
    from extractors.encoder import VECTORS_KEY
    from extractors.relclf import RelationClassifier, load_model

    load_model.cache_clear()
    nlp = spacy.blank("en")
    with pytest.warns(UserWarning, match="no relation model"):
        comp = RelationClassifier(nlp, "mlkg_relclf_v1", model_path=str(tmp_path / "none.npz"))
    doc = nlp("BERT is used for question answering.")
    doc.user_data[VECTORS_KEY] = np.zeros((len(doc), 4), np.float16)
    doc._.relations = ["kept"]
    assert comp(doc)._.relations == ["kept"] and VECTORS_KEY not in doc.user_data


@needs_models
def test_accurate_tier_comparable_is_no_win():
    from extractors.pipeline import get_nlp

    text = ("We propose FooNet, a new detector. Experiments show that our method outperforms Faster R-CNN and YOLO "
            "on COCO, and is comparable to DETR.")
    doc = get_nlp("accurate")(text)
    wins = {(text[slice(*r.source)], text[slice(*r.target)]) for r in doc._.relations
            if r.type.value == "OUTPERFORMS" and isinstance(r.source, tuple)}
    assert ("FooNet", "Faster R-CNN") in wins and not any(t == "DETR" for _, t in wins)


def test_a_kind_is_the_derived_or_named_thing():
    from extractors.relclf import kind_reversed

    # the subclass carries the superclass's name and more ("Sparse Transformer" is a Transformer)
    assert kind_reversed("Transformer", "Sparse Transformer")
    assert not kind_reversed("Sparse Transformer", "Transformer")
    # a named thing is a kind of a common lower-case one, not the reverse
    assert kind_reversed("graph neural network", "GraphSAGE")
    assert not kind_reversed("GraphSAGE", "graph neural network")
    # an all-capitals name may be the class itself ("importance sampling, a kind of MCMC")
    assert not kind_reversed("importance sampling", "MCMC")
    # nothing tells: the classifier's direction stands
    assert not kind_reversed("ResNet", "VGG") and not kind_reversed("VGG", "ResNet")


def _sentence_model(classes):
    from extractors.train_relclf import Sentence

    # "GraphSAGE , a graph neural network , aids parsing via tagging ." (Method, Method, Task, Task)
    words = "GraphSAGE , a graph neural network , aids parsing via tagging .".split()
    s = Sentence("d", words, [(0, 1), (3, 6), (8, 9), (10, 11)], [0, 0, 1, 1], {})
    where = [(0, 0, 1), (0, 2, 3)]
    probs = np.zeros((2, len(classes)), np.float32)
    probs[0, classes.index("SUBCLASS_OF<")] = 0.9  # read as "graph neural network SUBCLASS_OF GraphSAGE"
    probs[1, classes.index("USED_FOR>")] = 0.9  # "parsing USED_FOR tagging"
    probs[:, 0] = 0.1
    return [s], where, probs


def test_decoding_turns_a_reversed_kind_and_abstains_where_cv_says_so():
    from extractors.relclf import PairModel
    from extractors.train_relclf import predicted, signature_thresholds

    classes = ["NONE", "SUBCLASS_OF<", "SUBCLASS_OF>", "USED_FOR>"]
    sents, where, probs = _sentence_model(classes)
    got = predicted(sents, where, probs, classes, 0.5, lists=False)
    assert (0, 0, "SUBCLASS_OF", 1) in got  # GraphSAGE SUBCLASS_OF graph neural network
    assert (0, 2, "USED_FOR", 3) in got
    assert predicted(sents, where, probs, classes, 0.5, lists=False, direction=False) >= {(0, 1, "SUBCLASS_OF", 0)}
    got = predicted(sents, where, probs, classes, 0.5, lists=False, signatures={"USED_FOR|Task|Task": 2.0})
    assert got == {(0, 0, "SUBCLASS_OF", 1)}
    # the CV's choice: a signature wrong in the CV abstains, one right keeps no threshold of its own
    many = sents * 12
    where12 = [(k, i, j) for k in range(12) for _, i, j in where]
    gold = {(k, 0, "SUBCLASS_OF", 1) for k in range(12)}
    # USED_FOR: a type whose CV gold is too thin is not judged (SciERC's conventions differ for some types)
    assert signature_thresholds(many, where12, np.vstack([probs] * 12), classes, gold, 0.5)["signature_thresholds"] == {}
    gold |= {(100 + k, 0, "USED_FOR", 1) for k in range(20)}  # USED_FOR relations elsewhere, which the CV missed
    gold |= {(100 + k, 0, "SUBCLASS_OF", 1) for k in range(8)}
    res = signature_thresholds(many, where12, np.vstack([probs] * 12), classes, gold, 0.5)
    assert res["signature_thresholds"] == {"USED_FOR|Task|Task": 2.0}
    params = {k: np.zeros((2, 2), np.float32) for k in ("w1", "w2")}
    params.update(mean=np.zeros(2, np.float32), scale=np.ones(2, np.float32), b1=np.zeros(2, np.float32),
                  b2=np.zeros(2, np.float32), classes=np.array(["NONE", "USED_FOR>"]), threshold=np.float32(0.5),
                  signature_keys=np.array(["USED_FOR|Task|Task"]), signature_values=np.array([2.0], np.float32))
    model = PairModel(params)
    assert model.signature_threshold("USED_FOR", "Task", "Task") == 2.0
    assert model.signature_threshold("USED_FOR", "Method", "Task") == 0.0
