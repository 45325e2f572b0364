"""Setting words a Task span takes in (extractors/resolve.py TASK_SETTINGS)."""
from __future__ import annotations

from extractors.pipeline import get_nlp


def test_a_dimension_is_part_of_the_task():
    # extractors/resolve.py TASK_SETTINGS: SciER, SciERC and the audit annotate "2D pose estimation" whole
    # a real title (Cao et al., CVPR 2017) and its abstract's first sentence
    doc = get_nlp("standard")("Realtime Multi-Person 2D Pose Estimation Using Part Affinity Fields. We present an "
                              "approach to efficiently detect the 2D pose of multiple people in an image.")
    ents = {e.text: e.label_ for e in doc.ents}
    assert ents.get("2D Pose Estimation") == "Task" and "Pose Estimation" not in ents
