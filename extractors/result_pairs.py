"""Values written in pairs or lists that name their metrics in the same
order: "19.0%/24.2% ADE/FDE improvement" (a slash pair of values then a
slash pair of metrics), "a precision, recall, and F1 ... of 83.75%, 87.01%,
and 85.35% respectively" (the list of values right before "respectively",
not every value of the sentence before it), "22.8% and 23.5% increase in
success rate and Success weighted by Path Length (SPL), respectively" (an
abbreviation in brackets after its long form is one item, not two).

Audit GUIDE part F: "X/Y" pairs of values and metrics are read in order;
issue 27: "respectively" lists are matched in order to their datasets or
metrics.

Rare: no change on 3,000 real abstracts (draw_sample seed 27808); in 1,300
abstracts chosen for "respectively" lists and slash pairs, 7 results changed,
all read, all right or the same metric by its abbreviation ("absolute
trajectory error (ATE)" -> ATE, "Area Under the Precision-Recall curve
(AU-PR)" -> AU-PR).

Lists whose items the NER tagged only in part (issue 27, stop 42): "87.48% LAS,
78.63% MLAS" (:func:`word_metrics`) and "9.64%, 8.84% and 3.22% on the
CIFAR-10, Brown and HPatches datasets respectively" (:func:`item_slots`) gave
every value the one tagged item nearest it. Rare on random text: 2 abstracts
of 3,000 (draw_sample seed 17171) changed, both right. In the 120k abstracts
440 sentences write the first shape and 286 the second; 80 read while tuning
(21 values changed, all right), 606 others run and their 32 changed sentences
read: 28 right, 2 doubtful ("5.5% AP$_{90}$", "0.6 AP^hard" lost AP), 2 worse
("0.58 macro average accuracy" lost accuracy; W18-5519 "in terms of F1
evidence, label accuracy and FEVER score" gained two metrics but lost FEVER
as their dataset).
"""
from __future__ import annotations

import re

from .doctext import Ent
from .list_joints import COORDINATION
from .quantities import Quantity

_SLASH = re.compile(r"\s?/\s?")
_AFTER_VALUE = re.compile(r"[ %\\]*")  # between the second value and the first metric: "24.2% ADE", "24.2\% ADE"
_BEFORE_VALUE = re.compile(r"\s*(?:of|=|:|scores? of|are|were|is|was)?\s*")  # "ADE/FDE of 0.45/0.80"
#: Between two values of one list: "83.75%, 87.01%, and 85.35%", "51.1 and 44.3".
_ITEM = re.compile(r"\s*(?:\\?%\s*)?(?:,\s*(?:and\s+)?|and\s+)")
#: Between two mentions of one coordination: "precision, recall, and F1", "MNLI and QQP".
_COORD = COORDINATION
_ABBR_OPEN = re.compile(r"\s*\(\s*")


def slash_metrics(values: list[Quantity], metrics: list[Ent], text: str, base: int) -> dict[int, Ent]:
    """``id(value) -> metric`` for each slash pair of values that a slash pair
    of metrics follows or precedes, in order."""
    if "/" not in text or len(metrics) < 2 or len(values) < 2:
        return {}
    ms = sorted(metrics, key=lambda m: m.start_char)
    out: dict[int, Ent] = {}
    for a, b in zip(values, values[1:]):
        if not _SLASH.fullmatch(text, a.end - base, b.start - base):
            continue
        for m1, m2 in zip(ms, ms[1:]):
            if m2.start_char < m1.end_char or not _SLASH.fullmatch(text, m1.end_char - base, m2.start_char - base):
                continue
            if m1.start_char >= b.end and _AFTER_VALUE.fullmatch(text, b.end - base, m1.start_char - base) \
                    or m2.end_char <= a.start and _BEFORE_VALUE.fullmatch(text, m2.end_char - base, a.start - base):
                out[id(a)], out[id(b)] = m1, m2
                break
    return out


def without_abbreviations(cands: list[Ent], text: str, base: int) -> list[Ent]:
    """``cands`` less each one written in brackets right after another (its
    abbreviation: "Success weighted by Path Length (SPL)")."""
    out: list[Ent] = []
    for c in cands:
        if out and out[-1].end_char <= c.start_char and _ABBR_OPEN.fullmatch(text, out[-1].end_char - base, c.start_char - base):
            continue
        out.append(c)
    return out


def trailing_list(qs: list[Quantity], text: str, base: int) -> list[Quantity]:
    """The last run of ``qs`` joined as one list ("83.75%, 87.01%, and 85.35%")."""
    run = qs[-1:]
    for a in reversed(qs[:-1]):
        if not _ITEM.fullmatch(text, a.end - base, run[0].start - base):
            break
        run.insert(0, a)
    return run


def coordinated_before(cands: list[Ent], first: Quantity, n: int, text: str, base: int) -> list[Ent]:
    """The last ``n`` of ``cands`` before ``first``, if they are one coordination."""
    before = [c for c in cands if c.end_char <= first.start][-n:]
    if len(before) != n or any(not _COORD.fullmatch(text, x.end_char - base, y.start_char - base)
                               for x, y in zip(before, before[1:]) if y.start_char >= x.end_char):
        return []
    return before


