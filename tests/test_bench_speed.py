"""bench/bench_extract.py's per-step timing (the relation and results shares
issues 26 and 27 ask for), bench/casing.py's case marking, and the speed
changes that must not change what the rules extract (cached name keys,
folded result-kind cues)."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _load(name: str):
    spec = importlib.util.spec_from_file_location(f"bench_{name}", ROOT / "bench" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


ABSTRACTS = [
    "We propose FooNet, a transformer for image classification. FooNet outperforms ResNet-50 on ImageNet, "
    "reaching 81.2% top-1 accuracy, and improves BLEU by 1.3 points over the baseline on WMT 2014 English-to-German.",
    "Prior work such as BERT relies on large corpora. Our method uses RoBERTa and achieves an F1 score of 91.62 "
    "on CoNLL-2003 and 86.28 on OntoNotes.",
]


def test_step_times_cover_every_step_and_time_the_results_inside_relations():
    import extractors.relations as rel
    from extractors.pipeline import make_nlp

    bench = _load("bench_extract")
    inner = rel.sentence_results
    nlp = make_nlp("fast")
    times = bench.step_times(nlp, ABSTRACTS * 3, rounds=2)
    assert rel.sentence_results is inner  # the timing wrapper is removed again
    assert set(times) == {"tokenizer", *nlp.pipe_names, "results (in relations)"}
    assert all(v >= 0 for v in times.values())
    # the results step runs inside the relations component, so it costs less than it
    assert 0 < times["results (in relations)"] <= times["mlkg_relations_v1"]


def test_case_marked_entities():
    casing = _load("casing")
    text = "We train MoCo on GLUE. Transformers work. The RANSAC step and 3D convolutions help."
    marked = {surface: casing._case_marked(surface, text, text.index(surface))
              for surface in ("MoCo", "GLUE", "Transformers", "RANSAC", "3D convolutions")}
    assert marked == {"MoCo": True, "GLUE": True, "Transformers": False, "RANSAC": True, "3D convolutions": True}


def test_name_key_cached_and_uncached_agree_on_spelling_variants():
    from extractors.keys import _fold_spelling, name_key

    pairs = [("normalisation", "normalization"), ("Fréchet Inception Distance", "Frechet inception distance"),
             ("Kendall's tau", "Kendall tau"), ("colour constancy", "color constancy"),
             ("modelling", "modeling"), ("ImageNet-1K", "imagenet 1k")]
    for a, b in pairs:
        assert name_key(a) == name_key(b), (a, b)
        assert name_key.__wrapped__(a) == name_key(a)
    assert name_key("CIFAR-10") != name_key("CIFAR-100")
    assert _fold_spelling("noise") == "noise" and _fold_spelling("wise") == "wise"


def test_result_kind_cues_read_any_case():
    from extractors.quantities import find_quantities
    from extractors.result_kinds import classify

    for text, kind in (("Accuracy improves By 2.1% over the baseline.", "delta"),
                       ("Trained With Only 10% of the labels.", "setting"),
                       ("Human Performance of 89.8% on SuperGLUE.", "baseline")):
        values = find_quantities(text)
        assert [classify(values, text, 0)[id(q)] for q in values] == [kind], text


def test_cpu_per_abstract_counts_cpu_not_the_wait():
    """The fast tier's ratio to the floor is taken in CPU time too: a pass
    that only waits (as a process waits for a core on a loaded machine)
    costs nothing, one that computes costs its work."""
    import time

    bench = _load("bench_extract")
    texts = ["an abstract"] * 10
    waiting = bench.cpu_per_abstract(lambda ts: time.sleep(0.02), texts, passes=2)
    working = bench.cpu_per_abstract(lambda ts: sum(i * i for i in range(200_000)), texts, passes=2)
    assert waiting < 0.0005 < working
