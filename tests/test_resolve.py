"""The one name resolver (kg/resolve.py): name, alias or id in any case, typed
filters, "did you mean", hostile text as a plain value; the same answers from
the embedded store and from a Bolt server."""
from __future__ import annotations

import pytest

from kg.resolve import ALIAS, EXACT_ALIAS, EXACT_NAME, ID, NAME, UnknownName, did_you_mean, resolve, resolve_one
from kg.stores import open_store

from test_leaderboard_presets import ENTITIES, HOSTILE, PAPERS, opened, tiny  # noqa: F401  (fixture)

CASES = [
    ("ImageNet", None, [("imagenet", EXACT_NAME)]),
    ("IMAGENET", None, [("imagenet", NAME)]),
    ("ILSVRC 2012", None, [("imagenet", EXACT_ALIAS)]),
    ("ilsvrc   2012", None, [("imagenet", ALIAS)]),  # spaces collapsed too
    ("wikitext103", None, [("wikitext103", ID)]),
    ("wt103", frozenset({"Dataset", "Benchmark"}), [("wikitext103", ALIAS)]),
    ("ImageNet", frozenset({"Method"}), []),
    ("top-1 acc", frozenset({"Metric"}), [("top1accuracy", ALIAS)]),
]


def _answers(store):
    return [[(r.id, r.rank) for r in resolve(store, typed, types)] for typed, types, _ in CASES]


def test_resolve_on_the_embedded_store(tiny):  # noqa: F811
    with opened(tiny) as store:
        assert _answers(store) == [want for *_, want in CASES]
        for value in HOSTILE:
            assert resolve(store, value) == []
        with pytest.raises(UnknownName) as info:
            resolve_one(store, "ImageNett", {"Dataset", "Benchmark"})
        assert info.value.suggestions[0] == "ImageNet"
        assert str(info.value).startswith("no benchmark or dataset named 'ImageNett'; did you mean 'ImageNet'")


def test_did_you_mean_prefers_the_closest_whole_name():
    labels = {"GLUE": "GLUE", "GLU": "gated linear unit", "DialoGLUE": "DialoGLUE", "ImageNet": "ImageNet"}
    assert did_you_mean("GLUEE", labels)[0] == "GLUE"
    assert did_you_mean("imagenett", labels) == ["ImageNet"]
    assert did_you_mean("zzzzzz", labels) == []


@pytest.mark.bolt
def test_resolve_on_bolt_agrees(tiny):  # noqa: F811
    from bolt_server import bolt_server

    with opened(tiny) as ox:
        expected = _answers(ox)
    with bolt_server() as (url, options):
        store = open_store(url, **options)
        try:
            store.write_papers(PAPERS)
            store.write_entities(ENTITIES)
            assert _answers(store) == expected
            for value in HOSTILE:
                assert resolve(store, value) == []
            with pytest.raises(UnknownName) as info:
                resolve_one(store, "ImageNett")
            assert info.value.suggestions[0] == "ImageNet"
        finally:
            store.close()
