"""Papers with Code ids are true: a page of the thing's own name in ../shared/corpora/pwc."""
from __future__ import annotations

from pathlib import Path

import pytest

PWC = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "pwc"


def _ids():
    from kg.linking import Linker

    return {e.name: e.external_id for e in Linker().entries}


def test_a_task_s_setting_in_brackets_is_no_alias_and_not_its_page():
    from ontology.pwc_import import task_row_name

    assert task_row_name("Automatic Speech Recognition (ASR)") == ("Automatic Speech Recognition", ["ASR"])
    assert task_row_name("3D Question Answering (3D-QA)") == ("3D Question Answering", ["3D-QA"])
    assert task_row_name("Explainable Artificial Intelligence (XAI)") == ("Explainable Artificial Intelligence", ["XAI"])
    for raw in ("Common Sense Reasoning (Few-Shot)", "Face Recognition (Closed-Set)", "3D Object Detection (RoI)",
                "Action Classification (1-shot)", "Recommendation Systems (Item cold-start)", "FEVER (2-way)"):
        assert task_row_name(raw) == (raw, []), raw
    ids = _ids()
    # PwC lists "X (Setting)" before "X": the plain task keeps its own page
    assert ids["reinforcement learning"] == "https://paperswithcode.com/task/reinforcement-learning"
    assert ids["commonsense reasoning"] == "https://paperswithcode.com/task/common-sense-reasoning"
    assert ids["face recognition"] == "https://paperswithcode.com/task/face-recognition"
    assert ids["named entity recognition"] == "https://paperswithcode.com/task/named-entity-recognition"
    from ontology.pwc_import import slug

    assert not [n for n, u in ids.items() if u and u.endswith(("-few-shot", "-closed-set", "-atari-games"))
                and not u.endswith("/" + slug(n))]  # "Cross-Domain Few-Shot" is that task's own page


def test_curated_names_papers_with_code_lists_outside_its_exports():
    ids = _ids()
    # research areas (task-summaries/research_areas.csv)
    assert ids["computer vision"] == "https://paperswithcode.com/area/computer-vision"
    assert ids["natural language processing"] == "https://paperswithcode.com/area/natural-language-processing"
    # leaderboard and NLP-progress datasets with a curated dataset's own name
    assert ids["WikiText-2"] == "https://paperswithcode.com/dataset/wikitext-2"
    assert ids["SNLI"] == "https://paperswithcode.com/dataset/snli"
    # task pages named for the concept's systems or methods, or spelt otherwise
    assert ids["recommendation"] == "https://paperswithcode.com/task/recommendation-systems"
    assert ids["policy gradient"] == "https://paperswithcode.com/task/policy-gradient-methods"
    assert ids["behavior cloning"] == "https://paperswithcode.com/task/behavioural-cloning"
    assert ids["Meta-World"] == "https://paperswithcode.com/dataset/meta-world-benchmark"
    # never a page the data does not give that name: an alias's leaderboard (enwik8's "Hutter Prize"),
    # another spelling's path ("SQuAD2.0", "X-Sum"), a campaign's dataset (SemEval), a family for a variant
    assert ids["enwik8"] != "https://paperswithcode.com/dataset/hutter-prize"
    assert ids["SQuAD 2.0"] is None and ids["XSum"] != "https://paperswithcode.com/dataset/x-sum"
    assert ids["SemEval"] is None and ids["TREC"] is None
    assert ids["ResNet-50"] is None and ids["ResNet"] == "https://paperswithcode.com/method/resnet"


@pytest.mark.skipif(not PWC.exists(), reason="../shared/corpora/pwc not present")
def test_leaderboard_names_that_are_no_curated_dataset_make_no_rows():
    from ontology.pwc_import import curated_names, leaderboard_dataset_names

    names = leaderboard_dataset_names(PWC)
    assert {"Supervised:", "Knowledge-based", "WikiText-2"} <= set(names)
    rows = curated_names(PWC, {"Dataset": {"wikitext2": {"wikitext-2"}}, "Task": {"computervision": {"computer-vision"}}})
    assert {(r["name"], r["pwc"]) for r in rows} == {("WikiText-2", "dataset/wikitext-2"), ("Computer Vision", "area/computer-vision")}


def test_methods_get_the_page_papers_with_code_names_them_by_in_its_own_words():
    ids = _ids()
    # "A **Feedforward Network**, or a **Multilayer Perceptron (MLP)**" (the page's first words)
    assert ids["multilayer perceptron"] == "https://paperswithcode.com/method/feedforward-network"
    # method collections that PwC's descriptions link to, named as the curated family
    assert ids["convolutional neural network"] == "https://paperswithcode.com/methods/category/convolutional-neural-networks"
    assert ids["recurrent neural network"] == "https://paperswithcode.com/methods/category/recurrent-neural-networks"
    assert ids["adversarial training"] == "https://paperswithcode.com/methods/category/adversarial-training"
    # a curated method with a page of its own keeps it, not its collection's
    assert ids["Transformer"] == "https://paperswithcode.com/method/transformer"


@pytest.mark.skipif(not PWC.exists(), reason="../shared/corpora/pwc not present")
def test_stated_names_count_only_as_a_curated_entry_s_own_name():
    from ontology.pwc_import import method_pages

    curated = {"Method": {"multilayerperceptron": {"multilayer-perceptron"}, "mlp": {"mlp"},
                          "sam": {"sam"}, "transformer": {"transformer"}}}
    rows = {(r["name"], r["pwc"]) for r in method_pages(PWC, curated, covered={"transformer"})}
    assert ("Multilayer Perceptron", "method/feedforward-network") in rows
    assert ("MLP", "method/feedforward-network") in rows  # a curated entry named "MLP" would take it too
    # covered names keep their own page: no collection row for "Transformers"
    assert not [r for r in rows if r[1] == "methods/category/transformers"]
    # a stated abbreviation ("Sharpness-Aware Minimization, or SAM") reaches only an entry named "SAM"
    assert ("SAM", "method/sharpness-aware-minimization") in rows
