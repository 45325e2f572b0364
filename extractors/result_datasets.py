"""The dataset side of a result's statement: which dataset mention a value
is on when the clause alone does not say (a coordination stated jointly, a
list of values paired in order, a sentence opening on its dataset, a value
with its own "on X"), and the subset or split written next to a dataset.
Used by :func:`extractors.results.sentence_results`."""
from __future__ import annotations

import re

from .doctext import Ent, fold
from .list_joints import COORDINATION
from .quantities import Quantity

_LANGS = ("English|German|French|Romanian|Chinese|Czech|Russian|Japanese|Vietnamese|Spanish|Finnish|Turkish|Arabic|"
          "Korean|Hindi|Italian|Portuguese|Dutch|Estonian|Latvian|Lithuanian|Kazakh|Gujarati|"
          "En|De|Fr|Ro|Zh|Cs|Ru|Ja|Vi|Es|Fi|Tr|Ar|Ko|Hi|It|Pt|Nl|Et|Lv|Lt|Kk|Gu|EN|DE|FR|RO|ZH|CS|RU|JA|VI|ES|FI|TR")
#: A dataset's subset or split written right after (or before) its name: "WMT 2014 English-to-German", "IWSLT'15 En-Vi", "COCO test-dev".
_SUBSET = re.compile(r"\s*(?:'\d\d|’\d\d|\d{4})?\s*\(?\s*(?P<sub>(?:" + _LANGS + r")\s?(?:-to-|-|–|→|->|⇒|\s+to\s+)\s?(?:" + _LANGS + r")\b"
                     r"|test-(?:dev|std|clean|other)\b|(?:test|dev|development|validation|val)(?:\s+|-)(?:set|split)\b)")
_SUBSET_BEFORE = re.compile(r"(?P<sub>\b(?:" + _LANGS + r")\s?(?:-to-|-|–|→|->|⇒|\s+to\s+)\s?(?:" + _LANGS + r"))\s+(?:translation\s+)?(?:task\s+)?(?:of|on|from)?\s*(?:the\s+)?$")


def _subset(dataset: Ent, text: str, base: int) -> str | None:
    """The subset or split of ``dataset`` its statement names next to it."""
    b = dataset.end_char - base
    if dataset.start_char < base or b > len(text):
        return None  # (the paper's proposal, named in another sentence)
    m = _SUBSET.match(text, b)
    if m:
        return m.group("sub")
    m = _SUBSET_BEFORE.search(text, max(0, dataset.start_char - base - 40), dataset.start_char - base)
    return m.group("sub") if m else None


#: A dataset's name modifying the noun of a method names no data a result is on: "by 19.04% for CAD model
#: alignment", "the VIO algorithm", "a novel SSL algorithm". Not a model trained on it: "CIFAR10 models down to
#: 3% accuracy", "a LibriSpeech model's WER" (on 3,964 real abstracts: 3 results changed, 3 right; with any
#: "X model(s)" 8 changed, 5 right: the other 3 were models trained on X, now kept).
_MODIFIES_MODEL = re.compile(r"[ -](?:methods?|systems?|networks?|architectures?|frameworks?|approach(?:es)?|"
                             r"algorithms?|modules?|encoders?|decoders?|detectors?|classifiers?|parsers?|taggers?|"
                             r"pipelines?|loss(?:es)?|baselines?|models?\s+(?!(?:on|in|of|for|to|with|by|from|and|or|is|are|"
                             r"was|were|has|have|had|can|could|will|would|achieves?|achieved|reaches|obtains?|down|up|"
                             r"trained|pre-?trained|that|which|as|at|than|while)\b)[a-z]{3,})\b")


_COORD = COORDINATION
_ITEM_GAP = re.compile(r"\s*(?:\\?%\s*)?(?:\([^()]{0,40}\)\s*)?(?:,\s*(?:and\s+)?|and\s+|/\s*)")


def _coordinated(dataset: Ent, datasets: list[Ent], text: str, base: int) -> list[Ent]:
    """The datasets coordinated with ``dataset`` in one phrase, in order ("on
    XSum and Writing Prompts", "across MNLI, QQP and SST-2"); [dataset]
    alone when none is. Audit GUIDE, part E: a figure stated jointly for two
    datasets has a null dataset link), unless a list of as many values pairs
    with them in order (:func:`_list_of`: "by 1.26% and 0.95% on CIFAR-100
    and ImageNet", "8x, 3x, and 1.4x" after "on CIFAR-10, CIFAR-100 and
    ImageNet"). On 3,000 real abstracts (seed 27611) 9 results changed, 9
    right; on 284 other abstracts that write a value before "on|across X
    and|, Y", 65 changed, 45 read at random, 37 right (wrong: lists the
    coordination does not match one to one, "by 6.94%, 4.45% and 15.35% ...
    on CUHK-PEDES, ICFG-PEDES and RSTPReid" with one name not tagged,
    "65.12/59.33 and 40.06/32.50", "+11.7 and +11.1" after the
    "respectively" of another list, which now lose the dataset they had; a
    metric typed Dataset)."""
    ds = sorted({d.start_char: d for d in datasets}.values(), key=lambda d: d.start_char)
    i = next((k for k, d in enumerate(ds) if d.start_char == dataset.start_char), None)
    if i is None:
        return [dataset]
    lo = hi = i
    def joined(x: Ent, y: Ent) -> bool:
        return 0 <= y.start_char - x.end_char <= 8 and fold(x.text) != fold(y.text) \
            and _COORD.fullmatch(text, x.end_char - base, y.start_char - base) is not None
    while lo > 0 and joined(ds[lo - 1], ds[lo]):
        lo -= 1
    while hi + 1 < len(ds) and joined(ds[hi], ds[hi + 1]):
        hi += 1
    return ds[lo : hi + 1]


