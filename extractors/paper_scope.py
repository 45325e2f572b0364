"""Negation scope for paper-level relations: a mention the sentence says the
paper does without gives no relation.

"Our method does not rely on word segmentation", "without the need of
accurate mapping and localization nor of 3D reconstruction", "do not require
token-level identification of MWEs" name things the paper neither addresses
nor uses. The rule follows NegEx (Chapman et al., "A Simple Algorithm for
Identifying Negated Findings and Diseases in Discharge Summaries", J. Biomed.
Inform. 34(5), 2001): a closed list of negation triggers, a list of
pseudo-negations that contain a trigger but negate nothing ("without
sacrificing accuracy", "without any loss in BLEU": the paper still measures
accuracy), and a scope that starts at the trigger and ends a few words on or
at a termination word (here: any punctuation, preposition or verb that starts
a new phrase), so that only the trigger's own noun phrase, or a list of them,
is negated. Read by clause (the clause split of
:mod:`extractors.paper_relations`).

A sentence that opens with a contrast clause about others' work ("Whereas
past approaches have learned ... by uncertainty reasoning ..., in this paper,
we rely on ...") names others' work before its main clause
(:func:`contrast_clause_end`).

Counts on real abstracts (3,000 drawn with bench/same_output.py's
draw_sample, seed 515260, standard tier; bench/relation_diff.py): the
negation scope removes 4 paper relations, all 4 read right to remove
("without MT as the end goal", "without the need of accurate mapping and
localization nor of 3D reconstruction", "do not require token-level
identification of MWEs", "without additional information, e.g.,
classification"); the pseudo-negations and the comma rule were added after
reading the first run, where "without any accuracy reduction" and "Without
lexicons, multiword expression identification will never fly" had been
removed wrongly. Too rare to read 30 on this sample; a second sample of
4,000 did not finish on the loaded machine. The contrast clause removes 4 on the same sample, 3 read right ("Although
quantized weights ... allow for faster inference", "While some resources for
extractive summarization have been available ..., in this paper, we"); wrong:
"While leveraging latest Transformer-based models, our systems are simple"
(a gerund opening of the paper's own). On the audit it removes USES/ADDRESSES
of d4913d80cd's "uncertainty reasoning" of past approaches (not right).
The scope is checked by splitting the words after the trigger (a single
regex with nested lists backtracked to ~4 ms a call).
"""
from __future__ import annotations

import re

#: The negation triggers, ending where their object starts: "without",
#: "does not require/rely on/need/use/assume/depend on", "no need for",
#: "eliminates the need for", "free of", "independent of".
_TRIGGER = (
    r"(?:\bwithout(?:\s+(?:relying\s+on|using|requiring|needing|(?:the\s+)?(?:need|use)\s+(?:for|of)))?"
    r"|\b(?:does|do|did|need|can|could|should|will|would)\s*n[o']t\s+(?:\w+ly\s+|even\s+|necessarily\s+)?"
    r"(?:require|rely\s+on|need|use|make\s+use\s+of|assume|depend\s+on|involve|exploit|employ|utili[sz]e|leverage|"
    r"resort\s+to|access|perform)s?"
    r"|\bcannot\s+(?:rely\s+on|use|access)"
    r"|\bno\s+need\s+(?:for|of)|\b(?:eliminat|obviat|remov|avoid|circumvent|bypass)\w*\s+the\s+need\s+(?:for|of)"
    r"|\bfree\s+(?:of|from)|\bindependent(?:ly)?\s+of|\bnot\s+relying\s+on)"
)
#: ... then the negated phrase: at most three words before the mention (no
#: preposition, verb-like "-ing"/"to" or punctuation among them: those end the
#: scope), or a list whose items are such phrases ("without A, B or C").
_TRIGGER_RE = re.compile(_TRIGGER + r"\s+")
#: Words that end a negation's scope (NegEx's termination terms, here
#: prepositions, clause words and verbs that start a new phrase).
_STOP_WORDS = frozenset(("of", "for", "to", "in", "on", "with", "by", "from", "as", "at", "into", "that", "which",
                         "while", "but", "using", "based", "is", "are", "was", "were", "can", "we"))
_DETERMINERS = frozenset(("any", "the", "a", "an", "explicit", "additional", "extra", "external", "manual", "prior",
                          "hand-crafted", "handcrafted", "human", "costly", "expensive"))
_BRACKETED = re.compile(r"\([^()]{1,20}\)")
_SEPARATOR = re.compile(r"\s*,\s*(?:(?:and|or|nor)\s+)?(?:of\s+)?|\s+(?:and|or|nor)\s+(?:of\s+)?")
_WORD = re.compile(r"^[\w.'’-]+$")


