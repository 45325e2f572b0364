"""Gazetteer matching: curated names and aliases, at C speed.

Every surface form is added to spaCy ``PhraseMatcher`` s together with its
spelling variants (hyphen, space or nothing between parts; a plural "s"), so
"ImageNet-1K", "ImageNet 1k" and "Imagenet1K" all hit the same entry; the
lowercase matcher serves ordinary names, an exact-case matcher serves short
acronyms and names that are also English words (``case_sensitive`` in the
TSVs). Overlaps resolve to the longest match.
"""
from __future__ import annotations

import re

import spacy

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ontology import EntityType
from ontology.gazetteer import GazetteerEntry, default_entries, exact_case

SPAN_GROUP = "mentions"
_PARTS = re.compile(r"[\s\-]+")
_GLUE_OK = {"based", "style", "like", "sized", "scale", "level", "only", "specific", "trained", "pretrained", "finetuned", "tuned", "initialized", "derived"}


def spelling_variants(surface: str, plural: bool = True) -> set[str]:
    """The surface with parts joined by '-', ' ' or nothing, and plurals
    (not for tasks: "translations", "word alignments" name outputs, not the task)."""
    parts = [p for p in _PARTS.split(surface.strip()) if p]
    variants = {surface.strip()}
    if 1 < len(parts) <= 4:
        variants |= {"-".join(parts), " ".join(parts)}
        if any(p[-1].isdigit() or p[0].isdigit() for p in parts):
            variants.add("".join(parts))
    tail = parts[-1] if parts else ""
    if plural and tail.isalpha() and tail[-1] not in "sS" and len(surface) > 2:
        if tail[-1] == "y" and tail[-2:-1] not in ("", "a", "e", "i", "o", "u"):
            variants |= {v[:-1] + "ies" for v in list(variants)}  # accuracy -> accuracies
        else:
            variants |= {v + "s" for v in list(variants)}
    return variants


class GazetteerMatcher:
    """spaCy component adding gazetteer matches to ``doc.spans["mentions"]``."""

    def __init__(self, nlp: Language, name: str, entries: tuple[GazetteerEntry, ...] | None = None):
        self.name = name
        self.entries = entries if entries is not None else default_entries()
        self.folded = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        # Patterns are tokenised with a throwaway copy of the tokenizer: tens
        # of thousands of pattern strings in the pipeline's own vocab make
        # its tokenizer several times slower afterwards (measured: 6,000 ->
        # 600 abstracts/s). Matching uses string hashes, which any vocab shares.
        make_doc = _pattern_tokenizer(nlp)
        for i, entry in enumerate(self.entries):
            plural = entry.type is not EntityType.TASK
            exact = {v for s in entry.surfaces if entry.case_sensitive and exact_case(s)
                     for v in spelling_variants(s, plural)}
            folded = {v for s in entry.surfaces if not (entry.case_sensitive and exact_case(s))
                      for v in spelling_variants(s, plural)}
            if exact:
                self.exact.add(str(i), [make_doc(p) for p in sorted(exact)])
            if folded:
                self.folded.add(str(i), [make_doc(p) for p in sorted(folded)])

    def matches(self, doc: Doc) -> list[tuple[int, int, GazetteerEntry]]:
        """Longest non-overlapping matches as (start, end, entry) token spans."""
        spans = [Span(doc, s, e, label=k) for k, s, e in self.folded(doc)]
        spans += [Span(doc, s, e, label=k) for k, s, e in self.exact(doc)]
        out = []
        for span in filter_spans(spans):
            entry = self.entries[int(span.label_)]
            if _bounded(doc, span.start, span.end) and not _lowercase_clash(span, entry):
                out.append((span.start, span.end, entry))
        return out

    def __call__(self, doc: Doc) -> Doc:
        group = list(doc.spans.get(SPAN_GROUP, []))
        for start, end, entry in self.matches(doc):
            group.append(Span(doc, start, end, label=entry.type.value, kb_id=entry.name, span_id="gazetteer"))
        doc.spans[SPAN_GROUP] = group
        return doc


def _pattern_tokenizer(nlp: Language):
    """A tokenizer with the same rules as ``nlp``'s, on its own vocab."""
    from .tokenizer import customize_tokenizer

    other = customize_tokenizer(spacy.blank(nlp.lang))
    return other.make_doc


def _lowercase_clash(span: Span, entry: GazetteerEntry) -> bool:
    """A one-word, all-lowercase hit on a name always written with capitals
    ("multiple" for MultiPL-E) is an ordinary word, not the entity."""
    text = span.text
    return len(span) == 1 and text.islower() and not any(s.islower() for s in entry.surfaces)


def _bounded(doc: Doc, start: int, end: int) -> bool:
    """Reject matches glued to a neighbouring word ("BERT" inside "BERT-ish",
    "GPT" in "GPT-4o" when only "GPT" is known)."""
    if end < len(doc) and not doc[end - 1].whitespace_:
        nxt = doc[end]
        if nxt.text == "-" and end + 1 < len(doc):
            return not doc[end + 1].is_alpha or doc[end + 1].lower_ in _GLUE_OK
        if nxt.is_alpha or nxt.like_num or nxt.text == "+":
            return False
    if start > 0 and not doc[start - 1].whitespace_ and doc[start - 1].text in {"-", "+"}:
        return start < 2 or not doc[start - 2].is_alpha
    return True


@Language.factory("mlkg_gazetteer_v1")
def make_gazetteer(nlp: Language, name: str) -> GazetteerMatcher:
    return GazetteerMatcher(nlp, name)
