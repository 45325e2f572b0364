"""The CNN tagger's scores with each distinct token embedded once per batch.

spaCy's ``HashEmbedCNN`` tok2vec (the standard tier's model,
extractors/models/ner) embeds every token from four of its attributes
(NORM, PREFIX, SUFFIX, SHAPE): four hash-table rows, a maxout layer and a
layer norm, all of which read that token's four ids and nothing else. Only
the CNN after it reads neighbours. In a batch of 64 abstracts about a
quarter of the tokens are distinct (the, of, a, model, ...), so
:func:`predict_scores` embeds the distinct id rows once and copies each
row's vector to its tokens, then runs the CNN and the softmax as the model
does. On 320 real abstracts: 0.66 -> 0.26 ms per abstract for the
embedding, the tagger's prediction 2.6 -> 2.2 ms.

The arithmetic per row is the model's own, but a matrix product's float
rounding depends on how many rows it is given (OpenBLAS blocks the rows),
so scores can differ in the last bits (at most ~6e-6 here), as they already
do between the same abstract in two different batches. The tags, and so
the output, are the same: bench/same_output.py checks that on the seeds and
3,000 real abstracts. A model of any other layout is run as it is.
"""
from __future__ import annotations

from typing import Any

import numpy as np
from thinc.api import Model
from thinc.types import Ragged

#: Odd 64-bit multipliers that fold a row of four ids into one key (the
#: key is only a sort key: rows are compared in full afterwards).
_MIX = np.array([1, 0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9], dtype=np.uint64)

_FEATURES = ["NORM", "PREFIX", "SUFFIX", "SHAPE"]


def unique_rows(rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``(first, inverse)`` with ``rows[first]`` the distinct rows of a 2-D
    integer array and ``rows[first][inverse] == rows``. Sorts one 64-bit key
    per row (a sort of 16-byte-plus row records costs ~4x more), then checks
    every row against its representative; where two rows shared a key it
    falls back to comparing whole rows."""
    with np.errstate(over="ignore"):
        keys = (rows.astype(np.uint64, copy=False) * _MIX[: rows.shape[1]]).sum(axis=1, dtype=np.uint64)
    _, first, inverse = np.unique(keys, return_index=True, return_inverse=True)
    inverse = inverse.reshape(-1)
    if not np.array_equal(rows[first][inverse], rows):
        whole = np.ascontiguousarray(rows).view(np.dtype((np.void, rows.dtype.itemsize * rows.shape[1]))).ravel()
        _, first, inverse = np.unique(whole, return_index=True, return_inverse=True)
        inverse = inverse.reshape(-1)
    return first, inverse


def _layout(model: Model) -> tuple[Model, ...] | None:
    """The layers :func:`predict_scores` runs, or None if ``model`` is not a
    ``spacy.Tagger.v2`` over ``spacy.HashEmbedCNN.v2`` as trained by
    extractors/train_ner.py."""
    try:
        tok2vec, output = model.layers
        embed, encode = tok2vec.layers
        features, to_ragged, hashed, mix, to_list = embed.layers
    except (ValueError, AttributeError):
        return None
    names = (features.name, to_ragged.name, to_list.name)
    if names != ("extract_features", "list2ragged", "ragged2list") or features.attrs.get("columns") != _FEATURES:
        return None
    if not hashed.name.startswith("with_array(") or not mix.name.startswith("with_array(maxout"):
        return None
    if not all(layer.name == "ints-getitem>>hashembed" for layer in hashed.layers[0].layers):
        return None
    return features, to_ragged, hashed, mix, to_list, encode, output


def predict_scores(model: Model, docs: list[Any]) -> list[np.ndarray]:
    """``model.predict(docs)``: per doc, its ``[n_tokens, n_tags]`` scores,
    with each distinct row of token ids embedded once (module docstring)."""
    layers = _layout(model)
    if layers is None:
        return model.predict(docs)
    features, to_ragged, hashed, mix, to_list, encode, output = layers
    ids = to_ragged.predict(features.predict(docs))
    first, inverse = unique_rows(ids.data)
    distinct = Ragged(np.ascontiguousarray(ids.data[first]), model.ops.asarray1i([len(first)]))
    vectors = mix.predict(hashed.predict(distinct)).data
    embedded = to_list.predict(Ragged(vectors[inverse], ids.lengths))
    return output.predict(encode.predict(embedded))
