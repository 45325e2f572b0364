"""Cues that decide whether a Task mention is addressed or applied as a technique.

A task named in the title or an own sentence is ADDRESSES by default
(:func:`extractors.paper_relations.paper_relations`); the cues here say when
it is instead a technique the paper uses ("using imitation learning", "we
frame the task as a sequence tagging problem", "Program Synthesis for
Language Modeling": USES), or a task the paper itself sets (PROPOSES and
ADDRESSES). :func:`drop_technique_addresses` then removes, paper-wide, the
plain ADDRESSES of a task another sentence names as a technique. One module
because they all separate the problem a paper solves from the means it
solves it by (audit GUIDE); each cue's counts are in its comment.
"""
from __future__ import annotations

import re

from ontology import EntityType, RelationType

from .doctext import Ent
from .paper_zones import _CLAUSE

PAPER = "PAPER"  # the paper's own node, as extractors.paper_relations names it
_TASK = EntityType.TASK.value


#: A Task-typed mention right after a use cue is a technique the paper
#: applies, not the problem it addresses: "applying transfer learning",
#: "using sequence labeling", "Data-to-Text Generation with Iterative Text
#: Editing". On 3,000 real abstracts (standard tier) 304 ADDRESSES had this
#: cue; of 55 read, 50 are techniques used (USES right, ADDRESSES wrong);
#: the coordination ("via A and B") adds 32, of which 24 read right. A
#: hyphenated modifier between ("with Source-Conditioned Masked Span
#: Prediction", "using an off-the-shelf SFM system") adds 20 on 2,996 real
#: abstracts, 16 read right; not a gerund ("by re-formulating NBV
#: estimation as"), nor a task naming a dataset ("using a brand-new
#: sentiment analysis dataset", "with locally-aligned phrase grounding
#: annotations": :data:`_DATA_AFTER`). "utilize", "resort to", "make use of", "take advantage of" and "harness"
#: are use cues as much as "use" ("we utilize neural architecture search strategy", "we resort to stereo
#: matching technique ... to address such issues in SSC"): on 5,866 real abstracts (draw_sample(3000, 39120701)
#: and (3000, 39120702) less the audit and fresh ids, standard) they move 6 ADDRESSES to USES and add 2 USES,
#: all read, 7 right (the eighth: "harness the conversation generation capabilities of ... LLMs": dropping the
#: ADDRESSES is right, USES of it doubtful); too rare to read 30.
_TECHNIQUE_BEFORE = re.compile(
    r"(?<!followed )(?<!inspired )(?<!analogy )\b(?:using|use[sd]?|use of|apply|applies|applied|applying|via|through|"
    r"employ\w*|adopt\w*|leverag\w*(?: on| upon)?|by|with|based on|idea of|combination of|integrat\w*|incorporat\w*|"
    r"exploit\w*|combin(?:e|es|ed|ing)(?: with)?|utili[sz]\w*|resort\w* to|(?:make|makes|made|making) use of|"
    r"(?:take|takes|took|taking) advantage of|harness\w*)"
    r"\s+(?:the\s+|an?\s+)?(?:[a-z]+-[a-z]+(?:-[a-z]+)?(?<!ing)\s+)?(?:(?:(?!(?:for|to|on|in|of|from|into|that|which|and|or)\b)[\w-]+\s+){1,4}?(?:and|or)\s+)?$")
#: A Task-typed item of a list of techniques ("some effective techniques,
#: such as data filtering, tagged back translation, domain adaptation") is
#: one too.
_DATA_AFTER = re.compile(r"^\s*(?:datasets?|corpus|corpora|benchmarks?|data|annotations?|labels)\b")
_TECHNIQUE_LIST = re.compile(r"\b(?:techniques?|methods?|approach(?:es)?|tools?|algorithms?|strateg(?:y|ies)|models?)"
                             r",?\s+(?:such as|like|including|e\.g\.,?)\s+(?:[\w-]+(?:\s+[\w-]+){0,3}\s*,\s*(?:and\s+|or\s+)?)*$")
#: A task the paper itself sets ("we introduce the task of role question
#: generation", "introduce XBRL tagging as a new entity extraction task").
_NEW_TASK_BEFORE = re.compile(r"\b(?:introduc\w*|propos\w*|defin\w*|formulat\w*|present\w*|pos(?:e|es|ed|ing))\s+"
                              r"(?:the|a|an)\s+(?:new|novel)?\s*(?:[\w-]+\s+)?(?:task|problem)\s*(?:of|called|named|,|:)?\s*$")
