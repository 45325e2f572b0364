"""Issue 28: a collection the paper names is a Dataset, not a Method.

A name described as a lexicon, database, knowledge base/graph, repository,
archive or dictionary (extractors/name_types.RESOURCE_HEADS), and a coined
name listed after "N datasets:" / "datasets such as" (kg/collection_lists.py).
Whole real abstracts of ../shared drawn in ``bench/same_output.draw_sample(1000,
28022855)``, run through the default (standard) tier."""
from __future__ import annotations

from functools import lru_cache

from extractors.names import coined_type, guess_type
from kg.collection_lists import in_collection_list, listed_dataset
from ontology import EntityType
from tests.real_abstracts import needs_shared, read_abstracts

_IDS = {"conference_papers.jsonl.gz": ("id", {"682b67fbfa", "e8c15108d5"}),
        "acl_anthology.jsonl.gz": ("anthology_id", {"D17-1096", "2020.jeptalnrecital-jep.9"})}


@lru_cache(maxsize=1)
def _abstracts() -> dict[str, dict]:
    return read_abstracts(_IDS)


def _nodes(paper_id: str) -> dict[str, str]:
    from tests.test_nodes import _nodes_and_concepts

    r = _abstracts()[paper_id]
    return _nodes_and_concepts(r["title"], r["abstract"])[0]


def test_a_resource_head_types_the_description_dataset():
    # 2020.jeptalnrecital-jep.9's title: "(PTSVOX : a Speech Database for Forensic Voice Comparison )"
    assert coined_type("PTSVOX", " a Speech Database for Forensic Voice Comparison )") is EntityType.DATASET
    assert guess_type("Tourism-domain Knowledge Graph") is EntityType.DATASET
    assert guess_type("well-known ALARM network database") is EntityType.DATASET
    # a task or a method over a resource keeps its type; the bare head is the gazetteer's kind of thing
    assert guess_type("bilingual lexicon induction") is EntityType.TASK
    assert guess_type("Lexicon Enhanced BERT") is EntityType.METHOD
    assert guess_type("Knowledge Graph") is EntityType.METHOD
    assert guess_type("the knowledge bases") is EntityType.METHOD


def test_a_list_after_a_plural_collection_word():
    # conference_papers 682b67fbfa
    text = ("comprehensive experiments on aerial datasets such as HRSC2016, DOTAv1.0, DOTAv1.5 and VisDrone "
            "and obtain consistent improvements")
    for name in ("HRSC2016", "DOTAv1.5", "VisDrone"):
        assert in_collection_list(text, text.index(name)), name
    assert not in_collection_list(text, text.index("consistent"))
    # a sentence ends the list: "such as A. Our method uses BERT"
    text = "We use datasets such as SQuAD. Our method uses BERT"
    assert not in_collection_list(text, text.index("BERT"))
    assert listed_dataset("Method", "name", "visdrone", {"visdrone"})
    assert not listed_dataset("Method", "gazetteer", "bert", {"bert"})


def test_a_long_list_that_does_not_reach_the_mention_is_read_at_once():
    text = "datasets: " + "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 " * 5 + "we use X"
    assert not in_collection_list(text, len(text) - 1)


@needs_shared
def test_real_abstracts_type_their_collections_dataset():
    assert _nodes("682b67fbfa")["VisDrone"] == "Dataset"
    assert _nodes("D17-1096")["ASLex"] == "Dataset"  # "word relatedness datasets such as AMEN and ASLex"
    assert _nodes("e8c15108d5")["ALARM"] == "Dataset"  # "the well-known ALARM network database"
    assert _nodes("2020.jeptalnrecital-jep.9")["PTSVOX"] == "Dataset"
