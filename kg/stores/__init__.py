"""Store backends, resolved by name or URL and imported lazily.

``open_store("kg-store")`` opens the embedded Oxigraph store in that
directory; ``bolt://``, ``neo4j://`` and ``neo4j+s://`` URLs open the Neo4j
driver backend (only then is the driver imported).
"""
from __future__ import annotations

import importlib
import os
from pathlib import Path

from .base import CYPHER, NAMED_GRAPHS, SPARQL, TRANSACTIONS, EntityRecord, QueryResult, Store, StoreError

DEFAULT_STORE = "kg-store"
_BACKENDS = {
    "oxigraph": ("kg.stores.oxigraph", "OxigraphStore"),
    "neo4j": ("kg.stores.neo4j", "Neo4jStore"),
}
_URL_SCHEMES = {"bolt": "neo4j", "bolt+s": "neo4j", "neo4j": "neo4j", "neo4j+s": "neo4j", "neo4j+ssc": "neo4j", "bolt+ssc": "neo4j"}


def default_location() -> str:
    """``$KG_STORE`` or ``./kg-store``."""
    return os.environ.get("KG_STORE") or DEFAULT_STORE


def backend_for(location: str) -> str:
    """Backend name for a store location (URL scheme, else ``oxigraph``)."""
    scheme = location.split("://", 1)[0] if "://" in location else ""
    if scheme and scheme not in _URL_SCHEMES:
        raise StoreError(f"unknown store URL scheme {scheme!r} in {location!r}")
    return _URL_SCHEMES.get(scheme, "oxigraph")


def open_store(location: str | None = None, **options) -> Store:
    """Open the store at ``location`` with the backend its form implies."""
    location = location or default_location()
    module_name, cls_name = _BACKENDS[backend_for(location)]
    cls = getattr(importlib.import_module(module_name), cls_name)
    if "://" not in location:
        location = str(Path(location))
    return cls(location, **options)


__all__ = [
    "CYPHER", "NAMED_GRAPHS", "SPARQL", "TRANSACTIONS", "DEFAULT_STORE",
    "EntityRecord", "QueryResult", "Store", "StoreError", "backend_for", "default_location", "open_store",
]
