"""Issue 28: nodes that name things, names never cut, tokenised-corpus text restored."""
from __future__ import annotations

from extractors.normalize import normalize
from extractors.pipeline import get_nlp


def test_ptb_escapes_are_restored_with_raw_offsets():
    raw = "convolutional neural networks -LRB- CNNs -RRB- , `` few-shot '' -LSB- 1 -RSB- -LCB- x -RCB-"
    text, omap = normalize(raw)
    assert text == 'convolutional neural networks ( CNNs ) , " few-shot " [ 1 ] { x }'
    i = text.index("CNNs")
    assert raw[slice(*omap.to_raw(i, i + 4))] == "CNNs"
    i = text.index("(")
    assert raw[slice(*omap.to_raw(i, i + 1))] == "-LRB-"


def test_ptb_escapes_are_never_entities():
    doc = get_nlp(True)(normalize("We train convolutional neural networks -LRB- CNNs -RRB- on ImageNet -LSB- 3 -RSB- .")[0])
    assert not [e.text for e in doc.ents if "LRB" in e.text or "RRB" in e.text or "LSB" in e.text]
    assert "ImageNet" in [e.text for e in doc.ents]


def test_names_are_never_cut():
    doc = get_nlp(True)("We name it I2P-MAE. Gemma 2B-2B outperforms Gemma 2B, and we report 10-Split-CIFAR-100 results.")
    ents = [e.text for e in doc.ents]
    assert "I2P-MAE" in ents and "MAE" not in ents
    assert "Gemma 2B-2B" in ents and "Gemma 2B" in ents
    assert "CIFAR-100" not in ents
    doc = get_nlp(True)("BERT-based models and ResNet-50 on ImageNet-pretrained features.")
    assert {"BERT", "ResNet-50", "ImageNet"} <= {e.text for e in doc.ents}


# -- which mentions are nodes (kg/nodes.py) -------------------------------------

def test_coined_names_and_descriptions():
    from kg.nodes import is_coined, node_kind

    for name in ("ResNet", "mIoU", "GPT-4", "I2P-MAE", "SVM", "Gemma", "TrAct"):
        assert is_coined(name), name
    for phrase in ("VLM backbones", "Model-Agnostic Syntactical", "3D representations", "lightweight modules",
                   "Data Augmentation Strategies"):
        assert not is_coined(phrase), phrase
    assert node_kind("lightweight modules", gazetteer=False, defined=False) is None
    assert node_kind("lightweight modules", gazetteer=False, defined=True) == "defined"
    assert node_kind("dropout", gazetteer=True, defined=False) == "gazetteer"


def test_corpus_evidence_tells_terms_from_descriptions():
    """Counted over the 120,000 real abstracts: terms are defined or written
    in Title Case there; descriptions that recur as often are not."""
    from kg.nodes import node_kind
    from ontology.phrase_evidence import evidence

    assert evidence("graph neural networks")[0] >= 50 and evidence("knowledge distillation")[1] >= 10
    for term in ("graph neural networks", "knowledge distillation", "contrastive learning"):
        assert node_kind(term, gazetteer=False, defined=False) == "term", term
    for description in ("real-world tasks", "lightweight modules", "distillation technique", "minimal fine-tuning",
                        "memory-efficient manner"):
        assert node_kind(description, gazetteer=False, defined=False) is None, (description, evidence(description))


def test_seeds_nodes_are_named_and_concepts_kept_on_paper(seed_papers):
    kinds = {e.kind for p in seed_papers for e in p.entities}
    assert kinds <= {"gazetteer", "defined", "name", "term", "task"}
    assert {p.entities[0].to_dict()["kind"] for p in seed_papers if p.entities} == {"specific"}
    assert sum(len(p.concepts) for p in seed_papers) > 100  # descriptions stay on their papers
    for p in seed_papers:
        for c in p.concepts:
            raw = p.title if c["field"] == "title" else p.abstract
            assert raw[c["start"]:c["end"]] == c["text"]


# -- Papers with Code ids ---------------------------------------------------------

def test_pwc_ids_in_the_gazetteer():
    from kg.linking import Linker

    linker = Linker()
    by_name = {e.name: e for e in linker.entries}
    assert by_name["ImageNet"].external_id == "https://paperswithcode.com/dataset/imagenet"
    assert by_name["ResNet"].external_id == "https://paperswithcode.com/method/resnet"
    assert by_name["semantic segmentation"].external_id == "https://paperswithcode.com/task/semantic-segmentation"
    assert by_name["dropout"].external_id == "https://paperswithcode.com/method/dropout"
    # PwC names that are common words are linked when extracted, never matched in text
    for word in ("regression", "Retrieval", "Prediction", "Clustering"):
        entry = linker._entry_for(word)
        assert entry is not None and not entry.match and entry.external_id, word


def test_pwc_file_records_source_and_licence():
    from ontology import GAZETTEER_DIR

    head = (GAZETTEER_DIR / "pwc.tsv").read_text(encoding="utf-8")[:2000]
    assert "CC BY-SA 4.0" in head and "Papers with Code" in head and "Attribution" in head


