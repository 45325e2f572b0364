"""A coined name listed after "N datasets:", "datasets such as", "benchmarks including" is a Dataset.

The statistical tagger (extractors/ner.py) reads many dataset names as
Methods by their shape ("five public datasets: MSRA-B [30], PASCAL-S [28],
DUT-OMRON ..."; ner16 counted Dataset->Method as SciER train's largest type
confusion, 263 spans), and nothing after it looked at the list the name
stands in. The paper's own words type the list's members: a plural
collection word that opens a list (a colon, "such as", "including",
"namely", "e.g.", "like") heads names of collections. Read only of coined
names (kind "name", kg/nodes.py) the pipeline typed Method: a gazetteer
entry keeps its type, a defined pair its long form's.

Counted on draw_sample(1000, 28022855) (994 abstracts, standard tier,
extractors 0.6.55): of the 40 Method nodes whose own words or list say
collection (all read), 6 stood in such a list; 4 coined names, all datasets
(ASLex, COCO-OpenImages, DOTAv1.5, VisDrone), and 2 gazetteer models
(BERT, ELMo) further on in another "such as" list. Run with the rule there:
3 nodes retyped Method -> Dataset, all right (ASLex, DOTAv1.5, VisDrone;
"large-scale COCO-OpenImages" is out of reach, a lower-case word before it).
SciER train (kg extract, standard, mentions matched to gold spans): 15
mentions retyped, 14 of them gold Datasets (MSRA-B, HKU-IS, M-VAD, MLDoc,
MPII-MD, UCM-captions...: Dataset->Method 179 -> 165), 1 with no gold span
(NYU), none created. Audit A-M (standard and fast): unchanged.
"""
from __future__ import annotations

import re

#: A plural collection word that opens a list, then the list up to the mention: names, numbers,
#: citations, commas, "and"/"or", "the" and a short parenthesis ("(DUTS)"); possessive, so that a
#: run of capitals is not split every way when the list does not reach the mention.
_LIST_BEFORE = re.compile(
    r"\b(?i:datasets|data\s+sets|corpora|benchmarks|databases|lexicons|treebanks)\s*(?:\([^()]{0,30}\)\s*)?"
    r"(?::|,?\s*(?i:such\s+as|including|namely|e\.g\.,?|i\.e\.,?|like|viz\.))"
    r"(?:\s*(?:,|(?:and|or|as\s+well\s+as|the)\b|[A-Z0-9][\w.+/-]*+|\[\d+(?:[,\u2013-]\s*\d+)*\]|\([^()]{0,30}\)))*+\s*$")
#: How far back the list's head is read.
_REACH = 200


def in_collection_list(text: str, start: int) -> bool:
    """Whether the mention at ``text[start:]`` is a member of a list headed by a plural
    collection word and a list opener ("aerial datasets such as HRSC2016, DOTAv1.0,
    DOTAv1.5 and VisDrone"; "five public datasets: MSRA-B [30], PASCAL-S [28]")."""
    return _LIST_BEFORE.search(text, max(0, start - _REACH), start) is not None


def listed_dataset(label: str, kind: str | None, key: str, listed: set[str]) -> bool:
    """Whether a coined-name Method (``kind`` "name") has a mention in such a list (``listed``:
    the keys that have one): its node is then a Dataset."""
    return label == "Method" and kind == "name" and key in listed
