"""Issue 28: a mention that is only ever the first words of a longer
capitalised name is no node (kg/name_runs.py). Sentences from real abstracts
(audit parts A-I and ``draw_sample(3000, 38110711)`` of ../shared)."""
from __future__ import annotations

from functools import lru_cache

from tests.real_abstracts import needs_shared, read_abstracts
from kg.name_runs import content_word_before, device_after, name_word_before, next_name_word, organisation_after


_IDS = {"conference_papers.jsonl.gz": ("id", {"5011fe3a19", "efeca06540", "2fd336fb7b", "9196781", "10161287", "5980474"}),
        "acl_anthology.jsonl.gz": ("anthology_id", {"2020.semeval-1.225", "2005.mtsummit-papers.34", "2021.cl-2.15"})}


@lru_cache(maxsize=1)
def _abstracts() -> dict[str, dict]:
    return read_abstracts(_IDS)


def _nodes_of(paper_id: str) -> dict[str, str]:
    from tests.test_nodes import _nodes_and_concepts

    r = _abstracts()[paper_id]
    return _nodes_and_concepts(r["title"], r["abstract"])[0]


def _nodes(title: str, abstract: str) -> dict[str, str]:
    from tests.test_nodes import _nodes_and_concepts

    return _nodes_and_concepts(title, abstract)[0]


def test_the_word_after_a_mention_that_carries_a_name_on():
    assert next_name_word(" Corner Dataset). The") == "Corner"  # HVGA ATIS Corner Dataset
    assert next_name_word(" Aachen University for") == "Aachen"
    # a variable, a version, a split or a campaign's task picks a part of the name, no longer name
    for after in (" G and a sentence S", " II, which allows", " Test and COCO", " Test-dev. Compared",
                  " Task. We describe", " Track at the Cross"):
        assert next_name_word(after) is None, after
    # function words, lower-case words, punctuation and a second space carry nothing on
    for after in (" In addition,", " dataset show", ". Corner", "  Corner", ", Corner"):
        assert next_name_word(after) is None, after


def test_organisations_and_words_before():
    assert organisation_after(" Lab. Universitas Indonesia (3218IR)")
    assert organisation_after(" Aachen University for building")
    assert organisation_after(" Group’s (NDNLP) submission")
    assert not organisation_after(" Corner Dataset). The")
    assert name_word_before("N-Caltech101, and HVGA ")
    assert not name_word_before("experiments. Results ")  # a sentence's first word
    assert not name_word_before("results on the ")


@needs_shared
def test_a_name_cut_before_its_last_words_is_no_node():
    """Before kg/name_runs.py each of these was a node (audit A-I judged them
    fragments; RWTH is the university)."""
    nodes = _nodes_of("5011fe3a19")  # "... and HVGA ATIS Corner Dataset)"
    assert "ATIS" not in nodes and "EventPoint" in nodes, nodes
    nodes = _nodes_of("efeca06540")  # "we introduce Diffusion-BasEd Scene Text manipulation network so-called DBEST"
    assert not [n for n in nodes if n.lower() == "diffusion-based"], nodes
    nodes = _nodes_of("2020.semeval-1.225")  # "the team of Information Retrieval Lab. Universitas Indonesia"
    assert "information retrieval" not in {n.lower() for n in nodes}, nodes
    nodes = _nodes_of("2005.mtsummit-papers.34")  # "the ongoing work at RWTH Aachen University"
    assert "RWTH" not in nodes, nodes


@needs_shared
def test_a_name_with_its_head_or_part_keeps_its_node():
    nodes = _nodes_of("2fd336fb7b")  # "We evaluate our model on CrowdPose Test and COCO Test-dev."
    assert "CrowdPose" in nodes and "COCO" in nodes, nodes
    nodes = _nodes("Face detection", "The cascade is well adapted for boosting using the well-known AdaBoost Algorithm.")
    assert "AdaBoost" in nodes, nodes
    # written once alone, a name stands on its own
    nodes = _nodes("Speech recognition at RWTH", "We present RWTH Aachen University's system. RWTH uses n-grams.")
    assert "RWTH" in nodes, nodes


def test_a_device_after_a_mention():
    for after in (" 1080Ti GPU and significantly", " sensor. The proposed", " GTX295 board and Intel",
                  " board shows", " camera. The manipulator", " robot arms without", " sensors and"):
        assert device_after(after), after
    # a method or a task after the mention, or the device only later in the sentence
    for after in (" 6D pose estimation algorithm", " model on a GPU", " features from the camera", "-based robots"):
        assert not device_after(after), after


@needs_shared
def test_a_maker_or_model_line_of_hardware_is_no_node():
    """Before kg.name_runs.device_after these were Method nodes (audit J judged GTX a fragment)."""
    nodes = _nodes_of("9196781")  # "... closed-loop control on one GTX 1080Ti GPU and significantly outperforms ..."
    assert "GTX" not in nodes and "LyRN" in nodes, nodes
    nodes = _nodes_of("10161287")  # "model performance on NVIDIA Jetson Xavier NX board"
    assert "Jetson Xavier NX" not in nodes and "CEAFFOD" in nodes, nodes


def test_task_phrases_real_abstracts_write_only_inside_longer_ones():
    from ontology.cut_prefixes import never_alone

    for phrase in ("point detection", "Representation Structure Parsing", "supervised object detection"):
        assert never_alone(phrase), phrase  # interest/change point detection, Discourse ..., weakly supervised ...
    for phrase in ("robot control", "dependency parsing", "object detection", "stairway detection"):
        assert not never_alone(phrase), phrase
    assert content_word_before("Universal Discourse ") and content_word_before("for weakly-")
    assert not content_word_before("results for the ") and not content_word_before("images.\n\n")


@needs_shared
def test_a_task_cut_from_the_front_of_a_longer_name_is_no_node():
    """Before ontology.cut_prefixes these were Task nodes (audit J judged the first a fragment)."""
    nodes = _nodes_of("2021.cl-2.15")  # "Universal Discourse Representation Structure Parsing"
    assert "Representation Structure Parsing" not in nodes and "semantic parsing" in nodes, nodes
    nodes = _nodes_of("5980474")  # "Interest point detection in depth images ..."
    assert "point detection" not in {n.lower() for n in nodes}, nodes
