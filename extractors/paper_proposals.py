"""Which cue-found names the paper proposes (:func:`kept_proposals`).

:func:`extractors.names.mlkg_names` finds names after a proposal cue ("we
propose X", a title's "X: ..."); this module drops those the sentence does
not propose: a name after a preposition or a use cue ("a framework for
SemEval-2021 Task 5"), a team, someone else's or the authors' earlier work,
a title's slogan ("Don't Stop Pretraining: ..."). Kept apart from the
relation rules because it decides PROPOSES, which the other paper relations
read as given (a proposed name is blocked from USES and the rest); each
rule's counts on real abstracts are in its comment.
"""
from __future__ import annotations

import re

#: Between the proposal cue and a name, a preposition or a use cue makes the
#: name something the proposal is for, of, on or built with, not the
#: proposal: "a framework for <SemEval-2021> Task 5", "an end-to-end approach
#: ... using a 3D <LiDAR> sensor", "a controller based on the idea of
#: embedding a lossy <SLIP> template". On 3,000 real abstracts 183 of the
#: 600 cue proposals have one; of 30 read, 1 is proposed (issue 26's part C
#: report: "PROPOSES for things the paper only uses").
_NOT_PROPOSED_BETWEEN = re.compile(
    r"\b(?:for|of|on|in|at|to|with|using|(?<!-)based on|such as|like|from|by|via|into|over|against|than|including|"
    r"e\.g\.|during|under|through|within|between|among|across|towards?|combin\w*|leverag\w*|utili[sz]\w*|employ\w*)\b")
#: ... unless the name is given as the proposal's name ("a novel knowledge
#: graph embedding model named TransC", "MirrorWiC:"); a name in brackets
#: after its long form is checked on the text before that long form
#: ("inference using Integrated Nested Laplace Approximation (INLA)").
_NAMING_BEFORE = re.compile(r"(?:called|named|dubbed|termed|coined|namely|:)\s*$")
_LONG_FORM_BEFORE = re.compile(r"(?:\b[A-Z][\w'’+-]*\s+(?:(?:with|of|for|via|and|in|on|from|to|by)\s+(?=[A-Z]))?){1,8}\(\s*$")
#: A team, not a proposal: "developed by the CUET NLP team", "(team name: scmhl5)".
_TEAM_AFTER = re.compile(r"^\s*(?:[A-Z][\w-]*\s+)?team\b", re.I)
#: A name its own noun phrase calls someone else's ("supplementing existing LDC audio", "on the recently
#: released ARKitScenes dataset", "We previously introduced JIV": the authors' earlier work, as the audit
#: guide has it): no proposal. Counted on real abstracts (bench/same_output.py's sampler): seed 777, 2,000
#: abstracts, 2 of 502 proposals dropped; seed 4242, 6,000 abstracts (fast tier), 4 of 1,524 dropped
#: (EFCamDat, SAIL, NPHM, JIV); all 6 read right to drop.
_OTHERS_BEFORE = re.compile(r"\b(?:existing|recently[- ](?:released|introduced|proposed|published)|previously[- ](?:released|"
                            r"introduced|proposed|published)|publicly available|widely[- ]used|well-known|popular|standard)"
                            r"\s+(?:[\w-]+\s+){0,2}$", re.I)
_TEAM_BEFORE = re.compile(r"\bteam(?:\s+name)?\s*:?\s*$", re.I)
#: The authors' earlier work, named by the tense and time of the proposal verb rather than by the name's
#: own phrase ("We have recently introduced a CNN-Bayes approach ... called SoftTactNet", "In our previous
#: work, we proposed X", "Previously, we developed X"): what this paper builds on, not what it proposes
#: (audit GUIDE: the authors' earlier work is no proposal, as "We previously introduced JIV" above).
#: In all abstracts of ../shared/corpora/abstracts 269 sentences have a proposal cue right after such a
#: phrase; of 40 read at random, 40 speak of earlier work, the authors' or others' ("In a previous paper, we
#: proposed a new way to achieve visual servoing", "solvers have been previously proposed"). On 3,000 real
#: abstracts (draw_sample seed 26120726, standard tier) it drops 1 proposal, right ("a general
#: probabilistic planner we have recently developed called PPCP", which the paper then uses).
_EARLIER_CUE = re.compile(
    r"(?:\b(?:have|has|had)\s+(?:\w+\s+)?(?:recently|previously|already|earlier|formerly)\s+"
    r"|\b(?:recently|previously|earlier|formerly)\s*,?\s*(?:we|the authors|our (?:group|team|lab))\s+(?:have\s+|had\s+)?"
    r"|\b(?:in|from)\s+(?:our|an?|the|their)\s+(?:(?:own|very)\s+)?(?:previous|prior|earlier|recent|past|preliminary)\s+"
    r"(?:work|paper|study|studies|publication|research|conference paper|version)s?\s*(?:\([^)]{0,40}\))?\s*,?\s*"
    r"(?:we\s+)?(?:have\s+|had\s+)?)$", re.I)
