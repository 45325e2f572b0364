"""Counts among a sentence's numbers, and the dataset a count counts.

A whole number before a plural noun is a count ("33 teams", "30,000 lexical
entries") or, for a few nouns, a setting of the experiment ("3 epochs"); a
count belongs to the dataset its statement names as the thing counted: the
subject that has it ("WorkBench contains ... 690 tasks") or the one dataset
its sentence introduces as data ("Textomics, a novel dataset ..., which
contains 22,273 pairs"). Audit GUIDE (tests/data/audit/GUIDE.md), parts C
and G: counts in a sentence naming the shared task or the new dataset link
to it; an anaphor ("It includes 30,000 entries") links none.
(Moved out of extractors/results.py, which had grown past the guide's ~500
lines.)
"""
from __future__ import annotations

import re
from dataclasses import replace

from .doctext import Ent, fold
from .list_joints import JOINT
from .quantities import Quantity

#: A count: a whole number (or one with a scale word) before a plural noun, "33 teams", "30,000 lexical entries".
#: (Modifiers may be capitalised, "200 simple Persian verbs", "103 French museums", but are no
#: determiner of a new sentence, "701 This paper demonstrates", nor a unit, "100 nm Ni dots".)
#: (Nor a verb in -s after it: "beam of width 4 or 5 was sufficient", "legs 1 and 2 reveals", "Task 12 was
#: OffenseEval", "Dex-Net 3.0 achieves": 14 such counts in the 7,700 abstracts read for this stop's counts, all 14 no
#: results.)
_VERB_S = r"(?:was|has|does|goes|gets|shows|reveals|yields|requires|remains|seems|becomes|contains|includes|achieves|" \
          r"outperforms|improves|reduces|increases|provides|uses|makes|takes|gives|leads|means|performs|allows|enables)\b"
#: Plurals not in -s: "more than 100,000 lemmata", "284 children", "19 different corpora", "106 linguistic
#: phenomena". In the 119,895 abstracts a number then up to two words then one of these: people 62, corpora 31,
#: children 18, phenomena 5, stimuli 5, lemmata 4, criteria 3, women 3 (and a few others); 30 read (6 of each of
#: the first four kinds and every lemmata/criteria), 29 a count (wrong: "the RTE 1–4 corpora", a range of names).
#: "data" is left out: "1990 data", "the 2013 English test data" name no count.
_IRREGULAR_PLURALS = r"people|corpora|children|phenomena|lemmata|criteria|stimuli|women|men|vertices|matrices|indices|hypotheses"
_COUNTED = re.compile(r"(?:\s+(?P<scale>[Mm]illion|[Bb]illion|[Tt]housand))?(?!\s+(?:nm|mm|cm|km|kg|mg|Hz|kHz|MHz|GHz|Celsius|degrees?(?!\s+of\s+freedom))\b)"
                      r"(?:\s+(?!(?:This|The|These|Those|Our|We|It|In|On|An?|Each|All)\b|" + _VERB_S + r")[A-Za-z][a-z\-]*){0,2}?"
                      r"\s+(?!" + _VERB_S + r")(?P<noun>[a-z][a-z\-]*[^s\W]s|" + _IRREGULAR_PLURALS + r")\b")
#: ... nor a number that is part of a name: "type 2 diabetes", "Type-2 singularities", "type-1 error" (in the
#: 119,895 abstracts "type N <word>" occurs 42 times, every one a name; none counts anything).
_NOT_COUNTED = re.compile(r"\b(?:tables?|figs?\.?|figures?|sections?|eqs?\.?|equations?|top|versions?|chapters?|appendix)\s*$"
                          r"|\btype[\s-]*$", re.I)
#: Nouns whose number is a setting of the experiment, not a count of data ("3 epochs", "12 layers").
_SETTING_NOUNS = frozenset("epochs layers heads steps iterations gpus tpus nodes shots dimensions neurons channels bits "
                           "blocks experts runs seeds updates batches cores machines".split())
_SCALE_WORD = {"thousand": 1e3, "million": 1e6, "billion": 1e9}


