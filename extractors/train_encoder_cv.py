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
