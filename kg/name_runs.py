"""Mentions that are only ever the first words of a longer capitalised name
are no nodes (issue 28: a fragment is never anything).

A tagger or the gazetteer often stops inside a Title Case name that runs on
after the span: "HVGA [ATIS] Corner Dataset", "[CMU] Panoptic Hand", "the
team of [Information Retrieval] Lab.", "[Diffusion-BasEd] Scene Text
manipulation network", "[RWTH] Aachen University", "[GTX1080Ti] GPU". The
span then names another thing (a dataset other than ATIS, a university, a
lab, a device) or nothing (tests/data/audit/GUIDE.md: "the shorter name
inside a longer one ... is a fragment if it is not a name or names another
thing"). In running English a capitalised word that is no function word and
opens no sentence is part of a name (Chinchor 1998, MUC-7 named-entity
guidelines: names are maximal capitalised runs), so a mention followed by
one, at every mention in the abstract, is the head of an unnamed longer name.

Three readings, from the weakest evidence of a name to the strongest:

- a mention with no gazetteer entry ("name", "defined", "term" or "task"
  evidence, kg/nodes.py) always followed by a capitalised word;
- any mention always followed by a capitalised run that ends in an
  organisation's word ("Lab", "Group", "Centre", "University", "Institute"):
  part of who wrote the paper, never one of the five types;
- a gazetteer name with capitalised words on both sides ("HVGA ATIS Corner
  Dataset", "Notre Dame Natural Language Processing Group"): inside a longer
  name whichever side it is read from. A gazetteer name followed by one
  capitalised word is most often the name itself with a head or a part
  ("BioScope Corpus", "COCO Test-dev", "Gaussian Process Regression",
  "AdaBoost Algorithm", 18 of 26 such on 3,000 real abstracts), so the
  gazetteer needs both sides.

Words after a name that say which part, split, version or campaign task of
it the text means ("Offline Speech Translation Task", "CrowdPose Test",
"PROMETHEE II", "context-free grammar G") do not count, nor a word that
opens another mention (a list written without commas), nor a Benchmark
(campaigns are named with their tracks: "WMT News", "SemEval Task"). Title
mentions count for neither side: a title capitalises every word.

Counts on real abstracts and the audit: see :func:`cut_from_name`.
"""
from __future__ import annotations

import re

from extractors.name_bounds import NOT_NAME_WORDS
from ontology.cut_prefixes import LIST_WORDS

#: One space, then a capitalised word: the name runs on ("ATIS Corner", "CMU Panoptic").
_NEXT_CAPITAL = re.compile(r" ([A-Z][\w\-]*)")
_ROMAN = re.compile(r"^[IVX]{1,4}$")
#: Words after a name that pick its part, split or campaign task, not a longer name.
_NAME_PARTS = frozenset("task tasks track tracks challenge shared subtask test test-dev dev train validation".split())
#: A capitalised run (at most three words, abbreviated with a full stop or not) ending in an
#: organisation's word: "Information Retrieval Lab.", "ADAPT Centre", "RWTH Aachen University".
_ORGANISATION_RUN = re.compile(r" (?:[A-Z][\w\-]*\.? ){0,3}?(?:Lab|Labs|Laborator(?:y|ies)|Group|Cent(?:er|re)"
                               r"|Universit(?:y|ies|as|at|ad|é|e|à)|Institute)\b")
_LAST_WORD = re.compile(r"([A-Za-z][\w-]*) +$")


def next_name_word(after: str) -> str | None:
    """The capitalised word right after a mention (``after`` is the text
    that follows it) when it carries a name on, else None."""
    m = _NEXT_CAPITAL.match(after)
    if m is None:
        return None
    word = m.group(1)
    low = word.lower()
    if len(word) == 1 or _ROMAN.match(word) or low in NOT_NAME_WORDS or low in _NAME_PARTS:
        return None  # a variable ("grammar G"), a version ("II"), a split or campaign task
    return word


def organisation_after(after: str) -> bool:
    """Whether the capitalised run after a mention ends in an organisation's word."""
    return _ORGANISATION_RUN.match(after) is not None


#: A device's head after a mention, with its model number between: "GTX 1080Ti GPU", "RGB-D
#: camera", "NVIDIA Jetson Xavier NX board", "RTK-GPS sensors", "low-DOF robot arms".
_DEVICE_AFTER = re.compile(r"(?:[ -](?:[A-Za-z]*\d[\w.]*|Ti|Xp))*[ -](?:GPU|CPU|TPU|FPGA|camera|sensor|robot|drone|"
                           r"[Ll]i[Dd][Aa][Rr]|processor|board|chip|smartphone)s?\b")


