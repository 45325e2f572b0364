"""The PwC results gold (bench/results_gold.py): how a leaderboard row's value
is found in its abstract, and which section heading names its dataset.
Inputs are real rows of ../shared/corpora/pwc and sentences of the abstracts
they join to."""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from results_gold import section_dataset, split_of, stated_at  # noqa: E402


def test_value_as_written_or_at_the_abstracts_precision():
    seq2seq = "the translations produced by the LSTM achieve a BLEU score of 34.8 on the entire test set"
    assert stated_at("34.81", seq2seq) == (seq2seq.index("34.8"), "34.8")  # PwC 34.81, the abstract rounds
    back = "achieve a new state of the art of 35 BLEU on the WMT'14 English-German test set"
    assert stated_at("35.0", back) == (back.index("35"), "35")  # trailing zeros
    assert stated_at("4.5", "improves by 14.5 points") is None  # never inside a longer number
    assert stated_at("95.8", "achieving 95.75% UAS") is None  # rounding goes from the row to the abstract only
    assert stated_at("78.6/84.4", "EM/F1 of 78.6/84.4") is None  # a pair cell is no one value


def test_dataset_from_the_section_path():
    assert section_dataset(["Relationship Extraction", "Multi-Way Classification of Semantic Relations Between Pairs "
                            "of Nominals (SemEval 2010 Task 8)", "Dependency Models"]).endswith("(SemEval 2010 Task 8)")
    assert section_dataset(["Summarization", "CNN / Daily Mail", "Non-Anonymized Version: Extractive Models"]) == "CNN / Daily Mail"
    assert section_dataset(["Vietnamese NLP tasks", "Machine translation", "IWSLT2015 Dataset", "English-to-Vietnamese"]) \
        == "IWSLT2015 Dataset English-to-Vietnamese"
    assert section_dataset(["Grammatical Error Correction", "Results on WI-LOCNESS test set:"]) == "WI-LOCNESS test set"
    assert section_dataset(["Semantic parsing", "UCCA parsing", "[CoNLL 2019](https://www.aclweb.org/anthology/K19-2001.pdf)"]) \
        == "CoNLL 2019"
    assert section_dataset(["Named entity recognition"]) is None


def test_split_is_fixed_by_title():
    assert {split_of("dynamicevaluationofneuralsequencemodels"), split_of("recurrenthighwaynetworks")} == {"dev", "test"}
