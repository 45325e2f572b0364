"""The build job: inputs -> distinct papers -> pipeline -> linker -> store.

Two passes over the inputs, nothing corpus-sized in memory but the linker's
registry and the set of paper keys:

1. *scan* (cheap): paper keys, the extra sightings of duplicated papers, and
   each distinct paper's abbreviation definitions (regex only, reused from the
   manifest when the text is unchanged). The corpus acronym table built from
   them only reports acronyms defined with several long forms (``kg entities
   --ambiguous``): a bare acronym is never expanded with another paper's
   definition, so no paper's links depend on the others.
2. *extract*: each distinct paper, in input order; papers whose content hash
   (text + metadata + sources) is unchanged since the last build are skipped
   (a new paper never re-extracts an old one). The pipeline runs in-process, in a process
   pool (``workers``) or on a Dask cluster (``engine="dask"``) and returns
   plain :class:`~kg.extract.DocData`; linking and store writes happen here,
   in the parent, in input order, so every engine gives the same graph.

At the end the registry is the fold of every current paper's observations in
input order (live in a full build, replayed from the manifest in an
incremental one), and only entity descriptions whose content changed are
rewritten. See :mod:`kg.manifest`.
"""
from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from extractors.keys import name_key
from extractors.pipeline import freeze_loaded, get_nlp, pipeline_version

from .extract import (
    DocData, PaperBuilder, PaperGroup, Prepared, Scan, content_hash, distinct_records, extract_chunk, paper_id,
    prepare, replay, text_hash,
)
from .linking import Linker
from .manifest import Manifest, manifest_path_for
from .model import PaperGraph
from .records import PaperRecord, RecordError
from .stores import EntityRecord, Store

ENGINES = ("local", "dask")


@dataclass(slots=True)
class BuildReport:
    """What a build did, for the summary and the exit code."""

    papers: int = 0  # papers written (extracted) by this build
    rejects: list[RecordError] = field(default_factory=list)
    seconds: float = 0.0
    entities: int = 0  # entity descriptions written
    ambiguous_acronyms: dict[str, set[str]] = field(default_factory=dict)
    distinct: int = 0  # distinct papers in the inputs
    unchanged: int = 0  # skipped: already in the store, unchanged
    removed: int = 0  # pruned: no longer in the inputs
    full: bool = True  # everything was (re-)extracted


