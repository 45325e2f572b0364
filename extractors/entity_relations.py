"""Entity-to-entity relations from cue patterns between two mentions of a sentence.

Parse-free: for each ordered pair of mentions (a before b) of one sentence,
the text between them, with the mentions in between written as ``§``, is
matched against the patterns of :data:`PATTERNS`; a pattern fixes the
relation type, which mention is the source, and the entity types allowed at
each end. The types and directions are SciER's (Zhang et al., EMNLP 2024);
the cue phrases are the lexical patterns of hyponymy (Hearst, COLING 1992:
"Y such as X", "X is a Y") and the connective phrases of the SciER and
SciERC annotations. Every pattern is justified by its count and precision on
SciER train with the gold mentions (research use, never shipped weights):
``python -m extractors.entity_relations ../shared/corpora/scier/train.jsonl``
prints them, and the table in :data:`PATTERNS` quotes them.

A pair classifier can later join as a further pipeline component that reads
``doc._.relations`` and adds or rescores entity pairs; these rules stay
the high-precision floor.

The pairing (:func:`pair_relations`) and the SciER count of the patterns
are here; the pattern table is :mod:`extractors.entity_patterns`, the text
between two mentions and the guards a match must pass
:mod:`extractors.entity_guards`, and the relations of the paper's own method
named by anaphor ("our method outperforms X") :mod:`extractors.entity_own`.
Every name they define is importable from here too, as before the split.
"""
from __future__ import annotations

import re

from .abbreviations import best_long_form
from .doctext import Ent
from .entity_guards import (_AND_BEFORE, _BASED, _COMPONENT, _CUT, _CUT_BEFORE, _DATASET_HEAD, _DATA_END,
    _COMPARE_VERB_BEFORE, _KIND_END, _KIND_HEAD, _NP_END, _RESULTS_ON, _TITLE_CUT, _SHARED_TASK, _TASK_HEAD, _TITLE_DATA, _TITLE_MEANS, _TASK_DATA_HEAD, _TASK_SYSTEM_HEAD, _clause_break, _mid,
    whole_part)
from .entity_patterns import NEGATED_WIN, PATTERNS, Pattern, _APPOSITION_BASED, _APPOSITION_OPEN, _CLASS
from .keys import name_key

# The rest of the rules' names, re-exported so that callers and tests still import them from here
from .entity_guards import _CLAUSE_BREAK, _COINED, _Gap, _PART_END, _PREP_BEFORE, named_part
from .entity_own import (_BEATS, _CONSISTS_AT, _OWN_REF, _TO_OBJECT, _TO_PART, _own_reference, own_outperforms,
    own_parts)
from .entity_patterns import _BEAT_CUE, _CONSISTS, _DET, _LIST, _PART_FILLER, _USED_FOR, _p


#: Mentions further apart than this (chars) are not paired (list patterns
#: run longer: "tasks such as A, B, C and D").
MAX_GAP = 90

_PAREN_FIRST = re.compile(r"\s*\(\s*§\s*\)")
_ANY_CUE = re.compile(r"\(|for|to|on|in|with|by|via|using|such|includ|like|e\.g|namely|especially|particularly|example|"
                      r"instance|than|over|vs|versus|against|compar|outperform|surpass|beat|superior|train|is|are|-|sub|"
                      r"through|based|means|leverag|:|consist|variant|case|compos|compris|combin|equipped|incorporat|integrat|made up|"
                      r"data|benchmark|corp")
#: The cue of the rows that read ", a" / "and" alone (apposition-task-head, compare-verb), tried for those classes only:
#: a prefilter reading them for every pair would hand other rows pairs that they were never counted on.
_APPOSITION_A = re.compile(_APPOSITION_OPEN)  # the rows' own opening (extractors/entity_patterns.py)
_AND_ONLY = re.compile(r"\s*,?\s*and\s")


def _admitting(patterns: tuple[Pattern, ...], ca: str, cb: str, in_title: bool) -> tuple[Pattern, ...]:
    """The patterns whose classes admit a pair of classes ``ca``, ``cb``, in their order, less
    the title's own outside a title (``in_title``)."""
    return tuple(p for p in patterns if ca in p.left and cb in p.right and (not p.same_class or ca == cb)
                 and (in_title or not p.title_only))


#: The patterns of :data:`PATTERNS` that admit a pair, by (in a title, first class, second
#: class), in their order: a pair tries 1-11 of the 37, not all of them, and reads no class again.
_PAIR_PATTERNS = {(t, ca, cb): _admitting(PATTERNS, ca, cb, t)
                  for t in (False, True) for ca in set(_CLASS.values()) for cb in set(_CLASS.values())}


def _shorter_first(a: Ent, b: Ent) -> tuple[Ent, Ent]:
    return (a, b) if len(a.text) <= len(b.text) else (b, a)


