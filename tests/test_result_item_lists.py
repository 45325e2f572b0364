"""Results (issue 27, stop 42): values listed with their own metric words or
before a written list of as many items, where the NER tagged only some of
them; sentences quoted from ../shared/corpora/abstracts, by id."""
from __future__ import annotations

from tests.test_results import one, results


def test_a_value_whose_own_metric_word_is_untagged_takes_no_other_items_metric():
    # acl K18-2022: "MLAS", "BLEX", "CLAS" are the values' own metrics; they took LAS, the first item's
    rows = results("Our parser has been trained and run on Universal Dependencies datasets (Nivre et al., 2016, 2018) and has "
                   "87.48% LAS, 78.63% MLAS, 78.69% BLEX and 81.76% CLAS (Nivre and Fang, 2017) score on the Italian-ISDT "
                   "dataset.", fast=False)
    assert one(rows, 87.48)["metric"] == "LAS"
    assert all(one(rows, v)["metric"] != "LAS" for v in (78.63, 78.69, 81.76))


def test_a_list_of_values_whose_own_metrics_are_tagged_keeps_them():
    # acl 2021.smm4h-1.7
    rows = results("For Subtask A we obtained 0.44 F1 score, 0.49 precision and 0.39 recall.", fast=False)
    assert [one(rows, v)["metric"] for v in (0.44, 0.49, 0.39)] == ["F1 score", "precision", "recall"]


def test_a_respectively_item_the_ner_missed_takes_no_other_items_dataset():
    # conference a73da2da3b: "Brown" is untagged; 8.84% took CIFAR-10 and 3.22% too
    rows = results("Due to the reliability of the proposed binary codes with bitwise interaction, we obtain an average "
                   "improvement of 9.64%, 8.84% and 3.22% on the CIFAR-10, Brown and HPatches datasets respectively "
                   "compared with the state-of-the-art unsupervised binary descriptors.", fast=False)
    assert [one(rows, v)["dataset"] for v in (9.64, 8.84, 3.22)] == ["CIFAR-10", None, "HPatches"]


def test_a_respectively_list_of_metrics_pairs_each_with_its_own_item():
    # acl 2022.acl-long.248: all four took "precision"; "Jaccard score" is untagged
    rows = results("Experiments on MDMD show that our method outperforms the best performing baseline by a large margin, "
                   "i.e., 16.1%, 11.9%, 12.0%, and 6.1% on precision, recall, F1, and Jaccard score, respectively.",
                   fast=False)
    assert [one(rows, v)["metric"] for v in (16.1, 11.9, 12.0, 6.1)] == ["precision", "recall", "F1", None]


def test_items_after_a_mention_or_sharing_its_head_are_no_item_list():
    # acl 2020.webnlg-1.9: the items follow "BLEU score for": every gain is in BLEU
    rows = results("Our experiment results show a minimum relative increases of 3.73%, 126.05% and 88.16% in BLEU score for "
                   "seen categories, unseen entities and unseen categories respectively over the standard training.",
                   fast=False)
    assert [one(rows, v)["metric"] for v in (3.73, 126.05, 88.16)] == ["BLEU"] * 3


def test_an_item_word_before_a_tagged_metric_is_its_modifier_and_a_shared_head_is_left_alone():
    # acl 2021.eacl-main.227: "macro" is untagged, "F-measure" right after it is the value's metric
    rows = results("This approach achieves 95.6% accuracy and 93.1% macro F-measure.", fast=False)
    assert [one(rows, v)["metric"] for v in (95.6, 93.1)] == ["accuracy", "F-measure"]
    # acl 2021.findings-emnlp.343: "accuracies" is the head of both items
    rows = results("Further, the same setting yields improvements of up to 0.65% matched and 0.62% mismatched accuracies "
                   "for a BERT text classifier on MNLI, a practical natural language inference dataset.", fast=False)
    assert one(rows, 0.65)["metric"] == one(rows, 0.62)["metric"] == "accuracies"


def test_a_value_of_another_unit_after_a_respectively_list_takes_none_of_its_datasets():
    # conference b3302a023a: the inference time is of no dataset (it took COCO, the list's last item)
    rows = results("Without bells and whistles the proposed object proposal network significantly improves AR at 1,000 "
                   "proposals by 35% and 45% on PASCAL VOC and COCO dataset respectively and has a fast inference time of "
                   "44.8 ms for input image size of 640x640.", fast=False)
    assert one(rows, 44.8)["dataset"] is None
