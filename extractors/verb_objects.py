"""What a method is evaluated or trained on, where the method is the object of
the verb: "We evaluate the Pivot CorrNN on FCVID and YouTube-8M", "we train
our model on MSRA10K" (SciER's EVALUATED_WITH and TRAINED_WITH, the
labelling guide's "method evaluated with a dataset", "method trained with a
dataset"). The patterns between two mentions
(:mod:`extractors.entity_relations`) cannot read these: the verb stands
before the method, and the text between the two mentions is only "on".

Counted on real abstracts (standard tier, every firing read): pools of
abstracts with such a verb before a capitalised name from bench/same_output.py
``draw_sample(12000, 7070704)``, ``draw_sample(40000, 7070705)`` and
``draw_sample(40000, 7070706)``: 38 firings, 38 right (4, 22, 12; "We
evaluate LFM on WikiTableQuestions, WikiSQL, and TabFact", "We pre-train
AggPose on COCO pose dataset"). The same reading of "our model" / "the
proposed method" as the object (:mod:`extractors.anaphora`) is counted there.

Parse-free like the patterns: the verb must end right before the method (a
determiner between), and the data follow it after "on / using / with /
across", alone or in a list, with an optional head phrase ("on two public
benchmark datasets, IEMOCAP and MELD").
"""
from __future__ import annotations

import re

from ontology import EntityType

from .doctext import Ent
from .entity_relations import _DET, _LIST, _Gap, _mid

#: The verb right before the method (a determiner between): "We evaluate the proposed method",
#: "we validate our framework", "we pre-train BERT".
_EVAL_BEFORE = re.compile(r"\b(?:evaluat|test|validat|assess|benchmark)\w*\s+(?:(?:the|a|an)\s+)?$")
_TRAIN_BEFORE = re.compile(r"\b(?:pre-?)?train(?:s|ed)?\s+(?:(?:the|a|an)\s+)?$")
#: After the method: the preposition and the data ("on three challenging benchmark datasets, the
#: DAVIS-2016 dataset, ..."; "on two widely used biomedical corpora CDR and GDA").
_TO_DATA = re.compile(r"\s+(?:on|using|with|across)\s+(?:(?:[\w-]+\s+){0,5}?(?:datasets?|corpora|corpus|benchmarks?)"
                      r"\s*(?:,|:|\(|including|such\s+as|namely)?\s*)?" + _DET + _LIST)
_DATA_TYPES = (EntityType.DATASET.value, EntityType.BENCHMARK.value)


def has_object_verb(low: str) -> bool:
    """Whether a sentence (lower-cased) may hold such a verb: a literal check
    before any regex (the relation step's cost, issue 25)."""
    return "evaluat" in low or "train" in low or "test" in low or "validat" in low or "assess" in low \
        or "benchmark" in low


def verb_objects(sent_start: int, low: str, ents: list[Ent], obj: Ent) -> tuple[str, list[Ent]]:
    """What a sentence says ``obj`` (a method's mention, or an anaphor's
    stand-in) is evaluated or trained on when ``obj`` is the verb's object:
    ("eval" or "train", the data mentions after it, in a list), or ("", [])."""
    k = obj.start_char - sent_start
    before = low[max(0, k - 30):k]
    kind = "eval" if _EVAL_BEFORE.search(before) else "train" if _TRAIN_BEFORE.search(before) else ""
    if not kind:
        return "", []
    after = [e for e in ents if e.start_char >= obj.end_char]
    out: list[Ent] = []
    for n, e in enumerate(after):
        mid = _mid(low, low, _Gap(obj.end_char), e, after[:n], sent_start)
        if not _TO_DATA.fullmatch(mid):
            break
        if e.label_ in _DATA_TYPES:
            out.append(e)
    return kind, out
