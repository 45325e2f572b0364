"""Choose one reading per token: candidate mentions -> ``doc.ents``.

Candidates from every extractor sit in ``doc.spans["mentions"]``, possibly
overlapping. Curated names win over coined names, which win over statistical
guesses; then longer spans win. A coined name found once is then found
everywhere else in the abstract ("we propose TrAct ... TrAct speeds up").
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from .gazetteer import SPAN_GROUP
from .names import is_generic, is_name_like
from .doctext import doc_text

PRIORITY = {"title": 5, "gazetteer": 4, "abbreviation": 3, "proposal": 2, "pattern": 2, "ner": 1}


def _acceptable(span: Span) -> bool:
    text = span.text.strip()
    if len(text) < 2 or not any(c.isalpha() for c in text):
        return False
    if span.id_ != "gazetteer" and is_generic(text):
        return False
    if span.id_ == "ner" and not (is_name_like(text) or len(span) >= 2):
        return False  # a lone common word ("classifiers") is a concept, not a linkable entity
    return not (span[0].is_punct or span[-1].is_punct and span[-1].text not in {"+"})


def select_spans(doc: Doc, candidates: list[Span]) -> list[Span]:
    """Greedy non-overlapping selection by extractor priority, then length."""
    ranked = sorted(candidates, key=lambda s: (-PRIORITY.get(s.id_, 0), -(s.end - s.start), s.start))
    taken = [False] * len(doc)
    chosen: list[Span] = []
    for span in ranked:
        if not _acceptable(span) or any(taken[span.start : span.end]):
            continue
        for i in range(span.start, span.end):
            taken[i] = True
        chosen.append(span)
    # one pass over the text for all chosen names (longest first at a position)
    first: dict[str, Span] = {}
    for span in chosen:
        if span.id_ != "gazetteer":
            first.setdefault(span.text, span)
    if first:
        alternatives = "|".join(re.escape(t) for t in sorted(first, key=len, reverse=True))
        for m in re.finditer(r"(?<![\w-])(?:" + alternatives + r")(?![\w])", doc_text(doc)):
            other = doc.char_span(m.start(), m.end())
            if other is None or any(taken[other.start : other.end]):
                continue
            for i in range(other.start, other.end):
                taken[i] = True
            span = first[m.group()]
            chosen.append(Span(doc, other.start, other.end, label=span.label_, kb_id=span.kb_id_, span_id="repeat"))
    return sorted(chosen, key=lambda s: s.start)


@Language.component("mlkg_resolve_v1")
def mlkg_resolve(doc: Doc) -> Doc:
    """Write the selected mentions to ``doc.ents`` (kb_id = gazetteer name)."""
    doc.ents = select_spans(doc, list(doc.spans.get(SPAN_GROUP, [])))
    return doc
