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
from .entity_guards import listed_after
from .entity_relations import _DET, _LIST, _Gap, _mid

#: The verb right before the method (a determiner between): "We evaluate the proposed method",
#: "we validate our framework", "we pre-train BERT".
_EVAL_BEFORE = re.compile(r"\b(?:evaluat|test|validat|assess|benchmark)\w*\s+(?:(?:the|a|an)\s+)?$")
_TRAIN_BEFORE = re.compile(r"\b(?:pre-?)?train(?:s|ed)?\s+(?:(?:the|a|an)\s+)?$")
#: After the method: the preposition and the data ("on three challenging benchmark datasets, the
#: DAVIS-2016 dataset, ..."; "on two widely used biomedical corpora CDR and GDA").
_TO_DATA = re.compile(r"\s+(?:on|using|with|across)\s+(?:(?:[\w-]+\s+){0,5}?(?:datasets?|corpora|corpus|benchmarks?)"
                      r"\s*(?:,|:|\((?:\s*(?:i\.e\.|e\.g\.),?)?|including|such\s+as|namely)?\s*)?" + _DET + _LIST)
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
    return kind, [e for e in listed_after(low, obj.end_char, after, _TO_DATA, sent_start) if e.label_ in _DATA_TYPES]


#: After a method named as the subject: a verb of evaluation or of scoring ("our approach is evaluated
#: on", "the proposed method achieves state-of-the-art results on 15 of 18 language pairs on", "our
#: model outperforms BERT by 2.1 points on"), up to eight words before the preposition of the data, with
#: no clause break ("; while ...", ", and" + a new subject) and no training word ("outperforms BERT
#: trained on SQuAD": the data are BERT's).
_SUBJECT_VERB = re.compile(r"\s*(?:,\s*(?:[\w-]+\s+){1,6}?,\s*)?(?:(?:also|further|consistently|significantly|clearly|"
                           r"still|then)\s+)?(?:(?:is|are|was|were|has\s+been|have\s+been)\s+(?:\w+ly\s+)?"
                           r"(?:evaluated|tested|validated|benchmarked|assessed)|"
                           r"(?:achiev|obtain|reach|attain|yield|set|sets|outperform|surpass|improv|perform)\w*)\b")
_SUBJECT_GAP = re.compile(r"(?:(?!(?:trained|pre-?trained|fine-?tuned|while|whereas|but|although|which|that|when)\b)"
                          r"[^\s;]+\s+){0,12}")
#: After the verb, a metric it is scored in: "achieves significantly higher accuracy", "improves LAS".
_TO_METRIC = re.compile(r"\s+(?:(?:a|an|the|significantly|significant|substantially|much|consistently|better|higher|"
                        r"lower|superior|competitive|state-of-the-art|new|best|\+?[\d.]+%?|points?)\s+){0,4}$")
_METRIC = EntityType.METRIC.value
_ON = re.compile(r" (?=(?:on|across)\s)")


#: Before a subject that scores: the data sets it is scored on, opening the sentence ("On MS-COCO our
#: approach outperforms ...", "Experiments on two publicly available datasets i.e., WMT-5 and OPUS-100,
#: show that the proposed method achieves ..."); the data mentions written as ``§``.
_DATA_BEFORE = re.compile(r"\s*(?:(?:extensive|comprehensive|empirical|experimental|the|our)\s+)*"
                          r"(?:(?:experiments?|results?|evaluations?|studies)\s+(?:[\w-]+\s+){0,3}?)?(?:on|across)\s+"
                          r"(?:(?:[\w-]+\s+){0,5}?(?:datasets?|corpora|corpus|benchmarks?)\s*(?:,|:|\((?:\s*(?:i\.e\.|e\.g\.),?)?|"
                          r"i\.e\.,?|such\s+as|namely|including)?\s*)?" + _DET + r"§(?:\s*(?:,\s*(?:and\s+)?|and\s+)" + _DET
                          + r"§)*\s*\)?\s*(?:(?:datasets?|benchmarks?|corpora)\s*)?,?\s*"
                          r"(?:(?:show|shows|demonstrate|demonstrates|indicate|indicates|confirm|confirms|verify|verifies|reveal|reveals)"
                          r"\s+that\s+)?")


def data_before(sent_start: int, low: str, ents: list[Ent], subj: Ent) -> list[Ent]:
    """The data sets of :data:`_DATA_BEFORE` that open the sentence before
    ``subj``, all of them data mentions, or []."""
    before = [e for e in ents if e.end_char <= subj.start_char]
    if not before or any(e.label_ not in _DATA_TYPES for e in before):
        return []
    mid = _mid(low, low, _Gap(sent_start), subj, before, sent_start)
    return before if _DATA_BEFORE.fullmatch(mid) else []


def subject_evaluations(sent_start: int, low: str, ents: list[Ent], subj: Ent) -> list[Ent]:
    """What a sentence says ``subj`` (a method's mention, or an anaphor's
    stand-in, "the proposed method") is evaluated with when ``subj`` is the
    subject of an evaluation or score verb (:data:`_SUBJECT_VERB`): the data
    sets after "on / across" within the clause, alone or in a list, and a
    metric the verb scores it in ("achieves higher accuracy"). The labelling
    guide, parts H and J: "Our proposed method obtains ... on the MUSE
    dataset" gives EVALUATED_WITH from the proposed method to the data set.

    Counted (``python bench/anaphor_counts.py``; gold mentions): SciER train,
    any named Method as the subject (SciER marks no anaphor), 28 matches, 18
    the gold's (the 10 others hold unlabelled right ones, "XDC significantly
    outperforms ... on HMDB51", "RoBERTa reaching 30.9 F1 on DROP", and a
    description as the subject, "NCSN is a recent generative network
    achieving ... on CIFAR10");
    SciERC train, 5 of 5 named and 4 of 4 "our method" subjects. Real
    abstracts, standard tier, the anaphor subjects of
    :func:`extractors.relations.anaphor_evaluations`, every firing read:
    ``draw_sample(3000, 39110101)`` 14 firings, 9 right (the 5 wrong had a
    wrong antecedent, a bare name the proposal cue took: "RE", "AMR", "MRF",
    a data set; the defined-name guard then added: 9 of 9); a fresh pool of
    2,500 abstracts with the cue words from ``draw_sample(30000, 39110102)``
    29 firings, 27 right (wrong: "Our system achieves 16.9% WER root mean
    squared error", the metric is the RMSE; "state-of-the-art adversarial
    robustness", no metric)."""
    k = subj.end_char - sent_start
    verb = _SUBJECT_VERB.match(low, k)
    if verb is None:
        return []
    found = data_before(sent_start, low, ents, subj)
    if found:
        return found
    after = [e for e in ents if e.start_char >= verb.end() + sent_start]
    out: list[Ent] = []
    if after and after[0].label_ == _METRIC and _TO_METRIC.fullmatch(low, verb.end(), after[0].start_char - sent_start):
        out.append(after[0])
    gap = _SUBJECT_GAP.match(low, verb.end() + 1) if low.startswith(" ", verb.end()) else None
    if gap is None:
        return out
    for on in _ON.finditer(low, verb.end(), gap.end()):
        start = on.start() + sent_start  # (the space before "on": _TO_DATA reads it)
        if any(e.start_char < start and e.label_ in _DATA_TYPES for e in after):
            break  # a data set between the verb and "on" ("... on ImageNet pre-trained on"): not this clause's
        data = [e for e in after if e.start_char > start]
        found = [e for e in listed_after(low, start, data, _TO_DATA, sent_start) if e.label_ in _DATA_TYPES]
        if found:
            return out + found
    return out
