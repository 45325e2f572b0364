"""Entity-to-entity relations of a tier scored on k folds of a training file.

    python bench/relations_cv.py [--model TIER] [--folds 5] [--json] [FILE]

The cue patterns of :mod:`extractors.entity_relations` fit nothing, so their
"cross-validation" is the spread of their scores over disjoint parts of
SciERC train (default ``../shared/corpora/scierc/train.json``): a rule that
holds only on a few documents shows as a fold that drops. Units are read and
scored exactly as ``kg evaluate --relations`` does
(:mod:`kg.evaluate_relations`); unit ``i`` goes to fold ``i % folds``. Prints
Rel+ P/R/F1 per type pooled over the folds and the micro F1 of each fold.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.evaluate_relations import (predicted_relations, read_relation_corpus,  # noqa: E402
                                   score_relations)


def fold_scores(path: str, tier: str, folds: int = 5) -> dict:
    """``{"pooled": {type: PRF dict}, "folds": [micro F1 ...]}`` (Rel+)."""
    from extractors.pipeline import get_nlp

    corpus, docs = read_relation_corpus(path)
    nlp = get_nlp(tier)
    gold: list[list] = [[] for _ in range(folds)]
    pred: list[list] = [[] for _ in range(folds)]
    for i, (rd, doc) in enumerate(zip(docs, nlp.pipe((d.doc.text for d in docs), batch_size=16))):
        gold[i % folds].extend((i, *r[1:]) for r in rd.relations)
        pred[i % folds].extend(predicted_relations(doc, corpus, i))
    per_fold = [score_relations(g, p)["Rel+"]["micro"].as_dict() for g, p in zip(gold, pred)]
    pooled = score_relations([r for g in gold for r in g], [r for p in pred for r in p])["Rel+"]
    return {"corpus": corpus, "tier": tier, "units": len(docs),
            "pooled": {t: prf.as_dict() for t, prf in pooled.items()},
            "folds": [round(d["f1"], 1) for d in per_fold]}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("file", nargs="?", default=str(ROOT.parent / "shared/corpora/scierc/train.json"))
    ap.add_argument("--model", default="standard", help="pipeline tier (accurate, standard, fast)")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)
    res = fold_scores(args.file, args.model, args.folds)
    if args.json:
        print(json.dumps(res, indent=1))
        return 0
    print(f"{res['corpus']} {args.file}: {res['units']} units, tier {res['tier']}, Rel+")
    print(f"{'type':15} {'P':>6} {'R':>6} {'F1':>6} {'pred':>6} {'gold':>6}")
    for t, d in res["pooled"].items():
        print(f"{t:15} {d['precision']:6.1f} {d['recall']:6.1f} {d['f1']:6.1f} {d['predicted']:6d} {d['gold']:6d}")
    print("micro F1 per fold: " + " ".join(f"{f:.1f}" for f in res["folds"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
