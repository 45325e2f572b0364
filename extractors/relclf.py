"""Entity-to-entity relations from a learned pair classifier (accurate tier).

For each sentence and each pair of its mentions (``a`` before ``b``, at most
:data:`MAX_GAP` words apart, not overlapping), the features are the
encoder's last hidden states (:mod:`extractors.encoder`, ``vectors=True``:
the same forward pass as the tagger) pooled as in span-pair relation models
(PURE, Zhong & Chen, NAACL 2021, without its marker tokens, which would need
a second pass): the mean vector of span ``a``, of span ``b``, their
elementwise product, the mean of the words between them and of two words on
either side, both entity types, the distance bucket and the number of
mentions between. A one-hidden-layer MLP (numpy inference; weights in
``models/relclf/relclf.npz``, trained by :mod:`extractors.train_relclf` on
SciERC train and the cue patterns' silver on real abstracts, never on
SciER; see that directory's MODEL_CARD.md) gives a distribution over NONE
and each relation type in each direction; a pair gets the best class whose
probability reaches the model's threshold (chosen by 5-fold CV), and its
signature's own threshold where the CV found the signature less precise
than issue 26 asks (the classifier abstains below it; never emitted at 2.0).
A SUBCLASS_OF read the wrong way round by the names is turned
(:func:`kind_reversed`).

The algorithm is the plain functions :func:`candidate_pairs`,
:func:`pair_features`, :func:`decode` and :func:`fit_signature`, which
tests and the trainer call; ``mlkg_relclf_v1`` is the pipeline component
that adds the classifier's edges to ``doc._.relations`` after the cue
patterns (:mod:`extractors.entity_relations`), which keep their pairs: a
pair the patterns relate is left to them. COMPARE_WITH needs a comparative
statement in the sentence (:data:`COMPARATIVE`); members of one list are not
related to each other, and a relation spreads over a list
(:mod:`extractors.relation_lists`).
"""
from __future__ import annotations

import re
import warnings
from functools import lru_cache
from pathlib import Path
from typing import Mapping, Sequence

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc

from ontology import RelationType

from .batching import BatchPipe
from .doctext import doc_ents, doc_text, get_ext, set_ext, tokens
from .encoder import VECTORS_KEY
from .relation_lists import between_words, coordinated, siblings, spread
from .sentences import sentence_bounds

MODEL_PATH = Path(__file__).parent / "models" / "relclf" / "relclf.npz"
EXTRACTOR = "encoder:relclf"
#: Entity classes of the type one-hots. SciERC's Material is our Dataset;
#: its OtherScientificTerm and Generic (training only) are "Other".
TYPES = ("Method", "Task", "Dataset", "Metric", "Other")
TYPE_INDEX = {"Method": 0, "Task": 1, "Dataset": 2, "Benchmark": 2, "Material": 2, "Metric": 3,
              "OtherScientificTerm": 4, "Generic": 4}
#: Upper bounds (in words between the two spans) of the distance buckets.
DIST_EDGES = (0, 1, 2, 3, 5, 8, 12, 20)
#: Pairs with more words than this between them are not classified
#: (SciERC train: 96% of relations between typed mentions span <= 20 words).
MAX_GAP = 25
#: Classes the classifier learns but never emits (SciERC's CONJUNCTION and
#: FEATURE-OF have no counterpart among our types).
SILENT = frozenset({"CONJUNCTION", "FEATURE_OF"})
SYMMETRIC = frozenset({"COMPARE_WITH", "CONJUNCTION"})
#: Learned from silver only, the cue patterns' own (synonym-paren): the
#: classifier can but imitate the pattern, and where it goes beyond it, it
#: overrides the pattern's guards ("transfer learning (PETL)": a mention
#: inside the long form; "our own BERT (SEC-BERT)": a variant). Emitted by
#: the patterns alone; the class still keeps such pairs from other types.
PATTERN_ONLY = frozenset({"SYNONYM_OF"})
#: A comparison is stated, not listed: "A outperforms B", "compared with",
#: "than", "vs." (issue 26). Of SciERC train's 166 COMPARE relations, the
#: sentence of 129 holds one of these, and 235 of its 1,861 sentences do
#: (``python -m extractors.train_relclf cues``; 110 relations before
#: "superiority/advantages/improvement ... over", "equivalent to", "as
#: opposed to", "in contrast", "overcomes" were added from the misses).
COMPARATIVE = re.compile(r"\b(?:compar\w*|than|vs\.?|versus|against|outperform\w*|surpass\w*|beat\w*|superior\w*|"
                         r"inferior|better|worse|competitive|on par|rival\w*|baselines?|equivalent to|as opposed to|"
                         r"in contrast|contrasted|departure from|overcomes?|"
                         r"(?:improv\w*|gains?|advantages?|speed-?ups?)\s(?:[^\s.]+\s){0,8}?(?:over|upon|beyond))\b", re.I)


