"""The kind of a result, which decides what may rank on a leaderboard.

- ``absolute``: a score that could rank ("28.4 BLEU", "94.6% accuracy");
- ``delta``: an improvement or reduction, absolute or relative ("by 15.4%",
  "+1.3", "2.1 points higher", "2.4ms less");
- ``ratio``: a factor, speedup ("3x faster", "4x fewer");
- ``cost``: parameters, FLOPs, memory, latency, time, throughput;
- ``setting``: a fraction of data, labels or budget ("1% of the labels",
  "from 5% to 100% of the training set"), a bit width, a sparsity;
- ``baseline``: a score credited to a baseline, a human or an upper bound
  ("human performance of 96.6%", the "from" value of "from 9.1% to 7.2%",
  the "vs" value of "15.8 vs 18.3");
- ``count``: a number of samples, tokens, languages ...

Only ``absolute`` ranks. Rules are cue words around the value, in its
clause (counts on ../shared abstracts: "from A to B" 546 abstracts, "% of
the data/labels/training set/budget" 118).
"""
from __future__ import annotations

import re
from dataclasses import replace

from .doctext import FoldedPattern, fold
from .quantities import Quantity

ABSOLUTE, DELTA, RATIO, COST, SETTING, BASELINE, COUNT = "absolute", "delta", "ratio", "cost", "setting", "baseline", "count"
KINDS = (ABSOLUTE, DELTA, RATIO, COST, SETTING, BASELINE, COUNT)

_COST_UNITS = {"USD", "params", "GB", "MB", "ms", "s", "min", "h", "fps"}
_COST_MEASURES = {"memory", "compute", "latency", "cost", "time", "model size", "throughput"}

#: After the value: a share of data, labels, budget ... ("1% of the labels").
_SETTING_AFTER = re.compile(
    r"^\s*(?:\\?%\s*)?(?:of\s+(?:the\s+|all\s+|its\s+|their\s+)?(?:\w+[\s-]+){0,3}?"
    r"(?:data|labels?|labell?ed|training|train|budget|parameters|weights|samples|examples|annotations?|queries|"
    r"supervision|dataset|set|images|corpus|tokens|compute|steps|epochs|layers|neurons|channels)\b"
    r"|(?:labell?ed|sparsity|sparse|pruned|pruning|masking|mask ratio|noise|noisy|of labels|labels?\b|budget|"
    r"training data|of data))", re.I)
#: Before the value: a setting named first ("sparsity of 90%", "with only 10%").
_SETTING_BEFORE = re.compile(r"(?:(?:sparsity|pruning|prune|mask(?:ing)? ratio|dropout|noise (?:rate|level)|"
                             r"compression (?:rate|ratio)|(?:with|using) only|only)\s+(?:of\s+|rate of\s+)?"
                             r"|(?:examples|images|samples|labels|shots?)(?: per class)?\s*\(\s*)$", re.I)
#: Before the value: a change ("improves ... by", "a gain of", "outperforms X by").
#: (A change noun may name what changes: "a relative increase in accuracy of 22.0%"; a change verb may take the
#: value as its object: "which increases 2.71 and 1.90 BLEU", "we improve 2.2% BLEU". With the narrower
#: _DELTA_AFTER below, on 3,964 real abstracts 61 results changed kind, 57 read right; the 4 wrong had been
#: right by accident: "MS-COCO (1.3% for R-FCN and 1.1% ...)" in a list of improvements, "by an F1 score of 0.87".)
_DELTA_BEFORE = re.compile(r"(?:\bby|\b(?:gains?|improvements?|increases?|decreases?|reductions?|boosts?|drops?)"
                           r"(?: in (?:[\w-]+ ){0,2}?[\w-]+)? of|\bmargins? of|\ban additional"
                           r"|\b(?:improv|increas|boost|decreas|reduc|degrad)(?:e|es|ed|ing)(?: the [\w-]+)?(?: by)?)\s+"
                           r"(?:(?:up to|at most|at least|as much as|about|around|nearly|almost|over|more than|approximately|roughly|between|"
                           r"an? (?:average|absolute|relative) of|a)\s+)*[~∼≈]?$", re.I)
