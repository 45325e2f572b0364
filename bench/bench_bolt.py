"""Bolt load benchmark: a synthetic graph (>= 200k relationships) into FalkorDB
(or NEO4J_URI) with the Neo4j store, for several batch sizes; prints rel/s.

    python bench/bench_bolt.py [--relationships 200000] [--batch 1000 2000 5000 10000] [--writers 1 2] [--rounds 1]

The store's default is 2 writers (``NEO4J_WRITERS``) and 5000-row batches
(``NEO4J_BATCH_SIZE``); target >= 20k rel/s.
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kg.model import PaperGraph, Relation, Result, Span  # noqa: E402
from kg.records import SourceRef  # noqa: E402
from kg.stores.neo4j import DEFAULT_BATCH_SIZE, DEFAULT_WRITERS  # noqa: E402
from ontology import RelationType  # noqa: E402

PAPER_TYPES = [RelationType.USES, RelationType.EVALUATES_ON, RelationType.MEASURES, RelationType.ADDRESSES,
               RelationType.PROPOSES]


def synthetic(n_rels: int, seed: int = 42, pool: int = 5000) -> list[PaperGraph]:
    rng = random.Random(seed)
    ents = [f"ent-{i}" for i in range(pool)]
    papers, total, i = [], 0, 0
    while total < n_rels:
        pid = f"paper-{i}"
        rels = {}
        for _ in range(rng.randint(6, 12)):
            t = rng.choice(PAPER_TYPES)
            rels[(t, pid, rng.choice(ents))] = None
        if rng.random() < 0.3:
            rels[(RelationType.OUTPERFORMS, rng.choice(ents), rng.choice(ents))] = None
        relations = [Relation(t, s, o, Span("abstract", 0, 4, "cue"), "bench", 0.8) for (t, s, o) in rels]
        results = [Result(90.0, "%", "accuracy", Span("abstract", 5, 8, "90%"), metric=rng.choice(ents))]
        papers.append(PaperGraph(pid, pid, f"T{i}", "a", None, [SourceRef("bench", i)], {}, [], relations, results))
        total += len(relations) + 2  # REPORTS + MEASURES of the result
        i += 1
    return papers


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--relationships", type=int, default=200_000)
    ap.add_argument("--batch", type=int, nargs="+", default=[1000, 2000, 5000, 10000])
    ap.add_argument("--writers", type=int, nargs="+", default=[1, 2],
                    help="concurrent write transactions (NEO4J_WRITERS); 3 crashed FalkorDB 4.16 in half the "
                         "runs, and hung a load when it ran one query thread")
    ap.add_argument("--rounds", type=int, default=1,
                    help="load every configuration this many times, interleaved (a slow spell of the host "
                         "hits every configuration of that round alike); the summary gives the median")
    args = ap.parse_args()

    papers = synthetic(args.relationships)
    n_rels = sum(len(p.relations) + 2 * len(p.results) for p in papers)
    print(f"{len(papers)} papers, {n_rels} relationships")
    uri = os.environ.get("NEO4J_URI")
    configs = [(w, b) for w in args.writers for b in args.batch]
    runs: dict[tuple[int, int], list[float]] = {c: [] for c in configs}
    for _ in range(max(1, args.rounds)):
        for w, b in configs:
            runs[(w, b)].append(run(papers, uri, b, w))
    rates = {c: statistics.median(r) for c, r in runs.items()}
    if args.rounds > 1:
        print(f"{'writers':>7} {'batch':>6} {'median rel/s':>13}   runs")
        for (w, b), r in runs.items():
            print(f"{w:>7} {b:>6} {rates[(w, b)]:>13,.0f}   " + ", ".join(f"{x:,.0f}" for x in r))
    best = max(rates, key=rates.get)
    label = "median" if args.rounds > 1 else "one run"
    print(f"best: {rates[best]:,.0f} rel/s ({label}; writers {best[0]}, batch {best[1]}); "
          f"target >= 20,000 rel/s: {'OK' if rates[best] >= 20_000 else 'MISSED'}")
    default = (DEFAULT_WRITERS, DEFAULT_BATCH_SIZE)
    if default in rates:
        print(f"the store's default ({DEFAULT_WRITERS} writers, batch {DEFAULT_BATCH_SIZE}): "
              f"{rates[default]:,.0f} rel/s ({label}; target >= 20,000 rel/s: "
              f"{'OK' if rates[default] >= 20_000 else 'MISSED'})")


def _cpu(proc) -> float:
    """CPU seconds (user + system, all threads) of the FalkorDB server so far; 0 for NEO4J_URI."""
    if proc is None:
        return 0.0
    fields = Path(f"/proc/{proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run(papers: list[PaperGraph], uri: str | None, batch: int, writers: int) -> float:
    """One load into an empty graph (a fresh FalkorDB unless NEO4J_URI is set)."""
    from kg.stores.neo4j import Neo4jStore

    tmp = tempfile.TemporaryDirectory(prefix="kg-bench-")
    proc = None
    opts: dict = {}
    if not uri:
        from kg.stores.falkordb_server import FALKORDB_AUTH, start_falkordb

        uri, proc = start_falkordb(tmp.name)
        opts = {"user": FALKORDB_AUTH[0], "password": FALKORDB_AUTH[1]}
    try:
        store = Neo4jStore(uri, batch_size=batch, writers=writers, **opts)
        store.clear()
        store.init_db()
        s0, c0 = _cpu(proc), time.process_time()
        t0 = time.perf_counter()
        store.write_papers(papers)
        dt = time.perf_counter() - t0
        server_cpu, client_cpu = _cpu(proc) - s0, time.process_time() - c0
        counted = sum(store.counts()["relationships"].values())
        print(f"[{store.server}] writers {writers}, batch {batch:>5}: {counted} rels in {dt:.1f}s"
              f" = {counted / dt:,.0f} rel/s (CPU: server {server_cpu:.1f}s, client {client_cpu:.1f}s)", flush=True)
        store.clear()
        store.close()
        return counted / dt
    except Exception:
        if proc is not None and proc.poll() is not None:
            print(f"FalkorDB exited with {proc.returncode}; its log ends:", file=sys.stderr)
            for log in Path(tmp.name).glob("falkordb-*.log"):
                lines = log.read_text(errors="replace").splitlines()
                start = next((i for i, line in enumerate(lines) if "BUG REPORT START" in line), len(lines) - 30)
                print("\n".join(lines[start : start + 40]), file=sys.stderr)
        raise
    finally:
        if proc is not None:
            from kg.stores.falkordb_server import stop_falkordb

            stop_falkordb(proc)
        tmp.cleanup()

if __name__ == "__main__":
    main()
