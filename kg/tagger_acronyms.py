"""A short acronym that only the statistical tagger reads as a name is no node.

The standard and accurate tiers add the spans of a statistical tagger
(extractors/ner.py, extractors/encoder.py: ``span_id="ner"``). A bare
acronym of two to four capitals or digits looks like a model's name, so the
tagger proposes many, and kg/nodes.py then accepts it as a coined name
(``kind == "name"``) with no other evidence. Where the paper does not define
it, no gazetteer entry knows it and no rule of the fast tier picks it, most
such acronyms name a unit, a format, a device, a field or an organisation
("SQL queries", "IMU preintegration", "PDE system", "CAD models", "GPS",
"RMS", "ICT's system", "NLP/IR tasks"), or a dataset or shared task that the
tagger typed Method ("NPS 0.95", "WMT17"): issue 28's wrong-type nodes.

Counted before writing the rule (standard tier against the fast tier, which
has no statistical tagger; a node is the tagger's alone when the fast tier
has no node of that name in the paper):

* On 991 real abstracts never read before (``bench/same_output.draw_sample(1000,
  16281628)``, audit parts left out) such coined-name nodes number 318 of the
  standard tier's 450 coined-name nodes; 45 read at random, 18 right. Those
  that are bare acronyms of 2-5 characters: 103, all read, about 31 right
  (TSCP, DAMD, HAKE, RM3, SURF, PCFG, LTAG, RST, ANOVA, ROS, CLIR, WD50K...).
  Four characters at most leaves out WD50K, ANVIL, CLIPS, DOLCE, ANOVA (right)
  and PDBUD, SALDO, CORBA, LADAR, MIMIC (wrong): 89 nodes, about 25 right.
  Run with the rule, the standard tier drops 82 nodes there (a node's
  mentions must all be the tagger's; a Benchmark is kept), all read: 24 right (ROP, NROP, TSCP,
  DAMD, HAKE, RM3, SURF, LTAG, RTM, RST, TAG, CLIR, CDTB, MLT, ROS...), 58
  wrong (SQL 3 times, IMU 4, IR 3, PDE, ODE, GPS, CAD, RMS, PHI, ICD, NICT,
  ETH, NPS, AOT, devices); 24 relations go with them (21
  paper-level), 11 of them right; 1 node changes type (IR Dataset -> Method,
  wrong both ways).
* On audit parts A-L (standard, extractors 0.6.54; every node judged, 0
  unjudged after) the rule removes 15 nodes: 11 wrong (MP, LTL, BLEX, LED, IR,
  SQL, FAQ, UN, A2, L2F, DVS: 8 wrong type, 2 fragments, 1 generic) and
  4 right (BLAS, RRT, SCP, MNMT); nodes right 0.880 -> 0.886 (Method 0.868 ->
  0.879), part L alone 0.821 -> 0.833. Paper-level relations: 6 right and 2
  to generic targets fewer (P 0.888 -> 0.889, R 0.439 -> 0.438). The shape of
  up to five characters would also remove FISTA, FCVID, DBEST, CIFAR (right),
  so it is not used. The fast tier has no statistical tagger: unchanged.

Tried and not kept: a description around a coined word, lower-case first
("hybrid HMM-neural network recognizer", "low-cost SMU", "modular USD
framework"), as a second shape. On the 991 abstracts 20 such tagger-only
nodes, all read, 4 right; but on A-L it removed 3 right nodes ("micro-averaged
F1-score" twice, "multilingual WSD" of part L) for 3 wrong ones, and 6 right
paper-level relations with them (part L alone lost a right Task and 2
relations, no wrong node).

The accurate tier's encoder (extractors/encoder.py) marks its candidates
"ner" too, and its acronyms are better: on A-L the rule removes 9 of its
nodes, 7 right (MDP, DSEC, BLAS, BLEX, RRT, SCP, MNMT) and 2 wrong (HR,
DVS); nodes right 0.887 -> 0.888, paper-level right 1928 -> 1920 (P 0.896,
R 0.447 -> 0.445); part L 0.828 -> 0.833. So the rule reads the CNN's
candidates only: the encoder marks its docs (``TAGGER_KEY`` of
extractors/doctext.py, ``DocData.tagger``) and kg/extract.py skips the rule there.

A Benchmark label is kept: the tagger's acronym was read as a campaign by
the campaign rules ("Hitachi at MRP 2019: ..."; on the fresh read only "SDP"
of "at SDP 2020", a workshop, had it).

A definition in the paper (kind "defined"), a gazetteer entry, a title, a
rule's pick (the "proposal" cue, a pattern) or any mention of the acronym
that the rules found keep it a node: the rule reads only what the tagger
alone supports.
"""
from __future__ import annotations

import re

#: Two to four capitals or digits, a capital first: "SQL", "IMU", "L2F", "A2"; not "WD50K", "BERT-2".
_SHORT_ACRONYM = re.compile(r"[A-Z][A-Z0-9]{1,3}")

#: The ``span_id`` of the statistical taggers' candidates (extractors/ner.py, extractors/encoder.py).
TAGGER = "ner"


def tagger_acronym(text: str) -> bool:
    """A bare acronym of 2-4 capitals or digits ("SQL", "IMU", "L2F"), the shape
    the tagger proposes as a name most often wrongly (see the module docstring)."""
    return _SHORT_ACRONYM.fullmatch(text) is not None


def tagger_only_keys(keys: list[str], sources: list[str]) -> set[str]:
    """The name keys all of whose mentions in the paper the statistical tagger alone found."""
    tagged = {k for k, s in zip(keys, sources) if s == TAGGER}
    return tagged - {k for k, s in zip(keys, sources) if s != TAGGER}