#: ("by as much as N", "improves over dropout by as much as 12.2%": 37 of the 119,895 abstracts write it; before,
#: the value read as an absolute score.)
#: ("by at least N": on 3,000 real abstracts (draw_sample seed 27808) 3 results changed, 3 right; in 700 other
#: abstracts with the cue, 13 more, all read, all right.)
#: After the value: a change ("2.1 points higher", "15% fewer", "+3% relative improvement"); the words
#: between are no function words that start another clause ("drops from 94% to 78% as block size
#: increases", "64.56% on the DROP dataset, outperforming"). A word may be a slash pair ("19.0%/24.2% ADE/FDE
#: improvement"); "a 10% loss in precision", "<1% loss in accuracy" are changes (2 in 1,300 abstracts, both right).
#: "over" before a count is no comparison: "an 86.7% success over 120 real world grasping trials", "a success rate
#: of 67.8% over eight tasks", "92% over six emotional states" (an absolute score over that many trials or tasks). In
#: the 119,895 abstracts a percentage then up to three words then "over" + a number: 20, all read; 16 are scores over
#: a count of trials, tasks, languages or datasets (13 of them read as deltas before, now absolute), 4 changes whose
#: kind comes from elsewhere ("improvements of 3.8% and 1.4% over the two ...", "by 10% over four rounds", "68.5% over
#: 66.5% by CRF": a number then a unit, still a comparison).
_OVER_NO_COUNT = (r"over(?!\s+(?:the\s+)?(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|fifty|"
                  r"hundreds|thousands|dozens)\s+[a-z])")
_DELTA_AFTER = re.compile(
    r"^\s*(?:\\?%\s*)?(?:\)\s*)?(?:(?:absolute|relative|average|avg\.?|(?!(?:as|when|while|if|since|because|which|that|"
    r"where|and|or|but|than|the|an?|is|are|was|were|for|on|with|at|to)\b)[\w-]+(?:/[\w-]+)?)\s+){0,3}?"
    r"(?:points?\s+)?(?:improvements?|gains?|increases?|decreases?|reductions?|boosts?|higher|lower|better|worse|"
    r"more|less|fewer|drop|faster|slower|smaller|larger|" + _OVER_NO_COUNT + r"|above|below|relative|absolute|improved|reduced|gaps?|"
    r"increased|decreased|superior|inferior|loss(?=\s+(?:in|of)\b))\b", re.I)
#: Before the value: someone else's score ("human performance of", "compared to", "vs").
_BASELINE_BEFORE = re.compile(
    r"(?:\bhumans?(?:'s?)?\b|\bhuman[- ]level\b|\bupper[- ]bound\b|\boracle\b|\bmax(?:imum|imal)?(?: achievable)?\b|\bbaselines?(?:'s?)?\b|"
    r"\bprevious(?:ly)?\b|\bprior\b|\bcompared (?:to|with)|\bcomparable (?:to|with)|\bversus|\bvs\.?|\bthan\b|\bfrom)"
    r"(?:(?!\band\b)[\s\w\-'’]){0,30}?(?:\s(?:of|at|is|was|achieves?|achieved|reaches|scores?))?\s*$", re.I)
#: ("comparable to the 69.6 exact match of RAT-SQL", "the previous year’s best of 26 BLEU": in the 119,895
#: abstracts "comparable to|with" comes before a number 35 times, 3 of them a score, all 3 someone else's;
#: the typographic apostrophe as in "year's". A score in brackets after the method it is compared with,
#: "outperforms Google translator (9.40 BLEU)", was tried and dropped: of 30 such brackets read at random
#: 5 held the compared method's score and 8 the paper's own ("faster than existing methods (569 fps)",
#: "outperforms the state of the art (49.1% versus 42.8%)").)
#: "up to" before a value: a bound on a gain ("improves the results ... up to 11.4%", "up to 30% versus the
#: original") unless its metric is named right next to it and nothing in the clause compares ("an accuracy of up
#: to 80%", "success rates up to 98.1%", "up to a 98.8% f-score": a score). Counted on the 119,895 abstracts:
#: 898 "up to N%" not after "by"; of 30 read at random without a change verb before them, 9 were scores, 3
#: gains, and most others had a change word after the value (kept delta by _DELTA_AFTER). On 3,000 real
#: abstracts (seed 27010) this rule with "an additional" and "~N" after a change word changed 8 results,
#: all read: 7 right ("up to 99% TPR", "F1-scores up to 0.81", "an additional 10% speed-up"), 1 wrong before
#: and after ("fixed error rates up to 10%", a setting).
_UP_TO = re.compile(r"\bup to\s+(?:(?:an?|over|more than|about|around|nearly|almost|approximately|roughly)\s+)*[~∼≈]?$", re.I)
_UP_TO_METRIC_BEFORE = re.compile(r"\b(?:accurac(?:y|ies)|f1|f-?scores?|f-?measures?|precision|recall|rates?|errors?|"
                                  r"bleu|rouge(?:-\w+)?|auc|m?ap|iou|miou|tpr|fpr|correlations?|scores?)\s*(?:\(|of|:|=|is|was|"
                                  r"reaches|reached|at)?\s*up to\s+(?:an?\s+)?[~∼≈]?$", re.I)
