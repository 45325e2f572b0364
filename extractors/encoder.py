"""Encoder NER: a fine-tuned MiniLM tagger run with onnxruntime (no torch).

The "accurate" tier's statistical NER (:mod:`extractors.pipeline`). The
model (``extractors/models/encoder/``, trained by
:mod:`extractors.train_encoder`; MODEL_CARD.md) is all-MiniLM-L6-v2 with a
linear BILUO head, exported to ONNX and quantised to int8 per channel. Each
sentence's spaCy tokens (whitespace tokens left out) are its words; a word's
tag scores are those of its first WordPiece, and the tags are the best
well-formed BILUO sequence (:func:`extractors.ner.viterbi_batch`; Viterbi
decoding added 4-9 points over per-word argmax in the probe of issue 25).

It fills the slot of the CNN (``mlkg_ner_v1``): its entities join the
candidate mentions with ``span_id="ner"``, the lowest priority in
:mod:`extractors.resolve`. Each sentence is its own forward pass, so that a
paper's output does not depend on its batch (the int8 graph quantises each
pass with one scale; :data:`PASS`).

The graph's second output is the last hidden states. With ``vectors=True``
the component keeps each token's vector (its first WordPiece's, float16,
zeros for whitespace tokens) in ``doc.user_data[VECTORS_KEY]`` for a later
component (a relation classifier) to reuse the same forward pass; off by
default, it costs nothing then.
"""
from __future__ import annotations

import hashlib
import json
import os
import warnings
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from functools import lru_cache
from pathlib import Path
from typing import Sequence

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import minibatch

from .doctext import TAGGER_KEY, tokens
from .batching import BatchRun
from .gazetteer import candidates
from .ner import LABEL_MAP, biluo_grammar, path_spans, tag_parts, viterbi_batch
from .sentences import sentence_bounds

MODEL_DIR = Path(__file__).parent / "models" / "encoder"
VECTORS_KEY = "mlkg_encoder_vectors"
#: One sentence per forward pass. The int8 graph quantises a pass's
#: activations with one scale, so sentences pooled across docs (by length, up
#: to 512 pieces, as before) changed each other's tags: of 1,390 sentences of
#: 200 real abstracts, 138 had other spans when 200 other abstracts were
#: pooled with them, so a paper's output depended on its batch. Encoder CPU
#: time on those 200 abstracts (one thread): pools of 8 docs (kg extract's
#: chunks) 8.9 s, one paper per pass 12.2 s, one sentence per pass 9.8 s.
PASS = "one-sentence"

#: A decoded span is kept when its words' mean probability of its type
#: (:func:`span_type_prob`) reaches this; 0 keeps every Viterbi span.
#: Viterbi takes the best *sequence*, so it emits spans whose words the
#: model itself gives a type below even odds: a word torn between two types
#: ("FCVID" Method or Dataset), or between a type and O (a generic phrase,
#: a word outside the five types: "COVID-19 pandemic", "REST API").
#: Chosen on the folds the shipped model was trained without (fold 0 of
#: TDMSci train and of SciERC train, ``kg evaluate``'s folds, seed 0),
#: exact micro F1 through the pipeline, TDMSci / SciERC:
#: 0 61.62 / 54.41; 0.4 61.96 / 54.49; 0.45 62.09 / 54.35;
#: **0.5 62.50 / 54.14**; 0.55 62.17 / 53.88; 0.6 62.04 / 51.38;
#: 0.7 61.29 / 51.38 (best sum at 0.5). Confidence-thresholded decoding of
#: a tagger's posteriors: Culotta & McCallum (2004), "Confidence estimation
#: for information extraction".
MIN_TYPE_PROB = 0.5

_warned: set[str] = set()


def case_types(words: Sequence[str], word_ids: Sequence[int | None]) -> np.ndarray:
    """[1, n_pieces] token-type ids that carry case to an uncased encoder
    (issue 25 item 3; MODEL_CARD.md "Casing"): 1 for each piece of a word
    with a capital after its first letter ("MoCo", "BERT", "CNNs") or with a
    capital first letter anywhere but the sentence's first word
    ("Transformer", "ImageNet"), 0 elsewhere and for the special tokens.
    BERT's token-type embedding already sits in the graph (every piece adds
    its row), so a model trained with these costs no arithmetic more a piece."""
    marked = [any(c.isupper() for c in w[1:]) or (k > 0 and w[:1].isupper()) for k, w in enumerate(words)]
    return np.asarray([[1 if w is not None and marked[w] else 0 for w in word_ids]], dtype=np.int64)


