"""Whole real abstracts of ../shared/corpora/abstracts by their ids, for tests
that run the pipeline on real text."""
from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "abstracts"
needs_shared = pytest.mark.skipif(not SHARED.exists(), reason="no ../shared abstracts")


def read_abstracts(ids: dict[str, tuple[str, set[str]]]) -> dict[str, dict]:
    """``{file: (id field, ids)}`` -> ``{id: record}``; a cheap substring test
    before each line is parsed."""
    out = {}
    for name, (field, wanted) in ids.items():
        with gzip.open(SHARED / name, "rt", encoding="utf-8") as fh:
            for line in fh:
                if any(i in line for i in wanted):
                    r = json.loads(line)
                    if r.get(field) in wanted:
                        out[r[field]] = r
    return out
