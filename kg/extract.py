"""From paper records to linked :class:`~kg.model.PaperGraph` s.

Records are grouped by paper identity in a first, cheap pass (ids and source
references only), so that a paper seen in several inputs is extracted once
and carries all its sources; the second pass streams the distinct papers
through the spaCy pipeline and the linker.
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

from extractors.normalize import OffsetMap, normalize
from extractors.relations import PAPER
from ontology import EntityType, RelationType

from .linking import Linker
from .model import Entity, PaperGraph, Relation, Result, Span
from .records import PaperRecord, RecordError, SourceRef
from .sources import read_records

SEP = "\n\n"


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


def group_sources(inputs: Iterable[str], fmt: str | None, on_error: Callable[[RecordError], None] | None) -> dict[str, PaperGroup]:
    """Pass 1: paper key -> sources and merged metadata (no abstracts kept)."""
    groups: dict[str, PaperGroup] = {}
    for rec in read_records(inputs, fmt, on_error=on_error):
        g = groups.setdefault(rec.key, PaperGroup())
        g.sources.append(rec.source)
        for k, v in rec.meta.items():
            g.meta.setdefault(k, v)
        g.date = g.date or rec.date
    return groups


def distinct_records(inputs: list[str], fmt: str | None = None, on_error: Callable[[RecordError], None] | None = None) -> Iterator[tuple[PaperRecord, PaperGroup]]:
    """Each distinct paper once, in input order, with all its sources."""
    groups = group_sources(inputs, fmt, on_error)
    seen: set[str] = set()
    for rec in read_records(inputs, fmt, on_error=lambda e: None):
        key = rec.key
        if key in seen or key not in groups:
            continue
        seen.add(key)
        yield rec, groups[key]


@dataclass(slots=True)
class Prepared:
    """Normalised text for the pipeline and the maps back to raw fields."""

    text: str
    title_end: int
    abstract_start: int
    title_map: OffsetMap
    abstract_map: OffsetMap

    def to_raw(self, start: int, end: int) -> tuple[str, int, int]:
        """(field, raw start, raw end) of a span of the combined text."""
        if start < self.title_end:
            a, b = self.title_map.to_raw(start, min(end, self.title_end))
            return "title", a, b
        a, b = self.abstract_map.to_raw(start - self.abstract_start, end - self.abstract_start)
        return "abstract", a, b


def prepare(record: PaperRecord) -> Prepared:
    """Title and abstract normalised and joined by a blank line."""
    title, tmap = normalize(record.title)
    abstract, amap = normalize(record.abstract)
    return Prepared(title + SEP + abstract, len(title), len(title) + len(SEP), tmap, amap)


def make_doc(nlp: Language, prep: Prepared) -> Doc:
    doc = nlp.make_doc(prep.text)
    doc.user_data["title_end"] = prep.title_end
    doc.user_data["mlkg_text"] = prep.text  # see extractors.doctext
    return doc


class PaperBuilder:
    """Turns a processed Doc into a linked PaperGraph."""

    def __init__(self, linker: Linker):
        self.linker = linker

    def _span(self, record: PaperRecord, prep: Prepared, start: int, end: int) -> Span:
        fld, a, b = prep.to_raw(start, end)
        raw = record.title if fld == "title" else record.abstract
        return Span(fld, a, b, raw[a:b])

    def build(self, record: PaperRecord, group: PaperGroup, prep: Prepared, doc: Doc) -> PaperGraph:
        linker = self.linker
        pid = paper_id(record.key)
        local_abbr: dict[str, str] = {}
        from extractors.keys import name_key

        for abbr in doc._.abbreviations:
            linker.register_abbreviation(abbr.long, abbr.short)
            local_abbr[name_key(abbr.short)] = abbr.long
        entities: dict[str, Entity] = {}
        span_ids: dict[tuple[int, int], str] = {}
        for ent in doc.ents:
            eid = linker.resolve(ent.text, ent.kb_id_, local_abbr)
            label = EntityType(ent.label_)
            name_hint = local_abbr.get(name_key(ent.text)) if ent.id_ == "abbreviation" else None
            info = linker.observe(eid, ent.text, label, None if name_hint is None else ent.text)
            span_ids[(ent.start_char, ent.end_char)] = eid
            e = entities.get(eid)
            if e is None:
                e = entities[eid] = Entity(eid, info.type, info.name, variant_of=info.variant_of, part_of=info.part_of)
            e.mentions.append(self._span(record, prep, ent.start_char, ent.end_char))
            if ent.text != info.name:
                e.aliases.append(ent.text) if ent.text not in e.aliases else None
        for eid in entities:
            linker.registry[eid].papers += 1

        def ent_at(span: tuple[int, int]) -> str | None:
            if span in span_ids:
                return span_ids[span]
            for (a, b), eid in span_ids.items():
                if a < span[1] and span[0] < b:
                    return eid
            return None

        relations: dict[tuple, Relation] = {}
        for rel in doc._.relations:
            src = pid if rel.source == PAPER else ent_at(rel.source)
            tgt = ent_at(rel.target) if isinstance(rel.target, tuple) else pid
            if src is None or tgt is None or src == tgt:
                continue
            if rel.type is RelationType.PROPOSES:
                entities[tgt].proposed = True
            key = (rel.type, src, tgt)
            old = relations.get(key)
            if old is None or rel.confidence > old.confidence:
                ev = self._span(record, prep, *rel.evidence)
                relations[key] = Relation(rel.type, src, tgt, ev, rel.extractor, rel.confidence)
        # a proposed entity is not also "used"
        proposed = {e.id for e in entities.values() if e.proposed}
        rels = [r for r in relations.values() if not (r.type is RelationType.USES and r.target in proposed)]
        results = []
        for lr in doc._.results:
            q = lr.quantity
            results.append(
                Result(
                    q.value, q.unit, q.kind, self._span(record, prep, q.start, q.end),
                    metric=ent_at(lr.metric) if lr.metric else None,
                    dataset=ent_at(lr.dataset) if lr.dataset else None,
                    method=ent_at(lr.method) if lr.method else None,
                    qualifier=q.qualifier,
                )
            )
        for e in entities.values():
            e.type = linker.registry[e.id].type
        return PaperGraph(
            id=pid, key=record.key, title=record.title, abstract=record.abstract,
            date=group.date or record.date, sources=group.sources, meta=dict(group.meta),
            entities=list(entities.values()), relations=rels, results=results,
        )


def extract(
    pairs: Iterable[tuple[PaperRecord, PaperGroup]],
    nlp: Language,
    linker: Linker,
    batch_size: int = 64,
    n_process: int = 1,
) -> Iterator[PaperGraph]:
    """Run the pipeline over distinct papers, in order, yielding PaperGraphs."""
    builder = PaperBuilder(linker)

    def docs_with_context() -> Iterator[tuple[Doc, tuple[PaperRecord, PaperGroup, Prepared]]]:
        for record, group in pairs:
            prep = prepare(record)
            yield make_doc(nlp, prep), (record, group, prep)

    for doc, (record, group, prep) in nlp.pipe(docs_with_context(), as_tuples=True, batch_size=batch_size, n_process=n_process):
        yield builder.build(record, group, prep, doc)
