"""Choose one reading per token: candidate mentions -> ``doc.ents``.

Candidates from every extractor sit in ``doc.spans["mentions"]``, possibly
overlapping. Curated names win over coined names, which win over statistical
guesses; then longer spans win. A coined name found once is then found
everywhere else in the abstract ("we propose TrAct ... TrAct speeds up").
How far a chosen span then grows over its free neighbours is
:mod:`extractors.span_growth`.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

import numpy
from spacy.attrs import ENT_IOB, ENT_TYPE
from spacy.tokens import Doc, Span

from .batching import batch_component
from .gazetteer import take_candidates
from .joined_names import campaign_after_team, coordinated_names
from .language import foreign_spans, in_foreign, kept_in_foreign
from .list_types import agree_list_types
from .math_spans import inside_formula
from .names import NOT_ENTITIES, is_generic, is_name_like
from .doctext import Ent, Tokens, is_punct, keep_ents, tokens
from .name_bounds import collection_names, space_trimmed
from .statistical import retype_statistical
from .usage_typing import retype_by_usage
from .cue_typing import retype_applied_techniques

# Growing the chosen spans moved to extractors/span_growth.py; its names stay importable from here.
from .span_growth import (  # noqa: F401
    DATASET_SETTINGS, TASK_SETTINGS, _SETTINGS, _SIZE_PIECE, _YEAR, Pick, _glued_name_end, _glued_name_start, _grown,
    _name_piece, _size_suffix_end, grow_spans,
)

#: "direction" (a translation direction, names.py) ranks with the gazetteer so the
#: longer "English-German machine translation" wins over "machine translation".
PRIORITY = {"title": 5, "gazetteer": 4, "direction": 4, "abbreviation": 3, "proposal": 2, "pattern": 2, "ner": 1}
#: Mined established terms (extractors/components.py) only fill words no other candidate takes.
PRIORITY["established"] = 0.5
#: ... and the paper's named parts (extractors/components.py) outrank the statistical guesses.
PRIORITY["component"] = 1.5
#: ... and the descriptive name a proposal cue gives the paper's own method (extractors/proposal_phrases.py) ranks
#: with the cue's coined names.
PRIORITY["own-phrase"] = 2


#: A span opening with one is the tail of a coordination ("zero-shot and fine-tuning settings").
_CONJUNCTIONS = frozenset(("and", "or", "but", "nor"))
_DANGLING = frozenset("to of and or for with the a an in on by from at as via".split())


def _acceptable(span: Span, toks: Tokens | None = None) -> bool:
    """Whether a candidate can be an entity at all (``toks``: the doc's
    :func:`~extractors.doctext.tokens`, passed by callers that check many)."""
    return _acceptable_at(tokens(span.doc) if toks is None else toks, span.start, span.end, span.id_)


_ASCII_LETTER = re.compile(r"[A-Za-z]")


def _acceptable_at(toks: Tokens, start: int, end: int, source: str) -> bool:
    text = toks.text_of(start, end).strip()
    if len(text) < 2 or not (_ASCII_LETTER.search(text) or not text.isascii() and any(c.isalpha() for c in text)):
        return False  # no letter at all
    last = toks.word(end - 1)
    if source not in ("gazetteer", "established") and (is_generic(text) or text in NOT_ENTITIES or text.endswith(("et al", "et al."))
                                  or last in _DANGLING or toks.word(start) in _CONJUNCTIONS):
        # a citation ("Devlin et al"); a lower-case function word at the end
        # ("Text-to", "Mixture of"; an upper-case "EVA02-AT" is a name)
        return False
    if source == "ner" and not (is_name_like(text) or end - start >= 2):
        return False  # a lone common word ("classifiers") is a concept, not a linkable entity
    if is_punct(toks.word(start)) or is_punct(last) and last != "+":
        return False
    # a trailing "+" is a name's own ("CodeT5+"), not a loose one ("token matching +")
    return not (last == "+" and (end - start == 1 or toks.space_after(end - 2)))


_DIMENSION = re.compile(r"^[1-4]D$")
#: One-word task names ("parsing", "translation") are tasks only when they stand
#: alone as a noun phrase; "translation quality" or "query segmentation" is not one.
BARE_TASKS = frozenset("parsing translation tokenization segmentation classification localization tagging captioning".split())
_FUNCTION = frozenset("""the a an of for in on and or to with by as is are was were be been from at via such both
    than that which while into over under e.g. i.e. its their our this these study studies studied improve
    improves improved improving address addresses addressed tackle tackles tackled perform performs performed
    consider considers including include includes like""".split())


#: ... or as the modifier of a word that says the task is meant ("translation
#: quality", "parsing accuracy", "the parsing task").
_TASK_HEADS = frozenset("accuracy quality results result task tasks evaluation performance research".split())


def _stands_alone(doc: Doc, span: Span) -> bool:
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    ok_before = before is None or before.is_punct or before.lower_ in _FUNCTION
    ok_after = after is None or after.is_punct or after.lower_ in _FUNCTION or after.lower_ in _TASK_HEADS
    return ok_before and ok_after


def dimension_variants(doc: Doc, candidates: list[Span]) -> list[Span]:
    """"3D CNNs", "2D convolutions": a known method after a dimension is a
    method of its own (C3D and I3D are not image CNNs); the span takes the
    dimension in and drops the link to the plain method."""
    toks = tokens(doc)
    return [_dimension_variant(doc, toks, span, span.label_) for span in candidates if span is not None]


def _dimension_variant(doc: Doc, toks: Tokens, span: Span, label: str) -> Span:
    if label == "Method" and span.start > 0 and _DIMENSION.match(toks.word(span.start - 1)):
        return Span(doc, span.start - 1, span.end, label="Method", span_id="pattern")
    return span


def _rank(start: int, end: int, label: str, source: str, curated_tasks: set[tuple[int, int]],
          defined_over: set[tuple[int, int]] = frozenset()) -> float:
    """Extractor priority; a statistical Task that only adds words before a
    curated task ("cross-lingual document classification" around "document
    classification") outranks it: all three gold corpora annotate the longer
    task. Measured with a model trained without TDMSci fold 1: exact micro F1
    TDMSci fold 1 56.2 -> 56.8, SciER dev 67.4 -> 67.8, SciERC dev 29.2 -> 29.8.
    ``curated_tasks``: (start, end) of the gazetteer's Task candidates;
    ``defined_over``: :func:`defined_over_gazetteer`'s long forms, which
    outrank the gazetteer name inside them."""
    if source == "ner" and label == "Task":
        if any(e == end and s > start for s, e in curated_tasks):
            return PRIORITY["gazetteer"] + 0.5
    if source == "abbreviation" and (start, end) in defined_over:
        return PRIORITY["gazetteer"] + 0.5
    return PRIORITY.get(source, 0)


#: A defined long form that reads as one name: words, hyphens and slashes
#: only, no list or clause inside ("English and Czech WordNet, FrameNet"),
#: not opening on a function word ("based BPE").
_ONE_NAME = re.compile(r"[A-Za-z0-9][\w\-/' ]*")
#: "Computer Vision domain (CV)": the defined long form names a field plus its kind word.
_FIELD_WORDS = frozenset(("domain", "field", "area", "community"))
_NOT_IN_NAME = frozenset("and or but with using based for of the a an in on to by from that which our we namely".split())


def defined_over_gazetteer(toks: Tokens, ranked: list[Pick]) -> set[tuple[int, int]]:
    """(start, end) of the abbreviations' long forms that take a gazetteer
    name inside them ("Multi-Head Self-Attention Network (MHSAN)" around
    "Multi-Head Self-Attention"): issue 28's rule that an in-document
    definition wins over the gazetteer (the cut name took the abbreviation
    with it and linked it to the gazetteer's entity). Only a long form that
    reads as one name of at most seven words, and not where a curated name of
    another type ends it ("Targeted Sentiment Analysis (TSA)" stays the
    gazetteer's Task)."""
    curated = [(start, end, label) for _, start, end, label, source in ranked if source == "gazetteer"]
    out = set()
    if not curated:
        return out
    for _, start, end, label, source in ranked:
        if source != "abbreviation" or end - start < 2:
            continue
        words = [toks.word(i) for i in range(start, end)]
        text = toks.text_of(start, end)
        lower = [w.lower() for w in words]
        if (len(words) > 7 or not _ONE_NAME.fullmatch(text) or lower[0] in _NOT_IN_NAME
                or lower[-1] in _FIELD_WORDS or "and" in lower or "or" in lower
                or len(words) > 3 and any(w in _NOT_IN_NAME for w in lower[1:])):
            continue
        if any(start <= s and e <= end and e - s < end - start and (e != end or g == label) for s, e, g in curated):
            out.add((start, end))
    return out


def _candidates(doc: Doc, toks: Tokens, spans: list[Span]) -> list[Pick]:
    """(span, start, end, label, source) of the candidates worth ranking:
    statistical spans retyped by their own words, one-word curated tasks only
    as a noun phrase of their own, dimensions taken into methods. Each
    span's attributes are read once (``Span.label_`` looks a string up)."""
    out = []
    formulas = doc.user_data.get("formulas")
    foreign = foreign_spans(doc)
    for span in spans:
        source = span.id_
        if foreign and in_foreign(foreign, span.start_char, span.end_char) and not kept_in_foreign(span.text, source):
            continue  # a French sentence's phrase read as English (extractors/language.py)
        if formulas and inside_formula(formulas, toks.idx[span.start], toks.idx[span.end - 1] + toks.length[span.end - 1]):
            continue  # a symbol of a formula ("$\\kappa$"): extractors/math_spans.py
        if source == "ner":
            span = retype_statistical(doc, span)
            if span is None:
                continue
        start, end, label = span.start, span.end, span.label_
        if toks.word(start)[:1].isspace() or toks.word(end - 1)[:1].isspace():  # " attention  module"
            bounds = space_trimmed(toks, start, end)
            if bounds is None:
                continue
            start, end = bounds
            span = Span(doc, start, end, label=label, kb_id=span.kb_id_, span_id=source)
        if source == "ner" and end - start >= 3:
            parts = _joined_parts(doc, toks, span, start, end, label)
            if parts is not None:
                out.extend(parts)
                continue
        if (source == "gazetteer" and end - start == 1 and toks.word(start).lower() in BARE_TASKS
                and not _stands_alone(doc, span)):
            continue
        dimensioned = _dimension_variant(doc, toks, span, label)
        if dimensioned is not span:
            span, start, source = dimensioned, dimensioned.start, "pattern"
        out.append((span, start, end, label, source))
    return out


def _joined_parts(doc: Doc, toks: Tokens, span: Span, start: int, end: int, label: str) -> list[Pick] | None:
    """The things a statistical span joins (:mod:`extractors.joined_names`): the
    campaign of "TEAM at CAMPAIGN", each of "A and B"; None for any other span."""
    new = campaign_after_team(toks, start, end)
    if new != start:  # the campaign a team took part in: a Benchmark (tests/data/audit/GUIDE.md)
        return [(Span(doc, new, end, label="Benchmark", span_id="ner"), new, end, "Benchmark", "ner")]
    bounds = coordinated_names(toks, start, end)
    if not bounds:
        return None
    return [(Span(doc, a, b, label=label, span_id="ner"), a, b, label, "ner") for a, b in bounds]


def select_spans(doc: Doc, candidates: list[Span]) -> list[Span]:
    """Greedy non-overlapping selection by extractor priority, then length."""
    return [pick[0] for pick in _select(doc, candidates)]


def _select(doc: Doc, candidates: list[Span]) -> list[Pick]:
    toks = tokens(doc)
    ranked = _candidates(doc, toks, candidates)
    # curated tasks, and the learning techniques the gazetteer types Method since the audit's guide
    # does ("deep reinforcement learning" around "reinforcement learning": typed Task until then)
    curated_tasks = {(start, end) for _, start, end, label, source in ranked if source == "gazetteer"
                     and (label == "Task" or label == "Method" and toks.word(end - 1).lower() == "learning")}
    defined_over = defined_over_gazetteer(toks, ranked)
    ranked.sort(key=lambda c: (-_rank(c[1], c[2], c[3], c[4], curated_tasks, defined_over), c[1] - c[2], c[1]))
    taken = [False] * len(doc)
    chosen: list[Pick] = []
    for pick in ranked:
        _, start, end, _, source = pick
        if any(taken[start:end]) or not _acceptable_at(toks, start, end, source):
            continue
        for i in range(start, end):
            taken[i] = True
        chosen.append(pick)
    chosen = grow_spans(doc, chosen, taken, {(start, end) for _, start, end, _, source in ranked if source == "gazetteer"})
    retype_by_usage(doc, toks.text_of, chosen)
    retype_applied_techniques(doc, toks.text, toks.text_of, chosen)
    _retype_collections(doc, toks, chosen)
    agree_list_types(doc, toks, chosen)
    # one pass over the text for all chosen names (longest first at a position)
    first: dict[str, Pick] = {}
    for pick in chosen:
        if pick[4] != "gazetteer":
            first.setdefault(toks.text_of(pick[1], pick[2]), pick)
    if first:
        _retype_repeats(doc, toks, chosen, first)
        for start_char, end_char, name in find_names(toks.text, first):
            bounds = toks.char_span(start_char, end_char)
            if bounds is None or any(taken[bounds[0] : bounds[1]]):
                continue
            for i in range(*bounds):
                taken[i] = True
            span, label = first[name][0], first[name][3]
            chosen.append((Span(doc, *bounds, label=span.label, kb_id=span.kb_id, span_id="repeat"), *bounds, label, "repeat"))
    chosen.sort(key=lambda pick: pick[1])
    return chosen


def _retype_collections(doc: Doc, toks: Tokens, chosen: list[Pick]) -> None:
    """Coined names the abstract writes as a collection ("the proposed
    COCO-WholeBody dataset") or a campaign ("the SentiMix task", "Workshop on
    Asian Translation (WAT)") become that Dataset/Benchmark at every mention
    (:func:`~extractors.name_bounds.collection_names`); curated types stay."""
    defined = {}
    for a in getattr(doc._, "abbreviations", None) or ():
        defined[a.short] = defined[a.long] = a.long
    names = {toks.text_of(p[1], p[2]) for p in chosen if p[4] != "gazetteer" and p[3] in _RETYPED}
    names = [n for n in names if is_name_like(n.split()[0]) or n in defined]
    if not names:
        return
    found = collection_names(toks.text, names, defined)
    for k, pick in enumerate(chosen):
        kind = found.get(toks.text_of(pick[1], pick[2])) if pick[4] != "gazetteer" else None
        label = _RETYPED.get(pick[3], {}).get(kind)
        if label is not None and label != pick[3]:
            span = pick[0]
            chosen[k] = (Span(doc, pick[1], pick[2], label=label, kb_id=span.kb_id, span_id=span.id), pick[1], pick[2],
                         label, pick[4])


#: {tagged label: {what collection_names says: new label}}.
_RETYPED = {
    "Method": {"Dataset": "Dataset", "Benchmark": "Benchmark", "Campaign": "Benchmark", "Task": "Benchmark"},
    "Dataset": {"Campaign": "Benchmark", "Task": "Benchmark"},
    "Task": {"Campaign": "Benchmark"},
}


def _retype_repeats(doc: Doc, toks: Tokens, chosen: list[Pick], first: dict[str, Pick]) -> None:
    """A statistical mention of a name the paper coined takes the coined
    type: "PROP" is the title's Method wherever the tagger reads a Task
    (majority voting in the linker made it a Task in the seeds' graph)."""
    for k, pick in enumerate(chosen):
        if pick[4] != "ner":
            continue
        coined = first.get(toks.text_of(pick[1], pick[2]))
        if coined is not None and coined[4] != "ner" and coined[3] != pick[3]:
            span = coined[0]
            chosen[k] = (Span(doc, pick[1], pick[2], label=span.label, kb_id=span.kb_id, span_id="repeat"),
                         pick[1], pick[2], coined[3], "repeat")


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def find_names(text: str, names: Iterable[str]) -> list[tuple[int, int, str]]:
    """Occurrences of ``names`` in ``text`` as whole words (not after a word
    character or ``-``, not before a word character), scanned left to right
    without overlaps, the longest name first at a position: what
    ``re.finditer`` does with an alternation of the names, longest first. With
    ``str.find`` instead, as compiling that per-document pattern cost about
    0.3 ms per abstract (a test checks both agree)."""
    found = []
    for name in names:
        if not name:
            continue
        i = text.find(name)
        while i >= 0:
            end = i + len(name)
            before = text[i - 1] if i else ""
            if not (before and (_word_char(before) or before == "-")) and not (end < len(text) and _word_char(text[end])):
                found.append((i, end, name))
            i = text.find(name, i + 1)
    found.sort(key=lambda f: (f[0], f[0] - f[1]))
    out, last = [], 0
    for start, end, name in found:
        if start >= last:
            out.append((start, end, name))
            last = end
    return out


#: ENT_IOB "O" and no ENT_TYPE, for :func:`write_ents` (rows sliced per doc; grown on demand).
_OUTSIDE = numpy.tile(numpy.array([[2, 0]], dtype="uint64"), (1024, 1))


def write_ents(doc: Doc, picks: list[Pick]) -> None:
    """``doc.set_ents`` for the chosen, non-overlapping spans: every token
    set outside in one ``Doc.from_array`` call, then the spans with
    ``default="unmodified"`` (measured: 43 -> 15 us per abstract; the
    default mode tests every token against a Python set). The token
    annotation equals ``set_ents``', the extractor in ``ent_id`` included.
    Records the ents for later rules (:func:`~extractors.doctext.keep_ents`)."""
    global _OUTSIDE
    n = len(doc)
    if not n:
        return
    if n > len(_OUTSIDE):
        _OUTSIDE = numpy.tile(_OUTSIDE[:1], (2 * n, 1))
    doc.from_array([ENT_IOB, ENT_TYPE], _OUTSIDE[:n])
    doc.set_ents([pick[0] for pick in picks], default="unmodified")
    toks = tokens(doc)
    records = []
    for _, start, end, label, _ in picks:
        start_char, end_char = toks.chars(start, end)
        records.append(Ent(start, end, start_char, end_char, label, toks.text[start_char:end_char]))
    keep_ents(doc, records)


@batch_component("mlkg_resolve_v1")
def mlkg_resolve(doc: Doc) -> Doc:
    """Write the selected mentions to ``doc.ents`` (kb_id = gazetteer name)."""
    write_ents(doc, _select(doc, take_candidates(doc)))
    return doc
