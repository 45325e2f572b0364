"""Which way is better, per metric and per result kind (data, not code).

Leaderboards sort "best first" only where the direction is known:
``HIGHER`` means larger values are better (accuracy, F1, BLEU ...), ``LOWER``
means smaller values are better (perplexity, error rates, latency ...).

Keys are compared after :func:`metric_key` (lower case, only letters and
digits), so ``"Top-1 Accuracy"``, ``"top1 accuracy"`` and ``"TOP-1-ACCURACY"``
are one key. A metric not listed here has no known direction.
"""
from __future__ import annotations

import re

HIGHER = "higher"
LOWER = "lower"

#: Metric names and common aliases -> direction.
METRIC_DIRECTION: dict[str, str] = {
    # classification / retrieval / detection
    "accuracy": HIGHER, "acc": HIGHER, "top-1 accuracy": HIGHER, "top-5 accuracy": HIGHER,
    "top-1": HIGHER, "top-5": HIGHER, "balanced accuracy": HIGHER, "exact match": HIGHER, "em": HIGHER,
    "f1": HIGHER, "f1 score": HIGHER, "f1-score": HIGHER, "macro f1": HIGHER, "micro f1": HIGHER, "f-measure": HIGHER,
    "precision": HIGHER, "recall": HIGHER, "recall@k": HIGHER, "recall@1": HIGHER, "recall@10": HIGHER,
    "precision@k": HIGHER, "hits@k": HIGHER, "hits@1": HIGHER, "hits@10": HIGHER,
    "map": HIGHER, "mean average precision": HIGHER, "ap": HIGHER, "average precision": HIGHER,
    "map@50": HIGHER, "ap50": HIGHER, "ap75": HIGHER, "box ap": HIGHER, "mask ap": HIGHER,
    "mrr": HIGHER, "mean reciprocal rank": HIGHER, "ndcg": HIGHER, "ndcg@10": HIGHER,
    "auc": HIGHER, "roc auc": HIGHER, "auroc": HIGHER, "auprc": HIGHER, "area under the curve": HIGHER,
    "iou": HIGHER, "miou": HIGHER, "mean iou": HIGHER, "intersection over union": HIGHER, "dice": HIGHER,
    "pq": HIGHER, "panoptic quality": HIGHER,
    "matthews correlation coefficient": HIGHER, "mcc": HIGHER, "pearson correlation": HIGHER,
    "spearman correlation": HIGHER, "kappa": HIGHER, "r2": HIGHER,
    # generation / text overlap
    "bleu": HIGHER, "sacrebleu": HIGHER, "codebleu": HIGHER, "rouge": HIGHER, "rouge-1": HIGHER,
    "rouge-2": HIGHER, "rouge-l": HIGHER, "meteor": HIGHER, "cider": HIGHER, "spice": HIGHER,
    "bertscore": HIGHER, "chrf": HIGHER, "pass@1": HIGHER, "pass@k": HIGHER, "pass@10": HIGHER,
    "pass@100": HIGHER, "win rate": HIGHER, "success rate": HIGHER, "reward": HIGHER,
    "average return": HIGHER, "return": HIGHER, "elo": HIGHER, "score": HIGHER,
    "psnr": HIGHER, "ssim": HIGHER, "inception score": HIGHER, "is": HIGHER, "clip score": HIGHER,
    "clipscore": HIGHER, "throughput": HIGHER, "speedup": HIGHER, "fps": HIGHER,
    "click-through rate": HIGHER, "ctr": HIGHER,
    # lower is better
    "perplexity": LOWER, "ppl": LOWER, "bits per character": LOWER, "bpc": LOWER, "bits per byte": LOWER,
    "bpb": LOWER, "bits per dimension": LOWER, "bpd": LOWER, "loss": LOWER, "cross-entropy": LOWER,
    "negative log-likelihood": LOWER, "nll": LOWER,
    "error rate": LOWER, "error": LOWER, "top-1 error": LOWER, "top-5 error": LOWER, "test error": LOWER,
    "word error rate": LOWER, "wer": LOWER, "character error rate": LOWER, "cer": LOWER,
    "fid": LOWER, "frechet inception distance": LOWER, "fréchet inception distance": LOWER, "kid": LOWER,
    "fvd": LOWER, "lpips": LOWER, "chamfer distance": LOWER, "epe": LOWER, "end-point error": LOWER,
    "mae": LOWER, "mean absolute error": LOWER, "mse": LOWER, "mean squared error": LOWER,
    "rmse": LOWER, "root mean squared error": LOWER, "mape": LOWER, "eer": LOWER, "equal error rate": LOWER,
    "latency": LOWER, "inference time": LOWER, "runtime": LOWER, "memory": LOWER, "flops": LOWER,
    # "reducing energy consumption 6.9x", "energy consumption of 0.8 Watts": 17 of the 119,895 abstracts put a number
    # right before or after it, all 17 read as the energy a method uses
    "energy consumption": LOWER, "memory consumption": LOWER,
    "cost": LOWER, "expected calibration error": LOWER, "ece": LOWER, "attack success rate": LOWER,
    "hallucination rate": LOWER, "false positive rate": LOWER, "fpr": LOWER,
}

