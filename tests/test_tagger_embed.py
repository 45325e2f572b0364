"""The CNN tagger embeds each distinct token once per batch (issue 25's
speed) and must tag exactly as the model run as it is."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from extractors import tagger_embed
from extractors.tagger_embed import predict_scores, unique_rows

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


@pytest.fixture(scope="module")
def tagger():
    from extractors.pipeline import make_nlp

    nlp = make_nlp("standard")
    model = nlp.get_pipe("mlkg_ner_v1").model
    if model is None:
        pytest.skip("no NER model")
    return nlp, model.pipeline[0][1]


@pytest.fixture(scope="module")
def seed_texts() -> list[str]:
    from kg.sources import read_records

    if not SEEDS.exists():
        pytest.skip("../shared/seeds not found")
    return [" ".join(p for p in (r.title, r.abstract) if p) for r in read_records(str(SEEDS), on_error=lambda e: None)]


def test_unique_rows_rebuilds_every_row():
    rows = np.array([[1, 2, 3, 4], [5, 6, 7, 8], [1, 2, 3, 4], [1, 2, 3, 5], [5, 6, 7, 8]], dtype=np.uint64)
    first, inverse = unique_rows(rows)
    assert len(first) == 3
    assert np.array_equal(rows[first][inverse], rows)


def test_unique_rows_survives_colliding_keys(monkeypatch):
    # every row folds to the same key: the whole-row comparison must take over
    monkeypatch.setattr(tagger_embed, "_MIX", np.zeros(4, dtype=np.uint64))
    rows = np.array([[1, 2, 3, 4], [5, 6, 7, 8], [1, 2, 3, 4]], dtype=np.uint64)
    first, inverse = unique_rows(rows)
    assert len(first) == 2
    assert np.array_equal(rows[first][inverse], rows)


def test_tags_equal_the_model_run_as_it_is(tagger, seed_texts):
    nlp, proc = tagger
    assert tagger_embed._layout(proc.model) is not None, "the shipped model's layout is not recognised: no speed-up"
    docs = [nlp.make_doc(t) for t in seed_texts[:128]] + [nlp.make_doc("")]
    plain = proc.model.predict(docs)
    deduped = predict_scores(proc.model, docs)
    assert [s.shape for s in deduped] == [s.shape for s in plain]
    assert max(float(np.abs(a - b).max(initial=0)) for a, b in zip(plain, deduped)) < 1e-4
    for a, b in zip(proc._scores2guesses(plain), proc.predict(docs)):
        assert np.array_equal(a, b)


def test_unknown_layout_runs_the_model_as_it_is(tagger):
    nlp, proc = tagger
    docs = [nlp.make_doc("We train BERT on SQuAD.")]
    encoder = proc.model.layers[0]  # not a tagger: no output layer
    assert tagger_embed._layout(encoder) is None
    assert np.array_equal(predict_scores(encoder, docs)[0], encoder.predict(docs)[0])