def count_of(q: Quantity, text: str, base: int) -> Quantity | None:
    """``q`` as a count (or a setting: "3 epochs"), or None when no plural noun follows it."""
    a, b = q.start - base, q.end - base
    m = _COUNTED.match(text, b)
    if m is None or not (float(q.value).is_integer() or m.group("scale")) or q.qualifier in ("+", "-") \
            or _NOT_COUNTED.search(text, max(0, a - 15), a):
        return None
    kind = "setting" if m.group("noun").lower() in _SETTING_NOUNS else "count"
    if m.group("scale"):
        return replace(q, kind=kind, value=q.value * _SCALE_WORD[m.group("scale").lower()], end=q.end + m.end("scale") - b)
    return replace(q, kind=kind)


#: What a dataset that opens its sentence has: "WorkBench contains ... 690 tasks", "Kinetics has ... 400 human
#: action classes", "Our corpus, QA-SRL Bank 2.0, consists of ... 3 domains", "RuSentiment is ..., with 31,185 posts".
_HAS = re.compile(r"[^;.]{0,100}?\b(?:contains?|containing|consists? of|consisting of|comprises?|comprising|includes?|"
                  r"including|has|having|offers?|features?|covers?|covering|spans?|spanning|with|totals?|totall?ing)\b[^;]*$")
_SUBJECT_LEAD = re.compile(r"^\s*(?:(?:[Tt]he|[Oo]ur|[Tt]his|[Ii]ts)\s+(?:[\w-]+\s+){0,2}?(?:corpus|dataset|data set|benchmark|"
                           r"treebank|resource),?\s+)?$")


def subject_dataset(text: str, ents: list[Ent], datasets: list[Ent], q: Quantity, base: int) -> Ent | None:
    """The dataset a count's sentence opens on as its subject, when a verb of
    having comes between it and the count ("WorkBench contains a sandbox
    environment with five databases, 26 tools, and 690 tasks"): what the
    count counts is the dataset's. (On 3,964 real abstracts: 23 counts
    changed, 23 read right; a sentence that opens on another mention first,
    "Trained on the 18 RLBench tasks", gives none.)"""
    if not datasets or not ents or ents[0] is not datasets[0] or datasets[0].end_char > q.start:
        return None
    d = datasets[0]
    if not _SUBJECT_LEAD.match(text, 0, d.start_char - base) or not _HAS.match(text, d.end_char - base, q.start - base):
        return None
    return d


_DATA_NOUN = r"(?:datasets?|data ?sets?|corpus|corpora|benchmarks?|treebanks?|shared tasks?|competitions?)\b"
#: A dataset named as such: "X, a new ... dataset", "the X corpus", "dataset named X", "CoNLL 2018 UD Shared Task".
#: (Also with no comma before the article, "we present LEVEN a large-scale Chinese LEgal eVENt detection dataset,
#: with 8,116 legal documents", and with a dash or colon after the noun, "medical dialogue datasets – MedDialog,
#: which contain ... 3.4 million conversations": see :func:`sole_dataset` for the counts.)
_NAMED_AS_DATA_AFTER = re.compile(r"[\"”’']?\s*(?:,?\s*(?:a|an|the)\s+(?:[\w-]+\s+){0,6}?|\s+(?:[\w-]+\s+){0,4}?)" + _DATA_NOUN, re.I)
_NAMED_AS_DATA_BEFORE = re.compile(r"\b" + _DATA_NOUN + r"\s*(?:,|:|[–—]|\s-)?\s+(?:(?:named|called|dubbed|coined)\s+)?[\"“‘']?$", re.I)
#: An appositive description naming a dataset as data, with its article ("LEVEN a large-scale ... dataset",
#: "Textomics, a novel dataset"; not a coordination, "IWSLT and WMT datasets").
_DESCRIBED_AS_DATA = re.compile(r"[\"”’']?\s*,?\s*(?:a|an|the)\s+(?:[\w-]+\s+){0,6}?" + _DATA_NOUN, re.I)
_DATA_NOUN_RE = re.compile(r"\b" + _DATA_NOUN, re.I)
#: A dataset something else was made from: "based on TAT-QA, we construct ...", "built from the Europarl corpus".
_SOURCE_OF = re.compile(r"\b(?:based on|built (?:up)?on|built from|derived from|extracted from|converted from|sourced from|"
                        r"collected from|following|follows)\b[^,;]{0,40}$", re.I)


