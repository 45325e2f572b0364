"""The linker on the linking test set and on the seeds."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.linking import Linker, family_name, fuzzy_guard
from kg.linking_eval import read_pairs, score_pairs

PAIRS = Path(__file__).parent / "data" / "linking_pairs.tsv"


def test_linking_test_set_precision_and_recall():
    pairs = read_pairs(PAIRS)
    assert len(pairs) >= 150
    score, wrong = score_pairs(pairs)
    print(f"linking pairs: {len(pairs)} precision={score.precision:.3f} recall={score.recall:.3f} wrong={wrong}")
    assert score.precision >= 0.97, wrong
    assert score.recall >= 0.9, wrong


@pytest.mark.parametrize(
    "name,family",
    [("Llama-2-7B", "Llama-2"), ("Llama-2", "Llama"), ("BERT-large", "BERT"), ("ResNet-50", "ResNet"), ("CBNetV2", "CBNet"), ("T5", None)],
)
def test_family_names(name, family):
    assert family_name(name) == family


def test_fuzzy_guard_blocks_numbers_and_prefixes():
    assert not fuzzy_guard("cifar10", "cifar100")
    assert not fuzzy_guard("imagenet", "tinyimagenet")
    assert not fuzzy_guard("codet5", "t5")
    assert fuzzy_guard("imagenett", "imagenet") is False  # prefix
    assert fuzzy_guard("librispeach", "librispeech")


def test_ambiguous_acronym_is_reported():
    linker = Linker()
    a = linker.register_abbreviation("Multi-head Self-Attention", "MSA")
    b = linker.register_abbreviation("Multi-scale Spatial Attention", "MSA")
    assert a != b
    assert "MSA" in linker.ambiguous
    assert linker.resolve("MSA") not in {a, b}


def test_unambiguous_acronym_links_across_papers():
    linker = Linker()
    eid = linker.register_abbreviation("Multi-query Associative Recall", "MQAR")
    assert linker.resolve("MQAR") == eid


def _entity_papers(papers, name):
    return {p.id for p in papers for e in p.entities if e.name == name}


def test_seeds_one_imagenet_node(seed_papers):
    import re

    # ImageNet itself (ImageNet-1k is an alias), not Tiny/mini-ImageNet,
    # ImageNet-21k/22k or the distribution-shift sets ImageNet-R/-A/-C/-V2/-Sketch
    pattern = re.compile(r"(?<![\w-])ImageNet(?![\w]|-(?:2[12]|[A-Z]\b|[Vv]2|Sketch))")
    mentioning = {p.id for p in seed_papers if pattern.search(p.title + " " + p.abstract)}
    imagenet_ids = {e.id for p in seed_papers for e in p.entities if e.name == "ImageNet"}
    assert len(imagenet_ids) == 1
    assert mentioning and mentioning <= _entity_papers(seed_papers, "ImageNet")
    tiny = {e.id for p in seed_papers for e in p.entities if "tiny" in e.name.lower() and "imagenet" in e.name.lower()}
    assert tiny and not (tiny & imagenet_ids)


def test_seeds_one_bert_node(seed_papers):
    import re

    bert = {e.id for p in seed_papers for e in p.entities if e.name == "BERT"}
    assert len(bert) == 1
    mentioning = {p.id for p in seed_papers if re.search(r"(?<![\w-])BERT(?![\w-])", p.title + " " + p.abstract)}
    assert mentioning <= _entity_papers(seed_papers, "BERT")


def test_seeds_abbreviation_definitions_give_aliases(seed_papers):
    from extractors.abbreviations import find_abbreviations

    checked = 0
    for p in seed_papers:
        for a in find_abbreviations(p.abstract):
            ents = [e for e in p.entities if a.short in ([m.text for m in e.mentions])]
            if not ents:
                continue
            e = ents[0]
            surfaces = {m.text for m in e.mentions} | set(e.aliases) | {e.name}
            if a.long in {m.text for m in e.mentions}:
                assert a.short in surfaces and a.long in surfaces
                checked += 1
    assert checked >= 20
