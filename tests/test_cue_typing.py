"""Issue 28: a technique the paper applies is a Method there, by the words governing its mentions
(extractors/cue_typing.py). Sentences are from real abstracts of ../shared/corpora/abstracts."""
from __future__ import annotations

import pytest

from extractors.cue_typing import mention_cue
from extractors.pipeline import make_nlp


def _cue(text: str, phrase: str, title_end: int = 0, task: str | None = None) -> str | None:
    start = text.index(phrase)
    tasks = frozenset([(text.index(task), text.index(task) + len(task))]) if task else frozenset()
    return mention_cue(text, start, start + len(phrase), title_end, tasks)


def test_governing_words_tell_a_tool_from_a_problem():
    assert _cue("Pretrained multilingual models (PMMs) enable zero-shot learning via cross-lingual transfer, performing "
                "best for languages seen during pretraining.", "cross-lingual transfer") == "tool"
    assert _cue("We analyze COVID-19 related tweets using topic modeling and aspect-based sentiment analysis.",
                "topic modeling") == "tool"
    assert _cue("Transition-based approaches based on local classification are attractive for dependency parsing.",
                "local classification") == "tool"
    assert _cue("we propose the task of cross-lingual transfer learning for epidemiological alignment.",
                "cross-lingual transfer learning") == "problem"
    # an abbreviation between the name and its noun does not hide "X datasets" (the task's data, not a tool)
    assert _cue("Sentence embedding methods using natural language inference (NLI) datasets have been successfully "
                "applied to various tasks.", "natural language inference") == "problem"
    # "deals with X" and "tasks with X" name the problem ("with" alone reads as a tool)
    assert _cue("This paper deals with offensive language detection in five different languages; English, Arabic.",
                "offensive language detection") == "problem"
    assert _cue("sub-optimal when finetuning on downstream tasks with spatial reasoning.", "spatial reasoning") == "problem"
    # "struggle with X" names a difficulty: 30 of 30 read of 297 in the 120k abstracts were problems, none a tool
    assert _cue("However, existing IVCAs struggle with user intent recognition and context awareness, which leads to "
                "suboptimal proactive interactions.", "user intent recognition") == "problem"
    assert _cue("Network pruning is considered efficient for sparsification.", "Network pruning") is None


def test_title_x_for_a_task_reads_x_as_the_tool():
    title = "Unsupervised Adversarial Domain Adaptation for Implicit Discourse Relation Classification"
    assert _cue(title, "Adversarial Domain Adaptation", len(title), "Implicit Discourse Relation Classification") == "tool"
    # "X for <a language or domain>": X is the task the paper addresses
    title = "LDCCNLP at IJCNLP-2017 Task 2: Dimensional Sentiment Analysis for Chinese Phrases"
    assert _cue(title, "Dimensional Sentiment Analysis", len(title)) is None
    # the task after "for" only modifies another noun: the title's X is the task addressed
    title = "Generate, Filter, and Rank: Grammaticality Classification for Production-Ready NLG Systems"
    assert _cue(title, "Grammaticality Classification", len(title), "NLG") is None
    title = "Fast Few-shot Debugging for NLU Test Suites"
    assert _cue(title, "Few-shot Debugging", len(title), "NLU") is None
    # an X ending in a task's head names the task addressed, Y its setting (acl_anthology:2021.inlg-1.25);
    # a generation step named so stays the tool (acl_anthology:2022.acl-long.533)
    title = "Text-in-Context: Token-Level Error Detection for Table-to-Text Generation"
    assert _cue(title, "Token-Level Error Detection", len(title), "Table-to-Text Generation") is None
    title = "DoCoGen: Domain Counterfactual Generation for Low Resource Domain Adaptation"
    assert _cue(title, "Domain Counterfactual Generation", len(title), "Low Resource Domain Adaptation") == "tool"


@pytest.fixture(scope="module")
def nlp():
    return make_nlp("fast")


def _types(nlp, title: str, abstract: str) -> dict[str, str]:
    text = f"{title}\n\n{abstract}"
    doc = nlp.make_doc(text)
    doc.user_data["title_end"] = len(title)
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return {e.text.lower(): e.label_ for e in doc.ents}


def test_a_technique_the_paper_applies_is_a_method(nlp):
    types = _types(nlp, "Adversarial Domain Adaptation for Machine Reading Comprehension",
                   "In this paper, we focus on unsupervised domain adaptation for Machine Reading Comprehension (MRC).")
    assert types.get("adversarial domain adaptation") == "Method"
    types = _types(nlp, "Continual Machine Reading Comprehension via Uncertainty-aware Fixed Memory and Adversarial "
                   "Domain Adaptation", "Continual Machine Reading Comprehension aims to incrementally learn from a "
                   "continuous data stream across time.")
    assert types.get("adversarial domain adaptation") == "Method"
    # a name the gazetteer knows keeps the entry's type (one node per thing in the graph)
    types = _types(nlp, "Glot500: Scaling Multilingual Corpora and Language Models to 500 Languages",
                   "Pretrained multilingual models (PMMs) enable zero-shot learning via cross-lingual transfer, "
                   "performing best for languages seen during pretraining.")
    assert types.get("cross-lingual transfer") == "Task"


def test_the_task_a_paper_addresses_stays_a_task(nlp):
    types = _types(nlp, "Sentiment-based Candidate Selection for NMT",
                   "We propose the task of sentiment-based candidate selection, and we study sentiment-based "
                   "candidate selection via a classifier.")
    assert types.get("sentiment-based candidate selection") != "Method"
    # an established task used as a step keeps its type (audit part D): real abstracts type it Task
    types = _types(nlp, "Scene parsing", "We obtain object masks using semantic segmentation and track them.")
    assert types.get("semantic segmentation") == "Task"


def test_a_retyped_technique_keeps_its_node_and_uses(tmp_path):
    """A task-headed technique retyped Method ("using ensemble tagging") keeps the node its Task label
    gave it (kg/nodes.py's task evidence) and the paper's USES of it; without the retyped names on
    DocData it was a concept and the USES went (13 nodes, 11 USES on 1,200 real abstracts)."""
    import json

    from click.testing import CliRunner

    from extractors.pipeline import get_nlp
    from kg.cli import main
    from kg.extract import doc_data

    title = "The KiezDeutsch Korpus (KiDKo) Release 1.0"
    abstract = ("Our tagger achieves an accuracy of nearly 97% on KiDKo. While we did not succeed in further improving "
                "the tagger using ensemble tagging, we present our approach to using the tagger ensembles for "
                "identifying error patterns in the automatically tagged data.")
    doc = get_nlp("standard").make_doc(f"{title}\n\n{abstract}")
    doc.user_data["title_end"] = len(title)
    data = doc_data(get_nlp("standard")(doc))
    assert data.retyped == ["ensemble tagging"]
    assert ("ensemble tagging", "Method") in {(e[0], e[2]) for e in data.ents}
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_text(json.dumps({"id": "x1", "title": title, "abstract": abstract}) + "\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["extract", str(src), "-o", str(out), "--model", "standard", "-q"])
    assert res.exit_code == 0, res.output
    paper = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    node = next(e for e in paper["entities"] if e["name"] == "ensemble tagging")
    assert node["type"] == "Method"
    assert any(r["type"] == "USES" and r["source"] == paper["id"] and r["target"] == node["id"] for r in paper["relations"])