_UP_TO_METRIC_AFTER = re.compile(r"^\s*(?:\\?%\s*)?(?:[\w-]+\s+){0,2}?(?:accurac(?:y|ies)|f1|f-?scores?|f-?measures?|precision|"
                                 r"recall|success rates?|error(?: rate)?s?|bleu|rouge(?:-\w+)?|auc|m?ap|iou|miou|tpr|fpr|spearman|pearson|kendall|correlation)\b", re.I)
_COMPARING = re.compile(r"\b(?:higher|better|lower|more|less|fewer|faster|gains?|improv\w*|increas\w*|reduc\w*|"
                        r"decreas\w*|boost\w*|outperform\w*|surpass\w*|over|above|relative|versus|vs)\b", re.I)
#: (not across an "and": "over bilingual baselines and a new 32.8 BLEU" is the paper's own)
#: "more than 60%": a bound on the value, not a comparison with someone else's.
_BOUND = re.compile(r"\b(?:more|less|fewer|greater|higher|lower|better|worse|larger|smaller|other)\s+than\s*$", re.I)
_FOLDS = re.compile(r"^\s*(?:cross[- ]?validation|cv|cross[- ]?validated)\b", re.I)  # "10-fold cross-validation"
#: "from 30% to up to 70%", "from 90.95% to less than 0.6%", "from 16% to approximately 5%": a bound or hedge
#: after "to" (3 of the 119,895 abstracts write one, all 3 before/after pairs; before, the pair read as two scores).
_TO_HEDGE = r"(?:(?:up to|about|around|nearly|almost|approximately|roughly|just|only|less than|more than|under|below|over|above)\s+)?"
_FROM_TO = re.compile(r"^\s*(?:\\?%\s*)?(?:[a-z]+\s+)?(?:down |up )?to\s+(?:the\s+)?" + _TO_HEDGE + "$", re.I)
_FROM = re.compile(r"\bfrom\s+(?:the\s+|an?\s+)?$", re.I)
#: "by 3% to 5%", "reduces ... by between 52% and 76%": a range of changes, not a change then a new level ("by 2% to
#: 85%": the high end at most 3x the low). On 3,000 real abstracts (seed 27611) 3 results changed, 3 right; in the
#: 74,494 other abstracts of the pool, 205 write "by between", "by N to M", "degrades by N" or "top N <metric>": 20
#: results changed, all read, all right (16 ranges of gains, 3 "top 1 error rate"/"top 2 Recall" ranks dropped).
_RANGE_TO = re.compile(r"^\s*(?:\\?%\s*)?to\s+$")
_BY = re.compile(r"\bby\s+(?:(?:about|around|approximately|roughly|from)\s+)?$", re.I)
_FROM_TO_LOOSE = re.compile(r"\s*(?:\\?%\s*)?(?:[A-Za-z]+\s+)?(?:down |up )?to\s+(?:the\s+)?" + _TO_HEDGE + "$", re.I)
#: "improvements of 3% to 34%", "notable improvements (2.1% to 9.7% F1)", "large improvements (46.27% to 63.83%)": a
#: gain noun, then "of" or a bracket, then a rising range: both ends are gains, not a before/after pair nor two
#: scores (issue 27). In the 119,895 abstracts a gain noun (improvement, gain, increase, reduction) then "of" or "("
#: then "A% to|-|– B%" is written in 38 places (37 abstracts), all read: 13 have "from" before A, 12 of them before/after pairs
#: ("an improvement from 87.5% to 88.7% accuracy"), left as they were, as is the 13th, "gains from 1.4% to 30.8% over
#: competitive baselines" (a range of gains, read wrong); the dash ranges were deltas already. The rule changed 7 results in 5 abstracts, all 7
#: right (they had read as absolute scores, one of them ranked as "F1 9.7%").
#: "Improvements ranging from 0.90% to 23.35%", "gains in F1 scores ranging from", "gains that range from": the same,
#: a range of gains, not a before/after pair. In the 119,895 abstracts 17 write a gain noun then "range(s)/ranging/
#: vary from" A to B; the rule (with from_values leaving such an A the paper's own) changed 22 results in 11 abstracts,
#: all read, all right (before, A read as a baseline and B as an absolute score; "gains from 1.4% to 30.8% over
#: competitive baselines" is not caught: of the 3 abstracts writing "gains/improvement(s) from A to B over", 2 are
#: before/after pairs).
_GAIN_RANGE_BEFORE = re.compile(r"\b(?:improvements?|gains?|increases?|decreases?|reductions?|boosts?)\s*(?:of\s+|\(\s*|"
                                r"(?:(?:in|of)\s+(?:[\w-]+\s+){1,3}?)?(?:that\s+|which\s+|can\s+)?"
                                r"(?:rang(?:e|es|ed|ing)|var(?:y|ies|ied|ying))\s+from\s+)"
                                r"(?:(?:about|around|approximately|roughly|between)\s+)?$", re.I)
