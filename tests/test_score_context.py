"""Short metric acronyms that name other things: "EM" is exact match only
where a score is reported (extractors/score_context.py), and an acronym the
paper defines otherwise takes the definition's type, not the gazetteer's
(kg/extract.py). Sentences are from real abstracts (ids given)."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from extractors.score_context import score_context


def _at(sentence: str, word: str = "EM") -> bool:
    i = sentence.index("[[")
    text = sentence.replace("[[", "").replace("]]", "")
    return score_context(text, i, i + len(word))


@pytest.mark.parametrize("sentence", [
    "model performance on the Stanford Question Answering Dataset (68.4 [[EM]], 76.21 F1 dev)",  # D17-1111
    "our model gains 21.4% [[EM]] and 21.5% F1 over all non-BERT models",  # D19-1599
    "the Reader outperforms the BiDAF baseline by 2.1 F1 score and 2.7 [[EM]] score.",  # W18-2601
    "span extraction questions from DROP and Quoref by 9.9 and 5.5 [[EM]] points respectively.",  # 2020.emnlp-main.248
    "with regard to standard evaluation metrics, including [[EM]] and F1.",  # 2021.eacl-main.283
    "the hybrid model can achieve an [[EM]] over 40%.",  # 2020.findings-emnlp.91
])
def test_em_reported_as_a_score(sentence):
    assert _at(sentence)


@pytest.mark.parametrize("sentence", [
    "a mean-field method for posterior inference and a variational [[EM]] algorithm to estimate the model's free parameters",
    "The parameters of MoG are estimated under the [[EM]] framework and through a new developed algorithm",
    "Computational efficiency is achieved by using variational [[EM]], working in the frequency domain",
    "namely the ISBI 2012 [[EM]] segmentation benchmark, the BBBC010 C. elegans dataset",  # a year is no score
    "Matrix capsules with [[EM]] routing",  # HJWLfGWRb
    "(ii) an [[EM]]-based clustering approach that models the strength",
])
def test_em_as_a_procedure_or_thing(sentence):
    assert not _at(sentence)


def _extract(tmp_path, abstract: str, title: str = "", tier: str = "fast") -> dict[str, tuple[str, str]]:
    """mention text -> (node name, type) for one abstract (fast tier unless said)."""
    from kg.cli import main

    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_text(json.dumps({"id": "x1", "title": title, "abstract": abstract}) + "\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["extract", str(src), "-o", str(out), "--model", tier, "-q"])
    assert res.exit_code == 0, res.output
    paper = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    return {m["text"]: (e["name"], e["type"]) for e in paper["entities"] for m in e["mentions"]}


def test_em_algorithm_is_no_exact_match_node(tmp_path):
    # conference_papers:6f96dd77c0 and 3996
    got = _extract(tmp_path, "We focus on two versions of partial variational EM for clustering: variational GMM, "
                             "scaling with O(N). We experimentally compare our learning algorithm to variational EM.")
    assert got.get("EM", ("", ""))[0] != "exact match"


def test_em_beside_scores_is_exact_match(tmp_path):
    # acl_anthology:2022.repl4nlp-1.13
    got = _extract(tmp_path, "Our best model achieves new state-of-the-art results of 95.7% F1 and 90.6% EM "
                             "on SQuAD 1.1 and also outperforms existing pre-trained models.")
    assert got["EM"] == ("exact match", "Metric")


def test_acronym_defined_otherwise_is_not_typed_as_the_metric(tmp_path):
    # acl_anthology:2021.emnlp-main.640: PQ is also panoptic quality in the gazetteer
    got = _extract(tmp_path, "Product quantization (PQ) is a widely used technique for ad-hoc retrieval. Recent "
                             "studies propose supervised PQ, where the embedding and quantization models can be "
                             "jointly trained with supervised learning.")
    assert got["PQ"][0] != "panoptic quality"
    assert got["PQ"][1] != "Metric"


# -- short acronyms and weak Papers with Code rows (kg/weak_links.py) ---------------------------------------

def _entities(tmp_path, abstract: str) -> list[dict]:
    from kg.cli import main

    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_text(json.dumps({"id": "x1", "title": "", "abstract": abstract}) + "\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["extract", str(src), "-o", str(out), "--model", "fast", "-q"])
    assert res.exit_code == 0, res.output
    return json.loads(out.read_text(encoding="utf-8").splitlines()[0])["entities"]


def test_everyday_acronym_takes_no_weak_pwc_id(tmp_path):
    # conference_papers:6697218 and 6942717: CAD models are no PwC dataset page "CAD"
    ents = _entities(tmp_path, "Decomposing CAD models of objects of daily use and reasoning about their functional "
                               "parts is hard. The build procedure embeds encoder modules into scaled-down CAD models "
                               "of the robot links, which are then 3D printed.")
    cad = [e for e in ents if any(m["text"] == "CAD" for m in e["mentions"])]
    assert all(e["external_id"] is None for e in cad)


def test_weak_dataset_row_kept_in_a_sentence_about_data():
    from kg.weak_links import weak_link
    from kg.linking import Linker

    linker = Linker()
    entry = linker.entry_by_id[linker.resolve("JAAD")]
    assert not entry.match  # a weak row: the test is about those
    # conference_papers:9812226
    text = "Experimental results demonstrate that our framework outperforms state-of-the-art methods on both JAAD and PIE datasets."
    i = text.index("JAAD")
    assert not weak_link(entry, "JAAD", text, i, i + 4)
    # conference_papers:6697218 (CAD models) is no dataset page: "CAD" in a sentence with no data words
    cad = linker.entry_by_id.get(linker.resolve("CAD"))
    text = "Decomposing CAD models of objects of daily use and reasoning about their functional parts."
    assert cad is not None and weak_link(cad, "CAD", text, 12, 15)


def test_one_acronym_is_one_node_in_a_paper(tmp_path):
    """Decided per paper: PIE named once in a sentence about datasets keeps its id at every mention."""
    ents = _entities(tmp_path, "Pedestrian intention prediction is hard. PIE contains long videos. Our multimodal "
                               "transformer is validated on the PIE and JAAD datasets and achieves state-of-the-art "
                               "performance.")  # after conference_papers:paper174
    pie = [e for e in ents if any(m["text"] == "PIE" for m in e["mentions"])]
    assert len(pie) == 1 and len(pie[0]["mentions"]) == 2 and pie[0]["external_id"]


# -- "EM" the algorithm, "MAP" the metric only in score context (kg/weak_links.CONTEXT_SENSE) ------------------
from extractors.score_context import algorithm_context  # noqa: E402


def _algorithm_at(sentence: str, word: str = "EM") -> bool:
    i = sentence.index("[[")
    text = sentence.replace("[[", "").replace("]]", "")
    return algorithm_context(text, i, i + len(word))


@pytest.mark.parametrize("sentence", [
    "HMMs with a sparsity-inducing Dirichlet prior trained by variational [[EM]]. We evaluate these HMMs",  # 5cd3d467b4
    "we leverage a proxy for ground truth mask and adopt stochastic hard-[[EM]] for training.",  # D19-1308
    "is read(cid:173) ily trained via the [[EM]] algorithm, which in this case is both discriminative",  # 6c00e56b39
    "We fit the model parameters with [[EM]]. Experiments on a variety of data sets show",  # 569d4c786e
])
def test_em_written_as_the_algorithm(sentence):
    assert _algorithm_at(sentence)


@pytest.mark.parametrize("sentence", [
    "Development of underwater distance sensor using [[EM]] wave attenuation.",  # icra2013 6631309: electromagnetic
    "incorporating embedded electronics and an [[EM]] tracker for sensing the 6-DOF pose",  # icra2021 9561200
    "the Reader outperforms the BiDAF baseline by 2.1 F1 score and 2.7 [[EM]] score.",  # W18-2601: the metric
    "namely the ISBI 2012 [[EM]] segmentation benchmark, the BBBC010 C. elegans dataset",  # electron microscopy
])
def test_em_not_written_as_the_algorithm(sentence):
    assert not _algorithm_at(sentence)


@pytest.mark.parametrize("sentence,metric", [
    ("This approach achieved a [[MAP]] of 45.7% out of max achievable 67.0% on the test set.", True),  # S17-2062
    ("The proposed system ranked first out of 3 submissions, with a [[MAP]] score of 61.16%.", True),  # S17-2056
    ("we present two new lifting rules, which enable fast [[MAP]] inference in a large class of MLNs.", False),  # 4688
    ("We formulate DRF training as a form of [[MAP]] estimation that combines conditional loglikelihood", False),
])
def test_map_is_mean_average_precision_only_as_a_score(sentence, metric):
    assert _at(sentence, "MAP") is metric


def test_em_as_the_algorithm_links_to_expectation_maximization(tmp_path):
    # nips ec44507909: a node "EM" of its own before
    got = _extract(tmp_path, "To make use of our objective when some of the data is missing, we propose a bagged "
                             "structural EM procedure that does not incur the heavy computational cost typically "
                             "associated with a bootstrap-based approach.")
    assert got["EM"] == ("expectation–maximization", "Method")


def test_map_linked_by_context(tmp_path):
    # S17-2062: the metric beside its score (the fast tier tags no "MAP" here)
    got = _extract(tmp_path, "We use a paraphrase identification model to score candidate questions. "
                             "This approach achieved a MAP of 45.7% out of max achievable 67.0% on the test set.",
                   tier="standard")
    assert got["MAP"][0] == "mean average precision"
    # nips2014 4688: maximum a posteriori, no metric by its letters
    got = _extract(tmp_path, "In this paper, we present two new lifting rules, which enable fast MAP inference "
                             "in a large class of MLNs. Our first rule uses the concept of single occurrence.",
                   tier="standard")
    assert got.get("MAP", ("", ""))[0] != "mean average precision"


# -- "success": the metric only right after a percentage (ontology.metrics.NUMBER_CONTEXT) -----------------

def _results(abstract: str) -> list[tuple[float, str | None, str]]:
    from extractors.pipeline import get_nlp

    doc = get_nlp(True)(abstract)
    return [(r.quantity.value, abstract[r.metric[0]:r.metric[1]] if r.metric else None, r.kind) for r in doc._.results]


def test_percent_success_is_the_success_rate_metric(tmp_path):
    # conference_papers:udH3b2Lsx5 (TeX percent) and qDtbMK67PJG
    text = ("The resulting policy, trained entirely in simulation, transfers zero-shot to the real world and achieves "
            "over 80\\% success across three challenging long-horizon manipulation tasks.")
    assert _extract(tmp_path, text)["success"] == ("success rate", "Metric")
    assert (80.0, "success", "absolute") in _results(text)
    assert (87.0, "success", "absolute") in _results(
        "CARBS achieves 87.0% success on scooping rigid foods, which is 25.8% more successful than a single-arm baseline.")


def test_success_as_a_word_is_no_metric(tmp_path):
    # a made-up sentence: "success" with no percentage before it, even beside a score word (score_context would fire)
    got = _extract(tmp_path, "The success of pretrained language models is well known, and their accuracy on GLUE "
                             "reaches 80.5%. Such successes motivate our work.")
    assert "success" not in got and "successes" not in got


def test_a_count_after_success_is_no_score():
    # conference_papers:lLq09gVoaTE: "71% success over 69 skewering attempts": 69 counts attempts
    rows = _results("Across 6 plates of different food items, our proposed framework achieves 71% success over 69 "
                    "skewering attempts total.")
    assert all(not (v == 69.0 and m == "success") for v, m, _ in rows), rows
    assert (71.0, "success", "absolute") in rows, rows  # the success score itself is still read


@pytest.mark.parametrize("sentence, beside", [
    ("This translates to a sustainable runtime by reducing [[energy consumption]] 6.9x - 125.8x", True),  # 2020.sustainlp-1.20
    ("resulting in up to a 44.8% reduction in [[energy consumption]] compared to the baseline.", True),
    ("Results show that our method can reduce [[energy consumption]] by 42% and traveling distance by 41%", True),
    ("The key limiting factor is the high [[energy consumption]] of CNN processing due to its high computational c", False),
    ("it is critical to optimize their motion so as to minimize [[energy consumption]]. The driving motors are", False),
])
def test_energy_consumption_with_a_number_beside(sentence, beside):
    from extractors.score_context import number_beside

    i = sentence.index("[[")
    text = sentence.replace("[[", "").replace("]]", "")
    assert number_beside(text, i, i + len("energy consumption")) is beside


def test_energy_consumption_factor_is_linked():
    rows = _results("This translates to a sustainable runtime by reducing energy consumption 6.9x - 125.8x according to "
                    "the metrics used in the SustaiNLP 2020 shared task.")  # acl_anthology:2020.sustainlp-1.20
    assert (6.9, "energy consumption", "ratio") in rows and (125.8, "energy consumption", "ratio") in rows
