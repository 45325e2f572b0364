"""Build the extraction pipeline from one config.

The component order is the whole algorithm: sentences, abbreviations,
gazetteer, coined names, (statistical NER), resolution to ``doc.ents``,
quantities, relations. The tier chooses the statistical NER in the
candidates' slot: ``accurate`` the MiniLM encoder (:mod:`extractors.encoder`),
``standard`` the small CNN (:mod:`extractors.ner`), ``fast`` none (rules
only). Callers that pass the older ``fast`` flag get ``fast`` for True and
the default tier for False.
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

#: The pipeline, in order: (component factory, used in fast mode). The
#: statistical NER's slot (``mlkg_ner_v1``) holds the tier's model.
PIPELINE: tuple[tuple[str, bool], ...] = (
    ("mlkg_sentences_v1", True),
    ("mlkg_abbreviations_v1", True),
    ("mlkg_gazetteer_v1", True),
    ("mlkg_names_v1", True),
    ("mlkg_established_v1", True),
    ("mlkg_ner_v1", False),
    ("mlkg_resolve_v1", True),
    ("mlkg_quantities_v1", True),
    ("mlkg_relations_v1", True),
)


#: The accurate tier's learned entity-pair relation classifier, run last.
RELATION_CLASSIFIER = "mlkg_relclf_v1"

#: Tiers, best first: the statistical NER factory each puts in the NER slot.
TIERS: dict[str, str | None] = {"accurate": "mlkg_encoder_v1", "standard": "mlkg_ner_v1", "fast": None}
#: The best tier that meets its speed floor (accurate >= 2x en_core_web_sm,
#: standard >= 10x; bench/bench_extract.py, README "Tiers"). On 2026-12-06
#: the accurate tier ran at 0.94-0.98x en_core_web_sm (one thread, 300 seed
#: abstracts, loaded machine; int8 matrix products are ~70% of its time, so
#: it is bound by this CPU's arithmetic), the standard tier at 14x: so
#: standard. ("accurate" falls back to standard
#: where the encoder model is missing.)
DEFAULT_TIER = "standard"


def default_tier() -> str:
    """:data:`DEFAULT_TIER`, or ``standard`` where the encoder model is missing."""
    if DEFAULT_TIER == "accurate":
        from .encoder import model_available

        return "accurate" if model_available() else "standard"
    return DEFAULT_TIER


def resolve_tier(tier: bool | str | None = None) -> str:
    """A tier name from a tier, None (the default) or the older ``fast`` flag."""
    if tier is True:
        return "fast"
    if tier is None or tier is False:
        return default_tier()
    if tier not in TIERS:
        raise ValueError(f"unknown model tier {tier!r}; expected one of {', '.join(TIERS)}")
    return tier


def make_nlp(fast: bool | str = False) -> Language:
    """A fresh pipeline on spaCy's blank English tokenizer (no download);
    ``fast``: a tier name (:data:`TIERS`) or the older rules-only flag."""
    from . import abbreviations, components, encoder, gazetteer, names, ner, quantities, relations, relclf, resolve, sentences  # noqa: F401 (registers)

    tier = resolve_tier(fast)
    nlp = customize_tokenizer(spacy.blank("en"))
    nlp.make_doc = TextKeepingMakeDoc(nlp)  # type: ignore[method-assign]
    for factory, in_fast in PIPELINE:
        if factory == "mlkg_ner_v1":
            if TIERS[tier]:
                # the accurate tier keeps the encoder's hidden states for the relation classifier
                config = {"vectors": True} if tier == "accurate" else {}
                nlp.add_pipe(TIERS[tier], name="mlkg_ner_v1", config=config)
            continue
        nlp.add_pipe(factory)
    if tier == "accurate":
        nlp.add_pipe(RELATION_CLASSIFIER)  # after the cue patterns (extractors/relclf.py)
    return nlp


@lru_cache(maxsize=4)
def get_nlp(fast: bool | str = False) -> Language:
    """The pipeline, built once per process and tier."""
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


def pipeline_version(fast: bool | str = False) -> str:
    """Changes whenever code version, gazetteer, tier or the tier's model
    change (triggers re-extraction)."""
    tier = resolve_tier(fast)
    parts = [__version__, gazetteer_version(), {"fast": "fast", "standard": "full"}.get(tier, tier)]
    parts += [name for name, _ in PIPELINE]
    if tier == "standard":
        from .ner import model_hash

        parts.append(model_hash())
    elif tier == "accurate":
        from .encoder import model_hash as encoder_hash

        from .relclf import model_hash as relclf_hash

        parts += [encoder_hash(), RELATION_CLASSIFIER, relclf_hash()]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]
