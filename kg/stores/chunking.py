"""Statement-sized parameter chunks for FalkorDB's Bolt endpoint.

FalkorDB 4.16 splices parameters into the query text, and its Bolt endpoint
crashes once that text passes about 4 KB, so list parameters are cut into
chunks whose spliced size stays under a budget. The server parses every
spliced text anew: about 10 of the ~35 µs FalkorDB spends per created edge
(measured with GRAPH.QUERY on 75-edge statements into a loaded graph), so the
fewer bytes per edge, the less parsing and the fewer statements.
:func:`tabulate_edges` therefore sends each chunk's repeated strings (evidence
sentences, fields, extractor names) once, in a string table, and edges refer
to them by index (about 1.5x more edges per statement, bench/bench_bolt.py),
and a provenance span several edges share is sent once, in a span table
(bench/bench_bolt.py: 3,964 -> 3,240 statements; the seeds: 224 -> 220 edge
statements, their sentences are rarely shared).
Neo4j has no such limit: there ``budget`` is ``None`` and one chunk holds all.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from . import cypher
from .base import StoreError

#: Largest query text (with spliced parameters) sent to FalkorDB's Bolt
#: endpoint. Measured: it crashes once query + ``CYPHER`` header + parameters
#: (spliced as ``['a', 'b']``, i.e. the size of default ``json.dumps``) pass
#: about 4,090 bytes; 90 bytes of margin.
FALKORDB_MAX_TEXT = 4000


def _size_chunks(rows: list, budget: int) -> Iterator[list]:
    """Split ``rows`` (ids, paper / result / entity rows; edges go through
    :func:`tabulate_edges`) so each chunk's spliced size stays under
    ``budget``, and escape (:func:`cypher.falkordb_escape`) the rows that
    need it. A grouped row over the budget (a paper's results) is split by
    its items; any other row over it is refused."""
    def fit(row: Any) -> tuple[Any, int]:
        if isinstance(row, str) and len(row) < budget // 2:  # ids (stubs, lookups): no json.dumps
            return (cypher.falkordb_escape(row) if _needs_escape(row) else row), _text_cost(row)
        # JSON escapes \\ (and ", newlines) where FalkorDB's splice escapes \\
        # and ': an upper bound once the quotes are counted; map keys and
        # floats differ from their JSON by :func:`_splice_delta`
        text = json.dumps(row, ensure_ascii=False)
        n = (len(text) if text.isascii() else len(text.encode())) + text.count("'") + 2  # + ", "
        if isinstance(row, (list, dict)):
            n += _splice_delta(row)
        if n > budget:
            raise StoreError(
                f"a row of {n} bytes exceeds FalkorDB's Bolt query-size limit (~{FALKORDB_MAX_TEXT} bytes)"
            )
        # a row without ' or \\ in any string (nor in its JSON) needs no escaping
        return (cypher.falkordb_escape(row) if "'" in text or "\\" in text else row), n

    def halves(row: Any, error: StoreError) -> Iterator[tuple[Any, int]]:
        """A grouped row ``[key, [item, ...]]`` too big for one statement
        (a paper with many results) as rows ``[key, part]``, in order; any
        other row re-raises ``error``."""
        if not (isinstance(row, list) and len(row) == 2 and isinstance(row[1], list) and len(row[1]) > 1):
            raise error
        key, items = row
        for part in ([key, items[: len(items) // 2]], [key, items[len(items) // 2 :]]):
            try:
                yield fit(part)
            except StoreError as exc:
                yield from halves(part, exc)

    chunk: list = []
    total = 0
    for whole in rows:
        try:
            parts: Any = (fit(whole),)
        except StoreError as exc:
            parts = halves(whole, exc)
        for row, n in parts:
            if chunk and total + n > budget:
                yield chunk
                chunk, total = [], 0
            chunk.append(row)
            total += n
    if chunk:
        yield chunk


def _text_cost(s: Any) -> int:
    """Spliced bytes of one list item (string quoted, ``'`` escaped) plus its
    ``, ``: an upper bound (JSON's escapes are at least as long as FalkorDB's)."""
    if isinstance(s, str):
        if s.isascii() and s.isprintable():  # the common case, without json.dumps
            return len(s) + 4 + s.count('"') + s.count("\\") + s.count("'")
        return len(json.dumps(s, ensure_ascii=False).encode()) + s.count("'") + 2
    return len(json.dumps(s)) + 2


def _splice_delta(value: Any) -> int:
    """Bytes FalkorDB's splice of ``value`` differs from its JSON by, walking
    the row once: a map key that is an ASCII identifier is spliced bare
    (``{id: 'x'}``, 2 bytes less; measured with maps of 4 keys per row, the
    server crashed once the size counted so passed ~4,140 bytes plus the
    query, as list rows do at ~4,130), a float as ``"%f"`` (0.8 ->
    0.800000, 1e20 -> 21 digits and 6 decimals; never counted as shorter)."""
    n = 0
    keyed = isinstance(value, dict)
    for k, v in value.items() if keyed else enumerate(value):
        if keyed and cypher.is_identifier(k):
            n -= 2
        if isinstance(v, float):
            n += max(0, len("%f" % v) - len(repr(v)))
        elif isinstance(v, (dict, list)):
            n += _splice_delta(v)
    return n


def _needs_escape(s: Any) -> bool:
    return isinstance(s, str) and ("'" in s or "\\" in s)


def tabulate_edges(rows: list, budget: int | None = None, paper_source: bool = True,
                   ) -> Iterator[tuple[list, list, list]]:
    """Grouped provenance rows of :func:`kg.stores.neo4j.grouped_rows`,
    ``[paper, source, [[target, evidence, field, start, end, extractor,
    confidence], ...]]``, as ``(rows, strings, spans)`` chunks for
    :func:`cypher.create_relationships`. An edge whose provenance span
    ``(evidence, field, start, end, extractor)`` is shared with other edges
    in ``rows`` (one sentence asserting several edges of this type) becomes
    ``[target, confidence * 1000, span#]``, ``spans[span#]`` being
    ``[evidence#, field#, start, end, extractor#]``; any other edge carries
    its span inline, ``[target, confidence * 1000, evidence#, field#, start,
    end, extractor#]`` (a table entry used once would only add bytes).
    ``evidence#`` etc. index the chunk's string table ``strings``; ``source``
    is left out when it is the paper (``paper_source``). Integer per-mille
    confidences splice as ``750``, not ``0.750000``; ``n / 1000.0`` gives
    back the same double.

    With a ``budget`` (FalkorDB), each chunk's spliced rows plus tables stay
    under it, and chunks whose strings hold ``'`` or ``\\`` come escaped.
    """
    shared: dict[tuple, int] = {}
    for _paper, _source, edges in rows:
        for edge in edges:
            key = (edge[1], edge[2], edge[3], edge[4], edge[5])
            shared[key] = shared.get(key, 0) + 1
    chunk: list = []
    table: dict[Any, int] = {}
    spans: dict[tuple, int] = {}
    size = 0
    escape = False  # FalkorDB only (budget set): a string of this chunk holds ' or \\
    splice = budget is not None
    costs: dict[Any, int] = {}  # string -> spliced cost (evidence, ids and names repeat)

    def cost_of(s: Any) -> int:
        c = costs.get(s)
        if c is None:
            c = costs[s] = _text_cost(s)
        return c

    def flush() -> tuple[list, list, list]:
        strings = list(table)
        tuples = [[table[e], table[f], s, n, table[x]] for e, f, s, n, x in spans]
        if escape:
            return cypher.falkordb_escape(chunk), cypher.falkordb_escape(strings), tuples
        return chunk, strings, tuples

    for paper, source, edges in rows:
        head = [paper] if paper_source else [paper, source]
        group: list | None = None
        for target, evidence, field, start, end, extractor, confidence in edges:
            milli = None if confidence is None else int(round(float(confidence) * 1000))
            span = (evidence, field, start, end, extractor)
            tabled = shared[span] > 1
            while budget is not None:
                # "[target, milli, span#], ", or "[target, milli, evidence#, field#, start, end,
                # extractor#], " with the span inline; cost_of(target) counts one ", "
                w = len(str(len(table) + 2))  # digits of any string index, new ones included
                cost = cost_of(target) + len(str(milli))
                if tabled:
                    cost += len(str(len(spans))) + 6
                if not tabled or span not in spans:
                    # the span inline, or "[evidence#, field#, start, end, extractor#], " in the table
                    cost += len(str(start)) + len(str(end)) + 3 * w + (12 if tabled else 14)
                    for s in (evidence, field, extractor):
                        if s not in table:
                            cost += cost_of(s)
                if group is None:
                    cost += sum(cost_of(h) for h in head) + 4
                if size + cost <= budget:
                    size += cost
                    break
                if not chunk:
                    raise StoreError(f"an edge of {cost} bytes exceeds FalkorDB's Bolt query-size limit "
                                     f"(~{FALKORDB_MAX_TEXT} bytes); evidence begins {str(evidence)[:60]!r}")
                yield flush()
                chunk, table, spans, size, escape, group = [], {}, {}, 0, False, None
            i = spans.get(span) if tabled else None
            if i is None:
                for s in (evidence, field, extractor):
                    if s not in table:
                        table[s] = len(table)
                        escape = escape or (splice and _needs_escape(s))
                if tabled:
                    i = spans[span] = len(spans)
            if group is None:
                group = []
                chunk.append([*head, group])
                escape = escape or (splice and any(_needs_escape(h) for h in head))
            if tabled:
                group.append([target, milli, i])
            else:
                group.append([target, milli, table[evidence], table[field], start, end, table[extractor]])
            escape = escape or (splice and _needs_escape(target))
    if chunk:
        yield flush()


def untabulate(rows: list, strings: list, spans: list, paper_source: bool = True) -> list:
    """The grouped rows a chunk of :func:`tabulate_edges` stands for (tests)."""
    out = []
    for row in rows:
        paper, source, edges = (row[0], row[0], row[1]) if paper_source else row
        decoded = []
        for t, c, *span in edges:
            e, f, s, n, x = spans[span[0]] if len(span) == 1 else span
            decoded.append([t, strings[e], strings[f], s, n, strings[x], None if c is None else c / 1000.0])
        out.append([paper, source, decoded])
    return out
