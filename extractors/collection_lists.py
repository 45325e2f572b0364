"""Coined names written right before a collection's head word are that collection.

"Experiments on the SMCalFlow and TreeDST datasets", "on the Foo dataset",
"CIFAR-10, CIFAR-100 and SVHN benchmarks": the head word says what the names
are, whatever the tagger read (it missed SMCalFlow and typed TreeDST a Method
on an audit abstract). A head word naming the category of the noun phrase
before it is the lexico-syntactic evidence Hearst (1992) reads hyponymy from
("the X and Y datasets" ~ "datasets such as X and Y"); here it types and finds
the names, and a plain function does it so a test can call it.

Only coined words (:func:`extractors.names.is_name_like`: an inner capital
or a digit) count, each a whole word with no name word before it (a
capitalised or coined word before the run means the name may be longer:
"MS COCO dataset", which the gazetteer or the tagger bounds). A plural head
needs two names or more: one coined word before a plural names a *kind* of
collection ("RDF datasets", "MRI datasets", :func:`collection_names`).

Counted on real abstracts never read before (standard tier, before/after,
every change read): on ``draw_sample(3000, 73737373)`` 25 nodes changed, 23
right (PartNet-Mobility, Scan2CAD, XFUND, I3Media, FashionAI and DARN, Wire57,
OLID2019/OLID2020, NUS-WIDE, Reddit-L2, LC-QuAD-1.0, TAC2008/TAC2009, AFLW2000,
BIWI, CGED-2018 now found or typed Dataset; OAEI a Benchmark), 2 wrong (the
"NE corpus" of named entities; "the AMR dataset" giving AMR a Method node).
On 700 abstracts of ``draw_sample(8000, 91919191)`` that write a capitalised
word before a collection word (outside the first sample): 58 changed, 51 right
(SMCalFlow, TreeDST, LS07/CoInCo, CSQA, HSK, NCSLGR, Dolphin18K, DGT-TM,
Completion3D, MultiWOZ2.1, EWT, CATiB and UD treebanks, ...), 7 wrong (task
acronyms before "benchmark datasets" without a definition: FSCIL, XCSR, CLIR;
"TS6 benchmark subset" and IWSLT-15 as Benchmark/Dataset swaps; EVOPS, a
benchmark a title names, typed Dataset; CoNLL). Together 74 of 83 right (89%).
The fast tier (no tagger) gains most: on the first sample 69 nodes changed
there (both rules of 0.6.29-0.6.30), 64 right (DementiaBank, TIDIGITS, WikiQA
and SelQA, RST-DT and CDTB, KITTI-360, VATEX, TroFi, ...), 5 wrong (AMR, NE,
"the existing LDC corpus", PHEME as a Benchmark, "BioNLP" of "the BioNLP
Protein Coreference dataset").
The guards (indefinite article, hyphenated participle, defined short form)
came from the first read of that second sample and removed only wrong changes
there (COVID-19, RGB-D, POS-tagged, FrameNet-annotated, L1/L2; one right,
YouTube, lost).
"""
from __future__ import annotations

import re

from .anchored_scan import finditer_near
from .names import is_name_like

#: A coined word as written: letters, digits and the marks names glue ("CIFAR-10", "CodeT5+", "v1.1").
_WORD = r"[A-Za-z0-9](?:[A-Za-z0-9.+_'-]*[A-Za-z0-9+])?"
#: A list of words ending right before a collection's head word: "A, B, and C datasets".
#: The lookbehind starts a list only at a word's first character: the same
#: matches (every abstract of ``draw_sample(3000, 4242)``), a fifth of the time,
#: because the engine no longer retries the list at every letter of every word.
_LIST = re.compile(
    rf"(?<![A-Za-z0-9.+_'-])(?P<list>{_WORD}(?:(?:\s*,\s*|\s+(?:and|or|&)\s+|\s*,\s*(?:and|or)\s+){_WORD}){{0,9}})"
    r"\s+(?P<head>datasets?|data\s+sets?|corpus|corpora|treebanks?|benchmarks?)\b(?!-)")
