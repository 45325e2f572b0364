"""One fold of ``kg evaluate --folds K --model accurate``: train an encoder
on the fold's TDMSci training documents (plus the recipe's SciERC train and
silver data, as :mod:`extractors.train_encoder` ships it), export it, and
return the accurate pipeline running it.

Needs the training extra (``pip install -e '.[train]'``). Each fold's
checkpoints sit in ``encoder-work/cv-fold<k>`` (``MLKG_ENCODER_WORK``
overrides the directory), so a cut-off CV resumes where it stopped.
"""
from __future__ import annotations

import os
from pathlib import Path


def fold_pipeline(train_docs, fold: int, log=print, epochs: int | None = None, **train_kw):
    from .pipeline import make_nlp
    from .train_encoder import DEFAULT_EPOCHS, export, train

    work = Path(os.environ.get("MLKG_ENCODER_WORK", "encoder-work")) / f"cv-fold{fold}"
    model_dir = work / "model"
    if not (model_dir / "model.onnx").exists():
        model, info = train(work, epochs or DEFAULT_EPOCHS, tdmsci_docs=train_docs, log=log or (lambda m: None), **train_kw)
        export(model, model_dir, info, work)
    nlp = make_nlp("accurate")
    nlp.replace_pipe("mlkg_ner_v1", "mlkg_encoder_v1", config={"model_path": str(model_dir)})
    return nlp


def score_fold(model_dir: str | Path, fold: int, folds: int = 5, raw: bool = False, tier: str = "accurate") -> dict:
    """Scores of a pipeline on TDMSci fold ``fold`` of ``kg evaluate --folds``
    (the accurate tier with the encoder in ``model_dir``, trained without that
    fold; or ``tier="fast"``, which trains nothing, for comparison)."""
    from kg.evaluate import evaluate_docs, kfold, read_corpus, results_to_dict

    from .pipeline import make_nlp
    from .train_ner import CORPORA_DIR

    corpus, docs = read_corpus(CORPORA_DIR / "tdmsci" / "train.conll", "tdmsci")
    test = [docs[i] for i in kfold(len(docs), folds, 0)[fold]]
    nlp = make_nlp(tier)
    if tier == "accurate":
        nlp.replace_pipe("mlkg_ner_v1", "mlkg_encoder_v1", config={"model_path": str(model_dir)})
    return results_to_dict(evaluate_docs(test, corpus, nlp, raw))


if __name__ == "__main__":
    import argparse
    import json

    ap = argparse.ArgumentParser(prog="python -m extractors.train_encoder_cv",
                                 description="Score an encoder on the TDMSci fold it was trained without.")
    ap.add_argument("model_dir")
    ap.add_argument("--fold", type=int, default=0)
    ap.add_argument("--raw", action="store_true")
    ap.add_argument("--tier", default="accurate")
    args = ap.parse_args()
    res = score_fold(args.model_dir, args.fold, raw=args.raw, tier=args.tier)
    print(json.dumps({k: {t: (v["f1"], v["gold"], v["predicted"]) for t, v in per.items()} for k, per in res.items()}))