def batched(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def entity_records(linker: Linker) -> list[EntityRecord]:
    """The registry as store records, in id order (deterministic)."""
    linker.link_families()
    linker.display_names()
    return [
        EntityRecord(i.id, i.type, i.name, sorted(i.aliases), i.variant_of, i.part_of, {t.value: n for t, n in i.type_votes.items()},
                     i.external_id, i.kind, i.subclass_of)
        for i in sorted(linker.registry.values(), key=lambda i: i.id)
    ]


def entity_hash(e: EntityRecord) -> str:
    payload = [e.id, e.type.value, e.name, sorted(e.aliases), e.variant_of, e.part_of, sorted(e.type_votes.items()),
               e.external_id, e.kind] + ([e.subclass_of] if e.subclass_of else [])
    return hashlib.sha1(json.dumps(payload, ensure_ascii=True).encode()).hexdigest()


# -- acronyms ------------------------------------------------------------------


def abbreviation_tuples(record: PaperRecord) -> list[tuple]:
    """Pass 1: the abbreviation definitions of a paper, exactly as the
    pipeline's abbreviation component finds them (same normalised text)."""
    from extractors.abbreviations import find_abbreviations

    return [(a.long, a.long_start, a.long_end, a.short, a.short_start, a.short_end) for a in find_abbreviations(prepare(record).text)]


def fill_acronyms(linker: Linker, papers_abbrs: Iterable[list]) -> None:
    """The corpus acronym table from every paper's definitions, independent of
    paper order: long forms are resolved against the gazetteer only (the
    table is empty while they are), then all pairs are added."""
    linker.acronyms.clear()
    linker.ambiguous.clear()
    staged: dict[tuple[str, str], None] = {}
    for abbrs in papers_abbrs:
        for a in abbrs:
            staged[(a[0], a[3])] = None
    resolved = []
    for long_form, short in staged:
        if linker._entry_for(short) is not None:
            continue
        resolved.append((name_key(short), short, linker.resolve(long_form)))
    for skey, short, eid in resolved:
        ids = linker.acronyms.setdefault(skey, set())
        ids.add(eid)
    for skey, short, _ in resolved:
        if len(linker.acronyms[skey]) > 1:
            linker.ambiguous[short] = set(linker.acronyms[skey])


# -- engines -------------------------------------------------------------------

Item = tuple[str, int, list | None]  # (normalised text, title end, abbreviations)


class Engine:
    """Ordered, bounded map of chunks of items to lists of DocData."""

    def __init__(self, fast: bool = False, workers: int = 1, engine: str = "local", scheduler: str | None = None, chunk: int = 32):
        if engine == "local" and workers <= 1:
            chunk = min(chunk, 8)  # in-process: small chunks, so progress moves per few records (same speed on the seeds)
        self.fast, self.workers, self.kind, self.scheduler, self.chunk = fast, max(1, workers), engine, scheduler, chunk
        self._pool = self._client = self._cluster = None

    def __enter__(self) -> Engine:
        if self.kind == "dask" or self.workers > 1:
            # one encoder thread per worker process (extractors.encoder._threads)
            os.environ.setdefault("MLKG_ENCODER_THREADS", "1")
        if self.kind == "dask":
            self._start_dask()
        elif self.workers > 1:
            import multiprocessing as mp

            get_nlp(self.fast)  # loaded once, shared copy-on-write by the forked workers
            freeze_loaded()
            self._pool = mp.get_context("fork").Pool(self.workers)
        return self

    def _start_dask(self) -> None:
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError as exc:
            raise RuntimeError("--engine dask needs Dask: pip install 'mlkg[dask]' (or dask[distributed])") from exc

        if self.scheduler:
            self._client = Client(self.scheduler)
            return
        # workers are spawned processes: hide an unguarded __main__ (python -m kg) from them
        main = sys.modules.get("__main__")
        saved = {k: getattr(main, k) for k in ("__spec__", "__file__") if hasattr(main, k)}
        try:
            if main is not None:
                main.__spec__ = None
                if "__file__" in saved:
                    del main.__file__
            self._cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1, processes=True, dashboard_address=None)
        finally:
            for k, v in saved.items():
                setattr(main, k, v)
        self._client = Client(self._cluster)

    def __exit__(self, *exc) -> None:
        if self._pool is not None:
            self._pool.terminate() if exc[0] else self._pool.close()
            self._pool.join()
        if self._client is not None:
            self._client.close()
        if self._cluster is not None:
            self._cluster.close()

    def _submit(self, chunk: list[Item]):
        if self._client is not None:
            return self._client.submit(extract_chunk, chunk, self.fast, pure=False)
        if self._pool is not None:
            return self._pool.apply_async(extract_chunk, (chunk, self.fast))
        return extract_chunk(chunk, self.fast)

    def _result(self, handle) -> list[DocData]:
        if self._client is not None:
            return handle.result()
        if self._pool is not None:
            return handle.get()
        return handle

    def map(self, items: Iterable[tuple[object, Item]]) -> Iterator[tuple[object, DocData]]:
        """``(context, item)`` -> ``(context, DocData)``, in order; at most a
        few chunks per worker in flight (memory stays flat)."""
        in_flight: deque = deque()
        limit = 1 if self._pool is None and self._client is None else 3 * self.workers
        for chunk in batched(items, self.chunk):
            ctx = [c for c, _ in chunk]
            in_flight.append((ctx, self._submit([i for _, i in chunk])))
            while len(in_flight) >= limit:
                ctx, h = in_flight.popleft()
                yield from zip(ctx, self._result(h))
        while in_flight:
            ctx, h = in_flight.popleft()
            yield from zip(ctx, self._result(h))


# -- the job -------------------------------------------------------------------


@dataclass(slots=True)
class _Todo:
    record: PaperRecord
    group: PaperGroup
    prep: Prepared
    chash: str


