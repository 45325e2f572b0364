"""Generate N realistic abstracts by recombining sentences of the seeds.

    python bench/make_corpus.py 10000 -o /tmp/kg-bench/corpus-10k.jsonl [--seed 0]

Deterministic for a given seed; titles are drawn from seed titles plus a
number so every record is a distinct paper. Output is JSON lines (the
``jsonl`` input format); write it outside the repository.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

_SENT = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def seed_sentences(seeds: Path) -> tuple[list[str], list[str], list[str]]:
    """(titles, first sentences, other sentences) of the seed abstracts."""
    from kg.sources import read_records

    titles, firsts, others = [], [], []
    for rec in read_records([str(seeds)], on_error=lambda e: None):
        sents = [s.strip() for s in _SENT.split(rec.abstract) if len(s.strip()) > 20]
        if not sents:
            continue
        titles.append(rec.title.strip())
        firsts.append(sents[0])
        others.extend(sents[1:])
    return titles, firsts, others


def make(n: int, out: Path, seeds: Path, seed: int = 0) -> None:
    titles, firsts, others = seed_sentences(seeds)
    rng = random.Random(seed)
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8") as fh:
        for i in range(n):
            k = rng.randint(4, 9)
            abstract = " ".join([rng.choice(firsts), *rng.sample(others, k)])
            title = f"{rng.choice(titles)} ({i})"
            rec = {"id": f"bench-{i}", "title": title, "abstract": abstract, "date": f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}"}
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int)
    ap.add_argument("-o", "--output", type=Path, required=True)
    ap.add_argument("--seeds", type=Path, default=REPO.parent / "shared" / "seeds")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    make(args.n, args.output, args.seeds, args.seed)
    print(f"wrote {args.n} abstracts to {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
