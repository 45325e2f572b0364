"""Cheap reads of a doc's text and tokens.

``Doc.text`` is rebuilt from every token on each access, and ``doc[i]``
makes a ``Token`` each time; rules that read them many times use the cached
text, its lower-cased copy and token offsets here instead."""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from spacy.attrs import IDX, LENGTH
from spacy.lang.en.lex_attrs import like_num as _spacy_like_num
from spacy.lang.lex_attrs import is_punct as _spacy_is_punct
from spacy.tokens import Doc, Span

_KEY = "mlkg_text"


def doc_text(doc: Doc) -> str:
    """The doc's text, computed once and kept in ``doc.user_data``."""
    text = doc.user_data.get(_KEY)
    if text is None:
        text = doc.user_data[_KEY] = doc.text
    return text


def span_text(span: Span) -> str:
    """``span.text`` sliced from the cached doc text (``Span.text`` also
    rebuilds itself token by token)."""
    return doc_text(span.doc)[span.start_char : span.end_char]


class TextKeepingMakeDoc:
    """``nlp.make_doc`` that caches the input string as the doc's text: the
    tokenizer is non-destructive, so it equals ``doc.text``, which would
    otherwise be rebuilt token by token (~0.25 ms per abstract, about a tenth
    of the rules-only pipeline). A class, not a closure, so ``nlp`` still
    pickles for ``n_process > 1``."""

    def __init__(self, nlp):
        self.nlp = nlp

    def __call__(self, text: str) -> Doc:
        doc = type(self.nlp).make_doc(self.nlp, text)
        doc.user_data[_KEY] = text
        return doc


_TOKENS_KEY = "mlkg_tokens"


class Tokens:
    """Every token's start char and length, read once per doc, and its text.

    Rules that look at many tokens read them here: ``doc[i].text`` makes a
    ``Token`` and looks its string up on every access (about 1 us; the
    rules-only pipeline read some 500 tokens per abstract that way)."""

    __slots__ = ("idx", "length", "text")

    def __init__(self, idx: list[int], length: list[int], text: str):
        self.idx, self.length, self.text = idx, length, text

    def word(self, i: int) -> str:
        """``doc[i].text``."""
        return self.text[self.idx[i] : self.idx[i] + self.length[i]]

    def chars(self, start: int, end: int) -> tuple[int, int]:
        """(start_char, end_char) of the tokens ``start..end-1``, as ``doc[start:end]`` has them."""
        return self.idx[start], self.idx[end - 1] + self.length[end - 1]

    def text_of(self, start: int, end: int) -> str:
        """``doc[start:end].text``."""
        return self.text[self.idx[start] : self.idx[end - 1] + self.length[end - 1]]

    def space_after(self, i: int) -> bool:
        """``bool(doc[i].whitespace_)``: a space follows the token (more
        whitespace than one space is a token of its own)."""
        end = self.idx[i] + self.length[i]
        return end < (self.idx[i + 1] if i + 1 < len(self.idx) else len(self.text))

    def token_at(self, char: int) -> int:
        """The token whose text or following space holds ``char``, or -1
        (spaCy's ``token_by_char``)."""
        idx = self.idx
        i = bisect_right(idx, char) - 1
        if i < 0:
            return -1
        end = idx[i] + self.length[i]
        if char < end:
            return i
        # in the space after the token (:meth:`space_after`, inlined: rules call this often)
        return i if char == end and end < (idx[i + 1] if i + 1 < len(idx) else len(self.text)) else -1

    def char_span(self, start_char: int, end_char: int, expand: bool = False) -> tuple[int, int] | None:
        """(start, end) token bounds of ``doc.char_span(start_char, end_char,
        alignment_mode="expand" if expand else "strict")``, without making
        the ``Span``; None where that gives None."""
        start = self.token_at(start_char)
        if start < 0 or (not expand and start_char != self.idx[start]):
            return None
        end = self.token_at(end_char - 1)
        if end < 0 or (not expand and end_char != self.idx[end] + self.length[end]):
            return None
        if expand and start_char == self.idx[start] + self.length[start]:
            start += 1  # the space after a token is not part of it
        return start, end + 1


def tokens(doc: Doc) -> Tokens:
    """The doc's :class:`Tokens`, from one ``Doc.to_array`` call, kept in
    ``doc.user_data`` (the pipeline never retokenizes)."""
    table = doc.user_data.get(_TOKENS_KEY)
    if table is None:
        idx, length = doc.to_array([IDX, LENGTH]).T.tolist() if len(doc) else ([], [])
        table = doc.user_data[_TOKENS_KEY] = Tokens(idx, length, doc_text(doc))
    return table


@dataclass(slots=True)
class Ent:
    """An entity of ``doc.ents`` read once: ``Span`` rebuilds ``label_`` and
    ``text`` on every access, and rules read them many times. (Not frozen:
    a frozen dataclass's ``__init__`` costs several times more.)"""

    start: int
    end: int
    start_char: int
    end_char: int
    label_: str
    text: str


