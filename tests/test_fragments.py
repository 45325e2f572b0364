"""Issue 28: statistical spans that join two things (extractors/joined_names.py),
task spans cut inside a noun compound (extractors/noun_modifiers.py), spans
and names with the source's extra whitespace."""
from __future__ import annotations

import spacy

from extractors.doctext import tokens
from extractors.joined_names import campaign_after_team, coordinated_names
from extractors.name_bounds import space_trimmed
from extractors.noun_modifiers import is_noun, noun_modifier_start
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


def test_nouns_by_how_real_abstracts_tag_them():
    for word in ("feature", "hand", "uncertainty", "occlusion", "news", "robotics"):
        assert is_noun(word), word
    for word in ("novel", "addresses", "rhetorical", "semantic", "neural", "solving", "improved", "jointly",
                 "models", "the", "three"):
        assert not is_noun(word), word


def test_a_task_cut_after_its_noun_modifier_takes_it_in():
    toks, words = _toks("We provide experiments of feature point detection and matching.")
    start, end = _at(words, "point"), _at(words, "detection") + 1
    assert noun_modifier_start(toks, start, end, [False] * len(words)) == _at(words, "feature")
    # not a Capitalised word (6 of 9 right on real abstracts), nor "art" of "state of the art"
    toks, words = _toks("Decompose-ToM: Enhancing Theory of Mind Reasoning in Large Language Models")
    start = _at(words, "Reasoning")
    assert noun_modifier_start(toks, start, start + 1, [False] * len(words)) == start
    toks, words = _toks("fake news detection using state of the art machine learning models")
    start = _at(words, "machine")
    assert noun_modifier_start(toks, start, start + 2, [False] * len(words)) == start
    # not where the noun belongs to an adjective's phrase, after an infinitive's "to", or a verb
    for text, first in (("Experiments on several large scale text matching datasets.", "text"),
                        ("Online learning algorithms, widely used to power search and content optimization.", "search"),
                        ("This paper addresses motion tracking in video.", "motion"),
                        ("We study rhetorical relation identification.", "relation")):
        toks, words = _toks(text)
        start = _at(words, first)
        assert noun_modifier_start(toks, start, start + 2, [False] * len(words)) == start, text
    # ... nor before an acronym alone, most often a modifier itself ("lattice ASR inputs")
    toks, words = _toks("for clean text, 1-best ASR and lattice ASR inputs.")
    start = len(words) - 3
    assert words[start] == "ASR" and noun_modifier_start(toks, start, start + 1, [False] * len(words)) == start
    # ... nor over a token another mention holds
    toks, words = _toks("We provide experiments of feature point detection and matching.")
    taken = [False] * len(words)
    taken[_at(words, "feature")] = True
    assert noun_modifier_start(toks, _at(words, "point"), _at(words, "detection") + 1, taken) == _at(words, "point")


def test_spans_never_start_or_end_on_whitespace():
    toks, words = _toks("The  attention  module selects targets.")
    assert words[1].isspace()
    assert space_trimmed(toks, 1, 5) == (2, 5)
    assert toks.text_of(*space_trimmed(toks, 1, 5)) == "attention  module"
    assert space_trimmed(toks, 1, 2) is None


def test_node_names_are_single_spaced_and_keep_their_words():
    from tests.test_nodes import _nodes_and_concepts

    nodes, concepts = _nodes_and_concepts(
        "Active Gesture Recognition using Learned Visual Attention",
        "A hidden-state reinforcement  learning paradigm is  used  to implement visual  attention.  The  attention"
        "  module selects  targets  to foveate.")
    assert "reinforcement learning" in nodes
    assert not [n for n in nodes if "  " in n or n != n.strip()], nodes
    # a concept is a mention: the source's text, but no whitespace at its ends
    assert not [c for c in concepts if c != c.strip()], concepts


def test_a_citation_placeholder_is_no_node():
    from tests.test_nodes import _nodes_and_concepts

    nodes, _ = _nodes_and_concepts(
        "Multimodal Fusion for Sentiment Analysis",
        "Motivated by the work of~(CITATION) and~(CITATION), we present our transformer-based model. "
        "It is built upon the generative model FiD (CITATION).")
    assert not [n for n in nodes if "CITATION" in n], nodes


def test_a_qualified_metric_is_not_cut_to_its_head():
    from tests.test_nodes import _nodes_and_concepts

    nodes, _ = _nodes_and_concepts(
        "Improving Dialogue State Tracking by Discerning the Relevant Context",
        "Our model reaches a joint goal accuracy of 55.3% on MultiWOZ 2.1. In the sentiment task, "
        "the system obtained an average recall of 67.6%.")
    assert nodes.get("joint goal accuracy") == "Metric", nodes
    assert "accuracy" not in nodes and "recall" not in nodes, nodes


def test_a_symbol_of_a_formula_is_no_node():
    from tests.test_nodes import _nodes_and_concepts

    nodes, _ = _nodes_and_concepts(
        "Regret guarantees for constrained reinforcement learning",
        r"For MDPs with mixing time $T_M$ and slackness characterized by $\kappa$, we prove a regret bound.")
    assert not [n for n in nodes if n.lower() in ("kappa", "t_m")], nodes


