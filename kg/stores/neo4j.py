"""Neo4j (or any Bolt server, e.g. FalkorDB) store backend through the official driver.

``open_store("bolt://host:7687")`` lands here. Credentials never come from the
command line: ``user``/``password`` arguments (library use), else the
``NEO4J_USER`` / ``NEO4J_PASSWORD`` environment variables, else the
``[neo4j]`` table of ``$KG_CONFIG`` or ``~/.config/mlkg/neo4j.toml``; the
defaults are ``neo4j`` and an empty password. They are never printed nor put
in exception messages.

Writes are batched ``UNWIND`` statements (see :mod:`kg.stores.cypher`), one
managed write transaction per batch of papers, so on Neo4j a batch is
all-or-nothing and transient errors are retried by the driver. (FalkorDB 4.16
commits each statement and does not roll back; ``kg build`` records a batch in
its manifest only after it is written, so the next build rewrites a partial
one.) Entities are MERGEd; re-writing a paper first removes its previous
contribution (as the RDF store drops the paper's named graph), then CREATEs
it, so a rewrite of the same papers is idempotent.

The server is detected once (``CALL dbms.components()`` fails on FalkorDB);
for FalkorDB, string parameters are escaped (its Bolt endpoint splices them
into the query text) and indexes replace Neo4j's unique constraints.

Where the credentials come from is :mod:`kg.stores.credentials`; the rows a
batch of papers becomes, :mod:`kg.stores.graph_rows`.
"""
from __future__ import annotations

import json
import os
import socket
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from typing import Any
from urllib.parse import urlsplit

from ontology import NodeLabel, RelationType

from ..model import PaperGraph
from . import cypher
from .base import CYPHER, TRANSACTIONS, EntityRecord, QueryResult, StoreError
from .chunking import FALKORDB_MAX_TEXT, _size_chunks, tabulate_edges
from .loading import bulk_load, quiet

# Credentials (kg/stores/credentials.py) and the statement rows (kg/stores/graph_rows.py) moved out;
# their names stay importable from here.
from .credentials import CONFIG_PATH, _safe_url, load_credentials  # noqa: F401
from .driver_values import to_plain  # noqa: F401  (moved out; importable from here)
from .graph_rows import _META_KEYS, _TYPE_NAMES, _entity_refs, grouped_rows, paper_props, paper_rows  # noqa: F401


#: Rows (a paper, a relationship, a result's two) per write transaction
#: when neither ``batch_size`` nor ``NEO4J_BATCH_SIZE`` says. Each batch's
#: statements end in partly filled chunks on FalkorDB (one per edge type),
#: so small batches send more statements: bench/bench_bolt.py's 200k graph
#: takes 3,729 statements at 1,000 rows, 2,861 at 2,000, 2,643 at 5,000 and
#: 2,520 at 10,000. A 5,000-row transaction is small for Neo4j too.
DEFAULT_BATCH_SIZE = 5000

#: Batch transactions in flight when neither ``writers`` nor ``NEO4J_WRITERS``
#: says. With 2, one batch is planned and sent while the server runs the
#: other. bench/bench_bolt.py, 200k relationships on this 2-core machine,
#: medians of 3 interleaved loads at batch 5000: 1 writer 19.8k rel/s,
#: 2 writers 22.6k (2026-12-03; at batches 1000-10000, 2 writers 20.8k-28.5k).
#: Three writers crashed or hung FalkorDB 4.16 (README); two never did.
DEFAULT_WRITERS = 2