def _in_scope(rest: str) -> bool:
    """Whether the text between a trigger and a mention is the trigger's
    own noun phrase: at most three words (after a determiner) before the
    mention, or a list of up to five short names before that ("without A
    (x), B and "), with no word that ends the scope."""
    if len(rest) > 120:
        return False
    items = _SEPARATOR.split(_BRACKETED.sub(" ", rest))
    for k, item in enumerate(items):
        words = item.split()
        last = k == len(items) - 1
        if len(words) > 1 and words[0] in _DETERMINERS:
            words = words[1:]
        if len(words) > (3 if last else 5) or (not last and not words) or len(items) > 5:
            return False
        if any(w in _STOP_WORDS or not _WORD.match(w) for w in words):
            return False
    return True


#: Pseudo-negations (NegEx's term): the trigger negates a change, not the
#: thing: "without sacrificing accuracy", "without any loss of translation
#: quality", "without harming the parsing of ...".
_PSEUDO_AFTER = re.compile(
    r"^\s*(?:(?:a|any|much|significant|noticeable|notable|major|an?\s+\w+)\s+)*"
    r"(?:sacrific\w*|los[se]\w*|loss|compromis\w*|degrad\w*|hurt\w*|harm\w*|affect\w*|drops?|dropping|decreas\w*|"
    r"reduc\w*|deteriorat\w*|penalt\w*|cost|sacrifice|impact\w*|damag\w*|trade-?off|decline|impair\w*)\b")
#: An ablation: "higher than the results without using masked modeling",
#: "compared to models without applying filtering and the proposed ISL
#: method": the paper runs both, with and without.
_ABLATION_BEFORE = re.compile(
    r"(?:\b(?:than|compared\s+(?:to|with)|over|versus|vs\.?|against|with\s+and)\s+(?:[\w-]+\s+){0,3}"
    r"|\b(?:baselines?|variants?|counterparts?|those|ones|ablat\w*)\s+)$")


#: After the mention, a change it undergoes ("without any accuracy
#: reduction"): a pseudo-negation too.
_CHANGE_AFTER = re.compile(
    r"^\s*(?:scores?\s+|quality\s+|performance\s+)?(?:reduction|loss|drop|degradation|decrease|deterioration|penalty|"
    r"sacrifice|trade-?off|decline)s?\b")
#: After the mention, the list goes on: a comma before the mention joined a
#: list ("without A, B or C") rather than ending an opening phrase
#: ("Without lexicons, multiword expression identification will never fly").
_LIST_GOES_ON = re.compile(r"^\s*(?:\([^()]{1,20}\)\s*)?(?:,|and\b|or\b|nor\b)")


#: A literal that every trigger of :data:`_TRIGGER` contains ("n't"/"not" for
#: the verb forms and "cannot", "need" for "no need"/"eliminates the need"):
#: a sentence with none of them negates nothing, so its mentions need no
#: scope check (:func:`may_negate`; the relation step's cost, issue 26).
_TRIGGER_LITERALS = ("without", "not", "n't", "need", "free", "independent")


def may_negate(low: str) -> bool:
    """Whether a lower-cased sentence can hold a negation trigger at all: a
    necessary condition of :func:`negated` on any part of it."""
    return any(w in low for w in _TRIGGER_LITERALS)


def negated(clause: str, after: str = "") -> bool:
    """Whether a mention whose clause reads ``clause`` before it (lower case)
    and ``after`` after it is in a negation's scope (module doc)."""
    tail = clause[-160:]
    m = None
    for m in _TRIGGER_RE.finditer(tail):
        pass
    if m is None or _CHANGE_AFTER.match(after):
        return False
    rest = tail[m.end():]
    if _PSEUDO_AFTER.match(rest) or not _in_scope(rest):
        return False
    if re.search(r",\s*$", rest) and not _LIST_GOES_ON.match(after):
        return False
    return _ABLATION_BEFORE.search(tail[: m.start()]) is None


#: A sentence that opens with a contrast or concession ("Whereas past
#: approaches have learned the alignment by uncertainty reasoning ..., in
#: this paper, we rely on ...", "Although CNNs have been applied to X, we
#: ...", "Unlike prior work on X, our method ...") states others' work in
#: that opening clause and the paper's own in the main clause after it.
_CONTRAST_OPENING = re.compile(r"^\s*(?:whereas|while|although|though|even though|despite|in contrast to|contrary to|"
                               r"unlike|as opposed to)\b")
#: Where the main clause starts: a comma, then the paper as its subject.
_OWN_MAIN_CLAUSE = re.compile(r",\s+(?:(?:in this (?:paper|work|study)|here|instead|however|in contrast)\s*,\s*)?"
                              r"(?:we|our|this (?:paper|work|study))\b")
_FIRST_PERSON = re.compile(r"\b(?:we|our|us)\b")


def contrast_clause_end(low: str) -> int:
    """Where the main clause of a sentence that opens with a contrast clause
    about others' work starts (module doc), or 0: mentions before that
    offset name others' work. The opening clause must not be first person
    ("While we use X, ..." is the paper's own)."""
    if _CONTRAST_OPENING.match(low) is None:
        return 0
    main = _OWN_MAIN_CLAUSE.search(low)
    if main is None or _FIRST_PERSON.search(low, 0, main.start()):
        return 0
    return main.start()