def tagger_guess(text: str, key: str, kind: str | None, tagger_only: set[str]) -> bool:
    """Whether a mention's only evidence of naming something is the tagger's guess
    at a short acronym: a coined-name node that no rule, definition or gazetteer backs."""
    return kind == "name" and key in tagger_only and tagger_acronym(text)


#: Words that say a name is a collection: the tagger's Dataset guess is trusted only beside one. A split
#: names data too: "35 BLEU on the WMT'14 English-German test set" (PwC results gold, dev half: the link was
#: lost when the split was not read as one, extractors 0.6.56 before this).
_COLLECTION_WORD = re.compile(r"\b(?:datasets?|data\s+sets?|data|corpus|corpora|treebanks?|benchmarks?|databases?|"
                              r"wordnets?|collections?|lexicons?|resources?|"
                              r"(?:test|training|dev|development|validation|evaluation|held-out)\s+sets?)\b", re.I)
#: Characters read on each side of a mention for a collection word.
_NEAR = 40


#: What may stand between a collection word and a member of the list it heads: names, numbers,
#: commas, "and"/"or" and the words that open a list ("benchmarks including CIFAR-LT, ImageNet-LT,
#: Places-LT, and iNaturalist-LT", "four datasets: A, B and C"). A name runs to the end of its word
#: (or to a "such as" / "as well as" written onto it, the one place a shorter name matches more): a name
#: free to end at any capital or digit ("[A-Z0-9][\w.+/-]*" alone) splits "CIFAR10, CIFAR100, SVHN, STL10
#: and MNIST show" 2^n ways before the fullmatch fails (4 s for that gap; 2 min for 30 capitals).
_LIST_AFTER_COLLECTION = re.compile(
    r"(?:\s*(?:\(|\)|:|,|and|or|as\s+well\s+as|including|such\s+as|like|namely|e\.g\.,?|i\.e\.,?|viz\.|the|"
    r"[A-Z0-9](?:[\w.+/-]*(?![\w.+/-])|[\w.+/-]*?(?=such\s+as|as\s+well\s+as))|\[\d+(?:,\s*\d+)*\]))*\s*$")
#: A collection word, then words of its own phrase, then the parenthesis the mention opens:
#: "a ... corpus of approximately 3 million parallel sentences (ASPEC-JE)".
_PHRASE_BEFORE_PARENTHESIS = re.compile(r"[^.;:,()]{0,80}\(\s*$")
#: How far back a list or a named phrase is read for its collection word.
_LIST_REACH = 200


def near_collection_word(text: str, start: int, end: int) -> bool:
    """Whether a collection word stands within 40 characters of the mention ``text[start:end]``
    or inside it ("the NORDLAND dataset", "a new Icelandic corpus, MIM-GOLD", "Thai WordNet"),
    or heads the list the mention is a member of ("common long-tailed benchmarks including
    CIFAR-LT, ImageNet-LT, Places-LT, and iNaturalist-LT"), or ends a phrase the mention names
    in parentheses ("a ... corpus of approximately 3 million parallel sentences (ASPEC-JE)")."""
    if _COLLECTION_WORD.search(text, max(0, start - _NEAR), min(len(text), end + _NEAR)) is not None:
        return True
    before = text[max(0, start - _LIST_REACH):start]
    last = None
    for last in _COLLECTION_WORD.finditer(before):
        pass
    if last is None:
        return False
    between = before[last.end():]
    return _LIST_AFTER_COLLECTION.fullmatch(between) is not None or _PHRASE_BEFORE_PARENTHESIS.fullmatch(between) is not None


def tagger_dataset_guess(key: str, kind: str | None, label: str, tagger_only: set[str], near: set[str]) -> bool:
    """Whether a Dataset node's only evidence is the tagger's guess at a coined name
    (kind "name", every mention the tagger's) with no collection word near any of its
    mentions (``near``: the keys that have one): no node.

    The statistical tagger reads many capitalised names as datasets by their
    place in a sentence alone: relation names ("MadeOf, UsedFor, AtLocation"),
    infrastructures ("communities as CLARIN, META-SHARE"), a robot ("humanoid
    robot, Hoap-2"), citations and dates ("Turan et al. NIST 2015 [35]",
    "February 1979"), campaigns ("COCO-Place Challenge in 2017"). A dataset is
    nearly always written beside a collection word somewhere in its abstract.
    Counted on draw_sample(1000, 17171742) (991 abstracts, standard tier,
    extractors 0.6.55; every one read): 44 Dataset nodes of kind "name", 12
    without a collection word near any mention, 10 of them no dataset (the
    above, TakeLab, "EnglishWords" cut from "Norms of EnglishWords",
    "MultiLing 2019" a campaign) and 2 datasets (Japanese ConceptNet, NQ-Open);
    of the 32 beside one, about 28 read right. Run with the rule there, 10 nodes go
    (Japanese ConceptNet and "MultiLing 2019" have a mention a rule found): 9 wrong, 1
    right (NQ-Open); 5 paper relations with them, 2 wrong (EVALUATES_ON AtLocation, the
    robot Hoap-2) and about 3 right (EVALUATES_ON NQ-Open and the COCO-Place Challenge,
    USES TakeLab). Audit A-M (standard, 0 unjudged): 1 node goes, GitHub of part M
    ("available on GitHub", wrong_type); paper-level relations unchanged. (ASPEC-JE of part A,
    right, went too while only the 40 characters counted: its "corpus" stands further back, and
    the parenthesis rule of :func:`near_collection_word` keeps it.)"""
    return label == "Dataset" and kind == "name" and key in tagger_only and key not in near