_NEW_TASK_AFTER = re.compile(r"^\s*(?:\([^)]{1,20}\)\s*)?,?\s*(?:as\s+)?an?\s+(?:new|novel)\s+(?:[\w-]+\s+){0,3}?(?:task|problem)\b")
#: ... unless the verb takes a problem ("deal with fake news detection",
#: "what's wrong with collision detection") or the task is a case study
#: ("using Chinese NER as a case study").
_PROBLEM_BEFORE = re.compile(
    r"\b(?:deal\w*|cop(?:e|es|ing)|wrong|problems?|issues?|challenges?|concerned|struggl\w*|tackl\w*)\s+with\s+"
    r"[^;:]{0,60}$")
_CASE_AFTER = re.compile(r"^\s*(?:\([^)]{1,20}\)\s*)?as (?:a|an|our) (?:\w+ )?(?:case study|testbed|test bed|example|use case)")

#: "<verb> <the paper's problem> as a|an <task> problem|task": the paper solves its problem as that task, a
#: technique it uses ("We frame the task as a sequence tagging problem", "modeling the explanation
#: regeneration task as a learning to rank problem"), not the problem it addresses. Counted on 6,000 real
#: abstracts (bench/same_output.py's draw_sample, seeds 26120726 and 26120727, standard tier): 18 firings,
#: all read, 16 right (the 2 counted wrong: "frame ... as a meta-learning problem", where the audit guide
#: types meta-learning a setting, which a paper addresses); "view ... as" was dropped after the first
#: sample ("an application that we view as a textual entailment task" addresses it). "take/consider/regard
#: ... as a ... problem" added at stop 39 ("we take the few-shot span detection as a sequence labeling problem",
#: "We consider the normalization task as a Machine Translation problem"): 2 firings on the 5,866 abstracts
#: below, both right.
_CAST_AS_BEFORE = re.compile(r"\b(?:(?:formulat|reformulat|cast|recast|model|frame|treat|reduc|convert|phras|regard|consider)\w*|"
                             r"pos(?:e[sd]?|ing)|(?:take|takes|took|taking))"
                             r"\s+[^;:]{0,80}?\bas\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}$")
_CAST_AS_AFTER = re.compile(r"^\s*(?:\([^)]{1,20}\)\s*)?(?:problems?|tasks?|games?)\b")
#: A task named as the means to another task: "Program Synthesis for Character Level Language Modeling",
#: "Optimizing Statistical Machine Translation for Text Simplification", "a novel re-ranking approach for
#: Zero-Shot Entity Linking" (audit GUIDE: a title "X for Y" states X USED_FOR Y and the paper ADDRESSES Y;
#: part E: the paper USES X). Not a learning setting (GUIDE: settings are addressed: "Domain Adaptation for
#: X"), and not a problem-named task ("Multi-Stage Suture Detection for Robot Assisted Anastomosis", "a road
#: boundary estimation method for autonomous navigation": the paper addresses it; before this exclusion 69
#: firings on 3,000 real abstracts, of 60 read 17 were such right ADDRESSES). On 3,000 real abstracts
#: (bench/same_output.py's draw_sample(3000, 26120937), standard tier) 38 firings, all read: 21 right as USES
#: (SMT, re-ranking, cross-lingual pre-training, topic modeling, active vision, NAS...), 12 on nodes that are
#: no task at all (fragments, generic "reasoning", "Hindi-English": wrong as ADDRESSES too), 5 where the
#: ADDRESSES it replaces was right ("language modeling for Automatic Speech Recognition").
_MEANS_FOR_AFTER = re.compile(
    r"^\s*(?:\([^)]{1,20}\)\s*)?(?:(?:models?|frameworks?|approach(?:es)?|methods?|systems?|networks?|"
    r"architectures?|modules?|techniques?|strateg(?:y|ies)|algorithms?)\s+)?(?:for|to improve|to enhance|to boost)\s+"
    r"(?:the\s+|an?\s+)?")