def _scan(inputs: list[str], fmt: str | None, manifest: Manifest, on_error) -> Scan:
    def on_first(rec: PaperRecord) -> None:
        manifest.see(rec.key, paper_id(rec.key), text_hash(rec), lambda: abbreviation_tuples(rec))

    scan = Scan().run(inputs, fmt, on_error, on_first)
    manifest.commit()
    return scan


def _extracted(inputs, fmt, scan, manifest, linker, engine: Engine, force: bool, stats: dict,
               progress: Callable[[int], None] | None) -> Iterator[tuple[PaperGraph, tuple]]:
    """Pass 2: extract new/changed papers in order (skipping unchanged ones)."""
    builder = PaperBuilder(linker, register_abbreviations=False)

    def todo() -> Iterator[tuple[_Todo, Item]]:
        for record, group in distinct_records(inputs, fmt, scan=scan):
            chash = content_hash(record, group)
            old, abbrs = manifest.lookup(record.key)
            if not force and old == chash:
                stats["unchanged"] += 1
                if progress:
                    progress(1)
                continue
            prep = prepare(record)
            yield _Todo(record, group, prep, chash), (prep.text, prep.title_end, abbrs, prep.formulas)

    for t, data in engine.map(todo()):
        paper = builder.build(t.record, t.group, t.prep, data)
        yield paper, (t.record.key, paper.id, t.chash, builder.observations)


def _counted(stream: Iterable, progress: Callable[[int], None] | None) -> Iterator:
    """``stream``, telling ``progress`` of each paper as it is extracted (not
    per written batch: a bar that sat at 0 until the first 256 were written
    said nothing)."""
    for item in stream:
        if progress:
            progress(1)
        yield item


def _clear_store(store: Store, manifest: Manifest) -> None:
    """Empty the store (kg rebuild)."""
    if hasattr(store, "clear"):
        store.clear()
    elif "sparql" in store.capabilities and hasattr(store, "update"):
        store.update("CLEAR ALL")
    else:
        store.remove_papers(manifest.stale() + [r[0] for r in manifest.db.execute("SELECT id FROM papers WHERE id IS NOT NULL")])


def _remove_entities(store: Store, ids: list[str]) -> None:
    """Delete entity descriptions no longer in the registry."""
    if not ids:
        return
    if hasattr(store, "remove_entities"):
        store.remove_entities(ids)
        return
    if "sparql" in store.capabilities and hasattr(store, "update"):
        from .stores import rdf

        for batch in batched(ids, 500):
            values = " ".join(str(rdf.entity_iri(i)) for i in batch)
            store.update(f"DELETE {{ GRAPH <{rdf.ENTITIES_GRAPH.value}> {{ ?s ?p ?o }} }} "
                         f"WHERE {{ VALUES ?s {{ {values} }} GRAPH <{rdf.ENTITIES_GRAPH.value}> {{ ?s ?p ?o }} }}")
        return
    store.remove_papers([])  # backends without either: at least drop orphans


