"""What a statistical span's own words say about it.

The tagger (extractors/ner.py) reads tokens, not names: it cuts hyphenated
words ("CC" of "CC-News"), runs into clauses ("Once trained"), calls
operations metrics ("elementwise multiplication") and keeps descriptions
with a collection's head ("small pathological benchmarks"). These checks
correct or drop such spans before :mod:`extractors.resolve` chooses among
candidates; the seeds' graph and the gold corpora gave each case.
"""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Span

from ontology.gazetteer import default_entries

from .doctext import Tokens, like_num, span_text, tokens
from .names import MODIFIER_SUFFIXES, is_generic, is_name_like

#: "the Kinetics dataset": the head word says the type; the name is what precedes it.
_PLURAL_HEADS = frozenset(("datasets", "corpora", "benchmarks"))
_COLLECTION_HEAD = re.compile(r"^(?P<name>.+?)\s+(?P<head>dataset|datasets|corpus|corpora|benchmark|benchmarks)$", re.I)
#: Clause openers: a statistical span starting with one and then a lower-case
#: word ("Once trained", "After fine-tuning", "Although continued
#: pre-training", seen in the seeds' graph) is a clause the tagger ran into.
_CLAUSE_OPENERS = frozenset("once after before although though when whenever while whereas since if unless because until".split())
#: A number, maybe with a magnitude ("2.8B", "40M"): before a lower-case word a count, not a name's start.
_COUNT = re.compile(r"^\d[\d.,]*[KMBT]?$")
#: Hyphenated modifiers that are never an entity alone ("few-shot segmentation" is; "few-shot" is not).
_MODIFIER = re.compile(r"^(?:few|zero|one|multi|many|single|end-to|fine|coarse|large|small|long|short|real|open|closed|self|semi|un|non|pre|post|cross|state-of-the|in|out-of|anti|top|bottom|high|low|well)-[a-z-]+$")


@lru_cache(maxsize=1)
def _gazetteer_types() -> dict[str, str]:
    """Lower-cased gazetteer surface -> entity type, for typing variants.
    An acronym's entry keeps its case ("PER", phone error rate, is no type
    for "Per-Channel"): it is keyed by itself, not lower-cased."""
    out: dict[str, str] = {}
    for entry in default_entries():
        if not entry.match:
            continue
        for surface in entry.surfaces:
            key = surface if surface.isupper() and len(surface) <= 5 else surface.lower()
            out.setdefault(key, entry.type.value)
    return out


def retype_statistical(doc: Doc, span: Span) -> Span | None:
    """Correct a statistical span with what its own words say; None drops it.

    * "Kinetics dataset" -> Dataset "Kinetics" (the head word types the name,
      the name is the node; SciER and TDMSci annotate the name alone);
    * "CornerNet-Squeeze" -> the type of the known "CornerNet" it varies;
    * a bare hyphenated modifier ("few-shot", "end-to-end") is no entity, nor
      a count ("20 code-related benchmarks", "four classification"), nor a
      clause ("Once trained"), nor a prospect ("future trends");
    * a possessive clitic is no part of a name ("'s training pipelines");
    * a name ends at a line break: a span that runs from the title into the
      abstract ("Memory\\n\\nFine-tuning pre-trained models", 17 such
      entities in the seeds' graph) is none, one that only starts or ends
      with the break loses it ("Toxicity\\n\\n" -> "Toxicity").
    """
    text = span_text(span)
    if "\n" in text:
        span = _without_breaks(doc, span)
        if span is None:
            return None
        text = span_text(span)
    # token words read from the doc's token table (extractors/doctext.Tokens), not as ``Token``s:
    # ``doc[i]`` makes a Token each time (some 5 per span, ~0.16 ms per abstract on the standard tier)
    toks = tokens(doc)
    first = toks.word(span.start)
    if first in ("'s", "\u2019s") and len(span) > 1:
        span = Span(doc, span.start + 1, span.end, label=span.label_, span_id=span.id_)
        first = toks.word(span.start)
        text = span_text(span)
    start, end = span.start, span.end
    label, low = span.label_, text.lower()  # read once: Span.label_ looks its string up
    words = text.split()
    counted = len(words) > 1 and (like_num(first) or _COUNT.match(words[0])) and words[1][0].islower()
    if _COUNT.match(text):
        return None  # a size alone: "from 70M to 7B"
    if end - start > 1 and (first.lower() in _CLAUSE_OPENERS and toks.word(start + 1).islower() or first == "future"
                            or counted):
        return None  # a clause, a prospect, or a count ("four classification", "2.8B parameters", "40M tweet")
    if start > 0 and like_num(toks.word(start - 1)) and not toks.space_after(start - 1):
        return None  # the tail of a quantity: "227M model parameters" read from "M"
    if text.count('"') % 2 or text.count("(") != text.count(")") or low.endswith(("'s", "\u2019s")):
        return None  # across a quote ('policy "prompting', "XGLM (Lin"), or a possessor ("Meta's")
    if _MODIFIER.match(low):
        return None
    if _cut_from_a_word(doc, span, toks):
        return None
    if label == "Task" and _things_not_doings(span):
        return None
    if label == "Metric" and not _measures(text):
        return None
    last = toks.word(end - 1).lower()
    if label == "Task" and last in _MANNERS:
        return None  # "in a self-supervised manner", "in an alternating fashion": how, not what
    if end - start > 1 and last in _VERBS:
        return None  # a clause the tagger ran into: "Attention Brings", "Diagrams matter", "Code-LMs look"
    if label != "Task" and low.endswith(("shared task", "shared tasks")):
        return Span(doc, span.start, span.end, label="Task", span_id=span.id_)  # see grow_spans
    m = _COLLECTION_HEAD.match(text)
    if m and (span[0].like_num and m.group("head").lower() in _PLURAL_HEADS or _COUNT.match(m.group("name"))):
        return None  # "20 code-related benchmarks" counts collections, "a 1M dataset" sizes one; neither names one
    if m and len(span) >= 2 and not is_generic(m.group("name")):
        label = "Benchmark" if m.group("head").lower().startswith("bench") else "Dataset"
        return _collection_name(doc, Span(doc, span.start, span.end - 1, label=label, span_id=span.id_))
    if label in ("Dataset", "Benchmark") and not _NAMED.search(text) and not _DATA_WORD.search(text):
        return None  # "the physical world", "unimodal and bimodal multilingual code": no name, no data
    base = _BASE_END.split(text, maxsplit=1)[0]
    if base != text and len(base) >= 3:
        types = _gazetteer_types()
        known = types.get(base.lower()) or types.get(base)
        if known and known != label and is_name_like(text):
            return Span(doc, span.start, span.end, label=known, span_id=span.id_)
    return span


