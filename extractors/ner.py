"""Statistical NER: a small trained spaCy model proposes candidates.

The model (v2) is a BILUO tagger: spaCy's ``tagger`` over a small CNN
tok2vec, one softmax per token, its guesses the best well-formed tag
sequence found by batched Viterbi decoding, set as ``doc.ents``
(:class:`BiluoTagger`). It replaced spaCy's transition-based
``ner`` (v1), whose decoding loop was over half the NER's time; on the same
training data the tagger also scores higher (MODEL_CARD.md).

The model ships inside the package (``extractors/models/ner/``, saved with
``nlp.to_disk`` by :mod:`extractors.train_ner`); nothing is ever downloaded.
Its entities join the candidate mentions (``doc.spans["mentions"]`` once
resolved) with ``span_id="ner"`` (lowest priority in :mod:`extractors.resolve`,
so curated and coined names win) and no ``kb_id``. Without a model directory the component warns once and adds
nothing, so fresh checkouts and the rules-only mode still work.
"""
from __future__ import annotations

import hashlib
import warnings
from functools import lru_cache
from pathlib import Path
from typing import Iterable, NamedTuple, Sequence

import numpy as np
from spacy.language import Language
from spacy.pipeline.tagger import DEFAULT_TAGGER_MODEL, Tagger
from spacy.tokens import Doc, Span

from ontology import EntityType

from .batching import BatchRun
from .gazetteer import candidates
from .tagger_embed import predict_scores

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


def _split_tag(tag: str) -> tuple[str, str]:
    """``"B-Task"`` -> ``("B", "Task")``; ``"O"``, ``""`` (missing) and
    anything else -> ``("O", "")``."""
    return (tag[0], tag[2:]) if len(tag) > 2 and tag[1] == "-" else ("O", "")


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
        prefix, label = _split_tag(tag)
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


class TagParts(NamedTuple):
    """Per tag index: its BILUO prefix code (O, B, I, L, U = 0..4), the index
    of its label, the label, and the tag itself."""

    codes: np.ndarray
    label_ids: np.ndarray
    labels: list[str]
    tags: list[str]


def tag_parts(tags: Sequence[str]) -> TagParts:
    parts = [_split_tag(t) for t in tags]
    names = sorted({x for _, x in parts})
    return TagParts(np.array(["OBILU".index(p) for p, _ in parts], dtype="i"),
                    np.array([names.index(x) for _, x in parts], dtype="i"), [x for _, x in parts], list(tags))


def path_spans(ids: Sequence[int], parts: TagParts) -> list[tuple[int, int, str]]:
    """:func:`biluo_spans` of a tag path read with array operations: in a
    well-formed path (a Viterbi result) entities start at B/U and end at L/U,
    in order. About 0.4 ms per abstract less than decoding the tags one by
    one as strings. An ill-formed path is read by :func:`biluo_spans`."""
    ids = np.asarray(ids, dtype="i").reshape(-1)
    if not len(ids):
        return []
    codes = parts.codes[ids]
    opened = (codes[:-1] == 1) | (codes[:-1] == 2)  # B or I: the next tag must continue it
    continues = (codes[1:] == 2) | (codes[1:] == 3)
    lab = parts.label_ids[ids]
    if (codes[0] in (2, 3) or codes[-1] in (1, 2) or (opened != continues).any()
            or (lab[:-1] != lab[1:])[opened].any()):
        return biluo_spans([parts.tags[j] for j in ids.tolist()])
    starts = np.flatnonzero((codes == 1) | (codes == 4))
    ends = np.flatnonzero((codes == 3) | (codes == 4)) + 1
    labels = parts.labels
    return [(s, e, labels[j]) for s, e, j in zip(starts.tolist(), ends.tolist(), ids[starts].tolist())]


class BiluoGrammar(NamedTuple):
    """A BILUO tag set laid out for :func:`viterbi_batch`. The grammar: B-X and
    I-X continue only with I-X or L-X; O, L-* and U-* ("closed") are followed
    by O, B-* or U-* ("fresh"); a sequence starts with a fresh tag and ends
    with a closed one. ``order``: the tag indexes grouped as B-* (the labels
    in one order), I-*, L-*, U-*, O, so every group is a slice."""

    order: np.ndarray
    n_labels: int


