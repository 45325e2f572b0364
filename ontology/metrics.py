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
    """``"higher"``, ``"lower"`` or ``None`` for a metric name or alias."""
    if not name:
        return None
    key = metric_key(name)
    if key in _BY_KEY:
        return _BY_KEY[key]
    if re.fullmatch(r"pass@\d+|recall@\d+|hits@\d+|ndcg@\d+|precision@\d+|map@\d+|r@\d+", key):
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


__all__ = ["HIGHER", "KIND_DIRECTION", "LOWER", "METRIC_DIRECTION", "PERFORMANCE_KINDS", "RELATIVE_KINDS", "metric_direction", "metric_key", "result_direction"]