def build(
    inputs: list[str],
    store: Store,
    fmt: str | None = None,
    fast: bool = False,
    workers: int = 1,
    write_batch: int = 256,
    progress: Callable[[int], None] | None = None,
    *,
    full: bool = False,
    prune: bool = False,
    engine: str = "local",
    scheduler: str | None = None,
    manifest: str | Path | None | bool = None,
    on_total: Callable[[int], None] | None = None,
) -> BuildReport:
    """Build or update the graph in ``store`` from ``inputs``.

    Incremental by default: only new or changed papers are extracted (the
    manifest beside the store says what is there); ``prune`` removes papers
    no longer in the inputs; ``full`` clears the store and starts over. A new
    :func:`~extractors.pipeline.pipeline_version` re-extracts everything.
    ``manifest``: its path (default: beside the store; ``False``: a temporary
    one, i.e. no incrementality).
    """
    report = BuildReport()
    start = time.perf_counter()
    if manifest is None:  # embedded stores: beside the store; servers: only when asked (the CLI does)
        manifest = manifest_path_for(str(store.path)) if getattr(store, "path", None) else False
    man = Manifest(None if manifest is False else manifest)
    try:
        version = pipeline_version(fast)
        if full:
            _clear_store(store, man)
            man.reset()
        elif man.get("pipeline") not in (None, version):
            man.invalidate()
        man.set("pipeline", version)
        man.set("complete", "0")
        man.commit()

        # pass 1: keys, duplicates, abbreviations -> acronym table
        scan = _scan(inputs, fmt, man, report.rejects.append)
        report.distinct = scan.count
        if on_total:
            on_total(scan.count)
        linker = Linker()
        fill_acronyms(linker, man.abbreviation_rows(retained=not prune))  # reported only (kg entities --ambiguous)
        man.save_acronym_table(linker.acronyms)
        man.commit()

        # pass 2: extract what changed, write in batches
        stats = {"unchanged": 0}
        with Engine(fast, workers, engine, scheduler) as eng:
            stream = _extracted(inputs, fmt, scan, man, linker, eng, False, stats, progress)
            for batch in batched(_counted(stream, progress), write_batch):
                report.papers += store.write_papers([p for p, _ in batch])
                man.record([row for _, row in batch])
                man.commit()
        report.unchanged = stats["unchanged"]
        scan = None  # free pass-1 state

        # prune papers no longer in the inputs
        stale = man.stale() if prune else []
        if stale:
            report.removed = store.remove_papers(stale)
            man.drop_stale()
            man.commit()

        # registry: live if every paper was extracted now, else replayed
        report.full = report.unchanged == 0 and man.paper_count() == report.papers
        if not report.full:
            if report.papers == 0 and not stale and man.get("entities_ok") == "1":
                report.ambiguous_acronyms = dict(linker.ambiguous)
                report.seconds = time.perf_counter() - start
                man.set("complete", "1")
                man.finish()
                return report
            fresh = Linker()
            fresh.acronyms, fresh.ambiguous = linker.acronyms, linker.ambiguous
            for obs in man.observation_rows():
                replay(fresh, obs)
            linker = fresh
        records = entity_records(linker)
        rewrite_all = full or bool(stale) or man.get("entities_ok") != "1"  # pruning drops orphans: rewrite all
        old_hashes = {} if rewrite_all else man.entity_hashes()
        new_hashes = {e.id: entity_hash(e) for e in records}
        to_write = [e for e in records if old_hashes.get(e.id) != new_hashes[e.id]]
        gone = sorted(set(man.entity_hashes()) - set(new_hashes))
        man.set("entities_ok", "0")
        man.commit()
        _remove_entities(store, gone)
        for batch in batched(to_write, 5000):
            report.entities += store.write_entities(batch)
        man.save_entity_hashes({e.id: new_hashes[e.id] for e in to_write}, gone)
        man.set("entities_ok", "1")
        man.set("complete", "1")
        man.finish()
        report.ambiguous_acronyms = dict(linker.ambiguous)
    finally:
        man.close()
    report.seconds = time.perf_counter() - start
    return report


def papers_from_inputs(
    inputs: list[str],
    fmt: str | None = None,
    fast: bool = False,
    linker: Linker | None = None,
    on_error: Callable[[RecordError], None] | None = None,
    workers: int = 1,
    batch_size: int = 64,
    engine: str = "local",
    scheduler: str | None = None,
    on_total: Callable[[int], None] | None = None,
) -> Iterator[PaperGraph]:
    """Distinct, extracted and linked papers from the inputs, in input order
    (the same two passes as :func:`build`, with a temporary manifest)."""
    linker = linker or Linker()
    man = Manifest(None)
    try:
        scan = _scan(inputs, fmt, man, on_error)
        if on_total:
            on_total(scan.count)
        fill_acronyms(linker, man.abbreviation_rows(retained=False))
        with Engine(fast, workers, engine, scheduler, chunk=max(1, min(batch_size, 32))) as eng:
            for paper, _ in _extracted(inputs, fmt, scan, man, linker, eng, True, {"unchanged": 0}, None):
                yield paper
    finally:
        man.close()
