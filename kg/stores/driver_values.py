"""Values the neo4j driver returns, as plain Python (dicts, lists, ISO strings).

Kept apart from :mod:`kg.stores.neo4j` so the store module holds the store
alone; ``kg query`` prints these values as table, JSON or CSV, which need
plain types.
"""
from __future__ import annotations

import datetime as _dt
from typing import Any


def to_plain(value: Any) -> Any:
    """Driver values as plain Python: nodes and relationships become dicts."""
    from neo4j.graph import Node, Path as GPath, Relationship

    if isinstance(value, Node):
        out = dict(value.items())
        out["_labels"] = sorted(value.labels)
        return out
    if isinstance(value, Relationship):
        out = dict(value.items())
        out["_type"] = value.type
        if value.start_node is not None:
            out["_start"] = value.start_node.get("id")
        if value.end_node is not None:
            out["_end"] = value.end_node.get("id")
        return out
    if isinstance(value, GPath):
        return {"nodes": [to_plain(n) for n in value.nodes], "relationships": [to_plain(r) for r in value.relationships]}
    if isinstance(value, list | tuple):
        return [to_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: to_plain(v) for k, v in value.items()}
    if hasattr(value, "iso_format"):  # neo4j.time types
        return value.iso_format()
    if isinstance(value, _dt.date | _dt.datetime | _dt.time):
        return value.isoformat()
    return value
