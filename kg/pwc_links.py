"""BENCHMARK_FOR edges from the Papers with Code task summaries (issue 28).

Papers with Code lists, per task, its top datasets and benchmarks
(../shared/corpora/pwc/task-summaries, imported into the ``tasks`` column of
ontology/gazetteer/pwc.tsv by :mod:`ontology.pwc_import`; CC BY-SA 4.0). A
paper whose nodes include such a dataset *and* one of its listed tasks gets
the edge dataset -BENCHMARK_FOR-> task, with extractor ``pwc``: the fact is
Papers with Code's, the paper is where the graph meets both ends (so the
``benchmarks-for`` preset counts papers, and stores write it like any edge).
The curated gazetteer's ``task`` column ("Permuted MNIST" -> continual
learning) gives the same edge with extractor ``gazetteer``. Only nodes of the paper are joined: no task is added that no paper names,
and a dataset's long tail of PwC tasks ("MNIST" is a top dataset of 40-odd
tasks) shows only where a paper works on one of them.
"""
from __future__ import annotations

import re

from ontology import EntityType, RelationType

from .linking import Linker
from .model import Entity, Relation, Span

EXTRACTOR = "pwc"
#: The curated gazetteer's own ``task`` column (ontology/gazetteer/datasets.tsv, benchmarks.tsv).
GAZETTEER = "gazetteer"
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9(])")


def _task_ids(linker: Linker, tasks: tuple[str, ...]) -> frozenset[str]:
    """Ids of the gazetteer's task names, resolved as a mention would be (cached on the linker)."""
    cache: dict[tuple[str, ...], frozenset[str]] = linker.__dict__.setdefault("_pwc_task_ids", {})
    got = cache.get(tasks)
    if got is None:
        got = cache[tasks] = frozenset(linker.resolve(t) for t in tasks)
    return got


def sentence_of(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence of ``text`` around ``start:end`` (split after . ! ? before a capital)."""
    a = 0
    for m in _SENTENCE_END.finditer(text, 0, start):
        a = m.end()
    m = _SENTENCE_END.search(text, end)
    return a, m.start() if m else len(text)


def _mentions_in_one_field(dataset: Entity, task: Entity) -> tuple[Span, Span] | None:
    """The first mentions of both in one field, the abstract first (where the
    sentence says more than a title)."""
    for fld in ("abstract", "title"):
        m = next((x for x in dataset.mentions if x.field == fld), None)
        t = next((x for x in task.mentions if x.field == fld), None)
        if m is not None and t is not None:
            return m, t
    return None


def benchmark_for(entities: dict[str, Entity], linker: Linker, fields: dict[str, str]) -> list[Relation]:
    """BENCHMARK_FOR relations among one paper's ``entities`` that Papers with
    Code states; ``fields``: the paper's raw "title" and "abstract" (for the
    evidence sentence: the dataset's first mention in a field that names both)."""
    tasks = {eid for eid, e in entities.items() if e.type is EntityType.TASK}
    if not tasks:
        return []
    out = []
    for eid, e in entities.items():
        if e.type not in (EntityType.DATASET, EntityType.BENCHMARK):
            continue
        entry = linker.entry_by_id.get(eid)
        if entry is None or not (entry.tasks or entry.task):
            continue
        curated = _task_ids(linker, (entry.task,)) if entry.task else frozenset()
        for tid in sorted(tasks & (_task_ids(linker, entry.tasks) | curated)):
            pair = _mentions_in_one_field(e, entities[tid])
            if pair is None:
                continue  # an edge joins two mentions of one field (the kg extract contract)
            m, t = pair
            text = fields.get(m.field) or ""
            a, b = sentence_of(text, m.start, m.end)
            out.append(Relation(RelationType.BENCHMARK_FOR, eid, tid, Span(m.field, a, b, text[a:b]),
                                GAZETTEER if tid in curated else EXTRACTOR, 1.0, m, t))
    return out
