"""Measure entity extraction against gold corpora (SciERC, SciER, TDMSci).

Readers (:mod:`kg.gold_corpora`) turn each corpus format into
:class:`GoldDoc` s (tokens, the text rebuilt from them, gold token spans
with the corpus' own type names); the pipeline runs on the rebuilt text;
predicted ``doc.ents`` and gold spans are compared as character spans, per
type and micro-averaged, both for exact span + type and for overlapping
span + type (one-to-one matching).

Type mapping (see shared/corpora/README.md): Method -> Method, Task -> Task,
Metric -> Metric, Dataset and Benchmark -> Dataset. Only the types a corpus
annotates are scored: a predicted Method in TDMSci (which has no Method
type) is neither right nor wrong; SciERC is scored on Method, Task, Metric.
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Sequence

# The corpus readers moved to kg/gold_corpora.py; their names stay importable from here.
from .gold_corpora import (  # noqa: F401
    PTB_ESCAPES, GoldDoc, _find_tokens, _glued, _json_lines, detect_corpus, detokenize, read_conll, read_corpus,
    read_dygie, read_scier_sentences, resolve_path,
)

#: Types scored for each corpus (after mapping).
SCORED_TYPES: dict[str, tuple[str, ...]] = {
    "scierc": ("Method", "Task", "Metric"),
    "scier": ("Method", "Task", "Dataset"),
    "tdmsci": ("Task", "Dataset", "Metric"),
}
CORPORA = tuple(SCORED_TYPES)

#: Our entity types (and gold corpus types) -> scored type.
TYPE_MAP = {"Method": "Method", "Task": "Task", "Metric": "Metric", "Dataset": "Dataset", "Benchmark": "Dataset"}


# ---------------------------------------------------------------- scoring

Span = tuple[int, int, int, str]  # (doc index, start char, end char, type)


@dataclass
class PRF:
    tp_pred: int = 0  # predictions matched
    tp_gold: int = 0  # gold spans matched
    n_pred: int = 0
    n_gold: int = 0

    @property
    def precision(self) -> float:
        return self.tp_pred / self.n_pred if self.n_pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp_gold / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: "PRF") -> None:
        self.tp_pred += other.tp_pred
        self.tp_gold += other.tp_gold
        self.n_pred += other.n_pred
        self.n_gold += other.n_gold

    def as_dict(self) -> dict:
        return {"precision": round(100 * self.precision, 2), "recall": round(100 * self.recall, 2),
                "f1": round(100 * self.f1, 2), "predicted": self.n_pred, "gold": self.n_gold,
                "correct": self.tp_gold}


def score_exact(gold: Iterable[Span], pred: Iterable[Span]) -> PRF:
    gold_set, pred_set = set(gold), set(pred)
    tp = len(gold_set & pred_set)
    return PRF(tp, tp, len(pred_set), len(gold_set))


def score_overlap(gold: Iterable[Span], pred: Iterable[Span]) -> PRF:
    """One-to-one matching of same-type spans that share at least one character
    (exact matches first, then greedily by largest overlap)."""
    gold_l, pred_l = sorted(set(gold)), sorted(set(pred))
    pairs = []
    by_key: dict[tuple[int, str], list[int]] = {}
    for gi, (d, s, e, t) in enumerate(gold_l):
        by_key.setdefault((d, t), []).append(gi)
    for pi, (d, s, e, t) in enumerate(pred_l):
        for gi in by_key.get((d, t), ()):
            _, gs, ge, _ = gold_l[gi]
            ov = min(e, ge) - max(s, gs)
            if ov > 0:
                pairs.append((-(s == gs and e == ge), -ov, pi, gi))
    pairs.sort()
    used_p, used_g = set(), set()
    for _, _, pi, gi in pairs:
        if pi not in used_p and gi not in used_g:
            used_p.add(pi)
            used_g.add(gi)
    return PRF(len(used_p), len(used_g), len(pred_l), len(gold_l))


def score_spans(gold: Sequence[Span], pred: Sequence[Span], types: Sequence[str]) -> dict:
    """{"exact"|"overlap": {type|"micro": PRF}} restricted to ``types``."""
    out = {}
    for mode, fn in (("exact", score_exact), ("overlap", score_overlap)):
        per = {}
        micro = PRF()
        for t in types:
            prf = fn([g for g in gold if g[3] == t], [p for p in pred if p[3] == t])
            per[t] = prf
            micro.add(prf)
        per["micro"] = micro
        out[mode] = per
    return out


def gold_spans(docs: Sequence[GoldDoc], corpus: str) -> list[Span]:
    types = set(SCORED_TYPES[corpus])
    out = []
    for i, doc in enumerate(docs):
        for s, e, t in doc.char_spans():
            mapped = TYPE_MAP.get(t)
            if mapped in types:
                out.append((i, s, e, mapped))
    return out


#: Corpora whose guidelines annotate a defined abbreviation inside its long
#: form's span ("statistical machine translation (SMT)" is one Task in TDMSci
#: and SciERC); SciER annotates the two forms separately, as we extract them.
JOINED_ABBREVIATIONS = frozenset({"scierc", "tdmsci"})


def join_abbreviations(doc, ents: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Our (long form, short form) mention pairs as the corpus' one span
    "long form (SF)" or "SF (long form)": the pipeline keeps the definition
    as an alias relation (``doc._.abbreviations``); this only restates it in
    the corpus' convention."""
    text = doc.text
    by_end = {e: (s, e, t) for s, e, t in ents}
    drop, add = set(), []
    for ab in getattr(doc._, "abbreviations", None) or []:
        long = by_end.get(ab.long_end)
        last = max(ab.long_end, ab.short_end)  # the parenthesised form, "(SF)" or "(Long Form)", ends here
        close = text.find(")", last, last + 2)
        if long is None or long[0] < ab.long_start or close < 0:
            continue
        inside = [x for x in ents if ab.short_start <= x[0] and x[1] <= ab.short_end]
        drop.update([long, *inside])
        add.append((min(ab.long_start, ab.short_start), close + 1, long[2]))  # the definition, whole
    return sorted([x for x in ents if x not in drop] + add)


