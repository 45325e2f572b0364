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
from typing import Any

import spacy

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from ontology import EntityType
from ontology.gazetteer import GazetteerEntry, default_entries, exact_case, word_name
from ontology.metrics import NUMBER_CONTEXT, QUANTITY_CONTEXT, SCORE_CONTEXT

from .batching import BatchPipe
from .doctext import Tokens, like_num, tokens
from .name_bounds import NOT_NAME_WORDS, _title_style
from .score_context import number_beside, percent_before, score_context

SPAN_GROUP = "mentions"
#: Prefix of the exact-case patterns' keys in the one-pass matcher (:class:`GazetteerMatcher`).
_EXACT = "exact:"
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


class GazetteerMatcher(BatchPipe):
    """spaCy component adding gazetteer matches to the :func:`candidates`."""

    def __init__(self, nlp: Language, name: str, entries: tuple[GazetteerEntry, ...] | None = None,
                 one_pass: bool = True):
        self.name = name
        self.entries = entries if entries is not None else default_entries()
        self.folded = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        # Patterns are tokenised with a throwaway copy of the tokenizer: tens
        # of thousands of pattern strings in the pipeline's own vocab make
        # its tokenizer several times slower afterwards (measured: 6,000 ->
        # 600 abstracts/s). Matching uses string hashes, which any vocab shares.
        make_doc = _pattern_tokenizer(nlp)
        # One pass instead of two: the exact-case patterns also go into the
        # lower-case matcher, under their own key, and a hit on one counts
        # where the words are the pattern's as written (:meth:`_matches`).
        # Kept apart only if two entries share a pattern's words, where the
        # separate matchers' order of the two hits decides (none do today).
        self._exact_words: dict[int, set[tuple[str, ...]]] = {}
        folded_seen: set[tuple[str, ...]] = set()
        exact_seen: set[tuple[str, ...]] = set()
        exact_patterns: list[tuple[str, list[Doc]]] = []
        shared = False
        for i, entry in enumerate(self.entries):
            if not entry.match:
                continue  # linked when extracted, never matched in text (a PwC name without evidence)
            plural = entry.type is not EntityType.TASK and not word_name(entry)
            exact = {v for s in entry.surfaces if entry.case_sensitive and exact_case(s)
                     for v in spelling_variants(s, plural)}
            folded = {v for s in entry.surfaces if not (entry.case_sensitive and exact_case(s))
                      for v in spelling_variants(s, plural)}
            if exact:
                docs = [make_doc(p) for p in sorted(exact)]
                self.exact.add(str(i), docs)
                exact_patterns.append((str(i), docs))
                words = {tuple(t.text for t in d) for d in docs}
                shared = shared or not words.isdisjoint(exact_seen)
                exact_seen |= words
                self._exact_words[nlp.vocab.strings.add(_EXACT + str(i))] = words
            if folded:
                docs = [make_doc(p) for p in sorted(folded)]
                self.folded.add(str(i), docs)
                words = {tuple(t.lower_ for t in d) for d in docs}
                shared = shared or not words.isdisjoint(folded_seen)
                folded_seen |= words
        self._one_pass = one_pass and not shared
        if self._one_pass:
            for key, docs in exact_patterns:
                self.folded.add(_EXACT + key, docs)
        # match id -> (entry, label, kb_id) with the strings as hashes, so that
        # neither a match nor its span looks a string up
        strings = nlp.vocab.strings
        self._by_key = {strings.add(str(i)): (entry, strings.add(entry.type.value), strings.add(entry.name))
                        for i, entry in enumerate(self.entries)}
        # an exact-case key of the one-pass matcher -> (entry, label, kb_id, the entry's own key)
        for key in self._exact_words:
            plain = strings.add(strings[key][len(_EXACT):])
            self._by_key[key] = (*self._by_key[plain], plain)
        self._source = strings.add("gazetteer")
        # metric acronyms matched only where a score is reported ("68.4 EM", not "variational EM"), and
        # metric words that are common words only after a percentage ("80% success", not "the success of")
        self._score_only = {id(e) for e in self.entries if e.type is EntityType.METRIC
                            and not (SCORE_CONTEXT.isdisjoint(e.surfaces) and NUMBER_CONTEXT.isdisjoint(e.surfaces)
                                    and QUANTITY_CONTEXT.isdisjoint(e.surfaces))}

    def _matches(self, doc: Doc) -> list[tuple[int, int, int]]:
        """Longest non-overlapping matches as (start, end, match id) token spans."""
        toks, by_key = tokens(doc), self._by_key
        if self._one_pass:
            hits, exact_hits, exact_words = [], [], self._exact_words
            for k, s, e in self.folded(doc):
                words = exact_words.get(k)
                if words is None:
                    hits.append((s, e, k))
                elif tuple(toks.word(i) for i in range(s, e)) in words:
                    exact_hits.append((s, e, by_key[k][3]))
            hits += exact_hits  # (after the lower-case hits, as the two matchers gave them)
        else:
            hits = [(s, e, k) for k, s, e in self.folded(doc)] + [(s, e, k) for k, s, e in self.exact(doc)]
        return [(start, end, key) for start, end, key in longest_first(hits)
                if _bounded(doc, toks, start, end) and not _lowercase_clash(toks, start, end, by_key[key][0])
                and (id(by_key[key][0]) not in self._score_only or _scored(toks, start, end))]

    def __call__(self, doc: Doc) -> Doc:
        by_key, source = self._by_key, self._source
        found = self._matches(doc)
        if not found:
            return doc
        toks, ends, text_start = tokens(doc), {end for _, end, _ in found}, doc.user_data.get("title_end", 0)
        spans = candidates(doc)
        for start, end, key in found:
            lead = longer_name_start(toks, start, end, text_start, ends)
            if lead == start:
                spans.append(Span(doc, start, end, label=by_key[key][1], kb_id=by_key[key][2], span_id=source))
            else:  # the longer name, as a name of its own: unlinked, typed as its curated head
                spans.append(Span(doc, lead, end, label=by_key[key][1], span_id="pattern"))
        return doc


