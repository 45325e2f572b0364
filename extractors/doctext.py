"""``Doc.text`` is rebuilt from every token on each access; components that
read the text several times use this cached copy instead."""
from __future__ import annotations

import re

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


def token_offsets(doc: Doc) -> tuple[list[int], list[int]]:
    """(start char, length) of every token, read once with ``Doc.to_array``.

    Rules that look at many tokens read their text as slices of
    :func:`doc_text` with these: ``doc[i].text`` makes a ``Token`` and looks
    its string up on every access (about 1 us; rules-only extraction read
    some 500 tokens per abstract that way)."""
    offsets = doc.user_data.get(_TOKENS_KEY)
    if offsets is None:
        from spacy.attrs import IDX, LENGTH

        arr = doc.to_array([IDX, LENGTH]) if len(doc) else None
        offsets = (arr[:, 0].tolist(), arr[:, 1].tolist()) if arr is not None else ([], [])
        doc.user_data[_TOKENS_KEY] = offsets
    return offsets


def token_text(doc: Doc, i: int) -> str:
    """``doc[i].text`` from :func:`token_offsets`."""
    idx, length = token_offsets(doc)
    return doc_text(doc)[idx[i] : idx[i] + length[i]]


_LOWER_KEY = "mlkg_lower"


def lower_text(doc: Doc) -> str | None:
    """The doc's text lower-cased, computed once; None when lower-casing would
    move offsets (``str.lower`` lengthens a few characters, e.g. "İ")."""
    low = doc.user_data.get(_LOWER_KEY, "")
    if low == "":
        text = doc_text(doc)
        low = text.lower()
        low = doc.user_data[_LOWER_KEY] = low if len(low) == len(text) else None
    return low


class FoldedPattern:
    """A case-insensitive pattern run case-sensitively on the lower-cased
    text when there is one: Python's ``re.I`` makes these keyword
    alternations 2-3 times slower (measured on the seeds: ``_COMPARE`` 88 ->
    28 us per abstract). Write literals in the pattern in lower case."""

    def __init__(self, pattern: str):
        if any(c.isupper() for c in re.sub(r"\\[A-Z]", "", pattern)):  # \S, \W ... are no literals
            raise ValueError(f"write the pattern's literals in lower case: {pattern!r}")
        self.folded = re.compile(pattern)
        self.any_case = re.compile(pattern, re.I)

    def search(self, text: str, low: str | None, pos: int = 0, endpos: int | None = None) -> re.Match | None:
        """Search ``text[pos:endpos]`` (``low``: its lower-cased copy or None);
        ``\\b`` at ``pos`` sees the character before it, as in :meth:`re.Pattern.search`."""
        end = len(text) if endpos is None else endpos
        if low is not None:
            return self.folded.search(low, pos, end)
        return self.any_case.search(text, pos, end)