def test_seeds_gazetteer_nodes_carry_pwc_ids(seed_papers):
    from kg.linking import Linker

    gaz = Linker().gazetteer_ids
    nodes = {e.id: e for p in seed_papers for e in p.entities if e.id in gaz}
    with_id = [e for e in nodes.values() if e.external_id]
    share = len(with_id) / len(nodes)
    print(f"seeds: {len(with_id)} of {len(nodes)} gazetteer-matched nodes carry a PwC id ({share:.1%})")
    assert share >= 0.63  # 367 of 565 (65.0%) measured; the ceiling of ../shared/corpora/pwc (README)
    assert all(e.external_id.startswith("https://paperswithcode.com/") for e in with_id)


def test_store_and_cli_show_kind_and_pwc(tmp_path):
    import json

    from click.testing import CliRunner

    from kg.cli import main

    store = tmp_path / "store"
    src = tmp_path / "few.jsonl"
    src.write_text(json.dumps({"id": "x1", "title": "ResNet on ImageNet",
                               "abstract": "We train ResNet-50 with Prototype-Based Networks (PBNs) on ImageNet and compare lightweight modules."}) + "\n")
    assert CliRunner().invoke(main, ["build", str(src), "--store", str(store), "--quiet"]).exit_code == 0
    res = CliRunner().invoke(main, ["entities", "--store", str(store), "--format", "json"])
    assert res.exit_code == 0, res.output
    ents = {r["name"]: r for r in json.loads(res.output)}
    assert ents["ImageNet"]["external id"] == "https://paperswithcode.com/dataset/imagenet"
    assert ents["ImageNet"]["kind"] == "gazetteer" and ents["Prototype-Based Networks"]["kind"] == "defined"
    assert "lightweight modules" not in ents
    one = CliRunner().invoke(main, ["entities", "--store", str(store), "--one-paper", "--type", "Method", "--format", "json"])
    assert {r["name"] for r in json.loads(one.output)} >= {"ResNet-50", "Prototype-Based Networks"}
    show = CliRunner().invoke(main, ["show", "ImageNet", "--store", str(store)])
    assert "https://paperswithcode.com/dataset/imagenet" in show.output
    from kg.stores import open_store
    from kg.views.render import node_tooltip
    from kg.views.subgraph import subgraph

    st = open_store(str(store), read_only=True)
    try:
        g = subgraph(st, focus="ImageNet", depth=1)
    finally:
        st.close()
    node = next(d for _, d in g.nodes(data=True) if d.get("name") == "ImageNet")
    assert "Papers with Code: https://paperswithcode.com/dataset/imagenet" in node_tooltip(node)


def test_seeds_one_paper_methods_are_named_things(seeds_store):
    """The long tail `kg entities --one-paper --type Method` lists, against
    160 of them judged by hand (tests/data/one_paper_methods.tsv)."""
    import csv
    from pathlib import Path

    from kg import queries
    from kg.stores import open_store

    path = Path(__file__).parent / "data" / "one_paper_methods.tsv"
    with path.open(encoding="utf-8") as fh:
        judged = {r["name"]: r["verdict"] for r in csv.DictReader((ln for ln in fh if not ln.startswith("#")), delimiter="\t")}
    store = open_store(str(seeds_store[0]), read_only=True)
    try:
        rows = queries.entities(store, "Method", one_paper=True)
    finally:
        store.close()
    listed = {r[2] for r in rows}
    assert rows and all(int(r[3]) <= 1 and r[1] == "Method" for r in rows)
    seen = {n: v for n, v in judged.items() if n in listed}
    assert len(seen) >= 120, "the judged sample no longer describes the long tail: judge it again"
    right = sum(v == "right" for v in seen.values())
    named = right + sum(v == "wrong_type" for v in seen.values())  # a named thing, typed otherwise (TaxiBJ)
    print(f"one-paper Methods: {len(listed)}; judged {len(seen)}, right {right} ({right / len(seen):.1%}), "
          f"named {named} ({named / len(seen):.1%})")
    assert named / len(seen) >= 0.85, {n: v for n, v in seen.items() if v not in ("right", "wrong_type")}
    assert right / len(seen) >= 0.8
    assert sum(v == "fragment" for v in seen.values()) <= 3


# -- names cut short and phrases that only modify (extractors/name_bounds.py, kg/nodes.py) --------

def _nodes_and_concepts(title: str, abstract: str) -> tuple[dict[str, str], set[str]]:
    import json
    import tempfile

    from kg.build import papers_from_inputs

    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
        f.write(json.dumps({"id": "x", "title": title, "abstract": abstract}) + "\n")
    d = next(iter(papers_from_inputs([f.name]))).to_dict()
    return {e["name"]: e["type"] for e in d["entities"]}, {c["text"] for c in d["concepts"]}


def test_names_cut_short_are_taken_whole():
    nodes, concepts = _nodes_and_concepts(
        "Talla at SemEval-2017 Task 3: Identifying Similar Questions",
        "Our model jointly optimizes argument component types using Integer Linear Programming. "
        "An implementation is part of the Hugging Face Transformers library.")
    assert "SemEval-2017 Task 3" in nodes and "SemEval-2017 Task" not in nodes
    assert "Integer Linear Programming" in nodes and "Linear Programming" not in nodes
    assert "Transformer" not in nodes  # "Hugging Face Transformers" is no Transformer architecture
    # a sentence's first word and a title's capitals are not taken in
    nodes, _ = _nodes_and_concepts("Improving Neural Machine Translation", "Efficient BERT training is hard. We use BERT.")
    assert "BERT" in nodes and "Efficient BERT" not in nodes