#: The entity types each relation joins, (source, target) with Benchmark
#: read as Dataset: the ontology's domains and ranges (ontology/__init__.py:
#: USED_FOR Method/Dataset -> Task/Method, EVALUATED_WITH Method/Task ->
#: Dataset/Metric, TRAINED_WITH Method -> Dataset, BENCHMARK_FOR Dataset ->
#: Task, SUBTASK_OF Task -> Task), plus Task -> Task USED_FOR (SciER train:
#: 138 of 2,398 USED_FOR); COMPARE_WITH, SUBCLASS_OF, PART_OF and
#: SYNONYM_OF join two things of one type (SciER train: 3,940 of 3,944 such
#: relations do; counted on gold mentions, no weights learned from it).
#: Not Method -> Method USED_FOR: SciER train states 202 USED_FOR among its
#: 4,219 relations between two Methods (PART_OF 1,863, COMPARE_WITH 779,
#: SYNONYM_OF 722, SUBCLASS_OF 645), but SciERC's USED-FOR often joins two
#: methods ("X used for a model"), so the classifier says USED_FOR where the
#: text states a part or a kind ("TANet, a thread-aware Transformer-based
#: network"; 7 of 8 such edges in the audit's abstracts were wrong).
SIGNATURES: dict[str, frozenset[tuple[str, str]]] = {
    "USED_FOR": frozenset({("Method", "Task"), ("Dataset", "Task"), ("Task", "Task")}),
    "EVALUATED_WITH": frozenset({("Method", "Dataset"), ("Method", "Metric"), ("Task", "Dataset"), ("Task", "Metric")}),
    "TRAINED_WITH": frozenset({("Method", "Dataset")}),
    "BENCHMARK_FOR": frozenset({("Dataset", "Task")}),
    "SUBTASK_OF": frozenset({("Task", "Task")}),
    "SUBCLASS_OF": frozenset({("Method", "Method"), ("Dataset", "Dataset")}),
    "PART_OF": frozenset({("Method", "Method"), ("Dataset", "Dataset")}),
    "COMPARE_WITH": frozenset({("Method", "Method"), ("Dataset", "Dataset"), ("Task", "Task")}),
    "SYNONYM_OF": frozenset({("Method", "Method"), ("Dataset", "Dataset"), ("Task", "Task"), ("Metric", "Metric")}),
}
_SAME = {"Benchmark": "Dataset", "Material": "Dataset"}


def fit_signature(rtype: str, src: str, tgt: str) -> tuple[str, bool] | None:
    """(type, swap ends) that states a predicted relation within
    :data:`SIGNATURES`, or None to drop it. "Dataset USED_FOR Method" is
    "Method TRAINED_WITH Dataset" (SciER train: 372 TRAINED_WITH Method ->
    Dataset against 38 USED_FOR Dataset -> Method; SciERC, whose USED-FOR
    covers both, has no TRAINED_WITH), and "Dataset USED_FOR Task" is
    BENCHMARK_FOR (SciER train: 548 against 9; "experiments on RotoWire
    for template extraction", "SemEval-2017 Task 3: ... Paraphrase
    Detection"); SUBCLASS_OF between Tasks is
    SUBTASK_OF (the mapping of :mod:`kg.evaluate_relations`)."""
    src, tgt = _SAME.get(src, src), _SAME.get(tgt, tgt)
    if rtype == "USED_FOR" and (src, tgt) == ("Dataset", "Method"):
        return "TRAINED_WITH", True
    if rtype == "USED_FOR" and (src, tgt) == ("Dataset", "Task"):
        return "BENCHMARK_FOR", False
    if rtype == "SUBCLASS_OF" and src == tgt == "Task":
        return "SUBTASK_OF", False
    allowed = SIGNATURES.get(rtype)
    if allowed is None or (src, tgt) in allowed:
        return rtype, False
    if rtype in SYMMETRIC and (tgt, src) in allowed:
        return rtype, False
    return None