def type_probs(logits: np.ndarray, parts) -> np.ndarray:
    """``[n_words, n_labels]``: each word's softmax probability summed over
    the tags of each label (:func:`~extractors.ner.tag_parts`' label index;
    O is a label of its own)."""
    z = np.exp(logits - logits.max(axis=1, keepdims=True))
    z /= z.sum(axis=1, keepdims=True)
    out = np.zeros((len(logits), int(parts.label_ids.max()) + 1), dtype=np.float64)
    np.add.at(out.T, parts.label_ids, z.T)
    return out


def span_type_prob(probs: np.ndarray, span: tuple[int, int, str], parts) -> float:
    """Mean over the span's words of the probability that the word is in an
    entity of the span's type (:func:`type_probs`)."""
    s, e, label = span
    return float(probs[s:e, parts.label_ids[parts.labels.index(label)]].mean())


def model_available(path: Path | str | None = None) -> bool:
    p = Path(path) if path else MODEL_DIR
    return all((p / f).exists() for f in ("model.onnx", "tokenizer.json", "meta.json"))


@lru_cache(maxsize=8)
def model_hash(path: str | None = None) -> str:
    """Short hash of the ONNX file, the tokenizer and the passes ("" without
    a model). The passes are part of it: the int8 model quantises each
    pass's activations with one scale, so what a pass holds changes its
    scores slightly (pipeline_version then changes for the accurate tier
    alone)."""
    p = Path(path) if path else MODEL_DIR
    if not model_available(p):
        return ""
    h = hashlib.sha256(f"pass={PASS};min_type_prob={MIN_TYPE_PROB}".encode())
    for name in ("model.onnx", "tokenizer.json", "meta.json"):
        h.update((p / name).read_bytes())
    return h.hexdigest()[:12]


def _threads() -> int:
    """Forward passes run at once: ``MLKG_ENCODER_THREADS``, else one per
    core, at most 2.

    Each pass runs on one onnxruntime thread; the threads share one session
    (its ``run`` is thread-safe and releases the GIL) and take whole
    sentences, so a sentence's pass is the same computation on any number of
    threads and its tags and vectors are byte-identical (:data:`PASS`).
    Sentences rather than onnxruntime's intra-op threads: a sentence's
    matrices are ~38 rows, too small to split over cores without a wait at
    each of the graph's nodes. One core runs the int8 matrix products
    (``DynamicQuantizeLinear`` + ``MatMulInteger``, 384 x 1,536 weights) at
    45-60 G multiply-adds/s here whatever the number of rows (38 to 2,048;
    2026-12-07, AVX2 without VNNI), so batching sentences would not make a
    core faster: only more cores, or fewer multiply-adds, do.
    ``kg build --workers N`` sets it to 1 (the workers use the cores)."""
    value = os.environ.get("MLKG_ENCODER_THREADS", "")
    if value.isdigit() and int(value) > 0:
        return int(value)
    return max(1, min(2, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1))


