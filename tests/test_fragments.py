"""Issue 28: statistical spans cut inside a noun compound, or joining two things
(extractors/noun_compounds.py, extractors/joined_names.py)."""
from __future__ import annotations

import spacy

from extractors.doctext import tokens
from extractors.joined_names import campaign_after_team, coordinated_names
from extractors.noun_compounds import is_noun, noun_modifier_start
from extractors.tokenizer import customize_tokenizer

_NLP = customize_tokenizer(spacy.blank("en"))


def _toks(text: str):
    doc = _NLP.make_doc(text)
    return tokens(doc), [t.text for t in doc]


def _at(words: list[str], word: str) -> int:
    return words.index(word)


def test_nouns_by_corpus_evidence():
    for word in ("feature", "hand", "uncertainty", "knowledge", "image"):
        assert is_noun(word), word
    for word in ("novel", "successful", "semantic", "dynamic", "neural", "solving", "improved", "jointly", "other", "the"):
        assert not is_noun(word), word


def test_a_task_cut_after_its_noun_modifier_takes_it_in():
    toks, words = _toks("We provide experiments of feature point detection and matching.")
    start, end = _at(words, "point"), _at(words, "detection") + 1
    assert noun_modifier_start(toks, start, end, [False] * len(words)) == _at(words, "feature")
    # ... not where the noun belongs to an adjective's phrase, nor after an infinitive's "to"
    toks, words = _toks("Experiments on several large scale text matching datasets.")
    start = _at(words, "text")
    assert noun_modifier_start(toks, start, start + 2, [False] * len(words)) == start
    toks, words = _toks("Online learning algorithms, widely used to power search and content optimization.")
    start = _at(words, "search")
    assert noun_modifier_start(toks, start, start + 1, [False] * len(words)) == start
    # ... nor over a token another mention holds
    toks, words = _toks("We provide experiments of feature point detection and matching.")
    taken = [False] * len(words)
    taken[_at(words, "feature")] = True
    assert noun_modifier_start(toks, _at(words, "point"), _at(words, "detection") + 1, taken) == _at(words, "point")


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
        "This paper describes our system. Experiments on the SMCalFlow and TreeDST datasets show gains. "
        "We provide comprehensive experiments of feature point detection and matching.")
    assert nodes.get("IJCNLP-2017 Task 5") == "Benchmark"
    assert not [n for n in nodes if " at " in n or " and " in n]
    assert "point detection" not in nodes
