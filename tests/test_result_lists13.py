"""Results (issue 27), results13: lists of gains, ranges and bounds as real
abstracts write them (sentences quoted from ../shared/corpora/abstracts, by id;
the counts behind each rule are in the module that holds it)."""
from __future__ import annotations

from tests.test_results import one, results


def test_a_gain_list_keeps_its_kind_past_a_metric_a_version_or_a_hedge():
    # conference 9981381: the second gain names its metric after the first
    rows = results("In evaluation against the current Domain Randomization texture application techniques, our approach "
                   "outperforms the highest performing technique by 4.94 AP and 6.71 AP when solving object detection and "
                   "semantic segmentation tasks on the YCB-M [1] real-world robotics dataset.")
    assert [one(rows, v)["kind"] for v in (4.94, 6.71)] == ["delta", "delta"]
    # 2020.sltu-1.47: a hedge before the second gain
    rows = results("Our results show significant improvements of over 25% in character error rate and nearly 20% in word "
                   "error rate.")
    assert [one(rows, v)["kind"] for v in (25.0, 20.0)] == ["delta", "delta"]
    # 2022.findings-acl.214: a dataset with a version number between the two gains
    rows = results("Experimental results also demonstrate that ASSIST improves the joint goal accuracy of DST by up to "
                   "28.16% on MultiWOZ 2.0 and 8.41% on MultiWOZ 2.4, compared to using only the vanilla noisy labels.")
    assert [one(rows, v)["kind"] for v in (28.16, 8.41)] == ["delta", "delta"]
    # a score after a gain stays a score when a verb comes between (the list has ended)
    rows = results("Our model improves over the baseline by 2.1 F1 and achieves 91.3 F1 on CoNLL-2003.")
    assert one(rows, 91.3)["kind"] == "absolute"