def signature_key(rtype: str, source: str, target: str) -> str:
    """"TYPE|Source|Target" with our entity types (Benchmark read as Dataset)."""
    return f"{rtype}|{_SAME.get(source, source)}|{_SAME.get(target, target)}"


def kind_reversed(source: str, target: str) -> bool:
    """Whether "``source`` SUBCLASS_OF ``target``" reads the wrong way round
    and the kind is the target: the subclass is the derived, longer name
    ("β-LSTM" of "LSTM", "AT-DDPM" of "DDPM"), and a named thing is a kind
    of a common lower-case one ("SoftTactNet, a convolutional neural
    network"), not the reverse; a name here has mixed case, since an
    all-capitals one is as often a class ("MCMC", "GAN"). The classifier
    reads both spans as mean vectors and so often loses the direction (the
    audit: "LSTM SUBCLASS_OF β-LSTM"). Counted on SciERC train's 77
    HYPONYM-OF relations between two Methods or two Materials: shown the
    gold direction, this says "reversed" for 2; shown the reverse, for 38
    (48 with all-capitals names too, which turned "informed importance
    tempering, a class of MCMC schemes" the wrong way in a fresh sample;
    ``bench/relclf_direction.py``)."""
    s, t = source.lower(), target.lower()
    if s != t and s in t:
        return True
    if s != t and t in s:
        return False
    # a name: mixed case ("SoftTactNet", "GraphSAGE"); an all-capitals target may
    # be a class acronym ("a class of MCMC schemes called informed importance tempering")
    name = any(c.isupper() for c in target) and any(c.islower() for c in target)
    return not any(c.isupper() for c in source) and name


def type_index(label: str) -> int:
    return TYPE_INDEX.get(label, 4)


def candidate_pairs(spans: Sequence[tuple[int, int]], max_gap: int = MAX_GAP) -> list[tuple[int, int]]:
    """Index pairs ``(i, j)`` of ``spans`` (word ``(start, end)``, end
    exclusive) with span ``i`` wholly before span ``j`` and at most
    ``max_gap`` words between them."""
    order = sorted(range(len(spans)), key=lambda k: spans[k])
    out = []
    for x, i in enumerate(order):
        for j in order[x + 1:]:
            gap = spans[j][0] - spans[i][1]
            if gap < 0:
                continue
            if gap > max_gap:
                break
            out.append((i, j))
    return out


#: Words of context read before the first span and after the second.
CONTEXT = 2
#: Upper bounds of the buckets of the number of mentions between the two.
INNER_EDGES = (0, 1, 2)


def feature_size(hidden: int) -> int:
    return 6 * hidden + 2 * len(TYPES) + len(DIST_EDGES) + 1 + len(INNER_EDGES) + 1