def longest_first(hits: list[tuple[int, int, Any]]) -> list[tuple[int, int, Any]]:
    """``spacy.util.filter_spans`` on (start, end, key) tuples: the longest
    (then first) of overlapping hits, in text order."""
    chosen, seen = [], set()
    for hit in sorted(hits, key=lambda h: (h[1] - h[0], -h[0]), reverse=True):
        if hit[0] not in seen and hit[1] - 1 not in seen:
            chosen.append(hit)
            seen.update(range(hit[0], hit[1]))
    return sorted(chosen, key=lambda h: h[0])


#: ``doc.user_data`` key of the candidate list (see :func:`candidates`).
_CANDIDATES = "mlkg_candidates"


def candidates(doc: Doc) -> list[Span]:
    """The candidate mentions the extractors have added so far, a plain list
    the resolver takes (:func:`take_candidates`) and publishes as
    ``doc.spans["mentions"]``. A list, not that span group, while extractors
    add to it: each read of a group re-makes every span in it (about 2 us a
    span, read three times per abstract). Seeded from the group when a doc
    arrives with one."""
    found = doc.user_data.get(_CANDIDATES)
    if found is None:
        found = doc.user_data[_CANDIDATES] = list(doc.spans.get(SPAN_GROUP, []))
    return found


def take_candidates(doc: Doc) -> list[Span]:
    """The candidate list, removed from ``doc.user_data`` (its spans refer to
    the doc: left there they would make a reference cycle) and published as
    ``doc.spans["mentions"]``."""
    found = doc.user_data.pop(_CANDIDATES, None)
    if found is None:
        found = list(doc.spans.get(SPAN_GROUP, []))
    doc.spans[SPAN_GROUP] = found
    return found