#: Where a hyphenated or multi-word name's first part ends ("CornerNet" of "CornerNet-Squeeze").
_BASE_END = re.compile(r"[-\s]")
#: Last words of what a paper measures (SciERC's Metric: "word error rate",
#: "glimpse proportion", "Dau measure"); a statistical Metric ending otherwise
#: is an operation or a space ("elementwise multiplication", "Wasserstein
#: space", "Per-Channel" in the seeds' graph), unless it is an acronym.
_METRIC_LAST = re.compile(
    r"(?:accurac(?:y|ies)|scores?|rates?|errors?|precision|recall|f1|f-measure|measures?|metrics?|ratios?|loss(?:es)?"
    r"|distances?|divergences?|perplexity|time|latency|costs?|efficiency|throughput|speed|memory|complexity|quality"
    r"|agreement|correlations?|coverage|consumption|hours|flops|overhead|footprint|similarity|fidelity|robustness"
    r"|ability|correctness|determination|ap|auc|bleu|rouge|meteor|cider|gain|margin|proportion|usage|size|length"
    r"|count|number|percentage|success|ranks?|intelligibility|consistency|diversity|faithfulness|variance|bias"
    r"|deviation|entropy|likelihood|utility|performance|fluency|relevance|novelty|sharpness|smoothness|average"
    r"|coefficients?|judg(?:e)?ments?|reductions?|evaluation|clarity|measurements?|improvements?|readability"
    r"|coherence|informativeness|grammaticality|adequacy|usefulness|satisfaction|preference|win)$", re.I)
#: Verbs that end no name (seen ending statistical spans in the seeds' titles and abstracts).
_VERBS = frozenset("""brings bring makes matter matters helps improves enables meets look looks needs yields
    outperforms beats surpasses achieves shows reveals becomes remains""".split())
#: Last words of a way of doing things, never of a task.
_MANNERS = frozenset("manner fashion way ways setting settings scenario scenarios regime regimes perspective".split())
#: Hyperparameters are set, not measured.
_HYPERPARAMETERS = frozenset(("learning rate", "learning rates", "dropout rate", "batch size", "weight decay"))


def _measures(text: str) -> bool:
    """Whether a statistical Metric span reads as a measure (see _METRIC_LAST)."""
    if text.lower() in _HYPERPARAMETERS:
        return False
    text = re.sub(r"(?<=[a-z])- (?=[a-z])", "", text)  # a line-end hyphen left by PDF extraction: "pre- cision"
    words = [w for w in re.split(r"[\s-]", re.split(r"\s+per\s+", text)[0]) if re.search("[A-Za-z]", w)]
    last = words[-1] if words else text
    return bool(_METRIC_LAST.search(last)) or is_name_like(last) or last.isupper()


