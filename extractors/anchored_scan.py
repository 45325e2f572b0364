"""Run a costly regex only near the anchors every one of its matches ends on.

A pattern such as collection_lists' "up to ten coordinated words, then a
collection's head word" is tried by the regex engine at every word start of
an abstract, and each try consumes up to ten words before it backtracks to
look for the head: 0.21 ms an abstract, half the names step of the fast tier.
Its matches are rare and each ends on a head word, within a bounded number of
words after its start. :func:`finditer_near` finds the head words first (one
cheap scan), takes the stretch of text each match could occupy (from the
``chunks_before``-th chunk before a head to one character past it; a chunk
is a run of characters that are not separators), merges overlapping
stretches, and runs ``pattern.finditer`` on each stretch with ``pos`` and
``endpos``. The matches are exactly ``pattern.finditer(text)``'s when:

- every match of ``pattern`` ends with a match of ``anchor`` (same end),
  and starts within ``chunks_before`` chunks before that anchor's start;
- the pattern looks at most one character past its match (``\\b``, ``(?!-)``),
  and that character is never part of a match's last word.

Why exact: every full-text match lies inside one stretch (its head's), and
stretches are merged where they overlap, so inside a stretch the engine meets
the same text at every position it can succeed from; a lookbehind at ``pos``
still sees the characters before it (Python's ``re`` reads them). The caller
states the bound; a test compares against plain ``finditer`` on real
abstracts.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

#: A run of characters that are neither white space nor a comma.
CHUNK = re.compile(r"[^\s,]+")


def list_start(text: str, at: int, max_chunks: int, conjunctions: frozenset[str] = frozenset(("and", "or", "&"))) -> int:
    """The earliest offset where a coordinated list ending right before
    offset ``at`` can start: walking back from the last chunk, the list goes
    on past a chunk only where a comma or a conjunction word (a chunk of its
    own) separates it from the one before ("A, B and C"; "the A" stops at A).
    A bound, never later than the true start: a walk that reaches more than
    ``max_chunks`` chunks back stops there. Reads a few dozen characters back
    first and more only when the walk reaches the start of what it read (the
    first chunk read may be cut there)."""
    span = 48
    while True:
        lo = max(0, at - span)
        chunks = [m.span() for m in CHUNK.finditer(text, lo, at)]
        k = len(chunks) - 1
        while k > 0:
            prev = chunks[k - 1]
            if k > 1 and text[prev[0] : prev[1]] in conjunctions:
                k -= 2
            elif "," in text[prev[1] : chunks[k][0]]:
                k -= 1
            else:
                break
        if k > 0 or lo == 0 or len(chunks) > max_chunks:
            return chunks[k][0] if chunks else lo
        span *= 4


def _anchors(text: str, anchor: re.Pattern, literals: tuple[str, ...]) -> list[re.Match]:
    """``anchor``'s matches at every offset where one of ``literals`` occurs
    (each anchor match starts with one of them): ``str.find`` scans for the
    literals at C speed, the regex runs only there."""
    out = []
    for lit in literals:
        at = text.find(lit)
        while at >= 0:
            m = anchor.match(text, at)
            if m:
                out.append(m)
            at = text.find(lit, at + 1)
    return out


def finditer_near(pattern: re.Pattern, text: str, anchor: re.Pattern, chunks_before: int,
                  literals: tuple[str, ...]) -> Iterator[re.Match]:
    """``pattern.finditer(text)``, run only on the stretches around
    ``anchor``'s matches, each from :func:`list_start` before the anchor
    (see the module docstring for when it is exact)."""
    spans = sorted((list_start(text, a.start(), chunks_before), min(len(text), a.end() + 1))
                   for a in _anchors(text, anchor, literals))
    stretches: list[list[int]] = []
    for lo, hi in spans:  # a later anchor's list may start before an earlier one's ("A and benchmark datasets")
        if stretches and lo <= stretches[-1][1]:
            stretches[-1][1] = max(stretches[-1][1], hi)
        else:
            stretches.append([lo, hi])
    for lo, hi in stretches:
        yield from pattern.finditer(text, lo, hi)


def finditer_from(pattern: re.Pattern, text: str, first: re.Pattern, words: tuple[str, ...] = ()) -> Iterator[re.Match]:
    """``pattern.finditer(text)``, tried only at the offsets where ``first``
    matches (one character class: the engine scans for it at C speed) or one
    of ``words`` starts (``str.find``). Exact when every match of ``pattern``
    starts at such an offset: a pattern opening with a look-behind and
    alternatives that start with different sets (quantities' number start)
    is otherwise tried by the engine at every character of the text. A
    ``pattern.match`` at an offset is what ``finditer`` tries there; offsets
    inside a match are skipped, as ``finditer`` goes on from its end."""
    at = [m.start() for m in first.finditer(text)]
    for word in words:
        i = text.find(word)
        while i >= 0:
            at.append(i)
            i = text.find(word, i + 1)
    if words:
        at.sort()
    end = 0
    for i in at:
        if i >= end and (m := pattern.match(text, i)) is not None:
            yield m
            end = m.end()