def test_a_title_name_starts_where_the_abstract_writes_it():
    """Title and abstract both write the longer phrase: the title's span takes
    in the noun before it (real abstracts: conference_papers 230789c9a5, ACL
    2021.eacl-main.140, 2021.bionlp-1.30)."""
    from tests.test_nodes import _nodes_and_concepts

    nodes, _ = _nodes_and_concepts(
        "Eye Contact Correction using Deep Neural Networks",
        "In a typical video conferencing setup, it is hard to maintain eye contact during a call since it requires "
        "looking into the camera rather than the display. We propose an eye contact correction model that restores "
        "the eye contact regardless of the relative position of the camera and display.")
    assert nodes.get("Eye Contact Correction") == "Task", nodes
    assert "Contact Correction" not in nodes, nodes
    # a grading word only where the abstract capitalises it as the title does
    nodes, _ = _nodes_and_concepts(
        "WiC-TSV: An Evaluation Benchmark for Target Sense Verification of Words in Context",
        "We present WiC-TSV, a new multi-domain evaluation benchmark for Word Sense Disambiguation. More "
        "specifically, we introduce a framework for Target Sense Verification of Words in Context which grounds its "
        "uniqueness in the formulation as binary classification task.")
    assert "Target Sense Verification" in nodes and "Sense Verification" not in nodes, nodes
    nodes, _ = _nodes_and_concepts(
        "NCUEE-NLP at MEDIQA 2021: Health Question Summarization Using PEGASUS Transformers",
        "A total of 22 teams participated in the consumer health question summarization task of MEDIQA 2021.")
    assert "Health Question Summarization" in nodes, nodes


def test_a_title_word_that_describes_is_not_taken_in():
    """Adjectives, verbs and participles before a title's task stay out, even
    where the abstract repeats them (real titles: 2021.conll-1.43, D19-1401,
    2020.emnlp-main.726); so does a curated name's lead ("Causal" of
    "Perception-Action Causal Transformer")."""
    from extractors.title_names import start_named_in_both

    for title, abstract, span in (
            ("A Large-scale Comprehensive Abusiveness Detection Dataset with Multifaceted Labels from Reddit",
             "In this paper, we propose a Comprehensive Abusiveness Detection Dataset (CADD).", "Abusiveness"),
            ("Combining Unsupervised Pre-training and Annotator Rationales to Improve Low-shot Text Classification",
             "We show that rationales improve low-shot text classification.", "Low"),
            ("Data Boost: Text Data Augmentation Through Reinforcement Learning Guided Conditional Generation",
             "a novel reinforcement learning guided conditional generation.", "Conditional")):
        text = title + "\n\n" + abstract
        toks, words = _toks(text)
        start = _at(words, span)
        end = _at(words, "Classification") + 1 if span == "Low" else start + 2
        assert start_named_in_both(toks, start, end, [False] * len(words), len(title) + 2) == start, title
    nodes, _ = _nodes_and_concepts_of(
        "PACT: Perception-Action Causal Transformer for Autoregressive Robotics Pre-Training",
        "We present the Perception-Action Causal Transformer (PACT), a generative transformer-based architecture "
        "that aims to build representations directly from robot data in a self-supervised fashion.")
    assert "Transformer" in nodes, nodes


def test_a_reasoning_phrase_is_a_task_by_other_evidence_only():
    """Reasoning about a thing ("occlusion reasoning") names no task; the
    kinds of reasoning that are tasks are named by an adjective or curated."""
    from kg.nodes import names_a_task

    for phrase in ("occlusion reasoning", "uncertainty reasoning", "relation reasoning"):
        assert not names_a_task(phrase), phrase
    for phrase in ("numerical reasoning", "multi-hop reasoning", "spatial commonsense reasoning", "trait inference"):
        assert names_a_task(phrase), phrase
    nodes, _ = _nodes_and_concepts_of(
        "Social Commonsense Reasoning with Multi-Head Knowledge Attention",
        "It requires commonsense reasoning skills and occlusion reasoning.")
    assert nodes.get("commonsense reasoning") == "Task", nodes
    assert "occlusion reasoning" not in nodes, nodes


def _nodes_and_concepts_of(title: str, abstract: str):
    from tests.test_nodes import _nodes_and_concepts

    return _nodes_and_concepts(title, abstract)


def test_a_campaign_head_alone_is_no_node():
    """"the shared task" names no campaign (GUIDE: generic); the campaign's
    name does (ACL 2021.wanlp-1.44, real abstract, shortened)."""
    from kg.nodes import node_kind

    assert node_kind("shared task", False, False, "Task") is None
    assert node_kind("Shared Tasks", False, True, "Task") is None
    assert node_kind("evaluation campaign", False, False, "Task") is None
    nodes, _ = _nodes_and_concepts_of(
        "Sarcasm and sentiment detection in Arabic",
        "This paper presents one of the top five winning solutions for the Shared Task on Sarcasm and Sentiment "
        "Detection in Arabic (SubTask-1 Sarcasm Detection).")
    assert "shared task" not in {n.lower() for n in nodes}, nodes


def test_words_across_a_spaced_dash_are_no_name():
    """A dash between spaces joins parts of a sentence (real abstracts: audit
    86e6824f29 and paper1011, draw_sample(3000, 38110711)); a defined name
    written with one keeps its node."""
    from kg.nodes import node_kind

    for text in ("given VC dimension \u2013 answering", "offer -- applicant CV matching", "quadrotor system - VOOPS",
                 "LIWC2007 - tool"):
        assert node_kind(text, False, False, "Method") is None, text
    assert node_kind("Local - Global Question Aware Video Embedding", False, True, "Method") == "defined"
    assert node_kind("BERT-base", False, False, "Method") == "name"