def _pattern_tokenizer(nlp: Language):
    """A tokenizer with the same rules as ``nlp``'s, on its own vocab."""
    from .tokenizer import customize_tokenizer

    other = customize_tokenizer(spacy.blank(nlp.lang))
    return other.make_doc


def _scored(toks: Tokens, start: int, end: int) -> bool:
    """A hit of a :data:`~ontology.metrics.SCORE_CONTEXT` entry: its long
    names always count; its acronym only in score context. A hit of a
    :data:`~ontology.metrics.NUMBER_CONTEXT` word only right after a percentage."""
    word = toks.text_of(start, end)
    if any(word.casefold() in (n, n + "s") for n in QUANTITY_CONTEXT):  # "energy consumption by 42%"
        return number_beside(toks.text, *toks.chars(start, end))
    if any(word.casefold() in (n, n + "s", n + "es") for n in NUMBER_CONTEXT):  # "80% success": the metric only right after a percentage
        return percent_before(toks.text, toks.chars(start, end)[0])
    if word.rstrip("s") not in SCORE_CONTEXT:
        return True
    return score_context(toks.text, *toks.chars(start, end))


def _lowercase_clash(toks: Tokens, start: int, end: int, entry: GazetteerEntry) -> bool:
    """A one-word, all-lowercase hit on a name always written with capitals
    ("multiple" for MultiPL-E) is an ordinary word, not the entity; so is a
    lower-case phrase on a collection's name (:func:`lowercase_collection`)."""
    if end - start == 1:
        return toks.word(start).islower() and not any(s.islower() for s in entry.surfaces)
    return lowercase_collection(toks.text_of(start, end), entry)


_COLLECTIONS = frozenset((EntityType.DATASET, EntityType.BENCHMARK))


def lowercase_collection(text: str, entry: GazetteerEntry) -> bool:
    """Whether ``text``, all lower-case, is an ordinary phrase rather than the
    Dataset or Benchmark ``entry``, whose every surface has a capital: a
    collection is a proper name, written with its capitals ("Natural
    Questions", "PropBank"), while its words or long form in lower case
    describe ("generating natural questions about a subgraph", "proposition
    banks", "in medical domain", "experiments on real-world data sets", "a
    target word in context" for WiC). Methods and tasks are left out: their
    names are common nouns, written either way ("machine translation").

    Counted on draw_sample(1000, 17171742) (991 abstracts, standard tier,
    extractors 0.6.55): 6 of the 264 Dataset nodes had only such mentions,
    read: 5 no dataset (Natural Questions, PropBank, WiC, "Medical domain",
    "Real-world Datasets"), 1 arguable ("parsing enhanced universal
    dependencies", the representation of the UD treebanks). Audit A-M: 1
    node ("hate speech" read as the Hate Speech dataset, judged wrong_type)."""
    return (entry.type in _COLLECTIONS and text.islower()
            and not any(s.islower() for s in entry.surfaces))


#: Capitalised words that grade a score or name a source rather than begin a name ("Overall F1", "Twitter SD dataset").
_NOT_NAME_LEADS = frozenset("overall twitter wikipedia".split())


def _name_word(word: str) -> bool:
    """A word that continues a Title Case name: "Augmented", "ReadOnce",
    "Structure-Aware", "Phrase-Based"; not an acronym ("SOTA", "MPC", "UK":
    a setting or another name), not a lower-case compound ("BERT-based",
    "Pre-trained", "Context-aware": a modifier), not a language
    ("English-German NMT" is the task), not a function or grading word."""
    from .names import LANGUAGES  # (names imports this module)

    parts = word.split("-")
    return (all(len(p) >= 2 and p.isalpha() and p[0].isupper() for p in parts)
            and any(not p.isupper() for p in parts)
            and not any(p.lower() in NOT_NAME_WORDS or p.lower() in _NOT_NAME_LEADS or p in LANGUAGES for p in parts))


