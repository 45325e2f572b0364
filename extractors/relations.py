"""Relations between the paper, its entities and its results, per sentence.

Cue-phrase rules over the sentence of each mention: a dataset named after
"evaluate ... on" or with result numbers is EVALUATES_ON, after "trained on"
it is USES; metrics are MEASURES, tasks ADDRESSES, methods USES; proposal cues
give PROPOSES; "X outperforms Y" gives OUTPERFORMS. Each relation keeps its
evidence sentence, the rule name and a confidence.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from ontology import EntityType, RelationType

from .batching import batch_component
from .doctext import Ent, FoldedPattern, doc_ents, doc_text, drop_scratch, get_ext, lower_text, set_ext
from .results import LocalResult, sentence_results
from .sentences import sentence_bounds

PAPER = "PAPER"
_EVAL = FoldedPattern(
    r"\b(?:evaluat\w*|experiments?|benchmark\w*|achiev\w*|outperform\w*|results?|state-of-the-art|"
    r"sota|test(?:ed|s)?|accuracy|surpass\w*|score\w*|report\w*|validat\w*|perform\w* on)\b"
)
_TRAIN = FoldedPattern(r"\b(?:train\w*|pre-?train\w*|fine-?tun\w*|distill\w*|learn\w* from|collected|using|leverag\w*)\b")
_COMPARE = FoldedPattern(r"\b(?:outperform\w*|surpass\w*|beat\w*|better than|superior to|improv\w* (?:up)?on|exceed\w*)\b")
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


def _span(ent: Ent) -> tuple[int, int]:
    return (ent.start_char, ent.end_char)


_TRAINED_ON = FoldedPattern(r"\b(?:train\w*|pre-?train\w*|fine-?tun\w*) (?:\w+ ){0,3}on\s+(?:the\s+)?$")
_ON = FoldedPattern(r"\b(?:on|across|over)\s+(?:the\s+|\w+\s+)?$")


def sentence_relations(sent: tuple[int, int], text: str, ents: list[Ent], proposed_names: set[str],
                       low: str | None = None) -> list[LocalRelation]:
    """Paper-level and entity-level relations stated in one sentence
    (``sent``: its char span; ``text``: the sentence's text; ``low``: that
    lower-cased, if it keeps offsets)."""
    ev = sent
    out: list[LocalRelation] = []
    evaluated: bool | None = None  # _EVAL on the sentence, searched once when needed
    for ent in ents:
        if ent.text in proposed_names:
            continue
        span = (ent.start_char, ent.end_char)
        if ent.label_ in _DATASET_TYPES:
            offset = ent.start_char - sent[0]
            before = text[max(0, offset - 30) : offset]
            before_low = low[max(0, offset - 30) : offset] if low is not None else None
            if _TRAINED_ON.search(before, before_low):
                out.append(LocalRelation(RelationType.USES, PAPER, span, ev, "cue:trained-on", 0.8))
                continue
            if evaluated is None:
                evaluated = _EVAL.search(text, low) is not None
            if evaluated or _ON.search(before, before_low):
                out.append(LocalRelation(RelationType.EVALUATES_ON, PAPER, span, ev, "cue:evaluate-on", 0.75))
            else:
                conf = 0.6 if _TRAIN.search(text, low) else 0.5
                out.append(LocalRelation(RelationType.USES, PAPER, span, ev, "cue:mention", conf))
        elif ent.label_ == _METRIC:
            out.append(LocalRelation(RelationType.MEASURES, PAPER, span, ev, "cue:mention", 0.7))
        elif ent.label_ == _TASK:
            out.append(LocalRelation(RelationType.ADDRESSES, PAPER, span, ev, "cue:mention", 0.7))
        elif ent.label_ == _METHOD:
            out.append(LocalRelation(RelationType.USES, PAPER, span, ev, "cue:mention", 0.6))
    methods = [e for e in ents if e.label_ == _METHOD]
    cmp_ = _COMPARE.search(text, low) if len(methods) > 1 else None  # a subject and an object
    if cmp_:
        pivot = sent[0] + cmp_.start()
        left = [e for e in methods if e.end_char <= pivot]
        right = [e for e in methods if e.start_char >= pivot + len(cmp_.group(0))]
        subject = left[-1] if left else None
        if subject is not None:
            for obj in right:
                if obj.text != subject.text:
                    out.append(LocalRelation(RelationType.OUTPERFORMS, _span(subject), _span(obj), ev, "cue:outperforms", 0.7))
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
    relations: list[LocalRelation] = []
    for (a, b), ev in proposed.items():
        ext = "cue:title" if ev[0] == 0 else "cue:propose"
        relations.append(LocalRelation(RelationType.PROPOSES, PAPER, (a, b), ev, ext, 0.85 if ext == "cue:title" else 0.8))
    results: list[LocalResult] = []
    quantities = list(get_ext(doc, "quantities"))
    numbers = list(get_ext(doc, "numbers") or [])
    own_ents = [e for e in all_ents if (e.start_char, e.end_char) in proposed or e.text in proposed_names]
    own = own_ents[0] if own_ents and len({e.text for e in own_ents}) == 1 else None
    i = q = nq = 0
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
        while nq < len(numbers) and numbers[nq].start < start_char:
            nq += 1
        nk = nq
        while nk < len(numbers) and numbers[nk].start < end_char:
            nk += 1
        if not ents and k == q and nk == nq:
            continue  # nothing to relate in this sentence
        sent, sent_text = (start_char, end_char), text[start_char:end_char]
        sent_low = low[start_char:end_char] if low is not None else None
        relations.extend(sentence_relations(sent, sent_text, ents, proposed_names, sent_low))
        if k > q or nk > nq:
            results.extend(sentence_results(sent, sent_text, ents, quantities[q:k], own, numbers[nq:nk]))
        q, nq = k, nk
    set_ext(doc, "relations", relations)
    set_ext(doc, "results", results)
    drop_scratch(doc)  # the last rule component
    return doc
