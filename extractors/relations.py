"""Relations between the paper, its entities and its results, per sentence.

Cue-phrase rules over the sentence of each mention: a dataset named after
"evaluate ... on" or with result numbers is EVALUATES_ON, after "trained on"
it is USES; metrics are MEASURES, tasks ADDRESSES, methods USES; proposal cues
give PROPOSES; "X outperforms Y" gives OUTPERFORMS. Each relation keeps its
evidence sentence, the rule name and a confidence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

from ontology import EntityType, RelationType

from .quantities import Quantity
from .doctext import doc_text, span_text

PAPER = "PAPER"
_EVAL = re.compile(
    r"\b(?:evaluat\w*|experiments?|benchmark\w*|achiev\w*|outperform\w*|results?|state-of-the-art|"
    r"SOTA|test(?:ed|s)?|accuracy|surpass\w*|score\w*|report\w*|validat\w*|perform\w* on)\b",
    re.I,
)
_TRAIN = re.compile(r"\b(?:train\w*|pre-?train\w*|fine-?tun\w*|distill\w*|learn\w* from|collected|using|leverag\w*)\b", re.I)
_COMPARE = re.compile(r"\b(?:outperform\w*|surpass\w*|beat\w*|better than|superior to|improv\w* (?:up)?on|exceed\w*)\b", re.I)
_DATASET_TYPES = {EntityType.DATASET.value, EntityType.BENCHMARK.value}


@dataclass(slots=True)
class LocalRelation:
    """A relation in one doc: ends are ``PAPER`` or (start_char, end_char) of an ent."""

    type: RelationType
    source: str | tuple[int, int]
    target: str | tuple[int, int]
    evidence: tuple[int, int]
    extractor: str
    confidence: float


@dataclass(slots=True)
class LocalResult:
    """A quantity with the ents of its sentence it is about (char spans)."""

    quantity: Quantity
    sentence: tuple[int, int]
    metric: tuple[int, int] | None
    dataset: tuple[int, int] | None
    method: tuple[int, int] | None


def _span(ent: Span) -> tuple[int, int]:
    return (ent.start_char, ent.end_char)


def _nearest(ents: list[Span], pos: int, before_only: bool = False) -> Span | None:
    pool = [e for e in ents if e.end_char <= pos] if before_only else ents
    return min(pool, key=lambda e: abs(e.start_char - pos), default=None)


def sentence_relations(sent: Span, ents: list[Span], proposed_names: set[str]) -> list[LocalRelation]:
    """Paper-level and entity-level relations stated in one sentence."""
    ev = (sent.start_char, sent.end_char)
    text = span_text(sent)
    out: list[LocalRelation] = []
    for ent in ents:
        span = _span(ent)
        if span_text(ent) in proposed_names:
            continue
        offset = ent.start_char - sent.start_char
        before = text[max(0, offset - 30) : offset]
        if ent.label_ in _DATASET_TYPES:
            if re.search(r"\b(?:train\w*|pre-?train\w*|fine-?tun\w*) (?:\w+ ){0,3}on\s+(?:the\s+)?$", before, re.I):
                out.append(LocalRelation(RelationType.USES, PAPER, span, ev, "cue:trained-on", 0.8))
            elif re.search(r"\b(?:on|across|over)\s+(?:the\s+|\w+\s+)?$", before, re.I) or _EVAL.search(text):
                out.append(LocalRelation(RelationType.EVALUATES_ON, PAPER, span, ev, "cue:evaluate-on", 0.75))
            else:
                conf = 0.6 if _TRAIN.search(text) else 0.5
                out.append(LocalRelation(RelationType.USES, PAPER, span, ev, "cue:mention", conf))
        elif ent.label_ == EntityType.METRIC.value:
            out.append(LocalRelation(RelationType.MEASURES, PAPER, span, ev, "cue:mention", 0.7))
        elif ent.label_ == EntityType.TASK.value:
            out.append(LocalRelation(RelationType.ADDRESSES, PAPER, span, ev, "cue:mention", 0.7))
        elif ent.label_ == EntityType.METHOD.value:
            out.append(LocalRelation(RelationType.USES, PAPER, span, ev, "cue:mention", 0.6))
    cmp_ = _COMPARE.search(text)
    if cmp_:
        pivot = sent.start_char + cmp_.start()
        methods = [e for e in ents if e.label_ == EntityType.METHOD.value]
        left = [e for e in methods if e.end_char <= pivot]
        right = [e for e in methods if e.start_char >= pivot + len(cmp_.group(0))]
        subject = left[-1] if left else None
        if subject is not None:
            for obj in right:
                if span_text(obj) != span_text(subject):
                    out.append(LocalRelation(RelationType.OUTPERFORMS, _span(subject), _span(obj), ev, "cue:outperforms", 0.7))
    return out


_CLAUSE_BREAK = re.compile(r";|,\s+(?:and|while|but|whereas)\b|\bwhile\b|\bwhereas\b")
_FIRST_PERSON = re.compile(r"\b(?:we|our|ours|proposed|this (?:method|model|approach))\b", re.I)
_NOT_RESULT = re.compile(r"^\s*(?:GPUs?|TPUs?|A100|H100|V100|cards?)\b")


def _same_clause(text: str, a: int, b: int) -> bool:
    lo, hi = min(a, b), max(a, b)
    return not _CLAUSE_BREAK.search(text, lo, hi)


def _attach(cands: list[Span], q: Quantity, text: str, base: int, window: int = 80) -> Span | None:
    """The mention a quantity is about: the nearest one in the same clause
    (following mentions introduced by on/in/for first), none if too far."""
    qa, qb = q.start - base, q.end - base
    best, best_d = None, window + 1
    for e in cands:
        ea, eb = e.start_char - base, e.end_char - base
        d = ea - qb if ea >= qb else qa - eb
        if d < 0 or d > window or not _same_clause(text, qa, ea):
            continue
        if ea >= qb and re.search(r"\b(?:on|in|for|of|across)\s+(?:the\s+)?$", text[max(qb, ea - 12) : ea]):
            d -= window // 2  # "97.4% on ImageNet"
        if d < best_d:
            best, best_d = e, d
    return best


def _respectively(text: str, quantities: list[Quantity], datasets: list[Span], base: int) -> dict[int, Span]:
    """"2.8% and 3.2% ... respectively on GLUE and SQuAD": pair them in order."""
    if "respectively" not in text or len(quantities) < 2:
        return {}
    after = [d for d in datasets if d.start_char > quantities[-1].end]
    if len(after) != len(quantities):
        return {}
    return {id(q): d for q, d in zip(quantities, after)}


def sentence_results(sent: Span, ents: list[Span], quantities: list[Quantity], proposed: list[Span] | None = None) -> list[LocalResult]:
    """Attach each quantity of the sentence to its metric, dataset and method.

    Attachment stays inside the quantity's clause; with "respectively" values
    and datasets pair in order; the method is the paper's own proposal when
    the sentence speaks in the first person, else the nearest method before
    the value. Hardware figures ("8 A100 80 GB GPUs") are not results.
    """
    out: list[LocalResult] = []
    text, base = span_text(sent), sent.start_char
    metrics = [e for e in ents if e.label_ == EntityType.METRIC.value]
    datasets = [e for e in ents if e.label_ in _DATASET_TYPES]
    methods = [e for e in ents if e.label_ == EntityType.METHOD.value]
    paired = _respectively(text, [q for q in quantities if q.unit in {"%", "points", ""}], datasets, base)
    own = proposed[0] if proposed and len({p.text for p in proposed}) == 1 else None
    for q in quantities:
        if q.unit in {"GB", "MB"} and _NOT_RESULT.match(text[q.end - base :]):
            continue
        metric = _attach(metrics, q, text, base)
        dataset = paired.get(id(q)) or _attach(datasets, q, text, base, window=120)
        method = None
        if own is not None and (_FIRST_PERSON.search(text) or any(m.text == own.text for m in methods)):
            method = own
        if method is None:
            before = [m for m in methods if m.end_char <= q.start and _same_clause(text, m.start_char - base, q.start - base)]
            method = before[-1] if before else None
        out.append(
            LocalResult(
                q,
                (sent.start_char, sent.end_char),
                _span(metric) if metric is not None else None,
                _span(dataset) if dataset is not None else None,
                _span(method) if method is not None else None,
            )
        )
    return out


if not Doc.has_extension("relations"):
    Doc.set_extension("relations", default=[])
if not Doc.has_extension("results"):
    Doc.set_extension("results", default=[])


@Language.component("mlkg_relations_v1")
def mlkg_relations(doc: Doc) -> Doc:
    """Fill ``doc._.relations`` (incl. PROPOSES) and ``doc._.results``."""
    proposed = doc._.proposed or {}
    text = doc_text(doc)
    proposed_names = {text[a:b] for a, b in proposed}
    all_ents = list(doc.ents)
    relations: list[LocalRelation] = []
    for (a, b), ev in proposed.items():
        ext = "cue:title" if ev[0] == 0 else "cue:propose"
        relations.append(LocalRelation(RelationType.PROPOSES, PAPER, (a, b), ev, ext, 0.85 if ext == "cue:title" else 0.8))
    results: list[LocalResult] = []
    quantities = list(doc._.quantities)
    own = [e for e in all_ents if (e.start_char, e.end_char) in proposed or span_text(e) in proposed_names]
    for sent in doc.sents:
        ents = [e for e in all_ents if e.start >= sent.start and e.end <= sent.end]
        relations.extend(sentence_relations(sent, ents, proposed_names))
        in_sent = [q for q in quantities if sent.start_char <= q.start < sent.end_char]
        results.extend(sentence_results(sent, ents, in_sent, own))
    doc._.relations = relations
    doc._.results = results
    return doc