def sole_dataset(text: str, datasets: list[Ent], q: Quantity, base: int) -> Ent | None:
    """The one dataset or benchmark a count's sentence names before the
    count (by any number of mentions of one name), named there as a dataset
    ("Textomics, a novel dataset of genomics data description, which contains
    22,273 pairs", "the BRACE dataset, which contains over 3 hours and 30
    minutes"): what the count counts or is counted in (audit GUIDE, part C:
    counts in a sentence naming the shared task link to it). Not a dataset
    the new one is made from ("based on TAT-QA, we construct ... 8,283
    questions"). Counts: on 3,000 real abstracts (seed 27611) 8 counts
    changed, 8 right; on 496 other abstracts that write a data noun before a
    count, 32 changed, all read, 29 right (wrong: "the DocUNet benchmark and a
    newly proposed benchmark of 200 ... images", "the SAIL dataset ... as well
    as on 10 newly-collected ... environments", a size "4.7 TB" typed Dataset).
    Tried first without the named-as-data guard, with any data noun in the
    sentence: 9 of 17 right on the 3,000, 25 of 34 on the 496.)"""
    names = {fold(d.text) for d in datasets}
    if len(names) != 1 or datasets[0].end_char > q.start:
        return None
    d = datasets[0]
    a, b = d.start_char - base, d.end_char - base
    if not (_DATA_NOUN_RE.search(d.text) or _NAMED_AS_DATA_AFTER.match(text, b) or _NAMED_AS_DATA_BEFORE.search(text, max(0, a - 40), a)) \
            or _SOURCE_OF.search(text, max(0, a - 60), a) or re.match(r"-(?:like|style|based)\b", text[b:]):
        return None
    return d


def undescribed(datasets: list[Ent], text: str, base: int) -> list[Ent]:
    """``datasets`` less the mentions inside the description that names an
    earlier one as data ("LEVEN a large-scale Chinese LEgal eVENt detection
    dataset, with 8,116 legal documents": the task's long form, tagged as a
    dataset, is part of LEVEN's description, not what the count counts)."""
    out: list[Ent] = []
    inside = -1
    for d in datasets:
        if inside >= d.start_char and out and d.start_char >= out[-1].end_char:
            continue
        out.append(d)
        m = _DESCRIBED_AS_DATA.match(text, d.end_char - base)
        inside = base + m.end() if m else -1
    return out


#: A rank in a competition written as a numeral: "ranked 16th in LAS", "placed 4th out of 62 entries", "reaching
#: the 3rd rank out of 103 submissions", "4th and 5th for Tamil and Kannada" (audit GUIDE: a rank is a `count`;
#: ranks written as words, "we rank first", are no results). 642 such ranks in the 119,895 abstracts (mostly
#: shared-task papers); see :func:`ranks` for the counts.
_RANK = re.compile(r"\b(?:[Rr]ank(?:ed|ing|s)?|[Pp]lac(?:e|ed|ing)|[Pp]osition(?:ed)?|[Ff]inish(?:ed|ing)?|[Ww]on|[Rr]each(?:ed|ing)?|"
                   r"[Aa]ttain(?:ed|ing)?|[Aa]chiev(?:e|ed|ing))\s+(?:(?:us|our\s+team|the|at|in|as|on|an?|overall|jointly|"
                   r"respectively|of)\s+){0,3}(?P<n>\d{1,3})(?:st|nd|rd|th)\b(?=\s*(?:place|position|rank|best|overall|among|out\s+of|"
                   r"of\s+\d|in\b|on\b|for\b|with\b|from\b|over\b|\(|,|\.|;|and\b|$))"
                   r"|(?<![\w.])(?P<m>\d{1,3})(?:st|nd|rd|th)\s+(?:place|position|rank)\b")
_ORDINAL = re.compile(r"[0-9](?=st|nd|rd|th)")
_MORE_RANKS = re.compile(r"(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*/\s*)(?P<n>\d{1,3})(?:st|nd|rd|th)\b")


def may_rank(text: str) -> bool:
    """Whether ``text`` holds what every rank :func:`ranks` finds needs: a
    cue word's letters and an ordinal. False for a whole abstract means
    false for each of its sentences, so a caller asks once per abstract
    (most have no ordinal) instead of once per sentence."""
    return (text.find("ank") >= 0 or text.find("lac") >= 0 or text.find("osition") >= 0 or text.find("inish") >= 0
            or text.find("won") >= 0) and _ORDINAL.search(text) is not None


