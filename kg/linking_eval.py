"""Score the linker on a set of name pairs that must or must not merge.

The file is TSV: ``name_a, name_b, 1|0, definitions`` where definitions are
"Long Form (SF)" strings (``|``-separated, each from a different paper)
registered before resolving. Used by the tests and by ``bench/linking.py``.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from extractors.abbreviations import find_abbreviations

from .linking import Linker


@dataclass(slots=True)
class PairScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def read_pairs(path: Path) -> list[tuple[str, str, bool, list[str]]]:
    rows = []
    with path.open(encoding="utf-8") as fh:
        for row in csv.reader((ln for ln in fh if ln.strip() and not ln.startswith("#")), delimiter="\t"):
            defs = row[3].split("|") if len(row) > 3 and row[3] else []
            rows.append((row[0], row[1], row[2].strip() == "1", defs))
    return rows


def linked(a: str, b: str, definitions: list[str], linker: Linker | None = None) -> bool:
    """Do ``a`` and ``b`` resolve to one entity after the definitions are seen?"""
    linker = linker or Linker()
    local: dict[str, str] = {}
    for text in definitions:
        pairs = [(abbr.long, abbr.short) for abbr in find_abbreviations(text)]
        for long_form, short in pairs:
            linker.register_abbreviation(long_form, short)
        if len(definitions) == 1:
            local = linker.define_locally(pairs, (a, b))
    return linker.resolve(a, local_ids=local) == linker.resolve(b, local_ids=local)


def score_pairs(pairs: list[tuple[str, str, bool, list[str]]]) -> tuple[PairScore, list[tuple]]:
    """Pairwise precision/recall of merging, and the wrong pairs."""
    score, wrong = PairScore(), []
    base = Linker()
    for a, b, should, defs in pairs:
        linker = Linker(base.entries) if defs else base
        got = linked(a, b, defs, linker)
        if got and should:
            score.tp += 1
        elif got:
            score.fp += 1
            wrong.append((a, b, should))
        elif should:
            score.fn += 1
            wrong.append((a, b, should))
        else:
            score.tn += 1
    return score, wrong