#: Result ``kind`` (see README, "unit vocabulary") -> direction, used when a
#: result names no metric with a known direction. Kinds that describe a
#: size or a setting (model size, token count, bit-width, value ...) have no
#: direction and are absent.
KIND_DIRECTION: dict[str, str] = {
    "accuracy": HIGHER, "f1": HIGHER, "text-overlap score": HIGHER, "win rate": HIGHER,
    "throughput": HIGHER, "score": HIGHER,
    "perplexity": LOWER, "error rate": LOWER, "latency": LOWER, "time": LOWER, "cost": LOWER, "memory": LOWER,
    # relative claims: a bigger gain / speedup / saving is better
    "improvement": HIGHER, "speedup": HIGHER, "memory reduction": HIGHER, "compute reduction": HIGHER,
    "reduction": HIGHER,
}

#: Kinds that state a change relative to something else (a delta or a ratio),
#: never an absolute metric value: their direction comes from the kind, not
#: from the metric (a 38% "improvement" in WER is better when larger).
RELATIVE_KINDS = frozenset({"improvement", "speedup", "memory reduction", "compute reduction", "reduction", "increase", "factor"})


def metric_key(name: str) -> str:
    """Lookup key of a metric name: lower case, letters, digits and ``@``."""
    return re.sub(r"[^0-9a-z@]+", "", (name or "").casefold())


_BY_KEY = {metric_key(k): v for k, v in METRIC_DIRECTION.items()}


def metric_direction(name: str | None) -> str | None:
    """``"higher"``, ``"lower"`` or ``None`` for a metric name or alias
    (or, failing those, for its canonical metric or that one's family)."""
    if not name:
        return None
    key = metric_key(name)
    if key in _BY_KEY:
        return _BY_KEY[key]
    for c in (canonical_metric(name), metric_family(name)):
        if c and metric_key(c) in _BY_KEY:
            return _BY_KEY[metric_key(c)]
    if re.fullmatch(r"pass@\d+|recall@\d+|hits@\d+|ndcg@\d+|precision@\d+|map@\d+|r@\d+|p@\d+", key):
        return HIGHER
    return None


#: Kinds whose value is the metric's own value: only for these (or an unknown
#: kind) does the metric decide the direction; other kinds (model size,
#: memory, time, compute ...) describe something else than the metric.
PERFORMANCE_KINDS = frozenset({"accuracy", "f1", "perplexity", "error rate", "text-overlap score", "score", "win rate", "value", ""})


def result_direction(metric: str | None, kind: str | None, unit: str | None = None, aliases: tuple[str, ...] = ()) -> str | None:
    """Direction of one result: relative and non-performance kinds by kind;
    else the metric (or one of its aliases); else the kind."""
    kind = (kind or "").strip().lower()
    if kind in RELATIVE_KINDS or unit == "x" or kind not in PERFORMANCE_KINDS:
        return KIND_DIRECTION.get(kind)
    for name in (metric, *aliases):
        d = metric_direction(name)
        if d:
            return d
    return KIND_DIRECTION.get(kind)


# -- canonical metrics: aliases, families, scale ---------------------------------
#: Scales of a result's value: "percent" (written with %), "0-1" (a fraction
#: of a percent-type metric: 0.912), "points" (the metric's own points:
#: "28.4 BLEU", "94.25 F1", "52.8 perplexity"). 0.912 and 91.2% compare
#: through :func:`comparable_value`.
PERCENT, FRACTION, POINTS = "percent", "0-1", "points"

