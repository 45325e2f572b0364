"""Pass 1 of extraction: which records are the same paper.

Split out of :mod:`kg.extract` because a paper's identity is settled before
any text is read, and apart from the pipeline: records are grouped by paper
key in a cheap first pass over the inputs (ids and source references only,
state flat in the corpus size), so a paper seen in several inputs is
extracted once and carries all its sources; the hashes say when a paper's
text or its whole record changed, so an incremental build can skip it.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from .records import PaperRecord, RecordError, SourceRef
from .sources import read_records


def paper_id(key: str) -> str:
    """Stable paper id: ``arxiv-<id>`` when known, else a hash of the key."""
    if key.startswith("arxiv:"):
        return "arxiv-" + key[6:].replace("/", "_")
    return "p-" + hashlib.sha1(key.encode()).hexdigest()[:16]


@dataclass(slots=True)
class PaperGroup:
    """All sightings of one paper: the first record plus every source."""

    sources: list[SourceRef] = field(default_factory=list)
    meta: dict = field(default_factory=dict)
    date: str | None = None


@dataclass(slots=True)
class _Extra:
    """Later sightings of a paper seen more than once (pass 1 keeps only these)."""

    sources: list[SourceRef] = field(default_factory=list)
    meta: dict = field(default_factory=dict)
    date: str | None = None


class Scan:
    """Pass 1 over the inputs: compact state, flat in the corpus size.

    Only the set of keys and, for the (few) papers seen more than once, the
    sources and metadata of their *later* sightings are kept; the first
    sighting is re-read in pass 2. ``on_first(record)`` is called once per
    distinct paper, in input order (the build records its manifest row there).
    """

    def __init__(self) -> None:
        self.seen: set[str] = set()
        self.extra: dict[str, _Extra] = {}
        self.count = 0

    def run(self, inputs: Iterable[str], fmt: str | None, on_error: Callable[[RecordError], None] | None,
            on_first: Callable[[PaperRecord], None] | None = None) -> Scan:
        for rec in read_records(inputs, fmt, on_error=on_error):
            key = rec.key
            if key not in self.seen:
                self.seen.add(key)
                self.count += 1
                if on_first is not None:
                    on_first(rec)
                continue
            x = self.extra.get(key)
            if x is None:
                x = self.extra[key] = _Extra()
            x.sources.append(rec.source)
            for k, v in rec.meta.items():
                x.meta.setdefault(k, v)
            x.date = x.date or rec.date
        return self

    def group(self, rec: PaperRecord) -> PaperGroup:
        """The merged group of a paper from its first record (pass 2)."""
        g = PaperGroup([rec.source], dict(rec.meta), rec.date)
        x = self.extra.get(rec.key)
        if x is not None:
            g.sources.extend(x.sources)
            for k, v in x.meta.items():
                g.meta.setdefault(k, v)
            g.date = g.date or x.date
        return g


def group_sources(inputs: Iterable[str], fmt: str | None, on_error: Callable[[RecordError], None] | None) -> Scan:
    """Pass 1: paper keys and the extra sightings of duplicated papers (no abstracts kept)."""
    return Scan().run(inputs, fmt, on_error)


def distinct_records(inputs: list[str], fmt: str | None = None, on_error: Callable[[RecordError], None] | None = None,
                     scan: Scan | None = None) -> Iterator[tuple[PaperRecord, PaperGroup]]:
    """Each distinct paper once, in input order, with all its sources.

    ``scan`` is a finished pass 1 (else one is run here)."""
    scan = scan or group_sources(inputs, fmt, on_error)
    seen: set[str] = set()
    for rec in read_records(inputs, fmt, on_error=lambda e: None):
        key = rec.key
        if key in seen or key not in scan.seen:
            continue
        seen.add(key)
        yield rec, scan.group(rec)
    seen.clear()


def text_hash(record: PaperRecord) -> str:
    """Hash of what the pipeline reads (title and abstract)."""
    return hashlib.sha1((record.title + "\x00" + record.abstract).encode("utf-8", "surrogatepass")).hexdigest()


def content_hash(record: PaperRecord, group: PaperGroup) -> str:
    """Hash of everything a paper's graph is made of: text, metadata, date, sources."""
    payload = json.dumps([record.title, record.abstract, group.date, group.meta, [(s.file, s.line) if s.id is None else (s.file, s.line, s.id) for s in group.sources]],
                         sort_keys=True, default=str, ensure_ascii=True)
    return hashlib.sha1(payload.encode()).hexdigest()