class EncoderModel:
    """The ONNX session, the tokenizer and the tag set of one model directory."""

    def __init__(self, path: Path | str | None = None, threads: int | None = None):
        import onnxruntime as ort
        from tokenizers import Tokenizer

        self.path = Path(path) if path else MODEL_DIR
        self.meta = json.loads((self.path / "meta.json").read_text())
        self.tags: list[str] = self.meta["tags"]
        self.max_words: int = self.meta["max_words"]
        self.tokenizer = Tokenizer.from_file(str(self.path / "tokenizer.json"))
        # the bundled tokenizer pads and truncates to 128 pieces: padding made
        # a timing run 3-4x slower, truncation cut long sentences (issue 25)
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(self.meta.get("max_pieces", 512))
        self.threads = _threads() if threads is None else max(1, threads)
        self._pool: tuple[int, ThreadPoolExecutor] | None = None  # (pid, pool): a forked child makes its own
        opts = ort.SessionOptions()
        # one onnxruntime thread per pass, on the calling thread (no thread
        # pool of its own: it survives kg build's fork); _threads() says why
        opts.intra_op_num_threads = 1
        opts.inter_op_num_threads = 1
        self.session = ort.InferenceSession(str(self.path / "model.onnx"), opts, providers=["CPUExecutionProvider"])
        self.grammar, self.parts = biluo_grammar(self.tags), tag_parts(self.tags)
        self.o_index = self.tags.index("O")
        self.min_type_prob = MIN_TYPE_PROB
        #: a model trained with --case reads :func:`case_types` as its token types
        self.case = "token_type_ids" in {i.name for i in self.session.get_inputs()}
        width = self.session.get_outputs()[1].shape[-1]
        self.hidden_size = width if isinstance(width, int) else 384

    def run(self, sentences: Sequence[Sequence[str]], vectors: bool = False
            ) -> list[tuple[list[tuple[int, int, str]], np.ndarray | None]]:
        """Per sentence (a list of words): its entity spans ``(start, end,
        label)`` over word indices, and (``vectors``) each word's last hidden
        state ``[n_words, hidden]`` (float16). Each sentence is its own
        forward pass (:data:`PASS`): its output never depends on the others."""
        if not sentences:
            return []
        encs = self.tokenizer.encode_batch([list(s) for s in sentences], is_pretokenized=True, add_special_tokens=True)

        def one(i: int) -> tuple[np.ndarray, np.ndarray | None]:
            ids = np.asarray([encs[i].ids], dtype=np.int64)
            feed = {"input_ids": ids, "attention_mask": np.ones_like(ids)}
            if self.case:
                feed["token_type_ids"] = case_types(sentences[i], encs[i].word_ids)
            logits, hidden = self.session.run(None, feed)
            first = self._first_pieces(encs[i].word_ids, len(sentences[i]))
            out = np.full((len(first), logits.shape[-1]), -1e4, dtype=np.float32)
            out[:, self.o_index] = 0.0  # a word cut off by truncation (or with no piece) is outside
            ok = first >= 0
            out[ok] = logits[0, first[ok]]
            vec = None
            if vectors:
                vec = np.zeros((len(first), hidden.shape[-1]), dtype=np.float16)
                vec[ok] = hidden[0, first[ok]]
            return out, vec

        # longest first, so the threads finish together
        order = sorted(range(len(encs)), key=lambda i: -len(encs[i].ids))
        done = list(self._executor().map(one, order)) if self.threads > 1 and len(encs) > 1 else [one(i) for i in order]
        results: list = [None] * len(encs)
        for i, r in zip(order, done):
            results[i] = r
        paths = viterbi_batch([r[0] for r in results], self.grammar)
        out = []
        for i, p in enumerate(paths):
            spans = path_spans(p, self.parts)
            if spans and self.min_type_prob > 0:
                probs = type_probs(results[i][0], self.parts)
                spans = [sp for sp in spans if span_type_prob(probs, sp, self.parts) >= self.min_type_prob]
            out.append((spans, results[i][1]))
        return out

    def _executor(self) -> ThreadPoolExecutor:
        """The threads of this process (a child forked from a process that
        had them gets its own: threads do not survive a fork)."""
        if self._pool is None or self._pool[0] != os.getpid():
            self._pool = (os.getpid(), ThreadPoolExecutor(self.threads, thread_name_prefix="mlkg-encoder"))
        return self._pool[1]

    @staticmethod
    def _first_pieces(word_ids: Sequence[int | None], n_words: int) -> np.ndarray:
        first = np.full(n_words, -1, dtype=np.int64)
        for pos, w in enumerate(word_ids):
            if w is not None and first[w] < 0:
                first[w] = pos
        return first


@lru_cache(maxsize=4)
def load_model(path: str | None = None) -> EncoderModel:
    return EncoderModel(path)


def doc_sentences(doc: Doc, max_words: int) -> list[list[int]]:
    """Token indices of each sentence's words (whitespace tokens left out),
    a sentence longer than ``max_words`` cut into pieces."""
    toks = tokens(doc)
    out = []
    for start, end, *_ in sentence_bounds(doc):
        idx = [i for i in range(start, end) if toks.word(i).strip()]
        out += [idx[k : k + max_words] for k in range(0, len(idx), max_words)]
    return [s for s in out if s]


