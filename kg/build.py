"""The build job: inputs -> distinct papers -> pipeline -> linker -> store.

Streams: papers are written in batches as they are extracted; only the
linker's registry grows with the corpus. Entity descriptions (final types by
majority vote, aliases, families) are written once at the end.
"""
from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from extractors.pipeline import get_nlp

from .extract import distinct_records, extract
from .linking import Linker
from .model import PaperGraph
from .records import RecordError
from .stores import EntityRecord, Store


@dataclass(slots=True)
class BuildReport:
    """What a build did, for the summary and the exit code."""

    papers: int = 0
    rejects: list[RecordError] = field(default_factory=list)
    seconds: float = 0.0
    entities: int = 0
    ambiguous_acronyms: dict[str, set[str]] = field(default_factory=dict)


def batched(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def entity_records(linker: Linker) -> list[EntityRecord]:
    """The registry as store records, in id order (deterministic)."""
    linker.link_families()
    return [
        EntityRecord(i.id, i.type, i.name, sorted(i.aliases), i.variant_of, i.part_of, {t.value: n for t, n in i.type_votes.items()})
        for i in sorted(linker.registry.values(), key=lambda i: i.id)
    ]


def papers_from_inputs(
    inputs: list[str],
    fmt: str | None = None,
    fast: bool = False,
    linker: Linker | None = None,
    on_error: Callable[[RecordError], None] | None = None,
    workers: int = 1,
    batch_size: int = 64,
) -> Iterator[PaperGraph]:
    """Distinct, extracted and linked papers from the inputs, in input order."""
    linker = linker or Linker()
    pairs = distinct_records(inputs, fmt, on_error)
    yield from extract(pairs, get_nlp(fast), linker, batch_size=batch_size, n_process=workers)


def build(
    inputs: list[str],
    store: Store,
    fmt: str | None = None,
    fast: bool = False,
    workers: int = 1,
    write_batch: int = 256,
    progress: Callable[[int], None] | None = None,
) -> BuildReport:
    """Build (or extend) the graph in ``store`` from ``inputs``."""
    report = BuildReport()
    start = time.perf_counter()
    linker = Linker()
    papers = papers_from_inputs(inputs, fmt, fast, linker, report.rejects.append, workers)
    for batch in batched(papers, write_batch):
        report.papers += store.write_papers(batch)
        if progress:
            progress(len(batch))
    report.entities = store.write_entities(entity_records(linker))
    report.ambiguous_acronyms = dict(linker.ambiguous)
    report.seconds = time.perf_counter() - start
    return report