#: Corpora whose guidelines put the head noun inside the span ("the FrameNet
#: corpus" is one Dataset in TDMSci, "the parsing task" one Task in SciERC);
#: SciER leaves it out, as our mentions do (measured on the training files:
#: TDMSci Dataset spans 164 with the head inside, 10 with it after, and
#: 31 / 0 for 'test set', 'evaluation data'...; SciERC
#: Task 39 / 0 for 'task(s)', 42 / 0 for 'problem(s)' (our Task mentions
#: followed by 'application': 3 gold Task spans with it, 2 neither); SciERC Method spans of
#: two or more words end in 'system(s)' 100 times and are followed by it
#: 0 times, 'approach(es)' 54 / 1, 'model(s)' 143 / 1, 'algorithm(s)' 76 / 0,
#: 'method(s)' 72 / 0, 'technique(s)' 40 / 0, 'framework' 22 / 0... (our
#: Method mentions followed by 'paradigm': 2 gold Method spans with it);
#: SciER Dataset 3 / 42, Task 0 / 43).
HEAD_NOUNS: dict[str, dict[str, re.Pattern]] = {
    "tdmsci": {"Dataset": re.compile(
        r"\s+(?:(?:test|evaluation|training|development|dev)\s+(?:sets?|data|corpus)|corpus|corpora|datasets?"
        r"|data sets?|data|treebanks?)\b", re.I)},
    "scierc": {"Task": re.compile(r"\s+(?:tasks?|problems?|applications?)\b", re.I),
               "Method": re.compile(
                   r"\s+(?:systems?|approach(?:es)?|methods?|techniques?|algorithms?|models?|architectures?"
                   r"|frameworks?|components?|modules?|strateg(?:y|ies)|procedures?|schemes?|formalisms?|tools?"
                   r"|paradigms?)\b",
                   re.I),
               "Metric": re.compile(r"\s+(?:scores?|measures?|metrics?|rates?)\b", re.I)},
}

#: Head nouns that also change the type: in SciERC a task's "system" or
#: "method" is a Method ("question answering system", "unsupervised learning
#: method"). Our Task mentions directly followed by these words in SciERC's
#: training file: "system(s)" 23 gold Method spans with the head, 1 Task,
#: 12 neither; "method", "approach", "algorithm", "technique", "framework",
#: "procedure" 14 Method, 0 Task, 6 neither ("model": 2 Method, 5 neither,
#: left out).
RETYPING_HEADS: dict[str, dict[str, tuple[re.Pattern, str]]] = {
    "scierc": {"Task": (re.compile(
        r"\s+(?:systems?|approach(?:es)?|methods?|techniques?|algorithms?|frameworks?|procedures?)\b", re.I),
        "Method")},
}


