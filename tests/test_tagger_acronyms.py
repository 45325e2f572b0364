"""Issue 28: a short acronym that only the statistical tagger reads as a name
is no node (kg/tagger_acronyms.py). Whole real abstracts of ../shared, drawn
in ``bench/same_output.draw_sample(1000, 16281628)``, run through the default
(standard) tier."""
from __future__ import annotations

from functools import lru_cache

from tests.real_abstracts import needs_shared, read_abstracts
from kg.tagger_acronyms import near_collection_word, tagger_acronym, tagger_dataset_guess, tagger_guess, tagger_only_keys

_IDS = {"conference_papers.jsonl.gz": ("id", {"f06ec3f6b4", "9561324", "4209489", "8793752"}),
        "acl_anthology.jsonl.gz": ("anthology_id", {"N18-2093", "N18-1028", "D19-6215", "W16-5413",
                                                    "2021.emnlp-main.607"})}


@lru_cache(maxsize=1)
def _abstracts() -> dict[str, dict]:
    return read_abstracts(_IDS)


def _nodes_and_concepts(paper_id: str) -> tuple[dict[str, str], set[str]]:
    from tests.test_nodes import _nodes_and_concepts

    r = _abstracts()[paper_id]
    return _nodes_and_concepts(r["title"], r["abstract"])


def test_the_shape_is_a_bare_short_acronym():
    for text in ("SQL", "IMU", "PDE", "IR", "L2F", "A2"):
        assert tagger_acronym(text), text
    # longer acronyms, mixed case, hyphens and phrases are other shapes (WD50K, ANOVA, CLIPS are mostly right)
    for text in ("WD50K", "ANOVA", "GPT-4", "BERT-base", "ResNet", "mIoU", "SQL queries", "I", "3D"):
        assert not tagger_acronym(text), text


def test_only_mentions_the_tagger_alone_found_count():
    keys = ["sql", "bert", "bert", "imu"]
    assert tagger_only_keys(keys, ["ner", "ner", "gazetteer", "ner"]) == {"sql", "imu"}
    assert tagger_guess("SQL", "sql", "name", {"sql"})
    assert not tagger_guess("SQL", "sql", "defined", {"sql"})  # the paper defines it
    assert not tagger_guess("SQL", "sql", "gazetteer", {"sql"})
    assert not tagger_guess("SQL", "sql", "name", set())  # a rule found it too


@needs_shared
def test_units_formats_and_fields_the_tagger_read_as_names_are_no_nodes():
    # "converts them to SQL queries automatically" (N18-2093, TypeSQL): a query language, no Method
    nodes, concepts = _nodes_and_concepts("N18-2093")
    assert "SQL" not in nodes and "SQL" in concepts
    # "NLP/IR tasks" (N18-1028): a field written as a modifier, not a Dataset
    nodes, _ = _nodes_and_concepts("N18-1028")
    assert "IR" not in nodes
    # "a coupled PDE system" (f06ec3f6b4, GeONet): mathematics, no Method; the paper's own name stays
    nodes, _ = _nodes_and_concepts("f06ec3f6b4")
    assert "PDE" not in nodes and "GeONet" in nodes
    # "IMU preintegration" (9561324, KFS-LIO): a device
    nodes, _ = _nodes_and_concepts("9561324")
    assert "IMU" not in nodes


@needs_shared
def test_names_the_gazetteer_or_the_rules_back_stay_nodes():
    # "Conditional Random Fields (CFR) and Long Short-Term Memory (LSTM) machine learning algorithms were used to
    # train de-identification models ... CRF showed better performance for some PHI information" (D19-6215)
    nodes, concepts = _nodes_and_concepts("D19-6215")
    assert {"conditional random field", "long short-term memory"} <= set(nodes)
    assert "PHI" not in nodes and "PHI" in concepts  # protected health information: no ML entity


def test_a_tagger_dataset_needs_a_collection_word_near_it():
    text = "Evaluation of the proposed method is conducted on the multi-season NORDLAND dataset, and"
    start = text.index("NORDLAND")
    assert near_collection_word(text, start, start + len("NORDLAND"))
    text = "learning of a strong punching movement on the Fujitsu humanoid robot, Hoap-2."
    start = text.index("Hoap-2")
    assert not near_collection_word(text, start, start + len("Hoap-2"))
    assert tagger_dataset_guess("hoap-2", "name", "Dataset", {"hoap-2"}, set())
    assert not tagger_dataset_guess("hoap-2", "name", "Dataset", {"hoap-2"}, {"hoap-2"})
    assert not tagger_dataset_guess("hoap-2", "defined", "Dataset", {"hoap-2"}, set())  # the paper defines it
    assert not tagger_dataset_guess("hoap-2", "name", "Dataset", set(), set())  # a rule found it too
    assert not tagger_dataset_guess("hoap-2", "name", "Method", {"hoap-2"}, set())


@needs_shared
def test_tagger_datasets_with_no_collection_word_are_no_nodes():
    # "on the Fujitsu humanoid robot, Hoap-2" (4209489): a robot, typed Dataset by the tagger
    nodes, _ = _nodes_and_concepts("4209489")
    assert nodes.get("Hoap-2") != "Dataset"
    # "three relations (MadeOf, UsedFor, AtLocation)" (W16-5413): ConceptNet's relation names
    nodes, _ = _nodes_and_concepts("W16-5413")
    assert nodes.get("AtLocation") != "Dataset"
    # "the multi-season NORDLAND dataset, and the multi-weather GTAV dataset" (8793752), "On the MTOP dataset"
    nodes, _ = _nodes_and_concepts("8793752")
    assert nodes.get("NORDLAND") == "Dataset" and nodes.get("GTAV") == "Dataset"
    nodes, _ = _nodes_and_concepts("2021.emnlp-main.607")
    assert nodes.get("MTOP") == "Dataset"


def test_a_list_or_a_named_phrase_carries_its_collection_word():
    """A collection word heading the list a name is a member of, or ending the phrase the
    name abbreviates in parentheses, backs the tagger's Dataset guess as much as one
    within 40 characters (conference_papers 9b69146faa; acl L16-1350, audit part A)."""
    from kg.tagger_acronyms import near_collection_word

    text = ("We validate MARC through extensive experiments on common long-tailed benchmarks including "
            "CIFAR-LT, ImageNet-LT, Places-LT, and iNaturalist-LT.")
    i = text.index("iNaturalist-LT")
    assert near_collection_word(text, i, i + len("iNaturalist-LT"))
    text = ("It consists of a Japanese-English scientific paper abstract corpus of approximately 3 million "
            "parallel sentences (ASPEC-JE) and a Chinese-Japanese scientific paper excerpt corpus")
    i = text.index("ASPEC-JE")
    assert near_collection_word(text, i, i + len("ASPEC-JE"))
    # a split names data: "Understanding Back-Translation at Scale" (PwC results gold, dev half)
    text = "we achieve 35 BLEU on the WMT’14 English-German test set"
    i = text.index("WMT")
    assert near_collection_word(text, i, i + len("WMT’14 English-German"))
    # a collection word earlier in the sentence, but a clause between: no backing
    text = "The data of the project is released, and the code is available on GitHub for all users."
    i = text.index("GitHub")
    assert not near_collection_word(text, i, i + len("GitHub"))