#: A title "<team> at <campaign>: ..." or "<team>@<venue>: ...".
_TEAM_TITLE = re.compile(r"\s*(?:@|at\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:[\w-]*\d{4}\b|semeval|wmt|conll|wat|iwslt|"
                         r"shared task))", re.I)
#: A title's lead phrase before its colon that is a slogan or a topic, not a name: "Conversations Gone
#: Awry: Detecting Early Signs of Conversational Failure", "Keyphrase Generation: A Text Summarization
#: Struggle", "Multilingual Epidemiological Text Classification: A Comparative Study". A name the paper
#: proposes is written again in its abstract, or the subtitle says what kind of thing it is ("Tell Me More:
#: A Dataset of ...", "Checkpoint Reranking: An Approach to ..."); a lead phrase of plain words (no
#: acronym, digit or inner capital: "SqueezeBERT", "T5" stay) with neither is no proposal. On 3,000 real
#: abstracts (bench/same_output.py's draw_sample(3000, 26120937), standard tier) 65 title proposals are
#: such plain lead phrases; the rule drops 30, all read: 26 right to drop (slogans and topics: "Not My
#: President", "Lift Your Leg", "Product Review Translation", "Parsers Know Best", "Null It Out" for a paper
#: proposing INLP), 4 wrong (the paper's own named thing: "Diffused Heads", "Adaptively Scheduled Multitask
#: Learning", "Partial Caging", "Robotic Boreblending"). On the 362 seeds it drops 7 of 180 title names: 5
#: slogans ("Robots Pre-train Robots", "Don't Stop Pretraining", "Peek Across", "Quantizable Transformers",
#: "Adaptive Rank, Reduced Forgetting"), 2 names the abstract never repeats ("Masked Thought", "The Tensor
#: Brain"). A plural name is found in its singular ("Adaptive Computation Modules" / "module (ACM)").
_PLAIN_WORDS = re.compile(r"[^\W\d_][a-z'’-]*(?:[\s,]+[^\W\d_][a-z'’-]*)+")
_KIND_SUBTITLE = re.compile(
    r"\s*:\s*(?:an?|the)\s+(?:[\w-]+\s+){0,4}?(?:datasets?|corpus|corpora|benchmarks?|test suite|treebank|lexicon|"
    r"resource|tool(?:kit)?|systems?|models?|methods?|approach|algorithms?|framework|architecture|network|"
    r"measures?|metrics?|perceptron|tasks?|library|platform|language)\b", re.I)


def slogan_title(text: str, a: int, b: int, title_end: int) -> bool:
    """Whether the title's name at ``a``-``b`` is a lead phrase that is no name (:data:`_KIND_SUBTITLE`)."""
    if a != 0 or not text[b:title_end].lstrip().startswith(":") or not _PLAIN_WORDS.fullmatch(text[a:b]):
        return False
    stem = re.sub(r"s$", "", text[a:b].lower())  # "Adaptive Computation Modules: ..." writes "module (ACM)"
    return stem not in text[title_end:].lower() and not _KIND_SUBTITLE.match(text, b, title_end)


def kept_proposals(text: str, proposed: dict[tuple[int, int], tuple[int, int]]
                   ) -> dict[tuple[int, int], tuple[int, int]]:
    """The proposals (name span -> evidence sentence span, as
    :func:`extractors.names.mlkg_names` finds them) that the sentence says
    the paper proposes: a name after a preposition or a use cue, or a team's
    name, is dropped (and so is read as any other mention)."""
    from .cues import cue_spans

    out = {}
    for (a, b), (s, e) in proposed.items():
        if text[a:b].lower().startswith("team ") or (s == 0 and ("@" in text[a:b] or _TEAM_TITLE.match(text, b))):
            continue  # "Team SVMrank: ...", "CUET-NLP@DravidianLangTech-ACL2022: ...", "Talla at SemEval-2017 Task 3"
        if s == 0:  # the title's name
            if not slogan_title(text, a, b, e):
                out[(a, b)] = (s, e)
            continue
        if _TEAM_AFTER.match(text, b) or _TEAM_BEFORE.search(text[max(s, a - 20) : a]) \
                or _OTHERS_BEFORE.search(text[max(s, a - 40) : a]):
            continue
        cues = [c for c in cue_spans(text[s:a], None)]
        if cues and _EARLIER_CUE.search(text[max(s, s + cues[-1][0] - 90) : s + cues[-1][0]]):
            continue  # the authors' earlier work ("We have recently introduced ... called SoftTactNet")
        if cues:
            between = text[s + cues[-1][1] : a]
            if not _NAMING_BEFORE.search(between):
                long_form = _LONG_FORM_BEFORE.search(between)
                if long_form is not None:
                    between = between[: long_form.start()]
                if _NOT_PROPOSED_BETWEEN.search(between.lower()):
                    continue
        out[(a, b)] = (s, e)
    return out