def pair_relations(sent_start: int, text: str, ents: list[Ent], low: str | None = None,
                   patterns: tuple[Pattern, ...] = PATTERNS, in_title: bool = False) -> list[tuple[Pattern, Ent, Ent]]:
    """(pattern, source, target) for each pair of ``ents`` (one sentence's
    mentions, in order; ``text``: the sentence from ``sent_start``; ``in_title``:
    the sentence is the title) that a pattern joins; at most one relation per pair."""
    if low is None:
        low = text.lower()
        if len(low) != len(text):  # a few characters change length when lower-cased
            low = text
    out = []
    n = len(ents)
    for i in range(n):
        a = ents[i]
        ca = _CLASS.get(a.label_)
        if ca is None:
            continue
        for j in range(i + 1, n):
            b = ents[j]
            gap = b.start_char - a.end_char
            if gap > MAX_GAP:
                break
            if gap < 0:
                continue
            cb = _CLASS.get(b.label_)
            if cb is None or patterns is PATTERNS and not _PAIR_PATTERNS[in_title, ca, cb]:
                continue  # (no pattern relates these classes: the text between need not be read)
            mid = _mid(text, low, a, b, ents[i + 1 : j], sent_start)
            if mid and (not _ANY_CUE.search(mid) and not low.startswith("-based", b.end_char - sent_start)
                        and not (ca == "X" and "of" in mid)
                        and not (cb == "T" and ca in "MD" and _APPOSITION_A.match(mid))
                        and not (ca == cb and ca in "MD" and _AND_ONLY.match(mid)) or _clause_break(mid)):
                continue  # (a pair before "-based" may be an apposition: "CoBERT, an efficient BERT-based model";
                # "of" is a cue after a metric only: "the accuracy of pose estimation")
            paren = _PAREN_FIRST.match(mid)
            if paren:  # "convolutional neural networks (CNNs) for image classification": the long form relates
                mid = mid[paren.end():]
            for p in _PAIR_PATTERNS[in_title, ca, cb] if patterns is PATTERNS else _admitting(patterns, ca, cb, in_title):
                if paren and p.name == "synonym-paren":
                    continue
                if not p.regex.fullmatch(mid):
                    continue
                if p.name == "synonym-paren":
                    after = text[b.end_char - sent_start : b.end_char - sent_start + 2].lstrip()
                    if not after.startswith((")", ";", ",")):
                        continue
                    src, tgt = _shorter_first(a, b)
                    if best_long_form(src.text, tgt.text) != 0:
                        continue  # "transfer learning (PETL)": the mention is part of the long form
                    if name_key(src.text) in name_key(tgt.text):
                        continue  # "our own BERT (SEC-BERT)": a variant, not another name
                elif p.name == "in-part" and not _COMPONENT.search(a.text):
                    continue
                elif p.name == "consists-of" and (in_title or not whole_part(text, a, b, sent_start)):
                    continue
                elif p.name == "title-name-task" and (
                        a.start_char != sent_start or " " in a.text or "@" in a.text or _TITLE_DATA.search(mid)
                        or _TITLE_MEANS.search(mid) or text[b.end_char - sent_start:].strip().rstrip(".?!") != ""
                        or best_long_form(a.text, b.text) == 0):
                    continue  # the coined name opens the title, the task ends it; "X: A Dataset for Y" names data,
                    # "REBEL: Relation Extraction By End-to-end Language generation" the means, not the task
                elif p.name in ("such-as-task", "task-datasets-such-as") and _AND_BEFORE.search(text, max(0, a.start_char - sent_start - 6),
                                                                    a.start_char - sent_start):
                    continue  # "natural language processing and computer vision tasks, such as language modeling,
                    # ..., image classification": the examples belong to either class
                elif p.name == "task-for-task" and (_DATA_END.search(b.text) or _DATA_END.search(a.text)):
                    continue
                elif p.name in ("based-method", "based-on", "method-for-method", "task-head-based-on", "title-task-using") and not _NP_END.match(text, b.end_char - sent_start):
                    continue
                elif p.name == "method-for-method" and _KIND_HEAD.search(a.text):
                    continue  # "an $\ep$-DP mechanism for functional PCA": a description by its kind, a generic node
                elif p.name == "dataset-colon-task" and (
                        _CUT.match(text, b.end_char - sent_start)
                        or not (_SHARED_TASK.search(a.text) or _DATASET_HEAD.match(text, b.end_char - sent_start))):
                    continue  # "SemEval-2020 Task 1: Automatic Identification of Novel Word Senses": the task is cut;
                    # "SelF-Eval: Self-supervised ... Evaluation": a name before a colon need not be a data set
                elif p.name == "task-is-a-task" and (not _TASK_HEAD.match(text, b.end_char - sent_start) or _CUT_BEFORE.search(
                        text, max(0, a.start_char - sent_start - 30), a.start_char - sent_start)):
                    continue  # "X is a sentiment analysis model": a kind of model, not of task; "Comparative QA is
                    # a challenging NLP task": QA is cut from the task named
                elif p.name == "results-on-show" and not _RESULTS_ON.search(text, max(0, a.start_char - sent_start - 160),
                                                                         a.start_char - sent_start):
                    continue  # "Experiments on A show that X ...": the data set is where results were obtained
                elif p.name == "title-task-using" and _TITLE_CUT.match(text, a.end_char - sent_start):
                    continue  # "Reasoning Visual Dialog with ...": the task named is longer than the mention
                elif p.name == "apposition-task-head" and (not _TASK_SYSTEM_HEAD.match(text, b.end_char - sent_start)
                                                           or best_long_form(a.text, b.text) == 0):
                    continue  # "X, a neural keyphrase extraction model": the task's system; "X, a T ..." else says
                    # nothing; "FIM, a Fine-grained Interest Matching method": the name's own long form
                elif p.name == "dataset-apposition-task-head" and not _TASK_DATA_HEAD.match(text, b.end_char - sent_start):
                    continue
                elif p.name == "compare-verb" and not _COMPARE_VERB_BEFORE.search(low, max(0, a.start_char - sent_start - 80),
                                                                                  a.start_char - sent_start):
                    continue  # "compared with A and B": A and B are both what something else is compared with
                elif p.name == "outperforms" and NEGATED_WIN.search(mid):
                    continue  # "Transformer does not generally outperform the RNN": no win stated
                elif p.name == "outperforms-comparative" and name_key(a.text) == name_key(b.text):
                    continue  # "FBC with gradient alignment can achieve better ... than the FBC": one method, no edge
                elif p.name == "variant-of" and not _KIND_END.match(text, b.end_char - sent_start):
                    continue  # "a variant of MCTS search": the kind is longer than the mention
                elif p.name == "apposition-is-a" and not _KIND_END.match(text, b.end_char - sent_start):
                    if _BASED.match(text, b.end_char - sent_start):
                        out.append((_APPOSITION_BASED, b, a))  # "TANet, a thread-aware Transformer-based network"
                        break
                    continue  # "CLoSE, a multi-task BERT-based model": BERT only qualifies the kind
                elif p.forward:
                    src, tgt = a, b
                else:
                    src, tgt = b, a
                out.append((p, src, tgt))
                break
    return out