#: After the last value of a "respectively" list, what opens the list of what the values are of: "9.64%, 8.84% and
#: 3.22% on the CIFAR-10, Brown and HPatches datasets respectively", "by 4.5% and 11.4% in terms of micro and macro F1".
_ITEMS_OPEN = re.compile(r"\s*(?:\\?%\s*)?(?:in terms of|on|for|in|across)\s+(?:the\s+)?")
_ITEM_SPLIT = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
_ITEMS_CLOSE = re.compile(r"[\s,]*$")
#: Words no item of such a list holds: "by 1.7%, 2.5% and 3.8% in F1-score when using GloVe, ELMo and BERT", "in BLEU
#: score for seen categories, unseen entities and unseen categories", "for 5-way 1-shot and 5-shot settings on the
#: mini-ImageNet" (the items are after the mention).
_NOT_NAME = re.compile(r"\b(?:when|using|with|by|than|over|compared|which|that|while|where|from|to|is|are|was|were|we|our|"
                       r"on|in|for|of|at)\b", re.I)


def item_slots(run: list[Quantity], cands: list[Ent], text: str, base: int, stop: int) -> list[Ent | None] | None:
    """For a list of values before "respectively" and a written list of as
    many items after it ("on the KITTI and Berkeley deep drive (BDD)
    datasets, respectively"), each value's mention: the one tagged inside its
    own item, None when its item has none tagged (the NER missed "BDD"; the
    value is then no other item's). None when the text lists no such items."""
    opened = _ITEMS_OPEN.match(text, run[-1].end - base)
    if opened is None or len(run) < 2:
        return None
    body = text[opened.end() : stop]
    body = body[: _ITEMS_CLOSE.search(body).start()]
    if not body or any(c in body for c in ";:()") and not re.fullmatch(r"[^;:]*\([A-Za-z\-]{1,12}\)[^;:]*", body):
        return None
    cuts = [opened.end()] + [x for m in _ITEM_SPLIT.finditer(body) for x in (opened.end() + m.start(), opened.end() + m.end())]
    cuts.append(opened.end() + len(body))
    items = list(zip(cuts[::2], cuts[1::2]))
    if len(items) != len(run) or any(len(text[a:b].split()) > 5 or _NOT_NAME.search(text, a, b) for a, b in items):
        return None
    slots: list[Ent | None] = []
    for a, b in items:
        inside = [c for c in cands if a <= c.start_char - base and c.end_char - base <= b]
        slots.append(inside[0] if len(inside) == 1 else None)
    if all(s is None for s in slots[:-1]) and (slots[-1] is None or slots[-1].start_char - base > items[-1][0]):
        return None  # "on top-5 verb and noun-role accuracy": one head shared by the items, or no item tagged
    return slots


#: A value then the one word it is a score in, then the next item of a list: "87.48% LAS, 78.63% MLAS, 78.69% BLEX and
#: 81.76% CLAS", "64% coverage and 87% accuracy" (a bracket may follow the word: "CLAS (Nivre and Fang, 2017)").
_WORD = r"(?!(?:and|or|on|in|for|of|to|at|by|over|than|the|a|an|with|from|respectively|points?|absolute|relative|" \
        r"average|mean|top|of|across|per|higher|lower|better|more|less|fewer)\b)[A-Za-z][\w\-+@.]*(?<!\.)"
_ITEM_WORD = re.compile(r"[ \u00a0]?(?:\\?%)?[ \u00a0]+(" + _WORD + r")")
_ITEM_GAP = re.compile(r"(?:\s*\([^()]{1,40}\))?\s*(?:,\s*(?:and\s+)?|\s+and\s+)[+\-−]?")


def word_metrics(values: list[Quantity], metrics: list[Ent], text: str, base: int) -> dict[int, Ent | None]:
    """``id(value) -> metric`` for each value of a "value word" list where
    some item's word is a tagged metric (or the word right before one:
    "93.1% macro F-measure"): that metric, or None where the NER tagged
    none. "has 87.48% LAS, 78.63% MLAS, 78.69% BLEX" (K18-2022) gave LAS,
    the nearest metric, to all four; "MLAS" is their own metric, untagged."""
    by_start = {m.start_char: m for m in metrics}
    runs: list[list[tuple[Quantity, Ent | None, int, bool]]] = [[]]
    for q in values:
        word = _ITEM_WORD.match(text, q.end - base)
        if runs[-1] and (word is None or not _ITEM_GAP.fullmatch(text, runs[-1][-1][2], q.start - base)):
            runs.append([])
        if word is not None:
            own = by_start.get(word.start(1) + base)
            runs[-1].append((q, own or by_start.get(word.end(1) + base + 1), word.end(1), own is not None))
    out: dict[int, Ent | None] = {}
    for run in runs:
        # one head shared by the items, "0.65% matched and 0.62% mismatched accuracies", is no such list
        if len(run) >= 2 and (any(m is not None for _, m, _, _ in run[:-1]) or run[-1][3]):
            out.update({id(q): m for q, m, _, _ in run})
    return out
