"""Tokeniser rules for ML names on top of spaCy's blank English tokenizer.

spaCy keeps a final period attached to tokens ending in a capital ("ViT.",
"BERT.") because it reads them as abbreviations like "U.S."; in abstracts
those are model names at a sentence end, so the period is split off. Names
such as "GPT-3", "ResNet-50", "wav2vec 2.0", "4x" stay single tokens; glued
pieces ("LLaMA-2" "-" "13B", "CodeT5" "+") are joined again by the matchers,
which work on token windows.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.util import compile_infix_regex, compile_suffix_regex

EXTRA_SUFFIXES = [r"(?<=[A-Za-z0-9][A-Z+\d])\.", r"(?<=[a-z]{2}s)\.(?=$)"]
#: A closing parenthesis glued to a hyphenated word, "behavior cloning
#: (BC)-like actor loss", "scene graphs (SGs)--a formalization": the default
#: infixes leave "BC)-like" one token, which made "BC)-like" an entity.
EXTRA_INFIXES = [r"(?<=[A-Za-z0-9])\)(?=(?:-|--|\u2013|\u2014)[A-Za-z])", r"(?<=\))(?:--|-|\u2013|\u2014)(?=[A-Za-z])"]
#: An equals sign glued between a name and a number, "(F1=0.74)", "(AUC=0.72)", "BLEU=0.4498": left one
#: token, the metric was never found and its score had none. In 119,895 abstracts 199 glue one (F1 25,
#: BLEU 5, kappa 6, macro-F1, IoU, FID, AUROC 2 each; the rest N=, n=, p=, k= ...).
EXTRA_INFIXES.append(r"(?<=[A-Za-z0-9])=(?=[\d.])")


def customize_tokenizer(nlp: Language) -> Language:
    """Add the ML-name suffix and infix rules to ``nlp.tokenizer`` (in place)."""
    suffixes = list(nlp.Defaults.suffixes) + EXTRA_SUFFIXES
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    infixes = list(nlp.Defaults.infixes) + EXTRA_INFIXES
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    return nlp
