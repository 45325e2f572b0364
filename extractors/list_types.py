"""Names in one list are things of one kind: a tagger's Method among curated datasets is a dataset.

"results on Cityscapes, LIP, and PASCAL Context", "four standard datasets:
AFLW, COFW, 300W, and WFLW", "Office-31 [24] and Office-Caltech [30]": the
statistical taggers type a coined name they have not seen by its shape, and
an all-caps or hyphenated coinage reads like a model (the CNN typed LIP, COFW
and Office-Caltech Method). Coordinated noun phrases share their semantic
class, the observation behind coordination-based class induction (Roark and
Charniak 1998; Widdows and Dorow 2002: "X, Y and Z" lists members of one
category), so where the other members of the list are datasets by a
curated list or a rule, the tagger's member is one too.

Only that one direction is taken: measured on SciER train (not a training
file of either tagger; 18,041 gold mentions; the list a run of chosen
mentions joined by ", ", "and", "or", with citation brackets allowed), each
direction alone, exact spans, standard tier / accurate tier, fixed / created:

* tagger Method -> the list's Dataset: 58 / 0 and 21 / 1 (52 / 0 and 18 / 0
  where two names with a bare comma between are no list);
* Dataset -> Method 13 / 2 and 9 / 3; Method -> Task 9 / 5 and 9 / 14;
  Task -> Method 6 / 6 and 4 / 6; Task -> Dataset 2 / 4 and 0 / 4;
  Dataset -> Task 2 / 18 and 2 / 19: not taken (tasks and methods are
  listed together, "classification, detection and segmentation" beside
  "R-CNN", and a task named after its dataset is still a task).

TDMSci train (which has no Method type) and SciERC train fold 0 (no
Dataset type): no change.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from .doctext import Tokens
from .list_joints import COMMA

#: What stands between two members of one list: a comma, "and" / "or" (also
#: after a comma), optionally after the first member's citation ("[24]").
_SEPARATOR = re.compile(r"(?:\s*\[[\d,\s\u2013-]+\])?(?:" + COMMA + r"|\s+and\s+|\s+or\s+)")
#: Sources whose type is the tagger's guess (a repeat copies a guess).
_GUESSED = frozenset(("ner", "repeat"))
_AND_OR = re.compile(r"\b(?:and|or)\b")
_DATASETS = frozenset(("Dataset", "Benchmark"))


def lists_of(text: str, picks: list) -> list[list[int]]:
    """Indices into ``picks`` (``(span, start, end, label, source)``, sorted
    by start) of each run of two or more mentions joined as a list."""
    out: list[list[int]] = []
    run: list[int] = []
    prev_end = None
    for k, (span, _, _, _, _) in enumerate(picks):
        if run and _SEPARATOR.fullmatch(text, prev_end, span.start_char):
            run.append(k)
        else:
            if len(run) >= 2:
                out.append(run)
            run = [k]
        prev_end = span.end_char
    if len(run) >= 2:
        out.append(run)
    # two names with a bare comma between are no list but a clause's end and the next one's subject
    # ("from GTA5 to Cityscapes, IBN-Net achieves ...", the one wrong change of 12 read on real abstracts)
    return [run for run in out
            if len(run) > 2 or _AND_OR.search(text, picks[run[0]][0].end_char, picks[run[1]][0].start_char)]


def agree_list_types(doc: Doc, toks: Tokens, chosen: list) -> None:
    """Retype in place the tagger's Method members of a list whose other,
    curated or rule-typed members are all datasets (all Dataset, or all
    Benchmark: that label; a mix: Dataset). The retyped pick becomes a
    rule's ("pattern"), so the paper's other mentions of the name follow it
    (:func:`extractors.resolve._retype_repeats`)."""
    picks = sorted(range(len(chosen)), key=lambda k: chosen[k][1])
    ordered = [chosen[k] for k in picks]
    for run in lists_of(toks.text, ordered):
        trusted = {ordered[i][3] for i in run if ordered[i][4] not in _GUESSED}
        if not trusted or not trusted <= _DATASETS:
            continue
        label = trusted.pop() if len(trusted) == 1 else "Dataset"
        for i in run:
            span, start, end, old, source = ordered[i]
            if source in _GUESSED and old == "Method":
                chosen[picks[i]] = (Span(doc, start, end, label=label, span_id="pattern"), start, end, label, "pattern")
