"""The accurate tier: the shipped int8 ONNX encoder, its tokenizer, the
pipeline tiers and the CLI's ``--model`` option. No training here (CI runs
the shipped model only)."""
from __future__ import annotations

import json

import numpy as np
import pytest
from click.testing import CliRunner

from extractors.encoder import MODEL_DIR, VECTORS_KEY, EncoderModel, doc_sentences, model_available
from extractors.pipeline import TIERS, make_nlp, pipeline_version, resolve_tier

needs_model = pytest.mark.skipif(not model_available(), reason="no encoder model in the package")

ABSTRACT = ("Cross-lingual Named Entity Recognition with Adapters. "
            "We study named entity recognition in low-resource languages. We fine-tune "
            "a multilingual transformer with adapter layers and evaluate it on the WikiAnn "
            "and CoNLL-2003 datasets, where it improves the F1 score by 2.1 points over "
            "a BiLSTM-CRF baseline. The approach also helps part-of-speech tagging.")


@needs_model
def test_shipped_model_is_int8_onnx_under_30_mb_with_its_tokenizer():
    import onnx

    size = (MODEL_DIR / "model.onnx").stat().st_size
    assert size < 30e6
    graph = onnx.load(str(MODEL_DIR / "model.onnx")).graph
    assert {o.name for o in graph.output} == {"scores", "hidden"}
    assert any(n.op_type in ("MatMulInteger", "DynamicQuantizeLinear") for n in graph.node)  # quantised
    meta = json.loads((MODEL_DIR / "meta.json").read_text())
    assert meta["tags"][0] == "O" and len(meta["tags"]) == 17


@needs_model
def test_encoder_tags_a_hand_written_abstract():
    model = EncoderModel()
    words = ABSTRACT.replace(".", " .").replace(",", " ,").split()
    (spans, vectors), = model.run([words], vectors=True)
    found = {(" ".join(words[s:e]).lower(), label) for s, e, label in spans}
    assert ("named entity recognition", "Task") in found
    assert ("part-of-speech tagging", "Task") in found
    assert any(label == "Metric" and "f1" in text for text, label in found)
    assert any(label == "Method" and "bilstm-crf" in text for text, label in found)
    assert not any(text in ("we", "study", "points", "the") for text, _ in found)
    assert vectors.shape == (len(words), 384) and np.abs(vectors).sum(axis=1).min() > 0


@needs_model
def test_a_papers_tags_and_vectors_do_not_depend_on_the_papers_beside_it():
    """The int8 graph quantises a pass with one scale: each sentence is its own pass."""
    model = EncoderModel()
    words = ABSTRACT.replace(".", " .").replace(",", " ,").split()
    sentences = [words[:12], words[12:30], words[30:]]
    others = [("a very long sentence about " + "deep convolutional networks and " * 8 + "ImageNet .").split(),
              "We use BERT .".split(), ("Results on SQuAD show a 3.2 F1 gain over " + "strong baselines " * 5).split()]
    alone = model.run(sentences, vectors=True)
    mixed = model.run(others[:1] + sentences[:2] + others[1:] + sentences[2:], vectors=True)
    beside = [mixed[1], mixed[2], mixed[5]]
    for (spans_a, vec_a), (spans_b, vec_b) in zip(alone, beside):
        assert spans_a == spans_b
        assert np.array_equal(vec_a, vec_b)


@needs_model
def test_tags_and_vectors_do_not_depend_on_the_number_of_threads(monkeypatch):
    """Passes run on several threads at once (one core each by default, up
    to 2): each sentence is still its own pass on one onnxruntime thread, so
    its output is byte-identical to a one-thread run, in the input order."""
    monkeypatch.delenv("MLKG_ENCODER_THREADS", raising=False)
    from extractors.encoder import _threads

    assert 1 <= _threads() <= 2
    monkeypatch.setenv("MLKG_ENCODER_THREADS", "1")
    assert _threads() == 1  # what kg build --workers N sets for its workers
    words = ABSTRACT.replace(".", " .").replace(",", " ,").split()
    sentences = [words[:12], words[12:30], words[30:], "We use BERT on SQuAD .".split()] * 3
    one = EncoderModel(threads=1).run(sentences, vectors=True)
    three = EncoderModel(threads=3).run(sentences, vectors=True)
    assert [s for s, _ in one] == [s for s, _ in three]
    assert all(np.array_equal(a, b) for (_, a), (_, b) in zip(one, three))
    assert one[3][0] == one[7][0] and any(label == "Method" for *_, label in one[3][0])


