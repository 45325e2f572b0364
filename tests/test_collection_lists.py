"""Issue 28: coined names written before a collection's head word are that collection
(extractors/collection_lists.py), found even where the tagger misses them."""
from __future__ import annotations

from extractors.collection_lists import collection_list_names
from extractors.pipeline import get_nlp


def _names(text: str, defined: dict[str, str] | None = None) -> list[tuple[str, str]]:
    return [(text[a:b], label) for a, b, label in collection_list_names(text, defined)]


def test_coordinated_names_before_a_plural_head_are_datasets():
    # audit part E (2022.acl-long.110): the tagger missed SMCalFlow and typed TreeDST a Method
    assert _names("Experiments on the SMCalFlow and TreeDST datasets show our approach achieves large latency "
                  "reduction") == [("SMCalFlow", "Dataset"), ("TreeDST", "Dataset")]
    assert _names("using three open-source datasets namely 300W-LP, AFLW2000, and BIWI datasets.") == [
        ("300W-LP", "Dataset"), ("AFLW2000", "Dataset"), ("BIWI", "Dataset")]
    # datasets used as benchmarks are datasets; a singular "benchmark" is a Benchmark, a "benchmark dataset" not
    assert _names("on the CGED-2018 and CGED-2020 benchmarks.") == [("CGED-2018", "Dataset"), ("CGED-2020", "Dataset")]
    assert _names("outperform the existing baselines on FETAQA benchmark.") == [("FETAQA", "Benchmark")]
    assert _names("Experimental results on the CAD-120 benchmark dataset show") == [("CAD-120", "Dataset")]


def test_a_kind_of_collection_is_no_name():
    # one coined word before a plural names a kind ("RDF datasets"); an indefinite article a dataset *of* it
    for text in ("RDF datasets are widely used", "We validate our model on a public COVID-19 dataset",
                 "we collect a new RGB-D dataset", "the POS-tagged corpus and the IndoWordNet synsets",
                 "given a FrameNet-annotated corpus", "we adopt them as L1 and L2 corpora"):
        assert _names(text) == [], text
    # the tail of a longer name is left to the gazetteer and the tagger
    assert _names("on the MS COCO dataset") == []
    # a defined short form is a collection only when its long form says so
    defined = {"FSCIL": "few-shot class-incremental learning"}
    assert _names("experiments on three FSCIL benchmark datasets", defined) == []
    assert _names("an extension of the OAEI benchmark test 206") == [("OAEI", "Benchmark")]


def test_the_pipeline_types_and_finds_them():
    for tier in ("fast", "standard"):
        doc = get_nlp(tier)("Experiments on the SMCalFlow and TreeDST datasets show our approach achieves large "
                            "latency reduction.")
        ents = {e.text: e.label_ for e in doc.ents}
        assert ents.get("SMCalFlow") == "Dataset" and ents.get("TreeDST") == "Dataset", (tier, ents)