#: Family links: canonical metric -> the metric it is a kind of (SUBCLASS_OF).
FAMILY: dict[str, str] = {
    "top-1 accuracy": "accuracy", "top-5 accuracy": "accuracy", "top-k accuracy": "accuracy",
    "balanced accuracy": "accuracy", "robust accuracy": "accuracy", "certified accuracy": "accuracy",
    "pixel accuracy": "accuracy", "execution accuracy": "accuracy", "exact match": "accuracy",
    "labeled attachment score": "accuracy", "unlabeled attachment score": "accuracy",
    "top-1 error": "error rate", "top-5 error": "error rate", "word error rate": "error rate",
    "character error rate": "error rate", "phoneme error rate": "error rate", "equal error rate": "error rate",
    "macro-F1": "F1 score", "micro-F1": "F1 score", "weighted F1": "F1 score", "F0.5": "F1 score", "Smatch": "F1 score",
    "BLEU-4": "BLEU", "SacreBLEU": "BLEU", "ROUGE-1": "ROUGE", "ROUGE-2": "ROUGE", "ROUGE-L": "ROUGE", "ROUGE-Lsum": "ROUGE",
    "CIDEr-D": "CIDEr", "AP50": "average precision", "AP75": "average precision", "box AP": "average precision",
    "mask AP": "average precision", "mean intersection over union": "intersection over union",
    "pass@1": "pass@k", "pass@10": "pass@k", "pass@100": "pass@k", "Hits@1": "Hits@k", "Hits@3": "Hits@k",
    "Hits@10": "Hits@k", "Recall@1": "Recall@k", "Recall@5": "Recall@k", "Recall@10": "Recall@k",
    # the @k forms abstracts write (119,895 abstracts: Recall@1/recall@1/R@1 29, P@1/precision@1 16, Hits@1/hits@1/H@1 17)
    "Recall@3": "Recall@k", "Recall@100": "Recall@k", "Precision@1": "precision@k", "Precision@3": "precision@k",
    "Precision@5": "precision@k", "Precision@10": "precision@k",
    # agreement written as a bare "kappa" (37 of 119,895 abstracts state a kappa value, 33 of them missed)
    "Cohen's kappa": "kappa", "Fleiss' kappa": "kappa",
    "NDCG@10": "normalized discounted cumulative gain", "MRR@10": "mean reciprocal rank",
    "bits per byte": "bits per character",
}

#: Names used by leaderboards and abstracts that the gazetteer lists under another name.
EXTRA_ALIASES: dict[str, str] = {
    "percentage correct": "accuracy", "percentage error": "error rate", "error": "error rate", "acc": "accuracy",
    "test error": "error rate", "classification error": "error rate", "f1": "F1 score", "f1 measure": "F1 score",
    "f-score": "F1 score", "f_{0.5}": "F0.5", "f0.5 score": "F0.5", "map": "average precision", "mean average precision": "average precision",
    "h@1": "Hits@1", "h@10": "Hits@10", "entropy": "bits per character", "model entropy": "bits per character", "bit per character": "bits per character", "bits/char": "bits per character", "cross-entropy": "negative log-likelihood",
}

#: Canonical metrics whose values are shares (0-100 or 0-1): a fraction and a percent compare.
SHARE_METRICS = frozenset({
    "accuracy", "error rate", "F1 score", "precision", "recall", "area under the curve", "AUPRC", "average precision",
    "intersection over union", "Dice coefficient", "panoptic quality", "BLEU", "ROUGE", "METEOR", "exact match",
    "success rate", "win rate", "pass@k", "Hits@k", "Recall@k", "precision@k", "mean reciprocal rank", "attack success rate",
    "normalized discounted cumulative gain", "Matthews correlation coefficient", "Jaccard index",
})

#: Words a leaderboard column adds to a metric's name ("% Test Accuracy", "Intent Accuracy", "Slot F1 Score",
#: "Unigram Acc", "Micro-Precision": 8 of the 20 commonest unresolved column names of ../shared/corpora/pwc).
_QUALIFIER_WORDS = re.compile(r"^(?:%\s*|(?:test|train|dev|validation|overall|avg|average|mean|full|final|single|best|reported|"
                              r"word-level|char-level|intent|slot|unigram|micro|macro)\b[\s-]*)|\s*\b(?:score|scores|full|measure|value)$")


def _alias_index() -> dict[str, str]:
    from .gazetteer import load_entries
    from . import EntityType

    idx: dict[str, str] = {}
    for e in load_entries():
        if e.type is EntityType.METRIC:
            for n in (e.name, *e.aliases):
                idx.setdefault(metric_key(n), e.name)
    for alias, name in EXTRA_ALIASES.items():
        idx[metric_key(alias)] = name
    for name in (*FAMILY, *FAMILY.values()):
        idx.setdefault(metric_key(name), name)
    return idx


_INDEX: dict[str, str] | None = None


def canonical_metric(name: str | None) -> str | None:
    """The canonical metric a name or alias stands for ("PPL" -> "perplexity",
    "Test perplexity" -> "perplexity", "Percentage correct" -> "accuracy"),
    or ``None``. Qualifier words (test, overall, average ... score) are tried
    away one at a time."""
    global _INDEX
    if not name:
        return None
    if _INDEX is None:
        _INDEX = _alias_index()
    low = re.sub(r"\([^)]*\)", "", name).casefold().strip()
    for _ in range(4):
        key = metric_key(low)
        hit = _INDEX.get(key) or _INDEX.get(re.sub(r"ies$", "y", key)) or (_INDEX.get(key[:-1]) if key.endswith("s") else None)
        if hit:
            return hit  # (or a plural: "perplexities", "accuracies", "BLEU scores")
        shorter = _QUALIFIER_WORDS.sub("", low).strip()
        if shorter == low or not shorter:
            break
        low = shorter
    return None