def pair_features(vecs: np.ndarray, spans: Sequence[tuple[int, int]], types: Sequence[int],
                  pairs: Sequence[tuple[int, int]]) -> np.ndarray:
    """``[len(pairs), feature_size]`` float32 features of the pairs of one
    sentence. ``vecs``: its words' hidden states ``[n_words, hidden]``;
    ``spans``: word ``(start, end)`` of the mentions; ``types``: their
    :data:`TYPES` indices."""
    h = vecs.shape[1]
    out = np.zeros((len(pairs), feature_size(h)), dtype=np.float32)
    if not pairs:
        return out
    # all pairs at once (numpy indexing; the same float32 operations, element
    # by element, as a loop over the pairs: the features are the same bytes)
    v = vecs.astype(np.float32)
    n, nt = len(v), len(TYPES)
    cum = np.vstack([np.zeros((1, h), np.float32), np.cumsum(v, axis=0)])

    def mean(s: np.ndarray, e: np.ndarray) -> np.ndarray:
        return (cum[e] - cum[s]) / (e - s).astype(np.float32)[:, None]

    sp = np.asarray(spans, dtype=np.int64).reshape(-1, 2)
    pi, pj = np.asarray(pairs, dtype=np.int64).T
    a0, a1, b0, b1 = sp[pi, 0], sp[pi, 1], sp[pj, 0], sp[pj, 1]
    means = mean(sp[:, 0], sp[:, 1])
    a, b = means[pi], means[pj]
    out[:, :h], out[:, h:2 * h], out[:, 2 * h:3 * h] = a, b, a * b
    rows = np.flatnonzero(b0 > a1)
    out[rows, 3 * h:4 * h] = mean(a1[rows], b0[rows])
    rows = np.flatnonzero(a0 > 0)
    out[rows, 4 * h:5 * h] = mean(np.maximum(0, a0[rows] - CONTEXT), a0[rows])
    rows = np.flatnonzero(b1 < n)
    out[rows, 5 * h:6 * h] = mean(b1[rows], np.minimum(n, b1[rows] + CONTEXT))
    r = np.arange(len(pi))
    ty = np.asarray(types, dtype=np.int64)
    base = 6 * h
    out[r, base + ty[pi]] = 1.0
    out[r, base + nt + ty[pj]] = 1.0
    base += 2 * nt
    out[r, base + np.searchsorted(DIST_EDGES, b0 - a1 - 1, side="right")] = 1.0
    base += len(DIST_EDGES) + 1
    starts = np.sort(sp[:, 0])
    inner = np.searchsorted(starts, b0 - 1, side="right") - np.searchsorted(starts, a1 - 1, side="right")
    out[r, base + np.searchsorted(INNER_EDGES, inner - 1, side="right")] = 1.0
    return out


@lru_cache(maxsize=1)
def _blas():
    """numpy's BLAS libraries, once (:func:`one_blas_thread`)."""
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


def one_blas_thread():
    """The MLP's matrix products on the calling thread alone.

    numpy's OpenBLAS splits a product this size over a thread per core,
    whose threads then spin for a while after each call, waiting for the
    next: in the accurate tier, where the encoder's passes already use both
    cores, that spinning cost more CPU than the whole pipeline (80 seed
    abstracts, load ~12: 143-156 ms CPU an abstract with OpenBLAS's two
    threads, 85-89 with one; wall time halved). The same products, so the
    same probabilities."""
    return _blas().limit(limits=1, user_api="blas")


class PairModel:
    """The MLP: standardised features -> ReLU hidden layer -> softmax over classes."""

    def __init__(self, params: dict[str, np.ndarray]):
        self.mean, self.scale = params["mean"].astype(np.float32), params["scale"].astype(np.float32)
        self.w1, self.b1 = params["w1"].astype(np.float32), params["b1"].astype(np.float32)
        self.w2, self.b2 = params["w2"].astype(np.float32), params["b2"].astype(np.float32)
        self.classes: list[str] = [str(c) for c in params["classes"]]
        self.threshold = float(params["threshold"]) if "threshold" in params else 0.5
        #: per relation type, a threshold chosen by 5-fold CV on SciERC train
        #: (``python -m extractors.train_relclf cv``; types not listed keep
        #: :attr:`threshold`); stored as two parallel arrays
        self.type_thresholds: dict[str, float] = (
            {str(t): float(v) for t, v in zip(params["threshold_types"], params["threshold_values"])}
            if "threshold_types" in params else {})
        #: per signature "TYPE|Source|Target" (as emitted, after :func:`fit_signature`),
        #: a further threshold chosen by 5-fold CV: the lowest with the CV
        #: precision asked for, 2.0 where none reaches it (the classifier
        #: abstains: "Task EVALUATED_WITH Metric" was right 5 times of 8 at best)
        self.signature_thresholds: dict[str, float] = (
            {str(t): float(v) for t, v in zip(params["signature_keys"], params["signature_values"])}
            if "signature_keys" in params else {})

    def signature_threshold(self, rtype: str, source: str, target: str) -> float:
        """The extra threshold of an emitted relation's signature (0: none)."""
        return self.signature_thresholds.get(signature_key(rtype, source, target), 0.0)

    def thresholds(self) -> float | dict[str, float]:
        """What :func:`decode` takes: the global threshold, or per type."""
        return {**{c.rstrip("<>"): self.threshold for c in self.classes}, **self.type_thresholds} \
            if self.type_thresholds else self.threshold

    @classmethod
    def load(cls, path: Path | str) -> "PairModel":
        with np.load(path, allow_pickle=False) as z:
            return cls({k: z[k] for k in z.files})

    def predict_proba(self, x: np.ndarray) -> np.ndarray:
        if not len(x):
            return np.zeros((0, len(self.classes)), np.float32)
        with one_blas_thread():
            hid = np.maximum((x - self.mean) / self.scale @ self.w1 + self.b1, 0.0)
            z = hid @ self.w2 + self.b2
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        return p / p.sum(axis=1, keepdims=True)