def _read_scier_train(path: str):
    """(sentence text, [Ent], {(src span, type, tgt span)}) per SciER
    sentence-level record; mentions located as :func:`kg.evaluate.read_scier_sentences` does."""
    import json

    for line in open(path, encoding="utf-8"):
        rec = json.loads(line)
        text = rec["sentence"]
        spans: dict[str, tuple[int, int]] = {}
        ents = []
        taken: list[tuple[int, int]] = []
        for surface, label in sorted(rec.get("ner", []), key=lambda x: -len(x[0])):
            start = 0
            while True:
                k = text.find(surface, start)
                if k < 0:
                    break
                e = k + len(surface)
                ok = (k == 0 or text[k - 1] == " ") and (e == len(text) or text[e] == " ")
                if ok and not any(k < b and a < e for a, b in taken):
                    taken.append((k, e))
                    spans.setdefault(surface, (k, e))
                    ents.append(Ent(0, 0, k, e, label, surface))
                    break
                start = k + 1
        ents.sort(key=lambda x: x.start_char)
        gold = set()
        for s, t, o in rec.get("rel", []):
            if s in spans and o in spans:
                gold.add((spans[s], t.upper().replace("-", "_"), spans[o]))
        yield text, ents, gold


#: SciER names of our types (``Used-For`` ...) after upper-casing: ours,
#: with OUTPERFORMS scored as COMPARE_WITH.
_SCIER_TYPE = {"SUBCLASS_OF": "SUBCLASS_OF", "SUBTASK_OF": "SUBTASK_OF", "OUTPERFORMS": "COMPARE_WITH"}


def pattern_counts(path: str) -> dict[str, dict[str, int]]:
    """Per pattern: matches on gold mentions and how many SciER states with
    the same type and direction (``right``) or another type/direction
    (``other``)."""
    counts: dict[str, dict[str, int]] = {p.name: {"matches": 0, "right": 0, "other": 0} for p in PATTERNS}
    for text, ents, gold in _read_scier_train(path):
        related = {(s, o) for s, _, o in gold} | {(o, s) for s, _, o in gold}
        for p, src, tgt in pair_relations(0, text, ents):
            c = counts.setdefault(p.name, {"matches": 0, "right": 0, "other": 0})
            c["matches"] += 1
            key = ((src.start_char, src.end_char), _SCIER_TYPE.get(p.type.value, p.type.value),
                   (tgt.start_char, tgt.end_char))
            if key in gold:
                c["right"] += 1
            elif (key[0], key[2]) in related:
                c["other"] += 1
    return counts


if __name__ == "__main__":  # pragma: no cover - a measuring tool
    import sys

    path = sys.argv[1] if len(sys.argv) > 1 else "../shared/corpora/scier/train.jsonl"
    print(f"{'pattern':18} {'matches':>7} {'right':>6} {'other':>6} {'prec':>6}")
    for name, c in pattern_counts(path).items():
        prec = c["right"] / c["matches"] if c["matches"] else 0.0
        print(f"{name:18} {c['matches']:7d} {c['right']:6d} {c['other']:6d} {prec:6.2f}")
