"""Relations between the paper, its entities and its results, per sentence.

Proposal cues give PROPOSES; the other paper-level relations come only from
sentences about the paper's own work (:mod:`extractors.paper_relations`);
entity-to-entity relations (SciER's nine types and OUTPERFORMS) from cue
patterns between two mentions (:mod:`extractors.entity_relations`). Each
relation keeps its evidence sentence, both ends' spans, the rule name and a
confidence. ``doc._.relations`` is the contract a later component (a
learned pair classifier) may extend.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from ontology import EntityType, RelationType

from .batching import batch_component
from .entity_relations import own_outperforms, pair_relations
from .paper_relations import paper_relations
from .quantities import Quantity
from .doctext import Ent, doc_ents, doc_text, drop_scratch, get_ext, lower_text, set_ext
from .sentences import sentence_bounds

PAPER = "PAPER"
_DATASET_TYPES = {EntityType.DATASET.value, EntityType.BENCHMARK.value}
#: Label strings, read once (an enum's ``.value`` is a property call).
_METHOD, _METRIC, _TASK = EntityType.METHOD.value, EntityType.METRIC.value, EntityType.TASK.value


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


def _span(ent: Ent) -> tuple[int, int]:
    return (ent.start_char, ent.end_char)


def sentence_relations(sent: tuple[int, int], text: str, ents: list[Ent], proposed_names: set[str],
                       low: str | None = None, in_title: bool = False, own: Ent | None = None) -> list[LocalRelation]:
    """Paper-level and entity-level relations stated in one sentence
    (``sent``: its char span; ``text``: the sentence's text; ``low``: that
    lower-cased, if it keeps offsets; ``in_title``: the sentence is the
    title; ``own``: the paper's one proposed entity, if one).
    Paper-level: :func:`extractors.paper_relations.paper_relations` (only
    the paper's own work); entity-to-entity: the cue patterns of
    :mod:`extractors.entity_relations`, and "our method outperforms X"
    (:func:`extractors.entity_relations.own_outperforms`: the source
    mention is the proposal's, in another sentence)."""
    out = [LocalRelation(rtype, PAPER, span, sent, rule, conf)
           for rtype, span, rule, conf in paper_relations(sent, text, ents, proposed_names, in_title, low)]
    if len(ents) > 1:
        for p, src, tgt in pair_relations(sent[0], text, ents, low):
            out.append(LocalRelation(p.type, _span(src), _span(tgt), sent, "pattern:" + p.name, p.confidence))
    if own is not None and ents:
        for tgt in own_outperforms(sent[0], low if low is not None else text.lower(), ents, own):
            out.append(LocalRelation(RelationType.OUTPERFORMS, _span(own), _span(tgt), sent, "pattern:own-outperforms", 0.7))
    return out


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


if not Doc.has_extension("relations"):
    Doc.set_extension("relations", default=[])
if not Doc.has_extension("results"):
    Doc.set_extension("results", default=[])


@batch_component("mlkg_relations_v1")
def mlkg_relations(doc: Doc) -> Doc:
    """Fill ``doc._.relations`` (incl. PROPOSES) and ``doc._.results``."""
    proposed = get_ext(doc, "proposed") or {}
    text = doc_text(doc)
    proposed_names = {text[a:b] for a, b in proposed}
    all_ents = doc_ents(doc)
    low = lower_text(doc)
    title_end = doc.user_data.get("title_end", 0)
    relations: list[LocalRelation] = []
    for (a, b), ev in proposed.items():
        ext = "cue:title" if ev[0] == 0 else "cue:propose"
        relations.append(LocalRelation(RelationType.PROPOSES, PAPER, (a, b), ev, ext, 0.85 if ext == "cue:title" else 0.8))
    results: list[LocalResult] = []
    quantities = list(get_ext(doc, "quantities"))
    own_ents = [e for e in all_ents if (e.start_char, e.end_char) in proposed or e.text in proposed_names]
    own = own_ents[0] if own_ents and len({e.text for e in own_ents}) == 1 else None
    i = q = 0
    for start, end, start_char, end_char in sentence_bounds(doc):
        while i < len(all_ents) and all_ents[i].start < start:
            i += 1  # (an ent across a sentence start belongs to neither sentence)
        j = i
        while j < len(all_ents) and all_ents[j].end <= end:
            j += 1
        ents, i = all_ents[i:j], j
        while q < len(quantities) and quantities[q].start < start_char:
            q += 1
        k = q
        while k < len(quantities) and quantities[k].start < end_char:
            k += 1
        if not ents and k == q:
            continue  # nothing to relate in this sentence
        sent, sent_text = (start_char, end_char), text[start_char:end_char]
        sent_low = low[start_char:end_char] if low is not None else None
        relations.extend(sentence_relations(sent, sent_text, ents, proposed_names, sent_low, start_char < title_end, own))
        if k > q:
            results.extend(sentence_results(sent, sent_text, ents, quantities[q:k], own))
        q = k
    set_ext(doc, "relations", relations)
    set_ext(doc, "results", results)
    drop_scratch(doc)  # the last rule component
    return doc
