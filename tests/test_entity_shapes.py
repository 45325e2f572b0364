"""Entity-to-entity cue rows of stop 41 (entrel13): an apposition whose kind is a task's system or data
set, "compare" with two named objects, and a metric's value for a task. Sentences are real abstracts'
(../shared/corpora/abstracts, draw_sample(3000, 41120801) and its cue pool of draw_sample(20000,
41120802)); the mentions are the ones the standard tier finds there."""
from __future__ import annotations

import pytest

from extractors.doctext import Ent
from extractors.entity_relations import pair_relations


def _ents(text: str, mentions: list[tuple[str, str]]) -> list[Ent]:
    out, start = [], 0
    for surface, label in mentions:
        k = text.index(surface, start)
        out.append(Ent(0, 0, k, k + len(surface), label, surface))
        start = k + len(surface)
    return out


def _pairs(text: str, mentions: list[tuple[str, str]]) -> set[tuple[str, str, str, str]]:
    return {(p.name, p.type.value, s.text, t.text) for p, s, t in pair_relations(0, text, _ents(text, mentions))}


@pytest.mark.parametrize("text,mentions,expected", [
    ("We introduce Graphene, an Open IE system whose goal is to generate accurate, meaningful and complete "
     "propositions.", [("Graphene", "Method"), ("Open IE", "Task")],
     ("apposition-task-head", "USED_FOR", "Graphene", "Open IE")),
    ("We present FlexTag, a highly flexible PoS tagging framework.", [("FlexTag", "Method"), ("PoS tagging", "Task")],
     ("apposition-task-head", "USED_FOR", "FlexTag", "PoS tagging")),
    ("MultiWOZ is a well-known task-oriented dialogue dataset containing over 10,000 annotated dialogues spanning 8 "
     "domains.", [("MultiWOZ", "Dataset"), ("task-oriented dialogue", "Task")],
     ("dataset-apposition-task-head", "BENCHMARK_FOR", "MultiWOZ", "task-oriented dialogue")),
    ("To that end, we extend the contextual decomposition technique to convolutional neural networks which allows us "
     "to compare convolutional neural networks and bidirectional long short-term memory networks.",
     [("convolutional neural networks", "Method"), ("convolutional neural networks", "Method"),
      ("bidirectional long short-term memory", "Method")],
     ("compare-verb", "COMPARE_WITH", "convolutional neural networks", "bidirectional long short-term memory")),
    ("Comprehensive experiments are included to systematically compare LMLP with CoT in deductive reasoning settings.",
     [("LMLP", "Method"), ("CoT", "Method")], ("compare-verb", "COMPARE_WITH", "LMLP", "CoT")),
    ("The system achieved a F-score of 0.87 for comparison sentence identification.",
     [("F-score", "Metric"), ("comparison sentence identification", "Task")],
     ("metric-value-in", "EVALUATED_WITH", "comparison sentence identification", "F-score")),
])
def test_new_rows_read_real_sentences(text, mentions, expected):
    assert expected in _pairs(text, mentions)


@pytest.mark.parametrize("text,mentions", [
    # the task is the name's own long form, not what it is for
    ("In this paper, we propose FIM, a Fine-grained Interest Matching method for neural news recommendation.",
     [("FIM", "Method"), ("Fine-grained Interest Matching", "Task")]),
    # an apposition whose kind is no system of the task ("a ... parsing problem" has no system head)
    ("We study SRL, a semantic parsing problem of growing interest.", [("SRL", "Method"), ("semantic parsing", "Task")]),
    # "compared with A and B": both are what something else is compared against, not compared with each other
    ("Compared with BERT and RoBERTa, our model is faster.", [("BERT", "Method"), ("RoBERTa", "Method")]),
    # a metric's value on a data set is no task's evaluation
    ("It reaches an accuracy of 91.2 on COPAL-ID.", [("accuracy", "Metric"), ("COPAL-ID", "Dataset")]),
])
def test_new_rows_stay_out(text, mentions):
    got = _pairs(text, mentions)
    assert not {g for g in got if g[0] in ("apposition-task-head", "compare-verb", "metric-value-in")}, got
