"""Names that papers coin: proposal cues, titles "Name: ...", and acronyms.

Cue phrases after the "we propose / introduce / present X" pattern family used
for method-name extraction in scientific text (cf. Gupta & Manning, "Analyzing
the dynamics of research by extracting key aspects of scientific papers",
IJCNLP 2011; Hou et al., "TDMSci", EACL 2021); the cue verbs themselves and
who they speak of are in :mod:`extractors.cues`. Plain functions here; the
component at the bottom adds their spans to the candidate mentions. What
type a name is, from its own words, is :mod:`extractors.name_types`.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from spacy.tokens import Doc, Span

from ontology import EntityType

from .batching import batch_component
from .catalogue_ids import catalogue_id_spans
from .cues import CUE_WINDOW, cue_spans, cue_window
from .gazetteer import candidates
from .doctext import Tokens, doc_text, get_ext, lower_text, set_ext, tokens
from .sentences import sentence_bounds

# Typing a name from its own words moved to extractors/name_types.py; its names stay importable from here.
from .name_types import (  # noqa: F401
    TASK_HEADS, _APPOSITION_KIND, _BENCHMARK_HEADS, _DATASET_HEADS, _METHOD_AFTER, _METRIC_HEADS, _MODEL_WORD,
    _NAMED_COLLECTION_AFTER, _PREPOSITION, _PROBLEM_AFTER, _SERVES, _TASK_HEADS, abbreviation_type, apposition_type,
    coined_type, ends_with_head, guess_type, names_a_method_after,
)

#: Words that are never an entity on their own, however they are capitalised.
GENERIC_WORDS = frozenset(
    """a an the our this that these those it its we method methods model models approach approaches
    framework frameworks system systems algorithm algorithms technique techniques network networks
    architecture architectures dataset datasets benchmark benchmarks task tasks paper work study
    introduction survey review overview tutorial position perspective primer report analysis
    baseline baselines experiment experiments results result evaluation performance data learning
    training inference we're towards toward beyond rethinking revisiting understanding improving
    scaling learning case part one two new novel simple efficient effective general unified
    abstract conclusion appendix table figure section pre trained pretrained pretraining large small
    deep neural language vision foundation multimodal generative base baseline""".split()
)

_NAMING = re.compile(r"\b(?:call(?:ed)?|dub(?:bed)?|term(?:ed)?|name[sd]?|namely|coined)\s+$", re.I)
_APPOSITION = re.compile(r"^\s*,\s*(?:a|an)\s+(?:novel|new|simple|general|unified|efficient|large|open)\b", re.I)

#: A proposal verb coordinated with the one before it ("... and release
#: FiNER-139, a dataset of ..."): the same subject proposes a second thing.
#: Rare: on 2,996 real abstracts 1 firing ("... and propose MultiDistance",
#: right), in the audit's 75 one (FiNER-139, right).
_AND_BEFORE = re.compile(r"\band\s+(?:also\s+|then\s+|further\s+|publicly\s+)?$")


#: Acronyms of fields, hardware and formats: never a coined name.
GENERIC_ACRONYMS = frozenset(
    """AI AGI ML DL NLP NLU NLG CV RL LLM LLMs LM LMs PLM PLMs VLM VLMs MLLM MLLMs GPU GPUs CPU CPUs TPU TPUs
    API APIs URL URLs SOTA SoTA HTML JSON PDF PDFs GB MB FLOPs FLOP IoT AR VR QA KG KGs NN NNs DNN DNNs CNN CNNs
    RNN RNNs GNN GNNs MoE SFT PEFT ViTs""".split()
)
#: Acronyms that never name a method, dataset, task or metric, even when
#: defined ("state-of-the-art (SOTA)" gave a Method "SOTA" in the seeds' graph).
NOT_ENTITIES = frozenset("SOTA SoTA API APIs URL URLs HTML JSON PDF PDFs GB MB GPU GPUs CPU CPUs TPU TPUs CLS ID OOD IID".split())
#: ... nor the placeholder the ACL Anthology's abstracts keep where a citation was ("the work of~(CITATION)":
#: a Method node in audit part F; 2 nodes on draw_sample(3000, 31337077) and 4 on draw_sample(3000, 5150501),
#: standard, all this placeholder).
NOT_ENTITIES |= {"CITATION", "CITATIONS"}
#: A bare modifier as an abbreviation's long form ("out-of-distribution (OOD)
#: detection", "in-distribution (ID)", "end-to-end (E2E)") names nothing.
_BARE_MODIFIER = re.compile(r"^(?:out-of|in|zero|few|multi|single|many|end-to)-[a-z-]+$", re.I)
TITLE_STARTERS = frozenset(
    """towards toward learning scaling rethinking revisiting understanding improving on when why how what
    beyond do does is are can should make making get spread leveraging exploring unlocking enhancing
    boosting bridging training evaluating measuring benchmarking""".split()
)
#: Words after a hyphen that make a name a modifier ("BERT-based", "GPT-like").
MODIFIER_SUFFIXES = ("based", "like", "style", "aware", "free", "level", "scale", "wise", "accelerated", "driven",
                     "specific", "guided", "conditioned", "agnostic", "sized")
_NON_NAME = re.compile(r"://|^www\.|/|^[A-Z]{2,5}s$|^\d+(?:\.\d+)?[DdKkMBx]$|-(?:%s)$" % "|".join(MODIFIER_SUFFIXES))


@lru_cache(maxsize=65536)
def is_generic(name: str) -> bool:
    """True for bare generic words and phrases made only of them."""
    words = re.findall(r"[A-Za-z]+|\d+", name.lower())
    return not words or all(w in GENERIC_WORDS for w in words)


@lru_cache(maxsize=65536)
def is_name_like(text: str) -> bool:
    """A coined name: inner capitals or digits ("TrAct", "MQAR", "GPT-4"), not a plain word."""
    letters = [c for c in text if c.isalpha()]
    if len(text) < 2 or not letters or is_generic(text) or text in GENERIC_ACRONYMS or _NON_NAME.search(text):
        return False
    inner_upper = any(c.isupper() for c in text[1:])
    has_digit = any(c.isdigit() for c in text)
    return inner_upper or (has_digit and text[0].isalpha())


#: Words right before a long form (up to two more between) that name a method brought in before:
#: "our FST framework" (the sentence's new thing is another), "the recently proposed Dec-MCTS
#: algorithm", "the existing NBT framework"; "the proposed X", "our novel SRM algorithm" are the paper's own.
_KNOWN_BEFORE = re.compile(r"\b(?:[Oo]ur|recently|previously|existing|previous|original|standard|popular|"
                           r"classical|conventional|traditional|well-known|widely)\s+(?:(?!(?:novel|new)\b)[\w-]+\s+){0,2}$")


def within_curated(bounds: tuple[int, int], curated: dict[tuple[int, int], str]) -> bool:
    """Whether the token span ``bounds`` lies inside (or is) a curated name's
    span: a long form a known name holds keeps that name's type."""
    return any(s <= bounds[0] and bounds[1] <= e for s, e in curated)


