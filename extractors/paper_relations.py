"""Paper-level relations, only where the paper states them of its own work.

A mention alone says nothing about what the paper does: "Computer vision has
long relied on ImageNet", "priors such as Gaussian processes", "Pre-LN,
commonly employed in models like GPT" name things the paper neither uses nor
evaluates on (issue 26: 38% of the old mention-driven edges were right). So
a paper relation needs

* a sentence about the paper's own work: the title, a first-person sentence
  ("we", "our", "this paper"), the paper's experiments or results
  ("experiments on", "results show"), or one naming what the paper proposes;
* a mention that is not background: not an example of a category ("such as",
  "like", "e.g.", "including"), not a contrast ("unlike", "rather than",
  "instead of"), not prior work ("prior", "previous", "existing",
  "commonly", "traditional", "has long relied on"), in its clause;
* for USES of a method, a use cue before it in the clause ("we use",
  "based on", "with", "fine-tune") or "-based" after it: an own sentence
  also names the baselines it beats, which the paper does not use, and a
  title names the paper's own method;
* a task named in the title or an own sentence is ADDRESSES;
* for datasets, the cue decides: "(pre-)trained on C4" is TRAINS_ON (a
  pre-training corpus is not an evaluation set), an evaluation cue
  EVALUATES_ON, else a use cue USES.

The cue families are those of citation-function and argumentative-zoning
work (Teufel et al., "Argumentative Zoning", 1999/2009: OWN vs BACKGROUND
/OTHER zones marked by self-reference and by "previous"/"existing" work).
"""
from __future__ import annotations

import re
from bisect import bisect_right

from ontology import EntityType, RelationType

from .doctext import Ent

PAPER = "PAPER"
_DATASETS = {EntityType.DATASET.value, EntityType.BENCHMARK.value}
_METHOD, _METRIC, _TASK = EntityType.METHOD.value, EntityType.METRIC.value, EntityType.TASK.value

#: The sentence speaks of the paper's own work.
_OWN = re.compile(
    r"\b(?:we|our|ours|us|this (?:paper|work|study|article|thesis|report)|in this|here,|the proposed|"
    r"experiments?|experimental|empirical(?:ly)?|evaluations?|results (?:show|demonstrate|indicate|confirm|on)|"
    r"ablations?|extensive|benchmarks? (?:show|demonstrate)|"
    r"this (?:\w+ )?(?:model|method|approach|framework|architecture|recipe|system))\b")
#: Background cues just before a mention, in its clause: the mention is an
#: example, a contrast, or someone else's.
_BACKGROUND_CUE = re.compile(
    r"\b(?:such as|like|e\.g\.|i\.e\.|including|includes?|for (?:example|instance)|unlike|rather than|instead of|"
    r"prior|previous(?:ly)?|existing|earlier|traditional(?:ly)?|conventional(?:ly)?|commonly|widely|widespread|popular|"
    r"typically|has long|have long)\b")
#: Comparison cues: the methods after them are baselines, not used ("our
#: method outperforms BERT"); a dataset after them is still evaluated on.
_COMPARED_CUE = re.compile(
    r"\b(?:state-of-the-art methods?|baselines?|compared? (?:to|with)|outperform\w*|surpass\w*|than|over|beats?|"
    r"against|versus|vs\.?)\b")
#: Background in the sentence as a whole (when it is not also first person).
_BACKGROUND_SENTENCE = re.compile(
    r"\b(?:has long|have long|has been|have been|had been|recent(?:ly)?|prior work|previous (?:work|studies|methods)|"
    r"existing (?:work|methods|approaches)|commonly|widely|traditional(?:ly)?|conventional(?:ly)?|typically|"
    r"remains? (?:a|an)|is (?:a|an) (?:fundamental|important|key|challenging))\b")
_CLAUSE = re.compile(r";|:|,\s+(?:while|whereas|but|which|although|though)\b|\.\s")  # literal-first alternatives: a charset prefix, 2x faster
_TRAIN_BEFORE = re.compile(r"\b(?:pre-?train\w*|train\w*|fine-?tun\w*|learn\w* from|distill\w* from)\b"
                           r"(?:\s+\S+){0,6}?\s+(?:on|with|using|from)\s+(?:the\s+|a\s+|an\s+|\w+\s+){0,3}"
                           r"(?:[^.;]{0,40}(?:,|\band\b|\bor\b)\s+)?$")
#: An evaluation verb after the training cue ends its reach: "pre-trained on C4
#: and evaluated on CIFAR-10".
_EVAL_VERB = re.compile(r"\b(?:evaluat\w*|test(?:ed|ing)|validat\w*|benchmark\w*|report\w*|achiev\w*|"
                        r"experiments?|results?|outperform\w*)\b")
_PRETRAIN_AFTER = re.compile(r"^\s*(?:-\s*)?(?:pre-?training|training) (?:corpus|data|set)\b")
_EVAL = re.compile(r"\b(?:evaluat\w*|experiment\w*|benchmark\w*|achiev\w*|results?|test(?:ed|s|ing)?|accuracy|"
                   r"score\w*|report\w*|validat\w*|perform\w*|outperform\w*|surpass\w*|state-of-the-art|sota|"
                   r"improv\w*|gains?)\b")
