"""Task phrases that real abstracts almost never write without one word
before them: a span that leaves that word out is cut from a longer name.

The taggers often stop one word short of a task's name at the front,
"a modifier cut off": "Structure Parsing" of "Discourse Representation
Structure Parsing", "secondary structure prediction" of "protein secondary
structure prediction", "point detection" of "interest point detection"
(tests/data/audit, judged fragments). Whether the shorter phrase is a name
of its own is a fact about the language, not about one abstract: where the
120,000 abstracts in ../shared/corpora/abstracts write "secondary structure
prediction" they write "protein" before it, so the phrase alone names
nothing authors use. This is the nestedness half of termhood (Frantzi,
Ananiadou & Mima 2000, C-value: a candidate that occurs only inside one
longer candidate is no term), read with the longer phrase's first word.

``python -m ontology.cut_prefixes ../shared/corpora/abstracts`` counts, per
lower-cased phrase of 2-4 words ending in a task noun
(:data:`extractors.names.TASK_HEADS`), the abstracts that write it (inside a
clause, no punctuation inside) and the content words before it there. A
longer phrase written in at least two abstracts ("interest point detection", "change
point detection") makes the shorter one a part of it there; the rest
(after a function word, at a clause's start, or after a word that makes no
recurring phrase: "either stairway detection") is the phrase standing alone.
Phrases written in at least :data:`MIN_WRITTEN` abstracts that stand alone
in at most :data:`MAX_ALONE` of them go to ``ontology/gazetteer/cut_prefixes.tsv.gz``:
counts only, no text.

Counted on real abstracts (standard tier, before/after; kg/extract.py drops
such a span only where the evidence is the weakest, a task noun after words,
and where a content word stands before it at every mention): on
``draw_sample(3000, 12121212)`` 1 node dropped, right ("point detection" of
"Interest point detection"); on 5,802 more (``draw_sample(6000, 34343434)``
less those) 9, 8 right ("comment detection" and "Comment Classification" of
toxic ones, "token detection" of "replaced token detection", "offensive
content identification", "bridging anaphora recognition", "marginal
likelihood estimation", "loop closure detection", "Real World
Classification"), 1 wrong ("Keyphrases Generation" of "Absent Keyphrases
Generation": keyphrase generation is a task of its own). Counting abstracts,
not times, keeps one paper's repeated phrase from speaking for the corpus
("tasks including counterargument generation", 3 times in one abstract).
Audit A-J: "Representation Structure Parsing" of part J's "Universal
Discourse Representation Structure Parsing" gone, no right node lost.
"""
from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path

from . import GAZETTEER_DIR

PATH = GAZETTEER_DIR / "cut_prefixes.tsv.gz"
#: A phrase must be written in this many abstracts for its company to say anything.
MIN_WRITTEN = 3
#: ... and stand alone in at most this share of them.
MAX_ALONE = 0.2
MAX_WORDS = 4
#: A clause of words: the text between punctuation marks.
_CLAUSE = re.compile(r"[^.,;:!?()\[\]{}\"\u201c\u201d\n]+")
_WORD = re.compile(r"[a-z0-9][a-z0-9'\u2019-]*")
#: Words that open a list or an example, not a longer name ("tasks including counterargument generation").
LIST_WORDS = frozenset("including include includes especially particularly namely notably specifically".split())


def _words(text: str) -> list[list[str]]:
    return [_WORD.findall(c) for c in _CLAUSE.findall(text.casefold())]


def count(corpus_dir: Path) -> tuple[Counter, dict[str, Counter], int]:
    """(abstracts writing it, abstracts per word before it) per phrase ending in a task noun; abstracts read."""
    from extractors.name_bounds import NOT_NAME_WORDS
    from extractors.names import TASK_HEADS

    from .phrase_evidence import abstracts

    written: Counter = Counter()
    before: dict[str, Counter] = defaultdict(Counter)
    n = 0
    for text in abstracts(corpus_dir):
        n += 1
        seen: set[str] = set()
        pairs: set[tuple[str, str]] = set()
        for words in _words(text):
            for i, w in enumerate(words):
                if w not in TASK_HEADS:
                    continue
                for k in range(2, MAX_WORDS + 1):
                    if i - k + 1 < 0:
                        break
                    phrase = " ".join(words[i - k + 1:i + 1])
                    seen.add(phrase)
                    prev = words[i - k] if i - k >= 0 else ""
                    if prev and prev not in NOT_NAME_WORDS and prev not in LIST_WORDS:
                        pairs.add((phrase, prev))
        written.update(seen)  # abstracts, not times: one paper repeating its own phrase is one voice
        for phrase, prev in pairs:
            before[phrase][prev] += 1
    return written, before, n


def write(written: Counter, before: dict[str, Counter], n: int, path: Path = PATH) -> int:
    from extractors.name_bounds import NOT_NAME_WORDS

    from .phrase_evidence import write_rows

    rows = []
    for phrase, c in before.items():
        if written[phrase] < MIN_WRITTEN or any(w in NOT_NAME_WORDS for w in phrase.split()):
            continue
        inside = sum(k for k in c.values() if k >= 2)
        if written[phrase] - inside <= MAX_ALONE * written[phrase]:
            word, k = c.most_common(1)[0]
            rows.append((phrase, written[phrase], word, k))
    return write_rows(path, f"Task phrases of 2-{MAX_WORDS} words written in at least {MIN_WRITTEN} of {n} abstracts of"
                      " ../shared/corpora/abstracts (conference_papers, acl_anthology) written inside a longer phrase, standing"
                      f" at most {MAX_ALONE:.0%} of them alone (ontology/cut_prefixes.py). Counts only.",
                      ("phrase", "abstracts", "prefix", "prefixed"), sorted(rows))


@lru_cache(maxsize=1)
def _table() -> dict[str, tuple[int, str, int]]:
    from .phrase_evidence import read_rows

    return {r["phrase"]: (int(r["abstracts"]), r["prefix"], int(r["prefixed"])) for r in read_rows(PATH)}


def _key(phrase: str) -> str:
    return " ".join(_WORD.findall(phrase.casefold()))


def never_alone(phrase: str) -> bool:
    """Whether real abstracts write ``phrase`` (a task phrase of 2-4 words)
    almost only as the last words of longer phrases."""
    return _key(phrase) in _table()


if __name__ == "__main__":
    rows = write(*count(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/corpora/abstracts")))
    print(f"{rows} phrases -> {PATH}")
