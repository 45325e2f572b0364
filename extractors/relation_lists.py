"""Lists in relation statements: members of a list relate to nothing among
themselves, and each member shares the relation the list takes part in.

"We evaluate on CoNLL, OntoNotes and WNUT" evaluates on all three; "BERT,
XLNet and RoBERTa are pre-trained language models" states no relation
between BERT and XLNet. A pair classifier or a cue pattern sees one pair at
a time and tends to relate the nearest member only, so the accurate tier
(:mod:`extractors.relclf`) spreads each entity-to-entity relation to the
same-type members of a list at either end, on the sides where SciER train
(gold mentions; counted, nothing learned from it) says that holds:

===============  ===============================  ============================
relation         source side (A, B rel C)          target side (A rel B, C)
===============  ===============================  ============================
USED_FOR         572 of 649 (88%)                  896 of 933 (96%)
EVALUATED_WITH   292 of 311 (94%)                  656 of 675 (97%)
COMPARE_WITH     179 of 198 (90%)                  379 of 396 (96%)
TRAINED_WITH     94 of 104 (90%)                   118 of 121 (98%)
BENCHMARK_FOR    366 of 375 (98%)                  56 of 66 (85%): not spread
PART_OF          424 of 493 (86%)                  256 of 357 (72%): not spread
SUBCLASS_OF      750 of 826 (91%)                  12 of 82: not spread
SUBTASK_OF       324 of 326 (99%)                  2 of 9: not spread
SYNONYM_OF       2 of 22: not spread               0 of 356: not spread
===============  ===============================  ============================

(``python -m extractors.relation_lists`` recounts it.) OUTPERFORMS spreads
as COMPARE_WITH does ("A and B outperform C").
"""
from __future__ import annotations

import re
from typing import Container, Sequence

from .list_joints import JOINT

#: Words that only join a list: "A, B and C", "A or B".
_COORDINATION = frozenset({",", "and", "or", "/", "&", "as", "well", "both", "either", "the"})
_BRACKETS = frozenset({"(", ")", "[", "]"})
_CONJUNCTIONS = frozenset({",", "and", "or", "/", "&"})
#: The sides of a relation a list spreads over (see the module doc).
SPREAD: dict[str, frozenset[str]] = {
    "USED_FOR": frozenset({"source", "target"}), "EVALUATED_WITH": frozenset({"source", "target"}),
    "COMPARE_WITH": frozenset({"source", "target"}), "OUTPERFORMS": frozenset({"source", "target"}),
    "TRAINED_WITH": frozenset({"source", "target"}), "BENCHMARK_FOR": frozenset({"source"}),
    "PART_OF": frozenset({"source"}), "SUBCLASS_OF": frozenset({"source"}), "SUBTASK_OF": frozenset({"source"}),
}


def coordinated(between: Sequence[str], brackets: bool = False) -> bool:
    """Whether two mentions are joined by a list alone (``between``: the
    words between them, inner mentions left out): "A, B, and C" states no
    relation between its members. SciER train: 155 of 4,417 such pairs are
    related (3.5%); SciERC train: 275 of 498 are CONJUNCTION, 183 unrelated,
    40 other (8%). A short parenthetical (an abbreviation, a citation) is
    part of the list; with ``brackets``, so is a bracket a mention inside
    it leaves open ("A (SHB), B": SHB and B are in one list), which holds
    for blocking pairs (SciER train: 174 of 4,918 such pairs related;
    SciERC: 48 of 511 besides CONJUNCTION) but not for spreading (an
    abbreviation would take its long form's relations)."""
    low = _drop_parentheses([w.lower() for w in between])
    allowed = _COORDINATION | _BRACKETS if brackets else _COORDINATION
    return bool(low) and all(w in allowed for w in low) and any(w in _CONJUNCTIONS for w in low)


def _drop_parentheses(words: list[str], longest: int = 6) -> list[str]:
    """``words`` without short parentheticals: "A (SHB), B (ASG) and C"
    lists A, B and C, each with its abbreviation or citation."""
    out: list[str] = []
    k = 0
    while k < len(words):
        if words[k] in ("(", "["):
            close = ")" if words[k] == "(" else "]"
            end = next((m for m in range(k + 1, min(len(words), k + longest + 2)) if words[m] == close), None)
            if end is not None:
                k = end + 1
                continue
        out.append(words[k])
        k += 1
    return out


def between_words(spans: Sequence[tuple[int, int]], i: int, j: int, words: Sequence[str]) -> list[str]:
    """The words between span ``i`` and the later span ``j``, those of
    other mentions left out."""
    lo, hi = spans[i][1], spans[j][0]
    inner = [(a, b) for a, b in spans if lo <= a and b <= hi]
    return [words[t] for t in range(lo, hi) if not any(a <= t < b for a, b in inner)]