@needs_model
def test_long_sentence_is_not_cut_off():
    """A sentence beyond the bundled tokenizer's 128 pieces is still tagged at its end."""
    model = EncoderModel()
    words = ("the model " * 80).split() + "and we evaluate it on the CoNLL-2003 dataset .".split()
    (spans, _), = model.run([words])
    assert any(s <= 166 < e for s, e, label in spans)  # CoNLL-2003 is word 166, past piece 128


@needs_model
def test_accurate_tier_adds_low_priority_candidates_and_vectors_only_when_asked():
    nlp = make_nlp("accurate")
    assert type(nlp.get_pipe("mlkg_ner_v1")).__name__ == "EncoderNER"
    doc = nlp(ABSTRACT)
    assert any(s.id_ == "ner" for s in doc.spans["mentions"])
    assert any(e.label_ == "Dataset" and "CoNLL-2003" in e.text for e in doc.ents)
    assert VECTORS_KEY not in doc.user_data  # the relation classifier used them and let them go
    nlp.remove_pipe("mlkg_relclf_v1")
    doc = nlp(ABSTRACT)
    assert VECTORS_KEY in doc.user_data  # the accurate tier asks for them
    nlp.replace_pipe("mlkg_ner_v1", "mlkg_encoder_v1", config={"vectors": False})
    assert VECTORS_KEY not in nlp(ABSTRACT).user_data
    nlp.replace_pipe("mlkg_ner_v1", "mlkg_encoder_v1", config={"vectors": True})
    doc = nlp(ABSTRACT)
    vec = doc.user_data[VECTORS_KEY]
    assert vec.shape == (len(doc), 384)
    assert sum(len(s) for s in doc_sentences(doc, 1000)) == int((np.abs(vec).sum(axis=1) > 0).sum())


def test_tiers_and_their_pipeline_versions():
    assert resolve_tier(True) == "fast" and resolve_tier(False) == resolve_tier(None) in TIERS
    with pytest.raises(ValueError):
        resolve_tier("huge")
    assert "mlkg_ner_v1" not in make_nlp("fast").pipe_names
    assert type(make_nlp("standard").get_pipe("mlkg_ner_v1")).__name__ == "StatisticalNER"
    versions = {t: pipeline_version(t) for t in TIERS}
    assert len(set(versions.values())) == 3
    assert pipeline_version(True) == versions["fast"]


def test_cli_model_option_and_fast_alias(tmp_path):
    from kg.cli import main

    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "p1", "title": "BERT for NER", "abstract": ABSTRACT}) + "\n")
    runner = CliRunner()
    for args in (["--model", "fast"], ["--fast"], ["--model", "standard"]):
        out = tmp_path / "out.jsonl"
        res = runner.invoke(main, ["extract", str(src), "-o", str(out), "-q", *args])
        assert res.exit_code == 0, res.output
        assert json.loads(out.read_text().splitlines()[0])["entities"]
    res = runner.invoke(main, ["extract", str(src), "-o", str(tmp_path / "x.jsonl"), "--fast", "--model", "accurate"])
    assert res.exit_code == 2
    res = runner.invoke(main, ["evaluate", "--help"])
    assert "--model" in res.output and "--raw" in res.output


