"""Paper-level relations of lists, named collections and framing sentences
(used by :mod:`extractors.paper_relations`; each rule's counts on real
abstracts in its comment).

* A list passes its relation on to the members the cues left without one:
  "experiments on MNIST, Omniglot, Fashion-MNIST, SVHN and CIFAR10", "we
  adopted three machine learning algorithms, SVM, CRF, and Naive Bayes".
* Datasets named after a collection the paper runs on are evaluated on: "on
  two publicly available datasets, namely FIGER (GOLD) and BBN", "on the
  standard dataset of ACE 2004".
* The field an abstract frames its problem in is addressed: "Local feature
  detection is a fundamental task in computer vision" (tests/data/audit/
  GUIDE.md: a field gets ADDRESSES when the abstract frames the paper's own
  problem in it).
"""
from __future__ import annotations

import re

from ontology import EntityType, RelationType

from .doctext import Ent
from .relation_lists import coordinated

_DATASETS = {EntityType.DATASET.value, EntityType.BENCHMARK.value}
_TASK = EntityType.TASK.value


#: "on <words> datasets|corpora|benchmarks" then the names after a colon, in
#: brackets or after "of": "evaluating the models on two well-known
#: biomedical corpora: JNLPBA and BIOCREATIVE IV", "on established audio
#: classification benchmarks (DCASE2014 and ESC-50)", "on the standard
#: dataset of ACE 2004". Read on the text before the mention across a colon
#: (the clause split cuts there); see :func:`collection_before`. On 8,778
#: real abstracts (bench/same_output.py's sampler, seeds 4040404 and 5151,
#: standard tier) it adds 4 EVALUATES_ON, all 4 right (too rare to read 30).
_COLLECTION_BEFORE = re.compile(
    r"(?<!based )(?<!focus )(?<!focuses )(?<!focused )\b(?:on|across|over)\s+(?:the\s+|\w+\s+|[\w-]+\s+){0,5}?"
    r"(?:datasets|data sets|corpora|benchmarks|test sets|benchmark datasets|dataset|corpus|benchmark)"
    r"\s*(?:\(|:|,?\s*namely|,?\s*i\.e\.,?|of)\s*(?:[^.;:()]{0,60}(?:,|\band\b|&)\s+)?$")


#: The paper's problem framed in its field: "Local feature detection is a
#: fundamental task in computer vision", "Aspect detection is a fundamental
#: task in opinion mining" (GUIDE: the field gets ADDRESSES when the abstract
#: frames the paper's own problem in it). The field is the Task mention right
#: after the pattern (the sentence's other mentions are read as in any other
#: sentence: mostly background). On the 8,778 real abstracts: 42 ADDRESSES,
#: all read, 42 right (41 in the abstract's first sentence; the fields are
#: NLP 16, computer vision 6, machine learning 5, NLU 3, ...).
_FRAMING = re.compile(
    r"\b(?:is|are|remains?|has become|represents?) (?:a|an|one of the) (?:[\w-]+ ){0,2}?"
    r"(?:fundamental|key|core|central|important|crucial|challenging|critical|essential|basic|long-standing|classic|"
    r"major)\w* (?:[\w-]+ ){0,2}?(?:tasks?|problems?|challenges?|topics?|research (?:topics?|areas?|problems?))"
    r"\s+(?:in|of|for|within)\s+(?:the\s+)?(?:(?:field|domain|area|community|context)\s+of\s+(?:the\s+)?)?$")


def framed_field(low: str, base: int, ents: list[Ent]) -> list:
    """ADDRESSES of the field the sentence frames the paper's problem in
    (:data:`_FRAMING`), or nothing."""
    tasks = [e for e in ents if e.label_ == _TASK]
    if not tasks or not any(w in low for w in ("task", "problem", "challenge", "topic")):
        return []
    for ent in tasks:
        if _FRAMING.search(low[max(0, ent.start_char - base - 120) : ent.start_char - base]):
            return [(RelationType.ADDRESSES, (ent.start_char, ent.end_char), "cue:framing", 0.7)]
    return []


#: The task an abstract opens with, as the subject of a sentence that defines it or says why it matters:
#: "Emotion cause extraction (ECE) aims to extract the causes behind ...", "Local feature detection is a
#: fundamental task in computer vision", "Few-shot learning addresses the problem of ...", "Accurate
#: terminology translation is crucial for ...". The abstract names the problem the paper works on so before
#: it says "we" (GUIDE: an opening that frames the paper's problem gives ADDRESSES). The subject starts the
#: sentence (after at most two modifiers); the verb follows it, after its short form in brackets. On 6,000
#: real abstracts (bench/same_output.py's draw_sample(3000, 70712607) and (3000, 70712608), standard tier) it
#: adds 56 ADDRESSES; of the 54 distinct, 51 read right (wrong: a project name typed Task, "SEBAMAT aims to
#: evaluate ...", "Highly realistic human-machine interaction is challenging for open-domain dialogue
#: systems", and "Sequence labelling aims to ..., while span classification involves ..." of a paper that
#: compares the two).
_OPENING_BEFORE = re.compile(r"^\s*(?:(?:recently|nowadays|currently|today|in recent years)\s*,?\s+)?(?:the\s+)?"
                             r"(?:(?:task|problem)\s+of\s+)?(?:(?!(?:in|of|for|on|to|with|by|and|or|as|that|while|"
                             r"although|when|since|because|if|many|most|some|such|these|those|this|existing|current|"
                             r"previous|prior|traditional|conventional)\b)[a-z][\w-]*\s+){0,2}$")