def test_weak_phrases_that_only_modify_are_no_nodes():
    from kg.nodes import follows_name_word, modifies_next

    assert modifies_next(" supervision. We") and modifies_next(" loss with") and not modifies_next(" datasets")
    nodes, concepts = _nodes_and_concepts(
        "A Study", "We evaluate on short text clustering (STC) in multilingual settings. Our source code, pre-trained "
                   "models, and newly constructed multi-lingual STC dataset are available at https://github.com/x.")
    assert "multi-lingual STC" not in nodes
    assert follows_name_word("guide CheckList ") and not follows_name_word("Title\n\nLocal ")
    assert not follows_name_word("x. Accurate ") and not follows_name_word("in the ")
    nodes, concepts = _nodes_and_concepts(
        "A Study", "Entities offer useful cross-lingual alignment supervision. We study tweet classification.")
    assert "cross-lingual alignment" in concepts and "cross-lingual alignment" not in nodes
    assert nodes.get("tweet classification") == "Task"


def test_a_collection_word_types_the_coined_name_it_introduces():
    from extractors.name_bounds import described_type

    before = "a Chinese-Japanese scientific paper excerpt corpus of approximately 0.68 million parallel sentences ("
    assert described_type("ASPEC-JC", before, "Method") == "Dataset"
    assert described_type("RCSum", "we first build a large-scale pretraining dataset called ", "Method") == "Dataset"
    assert described_type("SemEval-2019 Task 9", "", "Method") == "Benchmark"
    assert described_type("BERT", "we fine-tune ", "Method") == "Method"
    assert described_type("X", "a corpus of text. We then use (", "Method") == "Method"  # another sentence
    assert described_type("GLUE", "corpus (", "Benchmark") == "Benchmark"  # only the Method default is retyped



def test_a_name_written_before_database_is_a_dataset():
    """A name before "database" (singular) is the collection: real sentences of
    ../shared/corpora/abstracts (lrec2010 MuLeXFoR, an LSEMSW transfer paper)."""
    from extractors.name_bounds import collection_names

    text = ("This paper introduces a new lexicographic resource, the MuLeXFoR database, which aims to present "
            "word-formation processes. We investigate transferring knowledge learned from LSEMSW database to "
            "traditional expression recognition with a ResNet model.")
    assert collection_names(text, ["MuLeXFoR", "LSEMSW", "ResNet"]) == {"MuLeXFoR": "Dataset", "LSEMSW": "Dataset"}


def test_a_name_with_a_long_description_in_apposition_is_that_collection():
    """Up to 7 words between the article and the head: real sentences of ../shared/corpora/abstracts."""
    from extractors.name_bounds import collection_names

    text = ("We present DSim, a new sentence aligned Danish monolingual parallel corpus, and MASH-QA, a Multiple "
            "Answer Spans Healthcare Question Answering dataset. BERT, a model trained on a large corpus, is used.")
    assert collection_names(text, ["DSim", "MASH-QA", "BERT"]) == {"DSim": "Dataset", "MASH-QA": "Dataset"}


def test_a_name_written_before_a_collection_word_is_that_collection_at_every_mention():
    from extractors.name_bounds import collection_names

    text = ("We introduce COCO-WholeBody which extends COCO with whole-body annotations. ZoomNet outperforms "
            "existing methods on the proposed COCO-WholeBody dataset. We also release FinDABench.")
    assert collection_names(text, ["COCO-WholeBody", "ZoomNet", "FinDABench"]) == {
        "COCO-WholeBody": "Dataset", "FinDABench": "Benchmark"}
    # a plural is a collection of a kind; a defined name's "X dataset" is a dataset for X
    assert collection_names("no public brain MRI datasets exist", ["MRI"]) == {}
    defined = {"DSMD": "Dialogue Systems for Medical Diagnosis"}
    assert collection_names("We release the DSMD dataset.", ["DSMD"], defined) == {}
    assert collection_names("the CADEC corpus (CADEC)", ["CADEC"], {"CADEC": "CSIRO Adverse Drug Event Corpus"}) \
        == {"CADEC": "Dataset"}
    # a campaign: a shared task, a challenge (not the verb), a task set by others
    assert collection_names("PAOT ranks 1st in the VOT2022 challenge. The SentiMix task is hard. The tasks for CS1QA "
                            "challenge models.", ["VOT2022", "SentiMix", "CS1QA", "SustaiNLP 2020 shared task", "SentiMix task"]) == {
        "VOT2022": "Campaign", "SentiMix": "Task", "SustaiNLP 2020 shared task": "Campaign", "SentiMix task": "Task"}
    nodes, _ = _nodes_and_concepts("Whole-Body Human Pose Estimation in the Wild", text)
    assert nodes.get("COCO-WholeBody") == "Dataset" and nodes.get("ZoomNet") == "Method"

# -- Papers with Code: one concept's page under PwC's type, BENCHMARK_FOR from task summaries ------