def include_head_nouns(text: str, ents: list[tuple[int, int, str]], heads: dict[str, re.Pattern],
                       retyping: dict[str, tuple[re.Pattern, str]] | None = None) -> list[tuple[int, int, str]]:
    """Our mentions restated in a corpus whose spans include the head noun:
    a mention directly followed by its type's head word ends after it (and
    takes the new type where ``retyping`` says so)."""
    out = []
    for start, end, label in ents:
        kind = TYPE_MAP.get(label, label)
        retype = (retyping or {}).get(kind)
        m = retype[0].match(text, end) if retype else None
        if m:
            out.append((start, m.end(), retype[1]))
            continue
        pat = heads.get(kind)
        m = pat.match(text, end) if pat else None
        out.append((start, m.end() if m else end, label))
    return out


#: Corpora whose Metric spans take in the task measured ("WSD accuracy",
#: "parsing accuracy" are one Metric in SciERC; TDMSci annotates a Task and a
#: Metric, as we extract them). Our Task mention directly followed by a
#: Metric mention, on the training files: SciERC one gold Metric span 7 times
#: of 8; TDMSci 0 of 23 (Task + Metric 18 times).
JOINED_TASK_METRICS = frozenset({"scierc"})


def join_task_metrics(text: str, ents: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A Task mention, one space, then a Metric mention, as one Metric span."""
    out: list[tuple[int, int, str]] = []
    for ent in sorted(ents):
        if out and TYPE_MAP.get(ent[2]) == "Metric" and TYPE_MAP.get(out[-1][2]) == "Task" \
                and text[out[-1][1]:ent[0]] == " ":
            out[-1] = (out[-1][0], ent[1], ent[2])
        else:
            out.append(ent)
    return out


def restate(corpus: str, doc, ents: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Our mentions in ``corpus``' own span conventions, where its guidelines
    differ from ours: definitions joined, then head nouns taken in (a Task's
    "system" retyped), then a task's metric joined; each table above says
    which corpora and why."""
    if corpus in JOINED_ABBREVIATIONS:
        ents = join_abbreviations(doc, ents)
    if corpus in HEAD_NOUNS:
        ents = include_head_nouns(doc.text, ents, HEAD_NOUNS[corpus], RETYPING_HEADS.get(corpus))
    if corpus in JOINED_TASK_METRICS:
        ents = join_task_metrics(doc.text, ents)
    return ents


def predict_spans(docs: Sequence[GoldDoc], corpus: str, nlp, batch_size: int = 32, raw: bool = False) -> list[Span]:
    """Run ``nlp`` on each document's text; ``doc.ents`` mapped and filtered
    (``raw``: as ``kg extract`` gives them, without :func:`restate`)."""
    types = set(SCORED_TYPES[corpus])
    out = []
    texts = (d.text for d in docs)
    for i, doc in enumerate(nlp.pipe(texts, batch_size=batch_size)):
        ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        for start, end, label in (ents if raw else restate(corpus, doc, ents)):
            mapped = TYPE_MAP.get(label)
            if mapped in types:
                out.append((i, start, end, mapped))
    return out


def evaluate_docs(docs: Sequence[GoldDoc], corpus: str, nlp, raw: bool = False) -> dict:
    return score_spans(gold_spans(docs, corpus), predict_spans(docs, corpus, nlp, raw=raw), SCORED_TYPES[corpus])


def results_to_dict(results: dict) -> dict:
    return {mode: {t: prf.as_dict() for t, prf in per.items()} for mode, per in results.items()}


def mean_results(folds: list[dict]) -> dict:
    """Mean P/R/F1 over folds (macro over folds); counts are summed."""
    out: dict = {}
    for mode in folds[0]:
        out[mode] = {}
        for t in folds[0][mode]:
            rows = [f[mode][t] for f in folds]
            out[mode][t] = {
                "precision": round(sum(r["precision"] for r in rows) / len(rows), 2),
                "recall": round(sum(r["recall"] for r in rows) / len(rows), 2),
                "f1": round(sum(r["f1"] for r in rows) / len(rows), 2),
                "predicted": sum(r["predicted"] for r in rows),
                "gold": sum(r["gold"] for r in rows),
                "correct": sum(r["correct"] for r in rows),
            }
    return out


def evaluate(path: str | Path, corpus: str | None = None, fast: bool | str = False, nlp=None, raw: bool = False) -> dict:
    """Score the pipeline on a corpus file; returns a JSON-ready dict."""
    from extractors.pipeline import get_nlp

    from extractors.pipeline import resolve_tier

    corpus, docs = read_corpus(path, corpus)
    nlp = nlp or get_nlp(fast)
    res = results_to_dict(evaluate_docs(docs, corpus, nlp, raw))
    tier = resolve_tier(fast)
    return {"corpus": corpus, "path": str(resolve_path(path)), "documents": len(docs), "fast": tier == "fast",
            "model": tier, "raw": raw, "scores": res}


def kfold(n: int, folds: int, seed: int = 0) -> list[list[int]]:
    idx = list(range(n))
    random.Random(seed).shuffle(idx)
    return [sorted(idx[k::folds]) for k in range(folds)]


def cross_validate(path: str | Path, folds: int = 5, fast: bool = False, seed: int = 0,
                   log: Callable[[str], None] | None = None, **train_kw) -> dict:
    """TDMSci k-fold CV: train the NER with the shipped recipe on k-1 folds of
    the file (plus the recipe's other data), score the full pipeline on the
    held-out fold; report the mean over folds."""
    import tempfile

    from extractors.pipeline import make_nlp, resolve_tier
    from extractors.train_ner import train

    tier = resolve_tier(fast)
    if tier == "accurate":
        from extractors.train_encoder_cv import fold_pipeline as train_fold  # trains an encoder per fold
    corpus, docs = read_corpus(path, "tdmsci")
    parts = kfold(len(docs), folds, seed)
    per_fold = []
    for k, test_idx in enumerate(parts):
        test_set = set(test_idx)
        train_docs = [d for i, d in enumerate(docs) if i not in test_set]
        test_docs = [docs[i] for i in test_idx]
        if tier == "fast":
            nlp = make_nlp(fast=True)
        elif tier == "accurate":
            nlp = train_fold(train_docs, k, log=log, **train_kw)
        else:
            with tempfile.TemporaryDirectory() as tmp:
                train(output=Path(tmp) / "ner", tdmsci_docs=train_docs, log=log, **train_kw)
                nlp = make_nlp("standard")
                nlp.replace_pipe("mlkg_ner_v1", "mlkg_ner_v1", config={"model_path": str(Path(tmp) / "ner")})
        res = results_to_dict(evaluate_docs(test_docs, corpus, nlp))
        per_fold.append(res)
        if log:
            log(f"fold {k + 1}/{folds}: exact micro F1 {res['exact']['micro']['f1']}")
    return {"corpus": corpus, "path": str(resolve_path(path)), "documents": len(docs), "fast": tier == "fast",
            "model": tier, "folds": folds, "scores": mean_results(per_fold),
            "fold_f1": [f["exact"]["micro"]["f1"] for f in per_fold]}


def format_table(result: dict) -> str:
    """Plain-text table of P/R/F1 per type and micro, exact and overlap."""
    lines = []
    head = f"{result['corpus']} ({result['documents']} docs{', ' + str(result['folds']) + '-fold CV mean' if 'folds' in result else ''}"
    head += ", raw spans" if result.get("raw") else ""
    head += ", rules only)" if result.get("fast") else (f", {result['model']} tier)" if result.get("model") else ")")
    lines.append(head)
    lines.append(f"{'type':<10} {'match':<8} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6} {'pred':>6}")
    for mode in ("exact", "overlap"):
        for t, r in result["scores"][mode].items():
            lines.append(f"{t:<10} {mode:<8} {r['precision']:6.1f} {r['recall']:6.1f} {r['f1']:6.1f} {r['gold']:6d} {r['predicted']:6d}")
    if "fold_f1" in result:
        lines.append("exact micro F1 per fold: " + ", ".join(f"{f:.1f}" for f in result["fold_f1"]))
    return "\n".join(lines)
