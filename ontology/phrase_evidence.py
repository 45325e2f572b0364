"""Corpus evidence that a phrase names something: built once, shipped small.

A generic description ("lightweight modules", "real-world tasks") recurs in
abstracts as often as a term does, so frequency alone does not tell them
apart. What does is whether authors *treat the phrase as a name*: they give
it an abbreviation ("graph neural networks (GNNs)", Schwartz & Hearst 2003)
or write it in Title Case in running text ("Knowledge Distillation"). This is
the termhood idea of Frantzi, Ananiadou & Mima (2000, C-value) with the
name signals of Nadeau & Sekine (2007) in place of nestedness.

``python -m ontology.phrase_evidence ../shared/corpora/abstracts`` counts, over
every abstract there (120,000: conference papers and the ACL Anthology), per
lower-cased phrase of 1-6 words: the abstracts defining it as an
abbreviation's long form and the abstracts writing it in Title Case after
the first word of a sentence. Phrases with at least 2 such abstracts are
written to ``ontology/gazetteer/phrase_evidence.tsv.gz``: counts only,
no text of the abstracts. :func:`evidence` reads it.
"""
from __future__ import annotations

import csv
import gzip
import io
import json
import re
import sys
from collections import Counter
from functools import lru_cache
from pathlib import Path

from . import GAZETTEER_DIR

PATH = GAZETTEER_DIR / "phrase_evidence.tsv.gz"
MIN_DOCS = 2
_FILES = (("conference_papers.jsonl.gz", "abstract"), ("acl_anthology.jsonl.gz", "abstract"))
#: Title Case runs of 2-6 words (hyphenated parts allowed), small function words inside.
_TITLE_RUN = re.compile(
    r"(?<=[a-z,;:] )((?:[A-Z][a-z]+(?:-[A-Za-z][a-z]+)*)(?:\s(?:of|for|and|with|in|on|to|the|a)?\s?"
    r"[A-Z][a-z]+(?:-[A-Za-z][a-z]+)*){1,5})")


@lru_cache(maxsize=65536)
def phrase_key(text: str) -> str:
    """Lower-case, hyphens as spaces, single spaces, a plural "s" off the last word.
    Cached: the extractors key every chosen mention's words, about 22 per
    abstract, most of them seen before (issue 25's speed)."""
    words = re.sub(r"[-\s]+", " ", text.casefold()).strip().split(" ")
    if words and len(words[-1]) > 3 and words[-1].endswith("s") and not words[-1].endswith(("ss", "us", "is")):
        words[-1] = words[-1][:-1]
    return " ".join(words)


def _parts(run: str) -> set[str]:
    """A Title Case run and, when it has "and", each side ("Knowledge
    Distillation and Graph Neural Networks"; "Localization and Mapping" stays too)."""
    parts = {run}
    if " and " in run:
        parts.update(p for p in run.split(" and ") if " " in p or len(p) > 3)
    return parts


def count(corpus_dir: Path) -> tuple[Counter, Counter, int]:
    """(abbreviation-defined docs, Title-Case docs, abstracts read) per phrase key."""
    from extractors.abbreviations import find_abbreviations
    from extractors.normalize import normalize

    defined: Counter = Counter()
    titled: Counter = Counter()
    n = 0
    for text in abstracts(corpus_dir):
        n += 1
        text, _ = normalize(text)
        keys = {phrase_key(a.long) for a in find_abbreviations(text) if 1 <= len(a.long.split()) <= 6}
        defined.update(keys)
        titled.update({phrase_key(part) for m in _TITLE_RUN.finditer(text) for part in _parts(m.group(1))})
    return defined, titled, n


def abstracts(corpus_dir: Path):
    """Every abstract's text in ``corpus_dir`` (both files; unreadable lines skipped)."""
    for fname, field in _FILES:
        with gzip.open(corpus_dir / fname, "rt", encoding="utf-8") as fh:
            for line in fh:
                try:
                    text = json.loads(line).get(field) or ""
                except json.JSONDecodeError:
                    continue
                if text:
                    yield text


def write_rows(path: Path, comment: str, header: tuple[str, ...], rows) -> int:
    """Write a gzipped tab-separated table (``# comment``, the ``header``
    line, one line per row of values); the number of rows."""
    buf = io.StringIO()
    buf.write(f"# {comment}\n")
    buf.write("\t".join(header) + "\n")
    n = 0
    for row in rows:
        buf.write("\t".join(map(str, row)) + "\n")
        n += 1
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write(buf.getvalue())
    return n


def read_rows(path: Path) -> list[dict[str, str]]:
    """The rows of a table :func:`write_rows` wrote, as dicts by header
    (empty if the file is missing)."""
    if not path.exists():
        return []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return list(csv.DictReader((ln for ln in fh if not ln.startswith("#")), delimiter="\t"))


def write_counts(path: Path, comment: str, columns: tuple[str, str], first: Counter, second: Counter,
                 keys: list[str]) -> int:
    """Write a gzipped table of two counts per phrase key (``# comment``, a
    header ``phrase`` + ``columns``, one row per key); the number of rows."""
    return write_rows(path, comment, ("phrase", *columns), ((k, first[k], second[k]) for k in keys))


def read_counts(path: Path, columns: tuple[str, str]) -> dict[str, tuple[int, int]]:
    """The table :func:`write_counts` wrote (empty if the file is missing)."""
    a, b = columns
    return {r["phrase"]: (int(r[a]), int(r[b])) for r in read_rows(path)}


_COLUMNS = ("defined", "titled")


def write(defined: Counter, titled: Counter, n: int, path: Path = PATH) -> int:
    rows = sorted(k for k in defined.keys() | titled.keys() if defined[k] + titled[k] >= MIN_DOCS)
    return write_counts(path, f"Phrase evidence counted over {n} abstracts of ../shared/corpora/abstracts (conference_papers,"
                        " acl_anthology) by ontology/phrase_evidence.py: per lower-cased phrase, the abstracts defining it"
                        " as an abbreviation's long form and those writing it in Title Case. Counts only.",
                        _COLUMNS, defined, titled, rows)


@lru_cache(maxsize=1)
def _table() -> dict[str, tuple[int, int]]:
    return read_counts(PATH, _COLUMNS)


def evidence(phrase: str) -> tuple[int, int]:
    """(abstracts defining it as an abbreviation, abstracts writing it in Title Case)."""
    return _table().get(phrase_key(phrase), (0, 0))


if __name__ == "__main__":
    corpus = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/corpora/abstracts")
    d, t, total = count(corpus)
    print(f"{write(d, t, total)} phrases from {total} abstracts -> {PATH}")
