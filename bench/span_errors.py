"""Remaining entity-span errors on a corpus' training file, by class.

``python bench/span_errors.py run CORPUS OUT.jsonl [--model TIER] [--fold K]``
runs the pipeline on a training file (SciER train in 10-sentence units of
one paper, as ``kg evaluate`` cuts its dev documents; TDMSci train, all of
it or the held-out fold K of ``kg evaluate --folds 5``; SciERC train) and
saves, per unit, the text, the gold spans and our spans (raw, as ``kg
extract`` gives them, and restated by :func:`kg.evaluate.restate`).
``python bench/span_errors.py classes OUT.jsonl [--restated]`` sorts every
error into a class: a gold span our same-type span overlaps but does not
match (too long / too short at the left or right, and the word that
differs), a gold span we typed otherwise (same boundaries), a gold span we
missed, a spurious span (overlapping no gold span of any scored type).
``python bench/span_errors.py diff BEFORE.jsonl AFTER.jsonl`` counts the
gold spans a change fixed and lost and the wrong spans it created and
removed. SciER is GPL-3.0: these are counts on its training file, nothing is
trained on it.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kg.evaluate import SCORED_TYPES, TYPE_MAP, kfold, read_corpus, restate  # noqa: E402
from kg.gold_corpora import GoldDoc, read_scier_sentences  # noqa: E402

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpora"
FILES = {"scier": SHARED / "scier" / "train.jsonl", "tdmsci": SHARED / "tdmsci" / "train.conll",
         "scierc": SHARED / "scierc" / "train.json"}


def scier_units(path: Path, size: int = 10) -> list[GoldDoc]:
    """SciER's train sentences joined into units of ``size`` consecutive
    sentences of one paper."""
    sents = read_scier_sentences(path)
    units: list[GoldDoc] = []
    cur: list[GoldDoc] = []

    def flush() -> None:
        if not cur:
            return
        words, spaces, spans = [], [], []
        for s in cur:
            base = len(words)
            spans += [(a + base, b + base, t) for a, b, t in s.spans]
            words += s.words
            spaces += s.spaces[:-1] + [True]
        spaces[-1] = False
        units.append(GoldDoc(cur[0].doc_id, words, spans, spaces))
        cur.clear()

    for s in sents:
        if cur and (s.doc_id.split(":")[0] != cur[0].doc_id.split(":")[0] or len(cur) == size):
            flush()
        cur.append(s)
    flush()
    return units


def load_docs(corpus: str, fold: int | None) -> list[GoldDoc]:
    if corpus == "scier":
        return scier_units(FILES[corpus])
    _, docs = read_corpus(FILES[corpus], corpus)
    if fold is not None:
        docs = [docs[i] for i in kfold(len(docs), 5, 0)[fold]]
    return docs


def run(corpus: str, out: Path, tier: str, fold: int | None) -> None:
    from extractors.pipeline import make_nlp

    docs = load_docs(corpus, fold)
    nlp = make_nlp(tier)
    with open(out, "w", encoding="utf-8") as fh:
        for gd, doc in zip(docs, nlp.pipe((d.text for d in docs), batch_size=32)):
            ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
            rec = {"id": gd.doc_id, "corpus": corpus, "text": gd.text,
                   "gold": [list(x) for x in gd.char_spans()], "raw": [list(x) for x in ents],
                   "restated": [list(x) for x in restate(corpus, doc, ents)]}
            fh.write(json.dumps(rec) + "\n")


def _spans(rec: dict, key: str, types: set[str], any_type: bool = False) -> set[tuple[int, int, str]]:
    out = set()
    for s, e, t in rec[key]:
        m = TYPE_MAP.get(t, t)
        if m in types or any_type:
            out.add((s, e, m))
    return out


def _word(text: str, a: int, b: int) -> str:
    return text[min(a, b):max(a, b)].strip().lower()


def classify(rec: dict, key: str) -> list[tuple[str, str, tuple]]:
    """(class, detail, span) for each gold span missed and each predicted span wrong."""
    types = set(SCORED_TYPES[rec["corpus"]])
    gold = _spans(rec, "gold", types)
    gold_any = {(s, e) for s, e, _ in _spans(rec, "gold", types, any_type=True)}
    pred = _spans(rec, key, types)
    pred_all = _spans(rec, key, types, any_type=True)
    text = rec["text"]
    out = []
    for g in sorted(gold - pred):
        s, e, t = g
        same = [p for p in pred if p[2] == t and p[0] < e and s < p[1]]
        if same:
            p = max(same, key=lambda p: min(e, p[1]) - max(s, p[0]))
            parts = []
            if p[0] < s:
                parts.append(f"long-left:{_word(text, p[0], s)}")
            elif p[0] > s:
                parts.append(f"short-left:{_word(text, s, p[0])}")
            if p[1] > e:
                parts.append(f"long-right:{_word(text, e, p[1])}")
            elif p[1] < e:
                parts.append(f"short-right:{_word(text, p[1], e)}")
            out.append(("boundary", " ".join(parts), g))
            continue
        other = [p for p in pred_all if p[0] == s and p[1] == e]
        if other:
            out.append(("type", f"{t}->{other[0][2]}", g))
            continue
        over = [p for p in pred_all if p[0] < e and s < p[1]]
        out.append(("missed-overlapped" if over else "missed", t, g))
    for p in sorted(pred - gold):
        s, e, t = p
        if any(g[0] < e and s < g[1] for g in gold) or (s, e) in gold_any:
            continue  # counted with its gold span above (boundary or type)
        out.append(("spurious", t, p))
    return out


def classes(path: Path, key: str, show: int) -> None:
    counts: Counter = Counter()
    details: Counter = Counter()
    examples: dict = {}
    for line in open(path, encoding="utf-8"):
        rec = json.loads(line)
        for cls, detail, span in classify(rec, key):
            counts[cls] += 1
            details[(cls, detail)] += 1
            examples.setdefault((cls, detail), []).append(rec["text"][span[0]:span[1]])
    print(dict(counts.most_common()))
    for (cls, detail), n in details.most_common(show):
        print(f"{n:5d} {cls:18s} {detail:40s} {examples[(cls, detail)][:4]}")


def diff(before: Path, after: Path, key: str, show: int) -> None:
    fixed: Counter = Counter()
    lost: Counter = Counter()
    wrong_new: Counter = Counter()
    wrong_gone: Counter = Counter()
    ex: dict = {}
    for lb, la in zip(open(before, encoding="utf-8"), open(after, encoding="utf-8")):
        rb, ra = json.loads(lb), json.loads(la)
        types = set(SCORED_TYPES[rb["corpus"]])
        gold = _spans(rb, "gold", types)
        pb, pa = _spans(rb, key, types), _spans(ra, key, types)
        text = rb["text"]
        for s in (gold & pa) - pb:
            fixed[s[2]] += 1
            ex.setdefault("fixed", []).append(text[s[0]:s[1]])
        for s in (gold & pb) - pa:
            lost[s[2]] += 1
            ex.setdefault("lost", []).append(text[s[0]:s[1]])
        for s in (pa - gold) - pb:
            wrong_new[s[2]] += 1
            ex.setdefault("wrong_new", []).append(text[s[0]:s[1]] + f"/{s[2]}")
        for s in (pb - gold) - pa:
            wrong_gone[s[2]] += 1
            ex.setdefault("wrong_gone", []).append(text[s[0]:s[1]] + f"/{s[2]}")
    for name, c in (("fixed", fixed), ("lost", lost), ("wrong_new", wrong_new), ("wrong_gone", wrong_gone)):
        print(f"{name}: {sum(c.values())} {dict(c)} {ex.get(name, [])[:show]}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("run")
    r.add_argument("corpus", choices=sorted(FILES))
    r.add_argument("out", type=Path)
    r.add_argument("--model", default="standard")
    r.add_argument("--fold", type=int, default=None)
    c = sub.add_parser("classes")
    c.add_argument("path", type=Path)
    c.add_argument("--restated", action="store_true")
    c.add_argument("--show", type=int, default=40)
    d = sub.add_parser("diff")
    d.add_argument("before", type=Path)
    d.add_argument("after", type=Path)
    d.add_argument("--restated", action="store_true")
    d.add_argument("--show", type=int, default=30)
    a = ap.parse_args()
    key = "restated" if getattr(a, "restated", False) else "raw"
    if a.cmd == "run":
        run(a.corpus, a.out, a.model, a.fold)
    elif a.cmd == "classes":
        classes(a.path, key, a.show)
    else:
        diff(a.before, a.after, key, a.show)


if __name__ == "__main__":
    main()
