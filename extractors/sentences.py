"""Sentence boundaries that survive "e.g.", "i.e.", "et al.", "vs." and titles.

spaCy's rule-based sentencizer splits after every ``.`` token; abstracts are
full of abbreviations and decimal-free "Fig." references, so a boundary is
set only after ``. ! ?`` when the previous token is not a known abbreviation
and the next token starts like a sentence. A blank line (between title and
abstract) is always a boundary.
"""
from __future__ import annotations

import re
from bisect import bisect_left

import numpy
from spacy.attrs import SENT_START
from spacy.tokens import Doc

from .batching import batch_component
from .doctext import SENTENCES_KEY, doc_text, tokens

ABBREVIATIONS = frozenset(
    "e.g i.e et al vs cf etc fig figs eq eqs sec resp approx no dr mr ms prof st "
    "e.g. i.e. al. vs. cf. etc. fig. eq. sec. resp. approx. no.".split()
)


#: Letters right before an end mark that no word of :data:`ABBREVIATIONS` (nor a
#: single letter) has: the word before the mark is read only where fewer precede it.
_LONG_WORD = max(len(a.rstrip(".")) for a in ABBREVIATIONS) + 1


#: After an end mark: a closing quote or bracket, space, and a sentence-like
#: start; or a blank line. Written to start with one character set, so that
#: the regex engine skips to candidates at C speed (it does not for a
#: look-behind, nor for alternatives that start with different sets).
#: Measured on the seeds: 23 -> 13 us per abstract; the look-behind form
#: before it cost about twice as much again.
_BOUNDARY = re.compile(r"[.!?\n](?:(?<=[.!?])[\"')\]]?\s+(?=[A-Z0-9\"'(\[])|(?<=\n)\s*\n\s*)")


def sentence_offsets(text: str) -> list[int]:
    """Character offsets where sentences start (0 first), by rule on the text."""
    starts = [0]
    for m in _BOUNDARY.finditer(text):
        end = m.end()
        if end >= len(text):
            continue
        if "\n" not in m.group(0):  # after an end mark: is it an abbreviation's?
            mark_end = m.start() + 1
            if m.start() >= _LONG_WORD and text[m.start() - _LONG_WORD : m.start()].isalpha():
                starts.append(end)  # the word before the mark is longer than any abbreviation
                continue
            words = text[max(0, mark_end - 12) : mark_end + 1].split()
            prev = words[-1].lower().rstrip(".!?\"')]") if words else ""
            if prev in ABBREVIATIONS or (len(prev) == 1 and prev.isalpha()):
                continue
        starts.append(end)
    return starts


def sentence_bounds(doc: Doc) -> list[tuple[int, int, int, int]]:
    """(start, end, start_char, end_char) of each sentence, as ``doc.sents``
    gives them; kept by :func:`mlkg_sentences` so that later components do
    not rebuild ``doc.sents`` token by token (each pass costs about as much
    as the rule that reads it)."""
    bounds = doc.user_data.get(SENTENCES_KEY)
    if bounds is None and not len(doc):
        return []
    if bounds is None:
        bounds = [(s.start, s.end, s.start_char, s.end_char) for s in doc.sents]
    return bounds


def _starts(idx: list[int], offsets: list[int]) -> list[int]:
    """Indices of the tokens at (or first after) the char ``offsets``, with 0."""
    out = [0]
    for off in offsets:
        i = bisect_left(idx, off)
        if i < len(idx) and i > out[-1]:
            out.append(i)
    return out


@batch_component("mlkg_sentences_v1")
def mlkg_sentences(doc: Doc) -> Doc:
    """Set sentence boundaries with :func:`sentence_offsets`; keep their
    bounds for :func:`sentence_bounds`."""
    if len(doc):
        toks = tokens(doc)
        starts = _starts(toks.idx, sentence_offsets(doc_text(doc)))
        flags = numpy.full(len(doc), -1, dtype="int64")
        flags[starts] = 1
        doc.from_array([SENT_START], flags.view("uint64").reshape(-1, 1))
        ends = starts[1:] + [len(doc)]
        doc.user_data[SENTENCES_KEY] = [(a, b, *toks.chars(a, b)) for a, b in zip(starts, ends)]
    return doc