_GAIN_RANGE_GAP = re.compile(r"^\s*(?:\\?%\s*)?(?:to|[-–—])\s*$")
#: Between two items of one list ("4.9% (mAP) on PASCAL VOC 2007 and 4.7%"): they share a delta or setting kind.
_AND = re.compile(r"^\s*(?:\\?%\s*)?(?:\)\s*)?(?:\([^()]{1,40}\)\s*)?(?:(?:on|in|for) (?:the )?[^,;.()]{1,50}?\s*)?"
                  r"(?:\([^()]{1,40}\)\s*)?(?:,\s*(?:and\s+)?|and\s+|or\s+)$", re.I)
#: After a gain, the next item of its list is a gain too, past a metric named after the first ("by 2.1 F1 score and
#: 2.7 EM score"), a dataset with a version ("by up to 28.16% on MultiWOZ 2.0 and 8.41% on MultiWOZ 2.4") or a
#: repeated hedge ("of over 18% in F1@20 and over 22% in MRR", "by up to 1.8 points and by up to 2.3"). In the
#: 119,895 abstracts 29 write a gain ("by", "improvement(s) of") in one of these shapes (14 with a metric, 15 with a
#: hedge, 2 with a version); the rule changed the kind of 12 results in 11 of them, all read, all 12 right (the
#: second gain had read as an absolute score). On 3,000 others (seed 27913) 2 changed, both right ("improvements of
#: 3.2 BLEU for DE->DSB and 4.0 BLEU"); shared both ways it took a score before a hedged one ("an F-score of 85.01
#: in the basic setup and up to 86.63"), so only a gain passes its kind on.
_AND_AFTER_GAIN = re.compile(
    r"^\s*(?:\\?%\s*)?(?:\)\s*)?(?:\([^()]{1,40}\)\s*)?"
    r"(?:(?:(?-i:[A-Z][\w@\-]*)|points?|absolute)\s+(?:(?:(?-i:[A-Z][\w@\-]*)|points?|scores?)\s+)?)?"
    r"(?:(?:on|in|for) (?:the )?(?:[^,;.()]|\.(?=\d)){1,50}?\s*)?"
    r"(?:\([^()]{1,40}\)\s*)?(?:,\s*(?:and\s+)?|and\s+|or\s+)"
    r"(?:by\s+)?(?:(?:over|more than|up to|about|around|nearly|almost|approximately|roughly|at least)\s+)?$", re.I)
_SCORE_UNITS = {"%", "points", ""}
#: Between the two ends of a range written with the unit on both ("5.71%-6.93%", "30%–65%", "5% - 10%"; the gap
#: starts after the low end's "%"). On 3,000 real abstracts (seed 27707) 3 results changed, 3 right; in the 135 other
#: abstracts of 111k that write such a range, 86 changed, 40 read: 35 right (the rest errors read as gains or settings:
#: "an RMS error of 2.69% -7.51% over a range", "in 36%-48% of them", "0.1%-3% tuned parameters").
_UNIT_RANGE = re.compile(r"^\s?[-–—]\s?$")
#: Between the two values of a slash pair ("19.0%/24.2% ADE/FDE improvement", "by 25.3%/42.3% RMSE", "2.5%/2.6% AUC
#: gains"): one kind, read around both. Rare: 0 changes on 3,000 real abstracts (seed 27707); in the 53 of 111k other
#: abstracts that write a decimal slash pair, 17 changed, all read, 14 right (wrong: "new state-of-the-art ... by
#: 70.9%/71.7% and 44.8% in mIoU", two scores read as gains; "Top5-Errors of only 7.84%/6.38%" read as a setting).
_SLASH = re.compile(r"^\s?/\s?$")
#: After a percentage: a share of another's score ("97.8% of human performance", "95% of the teacher's accuracy"),
#: a ratio; not "achieve 97% of accuracy" (a score). Only after "the", a possessive or "human". None on 3,000 real
#: abstracts (seed 27808); in 1,300 abstracts with the cue, 29 results changed, all read, 26 right (wrong: "only can
#: reach 50% of the classification accuracy", "higher than 66.7% of the best previous accuracy", "up to 20% of the
#: lost performance is recovered").
_SHARE_OF_SCORE = re.compile(r"^\s*(?:\\?%\s*)?of\s+(?:the\s+(?:(?!(?:with|without|while|and|or|in|on|for|to)\b)[\w.-]+\s+){0,3}?|[\w.-]+['’]s\s+(?:[\w-]+\s+){0,2}?|humans?\s+)"
                             r"(?:performance|accuracy)\b", re.I)
