"""Screen an encoder training recipe on a held-out fold (issue 25).

A recipe run by ``python -m extractors.train_encoder --heldout K --work WORK
...`` keeps each epoch's weights in WORK and scores the tagger alone on fold
K of TDMSci and SciERC train after each epoch (its ``history``). This script
exports the chosen epochs to int8 ONNX (``WORK/model-eN``) and scores each
through the accurate pipeline on TDMSci fold K (``kg evaluate``'s folds,
exact micro F1 with the restatements, raw spans too), so a recipe is kept
only when it beats the shipped one on held-out folds, never on dev::

    python bench/screen_encoder.py WORK --fold K --layers 3 [--epochs 2 3]

Needs the training extra (``pip install -e '.[train]'``). Prints one JSON
line per epoch.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("work")
    ap.add_argument("--fold", type=int, required=True)
    ap.add_argument("--layers", type=int, default=None)
    ap.add_argument("--epochs", type=int, nargs="*", default=None, help="default: every epoch WORK kept")
    args = ap.parse_args(argv)

    from extractors.train_encoder import export, load_epoch
    from extractors.train_encoder_cv import score_fold

    work = Path(args.work)
    epochs = args.epochs or sorted(int(p.stem.split("epoch")[1]) for p in work.glob("weights-epoch*.pt"))
    for epoch in epochs:
        out = work / f"model-e{epoch}"
        model, info = load_epoch(work, epoch, args.layers)
        if not (out / "model.onnx").exists():
            export(model, out, info, work)
        row = next((h for h in info["history"] if h["epoch"] == epoch), {"epoch": epoch})
        for raw in (False, True):
            res = score_fold(out, args.fold, raw=raw)["exact"]
            row["pipeline_raw" if raw else "pipeline"] = res["micro"]["f1"]
            if not raw:
                row["per_type"] = {t: v["f1"] for t, v in res.items() if t != "micro"}
        print(json.dumps(row), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
