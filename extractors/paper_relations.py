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
  EVALUATES_ON, else a use cue USES;
* a method after a comparison cue in an own sentence is a baseline the paper
  runs: USES (tests/data/audit/GUIDE.md);
* a Task-typed mention right after a use cue is a technique applied
  ("using imitation learning"): USES, not ADDRESSES;
* a shared task or evaluation campaign the paper takes part in is
  EVALUATES_ON, whatever type the tagger gave it; one it organises, none;
* a list passes its relation on to members the cues left without one
  ("experiments on MNIST, Omniglot, Fashion-MNIST, SVHN and CIFAR10");
  datasets named after "<n> datasets, namely", "benchmarks (A and B)",
  "corpora: A and B" are evaluated on;
* a field the paper's problem is framed in ("X is a fundamental task in
  computer vision") is addressed.

Each rule's counts on real abstracts are in its comment; a dataset the
paper reports its own score on is evaluated on (kg/result_evaluations.py).

The cue families are those of citation-function and argumentative-zoning
work (Teufel et al., "Argumentative Zoning", 1999/2009: OWN vs BACKGROUND
/OTHER zones marked by self-reference and by "previous"/"existing" work).

The component (:func:`paper_relations`, the per-mention decisions in
:func:`_cue_relations`) is here; the cues it reads are in one module per
question, so each stays small and is read on its own:
:mod:`extractors.paper_zones` (own sentence, background mention),
:mod:`extractors.paper_data_cues` (trained / evaluated on, shared tasks),
:mod:`extractors.paper_task_cues` (a task addressed or applied as a
technique), :mod:`extractors.paper_use_cues` (a method used),
:mod:`extractors.paper_proposals` (which names the paper proposes),
:mod:`extractors.paper_lists` and :mod:`extractors.paper_scope` (lists,
framing fields; negation and contrast). Every name they define is importable
from here too, as before the split.
"""
from __future__ import annotations

import re

from ontology import EntityType, RelationType

from .doctext import Ent
from .paper_data_cues import (_CAMPAIGN, _CAMPAIGN_AFTER, _COMPARED_ON, _COMPARISON_VERB, _EVAL, _EVAL_BEFORE,
    _HARDWARE_AFTER, _NOT_DATA_NAME, _NOT_ON, _ON_BEFORE, _ORGANISER, _ORGANISER_BEFORE, _PARTICIPANT,
    _PRETRAIN_AFTER, _own_data, names_hardware, trained_on_before)
from .paper_lists import collection_before, framed_field, list_members, opening_task
from .paper_scope import contrast_clause_end, may_negate, negated
from .paper_task_cues import (_CASE_AFTER, _CAST_AS_AFTER, _CAST_AS_BEFORE, _DATA_AFTER, _NEW_TASK_AFTER,
    _NEW_TASK_BEFORE, _PROBLEM_BEFORE, _PROBLEM_HEAD, _TASK_BASED_AFTER, _TASK_BASED_BEFORE, _TECHNIQUE_BEFORE,
    _TECHNIQUE_LIST, means_for)
from .paper_use_cues import (_ASSESS_BEFORE, _ASSESS_OWN, _BASED_AFTER, _EXPERIMENT_NOT_METHOD, _EXPERIMENT_ON_BEFORE,
    _FAMILY_BEFORE, _FAMILY_HEAD_AFTER, _IMPROVES_BEFORE, _MODIFIER_AFTER, _OTHERS_SUBJECT, _OWN_TOOL_LIST,
    _PASSIVE_USE, _STUDY_BEFORE, _SUBJECT_TO_VERB, _SUBTITLE_FAMILY, _SUBTITLE_HEAD_AFTER, _TITLE_ANALYSIS,
    _USE_BEFORE, _ZONE_USE_BEFORE)
from .paper_zones import (BACKGROUND_REACH, _BACKGROUND_LITERALS, _BACKGROUND_SENTENCE, _COMPARED_CUE,
    _COMPARED_LITERALS, _EXPERIMENT_CUE, _FIRST_PERSON, _FIRST_PERSON_WORDS, _OWN_BEFORE_LIST, _background,
    _baseline_list, _clause_before, _clause_starts, _only_weak_background, own_sentence)

# The rest of the rules' names, re-exported so that callers and tests still import them from here
from .paper_proposals import (_EARLIER_CUE, _KIND_SUBTITLE, _LONG_FORM_BEFORE, _NAMING_BEFORE,
    _NOT_PROPOSED_BETWEEN, _OTHERS_BEFORE, _PLAIN_WORDS, _TEAM_AFTER, _TEAM_BEFORE, _TEAM_TITLE, kept_proposals,
    slogan_title)
from .paper_task_cues import TECHNIQUE_RULES, _MEANS_FOR_AFTER, _SETTING, drop_technique_addresses
from .paper_zones import (_BACKGROUND_CUE, _CLAUSE, _COMPARED_HEAD, _COMPARED_RECENT, _LIST_CUE, _OBJECT_OF, _OWN,
    _OWN_ANAPHOR, _PRIOR_WORD, _SELF, _WEAK_BACKGROUND, _WE_USE_BEFORE, background_mention)

PAPER = "PAPER"
_DATASETS = {EntityType.DATASET.value, EntityType.BENCHMARK.value}
_METHOD, _METRIC, _TASK = EntityType.METHOD.value, EntityType.METRIC.value, EntityType.TASK.value
_BENCHMARK = EntityType.BENCHMARK.value
_USED_TYPES = (_METHOD, _TASK, *_DATASETS)
_BENCHMARK_AFTER = re.compile(r"^\s*(?:\([^)]{1,20}\)\s*)?benchmarks?\b")


def paper_relations(sent: tuple[int, int], text: str, ents: list[Ent], proposed_names: set[str],
                    in_title: bool = False, low: str | None = None, after_own: bool = False
                    ) -> list[tuple[RelationType, tuple[int, int], str, float]]:
    """(type, target span, rule, confidence) of the paper-level relations one
    sentence states (``text`` starts at ``sent[0]``; ``low``: it lower-cased
    with the same offsets, if known; ``after_own``: an earlier sentence of the
    abstract spoke of the paper's own work, :func:`own_zone`). The patterns' literals are lower case,
    run on the lower-cased text (``re.I`` costs 2-3x, see
    :class:`extractors.doctext.FoldedPattern`)."""
    if not ents:
        return []
    if low is None or len(low) != len(text):
        low = text.lower()
        if len(low) != len(text):  # a few characters change length when lower-cased
            low = text
    out = _cue_relations(sent, text, ents, proposed_names, in_title, low, after_own)
    if not in_title:
        framed = framed_field(low, sent[0], ents) + opening_task(low, sent[0], ents)
        if framed:
            spans = {r[1] for r in out}
            out.extend(r for r in framed if r[1] not in spans)
    return out


def own_zone(low: str, ents: list[Ent], proposed_names: set[str]) -> bool:
    """Whether an abstract sentence (lower-cased) speaks of the paper's own
    work, for :func:`paper_relations`' ``after_own`` of the sentences after it."""
    return own_sentence(low, False, ents, proposed_names)[0]


def _zone_uses(sent: tuple[int, int], low: str, ents: list[Ent]
               ) -> list[tuple[RelationType, tuple[int, int], str, float]]:
    """USES of the methods a sentence with no self-reference, in the paper's
    own zone, says are used (:data:`_ZONE_USE_BEFORE`). (No mention is a
    proposal's: :func:`own_sentence` calls a sentence naming one own.)"""
    if _BACKGROUND_SENTENCE.search(low) or _OTHERS_SUBJECT.match(low):
        return []
    starts = _clause_starts(low)
    out = []
    for ent in ents:
        if ent.label_ != _METHOD:
            continue
        offset = ent.start_char - sent[0]
        clause = _clause_before(low, starts, offset)
        if _ZONE_USE_BEFORE.search(clause[-100:]) and not _background(clause) \
                and not negated(clause, low[offset + len(ent.text): offset + len(ent.text) + 40]):
            out.append((RelationType.USES, (ent.start_char, ent.end_char), "cue:own-zone-use", 0.65))
    return out


_PARTS_OF = re.compile(r"\b(?:configurations?|variants?|components?|modules?)\s+of\b")
_PREPOSITION = re.compile(r"\b(?:on|in|for)\b")


def _experiment_method(ent: Ent, ents: list[Ent], low: str, start: int, cue: str, after: str) -> bool:
    """Whether a Method mention after "experiments on/with" (``cue``, the match up to the mention) is a model
    the experiments run, not data, a task or a machine the tagger typed Method: no data word in the cue or
    in or right after the mention ("the Common Sense Generation task", :data:`_EXPERIMENT_NOT_METHOD`), not the parts
    of a model ("experiments on various configurations of DVSNet", the paper's own network), and no mention of
    another type (data, a task, a metric) in its list, from the cue's start to 40 characters after the mention,
    with no "on", "in" or "for" between ("Experiments on IRSTD-1k and SIRST", "on TE and AS", "The experiments on
    ICDAR2013, ICDAR2015, MSRA-TD500, MLT and COCO-Text": 4 of the 10 firings on 2,976 real abstracts,
    draw_sample(3000, 42120817), before this check)."""
    if _EXPERIMENT_NOT_METHOD.search(cue + ent.text.lower() + after[:25]) or _PARTS_OF.search(cue):
        return False
    first, last = ent.start_char - len(cue), ent.end_char + 40
    for other in ents:
        if other is ent or other.label_ == _METHOD or not first <= other.start_char < last:
            continue
        gap = low[min(ent.end_char, other.end_char) - start : max(ent.start_char, other.start_char) - start]
        if not _PREPOSITION.search(gap):
            return False  # a mention of another type (data, a task) in the same list
    return True


def _cue_relations(sent: tuple[int, int], text: str, ents: list[Ent], proposed_names: set[str], in_title: bool,
                   low: str, after_own: bool = False) -> list[tuple[RelationType, tuple[int, int], str, float]]:
    """:func:`paper_relations` but the field a sentence frames the paper's problem in."""
    own, own_cue, anaphor = own_sentence(low, in_title, ents, proposed_names)
    passive_use = _PASSIVE_USE.search(low) if not in_title else None
    if not own and passive_use is None:
        return _zone_uses(sent, low, ents) if after_own and not in_title else []
    # own by its anaphoric subject only: it says what the system is built from, not the tasks addressed
    built_from = anaphor
    # (an _OWN match on "we", "our", "this paper", "this work" is a match of _FIRST_PERSON at the same place)
    rescued = False  # background words, but only weak ones beside the paper's experiments
    if not in_title and not (own_cue is not None and own_cue.group() in _FIRST_PERSON_WORDS) \
            and not _FIRST_PERSON.search(low) and _BACKGROUND_SENTENCE.search(low) is not None:
        if not (own_cue is not None and _EXPERIMENT_CUE.match(own_cue.group()) and _only_weak_background(low)):
            return []
        rescued = True
    starts = _clause_starts(low)
    others_until = 0 if in_title else contrast_clause_end(low)
    out = []
    evaluated: bool | None = None
    blocked: set[tuple[int, int]] = set()
    # per sentence: whether any mention can be negated or follow a background or comparison cue (a
    # necessary literal of each; most sentences have none, and the clause checks are per mention); a
    # sentence of one mention checks its clause directly
    several = len(ents) > 1
    negation = not several or may_negate(low)
    background = not several or any(w in low for w in _BACKGROUND_LITERALS)
    compared = not several or any(w in low for w in _COMPARED_LITERALS)
    for ent in ents:
        offset = ent.start_char - sent[0]
        clause = _clause_before(low, starts, offset)
        span = (ent.start_char, ent.end_char)
        if ent.text in proposed_names or rescued and ent.label_ == _TASK:
            # (a rescued sentence names the tasks of others' work as often as its own: 0 of 7 right)
            blocked.add(span)
            if own and not in_title and ent.label_ in _DATASETS and ent.text in proposed_names:
                out.extend(_own_data(clause, low, span))
            continue
        if offset < others_until or negation and negated(clause, low[ent.end_char - sent[0] : ent.end_char - sent[0] + 40]):
            # in a negation's scope: "does not rely on word segmentation" (NegEx; extractors/paper_scope.py)
            blocked.add(span)
            continue
        if own and background and ent.label_ == _METHOD and compared and _baseline_list(clause):
            out.append((RelationType.USES, span, "cue:baseline-list", 0.7))
            continue
        if background and _background(clause) and not (ent.label_ in _DATASETS and _COMPARISON_VERB.search(clause) and (
                _COMPARED_ON.search(clause[-BACKGROUND_REACH - 30:]) or collection_before(low, offset))):
            blocked.add(span)
            continue
        if passive_use is not None and ent.label_ in _USED_TYPES and offset < passive_use.start() \
                and _SUBJECT_TO_VERB.fullmatch(text, ent.end_char - sent[0], passive_use.start()):
            out.append((RelationType.USES, span, "cue:passive-use", 0.7))
            continue
        if not own:
            blocked.add(span)
            continue
        if ent.label_ == _METHOD and compared and _background(clause, _COMPARED_CUE):
            # a baseline the paper's own sentence compares with: the paper runs it
            out.append((RelationType.USES, span, "cue:baseline", 0.7))
            continue
        label = ent.label_
        after = low[ent.end_char - sent[0] : ent.end_char - sent[0] + 40]

        campaign = (_CAMPAIGN.search(low, offset, ent.end_char - sent[0]) is not None
                    or (label != _TASK and _CAMPAIGN_AFTER.match(after) is not None))
        organiser = campaign and (_ORGANISER.search(low) is not None or _ORGANISER_BEFORE.search(clause[-60:]) is not None)
        taking_part = campaign and not organiser and (in_title or _PARTICIPANT.search(low) is not None)
        if campaign and label not in _DATASETS:
            blocked.add(span)
            if taking_part:
                out.append((RelationType.EVALUATES_ON, span, "cue:shared-task", 0.8))
            continue
        if label in _DATASETS:
            if _NOT_DATA_NAME.search(ent.text) or names_hardware(ent.text):
                blocked.add(span)  # a web address, a team or a machine typed as data: nothing the paper runs on
                continue
            if trained_on_before(clause) or _PRETRAIN_AFTER.match(after):
                out.append((RelationType.TRAINS_ON, span, "cue:trained-on", 0.85))
                continue
            if organiser:
                blocked.add(span)
                continue
            if taking_part:
                out.append((RelationType.EVALUATES_ON, span, "cue:shared-task", 0.8))
                continue
            if evaluated is None:
                evaluated = _EVAL.search(low) is not None
            if (evaluated and _EVAL_BEFORE.search(clause[-100:])) or (
                    not in_title and _ON_BEFORE.search(clause[-100:]) and not _NOT_ON.search(clause[-100:])
                    and not _HARDWARE_AFTER.match(after)):
                out.append((RelationType.EVALUATES_ON, span, "cue:evaluate-on", 0.85))
            elif collection_before(low, offset):
                out.append((RelationType.EVALUATES_ON, span, "cue:collection", 0.8))
            elif _USE_BEFORE.search(clause[-80:]):
                if label == _BENCHMARK or _BENCHMARK_AFTER.match(after):
                    # a benchmark serves evaluation: "Applying the proposed recipes to the SuperGLUE benchmark"
                    # (3,000 real abstracts: 4 firings, 2 right, USES right in none)
                    out.append((RelationType.EVALUATES_ON, span, "cue:benchmark", 0.75))
                else:
                    out.append((RelationType.USES, span, "cue:use", 0.75))
            elif _STUDY_BEFORE.search(clause[-90:]):
                # data the paper studies is data it uses ("We study the AMR dataset and Gigaword"), not an
                # evaluation set. No firing on the 2,996 abstracts; a study verb before a dataset word holds
                # in 20 sentences of every 5th abstract of both files, and of the 20 read those that name a
                # dataset ("We explore the IMDB movie review dataset", "we analyze each CoDEx dataset")
                # analyse or use it, none evaluates a method on it
                out.append((RelationType.USES, span, "cue:study", 0.7))
            elif evaluated:
                out.append((RelationType.EVALUATES_ON, span, "cue:evaluate", 0.7))
        elif label == _METRIC:
            out.append((RelationType.MEASURES, span, "cue:own-metric", 0.8))
        elif label == _TASK:
            if _NEW_TASK_BEFORE.search(clause[-60:]) or _NEW_TASK_AFTER.match(after):
                # set by the paper and worked on (3,000 real abstracts: 10 firings, all right)
                out.append((RelationType.PROPOSES, span, "cue:new-task", 0.75))
                out.append((RelationType.ADDRESSES, span, "cue:new-task", 0.75))
                continue
            tail = clause[-50:]
            if not in_title and _TASK_BASED_AFTER.match(after) and _TASK_BASED_BEFORE.search(clause[-60:]):
                out.append((RelationType.USES, span, "cue:task-based", 0.7))
                continue
            if ((_TECHNIQUE_BEFORE.search(tail) or _TECHNIQUE_LIST.search(clause[-100:])) and not _PROBLEM_BEFORE.search(tail)
                    and not _CASE_AFTER.match(after) and not _DATA_AFTER.match(after)):
                out.append((RelationType.USES, span, "cue:use-technique", 0.7))
                continue
            if _CAST_AS_BEFORE.search(clause[-140:]) and _CAST_AS_AFTER.match(after):
                # the paper casts its problem as this one, to solve it so: "we formulate traffic simulation as
                # an inverse reinforcement learning problem", "modelling the client selection as an extended
                # multi-armed bandit (MAB) problem": a technique used
                out.append((RelationType.USES, span, "cue:cast-as", 0.7))
                continue
            if built_from:
                continue
            if means_for(ent, ents, sent[0], low, after):
                out.append((RelationType.USES, span, "cue:means-for", 0.7))
                continue
            # the title and the paper's own sentences name the tasks it works on
            out.append((RelationType.ADDRESSES, span, "cue:own-task", 0.8 if in_title else 0.7))
        elif label == _METHOD:
            # a method the title names without a use cue is mostly the paper's
            # own ("An Uncertainty-Aware Encoder for Aspect Detection")
            if _USE_BEFORE.search(clause[-80:]) or _BASED_AFTER.match(after) or _STUDY_BEFORE.search(clause[-90:]):
                out.append((RelationType.USES, span, "cue:use", 0.75))
            elif _IMPROVES_BEFORE.search(clause[-90:]) and not _PROBLEM_HEAD.search(ent.text.lower()) \
                    and not _MODIFIER_AFTER.match(after):
                out.append((RelationType.USES, span, "cue:improves", 0.7))
            elif not in_title and _ASSESS_BEFORE.search(clause[-120:]) and _ASSESS_OWN.search(clause):
                out.append((RelationType.USES, span, "cue:assess", 0.7))
            elif not in_title and (on := _EXPERIMENT_ON_BEFORE.search(clause[-120:])) is not None \
                    and _experiment_method(ent, ents, low, sent[0], on.group(), after):
                out.append((RelationType.USES, span, "cue:experiment-on", 0.7))
            elif in_title and _TITLE_ANALYSIS.match(low[:offset]):
                out.append((RelationType.USES, span, "cue:title-analysis", 0.7))
            elif _OWN_TOOL_LIST.search(clause[-170:]) and _OWN_BEFORE_LIST.search(clause):
                out.append((RelationType.USES, span, "cue:own-list", 0.7))
            elif in_title and ":" in low[:offset] and _SUBTITLE_FAMILY.match(clause) and _SUBTITLE_HEAD_AFTER.match(after):
                out.append((RelationType.USES, span, "cue:title-family", 0.7))
            elif _FAMILY_HEAD_AFTER.match(after) and _FAMILY_BEFORE.search(clause[-90:]):
                out.append((RelationType.USES, span, "cue:family", 0.7))
    if not own and after_own and not in_title:
        # a passive-use sentence of the own zone ("A CNN is used to extract features, which are then classified
        # using an SVM"): its other methods still take the own-zone use cue
        spans = {r[1] for r in out}
        out.extend(r for r in _zone_uses(sent, low, ents) if r[1] not in spans)
    if out and len(ents) > 1:
        out.extend(list_members(text, sent[0], ents, out, blocked))
    return out
