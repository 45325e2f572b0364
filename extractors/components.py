"""Established lower-case techniques and tasks as candidate mentions.

The taggers and the gazetteer miss names written in lower case that the
literature treats as established techniques ("data augmentation", "beam
search", "deep learning", "fine-tuning"): issue 28's node recall, which
bounds relation recall (issue 26). :mod:`ontology.established_terms` mines
them from the 120,000 real abstracts (recurrence, use as a tool or as a
task, definitions and Title Case); this component matches them, at C speed
with the gazetteer's own matcher (:class:`extractors.gazetteer.GazetteerMatcher`),
as candidates of source ``established``. Their rank is below every other
extractor's (:data:`extractors.resolve.PRIORITY`): they only fill words no
other candidate takes, so they add nodes and change none.

It also finds the parts a paper names for its own method ("we design an
aspect alignment loss", "KGNLI consists of ... a label prediction module"):
a head word of a part (:data:`COMPONENT_HEADS`: module, loss, layer,
encoder, attention ...) that ends its noun phrase, after one to four nouns
or adjectives of which one names (a noun or a compound: "copy loss",
"position-aware attention"; not "a novel module", "a shared encoder"), in a
sentence that introduces or lists parts (:data:`_OWN_WORK`), in an abstract
that names a known method (a gazetteer or established Method). The audit's
guide counts such parts specific Methods ("context-aware query embedding
encoder", "thread-aware attention"), PROPOSES when new and PART_OF the
proposed method (:func:`component_relations`).

Counted on ``draw_sample(3000, 90919293)`` of bench/same_output.py
(standard tier, before/after; 667 papers change, +834 nodes -28, +431
relations -23): established-term nodes read at random 86 of 90 right (two
samples of 45: wrong a French "ensemble", "attention networks" cut from a
title's name, "dependency tree" typed Method, one typed Task by the linker);
named-part nodes 40 of 45 right on the last sample (wrong: "feature
extractor" as a role, an analog circuit, a cut "knowledge-attention", since
fixed, and two Task types the linker gave), after three rounds that moved
29/50 -> 36/50 -> 42/50 as the rules above were added; relations read at
random 44 of 50 right (wrong: PART_OF self-attention of a tool that
visualises it, PROPOSES of an existing "character encoder (BERT)" and of
l2 regularization a paper compares, USES of language models in a
future-work sentence, two more).
"""
from __future__ import annotations

import re
from bisect import bisect_right

from spacy.language import Language
from spacy.tokens import Doc, Span

from ontology import EntityType, RelationType
from ontology.established_terms import NOT_FIRST, established_terms
from ontology.phrase_evidence import phrase_key
from ontology.word_classes import word_class
from ontology.gazetteer import GazetteerEntry

from .doctext import Tokens, tokens
from .gazetteer import GazetteerMatcher, _bounded, _lowercase_clash, _pattern_tokenizer, candidates, longest_first
from .name_bounds import NOT_NAME_WORDS
from .names import compound_start
from .sentences import sentence_bounds

SOURCE = "established"
COMPONENT_SOURCE = "component"


def established_entries() -> tuple[GazetteerEntry, ...]:
    """The mined terms as (unlinked) gazetteer-style entries to match."""
    return tuple(GazetteerEntry(key, EntityType(typ)) for key, typ in sorted(established_terms().items()))


