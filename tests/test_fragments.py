"""Issue 28: statistical spans that join two things (extractors/joined_names.py)."""
from __future__ import annotations

import spacy

from extractors.doctext import tokens
from extractors.joined_names import campaign_after_team, coordinated_names
from extractors.tokenizer import customize_tokenizer

_NLP = customize_tokenizer(spacy.blank("en"))


def _toks(text: str):
    doc = _NLP.make_doc(text)
    return tokens(doc), [t.text for t in doc]


def _at(words: list[str], word: str) -> int:
    return words.index(word)


def test_team_at_campaign_keeps_the_campaign():
    toks, words = _toks("YNU-HPCC at IJCNLP-2017 Task 5")
    assert words[campaign_after_team(toks, 0, len(words))] == "IJCNLP-2017"
    toks, words = _toks("Michigan @ SMM4H 2019 Task 1")
    assert words[campaign_after_team(toks, 0, len(words))] == "SMM4H"
    toks, words = _toks("attention at inference time")
    assert campaign_after_team(toks, 0, len(words)) == 0


def test_two_coordinated_names_are_two():
    toks, words = _toks("Experiments on the SMCalFlow and TreeDST datasets")
    start = _at(words, "SMCalFlow")
    parts = coordinated_names(toks, start, len(words))
    assert [toks.text_of(a, b) for a, b in parts] == ["SMCalFlow", "TreeDST"]
    toks, words = _toks("results on CK+ and Oulu-CASIA")
    parts = coordinated_names(toks, _at(words, "on") + 1, len(words))
    assert [toks.text_of(a, b) for a, b in parts] == ["CK+", "Oulu-CASIA"]
    # a span starting inside a name, a version pair, and plain words are left alone
    toks, words = _toks("Something-Something V1&V2 and Diving48")
    assert coordinated_names(toks, _at(words, "and") - 1, len(words)) == []
    toks, words = _toks("machine translation and parsing")
    assert coordinated_names(toks, 0, len(words)) == []


def test_the_audit_cases_end_to_end():
    from tests.test_nodes import _nodes_and_concepts

    nodes, _ = _nodes_and_concepts(
        "YNU-HPCC at IJCNLP-2017 Task 5: Multi-choice Question Answering in Exams",
        "This paper describes our system for the shared task. We use an attention-based LSTM model.")
    assert nodes.get("IJCNLP-2017 Task 5") == "Benchmark"
    assert not [n for n in nodes if " at " in n or " and " in n]
