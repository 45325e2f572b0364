"""A technique the paper applies is a Method in that paper: typing by the words that govern each mention.

The tagger and the title patterns type many technique names Task ("Adversarial
Domain Adaptation", "Masked Span Prediction"), so a paper that *applies* the
technique gets a Task node and an ADDRESSES it does not state. The
integrator's decision (stop 40, tests/data/audit/GUIDE.md): a technique named
by a nominal that the paper applies, uses or proposes is a Method; Task only
where the paper names it as the problem it addresses. The text shows which:
the word governing the mention ("using X", "via X", "we apply X", "X-based",
"X is used" -> a tool; "for X", "the X task", "the task of X", "we address
X", "deals with X" -> a problem), the lexical contexts that
:mod:`ontology.usage_evidence` counts over the 120,000 real abstracts (after
Hearst 1992's lexico-syntactic patterns); the last of coordinated names takes
the first one's cue ("via A and B"). A title "X for Y" reads X as the tool
(the guide's "X for Y" gives X USED_FOR Y) only when a task Y ends the
phrase: the shape alone retyped about 50 names on 3,000 real abstracts, some
20 of them right ("Dimensional Sentiment Analysis for Chinese Phrases" names
the task). Nor when X ends in a task's head ("Suicidal Risk Detection for
Military Personnel": Y is the population, X the task; see :data:`_X_TASK_HEADS`).

A Task pick is retyped Method, in this paper only, when at least one of its
mentions is governed as a tool and none as a problem, and the real abstracts
do not type the phrase Task by their counts (an established task the paper
uses as a step, "using semantic segmentation", keeps its type, as part D of
the audit decided). Learning settings ("... learning": active, online,
few-shot) stay Tasks as the guide types them, and so does one word alone.
Names the gazetteer knows are left alone: their node has the entry's type in
every paper (see :func:`_retypable`), so "network pruning" and
"cross-lingual transfer" applied stay Task nodes until a node may take its
type per paper.

On 1,200 fresh real abstracts (bench/same_output.py ``draw_sample(1200,
50505050)``, standard tier; all read) it changed 19 Task nodes: 4 are now
right Method nodes (Adversarial Domain Adaptation twice, a mutual information
neural estimator, Sliding Spatial Pyramid Matching); 13 techniques typed Task
("Latent Alignment", "ensemble tagging", "slot alignment") were no longer
nodes, since a Method needs evidence that it names something (kg/nodes.py)
and a task head gave them theirs; 2 right Task nodes went ("Suicidal Risk
Detection for Military Personnel", "Single-Image Footstep Prediction for
Versatile Legged Locomotion", titles). Paper relations: 17 gone (11 USES of
the unnamed techniques, right before; 4 wrong ADDRESSES of techniques, 2
right ADDRESSES), 2 new and right (USES Adversarial Domain Adaptation, USED_FOR
of Sliding Spatial Pyramid Matching).

The names retyped are kept in ``doc.user_data`` (:data:`RETYPED_KEY`, read into
kg.extract.DocData.retyped) so that kg/nodes.py weighs such a mention's evidence
as the Task it was picked as; no other Method mention gains any. On the same
1,200 abstracts (all read) this brought the 13 back as Method nodes: 8 of their
lost paper USES back, 2 USES new and right where main had a wrong ADDRESSES
(active motion planning, question generation-and-answering), 6 USED_FOR right
(one to "Recycle Generation", the paper's own name cut short);
the 2 title picks above came back as Method nodes of the wrong type (no
relations). Nothing else changed; the fast tier, nothing. The USES of
"Cross-Modal Feature Alignment" (a title "X for Y") stays lost: relations
read the Method label, which states only its USED_FOR. Accurate tier, same
abstracts: 13 Method nodes back, 12 read right ("contextual word alignment",
"Feature Interaction Detection"), 1 a task ("user intent recognition", after
"struggle with"); 11 relations back, all read right.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from .noun_modifiers import known_name
from ontology.usage_evidence import PROBLEM_BEFORE, TOOL_BEFORE, context, tokens, usage_type

#: Characters read on each side of a mention for its governing words.
_WINDOW = 60
#: "deal with X", "struggle with X" name the problem ("with" alone reads as a tool): "struggle(s) with" occurs
#: 297 times in the 120k abstracts; of 30 read, all 30 named a difficulty or task, none a tool (stop 40).
_PROBLEM_BEFORE2 = [[a, b] for a in ("task", "tasks", "problem", "problems") for b in ("of", "with")] + [
    [a, "with"] for a in ("deal", "deals", "dealing", "dealt", "struggle", "struggles", "struggling", "struggled")]
#: Words that end a conjunct's reach back to its cue: a clause or another preposition.
_STOP_COORDINATION = frozenset("of in on to is are was were that which we our by from as".split())
#: What may follow the task Y of a title "X for Y": its end, punctuation or a function word, not a noun it modifies.
_TASK_ENDS = re.compile(r"\s*(?:$|[:,;.(]|(?:in|on|with|using|via|by|from|and|of|through|under)\b)", re.I)
_ABBREVIATION = re.compile(r"^\s*\([^()]{1,15}\)")
#: Head nouns of a task, ending the X of a title "X for Y" that names the task addressed, not a tool
#: ("Token-Level Error Detection for Table-to-Text Generation"). On draw_sample(3000, 4016), standard,
#: the title rule retyped 16 names (all read): the 2 ending in one of these were tasks, none of the
#: 14 tools ended so ("Continuous-time estimation for dynamic obstacle tracking" is a tool: not
#: "estimation", nor "generation": "Domain Counterfactual Generation for Low Resource Domain Adaptation").
_X_TASK_HEADS = frozenset("detection prediction recognition classification identification segmentation".split())
#: Words whose Task names stay Task whatever governs them (learning settings, fields).
_SETTING_HEADS = frozenset(("learning", "intelligence", "processing", "vision", "science"))


def mention_cue(text: str, start: int, end: int, title_end: int = 0, tasks: frozenset = frozenset()) -> str | None:
    """'tool', 'problem' or None for the mention ``text[start:end]``;
    ``tasks``: the (start, end) chars of the paper's Task mentions (a title
    "X for Y" reads X as a tool only when Y is a task: "Adversarial Domain
    Adaptation for Implicit Discourse Relation Classification", not
    "Dimensional Sentiment Analysis for Chinese Phrases" nor "Grammaticality
    Classification for Production-Ready NLG Systems")."""
    if end <= title_end and title_tool(text, start, end, title_end, tasks):
        return "tool"  # "Unsupervised X for Y" in a title: X is the tool
    before = tokens(text[max(title_end if start >= title_end else 0, start - _WINDOW) : start])
    phrase = tokens(text[start:end])
    rest = text[end : min(title_end if end <= title_end else len(text), end + _WINDOW)]
    rest = _ABBREVIATION.sub("", rest, count=1)  # "using natural language inference (NLI) datasets"
    after = tokens(rest)
    if before[-2:] in _PROBLEM_BEFORE2:
        # "the task of X", "deals with X", "tasks with X": the corpus counts leave "of" out and read "with" as a tool
        return "problem"
    cue = context(before + phrase + after, len(before), len(before) + len(phrase))
    if cue is None and before[-1:] in (["and"], ["or"]):
        cue = _coordinated(before, phrase, after)
    return cue


