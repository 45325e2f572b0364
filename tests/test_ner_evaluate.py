"""Statistical NER component and the ``kg evaluate`` corpus scorer."""
from __future__ import annotations

import warnings
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.evaluate import (
    PRF, detect_corpus, detokenize, gold_spans, read_conll, read_corpus, read_dygie, read_scier_sentences,
    score_exact, score_overlap, score_spans,
)

FIX = Path(__file__).parent / "fixtures" / "corpora"


def _surfaces(doc):
    text = doc.text
    return [(text[s:e], t) for s, e, t in doc.char_spans()]


# ------------------------------------------------------------------ readers


def test_read_scierc_document_level_inclusive_indices():
    (doc,) = read_dygie(FIX / "mini_scierc.json")
    assert doc.doc_id == "X01-1001"
    assert _surfaces(doc) == [
        ("statistical machine translation system", "Method"), ("speech recognition", "Task"),
        ("BLEU", "Metric"), ("two points", "Generic"),
    ]
    assert detect_corpus(FIX / "mini_scierc.json") == ("scierc", "dygie")


def test_read_scier_doc_level_and_chunks():
    (doc,) = read_dygie(FIX / "mini_scier_dev.jsonl", split_words=True)
    assert _surfaces(doc) == [("ResNet-50", "Method"), ("ImageNet", "Dataset"), ("image classification", "Task")]
    chunks = read_dygie(FIX / "mini_scier_dev.jsonl", chunk_sentences=1, split_words=True)
    assert [_surfaces(c) for c in chunks] == [
        [("ResNet-50", "Method"), ("ImageNet", "Dataset")], [("image classification", "Task")]
    ]
    assert read_corpus(FIX / "mini_scier_dev.jsonl")[1][0].text.startswith(doc.text[:20])
    assert detect_corpus(FIX / "mini_scier_dev.jsonl") == ("scier", "dygie")


def test_read_scier_sentences_locates_surfaces():
    docs = read_scier_sentences(FIX / "mini_scier_sentences.jsonl")
    assert sorted(_surfaces(docs[0])) == [("ImageNet", "Dataset"), ("ImageNet-V2", "Dataset"), ("ResNet-50", "Method")]
    # "ImageNet" is the first occurrence, not the one inside "ImageNet - V2"
    assert [s for s in docs[0].spans if s[2] == "Dataset"][0][0] == 6 or (6, 7, "Dataset") in docs[0].spans
    assert _surfaces(docs[1]) == [("image classification", "Task")]
    assert detect_corpus(FIX / "mini_scier_sentences.jsonl") == ("scier", "scier_sentences")


def test_detokenize_undoes_ptb_escapes_and_split_words():
    words = "convolutional neural networks -LRB- CNNs -RRB- , `` few - shot '' , YOLOv 3 on VOC 2 0 1 2 in 2 0 1 8 [ 1 1 ] ; I 3 D".split()
    out, spaces = detokenize(words, split_words=True)
    text = "".join(w + (" " if sp else "") for w, sp in zip(out, spaces))
    assert text == 'convolutional neural networks (CNNs), "few-shot", YOLOv3 on VOC2012 in 2018 [11]; I3D'
    assert len(out) == len(words)  # token boundaries (and so gold spans) unchanged
    plain, _ = detokenize(["a", "-", "b", "-LRB-"])  # SciERC: hyphens and numbers as they are
    assert plain == ["a", "-", "b", "("]
    text = "".join(w + (" " if sp else "") for w, sp in zip(*detokenize(["a", "-", "b"])))
    assert text == "a - b"


SCIER_TRAIN = Path(__file__).parents[2] / "shared" / "corpora" / "scier" / "train.jsonl"


