"""The store interface every backend implements, and its small value types.

Backends differ in query language (SPARQL, Cypher) and features, announced
as capability flags, not by type checks; the build code only calls the
methods below with interchange-model objects.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from ontology import EntityType

from ..model import PaperGraph

#: Capability flags a backend may announce in ``Store.capabilities``.
SPARQL = "sparql"
CYPHER = "cypher"
NAMED_GRAPHS = "named-graphs"
TRANSACTIONS = "transactions"


@dataclass(slots=True)
class EntityRecord:
    """The corpus-level description of a canonical entity."""

    id: str
    type: EntityType
    name: str
    aliases: list[str] = field(default_factory=list)
    variant_of: str | None = None
    part_of: str | None = None
    type_votes: dict[str, int] = field(default_factory=dict)  # mention types seen
    external_id: str | None = None  # Papers with Code URL (owl:sameAs)
    kind: str | None = None  # why it is a node (kg/nodes.py)
    subclass_of: str | None = None  # a metric's family (SUBCLASS_OF, ontology.metrics.FAMILY)


@dataclass(slots=True)
class QueryResult:
    """Tabular query answer: column names and rows of plain Python values."""

    columns: list[str]
    rows: list[list[Any]]


class StoreError(RuntimeError):
    """A store could not be opened or written (message says which and why)."""


@runtime_checkable
class Store(Protocol):
    """A graph store backend."""

    name: str
    capabilities: frozenset[str]
    query_language: str

    def write_papers(self, papers: Iterable[PaperGraph]) -> int:
        """Add (or replace) papers with their relations and results; returns count."""

    def write_entities(self, entities: Iterable[EntityRecord]) -> int:
        """Add or replace canonical entity descriptions; returns count."""

    def remove_papers(self, paper_ids: Iterable[str]) -> int:
        """Delete papers' contributions and the entities only they supported."""

    def query(self, text: str, params: Mapping[str, Any] | None = None) -> QueryResult:
        """Run a query in ``query_language`` with bound parameters."""

    def counts(self) -> dict[str, dict[str, int]]:
        """``{"nodes": {label: n}, "relationships": {TYPE: n}}``."""

    def close(self) -> None:
        """Release files, locks and connections."""