_SETTING = re.compile(r"(?:learning|adaptation|generali[sz]ation|shot|supervised|supervision)$")
#: Head nouns that name a problem ("forecasting" added after audit part F's "Streaming Motion Forecasting for
#: Autonomous Driving", as the synonym of "prediction"; no firing on the 3,000 abstracts above).
_PROBLEM_HEAD = re.compile(r"(?:detection|estimation|recognition|classification|identification|extraction|generation|"
                           r"planning|parsing|tagging|locali[sz]ation|tracking|segmentation|summari[sz]ation|answering|"
                           r"analysis|retrieval|prediction|forecasting|categori[sz]ation|labell?ing|matching|"
                           r"completion|linking|resolution|inference|understanding|navigation|manipulation|grasping|"
                           r"control)$")


def means_for(ent: Ent, ents: list[Ent], sent0: int, low: str, after: str) -> bool:
    """Whether a Task mention is the means to the task named right after it ("X for Y", "an X approach
    for Y", :data:`_MEANS_FOR_AFTER`), in its clause; ``after``: the lower-cased text after it."""
    m = _MEANS_FOR_AFTER.match(after)
    name = ent.text.lower()
    if m is None or _SETTING.search(name) or _PROBLEM_HEAD.search(name):
        return False
    at = ent.end_char - sent0 + m.end()
    for other in ents:
        o = other.start_char - sent0
        if o >= at:
            return other.label_ == _TASK and o - at <= 30 and not _CLAUSE.search(low, at, o)
    return False


#: The rules that read a Task mention as a technique the paper applies (USES, not ADDRESSES) wherever the
#: paper names it. Not "X for Y" (:func:`means_for`): the paper may address X in its other sentences too
#: ("Event Camera-Based Visual Odometry for Dynamic Motion Tracking ..." proposes "a direct sparse visual
#: odometry method"; "Natural Language Grounding and Grammar Induction for Robotic Manipulation Commands").
TECHNIQUE_RULES = frozenset(("cue:use-technique", "cue:task-based", "cue:cast-as"))


def drop_technique_addresses(relations: list, text: str) -> list:
    """The paper's relations without the plain own-sentence ADDRESSES ("cue:own-task") of a task that
    another sentence of the paper names as a technique it applies (:data:`TECHNIQUE_RULES`): "Extractive
    Summarization Using Multi-Task Learning ..." and "we address document summarization in the framework
    of multi-task learning" state one use of multi-task learning, not a problem addressed. Names compare
    lower-cased. On 3,000 real abstracts (draw_sample(3000, 26120937), standard tier) 60 task names in 54
    abstracts, all read: 47 right to drop (techniques: SMT, NMT, multi-task learning, active learning,
    network pruning, "Using NLP to quantify ..."; generic "reasoning"), 13 wrong (the paper addresses the
    task as well: "Improving Word Alignment by ...", "Sentence Matching with Syntax- and Semantics-Aware
    BERT", "an active SLAM framework", "we introduce an Opinion Tree Generation task")."""
    used = {text[r.target[0]:r.target[1]].lower() for r in relations
            if r.source == PAPER and r.type is RelationType.USES and r.extractor in TECHNIQUE_RULES}
    if not used:
        return relations
    return [r for r in relations if not (r.source == PAPER and r.type is RelationType.ADDRESSES
                                         and r.extractor == "cue:own-task"
                                         and text[r.target[0]:r.target[1]].lower() in used)]


#: ... and so does a task written as the basis of a method ("a novel sequence-tagging-based model", "the
#: translation-based method", "a multiple instance learning based denoising method"): a technique the paper
#: uses, not the problem it addresses; "X based on Y" names X the problem. The task must follow an article
#: (the paper's own thing: without one, "complements summarization-based models", "QA-Based Product Attribute
#: Extraction" in titles, 7 of 23 were wrong). On 6,000 real abstracts (bench/same_output.py's
#: draw_sample(3000, 70712607) and (3000, 70712608)) 19 firings, 17 read right (wrong: "the UNMT based
#: systems", "a benchmark for NLP-based unit test completion"); too rare to read 30.
_TASK_BASED_AFTER = re.compile(r"(?:-\s*based\b|\s+based\s+(?!(?:on|upon|only|solely|entirely|purely|mainly|largely|"
                               r"primarily|mostly|exclusively)\b)[a-z])")
_TASK_BASED_BEFORE = re.compile(r"\b(?:an?|the)\s+(?:[\w-]+\s+){0,3}[\w-]*$")