@pytest.mark.skipif(not SCIER_TRAIN.exists(), reason="needs ../shared/corpora/scier")
def test_detokenize_rejoins_names_and_decimals_scier_split_at_digits():
    """SciER's PDF tokens split 'Word2Vec', 'SQuAD v1.1' and '83.9' at their
    digits; the pipeline reads the words as the paper wrote them, while
    'Table 2 shows' and a footnote mark after a sentence stay apart."""
    import json

    wanted = {"Word 2 Vec": "Word2Vec", "Node 2 vec": "Node2vec", "SQuAD v 1 . 1": "SQuAD v1.1",
              "3 6 3 . 7": "363.7", "Table 2 shows": "Table 2 shows", "1 0 1 . 6 Using": "101. 6 Using"}
    seen = set()
    with open(SCIER_TRAIN, encoding="utf-8") as fh:
        for line in fh:
            sentence = json.loads(line)["sentence"]
            for split, joined in wanted.items():
                if split in sentence and split not in seen:
                    words = sentence.split()
                    out, spaces = detokenize(words, split_words=True)
                    assert len(out) == len(words)
                    assert joined in "".join(w + (" " if sp else "") for w, sp in zip(out, spaces)), split
                    seen.add(split)
    assert seen == set(wanted)


def test_read_tdmsci_conll_rebuilds_spacing():
    docs = read_conll(FIX / "mini_tdmsci.conll")
    assert len(docs) == 2
    assert docs[0].text == "We report F1 on named entity recognition (CoNLL-2003)."
    assert _surfaces(docs[0]) == [("F1", "Metric"), ("named entity recognition", "Task"), ("CoNLL-2003", "Dataset")]
    assert docs[1].spans == []
    corpus, docs2 = read_corpus(FIX / "mini_tdmsci.conll")
    assert corpus == "tdmsci" and len(docs2) == 2


def test_gold_spans_keep_only_scored_types():
    _, docs = read_corpus(FIX / "mini_scierc.json")
    assert {t for *_, t in gold_spans(docs, "scierc")} == {"Method", "Task", "Metric"}  # Generic dropped


# ------------------------------------------------------------------ scoring


def test_exact_scores():
    gold = [(0, 0, 4, "Method"), (0, 10, 20, "Task"), (1, 0, 5, "Task")]
    pred = [(0, 0, 4, "Method"), (0, 10, 18, "Task"), (1, 0, 5, "Method")]
    prf = score_exact(gold, pred)
    assert (prf.tp_gold, prf.n_pred, prf.n_gold) == (1, 3, 3)
    assert prf.precision == pytest.approx(1 / 3) and prf.recall == pytest.approx(1 / 3) and prf.f1 == pytest.approx(1 / 3)


def test_overlap_scores_one_to_one():
    gold = [(0, 0, 10, "Task"), (0, 20, 30, "Task")]
    pred = [(0, 2, 8, "Task"), (0, 5, 9, "Task"), (0, 25, 40, "Task"), (0, 50, 60, "Task")]
    prf = score_overlap(gold, pred)
    assert prf.tp_pred == 2 and prf.tp_gold == 2  # the second prediction inside gold 1 is not double-counted
    assert prf.precision == 0.5 and prf.recall == 1.0
    assert prf.f1 == pytest.approx(2 / 3)


def test_score_spans_micro_and_type_mismatch():
    gold = [(0, 0, 4, "Method"), (0, 10, 20, "Task")]
    pred = [(0, 0, 4, "Method"), (0, 10, 20, "Metric")]
    res = score_spans(gold, pred, ("Method", "Task", "Metric"))
    assert res["exact"]["Method"].f1 == 1.0
    assert res["exact"]["Task"].recall == 0.0 and res["exact"]["Metric"].precision == 0.0
    micro = res["exact"]["micro"]
    assert (micro.tp_gold, micro.n_gold, micro.n_pred) == (1, 2, 2)
    assert res["overlap"]["micro"].f1 == 0.5
    assert PRF().f1 == 0.0


# ------------------------------------------------------------------ NER component