def decode(probs: np.ndarray, classes: Sequence[str], pairs: Sequence[tuple[int, int]],
           threshold: float | Mapping[str, float], emit: frozenset[str] | None = None) -> list[tuple[int, int, str, float]]:
    """``(source, target, type, confidence)`` per pair whose best emittable
    class (``"TYPE>"``: first span is the source, ``"TYPE<"``: the second,
    ``"TYPE"``: symmetric, first as source) reaches ``threshold``; NONE and
    :data:`SILENT` classes are never emitted, ``emit`` limits the types.
    ``threshold``: one for all types, or per type (a type missing: never
    emitted)."""
    out = []
    usable = [k for k, c in enumerate(classes) if c != "NONE" and c.rstrip("<>") not in SILENT
              and (emit is None or c.rstrip("<>") in emit)]
    if not usable or not len(probs):
        return out
    sub = probs[:, usable]
    best = sub.argmax(axis=1)
    per_type = threshold if isinstance(threshold, Mapping) else None
    for r, (i, j) in enumerate(pairs):
        p = float(sub[r, best[r]])
        # the pair's most likely reading must be this relation, not NONE or a silent one
        if p < probs[r].max():
            continue
        c = classes[usable[best[r]]]
        rtype = c.rstrip("<>")
        if p < (threshold if per_type is None else per_type.get(rtype, 2.0)):
            continue
        out.append((j, i, rtype, p) if c.endswith("<") else (i, j, rtype, p))
    return out


@lru_cache(maxsize=2)
def model_hash(path: str | None = None) -> str:
    """Short hash of the weights file ("" without one): part of the pipeline version."""
    import hashlib

    p = Path(path) if path else MODEL_PATH
    return hashlib.sha256(p.read_bytes()).hexdigest()[:12] if p.exists() else ""


@lru_cache(maxsize=2)
def load_model(path: str | None = None) -> PairModel | None:
    p = Path(path) if path else MODEL_PATH
    if not p.exists():
        warnings.warn(f"mlkg_relclf_v1: no relation model at {p}; only the cue patterns relate entities", stacklevel=2)
        return None
    return PairModel.load(p)


def sentence_words(doc: Doc) -> list[list[int]]:
    """Token indices of each sentence's words (whitespace tokens left out),
    as the encoder read them."""
    toks = tokens(doc)
    return [[i for i in range(s, e) if toks.word(i).strip()] for s, e, *_ in sentence_bounds(doc)]