def siblings(spans: Sequence[tuple[int, int]], labels: Sequence[str], words: Sequence[str]) -> list[list[int]]:
    """For each mention (word spans of one sentence), the mentions of the
    same type that one list joins it with."""
    out: list[list[int]] = [[] for _ in spans]
    order = sorted(range(len(spans)), key=lambda k: spans[k])
    for x, i in enumerate(order):
        for j in order[x + 1:]:
            if spans[j][0] < spans[i][1] or labels[i] != labels[j]:
                continue
            if coordinated(between_words(spans, i, j, words)):
                out[i].append(j)
                out[j].append(i)
    return out


def spread(relations: Sequence[tuple[int, str, int]], sibs, target_sibs=None,
           spreading: Container[int] | None = None) -> list[tuple[int, str, int, int]]:
    """``(source, type, target, k)`` for each relation a list adds: the
    members of a list at a side :data:`SPREAD` allows take the relation
    ``relations[k]`` states of one of them. A pair already related (either
    way) or a mention with itself gets nothing. ``sibs[m]``: the members one
    list joins mention ``m`` with; ``target_sibs``, where a target's list is
    read otherwise than a source's (the cue patterns:
    :func:`spread_pattern_pairs`); ``spreading``: the indices of the
    relations that may spread (default all; the others still count as
    related)."""
    related = {frozenset((s, t)) for s, _, t in relations}
    tsibs = sibs if target_sibs is None else target_sibs
    out = []
    for k, (s, rtype, t) in enumerate(relations):
        if spreading is not None and k not in spreading:
            continue
        sides = SPREAD.get(rtype, frozenset())
        new = ([(s2, t) for s2 in sibs[s]] if "source" in sides else []) + \
              ([(s, t2) for t2 in tsibs[t]] if "target" in sides else [])
        for a, b in new:
            if a != b and frozenset((a, b)) not in related:
                related.add(frozenset((a, b)))
                out.append((a, rtype, b, k))
    return out


#: Cue patterns (:mod:`extractors.entity_relations`) whose first mention is the source and reads one
#: clause about it and the second: a list ending at the first or starting at the second shares the
#: relation ("SVMs and CRFs for NER", "BERT is used for NER and QA"), on the sides :data:`SPREAD`
#: allows (the standard tier's form of what the accurate tier does to the classifier's edges). Not the
#: patterns whose cue words may belong to the last member alone ("A and B-based system for T":
#: method-head-for, based-*), that name a thing (titles, appositions, "is a"), or whose lists are read
#: already. SciER train (gold mentions): 27 of 31 spread pairs related so (87%). Real (entrel9, standard
#: tier, every firing read): draw_sample(3000, 26090901) 6 of 6; every third abstract of
#: draw_sample(30000, 26090902) 15 of 18 (wrong: "We apply DecoderLens to question answering, ..., and
#: machine translation models": the head-noun guard :data:`_QUALIFIED` written there, which drops all
#: three); then fresh, the next third of that draw 27 of 29 (wrong: each inherits its pattern's error, a
#: data set typed Method "PATS ... designed to study gesture generation and style transfer", a phrase
#: typed Task "to control data generation") and a cue pool of 775 abstracts 5 of 5: 53 of 56 (95%).
PATTERN_SPREAD = frozenset({"used-for", "to-address", "trained-on", "outperforms", "performance-in", "evaluated-on",
                            "benchmark-for", "dataset-used-for", "subtask-of", "is-a-for", "dataset-is-a-for",
                            "method-in-task", "used-in"})
#: Text that joins two members of a list ("A, B and C", "A (AA), B"): a closing bracket, then a
#: comma or a conjunction.
_JOIN = re.compile(r"\)?\s*(?:" + JOINT + r"|/\s*)")
_ABBREV_OPEN = re.compile(r"\s*\(\s*")
#: After the last member of a list: a head noun of another class, which the members only qualify ("We
#: apply DecoderLens to question answering, logical reasoning, speech recognition and machine translation
#: models": the method is applied to models, the tasks name their kinds); "the binary relevance (BR) and
#: classifier chain (CC) approaches" lists methods under their own head.
_METHOD_HEAD = re.compile(r"\s*(?:\([^()]{1,40}\)\s*)?(?:models?|systems?|methods?|networks?|architectures?|approach(?:es)?|"
                          r"algorithms?|tools?|agents?|pipelines?|modules?)\b", re.I)
_DATA_HEAD = re.compile(r"\s*(?:\([^()]{1,40}\)\s*)?(?:datasets?|corpora|corpus)\b", re.I)
_QUALIFIED = {"Task": (_METHOD_HEAD, _DATA_HEAD), "Dataset": (_METHOD_HEAD,), "Benchmark": (_METHOD_HEAD,), "Method": (_DATA_HEAD,)}


