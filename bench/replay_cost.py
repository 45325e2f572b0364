"""CPU cost of single rule functions, replayed on the calls a tier makes.

    python bench/replay_cost.py extractors.paper_relations:_cue_relations extractors.resolve:_grown [--n 300]

Runs the tier (``--model``, default fast) once over ``--n`` seed abstracts
(as bench/bench_extract.py reads them) with each named function wrapped to
record its arguments, then calls the function again on every recorded call,
``--passes`` times, and prints the least process CPU time per abstract, the
calls per abstract, and a digest of the outputs.

Why: on this shared 2-core machine the whole pipeline's time moves 10-20%
with the load (issue 25), while a function replayed on the same recorded
calls, least of many passes, moves a few percent; and the digest says
whether a rewrite of the function still gives the same outputs on those
calls (bench/same_output.py then checks the whole pipeline). Arguments are
copied shallowly when recorded: a function that mutates a list argument
(``resolve._grown``'s ``taken``) is replayed on the list as the run left it,
so its digest is not comparable across versions; its time still is.
"""
from __future__ import annotations

import argparse
import copy
import gc
import hashlib
import importlib
import sys
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def _record(name: str, calls: list):
    mod_name, fn_name = name.split(":")
    fn = getattr(importlib.import_module(mod_name), fn_name)

    def recording(*args, **kwargs):
        calls.append((copy.copy(args), dict(kwargs)))
        return fn(*args, **kwargs)

    # rebind in every rule module that imported it by name
    bound = [m for n, m in list(sys.modules.items()) if n.split(".")[0] in ("extractors", "ontology")
             and getattr(m, fn_name, None) is fn]
    for m in bound:
        setattr(m, fn_name, recording)
    return fn, bound, fn_name, recording


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("functions", nargs="+", help="module:function, e.g. extractors.resolve:_grown")
    ap.add_argument("--n", type=int, default=300, help="seed abstracts (repeated as needed)")
    ap.add_argument("--model", default="fast", help="tier whose calls are recorded")
    ap.add_argument("--passes", type=int, default=15, help="replays of the recorded calls; the least is kept")
    args = ap.parse_args(argv)
    warnings.filterwarnings("ignore")
    from bench_extract import load_texts

    from extractors.pipeline import freeze_loaded, make_nlp
    from extractors.train_ner import SEEDS_DIR

    texts = load_texts(str(SEEDS_DIR), args.n)
    nlp = make_nlp(args.model)
    list(nlp.pipe(texts[:20]))
    freeze_loaded()
    recorded = {name: [] for name in args.functions}
    wrapped = [_record(name, recorded[name]) for name in args.functions]
    list(nlp.pipe(texts))
    for fn, bound, fn_name, _ in wrapped:
        for m in bound:
            setattr(m, fn_name, fn)
    n = len(texts)
    for name, (fn, *_rest) in zip(args.functions, wrapped):
        calls = recorded[name]
        digest = hashlib.md5(repr([fn(*a, **k) for a, k in calls]).encode()).hexdigest()[:12]
        best = float("inf")
        for _ in range(args.passes):
            gc.collect()
            t0 = time.process_time()
            for a, k in calls:
                fn(*a, **k)
            best = min(best, time.process_time() - t0)
        print(f"{name}: {len(calls) / n:.1f} calls an abstract, {1000 * best / n:.4f} ms CPU an abstract "
              f"(least of {args.passes}), outputs {digest}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    sys.exit(main())