@needs_model
def test_spans_below_even_odds_of_their_type_are_dropped():
    """Viterbi emits the best sequence, even where the model gives a span's
    words less than even odds of the span's type (MIN_TYPE_PROB). Real
    abstract sentences (E17-2016 and 8O8eqpaCAI, audit parts A-I): the data
    source OpenStreetMap as a Method, the COVID-19 pandemic as a Method and
    "OOD" as a Dataset go; the named model and method phrases stay."""
    from extractors.encoder import MIN_TYPE_PROB, span_type_prob, type_probs
    from extractors.ner import tag_parts

    assert 0 < MIN_TYPE_PROB < 1
    sentences = [
        "We enrich a corpus of geolocated Twitter posts with physical data derived from Google Places and "
        "OpenStreetMap , and train word embeddings using the resulting geospatial contexts .",
        "In this study , we construct a Structural Causal Model ( SCM ) to analyze interaction data , revealing "
        "that environmental confounders ( e.g. , the COVID-19 pandemic ) lead to unstable correlations in "
        "GNN-based models , thus impairing their generalization to OOD data .",
    ]
    words = [s.split() for s in sentences]
    model = EncoderModel(threads=1)
    kept = [{(" ".join(w[s:e]), label) for s, e, label in spans} for (spans, _), w in zip(model.run(words), words)]
    model.min_type_prob = 0.0
    every = [{(" ".join(w[s:e]), label) for s, e, label in spans} for (spans, _), w in zip(model.run(words), words)]
    assert ("OpenStreetMap", "Method") in every[0] - kept[0]
    assert ("word embeddings", "Method") in kept[0]
    assert {("COVID-19 pandemic", "Method"), ("OOD", "Dataset")} <= every[1] - kept[1]
    assert any(text.startswith("Structural Causal Model") and label == "Method" for text, label in kept[1])
    # the probabilities: per word, summed over a label's B/I/L/U tags, a distribution over labels and O
    parts = tag_parts(model.tags)
    logits = np.random.default_rng(0).normal(size=(5, len(model.tags)))
    probs = type_probs(logits, parts)
    assert np.allclose(probs.sum(axis=1), 1.0)
    assert span_type_prob(probs, (1, 3, "Task"), parts) == pytest.approx(probs[1:3, parts.label_ids[parts.labels.index("Task")]].mean())


def _tdmsci_sentence(with_word: str) -> list[str]:
    """The first TDMSci train sentence (real, cased text) with this word."""
    from extractors.train_ner import CORPORA_DIR

    words: list[str] = []
    for line in (CORPORA_DIR / "tdmsci" / "train.conll").read_text().splitlines():
        if line.strip():
            words.append(line.split("\t")[0])
        elif with_word in words:
            return words
        else:
            words = []
    pytest.skip("TDMSci train not found")


def test_case_types_mark_the_pieces_of_cased_names_only():
    from tokenizers import Tokenizer

    from extractors.encoder import case_types

    # "Table 4 : BLEU score results for various languages translated into English ..."
    words = _tdmsci_sentence("BLEU")
    tok = Tokenizer.from_file(str(MODEL_DIR / "tokenizer.json"))
    tok.no_padding()
    enc = tok.encode(words, is_pretokenized=True)
    types = case_types(words, enc.word_ids)
    assert types.shape == (1, len(enc.ids))
    by_word = {words[w]: int(t) for w, t in zip(enc.word_ids, types[0]) if w is not None}
    assert by_word["BLEU"] == 1 and by_word["English"] == 1  # all capitals; a capital mid-sentence
    assert by_word["Table"] == 0  # the sentence's first word
    assert by_word["score"] == by_word["languages"] == 0
    assert types[0, 0] == types[0, -1] == 0  # [CLS], [SEP]
    # every piece of a marked word carries the mark ("BLEU" may be several pieces)
    assert all(t == 1 for w, t in zip(enc.word_ids, types[0]) if w is not None and words[w] == "BLEU")


@needs_model
def test_the_shipped_model_takes_no_case_input():
    # a model trained with --case gets a third input; the shipped one has two
    assert EncoderModel().case is False
