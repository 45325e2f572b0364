"""Results (issue 27, stop 40): value shapes found missed on the audit's
developed parts, each rule counted on the 119,895 real abstracts in the
module that holds it; sentences quoted from ../shared/corpora/abstracts, by id."""
from __future__ import annotations

from tests.test_results import one, results


def test_a_number_with_a_glued_scale_before_a_plural_noun_is_a_count():
    # conference 6zGpfOBImD: "128K scenes" is a dataset size
    rows = results("Trained on a large-scale synthetic dataset with 128K scenes, M2T2 achieves zero-shot sim2real transfer "
                   "on the real robot.")
    assert (one(rows, 128000.0)["kind"], one(rows, 128000.0)["unit"]) == ("count", "")
    # 2020.wanlp-1.10: "10M tweets"
    rows = results("An unlabeled corpus of 10M tweets from the same domain is also presented by the competition organizers "
                   "for optional use.")
    assert one(rows, 1e7)["kind"] == "count"


def test_a_glued_scale_in_a_name_or_a_model_size_is_no_count():
    # (read in the corpus sample) "ImageNet 1K Challenge datasets": part of a name
    rows = results("We evaluate on one-shot learning benchmarks (miniImageNet and ImageNet 1K Challenge datasets), which "
                   "significantly outperforms the baselines.")
    assert not [r for r in rows if r["value"] in (1.0, 1000.0)]
    # conference 82c1bcbcbb: "0.042M trainable parameters" is a model size, not a count of data
    rows = results("Our lightest model uses only 0.042M trainable parameters.")
    assert not [r for r in rows if r["kind"] == "count"]