def test_ner_component_missing_model_adds_nothing(tmp_path):
    import spacy

    from extractors import ner

    nlp = spacy.blank("en")
    with warnings.catch_warnings(record=True):
        warnings.simplefilter("always")
        comp = ner.StatisticalNER(nlp, "mlkg_ner_v1", model_path=str(tmp_path / "none"))
    doc = comp(nlp("We use BERT for machine translation."))
    assert comp.model is None and list(doc.spans.get("mentions", [])) == []


def test_biluo_spans_read_ill_formed_tags_leniently():
    from extractors.ner import biluo_spans

    tags = ["B-Method", "I-Method", "L-Method", "O", "U-Task", "I-Dataset", "L-Dataset",
            "B-Method", "B-Method", "L-Method", "I-Task", "", "B-Task"]
    assert biluo_spans(tags) == [(0, 3, "Method"), (4, 5, "Task"), (5, 7, "Dataset"), (7, 8, "Method"),
                                 (8, 10, "Method"), (10, 11, "Task"), (12, 13, "Task")]
    assert biluo_spans(["B-Task", "L-Method"]) == [(0, 1, "Task"), (1, 2, "Method")]
    assert biluo_spans([]) == [] and biluo_spans(["O", ""]) == []


def test_path_spans_equal_biluo_spans():
    """The array reading of tag paths (Viterbi's, and ill-formed ones, which
    fall back to the lenient reader) gives exactly :func:`biluo_spans`."""
    import random

    import numpy as np

    from extractors.ner import biluo_grammar, biluo_labels, biluo_spans, path_spans, tag_parts, viterbi_batch

    tags = biluo_labels(["Method", "Task", "Dataset", "Metric"])
    random.Random(1).shuffle(tags)  # tag indexes in any order
    grammar, parts = biluo_grammar(tags), tag_parts(tags)
    rng = np.random.default_rng(0)
    for _ in range(200):
        scores = [3 * rng.normal(size=(int(rng.integers(0, 40)), len(tags))).astype("f") for _ in range(4)]
        for path in viterbi_batch(scores, grammar):
            assert path_spans(path, parts) == biluo_spans([tags[j] for j in path])
        ids = rng.integers(0, len(tags), size=int(rng.integers(0, 30)))
        assert path_spans(ids, parts) == biluo_spans([tags[j] for j in ids])
    assert path_spans([tags.index("B-Task"), tags.index("L-Task"), tags.index("U-Metric")], parts) == [
        (0, 2, "Task"), (2, 3, "Metric")]


def test_viterbi_batch_is_the_best_well_formed_sequence():
    """Against brute force over every tag sequence, for a batch of uneven lengths."""
    import itertools

    import numpy as np

    from extractors.ner import biluo_grammar, biluo_labels, biluo_spans, viterbi_batch

    labels = biluo_labels(["Method", "Task"])
    # the oracle: the BILUO grammar as a dense transition matrix
    parts = [(t[0], t[2:]) if t != "O" else ("O", "") for t in labels]
    trans = np.array([[0.0 if (p in "BI" and q in "IL" and x == y) or (p in "OLU" and q in "OBU") else -1e9
                       for q, y in parts] for p, x in parts])
    start = np.array([0.0 if p in "OBU" else -1e9 for p, _ in parts])
    end = np.array([0.0 if p in "OLU" else -1e9 for p, _ in parts])
    rng = np.random.default_rng(7)
    batch = [rng.normal(size=(n, len(labels))).astype("f") for n in (4, 1, 0, 3, 5, 2)]
    paths = viterbi_batch(batch, biluo_grammar(labels))
    with pytest.raises(ValueError):
        biluo_grammar(["O", "B-Task", "I-Task", "L-Task"])  # no U-Task
    assert [len(p) for p in paths] == [4, 1, 0, 3, 5, 2]
    for scores, path in zip(batch, paths):
        if not len(scores):
            continue

        def total(seq):
            return (start[seq[0]] + end[seq[-1]] + sum(scores[i, t] for i, t in enumerate(seq))
                    + sum(trans[a, b] for a, b in zip(seq, seq[1:])))

        best = max(itertools.product(range(len(labels)), repeat=len(scores)), key=total)
        assert list(path) == list(best)
        tags = [labels[i] for i in path]
        assert tags[0][0] in "OBU" and tags[-1][0] in "OLU"  # well formed: no dangling B or I
        spans = biluo_spans(tags)
        assert all(tags[s][0] in "BU" and tags[e - 1][0] in "LU" for s, e, _ in spans)


