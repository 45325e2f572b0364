"""Encoder CPU time per abstract, for one or more encoder model directories.

    python bench/bench_encoder.py [MODEL_DIR ...] [--n 60] [--rounds 3]

The forward passes alone (:meth:`extractors.encoder.EncoderModel.run`, one
sentence a pass, as the accurate tier runs them; tokenisation and Viterbi
included), on one thread, over the sentences of ``--n`` seed abstracts as
the pipeline splits them. Process CPU time, the least of ``--rounds``
interleaved rounds: on a shared machine the wait for a core is not the
model's cost, and interleaving lets a slow spell hit every model alike.
Without a directory it times the shipped model (``extractors/models/encoder``).
Also prints the word pieces per abstract and, from the ONNX graph's
``MatMulInteger`` weights, the int8 multiply-adds per piece, so the time can
be set against the arithmetic (MODEL_CARD.md, "Speed").
"""
from __future__ import annotations

import os

os.environ.setdefault("OMP_NUM_THREADS", "1")

import argparse  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def multiply_adds_per_piece(model_path: Path) -> int:
    """Sum of the int8 weight matrices' sizes (rows x columns) of the graph's
    integer matrix products: the multiply-adds one word piece costs in the
    projections and feed-forward layers (attention's own products, which grow
    with the sentence, left out)."""
    try:
        import onnx
        from onnx import numpy_helper
    except ImportError:
        sys.exit("bench_encoder.py reads the ONNX graph with onnx: pip install -e '.[test]' (or '.[train]')")

    graph = onnx.load(str(model_path)).graph
    weights = {t.name: numpy_helper.to_array(t).shape for t in graph.initializer}
    total = 0
    for node in graph.node:
        if node.op_type in ("MatMulInteger", "DynamicQuantizeMatMul", "MatMulIntegerToFloat"):
            for name in node.input[1:2]:
                shape = weights.get(name)
                if shape is not None and len(shape) == 2:
                    total += shape[0] * shape[1]
    return total


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("models", nargs="*", help="encoder model directories (default: the shipped one)")
    ap.add_argument("--n", type=int, default=60, help="seed abstracts")
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args(argv)

    from bench_extract import load_texts

    from extractors.encoder import MODEL_DIR, EncoderModel, doc_sentences
    from extractors.pipeline import make_nlp
    from extractors.train_ner import SEEDS_DIR

    dirs = [Path(m) for m in args.models] or [MODEL_DIR]
    models = {str(d): EncoderModel(d, threads=1) for d in dirs}
    nlp = make_nlp("fast")
    docs = list(nlp.pipe(load_texts(str(SEEDS_DIR), args.n)))
    sentences = []
    for doc in docs:
        words = [t.text for t in doc]
        sentences += [[words[i] for i in idx] for idx in doc_sentences(doc, next(iter(models.values())).max_words)]
    best: dict[str, float] = {}
    for _ in range(max(1, args.rounds)):
        for name, model in models.items():
            t0 = time.process_time()
            model.run(sentences)
            best[name] = min(best.get(name, float("inf")), time.process_time() - t0)
    print(f"{len(docs)} seed abstracts, {len(sentences)} sentences, one thread, least of {args.rounds} rounds "
          f"(load average {os.getloadavg()[0]:.1f})")
    for name, model in models.items():
        pieces = sum(len(e.ids) for e in model.tokenizer.encode_batch(sentences, is_pretokenized=True))
        macs = multiply_adds_per_piece(model.path / "model.onnx")
        ms = 1000 * best[name] / len(docs)
        print(f"{name}: {ms:.1f} ms CPU per abstract; {pieces / len(docs):.0f} pieces an abstract, "
              f"{macs / 1e6:.1f} M int8 multiply-adds a piece ({macs * pieces / len(docs) / 1e9:.2f} G an abstract, "
              f"{macs * pieces / best[name] / 1e9:.0f} G/s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
