"""Build benchmarks: extraction rate, end-to-end build time and peak RSS,
incremental rebuild after changing 1% of the inputs.

    python bench/bench_build.py --sizes 10000 100000 --workers 2 [--full-pipeline] [--dir /tmp/kg-bench]

Corpora come from bench/make_corpus.py (generated into --dir if missing).
Every measurement is a separate ``python -m kg ...`` child process; peak RSS
is the largest ``ru_maxrss`` of that child and its own children (pool
workers are counted separately, not summed). Targets (issue "Rebuilds at
scale"): 100k in <= 10 min on 2 cores, peak RSS <= 2 GB, RSS(100k) <= 1.5 x
RSS(10k), incremental (1% changed) <= 5% of the full build.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

_ONE = r"""
import resource, subprocess, sys, time
t = time.perf_counter()
rc = subprocess.run(sys.argv[1:]).returncode
dt = time.perf_counter() - t
print(rc, dt, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def measure(args: list[str]) -> tuple[float, float]:
    """(seconds, peak RSS in MB) of ``python -m kg args``."""
    env = dict(os.environ, PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    out = subprocess.run([sys.executable, "-c", _ONE, sys.executable, "-m", "kg", *args], env=env, capture_output=True, text=True, cwd=REPO)
    rc, dt, rss = out.stdout.split()[-3:]
    if rc not in ("0", "3"):
        raise RuntimeError(f"kg {' '.join(args)} failed ({rc}):\n{out.stderr[-3000:]}")
    return float(dt), int(rss) / 1024


def corpus(n: int, d: Path) -> Path:
    path = d / f"corpus-{n}.jsonl"
    if not path.exists():
        subprocess.run([sys.executable, str(REPO / "bench" / "make_corpus.py"), str(n), "-o", str(path)], check=True)
    return path


def change_one_percent(src: Path, dst: Path) -> int:
    """Copy with every 100th abstract changed."""
    n = 0
    with open(src, encoding="utf-8") as fi, open(dst, "w", encoding="utf-8") as fo:
        for i, line in enumerate(fi):
            if i % 100 == 0:
                rec = json.loads(line)
                rec["abstract"] += " We release the code."
                line = json.dumps(rec, ensure_ascii=False) + "\n"
                n += 1
            fo.write(line)
    return n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10000])
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--full-pipeline", action="store_true", help="Measure the full pipeline (default: --fast).")
    ap.add_argument("--dir", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "kg-bench")
    ap.add_argument("--skip-extract", action="store_true", help="Skip the extraction-rate measurement.")
    args = ap.parse_args()
    args.dir.mkdir(parents=True, exist_ok=True)
    mode = [] if args.full_pipeline else ["--fast"]
    print(f"mode: {'full' if args.full_pipeline else 'fast'} pipeline, {os.cpu_count()} cores", flush=True)
    rows = []
    if not args.skip_extract:
        c = corpus(min(args.sizes), args.dir)
        for w in sorted({1, args.workers}):
            dt, rss = measure(["extract", str(c), "-o", os.devnull, "--quiet", "--workers", str(w), *mode])
            n = min(args.sizes)
            print(f"extract {n} abstracts, {w} worker(s): {dt:.1f}s = {n / dt:.0f} abstracts/s, peak RSS {rss:.0f} MB", flush=True)
    for n in args.sizes:
        c = corpus(n, args.dir)
        store = args.dir / f"store-{n}"
        shutil.rmtree(store, ignore_errors=True)
        work = args.dir / f"input-{n}.jsonl"
        shutil.copy(c, work)
        dt, rss = measure(["build", str(work), "--store", str(store), "--quiet", "--workers", str(args.workers), *mode])
        print(f"build {n}: {dt:.1f}s ({n / dt:.0f} abstracts/s), peak RSS {rss:.0f} MB", flush=True)
        dtn, _ = measure(["build", str(work), "--store", str(store), "--quiet", "--workers", str(args.workers), *mode])
        print(f"no-op rebuild {n}: {dtn:.1f}s ({100 * dtn / dt:.1f}% of full)", flush=True)
        changed = change_one_percent(c, work)  # same path: only the changed papers differ
        dti, _ = measure(["build", str(work), "--store", str(store), "--quiet", "--workers", str(args.workers), "--prune", *mode])
        print(f"incremental {n} ({changed} changed): {dti:.1f}s ({100 * dti / dt:.1f}% of full)", flush=True)
        rows.append((n, dt, rss, dti, dtn))
    print(json.dumps([dict(zip(["n", "build_s", "peak_rss_mb", "incremental_s", "noop_s"], r)) for r in rows]))


if __name__ == "__main__":
    main()
