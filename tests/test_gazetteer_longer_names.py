"""A curated name matched as the tail of a longer Title Case name (issue 28:
one name, two things). The sentences are real abstracts' (../shared/corpora/abstracts)."""
from __future__ import annotations

import pytest

from extractors.pipeline import get_nlp


@pytest.fixture(scope="module")
def nlp():
    return get_nlp("fast")


def _ents(nlp, text: str) -> list[tuple[str, str]]:
    return [(e.text, e.kb_id_) for e in nlp(text).ents]


@pytest.mark.parametrize("text, name", [
    # a Capitalised word of the name that a proposal cue would take on its own
    ("We propose a new model, called Augmented CycleGAN, which learns many-to-many mappings between domains.",
     "Augmented CycleGAN"),
    ("In this paper, we propose Multi-Choice Matching Networks to unify low-shot relation extraction.",
     "Multi-Choice Matching Networks"),
    ("In this work, we propose a novel training method named Chekhov GAN. On the theory side, we show that",
     "Chekhov GAN"),
    ("We present ReadOnce Transformers, an approach to convert a transformer-based model into one that can build",
     "ReadOnce Transformers"),
])
def test_longer_name_is_its_own_unlinked_entity(nlp, text, name):
    ents = _ents(nlp, text)
    assert (name, "") in ents
    assert not any(kb for t, kb in ents if t in name and t != name)


@pytest.mark.parametrize("text, name, kb", [
    ("We train an English-German NMT system.", "NMT", "neural machine translation"),  # a language pair is the setting
    ("GCDT achieves 91.96 F1 on the CoNLL03 NER task.", "NER", "named entity recognition"),  # an acronym before it
    ("We use a Transformer-based NMT model.", "NMT", "neural machine translation"),  # a lower-case compound modifies
    ("Matching Networks learn a metric over embeddings.", "Matching Networks", "Matching Networks"),  # sentence start
    # "X-based" makes the curated name a modifier of a longer name: the method is still used (audit part C)
    ("SECLA is a Symmetry-Enhanced Contrastive Learning-based Alignment model.", "Contrastive Learning",
     "contrastive learning"),
])
def test_curated_name_after_a_setting_stays_linked(nlp, text, name, kb):
    assert (name, kb) in _ents(nlp, text)