def test_pwc_pages_of_the_same_concept_and_no_settings_as_aliases():
    from kg.linking import Linker
    from ontology.pwc_import import dataset_name

    by_name = {e.name: e for e in Linker().entries}
    # PwC's 2025 task list has pages for method families and benchmarks its 2022 methods export lacks
    assert by_name["mixture of experts"].external_id == "https://paperswithcode.com/task/mixture-of-experts"
    assert by_name["Connectionist Temporal Classification"].external_id == "https://paperswithcode.com/method/ctc-loss"
    assert by_name["TruthfulQA"].external_id == "https://paperswithcode.com/task/truthfulqa"
    assert by_name["OPT"].external_id is None  # PwC's dataset "OPT" is not the model
    assert all(e.external_id is None for e in by_name.values() if e.type.value == "Metric")
    # a benchmark's setting in brackets is no alias ("CIFAR-10 (10% data)" linked "10% data")
    assert dataset_name("CIFAR-10 (10% data)") == ("CIFAR-10", [])
    assert dataset_name("ObjectNet (ImageNet classes)") == ("ObjectNet", [])
    assert dataset_name("C4 (Colossal Clean Crawled Corpus)") == ("C4", ["Colossal Clean Crawled Corpus"])
    assert "10% data" not in by_name["CIFAR-10"].aliases


def test_benchmark_for_from_task_summaries_only_between_the_papers_nodes():
    import json
    import tempfile

    from kg.build import papers_from_inputs

    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
        f.write(json.dumps({"id": "x", "title": "A Better CNN", "abstract":
                            "We address image classification. Experiments on CIFAR-10 and COCO show gains."}) + "\n")
    d = next(iter(papers_from_inputs([f.name]))).to_dict()
    edges = {(r["source"], r["target"]): r for r in d["relations"] if r["type"] == "BENCHMARK_FOR"}
    assert ("cifar10", "imageclassification") in edges
    assert edges[("cifar10", "imageclassification")]["evidence"]["text"] == "Experiments on CIFAR-10 and COCO show gains."
    assert not [k for k in edges if k[0] == "coco"]  # COCO is no image classification benchmark (no PwC or curated link)
    assert {r["target"] for r in d["relations"]} <= {e["id"] for e in d["entities"]} | {d["id"]}


def test_a_word_name_has_no_plural():
    from kg.linking import Linker

    linker = Linker()
    assert linker.resolve("Whisper") == "whisper" and linker.resolve("Whispers") != "whisper"
    assert linker.resolve("Falcons") != linker.resolve("Falcon")
    assert linker.resolve("Transformers") == linker.resolve("Transformer")  # not a word name matched case-exactly
    assert linker.resolve("GANs") == linker.resolve("GAN")
    nodes, _ = _nodes_and_concepts("Whispers of Doubt Amidst Echoes of Triumph", "We evaluate Whisper on speech recognition.")
    assert "Whisper" in nodes and not any(n.lower() == "whispers" for n in nodes)


def test_a_step_or_an_aspect_is_no_task():
    from kg.nodes import names_a_task

    assert not names_a_task("final classification") and not names_a_task("main categorization")
    assert names_a_task("tweet classification") and names_a_task("cognate identification")


def test_a_venue_s_subject_words_and_a_variant_s_parent_are_no_nodes_of_their_own():
    from kg.nodes import names_a_venue

    assert names_a_venue(" workshop WAT (Workshop on Asian Translation).") and not names_a_venue(" datasets")
    nodes, concepts = _nodes_and_concepts(
        "A Corpus",
        "ASPEC is the official dataset for the machine translation evaluation workshop WAT. We predict moving MNIST "
        "data. Encouraged by recent advances in deep reinforcement learning, we apply transfer learning.")
    assert "machine translation evaluation" not in nodes and "machine translation evaluation" in concepts
    assert nodes.get("Moving MNIST") == "Dataset" and "MNIST" not in nodes
    # a learning technique is a Method (tests/data/audit/GUIDE.md), and a longer name around it is not cut
    assert nodes.get("transfer learning") == "Method"
    assert "reinforcement learning" not in nodes and any("deep reinforcement learning" == n.lower() for n in nodes)


def test_a_team_s_name_is_no_node():
    from kg.nodes import names_a_team

    assert names_a_team("the participation of the ", " team for the") and names_a_team("our team, ", ". We")
    assert names_a_team("with the team name: ", ". In") and not names_a_team("we fine-tune ", " on the")
    nodes, concepts = _nodes_and_concepts(
        "A System for SRST 2018",
        "This paper describes the system developed by the DipInfo-UniTo team. We fine-tune mBART on the data.")
    assert "DipInfo-UniTo" not in nodes and "DipInfo-UniTo" in concepts


def test_who_takes_part_in_a_campaign_is_no_node():
    from kg.nodes import names_a_team, names_an_organisation, takes_part_in_title

    # the title convention of shared-task papers: "TEAM at CAMPAIGN: ..."; a system the abstract names stays
    assert takes_part_in_title(0, " at SemEval-2018 Task 11: Using Deep Learning", "We rank 3rd.", "ECNU")
    assert takes_part_in_title(0, " @ WAT-2019", "", "CVIT")
    assert not takes_part_in_title(0, " at PARSEME Shared Task 2018: x", "We describe the Deep-BGT system.", "Deep-BGT")
    # written only in brackets, as the short form of the team's name (audit part G)
    assert takes_part_in_title(0, " at SemEval-2020 Task 11: Conv1D", "the team of Information Retrieval Lab. Universitas "
                               "Indonesia (3218IR) in the SemEval 2020 Task 11", "3218IR")
    assert not takes_part_in_title(0, " at Scale: Training Large Models", "", "Pipelines")
    assert not takes_part_in_title(5, " at SemEval-2018 Task 11", "", "ECNU")
    assert names_a_team("", "\u2019s Participation in the WMT 2021") and not names_a_team("", "\u2019s ability to")
    assert names_an_organisation("Huawei Translate Services Center") and names_an_organisation("Johns Hopkins University")
    assert not names_an_organisation("Visual Geometry Group")  # VGG names a network too
    assert not names_an_organisation("Simultaneous Interpretation Database of Nagoya University")  # a collection
    nodes, concepts = _nodes_and_concepts(
        "HW-TSC\u2019s Participation in the WMT 2021 News Translation Shared Task",
        "This paper presents the submission of Huawei Translate Services Center (HW-TSC) to the WMT 2021 News "
        "Translation Shared Task. We use the Transformer architecture.")
    assert "HW-TSC" not in nodes and "Huawei Translate Services Center" not in nodes and "Transformer" in nodes
    nodes, _ = _nodes_and_concepts("UPB at SemEval-2020 Task 12: Multilingual Offensive Language Identification",
                                   "We fine-tune BERT and rank 5th.")
    assert "UPB" not in nodes and "BERT" in nodes


