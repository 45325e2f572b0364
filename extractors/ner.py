"""Statistical NER: a small trained spaCy model proposes candidates.

The model (v2) is a BILUO tagger: spaCy's ``tagger`` over a small CNN
tok2vec, one softmax per token, its guesses the best well-formed tag
sequence found by batched Viterbi decoding (:class:`BiluoTagger`), read into
``doc.ents`` by :class:`BiluoEnts`. It replaced spaCy's transition-based
``ner`` (v1), whose decoding loop was over half the NER's time; on the same
training data the tagger also scores higher (MODEL_CARD.md).

The model ships inside the package (``extractors/models/ner/``, saved with
``nlp.to_disk`` by :mod:`extractors.train_ner`); nothing is ever downloaded.
Its entities go to ``doc.spans["mentions"]`` with ``span_id="ner"`` (lowest
priority in :mod:`extractors.resolve`, so curated and coined names win) and
no ``kb_id``. Without a model directory the component warns once and adds
nothing, so fresh checkouts and the rules-only mode still work.
"""
from __future__ import annotations

import hashlib
import warnings
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator, NamedTuple, Sequence

import numpy as np
from spacy.language import Language
from spacy.pipeline.tagger import DEFAULT_TAGGER_MODEL, Tagger
from spacy.tokens import Doc, Span
from spacy.util import minibatch

from ontology import EntityType

from .gazetteer import SPAN_GROUP

MODEL_DIR = Path(__file__).parent / "models" / "ner"
#: Model label -> our entity type.
LABEL_MAP = {t.value: t.value for t in EntityType} | {"DATASET": "Dataset", "TASK": "Task", "METRIC": "Metric", "METHOD": "Method"}

_warned: set[str] = set()


def model_available(path: Path | str | None = None) -> bool:
    path = Path(path) if path else MODEL_DIR
    return (path / "meta.json").exists() and (path / "config.cfg").exists()


@lru_cache(maxsize=8)
def model_hash(path: str | None = None) -> str:
    """Short hash of the model's meta.json (and weights size), "" without a model."""
    p = Path(path) if path else MODEL_DIR
    if not model_available(p):
        return ""
    h = hashlib.sha256((p / "meta.json").read_bytes())
    for f in sorted(p.glob("*/model")):
        h.update(str(f.stat().st_size).encode())
    return h.hexdigest()[:12]


def use_numpy_gemm(nlp: Language) -> None:
    """Run the model's matrix products through NumPy's BLAS instead of blis.

    Same results (checked on the seeds), but OpenBLAS' gemm is ~30% faster
    for the NER's small matrices here (7.7 -> 5.9 ms per abstract, one
    thread). The CLI pins OpenBLAS to one thread per process (kg/cli).
    """
    from thinc.api import NumpyOps

    ops = NumpyOps(use_blis=False)
    for _, proc in nlp.pipeline:
        model = getattr(proc, "model", None)
        if model is not None and hasattr(model, "walk"):
            for node in model.walk():
                node.ops = ops


def biluo_labels(labels: Iterable[str]) -> list[str]:
    """The tag set of a BILUO tagger over ``labels``: ``O`` then B/I/L/U-label."""
    return ["O"] + [f"{p}-{label}" for label in labels for p in "BILU"]


def biluo_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """``(start, end, label)`` token spans from per-token BILUO tags (Ratinov &
    Roth 2009's scheme), read leniently: a tagger predicts each token on its
    own, so a sequence may be ill-formed. An entity opens at B (or at an I/L
    that does not continue an open entity of its label), runs over I, and
    closes at L, or before the next token that does not continue it; U is a
    one-token entity; O and ``""`` (missing) are outside."""
    out: list[tuple[int, int, str]] = []
    start, open_label = -1, ""
    for i, tag in enumerate(tags):
        prefix, label = (tag[0], tag[2:]) if len(tag) > 2 and tag[1] == "-" else ("O", "")
        if open_label and (prefix not in "IL" or label != open_label):
            out.append((start, i, open_label))  # not continued: close before i
            open_label = ""
        if prefix == "U":
            out.append((i, i + 1, label))
        elif prefix == "L":
            out.append((start if open_label else i, i + 1, label))
            open_label = ""
        elif prefix in "BI" and not open_label:
            start, open_label = i, label
    if open_label:
        out.append((start, len(tags), open_label))
    return out