_ITEM = re.compile(_WORD)
#: The head word a list ends on, where _LIST reads it (white space before it).
#: A list spans at most 19 chunks (10 words, 9 conjunctions) before its head,
#: so _LIST runs only on the 20 chunks before each head (extractors.anchored_scan:
#: the same matches, 0.21 -> 0.0x ms an abstract).
_HEAD_AT = re.compile(r"(?<=\s)(?:datasets?|data\s+sets?|corpus|corpora|treebanks?|benchmarks?)\b(?!-)")
#: Literal parts of every head word the list regex ends on (it is case-sensitive).
_HEAD_WORDS = ("data", "corp", "treebank", "benchmark")
_SEPARATORS = re.compile(r"^(?:\s*,\s*|\s+(?:and|or|&)\s+|\s*,\s*(?:and|or)\s+)$")
_DATA_AFTER = re.compile(r"\s+(?:datasets?|data\b|corpus|corpora)", re.I)
_PLURAL = frozenset(("datasets", "sets", "corpora", "treebanks", "benchmarks"))


def _label(head: str) -> str:
    return "Benchmark" if head.lower().startswith("bench") else "Dataset"


def _open_before(text: str, at: int) -> bool:
    """No name word right before ``at``: the run starts a noun phrase ("on
    the X", "(X", "new X"), so it is not the tail of a longer name."""
    before = text[max(0, at - 40) : at]
    if before and not before[-1].isspace() and before[-1] not in "(\"'[":
        return False  # glued to something: "Pre-X", "/X"
    words = before.split()
    if not words:
        return True
    prev = words[-1].strip("(\"'[")
    return not prev or not (prev[:1].isupper() or prev[:1].isdigit() or is_name_like(prev))


#: "POS-tagged corpus", "FrameNet-annotated corpus": a hyphenated participle is a modifier, no name.
_PARTICIPLE = re.compile(r"-[a-z]+ed$")
#: "a public COVID-19 dataset", "a new RGB-D dataset": an indefinite article before the
#: name (and lower-case words) makes it a dataset *of* something, not one named so.
_INDEFINITE = re.compile(
    r"\b(?:[Aa]n?|as)\s+(?:(?!(?:the|of|on|in|for|with|from|to|and|or|by|at)\s)[a-z][\w-]*\s+){0,3}$")
_COLLECTION_WORD = re.compile(r"\b(?:corpus|corpora|datasets?|data\s+sets?|treebanks?|benchmarks?)\b", re.I)


def collection_list_names(text: str, defined: dict[str, str] | None = None) -> list[tuple[int, int, str]]:
    """(start_char, end_char, "Dataset" | "Benchmark") of each coined name
    ``text`` writes right before a collection's head word: one name before a
    singular head ("the SMCalFlow dataset"), two or more coordinated names
    before a plural one ("the SMCalFlow and TreeDST datasets"). Every item of
    the list must be coined; the run must not continue a longer name.
    ``defined``: {short form: long form} of the abstract's abbreviations; a
    defined short form names a collection only when its long form says so
    ("few-shot class-incremental learning (FSCIL) ... FSCIL benchmark
    datasets" are datasets *for* the task)."""
    defined = defined or {}
    out: list[tuple[int, int, str]] = []
    if not any(head in text for head in _HEAD_WORDS):
        return out
    for m in finditer_near(_LIST, text, _HEAD_AT, 20, _HEAD_WORDS):
        head = m.group("head").lower().split()[-1]
        items = [it for it in _ITEM.finditer(m.group("list")) if it.group() not in ("and", "or")]
        plural = head in _PLURAL
        # the list regex is greedy from its first word: keep the longest tail of coined items
        coined: list[re.Match] = []
        for item in reversed(items):
            word = item.group()
            if (not is_name_like(word) or _PARTICIPLE.search(word)
                    or word in defined and not _COLLECTION_WORD.search(defined[word])):
                break
            coined.insert(0, item)
            if not plural:
                break
        if not coined or plural and len(coined) < 2:
            continue
        base = m.start("list")
        seps_ok = all(_SEPARATORS.match(m.group("list")[a.end() : b.start()]) for a, b in zip(coined, coined[1:]))
        first = base + coined[0].start()
        if not seps_ok or not _open_before(text, first) or _INDEFINITE.search(text, max(0, first - 60), first):
            continue
        # "on X, Y and Z benchmarks": datasets used as benchmarks (GUIDE: a Benchmark is a suite);
        # "the CAD-120 benchmark dataset" is a dataset
        label = "Dataset" if plural or _DATA_AFTER.match(text, m.end()) else _label(head)
        out += [(base + it.start(), base + it.end(), label) for it in coined]
    return out
