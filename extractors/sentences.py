"""Sentence boundaries that survive "e.g.", "i.e.", "et al.", "vs." and titles.

spaCy's rule-based sentencizer splits after every ``.`` token; abstracts are
full of abbreviations and decimal-free "Fig." references, so a boundary is
set only after ``. ! ?`` when the previous token is not a known abbreviation
and the next token starts like a sentence. A blank line (between title and
abstract) is always a boundary.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

ABBREVIATIONS = frozenset(
    "e.g i.e et al vs cf etc fig figs eq eqs sec resp approx no dr mr ms prof st "
    "e.g. i.e. al. vs. cf. etc. fig. eq. sec. resp. approx. no.".split()
)


def sentence_starts(doc: Doc) -> list[bool]:
    """``is_sent_start`` for every token (first token always True)."""
    starts = [False] * len(doc)
    if not len(doc):
        return starts
    starts[0] = True
    for i in range(1, len(doc)):
        prev = doc[i - 1]
        tok = doc[i]
        if prev.is_space and "\n" in prev.text:
            starts[i] = not tok.is_space
            continue
        if prev.text in {".", "!", "?"} or (prev.text.endswith(".") and len(prev.text) > 1 and prev.is_punct):
            before = doc[i - 2].lower_.rstrip(".") if i >= 2 else ""
            if before in ABBREVIATIONS or (len(before) == 1 and before.isalpha()):
                continue
            first = tok.text[:1]
            if first.isupper() or first.isdigit() or first in "\"'([":
                starts[i] = True
    return starts


@Language.component("mlkg_sentences_v1")
def mlkg_sentences(doc: Doc) -> Doc:
    """Set sentence boundaries with :func:`sentence_starts`."""
    for tok, start in zip(doc, sentence_starts(doc)):
        tok.is_sent_start = start
    return doc