_OPENING_AFTER = re.compile(
    r"\s*(?:\([^)]{1,30}\)\s*)?(?:aims?\s+(?:to|at)|(?:is|are)\s+(?:the\s+)?(?:task|problem|process)\s+of|"
    r"(?:is|are)\s+(?:a|an|one)\s+(?:of\s+the\s+)?(?:[\w-]+\s+){0,3}?(?:tasks?|problems?|challenges?|topics?|"
    r"areas?|fields?|subfields?)\b|refers?\s+to|seeks?\s+to|(?:is|are)\s+concerned\s+with|deals?\s+with|"
    r"address(?:es)?\s+the|(?:has|have)\s+(?:recently\s+)?(?:attracted|received|gained|drawn)|"
    r"(?:is|are)\s+(?:a\s+)?(?:crucial|essential|important|critical|vital|fundamental|challenging)\b)")


def opening_task(low: str, base: int, ents: list[Ent]) -> list:
    """ADDRESSES of the task a sentence opens with and defines (:data:`_OPENING_AFTER`), or nothing."""
    for ent in ents:
        off = ent.start_char - base
        if off > 40:
            return []
        if ent.label_ == _TASK and _OPENING_BEFORE.match(low[:off]) and _OPENING_AFTER.match(low, ent.end_char - base):
            return [(RelationType.ADDRESSES, (ent.start_char, ent.end_char), "cue:opening-task", 0.7)]
    return []


def collection_before(low: str, offset: int) -> bool:
    """Whether the mention at ``offset`` is a member of a named collection of
    datasets the sentence runs on (:data:`_COLLECTION_BEFORE`)."""
    window = low[max(0, offset - 160) : offset]
    cut = max(window.rfind(";"), window.rfind(". "))
    return _COLLECTION_BEFORE.search(window[cut + 1 :]) is not None


#: The paper-level relations a list passes on to its other members.
_SPREAD = frozenset((RelationType.EVALUATES_ON, RelationType.TRAINS_ON, RelationType.USES))
_LIST_WORDS = re.compile(r"\w+|[^\w\s]")


def _group(label: str) -> str:
    return "data" if label in _DATASETS else label


def list_members(text: str, base: int, ents: list[Ent], out: list, blocked: set[tuple[int, int]]) -> list:
    """The relations a list passes on: "experiments on MNIST, Omniglot,
    Fashion-MNIST, SVHN and CIFAR10", "we use BERT, RoBERTa, and XLNet":
    a member the cues left without a relation (not one they ruled out:
    proposed, background, a campaign) takes the relation of a member of the
    same list, as :mod:`extractors.relation_lists` spreads entity-level
    relations (there counted on SciER train: 88-98% of list members share
    their list's relation). On the 8,778 real abstracts it adds 32 USES and
    EVALUATES_ON; all read, 31 right (the wrong one: "OpenAI's evolutionary
    strategies", an organisation in a list of methods)."""
    done = {span: (rtype, rule) for rtype, span, rule, _ in out}
    if len(done.keys() | blocked) >= len(ents) or not any(r[0] in _SPREAD for r in out):
        return []  # every mention has a relation or is ruled out, or none to pass on (most sentences)
    order = sorted(ents, key=lambda e: e.start_char)
    joined: dict[int, bool] = {}  # k -> whether order[k] and order[k + 1] are in one list

    def join(k: int) -> bool:
        if k not in joined:
            prev, ent = order[k], order[k + 1]
            joined[k] = _group(prev.label_) == _group(ent.label_) and coordinated(
                _LIST_WORDS.findall(text[prev.end_char - base : ent.start_char - base]))
        return joined[k]

    added = []
    for k, e in enumerate(order):
        span = (e.start_char, e.end_char)
        if span in done or span in blocked:
            continue
        # only the list of a member left without a relation matters: walk out from it
        lo, hi = k, k
        while lo > 0 and join(lo - 1):
            lo -= 1
        while hi < len(order) - 1 and join(hi):
            hi += 1
        types = {done[(m.start_char, m.end_char)][0] for m in order[lo : hi + 1] if (m.start_char, m.end_char) in done}
        types &= _SPREAD
        if len(types) == 1:
            added.append((types.pop(), span, "cue:list", 0.7))
    return added
