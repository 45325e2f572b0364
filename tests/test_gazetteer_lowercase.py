"""A collection's name in lower case is an ordinary phrase, not the collection
(issue 28: a Dataset node that names no dataset). The sentences are real
abstracts' (../shared/corpora/abstracts, drawn by draw_sample(1000, 17171742))."""
from __future__ import annotations

import pytest

from extractors.gazetteer import lowercase_collection
from extractors.pipeline import get_nlp
from kg.linking import default_entries


@pytest.fixture(scope="module")
def nlp():
    return get_nlp("fast")


@pytest.fixture(scope="module")
def entries():
    return {e.name: e for e in default_entries()}


def _linked(nlp, text: str) -> set[str]:
    return {e.kb_id_ for e in nlp(text).ents if e.kb_id_}


@pytest.mark.parametrize("text, kb", [
    ("Question generation over knowledge bases (KBQG) aims at generating natural questions about a subgraph, "
     "which can be answered by a given answer entity.", "Natural Questions"),  # 2022.coling-1.572
    ("In addition, it allows the generation of proposition banks upon which semantic parsers can be trained.",
     "PropBank"),  # C16-1096
    ("In medical domain, given a medical question, it is difficult to manually select the most relevant "
     "information from a large number of search results.", "Medical domain"),
])
def test_lower_case_words_of_a_collection_link_to_nothing(nlp, text, kb):
    assert kb not in _linked(nlp, text)


@pytest.mark.parametrize("text, kb", [
    ("This greatly improves OpenQA retrieval on Natural Questions, SQuAD, and TriviaQA, and the resulting system "
     "attains effective performance.", "Natural Questions"),  # 2021.tacl-1.55
    ("Mixing WordNet, VerbNet and PropBank for studying verb relations", "PropBank"),
])
def test_the_collection_written_as_its_name_still_links(nlp, text, kb):
    assert kb in _linked(nlp, text)


def test_only_collections_and_only_lower_case(entries):
    assert lowercase_collection("natural questions", entries["Natural Questions"])
    assert lowercase_collection("hate speech", entries["Hate Speech"])
    assert not lowercase_collection("Natural Questions", entries["Natural Questions"])
    # a task's or a method's name is a common noun, written either way
    task = next(e for e in entries.values() if e.type.value == "Task" and e.name.lower() == "machine translation")
    assert not lowercase_collection("machine translation", task)