def doc_pair_relations(doc: Doc, model: PairModel, vecs: np.ndarray, meta: list | None = None) -> list[tuple]:
    """The classifier's relations of one doc: ``(type, source char span,
    target char span, evidence char span, confidence)``. ``meta``, if
    given, receives per sentence with pairs ``(evidence span, mentions,
    pairs, word spans, words)``."""
    ents = doc_ents(doc)
    text = doc_text(doc)
    toks = tokens(doc)
    bounds = sentence_bounds(doc)
    out = []
    k = 0
    feats = []
    meta = [] if meta is None else meta
    for (s, e, sc, ec), words in zip(bounds, sentence_words(doc)):
        while k < len(ents) and ents[k].start < s:
            k += 1
        mine = []
        while k < len(ents) and ents[k].end <= e:
            mine.append(ents[k])
            k += 1
        if len(mine) < 2 or not words:
            continue
        pos = {t: n for n, t in enumerate(words)}
        spans, types, kept = [], [], []
        for ent in mine:
            inside = [pos[t] for t in range(ent.start, ent.end) if t in pos]
            if inside:
                spans.append((inside[0], inside[-1] + 1))
                types.append(type_index(ent.label_))
                kept.append(ent)
        pairs = candidate_pairs(spans)
        if not pairs:
            continue
        feats.append(pair_features(vecs[words], spans, types, pairs))
        meta.append(((sc, ec), kept, pairs, spans, [toks.word(t) for t in words]))
    if not feats:
        return out
    probs = model.predict_proba(np.vstack(feats))
    row = 0
    for (sc, ec), kept, pairs, spans, texts in meta:
        p = probs[row: row + len(pairs)]
        row += len(pairs)
        comparative = COMPARATIVE.search(text, sc, ec) is not None
        for i, j, rtype, conf in decode(p, model.classes, pairs, model.thresholds()):
            if rtype in PATTERN_ONLY or (rtype == "COMPARE_WITH" and not comparative):
                continue
            first, second = (i, j) if spans[i] < spans[j] else (j, i)
            if coordinated(between_words(spans, first, second, texts), brackets=True):
                continue
            a, b = kept[i], kept[j]
            fitted = fit_signature(rtype, a.label_, b.label_)
            if fitted is None:
                continue
            rtype, swap = fitted
            if swap:
                a, b = b, a
            if rtype == "SUBCLASS_OF" and kind_reversed(a.text, b.text):
                a, b = b, a
            if conf < model.signature_threshold(rtype, a.label_, b.label_):
                continue
            out.append((RelationType(rtype), (a.start_char, a.end_char), (b.start_char, b.end_char), (sc, ec), conf))
    return out


class RelationClassifier(BatchPipe):
    """Pipeline component: the pair classifier's edges join ``doc._.relations``
    for the pairs the cue patterns left unrelated; drops the encoder's
    vectors afterwards (about 0.2 MB per abstract)."""

    def __init__(self, nlp: Language, name: str, model_path: str | None = None):
        self.name = name
        self.model = load_model(model_path)

    def __call__(self, doc: Doc) -> Doc:
        vecs = doc.user_data.pop(VECTORS_KEY, None)
        if self.model is None or vecs is None:
            return doc
        from .relations import LocalRelation

        relations = list(get_ext(doc, "relations"))
        taken = {frozenset((r.source, r.target)) for r in relations if isinstance(r.source, tuple)}
        meta: list = []
        for rtype, src, tgt, ev, conf in doc_pair_relations(doc, self.model, vecs, meta):
            if frozenset((src, tgt)) in taken:
                continue
            taken.add(frozenset((src, tgt)))
            relations.append(LocalRelation(rtype, src, tgt, ev, EXTRACTOR, round(conf, 3)))
        relations += list_relations(meta, relations)
        set_ext(doc, "relations", relations)
        return doc


def list_relations(meta: list, relations: list) -> list:
    """The relations lists add (:mod:`extractors.relation_lists`) to the
    entity-to-entity ``relations`` (patterns' and classifier's) of the
    sentences in ``meta`` (:func:`doc_pair_relations`); extractor
    "<extractor>+list", confidence 0.9 of the relation spread."""
    from .relations import LocalRelation

    by_sentence: dict[tuple[int, int], list] = {}
    for r in relations:
        if isinstance(r.source, tuple):
            by_sentence.setdefault(tuple(r.evidence), []).append(r)
    out = []
    for ev, kept, _, spans, words in meta:
        mine = by_sentence.get(tuple(ev))
        if not mine:
            continue
        index = {(e.start_char, e.end_char): n for n, e in enumerate(kept)}
        rels, origin = [], []
        for r in mine:
            s, t = index.get(tuple(r.source)), index.get(tuple(r.target))
            if s is not None and t is not None:
                rels.append((s, r.type.value, t))
                origin.append(r)
        if not rels:
            continue
        sibs = siblings(spans, [e.label_ for e in kept], words)
        for s, rtype, t, k in spread(rels, sibs):
            a, b, r = kept[s], kept[t], origin[k]
            out.append(LocalRelation(r.type, (a.start_char, a.end_char), (b.start_char, b.end_char), r.evidence,
                                     r.extractor + "+list", round(0.9 * r.confidence, 3)))
    return out


@Language.factory("mlkg_relclf_v1", default_config={"model_path": None})
def make_relation_classifier(nlp: Language, name: str, model_path: str | None) -> RelationClassifier:
    return RelationClassifier(nlp, name, model_path)