#: "within 1-2 BLEU of", "within 0.5% of": a gap to another score, a delta.
_WITHIN = re.compile(r"\bwithin\s+(?:about\s+|only\s+)?$", re.I)
_OF = re.compile(r"^\s*(?:\\?%\s*)?(?:[\w-]+\s+){0,2}?(?:points?\s+)?of\b", re.I)
_CLOSE = re.compile(r"^\s*(?:\\?%\s*)?(?:[\w-]+\s*){0,2}?\)")  # "(within 1-2 BLEU)"
_VS = re.compile(r"^\s*(?:\\?%\s*)?(?:vs\.?|versus|compared to|compared with)\s+$", re.I)


def classify(values: list[Quantity], text: str, base: int) -> dict[int, str]:
    """``id(quantity) -> kind`` for the values of one sentence (in order)."""
    kinds: dict[int, str] = {}
    for q in values:
        kinds[id(q)] = _kind(q, text, base)
    # pairs: "from A (down) to B" -> A baseline, B absolute; "A vs B" -> B baseline;
    # a setting ("from 5% to 100% of the training set") is a setting at both ends
    for a, b in zip(values, values[1:]):
        gap = text[a.end - base : b.start - base]
        if a.qualifier == "range-low" and b.qualifier == "range-high" \
                or a.unit == b.unit == "%" and a.value < b.value and _UNIT_RANGE.match(gap) \
                or a.unit == b.unit and _SLASH.match(gap) \
                or a.unit == b.unit == "%" and gap == " ":  # "by 2-3%", "within 1-2
            kinds[id(a)] = kinds[id(b)] = _kind(replace(b, start=a.start, qualifier=None), text, base)  # BLEU of",
            # "by 5.71%-6.93% in ROC-AUC", "a 30%–65% latency reduction": one kind, read around both ends; so do two
            # percentages with only a space between, a range or list whose dash or comma the text lost ("with 0.25%
            # 4% higher top-1 accuracy", "by 3.1% 4.6% and 3.1% on CUB SUN and AwA2": 26 in the 119,895 abstracts)
        elif a.unit == b.unit and 0 < a.value < b.value and _GAIN_RANGE_GAP.match(gap) \
                and _GAIN_RANGE_BEFORE.search(text, max(0, a.start - base - 60), a.start - base):
            kinds[id(a)] = kinds[id(b)] = DELTA  # "notable improvements (2.1% to 9.7% F1)": a range of gains
        elif _RANGE_TO.match(gap) and kinds[id(a)] == DELTA and kinds[id(b)] == ABSOLUTE and a.unit == b.unit \
                and 0 < a.value < b.value <= 3 * a.value and _BY.search(text, max(0, a.start - base - 20), a.start - base):
            kinds[id(b)] = DELTA  # "improves ... by 3% to 5%": a range of gains (not "by 2% to 85%", a new level)
        elif _FROM_TO.match(gap) and SETTING in (kinds[id(a)], kinds[id(b)]) and a.unit == b.unit:
            kinds[id(a)] = kinds[id(b)] = SETTING  # "(from) 5% to 100% of the training set"
        elif _FROM_TO.match(gap) and _FROM.search(text[max(0, a.start - base - 12) : a.start - base]):
            if kinds[id(b)] == DELTA and kinds[id(a)] in (ABSOLUTE, BASELINE) and gap.rstrip().endswith("up to"):
                kinds[id(b)] = ABSOLUTE  # "from 30% to up to 70%": the "to" of the pair is a level, not a bounded gain
            if kinds[id(b)] == ABSOLUTE and kinds[id(a)] in (ABSOLUTE, BASELINE):
                kinds[id(a)] = BASELINE
        elif kinds[id(a)] == kinds[id(b)] == ABSOLUTE and bracket_pair(a, b, text, base):
            kinds[id(a)] = BASELINE  # "improves performance over a baseline model on ... WebQuestionsSP (69.6% to 73.3%)"
        elif _FROM_TO.match(gap) and kinds[id(b)] == ABSOLUTE and kinds[id(a)] == ABSOLUTE \
                and re.search(r"\bfrom\b", text[: a.start - base]) and re.search(r"\band\s+$", text[max(0, a.start - base - 6) : a.start - base]):
            kinds[id(a)] = BASELINE  # "from 75.2% to 79% and 79.1% to 83%"
        elif _AND.match(gap) and (a.unit == b.unit or {a.unit, b.unit} <= _SCORE_UNITS) and {kinds[id(a)], kinds[id(b)]} & {DELTA, SETTING} \
                and ABSOLUTE in (kinds[id(a)], kinds[id(b)]) and not _scored_points(a, text, base):  # "we get 22.5 BLEU
            # points in English-to-German WMT 2014, 5.5 points more than ...": a score, then its gain
            kinds[id(a)] = kinds[id(b)] = DELTA if DELTA in (kinds[id(a)], kinds[id(b)]) else SETTING  # "of over 5% and 4%"
        elif kinds[id(a)] == DELTA and kinds[id(b)] == ABSOLUTE and (a.unit == b.unit or {a.unit, b.unit} <= _SCORE_UNITS) \
                and _AND_AFTER_GAIN.match(gap):
            kinds[id(b)] = DELTA  # "by 4.94 AP and 6.71 AP", "of over 25% in CER and nearly 20% in WER"
        elif _VS.match(gap) and kinds[id(a)] in (ABSOLUTE, BASELINE) and kinds[id(b)] in (ABSOLUTE, BASELINE):
            kinds[id(a)], kinds[id(b)] = ABSOLUTE, BASELINE
    # a list whose later member carries the change word shares it backwards too: "33.3%, 18.6%, and 4% improved
    # accuracy" (the pass above reaches 18.6 only after 33.3 was read). See _AND_BACK's comment for counts.
    for a, b in reversed(list(zip(values, values[1:]))):
        if kinds[id(a)] == ABSOLUTE and kinds[id(b)] in (DELTA, SETTING) and a.unit == b.unit \
                and _AND_BACK.match(text[a.end - base : b.start - base]):
            kinds[id(a)] = kinds[id(b)]
    return kinds


