"""EVALUATES_ON from the paper's own scores: a dataset the paper reports its
own score on is a dataset it evaluates on.

The cue rules of :mod:`extractors.paper_relations` read a sentence's words
("experiments on", "results on"); a score sentence often has none of them
("For WikiQA, our model outperforms the previous best model by more than
8%", "The error rates are 9.89%, 3.99% for CIFAR-10 with 4000 labels",
"Top-1 localization error rate on the ILSVRC dataset is 45.14%"). The
result step (kg/result_links.py) already links each score to the dataset
its statement names and says whether it is the paper's own, so a paper
evaluates on the dataset of each own score of a scoring kind (absolute or
delta: not a count, cost or setting, whose "dataset" is often a source of
data, "185,000 claims extracted from Wikipedia pages", nor a ratio, "8 times
the size of MultiWOZ"), unless a training cue comes before the dataset in
the score's sentence ("trained from Wikipedia revision histories and reaches
44.13 F0.5": a training corpus), or the dataset is in a list of examples
that no first-person or experiment word heads (:func:`_example`).

Counted on 8,778 real abstracts drawn by bench/same_output.py's sampler
(seeds 4040404 and 5151, standard tier): 41 EVALUATES_ON added, all read,
39 right (the wrong two: "the MSA lexicon causes the accuracy to drop", a
resource, and CopyNet, a model the graph typed Dataset).

Tried and not kept: reading a sentence again on the graph's settled types
for every mention whose type changed (as kg/result_links.py does for
results) added 188 paper relations on the same 8,778 abstracts, of which
ADDRESSES 9 of 26 read right and relations to datasets and metrics 45 of 63
(the graph settles RRT, TensorFlow, a CAD model, "time" as Datasets): the
settled type is no better a guide than the sentence's for paper relations.
A score's dataset link is (above).
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence

from extractors.paper_relations import names_hardware, trained_on_before

#: Result kinds that are scores on a dataset.
SCORING = frozenset(("absolute", "delta"))
_DATASETS = frozenset(("Dataset", "Benchmark"))


#: An example cue before the dataset in its clause, and what makes the list
#: the paper's own (the seeds' background test, tests/test_relations.py,
#: reads the same words: "... by a large margin, including +6.8% mean IoU
#: improvement on Pascal-VOC" is not said to be the paper's own).
_EXAMPLE_BEFORE = re.compile(r"(?<![-\w])(?:such as|like|e\.g\.|including|unlike)\b[^;:]*$")
_OWN_LIST = re.compile(r"\b(?:we|our|us|experiment\w*|evaluat\w*|the proposed|this (?:paper|work))\b")
_CLAUSE = re.compile(r"[;:]|,\s+(?:while|whereas|but|which|although|though)\b")


def _example(before: str) -> bool:
    """Whether the lower-cased text before a dataset, in its sentence, makes
    it an example in a list the paper does not say is its own."""
    clause = _CLAUSE.split(before)[-1]
    return _EXAMPLE_BEFORE.search(clause[-80:]) is not None and _OWN_LIST.search(clause) is None


def scored_datasets(text: str, results: Sequence[tuple], inputs: Sequence[tuple],
                    ent_at: Callable[[tuple], str | None], type_of: Callable[[str], str], skip: set[str]) -> list[tuple[str, tuple[int, int], tuple[int, int]]]:
    """(dataset id, its mention span, the score's sentence span) for each
    dataset an own score of a scoring kind is linked to, first score first
    (``text``: the text the spans index).

    ``results``: :func:`kg.result_links.settled_results` tuples (value,
    unit, kind, start, end, qualifier, metric, dataset, method, ..., own at
    index 12); ``inputs``: ``DocData.result_inputs`` (sentence start and end
    first); ``ent_at``: entity id of a mention span; ``type_of``: an
    entity's settled type; ``skip``: entity ids that take no EVALUATES_ON
    (already related to the paper, or proposed by it)."""
    out: list[tuple[str, tuple[int, int], tuple[int, int]]] = []
    seen = set(skip)
    for eid, dataset, sent in _own_scored(results, inputs, 7, ent_at):
        if eid in seen or type_of(eid) not in _DATASETS or names_hardware(text[dataset[0] : dataset[1]]):
            continue
        before = text[sent[0] : dataset[0]].lower()
        if trained_on_before(before) or _example(before):
            continue
        seen.add(eid)
        out.append((eid, dataset, sent))
    return out


def scored_metrics(results: Sequence[tuple], inputs: Sequence[tuple], ent_at: Callable[[tuple], str | None],
                   type_of: Callable[[str], str], skip: set[str]) -> list[tuple[str, tuple[int, int], tuple[int, int]]]:
    """(metric id, its mention span, the score's sentence span) for each
    metric an own score of a scoring kind is stated in, first score first:
    the paper measures it ("The best model obtained an F1 score of 0.24",
    "Data Boost improves F1 for the three tasks by 8.7% on average"; such
    score sentences often have no first-person or experiment word for the
    cue rules of :mod:`extractors.paper_relations` to read). Arguments as
    :func:`scored_datasets` (``skip``: metric ids already measured).

    On 3,000 real abstracts (bench/same_output.py's draw_sample(3000,
    80712401), standard tier) 44 MEASURES added, all read, 43 right (the
    wrong one: "3 BLEU points improvement under low latency scenarios",
    whose score the result step linked to latency). Audit A-G, standard:
    MEASURES recall 0.52 -> 0.59, precision 0.91 -> 0.92."""
    out: list[tuple[str, tuple[int, int], tuple[int, int]]] = []
    seen = set(skip)
    for eid, metric, sent in _own_scored(results, inputs, 6, ent_at):
        if eid in seen or type_of(eid) != "Metric":
            continue
        seen.add(eid)
        out.append((eid, metric, sent))
    return out


def _own_scored(results: Sequence[tuple], inputs: Sequence[tuple], link: int,
                ent_at: Callable[[tuple], str | None]) -> Iterator[tuple[str, tuple[int, int], tuple[int, int]]]:
    """(entity id, mention span, sentence span) of the link at index ``link``
    (6: metric, 7: dataset) of each own score of a scoring kind whose link
    is a mention of an entity, in order: the walk :func:`scored_datasets`
    and :func:`scored_metrics` share."""
    sentences = [(i[0], i[1]) for i in inputs]
    for r in results:
        kind, start, span, own = r[2], r[3], r[link], r[12]
        if not own or kind not in SCORING or not span:
            continue
        eid = ent_at(span)
        if eid is None:
            continue
        sent = next(((a, b) for a, b in sentences if a <= start < b), None)
        if sent is not None:
            yield eid, tuple(span), sent
