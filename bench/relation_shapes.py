"""How gold entity-to-entity relations are written between their two mentions.

    python bench/relation_shapes.py [--top 40] [--audit] [FILE]

Reads SciERC train (default ``../shared/corpora/scierc/train.json``) with its
gold mentions (Method, Task, Material -> Dataset, Metric; SciERC's relations
mapped to ours as :mod:`kg.evaluate_relations` does) and, for every gold pair
whose two ends are of those types, the "shape" between the mentions: the
lower-cased words between them (inner mentions as ``§``, digits as ``0``;
more than six words bucketed by length), their order against the relation's
direction, and whether a clause break (``;``, "while", "whereas", "but",
"which") lies between. The entity rules of one sentence
(:func:`extractors.relations.sentence_relations`: cue patterns, list spread,
verb objects) run on the same gold mentions, so the table says which shapes
the pipeline already reads. Per shape it prints the gold pairs of a type, the
candidate pairs with the same classes and shape (gold or not) and their
ratio: the precision a rule reading exactly that shape would have had on
SciERC train. ``--audit`` adds the audit's parts A-I (tests/data/audit): how
many entity-level gold relations name both ends in their quote, and the
words between them there. Counting only: nothing is learned or shipped.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extractors.doctext import Ent  # noqa: E402
from extractors.entity_relations import _mid  # noqa: E402
from extractors.relations import sentence_relations  # noqa: E402
from kg.evaluate_relations import scierc_relation  # noqa: E402

TYPES = {"Method": "Method", "Task": "Task", "Material": "Dataset", "Metric": "Metric"}
CLASS = {"Method": "M", "Task": "T", "Dataset": "D", "Metric": "X"}
_BREAK = re.compile(r";|\b(?:while|whereas|but|which)\b")


def scierc_sentences(path: str):
    """(text, {span: Ent}, {(source span, target span): our type}) per sentence
    (tokens joined by spaces; spans are inclusive document token indices)."""
    for line in open(path, encoding="utf-8"):
        rec = json.loads(line)
        off = 0
        for si, toks in enumerate(rec["sentences"]):
            starts, pos = [], 0
            for t in toks:
                starts.append(pos)
                pos += len(t) + 1
            labels = {(a, b): lab for a, b, lab in rec["ner"][si]}
            ents = {(a, b): Ent(a - off, b - off + 1, starts[a - off], starts[b - off] + len(toks[b - off]), TYPES[lab],
                                " ".join(toks[a - off : b - off + 1]))
                    for (a, b), lab in labels.items() if lab in TYPES}
            gold = {}
            for a0, a1, b0, b1, lab in rec["relations"][si]:
                if (a0, a1) in ents and (b0, b1) in ents:
                    mapped = scierc_relation(lab, labels[(a0, a1)], labels[(b0, b1)])
                    if mapped:
                        s, o = ((a0, a1), (b0, b1)) if mapped[1] else ((b0, b1), (a0, a1))
                        gold[(s, o)] = mapped[0]
            yield " ".join(toks), ents, gold
            off += len(toks)


def shape_of(mid: str) -> str:
    mid = re.sub(r"\d+", "0", mid.strip())
    n = len(mid.split())
    return mid if n <= 6 else f"<{n // 5 * 5}+ words>" if n < 30 else "<30+ words>"


def count(path: str) -> dict:
    """Per type the gold pairs, those the rules find, and distance / order /
    clause counts; per (classes, shape) the candidate pairs and gold by type."""
    per_type: dict[str, Counter] = defaultdict(Counter)
    candidates: Counter = Counter()
    gold_by_shape: dict[tuple, Counter] = defaultdict(Counter)
    found_by_shape: Counter = Counter()
    for text, ents, gold in scierc_sentences(path):
        spans = {(e.start_char, e.end_char): k for k, e in ents.items()}
        ordered = sorted(ents.values(), key=lambda e: e.start_char)
        found = set()
        for r in sentence_relations((0, len(text)), text, ordered, set()):
            if isinstance(r.source, tuple) and isinstance(r.target, tuple):
                t = "COMPARE_WITH" if r.type.value == "OUTPERFORMS" else r.type.value
                found.add((spans.get(r.source), t, spans.get(r.target)))
                if t == "COMPARE_WITH":
                    found.add((spans.get(r.target), t, spans.get(r.source)))
        low = text.lower()
        for i, a in enumerate(ordered):
            for j in range(i + 1, len(ordered)):
                b = ordered[j]
                if b.start_char < a.end_char:
                    continue
                mid = _mid(text, low, a, b, ordered[i + 1 : j], 0)
                key = (CLASS[a.label_] + CLASS[b.label_], shape_of(mid))
                candidates[key] += 1
                ka, kb = spans[(a.start_char, a.end_char)], spans[(b.start_char, b.end_char)]
                for (s, o), t in gold.items():
                    if {s, o} != {ka, kb}:
                        continue
                    d = "forward" if s == ka else "backward"
                    words = len(mid.split())
                    c = per_type[t]
                    c["gold"] += 1
                    c[d] += 1
                    c["adjacent" if words == 0 else "1-3 words" if words <= 3 else "4-6 words" if words <= 6
                      else "7-12 words" if words <= 12 else "13+ words"] += 1
                    c["clause break" if _BREAK.search(mid) else "one clause"] += 1
                    hit = (s, t, o) in found
                    c["found"] += hit
                    gold_by_shape[key][(t, d)] += 1
                    found_by_shape[(key, t, d)] += hit
    rows = sorted(((n, key, t, d, candidates[key], found_by_shape[(key, t, d)])
                   for key, g in gold_by_shape.items() for (t, d), n in g.items()), key=lambda r: -r[0])
    return {"per_type": per_type, "shapes": rows}


def audit_shapes(audit_dir: Path, parts: str = "ABCDEFGHI") -> tuple[Counter, Counter]:
    """(type -> how the quote names the ends, shape -> count) for the audit's
    entity-level gold relations of ``parts``."""
    how: Counter = Counter()
    shapes: Counter = Counter()
    for part in parts:
        for line in open(audit_dir / f"gold_{part}.jsonl", encoding="utf-8"):
            for rel in json.loads(line)["relations"]:
                if rel["source"] == "PAPER":
                    continue
                q = rel.get("quote", "").lower()
                s, t = q.find(rel["source"].lower()), q.find(rel["target"].lower())
                if s < 0 or t < 0:
                    how[(rel["type"], "an end not named in the quote")] += 1
                    continue
                a, b = (s, s + len(rel["source"])), (t, t + len(rel["target"]))
                first, second = (a, b) if a[0] <= b[0] else (b, a)
                mid = q[first[1] : second[0]] if second[0] >= first[1] else ""
                how[(rel["type"], "both named, " + ("forward" if a[0] <= b[0] else "backward"))] += 1
                shapes[(rel["type"], shape_of(mid))] += 1
    return how, shapes


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("file", nargs="?", default=str(ROOT.parent / "shared/corpora/scierc/train.json"))
    ap.add_argument("--top", type=int, default=40)
    ap.add_argument("--audit", action="store_true", help="also the audit's parts A-I")
    args = ap.parse_args(argv)
    res = count(args.file)
    print(f"{args.file}: gold pairs with both ends Method/Task/Material/Metric")
    for t, c in sorted(res["per_type"].items(), key=lambda kv: -kv[1]["gold"]):
        rest = ", ".join(f"{k} {v}" for k, v in c.items() if k not in ("gold", "found"))
        print(f"{t:15} gold {c['gold']:4d} found by the rules {c['found']:4d}: {rest}")
    print(f"\n{'gold':>5} {'classes':7} {'shape':42} {'type':15} {'order':8} {'cands':>6} {'P':>5} {'found':>5}")
    for n, (cls, shape), t, d, cands, hit in res["shapes"][: args.top]:
        print(f"{n:5d} {cls:7} {shape[:42]!r:42} {t:15} {d:8} {cands:6d} {n / cands:5.2f} {hit:5d}")
    if args.audit:
        how, shapes = audit_shapes(ROOT / "tests/data/audit")
        print("\naudit A-I entity-level gold: how the quote names the ends")
        for (t, k), n in sorted(how.items()):
            print(f"{t:15} {k:32} {n:4d}")
        print("\naudit A-I: most frequent shapes where both ends are named")
        for (t, shape), n in shapes.most_common(args.top):
            print(f"{n:4d} {t:15} {shape!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