class Neo4jStore:
    """Store backend over Bolt (Neo4j 5; FalkorDB for tests and benchmarks)."""

    name = "neo4j"
    capabilities = frozenset({CYPHER, TRANSACTIONS})
    query_language = "cypher"

    def __init__(
        self,
        url: str,
        database: str | None = None,
        batch_size: int | None = None,
        user: str | None = None,
        password: str | None = None,
        read_only: bool = False,
        connection_timeout: float = 30.0,
        writers: int | None = None,
    ):
        try:
            from neo4j import GraphDatabase
        except ImportError as exc:  # pragma: no cover
            raise StoreError("the neo4j driver is not installed (pip install neo4j)") from exc
        self.url = url
        self.database = database
        self.batch_size = max(1, int(batch_size or os.environ.get("NEO4J_BATCH_SIZE") or DEFAULT_BATCH_SIZE))
        self.writers = max(1, int(writers or os.environ.get("NEO4J_WRITERS") or DEFAULT_WRITERS))
        self.read_only = read_only
        self._safe_url = _safe_url(url)
        user, secret = load_credentials(user, password)
        try:
            self._driver = GraphDatabase.driver(
                url, auth=(user, secret),
                connection_timeout=connection_timeout, connection_acquisition_timeout=connection_timeout,
                max_transaction_retry_time=max(connection_timeout, 15.0),
            )
        except Exception as exc:  # noqa: BLE001 - bad URL, config...
            raise StoreError(f"cannot open Bolt store {self._safe_url}: {type(exc).__name__}") from None
        del secret
        self.server = self._detect_server()

    # -- plumbing ---------------------------------------------------------
    def _error(self, action: str, exc: BaseException) -> StoreError:
        from neo4j.exceptions import AuthError, ServiceUnavailable

        if isinstance(exc, AuthError):
            return StoreError(f"{action} on {self._safe_url}: authentication failed (check NEO4J_USER/NEO4J_PASSWORD)")
        if isinstance(exc, ServiceUnavailable):
            return StoreError(f"{action} on {self._safe_url}: server unavailable")
        msg = getattr(exc, "message", None) or str(exc)
        return StoreError(f"{action} on {self._safe_url}: {type(exc).__name__}: {msg}")

    def _session(self, write: bool = True):
        from neo4j import READ_ACCESS, WRITE_ACCESS

        return self._driver.session(database=self.database, default_access_mode=WRITE_ACCESS if write else READ_ACCESS)

    def _params(self, params: Mapping[str, Any] | None) -> dict[str, Any]:
        params = dict(params or {})
        if self.server == "falkordb":
            for key in params:
                if not cypher.is_identifier(key):
                    raise StoreError(f"parameter name {key!r} is not an identifier")
            return cypher.falkordb_escape(params)
        return params

    def _run(self, tx, text: str, **params) -> list:
        out: list = []
        for stmt, args in self._statements(text, **params):
            out.extend(tx.run(stmt, args))
        return out

    def _statements(self, text: str, **params) -> Iterator[tuple[str, dict[str, Any]]]:
        """``(text, parameters)`` to send for one logical statement: itself on
        Neo4j; on FalkorDB, escaped and with its list parameter cut to size."""
        if self.server != "falkordb":
            yield text, quiet(params)
            return
        # FalkorDB 4.16 splices parameters into the query text and its Bolt
        # endpoint crashes (SIGSEGV) past ~4 KB of it: split list parameters.
        key = "rows" if "rows" in params else "ids" if "ids" in params else None
        if key is None:
            yield text, quiet(self._params(params))
            return
        rest = self._params({k: v for k, v in params.items() if k != key})
        # the chunks come escaped already (only the rows that need it)
        budget = FALKORDB_MAX_TEXT - len(text.encode()) - len(json.dumps(rest, ensure_ascii=False).encode())
        for chunk in _size_chunks(params[key], budget):
            yield text, quiet({**rest, key: chunk})

    def _write(self, work) -> Any:
        if self.read_only:
            raise StoreError(f"store {self._safe_url} is open read-only")
        try:
            with self._session(True) as session:
                return session.execute_write(work)
        except StoreError:
            raise
        except Exception as exc:  # noqa: BLE001
            raise self._error("write failed", exc) from None

    def _read(self, text: str, params: Mapping[str, Any] | None = None) -> tuple[list[str], list[list[Any]]]:
        p = self._params(params)

        def work(tx):
            res = tx.run(text, p)
            rows = [list(r.values()) for r in res]
            return list(res.keys()), rows

        try:
            with self._session(False) as session:
                return session.execute_read(work)
        except StoreError:
            raise
        except Exception as exc:  # noqa: BLE001
            raise self._error("query failed", exc) from None

    def _detect_server(self) -> str:
        try:
            # auto-commit, not execute_read: a managed transaction retries an
            # unreachable server for max_transaction_retry_time (30 s) first
            with self._session(False) as session:
                session.run(cypher.DETECT_SERVER).consume()
            return "neo4j"
        except Exception as exc:  # noqa: BLE001
            from neo4j.exceptions import AuthError, ServiceUnavailable

            if isinstance(exc, AuthError | ServiceUnavailable):
                raise self._error("cannot connect", exc) from None
            return "falkordb"

    # -- schema -----------------------------------------------------------
    def schema_statements(self) -> list[str]:
        if self.server == "neo4j":
            return cypher.schema_neo4j()
        existing = set()
        cols, rows = self._read(cypher.LIST_INDEXES_FALKORDB)
        for row in rows:
            rec = dict(zip(cols, row, strict=False))
            for prop in rec.get("properties") or []:
                existing.add((rec.get("label"), prop))
        return cypher.schema_falkordb(existing)

    def init_db(self) -> list[str]:
        """Create constraints/indexes (idempotent); returns the statements run."""
        stmts = self.schema_statements()
        for stmt in stmts:
            try:
                with self._session(True) as session:
                    session.run(stmt).consume()
            except Exception as exc:  # noqa: BLE001
                raise self._error("schema statement failed", exc) from None
        return stmts

    # -- writes -----------------------------------------------------------
    def _paper_batches(self, papers: Iterable[PaperGraph]) -> Iterator[list[PaperGraph]]:
        batch: dict[str, PaperGraph] = {}
        rows = 0
        for paper in papers:
            batch.pop(paper.id, None)  # the same paper twice: the last one wins
            batch[paper.id] = paper
            rows += 1 + len(paper.relations) + 2 * len(paper.results)
            if rows >= self.batch_size:
                yield list(batch.values())
                batch, rows = {}, 0
        if batch:
            yield list(batch.values())

    def _plan_batch(self, papers: list[PaperGraph], known: set[str] = frozenset()) -> tuple[list, list, list]:
        """A batch's statements, ready to send: ``(lookup, deletes, writes)``.

        Pure client work (rows, string tables, FalkorDB chunks), so the next
        batch can be planned while the server runs this one. ``known``: entity
        ids MERGEd by earlier batches of the same :meth:`write_papers` call.
        """
        data = grouped_rows(papers)
        for (t, s_kind, _), rows in data["relationships"].items():
            # checked before any write: FalkorDB commits each statement (no rollback)
            if s_kind == cypher.ENTITY and t not in cypher.ENTITY_EDGE_TYPES:
                # a rewrite could not find it again (only these types are indexed by paper)
                raise StoreError(f"paper {rows[0][0]!r}: a {t} edge from entity {rows[0][1]!r}; "
                                 f"the ontology allows only {', '.join(cypher.ENTITY_EDGE_TYPES)} between entities")
        ids = [p.id for p in papers]
        lookup = list(self._statements(cypher.existing_papers(), ids=ids))
        # the deletes' ids are only known once ``lookup`` ran: text now, ids later
        deletes = cypher.delete_paper_contribution()
        writes = list(self._statements(cypher.create_papers(), rows=data["papers"]))
        stubs = [ref for ref in data["stubs"] if ref not in known]
        if stubs:
            writes += self._statements(cypher.merge_entity_stubs(), ids=stubs)
        if data["results"]:
            writes += self._statements(cypher.create_results(), rows=data["results"])
        # every edge of these papers is deleted first: CREATE, not MERGE
        for (t, s_kind, t_kind), rows in sorted(data["relationships"].items()):
            text = cypher.create_relationships(t, s_kind, t_kind)
            budget = None
            if self.server == "falkordb":  # "CYPHER rows=... strs=... spans=..." + the text
                budget = FALKORDB_MAX_TEXT - len(text.encode()) - 40
            writes += ((text, quiet({"rows": chunk, "strs": strings, "spans": spans}))
                       for chunk, strings, spans in tabulate_edges(rows, budget, s_kind == cypher.PAPER))
        return lookup, deletes, writes

    def _execute(self, tx, plan: tuple[list, list, list]) -> None:
        """One planned batch in one transaction (re-runnable: the driver retries)."""
        lookup, deletes, writes = plan
        existing = [r["id"] for text, args in lookup for r in tx.run(text, args)]
        if existing:
            for stmt in deletes:
                self._run(tx, stmt, ids=existing)
        for text, args in writes:
            tx.run(text, args).consume()

    def _write_batch(self, tx, papers: list[PaperGraph], known: set[str] = frozenset()) -> None:
        """One batch, planned and written in one transaction."""
        self._execute(tx, self._plan_batch(papers, known))

    def write_papers(self, papers: Iterable[PaperGraph]) -> int:
        """Write papers in batches, each in its own transaction.

        With ``writers`` > 1 (``NEO4J_WRITERS``), that many batches are in
        flight at once, each on its own session, so building one batch's rows
        overlaps with the server executing another's. Batches in flight never
        share a paper id; shared entity stubs are MERGEd (Neo4j's unique
        constraint serialises them; a deadlock is a transient error the driver
        retries).
        """
        # entity ids MERGEd by this call are added to ``known`` once their
        # batch is committed; nothing deletes entities while the call runs.
        # :func:`~kg.stores.loading.bulk_load`: the planning and the writing
        # thread hand the GIL over quickly, collections skip the papers.
        with bulk_load():
            if self.writers <= 1:
                return self._write_planned_ahead(papers)
            return self._write_concurrently(papers)

    def _write_concurrently(self, papers: Iterable[PaperGraph]) -> int:
        """``writers`` batches in flight, each planned and written on its own session."""
        from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait

        known: set[str] = set()

        def write(batch: list[PaperGraph]) -> list[PaperGraph]:
            self._write(lambda tx: self._write_batch(tx, batch, frozenset(known)))
            return batch

        def done(batch: list[PaperGraph]) -> int:
            known.update(ref for p in batch for ref in _entity_refs(p))
            return len(batch)

        n = 0
        flying: dict = {}  # future -> paper ids of its batch
        with ThreadPoolExecutor(self.writers, thread_name_prefix="kg-bolt") as pool:
            try:
                for batch in self._paper_batches(papers):
                    ids = {p.id for p in batch}
                    while flying and (len(flying) >= self.writers or any(ids & f for f in flying.values())):
                        finished, _ = wait(flying, return_when=FIRST_COMPLETED)
                        for fut in finished:
                            del flying[fut]
                            n += done(fut.result())
                    flying[pool.submit(write, batch)] = ids
                for fut in list(flying):
                    del flying[fut]
                    n += done(fut.result())
            finally:
                for fut in flying:
                    fut.cancel()
        return n

    def _write_planned_ahead(self, papers: Iterable[PaperGraph]) -> int:
        """One writer; a thread plans batch k+1 while the server runs batch k
        (the planning thread runs while this one waits on the socket). On
        FalkorDB this keeps a single connection (three writers crashed it)
        and overlaps the client's work (a third of the load time) with the
        server's. Batches run in order, each committed before the next, so
        batch k's entity ids count as MERGEd when k+1 is planned."""
        from concurrent.futures import ThreadPoolExecutor

        known: set[str] = set()

        def plan(batch: list[PaperGraph]) -> tuple[list[PaperGraph], tuple]:
            planned = self._plan_batch(batch, frozenset(known))
            known.update(ref for p in batch for ref in _entity_refs(p))
            return batch, planned

        n = 0
        with ThreadPoolExecutor(1, thread_name_prefix="kg-plan") as pool:
            batches = self._paper_batches(papers)
            ahead = None
            first = next(batches, None)
            if first is not None:
                ahead = pool.submit(plan, first)
            while ahead is not None:
                batch, planned = ahead.result()
                nxt = next(batches, None)
                ahead = pool.submit(plan, nxt) if nxt is not None else None
                try:
                    self._write(lambda tx, planned=planned: self._execute(tx, planned))
                except BaseException:
                    if ahead is not None:
                        ahead.cancel()
                    raise
                n += len(batch)
        return n

    def write_entities(self, entities: Iterable[EntityRecord]) -> int:
        n = 0
        batch: list[EntityRecord] = []
        for ent in entities:
            batch.append(ent)
            if len(batch) >= self.batch_size:
                self._write(lambda tx, b=batch: self._write_entity_batch(tx, b))
                n += len(batch)
                batch = []
        if batch:
            self._write(lambda tx, b=batch: self._write_entity_batch(tx, b))
            n += len(batch)
        return n

    def _write_entity_batch(self, tx, entities: list[EntityRecord]) -> None:
        last = {e.id: e for e in entities}
        self._run(tx, cypher.delete_entity_description_edges(), ids=list(last), scope=cypher.ENTITY_SCOPE)
        by_label: dict[str, list[dict]] = defaultdict(list)
        family: dict[str, list[dict]] = defaultdict(list)
        stubs: dict[str, dict] = {}
        for e in last.values():
            aliases = sorted(set(e.aliases) - {e.name})
            by_label[NodeLabel(e.type.value).value].append({"id": e.id, "name": e.name, "aliases": aliases,
                                                            "pwc": e.external_id, "kind": e.kind})
            for ref, t in ((e.variant_of, RelationType.VARIANT_OF), (e.part_of, RelationType.PART_OF),
                           (e.subclass_of, RelationType.SUBCLASS_OF)):
                if ref:
                    stubs[ref] = {"id": ref}
                    family[t.value].append({"source": e.id, "target": ref, "paper": cypher.ENTITY_SCOPE, "props": {}})
        for label, rows in sorted(by_label.items()):
            self._run(tx, cypher.merge_entities(label), rows=rows)
        if stubs:
            self._run(tx, cypher.merge_entity_stubs(), ids=list(stubs))
        for t, rows in sorted(family.items()):
            self._run(tx, cypher.merge_relationships(t, cypher.ENTITY, cypher.ENTITY), rows=rows)

    def remove_papers(self, paper_ids: Iterable[str]) -> int:
        ids = list(dict.fromkeys(paper_ids))
        n = 0
        for i in range(0, len(ids), self.batch_size):
            chunk = ids[i : i + self.batch_size]

            def work(tx, chunk=chunk):
                existing = [r["id"] for r in self._run(tx, cypher.existing_papers(), ids=chunk)]
                if existing:
                    for stmt in cypher.delete_paper_contribution():
                        self._run(tx, stmt, ids=existing)
                return len(existing)

            n += self._write(work)
        self.remove_orphans()
        return n

    def remove_orphans(self) -> int:
        """Delete entities nothing refers to, to a fixpoint; returns how many."""
        removed = 0
        while True:
            recs = self._write(lambda tx: self._run(tx, cypher.delete_orphans(), scope=cypher.ENTITY_SCOPE))
            n = recs[0]["n"] if recs else 0
            if not n:
                return removed
            removed += n

    def clear(self) -> None:
        """Delete every node and relationship (tests)."""
        self._write(lambda tx: self._run(tx, cypher.CLEAR))

    # -- reads ------------------------------------------------------------
    def query(self, text: str, params: Mapping[str, Any] | None = None) -> QueryResult:
        cols, rows = self._read(text, params)
        return QueryResult(cols, [[to_plain(v) for v in row] for row in rows])

    def counts(self) -> dict[str, dict[str, int]]:
        out: dict[str, dict[str, int]] = {"nodes": {}, "relationships": {}}
        for section, queries in cypher.count_queries().items():
            for key, text in queries.items():
                rows = self._read(text)[1]
                n = int(rows[0][0]) if rows else 0
                if n:
                    out[section][key] = n
        return {k: dict(sorted(v.items())) for k, v in out.items()}

    def close(self) -> None:
        driver = getattr(self, "_driver", None)
        if driver is None:
            return
        driver.close()
        self._driver = None
        if getattr(self, "server", None) == "falkordb":
            for _ in range(self.writers):  # one lost handshake per pooled connection
                _absorb_falkordb_hangup(self.url)


def _absorb_falkordb_hangup(url: str) -> None:
    """Work around FalkorDB 4.16's Bolt listener: after a client hangs up, the
    *next* connection's handshake is lost (the driver then waits for its
    acquisition timeout). A bare TCP connect/close takes that slot."""
    parts = urlsplit(url)
    try:
        with socket.create_connection((parts.hostname or "127.0.0.1", parts.port or 7687), timeout=1):
            pass
    except OSError:
        pass


__all__ = ["CONFIG_PATH", "Neo4jStore", "grouped_rows", "load_credentials", "paper_rows", "to_plain"]