def title_tool(text: str, start: int, end: int, title_end: int, tasks: frozenset) -> bool:
    """Whether a title "X for Y" names X, ``text[start:end]``, as the tool for
    the task Y (see :func:`mention_cue`). Not when X itself ends in a task's
    head noun (:data:`_X_TASK_HEADS`): "Suicidal Risk Detection for Military
    Personnel", "Packaging Unit Detection for Automated Palletizing Tasks"
    name the task addressed, Y its population or setting."""
    if not any(a == end + 5 and _TASK_ENDS.match(text, b, title_end) for a, b in tasks):
        return False
    if text[start:end].lower().replace("-", " ").split()[-1:][0] in _X_TASK_HEADS:
        return False
    head = text[:start]
    colon = head.rfind(":")
    head = head[colon + 1 :] if colon >= 0 else head
    low_head = f" {head.lower()} "
    return text[end:title_end].lower().startswith(" for ") and not any(
        w in low_head for w in (" for ", " of ", " in ", " via ", " with ", " and ", " on "))


def _coordinated(before: list[str], phrase: list[str], after: list[str]) -> str | None:
    """The cue of the first conjunct for the last one: "via Uncertainty-aware
    Fixed Memory and Adversarial Domain Adaptation" reads the second as "via"
    does, when only words (no punctuation, at most 6) stand between."""
    for k in range(len(before) - 2, max(-1, len(before) - 9), -1):
        word = before[k]
        if not word.isalnum() or word in _STOP_COORDINATION:
            return None
        if word in TOOL_BEFORE or word in PROBLEM_BEFORE:
            return context([word] + phrase + after, 1, 1 + len(phrase))
    return None