class BiluoGrammar(NamedTuple):
    """Tag indexes of a BILUO tag set, for :func:`viterbi_batch`. The grammar:
    B-X and I-X continue only with I-X or L-X; O, L-* and U-* ("closed") are
    followed by O, B-* or U-* ("fresh"); a sequence starts with a fresh tag
    and ends with a closed one."""

    closed: np.ndarray  # O, L-*, U-*
    fresh: np.ndarray  # O, B-*, U-*
    b: np.ndarray  # B-X, I-X, L-X of the same X, position by position
    i: np.ndarray
    last: np.ndarray
    start: np.ndarray  # [K] 0 where a sequence may start, -1e9 elsewhere
    end: np.ndarray


def biluo_grammar(labels: Sequence[str]) -> BiluoGrammar:
    parts = [(t[0], t[2:]) if len(t) > 2 and t[1] == "-" else ("O", "") for t in labels]
    index = {part: j for j, part in enumerate(parts)}
    names = sorted({x for p, x in parts if p != "O"})
    missing = [f"{p}-{x}" for x in names for p in "BILU" if (p, x) not in index]
    if missing or ("O", "") not in index:
        raise ValueError(f"not a complete BILUO tag set: missing {missing or ['O']}")

    def idx(prefixes: str) -> np.ndarray:
        return np.array([j for j, (p, _) in enumerate(parts) if p in prefixes], dtype="i")

    per_label = [np.array([index[(p, x)] for x in names], dtype="i") for p in "BIL"]
    start = np.full(len(parts), -1e9, dtype="f")
    start[idx("OBU")] = 0.0
    end = np.full(len(parts), -1e9, dtype="f")
    end[idx("OLU")] = 0.0
    return BiluoGrammar(idx("OLU"), idx("OBU"), *per_label, start, end)


def viterbi_batch(scores: Sequence[np.ndarray], grammar: BiluoGrammar) -> list[np.ndarray]:
    """The best well-formed tag sequence (Viterbi 1967) of each document's
    ``[n_tokens, K]`` scores under the BILUO ``grammar``, for a batch at once.

    Each step is a few NumPy operations over all documents, and uses the
    grammar's shape instead of a K x K transition matrix: a fresh tag's best
    predecessor is the best closed tag, shared by all fresh tags, and I-X /
    L-X's is the better of B-X and I-X (a dense K x K step measured ~150 µs
    per token position for a batch of 64, about 1 ms per abstract). Per-token
    softmax normalisers do not change the best path, so raw logits do."""
    g = grammar
    lengths = [len(x) for x in scores]
    n, t_max, k = len(scores), max(lengths, default=0), len(g.start)
    if t_max == 0:
        return [np.zeros(0, dtype="i") for _ in scores]
    padded = np.zeros((n, t_max, k), dtype="f")
    for j, x in enumerate(scores):
        padded[j, : len(x)] = x
    live = np.arange(t_max)[None, :] < np.asarray(lengths)[:, None]  # [n, t]
    rows = np.arange(n)
    back = np.zeros((n, t_max, k), dtype="i")
    delta = padded[:, 0] + g.start
    for t in range(1, t_max):
        closed = delta[:, g.closed]
        best_closed = closed.argmax(axis=1)
        from_i = delta[:, g.i] > delta[:, g.b]  # [n, labels]
        step = np.empty_like(delta)
        step[:, g.fresh] = closed[rows, best_closed][:, None]
        step[:, g.i] = step[:, g.last] = np.where(from_i, delta[:, g.i], delta[:, g.b])
        back[:, t, g.fresh] = g.closed[best_closed][:, None]
        back[:, t, g.i] = back[:, t, g.last] = np.where(from_i, g.i, g.b)
        # finished documents keep their last scores
        delta = np.where(live[:, t, None], step + padded[:, t], delta)
    # backtrack all documents at once, each from its own last token
    cur = (delta + g.end).argmax(axis=1)
    path = np.zeros((n, t_max), dtype="i")
    for t in range(t_max - 1, 0, -1):
        path[:, t] = cur
        cur = np.where(live[:, t], back[rows, t, cur], cur)
    path[:, 0] = cur
    return [path[j, :m] for j, m in enumerate(lengths)]