def ranks(text: str, base: int) -> list[Quantity]:
    """The ranks a sentence states as numerals, as counts ("ranked 7th of 27
    teams": 7; the 27 is a count of its own). On 3,000 real abstracts (seed
    27920) 8 ranks found, all read, 8 right; on 250 of the 489 other
    abstracts that write a rank cue (seed 27922) 299 found, 40 read at
    random, 40 right (ranks as numerals; a linked dataset was not judged)."""
    # (cheap tests first: a cue word's letters, then an ordinal, before the rank pattern; ~0.4 us a sentence)
    if not may_rank(text):
        return []
    out: list[Quantity] = []
    for m in _RANK.finditer(text):
        g = "n" if m.group("n") else "m"
        out.append(Quantity(float(m.group(g)), "", "count", base + m.start(g), base + m.end(g) + 2, None))
        end = m.end(g) + 2
        while (more := _MORE_RANKS.match(text, end)) is not None:
            out.append(Quantity(float(more.group("n")), "", "count", base + more.start("n"), base + more.end(), None))
            end = more.end()
    return out


#: Between two members of one list of whole numbers: "103, 75 and 65 submissions".
_COUNTED_UNITS = frozenset({"samples", "tokens"})
#: After the last member: a budget of labels or data ("with 50, 1000 and 4000 labels, respectively": settings,
#: as extractors.result_kinds reads them) or a factor ("by 2 and 4 orders of magnitude"), no count.
_NOT_A_COUNT_LIST = re.compile(r"\s+(?:(?:[\w-]+\s+)?(?:labels?|labell?ed)\b|orders?\s+of\s+magnitude)", re.I)
#: Before the first member: a name the numbers belong to ("legs 1 and 2", "Round 1 and 2 judgments", "SemEval 2014,
#: 15, and 16", "NTU-RGB+D 60, and 120 datasets", "in subtask 1 and 14 systems"), no count.
_NAMED_BEFORE = re.compile(r"(?:\b[A-Z][\w+\-]*|\b(?:sub)?tasks?|\brounds?|\blegs?|\blevels?|\bphases?|\bstages?|"
                           r"\bversions?|\d)[\s,]*$")
_COUNT_ITEM = re.compile(r"\s*" + JOINT)


def counted_lists(values: list[Quantity], bare: set[int], text: str, base: int) -> dict[int, Quantity]:
    """``id(value) -> the value as a count`` for each member of a list of
    bare whole numbers whose last member counts a plural noun ("with rank of
    33rd, 54th and 52nd out of 103, 75 and 65 submissions": 103 and 75 too,
    audit GUIDE: participants of a shared task are counts). Before, a
    "respectively" in the sentence made the first members scores, or they
    were no results at all."""
    out: dict[int, Quantity] = {}
    run: list[Quantity] = []
    for i, q in enumerate(values):
        whole = id(q) in bare and float(q.value).is_integer() and not q.qualifier
        if not whole:
            run = []
            continue
        run.append(q)
        nxt = values[i + 1] if i + 1 < len(values) else None
        joined = nxt is not None and _COUNT_ITEM.fullmatch(text, q.end - base, nxt.start - base) is not None
        if joined and id(nxt) in bare:
            continue
        if joined and (nxt.unit in _COUNTED_UNITS or nxt.kind == "count") \
                and not _NAMED_BEFORE.search(text, max(0, run[0].start - base - 20), run[0].start - base):  # "1,200, 3,400 and 5,000 sentences"
            out.update({id(m): replace(m, kind="count") for m in run})
            run = []
            continue
        counted = count_of(q, text, base) if len(run) > 1 and not _NOT_A_COUNT_LIST.match(text, q.end - base) \
            and not _NAMED_BEFORE.search(text, max(0, run[0].start - base - 20), run[0].start - base) else None
        if counted is not None:
            out.update({id(m): replace(m, kind=counted.kind) for m in run})
        run = []
    return out


#: A length right after a number the statement makes a score: "a mean error of 1.2 mm", "a median error of 0.22 m
#: and 0.73°" (issue 27: every result with its unit; before, the unit was lost, ""). Only scores get it here: a
#: length after a bare number is no result by itself ("a 10 mm diameter tube").
_LENGTH = re.compile(r"\s?(?P<u>mm|cm|km|nm|µm|μm|m|microns?|micrometers?|millimet(?:er|re)s?|centimet(?:er|re)s?|"
                     r"kilomet(?:er|re)s?|met(?:er|re)s?)(?![\w/^])")
