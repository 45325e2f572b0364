"""Choose the Method/Task usage thresholds by cross-validation on SciERC train.

    python bench/usage_cv.py [--folds 5] [--counts FILE]

SciERC train (../shared/corpora/scierc/train.json, research use) labels
spans Method or Task. Each span's phrase is looked up in usage counts
(:mod:`ontology.usage_evidence`: how the 120,000 real abstracts write it, as a
tool or as a problem); the rule types it Method, Task or leaves it (too few
counts, or no clear side). Documents are split into folds; on each fold the
thresholds maximising right minus wrong decisions on the other folds (with
precision >= 0.9 for each decided type) are chosen, then scored on the held-out fold. SciER is
never read here (GPL: scored on only, with ``kg evaluate``).

``--counts``: a JSON of ``{"tool": {...}, "problem": {...}}`` counted for the
SciERC phrases (``python -m ontology.usage_evidence`` counts any phrase list;
the shipped table holds the pipeline's phrases only, so CV needs its own).
"""
from __future__ import annotations

import argparse
import itertools
import json
import random
from pathlib import Path

from ontology.phrase_evidence import phrase_key
from ontology.usage_evidence import count_texts, abstracts, decide

REPO = Path(__file__).resolve().parents[1]
SCIERC = REPO.parent / "shared" / "corpora" / "scierc" / "train.json"
MIN_PRECISION = 0.9
GRID = [(m, hi, lo) for m in (3, 5, 10, 20, 40) for hi in (0.5, 0.6, 0.7, 0.8, 0.9) for lo in (0.0, 0.1, 0.2, 0.3, 0.4, 0.5)
        if lo < hi]


def spans(path: Path = SCIERC) -> list[list[tuple[str, str]]]:
    """Per document, its (phrase, Method|Task) spans."""
    docs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        toks = [t for s in d["sentences"] for t in s]
        docs.append([(" ".join(toks[a : b + 1]), label) for s in d["ner"] for a, b, label in s
                     if label in ("Method", "Task")])
    return docs


def score(items, counts, params, per_label: dict | None = None) -> tuple[int, int, int]:
    """(right, wrong, undecided) decisions for ``items``; ``per_label`` gets
    {decided label: [wrong, right]}."""
    right = wrong = none = 0
    tool, problem = counts
    per_label = {} if per_label is None else per_label
    for phrase, label in items:
        k = phrase_key(phrase)
        got = decide(tool.get(k, 0), problem.get(k, 0), *params) if " " in k else None  # as usage_type
        if got is None:
            none += 1
        elif got == label:
            right += 1
        else:
            wrong += 1
        if got is not None:
            per_label.setdefault(got, [0, 0])[got == label] += 1
    return right, wrong, none


def choose(items, counts) -> tuple:
    """The thresholds with most right minus wrong decisions among those whose
    Method and Task decisions are each at least MIN_PRECISION right: a
    retyping must be right far more often than the tagger's type it replaces."""
    best, best_net = GRID[0], -1
    for params in GRID:
        per: dict = {}
        r, w, _ = score(items, counts, params, per)
        if all(v[1] / sum(v) >= MIN_PRECISION for v in per.values()) and r - w > best_net:
            best, best_net = params, r - w
    return best


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--counts", type=Path, help="usage counts for the SciERC phrases (JSON); counted if absent")
    args = ap.parse_args(argv)
    docs = spans()
    if args.counts and args.counts.exists():
        raw = json.loads(args.counts.read_text())
    else:
        phrases = {p for d in docs for p, _ in d}
        tool, problem, _ = count_texts(abstracts(REPO.parent / "shared" / "corpora" / "abstracts"), phrases)
        raw = {"tool": tool, "problem": problem}
    counts = (raw["tool"], raw["problem"])
    order = list(range(len(docs)))
    random.Random(13).shuffle(order)
    totals = [0, 0, 0]
    decided = {"Method": [0, 0], "Task": [0, 0]}
    for f in range(args.folds):
        held = [docs[i] for i in order[f :: args.folds]]
        train = [docs[i] for j, i in enumerate(order) if j % args.folds != f]
        params = choose(list(itertools.chain(*train)), counts)
        per: dict = {}
        r, w, n = score(list(itertools.chain(*held)), counts, params, per)
        for label, (bad, good) in per.items():
            decided[label][0] += bad
            decided[label][1] += good
        totals = [totals[0] + r, totals[1] + w, totals[2] + n]
        print(f"fold {f}: min_count={params[0]} method>={params[1]} task<={params[2]}: "
              f"right {r} wrong {w} undecided {n} precision {r / max(r + w, 1):.3f}")
    r, w, n = totals
    print(f"all folds: right {r} wrong {w} undecided {n} precision {r / max(r + w, 1):.3f} "
          f"coverage {(r + w) / max(r + w + n, 1):.3f}")
    for label, (bad, good) in decided.items():
        print(f"  decided {label}: right {good} wrong {bad} precision {good / max(good + bad, 1):.3f}")
    full = choose(list(itertools.chain(*docs)), counts)
    print(f"chosen on all of train: min_count={full[0]} method>={full[1]} task<={full[2]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
