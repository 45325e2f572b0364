"""Results: each quantity of a sentence attached to the metric, dataset and
method its statement names (moved out of relations.py, which keeps the
entity relations; issue 27 reworks it here).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ontology import EntityType

from .doctext import Ent
from .quantities import Quantity

_DATASET_TYPES = {EntityType.DATASET.value, EntityType.BENCHMARK.value}
_METHOD, _METRIC = EntityType.METHOD.value, EntityType.METRIC.value


@dataclass(slots=True)
class LocalResult:
    """A quantity with the ents of its sentence it is about (char spans)."""

    quantity: Quantity
    sentence: tuple[int, int]
    metric: tuple[int, int] | None
    dataset: tuple[int, int] | None
    method: tuple[int, int] | None


_CLAUSE_BREAK = re.compile(r";|,\s+(?:and|while|but|whereas)\b|\bwhile\b|\bwhereas\b")
_FIRST_PERSON = re.compile(r"\b(?:we|our|ours|proposed|this (?:method|model|approach))\b", re.I)
_NOT_RESULT = re.compile(r"^\s*(?:GPUs?|TPUs?|A100|H100|V100|cards?)\b")


def _same_clause(text: str, a: int, b: int) -> bool:
    lo, hi = min(a, b), max(a, b)
    return not _CLAUSE_BREAK.search(text, lo, hi)


_INTRODUCED = re.compile(r"\b(?:on|in|for|of|across)\s+(?:the\s+)?$")


def _attach(cands: list[Ent], q: Quantity, text: str, base: int, window: int = 80) -> Ent | None:
    """The mention a quantity is about: the nearest one in the same clause
    (following mentions introduced by on/in/for first), none if too far."""
    qa, qb = q.start - base, q.end - base
    best, best_d = None, window + 1
    for e in cands:
        ea, eb = e.start_char - base, e.end_char - base
        d = ea - qb if ea >= qb else qa - eb
        if d < 0 or d > window or not _same_clause(text, qa, ea):
            continue
        if ea >= qb and _INTRODUCED.search(text[max(qb, ea - 12) : ea]):
            d -= window // 2  # "97.4% on ImageNet"
        if d < best_d:
            best, best_d = e, d
    return best


def _respectively(text: str, quantities: list[Quantity], datasets: list[Ent], base: int) -> dict[int, Ent]:
    """"2.8% and 3.2% ... respectively on GLUE and SQuAD": pair them in order."""
    if "respectively" not in text or len(quantities) < 2:
        return {}
    after = [d for d in datasets if d.start_char > quantities[-1].end]
    if len(after) != len(quantities):
        return {}
    return {id(q): d for q, d in zip(quantities, after)}


def sentence_results(sent: tuple[int, int], text: str, ents: list[Ent], quantities: list[Quantity],
                     own: Ent | None = None) -> list[LocalResult]:
    """Attach each quantity of the sentence to its metric, dataset and method.

    Attachment stays inside the quantity's clause; with "respectively" values
    and datasets pair in order; the method is the paper's own proposal when
    the sentence speaks in the first person, else the nearest method before
    the value. Hardware figures ("8 A100 80 GB GPUs") are not results.
    ``own``: the paper's one proposed name, if it proposes exactly one.
    """
    out: list[LocalResult] = []
    base = sent[0]
    metrics = [e for e in ents if e.label_ == _METRIC]
    datasets = [e for e in ents if e.label_ in _DATASET_TYPES]
    methods = [e for e in ents if e.label_ == _METHOD]
    paired = _respectively(text, [q for q in quantities if q.unit in {"%", "points", ""}], datasets, base)
    for q in quantities:
        if q.unit in {"GB", "MB"} and _NOT_RESULT.match(text[q.end - base :]):
            continue
        metric = _attach(metrics, q, text, base)
        dataset = paired.get(id(q)) or _attach(datasets, q, text, base, window=120)
        method = None
        if own is not None and (any(m.text == own.text for m in methods) or _FIRST_PERSON.search(text)):
            method = own
        if method is None:
            before = [m for m in methods if m.end_char <= q.start and _same_clause(text, m.start_char - base, q.start - base)]
            method = before[-1] if before else None
        out.append(
            LocalResult(
                q,
                sent,
                _span(metric) if metric is not None else None,
                _span(dataset) if dataset is not None else None,
                _span(method) if method is not None else None,
            )
        )
    return out


def _span(ent: Ent) -> tuple[int, int]:
    return (ent.start_char, ent.end_char)