def _cut_from_a_word(doc: Doc, span: Span, toks: Tokens | None = None) -> bool:
    """Whether the span is a piece of a hyphenated word: "CC" of "CC-News",
    "PT" of "PT-OOD", "CT" of "Text-to-CT" (the tagger reads hyphen-split
    tokens; such pieces were 2-letter Method nodes in the seeds' graph).
    ``toks``: the doc's token table, if the caller has it (words, not ``Token``s)."""
    toks = tokens(doc) if toks is None else toks
    end, start, word, space_after, idx, text = span.end, span.start, toks.word, toks.space_after, toks.idx, toks.text
    # (a hyphen token starts with one of these: the first character is checked before the word is read)
    glued_after = end < len(idx) - 1 and text[idx[end]] in _HYPHEN_STARTS and word(end) in HYPHENS and not space_after(end - 1) \
        and not space_after(end) and word(end + 1).isalpha() and not GLUED_MODIFIER.match(word(end + 1))
    glued_before = start > 1 and text[idx[start - 1]] in _HYPHEN_STARTS and word(start - 1) in HYPHENS and not space_after(start - 1) \
        and not space_after(start - 2) and word(start - 2).isalpha() and word(start - 2).lower() not in _SETTING_PREFIXES
    return glued_after or glued_before


HYPHENS = frozenset(("-", "--", "\u2013", "\u2014"))
_HYPHEN_STARTS = frozenset(h[0] for h in HYPHENS)
#: "RANSAC-based", "GPT-like": the name is whole before these.
GLUED_MODIFIER = re.compile(
    r"^(?:%s|size|inspired|powered|only|enhanced|augmented|initiali[sz]ed|pretrained|trained|tuned|type|related"
    r"|centric|compatible|friendly|dependent|independent|induced|generated|derived|equivalent)$"
    % "|".join(MODIFIER_SUFFIXES), re.I)
#: "Split-CIFAR-100", "Permuted-MNIST": a benchmark setting before a whole dataset name.
_SETTING_PREFIXES = frozenset(("split", "permuted", "rotated", "seq", "sequential", "noisy", "corrupted"))


#: Words that make an unnamed, lower-case phrase a collection of data
#: ("movie reviews", "news articles", "parallel corpus", "tweets").
_DATA_WORD = re.compile(
    r"(?:data|corpus|corpora|set|sets|collection|bank|treebank|reviews?|articles?|tweets?|posts?|texts?|documents?"
    r"|images?|videos?|recordings?|pairs?|questions?|dialogues?|dialogs?|conversations?|sentences?|transcripts?"
    r"|captions?|abstracts?|papers?|logs?|records?|samples?|examples?|annotations?|graphs?|scans?|clips?|news"
    r"|wikipedia|web|books?|emails?|messages?|queries|code|lexicons?|dictionar(?:y|ies)|thesaur(?:us|i)|gazetteers?"
    r"|knowledge\s+bases?|ontolog(?:y|ies)|resources?)\b", re.I)


#: A capital letter or a digit: what makes a span a name rather than a phrase.
_NAMED = re.compile(r"[A-Z0-9]")


def _collection_name(doc: Doc, name: Span) -> Span | None:
    """The name in "<name> dataset", or None when its words only describe a
    collection: "small pathological benchmarks", "a Multi-Temporal Dataset"
    (adjectives, a bare modifier). Adjectives after a name describe it: "the
    DROID robotic dataset" names "DROID". Nouns stay ("movie reviews dataset",
    "Twitter keyword dataset": TDMSci annotates such collections)."""
    end = name.end
    while end > name.start + 1 and doc[end - 1].is_lower and _ADJECTIVE.match(doc[end - 1].text):
        end -= 1
    if end < name.end:
        name = Span(doc, name.start, end, label=name.label_, span_id=name.id_)
    if all(_ADJECTIVE.match(w) or _MODIFIER.match(w) for w in name.text.lower().split()):
        return None
    return name


#: Words that describe a collection without naming it.
_ADJECTIVE = re.compile(r"^(?:small|large|big|new|novel|public|existing|standard|popular|common|various|different"
                        r"|several|diverse|synthetic|real|[a-z-]+(?:ical|istic|otic|ive|ous))$")


def _without_breaks(doc: Doc, span: Span) -> Span | None:
    """``span`` without whitespace tokens at its ends; None if a line break
    is left inside it."""
    start, end = span.start, span.end
    while start < end and doc[start].is_space:
        start += 1
    while end > start and doc[end - 1].is_space:
        end -= 1
    if start == end:
        return None
    if (start, end) != (span.start, span.end):
        span = Span(doc, start, end, label=span.label_, span_id=span.id_)
    return None if "\n" in span_text(span) else span


_ACTION = re.compile(r"(?:ing|tion|sion|ment|sis)$", re.I)


def _things_not_doings(span: Span) -> bool:
    """A statistical Task that names things, not an activity: a plural head
    with no action word before it ("online discussions", "visual scenes",
    "Irish names"); "detecting conversations" stays."""
    last = span[-1].lower_
    plural = len(last) > 3 and last.endswith("s") and not last.endswith(("ss", "sis", "ics", "us", "tasks"))
    return plural and not any(_ACTION.search(t.text) for t in span[:-1])
