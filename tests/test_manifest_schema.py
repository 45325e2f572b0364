"""An incremental build extracts only new or changed papers, and reads old manifests."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from test_build_scale import _quads

OLD = {"id": "old", "title": "Routing for tiny transformers",
       "abstract": "We compare SMRNet with dense baselines on CIFAR-10 and report 91.2% accuracy."}
NEW = {"id": "new", "title": "Sparse Mixture Routing",
       "abstract": "We propose Sparse Mixture Routing Networks (SMRNet), a routing scheme. SMRNet improves accuracy on "
                   "ImageNet by 2.1%."}


def _build(store_path: Path, *files: Path):
    from kg.build import build
    from kg.stores import open_store

    store = open_store(str(store_path))
    try:
        return build([str(f) for f in files], store)
    finally:
        store.close()


def _jsonl(path: Path, *records: dict) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_a_new_paper_defining_an_acronym_re_extracts_no_old_one(tmp_path):
    """The old paper writes "SMRNet" bare; the new one defines it. A bare acronym
    is never expanded with another paper's definition, so the old paper's graph
    cannot change and is not extracted again (it was, while the manifest kept
    the keys each paper resolved through the corpus acronym table)."""
    a = _jsonl(tmp_path / "a.jsonl", OLD)
    b = _jsonl(tmp_path / "b.jsonl", NEW)
    inc = tmp_path / "inc"
    assert _build(inc, a).papers == 1
    report = _build(inc, a, b)
    assert (report.papers, report.unchanged) == (1, 1)
    full = tmp_path / "full"
    _build(full, a, b)
    assert _quads(inc) == _quads(full)


def test_a_schema_1_manifest_is_migrated_and_its_papers_stay_unchanged(tmp_path):
    from kg.manifest import SCHEMA_VERSION

    a = _jsonl(tmp_path / "a.jsonl", OLD, NEW)
    store = tmp_path / "store"
    _build(store, a)
    before = _quads(store)
    db = sqlite3.connect(str(store / "manifest.sqlite"))  # as a schema-1 build left it
    db.execute("ALTER TABLE papers ADD COLUMN acro TEXT")
    db.execute("UPDATE papers SET acro='[\"smrnet\"]'")
    db.execute("UPDATE meta SET v='1' WHERE k='schema'")
    db.commit()
    db.close()
    report = _build(store, a)
    assert (report.papers, report.unchanged) == (0, 2)
    assert _quads(store) == before
    db = sqlite3.connect(str(store / "manifest.sqlite"))
    try:
        assert db.execute("SELECT v FROM meta WHERE k='schema'").fetchone()[0] == SCHEMA_VERSION == "2"
        assert "acro" not in {r[1] for r in db.execute("PRAGMA table_info(papers)")}
        assert db.execute("SELECT COUNT(*) FROM papers WHERE obs IS NOT NULL").fetchone()[0] == 2
    finally:
        db.close()
