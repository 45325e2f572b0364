"""Gazetteer matching: curated names and aliases found in token windows.

Matching is on normalised keys (:mod:`extractors.keys`) over token windows, so
"ImageNet-1K", "ImageNet 1k" and "Imagenet-1K" all hit the same entry however
the tokenizer splits them; short acronyms and names that are also English
words are matched case-sensitively (``case_sensitive`` in the TSVs). A plural
"s" is tolerated ("Transformers" -> Transformer).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from ontology.gazetteer import GazetteerEntry, default_entries

from .keys import exact_key, name_key, singular_key

MAX_TOKENS = 8
SPAN_GROUP = "mentions"


@dataclass(slots=True)
class GazetteerIndex:
    """Lookup tables from normalised keys to gazetteer entries."""

    entries: tuple[GazetteerEntry, ...]
    folded: dict[str, int]
    exact: dict[str, int]
    first: dict[str, int]  # first-token key -> longest window in tokens

    def lookup(self, folded_key: str, exact: str) -> GazetteerEntry | None:
        idx = self.exact.get(exact)
        if idx is None:
            idx = self.folded.get(folded_key)
        if idx is None:
            sing = singular_key(folded_key)
            if sing is not None:
                idx = self.folded.get(sing)
                if idx is None and exact.endswith("s"):
                    idx = self.exact.get(exact[:-1])
        return None if idx is None else self.entries[idx]


def build_index(nlp: Language, entries: tuple[GazetteerEntry, ...]) -> GazetteerIndex:
    """Tokenise every surface form once and index it by key and first token."""
    folded: dict[str, int] = {}
    exact: dict[str, int] = {}
    first: dict[str, int] = {}
    for i, entry in enumerate(entries):
        for surface in entry.surfaces:
            toks = [t.text for t in nlp.make_doc(surface) if not t.is_space]
            if not toks or len(toks) > MAX_TOKENS:
                continue
            if entry.case_sensitive:
                exact.setdefault(exact_key(surface), i)
            else:
                folded.setdefault(name_key(surface), i)
            head = name_key(toks[0])
            first[head] = max(first.get(head, 0), len(toks))
    return GazetteerIndex(entries, folded, exact, first)


def match_tokens(doc: Doc, index: GazetteerIndex) -> list[tuple[int, int, GazetteerEntry]]:
    """Longest non-overlapping gazetteer matches as (start, end, entry) token spans."""
    keys = [_token_key(t.text) for t in doc]
    out: list[tuple[int, int, GazetteerEntry]] = []
    i, n = 0, len(doc)
    while i < n:
        longest = index.first.get(keys[i], 0)
        if not longest and keys[i].endswith("s"):
            longest = index.first.get(keys[i][:-1], 0)
        hit = None
        for length in range(min(longest, n - i), 0, -1):
            span = doc[i : i + length]
            if span[-1].is_punct or span[-1].is_space or any(t.is_space for t in span):
                continue
            entry = index.lookup("".join(keys[i : i + length]), exact_key(span.text))
            if entry is not None and _bounded(doc, i, i + length):
                hit = (i, i + length, entry)
                break
        if hit:
            out.append(hit)
            i = hit[1]
        else:
            i += 1
    return out


@lru_cache(maxsize=200_000)
def _token_key(text: str) -> str:
    return name_key(text)


def _bounded(doc: Doc, start: int, end: int) -> bool:
    """Reject matches glued to a neighbouring word ("BERT" inside "BERT-ish")."""
    if end < len(doc) and doc[end].text in {"-"} and end + 1 < len(doc) and not doc[end].whitespace_:
        return not doc[end + 1].is_alpha or doc[end + 1].lower_ in {"based", "style", "like", "sized", "scale", "level"}
    return True


class GazetteerMatcher:
    """spaCy component adding gazetteer matches to ``doc.spans["mentions"]``."""

    def __init__(self, nlp: Language, name: str):
        self.name = name
        self.index = build_index(nlp, default_entries())

    def __call__(self, doc: Doc) -> Doc:
        group = list(doc.spans.get(SPAN_GROUP, []))
        for start, end, entry in match_tokens(doc, self.index):
            group.append(Span(doc, start, end, label=entry.type.value, kb_id=entry.name, span_id="gazetteer"))
        doc.spans[SPAN_GROUP] = group
        return doc


@Language.factory("mlkg_gazetteer_v1")
def make_gazetteer(nlp: Language, name: str) -> GazetteerMatcher:
    return GazetteerMatcher(nlp, name)