def _retypable(span: Span, label: str, source: str, name: str) -> bool:
    """A Task pick that is neither the paper's own name nor the gazetteer's.
    A gazetteer entry's node takes the entry's type in every paper
    (kg/linking.py, one node per thing), so a mention retyped here would only
    lose its relations ("Optimizing Statistical Machine Translation for Text
    Simplification" lost ADDRESSES and USES of SMT, its node still a Task)."""
    return label == "Task" and source not in ("proposal", "gazetteer") and not span.kb_id_ and not known_name(name)


def _kept_task(name: str) -> bool:
    words = name.lower().replace("-", " ").split()
    return len(words) < 2 or words[-1] in _SETTING_HEADS or usage_type(name) == "Task"


def retype_applied_techniques(doc: Doc, text: str, text_of, chosen: list) -> list[str]:
    """Retype in place the Task picks ``(span, start, end, label, source)``
    that this paper only applies (see the module doc); returns their names."""
    title_end = doc.user_data.get("title_end", 0)
    cues: dict[str, set] = {}
    tasks = frozenset((span.start_char, span.end_char) for span, _, _, label, _ in chosen if label == "Task")
    picks = []  # (index in chosen, name) of the retypable picks, read once
    for k, (span, start, end, label, source) in enumerate(chosen):
        name = text_of(start, end)
        if not _retypable(span, label, source, name):
            continue
        picks.append((k, name))
        cues.setdefault(name.lower(), set()).add(mention_cue(text, span.start_char, span.end_char, title_end, tasks))
    flipped = {n for n, c in cues.items() if "tool" in c and "problem" not in c and not _kept_task(n)}
    if not flipped:
        return []
    out = []
    for k, name in picks:
        if name.lower() in flipped:
            span, start, end, _, source = chosen[k]
            chosen[k] = (Span(doc, start, end, label="Method", kb_id=span.kb_id, span_id=span.id), start, end, "Method",
                         source)
            out.append(name)
    doc.user_data.setdefault(RETYPED_KEY, set()).update(out)
    return out


#: ``doc.user_data`` key: the names (as written) of the Task picks retyped Method here. kg/nodes.py
#: gives a technique its node by the evidence it had as a Task (a task head: "slot alignment",
#: "ensemble tagging"); the Method label alone gives none, and the node and its USES were lost.
RETYPED_KEY = "cue_retyped"


def retyped_names(doc: Doc) -> list[str]:
    """The names :func:`retype_applied_techniques` retyped in ``doc``, sorted."""
    return sorted(doc.user_data.get(RETYPED_KEY, ()))