class EstablishedTermMatcher(GazetteerMatcher):
    """The gazetteer's matcher over the mined terms; candidates carry no
    gazetteer id and the source ``established``. The head words of parts
    (:data:`COMPONENT_HEADS`) sit in the same lower-case matcher under a key
    of their own: one pass over the doc finds both."""

    def __init__(self, nlp: Language, name: str):
        super().__init__(nlp, name, established_entries())
        strings = nlp.vocab.strings
        empty = strings.add("")
        self._by_key = {k: (v[0], v[1], empty, *v[3:]) for k, v in self._by_key.items()}
        self._source = strings.add(SOURCE)
        make_doc = _pattern_tokenizer(nlp)
        self.folded.add(_HEAD_KEY, [make_doc(h) for h in sorted(COMPONENT_HEADS)])
        self._head_key = strings.add(_HEAD_KEY)
        self._method = strings.add("Method")

    def _hits(self, doc: Doc) -> tuple[list[tuple[int, int, int]], list[int]]:
        """(term hits, as the gazetteer matcher keeps them, less those inside a Title Case name;
        head-word positions). A capitalised hit beside a capitalised word that is no function word
        belongs to that name (read on 3,000 real abstracts: "attention networks" cut from a title's
        name; on the audit: "ensemble" cut from "Ensemble Knowledge Distillation")."""
        toks, by_key, head_key = tokens(doc), self._by_key, self._head_key
        hits, heads = [], []
        for k, s, e in self.folded(doc):
            if k == head_key:
                heads.append(s)
            else:
                hits.append((s, e, k))
        n = len(toks.idx)

        def name_word(i: int) -> bool:
            if not 0 <= i < n:
                return False
            w = toks.word(i)
            return w[:1].isupper() and w.lower() not in NOT_NAME_WORDS

        kept = [(a, b, k) for a, b, k in longest_first(hits)
                if _bounded(doc, toks, a, b) and not _lowercase_clash(toks, a, b, by_key[k][0])
                and not (toks.word(a)[:1].isupper() and (name_word(a - 1) or name_word(b)))]
        return kept, heads

    def __call__(self, doc: Doc) -> Doc:
        by_key, source = self._by_key, self._source
        hits, heads = self._hits(doc)
        found = candidates(doc)
        found.extend(Span(doc, start, end, label=by_key[key][1], kb_id=by_key[key][2], span_id=source)
                     for start, end, key in hits)
        # only in an abstract about machine learning: one that names a known method (robot joints,
        # software layers and a hexapod's "leg loss" are parts of other things: 4 of 8 wrong of 50 read)
        if heads and (any(by_key[k][1] == self._method for _, _, k in hits)
                      or any(c.label_ == "Method" and c.id_ == "gazetteer" for c in found)):
            found.extend(own_work_components(doc, tokens(doc), heads))
        return doc


_HEAD_KEY = "component-head"


@Language.factory("mlkg_established_v1")
def make_established(nlp: Language, name: str) -> EstablishedTermMatcher:
    return EstablishedTermMatcher(nlp, name)


# -- the paper's named components ------------------------------------------------------------------

#: Head words of a method's parts ("a dual-attention module", "the relevance loss", "a guider
#: network"); singular: a plural names a class of parts ("lightweight modules").
COMPONENT_HEADS = frozenset("""module loss layer block encoder decoder attention subnetwork
    predictor learner searcher discriminator regularization regularizer extractor selector
    gate branch""".split())
#: Words that describe rather than name (after ontology.established_terms.NOT_FIRST): a part
#: whose words are only these is generic ("a novel module", "the proposed loss").
_NOT_MODIFIER = NOT_FIRST | frozenset("""novel proposed designed new our their this that its and or of to with for in on
    by from as is are be been being also then which where so-called well-known end-to-end off-the-shelf
    state-of-the-art plug-and-play task-specific""".split())
#: Words that may stand in a part's name but name nothing alone ("a shared encoder", "an additional
#: module", "neural network sentence encoder": the last names by "sentence").
_DESCRIPTIVE = frozenset("""additional auxiliary extra separate shared joint dedicated neural deep learning learned
    trainable small large distinct network networks model models custom optimal""".split())
#: A sentence that introduces or assembles parts: the paper proposes, designs or lists them there
#: (read on 3,000 real abstracts: sentences with "we" or "our" alone named roles, "the encoder
#: module", "as a feature extractor", 14 of 50 parts wrong; see the module docstring).
_OWN_WORK = re.compile(r"\b(?:propos\w*|introduc\w*|design\w*|develop\w*|construct\w*|consist\w*|"
                       r"compris\w*|compos\w*|incorporat\w*|equip\w*|devis\w*|present\w*|novel|new|"
                       r"term\w*|call\w*|nam\w*)\b")
_LOWER_WORD = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
MAX_MODIFIERS = 4


def _modifier(word: str) -> bool:
    """A word that can name a part: a lower-case noun or adjective (or a compound of them)."""
    if not _LOWER_WORD.match(word) or word in _NOT_MODIFIER or word.split("-")[0] in _NOT_MODIFIER:
        return False
    if word.split("-")[0].endswith("ly"):
        return False  # an adverb ("specially-designed", "jointly")
    if "-" in word:
        return True
    c = word_class(word)
    total = sum(c.values())
    return total == 0 or c["noun"] + c["adj"] >= c["verb"] + c["other"]


def _names(word: str) -> bool:
    """A modifier that names the part: a noun or a compound, not only a describing adjective
    ("copy loss", "position-aware attention"; not "private decoder", "rapid loss")."""
    if word in _DESCRIPTIVE or word in COMPONENT_HEADS:
        return False  # "a shared encoder", "the encoder module"
    if "-" in word:
        return True
    c = word_class(word)
    return sum(c.values()) == 0 or c["noun"] > c["adj"]