#: Between two members of one list for :func:`classify`'s backward pass: a comma or "and" only. On 3,000 real
#: abstracts (seed 27010) the pass changed 2 results, both right ("10%, 23% and 26% improvements", "86.2%,
#: 118.7%, and 205.9% more model queries"); in the 119,895 abstracts 21 lists of N% before a change word, all
#: read: 20 lists of gains, 1 a score then its gain ("The accuracy ... is 84.09%, 1.35% higher than Brat").
_AND_BACK = re.compile(r"^\s*(?:\\?%\s*)?(?:,\s*(?:and\s+)?|and\s+)$")


def from_values(values: list[Quantity], text: str, base: int) -> set[int]:
    """``id`` of each value that is the "from" of a before/after pair
    ("reduces cost from 4,223 USD to just 18 USD", "improves perplexity from
    41.0 down to 23.7"): a change verb comes first; without one, "from A to
    B" is a range ("we achieve from 9.8x up to 233.9x speed-up")."""
    out = set()
    for a, b in zip(values, values[1:]):
        if a.unit == b.unit and _FROM_TO_LOOSE.match(text, a.end - base, b.start - base) \
                and _FROM.search(text[max(0, a.start - base - 12) : a.start - base]) \
                and _CHANGE.search(text, max(0, a.start - base - 90), a.start - base) \
                and not _GAIN_RANGE_BEFORE.search(text, max(0, a.start - base - 60), a.start - base) \
                or bracket_pair(a, b, text, base):  # ("improvements ranging from 4% to 25%": a range of gains)
            out.add(id(a))
    return out


#: A before/after pair in brackets without "from": "(69.6% to 73.3% Hits@1)", "(5.9%→10.9%)", "(0.43 -> 0.70)".
_PAIR_GAP = re.compile(r"\s*(?:\\?%\s*)?(?:(?:increased\s+|improved\s+|decreased\s+|reduced\s+)?to|->|→|⇒)\s*$")
_OPEN_BRACKET = re.compile(r"\(\s*$")
#: Before such a bracket, a word of a change of the paper's own, in its sentence ("improving substantially upon
#: the previous 5-shot (75.0% to 90.9%)", "outperforms ... including FUNSD (0.7895 to 0.8420)"), not a gain noun
#: right before the bracket ("notable improvements (2.1% to 9.7% F1)": a range of gains).
_PAIR_CHANGE = re.compile(r"\b(?:reduc|improv|increas|decreas|boost|rais|lower|push|outperform|surpass|advanc|"
                          r"state[- ]of[- ]the[- ]art|higher|better)", re.I)
_COMPARATIVE_AFTER = re.compile(r"\s*(?:\\?%\s*)?(?:shorter|longer|fewer|more|less|higher|lower|faster|slower|smaller|larger|"
                                r"better|worse)\b", re.I)
_GAIN_BEFORE = re.compile(r"\b(?:improvements?|gains?|increases?|decreases?|reductions?|boosts?)\s*\(\s*$", re.I)


