"""Statistical NER: a small trained spaCy ``ner`` model proposes candidates.

The model ships inside the package (``extractors/models/ner/``, saved with
``nlp.to_disk`` by :mod:`extractors.train_ner`); nothing is ever downloaded.
Its entities go to ``doc.spans["mentions"]`` with ``span_id="ner"`` (lowest
priority in :mod:`extractors.resolve`, so curated and coined names win) and
no ``kb_id``. Without a model directory the component warns once and adds
nothing, so fresh checkouts and the rules-only mode still work.
"""
from __future__ import annotations

import hashlib
import warnings
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import minibatch

from ontology import EntityType

from .gazetteer import SPAN_GROUP

MODEL_DIR = Path(__file__).parent / "models" / "ner"
#: Model label -> our entity type.
LABEL_MAP = {t.value: t.value for t in EntityType} | {"DATASET": "Dataset", "TASK": "Task", "METRIC": "Metric", "METHOD": "Method"}

_warned: set[str] = set()


def model_available(path: Path | str | None = None) -> bool:
    path = Path(path) if path else MODEL_DIR
    return (path / "meta.json").exists() and (path / "config.cfg").exists()


@lru_cache(maxsize=8)
def model_hash(path: str | None = None) -> str:
    """Short hash of the model's meta.json (and weights size), "" without a model."""
    p = Path(path) if path else MODEL_DIR
    if not model_available(p):
        return ""
    h = hashlib.sha256((p / "meta.json").read_bytes())
    for f in sorted(p.glob("ner/model")):
        h.update(str(f.stat().st_size).encode())
    return h.hexdigest()[:12]


def use_numpy_gemm(nlp: Language) -> None:
    """Run the model's matrix products through NumPy's BLAS instead of blis.

    Same results (checked on the seeds), but OpenBLAS' gemm is ~30% faster
    for the NER's small matrices here (7.7 -> 5.9 ms per abstract, one
    thread). The CLI pins OpenBLAS to one thread per process (kg/cli).
    """
    from thinc.api import NumpyOps

    ops = NumpyOps(use_blis=False)
    for _, proc in nlp.pipeline:
        model = getattr(proc, "model", None)
        if model is not None and hasattr(model, "walk"):
            for node in model.walk():
                node.ops = ops


class StatisticalNER:
    """Runs the packaged model on a copy of the doc's tokens; adds its entities as candidates."""

    def __init__(self, nlp: Language, name: str, model_path: str | None = None, batch_size: int = 64):
        self.name = name
        self.vocab = nlp.vocab
        self.path = Path(model_path) if model_path else MODEL_DIR
        self.batch_size = batch_size
        self.model: Language | None = None
        self.load()

    def load(self) -> None:
        if self.model is not None:
            return
        if not model_available(self.path):
            key = str(self.path)
            if key not in _warned:
                _warned.add(key)
                warnings.warn(f"mlkg_ner_v1: no NER model at {self.path}; statistical NER disabled "
                              "(train one with `python -m extractors.train_ner`)", stacklevel=2)
            return
        import spacy

        # Sharing the pipeline's vocab lets the model read our docs directly: no
        # copy Doc per abstract (measured ~1 ms each, mostly new lexemes).
        self.model = spacy.load(self.path, vocab=self.vocab)
        use_numpy_gemm(self.model)

    def _add(self, doc: Doc) -> None:
        """Move the model's ``doc.ents`` into the candidate group; clear ``doc.ents``."""
        group = list(doc.spans.get(SPAN_GROUP, []))
        for ent in doc.ents:
            label = LABEL_MAP.get(ent.label_)
            if label:
                group.append(Span(doc, ent.start, ent.end, label=label, span_id="ner"))
        doc.spans[SPAN_GROUP] = group
        doc.set_ents([], default="missing")

    def _run(self, docs: list[Doc]) -> list[Doc]:
        if self.model is None or not docs:
            return docs
        for doc in docs:  # the model predicts every token: no preset entities
            doc.set_ents([], default="missing")
        for _, proc in self.model.pipeline:
            docs = list(proc.pipe(docs, batch_size=self.batch_size)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
        for doc in docs:
            self._add(doc)
        return docs

    def __call__(self, doc: Doc) -> Doc:
        return self._run([doc])[0]

    def pipe(self, stream: Iterable[Doc], batch_size: int | None = None) -> Iterator[Doc]:
        for batch in minibatch(stream, size=batch_size or self.batch_size):
            yield from self._run(list(batch))


@Language.factory("mlkg_ner_v1", default_config={"model_path": None, "batch_size": 64})
def make_ner(nlp: Language, name: str, model_path: str | None, batch_size: int) -> StatisticalNER:
    return StatisticalNER(nlp, name, model_path, batch_size)
