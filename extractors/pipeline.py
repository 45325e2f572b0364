"""Build the extraction pipeline from one config.

The component order is the whole algorithm: sentences, abbreviations,
gazetteer, coined names, (statistical NER), resolution to ``doc.ents``,
quantities, relations. ``fast`` mode leaves out statistical components.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache

import spacy
from spacy.language import Language

from ontology.gazetteer import gazetteer_version

from . import __version__
from .doctext import TextKeepingMakeDoc
from .tokenizer import customize_tokenizer

#: The pipeline, in order: (component factory, used in fast mode).
PIPELINE: tuple[tuple[str, bool], ...] = (
    ("mlkg_sentences_v1", True),
    ("mlkg_abbreviations_v1", True),
    ("mlkg_gazetteer_v1", True),
    ("mlkg_names_v1", True),
    ("mlkg_ner_v1", False),
    ("mlkg_resolve_v1", True),
    ("mlkg_quantities_v1", True),
    ("mlkg_relations_v1", True),
)


def make_nlp(fast: bool = False) -> Language:
    """A fresh pipeline on spaCy's blank English tokenizer (no download)."""
    from . import abbreviations, gazetteer, names, ner, quantities, relations, resolve, sentences  # noqa: F401 (registers)

    nlp = customize_tokenizer(spacy.blank("en"))
    nlp.make_doc = TextKeepingMakeDoc(nlp)  # type: ignore[method-assign]
    for factory, in_fast in PIPELINE:
        if fast and not in_fast:
            continue
        nlp.add_pipe(factory)
    return nlp


@lru_cache(maxsize=2)
def get_nlp(fast: bool = False) -> Language:
    """The pipeline, built once per process and mode."""
    return make_nlp(fast)


def freeze_loaded() -> None:
    """Move every object alive now (the loaded pipelines: vocab, gazetteer,
    model, some 100k objects) out of the cyclic garbage collector's reach
    (``gc.freeze``). For a process that loads its pipeline once and then
    extracts: each full collection otherwise rescans all of them. Measured
    per 1,000 abstracts: collections 84-114 -> 23-25 ms rules-only, 25-101
    -> 28-36 ms full. Before a fork it also keeps the workers' copy-on-write
    pages shared (the ``gc`` module's documentation advises it there). Not
    for a library caller's process whose objects alive now may later become
    garbage cycles: frozen objects are never collected."""
    import gc

    gc.freeze()


def pipeline_version(fast: bool = False) -> str:
    """Changes whenever code version, gazetteer or mode change (triggers re-extraction)."""
    parts = [__version__, gazetteer_version(), "fast" if fast else "full"]
    parts += [name for name, _ in PIPELINE]
    if not fast:
        from .ner import model_hash

        parts.append(model_hash())
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]