def biluo_grammar(labels: Sequence[str]) -> BiluoGrammar:
    parts = [_split_tag(t) for t in labels]
    index = {part: j for j, part in enumerate(parts)}
    names = sorted({x for p, x in parts if p != "O"})
    missing = [f"{p}-{x}" for x in names for p in "BILU" if (p, x) not in index]
    if missing or ("O", "") not in index or len(parts) != 4 * len(names) + 1:
        raise ValueError(f"not a BILUO tag set: missing {missing or ['O']}, or unknown tags in {list(labels)}")
    order = [index[(p, x)] for p in "BILU" for x in names] + [index[("O", "")]]
    return BiluoGrammar(np.array(order, dtype="i"), len(names))


def viterbi_batch(scores: Sequence[np.ndarray], grammar: BiluoGrammar) -> list[np.ndarray]:
    """The best well-formed tag sequence (Viterbi 1967) of each document's
    ``[n_tokens, K]`` scores under the BILUO ``grammar``, for a batch at once.

    Each step is a few NumPy operations on slices over all documents, using
    the grammar's shape instead of a K x K transition matrix: a fresh tag's
    best predecessor is the best closed tag, shared by all fresh tags, and
    I-X / L-X's is the better of B-X and I-X (same paths as a dense K x K
    step, which took 0.71 ms per abstract against 0.24 for 64 synthetic
    documents of 150-450 tokens). Per-token softmax normalisers do not change the best
    path, so raw logits do."""
    n_lab = grammar.n_labels
    b, i, l, closed = slice(0, n_lab), slice(n_lab, 2 * n_lab), slice(2 * n_lab, 3 * n_lab), slice(2 * n_lab, None)
    lengths = [len(x) for x in scores]
    n, t_max, k = len(scores), max(lengths, default=0), len(grammar.order)
    if t_max == 0:
        return [np.zeros(0, dtype="i") for _ in scores]
    # longest first: at step t the live documents are the first active[t] rows,
    # so every operation works on a view and finished rows stay as they were
    by_len = sorted(range(n), key=lambda j: -lengths[j])
    sorted_len = np.array([lengths[j] for j in by_len])
    active = (sorted_len[None, :] > np.arange(t_max)[:, None]).sum(axis=1)  # [t]
    padded = np.zeros((n, t_max, k), dtype="f")
    for row, j in enumerate(by_len):
        padded[row, : lengths[j]] = np.asarray(scores[j])[:, grammar.order]
    delta = padded[:, 0].copy()
    delta[:, i] = delta[:, l] = -1e9  # no sequence starts inside an entity
    # per step only what the grammar lets differ: per label the better of B-X
    # and I-X (column X, I-X's and L-X's predecessor) and the best closed tag
    # (last column, every fresh tag's); one gather lays it out over all tags
    best = np.empty((n, n_lab + 1), dtype="f")
    spread = np.array([n_lab] * n_lab + [*range(n_lab)] * 2 + [n_lab] * (k - 3 * n_lab))
    closed_at = np.zeros((t_max, n), dtype="i")  # the best closed tag, 0-based within the closed slice
    i_won = np.zeros((t_max, n, n_lab), dtype=bool)  # I-X (not B-X) before I-X / L-X
    for t in range(1, t_max):
        m = active[t]
        d, p = delta[:m], best[:m]
        dc = d[:, closed]
        closed_at[t, :m] = dc.argmax(axis=1)
        p[:, n_lab] = dc.max(axis=1)
        np.maximum(d[:, i], d[:, b], out=p[:, :n_lab])
        np.greater(d[:, i], d[:, b], out=i_won[t, :m])
        np.add(p[:, spread], padded[:m, t], out=d)
    # the back pointers of every step at once: I-X / L-X from I-X or B-X, the rest from the best closed tag
    lab = np.arange(k) % n_lab
    inside = (np.arange(k) >= n_lab) & (np.arange(k) < 3 * n_lab)
    back = np.where(inside, lab + n_lab * i_won[:, :, lab], (closed_at + 2 * n_lab)[:, :, None]).astype("i")
    delta[:, b] = delta[:, i] = -1e9  # and none ends inside one
    rows = np.arange(n)
    cur = delta.argmax(axis=1)
    path = np.zeros((n, t_max), dtype="i")
    for t in range(t_max - 1, 0, -1):  # backtrack all documents at once, each from its own end
        m = active[t]
        path[:m, t] = cur[:m]
        cur[:m] = back[t, rows[:m], cur[:m]]
    path[:, 0] = cur
    path = grammar.order[path]
    out: list[np.ndarray | None] = [None] * n
    for row, j in enumerate(by_len):
        out[j] = path[row, : lengths[j]]
    return out  # type: ignore[return-value]  (every slot filled)


