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

Counted on real abstracts (standard tier; pools of abstracts with the cue
words from bench/same_output.py ``draw_sample(14000, 7070702)`` (with
``draw_sample(3000, 7070701)``) and ``draw_sample(16000, 7070703)``; every
firing read): resolving to any one proposal, 49 edges read, 41 right on the
first pool (the compare pattern 2 of 5: not kept) and 30 of 37 on the fresh
one (81%: six of the seven wrong had a wrong antecedent, a proposal the
abstract's cue took, "BRDF", "E2E", "HPSG", or a title name the linker
renamed, "MHSAN" to multi-head attention); resolving only to a proposal the
title names ("SLSN: ..."), 29 of 29 and 23 of 27, and on a third pool
(``draw_sample(12000, 7070704)``, abstracts with "evaluate/train ... on")
10 of 11: 62 of 67 (93%; on the two fresh pools 33 of 38, 87%). The wrong
ones: a title name the linker renamed (3, "MHSAN"), a platform not a method
("BonnBot-I"), a name the linker took for a metric. Since entrel11 a
proposal the abstract defines with a short form ("a dual semantic-aware
recurrent global-adaptive network (DSRG)", :func:`extractors.relations.mlkg_relations`'s
``defined_own``) is an antecedent too: the wrong antecedents above were
bare names, never defined ones (6 new pattern edges on 5,500 real abstracts,
6 right; the subject reading, "our method achieves ... on D", 36 of 38).

An edge through an anaphor keeps the output contract: its end is the
proposed entity, and its mention offsets are the anaphor's own in the
evidence sentence (:class:`extractors.relations.LocalRelation`'s
``source_mention``).
"""
from __future__ import annotations

import re

from ontology import EntityType

from .doctext import Ent

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
#: "we compare our approach to supervised classification": the anaphor is compared, not used "for"/"to".
_COMPARED_BEFORE = re.compile(r"\bcompar\w*\s+$")


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
        if _COMPARED_BEFORE.search(low, max(0, m.start() - 16), m.start()):
            continue  # "we compare our approach to supervised classification": no use "for"/"to"
        a, b = m.start() + sent_start, m.end() + sent_start
        if any(e.start_char < b and a < e.end_char for e in ents):
            continue
        out.append(Ent(-1, -1, a, b, own.label_, low[m.start():m.end()]))
    return out

