"""Names a paper gives its own work without a proposal verb before them.

"Our model, called Slice Transformer, employs ...", "we train a
light-weight CNN, named ExHistCNN", "A single-network model, named ZoomNet,
is devised", "In this paper, MA-MRC, a continual MRC model ..., is
proposed": the naming word or the passive proposal says the name is the
paper's, where :func:`extractors.names.proposal_spans` (the "we propose X"
pattern family, Gupta & Manning, IJCNLP 2011) finds no cue verb before it.
Used by :func:`extractors.names.mlkg_names` for sentences with no
cue-found proposal.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc

from .doctext import Tokens, get_ext, tokens
from .names import GENERIC_WORDS, is_generic, is_name_like

#: A name given without a proposal verb: "Our model, called Slice
#: Transformer, employs ...", "we train a light-weight CNN, named ExHistCNN",
#: "A single-network model, named ZoomNet, is devised". The naming word
#: counts when the paper's own thing is named: "our" before it in its
#: clause, a first-person verb other than one of use or study before it
#: ("we analyze a ... method named SSCN", "we use a ... network named
#: JeuxDeMots" name others' work), or a present passive proposal after it.
#: On 3,000 real abstracts (tmp sample, every 50th conference and 19th ACL
#: record) 16 sentences name a thing so with no proposal cue before the
#: name; 13 are the paper's own, and the 3 that are not (SSCN, JeuxDeMots,
#: "setup called Blackwell approachability") the use/study verbs and the
#: name-like test leave out. (The naming words after a proposal cue were
#: already read by :func:`extractors.names.proposal_spans`.)
_NAMING_CUE = re.compile(r"\b(?:called|named|dubbed|termed|coined)\s+[\"“'‘]?(?=[A-Z0-9])")
_OUR_BEFORE = re.compile(r"\bour\s+(?:[\w-]+\s+){0,6}?[\w-]+\s*,?\s*(?:\([^)]{1,20}\)\s*)?,?\s*$", re.I)
_WE_VERB_BEFORE = re.compile(
    r"\b(?:we|this (?:paper|work|study|article)|in this (?:paper|work|study|article),?\s+we)\s+(?:\w+ly\s+|also\s+|first\s+|then\s+)?"
    r"(?!(?:use|uses|used|analy[sz]e|analy[sz]es|consider|considers|study|studies|adopt|adopts|employ|employs|leverage|"
    r"leverages|utili[sz]e|utili[sz]es|apply|applies|follow|follows|revisit|revisits|examine|examines|investigate|"
    r"investigates|explore|explores|evaluate|evaluates|test|tests|compare|compares|extend|extends)\b)[a-z]+s?\s+"
    r"(?:an?|the|two|three)\s+[^,;:.]{0,80}?,?\s*$", re.I)
_PASSIVE_AFTER = re.compile(r"[^;:.]{0,40}?,?\s*(?:is|are)\s+(?:\w+ly\s+)?(?:proposed|devised|introduced|presented|developed|designed)\b")
_CLAUSE_CUT = re.compile(r"[;:]|\.\s")
#: "In this paper, MA-MRC, a continual MRC model with ..., is proposed.": a
#: coined name opening the sentence, its description in apposition, and a
#: present passive proposal. Rare: on every third abstract of both files
#: (about 40,000) the pattern holds 3 times (EDAR, HueCode, AdapterBias),
#: all proposals.
_PASSIVE_APPOSITION = re.compile(
    r"(?:(?:[Ii]n this (?:paper|work|study|article|letter)|Here|To this end|Specifically|Therefore|Thus|Finally|First|Then),?\s+)?"
    r"([A-Z][\w+&-]*[A-Z0-9][\w+&-]*)\s*(?:\([^)]{1,30}\)\s*)?,\s*(?:a|an|the)\s+[^;:]{3,160}?,\s*(?:is|are)\s+"
    r"(?:\w+ly\s+)?(?:first\s+)?(?:proposed|devised|introduced|presented|developed|designed)\b")


def passive_apposition(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Char span of the name a sentence opens with and says, in the passive,
    is proposed (see :data:`_PASSIVE_APPOSITION`), or None."""
    if text.find("ed", start, end) < 0:  # (no slice of the sentence: find reads within the bounds)
        return None
    m = _PASSIVE_APPOSITION.match(text, start, end)
    return m.span(1) if m and is_name_like(m.group(1)) else None


def may_name(text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether ``text[start:end]`` holds a naming word's letters, which every
    :func:`naming_cues` match needs (five bounded finds, not five copies of
    the sentence). False for a whole abstract means false for each of its
    sentences: a caller asks once per abstract first."""
    end = len(text) if end is None else end
    return (text.find("call", start, end) >= 0 or text.find("name", start, end) >= 0 or text.find("dub", start, end) >= 0
            or text.find("term", start, end) >= 0 or text.find("coin", start, end) >= 0)


def naming_cues(text: str, start: int, end: int) -> list[int]:
    """Char offsets where a naming word ("called", "named", ...) of the
    sentence ``text[start:end]`` gives the name of the paper's own thing
    (see :data:`_NAMING_CUE`); the name starts after it."""
    out = []
    if not may_name(text, start, end):
        return out
    for m in _NAMING_CUE.finditer(text, start, end):
        before = text[start : m.start()]
        cut = list(_CLAUSE_CUT.finditer(before))
        clause = before[cut[-1].end():] if cut else before
        if (_OUR_BEFORE.search(clause[-100:]) or _WE_VERB_BEFORE.search(clause[-140:])
                or _PASSIVE_AFTER.match(text, _name_end(text, m.end(), end), end)):
            out.append(m.start())
    return out


_CAPITALISED_RUN = re.compile(r"[\w+&.-]+(?:\s+[A-Z0-9][\w+&.-]*){0,4}")


def _name_end(text: str, at: int, end: int) -> int:
    """End of the capitalised words from ``at`` (for the passive check)."""
    m = _CAPITALISED_RUN.match(text, at, end)
    return m.end() if m else at

#: A Title Case name after a naming word runs over its capitalised words
#: ("Our model, called Slice Transformer, employs ..."); a long form with
#: its abbreviation is taken whole ("dubbed Heterogeneous Auto-Similarities
#: of Characteristics (HASC)").
_TITLE_RUN = re.compile(r"[A-Z0-9][\w+&.'’-]*(?:[ ][A-Z0-9][\w+&'’-]*){0,5}")


def named_spans(doc: Doc, sent: tuple[int, int, int, int], at: int, known: set[int],
                toks: Tokens | None = None) -> list[tuple[int, int]]:
    """The token span of the name after the naming word at char ``at``
    (:func:`naming_cues`), if it is a name (name-like or Title Case) and
    not a curated one."""
    toks = tokens(doc) if toks is None else toks
    text = toks.text
    m = _NAMING_CUE.match(text, at)
    if m is None:
        return []
    run = _TITLE_RUN.match(text, m.end(), sent[3])
    if run is None:
        return []
    a, b = run.start(), run.end()
    while b > a and text[b - 1] in ".'’-":
        b -= 1
    for abbr in get_ext(doc, "abbreviations"):
        if abbr.long_start == a:
            b = max(b, abbr.long_end)
    name = text[a:b]
    words = name.split()
    if is_generic(name) or words[0].lower() in GENERIC_WORDS:
        return []
    bounds = toks.char_span(a, b, expand=True)
    if bounds is None or any(i in known for i in range(*bounds)):  # "called LSTM Noisy Channel Model": LSTM's span wins
        return []
    return [bounds]