def test_a_system_named_after_its_team_is_no_node_and_a_campaign_is_a_benchmark():
    from kg.nodes import names_a_campaign, names_a_team

    # an all-capitals participant before its system / submission for a campaign (GUIDE part I)
    assert names_a_team("We present the ", " system submitted to the Similar Language Translation shared task", "UDS-DFKI")
    assert names_a_team("", " Submission for the Inuktitut Language in WMT News Translation", "CUNI")
    assert names_a_team("the participation of ", " in this evaluation campaign", "LIMSI")
    assert names_a_team("approach of ", " for the English edition", "Team KAFK")
    # a mixed-case method's system, or a submission without a campaign, stays
    assert not names_a_team("we use the ", " system for the shared task", "TreeLSTM")
    assert not names_a_team("", " Systems for Low Resource German-Upper Sorbian translation", "NRC")
    assert names_a_campaign("WMT20", "our submission to the ", " Chat Translation Task, which")
    assert not names_a_campaign("INLG 2021", "the Accuracy Shared Task at ", ".")  # a conference
    assert not names_a_campaign("QT21", "pairs from the ", " dataset and the WMT20 metrics task")
    assert not names_a_campaign("WMT20", "we train on ", " data and")
    assert not names_a_campaign("BraTS2019", "on the ", " dataset")
    nodes, concepts = _nodes_and_concepts(
        "The UDS-DFKI System for the WMT 2019 Similar Language Translation Task",
        "We present the UDS-DFKI system submitted to the Similar Language Translation shared task at WMT 2019. "
        "We fine-tune the Transformer architecture.")
    assert "UDS-DFKI" not in nodes and "Transformer" in nodes
    nodes, _ = _nodes_and_concepts("Chat translation", "We present our submission to the WMT20 Chat Translation Task.")
    assert nodes.get("WMT20") in (None, "Benchmark")


def test_things_outside_ml_are_no_nodes():
    from kg.nodes import node_kind, outside_ml

    for text in ("RGB-D sensor", "3D LiDAR", "LiDAR", "PUMA robot", "Alzheimer's disease", "Central Limit Theorem",
                 "autonomous underwater vehicles"):
        assert outside_ml(text) and node_kind(text, False, True, "Method") is None, text
    for text in ("robot learning", "vehicle routing problem", "BERT", "LiDAR odometry", "sensor fusion"):
        assert not outside_ml(text), text
    assert node_kind("PUMA robot", True, False, "Method") == "gazetteer"  # curated entries keep their word
    nodes, concepts = _nodes_and_concepts(
        "Docking an Autonomous Underwater Vehicle",
        "We deploy autonomous underwater vehicles (AUVs) with a LiDAR sensor. The AUV uses a Kalman filter.")
    assert not {"AUVs", "AUV", "autonomous underwater vehicles", "LiDAR sensor"} & set(nodes)
    assert "Kalman filter" in nodes


def test_a_campaign_written_with_its_year_is_a_benchmark():
    from extractors.name_bounds import campaign_years, collection_names

    text = ("PGL at TextGraphs 2020 Shared Task: Explanation Regeneration\n\nThis paper presents the MEDIQA 2019 shared "
            "task. Our submission to WAT-2021 ranked first. The SMM4H Shared Tasks at ACL 2019 were held. We took part "
            "in the CASE @ ACL-IJCNLP 2021 workshop shared task. As argued (AAAI 2011) in the shared task.")
    assert campaign_years(text, ["TextGraphs", "MEDIQA", "WAT-2021", "ACL", "ACL-IJCNLP", "AAAI 2011"]) == {
        "TextGraphs", "MEDIQA", "WAT-2021"}  # not a venue that hosts it, nor a citation
    # a year without a shared-task sentence says nothing ("PASCAL VOC 2012"-like names, citations)
    assert campaign_years("We evaluate on KITTI 2015 and RWTH-PHOENIX-Weather 2014.", ["KITTI", "RWTH-PHOENIX-Weather"]) \
        == set()
    assert collection_names("HAHA 2019 Dataset: A Corpus for Humor Analysis. We submitted it.", ["HAHA 2019"]) == {
        "HAHA 2019": "Dataset"}  # a collection's head word first
    nodes, _ = _nodes_and_concepts("Hitachi at MRP 2019: Unified Encoder-to-Biaffine Network",
                                   "We describe our submission to the MRP 2019 shared task.")
    assert nodes.get("MRP 2019", nodes.get("MRP")) == "Benchmark" and "Hitachi" not in nodes


