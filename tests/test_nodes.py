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
