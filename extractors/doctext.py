"""``Doc.text`` is rebuilt from every token on each access; components that
read the text several times use this cached copy instead."""
from __future__ import annotations

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
