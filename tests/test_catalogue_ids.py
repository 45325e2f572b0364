"""Issue 28: data catalogue ids (LDC2020T02, ELRA-S0001) are Datasets by their shape
(extractors/catalogue_ids.py), where no "dataset" word stands beside them."""
from __future__ import annotations

import pytest

from extractors.catalogue_ids import catalogue_id_spans
from extractors.pipeline import get_nlp


def _ids(text: str) -> list[str]:
    return [text[a:b] for a, b in catalogue_id_spans(text)]


def test_catalogue_id_shapes():
    # real abstract sentences (../shared/corpora/abstracts, ACL Anthology 2020-2022)
    assert _ids("new state-of-the-art results on two graph-to-text datasets, LDC2020T02 and ENT-DESC") == [
        "LDC2020T02"]
    assert _ids("BLEU scores of 49.72 on AMR-LDC2017T10, 59.70 on WebNLG") == ["LDC2017T10"]
    assert _ids("74.4% on LDC2016E25). ELRA-S0272 and ELRA-W0037-01 are ELRA's") == [
        "LDC2016E25", "ELRA-S0272", "ELRA-W0037-01"]
    # a year, the consortium's name, a coined word that only starts like one: no id
    for text in ("the LDC2014 release", "LDC-style annotation", "the LDC catalog", "LDCRF models",
                 "LDC2017T10x", "ELRA-S027"):
        assert _ids(text) == [], text


@pytest.mark.parametrize("tier", ["fast", "standard"])
def test_the_pipeline_types_unlisted_ids_as_datasets(tier):
    nlp = get_nlp(tier)
    # the standard tier typed LDC2020T02 a Method and missed LDC2020T07 before the shape was read
    doc = nlp("Our approach achieves new state-of-the-art results on two graph-to-text datasets, LDC2020T02 "
              "and ENT-DESC, with only minor increase in model parameters.")
    assert {e.text: e.label_ for e in doc.ents}.get("LDC2020T02") == "Dataset"
    doc = nlp("In detail, on LDC2020T07 we have achieved 70.45%, 71.76%, and 70.80% in Smatch F1 for AMR "
              "parsing of German, Spanish, and Italian, respectively.")
    assert {e.text: e.label_ for e in doc.ents}.get("LDC2020T07") == "Dataset"