def _list_of(q: Quantity, values: list[Quantity], text: str, base: int) -> list[list[Quantity]]:
    """The items of the list of values ``q`` is in, in order, each item a
    value or a range ("1.26% and 0.95%", "8x, 3x, and 1.4x", "2-4% and
    1-2%": two items; "89.1% / 81.5% top-1 accuracy on ImageNet-1K /
    ImageNet-1K-V2", as audit GUIDE part F reads "X/Y" pairs in order)."""
    items: list[list[Quantity]] = []
    for v in values:
        if items and items[-1][-1].qualifier == "range-low" and v.qualifier == "range-high":
            items[-1].append(v)
        elif items and _ITEM_GAP.fullmatch(text, items[-1][-1].end - base, v.start - base):
            items.append([v])
        else:
            if any(q in item for item in items):
                break
            items = [[v]]
    return items if any(q in item for item in items) else [[q]]


#: Right after a value, the phrase that names its own data: "10.69% on Food, 18.83% on KuaiRec" (a name, capitalised).
_ON_NAME = re.compile(r"\s*(?:\\?%\s*)?on\s+(?:the\s+)?[A-Z]")


def _own_on(cands: list[Ent], q: Quantity, metrics: list[Ent], text: str, base: int) -> list[Ent]:
    """A value followed by its own "on X", X a name no dataset or metric
    mention starts at, takes no other dataset: X (not tagged) is its data.
    In "up to 10.69% on Food, 18.83% on KuaiRec, 22.41% on Yelp2018",
    10.69 and 18.83 took Yelp2018; "93% on KTH, 83.3% on UCF50 and 47.6% on
    HMDB51" gave 83.3 HMDB51. In the 34 of 119,895 abstracts that write
    "N on X, M on Y" and on 3,000 others (seed 27127), 24 results changed,
    all read: 23 lost the next value's dataset (wrong) for none, 1 lost a
    right one ("15.92% on MAE ... on the new DT-QDC dataset": a metric not
    tagged there). "in X" is left out (languages, "in Table 2"), and so is
    a digit after "on" ("70.31% on 1-shot": a setting; 4 right links lost)."""
    m = _ON_NAME.match(text, q.end - base)
    if m is None:
        return cands
    at = m.end() - 1 + base
    if any(e.start_char == at for e in (*cands, *metrics)):
        return cands
    return []


def _no_value_between(cands: list[Ent], q: Quantity, values: list[Quantity]) -> list[Ent]:
    """The mentions after ``q`` with no other value between (and all before it)."""
    return [d for d in cands if not any(q.end <= v.start and v.end <= d.start_char for v in values)]


#: A sentence that opens on its dataset: "On the benchmark English Penn treebank, our model ...", "In
#: particular, on the OpenSQuAD dataset, ...", "Experiments on the IMDB dataset show that ...", "Evaluated on
#: the nuScenes dataset our method ..." (an evaluation frame before the sentence's verb). The frames after
#: a leading adverb, with an evaluation noun or participle, changed 38 results on 3,964 real abstracts, 35
#: read right (2 "data ratio settings of 5%" typed absolute, 1 a cost bound "models under 100 billion").
_OPENING = re.compile(r"^\s*(?:[A-Z][a-z]+(?: [a-z]+)?,\s+)?(?:"
                      r"(?:[Oo]n|[Ff]or|[Ii]n|[Aa]cross)"
                      r"|(?:(?:[A-Z][a-z]+|[Oo]ur|[Tt]he)\s+){0,2}(?:[Ee]xperiments?|[Ee]xperimental (?:results|evaluations?|validation)|"
                      r"[Ee]mpirical (?:results|evaluations?)|[Ee]valuations?|[Rr]esults|[Tt]ests)\s+(?:conducted\s+|performed\s+)?"
                      r"(?:on|using|over|with|in)"
                      r"|(?:Evaluated|Tested|Evaluating|Testing)\s+(?:on|using))"
                      r"\s+(?:the\s+)?(?:[\w\-’']+\s+){0,3}?$")
_OPENING_END = re.compile(r"[^,;()]{0,30}?(?:,|\s(?:shows?|showed|demonstrates?|demonstrated|indicates?|reveals?|"
                          r"confirms?|verif(?:y|ies)|suggests?|proves?)\b)")


def _opening_dataset(text: str, datasets: list[Ent], values: list[Quantity], base: int) -> Ent | None:
    """The one dataset a sentence opens on ("On X, ..."): the statement's
    dataset for every value the clause attachment leaves without one."""
    if not datasets or not values or not _OPENING.match(text, 0, datasets[0].start_char - base):
        return None
    d = datasets[0]
    end = _OPENING_END.match(text, d.end_char - base)
    if end is None or end.end() > values[0].start - base or any(e.start_char < values[0].start for e in datasets[1:]):
        return None  # (not "On MATH, GSM8K, and CSQA, ...": a list of datasets)
    return d
