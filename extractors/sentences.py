"""Sentence boundaries that survive "e.g.", "i.e.", "et al.", "vs." and titles.

spaCy's rule-based sentencizer splits after every ``.`` token; abstracts are
full of abbreviations and decimal-free "Fig." references, so a boundary is
set only after ``. ! ?`` when the previous token is not a known abbreviation
and the next token starts like a sentence. A blank line (between title and
abstract) is always a boundary.
"""
from __future__ import annotations

import re

import numpy
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from .doctext import doc_text

ABBREVIATIONS = frozenset(
    "e.g i.e et al vs cf etc fig figs eq eqs sec resp approx no dr mr ms prof st "
    "e.g. i.e. al. vs. cf. etc. fig. eq. sec. resp. approx. no.".split()
)


_BOUNDARY = re.compile(r"(?<=[.!?])[\"')\]]?\s+(?=[A-Z0-9\"'(\[])|\n\s*\n\s*")
_LAST_WORD = re.compile(r"(\S+)\s*$")


def sentence_offsets(text: str) -> list[int]:
    """Character offsets where sentences start (0 first), by rule on the text."""
    starts = [0]
    for m in _BOUNDARY.finditer(text):
        end = m.end()
        if end >= len(text):
            continue
        if "\n" not in m.group(0):
            word = _LAST_WORD.search(text, max(0, m.start() - 12), m.start() + 1)
            prev = word.group(1).lower().rstrip(".!?\"')]") if word else ""
            if prev in ABBREVIATIONS or (len(prev) == 1 and prev.isalpha()):
                continue
        starts.append(end)
    return starts


def sentence_starts(doc: Doc) -> list[bool]:
    """``is_sent_start`` for every token (first token always True)."""
    flags = _flags(doc)
    return [bool(f == 1) for f in flags]


def _flags(doc: Doc) -> numpy.ndarray:
    idx = doc.to_array([IDX]).reshape(-1) if len(doc) else numpy.zeros(0, dtype="uint64")
    flags = numpy.full(len(doc), -1, dtype="int32")
    if len(doc):
        offsets = numpy.array(sentence_offsets(doc_text(doc)), dtype="uint64")
        pos = numpy.searchsorted(idx, offsets)
        pos = pos[pos < len(doc)]
        flags[pos] = 1
        flags[0] = 1
    return flags


@Language.component("mlkg_sentences_v1")
def mlkg_sentences(doc: Doc) -> Doc:
    """Set sentence boundaries with :func:`sentence_starts`."""
    if len(doc):
        doc.from_array([SENT_START], _flags(doc).astype("int64").astype("uint64").reshape(-1, 1))
    return doc