def test_tag_example_keeps_missing_tokens_apart_from_outside():
    from extractors.train_ner import build_model, make_example, tag_example

    nlp = build_model()
    text = "We evaluate on the GLUE benchmark today."
    gold = tag_example(make_example(nlp, text, [(19, 33, "Dataset")]))
    assert gold.get_aligned("TAG", as_string=True) == ["O", "O", "O", "O", "B-Dataset", "L-Dataset", "O", "O"]
    silver = tag_example(make_example(nlp, text, [(19, 23, "Dataset")], default="missing"))
    assert silver.get_aligned("TAG", as_string=True) == ["", "", "", "", "U-Dataset", "", "", ""]


@pytest.mark.skipif(not (Path(__file__).parents[1] / "extractors" / "models" / "ner" / "meta.json").exists(),
                    reason="no trained NER model in the package")
def test_ner_component_finds_entities_with_packaged_model():
    from extractors.pipeline import make_nlp

    nlp = make_nlp("standard")
    assert "mlkg_ner_v1" in nlp.pipe_names
    assert nlp.get_pipe("mlkg_ner_v1").model is not None
    doc = nlp("We evaluate our tagger on the CoNLL-2003 dataset and improve machine translation quality.")
    found = {(s.text, s.id_) for s in doc.spans["mentions"]}
    ents = {e.text for e in doc.ents}
    assert any("CoNLL-2003" in t or "machine translation" in t for t, _ in found | {(e, "") for e in ents})
    assert all(s.kb_id_ == "" for s in doc.spans["mentions"] if s.id_ == "ner")
    assert make_nlp(fast=True).pipe_names.count("mlkg_ner_v1") == 0


def test_pipeline_version_depends_on_mode():
    from extractors.pipeline import pipeline_version

    assert pipeline_version(True) != pipeline_version(False)


# ------------------------------------------------------------------ CLI


def test_kg_evaluate_help_and_run():
    from kg.cli import main
    from kg.cli import evaluate as _  # noqa: F401 (registers until kg/cli/__init__ imports it)

    runner = CliRunner()
    res = runner.invoke(main, ["evaluate", "--help"])
    assert res.exit_code == 0 and "--folds" in res.output and "--corpus" in res.output
    res = runner.invoke(main, ["evaluate", str(FIX / "mini_tdmsci.conll"), "--fast", "--output", "json"])
    assert res.exit_code == 0, res.output
    import json

    out = json.loads(res.output)
    assert out["corpus"] == "tdmsci" and set(out["scores"]["exact"]) == {"Task", "Dataset", "Metric", "micro"}


def test_abbreviations_joined_only_for_corpora_that_annotate_them_so():
    from extractors.pipeline import get_nlp
    from kg.evaluate import JOINED_ABBREVIATIONS, join_abbreviations

    doc = get_nlp(fast=True)("We improve statistical machine translation (SMT) and the word error rate (WER) of BERT.")
    ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
    joined = [(doc.text[s:e], t) for s, e, t in join_abbreviations(doc, ents)]
    assert ("statistical machine translation (SMT)", "Task") in joined
    assert ("word error rate (WER)", "Metric") in joined
    assert ("BERT", "Method") in joined and ("SMT", "Task") not in joined
    assert JOINED_ABBREVIATIONS == {"scierc", "tdmsci"}  # SciER annotates "long form" and "SF" apart


