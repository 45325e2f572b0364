"""The one typed interchange model between extraction and storage.

Extraction fills a :class:`PaperGraph` per distinct paper; every store backend
and every export reads only these classes. ``to_dict`` gives the documented
``kg extract`` JSON contract (README, "Output contract").
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ontology import EntityType, RelationType

from .records import SourceRef


@dataclass(slots=True)
class Span:
    """Character span into the raw ``title`` or ``abstract`` string."""

    field: str  # "title" | "abstract"
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "field": self.field, "start": self.start, "end": self.end}


@dataclass(slots=True)
class Entity:
    """A canonical entity as it appears in one paper."""

    id: str
    type: EntityType
    name: str
    proposed: bool = False
    mentions: list[Span] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    variant_of: str | None = None  # canonical id of the family
    part_of: str | None = None  # canonical id of the benchmark suite
    kind: str | None = None  # why it is a node: gazetteer | defined | name | term (kg/nodes.py)
    external_id: str | None = None  # Papers with Code URL
    subclass_of: str | None = None  # canonical id of a metric's family (top-1 accuracy -> accuracy)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type.value,
            "name": self.name,
            "proposed": self.proposed,
            "aliases": sorted(self.aliases),
            "variant_of": self.variant_of,
            "part_of": self.part_of,
            "subclass_of": self.subclass_of,
            "kind": "specific",  # every entity is a node; generic descriptions are PaperGraph.concepts
            "evidence": self.kind,  # why it is a node (kg/nodes.py)
            "external_id": self.external_id,
            "mentions": [m.to_dict() for m in self.mentions],
        }


@dataclass(slots=True)
class Relation:
    """A typed edge with its evidence. ``source``/``target`` are entity ids,
    or the paper id for paper-level relations (PROPOSES, USES, ...).

    ``source_mention``/``target_mention``: the mentions the statement joins,
    in the same field as the evidence (None for the paper end), so that a
    tool outside the project can score an edge by its spans."""

    type: RelationType
    source: str
    target: str
    evidence: Span
    extractor: str
    confidence: float
    source_mention: Span | None = None
    target_mention: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        def mention(m: Span | None) -> dict[str, Any] | None:
            return None if m is None else {"field": m.field, "start": m.start, "end": m.end, "text": m.text}

        return {
            "type": self.type.value,
            "source": self.source,
            "target": self.target,
            "evidence": self.evidence.to_dict(),
            "source_mention": mention(self.source_mention),
            "target_mention": mention(self.target_mention),
            "extractor": self.extractor,
            "confidence": round(self.confidence, 3),
        }


@dataclass(slots=True)
class Result:
    """A quantitative claim: a normalised value with unit and what it measures."""

    value: float
    unit: str
    kind: str
    span: Span
    metric: str | None = None  # entity ids, when stated in the same sentence
    dataset: str | None = None
    method: str | None = None
    qualifier: str | None = None  # "up to", "<", "+", "range-low", ...
    # kind: absolute | delta | ratio | cost | setting | baseline | count (only absolute ranks)
    measure: str | None = None  # what the value measures by its words: accuracy, perplexity, latency ...
    direction: str | None = None  # of its metric: "higher" | "lower" (is better)
    scale: str | None = None  # "percent" | "0-1" | "points"
    own: bool = False  # the paper's own result
    over: str | None = None  # entity id a delta is over
    subset: str | None = None  # of the dataset, where stated: "English-to-German", "test-dev"

    def __post_init__(self) -> None:
        if self.scale is None:  # (a result made without the pipeline's scale)
            self.scale = "percent" if self.unit == "%" else "points"

    def to_dict(self) -> dict[str, Any]:
        return {
            "value": self.value,
            "unit": self.unit,
            "kind": self.kind,
            "text": self.span.text,
            "field": self.span.field,
            "start": self.span.start,
            "end": self.span.end,
            "qualifier": self.qualifier,
            "metric": self.metric,
            "dataset": self.dataset,
            "method": self.method,
            "measure": self.measure,
            "direction": self.direction,
            "scale": self.scale,
            "own": self.own,
            "over": self.over,
            "subset": self.subset,
        }


@dataclass(slots=True)
class PaperGraph:
    """Everything extracted from one distinct paper."""

    id: str
    key: str
    title: str
    abstract: str
    date: str | None
    sources: list[SourceRef]
    meta: dict[str, Any] = field(default_factory=dict)
    entities: list[Entity] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    results: list[Result] = field(default_factory=list)
    #: generic descriptions and fragments: mentions on the paper, no nodes (kg/nodes.py)
    concepts: list[dict[str, Any]] = field(default_factory=list)

    @property
    def source_id(self) -> str | None:
        """The user's own id of the paper: that of its first sighting that has
        one (every sighting's id is in ``sources``)."""
        return next((s.id for s in self.sources if s.id), None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source_id": self.source_id,
            "title": self.title,
            "abstract": self.abstract,
            "date": self.date,
            "meta": self.meta,
            "sources": [s.to_dict() for s in self.sources],
            "entities": [e.to_dict() for e in self.entities],
            "relations": [r.to_dict() for r in self.relations],
            "results": [r.to_dict() for r in self.results],
            "concepts": self.concepts,
        }