def device_after(after: str) -> bool:
    """Whether the text ``after`` a mention carries it on into a device's
    name or kind ("GTX" of "GTX 1080Ti GPU", "RGB-D" of "RGB-D sensors",
    "NVIDIA" of "NVIDIA GTX295 board"): the mention then names a maker, a
    model line or a modality of hardware, no method, dataset or task
    (tests/data/audit/GUIDE.md: devices are outside the five types).

    Counted on real abstracts (standard tier, every node whose every mention
    is so followed, gazetteer names apart): on 3,000 (``draw_sample(3000,
    12121212)``) 9 nodes, all right to drop (RGB-D four times, NVIDIA,
    GTX295, low-DOF, Jetson Xavier NX, RTK-GPS; NVIDIA of "NVIDIA GTX295
    board"). On 5,802 more never read before (``draw_sample(6000, 34343434)``
    less those) 31 nodes dropped, read one by one: 30 hardware (RGB-D eleven
    times, GPS, IMU, USB cameras, iCub, SCARA, LWR, Velodyne VLP-16, Sony
    XC-HR70, CRS-A465, 2-DOF, eRTIS), 1 unclear (OpenCL of "OpenCL-FPGA", a
    Task node before); 2 RGB-D nodes kept their other mention's type. Audit
    A-J (standard): GTX of "GTX 1080Ti GPU" (part J, a fragment) gone, no
    right node lost; fast and accurate unchanged."""
    return _DEVICE_AFTER.match(after) is not None


_WORD_BEFORE = re.compile(r"([A-Za-z][\w'-]*)[ -]+$")
_NOT_BEFORE = NOT_NAME_WORDS | LIST_WORDS


def content_word_before(before: str) -> bool:
    """Whether the text ``before`` a mention ends in a content word of the
    same clause ("protein" of "protein secondary structure prediction",
    "Discourse" of "Discourse Representation Structure Parsing"), no function
    word ("the", "for"), punctuation or the text's start."""
    m = _WORD_BEFORE.search(before)
    return m is not None and m.group(1).lower() not in _NOT_BEFORE


def name_word_before(before: str) -> bool:
    """Whether the text ``before`` a mention ends in a capitalised word that
    is no function word and opens no sentence ("HVGA" of "HVGA ATIS")."""
    m = _LAST_WORD.search(before)
    if m is None or not m.group(1)[:1].isupper() or m.group(1).lower() in NOT_NAME_WORDS:
        return False
    lead = before[: m.start()].rstrip(" ")
    return bool(lead) and lead[-1] not in ".!?:\n"


def cut_from_name(ents: list, text: str, abstract_start: int, keys: list[str]) -> tuple[set[str], set[str], set[str]]:
    """Keys of the mentions ``ents`` (``(text, kb_id, label, ent_id, start,
    end)`` over ``text``) that, at every mention in the abstract, (1) run on
    into a capitalised word, (2) run on into an organisation's name, (3)
    have capitalised words on both sides. Callers drop (1) where the
    gazetteer does not know the name, (2) always, (3) for gazetteer names;
    never a Benchmark.

    Read on 3,000 real abstracts (``draw_sample(3000, 38110711)``, standard
    tier, every node read) before the rule was written: (1) held for 63
    nodes; of the 37 without a gazetteer entry 26 were cut from a longer name
    or named an organisation, device or place, 11 were names in their own
    right, 5 of them before a part word now left out ("context-free grammar
    G", "PROMETHEE II", "Offline Speech Translation Task"); of the 26
    gazetteer names 8 were cut, 18 named themselves ("BioScope Corpus",
    "AdaBoost Algorithm"), hence (3) for the gazetteer. The rule as written,
    before/after on the same 3,000: 35 nodes dropped, none added; 29 right
    ("UNT HiLT+Ling system", "RWTH Aachen", "Masked ROUGE Regression",
    "GTX1080Ti GPU", "IKEA Ego 3D dataset", "CoachAI Badminton Challenge",
    "Orthogonal Matching Pursuit", WiC of "Multilingual and Cross-lingual
    Word-in-Context Disambiguation" twice), 6 names lost ("BioScope Corpus",
    "SmoothL1 Loss", "LINSPECTOR WEB", "GLM MLEs", "VOC PASCAL", "Relation
    Identification Issue"). On a second 3,000 never read before
    (``draw_sample(3000, 38220722)``, with the two rules of this stop beside
    it) it dropped 32 nodes, all read: 28 right ("RWTH Aachen University"
    twice, "CLARIN Knowledge Center", "TALP Research Center", "UCDP Armed
    Conflicts dataset", "NVIDIA Jetson TX2", "SQRT Sampling", "Best-Worst
    Scaling", "NASA Valkyrie"), 4 names lost ("W2C Wiki Corpus", "GT System",
    "Extended RItz Method", "OffenEval Greek"). Audit A-I (fast / standard / accurate fragments
    19 / 29 / 27 -> 16 / 26 / 23, no right node lost): "Diffusion-BasEd",
    "CMU" of "CMU Panoptic Hand", ATIS of "HVGA ATIS Corner Dataset",
    "Information Retrieval" of the lab; "REST" of "REST API" (wrong_type).
    """
    starts = {e[4] for e in ents}
    marks: dict[str, list[tuple[bool, bool, bool]]] = {}
    for k, e in zip(keys, ents):
        if e[4] < abstract_start:
            continue  # a title capitalises every word
        after = text[e[5]:e[5] + 80]
        word = next_name_word(after)
        runs_on = word is not None and e[5] + 1 not in starts  # another mention is a list, not a longer name
        org = runs_on and organisation_after(after)
        both = runs_on and name_word_before(text[max(abstract_start, e[4] - 40):e[4]])
        marks.setdefault(k, []).append((runs_on, org, both))
    runs = {k for k, m in marks.items() if all(x[0] for x in m)}
    orgs = {k for k, m in marks.items() if all(x[1] for x in m)}
    inside = {k for k, m in marks.items() if all(x[2] for x in m)}
    return runs, orgs, inside