class BiluoTagger(Tagger):
    """Tagger-style NER: spaCy's ``tagger`` (a small CNN tok2vec, one softmax
    per token) over BILUO entity tags. Its guesses are the best well-formed
    sequence (:func:`viterbi_batch`) rather than each token's argmax, and
    they become ``doc.ents``, not ``token.tag``. It replaced spaCy's
    transition-based ``ner``, whose decoding loop cost about 4 of the NER's
    ~7 ms per abstract here (bench/bench_extract.py)."""

    def predict(self, docs):
        """Tagger.predict, with each distinct token embedded once per batch
        (:func:`extractors.tagger_embed.predict_scores`: same tags, ~15% less time)."""
        docs = list(docs)
        if not any(len(doc) for doc in docs):
            return super().predict(docs)
        return self._scores2guesses(predict_scores(self.model, docs))

    def _scores2guesses(self, scores):
        labels = self.labels
        if getattr(self, "_grammar_labels", None) != labels:  # labels are added before training
            self._grammar, self._grammar_labels = biluo_grammar(labels), labels
        return viterbi_batch([np.asarray(x) for x in scores], self._grammar)

    def set_annotations(self, docs: Iterable[Doc], batch_tag_ids) -> None:
        labels = self.labels
        if getattr(self, "_tag_parts_labels", None) != labels:
            self._tag_parts, self._tag_parts_labels = tag_parts(labels), labels
        to_candidates = getattr(self, "to_candidates", False)
        for doc, ids in zip(docs, batch_tag_ids):
            spans = path_spans(ids, self._tag_parts)
            if not to_candidates:
                doc.set_ents([Span(doc, s, e, label=label) for s, e, label in spans])
                continue
            # in the pipeline: straight into the candidates (setting doc.ents,
            # reading them back and clearing them cost ~0.3 ms per abstract)
            candidates(doc).extend(Span(doc, s, e, label=LABEL_MAP[label], span_id="ner")
                                   for s, e, label in spans if label in LABEL_MAP)


@Language.factory("mlkg_biluo_ner_v1", default_config={"model": DEFAULT_TAGGER_MODEL})
def make_biluo_ner(nlp: Language, name: str, model) -> BiluoTagger:
    return BiluoTagger(nlp.vocab, model, name)


class StatisticalNER(BatchRun):
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
        for _, proc in self.model.pipeline:
            if isinstance(proc, BiluoTagger):
                proc.to_candidates = True  # the pipeline's candidates, not doc.ents

    def _add(self, doc: Doc) -> None:
        """Move the model's ``doc.ents`` into the candidate group; clear
        ``doc.ents`` (a v1 model's; v2's tagger adds candidates itself)."""
        if not doc.has_annotation("ENT_IOB"):
            return
        group = candidates(doc)
        for ent in doc.ents:
            label = LABEL_MAP.get(ent.label_)
            if label:
                group.append(Span(doc, ent.start, ent.end, label=label, span_id="ner"))
        doc.set_ents([], default="missing")

    def _run(self, docs: list[Doc]) -> list[Doc]:
        if self.model is None or not docs:
            return docs
        for doc in docs:  # the model predicts every token: no preset entities (a v1 ner would keep them)
            if doc.has_annotation("ENT_IOB"):  # none in the pipeline: only resolve, later, sets doc.ents
                doc.set_ents([], default="missing")
        for _, proc in self.model.pipeline:
            docs = list(proc.pipe(docs, batch_size=self.batch_size)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
        for doc in docs:
            self._add(doc)
        return docs


@Language.factory("mlkg_ner_v1", default_config={"model_path": None, "batch_size": 64})
def make_ner(nlp: Language, name: str, model_path: str | None, batch_size: int) -> StatisticalNER:
    return StatisticalNER(nlp, name, model_path, batch_size)