class BiluoTagger(Tagger):
    """spaCy's ``tagger`` over BILUO entity tags whose guesses are the best
    well-formed sequence (:func:`viterbi_batch`) instead of each token's
    argmax, so :class:`BiluoEnts` reads clean entities."""

    def _scores2guesses(self, scores):
        labels = self.labels
        if getattr(self, "_grammar_labels", None) != labels:  # labels are added before training
            self._grammar, self._grammar_labels = biluo_grammar(labels), labels
        return viterbi_batch([np.asarray(x) for x in scores], self._grammar)


@Language.factory("mlkg_biluo_tagger_v1", default_config={"model": DEFAULT_TAGGER_MODEL})
def make_biluo_tagger(nlp: Language, name: str, model) -> BiluoTagger:
    return BiluoTagger(nlp.vocab, model, name)


class BiluoEnts:
    """Sets ``doc.ents`` from the BILUO tags a ``tagger`` pipe left in
    ``token.tag``: the decoder of the tagger-style NER (one softmax per token
    instead of spaCy's transition system, whose decoding loop cost about 4 ms
    of the NER's ~7 ms per abstract here, bench/bench_extract.py)."""

    def __init__(self, nlp: Language, name: str):
        self.name = name
        self.vocab = nlp.vocab

    def __call__(self, doc: Doc) -> Doc:
        strings = self.vocab.strings
        tags = [strings[h] if h else "" for h in doc.to_array("TAG").tolist()]  # no Token objects
        doc.set_ents([Span(doc, s, e, label=label) for s, e, label in biluo_spans(tags)])
        return doc


@Language.factory("mlkg_biluo_ents_v1")
def make_biluo_ents(nlp: Language, name: str) -> BiluoEnts:
    return BiluoEnts(nlp, name)


class StatisticalNER:
    """Runs the packaged model on a copy of the doc's tokens; adds its entities as candidates."""

    def __init__(self, nlp: Language, name: str, model_path: str | None = None, batch_size: int = 64):
        self.name = name
        self.vocab = nlp.vocab
        self.path = Path(model_path) if model_path else MODEL_DIR
        self.batch_size = batch_size
        self.model: Language | None = None
        self.load()

    def load(self) -> None:
        if self.model is not None:
            return
        if not model_available(self.path):
            key = str(self.path)
            if key not in _warned:
                _warned.add(key)
                warnings.warn(f"mlkg_ner_v1: no NER model at {self.path}; statistical NER disabled "
                              "(train one with `python -m extractors.train_ner`)", stacklevel=2)
            return
        import spacy

        # Sharing the pipeline's vocab lets the model read our docs directly: no
        # copy Doc per abstract (measured ~1 ms each, mostly new lexemes).
        self.model = spacy.load(self.path, vocab=self.vocab)
        use_numpy_gemm(self.model)

    def _add(self, doc: Doc) -> None:
        """Move the model's ``doc.ents`` into the candidate group; clear ``doc.ents``."""
        group = list(doc.spans.get(SPAN_GROUP, []))
        for ent in doc.ents:
            label = LABEL_MAP.get(ent.label_)
            if label:
                group.append(Span(doc, ent.start, ent.end, label=label, span_id="ner"))
        doc.spans[SPAN_GROUP] = group
        doc.set_ents([], default="missing")

    def _run(self, docs: list[Doc]) -> list[Doc]:
        if self.model is None or not docs:
            return docs
        for doc in docs:  # the model predicts every token: no preset entities
            doc.set_ents([], default="missing")
        for _, proc in self.model.pipeline:
            docs = list(proc.pipe(docs, batch_size=self.batch_size)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
        for doc in docs:
            self._add(doc)
        return docs

    def __call__(self, doc: Doc) -> Doc:
        return self._run([doc])[0]

    def pipe(self, stream: Iterable[Doc], batch_size: int | None = None) -> Iterator[Doc]:
        for batch in minibatch(stream, size=batch_size or self.batch_size):
            yield from self._run(list(batch))


@Language.factory("mlkg_ner_v1", default_config={"model_path": None, "batch_size": 64})
def make_ner(nlp: Language, name: str, model_path: str | None, batch_size: int) -> StatisticalNER:
    return StatisticalNER(nlp, name, model_path, batch_size)
