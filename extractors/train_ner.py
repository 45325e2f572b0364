"""Train the statistical NER shipped in ``extractors/models/ner/``.

    python -m extractors.train_ner [--output DIR] [--epochs N] [--seed 0]

Reproducible (fixed seeds, fixed data order). The recipe:

* TDMSci ``train.conll`` (Apache-2.0): gold Task, Dataset, Metric. TDMSci
  has no Method type, so Method mentions found by our rules (gazetteer and
  coined names, ``get_nlp(fast=True)``) are added as silver Method spans;
  every other token is gold "outside".
* SciERC ``train.json`` (no license stated; research use): gold Task,
  Method, Metric. Material spans are *not* "outside" for us (many are
  datasets): where our rules type a Material span as a Dataset/Benchmark it
  becomes a silver Dataset, otherwise its tokens are marked *missing* (no
  loss either way). Generic and OtherScientificTerm tokens are "outside".
* Silver abstracts: the seed records (``../shared/seeds``, read with
  ``kg.sources.read_records``) labelled by our rules; only the rule-found
  spans carry a loss (all other tokens missing), so rules teach names
  without teaching that everything else is "outside".

SciER (GPL-3.0) is *not* trained on; its dev split is used, with SciERC dev,
to pick the best epoch (mean exact micro F1 of the NER alone).

The model is a BILUO tagger (``mlkg_biluo_ner_v1``: spaCy's tagger with
Viterbi-decoded guesses set as entities; see :mod:`extractors.ner`) on a
HashEmbedCNN tok2vec (width 48, depth 3, window 2, 10,000 embedding rows, no
vectors: width 64 was ~15% slower, width 96 / depth 4 ran at ~1/3 the speed;
10,000 rows scored 2.8 points more on SciER dev than 2,000 at the same speed;
window 2 + depth 3 (each token sees 6 neighbours a side instead of 2) won
TDMSci CV 59.5 -> 61.0 for SciER dev 68.6 -> 68.0 and a fifth of the speed;
MODEL_CARD.md), on the project's tokenizer, saved with
``to_disk``. ``--arch parser`` trains v1's decoder, spaCy's
transition-based ``ner``, on the same tok2vec, for comparison.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from pathlib import Path
from typing import Callable, Sequence

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.training import Example
from spacy.util import filter_spans, fix_random_seed, minibatch

from .tokenizer import customize_tokenizer

#: ../shared beside the checkout (KG_SHARED overrides), as the tests read it
SHARED_DIR = Path(os.environ.get("KG_SHARED", Path(__file__).resolve().parents[2] / "shared"))
CORPORA_DIR = SHARED_DIR / "corpora"
SEEDS_DIR = SHARED_DIR / "seeds"
DEFAULT_OUTPUT = Path(__file__).parent / "models" / "ner"
LABELS = ("Method", "Task", "Dataset", "Metric")
_RULE_TYPE = {"Method": "Method", "Task": "Task", "Metric": "Metric", "Dataset": "Dataset", "Benchmark": "Dataset"}

TOK2VEC = {
    "@architectures": "spacy.HashEmbedCNN.v2",
    "pretrained_vectors": None,
    "width": 48,
    "depth": 3,
    "embed_size": 10000,
    "window_size": 2,
    "maxout_pieces": 3,
    "subword_features": True,
}
NER_MODEL = {
    "@architectures": "spacy.TransitionBasedParser.v2",
    "state_type": "ner",
    "extra_state_tokens": False,
    "hidden_width": 64,
    "maxout_pieces": 2,
    "use_upper": True,
    "nO": None,
    "tok2vec": TOK2VEC,
}


def blank_nlp() -> Language:
    return customize_tokenizer(spacy.blank("en"))


def _rules_nlp():
    from .pipeline import get_nlp

    return get_nlp(fast=True)


def _rule_spans(rules_doc: Doc) -> list[tuple[int, int, str]]:
    """Rule-found entities of a text as char spans with our training labels."""
    return [(e.start_char, e.end_char, _RULE_TYPE[e.label_]) for e in rules_doc.ents if e.label_ in _RULE_TYPE]


def _overlaps(a: tuple[int, int], spans: Sequence[tuple[int, int, str]]) -> bool:
    return any(a[0] < e and s < a[1] for s, e, _ in spans)


def make_example(nlp: Language, text: str, ents: list[tuple[int, int, str]],
                 missing: list[tuple[int, int]] = (), default: str = "outside") -> Example | None:
    """An Example on our tokenizer: ``ents`` (char spans) labelled, ``missing``
    char ranges with no loss, every other token ``default`` (outside|missing)."""
    pred = nlp.make_doc(text)
    ref = nlp.make_doc(text)
    spans = []
    for s, e, label in ents:
        span = ref.char_span(s, e, label=label, alignment_mode="strict")
        if span is None:  # boundary inside one of our tokens: no loss there
            span = ref.char_span(s, e, alignment_mode="expand")
            if span is not None:
                missing = list(missing) + [(span.start_char, span.end_char)]
            continue
        spans.append(span)
    spans = filter_spans(spans)
    taken = {i for sp in spans for i in range(sp.start, sp.end)}
    miss_idx: set[int] = set()
    for s, e in missing:
        span = ref.char_span(s, e, alignment_mode="expand")
        if span is not None:
            miss_idx.update(i for i in range(span.start, span.end) if i not in taken)
    ref.set_ents(spans, missing=[ref[i : i + 1] for i in sorted(miss_idx)], default=default)
    return Example(pred, ref)


def tdmsci_examples(nlp: Language, docs, rules=None) -> list[Example]:
    rules = rules or _rules_nlp()
    out = []
    gold_docs = list(docs)
    for gdoc, rdoc in zip(gold_docs, rules.pipe((d.text for d in gold_docs), batch_size=64)):
        gold = [(s, e, t) for s, e, t in gdoc.char_spans() if t in LABELS]
        silver = [(s, e, t) for s, e, t in _rule_spans(rdoc) if t == "Method" and not _overlaps((s, e), gold)]
        ex = make_example(nlp, gdoc.text, gold + silver)
        if ex is not None:
            out.append(ex)
    return out


def scierc_examples(nlp: Language, docs, rules=None) -> list[Example]:
    rules = rules or _rules_nlp()
    out = []
    gold_docs = list(docs)
    for gdoc, rdoc in zip(gold_docs, rules.pipe((d.text for d in gold_docs), batch_size=32)):
        spans = gdoc.char_spans()
        gold = [(s, e, t) for s, e, t in spans if t in ("Method", "Task", "Metric")]
        rule_ds = {(s, e) for s, e, t in _rule_spans(rdoc) if t == "Dataset"}
        missing = []
        for s, e, t in spans:
            if t != "Material":
                continue
            if (s, e) in rule_ds:
                gold.append((s, e, "Dataset"))
            else:
                missing.append((s, e))
        ex = make_example(nlp, gdoc.text, gold, missing)
        if ex is not None:
            out.append(ex)
    return out


def silver_texts(limit: int | None = None) -> list[str]:
    from kg.sources import read_records

    texts = []
    for rec in read_records(SEEDS_DIR, on_error=lambda err: None):
        text = " ".join(p for p in (rec.title, rec.abstract) if p)
        if text.strip():
            texts.append(text)
    return texts[:limit] if limit else texts


def silver_examples(nlp: Language, texts: Sequence[str], rules=None) -> list[Example]:
    rules = rules or _rules_nlp()
    out = []
    for text, rdoc in zip(texts, rules.pipe(texts, batch_size=64)):
        ents = _rule_spans(rdoc)
        if ents:
            ex = make_example(nlp, text, ents, default="missing")
            if ex is not None:
                out.append(ex)
    return out


def dev_sets() -> list[tuple[str, list]]:
    """(corpus, GoldDocs) used for model selection: SciERC dev, SciER dev sentences."""
    from kg.evaluate import read_corpus

    out = []
    for path in (CORPORA_DIR / "scierc" / "dev.json", CORPORA_DIR / "scier" / "dev_sentences.jsonl"):
        if path.exists():
            out.append(read_corpus(path))
    return out


def dev_score(nlp: Language, devs) -> dict[str, float]:
    from kg.evaluate import evaluate_docs

    return {corpus: 100 * evaluate_docs(docs, corpus, nlp)["exact"]["micro"].f1 for corpus, docs in devs}


TAGGER_MODEL = {"@architectures": "spacy.Tagger.v2", "nO": None, "normalize": False, "tok2vec": TOK2VEC}
#: "tagger": one BILUO softmax per token, Viterbi-decoded (``mlkg_biluo_ner_v1``);
#: "parser": spaCy's transition-based ``ner``.
ARCHITECTURES = ("tagger", "parser")


def build_model(seed: int = 0, arch: str = "tagger") -> Language:
    from .ner import biluo_labels

    fix_random_seed(seed)
    nlp = blank_nlp()
    if arch == "parser":
        ner = nlp.add_pipe("ner", config={"model": NER_MODEL})
        for label in LABELS:
            ner.add_label(label)
        return nlp
    if arch != "tagger":
        raise ValueError(f"unknown NER architecture {arch!r}; expected one of {ARCHITECTURES}")
    tagger = nlp.add_pipe("mlkg_biluo_ner_v1", config={"model": TAGGER_MODEL})
    for tag in biluo_labels(LABELS):
        tagger.add_label(tag)
    return nlp


def tag_example(ex: Example) -> Example:
    """The same example for the BILUO tagger: the reference's entities as
    per-token tags, its missing tokens as no tag (no loss)."""
    ref = ex.reference
    # ENT_IOB 2 is "outside", 0 "missing" (spaCy's doc_to_biluo_tags cannot tell them apart)
    tags = ["O" if iob == 2 else "" for iob in ref.to_array("ENT_IOB").tolist()]
    for ent in ref.ents:
        if len(ent) == 1:
            tags[ent.start] = f"U-{ent.label_}"
            continue
        tags[ent.start] = f"B-{ent.label_}"
        tags[ent.start + 1 : ent.end - 1] = [f"I-{ent.label_}"] * (len(ent) - 2)
        tags[ent.end - 1] = f"L-{ent.label_}"
    words = [t.text for t in ref]
    spaces = [bool(t.whitespace_) for t in ref]
    return Example(ex.predicted, Doc(ref.vocab, words=words, spaces=spaces, tags=tags))


def train(output: Path | str = DEFAULT_OUTPUT, tdmsci_docs=None, epochs: int = 12, seed: int = 0,
          silver_limit: int | None = None, batch_size: int = 32, dropout: float = 0.2,
          log: Callable[[str], None] | None = print, repeat: dict[str, int] | None = None,
          arch: str = "tagger") -> dict:
    """Train and save the model; returns training info (also written to meta)."""
    from kg.evaluate import read_corpus

    log = log or (lambda msg: None)
    t0 = time.time()
    rules = _rules_nlp()
    nlp = build_model(seed, arch)
    if tdmsci_docs is None:
        tdmsci_docs = read_corpus(CORPORA_DIR / "tdmsci" / "train.conll", "tdmsci")[1]
    scierc_docs = read_corpus(CORPORA_DIR / "scierc" / "train.json", "scierc")[1]
    parts = {
        "tdmsci": tdmsci_examples(nlp, tdmsci_docs, rules),
        "scierc": scierc_examples(nlp, scierc_docs, rules),
        "silver": silver_examples(nlp, silver_texts(silver_limit), rules),
    }
    repeat = {**{k: 1 for k in parts}, **(repeat or {})}
    if arch == "tagger":
        parts = {name: [tag_example(ex) for ex in part] for name, part in parts.items()}
    examples = [ex for name, part in parts.items() for _ in range(repeat[name]) for ex in part]
    log("examples: " + ", ".join(f"{k} {len(v)}" for k, v in parts.items()))
    devs = dev_sets()
    # Parameter averaging (Polyak & Juditsky 1992): dev scores of the averaged
    # weights move much less from epoch to epoch, so epoch selection is less
    # of a lottery; the saved model is the averaged one.
    from thinc.api import Adam

    optimizer = nlp.initialize(lambda: examples, sgd=Adam(0.001, L2=0.01, grad_clip=1.0, use_averages=True))
    rng = random.Random(seed)
    best, best_bytes, history = -1.0, None, []
    for epoch in range(epochs):
        order = list(examples)
        rng.shuffle(order)
        losses: dict = {}
        for batch in minibatch(order, size=batch_size):
            nlp.update(batch, drop=dropout, sgd=optimizer, losses=losses)
        with nlp.use_params(optimizer.averages):
            scores = dev_score(nlp, devs) if devs else {}
            mean = sum(scores.values()) / len(scores) if scores else float(epoch)
            if mean > best:
                best, best_bytes = mean, nlp.to_bytes()
        loss = sum(float(v) for v in losses.values())
        history.append({"epoch": epoch + 1, "loss": round(loss, 1), **{k: round(float(v), 2) for k, v in scores.items()}})
        log(f"epoch {epoch + 1}: loss {loss:.1f} dev " + " ".join(f"{k} {v:.1f}" for k, v in scores.items()) + f" ({time.time() - t0:.0f}s)")
    nlp.from_bytes(best_bytes)
    info = {
        "seed": seed, "arch": arch, "epochs": epochs, "batch_size": batch_size, "dropout": dropout,
        "examples": {k: len(v) for k, v in parts.items()}, "repeat": repeat, "history": history,
        "best_epoch": max(history, key=lambda h: sum(v for k, v in h.items() if k in ("scierc", "scier")))["epoch"],
        "train_seconds": round(time.time() - t0, 1),
    }
    nlp.meta["name"] = "mlkg_ner"
    nlp.meta["version"] = "2.1.0"
    nlp.meta["description"] = "Method/Task/Dataset/Metric NER for ML abstracts (see MODEL_CARD.md)"
    nlp.meta["license"] = "Apache-2.0 (TDMSci) + SciERC (research use) + own silver data"
    nlp.meta["training"] = info
    output = Path(output)
    card = output / "MODEL_CARD.md"
    card_text = card.read_text() if card.exists() else None
    nlp.to_disk(output)
    if card_text is not None:
        card.write_text(card_text)
    log(f"saved to {output} (best epoch {info['best_epoch']}, {info['train_seconds']}s)")
    return info


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m extractors.train_ner", description=__doc__.split("\n")[0])
    ap.add_argument("--output", default=str(DEFAULT_OUTPUT))
    ap.add_argument("--epochs", type=int, default=12)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--silver-limit", type=int, default=None)
    ap.add_argument("--arch", choices=ARCHITECTURES, default="tagger")
    args = ap.parse_args(argv)
    info = train(args.output, epochs=args.epochs, seed=args.seed, silver_limit=args.silver_limit, arch=args.arch)
    json.dump(info, sys.stdout, indent=1)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