def bracket_pair(a: Quantity, b: Quantity, text: str, base: int) -> bool:
    """Whether ``a`` and ``b`` are a before/after pair written in brackets
    with no "from" ("WebQuestionsSP (69.6% to 73.3% Hits@1)"): an arrow
    between them, or "to" after a change word of their sentence. Else
    "(87.4% to 92.3%)" is a range of scores (two absolutes)."""
    if a.unit != b.unit or not _PAIR_GAP.fullmatch(text, a.end - base, b.start - base) \
            or not _OPEN_BRACKET.search(text, max(0, a.start - base - 3), a.start - base):
        return False
    if _COMPARATIVE_AFTER.match(text, b.end - base):
        return False  # "(44.4% to 71.2% shorter)": a range of changes
    gap = text[a.end - base : b.start - base]
    if "to" not in gap:
        return True  # an arrow
    before = text[: a.start - base]
    return _PAIR_CHANGE.search(before) is not None and not _GAIN_BEFORE.search(before)


_CHANGE = re.compile(r"\b(?:reduc|improv|increas|decreas|boost|rais|lower|cut|drop|push|shrink|bring|brought|"
                     r"rise|rose|fall|fell|grow|grew|went|go(?:es)?\b)", re.I)


#: The cue patterns of :func:`_kind`, run case-sensitively on the lower-cased
#: context (:class:`extractors.doctext.FoldedPattern`): with ``re.I`` these
#: searches anchored at the end of the context cost 5-15 us each, a third of
#: the results step (seeds).
_FOLDS_F, _DELTA_AFTER_F, _SETTING_AFTER_F, _SETTING_BEFORE_F, _DELTA_BEFORE_F, _BASELINE_BEFORE_F, _FROM_F, _BOUND_F = (
    FoldedPattern(rx.pattern) for rx in (_FOLDS, _DELTA_AFTER, _SETTING_AFTER, _SETTING_BEFORE, _DELTA_BEFORE,
                                         _BASELINE_BEFORE, _FROM, _BOUND))


#: "3 orders of magnitude faster", "reduce latency by 1-2 orders of magnitude", "(~ 2 orders of magnitude)": a factor
#: of 10^N (issue 27), not a count nor a delta; the result's value is the factor (unit "x", as "100x faster"). In the
#: 119,895 abstracts a numeral then "order(s) of magnitude" is written in 31 places (30 abstracts); the pipeline
#: stated 42 results there, 39 as counts (value N, no unit) and 3 as deltas. All read: 28 places are factors of a
#: comparison ("faster", "fewer", "smaller", "speedups of", "reduction of", "by"); 3 describe a span ("models ranging
#: across 3 orders of magnitude in scale"), where a factor is still the right reading. After: 42 ratios, values 10^N;
#: links unchanged but one (a metric before "faster" dropped); one wrong metric link comes with the kind ("recall"
#: for "a gain in inference time of 2 orders of magnitude"). Written in words ("two orders of magnitude", 990
#: abstracts) it is no number the pipeline reads.
_ORDERS = re.compile(r"(?:\s*(?:[-–—]|to|and|or)\s*\d+(?:\.\d+)?)?\s*(?:\)\s*)?orders?\s+of\s+magnitudes?\b", re.I)


def orders_of_magnitude(q: Quantity, text: str, base: int) -> int | None:
    """Whether the plain number ``q`` counts orders of magnitude ("3 orders of magnitude faster"), or is the low end
    of a range of them ("1-2 orders of magnitude", "2 to 7 orders of magnitude"): the end of the phrase (in
    ``text``), else None."""
    m = _ORDERS.match(text, q.end - base) if q.unit == "" else None
    return m.end() if m is not None else None


#: A time that measures recorded material is a size of data, a count (audit GUIDE, part K: "plus de 300 heures de
#: parole" is a count): "16 hours of speech", "47.3 hours of videos", "100 minutes of annotated and transcribed
#: material". In the 119,895 abstracts 269 write hours or minutes "of" up to three words then a noun of material or
#: of data; 30 read (seed 8): 19 name recorded media (speech, video, audio, recordings, broadcast, interviews,
#: annotated, transcribed), all 19 sizes of a corpus or dataset; of the 11 others ("68 minutes of data", "10 minutes
#: of interaction"), 9 a budget the method needs (a cost, as the audit's "4 minutes of interaction"), left cost.
_RECORDED_AFTER = re.compile(r"^\s*of\s+(?:[\w-]+\s+){0,3}?(?:speech|videos?|audio|recordings?|broadcasts?|transcribed|"
                             r"annotated|recorded|interviews?|lectures?|conversations?|dialogues?|material|footage)\b", re.I)


