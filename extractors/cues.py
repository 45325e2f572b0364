"""Proposal cues: the verbs by which a paper says it proposes something,
and whether a cue speaks of the paper's own work.

"We propose / introduce / present X" is the pattern family used for
method-name extraction in scientific text (Gupta & Manning, IJCNLP 2011;
Hou et al., "TDMSci", EACL 2021); :func:`cue_window` adds who proposes,
since abstracts also say what earlier work proposed. Used by
:mod:`extractors.names`.
"""
from __future__ import annotations

import re

from .doctext import FoldedPattern

#: Proposal cue verbs; found with ``str.find`` on the lower-cased text, each
#: hit then checked by :data:`_CUE` (a case-insensitive search per sentence
#: cost about 110 us per abstract, a tenth of the rules-only pipeline).
_CUE_STEMS = ("propose", "introduce", "present", "develop", "design", "release", "contribute", "build",
              "construct", "create", "curate", "offer")
_CUE = FoldedPattern(
    r"\b(?:propose[sd]?|introduce[sd]?|present(?:s|ed)?|develop(?:s|ed)?|design(?:s|ed)?|release[sd]?"
    r"|contribute[sd]?|build|construct(?:s|ed)?|create[sd]?|curate[sd]?|offer(?:s|ed)?)\b"
)
#: Who proposes: a cue verb counts when the paper is its subject ("we
#: propose", "this paper presents", "here, ...") or it marks the paper's own
#: thing ("the proposed X"); "existing RS methods offer", "recently proposed
#: PonderNet", "some studies propose" speak of prior work (14 of 18 subjectless
#: cue proposals in the seeds were such).
_OWN_SUBJECT = (" we ", " our ", " us ", " here ", " in this ", " this paper ", " this work ", " this study ",
                " this article ", " this report ", " this letter ", " this thesis ", " this note ", " this survey ",
                " this position paper ")
#: Punctuation as spaces, for the word checks of :data:`_OWN_SUBJECT` (a regex
#: search with the same words took 4 us a sentence, most of the check's cost).
_WORDS_ONLY = str.maketrans({c: " " for c in ",;:.()[]\"'\n\t-"})
#: The paper's own in the present passive or by place: "a ... approach is
#: proposed", "the project presented here" ("have been proposed" is prior work).
_OWN_PASSIVE = re.compile(r"\b(?:is|are)\s+(?:[a-z]+ly\s+|first\s+|then\s+|also\s+)?$", re.I)
_PASSIVE_CUES = frozenset(("proposed", "presented", "introduced"))  # "is designed to" describes
_OWN_AFTER = re.compile(r"\s+(?:here|in\s+this\s+(?:paper|work|study|article|report))\b", re.I)
_ACTION_AFTER = re.compile(r"\s+(?:to\s|[a-z]+ing\b)")
_OWN_ATTRIBUTE = re.compile(r"\b(?:the|our)\s+$", re.I)
#: Tokens after "the proposed" in which its name must start ("the proposed
#: architecture, the Gated Transformer-XL (GTrXL)").
ATTRIBUTE_WINDOW = 10
CUE_WINDOW = 26


def cue_spans(text: str, low: str | None) -> list[tuple[int, int]]:
    """Char spans of proposal cue verbs in ``text`` (``low``: it lower-cased,
    or None when that moves offsets), left to right."""
    if low is None:
        return [m.span() for m in _CUE.any_case.finditer(text)]
    starts = set()
    for stem in _CUE_STEMS:
        i = low.find(stem)
        while i >= 0:
            starts.add(i)
            i = low.find(stem, i + len(stem))
    out = []
    for i in sorted(starts):
        m = _CUE.folded.match(low, i)
        if m is not None and (not out or i >= out[-1][1]):
            out.append(m.span())
    return out


def cue_window(text: str, sent_start: int, cue: tuple[int, int]) -> int:
    """How many tokens after ``cue`` a proposed name may start in: the whole
    window when the paper is the verb's subject, a few after "the proposed",
    none when the verb speaks of someone else (see :data:`_OWN_SUBJECT`)."""
    before = text[sent_start : cue[0]]
    passive = text[cue[0] : cue[1]].lower() in _PASSIVE_CUES and _OWN_PASSIVE.search(before[-24:])
    if passive or _OWN_AFTER.match(text, cue[1]):
        return CUE_WINDOW  # "an approach is proposed ...", "the project presented here"
    if _ACTION_AFTER.match(text, cue[1]):
        return 0  # "we propose to exploit NL-PL ...", "we propose improving PonderNet": a plan, not a name
    low = before.lower()
    if " we " in low or low.startswith("we "):  # the common case, without the word table below
        return CUE_WINDOW
    words = " " + low.translate(_WORDS_ONLY).replace("  ", " ") + " "
    if any(w in words for w in _OWN_SUBJECT):
        return CUE_WINDOW
    return ATTRIBUTE_WINDOW if _OWN_ATTRIBUTE.search(before[-8:]) else 0