def metric_family(name: str | None) -> str | None:
    """The metric ``name`` is a kind of (top-1 accuracy -> accuracy), if listed."""
    c = canonical_metric(name)
    return FAMILY.get(c) if c else None


def same_metric(a: str | None, b: str | None) -> bool:
    """True when ``a`` and ``b`` name one metric or one is a kind of the other."""
    ca, cb = canonical_metric(a), canonical_metric(b)
    if not ca or not cb:
        return bool(a and b and metric_key(a) == metric_key(b))
    return ca == cb or FAMILY.get(ca) == cb or FAMILY.get(cb) == ca


def result_scale(value: float, unit: str | None, metric: str | None) -> str:
    """:data:`PERCENT`, :data:`FRACTION` or :data:`POINTS` for one value."""
    if unit == "%":
        return PERCENT
    c = canonical_metric(metric)
    share = c in SHARE_METRICS or FAMILY.get(c or "") in SHARE_METRICS
    if share and 0 < value < 1 and not unit:  # (not 0 or 1: "1 BLEU" is a point)
        return FRACTION
    return POINTS


def comparable_value(value: float, scale: str | None) -> float:
    """The value on the percent scale when it is a fraction (0.912 -> 91.2)."""
    return round(value * 100, 10) if scale == FRACTION else value


__all__ = ["FAMILY", "FRACTION", "PERCENT", "POINTS", "SHARE_METRICS", "canonical_metric", "comparable_value",
           "metric_family", "result_scale", "same_metric", "HIGHER", "KIND_DIRECTION", "LOWER", "METRIC_DIRECTION", "PERFORMANCE_KINDS", "RELATIVE_KINDS", "metric_direction", "metric_key", "result_direction"]


#: Metric acronyms that name other things more often than the metric: matched
#: in text as the metric only where a score is reported
#: (:func:`extractors.score_context.score_context`), and never linked to it by
#: their letters alone (kg/linking.py). "EM": of the 448 of 120,000 real
#: abstracts that write a bare "EM", 157 had an "exact match" Metric node
#: (standard tier); of 45 such links read at random, 9 were the metric, the
#: rest the EM algorithm ("variational EM", "the EM algorithm"), electromagnetic,
#: electron microscopy, entity matching. With the guard, 36 of the 781 "EM"s
#: in those abstracts stand in score context, 29 read as the metric (3 more
#: are defined otherwise, which the paper's definition decides); of the rest,
#: 2 read as the metric. The other short metric acronyms linked on 3,000 real
#: abstracts (draw_sample(3000, 11282026): AP 7, WER 6, LAS 5, UAS 4, TER 4,
#: MSE 2, RMSE 2, ADE 2, EMD, MRR, CER, MMD, SSIM, FDE, SPL, AUPR, EER 1 each)
#: were the metric where the paper did not define them otherwise, but for one
#: ADE (ADE20K): no guard needed there.
#: "MAP" (mean average precision, and maximum a posteriori): score context
#: decides too (kg/weak_links.CONTEXT_SENSE), measured there.
SCORE_CONTEXT = frozenset({"EM", "MAP"})

#: Metric words that are common English words: matched in text as the metric
#: only right after a percentage ("80% success", "over 80\% success";
#: :func:`extractors.score_context.percent_before`), never by a score word
#: nearby ("the success of pretraining ... accuracy"). "success" (an alias of
#: success rate): a percentage then "success" not followed by "rate" stands in
#: 33 of the 119,895 real abstracts; 30 read at random, all 30 a success rate
#: ("achieves 87.0% success on scooping rigid foods", "84% grasp success").
NUMBER_CONTEXT = frozenset({"success"})

#: Names of measured quantities that prose also names as a concern ("the high
#: energy consumption of CNN processing", "minimize energy consumption"):
#: matched in text as the Metric only with a number beside them
#: (:func:`extractors.score_context.number_beside`: "reducing energy
#: consumption 6.9x", "a 44.8% reduction in energy consumption"). "energy
#: consumption" is written in 295 of the 119,895 real abstracts; in 17 a number
#: stands right before or after it, all 17 read as the energy a method uses; of
#: 24 other mentions read at random, most name it as a concern, no measurement.
#: (Where the standard tier's NER tags it on its own, the entry names that node
#: too: on those 295 abstracts 49 "energy consumption" Metric nodes, all read,
#: 47 the quantity measured or optimised, 2 not: a forecasting domain, an
#: appliance's load to disaggregate.)
QUANTITY_CONTEXT = frozenset({"energy consumption"})