def list_members(text: str, base: int, ents: Sequence, k: int, step: int) -> list[int]:
    """Indices of the mentions one list joins mention ``k`` with, read
    towards ``step`` (-1: before it, +1: after it), of ``k``'s label:
    "CNNs, RNNs and SVMs" from SVMs back gives RNNs and CNNs. A list has
    its "and" / "or" before its last member, so a comma alone joins none
    ("Unlike conventional convolutions, GCN is designed for ..."), and a list
    read forwards ends at that member. A bracketed short form ("long
    short-term memory (LSTM), GRU") is skipped as the same thing. ``text``:
    the sentence, ``base`` its offset in the doc."""
    out: list[int] = []
    cur = k
    j = k + step
    closed = False
    while 0 <= j < len(ents):
        left, right = (ents[j], ents[cur]) if step < 0 else (ents[cur], ents[j])
        gap = text[left.end_char - base:right.start_char - base]
        if ents[j].label_ != ents[k].label_:
            break
        if _ABBREV_OPEN.fullmatch(gap):
            cur, j = j, j + step  # "(LSTM)": the short form of its neighbour, not another member
            continue
        if not _JOIN.fullmatch(gap):
            break
        conj = "and" in gap or "or" in gap or "/" in gap
        if step < 0 and not out and not conj:
            return []  # "A, C for T": no list ends at C
        out.append(j)
        cur, j = j, j + step
        if step > 0 and conj:
            closed = True
            break
    if step > 0 and closed and any(h.match(text, ents[out[-1]].end_char - base) for h in _QUALIFIED.get(ents[k].label_, ())):
        return []
    return out if step < 0 or closed else []


def spread_pattern_pairs(text: str, base: int, ents: Sequence, found: Sequence[tuple]) -> list[tuple]:
    """``(pattern, source, target)`` added to the cue patterns' ``found``
    (triples of :func:`extractors.entity_relations.pair_relations` over
    ``ents``) where a list joins the source or the target with further
    mentions (:data:`PATTERN_SPREAD`; the sides :data:`SPREAD` allows); a pair
    already related is left alone."""
    index = {(e.start_char, e.end_char): i for i, e in enumerate(ents)}
    relations, spreading = [], set()
    source_sibs: dict[int, list[int]] = {}
    target_sibs: dict[int, list[int]] = {}
    for k, (p, src, tgt) in enumerate(found):
        i, j = index.get((src.start_char, src.end_char)), index.get((tgt.start_char, tgt.end_char))
        relations.append((i, p.type.value, j))
        if p.name not in PATTERN_SPREAD or i is None or j is None or i > j:
            continue
        spreading.add(k)
        sides = SPREAD.get(p.type.value, frozenset())
        if "source" in sides and i not in source_sibs:
            source_sibs[i] = list_members(text, base, ents, i, -1)
        if "target" in sides and j not in target_sibs:
            target_sibs[j] = list_members(text, base, ents, j, +1)
    return [(found[k][0], ents[a], ents[b]) for a, _, b, k in spread(relations, source_sibs, target_sibs, spreading)]


def spread_counts(path: str) -> dict[tuple[str, str], list[int]]:
    """(type, side) -> [list members at that side, those SciER also relates]
    on SciER train's sentences (gold mentions)."""
    from .entity_relations import _read_scier_train

    counts: dict[tuple[str, str], list[int]] = {}
    for text, ents, gold in _read_scier_train(path):
        words = text.split(" ")
        start_of, pos = {}, 0
        for k, w in enumerate(words):
            start_of[pos] = k
            pos += len(w) + 1
        index, spans, labels = {}, [], []
        for e in ents:
            a, b = start_of.get(e.start_char), start_of.get(e.end_char + 1, len(words))
            if a is not None:
                index[(e.start_char, e.end_char)] = len(spans)
                spans.append((a, b))
                labels.append(e.label_)
        rels = {(index[s], t, index[o]) for s, t, o in gold if s in index and o in index}
        sibs = siblings(spans, labels, words)
        for s, t, o in rels:
            for side, others in (("source", [(s2, o) for s2 in sibs[s]]), ("target", [(s, o2) for o2 in sibs[o]])):
                for a, b in others:
                    if b == a or a in (s, o) and b in (s, o):
                        continue
                    row = counts.setdefault((t, side), [0, 0])
                    row[0] += 1
                    row[1] += (a, t, b) in rels or (t == "COMPARE_WITH" and (b, t, a) in rels)
    return counts


if __name__ == "__main__":  # pragma: no cover - a measuring tool
    import sys

    for (rtype, side), (n, ok) in sorted(spread_counts(sys.argv[1] if len(sys.argv) > 1 else
                                                       "../shared/corpora/scier/train.jsonl").items()):
        print(f"{rtype:15} {side:7} {ok:5d} of {n:5d} {ok / n:6.2f}")