def _ends_phrase(toks: Tokens, head: int) -> bool:
    """Whether the noun phrase ends at the head: no noun follows it ("attention network", "loss
    function", "layer-by-layer manner" go on)."""
    nxt = head + 1
    if nxt >= len(toks.idx):
        return True
    word = toks.word(nxt)
    if word == "-" and not toks.space_after(head):
        return False
    if not _LOWER_WORD.match(word) or word in _NOT_MODIFIER:
        return True
    if word in COMPONENT_HEADS or word.rstrip("s") in COMPONENT_HEADS:
        return False  # "knowledge-attention encoder", "attention layers"
    c = word_class(word)
    return sum(c.values()) > 0 and c["noun"] <= c["adj"] + c["verb"] + c["other"]


def component_spans(toks: Tokens, head: int, lo: int) -> tuple[int, int] | None:
    """(start, end) tokens of a named part ending in the head word at ``head`` (sentence from
    ``lo``): the head and the nouns and adjectives right before it, at least one of them naming."""
    if not _ends_phrase(toks, head):
        return None
    start = compound_start(toks, head, lo)
    words = naming = 0
    if start < head:  # "self-attention": the prefix names, if it is a noun ("multi-branch", "single-network": no)
        prefix = toks.text_of(start, head - 1)
        if head - start > 2 or not _modifier(prefix) or word_class(prefix)["noun"] <= word_class(prefix)["adj"]:
            return None
        words = naming = 1
    while words < MAX_MODIFIERS and start - 1 >= lo and toks.space_after(start - 1):
        j = compound_start(toks, start - 1, lo)
        word = toks.text_of(j, start)
        if not _modifier(word):
            break
        start, words, naming = j, words + 1, naming + _names(word)
    if not naming:
        return None
    if start > lo:
        if not toks.space_after(start - 1) or toks.word(start - 1) == ")":
            return None  # the tail of a glued word, or of a name with its abbreviation ("Kullback-Leibler (KL)")
        j = compound_start(toks, start - 1, lo)
        before = toks.text_of(j, start)
        if before[:1].isupper():
            if j > lo:
                return None  # the tail of a longer name ("Edge Matching module")
            if words < MAX_MODIFIERS and _modifier(before.lower()):
                start = j  # a sentence's first word, capitalised as such
    return start, head + 1


def own_work_components(doc: Doc, toks: Tokens, heads: list[int]) -> list[Span]:
    """Candidate Method spans of the named parts in the paper's own-work sentences (source
    ``component``)."""
    if not heads:
        return []
    bounds = sentence_bounds(doc)
    starts = [b[0] for b in bounds]
    own: dict[int, bool] = {}
    out = []
    for head in heads:
        k = bisect_right(starts, head) - 1
        if k < 0:
            continue
        lo, _, a, b = bounds[k]
        if k not in own:
            own[k] = _OWN_WORK.search(toks.text[a:b].lower()) is not None
        if not own[k]:
            continue
        found = component_spans(toks, head, lo)
        if found is not None:
            out.append(Span(doc, *found, label="Method", span_id=COMPONENT_SOURCE))
            new = _NEW_PART.search(toks.text[a:b].lower()) is not None
            doc.user_data.setdefault(FOUND_KEY, {})[toks.chars(*found)] = (a, b, new)
    return out


#: ``doc.user_data`` key: (start_char, end_char) of each named part -> (sentence start, end, new?).
FOUND_KEY = "mlkg_components"
#: A sentence that introduces the part as new (the guide: the paper's new named parts are PROPOSES).
_NEW_PART = re.compile(r"\b(?:propos\w*|introduc\w*|design\w*|develop\w*|construct\w*|devis\w*|present\w*|novel|new)\b")


def component_relations(doc: Doc, ents: list, own) -> list:
    """Paper-level PROPOSES (a new part) or USES, and PART_OF the paper's one proposed method
    (``own``, :func:`extractors.relations.mlkg_relations`), for each named part chosen as an
    entity. Called by the relation step, which owns the evidence records."""
    from .relations import PAPER, LocalRelation

    found = doc.user_data.pop(FOUND_KEY, None)
    if not found:
        return []
    out = []
    for e in ents:
        where = found.get((e.start_char, e.end_char))
        if where is None or e.label_ != "Method":
            continue
        a, b, new = where
        span = (e.start_char, e.end_char)
        # a part of the paper's own method is new too (the guide: "its parts described as the paper's own
        # are proposed"), unless the literature knows it (an established term: "self-attention")
        known = phrase_key(e.text) in established_terms()
        part_of = own is not None and own.label_ == "Method" and own.text != e.text
        rtype = RelationType.PROPOSES if (new or part_of) and not known else RelationType.USES
        out.append(LocalRelation(rtype, PAPER, span, (a, b), "component:" + ("new" if new else "use"), 0.7))
        if part_of:
            out.append(LocalRelation(RelationType.PART_OF, span, (own.start_char, own.end_char), (a, b),
                                     "component:part", 0.6))
    return out
