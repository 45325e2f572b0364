"""Where a tier loses gold entity-to-entity relations (Rel+), counted by stage.

    python bench/relations_loss.py [--model TIER] [--json] FILE [FILE ...]

FILE: SciER ``dev.jsonl`` or a SciERC ``*.json`` (DyGIE format), read and
restated exactly as ``kg evaluate --relations`` does
(:mod:`kg.evaluate_relations`). Each gold relation falls in the first stage
that loses it:

* ``end_missing``: an end's exact span is not among our (restated) mentions
  (the tagger's bound);
* ``end_mistyped``: both spans found, an end with another entity type;
* ``other_sentence``: both ends found, in two of our sentences (no
  extractor pairs mentions across sentences);
* ``too_far``: one sentence, more than ``relclf.MAX_GAP`` words apart (the
  classifier's candidate bound);
* ``wrong_type``: the pair is related, with another type or direction;
* ``not_predicted``: a candidate pair nobody relates (the classifier's
  decision, or the patterns' coverage in the rules-only tiers);
* ``found``.

Also counts the wrong predictions (Rel+ false positives) by whether their
pair is related in the gold at all. Plain functions (:func:`loss_table`)
so a test can run them on small inputs.
"""
from __future__ import annotations

import argparse
import json
import sys
from bisect import bisect_right
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.evaluate import restate  # noqa: E402
from kg.evaluate_relations import (ENTITY_TYPES, SYMMETRIC, predicted_relations,  # noqa: E402
                                   read_relation_corpus)

STAGES = ("end_missing", "end_mistyped", "other_sentence", "too_far", "wrong_type", "not_predicted", "found")


def _norm(rel: tuple) -> tuple:
    """(src, type, tgt) with spans+types; symmetric types ordered."""
    _, s0, s1, st, rtype, t0, t1, tt = rel
    a, b = (s0, s1, st), (t0, t1, tt)
    if rtype in SYMMETRIC and b < a:
        a, b = b, a
    return a, rtype, b


def loss_table(gold: list[tuple], pred: list[tuple], mentions: list[tuple[int, int, str]],
               sentences: list[tuple[int, int]], word_starts: list[int], max_gap: int) -> tuple[Counter, Counter]:
    """(stage counts per relation type, false-positive kinds) of one unit.
    ``gold``/``pred``: RelTuples of :mod:`kg.evaluate_relations`;
    ``mentions``: our restated (start, end, corpus type); ``sentences``: our
    sentences' char spans; ``word_starts``: char starts of the words, in order."""
    spans = {(s, e): t for s, e, t in mentions}
    sent_starts = [s for s, _ in sentences]
    pk = {_norm(r) for r in pred}
    pairs = {frozenset((a[:2], b[:2])) for a, _, b in pk}
    stages: Counter = Counter()
    for g in {_norm(r) for r in gold}:
        a, rtype, b = g
        if a[:2] not in spans or b[:2] not in spans:
            stage = "end_missing"
        elif spans[a[:2]] != a[2] or spans[b[:2]] != b[2]:
            stage = "end_mistyped"
        elif bisect_right(sent_starts, a[0]) != bisect_right(sent_starts, b[0]):
            stage = "other_sentence"
        else:
            first, second = sorted((a[:2], b[:2]))
            gap = bisect_right(word_starts, second[0] - 1) - bisect_right(word_starts, first[1] - 1)
            if g in pk:
                stage = "found"
            elif frozenset((a[:2], b[:2])) in pairs:
                stage = "wrong_type"
            elif gap > max_gap:
                stage = "too_far"
            else:
                stage = "not_predicted"
        stages[(rtype, stage)] += 1
    gk = {_norm(r) for r in gold}
    gpairs = {frozenset((a[:2], b[:2])) for a, _, b in gk}
    fps: Counter = Counter()
    for p in pk - gk:
        a, rtype, b = p
        fps[(rtype, "pair related in gold" if frozenset((a[:2], b[:2])) in gpairs else "pair unrelated in gold")] += 1
    return stages, fps


def run(path: str, tier: str) -> dict:
    from extractors.pipeline import get_nlp
    from extractors.relclf import MAX_GAP
    from extractors.sentences import sentence_bounds

    corpus, docs = read_relation_corpus(path)
    nlp = get_nlp(tier)
    stages: Counter = Counter()
    fps: Counter = Counter()
    for i, (rd, doc) in enumerate(zip(docs, nlp.pipe((d.doc.text for d in docs), batch_size=16))):
        types = ENTITY_TYPES[corpus]
        ments = [(s, e, types.get(t, t)) for s, e, t in
                 restate(corpus, doc, [(e.start_char, e.end_char, e.label_) for e in doc.ents])]
        sents = [(sc, ec) for _, _, sc, ec in sentence_bounds(doc)]
        words = [t.idx for t in doc if t.text.strip()]
        s, f = loss_table([(i, *r[1:]) for r in rd.relations], predicted_relations(doc, corpus, i), ments, sents,
                          words, MAX_GAP)
        stages += s
        fps += f
    types = sorted({t for t, _ in stages} | {t for t, _ in fps})
    return {"corpus": corpus, "file": path, "tier": tier,
            "stages": {t: {st: stages[(t, st)] for st in STAGES} for t in types},
            "total": {st: sum(stages[(t, st)] for t in types) for st in STAGES},
            "false_positives": {t: {k: v for (tt, k), v in fps.items() if tt == t} for t in types}}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("files", nargs="+")
    ap.add_argument("--model", default="accurate", help="pipeline tier (accurate, standard, fast)")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args(argv)
    for path in a.files:
        res = run(path, a.model)
        if a.json:
            print(json.dumps(res))
            continue
        print(f"{res['corpus']} {path}, tier {a.model}: gold relations lost by stage (Rel+)")
        print(f"{'type':15} " + " ".join(f"{s:>14}" for s in STAGES))
        for t, row in list(res["stages"].items()) + [("total", res["total"])]:
            print(f"{t:15} " + " ".join(f"{row[s]:14d}" for s in STAGES))
        print("false positives: " + "; ".join(f"{t} {d}" for t, d in res["false_positives"].items() if d))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
