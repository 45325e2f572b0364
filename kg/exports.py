"""RDF exports of a store: Turtle, N-Triples, N-Quads, TriG, JSON-LD."""
from __future__ import annotations

from typing import BinaryIO

import pyoxigraph as ox

from ontology import PREFIXES

_OX = {"nt": ox.RdfFormat.N_TRIPLES, "ttl": ox.RdfFormat.TURTLE, "nq": ox.RdfFormat.N_QUADS, "trig": ox.RdfFormat.TRIG}


def _triples(store) -> list[ox.Triple]:
    seen: set[ox.Triple] = set()
    for q in store.quads():
        seen.add(ox.Triple(q.subject, q.predicate, q.object))
    return sorted(seen, key=str)


def export_rdf(store, fmt: str, out: BinaryIO) -> None:
    """Write the store's graph to ``out``; triples formats take the union graph."""
    if fmt in {"nq", "trig"}:
        ox.serialize(sorted(store.quads(), key=str), out, _OX[fmt], prefixes=PREFIXES if fmt == "trig" else None)
    elif fmt in {"nt", "ttl"}:
        ox.serialize(_triples(store), out, _OX[fmt], prefixes=PREFIXES if fmt == "ttl" else None)
    elif fmt == "jsonld":
        import rdflib

        g = rdflib.Graph()
        g.parse(data=ox.serialize(_triples(store), format=ox.RdfFormat.N_TRIPLES).decode(), format="nt")
        for p, iri in PREFIXES.items():
            g.bind(p, iri)
        out.write(g.serialize(format="json-ld", indent=1).encode())
    else:
        raise ValueError(f"unknown export format {fmt!r}")


def export_shards(store, directory, shard_size: int = 1_000_000, quads: bool = False, gzip_level: int | None = None) -> list[str]:
    """Stream the store into numbered N-Triples (or N-Quads) shards of at most
    ``shard_size`` statements each, for bulk loaders (``oxigraph load``,
    QLever's index builder, Virtuoso's ``ld_dir``); gzipped with ``gzip_level``.

    Nothing is sorted or held in memory: N-Triples shards may repeat a triple
    that several paper graphs contain (loaders keep RDF set semantics);
    N-Quads shards keep the named graphs and are exact. Returns the file names.
    """
    import gzip
    from pathlib import Path

    out_dir = Path(directory)
    out_dir.mkdir(parents=True, exist_ok=True)
    ext = ("nq" if quads else "nt") + (".gz" if gzip_level else "")
    fmt = ox.RdfFormat.N_QUADS if quads else ox.RdfFormat.N_TRIPLES
    for old in out_dir.glob(f"part-*.{ext}"):
        old.unlink()
    files: list[str] = []
    buf: list = []

    def flush() -> None:
        name = out_dir / f"part-{len(files):05d}.{ext}"
        data = ox.serialize(buf, format=fmt)
        if gzip_level:
            with gzip.open(name, "wb", compresslevel=gzip_level) as fh:
                fh.write(data)
        else:
            name.write_bytes(data)
        files.append(str(name))
        buf.clear()

    for q in store.quads():
        buf.append(q if quads else ox.Triple(q.subject, q.predicate, q.object))
        if len(buf) >= shard_size:
            flush()
    if buf or not files:
        flush()
    return files
