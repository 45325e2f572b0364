"""Whether a short metric acronym stands where a score is reported.

Some metric acronyms name other things more often than the metric: a bare
"EM" in 120,000 real abstracts is mostly the expectation-maximisation
algorithm ("variational EM", "the EM algorithm", "EM training"), or
electromagnetic, electron microscopy, entity matching; the metric exact match
is written beside a score ("68.4 EM, 76.21 F1", "2.7 EM score") or with the
other QA metric ("in terms of EM and F1"). Such acronyms
(:data:`ontology.metrics.SCORE_CONTEXT`) are matched as the metric only
where this says so: a number right before or after, or a score word (F1,
score, metric, accuracy, BLEU ...) in the same sentence nearby, and never
before a word that makes them a procedure ("EM algorithm", "EM-based").
Reporting results as "value metric" or "metric of value" is the pattern
that the results extractors read too (Hou et al. 2019, TDMS-IE).
"""
from __future__ import annotations

import re

#: A score ending right before the acronym: "68.4 EM", "21.4% EM", "+0.12", "5.5 EM points" is after.
_NUMBER_BEFORE = re.compile(
    r"(?:[+\-−]?\d+\.\d+|\d+(?:\.\d+)?\s?%|[+\-−]\d+(?:\.\d+)?)\s*(?:points?\s+|pts\.?\s+)?(?:absolute\s+)?"
    r"[(\[*/]*\s*$")
#: ... or right after: "EM of 68.4", "EM score of 70", "EM: 81.2", "EM = 0.62", "EM (68.4".
_NUMBER_AFTER = re.compile(r"^[\s*)\]]*(?:scores?\s+)?(?:of|=|:|\(|is|was|by|over|above|below|around|improvements?\s+of)?\s*[+\-−]?\d+(?:\.\d+)?")
#: Words that report or name a score, in the same sentence.
_SCORE_WORDS = re.compile(r"\b(?:F1|F-1|F_1|F_\{1\}|[Ss]cores?|[Mm]etrics?|[Aa]ccuracy|BLEU|ROUGE\S*|[Ee]xact[ -][Mm]atch\w*|"
                          r"[Ee]valuat\w+|[Ll]eaderboard|Hits?@\d+|MRR)\b")
#: A following word that makes the acronym a procedure or a thing, not a score.
_PROCEDURE_AFTER = re.compile(
    r"^(?:-based|-like|-style|-type|\s+(?:algorithms?|algo|procedures?|frameworks?|steps?|iterations?|iterates|methods?|"
    r"approach(?:es)?|routing|training|learning|updates?|schemes?|estimat\w+|inference|fitting|imaging|waves?|"
    r"fields?|signals?|radiation|sensors?|tracking|tracker|images?|segmentation|merging|clustering|variant|"
    r"-?step))\b", re.I)
#: How far a score word may be, within the sentence (characters).
WINDOW = 80