def longer_name_start(toks: Tokens, start: int, end: int, text_start: int, hit_ends: set[int]) -> int:
    """A curated name matched as the tail of a longer Title Case name in
    running text: "Augmented CycleGAN", "Order Q-learning", "Chekhov GAN",
    "Big BIRD", "Tube MPC", "REgion-Aware Relation Extraction (RE2)". The
    longer name is its own entity (issue 28: a name is never cut, and a
    derived name is not the curated one): the start of that name, or
    ``start`` where the hit is a name as it stands. The resolver's
    title-case growth (:func:`~extractors.name_bounds.title_case_start`)
    does the same later, but only over plain Capitalised words that no
    other candidate holds: a proposal cue takes "Augmented" of "called
    Augmented CycleGAN" first, and "REgion-Aware", "ReadOnce" are no plain
    words. Capitals count in running text only, not at a sentence's start
    or in a title or a cited title (:func:`~extractors.name_bounds.title_case_start`
    keeps out of the same places, on the capitalisation-as-NER-cue evidence
    of Nadeau & Sekine 2007); a word that another curated hit ends on is a
    list or a name of its own ("CIFAR-10 CIFAR-100", "Perceiver Transformer").

    On 3,000 real abstracts (bench/same_output.py ``draw_sample(3000,
    141414)``, fast tier) 857 of 10,150 gazetteer mentions have a
    Capitalised word right before or after them, 665 of them in titles
    (left alone); the 91 in abstracts with one before were read: about 39
    name a longer thing of their own, the rest are a setting ("CoNLL03
    NER", "English-German NMT", "3-D CNN", "Transformer-based NMT"). This
    rule changes 11 mentions, all 11 read right (Augmented CycleGAN,
    Chekhov GAN, AdaOrder DQN, ReadOnce Transformers, Levenshtein OCR,
    Structure-Aware Semantic Parsing, ChaLearn AutoML, ...); the rest were
    already grown by the resolver or are acronyms or in brackets."""
    if start < 2 or start in hit_ends or toks.idx[start - 1] < text_start or not toks.space_after(start - 1):
        return start
    first = toks.word(start)
    if not (first[:1].isupper() or first[:1].isdigit()):
        return start
    if end < len(toks.idx) and not toks.space_after(end - 1) and toks.word(end) == "-":
        return start  # "Symmetry-Enhanced Contrastive Learning-based Alignment": the name is a modifier there
    word_start = start - 1  # back over a hyphenated word's pieces ("REgion" "-" "Aware")
    while word_start > 0 and not toks.space_after(word_start - 1) and start - word_start < 5:
        word_start -= 1
    if word_start < 1 or toks.idx[word_start - 1] < text_start or not _name_word(toks.text_of(word_start, start)):
        return start
    before = toks.word(word_start - 1)
    if before[-1:] in ".!?:;\"\u201c" or not toks.space_after(word_start - 1):
        return start  # the sentence's first word, or the end of a glued or quoted piece
    return start if _title_style(toks, start, end) else word_start


def _bounded(doc: Doc, toks: Tokens, start: int, end: int) -> bool:
    """Reject matches glued to a neighbouring word ("BERT" inside "BERT-ish",
    "GPT" in "GPT-4o" when only "GPT" is known)."""
    idx, length, word = toks.idx, toks.length, toks.word
    if end < len(idx) and idx[end - 1] + length[end - 1] == idx[end]:  # glued to the next token
        nxt = word(end)
        if nxt == "-" and end + 1 < len(idx):
            return not word(end + 1).isalpha() or word(end + 1).lower() in _GLUE_OK
        if nxt.isalpha() or nxt == "+" or like_num(nxt):
            return False
    if start > 0 and idx[start - 1] + length[start - 1] == idx[start] and word(start - 1) in {"-", "+"}:
        return start < 2 or not word(start - 2).isalpha()
    return True


@Language.factory("mlkg_gazetteer_v1")
def make_gazetteer(nlp: Language, name: str) -> GazetteerMatcher:
    return GazetteerMatcher(nlp, name)
