"""The paper's own method named without its name ("our model", "the proposed
approach"), resolved to the paper's one proposed entity so that the cue
patterns of :mod:`extractors.entity_relations` can read it as a mention.

Abstracts name their contribution once and then refer to it: "We propose
SLSN ... Our model is trained on ... ; our approach outperforms BERT on
...". A pronoun-free, rule-based resolution of this one kind of anaphor is
what the task needs: the antecedent is fixed (the PROPOSES target the
pipeline already found; none when the paper proposes nothing or several
things), and the anaphor must agree with it in kind ("our model" a Method,
"our dataset" a Dataset). It follows the "salient entity" heuristic of
rule-based coreference (Lappin and Leass, Computational Linguistics 1994;
Raghunathan et al., EMNLP 2010, the exact-and-precise-constructs sieves
first): resolve only where the reading is unambiguous, leave the rest.
"this model" and "it" are not resolved: in abstracts they as often point at
a baseline just named ("BERT ... However, this model ...").

An edge through an anaphor keeps the output contract: its end is the
proposed entity, and its mention offsets are the anaphor's own in the
evidence sentence (:class:`extractors.relations.LocalRelation`'s
``source_mention``).
"""
from __future__ import annotations

import re

from ontology import EntityType

from .doctext import Ent
from .entity_relations import _DET, _LIST, _Gap, _mid

_METHOD_HEADS = (r"method|model|approach|framework|system|network|architecture|algorithm|technique|scheme|"
                 r"pipeline|parser|tagger|classifier|encoder|agent|solver|estimator|policy|detector|tracker")
_DATA_HEADS = r"dataset|data\s+set|corpus|benchmark|resource|treebank|collection"
#: "our (proposed|new|...) model", "the proposed (hybrid) approach": up to three words before the
#: head; not "our models" (several things) and not "our model's" (a part of it).
_ANAPHOR = re.compile(r"\b(?:our|the\s+proposed)\s+(?:(?!(?:and|or|of|with|to|for|in|on)\b)[\w-]+\s+){0,3}?"
                      r"(?:(?P<m>" + _METHOD_HEADS + r")|(?P<d>" + _DATA_HEADS + r"))(?![\w'-])(?!\s*\()")
_DATA_TYPES = (EntityType.DATASET.value, EntityType.BENCHMARK.value)
#: The proposal an anaphor may resolve to: a coined one-word name ("SLSN", "HARD-Net", "iNeRF"), not
#: a title phrase the proposal cue took ("Tensor Train format", "A Proposal", "Rapid Activity
#: Prediction Through ..."), whose "our method" is another thing than the phrase.
_COINED_NAME = re.compile(r"[\w-]*[A-Z0-9][\w-]*")
#: The verb right before an anaphor that makes it the object of an evaluation or of training ("We
#: evaluate the proposed method on ...", "we pre-train our model on ...").
_EVAL_BEFORE = re.compile(r"\b(?:evaluat|test|validat|assess|benchmark)\w*\s+$")
_TRAIN_BEFORE = re.compile(r"\b(?:pre-?)?train(?:s|ed)?\s+$")
#: After the anaphor: the preposition and the data ("on three challenging benchmark datasets, the
#: DAVIS-2016 dataset, ..."; "on two widely used biomedical corpora CDR and GDA").
_TO_DATA = re.compile(r"\s+(?:on|using|with|across)\s+(?:(?:[\w-]+\s+){0,5}?(?:datasets?|corpora|corpus|benchmarks?)"
                      r"\s*(?:,|:|\(|including|such\s+as|namely)?\s*)?" + _DET + _LIST)


def own_anaphors(sent_start: int, low: str, ents: list[Ent], own: Ent | None) -> list[Ent]:
    """Mentions of the paper's own ``own`` entity by anaphor in one sentence
    (``low``: its lower-cased text from ``sent_start``; ``ents``: its
    mentions), as stand-in :class:`Ent` of ``own``'s type at the anaphor's
    offsets; none that overlaps a mention ("our BERT-based model" is read by
    the patterns as it is) or disagrees with ``own``'s kind."""
    if own is None or "our" not in low and "proposed" not in low or not _COINED_NAME.fullmatch(own.text):
        return []
    out = []
    data = own.label_ in _DATA_TYPES
    if not data and own.label_ != EntityType.METHOD.value:
        return []
    for m in _ANAPHOR.finditer(low):
        if (m.group("d") is not None) != data:
            continue
        a, b = m.start() + sent_start, m.end() + sent_start
        if any(e.start_char < b and a < e.end_char for e in ents):
            continue
        out.append(Ent(-1, -1, a, b, own.label_, low[m.start():m.end()]))
    return out


def anaphor_objects(sent_start: int, low: str, ents: list[Ent], anaphor: Ent) -> tuple[str, list[Ent]]:
    """What a sentence says the anaphor's method is evaluated or trained on
    when the anaphor is the object ("We evaluate the proposed method on the
    Argoverse benchmark", "we train our model on SQuAD and NewsQA"): ("eval"
    or "train", the data mentions after it, in a list), or ("", []). The
    patterns between two mentions cannot read these: the verb stands before
    the anaphor."""
    k = anaphor.start_char - sent_start
    before = low[max(0, k - 24):k]
    kind = "eval" if _EVAL_BEFORE.search(before) else "train" if _TRAIN_BEFORE.search(before) else ""
    if not kind:
        return "", []
    after = [e for e in ents if e.start_char >= anaphor.end_char]
    out: list[Ent] = []
    for n, e in enumerate(after):
        mid = _mid(low, low, _Gap(anaphor.end_char), e, after[:n], sent_start)
        if not _TO_DATA.fullmatch(mid):
            break
        if e.label_ in _DATA_TYPES:
            out.append(e)
    return kind, out