def test_head_nouns_included_only_for_corpora_that_annotate_them_so():
    from extractors.pipeline import get_nlp
    from kg.evaluate import HEAD_NOUNS, include_head_nouns

    text = ("We train on the FrameNet corpus and the Europarl test set for the parsing task, reporting BLEU "
            "scores.")
    doc = get_nlp(fast=True)(text)
    ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
    assert ("FrameNet", "Dataset") in [(text[s:e], t) for s, e, t in ents]  # our mention: the name
    tdm = [(text[s:e], t) for s, e, t in include_head_nouns(text, ents, HEAD_NOUNS["tdmsci"])]
    assert ("FrameNet corpus", "Dataset") in tdm and ("parsing", "Task") in tdm
    assert ("Europarl test set", "Dataset") in tdm
    assert ("BLEU", "Metric") in tdm
    sciercs = [(text[s:e], t) for s, e, t in include_head_nouns(text, ents, HEAD_NOUNS["scierc"])]
    assert ("parsing task", "Task") in sciercs and ("FrameNet", "Dataset") in sciercs
    assert ("BLEU scores", "Metric") in sciercs  # SciERC: "measures", "metrics", "scores" in the span
    assert "scier" not in HEAD_NOUNS  # SciER leaves the head noun out, as we do


def test_scierc_method_heads_and_task_systems_restated_as_scierc_annotates_them():
    """SciERC puts "algorithm", "approach"... inside Method spans, and calls a
    task's "system" or "method" a Method; scored elsewhere as we extract."""
    from kg.evaluate import HEAD_NOUNS, RETYPING_HEADS, include_head_nouns

    text = ("The RANSAC algorithm is applied to the parsing problem. A question answering system and an "
            "unsupervised learning method are compared; question answering is hard.")
    ents, pos = [], 0
    for name, label in [("RANSAC", "Method"), ("parsing", "Task"), ("question answering", "Task"),
                        ("unsupervised learning", "Task"), ("question answering", "Task")]:
        start = text.index(name, pos)
        ents.append((start, start + len(name), label))
        pos = start + len(name)
    scierc = [(text[s:e], t) for s, e, t in
              include_head_nouns(text, ents, HEAD_NOUNS["scierc"], RETYPING_HEADS["scierc"])]
    assert scierc == [("RANSAC algorithm", "Method"), ("parsing problem", "Task"),
                      ("question answering system", "Method"), ("unsupervised learning method", "Method"),
                      ("question answering", "Task")]
    tdm = [(text[s:e], t) for s, e, t in include_head_nouns(text, ents, HEAD_NOUNS["tdmsci"],
                                                            RETYPING_HEADS.get("tdmsci"))]
    assert tdm == [(text[s:e], t) for s, e, t in ents]  # TDMSci: no such rules
    assert set(RETYPING_HEADS) == {"scierc"}


def test_task_then_metric_joined_only_for_scierc():
    """SciERC annotates "WSD accuracy" as one Metric; TDMSci, like us, as a
    Task and a Metric. Only a single space between them joins."""
    from kg.evaluate import JOINED_TASK_METRICS, join_task_metrics

    text = "We report WSD accuracy, parsing, accuracy and BERT accuracy."
    ents = []
    for name, label in [("WSD", "Task"), ("accuracy", "Metric"), ("parsing", "Task"), ("accuracy", "Metric"),
                        ("BERT", "Method"), ("accuracy", "Metric")]:
        start = text.index(name, ents[-1][1] if ents else 0)
        ents.append((start, start + len(name), label))
    joined = [(text[s:e], t) for s, e, t in join_task_metrics(text, ents)]
    assert joined == [("WSD accuracy", "Metric"), ("parsing", "Task"), ("accuracy", "Metric"),
                      ("BERT", "Method"), ("accuracy", "Metric")]
    assert JOINED_TASK_METRICS == {"scierc"}