def test_a_name_with_a_collection_in_apposition_is_that_collection():
    from extractors.name_bounds import collection_names

    text = ("We present ROPES, a challenging benchmark for reading comprehension. We introduce hr500k, a manually "
            "annotated corpus of Croatian. We develop a new dataset, MCTACO, that serves as a test set. "
            "On a large dataset, BERT outperforms. We use ELMo, a model trained on a large corpus. We introduce "
            "DAIS, a large benchmark dataset.\nWino-X: A Multilingual Dataset")
    assert collection_names(text, ["ROPES", "hr500k", "MCTACO", "BERT", "ELMo", "DAIS", "Wino-X"]) == {
        "ROPES": "Benchmark", "hr500k": "Dataset", "MCTACO": "Dataset", "DAIS": "Dataset", "Wino-X": "Dataset"}
    nodes, _ = _nodes_and_concepts("A Study of Temporal Commonsense Understanding",
                                   "We use crowdsourcing to develop a new dataset, MCTACO, that serves as a test set.")
    assert nodes.get("MCTACO") == "Dataset"


def test_a_title_s_short_form_is_defined_by_the_words_after_its_colon():
    from extractors.abbreviations import find_abbreviations

    pairs = [(a.short, a.long) for a in find_abbreviations(
        "FiNER: Financial Numeric Entity Recognition for XBRL Tagging\n\nWe study FiNER.")]
    assert pairs == [("FiNER", "Financial Numeric Entity Recognition")]
    assert not find_abbreviations("BERT: Pre-training of Deep Bidirectional Transformers\n\nx")
    assert not find_abbreviations("GLUE: A Multi-Task Benchmark\n\nx")
    nodes, _ = _nodes_and_concepts("FiNER: Financial Numeric Entity Recognition for XBRL Tagging",
                                   "We introduce XBRL tagging as a new entity extraction task.")
    assert "Numeric Entity Recognition" not in nodes


def test_a_coined_word_before_a_plural_noun_names_a_class_not_a_thing():
    from kg.nodes import is_coined

    for phrase in ("RGB-D images", "DRS parsers", "AMR-to-text generators", "HD maps", "BNS adopts", "CTR models",
                   "PyTorch-based implementation", "MILP-based planner", "QG-specific reward"):
        assert not is_coined(phrase), phrase
    for name in ("I2P-MAE", "Gemma 2B-2B", "ResNet", "RoBERTa-large", "GPT-4 Turbo"):
        assert is_coined(name), name


def test_a_defined_pair_heading_problem_or_task_is_a_task():
    from extractors.names import abbreviation_type
    from ontology import EntityType

    assert abbreviation_type("multi-armed bandit", ") problem, we propose") is EntityType.TASK
    assert abbreviation_type("Multi-Choice Narrative Cloze", ") task show") is EntityType.TASK
    assert abbreviation_type("Proximal Policy Optimization", ") to train") is EntityType.METHOD


def test_a_pair_read_as_a_task_that_heads_one_collection_names_the_collection():
    from extractors.names import abbreviation_type
    from ontology import EntityType

    assert abbreviation_type("Amazon Review Sentiment Classification", ") text dataset for use") is EntityType.DATASET
    assert abbreviation_type("Spoken Conversational Question Answering", ") dataset, which") is EntityType.DATASET
    assert abbreviation_type("Long Video Understanding", ") benchmark") is EntityType.BENCHMARK
    # a plural is the task's datasets; no collection word keeps the task
    assert abbreviation_type("Natural Language Inference", ") datasets show") is EntityType.TASK
    assert abbreviation_type("Legal Judgment Prediction", ") aims to predict") is EntityType.TASK


def test_a_pair_read_as_a_task_heading_one_collection_is_a_dataset_node():
    nodes, _ = _nodes_and_concepts(
        "Few-shot text classification",
        "Recent work has adapted the Amazon Review Sentiment Classification (ARSC) text dataset for use in the "
        "few-shot setting. We report results on ARSC. Natural Language Inference (NLI) datasets are many.")
    assert nodes.get("Amazon Review Sentiment Classification") == "Dataset", nodes
    assert nodes.get("Natural Language Inference", "Task") == "Task", nodes


def test_a_name_modifying_a_based_compound_s_noun_is_no_node():
    from kg.nodes import modifies_glued_head

    assert modifies_glued_head(" inversion-based, have been") and not modifies_glued_head("-based methods")
    nodes, concepts = _nodes_and_concepts(
        "Restoring Faces", "Methods, including CNN-based and GAN inversion-based, have been proposed.")
    assert "CNN" in nodes or "convolutional neural network" in nodes
    assert not {"GAN", "generative adversarial network"} & set(nodes) and "GAN" in concepts