_EVAL_BEFORE = re.compile(r"\b(?:on|across|over|using|with)\s+(?:the\s+|\w+\s+){0,3}(?:[^.;]{0,40}(?:,|and)\s+)?$")
_USE_BEFORE = re.compile(
    r"\b(?:use[sd]?|using|adopt\w*|employ\w*|train\w*|utili[sz]\w*|exploit\w*|rel(?:y|ies|ied) on|leverag\w*|"
    r"build\w* (?:up)?on|built (?:up)?on|based on|apply\w*|"
    r"appl(?:y|ies|ied)|fine-?tun\w*|with|via|through|incorporat\w*|integrat\w*|extend\w*|combin\w*|"
    r"initiali[sz]\w*|on top of|backbone|equip\w*|augment\w*)\b[^;:]{0,40}$")

#: "a Transformer-based network": the paper builds on the method.
_BASED_AFTER = re.compile(r"\s*-?\s*based\b")
#: How far before a mention a background cue reaches ("such as A, B and C").
BACKGROUND_REACH = 80
_SELF = re.compile(r"\b(?:we|our|us)\b")


def _background(clause: str, cue: re.Pattern = _BACKGROUND_CUE) -> bool:
    """A background cue in the clause, close before the mention, with no
    first person after it ("In contrast to existing approaches, our method
    employs a Gaussian process": the cue is about the others)."""
    m = None
    clause = clause[-BACKGROUND_REACH - 30 :]
    for found in cue.finditer(clause):
        if found.start() == 0 or clause[found.start() - 1] != "-":  # "Matryoshka-like" is no cue
            m = found
    if m is None:
        return False
    rest = clause[m.end():]
    return len(rest) <= BACKGROUND_REACH and not _SELF.search(rest)


def _clause_starts(low: str) -> list[int]:
    """Where each clause of a sentence starts (0 first), for :func:`_clause_before`."""
    return [0] + [m.end() for m in _CLAUSE.finditer(low)]


def _clause_before(low: str, starts: list[int], offset: int, limit: int = 160) -> str:
    """The text of the mention's clause before it (at most ``limit`` chars)."""
    start = starts[bisect_right(starts, offset) - 1]
    return low[max(start, offset - limit) : offset]


def own_sentence(low: str, in_title: bool, ents: list[Ent], proposed_names: set[str]) -> bool:
    """Whether a sentence (``low``: lower-cased) speaks of the paper's own
    work (see module doc)."""
    if in_title or any(e.text in proposed_names for e in ents):
        return True
    return _OWN.search(low) is not None


_FIRST_PERSON = re.compile(r"\b(?:we|our|this (?:paper|work))\b")


def paper_relations(sent: tuple[int, int], text: str, ents: list[Ent], proposed_names: set[str],
                    in_title: bool = False, low: str | None = None
                    ) -> list[tuple[RelationType, tuple[int, int], str, float]]:
    """(type, target span, rule, confidence) of the paper-level relations one
    sentence states (``text`` starts at ``sent[0]``; ``low``: it lower-cased
    with the same offsets, if known). The patterns' literals are lower case,
    run on the lower-cased text (``re.I`` costs 2-3x, see
    :class:`extractors.doctext.FoldedPattern`)."""
    if not ents:
        return []
    if low is None or len(low) != len(text):
        low = text.lower()
        if len(low) != len(text):  # a few characters change length when lower-cased
            low = text
    if not own_sentence(low, in_title, ents, proposed_names):
        return []
    if not in_title and not _FIRST_PERSON.search(low) and _BACKGROUND_SENTENCE.search(low) is not None:
        return []
    starts = _clause_starts(low)
    out = []
    evaluated: bool | None = None
    for ent in ents:
        if ent.text in proposed_names:
            continue
        offset = ent.start_char - sent[0]
        clause = _clause_before(low, starts, offset)
        if _background(clause) or (ent.label_ == _METHOD and _background(clause, _COMPARED_CUE)):
            continue
        span = (ent.start_char, ent.end_char)
        label = ent.label_
        after = low[ent.end_char - sent[0] : ent.end_char - sent[0] + 30]
        if label in _DATASETS:
            train = _TRAIN_BEFORE.search(clause[-150:])
            if train is not None and _EVAL_VERB.search(clause[-150:], train.start()):
                train = None
            if train is not None or _PRETRAIN_AFTER.match(after):
                out.append((RelationType.TRAINS_ON, span, "cue:trained-on", 0.85))
                continue
            if evaluated is None:
                evaluated = _EVAL.search(low) is not None
            if evaluated and _EVAL_BEFORE.search(clause[-100:]):
                out.append((RelationType.EVALUATES_ON, span, "cue:evaluate-on", 0.85))
            elif _USE_BEFORE.search(clause[-80:]):
                out.append((RelationType.USES, span, "cue:use", 0.75))
            elif evaluated:
                out.append((RelationType.EVALUATES_ON, span, "cue:evaluate", 0.7))
        elif label == _METRIC:
            out.append((RelationType.MEASURES, span, "cue:own-metric", 0.8))
        elif label == _TASK:
            # the title and the paper's own sentences name the tasks it works on
            out.append((RelationType.ADDRESSES, span, "cue:own-task", 0.8 if in_title else 0.7))
        elif label == _METHOD:
            # a method the title names without a use cue is mostly the paper's
            # own ("An Uncertainty-Aware Encoder for Aspect Detection")
            if _USE_BEFORE.search(clause[-80:]) or _BASED_AFTER.match(after):
                out.append((RelationType.USES, span, "cue:use", 0.75))
    return out