_ENTS_KEY = "mlkg_ents"


def keep_ents(doc: Doc, ents: list[Ent]) -> None:
    """Record ``doc.ents`` (set elsewhere) as :class:`Ent` records: later
    rules read them with :func:`doc_ents` instead of ``doc.ents``, which
    re-makes every span (about 2 us each). A component that changes
    ``doc.ents`` after this must call it again."""
    doc.user_data[_ENTS_KEY] = ents


def doc_ents(doc: Doc) -> list[Ent]:
    """``doc.ents`` as :class:`Ent` records, in order (as recorded by
    :func:`keep_ents` when it was called)."""
    ents = doc.user_data.get(_ENTS_KEY)
    if ents is None:
        text = doc_text(doc)
        ents = [Ent(e.start, e.end, e.start_char, e.end_char, e.label_, text[e.start_char : e.end_char]) for e in doc.ents]
    return ents


#: ``Token.is_punct`` and ``Token.like_num`` of a token's text: spaCy's own
#: lexical attribute functions for English, cached by text.
is_punct = lru_cache(maxsize=65536)(_spacy_is_punct)
like_num = lru_cache(maxsize=65536)(_spacy_like_num)


#: How spaCy keys a Doc extension's value in ``doc.user_data`` (``Underscore._get_key``).
_EXT = "._."
_UNSET = object()


def get_ext(doc: Doc, name: str):
    """``doc._.<name>`` for an extension with a default value, read straight
    from ``doc.user_data`` where spaCy keeps it: each ``doc._`` access
    makes an ``Underscore`` object (about 1.5 us; the rules made ten per
    abstract). Falls back to ``doc._`` when unset, for its default."""
    value = doc.user_data.get((_EXT, name, None, None), _UNSET)
    return getattr(doc._, name) if value is _UNSET else value


def set_ext(doc: Doc, name: str, value) -> None:
    """``doc._.<name> = value`` for an extension with a default value."""
    doc.user_data[(_EXT, name, None, None)] = value


_LOWER_KEY = "mlkg_lower"
#: ``doc.user_data`` key of the sentence bounds (:mod:`extractors.sentences`).
SENTENCES_KEY = "mlkg_sentences"
#: ``doc.user_data`` key naming the statistical tagger whose candidates are "ner"
#: where it is not the CNN ("encoder": extractors/encoder.py; read by kg/tagger_acronyms.py).
TAGGER_KEY = "mlkg_tagger"
#: ``doc.user_data`` key of the foreign stretches (:mod:`extractors.language`), dropped with the scratch.
FOREIGN_KEY = "mlkg_foreign"


def drop_scratch(doc: Doc) -> None:
    """Forget the per-doc reading aids above (token table, lower-cased text,
    sentence bounds, entity records) once the last rule has run: the doc's
    holder does not need them, and kept they are some 25 more objects per doc
    for the garbage collector to scan (measured: 13% of rules-only time went
    to collections when a caller keeps its docs). Readers rebuild them on
    demand, so a later call of any rule still works."""
    for key in (_TOKENS_KEY, _ENTS_KEY, _LOWER_KEY, SENTENCES_KEY, FOREIGN_KEY):
        doc.user_data.pop(key, None)


def lower_text(doc: Doc) -> str | None:
    """The doc's text lower-cased, computed once; None when lower-casing would
    move offsets (``str.lower`` lengthens a few characters, e.g. "İ")."""
    low = doc.user_data.get(_LOWER_KEY, "")
    if low == "":
        low = doc.user_data[_LOWER_KEY] = fold(doc_text(doc))
    return low


def fold(text: str) -> str | None:
    """``text`` lower-cased, or None where that would move offsets."""
    low = text.lower()
    return low if len(low) == len(text) else None


class FoldedPattern:
    """A case-insensitive pattern run case-sensitively on the lower-cased
    text when there is one: Python's ``re.I`` makes these keyword
    alternations 2-3 times slower (measured on the seeds: the proposal-cue
    alternation over a whole abstract, 104 -> 42-50 us). Write literals in
    the pattern in lower case."""

    def __init__(self, pattern: str):
        if any(c.isupper() for c in re.sub(r"\\[A-Z]", "", pattern)):  # \S, \W ... are no literals
            raise ValueError(f"write the pattern's literals in lower case: {pattern!r}")
        self.folded = re.compile(pattern)
        self.any_case = re.compile(pattern, re.I)

    def search(self, text: str, low: str | None) -> re.Match | None:
        """Search ``text`` (``low``: its :func:`fold`, or None)."""
        return self.folded.search(low) if low is not None else self.any_case.search(text)

    def match(self, text: str, low: str | None) -> re.Match | None:
        """Match at the start of ``text`` (``low``: its :func:`fold`, or None)."""
        return self.folded.match(low) if low is not None else self.any_case.match(text)