def test_a_modified_name_that_is_a_term_of_its_own_is_taken_whole():
    """Lower-case words before a curated name are taken in when real abstracts
    treat the longer phrase as a term (ontology.phrase_evidence): the head
    alone names a broader thing. Sentences from real abstracts (draw_sample
    of bench/same_output.py, seed 428028)."""
    nodes, _ = _nodes_and_concepts(
        "Interlaced extended Kalman filter for real time navigation",
        "These predictions are incorporated by an extended Kalman filter to maintain optimal estimates. "
        "Our approach for the Task-1 includes applying linear support vector machines after transforming the input. "
        "The key to hypothetical question answering (HQA) is counterfactual thinking.")
    assert "extended Kalman filter" in nodes and "Kalman filter" not in nodes
    assert "hypothetical question answering" in nodes and "question answering" not in nodes
    assert not [n for n in nodes if n.lower().startswith("support vector machine")]
    # a count is no modifier ("three degrees of freedom" is no method), nor a descriptive word
    nodes, _ = _nodes_and_concepts("A haptic interface for sword fighting",
                                   "The haptic interface has three degrees of freedom. We use novel BERT models.")
    assert not [n for n in nodes if n.lower().startswith("three")]
    assert "novel BERT" not in nodes


def test_capitalised_words_that_make_a_term_are_taken_in_titles_too():
    """In a title capitals say nothing, but the corpus evidence does: titles of
    real abstracts (draw_sample seed 428028) whose heads were cut before."""
    nodes, _ = _nodes_and_concepts("Learning Temporal Point Processes via Reinforcement Learning",
                                   "We study event sequences.")
    assert "Temporal Point Processes" in nodes and "Point Processes" not in nodes
    nodes, _ = _nodes_and_concepts("Panlingua-KMI MT System for Similar Language Translation Task at WMT 2019",
                                   "We describe our system.")
    assert "Language Translation" not in nodes


def test_a_phrase_with_a_preposition_before_its_task_noun_names_no_task():
    """Phrases of real abstracts (draw_sample seed 428028) whose last word is a
    task noun but whose head is another noun or a circumstance."""
    from kg.nodes import names_a_task

    for phrase in ("language of causal reasoning", "depth in density estimation", "image for place recognition",
                   "robot's tracking", "Syntactic Uncertainty in Neural Machine Translation"):
        assert not names_a_task(phrase), phrase
    assert names_a_task("English to Hebrew translation")  # a direction, not a preposition phrase
    nodes, concepts = _nodes_and_concepts("Discrimination in causal terms",
                                          "We frame the problem in the language of causal reasoning.")
    assert "language of causal reasoning" not in nodes


def test_a_task_noun_after_manner_words_only_names_no_task():
    """How or at what grain is not on what (phrases of real abstracts, draw_sample seed 428028)."""
    from kg.nodes import names_a_task

    for phrase in ("image-based detection", "real-time extraction", "task-specific prediction", "drift-free estimation"):
        assert not names_a_task(phrase), phrase
    for phrase in ("pose-based action recognition", "document-level sentiment classification",
                   "document-level classification", "collision-free posture generation"):
        assert names_a_task(phrase), phrase


def test_a_named_technique_before_a_generic_head_is_a_node():
    """Real sentences (audit part A; real abstracts): the words before
    "approach", "method", "algorithm", "technique", "task" or "problem" are the
    node when they alone have the evidence of a name; an adjective there, a
    field acronym, or words that name no task before "tasks" are not."""
    from kg.nodes import named_before_head

    nodes, concepts = _nodes_and_concepts(
        "Bridging the Gap",
        "Under certain assumptions, our theoretical analysis suggests the proposed simulated annealing approach "
        "converges close to the global optima. In this work, we model clickbait strength prediction as a regression "
        "problem.")
    assert nodes.get("simulated annealing") == "Method" and "simulated annealing approach" not in nodes
    assert nodes.get("regression") == "Task"
    nodes, concepts = _nodes_and_concepts(
        "A Study",
        "Moreover, we prove that any one-shot local differentially private algorithm must return an interval. "
        "Deep neural networks have shown promising results in many natural language tasks.")
    assert "differentially private" not in nodes and "natural language" not in nodes
    assert named_before_head("SOTA methods") is None and named_before_head("novel approach") is None
    assert named_before_head("piecewise linear technique") is None


def test_the_object_of_a_longer_task_is_no_node():
    """A defined or coined name only ever written before a task noun that acts
    on it ("human-object interaction (HOI) detection") is cut from that task;
    a method before "classification" or "estimation" still names itself.
    Sentences after real abstracts (tests/data/audit part C, bench reads)."""
    from kg.nodes import modifies_task_head

    assert modifies_task_head(" (DR) grading in fundus") and modifies_task_head(") grading in")
    assert modifies_task_head(" Detection Requires") and not modifies_task_head(" (MAP) estimation of")
    assert not modifies_task_head(" model") and not modifies_task_head(" classification")
    nodes, concepts = _nodes_and_concepts(
        "Benchmarking retinal images",
        "We evaluate on histopathology image classification and Diabetic Retinopathy (DR) grading in fundus "
        "images. We update the model using maximum a posteriori (MAP) estimation.")
    assert not {"Diabetic Retinopathy", "diabetic retinopathy", "DR"} & set(nodes)
    assert {"Diabetic Retinopathy", "DR"} & set(concepts)
    assert {"maximum a posteriori", "MAP"} & set(nodes)


def test_a_prefix_written_apart_is_part_of_the_name_after_it():
    """"Cross Domain Classification" is no domain classification, "non convex
    optimization" no convex optimization: a bound prefix written apart is
    taken into the span; not before an acronym, nor as a verb after "to"."""
    nodes, concepts = _nodes_and_concepts(
        "Cross Domain Classification of Education Talk Turns",
        "Training is a non convex optimization problem. We use a methodology to cross BERT and GPT-2 outputs.")
    assert "domain classification" not in {n.lower() for n in nodes}
    assert "convex optimization" not in {n.lower() for n in nodes}
    assert [n for n in [*nodes, *concepts] if n.lower().startswith("cross domain classification")]
    assert "BERT" in nodes


