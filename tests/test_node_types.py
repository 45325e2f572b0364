"""Issue 28: a node's type and name are the thing's, the same in every paper (GUIDE: "Type is a
property of the thing"). Sentences are from real abstracts of ../shared/corpora/abstracts."""
from __future__ import annotations

from kg.linking import Linker
from kg.nodes import node_kind
from ontology import EntityType
from ontology.gazetteer import GazetteerEntry, artifact_headed, default_entries


def _nodes(title: str, abstract: str) -> dict[str, str]:
    import json
    import tempfile

    from kg.build import papers_from_inputs

    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
        f.write(json.dumps({"id": "x", "title": title, "abstract": abstract}) + "\n")
    d = next(iter(papers_from_inputs([f.name]))).to_dict()
    return {e["name"]: e["type"] for e in d["entities"]}


def test_a_list_run_into_one_mention_is_no_node():
    # acl_anthology P19-4006: the tagger read "dialogue control, sentiment classification" as one Task
    nodes = _nodes("", "Neural networks have ubiquitous applications ranging from speech recognition to document "
                       "summarization, text classification, text segmentation, information extraction, image caption "
                       "generation, sentence generation, dialogue control, sentiment classification, recommendation "
                       "system, question answering and machine translation, to name a few.")
    assert not [n for n in nodes if ", " in n]
    assert node_kind("relative pose estimation, place recognition", False, False, "Task") is None
    assert node_kind("Control, Generate, Augment", False, True, "Method") == "defined"  # a name with commas


def test_a_shared_task_campaign_of_one_year_is_a_benchmark_and_its_language_pairs_datasets():
    linker = Linker()
    for year in ("WMT14", "WMT 2016", "WMT'19"):
        assert linker.registry.get(linker.resolve(year)) is None
        info = linker.observe(linker.resolve(year), year, EntityType.DATASET)
        assert info.type is EntityType.BENCHMARK and info.part_of == linker.resolve("WMT")
    for pair in ("WMT14 English-German", "WMT14 German-English", "WMT 2016 RO-EN"):  # both directions
        info = linker.observe(linker.resolve(pair), pair, EntityType.DATASET)
        assert info.type is EntityType.DATASET and info.part_of in (linker.resolve("WMT14"), linker.resolve("WMT16"))
    # acl_anthology W19-5324: the title's campaign
    nodes = _nodes("NICT's Supervised Neural Machine Translation Systems for the WMT19 News Translation Task",
                   "In this paper, we describe our supervised neural machine translation (NMT) systems that we "
                   "developed for the news translation task for Kazakh-English, Gujarati-English, Chinese-English, "
                   "and English-Finnish translation directions.")
    assert nodes["WMT19"] == "Benchmark"


def test_a_dataset_s_long_form_that_names_a_task_is_the_task():
    linker = Linker()
    for dataset, task in (("XNLI", "cross-lingual natural language inference"), ("XSum", "extreme summarization")):
        assert linker.resolve(dataset) != linker.resolve(task)
        info = linker.observe(linker.resolve(task), task, EntityType.TASK)
        assert info.type is EntityType.TASK, task
    # Title Case names VCR's benchmark (seeds: "On Visual Commonsense Reasoning, MERLOT answers questions ...")
    assert linker.resolve("Visual Commonsense Reasoning") == linker.resolve("VCR")
    assert linker.resolve("deep metric learning") != linker.resolve("metric learning")


def test_a_task_row_headed_by_a_method_s_kind_of_thing_is_a_method():
    assert artifact_headed("Sentence Embeddings") and artifact_headed("Unsupervised Pre-training")
    assert artifact_headed("Contextualised Word Representations") and artifact_headed("Hard Attention")
    # the problem is the words before a preposition or a gerund's object; rendering is a problem's word
    assert not artifact_headed("Classification with Binary Neural Network")
    assert not artifact_headed("Probing Language Models") and not artifact_headed("Inverse Rendering")
    types = {e.name: e.type for e in default_entries()}
    assert types["Sentence Embeddings"] is EntityType.METHOD and types["Continual Pretraining"] is EntityType.METHOD
    assert types["Inverse Rendering"] is EntityType.TASK and types["Probing Language Models"] is EntityType.TASK


def test_a_paper_s_own_acronym_names_a_known_node_only_when_nothing_else_is_written():
    # acl_anthology 2003.mtsummit-papers.49: "text-to-speech synthesis (SS)"
    entries = (GazetteerEntry("speech synthesis", EntityType.TASK, ("text-to-speech", "TTS")),)
    linker = Linker(entries)
    eid = linker.resolve("speech synthesis")
    for surface in ("SS", "SS", "text-to-speech synthesis"):
        linker.observe(eid, surface, EntityType.TASK)
    linker.display_names()
    assert linker.registry[eid].name == "text-to-speech synthesis"
    linker = Linker(entries)
    for surface in ("TTS", "TTS", "text-to-speech synthesis"):
        linker.observe(eid, surface, EntityType.TASK)
    linker.display_names()
    assert linker.registry[eid].name == "TTS"  # an acronym the gazetteer lists may name it


def test_artificial_intelligence_is_a_field_so_a_task():
    # conference_papers:paper868 defines it ("artificial intelligence (AI)"); the abbreviation's default type was Method
    nodes = _nodes("", "Recent advances in artificial intelligence (AI) have changed how clinicians work. We study how "
                       "AI systems are adopted in hospitals.")
    assert nodes.get("artificial intelligence") == "Task"


def test_a_gerund_led_name_after_a_proposal_cue_is_a_node():
    # acl_anthology:W18-2601 "In this paper we present Ruminating Reader" and N18-5020 "We present Sounding
    # Board, a social chatbot": the authors' Title Case names, read by the proposal extractors
    assert node_kind("Ruminating Reader", False, False, "Method", True, "own-phrase") == "defined"
    assert node_kind("Sounding Board", False, False, "Method", False, "proposal") == "defined"
    # the same words cut from a title without a proposal cue stay fragments ("Assessing SRL ...")
    assert node_kind("Ruminating Reader", False, False, "Method", True, "title") is None
    assert node_kind("Assessing SRL", False, False, "Method", True, "ner") is None
    # a gerund before a lower-case clause is no name even after a cue
    assert node_kind("Using pretrained models", False, False, "Method", False, "own-phrase") is None
    # only the gerund is excused: a proposal name the text alone gives no evidence for stays as it was
    assert node_kind("Previewed Reality", False, False, "Method", False, "proposal") is None
