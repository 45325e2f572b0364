"""Share of gazetteer-matched nodes that carry a Papers with Code id (issue 28).

    python bench/pwc_share.py ../shared/seeds
    python bench/pwc_share.py ../shared/corpora/abstracts/conference_papers.jsonl.gz --limit 20000 --model fast

A node is gazetteer-matched when its id is a gazetteer entry's (curated or
Papers with Code), as in tests/test_nodes.py. Prints the share, the nodes
without an id per type, and the commonest of them (by papers); ``--json``
writes every matched node (id, name, type, PwC URL, papers) for a
before/after diff; ``--why`` sorts the nodes without an id by why
(bench/pwc_gaps.py: metric, variant, collection, not a page, other thing,
absent, missed).
"""
from __future__ import annotations

import argparse
import gzip
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def _first_lines(path: str, limit: int) -> str:
    """The first ``limit`` records of a (gzipped) JSON-lines file, as a temporary file."""
    opener = gzip.open if path.endswith(".gz") else open
    out = tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8")
    with opener(path, "rt", encoding="utf-8") as fh, out:
        for i, line in enumerate(fh):
            if i >= limit:
                break
            out.write(line)
    return out.name


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("input")
    ap.add_argument("--limit", type=int, default=0, help="first N records of a JSON-lines input")
    ap.add_argument("--model", choices=["standard", "fast", "accurate"], default="standard")
    ap.add_argument("--json", help="write the matched nodes here")
    ap.add_argument("--top", type=int, default=40)
    ap.add_argument("--why", action="store_true", help="sort the nodes without an id by why (bench/pwc_gaps.py)")
    args = ap.parse_args()

    from kg.build import papers_from_inputs
    from kg.linking import Linker

    src = _first_lines(args.input, args.limit) if args.limit else args.input
    linker = Linker()
    gaz = linker.gazetteer_ids
    nodes: dict[str, dict] = {}
    papers: Counter = Counter()
    fast = False if args.model == "standard" else args.model
    for p in papers_from_inputs([src], fast=fast, linker=linker):
        for e in p.entities:
            if e.id in gaz:
                nodes[e.id] = {"id": e.id, "name": e.name, "type": e.type.value, "pwc": e.external_id}
                papers[e.id] += 1
    for i, n in nodes.items():
        n["papers"] = papers[i]
    with_id = [n for n in nodes.values() if n["pwc"]]
    print(f"{args.input} ({args.model}{', first %d' % args.limit if args.limit else ''}): "
          f"{len(with_id)} of {len(nodes)} gazetteer-matched nodes carry a PwC id ({len(with_id) / max(len(nodes), 1):.1%})")
    missing = [n for n in nodes.values() if not n["pwc"]]
    print("without an id, per type:", dict(Counter(n["type"] for n in missing).most_common()))
    print("all, per type:", dict(Counter(n["type"] for n in nodes.values()).most_common()))
    if args.why:
        from bench.pwc_gaps import pwc_names, why_no_id

        names = pwc_names()
        for n in missing:
            n["why"] = why_no_id(linker.entry_by_id[n["id"]], names)
        print("without an id, why:", dict(Counter(n["why"] for n in missing).most_common()))
        print("  papers:", dict(Counter({w: sum(n["papers"] for n in missing if n["why"] == w)
                                         for w in {n["why"] for n in missing}}).most_common()))
    for n in sorted(missing, key=lambda n: (-n["papers"], n["name"]))[: args.top]:
        print(f"  {n['papers']:5d}  {n['type']:9s}  {n['name']}" + (f"  ({n['why']})" if args.why else ""))
    if args.json:
        Path(args.json).write_text(json.dumps(sorted(nodes.values(), key=lambda n: n["id"]), indent=0), encoding="utf-8")


if __name__ == "__main__":
    main()