_LENGTH_UNIT = {"micron": "µm", "micrometer": "µm", "μm": "µm", "millimeter": "mm", "millimetre": "mm",
                "centimeter": "cm", "centimetre": "cm", "kilometer": "km", "kilometre": "km", "meter": "m", "metre": "m"}


def with_length_unit(q: Quantity, text: str, base: int) -> Quantity:
    """``q`` with the length unit written right after it, if any."""
    m = _LENGTH.match(text, q.end - base)
    if m is None:
        return q
    u = m.group("u").lower().rstrip("s") if len(m.group("u")) > 2 else m.group("u")
    return replace(q, unit=_LENGTH_UNIT.get(u, u))


#: "(23/42)", "on 13/20 and 14/20 test languages", "a success rate of 16/30", "only 1/10 of the parameters": a fraction
#: of two whole numbers is a rank or a count out of a total, or a share; never two scores (issue 27). In the 119,895
#: abstracts 652 write a whole-number fraction; the pipeline stated results on 94 places (72 counts, 22 absolute
#: scores, 8 others), all read: of the 22 absolutes, 8 are a rank or a count out of a total in 4 places ("F1 score of
#: 0.5939 (23/42)", a rank among 42 teams; "a success rate of 38/40"), read as two scores of the metric before; 2 a
#: share ("1/4 memory consumption"); 12 a bound in a formula ("$p < 6/5$"), left as they are. A share names what it
#: is of right after it ("1/10 of the parameters": audit GUIDE part H, a `ratio` 0.1 in "x"; "only 1/5 of its
#: training data": a setting). After (635 distinct abstract ids): 26 results changed in 12 abstracts, all read: the
#: 8 ranks and counts now `count` without the metric; 9 shares one ratio A/B (before: the count B, or two scores), 1
#: a setting; kinds all right, 2 links wrong ("only 1/3 computational costs" took "number of parameters" named before).
_FRACTION_DEN = re.compile(r"(?:^|(?<=[\s(\[~]))(?P<num>\d{1,4})\s?/\s?$")
_FRACTION_NUM = re.compile(r"\s?/\s?(?P<den>\d{1,4})(?![\d.,%/]|\w)")
_SHARE_OF_DATA = re.compile(r"\s*of\s+(?:the\s+|its\s+|their\s+|all\s+)?(?:[\w-]+\s+){0,2}?(?:data|labels?|training|examples|"
                            r"samples|annotations?|budget)\b", re.I)  # "only 1/5 of its training data": a setting
_SHARE_OF = re.compile(r"\s*(?:of\b|(?:[\w-]+\s+)?(?:memory|parameters|comput\w*|flops|costs?|time|size)\b)", re.I)


def fractions(values: list[Quantity], kinds: dict[int, str], text: str, base: int) -> list[Quantity]:
    """The sentence's values with each whole-number fraction "A/B" read right: a share ("1/10 of the parameters")
    becomes one ``ratio`` A/B in "x" (spanning both numbers; a ``setting`` for a share of the data), else both numbers are ``count`` (a rank of B, A
    successes of B). ``kinds`` (``id`` -> kind) is updated in place."""
    out = list(values)
    drop: set[int] = set()  # indices of numerators folded into a share
    for i, q in enumerate(values):
        if q.unit != "" or q.qualifier or not float(q.value).is_integer():
            continue
        den = _FRACTION_DEN.search(text, max(0, q.start - base - 8), q.start - base)
        if den is None or not _FRACTION_NUM.match(text, den.end("num"), q.end - base):
            continue
        num_start = base + den.start("num")
        if _SHARE_OF.match(text, q.end - base) and 0 < int(den["num"]) < q.value:
            out[i] = replace(q, value=int(den["num"]) / q.value, unit="x", start=num_start)
            kinds[id(out[i])] = "setting" if _SHARE_OF_DATA.match(text, q.end - base) else "ratio"
            drop.update(j for j, p in enumerate(values) if j != i and num_start <= p.start and p.end <= q.start)
        else:
            kinds[id(q)] = "count"
            for p in values:
                if p.start == num_start and p.unit == "" and not p.qualifier:
                    kinds[id(p)] = "count"
    return [q for j, q in enumerate(out) if j not in drop]
