"""The relation classifier's training data: SciERC gold sentences and silver
sentences of real abstracts, with the encoder's word vectors and the
candidate pairs' features.

Split out of :mod:`extractors.train_relclf` because reading and encoding the
data is one idea and fitting, thresholding and scoring the classifier is
another: the gold side reads a DyGIE file (SciERC train, or SciER dev for
scoring only: GPL-3.0, never trained on) into :class:`Sentence` s with our
mention types and relation classes; the silver side runs the accurate tier
over every :data:`SILVER_STEP`-th abstract and keeps the cue patterns'
relations as positives. Both are cached under :data:`CACHE` (not in the
repo), keyed by the encoder's hash.
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from kg.evaluate_relations import iter_dygie, scier_relation, scierc_relation
from kg.gold_corpora import PTB_ESCAPES, detect_corpus

from .relclf import SYMMETRIC, TYPE_INDEX, candidate_pairs, pair_features


CACHE = Path(os.environ.get("MLKG_RELCLF_CACHE", "/tmp/relclf-cache"))
SCIERC_TRAIN = "../shared/corpora/scierc/train.json"
#: Type one-hot index of "Other" (SciERC's OtherScientificTerm, Generic).
OTHER = 4


@dataclass
class Sentence:
    doc: str
    words: list[str]
    spans: list[tuple[int, int]]
    types: list[int]
    #: (i, j) mention indices (i before j) -> class ("USED_FOR>", "COMPARE_WITH", ...)
    labels: dict[tuple[int, int], str] = field(default_factory=dict)


def pair_class(rtype: str, src_first: bool) -> str:
    return rtype if rtype in SYMMETRIC else rtype + (">" if src_first else "<")


def read_dygie(path: str | Path) -> list[Sentence]:
    """Sentences of a DyGIE file (SciERC ``*.json`` or SciER ``dev.jsonl``)
    with gold mentions and relation classes."""
    path = Path(path)
    scier = detect_corpus(path)[0] == "scier"
    out = []
    for n, rec in iter_dygie(path):
        sentences = rec["sentences"]
        base = 0
        doc = str(rec.get("doc_key") or rec.get("doc_id") or n)
        for sent, ents, rels in zip(sentences, rec.get("ner") or [[]] * len(sentences),
                                    rec.get("relations") or [[]] * len(sentences)):
            spans, types, index, labels = [], [], {}, {}
            for s, e, label in ents:
                if (s, e) in index:
                    continue
                index[(s, e)] = len(spans)
                spans.append((s - base, e - base + 1))
                types.append(TYPE_INDEX.get(label, OTHER))
            raw_types = {(s, e): label for s, e, label in ents}
            for a0, a1, b0, b1, label in rels:
                ia, ib = index.get((a0, a1)), index.get((b0, b1))
                if ia is None or ib is None or ia == ib:
                    continue
                if scier:
                    rtype, forward = scier_relation(label)
                else:
                    if label == "CONJUNCTION":
                        rtype, forward = "CONJUNCTION", True
                    elif label == "FEATURE-OF":
                        rtype, forward = "FEATURE_OF", True
                    else:
                        mapped = scierc_relation(label, raw_types[(a0, a1)], raw_types[(b0, b1)])
                        if mapped is None:
                            continue
                        rtype, forward = mapped
                src, tgt = (ia, ib) if forward else (ib, ia)
                first, second = sorted((src, tgt), key=lambda k: spans[k])
                labels.setdefault((first, second), pair_class(rtype, src == first))
            words = [PTB_ESCAPES.get(w, w) for w in sent]
            out.append(Sentence(doc, words, spans, types, labels))
            base += len(sent)
    return out


def encode(sentences: list[Sentence], tag: str) -> list[np.ndarray]:
    """Each sentence's word vectors from the shipped encoder, cached in
    :data:`CACHE` by corpus and model hash."""
    from .encoder import load_model, model_hash

    key = hashlib.sha256((tag + model_hash() + str(len(sentences))).encode()).hexdigest()[:12]
    path = CACHE / f"{key}.npz"
    if path.exists():
        with np.load(path) as z:
            flat, offs = z["flat"], z["offs"]
        return [flat[offs[k]: offs[k + 1]] for k in range(len(sentences))]
    model = load_model()
    vecs: list[np.ndarray] = []
    for k in range(0, len(sentences), 64):
        vecs += [v for _, v in model.run([s.words for s in sentences[k: k + 64]], vectors=True)]
    CACHE.mkdir(parents=True, exist_ok=True)
    offs = np.cumsum([0] + [len(v) for v in vecs])
    np.savez(path, flat=np.vstack(vecs), offs=offs)
    return vecs


def build(sentences: list[Sentence], vecs: list[np.ndarray], with_other: bool = True):
    """(X, class names per pair, [(sentence index, i, j)]) of all candidate
    pairs; without ``with_other``, Other mentions are dropped first."""
    feats, ys, where = [], [], []
    for k, (s, v) in enumerate(zip(sentences, vecs)):
        pairs = [p for p in candidate_pairs(s.spans) if with_other or OTHER not in (s.types[p[0]], s.types[p[1]])]
        if not pairs:
            continue
        feats.append(pair_features(v, s.spans, s.types, pairs))
        ys += [s.labels.get(p, "NONE") for p in pairs]
        where += [(k, i, j) for i, j in pairs]
    return np.vstack(feats), ys, where


ABSTRACTS = "../shared/corpora/abstracts/conference_papers.jsonl.gz"
#: Silver: every SILVER_STEP-th abstract of :data:`ABSTRACTS` (offset 13, so
#: not the encoder's every-97th silver), audit abstracts left out.
SILVER_STEP = 61
#: Cue-pattern relations (extractors/entity_relations.py and the modules it reads) become silver
#: positives; OUTPERFORMS is read as COMPARE_WITH.
_SILVER_AS = {"OUTPERFORMS": "COMPARE_WITH"}


def read_silver(limit: int | None = None, step: int = SILVER_STEP) -> tuple[list[Sentence], list[np.ndarray]]:
    """Sentences of real abstracts with the accurate tier's mentions and the
    cue patterns' relations as labels (positives only: a pair no pattern
    relates may still be related, so it is left out), and their word
    vectors; cached in :data:`CACHE`."""
    import gzip

    # keyed by the cue patterns' source and the encoder too: new patterns or new vectors, new silver
    from .encoder import model_hash

    here = Path(__file__).parent
    source = b"".join((here / f"{m}.py").read_bytes()
                      for m in ("entity_relations", "entity_patterns", "entity_guards", "entity_own"))
    rules = hashlib.sha256(source + model_hash().encode()).hexdigest()[:8]
    path = CACHE / f"silver-{step}-{limit}-{rules}.json"
    vpath = path.with_suffix(".npz")
    if path.exists() and vpath.exists():
        rows = json.loads(path.read_text())
        with np.load(vpath) as z:
            flat, offs = z["flat"], z["offs"]
        return ([Sentence(r["doc"], r["words"], [tuple(x) for x in r["spans"]], r["types"],
                          {(i, j): c for i, j, c in r["labels"]}) for r in rows],
                [flat[offs[k]: offs[k + 1]] for k in range(len(rows))])
    from .doctext import doc_ents
    from .encoder import VECTORS_KEY
    from .pipeline import make_nlp
    from .relclf import sentence_words
    from .sentences import sentence_bounds

    audit = set()
    for gold in Path(__file__).resolve().parents[1].glob("tests/data/audit/gold_[AB].jsonl"):
        audit |= {json.loads(line)["id"] for line in gold.open() if line.strip()}
    records = []
    with gzip.open(ABSTRACTS, "rt", encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if n % step == 13:
                rec = json.loads(line)
                if rec.get("abstract") and str(rec.get("id")) not in audit:
                    records.append(rec)
    records = records[:limit]
    nlp = make_nlp("accurate")
    nlp.remove_pipe("mlkg_relclf_v1")
    sents, vecs = [], []
    for rec, doc in zip(records, nlp.pipe(f"{rec['title']}. {rec['abstract']}" for rec in records)):
        v = doc.user_data.pop(VECTORS_KEY)
        ents = doc_ents(doc)
        rels = {}
        for r in doc._.relations:
            if r.extractor.startswith("pattern:") and isinstance(r.source, tuple):
                rels[(r.source, r.target)] = _SILVER_AS.get(r.type.value, r.type.value)
        for (s, e, _, _), words in zip(sentence_bounds(doc), sentence_words(doc)):
            pos = {t: k for k, t in enumerate(words)}
            mine = [x for x in ents if s <= x.start and x.end <= e and x.start in pos and x.end - 1 in pos]
            if len(mine) < 2:
                continue
            spans = [(pos[x.start], pos[x.end - 1] + 1) for x in mine]
            chars = [(x.start_char, x.end_char) for x in mine]
            labels = {}
            for i, j in candidate_pairs(spans):
                for src, tgt in ((i, j), (j, i)):
                    rtype = rels.get((chars[src], chars[tgt]))
                    if rtype is not None:
                        labels[(i, j)] = pair_class(rtype, src == i)
            if labels:
                sents.append(Sentence(str(rec.get("id") or rec.get("title")), [doc[t].text for t in words], spans,
                                      [TYPE_INDEX.get(x.label_, OTHER) for x in mine], labels))
                vecs.append(v[words])
    CACHE.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps([{"doc": s.doc, "words": s.words, "spans": s.spans, "types": s.types,
                                 "labels": [[i, j, c] for (i, j), c in s.labels.items()]} for s in sents]))
    np.savez(vpath, flat=np.vstack(vecs), offs=np.cumsum([0] + [len(v) for v in vecs]))
    return sents, vecs


def build_silver(sents: list[Sentence], vecs: list[np.ndarray]):
    """(X, classes) of the silver positives only."""
    feats, ys = [], []
    for s, v in zip(sents, vecs):
        pairs = list(s.labels)
        feats.append(pair_features(v, s.spans, s.types, pairs))
        ys += [s.labels[p] for p in pairs]
    return np.vstack(feats), ys


def load_train(with_other: bool, silver: int = 0, step: int = SILVER_STEP):
    sents = read_dygie(SCIERC_TRAIN)
    vecs = encode(sents, "scierc-train")
    x, ys, where = build(sents, vecs, with_other)
    if silver:
        sx, sys_ = build_silver(*read_silver(silver, step))
        x, ys = np.vstack([x, sx]), ys + sys_
        where = where + [(-1, 0, 0)] * len(sys_)  # silver rows: no sentence of SciERC
    classes = ["NONE"] + sorted(set(ys) - {"NONE"})
    y = np.array([classes.index(c) for c in ys])
    return sents, x, y, where, classes