def test_a_defined_pair_after_the_task_of_is_a_task():
    """'the task of X (ABBR)' names a task whatever X's head word (extractors/names.py _TASK_OF);
    a method named so stays a Method."""
    for tier in ("fast", "standard"):
        nlp = get_nlp(tier)
        doc = nlp("We propose the task of Open-Domain Information Narration (OIN) as the reverse task of Open "
                  "Information Extraction (OIE). We tackle the task of Term Set Expansion (TSE): given a seed set.")
        ents = {e.text: e.label_ for e in doc.ents}
        assert ents.get("Open-Domain Information Narration") == "Task" and ents.get("OIN") == "Task", (tier, ents)
        assert ents.get("Term Set Expansion") == "Task", (tier, ents)
        doc = nlp("We propose a novel model called Hierarchical Graph Fusion Network (HGFN) for this task.")
        assert {e.text: e.label_ for e in doc.ents}.get("HGFN") == "Method", tier


def test_a_pair_read_as_a_task_that_heads_a_method_word_is_the_proposed_method():
    # real abstracts' proposal sentences (ACL Anthology 2020.emnlp-main.79, P17-1163; conference papers)
    import json
    import tempfile

    from extractors.names import abbreviation_type
    from kg.build import papers_from_inputs
    from ontology import EntityType

    assert abbreviation_type("Hierarchical Memory Learning", ") framework to learn") is EntityType.METHOD
    assert abbreviation_type("local autoregressive translation", ") mechanism into") is EntityType.METHOD
    assert abbreviation_type("Legal Judgment Prediction", ") aims to predict") is EntityType.TASK
    assert abbreviation_type("multi-armed bandit", ") problem, we propose") is EntityType.TASK
    cases = [
        ("Neural Belief Tracker: Data-Driven Dialogue State Tracking",
         "We propose a novel Neural Belief Tracking (NBT) framework which overcomes these problems by building on "
         "recent advances in representation learning.", "NBT"),
        ("Incorporating a Local Translation Mechanism into Non-autoregressive Translation",
         "In this work, we introduce a novel local autoregressive translation (LAT) mechanism into "
         "non-autoregressive translation (NAT) models so as to capture local dependencies among target outputs.",
         "LAT"),
        ("Hierarchical Memory Learning for Fine-Grained Scene Graph Generation",
         "In order to alleviate the impact of the long-tail effect problems, this paper proposes a novel Hierarchical "
         "Memory Learning (HML) framework to learn the model from simple to complex.", "HML"),
    ]
    for title, abstract, short in cases:
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
            f.write(json.dumps({"id": "x", "title": title, "abstract": abstract}) + "\n")
        d = next(iter(papers_from_inputs([f.name]))).to_dict()
        ent = next(e for e in d["entities"] if short == e["name"] or short in e["aliases"])
        assert ent["type"] == "Method" and ent["proposed"], (short, ent)
    # a curated long form keeps its type and is no proposal: "an Open Information Extraction (IE) approach"
    # is an instance of a known task's family (the audit's guide: USES)
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
        f.write(json.dumps({"id": "x", "title": "Graphene: Semantically-Linked Propositions in Open Information "
                            "Extraction", "abstract": "We present an Open Information Extraction (IE) approach that "
                            "uses a two-layered transformation stage."}) + "\n")
    d = next(iter(papers_from_inputs([f.name]))).to_dict()
    ie = [e for e in d["entities"] if "information extraction" in e["name"].lower()]
    assert ie and all(e["type"] == "Task" and not e["proposed"] for e in ie), ie


def test_two_things_run_together_in_one_span_are_no_node():
    """A coordination emitted as one span is a fragment (tests/data/audit/GUIDE.md; slash
    coordinations, part C). Sentences of real abstracts (audit J's OpenUE; draw_sample(3000,
    12121212): Annobot, "Time and Energy Optimal Path Planning in General Flows")."""
    from kg.nodes import names_a_task, node_kind

    for phrase in ("slot & intent detection", "multi-class/label classification", "Homophobia/ Transphobia detection",
                   "language/dialect identification"):
        assert not names_a_task(phrase), phrase
    assert names_a_task("intent detection") and names_a_task("English-to-French translation")
    assert node_kind("ASVs and AUVs", False, False, "Method") is None
    assert node_kind("KBP 2016 and 2017", False, False, "Dataset") is None
    assert node_kind("CESAR/META-NET", False, False, "Dataset") == "name"  # a slash inside a coined name
    nodes, _ = _nodes_and_concepts(
        "OpenUE: An Open Toolkit of Universal Extraction from Text",
        "Additionally, the online system can extract information in various tasks, including relational triple "
        "extraction, slot & intent detection, event extraction, and so on.")
    assert "slot & intent detection" not in nodes and "OpenUE" in nodes, nodes
    nodes, _ = _nodes_and_concepts(
        "Annobot: Platform for Annotating and Creating Datasets through Conversation with a Chatbot",
        "Our solution has a wide range of applications such as data labelling for binary, multi-class/label "
        "classification tasks, preparing data for regression problems.")
    assert not [n for n in nodes if "/" in n], nodes