def score_context(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` (a metric acronym) is written as a score."""
    after = text[end:end + 40]
    if _PROCEDURE_AFTER.match(after):
        return False
    if _NUMBER_BEFORE.search(text[max(0, start - 24):start]) or _NUMBER_AFTER.match(after):
        return True
    lo = max(start - WINDOW, text.rfind(". ", 0, start) + 1)
    hi = text.find(". ", end)
    hi = end + WINDOW if hi < 0 else min(hi, end + WINDOW)
    return bool(_SCORE_WORDS.search(text, lo, start) or _SCORE_WORDS.search(text[end:hi]))


#: A percentage ending right before a word: "80% success", "over 80\\% success" (TeX), "95 % success".
_PERCENT_BEFORE = re.compile(r"\d+(?:\.\d+)?\s?\\?%\s*$")


def percent_before(text: str, start: int) -> bool:
    """Whether a percentage ends right before ``text[start:]``: where a metric
    word that is also a common word (:data:`ontology.metrics.NUMBER_CONTEXT`,
    "success") is the metric."""
    return _PERCENT_BEFORE.search(text, max(0, start - 16), start) is not None


#: A number before a quantity's name, with at most a change word and one modifier between: "0.265x energy
#: consumption", "a 44.8% reduction in energy consumption", "42% lower energy consumption", "over 30% in
#: energy consumption", "a 12% reduction in total energy consumption".
_QUANTITY_BEFORE = re.compile(
    r"\d(?:\.\d+)?\s?(?:\\?%|x|×|times|-fold)?\s+(?:(?:reductions?|lower|less|higher|more|savings?|decreases?|increases?|"
    r"improvements?|drops?)\s+)?(?:(?:in|of)\s+)?(?:the\s+)?(?:[A-Za-z-]+\s+)?$", re.I)
#: ... or a number after it: "energy consumption 6.9x", "by 1.9x", "by up to 55%", "of 0.8 Watts", "-40%".
_QUANTITY_AFTER = re.compile(
    r"\s*(?:is\s+|was\s+|were\s+)?(?:reduced\s+|decreased\s+|lowered\s+)?(?:by|of|to|=|:)?\s*(?:(?:up to|about|approximately|"
    r"at least|at most|only|over|nearly|around|roughly|less than|more than|under)\s+)?[+\-−]?\d", re.I)


def number_beside(text: str, start: int, end: int) -> bool:
    """Whether a number stands right before or after ``text[start:end]``,
    the name of a measured quantity that prose also names as a concern
    ("reduce energy consumption by 42%", not "the high energy consumption
    of CNNs"): :data:`ontology.metrics.QUANTITY_CONTEXT`."""
    return _QUANTITY_BEFORE.search(text, max(0, start - 40), start) is not None \
        or _QUANTITY_AFTER.match(text, end, end + 40) is not None


#: Words before an acronym that make it a procedure: "variational EM", "hard EM", "via EM".
_ALGORITHM_BEFORE = re.compile(
    r"\b(?:variational|hard|soft|stochastic|online|incremental|Monte[ -]Carlo|mini-?batch|batch|classic(?:al)?|"
    r"Viterbi|standard|generali[sz]ed|regulari[sz]ed|posterior|sparse|iterative|approximate|"
    r"via|using|uses|use|with|by|through|an|run(?:ning|s)?|perform(?:ing|s)?)(?:[\s(]+|-)$", re.I)
#: Words after it that make it one: "EM algorithm", "EM training", "EM iterations", "EM-based".
_ALGORITHM_AFTER = re.compile(
    r"^(?:-based|-like|-style|-type|-algorithms?|\s+(?:algorithms?|algo|procedures?|iterations?|iterates|steps?|"
    r"updates?|training|learn\w*|fitting|estimat\w+|inference|framework|approach|method|variant|-?step)|"
    r"\s*\(\s*expectation)\b", re.I)
#: ... and words after it that make it a physical thing ("EM waves", "EM imaging"), whatever came before.
_THING_AFTER = re.compile(
    r"^\s+(?:imaging|waves?|fields?|signals?|radiation|sensors?|images?|data|segmentation|tracking|tracker|"
    r"spectrum|noise|emissions?|simulations?|side-channel|leakage|scattering|routing)\b", re.I)


def algorithm_context(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` (an acronym of an algorithm, "EM") is
    written as the algorithm: a procedure word after it ("the EM
    algorithm", "EM training", "EM-based") or an estimation modifier or a
    verb of use before it ("variational EM", "hard EM", "trained via EM"),
    and no physical noun after it ("EM waves", "EM imaging": electromagnetic,
    electron microscopy). Dempster et al. (1977) name the algorithm "EM"."""
    after = text[end:end + 40]
    if _THING_AFTER.match(after) or score_context(text, start, end) and not _ALGORITHM_AFTER.match(after):
        return False
    return bool(_ALGORITHM_AFTER.match(after) or _ALGORITHM_BEFORE.search(text[max(0, start - 30):start]))
