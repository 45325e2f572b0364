"""Counts for issue 28's wrong abbreviation pairs: how often the Schwartz &
Hearst (2003) letter match takes a short-form letter from inside a word of the
long form, and what a word-start-first alignment would pair instead.

    python bench/abbrev_word_starts.py [--limit N] [--out pairs.tsv]

Prints the counts and writes every pair whose long form the two alignments
differ on (old <TAB> new <TAB> short <TAB> context) for reading."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from same_output import corpus_rows  # noqa: E402

from extractors import abbreviations as ab

def texts(limit: int | None):
    for n, r in enumerate(corpus_rows(("conference_papers.jsonl.gz", "acl_anthology.jsonl.gz")), 1):
        yield (r.get("title") or "") + "\n\n" + r["abstract"]
        if limit and n >= limit:
            return


def inside_letters(a: ab.Abbreviation, text: str) -> int:
    """Capitals (and digits) of the short form that no letter match can put on a word start of its
    long form (0: every one can; lowercase letters of "TrAct" are not counted)."""
    cand = text[a.long_start : a.long_end].lower()
    counted = [(c.lower(), c.isupper() or c.isdigit()) for c in a.short if c.isalnum()]
    starts = [p == 0 or not cand[p - 1].isalnum() for p in range(len(cand))]
    c, cap = counted[-1]
    best = [int(cap and starts[p]) if cand[p] == c else None for p in range(len(cand))]
    for c, cap in reversed(counted[:-1]):
        nxt, tail = [None] * len(cand), None
        for p in range(len(cand) - 1, -1, -1):
            if tail is not None and cand[p] == c:
                nxt[p] = tail + int(cap and starts[p])
            if best[p] is not None and (tail is None or best[p] > tail):
                tail = best[p]
        best = nxt
    scores = [x for x in best if x is not None]
    return sum(cap for _, cap in counted) - max(scores) if scores else 0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int)
    ap.add_argument("--out", default="abbrev_changed_pairs.tsv", help="where the changed pairs go (TSV)")
    args = ap.parse_args()
    new_fn = ab.word_start_long_form
    old_fn = ab.best_long_form
    n_docs = n_pairs = n_inside = 0
    changed = []
    for text in texts(args.limit):
        n_docs += 1
        ab.word_start_long_form = old_fn
        old = ab.find_abbreviations(text)
        n_pairs += len(old)
        for a in old:
            k = inside_letters(a, text) if a.long_start < a.short_start else 0
            n_inside += k > 0
        ab.word_start_long_form = new_fn
        new = ab.find_abbreviations(text)
        ab.word_start_long_form = old_fn
        ko = {(a.short, a.short_start): a for a in old}
        kn = {(a.short, a.short_start): a for a in new}
        for k in ko.keys() | kn.keys():
            o, w = ko.get(k), kn.get(k)
            if (o and o.long) != (w and w.long):
                s = (o or w).short_start
                changed.append(((o.long if o else "-"), (w.long if w else "-"), k[0], text[max(0, s - 140) : s + 20].replace("\n", " ").replace("\t", " ")))
    print(f"docs {n_docs} pairs {n_pairs} long-form-first pairs with a capital or digit that no match puts on a word start {n_inside}; changed by word_start_long_form: {len(changed)}")
    with open(args.out, "w") as f:
        for row in changed:
            f.write("\t".join(row) + "\n")


if __name__ == "__main__":
    main()