#: A verb of scoring right before a value in points, with no article ("a 5.4 point improvement") and at most a
#: list of other values between: "achieve 33.84 BLEU points on the MuST-C En-De test set", "obtains 15.56 and 10.21
#: BLEU points in WMT 2014 French-to-English and German-to-English", "scored 14.5 points out of 15.0". Such a value
#: is a score the system reached (issue 27: "28.4 BLEU on WMT 2014"), not a gain, unless a change word follows it
#: ("achieved 3.6 BLEU points improvement"). In the 119,895 abstracts 49 write a verb of scoring, a number and
#: "points" (with or without an article); all 49 run and read: 1 result changed ("we get 22.5 BLEU points in
#: English-to-German WMT 2014", delta -> absolute, right; the list rule had made it a gain with the "5.5 points more"
#: after it); 14 other such scores were absolute already; the gains carry a change word or an article and keep
#: delta; "achieves 10.09 BLEU points over the given test set" stays a gain (wrong, "over"). On the 40 abstracts
#: of a fresh 3,000 (same_output.draw_sample seed 42016) that write "N ... points", 2 results changed, both right
#: ("achieve 42.47 and 37.50 BLEU points for Evaluation and Challenge subset").
_SCORED_POINTS = re.compile(r"\b(?:achiev(?:e|es|ed|ing)|obtain(?:s|ed|ing)?|gets?|got|reach(?:es|ed|ing)?|"
                            r"scor(?:e|es|ed|ing)|attain(?:s|ed|ing)?)\s+(?:(?:about|around|approximately|nearly|"
                            r"almost|over|more than|up to)\s+)?(?:\d+(?:\.\d+)?\s*(?:,|/|,?\s*and)\s*)*$", re.I)


def _scored_points(q: Quantity, text: str, base: int) -> bool:
    """Whether ``q``, a value in points, is a score a verb of scoring reaches (:data:`_SCORED_POINTS`)."""
    if q.unit != "points":
        return False
    a, b = q.start - base, q.end - base
    after = text[b : b + 60]
    return _SCORED_POINTS.search(text, max(0, a - 60), a) is not None and not _DELTA_AFTER_F.match(after, fold(after))


def _kind(q: Quantity, text: str, base: int) -> str:
    a, b = q.start - base, q.end - base
    if orders_of_magnitude(q, text, base) is not None:
        return RATIO
    before, after = text[max(0, a - 60) : a].removesuffix("$"), text[b : b + 60]  # "by $5\\%$": TeX math
    if q.qualifier in ("+", "-") and q.unit != "x":
        return DELTA
    low_after = fold(after)
    if q.unit == "x":
        return SETTING if _FOLDS_F.match(after, low_after) else RATIO
    if q.unit == "bit":
        return SETTING
    if q.unit in ("samples",) or q.kind == "count":
        return COUNT
    if q.kind == "setting":
        return SETTING
    if q.unit == "tokens":
        return SETTING if q.kind == "context length" else COUNT
    if q.unit in ("h", "min") and _RECORDED_AFTER.match(after):
        return COUNT
    if q.unit in _COST_UNITS or (q.kind in _COST_MEASURES and q.unit not in ("%", "points", "")):
        return DELTA if _DELTA_AFTER_F.match(after, low_after) else COST
    low_before = fold(before)
    if _SETTING_AFTER_F.match(after, low_after) or _SETTING_BEFORE_F.search(before, low_before):
        return SETTING
    if "of" in after[:6] and _SHARE_OF_SCORE.match(after):
        return RATIO  # "97.8% of human performance" (audit GUIDE part E), "retains 97% of BERT's accuracy"
    if _scored_points(q, text, base):
        return ABSOLUTE  # "we get 22.5 BLEU points in English-to-German WMT 2014": a score, not a gain
    if q.unit == "points" or _DELTA_BEFORE_F.search(before, low_before) or _DELTA_AFTER_F.match(after, low_after) \
            or _WITHIN.search(before) and (_OF.match(after) or _CLOSE.match(after)):
        return DELTA
    if _UP_TO.search(before) and not ((_UP_TO_METRIC_BEFORE.search(before) or _UP_TO_METRIC_AFTER.match(after))
                                      and not _COMPARING.search(re.split(r"[,;]\s", before)[-1])):
        return DELTA
    if _BASELINE_BEFORE_F.search(before[-45:], low_before[-45:] if low_before is not None else None) \
            and not _FROM_F.search(before[-12:], low_before[-12:] if low_before is not None else None) \
            and not _BOUND_F.search(before, low_before):
        return BASELINE
    if q.unit == "" and not q.qualifier and q.kind not in ("value",) and float(q.value).is_integer():
        return COUNT
    return ABSOLUTE