#: "the task of", "a new task called": what a defined pair right after it names is a task,
#: whatever its head word ("the task of Open-Domain Information Narration (OIN)"). On the 327
#: abstracts of the 120,000 that write "the/a new task of|called|named ... (X)" it retyped 40
#: pairs Method -> Task, read one by one: 38 right (Term Set Expansion, Grounded Video
#: Description, CJPE, STAPLE, RNR, rPPG, ...), 2 wrong before and after ("infrastructure",
#: "Frequently Asked Questions" of "FAQ retrieval"); on draw_sample(3000, 73737373) 1 change,
#: right. Not "the problem of": there the pair is as often a method or a model ("MDPs", "CRF").
_TASK_OF = re.compile(r"\b(?:[Tt]he|[Aa]|[Nn]ew|[Nn]ovel)\s+(?:novel\s+|new\s+)?tasks?\s+(?:of|called|named|termed|dubbed)\s+"
                      r"(?:the\s+)?$")


def title_name(title: str) -> str | None:
    """"Name" of a title "Name: subtitle", or None when the prefix is not a name."""
    if ":" not in title:
        return None
    prefix, suffix = (part.strip() for part in title.split(":", 1))
    if is_name_like(suffix) and " " not in suffix and len(prefix.split()) > 3:
        return suffix  # "Jointly-Learned Exit ... : JEI-DNN"
    words = prefix.split()
    if not words or len(words) > 4 or is_generic(prefix) or prefix in GENERIC_ACRONYMS or _NON_NAME.search(prefix):
        return None
    if len(words) > 1 and words[0].lower() in TITLE_STARTERS and not any(_coined_word(w) for w in words):
        return None
    if len(words) > 1 and not all(w[:1].isupper() or w[:1].isdigit() for w in words):
        return None
    named = _TITLE_HEAD.match(prefix)  # "SUGARCREPE++ Dataset: ..." names SUGARCREPE++
    return named.group(1) if named and not is_generic(named.group(1)) else prefix


