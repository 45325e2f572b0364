"""Corpus evidence for the type of an acronym the abstract does not define.

The tagger types a bare acronym ("IR", "MNMT", "TLS") by its shape and its
neighbours, and a bare acronym looks like a model's name, so it reads most of
them as a Method. Where the abstract defines it, its long form types it
(:func:`extractors.names.abbreviation_type`); where it does not ("the
conventional MNMT", "QA, IR, MT"), the 120,000 real abstracts do: they define
it, and the long forms they give say what it names ("information retrieval"
79 of 132 times, "multilingual neural machine translation" or "multimodal
neural machine translation" 22 of 28). This is the corpus-level counterpart
of Schwartz & Hearst (2003), the one-sense-per-discourse idea (Gale et al.
1992) carried to the literature: an acronym's most common expansion is its
sense when the paper gives none.

``python -m ontology.acronym_evidence ../shared/corpora/abstracts`` finds the
definitions (:func:`extractors.abbreviations.find_abbreviations`) in every
abstract there, types each long form (usage in the corpus,
:func:`ontology.usage_evidence.usage_type`, else its head word,
:func:`extractors.names.guess_type`) and writes, per acronym defined in at
least :data:`MIN_WRITTEN` abstracts, the abstracts defining it and those
whose long form is a Task to ``ontology/gazetteer/acronym_evidence.tsv.gz``:
counts only, no text of the abstracts. :func:`acronym_task` reads it.
"""
from __future__ import annotations

import re
import sys
from collections import Counter
from functools import lru_cache
from pathlib import Path

from . import GAZETTEER_DIR
from .phrase_evidence import abstracts, read_counts, write_counts

PATH = GAZETTEER_DIR / "acronym_evidence.tsv.gz"
_COLUMNS = ("defined", "task")
#: Acronyms written to the table: defined in at least this many abstracts.
MIN_WRITTEN = 3
#: An acronym names a task when at least MIN_DEFINED abstracts define it and
#: at least TASK_SHARE of the definitions are tasks (see :func:`acronym_task`
#: for the counts that chose them).
MIN_DEFINED = 5
TASK_SHARE = 0.6
#: An acronym: capitals and digits, hyphens inside, a plural "s" ("IR", "G2P", "C-MNMT", "LLMs").
ACRONYM = re.compile(r"^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*s?$")


def _long_is_task(long_form: str) -> bool:
    from extractors.names import guess_type
    from ontology import EntityType
    from .usage_evidence import usage_type

    typed = usage_type(long_form)
    if typed is not None:
        return typed == "Task"
    return guess_type(long_form) is EntityType.TASK


def count(texts) -> tuple[Counter, Counter]:
    """(abstracts defining each acronym, abstracts defining it with a task's long form)."""
    from extractors.abbreviations import find_abbreviations

    defined: Counter = Counter()
    task: Counter = Counter()
    for text in texts:
        seen: dict[str, bool] = {}
        for a in find_abbreviations(text):
            if ACRONYM.match(a.short) and len(a.short) >= 2:
                seen[a.short] = seen.get(a.short, False) or _long_is_task(a.long)
        for short, is_task in seen.items():
            defined[short] += 1
            task[short] += is_task
    return defined, task


def build(corpus_dir: Path, path: Path = PATH) -> int:
    defined, task = count(abstracts(corpus_dir))
    keys = sorted(k for k, n in defined.items() if n >= MIN_WRITTEN)
    return write_counts(path, "acronym_evidence: abstracts of ../shared/corpora/abstracts defining the acronym, "
                        "and those whose long form is a Task (ontology/acronym_evidence.py)", _COLUMNS,
                        defined, task, keys)


@lru_cache(maxsize=1)
def _table() -> dict[str, tuple[int, int]]:
    return read_counts(PATH, _COLUMNS)


def acronym_counts(short: str) -> tuple[int, int]:
    """(abstracts defining ``short``, those whose long form is a Task); (0, 0) if unseen."""
    return _table().get(short, (0, 0))


def acronym_task(short: str) -> bool:
    """Whether the real abstracts define ``short`` mostly as a task's acronym
    ("IR", "MNMT", "QG"): at least MIN_DEFINED definitions, TASK_SHARE of
    them tasks (thresholds set before counting, not tuned).

    Counted (standard tier, extractors/usage_typing.py retyping the tagger's
    Method picks) on draw_sample(3000, 39131339), 4,845 more of
    draw_sample(5000, 39131340) and 300 abstracts that write such an acronym
    bare: 25 nodes retyped Method -> Task (a few went on to Dataset/Metric by
    later rules), all read: 13 right after (QG x3, SLT, TQA, HRI x3, MSA, CALL,
    FL of federated learning, VOS, MRPP), 2 wrong after (LTR of "LQG/LTR
    controller", CDR a regression method), 10 wrong before and after (an
    acronym that names a device or modifies another noun: "RC car" x2, "FL
    statement", MIPS the processor, RFID, an SLT track, NADI the shared
    task). Audit A-J: MNMT (part J) right."""
    n, t = acronym_counts(short)
    return n >= MIN_DEFINED and t >= TASK_SHARE * n


if __name__ == "__main__":
    rows = build(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "shared/corpora/abstracts")
    print(f"{rows} acronyms -> {PATH}")
