"""Time per pipeline component, and the relation step's share of the whole.

    python bench/bench_components.py [--n 1000] [--rounds 3] [--fast]

Runs the pipeline component by component over the same abstracts (the seeds,
cycled to ``--n``) and prints each component's time per abstract and its
share of the pipeline. The relation step is ``mlkg_relations_v1`` (which
also attaches results to their metric/dataset/method until that moves to
its own component); its relation part alone (``sentence_relations``: paper
relations and the entity-pair patterns) is timed inside it. Rounds are
interleaved; the first is a warm-up, the table gives the median of the rest.
Issue 26's budget: the relation step at most 15% of the full pipeline.
"""
from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

import argparse  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))  # bench_extract

SEEDS_DIR = Path(__file__).resolve().parents[2] / "shared" / "seeds"
RELATION_PART = "  of which sentence_relations"


def load_texts(seeds: str, n: int) -> list[tuple[str, int]]:
    """(text, title end) of the seeds' papers, cycled to ``n``."""
    from kg.build import papers_from_inputs  # noqa: F401 (import check)
    from kg.extract import prepare
    from kg.sources import read_records

    items = []
    for rec in read_records([seeds], None, on_error=lambda e: None):
        prep = prepare(rec)
        items.append((prep.text, prep.title_end))
    return [items[i % len(items)] for i in range(n)]


def time_round(nlp, items: list[tuple[str, int]]) -> dict[str, float]:
    """Seconds per component over ``items`` (docs made first, then each
    component over all of them, as ``nlp.pipe`` does per batch), with
    ``sentence_relations`` timed inside the relations component
    (bench_extract.timed_pass, wall time)."""
    from bench_extract import timed_pass

    def make_docs():
        docs = []
        for text, title_end in items:
            doc = nlp.make_doc(text)
            doc.user_data["title_end"] = title_end
            docs.append(doc)
        return docs

    return timed_pass(nlp, make_docs, "sentence_relations", RELATION_PART, clock=time.perf_counter,
                      tokenizer_key="make_doc (tokenizer)")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--seeds", default=str(SEEDS_DIR))
    ap.add_argument("--fast", action="store_true", help="the rules-only pipeline")
    args = ap.parse_args(argv)
    from extractors.pipeline import freeze_loaded, get_nlp

    nlp = get_nlp(args.fast)
    items = load_texts(args.seeds, args.n)
    freeze_loaded()
    rounds = [time_round(nlp, items) for _ in range(max(args.rounds, 2))]
    warm = rounds[1:]
    med = {k: statistics.median(r.get(k, 0.0) for r in warm) for k in rounds[0]}
    total = sum(v for k, v in med.items() if k != RELATION_PART)
    print(f"{'fast' if args.fast else 'full'} pipeline, {args.n} abstracts, median of {len(warm)} warm rounds")
    print(f"{'component':32} {'ms/abstract':>11} {'share':>7}")
    for k, v in med.items():
        print(f"{k:32} {1000 * v / args.n:11.3f} {100 * v / total:6.1f}%")
    print(f"{'total':32} {1000 * total / args.n:11.3f} {100.0:6.1f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main())