class EncoderNER(BatchRun):
    """Pipeline component: the encoder's entities as low-priority candidates."""

    def __init__(self, nlp: Language, name: str, model_path: str | None = None, batch_size: int = 64,
                 vectors: bool = False):
        self.name = name
        self.path = Path(model_path) if model_path else MODEL_DIR
        self.batch_size = batch_size
        self.vectors = vectors
        self.model: EncoderModel | None = None
        self._pool: tuple[int, ThreadPoolExecutor] | None = None
        if model_available(self.path):
            self.model = load_model(str(self.path))
        elif str(self.path) not in _warned:
            _warned.add(str(self.path))
            warnings.warn(f"mlkg_encoder_v1: no encoder model at {self.path}; the accurate tier's NER is disabled "
                          "(train one with `python -m extractors.train_encoder`)", stacklevel=2)

    def _run(self, docs: list[Doc]) -> list[Doc]:
        if self.model is None or not docs:
            return docs
        where, words = self._words(docs)
        return self._attach(docs, where, self.model.run(words, self.vectors))

    def pipe(self, docs: Iterable[Doc], batch_size: int | None = None) -> Iterator[Doc]:
        """Batch by batch, one batch ahead: a batch's forward passes run on
        the encoder's threads while this thread gives the batch before it to
        the later components and takes the next one from the earlier ones
        (the rules: ~9 ms CPU an abstract beside the encoder's ~80), so the
        rules need no core of their own. The same passes as :meth:`_run`, so
        the same output. With one encoder thread (``kg build --workers N``:
        the processes use the cores) it is :meth:`BatchRun.pipe`."""
        if self.model is None or self.model.threads < 2:
            yield from super().pipe(docs, batch_size)
            return
        ahead: tuple[list[Doc], list, Future] | None = None
        for batch in minibatch(docs, size=batch_size or self.batch_size):
            batch = list(batch)
            where, words = self._words(batch)
            job = self._ahead().submit(self.model.run, words, self.vectors)
            if ahead is not None:
                yield from self._attach(ahead[0], ahead[1], ahead[2].result())
            ahead = (batch, where, job)
        if ahead is not None:
            yield from self._attach(ahead[0], ahead[1], ahead[2].result())

    def _ahead(self) -> ThreadPoolExecutor:
        """One thread that waits for the next batch's passes (made anew in a
        forked child: threads do not survive a fork)."""
        if self._pool is None or self._pool[0] != os.getpid():
            self._pool = (os.getpid(), ThreadPoolExecutor(1, thread_name_prefix="mlkg-encoder-ahead"))
        return self._pool[1]

    def _words(self, docs: list[Doc]) -> tuple[list[tuple[int, list[int]]], list[list[str]]]:
        """Each sentence's (doc, token indices) and words."""
        assert self.model is not None
        where, words = [], []
        for d, doc in enumerate(docs):
            toks = tokens(doc)
            for idx in doc_sentences(doc, self.model.max_words):
                where.append((d, idx))
                words.append([toks.word(i) for i in idx])
        return where, words

    def _attach(self, docs: list[Doc], where: list[tuple[int, list[int]]], results: list) -> list[Doc]:
        """The passes' entities (and vectors) onto their docs."""
        assert self.model is not None
        for doc in docs:
            doc.user_data[TAGGER_KEY] = "encoder"  # its "ner" candidates are not the CNN's (kg/tagger_acronyms.py)
        if self.vectors:
            for doc in docs:
                doc.user_data[VECTORS_KEY] = np.zeros((len(doc), self.model.hidden_size), dtype=np.float16)
        for (d, idx), (spans, vec) in zip(where, results):
            doc = docs[d]
            found = candidates(doc)
            for s, e, label in spans:
                if label in LABEL_MAP:
                    found.append(Span(doc, idx[s], idx[e - 1] + 1, label=LABEL_MAP[label], span_id="ner"))
            if vec is not None:
                doc.user_data[VECTORS_KEY][idx] = vec
        return docs


@Language.factory("mlkg_encoder_v1", default_config={"model_path": None, "batch_size": 64, "vectors": False})
def make_encoder_ner(nlp: Language, name: str, model_path: str | None, batch_size: int, vectors: bool) -> EncoderNER:
    return EncoderNER(nlp, name, model_path, batch_size, vectors)
