"""How often a proposal pair's long form recurs in the 120k real abstracts.

Evidence for issue 26 (PROPOSES precision of extractors/proposal_pairs.py):
a name a paper coins is rare in the corpus, an existing kind it builds one
instance of ("a mathematical programming (MP) framework", "a wide-coverage
context-free grammar (CFG)") recurs in many other abstracts. This runs
``kg extract`` on draw_sample(n, seed) with :func:`extractors.proposal_pairs.paired_spans`
wrapped, keeps the pairs that add a proposal (no other proposal span overlaps
them, as in extractors/names.py), and prints per pair: the number of the 120k
abstracts that define the same short form with the same long form, and the
number that contain the long form at all.

Measured (standard tier, extractors 0.6.50): seeds 26120738 + 26120739
(3,000 each) and a fresh 26121100 (3,000), 94 added firings, all read.
Long form in >= 10 of the 120k abstracts: 11 firings (SCM 55, MLLMs 46,
CFG 123, MP 19, HMI 57, MDP 750, RRTs 85, SCF 21, PMI 39, LP 313, FA 79),
all 11 existing kinds the paper uses (none a coined name). The largest count
of a right firing is 4 ("recurrent generative model"); below 10 the wrong
ones remain (MTBF 3, DDNs 5, TFC 2, IBA 2, SUSM 5): a threshold of 10 drops
11 wrong and no right firing.

    python bench/pair_recurrence.py 3000 26121100
"""
from __future__ import annotations

import json
import re
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "bench")]

from same_output import corpus_rows, draw_sample  # noqa: E402

from extractors import proposal_pairs  # noqa: E402


def firings(records: list[dict], tier: str = "standard") -> list[tuple[str, str, str]]:
    """(long, short, context) of the pairs that add a proposal on ``records``."""
    found, orig = [], proposal_pairs.paired_spans

    def wrapped(toks, sent_end, cue, window, abbrs, curated, guess_type):
        out = orig(toks, sent_end, cue, window, abbrs, curated, guess_type)
        proposed = sys._getframe(1).f_locals.get("proposed", {})  # names.py's dict before this sentence's pairs
        for bounds, a in out:
            start = toks.chars(*bounds)[0]
            if not any(x < a.short_end and start < y for x, y in proposed):
                found.append((a.long, a.short, toks.text[max(0, cue[0] - 40) : a.short_end + 30]))
        return out

    proposal_pairs.paired_spans = wrapped
    try:
        from kg.cli import main
        with tempfile.TemporaryDirectory() as tmp:
            inp = Path(tmp) / "in.jsonl"
            inp.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
            argv, sys.argv = sys.argv, ["kg", "extract", str(inp), "--model", tier, "-o", str(Path(tmp) / "out.jsonl"), "-q"]
            try:
                main()
            except SystemExit:
                pass
            finally:
                sys.argv = argv
    finally:
        proposal_pairs.paired_spans = orig
    return found


def corpus_texts() -> list[str]:
    return [(r.get("title") or "") + "  " + r["abstract"] for r in corpus_rows()]


def recurrence(long: str, short: str, texts: list[str]) -> tuple[int, int]:
    """(abstracts defining ``short`` as ``long``, abstracts containing ``long``)."""
    words = re.split(r"[\s\-]+", long.strip("\"“”'").lower())
    body = r"[\s\-]+".join(map(re.escape, words))
    pair = re.compile(body + r"s?\W{0,3}\(\s*" + re.escape(short) + r"\b", re.I)
    bare = re.compile(r"\b" + body, re.I)
    return (sum(1 for t in texts if short in t and pair.search(t)),
            sum(1 for t in texts if words[-1] in t.lower() and bare.search(t)))


if __name__ == "__main__":
    n, seed = int(sys.argv[1]), int(sys.argv[2])
    fired = firings(draw_sample(n, seed))
    texts = corpus_texts()
    for long, short, ctx in fired:
        defined, anywhere = recurrence(long, short, texts)
        print(f"{defined}\t{anywhere}\t{long}\t{short}\t{' '.join(ctx.split())}")
