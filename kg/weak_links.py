"""Short acronyms and the Papers with Code rows that only share their letters.

A PwC-only gazetteer row that the real abstracts do not back (``match`` 0 in
ontology/gazetteer/pwc.tsv: never matched in text, linked only when an
extractor finds the name) is a weak source for a bare acronym: "GPS",
"CAD", "RRT", "XOR", "LMU", "HIV" in robotics, CAD and biology abstracts are
the everyday things, not PwC's method or dataset pages of those letters. On
3,000 real abstracts (``draw_sample(3000, 11282026)``, standard tier) 70
nodes were an undefined all-capitals acronym linked to such a row; all
read: 35 wrong. What separates them is the evidence the sentence gives:

* a PwC *dataset* named where the sentence speaks of datasets, corpora,
  benchmarks or tasks ("on the BSD and KITTI benchmarks", "the MAD
  dataset", "the compositional SCAN task"): 23 of 26 right (3 wrong: a
  paper's own "IAM: A ... Dataset", "Gestures for HRI: the GEE Corpus",
  an RRT planner); without such words, 2 of 16 right (NYT, WEB listed in
  parentheses after a task);
* a PwC-only *method or task* by its acronym alone: 7 of 24 right (EMG
  four times, CT, BLANC, OASIS); GPS (9), LMU, RFP, U-CAM, DFA, RAM, GRIN,
  PISA, GEE, TAG, APE wrong.

After: 28 such links (25 datasets, the rest defined), 3 wrong. So such an
acronym keeps the row's id only as a dataset that one of its
mentions names in a sentence about data; otherwise it is a node of its own
(:func:`own_id`). Taking a method's id where the sentence speaks of models,
methods or algorithms was tried: it restored 2 right links and 6 wrong
(GPS twice, PISA, GRIN, DFA). A definition in
the paper ("task and motion planning (TAMP)") decides before this is asked.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from extractors.keys import name_key
from extractors.score_context import algorithm_context, score_context
from ontology import EntityType
from ontology.gazetteer import GazetteerEntry

from .leaderboard import sentence_around
from .linking import Linker, key_to_id

#: Words that say a sentence speaks of collections or evaluation tasks.
_COLLECTION = re.compile(r"\b(?:data ?sets?|corpus|corpora|benchmarks?|tasks?|treebanks?|leaderboards?|splits?)\b", re.I)
_DATA = (EntityType.DATASET, EntityType.BENCHMARK)


def bare_acronym(text: str) -> bool:
    """Two to five capitals (digits allowed, a plural "s" aside): "GPS", "E2E", "SMM4H"."""
    core = text[:-1] if text.endswith("s") and text[:-1].isupper() else text
    return 2 <= len(core) <= 5 and core.isupper() and core.isalnum()


def weak_link(entry: GazetteerEntry, text: str, doc_text: str, start: int, end: int) -> bool:
    """Whether an undefined mention ``text`` should not take ``entry``'s id
    (see the module's docstring)."""
    if entry.match or not bare_acronym(text):
        return False
    if entry.type in _DATA:
        return not _COLLECTION.search(sentence_around(doc_text, start, end))
    return True


def weak_acronyms(linker: Linker, ents: list[tuple], local_ids: dict[str, str], text: str) -> set[str]:
    """Name keys of a paper's undefined acronyms that take no weak row's id:
    decided once per paper, so that one acronym is one node in it (a dataset
    named once in a sentence about data keeps its id at every mention).
    ``ents``: (text, kb_id, label, source, start, end) per mention."""
    verdict: dict[str, bool] = {}
    for name, kb_id, _, _, start, end in ents:
        if kb_id or not bare_acronym(name):
            continue
        key = name_key(name)
        if key in local_ids:
            continue
        entry = linker.entry_by_id.get(linker.resolve(name))
        if entry is None or entry.match:
            continue
        verdict[key] = verdict.get(key, True) and weak_link(entry, name, text, start, end)
    return {k for k, weak in verdict.items() if weak}


#: Short acronyms of two meanings, one a metric (:data:`ontology.metrics.SCORE_CONTEXT`): the gazetteer
#: name an undefined one links to, and the context that says so. Elsewhere it is a node of its own.
CONTEXT_SENSE: dict[str, tuple[str, Callable[[str, int, int], bool]]] = {
    "EM": ("expectation–maximization", algorithm_context),  # "variational EM"; the metric: the matcher's score context
    "MAP": ("mean average precision", score_context),  # "a MAP of 45.7%"; "MAP inference" is maximum a posteriori
}


def context_senses(linker: Linker, ents: list[tuple], local_ids: dict[str, str], text: str) -> dict[str, str]:
    """Name key -> gazetteer id, for a paper's undefined acronym of
    :data:`CONTEXT_SENSE` that one of its mentions writes in that sense's
    context; decided once per paper, as :func:`weak_acronyms` is. A mention
    the matcher linked keeps its link.

    * "EM" as the algorithm ("variational EM", "hard EM", "EM training":
      :func:`extractors.score_context.algorithm_context`) is the
      expectation-maximization entry, not a node "EM" of its own. On the 538
      of 120,000 real abstracts that write a bare "EM" (standard tier), 33
      papers had a node "EM"; 26 now link here, their 36 mentions all read:
      34 the algorithm, 2 wrong (one robot's "EM joint locking mechanism",
      electromagnetic). 7 stay nodes of their own (EM waves, EM routing, a
      garbled definition). Of 316 undefined "EM"s in such context in those
      abstracts, 35 read at random: 35 the algorithm.
    * "MAP" is mean average precision only in score context
      (:func:`extractors.score_context.score_context`), no longer by its
      letters (kg/linking.py). On the 393 of 120,000 real abstracts with a
      bare "MAP", 104 papers linked it to mean average precision; 26 keep
      the link (all read: the metric, or defined so), 78 become a node
      "MAP" of its own: 32 read, 28 right (maximum a posteriori: "MAP
      inference", "MAP estimates"; a system named MAP), 4 the metric missed
      ("about 4 points in MAP" twice, "19 MAP points", "+0.19 by MAP"). On
      3,000 abstracts (draw_sample(3000, 11282026)) 2 papers change, the 2
      of 6 MAP links that were wrong.

    ``ents``: (text, kb_id, label, source, start, end) per mention."""
    out: dict[str, str] = {}
    for name, kb_id, _, _, start, end in ents:
        sense = CONTEXT_SENSE.get(name)
        if sense is None or kb_id:
            continue  # nearly every mention: no key to compute
        key = name_key(name)
        if key in local_ids or sense[0] not in linker.by_name:
            continue
        if sense[1](text, start, end):
            out[key] = linker.gazetteer_id(linker.by_name[sense[0]])
    return out


def own_id(text: str, gazetteer_ids: frozenset[str]) -> str:
    """An id for the acronym's own node, apart from the gazetteer entry of the same letters."""
    eid = key_to_id(name_key(text))
    return eid if eid not in gazetteer_ids else f"{eid}-acronym"


_WORDY = re.compile(r"[A-Za-z]{3}")


def acronym_definitions(abbreviations: list[tuple], text: str) -> dict[str, str]:
    """Short-form key -> the type its definition gives it
    (:func:`extractors.names.abbreviation_type`: the long form's head, the
    words after the pair), for an acronym that a gazetteer entry of
    another meaning also matched: before, the entry's type voted for the
    paper's own concept. On 3,000 real abstracts (``draw_sample(3000,
    11282026)``, standard) 14 nodes change type, all read: 10 right
    (Metric -> Method "Product quantization (PQ)", "Probabilistic
    programming languages (PPLs)", "Sufficient Dimensionality Reduction
    (SDR)"; Metric -> Task "event entity recognition (EER)"; Method ->
    Metric "Localization Recall Precision (LRP)"; Task -> Method
    "Automatic Speech Recognizer (ASR)"), 2 wrong ("nonlinear problem
    (NLP)" Task -> Method), 2 wrong before and after ("movement time
    (MT)"). On the 448 of 120,000 abstracts with a bare "EM": 14 papers'
    "electromagnetic", "Entity Matching", "Electron Microscopy" are no
    longer Metric."""
    from extractors.names import abbreviation_type

    out: dict[str, str] = {}
    for long_form, _, _, short, _, short_end in abbreviations:
        if not _WORDY.search(long_form) or short in long_form:
            continue  # "by 4.9% (mAP), 4.7% (mAP)": no definition
        out.setdefault(name_key(short), abbreviation_type(long_form, text[short_end:short_end + 60]).value)
    return out
