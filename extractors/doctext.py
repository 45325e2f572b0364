"""``Doc.text`` is rebuilt from every token on each access; components that
read the text several times use this cached copy instead."""
from __future__ import annotations

from spacy.tokens import Doc

_KEY = "mlkg_text"


def doc_text(doc: Doc) -> str:
    """The doc's text, computed once and kept in ``doc.user_data``."""
    text = doc.user_data.get(_KEY)
    if text is None:
        text = doc.user_data[_KEY] = doc.text
    return text