def _coined_word(word: str) -> bool:
    """A name-like word that is not just a Title-Case compound: "TrAct",
    "GPT-4" are coined, "Self-Supervision", "Training-Free" are title words
    ("Beyond Self-Supervision: ..." names nothing)."""
    return is_name_like(word) and not all(p[:1].isupper() and p[1:].islower() for p in word.split("-") if p)


_TITLE_HEAD = re.compile(r"^(.+?)\s+(?:Dataset|Benchmark|Corpus)$")


def _name_run(doc: Doc, i: int, end: int) -> int:
    """Extend a name token over glued neighbours: "CodeT5" "+" -> "CodeT5+"."""
    j = i + 1
    while j < end and not doc[j - 1].whitespace_ and (doc[j].text in "+-." or doc[j].is_alpha or doc[j].like_num):
        if doc[j].text in "-." and (j + 1 >= end or doc[j].whitespace_ or _NON_NAME.search("-" + doc[j + 1].lower_)):
            break
        j += 1
    return j


def proposal_spans(doc: Doc, sent: tuple[int, int, int, int], cue: tuple[int, int] | None,
                   known: set[int], toks: Tokens | None = None, window: int = CUE_WINDOW,
                   earlier: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """Token spans of names a sentence says the paper proposes.

    ``sent``: (start, end, start_char, end_char) of the sentence; ``cue``:
    the char span of the cue verb it reads, if any (:func:`cue_spans`; the
    first whose :func:`cue_window` is open), and ``window`` the tokens after
    it a name may start in;
    ``known``: token indices of curated (gazetteer) names, which a cue does
    not make "proposed" (they are prior work being used); ``earlier``: short
    forms the abstract defined before the sentence, which modify the proposal
    rather than name it ("we first create a novel AT benchmark (@BENCH)",
    :func:`extractors.proposal_phrases.modifies`).
    """
    start, end, start_char, end_char = sent
    toks = tokens(doc) if toks is None else toks
    idx, text = toks.idx, toks.text
    found: list[tuple[int, int]] = []
    if cue is not None and cue[1] < end_char:
        first = toks.char_span(cue[1], end_char, expand=True)[0]  # the tokens after the cue
        modifier_end = 0
        for i in _window_tokens(toks, first, min(end, first + window)):
            word = toks.word(i)
            if word == ";":
                break
            if word in earlier and _phrases.modifies(toks, i):
                modifier_end = idx[i] + len(word)  # an earlier-defined short form modifying the object ("a novel
                continue  # AT benchmark (@BENCH)"): the object's name, if any, is given after it
            if i in known:
                continue
            named = word[:1].isupper() and _NAMING.search(text[cue[1] : idx[i]] + " ")
            if modifier_end and not _phrases.NAME_GIVEN.search(text, modifier_end, idx[i]):
                break
            if is_name_like(word) or named:
                stop = _name_run(doc, i, end)
                found.append((compound_start(toks, i, first), stop))
                found.extend(_phrases.coordinated_name(doc, toks, stop, end, known))
                break
    if end > start and _may_be_name(text, start_char) and is_name_like(toks.word(start)):
        stop = _name_run(doc, start, end)
        if _APPOSITION.match(text[idx[stop] : end_char] if stop < end else ""):
            found.append((start, stop))
    return found


def compound_start(toks: Tokens, i: int, first: int) -> int:
    """Start of the hyphenated word token ``i`` ends: "Lumina-mGPT", "SAM-CLIP"
    (a piece is no name of its own; "CLIP" of "SAM-CLIP" was 'proposed')."""
    while i - 2 >= first and toks.word(i - 1) == "-" and not toks.space_after(i - 1) \
            and not toks.space_after(i - 2) and toks.word(i - 2).isalnum():
        i -= 2
    return i


#: A character that can make a token a name or stop the proposal window: an
#: upper-case letter, a digit, or ";" (ASCII text; see :func:`_window_tokens`).
_NAME_CHAR = re.compile(r"[A-Z0-9;]")


def _window_tokens(toks: Tokens, first: int, stop: int) -> Iterable[int]:
    """The tokens ``first..stop-1`` that :func:`proposal_spans` has to look
    at: on ASCII text only those with an upper-case letter, a digit or ";"
    (the rest are neither name-like nor capitalised), found with one regex
    scan instead of reading every token."""
    if first >= stop:
        return ()
    a, b = toks.chars(first, stop)
    if not toks.text[a:b].isascii():
        return range(first, stop)
    out, last = [], -1
    for m in _NAME_CHAR.finditer(toks.text, a, b):
        i = toks.token_at(m.start())
        if i > last:
            out.append(i)
            last = i
    return out


def _may_be_name(text: str, at: int) -> bool:
    """Whether the word at ``at`` could hold a name-like token (an inner
    capital or a digit): a cheap test before the token is read."""
    word = text[at : at + 40].split(None, 1)
    return bool(word) and not (word[0][1:].islower() and not any(map(str.isdigit, word[0])))


_METHOD_HEAD = re.compile(
    r"\b(?:approach|method|framework|network|algorithm|architecture|technique|strategy|mechanism|module)$",
    re.I)


def known_tokens(doc: Doc, curated: dict[tuple[int, int], str]) -> set[int]:
    """Token indices a proposal cue does not make "proposed": curated
    (gazetteer) names, which are prior work being used, and a "(SF)" right
    after a long form, which names that long form (proposed only if the long
    form itself is coined, which is checked apart). ``curated``: the
    gazetteer spans, (start, end) -> label."""
    known = {i for start, end in curated for i in range(start, end)}
    toks = tokens(doc)
    shorts: set[str] = set()
    for a in get_ext(doc, "abbreviations"):
        # "a test-time adaptation approach (CoTTA)": a method head names
        # the short form as the paper's own; "question answering (QA)" does
        # not, nor a curated or a task's long form, capitalised or not
        # ("... for Visual Place Recognition (VPR)")
        if _METHOD_HEAD.search(a.long):
            continue
        task_like = guess_type(a.long) in (EntityType.TASK, EntityType.METRIC)
        long_bounds = toks.char_span(a.long_start, a.long_end, expand=True)
        long_curated = long_bounds in curated
        if long_bounds is not None and not within_curated(long_bounds, curated) \
                and not _KNOWN_BEFORE.search(toks.text, max(0, a.long_start - 40), a.long_start) \
                and names_a_method_after(toks.text[max(a.long_end, a.short_end):max(a.long_end, a.short_end) + 40]):
            # "a novel subgraph reasoning (SGR) framework": the pair names a method brought in here
            # (abbreviation_type); not inside a curated name ("an Open Information Extraction (IE) approach": a
            # known task's family), nor "our FST framework" or "the recently proposed Dec-MCTS algorithm",
            # which name one brought in before (the sentence's new thing is another: "(FST-D)")
            continue
        if not is_name_like(a.long) or task_like or long_curated:
            shorts.add(a.short)
    if shorts:  # the short form everywhere: "... for Visual Place Recognition (VPR)" ... "we propose X for VPR"
        text, n = toks.text, len(toks.idx)
        for short in shorts:
            at = text.find(short)
            while at >= 0:
                i = toks.token_at(at)
                if (i >= 0 and toks.idx[i] == at and toks.word(i) == short
                        and not (i + 1 < n and not toks.space_after(i) and toks.word(i + 1) == "-")):  # "FST-D" is new
                    known.add(i)
                at = text.find(short, at + len(short))
    return known


def type_context(doc: Doc, end: int) -> str:
    """A few words after a name, for :func:`guess_type` ("X benchmark")."""
    toks = tokens(doc)
    stop = min(len(toks.idx), end + 2)
    return toks.text_of(end, stop) if end < stop else ""


LANGUAGES = (
    "English German French Spanish Chinese Japanese Korean Arabic Russian Czech Romanian Finnish Turkish Hindi "
    "Urdu Italian Portuguese Dutch Estonian Latvian Lithuanian Polish Hungarian Vietnamese Thai Indonesian Malay "
    "Persian Hebrew Greek Swedish Danish Norwegian Ukrainian Bengali Tamil Nepali Sinhala Khmer Pashto Kazakh "
    "Gujarati Swahili Basque Catalan Croatian Serbian Slovak Slovenian Bulgarian Icelandic Irish Welsh Mongolian"
).split()
_LANG = r"(?:%s)" % "|".join(LANGUAGES)
#: "Chinese-to-English translation", "English-German machine translation":
#: a translation direction names a task of its own.
_PAIR_TRANSLATION = re.compile(
    rf"\b{_LANG}(?:-to-|\s+to\s+|\s*[-\u2013/\u2192]\s*){_LANG}(?:\s+(?:neural|statistical))?(?:\s+machine)?\s+translation\b"
)


def pair_translation_spans(doc: Doc) -> list[Span]:
    """Task mentions for translation directions (pattern; see _PAIR_TRANSLATION)."""
    out = []
    text = doc_text(doc)
    if "translation" not in text:
        return out
    for m in _PAIR_TRANSLATION.finditer(text):
        span = doc.char_span(m.start(), m.end(), alignment_mode="contract")
        if span is not None and len(span):
            out.append(Span(doc, span.start, span.end, label=EntityType.TASK.value, span_id="direction"))
    return out


if not Doc.has_extension("proposed"):
    Doc.set_extension("proposed", default=None)


@batch_component("mlkg_names_v1")
def mlkg_names(doc: Doc) -> Doc:
    """Add title names, proposal-cue names and abbreviation pairs as mentions.

    ``doc.user_data["title_end"]`` (a char offset) marks the title, when the
    doc holds "title\\n\\nabstract"; ``doc._.proposed`` maps the char span of
    each proposed name to the char span of its evidence sentence.
    """
    group = candidates(doc)
    toks = tokens(doc)
    proposed: dict[tuple[int, int], tuple[int, int]] = {}
    title_end = doc.user_data.get("title_end", 0)
    title: tuple[str, str] | None = None  # the title's name and its type
    if title_end:
        text = toks.text
        name = title_name(text[:title_end])
        if name:
            start = text.index(name)
            bounds = toks.char_span(start, start + len(name), expand=True)
            if bounds is not None:
                colon = text.find(":", start + len(name), title_end)
                rest = text[colon + 1 : title_end] if colon >= 0 else ""
                head = text[start + len(name) : colon] if colon >= 0 else ""  # " Dataset" of "X Dataset: ..."
                label = coined_type(name + head, rest).value
                title = (name, label)
                span = Span(doc, *bounds, label=label, span_id="title")
                group.append(span)
                proposed[(span.start_char, span.end_char)] = (0, title_end)
    curated = {(span.start, span.end): span.label_ for span in group if span.id_ == "gazetteer"}
    for abbr in get_ext(doc, "abbreviations"):
        long_bounds = toks.char_span(abbr.long_start, abbr.long_end, expand=True)
        short_bounds = toks.char_span(abbr.short_start, abbr.short_end, expand=True)
        if (long_bounds is None or short_bounds is None or is_generic(abbr.long) or abbr.short in NOT_ENTITIES
                or _BARE_MODIFIER.match(abbr.long)):
            continue
        after = max(abbr.long_end, abbr.short_end)
        # a curated long form's type is its short form's: "remote sensing (RS)" is a field (Task);
        # the title's name keeps the title's type ("Advantage Weighted Matching (AWM)" is no Task)
        inside = within_curated(long_bounds, curated)  # "Open [Information Extraction]"
        label = (curated.get(long_bounds) or (title[1] if title and title[0] in (abbr.short, abbr.long) else None)
                 or abbreviation_type(abbr.long, toks.text[after : after + 80], not inside).value)
        if label == "Method" and _TASK_OF.search(toks.text, max(0, min(abbr.long_start, abbr.short_start) - 40),
                                                 min(abbr.long_start, abbr.short_start)):
            label = "Task"  # "We propose the task of Open-Domain Information Narration (OIN)"
        group.append(Span(doc, *long_bounds, label=label, span_id="abbreviation"))
        group.append(Span(doc, *short_bounds, label=label, span_id="abbreviation"))
    group.extend(pair_translation_spans(doc))
    defined = {a.short: a.long for a in get_ext(doc, "abbreviations")}
    for start_char, end_char, label in _lists.collection_list_names(toks.text, defined):  # "the A and B datasets"
        bounds = toks.char_span(start_char, end_char)
        if bounds is not None:
            group.append(Span(doc, *bounds, label=label, span_id="pattern"))
    for start_char, end_char in catalogue_id_spans(toks.text):  # "LDC2020T02", "on LDC2020T07 we have achieved"
        bounds = toks.char_span(start_char, end_char, expand=True)
        if bounds is not None:
            group.append(Span(doc, *bounds, label="Dataset", span_id="pattern"))
    known = known_tokens(doc, curated)
    abbrs = [a for a in get_ext(doc, "abbreviations") if a.long_start < a.short_start]
    cues = cue_spans(doc_text(doc), lower_text(doc))
    naming = _naming.may_name(toks.text)  # (no naming word in the abstract: none in any of its sentences)
    c = 0
    for sent in sentence_bounds(doc):
        while c < len(cues) and cues[c][0] < sent[2]:
            c += 1
        if sent[2] < title_end:
            continue
        cue, window = None, 0
        while c < len(cues) and cues[c][1] <= sent[3] and not window:
            cue, window = cues[c], cue_window(toks.text, sent[2], cues[c])
            c += 1
        earlier = frozenset(a.short for a in get_ext(doc, "abbreviations")
                            if title_end <= a.short_start and a.short_end <= sent[2]) if window else frozenset()
        spans = proposal_spans(doc, sent, cue if window else None, known, toks, window, earlier)
        while window and c < len(cues) and cues[c][1] <= sent[3]:
            # a second proposal verb of the same subject: "introduce XBRL tagging as a new ... task and release FiNER-139"
            if _AND_BEFORE.search(toks.text, max(sent[2], cues[c][0] - 12), cues[c][0]):
                spans += [s for s in proposal_spans(doc, sent, cues[c], known, toks, window) if s not in spans]
            c += 1
        if not spans:
            named = _naming.passive_apposition(toks.text, sent[2], sent[3])
            bounds = toks.char_span(*named, expand=True) if named else None
            if bounds is not None and not any(i in known for i in range(*bounds)):
                spans = [bounds]
        if not spans and naming:
            for at in _naming.naming_cues(toks.text, sent[2], sent[3]):
                spans = _naming.named_spans(doc, sent, at, known, toks)
                if spans:
                    break
        source = "proposal"
        if not spans and window:  # "we propose a context-aware query embedding encoder", "We propose Atlas Replay, ..."
            # (extractors/proposal_phrases.py)
            phrase = (_phrases.title_case_proposal(toks.text, cue[1], sent[3])
                      or _phrases.descriptive_proposal(toks.text, cue[1], sent[3]))
            bounds = toks.char_span(*phrase, expand=True) if phrase else None
            if bounds is not None and not any(i in known for i in range(*bounds)):
                spans, source = [bounds], _phrases.SOURCE
        for start, end in spans:
            start_char, end_char = toks.chars(start, end)
            name = toks.text[start_char:end_char]
            if is_generic(name):
                continue
            # (a name in apposition is typed by its description: "We construct Global Voices, a multilingual dataset")
            context = type_context(doc, end) if source == "proposal" else toks.text[end_char : end_char + 60]
            label = coined_type(name, context).value
            group.append(Span(doc, start, end, label=label, span_id=source))
            proposed[(start_char, end_char)] = (sent[2], sent[3])
        if window and abbrs:  # "This paper proposes Energy-consistent Neural Operators (ENOs)" (extractors/proposal_pairs.py)
            for (start, end), short in _pairs.paired_spans(toks, sent[3], cue, window, abbrs, curated, guess_type):
                start_char, end_char = toks.chars(start, end)
                if not is_generic(toks.text[start_char:end_char]) and not any(
                        x < short.short_end and start_char < y for x, y in proposed):  # (nor its short form)
                    proposed[(start_char, end_char)] = (sent[2], sent[3])
    set_ext(doc, "proposed", proposed)
    return doc


# Imported once here, after this module's names, which it reads (an import
# statement in mlkg_names' sentence loop cost about 2 us a sentence).
from . import collection_lists as _lists  # noqa: E402
from . import proposal_naming as _naming  # noqa: E402
from . import proposal_pairs as _pairs  # noqa: E402
from . import proposal_phrases as _phrases  # noqa: E402
